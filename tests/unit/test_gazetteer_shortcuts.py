"""The gazetteer's shortcuts answer as the code they stand for, as first written (kept here
as the reference): the matcher's ratio worked out without a matcher, the letters in common
counted without a dict, and `core`/`skeleton`/`_bare` searching only names their patterns
may match in. Checked on the gazetteer's own names, spelling variants and generated
strings."""

from __future__ import annotations

import random
import re
from difflib import SequenceMatcher

import pytest
from unidecode import unidecode

from worker.extract import gazetteer
from worker.extract.gazetteer import (
    _ARTICLE,
    _DOUBLE,
    _NON_ALNUM,
    _PREFIX,
    _SUFFIX,
    _VOWELS,
    GeoNamesGazetteer,
    _bones,
    _common_letters,
    _first_group,
    _matched,
    _unarticled,
    _undoubled,
    core,
    fold,
    load_gazetteer,
    ratio,
)

_VARIANTS = ["Al Jifarah", "Aljfara", "Idleb", "Idlib", "Ad Diwaniyah", "Diwaniya", "Panjshayr",
             "Panjshir", "Ain Oussera", "Ain Oussara", "Nasiriyah", "Puli Alam", "Palma",
             "Kabul", "Kabal", "Qandahar", "Kandahar", "Shabeellaha Hoose", "Lower Shabelle",
             "aaab", "abbb", "Zhukovskiy", "Zhukovsky", "Mahilyow", "Mogilev", "", "A",
             "Barquisimeto", "Lara", "Sud-Kivu", "South Kivu", "Kunduz Province",
             "Province of Kunduz", "city of Cebu", "Kota Bharu", "State", "district",
             "Ash Sharqiyah", "El Fasher", "Al-Hasakah", "ech Chelif", "Aleppo", "Ellesmere",
             " Kabul", "Kabul ", "Kabul  City", "Ouagadougou\t", "D'Ivoire", "Bādghīs", "São Tomé",
             "Kyiv`s", "x", " ", "1", "Oblast 7", "ÆØ", "Łódź Voivodeship"]


def _ref_common_letters(first: str, second: str) -> int:
    counts: dict[str, int] = {}
    for char in second:
        counts[char] = counts.get(char, 0) + 1
    matches = 0
    for char in first:
        left = counts.get(char, 0)
        if left > 0:
            matches += 1
            counts[char] = left - 1
    return matches


def _ref_fold(name: str) -> str:
    text = (name if name.isascii() else unidecode(name)).lower()
    return _NON_ALNUM.sub(" ", text.replace("'", "").replace("`", "")).strip()


def _ref_core(name: str) -> str:
    text = _ref_fold(name)
    if " " not in text:
        return text
    text = _PREFIX.sub("", text)
    return _SUFFIX.sub("", text) or text


def _ref_bones(core_name: str) -> str:
    text = _ARTICLE.sub("", core_name.replace(" ", ""), count=1)
    text = text.replace("kh", "k").replace("q", "k").translate(_VOWELS)
    return _DOUBLE.sub(_first_group, text).rstrip("h")


@pytest.fixture(scope="module")
def names() -> list[str]:
    """A sample of the gazetteer's names (towns, regions and their aliases), the variants
    above and generated words of few letters (many repeats, runs and common letters)."""
    gaz = load_gazetteer()
    assert isinstance(gaz, GeoNamesGazetteer)
    rng = random.Random(11)
    out = list(_VARIANTS)
    out += rng.sample(gaz._city_names, 3_000)
    for admin in rng.sample(gaz._admins, 1_500):
        out += [admin.english, admin.name, *admin.aliases[:3]]
    words = ["al", "El", "Ā", "é", "\t", "`", " ", ".", "ash", "ech", "province", "of",
             "state", "city", "kota", "grad", "district", "shi", "lga", "kh", "q", "aa", "ll",
             "\n", "-", "'", "ab", "ba"]
    out += ["".join(rng.choice(words) + rng.choice(["", " ", "  ", "-"])
                    for _ in range(rng.randint(1, 5))) for _ in range(2_000)]
    return out


def test_ratio_as_the_matcher() -> None:
    rng = random.Random(5)
    pairs = [(a, b) for a in _VARIANTS for b in _VARIANTS]
    for _ in range(20_000):
        letters = rng.choice(["ab", "abc", "abcab ", "aeiou", "xyz\n"])
        pairs.append(("".join(rng.choice(letters) for _ in range(rng.randint(0, 16))),
                      "".join(rng.choice(letters) for _ in range(rng.randint(0, 16)))))
    pairs.append(("ab" * 150, "ba" * 120))  # (200 or more: the matcher's autojunk)
    pairs.append(("abc" * 80, "abc" * 70 + "x"))
    for first, second in pairs:
        assert ratio(first, second) == SequenceMatcher(None, first, second).ratio(), (
            first, second)
        assert _matched(first, second) == sum(
            b.size for b in SequenceMatcher(None, first, second).get_matching_blocks())


def test_ratio_of_names_as_the_matcher(names: list[str]) -> None:
    bare = [gazetteer._bare(name) for name in names[:1_500]]
    rng = random.Random(3)
    for _ in range(20_000):
        first, second = rng.choice(bare), rng.choice(bare)
        assert ratio(first, second) == SequenceMatcher(None, first, second).ratio()
        assert _common_letters(first, second) == _ref_common_letters(first, second)


def test_common_letters_as_first_written() -> None:
    rng = random.Random(9)
    for _ in range(20_000):
        first = "".join(rng.choice("aabcd e") for _ in range(rng.randint(0, 12)))
        second = "".join(rng.choice("abcdde") for _ in range(rng.randint(0, 12)))
        assert _common_letters(first, second) == _ref_common_letters(first, second)


def test_core_bones_and_bare_as_first_written(names: list[str]) -> None:
    stripped = 0
    for name in names:
        assert fold(name) == _ref_fold(name), name
        expected = _ref_core(name)
        assert core.__wrapped__(name) == expected, name
        stripped += expected != fold(name)
        folded = fold(name)
        assert _bones(folded) == _ref_bones(folded), name
        assert _bones(name) == _ref_bones(name), name  # (any text: line ends, hyphens)
        assert _unarticled(name.lower()) == _ARTICLE.sub("", name.lower(), count=1)
        assert _undoubled(name) == _DOUBLE.sub(_first_group, name)
        assert gazetteer._bare(name) == _ARTICLE.sub("", expected.replace(" ", ""), count=1)
    assert stripped > 100  # (prefixes and suffixes were there to strip)


def test_no_article_or_run_searched_in_vain() -> None:
    """The cheap tests skip only what the patterns could not match."""
    for text in ["alb", "al bab", "el", "e", "a", "", "ashsharqiyah", "x", "\n\n", "aa\n"]:
        assert _unarticled(text) == _ARTICLE.sub("", text, count=1)
        assert _undoubled(text) == _DOUBLE.sub(_first_group, text)
    assert re.fullmatch(r"[a-z0-9 ]*", fold("Côte d'Ivoire\tProvince\n"))


def test_place_helpers_as_first_written(names: list[str]) -> None:
    """`places._code_of` (a search and a slice) and `places._spelling_of` (the ratio without
    a matcher) answer as they were first written."""
    from worker.extract import places
    from worker.extract.gazetteer import skeleton

    def ref_spelling_of(words: str, name: str) -> bool:
        a, b = core(words), core(name)
        return a == b or skeleton(words) == skeleton(name) or (
            SequenceMatcher(None, a, b).ratio() >= 0.6)

    for code, name in [("UA", "donetsk"), ("CD", "nord kivu"), ("", "x"), ("XK", "")]:
        key = places._region_key(code, name)
        assert places._code_of(key) == key.partition("\x00")[0] == code
    assert places._code_of("no key") == "no key".partition("\x00")[0]
    rng = random.Random(1)
    answers = set()
    for _ in range(3_000):
        words, name = rng.choice(names), rng.choice(names)
        answers.add(ref_spelling_of(words, name))
        assert places._spelling_of(words, name) == ref_spelling_of(words, name), (words, name)
    for words in _VARIANTS:
        for name in _VARIANTS:
            answers.add(ref_spelling_of(words, name))
            assert places._spelling_of(words, name) == ref_spelling_of(words, name)
    assert answers == {True, False}


def test_country_names_capitalised_as_first_written() -> None:
    """`countries._found` keeps a name that starts with a capital, told by a comparison for
    ASCII (every character checked), and `find_countries` finds as it did with `isupper`."""
    from worker.extract import countries

    for code in range(0x110000):
        char = chr(code)
        assert (0x41 <= code <= 0x5A or (code > 0x7F and char.isupper())) == char.isupper()
    text = ("Fighting in Kenya spread to somalia; Éthiopie, ÉGYPTE and égypte, SUDAN's army, "
            "kenyan police and Kenyan troops, Uganda Today and china.")
    expected = [(code, start, end) for code, start, end in countries.find_countries(text)]
    assert [text[s:e] for _, s, e in expected] == ["Kenya", "SUDAN", "Kenyan"]
