"""Cheaper ways the assembly (events.py) builds what it built before: each against the code as
first written, kept here as the reference, on the sentences of a benchmark corpus and on
edge inputs."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from benchmarks.corpus import articles_of_size
from worker.extract import actors, events
from worker.extract.constants import CK_INJURED, CK_KILLED, SK_OUTLET, SK_PERSON
from worker.extract.text import split_sentences
from worker.extract.types import CasualtyMention, SourceMention
from worker.models import Event, Evidence, Source, Span


@pytest.fixture(scope="module")
def bodies() -> list[str]:
    bodies = [a.body for a in articles_of_size(3_000, 120)]
    # articles that are not ASCII: an accented name, a curly quote, a Kelvin sign
    bodies += [b.replace("a", "á", 3) for b in bodies[:10]]
    bodies += ["Police in Kenya said “five” were killed in Nairobi. Uganda’s army denied it.",
               "", "   ", "Kenya", "Muñoz left Chile for Peru. Peru is calm.",
               "\u212a killed 3 in Somalia. Then Ethiopia."]
    return bodies


# ------------------------------------------------------------------------- the references


def _country_words_as_first_written(text: str) -> list[tuple[int, int]] | None:
    if not text.isascii():
        return None
    read = actors.gate_read(text)
    if not read[0] & events._COUNTRY_GATE:
        return []
    return [(last - size + 1, last - 1) for last, size, bits in read[1]
            if bits & events._COUNTRY_GATE]


def _recent_as_first_written(value: date, published: date) -> bool:
    return published - events.BACKGROUND_AGE <= value <= published + timedelta(days=1)


def _evidence_as_first_written(name: str, start: int, end: int, text: str) -> Evidence:
    return events._made(Evidence, {"field": name, "start": start, "end": end, "text": text,
                                   "article_id": None}, set(events._EVIDENCE_GIVEN))


def _sources_as_first_written(
        cited: list[tuple[int, tuple[SourceMention, ...]]],
        casualties: list[CasualtyMention],
        evidence: list[tuple[int, str, int, int, str]]) -> list[Source]:
    """`_sources` as first written, then the loop `_build` ran over its answer for the
    evidence of each source with a span."""
    out: dict[str, Source] = {}
    for offset, found in cited:
        for m in found:
            key = m.name.casefold()
            if key not in out:
                out[key] = events._made(Source, {"name": m.name, "kind": m.kind,
                                                 "span": events._span(offset + m.start,
                                                                      offset + m.end, m.text)},
                                        set(events._SOURCE_GIVEN))
    for c in casualties:
        if c.via and c.via.casefold() not in out:
            out[c.via.casefold()] = events._made(Source, {"name": c.via, "kind": SK_OUTLET,
                                                          "span": None},
                                                 set(events._SOURCE_UNSPANNED))
        if c.claimed_by and c.claimed_by.casefold() not in out:
            out[c.claimed_by.casefold()] = events._made(
                Source, {"name": c.claimed_by, "kind": SK_PERSON, "span": None},
                set(events._SOURCE_UNSPANNED))
    sources = list(out.values())
    for source in sources:
        span = source.span
        if span is not None:
            evidence.append((span.start, "sources", len(evidence), span.end, span.text))
    return sources


def _same_model(got: object, expected: object) -> None:
    """The same class, the same values of the same types in the same field order, the same
    fields given, nested models alike."""
    from pydantic import BaseModel

    assert type(got) is type(expected)
    assert isinstance(got, BaseModel) and isinstance(expected, BaseModel)
    assert list(got.__dict__) == list(expected.__dict__)
    assert got.model_fields_set == expected.model_fields_set
    assert type(got.model_fields_set) is set
    assert got.__pydantic_extra__ is None and got.__pydantic_private__ is None
    for name, value in got.__dict__.items():
        other = expected.__dict__[name]
        assert type(value) is type(other), name
        if isinstance(value, BaseModel):
            _same_model(value, other)
        else:
            assert value == other, name
    assert got.model_dump_json() == expected.model_dump_json()


# ------------------------------------------------------------------------- the tests


def test_country_words_of_an_ascii_article_as_first_written(bodies: list[str]) -> None:
    """A sentence of an article that is ASCII is ASCII: `_country_words(text, True)` there,
    as `extract_events` calls it, is `_country_words(text)`; and either is the reference."""
    checked = found = 0
    for body in bodies:
        is_ascii = body.isascii()
        for sentence in split_sentences(body):
            expected = _country_words_as_first_written(sentence.text)
            assert events._country_words(sentence.text) == expected, sentence.text
            assert events._country_words(sentence.text, is_ascii) == expected, sentence.text
            checked += 1
            found += bool(expected)
    assert checked > 2_000 and found > 100


def test_recent_as_first_written() -> None:
    published = date(2021, 3, 1)
    for days in range(-120, 120):
        value = published + timedelta(days=days)
        assert events._recent(value, published) == _recent_as_first_written(value, published)
    for published in (date(2020, 12, 31), date(2020, 2, 29), date(1, 1, 2), date(9999, 12, 30),
                      date(9999, 12, 31)):
        for value in (published, date(1, 1, 1), date(9999, 12, 31)):
            assert _outcome(events._recent, value, published) == \
                _outcome(_recent_as_first_written, value, published)


def _outcome(recent: Callable[[date, date], bool], value: date, published: date) -> object:
    """What `recent` gives, or the type of the error it raises (a date out of range)."""
    try:
        return recent(value, published)
    except OverflowError as error:
        return type(error)


def test_evidence_as_first_written() -> None:
    rng = random.Random(8)
    fields = ["event_type", "event_date", "location", "actor1", "actor2", "fatalities",
              "sources", ""]
    for _ in range(500):
        start = rng.randint(0, 5_000)
        end = start + rng.randint(0, 80)
        text = "".join(rng.choice("ab Ké.") for _ in range(rng.randint(0, 12)))
        name = rng.choice(fields)
        _same_model(events._evidence(name, start, end, text),
                    _evidence_as_first_written(name, start, end, text))
    # two of them share nothing: the template is copied
    one, two = events._evidence("actor1", 1, 2, "a"), events._evidence("actor2", 3, 4, "b")
    assert one.__dict__ is not two.__dict__ and one.field == "actor1"
    assert events._EVIDENCE_VALUES["field"] == ""


def test_event_template_is_the_events_fields_in_order() -> None:
    """The template `_build` copies holds every field of Event in declaration order; the
    fields it does not give hold their defaults; and no value of it is mutable (a copy is
    shallow)."""
    assert list(events._EVENT_VALUES) == list(Event.model_fields)
    # (the fields `_build` leaves as the template has them; "reports", not given either, is
    # set to a list of its own per event)
    for name in ("schema_version", "version", "first_seen", "last_updated"):
        assert name not in events._EVENT_GIVEN
        assert events._EVENT_VALUES[name] == Event.model_fields[name].get_default()
    assert all(isinstance(v, (str, int, float, type(None)))
               for v in events._EVENT_VALUES.values())
    assert set(Evidence.model_fields) == set(events._EVIDENCE_VALUES)
    assert list(events._EVIDENCE_VALUES) == list(Evidence.model_fields)


def _source_mention(rng: random.Random, names: list[str]) -> SourceMention:
    start = rng.randint(0, 200)
    return SourceMention(rng.choice(names), rng.choice([SK_OUTLET, SK_PERSON]), start,
                         start + rng.randint(1, 30), rng.choice(["police said", "AFP", "x"]))


def test_sources_and_their_evidence_as_first_written() -> None:
    rng = random.Random(11)
    names = ["AFP", "afp", "Reuters", "Police", "the army", "Ministry", "RÉUTERS"]
    spanned = 0
    for _ in range(2_000):
        cited = [(rng.randint(0, 3_000), tuple(_source_mention(rng, names)
                                               for _ in range(rng.randint(0, 3))))
                 for _ in range(rng.randint(0, 3))]
        casualties = [CasualtyMention(
            rng.choice([CK_KILLED, CK_INJURED]), rng.randint(0, 9), None, None, None,
            rng.choice([None, "", *names]), rng.choice([None, "", *names]), 0, 1, "x")
            for _ in range(rng.randint(0, 3))]
        before = [(0, "event_type", 0, 4, "shot"), (9, "location", 1, 12, "Gao")]
        got_evidence, expected_evidence = list(before), list(before)
        got = events._sources(cited, casualties, got_evidence)
        expected = _sources_as_first_written(cited, casualties, expected_evidence)
        assert got_evidence == expected_evidence
        assert len(got) == len(expected)
        for one, other in zip(got, expected, strict=True):
            _same_model(one, other)
            if one.span is not None:
                assert type(one.span) is Span
        spanned += len(got_evidence) > 2
    assert spanned > 500


def test_cached_readers_are_the_modules_own() -> None:
    """The cached function held as a `Final` is the other module's own object: one cache,
    cleared by its `cache_clear`."""
    from worker.extract import sources

    assert events._sources_of is sources.sources_of


def test_kept_reads_are_worked_out_alike(bodies: list[str]) -> None:
    """`_read`, kept per text by `actors.TextMemo` (it was an `lru_cache` of the function
    worked out), gives what the function gives: met first, met again (from either
    generation, after rotations of a small memo), and after `clear_text_caches`."""
    sentences = [s for body in bodies for s in split_sentences(body)]
    assert len(sentences) > 1000
    events.clear_text_caches()
    reads = events._READS
    size = reads.size
    try:
        reads.size = 50  # rotations within the corpus
        rng = random.Random(7)
        for _ in range(3):  # met first, then again in either generation
            for sentence in sentences:
                text = sentence.text
                assert events._read(text) == events._read_worked(text)
            rng.shuffle(sentences)
        events.clear_text_caches()
        assert not reads.new and not reads.old
    finally:
        reads.size = size
        events.clear_text_caches()


def test_casualties_kept_when_grouping_are_the_sentences_own() -> None:
    """The casualties an incident keeps for the sentences that joined it for them alone
    (`_Incident.casualties`, read by `_build` instead of looking again) are what
    `_casualties_in` finds in each of its sentences, and some incidents keep some."""
    kept = 0
    for article in articles_of_size(3_000, 300):
        sentences = split_sentences(article.body)
        for incident in events._incidents(sentences, article.published_date):
            starts = {s.start: s for s in incident.sentences}
            for start, found in (incident.casualties or {}).items():
                sentence = starts[start]
                assert found and found == events._casualties_in(sentence.text, start)
                kept += 1
    assert kept > 0


def test_event_ids_hash_as_hashlib_sha1() -> None:
    """The SHA-1 the event ids are made with (`_sha1`, CPython's own where there is one)
    gives `hashlib.sha1`'s digest."""
    import hashlib

    for data in (b"", b"art_1|Armed clash|2024-05-03|0", "Muñoz|x".encode() * 40):
        assert events._sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
