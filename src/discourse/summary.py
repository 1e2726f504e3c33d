"""The headline findings as citable sentences, each naming the table it comes from.

:func:`headline_findings` reads the result tables that the chapters wrote and returns
a tidy ``findings`` table (``section, finding, source``); :func:`render_summary`
turns it into Markdown; :func:`write_summary` writes ``results/summary.md`` whole.
Every number is taken from a table in ``results/`` (never recomputed here), so a
sentence can be traced to its row. Sections whose tables are absent (for instance a
corpus without hand coding) are skipped with a note.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from discourse import __version__, paths
from discourse import results as R
from discourse.io import write_text

__all__ = ["headline_findings", "render_summary", "write_summary", "SECTIONS"]

#: Sections of the summary, in order.
SECTIONS = ("Corpus", "Framing", "Keywords", "Topics")


def _read(root: Path, output: R.Output) -> pd.DataFrame | None:
    path = output.path(root)
    if not path.is_file():
        return None
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _pp(x: float) -> str:
    return f"{100 * x:+.1f}"


def _p(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def _agreement(table: pd.DataFrame) -> str:
    """'frame F1 x (95% CI a-b), Cohen's kappa y (c-d); ...' from a validation table."""
    cells = []
    for frame, part in table.groupby("frame", sort=False):
        m = part.set_index("metric")
        cells.append(f"{frame} F1 {m.loc['f1', 'value']:.2f} (95% CI "
                     f"{m.loc['f1', 'ci_low']:.2f}-{m.loc['f1', 'ci_high']:.2f}), "
                     f"Cohen's kappa {m.loc['kappa', 'value']:.2f} "
                     f"({m.loc['kappa', 'ci_low']:.2f}-{m.loc['kappa', 'ci_high']:.2f})")
    return "; ".join(cells)


def _corpus(root: Path):
    table = _read(root, R.CORPUS_SUMMARY)
    if table is None:
        return
    docs = table[table.role == "all"]
    years = sorted(docs.year.unique())
    parts = [f"{int(r.year)}: {r.doc_id} ({int(r.paragraphs)} paragraphs, "
             f"{int(r.sentences)} sentences, {int(r.words):,} words)"
             for r in docs.itertuples()]
    yield ("Corpus",
           f"The corpus has {len(docs)} document(s) from {len(years)} year(s), "
           f"{int(docs.sentences.sum())} sentences and {int(docs.words.sum()):,} words "
           f"(cleaned layer): " + "; ".join(parts) + ".",
           R.CORPUS_SUMMARY.ref)
    if len(docs) == len(years):
        yield ("Corpus",
               "Caution: each year is represented by a single text, so any difference "
               "between years is also a difference between those texts (their genre, "
               "occasion and, for interviews, the journalists' questions).",
               "corpus/metadata.csv")


def _pp0(x: float) -> str:
    return f"{100 * x:+.0f}"


def _pct0(x: float) -> str:
    return f"{100 * x:.0f}%"


def _one_text_per_year(root: Path) -> bool:
    table = _read(root, R.CORPUS_SUMMARY)
    if table is None:
        return False
    docs = table[table.role == "all"]
    return len(docs) == docs.year.nunique()


def _caveat(single: bool) -> str:
    return (" Design caveat: each year is one text, so this is also a difference between "
            "two texts (their genre and occasion), not only between years." if single else
            " Design caveat: the years' texts differ in genre and occasion as well as in "
            "date.")


def _framing(root: Path):
    shares = _read(root, R.FRAMING_SHARES)
    diffs = _read(root, R.FRAMING_DIFFERENCES)
    if shares is None:
        return
    single = _one_text_per_year(root)
    src = f"{R.FRAMING_SHARES.ref}, {R.FRAMING_DIFFERENCES.ref}; {R.FIG_FRAME_SHARES.ref}"
    named = "interval" in shares
    if named:
        yield ("Framing",
               f"Intervals for frame shares and year differences: {shares.interval.iloc[0]}. "
               "Sentences of a paragraph are not independent draws, so these intervals are "
               "wider than Wilson's and Newcombe's, which assume independent sentences "
               "(kept in the tables as `*_independent`). Endpoints are given in whole "
               "percentage points: they move by a few tenths of a point between seeds "
               "(benchmarks/bootstrap_stability.py).", src)
    for frame, part in shares.groupby("frame", sort=False):
        how = "95% CI" if named else "95% Wilson CI"
        fmt = _pct0 if named else _pct
        years = "; ".join(
            f"{_pct(r.share)} of sentences in {int(r.year)} ({int(r.n_frame)} of "
            f"{int(r.n_sentences)}; {how} {fmt(r.ci_low)} to {fmt(r.ci_high)})"
            for r in part.sort_values("year").itertuples())
        text = f"**{frame.capitalize()}** framing (lexicon coder): {years}."
        if diffs is not None:
            for d in diffs[diffs.frame == frame].itertuples():
                if "p_value_independent" in diffs:
                    text += (f" Difference {d.target} minus {d.reference}: "
                             f"{_pp(d.difference)} percentage points (95% CI "
                             f"{_pp0(d.ci_low)} to {_pp0(d.ci_high)}; Fisher exact "
                             f"{_p(d.p_value_independent)} assuming independent sentences).")
                else:
                    text += (f" Difference {d.target} minus {d.reference}: "
                             f"{_pp(d.difference)} percentage points (95% Newcombe CI "
                             f"{_pp(d.ci_low)} to {_pp(d.ci_high)}; {d.test} {_p(d.p_value)}).")
            if len(diffs[diffs.frame == frame]):
                text += _caveat(single)
        yield ("Framing", text, src)
    yield from _corrected(root, single)
    valid = _read(root, R.FRAMING_VALIDATION)
    if valid is not None:
        n = int(valid.n.iloc[0]) if "n" in valid else None
        yield ("Framing",
               f"Agreement of the lexicon coder with hand coding of the corpus's {n} "
               "sentences (Wilson CIs for precision and recall, paragraph-cluster bootstrap "
               f"CIs for F1 and kappa): {_agreement(valid)}. These figures are optimistic: "
               "the lexicon was developed and revised on these very sentences.",
               f"{R.FRAMING_VALIDATION.ref}; {R.FIG_VALIDATION.ref}")
    yield from _generalisation(root, skip_corpus=valid is not None)
    sens = _read(root, R.FRAMING_SENSITIVITY)
    if sens is not None and "holds" in sens:
        checks = sens[sens.kind == "check"] if "kind" in sens else \
            sens[sens.variant != "lexicon codes, all"]
        holds = checks.holds.astype(str).str.lower() == "true"
        broken = checks[~holds]
        text = (f"Sensitivity: the conclusion about each year difference holds in "
                f"{int(holds.sum())} of {len(checks)} checks (without questions, titles "
                "and leads; hand codes instead of lexicon codes; the main result itself "
                "is not counted).")
        if len(broken):
            text += " It changes for: " + "; ".join(
                f"{r.frame} ({r.variant}: {r.conclusion}, {_pp(r.difference)} points, "
                f"95% CI {_pp0(r.ci_low)} to {_pp0(r.ci_high)})"
                for r in broken.itertuples()) + "."
        yield ("Framing", text, R.FRAMING_SENSITIVITY.ref)


def _generalisation(root: Path, skip_corpus: bool):
    """One sentence per registered hand-coded set: what it is, the coder, two coders."""
    gen = _read(root, R.FRAMING_GENERALISATION)
    if gen is None or "measured_on" not in gen:
        return
    ceil = _read(root, R.FRAMING_CEILING)
    for name, part in gen.groupby("set", sort=False):
        r = part.iloc[0]
        if skip_corpus and name == "corpus":
            continue
        what = (" This is the package's estimate of its accuracy on new text of this kind"
                + ("; the texts are synthetic, so real text may differ."
                   if r.kind == "synthetic" else ".")
                if r.used_for_development == "no" else
                " Optimistic: the lexicon was built or tuned on these sentences.")
        text = (f"Agreement of the lexicon coder with the adjudicated hand coding of "
                f"{int(r.n)} sentences of the set '{name}' ({r.measured_on}): "
                f"{_agreement(part)}.{what}")
        c = None if ceil is None else ceil[(ceil.set == name) & (ceil.metric == "kappa")]
        if c is not None and len(c):
            text += (" Two hand coders of the same sentences, before adjudication, agreed "
                     "at Cohen's kappa " + ", ".join(f"{x.frame} {x.two_coders:.2f}"
                                                     for x in c.itertuples()) + ".")
        src = R.FRAMING_GENERALISATION.ref + ("" if c is None or c.empty
                                              else f"; {R.FRAMING_CEILING.ref}")
        yield ("Framing", text, src)


def _corrected(root: Path, single: bool):
    corr = _read(root, R.FRAMING_SHARES_CORRECTED)
    if corr is None or corr.empty:
        return
    everything = bool((corr.n_hand == corr.n_sentences).all())
    cells = []
    for frame, part in corr.groupby("frame", sort=False):
        cells.append(f"{frame} " + ", ".join(
            f"{int(r.year)} {_pct(r.share_corrected)} (95% CI {_pct0(r.ci_low)} to "
            f"{_pct0(r.ci_high)}; hand codes {_pct(r.share_hand)}"
            + (f"; {r.flag}" if isinstance(r.flag, str) and r.flag else "") + ")"
            for r in part.sort_values("year").itertuples()))
    lead = ("Every sentence of the corpus is hand-coded, so the hand codes are the primary "
            "estimate; the coder's shares corrected for its errors show what a researcher "
            "would get without hand coding" if everything else
            "Coder shares corrected for the coder's errors")
    yield ("Framing",
           f"{lead} (Rogan and Gladen 1978, sensitivity and specificity from "
           f"{int(corr.drop_duplicates('year').n_hand.sum())} hand-coded sentences, joint "
           "bootstrap CIs): "
           + "; ".join(cells) + ".", R.FRAMING_SHARES_CORRECTED.ref)
    acc = _read(root, R.FRAMING_ACCURACY_BY_YEAR)
    if acc is None or "differs" not in acc:
        return
    differ = acc[acc.differs == "yes"]
    text = ("The coder's sensitivity and specificity "
            + ("differ between years for: " + "; ".join(
                f"{r.frame} {r.measure} ({r.year} minus {r.reference}: "
                f"{_pp(r.difference)} points, 95% CI {_pp0(r.difference_low)} to "
                f"{_pp0(r.difference_high)}"
                + ("; borderline: the interval nearly touches 0"
                   if min(abs(r.difference_low), abs(r.difference_high)) < 0.005 else "")
                + ")" for r in differ.itertuples())
               + ". Part of a difference between the years' coder shares may then be a "
               "difference in the coder's errors; compare the years on hand codes."
               if len(differ) else
               "do not differ detectably between years (cluster-bootstrap CIs of the "
               "differences include 0)."))
    yield ("Framing", text, R.FRAMING_ACCURACY_BY_YEAR.ref)


def _keywords(root: Path, n: int = 5):
    k = _read(root, R.KEYWORDS_KEYNESS)
    if k is None or k.empty:
        return
    target = k.target.iloc[0] if "target" in k else "target"
    reference = k.reference.iloc[0] if "reference" in k else "reference"
    sig = int((k.p_adjusted < 0.05).sum())

    def fmt(rows):
        return ", ".join(f"*{r.term}* ({int(r.count_target)} vs {int(r.count_reference)}; "
                         f"G2 {r.g2:+.1f}, Log Ratio {r.log_ratio:+.2f}, adjusted "
                         f"{_p(r.p_adjusted)})" for r in rows.itertuples())

    up = k[k.g2 > 0].head(n)
    down = k[k.g2 < 0].sort_values("g2").head(n)
    yield ("Keywords",
           f"Terms most over-represented in {target} relative to {reference} (signed "
           f"log-likelihood G2): {fmt(up)}.",
           f"{R.KEYWORDS_KEYNESS.ref}; {R.FIG_KEYNESS.ref}")
    yield ("Keywords",
           f"Terms most over-represented in {reference} relative to {target}: {fmt(down)}.",
           f"{R.KEYWORDS_KEYNESS.ref}; {R.FIG_KEYNESS.ref}")
    yield ("Keywords",
           f"{sig} of {len(k)} terms tested remain significant at 0.05 after the "
           "multiple-comparison correction (Benjamini-Hochberg unless the table says "
           "otherwise): with two texts, keyness is descriptive evidence, not a "
           "population-level trend.", R.KEYWORDS_KEYNESS.ref)
    boot = _read(root, R.KEYWORDS_BOOTSTRAP)
    if boot is not None and not boot.empty:
        top = boot.sort_values(["g2", "term"], ascending=[False, True]).head(n)
        yield ("Keywords",
               f"Paragraph bootstrap ({int(boot.n_boot.iloc[0])} resamples, seed "
               f"{int(boot.seed.iloc[0])}): share of resamples in which each top term "
               "keeps its sign and stays significant (unadjusted): " + ", ".join(
                   f"*{r.term}* {r.share_same_sign_significant:.2f} (Log Ratio 95% "
                   f"interval {r.log_ratio_low:+.2f} to {r.log_ratio_high:+.2f})"
                   for r in top.itertuples()) + ".",
               R.KEYWORDS_BOOTSTRAP.ref)


def _topics(root: Path, n: int = 3):
    stab = _read(root, R.TOPICS_STABILITY)
    if stab is None or stab.empty:
        return
    labels = _read(root, R.TOPICS_LABELS_CHECK)
    names = {}
    if labels is not None and {"topic", "label"} <= set(labels.columns):
        for r in labels.itertuples():
            stale = str(getattr(r, "status", "ok")) != "ok"
            names[int(r.topic)] = f"\"{r.label}\"" + (" (label stale)" if stale else "")
    model, k, seed = stab.model.iloc[0], int(stab.k.iloc[0]), int(stab.seed.iloc[0])
    runs = int(stab.n_runs.iloc[0])
    ordered = stab.sort_values(["stability", "topic"], ascending=[False, True])

    def fmt(rows):
        return ", ".join(f"topic {int(r.topic)} {names.get(int(r.topic), '')} "
                         f"({r.stability:.2f})".replace("  ", " ")
                         for r in rows.itertuples())

    yield ("Topics",
           f"{model.upper()} with k = {k} (reference seed {seed}). Most stable topics, "
           f"mean Jaccard overlap of top-10 terms with the reference run across {runs} "
           f"other seeds (Greene et al. 2014): {fmt(ordered.head(n))}; least stable: "
           f"{fmt(ordered.tail(1))}.",
           f"{R.TOPICS_STABILITY.ref}, {R.TOPICS_MODEL_SELECTION.ref}; "
           f"{R.FIG_MODEL_SELECTION.ref}")
    prev = _read(root, R.TOPICS_PREVALENCE)
    if prev is not None and "measure" in prev:
        diff = prev[prev.measure == "difference"].copy()
        if not diff.empty:
            diff["abs"] = diff.estimate.abs()
            rows = diff.sort_values(["abs", "topic"], ascending=[False, True]).head(n)
            yield ("Topics",
                   "Largest differences in mean topic weight per unit between years "
                   "(bootstrap 95% CIs, units resampled within year): " + "; ".join(
                       f"topic {int(r.topic)} {names.get(int(r.topic), '')} "
                       f"{int(r.year)} minus {int(float(r.reference))}: {r.estimate:+.3f} "
                       f"({r.ci_low:+.3f} to {r.ci_high:+.3f})".replace("  ", " ")
                       for r in rows.itertuples()) + ".",
                   f"{R.TOPICS_PREVALENCE.ref}; {R.FIG_PREVALENCE.ref}")


def headline_findings(results: str | os.PathLike | None = None) -> pd.DataFrame:
    """Collect the headline findings from the result tables.

    Parameters
    ----------
    results : path-like, optional
        The results directory (default: :func:`discourse.paths.results_dir`).

    Returns
    -------
    pandas.DataFrame
        ``findings``: ``section, finding, source``, in the order of :data:`SECTIONS`.
    """
    root = paths.results_dir(results)
    rows = []
    for section, make in zip(SECTIONS, (_corpus, _framing, _keywords, _topics)):
        found = list(make(root))
        rows += found or [(section, "No table for this section was found in results/.", "")]
    return pd.DataFrame(rows, columns=["section", "finding", "source"])


def render_summary(findings: pd.DataFrame) -> str:
    """Render a ``findings`` table as Markdown (one bullet per finding, source after)."""
    lines = [
        "# Headline findings",
        "",
        f"Generated by `discourse` {__version__} (`discourse.summary`) from the tables in "
        "`results/`; regenerate with `make reproduce`. Each finding names the table (and "
        "figure) it comes from; versions, corpus checksums and the checksum of every "
        f"table are in `{R.MANIFEST.ref}`. Percentages are shares of sentences; "
        "intervals are 95%.",
    ]
    for section, part in findings.groupby("section", sort=False):
        lines += ["", f"## {section}", ""]
        for r in part.itertuples():
            lines.append(f"- {r.finding}" + (f" [{r.source}]" if r.source else ""))
    return "\n".join(lines) + "\n"


def write_summary(results: str | os.PathLike | None = None) -> Path:
    """Write ``summary.md`` into the results directory; return its path."""
    root = paths.results_dir(results)
    return write_text(render_summary(headline_findings(root)), R.SUMMARY.path(root))
