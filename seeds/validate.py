"""Checks the seed files: run `.venv/bin/python seeds/validate.py` from the repository root.

Articles: JSON parses; `article` validates as worker.models.Article; ids are unique and match
the file name; every expected event uses a valid (event_type, sub_event_type) pair, valid actor
types, precisions and claim kinds, and is dated on or before publication.
Malformed: every .bin file is listed in expected.json with a known stage/reason pair.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from worker.errors import REASONS  # noqa: E402
from worker.models import (  # noqa: E402
    SUB_EVENT_TYPES,
    ActorType,
    Article,
    CasualtyKind,
    Precision,
)

PAIRS = {(e.value, s.value) for e, subs in SUB_EVENT_TYPES.items() for s in subs}
ACTOR_TYPES = {a.value for a in ActorType}
KINDS = {k.value for k in CasualtyKind}
PRECISIONS = {p.value for p in Precision}
EVENT_KEYS = {
    "event_type", "sub_event_type", "event_date", "date_precision", "country_code", "admin1",
    "admin1_geonames", "location", "location_precision", "latitude", "longitude", "geonames_id",
    "actor1", "actor1_type", "actor2", "actor2_type", "fatalities", "injured", "captured",
    "claims", "sources",
}
CLAIM_KEYS = {"kind", "count", "count_max", "qualifier", "side", "claimed_by", "via"}


def check_articles(errors: list[str]) -> Counter[tuple[str, str]]:
    ids: set[str] = set()
    counts: Counter[tuple[str, str]] = Counter()
    files = sorted((ROOT / "articles").glob("*.json"))
    for path in files:
        def bad(msg: str, path: Path = path) -> None:
            errors.append(f"{path.name}: {msg}")
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            bad(f"invalid JSON: {exc}")
            continue
        if set(doc) != {"article", "expected_events", "notes"}:
            bad(f"top-level keys {sorted(doc)}")
        article = Article.model_validate(doc["article"])
        if article.id in ids:
            bad(f"duplicate id {article.id}")
        ids.add(article.id)
        stem = path.stem
        if article.id != f"seed-{stem[:3]}-{stem[4:].replace('_', '-')}":
            bad(f"id {article.id} does not match the file name")
        words = len(article.body.split())
        if not 150 <= words <= 600:
            bad(f"body has {words} words")
        for i, ev in enumerate(doc["expected_events"]):
            where = f"event {i}"
            if set(ev) != EVENT_KEYS:
                bad(f"{where}: keys differ: {sorted(set(ev) ^ EVENT_KEYS)}")
            pair = (ev["event_type"], ev["sub_event_type"])
            if pair not in PAIRS:
                bad(f"{where}: invalid type pair {pair}")
            counts[pair] += 1
            if date.fromisoformat(ev["event_date"]) > article.published_date:
                bad(f"{where}: event_date after publication")
            if ev["date_precision"] not in PRECISIONS:
                bad(f"{where}: date_precision {ev['date_precision']}")
            if ev["location_precision"] not in (1, 2, 3):
                bad(f"{where}: location_precision {ev['location_precision']}")
            if len(ev["country_code"]) != 2:
                bad(f"{where}: country_code {ev['country_code']}")
            for n in ("1", "2"):
                name, kind = ev[f"actor{n}"], ev[f"actor{n}_type"]
                if (name is None) != (kind is None) or (kind and kind not in ACTOR_TYPES):
                    bad(f"{where}: actor{n} {name!r} / {kind!r}")
            if ev["actor1"] is None:
                bad(f"{where}: actor1 missing")
            for key in ("fatalities", "injured", "captured"):
                if ev[key] is not None and (not isinstance(ev[key], int) or ev[key] < 0):
                    bad(f"{where}: {key} {ev[key]!r}")
            for claim in ev["claims"]:
                if set(claim) != CLAIM_KEYS or claim["kind"] not in KINDS or claim["count"] < 0:
                    bad(f"{where}: bad claim {claim}")
            if not all(isinstance(s, str) and s for s in ev["sources"]):
                bad(f"{where}: bad sources")
    print(f"{len(files)} articles, {sum(counts.values())} expected events")
    return counts


def check_malformed(errors: list[str]) -> int:
    folder = ROOT / "malformed"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    files = {p.name for p in folder.glob("*.bin")}
    if files != set(expected):
        errors.append(f"malformed: files and expected.json differ: {sorted(files ^ set(expected))}")
    for name, want in expected.items():
        stage = REASONS.get(want["reason"])
        if stage is None or stage.value != want["stage"]:
            errors.append(f"malformed/{name}: unknown stage/reason {want}")
    print(f"{len(expected)} malformed messages")
    return len(expected)


def main() -> int:
    errors: list[str] = []
    counts = check_articles(errors)
    check_malformed(errors)
    for (etype, sub), n in sorted(counts.items()):
        print(f"  {n:3d}  {etype} / {sub}")
    missing = PAIRS - set(counts)
    if missing:
        print("sub-types without an example:", sorted(missing))
    print("\n".join(errors) if errors else "OK")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
