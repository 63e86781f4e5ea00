"""Sentences with their character offsets in the article body."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick

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


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; offsets index into `text`. Never returns empty sentences."""
    out: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        chunk = text[start:end].rstrip()
        # (_ABBREV ends with a period: no need to search before anything else)
        if chunk.endswith(".") and "\n" not in match.group():
            stripped_end = start + len(chunk)
            if search_before(_ABBREV, _ABBREV_MIRROR, text, max(start, stripped_end - 8),
                             stripped_end):
                continue
        _append(out, chunk, start)
        start = end
    _append(out, text[start:].rstrip(), start)
    return out


def _append(out: list[Sentence], chunk: str, start: int) -> None:
    """Add `chunk`, the text from `start` with its end's white space stripped, without the
    white space it opens with, if anything is left."""
    body = chunk.lstrip()
    if body:
        begin = start + len(chunk) - len(body)
        out.append(Sentence(begin, begin + len(body), body))


def keyword_automaton(groups: Iterable[tuple[int, Iterable[str]]]) -> ahocorasick.Automaton:
    """One Aho-Corasick automaton over every group's words; each word's value is the
    frozenset of the keys of the groups that hold it (a pass tells which groups can match)."""
    keys_of: dict[str, set[int]] = {}
    for key, words in groups:
        for word in words:
            keys_of.setdefault(word, set()).add(key)
    automaton = ahocorasick.Automaton()
    for word, keys in keys_of.items():
        automaton.add_word(word, frozenset(keys))
    automaton.make_automaton()
    return automaton


def bits_automaton(words_of: dict[int, tuple[str, ...]]) -> ahocorasick.Automaton:
    """One Aho-Corasick automaton over the words of every bit (`words_of`: bit -> words);
    each word's value is the OR of the bits that hold it (a pass tells which can match)."""
    bits: dict[str, int] = {}
    for bit, words in words_of.items():
        for word in words:
            bits[word] = bits.get(word, 0) | bit
    automaton = ahocorasick.Automaton()
    for word, value in bits.items():
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


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


_WORD_CHAR = re.compile(r"\w")


def word_starts(search: re.Pattern[str], text: str, low: str | None = None,
                pattern: re.Pattern[str] | None = None) -> list[re.Match[str]]:
    r"""`list(re.compile(r"\b" + search.pattern).finditer(text))` for a `search` whose matches
    open with a word character (there `\b` means: no word character before). A pattern that
    opens with its words (not with `\b`) lets the regex engine skip in C to their first
    letters; where a match follows a word character, the search goes on from the next
    character, as the regex engine's would.

    With `low` (the text lower-cased by `lowered`: the same offsets), `search` (case-sensitive)
    runs on `low` and `pattern` (the IGNORECASE original) is matched on `text` where it found a
    match, for the groups as written; a `search` that keeps its opening `\b` or look-behind
    is also fine (the word check then never fires). (A list, not a generator: compiled, a
    generator object and its resumptions cost more than the few matches there are.)"""
    searched = text if low is None else low
    out: list[re.Match[str]] = []
    pos = 0
    while (found := search.search(searched, pos)) is not None:
        start = found.start()
        if start and _WORD_CHAR.match(searched, start - 1):
            pos = start + 1
            continue
        if pattern is None:
            out.append(found)
        else:
            m = pattern.match(text, start)
            assert m is not None
            out.append(m)
        pos = found.end()
    return out


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
    return out


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
