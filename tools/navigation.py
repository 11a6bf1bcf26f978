"""Write the navigation lines of every chapter, and the README's chapter table, from the file names.

A chapter's navigation cells are the markdown cells that start with ``<!-- navigation -->``;
the README's table sits between ``<!-- chapters -->`` and ``<!-- /chapters -->``.
Run ``python tools/navigation.py`` (``make notebooks`` does) after adding or renaming a chapter.
"""

from __future__ import annotations

import pathlib
import re

import nbformat

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
SENTINEL = "<!-- navigation -->"


def chapters() -> list[tuple[pathlib.Path, str]]:
    """Every chapter notebook in order, with the title of its H1 (``# 01 · One neuron``)."""
    found = []
    for path in sorted(CHAPTERS.glob("[0-9][0-9]_*.ipynb")):
        first = nbformat.read(path, as_version=4).cells[0].source
        match = re.match(r"#\s+(.+)", first)
        if not match:
            raise SystemExit(f"{path.name}: the first cell must start with its title, '# NN · Title'.")
        found.append((path, match.group(1).strip()))
    return found


def navigation_line(index: int, found) -> str:
    parts = []
    if index > 0:
        path, title = found[index - 1]
        parts.append(f"[← {title}]({path.name})")
    parts.append("[Contents](../README.md#chapters)")
    if index + 1 < len(found):
        path, title = found[index + 1]
        parts.append(f"[{title} →]({path.name})")
    return f"{SENTINEL}\n" + " | ".join(parts)


def update_notebooks() -> list[pathlib.Path]:
    changed = []
    found = chapters()
    for index, (path, _) in enumerate(found):
        notebook = nbformat.read(path, as_version=4)
        line = navigation_line(index, found)
        cells = [c for c in notebook.cells if c.cell_type == "markdown" and c.source.startswith(SENTINEL)]
        if not cells:
            raise SystemExit(f"{path.name}: no '{SENTINEL}' cell; add one after the opening and one at the end.")
        if any(c.source != line for c in cells):
            for cell in cells:
                cell.source = line
            nbformat.write(notebook, path)
            changed.append(path)
    return changed


def repository() -> str:
    """``owner/name`` of the course's GitHub repository, from pyproject.toml."""
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    return urls["Repository"].removeprefix("https://github.com/")


def binder_link(path: str) -> str:
    """A Binder address that builds the course and opens ``path`` in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{repository()}/HEAD?urlpath=lab/tree/{path}"


def chapter_table() -> str:
    rows = ["| chapter | what you do | online |", "|---|---|---|"]
    for path, title in chapters():
        purpose = nbformat.read(path, as_version=4).cells[0].source.splitlines()
        summary = next((line for line in purpose[1:] if line.strip()), "")
        badge = f"[![Open in Binder](https://mybinder.org/badge_logo.svg)]({binder_link(f'chapters/{path.name}')})"
        rows.append(f"| [{title}](chapters/{path.name}) | {summary} | {badge} |")
    return "\n".join(rows)


def update_readme() -> bool:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = re.sub(
        r"<!-- chapters -->\n.*?<!-- /chapters -->",
        lambda _: f"<!-- chapters -->\n{chapter_table()}\n<!-- /chapters -->",
        text,
        flags=re.S,
    )
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    for path in update_notebooks():
        print(f"navigation updated: {path.relative_to(ROOT)}")
    if update_readme():
        print("chapter table updated: README.md")
