"""How long an explorer takes to answer a key press, measured in a real browser.

Starts JupyterLab and headless Chromium (the start-up code of the browser tests), opens every
chapter notebook that shows an explorer, runs it, and presses ArrowRight/ArrowLeft on one slider of
each explorer, one press at a time, waiting for each update to finish. Inside the page,
performance.now() and MutationObservers time key press -> formula text changed, key press -> picture
(img src) changed, and -> new picture loaded; the kernel messages seen by the page split that time
into its parts. Prints p50 and p95 per explorer and a one-line total.

    python -m benchmarks.widget_latency [--presses N] [--json FILE]    # from the project's root
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from tools import lab_server

WARM_UP = 3  # presses before measuring (first renders, JIT), not counted

# Records one entry per key press on `explorer` in window.nnbhPresses. Times are performance.now()
# in ms; the times kernel messages were made (header.date, the kernel's wall clock: the same as the
# browser's, both on this machine) are converted to the same scale.
INSTRUMENT = """explorer => {
    const presses = window.nnbhPresses = [];
    const formula = explorer.querySelector('.nnbh-formula'), img = explorer.querySelector('img.nnbh-picture');
    const now = () => performance.now(), current = () => presses[presses.length - 1];
    const kernelTime = msg => Date.parse(msg.header.date) - performance.timeOrigin;
    explorer.addEventListener('keydown', () => presses.push({key: now(), received: []}), true);
    new MutationObserver(() => {
        const p = current();
        if (!p || p.formula) return;
        p.formula = now();
        p.formulaMsg = p.received.filter(m => !m.buffers).pop();  // the update just rendered
    }).observe(formula, {subtree: true, childList: true, characterData: true});
    new MutationObserver(() => {
        const p = current();
        if (!p || p.picture) return;
        p.picture = now();
        p.pictureMsg = p.received.filter(m => m.buffers).pop();
    }).observe(img, {attributes: true, attributeFilter: ['src']});
    img.addEventListener('load', () => { const p = current(); if (p?.picture && !p.loaded) p.loaded = now(); });
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    kernel.anyMessage.connect((_, {msg, direction}) => {
        const p = current();
        if (!p || msg.header.msg_type !== 'comm_msg') return;
        if (direction === 'send') p.sent ??= now();
        else if (msg.content.data?.method === 'update')
            p.received.push({at: now(), made: kernelTime(msg), buffers: (msg.buffers || []).length > 0});
    });
}"""

DONE = "() => { const p = window.nnbhPresses.at(-1); return p && p.formula && p.loaded; }"


def measure(page, explorer, presses: int) -> list[dict]:
    handle = explorer.locator(".noUi-handle").first
    at_max = handle.evaluate("h => Number(h.ariaValueNow) >= Number(h.ariaValueMax)")
    keys = ["ArrowLeft", "ArrowRight"] if at_max else ["ArrowRight", "ArrowLeft"]
    explorer.evaluate(INSTRUMENT)
    handle.focus()
    for i in range(WARM_UP + presses):
        page.keyboard.press(keys[i % 2])
        page.wait_for_function(DONE, timeout=15_000)
        lab_server.settle(explorer, quiet_ms=30)  # the summary and the kernel's idle come last
    return page.evaluate("() => window.nnbhPresses")[WARM_UP:]


def parts(p: dict) -> dict[str, float]:
    """The latencies of one press (ms), then where the time went."""
    formula, picture = p.get("formulaMsg"), p.get("pictureMsg")
    times = {"formula": p["formula"] - p["key"], "picture": p["picture"] - p["key"], "picture shown": p["loaded"] - p["key"]}
    if p.get("sent") and formula and picture:
        times |= {
            "key -> update sent": p["sent"] - p["key"],  # noUiSlider, ipywidgets, services
            "sent -> kernel sends formula": formula["made"] - p["sent"],  # websocket, server, ZMQ, callback
            "formula kernel -> page": formula["at"] - formula["made"],  # IOPub thread, ZMQ, server, websocket
            "formula message -> DOM": p["formula"] - formula["at"],
            "kernel draws picture": picture["made"] - formula["made"],  # update artists, render, PNG
            "picture kernel -> page": picture["at"] - picture["made"],
            "picture message -> img src": p["picture"] - picture["at"],
            "img src -> loaded": p["loaded"] - p["picture"],  # PNG decode
        }
    return times


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def report(result: dict):
    samples = result["samples"]
    summary = {k: [s[k] for s in samples if k in s] for k in dict.fromkeys(k for s in samples for k in s)}
    print(f"{result['notebook']} explorer {result['explorer']} ({result['kind']}), {len(samples)} presses:")
    print("  " + " | ".join(f"{k} p50 {percentile(v, 50):.1f} ms, p95 {percentile(v, 95):.1f} ms"
                            for k, v in list(summary.items())[:3]))
    print("  where the time goes (medians, ms): "
          + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in list(summary.items())[3:] if v))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=50, help="key presses per explorer (default 50)")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    args = parser.parse_args()
    if lab_server.find_chromium() is None:
        sys.exit(f"No Chromium found: {lab_server.INSTALL_HINT}.")
    from playwright.sync_api import sync_playwright

    notebooks = [path.name for path in lab_server.widget_notebooks()]
    results, started = [], time.monotonic()
    with lab_server.LabServer() as lab, sync_playwright() as playwright:
        browser = lab_server.launch_chromium(playwright)
        for notebook in notebooks:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            explorers = lab_server.open_and_run(page, lab, notebook)
            for i in range(explorers.count()):
                explorer = explorers.nth(i)
                explorer.scroll_into_view_if_needed()
                kind = explorer.evaluate(lab_server.READ_EXPLORER)["kind"]
                samples = [parts(p) for p in measure(page, explorer, args.presses)]
                results.append({"notebook": notebook, "explorer": i + 1, "kind": kind, "samples": samples})
                report(results[-1])
            page.close()
            lab.reset()
        version = browser.version
    every = [s for r in results for s in r["samples"]]
    print(
        f"total: {len(every)} presses on {len(results)} explorers in {len(notebooks)} notebooks "
        f"(Chromium {version}, {time.monotonic() - started:.0f} s): "
        + "; ".join(f"{k} p50 {percentile([s[k] for s in every], 50):.0f} ms, "
                    f"p95 {percentile([s[k] for s in every], 95):.0f} ms" for k in ("formula", "picture"))
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"presses": args.presses, "chromium": version, "results": results}, indent=1))


if __name__ == "__main__":
    main()
