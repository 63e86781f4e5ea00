"""Shortcuts of the dateline, the casualty headline and the "month" dates' starts answer as
the code as first written (copied here, the reference), on the benchmark corpus's texts and
on generated runs of the words, digits, punctuation and white space they read."""

from __future__ import annotations

import random
import re
from datetime import date

from tests.unit import generated
from worker.extract import casualties, dates, events
from worker.extract.types import CasualtyMention
from worker.models import CasualtyKind

REF_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’/-]{1,60}?,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|"
                          r"\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*(?:\([^)]{1,60}\))?\s*"
                          r"(?:-|–|—|:)")

DATELINE_TOKENS = [
    "NAIROBI", "KABUL", "Kabul", "New York", "O'Neil", "Dar es-Salaam", "St. Louis", "A/B",
    "Feb", "Aug.", "August", "Sept.", "Mayy", "14", "3", "2021", "123", "٣", "١٤", "(Sahel Wire)",
    "(Reuters)", "(", ")", "-", "–", "—", ":", ",", ".", "’", "'", "/", "x", "The", "police",
    "said", '"', "“", "on", "é", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2003",
]


def _datelines(count: int, seed: int) -> list[str]:
    """Dateline-shaped texts: a place, a date, a year, an outlet, a dash and words, each part
    maybe missing, doubled or odd."""
    rng = random.Random(seed)
    places = ["NAIROBI", "KABUL", "New York", "Dar es-Salaam", "St. Louis", "A/B", "O’Neil",
              "X" * 58, "X" * 61, "", "nairobi", "3", "É"]
    days = ["Feb 14", "Aug. 31", "14 Feb", "August 3", "3 Sept", "Feb", "14", "Mayy 3",
            "Feb ١٤", "٣ Feb", "Abcdefghij 3", "Feb 123"]
    tails = ["", ", 2021", " 2021", ",2021", " 21", " (Sahel Wire)", " (Reuters)", " ()",
             " (" + "x" * 61 + ")", " (a) (b)"]
    ends = [" -", " – ", "—", ":", " ", "", " = ", " --"]
    spaces = [" ", ", ", ",", "  ", "\u00a0", "\u2003", "\n", ""]
    return [rng.choice(places) + rng.choice(spaces) + rng.choice(days) + rng.choice(tails)
            + rng.choice(spaces[:4]) + rng.choice(ends) + rng.choice(["", "Gunmen struck.", "3"])
            for _ in range(count)]


def test_dateline_matches_as_first_written() -> None:
    texts = generated.corpus_sentences(60) + _datelines(30_000, 2)
    texts += generated.soups(DATELINE_TOKENS, 20_000, 11, ["", " ", " ", ", ", "\u00a0"], (1, 9))
    texts += ["", "A", "A 1", "AB, Feb 14 -", "AB,\u00a0Feb\u2003 14 (x) —", "AB ٣ Febx -",
              "AB 14 Feb:", "X" * 70 + " Feb 1 -", "X" * 59 + " Feb 1 -", "NAIROBI"]
    hits = 0
    for text in texts:
        ref = REF_DATELINE.match(text)
        now = events._DATELINE.match(text)
        assert (now and now.span()) == (ref and ref.span()), text
        hits += ref is not None
    assert hits > 1_000


def _ref_month_starts(text: str, months: list[int]) -> list[int]:
    starts = []
    at = text.find("month")
    while at >= 0:
        if at >= 13 and text.startswith("earlier this ", at - 13):
            starts.append(at - 13)
        if at >= 5 and (text.startswith("last ", at - 5) or text.startswith("this ", at - 5)):
            starts.append(at - 5)
        at = text.find("month", at + 1)
    for name in months:
        end = dates._spaced_back(text, name)
        before = text[max(0, end - 6):end]
        for word in ("in", "since", "during", "early", "late", "mid-", "mid"):
            if before.endswith(word):
                starts.append(end - len(word))
                break
    starts.sort()
    return starts


MONTH_TOKENS = [
    "in", "In", "since", "during", "early", "late", "mid", "mid-", "xmid", "within", "on", "3",
    "the", "last", "this", "earlier this", "month", "March", "Mar.", "May", "Sept", "December",
    "Decembers", ",", ".", "-", " ", "  ", "\n", "\u2003",
]


def test_month_starts_as_first_written() -> None:
    texts = generated.corpus_sentences(60)
    texts += generated.soups(MONTH_TOKENS, 30_000, 5, ["", " ", " ", "  ", "\n"], (1, 12))
    texts += ["May", " May", "in May", "inMay", "mid-May", "-May"]
    hits = 0
    for text in texts:
        months = [m.start() for m in dates._MONTH_NAME.finditer(text)]
        expected = _ref_month_starts(text, months)
        assert dates._month_starts(text, months) == expected, text
        hits += len(expected)
    assert hits > 5_000


def _ref_headline_counts(mentions: list[CasualtyMention]
                         ) -> dict[CasualtyKind, int | None]:
    out: dict[CasualtyKind, int | None] = {}
    for kind in casualties._KINDS:
        of_kind = [(m, casualties._side_class(m.side_text)) for m in mentions if m.kind is kind]
        if not of_kind:
            out[kind] = None
            continue
        narrative = [(m, side) for m, side in of_kind
                     if m.claimed_by is None and m.via is None and not m.disputed]
        claimed = [(m, side) for m, side in of_kind
                   if m.claimed_by is not None or m.via is not None or m.disputed]
        narrative_sides = {side for _, side in narrative}
        counted = list(narrative)
        for m, side in claimed:
            if not narrative or (side is not None and side not in narrative_sides
                                 and None not in narrative_sides and not m.disputed):
                counted.append((m, side))
        by_side: dict[str | None, int] = {}
        for m, side in counted:
            by_side[side] = min(by_side.get(side, m.count), m.count)
        if None in by_side and len(by_side) > 1:
            total = by_side.pop(None)
            out[kind] = max(total, sum(by_side.values()))
        else:
            out[kind] = sum(by_side.values())
    return out


_SIDES = [None, "", "soldiers", "Taliban fighters", "police officers", "civilians", "people",
          "ADF", "the Army", "villagers and soldiers", "unknown men", "gunmen"]


def _mentions(rng: random.Random) -> list[CasualtyMention]:
    kinds = list(CasualtyKind)
    return [CasualtyMention(rng.choice(kinds), rng.choice([0, 1, 2, 3, 5, 7, 12, 40]), None,
                            None, rng.choice(_SIDES), rng.choice([None, None, "Ali"]),
                            rng.choice([None, None, None, "Radio X"]), 0, 1, "x",
                            rng.random() < 0.2)
            for _ in range(rng.randint(0, 7))]


def test_headline_counts_as_first_written() -> None:
    rng = random.Random(3)
    lists = [casualties.find_casualties(text) for text in generated.corpus_sentences(60)]
    lists += [_mentions(rng) for _ in range(20_000)]
    several = 0
    for mentions in lists:
        assert casualties.headline_counts(mentions) == _ref_headline_counts(mentions), mentions
        several += len(mentions) > 1
    assert several > 1_000


def _ref_before_weekday(text: str, pos: int, at: int) -> int:
    head = text[pos:at]
    return max(pos, at - (len(head) - len(head.rstrip())) - 8)


def test_before_weekday_as_first_written() -> None:
    texts = generated.soups(["Monday", "on", "late on", "last", "x", "3", ",", "-"], 3_000, 9,
                            ["", " ", "  ", "\n", "\u00a0", "\u2003", "\t "], (1, 8))
    for text in texts:
        for at in range(len(text) + 1):
            for pos in range(at + 1):
                assert dates._before_weekday(text, pos, at) == \
                    _ref_before_weekday(text, pos, at), (text, pos, at)


def test_weekday_at_as_a_search() -> None:
    """`_weekday_at` finds what the search from `_before_weekday` finds, for each weekday's
    name the text holds at the start of a word, from each position before it."""
    pattern = dict(dates._PATTERNS)["weekday"]
    texts = generated.soups(
        ["Monday", "Mondays", "Tuesday", "Wednesday", "on", "late on", "early on", "late",
         "chocolate", "last", "this", "early", "x", "A", "S", "3", ",", "-", "_", "é", "night",
         "Monday night"],
        3_000, 9, ["", " ", "  ", "\n", "\u00a0", "\u2003", "\t "], (1, 8))
    checked = 0
    for text in texts:
        for name in re.finditer(r"(?:Monday|Tuesday|Wednesday)", text):
            at = name.start()
            for pos in range(at + 1):
                found = dates._weekday_at(pattern, text, pos, at)
                expected = pattern.search(text, dates._before_weekday(text, pos, at))
                assert (found and (found.span(), found.groups())) == \
                    (expected and (expected.span(), expected.groups())), (text, pos, at)
                checked += 1
    assert checked > 10_000


def test_dates_text_as_their_matches() -> None:
    """A mention's text is its span of the text (sliced, where the match's group was read)."""
    published = date(2021, 8, 31)
    texts = generated.corpus_sentences(60) + generated.soups(
        [*MONTH_TOKENS, "Monday", "on", "yesterday", "30", "2020-03-12", "12/3/2020", "Aug.",
         "last week", "between", "and", "of", "India Today"], 10_000, 4, ["", " ", " ", ", "],
        (1, 10))
    mentions = 0
    for text in texts:
        low = text.lower() if text.isascii() else None
        names = dates._names(text)
        ref = []
        for kind, pattern in dates._PATTERNS:
            ref.extend((m.span(), m.group()) for m in dates._finditer(kind, pattern, text, low,
                                                                        names))
        for found in dates.find_dates(text, published, 3):
            assert ((found.start - 3, found.end - 3), found.text) in ref, text
            mentions += 1
    assert mentions > 3_000
