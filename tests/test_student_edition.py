"""The student edition keeps every exercise, check and hint, drops every solution, and runs.

The oracle is independent of how the edition is made: it reads each reference solution's code
from the original chapters (the ```python block of every cell tagged ``solution``) and looks for
each of its lines anywhere in the student copy (every cell, every output, all metadata).
"""

from __future__ import annotations

import copy
import pathlib
import re

import nbformat
import pytest
from nbclient import NotebookClient

from tools import student_edition
from tools.run_notebooks import CurrentPythonKernel

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
CODE_BLOCK = re.compile(r"```python\n(.*?)```", re.S)
MARKUP = re.compile(r"(<[^>]*>)*(Solution)?(</[^>]*>)*")  # <details>, <summary>Solution</summary>, </details>


def tagged(cell, tag: str) -> bool:
    return tag in cell.metadata.get("tags", [])


def strings(node):
    """Every string in a notebook: sources, outputs, metadata keys and values."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from strings(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from strings(value)


def secret_lines(original) -> list[str]:
    """The lines of the reference solutions that nothing else in the original notebook shows.

    A solution's lines are its ```python code, or, for a solution in words (chapter 00's demo),
    its text without the folding markup. Blank lines, ``...`` and lines that the stubs, the hints or
    the rest of the chapter also hold, whole or inside a longer line (``def my_weighted_sum(inputs,
    weights):``, a hint's "`total += x * w`"), are left out: the student copy keeps those.
    """
    shown = [text for cell in original.cells if not tagged(cell, "solution") for text in strings(cell)]
    shown += list(strings(original.metadata))
    found = []
    for cell in original.cells:
        if tagged(cell, "solution"):
            lines = "\n".join(CODE_BLOCK.findall(cell.source)).splitlines() or [
                line for line in cell.source.splitlines() if not MARKUP.fullmatch(line.strip())
            ]
            for line in map(str.strip, lines):
                if line and line != "..." and line not in found and not any(line in text for text in shown):
                    found.append(line)
    return found


def leaked(original, student) -> list[str]:
    """Every secret line of ``original`` that appears anywhere in ``student``."""
    everything = list(strings(student))
    return [line for line in secret_lines(original) if any(line in text for text in everything)]


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return student_edition.write(tmp_path_factory.mktemp("edition") / "student")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_no_line_of_any_reference_solution_is_in_the_student_copy(edition, path):
    original = nbformat.read(path, as_version=4)
    student = nbformat.read(edition / "chapters" / path.name, as_version=4)
    if any(tagged(cell, "solution") for cell in original.cells):
        assert secret_lines(original), "the oracle found nothing to look for: it could not fail"
    assert not leaked(original, student)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_each_solution_becomes_a_note_and_everything_else_stays(edition, path):
    original = nbformat.read(path, as_version=4)
    student = nbformat.read(edition / "chapters" / path.name, as_version=4)
    expected = [student_edition.NO_SOLUTION if tagged(c, "solution") else c.source for c in original.cells]
    assert [c.source for c in student.cells] == expected, "each solution's place holds the note; the rest is as it was"
    assert [c.metadata.get("tags", []) for c in student.cells if c.source != student_edition.NO_SOLUTION] == [
        c.metadata.get("tags", []) for c in original.cells if not tagged(c, "solution")
    ], "hint, exercise and check cells keep their tags"
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in student.cells if c.cell_type == "code")
    assert len({c.id for c in student.cells}) == len(student.cells), "cell ids stay unique"
    nbformat.validate(student)


def test_the_edition_is_a_whole_course(edition):
    for name in ["helpers/maths.py", "pyproject.toml", "environment.yml", "postBuild", "README.md", "Makefile"]:
        assert (edition / name).exists(), name


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_student_chapter_runs_and_its_checks_wait_for_answers(edition, path):
    notebook = nbformat.read(edition / "chapters" / path.name, as_version=4)
    NotebookClient(notebook, km=CurrentPythonKernel(), timeout=300,
                   resources={"metadata": {"path": str(edition / "chapters")}}).execute()
    for cell in notebook.cells:
        if cell.cell_type == "code" and (tagged(cell, "check") or cell.source.startswith("check_")):
            said = "".join(o.get("text", "") for o in cell.outputs)
            assert "Not attempted yet" in said, f"{path.name}: {cell.source!r} said {said!r}"


# Solutions written with other markup than the chapters use today. The edition drops the cell by
# its tag, whatever it holds.
def synthetic_notebook():
    cells = [
        nbformat.v4.new_markdown_cell("# 99 · A made-up chapter"),
        nbformat.v4.new_code_cell("answer = ...  # your answer"),
        nbformat.v4.new_markdown_cell("<details>\n<summary>Hint 1</summary>\n\nMultiply.\n</details>"),
        nbformat.v4.new_markdown_cell(
            "<details>\n<summary><b>Solution</b></summary>\n\n```python\nanswer = 6 * 7  # bold summary\n```\n</details>"
        ),
        nbformat.v4.new_code_cell("other = ...  # your answer"),
        nbformat.v4.new_markdown_cell(
            "<details>\n<summary>Solution</summary>\n\n<details>\n<summary>Why</summary>\n\nBecause.\n</details>\n\n"
            "```python\nother = answer - 1  # after a nested fold\n```\n</details>"
        ),
    ]
    for index in (1, 4):
        cells[index].metadata["tags"] = ["exercise"]
    cells[2].metadata["tags"] = ["hint"]
    for index in (3, 5):
        cells[index].metadata["tags"] = ["solution"]
    return nbformat.v4.new_notebook(cells=cells)


# How the edition was made before solutions had a tag of their own: a regular expression over the markdown.
OLD_SOLUTION_BLOCK = re.compile(r"<details>\s*<summary>Solution</summary>.*?</details>", re.S)


def old_regex_edition(notebook):
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = OLD_SOLUTION_BLOCK.sub(student_edition.NO_SOLUTION, cell.source)
    return notebook


def test_a_bold_summary_or_a_nested_fold_does_not_keep_a_solution_in():
    original = synthetic_notebook()
    assert secret_lines(original) == ["answer = 6 * 7  # bold summary", "other = answer - 1  # after a nested fold"]
    student = student_edition.without_solutions(copy.deepcopy(original))
    assert not leaked(original, student)
    assert [c.source for c in student.cells].count(student_edition.NO_SOLUTION) == 2
    assert [c.source for c in student.cells if tagged(c, "hint")] == ["<details>\n<summary>Hint 1</summary>\n\nMultiply.\n</details>"]


def test_the_oracle_catches_what_the_old_regular_expression_let_through():
    original = synthetic_notebook()
    assert leaked(original, old_regex_edition(copy.deepcopy(original))) == secret_lines(original)


def test_the_oracle_looks_in_outputs_and_metadata_too():
    original = synthetic_notebook()
    student = student_edition.without_solutions(copy.deepcopy(original))
    student.cells[1].outputs = [nbformat.v4.new_output("stream", text="answer = 6 * 7  # bold summary\n")]
    assert leaked(original, student) == ["answer = 6 * 7  # bold summary"]
    student.cells[1].outputs = []
    student.metadata["stash"] = {"x": ["other = answer - 1  # after a nested fold"]}
    assert leaked(original, student) == ["other = answer - 1  # after a nested fold"]
