"""Binder builds the course from environment.yml and postBuild, and every badge opens a chapter.

repo2docker (what Binder runs) writes its Dockerfile without building it when given --no-build,
so this needs neither Docker nor the network.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dockerfile(tmp_path_factory) -> str:
    repo2docker = pathlib.Path(sys.executable).with_name("jupyter-repo2docker")
    if not repo2docker.exists():
        repo2docker = shutil.which("jupyter-repo2docker")
    assert repo2docker, "jupyter-repo2docker is part of the test extra: pip install -e '.[test]'"
    # A clean copy of what is committed, as Binder would see it (no .venv, no caches).
    clone = tmp_path_factory.mktemp("binder") / "course"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    for name in ["environment.yml", "postBuild"]:  # the working copy, committed or not
        shutil.copy2(ROOT / name, clone / name)
    result = subprocess.run(
        [str(repo2docker), "--no-build", "--debug", "--user-id", "1000", "--user-name", "jovyan", str(clone)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout + result.stderr


def test_binder_builds_the_conda_environment_from_environment_yml(dockerfile):
    assert re.search(r'env update -p \$\{NB_PYTHON_PREFIX\} --file "environment.yml"', dockerfile)


def test_the_environment_is_built_before_the_course_is_copied_so_it_stays_cached(dockerfile):
    environment = dockerfile.index('--file "environment.yml"')
    whole_repository = dockerfile.index("COPY --chown=1000:1000 src/ ${REPO_DIR}/")
    assert environment < whole_repository


def test_binder_runs_postbuild_which_installs_helpers(dockerfile):
    assert "RUN ./postBuild" in dockerfile
    script = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps -e ." in script
    assert "tools/install_jupyter_config.py" in script


def repository() -> str:
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    return urls["Repository"].removeprefix("https://github.com/")


def test_every_chapter_has_a_binder_badge_that_opens_it_in_jupyterlab():
    readme = (ROOT / "README.md").read_text()
    badges = re.findall(rf"https://mybinder\.org/v2/gh/{re.escape(repository())}/HEAD\?urlpath=lab/tree/([^)\s]+)", readme)
    chapters = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").glob("*.ipynb"))
    assert set(chapters) <= set(badges), f"chapters without a badge: {sorted(set(chapters) - set(badges))}"
    for target in badges:
        assert (ROOT / target).exists(), f"a badge opens {target}, which does not exist"
