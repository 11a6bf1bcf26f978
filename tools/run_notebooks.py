"""Re-execute every chapter in place, top to bottom, each in a fresh kernel of this Python.

    python tools/run_notebooks.py                         # every chapter
    python tools/run_notebooks.py chapters/01_one_neuron.ipynb

The stored notebooks are what nbval compares against, so they are written without the noise that
differs between runs: no timing metadata, no stored widget state or widget model ids, no Python version.
"""

from __future__ import annotations

import pathlib
import sys

import nbformat
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

if __package__:  # imported as tools.run_notebooks (tests, benchmarks)
    from tools import navigation
else:  # run as `python tools/run_notebooks.py`, which puts tools/ first on sys.path
    import navigation

ROOT = pathlib.Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class CurrentPythonKernel(KernelManager):
    """A kernel of the Python running this script, whatever kernelspecs the user has installed."""

    @property
    def kernel_spec(self):
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python 3 (ipykernel)", language="python",
        )


def execute(path: pathlib.Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client = NotebookClient(
        notebook, km=CurrentPythonKernel(), timeout=600, record_timing=False,
        store_widget_state=False, resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    # Printed lines arrive in one stream output or several, as the kernel happens to flush them:
    # joined, the stored notebook is the same on every run.
    notebook, _ = CoalesceStreamsPreprocessor().preprocess(notebook, {})
    notebook.metadata.pop("widgets", None)
    notebook.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    notebook.metadata.get("language_info", {}).pop("version", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            # A widget's view names a random model id that means nothing once the kernel is gone;
            # its text/plain fallback (the explorer's repr) is what a reopened notebook shows.
            output.get("data", {}).pop(WIDGET_VIEW, None)
    nbformat.write(notebook, path)


def main(paths: list[str]) -> None:
    navigation.update_notebooks()
    navigation.update_readme()
    targets = [pathlib.Path(p).resolve() for p in paths] or [path for path, _ in navigation.chapters()]
    for path in targets:
        print(f"executing {path.relative_to(ROOT)}", flush=True)
        execute(path)


if __name__ == "__main__":
    main(sys.argv[1:])
