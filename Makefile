# The two commands a new user needs: `make demo` and `make test`.
# Both create (or reuse) .venv and install what they need, so a fresh
# machine with Python 3.11 is enough.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,ray]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f demo.duckdb
	$(BIN)/storyline build examples --db demo.duckdb
	$(BIN)/storyline timeline --db demo.duckdb
	mkdir -p out
	$(BIN)/storyline export --db demo.duckdb --format json -o out/demo.json
	@# export has just said "wrote out/demo.json"; only the next step is new.
	@echo "next: $(BIN)/storyline show <event id> --db demo.duckdb"

# The browser tests drive Debian's chromium. When it is missing, `make test`
# installs that package with apt-get, after printing what it will install,
# and never upgrades an installed package (scripts/install_chromium.sh);
# SKIP_BROWSER=1 installs nothing and skips the browser tests.
SKIP_BROWSER ?=
BROWSER_TESTS := $(if $(filter 1,$(SKIP_BROWSER)),-m "not browser",)

test: install
	@SKIP_BROWSER=$(SKIP_BROWSER) sh scripts/install_chromium.sh
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/python -m pytest -q $(BROWSER_TESTS)

bench: install
	$(BIN)/python benchmarks/throughput.py --json

clean:
	rm -rf $(VENV) out demo.duckdb
