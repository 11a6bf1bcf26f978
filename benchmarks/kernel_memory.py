"""How much memory one student's kernel takes: each chapter is run in a fresh kernel and the
kernel's peak resident memory (VmHWM, Linux only) is printed. Useful to size a JupyterHub.

    python -m benchmarks.kernel_memory    # from the project's root
"""

from __future__ import annotations

import pathlib

import nbformat
from nbclient import NotebookClient

from tools.run_notebooks import CurrentPythonKernel

ROOT = pathlib.Path(__file__).resolve().parents[1]


def peak_memory_mib(pid: int) -> float:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc: this benchmark needs Linux")


def main() -> None:
    peaks = []
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        manager = CurrentPythonKernel()
        client = NotebookClient(notebook, km=manager, timeout=600, resources={"metadata": {"path": str(path.parent)}})
        with client.setup_kernel():
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)
            peak = peak_memory_mib(manager.provisioner.process.pid)
        peaks.append(peak)
        print(f"{path.name:<34} kernel peak memory {peak:6.0f} MiB")
    print(f"largest: {max(peaks):.0f} MiB per student with one chapter running")


if __name__ == "__main__":
    main()
