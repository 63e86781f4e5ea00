"""Shortcuts of the assembly (events.py) that stand for a library call or another module's
answer: each gives what it stands for."""

from __future__ import annotations

import random
from collections import Counter

from worker.extract import casualties, events
from worker.extract.constants import AT_CIVILIANS
from worker.extract.types import ActorMention, CasualtyMention


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


def test_summary_is_summarize() -> None:
    """The summary the assembly writes from its values is `summary.summarize` of the event
    (Python code reading the event's fields), on every event of a benchmark corpus and of
    the seeds, and on events whose figures, qualifiers, actors and sources vary."""
    from benchmarks.corpus import articles_of_size
    from worker.extract import Extractor
    from worker.summary import summarize

    extractor = Extractor()
    made = [e for a in articles_of_size(3_000, 300) for e in extractor.extract(a)]
    assert len(made) > 300
    kinds = set()
    for event in made:
        assert event.summary == summarize(event), event.event_id
        kinds.add((event.location is None, event.actor1 is None, event.actor2 is None,
                   bool(event.fatalities), bool(event.injured), bool(event.captured),
                   min(len(event.sources), 2), any(c.qualifier for c in event.claims)))
    assert len(kinds) > 20, kinds
    # the same values, varied: a claim's qualifier, a second claim of another count, the
    # number of sources (one, several), no actor2, an admin1 or not
    rng = random.Random(5)
    checked = 0
    for event in made:
        if not event.claims:
            continue
        mentions = [CasualtyMention(
            kind=c.kind, count=c.count, count_max=c.count_max,
            qualifier=rng.choice([None, "at least", "more than", c.qualifier]),
            side_text=None, claimed_by=None, via=None, start=0, end=1, text="x")
            for c in event.claims]
        figures = (event.fatalities, event.injured, event.captured)
        sources = rng.choice([0, 1, 2, 5])
        actor2 = rng.choice([None, event.actor2])
        changed = event.model_copy(update={
            "claims": [c.model_copy(update={"qualifier": m.qualifier})
                       for c, m in zip(event.claims, mentions, strict=True)],
            "sources": [event.sources[0]] * sources if event.sources else [],
            "actor2": actor2})
        actor1 = None if event.actor1 is None else _mention(event.actor1.name)
        text = events._summary(event.sub_event_type, event.location, actor1,
                               None if actor2 is None else _mention(actor2.name), figures,
                               mentions, len(changed.sources))
        assert text == summarize(changed), (text, summarize(changed))
        checked += 1
    assert checked > 100


def _mention(name: str) -> ActorMention:
    return ActorMention(name, AT_CIVILIANS, None, 0, 1, "x")
