"""How long an explorer takes to answer a key press, measured in a real browser.

Starts JupyterLab and headless Chromium (the start-up code of the browser tests), opens every
chapter notebook that shows an explorer, runs it, and presses ArrowRight/ArrowLeft on one slider of
each explorer, one press at a time, waiting for each update to finish (and clicks its step and reset
buttons, if it has them, as chapter 09's explorer does). Inside the page,
performance.now() and MutationObservers time key press -> formula text changed, key press -> picture
(img src) changed, and -> new picture loaded; the kernel messages seen by the page split that time
into its parts. Prints p50 and p95 per explorer, of the latencies and of each part, and a total.

Every explorer the chapters show is measured, found as the browser tests find them.

With ``--compare-iopub`` the presses alternate between the kernel as the course installs it
(``helpers.server.send_iopub_at_once``) and ipykernel's own IOPub sending, so that both see the
same machine load; each is reported on its own.

    python -m benchmarks.widget_latency [--presses N] [--compare-iopub] [--json FILE] [CHAPTER ...]    # from the project's root
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

WARM_UP = 3  # presses before measuring (first renders, JIT), not counted

# Records one entry per key press on `explorer` in window.nnbhPresses. Times are performance.now()
# in ms; the times kernel messages were made (header.date, the kernel's wall clock: the same as the
# browser's, both on this machine) are converted to the same scale.
INSTRUMENT = """explorer => {
    const presses = window.nnbhPresses = [];
    const formula = explorer.querySelector('.nnbh-formula'), img = explorer.querySelector('img.nnbh-picture');
    const now = () => performance.now(), current = () => presses[presses.length - 1];
    const kernelTime = msg => {  // Date.parse keeps milliseconds only; the date has microseconds
        const date = msg.header.date, micro = /\.\d{3}(\d+)/.exec(date);
        return Date.parse(date) + (micro ? Number('0.' + micro[1]) : 0) - performance.timeOrigin;
    };
    explorer.addEventListener('keydown', () => presses.push({key: now(), received: []}), true);
    // A click on a button (chapter 09's step and reset) counts as a press too.
    explorer.addEventListener('pointerdown', () => presses.push({key: now(), received: []}), true);
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

# The two kernel settings --compare-iopub alternates: IOPub messages sent at once (as installed),
# or as ipykernel sends them.
IOPUB_SETTINGS = {
    "IOPub at once": "from helpers.server import send_iopub_at_once as _f; _f(get_ipython().kernel.iopub_thread); del _f",
    "IOPub as ipykernel": "_t = get_ipython().kernel.iopub_thread; _t.send_multipart = getattr("
                          "_t.send_multipart, '__wrapped__', _t.send_multipart); del _t",
}
SET_KERNEL = """async code => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    await kernel.requestExecute({code, silent: true, store_history: false}).done;
}"""


def measure(page, explorer, presses: int, settings: list[str] = ()) -> list[dict]:
    handle = explorer.locator(".noUi-handle").first
    at_max = handle.evaluate("h => Number(h.ariaValueNow) >= Number(h.ariaValueMax)")
    keys = ["ArrowLeft", "ArrowRight"] if at_max else ["ArrowRight", "ArrowLeft"]
    explorer.evaluate(INSTRUMENT)
    handle.focus()
    chosen = []
    for i in range(WARM_UP + presses):
        if settings:  # in pairs, so that each setting moves the slider both ways
            chosen.append(settings[(i // 2) % len(settings)])
            page.evaluate(SET_KERNEL, IOPUB_SETTINGS[chosen[-1]])
        page.keyboard.press(keys[i % 2])
        page.wait_for_function(DONE, timeout=15_000)
        lab_server.settle(explorer, quiet_ms=30)  # the summary and the kernel's idle come last
    pressed = page.evaluate("() => window.nnbhPresses")
    if settings:
        page.evaluate(SET_KERNEL, IOPUB_SETTINGS[settings[0]])
        for press, setting in zip(pressed, chosen):
            press["setting"] = setting
    return pressed[WARM_UP:]


def measure_clicks(page, explorer, presses: int) -> list[dict]:
    """Like ``measure``, with clicks on the explorer's step and reset buttons, one after the other."""
    buttons = [explorer.locator("button.nnbh-step").first, explorer.locator("button.nnbh-reset").first]
    explorer.evaluate(INSTRUMENT)
    for i in range(WARM_UP + presses):
        buttons[i % 2].click()
        page.wait_for_function(DONE, timeout=15_000)
        lab_server.settle(explorer, quiet_ms=30)
    return page.evaluate("() => window.nnbhPresses")[WARM_UP:]


def parts(p: dict) -> dict[str, float]:
    """The latencies of one press (ms), then where the time went."""
    formula, picture = p.get("formulaMsg"), p.get("pictureMsg")
    times = {"setting": p["setting"]} if "setting" in p else {}
    times |= {"formula": p["formula"] - p["key"], "picture": p["picture"] - p["key"], "picture shown": p["loaded"] - p["key"]}
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


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def report(result: dict):
    print(f"{result['notebook']} explorer {result['explorer']} ({result['kind']}), {len(result['samples'])} presses, "
          f"{result['load']}:")
    for setting in dict.fromkeys(s.get("setting") for s in result["samples"]):
        samples = [s for s in result["samples"] if s.get("setting") == setting]
        summary = {k: [s[k] for s in samples if k in s] for k in dict.fromkeys(k for s in samples for k in s)}
        summary.pop("setting", None)
        if setting:
            print(f"  {setting}, {len(samples)} presses:")
        print("  " + " | ".join(f"{k} p50 {percentile(v, 50):.1f} ms, p95 {percentile(v, 95):.1f} ms"
                                for k, v in list(summary.items())[:3]))
        print("  where the time goes (p50 / p95, ms): "
              + ", ".join(f"{k} {percentile(v, 50):.1f} / {percentile(v, 95):.1f}"
                          for k, v in list(summary.items())[3:] if v))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=50, help="key presses per explorer (default 50)")
    parser.add_argument("--compare-iopub", action="store_true",
                        help="alternate the presses between IOPub sent at once (as installed) and as ipykernel sends it")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    parser.add_argument("notebooks", nargs="*", help="only these chapters (a part of the file name, e.g. 07 or plane)")
    args = parser.parse_args()
    settings = list(IOPUB_SETTINGS) if args.compare_iopub else []
    if lab_server.find_chromium() is None:
        sys.exit(f"No Chromium found: {lab_server.INSTALL_HINT}.")
    from playwright.sync_api import sync_playwright

    notebooks = [path.name for path in lab_server.widget_notebooks()
                 if not args.notebooks or any(part in path.name for part in args.notebooks)]
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
                samples = [parts(p) for p in measure(page, explorer, args.presses, settings)]
                results.append({"notebook": notebook, "explorer": i + 1, "kind": kind, "samples": samples, "load": load()})
                report(results[-1])
                if explorer.locator("button.nnbh-step").count():  # chapter 09: its buttons as well
                    samples = [parts(p) for p in measure_clicks(page, explorer, args.presses)]
                    results.append({"notebook": notebook, "explorer": i + 1, "kind": f"{kind} (buttons)",
                                    "samples": samples, "load": load()})
                    report(results[-1])
            page.close()
            lab.reset()
        version = browser.version
    for setting in settings or [None]:
        every = [s for r in results for s in r["samples"] if s.get("setting") == setting]
        hop = [s["formula kernel -> page"] for s in every if "formula kernel -> page" in s]
        print(
            f"total{f' ({setting})' if setting else ''}: {len(every)} presses on {len(results)} explorers in "
            f"{len(notebooks)} notebooks (Chromium {version}, {time.monotonic() - started:.0f} s, {load()}): "
            + "; ".join(f"{k} p50 {percentile([s[k] for s in every], 50):.0f} ms, "
                        f"p95 {percentile([s[k] for s in every], 95):.0f} ms" for k in ("formula", "picture"))
            + (f"; formula kernel -> page p50 {percentile(hop, 50):.1f} ms, p95 {percentile(hop, 95):.1f} ms" if hop else "")
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"presses": args.presses, "chromium": version, "results": results}, indent=1))


if __name__ == "__main__":
    main()
