# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format install migrate demo worker lock check-deploy clean browser-deps

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Reinstall only when a lock file changes. The development lock is production plus the test
# tools (and pins pip itself); pip-sync then removes what the lock no longer lists.
$(STAMP): $(BIN)/python requirements.lock requirements-dev.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip-sync --quiet requirements-dev.lock
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

# The portal on http://127.0.0.1:8000 plus a Celery worker with beat (embedded SQLite and
# filesystem broker: no server needed). One Ctrl-C stops all of it.
run: demo
	@echo "Portal: http://127.0.0.1:8000  (demo logins in README.md)"
	$(BIN)/honcho -f Procfile.dev start

# Two processes (pytest-xdist), each with its own test database, cache prefix and Celery queue
# (conftest.py): CI machines have two cores. TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2
test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-deploy: install
	DEBUG=0 SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=portal.example $(BIN)/python manage.py check --deploy --fail-level WARNING

# Compile requirements.in and requirements-dev.in into fully pinned, hashed lock files. Existing
# pins are kept; to move one: make lock LOCK_ARGS="--upgrade-package NAME". Index options
# from the local pip configuration stay out of the files.
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock: $(STAMP)
	$(PIP_COMPILE) --output-file requirements.lock requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.lock requirements-dev.in

clean:
	rm -rf $(VENV) var .pytest_cache
