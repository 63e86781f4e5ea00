"""Scoring the extraction core against gold-labelled records (ACLED-style JSON Lines).

Each record (`id`, `text`, `published_at`, `gold`) runs through the extractor as an Article;
the best-matching emitted event is compared field by field: event and sub-event type exact;
country by name or ISO code; admin1 by name allowing transliteration variants; location
within 25 km; event date exact; fatalities exact (null = 0); actors by category plus a
shared distinctive token, in either order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from worker.extract.countries import country_code as code_of_country
from worker.geo import fold_name, haversine_km, strip_accents
from worker.models import Article, Event

FIELDS = (
    "event_type", "sub_event_type", "country", "admin1", "location_25km", "event_date",
    "fatalities", "actor1", "actor2",
)

_GENERIC = {
    "of", "the", "and", "forces", "force", "military", "police", "group", "armed", "unidentified",
    "civilians", "protesters", "rioters", "militia", "militias", "communal", "ethnic", "state",
    "government", "national", "international", "unknown", "gunmen", "men", "people", "party",
}
_NAME_SUFFIXES = re.compile(
    r"\b(?:province|region|state|county|district|governorate|oblast|division|department|"
    r"prefecture|territory|municipality|city|wilayah|velayat|vilayet)\b"
)


@dataclass(slots=True)
class Report:
    records: int = 0
    correct: Counter[str] = field(default_factory=Counter)
    scored: Counter[str] = field(default_factory=Counter)
    events_per_record: Counter[int] = field(default_factory=Counter)
    misses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.scored[name] if self.scored[name] else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "accuracy": {f: round(self.accuracy(f), 4) for f in FIELDS},
            "events_per_record": {str(k): v for k, v in sorted(self.events_per_record.items())},
        }

    def table(self) -> str:
        lines = [f"records: {self.records}", f"{'field':<16} {'accuracy':>9} {'correct':>9}"]
        for name in FIELDS:
            lines.append(f"{name:<16} {self.accuracy(name):>8.1%} "
                         f"{self.correct[name]:>5}/{self.scored[name]}")
        dist = ", ".join(f"{k}: {v}" for k, v in sorted(self.events_per_record.items()))
        lines.append(f"events per record: {dist}")
        return "\n".join(lines)


def evaluate(records: Iterable[dict[str, Any]], extract: Callable[[Article], list[Event]],
             keep_misses: int = 0, progress: Callable[[int], None] | None = None) -> Report:
    report = Report()
    for index, record in enumerate(records):
        gold = record["gold"]
        article = Article(id=str(record["id"]), body=record["text"],
                          published_at=record["published_at"])
        events = extract(article)
        report.records += 1
        report.events_per_record[min(len(events), 5)] += 1
        scores = max((score_event(e, gold) for e in events),
                     key=lambda s: sum(s.values()), default=None)
        for name in FIELDS:
            report.scored[name] += 1
            ok = bool(scores and scores[name])
            report.correct[name] += ok
            if not ok and keep_misses and len(report.misses.setdefault(name, [])) < keep_misses:
                best = (max(events, key=lambda e: sum(score_event(e, gold).values()))
                        if events else None)
                report.misses[name].append({
                    "id": record["id"], "text": record["text"], "gold": gold,
                    "got": best.model_dump(mode="json", include=_BRIEF) if best else None,
                })
        if progress is not None:
            progress(index + 1)
    return report


_BRIEF = {"event_type", "sub_event_type", "event_date", "actor1", "actor2", "location",
          "fatalities", "injured"}


_GOT_KEY = {"location_25km": "location", "country": "location", "admin1": "location"}
_GOLD_KEYS = {"actor1": ("actor1", "actor2"), "actor2": ("actor1", "actor2"),
              "location_25km": ("location", "latitude", "longitude"),
              "admin1": ("admin1", "country"), "country": ("country",)}


def miss_line(name: str, item: dict[str, Any]) -> str:
    """One line for a miss of field `name`: id, gold vs got, and the text's start."""
    gold, got = item["gold"], item["got"] or {}
    if name in ("actor1", "actor2"):
        want = " || ".join(str(gold.get(k)) for k in ("actor1", "actor2"))
        have = " || ".join(str((got.get(k) or {}).get("name")) for k in ("actor1", "actor2"))
    else:
        want = ", ".join(str(gold.get(k)) for k in _GOLD_KEYS.get(name, (name,)))
        value = got.get(_GOT_KEY.get(name, name))
        if isinstance(value, dict):
            value = ", ".join(str(value.get(k)) for k in ("name", "admin1", "country",
                                                              "latitude", "longitude"))
        have = str(value)
    if name in ("actor1", "actor2", "event_type", "sub_event_type"):
        want = f"{gold.get('sub_event_type')}: {want}"
        have = f"{got.get('sub_event_type')}: {have}"
    text = " ".join(str(item["text"]).split())
    return f"{item['id']}\n  gold: {want}\n  got:  {have}\n  text: {text[:240]}"


def score_event(event: Event, gold: dict[str, Any]) -> dict[str, bool]:
    loc = event.location
    return {
        "event_type": event.event_type.value == gold.get("event_type"),
        "sub_event_type": event.sub_event_type.value == gold.get("sub_event_type"),
        "country": loc is not None and same_country(loc.country_code, loc.country,
                                                     gold.get("country")),
        "admin1": loc is not None and same_name(loc.admin1, gold.get("admin1")),
        "location_25km": loc is not None and within_km(
            loc.latitude, loc.longitude, gold.get("latitude"), gold.get("longitude"), 25.0),
        "event_date": event.event_date.isoformat() == gold.get("event_date"),
        "fatalities": (event.fatalities or 0) == (gold.get("fatalities") or 0),
        "actor1": actor_matches(gold.get("actor1"), event),
        "actor2": actor_matches(gold.get("actor2"), event, second=True),
    }


def same_country(code: str, name: str, gold: str | None) -> bool:
    if not gold:
        return False
    if gold.casefold() in {code.casefold(), name.casefold()}:
        return True
    return (code_of_country(gold) or "").upper() == code.upper()


def fold(text: str) -> str:
    return fold_name(_NAME_SUFFIXES.sub(" ", strip_accents(text).casefold()))


def _skeleton(text: str) -> str:
    """Consonant skeleton: Panjshir / Panjshayr / Panjsher -> pnjshr."""
    folded = fold(text)
    skeleton = re.sub(r"[aeiouy]", "", folded)
    return re.sub(r"(.)\1+", r"\1", skeleton.replace("kh", "k").replace("q", "k"))


def same_name(got: str | None, gold: str | None) -> bool:
    if not got or not gold:
        return False
    a, b = fold(got), fold(gold)
    if a == b or (len(a) > 4 and len(b) > 4 and (a in b or b in a)):
        return True
    return _skeleton(got) == _skeleton(gold) and len(_skeleton(gold)) >= 3


def within_km(lat1: float | None, lon1: float | None, lat2: Any, lon2: Any, km: float) -> bool:
    if None in (lat1, lon1, lat2, lon2):
        return False
    return haversine_km(float(lat1), float(lon1), float(lat2), float(lon2)) <= km  # type: ignore[arg-type]


def actor_category(name: str) -> str:
    low = name.casefold()
    if low.startswith(("military forces", "police forces")) or " forces of " in f" {low} ":
        return "state"
    for cat in ("civilians", "protesters", "rioters", "unidentified"):
        if low.startswith(cat):
            return cat
    return "named"


def actor_tokens(name: str) -> set[str]:
    words = re.findall(r"[a-z]+", fold_words(name))
    return {w for w in words if w not in _GENERIC and len(w) > 2}


def fold_words(text: str) -> str:
    return strip_accents(text).casefold()


def same_actor(a: str, b: str) -> bool:
    if actor_category(a) != actor_category(b):
        return False
    ta, tb = actor_tokens(a), actor_tokens(b)
    return bool(ta & tb) or (not ta and not tb)


def actor_matches(gold: str | None, event: Event, second: bool = False) -> bool:
    got = [a.name for a in (event.actor1, event.actor2) if a is not None]
    if not gold:
        return not second or event.actor2 is None
    return any(same_actor(gold, name) for name in got)
