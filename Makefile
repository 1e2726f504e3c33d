# Quick start: `make reproduce` (regenerate every table and figure), `make test` (the
# whole test suite, as CI runs it), `make test-fast` (unit tests only, for development).
# All create the environment in .venv/ from the exact pins in requirements.txt if it
# is missing or out of date.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: reproduce test test-fast env clean-outputs

reproduce: $(STAMP)
	$(VENV)/bin/discourse reproduce
	$(VENV)/bin/discourse report

test: $(STAMP)
	$(VENV)/bin/pytest

test-fast: $(STAMP)
	$(VENV)/bin/pytest -m "not slow"

env: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

clean-outputs:
	rm -rf results/* results/.provenance figures/*.png figures/*.pdf figures/*.svg
