"""/metrics and the health endpoints on Faust's own web app, and the Faust hooks feeding them.

No broker: the aiohttp application behind `app.web` is served by aiohttp's test server on a
free port, without starting the Faust app (which would start the consumer). Rebalances,
assignments and commits go through Faust's real code paths (`App.on_rebalance_start`, the
`on_partitions_assigned` signal, `Consumer.force_commit`), which need no broker either.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import faust
import pytest
from aiohttp.test_utils import TestClient, TestServer
from faust.types import TP

from worker.metrics import Metrics
from worker.pipeline import Outcome, OutcomeKind, SourceMeta
from worker.web import (
    LagUpdater,
    Readiness,
    WorkerSensor,
    install_lag_timer,
    install_sensors,
    loop_answers,
    register_views,
)

_ids = count()


@dataclass
class Served:
    app: faust.App
    metrics: Metrics
    readiness: Readiness
    sensor: WorkerSensor
    client: TestClient[Any, Any]


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    app = faust.App(f"web-test-{next(_ids)}", broker="kafka://127.0.0.1:9", web_enabled=True,
                    datadir=str(tmp_path), broker_commit_interval=1.0)
    app.Table("incidents", partitions=2, key_type=str, value_type=bytes)  # has a changelog
    metrics, readiness = Metrics(), Readiness(commit_interval=1.0)
    register_views(app, metrics, readiness)
    sensor = install_sensors(app, metrics, readiness)
    app.web.init_server()  # Faust's own blueprints too: our paths must not clash with them
    # the aiohttp driver's Application (faust types `app.web` as the abstract Web)
    async with TestClient(TestServer(app.web.web_app)) as client:  # type: ignore[attr-defined]
        yield Served(app, metrics, readiness, sensor, client)


async def test_metrics_endpoint_serves_prometheus_text(served: Served) -> None:
    served.metrics.observe_outcome(
        Outcome(OutcomeKind.NO_EVENT, SourceMeta("articles.raw", 0, 5, 1_000)), 1.5)
    response = await served.client.get("/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
    text = await response.text()
    assert "worker_articles_consumed_total 1.0" in text
    assert 'worker_outcomes_total{kind="no_event"} 1.0' in text


async def test_metrics_endpoint_speaks_openmetrics_to_prometheus(served: Served) -> None:
    accept = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"
    response = await served.client.get("/metrics", headers={"Accept": accept})
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("application/openmetrics-text")
    assert (await response.read()).endswith(b"# EOF\n")


async def test_live_answers_while_the_loop_runs(served: Served) -> None:
    response = await served.client.get("/health/live")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}


async def test_ready_names_failing_checks_until_the_worker_is_ready(served: Served) -> None:
    app, readiness = served.app, served.readiness
    response = await served.client.get("/health/ready")
    assert response.status == 503
    body = await response.json()
    assert body["ready"] is False
    assert body["failing"] == ["gazetteer_loaded", "partitions_assigned", "recovery_done"]
    assert body["checks"]["commit_recent"] is True  # nothing committed yet

    readiness.set_gazetteer_loaded()
    # standby changelog partitions and Faust's leader topic do not count as work assigned
    app.consumer.randomly_assigned_topics.add(f"{app.conf.id}-__assignor-__leader")
    await app.on_partitions_assigned.send({TP(f"{app.conf.id}-__assignor-__leader", 0),
                                           TP(f"{app.conf.id}-incidents-changelog", 0)})
    assert (await served.client.get("/health/ready")).status == 503
    assert readiness.assigned_count == 0
    await app.on_partitions_assigned.send({TP("articles.raw", 0), TP("articles.raw", 1),
                                           TP(f"{app.conf.id}-incidents-changelog", 0)})
    app.on_rebalance_start()  # as the aiokafka rebalance listener does
    response = await served.client.get("/health/ready")
    assert (await response.json())["failing"] == ["recovery_done"]

    app.on_rebalance_end()  # as table recovery does when it is complete
    # a commit pass with nothing to commit
    assert await app.consumer.force_commit() is False  # type: ignore[attr-defined]
    response = await served.client.get("/health/ready")
    assert response.status == 200
    body = await response.json()
    assert body["failing"] == [] and body["assigned_partitions"] == 2
    assert body["last_commit_age_seconds"] is not None

    # another rebalance: not ready until its recovery is done
    app.on_rebalance_start()
    assert (await served.client.get("/health/ready")).status == 503
    assert served.metrics.registry.get_sample_value("worker_rebalances_total") == 2


async def test_ready_fails_when_the_commit_loop_stalls(served: Served) -> None:
    readiness = served.readiness
    readiness.set_gazetteer_loaded()
    readiness.set_assignment(4)
    readiness.set_recovery_done()
    readiness.mark_commit(time.monotonic() - 3.5)  # three intervals and a half ago
    response = await served.client.get("/health/ready")
    assert response.status == 503
    body = await response.json()
    assert body["failing"] == ["commit_recent"] and body["last_commit_age_seconds"] >= 3.5


async def test_commit_time_is_set_only_when_an_offset_moved(served: Served) -> None:
    # the real Faust path: the sensor sees the pass
    await served.app.consumer.force_commit()  # type: ignore[attr-defined]
    assert served.readiness.last_commit_monotonic is not None
    assert served.metrics.registry.get_sample_value(
        "worker_last_commit_timestamp_seconds") == 0

    consumer = SimpleNamespace(_committed_offset={TP("articles.raw", 0): 10})
    sensor = WorkerSensor(served.metrics, served.readiness, wall_clock=lambda: 1234.5)
    state = sensor.on_commit_initiated(consumer)  # type: ignore[arg-type]
    sensor.on_commit_completed(consumer, state)  # type: ignore[arg-type]
    assert served.metrics.registry.get_sample_value(
        "worker_last_commit_timestamp_seconds") == 0
    state = sensor.on_commit_initiated(consumer)  # type: ignore[arg-type]
    consumer._committed_offset[TP("articles.raw", 0)] = 12
    sensor.on_commit_completed(consumer, state)  # type: ignore[arg-type]
    assert served.metrics.registry.get_sample_value(
        "worker_last_commit_timestamp_seconds") == 1234.5


# ---------------------------------------------------------------------- Readiness alone


def test_readiness_checks() -> None:
    clock = {"now": 100.0}
    readiness = Readiness(commit_interval=2.0, clock=lambda: clock["now"])
    readiness.set_gazetteer_loaded()
    readiness.set_recovery_done()
    readiness.set_assignment(0)  # an idle replica: no partitions
    assert readiness.check()["partitions_assigned"] is False
    readiness.mark_commit()
    clock["now"] = 106.0  # exactly three intervals: still fresh
    assert readiness.check()["commit_recent"] is True
    clock["now"] = 106.1
    assert readiness.check()["commit_recent"] is False
    assert readiness.report()["failing"] == ["partitions_assigned", "commit_recent"]

    idle_ok = Readiness(require_partitions=False)
    idle_ok.set_assignment(0)
    assert idle_ok.partitions_assigned is True


# ---------------------------------------------------------------------- consumer lag


class FakeConsumer:
    def __init__(self, assignment: set[TP], highwaters: dict[TP, int | None],
                 committed: dict[TP, int]) -> None:
        self._assignment = assignment
        self._highwaters = highwaters
        self._committed_offset = committed
        self.started = True

    def assignment(self) -> set[TP]:
        if not self.started:
            raise RuntimeError("Consumer thread not yet started")
        return self._assignment

    def highwater(self, tp: TP) -> int | None:
        assert tp in self._assignment, "Partition is not assigned"
        return self._highwaters[tp]


def test_lag_is_log_end_minus_committed_for_stream_partitions() -> None:
    a0, a1, a2 = TP("articles.raw", 0), TP("articles.raw", 1), TP("articles.raw", 2)
    changelog = TP("app-incidents-changelog", 0)
    a3, leader = TP("articles.raw", 3), TP("app-__assignor-__leader", 0)
    consumer = FakeConsumer({a0, a1, a2, a3, changelog, leader},
                            {a0: 120, a1: None, a2: 7, a3: 50, changelog: 900, leader: 4},
                            {a0: 100, a1: 3, a2: 7, changelog: 0, leader: 0})
    consumer.randomly_assigned_topics = {leader.topic}  # type: ignore[attr-defined]
    fake_app = SimpleNamespace(consumer=consumer,
                               tables=SimpleNamespace(changelog_topics={changelog.topic}),
                               monitor=SimpleNamespace(tp_read_offsets={a3: 29}))
    metrics = Metrics()
    updater = LagUpdater(fake_app, metrics)  # type: ignore[arg-type]
    # a1: nothing fetched yet, so no log end offset; a3: nothing committed yet, 30 read;
    # neither the changelog nor the leader topic is consumer lag
    assert updater.update() == {("articles.raw", 0): 20, ("articles.raw", 2): 0,
                                ("articles.raw", 3): 20}

    def lag(partition: int) -> float | None:
        return metrics.registry.get_sample_value(
            "worker_consumer_lag", {"topic": "articles.raw", "partition": str(partition)})

    assert (lag(0), lag(1), lag(2), lag(3)) == (20, None, 0, 20)
    consumer._assignment = {a2}  # a rebalance took partitions 0 and 3 away
    updater.update()
    assert (lag(0), lag(2), lag(3)) == (None, 0, None)
    consumer.started = False
    assert updater.update() == {}

    only = LagUpdater(fake_app, Metrics(), topics={"events.candidates"})  # type: ignore[arg-type]
    consumer.started = True
    assert only.update() == {}


def test_lag_timer_is_registered_on_the_app(tmp_path: Path) -> None:
    app = faust.App(f"web-test-{next(_ids)}", broker="kafka://127.0.0.1:9",
                    datadir=str(tmp_path))
    before = len(app._app_tasks)
    updater = install_lag_timer(app, Metrics(), interval=5.0)
    assert len(app._app_tasks) == before + 1 and updater.app is app


# ---------------------------------------------------------------------- web server in a thread


@pytest.fixture
def thread_loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield loop
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()


async def test_live_pings_the_app_loop_from_another_loop(
        thread_loop: asyncio.AbstractEventLoop) -> None:
    # with web_in_thread=True the handler runs on the web thread's loop: ping the app's loop
    app = SimpleNamespace(_loop=thread_loop)
    assert await loop_answers(app, 1.0) is True  # type: ignore[arg-type]
    thread_loop.call_soon_threadsafe(time.sleep, 0.5)  # the app's loop is blocked
    await asyncio.sleep(0.05)
    started = time.monotonic()
    assert await loop_answers(app, 0.1) is False  # type: ignore[arg-type]
    assert time.monotonic() - started < 0.4
