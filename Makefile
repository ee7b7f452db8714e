# Desa Terbuka: everything a newcomer needs is `make demo` and `make test`.
PYTHON ?= python3.11
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Machines here set PYTHONDONTWRITEBYTECODE: every Python process (each test worker, each
# manage.py or server a test starts) then compiled some 1,600 modules again, 2.5 s apiece.
# Bytecode is kept in __pycache__ (git-ignored) instead.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: system-deps help install demo serve seed test test-sqlite test-postgres lint format e2e bench bench-postgres clean messages compilemessages

help:
	@echo "make demo   - install, migrate, load demo villages and serve on port $(PORT)"
	@echo "make test   - install and run the whole test suite (SQLite, then PostgreSQL + Redis when they answer)"
	@echo "make e2e    - browser journeys in headless Chromium"
	@echo "make lint   - ruff check, format check and the import rules (lint-imports)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --locked --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced

compilemessages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=.tools -v 0

# Interface strings are written in Indonesian; each app keeps its English catalogue in
# <app>/locale/en, project templates in locale/en. `make messages` refreshes them all.
# locale/id (Indonesian for admin strings Wagtail leaves in English) is kept by hand:
# only `-l en` is ever made here, so it is never rewritten.
APPS := sitecore agenda pengaduan transparansi
messages: install
	for app in $(APPS); do (cd $$app && ../$(PY) ../manage.py makemessages -l en -v 0); done
	$(MANAGE) makemessages -l en -v 0 --ignore=.venv --ignore=.tools --ignore=tests --ignore=bench $(foreach app,$(APPS),--ignore=$(app))

# Links in notification e-mails point at the port the demo runs on.
demo: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
demo: install compilemessages
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) collectstatic --noinput -v 0
	$(MANAGE) seed_demo --port $(PORT)
	$(MANAGE) runserver 0.0.0.0:$(PORT)

# ruff, then the dependency rules between apps and sitecore's rooms (import-linter
# contracts in pyproject.toml).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# System tools some tests drive for real (the documented nginx configuration; espeak-ng,
# which speaks the captcha code for blind visitors), and with
# WITH_E2E=1 what the browser tests need (chromium, npm). Whatever is missing comes from
# Debian's packages in one `apt-get update` + `apt-get install` when we may (root);
# otherwise the nginx test skips (and `make e2e` stops: it cannot run without them).
system-deps:
	@missing=""; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="nginx-light"; \
	command -v espeak-ng >/dev/null || missing="$$missing espeak-ng"; \
	if [ "$(WITH_E2E)" = 1 ]; then \
		command -v chromium >/dev/null || missing="$$missing chromium"; \
		command -v npm >/dev/null || missing="$$missing npm"; \
	fi; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null && (/usr/sbin/nginx -s quit 2>/dev/null || true)) || echo "could not install:$$missing (the nginx and spoken-captcha tests will skip)"; \
	fi

test: install compilemessages lint system-deps
	$(MANAGE) makemigrations --check --dry-run -v 1 --settings=sitecore.settings.test
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

# Where a run's time goes: the slowest tests and fixture setups, in every CI log.
PYTEST_TIMING ?= --durations=25 --durations-min=3

test-sqlite:
	env -u DATABASE_URL -u REDIS_URL $(VENV)/bin/pytest -m "not e2e" -p no:cacheprovider -n 2 $(PYTEST_TIMING)

# Runs against the local PostgreSQL and Redis. On CI (CI=true) they must answer;
# elsewhere the run is skipped with a message when they are not there.
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
test-postgres:
	@if $(PY) .ci/services_up.py "$(PG_URL)" "$(REDIS_TEST_URL)"; then \
		DATABASE_URL="$(PG_URL)" REDIS_URL="$(REDIS_TEST_URL)" $(VENV)/bin/pytest -m "not e2e" -p no:cacheprovider -n 2 $(PYTEST_TIMING); \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL/Redis not reachable on CI"; exit 1; \
	else echo "PostgreSQL/Redis not reachable: skipping the PostgreSQL + Redis run"; fi

# Browser journeys and axe-core checks; screenshots land in test-artifacts/e2e/.
e2e: install compilemessages
	@$(MAKE) --no-print-directory system-deps WITH_E2E=1
	@command -v chromium >/dev/null && command -v npm >/dev/null || (echo "make e2e needs chromium and npm"; exit 1)
	npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
	env -u DATABASE_URL -u REDIS_URL $(VENV)/bin/pytest tests/e2e -m e2e -p no:cacheprovider -q -n 2 --durations=5

# Load test on a large generated data set (not part of `make test`); docs/performance.md.
# The bench app (its commands, /ping/, its hooks) is installed by bench.settings only.
# `make bench` runs on SQLite (one app server); `make bench-postgres` on PostgreSQL + Redis
# with two app servers sharing them. Options: BENCH_ARGS="--reuse --duration 5" etc.
BENCH_ARGS ?=
BENCH_DATABASE_URL ?= $(PG_URL)
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/14
bench: install compilemessages
	env -u DATABASE_URL -u REDIS_URL $(MANAGE) bench --settings=bench.settings $(BENCH_ARGS)

bench-postgres: install compilemessages
	DATABASE_URL="$(BENCH_DATABASE_URL)" REDIS_URL="$(BENCH_REDIS_URL)" $(MANAGE) bench --settings=bench.settings $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(TOOLS) staticfiles db.sqlite3* media
