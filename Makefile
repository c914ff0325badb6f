# Two commands for a newcomer: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install messages run test check lint format bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed.") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

# The French catalogue is compiled by the setup (Babel: no system gettext needed).
messages: install
	$(BIN)/pybabel compile -d locale -D django -l fr --statistics 2>&1 | sed 's/^/  /'

run: messages
	@mkdir -p var
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py createcachetable
	DEBUG=true $(BIN)/python manage.py load_demo
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

# One worker per core (pytest-xdist), each test file whole on one worker: a file's module
# fixtures are built once and its tests keep their order.
test: messages
	$(BIN)/python -m pytest --numprocesses=auto --dist=loadfile $(PYTEST_ARGS)

# The quality gates CI runs before the suite.
check: messages
	@mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DEBUG=true $(BIN)/python manage.py check --fail-level WARNING
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python scripts/check_catalogue.py
	DEBUG=false SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	  ALLOWED_HOSTS=portal.example.ca CSRF_TRUSTED_ORIGINS=https://portal.example.ca \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Speed of the main pages under gunicorn, against PostgreSQL when one answers.
bench: messages
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var
