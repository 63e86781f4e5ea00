"""Sub-type rules from the ACLED codebook's definitions, each on sentences written for this
test: armed clashes are no brawl, a riot against what the authorities did is a demonstration,
an attack on or arrests of the demonstrators are an intervention, people held by an armed group
are abducted, an ambush of civilians is an attack on them, and a negation's reach ends at
"but"."""

from __future__ import annotations

import pytest

from worker.extract.classify import classify
from worker.models import SubEventType

S = SubEventType


def sub_type(text: str) -> SubEventType | None:
    found = classify(text)
    return found.sub_event_type if found is not None else None


@pytest.mark.parametrize("text", [
    "Armed clashes were reported in the east of the town, where three people died.",
    "An armed clash broke out near the market and one person was injured.",
])
def test_armed_clashes_are_not_a_brawl(text: str) -> None:
    assert sub_type(text) is S.ARMED_CLASH, text


def test_a_clash_between_villagers_stays_a_brawl() -> None:
    text = "Villagers clashed with people from a nearby village over a plot, injuring four."
    assert sub_type(text) is S.MOB_VIOLENCE


@pytest.mark.parametrize("text", [
    "Party supporters rioted in front of the court after police arrested their leader.",
    "Traders rioted in the market following the authorities' closure of their stalls.",
])
def test_a_riot_against_what_the_authorities_did_is_a_demonstration(text: str) -> None:
    assert sub_type(text) is S.VIOLENT_DEMONSTRATION, text


def test_a_riot_against_prison_guards_stays_mob_violence() -> None:
    assert sub_type("Rioters attacked two guards who had stopped a car in the town.") is \
        S.MOB_VIOLENCE


@pytest.mark.parametrize("text", [
    "A local official attacked the protest of market vendors who were protesting high fees.",
    "Police came to the hall and arrest the demonstrators, who were freed the next day.",
])
def test_an_attack_on_or_arrests_of_the_demonstrators_are_an_intervention(text: str) -> None:
    assert sub_type(text) is S.PROTEST_WITH_INTERVENTION, text


def test_an_attack_on_the_protesters_that_hurts_them_is_not_an_intervention() -> None:
    text = "Unknown men attacked the protesters outside the office, injuring six of them."
    assert sub_type(text) is not S.PROTEST_WITH_INTERVENTION


def test_a_peaceful_protest_stays_peaceful() -> None:
    assert sub_type("Teachers protested against the late payment of their salaries.") is \
        S.PEACEFUL_PROTEST


def test_people_held_by_an_armed_group_are_abducted() -> None:
    text = "Rebels raided the settlement and detained several women."
    assert sub_type(text) is S.ABDUCTION


def test_people_held_by_the_police_are_arrested() -> None:
    assert sub_type("Police detained several traders in the market.") is S.ARRESTS


def test_an_ambush_of_civilians_is_an_attack() -> None:
    assert sub_type("Gunmen ambushed a trader on the road to the market.") is S.ATTACK


def test_an_ambush_of_soldiers_is_an_armed_clash() -> None:
    assert sub_type("Militants ambushed an army patrol near the border.") is S.ARMED_CLASH


def test_a_riot_named_only_as_a_cause_is_the_event() -> None:
    text = "The college was closed for a week following a student riot over unpaid bursaries."
    assert sub_type(text) is S.VIOLENT_DEMONSTRATION


def test_a_riot_named_as_a_cause_of_another_event_stays_background() -> None:
    text = "Soldiers shot dead two looters following a riot in the market."
    assert sub_type(text) is S.ATTACK


def test_a_riot_threatened_is_no_event() -> None:
    assert sub_type("The union threatened to riot if the college stays closed.") is None


def test_a_riot_at_a_match_named_as_a_cause_is_no_event() -> None:
    text = "The stadium was closed following a riot by fans after the football match."
    assert sub_type(text) is None


# A negation's reach ends at "but" ("no one was hurt but the shop was damaged": the damage
# is not negated), and "material damage" is damage to property; a negation before the
# trigger with no "but" between still holds.
@pytest.mark.parametrize("text", [
    "Nobody was hurt but the attackers damaged two shops in the market.",
    "A truck rammed the gate of the depot. No one was injured but there was material damage.",
    "Unknown people threw stones at the office overnight, causing material damage.",
])
def test_damage_after_but_is_not_negated(text: str) -> None:
    assert sub_type(text) is S.LOOTING, text


@pytest.mark.parametrize("text", [
    "No shops were damaged in the storm.",
    "The mayor said there was no material damage to the school.",
])
def test_a_negation_with_no_but_between_still_holds(text: str) -> None:
    assert sub_type(text) is None, text
