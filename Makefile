# TNPS Lab: the usual targets. `make run` and `make test` are the two quick-start commands.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: run setup test test-setup test-sqlite test-postgres lint format translations bench clean

run: setup ## set up, migrate, load the demo and serve on http://127.0.0.1:5000
	$(BIN)/lab db upgrade
	$(BIN)/lab demo
	$(BIN)/lab run

setup: $(VENV)/.installed lab/translations/ru/LC_MESSAGES/messages.mo

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

lab/translations/ru/LC_MESSAGES/messages.mo: lab/translations/ru/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d lab/translations

test: setup ## install what the tests need, then run every test on SQLite and on PostgreSQL
	bash scripts/test-deps.sh
	bash scripts/run-tests.sh

test-sqlite: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .

format: setup
	$(BIN)/ruff format lab tests bench

translations: setup ## re-extract the strings and merge them into the Russian catalogue
	$(BIN)/pybabel extract -F babel.cfg -k _l -o lab/translations/messages.pot .
	$(BIN)/pybabel update -i lab/translations/messages.pot -d lab/translations --no-fuzzy-matching
	$(BIN)/pybabel compile -d lab/translations

bench: setup
	for f in bench/bench_*.py; do $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
