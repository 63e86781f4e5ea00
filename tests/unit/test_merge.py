from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from worker.alerts import load_rules
from worker.merge import MergePolicy, escalations, expired, find_match, merge, partition_key, start
from worker.models import (
    Actor,
    ActorType,
    CasualtyKind,
    Claim,
    Event,
    EventType,
    Location,
    Source,
    SourceKind,
    Span,
    SubEventType,
)

T0 = datetime(2024, 5, 2, 12, tzinfo=UTC)
POLICY = MergePolicy()
TALIBAN = Actor(name="Taliban", actor_type=ActorType.REBEL_GROUP)
ARMY = Actor(name="Military Forces of Afghanistan", actor_type=ActorType.STATE_FORCES)
KUNDUZ = Location(name="Kunduz", admin1="Kunduz", country="Afghanistan", country_code="AF",
                  latitude=36.73, longitude=68.86, precision=1)


def report(article: str, killed: int | None, *, day: int = 1, source: str = "Wire A",
           location: Location = KUNDUZ, etype: EventType = EventType.BATTLES,
           actors: tuple[Actor, Actor | None] = (TALIBAN, ARMY)) -> Event:
    claims = [] if killed is None else [Claim(kind=CasualtyKind.KILLED, count=killed,
                                              qualifier="at least",
                                              span=Span(start=0, end=5, text="seven"))]
    return Event(
        event_id=f"evt_{article}", article_id=article, event_type=etype,
        sub_event_type=SubEventType.ARMED_CLASH if etype is EventType.BATTLES
        else SubEventType.PEACEFUL_PROTEST,
        event_date=date(2024, 5, day), date_precision="day", actor1=actors[0], actor2=actors[1],
        location=location, fatalities=killed, claims=claims, confidence=0.7, summary="",
        sources=[Source(name=source, kind=SourceKind.OUTLET)], article_source=source)


def test_reports_of_one_incident_merge_with_rising_versions() -> None:
    first = start(report("a1", 7), T0)
    assert (first.version, first.fatalities, first.article_ids) == (1, 7, ["a1"])
    second = report("a2", 30, day=2, source="Wire B")
    assert find_match([first], second, POLICY) is first
    merged = merge(first, second, T0)
    assert merged is not None
    assert (merged.event_id, merged.version, merged.fatalities) == ("evt_a1", 2, 30)
    assert [r.fatalities for r in merged.reports] == [7, 30]
    assert {s.name for s in merged.sources} == {"Wire A", "Wire B"}
    assert {c.article_id for c in merged.claims} == {"a1", "a2"}
    assert "at least 30 killed" in merged.summary and "2 sources" in merged.summary
    assert merged.first_seen == T0 and merged.last_updated == T0


def test_replayed_report_changes_nothing() -> None:
    first = start(report("a1", 7), T0)
    assert merge(first, report("a1", 7), T0) is None


def test_unrelated_incidents_stay_apart() -> None:
    first = start(report("a1", 7), T0)
    far = Location(name="Herat", admin1="Herat", country="Afghanistan", country_code="AF",
                   latitude=34.35, longitude=62.2, precision=1)
    assert find_match([first], report("b1", 3, location=far), POLICY) is None
    assert find_match([first], report("b2", 3, day=20), POLICY) is None
    protest = report("b3", None, etype=EventType.PROTESTS)
    assert find_match([first], protest, POLICY) is None
    other_actors = report("b4", 2, actors=(Actor(name="Islamic State", actor_type=ActorType.
                                                 REBEL_GROUP), None))
    assert find_match([first], other_actors, POLICY) is None


def test_partition_key_and_expiry() -> None:
    event = report("a1", 1)
    assert partition_key(event) == "AF|kunduz"
    assert not expired(event, datetime(2024, 5, 10, tzinfo=UTC), POLICY)
    assert expired(event, datetime(2024, 5, 30, tzinfo=UTC), POLICY)
    stored = start(event, T0)  # worker time of the last update counts, not the event date
    assert not expired(stored, T0 + timedelta(days=14), POLICY)
    assert expired(stored, T0 + timedelta(days=14, seconds=1), POLICY)
    assert expired(stored, T0 + timedelta(hours=3), MergePolicy(expire_days=0.1))


def test_escalation_alerts_once_per_level() -> None:
    rules = load_rules()
    first = start(report("a1", 2), T0)
    alerts, record = escalations(rules, first, {})
    assert [(a.rule, a.severity.value) for a in alerts] == [("lethal-violence", "medium")]
    again, record = escalations(rules, first, record)
    assert again == []
    worse = merge(first, report("a2", 9, source="Wire B"), T0)
    assert worse is not None
    up, record = escalations(rules, worse, record)
    assert [(a.rule, a.severity.value) for a in up] == [("lethal-violence", "high")]
    assert record == {"lethal-violence": "high"}


class CopyingTable(dict[str, bytes]):
    """A table whose reads return a new bytes object each time, as a RocksDB store's do."""

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        value = super().get(key)
        return default if value is None else bytes(bytearray(value))


def stores() -> list[Any]:
    from worker.incidents import IncidentStore

    return [IncidentStore({}, {}, {}),
            IncidentStore(CopyingTable(), CopyingTable(), CopyingTable())]


@pytest.mark.parametrize("store", stores(), ids=["identical-bytes", "copied-bytes"])
def test_merge_stage_over_table_like_store(store: Any) -> None:
    from worker.incidents import process_candidate
    from worker.pipeline import Destination

    rules = load_rules()

    def put(event: Event, now: datetime = T0) -> list[Any]:
        return process_candidate(store, "AF|kunduz", event, rules, POLICY, now, partition=0)

    out1 = put(report("a1", 2))
    assert [r.destination for r in out1] == [Destination.EVENTS, Destination.ALERTS]
    out2 = put(report("a2", 3, source="B"))
    assert [r.destination for r in out2] == [Destination.EVENTS]  # no new severity
    out3 = put(report("a3", 12, source="C"))
    assert [r.destination for r in out3] == [Destination.EVENTS, Destination.ALERTS]
    (canonical,) = store.open_events("AF|kunduz")
    assert (canonical.event_id, canonical.version, canonical.fatalities) == ("evt_a1", 3, 12)
    # a replay of a merged report republishes the same version and alerts nothing new
    again = put(report("a2", 3, source="B"))
    assert [r.destination for r in again] == [Destination.EVENTS]
    assert store.open_events("AF|kunduz")[0].version == 3
    # a much later date expires the old incident
    put(report("z1", 1, day=29), datetime(2024, 6, 30, tzinfo=UTC))
    assert [e.event_id for e in store.open_events("AF|kunduz")] == ["evt_z1"]
    assert "evt_a1" not in store.alerted and "evt_a1" not in store.events


def test_decoded_values_are_reused_while_the_bytes_are_equal() -> None:
    from worker.incidents import IncidentStore

    store = IncidentStore(CopyingTable(), CopyingTable(), CopyingTable())
    store.save_event(start(report("a1", 2), T0))
    first = store.incident("evt_a1")
    assert first is not None and store.incident("evt_a1") is first  # equal bytes: no re-parse
    # the table's value replaced behind the cache (recovery, a rebalance): decoded afresh
    newer = start(report("a1", 5), T0)
    store.events["evt_a1"] = newer.model_dump_json().encode()  # (an event stored whole)
    second = store.incident("evt_a1")
    assert second is not None and second is not first and second.head.fatalities == 5


def test_sweep_frees_incidents_of_keys_never_updated_again() -> None:
    from worker.incidents import IncidentStore, process_candidate, slot_key, sweep_interval

    store = IncidentStore({}, {}, {})
    rules = load_rules()
    herat = Location(name="Herat", admin1="Herat", country="Afghanistan", country_code="AF",
                     latitude=34.35, longitude=62.2, precision=1)
    balkh = Location(name="Mazar", admin1="Balkh", country="Afghanistan", country_code="AF",
                     latitude=36.7, longitude=67.1, precision=1)
    # three place keys, two on partition 0 and one on partition 1, each with an alert
    process_candidate(store, "AF|kunduz", report("k1", 5), rules, POLICY, T0, partition=0)
    process_candidate(store, "AF|herat", report("h1", 5, location=herat), rules, POLICY, T0,
                      partition=1)
    process_candidate(store, "AF|balkh", report("b1", 5, location=balkh), rules, POLICY,
                      T0 + timedelta(days=10), partition=0)
    assert set(store.alerted) == {"evt_k1", "evt_h1", "evt_b1"}

    # 15 days on, a report for a fourth key of partition 0: the sweep frees Kunduz's
    # incident although no report for Kunduz comes again; Balkh's is not stale yet, and
    # Herat's belongs to partition 1, whose table keys only its own messages may write
    later = T0 + timedelta(days=15)
    far = Location(name="Kabul", admin1="Kabul", country="Afghanistan", country_code="AF",
                   latitude=34.5, longitude=69.2, precision=1)
    process_candidate(store, "AF|kabul", report("c1", None, location=far), rules, POLICY,
                      later, partition=0)
    assert "AF|kunduz" not in store.index
    assert "evt_k1" not in store.events and "evt_k1" not in store.alerted
    assert {"AF|herat", "AF|balkh", "AF|kabul"} <= set(store.index)
    assert {"evt_h1", "evt_b1", "evt_c1"} <= set(store.events)

    # no second sweep of partition 0 within the interval; partition 1's first one frees Herat
    assert not store.sweep_due(0, later + sweep_interval(POLICY) / 2, POLICY)
    assert store.sweep_due(0, later + sweep_interval(POLICY), POLICY)
    assert store.sweep(1, later, POLICY) == 1
    assert "AF|herat" not in store.index and "evt_h1" not in store.events
    assert "evt_h1" not in store.alerted
    # and once Balkh's incident is stale too, partition 0's next sweep frees it
    assert store.sweep(0, T0 + timedelta(days=25), POLICY) == 1
    assert set(store.index) == {"AF|kabul", slot_key("AF|kabul", 0)}  # its header, its stub
    assert set(store.events) == {"evt_c1"}


def test_sweep_leaves_index_values_without_partition_to_their_next_update() -> None:
    import orjson

    from worker.incidents import IncidentStore, process_candidate, slot_key

    store = IncidentStore({}, {}, {})
    rules = load_rules()
    process_candidate(store, "AF|kunduz", report("k1", 5), rules, POLICY, T0, partition=0)
    # the format before partitions: a list of the records, without their `seq`
    legacy = [{k: v for k, v in r.items() if k != "seq"} for r in store.stubs_at("AF|kunduz")]
    del store.index[slot_key("AF|kunduz", 0)]
    store.index["AF|kunduz"] = orjson.dumps(legacy)
    store = IncidentStore(store.index, store.events, store.alerted)  # a restart
    assert [s["id"] for s in store.stubs_at("AF|kunduz")] == ["evt_k1"]
    assert store.sweep(0, T0 + timedelta(days=30), POLICY) == 0  # its partition is unknown
    process_candidate(store, "AF|kunduz", report("k2", 1, day=30), rules, POLICY,
                      T0 + timedelta(days=30), partition=0)
    assert [s["id"] for s in store.stubs_at("AF|kunduz")] == ["evt_k2"]
    assert "evt_k1" not in store.events


def test_decoded_cache_is_bounded_by_the_bytes_of_its_values() -> None:
    from worker.incidents import _Decoded

    cache = _Decoded(max_bytes=1_000, size=100)
    for i in range(10):
        cache.put(f"k{i}", bytes(300) + str(i).encode(), i)  # 301 bytes each
    kept = [i for i in range(10) if cache.get(f"k{i}", bytes(300) + str(i).encode()) == i]
    assert kept == [7, 8, 9]  # the three most recent fit in 1,000 bytes
    cache.put("big", bytes(5_000), "big")  # larger than the budget: kept alone
    assert cache.get("big", bytes(5_000)) == "big" and cache.get("k9", bytes(300) + b"9") is None
    cache.drop("big")
    cache.put("k1", b"x", 1)
    assert cache.get("k1", b"x") == 1


@pytest.mark.parametrize("store", ["memory", "rocksdb"])
def test_merge_tables_use_the_configured_store(store: str, tmp_path: Any) -> None:
    from worker.app import create_app
    from worker.incidents import TABLES
    from worker.settings import Settings
    from worker.topics import changelog_topics

    settings = Settings(kafka_bootstrap="127.0.0.1:9", table_store=store, data_dir=tmp_path,
                        web_enabled=False)
    app = create_app(settings, pipeline=object()).app  # type: ignore[arg-type]
    tables = {t.name: t for t in app.tables.values()}
    assert set(tables) == {"incident_index", "incidents", "alerted"} == set(TABLES)
    # the worker creates these before Faust starts (worker.topics)
    assert sorted(t.changelog_topic.get_topic_name() for t in tables.values()) == sorted(
        changelog_topics(settings))
    for table in tables.values():
        assert type(table.data).__module__ == f"faust.stores.{store}"
    if store == "rocksdb":
        path = tables["incidents"].data.partition_path(0)
        assert path.is_relative_to(tmp_path) and path.name == "incidents-0.db"
        assert tables["incidents"].data.rocksdb_options.block_cache_size == 8 * 1024 * 1024
