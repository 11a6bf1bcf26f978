"""How many frames per second chapter 11's training explorer shows while it plays, in a real browser.

A frame is one tick of the play widget: a few training steps in the kernel plus the redrawn picture.
Starts JupyterLab and headless Chromium (the start-up code of the browser tests), opens
chapter 11, runs it, presses play on the training explorer for a few seconds, and times in the
page (performance.now() and a MutationObserver) every change of the picture and every picture
loaded. Prints frames per second with the p50 and p95 time between frames, the steps trained, and
the same frames drawn in the kernel alone (no browser) for comparison, with the machine's load.

    python -m benchmarks.training_fps [--seconds S] [--steps-per-frame N] [--json FILE]   # from the project's root
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from tools import lab_server

NOTEBOOK = "11_training.ipynb"
WARM_UP_S = 1.0  # play this long before measuring (first frames, axis changes)

# Records in window.nnbhFrames the time each new picture was set and loaded on the explorer's img.
INSTRUMENT = """explorer => {
    const frames = window.nnbhFrames = {set: [], loaded: [], measuring: false};
    const img = explorer.querySelector('img.nnbh-picture');
    new MutationObserver(() => { if (frames.measuring) frames.set.push(performance.now()); })
        .observe(img, {attributes: true, attributeFilter: ['src']});
    img.addEventListener('load', () => { if (frames.measuring) frames.loaded.push(performance.now()); });
}"""


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def step_of(explorer) -> int:
    formula = explorer.locator(".nnbh-formula").text_content().strip()
    return int(formula.split(" ", 2)[1])


def in_browser(seconds: float, steps_per_frame: str) -> dict:
    from playwright.sync_api import sync_playwright

    with lab_server.LabServer() as lab, sync_playwright() as playwright:
        browser = lab_server.launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        lab_server.open_and_run(page, lab, NOTEBOOK)
        explorer = page.locator(".nnbh-explorer.nnbh-training").first
        explorer.scroll_into_view_if_needed()
        explorer.locator(".widget-toggle-buttons").filter(has_text="steps per frame") \
            .locator("button", has_text=steps_per_frame).first.click()
        lab_server.settle(explorer)
        explorer.evaluate(INSTRUMENT)
        play = explorer.locator(".nnbh-play button").first  # it shows "pause" while playing
        play.click()
        page.wait_for_timeout(WARM_UP_S * 1000)
        first_step = step_of(explorer)
        page.evaluate("() => { window.nnbhFrames.measuring = true; window.nnbhFrames.start = performance.now(); }")
        page.wait_for_timeout(seconds * 1000)
        frames = page.evaluate("() => { const f = window.nnbhFrames; f.measuring = false; "
                               "f.end = performance.now(); return f; }")
        last_step = step_of(explorer)
        play.click()
        lab_server.settle(explorer)
        version = browser.version
        browser.close()
    return {"frames": frames, "steps": last_step - first_step, "chromium": version}


def in_kernel(frames: int, steps_per_frame: int) -> list[float]:
    """The time of each frame drawn by the explorer in this process: ticks of play, no browser."""
    from helpers.explorers.training import TrainingExplorer

    explorer = TrainingExplorer("square", n_hidden=4, learning_rate=0.1)
    explorer.speed_buttons.value = str(steps_per_frame)
    times = []
    for tick in range(1, frames + 1):
        explorer._frame_end = 0.0  # every tick drawn, as when the kernel keeps up
        started = time.perf_counter()
        explorer.play.value = tick
        times.append(1000 * (time.perf_counter() - started))
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to measure play (default 10)")
    parser.add_argument("--steps-per-frame", default="5", choices=["1", "5", "20"], help="default 5")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    args = parser.parse_args()
    if lab_server.find_chromium() is None:
        sys.exit(f"No Chromium found: {lab_server.INSTALL_HINT}.")
    load_before = os.getloadavg()
    result = in_browser(args.seconds, args.steps_per_frame)
    load_after = os.getloadavg()
    frames = result["frames"]
    shown = frames["loaded"]
    gaps = [b - a for a, b in zip(shown, shown[1:])]
    duration_s = (frames["end"] - frames["start"]) / 1000
    kernel = in_kernel(200, int(args.steps_per_frame))
    print(f"training explorer ({NOTEBOOK}), {args.steps_per_frame} steps per frame, play for {duration_s:.1f} s "
          f"in Chromium {result['chromium']}:")
    print(f"  {len(shown) / duration_s:.1f} frames per second ({len(shown)} pictures shown, {len(frames['set'])} set); "
          f"time between frames p50 {percentile(gaps, 50):.1f} ms, p95 {percentile(gaps, 95):.1f} ms; "
          f"fps from p50 {1000 / percentile(gaps, 50):.1f}")
    print(f"  {result['steps']} training steps, {result['steps'] / duration_s:.0f} steps per second")
    print(f"  in the kernel alone: a frame takes p50 {percentile(kernel, 50):.1f} ms, p95 {percentile(kernel, 95):.1f} ms")
    print(f"  load average {load_before[0]:.2f} before, {load_after[0]:.2f} after ({os.cpu_count()} cores)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({**result, "kernel_ms": kernel, "load": [load_before, load_after]}, indent=1))


if __name__ == "__main__":
    main()
