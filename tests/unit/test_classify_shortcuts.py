"""The classifier's shortcuts answer exactly as the code they stand in for (copied here as it
was first written): the word gates in front of its costly regex searches, the background
test without `pairwise`, the sort skipped when the triggers are already in order. Checked on
the sentences of a benchmark corpus and on generated and hand-made edge cases."""

from __future__ import annotations

import random
import re
from itertools import pairwise

from benchmarks.corpus import articles_of_size
from worker.extract import actors, classify
from worker.extract.text import split_sentences

# The searches the word gates stand before, as classify runs them (not a copy: a gate must let
# through every text its search matches, whatever the search becomes).
_STATE_DETONATED = classify._STATE_DETONATED
_HQ = classify._HQ

_SUBJECTS = ["police", "forces", "army", "military", "soldiers", "troops", "experts", "squad",
             "sappers", "authorities", "engineers", "technicians", "xpolice", "policemen"]
_VERBS = ["detonated", "exploded", "destroyed", "neutralised", "neutralized", "neutralise",
          "detonate", "explodedx", "established", "set up", "setting up", "built", "building",
          "constructed", "opened", "transformed", "turned", "converted", "into"]
_NOUNS = ["base", "bases", "camp", "headquarters", "hq", "outpost", "barracks", "stronghold",
          "post", "positions", "garrison", "hideout", "hideouts", "strongholds"]
_FILLERS = ["", " ", " the ", " a new ", ". ", "; ", ", ", " it into a ", " of the town into ",
            " " + "x" * 38 + " ", " " + "x" * 39 + " ", " " + "x" * 41 + " ", " one two three ",
            " one two three four five ", "\n"]


def _sentences() -> list[str]:
    out: list[str] = []
    for article in articles_of_size(3_000, 80):
        sentences = split_sentences(article.body)
        out.extend(actors.lowered(s.text) for s in sentences)
        out.extend(actors.lowered(a.text + " " + b.text) for a, b in pairwise(sentences))
    return out


def _generated(count: int) -> list[str]:
    rng = random.Random(7)
    words = _SUBJECTS + _VERBS + _NOUNS
    return ["".join(rng.choice(words) + rng.choice(_FILLERS) for _ in range(rng.randint(1, 5)))
            for _ in range(count)]


def test_detonation_gate_answers_as_the_search() -> None:
    hits = 0
    for low in _sentences() + _generated(20_000):
        expected = _STATE_DETONATED.search(low) is not None
        hits += expected
        assert classify._state_detonated(low) == expected, low
    assert hits > 500


def test_headquarters_search_from_its_first_word_answers_as_the_search() -> None:
    hits = 0
    for low in _sentences() + _generated(20_000):
        expected = _HQ.search(low)
        found = classify._establishment(low)
        if expected is None:
            assert found is None, low
        else:
            hits += 1
            assert found is not None and found.span() == expected.span(), low
    assert hits > 500
    # the search starts after "x" (a word character before the first word), as in place
    assert classify._establishment("xbuilt a base, then built a camp") is not None
    assert classify._establishment("xbuilt a base") is None
    # the comparison can fail: a gate without "open" misses "opened a camp"
    assert _HQ.search("they opened a camp") and not any(
        word in "they opened a camp" for word in classify._HQ_WORDS if word != "open")


_BACKGROUNDS = classify._BACKGROUNDS
_BACKGROUND_PAIRS = classify._BACKGROUND_PAIRS


def _background(low: str, start: int, word: str) -> bool:
    words = classify._words_before(low, start, 40)[-6:]
    if any(pair in _BACKGROUND_PAIRS for pair in pairwise(words)):
        return True
    # ("before being repelled": what followed, no background)
    marks = [w for i, w in enumerate(words) if w in _BACKGROUNDS
             and not (w == "before" and words[i + 1:i + 2] == ["being"])]
    if not marks:
        return False
    return not (word.endswith("ed") and all(m == "against" for m in marks)
                and classify._RELATIVE_WORDS.isdisjoint(words))


def test_background_answers_as_before() -> None:
    rng = random.Random(11)
    vocabulary = sorted(_BACKGROUNDS | {w for pair in _BACKGROUND_PAIRS for w in pair} |
                        classify._RELATIVE_WORDS | {"the", "police", ",", ".", "x", "being"})
    texts = _sentences()
    texts += [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 12)))
              for _ in range(5_000)]
    backgrounds = 0
    for low in texts:
        for match in re.finditer(r"\b\w", low):
            for word in ("clashed", "protest"):
                expected = _background(low, match.start(), word)
                backgrounds += expected
                assert classify._background(low, match.start(), word) == expected, (
                    low[max(0, match.start() - 40):match.start()], word)
    assert backgrounds > 1_000


def _order(f: tuple[int, int, str]) -> tuple[int, int, bool]:
    return f[0], f[0] - f[1], f[2] != "NONE"


def test_triggers_in_order_are_the_sorted_list() -> None:
    rng = random.Random(3)
    sorted_already = unsorted = 0
    for _ in range(50_000):
        found = []
        for _ in range(rng.randint(1, 5)):
            start = rng.randint(0, 6)
            found.append((start, start + rng.randint(1, 4), rng.choice(["NONE", "KILL", "PROT"])))
        in_order = sorted(found, key=_order) == found
        sorted_already += in_order
        unsorted += not in_order
        hits = [classify._Hit(start, end, cue, "", False, False) for start, end, cue in found]
        assert classify._in_order(hits) == in_order, found
        # and the sort of the hits is the sort of the triggers as first written
        assert [(h.start, h.end, h.cue) for h in sorted(hits, key=classify._found_order)] == \
            sorted(found, key=_order), found
    assert sorted_already > 1_000 and unsorted > 1_000


def test_scan_reports_its_triggers_in_text_order() -> None:
    text = "No one was killed when protesters marched and clashed with riot police in Kabul."
    cues = classify._scan(text)
    assert cues is not None
    hits = cues.all
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    assert [h.word for h in hits][:3] == ["killed", "protesters", "marched"]
    assert hits[0].negated
    assert cues.usable == hits[1:] and cues.heads[classify._H_PROT] is hits[1]


# The searches below stand in for what the classifier first ran (copied here as it was).
_CLAUSE_WORDS = ["that", "who", "which", "when", "after", "while", "as", "because", "before",
                 "and", "then", "and then", "thence", "whoever", "as-", "police", "x"]
_MARKS = [", ", "; ", ": ", ". ", " ", " ", " ", "(", ") ", "\n"]


def _clause_texts() -> list[str]:
    rng = random.Random(5)
    texts = _sentences()
    texts += ["".join(rng.choice(_CLAUSE_WORDS) + rng.choice(_MARKS)
                      for _ in range(rng.randint(1, 14))) for _ in range(4_000)]
    return texts


def _windows(low: str, rng: random.Random) -> list[tuple[int, int]]:
    out = [(0, len(low))]
    for _ in range(4):
        start = rng.randint(0, len(low))
        out.append((start, rng.randint(start, len(low))))
    return out


def test_last_clause_mark_is_finditers_last() -> None:
    rng = random.Random(13)
    found = 0
    for low in _clause_texts():
        for start, end in _windows(low, rng):
            cut, mark = 0, ""
            for match in classify._CLAUSE.finditer(low, start, end):
                cut, mark = match.end(), match.group()
            last = classify._CLAUSE_LAST.match(low, start, end)
            found += last is not None
            assert (last.end() if last is not None else 0) == cut, (low, start, end)
            assert (last.group(1) if last is not None else "") == mark, (low, start, end)
    assert found > 5_000


def _relative(low: str, start: int, end: int) -> re.Match[str] | None:
    for match in classify._RELATIVE.finditer(low, start, end):
        if match.group() != "that" or classify._REPORTING_BEFORE.search(
                low, max(0, match.start() - 50), match.start()) is None:
            return match
    return None


def test_relative_answers_as_finditer() -> None:
    rng = random.Random(17)
    vocabulary = [*_CLAUSE_WORDS, "said", "told reporters", "officials said", "whose", "thatch"]
    texts = _sentences() + ["".join(rng.choice(vocabulary) + rng.choice(_MARKS)
                                    for _ in range(rng.randint(1, 14))) for _ in range(4_000)]
    found = 0
    for low in texts:
        for start, end in _windows(low, rng):
            expected = _relative(low, start, end)
            got = classify._relative(low, start, end)
            found += expected is not None
            assert (got.span() if got else None) == (expected.span() if expected else None), (
                low, start, end)
    assert found > 2_000


def test_stop_between_answers_as_the_search() -> None:
    rng = random.Random(19)
    stops = re.compile(r"[.;:,()]")
    hits = 0
    for low in _clause_texts():
        for start, end in _windows(low, rng):
            expected = stops.search(low, start, end) is not None
            hits += expected
            assert classify._stop_between(low, start, end) == expected, (low, start, end)
    assert hits > 5_000


def _passive(low: str, at: int) -> bool:
    words = low[max(0, at - 30):at].split()
    if not words:
        return False
    if words[-1] in classify._AUXILIARIES:
        return True
    if words[-1] == "found" and len(words) > 1 and words[-2] in classify._AUXILIARIES:
        return True
    for at in (-2, -3):
        if len(words) > -at and words[at] in classify._POSSESSIVES \
                and words[at - 1] in classify._CAUSATIVES:
            return True
    return len(words) > 1 and words[-1].endswith("ly") and words[-2] in classify._AUXILIARIES


def test_passive_answers_as_before() -> None:
    rng = random.Random(23)
    vocabulary = [*sorted(classify._AUXILIARIES), *sorted(classify._CAUSATIVES),
                  *sorted(classify._POSSESSIVES), "badly", "ly", "police", "found", "x", "\n", "  ",
                  "\u3000", "\x1c"]  # white space split() knows beyond ASCII
    texts = _sentences() + [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 9)))
                            for _ in range(4_000)]
    passives = 0
    for low in texts:
        for at in range(0, len(low) + 1, 3):
            expected = _passive(low, at)
            passives += expected
            assert classify._passive(low, at) == expected, (low, at)
    assert passives > 2_000


def test_each_cues_hits_are_in_order() -> None:
    # (what lets the intervention step skip its sort when only one of its cues has hits)
    seen = 0
    for article in articles_of_size(3_000, 80):
        for sentence in split_sentences(article.body):
            cues = classify._scan(sentence.text)
            if cues is None:
                continue
            for cue in classify._CUES:
                hits = cues.of(cue)
                seen += len(hits) > 1
                assert sorted(hits, key=classify._Hit.order) == hits, sentence.text
    assert seen > 50


def _words_before(low: str, at: int, reach: int) -> list[str]:
    begin = max(0, at - reach)
    for mark in classify._STOPS:
        found = low.rfind(mark, begin, at)
        if found >= begin:
            begin = found + 1
    return low[begin:at].split()


def test_stops_written_out_answer_as_the_loop_over_them() -> None:
    rng = random.Random(5)
    alphabet = ["a", "b", " ", "  ", ".", ";", ":", ",", "(", ")", "x y", "!", "-"]
    texts = _sentences()[:2_000]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
              for _ in range(5_000)]
    stopped = 0
    for low in texts:
        for _ in range(4):
            start = rng.randint(0, len(low))
            end = rng.randint(start, len(low))
            expected = any(low.find(mark, start, end) != -1 for mark in classify._STOPS)
            stopped += expected
            assert classify._stop_between(low, start, end) == expected, (low, start, end)
            assert classify._words_before(low, end, 40) == _words_before(low, end, 40), low
    assert stopped > 1_000


def test_cue_bits_are_the_cue_sets() -> None:
    for cue in classify._CUES:
        bit = classify._CUE_BIT[cue]
        assert bool(bit & classify._NEGATABLE_BITS) == (cue in classify._NEGATABLE)
        assert bool(bit & classify._BACKGROUND_BITS) == (cue in classify._BACKGROUND_CUES)


def test_passive_answers_as_the_loop() -> None:
    rng = random.Random(9)
    vocabulary = sorted(classify._AUXILIARIES | classify._POSSESSIVES | classify._CAUSATIVES |
                        {"found", "badly", "house", "the", "x"})
    texts = _sentences()[:2_000]
    texts += [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 8))) + " "
              for _ in range(5_000)]
    passives = 0
    for low in texts:
        for at in {len(low), *(m.start() for m in re.finditer(r"\b\w", low))}:
            expected = _passive(low, at)
            passives += expected
            assert classify._passive(low, at) == expected, low[max(0, at - 30):at]
    assert passives > 1_000


def _triggers_as_first_written(text: str) -> tuple[list[tuple[int, int, str]], list[int],
                                                   list[int]]:
    """`_scan`'s first loop as first written: each match unpacked as an `actors.Match`."""
    found: list[tuple[int, int, str]] = []
    negations: list[int] = []
    hedges: list[int] = []
    _, words, matched = actors.matches(text)
    for last, (length, _, keys) in matched:
        if not keys:
            continue
        prefix = keys[0][2]
        start = last - length + 1
        end = words.find(" ", last) - 1 if prefix else last - 1
        for _, cue, _, case in keys:
            if case and text[start:end] != case:
                continue
            if cue == "NEG":
                negations.append(end)
            elif cue == "HEDGE":
                hedges.append(end)
            else:
                found.append((start, end, cue))
    return found, negations, hedges


#: Words of each kind the loop tells apart: prefixes, exact-case words, negations, hedges,
#: non-event phrases, actors (matches with no trigger key), gate words, and non-ASCII text.
_TRIGGER_WORDS = ["demonstrators", "demonstrating", "IED", "ied", "IEDs", "UAV", "uav", "May",
                  "may", "not", "never", "no one", "threatened to", "planned", "killed",
                  "heart attack", "tear gas", "soldiers", "police", "Boko Haram", "March",
                  "march", "clan", "families", "January", "said", "kidnappers", "Kidnapped",
                  "airstrikes", "air-strike", "no-one", "café", "naïve", "—", "’s", "x", ","]


def test_triggers_read_as_the_matches_unpacked() -> None:
    rng = random.Random(17)
    texts = [s.text for article in articles_of_size(3_000, 80)
             for s in split_sentences(article.body)]
    texts += [" ".join(rng.choice(_TRIGGER_WORDS) for _ in range(rng.randint(1, 12)))
              for _ in range(5_000)]
    found_any = negated = hedged = 0
    for text in texts:
        expected = _triggers_as_first_written(text)
        _, words, matched = actors.matches(text)
        found, negations, hedges = classify._triggers(text, words, matched)
        assert [(h.start, h.end, h.cue) for h in found] == expected[0], text
        # (None where there are none: no empty list built)
        assert (negations or [], hedges or []) == expected[1:], text
        assert negations != [] and hedges != [], text
        assert all(h.word == "" and not h.negated and not h.hedged for h in found)
        found_any += bool(found)
        negated += bool(negations)
        hedged += bool(hedges)
    assert found_any > 2_000 and negated > 500 and hedged > 500


def test_pronoun_answers_as_the_search() -> None:
    # (`_pronoun`: four finds before the search)
    rng = random.Random(29)
    vocabulary = ["he", "she", "they", "him", "her", "them", "it", "who", "whose", "the", "hit",
                  "had", "been", "were", "x", "1", " ", "  ", "\n", ", ", "\u3000", "é", "_"]
    texts = _clause_texts() + [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 9)))
                               for _ in range(4_000)]
    found = 0
    for low in texts:
        # (random windows, and windows that end after a space, as the callers' do)
        ends = [(max(0, at - rng.randint(0, 40)), at + 1) for at, ch in enumerate(low)
                if ch == " "]
        for start, end in [*_windows(low, rng), *ends, (len(low), 0), (3, 1)]:
            expected = classify._PRONOUN.search(low, start, end) is not None
            found += expected
            assert classify._pronoun(low, start, end) == expected, (low, start, end)
    assert found > 2_000
