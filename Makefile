# make run  — set everything up and serve the demo portal on SQLite, with its worker
# make test — set everything up and run the whole test suite
# make bench — measure every page at two data sizes (bench/)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

# Development values for `make run`; production reads its own environment.
RUN_ENV := DEBUG=1 HTTPS=0 SECRET_KEY=dev-only-insecure-key

.PHONY: run import-demo test test-fast test-e2e lint lock audit bench clean

# axe-core, which the browser tests load into every page type
# (tests/e2e/test_accessibility.py), from npm at the version locked in
# package-lock.json (with its hash): `npm ci` installs exactly that into
# node_modules/ (git-ignored). Without npm the accessibility tests skip
# and say why, except in CI.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "Thiếu npm (apt-get install npm): bỏ qua kiểm tra trợ năng bằng axe-core."; fi

# Everything is installed from the lock file, every package (pip itself
# included) pinned with its hashes: nothing unlisted or altered gets in.
$(STAMP): requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	mkdir -p var
	touch $(STAMP)

# make lock — pin again after editing requirements.txt or requirements-dev.txt
# (pip-compile's options: [tool.pip-tools] in pyproject.toml). Existing pins
# are kept; `make lock LOCK_ARGS=--upgrade` (or --upgrade-package NAME) moves
# them. The dev lock is constrained by the runtime one, so a server and CI
# run the same versions. The runtime lock has its extras stripped (pip takes
# no extras in a constraints file); the dev lock keeps them: pip-audit asks
# for CacheControl[filecache], and pip (23.2) takes a requirement with an
# extra that no pinned line names as unpinned, so --require-hashes refused
# the whole lock once a newer CacheControl was out.
lock: $(STAMP)
	$(BIN)/pip-compile --quiet $(LOCK_ARGS) -o requirements.lock requirements.txt
	$(BIN)/pip-compile --quiet --no-strip-extras $(LOCK_ARGS) -c requirements.lock -o requirements-dev.lock requirements-dev.txt

# make audit — known vulnerabilities of the locked packages (pip-audit);
# fails on one that a release fixes (.ci/audit.py).
audit: $(STAMP)
	$(BIN)/python .ci/audit.py requirements.lock requirements-dev.lock $(if $(AUDIT_ARGS),-- $(AUDIT_ARGS))

# The libraries' Vietnamese is completed and corrected in lhh/locale
# (django.po, and djangojs.po for the admin's JavaScript), compiled here with
# GNU gettext's msgfmt since a .mo is generated and never committed.
CATALOGUE := lhh/locale/vi/LC_MESSAGES/django
JS_CATALOGUE := lhh/locale/vi/LC_MESSAGES/djangojs
CATALOGUES := $(CATALOGUE).mo $(JS_CATALOGUE).mo
lhh/locale/vi/LC_MESSAGES/%.mo: lhh/locale/vi/LC_MESSAGES/%.po
	@if command -v msgfmt >/dev/null 2>&1; then msgfmt --check -o $@ $<; \
	else echo "Thiếu msgfmt (apt-get install gettext): trang quản trị sẽ có vài dòng tiếng Anh."; fi

# The catalogue rule named in the README compiles both.
$(CATALOGUE).mo: $(JS_CATALOGUE).mo

run: $(STAMP) $(CATALOGUES)
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py createcachetable
	$(RUN_ENV) $(BIN)/python manage.py seed_demo --admin
	$(RUN_ENV) $(BIN)/python manage.py generateimages
	@echo "Cổng thông tin chạy tại http://127.0.0.1:$(PORT)/ — quản trị: http://127.0.0.1:$(PORT)/admin/"
	@# The worker (emails, text extraction, renditions, maintenance; queue in
	@# var/huey.sqlite3) runs beside the site and stops with it.
	$(RUN_ENV) $(BIN)/python manage.py run_huey --quiet & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# make import-demo — import the fixture mirror of an old ASP.NET portal
# (tests/oldsite/mirror/) into the demo site of `make run`, to watch the
# importer work: its report lists what it made and the failures put there on
# purpose; then http://127.0.0.1:8000/NewsDetail.aspx?Id=9036 leads to the
# article. Running it again creates nothing.
import-demo: $(STAMP) $(CATALOGUES)
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py import_site tests/oldsite/mirror --mapping oldsite/mappings/aspnet-lhh.toml

# The suite runs in TEST_WORKERS processes (pytest-xdist), a test file
# per worker at a time, each with its own test database and Redis database
# (tests/conftest.py); TEST_WORKERS=0 runs it in this one process.
TEST_WORKERS ?= 2
XDIST := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

test: $(STAMP) $(CATALOGUES) $(AXE)
	$(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS)

test-fast: $(STAMP) $(CATALOGUES)
	$(BIN)/python -m pytest -m "not e2e" $(XDIST) $(PYTEST_ARGS)

test-e2e: $(STAMP) $(CATALOGUES) $(AXE)
	$(BIN)/python -m pytest -m e2e $(XDIST) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

# make bench — generate data at two scales, measure every page, load the site
# with wrk (BENCH_SCALE=small|large|both; see bench/run.py for the options).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

bench: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) var .pytest_cache test-artifacts node_modules
