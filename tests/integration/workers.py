"""Running the real worker as a subprocess against the test broker, and reading its output."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from worker.cli import stop_process
from worker.seeds import SeedMessage
from worker.settings import Settings
from worker.topics import ensure_topics, worker_lag


@dataclass
class RunningWorker:
    settings: Settings
    env: dict[str, str]
    proc: subprocess.Popen[bytes]


def worker_env(bootstrap: str, prefix: str, partitions: int = 2) -> dict[str, str]:
    return {
        **os.environ,
        "WORKER_KAFKA_BOOTSTRAP": bootstrap,
        "WORKER_APP_ID": f"{prefix}-worker",
        "WORKER_TOPIC_ARTICLES": f"{prefix}.articles",
        "WORKER_TOPIC_EVENTS": f"{prefix}.events",
        "WORKER_TOPIC_ALERTS": f"{prefix}.alerts",
        "WORKER_TOPIC_DEADLETTER": f"{prefix}.deadletter",
        "WORKER_TOPIC_CANDIDATES": f"{prefix}.candidates",  # tests never share a topic
        "WORKER_TOPIC_PARTITIONS": str(partitions),
        "WORKER_WEB_ENABLED": "false",
        "WORKER_LOG_LEVEL": "WARNING",
        "WORKER_COMMIT_INTERVAL": "0.5",
    }


def start_worker(env: dict[str, str], *, create_topics: bool = True,
                 stderr: Any = None) -> subprocess.Popen[bytes]:
    """The worker, after its topics exist (so that producing right away cannot auto-create
    the input topic with other settings)."""
    if create_topics:
        with ThreadPoolExecutor(1) as pool:  # callable from sync and async tests alike
            pool.submit(asyncio.run, ensure_topics(settings_of(env))).result()
    return subprocess.Popen([sys.executable, "-m", "worker", "run"], env=env, stderr=stderr)


async def produce(bootstrap: str, topic: str, seeds: list[SeedMessage]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for seed in seeds:
            await producer.send_and_wait(topic, seed.value, key=seed.key)
    finally:
        await producer.stop()


async def drain(settings: Settings, timeout: float = 120.0) -> dict[str, list[Any]]:
    """Read the three output topics until the worker has committed all input."""
    consumer = AIOKafkaConsumer(
        settings.topic_events, settings.topic_alerts, settings.topic_deadletter,
        bootstrap_servers=settings.bootstrap_servers, auto_offset_reset="earliest",
        group_id=None, enable_auto_commit=False)
    await consumer.start()
    out: dict[str, list[Any]] = {settings.topic_events: [], settings.topic_alerts: [],
                                 settings.topic_deadletter: []}
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    out[record.topic].append(record)
            if not batch:
                lag = await worker_lag(settings)
                if lag == 0:
                    await _read_to_end(consumer, out, deadline)
                    return out
        raise AssertionError(f"worker did not commit all input within {timeout}s")
    finally:
        await consumer.stop()


async def _read_to_end(consumer: AIOKafkaConsumer, out: dict[str, list[Any]],
                       deadline: float) -> None:
    """Read the output topics up to their end offsets as they stand now. The worker has
    committed all input, and its commit waits for its producer's flush, so every output it
    will send for that input is already in the log, below these ends: reading to them, not
    for a fixed while, leaves no output unread however slow the broker's fetches are (the
    half second this waited before assumed they come back by then). A transaction marker at
    the end is passed over by the consumer's position too."""
    ends: dict[TopicPartition, int] = await consumer.end_offsets(list(consumer.assignment()))
    while True:
        behind = {tp: (await consumer.position(tp), end) for tp, end in ends.items()
                  if await consumer.position(tp) < end}
        if not behind:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"outputs not read up to their end offsets: {behind}")
        for records in (await consumer.getmany(timeout_ms=500)).values():
            for record in records:
                out[record.topic].append(record)




def settings_of(env: dict[str, str]) -> Settings:
    return Settings(**{k.removeprefix("WORKER_").lower(): v for k, v in env.items()
                       if k.startswith("WORKER_")})


def stop(proc: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    stop_process(proc, timeout)


@pytest.fixture
def running_worker(kafka_bootstrap: str, tmp_path: Any) -> Iterator[RunningWorker]:
    """A worker on topics and a group of the test's own, merging off (one event per report)."""
    prefix = f"e2e-{uuid.uuid4().hex[:8]}"
    env = worker_env(kafka_bootstrap, prefix) | {"WORKER_DATA_DIR": str(tmp_path),
                                                 "WORKER_MERGE_ENABLED": "false"}
    proc = start_worker(env)
    yield RunningWorker(settings_of(env), env, proc)
    stop(proc)
