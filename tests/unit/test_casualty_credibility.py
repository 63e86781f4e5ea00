"""Which dead an event counts, and event types read from language patterns, each on a sentence
written for this test: a party's disputed claim of its enemy's dead, deaths of illness, killings
done before the event (told in a relative clause) or mourned by a protest; machine guns fired at
an area, explosions both ways, explosives used on property, a bomb disarmed, an abducted man
found dead."""

from __future__ import annotations

import pytest

from tests.unit import extracting
from worker.extract import Extractor
from worker.extract.casualties import find_casualties, headline_counts
from worker.models import CasualtyKind, Event


def events(extractor: Extractor, body: str, published: str = "2021-06-10") -> list[Event]:
    return extracting.events(extractor, body, published)


def _killed(text: str) -> int | None:
    return headline_counts(find_casualties(text))[CasualtyKind.KILLED]


def _one(extractor: Extractor, body: str) -> Event:
    return extracting.one_event(extractor, body, "2021-06-10")


def test_a_disputed_claim_of_the_enemys_dead_is_kept_but_not_added(
        extractor: Extractor) -> None:
    body = ("On 8 June 2021, 4 rebels were killed in an army operation near Tillaberi. The "
            "rebel front confirmed 4 losses but also claimed 20 soldiers died in the fighting, "
            "which has not been independently verified.")
    event = _one(extractor, body)
    assert event.fatalities == 4
    # the claim stays, as the rebels' word
    assert any(c.count == 20 and c.kind is CasualtyKind.KILLED for c in event.claims)


def test_a_claim_alone_still_counts() -> None:
    # no figure of the text's own: the claim is all there is (and "claimed responsibility",
    # "claimed by", "claimed the lives" say who did it or that people died, no dispute)
    assert _killed("The group claimed to have killed 12 soldiers near the border.") == 12
    [mention] = find_casualties("Gunmen killed 6 villagers, police said, in an attack claimed "
                                "by the rebel front.")
    assert not mention.disputed
    [mention] = find_casualties("The rebels claimed responsibility for the raid that killed 3 "
                                "guards, officials said.")
    assert not mention.disputed


def test_an_undisputed_report_of_another_side_still_adds() -> None:
    text = ("Two policemen were killed in the ambush. 5 attackers were also killed, the county "
            "commander said.")
    mentions = [m for s in text.split(". ") for m in find_casualties(s)]
    assert headline_counts(mentions)[CasualtyKind.KILLED] == 7


@pytest.mark.parametrize("text", [
    "He died of natural causes in the prison hospital.",
    "The detained commander later died from covid-19 in custody.",
    "Three inmates died of coronavirus in the central prison.",
    "The soldier died in a road accident near the camp.",
])
def test_deaths_of_illness_or_accident_are_not_violence(text: str) -> None:
    assert not [m for m in find_casualties(text) if m.kind is CasualtyKind.KILLED], text


def test_a_death_of_wounds_still_counts() -> None:
    assert _killed("He was shot by gunmen and he later died in hospital.") == 1
    assert _killed("The soldier later died of his wounds.") == 1


@pytest.mark.parametrize("text", [
    # the relative clause tells what the subject had done before the event
    "Villagers burned the houses of bandits who had killed a herder.",
    "Police clashed with two robbers who allegedly shot dead a shopkeeper.",
    "A mob burned the shop of a trader who killed a customer earlier that day.",
    "Soldiers killed nothing but searched for militants who attacked a base last week, "
    "killing two guards.",
])
def test_killings_done_before_the_event_do_not_count(text: str) -> None:
    assert _killed(text) is None, text


@pytest.mark.parametrize(("text", "killed"), [
    # the event's own killing, told after a relative clause or in one that has no time
    ("Gunmen who stormed the village killed a farmer earlier today.", 1),
    ("Police, who arrived earlier, killed 3 gunmen.", 3),
    ("Police arrested an officer who shot dead two colleagues on Saturday.", 2),
    ("Three people who were travelling were killed.", 3),
])
def test_the_events_own_killing_still_counts(text: str, killed: int) -> None:
    assert _killed(text) == killed, text


def test_people_a_vigil_was_for_are_not_its_dead() -> None:
    assert _killed("Activists held a vigil for people killed in the city in 2014.") is None


@pytest.mark.parametrize("body", [
    "On 8 June 2021, taxi drivers demonstrated in Bamenda after a gendarme shot and killed a "
    "driver.",
    "On 8 June 2021, students held a vigil in Kano for two classmates who were shot dead by "
    "police last month.",
])
def test_a_peaceful_protest_has_no_dead(extractor: Extractor, body: str) -> None:
    event = _one(extractor, body)
    assert event.sub_event_type.value in ("Peaceful protest", "Protest with intervention")
    assert not event.fatalities
    assert event.claims  # the killing it was about stays a claim


@pytest.mark.parametrize(("body", "sub"), [
    # machine guns fired at an area, nobody named firing back: shelling (not at positions)
    ("On 8 June 2021, rebel forces reportedly fired 14.5mm machine guns at residential areas "
     "of Hays district.", "Shelling/artillery/missile attack"),
    ("On 8 June 2021, government forces fired machine guns at the east of Al Salah town.",
     "Shelling/artillery/missile attack"),
    # explosions both ways of the front: a battle
    ("On 8 June 2021, monitors recorded 20 explosions involving heavy machineguns in both "
     "directions of the frontline near Popasna.", "Armed clash"),
    # explosives set off to rob or destroy: a remote explosive
    ("On 8 June 2021, three men used explosives in an attempt to rob a bank in Natal.",
     "Remote explosive/landmine/IED"),
    ("On 8 June 2021, unknown men attacked a gas pipeline near Valparaiso. They planted and "
     "activated explosive devices, causing damage.", "Remote explosive/landmine/IED"),
    # a bomb found and disarmed
    ("Police find a bomb under a bus in Mombasa and disarm it.", "Disrupted weapons use"),
    # an abducted man found dead: an attack
    ("On 8 June 2021, armed men broke into a house in Comayagua and kidnapped a farmer. His "
     "body was found the next day.", "Attack"),
])
def test_event_types_from_weapons_and_outcomes(extractor: Extractor, body: str,
                                               sub: str) -> None:
    assert [e.sub_event_type.value for e in events(extractor, body)] == [sub], body


@pytest.mark.parametrize(("text", "killed"), [
    # a coder's note of the toll: a range (the lowest counts), a figure worked out
    ("Reports on fatalities range from 2 to 4.", 2),
    ("Fatalities reported as half, rounded down to 5.", 5),
])
def test_a_coders_toll(text: str, killed: int) -> None:
    assert _killed(text) == killed, text


def test_prices_that_range_are_no_toll() -> None:
    assert _killed("Fuel prices range from 2 to 4 dollars.") is None


def test_an_arrest_told_in_the_passive(extractor: Extractor) -> None:
    event = _one(extractor, "On 8 June 2021, a journalist was arrested in Gomel on a charge of "
                            "defamation.")
    assert event.sub_event_type.value == "Arrests"
    # demonstrators arrested: an intervention in their demonstration
    body = ("On 8 June 2021, six teachers were arrested by the police in Quezon City while "
            "handing out relief goods. The arrested had held up protest placards calling for "
            "higher wages.")
    assert [e.sub_event_type.value for e in events(extractor, body)] == [
        "Protest with intervention"]
