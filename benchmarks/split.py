"""Where a worker's CPU goes, per stage (`python -m benchmarks.stream --split`): thread CPU
time (`time.thread_time`) around the pipeline's stages, measured inside the worker process
of `benchmarks.stream`, and the garbage collector's time (`gc.callbacks`) by the stage it
interrupted. The parent reads each thread's CPU from /proc and this module's figures from
the file the worker rewrites every half second.

Only a benchmark: it wraps functions of the worker (by module attribute) in the benchmark's
worker process; the production worker never imports it.
"""

from __future__ import annotations

import functools
import gc
import os
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

_tt = time.thread_time


class Split:
    """Inclusive thread-CPU seconds and call counts per stage (stages nest: the garbage
    collector's time is charged to the innermost stage running on the main thread)."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self.stack: list[str] = []
        self.main = threading.get_ident()
        self._gc_started = 0.0

    def timed(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.stack.append(name)
            began = _tt()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += _tt() - began
                self.calls[name] += 1
                self.stack.pop()
        return wrapper

    def timed_async(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """An async function's CPU up to its end, awaits included (only for coroutines that
        rarely suspend: what else runs meanwhile is charged too)."""
        @functools.wraps(fn)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = _tt()
            try:
                return await fn(*args, **kwargs)
            finally:
                self.seconds[name] += _tt() - began
                self.calls[name] += 1
        return wrapper

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        if threading.get_ident() != self.main:
            if phase == "stop":
                self.calls["gc_other_thread"] += 1
            return
        if phase == "start":
            self._gc_started = _tt()
            return
        spent = _tt() - self._gc_started
        where = self.stack[-1] if self.stack else "outside"
        self.seconds[f"gc:{where}"] += spent
        self.seconds["gc"] += spent
        self.calls[f"gc{info.get('generation', '?')}"] += 1

    def dump(self) -> dict[str, Any]:
        threads = {t.native_id: t.name for t in threading.enumerate()}
        return {"seconds": dict(self.seconds), "calls": dict(self.calls),
                "threads": {str(k): v for k, v in threads.items()}}


def install(pipeline: Any, path: Path) -> Split:
    """Wrap the stages of the worker (this process) and rewrite `path` every 0.5 s."""
    import worker.app as app_module
    import worker.codec as codec
    import worker.metrics as metrics_module
    import worker.pipeline as pipeline_module
    import worker.produce as produce

    split = Split()
    decode, extract = codec.decode_article, pipeline._extract  # unwrapped, for `loop`
    pipeline._extract = split.timed("extract", pipeline._extract)
    if hasattr(pipeline, "process_many"):  # decode + extract + rules, a batch at a time
        pipeline.process_many = split.timed("process", pipeline.process_many)
    else:
        pipeline.process = split.timed("process", pipeline.process)
    codec.decode_article = split.timed("decode", codec.decode_article)
    pipeline_module.Outcome.tally = split.timed(  # type: ignore[method-assign]
        "tally", pipeline_module.Outcome.tally)
    metrics = metrics_module.Metrics
    if hasattr(metrics, "observe_outcomes"):  # a batch at a time
        metrics.observe_outcomes = split.timed(  # type: ignore[method-assign]
            "observe_outcome", metrics.observe_outcomes)
    else:
        metrics.observe_outcome = split.timed(  # type: ignore[method-assign]
            "observe_outcome", metrics.observe_outcome)
    app_module._count = split.timed("count_log", app_module._count)
    app_module._log = split.timed("count_log", app_module._log)
    produce.build_batches = split.timed_async("build_batches", produce.build_batches)
    if hasattr(app_module, "send_batched"):
        app_module.send_batched = split.timed_async("send_batched", app_module.send_batched)
    gc.callbacks.append(split.on_gc)

    def loop(values: list[bytes]) -> dict[str, float]:
        """The core alone in a tight loop in this process (this thread, while the worker is
        idle): articles decoded, then extracted; CPU ms an article, garbage collector's
        included."""
        articles = [decode(v, max_bytes=1 << 30) for v in values]
        began = _tt()
        for article in articles:
            extract(article)
        return {"loop_articles": len(values),
                "loop_extract_ms": round((_tt() - began) / len(values) * 1000, 4)}

    def writer() -> None:
        looped: dict[str, float] = {}
        trigger = path.with_suffix(".loop")
        while True:
            time.sleep(0.5)
            if trigger.exists():  # the parent asks for the loop: a file of article lines
                values = trigger.read_bytes().splitlines()
                trigger.unlink()
                looped = loop(values)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(orjson.dumps({**split.dump(), **looped}))
            os.replace(tmp, path)

    threading.Thread(target=writer, name="bench-split", daemon=True).start()
    return split


def thread_cpu(pid: int) -> dict[int, float]:
    """CPU seconds (user + system) of each thread of process `pid`."""
    out = {}
    tick = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[int(tid)] = (int(fields[11]) + int(fields[12])) / tick
    return out


def read(path: Path) -> dict[str, Any]:
    """The worker's last figures (empty before its first write)."""
    try:
        data: dict[str, Any] = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {"seconds": {}, "calls": {}, "threads": {}}
    return data


def report(pid: int, before: dict[int, float], after: dict[int, float],
           first: dict[str, Any], last: dict[str, Any], n: int) -> dict[str, Any]:
    """Milliseconds of CPU an article from `first` to `last` (`read`, with the threads' CPU
    `before` and `after`): per thread (named by the worker) and per stage."""
    data = last
    names = {int(k): v for k, v in data["threads"].items()}
    per_thread: defaultdict[str, float] = defaultdict(float)
    for tid, cpu in after.items():
        name = "main" if tid == pid else names.get(tid, "other")
        per_thread[name] += cpu - before.get(tid, 0.0)
    ms = {f"thread:{k}": round(v / n * 1000, 4) for k, v in sorted(per_thread.items())}
    ms.update({k: round((v - first["seconds"].get(k, 0.0)) / n * 1000, 4)
               for k, v in sorted(data["seconds"].items())})
    calls = {k: v - first["calls"].get(k, 0) for k, v in sorted(data["calls"].items())}
    looped = {k: v for k, v in data.items() if k.startswith("loop_")}
    return {"ms_per_article": ms, "calls": calls, **looped}
