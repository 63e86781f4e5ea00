"""Sentences with their character offsets in the article body."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from worker.extract.keyscan import Automaton, make_automaton
from worker.extract.types import Sentence

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and white space,
# unless the period ends a common abbreviation or an initial.
# (the first character is matched first, then the alternatives check it by look-behind: the
# same matches, but the regex engine can skip in C to the next . ! ? or newline)
_BOUNDARY = re.compile(r"""[.!?\n](?:(?<=[.!?])["'”’)\]]*\s+|"""
                       r"""(?<=\n)\s*\n|(?<=\n)(?=\s*[A-Z“"]))""")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|St|Jr|Sr|Mt|No|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Co|Corp|Ltd|U\.S|U\.N|U\.K|e\.g|i\.e)"
    r"|\b[A-Z])\.$"
)
#: _ABBREV backwards (see `search_before`): the period, then a short form spelled backwards.
_ABBREV_MIRROR = re.compile(r"\.(?:(?:" + "|".join(
    re.escape(short.replace("\\.", ".")[::-1])
    for short in _ABBREV.pattern.split("(?:", 2)[2].split(")", 1)[0].split("|")) + r")|[A-Z])\b")
#: _ABBREV's short forms as they are written in a text ("U.S").
_SHORT_FORMS: Final = frozenset(
    short.replace("\\.", ".")
    for short in _ABBREV.pattern.split("(?:", 2)[2].split(")", 1)[0].split("|"))
assert max(len(short) for short in _SHORT_FORMS) == 4


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; offsets index into `text`. Never returns empty sentences."""
    out: list[Sentence] = []
    start = pos = 0
    n = len(text)
    # (the boundaries as `_boundaries` finds them, read here as they are found: no list of
    # (start, end) pairs built and read again; and the marks a boundary can be at taken in
    # order as `str.find` finds the next of each, from the last boundary's end on: no list of
    # them made and sorted)
    dot, bang, ask, line = (_next(text, ".", 0), _next(text, "!", 0), _next(text, "?", 0),
                            _next(text, "\n", 0))
    while True:
        at = dot if dot < bang else bang
        other = ask if ask < line else line
        if other < at:
            at = other
        if at >= n:
            break
        stop, end = _boundary_end(text, at) if at >= pos else _NO_BOUNDARY
        if end > 0:
            pos = end
            # the chunk text[start:end] without the white space it ends with, by its end: no
            # copy of it made (`str.rstrip` strips what `str.isspace` tells), from where the
            # boundary's white space starts (`stop`: what is after it is white space)
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            # (_ABBREV ends with a period: no need to search before anything else; and its
            # short forms are words of 4 characters at most before it, `\b` before them: not
            # when the 5 characters before the period are word characters, as in most
            # sentences' ends)
            if not (stop > start and text[stop - 1] == "." and text.find("\n", at, end) < 0
                    and not (stop >= 6 and text[stop - 6:stop - 1].isalnum())
                    and _abbreviation_before(text, max(start, stop - 8), stop)):
                _add(out, text, start, stop)
                start = end
        # (the next of the mark at `at`, from the last boundary's end on: those before it
        # are passed over)
        frm = pos if pos > at else at + 1
        if at == dot:
            dot = _next(text, ".", frm)
        elif at == bang:
            bang = _next(text, "!", frm)
        elif at == ask:
            ask = _next(text, "?", frm)
        else:
            line = _next(text, "\n", frm)
    stop = n
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    _add(out, text, start, stop)
    return out


def _next(text: str, mark: str, frm: int) -> int:
    """Where the next `mark` is in `text` from `frm` on (`len(text)` if none is)."""
    at = text.find(mark, frm)
    return at if at >= 0 else len(text)


def _abbreviation_before(text: str, begin: int, stop: int) -> bool:
    r"""`_ABBREV.search(text, begin, stop) is not None` for a `stop` right after a period: a
    short form of `_ABBREV` (4 characters at most) or a capital A-Z ends at the period and
    starts no earlier than `begin`, with no word character right before it (its `\b`, which
    reads the text before `begin` too). (A few slices looked up in a set: the pattern read
    backwards on a reversed copy cost a call of the regex engine and two copies.)"""
    dot = stop - 1
    for size in range(1, 5):
        at = dot - size
        if at < begin:
            return False
        word = text[at:dot]
        if (word in _SHORT_FORMS or (size == 1 and 65 <= ord(word) <= 90)) and not (
                at and word_char(text[at - 1])):
            return True
    return False


def _boundaries(text: str) -> list[tuple[int, int]]:
    """The spans of `_BOUNDARY.finditer(text)`: a match opens with a mark (. ! ? or a
    newline), so it is tried only at the marks, which `str.find` finds (a memchr each; the
    regex engine's search tests the text one character at a time), from the previous
    match's end on, and read there by `_boundary_end`."""
    out: list[tuple[int, int]] = []
    pos = 0
    for at in find_all(text, ".!?\n"):  # (every mark a boundary can be at)
        if at >= pos and (end := _boundary_end(text, at)[1]) > 0:
            out.append((at, end))
            pos = end
    return out


#: What `_boundary_end` gives where no boundary is.
_NO_BOUNDARY: Final = (-1, -1)


def _boundary_end(text: str, at: int) -> tuple[int, int]:
    r"""(stop, end): `end`, where `_BOUNDARY.match(text, at)` ends (-1 where it fails), for
    the mark at `at`, read character by character (a few: cheaper than a call of the regex
    engine): after . ! ? the closing marks and then the white space, at least one character
    of it; after a newline the white space up to its last newline (`\n\s*\n`), else the
    newline alone where the white space after it runs to a capital letter or an opening
    quote. `stop`: no later than where the white space that ends the match starts, with only
    white space from there to `end` (after . ! ? the end of the closing marks, where that
    white space starts; after a newline, the newline): the text before the boundary
    stripped of its white space from there, not read again back from `end`. (Compiled, a
    tuple of two ints is returned as a C struct: nothing allocated.)"""
    n = len(text)
    j = at + 1
    if text[at] == "\n":
        last = -1
        while j < n and text[j].isspace():
            if text[j] == "\n":
                last = j
            j += 1
        if last >= 0:
            return at, last + 1
        if j < n and (text[j] in _OPENERS or "A" <= text[j] <= "Z"):
            return at, at + 1
        return _NO_BOUNDARY
    while j < n and text[j] in _CLOSERS:
        j += 1
    k = j
    while k < n and text[k].isspace():
        k += 1
    return (j, k) if k > j else _NO_BOUNDARY


#: What may follow a sentence's last mark before the white space after it, and what may
#: open a sentence after a single newline (as in _BOUNDARY, besides A-Z).
_CLOSERS: Final = frozenset("\"'”’)]")
_OPENERS: Final = frozenset("“\"")


def find_all(text: str, needles: Iterable[str]) -> list[int]:
    """The offsets of every occurrence of each of `needles` in `text`, in order (overlapping
    ones too): `str.find` runs in C, where a regex alternation of the needles would try every
    position."""
    out: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            out.append(at)
            at = text.find(needle, at + 1)
    out.sort()
    return out


def _add(out: list[Sentence], text: str, start: int, stop: int) -> None:
    """Add the sentence of `text[start:stop]` (which ends with no white space) without the
    white space it opens with, if anything is left (read in place: no chunk copied to be
    stripped)."""
    while start < stop and text[start].isspace():
        start += 1
    if start < stop:
        out.append(Sentence(start, stop, text[start:stop]))


def keyword_automaton(groups: Iterable[tuple[int, Iterable[str]]]
                      ) -> Automaton[frozenset[int]]:
    """One Aho-Corasick automaton over every group's words; each word's value is the
    frozenset of the keys of the groups that hold it (a pass tells which groups can match)."""
    keys_of: dict[str, set[int]] = {}
    for key, words in groups:
        for word in words:
            keys_of.setdefault(word, set()).add(key)
    # (`keyscan`'s: the Rust one when built)
    return make_automaton((word, frozenset(keys)) for word, keys in keys_of.items())


def bits_automaton(words_of: dict[int, tuple[str, ...]]) -> Automaton[int]:
    """One Aho-Corasick automaton over the words of every bit (`words_of`: bit -> words);
    each word's value is the OR of the bits that hold it (a pass tells which can match)."""
    bits: dict[str, int] = {}
    for bit, words in words_of.items():
        for word in words:
            bits[word] = bits.get(word, 0) | bit
    return make_automaton(bits.items())


def mirrored(words: str) -> str:
    """The alternation `words` ("in|near|border with") with every word spelled backwards
    ("ni|raen|htiw redrob"): a piece of a pattern's mirror image (see `search_before`). Only
    literal words: anything else fails, so that a mirror cannot drift from its pattern."""
    out = []
    for word in words.split("|"):
        if not re.fullmatch(r"[a-z][a-z -]*", word):
            raise ValueError(f"not a literal word: {word!r}")
        out.append(word[::-1])
    return "|".join(out)


def search_before(pattern: re.Pattern[str], mirror: re.Pattern[str], text: str, begin: int,
                  end: int) -> bool:
    """Whether `pattern`, anchored at its end (`$`), matches in `text[begin:end]`, that is
    `pattern.search(text, begin, end) is not None`, decided by `mirror`, the pattern read
    backwards, matched once at the start of the reversed text: a search tries the pattern at
    every position, and on text that is not a cue it fails at each.

    `$` matches at `end`, or before a line end there; a match of the mirror that reaches back
    past `begin` (into the one character kept before it, for `\\b`) is left to the search."""
    low = begin - 1 if begin > 0 else 0
    backwards = text[low:end][::-1]
    found = mirror.match(backwards)
    if found is None and backwards.startswith("\n"):
        found = mirror.match(backwards, 1)
    if found is None:
        return False
    if found.end() <= end - begin:
        return True
    return pattern.search(text, begin, end) is not None


def word_char(char: str) -> bool:
    r"""Whether `char` (one character) is one the regex engine's `\w` matches: a letter or a
    digit as `str.isalnum` has them, or "_" (the engine asks the same tables; and `\s` is
    `str.isspace`). (A string method, not a regex match: no call of the engine, no match
    object, for a yes or no.)"""
    return char.isalnum() or char == "_"


def word_starts(search: re.Pattern[str], text: str) -> list[re.Match[str]]:
    r"""`list(re.compile(r"\b" + search.pattern).finditer(text))` for a `search` whose matches
    open with a word character (there `\b` means: no word character before). A pattern that
    opens with its words (not with `\b`) lets the regex engine skip in C to their first
    letters; where a match follows a word character, the search goes on from the next
    character, as the regex engine's would. A `search` that keeps its opening `\b` or
    look-behind is also fine (the word check then never fires). (A list, not a generator:
    compiled, a generator object and its resumptions cost more than the few matches there
    are.)"""
    out: list[re.Match[str]] = []
    pos = 0
    while (found := search.search(text, pos)) is not None:
        start = found.start()
        if start and word_char(text[start - 1]):
            pos = start + 1
            continue
        out.append(found)
        pos = found.end()
    return out


class Found:
    """A match read on `text`: `match`, of a pattern on `text` itself or of its case-sensitive
    twin on `text` lower-cased by `lowered` (the same offsets), whose groups' spans are the
    pattern's: its groups are then `text`'s characters at those spans, read without matching
    the (IGNORECASE, several times slower) pattern again on `text` only for its groups."""

    __slots__ = ("match", "text")

    def __init__(self, match: re.Match[str], text: str) -> None:
        self.match = match
        self.text = text

    def group(self, name: str | int = 0) -> str | None:
        """`match.group(name)` as read on `text` (None for a group that took no part)."""
        start, end = self.match.span(name)
        return None if start < 0 else self.text[start:end]

    def part(self, name: str) -> str:
        """`group(name)` of a group that takes part in every match (else "")."""
        start, end = self.match.span(name)
        return self.text[start:end] if start >= 0 else ""

    def start(self, name: str | int = 0) -> int:
        return self.match.start(name)

    def end(self, name: str | int = 0) -> int:
        return self.match.end(name)

    def span(self) -> tuple[int, int]:
        return self.match.span()


def found_on(matches: Iterable[re.Match[str]], text: str) -> list[Found]:
    """Each of `matches` (on `text`, or on it lower-cased by `lowered`) read on `text`."""
    return [Found(m, text) for m in matches]


def matches_at(search: re.Pattern[str], pattern: re.Pattern[str], text: str,
               searched: str | None = None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a `pattern` that matches nothing empty, tried only where
    `search` matches in `searched` (default `text`; or the text lower-cased by `lowered`: the
    same offsets): `search` must match at every start of a `pattern` match, and may at more (a
    pattern without its opening look-behinds and `\\b`, say, which open with alternatives
    the regex engine skips to in C, where the look-behinds make it try every position)."""
    within = text if searched is None else searched
    pos = 0
    while (found := search.search(within, pos)) is not None:
        m = pattern.match(text, found.start())
        if m is None:
            pos = found.start() + 1
            continue
        yield m
        pos = m.end()


def after_space(words: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of each word found by `words` (a pattern that opens with `\\s`, then
    the word), in order of their starts, overlapping ones too."""
    out: list[tuple[int, int]] = []
    at = 0
    while (word := words.search(text, at)) is not None:
        at = word.start() + 1
        out.append((at, word.end()))
    return out


def in_windows(search: re.Pattern[str], ends: list[tuple[int, int]],
               words_back: re.Pattern[str], text: str, after_previous: bool,
               back: str | None = None) -> list[re.Match[str]]:
    """`list(search.finditer(text))` for a pattern whose matches each end with one of the
    words `ends` gives ((start, end), in order of their starts: every word of the text that is
    after white space and followed by what the pattern needs after it, or at least every such
    word where a match can end), at the first such word that starts after the match's start,
    and start no earlier than what `words_back` matches reading backwards from that word (the
    most words a match holds before it). Each search runs in a window: from there (or from the
    previous such word's start, when `after_previous`: no match starting before a word of
    `ends` reaches past it) to where the word ends, the window's end taking the place of the
    `\\b` or look-ahead that holds there. The regex engine neither tries positions far before
    such a word nor any after the last. (`back`: `text[::-1]`, if the caller has it.)"""
    out: list[re.Match[str]] = []
    if not ends:
        return out
    if back is None:
        back = text[::-1]
    pos = previous = 0
    n = len(text)
    for start, end in ends:
        reach = words_back.match(back, n - start)  # (it matches, if only nothing)
        assert reach is not None
        frm = max(pos, previous, n - reach.end())
        if after_previous:
            previous = start
        while (found := search.search(text, frm, end)) is not None:
            out.append(found)
            frm = pos = found.end()
            if frm >= end:
                break  # (at the window's end, most often: no match is empty)
    return out


def in_windows_at(search: re.Pattern[str], windows: list[tuple[int, int, int]], count: int,
                  text: str, after_previous: bool, after: int = 0) -> list[re.Match[str]]:
    r"""`in_windows(search, ends, words_back, text, after_previous)` for a `words_back` of
    `(?:\s+\S+){0,count}+` read back from a place of each window (`windows`: (that place,
    start, end) of each word of `ends`, in order of their starts): each window starts no
    earlier than where the `count` words before that place start (`words_before`: at the
    end of the word before them, or earlier; the regex engine then skips the white space
    between). No window is searched that a match found before reached the end of; and a
    search stops at the window's end: no match is empty. (`after`: the end of a match found
    before the windows, in a window left out of them: none is searched before it.)"""
    out: list[re.Match[str]] = []
    pos = previous = after
    for anchor, start, end in windows:
        floor = pos if pos > previous else previous
        if after_previous:
            previous = start
        if floor >= end:
            continue
        frm = words_before(text, anchor, count, floor)
        while (found := search.search(text, frm, end)) is not None:
            out.append(found)
            frm = pos = found.end()
            if frm >= end:
                break
    return out


def words_before(text: str, at: int, count: int, floor: int = 0) -> int:
    r"""Where the `count` words before `at` start (as `(?:\s+\S+){0,count}+` reads them on the
    text reversed from `at`: white space and a word, each word a run of characters other
    than white space, `\s` as `str.isspace`), or earlier: the end of the word before them, or
    `floor` where none is after `floor` (no earlier than `floor` in any case, nor later than
    `max(floor, where they start)`). (`str.rsplit` splits the words off in C: a regex read
    back over them costs ~6,000 instructions, and the text reversed more. Fewer characters
    than `count` + 1 words and the white space between them take hold `count` words at most:
    `floor`, without the copy and the split, as for "He said" at a sentence's start.)"""
    if at - floor <= 2 * count:
        return floor
    pieces = text[floor:at].rsplit(None, count)
    return floor + len(pieces[0]) if len(pieces) > count else floor


def lowered(text: str) -> str | None:
    """`text` lower-cased, when matching an IGNORECASE pattern of ASCII words on `text` is
    matching it case-sensitively on the result, at the same offsets; else None. That holds
    for ASCII text, and for text with other letters ("Muñoz", "Đoković") but none of the
    four whose case the regex engine ties to an ASCII letter or that lower-case to more than
    one character: İ (to "i̇"), ı (matches "i"), ſ (matches "s"), the Kelvin sign K (to "k").
    (Every other character lower-cases to one character, not ASCII if it was not, in the
    same classes: \\w, \\s, \\d; checked over every code point by the unit tests.)"""
    low = text.lower()
    if text.isascii():
        return low
    if "İ" in text or "ı" in text or "ſ" in text or "\u212a" in text:
        return None
    return low
