"""``[NOTEBOOK:]NAME=VALUE`` settings of the notebooks' parameters (``discourse
reproduce --param``), read against the notebooks' own parameters cells."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from discourse import cli
from discourse.notebook import ReproduceUsageError, parse_parameters

ROOT = Path(__file__).resolve().parents[1]


def _write(path, source):
    cell = new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    nbformat.write(new_notebook(cells=[cell]), path)


@pytest.fixture
def nbdir(tmp_path):
    d = tmp_path / "nb"
    d.mkdir()
    _write(d / "01-corpus.ipynb", "CORPUS_DIR = None\nLAYER = 'cleaned'\nSEED = 1")
    _write(d / "02-keywords.ipynb", "LAYER = 'cleaned'\nTARGET = None\nTERMS = ['sco']\n"
                                    "ALPHA = 0.05\nN_BOOT = 100\nKEEP = False")
    _write(d / "03-topics.ipynb", "K = 5\nSEED = 1")
    return d


def test_values_are_literals_of_the_notebooks_types(nbdir):
    got = parse_parameters(['02:TERMS=["asean", "trade"]', "02-keywords:TARGET=2035",
                            "03:K=6", "02:ALPHA=1", "02:N_BOOT=1e3", "02:KEEP=True"],
                           nbdir)
    # numbers take the notebook's type: 1 for a float is 1.0, a whole 1e3 for an int 1000
    assert got == {"02-keywords.ipynb": {"ALPHA": 1.0, "KEEP": True, "N_BOOT": 1000,
                                         "TARGET": 2035, "TERMS": ["asean", "trade"]},
                   "03-topics.ipynb": {"K": 6}}
    assert type(got["02-keywords.ipynb"]["ALPHA"]) is float
    assert type(got["02-keywords.ipynb"]["N_BOOT"]) is int
    # text that is no literal is a string only where the notebook's value is one (or None)
    assert parse_parameters(["02:TARGET=None", "02:LAYER = raw "], nbdir) == {
        "02-keywords.ipynb": {"LAYER": "raw", "TARGET": None}}     # spaces around dropped
    assert parse_parameters(["LAYER=raw", "02:TARGET=rest"], nbdir) == {
        "01-corpus.ipynb": {"LAYER": "raw"},
        "02-keywords.ipynb": {"LAYER": "raw", "TARGET": "rest"}}


def test_one_notebooks_setting_wins_over_every_notebooks_in_either_order(nbdir):
    want = {"01-corpus.ipynb": {"SEED": 7}, "03-topics.ipynb": {"SEED": 9}}
    assert parse_parameters(["SEED=7", "03:SEED=9"], nbdir) == want
    assert parse_parameters(["03:SEED=9", "SEED=7"], nbdir) == want
    # the same kind of setting twice: the last one
    assert parse_parameters(["03:SEED=9", "03:SEED=4", "SEED=7", "SEED=8"], nbdir) == {
        "01-corpus.ipynb": {"SEED": 8}, "03-topics.ipynb": {"SEED": 4}}


def test_a_name_alone_sets_every_notebook_that_defines_it(nbdir):
    assert parse_parameters(["SEED=7"], nbdir) == {"01-corpus.ipynb": {"SEED": 7},
                                                   "03-topics.ipynb": {"SEED": 7}}
    assert parse_parameters(["SEED=7"], nbdir, only=["03"]) == {"03-topics.ipynb": {"SEED": 7}}
    assert parse_parameters([], nbdir) == {}


@pytest.mark.parametrize("spec, message", [
    ("02:TERMS=asean", "'asean' is not a Python literal (the default is ['sco'])"),
    ("02:TERMS='asean'", "'asean' is of type str, the default ['sco'] of type list"),
    ("03:K=2.5", "2.5 is not a whole number (the default is 5)"),
    ("02:KEEP=1", "1 is of type int, the default False of type bool"),
    ("03:K=None", "None is of type NoneType, the default 5 of type int"),
    ("04:K=3", "'04' names no notebook(s) of this run"),
    ("0:K=3", "'0' names 3 notebook(s)"),
    ("03:Q=3", "Q is not a parameter of 03-topics.ipynb"),
    ("Q=3", "Q is not a parameter of any notebook of this run"),
    ("K", "expected [NOTEBOOK:]NAME=VALUE"),
    ("02:1X=3", "expected [NOTEBOOK:]NAME=VALUE"),
    ("CORPUS_DIR=/tmp", "CORPUS_DIR is set by --corpus"),
])
def test_bad_settings_are_refused_by_name(nbdir, spec, message):
    with pytest.raises(ReproduceUsageError) as info:
        parse_parameters([spec], nbdir)
    assert message in str(info.value) and repr(spec) in str(info.value)


def test_every_bad_setting_is_named_at_once(nbdir):
    with pytest.raises(ReproduceUsageError) as info:
        parse_parameters(["03:Q=1", "03:K=6", "Z=2"], nbdir, only=["03"])
    assert "'03:Q=1'" in str(info.value) and "'Z=2'" in str(info.value)
    assert "'03:K=6'" not in str(info.value)


def test_the_study_notebooks_take_kwic_terms_and_a_topic_count():
    got = parse_parameters(['02:TERMS=["asean"]', "03:K=4", "N_BOOT=1000"])
    assert got["02-keywords.ipynb"]["TERMS"] == ["asean"]
    assert got["03-topics.ipynb"]["K"] == 4
    assert {n for n, v in got.items() if v.get("N_BOOT") == 1000} >= {
        "02-keywords.ipynb", "03-topics.ipynb", "04-framing.ipynb"}


def test_the_command_refuses_a_bad_setting_and_writes_nothing(tmp_path, capsys, nbdir):
    out = tmp_path / "out"
    out.mkdir()
    status = cli.main(["reproduce", "--notebooks", str(nbdir), "--results", str(out),
                       "--figures", str(out), "--param", "03:Q=1"])
    assert status == 2 and list(out.iterdir()) == []
    err = capsys.readouterr().err
    assert err.startswith("discourse reproduce: error: --param '03:Q=1': Q is not a "
                          "parameter of 03-topics.ipynb")


def test_the_readme_example_is_accepted_by_the_study_notebooks():
    import re
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    spans = [" ".join(s.split()) for s in re.findall(r"`(discourse reproduce [^`]*--param[^`]*)`",
                                                     readme)]
    assert spans, "README.md shows no discourse reproduce --param example"
    for span in spans:
        words = shlex.split(span)
        specs = [words[i + 1] for i, w in enumerate(words) if w == "--param"]
        got = parse_parameters(specs)
        assert got["02-keywords.ipynb"]["TERMS"] == ["asean", "trade"]
        assert got["03-topics.ipynb"]["K_MAX"] == 8


def test_the_readmes_count_of_topic_fits_follows_from_notebook_03():
    """Each model and k of the grid fits N_SEEDS seeds and N_SEEDS - 1 resamples (the
    resampling runs reuse the first seed's fit): the README's count of seeded fits."""
    import re

    from discourse import topics
    from discourse.notebook import read_parameters

    params = read_parameters(nbformat.read(ROOT / "notebooks" / "03-topics.ipynb", 4))
    fits = len(topics.MODELS) * (params["K_MAX"] - params["K_MIN"] + 1) \
        * (2 * params["N_SEEDS"] - 1)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"\((\d+) seeded fits", readme) == [str(fits)]
