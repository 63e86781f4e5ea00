"""Orderings the actor scan and the assembly make without tuples nor key functions: the
scan's hits by one int each (`actors._raws_of`), the evidence by plain tuples
(`events._sorted_evidence`); each against the code as first written."""

from __future__ import annotations

import random

from worker.extract import actors, events
from worker.models import Evidence

#: Sentences written for this test: named groups, forces bound to countries, nested and
#: overlapping aliases, "anti-" words, clans, mixed case and text that is not ASCII.
_SENTENCES = (
    "Al Shabaab militants attacked Kenya Defence Forces soldiers near Mandera on Monday.",
    "Boko Haram fighters and ISWAP militants ambushed Nigerian Army troops in Borno.",
    "Anti-government protesters clashed with police officers in Nairobi.",
    "An anti-riot police unit dispersed students and residents outside the university.",
    "Gunmen from the Hawiye clan and militias of the Darod clan fought over a well.",
    "Members of the PKK and Turkish Armed Forces exchanged fire, the ministry said.",
    "Unidentified armed men abducted two aid workers and a police officer in Ituri.",
    "Fulani herdsmen and Tiv farmers clashed; the Nigerian police said soldiers came.",
    "Les soldats maliens et des militants du JNIM se sont affrontés près de Mopti.",
    "Taliban fighters stormed an Afghan National Army checkpoint in Helmand province.",
    "The M23 rebels, the FARDC and MONUSCO peacekeepers were all in Rutshuru.",
    "Police arrested ANTI-CORRUPTION activists and opposition supporters in Kampala.",
)


def _raws_as_first_written(text: str) -> tuple[list[tuple[int, int, object]], int]:
    """`_scan`'s hits as first written: a tuple each, sorted, then the overlaps dropped."""
    low, _, found = actors.matches(text)
    hits: list[tuple[int, int, actors._Entry]] = []
    present = 0
    for last, (length, entries, _) in found:
        if not entries:
            continue
        tail = entries[-1]
        if tail.kind == actors._KIND_GATE:
            present |= tail.gate
            if len(entries) == 1:
                continue
        start = last - length + 1
        chosen: actors._Entry | None = entries[0]
        if entries[0].case:
            chosen = next((e for e in entries if e.kind != actors._KIND_GATE and (
                not e.case or text[start:last - 1] == e.case)), None)
        if chosen is None:
            continue
        if start >= 5 and low[start - 2] == "i" and \
                low.startswith(("anti-", "anti "), start - 5) and not low.startswith("anti", start):
            continue
        hits.append((start, 1 - last, chosen))
    hits.sort()
    raws: list[tuple[int, int, object]] = []
    reach = -1
    for start, negative_end, entry in hits:
        if start < reach:
            continue
        reach = -negative_end
        raws.append((start, reach, entry))
    return raws, present


def _check(text: str) -> int:
    low, words, found = actors.matches(text)
    raws, present = actors._raws_of(text, low, len(words), found)
    expected, expected_present = _raws_as_first_written(text)
    assert present == expected_present, text
    assert [(r.start, r.end) for r in raws] == [(s, e) for s, e, _ in expected], text
    # (the very entries: compared by identity)
    assert all(r.entry is entry for r, (_, _, entry) in zip(raws, expected, strict=True)), text
    return len(raws)


def test_scan_hits_in_the_order_first_written_on_sentences() -> None:
    assert sum(_check(text) for text in _SENTENCES) > 40


def test_scan_hits_in_the_order_first_written_on_generated_text() -> None:
    """Aliases of the table side by side, overlapping, cased at random, after "anti"."""
    rng = random.Random(55)
    keys = sorted(actors._KEYS)
    fillers = ["", " ", " and ", " of the ", ", ", "-", " anti-", " anti ", "Anti-", " from ",
               " é ", "\n", "  "]
    found = 0
    for _ in range(1_500):
        parts: list[str] = []
        for _ in range(rng.randint(0, 12)):
            key = rng.choice(keys).strip()
            if rng.random() < 0.3:
                key = key.upper() if rng.random() < 0.5 else key.title()
            parts.append(rng.choice(fillers) + key)
        text = "".join(parts)
        found += _check(text)
    assert found > 5_000


def test_evidence_sorted_as_by_start_and_field() -> None:
    """Ties of start and field kept in the order met, as the stable sort by (start, field)
    of the models did; ends and texts never compared."""
    rng = random.Random(56)
    fields = ["event_type", "event_date", "location", "actor1", "actor2", "fatalities",
              "sources"]
    ties = 0
    for _ in range(2_000):
        found: list[tuple[int, str, int, int, str]] = []
        for _ in range(rng.randint(0, 9)):
            start = rng.randint(0, 6)
            found.append((start, rng.choice(fields), len(found), start + rng.randint(0, 9),
                          rng.choice(["b", "a", "c", ""])))
        reference: list[Evidence] = sorted(
            (events._evidence(f, s, e, t) for s, f, _, e, t in found),
            key=lambda e: (e.start, e.field))
        ties += len({(s, f) for s, f, *_ in found}) < len(found)
        made = events._sorted_evidence(list(found))
        assert [e.model_dump() for e in made] == [e.model_dump() for e in reference], found
    assert ties > 200


def test_actor_mentions_are_find_actors() -> None:
    for text in _SENTENCES:
        for code in (None, "KE", "NG", "MZ"):
            assert list(actors.actor_mentions(text, 7, code)) == actors.find_actors(text, 7, code)
