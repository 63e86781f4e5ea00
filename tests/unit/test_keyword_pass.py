"""The shared keyword pass answers exactly as the code it stands in for (copied here as it was
first written): `_matches_of` (the automaton read from a `Final` list), `matches` and
`gate_read` kept in one entry a text, and `TextMemo` with the text met last found by identity.
Checked on the sentences of a benchmark corpus and on generated and hand-made edge cases:
empty, non-ASCII, punctuation, every ASCII character, and runs of the automaton's own keys
that overlap one another."""

from __future__ import annotations

import random

from tests.unit.generated import corpus_sentences, soups

# (with the modules that add their gate words and trigger keys to the automaton, as an
# Extractor has them: the texts matched as in the core, whatever else the run imported)
from worker.extract import actors, casualties, classify, dates, events, sources  # noqa: F401
from worker.extract.actors import Match, lowered, words_of

# ---------------------------------------------------------------- the code as first written


def _matches_of_as_first_written(text: str) -> tuple[str, str, list[Match]]:
    if text.isascii():
        low = text.lower()
        words = f" {low.encode('ascii').translate(actors._WORD_BYTES).decode('ascii')} "
    else:
        low = lowered(text)
        words = words_of(low)
    # (the automaton `keyscan` picked: test_keyscan checks the Rust one against pyahocorasick)
    return low, words, list(actors._AUTOMATON[0].iter(words))


def _read_gates_as_first_written(text: str) -> tuple[int, list[tuple[int, int, int]]]:
    present = 0
    out: list[tuple[int, int, int]] = []
    for last, (length, entries, _) in _matches_of_as_first_written(text)[2]:
        bits = actors._gate_bits(entries)
        if bits:
            present |= bits
            out.append((last, length, bits))
    return present, out


# ---------------------------------------------------------------- texts

def _key_words() -> list[str]:
    """Words of the automaton's own keys, so that runs of them hold keys that overlap (one
    key inside another, one key's end another's start)."""
    keys = [key for key, _ in actors._pairs()]
    words = sorted({word for key in keys for word in key.split()})
    return random.Random(2).sample(words, 400)


_EDGES = ["", " ", "\n", "a", "A", "-", "--", "...", "’", "“Police”", "İ", "K", "ǅ", "ß",
          "café", "Muñoz", "ſoldiers", "police—soldiers", "police\u00a0soldiers",
          "\x00police\x7f", "POLICE", "Police.", "(police)", "police's", "police’s", "a1b2",
          "the army and the police and the army", "gunmen gunmen gunmen",
          "Al-Shabaab al shabaab AL SHABAAB", "\t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028",
          "".join(chr(c) for c in range(128)), "".join(chr(c) for c in range(128, 400))]


def _texts() -> list[str]:
    keys = _key_words()
    joins = [" ", " ", " ", ", ", "-", ".", "’", "\u00a0", "", "\n", "(", "'s "]
    cased = [w.upper() for w in keys[:60]] + [w.capitalize() for w in keys[60:120]]
    return (corpus_sentences(40) + _EDGES
            + soups([*keys, *cased, "İ", "café", "—", "1", "_"], 3_000, 13, joins, (1, 12)))


_TEXTS = _texts()


# ---------------------------------------------------------------- the checks

def test_matches_as_first_written() -> None:
    overlapping = 0
    for text in _TEXTS:
        got = actors._matches_of(text)
        assert got == _matches_of_as_first_written(text), text
        ends = [last for last, _ in got[2]]
        overlapping += len(ends) != len(set(ends))
    assert overlapping > 100


def test_kept_matches_and_gates_as_first_written() -> None:
    rng = random.Random(17)
    texts = _TEXTS * 2
    # (fresh string objects too: a kept result is found by the text's value, not its identity)
    texts += ["".join(list(text)) for text in _TEXTS[:500]]
    rng.shuffle(texts)
    actors.clear_text_caches()
    hits = 0
    for at, text in enumerate(texts):
        if at % 700 == 0:
            actors.clear_text_caches()
        expected = _read_gates_as_first_written(text)
        # in every order: gates first or matches first, each asked once or twice in a row
        for ask in rng.sample(["gates", "matches", "gates", "matches"], rng.randint(1, 4)):
            if ask == "gates":
                assert actors.gate_read(text) == expected, text
            else:
                assert actors.matches(text) == _matches_of_as_first_written(text), text
        assert actors.read_gates(text) == expected, text
        hits += len(expected[1])
    assert hits > 3_000


def test_memo_finds_the_last_text_by_identity_and_by_value() -> None:
    memo = actors.TextMemo(2)
    text = "".join(["the ", "army"])
    same = "".join(["the ", "army"])
    assert text is not same
    assert memo.get(text) is None
    memo.put(text, 1)
    assert memo.get(text) == 1 and memo.get(same) == 1
    memo.put("x", 2)
    memo.put("y", 3)  # (rotated: the army in the older generation)
    assert memo.get(same) == 1 and memo.get(text) == 1 and memo.get("y") == 3
    memo.clear()
    assert memo.get(text) is None and memo.get("y") is None
    assert memo.get("") is None  # (the empty text, as the last text is when none was met)
    memo.put("", 4)
    assert memo.get("") == 4
    memo.clear()
    assert memo.get("") is None
