"""Validation: agreement of the lexicon codes with hand coding, with bootstrap intervals.

* **Agreement** (:func:`validate`): precision, recall, F1 (positive class 1), Cohen's
  (1960) kappa and Krippendorff's (2004) alpha (nominal, two coders, no missing
  values) per frame (:func:`discourse.stats.agreement_scores`), with intervals that
  never collapse (:func:`discourse.framing.agreement.agreement_intervals`): a
  percentile interval from a cluster bootstrap of the 2x2 table (texts resampled in a
  set of ten or more, paragraphs within each text in fewer) with
  Jeffreys pseudo-counts (Efron and Tibshirani 1993), widened to an analytic interval
  where narrower (Wilson's score interval at the effective sample size for precision
  and recall, :mod:`discourse.clustered_ci`; Donner and
  Eliasziw's for kappa and alpha, Wilson's of the Jaccard index for F1). The
  ``interval`` column names each.
* **Disagreements** (:func:`confusion`, :func:`disagreements`): the 2x2 counts and
  every sentence-frame where the two codings differ, with the lexicon's evidence.
* **Hand-coded sets** (:func:`load_validation`, :func:`validate_annotations`): the
  validation set of the corpus and a hand-coded file of sentences outside it. The
  registered sets, labelled with what they are, and the comparison with a supervised
  instrument are in :mod:`discourse.framing.evaluation`.

References
----------
Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
Psychological Measurement* 20(1), 37-46.
Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology*, 2nd ed.
Sage. (alpha, ch. 11.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from discourse import paths, provenance, stats
from discourse.bootstrap import DEFAULT_SEED
from discourse.checks import check_columns, check_positive_int
from discourse.framing.agreement import AGREEMENT_N_BOOT, agreement_intervals, resampler
from discourse.framing.inputs import code_file
from discourse.framing.lexicon import FRAMES
from discourse.stats import AGREEMENT_METRICS, binary_agreement

__all__ = [
    "binary_agreement",
    "validate",
    "confusion",
    "disagreements",
    "load_validation",
    "is_corpus_validation",
    "validate_annotations",
]


@provenance.tracked
def validate(codes: pd.DataFrame, hand: pd.DataFrame, *,
             clusters: pd.DataFrame | None = None, n_boot: int = AGREEMENT_N_BOOT,
             seed: int = DEFAULT_SEED, id_col: str = "sentence_id",
             level: float = 0.95, documents: bool | None = None) -> pd.DataFrame:
    """Agreement of the lexicon codes with the hand codes, per frame, with intervals.

    Parameters
    ----------
    codes, hand : DataFrame
        Both with ``id_col`` and the three frame columns (0/1); joined on ``id_col``
        (every hand-coded sentence must be coded).
    clusters : DataFrame, optional
        ``id_col, doc_id, paragraph`` of the hand-coded sentences (e.g. the sentences
        table) for the cluster bootstrap; default: those columns of ``hand`` if
        present, else sentences are resampled one by one (the ``interval`` column says
        which).
    documents : bool, optional
        Whether the documents are resampled (default: when there are ten or more;
        :func:`discourse.framing.agreement.resampler`).
    n_boot : int
        Bootstrap replicates (for F1, kappa and alpha).
    seed : int
        Seed of ``numpy.random.default_rng``.
    level : float
        Confidence level.

    Returns
    -------
    DataFrame
        ``validation`` table: ``frame, metric, value, ci_low, ci_high, interval, n,
        n_boot, seed`` for metrics precision, recall, f1, kappa, alpha (cluster
        bootstrap with Jeffreys pseudo-counts, widened to an analytic interval where
        narrower: Wilson's at the effective sample size for precision and recall); see
        :func:`discourse.framing.agreement.agreement_intervals`.
    """
    check_positive_int("n_boot", n_boot)
    stats.check_level(level)
    joined = _join(codes, hand, id_col)
    if clusters is None:
        clusters = hand if "paragraph" in hand else None
    boot = resampler(joined, clusters, id_col=id_col, n_boot=n_boot, seed=seed,
                     documents=documents)
    lex = joined[[f"{f}_lex" for f in FRAMES]].set_axis(list(FRAMES), axis=1).astype(int)
    ref = joined[[f"{f}_hand" for f in FRAMES]].set_axis(list(FRAMES), axis=1).astype(int)
    return agreement_intervals(lex, ref, boot, metrics=AGREEMENT_METRICS, level=level)


def _join(codes, hand, id_col):
    for name, t in (("codes", codes), ("hand", hand)):
        check_columns(t, (id_col, *FRAMES), f"{name} table")
    j = hand[[id_col, *FRAMES]].merge(codes[[id_col, *FRAMES]], on=id_col, how="left",
                                      suffixes=("_hand", "_lex"), validate="one_to_one")
    if j[[f"{f}_lex" for f in FRAMES]].isna().any().any():
        raise ValueError("some hand-coded sentences have no lexicon code")
    return j


@provenance.tracked
def confusion(codes: pd.DataFrame, hand: pd.DataFrame, *,
              id_col: str = "sentence_id") -> pd.DataFrame:
    """Return the ``confusion`` table: ``frame, hand, lexicon, n`` (all four cells)."""
    j = _join(codes, hand, id_col)
    rows = []
    for f in FRAMES:
        for h in (1, 0):
            for c in (1, 0):
                rows.append({"frame": f, "hand": h, "lexicon": c,
                             "n": int(((j[f"{f}_hand"] == h) & (j[f"{f}_lex"] == c)).sum())})
    return pd.DataFrame(rows)


@provenance.tracked
def disagreements(codes: pd.DataFrame, hand: pd.DataFrame, *,
                  id_col: str = "sentence_id") -> pd.DataFrame:
    """Every sentence-frame where lexicon and hand codes differ, with evidence and note.

    Returns
    -------
    DataFrame
        ``sentence_id, frame, hand, lexicon, kind`` ("false positive" / "false
        negative"), ``evidence`` (the lexicon's), ``note`` (the annotator's, if any),
        ``text`` (if the hand table has it); sorted by id and frame.
    """
    j = _join(codes, hand, id_col)
    extra = hand[[id_col] + [c for c in ("note", "text") if c in hand]]
    j = j.merge(codes[[id_col, "evidence"]] if "evidence" in codes else codes[[id_col]],
                on=id_col).merge(extra, on=id_col)
    rows = []
    for _, r in j.iterrows():
        for f in FRAMES:
            if int(r[f"{f}_hand"]) != int(r[f"{f}_lex"]):
                rows.append({id_col: r[id_col], "frame": f, "hand": int(r[f"{f}_hand"]),
                             "lexicon": int(r[f"{f}_lex"]),
                             "kind": "false positive" if r[f"{f}_lex"] else "false negative",
                             "evidence": r.get("evidence", ""), "note": r.get("note", ""),
                             "text": r.get("text", "")})
    cols = [id_col, "frame", "hand", "lexicon", "kind", "evidence", "note", "text"]
    return pd.DataFrame(rows, columns=cols).sort_values([id_col, "frame"],
                                                        ignore_index=True)


def _validation_path(path, corpus) -> Path:
    """The file :func:`load_validation` reads: ``path``, else the corpus's own."""
    return Path(path) if path is not None else \
        paths.corpus_dir(corpus) / "annotations" / "frames_validation.csv"


def is_corpus_validation(path: str | os.PathLike | None = None,
                         corpus: str | os.PathLike | None = None) -> bool:
    """Whether :func:`load_validation` ``(path, corpus)`` reads the corpus's own hand
    coding (``annotations/frames_validation.csv``, by default or named), not a coding
    sheet drawn from the corpus.

    The two are different designs: the corpus's own hand codes are of sentences the
    corrected shares resample with the corpus, and the ones the lexicon was developed
    on (:func:`discourse.framing.lexicon_developed_on`); a coding sheet is a sample of
    its own. Naming the default file is the same as leaving ``path`` out.

    Examples
    --------
    >>> is_corpus_validation(), is_corpus_validation("my-sheet.csv")
    (True, False)
    """
    own = _validation_path(None, corpus)
    return path is None or Path(path).resolve() == own.resolve()


def _validation_file(arguments: dict) -> dict:
    """``{label: path}`` of the file :func:`load_validation` reads (for provenance)."""
    path = _validation_path(arguments.get("path"), arguments.get("corpus"))
    return {path.name if arguments.get("path") is not None
            else f"annotations/{path.name}": path}


@provenance.tracked(files=_validation_file)
def load_validation(path: str | os.PathLike | None = None,
                    corpus: str | os.PathLike | None = None) -> pd.DataFrame | None:
    """Read the hand-coded validation set (``annotations/frames_validation.csv``).

    Columns ``sentence_id, security, economy, multilateralism`` (others kept); a coded
    sheet of :func:`discourse.framing.draw_sample` can be used as it is: its ``id``
    column is read as ``sentence_id``. Returns ``None`` when ``path`` is None and the
    corpus has no such file.
    """
    p = _validation_path(path, corpus)
    if not p.is_file():
        if path is not None:
            raise FileNotFoundError(f"{p}: validation file not found")
        return None
    table = pd.read_csv(p, dtype={"sentence_id": str, "id": str, "note": str, "text": str},
                        keep_default_na=False, encoding="utf-8")
    if "sentence_id" not in table and "id" in table:        # a coded sheet as it is
        table = table.rename(columns={"id": "sentence_id"})
    missing = [c for c in ("sentence_id", *FRAMES) if c not in table]
    if missing:
        raise ValueError(f"{p}: missing column(s) {', '.join(missing)}")
    for f in FRAMES:
        table[f] = pd.to_numeric(table[f], errors="raise").astype(int)
    return table


@provenance.tracked
def validate_annotations(path: str | os.PathLike, lexicon=None, *,
                         n_boot: int = AGREEMENT_N_BOOT, seed: int = DEFAULT_SEED,
                         level: float = 0.95) -> pd.DataFrame:
    """Code a hand-coded annotation file with the lexicon and score the agreement.

    For sets of sentences outside the corpus, such as the held-out and development
    sets in ``corpus/annotations/`` (columns ``id, text, security, economy,
    multilateralism`` and optionally ``paragraph``, within which the context rule
    applies, as in ``discourse frames``).

    Parameters
    ----------
    path : path-like
        The annotation CSV (UTF-8).
    lexicon : Lexicon or path-like, optional
        Default: the project's lexicon.
    n_boot, seed, level
        As in :func:`validate`; the bootstrap resamples the file's paragraphs (its
        ``paragraph`` column; sentences one by one without it).

    Returns
    -------
    pandas.DataFrame
        The table of :func:`validate` with a first column ``set`` (the file's stem).

    Raises
    ------
    FramingInputError, ValueError
        If the file cannot be read as coder input, or a frame column is missing or
        not 0/1.
    """
    p = Path(path)
    codes = code_file(p, lexicon)
    hand = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [f for f in FRAMES if f not in hand]
    if missing:
        raise ValueError(f"{p}: missing hand-code column(s) {', '.join(missing)}")
    for f in FRAMES:
        if not hand[f].isin(["0", "1"]).all():
            raise ValueError(f"{p}: column {f!r} must hold 0 or 1 in every row")
        hand[f] = hand[f].astype(int)
    keep = ["id", *FRAMES] + (["paragraph"] if "paragraph" in hand else [])
    table = validate(codes[["id", *FRAMES]], hand[keep], n_boot=n_boot, seed=seed,
                     id_col="id", level=level)
    return table.assign(set=p.stem)[["set", *table.columns]]
