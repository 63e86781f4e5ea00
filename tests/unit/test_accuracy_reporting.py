"""Accuracy rules about reported speech and casualty phrasing, each on a sentence written for
this test: the day something was said is not the event's day, the speakers before a
reporting "that" are not the victims, and death tolls phrased by noun, by a slashed group
name or by two coordinated verbs."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit import extracting
from worker.extract import Extractor
from worker.extract.casualties import find_casualties, headline_counts
from worker.models import CasualtyKind, Event, EventType, SubEventType

# 2021-06-10 is a Thursday: Monday is 06-07, Tuesday 06-08, Wednesday 06-09
PUBLISHED = "2021-06-10"


def events(extractor: Extractor, body: str) -> list[Event]:
    return extracting.events(extractor, body, PUBLISHED)


@pytest.mark.parametrize(("body", "day"), [
    # the reporting verb's day comes first, the event clause's day later
    ("A spokesman said on Wednesday that nine policemen were killed when gunmen attacked "
     "their post near Gao on Monday.", date(2021, 6, 7)),
    ("Local officials told reporters on Wednesday that bandits had shot dead four farmers "
     "in Katsina on Tuesday.", date(2021, 6, 8)),
    ("The army said in a statement on Wednesday that its troops repelled an assault on a "
     "base in Diffa on Monday.", date(2021, 6, 7)),
    # a sentence opening with the day of the statement
    ("On Wednesday, the governor said that gunmen had killed three herders in Kaduna on "
     "Monday.", date(2021, 6, 7)),
    # the only date of a sentence stays its date, whoever said it
    ("Police said on Tuesday that two traders were shot dead in Kano.", date(2021, 6, 8)),
    # two event days: the first, as before
    ("Gunmen killed two farmers in Kano on Monday and burned a market on Tuesday, police "
     "said.", date(2021, 6, 7)),
])
def test_the_day_of_a_statement_is_not_the_event_day(extractor: Extractor, body: str,
                                                     day: date) -> None:
    found = events(extractor, body)
    assert found, body
    assert found[0].event_date == day, body


@pytest.mark.parametrize(("body", "event_type", "sub"), [
    # soldiers killed by militants storming a camp: an armed clash
    ("Officials said on Wednesday that 14 soldiers were killed when militants stormed an "
     "army camp near Menaka on Monday.", EventType.BATTLES, SubEventType.ARMED_CLASH),
    ("The ministry said that six police officers were killed in an ambush in Tillaberi.",
     EventType.BATTLES, SubEventType.ARMED_CLASH),
    # the speakers are no target: villagers killed by gunmen are civilians
    ("Witnesses told reporters that three villagers were killed when gunmen raided Mopti.",
     EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK),
])
def test_the_speakers_before_that_are_not_the_victims(extractor: Extractor, body: str,
                                                       event_type: EventType,
                                                       sub: SubEventType) -> None:
    found = events(extractor, body)
    assert [(e.event_type, e.sub_event_type) for e in found][:1] == [(event_type, sub)], body


def killed(text: str) -> int | None:
    return headline_counts(find_casualties(text)).get(CasualtyKind.KILLED)


@pytest.mark.parametrize(("text", "count"), [
    # one noun for two figures, each a side of its own
    ("The fighting ended with 12 ISWAP fighters and 3 military fatalities.", 15),
    ("The raid resulted in 4 rebel and 1 military fatality.", 5),
    ("1 fatality.", 1),
    # a range is one figure, not two sides
    ("Reports put the toll of the clash between 3 and 5 deaths.", 5),
    # a group's name with a slash
    ("Troops said 31 JAS/ISWAP insurgents were killed in the strikes.", 31),
    # the verbs of a killing
    ("A trader was shot to death by two men on a motorbike.", 1),
    ("A village chief was attacked and beaten to death by a crowd.", 1),
    ("Two guards were stabbed and hacked to death at the gate.", 2),
])
def test_death_tolls_as_the_news_phrase_them(text: str, count: int) -> None:
    assert killed(text) == count, text


def test_a_first_verb_before_and_is_no_casualty_of_its_own() -> None:
    # "attacked and" joins the killing; "injured" keeps its own figure
    found = find_casualties("Three men were attacked and injured by a mob.")
    assert [(m.kind, m.count) for m in found] == [(CasualtyKind.INJURED, 3)]


def test_a_before_a_plural_verb_counts_no_victim() -> None:
    # "a" is the article of the school, not a count of the teachers ("are", "were")
    assert find_casualties("Teachers of a village school were attacked and injured.") == []
    assert [(m.kind, m.count) for m in find_casualties(
        "A nurse was attacked and injured at the clinic.")] == [(CasualtyKind.INJURED, 1)]


@pytest.mark.parametrize(("text", "count"), [
    # a number is a whole word: "seventeen", not its "seven"
    ("Raiders burned the market, killing at least seventeen traders.", 17),
    ("Soldiers killed fourteen fighters in the forest.", 14),
    # one person named without a number
    ("Gunmen stopped a bus near the bridge and killed the driver.", 1),
    ("Snipers fired on a farmer in his field, killing him.", 1),
    ("A bomb hit a patrol, and the soldier later died of his wounds.", 1),
    ("An armed group fatally shot the leader of a youth union near his home.", 1),
    # a named figure stands: the person is one of them
    ("Police killed 3 robbers in the raid, killing the gang leader.", 3),
])
def test_death_tolls_without_a_count_or_of_many_words(text: str, count: int) -> None:
    assert killed(text) == count, text


@pytest.mark.parametrize("text", [
    "Gunmen killed the soldiers at the checkpoint.",  # many, not counted
    "The fire destroyed the crops and the violence later died down.",
    # a figure of several fates at once says how many of none
    "Four insurgents were killed, injured or captured in the operation.",
    "Six militants were killed and wounded in the air strikes.",
])
def test_no_death_toll_where_none_is_said(text: str) -> None:
    assert not killed(text), text


def test_separate_figures_of_killed_and_wounded_stay() -> None:
    found = find_casualties("Two soldiers were killed and three others wounded.")
    assert [(m.kind, m.count) for m in found] == [(CasualtyKind.KILLED, 2),
                                                  (CasualtyKind.INJURED, 3)]


@pytest.mark.parametrize(("body", "sub"), [
    # the attackers met armed resistance told in the next sentence: an armed clash
    ("Militants attacked the village of Kora on Monday and burned a school. Soldiers "
     "exchanged fire with them for two hours before they withdrew.", SubEventType.ARMED_CLASH),
    # "the attack" told again, or fighting in general, is no resistance
    ("Gunmen shot two traders in Kano on Monday. Police said the attack was gang related.",
     SubEventType.ATTACK),
    ("Gunmen attacked a village near Jos on Monday, killing four farmers. The region has "
     "seen fighting between herders and farmers for years.", SubEventType.ATTACK),
])
def test_an_attack_that_met_armed_resistance(extractor: Extractor, body: str,
                                              sub: SubEventType) -> None:
    assert [e.sub_event_type for e in events(extractor, body)][:1] == [sub], body


@pytest.mark.parametrize(("text", "count"), [
    ("The bodies of 3 herders with gunshot wounds were found near the well.", 3),
    ("Residents discovered the body of a teacher in a ditch outside the town.", 1),
    # a body handed over or retrieved is no death of this event
    ("The rebels released two soldiers and the body of a third in the exchange.", None),
    ("Divers were retrieving the body of a boy from the dam.", None),
])
def test_bodies_found(text: str, count: int | None) -> None:
    assert killed(text) == count, text
