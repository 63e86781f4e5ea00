"""The local broker script's state handling (no broker is started here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker import devbroker


def test_reset_deletes_the_brokers_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    state_dir = tmp_path / ".kafka"
    data = state_dir / "data"
    (data / "logs" / "articles-0").mkdir(parents=True)
    (data / "logs" / "articles-0" / "00000000000000000000.log").write_bytes(b"x" * 100)
    (state_dir / "broker.state").write_text(f"pid=0\nbootstrap=127.0.0.1:1\ndata_dir={data}\n")
    monkeypatch.setattr(devbroker, "STATE_DIR", state_dir)

    assert devbroker.main(["reset"]) == 0

    assert not data.exists()
    assert not (state_dir / "broker.state").exists()
    assert "deleted" in capsys.readouterr().out


def test_stop_keeps_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state_dir = tmp_path / ".kafka"
    data = state_dir / "data"
    data.mkdir(parents=True)
    (state_dir / "broker.state").write_text(f"pid=0\nbootstrap=127.0.0.1:1\ndata_dir={data}\n")
    monkeypatch.setattr(devbroker, "STATE_DIR", state_dir)

    assert devbroker.main(["stop"]) == 0

    assert data.exists()


def test_the_broker_config_bounds_what_it_keeps(tmp_path: Path) -> None:
    broker = devbroker.LocalBroker(port=1, data_dir=tmp_path)
    written = dict(line.split("=", 1)
                   for line in broker._write_config().read_text().splitlines())
    assert int(written["log.retention.bytes"]) > 0
    assert int(written["log.segment.bytes"]) < int(written["log.retention.bytes"])
    assert int(written["log.retention.hours"]) > 0
