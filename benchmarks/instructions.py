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

import sys
from pathlib import Path

from benchmarks import callgrind
from benchmarks.callgrind import Counted

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


COUNTED = Counted(
    "benchmarks.instructions", "CPyDef_events___extract_events", 100,
    Path("benchmarks/results/callgrind.out"),
    # the pure-Python core has no compiled `extract_events` to count in
    nothing="nothing counted: build the compiled core first (make native)",
    extra=("--zero-before=sys_setrecursionlimit*",))


def main(argv: list[str] | None = None) -> int:
    return callgrind.main(argv, COUNTED, run_articles, lambda total, count, out: (
        f"instructions inside extract_events: {total:,} over {count} articles, "
        f"{total / count / 1e6:.2f} M an article (callgrind file {out})"))


if __name__ == "__main__":
    raise SystemExit(main())
