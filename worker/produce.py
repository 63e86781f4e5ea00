"""Records to Kafka a record batch per partition at a time, instead of one `send` per record.

aiokafka's `send` costs per record: a metadata check, the partitioner (a pure-Python
murmur2), a delivery future, and a future resolved per record on the broker's reply. The
worker waits for all of a batch's outputs at once anyway, so it builds one record batch per
topic partition (`AIOKafkaProducer.create_batch` / `send_batch`, aiokafka's public batch API)
and waits for one future per batch. Each record goes to the partition aiokafka's (and Java's)
default partitioner gives its key, computed here with the same murmur2, so a key lands where
it always did (a compacted topic keeps one record per key only within a partition).
"""

from __future__ import annotations

import asyncio
import struct
from collections.abc import Sequence
from typing import Any, Protocol

_SEED = 0x9747B28C
_M = 0x5BD1E995
_MASK = 0xFFFFFFFF


class Record(Protocol):
    """What is sent: `OutRecord` has these (the topic is given separately)."""

    @property
    def key(self) -> bytes: ...

    @property
    def value(self) -> bytes: ...

    @property
    def headers(self) -> tuple[tuple[str, bytes], ...]: ...


def murmur2(data: bytes) -> int:
    """Kafka's murmur2 (Java's `Utils.murmur2`, aiokafka's `partitioner.murmur2`) of `data`,
    as an unsigned 32-bit int: the same values, read four bytes at a time with `struct`."""
    length = len(data)
    h = _SEED ^ length
    words = length >> 2
    for k in struct.unpack_from(f"<{words}I", data) if words else ():
        k = (k * _M) & _MASK
        k ^= k >> 24
        h = ((h * _M) & _MASK) ^ ((k * _M) & _MASK)
    tail = length & 3
    if tail:
        at = length - tail
        if tail == 3:
            h ^= data[at + 2] << 16
        if tail >= 2:
            h ^= data[at + 1] << 8
        h = ((h ^ data[at]) * _M) & _MASK
    h ^= h >> 13
    h = (h * _M) & _MASK
    return h ^ (h >> 15)


def partition_for(key: bytes, partitions: Sequence[int]) -> int:
    """The default partitioner's choice for a non-null key among `partitions` (sorted)."""
    return partitions[(murmur2(key) & 0x7FFFFFFF) % len(partitions)]


async def build_batches(producer: Any, topic_records: Sequence[tuple[str, Record]],
                        ) -> list[tuple[str, int, Any]]:
    """`(topic, record)` pairs as aiokafka record batches, not sent yet: `(topic, partition,
    batch)`, one batch per topic partition (in order within a partition; more than one when a
    batch reaches the producer's `max_batch_size`). Waits for a topic's metadata, as `send`
    does; nothing is handed to the producer, so a failure here can be retried whole."""
    partitions: dict[str, tuple[int, ...]] = {}
    chosen: dict[tuple[tuple[int, ...], bytes], int] = {}  # an alert has its event's key
    by_partition: dict[tuple[str, int], list[Record]] = {}
    for topic, record in topic_records:
        known = partitions.get(topic)
        if known is None:
            known = partitions[topic] = tuple(sorted(await producer.partitions_for(topic)))
        partition = chosen.get((known, record.key))
        if partition is None:
            partition = chosen[known, record.key] = partition_for(record.key, known)
        by_partition.setdefault((topic, partition), []).append(record)
    built: list[tuple[str, int, Any]] = []
    for (topic, partition), records in by_partition.items():
        batch = producer.create_batch()
        for record in records:
            headers = list(record.headers)
            if batch.append(key=record.key, value=record.value, timestamp=None,
                            headers=headers) is None:  # full: it is done, start the next
                built.append((topic, partition, batch))
                batch = producer.create_batch()
                batch.append(key=record.key, value=record.value, timestamp=None,
                             headers=headers)  # the first record of a batch always fits
        built.append((topic, partition, batch))
    return built


async def send_batched(producer: Any, topic_records: Sequence[tuple[str, Record]],
                       ) -> list[asyncio.Future[Any]]:
    """Hand `(topic, record)` pairs to aiokafka `producer` as record batches
    (`build_batches`) and return their delivery futures. A partition's next batch waits until
    the sender has taken the previous one (`send_batch`)."""
    return [await producer.send_batch(batch, topic, partition=partition)
            for topic, partition, batch in await build_batches(producer, topic_records)]
