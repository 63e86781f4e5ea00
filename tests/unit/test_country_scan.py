"""`countries.find_countries_in` (the automaton's scan run only in the sentences where the
shared keyword pass saw a country's name, `events._country_words`) finds what
`countries.find_countries` finds scanning the whole text: on a benchmark corpus, on the seeds'
and hand-made edge cases (names across sentence ends: "U.S. Virgin Islands" after a lower-case
"u.s.", names in brackets and with commas, letters outside ASCII, names inside words), and on
random texts made of names, parts of names and the characters between them."""

from __future__ import annotations

import random
import re

import pytest

from benchmarks.corpus import articles_of_size
from worker.extract import countries, events
from worker.extract.text import split_sentences
from worker.extract.types import Sentence

EDGES = [
    "", " ", "\n", "Kenya", " Kenya ", "Kenya.", "in Kenya. Uganda too", "KENYA. kenya. Kenya",
    "the u.s. Virgin Islands", "U.s. Virgin Islands", "Go to the U.s. Virgin Islands now.",
    "U.s.\nVirgin Islands", "U.s.  Virgin Islands",
    "They went to the u.s. Virgin Islands were calm.",
    "They went to the u.s.  Virgin Islands.", "He left the u.s.\nVirgin Islands",
    "It was U.S. Army. Virgin Islands. U.S.", "to the Cocos (Keeling). Islands",
    "Korea, Republic of. Korea, Democratic People's Republic of", "Congo-Kinshasa. Congo.",
    "Côte d'Ivoire. Cote d'Ivoire. CÔTE D'IVOIRE", "Burkinabè troops. Burkinabe.",
    "İstanbul, Türkiye. Turkey. Türkiye'de", "A woman. Somalia. Somali. Romania. Oman.",
    "Nigerian. Niger. Nigeria. NIGERIANS", "Mali_Kenya. _Kenya. Kenya_ . 9Kenya. Kenya9.",
    ".Kenya. x.Kenya. Kenya.x", "India Today said. India Times. India, today.",
    "South Sudan. South. Sudan.", "south Sudanese. The Democratic Republic of the Congo.",
    "United States. United. States", "St. Lucia. Saint Lucia.", "\u00a0Kenya.\u00a0Uganda",
    "Bonaire, Saint Eustatius and Saba . Bonaire, Sint Eustatius and Saba",
    "Σ. Kenya ΣΑΣ. Greece", "Ethiopia’s troops. Sudan‘s. “Kenya.” (Uganda.) [Chad.]",
]

#: The pieces random texts are made of: names as written and cased otherwise, the parts of
#: names before a space, and what comes between words and sentences.
_PIECES = [
    *countries.gate_keys()[::7],
    "u.s.", "U.S.", "u.s", "U.s. Virgin Islands", "U.s.", "Virgin Islands", "virgin islands",
    "Cocos (Keeling)", "Islands", "Korea,", "Republic of", "Congo", "Guinea-Bissau",
    "Côte d'Ivoire", "Burkinabè", "South", "woman", "Romania", "Nigeria", "İ", "ß", "é", "Σ",
    "x", "Army", "Today", "Times", "9", "_", "-", "'", "’", "(", ")", ",", ".",
]
_BETWEEN = [" ", " ", " ", "  ", ". ", ".  ", ". ", "! ", "? ", ".\n", "\n", "\n\n", ".) ",
            '." ', "’ ", ", ", "-", "", "\u00a0", "\t", ". \n"]


def _cased(rng: random.Random, piece: str) -> str:
    return rng.choice([piece, piece.title(), piece.upper(), piece.lower(), piece.capitalize()])


def _random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 14)):
        parts.append(_cased(rng, rng.choice(_PIECES)))
        parts.append(rng.choice(_BETWEEN))
    text = "".join(parts)
    return text if rng.random() < 0.5 else " \n" + text


def _by_sentences(text: str) -> list[tuple[str, int, int]]:
    sentences = split_sentences(text)
    return countries.find_countries_in(
        text, sentences, [events._country_words(s.text) for s in sentences])


@pytest.mark.parametrize("text", EDGES)
def test_edge_cases(text: str) -> None:
    assert _by_sentences(text) == countries.find_countries(text)


def test_benchmark_corpus() -> None:
    texts = [a.body for a in articles_of_size(3_000, 150)] + [
        a.body for a in articles_of_size(20_000, 10)]
    found = 0
    for text in texts:
        expected = countries.find_countries(text)
        assert _by_sentences(text) == expected
        found += len(expected)
    assert found > len(texts)  # (the corpus names countries: the test compares something)


def test_random_texts() -> None:
    rng = random.Random(20261130)
    found = 0
    for _ in range(6_000):
        text = _random_text(rng)
        expected = countries.find_countries(text)
        assert _by_sentences(text) == expected, text
        found += len(expected)
    assert found > 1_000


def test_every_sentence_scanned_is_the_whole_scan() -> None:
    """The parting of the text alone (every sentence scanned whole) changes nothing either."""
    rng = random.Random(7)
    for _ in range(3_000):
        text = _random_text(rng)
        sentences = split_sentences(text)
        assert countries.find_countries_in(text, sentences, [None] * len(sentences)) == \
            countries.find_countries(text), text


def test_only_the_words_found_are_scanned() -> None:
    """(The shortcut is one: a sentence without such a word is skipped, and so is the text of
    a sentence away from them.)"""
    text = "Kenya is calm. Uganda is calm, Chad is calm."
    sentences = split_sentences(text)
    assert countries.find_countries_in(text, sentences, [[], [(0, 6)]]) == [("UG", 15, 21)]
    assert countries.find_countries_in(text, sentences, [[], [(16, 20)]]) == [("TD", 31, 35)]
    assert [events._country_words(s.text) for s in sentences] == [[(0, 5)], [(0, 6), (16, 20)]]
    assert events._country_words("A woman is calm.") == []
    assert events._country_words("Muñoz is calm.") is None


def test_ascii_text_is_read_as_if_lower_cased() -> None:
    """`find_countries_in` reads ASCII text as it is (lower-cased only in the spans scanned):
    the helpers give at every position what they give on the text lower-cased."""
    rng = random.Random(30)
    checked = 0
    for _ in range(2_000):
        text = _random_text(rng)
        if not text.isascii():
            continue
        low = text.lower()
        sentences = split_sentences(text)
        for begin in {0, *(s.start for s in sentences)}:
            for at in range(begin, len(text) + 1):
                assert countries._at_root(text, at, begin) == countries._at_root(low, at, begin)
                assert countries._parted(text, begin, at) == countries._parted(low, begin, at)
        for index, sentence in enumerate(sentences):
            until = sentences[index + 1].start if index + 1 < len(sentences) else len(text)
            assert countries._joined(text, sentence, until) == \
                countries._joined(low, sentence, until)
        checked += 1
    assert checked > 500


def test_the_word_after_a_name_is_the_patterns() -> None:
    """`countries._next_word` reads the word after a name as `\\s+(\\w+)` matches it."""
    pattern = re.compile(r"\s+(\w+)")
    texts = [a.body for a in articles_of_size(3_000, 40)] + [
        "Kenya", "Kenya ", "Kenya  Today", "Kenya\tTimes.", "Kenya\u00a0Star", "Kenya-News",
        "Kenya _post", "Kenya 24", "Kenya Ärzte", "Kenya\x1cNews", "Kenya ’s", "Kenya Times_x y",
        "Kenya Ab-cd ef", "Kenya Ab.cd", "Kenya Times\u00a0x", "Kenya Times"]
    for text in texts:
        for end in range(len(text) + 1):
            found = pattern.match(text, end)
            assert countries._next_word(text, end) == (found.group(1) if found else ""), end


def test_ends_in_answers_as_the_endswith_of_every_part() -> None:
    """`countries._ends_in` (the parts before a character read backwards, a trie) answers as
    `endswith` over every part before that character (`_PARTS`, by their pair: the index
    the scan read them by before) of the text lower-cased, at every end and from several
    begins, around the parts themselves, of the text it reads: ASCII text as it is (in any
    case) or text lower-cased."""
    import random

    rng = random.Random(45)
    by_char: dict[str, tuple[str, ...]] = {}
    for pair, parts in countries._PARTS.items():
        by_char[pair[1]] = by_char.get(pair[1], ()) + parts
    assert set(by_char) == set(countries._PART_TRIE)
    every = sorted({part for parts in by_char.values() for part in parts})
    pieces = every + [p.upper() for p in every[:20]] + [p.title() for p in every[20:40]] + [
        "x", " ", "a", "İ", "é", "É", ",", "s", "D", "U", "ı", "K", "K"]
    checked = {False: 0, True: 0}
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        low = countries._lowered(text)
        for char, parts in by_char.items():
            root = countries._PART_TRIE[char]
            for end in range(len(text) + 1):
                for begin in (0, max(0, end - 3), end // 2):
                    for read in ((text, low) if text.isascii() else (low,)):
                        expected = read[begin:end].lower().endswith(parts)
                        assert countries._ends_in(root, read, begin, end) == expected, (
                            char, text, begin, end)
                        checked[expected] += 1
    assert checked[True] > 100


def _at_root_as_first_written(lowered: str, at: int, begin: int) -> bool:
    """`countries._at_root` as written before the trie: the parts looked up by the pair of
    the characters before `at` (either case), the text's end compared with each."""
    if at <= begin:
        return True
    char = lowered[at - 1]
    if char.isalnum():
        return False
    if char not in countries._ALPHABET:
        return True
    if at - 1 <= begin:
        return True
    pair = lowered[at - 2:at].lower()
    parts = countries._PARTS.get(pair)
    return parts is None or not lowered[begin:at - 1].lower().endswith(parts)


def _joined_as_first_written(lowered: str, sentence: Sentence, until: int) -> bool:
    end = sentence.end
    if end >= until:
        return False
    char = lowered[end]
    if char == " ":
        parts = countries._PARTS.get(lowered[end - 1:end + 1].lower())
        if parts is not None and lowered[sentence.start:end].lower().endswith(parts):
            return True
    elif char in countries._ALPHABET:
        return True
    return not countries._parted(lowered, end + 1, until)


def test_at_root_and_joined_as_first_written() -> None:
    """`_at_root` and `_joined` (the parts read off the trie) answer as they did by the pairs,
    at every position of random texts and of the benchmark corpus, as written and
    lower-cased."""
    rng = random.Random(52)
    texts = [_random_text(rng) for _ in range(1_500)] + [
        a.body for a in articles_of_size(3_000, 10)] + EDGES
    for text in texts:
        low = countries._lowered(text)
        sentences = split_sentences(text)
        for read in ((text, low) if text.isascii() else (low,)):
            for begin in {0, *(s.start for s in sentences)}:
                for at in range(begin, len(text) + 1):
                    assert countries._at_root(read, at, begin) == _at_root_as_first_written(
                        read, at, begin), (text, at, begin)
            for index, sentence in enumerate(sentences):
                until = sentences[index + 1].start if index + 1 < len(sentences) else len(text)
                assert countries._joined(read, sentence, until) == _joined_as_first_written(
                    read, sentence, until), (text, index)


def test_lowered_is_str_lower_char_for_char() -> None:
    """`countries._lowered` (Latin-1 text lowered as bytes by a table) is the lower case as
    first written: `str.lower`, a character for a character where a lower case is longer;
    on random soups of ASCII, Latin-1 and other letters (capitals, "İ", "ẞ"). (No "Σ": the
    compiled core's `str.lower`, mypyc's, lowers it as "σ" at a word's end too, where
    CPython's writes "ς": either build's `_lowered` is its own `str.lower` there.)"""
    import random

    def as_first_written(text: str) -> str:
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = "".join(ch.lower()[0] for ch in text)
        return lowered

    pieces = ["Kabul", "A", "z", " ", "\n", "É", "é", "Ñ", "Þ", "ß", "ÿ", "×", "µ", "\xa0",
              "\x85", "İ", "ẞ", "ć", "Č", "’", "1", "Ǆ", "𝐀", "\xff", "\xc0"]
    rng = random.Random(49)
    kinds = set()
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert countries._lowered(text) == as_first_written(text), text
        kinds.add(max(text, default="a") <= "\xff")
    assert kinds == {True, False}
    for code in range(256):
        assert countries._lowered(chr(code)) == chr(code).lower(), code


def test_folded_as_first_written() -> None:
    """`countries._folded` (names of ASCII letters and spaces folded without the regex) folds
    as first written: on the regions' names, the countries' and random soups of letters,
    spaces, digits and marks."""
    def as_first_written(name: str) -> str:
        return " ".join(re.sub(r"[^a-z]+", " ", name.casefold()).split())

    names = [name for pair in countries.REGION_NAMES.items() for name in (pair[0][1], pair[1])]
    names += [*countries.ACLED_NAMES.values(), *countries.ALIASES, *countries._names()]
    pieces = ["Kano", "north", " ", "  ", "-", "'", "é", "É", "ß", "İ", "K", "1", "\t", "\u00a0",
              ",", "Al", "x", ""]
    rng = random.Random(53)
    names += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(5_000)]
    plain = 0
    for name in names:
        assert countries._folded(name) == as_first_written(name), name
        plain += name.isascii() and name.replace(" ", "").isalpha()
    assert plain > 100


def _found_as_first_written(text: str, lowered: str | None, spans: list[tuple[int, int]],
                            offset: int) -> list[tuple[str, int, int]]:
    out = []
    automaton = countries._automaton()
    for begin, stop in spans:
        if begin >= stop:
            continue
        if lowered is None:
            scanned = automaton.iter_long(text[begin:stop].lower())
            shift = begin
        else:
            scanned = automaton.iter_long(lowered, begin, stop)
            shift = 0
        for end_index, (name, code) in scanned:
            end_index += shift
            start = end_index - len(name) + 1
            end = end_index + 1
            if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._")) or (
                end < len(text) and text[end].isalnum()
            ):
                continue
            if not text[start].isupper():
                continue
            after = re.match(r"\s+(\w+)", text[end:])
            if after is not None and after.group(1).lower() in countries._OUTLETS:
                continue
            out.append((code, offset + start, offset + end))
    return out


def test_found_as_first_written() -> None:
    """`_found` scans each span of the lower-cased text as a slice of its own (the automaton
    copies the whole string it is given): the same matches as a scan of the span in place."""
    rng = random.Random(11)
    texts = [a.body for a in articles_of_size(3_000, 40)]
    texts += [t.replace("e", "é", 5) for t in texts[:15]] + [_random_text(rng)
                                                           for _ in range(2_000)]
    found = 0
    for text in texts:
        lowered = None if text.isascii() and rng.random() < 0.5 else countries._lowered(text)
        size = len(text)
        spans = [(0, size)]
        for _ in range(rng.randint(0, 6)):
            begin = rng.randint(0, size)
            spans.append((begin, rng.randint(begin, size)))
        spans.append((size // 2, size // 2))
        for span in spans:
            expected = _found_as_first_written(text, lowered, [span], 3)
            assert countries._found(text, lowered, [span], 3) == expected, (text, span)
            found += len(expected)
    assert found > 1_000


def _root_spans(rng: random.Random, lowered: str) -> list[tuple[int, int]]:
    """Spans of `lowered` as `find_countries_in` makes them for one sentence (the whole
    text) around some of its words: each from and to where the scan is in the root."""
    words = [m.span() for m in re.finditer(r"\w+", lowered)]
    size = len(lowered)
    windows = sorted((countries._back_to_root(lowered, start, 0),
                      countries._on_to_root(lowered, stop, 0, size))
                     for start, stop in rng.sample(words, min(len(words), rng.randint(1, 9))))
    spans: list[tuple[int, int]] = []
    for low, high in windows:
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(high, spans[-1][1]))
        else:
            spans.append((low, high))
    return spans


def test_found_of_spans_as_each_alone() -> None:
    """`_found` scans its spans (as `find_countries_in` makes them) as one text, joined by a
    character of no name: the same matches as each span scanned alone, one after the other
    (each span ends where the scan of the text is back in the root after the character that
    follows: the separator does as that character does)."""
    rng = random.Random(12)
    texts = [a.body for a in articles_of_size(3_000, 60)]
    texts += [t.replace("e", "é", 5) for t in texts[:15]] + [_random_text(rng)
                                                           for _ in range(4_000)]
    several = matches = 0
    for text in texts:
        lowered = countries._lowered(text)
        if not re.search(r"\w", lowered):
            continue
        spans = _root_spans(rng, lowered)
        scanned = None if text.isascii() and rng.random() < 0.5 else lowered
        expected = [hit for span in spans
                    for hit in _found_as_first_written(text, scanned, [span], 3)]
        assert countries._found(text, scanned, spans, 3) == expected, (text, spans)
        several += len(spans) > 1
        matches += len(expected)
    assert several > 500 and matches > 500


def test_flat_trie_roots_and_columns_answer_as_the_characters() -> None:
    """The flat trie's tables (`countries._ASCII_ROOTS`, `_TRIE_COLUMNS`) read an ASCII
    character as `_at_root` read it before them: a letter or digit is `_ALNUM`, any other
    its root in `_PART_TRIE` or `_NO_NODE`; both cases of a letter share a column, and a
    character of no part has column 0, which leads nowhere from any node."""
    for code in range(128):
        char = chr(code)
        expected = countries._ALNUM if char.isalnum() else countries._PART_TRIE.get(
            char, countries._NO_NODE)
        assert countries._ASCII_ROOTS[code] == expected, char
        if char.isalpha():
            assert countries._TRIE_COLUMNS[code] == countries._TRIE_COLUMNS[
                ord(char.swapcase())], char
    width = countries._TRIE_WIDTH
    nodes = len(countries._TRIE_LAST)
    assert len(countries._TRIE_NEXT) == nodes * width
    assert all(countries._TRIE_NEXT[node * width] == countries._NO_NODE
               for node in range(nodes))
    assert countries._TRIE_COLUMNS[ord("!")] == 0
    assert "ô" in {chr(code) for code in countries._TRIE_WIDE_COLUMNS}
