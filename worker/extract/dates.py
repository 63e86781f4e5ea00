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
from datetime import date, timedelta
from typing import Final

from worker.extract import actors
from worker.extract.text import lowered
from worker.extract.types import DateMention
from worker.models import Precision

# Enum members as Final constants: the compiled core reads them as C statics, not
# as attributes of the (interpreted) enum classes.
_PREC_DAY: Final = Precision.DAY
_PREC_MONTH: Final = Precision.MONTH
_PREC_WEEK: Final = Precision.WEEK

_MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAYS: Final = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|"
          r"Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"

#: (Final: the compiled core reads it as a C static, not from the module's dict each call.)
_PATTERNS: Final[list[tuple[str, re.Pattern[str]]]] = [
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


#: Each kind's bit in `_possible`'s answer: 1 << its place in `_PATTERNS`.
_DMY: Final = 1 << 0
_MDY: Final = 1 << 1
_ISO: Final = 1 << 2
_NUM: Final = 1 << 3
_REL: Final = 1 << 4
_WEEKDAY_KIND: Final = 1 << 5
_WEEK: Final = 1 << 6
_MONTH_KIND: Final = 1 << 7
assert [kind for kind, _ in _PATTERNS] == ["dmy", "mdy", "iso", "num", "rel", "weekday",
                                            "week", "month"]


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
    names = _names(text)
    possible = _possible(text, low, digit, names)  # (the bits of `_PATTERNS`' kinds)
    if not possible:
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    bit = 1  # (the kind's bit in `possible`)
    for kind, pattern in _PATTERNS:
        if not possible & bit:
            bit <<= 1
            continue
        bit <<= 1
        for match in _finditer(kind, pattern, text, low, names):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            resolved = _resolve(kind, match, published)
            if resolved is None:
                continue
            value, precision = resolved
            taken.append((start, end))
            # (the match's text sliced: every pattern is matched on `text`; no method call)
            found.append(DateMention(value, precision, offset + start, offset + end,
                                     text[start:end]))
    if len(found) > 1:
        found.sort(key=_start_of)
    return found


def _start_of(mention: DateMention) -> int:
    """(the sort key of mentions: a function of the module, not a closure made each call)"""
    return mention.start


#: What the "weekday" and "mdy" patterns are anchored on: a weekday's or a month's name
#: (their groups' alternatives, as written: where a group can match, its anchor matches).
_WEEKDAY_NAME: Final = re.compile(_WEEKDAY)
_MONTH_NAME: Final = re.compile(_MONTH)

#: The names' words as gates of the shared keyword pass (`actors.matches`, made for every
#: sentence by classify): a month's first three letters (where each of `_MONTH_NAME`'s
#: alternatives starts) and a weekday's name, lower case, at the start of a word (a month's
#: also right after a word of `_GLUED_BEFORE_MONTH`). The bits above the sources' (1 << 27).
_MONTH_GATE: Final = 1 << 28
_WEEKDAY_GATE: Final = 1 << 29
#: ... and the words of the "rel" and "week" patterns (lower case, as their IGNORECASE).
_REL_GATE: Final = 1 << 30
_WEEK_GATE: Final = 1 << 31
_NAME_GATES: Final = _MONTH_GATE | _WEEKDAY_GATE | _REL_GATE | _WEEK_GATE
#: The names as the patterns want them: capitalized.
_MONTH_STARTS: Final = frozenset(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                  "Oct", "Nov", "Dec"])
_WEEKDAY_NAMES: Final = frozenset(name.capitalize() for name in _WEEKDAYS)
#: The words `_REL_WORDS` finds.
_REL_GATE_WORDS: Final = ("yesterday", "today", "tonight", "this morning", "this afternoon",
                          "this evening", "last night", "overnight", "the previous day",
                          "the day before")
#: The words a "month" match may hold right before a month's name, with no white space between
#: ("inMarch": its `\s*`): where a name is inside a word. (Every other name a pattern wants
#: starts a word: after `\b` or white space.)
_GLUED_BEFORE_MONTH: Final = ("in", "since", "during", "early", "late", "mid")
#: ... and "month" ("last month", "this month": a "month" match without a month's name holds
#: it at a word's start).
_MONTH_WORD_GATE: Final = 1 << 58
#: (Each as a word's start, `start=True`: a month's key ends with its name's three letters.)
actors.add_gate_words({_MONTH_GATE: tuple(sorted(before + m.lower()
                                                 for before in ("", *_GLUED_BEFORE_MONTH)
                                                 for m in _MONTH_STARTS)),
                       _WEEKDAY_GATE: tuple(_WEEKDAYS), _REL_GATE: _REL_GATE_WORDS,
                       _WEEK_GATE: ("week",), _MONTH_WORD_GATE: ("month",)}, start=True)


class _Names:
    """Where the months' and the weekdays' names start in a text, in order: the starts of
    `_MONTH_NAME.finditer(text)` (each name opens with its only capital, so none hides in
    another, and every "Jan", "Feb"... starts one) and of `_WEEKDAY_NAME.finditer(text)`
    that a pattern can hold: at the start of a word (as a pattern wants them), a month's
    name also right after a word of `_GLUED_BEFORE_MONTH` ("inMarch").
    Read from the keyword pass's hits (lower case), each checked in the text (capitalized):
    where a regex over the text tried its alternatives at each capital, and the date patterns
    anchored on names searched for them again. With them, where a word of `_REL_WORDS` may
    start (`rels`: each of its words is there in the text lower-cased, and maybe more: the
    keyword pass reads "this-morning" as "this morning"), where "week" starts (`weeks`,
    in the text lower-cased), and whether "month" may start a word (`month_word`: it does
    in the text lower-cased, if at all). (A plain class: a dataclass's generated __init__
    would run interpreted in the compiled core.)"""

    __slots__ = ("month_word", "months", "rels", "weekdays", "weeks")

    def __init__(self, months: list[int], weekdays: list[int], rels: list[int],
                 weeks: list[int], month_word: bool) -> None:
        self.months = months
        self.weekdays = weekdays
        self.rels = rels
        self.weeks = weeks
        self.month_word = month_word


#: The `_Names` of a text without any (shared: no one changes a `_Names`).
_NO_NAMES: Final = _Names([], [], [], [], False)


def _names(text: str) -> _Names:
    """The `_Names` of `text`."""
    read = actors.gate_read(text)
    present = read[0]
    if not present & (_NAME_GATES | _MONTH_WORD_GATE):
        return _NO_NAMES
    months: list[int] = []
    weekdays: list[int] = []
    rels: list[int] = []
    weeks: list[int] = []
    if present & _NAME_GATES:
        for last, size, bits in read[1]:  # (not `hits_of`: no list of new tuples made)
            if not bits & _NAME_GATES:
                continue
            # (a key, a space and its words, ends at `last` in `words_of`: at `last - 1` here)
            start = last - size + 1
            if bits & _REL_GATE:
                rels.append(start)
            elif bits & _WEEK_GATE:
                weeks.append(start)
            elif bits & _MONTH_GATE:
                if text[last - 3:last] in _MONTH_STARTS:  # (a key ends with a name's 3 letters)
                    months.append(last - 3)
            elif text[start:last] in _WEEKDAY_NAMES:
                weekdays.append(start)
        # (hits come in the order of their ends)
        if len(weekdays) > 1:
            weekdays.sort()
        if len(rels) > 1:
            rels.sort()
    return _Names(months, weekdays, rels, weeks, present & _MONTH_WORD_GATE != 0)


def _finditer(kind: str, pattern: re.Pattern[str], text: str, low: str | None = None,
              names: _Names | None = None) -> list[re.Match[str]]:
    r"""`list(pattern.finditer(text))` (`low`: the text lower-cased when it is ASCII, else
    None; `names`: the text's `_names`, worked out here if not given). The "weekday", "mdy"
    and "month" patterns open with `` and optional groups, where the regex engine tries
    every position of the text: "weekday" is searched from a little before each weekday's
    name, where its leftmost match can start at the earliest; "mdy" and "month" are tried
    where their matches can start (at a name, before one). The "rel" pattern opens with
    look-behinds: it is tried only where its words are (on ASCII text). (A list, not a
    generator: a generator is an object of its own per call in the compiled core.)"""
    if kind not in ("month", "weekday", "mdy", "rel", "week") or (
            low is None and kind in ("rel", "week")):
        return list(pattern.finditer(text))
    if names is None:
        names = _names(text)
    out: list[re.Match[str]] = []
    pos = 0
    if kind == "rel" and low is not None:
        # (as `matches_at(_REL_WORDS, pattern, text, low)`, at the words' starts known)
        for at in names.rels:
            if at < pos or _REL_WORDS.match(low, at) is None:
                continue
            if (m := pattern.match(text, at)) is None:
                pos = at + 1
                continue
            out.append(m)
            pos = m.end()
        return out
    if kind == "week" and low is not None:
        # a match holds a "week" ("earlier this week": 13 characters before it at most), so
        # the leftmost match from `pos` starts no earlier than 13 before the first "week" from
        # `pos`: searched from there, not from each position before
        for at in names.weeks:
            if at < pos or not low.startswith("week", at):
                continue
            if (m := pattern.search(text, max(pos, at - 13))) is None:
                break
            out.append(m)
            pos = m.end()
        return out
    if kind == "month":
        for start in _month_starts(text, names.months):
            if start >= pos and (m := pattern.match(text, start)) is not None:
                out.append(m)
                pos = m.end()
        return out
    if kind == "mdy":
        # a match opens with its weekday or its month: tried at each of their names (the
        # search from before a month read on to the end of the text where none matched),
        # the months' only where a number follows (`_number_after`: a match holds one)
        dated = [at for at in names.months if _number_after(text, at)]
        starts = dated
        if names.weekdays:
            # (a weekday only where a dated month follows it, as a match opening with one
            # holds: its name, a part of the day maybe, a comma maybe, then the month)
            weekdays = [at for at in names.weekdays if _month_follows(text, at, dated)]
            if weekdays:
                starts = sorted(weekdays + dated)
        for at in starts:
            if at >= pos and (m := pattern.match(text, at)) is not None:
                out.append(m)
                pos = m.end()
        return out
    for at in names.weekdays:
        if at < pos:
            continue
        m = _weekday_at(pattern, text, pos, at)
        if m is None:
            break
        out.append(m)
        pos = m.end()  # (no match is empty)
    return out


def _month_follows(text: str, at: int, dated: list[int]) -> bool:
    r"""Whether an "mdy" match can open with the weekday's name at `at`: the first of the
    month names at `dated` after it follows it with at most two words between their
    starts, white space around them (`{_WEEKDAY}{_PART},?\s+`: the weekday's name, a part
    of the day maybe, a comma maybe)."""
    first = -1
    for month in dated:
        if month > at and (first < 0 or month < first):
            first = month
    return first >= 0 and len(text[at:first].split()) <= 2


#: The words before a month's name in a "month" match (`\s*` between).
_BEFORE_MONTH: Final = ("in", "since", "during", "early", "late", "mid-", "mid")
#: The last characters of the words of `_BEFORE_MONTH`.
_BEFORE_MONTH_ENDS: Final = frozenset(word[-1] for word in _BEFORE_MONTH)


def _month_starts(text: str, months: list[int]) -> list[int]:
    r"""Where a "month" match can start, in order: each ends with "month" ("last month",
    "this month", "earlier this month") or with a month's name (`months`: where each
    starts), after a word of `_BEFORE_MONTH` and white space; the pattern, tried there,
    decides (its ``s, its look-ahead)."""
    starts = []
    at = text.find("month")
    while at >= 0:
        if at >= 13 and text.startswith("earlier this ", at - 13):
            starts.append(at - 13)  # (and "this month" after it, if that has no ``)
        if at >= 5 and (text.startswith("last ", at - 5) or text.startswith("this ", at - 5)):
            starts.append(at - 5)
        at = text.find("month", at + 1)
    for name in months:
        end = _spaced_back(text, name)
        # (most names follow a digit, "on", a comma: no word of them ends there)
        if not end or text[end - 1] not in _BEFORE_MONTH_ENDS:
            continue
        before = text[max(0, end - 6):end]  # (6: the longest word; `endswith` then has no bounds)
        for word in _BEFORE_MONTH:
            if before.endswith(word):
                starts.append(end - len(word))
                break
    starts.sort()
    return starts


def _spaced_back(text: str, at: int) -> int:
    r"""Where the white space (`\s`, as str.isspace) right before `at` starts."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _day_before(text: str, at: int) -> bool:
    r"""Whether a day ends before the month's name at `at`: `_DMY_CUE` matches there (a
    digit, "st", "nd", "rd" or "th" maybe, " of" maybe, then white space)."""
    end = _spaced_back(text, at)
    if end == at:
        return False
    if text.endswith("of", 0, end):
        day = _spaced_back(text, end - 2)
        if day < end - 2 and _day_ends(text, day):
            return True
    return _day_ends(text, end)


def _day_ends(text: str, end: int) -> bool:
    r"""Whether `\d(?:st|nd|rd|th)?` ends at `end`."""
    if end >= 1 and text[end - 1].isdecimal():
        return True
    return end >= 3 and text[end - 3].isdecimal() and text[end - 2:end] in _DAY_SUFFIXES


_DAY_SUFFIXES: Final = frozenset(["st", "nd", "rd", "th"])


#: The words a "weekday" match may open with, longest first: a longer one that ends where a
#: shorter one does starts before it ("late on", "on").
_WEEKDAY_OPENERS: Final = ("early on", "late on", "early", "last", "this", "late", "on")
assert set(_WEEKDAY_OPENERS) == set(
    _PATTERNS[5][1].pattern.split("(?P<last>", 1)[1].split(")", 1)[0].split("|"))


def _weekday_at(pattern: re.Pattern[str], text: str, pos: int, at: int
                ) -> re.Match[str] | None:
    """`pattern.search(text, _before_weekday(text, pos, at))` for the "weekday" pattern and
    a weekday's name at `at` (the first of the text's names from `pos`): matched only where
    a match can open before the name, at the start of a word of `_WEEKDAY_OPENERS` that ends
    where the white space before the name starts, then searched from the name on. (A match
    opening before the name holds it: its name is capitalized, its opening word is not; one
    opening with an earlier name would hold a capital within `_before_weekday`'s reach, where
    the search is made as it was.)"""
    spaced = _spaced_back(text, at)
    first = max(pos, spaced - 8)
    if first >= spaced:
        return pattern.search(text, first)
    tail = text[first:spaced]
    for char in tail[:len(tail) - 5]:
        if char in "MTWFS":
            return pattern.search(text, first)
    if spaced < at:
        for word in _WEEKDAY_OPENERS:
            if tail.endswith(word):
                m = pattern.match(text, spaced - len(word))
                if m is not None:
                    return m
    return pattern.search(text, at)


def _before_weekday(text: str, pos: int, at: int) -> int:
    """The earliest start (>= pos) of a "weekday" match whose weekday is at `at`: its
    "(last|this|on|early|late|late on|early on)" (8 characters at most) and white space.
    (The white space read back from `at`, not stripped off a copy of `text[pos:at]`: where
    it reaches back past `pos`, `pos` is the answer either way.)"""
    return max(pos, _spaced_back(text, at) - 8)


#: Where a "rel" match can start in the lower-cased text: at one of its words (what follows
#: its look-behinds and `\b`, case-insensitive).
_REL_WORDS: Final = re.compile(r"yesterday|today|tonight|this (?:morning|afternoon|evening)|"
                        r"last night|overnight|the previous day|the day before")
#: A piece of every "dmy" match: the day's last digit, then the month ("30 April", "28 and
#: 30 of May"), read before each month's name (`_day_before`); and an "iso" match without
#: its `\b`s. Each starts with a digit, so the regex engine skips in C to the digits, where
#: the patterns themselves try every position.
_DMY_CUE = re.compile(r"\d(?:st|nd|rd|th)?(?:\s+of)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                      r"Oct|Nov|Dec)")
_ISO_CUE: Final = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")


def _iso_cue(text: str) -> bool:
    """Whether `_ISO_CUE` matches in `text`: tried at each "-" after a digit (its first "-"),
    where a search tries it at each 1 and 2 of the text."""
    at = text.find("-")
    while at >= 0:
        if at >= 4 and text[at - 1].isdigit() and _ISO_CUE.match(text, at - 4) is not None:
            return True  # (`isdigit`: true of every `\d`, and more)
        at = text.find("-", at + 1)
    return False


def _possible(text: str, low: str | None, digit: bool | None, names: _Names | None = None
              ) -> int:
    """The bits of the pattern kinds (`_DMY`, `_MDY`...) that can match `text` at all, from
    cheap tests (each a necessary condition of its pattern), so that most sentences skip
    most regex passes: a cheap first look (no digit, month, weekday or relative word means
    no date). `low`: the text lower-cased when it is ASCII, else None; `digit`: whether it
    holds a digit (None: not known; False leaves out the kinds whose matches hold one, else
    each of them is decided by a test of its own, read where its digits would be: after or
    before a month's name, around a "/" or before a "-"); `names`: its `_names` (worked out
    here if not given)."""
    if names is None:
        names = _names(text)
    months = names.months
    kinds = 0
    if digit is not False:
        for at in months:
            if _number_after(text, at):
                kinds |= _MDY
                break
        for at in months:
            if _day_before(text, at):
                kinds |= _DMY
                break
        if _iso_cue(text):
            kinds |= _ISO
        if _num_cue(text):
            kinds |= _NUM
    if names.weekdays:
        kinds |= _WEEKDAY_KIND
    if months or names.month_word:
        kinds |= _MONTH_KIND
    if low is None:  # case-insensitive patterns: Unicode case folding, no shortcut
        return kinds | _REL | _WEEK
    # a relative word (of _REL_WORDS) in the text lower-cased, where the keyword pass found
    # one maybe (a regex of them would try its words at every "t", "y", "o" and "l")
    for at in names.rels:
        if _REL_WORDS.match(low, at) is not None:
            kinds |= _REL
            break
    for at in names.weeks:
        if low.startswith("week", at):
            kinds |= _WEEK
            break
    return kinds


def _number_after(text: str, at: int) -> bool:
    r"""Whether the month's name at `at` is followed by white space and a decimal digit, as
    in an "mdy" match (`{_MONTH}\s+{_DAY}`): after its letters (3 at least) and a period
    maybe. (Read character by character, a few: a regex search for a digit anywhere in the
    text costs ~6,000 instructions, a match of the pattern ~3,000.)"""
    n = len(text)
    i = at + 3
    while i < n and text[i].isalpha():
        i += 1
    if i < n and text[i] == ".":
        i += 1
    j = i
    while j < n and text[j].isspace():
        j += 1
    return i < j < n and text[j].isdecimal()


def _num_cue(text: str) -> bool:
    r"""Whether a "/" in `text` has a decimal digit on each side, as in a "num" match
    (`[0-3]?\d/[01]?\d/`)."""
    n = len(text)
    at = text.find("/")
    while at >= 0:
        if at and at + 1 < n and text[at - 1].isdecimal() and text[at + 1].isdecimal():
            return True
        at = text.find("/", at + 1)
    return False


def event_date(text: str, published: date, offset: int = 0) -> DateMention | None:
    """The first date of `text` that is not after publication (+1 day), or None."""
    for mention in find_dates(text, published, offset):
        if mention.value <= published + _ONE_DAY:
            return mention
    return None


#: (timedelta's constructor takes keywords: a call of the interpreter's each time)
_ONE_DAY: Final = timedelta(days=1)
#: ... and so each of 0 to 7 days made once: `_DAYS[n]` is `timedelta(days=n)`.
_DAYS: Final = tuple(timedelta(days=n) for n in range(8))


def _month_names() -> dict[str, int]:
    """The month of each name `_MONTH` matches, as written ("Sept.": 9): `_MONTHS` of the name
    without its period, lower case."""
    out: dict[str, int] = {}
    for alternative in _MONTH.removeprefix("(?P<month>").removesuffix(")").split("|"):
        # ("Jan\.?": "Jan" and "Jan."; "Sept?\.?": "Sep" and "Sept", each with "." too)
        stem = alternative.removesuffix(r"\.?")
        for name in ((stem[:-2], stem[:-1]) if stem.endswith("t?") else (stem,)):
            out[name] = _MONTHS[name.lower()]
            if stem != alternative:
                out[name + "."] = _MONTHS[name.lower()]
    return out


#: `_month_names()`: a name's month by one look-up (the patterns holding `_MONTH` are
#: case-sensitive: their names are these), not by `_MONTHS` of it stripped and lower-cased.
_MONTH_OF: Final = _month_names()
assert len(_MONTH_OF) == 36 and all(re.fullmatch(_MONTH, name) for name in _MONTH_OF)
#: Each weekday's number by its name as `_WEEKDAY` matches it, capitalized.
_WEEKDAY_OF: Final = {name.capitalize(): number for name, number in _WEEKDAYS.items()}


def _resolve(kind: str, m: re.Match[str], published: date) -> tuple[date, Precision] | None:
    # (the groups a kind reads fetched by one call of `group`)
    try:
        if kind in ("dmy", "mdy"):
            name, day, year = m.group("month", "day", "year")
            month = _MONTH_OF[name]
            if year:
                return date(int(year), month, int(day)), _PREC_DAY
            return _latest(month, int(day), published), _PREC_DAY
        if kind in ("iso", "num"):
            year, mon, day = m.group("year", "mon", "day")
            return date(int(year), int(mon), int(day)), _PREC_DAY
    except ValueError:
        return None
    if kind == "rel":
        word = m.group("rel").lower()
        if word in ("yesterday", "last night", "the previous day", "the day before"):
            return published - _ONE_DAY, _PREC_DAY
        if word == "overnight":
            return published - _ONE_DAY, _PREC_DAY
        return published, _PREC_DAY
    if kind == "weekday":
        weekday, last = m.group("weekday", "last")
        target = _WEEKDAY_OF[weekday]  # (case-sensitive: "Monday", "last" as written)
        back = (published.weekday() - target) % 7
        if last == "last" and back == 0:
            back = 7
        return published - _DAYS[back], _PREC_DAY  # (back: 0 to 7)
    if kind == "week":
        return published - _DAYS[published.weekday() if "this" in m.group().lower()
                                 else 7], _PREC_WEEK
    if kind == "month":
        phrase, name = m.group("mrel", "month")
        phrase = phrase.lower()
        if phrase == "last month":
            first = published.replace(day=1) - _ONE_DAY
            return first.replace(day=1), _PREC_MONTH
        if "this month" in phrase:
            return published.replace(day=1), _PREC_MONTH
        month = _MONTH_OF[name]
        year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1), _PREC_MONTH
    return None


def _latest(month: int, day: int, published: date) -> date:
    """The latest (month, day) on or before publication (+1 day of slack)."""
    candidate = date(published.year, month, day)
    if candidate > published + _ONE_DAY:
        candidate = date(published.year - 1, month, day)
    return candidate
