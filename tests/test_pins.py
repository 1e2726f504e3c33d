"""The exact pins live in requirements.txt; pyproject.toml (with its extras) and
environment.yml agree; the package needs none of the test or notebook extras."""

from __future__ import annotations

import ast
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
            f"{req.name}=={pins[name]} in requirements.txt does not satisfy {req} in pyproject.toml")


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
    extras = {"pytest", "krippendorff", "playwright", "jupyterlab", "notebook", "IPython"}
    for path in sorted((REPO / "src" / "discourse").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
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
    assert [l for l in ci.splitlines() if l and not l.startswith("#")][-1] == "make test"
