"""Shortcuts of the casualty and date finders (count-first windows read back byte by byte
and skipped or opened closer where their words hold no number near the verb, verb-first
verbs tried only where a number can follow, relative clauses tried at their pronouns, the
disputed words searched on the lower-cased text, one-person patterns gated by their words,
"mdy" dates tried at a weekday only before a month, sides' classes and attributions read by
plain loops; a figure's number read once, "of " before a figure read a character at a time,
the count-first twin's ASCII form, sentence starts read at the marks) find what the code as
first written finds (copied here, the reference), or what the patterns find, on the
benchmark corpus and on random runs of the words they read."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest

from tests.unit import generated
from tests.unit.test_rewrites import CASUALTY_TOKENS, VERB_FIRST_TOKENS, corpus, found, soups
from worker.extract import COMPILED, casualties, dates
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


def test_words_back_as_first_written() -> None:
    rng = random.Random(29)
    count = 0
    texts = corpus()[:40] + soups([*_MORE_TOKENS, "\x1c", "\x0b", "_", "A", ",5"], 5_000,
                                  seed=31)
    for text in texts:
        for start in range(1, len(text) + 1):
            floor = rng.randint(0, start)
            expected = _ref_words_back(text, start, floor)
            assert casualties._words_back(text, start, floor) == expected
            count += expected > floor
    assert count > 20_000


#: Words that decide where a count-first window opens (`_count_first_from`): numbers' last
#: words alone, glued to others or to a range, "of" after a word of a number or not, the
#: auxiliaries' words, "and" and "but" after an auxiliary's or a verb's word or not; and words
#: of noun phrases, to put numbers near and far from the verbs.
_WINDOW_TOKENS = [
    *_MORE_TOKENS, "oneortwo", "twotothree", "3totwo", "3-two", "x-a", "x_3", "3one", "xone",
    "ana", "toa", "motor", "forces", "of", "of", "couple", "a couple of", "a pair of",
    "thousands of", "scores of", "x-dozens of", "dozens  of", "x-of", "eleven", "twelve", "ten",
    "men", "men", "the", "the", "police", "in", "city", "said", "were", "was", "had been",
    "has been", "were also", "later", "all", "both", "is", "got", "feared", "attacked",
    "assaulted and", "hacked and", "shot", "shot and", "and", "and", "but", "or", "to",
    "no fewer than", "as many as", "about", "(", "'", "’", "/", "-", ", ", ",", "\t", "3'",
    "3,", "1,200", "x,5", "a", "an", "one", "1", "23", "killed", "killed", "wounded",
    "arrested", "dead", "died", "shot dead", "beaten to death", "lost their lives",
    *["men", "the", "in", "village", "on", "said", "police", "house"] * 8,
]


def test_count_first_windows_open_where_a_match_can_start() -> None:
    """`casualties._count_first_from`: where it opens a verb's window, the search from where
    `_words_back` opens it finds nothing before; where it says no match ends at the verb (-1),
    that search finds none. (Windows as `_count_first_at` has them: from the previous verb's
    start at least.)"""
    rng = random.Random(43)
    texts = corpus() + generated.soups(_WINDOW_TOKENS, 20_000, 47, ["", " ", " ", " ", "  ", "\n"],
                                        (1, 40))
    skipped = opened = matched = 0
    for _, _, _, twin, verbs in casualties._COUNT_FIRST_RUNS:
        for text in texts:
            if (low := lowered(text)) is None or not low.isascii():
                continue
            data = low.encode("ascii")
            previous = 0
            for start, end in after_space(verbs, low):
                floor = rng.choice([previous, rng.randint(previous, start)])
                previous = start
                frm = _ref_words_back(low, start, floor)
                expected = twin.search(low, frm, end)
                at = casualties._count_first_from(data, start, floor)
                if at < 0:
                    assert expected is None, (text, start, floor)
                    skipped += 1
                    continue
                assert frm <= at <= max(start, floor), (text, start, floor)
                opened += at > frm
                got = twin.search(low, at, end)
                assert (found([got]) if got else None) == (
                    found([expected]) if expected else None), (text, start, floor)
                matched += expected is not None
    assert skipped > 15_000 and opened > 2_000 and matched > 8_000, (skipped, opened,
                                                                        matched)


def test_count_first_windows_as_first_written() -> None:
    """(The verbs' places as the regex finds them, and as the keyword pass's hits give them.)"""
    texts = corpus() + soups(_MORE_TOKENS, 30_000, seed=37) + generated.soups(
        _WINDOW_TOKENS, 10_000, 53, ["", " ", " ", " ", "  ", "\n"], (1, 40))
    hits = 0
    for kind, _, _, twin, verbs in casualties._COUNT_FIRST_RUNS:
        for text in texts:
            if (low := lowered(text)) is None:
                continue
            read = casualties._hits(text, low)
            for ends in (after_space(verbs, low), casualties._verb_ends(kind, verbs, low, read)):
                expected = found(_ref_count_first_at(twin, ends, text, low))
                assert found(casualties._count_first_at(twin, ends, text, low)) == expected, text
                hits += len(expected)
    assert hits > 10_000


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


def test_not_people_gate_as_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """`find_casualties` skips `_NOT_PEOPLE` where the keyword pass found none of its words
    and no "%" is in the text (`casualties._things`): there it matches nowhere a figure's
    noun phrase can be (a piece of the text after white space, before a character that is
    no word character), nor at any place; and (pure Python, where the function can be
    replaced) the figures are those found with it read everywhere, as first written."""
    tokens = [*_MORE_TOKENS, "years", "year", "days", "30-year-old", "km", "5%", "%", "per cent",
              "percent", "houses", "homes", "vehicles", "weeks", "hour", "x_days", "daysx",
              "attacks", "clashes", "day-old", "per", "cent", "percentx", "kms"]
    texts = soups(tokens, 6_000, seed=59)
    gated = 0
    for text in texts:
        low = lowered(text)
        if low is None or casualties._things(text, low, casualties._hits(text, low)):
            continue
        gated += 1
        n = len(low)
        starts = [i for i in range(n) if i == 0 or low[i - 1].isspace()]
        ends = [j for j in range(1, n + 1) if j == n or not word_char(low[j])]
        for i in starts:
            for j in ends:
                if j > i:
                    assert casualties._NOT_PEOPLE_LOW.search(low[i:j].strip()) is None, (
                        text, i, j)
        for at in range(n + 1):
            assert casualties._NOT_PEOPLE_LOW.match(low, at) is None, (text, at)
    assert gated > 1_000
    if COMPILED:
        return  # (the compiled core calls its own `_things`)
    sentences = [s for t in corpus() for s in re.split(r"(?<=[.!?])\s+", t)]
    sentences += soups(tokens, 10_000, seed=61)
    with monkeypatch.context() as patch:
        patch.setattr(casualties, "_things", lambda text, low, hits: True)
        expected = [casualties.find_casualties(text) for text in sentences]
    figures = 0
    for text, want in zip(sentences, expected, strict=True):
        assert casualties.find_casualties(text) == want, text
        figures += len(want)
    assert figures > 2_000


def _ref_resolve(kind: str, m: re.Match[str], published: date) -> tuple[date, object] | None:
    """`dates._resolve` as first written (months and weekdays by their names lower-cased)."""
    try:
        if kind in ("dmy", "mdy"):
            name, day, year = m.group("month", "day", "year")
            month = dates._MONTHS[name.rstrip(".").lower()]
            if year:
                return date(int(year), month, int(day)), dates._PREC_DAY
            return dates._latest(month, int(day), published), dates._PREC_DAY
        if kind in ("iso", "num"):
            year, mon, day = m.group("year", "mon", "day")
            return date(int(year), int(mon), int(day)), dates._PREC_DAY
    except ValueError:
        return None
    if kind == "rel":
        word = m.group("rel").lower()
        if word in ("yesterday", "last night", "the previous day", "the day before"):
            return published - timedelta(days=1), dates._PREC_DAY
        if word == "overnight":
            return published - timedelta(days=1), dates._PREC_DAY
        return published, dates._PREC_DAY
    if kind == "weekday":
        weekday, last = m.group("weekday", "last")
        back = (published.weekday() - dates._WEEKDAYS[weekday.lower()]) % 7
        if last and last.lower() == "last" and back == 0:
            back = 7
        return published - timedelta(days=back), dates._PREC_DAY
    if kind == "week":
        return published - timedelta(days=published.weekday() if "this" in m.group().lower()
                                     else 7), dates._PREC_WEEK
    if kind == "month":
        phrase, name = m.group("mrel", "month")
        phrase = phrase.lower()
        if phrase == "last month":
            first = published.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), dates._PREC_MONTH
        if "this month" in phrase:
            return published.replace(day=1), dates._PREC_MONTH
        month = dates._MONTHS[name.rstrip(".").lower()]
        year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1), dates._PREC_MONTH
    return None


def test_dates_resolved_as_first_written() -> None:
    """`dates._resolve` reads a month's or a weekday's name by one look-up of it as written
    (`_MONTH_OF`, `_WEEKDAY_OF`): the dates of the names lower-cased, as first written, for
    every name the patterns match, on the corpus and on runs of date words."""
    names = [*dates._MONTH_OF, *dates._WEEKDAY_OF]
    tokens = [*names, "30", "1st", "22nd", "3rd", "31", "2021", "1999", "of", "and", "-", ",",
              "last", "Last", "this", "on", "early on", "late", "in", "since", "mid-", "mid",
              "night", "morning", "last month", "this month", "earlier this month",
              "yesterday", "Today", "last week", "This week", "2020-02-30", "2021-03-04",
              "12/10/2020", "31/02/2021"]
    texts = corpus() + soups(tokens, 20_000, seed=67)
    published = [date(2024, 2, 29), date(2023, 1, 1), date(2021, 12, 31), date(2022, 6, 15)]
    count = 0
    for kind, pattern in dates._PATTERNS:
        for text in texts:
            for m in pattern.finditer(text):
                for day in published:
                    assert dates._resolve(kind, m, day) == _ref_resolve(kind, m, day), (
                        kind, text, day)
                count += 1
    assert count > 20_000
    assert set(dates._MONTH_OF) == {
        m.group() for m in re.finditer(dates._MONTH, " ".join(
            f"{n} {n}. {n}t {n}t." for n in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                              "Aug", "Sep", "Oct", "Nov", "Dec")) + " "
                                         + " ".join(dates._MONTHS).title())}


def _ref_side_class(side_text: str | None) -> str | None:
    """`casualties._side_class` as first written."""
    if not side_text:
        return None
    low = side_text.lower()
    first = len(casualties._SIDE_CLASSES)
    for _, classes in casualties._SIDE_STEMS.iter(low):
        first = min(first, *classes)
    if first < len(casualties._SIDE_CLASSES):
        return casualties._SIDE_CLASSES[first][0]
    return low.split()[-1] if low.split() else None


def test_side_classes_as_first_written() -> None:
    stems = [stem for _, words in casualties._SIDE_CLASSES for stem in words]
    texts = [None, "", " ", "\n", *corpus()[:20], *soups(
        [*stems, "Soldiers", "POLICE", "the", "local", "x", "-", "’", "é", "Militiamen"],
        20_000, seed=59)]
    classes = set()
    for text in texts:
        expected = _ref_side_class(text)
        assert casualties._side_class(text) == expected, text
        classes.add(expected)
    assert {"military", "police", "armed", "civilian", None} <= classes


def _ref_attribution(text: str, low: str | None, hits: list[tuple[int, int, int]] | None
                     ) -> tuple[str | None, str | None]:
    """`casualties._attribution` as first written: the first of each kind by a generator."""
    from worker.extract.sources import sources_of
    from worker.models import SourceKind

    if not casualties._attributed(text, 0, low, hits):
        return None, None
    sources = sources_of(text)
    person = next((s.name for s in sources if s.kind is SourceKind.PERSON), None)
    org = next((s.name for s in sources if s.kind is SourceKind.ORGANIZATION), None)
    outlet = next((s.name for s in sources if s.kind is SourceKind.OUTLET), None)
    claimed_by = person or org
    if claimed_by is None and outlet is None:
        return None, None
    return claimed_by, outlet


def test_attributions_as_first_written() -> None:
    texts = corpus()[:60] + [s for a in corpus()[:60] for s in a.split(". ")]
    seen = set()
    for text in texts:
        low = lowered(text)
        hits = casualties._hits(text, low)
        expected = _ref_attribution(text, low, hits)
        assert casualties._attribution(text, low, hits) == expected, text
        seen.add((expected[0] is not None, expected[1] is not None))
    assert len(seen) >= 3, seen


def test_figure_words_read_once_as_first_written() -> None:
    """`casualties._num_lowered`, a figure's number read on the lower-cased text's match, is
    `m.part("num").lower()` for every verb-first and count-first match (ASCII text, text
    lower-cased with letters outside ASCII, text that is not, `low` None); `_of_before` is
    `text.endswith("of ", 0, start)` at every position."""
    rng = random.Random(61)
    texts = corpus() + soups([*_MORE_TOKENS, "of", "of ", "who", "which", "that", "whose",
                              "thatched"], 20_000, seed=67)
    texts += [_accent(text, rng) for text in texts[:3_000]]
    texts += ["Σ 3 ΣΑΣ men were killed", "Two men were killed in İstanbul", "ſome 3 died",
              "\u212a: five were killed", "killing ﻿3 people", "killing ٣ people"]
    numbers = 0
    for text in texts:
        for low in {lowered(text), None}:
            runs = [(kind, pattern, twin) for kind, _, pattern, twin in
                    casualties._VERB_FIRST_RUNS]
            for _, pattern, twin in runs:
                for m in casualties._matches(pattern, twin, text, low):
                    assert casualties._num_lowered(m, low) == m.part("num").lower(), text
                    numbers += 1
            for _, _, pattern, twin, verbs in casualties._COUNT_FIRST_RUNS:
                matches = (found_on_text(pattern, text) if low is None
                           else casualties._count_first(twin, verbs, text, low))
                for m in matches:
                    assert casualties._num_lowered(m, low) == m.part("num").lower(), text
                    numbers += 1
        for start in range(len(text) + 1):
            assert casualties._of_before(text, start) == text.endswith("of ", 0, start)
    assert numbers > 20_000, numbers


def _accent(text: str, rng: random.Random) -> str:
    """`text` with a letter or two outside ASCII (some upper case) put in."""
    for _ in range(2):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice("éÉñÑøØßΣσ’") + text[at:]
    return text


def found_on_text(pattern: re.Pattern[str], text: str) -> list[Found]:
    return [Found(m, text) for m in pattern.finditer(text)]



def test_ascii_twins_match_as_the_twins_on_ascii_text() -> None:
    """`casualties._ascii_twin` of the count-first twins finds what the twin finds on
    lower-cased ASCII text, searched in the count-first windows (`_count_first_at` with it
    and without); and matched at every position."""
    texts = corpus() + soups([*_MORE_TOKENS, "x'y", "a/b", "o'neil", "3,4", "_3", "x3", "3x"],
                             20_000, seed=71) + generated.soups(
        _WINDOW_TOKENS, 5_000, 73, ["", " ", " ", "  ", "\n"], (1, 40))
    hits = tried = 0
    for text in texts:
        if not text.isascii():
            continue
        low = text.lower()
        for kind, _, _, twin, verbs in casualties._COUNT_FIRST_RUNS:
            ascii_twin = casualties._COUNT_FIRST_ASCII[kind]
            ends = after_space(verbs, low)
            expected = found(casualties._count_first_at(twin, ends, text, low))
            assert found(casualties._count_first_at(twin, ends, text, low, ascii_twin)) == \
                expected, text
            hits += len(expected)
            if len(low) < 200:
                for start in range(len(low)):
                    expected_match = twin.match(low, start)
                    got = ascii_twin.match(low, start)
                    assert (got.regs if got else None) == (
                        expected_match.regs if expected_match else None), (text, start)
                    tried += expected_match is not None
    assert hits > 5_000 and tried > 2_000, (hits, tried)


def test_sentence_starts_as_the_pattern() -> None:
    """`casualties._sentence_starts`: 0 and the ends of `_SENTENCE_STARTS`'s matches."""
    texts = corpus() + soups([*_MORE_TOKENS, ".", "!", "?", "\n", ". ", ".\n", "!\t", "?\x1c",
                              "\u2028", ".\u3000", "..", "\n\n", "x."], 20_000, seed=79)
    starts = 0
    for text in texts:
        low = text.lower()
        expected = [0, *(m.end() for m in casualties._SENTENCE_STARTS.finditer(low))]
        assert casualties._sentence_starts(low) == expected, text
        starts += len(expected) - 1
    assert starts > 20_000, starts

