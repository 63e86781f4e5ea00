"""The mypyc-compiled extraction core (scripts/build_native.py): used only while it matches
the sources, and extracting exactly what the pure-Python core does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import worker.extract
from worker.extract import Extractor
from worker.seeds import article_seeds

ROOT = Path(__file__).resolve().parents[2]
FINDERS = ("actors", "casualties", "classify", "dates", "events", "places", "sources")


def test_compiled_modules_are_the_ones_imported() -> None:
    if os.environ.get("WORKER_REQUIRE_NATIVE", "") not in ("", "0"):
        assert worker.extract.COMPILED, worker.extract.NATIVE_PROBLEM
    if not worker.extract.COMPILED:
        pytest.skip(f"pure-Python core: {worker.extract.NATIVE_PROBLEM}")
    import importlib

    for name in FINDERS:
        module = importlib.import_module(f"worker.extract.{name}")
        assert module.__file__ is not None  # (mypyc's __file__: _native/worker/extract/NAME.so)
        assert module.__file__.startswith(str(worker.extract.NATIVE_DIR)), module.__file__
        assert module.__file__.endswith(".so"), module.__file__


def _dump() -> bytes:
    extractor = Extractor()
    return b"\n".join(
        orjson.dumps([e.model_dump(mode="json") for e in extractor.extract(s.article)],
                     option=orjson.OPT_SORT_KEYS)
        for s in article_seeds() if s.article is not None)


def test_compiled_core_extracts_what_the_pure_one_does() -> None:
    if not worker.extract.COMPILED:
        pytest.skip(f"pure-Python core: {worker.extract.NATIVE_PROBLEM}")
    env = {**os.environ, "WORKER_PURE_PYTHON": "1", "WORKER_REQUIRE_NATIVE": "0"}
    pure = subprocess.run(
        [sys.executable, "-c", "import sys; from tests.unit.test_native import _dump; "
         "sys.stdout.buffer.write(_dump())"],
        cwd=ROOT, env=env, capture_output=True, check=True).stdout
    assert pure.count(b"\n") >= 50
    assert _dump() == pure


def test_an_edited_source_falls_back_to_the_pure_core(tmp_path: Path) -> None:
    if not worker.extract.COMPILED:
        pytest.skip(f"pure-Python core: {worker.extract.NATIVE_PROBLEM}")
    copy = tmp_path / "worker"
    subprocess.run(["cp", "-r", str(ROOT / "worker"), str(copy)], check=True)
    with (copy / "extract" / "dates.py").open("a") as source:
        source.write("# edited\n")
    env = {**os.environ, "WORKER_REQUIRE_NATIVE": "0", "PYTHONPATH": str(tmp_path)}
    probe = ("import worker.extract as x, worker.extract.dates as d; "
             "print(x.COMPILED, d.__file__.endswith('.py'))")
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", probe], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
    env["WORKER_REQUIRE_NATIVE"] = "1"
    failed = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert failed.returncode != 0 and "stale: dates.py" in failed.stderr
