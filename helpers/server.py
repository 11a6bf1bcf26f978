"""A Jupyter server setting that lets the widgets answer a key press or a drag at once.

The kernel's messages reach the browser over a websocket on which jupyter_server leaves Nagle's
algorithm on. A widget update is a few small messages in a row, and with Nagle a small message
can wait for the browser to acknowledge the previous one, which browsers delay by up to 40 ms.
Turning Nagle off for this socket halves the time from a key press to the new formula on screen
(measured with ``benchmarks/widget_latency.py``).

``jupyter-config/jupyter_server_config.json`` names this class as the server's
``kernel_websocket_connection_class``. ``tools/install_jupyter_config.py`` merges that file into the
environment's ``etc/jupyter/jupyter_server_config.json``; ``make lab``, ``make test`` and Binder's
``postBuild`` run it (``pip install`` alone does not).

Kernels load this module as an IPython extension (``jupyter-config/ipython_kernel_config.json``,
merged into ``etc/ipython/ipython_kernel_config.json`` by the same tool): ``send_iopub_at_once``.
"""

from __future__ import annotations

import threading

IOPUB_WAIT = 0.05  #: seconds a kernel's sender waits at most for its message to be on its way


def __getattr__(name: str):
    # The connection class is built on first use, so that a kernel loading this module as an
    # extension does not import jupyter_server (a quarter of a second).
    if name == "NoDelayWebsocketConnection":
        from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

        class NoDelayWebsocketConnection(ZMQChannelsWebsocketConnection):
            """jupyter_server's kernel websocket connection, with TCP_NODELAY set on the socket."""

            def connect(self):
                self.websocket_handler.set_nodelay(True)
                return super().connect()

        NoDelayWebsocketConnection.__module__, NoDelayWebsocketConnection.__qualname__ = __name__, name
        globals()[name] = NoDelayWebsocketConnection
        return NoDelayWebsocketConnection
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_ipython_extension(ipython) -> None:
    """In a kernel (``IPKernelApp.extensions``), make IOPub messages leave at once: see
    ``send_iopub_at_once``. Does nothing in a terminal IPython, which has no IOPub thread."""
    iopub_thread = getattr(getattr(ipython, "kernel", None), "iopub_thread", None)
    if iopub_thread is not None:
        send_iopub_at_once(iopub_thread)


def send_iopub_at_once(iopub_thread) -> None:
    """Make ``iopub_thread.send_multipart`` return once the IOPub thread has sent the message.

    ipykernel hands every IOPub message (a widget's new state, a status) to a thread of its own
    that sends it. That thread needs the GIL to wake up and again after each frame it sends
    (pyzmq releases the GIL around every send), and a kernel that goes on computing (an
    explorer drawing its picture right after setting its formula) hands the GIL over only when
    CPython's switch interval (5 ms) runs out. With the sender waiting, GIL released, the
    message leaves at once: from the kernel to a ZMQ subscriber, p50 3.5 -> 0.7 ms and p95
    28 -> 11 ms with 30 ms of work after it (``benchmarks/hop_latency.py --kernel-only``, busy
    2-core machine); the sender pays a thread hand-off (0.1 ms on an idle machine, 0.4 ms p50
    on that busy one). Messages sent from the IOPub thread itself, or when it is not running
    (a forked process), are left as they were; the wait is at most ``IOPUB_WAIT``. Applying it
    twice changes nothing.
    """
    schedule_send = iopub_thread.send_multipart
    if getattr(schedule_send, "__wrapped__", None) is not None:
        return

    def send_multipart(*args, **kwargs):
        schedule_send(*args, **kwargs)
        thread = iopub_thread.thread
        if threading.current_thread() is not thread and thread.is_alive():
            sent = threading.Event()
            iopub_thread.schedule(sent.set)  # runs after the send: the thread keeps the order
            sent.wait(IOPUB_WAIT)

    send_multipart.__wrapped__ = schedule_send
    iopub_thread.send_multipart = send_multipart
