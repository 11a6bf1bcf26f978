"""environment.yml (conda, Binder) and pyproject.toml / constraints.txt (pip, make) agree."""

from __future__ import annotations

import pathlib
import re

import pytest
import yaml
from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]


def distribution_name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def conda_packages() -> dict[str, str]:
    """name -> pinned version, from environment.yml."""
    spec = yaml.safe_load((ROOT / "environment.yml").read_text())
    packages = {}
    for entry in spec["dependencies"]:
        assert isinstance(entry, str), "environment.yml should not install with pip: postBuild does"
        name, _, version = entry.partition("=")
        packages[name.strip().lower()] = version.strip()
    return packages


def pinned(python: str | None = None) -> dict[str, str]:
    """name -> version, from constraints.txt, for one Python (by default environment.yml's).

    A line may carry a marker (``numpy==2.2.6; python_version < "3.11"``); each package must be
    pinned exactly once for a given Python.
    """
    python = python or conda_packages()["python"]
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"python_version": python}):
                continue
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"not an exact pin: {line}"
            name = requirement.name.lower()
            assert name not in pins, f"{name} is pinned twice for Python {python}"
            pins[name] = spec.version
    return pins


def project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_environment_lists_every_runtime_dependency():
    missing = {distribution_name(r) for r in project()["dependencies"]} - set(conda_packages())
    assert not missing, f"in pyproject.toml but not in environment.yml: {sorted(missing)}"


def test_environment_lists_what_the_lab_needs():
    missing = {distribution_name(r) for r in project()["optional-dependencies"]["lab"]} - set(conda_packages())
    assert not missing, f"in the 'lab' extra but not in environment.yml: {sorted(missing)}"


def test_environment_uses_conda_forge_and_pins_each_package_with_a_comment():
    text = (ROOT / "environment.yml").read_text()
    assert yaml.safe_load(text)["channels"] == ["conda-forge"]
    for line in text.splitlines():
        if re.match(r"\s+- [a-z]", line) and "conda-forge" not in line:
            assert "#" in line, f"no comment saying what this is for: {line.strip()}"
            if not line.strip().startswith("- pip"):
                assert re.search(r"=\d", line), f"not pinned: {line.strip()}"


def test_environment_and_constraints_pin_the_same_versions():
    conda, pins = conda_packages(), pinned()
    differ = {name: (conda[name], pins[name]) for name in set(conda) & set(pins) if conda[name] != pins[name]}
    assert not differ, f"environment.yml and constraints.txt disagree (conda, pip): {differ}"


@pytest.mark.parametrize("python", [None, "3.10"], ids=["environment.yml's Python", "Python 3.10"])
def test_every_dependency_is_pinned_in_constraints(python):
    names = {distribution_name(r) for r in project()["dependencies"]}
    for extra in project()["optional-dependencies"].values():
        names |= {distribution_name(r) for r in extra}
    missing = names - set(pinned(python))
    assert not missing, f"not pinned in constraints.txt for Python {python or 'of environment.yml'}: {sorted(missing)}"


def test_postbuild_installs_helpers_without_touching_the_environment():
    script = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps -e ." in script
    assert (ROOT / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"
