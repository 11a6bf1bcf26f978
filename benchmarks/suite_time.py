"""How long `make test` takes from a fresh clone (set-up included) and again on a warm environment,
and how big the installed environment is.

    python benchmarks/suite_time.py            # clones the current commit into a temporary folder

Pass --keep to leave the clone behind. Pip's download cache is used as it is on this machine.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def timed(command: list[str], cwd: pathlib.Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"`{' '.join(command)}` failed in {cwd} (exit {result.returncode})")
    return elapsed


def size_of(folder: pathlib.Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", action="store_true", help="keep the temporary clone")
    args = parser.parse_args()
    folder = pathlib.Path(tempfile.mkdtemp(prefix="nnbh-suite-"))
    clone = folder / "course"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env_note = "browser tests required" if os.environ.get("NNBH_REQUIRE_BROWSER") else "browser tests run if Chromium is installed"
    cold = timed(["make", "test"], clone)
    warm = timed(["make", "test"], clone)
    venv = size_of(clone / ".venv")
    print(f"make test from a fresh clone, set-up included: {cold:6.1f} s")
    print(f"make test again, environment warm:             {warm:6.1f} s")
    print(f"installed environment (.venv):                 {venv / 2**20:6.0f} MiB")
    print(f"({env_note})")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
