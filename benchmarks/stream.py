"""The stream layer's own cost: the real worker (`worker.app.create_app`, every stage but the
extraction core) with the core replaced by a look-up of events precomputed by the real core.

Only a benchmark: the worker process here runs `create_app` with a `Pipeline` whose extractor
returns the events the real `Extractor` gave for the same article (computed once, cached in
`/tmp`), so what is measured is decoding, validation, rules, encoding, metrics, logging, the
merge stage and publishing. The figure that counts on a shared machine is the worker process's
CPU time per article (user + system from /proc, from ready to drained); the wall-clock rate
is printed too. `--profile DIR` records the worker with py-spy (speedscope JSON).

    python -m benchmarks.stream --articles 20000 [--merging] [--profile /tmp/prof]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import orjson

from benchmarks.corpus import articles_of_size
from benchmarks.e2e import (
    _env,
    _produce,
    _rss_mb,
    _settings,
    _stop,
    _wait_output_rate,
    _wait_ready,
)

CACHE = Path("/tmp/stream-bench-events")


def _events_file(n: int) -> Path:
    """Article JSON and the real core's events for `n` corpus articles (cached)."""
    path = CACHE / f"events-3000-{n}.jsonl"
    if path.exists():
        return path
    from worker.extract import Extractor

    extractor = Extractor()
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as out:
        for article in articles_of_size(3_000, n):
            events = [e.model_dump(mode="json") for e in extractor.extract(article)]
            out.write(orjson.dumps({"article": article.model_dump(mode="json"),
                                    "events": events}) + b"\n")
    tmp.rename(path)
    return path


def worker_main() -> None:
    """The worker process: `python -m benchmarks.stream worker` (WORKER_* settings and
    STREAM_BENCH_EVENTS in the environment)."""
    from worker.alerts import load_rules
    from worker.logs import configure_logging
    from worker.models import Article, Event
    from worker.pipeline import Pipeline
    from worker.settings import Settings

    settings = Settings()
    configure_logging(settings.log_level)
    if os.environ.get("STREAM_BENCH_CORE") == "real":  # the production pipeline, for reference
        from worker.app import build_pipeline

        pipeline = build_pipeline(settings)
        _split(pipeline)
        run_app(settings, pipeline)
        return
    table: dict[str, list[Event]] = {}
    with open(os.environ["STREAM_BENCH_EVENTS"], "rb") as lines:
        for line in lines:
            row = orjson.loads(line)
            table[row["article"]["id"]] = [Event.model_validate(e) for e in row["events"]]

    try:
        from worker.gctune import tune_gc
    except ImportError:  # a worker from before worker.gctune: keep the table out of the collector
        gc.freeze()
    else:
        tune_gc()  # as the production worker does after loading the gazetteer

    def precomputed(article: Article) -> list[Event]:
        if article.id.startswith("lat-"):  # the latency run's ids: `e2e._latency_run`
            source = table.get(f"bench-3000-{article.id.removeprefix('lat-')}", [])
            return [e.model_copy(update={"article_id": article.id}) for e in source]
        return list(table.get(article.id, ()))

    from datetime import timedelta

    pipeline = Pipeline(precomputed, load_rules(settings.alert_rules_path),
                        max_bytes=settings.max_message_bytes,
                        max_future=timedelta(days=settings.max_future_days),
                        timer=time.perf_counter, merging=settings.merge_enabled)
    _split(pipeline)
    run_app(settings, pipeline)


def _split(pipeline: Any) -> None:
    path = os.environ.get("STREAM_BENCH_SPLIT")
    if path:
        from benchmarks.split import install

        install(pipeline, Path(path))


def run_app(settings: Any, pipeline: Any) -> None:
    import faust

    from worker.app import create_app
    from worker.topics import ensure_topics

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(ensure_topics(settings))
    worker_app = create_app(settings, pipeline)
    faust.Worker(worker_app.app, loop=loop, loglevel=settings.log_level.lower(),
                 override_logging=False).execute_from_commandline()


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def run(bootstrap: str, n: int, *, merging: bool, profile: Path | None = None,
        native: bool = False, core: str = "precomputed", split: bool = False,
        preproduce: bool = False, **extra: str) -> dict[str, Any]:
    from worker.devbroker import free_port
    from worker.topics import ensure_topics, worker_lag

    if preproduce and split:
        raise ValueError("--split reads its first figures a second after ready: not with "
                         "--preproduce, whose backlog is consumed meanwhile")
    events_path = _events_file(max(n, 20_000))
    values = [orjson.dumps(orjson.loads(line)["article"])
              for line in events_path.read_bytes().splitlines()[:n]]
    prefix = f"stream-{uuid.uuid4().hex[:6]}"
    port = free_port()
    split_path = Path(f"/tmp/stream-bench-split-{prefix}.json") if split else None
    env = _env(bootstrap, prefix, WORKER_WEB_ENABLED="true", WORKER_WEB_PORT=str(port),
               WORKER_MERGE_ENABLED=str(merging).lower(), STREAM_BENCH_EVENTS=str(events_path),
               STREAM_BENCH_CORE=core, **extra,
               **({"STREAM_BENCH_SPLIT": str(split_path)} if split_path else {}))
    settings = _settings(env)
    asyncio.run(ensure_topics(settings))
    if preproduce:  # a backlog, as `benchmarks e2e` has: full batches from the start
        asyncio.run(_produce(bootstrap, settings.topic_articles, values))
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.stream", "worker"], env=env)
    spy = None
    try:
        if not _wait_ready(port):
            raise RuntimeError("worker not ready")
        cpu0 = _cpu_seconds(proc.pid)
        if split_path is not None:
            from benchmarks import split as splitting

            time.sleep(1.0)  # the worker's first write of its figures
            first, threads0 = splitting.read(split_path), splitting.thread_cpu(proc.pid)
            cpu0 = _cpu_seconds(proc.pid)
        if profile is not None:
            profile.mkdir(parents=True, exist_ok=True)
            name = f"{'merging' if merging else 'direct'}-{prefix}"
            py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
            spy = subprocess.Popen(
                [py_spy, "record", "--pid", str(proc.pid), "--rate", "250", "--format",
                 "speedscope", "-o", str(profile / f"{name}.speedscope.json"),
                 *(["--native"] if native else [])],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t0 = time.monotonic()
        if not preproduce:
            asyncio.run(_produce(bootstrap, settings.topic_articles, values))

        async def drained() -> None:
            while await worker_lag(settings) != 0:
                await asyncio.sleep(0.2)

        asyncio.run(asyncio.wait_for(drained(), 900))
        wall = time.monotonic() - t0
        cpu = _cpu_seconds(proc.pid) - cpu0
        if split_path is not None:
            threads1 = splitting.thread_cpu(proc.pid)
            time.sleep(1.0)  # its last write
            last = splitting.read(split_path)
            if core == "real":  # then the core alone, in the same process, on other articles
                lines = events_path.read_bytes().splitlines()
                others = [orjson.dumps(orjson.loads(line)["article"])  # else the oldest
                          for line in lines[n:n + min(n, 4_000)] or lines[:min(n, 4_000)]]
                split_path.with_suffix(".loop").write_bytes(b"\n".join(others))
                deadline = time.monotonic() + 300
                while "loop_extract_ms" not in last and time.monotonic() < deadline:
                    time.sleep(1.0)
                    last = splitting.read(split_path)
            split_figures = splitting.report(proc.pid, threads0, threads1, first, last, n)
        if spy is not None:
            spy.send_signal(2)
            spy.wait(60)
        figures = asyncio.run(_wait_output_rate(settings, settings.topic_events,
                                                settings.topic_articles, n, 60))
        out = {"articles": n, "merging": merging, "core": core, "preproduce": preproduce, **extra,
               "worker_cpu_seconds": round(cpu, 2),
               "worker_cpu_ms_per_article": round(cpu / n * 1000, 3),
               "cpu_articles_per_second": round(n / cpu, 1),
               "wall_seconds_produce_to_drained": round(wall, 2),
               "output_records": figures["outputs"], "rss_mb": _rss_mb(proc.pid),
               "output_span_articles_per_second": figures["articles_per_second"]}
        if split_path is not None:
            out["split"] = split_figures
        print(f"stream: {out}", file=sys.stderr, flush=True)
        return out
    finally:
        if spy is not None and spy.poll() is None:
            spy.kill()
        _stop([proc])


def latency(bootstrap: str, n: int, rate: float, **extra: str) -> dict[str, Any]:
    """Produce to the events topic's visibility at a steady `rate`, merging off (as
    `e2e._latency`, the worker with the precomputed core)."""
    import statistics

    from benchmarks.e2e import _latency_run
    from worker.devbroker import free_port
    from worker.topics import ensure_topics

    events_path = _events_file(max(n, 20_000))
    values = [orjson.dumps({**orjson.loads(line)["article"], "id": f"lat-{i}"})
              for i, line in enumerate(events_path.read_bytes().splitlines()[:n])]
    prefix = f"slat-{uuid.uuid4().hex[:6]}"
    port = free_port()
    env = _env(bootstrap, prefix, WORKER_WEB_ENABLED="true", WORKER_WEB_PORT=str(port),
               WORKER_MERGE_ENABLED="false", STREAM_BENCH_EVENTS=str(events_path), **extra)
    settings = _settings(env)
    asyncio.run(ensure_topics(settings))
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.stream", "worker"], env=env)
    try:
        if not _wait_ready(port):
            raise RuntimeError("worker not ready")
        asyncio.run(_produce(bootstrap, settings.topic_articles, values[:1]))  # warm-up
        time.sleep(3)
        lat = asyncio.run(_latency_run(settings, values[1:], rate))
    finally:
        _stop([proc])
    q = statistics.quantiles(lat, n=100)
    out = {"rate": rate, **extra, "samples": len(lat), "p50_ms": round(q[49] * 1000, 1),
           "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1)}
    print(f"stream latency: {out}", file=sys.stderr, flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["worker"]:
        worker_main()
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stream")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--merging", choices=["off", "on", "both"], default="both")
    parser.add_argument("--profile", type=Path, default=None, help="py-spy output folder")
    parser.add_argument("--native", action="store_true", help="py-spy --native")
    parser.add_argument("--core", choices=["precomputed", "real"], default="precomputed",
                        help="real: the production extraction core (for reference)")
    parser.add_argument("--split", action="store_true",
                        help="CPU per article by thread and by stage (benchmarks.split)")
    parser.add_argument("--extra", action="append", default=[],
                        help="more WORKER_*=value settings for the worker")
    parser.add_argument("--preproduce", action="store_true",
                        help="produce the articles before the worker starts (a backlog, as "
                             "in `benchmarks e2e`; CPU still counted from ready to drained)")
    parser.add_argument("--latency", type=float, default=None,
                        help="instead: latency at this steady rate (articles/s), merging off")
    parser.add_argument("--bootstrap", default=None, help="a running broker (else a local one)")
    args = parser.parse_args(argv)
    modes = {"off": [False], "on": [True], "both": [False, True]}[args.merging]
    _events_file(max(args.articles, 20_000))

    def go(bootstrap: str) -> list[dict[str, Any]]:
        extra = dict(kv.split("=", 1) for kv in args.extra)
        if args.latency:
            return [latency(bootstrap, min(args.articles, 20_000), args.latency, **extra)]
        return [run(bootstrap, args.articles, merging=m, profile=args.profile,
                    native=args.native, core=args.core, split=args.split,
                    preproduce=args.preproduce, **extra)
                for m in modes]

    if args.bootstrap:
        results = go(args.bootstrap)
    else:
        from worker.devbroker import LocalBroker

        with LocalBroker() as broker:
            results = go(broker.bootstrap)
    print(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
