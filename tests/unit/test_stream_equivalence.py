"""The stream layer's shortcuts against the code as first written (kept here as the
reference): alert rules folded into plain checks (`RuleSet.evaluate`, `Rule.reason`,
`Rule.severity_for`), the pipeline's output records, and histograms observed a batch at a
time. Same alerts and same bytes on the events of the seeds and of benchmark articles, under
the built-in rules and rules that use every condition."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import orjson
import pytest
from faust.types.tuples import Message
from prometheus_client import CollectorRegistry, Histogram
from pydantic import BaseModel

from benchmarks.corpus import articles_of_size
from worker import codec
from worker.alerts import Rule, RuleSet, Step, load_rules, parse_rules
from worker.app import Stats, _count, _source_of
from worker.extract import Extractor
from worker.metrics import EXTRACTION_BUCKETS, LATENCY_BUCKETS, observe_all
from worker.models import (
    SCHEMA_VERSION,
    Actor,
    ActorType,
    Alert,
    Event,
    EventType,
    Evidence,
    Severity,
    Span,
    SubEventType,
)
from worker.pipeline import Destination, OutRecord, Pipeline, SourceMeta, Tally
from worker.seeds import all_seeds

# --------------------------------------------------------------- the reference (as first written)

_RANK = {Severity.LOW: 0, Severity.MEDIUM: 1, Severity.HIGH: 2, Severity.CRITICAL: 3}


def ref_reached(step: Step, event: Event) -> bool:
    if step.min_fatalities is None and step.min_injured is None:
        return False
    return (step.min_fatalities is None or (event.fatalities or 0) >= step.min_fatalities) and (
        step.min_injured is None or (event.injured or 0) >= step.min_injured)


def ref_severity_for(rule: Rule, event: Event) -> Severity:
    level = rule.severity
    for step in rule.escalate:
        if ref_reached(step, event) and _RANK[step.severity] > _RANK[level]:
            level = step.severity
    return level


def ref_reason(rule: Rule, event: Event) -> str | None:
    why: list[str] = []
    if rule.min_fatalities is not None:
        if (event.fatalities or 0) < rule.min_fatalities:
            return None
        why.append(f"fatalities {event.fatalities} >= {rule.min_fatalities}")
    if rule.min_injured is not None:
        if (event.injured or 0) < rule.min_injured:
            return None
        why.append(f"injured {event.injured} >= {rule.min_injured}")
    if rule.event_types:
        if event.event_type not in rule.event_types:
            return None
        why.append(f"event type {event.event_type.value}")
    if rule.sub_event_types:
        if event.sub_event_type not in rule.sub_event_types:
            return None
        why.append(f"sub-event type {event.sub_event_type.value}")
    loc = event.location
    if rule.countries:
        if loc is None or loc.country_code.upper() not in {c.upper() for c in rule.countries}:
            return None
        why.append(f"country {loc.country_code} on the watch list")
    if rule.admin1:
        if loc is None or loc.admin1 is None or loc.admin1.casefold() not in {
                a.casefold() for a in rule.admin1}:
            return None
        why.append(f"admin1 {loc.admin1} on the watch list")
    if rule.actors:
        names = [a.name.casefold() for a in (event.actor1, event.actor2) if a is not None]
        hit = next((w for w in rule.actors if any(w.casefold() in n for n in names)), None)
        if hit is None:
            return None
        why.append(f"actor {hit} on the watch list")
    return "; ".join(why) or "always"


def ref_make_alert(event: Event, rule: Rule, severity: Severity, reason: str) -> Alert:
    digest = hashlib.sha1(
        f"{event.event_id}|{rule.name}|{severity.value}".encode(), usedforsecurity=False
    ).hexdigest()[:16]
    location = event.location
    return Alert(alert_id=f"alr_{digest}", event_id=event.event_id, article_id=event.article_id,
                 rule=rule.name, severity=severity, reason=reason, summary=event.summary,
                 event_type=event.event_type, sub_event_type=event.sub_event_type,
                 country_code=location.country_code if location is not None else None,
                 fatalities=event.fatalities, event_version=event.version)


def ref_evaluate(rules: RuleSet, event: Event) -> list[Alert]:
    alerts = []
    for rule in rules.rules:
        reason = ref_reason(rule, event)
        if reason is not None:
            alerts.append(ref_make_alert(event, rule, ref_severity_for(rule, event), reason))
    return alerts


def ref_encode(message: BaseModel) -> bytes:
    """`codec.encode` as first written: orjson with `codec._fields` as `default` for every
    nested model, else pydantic's serializer."""
    if type(message) in codec.PLAIN_MODELS:
        try:
            return orjson.dumps(codec._fields(message), default=codec._fields,
                                option=orjson.OPT_UTC_Z)
        except TypeError:
            pass
    return message.__pydantic_serializer__.to_json(message)


def ref_records(events: list[Event], alerts: list[Alert]) -> list[tuple[object, ...]]:
    """What `Outcome.records` published for an article's events (merging off)."""
    return [*((Destination.EVENTS, e.event_id.encode(), ref_encode(e), ()) for e in events),
            *((Destination.ALERTS, a.event_id.encode(), ref_encode(a), ()) for a in alerts)]


def ref_source_of(event: Any) -> tuple[bytes | None, SourceMeta]:
    """`worker.app._source_of` as first written."""
    message = event.message
    source = SourceMeta(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
        key=message.key if isinstance(message.key, bytes) else None,
    )
    value = message.value if isinstance(message.value, bytes) else event.value
    return value, source


# --------------------------------------------------------------- inputs

WATCH_RULES = """
rules:
  - {name: any, severity: low}
  - {name: deaths, severity: medium, min_fatalities: 1,
     escalate: [{min_fatalities: 5, severity: high}, {min_fatalities: 25, severity: critical},
                {severity: critical}, {min_fatalities: 3, severity: low}]}
  - {name: zero-dead, severity: low, min_fatalities: 0}
  - {name: hurt, severity: medium, min_injured: 10,
     escalate: [{min_injured: 50, min_fatalities: 2, severity: critical}]}
  - {name: blasts, severity: high, event_types: ["Explosions/Remote violence", "Battles"],
     sub_event_types: ["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"]}
  - {name: protest-force, severity: high, event_types: [Protests]}
  - {name: places, severity: medium, countries: [so, KE, Ng, ml, "in"],
     admin1: [BANADIR, lamu, Borno State, Gao, Jammu and Kashmir]}
  - {name: countries, severity: low, countries: [so, ke, ng, ua, mx]}
  - {name: actors, severity: high, actors: [Al-Shabaab, POLICE, militia, Wagner, "army"],
     escalate: [{min_injured: 1, severity: critical}]}
  - {name: everything, severity: low, min_fatalities: 1, min_injured: 1,
     event_types: [Battles, Riots], countries: [so, ke], admin1: [lamu], actors: [police]}
"""


@pytest.fixture(scope="module")
def events() -> list[Event]:
    extractor = Extractor()
    found = [e for s in all_seeds(malformed=False) if s.article is not None
             for e in extractor.extract(s.article)]
    found += [e for a in articles_of_size(3_000, 200) for e in extractor.extract(a)]
    return found


def variants(event: Event, rng: random.Random) -> list[Event]:
    """`event` and copies with other figures, places, actors and types (validated)."""
    dumped = event.model_dump()
    out = [event]
    for _ in range(3):
        changed = dict(dumped)
        changed["fatalities"] = rng.choice([None, 0, 1, 2, 3, 4, 5, 24, 25, 26, 100])
        changed["injured"] = rng.choice([None, 0, 1, 9, 10, 49, 50, 51])
        event_type = rng.choice(list(EventType))
        changed["event_type"] = event_type
        changed["sub_event_type"] = rng.choice(list(SubEventType))
        if changed["location"] is not None and rng.random() < 0.5:
            changed["location"] = {**changed["location"],
                                   "admin1": rng.choice([None, "Lamu", "BORNO STATE", "banadir",
                                                         "Gao", "Somewhere"]),
                                   "country_code": rng.choice(["SO", "ke", "NG", "UA", "ZZ"])}
        elif rng.random() < 0.3:
            changed["location"] = None
        if rng.random() < 0.5:
            changed["actor1"] = Actor(name=rng.choice(["Kenya Police", "Wagner Group",
                                                       "Unidentified Armed Group",
                                                       "al-shabaab"]),
                                      actor_type=ActorType.UNIDENTIFIED).model_dump()
            changed["actor2"] = rng.choice([None, {"name": "Militia (Pro-Government)",
                                                   "actor_type": "political_militia"}])
        out.append(Event.model_validate(changed))
    return out


# --------------------------------------------------------------- the tests


@pytest.mark.parametrize("rules_text", [None, WATCH_RULES])
def test_rules_give_the_alerts_of_the_reference(events: list[Event],
                                                rules_text: str | None) -> None:
    rules = load_rules() if rules_text is None else parse_rules(rules_text)
    rng = random.Random(7)
    compared = fired = 0
    for base in events:
        for event in variants(base, rng):
            expected = ref_evaluate(rules, event)
            got = rules.evaluate(event)
            assert [codec.encode(a) for a in got] == [codec.encode(a) for a in expected]
            assert [a.model_fields_set for a in got] == [a.model_fields_set for a in expected]
            for rule in rules.rules:
                assert rule.reason(event) == ref_reason(rule, event)
                assert rule.severity_for(event) == ref_severity_for(rule, event)
            compared += 1
            fired += len(got)
    assert compared > 2_000 and fired > 1_000


def test_pipeline_records_are_the_reference_bytes(events: list[Event]) -> None:
    """Every output record of the pipeline over raw article bytes (seeds, malformed ones
    too, and benchmark articles): the reference's records, byte for byte."""
    by_id: dict[str, list[Event]] = {}
    for event in events:
        by_id.setdefault(event.article_id, []).append(event)
    rules = load_rules()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    pipeline = Pipeline(lambda a: list(by_id.get(a.id, ())), rules, max_bytes=200_000,
                        max_future=timedelta(days=2), clock=lambda: now)
    raws = [s.value for s in all_seeds()]
    raws += [orjson.dumps(a.model_dump(mode="json")) for a in articles_of_size(3_000, 200)]
    messages = [(raw, SourceMeta("articles.raw", 0, offset, 1_700_000_000_000, b"k"))
                for offset, raw in enumerate(raws)]
    outcomes = pipeline.process_many(messages)
    _stats_as_first_counted([o.tally() for o in outcomes])
    published = 0
    for outcome in outcomes:
        tally = outcome.tally()
        records = list(tally.records)
        assert records == outcome.records()
        assert all(type(r) is OutRecord for r in records)
        if outcome.dead_letter is None:
            assert [tuple(r) for r in records] == ref_records(
                outcome.events, [a for e in outcome.events for a in ref_evaluate(rules, e)])
            assert tally.event_types == tuple(e.event_type.value for e in outcome.events)
            assert tally.alert_severities == tuple(a.severity.value for a in outcome.alerts)
        published += len(records)
    assert published > 500


def _traceless(tally: Tally) -> Tally:
    """`tally` with its dead letter's traceback cut to the failing frame and the error (the
    pipeline's own frame names the method and line that called the extractor)."""
    letter = tally.dead_letter
    if letter is None or letter.traceback is None:
        return tally
    lines = letter.traceback.splitlines()
    letter = letter.model_copy(update={"traceback": "\n".join([lines[0], *lines[-3:]])})
    return tally._replace(dead_letter=letter, records=tuple(
        r._replace(value=codec.encode(letter)) if r.destination is Destination.DEADLETTER
        else r for r in tally.records))


@pytest.mark.parametrize(("rules_text", "merging"), [(None, False), (WATCH_RULES, False),
                                                     (None, True)])
def test_tallies_are_those_of_the_outcomes(events: list[Event], rules_text: str | None,
                                           merging: bool) -> None:
    """`Pipeline.tally_many` (records straight from extraction, alerts without their
    models) gives the tallies of `process_many`'s outcomes, and the reference's records,
    over raw article bytes (seeds, malformed ones too, and benchmark articles), with an
    extractor that fails for some articles."""
    by_id: dict[str, list[Event]] = {}
    for event in events:
        by_id.setdefault(event.article_id, []).append(event)
    rules = load_rules() if rules_text is None else parse_rules(rules_text)
    now = datetime(2026, 1, 1, tzinfo=UTC)

    def extract(article: Any) -> list[Event]:
        if article.id.endswith("7"):
            raise ValueError(f"no events for {article.id}")
        return list(by_id.get(article.id, ()))

    pipeline = Pipeline(extract, rules, max_bytes=200_000, max_future=timedelta(days=2),
                        clock=lambda: now, merging=merging)
    raws = [s.value for s in all_seeds()]
    raws += [orjson.dumps(a.model_dump(mode="json")) for a in articles_of_size(3_000, 200)]
    messages = [(raw, SourceMeta("articles.raw", 0, offset, 1_700_000_000_000, b"k"))
                for offset, raw in enumerate(raws)]
    alerts = 0
    for at in range(0, len(messages), 32):
        chunk = messages[at:at + 32]
        outcomes = pipeline.process_many(chunk)
        tallies = pipeline.tally_many(chunk)
        assert [_traceless(t) for t in tallies] == [
            _traceless(o.tally(merging=merging)) for o in outcomes]
        for tally, outcome in zip(tallies, outcomes, strict=True):
            assert type(tally) is Tally and all(type(r) is OutRecord for r in tally.records)
            if outcome.dead_letter is None and not merging:
                assert [tuple(r) for r in tally.records] == ref_records(
                    outcome.events, [a for e in outcome.events for a in ref_evaluate(rules, e)])
            alerts += len(tally.alert_severities)
    kinds = {t.kind for t in pipeline.tally_many(messages)}
    assert len(kinds) == 3 and (merging or alerts > 100)


def test_alerts_of_the_rules_are_as_validated(events: list[Event]) -> None:
    for event in events[:300]:
        for alert in load_rules().evaluate(event):
            assert alert.schema_version == SCHEMA_VERSION
            assert alert == Alert.model_validate(alert.model_dump())


def _state(histogram: Histogram) -> tuple[dict[str, float], float]:
    samples = {s.labels.get("le", s.name): s.value
               for metric in histogram.collect() for s in metric.samples
               if s.name.endswith(("_bucket", "_count"))}
    total = next(s.value for metric in histogram.collect() for s in metric.samples
                 if s.name.endswith("_sum"))
    return samples, total


@pytest.mark.parametrize("buckets", [EXTRACTION_BUCKETS, LATENCY_BUCKETS])
def test_histograms_observed_at_once_count_as_one_at_a_time(
        buckets: tuple[float, ...]) -> None:
    rng = random.Random(3)
    one, batch = (Histogram("h", "h", buckets=buckets, registry=CollectorRegistry())
                  for _ in range(2))
    for size in (0, 1, 7, 200, 1000):
        values = [*buckets, 0.0, *(rng.choice(buckets) * rng.choice(
            [0.5, 0.999999, 1.0, 1.000001, 2.0]) for _ in range(size))]
        values += [rng.expovariate(1 / rng.choice(buckets)) for _ in range(size)]
        for value in values:
            one.observe(value)
        observe_all(batch, values)
        counts, total = _state(batch)
        expected_counts, expected_total = _state(one)
        assert counts == expected_counts
        assert total == pytest.approx(expected_total, rel=1e-12)


def _altered(event: Event) -> list[tuple[Event, bool]]:
    """Copies of `event` that the event path must leave to `codec._fields` (False: its
    `_event_fields` is None) or write itself (True), as `model_copy` and the merge stage may
    make them (fields updated without validation)."""
    out: list[tuple[Event, bool]] = [(event, True)]
    copy: Callable[..., Event] = event.model_copy
    out.append((copy(update={"confidence": 1}), False))  # an int in a float field
    out.append((copy(update={"claims": [], "sources": [], "evidence": [], "assoc_actors": [],
                             "actor1": None, "actor2": None, "location": None}), True))
    out.append((copy(update={"evidence": tuple(event.evidence)}), True))  # a tuple, not a list
    if event.location is not None:
        for number in (7, 7.0, None):
            location = event.location.model_copy(update={"latitude": number})
            out.append((copy(update={"location": location}), type(number) is not int))
        out.append((copy(update={"location": event.actor1}), event.actor1 is None))
    if event.actor1 is not None:
        odd = event.actor1.model_copy()
        odd.__dict__["cached"] = 1  # an attribute that is not a field
        out.append((copy(update={"actor1": odd}), False))
        out.append((copy(update={"actor2": event.location}), event.location is None))
        out.append((copy(update={"summary": event.actor1}), True))  # a model left to default
        out.append((copy(update={"assoc_actors": [event.actor1, None]}), False))
    if event.evidence:
        first = event.evidence[0]
        out.append((copy(update={"evidence": [*event.evidence, Span(
            start=first.start, end=first.end, text=first.text)]}), False))
        out.append((copy(update={"reports": [first]}), False))  # Evidence where a Report goes
    if event.claims:
        claim = event.claims[0]
        # (no span: written as a source's missing span is, in the same one pass)
        out.append((copy(update={"claims": [claim.model_copy(update={"span": None})]}), True))
        odd_span = claim.span.model_copy()
        odd_span.__dict__["cached"] = 1
        out.append((copy(update={"claims": [claim.model_copy(update={"span": odd_span})]}),
                    False))
    if event.sources:
        source = event.sources[0]
        out.append((copy(update={"sources": [source.model_copy(update={"span": None})]}), True))
        if source.span is not None:
            out.append((copy(update={"sources": [source.model_copy(
                update={"span": Evidence(field="x", start=0, end=1, text="x")})]}), False))
    return out


def test_events_encode_as_first_written(events: list[Event]) -> None:
    """`codec.encode` of an event (its nested models made plain in one pass) gives the bytes
    of the path through orjson's `default` it was first written with, on every event of the
    seeds and benchmark articles and on copies of them altered past what it accepts."""
    fast = left = 0
    for base in events:
        for event, accepted in _altered(base):
            assert (codec._event_fields(event) is not None) == accepted
            assert codec.encode(event) == ref_encode(event)
            fast += accepted
            left += not accepted
    assert fast > 1_000 and left > 1_000


class _FaustEvent:
    __slots__ = ("message", "value")

    def __init__(self, message: Message, value: object) -> None:
        self.message = message
        self.value = value


def test_sources_of_messages_are_those_first_written() -> None:
    made = 0
    for timestamp in (None, 0, 0.0, 1_700_000_000.123, 1.5e9):
        for key in (None, b"", b"k", "text", 5):
            for value in (None, b"", b"{}", "text"):
                message = Message("articles", 3, 17, timestamp, 0, None, key, value, None)
                event = _FaustEvent(message, b"the event's value")
                value_got, source = _source_of(event)  # type: ignore[arg-type]
                value_ref, source_ref = ref_source_of(event)
                assert value_got == value_ref and source == source_ref
                assert type(source) is SourceMeta and source.where == source_ref.where
                assert [type(v) for v in source] == [type(v) for v in source_ref]
                made += 1
    assert made == 100


def test_alerts_encode_as_first_written(events: list[Event]) -> None:
    """`codec.encode` of an alert (`_fields` inline: an alert has no float field) gives the
    bytes first written, on the alerts of the corpus and on altered copies."""
    assert not codec._SHAPES[Alert][1]  # no float field for `encode` to check
    rules = parse_rules(WATCH_RULES)
    alerts = [a for e in events[:400] for a in rules.evaluate(e)]
    assert len(alerts) > 300
    for alert in alerts[:300]:
        odd = alert.model_copy()
        odd.__dict__["cached"] = 1
        for message in (alert, odd, alert.model_copy(update={"fatalities": 2**70}),
                        alert.model_copy(update={"summary": "lone \ud800"})):
            try:
                expected = ref_encode(message)
            except Exception as exc:  # the same error both ways
                with pytest.raises(type(exc)):
                    codec.encode(message)
                continue
            assert codec.encode(message) == expected
            if message.__dict__.keys() == alert.__dict__.keys():  # the fields of an alert
                assert codec.encode_alert(dict(message.__dict__)) == expected


def ref_count(stats: Stats, outcomes: list[Tally]) -> None:
    """`worker.app._count` as first written."""
    event_types: list[str] = []
    for outcome in outcomes:
        stats.outcomes[outcome.kind.value] += 1
        stats.extract_seconds += outcome.extract_seconds
        if outcome.alert_severities:
            stats.alerts += len(outcome.alert_severities)
        if outcome.event_types:
            event_types += outcome.event_types
        if outcome.dead_letter is not None:
            stats.dead_letters[outcome.dead_letter.reason] += 1
    if event_types:
        stats.events_by_type.update(event_types)


def _stats_as_first_counted(tallies: list[Tally]) -> None:
    """`_count` of these tallies, in batches, gives the stats of the reference."""
    assert {t.kind.value for t in tallies} == {"events", "no_event", "dead_letter"}
    got, expected = Stats(), Stats()
    for at in range(0, len(tallies), 64):
        _count(got, tallies[at:at + 64])
        ref_count(expected, tallies[at:at + 64])
    assert got.as_dict() == expected.as_dict()
    assert got.extract_seconds == expected.extract_seconds


def ref_too_far_ahead(article: Any, now: datetime, max_future: timedelta) -> bool:
    """`codec.decode_article`'s future-date check as first written."""
    published = article.published_at
    when = (published if isinstance(published, datetime)
            else datetime(published.year, published.month, published.day, tzinfo=UTC))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return bool(when - now > max_future)


def test_future_dates_are_rejected_as_first_checked() -> None:
    """`decode_article` with `future_horizon`'s day (computed once a batch) rejects the
    published_at the reference rejects, and only those, around the limit and far from it,
    under every offset, as dates and naive datetimes too, for clocks in other zones."""
    from worker.errors import RejectedInput
    from worker.models import Article

    rng = random.Random(11)
    rejected = passed = gated = 0
    for _ in range(3_000):
        now = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(-10**9, 10**9))
        now = now.astimezone(timezone(timedelta(minutes=rng.randrange(-1439, 1440))))
        max_future = rng.choice([timedelta(0), timedelta(seconds=1), timedelta(hours=5),
                                 timedelta(days=1), timedelta(days=2), timedelta(days=30),
                                 timedelta(days=-3)])
        limit = now + max_future
        when = limit + timedelta(seconds=rng.choice(
            [0, 1, -1, 60, -60, *(rng.randrange(-4 * 86_400, 4 * 86_400) for _ in range(4)),
             -10**8]))
        shape = rng.randrange(4)
        if shape == 0:  # a date
            text = when.astimezone(UTC).date().isoformat()
        elif shape == 1:  # naive: read as UTC
            text = when.astimezone(UTC).replace(tzinfo=None).isoformat()
        else:
            zone = timezone(timedelta(minutes=rng.choice([0, 1439, -1439, 330, -600,
                                                          rng.randrange(-1439, 1440)])))
            text = when.astimezone(zone).isoformat()
        raw = orjson.dumps({"id": "a", "body": "b", "published_at": text})
        article = Article.model_validate_json(raw)
        expected = ref_too_far_ahead(article, now, max_future)
        horizon = codec.future_horizon(now, max_future)
        gated += horizon is not None and article.published_at.toordinal() <= horizon
        try:
            got = codec.decode_article(raw, max_bytes=1_000, now=now, max_future=max_future,
                                       horizon=horizon)
        except RejectedInput as rejection:
            assert expected, text
            assert rejection.message.startswith("published_at:")
            rejected += 1
        else:
            assert not expected, text
            assert got == article
            passed += 1
    assert rejected > 500 and passed > 500 and gated > 300
    assert codec.future_horizon(datetime(2026, 1, 1), timedelta(days=2)) is None  # noqa: DTZ001 (naive)
    assert codec.future_horizon(datetime.max.replace(tzinfo=UTC), timedelta(days=3)) is None


def test_articles_decode_as_first_validated() -> None:
    """`decode_article` (pydantic's validator called directly) gives the article, or the
    dead letter, of `Article.model_validate_json` as first called, over the seeds' raw bytes
    (malformed ones too), benchmark articles and broken copies of them."""
    from worker.errors import RejectedInput
    from worker.models import Article

    raws = [s.value for s in all_seeds()]
    raws += [orjson.dumps(a.model_dump(mode="json")) for a in articles_of_size(3_000, 50)]
    raws += [raw[: len(raw) // 2] for raw in raws[-20:]]
    raws += [raw.replace(b'"body"', b'"bodies"') for raw in raws[-40:-20]]
    valid = rejected = 0
    for raw in raws:
        try:
            expected = Article.model_validate_json(raw)
        except Exception as exc:
            with pytest.raises(RejectedInput) as caught:
                codec.decode_article(raw, max_bytes=10**7)
            assert caught.value.message == codec._diagnose(raw, exc).message  # type: ignore[arg-type]
            rejected += 1
            continue
        got = codec.decode_article(raw, max_bytes=10**7)
        assert got == expected and got.model_fields_set == expected.model_fields_set
        assert type(got) is Article and got.__pydantic_extra__ == expected.__pydantic_extra__
        valid += 1
    assert valid > 50 and rejected > 30
