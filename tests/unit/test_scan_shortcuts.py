"""The ninth speed round's shortcuts in the classifier and the source finder answer exactly as
the code they stand in for (copied here as it was first written): the cue's place read off
its trigger key, the passive test's words split in C, the detonation pattern matched only
where its subjects are, an organisation's last word read back in place, and the name before
a role word opening with its capital. Checked on the sentences of a benchmark corpus and on
generated and hand-made edge cases."""

from __future__ import annotations

import random
import re
from itertools import pairwise

from benchmarks.corpus import articles_of_size
from worker.extract import actors, classify, sources
from worker.extract.text import split_sentences


def _texts() -> list[str]:
    out: list[str] = []
    for article in articles_of_size(3_000, 80):
        sentences = split_sentences(article.body)
        out.extend(s.text for s in sentences)
        out.extend(a.text + " " + b.text for a, b in pairwise(sentences))
    return out


def _lows() -> list[str]:
    return [actors.lowered(text) for text in _texts()]


# ------------------------------------------------------------------ trigger keys


def test_trigger_keys_hold_their_cues_place() -> None:
    rng = random.Random(3)
    words = ["killed", "protesters", "no one", "threatened to", "IED", "ied", "May", "march",
             "March", "heart attack", "tear gas", "demonstrating", "airstrikes", "x", ","]
    texts = _texts()[:3_000]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
              for _ in range(2_000)]
    hits = 0
    for text in texts:
        _, spaced, matched = actors.matches(text)
        for _, (_, _, keys) in matched:
            for index, cue, _, _ in keys:
                assert index == classify._CUE_INDEX[cue], (cue, index)
        found, _, _ = classify._triggers(text, spaced, matched)
        for hit in found:
            hits += 1
            assert hit.index == classify._CUE_INDEX[hit.cue], (text, hit.cue)
            assert hit.cue not in ("NEG", "HEDGE")
    assert hits > 5_000


# ------------------------------------------------------------------ detonation


def _state_detonated(low: str) -> bool:
    """`classify._state_detonated` as first written: the search from the first subject."""
    if "detonated" not in low and "exploded" not in low and "destroyed" not in low and \
            "neutrali" not in low:
        return False
    first = -1
    for word in classify._DETONATED_SUBJECTS:
        at = low.find(word)
        if at != -1 and (first == -1 or at < first):
            first = at
    return first != -1 and classify._STATE_DETONATED.search(low, first) is not None


def test_detonation_matched_at_its_subjects_answers_as_the_search() -> None:
    rng = random.Random(31)
    subjects = [*classify._DETONATED_SUBJECTS, "policemen", "xpolice", "reinforces", "armys"]
    verbs = ["detonated", "exploded", "destroyed", "neutralised", "neutralized", "neutralise",
             "explodedx", "undetonated"]
    fillers = ["", " ", " the bomb ", ". ", "; ", ", ", " " + "x" * 39 + " ",
               " " + "x" * 41 + " ", "\n", " police ", "-"]
    texts = _lows()
    texts += ["".join(rng.choice(subjects + verbs) + rng.choice(fillers)
                      for _ in range(rng.randint(1, 7))) for _ in range(20_000)]
    hits = 0
    for low in texts:
        expected = _state_detonated(low)
        hits += expected
        assert classify._state_detonated(low) == expected, low
    assert hits > 500


# ------------------------------------------------------------------ organisations


def _org_before(low: str, start: int) -> bool:
    """`sources._org_before` as first written (the text before split)."""
    words = low[:start].rsplit(None, 1)
    if not words:
        return False
    return words[-1].endswith(sources._ORG_LAST_WORDS) or (
        len(words) > 1 and words[0].endswith("ministry of"))


def test_org_before_read_in_place_answers_as_the_split() -> None:
    rng = random.Random(41)
    vocabulary = [*sources._ORG_LAST_WORDS, "ministry of", "ministry", "of", "the", "local",
                  "xpolice", "police's", "policex", "said", "y", "\n", "\t", "\u3000",
                  "\x1c", "  ", "ministry  of", "aministry of", "ministryof"]
    texts = _lows()[:3_000]
    texts += ["".join(rng.choice(vocabulary) + rng.choice([" ", "  ", "\n", "", ","])
                      for _ in range(rng.randint(0, 8))) for _ in range(8_000)]
    texts += ["", " ", "police", " police ", "ministry of  x ", "   ministry of x "]
    found = 0
    for low in texts:
        for start in range(len(low) + 1):
            expected = _org_before(low, start)
            found += expected
            assert sources._org_before(low, start) == expected, (low, start)
    assert found > 10_000


# ------------------------------------------------------------------ a name before its role


#: `sources._PERSON_ROLE` as first written (`\b` before the name).
_PERSON_ROLE = re.compile(rf"\b(?P<name>{sources._NAME}),\s+(?:the\s+|a\s+|an\s+)?"
                          rf"(?:\w+\s+){{0,3}}{sources._ROLE}\b")


def test_person_role_opening_with_its_capital_matches_as_first_written() -> None:
    rng = random.Random(43)
    tokens = ["Smith", "John", "al-", "bin", "de", "van", "U.S.", "O'Neil", "McDonald", "X",
              "xSmith", "_Smith", "3Smith", "éSmith", "ÉSmith", "-Smith", "(Smith", "the", "a",
              "spokesman", "commander", "governor", "head", "ahead", "deputy", "police", ",",
              ", ", " ", "\n", "\u00a0", "’", "İ", "é"]
    texts = [a.body for a in articles_of_size(3_000, 80)]
    texts += ["".join(rng.choice(tokens) + rng.choice(["", " ", " ", ", "])
                      for _ in range(rng.randint(1, 16))) for _ in range(20_000)]
    hits = 0
    for text in texts:
        expected = [(m.span(), m.span("name")) for m in _PERSON_ROLE.finditer(text)]
        hits += len(expected)
        assert [(m.span(), m.span("name")) for m in sources._PERSON_ROLE.finditer(text)] == \
            expected, text
        # searched from inside the text, as in windows: the character before is read
        for pos in range(0, len(text), 5):
            first = _PERSON_ROLE.search(text, pos)
            again = sources._PERSON_ROLE.search(text, pos)
            assert (first.span() if first else None) == (again.span() if again else None), (
                text, pos)
    assert hits > 500
