# The README's two set-up commands: `make run` and `make test`.
# Each one creates .venv (if missing) and installs from the package registries.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
DATE ?= 2025-02-28
# llama-cpp-python builds from source (~10 min on 2 cores); the wheel is kept here and reused.
WHEELS ?= $(HOME)/.cache/digestgen/wheels
LLAMA_VERSION := 0.3.36
# A default build uses the build machine's newest instructions (AMX) and dies with SIGILL elsewhere.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON -DLLAVA_BUILD=OFF

.PHONY: run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[test,eval,qa]'
	mkdir -p $(WHEELS)
	ls $(WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl >/dev/null 2>&1 || \
	  CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=2 \
	  $(PIP) wheel -q --no-deps --no-cache-dir -w $(WHEELS) llama-cpp-python==$(LLAMA_VERSION)
	$(PIP) install -q $(WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl
	$(PIP) install -q -e '.[llm-test]'
	touch $@

run: $(VENV)/.installed
	@# exit 3: the digest is written, with the rows the validator questions marked NEEDS REVIEW
	$(BIN)/digestgen run --date $(DATE) --offline || [ $$? -eq 3 ]

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/python evals/bench.py

clean:
	rm -rf $(VENV) out
