"""The cost of the merge stage's state, without Kafka: the merge step over a table-like
store, articles/second with merging on vs off, and resident memory after N articles."""

from __future__ import annotations

import gc
import random
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from benchmarks.core import rss_mb
from benchmarks.corpus import articles_of_size
from worker.alerts import load_rules
from worker.incidents import IncidentStore, process_candidate
from worker.merge import MergePolicy, partition_key


def run(n: int = 100_000) -> dict[str, Any]:
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

    store = IncidentStore({}, {}, {})
    gc.collect()
    rss_before = rss_mb()
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    began = time.perf_counter()
    for i in range(n):
        template = base[i % len(base)]
        event = template.model_copy(update={"article_id": f"a{i}", "event_id": f"evt_{i}"})
        if rng.random() < 0.5:  # half are new incidents: move them to another date
            event = event.model_copy(update={"event_date": event.event_date + timedelta(
                days=rng.randint(5, 400))})
        now = t0 + timedelta(seconds=i * 43)  # 100k articles over ~50 days
        process_candidate(store, partition_key(event), event, rules, policy, now)
    merge_seconds = time.perf_counter() - began
    merge_rate = n / merge_seconds
    gc.collect()
    return {
        "articles": n,
        "extract_only_articles_per_second": round(extract_rate, 1),
        "merge_step_articles_per_second": round(merge_rate, 1),
        "extract_plus_merge_articles_per_second": round(
            1 / (1 / extract_rate + 1 / merge_rate), 1),
        "place_keys": len(store.index),
        "open_incidents": len(store.events),
        "state_mb": round((sum(len(v) for v in store.index.values())
                           + sum(len(v) for v in store.events.values())) / 1e6, 1),
        "rss_mb_before": round(rss_before, 1),
        "rss_mb_after": round(rss_mb(), 1),
    }
