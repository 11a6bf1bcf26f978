"""Where the kernel -> page hop of a widget update goes, timed at every hop.

A scratch notebook holds a slider and a text (HTML) widget; each key press on the slider makes
the kernel set a few hundred bytes of text, then keep its main thread busy for a while, as an
explorer does when it draws its picture after setting its formula. Every text update is timed:

    (page sent       the page sent the slider's update that led to it, for the way there)
    made             the kernel builds the message (its header's ``date``, main thread)
    IOPub picks up   the kernel's IOPub thread starts sending it (a wrapper on that thread's send)
    IOPub sent       ... and has handed it to ZMQ (this includes getting the GIL back after the send)
    zmq probe        a plain ZMQ subscriber in a process of its own gets it (the same hop as the
                     server's next line, without jupyter_server)
    server received  jupyter_server's websocket connection gets it from ZMQ (a timing subclass
                     of the course's connection class, loaded through JUPYTER_CONFIG_PATH)
    server wrote     ... and has written it to the websocket
    page received    the browser's WebSocket fires ``message`` (a listener added before Lab's)
    page handled     JupyterLab's kernel connection emits it (``anyMessage``)
    text shown       the text widget's DOM changes (a MutationObserver)

Times are wall-clock (Python ``time.time()``, the page's ``performance.timeOrigin + now()``);
the offset between the two clocks is measured and printed. The kernel's settings under test
alternate from one press to the next, so every setting sees the same machine load:

    as is            nothing changed
    fast switch      ``sys.setswitchinterval(0.0005)`` in the kernel (CPython's default is 5 ms)
    send at once     ``helpers.server.send_iopub_at_once``: a sender waits (GIL released) until the
                     IOPub thread has sent its message, as the course's kernels do

The busy work is pure Python (``--work python``, holds the GIL between bytecodes) or a
matplotlib figure rendered to PNG (``--work draw``, long C calls holding the GIL).

    python -m benchmarks.hop_latency [--presses N] [--work python|draw|none] [--work-ms MS] [--kernel-only] [--json FILE]

``--kernel-only`` leaves out server and browser: a kernel started with jupyter_client and a ZMQ
subscriber, the least noisy view of the kernel's part.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import statistics
import subprocess
import sys
import shutil
import tempfile
import time
from pathlib import Path

from tools import lab_server

MODES = ["as is", "fast switch", "send at once"]
WARM_UP = 6  # presses before measuring, not counted (two per mode)

# The server side: a connection class that logs when each kernel message arrives from ZMQ and
# when it has been written to the websocket (after forwarding it, so the log costs the hop nothing).
SERVER_PROBE = '''
import asyncio, collections, json, os, time
from helpers.server import NoDelayWebsocketConnection

_LOG = open(os.environ["NNBH_HOP_LOG"], "a", buffering=1)
_SELECTS = collections.deque(maxlen=32)  # (went idle, woke up) of the server's event loop


def _watch_event_loop():
    selector = asyncio.get_running_loop()._selector
    if getattr(selector, "nnbh_watched", False):
        return
    select = selector.select

    def timed_select(timeout=None):
        idle = time.time()
        events = select(timeout)
        _SELECTS.append((idle, time.time()))
        return events

    selector.select, selector.nnbh_watched = timed_select, True


class TimedConnection(NoDelayWebsocketConnection):
    def connect(self):
        _watch_event_loop()
        return super().connect()

    def handle_outgoing_message(self, stream, outgoing_msg):
        received = time.time()
        idle, woke = _SELECTS[-1] if _SELECTS else (None, None)
        super().handle_outgoing_message(stream, outgoing_msg)
        wrote = time.time()
        try:
            parts = [bytes(part) for part in outgoing_msg]
            header = json.loads(parts[parts.index(b"<IDS|MSG>") + 2])
            _LOG.write(json.dumps({"id": header["msg_id"], "type": header["msg_type"], "received": received, "wrote": wrote,
                                   "loop idle": idle, "loop woke": woke, "protocol": self.subprotocol}) + "\\n")
        except Exception as error:  # never break the connection for a log line
            _LOG.write(json.dumps({"error": repr(error)}) + "\\n")
'''

# A second subscriber to the kernel's IOPub socket, in a process of its own: when it gets a message
# (the same ZMQ hop as the server's, without the server).
ZMQ_PROBE = '''
import json, sys, time, zmq
connection = json.load(open(sys.argv[1]))
socket = zmq.Context().socket(zmq.SUB)
socket.setsockopt(zmq.SUBSCRIBE, b"")
socket.connect(f"{connection['transport']}://{connection['ip']}:{connection['iopub_port']}")
log = open(sys.argv[2], "a", buffering=1)
while True:
    parts = socket.recv_multipart()
    at = time.time()
    header = json.loads(parts[parts.index(b"<IDS|MSG>") + 2])
    log.write(json.dumps({"id": header["msg_id"], "type": header["msg_type"], "at": at}) + "\\n")
'''

NOTEBOOK_CODE = '''
import json, sys, threading, time
import ipywidgets as widgets

MODES = {modes!r}
WORK, WORK_MS = {work!r}, {work_ms!r}
_kernel = get_ipython().kernel
_sent = []  # (before send, after send, header bytes), on the IOPub thread
_setting = []  # (before, after) setting the text, on the main thread
_really_send = _kernel.iopub_thread._really_send

def _timed_send(msg, *args, **kwargs):
    before = time.time()
    _really_send(msg, *args, **kwargs)
    _sent.append((before, time.time(), msg[msg.index(b"<IDS|MSG>") + 2]))

_kernel.iopub_thread._really_send = _timed_send

from helpers.server import send_iopub_at_once
send_iopub_at_once(_kernel.iopub_thread)  # as the course's kernel config does (no-op if done)
_at_once = _kernel.iopub_thread.send_multipart
_as_is = _at_once.__wrapped__

def connection_file():
    from ipykernel.kernelapp import IPKernelApp
    return IPKernelApp.instance().abs_connection_file

def sent_times():
    return json.dumps({{json.loads(h)["msg_id"]: [b, a] for b, a, h in _sent}})

def setting_times():
    return json.dumps(_setting)

if WORK == "draw":
    import io
    import matplotlib
    from matplotlib.figure import Figure
    figure = Figure(figsize=(5.6, 3.6), dpi=200)
    axes = figure.subplots()
    lines = [axes.plot(range(50), [((i * k) % 17) / 17 for i in range(50)])[0] for k in range(12)]

def work(n):
    if WORK == "python":
        end = time.perf_counter() + WORK_MS / 1000
        while time.perf_counter() < end:
            pass
    elif WORK == "draw":
        for k, line in enumerate(lines):
            line.set_ydata([((i * k + n) % 17) / 17 for i in range(50)])
        figure.savefig(io.BytesIO(), format="png")

slider = widgets.IntSlider(value=0, min=0, max=100000, description="n")
text = widgets.HTML()
text.add_class("hop-text")

def on_value(change):
    mode = MODES[change.new % len(MODES)]
    sys.setswitchinterval(0.0005 if mode == "fast switch" else 0.005)
    _kernel.iopub_thread.send_multipart = _at_once if mode == "send at once" else _as_is
    before = time.time()
    text.value = f"<span data-mode='{{mode}}'>n = {{change.new}}: " + " + ".join(["0.25 × 1.75"] * 12) + "</span>"
    _setting.append((before, time.time()))
    work(change.new)

slider.observe(on_value, "value")
widgets.VBox([slider, text])
'''

# In the page, before any of Lab's code: a first 'message' listener on every kernel websocket.
PAGE_PROBE = """(() => {
    const Native = window.WebSocket;
    window.nnbhWs = [];
    window.WebSocket = class extends Native {
        constructor(...args) {
            super(...args);
            if (String(args[0]).includes('/channels'))
                this.addEventListener('message', event =>
                    window.nnbhWs.push([performance.timeOrigin + performance.now(), event.data]));
        }
    };
})()"""

INSTRUMENT = """() => {
    const now = () => performance.timeOrigin + performance.now();
    window.nnbhHandled = {}; window.nnbhShown = [];
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    window.nnbhSent = [];
    kernel.anyMessage.connect((_, {msg, direction}) => {
        if (direction === 'recv') window.nnbhHandled[msg.header.msg_id] = now();
        else if (msg.header.msg_type === 'comm_msg') window.nnbhSent.push(now());
    });
    const text = document.querySelector('.hop-text');
    new MutationObserver(() => window.nnbhShown.push([now(), text.textContent]))
        .observe(text, {subtree: true, childList: true, characterData: true});
}"""

# Every message the page's websockets received: its msg_id and when (v1 binary or legacy JSON).
READ_WS = """() => window.nnbhWs.map(([at, data]) => {
    let header, protocol;
    if (typeof data === 'string') { header = JSON.parse(data).header; protocol = 'legacy JSON'; }
    else if (data instanceof ArrayBuffer) {
        const view = new DataView(data), offset = i => Number(view.getBigUint64(8 * (i + 1), true));
        if (Number(view.getBigUint64(0, true)) > 2 && offset(0) < data.byteLength) {
            header = JSON.parse(new TextDecoder().decode(data.slice(offset(1), offset(2))));
            protocol = 'v1 binary';
        } else return null;
    } else return null;
    let text = '';
    if (header.msg_type === 'comm_msg') {
        const content = typeof data === 'string' ? JSON.parse(data).content : JSON.parse(new TextDecoder().decode(
            data.slice(Number(new DataView(data).getBigUint64(8 * 5, true)), Number(new DataView(data).getBigUint64(8 * 6, true)))));
        text = content.data?.state?.value ?? '';
    }
    return {id: header.msg_id, type: header.msg_type, made: header.date, at, protocol, text, bytes: data.byteLength ?? data.length};
}).filter(Boolean)"""

CLOCKS = "() => performance.timeOrigin + performance.now()"

HOPS = [
    ("page sent slider update -> kernel sets text", "page sent update", "set text"),
    ("main thread: setting the text", "set text", "text set"),
    ("made -> IOPub picks up", "made", "IOPub picks up"),
    ("IOPub picks up -> sent", "IOPub picks up", "IOPub sent"),
    ("IOPub picks up -> zmq probe received", "IOPub picks up", "zmq probe"),
    ("IOPub picks up -> server received", "IOPub picks up", "server received"),
    ("zmq probe received -> server loop woke", "zmq probe", "server loop woke"),
    ("server loop woke -> received", "server loop woke", "server received"),
    ("server received -> wrote", "server received", "server wrote"),
    ("server wrote -> page received", "server wrote", "page received"),
    ("page received -> handled", "page received", "page handled"),
    ("handled -> text shown", "page handled", "text shown"),
    ("kernel -> page (made -> handled)", "made", "page handled"),
]


def evaluate_in_kernel(page, expression: str) -> str:
    """The value of a Python expression in the page's kernel (a string)."""
    return ast.literal_eval(page.evaluate("""async code => {
        const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
        const future = kernel.requestExecute({code, silent: false, store_history: false});
        let result;
        future.onIOPub = msg => { if (msg.header.msg_type === 'execute_result') result = msg.content.data['text/plain']; };
        await future.done;
        return result;
    }""", expression))


def clock_offset(page, tries: int = 10) -> tuple[float, float]:
    """(page time, page clock - Python clock) in ms, from the round trip with the smallest spread."""
    best = None
    for _ in range(tries):
        before = time.time() * 1000
        page_time = page.evaluate(CLOCKS)
        after = time.time() * 1000
        if best is None or after - before < best[0]:
            best = (after - before, page_time, page_time - (before + after) / 2)
    return best[1:]


def to_python_clock(page_time: float, offsets: list[tuple[float, float]]) -> float:
    """A page time on the Python clock; the offset drifts a little (NTP), so it is interpolated."""
    for (t0, o0), (t1, o1) in zip(offsets, offsets[1:]):
        if page_time <= t1 or (t1, o1) == offsets[-1]:
            return page_time - (o0 + (o1 - o0) * (page_time - t0) / (t1 - t0))
    return page_time - offsets[-1][1]


def read_log(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def setting_interval(made: float, setting: list) -> dict:
    """When the kernel's main thread began and ended setting the text that made this message (ms)."""
    before, after = next(((b * 1000, a * 1000) for b, a in setting if b * 1000 <= made <= a * 1000),
                         (float("nan"), float("nan")))
    return {"set text": before, "text set": after}


def parse_date(date: str) -> float:
    """The kernel's ISO header date (microseconds, UTC) as ms since the epoch."""
    from datetime import datetime

    return datetime.fromisoformat(date.replace("Z", "+00:00")).timestamp() * 1000


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def run(presses: int, work: str, work_ms: float) -> dict:
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="nnbh-hop-"))
    (scratch / "chapters").mkdir()
    code = NOTEBOOK_CODE.format(modes=MODES, work=work, work_ms=work_ms)
    notebook = {"cells": [{"cell_type": "code", "metadata": {}, "source": code, "outputs": [], "execution_count": None}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    (scratch / "chapters" / "hop.ipynb").write_text(json.dumps(notebook))
    (scratch / "probe").mkdir()
    (scratch / "probe" / "nnbh_hop_probe.py").write_text(SERVER_PROBE)
    (scratch / "config").mkdir()
    (scratch / "config" / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"kernel_websocket_connection_class": "nnbh_hop_probe.TimedConnection"}}))
    log = scratch / "server-hops.jsonl"
    saved = {k: os.environ.get(k) for k in ("JUPYTER_CONFIG_PATH", "PYTHONPATH", "NNBH_HOP_LOG")}
    os.environ["JUPYTER_CONFIG_PATH"] = str(scratch / "config")  # read before the environment's own
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(scratch / "probe"), saved["PYTHONPATH"]]))
    os.environ["NNBH_HOP_LOG"] = str(log)
    loads, probe = [load()], None
    try:
        with lab_server.LabServer(scratch / "chapters") as lab, sync_playwright() as playwright:
            browser = lab_server.launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.add_init_script(PAGE_PROBE)
            lab_server.open_and_run(page, lab, "hop.ipynb")
            page.evaluate(INSTRUMENT)
            probe = subprocess.Popen([sys.executable, "-c", ZMQ_PROBE, evaluate_in_kernel(page, "connection_file()"),
                                      str(scratch / "zmq-probe.jsonl")])
            time.sleep(1)  # the subscription reaches the kernel
            offsets = [clock_offset(page)]
            page.locator(".widget-slider .noUi-handle").first.focus()
            for i in range(WARM_UP + len(MODES) * presses):
                shown = len(page.evaluate("() => window.nnbhShown"))
                page.keyboard.press("ArrowRight")
                page.wait_for_function(f"() => window.nnbhShown.length > {shown}", timeout=15_000)
                page.wait_for_function(
                    "() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'")
                if i % 20 == 0:
                    loads.append(load())
                    offsets.append(clock_offset(page))
            offsets.append(clock_offset(page))
            received = page.evaluate(READ_WS)
            handled = page.evaluate("() => window.nnbhHandled")
            page_sent = [to_python_clock(at, offsets) for at in page.evaluate("() => window.nnbhSent")]
            shown = page.evaluate("() => window.nnbhShown")
            sent = json.loads(evaluate_in_kernel(page, "sent_times()"))
            setting = json.loads(evaluate_in_kernel(page, "setting_times()"))
            version = browser.version
        loads.append(load())
        zmq_probe = {entry["id"]: entry["at"] * 1000 for entry in read_log(scratch / "zmq-probe.jsonl")}
        server = {entry["id"]: entry for entry in read_log(log) if "id" in entry}
    finally:
        if probe is not None:
            probe.terminate()
            probe.wait()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(scratch, ignore_errors=True)
    nan = float("nan")
    samples = []
    for message in [m for m in received if "data-mode=" in str(m.get("text"))][WARM_UP:]:
        # the text updates, made by on_value; the text shown is found by its "n = ..."
        found = re.search(r"data-mode='([^']*)'>(n = \d+:)", str(message["text"]))
        if message["type"] != "comm_msg" or not found or message["id"] not in server or message["id"] not in sent:
            continue
        made, at_server = parse_date(message["made"]), server[message["id"]]
        shown_at = next((at for at, text in shown if text.startswith(found[2])), None)
        samples.append({
            "id": message["id"], "mode": found[1], "protocol": message["protocol"],
            "server protocol": at_server["protocol"], "bytes": message["bytes"],
            "page sent update": max((at for at in page_sent if at <= made), default=nan),
            **setting_interval(made, setting),
            "made": made,
            "IOPub picks up": sent[message["id"]][0] * 1000,
            "IOPub sent": sent[message["id"]][1] * 1000,
            "zmq probe": zmq_probe.get(message["id"], nan),
            "server loop woke": at_server["loop woke"] * 1000 if at_server["loop woke"] else nan,
            "server received": at_server["received"] * 1000,
            "server wrote": at_server["wrote"] * 1000,
            "page received": to_python_clock(message["at"], offsets),
            "page handled": to_python_clock(handled.get(message["id"], nan), offsets),
            "text shown": to_python_clock(shown_at, offsets) if shown_at else nan,
        })
    return {"samples": samples, "offsets": offsets, "loads": loads, "chromium": version, "work": work, "work_ms": work_ms}


def run_kernel_only(presses: int, work: str, work_ms: float) -> dict:
    """The same updates without server and browser: a kernel, and a ZMQ subscriber in this process."""
    import zmq
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    loads = [load()]
    try:
        code = NOTEBOOK_CODE.format(modes=MODES, work=work, work_ms=work_ms)
        client.execute_interactive(code, timeout=120, output_hook=lambda msg: None)
        connection = json.loads(Path(manager.connection_file).read_text())
        socket = zmq.Context.instance().socket(zmq.SUB)
        socket.setsockopt(zmq.SUBSCRIBE, b"")
        socket.connect(f"{connection['transport']}://{connection['ip']}:{connection['iopub_port']}")
        time.sleep(1)
        received = []
        for i in range(WARM_UP + len(MODES) * presses):
            client.execute("slider.value += 1", silent=True)
            while True:
                parts = socket.recv_multipart()
                at = time.time() * 1000
                start = parts.index(b"<IDS|MSG>")
                header, content = json.loads(parts[start + 2]), json.loads(parts[start + 5])
                if header["msg_type"] == "comm_msg":
                    received.append({"id": header["msg_id"], "made": header["date"], "at": at,
                                     "text": content["data"].get("state", {}).get("value", "")})
                if header["msg_type"] == "status" and content["execution_state"] == "idle":
                    break
            if i % 20 == 0:
                loads.append(load())
        result = []
        client.execute_interactive("sent_times()", output_hook=lambda msg: result.append(msg))
        sent = json.loads(ast.literal_eval(next(m["content"]["data"]["text/plain"] for m in result
                                                if m["header"]["msg_type"] == "execute_result")))
        result = []
        client.execute_interactive("setting_times()", output_hook=lambda msg: result.append(msg))
        setting = json.loads(ast.literal_eval(next(m["content"]["data"]["text/plain"] for m in result
                                                   if m["header"]["msg_type"] == "execute_result")))
        loads.append(load())
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    samples = []
    for message in [m for m in received if "data-mode=" in str(m["text"])][WARM_UP:]:
        found = re.search(r"data-mode='([^']*)'", str(message["text"]))
        if found and message["id"] in sent:
            made = parse_date(message["made"])
            samples.append({"id": message["id"], "mode": found[1], "made": made, **setting_interval(made, setting),
                            "IOPub picks up": sent[message["id"]][0] * 1000, "IOPub sent": sent[message["id"]][1] * 1000,
                            "client received": message["at"]})
    return {"samples": samples, "loads": loads, "work": work, "work_ms": work_ms}


KERNEL_HOPS = [
    ("main thread: setting the text", "set text", "text set"),
    ("made -> IOPub picks up", "made", "IOPub picks up"),
    ("IOPub picks up -> sent", "IOPub picks up", "IOPub sent"),
    ("made -> client received", "made", "client received"),
]


def report(result: dict, modes: list[str]):
    samples = result["samples"]
    print(f"kernel work after the text update: {result['work']} {result['work_ms']} ms")
    print("machine: " + "; ".join(dict.fromkeys(result["loads"])))
    if "chromium" in result:
        print(f"Chromium {result['chromium']}; page clock - Python clock "
              f"{min(o for _, o in result['offsets']):+.2f} to {max(o for _, o in result['offsets']):+.2f} ms")
        protocols = {(s["protocol"], s["server protocol"]) for s in samples}
        print(f"websocket protocol (page, server): {sorted(protocols)}; "
              f"text message {statistics.median(s['bytes'] for s in samples):.0f} bytes")
    else:
        print("kernel only: the messages read by a ZMQ subscriber, no server, no browser")
    for mode in modes:
        chosen = [s for s in samples if s.get("mode") == mode]
        if not chosen:
            continue
        print(f"  {mode}: {len(chosen)} updates")
        for name, start, end in HOPS if "chromium" in result else KERNEL_HOPS:
            values = [s[end] - s[start] for s in chosen if s[end] == s[end] and s[start] == s[start]]
            if values:
                print(f"    {name:44s} p50 {percentile(values, 50):6.2f} ms   p95 {percentile(values, 95):6.2f} ms"
                      f"   (min {min(values):5.2f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40, help="key presses per kernel setting (default 40)")
    parser.add_argument("--work", choices=["python", "draw", "none"], default="python")
    parser.add_argument("--work-ms", type=float, default=30, help="busy time after the text update, python work")
    parser.add_argument("--kernel-only", action="store_true", help="no server, no browser: the kernel's part alone")
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    args = parser.parse_args()
    if args.kernel_only:
        result = run_kernel_only(args.presses, args.work, args.work_ms)
    elif lab_server.find_chromium() is None:
        sys.exit(f"No Chromium found: {lab_server.INSTALL_HINT}.")
    else:
        result = run(args.presses, args.work, args.work_ms)
    report(result, MODES)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
