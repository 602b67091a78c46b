# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format install migrate demo worker lock check-deploy clean browser-deps

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pinned requirements change.
$(STAMP): $(BIN)/python requirements.lock requirements-dev.in requirements.in
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
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

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-deploy: install
	DEBUG=0 SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=portal.example $(BIN)/python manage.py check --deploy --fail-level WARNING

# Regenerate the fully pinned lock file from the direct requirements.
lock: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.in
	$(BIN)/pip freeze --exclude-editable | sort > requirements.lock

clean:
	rm -rf $(VENV) var .pytest_cache
