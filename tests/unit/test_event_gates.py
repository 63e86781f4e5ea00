"""The assembly's gates (`events._read`): bits that ride on the actors' automaton instead of
a pass of their own. Every bit the one-pass gates of before set (the gate words looked for
in the lower-cased text, copied here as they were) is still set, and each gated pattern
matches only where its bit is set: on every sentence of a benchmark corpus and on random
runs of the words the patterns are made of."""

from __future__ import annotations

import pytest

from tests.unit.generated import corpus_sentences, soups
from worker.extract import actors, casualties, events
from worker.extract.text import bits_automaton

#: The gates as they were: words looked for in the lower-cased text (one automaton pass).
_OLD_WORDS: dict[int, tuple[str, ...]] = {
    events._OFF_TOPIC_GATE: events._literal_stems(events._OFF_TOPIC),
    events._ATTRIBUTION_GATE: events._literal_stems(events._ATTRIBUTION),
    events._DEMONSTRATION_LINK_GATE: ("demonstration", "protest"),
    **casualties.GATE_WORDS,
}

#: The patterns the new gates stand for (the history gate's words are new, and the
#: intervention pattern had no gate).
_GATED = [
    (events._HISTORY_GATE, events._HISTORY_LOW),
    (events._INTERVENTION_GATE, events._INTERVENTION_LOW),
    (events._OFF_TOPIC_GATE, events._OFF_TOPIC_LOW),
    (events._ATTRIBUTION_GATE, events._ATTRIBUTION_LOW),
    (events._DEMONSTRATION_LINK_GATE, events._DEMONSTRATION_LINK_LOW),
]

_TOKENS = [
    "in", "the", "19", "20", "1990s", "2019", "2021", "in 2020", "in the 1990s", "since",
    "years", "decades", "ago", "last", "past", "year", "decade", "decades", "earlier", "this",
    "months", "weeks", "recent", "anniversary", "dispersed", "tear", "gas", "teargas",
    "tear-gas", "arrested", "detained", "intervened", "rubber", "bullets", "water", "cannons",
    "fired", "shots", "live", "air", "batons", "dissolved", "broke", "up", "cracked", "down",
    "no-one", "no one", "nobody", "killed", "dead", "wounded", "claimed", "responsibility",
    "protest", "demonstrations", "linked", "to", "fans", "league", "floods", "x", "7", ",",
    ".", "-", "'", "(", ")", "_", "s", "within", "sin", "20s", "0s", "outbreak", "of",
    "violence", "semi-final", "heavy", "rains", "oil", "prices", "crude", "a", "an",
    "related", "connected", "part", "with", "protests", "demonstration", "the recent",
]


def _texts() -> list[str]:
    texts = corpus_sentences(120)
    texts += soups(_TOKENS, 30_000, 11, [" ", " ", "", "  ", "\n", "-"], (1, 12))
    texts += ["", " ", "In 2019", "IN THE 1990S", "since 2001", "Years Ago", "intervened.",
              "x19", "2020", "fired  in the air", "tear\tgas"]
    texts += [f"{a} {b} {c}{d}" for a in ("related", "linked", "part", "tied", "xlinked")
              for b in ("to", "with", "of") for c in ("", "the ", "recent ongoing ", "an ")
              for d in ("protests", "demonstration", "protester", "demonstrations.")]
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def _old_gates(low: str) -> int:
    """The bits of the gate words (as they were) found in `low` where they start a word (in
    its `words_of` form: a space before), as the gates now read them (each gated pattern
    wants its words there; the casualty finder's hint, which counts them anywhere, is
    completed by `casualties.hint_inside`, see below)."""
    automaton = _old_gates.automaton  # type: ignore[attr-defined]
    present = 0
    for _, bits in automaton.iter(actors.words_of(low)):
        present |= bits
    return present


_old_gates.automaton = bits_automaton(  # type: ignore[attr-defined]
    {bit: tuple(" " + actors.words_of(word)[1:-1] for word in words)
     for bit, words in _OLD_WORDS.items()})


def test_every_bit_of_the_old_gates_is_still_set(texts: list[str]) -> None:
    set_bits = 0
    for text in texts:
        low, gates = events._read_worked(text)
        if not text.isascii():
            assert low is None and gates == events._ALL_GATES
            continue
        assert low == text.lower()
        old = _old_gates(low)
        assert old & ~gates == 0, (text, bin(old & ~gates))
        set_bits |= old
    assert set_bits == sum(_OLD_WORDS), bin(set_bits)  # every bit met at least once


def test_a_gated_pattern_matches_only_where_its_bit_is_set(texts: list[str]) -> None:
    found = dict.fromkeys([bit for bit, _ in _GATED], 0)
    for text in texts:
        low, gates = events._read_worked(text)
        if low is None:
            continue
        for bit, pattern in _GATED:
            if pattern.search(low) is not None:
                assert gates & bit, (pattern.pattern[:30], text)
                found[bit] += 1
    assert all(count >= 20 for count in found.values()), list(found.values())


def test_gate_words_become_automaton_keys_of_their_words_form() -> None:
    """'no-one' is looked for as 'no one'; a word no lower-cased ASCII text holds is left
    out; a word of punctuation only is refused."""
    assert actors._GATE_KEYS[" no one"] & 2
    assert " tear gas" in actors._GATE_KEYS and " in the 19" in actors._GATE_KEYS
    assert "tear gas" not in actors._GATE_KEYS  # (every key opens with a space)
    before = dict(actors._GATE_KEYS)
    # (bits no module takes: 40-59 are given out to gates of the core)
    actors.add_gate_words({1 << 61: ("Upper", "é")})
    assert before == actors._GATE_KEYS
    with pytest.raises(ValueError, match="without a letter"):
        actors.add_gate_words({1 << 60: ("--",)})
    assert actors.gates_of(actors.matches("No-one was hurt in 2019.")[2]) & 2


def test_one_gate_read_gives_what_each_reader_read(texts: list[str]) -> None:
    """`actors.gate_read` (the gate matches picked once per sentence) and `hits_of` give
    what `gates_of` and `gate_hits` give from the sentence's matches, for every mask its
    readers use (events' gates and country words, sources' words) and single bits."""
    from worker.extract import sources

    masks = [events._COUNTRY_GATE, sources._SOURCE_GATES, events._ALL_GATES, 1, 1 << 16,
             events._COUNTRY_GATE | events._ATTRIBUTION_GATE, -1]
    hits = 0
    for text in texts + [s.upper() for s in texts[:2_000]]:
        found = actors.matches(text)[2]
        read = actors.read_gates(text)
        assert read[0] == actors.gates_of(found), text
        for mask in masks:
            assert actors.hits_of(read, mask) == actors.gate_hits(found, mask), (text, mask)
        hits += len(read[1])
    assert hits > 10_000


_CASUALTY_TOKENS = [
    "12", "five", "a", "soldiers", "people", "studied", "bodies", "body of", "were", "was",
    "hospitalized", "hospitalised", "taken captive", "seized", "killed", "overkill", "unhurt",
    "injured", "uninjured", "died", "the soldier", "later", "lost his life", "lost-his-life",
    "xlost his li", "death toll", "rose to", "fatalities", "and", "no one", "nobody",
    "were hurt", "him", "shot dead", "kidnapped", "arrested", "found", "the", "of", "x", "é",
]


def test_casualties_with_the_keyword_gates_as_with_their_own(texts: list[str]) -> None:
    """The casualties the assembly finds with the keyword pass's gates (word starts, the
    hint completed by `hint_inside`) are those `find_casualties` finds with its own gates
    (each word anywhere in the text lower-cased): on the corpus and on runs of casualty
    words, some inside words ("soldiers" holds the hint "die", "overkill" "kill")."""
    runs = soups(_CASUALTY_TOKENS, 8_000, 7, [" ", " ", "", "-", ". "], (2, 10))
    found = 0
    for text in texts[:6_000] + runs:
        expected = tuple(casualties.find_casualties(text, 0))
        assert events._casualties_in(text, 0) == expected, text
        found += bool(expected)
    assert found > 1_000


@pytest.mark.parametrize(("text", "hinted"), [
    ("Five soldiers were seized at the border.", True),  # (the hint: "die" of "soldiers")
    ("Five men were seized at the border.", False),  # (no hint at all)
])
def test_a_hint_inside_a_word_counts_as_before(text: str, hinted: bool) -> None:
    low, gates = events._read_worked(text)
    assert low is not None and not gates & 1  # (no hint word starts a word)
    assert gates & casualties._RUN_GATES  # (another gate's word: where the hint decides)
    assert casualties.hint_inside(text, low, gates) & 1 == hinted
    assert events._casualties_in(text, 0) == tuple(casualties.find_casualties(text, 0))


def test_every_gate_word_starts_with_a_hint_word_but_seized() -> None:
    # (so that a text with a casualty figure has the hint at a word's start, not by chance
    # inside another word: "Twelve people were hospitalized" as "Twelve soldiers ...")
    hints = casualties._HINT_WORDS
    missing = {word for bit, words in casualties.GATE_WORDS.items() if bit != 1
               for word in words if not any(h in word for h in hints)}
    assert missing == {"seized", "no one", "no-one"}  # ("no one" needs a verb of the hint)
