"""The baseline: a Faust agent that decodes, re-encodes and publishes, with no extraction.

Run as `python -m benchmarks.passthrough` with WORKER_* settings (input and events topics);
it batches exactly like the real worker, so the ratio measures the cost of our own work.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import faust
import orjson

from worker.settings import Settings


def create_app(settings: Settings) -> faust.App:
    app = faust.App(f"{settings.app_id}", broker=settings.broker_url, key_serializer="raw",
                    value_serializer="raw", topic_partitions=settings.topic_partitions,
                    broker_commit_interval=settings.commit_interval,
                    consumer_auto_offset_reset="earliest", web_enabled=False,
                    datadir=str(settings.data_dir))
    source = app.topic(settings.topic_articles, key_type=bytes, value_type=bytes,
                       key_serializer="raw", value_serializer="raw")
    sink = app.topic(settings.topic_events, key_type=bytes, value_type=bytes,
                     key_serializer="raw", value_serializer="raw")

    @app.agent(source, concurrency=1)
    async def passthrough(stream: faust.StreamT[bytes]) -> AsyncIterator[int]:
        async for batch in stream.take_events(  # type: ignore[attr-defined]
            settings.batch_size, settings.batch_within
        ):
            pending = []
            for event in batch:
                doc = orjson.loads(event.value)
                pending.append(await sink.send(key=event.key, value=orjson.dumps(doc),
                                               force=True))
            await asyncio.gather(*pending)
            yield len(batch)

    return app


def main() -> None:
    settings = Settings()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    app = create_app(settings)
    faust.Worker(app, loop=loop, loglevel="warning", override_logging=False
                 ).execute_from_commandline()


if __name__ == "__main__":
    main()
