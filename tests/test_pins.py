"""The exact pins live in requirements.txt; pyproject.toml and environment.yml agree."""

from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement

from conftest import REPO


def _pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)", line)
        assert m, f"requirements.txt: {line!r} is not an exact pin (name==version)"
        pins[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return pins


def test_every_requirement_is_an_exact_pin_and_unique():
    lines = [l.split("#", 1)[0].strip() for l in
             (REPO / "requirements.txt").read_text().splitlines()]
    names = [re.sub(r"[-_.]+", "-", l.split("==")[0]).lower() for l in lines if l]
    assert len(names) == len(set(names))
    assert len(_pins()) > 50          # a full lock, not only the direct dependencies


def test_pyproject_dependencies_are_pinned_and_satisfied():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    pins = _pins()
    for spec in project["dependencies"]:
        req = Requirement(spec)
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        assert name in pins, f"{req.name} is in pyproject.toml but not pinned in requirements.txt"
        assert req.specifier.contains(pins[name]), (
            f"{req.name}=={pins[name]} in requirements.txt does not satisfy {req} in pyproject.toml")
    required = {"jupyterlab", "nltk", "scikit-learn", "matplotlib", "pandas", "pytest", "nbclient"}
    declared = {re.sub(r"[-_.]+", "-", Requirement(s).name).lower() for s in project["dependencies"]}
    assert required <= declared


def test_environment_yml_refers_to_the_same_pins():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    deps = env["dependencies"]
    python = [d for d in deps if isinstance(d, str) and d.startswith("python")]
    assert python == ["python=3.11"]
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert Requirement(f"python{project['requires-python']}").specifier.contains("3.11.7")
    pip = [d["pip"] for d in deps if isinstance(d, dict) and "pip" in d]
    assert pip == [["-r requirements.txt", "-e ."]]
    # conda must not pin any package on its own (that is how the two files drift)
    assert all(d in ("pip",) or d.startswith("python=") for d in deps if isinstance(d, str))


def test_makefile_installs_from_the_lock_file():
    make = (REPO / "Makefile").read_text()
    assert "pip install --quiet --disable-pip-version-check -r requirements.txt" in make
    assert "--no-deps" in make
    ci = (REPO / ".ci" / "run").read_text()
    assert [l for l in ci.splitlines() if l and not l.startswith("#")][-1] == "make test"
