"""What the frame coder's accuracy figures were measured on, and the ceiling of two coders.

Every agreement figure names its data (issue 12): the corpus (real, but used to build
the lexicon: optimistic), sentences written for the purpose (synthetic: an upper bound
when they were used in development), or data left out. The hand-coded sets are listed
in ``corpus/annotations/sets.csv`` (:func:`load_sets`) with their kind and whether they
were used to build or tune the lexicon; the tables here carry those labels. A row
describes only the file whose sha256 it names (:mod:`discourse.framing.register`): a
file replaced in a copy of the corpus keeps no description, coders or label but that.

* :func:`generalisation`: the coder's agreement with the reference coding of every
  registered set, labelled (``kind``, ``used_for_development``, ``measured_on``).
* :func:`intercoder`: agreement between the two hand coders of each set before
  adjudication (percent agreement, Cohen's kappa, Krippendorff's alpha, F1), the
  ceiling an automatic coder can be held to, per batch and pooled over a set's batches;
  :func:`ceiling` puts the coder beside the pooled figure.

The choice of instrument (the lexicon against learned coders, scored only on data left
out) and real-text transfer are in :mod:`discourse.framing.instruments`.

Agreement statistics are :func:`discourse.stats.binary_agreement` (precision, recall,
F1, Cohen's kappa, Krippendorff's alpha); intervals come from
:func:`discourse.framing.agreement.agreement_intervals` (a cluster bootstrap, widened
to an analytic interval where narrower: Wilson's at the effective sample size for
proportions); a set of ten texts or more has its texts resampled, a set of fewer its
paragraphs within each text (:func:`discourse.framing.agreement.resampler`).
"""

from __future__ import annotations

import os

import pandas as pd

from discourse import paths, provenance
from discourse.bootstrap import DEFAULT_SEED
from discourse.framing.agreement import AGREEMENT_N_BOOT, intercoder_reliability
from discourse.framing.lexicon import FRAMES, as_lexicon
from discourse.framing.pooled import POOLED, pooled_agreement
from discourse.framing.register import CHECKSUM, CORPUS_FILE, check_descriptions
from discourse.framing.set_coding import code_registered, code_set
from discourse.framing.validation import load_validation, validate

__all__ = ["SETS_FILE", "POOLED", "load_sets", "load_set", "generalisation",
           "coder_pairs", "intercoder", "ceiling", "code_set", "set_clusters",
           "annotation_files", "lexicon_developed_on", "code_registered"]

_INTERCODER_METRICS = ("percent_agreement", "f1", "kappa", "alpha")

#: The registry of hand-coded sets, under ``{corpus}/annotations/``.
SETS_FILE = "sets.csv"
#: The corpus's two independent codings (coders A and B), before adjudication.
CORPUS_CODERS = ("frames_corpus_coder_a.csv", "frames_corpus_coder_b.csv")
_SET_COLUMNS = ["file", "set", "kind", "used_for_development", "texts", "sentences",
                "written_by", "coded_by", "description"]


#: Optional column of ``sets.csv``: ``yes`` where a set never used to build or tune the
#: lexicon was scored again after later changes of it (each kept or not on development
#: data, but the scores were seen), so its figures carry a small risk of selection.
RESCORED = "rescored"


def _measured_on(row) -> str:
    use = "used to build or tune the lexicon" if row.used_for_development == "yes" \
        else "never used to build or tune the lexicon"
    again = (", but scored again after later changes of it (a small risk of selection)"
             if getattr(row, RESCORED, "") == "yes" else "")
    return f"{row.kind} text, {use}{again}"


def annotation_files(arguments: dict) -> dict:
    """``{label: path}`` of the hand codings a registry reader uses (for provenance).

    ``arguments`` holds the reader's ``corpus``; labels are relative to the corpus
    (``annotations/sets.csv``, each registered set, its coders' file and the corpus's
    two codings), so that a record names the exact hand codes behind a table.
    """
    root = paths.corpus_dir(arguments.get("corpus")) / "annotations"
    names = [SETS_FILE, *CORPUS_CODERS]
    if (root / SETS_FILE).is_file():
        for file in load_sets(arguments.get("corpus"))["file"]:
            names += [file, _coders_file(file)]
    return {f"annotations/{n}": root / n for n in names}


def _coders_file(file: str) -> str:
    """The file of the independent codings of a registered set (``X_coders.csv``)."""
    return file.replace(".csv", "_coders.csv")


def load_sets(corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read the registry of hand-coded sets (``annotations/sets.csv``).

    Each row describes the file whose sha256 it gives (column ``sha256``): where the
    file's bytes differ, or the row gives none, its description is not applied
    (:func:`~discourse.framing.register.check_descriptions`): ``used_for_development``,
    ``written_by``, ``coded_by`` and the rest are empty, its coders' files are not read
    (:func:`coder_pairs`) and ``measured_on`` says that the file is not the one
    ``sets.csv`` describes.

    Returns
    -------
    pandas.DataFrame
        ``file, set, kind, used_for_development, texts, sentences, written_by,
        coded_by, description``, the optional :data:`RESCORED` (empty where the file
        has no such column), ``sha256`` (the register's), ``described`` (whether the
        file is the one the row describes) and ``measured_on`` (what the figures of the
        set were measured on, in words); no rows if the corpus has no registry.

    Raises
    ------
    ValueError
        If the file lacks a column or a ``kind`` / ``used_for_development`` /
        ``rescored`` value is not one of real/synthetic, yes/no, yes/no/empty; the
        message names the file.
    """
    p = paths.corpus_dir(corpus) / "annotations" / SETS_FILE
    if not p.is_file():
        return pd.DataFrame(columns=[*_SET_COLUMNS, RESCORED, CHECKSUM, "described",
                                     "measured_on"])
    table = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in _SET_COLUMNS if c not in table]
    if missing:
        raise ValueError(f"{p}: missing column(s) {', '.join(missing)}")
    for col in (RESCORED, CHECKSUM):
        if col not in table:
            table[col] = ""
    for col, allowed in (("kind", {"real", "synthetic"}),
                         ("used_for_development", {"yes", "no"}),
                         (RESCORED, {"yes", "no", ""})):
        bad = sorted(set(table[col]) - allowed)
        if bad:
            raise ValueError(f"{p}: {col} {bad[0]!r} is not one of {sorted(allowed)}")
    # the summary and the explorer find the corpus's own hand coding by this name
    named = table.loc[table.file == CORPUS_FILE, "set"].tolist()
    if named not in ([], ["corpus"]):
        raise ValueError(f"{p}: the set of frames_validation.csv (the corpus's own hand "
                         f"coding) must be named 'corpus', not {named[0]!r}")
    table = check_descriptions(table, p.parent)
    return table.assign(measured_on=[_measured_on(r) if r.described else r.measured_on
                                     for r in table.itertuples()])


def lexicon_developed_on(corpus: str | os.PathLike | None = None) -> bool | None:
    """Whether the lexicon was built or tuned on the corpus's own hand-coded sentences.

    What ``sets.csv`` says of the set ``corpus`` (``frames_validation.csv``): ``True``
    for ``yes``, ``False`` for ``no``, ``None`` when the corpus registers no such set or
    the file is not the one the register describes (:func:`load_sets`).

    Examples
    --------
    >>> lexicon_developed_on()          # the study's corpus: the lexicon was built on it
    True
    """
    said = load_sets(corpus).set_index("set")["used_for_development"].get("corpus")
    return None if said not in ("yes", "no") else said == "yes"


def load_set(file: str, corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """One hand-coded set in the coder's input contract plus its codes.

    Returns
    -------
    pandas.DataFrame
        ``id, text, paragraph, document, date, security, economy, multilateralism``
        (``document``/``date`` empty where the set has none). The corpus's validation
        set (``frames_validation.csv``) is joined with the segmented corpus.
    """
    from discourse import corpus as _corpus

    root = paths.corpus_dir(corpus)
    if file == CORPUS_FILE:
        hand = load_validation(corpus=root)
        sents = _corpus.segment(_corpus.load_docs(root))
        dates = _corpus.load_metadata(root).set_index("doc_id")["date"]
        m = sents.merge(hand[["sentence_id", *FRAMES]], on="sentence_id", how="inner")
        # paragraph labels that sort as the sentences table's paragraph numbers do in
        # the cluster bootstrap (as text): the same draws, so the same intervals as
        # framing.validate's on the same sentences
        return pd.DataFrame({
            "id": m.sentence_id, "text": m.text,
            "paragraph": [f"{d}.p{p}" for d, p in zip(m.doc_id, m.paragraph)],
            "document": m.doc_id, "date": m.doc_id.map(dates), **{f: m[f] for f in FRAMES}})
    table = pd.read_csv(root / "annotations" / file, dtype=str, keep_default_na=False)
    for col in ("paragraph", "document", "date"):
        if col not in table:
            table[col] = ""
    for f in FRAMES:
        table[f] = table[f].astype(int)
    return table[["id", "text", "paragraph", "document", "date", *FRAMES]]


def set_clusters(table: pd.DataFrame) -> pd.DataFrame:
    """``sentence_id, doc_id, paragraph`` of a set (:func:`load_set`) for the bootstrap.

    Documents are resampled in a set of ten or more, else paragraphs within documents
    (:func:`~discourse.framing.agreement.resampler`); a set without documents resamples
    its paragraphs, one without paragraphs its sentences.
    """
    out = pd.DataFrame({"sentence_id": table["id"]})
    for col, name in (("document", "doc_id"), ("paragraph", "paragraph")):
        if (table[col] != "").all():
            out[name] = table[col].to_numpy()
    return out


@provenance.tracked(files=annotation_files)
def generalisation(lexicon=None, *, corpus: str | os.PathLike | None = None,
                   n_boot: int = AGREEMENT_N_BOOT, seed: int = DEFAULT_SEED,
                   level: float = 0.95) -> pd.DataFrame:
    """Agreement of the coder with the reference coding of every registered set.

    Each set is coded by :func:`code_registered`: the corpus's own hand coding in the
    whole corpus (so that its agreement is that of
    :func:`~discourse.framing.validation.validate` on the corpus's codes, a sample of
    sentences included), any other set in its own paragraphs and documents.

    Returns
    -------
    pandas.DataFrame
        The table of :func:`~discourse.framing.validation.validate` for each set, with
        first columns ``set, kind, used_for_development, measured_on``, and last
        ``coded_by`` (who coded the set, from ``sets.csv``), in the order of
        ``sets.csv``; no rows when the corpus has no registry. Where the sets never
        used to build or tune the lexicon are two or more and all of one kind, a last
        set :data:`POOLED` stacks them with each set as the unit resampled
        (:func:`~discourse.framing.pooled.pooled_agreement`): each set's own interval
        resamples its texts but not the writing (or sampling) of the set; the pooled
        interval includes how much the sets differ.
    """
    lex = as_lexicon(lexicon)
    parts, held = [], []
    for row in load_sets(corpus).itertuples():
        table = load_set(row.file, corpus)
        codes = code_registered(row.file, table, lex, corpus)
        hand = table.rename(columns={"id": "sentence_id"})
        v = validate(codes, hand, clusters=set_clusters(table), n_boot=n_boot, seed=seed,
                     level=level)
        parts.append(v.assign(set=row.set, kind=row.kind,
                              used_for_development=row.used_for_development,
                              measured_on=row.measured_on, coded_by=row.coded_by))
        if row.used_for_development == "no":
            held.append((row, table, codes))
    if len(held) > 1 and len({h[0].kind for h in held}) == 1:
        parts.append(pooled_agreement(held, n_boot=n_boot, seed=seed, level=level))
    if not parts:
        return pd.DataFrame(columns=["set", "kind", "used_for_development", "measured_on"])
    out = pd.concat(parts, ignore_index=True)
    first = ["set", "kind", "used_for_development", "measured_on"]
    return out[first + [c for c in out.columns if c not in first]]


def _natural(name: str) -> tuple:
    """Sort key that puts "c9" before "c10": the name's letters, then its number."""
    stem = name.rstrip("0123456789")
    return stem, int(name[len(stem):] or -1)


def coder_pairs(corpus: str | os.PathLike | None = None):
    """The independent codings of each hand-coded set, before adjudication.

    Yields
    ------
    tuple
        ``(set, part, coder_1, coder_2, codes_1, codes_2)``: ``set`` as in
        ``sets.csv``, ``part`` the batch of texts the two coders coded (``"all"``, or
        a writer batch such as ``"w3"``), the coders' names and their codes
        (``sentence_id`` and the frames), aligned row by row; none for a file the
        register does not describe (its checksum differs: :func:`load_sets`), and none
        from the corpus's two coder files unless each codes exactly the sentences of
        its hand coding (``frames_validation.csv``).
    """
    root = paths.corpus_dir(corpus) / "annotations"
    registry = load_sets(corpus)
    # a file the register does not describe has no coders on record
    sets = registry[registry.described.astype(bool)].set_index("file")["set"]
    a, b = (root / name for name in CORPUS_CODERS)
    if a.is_file() and b.is_file() and CORPUS_FILE in sets:
        x = pd.read_csv(a, dtype={"sentence_id": str}, keep_default_na=False)
        y = pd.read_csv(b, dtype={"sentence_id": str}, keep_default_na=False)
        hand = set(load_validation(corpus=corpus).sentence_id)
        # two coders of other sentences (the study's, left in a copy beside one's own
        # hand coding) are not this file's coders
        if set(x.sentence_id) == set(y.sentence_id) == hand:
            yield (sets[CORPUS_FILE], "all", "A", "B", x[["sentence_id", *FRAMES]],
                   y.set_index("sentence_id").loc[x.sentence_id].reset_index()[
                       ["sentence_id", *FRAMES]])
    for file, name in sets.items():
        long = root / _coders_file(file)
        if not long.is_file():
            continue
        ref = pd.read_csv(root / file, dtype=str, keep_default_na=False)
        coders = pd.read_csv(long, dtype={"id": str}, keep_default_na=False)
        for part, rows in ref.groupby("set", sort=True):
            sub = coders[coders.id.isin(set(rows.id))]
            names = sorted(sub.coder.unique(), key=_natural)       # c9 before c10
            _check_pair(long, file, part, names, sub, rows.id)
            c1, c2 = names
            pick = [sub[sub.coder == c].set_index("id").loc[rows.id].reset_index()
                    .rename(columns={"id": "sentence_id"})[["sentence_id", *FRAMES]]
                    for c in (c1, c2)]
            yield (name, part, c1, c2, *pick)


def _check_pair(path, file, part, names, codes, ids) -> None:
    """Two coders, each coding every sentence of the part once, or a ValueError naming
    the coders' file (before: a KeyError, or agreement of a coder with herself)."""
    ids = sorted(ids)
    odd = [c for c in names if sorted(codes.id[codes.coder == c]) != ids]
    if len(names) != 2 or odd:
        raise ValueError(f"{path}: the {len(ids)} sentences of part {part!r} of {file} "
                         f"need two coders who each code every one of them once; it has "
                         f"{len(names)} coder(s) {names}"
                         + (f", and {odd} do not code each sentence once" if odd else ""))


@provenance.tracked(files=annotation_files)
def intercoder(corpus: str | os.PathLike | None = None, *, n_boot: int = AGREEMENT_N_BOOT,
               seed: int = DEFAULT_SEED, level: float = 0.95) -> pd.DataFrame:
    """Agreement between the two hand coders of each set, before adjudication.

    Each pair is :func:`~discourse.framing.agreement.intercoder_reliability` with F1
    added: percent agreement, F1, kappa and alpha with a cluster bootstrap interval
    (texts resampled in a set of ten or more, else paragraphs within each text, where
    the set has them: :func:`~discourse.framing.agreement.resampler`) widened to
    an analytic interval where narrower, Wilson's (1927) at the effective sample size
    for percent agreement
    (:func:`~discourse.framing.agreement.agreement_intervals`).

    A set coded in several batches (each by its own pair of coders) also gets a row
    ``part == "all"``: the same measures on all its sentences, the first coder of each
    batch (in :func:`coder_pairs`' order) stacked against the second, with the set's
    paragraphs resampled. Percent agreement, F1 and alpha depend only on the sentences
    coded 1 by both, by one and by neither coder, so they do not depend on which coder
    of a batch is stacked first; Cohen's kappa does, a little, through the two pooled
    prevalences.

    Returns
    -------
    pandas.DataFrame
        ``set, part, coders, frame, metric, value, ci_low, ci_high, interval, n,
        n_boot, seed`` for the metrics ``percent_agreement, f1, kappa, alpha``; ``part``
        is a batch, or ``"all"`` for a set's only pair or its pooled batches
        (``coders`` then lists the pairs, separated by ``"; "``).
    """
    clusters = {row.set: set_clusters(load_set(row.file, corpus))
                for row in load_sets(corpus).itertuples()}
    batches = {}
    for name, part, c1, c2, x, y in coder_pairs(corpus):
        batches.setdefault(name, []).append((part, f"{c1} vs {c2}", x, y))
    parts = []
    for name, pairs in batches.items():
        if len(pairs) > 1:
            if "all" in [p[0] for p in pairs]:
                raise ValueError(f"set {name!r}: a batch is named 'all', the name of the "
                                 "pooled batches")
            pairs = pairs + [("all", "; ".join(p[1] for p in pairs),
                              pd.concat([p[2] for p in pairs], ignore_index=True),
                              pd.concat([p[3] for p in pairs], ignore_index=True))]
        for part, coders, x, y in pairs:
            t = intercoder_reliability(x, y, clusters.get(name), n_boot=n_boot, seed=seed,
                                       level=level, metrics=_INTERCODER_METRICS)
            parts.append(t.assign(set=name, part=part, coders=coders))
    first = ["set", "part", "coders"]
    if not parts:
        return pd.DataFrame(columns=[*first, "frame", "metric", "value", "ci_low",
                                     "ci_high", "interval", "n", "n_boot", "seed"])
    out = pd.concat(parts, ignore_index=True)
    out = out[first + [c for c in out.columns if c not in first]]
    return out.sort_values(["set", "part", "frame", "metric"], kind="stable",
                           ignore_index=True)


@provenance.tracked
def ceiling(generalisation_table: pd.DataFrame, intercoder_table: pd.DataFrame,
            metrics=("f1", "kappa")) -> pd.DataFrame:
    """The automatic coder beside the ceiling of two hand coders, per set and frame.

    The two coders' figures are those of the set as a whole: the row ``part == "all"``
    of :func:`intercoder` (the set's only pair, or its batches pooled), else the set's
    only batch.

    Returns
    -------
    pandas.DataFrame
        ``set, kind, used_for_development, measured_on, frame, metric, coder, coder_low,
        coder_high, two_coders, two_coders_low, two_coders_high, gap`` (two coders minus
        the automatic coder; ``measured_on`` is the generalisation table's label, empty
        where it has none); the two-coder interval is that of the pooled value.

    Raises
    ------
    ValueError
        If a set has several batches in ``intercoder_table`` and no ``"all"`` row.
    """
    g = generalisation_table[generalisation_table.metric.isin(metrics)]
    ic = intercoder_table[intercoder_table.metric.isin(metrics)]
    rows = []
    for (name, frame, metric), part in g.groupby(["set", "frame", "metric"], sort=False):
        r = part.iloc[0]
        c = ic[(ic.set == name) & (ic.frame == frame) & (ic.metric == metric)]
        if c.empty:
            continue
        if (c.part == "all").any():
            c = c[c.part == "all"]
        if len(c) != 1:
            raise ValueError(f"set {name!r}: {len(c)} batches of two coders and no pooled "
                             "row (part 'all'); use the table of intercoder()")
        two = c.iloc[0]
        rows.append({"set": name, "kind": r.kind, "used_for_development":
                     r.used_for_development, "measured_on": r.get("measured_on", ""),
                     "frame": frame, "metric": metric,
                     "coder": r.value, "coder_low": r.ci_low, "coder_high": r.ci_high,
                     "two_coders": float(two.value), "two_coders_low": float(two.ci_low),
                     "two_coders_high": float(two.ci_high), "gap": float(two.value) - r.value})
    return pd.DataFrame(rows)
