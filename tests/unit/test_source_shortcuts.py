"""Shortcuts in `worker.extract.sources` find what the code as first written finds (kept here,
the reference): on the sentences of a benchmark corpus and on random runs of the words the
patterns read (case, white space, punctuation inside and around them)."""

from __future__ import annotations

import re

from benchmarks.corpus import articles_of_size
from tests.unit import generated
from worker.extract import sources

#: _ORG_SAID as first written.
REF_ORG_SAID_PATTERN = (
    r"\b(?P<name>(?:the\s+)?(?:local\s+)?(?:police|army|military|authorities|officials|"
    r"ministry(?: of [A-Z]\w+)?|government|health ministry|interior ministry|defence ministry|"
    r"defense ministry|hospital officials|medics|residents|witnesses|security sources|"
    r"local sources|the group|rights groups?))\s+(?:said|reported|told|confirmed|claimed)\b")
#: _ORG_SAID_LOW as first written: _ORG_SAID on lower-cased text, its optional groups kept.
REF_ORG_SAID_LOW = re.compile(REF_ORG_SAID_PATTERN.replace("[A-Z]", "[a-z]"))

#: Words the patterns read, and some that look like them.
TOKENS = [
    "the", "The", "THE", "local", "Local", "police", "Police", "army", "military", "authorities",
    "officials", "ministry", "Ministry", "of", "Of", "interior", "defence", "defense", "health",
    "hospital", "medics", "residents", "witnesses", "security", "sources", "the group", "group",
    "groups", "rights", "said", "Said", "SAID", "reported", "told", "confirmed", "claimed",
    "says", "added", "Smith", "John", "saidx", "xpolice", "police-", "(", ")", '"', "'", ",",
    ".", "-", "_", "3", " ", "  ", "\n", "\t", "\u00a0", "Ünal", "İ", "x",
]


def soups(count: int, seed: int = 11) -> list[str]:
    return generated.soups(TOKENS, count, seed, ["", " ", " ", " ", "  ", "\n"], (1, 14))


def sentences() -> list[str]:
    """The corpus's sentences (as the core reads sources: a sentence at a time), and some
    articles whole."""
    bodies = [a.body for a in articles_of_size(3_000, 60)]
    return [s for body in bodies for s in re.split(r"(?<=[.!?])\s+", body)] + bodies[:10]


def texts() -> list[str]:
    return sentences() + soups(3_000)


def test_org_said_pattern_as_first_written() -> None:
    """_ORG_SAID is assembled from its parts into the pattern as first written."""
    assert sources._ORG_SAID.pattern == REF_ORG_SAID_PATTERN
    assert sources._ORG_SAID.flags & re.IGNORECASE


def _spans(m: re.Match[str] | None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    return None if m is None else (m.span(), m.span("name"))


def test_org_said_low_finds_as_first_written() -> None:
    """_ORG_SAID_LOW, its optional "the" and "local" written out as alternatives, finds the
    same match as the pattern as first written, searched from every place of the text and
    up to the text's end or a few words on (as `in_windows_at` searches it)."""
    for text in texts():
        low = text.lower()
        n = len(low)
        for pos in range(n + 1):
            for end in (n, min(n, pos + 12), min(n, pos + 40)):
                assert _spans(sources._ORG_SAID_LOW.search(low, pos, end)) == \
                    _spans(REF_ORG_SAID_LOW.search(low, pos, end)), (low, pos, end)
            assert _spans(sources._ORG_SAID_LOW.match(low, pos)) == \
                _spans(REF_ORG_SAID_LOW.match(low, pos)), (low, pos)


def test_org_said_as_first_written() -> None:
    """`_org_said` (windows at the verbs, the pattern rewritten) finds what the pattern as
    first written finds over the whole text, case ignored."""
    ref = re.compile(REF_ORG_SAID_PATTERN, re.IGNORECASE)
    for text in texts():
        assert [_spans(m) for m in sources._org_said(text)] == \
            [_spans(m) for m in ref.finditer(text)], text


def test_named_before_reads_spaced_verbs_as_first_written() -> None:
    """`sources._named_before` on the verbs as found (`_needed_in`) keeps what it kept of
    them after `_spaced`, as first written: the white space before a verb is
    `_capital_before`'s, the word's end after it checked in the same pass."""
    from tests.unit.test_rewrites import corpus, soups

    tokens = ["Smith", "said", "says", "told", "he", "Police", "reported", "saidx", "xsaid",
              "added", "A", "al-", "John", ",", ".", "\n", "_", "1", "é", "Éric"]
    texts = corpus() + soups(tokens, 20_000, seed=71)
    kept = 0
    for text in texts:
        verbs = sources._needed_in(text).verbs
        expected = [(start, start, end) for start, end in sources._spaced(verbs, text)
                    if sources._capital_before(text, start)]
        assert sources._named_before(verbs, text) == expected, text
        kept += len(expected)
    assert kept > 5_000
