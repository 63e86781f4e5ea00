"""A province the event's sentence names last, after a village the gazetteer does not know
("near Xuxuli, Agdam"), places the event rather than a town or district of another province
named before it: sentences written for these tests, one case each."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from worker.extract.gazetteer import Gazetteer
from worker.extract.places import resolve_location


@dataclass(frozen=True)
class Case:
    text: str
    want: dict[str, object]  # attributes the place found must have
    not_admin1: str | None = None  # a province it must not be in
    focused: bool = True  # the whole text is the event's sentence (else no sentence given)
    why: str = field(default="", compare=False)


CASES = [
    pytest.param(Case(
        "On 3 June 2021, troops stationed at Kangarli shelled positions reported near "
        "Xuxuli, Agdam.", {"admin1": "Agdam", "precision": 3}),
        id="the province of an unknown village outweighs a district elsewhere"),
    pytest.param(Case(
        "On 9 July 2021, militants who had crossed from Damboa attacked a camp near "
        "Kwaxili, Yobe.", {"admin1": "Yobe"}),
        id="a town of another state yields to the state of the village"),
    pytest.param(Case(
        "Gunmen opened fire at a market in Faisalabad city (Faisalabad, Sindh) on Friday.",
        {"name": "Faisalabad", "admin1": "Punjab"},
        why="the text's slip: the town is not in the province it names; the town stays"),
        id="a province right after its town is no other place"),
    pytest.param(Case(
        "On 2 May 2022, fighters from Damboa were seen in the north of Yobe state.",
        {"name": "Damboa"}),
        id="a province not after an unknown name leaves the town"),
    pytest.param(Case(
        "Troops at Kangarli shelled positions near Xuxuli, Agdam. They withdrew to Lachin.",
        {}, not_admin1="Agdam"),
        id="a place named after the province leaves the first place"),
    pytest.param(Case(
        "On 3 June 2021, troops stationed at Kangarli shelled positions near Xuxuli, Agdam.",
        {}, not_admin1="Agdam", focused=False),
        id="without the event sentence the rule is not applied"),
    pytest.param(Case(
        "Fighters who had fled Mosul in March ambushed an army patrol on Sunday near "
        "Qarawiz district of Diyala province, killing two soldiers.",
        {"admin1": "Diyala", "precision": 3},
        why="'<unknown name> district of <province>': the province of a place the gazetteer "
            "does not know, as '<unknown name>, <province>' is"),
        id="the province of an unknown district so called outweighs a town elsewhere"),
    pytest.param(Case(
        "Fighters who had fled Mosul in March ambushed an army patrol on Sunday near "
        "the main town of Diyala province, killing two soldiers.",
        {"name": "Mosul"},
        why="'the main town of Diyala province' names no place of its own"),
        id="a lower-case word before the district word leaves the town"),
]


@pytest.mark.parametrize("case", CASES)
def test_the_place_of_the_event(gaz: Gazetteer, case: Case) -> None:
    focus = (0, len(case.text)) if case.focused else None
    found = resolve_location(case.text, gaz, focus=focus)
    assert found is not None, case
    assert {name: getattr(found, name) for name in case.want} == case.want, found
    assert case.not_admin1 is None or found.admin1 != case.not_admin1, found
