"""`python -m worker demo`, the project's main job, against the test broker: twice in a row
it gives the same output, and it leaves no table state behind (state kept from one run
would be recovered into the next: another app's incidents, or a crash on changelog offsets
that a new broker never had)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from worker.seeds import PROJECT_DIR


def run_demo(bootstrap: str, cwd: Path) -> list[str]:
    env = {**os.environ, "WORKER_KAFKA_BOOTSTRAP": bootstrap,
           "PYTHONPATH": str(PROJECT_DIR)}
    env.pop("WORKER_DATA_DIR", None)
    done = subprocess.run([sys.executable, "-m", "worker", "demo", "--timeout", "120"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert any(line.startswith("done: ") for line in lines)
    shown = [re.sub(r"\.demo-[0-9a-f]+", ".demo-RUN", line) for line in lines
             if line.split(" ", 1)[0] in ("EVENT", "ALERT", "DEAD")]
    return sorted(shown)


def test_the_demo_twice_gives_the_same_output_and_leaves_no_state(
        kafka_bootstrap: str, tmp_path: Path) -> None:
    first = run_demo(kafka_bootstrap, tmp_path)
    second = run_demo(kafka_bootstrap, tmp_path)

    assert any(line.startswith("ALERT") for line in first)
    assert first == second
    assert list(tmp_path.iterdir()) == []
