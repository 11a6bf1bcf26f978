"""Write the graded edition: an nbgrader course made from the chapters, for teachers who collect and grade.

    python tools/grading_edition.py                      # writes grading/ (make grading does the same)
    python tools/grading_edition.py --out DIR --chapters 01 06 --hidden-tests DIR --points 1

Each chapter with exercises becomes one nbgrader assignment, ``source/chNN/<chapter>.ipynb``:

- each exercise (a cell tagged ``exercise``) becomes an answer cell: the stub the learner knows,
  then the reference solution (from the folded ``solution`` cell after it) between
  ``### BEGIN SOLUTION`` and ``### END SOLUTION``. The release keeps only the stub.
- each check (a cell tagged ``check``) becomes an autograded, read-only test cell with points: it calls
  the chapter's check, so the learner still reads its message (and the name of their mistake), then
  fails unless the check's verdict is "correct".
- hidden tests: with ``--hidden-tests DIR``, the file ``DIR/<chapter>.py`` adds code to the test cells
  between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``: nbgrader removes it from the
  release and runs it when it autogrades. In that file, a line ``# %%`` followed by a check's name
  (``# %% check_my_weighted_sum``) starts the code for the check cell that calls that check.
  Keep that folder out of any repository students see.
- the folded solutions are left out; everything else (the import cell, prose, explorers, hints) stays.

``nbgrader_config.py`` beside ``source/`` makes the release keep the stubs as they are (no
``raise NotImplementedError()``). docs/teaching.md explains the workflow on a hub.
"""

from __future__ import annotations

import argparse
import ast
import pathlib
import re
import shutil

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
# The code of a folded solution: <details><summary>Solution</summary> ```python … ``` </details>
SOLUTION_CODE = re.compile(r"<summary>Solution</summary>.*?```python\n(.*?)```", re.S)
HIDDEN_BLOCK = re.compile(r"^# %% *(check_\w+) *$", re.M)
NOTE = (
    "**Graded edition.** Write your answers in the exercise cells as usual. Each check cell is worth "
    "{points} point(s) when its check says the answer is correct; your teacher's grader runs the "
    "checks again, and may run more tests of its own. Do not change the check cells."
)
CONFIG = '''\
# nbgrader's settings for the graded edition of Neural networks by hand (tools/grading_edition.py).
# Run nbgrader from this folder: nbgrader generate_assignment ch01, then release, collect, autograde.
c = get_config()  # noqa: F821

c.CourseDirectory.course_id = "nn-by-hand"
# The release keeps each exercise's stub (`answer = ...`) as the course has it, without
# nbgrader's `raise NotImplementedError()`: an untouched exercise is "not attempted", not an error.
c.ClearSolutions.code_stub = {"python": ""}
# Each chapter runs its explorers too: allow a slow machine time for a whole notebook.
c.ExecutePreprocessor.timeout = 300

# On a JupyterHub, the folder through which assignments go out and submissions come in:
# c.Exchange.root = "/srv/nbgrader/exchange"
'''


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def nbgrader_metadata(grade_id: str, *, solution: bool, grade: bool, points: float | None = None) -> dict:
    metadata = {"grade_id": grade_id, "solution": solution, "grade": grade, "locked": grade,
                "task": False, "schema_version": 3}
    if points is not None:
        metadata["points"] = points
    return metadata


def check_call(source: str) -> ast.Call:
    """The one ``check_…(…)`` call of a check cell."""
    try:
        body = ast.parse(source).body
    except SyntaxError as error:
        raise ValueError(f"a check cell is not valid Python: {source!r}") from error
    if len(body) != 1 or not isinstance(body[0], ast.Expr) or not isinstance(body[0].value, ast.Call) \
            or not isinstance(body[0].value.func, ast.Name) or not body[0].value.func.id.startswith("check_"):
        raise ValueError(f"a check cell should be one call of a check_… function, but got {source!r}")
    return body[0].value


def graded_check_source(check: str, hidden: str | None) -> str:
    """The test cell: the chapter's check prints its message, then its verdict must be "correct"."""
    call = check_call(check)
    judge = ast.Call(ast.Attribute(call.func, "judge", ast.Load()), call.args, call.keywords)
    lines = [
        check.strip(),
        f"assert {ast.unparse(judge)}.status == \"correct\", \"not correct yet: the message above says why\"",
    ]
    if hidden:
        lines += ["### BEGIN HIDDEN TESTS", hidden.strip(), "### END HIDDEN TESTS"]
    return "\n".join(lines)


def hidden_tests(folder: pathlib.Path | None, chapter: str) -> dict[str, str]:
    """check name -> the hidden test code for it, from ``folder/<chapter>.py`` (none if no such file)."""
    if folder is None or not (folder / f"{chapter}.py").exists():
        return {}
    text = (folder / f"{chapter}.py").read_text(encoding="utf-8")
    parts = HIDDEN_BLOCK.split(text)
    return {name: code.strip() for name, code in zip(parts[1::2], parts[2::2]) if code.strip()}


def graded(notebook, chapter: str, hidden: dict[str, str], points: float):
    """The chapter as an nbgrader source notebook, or None if it has no exercise."""
    cells = notebook.cells
    if not any("exercise" in tags(cell) for cell in cells):
        return None
    out, used = [], set()
    for i, cell in enumerate(cells):
        if "solution" in tags(cell):
            continue  # the answer cell holds the solution now
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if "exercise" in tags(cell):
            solution = next((c for c in cells[i + 1:] if "solution" in tags(c)), None)
            found = SOLUTION_CODE.search(solution.source) if solution is not None else None
            if found is None:
                raise ValueError(f"{chapter}: no solution cell with a ```python block after the exercise {cell.source!r}")
            check = next((c for c in cells[i + 1:] if "check" in tags(c)), None)
            if check is None:
                raise ValueError(f"{chapter}: no check cell after the exercise {cell.source!r}")
            name = check_call(check.source).func.id
            cell.source = f"{cell.source.rstrip()}\n### BEGIN SOLUTION\n{found.group(1).rstrip()}\n### END SOLUTION"
            cell.metadata["nbgrader"] = nbgrader_metadata(f"answer_{name.removeprefix('check_')}",
                                                          solution=True, grade=False)
        elif "check" in tags(cell):
            name = check_call(cell.source).func.id
            if name in used:
                raise ValueError(f"{chapter}: {name} is called by two check cells")
            used.add(name)
            cell.source = graded_check_source(cell.source, hidden.get(name))
            cell.metadata["nbgrader"] = nbgrader_metadata(name, solution=False, grade=True, points=points)
        out.append(cell)
    if unknown := set(hidden) - used:
        raise ValueError(f"{chapter}: hidden tests for checks that no check cell calls: {sorted(unknown)}")
    out.insert(1, nbformat.v4.new_markdown_cell(NOTE.format(points=f"{points:g}")))
    notebook.cells = out
    notebook.metadata.pop("widgets", None)  # no stored widget state
    return notebook


def assignment(chapter: str) -> str:
    """The nbgrader assignment for a chapter: ``01_one_neuron`` -> ``ch01``."""
    return f"ch{chapter[:2]}"


def write(target: pathlib.Path, chapters: list[str] | None = None, hidden: pathlib.Path | None = None,
          points: float = 1) -> list[pathlib.Path]:
    """Write ``target/nbgrader_config.py`` and ``target/source/chNN/<chapter>.ipynb``; return the notebooks."""
    paths = sorted((ROOT / "chapters").glob("*.ipynb"))
    if chapters:
        paths = [p for p in paths if any(p.stem == c or p.stem.startswith(f"{c}_") for c in chapters)]
        if len(paths) < len(chapters):
            raise ValueError(f"not every chapter of {chapters} was found in {ROOT / 'chapters'}")
    source = target / "source"
    if source.exists():
        shutil.rmtree(source)
    target.mkdir(parents=True, exist_ok=True)
    (target / "nbgrader_config.py").write_text(CONFIG)
    written = []
    for path in paths:
        notebook = graded(nbformat.read(path, as_version=4), path.stem, hidden_tests(hidden, path.stem), points)
        if notebook is None:
            continue
        folder = source / assignment(path.stem)
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / path.name)
        written.append(folder / path.name)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "grading", help="the course folder (default: grading/)")
    parser.add_argument("--chapters", nargs="*", help="only these chapters, by number or name (default: every one with exercises)")
    parser.add_argument("--hidden-tests", type=pathlib.Path, help="a folder of <chapter>.py files with hidden tests")
    parser.add_argument("--points", type=float, default=1, help="points for each check (default: 1)")
    args = parser.parse_args()
    for path in write(args.out, args.chapters, args.hidden_tests, args.points):
        print(path.relative_to(args.out))
    print(f"nbgrader course written to {args.out}: cd there and run `nbgrader generate_assignment ch01`")


if __name__ == "__main__":
    main()
