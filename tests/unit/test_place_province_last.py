"""A province the event's sentence names last, after a village the gazetteer does not know
("near Xuxuli, Agdam"), places the event rather than a town or district of another province
named before it: sentences written for these tests."""

from __future__ import annotations

from worker.extract.gazetteer import Gazetteer
from worker.extract.places import resolve_location


def _whole(text: str) -> tuple[int, int]:
    """The whole text as the event's sentence."""
    return 0, len(text)


def test_the_province_of_an_unknown_village_outweighs_a_district_elsewhere(
        gaz: Gazetteer) -> None:
    text = "On 3 June 2021, troops stationed at Kangarli shelled positions reported near " \
           "Xuxuli, Agdam."
    found = resolve_location(text, gaz, focus=_whole(text))
    assert found is not None and found.admin1 == "Agdam" and found.precision == 3, found


def test_a_town_of_another_state_yields_to_the_state_of_the_village(gaz: Gazetteer) -> None:
    text = "On 9 July 2021, militants who had crossed from Damboa attacked a camp near " \
           "Kwaxili, Yobe."
    found = resolve_location(text, gaz, focus=_whole(text))
    assert found is not None and found.admin1 == "Yobe", found


def test_a_province_right_after_its_town_is_no_other_place(gaz: Gazetteer) -> None:
    # (the text's slip: the town is not in the province it names; the town stays)
    text = "Gunmen opened fire at a market in Faisalabad city (Faisalabad, Sindh) on Friday."
    found = resolve_location(text, gaz, focus=_whole(text))
    assert found is not None and found.name == "Faisalabad" and found.admin1 == "Punjab", found


def test_a_province_not_after_an_unknown_name_leaves_the_town(gaz: Gazetteer) -> None:
    text = "On 2 May 2022, fighters from Damboa were seen in the north of Yobe state."
    found = resolve_location(text, gaz, focus=_whole(text))
    assert found is not None and found.name == "Damboa", found


def test_a_place_named_after_the_province_leaves_the_first_place(gaz: Gazetteer) -> None:
    text = "Troops at Kangarli shelled positions near Xuxuli, Agdam. They withdrew to Lachin."
    found = resolve_location(text, gaz, focus=_whole(text))
    assert found is not None and found.admin1 != "Agdam", found


def test_without_the_event_sentence_the_rule_is_not_applied(gaz: Gazetteer) -> None:
    text = "On 3 June 2021, troops stationed at Kangarli shelled positions near Xuxuli, Agdam."
    found = resolve_location(text, gaz)
    assert found is not None and found.admin1 != "Agdam", found


def test_the_province_of_an_unknown_district_so_called_outweighs_a_town_elsewhere(
        gaz: Gazetteer) -> None:
    # "<unknown name> district of <province>": the province of a place the gazetteer does
    # not know, as "<unknown name>, <province>" is
    text = "Fighters who had fled Mosul in March ambushed an army patrol on Sunday near " \
           "Qarawiz district of Diyala province, killing two soldiers."
    found = resolve_location(text, gaz, focus=_whole(text))
    assert found is not None and found.admin1 == "Diyala" and found.precision == 3, found


def test_a_lower_case_word_before_the_district_word_leaves_the_town(gaz: Gazetteer) -> None:
    # ("the main town of Diyala province" names no place of its own)
    text = "Fighters who had fled Mosul in March ambushed an army patrol on Sunday near " \
           "the main town of Diyala province, killing two soldiers."
    found = resolve_location(text, gaz, focus=_whole(text))
    assert found is not None and found.name == "Mosul", found
