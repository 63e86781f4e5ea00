"""Compile the extraction core with mypyc: every module of worker/extract but its __init__
into worker/extract/_native/ (extension modules and a manifest of the sources' SHA-256,
which worker/extract/__init__.py checks before it puts the folder on the package's path);
and the Rust keyword automaton (native/keyscan, with cargo) into the same folder as
`_keyscan`, its sources' SHA-256 under the manifest's "keyscan" (worker/extract/keyscan.py
checks them). Each is rebuilt only when its own sources changed.

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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# the package's own import must not require the build this script is about to make
_REQUIRE = os.environ.pop("WORKER_REQUIRE_NATIVE", None)
from worker.extract import (  # noqa: E402
    CRATE_DIR,
    MANIFEST,
    NATIVE_DIR,
    keyscan_sources,
    native_sources,
)

if _REQUIRE is not None:
    os.environ["WORKER_REQUIRE_NATIVE"] = _REQUIRE

GROUP = "worker.extract._native"  # the shared library: worker/extract/_native__mypyc*.so
#: cargo's build folder (ignored by git), kept between builds: a rebuild compiles only the crate
CARGO_TARGET = ROOT / "native" / "target"


def _flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the compilers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def build_keyscan(folder: Path) -> dict[str, object]:
    """Build the Rust automaton's crate into `folder` as `_keyscan`: its manifest entry."""
    started = time.perf_counter()
    print("building the Rust keyword automaton (native/keyscan) with cargo...", flush=True)
    env = dict(os.environ, CARGO_TARGET_DIR=str(CARGO_TARGET), PYO3_PYTHON=sys.executable)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--locked"], cwd=CRATE_DIR,
                   env=env, check=True)
    name = "_keyscan" + importlib.machinery.EXTENSION_SUFFIXES[0]
    # (copied beside, then renamed over: a running process may have the old one mapped)
    shutil.copy2(CARGO_TARGET / "release" / "libkeyscan.so", folder / f"{name}.new")
    os.replace(folder / f"{name}.new", folder / name)
    print(f"built {name} in {time.perf_counter() - started:.0f} s")
    return {"file": name, "sources": keyscan_sources()}


def _with_keyscan(folder: Path, manifest: dict[str, object]) -> bool:
    """Add the Rust automaton's build to `folder` and `manifest` (where the crate is here):
    whether it was built (a failure leaves pyahocorasick in use, and says so)."""
    manifest.pop("keyscan", None)
    if not keyscan_sources():
        return True  # (a copy of the package without the crate: nothing to build)
    try:
        manifest["keyscan"] = build_keyscan(folder)
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"Rust build failed ({error!r}): pyahocorasick will run", file=sys.stderr)
        return False
    return True


def build() -> bool:
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
        manifest: dict[str, object] = {
            "ext_suffix": importlib.machinery.EXTENSION_SUFFIXES[0],
            "mypy": mypy.version.__version__, "sources": sources}
        built = _with_keyscan(staged, manifest)
        (staged / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        staged.rename(NATIVE_DIR)
    return built


def main() -> int:
    if _flag("WORKER_PURE_PYTHON"):
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        print("WORKER_PURE_PYTHON is set: no compiled extraction core")
        return 0
    failed = 1 if _flag("WORKER_REQUIRE_NATIVE") else 0
    try:
        manifest = json.loads((NATIVE_DIR / MANIFEST).read_bytes())
    except (OSError, ValueError):
        manifest = {}
    if manifest.get("sources") == native_sources():
        crate = keyscan_sources()
        if crate and manifest.get("keyscan", {}).get("sources") != crate:
            built = _with_keyscan(NATIVE_DIR, manifest)  # (the Rust build alone is stale)
            (NATIVE_DIR / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
            return 0 if built else failed
        (NATIVE_DIR / MANIFEST).touch()  # for make: newer than sources saved unchanged
        print(f"{NATIVE_DIR.relative_to(ROOT)} is up to date")
        return 0
    started, cpu = time.perf_counter(), _cpu()
    print("compiling worker/extract with mypyc (about a minute of CPU)...", flush=True)
    try:
        built = build()
    except (Exception, SystemExit) as error:  # setup() exits on a compiler error
        shutil.rmtree(NATIVE_DIR, ignore_errors=True)
        print(f"mypyc build failed ({error!r}): the pure-Python core will run", file=sys.stderr)
        return failed
    print(f"built {NATIVE_DIR.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s, "
          f"{_cpu() - cpu:.0f} s CPU (mypyc, gcc and cargo)")
    return 0 if built else failed


if __name__ == "__main__":
    sys.exit(main())
