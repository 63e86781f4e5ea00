"""Actor patterns of conflict reports, on sentences written for these tests: a group's
claim names the bomber, the source of a report is not its doer, a faction's name between a
group and its noun, foreign border police, unclaimed warplanes, a community's militia that
fights back, the victims said to be harmed, herders bombed, company guards facing rioters,
militias of unnamed clans, religious communities that protest, the suspected perpetrators
named after the event, sniper shots, the allies of arresting forces and a demonym on an
attack."""

from __future__ import annotations

import pytest

from tests.unit import extracting
from worker.extract import Extractor, actors
from worker.extract.constants import ET_EXPLOSIONS, SUB_REMOTE_EXPLOSIVE
from worker.extract.types import Classification
from worker.models import Event


def one_event(extractor: Extractor, body: str) -> Event:
    return extracting.one_event(extractor, body, "2021-09-15")


def names(event: Event) -> tuple[str | None, str | None]:
    return (event.actor1.name if event.actor1 else None,
            event.actor2.name if event.actor2 else None)


@pytest.mark.parametrize(("body", "actor1", "actor2"), [
    pytest.param(  # "..., and JNIM claimed it": the claimant, not a target after "and"
        "On 12 September 2021, a mine blew up under an army truck near Boni (Douentza, "
        "Mopti). Two soldiers were hurt, and JNIM claimed the blast on its channels.",
        "JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali",
        id="claimant-after-and"),
    pytest.param(  # "X media said that": the source of the report
        "PKK media said that on 12 September 2021, Turkish military forces carried out "
        "airstrikes on villages near Amadiya (Duhok).",
        "Military Forces of Turkey", None, id="reporter-is-no-doer"),
    pytest.param(  # no one claims warplanes: ACLED's Unidentified Military Forces
        "Unidentified warplanes struck Iranian positions west of Al Mayadin (Deir ez Zor) on "
        "12 September 2021. No casualties were reported.",
        "Unidentified Military Forces", "Military Forces of Iran", id="unclaimed-warplanes"),
])
def test_who_struck(extractor: Extractor, body: str, actor1: str, actor2: str | None) -> None:
    assert names(one_event(extractor, body)) == (actor1, actor2)


def test_a_faction_name_joins_its_group(extractor: Extractor) -> None:
    # "Mayi Mayi Yakutumba fighters" are the Mayi Mayi, the other side is the army
    event = one_event(extractor, "On 12 September 2021, the FARDC fought Mayi Mayi Yakutumba "
                                 "fighters for hours around Fizi (Sud-Kivu).")
    assert set(names(event)) == {"Mayi Mayi Militia",
                                 "Military Forces of the Democratic Republic of Congo"}


def test_foreign_border_police() -> None:
    found = actors.find_actors("Iranian border police fired warning shots at smugglers.", 0,
                               "IQ")
    assert [m.name for m in found] == ["Police Forces of Iran"]


def test_a_communitys_militia_fighting_back(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, bandits attacked Gidan Bawa village in "
                                 "Isa LGA (Sokoto) but were repelled by local vigilantes. Two "
                                 "bandits were killed.")
    assert "Gidan Bawa Communal Militia (Nigeria)" in names(event)


def test_the_victims_harmed_name_their_country(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, gunmen stormed a market in Garissa "
                                 "town and robbed traders. Two Ethiopian nationals were shot "
                                 "dead.")
    assert event.actor2 is not None and event.actor2.name == "Civilians (Ethiopia)"


def test_herders_bombed_are_civilians() -> None:
    text = "On 12 September 2021, a military drone bombed Pokot herders near Amudat."
    mentions = actors.find_actors(text, 0, "UG")
    herders = next(m for m in mentions if m.text == "Pokot herders")
    bomb = next(m for m in mentions if m.actor_type.value == "state_forces")
    trigger = text.index("bombed")
    cls = Classification(ET_EXPLOSIONS, SUB_REMOTE_EXPLOSIVE, 0.8, trigger, trigger + 6,
                         "bombed")
    _, target, _ = actors.pick_actors(text, [bomb, herders], cls, "UG")
    assert target is not None and target.name == "Civilians (Uganda)"


def test_company_guards_facing_rioters(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, striking miners rioted at a nickel "
                                 "smelter in Morowali (Central Sulawesi), pelting the "
                                 "company's security guards with stones.")
    assert event.actor2 is not None and event.actor2.name == \
        "Private Security Forces (Indonesia)"


def test_militias_of_unnamed_clans(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, gunmen of two rival clans exchanged "
                                 "fire in Datu Piang, Maguindanao. Nobody was hurt.")
    assert event.actor1 is not None and \
        event.actor1.name == "Unidentified Clan Militia (Philippines)"


def test_a_religious_community_protesting_abroad(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, Tanzanian Christians marched in "
                                 "Nairobi against the detention of a bishop.")
    assert event.actor1 is not None and event.actor1.name == "Protesters (Tanzania)"


def test_the_suspected_perpetrators_named_after(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, an air raid hit insurgent camps near "
                                 "Mbau (Mocimboa da Praia, Cabo Delgado). Wagner mercenaries "
                                 "are the suspected perpetrators.")
    assert event.actor1 is not None and event.actor1.name == "Wagner Group"


def test_sniper_shots_are_fire_not_snipers(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, regime troops directed mortar rounds "
                                 "and sniper shots at farmland near Kabani (Latakia). No "
                                 "casualties were reported.")
    assert event.actor2 is None or not event.actor2.name.startswith("Unidentified")


def test_allies_of_the_arresting_forces(extractor: Extractor) -> None:
    event = one_event(extractor, "On 12 September 2021, in Maracay (Aragua), security forces, "
                                 "including police forces and Colectivos, detained 5 people "
                                 "accused of looting a warehouse.")
    assert event.actor2 is not None and event.actor2.name != "Colectivos"


def test_shots_fired_by_foreign_soldiers(extractor: Extractor) -> None:
    # those who reported the shots are the other side, not the shooters
    event = one_event(extractor, "On 12 September 2021, Armenian border guards reported "
                                 "warning shots fired into the air by Azerbaijani soldiers near "
                                 "Sotk. No one was hurt.")
    assert names(event) == ("Military Forces of Azerbaijan", "Military Forces of Armenia")


def test_a_demonym_on_an_attack_names_the_attackers(extractor: Extractor) -> None:
    event = one_event(extractor, "Somali attack on Kenyan villagers leaves three dead")
    assert event.actor1 is not None and event.actor1.country_code == "SO", event.actor1
    assert event.actor2 is not None and event.actor2.country_code == "KE", event.actor2
    assert event.location is not None and event.location.country_code == "KE", event.location
