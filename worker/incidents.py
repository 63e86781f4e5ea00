"""The merge stage: per-article events meet by place in one worker and become incidents.

Article events are re-keyed by country/admin1 (`merge.partition_key`) onto the candidates
topic, so every report of an incident reaches the same partition, the same worker and the
same table partition. Three changelog-backed Faust tables hold the state: `incident_index`
(place key -> the partition and a small record of each open incident there), `incidents`
(canonical event id -> its latest version) and `alerted` (canonical event id -> the highest
severity alerted per rule), so a restarted or rebalanced worker recovers them and never
repeats an alert. The tables live in memory or in RocksDB (`Settings.table_store`).
Incidents not updated for the policy's expiry are dropped on the next update of their key,
and by a sweep of all place keys of a partition, run on that partition's next message once
per `sweep_interval` of worker time (a key no report touches any more is freed too); at
most MAX_OPEN_PER_KEY stay open per key.
"""

from __future__ import annotations

import logging
import traceback
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime, timedelta
from typing import Any

import faust
import orjson

from worker import codec, errors
from worker.alerts import RuleSet
from worker.errors import RejectedInput
from worker.geo import fold_name, haversine_km
from worker.merge import FAMILY, MergePolicy, escalations, find_match, merge, stale, start
from worker.models import DeadLetter, Event
from worker.pipeline import Destination, OutRecord, SourceMeta, dead_letter_outcome
from worker.settings import TableStore

log = logging.getLogger("worker")

Publish = Callable[[list[OutRecord], str], Any]

#: The merge stage's tables (each has a changelog topic `{app id}-{name}-changelog`).
TABLES = ("incident_index", "incidents", "alerted")


#: Open incidents kept per place key at most (the least recently updated go first).
MAX_OPEN_PER_KEY = 500

#: Decoded table values kept in memory (per table), to skip re-parsing what was just written:
#: at most this many, and at most this many bytes of their JSON (a decoded merged event takes
#: several times its JSON, and a hot incident's JSON grows towards the merge caps, so a count
#: alone would not bound the memory).
DECODED_CACHE_SIZE = 1_000
DECODED_EVENTS_BYTES = 8_000_000
DECODED_STUBS_BYTES = 4_000_000

#: Longest time (worker time) between two expiry sweeps of a partition.
SWEEP_EVERY = timedelta(hours=1)


def sweep_interval(policy: MergePolicy) -> timedelta:
    """How often a partition's place keys are swept: hourly, or 50 times per expiry period
    when that is shorter."""
    return min(SWEEP_EVERY, policy.expire_after / 50)


class _Decoded:
    """A small LRU of decoded table values, each valid only while the table still holds the
    same bytes it was decoded from (compared by value: a RocksDB store returns a new bytes
    object on every read, the memory store the stored one, which compares by identity
    first; recovery or a rebalance that replaces a value simply misses the cache)."""

    def __init__(self, max_bytes: int, size: int = DECODED_CACHE_SIZE) -> None:
        self._size = size
        self._max_bytes = max_bytes
        self._bytes = 0  # JSON bytes of the cached values
        self._items: OrderedDict[str, tuple[bytes, Any]] = OrderedDict()

    def get(self, key: str, raw: bytes) -> Any:
        hit = self._items.get(key)
        if hit is None or hit[0] != raw:
            return None
        self._items.move_to_end(key)
        return hit[1]

    def put(self, key: str, raw: bytes, value: Any) -> None:
        self.drop(key)
        self._items[key] = (raw, value)
        self._bytes += len(raw)
        while len(self._items) > 1 and (len(self._items) > self._size
                                        or self._bytes > self._max_bytes):
            _, (old, _) = self._items.popitem(last=False)
            self._bytes -= len(old)

    def drop(self, key: str) -> None:
        hit = self._items.pop(key, None)
        if hit is not None:
            self._bytes -= len(hit[0])


class IncidentStore:
    """Typed access to the three tables (values are JSON bytes). Per place key only a small
    index of open incidents is kept; each canonical event lives under its own id, so no table
    value grows with the traffic of a place."""

    def __init__(self, index: Any, events: Any, alerted: Any) -> None:
        self.index = index  # place key -> {"partition", "stubs": [{"id", "family", ...}]}
        self.events = events  # canonical event id -> Event
        self.alerted = alerted  # canonical event id -> {rule: severity}
        self._stubs = _Decoded(DECODED_STUBS_BYTES)
        self._events = _Decoded(DECODED_EVENTS_BYTES)
        self._encoder = codec.EventEncoder()
        self._swept: dict[int, datetime] = {}  # partition -> worker time of its last sweep

    def stubs_at(self, key: str) -> list[dict[str, Any]]:
        raw = self.index.get(key)
        if not raw:
            return []
        stubs: list[dict[str, Any]] | None = self._stubs.get(key, raw)
        if stubs is None:
            stubs = _stubs_of(orjson.loads(raw))
            self._stubs.put(key, raw, stubs)
        return list(stubs)  # the caller may reorder it; the stub dicts are never changed

    def save_stubs(self, key: str, stubs: list[dict[str, Any]], partition: int) -> None:
        """Store `key`'s open incidents; `partition` is the table partition the key lives in
        (that of the message being handled), kept so that a sweep finds its keys."""
        if not stubs:
            self._stubs.drop(key)
            self.index.pop(key, None)
            return
        raw = _index_value(partition, stubs)
        self.index[key] = raw
        self._stubs.put(key, raw, list(stubs))

    def event(self, event_id: str) -> Event | None:
        raw = self.events.get(event_id)
        if not raw:
            return None
        event: Event | None = self._events.get(event_id, raw)
        if event is None:
            event = Event.model_validate_json(raw)
            self._events.put(event_id, raw, event)
        return event

    def save_event(self, event: Event) -> bytes:
        """Store `event` (never mutated afterwards); return its encoding."""
        raw = self._encoder.encode(event)
        self.events[event.event_id] = raw
        self._events.put(event.event_id, raw, event)
        return raw

    def open_events(self, key: str) -> list[Event]:
        found = (self.event(s["id"]) for s in self.stubs_at(key))
        return [e for e in found if e is not None]

    def alerted_for(self, event_id: str) -> dict[str, str]:
        raw = self.alerted.get(event_id)
        return dict(orjson.loads(raw)) if raw else {}

    def save_alerted(self, event_id: str, record: dict[str, str]) -> None:
        self.alerted[event_id] = codec.encode_obj(record)

    def forget(self, event_id: str) -> None:
        self._events.drop(event_id)
        self.events.pop(event_id, None)
        self.alerted.pop(event_id, None)

    def sweep_due(self, partition: int, now: datetime, policy: MergePolicy) -> bool:
        last = self._swept.get(partition)
        return last is None or now - last >= sweep_interval(policy)

    def sweep(self, partition: int, now: datetime, policy: MergePolicy) -> int:
        """Forget the stale incidents of every place key of `partition`, also of keys that no
        report touches any more; return how many were forgotten.

        Call it only while handling a message of `partition`: Faust writes a table change to
        the changelog partition of the message being handled (and RocksDB to that
        partition's database), so only that partition's keys may be written here. Keys
        stored before the index kept its partition are left to their next update."""
        self._swept[partition] = now
        prefix = _index_prefix(partition)
        changes: list[tuple[str, list[dict[str, Any]], list[str]]] = []
        for key, raw in self.index.items():
            if not raw or not raw.startswith(prefix):  # another partition's key (or legacy)
                continue
            stubs = _stubs_of(orjson.loads(raw))
            alive = _alive(stubs, now, policy)
            if len(alive) < len(stubs):
                kept = {s["id"] for s in alive}
                name = key.decode() if isinstance(key, bytes) else str(key)
                changes.append((name, alive, [s["id"] for s in stubs if s["id"] not in kept]))
        forgotten = 0
        for key, alive, gone in changes:  # after the scan: a dict must not change under it
            for event_id in gone:
                self.forget(event_id)
            forgotten += len(gone)
            self.save_stubs(key, alive, partition)
        if forgotten:
            log.info("expired %d incidents under %d place keys of partition %d",
                     forgotten, len(changes), partition)
        return forgotten


def _stubs_of(value: Any) -> list[dict[str, Any]]:
    """The stubs of an index value (a plain list before the index kept its partition)."""
    if isinstance(value, dict):
        return list(value["stubs"])
    return list(value)


def _alive(stubs: list[dict[str, Any]], now: datetime, policy: MergePolicy
           ) -> list[dict[str, Any]]:
    """`stubs` from the least recently updated on, without the stale ones (once sorted they
    are a prefix, so only the first live one's time is parsed)."""
    ordered = sorted(stubs, key=_updated)  # ISO 8601 times in UTC sort as times
    for i, stub in enumerate(ordered):
        if not stale(datetime.fromisoformat(stub["updated"]), now, policy):
            return ordered[i:]
    return []


def _updated(stub: dict[str, Any]) -> str:
    return str(stub["updated"])


def _index_value(partition: int, stubs: list[dict[str, Any]]) -> bytes:
    """An index value; it starts with `_index_prefix(partition)` (orjson keeps key order)."""
    return codec.encode_obj({"partition": partition, "stubs": stubs})


def _index_prefix(partition: int) -> bytes:
    return b'{"partition":%d,' % partition


def _stub(event: Event, now: datetime) -> dict[str, Any]:
    """What the index keeps of an open incident: enough to rule out non-matches without
    loading the event."""
    loc = event.location
    return {"id": event.event_id, "family": FAMILY[event.event_type],
            "date": event.event_date.isoformat(), "updated": now.isoformat(),
            "admin1": fold_name(loc.admin1) if loc and loc.admin1 else None,
            "lat": loc.latitude if loc else None, "lon": loc.longitude if loc else None,
            "actors": sorted({a.name for a in (event.actor1, event.actor2) if a is not None})}


def _may_match(stub: dict[str, Any], incoming: Event, policy: MergePolicy) -> bool:
    """The cheap half of `merge.same_incident`, on the index record."""
    if stub["family"] != FAMILY[incoming.event_type]:
        return False
    if abs((date.fromisoformat(stub["date"]) - incoming.event_date).days) > policy.window_days:
        return False
    names = {a.name for a in (incoming.actor1, incoming.actor2) if a is not None}
    if stub.get("actors") and names and not names & set(stub["actors"]):
        return False
    loc = incoming.location
    if loc is None or stub.get("admin1") is None or loc.admin1 is None:
        return True
    if fold_name(loc.admin1) == stub["admin1"]:
        return True
    if None in (stub.get("lat"), stub.get("lon"), loc.latitude, loc.longitude):
        return False
    return haversine_km(stub["lat"], stub["lon"], loc.latitude, loc.longitude) <= (  # type: ignore[arg-type]
        policy.max_km)


def process_candidate(store: IncidentStore, key: str, incoming: Event, rules: RuleSet,
                      policy: MergePolicy, now: datetime, *, partition: int) -> list[OutRecord]:
    """Merge one article event into its key's incidents; return what to publish.
    `partition` is the partition of the message being handled (that of `key`); the stale
    incidents of all its keys are swept first when a sweep is due."""
    if store.sweep_due(partition, now, policy):
        store.sweep(partition, now, policy)
    stubs = store.stubs_at(key)
    alive = _alive(stubs, now, policy)
    while len(alive) >= MAX_OPEN_PER_KEY:
        alive.pop(0)
    kept = {s["id"] for s in alive}
    for gone in stubs:
        if gone["id"] not in kept:
            store.forget(gone["id"])
    near = [s for s in alive if _may_match(s, incoming, policy)]
    candidates = [e for e in (store.event(s["id"]) for s in near) if e is not None]
    match = find_match(candidates, incoming, policy)
    if match is None:
        current = start(incoming, now)
    else:
        merged = merge(match, incoming, now)
        # a replayed report changes nothing, but its outputs may not have been delivered
        current = merged if merged is not None else match
    encoded = store.save_event(current)
    alive = [s for s in alive if s["id"] != current.event_id] + [_stub(current, now)]
    store.save_stubs(key, alive, partition)
    alerts, record = escalations(rules, current, store.alerted_for(current.event_id))
    if alerts:
        store.save_alerted(current.event_id, record)
    records = [OutRecord(Destination.EVENTS, current.event_id.encode(), encoded)]
    records += [OutRecord(Destination.ALERTS, a.event_id.encode(), codec.encode(a))
                for a in alerts]
    return records


def table_options(name: str, store: TableStore, cache_mb: int, *, small: bool
                  ) -> dict[str, Any]:
    """The `store=` and `options=` of the merge table `name`. The store URL names the table
    (Faust takes a bare "rocksdb://", whose yarl URL is falsy, as no store and falls back to
    the app's memory store). For RocksDB: a block cache of
    `cache_mb` per table partition (a quarter for the small tables) and small write buffers
    (faust-streaming's defaults are 2 GiB of cache and 3 x 64 MB of write buffers per
    partition: memory would then grow towards gigabytes)."""
    if store is TableStore.MEMORY:
        return {"store": f"memory:{name}"}
    cache = max(1, cache_mb // 4 if small else cache_mb) * 1024 * 1024
    write_buffer = (1 if small else 4) * 1024 * 1024
    return {"store": f"rocksdb:{name}", "options": {
        "block_cache_size": cache, "write_buffer_size": write_buffer,
        "max_write_buffer_number": 2}}


def merge_dead_letter(raw: bytes, source: SourceMeta, exc: Exception,
                      now: datetime) -> tuple[OutRecord, DeadLetter]:
    """The dead letter of a candidate event the merge stage could not use (a bug, or a
    candidate that is not an Event): its bytes are kept, the others go on."""
    rejected = RejectedInput(errors.REASONS[errors.MERGE_ERROR], errors.MERGE_ERROR,
                             f"{type(exc).__name__}: {exc}")
    outcome = dead_letter_outcome(raw, source, rejected, type(exc).__name__,
                                  "".join(traceback.format_exception(exc, limit=-8)), now=now)
    assert outcome.dead_letter is not None
    return outcome.records()[0], outcome.dead_letter


def add_merge_stage(app: faust.App, candidates: faust.TopicT, partitions: int, rules: RuleSet,
                    policy: MergePolicy, publish: Publish,
                    clock: Callable[[], datetime], *, table_store: TableStore,
                    cache_mb: int,
                    dead_lettered: Callable[[DeadLetter], None] | None = None) -> Any:
    """Declare the tables and the merge agent on `app`; return the agent. A candidate that
    cannot be merged becomes a dead letter (`dead_lettered` is told), never a crash of the
    agent (which would acknowledge it: lost)."""
    store = IncidentStore(
        app.Table("incident_index", partitions=partitions, key_type=str, value_type=bytes,
                  help="place key -> open incidents (id, family, date, last update)",
                  **table_options("incident_index", table_store, cache_mb, small=True)),
        app.Table("incidents", partitions=partitions, key_type=str, value_type=bytes,
                  help="canonical event id -> the latest version of the event",
                  **table_options("incidents", table_store, cache_mb, small=False)),
        app.Table("alerted", partitions=partitions, key_type=str, value_type=bytes,
                  help="canonical event id -> rule -> severity",
                  **table_options("alerted", table_store, cache_mb, small=True)),
    )

    @app.agent(candidates, concurrency=1, name="incidents")
    async def merge_candidates(stream: faust.StreamT[bytes]) -> AsyncIterator[int]:
        async for event in stream.events():
            message = event.message
            where = f"{message.topic}[{message.partition}]@{message.offset}"
            try:
                key = event.key.decode() if isinstance(event.key, bytes) else str(event.key)
                incoming = Event.model_validate_json(event.value)
                records = process_candidate(store, key, incoming, rules, policy, clock(),
                                            partition=message.partition)
            except Exception as exc:  # this candidate only: dead-letter it, keep going
                raw = message.value if isinstance(message.value, bytes) else event.value
                source = SourceMeta(
                    topic=message.topic, partition=message.partition, offset=message.offset,
                    timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
                    key=message.key if isinstance(message.key, bytes) else None)
                record, letter = merge_dead_letter(raw if isinstance(raw, bytes) else b"",
                                                   source, exc, clock())
                log.warning("dead letter %s: %s: %s", where, letter.reason,
                            letter.error_message[:200], extra={"where": where})
                if dead_lettered is not None:
                    dead_lettered(letter)
                records = [record]
            await publish(records, where)
            yield len(records)

    return merge_candidates
