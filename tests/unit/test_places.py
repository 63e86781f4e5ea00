"""Place resolution on sentences written for these tests: country context, regions named
beside a town, spelling variants, alternate names, and the fallbacks."""

from __future__ import annotations

import pytest

from worker.extract.gazetteer import Gazetteer
from worker.extract.places import resolve_location
from worker.geo import haversine_km


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        # a province named with its word: the country follows
        ("Gunmen attacked a checkpoint in Kandahar province on Monday.", "AF", "Kandahar"),
        # a town and the regions it lies in, in parentheses; the text's own spelling
        ("Militiamen raided Oicha (Beni, Nord-Kivu) at dawn.", "CD", "Nord-Kivu"),
        # a town in its namesake region, no country named
        ("Residents protested in San Jose (San Jose) against water cuts.", "CR", None),
        # English name of a town GeoNames spells otherwise
        ("Clashes broke out in Odessa after the rally.", "UA", None),
        # transliteration variant
        ("A bomb went off in Diwaniya city.", "IQ", None),
        # Palestine's governorates are reported as ACLED's two regions
        ("Settlers uprooted olive trees in Hebron.", "PS", "West Bank"),
        # an outlet named after a country is not that country
        ("India Today reported that police beat protesters in Dhaka.", "BD", None),
        # a name does not run across a sentence end ("Logar. No")
        ("An IED exploded in Puli Alam, Logar. No casualties were reported.", "AF", "Logar"),
        # an Arabic article stays on a name the gazetteer knows whole
        ("Forces clashed in Al Jumayl (An Nuqat al Khams).", "LY", None),
    ],
)
def test_place_and_region(gaz: Gazetteer, text: str, country: str, admin1: str | None) -> None:
    place = resolve_location(text, gaz)
    assert place is not None, text
    assert place.country_code == country, (text, place)
    if admin1 is not None:
        assert place.admin1 == admin1, (text, place)


def test_a_demonym_is_no_place(gaz: Gazetteer) -> None:
    place = resolve_location("Somali militiamen clashed with police.", gaz)
    assert place is None or place.country_code == "SO"  # not Ethiopia's Somali Region


def test_a_country_alone_is_placed_at_its_capital(gaz: Gazetteer) -> None:
    place = resolve_location("Thousands marched across Kenya against the new taxes.", gaz)
    assert place is not None and place.country_code == "KE" and place.precision == 3
    assert place.latitude is not None and place.longitude is not None
    assert haversine_km(place.latitude, place.longitude, -1.29, 36.82) < 25  # Nairobi
    assert place.admin1 == "Nairobi"


def test_a_town_before_its_namesake_province(gaz: Gazetteer) -> None:
    place = resolve_location("Workers held a protest in Fier against pay cuts in Albania.", gaz)
    assert place is not None and (place.country_code, place.precision) == ("AL", 1)


def test_a_named_country_outweighs_a_doubtful_namesake_abroad(gaz: Gazetteer) -> None:
    place = resolve_location(
        "In Venezuela, the government blocked a site called Heroes de la Salud.", gaz)
    assert place is not None and place.country_code == "VE"


def test_the_lookup_caches_stay_bounded(gaz: Gazetteer) -> None:
    from worker.extract.gazetteer import CACHE_SIZE, GeoNamesGazetteer

    assert isinstance(gaz, GeoNamesGazetteer)
    first = gaz.candidates("kabul")
    for n in range(CACHE_SIZE + 10):
        gaz.candidates(f"nowhere {n}")
        gaz.regions_like(f"Nowhere{n}")
    assert len(gaz._cache) <= CACHE_SIZE and len(gaz._like_cache) <= CACHE_SIZE
    assert gaz.candidates("kabul") == first  # dropped, then looked up again the same


@pytest.mark.parametrize(
    ("code", "admin1", "admin2", "expected"),
    [
        ("AZ", "Baki", None, "Baku"),
        ("UA", "Odesa", None, "Odessa"),
        ("UG", "Western", "Kasese", "Kasese"),  # Uganda: the district
        ("MW", "Zomba", None, "Southern"),  # Malawi: the region
        ("RS", "Raski okrug", None, "Central Serbia"),
        ("RS", "Beograd", None, "Belgrade"),
        ("IQ", "Iqlim Kurdistan", "Duhok", "Dahuk"),  # Kurdistan: the governorate
        ("KE", "Nyeri", None, "Nyeri"),
        ("NP", "Lumbini", "Rolpa", "Mid-Western"),  # Nepal: the development region
    ],
)
def test_regions_as_acled_names_them(code: str, admin1: str, admin2: str | None,
                                     expected: str) -> None:
    from worker.extract.countries import acled_admin1

    assert acled_admin1(code, admin1, admin2) == expected


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Teachers marched in Barquisimeto (Lara) over unpaid wages.", "Lara"),
        ("Soldiers clashed with militiamen near Bunia (Ituri) and in Haut-Uele.", "Ituri"),
        ("Workers protested in Coro, Falcon, over fuel shortages.", "Falcon"),
    ],
)
def test_spanish_and_french_region_names(gaz: Gazetteer, text: str, admin1: str) -> None:
    found = resolve_location(text, gaz)
    assert found is not None and found.admin1 == admin1


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        # a town's English name, when the region named after it is the only native namesake
        ("Around 30 people held a protest in Mogilev on Sunday.", "BY", "Mogilev"),
        ("Gunmen shot a trader in Hasakeh city on Friday.", "SY", None),
    ],
)
def test_english_names_of_towns(gaz: Gazetteer, text: str, country: str,
                                admin1: str | None) -> None:
    found = resolve_location(text, gaz)
    assert found is not None and found.country_code == country and found.precision == 1
    assert admin1 is None or found.admin1 == admin1


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Militants shot two civilians in Kralgund town (Kupwara district, J&K).",
         "Jammu and Kashmir"),
        ("A scuffle over land led to firing in Pipri, Kaushambi (UP).", "Uttar Pradesh"),
        ("Farmers protested in Erode (TN) over water.", "Tamil Nadu"),
        ("Boko Haram attacked the village of Amchide (Mayo-Sava, Extreme-Nord).",
         "Extreme-Nord"),
    ],
)
def test_region_short_forms_and_french_names(gaz: Gazetteer, text: str, admin1: str) -> None:
    found = resolve_location(text, gaz)
    assert found is not None and found.admin1 == admin1


def test_an_mp_is_no_region(gaz: Gazetteer) -> None:
    found = resolve_location("An MP was attacked in Lagos on Monday.", gaz)
    assert found is not None and found.country_code == "NG"


def test_a_day_after_a_town_and_an_adjective_before_it(gaz: Gazetteer) -> None:
    text = ("A bomb exploded on a bus in central Nairobi Monday before it left for Kampala, "
            "killing three.")
    found = resolve_location(text, gaz)
    assert found is not None and found.country_code == "KE" and found.name == "Nairobi"


def test_a_town_outside_the_regions_named_beside_it(gaz: Gazetteer) -> None:
    # no Chatsworth the gazetteer knows lies in KwaZulu-Natal: the regions place it
    text = "Residents protested in the area of Chatsworth (eThekwini, KwaZulu-Natal)."
    found = resolve_location(text, gaz)
    assert found is not None and found.country_code == "ZA"
    assert found.admin1 == "KwaZulu-Natal"


def test_a_foreign_namesake_before_a_region_named_after_it(gaz: Gazetteer) -> None:
    text = ("Villagers demonstrated in Thor village, Thies subdivision (Keur Moussa, Thies) "
            "against a quarantine.")
    found = resolve_location(text, gaz)
    assert found is not None and found.country_code == "SN"


def test_a_small_namesake_in_the_district_the_text_names(gaz: Gazetteer) -> None:
    # dozens of San Rafaels: the one in Bulacan, not the largest in Central Luzon
    text = "A suspect was killed during a police raid in Barangay Capihan, San Rafael, Bulacan."
    found = resolve_location(text, gaz)
    assert found is not None and found.admin2 == "Bulacan"


def test_firms_and_federations_are_no_places(gaz: Gazetteer) -> None:
    text = ("In San Lorenzo (Central), drivers supported by the Federation of Transport Workers "
            "protested at the headquarters of San Fernando company.")
    found = resolve_location(text, gaz)
    assert found is not None and found.country_code == "PY"


def test_the_seat_of_a_namesake_district(gaz: Gazetteer) -> None:
    found = resolve_location("In El Salto, Jalisco, police clashed with gunmen.", gaz)
    assert found is not None and found.admin2 == "El Salto"


def test_a_town_naming_a_bridge_yields_to_the_district(gaz: Gazetteer) -> None:
    text = "Migrant labourers staged a blockade near Kalpi Bridge in Jalaun district (UP)."
    found = resolve_location(text, gaz)
    assert found is not None and found.admin1 == "Uttar Pradesh" and found.name != "Kalpi"


def test_a_town_after_a_possessive(gaz: Gazetteer) -> None:
    found = resolve_location("Rioters set fire to a tax office in Tel Aviv's Holon suburb.", gaz)
    assert found is not None and found.name == "Holon" and found.country_code == "IL"


@pytest.mark.parametrize(
    "text",
    [
        "Rioters hurled a Molotov cocktail at a bank branch in Tripoli, Lebanon.",
        "An armed fight ensued between the Al Salih and Al Tlais families in Baalbek, Lebanon.",
        "Shop owners in the Arab towns protested in Nazareth, Israel.",
    ],
)
def test_words_that_only_look_like_places(gaz: Gazetteer, text: str) -> None:
    found = resolve_location(text, gaz)
    assert found is not None and found.country_code in ("LB", "IL")


def test_a_demonym_is_no_town_another_language_calls_so(gaz: Gazetteer) -> None:
    text = ("Residents of a village in Maktaaral district of Turkistan region protested, "
            "demanding the Kazakh government compensate them.")
    found = resolve_location(text, gaz)
    assert found is not None and found.admin1 == "Turkistan"


def test_spelling_variants_as_sequence_matcher_judges_them() -> None:
    """`gazetteer._alike` (the ratio's bounds worked out without a matcher) answers as the
    matcher's three ratios do."""
    from difflib import SequenceMatcher

    from worker.extract.gazetteer import _ARTICLE, _alike, core

    def as_first_written(wanted: str, name: str) -> bool:
        other = _ARTICLE.sub("", core(name).replace(" ", ""), count=1)
        if other[:1] != wanted[:1]:
            return False
        matcher = SequenceMatcher(None, wanted, other)
        return matcher.real_quick_ratio() >= 0.78 and matcher.quick_ratio() >= 0.78 and (
            matcher.ratio() >= 0.78)

    names = ["Al Jifarah", "Aljfara", "Idleb", "Idlib", "Ad Diwaniyah", "Diwaniya", "Panjshayr",
             "Panjshir", "Ain Oussera", "Ain Oussara", "Nasiriyah", "Puli Alam", "Palma", "Kabul",
             "Kabal", "Qandahar", "Kandahar", "Shabeellaha Hoose", "Lower Shabelle", "aaab",
             "abbb", "Zhukovskiy", "Zhukovsky", "Mahilyow", "Mogilev", "", "A"]
    answers = set()
    for first in names:
        wanted = _ARTICLE.sub("", core(first).replace(" ", ""), count=1)
        for name in names:
            expected = as_first_written(wanted, name)
            answers.add(expected)
            assert _alike(wanted, name) == expected, (first, name)
    assert answers == {True, False}


def test_the_town_indexes_are_built_at_load(gaz: Gazetteer) -> None:
    """The towns by district and by country are there before the first article asks."""
    from worker.extract.gazetteer import GeoNamesGazetteer

    assert isinstance(gaz, GeoNamesGazetteer)
    by_district: dict[int, list[int]] = {}
    for city, district in enumerate(gaz._city_admin2):
        if district >= 0:
            by_district.setdefault(district, []).append(city)
    assert gaz._cities_by_admin2 == by_district
    assert sum(map(len, gaz._cities_by_country.values())) == len(gaz._city_country)
