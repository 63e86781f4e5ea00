"""The merge stage: per-article events meet by place in one worker and become incidents.

Article events are re-keyed by country/admin1 (`merge.partition_key`) onto the candidates
topic, so every report of an incident reaches the same partition, the same worker and the
same table partition. Two changelog-backed Faust tables hold the state: `incidents`
(partition key -> the open canonical events there) and `alerted` (canonical event id -> the
highest severity alerted per rule), so a restarted or rebalanced worker recovers both and
never repeats an alert. Incidents older than the policy's window are dropped on the next
update of their key.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Any

import faust
import orjson

from worker import codec
from worker.alerts import RuleSet
from worker.merge import MergePolicy, escalations, expired, find_match, merge, start
from worker.models import Event
from worker.pipeline import Destination, OutRecord

Publish = Callable[[list[OutRecord], str], Any]


class IncidentStore:
    """Typed access to the two tables (values are JSON bytes)."""

    def __init__(self, incidents: Any, alerted: Any) -> None:
        self.incidents = incidents
        self.alerted = alerted

    def events_at(self, key: str) -> list[Event]:
        raw = self.incidents.get(key)
        return [Event.model_validate(doc) for doc in orjson.loads(raw)] if raw else []

    def save_events(self, key: str, events: list[Event]) -> None:
        self.incidents[key] = codec.encode_obj([e.model_dump(mode="json") for e in events])

    def alerted_for(self, event_id: str) -> dict[str, str]:
        raw = self.alerted.get(event_id)
        return dict(orjson.loads(raw)) if raw else {}

    def save_alerted(self, event_id: str, record: dict[str, str]) -> None:
        self.alerted[event_id] = codec.encode_obj(record)

    def forget(self, event_id: str) -> None:
        self.alerted.pop(event_id, None)


def process_candidate(store: IncidentStore, key: str, incoming: Event, rules: RuleSet,
                      policy: MergePolicy, now: datetime) -> list[OutRecord]:
    """Merge one article event into its key's incidents; return what to publish."""
    today = now.date()
    events = store.events_at(key)
    alive = [e for e in events if not expired(e, today, policy)]
    for gone in events:
        if gone not in alive:
            store.forget(gone.event_id)
    match = find_match(alive, incoming, policy)
    if match is None:
        current = start(incoming, now)
        alive.append(current)
    else:
        merged = merge(match, incoming, now)
        # a replayed report changes nothing, but its outputs may not have been delivered
        current = merged if merged is not None else match
        alive = [current if e.event_id == match.event_id else e for e in alive]
    store.save_events(key, alive)
    alerts, record = escalations(rules, current, store.alerted_for(current.event_id))
    if alerts:
        store.save_alerted(current.event_id, record)
    records = [OutRecord(Destination.EVENTS, current.event_id.encode(), codec.encode(current))]
    records += [OutRecord(Destination.ALERTS, a.event_id.encode(), codec.encode(a))
                for a in alerts]
    return records


def add_merge_stage(app: faust.App, candidates: faust.TopicT, partitions: int, rules: RuleSet,
                    policy: MergePolicy, publish: Publish,
                    clock: Callable[[], datetime]) -> Any:
    """Declare the tables and the merge agent on `app`; return the agent."""
    store = IncidentStore(
        app.Table("incidents", partitions=partitions, key_type=str, value_type=bytes,
                  help="partition key -> open canonical events"),
        app.Table("alerted", partitions=partitions, key_type=str, value_type=bytes,
                  help="canonical event id -> rule -> severity"),
    )

    @app.agent(candidates, concurrency=1, name="incidents")
    async def merge_candidates(stream: faust.StreamT[bytes]) -> AsyncIterator[int]:
        async for event in stream.events():
            key = event.key.decode() if isinstance(event.key, bytes) else str(event.key)
            incoming = Event.model_validate_json(event.value)
            records = process_candidate(store, key, incoming, rules, policy, clock())
            await publish(records, f"{event.message.topic}[{event.message.partition}]"
                                   f"@{event.message.offset}")
            yield len(records)

    return merge_candidates
