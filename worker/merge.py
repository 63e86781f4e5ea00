"""One incident, many reports: deciding which events are the same incident and merging them.

Pure functions over Events; the stream layer keeps the state (Faust tables) and calls these.
A merged event keeps the id of the first report (its canonical id), every source, claim and
piece of evidence of every report (claims and evidence carry their `article_id`), and
headline figures recomputed over the reports: each report's own figure is already its
conservative reading, and a later, higher toll from a report is an update, so the merged
headline is the highest per-report conservative figure. Its version rises with each change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from worker import codec
from worker.alerts import RuleSet, severity_rank
from worker.geo import fold_name as _fold
from worker.geo import haversine_km
from worker.models import Alert, CasualtyKind, Claim, Event, EventType, Report, Severity
from worker.summary import summarize, summary_line

#: Most claims / evidence items / reports one merged event keeps (the first ones), so that
#: an incident reported by thousands of articles stays a bounded record.
MAX_CLAIMS, MAX_EVIDENCE, MAX_REPORTS = 200, 400, 500

#: Event types that may describe the same incident as each other.
FAMILY: dict[EventType, str] = {
    EventType.BATTLES: "armed",
    EventType.EXPLOSIONS: "armed",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "armed",
    EventType.PROTESTS: "demonstration",
    EventType.RIOTS: "demonstration",
    EventType.STRATEGIC: "strategic",
}


class MergePolicy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    window_days: int = Field(default=3, ge=0, description="Dates this far apart can merge")
    max_km: float = Field(default=50.0, ge=0, description="Places this close can merge")
    expire_days: float = Field(default=14, gt=0, description="Forget incidents not updated for "
                                                             "this long (days, worker time)")

    @property
    def expire_after(self) -> timedelta:
        return timedelta(days=self.expire_days)


def partition_key(event: Event) -> str:
    """Where merge candidates meet: country and admin1 (one worker owns each key)."""
    loc = event.location
    if loc is None:
        return "??"
    return f"{loc.country_code}|{_fold(loc.admin1 or '')}"


def same_incident(a: Event, b: Event, policy: MergePolicy) -> bool:
    if FAMILY[a.event_type] != FAMILY[b.event_type]:
        return False
    if abs((a.event_date - b.event_date).days) > policy.window_days:
        return False
    if not _near(a, b, policy.max_km):
        return False
    return _actors_overlap(a, b)


def find_match(candidates: list[Event], incoming: Event, policy: MergePolicy) -> Event | None:
    """The candidate `incoming` belongs to (the closest in date), or None."""
    matches = [c for c in candidates if same_incident(c, incoming, policy)]
    if not matches:
        return None
    latest = datetime.max.replace(tzinfo=UTC)
    return min(matches, key=lambda c: (abs((c.event_date - incoming.event_date).days),
                                       c.first_seen or latest, c.event_id))


def start(incoming: Event, now: datetime) -> Event:
    """The first version of a canonical event."""
    event = incoming.model_copy()  # shallow: only fields are reassigned below, nothing mutated
    event.version = 1
    event.first_seen = event.last_updated = now
    event.article_ids = [incoming.article_id]
    event.reports = [_report(incoming)]
    event.claims = [c.model_copy(update={"article_id": incoming.article_id}) for c in event.claims]
    event.evidence = [e.model_copy(update={"article_id": incoming.article_id})
                      for e in event.evidence]
    return event


def merge(canonical: Event, incoming: Event, now: datetime) -> Event | None:
    """`canonical` updated with `incoming`'s report; None when it adds nothing (a replay)."""
    if incoming.article_id in canonical.article_ids:
        return None
    # A shallow copy with fresh lists: the lists are appended to, nested models are only
    # replaced, never mutated, so `canonical` stays as it was (a deep copy cost 3 ms here).
    event = canonical.model_copy(update={
        "article_ids": list(canonical.article_ids), "reports": list(canonical.reports),
        "claims": list(canonical.claims), "sources": list(canonical.sources),
        "evidence": list(canonical.evidence)})
    event.article_ids.append(incoming.article_id)
    if len(event.reports) < MAX_REPORTS:
        event.reports.append(_report(incoming))
    seen_claims = {_claim_key(c) for c in event.claims}
    for claim in incoming.claims:
        claim = claim.model_copy(update={"article_id": incoming.article_id})
        if _claim_key(claim) not in seen_claims and len(event.claims) < MAX_CLAIMS:
            event.claims.append(claim)
            seen_claims.add(_claim_key(claim))
    names = {s.name.casefold() for s in event.sources}
    for source in incoming.sources:
        if source.name.casefold() not in names:
            event.sources.append(source)
            names.add(source.name.casefold())
    room = max(MAX_EVIDENCE - len(event.evidence), 0)
    event.evidence += [e.model_copy(update={"article_id": incoming.article_id})
                       for e in incoming.evidence[:room]]
    _update_head(event, incoming, now)
    event.summary = summarize(event)
    return event


#: The lists of an Event that a merge appends to, in their order in the model.
APPENDED = ("claims", "sources", "evidence", "reports")

ClaimKey = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Incident:
    """A canonical event as the merge stage keeps it, so that a merge neither decodes nor
    re-encodes the items it already has (a 100 KB event took ~15 ms to validate): `head` is
    the event with its APPENDED lists empty, `lists` holds each of them as its JSON array
    (the bytes `codec.encode` gives it inside the event), and the rest is all a merge reads
    of them. Never mutated: a merge makes a new one. `event_json` is the event's JSON;
    `incidents.stored_incident` and `incidents.load_incident` are its table value."""

    head: Event
    lists: dict[str, bytes]
    counts: dict[str, int]
    claim_keys: frozenset[ClaimKey]
    source_names: frozenset[str]  # casefolded
    #: (kind, count) -> the qualifier of the first claim with them (what `summarize` reads)
    qualifiers: dict[tuple[str, int], str | None]

    @property
    def event_id(self) -> str:
        return self.head.event_id

    def event_json(self) -> bytes:
        """`codec.encode` of the whole event (a test holds them equal)."""
        return codec.splice_lists(codec.encode(self.head), self.lists)

    def event(self) -> Event:
        """The whole event, decoded (slow: for tests and tools)."""
        return Event.model_validate_json(self.event_json())

    @classmethod
    def of(cls, event: Event) -> Incident:
        """The incident form of a whole event."""
        head = event.model_copy(update={name: [] for name in APPENDED})
        items: dict[str, Sequence[Any]] = {name: getattr(event, name) for name in APPENDED}
        qualifiers: dict[tuple[str, int], str | None] = {}
        for claim in event.claims:
            qualifiers.setdefault((claim.kind.value, claim.count), claim.qualifier)
        return cls(head, {name: codec.encode_list(items[name]) for name in APPENDED},
                   {name: len(items[name]) for name in APPENDED},
                   frozenset(_claim_key(c) for c in event.claims),
                   frozenset(s.name.casefold() for s in event.sources), qualifiers)

    @classmethod
    def of_parts(cls, head: Event, lists: dict[str, bytes], counts: dict[str, int],
                 claims: list[dict[str, Any]], sources: list[dict[str, Any]]) -> Incident:
        """From a stored form: the head, the lists' JSON, and the claims and sources as
        plain JSON objects (`Claim` and `Source` dumped in JSON mode)."""
        qualifiers: dict[tuple[str, int], str | None] = {}
        for c in claims:
            qualifiers.setdefault((c["kind"], c["count"]), c.get("qualifier"))
        return cls(head, lists, counts,
                   frozenset((CasualtyKind(c["kind"]), c["count"], c.get("qualifier"),
                              c.get("side"), c.get("claimed_by"), c.get("via"),
                              c.get("article_id")) for c in claims),
                   frozenset(s["name"].casefold() for s in sources), qualifiers)


def merge_incident(canonical: Incident, incoming: Event, now: datetime) -> Incident | None:
    """`merge` on the incident form: the same event (a test holds them equal), its new items
    appended to the lists' JSON."""
    head = canonical.head
    if incoming.article_id in head.article_ids:
        return None
    event = head.model_copy(update={"article_ids": [*head.article_ids, incoming.article_id]})
    counts = canonical.counts
    reports = [_report(incoming)] if counts["reports"] < MAX_REPORTS else []
    claim_keys = set(canonical.claim_keys)
    qualifiers = canonical.qualifiers
    claims: list[Claim] = []
    for claim in incoming.claims:
        claim = claim.model_copy(update={"article_id": incoming.article_id})
        key = _claim_key(claim)
        if key not in claim_keys and counts["claims"] + len(claims) < MAX_CLAIMS:
            claims.append(claim)
            claim_keys.add(key)
            if (claim.kind.value, claim.count) not in qualifiers:
                qualifiers = {**qualifiers, (claim.kind.value, claim.count): claim.qualifier}
    names = set(canonical.source_names)
    sources = []
    for source in incoming.sources:
        if source.name.casefold() not in names:
            sources.append(source)
            names.add(source.name.casefold())
    room = max(MAX_EVIDENCE - counts["evidence"], 0)
    evidence = [e.model_copy(update={"article_id": incoming.article_id})
                for e in incoming.evidence[:room]]
    _update_head(event, incoming, now)
    added: dict[str, Sequence[Any]] = {"claims": claims, "sources": sources,
                                       "evidence": evidence, "reports": reports}
    lists = {name: codec.append_list(canonical.lists[name], added[name]) if added[name]
             else canonical.lists[name] for name in APPENDED}
    new_counts = {name: counts[name] + len(added[name]) for name in APPENDED}
    event.summary = summary_line(
        event, lambda kind, value: qualifiers.get((kind.value, value)), new_counts["sources"])
    return Incident(event, lists, new_counts, frozenset(claim_keys), frozenset(names),
                    qualifiers)


def _update_head(event: Event, incoming: Event, now: datetime) -> None:
    """What `merge` changes besides the lists and the summary."""
    if event.actor1 is None:
        event.actor1 = incoming.actor1
    if event.actor2 is None and incoming.actor2 is not None and (
        event.actor1 is None or incoming.actor2.name != event.actor1.name
    ):
        event.actor2 = incoming.actor2
    if incoming.location is not None and (
        event.location is None or incoming.location.precision < event.location.precision
    ):
        event.location = incoming.location
    if _finer(incoming, event):
        event.event_date, event.date_precision = incoming.event_date, incoming.date_precision
    event.fatalities = _highest([event.fatalities, incoming.fatalities])
    event.injured = _highest([event.injured, incoming.injured])
    if incoming.captured is not None:
        event.captured = max(event.captured or 0, incoming.captured)
    event.confidence = max(event.confidence, incoming.confidence)
    event.version += 1
    event.last_updated = now


def expired(event: Event, now: datetime, policy: MergePolicy) -> bool:
    """Not updated for `expire_days` (worker time; the event date when never stored)."""
    last = event.last_updated if event.last_updated is not None else datetime.combine(
        event.event_date, time(), UTC)
    return stale(last, now, policy)


def stale(last_updated: datetime, now: datetime, policy: MergePolicy) -> bool:
    return now - last_updated > policy.expire_after


def escalations(rules: RuleSet, event: Event,
                alerted: dict[str, str]) -> tuple[list[Alert], dict[str, str]]:
    """Alerts not yet sent for `event`: a rule fires once, and again only at a higher
    severity. Returns them and the updated rule -> severity record."""
    fresh: list[Alert] = []
    record = dict(alerted)
    for alert in rules.evaluate(event):
        before = record.get(alert.rule)
        if before is not None and severity_rank(Severity(before)) >= severity_rank(alert.severity):
            continue
        fresh.append(alert)
        record[alert.rule] = alert.severity.value
    return fresh, record


# --------------------------------------------------------------------------- helpers


def _report(event: Event) -> Report:
    return Report(article_id=event.article_id, source=event.article_source,
                  published_at=event.published_at, fatalities=event.fatalities,
                  injured=event.injured)


def _claim_key(c: Claim) -> tuple[object, ...]:
    return (c.kind, c.count, c.qualifier, c.side, c.claimed_by, c.via, c.article_id)


def _highest(values: Iterable[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2}


def _finer(incoming: Event, event: Event) -> bool:
    return _PRECISION_RANK[incoming.date_precision.value] < _PRECISION_RANK[
        event.date_precision.value]


def _near(a: Event, b: Event, max_km: float) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None:
        return la is None and lb is None
    if la.country_code != lb.country_code:
        return False
    if la.admin1 and lb.admin1 and _fold(la.admin1) == _fold(lb.admin1):
        return True
    if None in (la.latitude, la.longitude, lb.latitude, lb.longitude):
        return False
    return haversine_km(la.latitude, la.longitude, lb.latitude, lb.longitude) <= max_km  # type: ignore[arg-type]


def _actors_overlap(a: Event, b: Event) -> bool:
    names_a = {x.name for x in (a.actor1, a.actor2) if x is not None}
    names_b = {x.name for x in (b.actor1, b.actor2) if x is not None}
    if not names_a or not names_b:
        return True  # one report names nobody: place and date decide
    return bool(names_a & names_b)
