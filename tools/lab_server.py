"""Start JupyterLab and headless Chromium, and drive the course's explorers in the page.

Shared by the browser tests (``tests/browser``) and the latency benchmark
(``benchmarks/widget_latency.py``), which import it as ``tools.lab_server``. The server serves a temporary copy of the chapters with a
temporary HOME, settings and workspaces, so no earlier session or workspace can leak in.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# NNBH_CHAPTERS points the tests and the benchmark at another folder of notebooks (a scratch one).
CHAPTERS = Path(os.environ.get("NNBH_CHAPTERS", REPO / "chapters"))
SCREENSHOTS = REPO / "artifacts" / "screenshots"

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
INSTALL_HINT = (
    "install Chromium with `sudo apt-get install chromium` and Playwright with "
    "`pip install playwright` (never `playwright install`: the tests use the system Chromium)"
)

# Settings for a quiet, reproducible Lab: no autosave, no news, the kernel starts without asking,
# and every cell stays in the DOM (no windowing), so offscreen explorers can be read too.
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"autoStartDefaultKernel": True, "windowingMode": "none"},
}

WIDGET_CODE = re.compile(r"helpers\.explorers|\w*Explorer\(")


def missing_browser() -> str | None:
    """Why headless Chromium cannot be driven here, with how to fix it, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return f"Playwright for Python is not installed: {INSTALL_HINT}"
    if find_chromium() is None:
        return f"Chromium was found neither at /usr/bin/chromium nor on PATH: {INSTALL_HINT}"
    return None


def require(missing: str | None, tests: str = "browser tests") -> None:
    """Skip a test for a missing piece, or fail it where NNBH_REQUIRE_BROWSER=1 (CI) says all must be there."""
    import pytest

    if missing is None:
        return
    if os.environ.get("NNBH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{missing} (NNBH_REQUIRE_BROWSER=1 requires the {tests} to run)", pytrace=False)
    pytest.skip(missing)


def find_chromium() -> str | None:
    """The system Chromium: /usr/bin/chromium, else a chromium on PATH."""
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def widget_notebooks(folder: Path = CHAPTERS) -> list[Path]:
    """Every notebook in ``folder`` with a code cell that uses ``helpers.explorers`` or an explorer."""
    found = []
    for path in sorted(folder.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        if any(cell["cell_type"] == "code" and WIDGET_CODE.search("".join(cell["source"])) for cell in cells):
            found.append(path)
    return found


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)


@contextlib.contextmanager
def headless_chromium(tests: str = "browser tests"):
    """For a test fixture: the system Chromium, headless, through Playwright; closed at the end.
    Without Chromium or Playwright the tests are skipped, or fail where ``require`` says so."""
    require(missing_browser(), tests)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """``jupyter lab`` on 127.0.0.1 with a random token, serving a temporary copy of ``chapters``."""

    def __init__(self, chapters: Path = CHAPTERS):
        self.tmp = Path(tempfile.mkdtemp(prefix="nnbh-lab-"))
        self.root = self.tmp / "chapters"
        shutil.copytree(chapters, self.root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        self.port, self.token = _free_port(), os.urandom(16).hex()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = self.tmp / "server.log"
        self.workspaces = self.tmp / "workspaces"
        self.process = None

    def start(self, timeout: float = 60) -> LabServer:
        home, settings = self.tmp / "home", self.tmp / "settings"
        for name, values in SETTINGS.items():
            file = settings / f"{name}.jupyterlab-settings"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(json.dumps(values))
        env = dict(
            os.environ, HOME=str(home), JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(self.workspaces),
            # keep the matplotlib font cache: building it in an empty HOME costs seconds
            MPLCONFIGDIR=os.environ.get("MPLCONFIGDIR", str(Path.home() / ".cache" / "matplotlib")),
        )
        for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR"):  # all under HOME
            env.pop(name, None)
        command = [
            sys.executable, "-m", "jupyter", "lab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
            # window.jupyterapp, to run commands and read the notebook model from the page
            "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True",
        ]
        if os.geteuid() == 0:
            command.append("--allow-root")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                command, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited early:\n{self.log.read_text()[-3000:]}")
            try:
                self.api("GET", "status")
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"jupyter lab did not answer within {timeout} s:\n{self.log.read_text()[-3000:]}")

    def api(self, method: str, path: str):
        request = urllib.request.Request(
            f"{self.base}/api/{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            body = response.read()
        return json.loads(body) if body else None

    def url(self, notebook: str, ui: str = "lab") -> str:
        """The page of one notebook, in JupyterLab ("lab") or Notebook 7 ("notebook")."""
        path = {"lab": "lab/tree", "notebook": "notebooks"}[ui]
        return f"{self.base}/{path}/{notebook}?reset&token={self.token}"

    def reset(self):
        """Shut every kernel down and forget the saved workspaces: the next page starts afresh."""
        for session in self.api("GET", "sessions"):
            self.api("DELETE", f"sessions/{session['id']}")
        shutil.rmtree(self.workspaces, ignore_errors=True)

    def log_size(self) -> int:
        return self.log.stat().st_size

    def log_since(self, offset: int) -> str:
        with open(self.log, "rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()  # the server shuts its kernels down on SIGTERM
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# --- In the page -------------------------------------------------------------------------------
# Both JupyterLab and Notebook 7 are Lumino apps with the same notebook commands; with
# expose_app_in_browser the app is window.jupyterapp and the notebook is its current widget.

# Resolves when every cell has run (true), or when a cell raised and stopped the run (false).
RUN_ALL = """async () => {
    const app = window.jupyterapp;
    const panel = app.shell.currentWidget;
    await panel.context.ready;
    await panel.sessionContext.ready;
    await app.commands.execute('notebook:clear-all-cell-outputs');
    return await app.commands.execute('notebook:run-all-cells');
}"""

# True once the kernel is idle and every widget output has rendered (a widget output that failed
# shows "Error displaying widget" and gets the class jupyter-widgets itself).
ALL_RENDERED = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    if (panel.sessionContext.session?.kernel?.status !== 'idle') return false;
    const expected = [...panel.content.model.cells].flatMap(cell => cell.type === 'code' ? cell.outputs.toJSON() : [])
        .filter(output => output.data?.['application/vnd.jupyter.widget-view+json']).length;
    const rendered = [...panel.node.querySelectorAll('.jp-OutputArea-output')]
        .filter(node => node.matches('.jupyter-widgets') || node.querySelector(':scope > .jupyter-widgets'));
    return rendered.length === expected
        && [...panel.node.querySelectorAll('.nnbh-explorer img.nnbh-picture')].every(img => img.src);
}"""

# Error outputs and tracebacks in the notebook (but not from cells tagged raises-exception unless
# `tagged`), widget outputs that failed to render, explorers showing their error message, and
# whatever WATCH_KERNEL saw.
OUTPUT_ERRORS = """(tagged = false) => {
    const panel = window.jupyterapp.shell.currentWidget;
    const errors = [...panel.content.model.cells]
        .filter(cell => cell.type === 'code' && (tagged || !(cell.getMetadata('tags') || []).includes('raises-exception')))
        .flatMap(cell => cell.outputs.toJSON())
        .filter(output => output.output_type === 'error'
                || (output.output_type === 'stream' && /Traceback/.test(output.text)))
        .map(output => output.output_type === 'error' ? `${output.ename}: ${output.evalue}` : output.text);
    for (const node of panel.node.querySelectorAll('.jp-OutputArea-output, .nnbh-error'))
        if (/Error displaying widget/.test(node.textContent) || node.matches('.nnbh-error'))
            errors.push(node.textContent.trim());
    return errors.concat(window.nnbhKernelErrors || []);
}"""

# Errors, and stderr from widget callbacks (which no cell shows), that the kernel sends from now
# on. Installed once the notebook has run: at kernel start the widget manager asks for saved widgets
# on a 'jupyter.widget.control' comm before ipywidgets is imported, and the kernel's harmless
# "No such comm target registered" / "No such comm" replies arrive on stderr then.
WATCH_KERNEL = """() => {
    window.nnbhKernelErrors = [];
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    kernel.iopubMessage.connect((_, msg) => {
        const type = msg.header.msg_type, content = msg.content;
        const after = `after a ${msg.parent_header.msg_type}`;
        if (type === 'error') window.nnbhKernelErrors.push(`kernel error ${after}: ${content.ename}: ${content.evalue}`);
        if (type === 'stream' && content.name === 'stderr')
            window.nnbhKernelErrors.push(`kernel stderr ${after}: ${content.text}`);
    });
}"""

# The state of one explorer as the learner sees it: slider readouts (numbers) and the selected
# option of each toggle-button group (text), by label; formula and summary text; picture URL.
READ_EXPLORER = """explorer => ({
    kind: [...explorer.classList].filter(name => /^nnbh-/.test(name) && name !== 'nnbh-explorer')
        .map(name => name.slice(5))[0],
    sliders: Object.fromEntries([...explorer.querySelectorAll('.widget-slider')].map(slider => [
        slider.querySelector('.widget-label').textContent.trim(),
        Number(slider.querySelector('.widget-readout').textContent.trim().replace('\\u2212', '-')),
    ])),
    choices: Object.fromEntries([...explorer.querySelectorAll('.widget-toggle-buttons')].map(group => [
        group.querySelector('.widget-label').textContent.trim(),
        group.querySelector('.mod-active')?.dataset.value,
    ])),
    formula: explorer.querySelector('.nnbh-formula')?.textContent.trim(),
    picture: explorer.querySelector('img.nnbh-picture')?.src,
    summary: explorer.querySelector('.nnbh-summary')?.textContent.trim(),
})"""

# Resolves once the kernel is idle and the explorer has not changed for `quiet` ms.
SETTLED = """async (explorer, quiet) => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    let last = performance.now();
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(explorer, {subtree: true, childList: true, characterData: true, attributes: true});
    while (kernel.status !== 'idle' || performance.now() - last < quiet)
        await new Promise(resolve => setTimeout(resolve, 25));
    observer.disconnect();
}"""


# Opens a notebook in the JupyterLab already loaded in the page, as a double click in its file browser
# does, and makes it the current widget; resolves with its path.
OPEN_IN_LAB = """async path => {
    const app = window.jupyterapp;
    const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
    await panel.context.ready;
    app.shell.activateById(panel.id);
    return app.shell.currentWidget === panel ? panel.context.path : null;
}"""

# Closes every document of the page's JupyterLab or Notebook 7 without saving it (no dialog asks);
# true if no dialog is left open either.
CLOSE_ALL = """() => {
    const shell = window.jupyterapp?.shell;
    for (const widget of shell?.widgets ? [...shell.widgets('main')] : []) widget.dispose();
    return !document.querySelector('.jp-Dialog');
}"""


def shows_lab(page, server: LabServer) -> bool:
    """Whether the page holds this server's JupyterLab, loaded and ready to open another notebook."""
    return isinstance(server, LabServer) and page.url.startswith(f"{server.base}/lab") and page.evaluate(
        "() => window.jupyterapp?.name === 'JupyterLab' && window.jupyterapp.shell.isAttached")


def close_notebooks(page):
    """Close what the page shows, so that the next test can open a notebook in the same Lab; a page left
    with a dialog open (a test that failed half-way) is emptied instead, and the next test loads the Lab anew."""
    if page.url.startswith("http") and not page.evaluate(CLOSE_ALL):
        page.goto("about:blank")


def open_and_run(page, server: LabServer, notebook: str, ui: str = "lab", timeout: float = 90_000):
    """Open a notebook, clear its outputs, run every cell, and wait until its widgets are drawn.

    In a page that already shows the server's JupyterLab, the notebook opens in that Lab (in a
    kernel of its own) instead of loading the Lab again, which takes seconds."""
    if ui == "lab" and shows_lab(page, server):
        opened = page.evaluate(OPEN_IN_LAB, notebook)
        assert opened == notebook, f"JupyterLab opened {opened!r} instead of {notebook!r}"
    else:
        page.goto(server.url(notebook, ui))
    page.wait_for_function(
        "() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel", timeout=timeout
    )
    if not page.evaluate(RUN_ALL):  # note: Lab's "run all" stops at cells tagged raises-exception too
        errors = page.evaluate(OUTPUT_ERRORS, True)
        raise AssertionError(f"{notebook}: a cell raised and stopped 'run all' in {ui}: {errors}")
    try:
        page.wait_for_function(ALL_RENDERED, timeout=timeout)
    except Exception as error:  # a Playwright TimeoutError: say what the notebook shows instead
        errors = page.evaluate(OUTPUT_ERRORS)
        raise AssertionError(f"{notebook}: its widgets did not all render: {errors}") from error
    page.evaluate(WATCH_KERNEL)
    return page.locator(".nnbh-explorer")


def settle(explorer, quiet_ms: int = 400):
    explorer.evaluate(SETTLED, quiet_ms)
