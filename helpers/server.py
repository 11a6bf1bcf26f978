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
"""

from __future__ import annotations

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection


class NoDelayWebsocketConnection(ZMQChannelsWebsocketConnection):
    """jupyter_server's kernel websocket connection, with TCP_NODELAY set on the socket."""

    def connect(self):
        self.websocket_handler.set_nodelay(True)
        return super().connect()
