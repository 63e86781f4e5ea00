"""`places._after`, one match and a look-up standing in for the searches of the words after
a name, answers exactly as those searches (the patterns as first written, copied here), on
every word end of a benchmark corpus and on hand-made edge cases (case, hyphens, digits,
white space, letters outside ASCII that fold to ASCII ones)."""

from __future__ import annotations

import re

from benchmarks.corpus import articles_of_size
from tests.unit.test_gates import _CUE_BEFORE  # the pattern as first written: the reference
from worker.extract import places
from worker.extract.gazetteer import KIND_ADMIN1, KIND_ADMIN2, KIND_CITY

_I = re.IGNORECASE
#: (bit, the pattern as it was before `_after`)
REFERENCE: list[tuple[int, re.Pattern[str]]] = [
    (places.AFTER_CUE, re.compile(
        r"\s+(?:town|city|village|district|province|county|region|area|state|governorate|"
        r"municipality|camp|locality|commune|department|sub-county|ward|neighbourhood|"
        r"neighborhood|valley|border|market|road|highway|township|upazila|lga|subdivision|"
        r"territory|tehsil)\b", _I)),
    (places.AFTER_ADMIN, re.compile(r"\s+(?:district|province|county|state|governorate|region|"
                                    r"department|oblast|prefecture)\b", _I)),
    (places.AFTER_DISTRICT, re.compile(
        r"\s+(?:district|sub-county|subcounty|division|municipality|commune|township|upazila|"
        r"lga|subdivision|territory|tehsil)\b", _I)),
    (places.AFTER_ROUTE, re.compile(r"\s+(?:road|highway|motorway|route|axis|corridor|stretch|"
                                    r"bridge|border|line|railway|pipeline|expressway)\b", _I)),
    (places.AFTER_ORG, re.compile(r"\s+(?:company|corporation|ltd|limited|inc|bank|airways|"
                                  r"airlines|coach|holdings|family|families)\b", _I)),
    (places.AFTER_OUTLET, re.compile(
        r"\s+(?:Today|Times|Post|News|Express|Herald|Tribune|Daily|Journal|Telegraph|Gazette|"
        r"Observer|Chronicle|Standard|Nation|Monitor|Independent|Radio|TV|Online|Agency)\b")),
]
_KIND_AFTER = re.compile(r"\s+(city|town|village|district|province|county|state|"
                         r"governorate|region|sub-county|municipality|township|upazila|lga|"
                         r"territory)\b", _I)
_KIND_WORDS = {"city": 3, "town": 3, "village": 3, "district": 2, "sub-county": 2,
               "municipality": 2, "township": 2, "upazila": 2, "lga": 2, "territory": 2,
               "province": 1, "county": 1, "state": 1, "governorate": 1, "region": 1}

EDGES = [
    " district", " District", " DISTRICT", " district-level", " district5", " district_x",
    " districts", " sub-county", " Sub-County", " sub-countyX", " sub-county-level", " sub",
    " sub-", " subcounty", "\u00a0state", " \n  State", "state", "  ", "", " -state",
    " dıstrict", " ſtate", " ban\u212a", " provincé", " province\u0301", " Times",
    " times", " TIMES", " Times-Picayune", " TV", " Tv", " Today's", " City", " Town",
    " township", " town", " towns", " LGA", " lga's", " Road", " road-block", " border",
    " Border-crossing", " Bank", " bank", " families", " Ltd.", " inc", " valley", " élan",
    " Police", " High Court", " oblast", " Prefecture", " motorway", " x-county",
]


def _expected(text: str, end: int) -> int:
    bits = 0
    for bit, pattern in REFERENCE:
        if pattern.match(text, end):
            bits |= bit
    kind = _KIND_AFTER.match(text, end)
    wanted = _KIND_WORDS.get(kind.group(1).lower()) if kind else None
    if wanted is not None:
        bits |= {3: places.AFTER_CITY, 2: places.AFTER_ADMIN2, 1: places.AFTER_ADMIN1}[wanted]
    return bits


def test_after_answers_as_the_patterns() -> None:
    contexts = [("Name" + edge, 4) for edge in EDGES]
    for article in articles_of_size(3_000, 80):
        contexts.extend((article.body, m.end()) for m in re.finditer(r"\w\b", article.body))
    seen = 0
    places._AFTER_WORDS.clear()
    for _ in range(2):  # (the words' bits worked out, then kept: `places._AFTER_WORDS`)
        for text, end in contexts:
            expected = _expected(text, end)
            seen |= expected
            assert places._after(text, end) == expected, text[end:end + 20]
    assert places._AFTER_WORDS
    assert seen == 511  # every bit comes up


def test_kinds_asked_for() -> None:
    assert places._wanted(places._after("Guatemala City", 9)) == KIND_CITY
    assert places._wanted(places._after("Qadis sub-county", 5)) == KIND_ADMIN2
    assert places._wanted(places._after("Sennar State", 6)) == KIND_ADMIN1
    assert places._wanted(places._after("Sennar said", 6)) is None


BEFORE_EDGES = [
    "", " ", "in", "in ", "in\n", "in \n", "in\n\n", "In  ", "IN\t", "main ", "within ",
    "of the ", "OF THE\n", "the town of ", "Kabul,", "Kabul, ", "Kabul,\n", "Kabul ,\n ",
    "north-eastern ", "northeastern ", "Northern ", "in Northern ", "in northern ",
    "near the central ", "in the sub-county of ", "İn ", "İN ", "ın ", "x,\u00a0", "in\u2003",
    "in downtown ", "rural ", "and ", "And\r\n", "\nin ", "xin ", "_in ", "éin ", "in the the ",
    ", the ", "between the north-western neighbourhood of ", "a" * 39 + " in ",
    "a" * 38 + " in ", "to" + " " * 40, " " * 41, "in" + " " * 38, "said ", "Kenya. ",
    "(in ", "5in ", "x-in ", "north-Eastern ", "the North-eastern ", "IN THE ",
    # (the words of a cue read backwards: "the", compass words, the 40 characters' edge)
    "in the northern ", "(the ", "x the ", "in (the ", "in the\tnorthern\n", "the northern ",
    "in north-eastern ", "In The Northern ", "in THE northern ", "in the Northern ",
    "9in the ", "in  the   rural ", "a" * 30 + " in the northern ", "a" * 25 + " in the north ",
    "in the northern the ", "in northern the ", "the in ", "near the the ", "of northern ",
    "x-the ", "in\u00a0the ", "é in the ", "éin the northern ", "on the rural ",
    "at the  central\n", "between_the ", "from the-northern ", "in ı the ", "ın the ",
    "a" * 32 + " in the ", "a" * 33 + " in the ", "a" * 31 + "in the ", "rural northern ",
]


def test_cue_before_answers_as_the_search() -> None:
    contexts = [(edge + "Word", len(edge)) for edge in BEFORE_EDGES]
    contexts += [("x" + edge + "Word", len(edge) + 1) for edge in BEFORE_EDGES]
    for article in articles_of_size(3_000, 80):
        contexts.extend((article.body, m.start()) for m in re.finditer(r"\b\w", article.body))
    hits = 0
    for text, at in contexts:
        expected = _CUE_BEFORE.search(text, max(0, at - 40), at) is not None
        hits += expected
        assert places._cue_before(text, at) == expected, text[max(0, at - 40):at]
    assert hits > 50


def test_cue_before_of_random_texts_answers_as_the_search() -> None:
    """`places._cue_before` (the words before a name read back by `str.rfind` and slices)
    answers as the pattern as first written on random soups of cue words in either case,
    compass words, "the", white space of every kind, word characters and punctuation glued
    to them, letters outside ASCII, at every position, the 40 characters' edge included."""
    import random

    pieces = ["in", "In", "IN", "near", "of", "the", "The", "THE", "northern", "Northern",
              "north-eastern", "rural", "downtown", "district", "town", "and", "on", "to",
              "between", " ", " ", " ", "  ", "\n", "\t", "\x0b", "\x1c", "\u00a0", "\u2003",
              ",", "(", ")", ".", "-", "_", "5", "x", "said", "Kabul", "é", "ı", "İn", "’",
              "a" * 12, "a" * 25, "NEAR", "Of", "tHe", "BeTween", "NORTHERN", "ToWards"]
    rng = random.Random(47)
    hits = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) + "Word"
        for at in range(len(text) + 1):
            expected = _CUE_BEFORE.search(text, max(0, at - 40), at) is not None
            hits += expected
            assert places._cue_before(text, at) == expected, (text, at)
    assert hits > 5_000


def test_after_of_random_texts_answers_as_the_patterns() -> None:
    """`places._after` (the word after a name cut at the next space where it is letters and
    digits alone) answers as the patterns as first written on random soups of their words in
    either case, hyphens, digits, "_", punctuation, white space of every kind and letters
    outside ASCII, at every position."""
    import random

    pieces = ["district", "District", "sub", "-county", "county", "Times", "times", "TV",
              "City", "town", "road", "bank", "Families", "oblast", "state", "x", "5", "_",
              "-", ".", ",", "'s", "’", " ", " ", " ", "  ", "\n", "\t", "\x1c", "\u00a0",
              "\u2003", "ı", "ſ", "é", "\u212a", "Kabul", "said"]
    rng = random.Random(48)
    seen = 0
    for _ in range(20_000):
        text = "Name" + "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for end in range(len(text) + 1):
            expected = _expected(text, end)
            seen |= expected
            assert places._after(text, end) == expected, (text, end)
    assert seen == 511
