"""The keyword automata: `make_automaton(pairs)` is the Rust one (`native/keyscan`, built by
scripts/build_native.py into `_native/` with the compiled core) when it is built from the
crate's sources as they are now, else pyahocorasick's, and the finder modules need not know
which: `automaton.iter(text)` is, in both, the list of every match of a key in `text`,
overlapping ones included, each as (index of the match's last character, the key's value), by
end and at one end longest first (the Rust one several times faster: the walk and the match
tuples were the keyword pass's most).

WORKER_PURE_PYTHON=1 always uses pyahocorasick; WORKER_REQUIRE_NATIVE=1 makes a missing or
stale Rust build an error (where the crate is here to build); a stale one otherwise warns, as a
stale compiled core does.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable
from typing import Final, Generic, Protocol, TypeVar

import ahocorasick

from worker.extract import MANIFEST, NATIVE_DIR, keyscan_sources

V = TypeVar("V")


class Automaton(Protocol[V]):
    """What the finder modules read of an automaton."""

    def iter(self, text: str) -> list[tuple[int, V]]:
        """Every match in `text`: (index of its last character, its key's value)."""
        ...


class _Pure(Generic[V]):
    """pyahocorasick's automaton, its matches as a list."""

    def __init__(self, pairs: Iterable[tuple[str, V]]) -> None:
        self.automaton = ahocorasick.Automaton()
        for key, value in pairs:
            self.automaton.add_word(key, value)
        self.automaton.make_automaton()

    def iter(self, text: str) -> list[tuple[int, V]]:
        return list(self.automaton.iter(text))


def _flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")


def _rust_problem() -> tuple[str | None, str]:
    """(why the Rust automaton cannot be used (None: it can), the file of its build)."""
    if _flag("WORKER_PURE_PYTHON"):
        return "WORKER_PURE_PYTHON is set", ""
    try:
        manifest = json.loads((NATIVE_DIR / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return "not built (make native)", ""
    built = manifest.get("keyscan")
    if not isinstance(built, dict):
        return "not built (make native; it needs cargo)", ""
    if manifest.get("ext_suffix") != importlib.machinery.EXTENSION_SUFFIXES[0]:
        return f"built for another Python ({manifest.get('ext_suffix')})", ""
    sources = keyscan_sources()
    if sources and built.get("sources") != sources:
        changed = sorted(name for name in sources.keys() | built.get("sources", {}).keys()
                         if sources.get(name) != built.get("sources", {}).get(name))
        return f"stale: {', '.join(changed)} changed since the build", ""
    return None, str(built.get("file", ""))


def _load_rust() -> object | None:
    """The Rust module, or None (with an error or a warning where one is due)."""
    problem, file = _rust_problem()
    if problem is None:
        name = "worker.extract._keyscan"
        spec = importlib.util.spec_from_file_location(name, NATIVE_DIR / file)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            sys.modules[name] = module
            return module
        problem = f"no module in {file}"
    if _flag("WORKER_REQUIRE_NATIVE") and not _flag("WORKER_PURE_PYTHON") and keyscan_sources():
        raise ImportError(f"Rust keyword automaton required, but {problem}")
    if problem.startswith("stale"):
        warnings.warn(f"Rust keyword automaton {problem}: using pyahocorasick (make native "
                      "rebuilds it)", RuntimeWarning, stacklevel=2)
    return None


_RUST_MODULE: Final = _load_rust()
#: The Rust automaton's type (None: pyahocorasick's is used).
RUST: Final[object | None] = getattr(_RUST_MODULE, "Automaton", None)
#: The Rust twin of `places._candidates_pure` (None: that is used): the start and the end of
#: each candidate, after each other in one flat list, of a text read as bytes
#: (`places._reading`), or of a str (an ASCII one as it is, any other read as
#: `places._reading` reads it, each character outside ASCII as the byte the last argument
#: gives for its code, `places._stand_in_of`), given the classes of its bytes
#: (`places._KINDS`) and the small words inside names, apart by spaces.
PLACE_CANDIDATES: Final[Callable[[bytes | str, bytes, bytes, Callable[[int], int]],
                                 list[int]] | None] = (
    getattr(_RUST_MODULE, "place_candidates", None))

#: The Rust twin of `needle in text` for an ASCII str `text` and a needle of ASCII bytes
#: (None: `in` is used).
ASCII_HOLDS: Final[Callable[[str, bytes], bool] | None] = getattr(
    _RUST_MODULE, "ascii_holds", None)


#: The Rust `actors.matches` of an ASCII text for an automaton of `make_automaton` (a Rust
#: one): (the text lower-cased, its `actors.words_of` form, the automaton's `iter` of that
#: form), or None for a text other than ASCII (None: the Rust automaton is not built).
READ_ASCII: Final[Callable[[object, str], tuple[str, str, list[tuple[int, object]]] | None]
                  | None] = getattr(_RUST_MODULE, "read_ascii", None)


def make_automaton(pairs: Iterable[tuple[str, V]]) -> Automaton[V]:
    """The automaton of `pairs` ((key, value); a later value of a key replaces the earlier
    one, as pyahocorasick's `add_word`): the Rust one when built, else pyahocorasick's."""
    if RUST is not None:
        made: Automaton[V] = RUST(list(pairs))  # type: ignore[operator]
        return made
    return _Pure(pairs)
