"""What a learner reads at the end of every chapter, and what they never see.

Every question under **Check yourself** has a folded answer; every closing says what comes next;
no chapter shows the test runner's markers (nbval reads cell tags instead).
Chapters are found by their file names, so a new chapter is held to the same rules.
"""

from __future__ import annotations

import pathlib
import re

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))

QUESTION = re.compile(r"^\d+\.\s", re.M)  # "1. What …" at the start of a line
ANSWER = re.compile(r"<details>\s*<summary>Answer</summary>\s*\n(.*?)</details>", re.S)


def load(path):
    return nbformat.read(path, as_version=4)


def check_yourself(notebook) -> list[str]:
    """The questions under **Check yourself**, each with whatever follows it up to the next question.

    The section runs from the line ``**Check yourself**`` to a line starting "Next", a heading, or the
    end of its cell, in whichever markdown cell holds it.
    """
    questions = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown" or "**Check yourself**" not in cell.source:
            continue
        section = cell.source.split("**Check yourself**", 1)[1]
        section = re.split(r"^(?:Next\b|#)", section, maxsplit=1, flags=re.M)[0]
        starts = [match.start() for match in QUESTION.finditer(section)]
        questions += [section[a:b] for a, b in zip(starts, starts[1:] + [len(section)])]
    return questions


def closing(notebook) -> str:
    return next(cell.source for cell in reversed(notebook.cells) if cell.source.startswith("## Summary"))


def test_chapters_are_found():
    assert [p.name for p in CHAPTERS][:2] == ["00_start_here.ipynb", "01_one_neuron.ipynb"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_check_yourself_question_has_a_folded_answer(path):
    questions = check_yourself(load(path))
    assert questions, f"{path.name}: no numbered questions under **Check yourself**"
    missing = []
    for question in questions:
        answers = ANSWER.findall(question)
        if len(answers) != 1 or not answers[0].strip():
            missing.append(question.splitlines()[0])
    assert not missing, (
        f"{path.name}: each question needs one folded answer right after it "
        "(<details>, <summary>Answer</summary>, a blank line, the answer, </details>); missing for:\n"
        + "\n".join(missing)
    )


def test_the_question_finder_sees_a_missing_answer():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        "## Summary\n\n**Check yourself**\n1. Why?\n\n   <details>\n   <summary>Answer</summary>\n\n   Because.\n"
        "   </details>\n\n2. And how?\n\nNext: more."
    )])
    first, second = check_yourself(notebook)
    assert ANSWER.findall(first) == ["   Because.\n   "] and ANSWER.findall(second) == []


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_the_closing_says_what_comes_next(path):
    assert re.search(r"^Next\b", closing(load(path)), re.M), f"{path.name}: the closing has no line starting 'Next'"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_no_test_runner_markers_in_what_a_learner_reads(path):
    """nbval's markers are cell tags (nbval-ignore-output, nbval-skip), never # NBVAL_… comments."""
    found = [cell.source.splitlines()[0] for cell in load(path).cells if "NBVAL" in cell.source.upper()]
    assert not found, f"{path.name}: use the cell tags nbval-ignore-output / nbval-skip instead, in: {found}"
