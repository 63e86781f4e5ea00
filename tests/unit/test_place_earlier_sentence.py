"""Where the event's sentence names no place, the places of the sentences before it (the
lead that sets the scene: "in Xanadoo, Aragua state, armed men landed ... Soldiers detained
ten of them.") place it rather than those after it (often an earlier event recalled):
sentences written for these tests, one case each."""

from __future__ import annotations

import pytest

from worker.extract.gazetteer import Gazetteer
from worker.extract.places import resolve_location

_TEXT = ("On 4 May 2021, in Xanadoo, Aragua state, a group of armed men tried to land from "
         "boats. Soldiers detained eleven of them. Two days before, another group was found "
         "in Macuto, Vargas state.")

#: (text, the first words of the event's sentence, the attribute checked, its value)
CASES = [
    pytest.param(_TEXT, "Soldiers", "admin1", "Aragua",
                 id="a sentence without a place takes the place named before it"),
    pytest.param(_TEXT, "Two days", "name", "Macuto",
                 id="a sentence with a place keeps its own"),
    pytest.param("Soldiers detained eleven armed men on 4 May 2021. They had landed from "
                 "boats in Macuto, Vargas state.", "Soldiers", "name", "Macuto",
                 id="without a place before it a place after it counts"),
    # a country named before the sentence, no province: the town after it still counts
    pytest.param("On 4 May 2021, armed men tried to land in Venezuela. Soldiers detained "
                 "eleven of them. They had set out from Macuto, Vargas state.",
                 "Soldiers", "name", "Macuto",
                 id="a country alone before it is no such place"),
    # another paragraph may be another story: the rule reads the sentence's own
    pytest.param("On 4 May 2021, armed men tried to land in Xanadoo, Aragua state.\n\n"
                 "Soldiers detained eleven men. They had set out from Macuto, Vargas state.",
                 "Soldiers", "name", "Macuto",
                 id="a place of an earlier paragraph is no such place"),
]


@pytest.mark.parametrize(("text", "opening", "attribute", "value"), CASES)
def test_the_place_of_a_sentence_without_one(gaz: Gazetteer, text: str, opening: str,
                                             attribute: str, value: str) -> None:
    start = text.index(opening)
    found = resolve_location(text, gaz, focus=(start, text.index(".", start) + 1))
    assert found is not None and getattr(found, attribute) == value, found
