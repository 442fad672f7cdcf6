# One command to run the dashboard (make run), one to run every test (make test), and one quick
# check for everyday work (make check: every test that needs no browser and no Redis, docs/testing.md).
# They install what they need: Python packages into .venv, CesiumJS from the npm lockfile,
# and, for make test, Debian's chromium, chromium-driver and redis-server when they are missing.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install run test check bench system clean

$(VENV)/installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install: $(VENV)/installed node_modules/.package-lock.json

system:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v redis-server >/dev/null || \
	  ($(SUDO) apt-get update -qq && \
	   $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver redis-server)

run: install
	$(PY) app.py

test: install system
	node --test tests/js/
	$(PY) -m pytest --durations=25

check: install
	node --test tests/js/
	$(PY) -m pytest -q -n 2 -m "not browser and not services"

bench: install
	$(PY) benchmarks/bench_engine.py

clean:
	rm -rf $(VENV) node_modules
