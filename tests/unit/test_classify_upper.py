"""The upper-case test of an acronym (`classify._upper`), not asked where the trigger opens
with a lower-case letter, answers as `isupper` of the trigger's span. Checked on the
sentences of a benchmark corpus and on generated texts (acronyms, capitalised and upper-case
triggers, text outside ASCII)."""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from tests.unit.generated import corpus_sentences, soups
from worker.extract import classify
from worker.extract.classify import _Cues

_JOINS = [" ", " ", " ", "  ", "\n", "\x1c", "\u3000", "\u00a0", "", ", ", ". ", "; ", "(", ") ",
          ": ", "-", "'"]
#: Triggers of the background test's cues and of the passive test's callers, their gates'
#: words whole and inside longer ones, fillers of every length (the edges of the 30 and 40
#: characters read fall everywhere).
_WORDS = [*sorted(classify._BACKGROUNDS), *sorted(classify._AUXILIARIES),
          *sorted(classify._CAUSATIVES), *sorted(classify._POSSESSIVES), "led to", "ahead of",
          "wave of", "measures to", "to battle", "to fight", "killed to", "into battle",
          "thereafter", "pyramid", "this", "budget", "forget", "chad", "whas", "isx", "xis",
          "xwas", "found", "badly", "were found", "had his", "got their", "protesters",
          "protest", "clashed", "clashes", "riots", "fighting", "killed", "injured", "attacked",
          "looted", "burned", "beaten", "kidnapped", "arrested", "detained", "the", "police",
          "soldiers", "gunmen", "residents", "x", "xx", "xxxxxxx", "é", "éwas", "café", "’",
          "RPG", "IED", "Jets", "jets", "82mm", "Shelling", "SHELLING", "mortar", "drone"]


def _texts() -> list[str]:
    sentences = corpus_sentences(80)
    generated = soups(_WORDS, 25_000, seed=83, joins=_JOINS, lengths=(1, 16))
    return sentences + [a + " " + b for a, b in pairwise(sentences[:1_500])] + generated


@cache
def _cues() -> list[_Cues]:
    out = []
    for text in _texts():
        cues = classify._scan(text)
        if cues is not None:
            out.append(cues)
    return out


def test_upper_answers_as_isupper() -> None:
    asked = upper = 0
    for cues in _cues():
        for hit in cues.all:
            expected = cues.text[hit.start:hit.end].isupper()
            assert classify._upper(cues.text, hit) == expected, (cues.text, hit.order())
            asked += 1
            upper += expected
    assert asked > 20_000 and upper > 500
