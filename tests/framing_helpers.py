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
