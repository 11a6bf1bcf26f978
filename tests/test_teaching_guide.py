"""The teaching guide's "Chapter by chapter" section stays true to the course.

- Every worksheet answer is computed again: each ``<!-- check: ... -->`` comment is evaluated with
  ``from helpers.maths import *`` and ``numpy as np`` in scope, and must be True; the answer printed
  in the worksheet table must be the right-hand side of its check.
- Every quoted check message is produced again: each ``<!-- mistake: ... -->`` comment calls a check
  with the wrong answer of its table row, and the words quoted in that row must be in what it prints.
- Every chapter has its section, titled like the chapter's H1, with the same parts, and every check
  the guide names exists.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import io
import pathlib
import re

import nbformat
import numpy as np
import pytest

from helpers.chapters import CHAPTERS as CHAPTER_MODULES
from helpers.chapters import all_checks

ROOT = pathlib.Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "teaching.md"
TEXT = GUIDE.read_text(encoding="utf-8")
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))

PARTS = ("**Goals.**", "**Time.**", "**Misconceptions.**", "**In class.**", "**Worksheet.**")
CHECK = re.compile(r"<!-- check: (.+?) -->")
MISTAKE = re.compile(r"<!-- mistake: (.+?) -->")
ALLOWED = {"weighted_sum", "neuron", "relu", "sigmoid", "tanh", "dense", "two_layer_network",
           "count_parameters", "format_number", "np"}
"""The names a worksheet check may use: the public maths of the course, and NumPy."""
CHECK_NAMED = re.compile(r"`(check_\w+)`(?: \((?:chapter (\d\d), )?exercise (\d+)\))?")
MINUS = "\u2212"
CHECKS = {check.__name__: check for check in all_checks()}
"""Every exercise check of the course, by name."""


def chapter_sections() -> dict[str, str]:
    """The body of each "### NN · Title" section under "## Chapter by chapter", by title."""
    _, found, rest = TEXT.partition("\n## Chapter by chapter\n")
    assert found, "docs/teaching.md has no section '## Chapter by chapter'"
    rest = re.split(r"\n## ", rest)[0]  # up to the next top-level section, if any
    sections = {}
    for block in re.split(r"\n(?=### )", rest):
        if block.startswith("### "):
            title, _, body = block.partition("\n")
            sections[title.removeprefix("### ").strip()] = body
    return sections


SECTIONS = chapter_sections()


def part(body: str, label: str) -> str:
    """The text of one part of a chapter section, from its bold label to the next part's."""
    start = body.index(label)
    later = [body.index(other) for other in PARTS if other in body and body.index(other) > start]
    return body[start:min(later, default=len(body))]


def table_rows(text: str) -> list[list[str]]:
    """The cells of each body row of the markdown tables in ``text`` (no header, no separator)."""
    rows, previous = [], ""
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---") and previous.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        previous = line
    return [row for row in rows if not set("".join(row)) <= set("-: ")]


def chapter_title(path: pathlib.Path) -> str:
    first = nbformat.read(path, as_version=4).cells[0].source
    return first.splitlines()[0].removeprefix("# ").strip()


def chapter_time(path: pathlib.Path) -> str:
    first = nbformat.read(path, as_version=4).cells[0].source
    match = re.search(r"\*\*Time:\*\* (about \d+ minutes)", first)
    assert match, f"{path.name} has no '**Time:** about N minutes' line"
    return match.group(1)


def maths_namespace() -> dict:
    namespace: dict = {}
    exec("from helpers.maths import *\nfrom helpers.formulas import format_number\nimport numpy as np", namespace)
    return namespace


def checks_namespace() -> dict:
    namespace = maths_namespace()
    for module in CHAPTER_MODULES:
        chapter = importlib.import_module(f"helpers.chapters.{module}")
        namespace.update({name: value for name, value in vars(chapter).items() if not name.startswith("_")})
    namespace["np"] = np
    return namespace


def right_hand_side(expression: str):
    """The answer a worksheet check compares with: the right of ``==``, or the second argument of
    ``np.allclose``/``np.isclose``, as a Python literal."""
    node = ast.parse(expression, mode="eval").body
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq):
        return ast.literal_eval(node.comparators[0])
    if (isinstance(node, ast.Call) and ast.unparse(node.func) in ("np.allclose", "np.isclose")
            and len(node.args) == 2):
        return ast.literal_eval(node.args[1])
    raise AssertionError(f"a check must read 'EXPRESSION == ANSWER' or 'np.allclose(EXPRESSION, ANSWER)': {expression}")


def answer_of(cell: str):
    """The answer a worksheet row prints, in bold at the start of its answer cell, as a Python literal."""
    match = re.match(r"\*\*(.+?)\*\*", cell)
    assert match, f"the answer cell should start with the answer in bold: {cell!r}"
    return ast.literal_eval(match.group(1).replace(MINUS, "-"))


def same_answer(a, b) -> bool:
    if isinstance(a, tuple) or isinstance(b, tuple):  # shapes
        return a == b
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and np.allclose(a, b, rtol=0, atol=1e-12)


def worksheets():
    """(chapter title, the worksheet's rows, its check comments) for every chapter section."""
    for title, body in SECTIONS.items():
        sheet = part(body, "**Worksheet.**")
        yield title, [row for row in table_rows(sheet) if row[0].isdigit()], CHECK.findall(sheet)


def mistake_rows():
    """(chapter title, a misconception row's cells, the check call under it) for every row."""
    for title, body in SECTIONS.items():
        table = part(body, "**Misconceptions.**")
        rows, calls = table_rows(table), MISTAKE.findall(table)
        assert len(rows) == len(calls), (
            f"{title}: {len(rows)} misconception rows but {len(calls)} '<!-- mistake: ... -->' comments; "
            "put one comment per row, in the same order")
        for row, call in zip(rows, calls):
            yield title, row, call


ALL_CHECKS = CHECK.findall(TEXT)
ALL_WORKSHEETS = list(worksheets())
ALL_MISTAKES = list(mistake_rows())


def test_checks_are_found_at_all():
    assert len(ALL_CHECKS) >= 3 * len(CHAPTERS)
    assert len(ALL_MISTAKES) >= 3 * len(CHAPTERS)


@pytest.mark.parametrize("expression", ALL_CHECKS, ids=ALL_CHECKS)
def test_worksheet_check_holds(expression):
    names = {node.id for node in ast.walk(ast.parse(expression, mode="eval")) if isinstance(node, ast.Name)}
    assert names <= ALLOWED, f"only helpers.maths and np may be used, not {sorted(names - ALLOWED)}"
    value = eval(expression, maths_namespace())  # noqa: S307 (the guide's own comments)
    assert isinstance(value, (bool, np.bool_)) and bool(value) is True, f"{expression} gives {value!r}"


@pytest.mark.parametrize("title, rows, expressions", ALL_WORKSHEETS, ids=[title for title, _, _ in ALL_WORKSHEETS])
def test_worksheet_answers_match_their_checks(title, rows, expressions):
    assert 3 <= len(rows) <= 5, f"{title}: a worksheet has 3 to 5 questions, not {len(rows)}"
    assert len(rows) == len(expressions), (
        f"{title}: {len(rows)} worksheet rows but {len(expressions)} '<!-- check: ... -->' comments")
    for number, (row, expression) in enumerate(zip(rows, expressions), start=1):
        assert len(row) == 3 and row[0] == str(number), f"{title}: row {number} should read '| {number} | question | answer |'"
        printed, checked = answer_of(row[2]), right_hand_side(expression)
        assert same_answer(printed, checked), (
            f"{title}, question {number}: the table says {printed!r} but its check compares with {checked!r}")


@pytest.mark.parametrize("title, row, call", ALL_MISTAKES, ids=[call for _, _, call in ALL_MISTAKES])
def test_quoted_message_is_what_the_check_prints(title, row, call):
    named = CHECK_NAMED.search(row[1])
    assert named, f"{title}: the second column should name a check, such as `check_ana_score` (exercise 1): {row[1]!r}"
    assert call.startswith(named.group(1) + "("), f"{title}: the row names {named.group(1)} but the comment calls {call}"
    quote = re.search(r"“(.+?)”", row[2])
    assert quote, f"{title}: the third column should quote the message in “…”: {row[2]!r}"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        eval(call, checks_namespace())  # noqa: S307 (the guide's own comments)
    output = printed.getvalue()
    position = 0
    for fragment in (piece.strip() for piece in quote.group(1).split("…")):
        found = output.find(fragment, position)
        assert found >= 0, f"{title}: {call} does not print “{fragment}”; it prints:\n{output}"
        position = found + len(fragment)


@pytest.mark.parametrize("title, row, call", ALL_MISTAKES, ids=[call for _, _, call in ALL_MISTAKES])
def test_check_belongs_to_the_exercise_named(title, row, call):
    name, chapter, exercise = CHECK_NAMED.search(row[1]).groups()
    assert exercise, f"{title}: say which exercise {name} belongs to, as (exercise N)"
    chapter = chapter or title[:2]
    check = CHECKS[name]
    assert (check.chapter, check.number) == (int(chapter), int(exercise)), (
        f"{title}: {name} is chapter {check.chapter}, exercise {check.number}, not chapter {chapter}, exercise {exercise}")


def test_every_check_named_exists():
    names = set(re.findall(r"\b(check_\w+)\b", TEXT))
    assert names, "the guide names no check at all"
    missing = sorted(name for name in names if name not in CHECKS)
    assert not missing, f"the guide names checks that no chapter module has: {missing}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_has_its_section(path):
    title = chapter_title(path)
    assert title in SECTIONS, f"docs/teaching.md has no section '### {title}' under '## Chapter by chapter'"
    body = SECTIONS[title]
    positions = [body.find(label) for label in PARTS]
    missing = [label for label, at in zip(PARTS, positions) if at < 0]
    assert not missing, f"'### {title}' lacks {missing}"
    assert positions == sorted(positions), f"'### {title}' should have its parts in the order {PARTS}"
    assert f"({path.relative_to(ROOT).as_posix()})" in body.replace("](../", "]("), f"'### {title}' should link to {path.name}"
    time = chapter_time(path)
    assert time in part(body, "**Time.**").lower(), f"'### {title}' should give the chapter's time, {time}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_check_of_a_chapter_is_in_its_misconceptions(path):
    number = path.name[:2]
    own = sorted(name for name, check in CHECKS.items() if check.chapter == int(number))
    table = part(SECTIONS[chapter_title(path)], "**Misconceptions.**")
    absent = [name for name in own if f"`{name}`" not in table]
    assert not absent, f"chapter {number}'s misconceptions should include {absent}"


def test_sections_follow_the_chapters():
    assert list(SECTIONS) == [chapter_title(path) for path in CHAPTERS]
