"""Output encoding: pydantic's JSON serializer gives the bytes orjson gave from model_dump,
and the merge stage's incremental EventEncoder gives the bytes of `encode`, version after
version of merged events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest
from pydantic import BaseModel

from worker import codec
from worker.alerts import load_rules
from worker.extract import Extractor
from worker.incidents import IncidentStore, process_candidate
from worker.merge import MergePolicy, partition_key
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


def test_event_encoder_matches_encode_on_merged_versions(seed_events: list[Event]) -> None:
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
    assert max(Event.model_validate_json(v).version for v in store.events.values()) >= 3


def test_event_encoder_survives_eviction_and_equal_items(seed_events: list[Event]) -> None:
    encoder = codec.EventEncoder(size=3)  # evicts all the time
    for event in seed_events * 2:
        assert encoder.encode(event) == reference(event)
    # an equal but distinct item object encodes by its own content
    event = next(e for e in seed_events if e.claims)
    changed = event.model_copy(update={"claims": [
        c.model_copy(update={"count": c.count + 1}) for c in event.claims]})
    assert encoder.encode(changed) == reference(changed)
    assert encoder.encode(event) == reference(event)
