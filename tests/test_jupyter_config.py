"""The course's Jupyter settings: installed into an environment, merged with what is there,
and the websocket connection class really turns Nagle's algorithm off."""

from __future__ import annotations

import json
import pathlib

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
