"""Fault injection against the real broker: kill -9 of the worker, broker restarts and
outages, a second worker joining and leaving, 10,000 poison messages, SIGTERM under load, a
missing dead-letter topic. After each, every input message must have exactly one outcome
(its events, a counted no-event result, or a dead letter), read back from the broker.

Marked `slow` (CI runs them; `pytest -m 'not slow'` skips them locally). Set
FAULTS_EOS_RUNS=10 to repeat the exactly-once crash test, FAULTS_BOTH_MODES=1 to run the
broker tests exactly-once too (the rebalance test always runs in both modes),
FAULTS_RESULTS=path to append each test's figures as a JSON line (they are printed too: run
with -s).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import re
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from tests.integration.faults import (
    POISON_CASES,
    Accounting,
    Expected,
    Message,
    WorkerProcess,
    account,
    dead_letter_value,
    good_corpus,
    group_state,
    output_progress,
    poison,
    produce_fast,
    read_outputs,
    wait_committed,
    wait_until,
)
from tests.integration.workers import settings_of, worker_env
from worker.app import EXIT_TRANSACTION_LOST
from worker.devbroker import LocalBroker, free_port
from worker.pipeline import DEAD_LETTER_MAX_VALUE_BYTES
from worker.settings import Settings
from worker.topics import ensure_topics, group_lag

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CRASH_ARTICLES = 5_000
FAULT_ARTICLES = 3_000
EOS_RUNS = int(os.environ.get("FAULTS_EOS_RUNS", "1"))
#: The broker tests run at-least-once in CI; FAULTS_BOTH_MODES=1 adds exactly-once. The
#: rebalance test runs in both modes always (about 1.5 min exactly-once).
MODES = ["at_least_once"] + (["exactly_once"] if os.environ.get("FAULTS_BOTH_MODES") else [])
BOTH_MODES = ["at_least_once", "exactly_once"]


def report(name: str, figures: dict[str, Any]) -> None:
    line = orjson.dumps({"test": name, **figures}).decode()
    print(f"\nFAULTS {line}")
    target = os.environ.get("FAULTS_RESULTS")
    if target:
        with open(target, "a") as out:
            out.write(line + "\n")


def fault_env(bootstrap: str, tmp_path: Path, name: str, *, partitions: int = 4,
              guarantee: str = "at_least_once", **extra: str) -> dict[str, str]:
    prefix = f"{name}-{uuid.uuid4().hex[:8]}"
    return worker_env(bootstrap, prefix, partitions) | {
        "WORKER_DATA_DIR": str(tmp_path / prefix),
        "WORKER_MERGE_ENABLED": "false",  # one event per report: ids to count
        "WORKER_PROCESSING_GUARANTEE": guarantee,
        "WORKER_SESSION_TIMEOUT": "6",  # a killed worker's partitions move on quickly
        "WORKER_COMMIT_INTERVAL": "0.5",
        **extra,
    }


def supervised(worker: WorkerProcess, guarantee: str) -> asyncio.Task[list[int]] | None:
    """exactly-once: a worker whose transaction is lost exits (EXIT_TRANSACTION_LOST) for a
    restart to replay from the committed offsets; the test restarts it, as a supervisor
    would."""
    if guarantee != "exactly_once":
        return None
    return asyncio.create_task(worker.supervise(frozenset({EXIT_TRANSACTION_LOST})))


async def unsupervise(task: asyncio.Task[list[int]] | None) -> None:
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def mixed_corpus(prefix: str, good: int, bad: int, seed: int,
                 ) -> tuple[list[Message], dict[bytes, Expected]]:
    """`good` articles and `bad` poison messages (every case, none 5 MB), shuffled."""
    messages, expected = good_corpus(prefix, good)
    rng = random.Random(seed)
    cases = [c for c in POISON_CASES if c != "too_large"]
    for index in range(bad):
        p = poison(index, cases[index % len(cases)], rng)
        messages.append(Message(p.key, p.value))  # type: ignore[arg-type]
        expected[p.key] = Expected(None, dead_reason=POISON_CASES[p.case])
    rng.shuffle(messages)
    return messages, expected


async def wait_progress(settings: Settings, at_least: float, timeout: float = 300.0) -> None:
    async def reached() -> bool:
        return await output_progress(settings) >= at_least
    await wait_until(reached, timeout, f"{at_least:.0f} output records", interval=0.1)


async def finish(worker: WorkerProcess, expected: dict[bytes, Expected], *,
                 timeout: float = 300.0) -> Accounting:
    settings = worker.settings
    await wait_committed(settings, timeout)
    out = await read_outputs(settings, read_committed=True)
    return account(settings, expected, out)


def assert_every_outcome_once(acc: Accounting, guarantee: str = "at_least_once") -> None:
    assert not acc.problems, acc.summary()
    assert sum(acc.outcomes.values()) == acc.produced
    assert acc.duplicates_identical, "a replayed event differs from the first delivery"
    if guarantee == "exactly_once":  # read committed: nothing twice
        assert acc.duplicate_events == acc.duplicate_dead_letters == 0, acc.summary()
        assert acc.alert_records == acc.distinct_alerts, acc.summary()


# --------------------------------------------------------------------------- kill -9


async def crash_run(bootstrap: str, tmp_path: Path, guarantee: str, seed: int,
                    kills: int = 3) -> tuple[Accounting, dict[str, Any]]:
    env = fault_env(bootstrap, tmp_path, f"crash-{guarantee[:3]}", guarantee=guarantee)
    settings = settings_of(env)
    messages, expected = mixed_corpus(settings.app_id, CRASH_ARTICLES - 50, 50, seed)
    worker = WorkerProcess(env)
    await asyncio.to_thread(worker.start)
    started = time.monotonic()
    await produce_fast(settings.bootstrap_servers, settings.topic_articles, messages)
    total = sum(len(e.events) or 0 for e in expected.values()) + 50
    rng = random.Random(seed)
    kill_points = []
    try:
        for k in range(kills):
            point = rng.uniform(0.1 + 0.27 * k, 0.3 + 0.27 * k)
            await wait_progress(settings, point * total)
            await asyncio.sleep(rng.uniform(0.0, 0.4))
            kill_points.append(round(await output_progress(settings) / total, 3))
            worker.kill()
            await asyncio.to_thread(worker.start)
        acc = await finish(worker, expected)
    finally:
        worker.stop()
    return acc, {"guarantee": guarantee, "seed": seed, "kills": kills,
                 "kill_points": kill_points, "seconds": round(time.monotonic() - started, 1),
                 **acc.summary()}


async def test_kill9_three_times_at_least_once(kafka_bootstrap: str, tmp_path: Path) -> None:
    acc, figures = await crash_run(kafka_bootstrap, tmp_path, "at_least_once", seed=11)
    report("kill9_at_least_once", figures)
    assert_every_outcome_once(acc)
    assert acc.outcomes["dead_letter"] == 50


@pytest.mark.parametrize("run", range(EOS_RUNS))
async def test_kill9_three_times_exactly_once(kafka_bootstrap: str, tmp_path: Path,
                                              run: int) -> None:
    acc, figures = await crash_run(kafka_bootstrap, tmp_path, "exactly_once", seed=100 + run)
    report("kill9_exactly_once", {"run": run, **figures})
    # read_committed: a killed worker's open transaction is aborted, never seen
    assert_every_outcome_once(acc, "exactly_once")


# --------------------------------------------------------------------------- rebalance


@pytest.mark.parametrize("guarantee", BOTH_MODES)
async def test_second_worker_joins_and_leaves(kafka_bootstrap: str, tmp_path: Path,
                                              guarantee: str) -> None:
    env = fault_env(kafka_bootstrap, tmp_path, "rebalance", guarantee=guarantee)
    settings = settings_of(env)
    messages, expected = mixed_corpus(settings.app_id, FAULT_ARTICLES, 30, seed=7)
    first, second = WorkerProcess(env), WorkerProcess(env)
    third = len(messages) // 3
    bootstrap, topic = settings.bootstrap_servers, settings.topic_articles

    async def members(count: int) -> bool:
        state, n = await group_state(bootstrap, settings.app_id)
        return state == "Stable" and n == count

    await asyncio.to_thread(first.start)
    watch = supervised(first, guarantee), supervised(second, guarantee)
    try:
        # input arrives in three waves: before the second worker, while both run, after it left
        await produce_fast(bootstrap, topic, messages[:third])
        await wait_until(lambda: members(1), 120, "the first worker in the group")
        await asyncio.to_thread(second.start)
        await wait_until(lambda: members(2), 120, "the second worker in the group")
        await produce_fast(bootstrap, topic, messages[third:2 * third])
        await wait_progress(settings, sum(len(expected[m.key].events) or 1
                                          for m in messages[:third + third // 2]))
        left_in, code = second.terminate()
        await produce_fast(bootstrap, topic, messages[2 * third:])
        for task in watch:
            await unsupervise(task)
        acc = await finish(first, expected)
        assert first.alive and code == 0
        # exactly-once too: no exit for a restart (a partition back from the second worker
        # used to be sent in its fenced producer, `worker.rebalance.StopRevokedTransactions`)
        assert first.starts == second.starts == 1, (first.starts, second.starts)
    finally:
        for task in watch:
            await unsupervise(task)
        first.stop()
        second.stop()
    report("rebalance", {"guarantee": guarantee, "worker_starts": [first.starts, second.starts],
                         "second_worker_stop_seconds": round(left_in, 2), **acc.summary()})
    assert_every_outcome_once(acc, guarantee)


# --------------------------------------------------------------------------- SIGTERM


async def test_sigterm_under_load_then_restart(kafka_bootstrap: str, tmp_path: Path) -> None:
    env = fault_env(kafka_bootstrap, tmp_path, "sigterm")
    settings = settings_of(env)
    messages, expected = mixed_corpus(settings.app_id, FAULT_ARTICLES, 30, seed=5)
    total = sum(len(e.events) for e in expected.values()) + 30
    worker = WorkerProcess(env)
    await asyncio.to_thread(worker.start)
    try:
        await produce_fast(settings.bootstrap_servers, settings.topic_articles, messages)
        await wait_progress(settings, 0.4 * total)
        took, code = worker.terminate()
        lag_after_stop = await group_lag(settings.bootstrap_servers, settings.app_id,
                                         settings.topic_articles)
        before = await output_progress(settings)
        await asyncio.to_thread(worker.start)
        acc = await finish(worker, expected)
    finally:
        worker.stop()
    report("sigterm", {"stop_seconds": round(took, 2), "exit_code": code,
                       "lag_after_stop": lag_after_stop, "outputs_before_restart": before,
                       **acc.summary()})
    assert took < 10, f"took {took:.1f}s to stop"
    assert code == 0
    assert lag_after_stop is not None and 0 < lag_after_stop < len(messages), (
        "the stop should land mid-run, with its progress committed")
    assert_every_outcome_once(acc)
    # the restart went on from the committed offsets: at most the last uncommitted batches
    # (a batch is up to 200 messages per partition) were replayed
    assert acc.duplicate_events <= 4 * 200, acc.summary()


# --------------------------------------------------------------------------- poison


async def test_ten_thousand_poison_messages(kafka_bootstrap: str, tmp_path: Path) -> None:
    env = fault_env(kafka_bootstrap, tmp_path, "poison", WORKER_BATCH_SIZE="500")
    settings = settings_of(env)
    # the input topic takes 6 MB records, so that a 5 MB body reaches the worker
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(settings.topic_articles, 4, 1, topic_configs={
            "max.message.bytes": str(6 * 1024 * 1024)})])
    finally:
        await admin.close()
    good_messages, expected = good_corpus(settings.app_id, 2_000)
    rng = random.Random(2026)
    cases = list(POISON_CASES)
    bad: list[Any] = []
    for index in range(10_000):
        case = cases[index % len(cases)]
        if case == "too_large" and index >= 3 * len(cases):
            case = "deeply_nested"  # three 5 MB bodies are enough
        bad.append(poison(index, case, rng))
    messages = good_messages + [Message(p.key, p.value) for p in bad]
    for p in bad:
        expected[p.key] = Expected(None, dead_reason=POISON_CASES[p.case])
    rng.shuffle(messages)
    worker = WorkerProcess(env)
    await asyncio.to_thread(worker.start)
    try:
        started = time.monotonic()
        await produce_fast(settings.bootstrap_servers, settings.topic_articles, messages,
                           max_request_size=8 * 1024 * 1024)
        await wait_committed(settings, 400)
        elapsed = time.monotonic() - started
        assert worker.alive and worker.starts == 1, "the worker died on bad input"
        out = await read_outputs(settings, timeout=120)
    finally:
        worker.stop()
    acc = account(settings, expected, out)
    by_key = {r.key: r for r in out[settings.topic_deadletter]}
    wrong_bytes = 0
    for p in bad:
        record = by_key[p.key]
        doc = orjson.loads(record.value)
        original = p.value or b""
        if dead_letter_value(doc) != original[:DEAD_LETTER_MAX_VALUE_BYTES]:
            wrong_bytes += 1
        headers = dict(record.headers)
        assert doc["original_topic"] == settings.topic_articles
        assert headers["__worker.errors.topic"].decode() == settings.topic_articles
        assert int(headers["__worker.errors.partition"]) == doc["original_partition"]
        assert int(headers["__worker.errors.value.bytes"]) == len(original)
        assert headers["__worker.errors.exception.class.name"].decode() == doc["error_class"]
        if p.case == "too_large":
            assert headers["__worker.errors.value.truncated"] == b"true"
    cases_seen = Counter(p.case for p in bad)
    report("poison", {"bad": len(bad), "good": len(good_messages),
                      "cases": dict(cases_seen), "seconds": round(elapsed, 1),
                      **acc.summary()})
    assert wrong_bytes == 0
    assert set(cases_seen) == set(POISON_CASES)
    assert_every_outcome_once(acc)
    assert acc.outcomes["dead_letter"] == 10_000


# --------------------------------------------------------------------------- broker faults


@pytest.fixture(scope="module")
def own_broker() -> Iterator[LocalBroker]:
    """A broker of this module's own, to restart and kill; topics are never auto-created."""
    broker = LocalBroker(auto_create_topics=False)
    broker.start()
    try:
        yield broker
    finally:
        broker.cleanup()


async def broker_fault_run(own_broker: LocalBroker, tmp_path: Path, name: str, guarantee: str,
                           *, seed: int, at: float,
                           fault: Callable[[WorkerProcess], Awaitable[None]],
                           timeout: float = 300.0) -> float:
    """A worker under load; `fault` done to the broker once `at` of the outputs are out;
    every outcome once afterwards. Returns the seconds from the broker's return to done."""
    env = fault_env(own_broker.bootstrap, tmp_path, name, guarantee=guarantee)
    settings = settings_of(env)
    messages, expected = mixed_corpus(settings.app_id, FAULT_ARTICLES, 30, seed=seed)
    total = sum(len(e.events) for e in expected.values()) + 30
    worker = WorkerProcess(env)
    await asyncio.to_thread(worker.start)
    watch = supervised(worker, guarantee)
    try:
        await produce_fast(settings.bootstrap_servers, settings.topic_articles, messages)
        await wait_progress(settings, at * total)
        await fault(worker)
        back = time.monotonic()
        acc = await finish(worker, expected, timeout=timeout)
        resumed = time.monotonic() - back
        assert worker.alive, "the worker exited"
        assert worker.starts == 1 or guarantee == "exactly_once", "the worker exited"
    finally:
        await unsupervise(watch)
        worker.stop()
    report(name, {"guarantee": guarantee, "worker_starts": worker.starts,
                  "done_after_broker_back_seconds": round(resumed, 1), **acc.summary()})
    assert_every_outcome_once(acc, guarantee)
    return resumed


@pytest.mark.parametrize("guarantee", MODES)
async def test_broker_restart_mid_run(own_broker: LocalBroker, tmp_path: Path,
                                      guarantee: str) -> None:
    async def restart(worker: WorkerProcess) -> None:
        await asyncio.to_thread(own_broker.restart)

    await broker_fault_run(own_broker, tmp_path, "broker_restart", guarantee, seed=3, at=0.4,
                           fault=restart)


@pytest.mark.parametrize("guarantee", MODES)
async def test_broker_down_thirty_seconds(own_broker: LocalBroker, tmp_path: Path,
                                          guarantee: str) -> None:
    async def down_thirty_seconds(worker: WorkerProcess) -> None:
        own_broker.kill()
        await asyncio.sleep(30)
        assert worker.alive or guarantee == "exactly_once", (
            "the worker exited while the broker was down")
        await asyncio.to_thread(own_broker.start)

    # every partition is fetched again: all input committed, within 60 s of the return
    resumed = await broker_fault_run(own_broker, tmp_path, "broker_down_30s", guarantee,
                                     seed=4, at=0.3, fault=down_thirty_seconds, timeout=60)
    assert resumed < 60


async def test_missing_dead_letter_topic_holds_the_offset(own_broker: LocalBroker,
                                                          tmp_path: Path) -> None:
    port = free_port()
    env = fault_env(own_broker.bootstrap, tmp_path, "nodlq", partitions=1,
                    WORKER_CREATE_TOPICS="false", WORKER_PUBLISH_TIMEOUT="2",
                    WORKER_WEB_ENABLED="true", WORKER_WEB_PORT=str(port),
                    WORKER_LOG_LEVEL="WARNING")
    settings = settings_of(env)
    # every topic but the dead-letter one (and the broker does not auto-create topics)
    everything_but = Settings(**{**settings.model_dump(), "topic_deadletter":
                                 settings.topic_articles})
    await ensure_topics(everything_but)
    good, expected = good_corpus(settings.app_id, 20)
    bad = poison(0, "not_json", random.Random(1))
    expected[bad.key] = Expected(None, dead_reason="invalid_json")
    messages = [*good[:10], Message(bad.key, bad.value or b""), *good[10:]]
    log_path = tmp_path / "worker.stderr"
    worker = WorkerProcess(env, log_path, create_topics=False)
    await asyncio.to_thread(worker.start)
    try:
        await produce_fast(settings.bootstrap_servers, settings.topic_articles, messages)

        def failure_logged() -> bool:
            return log_path.exists() and "publishing outputs of" in log_path.read_text()

        await wait_until(failure_logged, 120, "the publish failure in the logs")
        await asyncio.sleep(3)  # a few retries and commit intervals
        lag = await group_lag(settings.bootstrap_servers, settings.app_id,
                              settings.topic_articles)
        # nothing committed past the bad message (offset 10)
        assert lag is None or lag >= len(messages) - 10, lag
        metrics = await asyncio.to_thread(_get, f"http://127.0.0.1:{port}/metrics")
        failures = float(re.search(r"^worker_publish_failures_total (\S+)$", metrics,
                                   re.M).group(1))  # type: ignore[union-attr]
        assert failures >= 1
        assert worker.alive
        # the topic appears: the worker goes on by itself, nothing was skipped
        await ensure_topics(settings)
        acc = await finish(worker, expected, timeout=120)
    finally:
        worker.stop()
    report("missing_dead_letter_topic", {"lag_while_missing": lag,
                                         "publish_failures_metric": failures,
                                         **acc.summary()})
    assert_every_outcome_once(acc)
    assert acc.outcomes["dead_letter"] == 1


def _get(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:
        body: bytes = response.read()
    return body.decode()
