"""Term counts in sparse form: the input of keyness, dispersion, term families and bootstraps.

The tidy ``tokens`` table (:func:`discourse.preprocess.tokens`) holds one row per term,
which is what keyword in context and lexical dispersion need (positions) but far more
than counting needs. :func:`count_terms` streams sentences through the term analysis
(:func:`discourse.terms.sentence_terms`, memoised per white-space chunk) and keeps only
counts, as a ``scipy.sparse`` matrix of *rows* x terms (kind ``term counts``):

* ``level="paragraph"`` (default): one row per paragraph that has at least one term,
  in corpus order; what dispersion (Gries's DP), the paragraph bootstrap and the
  paragraph permutation test need. Memory grows with the number of distinct
  (paragraph, term) pairs.
* ``level="year"`` or ``"doc_id"``: one row per group; memory grows with the
  vocabulary times the number of groups, not with the number of words. Beside the
  counts, :attr:`TermCounts.presence` counts the paragraphs of each group that
  contain each term (the input of text-dispersion keyness) and
  :attr:`TermCounts.n_paragraphs` the paragraphs of each group with at least one term.

A *token* (the denominator of every rate) is one term, exactly as in the ``tokens``
table: the row sums of :attr:`TermCounts.matrix` equal the number of rows of the
tokens table of the same sentences, group by group. :func:`from_tokens` turns a tokens
table into counts, so the keyword steps accept either.

Corpora too large for one process can be counted in pieces and combined with
:func:`combine` (rows are concatenated, the vocabularies merged and sorted): the result
equals counting everything at once (:func:`discourse.parallel.count_documents` with
worker processes, :mod:`discourse.distributed` on a Dask cluster).
"""

from __future__ import annotations

import dataclasses
from itertools import islice
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from discourse.checks import check_choice, check_columns
from discourse.lexicons import Lexicons, load_lexicons
from discourse.segmentation import SENTENCE_COLUMNS
from discourse.term_tally import ParagraphKeys, Tally, YearTally
from discourse.terms import (TermOptions, as_options, block_terms, paragraph_ids,
                             paragraph_terms)

__all__ = ["LEVELS", "TermCounts", "count_terms", "count_paragraphs", "from_tokens",
           "combine"]

#: Levels of :func:`count_terms`: one row per paragraph, per document or per year.
LEVELS = ("paragraph", "doc_id", "year")
#: Sentences whose new chunks are tokenised together (:func:`terms.block_terms`).
_BLOCK = 1024


@dataclasses.dataclass(frozen=True, eq=False)
class TermCounts:
    """Counts of analysis terms per row (kind ``term counts``); see the module docstring.

    Attributes
    ----------
    rows : pandas.DataFrame
        One row per counted unit: ``doc_id, year, paragraph`` (paragraph level),
        ``doc_id, year`` or ``year``; paragraphs in corpus order, groups sorted.
    terms : numpy.ndarray
        The vocabulary, sorted (column order of the matrices).
    matrix : scipy.sparse.csr_matrix
        Term counts (int64), rows x terms.
    presence : scipy.sparse.csr_matrix
        Paragraphs of the row containing the term (at paragraph level: 1 where the
        count is positive).
    n_paragraphs : numpy.ndarray
        Paragraphs (with at least one term) per row.
    level : str
        One of :data:`LEVELS`.
    options : TermOptions
        The term options the counts were made with.
    source : dict
        Provenance of the input (the sentences or tokens table), if known.
    """

    rows: pd.DataFrame
    terms: np.ndarray
    matrix: object
    presence: object
    n_paragraphs: np.ndarray
    level: str
    options: TermOptions
    source: dict = dataclasses.field(default_factory=dict)

    @property
    def totals(self) -> np.ndarray:
        """Tokens (terms) per row: the row sums of :attr:`matrix`."""
        return np.asarray(self.matrix.sum(axis=1)).ravel().astype(np.int64)

    def by(self, column: str) -> "TermCounts":
        """The counts summed over the rows sharing a value of ``column`` ("year" or
        "doc_id"); rows sorted by that value."""
        check_choice("column", column, ("year", "doc_id"))
        if column not in self.rows.columns:
            raise ValueError(f"counts at level {self.level!r} have no {column!r} column")
        if self.level == column:
            return self
        keys = self.rows[column].to_numpy()
        groups, inverse = np.unique(keys, return_inverse=True)
        from scipy import sparse

        agg = sparse.csr_matrix((np.ones(len(keys)), (inverse, np.arange(len(keys)))),
                                shape=(len(groups), len(keys)))
        rows = pd.DataFrame({column: groups})
        if column == "doc_id":
            years = self.rows.groupby("doc_id")["year"].first()
            rows["year"] = rows["doc_id"].map(years).astype(int)
        matrix = (agg @ self.matrix).astype(np.int64).tocsr()
        presence = (agg @ self.presence).astype(np.int64).tocsr()
        n_par = np.asarray(agg @ self.n_paragraphs).ravel().astype(np.int64)
        return TermCounts(rows, self.terms, matrix, presence, n_par, column, self.options,
                          self.source)

    def provenance(self) -> dict:
        """The record of how the counts were made (see :mod:`discourse.provenance`)."""
        src = self.source or {}
        return {"function": "discourse.counts.count_terms",
                "parameters": {"level": self.level, "options": self.options.changed()},
                "inputs": {"sentences": {k: v for k, v in src.items() if k != "corpus"}}
                if src else {},
                "corpus": src.get("corpus")}


def _sentence_rows(sentences) -> Iterable[tuple]:
    """(doc_id, year, paragraph, text) per sentence, from a table or an iterable."""
    if isinstance(sentences, pd.DataFrame):
        check_columns(sentences, ("doc_id", "year", "paragraph", "text"), "sentences table")
        return zip(sentences["doc_id"], sentences["year"], sentences["paragraph"],
                   sentences["text"])
    doc, year, par = (SENTENCE_COLUMNS.index(c) for c in ("doc_id", "year", "paragraph"))
    return ((r[doc], r[year], r[par], r[-1]) for r in sentences)


def count_terms(sentences, options: TermOptions | Mapping = TermOptions(), *,
                level: str = "paragraph", lexicons: Lexicons | None = None,
                progress: bool = False, total: int | None = None) -> TermCounts:
    """Count the analysis terms of sentences per paragraph, document or year.

    Parameters
    ----------
    sentences : pandas.DataFrame or iterable of tuples
        A ``sentences`` table (``doc_id, year, paragraph, text``), or sentence rows as
        yielded by :func:`discourse.segmentation.iter_sentences` (the fields of
        :data:`discourse.segmentation.SENTENCE_COLUMNS`), streamed one at a time.
        The sentences of a paragraph must be adjacent (as the corpus gives them; a
        paragraph met again after another is an error, as its counts would be split).
    options : TermOptions or mapping
        The term analysis (:class:`discourse.terms.TermOptions`; default: every default).
    level : {"paragraph", "doc_id", "year"}
        One row per paragraph (default), per document or per year (see the module
        docstring for what each costs in memory).
    lexicons : Lexicons, optional
        The word lists (default: read the project's lists now).
    progress : bool
        A tqdm progress bar (sentences) on standard error.
    total : int, optional
        The number of sentences, for the progress bar of a stream.

    Returns
    -------
    TermCounts

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["d", "d", "d"], "year": [2021] * 3,
    ...     "paragraph": [1, 1, 2], "text": ["Member States met.", "Trade grew.",
    ...     "Trade, trade."]})
    >>> c = count_terms(s)
    >>> list(c.terms), c.matrix.toarray().tolist(), c.totals.tolist()
    (['grow', 'meet', 'member state', 'trade'], [[1, 1, 1, 1], [0, 0, 0, 2]], [4, 2])
    >>> y = count_terms(s, level="year")
    >>> y.matrix.toarray().tolist(), y.presence.toarray().tolist(), y.n_paragraphs.tolist()
    ([[1, 1, 1, 3]], [[1, 1, 1, 2]], [2])
    """
    from tqdm import tqdm

    check_choice("level", level, LEVELS)
    opts = as_options(options)
    lexicons = load_lexicons() if lexicons is None else lexicons
    source = {}
    if isinstance(sentences, pd.DataFrame):
        from discourse import provenance

        source = provenance.of(sentences) or {}
        total = len(sentences)
    rows = tqdm(_sentence_rows(sentences), total=total, desc="term counts",
                unit="sentence", disable=not progress, mininterval=1.0)
    tally = Tally(level)
    rows, seen, n, raw = iter(rows), ParagraphKeys(), 0, None
    current, found = None, []        # the terms of the current paragraph, in order
    while block := list(islice(rows, _BLOCK)):
        texts = [str(row[3]) for row in block]
        for row, got in zip(block, block_terms(texts, opts, lexicons)):
            n += 1
            if row[:3] == raw:          # as given, the paragraph of the sentence before
                found += got
                continue
            raw = row[:3]
            key = (raw[0], int(raw[1]), int(raw[2]))
            if key != current:
                tally.add(current, found)
                _check_new(key, seen, n)
                current, found = key, []
            found += got
    tally.add(current, found)
    return TermCounts(*tally.assemble(), level, opts, source)


def _check_new(key: tuple, seen: ParagraphKeys, n: int) -> None:
    """Note the paragraph ``key`` of sentence ``n``; an error if it was met before (its
    sentences not adjacent: its counts would be split in two)."""
    if not seen.add(key):
        raise ValueError(
            f"sentence {n} of the sentences table: the sentences of paragraph "
            f"{key[2]} of document {key[0]!r} are not adjacent; give them in "
            "reading order (e.g. sentences.sort_values(['doc_id', 'paragraph', "
            "'sentence']))")


def count_paragraphs(paragraphs: Iterable[tuple], options: TermOptions | Mapping = TermOptions(),
                     *, level: str = "paragraph", lexicons: Lexicons | None = None,
                     forget: bool = False) -> TermCounts:
    """:func:`count_terms` of paragraphs given whole, with their sentences.

    Parameters
    ----------
    paragraphs : iterable of tuples
        ``(doc_id, year, paragraph, sentences)`` per paragraph, ``year`` and
        ``paragraph`` integers, ``sentences`` the list of its sentences' texts, as
        :func:`discourse.segmentation.iter_paragraphs` yields them (streamed).
    options, level, lexicons
        As in :func:`count_terms`.
    forget : bool
        Drop the memos of the term analysis (:meth:`discourse.lexicons.Lexicons.forget`)
        once the last paragraph is analysed, so that the counts are assembled in the
        memory they held (a worker process that ends after counting,
        :func:`discourse.parallel.count_documents`); the counts are the same.

    Returns
    -------
    TermCounts
        The counts :func:`count_terms` gives for the rows of the same sentences
        (without a source): the same terms, counted per paragraph, document or year
        (per year as term ids: :func:`discourse.terms.paragraph_ids`,
        :class:`discourse.term_tally.YearTally`). A paragraph met twice is an error, as
        there.

    Examples
    --------
    >>> c = count_paragraphs([("d", 2021, 1, ["Member States met.", "Trade grew."]),
    ...                       ("d", 2021, 2, ["Trade, trade."])], level="year")
    >>> list(c.terms), c.matrix.toarray().tolist(), c.presence.toarray().tolist()
    (['grow', 'meet', 'member state', 'trade'], [[1, 1, 1, 3]], [[1, 1, 1, 2]])
    """
    check_choice("level", level, LEVELS)
    opts = as_options(options)
    lexicons = load_lexicons() if lexicons is None else lexicons
    tally, seen, n = YearTally() if level == "year" else Tally(level), ParagraphKeys(), 0
    vocabulary = None               # the terms of the ids (level "year")
    paragraphs = iter(paragraphs)
    while True:                 # blocks of paragraphs of about _BLOCK sentences
        block, texts = [], []
        for par in paragraphs:
            block.append(par)
            texts += par[3]
            if len(texts) >= _BLOCK:
                break
        if not block:
            break
        keys = []
        for doc_id, year, paragraph, sentences in block:
            key = (doc_id, year, paragraph)
            _check_new(key, seen, n + 1)
            n += len(sentences)
            keys.append(key)
        pars = [par[3] for par in block]        # each paragraph's sentences
        if level == "year":         # term ids counted in numpy
            ids, bounds, vocabulary = paragraph_ids(pars, opts, lexicons)
            tally.add_block([key[1] for key in keys], ids, bounds)
        else:
            tally.add_block(keys, paragraph_terms(pars, opts, lexicons))
    if forget:
        lexicons.forget()
    if level == "year":
        return TermCounts(*tally.assemble(list(vocabulary or ())), level, opts)
    return TermCounts(*tally.assemble(), level, opts)


def from_tokens(tokens: pd.DataFrame, *, level: str = "paragraph") -> TermCounts:
    """The :class:`TermCounts` of a tidy ``tokens`` table (same numbers as counting
    its sentences with :func:`count_terms`).

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table (needs ``doc_id, year, paragraph, term``; ``paragraph`` may
        be missing for ``level="year"``, then each row of ``tokens`` counts as its own
        paragraph for :attr:`TermCounts.presence`, which is then meaningless).
    level : {"paragraph", "doc_id", "year"}

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": "d", "year": 2021, "paragraph": [1, 1, 2],
    ...                   "term": ["b", "a", "a"]})
    >>> from_tokens(t).matrix.toarray().tolist()
    [[1, 1], [1, 0]]
    """
    from scipy import sparse

    from discourse import provenance

    check_choice("level", level, LEVELS)
    need = ["year", "term"] if level == "year" else ["doc_id", "year", "term"]
    check_columns(tokens, need, "tokens table")
    t = tokens
    if "doc_id" not in t.columns:
        t = t.assign(doc_id="")
    if "paragraph" not in t.columns:
        t = t.assign(paragraph=np.arange(len(t)))
    par_keys = pd.MultiIndex.from_arrays([t["doc_id"], t["year"].astype(int),
                                          t["paragraph"].astype(int)])
    codes, uniques = pd.factorize(par_keys, sort=False)
    term_codes, terms = pd.factorize(t["term"].astype(str), sort=True)
    matrix = sparse.csr_matrix((np.ones(len(t), dtype=np.int64), (codes, term_codes)),
                               shape=(len(uniques), len(terms)))
    matrix.sum_duplicates()
    matrix.sort_indices()
    presence = matrix.copy()
    presence.data = np.ones_like(presence.data)
    rows = pd.DataFrame(list(uniques), columns=["doc_id", "year", "paragraph"])
    out = TermCounts(rows, np.asarray(terms, dtype=object), matrix.astype(np.int64),
                     presence, np.ones(len(rows), dtype=np.int64), "paragraph",
                     _options_of(tokens), provenance.of(tokens) or {})
    return out if level == "paragraph" else out.by(level)


def _options_of(tokens: pd.DataFrame) -> TermOptions:
    """The options a tokens table was made with, from its provenance (else defaults)."""
    from discourse import provenance

    record = provenance.of(tokens) or {}
    opts = (record.get("parameters") or {}).get("options")
    if isinstance(opts, Mapping):
        try:
            return TermOptions.from_mapping({k: v for k, v in opts.items()
                                             if isinstance(v, bool)})
        except ValueError:
            pass
    return TermOptions()


def combine(parts: Iterable[TermCounts]) -> TermCounts:
    """Concatenate the rows of several :class:`TermCounts` of one level and options.

    Groups that occur in several parts (a year split across partitions) are summed.
    Paragraph-level parts are concatenated in the order given.

    Raises
    ------
    ValueError
        If the parts differ in level or options, or there is none.
    """
    from scipy import sparse

    parts = list(parts)
    if not parts:
        raise ValueError("combine needs at least one TermCounts")
    level, opts = parts[0].level, parts[0].options
    for p in parts[1:]:
        if p.level != level or p.options != opts:
            raise ValueError("combine needs counts of one level and one set of options; "
                             f"got {level!r}/{opts!r} and {p.level!r}/{p.options!r}")
    terms = np.array(sorted(set().union(*(map(str, p.terms) for p in parts))), dtype=object)
    index = {t: i for i, t in enumerate(terms)}

    def widen(m, p):
        cols = np.array([index[t] for t in p.terms], dtype=np.int64)
        m = m.tocoo()
        return sparse.csr_matrix((m.data, (m.row, cols[m.col] if len(cols) else m.col)),
                                 shape=(m.shape[0], len(terms)))

    matrix = sparse.vstack([widen(p.matrix, p) for p in parts]).tocsr()
    presence = sparse.vstack([widen(p.presence, p) for p in parts]).tocsr()
    rows = pd.concat([p.rows for p in parts], ignore_index=True)
    n_par = np.concatenate([p.n_paragraphs for p in parts])
    out = TermCounts(rows, terms, matrix.astype(np.int64), presence.astype(np.int64),
                     n_par, level, opts, parts[0].source)
    if level == "paragraph":
        out.matrix.sort_indices()
        out.presence.sort_indices()
        return out
    if rows.duplicated(level).any() or not rows[level].is_monotonic_increasing:
        # sum duplicated groups (via a paragraph-level view of the rows)
        tmp = TermCounts(rows.assign(paragraph=0) if "doc_id" in rows else
                         rows.assign(doc_id="", paragraph=0), terms, out.matrix,
                         out.presence, n_par, "paragraph", opts, out.source)
        return tmp.by(level)
    return out
