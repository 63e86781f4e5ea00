"""Compile the extraction core with mypyc: every module of worker/extract but its __init__
into worker/extract/_native/ (extension modules and a manifest of the sources' SHA-256,
which worker/extract/__init__.py checks before it puts the folder on the package's path).

    .venv/bin/python scripts/build_native.py     # what `make native` runs

Skipped when the manifest already matches the sources; WORKER_PURE_PYTHON=1 removes the
build instead. A failed build leaves the pure-Python core in use (and says so), unless
WORKER_REQUIRE_NATIVE=1, where it is an error.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# the package's own import must not require the build this script is about to make
_REQUIRE = os.environ.pop("WORKER_REQUIRE_NATIVE", None)
from worker.extract import MANIFEST, NATIVE_DIR, native_sources  # noqa: E402

if _REQUIRE is not None:
    os.environ["WORKER_REQUIRE_NATIVE"] = _REQUIRE

GROUP = "worker.extract._native"  # the shared library: worker/extract/_native__mypyc*.so


def _flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the compilers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def build() -> None:
    import mypy.version
    from mypyc.build import mypycify
    from setuptools import setup

    sources = native_sources()
    paths = [f"worker/extract/{name}" for name in sources]
    with tempfile.TemporaryDirectory(prefix="mypyc-") as tmp:
        os.chdir(ROOT)  # mypy names the modules from their paths
        extensions = mypycify(paths, group_name=GROUP, opt_level="3",
                              target_dir=os.path.join(tmp, "c"))
        lib = os.path.join(tmp, "lib")
        setup(name="worker-native", ext_modules=extensions, script_args=[
            "--quiet", "build_ext", "--build-lib", lib, "--build-temp", os.path.join(tmp, "o"),
            "--parallel", str(os.cpu_count() or 1)])
        staged = Path(tempfile.mkdtemp(prefix="_native.", dir=NATIVE_DIR.parent))
        for built in (Path(lib) / "worker" / "extract").iterdir():
            shutil.copy2(built, staged / built.name)
        manifest = {"ext_suffix": importlib.machinery.EXTENSION_SUFFIXES[0],
                    "mypy": mypy.version.__version__, "sources": sources}
        (staged / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        staged.rename(NATIVE_DIR)


def main() -> int:
    if _flag("WORKER_PURE_PYTHON"):
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        print("WORKER_PURE_PYTHON is set: no compiled extraction core")
        return 0
    try:
        if json.loads((NATIVE_DIR / MANIFEST).read_bytes()).get("sources") == native_sources():
            (NATIVE_DIR / MANIFEST).touch()  # for make: newer than sources saved unchanged
            print(f"{NATIVE_DIR.relative_to(ROOT)} is up to date")
            return 0
    except (OSError, ValueError):
        pass
    started, cpu = time.perf_counter(), _cpu()
    print("compiling worker/extract with mypyc (about a minute of CPU)...", flush=True)
    try:
        build()
    except (Exception, SystemExit) as error:  # setup() exits on a compiler error
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        print(f"mypyc build failed ({error!r}): the pure-Python core will run", file=sys.stderr)
        return 1 if _flag("WORKER_REQUIRE_NATIVE") else 0
    print(f"built {NATIVE_DIR.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s, "
          f"{_cpu() - cpu:.0f} s CPU (mypyc and gcc)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
