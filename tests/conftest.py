"""Hypothesis settings profiles, chosen with the HYPOTHESIS_PROFILE environment variable.

- ``dev`` (the default on a developer's machine): new random examples on every run, remembered in
  ``.hypothesis/`` so that a failure found once is tried first next time.
- ``ci`` (the default when CI is set): derandomized, so one commit passes or fails the same way on every
  run; no example database; a failure prints the ``@reproduce_failure`` blob needed to rerun it.
- ``shakeout``: fifty times the usual number of examples, to search hard once in a while:
  ``HYPOTHESIS_PROFILE=shakeout .venv/bin/python -m pytest tests/test_maths.py``.

A property test takes the profile's number of examples (``settings(deadline=None)``); a slow one asks for
a fraction of it, ``settings(max_examples=settings.default.max_examples // 4)``, so that it scales too.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

EXAMPLES = 40  #: the usual number of examples of a property test

settings.register_profile("dev", max_examples=EXAMPLES, deadline=None)
settings.register_profile("ci", max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                          print_blob=True)
settings.register_profile("shakeout", max_examples=50 * EXAMPLES, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


# --- Running on every core (make test: pytest -n auto, pytest-xdist) ----------------------------------
# Tests that share one process go in one group, which one worker runs in order: a notebook's cells
# (nbval runs them one after another in one kernel), the browser tests (one JupyterLab and one
# Chromium), the hub test (one JupyterHub) and the grading test (one nbgrader course). Every other
# test is handed out on its own. The groups are known by path, so a new chapter or test file needs
# nothing here. (xdist's own --dist loadgroup marks tests by changing their ids, which pytest 9.2 no
# longer allows: pytest-xdist issue 1386.)
GROUPS = ["tests/browser/", "tests/classroom/test_hub.py", "tests/classroom/test_grading.py"]


def group_of(nodeid: str) -> str | None:
    """The group of a test, by its id: a notebook's path, or one of GROUPS; None for a test on its own."""
    path = nodeid.split("::", 1)[0]
    if path.endswith(".ipynb"):
        return path
    return next((group for group in GROUPS if path == group or path.startswith(group)), None)


def longest_first(scope: str) -> int:
    """The order in which the groups are handed out: the longest first, so that none is left for the end."""
    return GROUPS.index(scope) if scope in GROUPS else len(GROUPS) + (not scope.endswith(".ipynb"))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "load":  # -n alone; an explicit --dist keeps its own meaning
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid) or nodeid

        def _assign_work_unit(self, node) -> None:
            self.workqueue.move_to_end(min(self.workqueue, key=longest_first), last=False)
            super()._assign_work_unit(node)

    return GroupScheduling(config, log)
