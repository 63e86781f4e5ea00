"""Texts for the equivalence tests of the core's shortcuts: the benchmark corpus's sentences,
and runs of chosen words ("soups") that put the words a shortcut keys on next to each other
in every order, glued and spaced in odd ways. Seeded: the same texts on every run."""

from __future__ import annotations

import random
from collections.abc import Sequence

from benchmarks.corpus import articles_of_size
from worker.extract.text import split_sentences


def corpus_sentences(articles: int) -> list[str]:
    """The sentences of `articles` distinct 3 KB benchmark articles, as the core splits them."""
    return [s.text for a in articles_of_size(3_000, articles) for s in split_sentences(a.body)]


def soups(words: Sequence[str], count: int, seed: int, joins: Sequence[str],
          lengths: tuple[int, int]) -> list[str]:
    """`count` runs of `lengths[0]` to `lengths[1]` words drawn from `words`, each word followed
    by one of `joins` (repeat a join in `joins` to draw it more often)."""
    rng = random.Random(seed)
    return ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(*lengths)))
            for _ in range(count)]
