"""The extraction core alone: articles/second on one core, start-up time, resident memory.

The figures are honest ones: the corpus is distinct text (benchmarks/corpus.py) and the
extractor's per-text caches (functions cached on a `text` argument: a sentence's actors,
casualties, sources) are emptied between articles, so that no article is answered from
another's sentences, as in a stream of real news. Caches keyed on names (gazetteer look-ups,
country names) stay, as they would in a long-running worker. `cpu_articles_per_second_*`
divides by CPU time (time.process_time), steadier than wall time on a shared machine. The
collector is set up as in the worker (`worker.gctune.tune_gc` after the gazetteer's load: its
objects frozen out of the cyclic collector's reach).
"""

from __future__ import annotations

import gc
import inspect
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

from benchmarks.corpus import articles_of_size
from worker.gctune import tune_gc


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def text_caches() -> list[Callable[[], None]]:
    """The `cache_clear` of every cached function of the extraction core whose first
    parameter is a text (a sentence or an article), and each module's own
    `clear_text_caches` (caches of texts kept without `lru_cache`)."""
    out = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("worker.extract"):
            continue
        own = getattr(module, "clear_text_caches", None)
        if own is not None:
            out.append(own)
        for value in vars(module).values():
            wrapped = getattr(value, "__wrapped__", None)
            clear = getattr(value, "cache_clear", None)
            if wrapped is None or clear is None or getattr(value, "__module__", "") != name:
                continue
            params = list(inspect.signature(wrapped).parameters)
            if params and params[0] == "text":
                out.append(clear)
    return out


def run(sizes: tuple[int, ...] = (3_000, 20_000), count: int = 2_000,
        seconds: float = 5.0) -> dict[str, Any]:
    started = time.perf_counter()
    from worker.extract import COMPILED, Extractor

    extractor = Extractor()
    startup = time.perf_counter() - started
    results: dict[str, Any] = {"compiled": COMPILED, "startup_seconds": round(startup, 3),
                               "rss_mb_after_load": round(rss_mb(), 1)}
    tune_gc()  # the gazetteer out of the collector's reach, as the worker does after its load
    for size in sizes:
        articles = articles_of_size(size, count if size <= 5_000 else count // 4)
        for article in articles[:50]:  # warm-up
            extractor.extract(article)
        forget = text_caches()
        gc.collect()  # the warm-up's garbage, not timed
        done = events = 0
        began, cpu = time.perf_counter(), time.process_time()
        while time.perf_counter() - began < seconds:
            for article in articles:
                for clear in forget:
                    clear()
                events += len(extractor.extract(article))
                done += 1
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
        results[f"articles_per_second_{size // 1000}kb"] = round(done / elapsed, 1)
        results[f"cpu_articles_per_second_{size // 1000}kb"] = round(done / cpu, 1)
        results[f"events_per_article_{size // 1000}kb"] = round(events / done, 2)
        results[f"mean_chars_{size // 1000}kb"] = round(sum(len(a.body) for a in articles)
                                                        / len(articles))
    results["rss_mb_after_run"] = round(rss_mb(), 1)
    return results
