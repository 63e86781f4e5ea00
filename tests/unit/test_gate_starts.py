"""The searches the keyword pass's gate hits stand in for answer as the searches themselves:
the date finder's names, day cues and "rel" and "week" matches, the events' gated patterns
tried only where their words start, and the `words_of` form of text that is not ASCII (as
first written: a regex substitution), on a benchmark corpus and on random runs of tokens
(white space, case, letters outside ASCII, words inside words)."""

from __future__ import annotations

import random
import re

import pytest

from tests.unit import generated
from worker.extract import actors, dates, events
from worker.extract.text import lowered


def _sentences() -> list[str]:
    return generated.corpus_sentences(80)


def _soups(tokens: list[str], count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(tokens) + rng.choice(["", " ", " ", "  ", "\n", "-", "."])
                    for _ in range(rng.randint(1, 14))) for _ in range(count)]


DATE_TOKENS = [
    "Monday", "Wednesday", "Sunday", "Mondays", "xMonday", "FRIDAY", "Frİday", "May", "March",
    "Mar.", "Marching", "Sept", "Sept.", "Dec", "December", "Decembers", "jan", "JAN", "Jan",
    "of", "5th", "22nd", "3rd", "30", "2021", "1", "٣", "st", "th", "in", "mid-", "early", "x",
    "last", "this", "week", "weeks", "Week", "weekend", "earlier this week", "over the weekend",
    "past week", "later", "today", "Today", "yesterday", "tonight", "this morning", "night",
    "last night", "overnight", "the day before", "the previous day", "India", "é", "\u00a0",
    "\u2003", "\t", ",", "İ", "\u212a", "2021-03-04", "1999-12-31", "20-21", "-", "2021-3-4",
    "٢٠٢١-٠٣-٠٤",
]


def _word_start(words: str, at: int) -> bool:
    """Whether the character at `at` of a text starts a word: in the text's `words_of` form
    (`words`, one longer in front), a space before it."""
    return words[at] == " "


def _name_start(words: str, at: int) -> bool:
    """Whether a month's name at `at` is where a pattern can hold it: at a word's start, or
    glued to a word that starts one, of those a "month" match may hold there ("inMarch")."""
    return _word_start(words, at) or any(
        words[at + 1 - len(word):at + 1] == word and _word_start(words, at - len(word))
        for word in dates._GLUED_BEFORE_MONTH)


def test_glued_words_are_the_month_patterns() -> None:
    """`_GLUED_BEFORE_MONTH` are the words the "month" pattern holds before a month's name
    with white space maybe between ("inMarch"): the month gate's keys glue them to names."""
    month = dict(dates._PATTERNS)["month"].pattern
    assert r"(?:in|since|during|early|late|mid-?)\s*" in month
    assert set(dates._GLUED_BEFORE_MONTH) == {"in", "since", "during", "early", "late", "mid"}
    assert dates._names("Fighting resumed inMarch.").months == [19]
    assert dates._names("Fighting resumed xinMarch.").months == []


def test_names_and_day_cues_as_the_regexes() -> None:
    hits = 0
    glued = ["inMay", "midMarch", "xMarch", "lateJune", "sinceDec", "duringOct.", "earlyJan"]
    for text in _sentences() + _soups([*DATE_TOKENS, *glued], 20_000):
        names = dates._names(text)
        words = actors.matches(text)[1]
        assert names.months == [m.start() for m in dates._MONTH_NAME.finditer(text)
                                if _name_start(words, m.start())], text
        assert names.weekdays == [m.start() for m in dates._WEEKDAY_NAME.finditer(text)
                                  if _word_start(words, m.start())], text
        expected = dates._DMY_CUE.search(text) is not None
        assert any(dates._day_before(text, at) for at in names.months) == expected, text
        hits += expected
        assert dates._iso_cue(text) == (dates._ISO_CUE.search(text) is not None), text
    assert hits > 1_000


def test_rel_and_week_matches_as_finditer() -> None:
    patterns = dict(dates._PATTERNS)
    hits = 0
    for text in _sentences() + _soups(DATE_TOKENS, 20_000):
        low = lowered(text)
        for kind in ("rel", "week"):
            expected = [(m.span(), m.groupdict()) for m in patterns[kind].finditer(text)]
            found = [(m.span(), m.groupdict())
                     for m in dates._finditer(kind, patterns[kind], text, low)]
            if kind == "rel" and not text.isascii():
                continue  # (the look-behinds: the finder reads "rel" in ASCII text only)
            assert found == expected, (kind, text)
            hits += len(expected)
        assert bool(dates._possible(text, low, False) & dates._WEEK) == (
            low is None or " week" in actors.matches(text)[1])
    assert hits > 2_000


EVENT_TOKENS = [
    "flood", "floods", "Flooding", "heavy rains", "heavy  rain", "the match", "the-match",
    "fans", "players", "semi-final", "semi final", "outbreak of violence", "outbreak",
    "claimed responsibility", "claim of responsibility", "blamed", "blame", "suspected",
    "in 1990s", "in the 2010s", "in 2019", "since 2001", "years ago", "last year",
    "earlier this year", "anniversary", "dispersed", "tear gas", "teargas", "water cannons",
    "fired in the air", "batons", "cracked down", "xflood", "the", "in", "2", "é", "İ",
    "ſ", "\u212a", "Rubber bullets", "ARRESTED", "detained", "x",
]


def test_gated_patterns_found_as_searched() -> None:
    pairs = [(events._OFF_TOPIC, events._OFF_TOPIC_LOW), (events._SPORT, events._SPORT_LOW),
             (events._ATTRIBUTION, events._ATTRIBUTION_LOW),
             (events._HISTORY, events._HISTORY_LOW),
             (events._INTERVENTION, events._INTERVENTION_LOW),
             (events._FUTURE, events._FUTURE_LOW)]
    hits = 0
    for text in _sentences() + _soups(EVENT_TOKENS, 20_000):
        low, _ = events._read(text)
        for pattern, twin in pairs:
            expected = pattern.search(text) is not None
            assert events._finds(pattern, twin, text, low) == expected, (pattern, text)
            hits += expected
    assert hits > 5_000


_NON_WORD = re.compile(r"[\W_]")
_ASCII = frozenset(chr(i) for i in range(128))


def _words_of_as_first_written(low: str) -> str:
    if low.isascii():
        return " " + "".join(c if c.isascii() and c.isalnum() else " " for c in low) + " "
    if not any(ch.isalpha() for ch in set(low).difference(_ASCII)):
        return " " + "".join(c if c.isascii() and c.isalnum() else " " for c in low) + " "
    return f" {_NON_WORD.sub(' ', low)} "


def test_words_of_as_first_written() -> None:
    tokens = ["a", "B", " ", "-", "_", "?", "é", "ñ", "²", "½", "…", "•", "中", "。", "\u00a0",
              "’", "x1", "Ω", "ω", "\U0001f600", "٣", "ß", "İ"]
    rng = random.Random(3)
    texts = _sentences() + ["".join(rng.choice(tokens) for _ in range(rng.randint(0, 12)))
                            for _ in range(50_000)]
    for text in texts:
        low = actors.lowered(text)
        assert actors.words_of(low) == _words_of_as_first_written(low), repr(text)


ACTOR_TOKENS = ["clan", "Clan", "clandestine", "subclan", "families", "Families", "tribes", "tribe",
                "former", "FORMER", "duty", "off-duty", "retired", "ex-", "ex", "Ex-", "ex–",
                "demobilized", "reintegrated", "unarmed", "soldiers", "police", "x", "é", "İ"]


def _starts_word(low: str, words: str, word: str) -> bool:
    """Whether `word` is in `low` where it starts a word (`words`: its `words_of` form)."""
    at = low.find(word)
    while at >= 0:
        if _word_start(words, at):
            return True
        at = low.find(word, at + 1)
    return False


def test_actor_gate_words_as_the_substring_tests() -> None:
    """The actors' gates: their words at the start of a word of the text lower-cased (where
    the patterns they stand for want them: `_CLAN`, `_FEUD`, `_OFF_DUTY`)."""
    hits = 0
    for text in _sentences() + _soups(ACTOR_TOKENS, 20_000):
        low, words, _ = actors.matches(text)
        clans = any(_starts_word(low, words, word) for word in ("clan", "families", "tribes"))
        assert (actors.gate_read(text)[0] & actors._CLAN_GATE != 0) == clans, text
        expected = any(_starts_word(low, words, word) for word in (
            "former", "duty", "retired", "ex-", "demobili", "reintegrated", "unarmed"))
        assert actors._off_duty_word(text, low) == expected, text
        hits += expected + clans
    assert hits > 2_000


def test_off_duty_after_a_phrase_glued_to_it() -> None:
    """"retired" right after an actor's phrase, inside a word ("ZamwaraRetired": a communal
    militia's name ends before the capital), which the off-duty gate does not see: read all
    the same, as `_OFF_DUTY_AFTER` allows."""
    text = "Militias from ZamwaraRetired attacked the town."
    assert not actors._off_duty_word(text, text.lower())
    assert actors.roles(text) == ((0, 21, actors.ROLE_CIVILIAN),)
    assert actors.roles("Militias from Zamwara attacked the town.") == \
        ((0, 21, actors.ROLE_ARMED),)


@pytest.mark.parametrize("bit", [1 << 11, 1 << 28, 1 << 34, 3, 0])
def test_a_gate_bit_is_given_out_once(bit: int) -> None:
    """Each module's gates own their bits: adding words under a bit another module took (or
    under something that is not one bit) is refused, not mixed into the other's hits."""
    assert events is not None  # (imported: every module's gates added)
    with pytest.raises(ValueError, match="gate bit"):
        actors.add_gate_words({bit: ("zzyzx",)})


def test_date_names_matches_as_finditer() -> None:
    """"mdy" tried at each weekday's and month's name, "weekday" searched from before each
    weekday's: as the patterns' `finditer`."""
    patterns = dict(dates._PATTERNS)
    hits = 0
    for text in _sentences() + _soups(DATE_TOKENS, 20_000):
        low = lowered(text)
        for kind in ("mdy", "weekday"):
            expected = [(m.span(), m.groupdict()) for m in patterns[kind].finditer(text)]
            found = [(m.span(), m.groupdict())
                     for m in dates._finditer(kind, patterns[kind], text, low)]
            assert found == expected, (kind, text)
            hits += len(expected)
    assert hits > 2_000


SEPARATE_TOKENS = [
    "In a separate incident", "in another attack", "Separately", "separately,", "Elsewhere",
    "elsewhere", "In a second attack", "a third incident", "A further attack", "Also on",
    "also on", "In", "A", "in", "separate", "\u017feparately", "\u0130n another attack",
    "Insurgents", "Security", "Earlier", "Armed", "The", "Gunmen", "2", '"', "(", "_", "-",
    "said", "says", "told", "reported", "Told", "announced", "disclosed", "revealed",
    "on Monday", "expected to", "set to", "plans to", "will resume", "due to meet",
    "scheduled to", "may resume", "plan", "é", "x",
]


def test_separate_reported_future_gates_as_the_searches() -> None:
    """`_starts_new`'s test of a sentence's first letter before _SEPARATE, the reporting
    verbs before _REPORTED_BEFORE and the words of _FUTURE: no match without them."""
    hits = 0
    for text in _sentences() + _soups(SEPARATE_TOKENS, 20_000):
        low, _ = events._read(text)
        separate = events._SEPARATE.search(text) is not None
        if low is not None and low[:1].isalnum() and low[0] not in "isea":
            assert not separate, text
        future = events._FUTURE.search(text) is not None
        assert events._has_any(low, events._FUTURE_WORDS, 0, len(text)) or not future, text
        for end in range(len(text) + 1):
            begin = max(0, end - 50)
            if events._REPORTED_BEFORE.search(text, begin, end) is not None:
                assert events._has_any(low, events._REPORTED_WORDS, begin, end), (text, end)
                hits += 1
        hits += separate + future
    assert hits > 2_000
