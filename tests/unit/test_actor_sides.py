"""Actor patterns of conflict reports, on sentences written for these tests: a group's
claim names the bomber, the source of a report is not its doer, a faction's name between a
group and its noun, foreign border police, unclaimed warplanes, a community's militia that
fights back, the victims said to be harmed, herders bombed, company guards facing rioters,
militias of unnamed clans and the religious communities that protest."""

from __future__ import annotations

import pytest

from tests.unit import extracting
from worker.extract import Extractor, actors
from worker.models import Event


def one_event(extractor: Extractor, body: str) -> Event:
    return extracting.one_event(extractor, body, "2021-09-15")


def names(event: Event) -> tuple[str | None, str | None]:
    return (event.actor1.name if event.actor1 else None,
            event.actor2.name if event.actor2 else None)


@pytest.mark.parametrize(("body", "actor1", "actor2"), [
    pytest.param(  # "... and Al Shabaab claimed": the claimant, not a target after "and"
        "On 12 September 2021, a roadside bomb exploded next to an army truck near Afgoye "
        "(Lower Shabelle). The blast damaged the truck and Al Shabaab claimed to have killed "
        "two soldiers.",
        "Al Shabaab", "Military Forces of Somalia", id="claimant-after-and"),
    pytest.param(  # "X reported that": the source of the report
        "PKK media reported that on 12 September 2021, Turkish military forces carried out "
        "airstrikes on villages near Amadiya (Duhok).",
        "Military Forces of Turkey", None, id="reporter-is-no-doer"),
    pytest.param(  # no one claims warplanes: ACLED's Unidentified Military Forces
        "On 12 September 2021, unidentified warplanes carried out airstrikes on Iranian "
        "positions near Al Mayadin (Deir ez Zor). No casualties were reported.",
        "Unidentified Military Forces", "Military Forces of Iran", id="unclaimed-warplanes"),
])
def test_who_struck(extractor: Extractor, body: str, actor1: str, actor2: str | None) -> None:
    assert names(one_event(extractor, body)) == (actor1, actor2)


def test_a_faction_name_joins_its_group(extractor: Extractor) -> None:
    # "Mayi Mayi Yakutumba militiamen" are the Mayi Mayi, the other side is the army
    event = one_event(extractor, "On 12 September 2021, Mayi Mayi Yakutumba militiamen "
                                 "clashed with the FARDC near Fizi (Sud-Kivu).")
    assert names(event) == ("Mayi Mayi Militia",
                            "Military Forces of the Democratic Republic of Congo")


def test_foreign_border_police() -> None:
    found = actors.find_actors("Iranian border police fired warning shots at smugglers.", 0,
                               "IQ")
    assert [m.name for m in found] == ["Police Forces of Iran"]


def test_shots_fired_by_foreign_guards(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, Greek police officers reported shots "
                                 "fired in the air by Turkish guards on the Evros river "
                                 "border near the village of Kastanies.")
    assert event.actor1 is not None and event.actor1.name.endswith("of Turkey")


def test_a_communitys_militia_fighting_back(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, bandits attacked Gidan Bawa in Isa "
                                 "LGA (Sokoto) and clashed with local militias. 2 people "
                                 "were killed.")
    assert names(event) == ("Unidentified Armed Group (Nigeria)",
                            "Gidan Bawa Communal Militia (Nigeria)")


def test_the_victims_harmed_name_their_country(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, gunmen raided the Dadaab refugee camp "
                                 "and demanded money from residents. Three Ethiopian refugees "
                                 "were killed.")
    assert event.actor2 is not None and event.actor2.name == "Civilians (Ethiopia)"


def test_herders_bombed_are_civilians(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, the army was accused of bombing Pokot "
                                 "herders near Amudat (Karamoja). 9 killed.")
    assert event.actor2 is not None and event.actor2.name.startswith("Civilians")


def test_company_guards_facing_rioters(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, in Morowali (Central Sulawesi), "
                                 "hundreds of workers demonstrated at a nickel smelter. They "
                                 "clashed with the company's security guards and set fire to "
                                 "a warehouse.")
    assert event.actor2 is not None and event.actor2.name == \
        "Private Security Forces (Indonesia)"


def test_militias_of_unnamed_clans(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, militiamen from rival clans clashed "
                                 "in Datu Piang, Maguindanao. No casualties were reported.")
    assert event.actor1 is not None and \
        event.actor1.name == "Unidentified Clan Militia (Philippines)"


def test_a_religious_community_protesting_abroad(extractor: Extractor) -> None:
    event = one_event(extractor, "Ugandan Muslims protested peacefully against the arrest of "
                                 "clerics accused of links to the Somali crisis in Somalia.")
    assert event.actor1 is not None and event.actor1.name == "Protesters (Uganda)"


def test_the_suspected_attackers_named_after(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, strikes by helicopter gunships hit "
                                 "insurgent camps near Mbau (Mocimboa da Praia, Cabo Delgado). "
                                 "Dyck Advisory Group are the suspected attackers.")
    assert event.actor1 is not None and event.actor1.name == "Dyck Advisory Group"


def test_sniper_shots_are_fire_not_snipers(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, Houthi forces fired mortar shells and "
                                 "sniper shots at farms in Hays district (Al Hudaydah). No "
                                 "casualties were reported.")
    assert event.actor2 is None


def test_allies_of_the_arresting_forces(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, in Maracay (Aragua), security forces, "
                                 "including police forces and Colectivos, detained 5 people "
                                 "accused of looting a warehouse.")
    assert event.actor2 is not None and event.actor2.name != "Colectivos"
