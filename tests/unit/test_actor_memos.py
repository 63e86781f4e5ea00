"""The actor module's kept results and shortcuts answer exactly as the code they stand in for
(copied here as it was first written): `matches`, `gate_read` and `_scan` kept by `TextMemo`
(first an `lru_cache`), the names of `_find` kept by context and entry (first by a four-item
key), and the regexes `_remote` and `_suspect` try only where they may match. Checked on the
sentences and articles of a benchmark corpus and on generated and hand-made edge cases."""

from __future__ import annotations

import random
from functools import lru_cache

from benchmarks.corpus import articles_of_size
from tests.unit.generated import soups
from worker.extract import actors
from worker.extract.actors import _FOUGHT, _OWNED, _SUSPECTED
from worker.extract.text import split_sentences
from worker.extract.types import ActorMention

_ARTICLES = [article.body for article in articles_of_size(3_000, 60)]
_SENTENCES = [s.text for body in _ARTICLES for s in split_sentences(body)]

_WORDS = ["soldiers", "police", "killed", "said", "clan", "families", "by", "By", "from", "FROM",
          "the", "a", "an", "local", "were", "was", "is", "are", "suspected", "alleged",
          "believed", "attackers", "headquarters", "OF", "of", "The", "Of", "base", "convoy",
          "clashed with", "confronted", "engaged", "fought", "repelled by", "resisted by",
          "Taliban", "Al Shabaab", "gunmen", "militants", "JNIM", "Mozambican", "islamist",
          "İ", "K", "café", "—", "’s", ",", ".", "\n", "\t", "  ", "\u00a0", "\x1c", "\u2003",
          "Afghan", "Kenyan", "residents", "herders", "the group"]


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 16)))
            for _ in range(count)]


_EDGES = ["", " ", "\n", "a", "by ", "from the", "Headquarters of \n", "convoy OF THE \n",
          "members of the\n", "office of  the ", "fought\tthe ", "repelled by local\n",
          "Taliban\u00a0were suspected attackers", "JNIM \x1cwas believed", "JNIM\n\nare alleged "
          "culprits", "the army were\u2003suspected perpetrators"]
_TEXTS = _SENTENCES + _generated(400, 7) + _EDGES


# ---------------------------------------------------------------- the code as first written

_matches_as_first_written = lru_cache(maxsize=1024)(actors._matches_of)
_gate_read_as_first_written = lru_cache(maxsize=1024)(actors.read_gates)
_scan_as_first_written = lru_cache(maxsize=1024)(actors._scan_of)

_NAMES_AS_FIRST_WRITTEN: dict[tuple[object, str | None, str | None, str],
                              tuple[str, object, str | None] | None] = {}


def _find_as_first_written(text: str, offset: int, context: str | None
                           ) -> tuple[ActorMention, ...]:
    out: list[ActorMention] = []
    for raw in actors._scan(text):
        kind = raw.entry.kind
        if kind in (actors._KIND_OBJ, actors._KIND_PROP):
            continue
        if kind == actors._KIND_UNID and context == "MZ":
            named = actors._name(raw, context, text)
        else:
            key = (raw.entry, raw.country, context, raw.name)
            if key not in _NAMES_AS_FIRST_WRITTEN:
                _NAMES_AS_FIRST_WRITTEN[key] = actors._name(raw, context, text)
            named = _NAMES_AS_FIRST_WRITTEN[key]
        if named is None:
            continue
        name, actor_type, code = named
        out.append(ActorMention(name, actor_type, code, offset + raw.start, offset + raw.end,
                                text[raw.start:raw.end]))
    return tuple(out)


# ---------------------------------------------------------------- the checks

def _raws(raws: tuple[actors._Raw, ...]) -> list[tuple[int, int, int, str | None, str]]:
    return [(r.start, r.end, id(r.entry), r.country, r.name) for r in raws]


def test_kept_results_as_the_lru_caches_first_written() -> None:
    rng = random.Random(3)
    texts = _TEXTS * 2
    rng.shuffle(texts)
    # (fresh string objects too: a kept result is found by the text's value, not its identity)
    texts += ["".join(list(text)) for text in _TEXTS[:300]]
    for text in texts:
        assert actors.matches(text) == _matches_as_first_written(text), text
        assert actors.gate_read(text) == _gate_read_as_first_written(text), text
        assert _raws(actors._scan(text)) == _raws(_scan_as_first_written(text)), text
    actors.clear_text_caches()
    for text in texts[:200]:
        assert actors.matches(text) == _matches_as_first_written(text), text


def test_memo_keeps_the_texts_met_last() -> None:
    rng = random.Random(11)
    memo = actors.TextMemo(4)
    truth: dict[str, object] = {}
    recent: list[str] = []
    for _ in range(3_000):
        key = str(rng.randrange(20))
        if rng.random() < 0.02:
            memo.clear()
            recent.clear()
        got = memo.get(key)
        if got is None:
            value = truth.setdefault(key, (key, rng.random()))
            memo.put(key, value)
        else:
            assert got is truth[key]
        recent = [k for k in recent if k != key] + [key]
        assert len(memo.new) <= 4 and len(memo.old) <= 4
        # the last texts met are kept (the newer generation holds at least one)
        assert memo.get(recent[-1]) is truth[recent[-1]]


def test_find_names_as_first_written() -> None:
    rng = random.Random(5)
    contexts = [None, "KE", "MZ", "NG", "UA", "SO", "IL", "PS", "PH", "CM", "YE", "AF", "BR"]
    asks = [(text, rng.choice(contexts)) for text in _TEXTS for _ in range(2)]
    rng.shuffle(asks)
    for text, context in asks:
        offset = rng.randrange(50)
        assert actors.actor_mentions(text, offset, context) == \
            _find_as_first_written(text, offset, context), (text, context)


def test_may_be_suspected_is_in_every_match() -> None:
    texts = [*_TEXTS, " are suspected attackers", "\n\nwere alleged culprits", " x", "is",
             "\u2003is believed to be the perpetrators", "\x1c\x1dwas likely authors"]
    # (and soups of the pattern's words, so that each of its steps is met, and missed, often)
    words = ["are", "is", "were", "was", "the", "suspected", "alleged", "presumed", "likely",
             "believed", "to be the", "attacker", "perpetrators", "culprits", "author", "ar",
             "wa", "i", "x", "thee", ""]
    texts += soups(words, 6_000, 43, [" ", " ", "  ", "\n", "\u2003", "", "-"], (1, 7))
    texts += [f"x{space}{verb}{space}{the}{word} {noun}" for verb in ("are", "is", "were", "was")
              for the in ("", "the ") for word in words[5:10] for noun in words[10:14]
              for space in (" ", "\n ")]
    matched = 0
    for text in texts:
        for at in range(len(text) + 1):
            if _SUSPECTED.match(text, at) is not None:
                matched += 1
                assert actors._may_be_suspected(text, at), (text, at)
    assert matched > 300, matched


def test_owned_and_fought_as_the_searches_first_written() -> None:
    for text in _ARTICLES[:20] + _TEXTS:
        for start in range(len(text) + 1):
            assert actors._owned(text, start) == \
                (_OWNED.search(text, max(0, start - 30), start) is not None), (text, start)
            assert actors._fought(text, start) == \
                (_FOUGHT.search(text, max(0, start - 40), start) is not None), (text, start)
