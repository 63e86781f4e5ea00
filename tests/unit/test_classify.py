"""The rule-based classifier: every ACLED sub-type, negation, hedges, off-topic text."""

from __future__ import annotations

import pytest

from worker.extract.classify import classify
from worker.extract.text import split_sentences
from worker.models import SUB_EVENT_TYPES, EventType, SubEventType
from worker.seeds import SHARED_SEED_DIR

S = SubEventType

#: One sentence of our own for each of the 25 sub-types.
CASES: list[tuple[str, SubEventType]] = [
    # Battles
    ("Soldiers clashed with Al Shabaab militants near Kismayo, killing five fighters.",
     S.ARMED_CLASH),
    ("Two policemen were wounded when gunmen attacked a checkpoint outside the town.",
     S.ARMED_CLASH),
    ("The army recaptured the town of Palma from the insurgents on Monday.",
     S.GOVERNMENT_REGAINS_TERRITORY),
    ("Taliban fighters took control of the district centre on Friday.",
     S.NON_STATE_OVERTAKES_TERRITORY),
    # Explosions/Remote violence
    ("Government helicopters dropped barrels of chlorine gas on the town, residents said.",
     S.CHEMICAL_WEAPON),
    ("A drone strike killed three militants in North Waziristan.", S.AIR_DRONE_STRIKE),
    ("Warplanes bombed rebel positions east of the city.", S.AIR_DRONE_STRIKE),
    ("A suicide bomber blew himself up at a checkpoint in Kabul, killing four policemen.",
     S.SUICIDE_BOMB),
    ("Separatist forces shelled residential areas of Avdiivka with mortars overnight.",
     S.SHELLING),
    ("A roadside bomb struck a minibus near Mogadishu, killing six passengers.",
     S.REMOTE_EXPLOSIVE),
    ("Unknown assailants hurled a grenade into a bar in Garissa, wounding three people.",
     S.GRENADE),
    # Violence against civilians
    ("Soldiers raped two women during a raid on the village.", S.SEXUAL_VIOLENCE),
    ("Gunmen shot dead a village chief in Zamfara on Sunday.", S.ATTACK),
    ("Three farmers were hacked to death by unknown assailants near the river.", S.ATTACK),
    ("Bandits abducted 12 students from a school in Kaduna state.", S.ABDUCTION),
    # Protests
    ("Hundreds of teachers protested outside parliament to demand unpaid salaries.",
     S.PEACEFUL_PROTEST),
    ("Police fired tear gas to disperse students demonstrating against fee increases.",
     S.PROTEST_WITH_INTERVENTION),
    ("Security forces opened fire on protesters in the capital, killing three demonstrators.",
     S.EXCESSIVE_FORCE),
    # Riots
    ("Protesters burned tires and threw stones at police in the city centre.",
     S.VIOLENT_DEMONSTRATION),
    ("An angry mob lynched a suspected thief at the market.", S.MOB_VIOLENCE),
    # Strategic developments
    ("The two warring factions signed a ceasefire agreement in Juba on Tuesday.", S.AGREEMENT),
    ("Police arrested three opposition activists in Harare on Wednesday.", S.ARRESTS),
    ("Dozens of militia fighters defected to the army in Marib.", S.CHANGE_TO_GROUP),
    ("Police defused a bomb planted near a mosque in Quetta.", S.DISRUPTED_WEAPONS_USE),
    ("Two militants were killed when the bomb they were planting exploded prematurely.",
     S.DISRUPTED_WEAPONS_USE),
    ("The militants established a new base in the forest near the border.",
     S.HEADQUARTERS_ESTABLISHED),
    ("Gunmen looted shops and torched houses in the village; no one was hurt.", S.LOOTING),
    ("Government troops withdrew from the town and handed it over to the local militia.",
     S.NON_VIOLENT_TRANSFER),
    ("The government released 500 Taliban prisoners in Kabul.", S.OTHER),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_every_sub_type(text: str, expected: SubEventType) -> None:
    found = classify(text)
    assert found is not None, text
    assert found.sub_event_type is expected, (text, found)
    assert found.sub_event_type in SUB_EVENT_TYPES[found.event_type]
    assert 0.0 < found.confidence <= 1.0


def test_cases_cover_all_25_sub_types() -> None:
    assert {expected for _, expected in CASES} == set(SubEventType)


def test_trigger_span_and_offset() -> None:
    text = "Militants ambushed an army convoy near Gao."
    found = classify(text, offset=100)
    assert found is not None
    assert found.sub_event_type is S.ARMED_CLASH
    assert found.start >= 100
    assert found.text == text[found.start - 100:found.end - 100]
    assert found.text == "ambushed"


@pytest.mark.parametrize("text", [
    "No one was killed or injured in the incident.",
    "The striker scored twice as the home team attacked relentlessly in the second half.",
    "Stocks fell sharply as investors reacted to weak earnings and a gloomy weather forecast.",
    "The minister said the heart attack was unexpected.",
    "Firefighters battled the blaze for hours.",
    "“We are fighting for the whole country,” the spokesman said.",
    "Sign up to receive our latest news!",
])
def test_no_event(text: str) -> None:
    assert classify(text) is None


def test_negated_clash_does_not_turn_a_march_violent() -> None:
    found = classify("Residents marched peacefully through the town; no clashes were reported.")
    assert found is not None
    assert found.sub_event_type is S.PEACEFUL_PROTEST


def test_negated_injuries_keep_the_explosion() -> None:
    found = classify("An explosive device went off near the market, but no one was injured.")
    assert found is not None
    assert found.sub_event_type is S.REMOTE_EXPLOSIVE


def test_threat_is_not_an_attack() -> None:
    found = classify("The militants threatened to attack the town if the army returned.")
    assert found is None or found.event_type is EventType.STRATEGIC


def test_protest_against_an_arrest_is_peaceful() -> None:
    found = classify("Journalists protested in the capital against the arrest of a colleague.")
    assert found is not None
    assert found.sub_event_type is S.PEACEFUL_PROTEST


def test_arrests_of_protesters_are_an_intervention() -> None:
    found = classify("Police detained 20 people taking part in an unauthorised rally.")
    assert found is not None
    assert found.sub_event_type is S.PROTEST_WITH_INTERVENTION


def test_attack_on_soldiers_is_a_battle_and_on_villagers_is_violence() -> None:
    soldiers = classify("Gunmen killed four soldiers at an army post in the north.")
    villagers = classify("Gunmen killed four villagers at a market in the north.")
    assert soldiers is not None and soldiers.sub_event_type is S.ARMED_CLASH
    assert villagers is not None and villagers.sub_event_type is S.ATTACK


def test_passive_voice_victims() -> None:
    found = classify("Three soldiers were killed by suspected jihadists near the border.")
    assert found is not None and found.sub_event_type is S.ARMED_CLASH
    found = classify("A journalist was shot dead by two men on a motorcycle.")
    assert found is not None and found.sub_event_type is S.ATTACK


def test_seed_article_main_event_is_an_armed_clash() -> None:
    path = SHARED_SEED_DIR / "000_713a4815d4c35b28.txt"
    if not path.exists():
        pytest.skip("shared seed not available")
    body = path.read_text()
    found = [c for s in split_sentences(body) if (c := classify(s.text, s.start)) is not None]
    assert found
    assert found[0].event_type is EventType.BATTLES
    assert found[0].sub_event_type is S.ARMED_CLASH
    assert body[found[0].start:found[0].end] == found[0].text
