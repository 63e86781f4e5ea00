"""The actor module's shortcuts answer exactly as the code they stand in for (copied here as it
was first written): the gate hits read from the matches as plain tuples, `any_armed`'s loop,
and `_CRIME` tried only where one of its words starts. Checked on the sentences and articles
of a benchmark corpus and on generated and hand-made edge cases."""

from __future__ import annotations

import random

from benchmarks.corpus import articles_of_size
from worker.extract import actors
from worker.extract.actors import _CRIME
from worker.extract.text import split_sentences

_ARTICLES = [article.body for article in articles_of_size(3_000, 60)]
_SENTENCES = [s.text for body in _ARTICLES for s in split_sentences(body)]


# ---------------------------------------------------------------- the code as first written

def _gate_read_as_first_written(text: str) -> tuple[int, list[tuple[int, int, int]]]:
    present = 0
    out: list[tuple[int, int, int]] = []
    for last, (length, entries, _) in actors.matches(text)[2]:
        bits = actors._gate_bits(entries)
        if bits:
            present |= bits
            out.append((last, length, bits))
    return present, out


def _any_armed_as_first_written(text: str) -> bool:
    for _, (_, entries, _) in actors.matches(text)[2]:
        if entries and entries[0].kind in actors._ARMED_KINDS:
            return True
    return False


def _crime_as_first_written(text: str, begin: int, end: int) -> bool:
    return _CRIME.search(text, begin, end) is not None


# ---------------------------------------------------------------- generated texts

_WORDS = ["soldiers", "police", "killed", "said", "clan", "families", "former", "ex-", "ex",
          "off-duty", "retired", "By", "by", "BY", "from", "From", "FROM", "drug", "Drugs",
          "LAB", "labs", "available", "gangs", "Cartel", "trafficking", "smuggled", "poppies",
          "illegal", "hideout", "ſmuggling", "café", "Taliban", "gunmen", "the", "a", "—", "’s",
          ",", ".", "x", "unarmed", "demobilised", "reintegrated", "no-one", "week", "March",
          "İ", "K", "\n", "  "]


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 14)))
            for _ in range(count)]


# ---------------------------------------------------------------- the checks

def test_gate_read_as_first_written() -> None:
    texts = _SENTENCES + _generated(3_000, 3)
    hits = 0
    for text in texts:
        expected = _gate_read_as_first_written(text)
        got = actors.read_gates(text)
        assert got == expected, text
        assert all(type(x) is int for hit in got[1] for x in hit), text
        hits += len(got[1])
    assert hits > 3_000


def test_any_armed_as_first_written() -> None:
    texts = _SENTENCES + _generated(3_000, 5)
    answers = [actors.any_armed(text) for text in texts]
    assert answers == [_any_armed_as_first_written(text) for text in texts]
    assert 100 < sum(answers) < len(texts)


def test_crime_in_as_first_written() -> None:
    rng = random.Random(17)
    texts = _ARTICLES + _generated(3_000, 19) + [
        "", "LABS", "a drug lab", "druglab", "xdrug", "drug_", "_drug", "collaborated",
        "Illegal", "ſmuggled goods", "smuggled café", "police raided a gang hideout."]
    found = 0
    for text in texts:
        spans = [(0, len(text))] + [
            (begin, min(len(text) + 3, begin + rng.randint(0, 300)))
            for begin in (rng.randint(0, len(text)) for _ in range(6))]
        for begin, end in spans:
            expected = _crime_as_first_written(text, begin, end)
            assert actors._crime_in(text, begin, end) is expected, (text, begin, end)
            found += expected
    assert found > 500


def test_kind_tables_as_the_sets_and_dicts_first_written() -> None:
    """`_BINDABLE_BITS` and `_KIND_ROLES` answer as `_BINDABLE` and `_KIND_ROLE` for every
    kind, and `_scan` yields no phrase of a kind `_KIND_ROLE` lacks (where `_KIND_ROLES` has
    -1 and the dict raised)."""
    for kind in range(actors._KIND_GATE + 1):
        assert bool(actors._BINDABLE_BITS >> kind & 1) is (kind in actors._BINDABLE), kind
        assert actors._KIND_ROLES[kind] == actors._KIND_ROLE.get(kind, -1), kind
    kinds = {raw.entry.kind for text in _SENTENCES + _generated(3_000, 23)
             for raw in actors._scan(text)}
    assert kinds - {actors._KIND_NAMED} <= actors._KIND_ROLE.keys()
    assert len(kinds) > 8


def test_linked_to_matches_only_at_a_hyphen() -> None:
    """`_scan` tries `_LINKED_TO` only where the text lower-cased has "-"."""
    texts = _SENTENCES + _generated(3_000, 29) + ["al Qaeda-linked", "IS-Affiliated x"]
    matched = 0
    for text in texts:
        low = actors.matches(text)[0]
        for at in range(len(low) + 1):
            if actors._LINKED_TO.match(low, at) is not None:
                assert low[at] == "-", (text, at)
                matched += 1
    assert matched > 10
