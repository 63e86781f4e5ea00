from __future__ import annotations

import base64
from datetime import UTC, date, datetime, timedelta

import orjson

from worker.alerts import load_rules
from worker.models import Article, DeadLetter, Event, EventType, SubEventType
from worker.pipeline import (
    DEAD_LETTER_MAX_VALUE_BYTES,
    Destination,
    OutcomeKind,
    Pipeline,
    SourceMeta,
)

NOW = datetime(2024, 3, 2, tzinfo=UTC)
SRC = SourceMeta("articles.raw", 3, 41, 1_709_300_000_000, b"k1")


def fake_extract(article: Article) -> list[Event]:
    if "quiet" in article.body:
        return []
    if "boom" in article.body:
        raise ZeroDivisionError("bug in a finder")
    return [Event(event_id=f"evt_{article.id}", article_id=article.id,
                  event_type=EventType.BATTLES, sub_event_type=SubEventType.ARMED_CLASH,
                  event_date=date(2024, 3, 1), date_precision="day", fatalities=6,
                  confidence=0.8, summary="Armed clash")]


def pipeline() -> Pipeline:
    return Pipeline(fake_extract, load_rules(), max_bytes=10_000, max_future=timedelta(days=2),
                    clock=lambda: NOW, worker_version="9.9.9")


def raw(body: str) -> bytes:
    return orjson.dumps({"id": "a1", "body": body, "published_at": "2024-03-01"})


def test_events_and_alerts() -> None:
    outcome = pipeline().process(raw("fighting"), SRC)
    assert outcome.kind is OutcomeKind.EVENTS
    records = outcome.records()
    assert [r.destination for r in records] == [Destination.EVENTS, Destination.ALERTS]
    assert records[0].key == b"evt_a1"
    assert orjson.loads(records[0].value)["fatalities"] == 6
    assert orjson.loads(records[1].value)["severity"] == "high"


def test_a_tally_keeps_the_records_and_counts_without_the_models() -> None:
    for body in ("fighting", "quiet markets", "boom"):
        outcome = pipeline().process(raw(body), SRC)
        for merging in (False, True):
            tally = outcome.tally(merging=merging)
            assert list(tally.records) == outcome.records(merging=merging)
            assert (tally.kind, tally.source, tally.article_id, tally.dead_letter,
                    tally.extract_seconds) == (outcome.kind, outcome.source, outcome.article_id,
                                               outcome.dead_letter, outcome.extract_seconds)
    tally = pipeline().process(raw("fighting"), SRC).tally()
    assert (tally.event_types, tally.alert_severities) == (("Battles",), ("high",))
    assert not hasattr(tally, "events")


def test_no_event_is_an_outcome_without_records() -> None:
    outcome = pipeline().process(raw("quiet markets"), SRC)
    assert (outcome.kind, outcome.records(), outcome.article_id) == (OutcomeKind.NO_EVENT, [], "a1")


def test_bad_bytes_become_a_dead_letter_with_everything() -> None:
    bad = b'{"id": "a1", "body": "\xff"}'
    outcome = pipeline().process(bad, SRC)
    assert outcome.kind is OutcomeKind.DEAD_LETTER
    (record,) = outcome.records()
    assert record.destination is Destination.DEADLETTER
    letter = DeadLetter.model_validate_json(record.value)
    assert base64.b64decode(letter.original_value_b64) == bad
    assert (letter.original_topic, letter.original_partition, letter.original_offset) == (
        "articles.raw", 3, 41)
    assert letter.original_timestamp_ms == 1_709_300_000_000
    assert letter.reason == "invalid_utf8" and letter.worker_version == "9.9.9"
    headers = dict(record.headers)
    assert headers["__worker.errors.reason"] == b"invalid_utf8"
    assert headers["__worker.errors.offset"] == b"41"
    assert headers["__worker.errors.topic"] == b"articles.raw"


def test_extraction_bug_is_dead_lettered_with_traceback() -> None:
    outcome = pipeline().process(raw("boom"), SRC)
    assert outcome.dead_letter is not None
    assert outcome.dead_letter.stage.value == "extract"
    assert outcome.dead_letter.error_class == "ZeroDivisionError"
    assert outcome.dead_letter.traceback and "fake_extract" in outcome.dead_letter.traceback
    assert outcome.dead_letter.article_id == "a1"


def test_none_value_is_a_dead_letter() -> None:
    outcome = pipeline().process(None, SRC)
    assert outcome.dead_letter is not None and outcome.dead_letter.original_value_b64 == ""


def test_a_huge_value_is_dead_lettered_with_its_first_bytes_only() -> None:
    huge = raw("Clashes. " * 700_000)  # about 6 MB
    outcome = pipeline().process(huge, SRC)
    assert outcome.dead_letter is not None and outcome.dead_letter.reason == "too_large"
    (record,) = outcome.records()
    letter = DeadLetter.model_validate_json(record.value)
    assert base64.b64decode(letter.original_value_b64) == huge[:DEAD_LETTER_MAX_VALUE_BYTES]
    assert len(record.value) < 1_000_000  # fits Kafka's default record limit
    headers = dict(record.headers)
    assert headers["__worker.errors.value.bytes"] == str(len(huge)).encode()
    assert headers["__worker.errors.value.truncated"] == b"true"


def test_a_small_bad_value_is_carried_whole() -> None:
    (record,) = pipeline().process(b"not json", SRC).records()
    headers = dict(record.headers)
    assert headers["__worker.errors.value.bytes"] == b"8"
    assert headers["__worker.errors.value.truncated"] == b"false"


def test_many_messages_a_stage_at_a_time_give_the_outcomes_of_one_at_a_time() -> None:
    values = [raw("fighting"), raw("quiet markets"), b"not json", raw("boom"), None,
              orjson.dumps({"id": "a2", "body": "fighting", "published_at": "2099-01-01"}),
              raw("fighting again")]
    sources = [SourceMeta("articles.raw", 1, offset, 1_709_300_000_000, b"k")
               for offset in range(len(values))]
    one_by_one = [pipeline().process(v, s) for v, s in zip(values, sources, strict=True)]
    together = pipeline().process_many(list(zip(values, sources, strict=True)))
    assert [o.kind for o in together] == [
        OutcomeKind.EVENTS, OutcomeKind.NO_EVENT, OutcomeKind.DEAD_LETTER,
        OutcomeKind.DEAD_LETTER, OutcomeKind.DEAD_LETTER, OutcomeKind.DEAD_LETTER,
        OutcomeKind.EVENTS]
    for alone, batched in zip(one_by_one, together, strict=True):
        assert batched.source == alone.source
        assert batched.records() == alone.records()
