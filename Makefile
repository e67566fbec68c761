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
	@echo "wrote out/demo.json; try: $(BIN)/storyline show <event id> --db demo.duckdb"

test: install
	@# Browser tests drive Debian's chromium; without it (no apt, not root) they skip.
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
		|| echo "chromium could not be installed: browser tests will be skipped"
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py --json

clean:
	rm -rf $(VENV) out demo.duckdb
