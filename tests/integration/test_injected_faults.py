"""Faults inside the extraction core, on the real broker: an article whose extraction raises
(a bug) and an article that blocks the core for 30 s while the worker is killed with -9.
The worker is the production one with its extractor wrapped (`fault_worker.py`)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
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
from tests.integration.test_faults import assert_every_outcome_once, fault_env, finish, report
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
