"""Records sent a batch per partition land where aiokafka's `send` would put them."""

from __future__ import annotations

import asyncio
import random
from typing import Any

from aiokafka.partitioner import DefaultPartitioner
from aiokafka.partitioner import murmur2 as aiokafka_murmur2
from aiokafka.producer.message_accumulator import BatchBuilder

from worker.pipeline import Destination, OutRecord
from worker.produce import murmur2, partition_for, send_batched


def test_murmur2_is_kafkas() -> None:
    # Java's Utils.murmur2 values (Kafka's own tests), as aiokafka's tests have them
    assert murmur2(b"21") == aiokafka_murmur2(b"21") == (-973932308) & 0xFFFFFFFF
    assert murmur2(b"foobar") == (-790332482) & 0xFFFFFFFF
    assert murmur2(b"a-little-bit-long-string") == (-985981536) & 0xFFFFFFFF
    assert murmur2(b"a-little-bit-longer-string") == (-1486304829) & 0xFFFFFFFF
    assert murmur2(b"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8") == (
        -58897971) & 0xFFFFFFFF
    assert murmur2(b"abc") == 479470107
    rng = random.Random(7)
    for length in range(0, 80):
        for _ in range(20):
            data = bytes(rng.randrange(256) for _ in range(length))
            assert murmur2(data) == aiokafka_murmur2(data), data


def test_partition_is_the_default_partitioners() -> None:
    rng = random.Random(11)
    for n in (1, 2, 3, 4, 7, 12):
        partitions = list(range(n))
        for _ in range(300):
            key = f"evt_{rng.getrandbits(64):016x}".encode()
            assert partition_for(key, partitions) == DefaultPartitioner()(key, partitions,
                                                                          partitions)


class _FakeProducer:
    """aiokafka's batch API as `send_batched` uses it, with real `BatchBuilder`s."""

    def __init__(self, batch_size: int, partitions: int) -> None:
        self.batch_size = batch_size
        self.partitions = partitions
        self.sent: list[tuple[str, int, list[tuple[bytes, bytes, list[Any]]]]] = []
        self.appended: dict[int, list[tuple[bytes, bytes, list[Any]]]] = {}

    async def partitions_for(self, topic: str) -> set[int]:
        return set(range(self.partitions))

    def create_batch(self) -> BatchBuilder:
        builder = BatchBuilder(self.batch_size, 0)  # no compression
        log: list[tuple[bytes, bytes, list[Any]]] = []
        original = builder.append

        def append(*, timestamp: Any, key: bytes, value: bytes, headers: Any) -> Any:
            meta = original(timestamp=timestamp, key=key, value=value, headers=headers)
            if meta is not None:
                log.append((key, value, headers))
            return meta

        builder.append = append  # type: ignore[method-assign]
        self.appended[id(builder)] = log
        return builder

    async def send_batch(self, batch: BatchBuilder, topic: str, *,
                         partition: int) -> asyncio.Future[Any]:
        self.sent.append((topic, partition, self.appended[id(batch)]))
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


async def test_send_batched_keeps_partition_and_order_and_splits_full_batches() -> None:
    records = [OutRecord(Destination.EVENTS, f"evt_{i}".encode(), b"x" * 300)
               for i in range(40)]
    records += [OutRecord(Destination.ALERTS, f"evt_{i}".encode(), b"a") for i in range(0, 40, 3)]
    records.append(OutRecord(Destination.DEADLETTER, b"raw[0]@5", b"{}",
                             (("__worker.errors.reason", b"invalid_json"),)))
    producer = _FakeProducer(batch_size=2_000, partitions=3)
    topic_of = {Destination.EVENTS: "events", Destination.ALERTS: "alerts",
                Destination.DEADLETTER: "dead"}
    futures = await send_batched(producer, [(topic_of[r.destination], r) for r in records])
    await asyncio.gather(*futures)
    assert len(futures) == len(producer.sent)
    # every record once, in its key's partition, in order within a partition
    seen: dict[tuple[str, int], list[bytes]] = {}
    for topic, partition, batch in producer.sent:
        assert batch, "no empty batch is sent"
        for key, _value, _headers in batch:
            assert partition == partition_for(key, [0, 1, 2])
            seen.setdefault((topic, partition), []).append(key)
    assert sorted(k for keys in seen.values() for k in keys) == sorted(r.key for r in records)
    for (topic, partition), keys in seen.items():
        assert keys == [r.key for r in records if topic_of[r.destination] == topic
                        and partition_for(r.key, [0, 1, 2]) == partition]
    assert max(len(b) for _, _, b in producer.sent) < 10  # 2,000-byte batches were split
    assert [b for t, _, b in producer.sent if t == "dead"] == [
        [(b"raw[0]@5", b"{}", [("__worker.errors.reason", b"invalid_json")])]]
