"""Faust's per-message machinery without the work nothing here reads: sensors, raw decoding.

faust-streaming 0.15.3 calls four sensor hooks per message (`on_message_in` when a stream
first takes it, `on_stream_event_in` and `on_stream_event_out` around each stream's turn,
`on_message_out` at its last ack) through `SensorDelegate`, which calls every sensor and
builds a dict of their states per event. Its default sensor, `Monitor`, does in them:
counters by topic, stream and task, a timestamp on the message, a state dict per event and
a deque of run times, none of which this worker reads: `/metrics` comes from
`worker.metrics`, and the only figure of the monitor in use is `tp_read_offsets`
(`worker.web.LagUpdater`, the lag of a partition before its first commit).

`LeanMonitor` keeps that figure and everything that is not per message (commit, send,
assignment and rebalance latencies, the end offsets, HTTP figures); `LeanSensorDelegate`
calls a per-message hook only on the sensors that override it (any sensor added later,
e.g. a tracing sensor, is called as before).

`RawSchema` hands a message's key and value bytes to the stream as they are, which Faust's
``raw`` serializer does too, but through its codec registry (the codec looked up by name,
then `want_bytes`) for each of them.
"""

from __future__ import annotations

from typing import Any

from faust import Schema
from faust.sensors import Monitor, SensorDelegate
from faust.sensors.base import Sensor
from faust.types import TP, AppT, CollectionT, EventT, StreamT
from faust.types.sensors import SensorT
from faust.types.tuples import Message

#: The hooks called per message or per table operation, skipped on sensors that do not
#: override `Sensor`'s no-op.
PER_MESSAGE_HOOKS = ("on_message_in", "on_stream_event_in", "on_stream_event_out",
                     "on_message_out", "on_table_get", "on_table_set", "on_table_del")


class LeanMonitor(Monitor):
    """Faust's `Monitor` (the app's main sensor) that, per message, only records the last
    offset read of its partition (`tp_read_offsets`, also counted in
    `messages_received_total`): no per-event state, counters by stream and task, run-time
    deque, message timestamps or table counters. The figures it keeps are Faust's."""

    def on_message_in(self, tp: TP, offset: int, message: Message) -> None:
        self.messages_received_total += 1
        self.tp_read_offsets[tp] = offset

    # the per-event hooks stay `Sensor`'s no-ops (the delegate skips them)
    on_stream_event_in = Sensor.on_stream_event_in
    on_stream_event_out = Sensor.on_stream_event_out
    on_message_out = Sensor.on_message_out
    on_table_get = Sensor.on_table_get
    on_table_set = Sensor.on_table_set
    on_table_del = Sensor.on_table_del


def _overrides(sensor: SensorT, hook: str) -> bool:
    return getattr(type(sensor), hook, None) is not getattr(Sensor, hook)


class LeanSensorDelegate(SensorDelegate):
    """`SensorDelegate` whose per-message hooks (`PER_MESSAGE_HOOKS`) call only the sensors
    that override them, and build no state dict when none does."""

    def __init__(self, app: AppT) -> None:
        super().__init__(app)
        self._hooked: dict[str, tuple[SensorT, ...]] = {hook: () for hook in PER_MESSAGE_HOOKS}

    def _rehook(self) -> None:
        self._hooked = {hook: tuple(s for s in self._sensors if _overrides(s, hook))
                        for hook in PER_MESSAGE_HOOKS}

    def add(self, sensor: SensorT) -> None:
        super().add(sensor)
        self._rehook()

    def remove(self, sensor: SensorT) -> None:
        super().remove(sensor)
        self._rehook()

    def on_message_in(self, tp: TP, offset: int, message: Message) -> None:
        for sensor in self._hooked["on_message_in"]:
            sensor.on_message_in(tp, offset, message)

    def on_stream_event_in(self, tp: TP, offset: int, stream: StreamT[Any],
                           event: EventT[Any]) -> dict[Any, Any] | None:
        sensors = self._hooked["on_stream_event_in"]
        if not sensors:
            return None
        return {sensor: sensor.on_stream_event_in(tp, offset, stream, event)
                for sensor in sensors}

    def on_stream_event_out(self, tp: TP, offset: int, stream: StreamT[Any], event: EventT[Any],
                            state: dict[Any, Any] | None = None) -> None:
        sensors = self._hooked["on_stream_event_out"]
        if sensors:
            states = state or {}
            for sensor in sensors:
                sensor.on_stream_event_out(tp, offset, stream, event, states.get(sensor))

    def on_message_out(self, tp: TP, offset: int, message: Message) -> None:
        for sensor in self._hooked["on_message_out"]:
            sensor.on_message_out(tp, offset, message)

    def on_table_get(self, table: CollectionT, key: Any) -> None:
        for sensor in self._hooked["on_table_get"]:
            sensor.on_table_get(table, key)

    def on_table_set(self, table: CollectionT, key: Any, value: Any) -> None:
        for sensor in self._hooked["on_table_set"]:
            sensor.on_table_set(table, key, value)

    def on_table_del(self, table: CollectionT, key: Any) -> None:
        for sensor in self._hooked["on_table_del"]:
            sensor.on_table_del(table, key)


class RawSchema(Schema[bytes, bytes]):
    """A schema of raw bytes keys and values (`key_type=bytes`, ``raw`` serializers) that
    decodes a message to its own key and value: what Faust's ``raw`` codec returns for
    bytes (and for None), without the registry's look-ups per message. Anything else goes
    the registry's way."""

    def __init__(self) -> None:
        super().__init__(key_type=bytes, value_type=bytes, key_serializer="raw",
                         value_serializer="raw")

    def loads_key(self, app: AppT, message: Message, *, loads: Any = None,
                  serializer: Any = None) -> Any:
        key = message.key
        if key is None or type(key) is bytes:
            return key
        return super().loads_key(app, message, loads=loads, serializer=serializer)

    def loads_value(self, app: AppT, message: Message, *, loads: Any = None,
                    serializer: Any = None) -> Any:
        value = message.value
        if value is None or type(value) is bytes:
            return value
        return super().loads_value(app, message, loads=loads, serializer=serializer)
