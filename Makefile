# Two commands do everything:  `make start` (open the course) and `make test`.
# Each creates .venv and installs the kit into it first, if needed.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
.PHONY: start workshop test install system-deps benchmark build clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# JupyterLab on the course map; prints the address, Ctrl-C stops it.
start: $(STAMP)
	$(BIN)/ccexercise lab

# A module's facilitator page for a projector: make workshop MODULE=01_lost_customer_cost
workshop: $(STAMP)
	$(BIN)/ccexercise workshop $(MODULE)

# Two workers (pytest-xdist); a notebook's cells stay together on one worker (loadfile).
test: $(STAMP) system-deps
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Debian packages some tests need (Chromium, bubblewrap, PostgreSQL).
system-deps:
	@bash tools/system-deps.sh

benchmark: $(STAMP)
	$(BIN)/python -m benchmarks

# `make build` regenerates every module's exercises/ (or only MODULE=...);
# `make check-build` only says whether exercises/ is up to date (exit 1 if not).
build: $(STAMP)
	$(BIN)/ccexercise build $(MODULE)

check-build: $(STAMP)
	$(BIN)/ccexercise build --check $(MODULE)

clean:
	rm -rf $(VENV)
