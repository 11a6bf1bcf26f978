"""Install the course's Jupyter settings into the current environment (``sys.prefix``).

- ``jupyter-config/jupyter_server_config.json`` -> merged into ``etc/jupyter/jupyter_server_config.json``:
  the kernel websocket without Nagle's delay (see ``helpers/server.py``).
- ``jupyter-config/ipython_kernel_config.json`` -> merged into ``etc/ipython/ipython_kernel_config.json``:
  kernels load ``helpers.server`` as an extension, which sends each IOPub message before the
  code that sent it goes on (see ``send_iopub_at_once``).
- ``jupyter-config/overrides.json`` -> merged into ``share/jupyter/lab/settings/overrides.json``:
  the arrow keys move a focused slider in Notebook 7 instead of jumping between headings.

``make lab``, ``make test`` and Binder's ``postBuild`` run it; running it twice changes nothing.
"""

from __future__ import annotations

import json
import pathlib
import sys

SOURCE = pathlib.Path(__file__).resolve().parents[1] / "jupyter-config"


def install(prefix: pathlib.Path = pathlib.Path(sys.prefix)) -> None:
    # Only the main config file is read for server settings (the .d folder is for extensions).
    merge(SOURCE / "jupyter_server_config.json", prefix / "etc" / "jupyter" / "jupyter_server_config.json")
    merge(SOURCE / "ipython_kernel_config.json", prefix / "etc" / "ipython" / "ipython_kernel_config.json")
    merge(SOURCE / "overrides.json", prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json")
    print(f"Jupyter settings for the course installed in {prefix}")


def merge(source: pathlib.Path, target: pathlib.Path) -> None:
    """Add the settings of ``source`` to those already in ``target`` (two levels deep, lists joined)."""
    merged = json.loads(target.read_text()) if target.exists() else {}
    for section, values in json.loads(source.read_text()).items():
        current = merged.setdefault(section, {})
        for key, value in values.items():
            if isinstance(value, list):
                current[key] = current.get(key, []) + [v for v in value if v not in current.get(key, [])]
            else:
                current[key] = value
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(merged, indent=2) + "\n")


if __name__ == "__main__":
    install()
