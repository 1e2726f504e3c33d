"""Helpers shared by the tests of the frame coder's rules (no fixtures here)."""

from __future__ import annotations

from discourse import framing


def codes(text, lex, date=None):
    """``(security, economy, multilateralism)`` of one sentence coded on its own."""
    r = framing.explain(text, lex, date=date)["frames"]
    return (r["security"], r["economy"], r["multilateralism"])


def doc(texts, lex, date="2019", paragraphs=None):
    """Code a document: sentence i in paragraph ``paragraphs[i]`` (default: its own)."""
    paragraphs = paragraphs or list(range(len(texts)))
    rows = [(f"s{i}", t, p, "d", date) for i, (t, p) in enumerate(zip(texts, paragraphs))]
    return list(framing.iter_codes(rows, lex))


def assert_lexicon_error(tmp_path, change, pattern):
    """Load a copy of the project's ``frames.yaml`` changed by ``change(data)`` (which
    edits the parsed YAML in place) and check that loading it raises
    :class:`framing.LexiconError` naming the file and matching ``pattern``."""
    import pytest
    import yaml

    from conftest import CORPUS

    data = yaml.safe_load((CORPUS / "lexicons" / "frames.yaml").read_text(encoding="utf-8"))
    change(data)
    bad = tmp_path / "frames.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(framing.LexiconError, match=r"frames\.yaml: .*" + pattern):
        framing.load_lexicon(bad)
