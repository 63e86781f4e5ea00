"""The place finder's shortcuts answer as the patterns they replace (copied here as first
written): the candidate patterns with possessive repeats and without their dead hyphen
branch, and `places._sentence_start` for the search of `(?:^|[.!?]\\s+|\\n\\s*)$` over the three
characters before a name; on a benchmark corpus and on hand-made edge cases."""

from __future__ import annotations

import re

from benchmarks.corpus import articles_of_size
from worker.extract import places

#: The candidate patterns as first written (greedy repeats, a hyphen between words allowed).
CANDIDATE = re.compile(
    r"[A-Za](?<![\w'’-].)(?:(?<=[A-Z])[\w'’.-]*|(?<=a)l-[A-Z][\w'’-]*)"
    r"(?:(?:\s+|-)(?:(?:de|del|da|do|dos|das|el|al|la|le|les|of|bin|ibn|wa|y)\s+)?"
    r"(?:[A-Z][\w'’-]*|al-[A-Z][\w'’-]*))*")
CANDIDATE_PLAIN = re.compile(
    r"[A-Z](?<![\w'’-].)[\w'’.-]*"
    r"(?:(?:\s+|-)(?:(?:de|del|da|do|dos|das|el|al|la|le|les|of|bin|ibn|wa|y)\s+)?"
    r"[A-Z][\w'’-]*)*")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")

EDGES = [
    "", "A", " A", "\nA", "\n A", ". A", ".  A", ".   A", ".\nA", "x.\n\nA", "!A", "? A",
    "x?\tA", "x. \u00a0A", "x.\u2003A", "x\u2028A", "\u2028A", "a\n", "a.\n", ".\n", "\n\n",
    "  A", "   A", "    A", "x  A", "x\n  A", "x.\r\nA", "x.\x1cA", "x\x1c A", "x.\x85A",
    "Kabul, Afghanistan", "Fighters of Al-Shabaab and al-Qaeda in al-Bayda",
    "the Dhaka-Mymensingh highway", "San José de las Matas", "Rio de  Janeiro", "Rio de-Janeiro",
    "Bin Laden's men", "Tel Aviv's Holon", "U.S. Army", "A- B", "A -B", "A - B", "A-\nB",
    "Ab-Cd-Ef Gh", "d'Ivoire Côte", "O’Neil Street", "al-Bab al-Jadid", "al al-Bab",
    "Abu Dhabi al Bab", "Kenya del Uganda dos Tanzania", "X y Z", "X y  z Q", "Éric Zemmour",
    "McDonald Hall", "iPhone City", "9Kenya", "_Kenya", "-Kenya", "'Kenya", "’Kenya", "aKenya",
]


def _texts() -> list[str]:
    texts = [a.body for a in articles_of_size(3_000, 120)] + EDGES
    return texts + [t.replace(" ", "\n") for t in texts[-len(EDGES):]]


def test_candidate_patterns_match_as_first_written() -> None:
    seen_al = False
    for text in _texts():
        expected = [m.span() for m in CANDIDATE.finditer(text)]
        assert [m.span() for m in places._CANDIDATE.finditer(text)] == expected, text
        if "al-" not in text:
            assert [m.span() for m in places._CANDIDATE_PLAIN.finditer(text)] == [
                m.span() for m in CANDIDATE_PLAIN.finditer(text)], text
        else:
            seen_al = True
    assert seen_al


def test_sentence_start_answers_as_the_search() -> None:
    answers = set()
    for text in _texts():
        for start in range(len(text) + 1):
            expected = SENTENCE_START.search(text, max(0, start - 3), start) is not None
            answers.add(expected)
            assert places._sentence_start(text, start) == expected, (text[:start][-6:], start)
    assert answers == {True, False}
