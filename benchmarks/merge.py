"""The cost of the merge stage's state, without Kafka: the merge step over a table-like
store (dicts, as Faust's memory store keeps them, or RocksDB databases opened with the
options the worker gives Faust), articles/second with merging on vs off, and resident
memory after N articles."""

from __future__ import annotations

import gc
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.core import rss_mb
from benchmarks.corpus import articles_of_size
from worker.alerts import load_rules
from worker.incidents import IncidentStore, is_place_key, process_candidate, table_options
from worker.merge import MergePolicy, partition_key
from worker.settings import TableStore


class RocksTable:
    """The part of a Faust table the merge stage uses, over one RocksDB database (what
    Faust's RocksDB store does for one partition, without its serialization layer)."""

    def __init__(self, path: Path, options: dict[str, Any]) -> None:
        from faust.stores.rocksdb import RocksDBOptions

        self._db = RocksDBOptions(**options).open(path)

    def get(self, key: str) -> bytes | None:
        value: bytes | None = self._db.get(key.encode())
        return value

    def __setitem__(self, key: str, value: bytes) -> None:
        self._db.put(key.encode(), value)

    def pop(self, key: str, default: Any = None) -> Any:
        value = self._db.get(key.encode())
        if value is None:
            return default
        self._db.delete(key.encode())
        return value

    def items(self) -> Iterator[tuple[str, bytes]]:
        for key, value in self._db.items():
            yield key.decode(), value

    def keys(self) -> Iterator[str]:
        return (k for k, _ in self.items())

    def values(self) -> Iterator[bytes]:
        return (v for _, v in self.items())

    def __contains__(self, key: str) -> bool:
        return self._db.get(key.encode()) is not None

    def __len__(self) -> int:
        return sum(1 for _ in self.items())


def rocksdb_tables(directory: str, cache_mb: int = 16) -> tuple[RocksTable, ...]:
    """The three tables as RocksDB databases under `directory`, with the worker's options."""
    return tuple(
        RocksTable(Path(directory) / f"{name}.db",
                   table_options(name, TableStore.ROCKSDB, cache_mb, small=small)["options"])
        for name, small in (("incident_index", True), ("incidents", False), ("alerted", True)))


def run(n: int = 100_000, store: TableStore = TableStore.MEMORY, hot: bool = False
        ) -> dict[str, Any]:
    """`hot`: every report goes to one place key (a besieged city: its events keep their own
    places, so they match as before, but the key soon holds MAX_OPEN_PER_KEY incidents)."""
    from worker.extract import Extractor

    extractor = Extractor()
    rules = load_rules()
    policy = MergePolicy()
    articles = articles_of_size(3_000, 400)
    # extraction once: the events of 400 articles, re-labelled as n distinct reports spread
    # over 50 days of worker time (so expiry keeps the state bounded, as in production)
    base = [e for a in articles for e in extractor.extract(a)]
    rng = random.Random(7)
    started = time.perf_counter()
    for a in articles:
        extractor.extract(a)
    extract_rate = len(articles) / (time.perf_counter() - started)

    tables: tuple[Any, ...] = ({}, {}, {})
    directory = tempfile.mkdtemp(prefix="bench-merge-")
    if store is TableStore.ROCKSDB:
        tables = rocksdb_tables(directory)
    incidents = IncidentStore(*tables)
    gc.collect()
    rss_before = rss_mb()
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    began = time.perf_counter()
    cpu_began = time.process_time()
    for i in range(n):
        template = base[i % len(base)]
        event = template.model_copy(update={"article_id": f"a{i}", "event_id": f"evt_{i}"})
        if rng.random() < 0.5:  # half are new incidents: move them to another date
            event = event.model_copy(update={"event_date": event.event_date + timedelta(
                days=rng.randint(5, 400))})
        now = t0 + timedelta(seconds=i * 43)  # 100k articles over ~50 days
        process_candidate(incidents, "XX|hot" if hot else partition_key(event), event, rules,
                          policy, now, partition=0)
    merge_seconds = time.perf_counter() - began
    merge_cpu_seconds = time.process_time() - cpu_began
    merge_rate = n / merge_seconds
    gc.collect()
    figures = {
        "articles": n,
        "table_store": store.value,
        "hot_key": hot,
        "extract_only_articles_per_second": round(extract_rate, 1),
        "merge_step_articles_per_second": round(merge_rate, 1),
        "merge_step_cpu_articles_per_second": round(n / merge_cpu_seconds, 1),
        "extract_plus_merge_articles_per_second": round(
            1 / (1 / extract_rate + 1 / merge_rate), 1),
        "place_keys": sum(1 for k, _ in incidents.index.items() if is_place_key(k)),
        "open_incidents": len(incidents.events),
        "state_mb": round((sum(len(v) for v in incidents.index.values())
                           + sum(len(v) for v in incidents.events.values())) / 1e6, 1),
        "rss_mb_before": round(rss_before, 1),
        "rss_mb_after": round(rss_mb(), 1),
    }
    del tables, incidents
    gc.collect()
    shutil.rmtree(directory, ignore_errors=True)
    return figures


def replay(n: int = 20_000, store: TableStore = TableStore.ROCKSDB, partitions: int = 4
           ) -> dict[str, Any]:
    """The merge step over the events of the end-to-end benchmark's first `n` articles (as
    the real core gave them, cached by `benchmarks.stream`), keyed by place over
    `partitions` partitions of one store (as in one worker: one decoded cache), one report
    every 6 ms of worker time: where the merging
    worker spends its CPU on that corpus (merged events of 21 KB median, up to 144 KB at
    20,000 articles). `outputs_sha256` tells whether a change keeps the outputs."""
    import hashlib
    import statistics
    import zlib

    import orjson

    from benchmarks.stream import _events_file
    from worker.models import Event

    lines = _events_file(max(n, 20_000)).read_bytes().splitlines()[:n]
    events = [Event.model_validate(e) for line in lines for e in orjson.loads(line)["events"]]
    rules, policy = load_rules(), MergePolicy()
    directory = tempfile.mkdtemp(prefix="bench-merge-replay-")
    incidents = IncidentStore(*(rocksdb_tables(directory) if store is TableStore.ROCKSDB
                                else ({}, {}, {})))
    digest = hashlib.sha256()
    sizes: list[int] = []
    out_bytes = 0
    t0 = datetime(2024, 6, 1, tzinfo=UTC)
    gc.collect()
    cpu_began = time.process_time()
    for i, event in enumerate(events):
        key = partition_key(event)
        partition = zlib.crc32(key.encode()) % partitions
        for record in process_candidate(incidents, key, event, rules, policy,
                                        t0 + timedelta(milliseconds=6 * i),
                                        partition=partition):
            digest.update(record.key + b"\0" + record.value + b"\0")
            out_bytes += len(record.value)
            if record.destination.value == "events":
                sizes.append(len(record.value))
    cpu = time.process_time() - cpu_began
    figures = {"articles": n, "reports": len(events), "table_store": store.value,
               "merge_step_cpu_seconds": round(cpu, 2),
               "cpu_ms_per_report": round(cpu / len(events) * 1000, 3),
               "output_mb": round(out_bytes / 1e6, 1),
               "event_kb_median": round(statistics.median(sizes) / 1000, 1),
               "event_kb_max": round(max(sizes) / 1000, 1),
               "outputs_sha256": digest.hexdigest()}
    del incidents
    gc.collect()
    shutil.rmtree(directory, ignore_errors=True)
    return figures
