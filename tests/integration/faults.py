"""Fault-injection helpers: a known corpus, a worker that can be killed and restarted, and an
accounting of every input message's outcome read back from the broker."""

from __future__ import annotations

import asyncio
import base64
import signal
import subprocess
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from tests.integration.workers import settings_of, start_worker
from worker.models import Article
from worker.seeds import article_seeds
from worker.settings import Settings
from worker.topics import worker_lag


@dataclass(frozen=True, slots=True)
class Message:
    key: bytes
    value: bytes


@dataclass(frozen=True, slots=True)
class Expected:
    """What one input message must come to: `events` events (sub-types), or a dead letter."""

    article_id: str | None
    events: tuple[str, ...] = ()
    dead_reason: str | None = None


_SEED_EVENTS: dict[int, tuple[str, ...]] = {}


def good_corpus(prefix: str, count: int) -> tuple[list[Message], dict[bytes, Expected]]:
    """`count` articles re-using the seed bodies under ids of their own; what each must give
    is the offline extraction of its seed (ids differ, types and counts do not)."""
    from worker.extract import Extractor

    seeds = [s.article for s in article_seeds() if s.article is not None]
    if not _SEED_EVENTS:
        extractor = Extractor()
        for index, seed in enumerate(seeds):
            probe = seed.model_copy(update={"id": f"probe-{index}"})
            _SEED_EVENTS[index] = tuple(sorted(str(e.sub_event_type)
                                               for e in extractor.extract(probe)))
    messages: list[Message] = []
    expected: dict[bytes, Expected] = {}
    for i in range(count):
        seed = seeds[i % len(seeds)]
        article = Article.model_validate({**seed.model_dump(mode="json"), "id": f"{prefix}-{i}"})
        key = article.id.encode()
        messages.append(Message(key, orjson.dumps(article.model_dump(mode="json"))))
        expected[key] = Expected(article.id, _SEED_EVENTS[i % len(seeds)])
    return messages, expected


async def produce_fast(bootstrap: str, topic: str, messages: Iterable[Message],
                       *, max_request_size: int = 1_048_576) -> int:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5,
                                max_request_size=max_request_size)
    await producer.start()
    count = 0
    try:
        pending: list[asyncio.Future[Any]] = []
        for message in messages:
            pending.append(await producer.send(topic, message.value, key=message.key))
            count += 1
            if len(pending) >= 500:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return count


async def output_progress(settings: Settings) -> int:
    """Records written to the events and dead-letter topics so far (committed or not)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers)
    await consumer.start()
    try:
        tps = [TopicPartition(t, p) for t in (settings.topic_events, settings.topic_deadletter)
               for p in (consumer.partitions_for_topic(t) or set())]
        if not tps:
            await consumer._client.force_metadata_update()
            tps = [TopicPartition(t, p) for t in (settings.topic_events,
                                                  settings.topic_deadletter)
                   for p in (consumer.partitions_for_topic(t) or set())]
        ends = await consumer.end_offsets(tps)
        return sum(ends.values())
    finally:
        await consumer.stop()


async def wait_until(predicate: Callable[[], Any], timeout: float, what: str,
                     interval: float = 0.2) -> float:
    """Await `predicate()` (sync or async) until true; the seconds it took."""
    started = time.monotonic()
    while True:
        result = predicate()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(interval)


async def wait_committed(settings: Settings, timeout: float) -> float:
    async def done() -> bool:
        return await worker_lag(settings) == 0
    return await wait_until(done, timeout, "the worker to commit all input", interval=0.5)


async def read_outputs(settings: Settings, *, read_committed: bool = True,
                       timeout: float = 60.0) -> dict[str, list[Any]]:
    """Every record of the three output topics, up to their current end (the last stable
    offset with read_committed: only committed transactions)."""
    topics = (settings.topic_events, settings.topic_alerts, settings.topic_deadletter)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers, group_id=None, enable_auto_commit=False,
        auto_offset_reset="earliest", max_partition_fetch_bytes=8 * 1024 * 1024,
        fetch_max_bytes=64 * 1024 * 1024,
        isolation_level="read_committed" if read_committed else "read_uncommitted")
    await consumer.start()
    out: dict[str, list[Any]] = {t: [] for t in topics}
    try:
        await consumer._client.force_metadata_update()
        tps = [TopicPartition(t, p) for t in topics
               for p in sorted(consumer.partitions_for_topic(t) or set())]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        deadline = time.monotonic() + timeout
        while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
            if time.monotonic() > deadline:
                raise AssertionError("could not read the outputs to their end")
            batch = await consumer.getmany(timeout_ms=500, max_records=5000)
            for records in batch.values():
                for record in records:
                    out[record.topic].append(record)
    finally:
        await consumer.stop()
    return out


@dataclass
class Accounting:
    """Every input message's outcome, read back from the broker."""

    produced: int
    event_records: int = 0
    distinct_events: int = 0
    duplicate_events: int = 0
    duplicates_identical: bool = True
    dead_letter_records: int = 0
    distinct_dead_letters: int = 0
    duplicate_dead_letters: int = 0
    alert_records: int = 0
    distinct_alerts: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    dead_by_reason: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "produced": self.produced, "outcomes": dict(self.outcomes),
            "event_records": self.event_records, "distinct_events": self.distinct_events,
            "duplicate_events": self.duplicate_events,
            "duplicates_identical": self.duplicates_identical,
            "dead_letter_records": self.dead_letter_records,
            "duplicate_dead_letters": self.duplicate_dead_letters,
            "alert_records": self.alert_records, "distinct_alerts": self.distinct_alerts,
            "dead_by_reason": dict(self.dead_by_reason), "problems": self.problems[:10],
            "problem_count": len(self.problems),
        }


def account(settings: Settings, expected: dict[bytes, Expected],
            out: dict[str, list[Any]]) -> Accounting:
    """Check that every input key has exactly the outcome it must have, after dropping
    duplicates by id (event id; dead letters by the original topic/partition/offset)."""
    acc = Accounting(produced=len(expected))
    by_event: dict[str, list[bytes]] = defaultdict(list)
    events_of: dict[str, dict[str, str]] = defaultdict(dict)
    for record in out[settings.topic_events]:
        doc = orjson.loads(record.value)
        by_event[doc["event_id"]].append(record.value)
        events_of[doc["article_id"]][doc["event_id"]] = doc["sub_event_type"]
        if record.key.decode() != doc["event_id"]:
            acc.problems.append(f"event {doc['event_id']} keyed {record.key!r}")
    acc.event_records = len(out[settings.topic_events])
    acc.distinct_events = len(by_event)
    acc.duplicate_events = acc.event_records - acc.distinct_events
    acc.duplicates_identical = all(len(set(v)) == 1 for v in by_event.values())

    alert_ids = {orjson.loads(r.value)["alert_id"] for r in out[settings.topic_alerts]}
    acc.alert_records, acc.distinct_alerts = len(out[settings.topic_alerts]), len(alert_ids)

    letters: dict[tuple[str, int, int], dict[str, Any]] = {}
    letter_keys: dict[bytes, list[tuple[str, int, int]]] = defaultdict(list)
    for record in out[settings.topic_deadletter]:
        doc = orjson.loads(record.value)
        where = (doc["original_topic"], doc["original_partition"], doc["original_offset"])
        if where not in letters:
            letter_keys[record.key].append(where)
        letters[where] = doc
        headers = {k: v.decode() for k, v in record.headers}
        if headers.get("__worker.errors.reason") != doc["reason"] or int(
                headers.get("__worker.errors.offset", -1)) != doc["original_offset"]:
            acc.problems.append(f"dead letter {where}: headers disagree with the value")
    acc.dead_letter_records = len(out[settings.topic_deadletter])
    acc.distinct_dead_letters = len(letters)
    acc.duplicate_dead_letters = acc.dead_letter_records - acc.distinct_dead_letters

    for key, want in expected.items():
        got_events = events_of.get(want.article_id or "", {})
        got_letters = letter_keys.get(key, [])
        if want.dead_reason is not None:
            if len(got_letters) != 1 or got_events:
                acc.problems.append(f"{key[:40]!r}: {len(got_letters)} dead letters, "
                                    f"{len(got_events)} events; wanted one dead letter")
                continue
            doc = letters[got_letters[0]]
            acc.dead_by_reason[doc["reason"]] += 1
            acc.outcomes["dead_letter"] += 1
            if doc["reason"] != want.dead_reason:
                acc.problems.append(f"{key[:40]!r}: reason {doc['reason']}, "
                                    f"wanted {want.dead_reason}")
            continue
        if got_letters:
            acc.problems.append(f"{key!r}: dead-lettered ({letters[got_letters[0]]['reason']})")
            continue
        if tuple(sorted(got_events.values())) != want.events:
            acc.problems.append(f"{key!r}: events {sorted(got_events.values())}, "
                                f"wanted {list(want.events)}")
            continue
        acc.outcomes["events" if want.events else "no_event"] += 1
    stray = set(letter_keys) - set(expected)
    if stray:
        acc.problems.append(f"{len(stray)} dead letters for keys never produced")
    return acc


async def group_state(bootstrap: str, group_id: str) -> tuple[str, int]:
    """The consumer group's state (Stable, PreparingRebalance, ...) and member count."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.errors import KafkaError

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        responses = await admin.describe_consumer_groups([group_id])
    except KafkaError:  # no coordinator yet: the group does not exist yet
        return "Unknown", 0
    finally:
        await admin.close()
    group = responses[0].to_object()["groups"][0]
    return str(group["state"]), len(group["members"])


def dead_letter_value(doc: dict[str, Any]) -> bytes:
    return base64.b64decode(doc["original_value_b64"])


class WorkerProcess:
    """The real worker as a subprocess, to kill -9, SIGTERM and restart."""

    def __init__(self, env: dict[str, str], stderr_path: Any = None, *,
                 create_topics: bool = True) -> None:
        self.env = env
        self.create_topics = create_topics
        self.settings = settings_of(env)
        self.proc: subprocess.Popen[bytes] | None = None
        self.stderr_path = stderr_path
        self.starts = 0

    def start(self) -> None:
        if self.stderr_path is None:
            self.proc = start_worker(self.env, create_topics=self.create_topics)
        else:
            with open(self.stderr_path, "ab") as err:
                self.proc = start_worker(self.env, create_topics=self.create_topics,
                                         stderr=err)
        self.starts += 1

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)

    def terminate(self, timeout: float = 30.0) -> tuple[float, int | None]:
        """SIGTERM; the seconds until it exited and its exit code."""
        assert self.proc is not None
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code: int | None = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            code = None
        return time.monotonic() - started, code

    def stop(self) -> None:
        if self.alive:
            self.terminate(20.0)

    async def supervise(self, restart_on: frozenset[int]) -> list[int]:
        """Restart the worker whenever it exits with one of `restart_on` (what a restart
        policy does); returns the exit codes seen. Run as a task, cancel to stop."""
        seen: list[int] = []
        while True:
            await asyncio.sleep(0.5)
            code = self.proc.poll() if self.proc is not None else None
            if code is not None and code in restart_on:
                seen.append(code)
                await asyncio.to_thread(self.start)


# --------------------------------------------------------------------------- poison

#: Every kind of bad input the worker must dead-letter, with the reason it must give.
POISON_CASES: dict[str, str] = {
    "not_json": "invalid_json",
    "truncated_json": "invalid_json",
    "raw_nul_byte": "invalid_json",
    "empty_value": "invalid_json",
    "tombstone": "invalid_json",
    "invalid_utf8": "invalid_utf8",
    "json_array": "not_an_object",
    "json_scalar": "not_an_object",
    "missing_body": "missing_field",
    "missing_id": "missing_field",
    "body_wrong_type": "invalid_field",
    "id_wrong_type": "invalid_field",
    "published_at_garbage": "invalid_field",
    "escaped_nul_in_body": "invalid_field",
    "empty_body": "invalid_field",
    "blank_body": "invalid_field",
    "far_future": "invalid_field",
    "deeply_nested": "too_deeply_nested",
    "too_large": "too_large",
}


@dataclass(frozen=True, slots=True)
class Poison:
    key: bytes
    value: bytes | None
    case: str


def poison(index: int, case: str, rng: Any, *, large_bytes: int = 5 * 1024 * 1024) -> Poison:
    """One bad message of `case` (seeded by `rng`: a `random.Random`)."""
    key = f"bad-{case}-{index}".encode()
    aid = f"bad-{index}"
    word = "".join(rng.choice("abcdefghij klmnop") for _ in range(rng.randint(5, 60)))
    good: dict[str, Any] = {"id": aid, "body": f"Clashes were reported. {word}",
                            "published_at": "2024-03-01"}
    value: bytes | None
    if case == "not_json":
        value = f"<html>{word}</html> not json".encode()
    elif case == "truncated_json":
        full = orjson.dumps(good)
        value = full[: rng.randint(1, len(full) - 1)]
    elif case == "raw_nul_byte":  # a raw NUL inside a JSON string: not valid JSON
        value = orjson.dumps(good).replace(b"Clashes", b"Cla" + bytes([0]) + b"shes")
    elif case == "empty_value":
        value = b""
    elif case == "tombstone":
        value = None
    elif case == "invalid_utf8":
        raw = orjson.dumps(good)
        cut = rng.randint(1, len(raw) - 2)
        value = raw[:cut] + rng.choice([b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xe9"]) + raw[cut:]
    elif case == "json_array":
        value = orjson.dumps([good])
    elif case == "json_scalar":
        value = rng.choice([b"null", b"42", b"true", b'"an article"', b"3.5"])
    elif case == "missing_body":
        value = orjson.dumps({k: v for k, v in good.items() if k != "body"})
    elif case == "missing_id":
        value = orjson.dumps({k: v for k, v in good.items() if k != "id"})
    elif case == "body_wrong_type":
        value = orjson.dumps({**good, "body": rng.choice([42, ["a"], {"b": 1}, True])})
    elif case == "id_wrong_type":
        value = orjson.dumps({**good, "id": rng.choice([["a"], {"x": 1}, None])})
    elif case == "published_at_garbage":
        value = orjson.dumps({**good, "published_at": rng.choice(
            ["yesterday", "2024-13-45", ["2024"], "", None])})
    elif case == "escaped_nul_in_body":  # valid JSON, but a NUL in the body
        value = orjson.dumps({**good, "body": "Clashes" + chr(0) + " erupted"})
    elif case == "empty_body":
        value = orjson.dumps({**good, "body": ""})
    elif case == "blank_body":
        value = orjson.dumps({**good, "body": " \n\t " * rng.randint(1, 5)})
    elif case == "far_future":
        value = orjson.dumps({**good, "published_at": rng.choice(
            ["2999-01-01", "2150-06-30T12:00:00Z", "9999-12-31"])})
    elif case == "deeply_nested":
        depth = rng.choice([300, 900, 5000])
        value = (b'{"id": "' + aid.encode() + b'", "body": "Clashes.", "published_at": '
                 b'"2024-03-01", "extra": ' + b"[" * depth + b"]" * depth + b"}")
    elif case == "too_large":
        value = orjson.dumps({**good, "body": "Clashes were reported. " * (large_bytes // 23)})
    else:
        raise ValueError(case)
    return Poison(key, value, case)
