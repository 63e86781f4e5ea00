"""Shortcuts of the casualty and date finders (count-first windows read back byte by byte,
verb-first verbs tried only where a number can follow, relative clauses tried at their
pronouns, the disputed words searched on the lower-cased text, one-person patterns gated by
their words, "mdy" dates tried at a weekday only before a month) find what the code as first
written finds (copied here, the reference), or what the patterns find, on the benchmark
corpus and on random runs of the words they read."""

from __future__ import annotations

import random
import re

from tests.unit.test_rewrites import CASUALTY_TOKENS, VERB_FIRST_TOKENS, corpus, found, soups
from worker.extract import casualties
from worker.extract.text import Found, after_space, lowered, word_char

_REF_WORD_MARKS = frozenset("'’/–-")


def _ref_words_back(low: str, start: int, floor: int) -> int:
    """`casualties._words_back` as first written: read character by character."""
    at = start
    for _ in range(21):
        if at <= floor or not low[at - 1].isspace():
            break
        at -= 1
        while at > 0 and low[at - 1].isspace():
            at -= 1
        while at > 0:
            char = low[at - 1]
            if word_char(char) or char in _REF_WORD_MARKS or (
                    char == "," and low[at].isdecimal()):
                at -= 1
            else:
                break
    return max(at, floor)


def _ref_count_first_at(twin: re.Pattern[str], ends: list[tuple[int, int]], text: str,
                        low: str) -> list[Found]:
    """`casualties._count_first_at` as first written: every window searched."""
    out: list[Found] = []
    pos = previous = 0
    for start, end in ends:
        frm = _ref_words_back(low, start, max(pos, previous))
        previous = start
        while (m := twin.search(low, frm, end)) is not None:
            out.append(Found(m, text))
            frm = pos = m.end()
            if frm >= end:
                break
    return out


#: Words around the count-first figures: numbers glued to their ranges, words ending as a
#: number does ("militia", "often"), verbs inside others.
_MORE_TOKENS = [*CASUALTY_TOKENS, "3to4", "oneortwo", "ato5", "twenty-one", "militia", "often",
                "someone", "of", "dozens", "a dozen", "hundreds", "another", "single", "zero",
                "shot dead", "shot and killed", "critically injured", "have been", "were also",
                "attacked and", "beaten and", "who", "and", "but", "1,200", "١٢", "(3", "x-3"]


def test_words_back_of_ascii_bytes_as_first_written() -> None:
    rng = random.Random(29)
    count = 0
    texts = corpus()[:40] + soups([*_MORE_TOKENS, "\x1c", "\x0b", "_", "A", ",5"], 5_000,
                                  seed=31)
    for text in texts:
        if not text.isascii():
            continue
        data = text.encode("ascii")
        for start in range(1, len(text) + 1):
            floor = rng.randint(0, start)
            expected = _ref_words_back(text, start, floor)
            assert casualties._words_back_ascii(data, start, floor) == expected, (
                text, start, floor)
            assert casualties._words_back(text, start, floor) == expected
            count += expected > floor
    assert count > 20_000


def test_count_first_windows_as_first_written() -> None:
    texts = corpus() + soups(_MORE_TOKENS, 30_000, seed=37)
    hits = 0
    for _, _, _, twin, verbs in casualties._COUNT_FIRST_RUNS:
        for text in texts:
            if (low := lowered(text)) is None:
                continue
            ends = after_space(verbs, low)
            expected = found(_ref_count_first_at(twin, ends, text, low))
            assert found(casualties._count_first_at(twin, ends, text, low)) == expected, text
            hits += len(expected)
    assert hits > 5_000


def _ref_verb_first(kind: object, twin: re.Pattern[str], text: str, low: str,
                    hits: list[tuple[int, int, int]]) -> list[Found]:
    """`casualties._verb_first` as first written (ASCII text): the twin at each verb."""
    bit = casualties._VERB_FIRST_HIT[kind]  # type: ignore[index]
    starts = sorted(last - length + 1 for last, length, bits in hits if bits & bit)
    out: list[Found] = []
    pos = 0
    for start in starts:
        if start < pos or (start and word_char(low[start - 1])):
            continue
        m = twin.match(low, start)
        if m is not None:
            out.append(Found(m, text))
            pos = m.end()
    return out


def test_verb_first_tried_where_a_number_can_follow() -> None:
    tokens = [*VERB_FIRST_TOKENS, "his", "her", "their", "the", "in", "by", "when", "3to4",
              "a", "an", "at least", "up to", "some", "his two", ".", ",", "\t", "\n"]
    texts = [t for t in corpus() + soups(tokens, 30_000, seed=41) if t.isascii()]
    hits = 0
    for kind, _, pattern, twin in casualties._VERB_FIRST_RUNS:
        for text in texts:
            low = text.lower()
            read = casualties._hits(text, low)
            assert read is not None
            expected = found(_ref_verb_first(kind, twin, text, low, read))
            assert found(casualties._verb_first(kind, pattern, twin, text, low, read)
                         ) == expected, (kind, text)
            hits += len(expected)
    assert hits > 5_000


def _ref_prior_act(text: str, low: str | None, start: int, end: int) -> bool:
    """`casualties._prior_act` as first written: its patterns searched in the window."""
    begin = max(0, start - 120)
    if low is not None:
        if low.find("who ", begin, start) < 0 and low.find("which ", begin, start) < 0 \
                and low.find("that ", begin, start) < 0:
            return False
    else:
        lw = text[begin:start].lower()
        if "who " not in lw and "which " not in lw and "that " not in lw:
            return False
    window = text[begin:start]
    if casualties._PRIOR_BEFORE.search(window) is not None:
        return True
    if casualties._RELATIVE_BEFORE.search(window) is not None:
        after = text[end:end + 60]
        stop = min((at for at in (after.find("."), after.find(";"), after.find(","))
                    if at >= 0), default=len(after))
        return casualties._EARLIER.search(text[start:end] + after[:stop]) is not None
    if not casualties._PARTICIPLE.match(text, start):
        return False
    cut = max(window.rfind("."), window.rfind(";"))
    relatives = list(casualties._RELATIVE.finditer(window, cut + 1))
    return bool(relatives) and casualties._EARLIER.search(window, relatives[-1].end()) is not None


def test_prior_acts_as_first_written() -> None:
    tokens = ["who", "Who", "WHICH", "which", "that", "That", "whom", "somewho", "had",
              "allegedly", "reportedly", "previously", "earlier", "recently", "quickly",
              "killed", "killing", "shot dead", "a trader", "two men", "last Friday",
              "days ago", "the day before", ",", ".", ";", " ", "  ", "\n", "\t", "x", "é",
              "attacked", "Ünal"]
    rng = random.Random(43)
    texts = corpus()[:20] + soups(tokens, 20_000, seed=47)
    prior = 0
    for text in texts:
        low = lowered(text)
        for _ in range(8 if len(text) < 500 else 60):
            start = rng.randint(0, len(text))
            end = rng.randint(start, min(len(text), start + 30))
            expected = _ref_prior_act(text, low, start, end)
            assert casualties._prior_act(text, low, start, end) == expected, (text, start)
            assert casualties._prior_act(text, None, start, end) == _ref_prior_act(
                text, None, start, end), (text, start)
            prior += expected
    assert prior > 1_000


def test_disputed_as_first_written() -> None:
    tokens = ["claimed", "Claims", "CLAIMING", "claim", "reclaimed", "claimed responsibility",
              "claimed by", "claimed the attack", "claimed the lives", "claimed two lives",
              "unconfirmed", "Unverified", "not", "never", "been", "be", "independently",
              "confirmed", "verified", "could not", "confirm", "verify", "xnot", "the",
              "15 soldiers", " ", "  ", "\n", ",", ".", "of"]
    texts = corpus() + soups(tokens, 20_000, seed=53)
    disputed = 0
    for text in texts:
        low = lowered(text)
        lw = low if low is not None else text.lower()
        expected = ("claim" in lw or "confirm" in lw or "verif" in lw) and (
            casualties._DISPUTED.search(text) is not None)  # (as first written)
        assert casualties._disputed(text, low) == expected, text
        disputed += expected
    assert disputed > 3_000


def test_mdy_dates_tried_at_weekdays_before_a_month_as_the_pattern() -> None:
    """`dates._finditer` tries the "mdy" pattern at a weekday's name only where a dated month
    follows it (`dates._month_follows`): it finds what the pattern finds."""
    from worker.extract import dates

    tokens = ["Monday", "Tuesday", "Friday", "Sunday", "Mondays", "monday", "night", "morning",
              "overnight", "evening", ",", ", ", " ", "  ", "\n", "March", "Mar.", "May",
              "Sept.", "August", "Aug", "Jan", "12", "3rd", "30,", "2021", "of", "on", "last",
              "the", "Marching", "inMarch", "x"]
    texts = corpus() + soups(tokens, 30_000, seed=59)
    pattern = dict(dates._PATTERNS)["mdy"]
    matched = led = 0
    for text in texts:
        expected = [m.span() for m in pattern.finditer(text)]
        low = lowered(text)
        got = dates._finditer("mdy", pattern, text, low, dates._names(text))
        assert [m.span() for m in got] == expected, text
        matched += len(expected)
        led += sum(m.group("weekday") is not None for m in got)
    assert matched > 3_000 and led > 200


def test_one_person_gates_hold_every_match() -> None:
    """`casualties._one_unnumbered` searches `_ONE_BARE`, `_LEFT_DEAD` and `_OBJECT_TO_DEATH`
    only where the lower-cased text holds their gate words (`_holds_any`): where it does
    not, the pattern (IGNORECASE, on the text itself) finds nothing."""
    tokens = ["kills", "Kill", "lynched", "Shoots dead", "shot dead", "shooting  dead", "murders",
              "Beheaded", "stabbed to death", "hacks\tto death", "beats to  death", "tortured",
              "stoned", "burnt", "clubbing", "shot", "shooting", "him", "her", "the driver",
              "a trader", "the", "dead", "to death", "left", "Leaving", "his son", "bandit",
              "suspected robber", "and", ".", ",", " ", "\n", "ſhot", "\u212aill", "é", "x"]
    texts = corpus() + soups(tokens, 30_000, seed=61)
    found_any = skipped = 0
    for text in texts:
        low = lowered(text)
        bare = casualties._ONE_BARE.search(text) is not None
        left = casualties._LEFT_DEAD.search(text) is not None
        to_death = casualties._OBJECT_TO_DEATH.search(text) is not None
        if not casualties._holds_any(low, casualties._ONE_BARE_WORDS):
            assert not bare, text
            skipped += 1
        if low is not None and not ("dead" in low and ("left" in low or "leaving" in low)):
            assert not left, text
        if not casualties._holds_any(low, casualties._TO_DEATH_VERBS):
            assert not to_death, text
        found_any += bare + left + to_death
    assert found_any > 5_000 and skipped > 2_000
