"""The extraction core: article in, events out. Pure (no Kafka, no Faust, no I/O after the
gazetteer is loaded once), deterministic, and fast.

    from worker.extract import Extractor
    events = Extractor().extract(article)

The finder modules (classify, actors, places, dates, casualties, sources) are imported when
an Extractor is made, so importing one of them alone stays cheap.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from worker.models import Article, Event

#: The compiled core: `make native` (scripts/build_native.py, run by `make .venv/.installed`)
#: compiles every module of this package but this one with mypyc into `_native/`, with a
#: manifest of the sources' SHA-256. The folder comes first on the package's path, so its
#: extension modules replace the .py ones, only when it was built from the sources as they
#: are now: after an edit, the pure-Python modules run (with a warning) until it is rebuilt.
#: WORKER_PURE_PYTHON=1 always runs the pure-Python core; WORKER_REQUIRE_NATIVE=1 (CI) makes
#: a missing or stale build an error instead.
NATIVE_DIR = Path(__file__).resolve().parent / "_native"
MANIFEST = "manifest.json"


def native_sources() -> dict[str, str]:
    """The SHA-256 of each module the native build compiles, by file name."""
    here = NATIVE_DIR.parent
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(here.glob("*.py")) if path.name != "__init__.py"}


#: The crate of the Rust keyword automaton (worker/extract/keyscan.py): built with the core
#: into `_native/` (its sources' SHA-256 under the manifest's "keyscan"). An installed copy of
#: the package has no crate to check its build against: it uses the build it has, if any.
CRATE_DIR = NATIVE_DIR.parents[2] / "native" / "keyscan"


def keyscan_sources() -> dict[str, str]:
    """The SHA-256 of each source of the Rust automaton's crate, by its path in the crate
    (empty: no crate here)."""
    paths = [CRATE_DIR / "Cargo.toml", CRATE_DIR / "Cargo.lock",
             *sorted((CRATE_DIR / "src").glob("*.rs"))]
    return {path.relative_to(CRATE_DIR).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in paths if path.is_file()}


def _native_problem() -> str | None:
    """Why the compiled core cannot be used (None: it can)."""
    if os.environ.get("WORKER_PURE_PYTHON", "") not in ("", "0"):
        return "WORKER_PURE_PYTHON is set"
    try:
        manifest = json.loads((NATIVE_DIR / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return "not built (make native)"
    if manifest.get("ext_suffix") != importlib.machinery.EXTENSION_SUFFIXES[0]:
        return f"built for another Python ({manifest.get('ext_suffix')})"
    built: dict[str, str] = manifest.get("sources", {})
    changed = sorted(name for name, digest in native_sources().items()
                     if built.get(name) != digest)
    if changed or len(built) != len(native_sources()):
        return f"stale: {', '.join(changed) or 'modules added or removed'} changed since the build"
    return None


NATIVE_PROBLEM = _native_problem()
#: Whether the finder modules are the compiled ones.
COMPILED = NATIVE_PROBLEM is None
if NATIVE_PROBLEM is None:
    __path__.insert(0, str(NATIVE_DIR))
elif os.environ.get("WORKER_REQUIRE_NATIVE", "") not in ("", "0"):
    raise ImportError(f"compiled extraction core required, but {NATIVE_PROBLEM}")
elif NATIVE_PROBLEM.startswith("stale"):
    warnings.warn(f"compiled extraction core {NATIVE_PROBLEM}: running the pure-Python core "
                  "(make native rebuilds it)", RuntimeWarning, stacklevel=2)

if TYPE_CHECKING:
    from worker.extract.gazetteer import Gazetteer


class Extractor:
    """Holds the gazetteer (a service injected for tests) and extracts events from articles."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        from worker.extract.gazetteer import load_gazetteer

        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()

    def extract(self, article: Article) -> list[Event]:
        from worker.extract.events import extract_events

        return extract_events(article, self.gazetteer)

    __call__ = extract


__all__ = ["COMPILED", "NATIVE_PROBLEM", "Extractor"]
