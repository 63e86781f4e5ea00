"""Score the classifier and the actor picker on the dev set (types exact; actors by category
plus a shared distinctive token, in either order: the rule of /work/shared/eval/README.md).

    .venv/bin/python scripts/eval_types_actors.py [--dev PATH] [--show FIELD] [--limit N]
                                                  [--mode note|pipeline]

The country context passed to the actor finder is the gold country's code, so the figures do
not depend on place resolution. `--mode pipeline` classifies sentence by sentence and keeps
the first sentence that has an event (what the assembler does); `note` classifies the whole
note. Prints accuracies, a confusion summary, the commonest actor misses and a timing on
3 KB articles.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import time
import types
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))


def _load(name: str) -> Any:
    """Import worker.extract.<name>; if the package's __init__ cannot be imported yet (other
    modules still missing), import the module without running it."""
    try:
        return importlib.import_module(f"worker.extract.{name}")
    except ImportError:
        if "worker.extract" not in sys.modules or not hasattr(sys.modules["worker.extract"],
                                                               "__path__"):
            package = types.ModuleType("worker.extract")
            package.__path__ = [str(ROOT / "worker" / "extract")]
            sys.modules["worker.extract"] = package
        return importlib.import_module(f"worker.extract.{name}")


classify_mod = _load("classify")
actors_mod = _load("actors")
countries_mod = _load("countries")
text_mod = _load("text")

_GENERIC = {
    "of", "the", "and", "forces", "force", "military", "police", "group", "armed", "unidentified",
    "civilians", "protesters", "rioters", "militia", "militias", "communal", "ethnic", "state",
    "government", "national", "international", "unknown", "gunmen", "men", "people", "party",
}


def actor_category(name: str) -> str:
    low = name.casefold()
    if low.startswith(("military forces", "police forces")) or " forces of " in f" {low} ":
        return "state"
    for category in ("civilians", "protesters", "rioters", "unidentified"):
        if low.startswith(category):
            return category
    return "named"


def actor_tokens(name: str) -> set[str]:
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return {w for w in re.findall(r"[a-z]+", folded) if w not in _GENERIC and len(w) > 2}


def same_actor(a: str, b: str) -> bool:
    if actor_category(a) != actor_category(b):
        return False
    ta, tb = actor_tokens(a), actor_tokens(b)
    return bool(ta & tb) or (not ta and not tb)


def actor_ok(gold: str | None, got: list[str], got2: str | None, second: bool) -> bool:
    if not gold:
        return not second or got2 is None
    return any(same_actor(gold, name) for name in got)


def run_record(text: str, code: str | None, mode: str) -> tuple[Any, Any, Any]:
    sentences = text_mod.split_sentences(text)
    cls = None
    if mode == "note":
        cls = classify_mod.classify(text, 0)
    else:
        for sentence in sentences:
            cls = classify_mod.classify(sentence.text, sentence.start)
            if cls is not None:
                break
    if cls is None:
        return None, None, None
    mentions = []
    for sentence in sentences:
        mentions.extend(actors_mod.find_actors(sentence.text, sentence.start, code))
    a1, a2, _ = actors_mod.pick_actors(text, mentions, cls, code)
    return cls, a1, a2


def dense_articles(records: list[dict[str, Any]], code_of: Callable[[str], str | None]
                   ) -> list[tuple[str, str | None]]:
    """3 KB bodies made of consecutive dev notes: every sentence reports an event (the worst
    case for the classifier and the actor finder)."""
    articles: list[tuple[str, str | None]] = []
    chunk: list[str] = []
    size = 0
    for record in records:
        chunk.append(record["text"])
        size += len(record["text"]) + 2
        if size >= 3000:
            articles.append(("\n\n".join(chunk)[:3072], code_of(record["gold"]["country"])))
            chunk, size = [], 0
    return articles


def timing(articles: list[tuple[str, str | None]]) -> float:
    """Mean microseconds per article for classify + find_actors + pick_actors, as the
    assembler calls them (classify every sentence, find actors in the sentences that report
    an event, pick once)."""
    prepared = [(body, code, text_mod.split_sentences(body)) for body, code in articles]
    # each article is new to the caches, as in production: clear them between runs
    total = 0.0
    runs = 0
    rounds = max(3, 300 // max(len(prepared), 1))
    for round_ in range(rounds + 1):
        for body, code, sentences in prepared:
            actors_mod.clear_text_caches()
            began = time.perf_counter()
            first = None
            mentions = []
            for sentence in sentences:
                found = classify_mod.classify(sentence.text, sentence.start)
                if found is not None:
                    if first is None:
                        first = found
                    mentions.extend(actors_mod.find_actors(sentence.text, sentence.start, code))
            if first is not None:
                actors_mod.pick_actors(body, mentions, first, code)
            if round_:  # the first round warms the process-wide tables (names, countries)
                total += time.perf_counter() - began
                runs += 1
    return total / runs * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", default="/work/shared/eval/dev.jsonl")
    parser.add_argument("--show", default="", help="print misses of: type, sub, actor1, actor2")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--mode", default="note", choices=("note", "pipeline"))
    parser.add_argument("--filter", default="", help="only gold sub-types containing this")
    args = parser.parse_args()
    records = [json.loads(line) for line in Path(args.dev).read_text().splitlines() if line]
    code_of = countries_mod.country_code
    correct: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    actor_miss: Counter[tuple[str, str]] = Counter()
    shown = 0
    total = 0
    for record in records:
        gold = record["gold"]
        if args.filter and args.filter.lower() not in gold["sub_event_type"].lower():
            continue
        total += 1
        code = code_of(gold["country"])
        cls, a1, a2 = run_record(record["text"], code, args.mode)
        got_type = cls.event_type.value if cls else "None"
        got_sub = cls.sub_event_type.value if cls else "None"
        names = [m.name for m in (a1, a2) if m is not None]
        ok = {
            "type": got_type == gold["event_type"],
            "sub": got_sub == gold["sub_event_type"],
            "actor1": actor_ok(gold["actor1"], names, a2.name if a2 else None, False),
            "actor2": actor_ok(gold["actor2"], names, a2.name if a2 else None, True),
        }
        for field, good in ok.items():
            correct[field] += good
        if not ok["sub"]:
            confusion[(gold["sub_event_type"], got_sub)] += 1
        for field in ("actor1", "actor2"):
            if not ok[field]:
                want = gold[field]
                actor_miss[(field, actor_category(want) if want else "None")] += 1
        if args.show and not ok[args.show] and shown < args.limit:
            shown += 1
            print(f"--- {record['id']}: {record['text'][:400]}")
            print(f"    gold: {gold['event_type']} / {gold['sub_event_type']} | "
                  f"{gold['actor1']} | {gold['actor2']}")
            print(f"    got:  {got_type} / {got_sub} [{cls.text if cls else ''}] | "
                  f"{a1.name if a1 else None} | {a2.name if a2 else None}")
    print(f"records: {total}  mode: {args.mode}")
    for field in ("type", "sub", "actor1", "actor2"):
        print(f"  {field:<8} {correct[field] / max(total, 1):6.1%}  ({correct[field]}/{total})")
    print("sub-type confusion (gold -> got), top 25:")
    for (want, got), count in confusion.most_common(25):
        print(f"  {count:4d}  {want} -> {got}")
    print("actor misses by gold category:")
    for (field, category), count in sorted(actor_miss.items()):
        print(f"  {field} {category:<13} {count}")
    dense = dense_articles(records, code_of)
    print(f"timing: {timing(dense):.1f} us per 3 KB body of dev notes "
          f"({len(dense)} bodies; every sentence an event)")
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if seeds:
        news: list[tuple[str, str | None]] = [(path.read_text(), None) for path in seeds]
        size = sum(len(body) for body, _ in news) / len(news)
        print(f"timing: {timing(news):.1f} us per news article ({len(news)} seed articles, "
              f"{size:.0f} characters on average)")


if __name__ == "__main__":
    main()
