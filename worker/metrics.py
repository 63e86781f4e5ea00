"""Prometheus metrics of the worker, in a registry of their own (one per app, so tests can build
several apps in one process). No Faust here: the stream layer calls these methods, and
`worker.web` serves `render()` at ``/metrics`` and feeds the Faust-side numbers (commits,
rebalances, lag) from a sensor.
"""

from __future__ import annotations

import collections
import contextlib
from bisect import bisect_left
from collections.abc import Iterable, Sequence

import orjson
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import (
    CONTENT_TYPE_PLAIN_0_0_4,
    choose_encoder,
    generate_latest,
)

from worker.models import EventType, Severity
from worker.pipeline import Destination, Outcome, OutcomeKind, OutRecord, Tally

#: Extraction of one article: 50 us .. 50 ms, with a short tail for the odd slow article.
EXTRACTION_BUCKETS = (
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
)
#: Kafka timestamp to outputs delivered: milliseconds when keeping up, up to an hour of backlog.
LATENCY_BUCKETS = (
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0,
    3600.0,
)
#: Messages per batch (`batch_size` is at most 10 000, 200 by default).
BATCH_BUCKETS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


class Metrics:
    """The worker's metrics. Every method is cheap and never raises on odd input."""

    #: Content type of `render()`: the classic Prometheus text format.
    CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry(auto_describe=True)
        r = self.registry
        self.articles_consumed = Counter(
            "worker_articles_consumed", "Input messages handled (one outcome each)", registry=r)
        self.outcomes = Counter(
            "worker_outcomes", "Outcomes of input messages", ["kind"], registry=r)
        self.events_produced = Counter(
            "worker_events_produced", "Events extracted from articles and published",
            ["event_type"], registry=r)
        self.alerts_produced = Counter(
            "worker_alerts_produced", "Alerts published", ["severity"], registry=r)
        self.dead_letters = Counter(
            "worker_dead_letters", "Input messages sent to the dead-letter topic",
            ["stage", "reason"], registry=r)
        self.publish_failures = Counter(
            "worker_publish_failures", "Failed attempts to publish a batch's outputs (retried)",
            registry=r)
        self.rebalances = Counter(
            "worker_rebalances", "Consumer group rebalances seen (the first join included)",
            registry=r)
        self.extraction_seconds = Histogram(
            "worker_extraction_seconds", "Extraction and rule evaluation time per article",
            buckets=EXTRACTION_BUCKETS, registry=r)
        self.end_to_end_latency = Histogram(
            "worker_end_to_end_latency_seconds",
            "Kafka timestamp of an input message to its outputs being delivered",
            buckets=LATENCY_BUCKETS, registry=r)
        self.consumer_lag = Gauge(
            "worker_consumer_lag", "Log end offset minus committed offset, per assigned partition",
            ["topic", "partition"], registry=r)
        self.last_commit_timestamp = Gauge(
            "worker_last_commit_timestamp_seconds",
            "Unix time of the last commit that moved an offset", registry=r)
        self.batch_size = Histogram(
            "worker_batch_size", "Messages per batch taken from the input stream",
            buckets=BATCH_BUCKETS, registry=r)
        # known label values start at 0, so rate() and absent-series alerts work from the start;
        # their children are kept, so that counting a message looks no label up
        self._outcome_of = {kind.value: self.outcomes.labels(kind=kind.value)
                            for kind in OutcomeKind}
        self._events_of = {t.value: self.events_produced.labels(event_type=t.value)
                           for t in EventType}
        self._alerts_of = {s.value: self.alerts_produced.labels(severity=s.value)
                           for s in Severity}

    # ------------------------------------------------------------------ the articles stage

    def observe_outcome(self, outcome: Outcome | Tally, now_s: float) -> None:
        """Count one consumed message's outcome (or its tally), after its outputs were
        delivered.

        `now_s` is the wall clock (``time.time()``) at publish time; the end-to-end latency is
        measured from the Kafka message timestamp (`outcome.source.timestamp_ms`), if any.
        """
        self.observe_outcomes((outcome,), now_s)

    def observe_outcomes(self, outcomes: Sequence[Outcome | Tally], now_s: float) -> None:
        """`observe_outcome` for each of a batch's outcomes, each counter and histogram
        bucket incremented once per batch and label by the batch's count (the same totals;
        a scrape runs between batches, on the same event loop)."""
        if not outcomes:
            return
        kinds: dict[str, int] = {}
        extraction: list[float] = []
        latency: list[float] = []
        event_types: list[str] = []
        severities: list[str] = []
        for outcome in outcomes:
            kind = outcome.kind
            kinds[kind.value] = kinds.get(kind.value, 0) + 1
            if kind is not OutcomeKind.DEAD_LETTER:  # extraction ran
                extraction.append(max(0.0, outcome.extract_seconds))
            if outcome.event_types:
                event_types += outcome.event_types
            if outcome.alert_severities:
                severities += outcome.alert_severities
            if outcome.dead_letter is not None:
                self.dead_letters.labels(stage=str(outcome.dead_letter.stage),
                                         reason=outcome.dead_letter.reason).inc()
            timestamp_ms = outcome.source.timestamp_ms
            if timestamp_ms:
                latency.append(max(0.0, now_s - timestamp_ms / 1000.0))
        observe_all(self.extraction_seconds, extraction)
        observe_all(self.end_to_end_latency, latency)
        self.articles_consumed.inc(len(outcomes))
        for kind_value, count in kinds.items():
            self._outcome_of[kind_value].inc(count)
        for event_type, count in collections.Counter(event_types).items():
            self._events_of[event_type].inc(count)
        for severity, count in collections.Counter(severities).items():
            self._alerts_of[severity].inc(count)

    def observe_batch(self, size: int) -> None:
        """One batch taken from the input stream (consumed messages are counted per outcome)."""
        self.batch_size.observe(size)

    def publish_failed(self) -> None:
        """One failed attempt to publish (the publisher retries)."""
        self.publish_failures.inc()

    # ------------------------------------------------------------------ the merge stage

    def alerts_published(self, severities: Iterable[str]) -> None:
        """Alerts published outside `observe_outcome` (the merge stage decides them there)."""
        for severity in severities:
            child = self._alerts_of.get(severity)
            (child if child is not None else self.alerts_produced.labels(severity=severity)).inc()

    def observe_alert_records(self, records: Sequence[OutRecord]) -> None:
        """Count the alerts among records about to be published (merge stage); reads only the
        severity of alert records."""
        severities = []
        for record in records:
            if record.destination is Destination.ALERTS:
                try:
                    severity = orjson.loads(record.value).get("severity")
                except (orjson.JSONDecodeError, AttributeError):
                    severity = None
                severities.append(severity if isinstance(severity, str) else "unknown")
        self.alerts_published(severities)

    # ------------------------------------------------------------------ consumer

    def rebalanced(self) -> None:
        self.rebalances.inc()

    def committed(self, ts: float) -> None:
        """An offset commit completed at Unix time `ts`."""
        self.last_commit_timestamp.set(ts)

    def set_lag(self, topic: str, partition: int, lag: int) -> None:
        self.consumer_lag.labels(topic=topic, partition=str(partition)).set(max(0, lag))

    def clear_lag(self, topic: str, partition: int) -> None:
        """Drop the series of a partition no longer assigned to this worker."""
        with contextlib.suppress(KeyError):  # older clients raise for an unknown label set
            self.consumer_lag.remove(topic, str(partition))

    # ------------------------------------------------------------------ exposition

    def render(self) -> bytes:
        """All metrics in the Prometheus text format (`CONTENT_TYPE`)."""
        return generate_latest(self.registry)

    def render_for(self, accept: str | None) -> tuple[bytes, str]:
        """Body and content type negotiated from an HTTP Accept header: OpenMetrics when the
        scraper asks for it (Prometheus does), else the classic text format."""
        encoder, content_type = choose_encoder(accept or "")
        return encoder(self.registry), content_type


def observe_all(histogram: Histogram, values: Sequence[float]) -> None:
    """`histogram.observe(value)` for each of `values` (none NaN), with each bucket's count
    and the sum incremented once: the same bucket counts, and the same sum but for the
    rounding of adding the batch's sum at once. An observation costs ~10x a bucket search
    (two locked increments, Python loops over the bounds); two are made per message.
    Reads prometheus_client's own histogram parts (bounds, bucket and sum values), as its
    `observe` does, where they exist; else observes one value at a time."""
    if not values:
        return
    bounds = getattr(histogram, "_upper_bounds", None)
    buckets = getattr(histogram, "_buckets", None)
    total = getattr(histogram, "_sum", None)
    if bounds is None or buckets is None or total is None or len(bounds) != len(buckets):
        for value in values:
            histogram.observe(value)
        return
    # observe() counts a value in the first bucket whose upper bound is >= it (+Inf last)
    for bucket, count in collections.Counter([bisect_left(bounds, v) for v in values]).items():
        buckets[bucket].inc(count)
    total.inc(sum(values))
