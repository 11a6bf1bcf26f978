"""The Python side of a slider move: how long each explorer's callback takes (formula, picture
and summary), without a browser. The browser's view of it is benchmarks/widget_latency.py.

    python benchmarks/widget_update.py [--moves 50]

Each explorer's every slider is moved one step at a time, to values not drawn before, as a
learner's drag does; p50 and p95 are printed per explorer.
"""

from __future__ import annotations

import argparse
import statistics
import time

import ipywidgets

from helpers.explorers import EXPLORERS


def sliders_of(widget) -> list[ipywidgets.FloatSlider]:
    found = []
    if isinstance(widget, ipywidgets.FloatSlider):
        found.append(widget)
    for child in getattr(widget, "children", ()):
        found.extend(sliders_of(child))
    return found


def time_moves(explorer, moves: int) -> list[float]:
    sliders = sliders_of(explorer.widget)
    times = []
    for k in range(moves):
        slider = sliders[k % len(sliders)]
        step = slider.step if slider.value + slider.step <= slider.max else -slider.step
        start = time.perf_counter()
        slider.value = slider.value + step
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--moves", type=int, default=50)
    args = parser.parse_args()
    for make in EXPLORERS:
        explorer = make()
        time_moves(explorer, 5)  # warm-up: first drawings of the background
        times = sorted(time_moves(explorer, args.moves))
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{make.__name__:<24} {args.moves} moves: p50 {statistics.median(times):5.1f} ms, p95 {p95:5.1f} ms")


if __name__ == "__main__":
    main()
