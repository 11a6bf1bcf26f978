"""How long `make test` and `make test-fast` take, with the machine's load beside each figure.

    python benchmarks/suite_time.py            # clones the current commit into a temporary folder:
                                               # make test from the fresh clone (set-up included),
                                               # then make test and make test-fast again, warm
    python benchmarks/suite_time.py --here     # only the warm runs, in this checkout (make sets up first)

Each line gives the wall time, pytest's count of tests, and the load average (1, 5 and 15 minutes,
from /proc/loadavg) before and after the run: on a shared machine a figure means little without it.
Both targets run on every core (pytest-xdist, `PARALLEL` in the Makefile). Pass --keep to leave the
clone behind. Pip's download cache is used as it is on this machine.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
# pytest's last line: "2557 passed, 3 skipped in 118.52s (0:01:58)"
SUMMARY = re.compile(r"^=*\s*(\d+ (?:passed|failed|skipped|errors?|xfailed|xpassed|warnings?)\b.*) in [\d.]+s", re.M)


def load() -> str:
    try:
        return " ".join(pathlib.Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def timed(command: list[str], cwd: pathlib.Path) -> tuple[float, str, str, str]:
    """Wall time, pytest's summary, and the load average before and after."""
    before = load()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"`{' '.join(command)}` failed in {cwd} (exit {result.returncode}):\n{result.stdout[-3000:]}")
    found = SUMMARY.findall(result.stdout)
    return elapsed, found[-1] if found else "no pytest summary", before, load()


def size_of(folder: pathlib.Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def report(what: str, figures: tuple[float, str, str, str]) -> None:
    elapsed, summary, before, after = figures
    print(f"{what:<48} {elapsed:6.1f} s   {summary}   load {before} -> {after}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--here", action="store_true", help="only the warm runs, in this checkout")
    parser.add_argument("--keep", action="store_true", help="keep the temporary clone")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r} "
          "(set, every process compiles the course's modules again); "
          + ("browser tests required" if os.environ.get("NNBH_REQUIRE_BROWSER") else
             "browser tests run if Chromium is installed"), flush=True)
    if args.here:
        subprocess.run(["make", "-s", ".venv/bin/.installed-lab", ".venv/bin/.installed-test",
                        ".venv/bin/.installed-grading", ".venv/node/.installed"], cwd=ROOT, check=True)
        report("make test, environment warm:", timed(["make", "test"], ROOT))
        report("make test-fast, environment warm:", timed(["make", "test-fast"], ROOT))
        return
    folder = pathlib.Path(tempfile.mkdtemp(prefix="nnbh-suite-"))
    clone = folder / "course"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    report("make test from a fresh clone, set-up included:", timed(["make", "test"], clone))
    report("make test again, environment warm:", timed(["make", "test"], clone))
    report("make test-fast, environment warm:", timed(["make", "test-fast"], clone))
    print(f"installed environment (.venv): {size_of(clone / '.venv') / 2**20:.0f} MiB")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
