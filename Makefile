# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/ohjaaja_cms
PYTEST_WORKERS ?= 2

.PHONY: run test lint format seed bench backup restore system-deps install messages clean

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e ".[test]"
	touch $@

install: $(VENV)/.installed

# Debian packages: Voikko (Finnish morphology for search), Chromium (browser tests), the
# PostgreSQL client (make backup) and wrk (the benchmark's load client; its smoke test runs it).
system-deps:
	@missing=""; for pkg in libvoikko1 voikko-fi chromium postgresql-client wrk; do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

run: install system-deps
	DEBUG=1 $(PY) manage.py ensure_database
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 TASKS_IMMEDIATE=1 $(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py ensure_dev_admin
	@echo "Serving http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/, API: http://$(HOST):$(PORT)/api/v1/docs)"
	DEBUG=1 TASKS_IMMEDIATE=1 LOG_FORMAT=$${LOG_FORMAT:-plain} $(PY) manage.py runserver $(HOST):$(PORT)

seed: install
	$(PY) manage.py seed_demo

test: install system-deps
	DATABASE_URL=$(TEST_DATABASE_URL) $(PY) manage.py ensure_database
	DATABASE_URL=$(TEST_DATABASE_URL) $(PY) manage.py check
	DATABASE_URL=$(TEST_DATABASE_URL) $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	DATABASE_URL=$(TEST_DATABASE_URL) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile --create-db $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages -l fi -l sv --ignore=.venv --ignore=tests --ignore=bench --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

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

clean:
	rm -rf $(VENV) media static
