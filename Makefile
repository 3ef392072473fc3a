# OpenRAS: the two commands in the README.
#   make serve   build the site with the example scheme and serve it on http://127.0.0.1:8000/
#   make test    lint, type-check and run the whole test suite (core and browser)
# Both set up what they need first: a virtual environment in .venv with the Python
# packages, the npm packages in node_modules, and (for the browser tests) Debian's
# chromium and nginx-core, so they work on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
NGINX := /usr/sbin/nginx
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test lint typecheck pytest bench bench-browser bench-lighthouse bench-calibrate setup chromium nginx clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q --upgrade pip
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[dev,site]'
	touch $(STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NPM_STAMP)

setup: $(STAMP) $(NPM_STAMP)

# Debian's chromium, for the browser tests (Playwright cannot download browsers here).
chromium:
	@[ -x $(CHROMIUM) ] || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium; }

# Debian's nginx, to test the nginx snippet in site/hosting/: tests/browser/test_nginx.py
# runs its own nginx on 127.0.0.1 with a configuration in a temporary folder (not the
# package's service, which apt-get may start on a machine with systemd).
nginx:
	@[ -x $(NGINX) ] || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q nginx-core; }

build: setup
	$(BIN)/python build.py

serve: setup
	$(BIN)/python build.py serve

lint: setup
	$(BIN)/ruff check py tests tools benchmarks build.py site/hooks.py site/site_content.py site/site_strings.py site/precompile.py site/stdlib_split.py
	$(BIN)/ruff format --check py tests tools benchmarks build.py site/hooks.py site/site_content.py site/site_strings.py site/precompile.py site/stdlib_split.py

typecheck: setup
	$(BIN)/mypy

pytest: setup chromium nginx
	$(BIN)/python -m pytest

test: lint typecheck pytest

bench: setup
	$(BIN)/python benchmarks/core.py

bench-browser: setup chromium
	$(BIN)/python benchmarks/browser.py

bench-lighthouse: setup chromium
	$(BIN)/python benchmarks/lighthouse.py

bench-calibrate: setup chromium
	$(BIN)/python benchmarks/calibrate.py

clean:
	rm -rf dist .pytest_cache .mypy_cache .ruff_cache
