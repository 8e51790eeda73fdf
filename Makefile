# Chorus: `make run` to start, `make test` to check. `make help` lists every target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed
# pytest-xdist workers for the tests; WORKERS=0 runs them in one process.
WORKERS ?= auto
# Python's bytecode cache stays on even where the environment turns it off: otherwise every test
# worker and every server a test starts compiles Chorus and the tests (and pytest rewrites their
# asserts) again, a fifth of `make test`'s CPU on two cores. __pycache__ is in .gitignore.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help install install-dev html-checker lock audit test-floors run migrate admin-password test test-fast screenshots lint format typecheck check mutation bench widget-size browser nginx wordpress clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The runtime set exactly as locked (hashes checked); Chorus itself without its dependencies.
$(RUNTIME): requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $(RUNTIME)

# The test and development tools on top (pyproject.toml's `test` extra).
$(STAMP): pyproject.toml $(RUNTIME)
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(RUNTIME) ## create .venv with Chorus's runtime dependencies, exactly as locked

install-dev: $(STAMP) ## install the test and development tools as well

run: $(RUNTIME) ## set up, migrate and serve on http://$(HOST):$(PORT) (SQLite under data/)
	$(BIN)/python -m service serve --host $(HOST) --port $(PORT)

migrate: $(RUNTIME) ## apply database migrations
	$(BIN)/python -m service migrate

admin-password: $(RUNTIME) ## set a new admin password (asks for it; ends all sessions)
	$(BIN)/python -m service set-password

# The Nu HTML Checker for the page tests (tests/http/test_html_valid.py and its browser twin):
# vnu.jar from the npm registry, pinned, into the git-ignored .tools/ (its install script, which
# would fetch a Java of its own, is not run); as root, Debian's Java and npm where they are
# missing. Without npm the page tests skip with a reason (under CI=true they fail).
VNU_VERSION := 26.9.27
VNU_STAMP := .tools/.vnu-$(VNU_VERSION)

html-checker: $(VNU_STAMP) ## install the Nu HTML Checker (npm vnu-jar, pinned) into .tools/, and Java if missing

$(VNU_STAMP):
	@missing=; command -v java >/dev/null || missing=default-jre-headless; \
	  command -v npm >/dev/null || missing="$$missing npm"; \
	  if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; fi
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --ignore-scripts --save-exact --prefix .tools \
	    vnu-jar@$(VNU_VERSION) && touch $(VNU_STAMP); \
	else echo "npm is missing: the HTML checker is not installed (make html-checker as root)"; fi

browser: ## install Debian's Chromium for the browser tests (needs root)
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core)

# Only `nginx -t` is needed: a policy-rc.d (if none exists) keeps the package from starting a
# server on port 80 during the install, and is removed again afterwards.
nginx: ## install Debian's nginx for the proxy configuration check (needs root)
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || ( \
	  guard=/usr/sbin/policy-rc.d; made=; \
	  if [ ! -e $$guard ]; then printf '#!/bin/sh\nexit 101\n' > $$guard && chmod 755 $$guard && made=1; fi; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx; status=$$?; \
	  if [ -n "$$made" ]; then rm -f $$guard; fi; exit $$status)

# Debian's WordPress with PHP and Apache for tests/wordpress/. The tests run their own Apache on a
# loopback port with a configuration of their own; a policy-rc.d (if none exists) keeps the package
# install from starting Apache on port 80, and the stock site is disabled afterwards. The tests
# make their database with MariaDB's client (the server runs at 127.0.0.1:3306).
WORDPRESS_PACKAGES = wordpress wordpress-theme-twentytwentyone wordpress-theme-twentytwentythree php-cli php-mysql apache2 libapache2-mod-php mariadb-client
wordpress: ## install Debian's WordPress, PHP and Apache for the WordPress tests (needs root)
	@[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] && command -v php >/dev/null && [ -x /usr/sbin/apache2 ] && command -v mysql >/dev/null || ( \
	  guard=/usr/sbin/policy-rc.d; made=; \
	  if [ ! -e $$guard ]; then printf '#!/bin/sh\nexit 101\n' > $$guard && chmod 755 $$guard && made=1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    $(WORDPRESS_PACKAGES); status=$$?; \
	  if [ -n "$$made" ]; then rm -f $$guard; fi; exit $$status)

test: $(STAMP) $(VNU_STAMP) ## run the whole test suite in parallel (WORKERS=auto), with the coverage gate
	@rm -f .coverage .coverage.*
	$(BIN)/coverage run -m pytest -n $(WORKERS) --dist loadgroup
	@$(BIN)/coverage combine -q
	$(BIN)/coverage report

test-fast: $(STAMP) $(VNU_STAMP) ## run the domain, store and http tests in parallel, without coverage
	$(BIN)/pytest -m "domain or store or http" -q -n $(WORKERS) --dist loadgroup

screenshots: $(STAMP) ## run the browser tests and keep their screenshots in test-artifacts/ to look at
	CHORUS_SCREENSHOTS=1 $(BIN)/pytest -m browser -q -n $(WORKERS) --dist loadgroup
	@ls test-artifacts/*.png | wc -l | xargs echo "screenshots in test-artifacts/:"

lint: $(STAMP) ## ruff format check, ruff lint, the import contract, the dependency audit, node --check
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/audit_dependencies.py
	@for f in widget/*.js service/static/*.js wordpress/chorus/assets/*.js; do [ -f "$$f" ] && node --check "$$f" || exit 1; done

format: $(STAMP) ## reformat the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(STAMP) ## mypy in strict mode over service/ and settings.py
	$(BIN)/mypy service settings.py

check: lint typecheck test ## everything CI checks

# mutmut copies the tree into mutants/ (git-ignored), changes service/domain/ one rule at a time
# and runs tests/domain against each change; a survivor is a rule no domain test would notice.
MUTATION_WORKERS ?= 2

mutation: $(STAMP) ## mutation testing of service/domain/ against tests/domain; prints the kill ratio (slow)
	rm -rf mutants
	$(BIN)/mutmut run --max-children $(MUTATION_WORKERS) > mutants.log 2>&1 || (tail -40 mutants.log; exit 1)
	@mv mutants.log mutants/run.log
	@$(BIN)/mutmut results > mutants/survivors.txt; $(BIN)/mutmut export-cicd-stats > /dev/null
	@$(BIN)/python -c 'import json; s = json.load(open("mutants/mutmut-cicd-stats.json")); \
	  print("mutants: %(total)d, %(killed)d killed, %(timeout)d timed out, %(survived)d survived, %(no_tests)d untested, %(skipped)d skipped" % s); \
	  print("kill ratio (killed or timed out, of those run): %.1f%%" % (100 * (s["killed"] + s["timeout"]) / (s["total"] - s["skipped"])))'
	@echo "survivors: mutants/survivors.txt (one in full: $(BIN)/mutmut show NAME)"

lock: $(STAMP) ## refresh requirements.lock from pyproject.toml after changing a dependency
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --no-header --annotate \
		-o requirements.lock pyproject.toml

audit: $(STAMP) ## check requirements.lock against known security advisories
	$(BIN)/python scripts/audit_dependencies.py

test-floors: $(VNU_STAMP) ## install every dependency at its floor in .venv-floors and run the fast tests
	rm -rf .venv-floors
	$(PYTHON) -m venv .venv-floors
	$(PYTHON) scripts/floors.py > .venv-floors/floors.txt
	.venv-floors/bin/pip install --quiet -c .venv-floors/floors.txt -e '.[test]'
	.venv-floors/bin/pytest -q -p no:cacheprovider -m "domain or store or http"

# Lighthouse (npm) for the demo post's Performance score, in .lighthouse/ (git-ignored); it runs
# on Debian's Chromium (make browser) and downloads no browser of its own.
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE := .lighthouse/node_modules/.bin/lighthouse

bench: $(STAMP) ## compare with a bare app, Isso 0.14 and 1,000,000 comments; Lighthouse; manage timing
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	@[ -x .venv-isso/bin/gunicorn ] || ($(PYTHON) -m venv .venv-isso && \
		.venv-isso/bin/pip install --quiet 'isso==0.14.*' gunicorn) || \
		echo "Isso 0.14 could not be installed: its comparison is skipped"
	$(BIN)/python bench/run.py
	@[ -x $(LIGHTHOUSE) ] || npm install --prefix .lighthouse --no-audit --no-fund --loglevel=error \
		lighthouse@$(LIGHTHOUSE_VERSION)
	CHROME_PATH=/usr/bin/chromium $(BIN)/python bench/lighthouse.py
	$(BIN)/python bench/manage_oracle.py

widget-size: $(STAMP) ## gzipped size of each widget as served (minified); fails over budget
	$(BIN)/python bench/widget_size.py

clean: ## remove the virtualenv, caches and test artifacts (keeps data/)
	rm -rf $(VENV) .venv-floors .venv-isso .tools .lighthouse .pytest_cache .mypy_cache .ruff_cache .coverage .coverage.* htmlcov test-artifacts mutants mutants.log *.egg-info
