# The two commands: `make run` (set up and run on the bundled sample) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HARMATTAN_HOME ?= $(CURDIR)/var

.PHONY: run test venv lint typecheck imports pytest lock services chromium clean serve

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

run: venv
	$(BIN)/harmattan db upgrade
	$(BIN)/harmattan ingest samples/news samples/feeds
	$(BIN)/harmattan process
	$(BIN)/harmattan events --format table
	$(BIN)/harmattan db status
	$(BIN)/harmattan serve

services:
	@bash scripts/ensure-services.sh

chromium:
	@bash scripts/ensure-chromium.sh

lint: venv
	$(BIN)/ruff check src tests bench scripts

typecheck: venv
	$(BIN)/mypy

imports: venv
	$(BIN)/lint-imports

pytest: venv services chromium
	$(BIN)/pytest -q -p no:cacheprovider

test: venv services lint typecheck imports pytest

# Re-pin every dependency from the current virtual environment (after changing pyproject.toml).
lock: venv
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
