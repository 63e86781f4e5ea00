"""What the CLI commands do (argument parsing lives in __main__)."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from worker import codec
from worker.alerts import RulesError
from worker.seeds import SEED_DIR, SeedMessage, all_seeds
from worker.settings import Settings


class Progress:
    """A one-line progress counter on stderr when it is a terminal; silent when piped."""

    def __init__(self, label: str, total: int | None = None, stream: IO[str] = sys.stderr) -> None:
        self.label, self.total, self.stream = label, total, stream
        self.enabled = stream.isatty()
        self.started = time.perf_counter()
        self._last = 0.0

    def __call__(self, done: int) -> None:
        now = time.perf_counter()
        if not self.enabled or (now - self._last < 0.2 and done != self.total):
            return
        self._last = now
        rate = done / max(now - self.started, 1e-9)
        of = f"/{self.total}" if self.total else ""
        self.stream.write(f"\r{self.label}: {done}{of} ({rate:,.0f}/s)")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")


# --------------------------------------------------------------------------- run


def run_worker() -> int:
    settings = Settings()  # first: a bad setting stops us before anything starts

    import faust

    from worker.app import build_pipeline, create_app
    from worker.datadir import DataDirInUse, lock_data_dir
    from worker.logs import configure_logging
    from worker.topics import ensure_topics

    configure_logging(settings.log_level)
    if settings.kafka_bootstrap is None:
        print("error: WORKER_KAFKA_BOOTSTRAP is not set (host:port of a Kafka broker)",
              file=sys.stderr)
        return 2
    try:
        held = lock_data_dir(settings)  # noqa: F841 - the lock lasts while the file is open
    except DataDirInUse as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    if settings.create_topics:
        loop.run_until_complete(ensure_topics(settings))
    try:
        # the gazetteer loads here, before consuming starts (about 2 s), not on the first batch
        worker_app = create_app(settings, build_pipeline(settings))
    except RulesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    worker = faust.Worker(worker_app.app, loop=loop, loglevel=settings.log_level.lower(),
                          override_logging=False)
    worker.execute_from_commandline()  # returns by sys.exit
    return 0


# --------------------------------------------------------------------------- seeds


async def produce(bootstrap: str, topic: str, seeds: list[SeedMessage]) -> None:
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all",
                                max_request_size=8 * 1024 * 1024)
    await producer.start()
    try:
        for seed in seeds:
            await producer.send_and_wait(topic, seed.value, key=seed.key)
    finally:
        await producer.stop()


def produce_seeds_command(seed_dir: Path | None, *, malformed: bool) -> int:
    settings = Settings()
    if settings.kafka_bootstrap is None:
        print("error: WORKER_KAFKA_BOOTSTRAP is not set", file=sys.stderr)
        return 2
    seeds = all_seeds(seed_dir or SEED_DIR, malformed=malformed)
    asyncio.run(produce(settings.bootstrap_servers, settings.topic_articles, seeds))
    print(f"produced {len(seeds)} seed messages to {settings.topic_articles}")
    return 0


# --------------------------------------------------------------------------- demo


def demo(seed_dir: Path | None, timeout: float, *, as_json: bool) -> int:
    """Broker (local if none is set), topics, worker, seeds in; print what comes out."""
    settings = Settings()
    broker: Any = None
    overrides: dict[str, str] = {}
    if settings.kafka_bootstrap is None:
        from worker.devbroker import LocalBroker

        print("starting a local Kafka broker (first run resolves its jars) ...", flush=True)
        broker = LocalBroker()
        broker.start()
        bootstrap = broker.bootstrap
    else:  # somebody's broker: keep to topics and a group of this run's own
        bootstrap = settings.bootstrap_servers
        run = uuid.uuid4().hex[:8]
        overrides = {f"WORKER_TOPIC_{n.upper()}": f"{getattr(settings, 'topic_' + n)}.demo-{run}"
                     for n in ("articles", "events", "alerts", "deadletter", "candidates")}
        overrides["WORKER_APP_ID"] = f"{settings.app_id}-demo-{run}"
    # A one-off run: its table state goes in a directory of its own, removed at the end (state
    # kept from an earlier run names changelog offsets of another broker or app, and Faust
    # refuses to start on it).
    tables = tempfile.mkdtemp(prefix="worker-demo-")
    env = {**os.environ, **overrides, "WORKER_KAFKA_BOOTSTRAP": bootstrap,
           "WORKER_WEB_ENABLED": "false", "WORKER_LOG_LEVEL": "WARNING",
           "WORKER_DATA_DIR": tables}
    run_settings = Settings(**{k.removeprefix("WORKER_").lower(): v for k, v in env.items()
                               if k.startswith("WORKER_")})
    seeds = all_seeds(seed_dir or SEED_DIR)
    proc = subprocess.Popen([sys.executable, "-m", "worker", "run"], env=env)
    try:
        print(f"broker {bootstrap}; worker pid {proc.pid}; producing {len(seeds)} seed "
              f"messages to {run_settings.topic_articles}", flush=True)
        counts = asyncio.run(_demo_io(run_settings, seeds, timeout, as_json, proc))
    finally:
        stop_process(proc)
        if broker is not None:
            broker.cleanup()  # a throwaway broker: its temp data goes too
        shutil.rmtree(tables, ignore_errors=True)
    print(f"done: {counts['events']} events, {counts['alerts']} alerts, "
          f"{counts['dead_letters']} dead letters from {len(seeds)} messages "
          f"(all committed: {counts['caught_up']})")
    return 0 if counts["caught_up"] else 1


async def _demo_io(settings: Settings, seeds: list[SeedMessage], timeout: float,
                   as_json: bool, proc: subprocess.Popen[bytes]) -> dict[str, int]:
    from aiokafka import AIOKafkaConsumer

    from worker.topics import ensure_topics, worker_lag

    await ensure_topics(settings)
    await produce(settings.bootstrap_servers, settings.topic_articles, seeds)
    consumer = AIOKafkaConsumer(
        settings.topic_events, settings.topic_alerts, settings.topic_deadletter,
        bootstrap_servers=settings.bootstrap_servers, auto_offset_reset="earliest",
        enable_auto_commit=False, group_id=None)
    await consumer.start()
    counts = {"events": 0, "alerts": 0, "dead_letters": 0, "caught_up": 0}
    deadline = time.monotonic() + timeout
    quiet_since = time.monotonic()
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    quiet_since = time.monotonic()
                    print(_render(record.topic, record.value or b"", settings, as_json),
                          flush=True)
                    name = {settings.topic_events: "events", settings.topic_alerts: "alerts",
                            settings.topic_deadletter: "dead_letters"}[record.topic]
                    counts[name] += 1
            if time.monotonic() - quiet_since > 1.0:
                lag = await worker_lag(settings)
                if lag == 0:
                    counts["caught_up"] = 1
                    break
    finally:
        await consumer.stop()
    return counts


def _render(topic: str, value: bytes, settings: Settings, as_json: bool) -> str:
    if as_json:
        return value.decode("utf-8", "replace")
    doc = codec.loads(value)
    if topic == settings.topic_events:
        loc = doc.get("location") or {}
        where = ", ".join(str(x) for x in (loc.get("name"), loc.get("admin1"),
                                           loc.get("country_code")) if x) or "?"
        a1 = (doc.get("actor1") or {}).get("name", "?")
        a2 = (doc.get("actor2") or {}).get("name")
        claims = "; ".join(
            f"{c['kind']} {c.get('qualifier') or ''} {c['count']}".replace("  ", " ")
            + (f" per {c['claimed_by']}" if c.get("claimed_by") else "")
            + (f" via {c['via']}" if c.get("via") else "")
            for c in doc.get("claims", []))
        sources = ", ".join(s["name"] for s in doc.get("sources", []))
        return (f"EVENT  {doc['article_id']}: {doc['event_type']} / {doc['sub_event_type']} "
                f"on {doc['event_date']} ({doc['date_precision']}) at {where} "
                f"[{loc.get('latitude')}, {loc.get('longitude')}] | {a1}"
                f"{' vs ' + a2 if a2 else ''} | killed {doc.get('fatalities')}, injured "
                f"{doc.get('injured')} | claims: {claims or '-'} | sources: {sources or '-'}")
    if topic == settings.topic_alerts:
        return f"ALERT  [{doc['severity']}] {doc['rule']}: {doc['summary']}"
    return (f"DEAD   {doc.get('article_id') or '-'} at {doc['original_topic']}"
            f"[{doc['original_partition']}]@{doc['original_offset']}: "
            f"{doc['stage']}/{doc['reason']}: {doc['error_message'][:120]}")


def stop_process(proc: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    """SIGTERM, wait up to `timeout`, then SIGKILL."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --------------------------------------------------------------------------- offline


def _lines(path: Path | None) -> Iterator[tuple[int, bytes]]:
    stream = path.open("rb") if path is not None else sys.stdin.buffer
    try:
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield number, line
    finally:
        if path is not None:
            stream.close()


def extract_command(path: Path | None) -> int:
    from worker.errors import RejectedInput
    from worker.extract import Extractor

    extractor = Extractor()
    out = sys.stdout.buffer
    failed = 0
    progress = Progress("extract")
    done = 0
    for number, line in _lines(path):
        try:
            article = codec.decode_article(line.strip(), max_bytes=50_000_000)
        except RejectedInput as exc:
            failed += 1
            print(f"line {number}: {exc.stage.value}/{exc.reason}: {exc.message}",
                  file=sys.stderr)
            continue
        for event in extractor.extract(article):
            out.write(codec.encode(event) + b"\n")
        done += 1
        progress(done)
    progress.close()
    out.flush()
    return 1 if failed else 0


def eval_command(path: Path, *, as_json: bool, misses: int, limit: int,
                 errors: list[str] | None = None) -> int:
    from worker.evaluate import FIELDS, evaluate, miss_line
    from worker.extract import Extractor

    errors = errors or []
    unknown = [name for name in errors if name not in FIELDS]
    if unknown:
        print(f"error: unknown field {', '.join(unknown)} (one of {', '.join(FIELDS)})",
              file=sys.stderr)
        return 2

    records = [codec.loads(line) for _, line in _lines(path)]
    if limit:
        records = records[:limit]
    extractor = Extractor()
    progress = Progress("eval", len(records))
    started = time.perf_counter()
    keep = max(misses, len(records) if errors else 0)
    report = evaluate(records, extractor.extract, keep_misses=keep, progress=progress)
    progress.close()
    elapsed = time.perf_counter() - started
    if as_json:
        sys.stdout.write(codec.dumps_pretty(report.as_dict()).decode() + "\n")
    else:
        print(report.table())
        print(f"time: {elapsed:.2f} s ({report.records / max(elapsed, 1e-9):,.0f} records/s)")
    for name, items in report.misses.items():
        if errors:
            if name in errors:
                print(f"\n--- errors: {name} ({len(items)})")
                for item in items:
                    print(miss_line(name, item))
            continue
        print(f"\n--- misses: {name}")
        for item in items:
            print(codec.encode_obj(item).decode())
    return 0


def schemas_command(check: bool, out: Path | None) -> int:
    from worker import schemas

    directory = out or schemas.SCHEMA_DIR
    if check:
        bad = schemas.drifted(directory)
        if bad:
            print(f"schemas differ from the models: {', '.join(bad)}; run "
                  f"`python -m worker schemas`", file=sys.stderr)
            return 1
        print("schemas match the models")
        return 0
    for path in schemas.write_all(directory):
        print(path)
    return 0


