"""Fixtures for the classroom tests: a JupyterHub with two students, and headless Chromium.

Like the browser tests, these are skipped with a message where a piece is missing (Chromium,
Playwright, jupyterhub, configurable-http-proxy, nbgrader), and fail instead when
NNBH_REQUIRE_BROWSER=1 (as in CI), so that CI cannot pass without running them.
"""

import sys
from pathlib import Path

import pytest

# The browser tests' helpers (JupyterLab in the page, Chromium), shared with tests/browser.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))

import hub_server  # noqa: E402
import lab_server  # noqa: E402
from hub_server import require  # noqa: E402


# Hidden tests for the graded edition: code for nbgrader's test cells, not modules to import.
collect_ignore = ["hidden_tests"]


def pytest_configure(config):
    config.addinivalue_line("markers", "classroom: runs the course on a real JupyterHub, or grades it with nbgrader")


@pytest.fixture(scope="module")
def browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        require(f"Playwright for Python is not installed: {lab_server.INSTALL_HINT}")
    if lab_server.find_chromium() is None:
        require(f"Chromium was found neither at /usr/bin/chromium nor on PATH: {lab_server.INSTALL_HINT}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = lab_server.launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def hub(browser):
    """A hub for two students, real system users where the tests can make them."""
    require(hub_server.missing_piece())
    with hub_server.Hub(["ana", "ben"], real_users=hub_server.can_make_users() is None) as hub:
        yield hub
