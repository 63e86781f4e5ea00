"""A negation's reach ends at "but" ("no one was hurt but the shop was damaged": the damage
is not negated), and "material damage" is damage to property; sentences written for this
test, with guards that a negation before the trigger, with no "but" between, still holds."""

from __future__ import annotations

import pytest

from worker.extract.classify import classify
from worker.models import SubEventType

S = SubEventType


def sub_type(text: str) -> SubEventType | None:
    found = classify(text)
    return found.sub_event_type if found is not None else None


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
