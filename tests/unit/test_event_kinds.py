"""Event types on sentences written for these tests: clashes said to be ongoing are the
event, "was found killed" is done to the one found, people who take up arms fight an armed
clash, forces shooting at protesters use excessive force, an irregular past verb ("shot",
"struck") opens a clause of its own, a verb series after an attacked place keeps its own
object, and a killing that names a victim ("relatives of a murder victim") is no act told
before a protest."""

from __future__ import annotations

from tests.unit import extracting
from tests.unit.extracting import sub_of
from worker.extract import Extractor
from worker.models import Event, EventType, SubEventType


def one_event(extractor: Extractor, body: str) -> Event:
    return extracting.one_event(extractor, body, "2022-03-16")


def test_there_were_ongoing_clashes_is_the_event() -> None:
    assert sub_of("On 14 March 2022, there were ongoing clashes between two rival militias "
                  "near Wau, after the killing of a herder by one of them.") \
        is SubEventType.ARMED_CLASH
    # "amid ongoing clashes" is still the background of what the sentence tells
    assert sub_of("On 14 March 2022, residents of Wau marched amid ongoing clashes between "
                  "two militias.") is SubEventType.PEACEFUL_PROTEST


def test_found_killed_is_done_to_the_one_found() -> None:
    # a soldier found killed: the victim is armed, a battle
    assert sub_of("On 14 March 2022, a soldier was found killed near his post outside "
                  "Kidal.") is SubEventType.ARMED_CLASH
    assert sub_of("On 14 March 2022, a shopkeeper was found killed near his shop in "
                  "Kidal.") is SubEventType.ATTACK


def test_taking_up_arms_is_an_armed_clash() -> None:
    assert sub_of("Angry farmers took up arms to drive out the raiders; 7 were killed.") \
        is SubEventType.ARMED_CLASH


def test_shooting_at_protesters_is_excessive_force(extractor: Extractor) -> None:
    body = ("On 14 March 2022, residents of Maturin staged a protest over water cuts. "
            "Police officers arrived and began to shoot at protesters with pellets.")
    event = one_event(extractor, body)
    assert event.sub_event_type is SubEventType.EXCESSIVE_FORCE


def test_an_irregular_past_verb_opens_its_own_clause(extractor: Extractor) -> None:
    # the soldiers are the subject of "shot", not the target of the raid: the victim is a
    # civilian
    body = ("On 14 March 2022, during a search raid in Tulkarem, soldiers shot a "
            "shepherd in the leg near the village well.")
    event = one_event(extractor, body)
    assert event.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
    assert event.sub_event_type is SubEventType.ATTACK


def test_an_attacked_place_is_the_first_verbs_object() -> None:
    # the warehouses are what was burnt, not what was attacked: an attack on the village
    assert sub_of("On 14 March 2022, ADF rebels attacked Kalunguta (Beni, North Kivu) and "
                  "burnt two warehouses.") is SubEventType.ATTACK
    # a person named right after the verb is its object still
    assert sub_of("On 14 March 2022, ADF rebels attacked soldiers in Kalunguta (Beni, North "
                  "Kivu) and burnt their vehicles.") is SubEventType.ARMED_CLASH


def test_a_victim_named_is_no_act_before_the_protest() -> None:
    assert sub_of("On 14 March 2022, relatives of a murder victim protested outside the "
                  "court in Salta to demand a faster trial.") is SubEventType.PEACEFUL_PROTEST
