"""Faults inside the extraction core, on the real broker: an article whose extraction raises
(a bug), an article that blocks the core for 30 s while the worker is killed with -9, and a
backlog of slow articles under exactly-once. The worker is the production one with its
extractor wrapped (`fault_worker.py`)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from tests.integration.faults import (
    Expected,
    Message,
    WorkerProcess,
    good_corpus,
    output_progress,
    produce_fast,
    wait_until,
)
from tests.integration.test_faults import (
    assert_every_outcome_once,
    fault_env,
    finish,
    report,
    supervised,
    unsupervise,
)
from tests.integration.workers import settings_of
from worker.models import Article
from worker.topics import ensure_topics, group_lag

pytestmark = [pytest.mark.integration, pytest.mark.slow]


class FaultyWorker(WorkerProcess):
    """The worker whose extractor raises on `boom-*` ids and blocks on `slow-*` ids."""

    def start(self) -> None:
        with open(self.stderr_path or "/dev/null", "ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.integration.fault_worker"], env=self.env,
                stderr=err)
        self.starts += 1


def special(prefix: str, template: Message, index: int) -> tuple[bytes, Message]:
    doc = orjson.loads(template.value)
    doc["id"] = f"{prefix}-{index}"
    Article.model_validate(doc)
    key = doc["id"].encode()
    return key, Message(key, orjson.dumps(doc))


async def test_an_extraction_bug_dead_letters_that_article_only(kafka_bootstrap: str,
                                                                tmp_path: Path) -> None:
    env = fault_env(kafka_bootstrap, tmp_path, "bug")  # ids must not start with boom- or slow-
    settings = settings_of(env)
    await ensure_topics(settings)
    messages, expected = good_corpus(settings.app_id, 300)
    for i in range(0, 300, 30):  # ten articles whose extraction raises, among the good ones
        key, message = special("boom", messages[i], i)
        messages.insert(i, message)
        expected[key] = Expected(key.decode(), dead_reason="extraction_error")
    worker = FaultyWorker(env, tmp_path / "bug.log")
    await asyncio.to_thread(worker.start)
    try:
        await produce_fast(settings.bootstrap_servers, settings.topic_articles, messages)
        acc = await finish(worker, expected, timeout=180)
        alive = worker.alive
    finally:
        worker.stop()
    report("extraction_bug", acc.summary())
    assert alive, "the worker must go on after a bug in extraction"
    assert_every_outcome_once(acc)
    assert acc.dead_by_reason == {"extraction_error": 10}, acc.summary()


async def test_slow_article_then_kill9_is_processed_after_restart(kafka_bootstrap: str,
                                                                  tmp_path: Path) -> None:
    env = fault_env(kafka_bootstrap, tmp_path, "stall", partitions=1)
    settings = settings_of(env)
    await ensure_topics(settings)
    before, expected = good_corpus(settings.app_id, 100)
    key, slow = special("slow", before[0], 0)
    expected[key] = Expected(key.decode(), expected[before[0].key].events)
    after, more = good_corpus(settings.app_id + "-after", 100)
    expected.update(more)
    worker = FaultyWorker(env | {"FAULT_SLOW_SECONDS": "30"}, tmp_path / "slow.log")
    await asyncio.to_thread(worker.start)
    try:
        await produce_fast(settings.bootstrap_servers, settings.topic_articles, before)
        wanted = sum(len(expected[m.key].events) for m in before)

        async def caught_up() -> bool:
            return await output_progress(settings) >= wanted

        await wait_until(caught_up, 120, "the outputs of the first articles", interval=0.5)
        await produce_fast(settings.bootstrap_servers, settings.topic_articles, [slow, *after])

        async def stuck() -> bool:  # input waiting, and no output for 3 s: blocked on it
            first = await output_progress(settings)
            await asyncio.sleep(3)
            lag = await group_lag(settings.bootstrap_servers, settings.app_id,
                                  settings.topic_articles)
            return bool(lag) and await output_progress(settings) == first

        await wait_until(stuck, 60, "the worker to block on the slow article", interval=0.5)
        lag_at_kill = await group_lag(settings.bootstrap_servers, settings.app_id,
                                      settings.topic_articles)
        worker.kill()
        worker.env = env | {"FAULT_SLOW_SECONDS": "1"}  # the restart: slow, but not 30 s
        await asyncio.to_thread(worker.start)
        acc = await finish(worker, expected, timeout=240)
    finally:
        worker.stop()
    report("slow_article_kill9", {"lag_at_kill": lag_at_kill, **acc.summary()})
    # the slow article and everything after it were not committed when the worker died ...
    assert lag_at_kill is not None and lag_at_kill >= 1 + len(after), lag_at_kill
    # ... and after the restart every article, the slow one included, has its outcome
    assert_every_outcome_once(acc)
    assert acc.outcomes["events"] + acc.outcomes["no_event"] == len(expected)


#: The exactly-once backlog test: articles, and how long each blocks the core (seconds).
BACKLOG_ARTICLES = 2_000
BACKLOG_SLOW_SECONDS = 0.01
#: The longest the committed offsets may stand still while input waits (seconds): far above
#: a batch (200 articles, about 2.5 s) plus a commit interval, far below the 20+ s backlog.
BACKLOG_MAX_COMMIT_GAP = 10.0


async def test_exactly_once_backlog_is_committed_as_it_goes(kafka_bootstrap: str,
                                                            tmp_path: Path) -> None:
    """A pre-produced backlog keeps the exactly-once worker busy, batch after batch (each
    article blocks the core 10 ms). Faust's commit timer alone never got a turn then (it
    fired inside the hold around each batch's sends, and skipped): no transaction ended
    until the broker aborted it at 60 s and the worker was fenced, every life. The
    committed offsets must advance while the backlog lasts, with no restart."""
    env = fault_env(kafka_bootstrap, tmp_path, "eos-backlog", guarantee="exactly_once")
    settings = settings_of(env)
    await ensure_topics(settings)
    template, outcomes = good_corpus(settings.app_id, BACKLOG_ARTICLES)
    messages: list[Message] = []
    expected: dict[bytes, Expected] = {}
    for index, message in enumerate(template):
        key, slow = special(f"slow-{settings.app_id}", message, index)
        messages.append(slow)
        expected[key] = Expected(key.decode(), outcomes[message.key].events)
    await produce_fast(settings.bootstrap_servers, settings.topic_articles, messages)
    worker = FaultyWorker(env | {"FAULT_SLOW_SECONDS": str(BACKLOG_SLOW_SECONDS)},
                          tmp_path / "backlog.log")
    await asyncio.to_thread(worker.start)
    watch = supervised(worker, "exactly_once")
    try:
        async def working() -> bool:
            return await output_progress(settings) > 0

        await wait_until(working, 120, "the first outputs", interval=0.2)
        began = last_move = time.monotonic()
        lag: int | None = len(messages)
        longest_gap = 0.0
        while lag:
            await asyncio.sleep(0.5)
            now = time.monotonic()
            latest = await group_lag(settings.bootstrap_servers, settings.app_id,
                                     settings.topic_articles)
            if latest is not None and latest != lag:
                lag, last_move = latest, now
            longest_gap = max(longest_gap, now - last_move)
            assert now - began < 300, f"backlog not committed in 300 s (lag {lag})"
        seconds = time.monotonic() - began
        await unsupervise(watch)
        acc = await finish(worker, expected)
    finally:
        await unsupervise(watch)
        worker.stop()
    report("exactly_once_backlog", {"seconds": round(seconds, 1), "worker_starts": worker.starts,
                                    "longest_commit_gap": round(longest_gap, 1),
                                    **acc.summary()})
    assert worker.starts == 1, "the worker lost a transaction (exit 75) and was restarted"
    assert longest_gap < BACKLOG_MAX_COMMIT_GAP, (
        f"the committed offsets stood still {longest_gap:.1f}s while input waited")
    assert_every_outcome_once(acc, "exactly_once")
