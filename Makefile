# Two commands on a fresh machine: `make run` and `make test`. Each builds .venv first if needed.
# `make bench` measures speed on years of generated data (BENCH_ARGS passes options through).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck pytest bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(RUN_STAMP)

## Open the app on the default data file (or $$BRILLIANCE_DATA_DIR).
run: $(RUN_STAMP)
	$(BIN)/brilliance

## Lint (ruff, import contracts), type-check (src and tests) and run every test.
test: $(TEST_STAMP) lint typecheck pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests $(wildcard benchmarks)
	$(BIN)/lint-imports

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

# In parallel (pytest-xdist), one worker per core.
pytest: $(TEST_STAMP)
	$(BIN)/pytest -q -n auto

## SVG screenshots of the four modes on the sample data, for the README.
screenshots: $(RUN_STAMP)
	$(BIN)/python -m brilliance.screenshots assets/screenshots

BENCH_DATA := benchmarks/data
BENCH_YEARS := 1 10 20

# A dataset per size, made once (benchmarks/data/ is git-ignored) and again if the generator
# changes. Its dates end on the day it was made.
$(BENCH_DATA)/%y/brilliance.json: benchmarks/make_dataset.py | $(RUN_STAMP)
	$(BIN)/python benchmarks/make_dataset.py --years $* --data-dir $(BENCH_DATA)/$*y --force

## Time every figure of issue 7 on 1, 10 and 20 years of data; see benchmarks/README.md.
bench: $(RUN_STAMP) $(foreach years,$(BENCH_YEARS),$(BENCH_DATA)/$(years)y/brilliance.json)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
