"""The thin stream layer: the Faust app, its four topics and the one agent.

The agent consumes raw bytes (so a payload that fails to decode reaches us, not Faust),
hands each message to the pure `Pipeline`, and publishes the records it returns. A message
is acknowledged only after all its outputs are delivered: at-least-once, with deterministic
keys so downstream consumers can drop replays.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

import faust
from aiokafka.errors import IllegalOperation, KafkaError, ProducerFenced
from faust.exceptions import ProducerSendError

from worker.alerts import load_rules
from worker.gctune import tune_gc
from worker.incidents import add_merge_stage
from worker.lean import RawSchema
from worker.metrics import Metrics
from worker.models import DeadLetter
from worker.pipeline import (
    Destination,
    OutRecord,
    Pipeline,
    SourceMeta,
    Tally,
    new_tuple,
    utc_now,
)
from worker.produce import build_batches, send_batched
from worker.rebalance import App, install_recovery
from worker.settings import Guarantee, Settings
from worker.web import Readiness, install_lag_timer, install_sensors, register_views

T = TypeVar("T")
log = logging.getLogger("worker")

#: Exit status when an exactly-once transaction is lost (see TransactionLost).
EXIT_TRANSACTION_LOST = 75

#: Messages taken through each stage of the pipeline together (`Pipeline.process_many`):
#: enough for a stage's code to stay in the processor's caches, few enough that their
#: models (~140 tracked objects an article) stay well under the collector's young threshold.
STAGE_CHUNK = 32

#: Back-off between attempts to publish one message's outputs (seconds), capped.
PUBLISH_BACKOFF = (0.5, 1.0, 2.0, 5.0)


@dataclass(slots=True)
class Stats:
    """Counts of what the worker did, for logs, the /stats page and tests."""

    outcomes: Counter[str] = field(default_factory=Counter)
    dead_letters: Counter[str] = field(default_factory=Counter)
    events_by_type: Counter[str] = field(default_factory=Counter)
    alerts: int = 0
    publish_failures: int = 0
    extract_seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "outcomes": dict(self.outcomes),
            "dead_letters": dict(self.dead_letters),
            "events_by_type": dict(self.events_by_type),
            "alerts": self.alerts,
            "publish_failures": self.publish_failures,
            "extract_seconds": round(self.extract_seconds, 6),
        }


class Publisher:
    """Sends one message's records and waits until Kafka has them all, retrying on failure."""

    def __init__(self, topics: dict[Destination, faust.TopicT], stats: Stats,
                 metrics: Metrics | None = None, *, timeout: float = 30.0,
                 transactions: Transactions | None = None) -> None:
        self._topics = topics
        self._stats = stats
        self._metrics = metrics
        self._timeout = timeout
        self.transactions = transactions

    async def publish(self, records: Sequence[OutRecord], where: str,
                      sources: Sequence[SourceMeta] | None = None) -> None:
        """Deliver `records`; with `sources` (exactly-once, one per record) in the transaction
        of each record's source partition. Raises TransactionLost when that transaction is
        gone while the partition is still ours (the caller must not go on)."""
        if sources is not None and self.transactions is not None:
            await self._publish_in_transactions(self.transactions, records, sources, where)
            return
        # Never acknowledge a message whose outputs are not delivered: wait and retry (ids
        # are deterministic, so a partial first attempt only makes duplicates). A missing
        # topic or a broker that is away shows up here after `timeout`.
        await self._retrying(lambda: self._send_all(records), f"publishing outputs of {where}")

    async def _retrying(self, attempt: Callable[[], Awaitable[T]], what: str) -> T:
        """`attempt()` within the publish timeout, retried with back-off (logged, counted)
        on a timeout or a Kafka error until it succeeds."""
        tries = 0
        while True:
            try:
                return await asyncio.wait_for(attempt(), self._timeout)
            except (TimeoutError, KafkaError, ProducerSendError) as exc:
                delay = PUBLISH_BACKOFF[min(tries, len(PUBLISH_BACKOFF) - 1)]
                self._failed(f"{what} failed ({type(exc).__name__}: {exc}); "
                             f"retrying in {delay:.1f}s")
                tries += 1
                await asyncio.sleep(delay)

    def _failed(self, message: str) -> None:
        self._stats.publish_failures += 1
        if self._metrics is not None:
            self._metrics.publish_failed()
        log.error("%s", message)

    async def _send_all(self, records: Sequence[OutRecord]) -> None:
        # Straight to the app's aiokafka producer, one record batch per topic partition and
        # one future per batch (`worker.produce`), instead of Faust's `Topic.send` or a
        # producer `send` per record: Kafka has all the records when every batch is delivered.
        if not records:
            return
        topics = self._topics
        names = {destination: topic.get_topic_name() for destination, topic in topics.items()}
        faust_producer: Any = next(iter(topics.values())).app.producer
        await asyncio.gather(*await send_batched(
            faust_producer._ensure_producer(),  # its aiokafka producer (NotReady before start)
            [(names[r.destination], r) for r in records]))

    async def _publish_in_transactions(self, transactions: Transactions,
                                       records: Sequence[OutRecord],
                                       sources: Sequence[SourceMeta], where: str) -> None:
        """Exactly-once: a record handed to a transaction is never sent again (a second copy
        would commit with it): a send is retried only when it failed before reaching the
        producer, and delivery is awaited, however long it takes, without resending."""
        # one source partition's records into its transaction as record batches, one per
        # output partition (`worker.produce`), each handed over once: a failure before the
        # hand-over is retried for that batch alone
        groups: dict[tuple[str, int], tuple[SourceMeta, list[tuple[str, OutRecord]]]] = {}
        for record, source in zip(records, sources, strict=True):
            group = groups.get((source.topic, source.partition))
            if group is None:
                group = groups[source.topic, source.partition] = (source, [])
            group[1].append((self._topics[record.destination].get_topic_name(), record))
        pending: list[asyncio.Future[Any]] = []
        for source, topic_records in groups.values():
            batches = await self._retrying(
                functools.partial(transactions.batches, source, topic_records),
                f"sending outputs of {where}")
            for batch in batches:
                pending.append(await self._retrying(
                    functools.partial(transactions.hand_over, source, batch),
                    f"sending outputs of {where}"))
        while pending:
            done, not_done = await asyncio.wait(pending, timeout=self._timeout)
            for fut in done:
                if not fut.cancelled() and fut.exception() is not None:
                    raise TransactionLost(f"delivery of outputs of {where} failed: "
                                          f"{fut.exception()!r}")
            pending = list(not_done)
            if pending:
                self._failed(f"{len(pending)} outputs of {where} not delivered after "
                             f"{self._timeout:.0f}s; still waiting (not resent: exactly-once)")

    async def attach(self, records: Sequence[OutRecord]) -> None:
        """Send the merge stage's records without waiting for the broker (no round trip per
        message). They are sent at once (Faust's `stream_publish_on_commit` is off); what
        makes this at-least-once is that Faust's commit waits for the producer's flush, i.e.
        for every record sent so far to be delivered, before it commits any offset. A record
        whose delivery fails outright (the producer's retries exhausted) is not resent: that
        takes a broker gone for longer than the producer's delivery timeout."""
        for r in records:
            await self._topics[r.destination].send(
                key=r.key, value=r.value, headers=list(r.headers) or None)


class TransactionLost(Exception):
    """exactly_once: a partition's transaction was fenced or aborted while the partition is
    still ours. Faust neither restarts that producer nor rewinds the partition, so going on
    would stall it or commit offsets whose outputs were aborted: the worker exits instead
    (like a crash, which the fault tests prove safe) and its restart replays from the
    committed offsets."""


class Transactions:
    """exactly_once: each message's outputs go into the transaction of its source partition.

    faust-streaming 0.15.3 sends a record to a topic the app does not consume (our events,
    alerts and dead letters) through its plain producer, outside any transaction (its issue
    #177), and for a consumed topic picks the transaction by the *output* partition. Here the
    agent sends through the transactional producer Faust keeps for the *input* partition
    (``{app id}-{group}-{partition}``), the one whose commit carries that partition's offsets.
    `no_commit` keeps Faust's commit loop out while a batch is sent and acknowledged, so a
    transaction never commits a batch's outputs without its offsets; `commit_if_due` then
    ends the transactions from the agent itself, once per commit interval.
    """

    def __init__(self, app: faust.App, commit_interval: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._app = app
        self._commit_interval = commit_interval
        self._clock = clock
        self._last_commit = clock()

    def transactional_id(self, topic: str, partition: int) -> str:
        group = self._app.assignor.group_for_topic(topic)
        return f"{self._app.conf.id}-{group}-{partition}"

    def owns(self, source: SourceMeta) -> bool:
        return (source.topic, source.partition) in {
            (tp.topic, tp.partition) for tp in self._app.consumer.assignment()}

    def _producer(self, source: SourceMeta) -> Any:
        """The aiokafka producer of `source`'s transaction; None when the partition was
        revoked (its offsets cannot commit here: the new owner redoes the message)."""
        tid = self.transactional_id(source.topic, source.partition)
        producer = getattr(self._app.producer, "_transaction_producers", {}).get(tid)
        if producer is None and self.owns(source):
            raise TransactionLost(f"no transactional producer {tid} for {source.where}")
        return producer

    async def batches(self, source: SourceMeta, topic_records: Sequence[tuple[str, OutRecord]],
                      ) -> list[tuple[str, int, Any]]:
        """`topic_records` as record batches for `source`'s transaction (`build_batches`:
        built, not handed over); none when the partition was revoked."""
        producer = self._producer(source)
        return [] if producer is None else await build_batches(producer, topic_records)

    async def hand_over(self, source: SourceMeta, batch: tuple[str, int, Any]) -> Any:
        """Hand one built record batch to `source`'s transaction (under Faust's lock of that
        transaction, which its commit takes too); its delivery future. A done future when the
        partition was revoked meanwhile."""
        producer = self._producer(source)
        if producer is None:
            done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done
        tid = self.transactional_id(source.topic, source.partition)
        topic, partition, records = batch
        faust_producer: Any = self._app.producer  # its private per-transaction locks
        try:
            async with faust_producer._trn_locks[tid]:
                return await producer.send_batch(records, topic, partition=partition)
        except (KafkaError, ProducerSendError, ProducerFenced, IllegalOperation) as exc:
            if not self.owns(source):
                raise ProducerSendError(f"{source.where} was revoked: {exc}") from exc
            raise TransactionLost(f"transaction {tid} for {source.where}: {exc!r}") from exc

    async def commit_if_due(self) -> None:
        """Commit (offsets and outputs, ending each partition's transaction) when a commit
        interval has passed since the last time; call it between batches, outside `no_commit`.

        Faust ends a partition's transaction only when its commit timer commits the offsets.
        Under a backlog that timer never gets a turn: it expires while a batch is extracted
        (the event loop is busy), so it runs at the agent's first await, which is inside
        `no_commit`; it skips that turn and re-arms, and the next batch is ready at once. The
        transactions then stay open until the broker aborts them (aiokafka's
        `transaction_timeout_ms`, 60 s) and the worker is fenced, every life, before any
        offset is committed. Committing here bounds a transaction to one commit interval
        plus one batch."""
        now = self._clock()
        if now - self._last_commit < self._commit_interval:
            return
        self._last_commit = now
        await self._app.consumer.commit()  # waits for, and then skips after, a timer commit

    @contextlib.asynccontextmanager
    async def no_commit(self) -> AsyncIterator[None]:
        """Hold Faust's commit off: a commit that starts meanwhile waits, then skips its turn
        (the next one, a commit interval later, takes the offsets)."""
        consumer: Any = self._app.consumer  # Faust's private commit future, see the docstring
        while consumer._commit_fut is not None:  # a commit in progress: let it finish
            await consumer.maybe_wait_for_commit_to_finish()
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        consumer._commit_fut = fut
        try:
            yield
        finally:
            if consumer._commit_fut is fut:
                consumer._commit_fut = None
            if not fut.done():
                fut.set_result(None)


def build_pipeline(settings: Settings) -> Pipeline:
    """The production pipeline: the extraction core with its gazetteer, the configured rules."""
    from worker.extract import Extractor  # loads the gazetteer: only when the worker starts

    pipeline = Pipeline(
        Extractor(),
        load_rules(settings.alert_rules_path),
        max_bytes=settings.max_message_bytes,
        max_future=timedelta(days=settings.max_future_days),
        timer=time.perf_counter,
        merging=settings.merge_enabled,
    )
    tune_gc()
    return pipeline


@dataclass(frozen=True, slots=True)
class WorkerApp:
    app: faust.App
    agent: Any  # the Faust agent, for `agent.test_context()` in tests
    stats: Stats
    publisher: Publisher
    merge_agent: Any = None
    metrics: Metrics | None = None
    readiness: Readiness | None = None


def create_app(settings: Settings, pipeline: Pipeline | None = None) -> WorkerApp:
    """The Faust app with its topics and agent; `pipeline` is built from settings if omitted."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)  # Faust makes only the app's folder
    app = App(  # faust.App with a flow control that keeps its queues on resume (rebalance)
        settings.app_id,
        broker=settings.broker_url,
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        processing_guarantee=settings.processing_guarantee.value,
        broker_commit_interval=settings.commit_interval,
        broker_session_timeout=settings.session_timeout,
        consumer_auto_offset_reset="earliest",
        producer_compression_type=settings.producer_compression.codec,
        producer_max_batch_size=settings.producer_batch_bytes,
        web_enabled=settings.web_enabled,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        datadir=str(settings.data_dir / settings.app_id),  # apps never share table state
        logging_config=None,
    )
    stats = Stats()
    metrics = Metrics()
    readiness = Readiness(settings.commit_interval)
    readiness.set_gazetteer_loaded(pipeline is not None)  # the CLI passes a loaded pipeline
    state: dict[str, Pipeline] = {}

    def get_pipeline() -> Pipeline:
        if "pipeline" not in state:  # built lazily: loading the gazetteer takes a moment
            state["pipeline"] = pipeline if pipeline is not None else build_pipeline(settings)
            readiness.set_gazetteer_loaded()
        return state["pipeline"]

    def raw_topic(name: str) -> faust.TopicT:
        return app.topic(name, key_type=bytes, value_type=bytes, key_serializer="raw",
                         value_serializer="raw", schema=RawSchema(),
                         partitions=settings.topic_partitions)

    articles = raw_topic(settings.topic_articles)
    publisher = Publisher(
        {
            Destination.EVENTS: raw_topic(settings.topic_events),
            Destination.ALERTS: raw_topic(settings.topic_alerts),
            Destination.DEADLETTER: raw_topic(settings.topic_deadletter),
            Destination.CANDIDATES: raw_topic(settings.topic_candidates),
        },
        stats,
        metrics,
        timeout=settings.publish_timeout,
        transactions=(Transactions(app, settings.commit_interval)
                      if settings.processing_guarantee
                      is Guarantee.EXACTLY_ONCE else None),
    )
    def merge_dead_lettered(letter: DeadLetter) -> None:
        stats.dead_letters[letter.reason] += 1
        metrics.dead_letters.labels(stage=str(letter.stage), reason=letter.reason).inc()

    async def attach_merged(records: Sequence[OutRecord], where: str) -> None:
        metrics.observe_alert_records(records)  # with merging on, the merge stage alerts
        await worker_app.publisher.attach(records)

    merge_agent = None
    if settings.merge_enabled:
        merge_agent = add_merge_stage(
            app, raw_topic(settings.topic_candidates), settings.topic_partitions,
            load_rules(settings.alert_rules_path), settings.merge_policy,
            attach_merged, utc_now, table_store=settings.table_store,
            cache_mb=settings.rocksdb_cache_mb, dead_lettered=merge_dead_lettered)

    @app.agent(articles, concurrency=1, name="articles")
    async def handle_articles(stream: faust.StreamT[bytes]) -> None:
        # A batch is acknowledged only after the loop body has run for it, i.e. after every
        # output of every message in it is delivered (at-least-once). Concurrency stays 1:
        # faust-streaming may commit past in-flight messages of concurrent actors (#606).
        # The agent yields nothing: Faust's handling of a yielded value (a debug line
        # formatted whatever the level, a reply and sink check) cost per message.
        async for batch in stream.take_events(  # type: ignore[attr-defined]
            settings.batch_size, settings.batch_within
        ):
            metrics.observe_batch(len(batch))
            outcomes = process_batch(get_pipeline(), batch)
            pairs = [(r, o.source) for o in outcomes for r in o.records]
            records = [r for r, _ in pairs]
            where = f"{len(batch)} messages from {outcomes[0].source.where}"
            transactions = worker_app.publisher.transactions
            if transactions is None:
                await worker_app.publisher.publish(records, where)
            else:  # exactly-once: outputs and offsets in the source partition's transaction
                async with transactions.no_commit():
                    try:
                        await worker_app.publisher.publish(records, where,
                                                           [src for _, src in pairs])
                    except TransactionLost as exc:
                        _exit_on_lost_transaction(exc)
                    for event in batch:  # acknowledged before any commit may run
                        await stream.ack(event)
                await transactions.commit_if_due()  # Faust's timer alone starves under load
            account(stats, metrics, outcomes, where, len(records))

    install_recovery(app)  # stream partitions resumed after their seek (rebalance)
    worker_app = WorkerApp(app, handle_articles, stats, publisher, merge_agent, metrics,
                           readiness)
    install_sensors(app, metrics, readiness)
    install_lag_timer(app, metrics, interval=5.0)
    if settings.web_enabled:
        register_views(app, metrics, readiness)

    @app.page("/stats")
    async def stats_page(web: Any, request: Any) -> Any:
        return web.json(stats.as_dict())

    return worker_app


def process_batch(pipeline: Pipeline, batch: Sequence[faust.EventT[bytes]]) -> list[Tally]:
    """A batch's outcomes, as tallies (records encoded), in order: a stage at a time over a
    few messages (`Pipeline.tally_many`), their records encoded as each article is extracted,
    so that its models are freed a few messages later (see `Outcome.tally`: ~140 tracked
    objects an article)."""
    return [tally for at in range(0, len(batch), STAGE_CHUNK)
            for tally in pipeline.tally_many(
                [_source_of(event) for event in batch[at:at + STAGE_CHUNK]])]


def account(stats: Stats, metrics: Metrics, outcomes: Sequence[Tally], where: str,
            outputs: int) -> None:
    """Count and log a batch's outcomes once its `outputs` records are delivered."""
    _count(stats, outcomes)
    metrics.observe_outcomes(outcomes, time.time())
    debug = log.isEnabledFor(logging.DEBUG)  # once a batch: a line per message only at DEBUG
    for outcome in outcomes:
        if outcome.dead_letter is not None or debug:
            _log(outcome)
    if log.isEnabledFor(logging.INFO):
        log.info("%s: %d outputs published", where, outputs,
                 extra={"messages": len(outcomes), "outputs": outputs})


def _exit_on_lost_transaction(exc: TransactionLost) -> None:
    log.critical("exactly-once: %s; exiting so that a restart replays from the committed "
                 "offsets (the open transactions are aborted)", exc)
    logging.shutdown()
    os._exit(EXIT_TRANSACTION_LOST)


def _source_of(event: faust.EventT[bytes]) -> tuple[bytes | None, SourceMeta]:
    message = event.message
    timestamp, key, value = message.timestamp, message.key, message.value
    source = new_tuple(SourceMeta, (  # SourceMeta(topic, partition, offset, timestamp_ms, key)
        message.topic, message.partition, message.offset,
        int(timestamp * 1000) if timestamp else None,
        key if isinstance(key, bytes) else None))
    return (value if isinstance(value, bytes) else event.value), source


def _log(outcome: Tally) -> None:
    if outcome.dead_letter is not None:
        where = outcome.source.where
        log.warning("dead letter %s: %s: %s", where, outcome.dead_letter.reason,
                    outcome.dead_letter.error_message[:200],
                    extra={"article_id": outcome.article_id, "where": where})
    elif log.isEnabledFor(logging.DEBUG):  # a line per message: INFO has one per batch
        where = outcome.source.where
        log.debug("%d events, %d alerts", len(outcome.event_types), len(outcome.alert_severities),
                  extra={"article_id": outcome.article_id, "where": where})


def _count(stats: Stats, outcomes: Sequence[Tally]) -> None:
    """Add a batch's outcomes to `stats` (the event types counted once a batch: a Counter's
    `update` costs as much as a dozen plain additions)."""
    event_types: list[str] = []
    # a tally unpacked: a named tuple's field read by name is an unspecialized attribute read
    for kind, _, _, types, severities, dead_letter, seconds, _ in outcomes:
        stats.outcomes[kind.value] += 1
        stats.extract_seconds += seconds
        if severities:
            stats.alerts += len(severities)
        if types:
            event_types += types
        if dead_letter is not None:
            stats.dead_letters[dead_letter.reason] += 1
    if event_types:
        stats.events_by_type.update(event_types)
