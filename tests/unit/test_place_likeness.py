"""A name the gazetteer does not know, marked as a place and spelled like a town of a region
named beside it, is that town (`places._with_towns_like`, `towns_like_in`): sentences written
for these tests."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from worker.extract.gazetteer import Gazetteer, core
from worker.extract.places import find_places, resolve_location
from worker.geo import haversine_km

#: Dabeiba, Antioquia (Colombia); Mar'yinka, Donetsk oblast (Ukraine).
_DABEIBA = (7.0, -76.27)
_MARYINKA = (47.95, 37.5)


def _near(found: object, point: tuple[float, float], km: float = 10.0) -> bool:
    lat, lng = getattr(found, "latitude", None), getattr(found, "longitude", None)
    return lat is not None and lng is not None and haversine_km(lat, lng, *point) <= km


@pytest.mark.parametrize(
    "text",
    [
        # a municipality and its department
        "Troops destroyed a drug laboratory in Dabeyba municipality, Antioquia department, "
        "on Friday.",
        # a village, then the province holding it, in parentheses
        "Gunmen burned a bus near Dabeyba (Antioquia) overnight.",
    ],
)
def test_a_village_spelled_otherwise_in_the_region_named_beside_it(
        gaz: Gazetteer, text: str) -> None:
    found = resolve_location(text, gaz)
    assert found is not None and found.name == "Dabeiba" and found.admin1 == "Antioquia"
    assert found.precision == 1 and _near(found, _DABEIBA)


def test_a_village_of_the_osce_front_spelled_otherwise(gaz: Gazetteer) -> None:
    """The OSCE SMM's reports are of the Donbas front, though they name no oblast."""
    text = "According to the OSCE SMM, its monitors heard 20 explosions near Marjinka."
    found = resolve_location(text, gaz)
    assert found is not None and found.admin1 == "Donetsk" and _near(found, _MARYINKA)


@pytest.mark.parametrize(
    "text",
    [
        # the region is named in another sentence
        "Farmers protested in Dabeyba against the tax. Ministers met in Antioquia.",
        # no word marks the name as a place (a list's comma alone does not)
        "Antioquia officials named Dabeyba, Lopez and Ruiz to the board.",
    ],
)
def test_a_look_alike_counts_only_where_the_text_says(gaz: Gazetteer, text: str) -> None:
    assert all(p.name != "Dabeiba" for p in find_places(text, gaz))


def test_a_weekday_or_a_known_name_is_left_alone(gaz: Gazetteer) -> None:
    found = resolve_location("Police fired tear gas at marchers in Medellin, Antioquia, "
                             "on Friday.", gaz)
    assert found is not None and found.name == "Medellin"


def test_towns_like_in_ranks_by_sequence_matcher(gaz: Gazetteer) -> None:
    """Every town `towns_like_in` gives is as alike as the matcher says (its bounds worked
    out without one), the likest first; and none it leaves out reaches the bound."""
    from worker.extract.gazetteer import _TOWN_LIKENESS, GeoNamesGazetteer, _unarticled

    assert isinstance(gaz, GeoNamesGazetteer)
    for name, code, region in [("Dabeyba", "CO", "antioquia"), ("Marjinka", "UA", "donetsk"),
                               ("Urao", "CO", "antioquia"), ("Zzzzz", "CO", "antioquia"),
                               ("Amadiya", "IQ", "dahuk"), ("Eskisehir", "TR", "eskisehir"),
                               ("Ayn Issa", "SY", "ar raqqah"), ("Ain Issa", "SY", "ar raqqah"),
                               ("Dabeyba", "CO", "no such region")]:
        wanted = _unarticled(core(name).replace(" ", ""))
        rows = gaz._region_rows().get(code + "\x00" + region, [])
        expected = []
        for admin in rows:
            towns = (gaz._cities_by_admin1 if gaz._admins[admin].level == 1
                     else gaz._cities_by_admin2).get(admin, [])
            for city in towns:
                other = _unarticled(core(gaz._city_names[city]).replace(" ", ""))
                if other[:1] == wanted[:1] and other != wanted and len(wanted) >= 4:
                    ratio = SequenceMatcher(None, wanted, other).ratio()
                    if ratio >= _TOWN_LIKENESS:
                        expected.append((ratio, city))
        got = gaz.towns_like_in(name, code, region)
        assert len(got) == len(expected), name
        ratios = [SequenceMatcher(None, wanted, _unarticled(core(p.name).replace(" ", "")))
                  .ratio() for p in got]
        assert ratios == sorted(ratios, reverse=True)
    assert gaz.towns_like_in("Dabeyba", "CO", "antioquia")[0].name == "Dabeiba"
