# c360 — run `make help` for the list of targets.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pytest-xdist workers for `make test`: two, the cores of the CI machine. Not -n auto: each
# worker that runs a Spark test starts its own JVM with a quarter of the memory as its heap.
TEST_WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help setup demo test test-fast lint typecheck docs bench lock clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv with the locked dependencies and c360 installed

demo: setup ## Set up, then run the demo on the embedded default (writes ./c360-demo)
	$(BIN)/c360 demo --force

test: setup ## Set up, then run the whole test suite (all markers, 2 workers), lint and types
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest src tests -n $(TEST_WORKERS) --durations=25

test-fast: setup ## Run the tests without the slow ones
	$(BIN)/pytest src tests -m "not slow"

lint: setup ## Lint and format-check
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: setup ## Static types with mypy
	$(BIN)/mypy

docs: setup ## Re-render docs/data-model.md from the contracts
	$(BIN)/c360 docs data-model > docs/data-model.md

bench: setup ## Run the generator benchmarks (prints figures for docs/benchmarks.md)
	$(BIN)/python benchmarks/bench_generate.py

lock: ## Re-pin requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --extra spark --python-version 3.11 -o requirements.lock

clean: ## Remove the virtualenv and generated demo data
	rm -rf $(VENV) c360-demo .pytest_cache .mypy_cache .ruff_cache
