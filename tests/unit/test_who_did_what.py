"""Who did what to whom, on sentences written for these tests: a verb series shares its
subject, "had his house attacked" is done to him, what happens "before being repelled" is
part of the event, police who only step in after mob violence are not its target, and
forces named as one side are not each other's opponent."""

from __future__ import annotations

import pytest

from worker.extract import Extractor
from worker.models import Article, Event, SubEventType


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def one_event(extractor: Extractor, body: str) -> Event:
    found = extractor.extract(Article(id="who", body=body, published_at="2021-09-15"))
    assert len(found) == 1, found
    return found[0]


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


def test_had_his_house_attacked_is_done_to_him(extractor: Extractor) -> None:
    body = ("On 12 September 2021, in Rosario (Santa Fe), a leader of the Dock Workers' Union had "
            "his house attacked with gunfire at night. Nobody was hurt.")
    event = one_event(extractor, body)
    assert event.sub_event_type is SubEventType.ATTACK
    assert names(event)[0] is not None and names(event)[0].startswith("Unidentified")


def test_before_being_repelled_makes_a_clash(extractor: Extractor) -> None:
    body = ("On 12 September 2021, suspected Islamist militants attacked Mocimboa village "
            "(Cabo Delgado). They burned down several houses before being repelled by the "
            "army.")
    event = one_event(extractor, body)
    assert event.sub_event_type is SubEventType.ARMED_CLASH
    assert names(event)[1] is not None and names(event)[1].startswith("Military Forces")


@pytest.mark.parametrize("body", [
    "On 12 September 2021, a mob burned a clinic in Kisumu over the death of a patient. "
    "Police rushed and controlled the mob.",
    "On 12 September 2021, students burned a bus in Kisumu in response to police action "
    "at their campus.",
])
def test_police_who_step_in_are_not_the_mob_target(extractor: Extractor, body: str) -> None:
    event = one_event(extractor, body)
    assert event.sub_event_type is SubEventType.MOB_VIOLENCE
    assert names(event)[1] is not None and names(event)[1].startswith("Civilians")


def test_police_who_shoot_at_the_mob_are_its_other_side(extractor: Extractor) -> None:
    body = ("On 12 September 2021, a mob tried to lynch a thief in Kisumu when police "
            "intervened and shot at the crowd, injuring two people.")
    event = one_event(extractor, body)
    assert event.sub_event_type is SubEventType.MOB_VIOLENCE
    assert names(event)[1] is not None and names(event)[1].startswith("Police Forces")


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
