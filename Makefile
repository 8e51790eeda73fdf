# Chorus: `make run` to start, `make test` to check. `make help` lists every target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
# pytest-xdist workers for the tests; WORKERS=0 runs them in one process.
WORKERS ?= auto

.PHONY: help install run migrate admin-password test test-fast lint format typecheck check bench widget-size browser clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install Chorus with its test tools

run: $(STAMP) ## set up, migrate and serve on http://$(HOST):$(PORT) (SQLite under data/)
	$(BIN)/python -m service serve --host $(HOST) --port $(PORT)

migrate: $(STAMP) ## apply database migrations
	$(BIN)/python -m service migrate

admin-password: $(STAMP) ## set a new admin password (asks for it; ends all sessions)
	$(BIN)/python -m service set-password

browser: ## install Debian's Chromium for the browser tests (needs root)
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core)

test: $(STAMP) ## run the whole test suite in parallel (WORKERS=auto), with the coverage gate
	@rm -f .coverage .coverage.*
	$(BIN)/coverage run -m pytest -n $(WORKERS) --dist loadgroup
	@$(BIN)/coverage combine -q
	$(BIN)/coverage report

test-fast: $(STAMP) ## run the domain, store and http tests in parallel, without coverage
	$(BIN)/pytest -m "domain or store or http" -q -n $(WORKERS) --dist loadgroup

lint: $(STAMP) ## ruff format check, ruff lint, node --check on the widgets
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	@for f in widget/*.js service/static/*.js; do [ -f "$$f" ] && node --check "$$f" || exit 1; done

format: $(STAMP) ## reformat the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(STAMP) ## mypy over service/ and settings.py
	$(BIN)/mypy service settings.py

check: lint typecheck test ## everything CI checks

bench: $(STAMP) ## run the benchmarks (prints figures; not part of make test)
	$(BIN)/python bench/run.py

widget-size: $(STAMP) ## gzipped size of each widget as served (minified); fails over budget
	$(BIN)/python bench/widget_size.py

clean: ## remove the virtualenv, caches and test artifacts (keeps data/)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage .coverage.* htmlcov test-artifacts *.egg-info
