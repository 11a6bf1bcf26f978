"""The course on a real JupyterHub, handed out with the link that tools/nbgitpuller_link.py makes.

Two students log in through the hub's login page and follow their link; nbgitpuller clones the
course (from a bare clone of this repository, as from a teacher's repository) into each one's home;
each runs a chapter with an explorer in their own server and moves a slider with the arrow key.
One student's edit survives a second click on the link after the teacher has pushed an update.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import hub_server
from tools import lab_server

LINK_TOOL = hub_server.REPO / "tools" / "nbgitpuller_link.py"
CHAPTERS = {"ana": "01_one_neuron", "ben": "03_layer_of_neurons"}
FOLDER = "nn-by-hand.git"  # nbgitpuller clones into the last part of the repository's address
EDIT = "ana_score = 6.7  # Ana's own answer, typed in the hub"
UPDATE = ("chapters/NEWS.md", "# News\n\nChapter 08 comes next week.\n")


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, as in the browser tests: skipped without it, failing in CI (NNBH_REQUIRE_BROWSER=1)."""
    with lab_server.headless_chromium("classroom tests") as browser:
        yield browser


@pytest.fixture(scope="module")
def hub(browser):
    """A hub for two students, real system users where the tests can make them."""
    lab_server.require(hub_server.missing_piece(), "classroom tests")
    with hub_server.Hub(["ana", "ben"], real_users=hub_server.can_make_users() is None) as hub:
        yield hub


class Link:
    """What lab_server.open_and_run asks of a server: the address that opens a notebook, here the link.

    For Notebook 7 ("notebook"), the notebook's page in the student's own server, in the copy the
    link pulled.
    """

    def __init__(self, hub: hub_server.Hub, student: str | None = None):
        self.hub, self.student = hub, student

    def url(self, notebook: str, ui: str = "lab") -> str:
        if ui == "notebook":
            return f"{self.hub.url}/user/{self.student}/notebooks/{FOLDER}/chapters/{notebook}"
        command = [sys.executable, str(LINK_TOOL), self.hub.url, "--repo", str(self.hub.remote),
                   "--chapter", notebook.removesuffix(".ipynb")]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def log_in(page, hub: hub_server.Hub, student: str):
    """Through the hub's own login page (the dummy authenticator takes any password)."""
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", student)
    page.fill("#password_input", "any password")
    page.click("#login_submit")
    page.wait_for_url(re.compile(r".*/(hub/home|hub/spawn|user/).*"))


def move_a_slider_by_key(page, explorer):
    """Focus the first slider's handle, press ArrowRight, and wait for the formula to change."""
    before = explorer.evaluate(lab_server.READ_EXPLORER)
    explorer.locator(".noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "([explorer, formula]) => explorer.querySelector('.nnbh-formula').textContent.trim() !== formula",
        arg=[explorer.element_handle(), before["formula"]], timeout=15_000,
    )
    lab_server.settle(explorer)
    return before, explorer.evaluate(lab_server.READ_EXPLORER)


def student_page(browser, hub, name):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)  # the first click spawns a server and clones the course
    log_in(page, hub, name)
    return context, page


def test_two_students_pull_the_course_and_move_a_slider(browser, hub):
    link = Link(hub)
    for short, student in zip(CHAPTERS, hub.students):
        context, page = student_page(browser, hub, student)
        try:
            explorers = lab_server.open_and_run(page, link, f"{CHAPTERS[short]}.ipynb", timeout=180_000)
            assert f"/course/user/{student}/lab" in page.url, page.url  # their own server, under the prefix
            before, after = move_a_slider_by_key(page, explorers.first)
            assert after["formula"] != before["formula"] and after["picture"] != before["picture"], (before, after)
            assert after["sliders"] != before["sliders"]
            assert not (found := page.evaluate(lab_server.OUTPUT_ERRORS)), found
            lab_server.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=lab_server.SCREENSHOTS / f"hub-{short}-{CHAPTERS[short]}.png")
        finally:
            context.close()
    # each student has their own copy of the course, in their own home, with only what they pulled
    for short, student in zip(CHAPTERS, hub.students):
        chapter = hub.homes[student] / FOLDER / "chapters" / f"{CHAPTERS[short]}.ipynb"
        assert chapter.is_file(), f"{student}'s copy of the course is not at {chapter}"
        if hub.real_users:
            assert chapter.stat().st_uid == hub_server.pwd_uid(student), f"{chapter} is not owned by {student}"


def test_the_course_settings_are_active_in_each_students_server(browser, hub):
    """TCP_NODELAY connection class (server side) and the keyboard overrides (Lab side)."""
    student = hub.students[0]
    context, page = student_page(browser, hub, student)
    try:
        if not (hub.homes[student] / FOLDER).exists():  # this test alone: pull the course first
            page.goto(Link(hub).url(f"{CHAPTERS['ana']}.ipynb"))
            page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.context?.isReady")
        # Notebook 7 takes the arrow keys for its headings unless the overrides turn that off
        explorers = lab_server.open_and_run(page, Link(hub, student), f"{CHAPTERS['ana']}.ipynb", "notebook")
        before, after = move_a_slider_by_key(page, explorers.first)
        assert after["sliders"] != before["sliders"] and after["formula"] != before["formula"]
        page.goto(f"{hub.url}/user/{student}/lab/api/settings/@jupyterlab/shortcuts-extension:shortcuts")
        settings = json.loads(page.locator("body").inner_text())
        defaults = settings["schema"]["properties"]["shortcuts"]["default"]
        overridden = {s["command"] for s in defaults if s.get("disabled") and s["keys"] in (["ArrowRight"], ["ArrowLeft"])}
        assert {"notebook:move-cursor-heading-below-or-expand", "notebook:move-cursor-heading-above-or-collapse"} <= (
            overridden), "the course's keyboard overrides (jupyter-config/overrides.json) are not in the hub's Lab"
    finally:
        context.close()
    log = hub.log_text()
    for student in [name for name in hub.students if (hub.homes[name] / FOLDER).exists()]:  # servers started
        # the server's effective configuration, as its debug log prints it when it starts
        started = [line for line in log.splitlines()
                   if f"'base_url': '/course/user/{student}/'" in line and "Config changed" in line]
        assert started, f"no server of {student} started with the hub's prefix /course/"
        assert all("'kernel_websocket_connection_class': 'helpers.server.NoDelayWebsocketConnection'" in line
                   for line in started), f"{student}'s server does not use the course's websocket connection"


def test_a_students_edit_survives_a_second_click_on_the_link(browser, hub):
    link = Link(hub)
    student, chapter = hub.students[0], f"{CHAPTERS['ana']}.ipynb"
    context, page = student_page(browser, hub, student)
    try:
        page.goto(link.url(chapter))
        page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.context?.isReady")
        page.evaluate(
            """async edit => {
                const app = window.jupyterapp, panel = app.shell.currentWidget;
                const cell = [...panel.content.model.cells].find(c => (c.getMetadata('tags') || []).includes('exercise'));
                cell.sharedModel.setSource(edit);
                await app.commands.execute('docmanager:save');
            }""",
            EDIT,
        )
        hub.teacher_commits(*UPDATE, "News for the class")
        page.goto(link.url(chapter))  # the second click: nbgitpuller merges the teacher's update
        page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.context?.isReady")
        shown = page.evaluate(
            """() => [...window.jupyterapp.shell.currentWidget.content.model.cells]
                .find(c => (c.getMetadata('tags') || []).includes('exercise')).sharedModel.getSource()"""
        )
    finally:
        context.close()
    copy = hub.homes[student] / FOLDER
    assert shown == EDIT, "the Lab does not show the student's edit after the second click"
    cells = json.loads((copy / "chapters" / chapter).read_text())["cells"]
    assert any("".join(cell["source"]) == EDIT for cell in cells), "the student's edit was lost"
    assert (copy / UPDATE[0]).read_text() == UPDATE[1], "the teacher's update did not arrive"


def test_one_student_cannot_read_anothers_files(hub):
    if not hub.real_users:
        pytest.skip(f"every student's server runs as the same user here: {hub_server.can_make_users()}")
    ana, ben = hub.students
    # the chapter Ana's server pulled into her home (or, when this test runs alone, a file of her own)
    secret = hub.homes[ana] / FOLDER / "chapters" / f"{CHAPTERS['ana']}.ipynb"
    if not secret.exists():
        secret = hub.homes[ana] / "answers.txt"
        assert hub.run_as(ana, "sh", "-c", f"echo 6.7 > {secret}").returncode == 0
    assert hub.run_as(ana, "cat", str(secret)).returncode == 0, "a student cannot read their own file"
    attempt = hub.run_as(ben, "cat", str(secret))
    assert attempt.returncode != 0 and "Permission denied" in attempt.stderr, "one student read another's file"
