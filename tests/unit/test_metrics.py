"""Prometheus metrics: names, labels and values after observing real pipeline outcomes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from worker.alerts import load_rules
from worker.metrics import Metrics
from worker.models import Article, Event, EventType, SubEventType
from worker.pipeline import Destination, Outcome, OutcomeKind, OutRecord, Pipeline, SourceMeta

NOW = datetime(2024, 3, 2, tzinfo=UTC)
TS_MS = 1_709_300_000_000  # Kafka timestamp of the source messages


def fake_extract(article: Article) -> list[Event]:
    if "quiet" in article.body:
        return []
    if "boom" in article.body:
        raise ZeroDivisionError("bug in a finder")
    return [Event(event_id=f"evt_{article.id}", article_id=article.id,
                  event_type=EventType.BATTLES, sub_event_type=SubEventType.ARMED_CLASH,
                  event_date=date(2024, 3, 1), date_precision="day", fatalities=6,
                  confidence=0.8, summary="Armed clash")]


def ticks() -> Callable[[], float]:
    """A perf counter that advances 2 ms per call: every extraction takes 2 ms."""
    state = {"t": 0.0}

    def timer() -> float:
        state["t"] += 0.002
        return state["t"]

    return timer


def outcomes() -> list[Outcome]:
    pipe = Pipeline(fake_extract, load_rules(), max_bytes=10_000, max_future=timedelta(days=2),
                    clock=lambda: NOW, timer=ticks())

    def raw(body: str) -> bytes:
        return orjson.dumps({"id": "a1", "body": body, "published_at": "2024-03-01"})

    bodies = [raw("fighting"), raw("quiet markets"), b"\xff\xfe", b'{"id": "a3"}', raw("boom")]
    return [pipe.process(value, SourceMeta("articles.raw", 0, offset, TS_MS))
            for offset, value in enumerate(bodies)]


def value(metrics: Metrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def test_outcomes_events_alerts_and_dead_letters_are_counted() -> None:
    metrics = Metrics()
    batch = outcomes()
    assert [o.kind for o in batch] == [OutcomeKind.EVENTS, OutcomeKind.NO_EVENT,
                                       OutcomeKind.DEAD_LETTER, OutcomeKind.DEAD_LETTER,
                                       OutcomeKind.DEAD_LETTER]
    metrics.observe_batch(len(batch))
    for outcome in batch:
        metrics.observe_outcome(outcome, TS_MS / 1000 + 0.3)

    assert value(metrics, "worker_articles_consumed_total") == 5
    assert value(metrics, "worker_outcomes_total", kind="events") == 1
    assert value(metrics, "worker_outcomes_total", kind="no_event") == 1
    assert value(metrics, "worker_outcomes_total", kind="dead_letter") == 3
    assert value(metrics, "worker_events_produced_total", event_type="Battles") == 1
    assert value(metrics, "worker_events_produced_total", event_type="Riots") == 0
    assert value(metrics, "worker_alerts_produced_total", severity="high") == 1
    assert value(metrics, "worker_dead_letters_total", stage="decode", reason="invalid_utf8") == 1
    assert value(metrics, "worker_dead_letters_total", stage="validate",
                 reason="missing_field") == 1
    assert value(metrics, "worker_dead_letters_total", stage="extract",
                 reason="extraction_error") == 1
    # extraction is timed for the two outcomes that went through it (2 ms each)
    assert value(metrics, "worker_extraction_seconds_count") == 2
    assert value(metrics, "worker_extraction_seconds_sum") == pytest.approx(0.004)
    assert value(metrics, "worker_extraction_seconds_bucket", le="0.001") == 0
    assert value(metrics, "worker_extraction_seconds_bucket", le="0.0025") == 2
    # end to end: 300 ms after the Kafka timestamp, for every message
    assert value(metrics, "worker_end_to_end_latency_seconds_count") == 5
    assert value(metrics, "worker_end_to_end_latency_seconds_bucket", le="0.25") == 0
    assert value(metrics, "worker_end_to_end_latency_seconds_bucket", le="0.5") == 5
    assert value(metrics, "worker_batch_size_count") == 1
    assert value(metrics, "worker_batch_size_bucket", le="5.0") == 1
    assert value(metrics, "worker_batch_size_bucket", le="2.0") == 0


def test_known_label_values_start_at_zero() -> None:
    metrics = Metrics()
    for kind in ("events", "no_event", "dead_letter"):
        assert value(metrics, "worker_outcomes_total", kind=kind) == 0
    for severity in ("low", "medium", "high", "critical"):
        assert value(metrics, "worker_alerts_produced_total", severity=severity) == 0
    assert value(metrics, "worker_events_produced_total",
                 event_type="Explosions/Remote violence") == 0


def test_latency_needs_a_timestamp_and_is_never_negative() -> None:
    metrics = Metrics()
    metrics.observe_outcome(Outcome(OutcomeKind.NO_EVENT, SourceMeta("t", 0, 0, None)), 100.0)
    assert value(metrics, "worker_end_to_end_latency_seconds_count") == 0
    # a producer clock ahead of ours: counted in the lowest bucket, not as negative time
    metrics.observe_outcome(Outcome(OutcomeKind.NO_EVENT, SourceMeta("t", 0, 1, 200_000)), 100.0)
    assert value(metrics, "worker_end_to_end_latency_seconds_bucket", le="0.005") == 1
    assert value(metrics, "worker_end_to_end_latency_seconds_sum") == 0


def test_consumer_side_metrics() -> None:
    metrics = Metrics()
    metrics.publish_failed()
    metrics.publish_failed()
    metrics.rebalanced()
    metrics.committed(1_709_300_123.5)
    metrics.set_lag("articles.raw", 0, 42)
    metrics.set_lag("articles.raw", 1, -3)  # offsets racing: never a negative lag
    assert value(metrics, "worker_publish_failures_total") == 2
    assert value(metrics, "worker_rebalances_total") == 1
    assert value(metrics, "worker_last_commit_timestamp_seconds") == 1_709_300_123.5
    assert value(metrics, "worker_consumer_lag", topic="articles.raw", partition="0") == 42
    assert value(metrics, "worker_consumer_lag", topic="articles.raw", partition="1") == 0
    metrics.clear_lag("articles.raw", 0)
    metrics.clear_lag("articles.raw", 7)  # unknown: no error
    assert value(metrics, "worker_consumer_lag", topic="articles.raw", partition="0") is None


def test_merge_stage_alerts_are_counted_from_records() -> None:
    metrics = Metrics()
    records = [
        OutRecord(Destination.EVENTS, b"e1", b'{"severity": "critical"}'),  # not an alert
        OutRecord(Destination.ALERTS, b"e1", orjson.dumps({"severity": "critical"})),
        OutRecord(Destination.ALERTS, b"e1", b"not json"),
    ]
    metrics.observe_alert_records(records)
    assert value(metrics, "worker_alerts_produced_total", severity="critical") == 1
    assert value(metrics, "worker_alerts_produced_total", severity="unknown") == 1


def test_render_is_valid_exposition_with_conventional_names() -> None:
    metrics = Metrics()
    for outcome in outcomes():
        metrics.observe_outcome(outcome, TS_MS / 1000 + 1)
    text = metrics.render().decode()
    assert Metrics.CONTENT_TYPE.startswith("text/plain; version=0.0.4")
    families = {f.name: f for f in text_string_to_metric_families(text)}
    expected = {
        "worker_articles_consumed": "counter",
        "worker_outcomes": "counter",
        "worker_events_produced": "counter",
        "worker_alerts_produced": "counter",
        "worker_dead_letters": "counter",
        "worker_publish_failures": "counter",
        "worker_rebalances": "counter",
        "worker_extraction_seconds": "histogram",
        "worker_end_to_end_latency_seconds": "histogram",
        "worker_consumer_lag": "gauge",
        "worker_last_commit_timestamp_seconds": "gauge",
        "worker_batch_size": "histogram",
    }
    assert {name: families[name].type for name in expected} == expected
    assert "# TYPE worker_outcomes_total counter" in text
    assert 'worker_dead_letters_total{reason="invalid_utf8",stage="decode"} 1.0' in text


def test_content_negotiation() -> None:
    metrics = Metrics()
    body, content_type = metrics.render_for(None)
    assert content_type == Metrics.CONTENT_TYPE and body == metrics.render()
    prometheus_accept = ("application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                         "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
    body, content_type = metrics.render_for(prometheus_accept)
    assert content_type.startswith("application/openmetrics-text; version=1.0.0")
    assert body.endswith(b"# EOF\n")


def test_each_instance_has_its_own_registry() -> None:
    first, second = Metrics(), Metrics()  # no "Duplicated timeseries" error
    first.publish_failed()
    assert value(first, "worker_publish_failures_total") == 1
    assert value(second, "worker_publish_failures_total") == 0


def test_a_batch_counts_as_its_outcomes_one_by_one() -> None:
    batch = [o.tally() for o in outcomes() * 3]  # several of each kind, events and alerts
    one_by_one, at_once = Metrics(), Metrics()
    for outcome in batch:
        one_by_one.observe_outcome(outcome, TS_MS / 1000 + 0.3)
    at_once.observe_outcomes(batch, TS_MS / 1000 + 0.3)
    at_once.observe_outcomes([], TS_MS / 1000 + 0.3)

    def samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(metrics.render().decode())
                for s in family.samples if not s.name.endswith("_created")}

    expected = samples(one_by_one)
    assert expected[("worker_articles_consumed_total", ())] == 15
    assert expected[("worker_alerts_produced_total", (("severity", "high"),))] == 3
    assert samples(at_once) == expected
