"""The project's own gold set (seeds/articles): every expected event, field by field.

The extraction core is a model of language, so a few fields will be wrong; each field's
accuracy must stay at or above its floor (a regression guard set from measured figures),
and every miss is printed so the failure says what broke.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest

from worker.extract import Extractor
from worker.models import Article, Event
from worker.seeds import article_seeds, shared_seeds

FLOORS = {  # measured on 2026-11-24: 0.86, 0.79, 0.92, 0.985, 0.79, 0.85, 0.52
    "event_type": 0.80, "sub_event_type": 0.70, "event_date": 0.85, "country_code": 0.90,
    "fatalities": 0.65, "injured": 0.65, "actor1": 0.55,  # actor1 measured 0.646 on 2026-11-29
}


def fields(event: Event | None, expected: dict[str, Any]) -> dict[str, bool]:
    if event is None:
        return dict.fromkeys(FLOORS, False)
    loc = event.location
    return {
        "event_type": event.event_type.value == expected["event_type"],
        "sub_event_type": event.sub_event_type.value == expected["sub_event_type"],
        "event_date": event.event_date.isoformat() == expected["event_date"],
        "country_code": loc is not None and loc.country_code == expected["country_code"],
        "fatalities": (event.fatalities or 0) == (expected.get("fatalities") or 0),
        "injured": (event.injured or 0) == (expected.get("injured") or 0),
        "actor1": event.actor1 is not None and expected.get("actor1") is not None and (
            event.actor1.name == expected["actor1"]
            or event.actor1.name.split(":")[0] == expected["actor1"].split(":")[0]),
    }


def best(events: list[Event], expected: dict[str, Any]) -> Event | None:
    return max(events, key=lambda e: sum(fields(e, expected).values()), default=None)


def test_gold_set_field_accuracy(extractor: Extractor) -> None:
    correct: Counter[str] = Counter()
    total = 0
    misses: list[str] = []
    for seed in article_seeds():
        assert seed.article is not None
        events = extractor.extract(seed.article)
        for expected in seed.expected_events or []:
            total += 1
            got = fields(best(events, expected), expected)
            correct.update(k for k, ok in got.items() if ok)
            misses += [f"{seed.name}: {k} expected {expected.get(k)!r}" for k, ok in got.items()
                       if not ok]
    accuracy = {k: correct[k] / total for k in FLOORS}
    print("gold-set accuracy:", {k: round(v, 3) for k, v in accuracy.items()})
    low = {k: round(v, 3) for k, v in accuracy.items() if v < FLOORS[k]}
    assert not low, f"below floor: {low}\n" + "\n".join(misses)


def test_clear_non_event_articles_give_no_event(extractor: Extractor) -> None:
    quiet = [s for s in article_seeds() if s.expected_events == []]
    assert len(quiet) >= 4
    emitted = {s.name: len(extractor.extract(s.article)) for s in quiet}  # type: ignore[arg-type]
    wrong = {name: n for name, n in emitted.items() if n}
    print("non-event articles with events:", wrong)
    # sport, markets, weather and product news must stay quiet; the history feature and the
    # talks-to-come article are the hard cases (see the closing note of issue 3)
    assert len(wrong) <= 2 and all(("history" in n or "talks" in n) for n in wrong), wrong


def test_shared_seed_main_event(extractor: Extractor) -> None:
    seeds = shared_seeds()
    if not seeds:
        pytest.skip("../shared/seeds is not beside the project")
    events = extractor.extract(seeds[0].article)  # type: ignore[arg-type]
    main = next(e for e in events if e.event_date == date(2021, 8, 30))
    assert (main.event_type.value, main.sub_event_type.value) == ("Battles", "Armed clash")
    assert main.date_precision.value == "day"
    assert main.location is not None and main.location.country_code == "AF"
    assert main.location.admin1 is not None and main.location.admin1.startswith("Panj")
    assert 35.0 < (main.location.latitude or 0) < 35.9  # inside Panjshir province
    assert 69.2 < (main.location.longitude or 0) < 70.4
    assert main.actor1 is not None and main.actor1.name == "Taliban"
    assert main.actor2 is not None and "NRF" in main.actor2.name
    assert (main.fatalities, main.injured) == (7, 2)
    spokesman = [c for c in main.claims if c.claimed_by == "Fahim Dashty"]
    assert {(c.kind.value, c.count, c.qualifier, c.via) for c in spokesman} >= {
        ("killed", 30, "at least", "India Today"), ("injured", 15, "around", "India Today")}
    assert {"Reuters", "India Today"} <= {s.name for s in main.sources}
    fields_with_evidence = {e.field for e in main.evidence}
    assert {"event_type", "event_date", "location", "actor1", "actor2", "fatalities",
            "injured"} <= fields_with_evidence
    body = seeds[0].article.body  # type: ignore[union-attr]
    for ev in main.evidence:
        assert body[ev.start:ev.end] == ev.text


def test_extraction_is_deterministic(extractor: Extractor) -> None:
    seed = article_seeds()[0]
    assert seed.article is not None
    again = Article.model_validate(seed.article.model_dump())
    assert extractor.extract(seed.article) == extractor.extract(again)
