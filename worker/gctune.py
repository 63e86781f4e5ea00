"""The worker process's garbage-collector settings, applied once the long-lived state (the
gazetteer) is loaded. Its own module (no Faust import) so that the benchmarks of the
extraction core run it as the worker does."""

from __future__ import annotations

import gc

#: Cyclic GC thresholds of the worker process (Python's default: 700, 10, 10).
GC_THRESHOLDS = (10_000, 10, 10)


def tune_gc() -> None:
    """Once the long-lived state is loaded: move it out of the cyclic collector's reach (the
    gazetteer's ~1M objects: each full collection walked them all, 0.5-1 s, a latency spike
    every time), and collect the young generation less often (the merge stage's cached events
    were promoted and re-walked: with the defaults a third of the merge step's time went to
    collections). Acyclic garbage is still freed at once by reference counting."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
