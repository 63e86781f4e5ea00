"""Kafka administration the worker needs: creating its topics, reading consumer progress.

Faust creates only its internal topics, not those declared with `app.topic()`, so the
worker creates its topics itself at start-up (idempotent). With merging on, that includes the
changelog topics of the merge stage's tables: Faust would create them too, but only as the
tables start, which can be after the consumer's first metadata snapshot, and a table write
then fails its partition check ("the changelog topic has 0 partitions").
"""

from __future__ import annotations

import asyncio
import logging

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError, TopicAlreadyExistsError

from worker.settings import Settings

log = logging.getLogger(__name__)

#: Per-topic configs: events are compacted (latest version per event id), the rest kept.
TOPIC_CONFIGS: dict[str, dict[str, str]] = {
    "events": {"cleanup.policy": "compact,delete", "retention.ms": str(30 * 86_400_000)},
    "alerts": {"retention.ms": str(30 * 86_400_000)},
    "deadletter": {"retention.ms": str(90 * 86_400_000)},
    "articles": {"retention.ms": str(7 * 86_400_000)},
    "candidates": {"retention.ms": str(7 * 86_400_000)},
    "changelog": {"cleanup.policy": "compact"},  # what Faust gives a table's changelog
}


def changelog_topics(settings: Settings) -> list[str]:
    """The changelog topics of the merge stage's tables (Faust's naming)."""
    from worker.incidents import TABLES

    return [f"{settings.app_id}-{table}-changelog" for table in TABLES]


def topic_plan(settings: Settings) -> dict[str, dict[str, str]]:
    """Topic name -> configs, for the topics of the worker."""
    plan = {
        settings.topic_articles: TOPIC_CONFIGS["articles"],
        settings.topic_events: TOPIC_CONFIGS["events"],
        settings.topic_alerts: TOPIC_CONFIGS["alerts"],
        settings.topic_deadletter: TOPIC_CONFIGS["deadletter"],
        settings.topic_candidates: TOPIC_CONFIGS["candidates"],
    }
    if settings.merge_enabled:
        plan.update({name: TOPIC_CONFIGS["changelog"] for name in changelog_topics(settings)})
    return plan


async def ensure_topics(settings: Settings, *, timeout: float = 60.0) -> list[str]:
    """Create the worker's topics that do not exist yet; return the names created."""
    admin = await _connected_admin(settings.bootstrap_servers, timeout)
    created: list[str] = []
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(name, settings.topic_partitions, settings.topic_replication,
                     topic_configs=configs)
            for name, configs in topic_plan(settings).items()
            if name not in existing
        ]
        for topic in wanted:  # one by one: an existing topic must not fail the others
            try:
                await admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                pass
    finally:
        await admin.close()
    if created:
        log.info("created topics %s", ", ".join(created))
    return created


async def _connected_admin(bootstrap: str, timeout: float) -> AIOKafkaAdminClient:
    """An admin client, retrying until the broker answers or `timeout` passes."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10_000)
        try:
            await admin.start()
            return admin
        except KafkaConnectionError:
            await admin.close()
            if asyncio.get_running_loop().time() > deadline:
                raise
            log.warning("broker %s not reachable yet; retrying", bootstrap)
            await asyncio.sleep(1.0)


async def partitions_of(admin: AIOKafkaAdminClient, topic: str) -> set[int]:
    """The partition numbers of `topic` (empty when it does not exist)."""
    try:
        described = await admin.describe_topics([topic])
    except KafkaError:
        return set()
    for entry in described:
        if entry.get("topic") == topic and not entry.get("error_code"):
            return {int(p["partition"]) for p in entry.get("partitions", [])}
    return set()


async def group_lag(bootstrap: str, group_id: str, topic: str) -> int | None:
    """Messages of `topic` not yet committed by `group_id` (None if it has committed nothing)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await admin.start()
    await consumer.start()
    try:
        parts = await partitions_of(admin, topic)
        if not parts:
            return None  # the topic is not there (yet)
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        ends = await consumer.end_offsets(tps)
        try:
            committed = await admin.list_consumer_group_offsets(group_id, partitions=tps)
        except KafkaError:
            return None
        starts: dict[TopicPartition, int] = {}
        for tp in tps:
            meta = committed.get(tp)
            starts[tp] = meta.offset if meta is not None and meta.offset >= 0 else 0
        if not committed and sum(ends.values()) > 0:
            return None
        last: dict[TopicPartition, int] = dict(ends)
        behind = {tp: start for tp, start in starts.items() if last[tp] > start}
        markers = await _only_control_records(bootstrap, behind, last) if behind else set()
        return sum(last[tp] - start for tp, start in behind.items() if tp not in markers)
    finally:
        await consumer.stop()
        await admin.close()


async def _only_control_records(bootstrap: str, starts: dict[TopicPartition, int],
                                ends: dict[TopicPartition, int],
                                timeout: float = 5.0) -> set[TopicPartition]:
    """The partitions whose records from `starts` to `ends` are all transaction markers.

    A transaction's commit marker takes an offset. A consumer commits the offset after the
    last record it handled, so a topic written by a transactional producer (the merge
    stage's candidates under exactly-once, or any transactional upstream) shows a lag of one
    marker per transaction forever, as Kafka's own tools show it. Reading the rest, read
    committed, tells markers from records."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                isolation_level="read_committed", group_id=None)
    await consumer.start()
    try:
        consumer.assign(list(starts))
        for tp, start in starts.items():
            consumer.seek(tp, start)
        pending = set(starts)
        data: set[TopicPartition] = set()
        deadline = asyncio.get_running_loop().time() + timeout
        while pending and asyncio.get_running_loop().time() < deadline:
            for tp, records in (await consumer.getmany(*pending, timeout_ms=200)).items():
                if records:
                    data.add(tp)
            for tp in list(pending):
                if tp in data or await consumer.position(tp) >= ends[tp]:
                    pending.discard(tp)
        return set(starts) - data - pending
    finally:
        await consumer.stop()


async def worker_lag(settings: Settings) -> int | None:
    """Input not yet committed by the worker's group: articles, and the merge stage's
    candidates when merging is on (None while either is unknown)."""
    topics = [settings.topic_articles]
    if settings.merge_enabled:
        topics.append(settings.topic_candidates)
    total = 0
    for topic in topics:
        lag = await group_lag(settings.bootstrap_servers, settings.app_id, topic)
        if lag is None:
            return None
        total += lag
    return total
