# Two commands: `make lab` opens the course, `make test` runs every test. Both set up what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8888

.PHONY: lab test notebooks student benchmark compat clean help

help:
	@echo "make lab        set up and open the course in JupyterLab"
	@echo "make test       set up and run every test"
	@echo "make notebooks  re-execute every chapter in place"
	@echo "make student    write the student edition (no solutions) to student/"
	@echo "make benchmark  measure widget latency in a real browser"
	@echo "make compat     run every chapter with the oldest and the newest Python and packages pyproject allows"
	@echo "make clean      remove the virtual environment and caches"

# One stamp per set of extras, redone when the package or its pinned versions change.
$(BIN)/.installed-%: pyproject.toml constraints.txt jupyter-config/jupyter_server_config.json jupyter-config/overrides.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[$*]"
	$(BIN)/python tools/install_jupyter_config.py
	@touch $@

lab: $(BIN)/.installed-lab
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) $(if $(filter 0,$(shell id -u)),--allow-root) chapters/00_start_here.ipynb

test: $(BIN)/.installed-lab $(BIN)/.installed-test
	$(BIN)/python -m pytest

notebooks: $(BIN)/.installed-lab $(BIN)/.installed-test
	$(BIN)/python tools/run_notebooks.py

student: $(BIN)/.installed-lab
	$(BIN)/python tools/student_edition.py

benchmark: $(BIN)/.installed-lab $(BIN)/.installed-test
	$(BIN)/python -m benchmarks.widget_latency

compat: $(BIN)/.installed-compat
	$(BIN)/python tools/compat.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis artifacts *.egg-info
	find . -name __pycache__ -prune -exec rm -rf {} +
