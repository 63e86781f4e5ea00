"""Every setting of the worker, in one place, from environment variables (prefix ``WORKER_``).

Read once at the edge (CLI, app factory) and passed down; the extraction core never reads it.
A bad value fails at start-up with pydantic's message naming the variable.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker.merge import MergePolicy


class Guarantee(StrEnum):
    AT_LEAST_ONCE = "at_least_once"
    EXACTLY_ONCE = "exactly_once"


class TableStore(StrEnum):
    """Where the merge stage's Faust tables live (both are backed by a changelog topic)."""

    MEMORY = "memory"  # a dict: memory grows with the open incidents
    ROCKSDB = "rocksdb"  # RocksDB files in the data directory: memory bounded by its caches


class Compression(StrEnum):
    """Compression of the record batches the worker produces (events, alerts, dead letters,
    candidates and the tables' changelogs); consumers decompress whatever they read."""

    NONE = "none"
    GZIP = "gzip"  # the standard library's zlib: slow
    SNAPPY = "snappy"  # snappy, lz4 and zstd need the cramjam package
    LZ4 = "lz4"
    ZSTD = "zstd"

    @property
    def codec(self) -> str | None:
        """aiokafka's `compression_type`."""
        return None if self is Compression.NONE else self.value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WORKER_", frozen=True, extra="ignore")

    kafka_bootstrap: Annotated[
        str | None,
        Field(description="Kafka bootstrap servers, host:port[,host:port]. Unset: `demo` starts "
                          "a local broker itself"),
    ] = None
    app_id: Annotated[str, Field(min_length=1, description="Faust app id = consumer group")] = (
        "conflict-worker"
    )
    topic_articles: Annotated[str, Field(min_length=1, description="Input topic")] = "articles.raw"
    topic_events: Annotated[str, Field(min_length=1)] = "events.enriched"
    topic_alerts: Annotated[str, Field(min_length=1)] = "events.alerts"
    topic_deadletter: Annotated[str, Field(min_length=1)] = "articles.deadletter"
    topic_candidates: Annotated[
        str, Field(min_length=1, description="Repartition topic: article events keyed by place")
    ] = "events.candidates"
    merge_enabled: Annotated[bool, Field(description="Merge reports of one incident into one "
                                                     "canonical event (Faust tables)")] = True
    merge_window_days: Annotated[int, Field(ge=0, le=60)] = 3
    merge_max_km: Annotated[float, Field(ge=0, le=1000)] = 50.0
    merge_expire_days: Annotated[
        float, Field(gt=0, le=365, description="Forget incidents not updated for this many days "
                                               "(worker time; fractions allowed)")
    ] = 14.0
    table_store: Annotated[
        TableStore, Field(description="Store of the merge stage's tables: memory or rocksdb "
                                      "(files in data_dir)")
    ] = TableStore.ROCKSDB
    rocksdb_cache_mb: Annotated[
        int, Field(ge=1, le=4096, description="RocksDB block cache of each table partition "
                                              "(MB); the incidents table gets this, the two "
                                              "small tables a quarter")
    ] = 8
    topic_partitions: Annotated[int, Field(ge=1, le=1024, description="Partitions of all four "
                                                                      "topics when created")] = 4
    topic_replication: Annotated[int, Field(ge=1, le=16)] = 1
    create_topics: Annotated[bool, Field(description="Create the four topics at start-up")] = True
    max_message_bytes: Annotated[
        int, Field(ge=1024, description="Larger input values are dead-lettered ('too_large')")
    ] = 2_000_000
    max_future_days: Annotated[
        float, Field(ge=0, description="published_at further ahead of the worker clock is invalid")
    ] = 2.0
    processing_guarantee: Guarantee = Guarantee.AT_LEAST_ONCE
    session_timeout: Annotated[
        float, Field(ge=6, le=300, description="Consumer group session timeout: how long a "
                                               "crashed worker keeps its partitions")
    ] = 60.0
    publish_timeout: Annotated[
        float, Field(gt=0, description="Seconds to wait for a batch's outputs to be delivered "
                                       "before logging the failure and retrying")
    ] = 30.0
    producer_compression: Annotated[
        Compression, Field(description="Compression of produced record batches: none, gzip, "
                                       "snappy, lz4 or zstd (merged events are large and "
                                       "repetitive JSON)")
    ] = Compression.ZSTD
    producer_batch_bytes: Annotated[
        int, Field(ge=16_384, le=1_000_000,
                   description="Most bytes (before compression) of one produced record batch "
                               "per partition; Kafka's default record limit is 1 MB")
    ] = 512 * 1024
    commit_interval: Annotated[float, Field(gt=0, description="Seconds between commits")] = 1.0
    batch_size: Annotated[int, Field(ge=1, le=10_000, description="Most messages handled and "
                                                                  "published as one batch")] = 200
    batch_within: Annotated[float, Field(gt=0, description="Seconds to wait to fill a batch")] = (
        0.005
    )
    web_enabled: bool = True
    web_port: Annotated[int, Field(ge=0, le=65535)] = 6066
    web_host: str = "127.0.0.1"
    log_level: Annotated[str, Field(description="DEBUG, INFO, WARNING, ERROR")] = "INFO"
    alert_rules_path: Annotated[
        Path | None, Field(description="YAML/JSON alert rules; unset: the built-in rules")
    ] = None
    data_dir: Annotated[Path, Field(description="Faust table state directory (one folder "
                                                "per app id inside)")] = Path(
        ".worker-data"
    )

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        upper = value.upper()
        if upper not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}")
        return upper

    @field_validator("producer_compression")
    @classmethod
    def _compression(cls, value: Compression) -> Compression:
        from aiokafka import codec

        available = {Compression.NONE: True, Compression.GZIP: codec.has_gzip(),
                     Compression.SNAPPY: codec.has_snappy(), Compression.LZ4: codec.has_lz4(),
                     Compression.ZSTD: codec.has_zstd()}
        if not available[value]:
            raise ValueError(f"{value.value} compression needs the cramjam package "
                             f"(pip install cramjam), or choose none or gzip")
        return value

    @field_validator("kafka_bootstrap")
    @classmethod
    def _bootstrap(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        for part in value.split(","):
            host, sep, port = part.strip().removeprefix("kafka://").rpartition(":")
            if not sep or not host or not port.isdigit():
                raise ValueError(f"expected host:port[,host:port], got {value!r}")
        return value.strip()

    @property
    def broker_url(self) -> str:
        """The bootstrap servers in Faust's URL form."""
        if self.kafka_bootstrap is None:
            raise RuntimeError("WORKER_KAFKA_BOOTSTRAP is not set")
        return ";".join(
            "kafka://" + part.strip().removeprefix("kafka://")
            for part in self.kafka_bootstrap.split(",")
        )

    @property
    def bootstrap_servers(self) -> str:
        """The bootstrap servers in the plain form aiokafka takes."""
        if self.kafka_bootstrap is None:
            raise RuntimeError("WORKER_KAFKA_BOOTSTRAP is not set")
        return ",".join(p.strip().removeprefix("kafka://") for p in self.kafka_bootstrap.split(","))

    @property
    def merge_policy(self) -> MergePolicy:
        return MergePolicy(window_days=self.merge_window_days, max_km=self.merge_max_km,
                           expire_days=self.merge_expire_days)
