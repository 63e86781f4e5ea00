"""Refugees or migrants going home are a movement of civilians coded "Other", and one person
killed told passively after "a" and a relative clause or an "of" phrase ("a guard who worked
for a trader was shot dead") is one death: sentences written for these tests."""

from __future__ import annotations

from tests.unit.extracting import one_event, sub_of
from worker.extract import Extractor
from worker.extract.casualties import find_casualties
from worker.models import SubEventType


def test_refugees_returning_home_are_an_other_event(extractor: Extractor) -> None:
    ev = one_event(extractor, "On 3 June 2021, in Cucuta, 120 Venezuelan migrants returned to "
                   "Venezuela after losing their jobs.", "2021-06-04")
    assert ev.sub_event_type is SubEventType.OTHER, ev
    assert ev.actor1 is not None and ev.actor1.name.startswith("Civilians"), ev.actor1


def test_returnees_from_abroad(extractor: Extractor) -> None:
    assert sub_of("On 3 June 2021, 45 refugees returned from Chad to their villages.") \
        is SubEventType.OTHER


def test_a_return_without_refugees_or_fighters_is_no_event() -> None:
    assert sub_of("On 3 June 2021, the minister returned to the capital.") is None
    assert sub_of("On 3 June 2021, the refugees were returned the money they paid.") is None


def _dead(text: str) -> list[int]:
    return [m.count for m in find_casualties(text) if m.kind.value == "killed"]


def test_a_person_with_a_relative_clause_shot_dead_is_one_death() -> None:
    assert _dead("On 2 June 2021, a former guard who worked for a local trader was shot "
                 "dead by two gunmen in the market.") == [1]


def test_a_person_of_a_force_found_killed_is_one_death() -> None:
    assert _dead("A member of the border police was found killed near the river.") == [1]


def test_a_group_or_a_thing_is_no_death() -> None:
    assert _dead("A group of men who had robbed the bank was killed, officials said.") == []
    assert _dead("A vehicle of the convoy was destroyed and a bridge of the town was "
                 "damaged.") == []
