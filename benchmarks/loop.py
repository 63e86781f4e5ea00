"""python -m benchmarks.loop [--size BYTES] [--articles N] [--passes P]: CPU time an article
of the extraction core in a plain loop, for A/B runs of two checkouts side by side (run it
from each, alternated): N distinct benchmark articles of about BYTES (after 50 of warm-up),
the core's text caches emptied before each as in `benchmarks core`, P passes, each printed
in microseconds of process CPU time an article. Unlike `benchmarks core`'s fixed-time
windows, every run reads the same articles, so two versions are compared on equal work.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.core import text_caches
from benchmarks.corpus import articles_of_size
from worker.extract import Extractor
from worker.gctune import tune_gc

WARM_UP = 50


def passes(size: int, count: int, rounds: int) -> list[float]:
    """Microseconds of CPU an article, one figure a pass over the same `count` articles."""
    extractor = Extractor()
    tune_gc()
    articles = articles_of_size(size, WARM_UP + count)
    for article in articles[:WARM_UP]:
        extractor.extract(article)
    forget = text_caches()
    out = []
    for _ in range(rounds):
        started = time.process_time()
        for article in articles[WARM_UP:]:
            for clear in forget:
                clear()
            extractor.extract(article)
        out.append((time.process_time() - started) / count * 1e6)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.loop", description=__doc__)
    parser.add_argument("--size", type=int, default=3_000, help="article size in bytes")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    figures = passes(args.size, args.articles, args.passes)
    print(f"{args.size} bytes, {args.articles} articles: "
          + " ".join(f"{f:,.0f}" for f in figures) + " us of CPU an article")


if __name__ == "__main__":
    main()
