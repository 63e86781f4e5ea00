from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from worker.__main__ import main
from worker.settings import Settings


def test_defaults_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKER_KAFKA_BOOTSTRAP", "127.0.0.1:9092,10.0.0.2:9093")
    monkeypatch.setenv("WORKER_TOPIC_PARTITIONS", "8")
    settings = Settings()
    assert settings.topic_partitions == 8
    assert settings.broker_url == "kafka://127.0.0.1:9092;kafka://10.0.0.2:9093"
    assert settings.bootstrap_servers == "127.0.0.1:9092,10.0.0.2:9093"


@pytest.mark.parametrize(
    ("name", "value"),
    [("WORKER_TOPIC_PARTITIONS", "zero"), ("WORKER_KAFKA_BOOTSTRAP", "nohostport"),
     ("WORKER_LOG_LEVEL", "LOUD"), ("WORKER_MAX_MESSAGE_BYTES", "-1"),
     ("WORKER_PRODUCER_COMPRESSION", "brotli")],
)
def test_bad_setting_names_the_variable(monkeypatch: pytest.MonkeyPatch, name: str,
                                        value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert name.removeprefix("WORKER_").lower() in str(caught.value)


def test_producer_compression_reaches_the_producer_and_needs_its_codec(
        monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    from aiokafka import codec

    from worker.alerts import load_rules
    from worker.app import create_app
    from worker.pipeline import Pipeline
    from worker.settings import Compression

    assert Settings().producer_compression is Compression.ZSTD
    for value, codec_name in (("none", None), ("gzip", "gzip"), ("zstd", "zstd")):
        settings = Settings(producer_compression=value, kafka_bootstrap="127.0.0.1:9092",
                            data_dir=str(tmp_path), web_enabled=False)
        pipeline = Pipeline(lambda a: [], load_rules(), max_bytes=1000,
                            max_future=timedelta(days=2))
        app = create_app(settings, pipeline).app
        assert app.conf.producer_compression_type == codec_name
        assert app.producer.compression_type == codec_name
    monkeypatch.setattr(codec, "has_zstd", lambda: False)  # cramjam not installed
    with pytest.raises(ValidationError, match="cramjam"):
        Settings(producer_compression="zstd")
    assert Settings(producer_compression="gzip").producer_compression is Compression.GZIP


def test_cli_reports_bad_setting(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WORKER_TOPIC_PARTITIONS", "lots")
    assert main(["run"]) == 2
    assert "topic_partitions" in capsys.readouterr().err


def test_bad_rules_file_stops_the_worker_naming_the_line(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules.yaml"  # type: ignore[operator]
    rules.write_text("rules:\n  - name: x\n    severity: loud\n")
    monkeypatch.setenv("WORKER_KAFKA_BOOTSTRAP", "127.0.0.1:9")
    monkeypatch.setenv("WORKER_ALERT_RULES_PATH", str(rules))
    monkeypatch.setenv("WORKER_WEB_ENABLED", "false")
    monkeypatch.setenv("WORKER_CREATE_TOPICS", "false")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "line 3" in err and "severity" in err


def test_producer_batch_bytes_reaches_the_producer(tmp_path: object) -> None:
    from worker.alerts import load_rules
    from worker.app import create_app
    from worker.pipeline import Pipeline

    assert Settings().producer_batch_bytes == 512 * 1024
    settings = Settings(producer_batch_bytes=65_536, kafka_bootstrap="127.0.0.1:9092",
                        data_dir=str(tmp_path), web_enabled=False)
    pipeline = Pipeline(lambda a: [], load_rules(), max_bytes=1000, max_future=timedelta(days=2))
    app = create_app(settings, pipeline).app
    assert app.conf.producer_max_batch_size == 65_536
    assert app.producer.max_batch_size == 65_536
    for bad in (1_000, 2_000_000):  # below Kafka's usual batch, above its 1 MB record limit
        with pytest.raises(ValidationError, match="producer_batch_bytes"):
            Settings(producer_batch_bytes=bad)
