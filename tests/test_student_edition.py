"""The student edition keeps every exercise, check and hint, drops every solution, and runs."""

from __future__ import annotations

import pathlib
import sys

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import student_edition  # noqa: E402
from run_notebooks import CurrentPythonKernel  # noqa: E402

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return student_edition.write(tmp_path_factory.mktemp("edition") / "student")


def markdown(notebook) -> str:
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_solutions_are_gone_and_everything_else_stays(edition, path):
    original = nbformat.read(path, as_version=4)
    student = nbformat.read(edition / "chapters" / path.name, as_version=4)
    solutions = len(student_edition.SOLUTION_BLOCK.findall(markdown(original)))
    assert not student_edition.SOLUTION_BLOCK.search(markdown(student))
    assert markdown(student).count(student_edition.NO_SOLUTION) == solutions
    assert markdown(student).count("<summary>Hint") == markdown(original).count("<summary>Hint")
    assert [c.source for c in student.cells if c.cell_type == "code"] == [
        c.source for c in original.cells if c.cell_type == "code"
    ], "code cells (exercise stubs and checks) are kept as they are"


def test_the_edition_is_a_whole_course(edition):
    for name in ["helpers/maths.py", "pyproject.toml", "environment.yml", "postBuild", "README.md", "Makefile"]:
        assert (edition / name).exists(), name


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_student_chapter_runs_and_its_checks_wait_for_answers(edition, path):
    notebook = nbformat.read(edition / "chapters" / path.name, as_version=4)
    NotebookClient(notebook, km=CurrentPythonKernel(), timeout=300,
                   resources={"metadata": {"path": str(edition / "chapters")}}).execute()
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.startswith("check_"):
            said = "".join(o.get("text", "") for o in cell.outputs)
            assert "Not attempted yet" in said, f"{path.name}: {cell.source!r} said {said!r}"
