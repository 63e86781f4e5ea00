"""The extraction core alone: articles/second on one core, start-up time, resident memory."""

from __future__ import annotations

import gc
import resource
import time
from typing import Any

from benchmarks.corpus import articles_of_size


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(sizes: tuple[int, ...] = (3_000, 20_000), count: int = 2_000,
        seconds: float = 5.0) -> dict[str, Any]:
    started = time.perf_counter()
    from worker.extract import Extractor

    extractor = Extractor()
    startup = time.perf_counter() - started
    results: dict[str, Any] = {"startup_seconds": round(startup, 3),
                               "rss_mb_after_load": round(rss_mb(), 1)}
    for size in sizes:
        articles = articles_of_size(size, count if size <= 5_000 else count // 4)
        for article in articles[:50]:  # warm-up
            extractor.extract(article)
        gc.collect()
        done = events = 0
        began = time.perf_counter()
        while time.perf_counter() - began < seconds:
            for article in articles:
                events += len(extractor.extract(article))
                done += 1
        elapsed = time.perf_counter() - began
        results[f"articles_per_second_{size // 1000}kb"] = round(done / elapsed, 1)
        results[f"events_per_article_{size // 1000}kb"] = round(events / done, 2)
        results[f"mean_chars_{size // 1000}kb"] = round(sum(len(a.body) for a in articles)
                                                        / len(articles))
    results["rss_mb_after_run"] = round(rss_mb(), 1)
    return results
