"""Where the event's sentence names no place, the places of the sentences before it (the
lead that sets the scene: "in Xanadoo, Aragua state, armed men landed ... Soldiers detained
ten of them.") place it rather than those after it (often an earlier event recalled):
sentences written for these tests."""

from __future__ import annotations

from worker.extract.gazetteer import Gazetteer
from worker.extract.places import resolve_location

_TEXT = ("On 4 May 2021, in Xanadoo, Aragua state, a group of armed men tried to land from "
         "boats. Soldiers detained eleven of them. Two days before, another group was found "
         "in Macuto, Vargas state.")


def _sentence(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, text.index(".", start) + 1


def test_a_sentence_without_a_place_takes_the_place_named_before_it(gaz: Gazetteer) -> None:
    found = resolve_location(_TEXT, gaz, focus=_sentence(_TEXT, "Soldiers"))
    assert found is not None and found.admin1 == "Aragua", found


def test_a_sentence_with_a_place_keeps_its_own(gaz: Gazetteer) -> None:
    found = resolve_location(_TEXT, gaz, focus=_sentence(_TEXT, "Two days"))
    assert found is not None and found.name == "Macuto", found


def test_without_a_place_before_it_a_place_after_it_counts(gaz: Gazetteer) -> None:
    text = "Soldiers detained eleven armed men on 4 May 2021. They had landed from boats in " \
           "Macuto, Vargas state."
    found = resolve_location(text, gaz, focus=_sentence(text, "Soldiers"))
    assert found is not None and found.name == "Macuto", found


def test_a_country_alone_before_it_is_no_such_place(gaz: Gazetteer) -> None:
    # (a country named before the sentence, no province: the town after it still counts)
    text = "On 4 May 2021, armed men tried to land in Venezuela. Soldiers detained eleven " \
           "of them. They had set out from Macuto, Vargas state."
    found = resolve_location(text, gaz, focus=_sentence(text, "Soldiers"))
    assert found is not None and found.name == "Macuto", found


def test_a_place_of_an_earlier_paragraph_is_no_such_place(gaz: Gazetteer) -> None:
    # (another paragraph may be another story: the rule reads the sentence's own)
    text = "On 4 May 2021, armed men tried to land in Xanadoo, Aragua state.\n\n" \
           "Soldiers detained eleven men. They had set out from Macuto, Vargas state."
    found = resolve_location(text, gaz, focus=_sentence(text, "Soldiers"))
    assert found is not None and found.name == "Macuto", found
