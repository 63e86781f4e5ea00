"""python -m benchmarks.pipeline_instructions [--articles N] [--out FILE]: the stream layer's
own instructions a message, counted by valgrind's callgrind (`apt-get install valgrind`):
everything the worker's agent does for a batch in its process but Kafka, over N distinct
3 KB benchmark articles (300 by default) after 200 of warm-up, with the extraction core
replaced by the events the real core gave for the same article (as `benchmarks.stream`).

Per batch of the default size (`Settings.batch_size`), as the agent does: each message's
source read off a Faust `Message` (`worker.app.process_batch`): bytes decoded and validated,
the precomputed events, the alert rules, every output record encoded (`Outcome.tally`);
then the records listed for publishing, and the batch counted and logged
(`worker.app.account`: stats, Prometheus metrics, log lines at the configured level, to
/dev/null). Deterministic to ~0.1% where the CPU time of `benchmarks.stream` on a shared
machine is not: the figure to compare two versions of the stream layer's per-message code
by. Per C function: `callgrind_annotate --inclusive=yes FILE`.
"""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path
from typing import Any

from benchmarks import callgrind
from benchmarks.callgrind import Counted

WARM_UP = 200


class _FaustEvent:
    """What `worker.app._source_of` reads of a Faust event: its message (and value)."""

    __slots__ = ("message", "value")

    def __init__(self, message: Any) -> None:
        self.message = message
        self.value = message.value


def load(count: int) -> tuple[list[bytes], dict[str, list[Any]]]:
    """The first `count` articles of `benchmarks.stream`'s corpus as the bytes produced, and
    the real core's events of each (validated, as `benchmarks.stream`'s worker holds them)."""
    import orjson

    from benchmarks.stream import _events_file
    from worker.models import Event

    values: list[bytes] = []
    table: dict[str, list[Event]] = {}
    with _events_file(20_000).open("rb") as lines:
        for _, line in zip(range(count), lines, strict=False):
            row = orjson.loads(line)
            values.append(orjson.dumps(row["article"]))
            table[row["article"]["id"]] = [Event.model_validate(e) for e in row["events"]]
    return values, table


def run_messages(count: int) -> None:
    """The loop callgrind counts (inside `functools.reduce`, called once): `count` messages
    after the warm-up, in batches of the configured size."""
    import logging
    from datetime import timedelta

    from faust.types.tuples import Message

    from worker.alerts import load_rules
    from worker.app import Stats, account, process_batch
    from worker.gctune import tune_gc
    from worker.logs import configure_logging
    from worker.metrics import Metrics
    from worker.models import Article, Event
    from worker.pipeline import Pipeline
    from worker.settings import Settings

    settings = Settings()
    configure_logging(settings.log_level)
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 (the process's lifetime)
    values, table = load(WARM_UP + count)

    def precomputed(article: Article) -> list[Event]:
        return list(table.get(article.id, ()))

    pipeline = Pipeline(precomputed, load_rules(settings.alert_rules_path),
                        max_bytes=settings.max_message_bytes,
                        max_future=timedelta(days=settings.max_future_days),
                        timer=time.perf_counter, merging=False)
    stats, metrics = Stats(), Metrics()
    events = [_FaustEvent(Message("articles", offset % 4, offset, 1_700_000_000.0 + offset, 0,
                                  None, str(offset).encode(), value, None))
              for offset, value in enumerate(values)]
    size = settings.batch_size

    def batches(messages: list[_FaustEvent]) -> None:
        for at in range(0, len(messages), size):
            batch = messages[at:at + size]
            outcomes = process_batch(pipeline, batch)
            pairs = [(r, o.source) for o in outcomes for r in o.records]
            records = [r for r, _ in pairs]
            where = f"{len(batch)} messages from {outcomes[0].source.where}"
            account(stats, metrics, outcomes, where, len(records))

    tune_gc()  # as the worker does once its state is loaded
    batches(events[:WARM_UP])
    functools.reduce(lambda _, __: batches(events[WARM_UP:]), (None,), None)
    if stats.outcomes["events"] < count // 2:
        raise RuntimeError(f"too few articles with events: {dict(stats.outcomes)}")


COUNTED = Counted(
    "benchmarks.pipeline_instructions", "functools_reduce", 300,
    Path("benchmarks/results/pipeline_callgrind.out"),
    nothing="nothing counted inside functools.reduce")


def main(argv: list[str] | None = None) -> int:
    return callgrind.main(argv, COUNTED, run_messages, lambda total, count, out: (
        f"stream layer instructions: {total:,} over {count} messages, "
        f"{total / count:,.0f} a message (callgrind file {out})"))


if __name__ == "__main__":
    raise SystemExit(main())
