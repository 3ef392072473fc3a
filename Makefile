# OpenRAS: the two commands in the README.
#   make serve   build the site with the example scheme and serve it on http://127.0.0.1:8000/
#   make test    lint, type-check and run the whole test suite
# Both set up what they need first (a virtual environment in .venv, npm packages, and
# Debian's chromium for the browser tests), so they work on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build test lint typecheck pytest bench setup chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q --upgrade pip
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

lint: setup
	$(BIN)/ruff check py tests tools benchmarks
	$(BIN)/ruff format --check py tests tools benchmarks

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/python -m pytest

test: lint typecheck pytest

bench: setup
	$(BIN)/python benchmarks/core.py

clean:
	rm -rf dist build .pytest_cache .mypy_cache .ruff_cache
