"""`worker.lean` on the worker's Faust app (no broker): the sensors keep what the worker reads
(the last offset read per partition, for the lag) and call the per-message hooks of any other
sensor as Faust's delegate does; raw messages decode to the same events as Faust's ``raw``
serializer gives."""

from __future__ import annotations

from itertools import count
from pathlib import Path
from typing import Any

import faust
import pytest
from faust.sensors import Monitor, SensorDelegate
from faust.sensors.base import Sensor
from faust.types import TP
from faust.types.tuples import Message

from worker.lean import LeanMonitor, LeanSensorDelegate, RawSchema
from worker.metrics import Metrics
from worker.rebalance import App
from worker.web import LagUpdater, Readiness, WorkerSensor

_ids = count()
TP0 = TP("articles.raw", 0)


def _app(tmp_path: Path, **options: Any) -> App:
    return App(f"lean-test-{next(_ids)}", broker="kafka://127.0.0.1:9", datadir=str(tmp_path),
               **options)


def _message(offset: int, key: bytes | None, value: bytes | None) -> Message:
    return Message(TP0.topic, TP0.partition, offset, 1.5, 0, [], key, value, None, tp=TP0)


class Recording(Sensor):
    """A sensor with per-event state, as a tracing sensor has."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.calls: list[tuple[str, int, Any]] = []

    def on_message_in(self, tp: TP, offset: int, message: Message) -> None:
        self.calls.append(("in", offset, None))

    def on_stream_event_in(self, tp: TP, offset: int, stream: Any, event: Any) -> Any:
        self.calls.append(("event_in", offset, None))
        return {"offset": offset}

    def on_stream_event_out(self, tp: TP, offset: int, stream: Any, event: Any,
                            state: Any = None) -> None:
        self.calls.append(("event_out", offset, state))

    def on_message_out(self, tp: TP, offset: int, message: Message) -> None:
        self.calls.append(("out", offset, None))


def _drive(delegate: SensorDelegate, offset: int) -> None:
    """The per-message hooks in the order Faust's stream calls them."""
    message = _message(offset, b"k", b"v")
    delegate.on_message_in(TP0, offset, message)
    state = delegate.on_stream_event_in(TP0, offset, None, None)  # type: ignore[arg-type]
    delegate.on_stream_event_out(TP0, offset, None, None, state)  # type: ignore[arg-type]
    delegate.on_message_out(TP0, offset, message)


def test_the_worker_app_has_the_lean_monitor_and_delegate(tmp_path: Path) -> None:
    app = _app(tmp_path)
    assert isinstance(app.sensors, LeanSensorDelegate)
    assert type(app.monitor) is LeanMonitor
    app.on_init_dependencies()  # where Faust adds its monitor to the sensors
    assert app.monitor in set(app.sensors)
    # an explicit monitor class is kept
    assert type(_app(tmp_path, Monitor=Monitor).monitor) is Monitor


def test_the_lean_monitor_keeps_the_read_offsets_that_the_lag_reads(tmp_path: Path) -> None:
    app = _app(tmp_path)
    app.sensors.add(app.monitor)
    app.sensors.add(WorkerSensor(Metrics(), Readiness()))
    for offset in (3, 4, 9):
        _drive(app.sensors, offset)
    assert app.monitor.tp_read_offsets == {TP0: 9}
    assert app.monitor.messages_received_total == 3
    # what `LagUpdater` reads before the first commit
    assert LagUpdater(app, Metrics()).app.monitor.tp_read_offsets[TP0] == 9
    # nothing kept per event
    assert not app.monitor.events_by_stream and not app.monitor.events_runtime


def test_the_delegate_skips_sensors_without_per_message_hooks(tmp_path: Path) -> None:
    app = _app(tmp_path)
    app.sensors.add(app.monitor)
    app.sensors.add(WorkerSensor(Metrics(), Readiness()))
    assert app.sensors.on_stream_event_in(TP0, 1, None, None) is None  # type: ignore[arg-type]


def test_the_delegate_calls_other_sensors_as_faust_does(tmp_path: Path) -> None:
    app = _app(tmp_path)
    lean, faust_way = Recording(), Recording()
    app.sensors.add(app.monitor)
    app.sensors.add(lean)
    reference = SensorDelegate(app)
    reference.add(faust_way)
    for offset in (1, 2):
        _drive(app.sensors, offset)
        _drive(reference, offset)
    assert lean.calls == faust_way.calls
    assert ("event_out", 2, {"offset": 2}) in lean.calls
    app.sensors.remove(lean)
    _drive(app.sensors, 3)
    assert len(lean.calls) == 8


@pytest.mark.parametrize(("key", "value"), [(b"k", b'{"id": 1}'), (None, b"v"), (b"k", None),
                                            (None, None), (b"", b"")])
async def test_raw_schema_decodes_as_faust_raw_serializer(
        tmp_path: Path, key: bytes | None, value: bytes | None) -> None:
    app = _app(tmp_path)
    faust_raw: faust.Schema[bytes, bytes] = faust.Schema(
        key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw")
    ours = await RawSchema().decode(app, _message(5, key, value))
    theirs = await faust_raw.decode(app, _message(5, key, value))
    assert type(ours) is type(theirs)
    assert (ours.key, ours.value) == (theirs.key, theirs.value) == (key, value)
    assert ours.message.offset == 5


def test_the_worker_topics_use_the_raw_schema(tmp_path: Path) -> None:
    from worker.app import create_app
    from worker.settings import Settings

    settings = Settings(kafka_bootstrap="127.0.0.1:9", data_dir=tmp_path, web_enabled=False)
    worker_app = create_app(settings, pipeline=object())  # type: ignore[arg-type]
    assert isinstance(worker_app.agent.channel.schema, RawSchema)
