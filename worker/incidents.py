"""The merge stage: per-article events meet by place in one worker and become incidents.

Article events are re-keyed by country/admin1 (`merge.partition_key`) onto the candidates
topic, so every report of an incident reaches the same partition, the same worker and the
same table partition. Three changelog-backed Faust tables hold the state: `incident_index`
(place key -> a small header with its partition; `slot_key(place key, n)` -> the record of
one open incident there, see `IncidentStore`), `incidents`
(canonical event id -> its latest version) and `alerted` (canonical event id -> the highest
severity alerted per rule), so a restarted or rebalanced worker recovers them and never
repeats an alert. The tables live in memory or in RocksDB (`Settings.table_store`).
Incidents not updated for the policy's expiry are dropped on the next update of their key,
and by a sweep of all place keys of a partition, run on that partition's next message once
per `sweep_interval` of worker time (a key no report touches any more is freed too); at
most MAX_OPEN_PER_KEY stay open per key.
"""

from __future__ import annotations

import heapq
import logging
import os
import sys
import traceback
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import faust
import orjson

from worker import codec, errors
from worker.alerts import RuleSet
from worker.errors import RejectedInput
from worker.geo import fold_name, haversine_km
from worker.merge import (
    APPENDED,
    FAMILY,
    Incident,
    MergePolicy,
    escalations,
    find_match,
    merge_incident,
    stale,
    start,
)
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
#: at most this many, and at most this many bytes of their stored form (a hot incident's
#: grows towards the merge caps, so a count alone would not bound the memory). A cached
#: incident takes its stored bytes and ~1.8 times them decoded (a decoded whole Event took ~9
#: times its JSON: 8 MB of them, the bound before the incident form, took more memory).
DECODED_CACHE_SIZE = 4_000
DECODED_EVENTS_BYTES = 24_000_000

#: Open-incident records kept decoded (in `KeyView`s of place keys), at most (~0.7 KB each).
VIEW_STUBS = 20_000

#: Separates a place key from a stub's slot number in the index table ("AF|kunduz#3"); place
#: keys hold no "#" (`merge.partition_key`: a country code, "|" and folded letters, digits).
SLOT_SEP = "#"

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


class Stub:
    """What the index keeps of an open incident: enough to rule out non-matches without
    loading the event. `seq` orders stubs updated at the same time (the later write last);
    `slot` is its place under the key in the index table (`slot_key`). Records written
    since the index was split also hold what `merge.same_incident` and `merge.find_match`
    read of an event (`located`, `country`, `first_seen`): `exact` says so."""

    __slots__ = ("actors", "admin1", "country", "day", "exact", "family", "first_seen", "id",
                 "lat", "located", "lon", "seq", "slot", "updated")

    def __init__(self, record: dict[str, Any], seq: int, slot: int) -> None:
        self.id: str = record["id"]
        self.family: str = sys.intern(record["family"])
        self.day = date.fromisoformat(record["date"]).toordinal()
        self.updated = datetime.fromisoformat(record["updated"])
        admin1 = record.get("admin1")
        self.admin1: str | None = None if admin1 is None else sys.intern(admin1)
        self.lat: float | None = record.get("lat")
        self.lon: float | None = record.get("lon")
        self.actors = _actor_set(record.get("actors") or ())
        self.seq: int = record.get("seq", seq)
        self.slot = slot
        self.exact = "located" in record
        self.located: bool = record.get("located", True)
        country = record.get("country")
        self.country: str | None = None if country is None else sys.intern(country)
        first = record.get("first_seen")
        self.first_seen = None if first is None else datetime.fromisoformat(first)

    @classmethod
    def of(cls, event: Event, now: datetime) -> Stub:
        return cls(_stub(event, now), 0, -1)

    def record(self) -> dict[str, Any]:
        """The JSON record (that of the index before it was split, plus `seq`)."""
        return {"id": self.id, "family": self.family,
                "date": date.fromordinal(self.day).isoformat(),
                "updated": self.updated.isoformat(), "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon, "actors": sorted(self.actors),
                "seq": self.seq, **({"located": self.located, "country": self.country,
                                     "first_seen": self.first_seen and self.first_seen.isoformat()}
                                    if self.exact else {})}

    def sort_key(self) -> tuple[datetime, int]:
        return self.updated, self.seq


_ACTOR_SETS: dict[tuple[str, ...], frozenset[str]] = {}


def _actor_set(names: Iterable[str]) -> frozenset[str]:
    """One shared frozenset per set of actor names (few distinct ones: they repeat)."""
    key = tuple(names)
    found = _ACTOR_SETS.get(key)
    if found is None:
        if len(_ACTOR_SETS) >= 10_000:
            _ACTOR_SETS.clear()
        found = _ACTOR_SETS[key] = frozenset(sys.intern(n) for n in key)
    return found


class KeyView:
    """The open incidents of one place key, decoded and indexed: least recently updated
    first (expiry and the cap take from the front), and by family and event date (a
    candidate only looks at the stubs of its family dated within the merge window). Changed
    slots are noted in `dirty` until `IncidentStore.save_view` writes them."""

    def __init__(self, partition: int) -> None:
        self.partition = partition
        self.header: bytes | None = None  # the index value this view was read as or wrote
        self.seq = 0  # the highest `Stub.seq` given
        self.slots = 0  # stubs live in slots below this
        self.order: OrderedDict[str, Stub] = OrderedDict()
        self.by_slot: dict[int, Stub] = {}
        self.dirty: set[int] = set()
        self._days: dict[tuple[str, int], dict[str, Stub]] = {}
        self._free: list[int] = []  # a heap of free slots below `slots` (and stale entries)

    def __len__(self) -> int:
        return len(self.order)

    def oldest(self) -> Stub | None:
        return next(iter(self.order.values()), None)

    def load(self, stubs: list[Stub], slots: int, seq: int) -> None:
        """Fill an empty view with stored stubs."""
        self.slots, self.seq = slots, seq
        for stub in sorted(stubs, key=Stub.sort_key):
            self._insert(stub)
        self._free = [s for s in range(slots) if s not in self.by_slot]
        heapq.heapify(self._free)

    def put(self, stub: Stub) -> None:
        """Add `stub` as the most recent write (it replaces the stub of the same id)."""
        old = self.order.get(stub.id)
        if old is not None:
            self._remove(old)
            stub.slot = old.slot
        else:
            stub.slot = self._allocate()
        self.seq += 1
        stub.seq = self.seq
        last = next(reversed(self.order.values()), None)
        if last is None or last.sort_key() <= stub.sort_key():
            self._insert(stub)
        else:  # the clock went back: keep the order by update time
            stubs = [*self.order.values(), stub]
            self.order.clear()
            for s in sorted(stubs, key=Stub.sort_key):
                self.order[s.id] = s
            self._index(stub)
        self.dirty.add(stub.slot)

    def drop(self, stub: Stub) -> None:
        self._remove(stub)
        heapq.heappush(self._free, stub.slot)
        self.dirty.add(stub.slot)

    def expire(self, now: datetime, policy: MergePolicy) -> list[Stub]:
        """Drop the stubs not updated within the expiry; return them."""
        gone: list[Stub] = []
        while (first := self.oldest()) is not None and stale(first.updated, now, policy):
            self.drop(first)
            gone.append(first)
        return gone

    def near(self, family: str, day: int, window: int) -> list[Stub]:
        """The stubs of `family` dated within `window` days of `day`."""
        if 2 * window + 1 <= len(self._days):
            found: list[Stub] = []
            for d in range(day - window, day + window + 1):
                bucket = self._days.get((family, d))
                if bucket:
                    found += bucket.values()
            return found
        return [s for (f, d), bucket in self._days.items()
                if f == family and abs(d - day) <= window for s in bucket.values()]

    def header_record(self, writer: str) -> dict[str, Any]:
        first = self.oldest()
        return {"partition": self.partition, "slots": self.slots, "seq": self.seq,
                "writer": writer, "open": len(self.order),
                "oldest": first.updated.isoformat() if first is not None else None}

    def _allocate(self) -> int:
        while self._free:
            slot = heapq.heappop(self._free)
            if slot < self.slots and slot not in self.by_slot:
                return slot
        self.slots += 1
        return self.slots - 1

    def _insert(self, stub: Stub) -> None:
        self.order[stub.id] = stub
        self._index(stub)

    def _index(self, stub: Stub) -> None:
        self.by_slot[stub.slot] = stub
        self._days.setdefault((stub.family, stub.day), {})[stub.id] = stub

    def _remove(self, stub: Stub) -> None:
        del self.order[stub.id]
        del self.by_slot[stub.slot]
        bucket = self._days[(stub.family, stub.day)]
        del bucket[stub.id]
        if not bucket:
            del self._days[(stub.family, stub.day)]


class _Views:
    """Decoded views of place keys, least recently used first, bounded by their stubs."""

    def __init__(self, max_stubs: int = VIEW_STUBS) -> None:
        self._max = max_stubs
        self._stubs = 0
        self._items: OrderedDict[str, tuple[KeyView, int]] = OrderedDict()

    def get(self, key: str) -> KeyView | None:
        hit = self._items.get(key)
        if hit is None:
            return None
        self._items.move_to_end(key)
        return hit[0]

    def put(self, key: str, view: KeyView) -> None:
        self.drop(key)
        self._items[key] = (view, len(view))
        self._stubs += len(view)
        while len(self._items) > 1 and self._stubs > self._max:
            _, (_, size) = self._items.popitem(last=False)
            self._stubs -= size

    def drop(self, key: str) -> None:
        hit = self._items.pop(key, None)
        if hit is not None:
            self._stubs -= hit[1]


def slot_key(key: str, slot: int) -> str:
    """The index table's key of a stub of place key `key`."""
    return f"{key}{SLOT_SEP}{slot}"


def is_place_key(key: str | bytes) -> bool:
    """Whether an index table key is a place key (else it is a stub's `slot_key`)."""
    if isinstance(key, bytes):
        return SLOT_SEP.encode() not in key
    return SLOT_SEP not in key


class IncidentStore:
    """Typed access to the three tables (values are JSON bytes). Per place key the index
    holds a small header and, under `slot_key`s, one record (stub) per open incident; each
    canonical event lives under its own id, so no table value grows with the traffic of a
    place, and a candidate writes only the stubs it changes and the header. The stubs of a
    key are read once into a `KeyView` that later candidates reuse while the header in the
    table is the one the view wrote (the header names its writer and a sequence number, so
    a change by another worker, through a rebalance, is seen and the view read afresh)."""

    def __init__(self, index: Any, events: Any, alerted: Any) -> None:
        self.index = index  # place key -> header; slot_key(place key, n) -> stub record
        self.events = events  # canonical event id -> its Incident (`stored_incident`)
        self.alerted = alerted  # canonical event id -> {rule: severity}
        self._views = _Views()
        self._events = _Decoded(DECODED_EVENTS_BYTES)
        self._writer = os.urandom(6).hex()  # tells this store's index writes from others'
        self._swept: dict[int, datetime] = {}  # partition -> worker time of its last sweep

    def view(self, key: str, partition: int) -> KeyView:
        """`key`'s open incidents as the table holds them. `partition` is the table partition
        the key lives in (that of the message being handled); a sweep finds keys by it."""
        raw = self.index.get(key)
        if not raw:
            return KeyView(partition)
        view = self._views.get(key)
        if view is not None and view.header == raw:
            return view
        view = self._read(key, raw, partition)
        self._views.put(key, view)
        return view

    def stubs_at(self, key: str) -> list[dict[str, Any]]:
        """`key`'s open incidents (their index records), least recently updated first."""
        raw = self.index.get(key)
        partition = 0 if not raw or not isinstance(header := orjson.loads(raw), dict) else int(
            header["partition"])
        return [s.record() for s in self.view(key, partition).order.values()]

    def save_view(self, key: str, view: KeyView) -> None:
        """Write what changed in `view` since it was read: its dirty slots and its header."""
        try:
            for slot in sorted(view.dirty):
                stub = view.by_slot.get(slot)
                if stub is None:
                    self.index.pop(slot_key(key, slot), None)
                else:
                    self.index[slot_key(key, slot)] = codec.encode_obj(stub.record())
            view.dirty.clear()
            if not len(view):
                self._views.drop(key)
                self.index.pop(key, None)
                return
            raw = codec.encode_obj(view.header_record(self._writer))
            self.index[key] = raw
            view.header = raw
            self._views.put(key, view)
        except BaseException:
            self.discard_view(key)  # read afresh from what the table got
            raise

    def discard_view(self, key: str) -> None:
        self._views.drop(key)

    def _read(self, key: str, raw: bytes, partition: int) -> KeyView:
        view = KeyView(partition)
        value = orjson.loads(raw)
        if isinstance(value, dict) and "slots" in value:
            stubs = [Stub(orjson.loads(r), 0, slot) for slot in range(int(value["slots"]))
                     if (r := self.index.get(slot_key(key, slot)))]
            view.load(stubs, int(value["slots"]), int(value["seq"]))
            view.header = raw
            return view
        # the layout before stubs had slots: one value of all stubs, a plain list before
        # it kept its partition; the next save writes them to slots
        records = list(value["stubs"]) if isinstance(value, dict) else list(value)
        view.load([Stub(r, seq, slot) for seq, (slot, r) in enumerate(enumerate(records))],
                  len(records), len(records))
        view.dirty.update(range(len(records)))
        return view

    def incident(self, event_id: str) -> Incident | None:
        raw = self.events.get(event_id)
        if not raw:
            return None
        incident: Incident | None = self._events.get(event_id, raw)
        if incident is None:
            incident = load_incident(raw)
            self._events.put(event_id, raw, incident)
        return incident

    def event(self, event_id: str) -> Event | None:
        """The whole event (decoded anew: for tests and tools)."""
        incident = self.incident(event_id)
        return None if incident is None else incident.event()

    def save_incident(self, incident: Incident) -> bytes:
        """Store `incident`; return the JSON of its event."""
        raw = stored_incident(incident)
        self.events[incident.event_id] = raw
        self._events.put(incident.event_id, raw, incident)
        return incident.event_json()

    def save_event(self, event: Event) -> bytes:
        return self.save_incident(Incident.of(event))

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
        stored before the index kept its partition are left to their next update. The scan
        reads the headers (their `oldest` update); only keys with a stale stub are loaded."""
        self._swept[partition] = now
        prefix = _index_prefix(partition)
        due: list[str] = []
        for key, raw in self.index.items():
            if not raw or not raw.startswith(prefix):  # a stub, another partition's key (or legacy)
                continue
            header = orjson.loads(raw)
            if "slots" in header and (header["oldest"] is None or not stale(
                    datetime.fromisoformat(header["oldest"]), now, policy)):
                continue  # nothing stale (a header before the split: read it to know)
            due.append(key.decode() if isinstance(key, bytes) else str(key))
        forgotten = changed = 0
        for key in due:  # after the scan: a dict must not change under it
            view = self.view(key, partition)
            gone = view.expire(now, policy)
            for stub in gone:
                self.forget(stub.id)
            forgotten += len(gone)
            changed += bool(gone)
            if view.dirty:
                self.save_view(key, view)
        if forgotten:
            log.info("expired %d incidents under %d place keys of partition %d",
                     forgotten, changed, partition)
        return forgotten


#: How a stored incident starts (then its lists' item counts, in APPENDED order). A value
#: without it is an event stored whole, as before 2026-11-30 (read, and stored anew in this
#: form at its next update). Older workers cannot read this form: no downgrade past it.
INCIDENT_FORM = b"incident/2"


def stored_incident(incident: Incident) -> bytes:
    """The `incidents` table value of an incident: a line with the form and the lists'
    counts, the head's JSON, then each list's JSON, one a line (compact JSON has no
    newline: one in a string is escaped)."""
    counts = b" ".join(b"%d" % incident.counts[name] for name in APPENDED)
    return b"\n".join([INCIDENT_FORM + b" " + counts, codec.encode(incident.head),
                       *(incident.lists[name] for name in APPENDED)])


def load_incident(raw: bytes) -> Incident:
    """An `incidents` table value, in either form, as an Incident."""
    if not raw.startswith(INCIDENT_FORM + b" "):
        return Incident.of(Event.model_validate_json(raw))  # an event stored whole (before)
    first, head, *arrays = raw.split(b"\n")
    if len(arrays) != len(APPENDED):
        raise ValueError(f"a stored incident has {len(arrays)} lists, not {len(APPENDED)}")
    counts = [int(n) for n in first.split()[1:]]
    lists = dict(zip(APPENDED, arrays, strict=True))
    return Incident.of_parts(Event.model_validate_json(head), lists,
                             dict(zip(APPENDED, counts, strict=True)),
                             orjson.loads(lists["claims"]), orjson.loads(lists["sources"]))


def _index_prefix(partition: int) -> bytes:
    """How an index header of `partition` starts (orjson keeps key order); stub records
    start otherwise."""
    return b'{"partition":%d,' % partition


def _stub(event: Event, now: datetime) -> dict[str, Any]:
    """The index record of an open incident."""
    loc = event.location
    return {"id": event.event_id, "family": FAMILY[event.event_type],
            "date": event.event_date.isoformat(), "updated": now.isoformat(),
            "admin1": fold_name(loc.admin1) if loc and loc.admin1 else None,
            "lat": loc.latitude if loc else None, "lon": loc.longitude if loc else None,
            "actors": sorted({a.name for a in (event.actor1, event.actor2) if a is not None}),
            "located": loc is not None, "country": loc.country_code if loc else None,
            "first_seen": event.first_seen.isoformat() if event.first_seen else None}


class _Probe:
    """A candidate's fields that `_may_match` compares, worked out once per candidate."""

    def __init__(self, incoming: Event, policy: MergePolicy) -> None:
        self.family = FAMILY[incoming.event_type]
        self.day = incoming.event_date.toordinal()
        self.window = policy.window_days
        self.max_km = policy.max_km
        self.names = {a.name for a in (incoming.actor1, incoming.actor2) if a is not None}
        loc = incoming.location
        self.admin1 = fold_name(loc.admin1) if loc is not None and loc.admin1 is not None \
            else None
        self.lat = loc.latitude if loc is not None else None
        self.lon = loc.longitude if loc is not None else None
        self.located = loc is not None
        self.country = loc.country_code if loc is not None else None
        self.has_admin1 = loc is not None and bool(loc.admin1)


def _may_match(stub: Stub, probe: _Probe) -> bool:
    """The cheap half of `merge.same_incident`, on the index record."""
    if stub.family != probe.family or abs(stub.day - probe.day) > probe.window:
        return False
    if stub.actors and probe.names and stub.actors.isdisjoint(probe.names):
        return False
    if probe.admin1 is None or stub.admin1 is None:
        return True
    if probe.admin1 == stub.admin1:
        return True
    if stub.lat is None or stub.lon is None or probe.lat is None or probe.lon is None:
        return False
    return haversine_km(stub.lat, stub.lon, probe.lat, probe.lon) <= probe.max_km


def _same_incident(stub: Stub, probe: _Probe) -> bool:
    """`merge.same_incident(event, incoming)` on an exact stub of `event` (a test holds them
    equal)."""
    if stub.family != probe.family or abs(stub.day - probe.day) > probe.window:
        return False
    if not stub.located or not probe.located:
        if stub.located or probe.located:
            return False
    elif stub.country != probe.country:
        return False
    elif not (stub.admin1 and probe.has_admin1 and stub.admin1 == probe.admin1):
        if stub.lat is None or stub.lon is None or probe.lat is None or probe.lon is None:
            return False
        if haversine_km(stub.lat, stub.lon, probe.lat, probe.lon) > probe.max_km:
            return False
    return not stub.actors or not probe.names or not stub.actors.isdisjoint(probe.names)


_LATEST = datetime.max.replace(tzinfo=UTC)


def _match(store: IncidentStore, near: list[Stub], incoming: Event, probe: _Probe,
           policy: MergePolicy) -> Incident | None:
    """`merge.find_match` over the events of `near`, loading only the one it picks: exact
    stubs are compared on their own (records from before the split load their event)."""
    ranked: list[tuple[tuple[int, datetime, str], Incident | None]] = []
    for stub in near:
        if stub.exact:
            if _same_incident(stub, probe):
                ranked.append(((abs(stub.day - probe.day), stub.first_seen or _LATEST, stub.id),
                               None))
        elif (found := store.incident(stub.id)) is not None and find_match(
                [found.head], incoming, policy) is not None:
            event = found.head
            ranked.append(((abs((event.event_date - incoming.event_date).days),
                            event.first_seen or _LATEST, event.event_id), found))
    ranked.sort(key=lambda r: r[0])
    for (_, _, event_id), loaded in ranked:
        incident = loaded or store.incident(event_id)
        if incident is not None:  # (an event missing from its table is skipped, as before)
            return incident
    return None


def process_candidate(store: IncidentStore, key: str, incoming: Event, rules: RuleSet,
                      policy: MergePolicy, now: datetime, *, partition: int) -> list[OutRecord]:
    """Merge one article event into its key's incidents; return what to publish.
    `partition` is the partition of the message being handled (that of `key`); the stale
    incidents of all its keys are swept first when a sweep is due. The cost does not grow
    with the key's open incidents: expiry and the cap take from the front of the view, the
    match is looked for among the stubs of the candidate's family and dates only, and the
    stubs that change and the header are written."""
    if store.sweep_due(partition, now, policy):
        store.sweep(partition, now, policy)
    view = store.view(key, partition)
    try:
        gone = view.expire(now, policy)
        while len(view) >= MAX_OPEN_PER_KEY:
            first = view.oldest()
            assert first is not None
            view.drop(first)
            gone.append(first)
        for stub in gone:
            store.forget(stub.id)
        probe = _Probe(incoming, policy)
        near = [s for s in view.near(probe.family, probe.day, probe.window)
                if _may_match(s, probe)]
        match = _match(store, near, incoming, probe, policy)
        if match is None:
            current = Incident.of(start(incoming, now))
        else:
            merged = merge_incident(match, incoming, now)
            # a replayed report changes nothing, but its outputs may not have been delivered
            current = merged if merged is not None else match
        encoded = store.save_incident(current)
        view.put(Stub.of(current.head, now))
    except BaseException:
        store.discard_view(key)  # it may be ahead of the table: read it afresh
        raise
    store.save_view(key, view)
    alerts, record = escalations(rules, current.head, store.alerted_for(current.event_id))
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
