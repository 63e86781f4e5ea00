"""JSON log lines, and Faust's changelog backpressure lines demoted to DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import orjson
import pytest

from worker.logs import configure_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def logged(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in capsys.readouterr().err.splitlines() if line]


def test_one_json_object_per_line_with_the_article_id(
        capsys: pytest.CaptureFixture[str], restore_logging: None) -> None:
    configure_logging("INFO")
    logging.getLogger("worker.pipeline").info("extracted %d events", 2,
                                              extra={"article_id": "a-1"})
    logging.getLogger("worker.pipeline").debug("not at INFO")
    [line] = logged(capsys)
    assert (line["level"], line["msg"], line["article_id"]) == ("INFO", "extracted 2 events",
                                                                 "a-1")
    assert line["logger"] == "worker.pipeline" and str(line["ts"]).endswith("+00:00")


@pytest.mark.parametrize("level", ["INFO", "DEBUG"])
def test_changelog_backpressure_is_debug(capsys: pytest.CaptureFixture[str],
                                         restore_logging: None, level: str) -> None:
    configure_logging(level)
    producer = logging.getLogger("faust.transport.producer")
    producer.warning("producer buffer full size 101")  # what faust-streaming 0.15.3 logs
    producer.info("producer flush took 0.01")
    producer.warning("something else")
    got = [(line["level"], line["msg"]) for line in logged(capsys)]
    shown = [("DEBUG", "producer buffer full size 101")] if level == "DEBUG" else []
    assert got == [*shown, ("WARNING", "something else")]
