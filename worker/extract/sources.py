"""Who the article cites: news outlets, named people and organisations.

Found by attribution patterns ("according to X", "X told Y", "X said", "per X", "X reported",
"X, the spokesperson for ...") and a list of well-known outlets.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

import ahocorasick

from worker.extract import actors
from worker.extract.text import after_space, in_windows, lowered, word_starts
from worker.extract.types import SourceMention
from worker.models import SourceKind

# Enum members as Final constants: the compiled core reads them as C statics, not
# as attributes of the (interpreted) enum classes.
_SK_ORGANIZATION: Final = SourceKind.ORGANIZATION
_SK_OUTLET: Final = SourceKind.OUTLET
_SK_PERSON: Final = SourceKind.PERSON

KNOWN_OUTLETS = (
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "BBC", "Al Jazeera",
    "CNN", "India Today", "New York Times", "The New York Times", "Washington Post",
    "The Guardian", "Xinhua", "Anadolu", "Anadolu Agency", "TOLOnews", "Tolo News", "Pajhwok",
    "Khaama Press", "Voice of America", "VOA", "Radio Free Europe", "RFE/RL", "Sky News",
    "Al Arabiya", "Daily Nation", "Nation", "The Standard", "Standard", "The Star", "Premium Times",
    "Punch", "Vanguard", "Dawn", "The Hindu", "Times of India", "NDTV", "SANA", "IRNA",
    "Interfax", "TASS", "RIA Novosti", "Ukrinform", "Kyiv Independent", "Bloomberg",
    "Financial Times", "Wall Street Journal", "Le Monde", "Radio Okapi", "Radio France "
    "Internationale", "RFI", "Garowe Online", "Shabelle", "Voice of Jihad", "Amaq",
    "Long War Journal", "Deutsche Welle", "DW", "Euronews", "Kenya News Agency", "KBC",
    "Citizen TV", "NTV", "Capital FM", "The EastAfrican", "Sudan Tribune", "Radio Dabanga",
)
_OUTLET_SET = {o.casefold() for o in KNOWN_OUTLETS}

# (possessive: whatever follows a name, a name word or the white space after one, "," or white
# space or a verb or nothing, cannot be taken from it, so giving back characters never makes a
# match: the engine does not try)
_NAME = r"[A-Z][\w'’.-]++(?:\s++(?:al-|bin\s+|de\s+|van\s+)?[A-Z][\w'’.-]++){0,3}+"
_ROLE = (r"(?:spokesperson|spokesman|spokeswoman|spokesmen|commander|chief|governor|minister|"
         r"official|officer|director|head|leader|president|mayor|chairman|secretary|"
         r"representative|deputy|general|colonel|administrator|commissioner|elder)")
_PERSON_ROLE = re.compile(rf"\b(?P<name>{_NAME}),\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){{0,3}}"
                          rf"{_ROLE}\b")
_ROLE_PERSON = re.compile(rf"\b{_ROLE}\s+(?:of\s+(?:the\s+)?[\w ]{{0,40}}?\s+)?"
                          rf"(?P<name>(?:[A-Z][\w'’.-]+\s+)+[A-Z][\w'’.-]+)")
_TOLD = re.compile(rf"\btold\s+(?:the\s+)?(?P<name>{_NAME})")
_ACCORDING = re.compile(rf"\b(?:according to|per|citing|cited by|quoted by)\s+(?:the\s+)?"
                        rf"(?P<name>{_NAME})")
_SAID = re.compile(rf"(?P<name>{_NAME})\s++(?:said|says|reported|reports|told|added|stated|"
                   rf"claimed|confirmed|announced|tweeted)\b")
_ORG_SAID = re.compile(
    r"\b(?P<name>(?:the\s+)?(?:local\s+)?(?:police|army|military|authorities|officials|"
    r"ministry(?: of [A-Z]\w+)?|government|health ministry|interior ministry|defence ministry|"
    r"defense ministry|hospital officials|medics|residents|witnesses|security sources|"
    r"local sources|the group|rights groups?))\s+(?:said|reported|told|confirmed|claimed)\b",
    re.IGNORECASE)
_STOP_NAMES = {"The", "He", "She", "They", "It", "We", "This", "That", "But", "And", "On",
               "In", "Also", "However", "Meanwhile", "Police", "Officials", "Authorities"}


def find_sources(text: str, offset: int = 0) -> list[SourceMention]:
    """Outlets, people and organisations cited in `text` (deduplicated by name, text order)."""
    found = sources_of(text)
    if not offset:
        return list(found)
    return [SourceMention(m.name, m.kind, offset + m.start, offset + m.end, m.text)
            for m in found]


# A sentence is read for its sources when building its event and for whoever a casualty
# figure is attributed to (casualties.py): the answer per text is kept for a while.
@lru_cache(maxsize=1024)
def sources_of(text: str) -> tuple[SourceMention, ...]:
    """`find_sources(text)`, kept for the last texts asked about."""
    found: dict[str, SourceMention] = {}
    present, roles, verbs = _needed_in(text)
    if _may_match(_OUTLET_NAMES, present):  # (an outlet's name is in the text)
        for name, kind, start, end in _outlets_in(text):
            _add(found, text, name, kind, start, end)
    for pattern in (_PERSON_ROLE, _ROLE_PERSON):
        if not _may_match(pattern, present):
            continue
        for m in _found(pattern, text, roles, verbs):
            name = _trim_name(m.group("name"))
            if name and name.casefold() not in _OUTLET_SET and " " in name:
                _add(found, text, name, _SK_PERSON, m.start("name"),
                     m.start("name") + len(name))
    for pattern in (_TOLD, _ACCORDING, _SAID):
        if not _may_match(pattern, present):
            continue
        for m in _found(pattern, text, roles, verbs):
            name = _trim_name(m.group("name"))
            if not name:
                continue
            kind = _SK_OUTLET if name.casefold() in _OUTLET_SET else (
                _SK_PERSON if " " in name else _SK_ORGANIZATION)
            _add(found, text, name, kind, m.start("name"), m.start("name") + len(name))
    for m in _org_said(text):
        _add(found, text, m.group("name"), _SK_ORGANIZATION, m.start("name"), m.end("name"))
    return tuple(sorted(found.values(), key=lambda s: s.start))


def _add(found: dict[str, SourceMention], text: str, name: str, kind: SourceKind, start: int,
         end: int) -> None:
    """`sources_of`'s source `name` (at `start`..`end` of `text`) added to `found` (by name
    folded) unless a stop word or there already. (A function of its own, not a closure: the
    compiled closure and its environment make a reference cycle on every call.)"""
    name = name.strip(" ,.").removeprefix("the ").removeprefix("The ")
    if not name or name in _STOP_NAMES:
        return
    key = name.casefold()
    if key not in found:
        found[key] = SourceMention(name, kind, start, end, text[start:end])


_ROLE_WORDS = tuple(_ROLE.removeprefix("(?:").removesuffix(")").split("|"))
#: Words (case as written) one of which each case-sensitive pattern needs to match at all.
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _PERSON_ROLE: _ROLE_WORDS, _ROLE_PERSON: _ROLE_WORDS, _TOLD: ("told",),
    _ACCORDING: ("according to", "per", "citing", "cited by", "quoted by"),
    _SAID: ("said", "says", "reported", "reports", "told", "added", "stated", "claimed",
            "confirmed", "announced", "tweeted"),
}


#: Patterns that open with `\b` before a word character, that `\b` left out: a pattern opening
#: with a character or a literal lets the regex engine skip in C to where it can start, where
#: a `\b` first makes it try every position. By id: hashing a pattern hashes its whole code.
_UNBOUNDED = {id(pattern): re.compile(pattern.pattern.removeprefix(r"\b"))
              for pattern in (_PERSON_ROLE, _TOLD, _ACCORDING)}


def _found(pattern: re.Pattern[str], text: str, roles: list[int], verbs: list[tuple[int, int]]
           ) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern of _NEEDS (`roles`, `verbs`: what
    `_needed_in` found in `text`): _ROLE_PERSON tried only at the role words, _SAID searched
    only in windows that end at its verbs after a word with a capital, the others by
    `_finditer`."""
    if pattern is _ROLE_PERSON:
        return _starting_at(_ROLE_PERSON, roles, text)
    if pattern is _SAID:
        back = text[::-1]
        return in_windows(_SAID, _named_before(_spaced(verbs, text), back), _NAME_WORDS_BACK,
                          text, True, back)
    return _finditer(pattern, text)


def _finditer(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    r"""`list(pattern.finditer(text))`; for a pattern of `_UNBOUNDED`, by its twin without the
    `\b`, which `word_starts` checks instead."""
    unbounded = _UNBOUNDED.get(id(pattern))
    if unbounded is None:
        return list(pattern.finditer(text))
    return word_starts(unbounded, text)


def _may_match(pattern: re.Pattern[str], present: set[int]) -> bool:
    """A cheap necessary condition: one of the words `pattern` needs is in the text
    (`present`: the ids of the patterns whose words `_needed_in` found)."""
    return id(pattern) in present


def _needs_automaton() -> ahocorasick.Automaton:
    """The words of _NEEDS and the outlets' names (every _OUTLET_NAMES match is one of them,
    as written), each with the ids of the patterns that need it and its length."""
    ids_of: dict[str, set[int]] = {}
    for key, words in [*((id(pattern), words) for pattern, words in _NEEDS.items()),
                       (id(_OUTLET_NAMES), KNOWN_OUTLETS)]:
        for word in words:
            ids_of.setdefault(word, set()).add(key)
    automaton = ahocorasick.Automaton()
    for word, ids in ids_of.items():
        automaton.add_word(word, (frozenset(ids), len(word)))
    automaton.make_automaton()
    return automaton


_ROLES: Final = id(_ROLE_PERSON)
_VERBS: Final = id(_SAID)


def _needed_in(text: str) -> tuple[set[int], list[int], list[tuple[int, int]]]:
    """The ids of the patterns of _NEEDS one of whose words may be in `text` (each pattern
    needs its word as a whole word, and an outlet's name is one); where role words start;
    where _SAID's verbs are, as written ((start, end), in order of their starts). From the
    shared keyword pass on ASCII text, where a word in the text is one in the `words_of`
    form of the text lower-cased (more places, maybe, for roles and `present`: each is
    tried, and fails where the word is not as a pattern needs it); else by `_needed_by_pass`."""
    if not text.isascii():
        return _needed_by_pass(text)
    present: set[int] = set()
    roles: list[int] = []
    verbs: list[tuple[int, int]] = []
    seen = 0
    for last, length, bits in actors.hits_of(actors.gate_read(text), _SOURCE_GATES):
        seen |= bits
        start = last - length + 1
        if bits & _ROLE_GATE:
            roles.append(start)
        if bits & _SAID_GATE and text[start:last - 1] in _SAID_VERBS:
            verbs.append((start, last - 1))
    for bit, ids in _PRESENT_OF:
        if seen & bit:
            present.update(ids)
    roles.sort()
    verbs.sort()
    return present, roles, verbs


def _needed_by_pass(text: str) -> tuple[set[int], list[int], list[tuple[int, int]]]:
    """`_needed_in(text)` by a pass of its own (`_NEEDED`, words as written, anywhere)."""
    present: set[int] = set()
    roles: list[int] = []
    verbs: list[tuple[int, int]] = []
    for end, (ids, length) in _NEEDED.iter(text):
        present.update(ids)
        if _ROLES in ids:
            roles.append(end + 1 - length)
        if _VERBS in ids:
            verbs.append((end + 1 - length, end + 1))
    roles.sort()
    verbs.sort()
    return present, roles, verbs


def _starting_at(pattern: re.Pattern[str], starts: list[int], text: str
                 ) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern whose matches start only at `starts`
    (sorted): there it is tried, and nowhere else (_ROLE_PERSON opens with `\\b` and a role
    word, which the Aho-Corasick pass found)."""
    out: list[re.Match[str]] = []
    pos = 0
    for start in starts:
        if start >= pos and (m := pattern.match(text, start)) is not None:
            out.append(m)
            pos = m.end()
    return out


def _spaced(words: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The words of `words` after white space and before a word's end (`\\b`, on words that
    end with a letter): where _SAID's matches can end."""
    return [(start, end) for start, end in words
            if start and _SPACE.match(text, start - 1) and _WORD_CHAR.match(text, end) is None]


#: Read backwards from the white space before a verb: the word before it holds a capital.
#: A _SAID match ends with a name's last word, `[A-Z][\w'’.-]++`, then white space and its
#: verb: where the word before a verb holds no capital, no match ends at that verb.
_CAPITAL_BEFORE = re.compile(r"\s++\S*?[A-Z]")


def _named_before(verbs: list[tuple[int, int]], back: str) -> list[tuple[int, int]]:
    """The verbs of `verbs` (after white space) whose word before holds a capital ("Smith
    said", not "he said"): where a _SAID match can end (`back`: the text reversed). A search
    in a window that ends at another verb would find nothing; and none of the verbs left
    out, lower case, can be inside a name, so `in_windows` may start a window before them."""
    n = len(back)
    return [(start, end) for start, end in verbs
            if _CAPITAL_BEFORE.match(back, n - start) is not None]


_SPACE = re.compile(r"\s")
_WORD_CHAR = re.compile(r"\w")
#: From a verb's start, read backwards: the 7 words before it, the most a _SAID match holds
#: before its verb (a name of 4 words, 3 of them after "bin", "de" or "van").
_NAME_WORDS_BACK = re.compile(r"(?:\s+\S+){0,7}+")


# _ORG_SAID without IGNORECASE, for lower-cased ASCII text (its [A-Z] then reads [a-z]): a
# case-sensitive search is several times faster; a match is taken again on the text itself.
_ORG_SAID_LOW = re.compile(_ORG_SAID.pattern.replace("[A-Z]", "[a-z]"))


#: Where an _ORG_SAID_LOW match ends: its verb, after white space; it starts at most 5 words
#: before ("the local ministry of defence said"). (Its organisation may hold a verb, "the
#: ministry of told said": so the windows are not cut at the verb before, see `in_windows`.)
_ORG_VERBS = re.compile(r"\s(?:said|reported|told|confirmed|claimed)\b")
_ORG_WORDS_BACK = re.compile(r"(?:\s+\S+){0,5}+")
_ORG_VERB_WORDS: Final = frozenset(("said", "reported", "told", "confirmed", "claimed"))
#: The last words of _ORG_SAID's organisations ("ministry of [A-Z]\w+": "ministry" and the
#: word after "of"), as whole words: one of them is in every text it matches.
_ORG_LAST_WORDS: Final = ("police", "army", "military", "authorities", "officials",
                          "ministry", "government", "medics", "residents", "witnesses",
                          "sources", "group", "groups")
#: Read backwards from the white space before a verb: an organisation's last word before it
#: (reversed; `\w+ fo yrtsinim`: "ministry of" and a word). An _ORG_SAID_LOW match ends so.
_ORG_BEFORE = re.compile(r"\s+(?:" + "|".join(w[::-1] for w in _ORG_LAST_WORDS)
                         + r"|\w+ fo yrtsinim)")


def _org_said(text: str) -> list[re.Match[str]]:
    """`list(_ORG_SAID.finditer(text))`, faster on ASCII text: searched in windows that end
    at its verbs where an organisation's last word is right before (`_org_verbs`)."""
    if text.isascii() and actors.gate_read(text)[0] & _ORG_GATES != _ORG_GATES:
        return []  # no organisation's last word, or no verb (`_org_verbs`)
    low = lowered(text)
    if low is None:
        return list(_ORG_SAID.finditer(text))
    back = low[::-1]
    ends = _org_verbs(text, low, back)
    if not ends:
        return []
    out: list[re.Match[str]] = []
    for found in in_windows(_ORG_SAID_LOW, ends, _ORG_WORDS_BACK, low, False, back):
        m = _ORG_SAID.match(text, found.start())
        assert m is not None
        out.append(m)
    return out


def _org_verbs(text: str, low: str, back: str) -> list[tuple[int, int]]:
    """Where an _ORG_SAID_LOW match can end in `low` (`text` lower-cased, `back` reversed):
    its verbs after white space (`_ORG_VERBS`), an organisation's last word before them
    (`_ORG_BEFORE`). On ASCII text the verbs and those words are read from the shared
    keyword pass (whole words: each such place is one, and more maybe, checked here)."""
    n = len(low)
    if not text.isascii():
        if not ("said" in low or "reported" in low or "told" in low or "confirmed" in low
                or "claimed" in low):
            return []  # the verbs the pattern ends with (tests in a row: no generator)
        return [(start, end) for start, end in after_space(_ORG_VERBS, low)
                if _ORG_BEFORE.match(back, n - start) is not None]
    read = actors.gate_read(text)
    if read[0] & _ORG_GATES != _ORG_GATES:
        return []  # no organisation's last word, or no verb
    out: list[tuple[int, int]] = []
    for last, length, _ in actors.hits_of(read, _SAID_GATE):
        start, end = last - length + 1, last - 1
        if start and low[start:end] in _ORG_VERB_WORDS and _SPACE.match(low, start - 1) and \
                _WORD_CHAR.match(low, end) is None and \
                _ORG_BEFORE.match(back, n - start) is not None:
            out.append((start, end))
    out.sort()
    return out


_OUTLET_RE = re.compile(r"(?<![\w])(?:" + "|".join(
    re.escape(o) for o in sorted(KNOWN_OUTLETS, key=len, reverse=True)) + r")(?![\w])")


# _OUTLET_RE without its look-behind: starting with the names, it lets the regex engine skip
# in C to the first letters of outlet names; _outlet_matches applies the look-behind.
_OUTLET_NAMES = re.compile(_OUTLET_RE.pattern.removeprefix(r"(?<![\w])"))
#: The words of _NEEDS and the outlets' names, found in one pass (`_needed_in`).
_NEEDED = _needs_automaton()

#: The words of _NEEDS and the outlets' names as gates of the shared keyword pass
#: (`actors.matches`, made for every sentence by classify), each a whole word: the bits
#: above 1 << 22 (casualties and events take those below).
_ROLE_GATE: Final = 1 << 23
_TOLD_GATE: Final = 1 << 24
_ACCORDING_GATE: Final = 1 << 25
_SAID_GATE: Final = 1 << 26
_OUTLET_GATE: Final = 1 << 27
_SOURCE_GATES: Final = _ROLE_GATE | _TOLD_GATE | _ACCORDING_GATE | _SAID_GATE | _OUTLET_GATE
#: An organisation's last word (`_ORG_LAST_WORDS`), and what `_org_verbs` needs: that and a
#: verb of _SAID (those of _ORG_SAID are among them). (Above the dates' and actors' bits.)
_ORG_GATE: Final = 1 << 34
_ORG_GATES: Final = _ORG_GATE | _SAID_GATE
assert set(_NEEDS[_SAID]) >= _ORG_VERB_WORDS
actors.add_gate_words({
    _ROLE_GATE: _ROLE_WORDS, _TOLD_GATE: _NEEDS[_TOLD], _ACCORDING_GATE: _NEEDS[_ACCORDING],
    _SAID_GATE: _NEEDS[_SAID], _OUTLET_GATE: tuple(o.lower() for o in KNOWN_OUTLETS),
    _ORG_GATE: _ORG_LAST_WORDS,
}, whole=True)
_SAID_VERBS: Final = frozenset(_NEEDS[_SAID])
_PRESENT_OF: Final[tuple[tuple[int, tuple[int, ...]], ...]] = (
    (_ROLE_GATE, (id(_PERSON_ROLE), id(_ROLE_PERSON))), (_TOLD_GATE, (id(_TOLD),)),
    (_ACCORDING_GATE, (id(_ACCORDING),)), (_SAID_GATE, (id(_SAID),)),
    (_OUTLET_GATE, (id(_OUTLET_NAMES),)))


def _outlet_matches(text: str) -> list[re.Match[str]]:
    r"""`_OUTLET_RE.finditer(text)`: its look-behind is `word_starts`'s `\b` before a name."""
    return word_starts(_OUTLET_NAMES, text)


def _outlets_in(text: str) -> list[tuple[str, SourceKind, int, int]]:
    out = []
    for m in _outlet_matches(text):
        name = m.group()
        if name in ("AP", "Nation", "Standard", "DW", "NTV", "KBC") and not _cited(text, m):
            continue
        out.append((name, _SK_OUTLET, m.start(), m.end()))
    return out


def _cited(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 25):m.start()].lower()
    after = text[m.end():m.end() + 12].lower()
    return any(w in before for w in ("according to", "told", "per ", "quoted")) or any(
        w in after for w in ("said", "reported", "quoted"))


def _trim_name(name: str) -> str:
    words = name.split()
    while words and words[0] in _STOP_NAMES:
        words = words[1:]
    return " ".join(words).rstrip(".,")
