"""Who the article cites: news outlets, named people and organisations.

Found by attribution patterns ("according to X", "X told Y", "X said", "per X", "X reported",
"X, the spokesperson for ...") and a list of well-known outlets.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from worker.extract import actors
from worker.extract.keyscan import Automaton, make_automaton
from worker.extract.text import after_space, in_windows_at, lowered, word_starts
from worker.extract.types import SourceMention
from worker.models import SourceKind

# Enum members as Final constants: the compiled core reads them as C statics, not
# as attributes of the (interpreted) enum classes.
_SK_ORGANIZATION: Final = SourceKind.ORGANIZATION
_SK_OUTLET: Final = SourceKind.OUTLET
_SK_PERSON: Final = SourceKind.PERSON
# (`actors.gate_read` and `actors.matches` are called directly: compiled together, a C call;
# a function held in a constant would be called through its Python wrapper.)

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
_OUTLET_SET: Final = {o.casefold() for o in KNOWN_OUTLETS}

# (possessive: whatever follows a name, a name word or the white space after one, "," or white
# space or a verb or nothing, cannot be taken from it, so giving back characters never makes a
# match: the engine does not try)
_NAME = r"[A-Z][\w'’.-]++(?:\s++(?:al-|bin\s+|de\s+|van\s+)?[A-Z][\w'’.-]++){0,3}+"
_ROLE = (r"(?:spokesperson|spokesman|spokeswoman|spokesmen|commander|chief|governor|minister|"
         r"official|officer|director|head|leader|president|mayor|chairman|secretary|"
         r"representative|deputy|general|colonel|administrator|commissioner|elder)")
# (`\b` before the name's first capital read after it, as "no word character before it": the
# pattern then opens with its capitals, which the regex engine skips to in C, where a `\b`
# first has it try the pattern at every place of the text)
_PERSON_ROLE: Final = re.compile(rf"(?P<name>[A-Z](?<!\w[A-Z]){_NAME.removeprefix('[A-Z]')}),\s+"
                                 rf"(?:the\s+|a\s+|an\s+)?(?:\w+\s+){{0,3}}{_ROLE}\b")
_ROLE_PERSON: Final = re.compile(rf"\b{_ROLE}\s+(?:of\s+(?:the\s+)?[\w ]{{0,40}}?\s+)?"
                          rf"(?P<name>(?:[A-Z][\w'’.-]+\s+)+[A-Z][\w'’.-]+)")
_TOLD: Final = re.compile(rf"\btold\s+(?:the\s+)?(?P<name>{_NAME})")
_ACCORDING: Final = re.compile(rf"\b(?:according to|per|citing|cited by|quoted by)\s+(?:the\s+)?"
                        rf"(?P<name>{_NAME})")
_SAID: Final = re.compile(rf"(?P<name>{_NAME})\s++(?:said|says|reported|reports|told|added|stated|"
                   rf"claimed|confirmed|announced|tweeted)\b")
#: _ORG_SAID's organisations, and its verbs after them.
_ORG_NAMES: Final = (
    r"police|army|military|authorities|officials|"
    r"ministry(?: of [A-Z]\w+)?|government|health ministry|interior ministry|defence ministry|"
    r"defense ministry|hospital officials|medics|residents|witnesses|security sources|"
    r"local sources|the group|rights groups?")
_ORG_SAID_VERB: Final = r"\s+(?:said|reported|told|confirmed|claimed)\b"
_ORG_SAID: Final = re.compile(
    rf"\b(?P<name>(?:the\s+)?(?:local\s+)?(?:{_ORG_NAMES})){_ORG_SAID_VERB}", re.IGNORECASE)


def _ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""`pattern` for ASCII text only: its `\w` and `\s` written as the ASCII characters they
    match there (`\s` holds \x1c-\x1f too, as `str.isspace`), and `’` left out of its name
    characters. On ASCII text it matches where `pattern` does, the same groups; several
    times cheaper a character, where the engine asks Unicode tables for `\w` and `\s` and
    reads a set with a character past Latin-1 as a slower big set."""
    twin = (pattern.pattern.replace(r"[\w'’.-]", r"[A-Za-z0-9_'.-]")
            .replace(r"[\w ]", r"[A-Za-z0-9_ ]").replace(r"\w", r"[A-Za-z0-9_]")
            .replace(r"\s", r"[\t-\r\x1c-\x20]"))
    assert "’" not in twin and r"\w" not in twin and r"\s" not in twin, twin
    return re.compile(twin, pattern.flags)


_SAID_A: Final = _ascii_twin(_SAID)
_PERSON_ROLE_A: Final = _ascii_twin(_PERSON_ROLE)
_ROLE_PERSON_A: Final = _ascii_twin(_ROLE_PERSON)
_TOLD_A: Final = _ascii_twin(_TOLD)
_ACCORDING_A: Final = _ascii_twin(_ACCORDING)
_STOP_NAMES: Final = {"The", "He", "She", "They", "It", "We", "This", "That", "But", "And", "On",
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
    # (the shared keyword pass's gates of ASCII text, read once for `_needed_read` and
    # `_org_said_read`)
    ascii = text.isascii()  # (the patterns' ASCII twins then: `_ascii_twin`)
    read = actors.gate_read(text) if ascii else None
    if read is not None and not read[0] & _SOURCE_GATES:
        return ()  # no word of any pattern (_ORG_SAID's verbs are _SAID's): most sentences
    found: dict[str, SourceMention] = {}
    # (text other than ASCII: its words too, from the same pass, see `_needed_in`; not
    # _ORG_SAID's, whose case is ignored: "ı" is an "i" to it, not to the pass)
    needed = _needed_read(text, read if read is not None else actors.gate_read(text))
    present = needed.present
    if present & _OUTLET_GATE:  # (an outlet's name is in the text)
        for name, kind, start, end in _outlets_in(text):
            _add(found, text, name, kind, start, end)
    # (each pattern written out, not a loop over a tuple of them: the compiled loop builds
    # the tuple and iterates it as objects every call)
    if present & _ROLE_GATE:
        _add_people(found, text, _person_role(text, needed.roles, ascii))
        _add_people(found, text, _starting_at(
            _ROLE_PERSON_A if ascii else _ROLE_PERSON, needed.roles, text, "o"))
    if present & _TOLD_GATE:
        _add_named(found, text, _starting_at(
            _TOLD_A if ascii else _TOLD, needed.told, text, "t"))
    if present & _ACCORDING_GATE:
        _add_named(found, text, _starting_at(
            _ACCORDING_A if ascii else _ACCORDING, needed.according, text, "t"))
    if present & _SAID_GATE:
        _add_named(found, text, _said_named(text, needed.verbs, ascii))
    for m in _org_found(text, read):  # (the name's span: the same on the text lower-cased)
        start, end = m.span("name")
        _add(found, text, text[start:end], _SK_ORGANIZATION, start, end)
    if not found:  # (most sentences cite none: no tuple made of an empty dict's values)
        return ()
    if len(found) < 2:  # (most others cite one source: nothing to sort)
        return tuple(found.values())
    return tuple(sorted(found.values(), key=_start_of))


def _add_people(found: dict[str, SourceMention], text: str, matches: list[re.Match[str]]
                ) -> None:
    """The names of `matches` (of _PERSON_ROLE or _ROLE_PERSON) added to `found` as people:
    those of more than one word that are not an outlet's."""
    for m in matches:
        start, end = m.span("name")  # (one call: the name read on the text, where it is)
        name = _trim_name(text[start:end])
        if name and name.casefold() not in _OUTLET_SET and " " in name:
            _add(found, text, name, _SK_PERSON, start, start + len(name))


def _add_named(found: dict[str, SourceMention], text: str, matches: list[re.Match[str]]
               ) -> None:
    """The names of `matches` (of _TOLD, _ACCORDING or _SAID) added to `found`: an outlet,
    a person (more than one word) or an organisation."""
    for m in matches:
        start, end = m.span("name")  # (one call: the name read on the text, where it is)
        name = _trim_name(text[start:end])
        if not name:
            continue
        kind = _SK_OUTLET if name.casefold() in _OUTLET_SET else (
            _SK_PERSON if " " in name else _SK_ORGANIZATION)
        _add(found, text, name, kind, start, start + len(name))


def _start_of(mention: SourceMention) -> int:
    return mention.start


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


_ROLE_WORDS: Final = tuple(_ROLE.removeprefix("(?:").removesuffix(")").split("|"))
_TOLD_WORDS: Final = ("told",)
_ACCORDING_WORDS: Final = ("according to", "per", "citing", "cited by", "quoted by")
_SAID_WORDS: Final = ("said", "says", "reported", "reports", "told", "added", "stated",
                      "claimed", "confirmed", "announced", "tweeted")


class _Needed:
    """Where, in a text, the words are that the patterns need (as `_needed_in` finds them):
    a pattern is tried only where its words are, not searched for over the whole text. (A
    plain class: compiled, a native class whose instance costs about what a tuple does;
    the dataclass it was cost ~2,000 instructions an instance.)"""

    def __init__(self) -> None:
        #: The gate bits (`_ROLE_GATE`...) of the patterns one of whose words may be there.
        self.present = 0
        #: Role words ((start, end), by start): where _ROLE_PERSON's matches start and
        #: _PERSON_ROLE's end (more places maybe: each is tried, and fails where none is).
        self.roles: list[tuple[int, int]] = []
        #: _SAID's verbs as written ((start, end), by start).
        self.verbs: list[tuple[int, int]] = []
        #: "told" and _ACCORDING's words ((start, end), by start): where _TOLD's and
        #: _ACCORDING's matches start (and more places maybe).
        self.told: list[tuple[int, int]] = []
        self.according: list[tuple[int, int]] = []


def _found(pattern: re.Pattern[str], text: str, needed: _Needed) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern of sources_of (`needed`: `_needed_in(text)`),
    as sources_of finds them, each tried only near its words: _ROLE_PERSON, _TOLD and
    _ACCORDING at the words they open with; _PERSON_ROLE and _SAID in windows that end at
    their role words and verbs. (For _PERSON_ROLE the same matches' names, not always their
    ends: see `_person_role`.)"""
    ascii = text.isascii()
    if pattern is _ROLE_PERSON:
        return _starting_at(_ROLE_PERSON_A if ascii else _ROLE_PERSON, needed.roles, text, "o")
    if pattern is _TOLD:
        return _starting_at(_TOLD_A if ascii else _TOLD, needed.told, text, "t")
    if pattern is _ACCORDING:
        return _starting_at(_ACCORDING_A if ascii else _ACCORDING, needed.according, text, "t")
    if pattern is _PERSON_ROLE:
        return _person_role(text, needed.roles, ascii)
    assert pattern is _SAID
    return _said(text, needed.verbs, ascii)


def _said(text: str, verbs: list[tuple[int, int]], ascii: bool) -> list[re.Match[str]]:
    """_SAID's matches in `text` (`verbs`: its verbs as written, by start), searched in
    windows that end at the verbs a match can end at (`_named_before`) and reach back the 7
    words a match holds at most before its verb (a name of 4 words, 3 of them after "bin",
    "de" or "van"; `ascii`: whether `text` is ASCII, read by its twin then, `_ascii_twin`)."""
    return in_windows_at(_SAID_A if ascii else _SAID, _named_before(verbs, text), 7, text, True)


def _said_named(text: str, verbs: list[tuple[int, int]], ascii: bool
                ) -> list[re.Match[str]]:
    """`_said(text, verbs, ascii)` less a first match whose name is a stop word
    (`_STOP_NAMES`) that opens the text ("He said ...", "It told ..."): `_add_named` drops
    its name (`_trim_name` leaves nothing of it), and it is not searched for. Such a match
    is the first window's whole (nothing but white space before the stop word, all of whose
    characters are a name's, and a lower-case verb after: the name can reach neither back
    nor on), and the windows after it are searched as after it (`in_windows_at`'s
    `after`)."""
    windows = _named_before(verbs, text)
    after = 0
    if windows:
        anchor, _, end = windows[0]
        # (the longest stop word, and white space: a longer start is not looked at)
        if anchor <= _STOP_REACH and text[:anchor].strip() in _STOP_NAMES:
            after = end
            windows = windows[1:]
    return in_windows_at(_SAID_A if ascii else _SAID, windows, 7, text, True, after)


#: How far into a text `_said_named` looks for a stop word before the first verb.
_STOP_REACH: Final = 16


def _person_role(text: str, roles: list[tuple[int, int]], ascii: bool
                 ) -> list[re.Match[str]]:
    """_PERSON_ROLE's matches in `text`, searched in windows that end at its role words (after
    white space, a word's end after them: where its `ROLE\b` can end) and reach back as many
    words as a match holds before its role word. A match that reads on over a role word to a
    later one ("Smith, the deputy head") is found ending at the first: the same start and
    name (a name is possessive: fixed by its start), and no other match starts before the
    later one (a match needs a name's comma, and only words and white space are between).
    Only the role words as written with a comma at most 4 words before (`_comma_before`) end
    a window: a match ends so; the window reaches back from that comma the 7 words a match
    holds before it (the word the comma ends and the 6 words before it: a name of 7 words
    with "bin", "de" or "van")."""
    windows: list[tuple[int, int, int]] = []
    for start, end in _spaced(roles, text):
        if text[start:end] in _ROLE_SET:
            comma = _comma_before(text, start, _COMMA_WORDS_A if ascii else _COMMA_WORDS)
            if comma >= 0:
                windows.append((comma, start, end))
    return in_windows_at(_PERSON_ROLE_A if ascii else _PERSON_ROLE, windows, 7, text, False)


def _comma_before(text: str, start: int, words: re.Pattern[str] | None = None) -> int:
    r"""Where the comma is that ends a name before the role word at `start`, at most 4 words
    before it ("Smith, the Kenyan army police chief": `,\s+(?:\w+\s+){0,4}` before the role
    word, an article among the words or not), or -1 if none is: where
    `(?:\s++\w++){0,4}+\s++,` matches read backwards from `start` on the text reversed, read
    forwards from the last comma before it (the words between hold none). (A search for a
    comma and a match: a reversed text and a match of a repeat read backwards cost several
    times that. `words`: _COMMA_WORDS, the default, or its ASCII twin for ASCII text.)"""
    comma = text.rfind(",", 0, start)
    if comma < 0 or (words if words is not None else _COMMA_WORDS).fullmatch(
            text, comma + 1, start) is None:
        return -1
    return comma


#: Between a name's comma and its role word: white space, and at most 4 words each with the
#: white space after it ("Smith, the Kenyan army police chief"). (Possessive: the words
#: cannot be read otherwise.)
_COMMA_WORDS: Final = re.compile(r"\s++(?:\w++\s++){0,4}+")
_COMMA_WORDS_A: Final = _ascii_twin(_COMMA_WORDS)
_ROLE_SET: Final = frozenset(_ROLE_WORDS)


def _needs_automaton() -> Automaton[tuple[int, int]]:
    """The words of the patterns and the outlets' names as written (every _OUTLET_NAMES match
    is one of them), each with the gate bits of the patterns that need it and its length."""
    bits_of: dict[str, int] = {}
    for bit, words in _GATE_WORDS_AS_WRITTEN.items():
        for word in words:
            bits_of[word] = bits_of.get(word, 0) | bit
    # (`keyscan`'s: the Rust one when built)
    return make_automaton((word, (bits, len(word))) for word, bits in bits_of.items())


def _needed_in(text: str) -> _Needed:
    """Where the words of the patterns are in `text` (`_needed_read`), from the shared
    keyword pass on any text: its words are whole words of the text lower-cased (by
    `actors.lowered`, each character at its offset), and a pattern's words, case as written
    and in ASCII, are whole words there too: the pass finds each of them (and more places,
    maybe: "İ" read as "i", a letter outside ASCII as a word's end; each is tried, and fails).
    (Text other than ASCII had a pass of its own, `_needed_by_pass`: words as written
    anywhere, each of its many places a tuple, ~28,000 instructions a sentence.)"""
    return _needed_read(text, actors.gate_read(text))


def _needed_read(text: str, read: tuple[int, list[tuple[int, int, int]]] | None) -> _Needed:
    """Where the words of the patterns are in `text` (`_Needed`; each pattern needs its word
    as a whole word, and an outlet's name is one). From the shared keyword pass (`_needed_in`),
    where a word in the text is one in the `words_of` form of the text lower-cased (more
    places, maybe, for roles, "told", _ACCORDING's words and `present`: each is tried, and
    fails where the word is not as a pattern needs it); else by `_needed_by_pass`. (`read`:
    `actors.gate_read(text)`, or None.)"""
    if read is None:
        return _needed_by_pass(text)
    needed = _Needed()
    for last, length, bits in read[1]:  # (not `hits_of`: no list of new tuples made)
        bits &= _SOURCE_GATES
        if not bits:
            continue
        needed.present |= bits
        start, end = last - length + 1, last - 1
        if bits & _ROLE_GATE:
            needed.roles.append((start, end))
        if bits & _SAID_GATE and _verb_as_written(text, start, end):
            needed.verbs.append((start, end))
        if bits & _TOLD_GATE:
            needed.told.append((start, end))
        if bits & _ACCORDING_GATE:
            needed.according.append((start, end))
    return _sorted(needed)


def _verb_as_written(text: str, start: int, end: int) -> bool:
    """`text[start:end] in _SAID_VERBS` for a place where the keyword pass found one of them
    as a whole word of the text lower-cased: where its characters are ASCII, they are the
    verb's own lower-cased (an ASCII letter is itself in both forms), so it is written as the
    pattern has it unless one is a capital A-Z ("Said", "TOLD"). (Its characters read by
    their codes: no slice made and hashed to look it up; any other character, the look-up.)"""
    for at in range(start, end):
        code = ord(text[at])
        if code >= 128:
            return text[start:end] in _SAID_VERBS
        if 65 <= code <= 90:
            return False
    return True


def _needed_by_pass(text: str) -> _Needed:
    """`_needed_in(text)` by a pass of its own (`_NEEDED`, words as written, anywhere)."""
    needed = _Needed()
    for last, (bits, length) in _NEEDED.iter(text):
        needed.present |= bits
        word = (last + 1 - length, last + 1)
        if bits & _ROLE_GATE:
            needed.roles.append(word)
        if bits & _SAID_GATE:
            needed.verbs.append(word)
        if bits & _TOLD_GATE:
            needed.told.append(word)
        if bits & _ACCORDING_GATE:
            needed.according.append(word)
    return _sorted(needed)


def _sorted(needed: _Needed) -> _Needed:
    """`needed` with its words in order of their starts (a pass finds them by their ends).
    (Most lists hold one word or none: not sorted.)"""
    if len(needed.roles) > 1:
        needed.roles.sort()
    if len(needed.verbs) > 1:
        needed.verbs.sort()
    if len(needed.told) > 1:
        needed.told.sort()
    if len(needed.according) > 1:
        needed.according.sort()
    return needed


def _starting_at(pattern: re.Pattern[str], words: list[tuple[int, int]], text: str,
                 article: str) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern whose matches start only where `words`
    ((start, end), by start) start: there it is tried, and nowhere else (_ROLE_PERSON,
    _TOLD and _ACCORDING open with `\\b` and one of their words, which a keyword pass found);
    and only where white space follows the word and then a capital A-Z, a name's first
    letter, or `article`, the first letter of the word each may hold before the name ("o" of
    _ROLE_PERSON's "of", "t" of the others' "the"). (Most of those words are followed by a
    word in lower case, "told reporters": there the regex engine is not called at all.)"""
    out: list[re.Match[str]] = []
    pos = 0
    n = len(text)
    for start, end in words:
        if start < pos:
            continue
        at = end
        while at < n and text[at].isspace():
            at += 1
        if at in (end, n):
            continue
        char = text[at]
        if char != article and not 65 <= ord(char) <= 90:  # (A-Z: ints compared)
            continue
        if (m := pattern.match(text, start)) is not None:
            out.append(m)
            pos = m.end()
    return out


def _spaced(words: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The words of `words` after white space and before a word's end (`\\b`, on words that
    end with a letter): where _SAID's matches can end."""
    n = len(text)
    return [(start, end) for start, end in words
            if start and text[start - 1].isspace() and not (end < n and _word_char(text[end]))]


def _word_char(char: str) -> bool:
    r"""Whether `char` is one the regex engine's `\w` matches (a letter or digit as
    `str.isalnum` has them, or "_"; `\s` is `str.isspace`: the engine asks the same tables).
    (A string method, not a regex match: no match object made for a yes or no.)"""
    return char.isalnum() or char == "_"


def _named_before(verbs: list[tuple[int, int]], text: str) -> list[tuple[int, int, int]]:
    """The verbs of `verbs` after white space and before a word's end (`_spaced`) whose word
    before holds a capital ("Smith said", not "he said"): where a _SAID match can end, as
    `in_windows_at`'s windows (its words read back from the verb). A search in a window that
    ends at another verb would find nothing; and none of the verbs left out, lower case, can
    be inside a name, so `in_windows_at` may start a window before them. (`_spaced` read in
    the same pass: `_capital_before` asks for the white space before the verb already.)"""
    n = len(text)
    return [(start, start, end) for start, end in verbs if _capital_before(text, start)
            and not (end < n and _word_char(text[end]))]


def _capital_before(text: str, start: int) -> bool:
    r"""Whether white space ends at `start` and the word before it (the characters up to the
    white space before them) holds a capital A-Z: as `\s++\S*?[A-Z]` read backwards from
    `start`. A _SAID match ends with a name's last word, `[A-Z][\w'’.-]++`, then white space
    and its verb: where the word before a verb holds no capital, no match ends at that verb.
    (Read character by character: a word or so, cheaper than a call of the regex engine.)"""
    # (each character read by its code, `ord(text[at])`: compiled, no string made of it nor
    # a method called on that, for the ~10 characters a verb's word reads back)
    at = start - 1
    if at < 0 or not _space_code(text, at):
        return False
    while at >= 0 and _space_code(text, at):
        at -= 1
    while at >= 0:
        code = ord(text[at])
        if 65 <= code <= 90:  # (A-Z)
            return True
        if code == 32 or 9 <= code <= 13 or 28 <= code <= 31 or (
                code >= 128 and text[at].isspace()):
            return False
        at -= 1
    return False


def _space_code(text: str, at: int) -> bool:
    """`text[at].isspace()`, an ASCII character read by its code: tab to carriage return, the
    four separators 0x1c-0x1f, the space (what `str.isspace` holds below 128)."""
    code = ord(text[at])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return text[at].isspace()


# _ORG_SAID without IGNORECASE, for lower-cased ASCII text (its [A-Z] then reads [a-z]): a
# case-sensitive search is several times faster; a match is taken again on the text itself.
# Its optional "the" and "local" are written out as the alternatives they make, in the order
# the engine tries them ("the local", "the", "local", neither): as optional groups, each was
# entered at every word start before the organisations were (~28% of the search's time).
_ORG_LOW_NAMES: Final = _ORG_NAMES.replace("[A-Z]", "[a-z]")
_ORG_SAID_LOW: Final = re.compile(
    rf"\b(?P<name>the\s+(?:local\s+)?(?:{_ORG_LOW_NAMES})|local\s+(?:{_ORG_LOW_NAMES})|"
    rf"{_ORG_LOW_NAMES}){_ORG_SAID_VERB}")
#: _ORG_SAID_LOW for lower-cased ASCII text (`_ascii_twin`).
_ORG_SAID_LOW_A: Final = _ascii_twin(_ORG_SAID_LOW)


#: Where an _ORG_SAID_LOW match ends: its verb, after white space; it starts at most 5 words
#: before ("the local ministry of defence said"). (Its organisation may hold a verb, "the
#: ministry of told said": so the windows are not cut at the verb before, see `in_windows`.)
_ORG_VERBS: Final = re.compile(r"\s(?:said|reported|told|confirmed|claimed)\b")
_ORG_VERB_WORDS: Final = frozenset(("said", "reported", "told", "confirmed", "claimed"))
#: The last words of _ORG_SAID's organisations ("ministry of [A-Z]\w+": "ministry" and the
#: word after "of"), as whole words: one of them is in every text it matches.
#: (Typed as a tuple of any length: the compiled core keeps it as one tuple object, where a
#: tuple of fixed length is boxed anew at each use.)
_ORG_LAST_WORDS: Final[tuple[str, ...]] = (
    "police", "army", "military", "authorities", "officials", "ministry", "government",
    "medics", "residents", "witnesses", "sources", "group", "groups")
#: The length of the longest of them.
_ORG_LAST_LONGEST: Final = max(len(word) for word in _ORG_LAST_WORDS)


def _org_said(text: str) -> list[re.Match[str]]:
    """`list(_ORG_SAID.finditer(text))` (`_org_said_read`)."""
    return _org_said_read(text, actors.gate_read(text) if text.isascii() else None)


def _org_said_read(text: str, read: tuple[int, list[tuple[int, int, int]]] | None
                   ) -> list[re.Match[str]]:
    """`list(_ORG_SAID.finditer(text))`, faster on ASCII text: searched in windows that end
    at its verbs where an organisation's last word is right before (`_org_verbs`) and reach
    back the 5 words a match holds at most before its verb. (`read`:
    `actors.gate_read(text)` for ASCII text, else None.)"""
    found = _org_found(text, read)
    if not found or (read is None and lowered(text) is None):
        return found  # (none, or _ORG_SAID's own on text neither ASCII nor `lowered`)
    out: list[re.Match[str]] = []
    for low_match in found:
        m = _ORG_SAID.match(text, low_match.start())
        assert m is not None
        out.append(m)
    return out


def _org_found(text: str, read: tuple[int, list[tuple[int, int, int]]] | None
               ) -> list[re.Match[str]]:
    """`_org_said_read(text, read)` as found: matches of _ORG_SAID_LOW (or its ASCII twin) on
    the text lower-cased, with the spans and groups' spans of _ORG_SAID's on the text (its
    groups read there: sources_of reads the name's span, not matching again), or of
    _ORG_SAID itself on the text where it is not lower-cased (`lowered`)."""
    if read is not None and read[0] & _ORG_GATES != _ORG_GATES:
        return []  # no organisation's last word, or no verb (`_org_verbs`)
    # (ASCII text lower-cased as the keyword pass has it already: `lowered`'s answer there)
    low = actors.matches(text)[0] if read is not None else lowered(text)
    if low is None:
        return list(_ORG_SAID.finditer(text))
    ends = _org_verbs(low, read)
    if not ends:
        return []
    return in_windows_at(_ORG_SAID_LOW_A if read is not None else _ORG_SAID_LOW, ends, 5, low,
                         False)


def _org_verbs(low: str, read: tuple[int, list[tuple[int, int, int]]] | None
               ) -> list[tuple[int, int, int]]:
    """Where an _ORG_SAID_LOW match can end in `low` (the text lower-cased), as
    `in_windows_at`'s windows (its words read back from the verb): its verbs after white
    space (`_ORG_VERBS`), an organisation's last word before them (`_org_before`). On ASCII
    text the verbs are read from the shared keyword pass (whole words: each such place is
    one, and more maybe, checked here; `read`: its `actors.gate_read(text)`, None for text
    that is not ASCII)."""
    n = len(low)
    if read is None:
        if not ("said" in low or "reported" in low or "told" in low or "confirmed" in low
                or "claimed" in low):
            return []  # the verbs the pattern ends with (tests in a row: no generator)
        return [(start, start, end) for start, end in after_space(_ORG_VERBS, low)
                if _org_before(low, start)]
    out: list[tuple[int, int, int]] = []  # (`_org_said` saw both gates, the words and a verb)
    org_end = -1  # (where the last organisation's last word found so far ends: -1, none)
    for last, length, bits in read[1]:
        if bits & _ORG_GATE:
            org_end = last - 1
        if not bits & _SAID_GATE:
            continue
        start, end = last - length + 1, last - 1
        if start and _org_verb_at(low, start, end) and low[start - 1].isspace() and \
                not (end < n and _word_char(low[end])) and _org_right_before(low, org_end, start):
            out.append((start, start, end))
    if len(out) > 1:
        out.sort()  # (the hits come by their ends)
    return out


def _org_verb_at(low: str, start: int, end: int) -> bool:
    """`low[start:end] in _ORG_VERB_WORDS` where the keyword pass found one of _SAID's verbs
    there, in `low`, ASCII text lower-cased (each is as written there): told from the others
    by its length and a character ("said" and "told" end with "d", "says" not; "claimed" and
    "confirmed" start with "c"; "reported" alone has 8 letters), no slice made and hashed."""
    size = end - start
    return (size == 4 and low[end - 1] == "d") or size == 8 or low[start] == "c"


def _org_right_before(low: str, org_end: int, start: int) -> bool:
    """Whether an _ORG_SAID_LOW match can end with the verb at `start` (after white space) of
    `low`, ASCII text lower-cased, where the last organisation's last word before the verb
    that the keyword pass found ends at `org_end` (-1: none): that word right before the
    white space, or "ministry of" in the text and `_org_before`. (Not every place where
    `_org_before` holds: only where a match can end. A match's organisation ends with one
    of its last words, a whole word (after `\b` or a space of the pattern, before white
    space: a gate word's place), or with "ministry of" and a word. A window more or less at
    a verb where no match ends changes nothing that `in_windows_at` finds: what a window
    finds ends at a verb of its own or one before, in that one's window. Most verbs are
    read in a comparison or two, where `_org_before` read back over a word or two.)"""
    if 0 <= org_end < start and (org_end == start - 1 or low[org_end:start].isspace()):
        return True  # (`low[start - 1]` is white space: asked before)
    return "ministry of" in low and _org_before(low, start)


def _org_before(low: str, start: int) -> bool:
    r"""Whether an _ORG_SAID_LOW match can end with the verb at `start` (after white space)
    of `low`: the word before that white space (up to the white space before it) ends with
    an organisation's last word, or the words before it end with "ministry of" (its
    "ministry of [a-z]\w+"). (Read in place, character by character back over a word or
    two: a regex read back on the text reversed, a reversed text for each, cost several
    times that.)"""
    # (as `words = low[:start].rsplit(None, 1)` read: `words[-1].endswith(_ORG_LAST_WORDS) or
    # (len(words) > 1 and words[0].endswith("ministry of"))`, without the copy of the text
    # before nor the split, a method call through Python's machinery in the compiled core. A
    # word ends with one of the last words, which hold no white space, where the text up to
    # the word's end does; and `words[0]` is the text up to the end of the word before)
    end = start
    while end and low[end - 1].isspace():
        end -= 1
    if not end:
        return False  # (no word before: `words` empty)
    if low[end - _ORG_LAST_LONGEST if end > _ORG_LAST_LONGEST else 0:end].endswith(
            _ORG_LAST_WORDS):
        return True
    at = end - 1
    while at and not low[at - 1].isspace():
        at -= 1  # (the word's start)
    while at and low[at - 1].isspace():
        at -= 1  # (the end of the word before)
    return at >= 11 and low[at - 11:at] == "ministry of"


_OUTLET_RE: Final = re.compile(r"(?<![\w])(?:" + "|".join(
    re.escape(o) for o in sorted(KNOWN_OUTLETS, key=len, reverse=True)) + r")(?![\w])")


# _OUTLET_RE without its look-behind: starting with the names, it lets the regex engine skip
# in C to the first letters of outlet names; _outlet_matches applies the look-behind.
_OUTLET_NAMES: Final = re.compile(_OUTLET_RE.pattern.removeprefix(r"(?<![\w])"))
#: The words of the patterns and the outlets' names as gates of the shared keyword pass
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
assert set(_SAID_WORDS) >= _ORG_VERB_WORDS
#: The words (case as written) one of which each pattern needs to match at all, by gate:
#: _PERSON_ROLE and _ROLE_PERSON a role word, _TOLD "told", _ACCORDING its openings, _SAID
#: its verbs, _OUTLET_NAMES an outlet's name.
_GATE_WORDS_AS_WRITTEN: Final[dict[int, tuple[str, ...]]] = {
    _ROLE_GATE: _ROLE_WORDS, _TOLD_GATE: _TOLD_WORDS, _ACCORDING_GATE: _ACCORDING_WORDS,
    _SAID_GATE: _SAID_WORDS, _OUTLET_GATE: KNOWN_OUTLETS,
}
actors.add_gate_words({
    **{bit: tuple(w.lower() for w in words) for bit, words in _GATE_WORDS_AS_WRITTEN.items()},
    _ORG_GATE: _ORG_LAST_WORDS,
}, whole=True)
_SAID_VERBS: Final = frozenset(_SAID_WORDS)
assert {word for word in _SAID_WORDS if _org_verb_at(word, 0, len(word))} == _ORG_VERB_WORDS
#: The words of the patterns and the outlets' names, found in one pass (`_needed_by_pass`).
_NEEDED: Final = _needs_automaton()


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
