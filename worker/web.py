"""Operations endpoints on Faust's web server, and the hooks that feed them from Faust itself.

* ``GET /metrics``: Prometheus exposition (`worker.metrics.Metrics`), content-negotiated.
* ``GET /health/live``: 200 while the app's event loop answers.
* ``GET /health/ready``: 200 only when the gazetteer is loaded, partitions are assigned, table
  recovery is done and the commit loop is alive; else 503 naming the failing checks.

`install_sensors` hooks a Faust sensor and the ``on_partitions_assigned`` signal into
`Metrics` and `Readiness`; `install_lag_timer` updates the consumer lag gauges periodically.
All of it must be installed before the app starts (routes and sensors are fixed then).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import faust
from faust import web
from faust.sensors import Sensor
from faust.types import TP, AppT
from faust.types.transports import ConsumerT

from worker.metrics import Metrics

#: Readiness fails when the commit loop has not completed a pass for this many intervals.
COMMIT_STALE_INTERVALS = 3.0
#: How long /health/live waits for the app's loop when the web server runs in its own thread.
LIVE_TIMEOUT = 2.0

Clock = Callable[[], float]


class Readiness:
    """What /health/ready checks. The app and the hooks below set the fields; `check` reads
    them. Times are `time.monotonic()` seconds."""

    def __init__(self, commit_interval: float = 1.0, *, require_partitions: bool = True,
                 clock: Clock = time.monotonic) -> None:
        self.gazetteer_loaded = False
        self.partitions_assigned = False
        #: Stream partitions (changelogs and Faust's leader topic left out) last assigned.
        self.assigned_count = 0
        self.recovery_done = False
        #: When Faust's commit loop last completed a pass; None: no pass yet (nothing to commit).
        self.last_commit_monotonic: float | None = None
        #: Seconds between commits (`Settings.commit_interval`).
        self.commit_interval = commit_interval
        #: With False, an empty assignment (more replicas than partitions) counts as assigned.
        self.require_partitions = require_partitions
        self._clock = clock

    # ------------------------------------------------------------------ setters

    def set_gazetteer_loaded(self, loaded: bool = True) -> None:
        self.gazetteer_loaded = loaded

    def set_assignment(self, count: int) -> None:
        """A partition assignment arrived with `count` partitions."""
        self.assigned_count = count
        self.partitions_assigned = count > 0 or not self.require_partitions

    def set_recovery_done(self, done: bool = True) -> None:
        self.recovery_done = done

    def mark_commit(self, at: float | None = None) -> None:
        """The commit loop completed a pass (committing offsets, or finding none to commit)."""
        self.last_commit_monotonic = self._clock() if at is None else at

    # ------------------------------------------------------------------ checks

    def commit_age(self, now: float | None = None) -> float | None:
        if self.last_commit_monotonic is None:
            return None
        return (self._clock() if now is None else now) - self.last_commit_monotonic

    def check(self, now: float | None = None) -> dict[str, bool]:
        """Each check's result; ready when all are true."""
        age = self.commit_age(now)
        return {
            "gazetteer_loaded": self.gazetteer_loaded,
            "partitions_assigned": self.partitions_assigned,
            "recovery_done": self.recovery_done,
            "commit_recent": age is None
            or age <= COMMIT_STALE_INTERVALS * self.commit_interval,
        }

    def ready(self, now: float | None = None) -> bool:
        return all(self.check(now).values())

    def report(self, now: float | None = None) -> dict[str, Any]:
        """The /health/ready body."""
        checks = self.check(now)
        age = self.commit_age(now)
        return {
            "ready": all(checks.values()),
            "checks": checks,
            "failing": [name for name, ok in checks.items() if not ok],
            "assigned_partitions": self.assigned_count,
            "last_commit_age_seconds": None if age is None else round(age, 3),
        }


# ---------------------------------------------------------------------- views


def register_views(app: faust.App, metrics: Metrics, readiness: Readiness, *,
                   live_timeout: float = LIVE_TIMEOUT) -> None:
    """Add ``/metrics``, ``/health/live`` and ``/health/ready`` to the app's web server."""

    @app.page("/metrics", name="worker-metrics")
    async def metrics_view(self: web.View, request: web.Request) -> web.Response:
        body, content_type = metrics.render_for(request.headers.get("Accept"))
        # the type goes in a header: aiohttp refuses a charset in `content_type=`
        return self.bytes(body, headers={"Content-Type": content_type})

    @app.page("/health/live", name="worker-health-live")
    async def live_view(self: web.View, request: web.Request) -> web.Response:
        if await loop_answers(app, live_timeout) and not app_crashed(app):
            return self.json({"status": "ok"})
        return self.json({"status": "unresponsive"}, status=503)

    @app.page("/health/ready", name="worker-health-ready")
    async def ready_view(self: web.View, request: web.Request) -> web.Response:
        report = readiness.report()
        return self.json(report, status=200 if report["ready"] else 503)


async def loop_answers(app: AppT, timeout: float) -> bool:
    """True when the app's event loop runs a callback within `timeout` seconds. Trivially true
    when this handler runs on that loop (the default); with ``web_in_thread=True`` the web
    server has its own loop and this pings the app's."""
    current = asyncio.get_running_loop()
    target: asyncio.AbstractEventLoop | None = getattr(app, "_loop", None)
    if target is None or target is current:
        return True
    if target.is_closed() or not target.is_running():
        return False
    answered = current.create_future()

    def answer() -> None:
        if not answered.done():
            answered.set_result(True)

    def pong() -> None:
        current.call_soon_threadsafe(answer)

    try:
        target.call_soon_threadsafe(pong)
        await asyncio.wait_for(answered, timeout)
    except (TimeoutError, RuntimeError):
        return False
    return True


def app_crashed(app: AppT) -> bool:
    """A crashed Faust service (mode.Service.crashed) is not alive, even if the loop is."""
    return bool(getattr(app, "crashed", False))


# ---------------------------------------------------------------------- hooks


class WorkerSensor(Sensor):
    """Feeds commits and rebalances from Faust into `Metrics` and `Readiness`.

    * `on_commit_completed` (faust/transport/consumer.py `Consumer.force_commit`) runs at every
      pass of the commit timer (`broker_commit_interval`), with or without offsets to commit:
      a pass marks the commit loop alive; a pass that moved an offset sets the commit time.
    * `on_rebalance_start` (`App.on_rebalance_start`, called from the aiokafka rebalance
      listener, the first join included) counts a rebalance and clears `recovery_done`.
    * `on_rebalance_end` (`App.on_rebalance_end`, called when table recovery is complete and
      the streams resume, "Worker ready") sets `recovery_done`.
    """

    def __init__(self, metrics: Metrics, readiness: Readiness, *,
                 wall_clock: Clock = time.time, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.metrics = metrics
        self.readiness = readiness
        self._wall_clock = wall_clock

    def on_commit_initiated(self, consumer: ConsumerT) -> Any:
        return committed_offsets(consumer)

    def on_commit_completed(self, consumer: ConsumerT, state: Any) -> None:
        self.readiness.mark_commit()
        if state is not None and committed_offsets(consumer) != state:
            self.metrics.committed(self._wall_clock())

    def on_rebalance_start(self, app: AppT) -> dict[Any, Any]:
        state = super().on_rebalance_start(app)
        self.metrics.rebalanced()
        self.readiness.set_recovery_done(False)
        return state

    def on_rebalance_end(self, app: AppT, state: dict[Any, Any]) -> None:
        self.readiness.set_recovery_done(True)


def committed_offsets(consumer: Any) -> dict[TP, int | None]:
    """The consumer's last committed offset per partition (Faust keeps them in
    `Consumer._committed_offset`, the offsets it sends to Kafka: next offset to read)."""
    offsets: Mapping[TP, int | None] = getattr(consumer, "_committed_offset", {})
    return dict(offsets)


def stream_partitions(app: faust.App, tps: Iterable[TP]) -> set[TP]:
    """The partitions of topics the agents consume: not table changelogs (standby replicas get
    those too) nor topics Faust assigns to one member only (its leader topic)."""
    skip = set(app.tables.changelog_topics)
    skip |= set(getattr(app.consumer, "randomly_assigned_topics", ()))
    return {tp for tp in tps if tp.topic not in skip}


def install_sensors(app: faust.App, metrics: Metrics, readiness: Readiness) -> WorkerSensor:
    """Add the sensor and the partition-assignment receiver to `app` (before it starts)."""
    sensor = WorkerSensor(metrics, readiness)
    app.sensors.add(sensor)

    async def on_assigned(sender: Any, *args: Any, signal: Any = None, **kwargs: Any) -> None:
        # App._on_partitions_assigned: `await self.on_partitions_assigned.send(assigned)`
        assigned: Iterable[TP] = args[0] if args else kwargs.get("assigned", ())
        readiness.set_assignment(len(stream_partitions(app, assigned)))

    # mode types handlers with mypy_extensions' VarArg/NamedArg, which no def matches in mypy 2
    app.on_partitions_assigned.connect(on_assigned)  # type: ignore[arg-type]
    return sensor


# ---------------------------------------------------------------------- consumer lag


class LagUpdater:
    """Sets `worker_consumer_lag{topic,partition}` = log end offset (the consumer's last known
    highwater) minus committed offset (before the first commit: last read offset + 1), for the
    assigned partitions of the stream topics (changelogs are left out; `topics` narrows it
    further). Series of partitions no longer assigned are dropped."""

    def __init__(self, app: faust.App, metrics: Metrics,
                 topics: Iterable[str] | None = None) -> None:
        self.app = app
        self.metrics = metrics
        self.topics = frozenset(topics) if topics is not None else None
        self._known: set[tuple[str, int]] = set()

    def update(self) -> dict[tuple[str, int], int]:
        """Refresh the gauges; return the lags set."""
        consumer = self.app.consumer
        try:
            assignment: set[TP] = set(consumer.assignment())
        except Exception:  # consumer not started yet (ConsumerNotStarted) or stopping
            return {}
        committed = committed_offsets(consumer)
        read: Mapping[TP, int] = getattr(self.app.monitor, "tp_read_offsets", None) or {}
        lags: dict[tuple[str, int], int] = {}
        current: set[tuple[str, int]] = set()
        for tp in stream_partitions(self.app, assignment):
            if self.topics is not None and tp.topic not in self.topics:
                continue
            current.add((tp.topic, tp.partition))
            try:
                end = consumer.highwater(tp)
            except Exception:  # revoked meanwhile (aiokafka asserts the assignment)
                continue
            done = committed.get(tp)
            if done is None:  # nothing committed yet: from what was read, if anything
                last_read = read.get(tp)
                done = None if last_read is None else last_read + 1
            if end is None or done is None:  # nothing fetched yet
                continue
            lag = max(0, end - done)
            self.metrics.set_lag(tp.topic, tp.partition, lag)
            lags[(tp.topic, tp.partition)] = lag
        for topic, partition in self._known - current:
            self.metrics.clear_lag(topic, partition)
        self._known = current
        return lags


def install_lag_timer(app: faust.App, metrics: Metrics, interval: float = 5.0,
                      topics: Iterable[str] | None = None) -> LagUpdater:
    """Run a `LagUpdater` every `interval` seconds as an app timer (timers start once the app
    has started, after the first table recovery)."""
    updater = LagUpdater(app, metrics, topics)

    async def update_consumer_lag() -> None:
        updater.update()

    app.timer(interval, name=f"{app.conf.name}.consumer_lag")(update_consumer_lag)
    return updater
