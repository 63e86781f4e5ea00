"""Command line: `python -m worker COMMAND` (or the `conflict-worker` script).

    run            run the stream worker (needs WORKER_KAFKA_BOOTSTRAP)
    demo           the whole pipeline on the seeds: local broker if none is set, worker,
                   seed producer; prints events, alerts and dead letters as they arrive
    produce-seeds  send the seed articles (and malformed messages) to the input topic
    extract        offline: Article JSON Lines in (file or stdin), one Event JSON per line out
    eval           score the extraction core on gold-labelled JSON Lines
    schemas        write the JSON Schemas to schemas/ (or --check them)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from worker import __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m worker", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("run", help="run the stream worker")

    demo = sub.add_parser("demo", help="run the whole pipeline on the seeds and print the results")
    demo.add_argument("--seeds", type=Path, default=None, help="seed folder (default: seeds/)")
    demo.add_argument("--timeout", type=float, default=90.0, help="give up after this many s")
    demo.add_argument("--json", action="store_true", help="print whole messages as JSON")

    seeds = sub.add_parser("produce-seeds", help="send the seeds to the input topic")
    seeds.add_argument("--seeds", type=Path, default=None)
    seeds.add_argument("--no-malformed", action="store_true")

    ext = sub.add_parser("extract", help="offline extraction: JSON Lines in, events out")
    ext.add_argument("file", nargs="?", type=Path, help="Article JSON Lines (default: stdin)")

    ev = sub.add_parser("eval", help="score the extraction core on gold JSON Lines")
    ev.add_argument("file", type=Path)
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--misses", type=int, default=0, help="print up to N misses per field")
    ev.add_argument("--limit", type=int, default=0, help="only the first N records")
    ev.add_argument("--errors", action="append", default=[], metavar="FIELD",
                    help="print every miss of FIELD (e.g. actor1), one line each; repeatable")

    sch = sub.add_parser("schemas", help="write or check schemas/*.json")
    sch.add_argument("--check", action="store_true", help="fail if the files differ")
    sch.add_argument("--out", type=Path, default=None)

    args = parser.parse_args(argv)
    try:
        return _dispatch(args)
    except ValidationError as exc:  # settings: name the bad variable and stop
        print(f"error: bad setting: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    from worker import cli

    if args.command == "run":
        return cli.run_worker()
    if args.command == "demo":
        return cli.demo(args.seeds, args.timeout, as_json=args.json)
    if args.command == "produce-seeds":
        return cli.produce_seeds_command(args.seeds, malformed=not args.no_malformed)
    if args.command == "extract":
        return cli.extract_command(args.file)
    if args.command == "eval":
        return cli.eval_command(args.file, as_json=args.json, misses=args.misses,
                                limit=args.limit, errors=args.errors)
    if args.command == "schemas":
        return cli.schemas_command(args.check, args.out)
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
