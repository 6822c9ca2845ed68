# Two commands set everything up on a machine with only Python 3.11+ and make:
#   make run    create .venv, install, run extract on the Euro News sample
#   make test   create .venv, install, run the whole test suite (and ruff)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SAMPLE := samples/euronews-russia-denies-trump-putin-call.txt
STAMP  := $(VENV)/.installed

.PHONY: run test lint golden bench install clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/extract $(SAMPLE)

test: $(STAMP)
	$(BIN)/ruff check extractor tests benchmarks tools
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check extractor tests benchmarks tools

# Regenerate tests/golden/ from samples/ (review the diff before committing).
golden: $(STAMP)
	$(BIN)/python tests/make_golden.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
