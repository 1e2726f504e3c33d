"""discourse.results: one registry of result names, used instead of literals elsewhere."""

from __future__ import annotations

import ast
import re

import json

import pytest

from discourse import reproduce, results

from conftest import REPO, package_trees, walk

ALL = (*results.TABLES, *results.TEXTS, *results.FIGURES)


def test_names_are_unique_and_described():
    names = [o.name for o in ALL]
    assert len(names) == len(set(names))
    for o in ALL:
        assert o.kind in ("table", "text", "figure") and len(o.description) > 10, o.name
        assert re.fullmatch(r"[0-9a-z{}.-]+", o.name), o.name
    assert results.FRAMING_SHARES.ref == "results/framing-shares-by-year.csv"
    assert results.FIG_FRAME_SHARES.ref == "figures/04-frame-shares-by-year.png"
    assert results.MANIFEST.ref == "results/manifest.json"
    assert results.KEYWORDS_KEYNESS.path("/x").as_posix() == "/x/keywords-keyness.csv"
    assert results.FIG_ROLES.path("/y").as_posix() == "/y/04-roles.png"


def test_kwic_names_and_lookup():
    assert results.kwic("member state").file == "keywords-kwic-member-state.csv"
    assert results.by_name("framing-codes") is results.FRAMING_CODES
    with pytest.raises(KeyError, match="'framing-kodes' is not a registered result name"):
        results.by_name("framing-kodes")


@pytest.mark.parametrize("term, file", [
    ("covid-19", "keywords-kwic-covid-19.csv"), ("UN", "keywords-kwic-un.csv"),
    ("U.S.", "keywords-kwic-u-s.csv"), ("../../etc/passwd", "keywords-kwic-etc-passwd.csv"),
    ("a/b", "keywords-kwic-a-b.csv"), ("Belt and Road", "keywords-kwic-belt-and-road.csv"),
    ("snake_case", "keywords-kwic-snake-case.csv"), ("état", "keywords-kwic-état.csv")])
def test_a_kwic_table_of_any_term_is_a_file_inside_the_results_folder(tmp_path, term, file):
    out = results.kwic(term)
    assert out.file == file
    assert out.path(tmp_path).parent == tmp_path


def test_kwic_terms_without_a_name_or_with_one_name_are_refused():
    for term in ("...", "/", " ", "__"):
        with pytest.raises(ValueError, match="has no letter or digit"):
            results.kwic(term)
    with pytest.raises(ValueError, match=r"terms 'U\.S\.' and 'u s' would be written to "
                                         r"one file, keywords-kwic-u-s\.csv"):
        results.kwic_outputs(["sco", "U.S.", "u s"])
    assert list(results.kwic_outputs(["sco", "sco", "un"])) == ["sco", "un"]


def test_every_figure_has_a_caption():
    readme = (REPO / "figures" / "README.md").read_text(encoding="utf-8")
    assert [o.name for o in results.FIGURES if f"`{o.name}.png`" not in readme] == []


def _files():
    return {o.file for o in ALL if "{" not in o.name} | {o.name for o in results.FIGURES}


def _literals(tree):
    docstrings = {id(n.body[0].value) for n in walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr)
                  and isinstance(n.body[0].value, ast.Constant)}
    return [n for n in walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and id(n) not in docstrings]


def test_the_package_spells_result_names_only_in_the_registry():
    names = _files()
    for path, tree in package_trees():
        if path.name == "results.py":
            continue
        for node in _literals(tree):
            found = [n for n in names if n in node.value]
            assert found == [], (path.name, node.lineno, found)


@pytest.mark.parametrize("notebook", sorted((REPO / "notebooks").glob("[0-9]*.ipynb")),
                         ids=lambda p: p.name)
def test_notebooks_spell_result_names_only_through_the_registry(notebook):
    names = _files()
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert [n for n in names if n in code] == []
    assert not re.search(r"""["'][\w./-]+\.(csv|png|svg|md)["']""",
                         code.replace("frames_heldout.csv", "").replace("frames_dev.csv", ""))


def test_strays_are_the_files_no_registered_output_names(tmp_path):
    res, fig = tmp_path / "results", tmp_path / "figures"
    (res / ".provenance").mkdir(parents=True)
    (res / "run" / "nb").mkdir(parents=True)
    fig.mkdir()
    keep = [results.KEYWORDS_KEYNESS.path(res), res / ".provenance" / "keywords-keyness.csv.json",
            results.kwic("member state").path(res), results.MANIFEST.path(res),
            res / "README.md", results.FIG_ROLES.path(fig), fig / "04-roles.svg",
            fig / "README.md", res / ".keywords-keyness.csv.tmp", res / "run" / "nb" / "01.ipynb"]
    stray = [res / "framing-supervised.csv", res / ".provenance" / "framing-supervised.csv.json",
             fig / "04-old.png", res / "keywords-keyness.csv.bak"]
    for p in keep + stray:
        p.write_text("x", encoding="utf-8")
    listed = reproduce.output_checksums(res, fig, exclude=(res / "run",))
    assert results.strays(listed) == [
        "figures/04-old.png", "results/.provenance/framing-supervised.csv.json",
        "results/framing-supervised.csv", "results/keywords-keyness.csv.bak"]
    assert "results/run/nb/01.ipynb" in results.strays(reproduce.output_checksums(res, fig))


def test_the_repository_outputs_hold_no_stray_file():
    # a committed table that no step writes any more would be cited as a result
    assert results.strays(reproduce.output_checksums(
        REPO / "results", REPO / "figures", exclude=(REPO / "results" / "notebooks",))) == []
