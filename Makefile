# Quick start: `make reproduce` (regenerate every table and figure), `make test` (the
# whole test suite, as CI runs it), `make test-fast` (unit tests only, for development);
# both run one test worker per core.
# All create the environment in .venv/ from the exact pins in requirements.txt if it
# is missing or out of date. Python 3.11, 3.12 or 3.13: `make env PYTHON=python3.12`
# (with a path if that Python is not on PATH, e.g. "$(pyenv root)/versions/3.12.1/bin/python3").

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# the oldest Python the package supports (pyproject.toml: requires-python)
MIN_PYTHON := 3.11

.PHONY: reproduce test test-fast env check-python clean-outputs

reproduce: check-python $(STAMP)
	$(VENV)/bin/discourse reproduce
	$(VENV)/bin/discourse report

# Both run one test worker process per core (pytest-xdist; PYTEST_WORKERS=0 runs the
# tests in this process). The whole suite sends each module to one worker, and every test
# that reads the one end-to-end pipeline run to the same worker (tests/conftest.py,
# PIPELINE_USERS), so that the run is made once; the longest units start first.
PYTEST_WORKERS ?= auto
# The test targets let Python cache compiled modules (__pycache__/, ignored by git) even
# where PYTHONDONTWRITEBYTECODE is set, as on the machines this project is developed and
# checked on: without the cache every worker rewrites the asserts of every test module
# and compiles the package again on each run (about 3 s of each worker's start).
TEST_ENV := PYTHONDONTWRITEBYTECODE=

test: check-python $(STAMP)
	$(TEST_ENV) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadscope --no-loadscope-reorder

test-fast: check-python $(STAMP)
	$(TEST_ENV) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) -m "not slow"

env: check-python $(STAMP)

# A clear message instead of a failure deep inside pip: the Python that will build the
# environment must exist and be new enough; a Python named explicitly (PYTHON=...) must
# be the one the existing environment was built with.
check-python:
	@if [ ! -x $(PY) ] || [ "$(origin PYTHON)" != "file" ]; then \
	  $(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= tuple(map(int, "$(MIN_PYTHON)".split("."))) else 3)' >/dev/null 2>&1; \
	  status=$$?; \
	  if [ $$status -eq 3 ]; then \
	    echo "make: discourse needs Python $(MIN_PYTHON) or newer (3.11-3.13 are tested); PYTHON=$(PYTHON) is $$($(PYTHON) -V 2>&1). Use e.g. make env PYTHON=python3.12" >&2; exit 1; \
	  elif [ $$status -ne 0 ]; then \
	    echo "make: PYTHON=$(PYTHON) does not run; name a Python $(MIN_PYTHON)-3.13 that does, e.g. make env PYTHON=\"\$$(pyenv root)/versions/3.12.1/bin/python3\"" >&2; exit 1; \
	  fi; \
	fi
	@if [ -x $(PY) ] && [ "$(origin PYTHON)" != "file" ] && \
	   [ "$$($(PY) -c 'import sys; print(sys.version_info[:2])')" != "$$($(PYTHON) -c 'import sys; print(sys.version_info[:2])')" ]; then \
	  echo "make: $(VENV) was built with $$($(PY) -V 2>&1), not with PYTHON=$(PYTHON) ($$($(PYTHON) -V 2>&1)); remove it (rm -rf $(VENV)) and run make env PYTHON=$(PYTHON) again" >&2; exit 1; \
	fi

# setuptools is pinned in requirements.txt (a version that builds on 3.11-3.13), so the
# package installs without build isolation and without the network.
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

clean-outputs:
	rm -rf results/* results/.provenance figures/*.png figures/*.pdf figures/*.svg
