"""The course's Jupyter settings: installed into an environment, merged with what is there,
the websocket connection class really turns Nagle's algorithm off, and kernels send each IOPub
message before the code that sent it goes on."""

from __future__ import annotations

import json
import pathlib
import queue
import sys
import threading
import time
import types

from tools import install_jupyter_config

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_install_writes_both_settings_and_keeps_what_was_there(tmp_path):
    overrides = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True)
    overrides.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    install_jupyter_config.install(tmp_path)
    install_jupyter_config.install(tmp_path)  # twice: nothing doubles

    server = json.loads((tmp_path / "etc" / "jupyter" / "jupyter_server_config.json").read_text())
    assert server["ServerApp"]["kernel_websocket_connection_class"] == "helpers.server.NoDelayWebsocketConnection"
    settings = json.loads(overrides.read_text())
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    shortcuts = settings["@jupyterlab/shortcuts-extension:shortcuts"]["shortcuts"]
    assert sorted(s["keys"][0] for s in shortcuts) == ["ArrowLeft", "ArrowRight"]
    assert all(s["disabled"] for s in shortcuts)


def test_the_installed_config_makes_the_server_use_the_no_delay_connection(tmp_path):
    from jupyter_server.serverapp import ServerApp
    from traitlets.config.loader import JSONFileConfigLoader

    from helpers.server import NoDelayWebsocketConnection

    install_jupyter_config.install(tmp_path)
    config = JSONFileConfigLoader("jupyter_server_config.json", path=str(tmp_path / "etc" / "jupyter")).load_config()
    assert ServerApp(config=config).kernel_websocket_connection_class is NoDelayWebsocketConnection


def test_the_connection_sets_nodelay_before_connecting(monkeypatch):
    from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

    from helpers.server import NoDelayWebsocketConnection

    calls = []

    class Handler:
        def set_nodelay(self, value):
            calls.append(("nodelay", value))

    monkeypatch.setattr(ZMQChannelsWebsocketConnection, "connect", lambda self: calls.append(("connect",)))
    monkeypatch.setattr(NoDelayWebsocketConnection, "websocket_handler", Handler())
    NoDelayWebsocketConnection.__new__(NoDelayWebsocketConnection).connect()
    assert calls == [("nodelay", True), ("connect",)]


def test_install_makes_kernels_load_the_extension_and_keeps_other_extensions(tmp_path):
    from ipykernel.kernelapp import IPKernelApp
    from traitlets.config.loader import JSONFileConfigLoader

    kernel_config = tmp_path / "etc" / "ipython" / "ipython_kernel_config.json"
    kernel_config.parent.mkdir(parents=True)
    kernel_config.write_text(json.dumps({"IPKernelApp": {"extensions": ["autoreload"]}}))
    install_jupyter_config.install(tmp_path)
    install_jupyter_config.install(tmp_path)

    config = JSONFileConfigLoader("ipython_kernel_config.json", path=str(kernel_config.parent)).load_config()
    assert IPKernelApp(config=config).extensions == ["autoreload", "helpers.server"]


class SlowIOPubThread:
    """Stands for ipykernel's IOPubThread: a thread that runs what it is given, in order, a little late."""

    def __init__(self):
        self.queue, self.sent, self.scheduled = queue.Queue(), [], 0
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while (function := self.queue.get()) is not None:
            time.sleep(0.005)
            function()

    def schedule(self, function):
        self.scheduled += 1
        self.queue.put(function)

    def send_multipart(self, message):
        self.schedule(lambda: self.sent.append(message))

    def stop(self):
        self.queue.put(None)
        self.thread.join()


def test_a_message_is_sent_when_send_multipart_returns():
    from helpers.server import send_iopub_at_once

    iopub = SlowIOPubThread()
    send_iopub_at_once(iopub)
    send_iopub_at_once(iopub)  # twice: still one wrapper
    assert not hasattr(iopub.send_multipart.__wrapped__, "__wrapped__")
    for k in range(3):
        iopub.send_multipart([b"update", bytes([k])])
        assert iopub.sent[-1] == [b"update", bytes([k])]  # already sent, in order
    iopub.stop()


def test_the_iopub_thread_itself_and_a_stopped_thread_never_wait():
    from helpers.server import send_iopub_at_once

    iopub = SlowIOPubThread()
    send_iopub_at_once(iopub)
    done = threading.Event()
    iopub.schedule(lambda: (iopub.send_multipart([b"from the IOPub thread"]), done.set()))
    done.wait(5)
    assert iopub.scheduled == 2  # the function and its send, no wait scheduled
    iopub.stop()  # as in a forked process: the thread is gone, so nothing would run a wait
    iopub.send_multipart([b"after stop"])
    assert iopub.scheduled == 3


def test_the_extension_wraps_a_kernel_and_leaves_a_terminal_alone():
    from helpers import server

    iopub = SlowIOPubThread()
    server.load_ipython_extension(types.SimpleNamespace(kernel=types.SimpleNamespace(iopub_thread=iopub)))
    assert hasattr(iopub.send_multipart, "__wrapped__")
    server.load_ipython_extension(types.SimpleNamespace())  # terminal IPython: no kernel
    iopub.stop()


def test_a_kernel_of_this_environment_sends_iopub_at_once():
    from jupyter_client.manager import start_new_kernel

    output = []
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = client.execute_interactive(
            "import sys; print(sys.prefix, hasattr(get_ipython().kernel.iopub_thread.send_multipart, '__wrapped__'),"
            " sep='\\n')",
            timeout=60, output_hook=output.append,
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert reply["content"]["status"] == "ok"
    text = "".join(m["content"].get("text", "") for m in output if m["header"]["msg_type"] == "stream")
    assert text.splitlines() == [sys.prefix, "True"], (
        f"the kernel printed {text!r}: run `python tools/install_jupyter_config.py` in this environment")
