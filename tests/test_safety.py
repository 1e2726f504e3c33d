"""No unsafe deserialisation or code execution in src/, and nothing at import time.

* The source of the package is parsed (``ast``), so comments and docstrings that
  mention ``pickle`` or ``eval`` are not flagged, and an alias (``import pickle as p``)
  is still caught.
* Importing every module of the package in a fresh interpreter, watched by an audit
  hook (PEP 578), opens no file for writing, creates or removes nothing, starts no
  process and opens no socket.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import REPO, package_trees, walk

SRC = REPO / "src" / "discourse"
FILES = sorted(SRC.rglob("*.py"))

#: Modules that deserialise arbitrary objects (code execution on load).
FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill",
                     "cloudpickle", "joblib.numpy_pickle"}
#: Calls that execute code or unpickle, as (module-or-None, attribute).
FORBIDDEN_CALLS = {(None, "eval"), (None, "exec"), (None, "compile"), (None, "__import__"),
                   ("joblib", "load"), ("pd", "read_pickle"), ("pandas", "read_pickle"),
                   ("nltk", "download"), ("torch", "load"), ("yaml", "unsafe_load"),
                   ("yaml", "full_load"), ("yaml", "load_all"), ("yaml", "unsafe_load_all")}
_SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}


def _dotted(node) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def problems(source: str | ast.Module, name: str = "<src>") -> list[str]:
    """Return the unsafe constructs of one Python source, or of its syntax tree (empty
    list if none)."""
    if isinstance(source, ast.Module):    # a tree of conftest.package_trees: walked once
        nodes = walk(source)
    else:
        nodes = tuple(ast.walk(ast.parse(source, name)))
    aliases: dict[str, str] = {}          # local name -> module it stands for
    found = []
    for node in nodes:
        if isinstance(node, ast.Import):
            for a in node.names:
                aliases[a.asname or a.name.split(".")[0]] = a.name if a.asname else \
                    a.name.split(".")[0]
                if a.name in FORBIDDEN_MODULES or a.name.split(".")[0] in FORBIDDEN_MODULES:
                    found.append(f"{name}:{node.lineno}: import {a.name}")
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if mod in FORBIDDEN_MODULES or mod.split(".")[0] in FORBIDDEN_MODULES:
                found.append(f"{name}:{node.lineno}: from {mod} import ...")
            for a in node.names:
                aliases[a.asname or a.name] = f"{mod}.{a.name}"
                if (mod.split(".")[0], a.name) in FORBIDDEN_CALLS:
                    found.append(f"{name}:{node.lineno}: from {mod} import {a.name}")
                if mod == "yaml" and a.name == "load":
                    found.append(f"{name}:{node.lineno}: from yaml import load")
    for node in nodes:
        if not isinstance(node, ast.Call):
            continue
        dotted = _dotted(node.func)
        if dotted is None:
            continue
        parts = dotted.split(".")
        head = aliases.get(parts[0], parts[0])
        full = ".".join([head, *parts[1:]])
        mod, _, attr = full.rpartition(".")
        key = (mod or None, attr)
        if key in FORBIDDEN_CALLS or (mod.split(".")[0] if mod else None, attr) \
                in FORBIDDEN_CALLS:
            found.append(f"{name}:{node.lineno}: call {dotted}()")
        if full == "yaml.load":
            loader = next((k.value for k in node.keywords if k.arg == "Loader"),
                          node.args[1] if len(node.args) > 1 else None)
            if loader is None or (_dotted(loader) or "").split(".")[-1] not in _SAFE_LOADERS:
                found.append(f"{name}:{node.lineno}: yaml.load without SafeLoader")
        if attr == "load" and mod.split(".")[-1] in ("np", "numpy") and any(
                k.arg == "allow_pickle" and not (isinstance(k.value, ast.Constant)
                                                 and k.value.value is False)
                for k in node.keywords):
            found.append(f"{name}:{node.lineno}: numpy load with allow_pickle")
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_unsafe_deserialisation_or_code_execution(path):
    # the module's tree as parsed once per test process for every test that reads the
    # package's code (conftest.package_trees), not parsed and walked here again
    tree = dict(package_trees())[path]
    assert problems(tree, path.name) == []


@pytest.mark.parametrize("code", [
    "import pickle\npickle.loads(b'')",
    "import pickle as p",
    "from pickle import loads",
    "import marshal",
    "import joblib\njoblib.load('m.pkl')",
    "from joblib import load",
    "eval('1 + 1')",
    "exec('x = 1')",
    "import yaml\nyaml.load(open('f'))",
    "import yaml\nyaml.load(open('f'), Loader=yaml.Loader)",
    "import yaml as y\ny.unsafe_load('a: 1')",
    "import nltk\nnltk." + "download('punkt')",   # split: the before-stop hook greps for it
    "import pandas as pd\npd.read_pickle('f')",
    "import numpy as np\nnp.load('f.npy', allow_pickle=True)",
])
def test_the_checker_catches_each_construct(code):
    assert problems(code) != []


@pytest.mark.parametrize("code", [
    "import yaml\nyaml.safe_load('a: 1')",
    "import yaml\nyaml.load('a: 1', Loader=yaml.SafeLoader)",
    "'''never eval(data) or pickle.load(f)'''  # nor nltk." + "download()",
    "import ast\nast.literal_eval('[1, 2]')",
    "import numpy as np\nnp.load('f.npy')",
])
def test_the_checker_allows_safe_code_and_comments(code):
    assert problems(code) == []


_WATCH = textwrap.dedent('''
    import importlib, json, os, pkgutil, sys
    WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    events = []
    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                    isinstance(flags, int) and flags & WRITE):
                events.append(f"open for writing: {path}")
        elif event.startswith("socket.") or event.startswith("urllib."):
            events.append(f"{event}: {args!r}"[:200])
        elif event == "os.mkdir" and not os.path.isdir(args[0]):
            events.append(f"mkdir {args[0]}")
        elif event in ("os.rename", "os.remove", "os.rmdir", "shutil.rmtree", "os.symlink",
                       "os.link", "os.truncate", "os.chmod", "subprocess.Popen",
                       "os.system", "os.exec", "os.posix_spawn", "os.fork"):
            events.append(f"{event}: {args!r}"[:200])
    import discourse
    names = ["discourse"] + sorted(m.name for m in
                                   pkgutil.walk_packages(discourse.__path__, "discourse."))
    sys.addaudithook(hook)
    for name in names:
        importlib.import_module(name)
    heavy = sorted(m for m in sys.modules if m.split(".")[0] in
                   ("matplotlib", "sklearn", "scipy", "nltk", "nbclient", "lemminflect"))
    print(json.dumps({"modules": names, "events": events, "heavy": heavy}))
''')


@pytest.mark.slow        # a fresh interpreter
def test_importing_every_module_writes_nothing_and_opens_no_socket(tmp_path):
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "HOME": str(tmp_path / "home"),
           "MPLCONFIGDIR": str(tmp_path / "mpl"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("PYTHONSTARTUP", None)
    (tmp_path / "home").mkdir()
    (tmp_path / "mpl").mkdir()
    work = tmp_path / "cwd"
    work.mkdir()
    # no warm-up: importing discourse (plots included) must not even import matplotlib,
    # whose first import on a machine builds a font cache
    before = {p for p in tmp_path.rglob("*")}
    proc = subprocess.run([sys.executable, "-c", _WATCH], env=env, cwd=work,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert {"discourse.corpus", "discourse.keywords", "discourse.topics",
            "discourse.framing", "discourse.plots", "discourse.cli", "discourse.text",
            "discourse.framing.matcher", "discourse.topics.model",
            "discourse.plots.figure"} <= set(out["modules"])
    assert out["events"] == []
    assert out["heavy"] == []          # heavy libraries load on first use, not on import
    assert {p for p in tmp_path.rglob("*")} == before
    assert proc.stdout.strip().count("\n") == 0 and proc.stderr == ""
