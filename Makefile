# Two commands: `make lab` opens the course, `make test` runs every test. Both set up what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8888
# Every core (pytest-xdist): tests/conftest.py keeps the tests that share a server or a kernel on one worker.
# `make test PARALLEL=` runs them all in one process.
PARALLEL ?= -n auto

.PHONY: lab test test-fast notebooks student grading benchmark compat mutation clean help

help:
	@echo "make lab        set up and open the course in JupyterLab"
	@echo "make test       set up and run every test, on every core"
	@echo "make test-fast  every test but the real-browser and classroom ones, for the inner loop"
	@echo "make notebooks  re-execute every chapter in place"
	@echo "make student    write the student edition (no solutions) to student/"
	@echo "make grading    write the graded edition, an nbgrader course, to grading/"
	@echo "make benchmark  measure widget latency in a real browser"
	@echo "make compat     run every chapter with the oldest and the newest Python and packages pyproject allows"
	@echo "make mutation   mutation-test the shared core: do its tests notice a wrong line? (about 5 minutes)"
	@echo "make clean      remove the virtual environment and caches"

# One stamp per set of extras, redone when the package or its pinned versions change.
$(BIN)/.installed-%: pyproject.toml constraints.txt jupyter-config/jupyter_server_config.json jupyter-config/ipython_kernel_config.json jupyter-config/overrides.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[$*]"
	$(BIN)/python tools/install_jupyter_config.py
	@touch $@

lab: $(BIN)/.installed-lab
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) $(if $(filter 0,$(shell id -u)),--allow-root) chapters/00_start_here.ipynb

# The classroom tests need nbgrader (the grading extra) and configurable-http-proxy (npm), too.
test: $(BIN)/.installed-lab $(BIN)/.installed-test $(BIN)/.installed-grading $(VENV)/node/.installed
	$(BIN)/python -m pytest $(PARALLEL)

# The inner loop: everything except the tests that start JupyterLab, Chromium or a JupyterHub.
test-fast: $(BIN)/.installed-lab $(BIN)/.installed-test
	$(BIN)/python -m pytest $(PARALLEL) --ignore=tests/browser --ignore=tests/classroom

# configurable-http-proxy, JupyterHub's proxy, for the hub test (tests/classroom/hub_server.py finds it here).
$(VENV)/node/.installed: Makefile
	@if command -v npm >/dev/null 2>&1; then \
		npm install --prefix $(VENV)/node --no-audit --no-fund --loglevel=error configurable-http-proxy@5.3.0 && touch $@; \
	else echo "npm not found: the JupyterHub test needs Node.js and npm (apt-get install nodejs npm)"; fi

notebooks: $(BIN)/.installed-lab $(BIN)/.installed-test
	$(BIN)/python tools/run_notebooks.py

student: $(BIN)/.installed-lab
	$(BIN)/python tools/student_edition.py

grading: $(BIN)/.installed-lab $(BIN)/.installed-grading
	$(BIN)/python tools/grading_edition.py

benchmark: $(BIN)/.installed-lab $(BIN)/.installed-test
	$(BIN)/python -m benchmarks.widget_latency

compat: $(BIN)/.installed-compat
	$(BIN)/python tools/compat.py

mutation: $(BIN)/.installed-mutation $(BIN)/.installed-test
	$(BIN)/python tools/mutation.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis artifacts mutants *.egg-info
	find . -name __pycache__ -prune -exec rm -rf {} +
