"""The place finder's shortcuts answer as the patterns they replace (copied here as first
written): the candidate patterns with possessive repeats and without their dead hyphen
branch, and `places._sentence_start` for the search of `(?:^|[.!?]\\s+|\\n\\s*)$` over the three
characters before a name; and the digests of a name's candidates (`places._Digest`) vote and
name regions as the loops over the candidates did; on a benchmark corpus and on hand-made
edge cases."""

from __future__ import annotations

import os
import random
import re
from dataclasses import replace
from typing import Final

import pytest

from benchmarks.corpus import articles_of_size
from worker.extract import keyscan, places
from worker.extract.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_COUNTRY,
    Gazetteer,
    core,
)

#: The candidate patterns as first written (greedy repeats, a hyphen between words allowed).
CANDIDATE = re.compile(
    r"[A-Za](?<![\w'’-].)(?:(?<=[A-Z])[\w'’.-]*|(?<=a)l-[A-Z][\w'’-]*)"
    r"(?:(?:\s+|-)(?:(?:de|del|da|do|dos|das|el|al|la|le|les|of|bin|ibn|wa|y)\s+)?"
    r"(?:[A-Z][\w'’-]*|al-[A-Z][\w'’-]*))*")
CANDIDATE_PLAIN = re.compile(
    r"[A-Z](?<![\w'’-].)[\w'’.-]*"
    r"(?:(?:\s+|-)(?:(?:de|del|da|do|dos|das|el|al|la|le|les|of|bin|ibn|wa|y)\s+)?"
    r"[A-Z][\w'’-]*)*")


SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")

EDGES = [
    "", "A", " A", "\nA", "\n A", ". A", ".  A", ".   A", ".\nA", "x.\n\nA", "!A", "? A",
    "x?\tA", "x. \u00a0A", "x.\u2003A", "x\u2028A", "\u2028A", "a\n", "a.\n", ".\n", "\n\n",
    "  A", "   A", "    A", "x  A", "x\n  A", "x.\r\nA", "x.\x1cA", "x\x1c A", "x.\x85A",
    "Kabul, Afghanistan", "Fighters of Al-Shabaab and al-Qaeda in al-Bayda",
    "the Dhaka-Mymensingh highway", "San José de las Matas", "Rio de  Janeiro", "Rio de-Janeiro",
    "Bin Laden's men", "Tel Aviv's Holon", "U.S. Army", "A- B", "A -B", "A - B", "A-\nB",
    "Ab-Cd-Ef Gh", "d'Ivoire Côte", "O’Neil Street", "al-Bab al-Jadid", "al al-Bab",
    "Abu Dhabi al Bab", "Kenya del Uganda dos Tanzania", "X y Z", "X y  z Q", "Éric Zemmour",
    "McDonald Hall", "iPhone City", "9Kenya", "_Kenya", "-Kenya", "'Kenya", "’Kenya", "aKenya",
]


def _texts() -> list[str]:
    texts = [a.body for a in articles_of_size(3_000, 120)] + EDGES
    return texts + [t.replace(" ", "\n") for t in texts[-len(EDGES):]]


def test_candidate_patterns_match_as_first_written() -> None:
    seen_al = False
    for text in _texts():
        expected = [m.span() for m in CANDIDATE.finditer(text)]
        assert [m.span() for m in places._CANDIDATE.finditer(text)] == expected, text
        if "al-" not in text:
            assert [m.span() for m in places._CANDIDATE_PLAIN.finditer(text)] == [
                m.span() for m in CANDIDATE_PLAIN.finditer(text)], text
        else:
            seen_al = True
    assert seen_al


def test_candidates_are_the_patterns_spans() -> None:
    """`places._candidates` (ASCII text read as bytes, capitals as "A") finds the spans of the
    patterns as first written, in text with and without "al-", ASCII or not, white space of
    every kind between words."""
    kinds = set()
    extra = ["Côte d’Ivoire and al-Bab", "Ali’s al-Qaeda in Al-Bayda", "Abu\u00a0Dhabi al-Bab"]
    for text in _texts() + extra + [
            t.replace(" ", sep) for t in EDGES + extra for sep in "\t\x0b\x1c\x1f\u2003"]:
        expected = [m.span() for m in (CANDIDATE if "al-" in text else CANDIDATE_PLAIN
                                       ).finditer(text)]
        assert places._candidates(text) == expected, text
        assert places._candidates_pure(places._reading(text)) == expected, text
        kinds.add((text.isascii(), "al-" in text))
    assert kinds == {(True, True), (True, False), (False, True), (False, False)}


#: The pieces of the generated texts of `test_rust_candidates_are_the_pure_ones`: capitals,
#: small words, "al-", white space, word characters, hyphens, full stops, a letter outside
#: ASCII.
_PIECES: Final = ("A", "Kenya", "Z", "a", "l", "al-", "al-Q", "-", ".", "'", "’", " ", "  ",
                  "\n", "\t", "de", "of", "del", "y", "bin", "x", "9", "_", "é", "É", "(",
                  ",")


def _paired(bounds: list[int]) -> list[tuple[int, int]]:
    """The Rust scan's flat list of starts and ends in (start, end) pairs."""
    return [(bounds[at], bounds[at + 1]) for at in range(0, len(bounds), 2)]


def test_rust_candidates_are_the_pure_ones() -> None:
    """The Rust scan (`keyscan.PLACE_CANDIDATES`) finds what `places._candidates_pure` finds,
    in a text read as bytes and in a str (an ASCII one as it is, any other read as
    `places._reading` reads it, with `places._stand_in_of`; without it, refused), on the
    benchmark texts, the edge cases and generated texts, some with characters of every
    width of str and a lone surrogate (skips where it is not built and not required)."""
    rust = keyscan.PLACE_CANDIDATES
    if rust is None:
        if os.environ.get("WORKER_REQUIRE_NATIVE", "") not in ("", "0"):
            pytest.fail("WORKER_REQUIRE_NATIVE is set, but the Rust scan is not in use")
        pytest.skip(f"the Rust scan is not in use: {keyscan._rust_problem()[0]}")
    rng = random.Random(7)
    generated = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))
                 for _ in range(5_000)]
    wide = ["".join(rng.choice(_PIECES + _WIDE_PIECES) for _ in range(rng.randint(0, 40)))
            for _ in range(5_000)]
    for text in _texts() + generated + wide:
        read = places._reading(text)
        expected = places._candidates_pure(read)
        assert _paired(rust(read, places._KINDS, places._JOINERS_SPACED)) == expected, text
        assert _paired(rust(text, places._KINDS, places._JOINERS_SPACED,
                            places._stand_in_of)) == expected, text
        if text.isascii():
            assert _paired(rust(text, places._KINDS, places._JOINERS_SPACED)) == expected, text
        else:
            with pytest.raises(ValueError):
                rust(text, places._KINDS, places._JOINERS_SPACED)


#: Characters outside Latin-1 and outside the basic plane, letters, digits and white space
#: of other scripts, and a lone surrogate (for the Rust scan's own reading of a str).
_WIDE_PIECES: Final = ("’", "Ж", "ж", "٣", "\u00a0", "\u2003", "—", "\U0001F600", "\U00020000",
                       "\ud800", "Ünal", "ß", "\u00b2")


def test_rust_capital_search_reads_every_byte() -> None:
    """The Rust scan's search for the next capital (eight bytes at a time, the rest one by
    one) finds what `places._candidates_pure` finds with every ASCII character before and
    after a capital at every place of a text of up to 19 bytes, and with the capitals at
    either end of A-Z beside the characters just outside it ("@", "[")."""
    rust = keyscan.PLACE_CANDIDATES
    if rust is None:
        pytest.skip("the Rust scan is not in use")
    for filler in map(chr, range(128)):
        for size in range(20):
            for at in range(size):
                for capital in "AZ":
                    text = filler * at + capital + filler * (size - at - 1)
                    expected = places._candidates_pure(places._reading(text))
                    assert _paired(rust(text, places._KINDS,
                                        places._JOINERS_SPACED)) == expected, text
                    assert _paired(rust(places._reading(text), places._KINDS,
                                places._JOINERS_SPACED)) == expected, text
    for text in ("@[" * 9, "x@y[zZ" * 5, "`{" * 8 + "Q"):
        assert _paired(rust(text, places._KINDS, places._JOINERS_SPACED)) == (
            places._candidates_pure(places._reading(text))), text


def test_rust_holds_is_in() -> None:
    """The Rust search (`keyscan.ASCII_HOLDS`) answers as `in` for texts of one byte a
    character (ASCII, Latin-1), and `places._holds_smm` as `"SMM" in text` for any text;
    a wider str is refused."""
    rng = random.Random(11)
    texts = _texts() + ["".join(rng.choice(("S", "M", "SM", "MM", "SMM", "s", " ", "é", "’", "x"))
                                for _ in range(rng.randint(0, 30))) for _ in range(3_000)]
    for text in texts:
        assert places._holds_smm(text, text.isascii()) == ("SMM" in text), text
    rust = keyscan.ASCII_HOLDS
    if rust is None:
        pytest.skip("the Rust search is not in use")
    for text in texts:
        if max(text, default="a") <= "\xff":
            for needle in ("SMM", "M", "é", "x S", ""):
                assert rust(text, needle.encode("latin-1")) == (needle in text), text
        else:
            with pytest.raises(ValueError):
                rust(text, b"SMM")


def test_ascii_classes_are_the_text_patterns() -> None:
    """What `\\w` and `\\s` of a text pattern match among ASCII characters is what the
    classes of the ASCII candidate patterns hold."""
    word = re.compile(f"[{places._ASCII_WORD}]")
    space = re.compile(places._ASCII_SPACE)
    for code in range(128):
        char = chr(code)
        assert bool(re.match(r"[\w']", char)) == bool(word.match(char)), code
        assert bool(re.match(r"\s", char)) == bool(space.match(char)), code


def test_sentence_start_answers_as_the_search() -> None:
    answers = set()
    for text in _texts():
        for start in range(len(text) + 1):
            expected = SENTENCE_START.search(text, max(0, start - 3), start) is not None
            answers.add(expected)
            assert places._sentence_start(text, start) == expected, (text[:start][-6:], start)
    assert answers == {True, False}


def _votes_as_first_written(looked: list[places._Lookup]) -> dict[str, float]:
    """The lookups' share of `places._country_votes` as first written (no digest)."""
    votes: dict[str, float] = {}
    for found in looked:
        candidates = [p for p in found.places[:40] if p.kind != KIND_COUNTRY]
        candidates = [p for p in candidates if not p.alias] or candidates
        if not candidates:
            continue
        codes = {p.country_code for p in candidates}
        admins = {p.country_code for p in candidates if p.kind in (KIND_ADMIN1, KIND_ADMIN2)}
        weight = 0.5 if found.fuzzy or found.partial or all(p.alias for p in candidates) else 1.0
        if len(admins) == 1 and found.after & places.AFTER_ADMIN:
            code = next(iter(admins))
            votes[code] = votes.get(code, 0) + 2 * weight
        elif len(codes) == 1:
            votes[candidates[0].country_code] = votes.get(candidates[0].country_code, 0) + weight
        else:
            top = max(candidates, key=lambda p: p.population)
            rest = max((p.population for p in candidates if p.country_code != top.country_code),
                       default=0)
            if top.population >= 100_000 and top.population >= 10 * rest:
                votes[top.country_code] = votes.get(top.country_code, 0) + weight
            elif top.population >= 100_000:
                votes[top.country_code] = votes.get(top.country_code, 0) + 0.5 * weight
    return votes


def _regions_as_first_written(looked: list[places._Lookup]) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for found in looked:
        for p in found.places[:40]:
            if p.kind == KIND_ADMIN1 and p.admin1:
                out.setdefault((p.country_code, core(p.admin1)), set()).add(found.key)
            elif p.kind == KIND_ADMIN2:
                for name in (p.admin1, p.admin2):
                    if name:
                        out.setdefault((p.country_code, core(name)), set()).add(found.key)
    return out


def test_digests_vote_and_name_regions_as_first_written(gaz: Gazetteer) -> None:
    memo = places._memo(gaz)
    texts = [a.body for a in articles_of_size(3_000, 120)] + [
        "in Lower Shabelle region and Juba", "Mabai (Kankara LGA, Katsina)", "San Jose (San Jose)",
        "Victoria district, Victoria", "Georgia state, Georgia", "in Aljfara", "Kent county"]
    seen: set[str] = set()
    for text in texts:
        looked = [found for start, end, words in places._spans(text)
                  if (found := places._lookup(text, memo, start, end, words)) is not None]
        # (each lookup alone too: the vote of a name, not only of a text)
        for found in looked:
            assert places._country_votes(text, memo, None, [], [found]) == (
                _votes_as_first_written([found])), found.key
            seen.add("admin" if found.after & places.AFTER_ADMIN else "plain")
        assert list(places._country_votes(text, memo, None, [], list(looked)).items()) == list(
            _votes_as_first_written(looked).items())
        assert places._regions_named(list(looked)) == {
            places._region_key(*region): names
            for region, names in _regions_as_first_written(looked).items()}
    assert seen == {"admin", "plain"}


def test_the_digests_stay_bounded_and_belong_to_their_list(gaz: Gazetteer) -> None:
    kabul = gaz.candidates("kabul")
    first = places._digest(kabul)
    assert places._digest(kabul) is first  # worked out once per list
    for _ in range(places.PLAN_CACHE_SIZE + 10):
        places._digest(list(kabul))  # fresh lists (as `_within` makes): each its own entry
    assert len(places._DIGESTS) <= places.PLAN_CACHE_SIZE
    again = places._digest(kabul)
    assert again.voter == first.voter and again.regions == first.regions
    # a list of another content never takes a kept list's digest
    assert places._digest([]).voter is None and places._digest([]).regions == []


def test_candidates_of_random_texts_are_the_patterns_spans() -> None:
    """`places._candidates` (no regex engine; characters outside ASCII read as their
    stand-ins, `places._stand_in`) gives the spans of the text patterns: random texts of
    capitals, letters, "al-", joiners, full stops and hyphens, with accented letters and
    capitals, foreign digits and spaces, a "?" of the text's own, and a character beyond the
    BMP."""
    import random

    pieces = ["Kabul", "al-", "Bab", "de", " ", " ", "\u00a0", "\u2003", "\x85", "\u2028", "-",
              ".", "'", "’", "?", "É", "é", "ál-", "Ñ", "٣", "𝐀", "a", "A", "x", "’s ", "\n",
              "(", ",", "Ōsaka", "_", "Ǆ", "ǅ", "del", "y", "of", "bin", "U.S.", "\t", "\x1c",
              "dela", "Al", "al", "l-", "9", "NATO", "x-", "!", "de\n"]
    rng = random.Random(45)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        expected = [m.span() for m in (CANDIDATE if "al-" in text else CANDIDATE_PLAIN
                                       ).finditer(text)]
        assert places._candidates(text) == expected, text


def test_names_not_like_any_have_no_regions_like(gaz: Gazetteer) -> None:
    """`may_be_like` (the skeleton alone) is False only where `regions_like` finds nothing:
    the names of a benchmark corpus, transliteration variants and short skeletons."""
    names = {words for article in articles_of_size(3_000, 120)
             for _start, _end, words in places._spans(article.body)}
    names |= {"Aljfara", "Idleb", "Diwaniya", "Ain Oussara", "Panjshir", "Qandahar", "Xy",
              "Ab", "Lower Shabelle", "Kandahar", "Dhi Qar", "Sud-Kivu", "Mosul"}
    kinds = set()
    for name in sorted(names):
        like = gaz.regions_like(name)
        maybe = gaz.may_be_like(name)
        assert maybe or not like, name
        kinds.add((maybe, bool(like)))
    assert kinds == {(False, False), (True, False), (True, True)}


def _trimmed_as_first_written(start: int, words: str) -> tuple[int, int, str]:
    first, _, rest = words.partition(" ")
    if rest:
        folded = first.lower()
        if folded in places._NOT_PLACES and folded not in places._KEEP_FIRST:
            start += len(first) + 1
            words = rest
    if rest and words[-1] in "yhletr":
        head, _, last = words.rpartition(" ")
        if last.lower() in places._DAYS_MONTHS:
            words = head
    return start, start + len(words), words


def test_trimmed_as_first_written() -> None:
    """`places._trimmed` (a search and a slice) trims as the partitions first written: random
    soups of stop words, compass words, days, names and spaces."""
    import random

    pieces = ["The", "the", "Al", "North", "Kabul", "Monday", "monday", "Nairobi", "May", "y",
              "Police", "Jan", "Gaza", " ", " ", "  ", "\n", "City"]
    rng = random.Random(45)
    trimmed = 0
    for _ in range(20_000):
        words = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        expected = _trimmed_as_first_written(7, words)
        trimmed += expected != (7, 7 + len(words), words)
        assert places._trimmed(7, words) == expected, words
    assert trimmed > 1_000


#: `places._OPEN_PAREN`, `places._REGION_AFTER` and `places._INSTITUTION_AFTER` as first
#: written.
OPEN_PAREN = re.compile(r"\s*\(\s*")
REGION_AFTER = re.compile(
    r"(?:\s+(?:village|town|city|area|locality|neighbou?rhood))?"
    r"(?:(,)\s*|\s+(?:of|in)\s+(?:the\s+)?)")
INSTITUTION_AFTER = re.compile(
    r"\s+(?:University|Governor|Police|Hospital|Referral|Prison|Market|Airport|Stadium|"
    r"Polytechnic|College|High Court|Law Courts|Magistrates?|Municipal|Town Council|County "
    r"(?:Assembly|Government|Council))\b")


def test_patterns_after_a_name_are_as_first_written() -> None:
    assert places._OPEN_PAREN.pattern == OPEN_PAREN.pattern
    assert places._REGION_AFTER.pattern == REGION_AFTER.pattern
    assert places._INSTITUTION_AFTER.pattern == INSTITUTION_AFTER.pattern
    words = re.findall(r"[A-Z]\w*", INSTITUTION_AFTER.pattern)
    assert "".join(sorted({word[0] for word in words})) == places._INSTITUTION_FIRST


def test_reads_after_a_name_answer_as_the_patterns() -> None:
    """`places._open_paren_end`, `places._may_join` (a gate of `_REGION_AFTER`),
    `places._region_join` with `places._join_end` (`_REGION_AFTER`'s match: its end and
    comma group) and `places._institution_after` answer as the patterns at every position of
    a benchmark
    corpus, of edge cases and of random texts (white space outside ASCII too)."""
    import random

    pieces = [" ", "  ", "\u00a0", "\u2003", "\x85", "\n", "\t", "(", ")", ",", "( ", " (",
              "Police", "University", "County Assembly", "County", "High Court", "Law",
              "Magistrate", "Magistrates", "Towns", "Town Council", "village", "of", "in",
              "the", "Kabul", "x", "Ünal", "٣", "_", "é", "A", "town", "towns", "area",
              "neighbourhood", "neighborhood", "inside", "theatre", "Magistrates_", ","]
    rng = random.Random(47)
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
                        for _ in range(5_000)]
    found = {"paren": 0, "join": 0, "institution": 0}
    for text in texts:
        for at in range(len(text) + 1):
            paren = OPEN_PAREN.match(text, at)
            assert places._open_paren_end(text, at) == (paren.end() if paren else -1), (
                text, at)
            region = REGION_AFTER.match(text, at)
            joined = region is not None
            assert places._may_join(text, at) or not joined, (text, at)
            join = places._region_join(text, at)
            assert (join >= 0) == joined, (text, at)
            if region is not None:
                assert places._join_end(text, join) == region.end(), (text, at)
                assert (text[join] == ",") == (region.group(1) is not None), (text, at)
            institution = INSTITUTION_AFTER.match(text, at) is not None
            assert places._institution_after(text, at) == institution, (text, at)
            found["paren"] += paren is not None
            found["join"] += joined
            found["institution"] += institution
    assert all(found.values()), found


def _in_named_region_as_first_written(place: places.Place, key: str,
                                      regions: dict[tuple[str, str], set[str]]) -> bool:
    if place.kind == KIND_ADMIN1:
        return False
    for name in (place.admin1, place.admin2 if place.kind == KIND_CITY else None):
        if name:
            found = regions.get((place.country_code, core(name)))
            if found and (len(found) > 1 or key not in found):
                return True
    return False


def _own_names_as_first_written(found: list[places.Place]) -> list[places.Place]:
    own = max((p.population for p in found if not p.alias and p.kind == KIND_CITY), default=0)
    if any(p.alias and p.population >= 5 * own for p in found):
        abroad = {p.country_code for p in found if not p.alias and p.population >= 50_000
                  and p.kind in (KIND_ADMIN1, KIND_ADMIN2)}
        return [replace(p, alias=False) if p.alias and p.population >= 5 * own
                and not abroad - {p.country_code} else p for p in found]
    return found


def test_own_names_as_first_written(gaz: Gazetteer) -> None:
    """`places._own_names` (the towns' people read in a loop, not `max` over a generator)
    answers as first written, on the candidates of the names of a benchmark corpus and on
    lists of populations made up (none, nought, aliases alone)."""
    names = {core(text[start:end]) for text in (a.body for a in articles_of_size(3_000, 60))
             for start, end in places._candidates(text)}
    names |= {"odessa", "mogilev", "bethlehem", "kabul", "victoria", "san jose"}
    lists = [gaz.candidates(name) for name in sorted(names)]
    lists = [found for found in lists if found]
    town = gaz.candidates("odessa")[0]
    made = [replace(town, population=n, alias=alias) for n in (0, 1, 10, 1_000_000)
            for alias in (False, True)]
    lists += [[], made, made[::-1], [p for p in made if p.alias], made[:1], made[1:2]]
    changed = 0
    for found in lists:
        expected = _own_names_as_first_written(found)
        assert places._own_names(found) == expected, found
        changed += expected != found
    assert changed and len(lists) > 100


def test_candidates_inside_named_regions_as_first_written(gaz: Gazetteer) -> None:
    """`places._inside` (the regions' keys read off the digest) flags the candidates that
    `places._in_named_region` places in a region another name of the text names."""
    memo = places._memo(gaz)
    texts = [a.body for a in articles_of_size(3_000, 120)] + [
        "Mabai (Kankara LGA, Katsina)", "Oicha (Beni, Nord-Kivu)", "Qadis district, Badghis",
        "San Jose (San Jose)", "Victoria district, Victoria"]
    flagged = 0
    for text in texts:
        looked = [found for start, end, words in places._spans(text)
                  if (found := places._lookup(text, memo, start, end, words)) is not None]
        regions = places._regions_named(list(looked))
        named = {places._code_of(region) for region in regions}
        # (the regions as first written: keyed by (country, name) tuples)
        by_tuple = _regions_as_first_written(looked)
        assert named == {code for code, _ in by_tuple}
        known: dict[str, tuple[list[places.Place], list[bool]]] = {}
        for found in looked:
            expected = [p.kind != KIND_COUNTRY and p.country_code in named
                        and _in_named_region_as_first_written(p, found.key, by_tuple)
                        for p in found.places[:40]]
            assert expected == [p.kind != KIND_COUNTRY and p.country_code in named
                                and places._in_named_region(p, found.key, regions)
                                for p in found.places[:40]]
            assert places._inside(found, regions, named, known) == expected, found.key
            flagged += sum(expected)
    assert flagged


def _spans_as_first_written(text: str) -> list[tuple[int, int, str]]:
    out = []
    for start, end in places._candidates(text):
        words = text[start:end]
        if " " in words:
            if "." in words or " of " in words or "'s " in words or "’s " in words:
                out.extend(places._trimmed(begin, part) for begin, part in
                           places._parts(start, words))
            else:
                out.append(places._trimmed(start, words))
        elif "." in words:
            out.extend(places._trimmed(begin, part) for begin, part in
                       places._parts(start, words))
        else:
            out.append((start, end, words))
    return out


def test_spans_cut_once_per_run_as_first_written() -> None:
    """`places._spans` (each run of words cut once, `places._cuts`) gives the spans of each
    run cut and trimmed where it is: a benchmark corpus, read with the cuts worked out and
    then kept, and random soups of names, stop words, days, full stops and "of"."""
    import random

    pieces = ["The", "Kabul", "Monday", "of", "Tel Aviv's", "U.S.", ". ", " ", "  ", "\n",
              "May", "North", "Al", "Bank", "’s ", "Gaza.", "x", "In", "Logar. No"]
    rng = random.Random(46)
    texts = _texts() + [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
                        for _ in range(5_000)]
    places._CUTS.clear()
    cut = 0
    for _ in range(2):
        for text in texts:
            expected = _spans_as_first_written(text)
            assert places._spans(text) == expected, text
            cut += sum(" " in words for _s, _e, words in expected)
    assert cut and places._CUTS
    assert len(places._CUTS) <= places._CUTS_SIZE


def test_country_names_kept_are_acled_names() -> None:
    """`gazetteer.country_name` (a dict kept) answers as `acled_country_name`, asked twice."""
    from worker.extract import gazetteer
    from worker.extract.countries import _geonames_countries, acled_country_name

    codes = [*sorted(_geonames_countries()), "cd", "XK", "ZZ", "", "us"]
    for _ in range(2):
        for code in codes:
            assert gazetteer.country_name(code) == acled_country_name(code), code
    assert gazetteer._COUNTRY_NAMES
