"""End to end on the real local broker: the passthrough baseline and the real worker on the
same articles, side by side; latency at a steady rate; scaling with 1 and 2 processes."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Sequence
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from benchmarks.corpus import articles_of_size
from worker.app import EXIT_TRANSACTION_LOST
from worker.settings import Settings

PARTITIONS = 4


def _env(bootstrap: str, prefix: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "WORKER_KAFKA_BOOTSTRAP": bootstrap,
        "WORKER_APP_ID": f"{prefix}-app",
        "WORKER_TOPIC_ARTICLES": f"{prefix}.articles",
        "WORKER_TOPIC_EVENTS": f"{prefix}.events",
        "WORKER_TOPIC_ALERTS": f"{prefix}.alerts",
        "WORKER_TOPIC_DEADLETTER": f"{prefix}.deadletter",
        "WORKER_TOPIC_CANDIDATES": f"{prefix}.candidates",
        "WORKER_TOPIC_PARTITIONS": str(PARTITIONS),
        "WORKER_WEB_ENABLED": "false",
        "WORKER_LOG_LEVEL": "WARNING",
        "WORKER_DATA_DIR": f"/tmp/bench-{prefix}",
        **extra,
    }


def _settings(env: dict[str, str]) -> Settings:
    return Settings(**{k.removeprefix("WORKER_").lower(): v for k, v in env.items()
                       if k.startswith("WORKER_")})


async def _produce(bootstrap: str, topic: str, values: Sequence[bytes],
                   rate: float | None = None) -> list[float]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, acks=1)
    await producer.start()
    sent_at: list[float] = []
    try:
        began = time.perf_counter()
        futures = []
        for index, value in enumerate(values):
            if rate:
                delay = began + index / rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
            sent_at.append(time.time())
            futures.append(await producer.send(topic, value, key=str(index).encode()))
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return sent_at


async def _wait_output_rate(settings: Settings, topic: str, group_topic: str, n_in: int,
                            timeout: float) -> dict[str, float]:
    """Wait until the group has committed all n_in inputs; rate from the output timestamps."""
    from worker.topics import worker_lag

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lag = await worker_lag(settings)
        if lag == 0:
            break
        await asyncio.sleep(0.5)
    else:
        raise TimeoutError(f"not done within {timeout}s")
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=settings.bootstrap_servers,
                                auto_offset_reset="earliest", group_id=None)
    await consumer.start()
    stamps: list[int] = []
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
        ends = await consumer.end_offsets(parts)
        total = sum(ends.values())
        while len(stamps) < total:
            batch = await consumer.getmany(timeout_ms=1000)
            if not batch:
                break
            for records in batch.values():
                stamps.extend(r.timestamp for r in records)
    finally:
        await consumer.stop()
    span = (max(stamps) - min(stamps)) / 1000 if len(stamps) > 1 else float("nan")
    return {"outputs": len(stamps), "seconds": round(span, 3),
            "articles_per_second": round(n_in / span, 1) if span > 0 else float("nan")}


def _spawn(module: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", module, "run"] if module == "worker"
                            else [sys.executable, "-m", module], env=env)


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _wait_ready(port: int, timeout: float = 120.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:  # refused while starting, 503 until ready
            pass
        time.sleep(0.1)
    return False


async def _wait_drained(settings: Settings, timeout: float) -> None:
    from worker.topics import worker_lag

    deadline = time.monotonic() + timeout
    while await worker_lag(settings) != 0:
        if time.monotonic() > deadline:
            raise TimeoutError(f"not drained within {timeout}s")
        await asyncio.sleep(1.0)


def resource(bootstrap: str, n: int = 100_000, warmup: int = 2_000, **extra: str
             ) -> dict[str, Any]:
    """The worker's start-up time (spawn to /health/ready) and resident memory after a
    warm-up and after every 10,000 of `n` distinct articles (default settings: merging on;
    `extra` overrides settings, e.g. WORKER_TABLE_STORE)."""
    from worker.devbroker import free_port
    from worker.topics import ensure_topics

    prefix = f"res-{uuid.uuid4().hex[:6]}"
    port = free_port()
    env = _env(bootstrap, prefix, WORKER_WEB_ENABLED="true", WORKER_WEB_PORT=str(port), **extra)
    settings = _settings(env)
    asyncio.run(ensure_topics(settings))
    base = [a.model_dump(mode="json") for a in articles_of_size(3_000, 2_000)]

    def values(start: int, stop: int) -> list[bytes]:
        return [orjson.dumps({**base[i % len(base)], "id": f"{prefix}-{i}"})
                for i in range(start, stop)]

    began = time.monotonic()
    proc = _spawn("worker", env)
    try:
        ready = _wait_ready(port)
        out: dict[str, Any] = {"startup_to_ready_seconds": round(time.monotonic() - began, 2)
                               if ready else None,
                               "rss_mb_idle": _rss_mb(proc.pid)}
        asyncio.run(_produce(bootstrap, settings.topic_articles, values(0, warmup)))
        asyncio.run(_wait_drained(settings, 900))
        out["rss_mb_after_warmup"] = _rss_mb(proc.pid)
        t0 = time.monotonic()
        samples: dict[str, float] = {}  # articles processed -> resident memory (MB)
        for start in range(warmup, n, 10_000):
            stop = min(start + 10_000, n)
            asyncio.run(_produce(bootstrap, settings.topic_articles, values(start, stop)))
            asyncio.run(_wait_drained(settings, 3_600))
            samples[str(stop)] = _rss_mb(proc.pid)
        out["articles"] = n
        out["table_store"] = settings.table_store.value
        out["rss_mb_by_articles"] = samples
        if n - warmup >= 10_000:  # growth per 10,000 articles after the warm-up
            out["rss_mb_per_10k_articles"] = round(
                (samples[str(n)] - out["rss_mb_after_warmup"]) / (n - warmup) * 10_000, 1)
        out["seconds_after_warmup"] = round(time.monotonic() - t0, 1)
        out[f"rss_mb_after_{n}"] = _rss_mb(proc.pid)
        return out
    finally:
        _stop([proc])
        shutil.rmtree(env["WORKER_DATA_DIR"], ignore_errors=True)


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process since it started (start-up included)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _throughput(bootstrap: str, module: str, values: Sequence[bytes], *, processes: int = 1,
                **extra: str) -> dict[str, Any]:
    prefix = f"bench-{uuid.uuid4().hex[:6]}"
    env = _env(bootstrap, prefix, **extra)
    settings = _settings(env)
    from worker.topics import ensure_topics

    asyncio.run(ensure_topics(settings))
    asyncio.run(_produce(bootstrap, settings.topic_articles, values))
    procs = [_spawn(module, env) for _ in range(processes)]
    restarts: list[int] = []
    done = threading.Event()

    def supervise() -> None:  # a restart policy: exactly-once exits 75 when fenced
        while not done.wait(0.5):
            for i, proc in enumerate(procs):
                if proc.poll() == EXIT_TRANSACTION_LOST:
                    restarts.append(i)
                    procs[i] = _spawn(module, env)

    supervisor = threading.Thread(target=supervise, daemon=True)
    supervisor.start()
    try:
        figures: dict[str, Any] = asyncio.run(_wait_output_rate(
            settings, settings.topic_events, settings.topic_articles, len(values), 900))
        figures["rss_mb_per_process"] = max(_rss_mb(p.pid) for p in procs)
        figures["worker_cpu_seconds"] = round(sum(_cpu_seconds(p.pid) for p in procs), 1)
        figures["restarts"] = len(restarts)
        print(f"e2e {module} x{processes} {extra}: {figures}", file=sys.stderr, flush=True)
        return figures
    finally:
        done.set()
        supervisor.join()
        _stop(procs)
        shutil.rmtree(env["WORKER_DATA_DIR"], ignore_errors=True)


async def _latency_run(settings: Settings, values: Sequence[bytes], rate: float) -> list[float]:
    consumer = AIOKafkaConsumer(settings.topic_events, bootstrap_servers=settings.bootstrap_servers,
                                auto_offset_reset="latest", group_id=None,
                                isolation_level="read_committed")
    await consumer.start()
    await consumer.seek_to_end()
    producer_task = asyncio.create_task(
        _produce(settings.bootstrap_servers, settings.topic_articles, values, rate))
    seen: dict[str, float] = {}
    deadline = time.monotonic() + len(values) / rate + 60
    # some articles have no event: the read ends once nothing has come for a while after the
    # last send, long enough for the last commit interval's outputs (exactly-once) to arrive
    quiet = max(2.0, 5 * settings.commit_interval)
    last_seen = time.monotonic()
    try:
        while time.monotonic() < deadline and len(seen) < len(values):
            batch = await consumer.getmany(timeout_ms=200)
            now = time.time()
            for records in batch.values():
                for record in records:
                    article = orjson.loads(record.value)["article_id"]
                    seen.setdefault(article, now)
            if batch:
                last_seen = time.monotonic()
            elif producer_task.done() and time.monotonic() - last_seen > quiet:
                break
        sent_at = await producer_task
    finally:
        await consumer.stop()
    sent = {f"lat-{i}": t for i, t in enumerate(sent_at)}
    return sorted(seen[k] - sent[k] for k in seen if k in sent)


def _latency(bootstrap: str, n: int, rate: float, **extra: str) -> dict[str, float]:
    prefix = f"lat-{uuid.uuid4().hex[:6]}"
    env = _env(bootstrap, prefix, WORKER_MERGE_ENABLED="false", **extra)
    settings = _settings(env)
    from worker.topics import ensure_topics

    asyncio.run(ensure_topics(settings))
    articles = articles_of_size(3_000, n)
    values = [orjson.dumps({**a.model_dump(mode="json"), "id": f"lat-{i}"})
              for i, a in enumerate(articles)]
    proc = _spawn("worker", env)
    try:
        asyncio.run(_produce(bootstrap, settings.topic_articles, values[:1]))  # warm-up
        time.sleep(8)
        lat = asyncio.run(_latency_run(settings, values[1:], rate))
    finally:
        _stop([proc])
    if not lat:
        return {"samples": 0}
    q = statistics.quantiles(lat, n=100)
    return {"samples": len(lat), "p50_ms": round(q[49] * 1000, 1),
            "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1)}


#: The runs of `run`, in order.
RUNS = ("passthrough", "at_least_once", "merging", "exactly_once", "two_processes", "latency")


def run(n: int = 20_000, runs: Sequence[str] = RUNS, **extra: str) -> dict[str, Any]:
    """`runs`: which of RUNS (the ratios need passthrough and at_least_once); `extra`:
    more settings for every worker (e.g. WORKER_PRODUCER_COMPRESSION)."""
    from worker.devbroker import LocalBroker

    articles = articles_of_size(3_000, n)
    values = [orjson.dumps(a.model_dump(mode="json")) for a in articles]
    broker = LocalBroker()
    broker.start()
    try:
        bootstrap = broker.bootstrap
        out: dict[str, Any] = {"articles": n, "article_bytes_mean": round(
            sum(len(v) for v in values) / len(values)), **extra}
        if "passthrough" in runs:
            out["passthrough"] = _throughput(bootstrap, "benchmarks.passthrough", values)
        if "at_least_once" in runs:
            out["worker_at_least_once"] = _throughput(bootstrap, "worker", values,
                                                      **{**extra, "WORKER_MERGE_ENABLED": "false"})
        if "merging" in runs:
            out["worker_merging"] = _throughput(bootstrap, "worker", values,
                                                **{**extra, "WORKER_MERGE_ENABLED": "true"})
        if "exactly_once" in runs:
            out["worker_exactly_once"] = _throughput(
                bootstrap, "worker", values, **{
                    **extra, "WORKER_MERGE_ENABLED": "false",
                    "WORKER_PROCESSING_GUARANTEE": "exactly_once", "WORKER_COMMIT_INTERVAL": "0.2"})
        if "two_processes" in runs:
            out["worker_2_processes"] = _throughput(bootstrap, "worker", values, processes=2,
                                                    **{**extra, "WORKER_MERGE_ENABLED": "false"})
        if "passthrough" in runs and "at_least_once" in runs:
            base = out["passthrough"]["articles_per_second"]
            alo = out["worker_at_least_once"]["articles_per_second"]
            out["ratio_worker_to_passthrough"] = round(alo / base, 3)
            if "exactly_once" in runs:
                out["ratio_exactly_once_to_at_least_once"] = round(
                    out["worker_exactly_once"]["articles_per_second"] / alo, 3)
        if "latency" in runs:
            out["latency_at_200_per_s"] = _latency(bootstrap, 3_000, 200.0, **extra)
            out["latency_exactly_once_at_200_per_s"] = _latency(bootstrap, 3_000, 200.0, **{
                **extra, "WORKER_PROCESSING_GUARANTEE": "exactly_once",
                "WORKER_COMMIT_INTERVAL": "0.2"})
        return out
    finally:
        broker.cleanup()  # its data too: a 20,000-article run writes gigabytes
