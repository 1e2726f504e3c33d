"""What the frame coder's accuracy figures were measured on, and how it transfers.

Every agreement figure names its data (issue 12): the corpus (real, but used to build
the lexicon: optimistic), sentences written for the purpose (synthetic: an upper bound
when they were used in development), or data left out. The hand-coded sets are listed
in ``corpus/annotations/sets.csv`` (:func:`load_sets`) with their kind and whether they
were used to build or tune the lexicon; the tables here carry those labels.

* :func:`generalisation`: the coder's agreement with the reference coding of every
  registered set, labelled (``kind``, ``used_for_development``, ``measured_on``).
* :func:`intercoder`: agreement between the two hand coders of each set before
  adjudication (percent agreement, Cohen's kappa, Krippendorff's alpha, F1), the
  ceiling an automatic coder can be held to; :func:`ceiling` puts the coder beside it.
* :func:`instrument_comparison`: the lexicon against a supervised instrument (TF-IDF
  logistic regression) chosen by evidence that never scores on data used to fit it:
  leave-one-document-out cross-validation over the development texts, and a fit on all
  development sets scored on the held-out set.
* :func:`transfer`: real-text transfer, trained on one text of the corpus and scored on
  the other, both ways.

Agreement statistics are :func:`discourse.stats.binary_agreement` (precision, recall,
F1, Cohen's kappa, Krippendorff's alpha); intervals come from
:func:`discourse.framing.validation.validate`.

References
----------
Pedregosa, F. et al. (2011). Scikit-learn: machine learning in Python. *JMLR* 12,
2825-2830.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from discourse import paths, provenance
from discourse.framing.coder import code_sentences
from discourse.framing.inputs import code_file
from discourse.framing.lexicon import FRAMES, as_lexicon
from discourse.framing.validation import load_validation, validate
from discourse.stats import AGREEMENT_METRICS, binary_agreement

__all__ = ["SETS_FILE", "load_sets", "load_set", "generalisation", "coder_pairs",
           "intercoder", "ceiling", "instrument_comparison", "transfer"]

#: The registry of hand-coded sets, under ``{corpus}/annotations/``.
SETS_FILE = "sets.csv"
_SET_COLUMNS = ["file", "set", "kind", "used_for_development", "texts", "sentences",
                "written_by", "coded_by", "description"]


def _measured_on(row) -> str:
    use = "used to build or tune the lexicon" if row.used_for_development == "yes" \
        else "never used to build or tune the lexicon"
    return f"{row.kind} text, {use}"


def load_sets(corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read the registry of hand-coded sets (``annotations/sets.csv``).

    Returns
    -------
    pandas.DataFrame
        ``file, set, kind, used_for_development, texts, sentences, written_by,
        coded_by, description, measured_on``; no rows if the corpus has no registry.

    Raises
    ------
    ValueError
        If the file lacks a column or a ``kind`` / ``used_for_development`` value is
        not one of real/synthetic, yes/no; the message names the file.
    """
    p = paths.corpus_dir(corpus) / "annotations" / SETS_FILE
    if not p.is_file():
        return pd.DataFrame(columns=[*_SET_COLUMNS, "measured_on"])
    table = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in _SET_COLUMNS if c not in table]
    if missing:
        raise ValueError(f"{p}: missing column(s) {', '.join(missing)}")
    for col, allowed in (("kind", {"real", "synthetic"}),
                         ("used_for_development", {"yes", "no"})):
        bad = sorted(set(table[col]) - allowed)
        if bad:
            raise ValueError(f"{p}: {col} {bad[0]!r} is not one of {sorted(allowed)}")
    return table.assign(measured_on=[_measured_on(r) for r in table.itertuples()])


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
    if file == "frames_validation.csv":
        hand = load_validation(corpus=root)
        sents = _corpus.segment(_corpus.load_docs(root))
        dates = _corpus.load_metadata(root).set_index("doc_id")["date"]
        m = sents.merge(hand[["sentence_id", *FRAMES]], on="sentence_id", how="inner")
        return pd.DataFrame({
            "id": m.sentence_id, "text": m.text,
            "paragraph": [f"{d}.p{p:03d}" for d, p in zip(m.doc_id, m.paragraph)],
            "document": m.doc_id, "date": m.doc_id.map(dates), **{f: m[f] for f in FRAMES}})
    table = pd.read_csv(root / "annotations" / file, dtype=str, keep_default_na=False)
    for col in ("paragraph", "document", "date"):
        if col not in table:
            table[col] = ""
    for f in FRAMES:
        table[f] = table[f].astype(int)
    return table[["id", "text", "paragraph", "document", "date", *FRAMES]]


def _code(table: pd.DataFrame, lex) -> pd.DataFrame:
    rows = pd.DataFrame({"sentence_id": table["id"], "text": table["text"],
                         "paragraph": table["paragraph"].replace("", None),
                         "doc_id": table["document"].replace("", None),
                         "date": table["date"].replace("", None)})
    return code_sentences(rows, lex, paragraph_cols=("paragraph",), document_col="doc_id",
                          date_col="date")


@provenance.tracked
def generalisation(lexicon=None, *, corpus: str | os.PathLike | None = None,
                   n_boot: int = 2000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Agreement of the coder with the reference coding of every registered set.

    Returns
    -------
    pandas.DataFrame
        The table of :func:`~discourse.framing.validation.validate` for each set, with
        first columns ``set, kind, used_for_development, measured_on``, in the order of
        ``sets.csv``; no rows when the corpus has no registry.
    """
    lex = as_lexicon(lexicon)
    parts = []
    for row in load_sets(corpus).itertuples():
        table = load_set(row.file, corpus)
        codes = _code(table, lex)
        hand = table.rename(columns={"id": "sentence_id"})
        v = validate(codes, hand, n_boot=n_boot, seed=seed, level=level)
        parts.append(v.assign(set=row.set, kind=row.kind,
                              used_for_development=row.used_for_development,
                              measured_on=row.measured_on))
    if not parts:
        return pd.DataFrame(columns=["set", "kind", "used_for_development", "measured_on"])
    out = pd.concat(parts, ignore_index=True)
    first = ["set", "kind", "used_for_development", "measured_on"]
    return out[first + [c for c in out.columns if c not in first]]


def coder_pairs(corpus: str | os.PathLike | None = None):
    """The independent codings of each hand-coded set, before adjudication.

    Yields
    ------
    tuple
        ``(set, part, coder_1, coder_2, codes_1, codes_2)``: ``set`` as in
        ``sets.csv``, ``part`` the batch of texts the two coders coded (``"all"``, or
        a writer batch such as ``"w3"``), the coders' names and their codes
        (``sentence_id`` and the frames), aligned row by row.
    """
    root = paths.corpus_dir(corpus) / "annotations"
    sets = load_sets(corpus).set_index("file")["set"]
    a, b = root / "frames_corpus_coder_a.csv", root / "frames_corpus_coder_b.csv"
    if a.is_file() and b.is_file() and "frames_validation.csv" in sets:
        x = pd.read_csv(a, dtype={"sentence_id": str}, keep_default_na=False)
        y = pd.read_csv(b, dtype={"sentence_id": str}, keep_default_na=False)
        yield (sets["frames_validation.csv"], "all", "A", "B", x[["sentence_id", *FRAMES]],
               y.set_index("sentence_id").loc[x.sentence_id].reset_index()[
                   ["sentence_id", *FRAMES]])
    for file, name in sets.items():
        long = root / file.replace(".csv", "_coders.csv")
        if not long.is_file():
            continue
        ref = pd.read_csv(root / file, dtype=str, keep_default_na=False)
        coders = pd.read_csv(long, dtype={"id": str}, keep_default_na=False)
        for part, rows in ref.groupby("set", sort=True):
            sub = coders[coders.id.isin(set(rows.id))]
            c1, c2 = sorted(sub.coder.unique())
            pick = [sub[sub.coder == c].set_index("id").loc[rows.id].reset_index()
                    .rename(columns={"id": "sentence_id"})[["sentence_id", *FRAMES]]
                    for c in (c1, c2)]
            yield (name, part, c1, c2, *pick)


@provenance.tracked
def intercoder(corpus: str | os.PathLike | None = None, *, n_boot: int = 2000,
               seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Agreement between the two hand coders of each set, before adjudication.

    Kappa, alpha and F1 are symmetric in the two coders; they and their intervals are
    those of :func:`~discourse.framing.validation.validate` with one coder as the
    reference. ``percent_agreement`` is the share of sentences with the same code, with
    a Wilson (1927) interval (sentences treated as independent).

    Returns
    -------
    pandas.DataFrame
        ``set, part, coders, frame, metric, value, ci_low, ci_high, n`` for the metrics
        ``percent_agreement, f1, kappa, alpha``.
    """
    from discourse.stats import wilson_interval

    rows = []
    for name, part, c1, c2, x, y in coder_pairs(corpus):
        v = validate(x, y, n_boot=n_boot, seed=seed, level=level)
        v = v[v.metric.isin(["f1", "kappa", "alpha"])]
        for f in FRAMES:
            same = int((x[f].to_numpy() == y[f].to_numpy()).sum())
            lo, hi = wilson_interval(same, len(x), level)
            rows.append({"frame": f, "metric": "percent_agreement", "value": same / len(x),
                         "ci_low": lo, "ci_high": hi, "n": len(x)})
        rows += v[["frame", "metric", "value", "ci_low", "ci_high", "n"]].to_dict("records")
        for r in rows:
            r.setdefault("set", name)
            r.setdefault("part", part)
            r.setdefault("coders", f"{c1} vs {c2}")
    out = pd.DataFrame(rows, columns=["set", "part", "coders", "frame", "metric", "value",
                                      "ci_low", "ci_high", "n"])
    return out.sort_values(["set", "part", "frame", "metric"], kind="stable",
                           ignore_index=True)


def ceiling(generalisation_table: pd.DataFrame, intercoder_table: pd.DataFrame,
            metrics=("f1", "kappa")) -> pd.DataFrame:
    """The automatic coder beside the ceiling of two hand coders, per set and frame.

    Returns
    -------
    pandas.DataFrame
        ``set, kind, used_for_development, frame, metric, coder, coder_low, coder_high,
        two_coders, two_coders_low, two_coders_high, gap`` (two coders minus the automatic
        coder); the two-coder figures pool the set's batches (sentence-weighted mean of
        the batches' values; the interval is the range of the batches' intervals).
    """
    g = generalisation_table[generalisation_table.metric.isin(metrics)]
    ic = intercoder_table[intercoder_table.metric.isin(metrics)]
    rows = []
    for (name, frame, metric), part in g.groupby(["set", "frame", "metric"], sort=False):
        r = part.iloc[0]
        c = ic[(ic.set == name) & (ic.frame == frame) & (ic.metric == metric)]
        if c.empty:
            continue
        two = float(np.average(c.value, weights=c.n))
        rows.append({"set": name, "kind": r.kind, "used_for_development":
                     r.used_for_development, "frame": frame, "metric": metric,
                     "coder": r.value, "coder_low": r.ci_low, "coder_high": r.ci_high,
                     "two_coders": two, "two_coders_low": float(c.ci_low.min()),
                     "two_coders_high": float(c.ci_high.max()), "gap": two - r.value})
    return pd.DataFrame(rows)


def _scores(method, data, frame, y, pred, **extra) -> dict:
    r = binary_agreement(np.asarray(pred, dtype=int), np.asarray(y, dtype=int))
    return {"method": method, "data": data, "frame": frame,
            **{m: r[m] for m in AGREEMENT_METRICS}, "n": r["n"], **extra}


def _tfidf_model(seed, min_df=2):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, sublinear_tf=True),
                         LogisticRegression(class_weight="balanced", max_iter=2000,
                                            random_state=seed))


def _fit_predict(train_text, train_y, test_text, seed, min_df=2):
    if len(set(train_y)) < 2:                 # a frame absent from the training text
        return np.full(len(test_text), int(train_y[0]) if len(train_y) else 0)
    return _tfidf_model(seed, min_df).fit(list(train_text), train_y).predict(list(test_text))


@provenance.tracked
def instrument_comparison(lexicon=None, *, corpus: str | os.PathLike | None = None,
                          seed: int = 0, n_folds: int = 10) -> pd.DataFrame:
    """The lexicon against a supervised instrument, never scored on its training data.

    The supervised instrument is a TF-IDF (unigrams and bigrams, sublinear tf) logistic
    regression per frame (balanced class weights). Two designs: (1) cross-validation that
    leaves out whole documents: the development texts with documents (the corpus's two
    texts and the SCO-style development texts) are split into ``n_folds`` groups of
    documents (``sklearn.model_selection.GroupKFold``, deterministic); each group is
    scored by a model fitted on all other development sentences (the synthetic
    hard-case sets, which have no documents, are always in training); predictions are
    pooled; (2) a fit on all development sets, scored on every set that was never used
    for development.
    The lexicon is scored on the same sentences; on the development sets its figures are
    optimistic (it was built on them), on the held-out sets they are not.

    Returns
    -------
    pandas.DataFrame
        ``method`` (``lexicon`` / ``tfidf_logreg``), ``data`` (what it was measured on),
        ``frame``, ``precision, recall, f1, kappa, alpha, n``, ``design``.
    """
    lex = as_lexicon(lexicon)
    sets = load_sets(corpus)
    tables = {r.set: (r, load_set(r.file, corpus)) for r in sets.itertuples()}
    dev = pd.concat([t.assign(_set=s) for s, (r, t) in tables.items()
                     if r.used_for_development == "yes"], ignore_index=True)
    codes = {s: _code(t, lex) for s, (r, t) in tables.items()}
    rows = []
    docs = dev["document"].where(dev["document"] != "", "")
    grouped = sorted(set(docs) - {""})
    if grouped:
        from sklearn.model_selection import GroupKFold

        pred = {f: np.zeros(len(dev), dtype=int) for f in FRAMES}
        test_mask = docs != ""
        idx = np.flatnonzero(test_mask.to_numpy())
        folds = GroupKFold(n_splits=min(n_folds, len(grouped)))
        for _, te_pos in folds.split(idx, groups=docs.to_numpy()[idx]):
            te = np.zeros(len(dev), dtype=bool)
            te[idx[te_pos]] = True
            for f in FRAMES:
                pred[f][te] = _fit_predict(dev.text[~te], dev[f][~te].to_numpy(),
                                           dev.text[te], seed)
        lex_codes = pd.concat([codes[s] for s in dev["_set"].unique()], ignore_index=True)
        for f in FRAMES:
            m = test_mask.to_numpy()
            data = f"development documents ({folds.get_n_splits()} folds of whole documents)"
            rows.append(_scores("tfidf_logreg", data, f, dev[f][m], pred[f][m],
                                design="documents left out"))
            rows.append(_scores("lexicon", data + "; lexicon built on them", f, dev[f][m],
                                lex_codes[f][m], design="documents left out"))
    for s, (r, t) in tables.items():
        if r.used_for_development == "yes":
            continue
        for f in FRAMES:
            p = _fit_predict(dev.text, dev[f].to_numpy(), t.text, seed)
            rows.append(_scores("tfidf_logreg", f"{s} ({r.measured_on})", f, t[f], p,
                                design="fit on all development sets"))
            rows.append(_scores("lexicon", f"{s} ({r.measured_on})", f, t[f], codes[s][f],
                                design="no fitting"))
    return pd.DataFrame(rows)


@provenance.tracked
def transfer(sentences: pd.DataFrame, hand: pd.DataFrame, codes: pd.DataFrame, *,
             by: str = "year", seed: int = 0) -> pd.DataFrame:
    """Real-text transfer: build on one text (group) of the corpus, score on another.

    For every ordered pair of groups (years, by default), two learned coders are fitted
    on the source group's hand-coded sentences and scored on the target group's: a
    TF-IDF logistic regression (as in :func:`instrument_comparison`, but keeping terms
    seen once, since one text is small), and a logistic regression on the lexicon coder's output
    for the sentence (its three codes and the words of its evidence), i.e. the lexicon
    re-weighted by one text. The hand-built lexicon itself is scored on each target as it
    is; it was developed on both texts, so its rows are not a transfer (``note``).

    Parameters
    ----------
    sentences : DataFrame
        The ``sentences`` table (``sentence_id, text`` and ``by``).
    hand : DataFrame
        Hand codes (``sentence_id`` and the frames).
    codes : DataFrame
        The lexicon's codes of the same sentences (``sentence_id``, frames, ``evidence``).

    Returns
    -------
    pandas.DataFrame
        ``source, target, method, frame, precision, recall, f1, kappa, alpha, n,
        n_train, note``; no rows with fewer than two groups.
    """
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    m = sentences[["sentence_id", "text", by]].merge(
        hand[["sentence_id", *FRAMES]], on="sentence_id").merge(
        codes[["sentence_id", *FRAMES, "evidence"]].rename(
            columns={f: f"lex_{f}" for f in FRAMES}), on="sentence_id")
    feats = (m["evidence"].fillna("") + " " + m[[f"lex_{f}" for f in FRAMES]].astype(str)
             .apply(lambda r: " ".join(f"LEX{i}_{v}" for i, v in enumerate(r)), axis=1))
    groups = sorted(m[by].unique().tolist())
    rows = []
    for src in groups:
        for tgt in groups:
            if src == tgt:
                continue
            tr, te = (m[by] == src).to_numpy(), (m[by] == tgt).to_numpy()
            for f in FRAMES:
                y_tr = m[f][tr].to_numpy()
                extra = {"source": src, "target": tgt, "n_train": int(tr.sum())}
                rows.append(_scores("tfidf_logreg", "", f, m[f][te],
                                    _fit_predict(m.text[tr], y_tr, m.text[te], seed, 1),
                                    note="fitted on the source text only", **extra))
                if len(set(y_tr)) < 2:
                    p = np.full(int(te.sum()), int(y_tr[0]))
                else:
                    vec = CountVectorizer(token_pattern=r"[^\s|,:]+", binary=True)
                    x_tr = vec.fit_transform(feats[tr])
                    p = LogisticRegression(class_weight="balanced", max_iter=2000,
                                           random_state=seed).fit(x_tr, y_tr).predict(
                        vec.transform(feats[te]))
                rows.append(_scores("lexicon_reweighted", "", f, m[f][te], p,
                                    note="lexicon output re-weighted on the source text",
                                    **extra))
                rows.append(_scores("lexicon", "", f, m[f][te], m[f"lex_{f}"][te],
                                    note="not a transfer: the lexicon was developed on "
                                         "both texts", **extra))
    cols = ["source", "target", "method", "frame", *AGREEMENT_METRICS, "n", "n_train", "note"]
    return pd.DataFrame(rows, columns=cols + ["data"])[cols] if rows else \
        pd.DataFrame(columns=cols)
