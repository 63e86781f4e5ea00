"""The grouping's last two IGNORECASE searches (`events._incidents`: the detainee's custody,
the habitual), now made through `events._finds` on the text lower-cased: the same answer as
the IGNORECASE search of before (copied here as it was), on every sentence of a benchmark
corpus, on random runs of the patterns' words in mixed case and on text that is not ASCII. And
actors' `_is_patient`: its search of the words before a mention, started where a match can
start at the earliest, finds one as the search of the whole window did."""

from __future__ import annotations

import re

from tests.unit.generated import corpus_sentences, soups
from worker.extract import actors, events

_TOKENS = [
    "custody", "Custody", "CUSTODY", "detention", "cell", "cells", "Cells", "cellS", "jail",
    "JAIL", "prison", "lock-up", "lockup", "Lock-Up", "torture", "tortured", "TORTURING",
    "repeatedly", "Regularly", "frequently", "often", "OFTEN", "routinely", "in the past",
    "In The Past", "has been", "HAVE BEEN", "had been", "in", "the", "past", "has", "been",
    "x", "7", ",", ".", "-", "'", "_", "é", "É", "İ", "ſ", "K", "ﬀ", "often_", "xjail",
    "jails", "cellar", "imprisoned", "he", "was", "held", "beaten",
]


def _texts() -> list[str]:
    texts = corpus_sentences(120)
    texts += soups(_TOKENS, 20_000, 43, [" ", " ", "", "  ", "\n", "-"], (1, 12))
    texts += ["", " ", "Jail", "jaİl", "tortur", "TORTURſ", "in  the past", "in the\npast",
              "Has been", "has-been", "cells.", "lock—up", "ſ jail", "İn the past"]
    return texts


def test_custody_and_habitual_as_ignorecase() -> None:
    for text in _texts():
        low = events._read(text)[0]
        for pattern, lowered in ((events._IN_CUSTODY, events._IN_CUSTODY_LOW),
                                 (events._HABITUAL, events._HABITUAL_LOW)):
            # (as first written: the IGNORECASE search of the text)
            assert events._finds(pattern, lowered, text, low) is \
                (pattern.search(text) is not None), (pattern.pattern, text)


# --------------------------------------------------------------------------- actors


def _pattern_words() -> set[str]:
    """The words of _PATIENT_BEFORE's alternatives, read from the pattern itself."""
    words: set[str] = set()
    for group in re.findall(r"\(\?:([^()]*)\)", actors._PATIENT_BEFORE.pattern):
        for alternative in group.split("|"):
            if alternative != r"\d+":  # (numbers: `str.isdecimal`)
                assert re.fullmatch(r"[a-z]+(?: [a-z]+)?", alternative), alternative
                words.update(alternative.split())
    return words


def test_patient_words_are_the_patterns() -> None:
    assert _pattern_words() <= actors._PATIENT_BEFORE_WORDS
    assert {"on", "beheaded", "positions", "members", "local", "several"} <= _pattern_words()


def test_patient_before_as_first_written() -> None:
    """`_PATIENT_BEFORE` searched from `_patient_before_from`: found as when searched in all
    the window (as first written), on the windows `_is_patient` reads before every word of a
    corpus and on random runs of the pattern's words."""
    vocab = [*sorted(_pattern_words()), "7", "12", "٣", "x", "re-", "fighters", "from", "by",
             "-", "_", ",", "positions  of", "members\nof"]
    windows = []
    for text in _texts()[:3_000]:
        for start in range(0, len(text), 3):
            windows.append(text[max(0, start - 45):start].lower())
    windows += soups(vocab, 40_000, 44, [" ", " ", "", "  ", "\n", "-", "\t"], (0, 12))
    windows += ["", " ", "on ", "on", " on the ", "re-attacked the ", "attacked\n",
                "x-on 7 ", "positions of the ", "position  of ", "on the two three local "]
    found = 0
    for before in windows:
        expected = actors._PATIENT_BEFORE.search(before) is not None
        at = actors._patient_before_from(before, before.split())
        assert (actors._PATIENT_BEFORE.search(before, at) is not None) is expected, before
        found += expected
    assert found > 1_000
