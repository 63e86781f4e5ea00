"""How news writes where a place lies, on sentences written for these tests: a place
followed by what holds it ("X village of Y district, Z", "X, Y", "X in Y"), and names the
gazetteer writes with or without a space ("Beled Weyne" / Beledweyne)."""

from __future__ import annotations

import pytest

from worker.extract.gazetteer import Gazetteer
from worker.extract.places import find_places, resolve_location


@pytest.mark.parametrize("village", ["Kayabasi", "Cevizli", "Bahcecik", "Akpinar", "Sarikaya"])
def test_a_village_of_a_district_is_no_namesake_of_another_province(
        gaz: Gazetteer, village: str) -> None:
    """The gazetteer's villages of that name lie in other provinces: the village the text
    means is unknown, and the district that holds it places the event."""
    text = (f"Gendarmerie forces found explosives near {village} village of Lice district, "
            "Diyarbakir.")
    place = resolve_location(text, gaz)
    assert place is not None and place.country_code == "TR", place
    assert place.admin1 == "Diyarbakir", place
    assert place.name == "Lice District", place


def test_a_village_of_that_name_in_the_province_stays(gaz: Gazetteer) -> None:
    place = resolve_location(
        "Gendarmerie forces found explosives near Tepecik village of Lice district, Diyarbakir.",
        gaz)
    assert place is not None and place.name == "Tepecik" and place.admin1 == "Diyarbakir"


def test_a_small_namesake_abroad_is_not_the_place_a_town_holds(gaz: Gazetteer) -> None:
    """"Tabata, Dar es Salaam": not the Tabata of Japan."""
    place = resolve_location("Police fired tear gas at residents in Tabata, Dar es Salaam.", gaz)
    assert place is not None and place.country_code == "TZ", place
    assert place.name == "Dar es Salaam", place


def test_a_list_of_towns_holds_nothing(gaz: Gazetteer) -> None:
    """"A, B and C" is a list, not A in B: the first town keeps its place."""
    text = "Gendarmes searched Kayabasi, Lice and Hani for weapons."
    found = find_places(text, gaz)
    first = [p for p in found if p.text == "Kayabasi"]
    assert first and first[0].score >= 0.4, found


def test_dar_es_salaam_is_one_name(gaz: Gazetteer) -> None:
    place = resolve_location("Opposition supporters marched through Dar es Salaam.", gaz)
    assert place is not None and place.country_code == "TZ" and place.name == "Dar es Salaam"


def test_a_town_holding_a_place_of_its_province_stands_for_the_area(gaz: Gazetteer) -> None:
    """"X in Raqqa": Raqqa, the province's seat, names the province; X is the place."""
    text = "Unidentified gunmen shot a water engineer near Tall Tamr in al-Hasakeh."
    place = resolve_location(text, gaz)
    assert place is not None and place.name == "Tall Tamr", place
    text = "A car bomb went off near Ras al Ain in al-Hasakeh on Tuesday."
    place = resolve_location(text, gaz)
    assert place is not None and place.name != "Al Hasakah", place
    assert place.admin1 == "Al-Hasakah", place


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # two words in the text, one in the gazetteer
        ("Gunmen raided Beled Weyne overnight.", "Beledweyne", "SO"),
        # one word in the text, two in the gazetteer
        ("Militants attacked a border post near Alqaim.", "Al Qa'im", "IQ"),
    ],
)
def test_a_name_with_or_without_its_space(gaz: Gazetteer, text: str, name: str,
                                          country: str) -> None:
    place = resolve_location(text, gaz)
    assert place is not None and place.name == name and place.country_code == country, place


def test_a_lead_naming_a_province_is_placed_by_the_town_named_after_it(gaz: Gazetteer) -> None:
    from worker.extract.places import pick_location

    lead = "Clashes between two clans left seven people dead in Lower Juba on Sunday."
    text = lead + " The fighting broke out over grazing land near Jamaame."
    place = pick_location(find_places(text, gaz), focus=(0, len(lead)))
    assert place is not None and place.name == "Jamaame" and place.admin1 == "Lower Juba", place
    # not a town named before the sentence: that is another event's place, or a dateline's
    text = "Jamaame residents marched on Friday. " + lead
    place = pick_location(find_places(text, gaz), focus=(37, len(text)))
    assert place is not None and place.precision == 3 and place.admin1 == "Lower Juba", place


@pytest.mark.parametrize(("text", "province"), [
    ("Villagers blocked a logging road near Cepari de Sus of the Bihor county.", "Bihor"),
    ("Farmers marched to the town hall of Panaci de Jos in the Arad county.", "Arad"),
])
def test_a_part_of_a_longer_name_is_no_namesake_of_another_province(
        gaz: Gazetteer, text: str, province: str) -> None:
    """Only the first word of the village's name is a town the gazetteer knows, in another
    province: the province named after the whole name places the event."""
    place = resolve_location(text, gaz)
    assert place is not None and place.country_code == "RO", place
    assert place.admin1 == province, place


def test_a_part_of_a_longer_name_in_the_province_named_stays(gaz: Gazetteer) -> None:
    place = resolve_location(
        "Villagers blocked a logging road near Cepari de Sus of the Olt county.", gaz)
    assert place is not None and place.name == "Cepari" and place.admin1 == "Olt", place


@pytest.mark.parametrize(("village", "oblast"), [
    ("Pavlivka", "Luhansk"), ("Zarichne", "Donetsk"), ("Krynychne", "Luhansk")])
def test_a_monitoring_mission_report_is_of_the_donbas_front(
        gaz: Gazetteer, village: str, oblast: str) -> None:
    """Larger namesakes lie in other oblasts: the OSCE mission's report of fire is of the
    village on the front."""
    text = (f"On 12 March 2021, the OSCE SMM recorded 14 explosions and bursts of small-arms "
            f"fire south-east of {village}.")
    place = resolve_location(text, gaz)
    assert place is not None and place.name == village, place
    assert place.admin1 == oblast, place


def test_without_the_mission_the_larger_namesake_stays(gaz: Gazetteer) -> None:
    text = ("On 12 March 2021, farmers of Zarichne blocked a road to protest against the price "
            "of fertiliser.")
    place = resolve_location(text, gaz)
    assert place is not None and place.name == "Zarichne" and place.admin1 == "Rivne", place


def test_the_mission_named_in_full_places_its_report_too(gaz: Gazetteer) -> None:
    text = ("The OSCE Special Monitoring Mission to Ukraine said on 3 June 2019 that the SMM "
            "heard 9 explosions near Pavlivka.")
    place = resolve_location(text, gaz)
    assert place is not None and place.name == "Pavlivka" and place.admin1 == "Luhansk", place
