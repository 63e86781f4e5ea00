"""python -m benchmarks.instructions [--articles N] [--out FILE]: the extraction core's
instructions an article, counted by valgrind's callgrind (which must be installed: `apt-get
install valgrind`), inside `extract_events` only, over N distinct 3 KB benchmark articles
(100 by default) with the core's text caches emptied between them, after 50 articles of
warm-up. Deterministic to ~0.1% where wall-clock rates on a shared machine are not: the
figure to compare two versions of the core by. Run `make native` first to count the
compiled core (else the pure-Python one is counted, with a warning). Per function:
`callgrind_annotate --inclusive=yes FILE | grep CPyDef`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.callgrind import collected

WARM_UP = 50


def run_articles(count: int) -> None:
    """The loop callgrind counts (inside `extract_events` only): `count` articles after the
    warm-up, caches emptied before each."""
    from benchmarks.core import text_caches
    from benchmarks.corpus import articles_of_size
    from worker.extract import Extractor
    from worker.gctune import tune_gc

    extractor = Extractor()
    tune_gc()
    articles = articles_of_size(3000, WARM_UP + count)
    for article in articles[:WARM_UP]:
        extractor.extract(article)
    extractor.gazetteer._admin2_cities()  # (a lazy index built once a process)
    forget = text_caches()
    sys.setrecursionlimit(sys.getrecursionlimit())  # callgrind starts counting from here
    for article in articles[WARM_UP:]:
        for clear in forget:
            clear()
        extractor.extract(article)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.instructions")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/callgrind.out"),
                        help="callgrind's file (per-function costs)")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if args.inner:
        run_articles(args.articles)
        return 0
    total = collected("benchmarks.instructions", "CPyDef_events___extract_events",
                      args.articles, args.out, extra=("--zero-before=sys_setrecursionlimit*",))
    if total is None:
        return 1
    if total == 0:  # the pure-Python core has no compiled `extract_events` to count in
        print("nothing counted: build the compiled core first (make native)", file=sys.stderr)
        return 1
    print(f"instructions inside extract_events: {total:,} over {args.articles} articles, "
          f"{total / args.articles / 1e6:.2f} M an article (callgrind file {args.out})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
