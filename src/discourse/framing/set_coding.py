"""Codes of a hand-coded set, made as the coder makes them in use.

:func:`code_set` codes a set in its own paragraphs and documents; :func:`code_registered`
codes the corpus's own hand coding (``annotations/frames_validation.csv``) in the whole
corpus, so that a sample of its sentences keeps the neighbours, titles and leads the
coder's rules read, and scores as :func:`~discourse.framing.validation.validate` does.
"""

from __future__ import annotations

import os

import pandas as pd

from discourse import paths
from discourse.framing.coder import code_sentences
from discourse.framing.lexicon import as_lexicon
from discourse.framing.register import CORPUS_FILE

__all__ = ["code_set", "code_registered"]


def code_set(table: pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """Code a hand-coded set (:func:`load_set`) in its paragraphs and documents.

    Returns
    -------
    pandas.DataFrame
        The table of :func:`~discourse.framing.coder.code_sentences`, keyed by
        ``sentence_id`` (the set's ``id``), one row per row of ``table`` in its order.
    """
    lex = as_lexicon(lexicon)
    rows = pd.DataFrame({"sentence_id": table["id"], "text": table["text"],
                         "paragraph": table["paragraph"].replace("", None),
                         "doc_id": table["document"].replace("", None),
                         "date": table["date"].replace("", None)})
    return code_sentences(rows, lex, paragraph_cols=("paragraph",), document_col="doc_id",
                          date_col="date")


def code_registered(file: str, table: pd.DataFrame, lexicon=None,
                    corpus: str | os.PathLike | None = None, *, change=None) -> pd.DataFrame:
    """Code a registered set (:func:`load_set` of ``file``) as the coder codes it in use.

    The corpus's own hand coding (``frames_validation.csv``, often a sample of its
    sentences) is scored on the codes of the whole corpus: each sentence coded with its
    neighbours and its document's title and lead, as
    :func:`~discourse.framing.validation.validate` scores the corpus's codes. Coded alone,
    a sample's sentences lose the paragraph context the coder's rules read. Any other
    set is coded in its own paragraphs and documents (:func:`code_set`).

    Parameters
    ----------
    file : str
        The set's file, as in ``sets.csv``.
    table : pandas.DataFrame
        The set (:func:`load_set`).
    lexicon : Lexicon or path-like, optional
    corpus : path-like, optional
    change : callable, optional
        Applied to the text of every sentence coded (e.g. ``str.lower``).

    Returns
    -------
    pandas.DataFrame
        The table of :func:`~discourse.framing.coder.code_sentences`, one row per row of
        ``table`` in its order, keyed by ``sentence_id``.
    """
    from discourse import corpus as _corpus

    lex = as_lexicon(lexicon)
    if file != CORPUS_FILE:
        return code_set(table if change is None else
                        table.assign(text=table["text"].map(change)), lex)
    sents = _corpus.segment(_corpus.load_docs(paths.corpus_dir(corpus)))
    if change is not None:
        sents = sents.assign(text=sents["text"].map(change))
    codes = code_sentences(sents, lex)
    return codes.set_index("sentence_id").loc[table["id"]].reset_index()
