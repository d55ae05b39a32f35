# The README's two set-up commands: `make run` and `make test`.
# Each one creates .venv (if missing) and installs from the package registries.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATE ?= 2025-02-28

.PHONY: run test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/digestgen run --date $(DATE) --offline

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out
