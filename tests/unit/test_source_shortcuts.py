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


#: Characters that only ASCII twins read otherwise, if they were wrong: white space that
#: `\s` holds (\x1c-\x1f among it), punctuation inside names, digits and "_".
ASCII_TOKENS = [
    "Smith", "John", "al-Baghdadi", "al-", "bin", "de", "van", "U.S.", "O'Neil", "Jean-Marc",
    "McDonald", "X", "A", "The", "the", "a", "an", "of", "said", "says", "told", "saidx",
    "reported", "according to", "per", "citing", "cited by", "spokesman", "chief", "head",
    "ahead", "official", "police", "Police", "army", "ministry of", "ministry", "local",
    "the group", "rights groups", "officials", "3", "_", "x", ",", ".", "-", "'", "(", "\x1c",
    "\x1f", "\x0b", "\x0c", "\r", "\t", "\n", " ",
]


def ascii_texts() -> list[str]:
    return [t for t in sentences()[::3] if t.isascii()] + generated.soups(
        ASCII_TOKENS, 800, 23, ["", " ", " ", "  ", "\n", "\x1c", "\t"], (1, 12))


def _whole(m: re.Match[str] | None) -> object:
    return None if m is None else (m.span(), m.groupdict(), [m.span(g) for g in m.groupdict()])


def test_ascii_twins_match_as_their_patterns() -> None:
    """Each pattern's ASCII twin (`sources._ascii_twin`) finds on ASCII text what the pattern
    finds: the same spans and groups, searched from every place up to the end or a few words
    on, and matched at every place (as `in_windows_at` and `_starting_at` try them); the
    organisations' on the text lower-cased, as `_org_found` reads them."""
    pairs = [(sources._SAID, sources._SAID_A), (sources._PERSON_ROLE, sources._PERSON_ROLE_A),
             (sources._ROLE_PERSON, sources._ROLE_PERSON_A), (sources._TOLD, sources._TOLD_A),
             (sources._ACCORDING, sources._ACCORDING_A),
             (sources._ORG_SAID_LOW, sources._ORG_SAID_LOW_A)]
    hits = 0
    for text in ascii_texts():
        n = len(text)
        for pattern, twin in pairs:
            on = text.lower() if pattern is sources._ORG_SAID_LOW else text
            for pos in range(n + 1):
                for end in (n, min(n, pos + 30)):
                    expected = _whole(pattern.search(on, pos, end))
                    assert _whole(twin.search(on, pos, end)) == expected, (on, pos, end)
                    hits += expected is not None
                assert _whole(twin.match(on, pos)) == _whole(pattern.match(on, pos)), (on, pos)
        for pos in range(n + 1):  # (_comma_before's: from after a comma to a role word)
            for end in range(pos, min(n, pos + 40) + 1):
                assert (sources._COMMA_WORDS_A.fullmatch(text, pos, end) is None) == \
                    (sources._COMMA_WORDS.fullmatch(text, pos, end) is None), (text, pos, end)
    assert hits > 10_000


def test_ascii_twins_read_no_unicode_class() -> None:
    """A twin holds no `\\w`, `\\s` nor a character past ASCII; a wrong twin is caught."""
    for twin in (sources._SAID_A, sources._PERSON_ROLE_A, sources._ROLE_PERSON_A,
                 sources._TOLD_A, sources._ACCORDING_A, sources._ORG_SAID_LOW_A,
                 sources._COMMA_WORDS_A):
        assert twin.pattern.isascii() and "\\w" not in twin.pattern and \
            "\\s" not in twin.pattern, twin.pattern
    wrong = re.compile(sources._SAID_A.pattern.replace(r"\x1c-\x20", " "))
    assert any(_whole(wrong.search(t)) != _whole(sources._SAID.search(t))
               for t in ascii_texts())


def ref_org_verbs(low: str, read: tuple[int, list[tuple[int, int, int]]]
                  ) -> list[tuple[int, int, int]]:
    """`sources._org_verbs` on ASCII text as first written: every spaced verb whole that
    `_org_before` (the word before ends with an organisation's last word, or "ministry of"
    before it) keeps."""
    n = len(low)
    out: list[tuple[int, int, int]] = []
    for last, length, bits in read[1]:
        if not bits & sources._SAID_GATE:
            continue
        start, end = last - length + 1, last - 1
        if start and low[start:end] in sources._ORG_VERB_WORDS and low[start - 1].isspace() \
                and not (end < n and sources._word_char(low[end])) \
                and sources._org_before(low, start):
            out.append((start, start, end))
    return sorted(out)


def test_org_verbs_keep_every_verb_a_match_ends_with() -> None:
    """`_org_verbs` on ASCII text (organisations' words read from the keyword pass) keeps a
    verb the code as first written kept wherever a match of _ORG_SAID ends with it, and no
    verb it did not keep; the matches found in its windows are those found in the first
    written's."""
    from worker.extract import actors
    from worker.extract.text import in_windows_at

    ref = re.compile(REF_ORG_SAID_PATTERN, re.IGNORECASE)
    tokens = [*TOKENS, "ministry of health", "ministry of", "xministry of", "police\n",
              "police  ", "anti-police", "police_", "5police", "groupx"]
    dropped = 0
    for text in [t for t in texts() + soups(3_000, seed=5) +
                 generated.soups(tokens, 3_000, 29, [" ", "", "\n", "  "], (1, 10))
                 if t.isascii()]:
        read = actors.gate_read(text)
        if read[0] & sources._ORG_GATES != sources._ORG_GATES:
            continue
        low = text.lower()
        kept = sources._org_verbs(low, read)
        first = ref_org_verbs(low, read)
        assert set(kept) <= set(first), text
        assert {m.end() for m in ref.finditer(text)} <= {end for _, _, end in kept}, text
        assert [_spans(m) for m in in_windows_at(sources._ORG_SAID_LOW, kept, 5, low, False)] \
            == [_spans(m) for m in in_windows_at(sources._ORG_SAID_LOW, first, 5, low, False)]
        dropped += len(first) - len(kept)
    assert dropped > 50


def test_org_found_reads_the_names_of_org_said() -> None:
    """sources_of reads an organisation as the span of `_org_found`'s name on the text: the
    name of `_org_said_read`'s match (_ORG_SAID's on the text), where it is."""
    from worker.extract import actors

    for text in texts():
        read = actors.gate_read(text) if text.isascii() else None
        said = sources._org_said_read(text, read)
        found = sources._org_found(text, read)
        assert [(m.span(), m.span("name")) for m in found] == \
            [(m.span(), m.span("name")) for m in said], text
        assert [text[slice(*m.span("name"))] for m in found] == \
            [m.group("name") for m in said], text


def test_words_before_short_span_as_first_written() -> None:
    """`text.words_before` (no split where too few characters are before the place for
    `count` + 1 words) is the split as first written."""
    from worker.extract.text import words_before

    def first(text: str, at: int, count: int, floor: int) -> int:
        pieces = text[floor:at].rsplit(None, count)
        return floor + len(pieces[0]) if len(pieces) > count else floor

    for text in generated.soups(["a", "bb", "c", " ", "\n", "\x1c", ",", "é", "\u2003"], 3_000,
                                31, ["", " ", "  "], (1, 14)):
        n = len(text)
        for at in range(n + 1):
            for floor in range(at + 1):
                for count in (0, 1, 3, 5, 7):
                    assert words_before(text, at, count, floor) == first(text, at, count, floor)


def test_said_named_leaves_out_only_a_stop_word_opening_the_text() -> None:
    """`_said_named` finds what `_said` finds (the code as first written, `_found`'s
    reference in test_rewrites) but a first match whose name is a stop word with nothing
    but white space before it, a name `_add_named` drops (`_trim_name` leaves nothing)."""
    stops = sorted(sources._STOP_NAMES)
    assert all(sources._trim_name(word) == "" for word in stops)
    tokens = [*stops, "Smith", "John", "al-", "bin", "said", "told", "says", "saidx", "he",
              ",", ".", "(", "'", "\n", "\x1c", "_", "3", "é", "Él"]
    left_out = 0
    for text in sentences() + generated.soups(tokens, 6_000, 37, [" ", " ", "", "  ", "\n"],
                                              (1, 9)):
        verbs = sources._needed_in(text).verbs
        first = sources._said(text, verbs, text.isascii())
        expected = [m for m in first if text[:m.start()].strip() or
                    m.group("name") not in sources._STOP_NAMES]
        assert [_whole(m) for m in sources._said_named(text, verbs, text.isascii())] == \
            [_whole(m) for m in expected], text
        left_out += len(first) - len(expected)
    assert left_out > 100
