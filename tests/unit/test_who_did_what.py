"""Who did what to whom, on sentences written for these tests: a verb series shares its
subject, "had his house attacked" is done to him, what happens "before being repelled" is
part of the event, police who only step in after mob violence are not its target, and
forces named as one side are not each other's opponent."""

from __future__ import annotations

import pytest

from tests.unit import extracting
from worker.extract import Extractor
from worker.models import Event, SubEventType


def one_event(extractor: Extractor, body: str) -> Event:
    return extracting.one_event(extractor, body, "2021-09-15")


def names(event: Event) -> tuple[str | None, str | None]:
    return (event.actor1.name if event.actor1 else None,
            event.actor2.name if event.actor2 else None)


@pytest.mark.parametrize("body", [
    # the armed men did the robbing, not the traders they had stopped
    "On 12 September 2021, armed men stopped a bus of traders near Kaya, searched them, "
    "robbed them of their money and took their goods.",
    "On 12 September 2021, suspected jihadists fired shots to scare away local residents "
    "near Djibo and, then looted shops.",
])
def test_a_verb_series_shares_the_first_subject(extractor: Extractor, body: str) -> None:
    event = one_event(extractor, body)
    assert event.sub_event_type is not SubEventType.MOB_VIOLENCE
    assert event.actor1 is not None and not event.actor1.name.startswith("Rioters")


@pytest.mark.parametrize(("body", "sub", "side", "name"), [
    pytest.param(  # "had his house attacked": done to him, by someone unnamed
        "On 12 September 2021, in Rosario (Santa Fe), a leader of the Dock Workers' Union had "
        "his house attacked with gunfire at night. Nobody was hurt.",
        SubEventType.ATTACK, 0, "Unidentified", id="had-his-house-attacked"),
    pytest.param(  # what they did "before being repelled" by the army: a clash with it
        "On 12 September 2021, suspected Islamist militants attacked Mocimboa village "
        "(Cabo Delgado). They burned down several houses before being repelled by the army.",
        SubEventType.ARMED_CLASH, 1, "Military Forces", id="before-being-repelled"),
    pytest.param(  # police who only step in after mob violence are not its target ...
        "On 12 September 2021, a mob burned a clinic in Kisumu over the death of a patient. "
        "Police rushed and controlled the mob.",
        SubEventType.MOB_VIOLENCE, 1, "Civilians", id="police-step-in"),
    pytest.param(  # ... nor the police action the mob answers
        "On 12 September 2021, students burned a bus in Kisumu in response to police action "
        "at their campus.",
        SubEventType.MOB_VIOLENCE, 1, "Civilians", id="in-response-to-police"),
    pytest.param(  # but police who shoot at the crowd are its other side
        "On 12 September 2021, a mob tried to lynch a thief in Kisumu when police "
        "intervened and shot at the crowd, injuring two people.",
        SubEventType.MOB_VIOLENCE, 1, "Police Forces", id="police-shoot-at-mob"),
])
def test_who_did_it_to_whom(extractor: Extractor, body: str, sub: SubEventType, side: int,
                            name: str) -> None:
    event = one_event(extractor, body)
    assert event.sub_event_type is sub
    actor = names(event)[side]
    assert actor is not None and actor.startswith(name), names(event)


def test_allies_fire_together(extractor: Extractor) -> None:
    body = ("On 12 September 2021, anti-Houthi National Resistance and Saudi-led coalition "
            "forces fired artillery shells at Al Jah area (Bayt al Faqih, Al Hudaydah). No "
            "casualties were reported.")
    event = one_event(extractor, body)
    assert event.sub_event_type is SubEventType.SHELLING
    assert event.actor2 is None, names(event)


def test_the_forces_supported_lead(extractor: Extractor) -> None:
    body = ("On 12 September 2021, clashes with heavy machine guns broke out between regime "
            "forces supported by QSD, against Turkish forces near Ain Issa (Ar-Raqqa).")
    event = one_event(extractor, body)
    assert event.sub_event_type is SubEventType.ARMED_CLASH
    assert set(names(event)) == {"Military Forces of Syria", "Military Forces of Turkey"}, \
        names(event)
