"""Date expressions resolved against the publication date.

Conventions:
- A bare weekday ("on Monday", "Monday night") is the latest such day on or before the
  publication day, except the publication day itself, which reads as "today" only when the
  article says so: a Monday in an article published on a Monday is the previous Monday is
  NOT assumed; we take the publication day (news reports same-day events).
- A day and month without a year ("Aug. 30") is the latest such date not after publication
  (+1 day of slack for time zones): "Aug. 30" in a January article is last year's.
- "yesterday", "last night" = publication day - 1; "today", "this morning" = publication day.
- "last week", "earlier this week" -> week precision; "last month", "in April" -> month.
- Decades and bare years ("in the 1990s", "in 2001") are not event dates and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Final

from worker.extract.text import lowered, matches_at
from worker.extract.types import DateMention
from worker.models import Precision

# Enum members as Final constants: the compiled core reads them as C statics, not
# as attributes of the (interpreted) enum classes.
_PREC_DAY: Final = Precision.DAY
_PREC_MONTH: Final = Precision.MONTH
_PREC_WEEK: Final = Precision.WEEK

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|"
          r"Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "30 April 2020", "30-31 April 2020", "between 28 and 30 April"
    ("dmy", re.compile(rf"\b(?:(?:between|from)\s+)?{_DAY}(?:\s*(?:-|–|and|to)\s*[0-3]?\d"
                       rf"(?:st|nd|rd|th)?)?(?:\s+of)?\s+{_MONTH}(?![a-z]){_YEAR}")),
    # "Monday night, Aug. 30", "Aug. 30, 2021", "April 30th"
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY}{_PART},?\s+)?{_MONTH}\s+{_DAY}\b{_YEAR}")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("num", re.compile(r"\b(?P<day>[0-3]?\d)/(?P<mon>[01]?\d)/(?P<year>(?:19|20)\d\d)\b")),
    # "India Today" is an outlet: a relative word right after a capitalised word is a name
    ("rel", re.compile(r"(?<![A-Z][\w.]\s)(?<![A-Z][\w.]{2}\s)(?<![A-Z][\w.]{3}\s)"
                       r"(?<![A-Z][\w.]{4}\s)(?<![A-Z][\w.]{5}\s)\b(?P<rel>(?i:yesterday|"
                       r"today|tonight|this (?:morning|afternoon|evening)|last night|overnight|"
                       r"the previous day|the day before))\b")),
    ("weekday", re.compile(rf"\b(?:(?P<last>last|this|on|early|late|late on|early on)\s+)?"
                           rf"{_WEEKDAY}{_PART}\b")),
    ("week", re.compile(r"\b(?P<week>(?:earlier|later) this week|last week|this week|"
                        r"past week|over the weekend|last weekend|this weekend)\b",
                        re.IGNORECASE)),
    ("month", re.compile(rf"\b(?P<mrel>last month|this month|earlier this month|"
                         rf"(?:in|since|during|early|late|mid-?)\s*{_MONTH}(?!\s+\d))\b")),
]


def find_dates(text: str, published: date, offset: int = 0) -> list[DateMention]:
    """Every date expression of `text`, resolved, in text order (overlaps: the longest)."""
    return find_dates_read(text, published, offset, lowered(text), None)


def find_dates_read(text: str, published: date, offset: int, low: str | None,
                    digit: bool | None) -> list[DateMention]:
    """`find_dates(text, published, offset)`, given `low`, the text lower-cased when it is
    ASCII (else None: then `lowered` decides here), and `digit`, whether it holds a decimal
    digit (None: not known)."""
    if low is None:  # ("Muñoz": not ASCII, but lower-cased as well, see `lowered`)
        low = lowered(text)
    possible = _possible(text, low, _DIGIT.search(text) is not None if digit is None else digit)
    if not possible:
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        if kind not in possible:
            continue
        for match in _finditer(kind, pattern, text, low):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            resolved = _resolve(kind, match, published)
            if resolved is None:
                continue
            value, precision = resolved
            taken.append((start, end))
            found.append(DateMention(value, precision, offset + start, offset + end,
                                     match.group()))
    found.sort(key=lambda d: d.start)
    return found


#: What the "weekday" and "mdy" patterns are anchored on: a weekday's or a month's name
#: (their groups' alternatives, as written: where a group can match, its anchor matches).
_WEEKDAY_NAME = re.compile(_WEEKDAY)
_MONTH_NAME = re.compile(_MONTH)


def _finditer(kind: str, pattern: re.Pattern[str], text: str, low: str | None = None
              ) -> Iterator[re.Match[str]]:
    r"""`pattern.finditer(text)` (`low`: the text lower-cased when it is ASCII, else None).
    The "weekday" and "mdy" patterns open with `\b` and an optional group, where the regex
    engine tries every position of the text: they are searched from a little before the
    first name they need (found by a search the engine skips through in C), where their
    leftmost match can start at the earliest. The "rel" pattern opens with look-behinds: it
    is tried only where its words are (on ASCII text)."""
    if kind == "rel" and low is not None:
        yield from matches_at(_REL_WORDS, pattern, text, low)
        return
    if kind == "month":
        pos = 0
        for start in _month_starts(text):
            if start >= pos and (m := pattern.match(text, start)) is not None:
                yield m
                pos = m.end()
        return
    if kind == "weekday":
        before = _before_weekday
    elif kind == "mdy":
        before = _before_month
    else:
        yield from pattern.finditer(text)
        return
    pos = 0
    while (name := (_WEEKDAY_NAME if kind == "weekday" else _MONTH_NAME).search(text, pos)
           ) is not None:
        m = pattern.search(text, before(text, pos, name.start()))
        if m is None:
            return
        yield m
        pos = m.end()  # (no match is empty)


#: The words before a month's name in a "month" match (`\s*` between).
_BEFORE_MONTH = ("in", "since", "during", "early", "late", "mid-", "mid")


def _month_starts(text: str) -> list[int]:
    r"""Where a "month" match can start, in order: each ends with "month" ("last month",
    "this month", "earlier this month") or with a month's name (found by `_MONTH_NAME`:
    each opens with its only capital, so none hides inside another), after a word of
    `_BEFORE_MONTH` and white space; the pattern, tried there, decides (its ``s, its
    look-ahead)."""
    starts = []
    at = text.find("month")
    while at >= 0:
        if at >= 13 and text.startswith("earlier this ", at - 13):
            starts.append(at - 13)  # (and "this month" after it, if that has no `\b`)
        if at >= 5 and (text.startswith("last ", at - 5) or text.startswith("this ", at - 5)):
            starts.append(at - 5)
        at = text.find("month", at + 1)
    for name in _MONTH_NAME.finditer(text):
        end = len(text[:name.start()].rstrip())  # (\s* is white space as str.isspace)
        for word in _BEFORE_MONTH:
            if text.endswith(word, 0, end):
                starts.append(end - len(word))
                break
    starts.sort()
    return starts


def _before_weekday(text: str, pos: int, at: int) -> int:
    """The earliest start (>= pos) of a "weekday" match whose weekday is at `at`: its
    "(last|this|on|early|late|late on|early on)" (8 characters at most) and white space."""
    head = text[pos:at]
    return max(pos, at - (len(head) - len(head.rstrip())) - 8)


def _before_month(text: str, pos: int, at: int) -> int:
    """The earliest start (>= pos) of an "mdy" match whose month is at `at`: before it, white
    space, a comma maybe, then a weekday (9 characters at most) or a weekday, white space
    and a part of the day (9 characters at most)."""
    head = text[pos:at].rstrip()
    head = head[:-1] if head.endswith(",") else head
    return max(pos, pos + len(head[:max(0, len(head) - 9)].rstrip()) - 9)


#: Where a "rel" match can start in the lower-cased text: at one of its words (what follows
#: its look-behinds and `\b`, case-insensitive).
_REL_WORDS = re.compile(r"yesterday|today|tonight|this (?:morning|afternoon|evening)|"
                        r"last night|overnight|the previous day|the day before")
_DIGIT = re.compile(r"\d")  # as the patterns' \d: any decimal digit, not only 0-9
# one regex of literals each (a C scan) rather than a test per word
_MONTH_STEMS = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
#: A piece of every "dmy" match: the day's last digit, then the month ("30 April", "28 and
#: 30 of May"); and an "iso" match without its `\b`s. Each starts with a digit, so the regex
#: engine skips in C to the digits, where the patterns themselves try every position.
_DMY_CUE = re.compile(r"\d(?:st|nd|rd|th)?(?:\s+of)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                      r"Oct|Nov|Dec)")
_ISO_CUE = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")


def _possible(text: str, low: str | None, digit: bool) -> set[str]:
    """The pattern kinds that can match `text` at all, from cheap substring tests (each a
    necessary condition of its pattern), so that most sentences skip most regex passes: a
    cheap first look (no digit, month, weekday or relative word means no date). `low`: the
    text lower-cased when it is ASCII, else None; `digit`: whether it holds a digit."""
    month = _MONTH_STEMS.search(text) is not None
    kinds: set[str] = set()
    if digit and month:
        kinds.add("mdy")
        if _DMY_CUE.search(text) is not None:
            kinds.add("dmy")
    if digit and "-" in text and _ISO_CUE.search(text) is not None:
        kinds.add("iso")
    if digit and "/" in text:
        kinds.add("num")
    if "day" in text:
        kinds.add("weekday")
    if month or "month" in text:
        kinds.add("month")
    if low is None:  # case-insensitive patterns: Unicode case folding, no shortcut
        kinds.update(("rel", "week"))
        return kinds
    # a relative word (of _REL_WORDS), each under the piece it holds: tests in a row, which
    # cost less than a regex that tries its words at every "t", "y", "o" and "l"
    if ("day" in low and ("yesterday" in low or "today" in low or "the previous day" in low
                          or "the day before" in low)) or (
            "night" in low and ("tonight" in low or "last night" in low or "overnight" in low)
    ) or ("this " in low and ("this morning" in low or "this afternoon" in low
                              or "this evening" in low)):
        kinds.add("rel")
    if "week" in low:
        kinds.add("week")
    return kinds


def event_date(text: str, published: date, offset: int = 0) -> DateMention | None:
    """The first date of `text` that is not after publication (+1 day), or None."""
    for mention in find_dates(text, published, offset):
        if mention.value <= published + timedelta(days=1):
            return mention
    return None


def _resolve(kind: str, m: re.Match[str], published: date) -> tuple[date, Precision] | None:
    try:
        if kind in ("dmy", "mdy"):
            month = _MONTHS[m.group("month").rstrip(".").lower()]
            day = int(m.group("day"))
            year = m.group("year")
            if year:
                return date(int(year), month, day), _PREC_DAY
            return _latest(month, day, published), _PREC_DAY
        if kind == "iso":
            return date(int(m.group("year")), int(m.group("mon")), int(m.group("day"))), (
                _PREC_DAY)
        if kind == "num":
            return date(int(m.group("year")), int(m.group("mon")), int(m.group("day"))), (
                _PREC_DAY)
    except ValueError:
        return None
    if kind == "rel":
        word = m.group("rel").lower()
        if word in ("yesterday", "last night", "the previous day", "the day before"):
            return published - timedelta(days=1), _PREC_DAY
        if word == "overnight":
            return published - timedelta(days=1), _PREC_DAY
        return published, _PREC_DAY
    if kind == "weekday":
        target = _WEEKDAYS[m.group("weekday").lower()]
        back = (published.weekday() - target) % 7
        if m.group("last") and m.group("last").lower() == "last" and back == 0:
            back = 7
        return published - timedelta(days=back), _PREC_DAY
    if kind == "week":
        return published - timedelta(days=published.weekday() if "this" in m.group().lower()
                                     else 7), _PREC_WEEK
    if kind == "month":
        phrase = m.group("mrel").lower()
        if phrase == "last month":
            first = published.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), _PREC_MONTH
        if "this month" in phrase:
            return published.replace(day=1), _PREC_MONTH
        month = _MONTHS[m.group("month").rstrip(".").lower()]
        year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1), _PREC_MONTH
    return None


def _latest(month: int, day: int, published: date) -> date:
    """The latest (month, day) on or before publication (+1 day of slack)."""
    candidate = date(published.year, month, day)
    if candidate > published + timedelta(days=1):
        candidate = date(published.year - 1, month, day)
    return candidate
