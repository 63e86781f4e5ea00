# The two commands a newcomer needs:  make demo  (the whole pipeline on the seeds)
#                                     make test  (unit, agent and real-broker tests)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint schemas eval bench broker-jars clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

broker-jars: $(STAMP)
	$(PY) -m worker.devbroker fetch

demo: $(STAMP) broker-jars
	$(PY) -m worker demo

test: $(STAMP) broker-jars
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not integration and not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check worker tests scripts benchmarks
	$(VENV)/bin/mypy
	$(PY) -m worker schemas --check

schemas: $(STAMP)
	$(PY) -m worker schemas

eval: $(STAMP)
	$(PY) -m worker eval ../shared/eval/dev.jsonl

bench: $(STAMP) broker-jars
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .kafka .worker-data .pytest_cache .mypy_cache .ruff_cache
