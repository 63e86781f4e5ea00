"""The places core's rewrites answer exactly as the code they stand in for (copied here as it
was first written): the cuts of a run of capitalised words (`places._parts`, by `str.find`
rather than `_PART_BREAK.finditer`) and "town of" before a name (`places._town_of`, read back
rather than searched), the choices of `pick_location` (loops rather than `max`/`min` and a
key function). Checked on the candidates and names of a benchmark corpus and on generated
and hand-made edge cases."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from benchmarks.corpus import articles_of_size
from worker.extract import places
from worker.extract.types import PlaceMention

_PART_BREAK = re.compile(r"\.\s+|\s+of\s+|['’]s\s+")
_TOWN_OF = re.compile(r"\b(?:town|city|village)\s+of\s+$", re.IGNORECASE)


def _parts_as_first_written(start: int, words: str) -> list[tuple[int, str]]:
    if not places._has_space(words) or ("." not in words and " of " not in words
                                        and "'s " not in words and "’s " not in words):
        whole = words.rstrip(".")
        return [(start, whole)] if whole else []
    out = []
    pos = 0
    for cut in _PART_BREAK.finditer(words):
        if cut.start() > pos:
            out.append((start + pos, words[pos:cut.start()].rstrip(".")))
        pos = cut.end()
    if pos < len(words):
        out.append((start + pos, words[pos:].rstrip(".")))
    return [(s, w) for s, w in out if w]


def _town_of_as_first_written(text: str, start: int) -> bool:
    return start >= 3 and text[start - 3:start] == "of " and (
        _TOWN_OF.search(text, max(0, start - 12), start) is not None)


def _bodies() -> list[str]:
    return [article.body for article in articles_of_size(3_000, 120)]


_PIECES = ["A", "Bat", "Galim", "Square", "of", "Of", "off", "oft", "Sofia", ".", ". ", "'s",
           "’s", "'s ", "’S", "s", "'", "’", " ", "  ", "\t", "\n", "\u00a0", "\x1c", "\u2003",
           "U.S.", "No.", " of ", "  of  ", "of ", " of", "..", "x"]


def _generated(count: int, pieces: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
            for _ in range(count)]


def test_parts_cut_as_the_pattern() -> None:
    cut = 0
    runs = [text[start:end] for text in _bodies() for start, end in places._candidates(text)]
    for words in runs + _generated(30_000, _PIECES, 11):
        expected = _parts_as_first_written(5, words)
        cut += len(expected) > 1
        assert places._parts(5, words) == expected, repr(words)
    assert cut > 1_000


_TOWN_PIECES = ["town", "Town", "TOWN", "city", "City", "village", "Village", "VILLAGE", "cıty",
                "cİty", "vİllage", "vıllage", "hometown", "the", "of", "of ", " of ", "  of ",
                " ", "\u00a0", "\t", "\n", "_", "-", "x", "Kenya", "9", "é", "("]


def test_town_of_answers_as_the_search() -> None:
    found = 0
    texts = _bodies() + _generated(20_000, _TOWN_PIECES, 12)
    texts += ["the town of X", "the Town of X", "hometown of X", "town  of X", "(city of X",
              "_city of X", "village\u00a0of X", "cıty of X", "cİty of X", "xvillage of X",
              "city of of X", "city of  X", "ity of X", "village of X"]
    for text in texts:
        for start in range(len(text) + 1):
            expected = _town_of_as_first_written(text, start)
            found += expected
            assert places._town_of(text, start) == expected, (text, start)
    assert found > 1_000


def test_the_choices_of_pick_location_are_max_and_min_as_first_written() -> None:
    """`_surest`, `_surest_early`, `_most_specific` (loops) choose as `max`/`min` with the key
    functions `pick_location` had, ties and places equal to others included."""
    rng = random.Random(13)
    for _ in range(5_000):
        places_: list[PlaceMention] = []
        for _ in range(rng.randint(1, 8)):
            if places_ and rng.random() < 0.2:  # the same place again, or an equal one
                again = rng.choice(places_)
                places_.append(again if rng.random() < 0.5 else replace(again))
                continue
            places_.append(PlaceMention(
                name="X", admin1=None, admin2=None, country="C", country_code="CC",
                latitude=None, longitude=None, precision=rng.randint(1, 3), geonames_id=None,
                start=rng.randint(0, 5), end=9, text=str(rng.randint(0, 3)),
                score=rng.choice([0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 1.0])))
        assert places._surest(places_) is max(places_, key=lambda p: p.score)
        assert places._surest_early(places_) is max(
            places_, key=lambda p: p.score - 0.05 * places_.index(p))
        assert places._most_specific(places_) is min(places_, key=lambda p: (p.precision,
                                                                             p.start))
