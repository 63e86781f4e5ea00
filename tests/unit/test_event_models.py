"""The output models the assembly makes without pydantic's validation (`events._made`): each
must be what validating its values makes, field for field and type for type, so that its
bytes and its schema are those of a validated one."""

from __future__ import annotations

import warnings

import pytest
from pydantic import BaseModel

from benchmarks.corpus import articles_of_size
from worker.extract import Extractor
from worker.extract import events as events_mod
from worker.extract.types import CasualtyMention, SourceMention
from worker.models import CasualtyKind, Event, Report, Source, SourceKind
from worker.seeds import article_seeds

#: The fields each model was given when the assembly called its validating constructor.
_GIVEN = {
    "Evidence": {"field", "start", "end", "text"},
    "Span": {"start", "end", "text"},
    "Actor": {"name", "actor_type", "country_code", "mention"},
    "Location": {"name", "admin1", "admin2", "country", "country_code", "latitude",
                 "longitude", "precision", "geonames_id"},
    "Claim": {"kind", "count", "count_max", "qualifier", "side", "claimed_by", "via", "span"},
    "Source": {"name", "kind", "span"},
    "Event": {"event_id", "article_id", "event_type", "sub_event_type", "event_date",
              "date_precision", "actor1", "actor2", "assoc_actors", "location", "fatalities",
              "injured", "captured", "claims", "sources", "evidence", "confidence", "summary",
              "article_source", "published_at", "article_ids"},
}


def _check(model: BaseModel, where: str) -> int:
    """Asserts that `model` equals its own validation from the fields it was given (same
    values, same types, same field order, same set of fields given); returns how many models
    were checked (it and those inside it)."""
    assert type(model).__new__ is object.__new__, where  # what `events._made` calls
    given = {name: model.__dict__[name] for name in model.model_fields_set}
    expected = _GIVEN[type(model).__name__]
    if isinstance(model, Source) and model.span is None:
        expected = expected - {"span"}
    assert model.model_fields_set == expected, where
    validated = type(model)(**given)
    assert list(model.__dict__) == list(validated.__dict__), where
    assert model.model_fields_set == validated.model_fields_set, where
    assert model.__pydantic_extra__ is None and model.__pydantic_private__ is None, where
    count = 1
    for name, value in model.__dict__.items():
        other = validated.__dict__[name]
        assert type(value) is type(other), (where, name, value, other)
        assert value == other, (where, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, BaseModel):
                count += _check(item, f"{where}.{name}[{index}]")
    return count


@pytest.fixture(scope="module")
def events() -> list[Event]:
    extractor = Extractor()
    articles = [s.article for s in article_seeds() if s.article is not None]
    articles += articles_of_size(3000, 60)
    return [e for a in articles for e in extractor.extract(a)]


def test_events_are_their_own_validation(events: list[Event]) -> None:
    assert len(events) > 100
    checked = sum(_check(e, e.event_id) for e in events)
    assert checked > 10 * len(events)  # evidence, actors, claims, spans, sources, places
    # every kind of model and optional value met at least once
    seen = {type(m).__name__ for e in events for m in (
        *e.evidence, *e.claims, *e.sources, e.location, e.actor1, e.actor2, *e.assoc_actors)
        if m is not None}
    assert seen >= {"Evidence", "Claim", "Source", "Location", "Actor"}
    assert any(s.span is not None for e in events for s in e.sources)


def test_sources_without_a_span_are_their_own_validation() -> None:
    """A casualty figure's outlet and speaker become sources without a span."""
    mention = CasualtyMention(CasualtyKind.KILLED, 3, None, "at least", None, "Ali Musa",
                              "Radio Dalsan", 10, 30, "at least 3 were killed")
    # (each sentence's start and its sources, spans within the sentence)
    cited = [(40, (SourceMention("Reuters", SourceKind.OUTLET, 0, 7, "Reuters"),))]
    evidence: list[tuple[int, str, int, int, str]] = [(0, "event_type", 0, 5, "shot")]
    sources = events_mod._sources(cited, [mention], evidence)
    assert evidence[1:] == [(40, "sources", 1, 47, "Reuters")]  # (the spanned one's)
    assert [(s.name, s.kind, s.span is None) for s in sources] == [
        ("Reuters", SourceKind.OUTLET, False), ("Radio Dalsan", SourceKind.OUTLET, True),
        ("Ali Musa", SourceKind.PERSON, True)]
    assert sources[0].span is not None and (sources[0].span.start, sources[0].span.end) == (
        40, 47)
    for source in sources:
        _check(source, source.name)
    claim = events_mod._claim(mention, "SO")
    _check(claim, "claim")


def test_events_dump_as_validated_ones_do(events: list[Event]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a serializer warning: a value of the wrong type
        for event in events:
            again = Event.model_validate(event.model_dump())
            assert again == event
            assert again.model_dump_json() == event.model_dump_json()
            assert Event.model_validate_json(event.model_dump_json()) == event


def test_a_changed_event_does_not_change_another() -> None:
    """Each event has its own containers (the set of fields given, lists, dicts)."""
    extractor = Extractor()
    article = next(s.article for s in article_seeds() if s.article is not None
                   and len(extractor.extract(s.article)) >= 1)
    first, second = extractor.extract(article)[0], extractor.extract(article)[0]
    assert first == second
    first.article_ids.append("other")
    first.version = 2
    first.reports.append(first.reports[0] if first.reports else _report())
    assert second.article_ids == [second.article_id] and second.version == 1
    assert second.reports == [] and "version" not in second.model_fields_set


def _report() -> Report:
    return Report(article_id="x")


def test_frozen_models_share_their_set_of_fields_given_unchanged(events: list[Event]) -> None:
    """The frozen models an event holds (evidence, claims, spans, sources, places, actors)
    share one set of the fields given per kind (`events._EVIDENCE_GIVEN`...): no field of
    one can be assigned (pydantic raises before it adds to the set), and a copy with a
    field updated (as merging makes: `model_copy(update=...)`) gets a set of its own."""
    from pydantic import ValidationError

    shared = {"Evidence": events_mod._EVIDENCE_GIVEN, "Claim": events_mod._CLAIM_GIVEN,
              "Span": events_mod._SPAN_GIVEN, "Location": events_mod._LOCATION_GIVEN,
              "Actor": events_mod._ACTOR_GIVEN, "Source": events_mod._SOURCE_GIVEN,
              "Source without a span": events_mod._SOURCE_UNSPANNED}
    before = {name: set(given) for name, given in shared.items()}
    event = next(e for e in events if e.claims and e.location and e.actor1)
    models: list[BaseModel] = [*event.evidence, *event.claims, event.claims[0].span,
                               event.location, event.actor1]
    for model in models:
        assert model.model_fields_set is shared[type(model).__name__]
        for name in ("start", "text", "name"):  # (a field of one or another)
            with pytest.raises(ValidationError):
                setattr(model, name, "x")
        copied = model.model_copy(update={"article_id": "other"} if hasattr(
            model, "article_id") else {})
        assert copied.model_fields_set is not model.model_fields_set
    evidence = event.evidence[0].model_copy(update={"article_id": "other"})
    assert "article_id" in evidence.model_fields_set
    assert {name: set(given) for name, given in shared.items()} == before
