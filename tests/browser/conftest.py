"""Fixtures for the browser tests: one JupyterLab server, one headless Chromium and one page for them all.

Without Chromium or Playwright the tests are skipped, unless NNBH_REQUIRE_BROWSER=1 (as in CI),
which turns the skip into a failure.
"""

import re

import pytest

from tools import lab_server

# Server log lines that mean something broke: a traceback, an error-level line from the server
# ("[E 2026-…") or from a kernel ("ERROR | Exception in comm_msg …" when a widget callback raises).
SERVER_ERROR = re.compile(r"Traceback|^\[E \d|\bERROR \|")

# Known harmless page errors, both thrown by Notebook 7's own bundle while a page starts
# (matched on the message and on the throwing frame being in /static/notebook/):
HARMLESS_PAGE_ERRORS = [
    # with or without the course's notebooks and settings: Notebook 7.6's shortcuts plugin reads the
    # settings schema of a plugin the page does not load;
    r"TypeError: Cannot read properties of undefined \(reading 'schema'\)",
    # on a server that has served a /lab/tree/<file> page: jupyterlab_server's LabHandler writes
    # treePath into the page config it shares with Notebook 7, whose page then asks a file browser
    # it does not have to open that file.
    r"Error: Command 'filebrowser:open-path' not registered\.",
]
HARMLESS_PAGE_ERROR = re.compile(rf"^(?:{'|'.join(HARMLESS_PAGE_ERRORS)})\n\s+at [^\n]*/static/notebook/notebook_core\.")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives the notebooks in JupyterLab in headless Chromium (needs chromium, playwright)"
    )


# One JupyterLab and one page for all browser tests: each test opens its notebook in the Lab already
# loaded (as from the file browser) instead of loading the Lab again; tools/lab_server.open_and_run.
# Package scope: Playwright's sync API runs an event loop while it is open, which later tests in the
# same process (asyncio in tests/test_ch11_training.py) must not find, and tests/classroom starts its own.
@pytest.fixture(scope="package")
def browser():
    with lab_server.headless_chromium() as browser:
        yield browser


@pytest.fixture(scope="package")
def lab(browser):
    """One server for every browser test; asks for the browser first, so a missing browser skips early."""
    with lab_server.LabServer() as server:
        yield server


@pytest.fixture(scope="package")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def page(tab, lab):
    yield tab
    lab_server.close_notebooks(tab)  # the next test finds no notebook open,
    lab.reset()  # fresh kernels and no saved workspace


@pytest.fixture
def problems(page, lab):
    """Call ``problems()`` at the end of a test: every error the page, the notebook or the server showed."""
    seen, log_offset = [], lab.log_size()

    def on_console(message):
        if message.type == "error":
            seen.append(f"console error: {message.text}")

    def on_page_error(error):
        if not HARMLESS_PAGE_ERROR.match(error.stack or ""):
            seen.append(f"page error: {error.stack or error}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)

    def collect() -> list[str]:
        found = seen + page.evaluate(lab_server.OUTPUT_ERRORS)
        log = lab.log_since(log_offset)
        return found + [f"server log: {line}" for line in log.splitlines() if SERVER_ERROR.search(line)]

    yield collect
    page.remove_listener("console", on_console)  # the page outlives the test
    page.remove_listener("pageerror", on_page_error)
