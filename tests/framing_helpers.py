"""Helpers shared by the tests of the frame coder's rules (no fixtures here)."""

from __future__ import annotations

import copy
import functools

from discourse import framing
from discourse.lexicons import safe_yaml


def codes(text, lex, date=None):
    """``(security, economy, multilateralism)`` of one sentence coded on its own."""
    r = framing.explain(text, lex, date=date)["frames"]
    return (r["security"], r["economy"], r["multilateralism"])


def blocked(text, lex, frame):
    """What ``explain`` blocked in ``text`` (its ``blocked`` labels), after checking that the
    sentence, coded on its own, does not carry ``frame`` (the rule tests' usual pair)."""
    r = framing.explain(text, lex)
    assert r["frames"][frame] == 0, r
    return r["blocked"]


def doc(texts, lex, date="2019", paragraphs=None):
    """Code a document: sentence i in paragraph ``paragraphs[i]`` (default: its own)."""
    paragraphs = paragraphs or list(range(len(texts)))
    rows = [(f"s{i}", t, p, "d", date) for i, (t, p) in enumerate(zip(texts, paragraphs))]
    return list(framing.iter_codes(rows, lex))


@functools.cache
def _project_frames() -> dict:
    from conftest import CORPUS

    return safe_yaml((CORPUS / "lexicons" / "frames.yaml").read_text(encoding="utf-8"))


def project_frames() -> dict:
    """The project's ``frames.yaml`` as parsed YAML, a fresh copy for the caller to change
    (parsed once per test process, with libyaml as the package parses it: PyYAML's pure
    Python loader took about 0.12 s of each of the tests that change the file)."""
    return copy.deepcopy(_project_frames())


def dump_yaml(data) -> str:
    """``data`` as YAML text, with libyaml's dumper where PyYAML has it (the same text as
    ``yaml.safe_dump(data, allow_unicode=True)`` on the project's lexicon, about eight
    times faster)."""
    import yaml

    dumper = yaml.CSafeDumper if getattr(yaml, "__with_libyaml__", False) else yaml.SafeDumper
    return yaml.dump(data, Dumper=dumper, allow_unicode=True)


def assert_lexicon_error(tmp_path, change, pattern):
    """Load a copy of the project's ``frames.yaml`` changed by ``change(data)`` (which
    edits the parsed YAML in place) and check that loading it raises
    :class:`framing.LexiconError` naming the file and matching ``pattern``."""
    import pytest

    data = project_frames()
    change(data)
    bad = tmp_path / "frames.yaml"
    bad.write_text(dump_yaml(data), encoding="utf-8")
    with pytest.raises(framing.LexiconError, match=r"frames\.yaml: .*" + pattern):
        framing.load_lexicon(bad)
