"""The merge stage's index layout: per place key a small header and one record per open
incident (its slot), read once into a view. A candidate reads and writes what it changes,
not the key's other open incidents; the tables alone give the same state back (a restart,
a rebalance); a change written by another worker is seen."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import orjson
import pytest

from tests.unit.test_merge import POLICY, T0, CopyingTable, report
from worker import incidents
from worker.alerts import load_rules
from worker.incidents import IncidentStore, is_place_key, process_candidate, slot_key
from worker.models import Event

KEY = "AF|kunduz"
RULES = load_rules()


class CountingTable(CopyingTable):
    """A table (reads return new bytes, as RocksDB's do) that counts reads and writes."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = self.writes = self.written_bytes = 0

    def get(self, key: str, default: Any = None) -> Any:
        self.reads += 1
        return super().get(key, default)

    def __setitem__(self, key: str, value: bytes) -> None:
        self.writes += 1
        self.written_bytes += len(value)
        super().__setitem__(key, value)

    def pop(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.writes += 1
        return super().pop(key, default)

    def reset(self) -> None:
        self.reads = self.writes = self.written_bytes = 0


def distinct(i: int, **kwargs: Any) -> Event:
    """An incident of its own: 5 days from the one before, beyond the merge window."""
    event = report(f"d{i}", 1, **kwargs)
    return event.model_copy(update={"event_date": date(2023, 1, 1) + timedelta(days=5 * i)})


def put(store: IncidentStore, event: Event, minutes: int) -> list[Any]:
    return process_candidate(store, KEY, event, RULES, POLICY, T0 + timedelta(minutes=minutes),
                             partition=0)


def test_a_candidate_reads_and_writes_the_same_whatever_the_open_incidents() -> None:
    cost: dict[int, tuple[int, int, int]] = {}
    for open_incidents in (5, incidents.MAX_OPEN_PER_KEY - 1):
        index = CountingTable()
        store = IncidentStore(index, {}, {})
        for i in range(open_incidents):
            put(store, distinct(i), i)
        assert len(store.stubs_at(KEY)) == open_incidents
        index.reset()
        # a report of the latest incident (a merge) and one of a new incident
        put(store, distinct(open_incidents - 1).model_copy(update={"article_id": "again"}),
            open_incidents)
        put(store, distinct(open_incidents), open_incidents + 1)
        cost[open_incidents] = (index.reads, index.writes, index.written_bytes)
    small, large = cost[5], cost[incidents.MAX_OPEN_PER_KEY - 1]
    assert small[:2] == large[:2] == (2, 4)  # per candidate: the header read; a stub, the header
    assert large[2] < 1_000 and abs(large[2] - small[2]) < 50  # bytes: the same records


def test_the_cap_drops_the_least_recently_updated_and_slots_are_reused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incidents, "MAX_OPEN_PER_KEY", 3)
    store = IncidentStore({}, {}, {})
    for i in range(3):
        put(store, distinct(i), i)
    put(store, distinct(0).model_copy(update={"article_id": "later"}), 3)  # d0 updated last
    put(store, distinct(3), 4)  # the cap: d1, least recently updated, goes
    assert [s["id"] for s in store.stubs_at(KEY)] == ["evt_d2", "evt_d0", "evt_d3"]
    assert "evt_d1" not in store.events
    header = orjson.loads(store.index[KEY])
    assert header["slots"] == 3 and header["open"] == 3
    assert {k for k in store.index if not is_place_key(k)} == {slot_key(KEY, n)
                                                               for n in range(3)}


def test_the_tables_alone_give_the_state_back() -> None:
    tables = (CopyingTable(), CopyingTable(), CopyingTable())
    going, fresh = IncidentStore(*tables), None
    copy = IncidentStore({}, {}, {})  # never restarted: the reference
    for i in range(40):
        event = distinct(i % 13) if i % 3 else distinct(i)  # reports of 13 incidents, new ones
        event = event.model_copy(update={"article_id": f"a{i}"})
        # same time for every two reports: the order of the writes breaks the tie
        assert put(going, event, i // 2) == put(copy, event, i // 2)
        if i % 7 == 0:
            fresh = IncidentStore(*tables)  # a restart: the view is read from the tables
            assert fresh.stubs_at(KEY) == copy.stubs_at(KEY)
            going = fresh
    assert fresh is not None
    assert fresh.stubs_at(KEY) == copy.stubs_at(KEY)


def test_a_change_by_another_worker_is_seen() -> None:
    tables = (CopyingTable(), CopyingTable(), CopyingTable())
    first, second = IncidentStore(*tables), IncidentStore(*tables)
    put(first, report("a1", 2), 0)
    put(second, report("a2", 3, source="B"), 1)  # the key moved to another worker and back
    (out, *_) = put(first, report("a3", 4, source="C"), 2)
    merged = Event.model_validate_json(out.value)
    assert (merged.event_id, merged.version, merged.article_ids) == ("evt_a1", 3,
                                                                      ["a1", "a2", "a3"])
    # and a key another worker emptied (its incident expired) is read as empty
    later = T0 + timedelta(days=POLICY.expire_days + 1)
    assert second.sweep(0, later, POLICY) == 1
    assert first.stubs_at(KEY) == [] and KEY not in tables[0]


def test_index_values_before_the_slots_are_read_and_rewritten_in_slots() -> None:
    store = IncidentStore({}, {}, {})
    put(store, report("k1", 5), 0)
    put(store, distinct(1), 1)
    records = [{k: v for k, v in r.items() if k != "seq"} for r in store.stubs_at(KEY)]
    index: dict[str, bytes] = {KEY: orjson.dumps({"partition": 0, "stubs": records})}
    store = IncidentStore(index, store.events, store.alerted)
    assert [s["id"] for s in store.stubs_at(KEY)] == ["evt_k1", "evt_d1"]
    put(store, report("k2", 7, source="B"), 2)  # merges into evt_k1: written in slots
    assert [s["id"] for s in store.stubs_at(KEY)] == ["evt_d1", "evt_k1"]
    assert set(index) == {KEY, slot_key(KEY, 0), slot_key(KEY, 1)}
    assert orjson.loads(index[KEY])["open"] == 2


def test_the_stub_decides_as_same_incident_does() -> None:
    import itertools

    from worker.incidents import Stub, _Probe, _same_incident, _stub
    from worker.merge import same_incident, start
    from worker.models import Actor, ActorType, EventType, Location

    base = report("x", 1).location
    assert base is not None
    places: list[Location | None] = [
        None, base,
        base.model_copy(update={"latitude": 30.0}),  # same admin1, far
        base.model_copy(update={"admin1": "Baghlan", "latitude": 36.5}),  # near, other admin1
        base.model_copy(update={"admin1": "Baghlan", "latitude": 35.0}),  # far, other admin1
        base.model_copy(update={"admin1": None}),
        base.model_copy(update={"admin1": None, "latitude": None}),
        base.model_copy(update={"country_code": "PK"})]
    other = Actor(name="ISKP", actor_type=ActorType.REBEL_GROUP)
    actor_sets = [(report("x", 1).actor1, None), (other, None), (None, None)]
    variants = []
    for place, (a1, a2), etype, day in itertools.product(
            places, actor_sets, (EventType.BATTLES, EventType.RIOTS), (1, 4, 5)):
        variants.append(report("v", 1, etype=etype, day=day).model_copy(
            update={"location": place, "actor1": a1, "actor2": a2}))
    decided = set()
    for canonical in variants:
        stub = Stub(_stub(start(canonical, T0), T0), 0, 0)
        for incoming in variants:
            expected = same_incident(canonical, incoming, POLICY)
            assert _same_incident(stub, _Probe(incoming, POLICY)) == expected
            decided.add(expected)
    assert decided == {True, False}
