"""The command of a benchmark that counts instructions with valgrind's callgrind: its
`--inner` loop run under callgrind, and the count of instructions collected inside one
function (`--toggle-collect`) read back: the deterministic figure `benchmarks.instructions`
and `benchmarks.pipeline_instructions` print. The inner run's string hash seed is fixed
(PYTHONHASHSEED, 0 unless set), since dictionary probes and set orders follow it: with a
random seed, counts of the same code differ by a few tenths of a percent."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Counted:
    """What a benchmark counts: its module, the function counted inside, its defaults."""

    module: str
    toggle: str
    articles: int
    out: Path
    nothing: str  # why nothing was counted, when callgrind counted 0
    extra: tuple[str, ...] = ()  # more valgrind options


def main(argv: list[str] | None, counted: Counted, inner: Callable[[int], None],
         report: Callable[[int, int, Path], str]) -> int:
    """`python -m counted.module [--articles N] [--out FILE]`: `inner(N)` under callgrind,
    then `report(instructions, N, FILE)` printed; `--inner` runs `inner(N)` alone."""
    parser = argparse.ArgumentParser(prog=f"python -m {counted.module}")
    parser.add_argument("--articles", type=int, default=counted.articles)
    parser.add_argument("--out", type=Path, default=counted.out,
                        help="callgrind's file (per-function costs)")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if args.inner:
        inner(args.articles)
        return 0
    total = collected(counted, args.articles, args.out)
    if total is None:
        return 1
    if total == 0:
        print(counted.nothing, file=sys.stderr)
        return 1
    print(report(total, args.articles, args.out))
    return 0


def collected(counted: Counted, count: int, out: Path) -> int | None:
    """Instructions callgrind counted inside `counted.toggle` while `python -m
    counted.module --inner --articles count` ran (its file written to `out`), or None with
    the reason on stderr."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return None
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [valgrind, "--tool=callgrind", "--dump-instr=no", *counted.extra,
         f"--toggle-collect={counted.toggle}", "--collect-atstart=no",
         f"--callgrind-out-file={out}", sys.executable, "-m", counted.module, "--inner",
         "--articles", str(count)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")})
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    return int(found.group(1))
