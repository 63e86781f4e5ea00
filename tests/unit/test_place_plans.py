"""The place finder's shortcuts answer as the code they stand for, as first written (kept
here as the reference): a country's name or demonym told to be no place of its country by
its plan alone (`places._none_within`), the digest of a candidate list built in one loop
(`places._Digest`), a letter told by its code (`places._is_letter`), the words of going
before a name read without `isascii` in ASCII text (`places._away_before`), the place after
a town looked for before the pattern that joins them is matched
(`places._outside_named_region`), a plan's key asked once and the capitals kept by code
(`places._capital`). On the benchmark corpus's sentences and articles and on generated
texts."""

from __future__ import annotations

import random
from dataclasses import replace

from benchmarks.corpus import articles_of_size
from tests.unit.generated import corpus_sentences, soups
from worker.extract import places
from worker.extract.countries import capital_name, find_countries
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

#: Names of countries, demonyms, their places and the words around them that change a
#: lookup (a short form, "town of", an outlet's or a firm's word after it).
_WORDS = ["Kenya", "Kenyan", "Somalia", "Somali", "Georgia", "Georgian", "Mexico", "Mexican",
          "Gaza", "West Bank", "Palestine", "Palestinian", "Lebanon", "Lebanese", "Nigeria",
          "Nigerian", "Sudan", "South Sudan", "Sudanese", "Jordan", "Chad", "Niger", "Congo",
          "Democratic Republic of Congo", "Panama", "Panama City", "Guatemala City",
          "Djibouti", "Kuwait", "Luxembourg", "Singapore", "Israel", "Israeli", "India",
          "Indian", "Pakistan", "Syria", "Syrian", "Iraq", "Iraqi", "Yemen", "Yemeni",
          "Afghanistan", "Afghan", "Ukraine", "Ukrainian", "Russia", "Russian", "Turkey",
          "Turkish", "United States", "US", "UK", "UP", "TN", "J&K", "Kosovo", "Cyprus",
          "Bahrain", "Qatar", "Brazil", "Peru", "Colombia", "town of", "city of", "the",
          "in", "near", "Times", "Today", "company", "area", "forces", "refugees",
          "villagers", "district", "province", "state", "(", ")", ",", "Mombasa", "Kabul",
          "Nairobi", "Northern", "North", "Al", "San Jose", "Victoria"]


def _texts() -> list[str]:
    return (corpus_sentences(60) + [a.body for a in articles_of_size(3_000, 60)]
            + soups(_WORDS, 3_000, 7, [" ", " ", " ", ", ", ". ", " (", ") ", "-"], (1, 8)))


def test_none_within_only_where_the_lookup_places_nothing(gaz: Gazetteer) -> None:
    """Where `_none_within` answers True, the lookup as `find_places` made it, filtered to
    the country's places (`_within`), is None: the shortcut leaves the same spans kept."""
    memo = places._memo(gaz)
    told = asked = 0
    for text in _texts():
        by_start = {start: (code, end) for code, start, end in find_countries(text)}
        for start, end, words in places._spans(text):
            country = by_start.get(start)
            if country is None or country[1] < end:
                continue
            asked += 1
            expected = places._within(places._lookup(text, memo, start, end, words),
                                      country[0])
            if places._none_within(text, memo, start, words, country[0]):
                told += 1
                assert expected is None, (text, words)
    assert asked > 1_000 and told > asked // 2  # (most are told, the rest are looked up)


def _digest_as_first_written(places_: list[Place]) -> tuple[object, ...]:
    """`_Digest.__init__` as first written: its fields, in order."""
    first = places_[:40]
    voting = [p for p in first if p.kind != KIND_COUNTRY]
    voting = [p for p in voting if not p.alias] or voting
    voter: str | None = None
    voter_share = 0.0
    admin_code: str | None = None
    all_alias = False
    if voting:
        codes = {p.country_code for p in voting}
        admins = {p.country_code for p in voting if p.kind in (KIND_ADMIN1, KIND_ADMIN2)}
        all_alias = all(p.alias for p in voting)
        voter = voting[0].country_code
        if len(admins) == 1:
            admin_code = next(iter(admins))
        if len(codes) == 1:
            voter_share = 1.0
        else:
            top = max(voting, key=lambda p: p.population)
            rest = max((p.population for p in voting if p.country_code != top.country_code),
                       default=0)
            voter = top.country_code
            if top.population >= 100_000:
                voter_share = 1.0 if top.population >= 10 * rest else 0.5
    regions: dict[str, None] = {}
    for p in first:
        if p.kind == KIND_ADMIN1 and p.admin1:
            regions[places._region_key(p.country_code, places._core(p.admin1))] = None
        elif p.kind == KIND_ADMIN2:
            for name in (p.admin1, p.admin2):
                if name:
                    regions[places._region_key(p.country_code, places._core(name))] = None
    homes = [
        None if p.kind in (KIND_COUNTRY, KIND_ADMIN1) else (p.country_code, tuple(
            places._region_key(p.country_code, places._core(name)) for name in (
                p.admin1, p.admin2 if p.kind == KIND_CITY else None) if name))
        for p in first]
    provinces = [
        (p.country_code, p.admin1, any(o.kind == KIND_CITY and o.admin1 == p.admin1
                                       and o.country_code == p.country_code for o in first))
        for p in first if p.kind == KIND_ADMIN1 and p.admin1]
    return voter, voter_share, admin_code, all_alias, list(regions), homes, provinces


def _fields(digest: places._Digest) -> tuple[object, ...]:
    return (digest.voter, digest.voter_share, digest.admin_code, digest.all_alias,
            digest.regions, digest.homes, digest.provinces)


def test_digests_as_first_written(gaz: Gazetteer) -> None:
    """On the candidate lists of the corpus's names and of gazetteer names, and on made-up
    lists: shuffled, of places without provinces or districts, of aliases alone, of towns
    of two countries equally or unequally many."""
    memo = places._memo(gaz)
    lists: list[list[Place]] = []
    for text in [a.body for a in articles_of_size(3_000, 60)]:
        for start, end, words in places._spans(text):
            found = places._lookup(text, memo, start, end, words)
            if found is not None:
                lists.append(found.places)
    for name in ["victoria", "san jose", "georgia", "kabul", "alexandria", "springfield",
                 "santa cruz", "cordoba", "tripoli", "hyderabad", "kent", "punjab", "x"]:
        lists.append(gaz.candidates(name))
    rng = random.Random(4)
    pool = [p for found in lists for p in found]
    for _ in range(2_000):
        made = rng.sample(pool, rng.randint(0, min(60, len(pool))))
        if rng.random() < 0.3:
            made = [Place(p.kind, p.name, p.country_code, rng.choice([p.admin1, None, ""]),
                          rng.choice([p.admin2, None, ""]), p.latitude, p.longitude,
                          rng.choice([p.population, 0, 100_000, 5]), p.geonames_id,
                          rng.random() < 0.5) for p in made]
        lists.append(made)
    kinds = set()
    for found in lists:
        assert _fields(places._Digest(found)) == _digest_as_first_written(found), found
        kinds.update(p.kind for p in found)
    assert kinds == {KIND_COUNTRY, KIND_ADMIN1, KIND_ADMIN2, KIND_CITY}


def test_is_letter_as_isalpha() -> None:
    for code in range(0x110000):
        char = chr(code)
        assert places._is_letter(char) == char.isalpha(), code


def test_away_before_in_ascii_text_as_first_written() -> None:
    """`_away_before` told the text is ASCII (no `isascii` of the 30 characters before the
    name) answers as it does asked without: on every word start of ASCII articles and
    generated texts of the words of going and coming."""
    texts = [a.body for a in articles_of_size(3_000, 60)] + soups(
        ["from", "to", "into", "towards", "toward", "via", "border", "borders", "with", "of",
         "the", "The", "FROM", "Kenya", "fled", "x", "_", "(", "1"], 3_000, 5,
        [" ", " ", "  ", "\n", ", ", "-", ""], (1, 8))
    away = 0
    for text in texts:
        if not text.isascii():
            continue
        for at in range(len(text)):
            if text[at].isalnum() and (at == 0 or not text[at - 1].isalnum()):
                expected = places._away_before(text, at)
                assert places._away_before(text, at, True) == expected, (text, at)
                away += expected
    assert away > 100


def _outside_named_region_as_first_written(text: str, offset: int, out: list[PlaceMention],
                                           gaz: Gazetteer) -> None:
    """`places._outside_named_region` as first written (`startswith` at the end of a town,
    the pattern matched before the place after it is looked for)."""
    for index, town in enumerate(out):
        if town.precision > 2:
            continue
        end = town.end - offset
        if text.startswith(" ", end):
            space = text.find(" ", end + 1, end + 7)
            if space > 0 and text[end + 1:space] in places._NAME_SMALL_WORDS:
                goes_on = places._NAME_GOES_ON.match(text, end)
                if goes_on is not None:
                    end = goes_on.end()
        near = text[end:end + 16]
        if "(" not in near and "," not in near and " of " not in near and " in " not in near:
            continue
        inner_start = places._open_paren_end(text, end)
        if inner_start < 0:
            if not places._may_join(text, end):
                continue
            after = places._REGION_AFTER.match(text, end)
            holder: PlaceMention | None = None
            holder_at = index + 1
            while holder_at < len(out):
                if out[holder_at].start - offset >= end:
                    holder = out[holder_at]
                    break
                holder_at += 1
            if after is None or holder is None or holder.start - offset != after.end() or (
                    end != town.end - offset and holder.country_code != town.country_code):
                continue
            if town.precision == 1 and places._holds_not(text, offset, town, holder,
                                                         after.group(1) is not None, gaz):
                out[index] = replace(town, score=min(town.score, 0.3))
            elif holder.precision == 1 and holder.score > town.score >= 0.5 and (
                    holder.country_code == town.country_code) and holder.admin1 and (
                    holder.admin1 == town.admin1) and not places._LIST_AFTER.match(
                    text, holder.end - offset):
                out[holder_at] = replace(holder, score=town.score)
            continue
        if town.precision != 1:
            continue
        close = text.find(")", inner_start)
        inner = [p for p in out[index + 1:] if inner_start <= p.start - offset < close]
        if not inner:
            continue
        region = inner[-1]
        if region.precision >= 2 and region.admin1 and not any(
                p.country_code == town.country_code and p.admin1 == town.admin1
                and p.text != town.text for p in inner):
            out[index] = replace(town, score=min(town.score, 0.3))


def test_outside_named_region_as_first_written(gaz: Gazetteer) -> None:
    """On the places found in articles and in generated texts of towns and the places that
    may hold them, their scores drawn afresh (so that each rule may apply), at offsets 0
    and 100."""
    texts = [a.body for a in articles_of_size(3_000, 60)] + soups(
        ["Mombasa", "Kisumu", "Nairobi", "Kenya", "Mosul", "Nineveh", "Raqqa", "Kirkuk",
         "Diyala", "Lice", "Diyarbakir", "Tabata", "Dar es Salaam", "San Jose", "Victoria",
         "Kabul", "Logar", "village", "district", "town", "of", "in", "the", "and", "de",
         "Poienile de sub Munte", "Maramures", "county", "province", "(", ")", ","],
        1_500, 9, [" ", " ", ", ", " (", ") ", ""], (2, 9))
    rng = random.Random(2)
    changed = 0
    for text in texts:
        for offset in (0, 100):
            found = places.find_places(text, gaz, offset)
            if not found:
                continue
            for _ in range(3):
                out = [replace(p, score=rng.choice([0.3, 0.45, 0.5, 0.6, 0.75, 1.0]))
                       for p in found]
                before = list(out)
                expected = list(out)
                _outside_named_region_as_first_written(text, offset, expected, gaz)
                places._outside_named_region(text, offset, out, gaz)
                assert out == expected, text
                changed += expected != before  # (a rule applied)
    assert changed > 100


def test_plans_keys_and_capitals_as_first_written(gaz: Gazetteer) -> None:
    """A plan's `words_key` is `core` of its words (the key, not asked again), and the
    capitals kept by the gazetteer and the code are those of the look-up as first written."""
    words = {w for text in _texts()[:3_000] for _, _, w in places._spans(text)}
    plans = 0
    for name in [*sorted(words), "Northern Kenya", "Mogadishu-Karan", "Athens-Central Athens",
                 "Qadis District Center", "Lower Shabelle", "Al Jumayl"]:
        plan = places._make_plan(gaz, name)
        if plan is not None:
            plans += 1
            assert plan.words_key == core(plan.words) == plan.key, name
    assert plans > 300
    for code in ["KE", "SO", "US", "IQ", "AF", "UA", "XK", "PS", "ZZ", ""]:
        capital = capital_name(code)
        towns = [p for p in gaz.candidates(core(capital)) if p.kind == KIND_CITY
                 and p.country_code == code] if capital else []
        assert places._capital(gaz, code) == (towns[0] if towns else None), code
