"""Several reports of one incident from different outlets become one canonical event with
rising versions and escalating alerts; unrelated incidents stay apart; a worker restart in
the middle changes nothing in the outcome. Real broker, real worker subprocess."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.integration.workers import drain, produce, settings_of, start_worker, stop, worker_env
from worker.seeds import SeedMessage

pytestmark = pytest.mark.integration

# Project-written reports of one fictional incident, with rising figures, and one unrelated.
REPORTS = [
    ("m-1", "Lakeside Wire", "2024-05-07T09:00:00Z",
     "Al Shabaab fighters attacked a Kenyan army camp in Mandera town, Mandera county, on "
     "Monday, killing at least two soldiers, police said."),
    ("m-2", "Coast Courier", "2024-05-07T15:00:00Z",
     "The death toll from Monday's Al Shabaab attack on a military camp in Mandera, Mandera "
     "county, rose to six soldiers, a Kenya Defence Forces spokesman said."),
    ("m-3", "Rift Daily", "2024-05-08T07:00:00Z",
     "Kenyan officials said on Tuesday that 27 soldiers were killed when Al Shabaab militants "
     "stormed the army camp in Mandera town, Mandera county, on Monday."),
    ("u-1", "Lakeside Wire", "2024-05-07T10:00:00Z",
     "Police in Kisumu, Kisumu county, fired tear gas on Monday to disperse hundreds of "
     "traders protesting against new market fees. No injuries were reported."),
]


def seeds(names: list[str]) -> list[SeedMessage]:
    out = []
    for article_id, source, published, body in REPORTS:
        if article_id in names:
            doc = {"id": article_id, "source": source, "published_at": published, "body": body}
            out.append(SeedMessage(article_id, article_id.encode(), orjson.dumps(doc), None))
    return out


async def run_reports(bootstrap: str, data_dir: Path, restart: bool) -> dict[str, Any]:
    prefix = f"merge-{uuid.uuid4().hex[:8]}"
    env = worker_env(bootstrap, prefix) | {"WORKER_DATA_DIR": str(data_dir),
                                           "WORKER_MERGE_ENABLED": "true"}
    settings = settings_of(env)
    proc = start_worker(env)
    try:
        # the reports arrive one after another, as they would over a day
        for batch in (["m-1", "u-1"], ["m-2"]):
            await produce(settings.bootstrap_servers, settings.topic_articles, seeds(batch))
            await drain(settings)
        if restart:
            stop(proc)
            proc = start_worker(env)
        await produce(settings.bootstrap_servers, settings.topic_articles, seeds(["m-3"]))
        out = await drain(settings)
    finally:
        stop(proc)
    events = [orjson.loads(r.value) for r in out[settings.topic_events]]
    alerts = [orjson.loads(r.value) for r in out[settings.topic_alerts]]
    return {"events": events, "alerts": alerts}


@pytest.mark.parametrize("restart", [False, True], ids=["straight", "restart-midway"])
async def test_one_incident_many_reports(kafka_bootstrap: str, tmp_path: Path,
                                         restart: bool) -> None:
    result = await run_reports(kafka_bootstrap, tmp_path, restart)
    events = result["events"]
    # at-least-once: a restart may replay a report; the replay republishes the same version
    # (identical bytes), which consumers drop by (event_id, version)
    unique: dict[tuple[str, int], dict[str, Any]] = {}
    for event in events:
        key = (event["event_id"], event["version"])
        assert unique.setdefault(key, event) == event, "a replay must be identical"
    events = list(unique.values())
    mandera = [e for e in events if "m-1" in e["article_ids"]]
    assert {e["event_id"] for e in mandera} == {mandera[0]["event_id"]}, "one canonical id"
    assert [e["version"] for e in mandera] == [1, 2, 3]
    assert [e["fatalities"] for e in mandera] == [2, 6, 27]
    assert mandera[-1]["article_ids"] == ["m-1", "m-2", "m-3"]
    assert {s["name"] for s in mandera[-1]["sources"]} >= set()
    assert len(mandera[-1]["reports"]) == 3

    unrelated = [e for e in events if "u-1" in e["article_ids"]]
    assert len(unrelated) == 1 and unrelated[0]["event_id"] != mandera[0]["event_id"]

    canonical = mandera[0]["event_id"]
    levels = [(a["rule"], a["severity"]) for a in result["alerts"] if a["event_id"] == canonical]
    assert levels == [("lethal-violence", "medium"), ("lethal-violence", "high"),
                      ("lethal-violence", "critical")]
