"""The classifier's eleventh-round shortcuts answer exactly as the code they stand in for
(copied here as it was first written): the triggers sorted by an insertion sort, not by
`sort` with a key, and the search for a detonation by the authorities asked only where the
keyword pass found one of its verbs. Checked on the sentences of a benchmark corpus and on
generated and hand-made edge cases."""

from __future__ import annotations

import random
from itertools import pairwise

from tests.unit.generated import corpus_sentences, soups
from worker.extract import actors, classify
from worker.extract.classify import _Cues, _Hit


def _texts() -> list[str]:
    sentences = corpus_sentences(80)
    return sentences + [a + " " + b for a, b in pairwise(sentences[:1_500])]


#: Triggers in every order (a longer one and the shorter ones inside it, non-event phrases
#: over event triggers), next to the background test's words, stops and white space of every
#: kind (and text outside ASCII).
_WORDS = [*sorted(classify._BACKGROUNDS), "led to", "leading to", "ahead of", "wave of",
          "measures to", "to battle", "to fight", "to combat", "battle", "fight", "combat",
          "thereafter", "afterx", "xafter", "safter", "nonagainst", "before being", "ongoing",
          "there were ongoing", "protesters", "protest", "clashed", "clashes", "riots",
          "rioted", "fighting", "who", "the", "police", "x", "xx" * 9, "é", "éafter", "café",
          "naïve", "’", "—", "riot police", "anti-riot police", "tear gas", "tear gas shell",
          "water cannon", "fired into the air", "fired warning shots", "heart attack",
          "clashed with police", "shot dead", "shot", "suicide car bomb", "car bomb", "IED",
          "May", "March", "no one was", "threatened to"]
_JOINS = [" ", " ", " ", "  ", "\n", "\x1c", "\u3000", "\u00a0", "", ", ", ". ", "; ", "(", ") ",
          ": ", "-", "'"]


def _generated() -> list[str]:
    return soups(_WORDS, 12_000, seed=61, joins=_JOINS, lengths=(1, 14))


# ------------------------------------------------------------------ the sort


def _found_order(f: _Hit) -> tuple[int, int, bool]:
    return f.start, f.start - f.end, f.cue != "NONE"


def test_insertion_sort_is_the_sort_by_key() -> None:
    rng = random.Random(67)
    moved = 0
    for _ in range(60_000):
        hits = [_Hit(start, start + rng.randint(0, 4), rng.choice(["NONE", "KILL", "PROT"]), "",
                     False, False, index)
                for index, start in enumerate(rng.randint(0, 8)
                                              for _ in range(rng.randint(0, 9)))]
        expected = sorted(hits, key=_found_order)
        got = list(hits)
        classify._sort_found(got)
        moved += got != hits
        assert [id(h) for h in got] == [id(h) for h in expected], [h.order() for h in hits]
    assert moved > 10_000


# ------------------------------------------------------------------ the whole scan


def _scan_as_first_written(text: str) -> _Cues | None:
    """`classify._scan` as first written: the triggers sorted by `sort` with a key."""
    low, words, matched = actors.matches(text)
    found, negations, hedges = classify._triggers(text, words, matched)
    if not found:
        return None
    if len(found) > 1 and not classify._in_order(found):
        found.sort(key=_found_order)
    hits: list[_Hit] = []
    usable: list[_Hit] = []
    heads = classify._NO_HEADS.copy()
    mask = 0
    reach = -1
    span_end = -1
    span_start = -1
    dropped = False
    air_shot: _Hit | None = None
    for hit in found:
        start = hit.start
        end = hit.end
        cue = hit.cue
        if start < reach and not (start == span_start and end == span_end and not dropped):
            continue
        dropped = cue == "NONE"
        if dropped:
            reach = end
            span_start, span_end = start, end
            if air_shot is None and low.startswith(classify._AIR_SHOT_STARTS, start) and \
                    low[start:end] in classify._AIR_SHOTS:
                air_shot = _Hit(start, end, cue, low[start:end], False, False)
            continue
        reach = end
        span_start, span_end = start, end
        word = low[start:end]
        if cue == "PROT" and word == "march" and text[start] == "M":
            continue
        index = hit.index
        bit = 1 << index
        negated = hedged = False
        if negations and bit & classify._NEGATABLE_BITS:
            for at in negations:
                if start - 32 <= at <= start and not classify._stop_between(low, at, start) and \
                        low.find("claim", at, start) == -1:
                    negated = True
                    break
        if hedges and cue != "MOB" and word not in classify._CROWD_NOUNS:
            for at in hedges:
                if start - 30 <= at <= start and low.count(" ", at, start) <= 4 and \
                        not classify._stop_between(low, at, start) and \
                        low.find(" and ", at, start) == -1:
                    hedged = True
                    break
        hit.word = word
        hit.negated = negated
        hit.hedged = hedged
        hits.append(hit)
        if negated or hedged or (bit & classify._BACKGROUND_BITS and
                                 classify._background(low, start, word)):
            continue
        usable.append(hit)
        if not mask & bit:
            mask |= bit
            heads[index] = hit
    if not hits and air_shot is None:
        return None
    cues = _Cues(text, low, hits, usable, heads, mask)
    cues.air_shot = air_shot
    return cues


def _state(cues: _Cues) -> tuple[object, ...]:
    def one(h: _Hit | None) -> object:
        return None if h is None else h.order()
    return ([one(h) for h in cues.all], [one(h) for h in cues.usable],
            [one(h) for h in cues.heads], cues.mask, one(cues.air_shot))


def test_scan_answers_as_first_written() -> None:
    seen = backgrounds = unsorted = 0
    for text in _texts() + _generated():
        _, words, matched = actors.matches(text)
        found = classify._triggers(text, words, matched)[0]
        unsorted += len(found) > 1 and not classify._in_order(found)
        expected = _scan_as_first_written(text)
        got = classify._scan(text)
        assert (got is None) == (expected is None), text
        if got is None or expected is None:
            continue
        seen += 1
        backgrounds += len(expected.all) - len(expected.usable)
        assert _state(got) == _state(expected), text
    assert seen > 5_000 and backgrounds > 2_000 and unsorted > 2_000


# ------------------------------------------------------------------ the detonation gate


_DETONATION_WORDS = ["police", "forces", "army", "experts", "sappers", "detonated", "exploded",
                     "destroyed", "neutralised", "neutralized", "neutralise", "detonate",
                     "explodedx", "xexploded", "_exploded", "exploded_", "exploded2", "éexploded",
                     "explodedé", "the", "bomb", "it", "x", "’", "—", "café"]


def test_detonation_gate_lets_through_every_match() -> None:
    texts = _texts() + soups(_DETONATION_WORDS, 20_000, seed=71, joins=_JOINS, lengths=(1, 8))
    matched = gated_out = 0
    for text in texts:
        low = actors.matches(text)[0]
        gate = actors.gate_read(text)[0] & classify._DETONATED_GATE
        expected = classify._STATE_DETONATED.search(low) is not None
        matched += expected
        gated_out += not gate
        assert gate or not expected, text
        assert bool(gate and classify._state_detonated(low)) == expected, text
    assert matched > 1_000 and gated_out > 5_000
