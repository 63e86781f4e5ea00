"""Character-level shortcuts in `worker.extract.sources` and `worker.extract.actors` answer as
the tests they stand in for (written here as they were first written): a word read back by
character codes, a verb's case read by its codes, "said"/"told"... told apart by length and a
letter, the "by" a search needs at a window's end, and enum types told by identity."""

from __future__ import annotations

import re

import pytest

from tests.unit import generated
from worker.extract import actors, sources
from worker.extract.actors import _INITIATED_BY
from worker.models import ActorType

#: Words and characters around verbs and names: capitals, white space of every kind `\s`
#: holds (\x1c-\x1f, \x85, \u2003 among it), letters outside ASCII.
TOKENS = [
    "Smith", "said", "Said", "SAID", "says", "told", "TOLD", "he", "Police", "reported",
    "saidx", "xsaid", "added", "A", "al-", ",", ".", "\n", "\t", "\x0b", "\x1c", "\x1f",
    "\x85", "\u2003", "\u00a0", "_", "1", "é", "Éric", "İ", "saİd", "by", "the", "led by",
    "attacks", "raids by the", "BY", "  ",
]


def _soups(count: int, seed: int) -> list[str]:
    return generated.soups(TOKENS, count, seed, ["", " ", " ", "  ", "\n", "\x1c"], (1, 10))


def _capital_before_as_first_written(text: str, start: int) -> bool:
    at = start - 1
    if at < 0 or not text[at].isspace():
        return False
    while at >= 0 and text[at].isspace():
        at -= 1
    while at >= 0:
        char = text[at]
        if char.isspace():
            return False
        if 65 <= ord(char) <= 90:
            return True
        at -= 1
    return False


def test_capital_before_reads_codes_as_characters() -> None:
    """`_capital_before` by character codes answers as it did on the characters, at every
    place of texts with white space outside ASCII (which only the fall-back reads)."""
    checked = 0
    for text in _soups(3_000, seed=5):
        for start in range(len(text) + 1):
            assert sources._capital_before(text, start) == \
                _capital_before_as_first_written(text, start), (text, start)
            checked += 1
    assert checked > 50_000


def test_space_code_is_isspace() -> None:
    """`_space_code` is `str.isspace` for every code point below 0x3100 (all white space)."""
    text = "".join(chr(code) for code in range(0x3100) if not 0xD800 <= code < 0xE000)
    for at, char in enumerate(text):
        assert sources._space_code(text, at) == char.isspace(), hex(ord(char))


def test_verbs_as_written_are_the_set_look_up() -> None:
    """Where the keyword pass finds one of _SAID's verbs, `_verb_as_written` tells whether it
    is written as the pattern has it exactly as the look-up of the slice did ("Said",
    "saİd" not)."""
    seen = {True: 0, False: 0}
    for text in _soups(4_000, seed=9):
        for last, length, bits in actors.gate_read(text)[1]:
            if bits & sources._SAID_GATE:
                start, end = last - length + 1, last - 1
                expected = text[start:end] in sources._SAID_VERBS
                assert sources._verb_as_written(text, start, end) == expected, text
                seen[expected] += 1
    assert seen[True] > 500 and seen[False] > 100


@pytest.mark.parametrize("word", sources._SAID_WORDS)
def test_org_verb_at_picks_org_said_verbs(word: str) -> None:
    """Of _SAID's verbs, `_org_verb_at` picks exactly _ORG_SAID's, in place in a text."""
    low = f"the police {word} that"
    start = low.index(word, 11)
    assert sources._org_verb_at(low, start, start + len(word)) == \
        (word in sources._ORG_VERB_WORDS)


@pytest.mark.parametrize("window", [
    "attacks led by ", "attacks led by the ", "attacks led by\n", "attacks led by \n",
    "raids by the\n", "attack by", "attacks by them ", "the ", "", "by", " by\u2003",
    "an offensive carried out by the\x1c", "standby ", "bythe ",
])
def test_by_last_holds_wherever_initiated_by_matches(window: str) -> None:
    """`_by_last` is false only where `_INITIATED_BY` finds nothing (it may be true where the
    search then fails: "standby ")."""
    if _INITIATED_BY.search(window):
        assert actors._by_last(window)
    elif not window.rstrip().endswith(("by", "the")) or not window[-1:].isspace():
        assert not actors._by_last(window)


def test_by_last_on_generated_windows() -> None:
    for text in _soups(5_000, seed=13):
        window = text.lower()
        if _INITIATED_BY.search(window):
            assert actors._by_last(window), window


@pytest.mark.parametrize("actor_type", list(ActorType))
def test_group_type_is_set_membership(actor_type: ActorType) -> None:
    """`_group_type` by identity is `in _NAMED_GROUP_TYPES` for every actor type, and for an
    equal value that is not the member itself (the set's look-up then)."""
    assert actors._group_type(actor_type) == (actor_type in actors._NAMED_GROUP_TYPES)
    if isinstance(actor_type.value, str):
        twin = re.sub("", "", actor_type.value)  # an equal string, not the member
        assert actors._group_type(twin) == (twin in actors._NAMED_GROUP_TYPES)  # type: ignore[arg-type]
