"""The actor scan's and choice's shortcuts answer exactly as the code they stand in for (copied
here as it was first written): `_raws_of`'s phrases kept as they come where their starts rise,
`_add_clans`' searches from the run of letters before the first head word, the country
suffixes and codes kept in dicts, a bounded find for `startswith`, the off-duty stems tested
in all windows at once and mentions sorted as ints. Checked on the sentences of a benchmark
corpus and on generated and hand-made edge cases."""

from __future__ import annotations

import itertools
import random
from typing import cast

from benchmarks.corpus import articles_of_size
from tests.unit.generated import corpus_sentences, soups
from tests.unit.test_actor_order import _raws_as_first_written as order_reference
from worker.extract import actors, countries
from worker.extract.actors import (
    _ARMED_TYPES,
    _CLAN,
    _CLAN_ENTRY,
    _FEUD,
    _KIND_CLAN,
    _KIND_GATE,
    _NOT_PLACES,
    _OFF_DUTY,
    _UNIDENTIFIED,
    _Entry,
    _Raw,
)
from worker.extract.countries import ACLED_NAMES, country_code
from worker.extract.text import split_sentences
from worker.extract.types import ActorMention
from worker.models import ActorType

_SENTENCES = corpus_sentences(60)


# ---------------------------------------------------------------- the code as first written

def _raws_as_first_written(text: str) -> tuple[list[_Raw], int]:
    """`_raws_of` as first written: `test_actor_order`'s reference (the phrases of
    `actors.matches(text)` sorted by start, the longest first, overlaps dropped), as `_Raw`s."""
    hits, present = order_reference(text)
    return [_Raw(start, end, cast(_Entry, entry), None) for start, end, entry in hits], present


def _add_clans_as_first_written(text: str, raws: list[_Raw]) -> None:
    entry = _CLAN_ENTRY
    for match in _CLAN.finditer(text) if "clan" in text else ():
        sub = "Sub-Clan" if match.group(2).startswith("sub") else "Clan"
        for part in match.group(1).split(" and "):
            name = part.strip()
            if name.lower() in ("the", "a", "rival", "two", "local"):
                continue
            begin = match.start(1) + match.group(1).find(part)
            raws.append(_Raw(begin, match.end(), entry, None, f"{name} {sub} Militia"))
    feuds = _FEUD.finditer(text) if "families" in text or "tribes" in text else ()
    for match in feuds:
        kind = "Tribal" if match.group(3) == "tribes" else "Clan"
        for group in (1, 2):
            raws.append(_Raw(match.start(group), match.end(group), entry, None,
                             f"{match.group(group)} {kind} Militia"))
    raws.sort(key=lambda r: (r.start, r.start - r.end))
    kept: list[_Raw] = []
    reach = -1
    for raw in raws:
        if raw.start < reach and raw.entry.kind != _KIND_CLAN:
            continue
        if kept and raw.start < kept[-1].end:
            if raw.entry.kind == _KIND_CLAN:
                kept[-1] = raw
            continue
        kept.append(raw)
        reach = raw.end
    raws[:] = kept


def _forces_of_as_first_written(code: str | None) -> str:
    if not code:
        return ""
    name = actors._country_name(code)
    return f" of the {name}" if name.startswith(actors._THE) else f" of {name}"


def _suffix_as_first_written(code: str | None) -> str:
    return f" ({actors._country_name(code)})" if code else ""


def _former_as_first_written(text: str, m: ActorMention, cc: str | None) -> ActorMention:
    if m.actor_type in _ARMED_TYPES and m.actor_type is not _UNIDENTIFIED and ((
            actors._maybe_off_duty(text[max(0, m.start - 24):m.start]) and
            _OFF_DUTY.search(text, max(0, m.start - 24), m.start)) or
            actors._OFF_DUTY_AFTER.match(text, m.end, m.end + 30)):  # (its reach)
        return _civilians_as_first_written(m, cc)
    return m


def _civilians_as_first_written(m: ActorMention, cc: str | None) -> ActorMention:
    code = m.country_code or cc
    return ActorMention(f"Civilians{_suffix_as_first_written(code)}", ActorType.CIVILIANS,
                        code, m.start, m.end, m.text)


def _formers_as_first_written(text: str, ms: list[ActorMention], cc: str | None
                              ) -> list[ActorMention]:
    """Each mention's `_former`; then "the officer" soon after the first member of the
    forces off duty, named alike, is that one."""
    out = [_former_as_first_written(text, m, cc) for m in ms]
    off = next((m for m, f in zip(ms, out, strict=True) if f is not m and m.actor_type in (
        ActorType.STATE_FORCES, ActorType.EXTERNAL_FORCES)), None)
    if off is None:
        return out
    low = text.lower()
    for index, m in enumerate(ms):
        if out[index] is m and m.name == off.name and off.end <= m.start < off.end + 160 and \
                low[:m.start].endswith("the ") and not low[m.start:m.end].endswith("s") and \
                low[m.start:m.end] not in actors._FORCE_WORDS:
            out[index] = _civilians_as_first_written(m, cc)
    return out


def _code_of_as_first_written(word: str) -> str | None:
    if len(word) < 3 or not word[0].isupper() or word.lower() in _NOT_PLACES:
        return None
    return country_code(word)


# ---------------------------------------------------------------- generated texts

def _raw(raw: _Raw) -> tuple[int, int, int, str | None, str]:
    return raw.start, raw.end, id(raw.entry), raw.country, raw.name


#: Aliases that nest in one another, start inside one another, need their exact case or
#: follow "anti": the orders of starts the automaton gives, rising or not.
_ALIAS_WORDS = ["police", "police officers", "officers", "security forces", "forces", "soldiers",
                "army", "army soldiers", "Taliban", "Taliban fighters", "fighters", "anti-",
                "anti", "Anti", "gunmen", "armed men", "men", "residents", "protesters", "ISIS",
                "IS", "Is", "is", "AS", "as", "Al Shabaab", "al-Shabaab", "militants",
                "militia", "militiamen", "clan", "former", "ex-", "Kenyan", "Somali", "the", "of",
                "and", "herders", "Fulani herdsmen", "government", "troops", "NATO", "KDF",
                "bandits", "rebels", "M23", "M23 rebels", "village", "students", "x"]


def _alias_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    keys = [key.strip() for key in actors._KEYS]
    words = _ALIAS_WORDS + rng.sample(keys, 300)
    return soups(words, count, seed, [" ", " ", " ", "-", ", ", ". ", "", "  "], (1, 12))


_CLAN_WORDS = ["clan", "clans", "sub-clan", "sub-clans", "Clan", "families", "tribes",
               "family", "tribe", "and", "the", "The", "Abgaal", "Habar Gidir", "Hawiye",
               "Al Salih", "Al-Tlais", "Marehan", "xMarehan", "Ogaden", "a", "two", "rival",
               "local", "fighting", "between", "Éclan", "Çaba", "clanx", "2", "café",
               "Dir", "Bin", "Ali", "O'Brien", "\n", "\t", "\u2003", "\u00a0", "-", ",", "."]


def _clan_texts(count: int, seed: int) -> list[str]:
    return soups(_CLAN_WORDS, count, seed, [" ", " ", " ", "  ", "\n", "-", "", ", ", "\u2003"],
                 (1, 14))


# ---------------------------------------------------------------- the checks

def test_raws_of_as_first_written() -> None:
    """The same phrases, entries and gate bits, on texts whose phrases' starts rise with
    their ends (kept as they come) and on texts where they do not (sorted, as first
    written): both kinds many times."""
    texts = _SENTENCES + _alias_texts(6_000, 31) + [
        "", " ", "police", "police officers", "anti-police officers", "the anti police",
        "Taliban fighters and police officers", "army soldiers army", "ISIS IS Is is"]
    rising = other = phrases = 0
    for text in texts:
        low, words, found = actors.matches(text)
        raws, present = actors._raws_of(text, low, len(words), found)
        expected, expected_present = _raws_as_first_written(text)
        assert [_raw(r) for r in raws] == [_raw(r) for r in expected], text
        assert present == expected_present, text
        phrases += len(raws)
        starts = [m[0] - m[1][0] + 1 for m in found
                  if m[1][1] and not (m[1][1][-1].kind == _KIND_GATE and len(m[1][1]) == 1)]
        if all(a < b for a, b in itertools.pairwise(starts)):
            rising += 1
        else:
            other += 1
    assert rising > 2_000 and other > 1_000 and phrases > 10_000, (rising, other, phrases)


def test_add_clans_as_first_written() -> None:
    """The same clan and feud phrases (and the phrases kept around them) when each search
    starts at the run of letters, white space and "-" before the first head word."""
    texts = [t for t in _SENTENCES if "clan" in t or "families" in t or "tribes" in t]
    texts += [
        *_clan_texts(8_000, 37), "", "clan", "Abgaal clan", "xAbgaal clan",
        "the Abgaal and Habar Gidir clans fought", "Al Salih and Al Tlais families",
        "Al Salih and the Al Tlais tribes", "1Abgaal clan", "Abgaal\u2003clan", "Abgaal\u00a0clan",
        "Ali families, Dir and Bin tribes clan", "Éclan Abgaal sub-clans", "Abgaal, Habar clan"]
    clans = 0
    for text in texts:
        base = _raws_as_first_written(text)[0]
        raws = [_Raw(r.start, r.end, r.entry, r.country, r.name) for r in base]
        expected = [_Raw(r.start, r.end, r.entry, r.country, r.name) for r in base]
        actors._add_clans(text, raws)
        _add_clans_as_first_written(text, expected)
        assert [_raw(r) for r in raws] == [_raw(r) for r in expected], text
        clans += sum(r.entry.kind == _KIND_CLAN for r in raws)
    assert clans > 500, clans


def test_run_start_reaches_back_over_the_characters_of_a_match() -> None:
    text = "x1, Abgaal\u2003and-Hab\tar clan"
    at = text.find("clan")
    assert actors._run_start(text, at) == text.find(" Abgaal")
    assert actors._run_start("clan", 0) == 0
    assert actors._run_start("é clan", 2) == 1


def test_country_suffixes_as_first_written() -> None:
    """`_forces_of` and `_suffix`, kept by code, as first written: for every country, no
    country, an unknown code, asked twice (worked out, then kept) and past the bound."""
    codes: list[str | None] = [None, "", "XX", "cd", *ACLED_NAMES]
    for _ in range(2):
        for code in codes:
            assert actors._forces_of(code) == _forces_of_as_first_written(code), code
            assert actors._suffix(code) == _suffix_as_first_written(code), code
    for index in range(1_100):  # (the table is emptied, not grown, past its bound)
        code = f"Q{index}"
        assert actors._suffix(code) == _suffix_as_first_written(code)
        assert actors._forces_of(code) == _forces_of_as_first_written(code)
    assert len(actors._SUFFIXES) <= 1_024 and len(actors._FORCES) <= 1_024


def test_shot_after_as_startswith() -> None:
    """`_remote`'s bounded find for `text.startswith(" shot", end)`, at every end."""
    for text in [*_SENTENCES[:300], " shot", "x shot", " shots", " sho", " Shot", ""]:
        for end in range(len(text) + 2):
            expected = text.startswith(" shot", end)
            assert (text.find(" shot", end, end + 5) == end) is expected, (text, end)


def _mention(m: ActorMention) -> tuple[str, str, str | None, int, int, str]:
    return m.name, m.actor_type.value, m.country_code, m.start, m.end, m.text


_OFF_DUTY_WORDS = ["former", "Former", "ex-", "ex", "retired", "off-duty", "off duty",
                   "who was off-duty", "who were off duty", "The officer", "the soldier",
                   "demobilised", "demobilized", "reintegrated", "unarmed", "soldiers", "police",
                   "Taliban fighters", "gunmen", "FARC", "rebels", "militants", "Kenyan troops",
                   "the", "of", "two", "officials", "next", "\x00", "\n", "Al Shabaab", "army"]


def test_formers_as_first_written() -> None:
    """`_formers` as `_former` of each mention: the same mentions (the same objects where one
    stays), on every sentence's actors of a corpus's articles (spans in the article) and on
    generated texts thick with off-duty words, with and without an event country."""
    bodies = [a.body for a in articles_of_size(3_000, 60)]
    bodies += soups(_OFF_DUTY_WORDS, 1_500, 41, [" ", " ", "-", ", ", ". ", "\n", ""], (1, 30))
    changed = unchanged = 0
    for number, body in enumerate(bodies):
        mentions = [m for s in split_sentences(body)
                    for m in actors.actor_mentions(s.text, s.start, None)]
        cc = None if number % 2 else "KE"
        expected = _formers_as_first_written(body, mentions, cc)
        got = actors._formers(body, list(mentions), cc)
        assert [_mention(m) for m in got] == [_mention(m) for m in expected], body
        assert all((a is m) is (e is m) for a, e, m in zip(got, expected, mentions, strict=True))
        changed += sum(e is not m for e, m in zip(expected, mentions, strict=True))
        unchanged += sum(e is m for e, m in zip(expected, mentions, strict=True))
    assert changed > 100 and unchanged > 1_000, (changed, unchanged)


def test_code_of_as_first_written() -> None:
    """`_code_of`, kept in a dict, as first written: on the corpus's words and word pairs, and
    odd ones, asked twice (worked out, then kept), and past the dict's bound."""
    words = sorted({w.strip(",.;:)'’\"") for t in _SENTENCES for w in t.split()})
    pairs = [f"{a} {b}" for t in _SENTENCES[:400] for a, b in zip(t.split(), t.split()[1:],
                                                                  strict=False)]
    odd = ["", "A", "Ke", "KE", "ke", "South Sudanese", "The", "the", "İraq", "Afghan", "US", "us"]
    found = 0
    for _ in range(2):
        for word in words + pairs + odd:
            expected = _code_of_as_first_written(word)
            assert actors._code_of(word) == expected, word
            found += expected is not None
    for index in range(4_200):
        word = f"Xq{index}"
        assert actors._code_of(word) == _code_of_as_first_written(word)
    assert len(actors._CODES) <= 4_096
    assert found > 100
    assert all(countries._names().values())  # (no code is "": "" stands for none)


def test_in_order_as_sorted() -> None:
    """`_in_order` as `sorted(mentions, key=_mention_order)`: the same objects in the same
    order, ties (the same start and end) in their order, on random spans."""
    rng = random.Random(43)
    for _ in range(3_000):
        count = rng.randint(0, 30)
        top = rng.choice([3, 50, 100_000])
        mentions = []
        for _ in range(count):
            start = rng.randint(0, top)
            end = start + rng.randint(0, 40)
            mentions.append(ActorMention("x", ActorType.CIVILIANS, None, start, end, "x"))
        expected = sorted(mentions, key=actors._mention_order)
        got = actors._in_order(mentions)
        assert [id(m) for m in got] == [id(m) for m in expected]


def test_gap_tests_answer_as_the_patterns() -> None:
    # (`_head_gap`, `_faction_gap`, `_of_gap`: a character or two read before the match)
    rng = random.Random(31)
    vocabulary = ["of", "from", "the", "a", "an", "Zaire", "Abc", "Ab", "ABC", "armed", "'s",
                  "-", "x", "o", "f", "of-", "\n", "\u3000", "é", ",", ")", "Ée"]
    joins = [" ", " ", "  ", "", "-", "\t", "\u3000"]
    texts = _SENTENCES + soups(vocabulary, 3_000, 31, joins, (0, 6))
    matched = [0, 0, 0]
    for text in texts:
        low = actors.lowered(text)
        spans = [(0, len(text)), (len(text), 0)] + [
            (start, start + rng.randint(0, 12)) for start in range(0, len(text), 3)]
        # (and from a space to the space after each of the next words, as between phrases)
        spaces = [at for at, ch in enumerate(text) if ch == " "]
        spans += [(at, after + 1) for i, at in enumerate(spaces) for after in spaces[i:i + 4]]
        for start, end in spans:
            end = min(end, len(text))
            expected = (actors._GAP_HEAD.fullmatch(low, start, end) is not None,
                        actors._GAP_FACTION.fullmatch(text, start, end) is not None,
                        actors._GAP_OF.fullmatch(text, start, end) is not None)
            got = (actors._head_gap(low, start, end), actors._faction_gap(text, start, end),
                   actors._of_gap(text, start, end))
            assert got == expected, (text, start, end)
            for i in range(3):
                matched[i] += expected[i]
    assert min(matched) > 1_000, matched


def test_head_words_after_a_name_where_the_patterns_match() -> None:
    # (`_add_clans` searches only where `_after_name` tells a head word follows a name)
    texts = [t for t in _SENTENCES if "clan" in t or "families" in t or "tribes" in t]
    texts += [*_clan_texts(8_000, 41), "Ab clan", "Ab sub-clan", "Ab\u3000\nclans", "Ab sub-clans",
              "xy sub-clan", "Ab  families", "Abgaal and Ab tribes", "Ab-clan", "A clan",
              "ab clan", "Éb clan", "Ab_clan", "clan Ab clan", "sub-clan", "b clan"]
    named = [0, 0]
    for text in texts:
        for word, pattern in (("clan", _CLAN), ("families", _FEUD), ("tribes", _FEUD)):
            first = text.find(word)
            may = first >= 0 and actors._after_name(text, word, first)
            found = pattern.search(text) is not None and (
                word == "clan" or any(m.group(3) == word for m in pattern.finditer(text)))
            assert may or not found, (text, word)
            named[0] += may
            named[1] += found
    assert named[1] > 300 and named[0] < 3 * named[1], named


def test_in_hospital_answers_as_the_search() -> None:
    # (`_in_hospital`: the window's last word read before the search)
    rng = random.Random(47)
    words = ["in", "to", "a", "the", "Nairobi", "SMHS", "district", "taken", "bin", "into",
             "photo", "Tadmur's", "x-ray", "É", "Éa", "(to", "an", "ITO", "1", "town's", "ña"]
    texts = _SENTENCES + soups(words, 4_000, 47, [" ", " ", "  ", "\n", "\u2003", "-", ", "],
                               (1, 6))
    found = 0
    for text in texts:
        ends = [at + 1 for at, ch in enumerate(text) if ch == " "]
        for start in [*ends, len(text), 0, rng.randrange(len(text) + 1)]:
            begin = max(0, start - 30)
            expected = actors._IN_HOSPITAL.search(text, begin, start) is not None
            found += expected
            assert actors._in_hospital(text, begin, start) == expected, (text, start)
    assert found > 1_000, found


def test_may_ally_holds_every_link() -> None:
    # (`_allied` matches `_ALLIED_LINK` only where `_may_ally` lets it)
    links = ["and", "as well as", "alongside", "together with", "along with",
             "who are supported by", "who was backed by", "assisted by", "accompanied by",
             "aided by", "with the support of", "with the help of", "in coordination with", "AND",
             "Supported by", "attacked", "killed a", "x", "an", "i", "\u212a", "with", "the", ","]
    texts = soups(links, 6_000, 53, [" ", " ", ", ", "  ", "\n", ",", "", "\u2003"], (1, 4))
    texts += [f"{pre}{link} {the}" for link in links for pre in ("", " ", ", ", ",\n", " ,")
              for the in ("", "the ")]
    linked = 0
    for text in texts + _SENTENCES:
        for start in range(0, len(text), 1 if len(text) < 60 else 7):
            for end in (len(text), start + 12, start + 25):
                if end > len(text):
                    continue
                link = actors._ALLIED_LINK.fullmatch(text, start, end) is not None
                linked += link
                assert actors._may_ally(text, start, end) or not link, (text, start, end)
    assert linked > 2_000, linked
