"""The course's maintenance scripts (re-executing the chapters, navigation, the student edition, ...).

Each runs as a script, ``python tools/NAME.py``. The tests and benchmarks import them as the
package ``tools`` (pytest's ``pythonpath`` puts the project's root on ``sys.path``; a benchmark
runs as ``python -m benchmarks.NAME`` from the root).
"""
