"""The chapters as stored: executed in order, clean, built to the course's standard opening and
closing, and every exercise complete (stub, check, hints, solution) with a solution that passes."""

from __future__ import annotations

import json
import pathlib
import re

import nbformat
import pytest
from nbclient import NotebookClient

from tools import navigation
from tools.run_notebooks import CurrentPythonKernel

ROOT = pathlib.Path(__file__).resolve().parents[1]

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
MACHINE_PATH = re.compile(r"(/(tmp|root|home|Users|work|private|var/folders)/|[A-Z]:\\\\)")
MEMORY_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{8,}\b")
SOLUTION = re.compile(r"<summary>Solution</summary>.*?```python\n(.*?)```", re.S)


def load(path):
    return nbformat.read(path, as_version=4)


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def exercises(notebook):
    """(stub cell, check cell, markdown cells up to the next exercise) for each exercise."""
    found = []
    cells = notebook.cells
    for i, cell in enumerate(cells):
        if "exercise" in cell.metadata.get("tags", []):
            check = cells[i + 1]
            rest = []
            for later in cells[i + 2:]:
                if "exercise" in later.metadata.get("tags", []) or later.cell_type == "code":
                    break
                rest.append(later)
            found.append((cell, check, rest))
    return found


def test_there_are_chapters():
    assert [p.name for p in CHAPTERS][:2] == ["00_start_here.ipynb", "01_one_neuron.ipynb"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
class TestStoredNotebook:
    def test_every_code_cell_was_executed_in_order(self, path):
        counts = [cell.execution_count for cell in code_cells(load(path))]
        assert None not in counts, f"{sum(c is None for c in counts)} code cell(s) never executed"
        assert counts == list(range(1, len(counts) + 1)), "not run top to bottom in a fresh kernel"

    def test_no_error_outputs(self, path):
        errors = [o.ename for c in code_cells(load(path)) for o in c.outputs if o.output_type == "error"]
        assert not errors

    def test_no_stored_widget_state(self, path):
        assert "widgets" not in load(path).metadata

    def test_no_widget_model_ids_in_outputs(self, path):
        # A widget's model id is random: stored, it changes the file on every run and points at
        # nothing once the notebook is reopened. Its text/plain fallback is kept instead.
        for cell in code_cells(load(path)):
            for output in cell.outputs:
                assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {}), (
                    f"a widget's model id is stored in the output of: {cell.source[:60]!r}")

    def test_printed_lines_are_stored_as_one_stream_output(self, path):
        # The kernel flushes printed lines in one piece or several, as it happens: stored split,
        # the notebook would change on every run.
        for cell in code_cells(load(path)):
            kinds = [output.get("name") if output.output_type == "stream" else None for output in cell.outputs]
            assert not any(a is not None and a == b for a, b in zip(kinds, kinds[1:])), (
                f"printed lines split over several outputs in: {cell.source[:60]!r}")

    def test_no_machine_paths_or_memory_addresses_in_outputs(self, path):
        for cell in code_cells(load(path)):
            for output in cell.outputs:
                text = json.dumps({k: v for k, v in output.get("data", {}).items() if not k.startswith("image/")})
                text += output.get("text", "")
                assert not MACHINE_PATH.search(text), f"machine path in the output of: {cell.source[:60]!r}"
                assert not MEMORY_ADDRESS.search(text), f"memory address in the output of: {cell.source[:60]!r}"

    def test_every_picture_has_a_text_summary_beside_it(self, path):
        for cell in code_cells(load(path)):
            if any("image/png" in output.get("data", {}) for output in cell.outputs):
                words = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
                assert len(words.split()) >= 4, f"a picture without a text summary (use plots.show): {cell.source[-80:]!r}"

    def test_title_matches_the_file_name(self, path):
        number, name = path.stem.split("_", 1)
        title = load(path).cells[0].source.splitlines()[0]
        match = re.fullmatch(r"# (\d\d) · (.+)", title)
        assert match, f"the first line should be '# {number} · Title', not {title!r}"
        assert match.group(1) == number
        assert re.sub(r"\W+", "_", match.group(2).lower()).strip("_") == name

    def test_standard_opening(self, path):
        notebook = load(path)
        opening = notebook.cells[0].source
        assert "**You will learn to**" in opening
        goals = [line for line in opening.splitlines() if line.startswith("- ")]
        assert 3 <= len(goals) <= 5, f"{len(goals)} learning goals; the course gives 3 to 5"
        assert re.search(r"\*\*Time:\*\* about \d+ minutes", opening)
        assert notebook.cells[1].source.startswith(navigation.SENTINEL)
        assert notebook.cells[2].cell_type == "code", "the setup cell comes right after the navigation"

    def test_standard_closing(self, path):
        notebook = load(path)
        assert notebook.cells[-1].source.startswith(navigation.SENTINEL)
        closing = notebook.cells[-2].source
        assert closing.startswith("## Summary") and "**Check yourself**" in closing

    def test_navigation_is_up_to_date(self, path):
        found = navigation.chapters()
        index = [p for p, _ in found].index(path)
        lines = {c.source for c in load(path).cells if c.source.startswith(navigation.SENTINEL)}
        assert lines == {navigation.navigation_line(index, found)}, "run `make notebooks`"

    def test_every_exercise_has_a_check_hints_and_a_solution(self, path):
        for stub, check, rest in exercises(load(path)):
            assert "..." in stub.source, "an exercise stub holds `...` for the learner to replace"
            assert check.cell_type == "code" and check.source.startswith("check_")
            outputs = "".join(o.get("text", "") for o in check.outputs)
            assert "Not attempted yet" in outputs, "the stored check should say 'not attempted yet'"
            text = "\n".join(cell.source for cell in rest)
            assert "<summary>Hint 1</summary>" in text, f"no hint after {stub.source[:40]!r}"
            assert SOLUTION.search(text), f"no folded solution after {stub.source[:40]!r}"


EXERCISE_CHAPTERS = [p for p in CHAPTERS if exercises(load(p))]


def test_chapters_after_the_first_have_at_least_three_exercises():
    for path in CHAPTERS[1:]:
        assert len(exercises(load(path))) >= 3, f"{path.name} has fewer than 3 exercises"


@pytest.mark.parametrize("path", EXERCISE_CHAPTERS, ids=lambda p: p.name)
def test_every_solution_passes_its_check(path):
    """Run the chapter with each stub replaced by its solution: every check must say correct."""
    notebook = load(path)
    found = exercises(notebook)
    for stub, _, rest in found:
        stub.source = SOLUTION.search("\n".join(cell.source for cell in rest)).group(1)
    NotebookClient(notebook, km=CurrentPythonKernel(), timeout=300,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for stub, check, _ in found:
        said = "".join(o.get("text", "") for o in check.outputs)
        assert said.startswith("✅ Correct"), f"solution {stub.source!r} got: {said}"


def test_readme_chapter_table_is_up_to_date():
    assert navigation.chapter_table() in (ROOT / "README.md").read_text(encoding="utf-8"), "run `make notebooks`"
