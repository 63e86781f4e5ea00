"""The shortcuts that stand in for the extraction core's slower regex searches answer exactly
as the searches they replace (the patterns as first written, copied here), on every context
of a benchmark corpus and on hand-made edge cases (white space, line ends, case, window
edges, letters whose case folds oddly)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from benchmarks.corpus import articles_of_size
from tests.unit import generated
from worker.extract import places
from worker.extract.text import mirrored, search_before

EDGES = [
    "", " ", "in", "in ", "in\n", "in \n", "in\n\n", "In  ", "IN\t", "main ", "within ",
    "of the ", "OF THE\n", "the town of ", "the Town Of ", "Kabul,", "Kabul, ", "Kabul,\n",
    "north-eastern ", "northeastern ", "north eastern ", "Northern ", "in Northern ",
    "in northern ", "near the central ", "near the village of ", "in the sub-county of ",
    "close to ", "border with ", "borders with the ", "border  with ", "via ", "İn ", "İN ",
    "toward ", "Towards the ", "x,\u00a0", "in\u2003", "in downtown ", "rural ",
    "in the villages of ", "outskirts of the ", "and ", "And\r\n", "\nin ", "xin ", "_in ",
    "éin ", "in the the ", ", the ", "between the north-western neighbourhood of ",
    "at the rural area of ", "a" * 39 + " in ", "a" * 38 + " in ", "to" + " " * 40,
    "towardſ ", "TOWARDS\u2003the\n", "froM  ", "fled into\n",
    # (words of going read backwards: `places._away_words_before`)
    "border of ", "Border  of ", "BORDER OF THE ", "borders of ", "borders with\t",
    "xborder with ", "_border of ", "border_of ", "border\twith ", "border-with ",
    "onto the ", "into the ", "Into  The\n", "the ", "\tthe ", "(the ", "2from ", "from2 ",
    "from_ ", "_to ", "-to ", "(to ", "to the the ", "from the  ", "via\r\nthe ",
    "the border of the ", "x" * 27 + " to ", "x" * 26 + " to ", "to" + " " * 27,
    "the" + " " * 27, "border" + " " * 20 + "with ", "x" * 22 + "border of ",
    "x" * 20 + " border of ", "ab with ", "a of ", " of ", " with ",
]

#: The patterns as they were before their mirrors came: the reference.
_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|outside|around|from|into|of|towards|to|across|between|and|on)\s+"
    r"(?:the\s+)?(?-i:(?:central|northern|southern|eastern|western|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|downtown|rural)\s+)?(?:(?:town|city|"
    r"village|villages|district|province|county|region|area|"
    r"state|governorate|municipality|outskirts|suburb|camp|locality|neighbourhood|"
    r"neighborhood|commune|department|sub-county|ward|vicinity)\s+of\s+)?|,\s*)$",
    re.IGNORECASE)
_AWAY_BEFORE = re.compile(r"\b(?:from|to|into|towards?|via|border with|borders with|"
                          r"border of)\s+(?:the\s+)?$", re.IGNORECASE)

GATED: list[tuple[re.Pattern[str], Callable[[str, int, int], bool], int]] = [
    (_CUE_BEFORE, lambda text, begin, end: search_before(
        places._CUE_BEFORE, places._CUE_BEFORE_MIRROR, text, begin, end), 40),
    (_AWAY_BEFORE, lambda text, begin, end: places._away_before(text, end), 30),
]


def _contexts() -> list[tuple[str, int]]:
    out = [(edge + "Word", len(edge)) for edge in EDGES]
    out += [("x" + edge + "Word", len(edge) + 1) for edge in EDGES]
    for article in articles_of_size(3_000, 80):
        out.extend((article.body, m.start()) for m in re.finditer(r"\b\w", article.body))
    return out


@pytest.mark.parametrize(("pattern", "shortcut", "reach"), GATED)
def test_shortcut_answers_as_the_search(pattern: re.Pattern[str],
                                        shortcut: Callable[[str, int, int], bool],
                                        reach: int) -> None:
    hits = 0
    for text, at in _contexts():
        begin = max(0, at - reach)
        expected = pattern.search(text, begin, at) is not None
        hits += expected
        assert shortcut(text, begin, at) == expected, (text[begin:at], at)
    assert hits > 50  # the contexts do hold cues


def test_a_wrong_mirror_is_caught() -> None:
    """The comparison above can fail: a mirror that forgets "the" disagrees."""
    text = "Gunmen attacked a camp near the Word"
    at = text.index("Word")
    wrong = re.compile(r"\s+(?:raen)\b", re.IGNORECASE)
    assert _CUE_BEFORE.search(text, at - 40, at)
    assert not search_before(_CUE_BEFORE, wrong, text, at - 40, at)


def test_mirrored_spells_backwards_and_refuses_patterns() -> None:
    assert mirrored("in|border with|sub-county") == "ni|htiw redrob|ytnuoc-bus"
    with pytest.raises(ValueError):
        mirrored("towards?")


def test_candidates_without_al_names_match_as_the_full_pattern() -> None:
    texts = [a.body for a in articles_of_size(3_000, 80)] + [
        "Fighters of Al-Shabaab and al-Qaeda in al-Bayda", "Kabul, Afghanistan", "a A aA Aa"]
    for text in texts:
        for variant in (text, text.replace("al-", "al "), text.replace("al-", "xal-")):
            if "al-" in variant:
                continue
            spans = [m.span() for m in places._CANDIDATE.finditer(variant)]
            assert [m.span() for m in places._CANDIDATE_PLAIN.finditer(variant)] == spans


def test_abbreviations_read_backwards_as_the_search() -> None:
    from worker.extract import text as text_mod

    texts = [a.body for a in articles_of_size(3_000, 80)] + [
        "Mr.", "Mrs.", "xMr.", "the U.S.", "e.g.", "A.", "aA.", "Sept.", "in Sep.", "St.",
        "(Dr.", "9Mr.", "Gov. Smith", "Co.", "Corp.", "USA.", "I.", "vs.", "No. 5", "U.N.",
        "xU.K.", "The etc.", "éDr.", "Ltd.", "Inc.", "_Mr.", "U.S.", "Xe.g.", " i.e.", "É.",
        "Z.", "9.", "Sept.", "xSept.", "Corp.", ".Co."]
    checked = hits = 0
    for text in texts:
        for end in range(1, len(text) + 1):
            if text[end - 1] != ".":
                continue
            for begin in {max(0, end - 8), max(0, end - 3), max(0, end - 4)}:
                expected = text_mod._ABBREV.search(text, begin, end) is not None
                assert search_before(text_mod._ABBREV, text_mod._ABBREV_MIRROR, text, begin,
                                     end) == expected, (text[max(0, end - 10):end], begin)
                assert text_mod._abbreviation_before(text, begin, end) == expected, (
                    text[max(0, end - 10):end], begin)
                checked += 1
                hits += expected
    assert checked > 1000 and hits > 50


def test_outlet_names_gate_every_outlet_match() -> None:
    """sources_of looks for outlets only where the one Aho-Corasick pass found a name: every
    text where the outlets' pattern matches has that gate set."""
    from worker.extract import sources

    gate = sources._OUTLET_GATE
    texts = [a.body for a in articles_of_size(3_000, 80)] + [
        "Reuters", "reuters said", "xReuters", "Reuters'", "AP", "CAPTAIN", "the AP said",
        "National Standard", "Nation", "the Standard reported", "RFE/RL", "al jazeera",
        "Al Jazeera", "Al  Jazeera", "BBCs", "DW", "TOLOnews"]
    texts += [name for name in sources.KNOWN_OUTLETS]
    found = 0
    for text in texts:
        for piece in [text, *text.split(". ")]:
            matched = sources._OUTLET_RE.search(piece) is not None
            assert not matched or gate & sources._needed_in(piece).present, piece[:80]
            found += matched
    assert found > 50


def test_dates_anchored_on_names_match_as_the_patterns() -> None:
    """The "weekday", "mdy" and "month" patterns, searched from a little before the names
    they need (or tried where a match can start), find what their finditer finds: on a
    benchmark corpus and on random runs of names (some inside words: "xMarch", "inMarch"),
    the words that may come before them, white space and digits."""
    import random

    from worker.extract import dates

    patterns = dict(dates._PATTERNS)
    tokens = ["Monday", "Wednesday", "Sunday", "Saturday", "Mondays", "xMonday", "May",
              "March", "Mar.", "Sept", "Sept.", "Dec", "December", "Decembers", "last",
              "early on", "late on", "early", "on", "this", "afternoon", "night", "overnight",
              "morning", ",", ", ", " ", "  ", "\t", "\n", "\u2003", "\u00a0", "30", "3rd",
              "2021", ", 2021", "1", "x", "the", ".", "-", "Friday,", "Aug. 30", "lastly",
              "in", "since", "mid-", "mid", "inMarch", "midMarch", "xMarch", "DeMarco",
              "earlyMay", "lateDec.", "duringJune", "sinceMarch", "xinMarch", "month"]
    rng = random.Random(7)
    texts = [a.body for a in articles_of_size(3_000, 80)]
    texts += ["".join(rng.choice(tokens) + rng.choice(["", " ", "  ", "\n"])
                      for _ in range(rng.randint(1, 14))) for _ in range(20_000)]
    hits = 0
    for text in texts:
        for kind in ("weekday", "mdy", "month"):
            pattern = patterns[kind]
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in dates._finditer(kind, pattern, text)
                    ] == expected, (kind, text)
            hits += len(expected)
    assert hits > 5_000


def test_dates_read_with_the_grouping_gates_as_find_dates() -> None:
    """events gives the date finder its lower-cased text (and leaves it to search for a digit
    where that decides): the same dates as find_dates finds alone."""
    from datetime import date

    from worker.extract import dates, events

    published = date(2021, 9, 1)
    texts = generated.corpus_sentences(80)
    texts += ["On 3 May 2021 ...", "no digit on Monday", "٣ May", "Sept. 3", "İn May 2020",
              "x", "1", "Tuesday, Aug. 31, 2021"]
    found = 0
    for text in texts:
        low, _ = events._read(text)
        expected = dates.find_dates(text, published, 5)
        assert dates.find_dates_read(text, published, 5, low, None) == expected, text
        digit = re.search(r"\d", text) is not None
        assert dates.find_dates_read(text, published, 5, low, digit) == expected, text
        found += len(expected)
    assert found > 100


def test_runs_of_letters_are_not_cut_as_before() -> None:
    """`find_places` cuts a run of words only where it holds a space or a full stop; a run
    of letters and digits alone (`str.isalnum`, asked first) holds neither."""
    texts = [a.body for a in articles_of_size(3_000, 80)] + [
        "Kabul", "U.S. forces", "St. Louis", "Al-Shabaab", "Dar es Salaam", "Côte d'Ivoire",
        "Zürich", "A", "Pol-e-Khomri", "Nord-Kivu.", "X2", "Ⅻ Ward", "İstanbul"]
    runs = 0
    for text in texts:
        for start, end in places._candidates(text):
            run = text[start:end]
            before = " " in run or "." in run
            assert (False if run.isalnum() else before) == before, run
            runs += 1
    assert runs > 1000

