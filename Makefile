# Two commands on a fresh machine: `make run` (the bot; without a token, the offline console
# on a demo database) and `make test`. Both create .venv and install the project first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run chat test lint bench i18n clean demo-reset

$(STAMP): pyproject.toml scripts/system-packages.txt
	scripts/system_packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/troly run

chat: $(STAMP)
	$(BIN)/troly chat

# Throw away what was tried in the console and rebuild the demo database.
demo-reset: $(STAMP)
	$(BIN)/troly demo-reset

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy bot handlers scheduler web

test: lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	for f in benchmarks/bench_*.py; do $(BIN)/python -m benchmarks.$$(basename $$f .py) || exit 1; done

i18n: $(STAMP)
	PATH=$(BIN):$$PATH scripts/i18n.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache data/demo.sqlite3 data/demo.sqlite3-wal \
		data/demo.sqlite3-shm
