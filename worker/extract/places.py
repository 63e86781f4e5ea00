"""Places in text, resolved against the gazetteer; the event's location.

Candidates are runs of capitalised words (and the small words inside names: "de", "al-").
Each is looked up by its folded core name; an ambiguous name is settled by the country the
text is about (country names, demonyms, unambiguous regions), by a region named right after
it ("Qadis district, Badghis"), by the cue words around it ("in", "near", "village of"),
and by population. Outlets and actors ("India Today", "Taliban") are not places.
"""

from __future__ import annotations

import re
from collections import Counter

from worker.extract.countries import find_countries
from worker.extract.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_COUNTRY,
    Gazetteer,
    Place,
    core,
)
from worker.extract.types import PlaceMention

_CANDIDATE = re.compile(  # (first character before the look-behind: the engine skips in C)
    r"[A-Za](?<![\w'’-].)(?:(?<=[A-Z])[\w'’.-]*|(?<=a)l-[A-Z][\w'’-]*)"
    r"(?:(?:\s+|-)(?:(?:de|del|da|do|dos|das|el|al|la|le|les|of|bin|ibn|wa|y)\s+)?"
    r"(?:[A-Z][\w'’-]*|al-[A-Z][\w'’-]*))*")
_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|outside|around|from|into|of|towards|to|across|between|and|on)\s+"
    r"(?:the\s+)?(?:(?:town|city|village|villages|district|province|county|region|area|"
    r"state|governorate|municipality|outskirts|suburb|camp|locality|neighbourhood|"
    r"neighborhood|commune|department|sub-county|ward|vicinity)\s+of\s+)?|,\s*)$",
    re.IGNORECASE)
_CUE_AFTER = re.compile(
    r"\s+(?:town|city|village|district|province|county|region|area|state|governorate|"
    r"municipality|camp|locality|commune|department|sub-county|ward|neighbourhood|"
    r"neighborhood|valley|border|market|road|highway)\b", re.IGNORECASE)
_ADMIN_AFTER = re.compile(r"\s+(?:district|province|county|state|governorate|region|"
                          r"department|oblast|prefecture)\b", re.IGNORECASE)
_DISTRICT_AFTER = re.compile(r"\s+(?:district|sub-county|subcounty|division|municipality|"
                             r"commune)\b", re.IGNORECASE)
_NEAR_BEFORE = re.compile(r"\b(?:near|outside|outskirts of|close to|north of|south of|east of|"
                          r"west of|km from|kilometres from|kilometers from)\s+(?:the\s+)?$",
                          re.IGNORECASE)
_NOT_PLACES = frozenset(
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
    "ngo ngos un unhcr icrc msf".split())
_OUTLET_TAIL = re.compile(r"\s+(?:Today|Times|Post|News|Express|Herald|Tribune|Daily|"
                          r"Journal|Telegraph|Gazette|Observer|Chronicle|Standard|Nation|"
                          r"Monitor|Independent|Radio|TV|Online|Agency)\b")


def find_places(text: str, gaz: Gazetteer, offset: int = 0,
                country_hint: str | None = None) -> list[PlaceMention]:
    """Every place mention of `text`, resolved, with a score; offsets are absolute."""
    spans = _spans(text)
    countries = _country_votes(text, gaz, spans)
    if country_hint:
        countries[country_hint] += 3
    focus_country = countries.most_common(1)[0][0] if countries else None
    out: list[PlaceMention] = []
    for index, (start, end, words) in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        mention = _resolve(text, gaz, start, end, words, following, focus_country, countries)
        if mention is not None:
            out.append(PlaceMention(
                mention[0].name, mention[0].admin1, mention[0].admin2, mention[0].country,
                mention[0].country_code, mention[0].latitude, mention[0].longitude,
                _precision(text, mention[0], end), None if mention[0].geonames_id is None
                else mention[0].geonames_id, offset + start, offset + mention[2],
                text[start:mention[2]], mention[1]))
    return out


def resolve_location(text: str, gaz: Gazetteer, offset: int = 0,
                     focus: tuple[int, int] | None = None) -> PlaceMention | None:
    """The event's location: the most specific reliable place, preferring the `focus` span
    (absolute offsets, the event's sentence), else the first place of the text."""
    return pick_location(find_places(text, gaz, offset), focus)


def pick_location(found: list[PlaceMention],
                  focus: tuple[int, int] | None = None) -> PlaceMention | None:
    """`resolve_location` over places already found (find them once per article)."""
    places = [p for p in found if p.score >= 0.4]
    if not places:
        return None
    if focus is not None:
        inside = [p for p in places if focus[0] <= p.start < focus[1]]
        if inside:
            places = inside
    countries = Counter(p.country_code for p in places)
    main = countries.most_common(1)[0][0]
    places = [p for p in places if p.country_code == main] or places
    # most specific first; among equals the first mentioned
    # the first town or district named (ACLED notes and leads name the event's place first),
    # else the first region, else the country
    specific = [p for p in places if p.precision <= 2 and p.score >= 0.5]
    if specific:
        return specific[0]
    regions = [p for p in places if p.admin1 is not None]
    if regions:
        return min(regions, key=lambda p: (p.precision, p.start))
    return places[0]


_RANK = {False: 0, True: 1}  # a country alone is the least specific place


def country_of_text(text: str, gaz: Gazetteer) -> str | None:
    votes = _country_votes(text, gaz)
    return votes.most_common(1)[0][0] if votes else None


# --------------------------------------------------------------------------- internals


def _country_votes(text: str, gaz: Gazetteer,
                   spans: list[tuple[int, int, str]] | None = None) -> Counter[str]:
    votes: Counter[str] = Counter()  # half votes too: Counter holds any number
    for code, _, _ in find_countries(text):
        votes[code] += 2
    for _start, end, words in spans if spans is not None else _spans(text):
        key = core(words)
        if key in _NOT_PLACES:
            continue
        found = gaz.candidates(key)
        admins = {p.country_code for p in found if p.kind in (KIND_ADMIN1, KIND_ADMIN2)}
        if len(admins) == 1 and _ADMIN_AFTER.match(text, end):
            votes[next(iter(admins))] += 2
        elif len({p.country_code for p in found}) == 1:
            votes[found[0].country_code] += 1
        elif found and found[0].kind != KIND_COUNTRY and found[0].population >= 100_000:
            votes[found[0].country_code] += 0.5  # type: ignore[assignment]
    return votes


def _spans(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _CANDIDATE.finditer(text):
        words = m.group().rstrip(".")
        start = m.start()
        # drop a sentence-initial stop word ("The Kunduz attack" -> "Kunduz")
        first, _, rest = words.partition(" ")
        if rest and first.lower() in _NOT_PLACES:
            start += len(first) + 1
            words = rest
        out.append((start, start + len(words), words))
    return out


def _resolve(text: str, gaz: Gazetteer, start: int, end: int, words: str,
             following: tuple[int, int, str] | None, focus_country: str | None,
             countries: Counter[str]) -> tuple[Place, float, int] | None:
    key = core(words)
    if not key or key in _NOT_PLACES or len(key) < 3:
        return None
    if _OUTLET_TAIL.match(text, end):
        return None
    found = gaz.candidates(key)
    if not found and (_CUE_BEFORE.search(text[max(0, start - 40):start])
                      or _ADMIN_AFTER.match(text, end) or text[start - 1:start] == "("):
        found = gaz.regions_like(words)  # "Aljfara" for "Al Jifarah"
    if not found:
        # "Qadis district center": try without trailing words
        parts = words.split()
        while len(parts) > 1 and not found:
            parts = parts[:-1]
            key = core(" ".join(parts))
            if key not in _NOT_PLACES:
                found = gaz.candidates(key)
        if not found:
            return None
        end = start + len(" ".join(parts))
        if _OUTLET_TAIL.match(text, end):
            return None
        # "Hassan Dabouq" -> "Hassan": a part of a longer name is a place only where the text
        # says so ("in Qadis district center")
        if not (_CUE_BEFORE.search(text[max(0, start - 40):start]) or _CUE_AFTER.match(
                text, end)):
            return None
    before = text[max(0, start - 40):start]
    cue = bool(_CUE_BEFORE.search(before)) or bool(_CUE_AFTER.match(text, end))
    # a region named right after: "Qadis district, Badghis" / "Oicha (Beni, Nord-Kivu)"
    region_after: set[str] = set()
    if following is not None and 0 < following[0] - end <= 30 and re.fullmatch(
            r"[\s,(]*(?:[\w-]+\s+){0,3}?[\s,(]*", text[end:following[0]]):
        for p in gaz.candidates(core(following[2])):
            if p.kind in (KIND_ADMIN1, KIND_ADMIN2) and p.admin1:
                region_after.add(core(p.admin1))
                if p.admin2:
                    region_after.add(core(p.admin2))
    after = _KIND_AFTER.match(text, end)
    wanted = _KIND_WORDS.get(after.group(1).lower()) if after else None
    best: Place | None = None
    best_score = -1.0
    for place in found[:40]:
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
        if region_after and place.admin1 and (
                core(place.admin1) in region_after or (place.admin2 and core(place.admin2)
                                                       in region_after)):
            score += 0.4
        if place.kind in (KIND_ADMIN1, KIND_ADMIN2) and _ADMIN_AFTER.match(text, end):
            score += 0.25
        if place.kind == KIND_ADMIN2 and _DISTRICT_AFTER.match(text, end):
            score += 0.15
        if cue:
            score += 0.15
        if place.kind == KIND_CITY:
            score += min(place.population, 1_000_000) / 10_000_000
        elif place.kind == KIND_ADMIN1:
            score += 0.05
        if score > best_score:
            best, best_score = place, score
    if best is None:
        return None
    return best, min(best_score, 1.0), end


_KIND_AFTER = re.compile(r"\s+(city|town|village|district|province|county|state|"
                         r"governorate|region|sub-county|municipality)\b", re.IGNORECASE)
_KIND_WORDS = {"city": KIND_CITY, "town": KIND_CITY, "village": KIND_CITY,
               "district": KIND_ADMIN2, "sub-county": KIND_ADMIN2, "municipality": KIND_ADMIN2,
               "province": KIND_ADMIN1, "county": KIND_ADMIN1, "state": KIND_ADMIN1,
               "governorate": KIND_ADMIN1, "region": KIND_ADMIN1}


def _precision(text: str, place: Place, end: int) -> int:
    if place.kind == KIND_CITY:
        return 1
    if place.kind == KIND_ADMIN2:
        return 2
    return 3
