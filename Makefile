# Quick start: `make reproduce` (regenerate every table and figure), `make test`.
# Both create the environment in .venv/ from the exact pins in requirements.txt if it
# is missing or out of date.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: reproduce test env clean-outputs

reproduce: $(STAMP)
	$(VENV)/bin/discourse reproduce
	$(VENV)/bin/discourse report

test: $(STAMP)
	$(PY) -m pytest

env: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

clean-outputs:
	rm -rf results/* figures/*.png figures/*.pdf figures/*.svg
