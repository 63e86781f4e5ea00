# The two commands a newcomer needs:  make demo  (the whole pipeline on the seeds)
#                                     make test  (unit, agent and real-broker tests)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The extraction core compiled with mypyc, and its Rust keyword automaton (native/keyscan,
# built with cargo; worker/extract/__init__.py and keyscan.py use each only while it matches
# its sources; WORKER_PURE_PYTHON=1 builds and runs none): rebuilt when they change.
NATIVE := worker/extract/_native/manifest.json
NATIVE_SOURCES := $(filter-out %/__init__.py,$(wildcard worker/extract/*.py)) \
	native/keyscan/Cargo.toml native/keyscan/Cargo.lock $(wildcard native/keyscan/src/*.rs)

.PHONY: demo test test-fast lint schemas eval bench broker-jars native clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)
	$(PY) scripts/build_native.py

$(NATIVE): $(STAMP) $(NATIVE_SOURCES) scripts/build_native.py
	$(PY) scripts/build_native.py

native: $(NATIVE)

broker-jars: $(STAMP)
	$(PY) -m worker.devbroker fetch

demo: $(STAMP) native broker-jars
	$(PY) -m worker demo

# Two test processes (pytest-xdist, worksteal: an idle one takes tests queued for the
# other), each with its own broker: the real-broker tests mostly wait, so two overlap on 2
# cores (see the README). TEST_WORKERS=0 runs them in this one process.
TEST_WORKERS ?= 2

test: $(STAMP) native broker-jars
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

test-fast: $(STAMP) native
	$(PY) -m pytest -m "not integration and not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check worker tests scripts benchmarks
	$(VENV)/bin/mypy
	$(PY) -m worker schemas --check
	cd native/keyscan && cargo fmt --check

schemas: $(STAMP)
	$(PY) -m worker schemas

eval: $(STAMP) native
	$(PY) -m worker eval ../shared/eval/dev.jsonl

bench: $(STAMP) native broker-jars
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .kafka .worker-data .pytest_cache .mypy_cache .ruff_cache worker/extract/_native native/target
