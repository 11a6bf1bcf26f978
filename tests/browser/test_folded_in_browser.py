"""Hints, solutions and check-yourself answers are folded: in JupyterLab and in Notebook 7 every
``<details>`` block of a chapter starts closed, its content hidden, and opens on a click.
"""

import json
import re

import pytest

from tools import lab_server

pytestmark = pytest.mark.browser

# A chapter with all three kinds of fold: hints, solutions, and answers under Check yourself.
NOTEBOOK = "01_one_neuron.ipynb"
KINDS = ["Hint 1", "Solution", "Answer"]

# Every <details> in the rendered markdown: its summary, whether it is open, and how many pixels of
# height it takes beyond its summary line (a closed <details> shows its summary only; measured as
# drawn, since the text inside a closed one still has boxes in Chromium, merely not painted).
READ_FOLDS = """() => [...document.querySelectorAll('.jp-MarkdownOutput details')].map(details => ({
    summary: details.querySelector('summary')?.textContent.trim(),
    open: details.open,
    content_height: Math.round(details.getBoundingClientRect().height
        - details.querySelector('summary').getBoundingClientRect().height),
}))"""


def folds_in_file(name: str) -> int:
    cells = json.loads((lab_server.CHAPTERS / name).read_text(encoding="utf-8"))["cells"]
    return sum(len(re.findall(r"<details\b", "".join(c["source"]))) for c in cells if c["cell_type"] == "markdown")


@pytest.mark.parametrize("ui", ["lab", "notebook"], ids=["lab", "notebook7"])
def test_hints_solutions_and_answers_start_folded_and_open_on_a_click(lab, page, problems, ui):
    expected = folds_in_file(NOTEBOOK)
    page.goto(lab.url(NOTEBOOK, ui))
    page.wait_for_function(f"() => document.querySelectorAll('.jp-MarkdownOutput details').length >= {expected}")
    folds = page.evaluate(READ_FOLDS)
    assert len(folds) == expected, f"{len(folds)} folds on the page, {expected} in {NOTEBOOK}"
    for kind in KINDS:
        assert any(fold["summary"] == kind for fold in folds), f"no fold '{kind}' in {NOTEBOOK}: {folds}"
    shown = [fold for fold in folds if fold["open"] or fold["content_height"] > 2]
    assert not shown, f"{ui}: folds open or showing their content before any click: {shown}"

    for kind in KINDS:
        details = page.locator(".jp-MarkdownOutput details", has=page.locator("summary", has_text=kind)).first
        details.locator("summary").click()
        page.wait_for_function("details => details.open", arg=details.element_handle())
    after = page.evaluate(READ_FOLDS)
    opened = [fold["summary"] for fold in after if fold["open"]]
    assert sorted(opened) == sorted(KINDS), f"{ui}: a click should open exactly the fold clicked; open now: {opened}"
    assert all(fold["content_height"] > 10 for fold in after if fold["open"]), f"{ui}: opened, but nothing shown: {after}"
    assert not (found := problems()), "\n".join(found)
