"""Who is no fighter, on sentences written for these tests: a people's settlers (not
Israel's) attacked, a member of the forces off duty and "the officer" named after him, a
civilian ambushed, and a building set on fire whatever a long clause says it houses."""

from __future__ import annotations

import pytest

from tests.unit import extracting
from worker.extract import Extractor, actors
from worker.models import Event, SubEventType


def one_event(extractor: Extractor, body: str) -> Event:
    return extracting.one_event(extractor, body, "2022-03-10")


def names(event: Event) -> tuple[str | None, str | None]:
    return (event.actor1.name if event.actor1 else None,
            event.actor2.name if event.actor2 else None)


def _roles_of(text: str) -> dict[str, int]:
    return {text[start:end]: role for start, end, role in actors.roles(text)}


def test_settlers_of_a_people_are_civilians() -> None:
    text = "Armed youths from Tamba village raided Hausa settlers near the river."
    assert _roles_of(text)["settlers"] == actors.ROLE_CIVILIAN
    found = {m.text: m.name for m in actors.actor_mentions(text, 0, "GH")}
    assert found["settlers"] == "Civilians (Ghana)"


def test_israeli_settlers_stay_an_armed_actor() -> None:
    text = "Israeli settlers threw stones at Palestinian farmers near Nablus."
    assert _roles_of(text)["Israeli settlers"] == actors.ROLE_ARMED
    found = {m.text: m.name for m in actors.actor_mentions(text, 0, "PS")}
    assert found["Israeli settlers"] == "Settlers (Israel)"


def test_militias_attacking_settlers_attack_civilians(extractor: Extractor) -> None:
    event = one_event(extractor, "On 4 March 2022, communal militias from Bimbilla and Kpandai "
                                 "marched to Wulensi (Nanumba South, Northern) and attacked "
                                 "Fulani settlers after a dispute over cattle.")
    assert event.sub_event_type is SubEventType.ATTACK
    assert event.actor2 is not None and event.actor2.name == "Civilians (Ghana)"


def test_the_officer_after_one_off_duty_is_that_one() -> None:
    text = ("Gunmen shot the commander of the police who was off-duty at a bar. The officer "
            "and a waiter were hurt.")
    roles = actors.roles(text)
    officer = text.index("officer")
    assert [role for start, _, role in roles if start == officer] == [actors.ROLE_CIVILIAN]


def test_police_on_duty_later_stay_police() -> None:
    # a force, not the man: "the police" arriving later, and officers when none was off duty
    text = ("Gunmen shot the commander of the police who was off-duty at a bar. The police "
            "arrested two men.")
    police = text.index("police", text.index("The police"))
    assert [role for start, _, role in actors.roles(text) if start == police] == \
        [actors.ROLE_STATE]
    text = "Gunmen shot a trader at a bar. The officer on patrol returned fire."
    officer = text.index("officer")
    assert [role for start, _, role in actors.roles(text) if start == officer] == \
        [actors.ROLE_STATE]


def test_an_off_duty_police_chief_ambushed_is_a_civilian_attacked(
        extractor: Extractor) -> None:
    event = one_event(extractor, "On 5 March 2022, in Uruapan, Michoacan, armed men ambushed "
                                 "the chief of the police who was off-duty near his home. The "
                                 "officer and his son were wounded.")
    assert event.sub_event_type is SubEventType.ATTACK
    assert names(event) == ("Unidentified Armed Group (Mexico)", "Civilians (Mexico)")


@pytest.mark.parametrize(("body", "sub"), [
    pytest.param("On 6 March 2022, gunmen ambushed a trader on the road to Kismayo.",
                 SubEventType.ATTACK, id="civilian"),
    pytest.param("On 6 March 2022, gunmen ambushed soldiers on the road to Kismayo.",
                 SubEventType.ARMED_CLASH, id="soldiers"),
])
def test_who_was_ambushed(extractor: Extractor, body: str, sub: SubEventType) -> None:
    assert one_event(extractor, body).sub_event_type is sub


def test_building_set_on_fire_after_a_long_clause(extractor: Extractor) -> None:
    event = one_event(extractor, "On 7 March 2022, a building that houses a pension office, a "
                                 "labour exchange and a shop that sells spare parts for farm "
                                 "machines was set on fire by unknown rioters in Haifa. The "
                                 "attack is likely linked to demonstrations by shop owners "
                                 "against the lockdown.")
    assert event.sub_event_type is SubEventType.VIOLENT_DEMONSTRATION
    assert event.actor2 is not None and event.actor2.name == "Civilians (Israel)"
