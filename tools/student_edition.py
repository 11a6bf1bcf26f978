"""Write the student edition: a copy of the course whose chapters keep every exercise, check and
hint, but not the solutions.

    python tools/student_edition.py            # writes student/ (make student does the same)
    python tools/student_edition.py OUT_DIR

The copy is a complete course (helpers, set-up files, README), ready to push to its own
repository for students, for example behind an nbgitpuller link (see docs/teaching.md).
The chapters are written without outputs: students run them themselves. A solution is a
markdown cell tagged ``solution``; nbconvert's TagRemovePreprocessor drops every such cell, and a
short note takes its place.
"""

from __future__ import annotations

import pathlib
import shutil
import sys

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

ROOT = pathlib.Path(__file__).resolve().parents[1]
# The cell tag of a folded solution; hint cells (tagged hint) stay.
SOLUTION_TAG = "solution"
NO_SOLUTION = "*In this edition the solution stays with your teacher: ask them, or try the hints again.*"
COPIED = [
    "helpers", "tools", "jupyter-config", "README.md", "LICENSE", "Makefile", "pyproject.toml",
    "constraints.txt", "environment.yml", "postBuild", "nbval_sanitize.cfg",
]


def without_solutions(notebook):
    """The notebook without its cells tagged ``solution``, each replaced by a short note, and no outputs.

    Whatever a solution cell holds (any markup, nested folds, code), the whole cell goes.
    """
    cells = []
    for cell in notebook.cells:
        cells.append(cell)
        if SOLUTION_TAG in cell.metadata.get("tags", []):
            note = nbformat.v4.new_markdown_cell(NO_SOLUTION)
            note.id = f"{cell.id}-note"[:64] if cell.get("id") else note.id  # the same id at every run
            cells.append(note)
    notebook.cells = cells
    notebook, _ = TagRemovePreprocessor(remove_cell_tags={SOLUTION_TAG}).preprocess(notebook, {})
    notebook, _ = ClearOutputPreprocessor().preprocess(notebook, {})
    notebook.metadata.pop("widgets", None)  # stored widget state, if any: it holds outputs too
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
