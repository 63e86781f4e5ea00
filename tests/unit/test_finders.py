"""The per-field finders on sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from worker.extract import Extractor
from worker.extract.casualties import find_casualties, headline_counts
from worker.extract.countries import acled_country_name, country_code, find_countries
from worker.extract.dates import event_date, find_dates
from worker.extract.gazetteer import load_gazetteer, skeleton
from worker.extract.numbers import parse_number, parse_range
from worker.extract.places import resolve_location
from worker.extract.sources import find_sources
from worker.models import Article, CasualtyKind, Precision, SourceKind

TUE = date(2021, 8, 31)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Fighters clashed on Monday night, Aug. 30, near the pass.", date(2021, 8, 30), "day"),
        ("Gunmen struck on Monday.", date(2021, 8, 30), "day"),
        ("The raid happened yesterday.", date(2021, 8, 30), "day"),
        ("On 12 March 2020, police fired tear gas.", date(2020, 3, 12), "day"),
        ("Shelling resumed on Dec. 29.", date(2020, 12, 29), "day"),  # last year's
        ("Talks collapsed earlier this week.", date(2021, 8, 30), "week"),
        ("Attacks rose in July.", date(2021, 7, 1), "month"),
    ],
)
def test_dates_resolve_against_publication(text: str, expected: date, precision: str) -> None:
    found = event_date(text, TUE)
    assert found is not None
    assert (found.value, found.precision) == (expected, Precision(precision))
    assert text[found.start:found.end] == found.text


def test_outlet_named_today_is_not_a_date() -> None:
    assert find_dates("He told India Today that fighting continued.", TUE) == []


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("At least seven militants were killed and two soldiers wounded.", 7, 2),
        ("3 policemen were killed and 7 were wounded. Officials said 4 rebels were also "
         "killed.", 7, 7),
        ("Gunmen killed five civilians and injured another.", 5, 1),
        ("The death toll from Monday's blast in the market rose to twelve.", 12, None),
        ("No one was hurt in the attack.", None, 0),
    ],
)
def test_casualty_headlines(text: str, killed: int | None, injured: int | None) -> None:
    counts = headline_counts(find_casualties(text))
    assert counts[CasualtyKind.KILLED] == killed
    assert counts[CasualtyKind.INJURED] == injured


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        # each casualty verb counts on its own, with no other casualty word in the text
        ("Twelve people were hospitalized after the march.", CasualtyKind.INJURED, 12),
        ("Nine traders were hospitalised after the raid.", CasualtyKind.INJURED, 9),
        ("Three villagers were maimed by the blast.", CasualtyKind.INJURED, 3),
        ("Five aid workers were taken captive near the camp.", CasualtyKind.CAPTURED, 5),
        ("Police found three corpses in the river.", CasualtyKind.KILLED, 3),
    ],
)
def test_each_casualty_verb_alone(text: str, kind: CasualtyKind, count: int) -> None:
    assert headline_counts(find_casualties(text))[kind] == count


@pytest.mark.parametrize("body", [
    "On Monday, police fired tear gas at protesters in Nakuru. Twelve people were "
    "hospitalized.",
    "On Monday, police fired tear gas at protesters in Nakuru. Twelve soldiers were "
    "hospitalized.",
])
def test_hospitalized_counts_in_an_article(body: str) -> None:
    # (the second once counted only because "soldiers" holds "die", a word of the hint)
    article = Article(id="a", body=body, published_at=datetime(2021, 9, 14, tzinfo=UTC))
    assert [e.injured for e in Extractor().extract(article)] == [12]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # headlines: the victim a bare singular noun, or the bare subject of a passive
        ("Herders kill trader near the market", 1),
        ("Militia attacks lorry, kills driver", 1),
        ("Crowd lynches suspected thief in Kibera", 1),
        ("Police sergeant shot dead while on patrol.", 1),
        ("Councillor's bodyguard shot and killed.", 1),
        ("He was stoned to death by a mob.", 1),
        ("An armed man was shot and died at the scene.", 1),
        ("The blast hit the minibus, leaving the driver dead.", 1),
        ("Villagers lynch a man accused of theft.", 1),
        ("Raiders set the hut alight, killing their three children.", 3),
        # no one (or not one) killed, or the figure given elsewhere
        ("The group threatened to kill journalist over the report.", None),
        ("Youths tried to lynch a man at the bus stop.", None),
        ("Residents protested the killing of teacher in the town.", None),
        ("Police killed civilian bus drivers, witnesses said.", None),
        ("Two soldiers were shot dead while on patrol.", 2),
        ("Soldiers killed in the ambush were buried on Friday.", None),
    ],
)
def test_one_person_killed_without_a_number(text: str, killed: int | None) -> None:
    found = find_casualties(text)
    assert headline_counts(found)[CasualtyKind.KILLED] == killed
    for claim in found:  # the evidence is the text's own words
        assert text[claim.start:claim.end] == claim.text


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the victim between the verb and its outcome
        ("Two gunmen waylaid the chief outside his gate before shooting him dead.", 1),
        ("A mob cornered a suspected cattle thief and beat the herder to death.", 1),
        ("Guards tortured a young fisherman to death at the post.", 1),
        ("They shot her dead in front of the shop.", 1),
        # a pronoun that died, where the text gives no figure
        ("Officers beat the vendor in their cells and she later died of her injuries.", 1),
        # an outcome phrased as a death
        ("The militias traded fire, resulting in the death of a passing farmer.", 1),
        ("The shelling led to the death of a herder near the well.", 1),
        # a single death
        ("Clashes over grazing land. One death and four injuries reported.", 1),
        ("The rally ended with 1 death, police said.", 1),
        ("The militia issued one death threat after another.", None),
        # one person's body found
        ("Police said a young trader's body was found in a sugarcane field.", 1),
        ("Residents reported that an elderly villager’s body was discovered near the dam.", 1),
        # one person named, then another: two
        ("Soldiers opened fire on the car, killing the driver and his wife.", 2),
        ("Gunmen killed a local councillor and his son at a wedding.", 2),
        # ages are not units: the person counts
        ("A 34-year-old teacher was shot dead in the market.", 1),
        ("Gunmen shot dead a 19-year-old student near the gate.", 1),
        # a death as what a protest is about: no one killed at the protest
        ("Students marched over the death of two classmates killed by police last week.", None),
        ("Hundreds protested against the deaths of 4 herders killed by rangers.", None),
        # not each of them
        ("Police shot him in the leg and he fled.", None),
        ("The officers threatened to beat her to death.", None),
        ("Heavy fighting led to the death of the ceasefire.", None),
        ("He died of natural causes, 3 people were killed in the clash.", 3),
        ("Soldiers killed the commander and the fighters fled.", 1),
        ("Gunmen killed a farmer and his cattle.", 1),
    ],
)
def test_one_person_killed_in_other_words(text: str, killed: int | None) -> None:
    found = find_casualties(text)
    assert headline_counts(found)[CasualtyKind.KILLED] == killed
    for claim in found:  # the evidence is the text's own words
        assert text[claim.start:claim.end] == claim.text


def test_claims_keep_who_said_them() -> None:
    text = ("Jon Berri, the spokesman for the front, told Lakeside Wire that at least 30 were "
            "killed.")
    (claim,) = find_casualties(text)
    assert (claim.count, claim.qualifier, claim.claimed_by) == (30, "at least", "Jon Berri")


def test_numbers() -> None:
    assert parse_number("twenty-one") == 21
    assert parse_number("1,200") == 1200
    assert parse_range("10-15") == (10, 15)
    assert parse_number("several") is None


def test_sources() -> None:
    found = find_sources("Police said on Friday, according to Reuters, that Amina Yusuf, "
                         "the district commissioner, confirmed the toll.")
    kinds = {s.name: s.kind for s in found}
    assert kinds["Reuters"] is SourceKind.OUTLET
    assert kinds["Amina Yusuf"] is SourceKind.PERSON


def test_countries() -> None:
    assert acled_country_name("CD") == "Democratic Republic of Congo"
    assert country_code("Kenyan") == "KE"
    codes = [c for c, _, _ in find_countries("Afghan troops; he told India Today.")]
    assert codes == ["AF"]


def test_places_and_spelling_variants() -> None:
    gaz = load_gazetteer()
    place = resolve_location("Fighting broke out in Kunduz city, Kunduz province.", gaz)
    assert place is not None and (place.name, place.country_code, place.precision) == (
        "Kunduz", "AF", 1)
    assert skeleton("Panjshayr") == skeleton("Panjshir")
    assert skeleton("Al Jifarah") == skeleton("Aljfara")
    none = resolve_location("Fans cheered as the Western Stars won.", gaz)
    assert none is None or none.country_code != "FJ"
