from __future__ import annotations

from datetime import UTC, date, datetime

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
    assert not expired(event, date(2024, 5, 10), POLICY)
    assert expired(event, date(2024, 5, 30), POLICY)


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


def test_merge_stage_over_table_like_store() -> None:
    from worker.incidents import IncidentStore, process_candidate
    from worker.pipeline import Destination

    store = IncidentStore({}, {}, {})
    rules = load_rules()
    out1 = process_candidate(store, "AF|kunduz", report("a1", 2), rules, POLICY, T0)
    assert [r.destination for r in out1] == [Destination.EVENTS, Destination.ALERTS]
    out2 = process_candidate(store, "AF|kunduz", report("a2", 3, source="B"), rules, POLICY, T0)
    assert [r.destination for r in out2] == [Destination.EVENTS]  # no new severity
    out3 = process_candidate(store, "AF|kunduz", report("a3", 12, source="C"), rules, POLICY, T0)
    assert [r.destination for r in out3] == [Destination.EVENTS, Destination.ALERTS]
    (canonical,) = store.open_events("AF|kunduz")
    assert (canonical.event_id, canonical.version, canonical.fatalities) == ("evt_a1", 3, 12)
    # a replay of a merged report republishes the same version and alerts nothing new
    again = process_candidate(store, "AF|kunduz", report("a2", 3, source="B"), rules, POLICY, T0)
    assert [r.destination for r in again] == [Destination.EVENTS]
    assert store.open_events("AF|kunduz")[0].version == 3
    # a much later date expires the old incident
    later = datetime(2024, 6, 30, tzinfo=UTC)
    process_candidate(store, "AF|kunduz", report("z1", 1, day=29), rules, POLICY, later)
    assert [e.event_id for e in store.open_events("AF|kunduz")] == ["evt_z1"]
    assert "evt_a1" not in store.alerted and "evt_a1" not in store.events
