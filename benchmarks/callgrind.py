"""Run a benchmark module's `--inner` loop under valgrind's callgrind and read the count of
instructions collected inside one function (`--toggle-collect`): the deterministic figure
`benchmarks.instructions` and `benchmarks.pipeline_instructions` print."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path


def collected(module: str, toggle: str, count: int, out: Path,
              extra: tuple[str, ...] = ()) -> int | None:
    """Instructions callgrind counted inside `toggle` while `python -m module --inner
    --articles count` ran (its file written to `out`), or None with the reason on stderr."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return None
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [valgrind, "--tool=callgrind", "--dump-instr=no", *extra, f"--toggle-collect={toggle}",
         "--collect-atstart=no", f"--callgrind-out-file={out}", sys.executable, "-m", module,
         "--inner", "--articles", str(count)],
        capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    return int(found.group(1))
