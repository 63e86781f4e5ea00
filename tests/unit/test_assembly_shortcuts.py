"""Shortcuts of the assembly (events.py) that stand for a library call or another module's
answer: each gives what it stands for."""

from __future__ import annotations

import random
from collections import Counter

from worker.extract import casualties, events


def test_most_common_is_counters_first_most_common() -> None:
    rng = random.Random(3)
    ties = 0
    for _ in range(5_000):
        codes = [rng.choice("ABCDEFG") for _ in range(rng.randint(0, 9))]
        counts: dict[str, int] = {}
        for code in codes:
            counts[code] = counts.get(code, 0) + 1
        expected = Counter(codes).most_common(1)
        assert events._most_common(counts) == (expected[0][0] if expected else None), codes
        ties += len(set(counts.values())) < len(counts)
    assert ties > 1_000


def test_no_headline_is_the_headline_of_no_mention() -> None:
    assert casualties.headline_counts([]) == events._NO_HEADLINE
