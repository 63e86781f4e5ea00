"""Bytes + where they came from -> an Outcome: the records to publish. Pure but for the clock.

The stream layer only hands each message to `Pipeline.process` and sends the records it
returns; every consumed message gets exactly one outcome (events, no event, or a dead letter).
"""

from __future__ import annotations

import base64
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from worker import __version__, codec, errors
from worker.alerts import RuleSet
from worker.errors import RejectedInput
from worker.merge import partition_key
from worker.models import Alert, Article, DeadLetter, DeadLetterStage, Event, FastStrEnum

Extractor = Callable[[Article], list[Event]]
Clock = Callable[[], datetime]


#: Most original bytes a dead letter carries: beyond this (a `too_large` value, say) it keeps
#: the first bytes and says so in headers, so that the dead letter itself stays well under
#: Kafka's default 1 MB record limit and can always be published.
DEAD_LETTER_MAX_VALUE_BYTES = 256 * 1024


def utc_now() -> datetime:
    return datetime.now(UTC)


class OutcomeKind(FastStrEnum):
    EVENTS = "events"
    NO_EVENT = "no_event"
    DEAD_LETTER = "dead_letter"


class Destination(FastStrEnum):
    CANDIDATES = "candidates"  # article events on their way to the merge stage
    EVENTS = "events"
    ALERTS = "alerts"
    DEADLETTER = "deadletter"


# The records made per message (a source, a tally, ~3.8 output records) are named tuples:
# immutable as frozen dataclasses are, and made for a third of the cost (a frozen dataclass
# sets each field through `object.__setattr__`).


class SourceMeta(NamedTuple):
    """Where a consumed message came from."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None = None
    key: bytes | None = None

    @property
    def where(self) -> str:
        return f"{self.topic}[{self.partition}]@{self.offset}"


#: A named tuple made from its values' tuple without its Python-level `__new__` (a frame a
#: record, ~6 a message: each output record, the tally and its source).
new_tuple = tuple.__new__


class OutRecord(NamedTuple):
    destination: Destination
    key: bytes
    value: bytes
    headers: tuple[tuple[str, bytes], ...] = ()


@dataclass(slots=True)
class Outcome:
    kind: OutcomeKind
    source: SourceMeta
    article_id: str | None = None
    events: list[Event] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    dead_letter: DeadLetter | None = None
    raw_value: bytes | None = None
    extract_seconds: float = 0.0

    def records(self, *, merging: bool = False) -> list[OutRecord]:
        """What to publish, in order: events, then their alerts, or the dead letter. With
        `merging`, events go to the merge stage keyed by place (alerts are decided there)."""
        if merging:
            out = [new_tuple(OutRecord, (Destination.CANDIDATES, partition_key(e).encode(),
                                         codec.encode(e), ())) for e in self.events]
        else:
            out = [new_tuple(OutRecord, (Destination.EVENTS, e.event_id.encode(),
                                         codec.encode(e), ())) for e in self.events]
        out += [new_tuple(OutRecord, (Destination.ALERTS, a.event_id.encode(), codec.encode(a),
                                      ())) for a in self.alerts]
        if self.dead_letter is not None:
            out.append(
                OutRecord(
                    Destination.DEADLETTER,
                    self.source.key or f"{self.source.where}".encode(),
                    codec.encode(self.dead_letter),
                    dead_letter_headers(self.dead_letter, len(self.raw_value or b"")),
                )
            )
        return out


    def tally(self, *, merging: bool = False) -> Tally:
        """The records to publish and what is counted of this outcome, without its models.

        The stream layer holds a whole batch until its outputs are delivered: holding the
        outcomes kept every event's object graph (~140 tracked objects an article) alive
        across the batch, so the cyclic collector's young generation filled up with them
        (and with the core's cache entries, scanned while still alive) several times a
        batch. A tally keeps the encoded records and a few strings; the models are freed as
        soon as they are encoded."""
        return new_tuple(Tally, (self.kind, self.source, self.article_id,
                                 tuple([e.event_type.value for e in self.events]),
                                 tuple([a.severity.value for a in self.alerts]),
                                 self.dead_letter, self.extract_seconds,
                                 tuple(self.records(merging=merging))))

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(e.event_type.value for e in self.events)

    @property
    def alert_severities(self) -> tuple[str, ...]:
        return tuple(a.severity.value for a in self.alerts)


class Tally(NamedTuple):
    """One message's outcome once its records are built (`Outcome.tally`): what to publish
    and what the metrics, stats and logs count, without the models."""

    kind: OutcomeKind
    source: SourceMeta
    article_id: str | None
    event_types: tuple[str, ...]
    alert_severities: tuple[str, ...]
    dead_letter: DeadLetter | None
    extract_seconds: float
    records: tuple[OutRecord, ...]


def dead_letter_headers(dl: DeadLetter, original_bytes: int | None = None,
                        ) -> tuple[tuple[str, bytes], ...]:
    """The dead letter's facts as Kafka headers, after Kafka Connect's __connect.errors.*."""
    pairs = {
        "__worker.errors.stage": dl.stage.value,
        "__worker.errors.reason": dl.reason,
        "__worker.errors.exception.class.name": dl.error_class,
        "__worker.errors.exception.message": dl.error_message[:1000],
        "__worker.errors.topic": dl.original_topic,
        "__worker.errors.partition": str(dl.original_partition),
        "__worker.errors.offset": str(dl.original_offset),
        "__worker.errors.timestamp": str(dl.original_timestamp_ms or ""),
        "__worker.errors.worker.version": dl.worker_version,
    }
    if dl.article_id:
        pairs["__worker.errors.article.id"] = dl.article_id
    if original_bytes is not None:
        pairs["__worker.errors.value.bytes"] = str(original_bytes)
        pairs["__worker.errors.value.truncated"] = str(
            original_bytes > DEAD_LETTER_MAX_VALUE_BYTES).lower()
    return tuple((k, v.encode()) for k, v in pairs.items())


class Pipeline:
    """Decode, validate, extract, evaluate alert rules; never raises for one message."""

    def __init__(
        self,
        extractor: Extractor,
        rules: RuleSet,
        *,
        max_bytes: int,
        max_future: timedelta,
        clock: Clock = utc_now,
        worker_version: str = __version__,
        timer: Callable[[], float] | None = None,
        merging: bool = False,
    ) -> None:
        self._extract = extractor
        self._rules = rules
        self._max_bytes = max_bytes
        self._max_future = max_future
        self._clock = clock
        self._version = worker_version
        self._timer = timer
        self.merging = merging  # alerts are then decided by the merge stage

    def process(self, raw: bytes | None, source: SourceMeta) -> Outcome:
        return self.process_many(((raw, source),))[0]

    def process_many(self, messages: Sequence[tuple[bytes | None, SourceMeta]],
                     ) -> list[Outcome]:
        """`process` of each message, in order, a stage at a time: every message decoded,
        then each article extracted and its rules evaluated. The same outcomes as one message
        at a time; the stages' code and data stay in the processor's caches across the
        messages instead of being evicted by the extraction core's for every message. The
        clock is read once for the decoding of them all (a read costs as much as a small
        message's validation; they arrived together)."""
        return [self._extracted(article, raw, source) if isinstance(article, Article)
                else article for article, (raw, source) in zip(
                    self._decoded(messages), messages, strict=True)]

    def tally_many(self, messages: Sequence[tuple[bytes | None, SourceMeta]],
                   ) -> list[Tally]:
        """`Outcome.tally` of each outcome of `process_many(messages)`: the same tallies,
        the records of an article's events and alerts built straight from extraction (no
        `Outcome`, no `Alert` model: its fields are encoded as they are)."""
        merging = self.merging
        return [self._tallied(article, raw, source) if isinstance(article, Article)
                else article.tally(merging=merging) for article, (raw, source) in zip(
                    self._decoded(messages), messages, strict=True)]

    def _decoded(self, messages: Sequence[tuple[bytes | None, SourceMeta]],
                 ) -> list[Article | Outcome]:
        """Each message decoded, or its dead letter."""
        articles: list[Article | Outcome] = []
        now = self._clock()
        horizon = codec.future_horizon(now, self._max_future)
        for raw, source in messages:
            try:
                articles.append(codec.decode_article(
                    raw, max_bytes=self._max_bytes, now=now, max_future=self._max_future,
                    horizon=horizon))
            except RejectedInput as rejection:
                articles.append(self._dead(raw, source, rejection, type(rejection).__name__,
                                           now=now))
        return articles

    def _extracted(self, article: Article, raw: bytes | None, source: SourceMeta) -> Outcome:
        started = self._timer() if self._timer else 0.0
        try:
            events = self._extract(article)
            alerts = [] if self.merging else [
                alert for event in events for alert in self._rules.evaluate(event)]
        except Exception as exc:  # a bug for this one article: dead-letter it, keep going
            bug = RejectedInput(
                DeadLetterStage.EXTRACT, errors.EXTRACTION_ERROR, f"{type(exc).__name__}: {exc}",
                article_id=article.id,
            )
            return self._dead(raw, source, bug, type(exc).__name__,
                              "".join(traceback.format_exception(exc, limit=-8)))
        elapsed = (self._timer() - started) if self._timer else 0.0
        kind = OutcomeKind.EVENTS if events else OutcomeKind.NO_EVENT
        return Outcome(kind, source, article.id, events, alerts, extract_seconds=elapsed)

    def _tallied(self, article: Article, raw: bytes | None, source: SourceMeta) -> Tally:
        """`_extracted(...).tally(merging=self.merging)`, without the outcome and alerts."""
        started = self._timer() if self._timer else 0.0
        merging = self.merging
        try:
            events = self._extract(article)
            alerts: list[dict[str, Any]] = []
            if not merging:
                alert_fields = self._rules.alert_fields
                for event in events:
                    found = alert_fields(event)
                    if found:
                        alerts += found
        except Exception as exc:  # a bug for this one article: dead-letter it, keep going
            bug = RejectedInput(
                DeadLetterStage.EXTRACT, errors.EXTRACTION_ERROR, f"{type(exc).__name__}: {exc}",
                article_id=article.id,
            )
            return self._dead(raw, source, bug, type(exc).__name__,
                              "".join(traceback.format_exception(exc, limit=-8))).tally(
                                  merging=merging)
        elapsed = (self._timer() - started) if self._timer else 0.0
        # plain loops, not comprehensions: a comprehension is a frame of its own (~5 a message)
        encode = codec.encode
        records: list[OutRecord] = []
        types: list[str] = []
        for e in events:
            records.append(new_tuple(OutRecord, (
                (Destination.CANDIDATES, partition_key(e).encode(), encode(e), ()) if merging
                else (Destination.EVENTS, e.event_id.encode(), encode(e), ()))))
            types.append(e.event_type.value)
        severities: list[str] = []
        if alerts:
            encode_alert = codec.encode_alert
            for a in alerts:
                records.append(new_tuple(OutRecord, (Destination.ALERTS, a["event_id"].encode(),
                                                     encode_alert(a), ())))
                severities.append(a["severity"].value)
        return new_tuple(Tally, (OutcomeKind.EVENTS if events else OutcomeKind.NO_EVENT,
                                 source, article.id, tuple(types), tuple(severities), None,
                                 elapsed, tuple(records)))

    def _dead(self, raw: bytes | None, source: SourceMeta, rejected: RejectedInput,
              error_class: str, trace: str | None = None, now: datetime | None = None,
              ) -> Outcome:
        return dead_letter_outcome(raw, source, rejected, error_class, trace,
                                   version=self._version, now=now or self._clock())


def dead_letter_outcome(raw: bytes | None, source: SourceMeta, rejected: RejectedInput,
                        error_class: str, trace: str | None = None, *,
                        version: str = __version__, now: datetime | None = None) -> Outcome:
    """The dead letter of one input message: why, and its original bytes."""
    letter = DeadLetter(
        stage=rejected.stage,
        reason=rejected.reason,
        error_class=error_class,
        error_message=rejected.message,
        traceback=trace,
        article_id=rejected.article_id,
        original_topic=source.topic,
        original_partition=source.partition,
        original_offset=source.offset,
        original_timestamp_ms=source.timestamp_ms,
        original_key_b64=base64.b64encode(source.key).decode() if source.key else None,
        original_value_b64=base64.b64encode(
            (raw or b"")[:DEAD_LETTER_MAX_VALUE_BYTES]).decode(),
        worker_version=version,
        failed_at=now or utc_now(),
    )
    return Outcome(OutcomeKind.DEAD_LETTER, source, rejected.article_id, dead_letter=letter,
                   raw_value=raw)
