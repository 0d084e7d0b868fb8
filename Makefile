# Two commands do everything:  `make start` (open the course) and `make test`.
# Each creates .venv and installs the kit into it first, if needed.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# JupyterLab refuses to run as root unless told it may.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: start test install system-deps benchmark build clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

start: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) course/index.ipynb

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

# Debian packages some tests need (Chromium, bubblewrap, PostgreSQL).
system-deps:
	@bash tools/system-deps.sh

benchmark: $(STAMP)
	$(BIN)/python -m benchmarks

build: $(STAMP)
	$(BIN)/nbgrader generate_assignment --force $(MODULE)

clean:
	rm -rf $(VENV)
