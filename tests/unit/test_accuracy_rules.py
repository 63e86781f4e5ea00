"""Rules added for accuracy on real event descriptions, each on a sentence written for this
test: grievances that mention floods or prices, background years in a dated sentence, region
names as ACLED and the news write them, and namesakes a region in the text rules out."""

from __future__ import annotations

import pytest

from worker.extract import Extractor
from worker.models import Article, Event, EventType


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def events(extractor: Extractor, body: str, published: str = "2021-06-10") -> list[Event]:
    return extractor.extract(Article(id="acc", body=body, published_at=published))


@pytest.mark.parametrize("body", [
    # a demonstration whose grievance is a price, a disaster or an epidemic
    "On 8 June 2021, taxi drivers staged a protest in Mombasa against high fuel prices and "
    "the rising exchange rate.",
    "On 8 June 2021, hundreds of flood victims blocked the main road in Kisumu to demand relief "
    "food.",
    "On 8 June 2021, nurses protested outside the hospital in Lusaka over the lack of masks "
    "during the cholera outbreak.",
])
def test_a_grievance_is_no_off_topic_text(extractor: Extractor, body: str) -> None:
    found = events(extractor, body)
    assert [e.event_type for e in found] == [EventType.PROTESTS], body


@pytest.mark.parametrize("body", [
    "Heavy floods blocked the main road in Kisumu on Tuesday.",
    "Fans protested the penalty during the match in Lusaka on Tuesday.",
])
def test_weather_and_sport_stay_off_topic(extractor: Extractor, body: str) -> None:
    assert events(extractor, body) == [], body


def test_an_outbreak_of_violence_is_no_epidemic(extractor: Extractor) -> None:
    body = ("After the outbreak of violence in the valley, herders attacked a trader and set his "
            "shop on fire in Nakuru on Tuesday.")
    assert events(extractor, body)


def test_background_years_in_a_dated_sentence(extractor: Extractor) -> None:
    dated = ("On 8 June 2021, residents of Kasese held a vigil for a teacher who was arrested "
             "3 years ago.")
    assert [e.event_type for e in events(extractor, dated)] == [EventType.PROTESTS]
    # without a date of its own the sentence recalls the past
    undated = "Residents of Kasese held a vigil in 2015 for a teacher."
    assert events(extractor, undated) == []
