"""Every relative link in the chapters, the README and the docs leads somewhere that exists."""

from __future__ import annotations

import pathlib
import re

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
DOCUMENTS = sorted((ROOT / "chapters").glob("*.ipynb")) + [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md"))


def text_of(path: pathlib.Path) -> str:
    if path.suffix == ".ipynb":
        notebook = nbformat.read(path, as_version=4)
        return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    return path.read_text(encoding="utf-8")


def anchors(path: pathlib.Path) -> set[str]:
    """The heading anchors of a document, as GitHub and JupyterLab make them."""
    found = set()
    for line in text_of(path).splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            found.add(re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-"))
            found.add(title.replace(" ", "-"))  # JupyterLab keeps case and punctuation
    return found


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(path):
    broken = []
    for target in LINK.findall(text_of(path)):
        if re.match(r"[a-z]+:", target):  # https:, mailto: …
            continue
        file_part, _, anchor = target.partition("#")
        destination = (path.parent / file_part).resolve() if file_part else path
        if not destination.exists():
            broken.append(f"{target}: no such file")
        elif anchor and destination.suffix in (".md", ".ipynb") and anchor not in anchors(destination):
            broken.append(f"{target}: no heading '#{anchor}' in {destination.name}")
    assert not broken, "\n".join(broken)


def test_links_are_found_at_all():
    assert len(LINK.findall(text_of(ROOT / "chapters" / "01_one_neuron.ipynb"))) >= 2
