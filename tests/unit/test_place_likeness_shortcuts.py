"""The shortcuts of the look-alike rule answer as the code first written for it (kept here as
the reference): `towns_like_in` reading only a region's towns of the same first letter from
the index made at load, its lengths' bound first; `_with_towns_like` testing a region named
near a word before the word's own tests (and `find_places` leaving them all to it).
Checked on the gazetteer's own towns, spelling variants made of them, and sentences written
for these tests."""

from __future__ import annotations

import random

import pytest

from worker.extract.gazetteer import (
    _TOWN_LIKENESS,
    KIND_CITY,
    GeoNamesGazetteer,
    Place,
    _bare,
    _common_letters,
    _matched,
    _ratio,
    _unarticled,
    core,
)
from worker.extract.places import (
    _DAYS_MONTHS,
    _DONBAS,
    _NEAR_REACH,
    _OSCE_SMM,
    AFTER_CUE,
    AFTER_ORG,
    AFTER_OUTLET,
    AFTER_ROUTE,
    _after,
    _at_word_before,
    _candidates,
    _cuts,
    _digest_of,
    _first,
    _Lookup,
    _lookup,
    _Memo,
    _memo,
    _packed,
    _with_towns_like,
)


def _ref_towns_like_in(gaz: GeoNamesGazetteer, name: str, country_code: str,
                       region: str) -> list[Place]:
    """`towns_like_in` as first written: every town of the region's rows read."""
    rows = gaz._region_rows().get(country_code + "\x00" + region)
    if not rows:
        return []
    wanted = _unarticled(core(name).replace(" ", ""))
    if len(wanted) < 4:
        return []
    initial = wanted[:1]
    scored: list[tuple[float, int]] = []
    for admin in rows:
        level = gaz._admins[admin].level
        towns = (gaz._cities_by_admin1 if level == 1 else gaz._cities_by_admin2).get(admin, ())
        for city in towns:
            other = _bare(gaz._city_names[city])
            if other[:1] != initial or other == wanted:
                continue
            size = len(wanted) + len(other)
            if _ratio(min(len(wanted), len(other)), size) < _TOWN_LIKENESS or _ratio(
                    _common_letters(wanted, other), size) < _TOWN_LIKENESS:
                continue
            likeness = _ratio(_matched(wanted, other), size)
            if likeness >= _TOWN_LIKENESS:
                scored.append((likeness, city))
    scored.sort(key=lambda item: (-item[0], -gaz._city_pop[item[1]]))
    return [gaz._place(KIND_CITY, city) for _, city in scored]


def _variants(name: str, rng: random.Random) -> list[str]:
    """`name` and spellings of it a letter off: one dropped, doubled, changed, two swapped,
    an article put before it."""
    out = [name, "Al " + name, "El-" + name, name.upper(), name + " District"]
    for _ in range(4):
        if len(name) < 2:
            break
        at = rng.randrange(1, len(name))
        out.append(name[:at] + name[at + 1:])
        out.append(name[:at] + name[at] + name[at:])
        out.append(name[:at] + rng.choice("aeiouykhzsj'") + name[at + 1:])
        out.append(name[:at - 1] + name[at] + name[at - 1] + name[at + 1:])
    return out


#: Regions (country code, core of the name) whose towns the variants are made of: large
#: oblasts and departments, one of a name an article starts, and none such.
_REGIONS = [("UA", "donetsk"), ("UA", "luhansk"), ("CO", "antioquia"), ("IQ", "dahuk"),
            ("SY", "ar raqqah"), ("AF", "nangarhar"), ("NG", "borno"), ("CD", "nord kivu"),
            ("SO", "bay"), ("MX", "guerrero"), ("CO", "no such region")]


def test_towns_like_in_answers_as_first_written(gaz: GeoNamesGazetteer) -> None:
    rng = random.Random(7)
    asked = 0
    for code, region in _REGIONS:
        rows = gaz._region_rows().get(code + "\x00" + region, [])
        towns = [city for admin in rows for city in (
            gaz._cities_by_admin1 if gaz._admins[admin].level == 1
            else gaz._cities_by_admin2).get(admin, [])]
        names = [gaz._city_names[city] for city in rng.sample(towns, min(40, len(towns)))]
        names += ["Dabeyba", "Marjinka", "Zzzzz", "Abc", "", "Ain Issa", "Ayn Issa", "Ţal Abyaḑ",
                  "1234", "Ealing"]
        for name in names:
            for variant in _variants(name, rng):
                asked += 1
                assert gaz.towns_like_in(variant, code, region) == _ref_towns_like_in(
                    gaz, variant, code, region), (variant, code, region)
    assert asked > 2_000


def test_the_index_holds_each_town_under_its_regions(gaz: GeoNamesGazetteer) -> None:
    """Each town of a region, under the first character of its `_bare` name, in order."""
    for code, region in _REGIONS:
        for admin in gaz._region_rows().get(code + "\x00" + region, []):
            towns = (gaz._cities_by_admin1 if gaz._admins[admin].level == 1
                     else gaz._cities_by_admin2).get(admin, [])
            by_initial: dict[str, list[int]] = {}
            for city in towns:
                bare = _bare(gaz._city_names[city])
                assert gaz._city_bare[city] == bare
                if bare:
                    by_initial.setdefault(bare[0], []).append(city)
            for initial, expected in by_initial.items():
                key = admin * 0x110000 + ord(initial)
                assert list(gaz._towns_by_initial[key]) == expected


def _ref_with_towns_like(text: str, memo: _Memo, unknown: list[tuple[int, int, int, str]],
                         looked: list[_Lookup | None], focus_country: str | None,
                         kept: list[tuple[int, int, int, str, str | None, _Lookup | None]],
                         ascii_text: bool,
                         ) -> list[tuple[int, int, int, str, str | None, _Lookup | None]]:
    """`_with_towns_like` as first written, `find_places` then passing it only the words
    whose letters after the first are all small (`str.islower`)."""
    unknown = [item for item in unknown if item[3][1:].islower()]
    added: list[tuple[int, int, int, str, str | None, _Lookup | None]] = []
    smm = "SMM" in text and _OSCE_SMM.search(text) is not None
    holders = [found for found in looked if found is not None and _digest_of(found).regions]
    if not holders and not smm:
        return kept
    for index, start, end, words in unknown:
        if " " in words or words.lower() in _DAYS_MONTHS or memo.plan(words) is not None:
            continue
        named: list[str] = list(_DONBAS) if smm else []
        for found in holders:
            if start - _NEAR_REACH <= found.start <= end + _NEAR_REACH \
                    and ". " not in text[min(end, found.end):max(start, found.start)]:
                for region in _digest_of(found).regions:
                    if region not in named and (focus_country is None or region.startswith(
                            focus_country + "\x00")):
                        named.append(region)
        if not named:
            continue
        after = _after(text, end, ascii_text)
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
        added.append((index, start, end, words, None, _Lookup(
            towns[:1], core(words), start, end, True, True, False, after)))
    if not added:
        return kept
    return sorted(kept + added, key=_first)


#: Sentences written for these tests: look-alikes of towns beside their regions, with and
#: without a cue, across a full stop, before a firm's or an outlet's word, weekdays, names
#: the gazetteer knows, capitals inside a word, and the OSCE SMM's front.
_SENTENCES = [
    "Troops destroyed a drug laboratory in Dabeyba municipality, Antioquia department, on "
    "Friday.",
    "Gunmen burned a bus near Dabeyba (Antioquia) overnight, and at Medelin later.",
    "Farmers protested in Dabeyba against the tax. Ministers met in Antioquia.",
    "Antioquia officials named Dabeyba, Lopez and Ruiz to the board.",
    "In Antioquia, the Dabeyba Company and the Dabeyba Times said on Monday that Urrao "
    "village was calm.",
    "According to the OSCE SMM, its monitors heard 20 explosions near Marjinka and at "
    "Avdiivka, and outside Krasnohorivka on Sunday.",
    "Shelling hit homes in Marjinka, Donetsk oblast, and near Avdeevka (Donetsk region).",
    "A drone struck a convoy near DaBeyba in Antioquia; police in MacDonald village, "
    "Antioquia, said nothing.",
    "Fighters of the group attacked Amediya in Dahuk province and then inside Zakhu.",
    "Clashes broke out near Ain Isa in Raqqa governorate, at Tal Abyad and in Suluk village.",
    "Villagers fled Gwoza for Bama, Borno State, after raids near Konduga and in Dikwa.",
    "Sunday was quiet in Guerrero, but in Chilapa municipality and near Tlapa gunmen struck.",
    "The Nangarhar police said a mine exploded in Achin district, near Jalalabad Road.",
]
#: The same made from look-alikes and the ways a text may mark them (or not) as places.
_MADE = [frame.format(name=name, region=region)
         for name, region in [("Dabeyba", "Antioquia"), ("Dadeiba", "Antioquia department"),
                              ("Krasnogorivka", "Donetsk oblast"), ("Marjinka", "Donetsk"),
                              ("Amadiya", "Dahuk")]
         for frame in ["Police in {name}, {region}, said two died.",
                       "A blast hit a market near {name} ({region}) on Friday.",
                       "{region}: fighting went on at {name} village and around {name}.",
                       "The {name} Company of {region} closed.",
                       "In {region} the {name} Times said so.",
                       "Rebels took {name}. Later {region} was calm.",
                       "Shells fell outside {name}, " + "well " * 16 + "beyond {region}.",
                       "({name}) {region} municipality reported it."]]


def test_packed_words_unpack() -> None:
    text = "x" * 300
    for start, end, index in [(0, 0, 0), (0, 300, 299), (300, 300, 300), (17, 255, 3),
                              (256, 257, 258)]:
        packed = _packed(text, start, end, index)
        size = len(text) + 1
        assert (packed // size // size, packed // size % size, packed % size) == (
            start, end, index)


def _inputs(text: str, memo: _Memo,
            ) -> tuple[list[tuple[int, int, int, str]], list[_Lookup | None],
                       list[tuple[int, int, int, str, str | None, _Lookup | None]]]:
    """The words of `text` no place is known by (four characters or more), the lookups of
    those that are, and the spans kept, as `find_places` gathers them (countries aside)."""
    unknown: list[tuple[int, int, int, str]] = []
    looked: list[_Lookup | None] = []
    kept: list[tuple[int, int, int, str, str | None, _Lookup | None]] = []
    index = -1
    for run_start, run_end in _candidates(text):
        run = text[run_start:run_end]
        for shift, size, words in _cuts(run):
            index += 1
            start = run_start + shift
            found = _lookup(text, memo, start, start + size, words, text.isascii())
            if found is None:
                if len(words) >= 4:
                    unknown.append((index, start, start + size, words))
                continue
            looked.append(found)
            kept.append((index, start, start + size, words, None, found))
    return unknown, looked, kept


@pytest.mark.parametrize("text", _SENTENCES + _MADE)
def test_with_towns_like_answers_as_first_written(gaz: GeoNamesGazetteer, text: str) -> None:
    memo = _memo(gaz)
    unknown, looked, kept = _inputs(text, memo)
    packed = [_packed(text, start, end, index) for index, start, end, _words in unknown]
    for focus in (None, "CO", "UA", "IQ", "SY", "NG", "MX", "AF", "FR"):
        got = _with_towns_like(text, memo, packed, looked, focus, kept, text.isascii())
        expected = _ref_with_towns_like(text, memo, unknown, looked, focus, kept,
                                        text.isascii())
        assert [(item[0], item[1], item[2], item[3]) for item in got] == [
            (item[0], item[1], item[2], item[3]) for item in expected], focus
        for mine, theirs in zip(got, expected, strict=True):
            if mine[5] is not None and theirs[5] is not None:
                assert mine[5].places == theirs[5].places
                assert mine[5].after == theirs[5].after
