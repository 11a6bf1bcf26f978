"""A real JupyterHub on 127.0.0.1 for the classroom test: students, their servers, the course's remote.

The hub runs as docs/teaching.md describes a small hub: JupyterHub with configurable-http-proxy, a
URL prefix (``/course/``), a dummy authenticator for a fixed list of students, and local process
spawners whose single-user servers come from this environment (so they have the course's packages,
its ``helpers``, nbgitpuller and the course's Jupyter settings, installed by ``make test``).

Where the tests run as root with ``useradd`` and a Python that every user can run, each student is a
real system user with a home of their own (mode 0700, as the guide advises), and
``LocalProcessSpawner`` runs their server as that user. Elsewhere ``SimpleLocalProcessSpawner`` runs
every server as the current user, each with its own home folder, and the hub cannot show that
students are kept apart.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

# The browser tests' helpers (JupyterLab in the page, Chromium), shared with tests/browser.
from tools import lab_server

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
# Where `make test` installs configurable-http-proxy (npm install --prefix .venv/node).
PROXY = Path(sys.prefix) / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
PREFIX = "/course/"  # the hub's URL prefix (JupyterHub.base_url), as on a hub shared with other services
PROXY_HINT = (
    "run `make test`, which installs it with `npm install --prefix .venv/node configurable-http-proxy` "
    "(needs Node.js and npm: `apt-get install nodejs npm`)"
)


def missing_piece() -> str | None:
    """What keeps a hub from starting here, or None."""
    try:
        import jupyterhub  # noqa: F401
        import nbgitpuller  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed: run `make test` (the test extra installs jupyterhub and nbgitpuller)"
    if not os.access(PROXY, os.X_OK):
        return f"configurable-http-proxy is not at {PROXY}: {PROXY_HINT}"
    if shutil.which("git") is None:
        return "git is not installed (nbgitpuller needs it): `apt-get install git`"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_folder(path: Path) -> Path | None:
    """The first folder from / down to ``path`` that other users cannot enter, or None."""
    for folder in (*reversed(path.parents), path):
        if not folder.stat().st_mode & 0o001:
            return folder
    return None


def students_python() -> Path | None:
    """A Python of this environment's version that every user can run: this environment's own, or the system's."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for python in (Path(os.path.realpath(sys.executable)), Path("/usr/bin") / version):
        if python.name == version and os.access(python, os.X_OK) and closed_folder(python) is None:
            return python
    return None


def can_make_users() -> str | None:
    """None if the test may create system users that can run this environment's servers; else why not."""
    if os.geteuid() != 0:
        return "the tests do not run as root, so they cannot create system users"
    if not (shutil.which("useradd") and shutil.which("userdel") and shutil.which("runuser")):
        return "useradd, userdel or runuser is missing"
    if (closed := closed_folder(Path(sys.prefix))) or (closed := closed_folder(REPO)):
        return f"{closed} is closed to other users, so a student's server could not use this environment"
    if students_python() is None:
        python = os.path.realpath(sys.executable)
        return (f"this environment's Python ({python}) is in {closed_folder(Path(python))}, which is closed to "
                f"other users, and there is no /usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    return None


def students_environment(folder: Path) -> Path:
    """The bin folder of an environment that every student can run, with this environment's packages.

    If this environment's own Python is open to everyone, that is this environment. Otherwise (a Python
    under /root, as pyenv installs it for root) a virtual environment of the system's Python of the same
    version, which reads this environment's packages (a .pth file) and its Jupyter settings, lab
    extensions and kernels (its etc/jupyter and share/jupyter are links to this environment's).
    """
    python = students_python()
    if python == Path(os.path.realpath(sys.executable)):
        return VENV_BIN
    subprocess.run([str(python), "-m", "venv", "--without-pip", str(folder)], check=True)
    site_packages = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
    ours = next(folder.glob("lib/python3*/site-packages"))
    (ours / "nn_by_hand_environment.pth").write_text(f"import site; site.addsitedir({str(site_packages)!r})\n")
    for shared in ("etc/jupyter", "share/jupyter"):
        (folder / shared).parent.mkdir(parents=True, exist_ok=True)
        (folder / shared).symlink_to(Path(sys.prefix) / shared)
    subprocess.run(["chmod", "-R", "a+rX", str(folder)], check=True)
    return folder / "bin"


class Hub:
    """A JupyterHub serving ``students``, with a bare clone of this repository as the course's remote."""

    def __init__(self, students: list[str], real_users: bool):
        self.tmp = Path(tempfile.mkdtemp(prefix="nnbh-hub-"))
        self.tmp.chmod(0o755)  # students reach their homes and the remote through it
        suffix = os.urandom(3).hex()
        self.real_users = real_users
        # system user names are short and unique to this run, so no earlier run's user can clash
        self.students = [f"nnbh{name}{suffix}" if real_users else name for name in students]
        self.homes = {name: self.tmp / "home" / name for name in self.students}
        self.remote = self.tmp / "remote" / "nn-by-hand.git"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}{PREFIX.rstrip('/')}"
        self.log = self.tmp / "hub.log"
        self.process = None
        self.created_users: list[str] = []
        self.bin = VENV_BIN  # the students' servers run this environment's Python

    # --- set-up -------------------------------------------------------------------------------
    def make_remote(self):
        """A bare clone of this repository's HEAD, the way a teacher's repository would be."""
        self.remote.parent.mkdir(parents=True)
        subprocess.run(["git", "clone", "--quiet", "--bare", "--no-local", str(REPO), str(self.remote)], check=True)
        subprocess.run(["git", "-C", str(self.remote), "branch", "-f", "main", "HEAD"], check=True,
                       capture_output=True)
        subprocess.run(["git", "-C", str(self.remote), "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
        subprocess.run(["chmod", "-R", "a+rX", str(self.remote.parent)], check=True)

    def teacher_commits(self, path: str, text: str, message: str):
        """The teacher adds a file to the course's remote (through a working clone, then a push)."""
        work = self.tmp / "teacher"
        if not work.exists():
            subprocess.run(["git", "clone", "--quiet", str(self.remote), str(work)], check=True)
        (work / path).write_text(text)
        git = ["git", "-C", str(work), "-c", "user.name=Teacher", "-c", "user.email=teacher@example.edu"]
        subprocess.run(git + ["add", path], check=True)
        subprocess.run(git + ["commit", "--quiet", "-m", message], check=True)
        subprocess.run(git + ["push", "--quiet", "origin", "HEAD:main"], check=True)
        subprocess.run(["chmod", "-R", "a+rX", str(self.remote)], check=True)

    def make_homes(self):
        for name, home in self.homes.items():
            home.parent.mkdir(parents=True, exist_ok=True)
            if self.real_users:
                # HOME_MODE 0700: Debian's default (UMASK 022) would make every home readable by all
                subprocess.run(["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash",
                                "-K", "HOME_MODE=0700", name], check=True)
                self.created_users.append(name)
            else:
                home.mkdir()
            for plugin, values in lab_server.SETTINGS.items():  # a quiet Lab, as in the browser tests
                file = home / ".jupyter" / "lab" / "user-settings" / f"{plugin}.jupyterlab-settings"
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_text(json.dumps(values))
            if self.real_users:
                # git refuses a repository on disk owned by another user (here root, as the teacher)
                # unless the user's global git settings name it as safe
                (home / ".gitconfig").write_text(f"[safe]\n\tdirectory = {self.remote}\n")
                subprocess.run(["chown", "-R", f"{name}:{name}", str(home)], check=True)

    def config(self) -> str:
        spawner = "localprocess" if self.real_users else "simple"
        args = [
            # window.jupyterapp, so that the test can run the notebook's cells and read its model
            "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True",
            # the log then names every configuration file the server loads
            "--debug",
        ]
        if not self.real_users and os.geteuid() == 0:
            args.append("--allow-root")
        environment = {
            # matplotlib's font cache: reuse the one the test runner has, or each server builds its own
            "MPLCONFIGDIR": str(self.tmp / "matplotlib") if self.real_users else os.environ.get(
                "MPLCONFIGDIR", str(Path.home() / ".cache" / "matplotlib")),
        }
        if self.real_users:  # the students' own Python first (this environment's may be closed to them)
            environment["PATH"] = f"{self.bin}:/usr/local/bin:/usr/bin:/bin"
        settings = {
            "JupyterHub.ip": "127.0.0.1",
            "JupyterHub.port": self.port,
            "JupyterHub.base_url": PREFIX,
            "JupyterHub.hub_ip": "127.0.0.1",
            "JupyterHub.hub_port": free_port(),
            "JupyterHub.db_url": f"sqlite:///{self.tmp / 'jupyterhub.sqlite'}",
            "JupyterHub.cookie_secret_file": str(self.tmp / "jupyterhub_cookie_secret"),
            "JupyterHub.authenticator_class": "dummy",
            "JupyterHub.spawner_class": spawner,
            "Authenticator.allowed_users": set(self.students),
            "ConfigurableHTTPProxy.command": [str(PROXY)],
            "ConfigurableHTTPProxy.api_url": f"http://127.0.0.1:{free_port()}",
            "ConfigurableHTTPProxy.pid_file": str(self.tmp / "proxy.pid"),
            "Spawner.cmd": [str(self.bin / "python"), "-m", "jupyterhub.singleuser"],
            "Spawner.args": args,
            "Spawner.default_url": "/lab",
            "Spawner.environment": environment,
            "Spawner.start_timeout": 120,
            "Spawner.http_timeout": 120,
            "SimpleLocalProcessSpawner.home_dir_template": str(self.tmp / "home" / "{username}"),
        }
        return "\n".join(f"c.{key} = {value!r}" for key, value in settings.items()) + "\n"

    def start(self, timeout: float = 60) -> Hub:
        if self.real_users:
            self.bin = students_environment(self.tmp / "environment")
        self.make_remote()
        self.make_homes()
        if self.real_users:
            cache = self.tmp / "matplotlib"  # shared by the students, like /tmp
            cache.mkdir()
            cache.chmod(0o1777)
        (self.tmp / "jupyterhub_config.py").write_text(self.config())
        env = dict(os.environ, PATH=f"{VENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}")
        for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR"):
            env.pop(name, None)
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [str(VENV_BIN / "jupyterhub"), "-f", str(self.tmp / "jupyterhub_config.py")],
                cwd=self.tmp, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyterhub exited early:\n{self.log_text()[-4000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api/", timeout=5) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"jupyterhub did not answer within {timeout} s:\n{self.log_text()[-4000:]}")

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def run_as(self, student: str, *command: str) -> subprocess.CompletedProcess:
        """Run a command as a student's system user (real users only)."""
        return subprocess.run(["runuser", "-u", student, "--", *command], capture_output=True, text=True)

    def server_pids(self) -> list[int]:
        """The pids of the single-user servers the hub has started, from the spawners' state in its database."""
        import sqlite3

        try:
            with sqlite3.connect(self.tmp / "jupyterhub.sqlite") as db:
                states = [row[0] for row in db.execute("SELECT state FROM spawners")]
        except sqlite3.Error:
            return []
        return [pid for state in states if (pid := json.loads(state or "{}").get("pid"))]

    def stop(self):
        servers = self.server_pids()
        if self.process and self.process.poll() is None:
            self.process.terminate()  # the hub stops the proxy and, on SIGTERM, the single-user servers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        # a server the hub did not stop (it was killed, say): SIGTERM, so that it shuts its kernels down
        for pid in servers:
            for signal, wait in ((15, 10), (9, 1)):
                try:
                    os.kill(pid, signal)
                except ProcessLookupError:
                    break
                deadline = time.monotonic() + wait
                while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
                    time.sleep(0.2)
        # the hub stops the servers it spawned as it exits; any process of a student still left
        # (after a crash) is ended by its pid before the student's user is removed
        for name in self.created_users:
            pids = subprocess.run(["ps", "-o", "pid=", "-u", name], capture_output=True, text=True).stdout.split()
            for pid in pids:
                try:
                    os.kill(int(pid), 9)
                except ProcessLookupError:
                    pass
            subprocess.run(["userdel", "--remove", name], capture_output=True)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def pwd_uid(name: str) -> int:
    import pwd

    return pwd.getpwnam(name).pw_uid
