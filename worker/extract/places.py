"""Places in text, resolved against the gazetteer; the event's location.

Candidates are runs of capitalised words (and the small words inside names: "de", "al-"),
cut at sentence ends and at "of". Each is looked up once by its folded core name (else as a
spelling variant, a town-district name or the first words of a longer name); then every
lookup votes for the country the text is about, with country names, demonyms, unambiguous
regions and towns inside a region the text also names ("Mabai (Kankara LGA, Katsina)").
An ambiguous name is settled by that country, by a region named elsewhere in the text, by
the cue words around it ("in", "near", "village of", "district") and by population. Outlets
and actors ("India Today", "Taliban") are not places; demonyms place nothing; a country alone
is placed at its capital (precision 3); a district the gazetteer has no point for takes its
province's. A province keeps the text's own spelling.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import product
from typing import Final

from worker.extract.countries import (
    acled_admin1,
    acled_country_name,
    capital_name,
    find_countries,
    region_alias,
)
from worker.extract.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_COUNTRY,
    NATIVE_REGION_NAMES,
    Gazetteer,
    Place,
    core,
    country_name,
    ratio,
    skeleton,
)
from worker.extract.keyscan import ASCII_HOLDS, PLACE_CANDIDATES
from worker.extract.text import mirrored, search_before
from worker.extract.types import PlaceMention

#: The small words inside names ("Rio de Janeiro", "Bin Laden", "Dar es Salaam" aside).
_JOINERS: Final = "de|del|da|do|dos|das|el|es|al|la|le|les|of|bin|ibn|wa|y"


def _candidate_pattern(capitals: str, word: str, space: str, al: bool) -> str:
    """The pattern of a candidate: a capitalised word not right after a word character, an
    apostrophe or a hyphen, then every capitalised word after it, apart by white space and
    perhaps a small word (`_JOINERS`); with `al`, "al-Bab" counts as a capitalised word.

    `capitals`, `word`: the insides of the classes of capital letters and of the characters of
    a word (but the hyphen and the full stop); `space`: white space. (First character before
    the look-behind: the engine skips in C.) Possessive repeats (`*+`, `++`): a word, the white
    space after it and the run of words are kept whole, as the greedy repeats they stand for
    always are (what follows them cannot fail), and the engine keeps no backtracking state for
    them. Between two words there is white space: a hyphen would have been taken by the word
    before it (`tests/unit/test_place_scan.py` holds the pattern as first written and checks
    them against it)."""
    capital, rest = f"[{capitals}]", f"[{word}-]*+"
    joined = rf"(?:{space}++(?:(?:{_JOINERS}){space}+)?"
    if not al:
        return rf"{capital}(?<![{word}-].)[{word}.-]*+{joined}{capital}{rest})*+"
    return (rf"[{capitals}a](?<![{word}-].)(?:(?<={capital})[{word}.-]*+|(?<=a)l-{capital}{rest})"
            rf"{joined}(?:{capital}{rest}|al-{capital}{rest}))*+")


#: The candidate patterns of the text itself (`_candidates` runs their bytes' counterparts).
_CANDIDATE: Final = re.compile(_candidate_pattern("A-Z", r"\w'’", r"\s", al=True))
#: _CANDIDATE for text without "al-", where its branches for "al-" names cannot match: the
#: engine then skips in C to capital letters only, not to every "a" as well.
_CANDIDATE_PLAIN: Final = re.compile(_candidate_pattern("A-Z", r"\w'’", r"\s", al=False))
#: What `\w` and `\s` of a text pattern match in ASCII text (`\s`: the four separators too).
_ASCII_WORD: Final = "A-Za-z0-9_'"
_ASCII_SPACE: Final = r"[\t\n\x0b\x0c\r\x1c-\x1f ]"
_CAPITALS_AS_A: Final = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"A" * 26)
#: The classes of the candidate patterns' characters in text read as bytes (`_reading`), bits
#: of a byte each (`_KINDS`): `_ASCII_WORD`, the hyphen, the full stop, white space
#: (`_ASCII_SPACE`).
_WORD: Final = 1
_HYPHEN: Final = 2
_DOT: Final = 4
_SPACE: Final = 8
_KINDS: Final = bytes(
    (_WORD if chr(code) in "_'" or (code < 128 and chr(code).isalnum()) else 0)
    | (_HYPHEN if code == 0x2D else 0) | (_DOT if code == 0x2E else 0)
    | (_SPACE if code < 128 and re.fullmatch(_ASCII_SPACE, chr(code)) else 0)
    for code in range(256))
_JOINER_BYTES: Final = frozenset(word.encode("ascii") for word in _JOINERS.split("|"))
_JOINER_LONGEST: Final = max(len(word) for word in _JOINER_BYTES)
#: `_JOINERS` for the Rust scan, apart by spaces.
_JOINERS_SPACED: Final = _JOINERS.replace("|", " ").encode("ascii")
_A: Final = 0x41  # "A", every capital letter of text read as bytes


def _candidates(text: str) -> list[tuple[int, int]]:
    """(start, end) of every candidate of `text` (`_candidate_bounds` in pairs)."""
    bounds = _candidate_bounds(text)
    return [(bounds[at], bounds[at + 1]) for at in range(0, len(bounds), 2)]


def _candidate_bounds(text: str) -> list[int]:
    """The start and the end of every candidate of `text`, after each other in one flat
    list (no tuple made per candidate): the matches of `_CANDIDATE` (of
    `_CANDIDATE_PLAIN` where the text holds no "al-"), found in the text read as bytes
    (`_reading`) without the regex engine, which costs thousands of instructions a match:
    by the Rust scan where it is built (`keyscan.PLACE_CANDIDATES`: a compiled call or two
    a byte of each candidate, the place finder's largest loop, made one call; it reads an
    ASCII text as it is, without `_reading`'s copy and translation, and any other as
    `_reading` reads it, asking `_stand_in_of` once per character outside ASCII), else by
    `_candidates_pure`. (`tests/unit/test_place_scan.py` checks them against the patterns,
    and the two against each other.)"""
    if PLACE_CANDIDATES is not None:
        return PLACE_CANDIDATES(text, _KINDS, _JOINERS_SPACED, _stand_in_of)
    return [bound for pair in _candidates_pure(_reading(text)) for bound in pair]


def _candidates_pure(read: bytes) -> list[tuple[int, int]]:
    """`_candidates` of the text read as bytes, `read`: `bytes.find` skips to the next
    capital ("A") or "al-A" in C, and the few characters of each candidate are read one by
    one (`_run`, `_words_end`)."""
    scan = read.decode("ascii")  # (`str.find` a primitive of the compiled core, not a call)
    # (text without "al-" holds no "al-A"; with "al-" but no "al-A" it is read as without:
    # "al-" and a capital can start nowhere. One search of the text, not two.)
    al_start = scan.find("al-A")
    al = al_start >= 0
    out = []
    pos = 0
    capital = _next_start(read, scan, "A", 0)
    if al:
        al_start = _next_start(read, scan, "al-A", al_start)
    while capital >= 0 or al_start >= 0:
        # the first place either may start at, from `pos` on (a match leaves the next
        # search at its end)
        if capital >= 0 and (al_start < 0 or capital < al_start):
            start, end = capital, _words_end(read, _run(read, capital + 1, True), al)
        else:
            start, end = al_start, _words_end(read, _run(read, al_start + 4, False), al)
        out.append((start, end))
        pos = end
        if 0 <= capital < pos:
            capital = _next_start(read, scan, "A", pos)
        if 0 <= al_start < pos:
            al_start = _next_start(read, scan, "al-A", pos)
    return out


def _next_start(read: bytes, scan: str, first: str, pos: int) -> int:
    """Where `first` (a capital, or "al-" and a capital) next follows, from `pos` on, no word
    character or hyphen (the patterns' look-behind `(?<![\\w'’-].)`), or -1. (`scan`: `read`
    as a str.)"""
    at = scan.find(first, pos)
    while at > 0 and _KINDS[read[at - 1]] & (_WORD | _HYPHEN):
        at = scan.find(first, at + 1)
    return at


def _run(read: bytes, at: int, dots: bool) -> int:
    """Where the run of word characters and hyphens (and full stops, `dots`) from `at` ends
    (`[\\w'’.-]*+`, `[\\w'’-]*+`)."""
    size = len(read)
    kinds = _WORD | _HYPHEN | _DOT if dots else _WORD | _HYPHEN
    while at < size and _KINDS[read[at]] & kinds:
        at += 1
    return at


def _words_end(read: bytes, at: int, al: bool) -> int:
    """Where the words of a candidate whose first word ends at `at` end: each further word
    follows white space and perhaps a small word (`_JOINERS`) and white space, and is a
    capitalised word (or, with `al`, "al-" and one)."""
    size = len(read)
    while True:
        space = _spaces_end(read, at)
        if space == at:
            return at
        joined = -1
        small = space
        longest = space + _JOINER_LONGEST  # (a longer small word is no joiner: read no further)
        while small < size and small <= longest and 0x61 <= read[small] <= 0x7A:  # a-z
            small += 1
        if space < small <= longest and small < size and _KINDS[read[small]] & _SPACE and (
                read[space:small] in _JOINER_BYTES):
            joined = _word_at(read, _spaces_end(read, small), al)
        if joined < 0:
            joined = _word_at(read, space, al)
            if joined < 0:
                return at
        at = joined


def _spaces_end(read: bytes, at: int) -> int:
    """Where the white space from `at` ends."""
    size = len(read)
    while at < size and _KINDS[read[at]] & _SPACE:
        at += 1
    return at


def _word_at(read: bytes, at: int, al: bool) -> int:
    """The end of a capitalised word (with `al`, or of "al-" and one) at `at`, or -1."""
    if at < len(read) and read[at] == _A:
        return _run(read, at + 1, False)
    if al and read.startswith(b"al-A", at):
        return _run(read, at + 4, False)
    return -1


def _reading(text: str) -> bytes:
    """`text` as bytes, one to a character, with its capital letters all "A": a copy and a
    table look-up per byte in C. A character outside ASCII (a few in a text, if any: "José")
    becomes the ASCII character that stands for it in the candidate patterns
    (`_stand_in`)."""
    if text.isascii():
        return text.encode("ascii").translate(_CAPITALS_AS_A)
    read = bytearray(text.encode("ascii", "replace"))  # (each such character a "?")
    at = read.find(b"?")
    while at >= 0:
        if text[at] != "?":
            read[at] = _stand_in(text[at])
        at = read.find(b"?", at + 1)
    return bytes(read.translate(_CAPITALS_AS_A))


def _stand_in_of(code: int) -> int:
    """`_stand_in` of the character of `code` (the Rust scan's question)."""
    return _stand_in(chr(code))


def _stand_in(char: str) -> int:
    """The ASCII byte a character outside ASCII is read as: as the text patterns' classes
    hold it, the apostrophe "’" as "'", other word characters (`\\w`: letters and digits, never
    a capital of `[A-Z]`) as "_" (no letter: "ál-" is no "al-"), white space (`\\s`) as " ",
    anything else as "#" (in no class)."""
    if char == "’":
        return 0x27  # "'"
    if char.isalnum():
        return 0x5F  # "_"
    if char.isspace():
        return 0x20  # " "
    return 0x23  # "#"


_CUE_PREPOSITIONS: Final = ("in|near|at|outside|around|from|into|of|towards|to|across|between|"
                            "and|on")
_CUE_COMPASS: Final = ("central|northern|southern|eastern|western|northeastern|north-eastern|"
                       "northwestern|north-western|southeastern|south-eastern|southwestern|"
                       "south-western|downtown|rural")
_CUE_AREAS: Final = ("town|city|village|villages|district|province|county|region|area|state|"
                     "governorate|municipality|outskirts|suburb|camp|locality|neighbourhood|"
                     "neighborhood|commune|department|sub-county|ward|vicinity")
_CUE_BEFORE: Final = re.compile(
    rf"(?:\b(?:{_CUE_PREPOSITIONS})\s+(?:the\s+)?(?-i:(?:{_CUE_COMPASS})\s+)?"
    rf"(?:(?:{_CUE_AREAS})\s+of\s+)?|,\s*)$",
    re.IGNORECASE)
#: _CUE_BEFORE backwards, for `search_before`.
_CUE_BEFORE_MIRROR: Final = re.compile(
    rf"(?:(?:\s+fo\s+(?:{mirrored(_CUE_AREAS)}))?(?-i:\s+(?:{mirrored(_CUE_COMPASS)}))?"
    rf"(?:\s+eht)?\s+(?:{mirrored(_CUE_PREPOSITIONS)})\b|\s*,)",
    re.IGNORECASE)
_NEAR_BEFORE: Final = re.compile(
    r"\b(?:near|outside|outskirts of|close to|north of|south of|east of|west of|km from|"
    r"kilometres from|kilometers from)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_PLACES: Final = frozenset(
    "the a an on in at of and but or he she they it we this that these those there then "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec police army military government president minister ministry "
    "reuters taliban islamic state al shabaab boko haram isis un nato eu us uk "
    "western eastern northern southern central north south east west "
    "christian muslim muslims christians god allah covid coronavirus "
    "national forces force security defence defense people civilians protesters "
    "according however meanwhile also other others several many one two three four five six "
    "seven eight nine ten eleven twelve twenty dozens hundreds some no mr mrs dr gen col "
    "ngo ngos un unhcr icrc msf roma arab molotov ramadan "
    "village town district region ward quarter camp".split())
# (English 'Roma' are people, the city is Rome; 'Arab' towns, 'Molotov' cocktails, the month;
# a word for a place alone is none ("Village mob torches homes" is not Village, St Lucia))
_COMPASS: Final = frozenset("north south east west northern southern eastern western central "
                            "upper lower".split())
_AWAY_WORDS: Final = "from|to|into|towards|toward|via|border with|borders with|border of"
_AWAY_BEFORE: Final = re.compile(rf"\b(?:{_AWAY_WORDS})\s+(?:the\s+)?$", re.IGNORECASE)
_AWAY_BEFORE_MIRROR: Final = re.compile(rf"(?:\s+eht)?\s+(?:{mirrored(_AWAY_WORDS)})\b",
                                        re.IGNORECASE)
#: The last letters of the words `_AWAY_BEFORE` ends with (its words, "the"), either case.
#: The words of `_AWAY_WORDS` that stand alone (not "border with" and the like).
_AWAY_ONE_WORDS: Final = frozenset(w for w in _AWAY_WORDS.split("|") if " " not in w)
_AWAY_LAST: Final = "".join(sorted({word[-1] for word in (*_AWAY_WORDS.split("|"), "the")}
                                   | {word[-1].upper() for word in (*_AWAY_WORDS.split("|"),
                                                                    "the")}))


_CUE_WORDS: Final = frozenset(_CUE_PREPOSITIONS.split("|"))
#: `_CUE_WORDS`, and "the", in either case of each letter: an ASCII word is one of them as
#: its lower case is one of those (looked up without lower-casing it).
_CUE_CASES: Final = frozenset("".join(v) for word in _CUE_WORDS
                              for v in product(*({c, c.upper()} for c in word)))
_THE_CASES: Final = frozenset("".join(v) for v in product(*({c, c.upper()} for c in "the")))
_COMPASS_CUES: Final = frozenset(_CUE_COMPASS.split("|"))  # (lower case alone: `(?-i:...)`)


def _cue_before(text: str, start: int, ascii_text: bool = False) -> bool:
    """Whether a cue ("in", "near the", "in northern", a comma) comes right before `start`:
    `_CUE_BEFORE.search(text, max(0, start - 40), start)`, read backwards word by word
    (`_cue_words_before`) where the 40 characters before `start` are ASCII (a search costs
    thousands of instructions, and most names ask); by the pattern elsewhere (letters outside
    ASCII may fold to ASCII ones as the pattern compares them). `ascii_text`: the whole text is
    ASCII, known already."""
    if start == 0:
        return False
    last = text[start - 1]
    if not last.isspace():
        return last == ","  # (",\\s*$")
    begin = start - 40 if start > 40 else 0
    end = _space_back(text, start, begin)
    if end == begin:
        return False  # (white space alone is no cue)
    if text[end - 1] == ",":
        return True
    if ascii_text or text[begin:start].isascii():
        return _cue_words_before(text, begin, end)
    return search_before(_CUE_BEFORE, _CUE_BEFORE_MIRROR, text, begin, start)


def _cue_words_before(text: str, begin: int, end: int) -> bool:
    """Whether `text[begin:end]` (ASCII, then white space) ends with the words of a cue:
    a preposition ("in", "(near"), perhaps "the", perhaps a compass word in lower case ("in
    the northern"). (A cue's area words end in "of", a preposition itself: "in the district
    of" ends as "of" does.) Each word but the preposition follows white space; the preposition
    follows no word character (`\\b`, which looks before `begin` too). The last word is
    most often letters alone after a space: found by `str.rfind` and one slice (`_after_space`),
    where reading it back character by character costs hundreds of instructions a word."""
    at = _after_space(text, end, begin)
    word = text[at:end]
    if word.isalnum():  # (then it is both the word and the run of letters and digits)
        if word in _CUE_CASES:  # "in"
            return _boundary_before(text, at)
    else:
        at = _alnums_back(text, end, begin)
        if text[at:end] in _CUE_CASES:  # "(near"
            return _boundary_before(text, at)
        at = _word_back(text, end, begin)
        word = text[at:end]
    if word in _COMPASS_CUES:  # "in northern", "in the northern"
        end = _space_back(text, at, begin)
        if end in (at, begin):
            return False
        at = _word_back(text, end, begin)
        if text[at:end] not in _THE_CASES:
            return _preposition_before(text, end, begin)
    elif word not in _THE_CASES:
        return False  # (a word of no cue)
    # "in the": the preposition before "the"
    end = _space_back(text, at, begin)
    if end in (at, begin):
        return False
    return _preposition_before(text, end, begin)


def _after_space(text: str, end: int, begin: int) -> int:
    """Where the characters after the last space before `end` start (`begin` at the
    earliest): the start of the word that ends at `end` where they are letters and digits
    alone."""
    space = text.rfind(" ", begin, end)
    return space + 1 if space >= 0 else begin


def _preposition_before(text: str, end: int, begin: int) -> bool:
    """Whether the run of letters and digits that ends at `end` (`begin` at the earliest) is
    a cue's preposition after no word character."""
    at = _after_space(text, end, begin)
    word = text[at:end]
    if not word.isalnum():
        at = _alnums_back(text, end, begin)
        word = text[at:end]
    return word in _CUE_CASES and _boundary_before(text, at)


def _space_back(text: str, end: int, begin: int) -> int:
    """Where the white space that ends at `end` starts (`begin` at the earliest)."""
    while end > begin and text[end - 1].isspace():
        end -= 1
    return end


def _word_back(text: str, end: int, begin: int) -> int:
    """Where the run of characters other than white space that ends at `end` starts."""
    while end > begin and not text[end - 1].isspace():
        end -= 1
    return end


def _alnums_back(text: str, end: int, begin: int) -> int:
    """Where the run of letters and digits that ends at `end` starts. (A preposition is such a
    run after no word character: a run that holds a digit is none, and one after a word
    character is no word.)"""
    while end > begin and text[end - 1].isalnum():
        end -= 1
    return end


def _boundary_before(text: str, at: int) -> bool:
    """Whether no word character (`\\w`) comes right before `at` (`\\b` before a word)."""
    if at == 0:
        return True
    char = text[at - 1]
    return not (char.isalnum() or char == "_")


def _away_before(text: str, start: int, ascii_text: bool = False) -> bool:
    """Whether a word of going or coming comes right before `start` ("fled into Uganda"):
    `_AWAY_BEFORE.search(text, max(0, start - 30), start)`. Its match ends in white space
    (`$` at `start`, or before a line end there) after a word of `_AWAY_WORDS` or "the":
    where no white space comes before `start`, or an ASCII character that ends none of those
    words comes before that white space (most names: "in Kenya"), there is none, told
    without the backwards search. (Characters outside ASCII may fold to ASCII letters as the
    pattern compares them: they go to the search.) `ascii_text`: the whole text is ASCII,
    known already (`isascii` is a method call in the compiled core)."""
    begin = start - 30 if start > 30 else 0
    at = start
    while at > begin and text[at - 1].isspace():
        at -= 1
    if at in (start, begin):
        return False
    last = text[at - 1]
    if ord(last) < 128 and last not in _AWAY_LAST:
        return False
    if ascii_text or text[begin:start].isascii():
        away = _away_words_before(text, begin, at)
        if away >= 0:
            return away == 1
    return search_before(_AWAY_BEFORE, _AWAY_BEFORE_MIRROR, text, begin, start)


def _away_words_before(text: str, begin: int, end: int) -> int:
    """`_away_before` read backwards word by word from `end` (where the white space before
    the name starts; `text[begin:end]` ASCII): 1 where a word of `_AWAY_WORDS` (after no word
    character), perhaps then white space and "the", ends at `end`; 0 where none does; -1
    where the words reach back to `begin` (the search, with its `\b` there, decides). (A
    search costs thousands of instructions, and names after "to", "from" or "the" ask.)"""
    at = _alnums_back(text, end, begin)
    if at == begin:
        return -1
    word = text[at:end].lower()
    if word == "the" and text[at - 1].isspace():
        end = _space_back(text, at, begin)
        if end == begin:
            return -1
        at = _alnums_back(text, end, begin)
        if at == begin:
            return -1
        word = text[at:end].lower()
    if word in _AWAY_ONE_WORDS:
        return 1 if _boundary_before(text, at) else 0
    if word not in ("with", "of") or text[at - 1] != " ":
        return 0
    end = at - 1
    at = _alnums_back(text, end, begin)
    if at == begin:
        return -1
    first = text[at:end].lower()
    if first == "border" or (first == "borders" and word == "with"):
        return 1 if _boundary_before(text, at) else 0
    return 0


def _away_at(text: str, start: int, known: dict[int, bool], ascii_text: bool = False) -> bool:
    """`_away_before`, asked once per start (`known`: the answers so far)."""
    away = known.get(start)
    if away is None:
        away = known[start] = _away_before(text, start, ascii_text)
    return away


_SENTENCE_START: Final = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


def _sentence_start(text: str, start: int) -> bool:
    """Whether a sentence starts at `start`: `_SENTENCE_START.search(text, max(0, start - 3),
    start)`, read from the characters before it, without the regex engine (a search costs
    thousands of instructions; most names ask it). The white space right before `start`
    (from `max(0, start - 3)` on) holds a line end, or follows a full stop, an exclamation
    or a question mark; or the text starts there."""
    if start == 0:
        return True
    begin = start - 3 if start > 3 else 0
    at = start
    while at > begin and text[at - 1].isspace():
        at -= 1
    if at == start:
        return False  # (each way ends in white space, but for an empty text before it)
    if "\n" in text[at:start]:
        return True
    return at > begin and text[at - 1] in ".!?"
_CODED_TO: Final = re.compile(r"\[coded to ([^\]]{2,80})\]", re.IGNORECASE)
_OPEN_PAREN: Final = re.compile(r"\s*\(\s*")


def _region_key(code: str, name: str) -> str:
    """The key of a region (country code, folded name) in the regions a text names
    (`_regions_named`): one string, whose hash it keeps, where a tuple of the two is hashed
    anew at each look-up (and compared element by element)."""
    return code + "\x00" + name


def _code_of(key: str) -> str:
    """The country code of a region's key (`_region_key`): `key.partition("\\x00")[0]`, a
    search and a slice (a partition builds a tuple of three strings)."""
    at = key.find("\x00")
    return key[:at] if at >= 0 else key


#: A text whose subject fixes its region when its places do not: the OSCE Special Monitoring
#: Mission's reports of fire are of the Donbas front (Donetsk and Luhansk oblasts), not of
#: the namesakes of its villages across Ukraine. (Its reports name it "the OSCE SMM", or
#: "the SMM" after the mission's full name: "SMM" is tested first, a substring.)
_OSCE_SMM: Final = re.compile(r"\bOSCE\W+SMM\b|\bSpecial Monitoring Mission\b.*\bSMM\b",
                              re.DOTALL)
_DONBAS: Final = (_region_key("UA", "donetsk"), _region_key("UA", "luhansk"))
#: The name under which a theatre counts as a region named in the text.
_THEATRE_NAME: Final = "#theatre"
#: First words kept on a name when the whole is a place: compass words and Arabic articles.
_KEEP_FIRST: Final = _COMPASS | frozenset("al el an as at ad ar az ash".split())
#: These before "of" head an organisation's name ("Federation of Transport Workers").
_ORG_HEADS: Final = frozenset("federation union association council confederation syndicate "
                              "league organization organisation ministry party front movement "
                              "alliance bank university".split())
_TOWN_OF: Final = re.compile(r"\b(?:town|city|village)\s+of\s+$", re.IGNORECASE)


_TOWN_WORDS: Final = frozenset({"town", "city", "village"})


def _town_of(text: str, start: int) -> bool:
    """Whether "town of", "city of" or "village of" comes right before `start`:
    `_TOWN_OF.search(text, max(0, start - 12), start)` where the text there ends as "of ",
    read back from it: the white space before "of", and the word before it, of four or seven
    characters, after no word character (`\\b`). The pattern ignores case, and two letters
    outside ASCII match its "i" ("ı", "İ"): a word that is not ASCII goes to the search."""
    if start < 3 or text[start - 1] != " " or text[start - 2] != "f" or (
            text[start - 3] != "o"):  # (not `text[start - 3:start] != "of "`: no slice made)
        return False
    begin = start - 12 if start > 12 else 0
    end = _space_back(text, start - 3, begin)
    if end == start - 3:
        return False  # (no white space before "of")
    for size in range(4, 8, 3):  # (4, 7: a loop over a range, no tuple built)
        at = end - size
        if at < begin:
            return False
        word = text[at:end]
        if word.lower() in _TOWN_WORDS:
            return _boundary_before(text, at)
        if not word.isascii():
            return _TOWN_OF.search(text, begin, start) is not None
    return False
_COMMA_BEFORE: Final = re.compile(r",\s*$")
#: Institutions named after their place: the words after a place's name that make the whole
#: an institution there ("Mandera Police Line", "Kisumu High Court").
_INSTITUTION_AFTER: Final = re.compile(
    r"\s+(?:University|Governor|Police|Hospital|Referral|Prison|Market|Airport|Stadium|"
    r"Polytechnic|College|High Court|Law Courts|Magistrates?|Municipal|Town Council|County "
    r"(?:Assembly|Government|Council))\b")

#: The first letters of `_INSTITUTION_AFTER`'s words (case-sensitive).
_INSTITUTION_FIRST: Final = "ACGHLMPRSTU"


def _institution_after(text: str, end: int) -> bool:
    """`_INSTITUTION_AFTER.match(text, end)`, asked only where the white space at `end` is
    followed by the first letter of one of its words (`_INSTITUTION_FIRST`): elsewhere it
    cannot match."""
    size = len(text)
    at = end
    while at < size and text[at].isspace():
        at += 1
    if at in (end, size) or text[at] not in _INSTITUTION_FIRST:
        return False
    return _INSTITUTION_AFTER.match(text, end) is not None


# --------------------------------------------------------------------------- words after a name

#: What the word after a name says of it, each a pattern `\s+(?:words)\b` (`_after_pattern`),
#: case-insensitive but for outlets'. `_after` answers them all with one match and a look-up.
_CUE_AFTER_WORDS: Final = (
    "town|city|village|district|province|county|region|area|state|governorate|"
    "municipality|camp|locality|commune|department|sub-county|ward|neighbourhood|"
    "neighborhood|valley|border|market|road|highway|township|upazila|lga|subdivision|"
    "territory|tehsil")
_ADMIN_AFTER_WORDS: Final = ("district|province|county|state|governorate|region|department|"
                             "oblast|prefecture")
_DISTRICT_AFTER_WORDS: Final = ("district|sub-county|subcounty|division|municipality|commune|"
                                "township|upazila|lga|subdivision|territory|tehsil")
#: A town naming a road or bridge ("Kalpi Bridge") is where it leads or starts.
_ROUTE_AFTER_WORDS: Final = ("road|highway|motorway|route|axis|corridor|stretch|bridge|border|"
                             "line|railway|pipeline|expressway")
#: A name before these is a firm's ("San Fernando company", "Byblos Bank") or a family's
#: ("the Al Tlais families").
_ORG_TAIL_WORDS: Final = ("company|corporation|ltd|limited|inc|bank|airways|airlines|coach|"
                          "holdings|family|families")
#: An outlet's name ("India Today"), case-sensitive.
_OUTLET_TAIL_WORDS: Final = ("Today|Times|Post|News|Express|Herald|Tribune|Daily|Journal|"
                             "Telegraph|Gazette|Observer|Chronicle|Standard|Nation|Monitor|"
                             "Independent|Radio|TV|Online|Agency")
#: The kind of place a word after a name asks for ("Guatemala City", "Sennar state").
_KIND_WORDS: Final[dict[str, int]] = {
    "city": KIND_CITY, "town": KIND_CITY, "village": KIND_CITY,
    "district": KIND_ADMIN2, "sub-county": KIND_ADMIN2, "municipality": KIND_ADMIN2,
    "township": KIND_ADMIN2, "upazila": KIND_ADMIN2, "lga": KIND_ADMIN2, "territory": KIND_ADMIN2,
    "province": KIND_ADMIN1, "county": KIND_ADMIN1, "state": KIND_ADMIN1,
    "governorate": KIND_ADMIN1, "region": KIND_ADMIN1}


def _after_pattern(words: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{words})\b", flags)


_CUE_AFTER: Final = _after_pattern(_CUE_AFTER_WORDS)
_ADMIN_AFTER: Final = _after_pattern(_ADMIN_AFTER_WORDS)
_DISTRICT_AFTER: Final = _after_pattern(_DISTRICT_AFTER_WORDS)
_ROUTE_AFTER: Final = _after_pattern(_ROUTE_AFTER_WORDS)
_ORG_TAIL: Final = _after_pattern(_ORG_TAIL_WORDS)
_OUTLET_TAIL: Final = _after_pattern(_OUTLET_TAIL_WORDS, 0)
_KIND_AFTER: Final = re.compile(r"\s+(city|town|village|district|province|county|state|"
                                r"governorate|region|sub-county|municipality|township|upazila|"
                                r"lga|territory)\b", re.IGNORECASE)

#: The bits of `_after`: which of the patterns above match after a name.
AFTER_CUE: Final = 1
AFTER_ADMIN: Final = 2
AFTER_DISTRICT: Final = 4
AFTER_ROUTE: Final = 8
AFTER_ORG: Final = 16
AFTER_OUTLET: Final = 32
AFTER_CITY: Final = 64  # _KIND_AFTER's word asks for a town
AFTER_ADMIN2: Final = 128  # ... for a district
AFTER_ADMIN1: Final = 256  # ... for a province
_KIND_BITS: Final[dict[int, int]] = {KIND_CITY: AFTER_CITY, KIND_ADMIN2: AFTER_ADMIN2,
                                     KIND_ADMIN1: AFTER_ADMIN1}
_AFTER_PATTERNS: Final[tuple[tuple[int, re.Pattern[str]], ...]] = (
    (AFTER_CUE, _CUE_AFTER), (AFTER_ADMIN, _ADMIN_AFTER), (AFTER_DISTRICT, _DISTRICT_AFTER),
    (AFTER_ROUTE, _ROUTE_AFTER), (AFTER_ORG, _ORG_TAIL), (AFTER_OUTLET, _OUTLET_TAIL))


def _word_bits() -> dict[str, int]:
    """Folded word -> the bits of the case-insensitive patterns it matches."""
    bits: dict[str, int] = {}
    for bit, words in ((AFTER_CUE, _CUE_AFTER_WORDS), (AFTER_ADMIN, _ADMIN_AFTER_WORDS),
                       (AFTER_DISTRICT, _DISTRICT_AFTER_WORDS), (AFTER_ROUTE, _ROUTE_AFTER_WORDS),
                       (AFTER_ORG, _ORG_TAIL_WORDS)):
        for word in words.split("|"):
            if not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", word):
                raise ValueError(f"not a literal word: {word!r}")
            bits[word] = bits.get(word, 0) | bit
    for word, kind in _KIND_WORDS.items():
        bits[word] = bits.get(word, 0) | _KIND_BITS[kind]
    return bits


_WORD_BITS: Final = _word_bits()
_OUTLET_NAMES: Final = frozenset(_OUTLET_TAIL_WORDS.split("|"))
#: The bits of the ASCII words read after names lately (`_after`): a word as written ->
#: `_WORD_BITS` of it folded, and AFTER_OUTLET for an outlet's word. (A full cache starts
#: afresh: memory stays bounded.)
_AFTER_WORDS: Final[dict[str, int]] = {}
_AFTER_WORDS_SIZE: Final = 4_096


def _after(text: str, end: int, ascii_text: bool = False) -> int:
    """The AFTER_* bits of the patterns above that match at `end`: as many searches as
    patterns, answered by reading the word there and a look-up. (A pattern's word matches
    the whole word after the white space, or it and its hyphenated rest: `\\b` ends it.
    Letters outside ASCII may fold to ASCII ones as the patterns compare them, 'ı' as 'i':
    such words go to the patterns themselves.) The word is read as `\\s+(\\w+)(-\\w+)?`
    would, without the regex engine: for a word or two, a call of it costs more.
    `ascii_text`: the whole text is ASCII, known already."""
    size = len(text)
    at = end
    while at < size and text[at].isspace():
        at += 1
    if at == end:
        return 0  # (each pattern starts with white space, then a word)
    # the word most often runs to the next space: a search and a slice, not a call per
    # character; else (punctuation, "_", a hyphen, other white space in what was cut off)
    # it is read character by character
    space = text.find(" ", at)
    stop = space if space >= 0 else size
    word = text[at:stop]
    if not word.isalnum():
        stop = _word_end(text, at)
        if stop == at:
            return 0
        word = text[at:stop]
    rest: str | None = None
    if stop < size and text[stop] == "-":
        rest_end = _word_end(text, stop + 1)
        if rest_end > stop + 1:
            rest = text[stop:rest_end]
    if not ascii_text and (not word.isascii() or (rest is not None and not rest.isascii())):
        return _after_slowly(text, end)
    # (the bits of the word as written, kept: the words after names recur, "said", "and")
    bits = _AFTER_WORDS.get(word)
    if bits is None:
        bits = _WORD_BITS.get(word.lower(), 0) | (AFTER_OUTLET if word in _OUTLET_NAMES
                                                  else 0)
        if len(_AFTER_WORDS) >= _AFTER_WORDS_SIZE:
            _AFTER_WORDS.clear()
        _AFTER_WORDS[word] = bits
    if rest is not None:
        bits |= _WORD_BITS.get((word + rest).lower(), 0)
    return bits


def _word_end(text: str, at: int) -> int:
    """Where the run of word characters (`\\w`) from `at` ends."""
    size = len(text)
    while at < size and (text[at].isalnum() or text[at] == "_"):
        at += 1
    return at


def _after_slowly(text: str, end: int) -> int:
    """`_after` by the patterns."""
    bits = 0
    for bit, pattern in _AFTER_PATTERNS:
        if pattern.match(text, end):
            bits |= bit
    kind = _KIND_AFTER.match(text, end)
    wanted = _KIND_WORDS.get(kind.group(1).lower()) if kind else None
    return bits | _KIND_BITS[wanted] if wanted is not None else bits


def _wanted(after: int) -> int | None:
    """The kind of place the word after a name asks for (`_after` bits), if any."""
    if after & AFTER_CITY:
        return KIND_CITY
    if after & AFTER_ADMIN2:
        return KIND_ADMIN2
    if after & AFTER_ADMIN1:
        return KIND_ADMIN1
    return None


def find_places(text: str, gaz: Gazetteer, offset: int = 0,
                country_hint: str | None = None,
                named: list[tuple[str, int, int]] | None = None) -> list[PlaceMention]:
    """Every place mention of `text`, resolved, with a score; offsets are absolute.
    (`named`: `find_countries(text)`, when the caller has it.)"""
    memo = _memo(gaz)
    named = find_countries(text) if named is None else named
    by_start = {start: (code, end) for code, start, end in named}
    # only the spans that can place anything are kept: a country's name or demonym, and the
    # names the gazetteer knows (most capitalised words are neither: "The", "Police")
    kept: list[tuple[int, int, int, str, str | None, _Lookup | None]] = []
    looked: list[_Lookup | None] = []  # (no None: the lookups of `kept`, in order)
    # the span index and lookup of each of `kept`, in order (read pairwise below without
    # unpacking its tuples)
    kept_index: list[int] = []
    kept_found: list[_Lookup | None] = []
    unknown: list[int] = []  # (`_packed` start, end, index of each word of no place)
    bound = len(text) + 1  # (`_packed`'s)
    ascii_text = text.isascii()
    # the spans of `_spans(text)`, read off the runs of words as they are found: no tuple
    # built and no offset boxed per span (a run of one word, most of them, is its own span)
    index = -1
    # (the spans come in order of their starts: the countries' starts, in order, are passed
    # by a pointer, and a span's start is looked up only where one is, not boxed and hashed
    # for each span)
    country_starts = sorted(by_start)
    next_country = 0
    countries_left = len(country_starts)
    bounds = _candidate_bounds(text)
    for at in range(0, len(bounds), 2):
        run_start = bounds[at]
        run_end = bounds[at + 1]
        run = text[run_start:run_end]
        # (most runs are one word of letters and digits, told by one pass over its
        # characters, where looking for a space and then a full stop took two calls)
        cuts = None if run.isalnum() else _cuts(run) if " " in run or "." in run else None
        for cut in range(1 if cuts is None else len(cuts)):
            if cuts is None:
                start, end, words = run_start, run_end, run
            else:
                shift, size, words = cuts[cut]
                start = run_start + shift
                end = start + size
            index += 1
            while next_country < countries_left and country_starts[next_country] < start:
                next_country += 1
            country = by_start[start] if next_country < countries_left and (
                country_starts[next_country] == start) else None
            if country is not None and country[1] >= end:
                # (a country's name or demonym is most often no place of that country: told
                # by its plan, without the lookup's reading of the text around it)
                found = None if _none_within(text, memo, start, words, country[0]) else (
                    _within(_lookup(text, memo, start, end, words, ascii_text), country[0]))
                kept.append((index, start, end, words, country[0], found))
                kept_index.append(index)
                kept_found.append(found)
            else:
                found = _lookup(text, memo, start, end, words, ascii_text)
                if found is None:
                    # (`_with_towns_like` tests the rest of the word where a region is named
                    # near it: most have none, and `str.islower` is a method call; its
                    # `_packed` form, inlined)
                    if len(words) >= 4:
                        unknown.append((start * bound + end) * bound + index)
                    continue
                kept.append((index, start, end, words, None, found))
                kept_index.append(index)
                kept_found.append(found)
            if found is not None:
                looked.append(found)
    regions = _regions_named(looked)
    _add_theatres(text, looked, regions)
    for at in range(1, len(kept_found)):
        before, after = kept_found[at - 1], kept_found[at]
        if before is not None and after is not None and (
                kept_index[at] == kept_index[at - 1] + 1) and (
                before.key == after.key) and _OPEN_PAREN.fullmatch(text, before.end,
                                                                   after.start):
            # "San Jose (San Jose)": a town in its namesake region
            for p in after.places[:40]:
                if p.kind in (KIND_ADMIN1, KIND_ADMIN2) and p.admin1:
                    regions.setdefault(_region_key(p.country_code, core(p.name)), set()).add(
                        "(" + after.key)
    # (a place of another country lies in none)
    named_codes = {_code_of(region) for region in regions}
    away: dict[int, bool] = {}  # _away_before by start
    countries = _country_votes(text, memo, None, named, looked, away, ascii_text)
    inside: dict[str, tuple[list[Place], list[bool]]] = {}  # _inside by name
    for code, vote in _consistent(looked, regions, named_codes, inside):
        countries[code] = countries.get(code, 0) + vote  # a town in a region named too
    if country_hint:
        countries[country_hint] = countries.get(country_hint, 0) + 3
    focus_country = _top(countries)
    if unknown and (regions or _holds_smm(text, ascii_text)):
        kept = _with_towns_like(text, memo, unknown, looked, focus_country, kept, ascii_text)
    # the text's own spelling of a province ("Sud-Kivu", "Kandahar") is how the reader and
    # ACLED write it; the gazetteer's may be another language's ("South Kivu", "Qandahor")
    spelled: dict[tuple[str, str], str] = {}
    for found in looked:
        if found is None:
            continue
        provinces = _digest_of(found).provinces
        if provinces and text[found.start:found.end] not in REGION_ABBREVIATIONS:
            for where, region, city_there in provinces:
                if (where, region) not in spelled and (
                        where not in NATIVE_REGION_NAMES or not city_there
                        or _spelling_of(text[found.start:found.end], region)):
                    spelled[(where, region)] = text[found.start:found.end]
    out: list[PlaceMention] = []
    seats: list[tuple[int, float | None, float | None]] = []
    for _index, start, end, words, named_code, found in kept:
        if named_code is not None and memo.is_country_name(words, named_code):
            # a country name is the country; a demonym ("Somali militia") is no place, nor
            # is a name that stands for one ("United States troops")
            if _name_stands_for(text, end):
                continue
            out.append(country_place(gaz, named_code, offset + start, offset + end, words,
                                     0.35 if _away_at(text, start, away, ascii_text)
                                     else 0.6))
            continue
        if found is None:
            continue
        mention = _resolve(text, found, regions, named_codes,
                           _inside(found, regions, named_codes, inside), focus_country,
                           countries)
        if mention is not None:
            start, end = found.start, found.end
            admin1 = mention[0].admin1
            point = (mention[0].latitude, mention[0].longitude)
            if point[0] is None and admin1:  # a district without a point: its province's
                province = gaz.admin1_of(mention[0].country_code, core(admin1))
                seats.append((len(out), province.latitude, province.longitude)
                             if province is not None else (len(out), None, None))
            admin1 = spelled.get((mention[0].country_code, admin1), admin1) if admin1 else None
            admin1 = _acled_admin1(mention[0].country_code, admin1,
                                   mention[0].admin2) if admin1 else None
            if admin1 is None and mention[0].kind == KIND_CITY:
                # a town of a territory GeoNames divides into no provinces ("Willemstad,
                # Curacao"): ACLED's first level is the territory itself
                admin1 = mention[0].country
            # a town naming a road or bridge ("near Kalpi Bridge in Jalaun district") is where
            # it leads or starts: less surely the event's place
            score = mention[1] - (0.15 if mention[0].kind == KIND_CITY
                                  and found.after & AFTER_ROUTE else 0.0)
            if country_hint is not None and found.fuzzy and (
                    mention[0].country_code != country_hint) and (
                    countries.get(mention[0].country_code, 0) <= 1):
                # "PMF shelling near Amerli" is not Amreli, India: a name matched only
                # loosely, in a country no other word of the text names, yields to the
                # country of the actors
                score -= 0.25
            if mention[0].kind != KIND_ADMIN1 and _from_before(text, start):
                # "a convoy travelling from Jowhar town near Xaaji-Cali village": where
                # people set out from is less surely where the event was than a place after
                score -= 0.1
            out.append(PlaceMention(
                mention[0].name, admin1, mention[0].admin2, mention[0].country,
                mention[0].country_code, point[0], point[1],
                _precision(text, mention[0], end), None if mention[0].geonames_id is None
                else mention[0].geonames_id, offset + start, offset + end,
                text[start:end], score))
    for index, lat, lng in seats:
        # else the point of a town or province named in the same province, else its seat
        place = _with_point(out[index], out)
        if place.latitude is None and lat is not None:
            place = replace(place, latitude=lat, longitude=lng)
        out[index] = place
    _outside_named_region(text, offset, out, gaz)
    # (a match starts with "[", of no other case: text without one holds none)
    coded = [m.span(1) for m in _CODED_TO.finditer(text)] if "[" in text else []
    if coded:
        # the coder's own "[coded to Athens-Central Athens]" names the event's place: first
        tagged = [i for i, p in enumerate(out) if any(
            offset + a <= p.start < offset + b for a, b in coded)]
        for i in tagged:
            out[i] = replace(out[i], score=1.0)
        out = [out[i] for i in tagged] + [p for i, p in enumerate(out) if i not in tagged]
    return out


def _with_towns_like(text: str, memo: _Memo, unknown: list[int],
                     looked: list[_Lookup | None], focus_country: str | None,
                     kept: list[tuple[int, int, int, str, str | None, _Lookup | None]],
                     ascii_text: bool,
                     ) -> list[tuple[int, int, int, str, str | None, _Lookup | None]]:
    """`kept` and, in order, the names the gazetteer does not know that the text marks as
    places ("in Dadeiba municipality, Antioquia", "near Marinka" in an OSCE SMM report)
    spelled like a town of a region of the text's country named close by (`towns_like_in`):
    a village under another spelling. (Only there: a loose likeness to any town anywhere,
    or of a region named paragraphs away, says nothing.) `unknown`: the words of four
    characters or more that name no place, in order, each `_packed`; `looked`: the lookups
    of the names, in order of their starts too."""
    added: list[tuple[int, int, int, str, str | None, _Lookup | None]] = []
    smm = _holds_smm(text, ascii_text) and _OSCE_SMM.search(text) is not None
    # the names that name a region of the text's country (most texts have a few), where
    # they start and end, and those regions: read once, not for each word
    starts: list[int] = []
    ends: list[int] = []
    held: list[list[str]] = []
    country = None if focus_country is None else focus_country + "\x00"
    for found in looked:
        if found is not None:
            regions = _digest_of(found).regions
            if regions:
                mine = [region for region in regions
                        if country is None or region.startswith(country)]
                if mine:
                    starts.append(found.start)
                    ends.append(found.end)
                    held.append(mine)
    if not starts and not smm:
        return kept
    size = len(text) + 1
    # (the names and the words both come in order of their starts: each word reads only the
    # names from the first not too far before it to the last not too far after it, the
    # first kept from word to word, not every name of the text for each)
    first = 0
    for packed in unknown:
        index = packed % size
        start = packed // size // size
        end = packed // size % size
        # the regions of its country named close by in its sentence (the front of the OSCE
        # SMM's reports, though the text names no place of it): tested first, as most words
        # have none, and its tests are comparisons, where the word's own below are calls
        named: list[str] | None = list(_DONBAS) if smm else None
        while first < len(starts) and starts[first] < start - _NEAR_REACH:
            first += 1
        for at in range(first, len(starts)):
            near = starts[at]
            if near > end + _NEAR_REACH:
                break
            if text.find(". ", min(end, ends[at]), max(start, near)) < 0:
                if named is None:
                    named = []
                for region in held[at]:
                    if region not in named:
                        named.append(region)
        if not named:
            continue
        # one plain capitalised word of four letters or more, marked as a place by a word
        # before it or after it, or by a parenthesis
        words = text[start:end]
        if " " in words or not words[1:].islower() or words.lower() in _DAYS_MONTHS \
                or memo.plan(words) is not None:
            continue
        # (no white space after it: no word after it, `_after` is 0)
        after = _after(text, end, ascii_text) if text[end:end + 1].isspace() else 0
        if after & (AFTER_ORG | AFTER_OUTLET | AFTER_ROUTE):
            continue
        if not (after & AFTER_CUE or text[start - 1:start] == "(" or _at_word_before(
                text, start)):
            continue
        towns: list[Place] = []
        for region in named:
            at = region.find("\x00")
            towns += memo.gaz.towns_like_in(words, region[:at], region[at + 1:])
        if not towns:
            continue
        # the likest (a town in two regions named, a province and its district, once)
        added.append((index, start, end, words, None, _Lookup(
            towns[:1], core(words), start, end, True, True, False, after)))
    if not added:
        return kept
    return sorted(kept + added, key=_first)


def _holds_smm(text: str, ascii_text: bool) -> bool:
    """`"SMM" in text` (`ascii_text`: the text is ASCII, known already), asked of the Rust
    crate where it is built and the text is ASCII: memchr's vector search, where Python's
    costs about three instructions a character of the text."""
    if ascii_text and ASCII_HOLDS is not None:
        return ASCII_HOLDS(text, b"SMM")
    return "SMM" in text


def _packed(text: str, start: int, end: int, index: int) -> int:
    """`start`, `end` and `index` (each of them no more than the size of `text`) as one
    number: an item of `unknown` (a list of them boxes one number each, where a list of
    tuples built a tuple and boxed three)."""
    size = len(text) + 1
    return (start * size + end) * size + index


def _at_word_before(text: str, start: int) -> bool:
    """Whether a word saying where ("in", "near", "at") comes right before `start`, apart by
    one space. (Not the looser cues of `_cue_before`: "and", "on", a comma.)"""
    if start < 3 or text[start - 1] != " ":
        return False
    begin = text.rfind(" ", max(0, start - 9), start - 1) + 1
    return text[begin:start - 1].lower() in _AT_WORDS and (
        begin == 0 or not text[begin - 1].isalnum())


#: The words `_at_word_before` reads.
_AT_WORDS: Final = frozenset("in near at outside around inside".split())
#: How far (characters) from a name a region named in the same sentence counts as where the
#: text puts it.
_NEAR_REACH: Final = 80


def _first(item: tuple[int, int, int, str, str | None, _Lookup | None]) -> int:
    return item[0]


def _from_before(text: str, start: int) -> bool:
    """Whether the word "from" (either case of its first letter) and a space come right
    before `start`, after no word character."""
    return start >= 5 and text[start - 1] == " " and text[start - 4:start - 1] == "rom" and (
        text[start - 5] in "fF") and _boundary_before(text, start - 5)


def _add_theatres(text: str, looked: list[_Lookup | None],
                  regions: dict[str, set[str]]) -> None:
    """The provinces a text's subject places it in (`_OSCE_SMM`), as if the text named them:
    "the OSCE SMM observed explosions near Prymorske" is the Prymorske of Donetsk oblast.
    (Read only when a name may be of Ukraine: not a scan of every text.)"""
    for found in looked:
        if found is not None and _digest_of(found).voter == "UA":
            if "SMM" in text and _OSCE_SMM.search(text) is not None:
                for province in _DONBAS:
                    regions.setdefault(province, set()).add(_THEATRE_NAME)
            return


def _outside_named_region(text: str, offset: int, out: list[PlaceMention],
                          gaz: Gazetteer) -> None:
    """A town followed by the regions it lies in, "Chatsworth (eThekwini, KwaZulu-Natal)",
    whose every known namesake lies elsewhere is unknown: the regions place the event. So is
    a town followed by a place that should hold it ("X village of Y district", "X, Y", "X in
    Y") but holds none of its namesakes: a province of its country it does not lie in, or a
    place of another country (`_holds_not`). A town of the province named as what holds a
    place there stands for the area: the place is the nearer."""
    for index, town in enumerate(out):
        if town.precision > 2:
            continue
        end = town.end - offset
        if end < len(text) and text[end] == " ":  # (not `startswith` at `end`: a call)
            # "Poienile de sub Munte of the Maramures county": the name goes on past the
            # part of it found; what holds the town follows the whole name
            # (then only a province of the town's country tells it a namesake: "Machiques
            # de Perija, La Guajira" is not told so by a province abroad of that name)
            space = text.find(" ", end + 1, end + 7)
            if space > 0 and text[end + 1:space] in _NAME_SMALL_WORDS:  # (no regex else)
                goes_on = _NAME_GOES_ON.match(text, end)
                if goes_on is not None:
                    end = goes_on.end()
        near = text[end:end + 16]
        if "(" not in near and "," not in near and " of " not in near and " in " not in near:
            continue
        inner_start = _open_paren_end(text, end)
        if inner_start < 0:
            # (no joining character there: no match of the pattern needed)
            if not _may_join(text, end):
                continue
            holder: PlaceMention | None = None
            holder_at = index + 1
            while holder_at < len(out):
                if out[holder_at].start - offset >= end:  # (not a word of the town's name)
                    holder = out[holder_at]
                    break
                holder_at += 1
            # (the place after it first: where there is none, no match is needed)
            if holder is None or (
                    end != town.end - offset and holder.country_code != town.country_code):
                continue
            join = _region_join(text, end)
            if join < 0 or holder.start - offset != _join_end(text, join):
                continue
            if town.precision == 1 and _holds_not(text, offset, town, holder,
                                                  text[join] == ",", gaz):
                out[index] = replace(town, score=min(town.score, 0.3))
            elif holder.precision == 1 and holder.score > town.score >= 0.5 and (
                    holder.country_code == town.country_code) and holder.admin1 and (
                    holder.admin1 == town.admin1) and not _LIST_AFTER.match(
                    text, holder.end - offset):
                # "X in Raqqa": a town named as what holds a place of its province stands
                # for the area (a province's seat for the province); the place is the nearer
                out[holder_at] = replace(holder, score=town.score)
            continue
        if town.precision != 1:
            continue
        close = text.find(")", inner_start)
        inner = [p for p in out[index + 1:] if inner_start <= p.start - offset < close]
        if not inner:
            continue
        region = inner[-1]  # the widest: ACLED notes name the district, then the province
        if region.precision >= 2 and region.admin1 and not any(
                p.country_code == town.country_code and p.admin1 == town.admin1
                and p.text != town.text for p in inner):
            out[index] = replace(town, score=min(town.score, 0.3))


def _open_paren_end(text: str, at: int) -> int:
    """The end of `_OPEN_PAREN.match(text, at)` (`\\s*\\(\\s*`), or -1 (no match), read
    without the regex engine (`\\s`: `str.isspace`)."""
    size = len(text)
    while at < size and text[at].isspace():
        at += 1
    if at >= size or text[at] != "(":
        return -1
    at += 1
    while at < size and text[at].isspace():
        at += 1
    return at


def _may_join(text: str, at: int) -> bool:
    """Whether `_REGION_AFTER` may match at `at`: each match starts with white space or a
    comma."""
    return at < len(text) and (text[at] == "," or text[at].isspace())


#: What joins a town to the place that holds it: "X, Y", "X village of Y", "X in the Y".
_REGION_AFTER: Final = re.compile(
    r"(?:\s+(?:village|town|city|area|locality|neighbou?rhood))?"
    r"(?:(,)\s*|\s+(?:of|in)\s+(?:the\s+)?)")
#: `_REGION_AFTER`'s words of an area (its alternatives spelled out) by their first letter.
_AREA_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "v": ("village",), "t": ("town",), "c": ("city",), "a": ("area",), "l": ("locality",),
    "n": ("neighbourhood", "neighborhood")}


def _region_join(text: str, at: int) -> int:
    """Where the joining part (`(,)\\s*|\\s+(?:of|in)\\s+(?:the\\s+)?`) of
    `_REGION_AFTER.match(text, at)` starts, or -1 (no match), read without the regex engine
    (a match costs thousands of instructions): after the white space and area word at `at`
    where the joining part follows them, else at `at`. (Its comma group matched where a comma
    is there; `_join_end` of it is the match's end.) No word of the pattern starts with white
    space: each run of it is read whole, as the engine would keep it."""
    size = len(text)
    space = at
    while space < size and text[space].isspace():
        space += 1
    if at < space < size:
        words = _AREA_WORDS.get(text[space])
        if words is not None:
            for word in words:
                if _spelled_at(text, space, word):
                    if _join_end(text, space + len(word)) >= 0:
                        return space + len(word)
                    break  # (no two of the words match at one place)
    return at if _join_end(text, at) >= 0 else -1


def _join_end(text: str, at: int) -> int:
    """The end of `(,)\\s*|\\s+(?:of|in)\\s+(?:the\\s+)?` matched at `at`, or -1."""
    size = len(text)
    if at < size and text[at] == ",":
        at += 1
        while at < size and text[at].isspace():
            at += 1
        return at
    space = at
    while space < size and text[space].isspace():
        space += 1
    if space == at or not (_spelled_at(text, space, "of") or _spelled_at(text, space, "in")):
        return -1
    at = space + 2
    space = at
    while space < size and text[space].isspace():
        space += 1
    if space == at:
        return -1
    if _spelled_at(text, space, "the"):
        at = space + 3
        end = at
        while end < size and text[end].isspace():
            end += 1
        if end > at:
            return end
    return space


def _spelled_at(text: str, at: int, word: str) -> bool:
    """`text.startswith(word, at)` (`at` in the text), compared character by character: a
    `startswith` with a position is a method call in the compiled core (a thousand
    instructions), and most words differ at their first character."""
    if at + len(word) > len(text):
        return False
    return all(text[at + index] == word[index] for index in range(len(word)))


#: A name going on past a part of it: small words of a name, then a capitalised word
#: ("Poienile de sub Munte", "Villa del Rosario", "Dvur nad Labem").
_NAME_SMALL_WORDS: Final = frozenset(
    "de da do del della di du des dos das la le sub sur din nad pod upon".split())
_NAME_GOES_ON: Final = re.compile(
    r"(?:\s+(?:" + "|".join(sorted(_NAME_SMALL_WORDS)) + r")\b)+"
    r"\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
#: A list goes on after a place ("Kirkuk, Diyala and Salahuddin"): the place holds nothing.
_LIST_AFTER: Final = re.compile(r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*"
                                r",?\s+(?:and|or|&)\s+(?:the\s+)?[A-Z]")
#: A town of more people than these is known by its own name: not a namesake unknown.
_SMALL_TOWN: Final = 100_000


def _holds_not(text: str, offset: int, town: PlaceMention, holder: PlaceMention,
               comma: bool, gaz: Gazetteer) -> bool:
    """Whether `holder`, named right after `town` as what holds it, shows `town` to be a
    namesake the text does not mean: a region of another country ("Thor village, Thies
    subdivision"); after a comma a country, or a town of another country that has no
    namesake in the town's country ("Tabata, Dar es Salaam" is not Tabata, Japan); or a
    province of the same country the town does not lie in (a district or a province, or
    a town named so: "Kayabasi village of Lice district", "X, Diyarbakir"). Not where a
    list goes on ("in Kirkuk, Diyala and Salahuddin"); a town followed by a town of
    another country, or by a province of its own, only where it is small (`_SMALL_TOWN`)."""
    if holder.country_code != town.country_code:
        if any(p.country_code == town.country_code
               for p in gaz.candidates(core(holder.text))):
            return False  # (it may name a place there too: a town or province so named)
        if holder.precision >= 2 and holder.admin1:
            return True  # (a region of another country: a cue whatever follows it)
        if not comma or (holder.precision == 1 and _population(gaz, town) >= _SMALL_TOWN):
            return False
    else:
        if not holder.admin1 or not town.admin1 or holder.admin1 == town.admin1:
            return False
        if holder.precision == 1 and not (
                _after(text, holder.end - offset) & (AFTER_ADMIN | AFTER_DISTRICT)
                or _core(holder.name) == _core(holder.admin1)):
            return False
        if _population(gaz, town) >= _SMALL_TOWN:
            return False  # (a town known by its name: the text's province is the slip)
    return not _LIST_AFTER.match(text, holder.end - offset)


def _population(gaz: Gazetteer, town: PlaceMention) -> int:
    """The people of the town `town` places (0 if the gazetteer has it no more)."""
    for place in gaz.candidates(core(town.name)):
        if place.geonames_id == town.geonames_id:
            return place.population
    return 0


def _spelling_of(words: str, name: str) -> bool:
    """Whether `words` spell the region `name`, not another name of it: where regions go by
    their own names, 'Barquisimeto' (its capital, a town of the region) is no name of Lara."""
    a, b = core(words), core(name)
    return a == b or skeleton(words) == skeleton(name) or (
        ratio(a, b) >= 0.6)


def country_place(gaz: Gazetteer, code: str, start: int = 0, end: int = 0, text: str = "",
                  score: float = 0.6) -> PlaceMention:
    """A country as a place: where nothing nearer is known, an event is placed at the
    capital (ACLED codes national events there), at the country's precision (3)."""
    name = country_name(code)
    capital = _capital(gaz, code)
    if capital is None:
        return PlaceMention(name, None, None, name, code, None, None, 3, None, start, end,
                            text, score)
    return PlaceMention(name, None, None, name, code, capital.latitude, capital.longitude, 3,
                        None, start, end, text, score, capital.admin1)


def _capital(gaz: Gazetteer, code: str) -> Place | None:
    """The capital of `code` in `gaz`, kept by the gazetteer's id, then by the code: two
    look-ups of an int and a string whose hash is kept, not a tuple of the two built and
    hashed for each country named."""
    by_code = _CAPITALS.get(id(gaz))
    if by_code is None:
        by_code = _CAPITALS[id(gaz)] = {}
    if code not in by_code:
        capital = capital_name(code)
        towns = [p for p in gaz.candidates(core(capital)) if p.kind == KIND_CITY
                 and p.country_code == code] if capital else []
        by_code[code] = towns[0] if towns else None
    return by_code[code]


_CAPITALS: Final[dict[int, dict[str, Place | None]]] = {}


def _acled_admin1(code: str, admin1: str, admin2: str | None) -> str:
    """`acled_admin1(code, admin1, admin2)` from dicts kept here: a look-up, not a call
    through lru_cache. (Nested by `admin1`, `code` and `admin2`: three look-ups of strings
    whose hashes are kept, cheaper than hashing a tuple of them built for each call.)"""
    by_code = _ACLED_ADMIN1S.get(admin1)
    if by_code is None:
        if len(_ACLED_ADMIN1S) >= PLAN_CACHE_SIZE:
            _ACLED_ADMIN1S.clear()
        by_code = _ACLED_ADMIN1S[admin1] = {}
    by_admin2 = by_code.get(code)
    if by_admin2 is None:
        by_admin2 = by_code[code] = {}
    name = by_admin2.get(admin2)
    if name is None:
        name = by_admin2[admin2] = acled_admin1(code, admin1, admin2)
    return name


_ACLED_ADMIN1S: Final[dict[str, dict[str, dict[str | None, str]]]] = {}


def _within(found: _Lookup | None, code: str) -> _Lookup | None:
    """A country's alias that is a place of that country ("Gaza", "West Bank") is that
    place; a demonym ("Somali militia") is none."""
    if found is None:
        return None
    places = [p for p in found.places if p.country_code == code and p.kind != KIND_COUNTRY
              and _core(p.name) == found.key]  # no town another language calls 'Kazakh'
    return _Lookup(places, found.key, found.start, found.end, found.cue, found.fuzzy,
                   found.partial, found.after) if places else None


def _none_within(text: str, memo: _Memo, start: int, words: str, code: str) -> bool:
    """Whether `_within(_lookup(text, memo, start, end, words), code)` is surely None, told
    by the plan of `words` alone: no plan (no place), or candidates the lookup takes as they
    are (not a short form, not a town's name after "town of") of which none is a place of
    `code` under that name. (Where the plan has no candidates, the lookup may find some
    by the text around the name: not told here.)"""
    if len(words) <= 3 and words in _ABBREVIATED:
        return False
    plan = memo.plan(words)
    if plan is None:
        return True
    if not plan.found or (plan.no_town and _town_of(text, start + plan.shift)):
        return False
    key = plan.key
    for p in plan.found:
        if p.country_code == code and p.kind != KIND_COUNTRY and _core(p.name) == key:
            return False
    return True


def _with_point(place: PlaceMention, others: list[PlaceMention]) -> PlaceMention:
    """A district the gazetteer has no point for takes the point of a town, else of the
    province, the text names in the same province ("Bugabira commune (Kirundo)")."""
    if place.latitude is not None or place.admin1 is None:
        return place
    near = [p for p in others if p.latitude is not None and p.admin1 == place.admin1
            and p.country_code == place.country_code]
    if not near:
        return place
    best = min(near, key=lambda p: (p.precision, p.start))
    return replace(place, latitude=best.latitude, longitude=best.longitude)


def _is_country_name(gaz: Gazetteer, words: str, code: str) -> bool:
    return any(p.kind == KIND_COUNTRY for p in gaz.candidates(core(words))) or (
        core(words) == core(acled_country_name(code)))


def resolve_location(text: str, gaz: Gazetteer, offset: int = 0,
                     focus: tuple[int, int] | None = None) -> PlaceMention | None:
    """The event's location: the most specific reliable place, preferring the `focus` span
    (absolute offsets, the event's sentence), else the first place of the text."""
    return pick_location(find_places(text, gaz, offset), focus, text if offset == 0 else "")


def pick_location(found: list[PlaceMention],
                  focus: tuple[int, int] | None = None, text: str = "") -> PlaceMention | None:
    """`resolve_location` over places already found (find them once per article); `text`,
    where given, that they were found in."""
    places = [p for p in found if p.score >= 0.4]
    if not places:
        return None
    if focus is not None:
        inside = [p for p in places if focus[0] <= p.start < focus[1]]
        if inside and all(p.admin1 is None for p in inside):
            # only a country there ("in central Kenya"): its towns named elsewhere count too
            codes = {p.country_code for p in inside}
            inside += [p for p in places if p.country_code in codes and p.admin1 is not None]
        elif inside and all(p.precision == 3 for p in inside) and not any(
                p.start < focus[0] for p in found):
            # only provinces in the lead ("clashes in Lower Juba left six dead"): a town or
            # district in one of them the sentences after it name says where in it
            provinces = {(p.country_code, p.admin1) for p in inside if p.admin1 is not None}
            inside += [p for p in places if p.precision <= 2 and p.start >= focus[1]
                       and (p.country_code, p.admin1) in provinces]
        if inside:
            places = inside
        elif text:
            # no place in the event's sentence: those named before it in its paragraph (the
            # lead that set the scene: "in Xanadoo, Aragua state, armed men landed. Soldiers
            # held ten."), not those after it (often an earlier event recalled: "The day
            # before, ...")
            begin = text.rfind("\n\n", 0, focus[0])
            before = [p for p in places if begin < p.start < focus[0] and p.admin1 is not None]
            if before:
                places = before
    # the country of the places inside it, not of a neighbour named in passing ("Turkish
    # forces shelled a village near Tal Tamer"): country names count only when alone
    local = [p for p in places if p.admin1 is not None] or places
    named = {p.country_code for p in places if p.admin1 is None}  # countries named
    if named and local is not places:
        # a country named outright outweighs a doubtful namesake abroad ("in Venezuela, ...
        # Heroes de la Salud" is not Salud, Panama)
        local = [p for p in local if p.country_code in named or p.score >= 0.6] or [
            p for p in places if p.admin1 is None]
    main = _surest(local).country_code  # the first of the surest
    places = [p for p in places if p.country_code == main] or places
    # most specific first; among equals the first mentioned
    # the first town or district named (ACLED notes and leads name the event's place first),
    # else the first region, else the country
    specific = [p for p in places if p.precision <= 2 and p.score >= 0.5]
    if specific:  # the surest, a later one only if surer by 0.05 per place before it
        chosen = _surest_early(specific)
        if not text or focus is None or not focus[0] <= chosen.start < focus[1]:
            return chosen
        province = _province_named_last(places, specific, chosen, focus[1])
        if province is None or not _after_unknown_name(text, province.start, found):
            return chosen
        return province
    regions = [p for p in places if p.admin1 is not None]
    if regions:
        return _most_specific(regions)
    country = places[0]
    if country.capital_admin1 is not None:
        return replace(country, admin1=acled_admin1(country.country_code,
                                                    country.capital_admin1))
    return country


#: How far (characters) after the place chosen a province must be named to be no part of
#: its own "Town (District, Province)" (where a province that does not hold the town is the
#: text's slip, not another place).
_PROVINCE_GAP: Final = 20


def _province_named_last(places: list[PlaceMention], specific: list[PlaceMention],
                         chosen: PlaceMention, focus_end: int) -> PlaceMention | None:
    """The province the text names last, in the event's sentence (ending at `focus_end`)
    that holds `chosen`, well after `chosen`, where `chosen` and every other town or
    district named lie outside it: the province of a village the gazetteer does not know
    ("troops at Kangarli shelled positions near Xuxuli, Agdam": Xuxuli, unknown, is where
    it happened; Kangarli, a district of another province, is where they fired from), else
    None."""
    last = places[-1]
    for place in places:
        if place.start > last.start:
            last = place
    if last.start >= focus_end or last.precision != 3 or last.admin1 is None or (
            last.admin1 == chosen.admin1) or (
            last.country_code != chosen.country_code or last.score < chosen.score
            or last.start - chosen.end < _PROVINCE_GAP):
        return None
    for place in specific:
        if place.admin1 == last.admin1:
            return None
    return last


def _after_unknown_name(text: str, start: int, found: list[PlaceMention]) -> bool:
    """Whether the place at `start` follows a capitalised word and a comma, the word no
    place found ("near Xuxuli, Agdam"): the province of a place the gazetteer does not
    know, not a place of its own ("the capital of Sennar state"); or follows such a word
    and a word of what it is ("near Qarawiz district of Diyala province")."""
    end = start - 2
    if end < 1 or text[end:start] != ", ":
        if text[start - 4:start] not in (" of ", " in "):
            return False
        unit = _UNIT_OF.search(text, max(0, start - 60), start)
        if unit is None:
            return False
        end = unit.start()
    begin = end
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "-'"):
        begin -= 1
    if begin == end or not text[begin].isupper():
        return False
    return all(place.end != end for place in found)


#: What a place is and "of" or "in", right before a province ("Qarawiz district of ").
_UNIT_OF: Final = re.compile(r" (?:district|sub-?district|village|town|area|locality|county|"
                             r"municipality|commune|subdivision) (?:of|in) \Z")


def _surest(places: list[PlaceMention]) -> PlaceMention:
    """`max(places, key=lambda p: p.score)`: the first of the surest. (Loops, here and
    below, not `max` or `min` and a key function: no calls.)"""
    best = places[0]
    for place in places:
        if place.score > best.score:
            best = place
    return best


def _surest_early(places: list[PlaceMention]) -> PlaceMention:
    """`max(places, key=lambda p: p.score - 0.05 * places.index(p))`: the surest, a later
    place only if surer by 0.05 per place before it. (A place equal to one before it, which
    `index` finds, is no other answer: that one, first, scores as much.)"""
    best = places[0]
    best_key = best.score
    for index, place in enumerate(places):
        key = place.score - 0.05 * index
        if key > best_key:
            best, best_key = place, key
    return best


def _most_specific(places: list[PlaceMention]) -> PlaceMention:
    """`min(places, key=lambda p: (p.precision, p.start))`."""
    best = places[0]
    for place in places:
        if place.precision < best.precision or (place.precision == best.precision
                                                and place.start < best.start):
            best = place
    return best


_RANK: Final = {False: 0, True: 1}  # a country alone is the least specific place


def country_of_text(text: str, gaz: Gazetteer,
                    named: list[tuple[str, int, int]] | None = None,
                    country_hint: str | None = None) -> str | None:
    """The country `text` is about (`named`: `find_countries(text)`, when the caller has
    it; `country_hint`: the actors' country, which outweighs names matched only loosely,
    half votes: "PMF shelling near Amerli" is not about India)."""
    votes = _country_votes(text, _memo(gaz), named=named)
    top = _top(votes)
    if country_hint and top is not None and votes[top] < 1:
        return country_hint
    return top


def _top(votes: dict[str, float]) -> str | None:
    """The country with the most votes, the first named on a tie (as Counter.most_common)."""
    top: str | None = None
    most = 0.0
    for code, vote in votes.items():  # (a loop, not max() and a key function: no calls)
        if top is None or vote > most:
            top, most = code, vote
    return top


# --------------------------------------------------------------------------- internals


def _country_votes(text: str, memo: _Memo,
                   spans: list[tuple[int, int, str]] | None = None,
                   named: list[tuple[str, int, int]] | None = None,
                   looked: list[_Lookup | None] | None = None,
                   away: dict[int, bool] | None = None,
                   ascii_text: bool = False) -> dict[str, float]:
    """(`ascii_text`: the whole text is ASCII, known already.)"""
    votes: dict[str, float] = {}  # half votes too
    named = named if named is not None else find_countries(text)
    away = away if away is not None else {}
    for code, start, end in named:
        # a country's name counts more than a demonym ("Russian military police"), unless
        # it is where people come from or go ("fled into Uganda", "the border with Somalia")
        if not memo.is_country_name(text[start:end], code):
            vote = _demonym_vote(text, end)
            if not vote:
                continue  # "a Sudanese refugee": where people come from
        else:
            stands_for = _name_stands_for(text, end)
            if stands_for == _QUARTER:
                continue  # "Kosovo area in Mathare": a quarter named after the country
            vote = 1 if stands_for or _away_at(text, start, away, ascii_text) else 3
        votes[code] = votes.get(code, 0) + vote
    if looked is None:
        by_start = {start: end for _code, start, end in named}
        looked = [None if by_start.get(start, -1) >= end else _lookup(text, memo, start, end, w)
                  for start, end, w in (spans if spans is not None else _spans(text))]
    for found in looked:
        if found is None:
            continue
        digest = _digest_of(found)
        if digest.voter is None:
            continue
        weight = 0.5 if found.fuzzy or found.partial or digest.all_alias else 1.0
        if digest.admin_code is not None and found.after & AFTER_ADMIN:
            votes[digest.admin_code] = votes.get(digest.admin_code, 0) + 2 * weight
        elif digest.voter_share:
            votes[digest.voter] = votes.get(digest.voter, 0) + digest.voter_share * weight
    return votes


#: A demonym before these words names where people come from, not where they are ("a
#: Sudanese refugee", "two Chinese nationals"), or the far side of a border ("an attack
#: across the Somali border"): no vote for its country.
_DISPLACED_WORDS: Final = frozenset(
    "refugee refugees migrant migrants nationals asylum expatriates expatriate exiles "
    "exile diaspora returnees border frontier".split())

#: A demonym before these words names the people or places struck, where the event is.
_RESIDENT_WORDS: Final = frozenset(
    "villagers residents farmers herders pastoralists civilians village villages".split())

#: A country's name before one of these words, then "in" or "of", names a quarter of a
#: town named after the country ("Kosovo area in Mathare slums"), not the country.
_QUARTER_WORDS: Final = frozenset("area estate village ward quarter neighbourhood "
                                  "neighborhood".split())


#: A country's name before these words is a nationality, as a demonym is ("United States
#: warplanes", "Turkey-backed factions" aside): its forces', not the event's place.
_FORCE_WORDS: Final = frozenset(
    "forces troops soldiers army military navy warplanes jets aircraft planes drones "
    "helicopters warships".split())

#: The first letters, in either case, of the words read after a demonym (`_DISPLACED_WORDS`,
#: `_RESIDENT_WORDS`) and after a country's name (`_FORCE_WORDS`, `_QUARTER_WORDS`).
_DEMONYM_FIRSTS: Final = "".join(sorted({c for word in _DISPLACED_WORDS | _RESIDENT_WORDS
                                         for c in (word[0], word[0].upper())}))
_NAME_FIRSTS: Final = "".join(sorted({c for word in _FORCE_WORDS | _QUARTER_WORDS
                                      for c in (word[0], word[0].upper())}))
#: What a country's name stands for, where not the country (`_name_stands_for`).
_NATIONALITY: Final = 1
_QUARTER: Final = 2


def _word_after(text: str, end: int, firsts: str) -> str:
    """The letters after the one space at `end`, in lower case, where the first of them is
    one of `firsts`; else "" (most words after a country's name are told by their first
    letter: no word read)."""
    size = len(text)
    if end + 1 >= size or text[end] != " " or text[end + 1] not in firsts:
        return ""
    stop = end + 2
    while stop < size and _is_letter(text[stop]):
        stop += 1
    return text[end + 1:stop].lower()


def _is_letter(char: str) -> bool:
    """`char.isalpha()` for one character: an ASCII letter told by its code (`isalpha` is a
    method call in the compiled core, about a thousand instructions a letter), any other
    character by `isalpha`."""
    code = ord(char)
    if code < 128:
        return 97 <= code <= 122 or 65 <= code <= 90  # a-z, A-Z
    return char.isalpha()


def _demonym_vote(text: str, end: int) -> int:
    """The vote of a demonym that ends at `end` for its country: none before a word of
    people away from home (`_DISPLACED_WORDS`); two before a word of the people or places
    struck (`_RESIDENT_WORDS`: "an attack on Kenyan villagers": they live where it happened,
    the attackers may have come from anywhere); else one. (One word read for both.)"""
    word = _word_after(text, end, _DEMONYM_FIRSTS)
    if not word:
        return 1
    return 0 if word in _DISPLACED_WORDS else 2 if word in _RESIDENT_WORDS else 1


def _name_stands_for(text: str, end: int) -> int:
    """What a country's name that ends at `end` stands for where it is not the country: a
    nationality (`_NATIONALITY`) before a word of armed forces (`_FORCE_WORDS`: "United States
    reconnaissance planes" aside, one word); a quarter (`_QUARTER`) before a word of one
    (`_QUARTER_WORDS`), then "in" or "of" ("Kosovo area in Mathare"); else 0."""
    word = _word_after(text, end, _NAME_FIRSTS)
    if not word:
        return 0
    if word in _FORCE_WORDS:
        return _NATIONALITY
    if word in _QUARTER_WORDS:
        at = end + 1 + len(word)
        if text.startswith(" in ", at) or text.startswith(" of ", at):
            return _QUARTER
    return 0


class _Digest:
    """What the country votes, the regions named and the provinces' spellings read of a
    name's candidates (their first 40), worked out once per candidate list (`_digest`): the
    lists are the plans', kept from article to article."""

    __slots__ = ("admin_code", "all_alias", "homes", "provinces", "regions", "voter",
                 "voter_share")

    def __init__(self, places: list[Place]) -> None:
        first = places[:40]
        # the vote (`_country_votes`): own names first, no country
        voting = [p for p in first if p.kind != KIND_COUNTRY]
        voting = [p for p in voting if not p.alias] or voting
        self.voter: str | None = None  # None: no vote
        self.voter_share = 0.0
        self.admin_code: str | None = None  # the one country of its regions, if one
        self.all_alias = False
        if voting:
            codes = {p.country_code for p in voting}
            admins = {p.country_code for p in voting if p.kind in (KIND_ADMIN1, KIND_ADMIN2)}
            self.all_alias = all(p.alias for p in voting)
            self.voter = voting[0].country_code
            if len(admins) == 1:
                for code in admins:  # (its one member: a loop, not `next(iter(...))`, a call)
                    self.admin_code = code
            if len(codes) == 1:
                self.voter_share = 1.0
            else:
                # (the first of the most populous, and the most people of another country:
                # loops, not `max` and a key function, calls)
                top = voting[0]
                for p in voting:
                    if p.population > top.population:
                        top = p
                rest = 0
                seen = False
                for p in voting:
                    if p.country_code != top.country_code and (
                            not seen or p.population > rest):
                        rest = p.population
                        seen = True
                self.voter = top.country_code
                if top.population >= 100_000:
                    self.voter_share = 1.0 if top.population >= 10 * rest else 0.5
        # the regions it may name (`_regions_named`), each once (a region named again adds
        # the name to the same set); and the regions each candidate lies in, as
        # `_in_named_region` looks them up (`_inside`): (country, the keys of its province
        # and, for a town, its district: `_region_key`), or None for a country or a province
        # (inside none). (One loop: a district's province key made once for both.)
        regions: dict[str, None] = {}
        homes: list[tuple[str, tuple[str, ...]] | None] = []
        for p in first:
            kind = p.kind
            if kind == KIND_COUNTRY:
                homes.append(None)
                continue
            code = p.country_code
            admin1 = p.admin1
            province = _region_key(code, _core(admin1)) if admin1 else ""
            if kind == KIND_ADMIN1:
                if admin1:
                    regions[province] = None
                homes.append(None)
                continue
            admin2 = p.admin2
            district = _region_key(code, _core(admin2)) if admin2 else ""
            if kind == KIND_ADMIN2:
                if admin1:
                    regions[province] = None
                if admin2:
                    regions[district] = None
                homes.append((code, (province,) if admin1 else ()))
            elif kind == KIND_CITY and admin2:
                homes.append((code, (province, district) if admin1 else (district,)))
            else:
                homes.append((code, (province,) if admin1 else ()))
        self.regions: list[str] = list(regions)
        self.homes = homes
        # its provinces (country, name), each with whether a town of that province is a
        # candidate too
        self.provinces: list[tuple[str, str, bool]] = [
            (p.country_code, p.admin1, any(o.kind == KIND_CITY and o.admin1 == p.admin1
                                           and o.country_code == p.country_code for o in first))
            for p in first if p.kind == KIND_ADMIN1 and p.admin1]


def _digest(places: list[Place]) -> _Digest:
    """The `_Digest` of a candidate list, kept while the list lives in a plan (by identity:
    the entry holds the list, so its id is not reused while kept)."""
    entry = _DIGESTS.get(id(places))
    if entry is not None and entry[0] is places:
        return entry[1]
    digest = _Digest(places)
    if len(_DIGESTS) >= PLAN_CACHE_SIZE:
        _DIGESTS.clear()
    _DIGESTS[id(places)] = (places, digest)
    return digest


_DIGESTS: Final[dict[int, tuple[list[Place], _Digest]]] = {}


class _Lookup:
    """A span's candidate places: where the name starts and ends, whether a cue word
    ("in", "near", "district") marks it as a place, and whether it matched only by
    spelling variant. (A plain class, not a dataclass: mypyc compiles its __init__, where
    a dataclass's generated one runs interpreted, a tenth of a lookup's time.)"""

    __slots__ = ("after", "cue", "digest", "end", "fuzzy", "key", "partial", "places", "start")

    def __init__(self, places: list[Place], key: str, start: int, end: int, cue: bool,
                 fuzzy: bool, partial: bool, after: int) -> None:
        self.places = places
        self.key = key
        self.start = start
        self.end = end
        self.cue = cue
        self.fuzzy = fuzzy
        self.partial = partial  # the first words of a longer name ("Cerro" of "Cerro Navia")
        self.after = after  # what the word after it says (`_after` at `end`)
        self.digest: _Digest | None = None  # `_digest(places)`, once asked (`_digest_of`)


def _digest_of(found: _Lookup) -> _Digest:
    """`_digest(found.places)`, kept on the lookup: asked for by the votes, the regions
    named, the candidates inside them and the provinces' spellings, found once."""
    digest = found.digest
    if digest is None:
        digest = found.digest = _digest(found.places)
    return digest


def _regions_named(looked: list[_Lookup | None]) -> dict[str, set[str]]:
    """(country code, folded region name), as its key (`_region_key`) -> the names in the
    text that may name it."""
    out: dict[str, set[str]] = {}
    done: dict[str, list[Place]] = {}  # name -> its candidates, added already
    for found in looked:
        if found is None or done.get(found.key) is found.places:  # (a name named again)
            continue
        done[found.key] = found.places
        for region in _digest_of(found).regions:
            names = out.get(region)
            if names is None:
                out[region] = {found.key}
            else:
                names.add(found.key)
    return out


def _core(name: str) -> str:
    """`core(name)` from a dict kept here: a look-up, not a call through lru_cache."""
    key = _CORES.get(name)
    if key is None:
        key = core(name)
        if len(_CORES) >= PLAN_CACHE_SIZE:
            _CORES.clear()
        _CORES[name] = key
    return key


_CORES: Final[dict[str, str]] = {}


def _in_named_region(place: Place, key: str,
                     regions: dict[str, set[str]]) -> bool:
    """Whether another name in the text names a region `place` lies in ("Mabai (Kankara
    LGA, Katsina)": Mabai in Katsina). `key` is the place's own name in the text."""
    if place.kind == KIND_ADMIN1:  # a province lies in no other
        return False
    for name in (place.admin1, place.admin2 if place.kind == KIND_CITY else None):
        if name:
            found = regions.get(_region_key(place.country_code, _core(name)))
            if found and (len(found) > 1 or key not in found):
                return True
    return False


def _inside(found: _Lookup, regions: dict[str, set[str]], named: set[str],
            known: dict[str, tuple[list[Place], list[bool]]]) -> list[bool]:
    """Whether each of the first 40 candidates of `found` lies in a region another name of
    the text names (`_in_named_region`; `named`: the countries of `regions`), worked out
    once per name and candidate list of a text (`known`: the answers so far, by name)."""
    key = found.key
    entry = known.get(key)
    if entry is not None and entry[0] is found.places:
        return entry[1]
    # (`_in_named_region` of each, its regions' keys read off the digest: no key built)
    by_key = regions
    flags: list[bool] = []
    for home in _digest_of(found).homes:
        flag = False
        if home is not None and home[0] in named:
            for region in home[1]:
                names = by_key.get(region)
                if names and (len(names) > 1 or key not in names):
                    flag = True
                    break
        flags.append(flag)
    known[key] = (found.places, flags)
    return flags


def _consistent(looked: list[_Lookup | None], regions: dict[str, set[str]],
                named: set[str], known: dict[str, tuple[list[Place], list[bool]]],
                ) -> list[tuple[str, float]]:
    """(country, vote) of every span with a candidate inside a region named elsewhere: 1.5
    when one country has such candidates, else 0.75 for the most populous one's. `named`:
    the countries of `regions`; `known`: as `_inside`'s."""
    out: list[tuple[str, float]] = []
    for found in looked:
        if found is None:
            continue
        flags = _inside(found, regions, named, known)
        for flag in flags:  # (a native loop over the flags, not `True not in flags`)
            if flag:
                break
        else:
            continue
        inside = [found.places[i] for i, flag in enumerate(flags) if flag]
        codes = {p.country_code for p in inside}
        if len(codes) == 1:
            out.append((inside[0].country_code, 1.5))
        elif codes:
            out.append((max(inside, key=lambda p: p.population).country_code, 0.75))
    return out


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of every candidate name of `text`: the runs of capitalised words
    (`_candidates`), cut (`_parts`) and trimmed (`_trimmed`); a run of words cut once per
    run (`_cuts`: runs recur from article to article, "The United Nations"). (`find_places`
    reads the same spans off `_candidates` in its own loop: a change here goes there too.)"""
    out = []
    for start, end in _candidates(text):
        words = text[start:end]
        if " " in words or "." in words:
            for shift, size, part in _cuts(words):
                out.append((start + shift, start + shift + size, part))
        else:  # one word: nothing to cut or trim
            out.append((start, end, words))
    return out


def _cuts(words: str) -> list[tuple[int, int, str]]:
    """`_cut(words)`, kept per run of words."""
    cut = _CUTS.get(words)
    if cut is None:
        cut = _cut(words)
        if len(_CUTS) >= _CUTS_SIZE:
            _CUTS.clear()
        _CUTS[words] = cut
    return cut


def _cut(words: str) -> list[tuple[int, int, str]]:
    """(start, length, words) of the names of a run of capitalised words that holds a space
    or a full stop, offsets in the run: the run cut (`_parts`) and trimmed (`_trimmed`)."""
    if " " in words and not (
            "." in words or " of " in words or "'s " in words or "’s " in words):
        start, end, part = _trimmed(0, words)
        return [(start, end - start, part)]
    out = []
    for begin, part in _parts(0, words):
        start, end, part = _trimmed(begin, part)
        out.append((start, end - start, part))
    return out


#: The cuts of the runs of words read lately (a full cache starts afresh: memory stays
#: bounded).
_CUTS: Final[dict[str, list[tuple[int, int, str]]]] = {}
_CUTS_SIZE: Final = 4_096


_PART_BREAK: Final = re.compile(r"\.\s+|\s+of\s+|['’]s\s+")


def _parts(start: int, words: str) -> list[tuple[int, str]]:
    """A run of capitalised words (at `start`) cut at sentence ends ("Logar. No"), at "of"
    ("Bat Galim Square of Haifa") and after a possessive ("Tel Aviv's Holon"); a cut needs
    white space, so that a run without any ("U.S.") is one part. (The cuts: the matches of
    `_PART_BREAK`, found by `_part_break`.)"""
    if not _has_space(words) or ("." not in words and " of " not in words
                                 and "'s " not in words and "’s " not in words):
        whole = words.rstrip(".")
        return [(start, whole)] if whole else []
    out = []
    pos = 0
    while True:
        cut, cut_end = _part_break(words, pos)
        if cut < 0:
            break
        if cut > pos:
            out.append((start + pos, words[pos:cut].rstrip(".")))
        pos = cut_end
    if pos < len(words):
        out.append((start + pos, words[pos:].rstrip(".")))
    return [(s, w) for s, w in out if w]


def _part_break(words: str, pos: int) -> tuple[int, int]:
    """(start, end) of the first match of `_PART_BREAK` in `words` from `pos` on, or (-1, -1),
    found by `str.find` (a regex iteration costs thousands of instructions a cut). Each of
    its branches starts with a character of its own (a full stop, white space, an apostrophe)
    and ends with all the white space that follows: the match is the branch that matches
    first; "of" is cut with the white space before it, from `pos` on."""
    best = _mark_at(words, ".", pos, -1)
    after = best + 1
    at = _mark_at(words, "'s", pos, best)
    if at >= 0:
        best, after = at, at + 2
    at = _mark_at(words, "’s", pos, best)
    if at >= 0:
        best, after = at, at + 2
    size = len(words)
    at = words.find("of", pos + 1)
    while at >= 0 and (best < 0 or at < best):
        if words[at - 1].isspace() and at + 2 < size and words[at + 2].isspace():
            return _space_back(words, at, pos), _space_end(words, at + 2)
        at = words.find("of", at + 1)
    return (best, _space_end(words, after)) if best >= 0 else (-1, -1)


def _mark_at(words: str, mark: str, pos: int, before: int) -> int:
    """Where `mark` first comes in `words` from `pos` on, before `before` (unless it is -1),
    followed by white space; or -1."""
    size = len(words)
    at = words.find(mark, pos)
    while at >= 0 and (before < 0 or at < before):
        if at + len(mark) < size and words[at + len(mark)].isspace():
            return at
        at = words.find(mark, at + 1)
    return -1


def _space_end(words: str, at: int) -> int:
    """Where the white space that starts at `at` ends."""
    size = len(words)
    while at < size and words[at].isspace():
        at += 1
    return at


def _has_space(words: str) -> bool:
    """Whether `words` hold white space (as `\\s` matches it)."""
    return " " in words or len(words.split(None, 1)) > 1


def _trimmed(start: int, words: str) -> tuple[int, int, str]:
    # drop a sentence-initial stop word ("The Kunduz attack" -> "Kunduz")
    # (`str.find` and a slice, not `partition`: a tuple and two strings a name)
    space = words.find(" ")
    if space < 0 or space == len(words) - 1:
        return start, start + len(words), words  # (no word after a space: nothing to trim)
    folded = words[:space].lower()
    if folded in _NOT_PLACES and folded not in _KEEP_FIRST:
        start += space + 1
        words = words[space + 1:]
    # and a day or month after the name ("in central Nairobi Monday" -> "Nairobi")
    if words[-1] in "yhletr":  # how the names of days and months end
        head, _, last = words.rpartition(" ")
        if last.lower() in _DAYS_MONTHS:
            words = head
    return start, start + len(words), words


_DAYS_MONTHS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday january "
                                "february march april june july august september october november "
                                "december".split())


#: Short forms of regions the news writes after a town ("Pipri, Kaushambi (UP)"): counted
#: only there, in parentheses or after a comma ("an MP" is a member of parliament).
REGION_ABBREVIATIONS: Final[dict[str, tuple[str, str]]] = {
    "UP": ("IN", "uttar pradesh"), "MP": ("IN", "madhya pradesh"),
    "AP": ("IN", "andhra pradesh"), "HP": ("IN", "himachal pradesh"),
    "TN": ("IN", "tamil nadu"), "WB": ("IN", "west bengal"), "J&K": ("IN", "jammu and kashmir"),
    "KP": ("PK", "khyber pakhtunkhwa"), "KPK": ("PK", "khyber pakhtunkhwa"),
}
_ABBREVIATED: Final = frozenset(REGION_ABBREVIATIONS) | {"J"}  # "J&K" is the span "J"
if max(len(words) for words in _ABBREVIATED) > 3:
    raise ValueError("a short form of more than three characters (`_lookup` reads no more)")
_ABBREVIATION_BEFORE: Final = re.compile(r"(?:\(|,\s)$")
_ABBREVIATION_AFTER: Final = re.compile(r"[),;.]|\s*$")


def _abbreviation(text: str, gaz: Gazetteer, start: int, end: int,
                  words: str) -> _Lookup | None:
    """A region's short form after a town: "(Reasi district, J&K)", "Erode (TN)"."""
    if words == "J" and text.startswith("J&K", start):
        words, end = "J&K", start + 3
    region = REGION_ABBREVIATIONS.get(words)
    if region is None or not _ABBREVIATION_BEFORE.search(text, max(0, start - 2), start) or (
            not _ABBREVIATION_AFTER.match(text, end)):
        return None
    place = gaz.admin1_of(*region)
    if place is None:
        return None
    return _Lookup([place], region[1], start, end, True, False, False, _after(text, end))


class _Plan:
    """What the gazetteer says of a name whatever the text around it, worked out once per
    name (`_plan`): the candidates `_lookup` may take, and the cue tests choose among them.
    Each list is as `_lookup` returns it (a far bigger city's English name as its own). (A
    plain class, as `_Lookup`: a dataclass's generated __init__ runs interpreted.)"""

    __slots__ = ("found", "fuzzy", "head", "key", "like", "may_be_like", "no_town", "raw",
                 "shift", "trail", "words", "words_key")

    def __init__(self, shift: int, words: str, key: str, words_key: str, found: list[Place],
                 fuzzy: bool, may_be_like: bool, head: tuple[str, int, list[Place]] | None,
                 trail: tuple[str, int, list[Place]] | None, raw: list[Place],
                 no_town: bool) -> None:
        self.shift = shift  # characters dropped at the start ("Northern Kenya" -> "Kenya")
        self.words = words  # the words after the shift
        self.key = key
        self.words_key = words_key  # core() of the words after the shift
        #: the candidates of the name (or of a compass region spelled so)
        self.found = found
        self.fuzzy = fuzzy  # found by spelling variant
        #: else: regions and towns spelled like it may place it (a cue says so)
        self.may_be_like = may_be_like
        self.head = head  # else: a town-district name's town
        self.trail = trail  # else: the first words of the name
        self.raw = raw  # `found` as the gazetteer gives it (before `_own_names`)
        self.no_town = no_town  # no candidate of `raw` is a town
        #: the regions and towns spelled like it, asked for the first time a cue calls for
        #: them
        self.like: list[Place] | None = None


def _own_names(found: list[Place]) -> list[Place]:
    """A city far bigger than every town of that name is found under its English name
    ('Odessa'): not an alias there. (A region named after its capital does not count:
    'Mogilev' is the city Mahilyow; nor does a name that is a big region's own name in
    another country: 'Bethlehem' is no English name of Belem while a Palestinian governorate
    is called so.)"""
    # (`max` of the towns' people, default 0, in a loop: no generator made and called)
    own = 0
    first = True
    for p in found:
        if not p.alias and p.kind == KIND_CITY and (first or p.population > own):
            own = p.population
            first = False
    if any(p.alias and p.population >= 5 * own for p in found):
        abroad = {p.country_code for p in found if not p.alias and p.population >= 50_000
                  and p.kind in (KIND_ADMIN1, KIND_ADMIN2)}
        return [replace(p, alias=False) if p.alias and p.population >= 5 * own
                and not abroad - {p.country_code} else p for p in found]
    return found


class _Memo:
    """What is worked out once per name and kept per gazetteer: names recur from article to
    article, their gazetteer answers do not change."""

    __slots__ = ("country_names", "gaz", "plans")

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        #: (a name that is no place: `_NO_PLAN`, so that a name known is told from one not
        #: asked yet by one `get`, where a miss of `plans[words]` raised and caught a
        #: KeyError: thousands of instructions)
        self.plans: dict[str, _Plan] = {}
        #: (by the words, then the code: no key tuple built per question)
        self.country_names: dict[str, dict[str, bool]] = {}

    def plan(self, words: str) -> _Plan | None:
        """The `_Plan` of `words` (None: no place, whatever the text says around it)."""
        plans = self.plans
        known = plans.get(words)  # (one look-up: most names are known)
        if known is not None:
            return None if known is _NO_PLAN else known
        plan = _make_plan(self.gaz, words)
        if len(plans) >= PLAN_CACHE_SIZE:
            plans.clear()
        plans[words] = _NO_PLAN if plan is None else plan
        return plan

    def is_country_name(self, words: str, code: str) -> bool:
        """Whether `words` name the country `code` (not its demonym)."""
        by_code = self.country_names.get(words)
        if by_code is None:
            if len(self.country_names) >= PLAN_CACHE_SIZE:
                self.country_names.clear()
            by_code = self.country_names[words] = {}
        known = by_code.get(code)
        if known is None:
            known = by_code[code] = _is_country_name(self.gaz, words, code)
        return known


#: The plan kept for a name that is no place (`_Memo.plans`), never given out.
_NO_PLAN: Final = _Plan(0, "", "", "", [], False, False, None, None, [], True)


def _memo(gaz: Gazetteer) -> _Memo:
    memo = _MEMOS.get(id(gaz))
    if memo is None or memo.gaz is not gaz:  # (the memo holds the gazetteer: ids stay)
        if len(_MEMOS) >= 4:
            _MEMOS.clear()
        memo = _MEMOS[id(gaz)] = _Memo(gaz)
    return memo


#: Names whose plans are kept per gazetteer (a full cache starts afresh: memory stays bounded).
PLAN_CACHE_SIZE: Final = 16_384
_MEMOS: Final[dict[int, _Memo]] = {}


def _make_plan(gaz: Gazetteer, words: str) -> _Plan | None:
    key = core(words)
    if not key or key in _NOT_PLACES or len(key) < 3:
        return None
    shift = 0
    found = gaz.candidates(key)
    if " " in key:
        # a name the gazetteer writes as one word ("Beled Weyne" for Beledweyne)
        joined = gaz.candidates(key.replace(" ", ""))
        if joined:
            found = sorted(found + [p for p in joined if p not in found],
                           key=lambda p: (-p.population, p.kind))
    fuzzy = False
    if not found and region_alias(key):  # "Saladin province", "Almargeb"
        found = [p for p in (gaz.admin1_of(*target) for target in region_alias(key))
                 if p is not None]
    first, _, rest = words.partition(" ")
    if not found and rest and first.lower() in _COMPASS:
        found = gaz.regions_like(words)  # "Lower Shabelle" for Shabeellaha Hoose
        fuzzy = bool(found)
    if not found and rest and first.lower() in _KEEP_FIRST:
        # "Northern Kenya" -> "Kenya"; "North Sinai", "Al Jumayl" stay whole (names so)
        shift = len(first) + 1
        words, key = rest, core(rest)
        found = gaz.candidates(key)
    # (most names are spelled like no region or town, and are then no place whatever the
    # text says: told by their skeleton alone, no cue read for them)
    may_be_like = not found and not (words.isupper() and len(words) <= 6) and (
        gaz.may_be_like(words))
    head: tuple[str, int, list[Place]] | None = None
    trail: tuple[str, int, list[Place]] | None = None
    if not found:
        if "-" in words:
            # "Athens-Central Athens", "Mogadishu-Karan": ACLED's town-district names
            part = words.split("-")[0]
            part_core = core(part) if len(part) >= 4 else ""  # (asked once, not thrice)
            if len(part) >= 4 and part_core not in _NOT_PLACES:
                at_head = gaz.candidates(part_core)
                if at_head:
                    head = (part_core, len(part), _own_names(at_head))
        # "Qadis district center": the name without trailing words (a first word of three
        # letters only before an institution's: "Van Governor's Office")
        parts = words.split()
        at_trail: list[Place] = []
        part_key = key
        while len(parts) > 1 and not at_trail:
            parts = parts[:-1]
            part_key = core(" ".join(parts))
            size = len(part_key)
            if part_key not in _NOT_PLACES and (size >= 4 or (
                    size == 3 and len(parts) == 1 and _institution_after(words, len(parts[0])))):
                at_trail = gaz.candidates(part_key)
        if at_trail:
            trail = (part_key, len(" ".join(parts)), _own_names(at_trail))
        if not may_be_like and head is None and trail is None:
            return None
    # (`key` is `core(words)`: of the words after the shift too)
    return _Plan(shift, words, key, key, _own_names(found), fuzzy, may_be_like, head, trail,
                 found, not any(p.kind == KIND_CITY for p in found))


def _lookup(text: str, memo: _Memo, start: int, end: int, words: str,
            ascii_text: bool = False) -> _Lookup | None:
    """The candidate places of the span `words` (`start`, `end`) and what the text says around
    it, or None (no place). `ascii_text`: the whole text is ASCII, known already."""
    gaz = memo.gaz
    if len(words) <= 3 and words in _ABBREVIATED:  # (no short form is longer)
        return _abbreviation(text, gaz, start, end, words)
    # (`memo.plan(words)`, its look-up made here: most names are known, and a method call
    # costs more than the look-up itself)
    known = memo.plans.get(words)
    plan = memo.plan(words) if known is None else None if known is _NO_PLAN else known
    if plan is None:
        return None
    after = span_after = _after(text, end, ascii_text)
    if after & AFTER_OUTLET:
        return None
    start += plan.shift
    found, key, fuzzy = plan.found, plan.key, plan.fuzzy
    # (whether a cue comes before it, read only where asked: a name that is no place, or
    # one the word after it cues, needs no look back)
    cue_before = False
    cue_read = False
    if found and plan.no_town and _town_of(text, start):
        # "the town of Zhukovskiy": a town, under another spelling if need be (Zhukovsky),
        # rather than the districts named after it (a town of their country)
        codes = {p.country_code for p in plan.raw}
        found = _own_names([p for p in gaz.regions_like(plan.words)
                            if p.kind == KIND_CITY and p.country_code in codes] + plan.raw)
    if not found and plan.may_be_like and not (after & AFTER_ADMIN
                                               or text[start - 1:start] == "("):
        cue_before, cue_read = _cue_before(text, start, ascii_text), True
    if not found and plan.may_be_like and (cue_before or after & AFTER_ADMIN
                                           or text[start - 1:start] == "("):
        if plan.like is None:  # "Aljfara" for "Al Jifarah" (asked late: a slow question)
            plan.like = _own_names(gaz.regions_like(plan.words))
            plan.may_be_like = bool(plan.like)
            if not plan.like and plan.head is None and plan.trail is None:
                memo.plans[words] = _NO_PLAN  # no place, whatever the text says
        if plan.like:
            found, fuzzy = plan.like, True
    if not found:
        if plan.head is not None and not after & AFTER_ROUTE:
            # (not the "Dhaka-Mymensingh highway"); partial: the words stay whole
            key, length, found = plan.head
            end = start + length
            after = _after(text, end, ascii_text)
        elif plan.trail is not None:
            key, length, found = plan.trail
            end = start + length
            after = _after(text, end, ascii_text)
            if after & AFTER_OUTLET:
                return None
            # "Hassan Dabouq" -> "Hassan": a part of a longer name is a place only where the
            # text says so ("in Qadis district center"; a comma before it is no such word:
            # "the Mayor of Tyr, Hassan Dabouq") or where the rest names an institution of
            # the place ("Meru University", "Nairobi Governor Evans Kidero")
            # ("Ramacha, Baringo South": a compass word after a name leaves it a place)
            if not cue_read:
                cue_before, cue_read = _cue_before(text, start, ascii_text), True
            if not ((cue_before and (not _COMMA_BEFORE.search(text, max(0, start - 3), start)
                                     or plan.words[length:].split()[0].lower() in _COMPASS))
                    or after & AFTER_CUE or _institution_after(text, end)):
                return None
        else:
            return None
    if (after | span_after) & AFTER_ORG or (key in _ORG_HEADS and text.startswith(" of ", end)):
        return None  # a firm's or a family's name ("Mumias Sugar company"), an organisation's
    if not cue_read and not after & AFTER_CUE:
        cue_before = _cue_before(text, start, ascii_text)
    cue = cue_before or bool(after & AFTER_CUE)
    # a lone capitalised word opening a sentence ("Village mob torches homes") is a place
    # only as much as a part of a name is
    opening = not cue and " " not in plan.words and _sentence_start(text, start)
    return _Lookup(found, key, start, end, cue, fuzzy, key != plan.words_key or opening, after)


def _resolve(text: str, found: _Lookup, regions: dict[str, set[str]],
             named: set[str], inside: list[bool], focus_country: str | None,
             countries: dict[str, float]) -> tuple[Place, float] | None:
    """The likeliest place of `found` and its score; `named`: the countries of `regions`,
    `inside`: `_inside` of `found`."""
    end, cue = found.end, found.cue
    wanted = _wanted(found.after)
    if wanted is None and end - found.start >= 5 and text[end - 5:end] in (" City", " Town"):
        wanted = KIND_CITY  # "Guatemala City" is the town, not the country
    # "the town of Zhukovskiy": the town rather than a district of its name (a tie-break)
    town_of = _town_of(text, found.start)
    admin_after = bool(found.after & AFTER_ADMIN)
    district_after = bool(found.after & AFTER_DISTRICT)
    best: Place | None = None
    best_score = -1.0
    pool = found.places[:40]
    if len(found.places) > 40 and regions:  # a small namesake in a region the text names
        pool = pool + [p for p in found.places[40:] if p.country_code in named
                       and _in_named_region(p, found.key, regions)]
    for index, place in enumerate(pool):
        score = 0.25
        if wanted is not None and place.kind == wanted:
            score += 0.3
        if place.kind == KIND_COUNTRY:
            score += 0.2
        if focus_country and place.country_code == focus_country:
            score += 0.35
        elif countries and place.country_code in countries:
            score += 0.2
        elif focus_country:
            score -= 0.2  # a namesake abroad when the text is about another country
        # a region named elsewhere: "Qadis district, Badghis" / "Oicha (Beni, Nord-Kivu)"
        if index >= len(inside) or inside[index]:  # (the namesakes after 40 lie in one)
            score += 0.4
            if place.kind == KIND_CITY and place.admin2 and (
                    regions.get(_region_key(place.country_code, _core(place.admin2)),
                                {found.key})
                    - {found.key}):
                score += 0.1  # its district too, not only its province
        if place.kind in (KIND_ADMIN1, KIND_ADMIN2) and admin_after:
            score += 0.25
        if place.kind == KIND_ADMIN2 and district_after:
            score += 0.15
        if cue:
            score += 0.15
        if place.alias or found.partial:
            score -= 0.1  # under another language's name, or a part of a longer name
        if place.kind == KIND_CITY:
            score += min(place.population, 1_000_000) / 10_000_000 + (0.1 if town_of else 0.0)
            if place.admin1 and _core(place.admin1) == found.key and wanted is None:
                score += 0.06  # "in Fier": the town, not its namesake province
            elif place.admin2 and place.admin2.lower() == found.key:
                score += 0.01  # the seat of its namesake district, as if 100,000 more people
        elif place.kind == KIND_ADMIN1:
            score += 0.05
        if score > best_score:
            best, best_score = place, score
    if best is None:
        return None
    return best, min(best_score, 1.0)




def _precision(text: str, place: Place, end: int) -> int:
    if place.kind == KIND_CITY:
        return 1
    if place.kind == KIND_ADMIN2:
        return 2
    return 3
