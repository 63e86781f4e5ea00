"""Where people come from is not where the event is (nor the far side of a border, nor a
quarter named after a country), where the people attacked are from is; names the gazetteer
holds under another spelling or at another level, and loose matches abroad that yield to the
actors' country: sentences written for these tests."""

from __future__ import annotations

import pytest

from worker.extract.gazetteer import Gazetteer
from worker.extract.places import country_of_text, find_places, resolve_location
from worker.geo import haversine_km


def test_a_place_set_out_from_yields_to_the_place_after_it(gaz: Gazetteer) -> None:
    text = "A convoy travelling from Jowhar town was ambushed near Cadale on Sunday."
    found = resolve_location(text, gaz)
    assert found is not None and found.name == "Cadale", found


def test_a_place_after_from_alone_is_still_the_place(gaz: Gazetteer) -> None:
    found = resolve_location("Dozens of families fled from Cadale after the clashes.", gaz)
    assert found is not None and found.name == "Cadale", found


@pytest.mark.parametrize("people", ["refugees", "migrants", "nationals"])
def test_a_demonym_of_people_away_from_home_places_nothing(gaz: Gazetteer, people: str) -> None:
    text = f"Two Sudanese {people} were beaten by a mob."
    assert country_of_text(text, gaz) is None


def test_a_demonym_of_others_still_votes(gaz: Gazetteer) -> None:
    assert country_of_text("Two Sudanese soldiers were beaten by a mob.", gaz) == "SD"


def test_a_district_takes_the_point_of_its_town_spelled_otherwise(gaz: Gazetteer) -> None:
    # GeoNames puts no town in the district; its seat is spelled Tall Abyad
    text = "Mines exploded near the front line in Tell Abyad district, Raqqa, on Tuesday."
    found = resolve_location(text, gaz)
    assert found is not None and found.precision == 2 and found.admin1 == "Raqqa", found
    assert found.latitude is not None and found.longitude is not None
    assert haversine_km(found.latitude, found.longitude, 36.70, 38.95) < 10


def test_a_town_of_an_undivided_territory_has_it_as_province(gaz: Gazetteer) -> None:
    found = resolve_location("Dockworkers protested in Willemstad over unpaid wages.", gaz)
    assert found is not None and found.country_code == "CW" and found.admin1 == "Curacao"


def test_a_short_alias_that_is_the_name_cut_short(gaz: Gazetteer) -> None:
    found = resolve_location("Gunmen fired on the house of a councillor in Tyr overnight.", gaz)
    assert found is not None and found.country_code == "LB" and found.name == "Tyre", found


@pytest.mark.parametrize(("word", "city"), [("sam", "Damascus"), ("edo", "Tokyo"),
                                            ("sur", "Tyre")])
def test_other_three_letter_aliases_are_left_out(gaz: Gazetteer, word: str, city: str) -> None:
    assert all(p.name != city for p in gaz.candidates(word))


@pytest.mark.parametrize("text", [
    "United States drones struck a vehicle, officials said.",
    "Turkey forces shelled positions across the river overnight.",
])
def test_a_country_named_as_a_forces_nationality_is_no_place(gaz: Gazetteer, text: str) -> None:
    assert resolve_location(text, gaz) is None


def test_a_country_named_as_a_place_still_is_one(gaz: Gazetteer) -> None:
    found = resolve_location("Thousands marched in Turkey against the new law.", gaz)
    assert found is not None and found.country_code == "TR" and found.precision == 3


def test_the_nationality_of_the_people_attacked_places_the_attack(gaz: Gazetteer) -> None:
    text = "A Sudanese raid on Ugandan herders left two dead near the river."
    assert country_of_text(text, gaz) == "UG"


def test_a_demonym_naming_a_border_is_the_far_side(gaz: Gazetteer) -> None:
    text = ("Gunmen attacked a police post in Mandera on Monday, days after clashes in Bulo "
            "Hawo near the Somali border.")
    assert country_of_text(text, gaz) == "KE"


@pytest.mark.parametrize("text", [
    "Gangs clashed in the Kosovo area in Mathare slums on Friday.",
    "Youths burned a shop in the Congo estate of the slum overnight.",
])
def test_a_quarter_named_after_a_country_is_not_the_country(gaz: Gazetteer,
                                                           text: str) -> None:
    assert country_of_text(text, gaz) is None
    assert resolve_location(text, gaz) is None


def test_a_name_matched_loosely_abroad_yields_to_the_actors_country(gaz: Gazetteer) -> None:
    text = "Militia rockets hit a position east of Amerli on Sunday."
    assert all(p.country_code != "IN" or p.score < 0.4
               for p in find_places(text, gaz, country_hint="IQ"))
    assert country_of_text(text, gaz, country_hint="IQ") == "IQ"
    assert country_of_text(text, gaz) == "IN"  # (the actors' country, only where given)


@pytest.mark.parametrize("text", ["Village elders protest against a new levy on cattle",
                                  "Town traders block a road over market fees"])
def test_a_word_for_a_place_opening_a_headline_is_no_place(gaz: Gazetteer, text: str) -> None:
    assert resolve_location(text, gaz) is None


@pytest.mark.parametrize(("text", "code"), [
    ("The Gao Governor ordered a curfew after the clashes.", "ML"),
    ("A week-long ban on rallies was announced by the Van Governor's Office.", "TR"),
])
def test_a_three_letter_town_before_an_institution_is_the_town(gaz: Gazetteer, text: str,
                                                               code: str) -> None:
    found = resolve_location(text, gaz)
    assert found is not None and found.country_code == code, found
