# TNPS Lab: the usual targets. `make run` and `make test` are the two quick-start commands;
# they call scripts/dev.sh, which also works where make is not installed.
VENV ?= .venv
BIN  := $(VENV)/bin

.PHONY: run setup test test-sqlite lint format translations bench clean

run: ## set up, migrate, load the demo and serve on http://127.0.0.1:5000
	bash scripts/dev.sh run

test: ## install what the tests need, then run every test on SQLite and on PostgreSQL
	bash scripts/dev.sh test

setup:
	bash scripts/dev.sh setup

test-sqlite: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .

format: setup
	$(BIN)/ruff format lab tests bench

translations: setup ## re-extract the strings and merge them into the Russian catalogue
	$(BIN)/pybabel extract -F babel.cfg -k _l -k Explained -k AccountError -k FixError -k SchemeTextError -o lab/translations/messages.pot .
	$(BIN)/pybabel update -i lab/translations/messages.pot -d lab/translations --no-fuzzy-matching
	$(BIN)/pybabel compile -d lab/translations

bench: setup
	for f in bench/bench_*.py; do $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
