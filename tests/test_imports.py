"""The module graph of the package: acyclic (deferred imports included), leaves that are
leaves, and no module reaching into another's private names."""

from __future__ import annotations

import ast
import functools

import pytest

from conftest import REPO, package_trees, walk

SRC = REPO / "src"


def _module_name(path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    return {_module_name(p): p.read_text(encoding="utf-8")
            for p in sorted((SRC / "discourse").rglob("*.py"))}


@functools.lru_cache(maxsize=None)
def _tree(source: str) -> ast.Module:
    """The syntax tree of ``source``: the package's modules' are those parsed once per
    test process for every test that reads the code (``conftest.package_trees``)."""
    return _package_trees_by_source().get(source) or ast.parse(source)


@functools.lru_cache(maxsize=1)
def _package_trees_by_source() -> dict[str, ast.Module]:
    return {p.read_text(encoding="utf-8"): tree for p, tree in package_trees()}


def import_graph(sources: dict[str, str]) -> dict[str, set[str]]:
    """``{module: modules of the package it imports}``, from every import statement
    anywhere in the module (inside functions too)."""
    graph: dict[str, set[str]] = {name: set() for name in sources}
    for name, source in sources.items():
        for node in walk(_tree(source)):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in sources
                           else node.module for a in node.names]
            else:
                continue
            graph[name] |= {t for t in targets if t in sources and t != name}
    return graph


@functools.lru_cache(maxsize=1)
def _package_graph() -> dict[str, frozenset[str]]:
    """The import graph of the package's sources, built once per test session."""
    return {k: frozenset(v) for k, v in import_graph(_sources()).items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph as a list of modules (first = last), or ``None``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_checker_finds_a_hidden_cycle():
    sources = {"discourse": "", "discourse.a": "from discourse import b\n",
               "discourse.b": "def f():\n    from discourse.a import x\n"}
    assert find_cycle(import_graph(sources)) == ["discourse.a", "discourse.b", "discourse.a"]
    sources["discourse.b"] = "def f():\n    import os\n"
    assert find_cycle(import_graph(sources)) is None


def test_the_package_has_no_import_cycle():
    graph = _package_graph()
    assert find_cycle(graph) is None
    # the old hidden circle: corpus and preprocess each imported the other
    assert "discourse.preprocess" not in graph["discourse.corpus"]


@pytest.mark.parametrize("module,allowed", [
    ("discourse.text", {"discourse.nltk_plain", "discourse.sentence_split",
                        "discourse.lemma_table"}),
    ("discourse.lemma_table", set()),
    ("discourse.sentence_split", {"discourse.punkt_direct"}),  # Punkt's decisions
    ("discourse.punkt_direct", {"discourse.nltk_plain"}),     # Punkt's plain patterns
    ("discourse.nltk_plain", set()),
    ("discourse.checks", set()),
    ("discourse.stats", {"discourse.multiplicity"}),
    ("discourse.multiplicity", {"discourse.checks"}),
    ("discourse.paths", set()),
    ("discourse.lexicons", {"discourse.paths"}),
    ("discourse.results", {"discourse.paths"}),
])
def test_leaves_import_nothing_else_of_the_package(module, allowed):
    assert _package_graph()[module] <= allowed


def test_no_module_uses_another_modules_private_names():
    sources = _sources()
    found = []
    for name, source in sources.items():
        tree = _tree(source)
        aliases = {}
        for node in walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and \
                    node.module.startswith("discourse"):
                for a in node.names:
                    if a.name.startswith("_") and not a.name.startswith("__"):
                        found.append(f"{name}: from {node.module} import {a.name}")
                    if f"{node.module}.{a.name}" in sources:
                        aliases[a.asname or a.name] = f"{node.module}.{a.name}"
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("discourse"):
                        aliases[a.asname or a.name] = a.name
        for node in walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id in aliases and node.attr.startswith("_") \
                    and not node.attr.startswith("__"):
                found.append(f"{name}: {node.value.id}.{node.attr}")
    assert found == []


def test_modules_are_small_and_declare_their_names():
    for path in sorted((SRC / "discourse").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) <= 425, (path.name, len(lines))      # "about 400"
        if path.name != "__main__.py":
            assert any(line.startswith("__all__") for line in lines), path
        assert not any("above this line" in line or line.startswith("__all__ +=")
                       for line in lines), path
