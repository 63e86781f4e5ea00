"""The real worker (`python -m worker run`, a subprocess) against the real broker: seeds in,
events, alerts and dead letters out, asserted field by field."""

from __future__ import annotations

import asyncio
import base64
import signal
import time

import orjson
import pytest

from tests.integration.workers import RunningWorker, drain, produce, running_worker
from worker.extract import Extractor
from worker.seeds import SeedMessage, all_seeds, shared_seeds

pytestmark = pytest.mark.integration
__all__ = ["running_worker"]  # the fixture, imported for the tests below


async def test_seeds_end_to_end(running_worker: RunningWorker) -> None:
    settings = running_worker.settings
    seeds = all_seeds()
    # interleave: every malformed message is followed by good ones; the worker must go on
    good = [s for s in seeds if s.article is not None]
    bad = [s for s in seeds if s.article is None]
    ordered: list[SeedMessage] = []
    for index, seed in enumerate(good):
        ordered.append(seed)
        if index < len(bad):
            ordered.append(bad[index])
    ordered += bad[len(good):]
    await produce(settings.bootstrap_servers, settings.topic_articles, ordered)
    out = await drain(settings)
    assert running_worker.proc.poll() is None, "the worker died"

    events = [orjson.loads(r.value) for r in out[settings.topic_events]]
    alerts = [orjson.loads(r.value) for r in out[settings.topic_alerts]]
    letters = out[settings.topic_deadletter]

    # every malformed message is a dead letter with its reason, original bytes and headers
    by_key = {r.key: r for r in letters}
    assert len(letters) == len(bad)
    for seed in bad:
        record = by_key[seed.key]
        doc = orjson.loads(record.value)
        assert seed.expected_dead_letter is not None
        assert (doc["stage"], doc["reason"]) == (seed.expected_dead_letter["stage"],
                                                 seed.expected_dead_letter["reason"]), seed.name
        assert base64.b64decode(doc["original_value_b64"]) == seed.value
        assert doc["original_topic"] == settings.topic_articles
        headers = dict(record.headers)
        assert headers["__worker.errors.reason"].decode() == doc["reason"]
        assert int(headers["__worker.errors.offset"]) == doc["original_offset"]

    # the events are exactly what the core extracts offline: same ids, same content
    extractor = Extractor()
    expected = {e.event_id: e for s in good for e in extractor.extract(s.article)}  # type: ignore[arg-type]
    assert {e["event_id"] for e in events} == set(expected)
    for record in out[settings.topic_events]:
        assert record.key.decode() == orjson.loads(record.value)["event_id"]
    for doc in events:
        assert doc == expected[doc["event_id"]].model_dump(mode="json")

    # articles the core finds no event in give none on the stream either
    quiet = {s.article.id for s in good if not extractor.extract(s.article)}  # type: ignore[union-attr,arg-type]
    assert quiet
    assert not [e for e in events if e["article_id"] in quiet]

    # alerts point at published events
    assert alerts
    assert {a["event_id"] for a in alerts} <= set(expected)


async def test_shared_seed_article_main_event(running_worker: RunningWorker) -> None:
    seeds = shared_seeds()
    if not seeds:
        pytest.skip("../shared/seeds is not beside the project")
    settings = running_worker.settings
    await produce(settings.bootstrap_servers, settings.topic_articles, seeds)
    out = await drain(settings)
    events = [orjson.loads(r.value) for r in out[settings.topic_events]]
    main = next(e for e in events if e["event_date"] == "2021-08-30")
    assert (main["event_type"], main["sub_event_type"]) == ("Battles", "Armed clash")
    assert main["location"]["country_code"] == "AF"
    assert main["location"]["admin1"].startswith("Panj")
    assert {main["actor1"]["name"], main["actor2"]["name"]} >= {"Taliban"}
    assert main["fatalities"] == 7 and main["injured"] == 2
    claim = next(c for c in main["claims"] if c["count"] == 30)
    assert claim["claimed_by"] == "Fahim Dashty" and claim["via"] == "India Today"
    names = {s["name"] for s in main["sources"]}
    assert {"Reuters", "India Today"} <= names
    alerts = [orjson.loads(r.value) for r in out[settings.topic_alerts]]
    assert any(a["event_id"] == main["event_id"] and a["severity"] == "high" for a in alerts)


async def test_sigterm_stops_within_ten_seconds(running_worker: RunningWorker) -> None:
    settings = running_worker.settings
    await produce(settings.bootstrap_servers, settings.topic_articles, all_seeds()[:3])
    await drain(settings)
    started = time.monotonic()
    running_worker.proc.send_signal(signal.SIGTERM)
    code = await asyncio.to_thread(running_worker.proc.wait, 30)
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"took {elapsed:.1f}s to stop"
    assert code == 0
