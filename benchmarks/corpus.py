"""Benchmark articles of a given size, built from the project's own seed articles.

Every article is distinct text, so that the extractor's per-sentence and per-text caches do
not answer for sentences seen in earlier articles (a corpus that repeats its 59 seeds lets
them answer part of each run, and flatters the figures). Article `index` starts with a seed
article and goes on with paragraphs of seeds picked by a generator seeded with the size and
the index; each article then varies, deterministically, counts ("12 people", "two soldiers"),
weekdays, towns (rotated through a fixed list of towns the seeds name) and a few common words
("said", "several", "the area"). The mix of event and non-event sentences stays that of the
seeds.
"""

from __future__ import annotations

import random
import re

from worker.models import Article
from worker.seeds import article_seeds

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve")
#: Towns the seed articles name, rotated among themselves per article.
_TOWNS = ("Witu", "Mokowe", "Garissa", "Mombasa", "Peshawar", "Srinagar", "Kisumu", "Jilib",
          "Afgooye", "Macomia", "Kayna", "Singa", "Orikhiv", "Nyala", "Celaya", "Saravena",
          "Guayaquil", "Djugu", "Bokkos", "Maiduguri", "Mpeketoni", "Lafey", "Kanbalu", "Namtu",
          "Alamata", "Ansongo", "Ziguinchor", "Nkubu", "Kainuk", "Mogadishu", "Kampala")
#: Common words and their stand-ins, one picked per article.
_WORDING = {
    "said": ("said", "stated", "told reporters"),
    "several": ("several", "a number of", "some"),
    "many": ("many", "numerous", "scores of"),
    "the area": ("the area", "the region", "the locality"),
    "nearby": ("nearby", "close by", "in the vicinity"),
    "however": ("however", "though", "nevertheless"),
    "also": ("also", "additionally", "further"),
    "including": ("including", "among them", "notably"),
    "residents": ("residents", "locals", "inhabitants"),
    "statement": ("statement", "communique", "press release"),
    "the attack": ("the attack", "the assault", "the raid"),
    "The attack": ("The attack", "The assault", "The raid"),
    "night": ("night", "evening", "night-time"),
    "town": ("town", "township", "settlement"),
    "village": ("village", "hamlet", "settlement"),
    "according to": ("according to", "citing", "as reported by"),
    "people": ("people", "persons", "individuals"),
    "after": ("after", "following", "soon after"),
    "because": ("because", "since", "as"),
    "but": ("but", "yet", "although"),
    "would": ("would", "could", "might"),
    "will": ("will", "would", "is to"),
    "government": ("government", "administration", "authorities"),
    "thousands": ("thousands", "many thousands", "tens of thousands"),
    "year": ("year", "twelve months", "year so far"),
    "week": ("week", "seven days", "week so far"),
    "spokesman": ("spokesman", "spokesperson", "representative"),
    "witnesses": ("witnesses", "eyewitnesses", "onlookers"),
    "the group": ("the group", "the organisation", "the movement"),
    "did not": ("did not", "declined to", "would not"),
    "had been": ("had been", "were", "have been"),
    "has been": ("has been", "was", "had been"),
    "over": ("over", "across", "throughout"),
    "into": ("into", "inside", "towards"),
    "families": ("families", "households", "relatives"),
    "We": ("We", "We all", "We ourselves"),
}
#: A count: one to three digits before a lower-case word ("12 people", not "14 February").
_COUNT = re.compile(r"\b(\d{1,3})(?=\s+[a-z])")
_VARIABLE = re.compile(r"\b(?:" + "|".join(
    [*_WEEKDAYS, *_NUMBER_WORDS, *(w.capitalize() for w in _NUMBER_WORDS), *_TOWNS,
     *sorted(_WORDING, key=len, reverse=True)]) + r")\b")


def _variant(text: str, rng: random.Random) -> str:
    """`text` with its counts, weekdays, towns and common words varied by `rng`."""
    shift = rng.randrange(1, 40)
    day = rng.randrange(1, 7)
    number = rng.randrange(1, len(_NUMBER_WORDS))
    town = rng.randrange(1, len(_TOWNS))
    wording = {word: rng.choice(choices) for word, choices in _WORDING.items()}

    def vary(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in _WEEKDAYS:
            return _WEEKDAYS[(_WEEKDAYS.index(word) + day) % 7]
        if word.lower() in _NUMBER_WORDS:
            new = _NUMBER_WORDS[(_NUMBER_WORDS.index(word.lower()) + number) % len(_NUMBER_WORDS)]
            return new.capitalize() if word[0].isupper() else new
        if word in _TOWNS:
            return _TOWNS[(_TOWNS.index(word) + town) % len(_TOWNS)]
        return wording[word]

    text = _COUNT.sub(lambda m: str(int(m.group(1)) + shift), text)
    return _VARIABLE.sub(vary, text)


def articles_of_size(size: int, count: int) -> list[Article]:
    """`count` distinct articles of about `size` characters (deterministic): each a seed
    article followed by paragraphs of other seeds until the size is reached, varied."""
    seeds = [s.article for s in article_seeds() if s.article is not None]
    if not seeds:
        raise RuntimeError("no seed articles under seeds/articles")
    paragraphs = [p for s in seeds for p in s.body.split("\n\n") if p.strip()]
    out: list[Article] = []
    for index in range(count):
        rng = random.Random(f"{size}-{index}")
        first = seeds[index % len(seeds)]
        parts = [first.body]
        while sum(len(p) + 2 for p in parts) < size:
            parts.append(rng.choice(paragraphs))
        body = _variant("\n\n".join(parts)[:size], rng)[:size]
        body = body[: body.rfind(".") + 1] or body
        published = first.published_at
        out.append(Article(id=f"bench-{size}-{index}", body=body, published_at=published,
                           source=first.source))
    return out
