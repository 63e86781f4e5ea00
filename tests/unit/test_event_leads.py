"""Event kinds and sides on sentences written for these tests: forces firing into the air
with nothing else happening are an "Other" strategic development, an acronym that names a
party is no rocket-propelled grenade, torture or a death in custody after an arrest is an
attack, herders fighting farmers are communal militias in an armed clash, and a grenade
answered with gunfire is an armed clash."""

from __future__ import annotations

from tests.unit import extracting
from tests.unit.extracting import sub_of
from worker.extract import Extractor
from worker.models import Event, EventType, SubEventType


def one_event(extractor: Extractor, body: str) -> Event:
    return extracting.one_event(extractor, body, "2022-03-16")


def test_forces_firing_into_the_air_are_other(extractor: Extractor) -> None:
    body = ("On 14 March 2022, Iranian border guards fired several warning shots into the air "
            "near a crossing point on the Turkish border.")
    event = one_event(extractor, body)
    assert event.event_type is EventType.STRATEGIC
    assert event.sub_event_type is SubEventType.OTHER
    assert event.actor1 is not None and "Iran" in event.actor1.name
    # with a crowd there, the shots disperse a demonstration
    assert sub_of("Police fired into the air to disperse traders protesting in the "
                  "market of Kumasi.") is SubEventType.PROTEST_WITH_INTERVENTION
    # nobody armed for the state: celebratory gunfire is no event of ours
    assert sub_of("Guests fired shots into the air at a wedding in a village near Kano.") \
        is None


def test_an_acronym_naming_a_party_is_no_weapon() -> None:
    assert sub_of("On 14 March 2022, members of the RPG (ruling) party occupied the town hall "
                  "of Kindia to denounce the mayor.") is SubEventType.PEACEFUL_PROTEST
    assert sub_of("On 14 March 2022, supporters of the Rally of the Guinean People (RPG) "
                  "marched through Kankan.") is SubEventType.PEACEFUL_PROTEST
    # the weapon itself
    assert sub_of("On 14 March 2022, militants fired an RPG at a police post in Kandahar.") \
        is SubEventType.SHELLING


def test_torture_in_custody_after_an_arrest_is_an_attack(extractor: Extractor) -> None:
    body = ("On 14 March 2022, police arrested a young fisherman for breaking the curfew in "
            "a village near Jinja. He was beaten in their cells and died the next morning.")
    event = one_event(extractor, body)
    assert event.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    assert event.sub_event_type is SubEventType.ATTACK
    assert event.actor1 is not None and event.actor1.name.startswith("Police Forces")
    # a killing by others after the arrests is not done to the detainees in custody
    body = ("On 14 March 2022, police arrested three suspects in Kisumu. Officers later shot "
            "dead a trader in the market.")
    assert one_event(extractor, body).sub_event_type is SubEventType.ARRESTS


def test_herders_fighting_farmers_are_an_armed_clash(extractor: Extractor) -> None:
    body = ("On 14 March 2022, six people were killed in a fight between pastoralists and "
            "farmers near Hola. The clashes between Orma pastoralists and Pokomo farmers "
            "went on for two days.")
    event = one_event(extractor, body)
    assert event.event_type is EventType.BATTLES
    assert event.sub_event_type is SubEventType.ARMED_CLASH
    names = {a.name for a in (event.actor1, event.actor2) if a is not None}
    assert names == {"Orma Ethnic Militia (Kenya)", "Pokomo Ethnic Militia (Kenya)"}
    assert event.fatalities == 6
    # herders against farmers, no firearms: still communal militias, not a brawl
    assert sub_of("On 14 March 2022, four people died in clashes between herders and "
                  "farmers in Agatu.") is SubEventType.ARMED_CLASH
    # a fight between two neighbours names no fighters
    assert sub_of("A fight between two neighbours over a goat in Nyeri left one man "
                  "injured.") is None


def test_a_grenade_answered_with_gunfire_is_an_armed_clash(extractor: Extractor) -> None:
    body = ("On 14 March 2022, militants threw a hand grenade at a police patrol in Baidoa. "
            "The officers returned fire.")
    event = one_event(extractor, body)
    assert event.event_type is EventType.BATTLES
    assert event.sub_event_type is SubEventType.ARMED_CLASH
    # nobody fired back: the grenade attack
    body = ("On 14 March 2022, unknown men hurled a grenade at a shop in Mandera. Police "
            "arrived later.")
    assert one_event(extractor, body).sub_event_type is SubEventType.GRENADE
