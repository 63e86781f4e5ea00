"""python -m benchmarks [core|merge|e2e|resource|all] [--json PATH]: print figures, write them
as JSON."""

from __future__ import annotations

import argparse
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson


def machine() -> dict[str, Any]:
    import os

    return {"python": platform.python_version(), "cpus": os.cpu_count(),
            "machine": platform.machine(), "system": platform.system()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("which", nargs="?", default="all",
                        choices=["core", "merge", "e2e", "resource", "all"])
    parser.add_argument("--json", type=Path, default=None, help="where to write the figures")
    parser.add_argument("--seconds", type=float, default=5.0, help="core: time per size")
    parser.add_argument("--articles", type=int, default=20_000, help="e2e: articles per run")
    parser.add_argument("--e2e-runs", default=None,
                        help="e2e: comma-separated runs, of passthrough, at_least_once, "
                             "merging, exactly_once, two_processes, latency (default: all)")
    parser.add_argument("--setting", action="append", default=[], metavar="WORKER_X=V",
                        help="e2e: a worker setting for every run (repeatable)")
    parser.add_argument("--merge-articles", type=int, default=100_000,
                        help="merge: articles through the merge step")
    parser.add_argument("--merge-hot", action="store_true",
                        help="merge: every report to one place key (it fills up to the "
                             "open-incident cap)")
    parser.add_argument("--merge-replay", action="store_true",
                        help="merge: instead, the events of the e2e corpus's first "
                             "--merge-articles articles (merged events as large as e2e's)")
    parser.add_argument("--resource-articles", type=int, default=100_000,
                        help="resource: articles through one worker (memory after them)")
    parser.add_argument("--table-store", choices=["memory", "rocksdb"], default=None,
                        help="merge, resource: the merge tables' store (default: the "
                             "worker's default, WORKER_TABLE_STORE)")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {"date": datetime.now(UTC).isoformat(timespec="seconds"),
                               "machine": machine()}
    from worker.settings import Settings, TableStore

    store = TableStore(args.table_store) if args.table_store else Settings().table_store
    if args.which in ("core", "all"):
        from benchmarks import core

        figures["core"] = core.run(seconds=args.seconds)
        print("core:", orjson.dumps(figures["core"], option=orjson.OPT_INDENT_2).decode())
    if args.which in ("merge", "all"):
        from benchmarks import merge

        figures["merge"] = (merge.replay(args.merge_articles, store) if args.merge_replay
                            else merge.run(args.merge_articles, store, hot=args.merge_hot))
        print("merge:", orjson.dumps(figures["merge"], option=orjson.OPT_INDENT_2).decode())
    if args.which in ("e2e", "all"):
        from benchmarks import e2e

        runs = e2e.RUNS if args.e2e_runs is None else tuple(args.e2e_runs.split(","))
        unknown = set(runs) - set(e2e.RUNS)
        if unknown:
            parser.error(f"unknown e2e runs: {', '.join(sorted(unknown))}")
        settings = dict(kv.split("=", 1) for kv in args.setting)
        figures["e2e"] = e2e.run(args.articles, runs, **settings)
        print("e2e:", orjson.dumps(figures["e2e"], option=orjson.OPT_INDENT_2).decode())
    if args.which in ("resource", "all"):
        from benchmarks import e2e
        from worker.devbroker import LocalBroker

        with LocalBroker() as broker:
            figures["resource"] = e2e.resource(broker.bootstrap, args.resource_articles,
                                               WORKER_TABLE_STORE=store.value)
        print("resource:", orjson.dumps(figures["resource"], option=orjson.OPT_INDENT_2).decode())
    out = args.json or Path("benchmarks/results") / (
        f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}-{args.which}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(orjson.dumps(figures, option=orjson.OPT_INDENT_2))
    print(f"figures written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
