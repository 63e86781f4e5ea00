"""Output encoding: pydantic's JSON serializer gives the bytes orjson gave from model_dump,
and the merge stage's incident form (lists kept as JSON, appended to) gives the bytes of
`encode`, version after version of merged events, and is stored and read back unchanged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import orjson
import pytest
from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

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


def pydantic_json(message: BaseModel) -> bytes:
    return message.__pydantic_serializer__.to_json(message)


def test_orjson_path_gives_pydantic_bytes_on_the_corpus(seed_events: list[Event]) -> None:
    """`encode` writes events and alerts with orjson: the bytes of pydantic's serializer, on
    every event of the seeds and of 300 benchmark articles and on their alerts."""
    from benchmarks.corpus import articles_of_size

    extractor = Extractor()
    events = [*seed_events, *(e for a in articles_of_size(3_000, 300)
                               for e in extractor.extract(a))]
    rules = load_rules()
    alerts = [a for e in events for a in rules.evaluate(e)]
    assert len(events) > 600 and len(alerts) > 300
    for message in [*events, *alerts]:
        assert type(message) in codec.PLAIN_MODELS
        assert codec.encode(message) == pydantic_json(message)


def _edge_event(seed: Event, **update: object) -> Event:
    """`seed` with `update` validated in (as the merge stage's events are)."""
    return Event.model_validate({**seed.model_dump(), **update})


@pytest.mark.parametrize("published_at", [
    datetime(2024, 2, 14, 9, 10, tzinfo=UTC),
    datetime(2024, 2, 14, 9, 10, 0, 123456, tzinfo=UTC),
    datetime(2024, 2, 14, 9, 10, 0, 1000, tzinfo=UTC),
    datetime(2024, 2, 14, 9, 10, 5),  # noqa: DTZ001 (a naive one)
    datetime(2024, 2, 14, 9, 10, 5, tzinfo=timezone(timedelta(0))),
    datetime(2024, 2, 14, 9, 10, 5, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    datetime(2024, 2, 14, 9, 10, 5, tzinfo=timezone(timedelta(hours=-3))),
    datetime(2024, 2, 14, 9, 10, 5, tzinfo=timezone(timedelta(seconds=-3601))),
    "2024-02-14", "2024-02-14T09:10:00+00:00", "2024-02-14T09:10:00.5Z", None,
])
def test_orjson_path_dates(seed_events: list[Event], published_at: object) -> None:
    event = _edge_event(seed_events[0], published_at=published_at,
                        first_seen=datetime(2024, 2, 14, 23, 59, 59, 999999, tzinfo=UTC))
    assert codec.encode(event) == pydantic_json(event)


@pytest.mark.parametrize("number", [0.0, -0.0, 0.1, 1.0, 1e16, 1.5e-7, 123456789.125, 1e300,
                                    -179.99999999999997, 2.0**53 + 1, 5e-324, 1e22, 1e21,
                                    float("nan"), float("inf"), 7])
def test_orjson_path_floats(seed_events: list[Event], number: float) -> None:
    event = seed_events[0]
    assert event.location is not None
    location = event.location.model_copy(update={"latitude": number, "longitude": -number})
    edged = event.model_copy(update={"location": location,
                                     "confidence": min(abs(number), 1.0) if number == number
                                     else 0.5})
    assert codec.encode(edged) == pydantic_json(edged)


@pytest.mark.parametrize("text", [
    "plain", "quote \" backslash \\ slash / tab \t newline \n cr \r", "\x00\x01\x1f\x7f\x80",
    "é ü ß 中文 عربي", "emoji 😀 \U0001F1FA\U0001F1E6", "\u2028 \u2029 \ufeff", "<script>&amp;",
    "lone \ud800 surrogate",
])
def test_orjson_path_strings(seed_events: list[Event], text: str) -> None:
    event = seed_events[0].model_copy(update={"summary": text, "article_source": text})
    if "\ud800" in text:  # not UTF-8: pydantic's path, and its error, as before
        with pytest.raises(PydanticSerializationError):
            pydantic_json(event)
        with pytest.raises(PydanticSerializationError):
            codec.encode(event)
        return
    assert codec.encode(event) == pydantic_json(event)


def test_orjson_path_leaves_unusual_models_to_pydantic(seed_events: list[Event]) -> None:
    event = seed_events[0].model_copy()
    event.__dict__["cached"] = 1  # an attribute that is not a field (a cached property...)
    assert codec.encode(event) == pydantic_json(event)
    assert b'"cached"' not in codec.encode(event)
