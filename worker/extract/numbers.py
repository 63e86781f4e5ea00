"""Counts written in digits or words, with their qualifiers.

Vague quantities follow the conservative reading: "a dozen" = 12, "dozens" = 12,
"scores" = 20, "hundreds" = 100, "a few"/"several"/"multiple"/"many"/"some" give no count
(nothing credible to add up), "a"/"an"/"one" = 1.
"""

from __future__ import annotations

import re
from typing import Final

_UNITS: Final = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "one": 1, "single": 1, "another": 1, "two": 2,
    "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "a couple of": 2, "a pair of": 2,
    "a dozen": 12, "dozen": 12, "dozens of": 12, "dozens": 12, "scores of": 20,
    "hundreds of": 100, "hundreds": 100, "a hundred": 100, "thousands of": 1000,
}
_TENS: Final = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
VAGUE: Final = ("dozens of", "dozens", "scores of", "hundreds of", "hundreds", "thousands of")

_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|a couple of|a pair of|a dozen|dozens of|dozens|"
    r"scores of|hundreds of|hundreds|thousands of|a hundred|zero|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|single|another|an?)"
)
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER})"
QUALIFIER = (r"(?:at least|at most|more than|over|nearly|almost|about|around|approximately|"
             r"some|up to|as many as|an estimated|roughly|close to|fewer than|less than|"
             r"upwards of|no fewer than|no less than)")


def by_first_letter(alternatives: list[str]) -> str:
    """The alternation of `alternatives` (regex pieces, each opening with a lower-case letter
    that no quantifier follows), those with the same first letter grouped under it, in their
    order: "(?:at least|more than|about)" -> "(?:a(?:t least|bout)|m(?:ore than))". The same
    matches (pieces with different first letters never match at the same place), found
    sooner by a case-sensitive pattern: at each place the engine tries the pieces of one
    letter, not all of them one by one."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        if not re.fullmatch(r"[a-z]", alternative[:1]) or alternative[1:2] in ("?", "*", "+",
                                                                               "{"):
            raise ValueError(f"not a piece opening with a letter: {alternative!r}")
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})"
                            for first, rests in groups.items()) + ")"


_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety".split("|")
#: `NUMBER` and `QUALIFIER` for case-sensitive patterns on lower-cased text (`by_first_letter`)
NUMBER_LOW = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + by_first_letter([
    *(rf"{tens}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
      for tens in _TENS_WORDS),
    *_WORD_NUMBER.split("?|", 1)[1].removesuffix(")").split("|")]) + ")"
QUALIFIER_LOW: Final = by_first_letter(QUALIFIER.removeprefix("(?:").removesuffix(")").split("|"))
_RANGE: Final = re.compile(rf"^({NUMBER})\s*(?:-|–|to|or)\s*({NUMBER})$", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """The value of a number phrase ("seven", "1,200", "twenty-one", "dozens"), or None."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    if t.replace(",", "").isdigit():
        return int(t.replace(",", ""))
    if t in _UNITS:
        return _UNITS[t]
    if t.replace(" ", "-") in _UNITS:
        return _UNITS[t.replace(" ", "-")]
    parts = t.split()
    if parts and parts[0] in _TENS:
        rest = _UNITS.get(parts[1], 0) if len(parts) > 1 else 0
        return _TENS[parts[0]] + rest
    return None


def parse_range(text: str) -> tuple[int, int | None] | None:
    """(low, high) of "10-15" / "10 to 15"; (value, None) for one number; None if neither."""
    # (`isdigit` first: a native test in the compiled core, where `isascii` is a method call,
    # asked then only of digits)
    if text.isdigit() and text.isascii():  # (no range: what `parse_number` reads)
        return int(text), None
    value = _PLAIN_UNITS.get(text)  # ("seven", "a dozen": no range either)
    if value is not None:
        return value, None
    m = _RANGE.match(text.strip())
    if m:
        low, high = parse_number(m.group(1)), parse_number(m.group(2))
        if low is not None and high is not None:
            return min(low, high), max(low, high)
    value = parse_number(text)
    return (value, None) if value is not None else None


def lowest(value: int, qualifier: str | None) -> int:
    """The figure to count for a qualified number: the stated number, as ACLED codes it
    ("more than 10" -> 10, "up to 10" -> 10); the qualifier is kept on the claim."""
    return value


#: The words of `_UNITS` as they are, each read as no range by `parse_range`: its value at once.
_PLAIN_UNITS: Final[dict[str, int]] = {word: value for word, value in _UNITS.items()
                                if _RANGE.match(word) is None}
