"""Write the student edition: a copy of the course whose chapters keep every exercise, check and
hint, but not the solutions.

    python tools/student_edition.py            # writes student/ (make student does the same)
    python tools/student_edition.py OUT_DIR

The copy is a complete course (helpers, set-up files, README), ready to push to its own
repository for students, for example behind an nbgitpuller link (see docs/teaching.md).
The chapters are written without outputs: students run them themselves.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
# A folded solution: <details><summary>Solution</summary> … </details>
SOLUTION_BLOCK = re.compile(r"<details>\s*<summary>Solution</summary>.*?</details>", re.S)
NO_SOLUTION = "*In this edition the solution stays with your teacher: ask them, or try the hints again.*"
COPIED = [
    "helpers", "tools", "jupyter-config", "README.md", "LICENSE", "Makefile", "pyproject.toml",
    "constraints.txt", "environment.yml", "postBuild", "nbval_sanitize.cfg",
]


def without_solutions(notebook):
    """The notebook with every folded solution replaced by a short note, and no outputs."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = SOLUTION_BLOCK.sub(NO_SOLUTION, cell.source)
        elif cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return notebook


def write(target: pathlib.Path) -> pathlib.Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, target / name)
    (target / "chapters").mkdir()
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        notebook = without_solutions(nbformat.read(path, as_version=4))
        nbformat.write(notebook, target / "chapters" / path.name)
    return target


if __name__ == "__main__":
    out = write(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "student")
    print(f"student edition written to {out}")
