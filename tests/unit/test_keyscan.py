"""The Rust keyword automaton (`worker.extract.keyscan`, native/keyscan) gives exactly what
pyahocorasick's `Automaton.iter` gives for the same keys and values (the code as first
written, kept here as the reference): the same matches, overlapping ones included, with the
same character indices and value objects, in the same order. Checked with the shared
automaton's own keys on the benchmark corpus's sentences and on runs of its keys, and with
generated keys and texts over a few characters, ASCII or not (so that keys overlap, share
their ends, and sit inside one another), and hand-made edge cases."""

from __future__ import annotations

import os
import random
from collections.abc import Iterable

import pytest

from tests.unit.generated import corpus_sentences, soups

# (with the modules that add their gate words and trigger keys to the shared automaton, so
# that its keys are the core's)
from worker.extract import (  # noqa: F401
    actors,
    casualties,
    classify,
    dates,
    events,
    keyscan,
    sources,
)

#: The reference: pyahocorasick's automaton of the pairs, its `iter` as a list (the keyword
#: pass as first written, and the pure build's automaton).
_Reference = keyscan._Pure


def _iter_as_first_written(pairs: Iterable[tuple[str, object]], text: str
                           ) -> list[tuple[int, object]]:
    return _Reference(pairs).iter(text)


def _rust() -> object:
    """The Rust automaton's type (skips where it is not built and not required)."""
    if keyscan.RUST is None:
        if os.environ.get("WORKER_REQUIRE_NATIVE", "") not in ("", "0"):
            pytest.fail("WORKER_REQUIRE_NATIVE is set, but the Rust automaton is not in use")
        pytest.skip(f"the Rust keyword automaton is not in use: {keyscan._rust_problem()[0]}")
    return keyscan.RUST


def _same(got: list[tuple[int, object]], expected: list[tuple[int, object]]) -> bool:
    """Equal, each value the very object the reference gives."""
    return (len(got) == len(expected)
            and all(g[0] == e[0] and g[1] is e[1] for g, e in zip(got, expected, strict=True)))


def _accented(text: str, rng: random.Random) -> str:
    """`text` with some letters swapped for characters other than ASCII, of 2, 3 and 4 UTF-8
    bytes, so that byte offsets and character indices part."""
    swaps = {"a": "á", "e": "€", "o": "ő", "i": "😀", "n": "ñ", " ": "\u3000"}
    return "".join(swaps[ch] if ch in swaps and rng.random() < 0.15 else ch for ch in text)


def test_the_shared_automaton_on_real_sentences_and_runs_of_its_keys() -> None:
    rust = _rust()
    pairs: list[tuple[str, object]] = list(actors._pairs())
    reference = _Reference(pairs)
    automaton = rust(pairs)  # type: ignore[operator]
    assert len(automaton) == len({key for key, _ in pairs})
    rng = random.Random(5)
    keys = [key for key, _ in pairs]
    sentences = corpus_sentences(30)
    texts = [actors.matches(s)[1] for s in sentences] + [s.lower() for s in sentences]
    texts += soups(keys, 1_500, 3, [" ", "", "-", "  ", "é "], (1, 10))
    texts += [_accented(text, rng) for text in texts[::3]]
    matched = overlapping = 0
    for text in texts:
        got, expected = automaton.iter(text), reference.iter(text)
        assert _same(got, expected), text
        matched += len(got)
        ends = [last for last, _ in got]
        overlapping += len(ends) != len(set(ends))
    assert matched > 20_000 and overlapping > 500
    # (and the core's own pass, with the automaton `keyscan` picked: values alike, not the
    # same objects, as `_pairs` makes new entries, which compare by identity)
    for sentence in sentences[:200]:
        words = actors.matches(sentence)[1]
        assert repr(actors._AUTOMATON[0].iter(words)) == repr(reference.iter(words)), sentence


@pytest.mark.parametrize("seed", range(12))
def test_generated_keys_and_texts(seed: int) -> None:
    rust = _rust()
    rng = random.Random(seed)
    alphabet = rng.choice(["ab", "abc ", "aé€😀 ", "xyz\u00e9\u0301 -", "ab\U0001f600\u3000"])
    pairs: list[tuple[str, object]] = [
        ("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))), object())
        for _ in range(rng.randint(1, 60))]
    pairs += pairs[: rng.randint(0, 5)]  # (keys given twice: the later value stays)
    pairs += [(key, object()) for key, _ in pairs[: rng.randint(0, 5)]]
    reference = _Reference(pairs)
    automaton = rust(pairs)  # type: ignore[operator]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert _same(automaton.iter(text), reference.iter(text)), (pairs, text)


def test_edge_cases() -> None:
    rust = _rust()
    pairs: list[tuple[str, object]] = [
        (key, object()) for key in ["a", "aa", "aaa", "ba", "cba", "b", "é", "éé", "€a", "a€",
                                     "😀", "😀😀a", " the ", "the", "he", "e", "", "\u3000x"]]
    pairs.append(("aa", "replaced"))
    reference = _Reference(pairs)
    automaton = rust(pairs)
    texts = ["", " ", "a", "aaaa", "cbaaa", "é", "éééé€a€a", "😀😀😀aa", " the the  there ",
             "xa\ud800aa", "\ud83d\ude00", "\udfff😀", "é\ud800éé", "\u3000x\u3000x",
             "".join(chr(c) for c in range(1, 600)), "a" * 5_000 + "é" + "a" * 5]
    for text in texts:
        assert _same(automaton.iter(text), reference.iter(text)), text
    assert rust([]).iter("any text") == []  # type: ignore[operator]
    with pytest.raises(TypeError):
        automaton.iter(b"bytes")


def test_match_states_of_many_keys_at_one_end() -> None:
    """The DFA's walk reports each match state's every key, in the state's order (its own
    key, then its failure states' keys, longest first), at the text's first and last
    characters too, and keeps walking from a match state as from any other."""
    rust = _rust()
    chain = ["z" * size for size in range(1, 9)] + ["yz", "xyz", "wxyz", " wxyz ", "w"]
    pairs: list[tuple[str, object]] = [(key, object()) for key in chain]
    reference = _Reference(pairs)
    automaton = rust(pairs)  # type: ignore[operator]
    texts = ["z", "zzzzzzzzzzzz", "wxyzzz", " wxyz ", "wxyz wxyz", "€wxyz€zz", "zwxyzw",
             "zz\ud800zz", "w" * 3 + "x" + "yz" * 3]
    for text in texts:
        got = automaton.iter(text)
        assert _same(got, reference.iter(text)), text
    assert len(automaton.iter("z" * 12)) == sum(min(end, 8) for end in range(1, 13))


def test_make_automaton_gives_what_pyahocorasick_gives() -> None:
    # (whichever automaton `keyscan` picks: the Rust one, or pyahocorasick's own)
    pairs: list[tuple[str, object]] = [(" army ", 1), (" the army ", 2), ("rmy", 3), ("é", 4)]
    automaton = keyscan.make_automaton(pairs)
    for text in ["", " the army and the army ", " l'armée army ", "é" * 3]:
        assert automaton.iter(text) == _iter_as_first_written(pairs, text)


def test_the_finder_modules_automata_give_what_pyahocorasick_gave() -> None:
    """casualties' gate words and side stems and sources' needed words (built by `keyscan`
    now): the matches their pyahocorasick automata, as first written, gave."""
    gates: dict[str, int] = {}
    for bit, words in casualties.GATE_WORDS.items():
        for word in words:
            gates[word] = gates.get(word, 0) | bit
    stems: dict[str, set[int]] = {}
    for key, (_, words) in enumerate(casualties._SIDE_CLASSES):
        for word in words:
            stems.setdefault(word, set()).add(key)
    needed: dict[str, int] = {}
    for bit, words in sources._GATE_WORDS_AS_WRITTEN.items():
        for word in words:
            needed[word] = needed.get(word, 0) | bit
    cases: list[tuple[keyscan.Automaton[object], list[tuple[str, object]]]] = [
        (casualties._GATES, list(gates.items())),
        (casualties._SIDE_STEMS, [(word, frozenset(keys)) for word, keys in stems.items()]),
        (sources._NEEDED, [(word, (bits, len(word))) for word, bits in needed.items()])]
    rng = random.Random(9)
    sentences = corpus_sentences(20)
    texts = sentences + [s.lower() for s in sentences]
    texts += [_accented(text, rng) for text in texts[::4]] + ["", " ", "\ud800 killed"]
    matched = 0
    for automaton, pairs in cases:
        reference = _Reference(pairs)
        for text in texts:
            got = automaton.iter(text)
            assert got == reference.iter(text), text
            matched += len(got)
    assert matched > 2_000


def _matches_as_first_written(text: str) -> tuple[str, str, list[tuple[int, object]]]:
    """`actors._matches_of` as first written: the text lowered and made its words form in
    Python, then searched."""
    low = actors.lowered(text)
    words = actors.words_of(low)
    return low, words, actors._AUTOMATON[0].iter(words)


def test_read_ascii_is_the_keyword_pass_as_first_written() -> None:
    """`keyscan.READ_ASCII` (the lowering, the words form and the search in one Rust call)
    gives what Python's lowering and words form, then the automaton's `iter`, give, for every
    ASCII text (each byte below 128, upper case, digits and marks among them), and None for
    any other text."""
    _rust()
    read = keyscan.READ_ASCII
    assert read is not None
    automaton = actors._AUTOMATON[0]
    rng = random.Random(7)
    texts = corpus_sentences(30)
    texts += ["", " ", "A", "KILLED", "Police Killed 3 in Kano.", "".join(map(chr, range(128))),
              "\x00\x7f police \t\nKILLED_", "ab" * 3_000 + " killed"]
    texts += ["".join(chr(rng.randrange(128)) for _ in range(rng.randint(0, 80)))
              for _ in range(300)]
    checked = 0
    for text in texts:
        got = read(automaton, text)
        if not text.isascii():
            assert got is None, text
            continue
        assert got is not None
        expected = _matches_as_first_written(text)
        assert got[0] == expected[0] and got[1] == expected[1], text
        assert _same(got[2], expected[2]), text
        checked += 1
    assert checked > 300
    for text in ["é", "police é killed", "\ud800", "😀 killed", "\u3000"]:
        assert read(automaton, text) is None, text
