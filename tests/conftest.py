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

from hypothesis import HealthCheck, settings

EXAMPLES = 40  #: the usual number of examples of a property test

settings.register_profile("dev", max_examples=EXAMPLES, deadline=None)
settings.register_profile("ci", max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                          print_blob=True)
settings.register_profile("shakeout", max_examples=50 * EXAMPLES, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
