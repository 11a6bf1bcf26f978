"""Mutation testing of the shared core: do the tests notice when the code is wrong?

mutmut (the ``mutation`` extra) changes one thing at a time in ``helpers/validation.py``,
``helpers/maths.py`` and ``helpers/exercises.py`` -- a ``<`` becomes ``<=``, a string is altered, an
argument is dropped -- and runs the fast tests of those modules against each change. A change that
no test notices "survives". What is mutated and which tests run is set in ``[tool.mutmut]`` in
``pyproject.toml``; this script runs it in one process (the machine is shared), derandomizes the
property tests so that a mutant is judged the same way twice, and prints the score and the survivors.

    make mutation                                  # a fresh run: 3 to 10 minutes on 2 shared cores
    .venv/bin/python tools/mutation.py --keep      # go on from the results in mutants/
    .venv/bin/mutmut show <name>                   # the change a surviving mutant makes
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
MUTMUT = pathlib.Path(sys.executable).with_name("mutmut")


def mutmut(*args: str, capture: bool = False) -> str:
    environment = dict(os.environ, HYPOTHESIS_PROFILE="ci")
    done = subprocess.run([str(MUTMUT), *args], cwd=ROOT, env=environment, text=True, check=True,
                          stdout=subprocess.PIPE if capture else None)
    return done.stdout or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep mutants/ and its results from the last run")
    args = parser.parse_args(argv)
    if not MUTMUT.exists():
        sys.exit(f"{MUTMUT} is missing: install the extra, pip install -c constraints.txt -e '.[mutation]'")
    if not args.keep:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    start = time.monotonic()
    mutmut("run", "--max-children", "1")
    minutes = (time.monotonic() - start) / 60
    mutmut("export-cicd-stats", capture=True)
    stats = json.loads((ROOT / "mutants" / "mutmut-cicd-stats.json").read_text())
    survivors = [line.strip() for line in mutmut("results", capture=True).splitlines() if line.strip()]
    print("\nNot killed:" if survivors else "")
    for line in survivors:
        print(f"  {line}")
    total = stats["total"]
    print(f"\nKilled {stats['killed']} / {total} mutants ({100 * stats['killed'] / max(total, 1):.1f} %); "
          f"survived {stats['survived']}, timed out {stats['timeout']}, no tests {stats['no_tests']}, "
          f"suspicious {stats['suspicious']}; {minutes:.1f} minutes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
