"""Several reports of one incident from different outlets become one canonical event with
rising versions and escalating alerts; unrelated incidents stay apart; a worker restart in
the middle changes nothing in the outcome. Real broker, real worker subprocess."""

from __future__ import annotations

import asyncio
import base64
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaConsumer

from tests.integration.workers import drain, produce, settings_of, start_worker, stop, worker_env
from worker.incidents import slot_key
from worker.merge import partition_key
from worker.models import Event
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
    ("n-1", "Rift Daily", "2024-05-09T08:00:00Z",
     "Hundreds of teachers marched in Nakuru town, Nakuru county, on Wednesday to demand "
     "unpaid salaries, a union official said."),
]


def seeds(names: list[str]) -> list[SeedMessage]:
    out = []
    for article_id, source, published, body in REPORTS:
        if article_id in names:
            doc = {"id": article_id, "source": source, "published_at": published, "body": body}
            out.append(SeedMessage(article_id, article_id.encode(), orjson.dumps(doc), None))
    return out


async def run_reports(bootstrap: str, data_dir: Path, restart: bool,
                      store: str, guarantee: str = "at_least_once") -> dict[str, Any]:
    prefix = f"merge-{uuid.uuid4().hex[:8]}"
    env = worker_env(bootstrap, prefix) | {"WORKER_DATA_DIR": str(data_dir),
                                           "WORKER_MERGE_ENABLED": "true",
                                           "WORKER_TABLE_STORE": store,
                                           "WORKER_PROCESSING_GUARANTEE": guarantee}
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


@pytest.mark.parametrize(("store", "restart", "guarantee"), [
    ("memory", False, "at_least_once"), ("memory", True, "at_least_once"),
    ("rocksdb", False, "at_least_once"), ("rocksdb", True, "at_least_once"),
    ("rocksdb", True, "exactly_once")],
    ids=["memory-straight", "memory-restart-midway", "rocksdb-straight",
         "rocksdb-restart-midway", "rocksdb-exactly-once-restart-midway"])
async def test_one_incident_many_reports(kafka_bootstrap: str, tmp_path: Path,
                                         store: str, restart: bool, guarantee: str) -> None:
    result = await run_reports(kafka_bootstrap, tmp_path, restart, store, guarantee)
    databases = {p.name for p in tmp_path.rglob("*.db")}
    assert databases >= ({"incidents-0.db", "incident_index-0.db", "alerted-0.db"}
                         if store == "rocksdb" else set())
    assert store == "rocksdb" or not databases
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


async def table_state(bootstrap: str, app_id: str, table: str) -> dict[str, bytes | None]:
    """The latest changelog record per key of one of the worker's tables (None: deleted)."""
    consumer = AIOKafkaConsumer(f"{app_id}-{table}-changelog", bootstrap_servers=bootstrap,
                                auto_offset_reset="earliest", group_id=None,
                                enable_auto_commit=False)
    await consumer.start()
    state: dict[str, bytes | None] = {}
    try:
        deadline = time.monotonic() + 30
        while not consumer.assignment():
            assert time.monotonic() < deadline, f"no changelog topic for {table}"
            await asyncio.sleep(0.1)
        ends = await consumer.end_offsets(list(consumer.assignment()))
        while [tp for tp, end in ends.items() if await consumer.position(tp) < end]:
            assert time.monotonic() < deadline, f"changelog of {table} not read in time"
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    state[orjson.loads(record.key)] = record.value  # keys are JSON
    finally:
        await consumer.stop()
    return state


EXPIRE_SECONDS = 8.0


@pytest.mark.parametrize("store", ["memory", "rocksdb"])
async def test_expired_incidents_are_freed_without_another_report(
        kafka_bootstrap: str, tmp_path: Path, store: str) -> None:
    """Incidents whose place key no report touches again are deleted from the tables (and
    their changelogs) by the sweep that the next message of the same partition runs."""
    prefix = f"expiry-{uuid.uuid4().hex[:8]}"
    env = worker_env(bootstrap=kafka_bootstrap, prefix=prefix, partitions=1) | {
        "WORKER_DATA_DIR": str(tmp_path), "WORKER_MERGE_ENABLED": "true",
        "WORKER_TABLE_STORE": store,
        "WORKER_MERGE_EXPIRE_DAYS": repr(EXPIRE_SECONDS / 86_400)}
    settings = settings_of(env)
    proc = start_worker(env)
    try:
        await produce(settings.bootstrap_servers, settings.topic_articles,
                      seeds(["m-1", "u-1"]))
        first = await drain(settings)
        done = time.monotonic()
        old = [Event.model_validate_json(r.value) for r in first[settings.topic_events]]
        assert {e.article_id for e in old} == {"m-1", "u-1"}
        old_ids = {e.event_id for e in old}
        old_keys = {partition_key(e) for e in old}
        assert len(old_keys) == 2
        # both incidents are in the tables, one of them alerted
        index = await table_state(kafka_bootstrap, settings.app_id, "incident_index")
        incidents = await table_state(kafka_bootstrap, settings.app_id, "incidents")
        alerted = await table_state(kafka_bootstrap, settings.app_id, "alerted")
        assert all(index.get(k) for k in old_keys), (index, old_keys)
        assert all(incidents.get(i) for i in old_ids), (list(incidents), old_ids)
        assert any(alerted.get(i) for i in old_ids)

        # past the expiry, a report about a third place, never about these two again
        await asyncio.sleep(max(0.0, done + EXPIRE_SECONDS + 2 - time.monotonic()))
        await produce(settings.bootstrap_servers, settings.topic_articles, seeds(["n-1"]))
        second = await drain(settings)
    finally:
        stop(proc)
    new = [Event.model_validate_json(r.value) for r in second[settings.topic_events]
           if Event.model_validate_json(r.value).article_id == "n-1"]
    assert len(new) == 1
    index = await table_state(kafka_bootstrap, settings.app_id, "incident_index")
    incidents = await table_state(kafka_bootstrap, settings.app_id, "incidents")
    alerted = await table_state(kafka_bootstrap, settings.app_id, "alerted")
    # the new place key's header and its one incident's record are all the index holds
    key = partition_key(new[0])
    assert {k for k, v in index.items() if v is not None} == {key, slot_key(key, 0)}
    assert {k for k, v in incidents.items() if v is not None} == {new[0].event_id}
    assert all(alerted.get(i) is None for i in old_ids)


async def test_a_candidate_the_merge_stage_cannot_use_is_dead_lettered(
        kafka_bootstrap: str, tmp_path: Path) -> None:
    """Not an event, or an event that fails in merging: a dead letter with the candidate's
    bytes, and the merge stage goes on with the next one (an exception escaping a Faust agent
    would acknowledge the candidate, lost, and restart the agent)."""
    prefix = f"merge-{uuid.uuid4().hex[:8]}"
    env = worker_env(kafka_bootstrap, prefix) | {"WORKER_DATA_DIR": str(tmp_path),
                                                 "WORKER_MERGE_ENABLED": "true"}
    settings = settings_of(env)
    proc = start_worker(env)
    try:
        broken = SeedMessage("broken", b"KE/Mandera", b'{"event_id": "x", "not": "an event"}',
                             None)
        await produce(settings.bootstrap_servers, settings.topic_candidates, [broken])
        await produce(settings.bootstrap_servers, settings.topic_articles, seeds(["m-1"]))
        out = await drain(settings)
    finally:
        stop(proc)
    letters = [orjson.loads(r.value) for r in out[settings.topic_deadletter]]
    assert len(letters) == 1
    letter = letters[0]
    assert (letter["stage"], letter["reason"]) == ("merge", "merge_error")
    assert letter["original_topic"] == settings.topic_candidates
    assert base64.b64decode(letter["original_value_b64"]) == broken.value
    assert "ValidationError" in letter["error_class"]
    events = [orjson.loads(r.value) for r in out[settings.topic_events]]
    assert [e["article_ids"] for e in events] == [["m-1"]]  # the stage went on


# Project-written reports of two fictional incidents per county: an attack reported three
# times with rising figures, and a protest reported twice (in the second and third waves of
# the rebalance test below, so that the incident a second worker opens must be found by the
# first one after the second has left).
COUNTIES = ["Mandera", "Garissa", "Wajir", "Lamu", "Marsabit", "Isiolo", "Turkana", "Kitui",
            "Kisumu", "Nakuru", "Kilifi", "Baringo"]
WAVES: list[list[tuple[str, str, str, str]]] = [
    [("a0", "Lakeside Wire", "2024-05-07T09:00:00Z",
      "Al Shabaab fighters attacked a Kenyan army camp in {c} town, {c} county, on Monday, "
      "killing at least 2 soldiers, police said.")],
    [("a1", "Coast Courier", "2024-05-07T15:00:00Z",
      "The death toll from Monday's Al Shabaab attack on a military camp in {c}, {c} county, "
      "rose to 6 soldiers, a Kenya Defence Forces spokesman said."),
     ("p0", "Lakeside Wire", "2024-05-07T16:00:00Z",
      "Hundreds of traders marched in {c} town, {c} county, on Tuesday to protest against "
      "new market fees, a local official said.")],
    [("a2", "Rift Daily", "2024-05-08T07:00:00Z",
      "Kenyan officials said on Tuesday that 27 soldiers were killed when Al Shabaab "
      "militants stormed the army camp in {c} town, {c} county, on Monday."),
     ("p1", "Rift Daily", "2024-05-08T08:00:00Z",
      "Police said about 500 traders took part in Tuesday's march in {c} town, {c} county, "
      "against new market fees.")],
]


def wave(number: int) -> list[SeedMessage]:
    out = []
    for county in COUNTIES:
        for report, source, published, body in WAVES[number]:
            article_id = f"{county.lower()}-{report}"
            doc = {"id": article_id, "source": source, "published_at": published,
                   "body": body.format(c=county)}
            out.append(SeedMessage(article_id, article_id.encode(), orjson.dumps(doc), None))
    return out


async def stable_members(bootstrap: str, group: str, count: int, timeout: float = 120) -> None:
    from tests.integration.faults import group_state

    deadline = time.monotonic() + timeout
    while (state := await group_state(bootstrap, group)) != ("Stable", count):
        assert time.monotonic() < deadline, f"group not stable with {count} members: {state}"
        await asyncio.sleep(0.5)


async def test_two_merging_workers_through_a_rebalance(kafka_bootstrap: str,
                                                       tmp_path: Path) -> None:
    """Twelve place keys on four partitions. The first wave is merged by one worker; the
    second while a second worker (its own RocksDB dir, as on another host) owns some of the
    keys, recovered from the changelogs, and opens a second incident on them; the third after
    it left and the first took its keys back (its local state and in-memory index views are
    stale for those keys by then). Every incident must still come out as one canonical event
    with a version per report and all its reports: no input lost at the end of a rebalance
    either (Faust's recovery lost the first records it fetched there: `worker.rebalance`)."""
    prefix = f"rebal-{uuid.uuid4().hex[:8]}"
    base = worker_env(kafka_bootstrap, prefix, partitions=4) | {
        "WORKER_MERGE_ENABLED": "true", "WORKER_TABLE_STORE": "rocksdb",
        "WORKER_SESSION_TIMEOUT": "6"}
    settings = settings_of(base)
    first_env = base | {"WORKER_DATA_DIR": str(tmp_path / "first")}
    second_env = base | {"WORKER_DATA_DIR": str(tmp_path / "second")}
    first = start_worker(first_env)
    second = None
    bootstrap = settings.bootstrap_servers
    try:
        await produce(bootstrap, settings.topic_articles, wave(0))
        await drain(settings)
        # a second process on the first one's data dir is refused at start, not left to
        # crash on RocksDB's file lock when a rebalance hands it a table partition
        intruder = start_worker(first_env, stderr=subprocess.PIPE)
        _, err = intruder.communicate(timeout=60)
        assert intruder.returncode == 2 and b"is in use by worker pid" in err, err
        second = start_worker(second_env)
        await stable_members(bootstrap, settings.app_id, 2)
        await produce(bootstrap, settings.topic_articles, wave(1))
        await drain(settings)
        stop(second)
        assert second.returncode == 0, "the second worker left cleanly"
        await stable_members(bootstrap, settings.app_id, 1)
        await produce(bootstrap, settings.topic_articles, wave(2))
        out = await drain(settings)
        assert first.poll() is None, "the first worker ran throughout"
    finally:
        stop(first)
        if second is not None:
            stop(second)
    # the second worker merged some of the second wave: it owned partitions for a while
    assert {p.name for p in (tmp_path / "second").rglob("*.db")} & {
        "incidents-0.db", "incidents-1.db", "incidents-2.db", "incidents-3.db"}
    assert out[settings.topic_deadletter] == []
    unique: dict[tuple[str, int], dict[str, Any]] = {}
    for record in out[settings.topic_events]:
        event = orjson.loads(record.value)
        key = (event["event_id"], event["version"])
        assert unique.setdefault(key, event) == event, "a replay must be identical"
    incidents: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for event in unique.values():
        kinds = {tuple(a.rsplit("-", 1)) for a in event["article_ids"]}
        assert len({(county, report[0]) for county, report in kinds}) == 1, (
            f"two incidents merged: {event['article_ids']}")
        county, report = kinds.pop()
        incidents.setdefault((county, report[0]), []).append(event)
    assert sorted(incidents) == sorted((c.lower(), k) for c in COUNTIES for k in "ap")
    for (county, kind), events in incidents.items():
        events.sort(key=lambda e: e["version"])
        reports = 3 if kind == "a" else 2
        assert len({e["event_id"] for e in events}) == 1, f"{county} {kind}: one canonical id"
        assert [e["version"] for e in events] == list(range(1, reports + 1)), (county, kind)
        assert events[-1]["article_ids"] == [f"{county}-{kind}{n}" for n in range(reports)]
        if kind == "a":
            assert [e["fatalities"] for e in events] == [2, 6, 27], county
