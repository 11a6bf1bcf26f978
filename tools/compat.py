"""Check the compatibility claim of pyproject.toml: the course runs at both ends of what it allows.

    python tools/compat.py                        # make compat does the same
    python tools/compat.py --oldest ~/.pyenv/versions/3.10.13/bin/python --newest python3.13

Makes two fresh virtual environments with uv, installs the course in each WITHOUT the pins of
constraints.txt, and executes every chapter in each, top to bottom, in a kernel of that
environment's Python. Outputs are not compared with the stored ones (the versions differ); a
chapter passes when no cell raises (a cell tagged ``raises-exception`` may).

- oldest: the oldest Python that ``requires-python`` allows, with the LOWEST versions of the
  course's own dependencies (numpy, matplotlib, ipywidgets) that pyproject.toml allows
  (``uv pip install --resolution lowest-direct``);
- newest: the newest Python found, with the newest versions of everything (``--resolution highest``).

Besides the course, each environment gets what executing a notebook needs: ipykernel (from the
``lab`` extra), nbclient and nbformat (from the ``test`` extra), at their lowest allowed versions in
the oldest environment. Pythons are looked for in pyenv (``$PYENV_ROOT/versions``, ``~/.pyenv``) unless
given with --oldest / --newest. Prints one line per environment and exits non-zero if a chapter fails.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
# What executing a notebook needs besides the course, and the extra that gives each its lower bound.
RUNNERS = {"ipykernel": "lab", "nbclient": "test", "nbformat": "test"}
REPORTED = ["numpy", "matplotlib", "ipywidgets", "ipykernel", "nbclient"]


def project() -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def version_tuple(text: str) -> tuple[int, ...]:
    """``"3.10.13"`` -> ``(3, 10, 13)``; pre-releases and suffixes are dropped.

    >>> version_tuple("3.13.0")
    (3, 13, 0)
    >>> version_tuple("3.14.0a1")
    (3, 14, 0)
    """
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def minimum_python(requires: str) -> tuple[int, ...]:
    """The oldest Python a ``requires-python`` of the form ``>=X.Y`` allows.

    >>> minimum_python(">=3.10")
    (3, 10)
    """
    match = re.fullmatch(r"\s*>=\s*(\d+(?:\.\d+)*)\s*", requires)
    if not match:
        raise SystemExit(f"requires-python = {requires!r}: this script understands only '>=X.Y'.")
    return version_tuple(match.group(1))


def pyenv_pythons() -> dict[tuple[int, ...], pathlib.Path]:
    """Every CPython that pyenv has, by version (pre-releases and other implementations left out)."""
    roots = [pathlib.Path(os.environ["PYENV_ROOT"])] if "PYENV_ROOT" in os.environ else []
    roots.append(pathlib.Path.home() / ".pyenv")
    found = {}
    for root in roots:
        for folder in sorted((root / "versions").glob("*")):
            python = folder / "bin" / "python"
            if re.fullmatch(r"\d+\.\d+\.\d+", folder.name) and python.exists():
                found.setdefault(version_tuple(folder.name), python)
    return found


def choose_pythons(oldest: str | None, newest: str | None, requires: str) -> tuple[str, str]:
    low = minimum_python(requires)
    found = {v: p for v, p in pyenv_pythons().items() if v[: len(low)] >= low}
    if not oldest:
        same_minor = [v for v in found if v[:2] == low[:2]]
        if not same_minor:
            raise SystemExit(f"no Python {'.'.join(map(str, low))} found in pyenv; give one with --oldest.")
        oldest = str(found[max(same_minor)])
    if not newest:
        if not found:
            raise SystemExit("no Python found in pyenv; give one with --newest.")
        newest = str(found[max(found)])
    return oldest, newest


def runner_requirements() -> list[str]:
    """ipykernel, nbclient and nbformat with the lower bounds the extras give them."""
    extras = project()["optional-dependencies"]
    wanted = []
    for name, extra in RUNNERS.items():
        match = [r for r in extras[extra] if re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() == name]
        wanted.append(match[0] if match else name)
    return wanted


def find_uv() -> str:
    try:
        from uv import find_uv_bin
        return find_uv_bin()
    except (ImportError, FileNotFoundError):
        found = shutil.which("uv")
        if not found:
            raise SystemExit("uv is missing: `pip install -e '.[compat]'` (make compat does it).") from None
        return found


def check_environment(uv: str, python: str, resolution: str, folder: pathlib.Path, chapters: pathlib.Path) -> dict:
    """Make a venv with ``python``, install the course at ``resolution``, run the chapters there."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_", "VIRTUAL_ENV", "PYTHONPATH"))}
    subprocess.run([uv, "venv", "--quiet", "--python", python, str(folder)], check=True, env=env)
    venv_python = folder / "bin" / "python"
    subprocess.run(
        [uv, "pip", "install", "--quiet", "--python", str(venv_python), "--resolution", resolution,
         "-e", str(ROOT), *runner_requirements()],
        check=True, env=env,
    )
    home = folder / "home"  # a fresh HOME: no user kernelspecs, settings or caches of the machine's
    home.mkdir()
    done = subprocess.run(
        [str(venv_python), str(pathlib.Path(__file__).resolve()), "--execute", str(chapters)],
        capture_output=True, text=True, env={**env, "HOME": str(home)},
    )
    if done.returncode != 0 or not done.stdout.strip():
        return {"python": python, "error": (done.stderr or done.stdout).strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def execute_chapters(folder: pathlib.Path) -> dict:
    """Run inside the environment under test: execute every chapter, report versions and errors."""
    import importlib.metadata
    import platform

    import nbformat
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    class ThisPythonKernel(KernelManager):
        """A kernel of this environment's Python, whatever kernelspecs are installed elsewhere."""

        @property
        def kernel_spec(self):
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                              display_name="Python 3", language="python")

    results = {}
    for path in sorted(folder.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, km=ThisPythonKernel(), timeout=600,
                                resources={"metadata": {"path": str(folder)}})
        try:
            client.execute()
            results[path.name] = "ok"
        except CellExecutionError as error:
            lines = [line for line in str(error).strip().splitlines() if line.strip()]
            results[path.name] = lines[-1][:200] if lines else "error"
        except Exception as error:  # a kernel that died or timed out is a failure too, reported the same way
            results[path.name] = f"{type(error).__name__}: {error}"[:200]
    return {
        "python": platform.python_version(),
        **{name: importlib.metadata.version(name) for name in REPORTED},
        "chapters": results,
    }


def table(rows: list[dict]) -> str:
    header = ["end", "python", "numpy", "matplotlib", "ipywidgets", "ipykernel", "nbclient", "chapters run", "result"]
    lines = []
    for row in rows:
        chapters = row.get("chapters", {})
        failed = [f"{name}: {why}" for name, why in chapters.items() if why != "ok"]
        result = "error: " + " | ".join(row["error"]) if "error" in row else ("; ".join(failed) or "all ok")
        lines.append([row["end"], row.get("python", "?"), *(row.get(name, "?") for name in REPORTED),
                      f"{sum(why == 'ok' for why in chapters.values())}/{len(chapters)}", result])
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]
    out = [" | ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip() for line in [header, *lines]]
    out.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oldest", help="the oldest Python to try (default: the oldest pyproject allows, from pyenv)")
    parser.add_argument("--newest", help="the newest Python to try (default: the newest in pyenv)")
    parser.add_argument("--keep", metavar="DIR", help="make the environments in DIR and keep them")
    parser.add_argument("--execute", metavar="CHAPTERS", help=argparse.SUPPRESS)  # run inside each environment
    args = parser.parse_args()
    if args.execute:
        print(json.dumps(execute_chapters(pathlib.Path(args.execute))))
        return 0

    uv = find_uv()
    oldest, newest = choose_pythons(args.oldest, args.newest, project()["requires-python"])
    work = pathlib.Path(args.keep) if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="nnbh-compat-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for end, python, resolution in [("oldest", oldest, "lowest-direct"), ("newest", newest, "highest")]:
            print(f"{end}: {python}, --resolution {resolution}", flush=True)
            chapters = work / f"chapters-{end}"  # a copy: whatever a chapter writes stays out of the course
            shutil.rmtree(chapters, ignore_errors=True)
            shutil.copytree(ROOT / "chapters", chapters, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
            shutil.rmtree(work / f"venv-{end}", ignore_errors=True)
            rows.append({"end": end, **check_environment(uv, python, resolution, work / f"venv-{end}", chapters)})
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows))
    ok = all("error" not in row and row["chapters"] and set(row["chapters"].values()) == {"ok"} for row in rows)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
