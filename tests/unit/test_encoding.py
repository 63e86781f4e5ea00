"""Output encoding: pydantic's JSON serializer gives the bytes orjson gave from model_dump,
and the merge stage's incident form (lists kept as JSON, appended to) gives the bytes of
`encode`, version after version of merged events, and is stored and read back unchanged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest
from pydantic import BaseModel

from worker import codec
from worker.alerts import load_rules
from worker.extract import Extractor
from worker.incidents import IncidentStore, load_incident, process_candidate, stored_incident
from worker.merge import Incident, MergePolicy, merge, merge_incident, partition_key, start
from worker.models import Event
from worker.pipeline import Pipeline, SourceMeta
from worker.seeds import all_seeds


def reference(message: BaseModel) -> bytes:
    """The encoding before this change: orjson over model_dump(mode="json")."""
    return orjson.dumps(message.model_dump(mode="json"))


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    extractor = Extractor()
    return [e for s in all_seeds(malformed=False) if s.article is not None
            for e in extractor.extract(s.article)]


def test_encode_matches_orjson_of_model_dump(seed_events: list[Event]) -> None:
    assert len(seed_events) > 50
    rules = load_rules()
    alerts = [a for e in seed_events for a in rules.evaluate(e)]
    assert alerts
    for message in [*seed_events, *alerts]:
        assert codec.encode(message) == reference(message)
    pipeline = Pipeline(lambda a: [], rules, max_bytes=1000,
                        max_future=timedelta(days=2))
    dead = pipeline.process(b'{"id": "x", "body": "\xff"}', SourceMeta("t", 0, 1, 5, b"k"))
    assert dead.dead_letter is not None
    assert codec.encode(dead.dead_letter) == reference(dead.dead_letter)


def test_merged_versions_encode_as_encode(seed_events: list[Event]) -> None:
    store = IncidentStore({}, {}, {})
    rules, policy = load_rules(), MergePolicy()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    versions = 0
    # every seed event reported three times by distinct articles: merged events grow
    for copy in range(3):
        for event in seed_events:
            incoming = event.model_copy(update={"article_id": f"{event.article_id}-{copy}",
                                                "event_id": f"{event.event_id}-{copy}"})
            records = process_candidate(store, partition_key(incoming), incoming, rules,
                                        policy, now + timedelta(minutes=versions), partition=0)
            versions += 1
            current = Event.model_validate_json(records[0].value)
            assert records[0].value == reference(current)
            stored = store.event(current.event_id)
            assert stored is not None and reference(stored) == records[0].value
    assert max(load_incident(v).head.version for v in store.events.values()) >= 3


def test_incident_form_round_trips(seed_events: list[Event]) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for event in seed_events:
        incident = Incident.of(start(event, now))
        assert incident.event_json() == reference(start(event, now))
        assert load_incident(stored_incident(incident)) == incident
        # a value stored before the incident form (the event whole) reads the same
        assert load_incident(codec.encode(start(event, now))) == incident


def test_merge_incident_gives_the_events_of_merge(seed_events: list[Event],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Every seed event reported by many articles, merged both ways (through the stored form
    each time, as a cache miss would), also past small caps of the lists."""
    import worker.merge as merge_module

    now = datetime(2026, 1, 1, tzinfo=UTC)
    for caps in ((200, 400, 500), (3, 5, 2)):
        monkeypatch.setattr(merge_module, "MAX_CLAIMS", caps[0])
        monkeypatch.setattr(merge_module, "MAX_EVIDENCE", caps[1])
        monkeypatch.setattr(merge_module, "MAX_REPORTS", caps[2])
        for base in seed_events[:40]:
            event = start(base, now)
            incident = Incident.of(event)
            # the others' claims, sources and evidence, as reports of this incident
            for i, other in enumerate([base, *seed_events[:12]]):
                incoming = other.model_copy(update={"article_id": f"{base.article_id}-r{i}"})
                later = now + timedelta(minutes=i + 1)
                merged, stepped = merge(event, incoming, later), merge_incident(
                    incident, incoming, later)
                assert merged is not None and stepped is not None
                assert stepped.event_json() == reference(merged)
                event, incident = merged, load_incident(stored_incident(stepped))
            assert merge_incident(incident, incoming, now) is None  # a replay
