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


def _reference_name(k: pd.DataFrame) -> str:
    """'2019', '2019 (the only other year)' or 'all other years pooled (2019, 2021)'."""
    ref = str(k.reference.iloc[0])
    groups = str(k.reference_groups.iloc[0]).split(";") if "reference_groups" in k else [ref]
    return ", ".join(groups) if ref != "rest" or "reference_groups" not in k else \
        f"{groups[0]} (the only other year)" if len(groups) == 1 else \
        f"all other years pooled ({', '.join(groups)})"


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
    reference = _reference_name(k)
    correction = k.correction.iloc[0] if "correction" in k else "Benjamini-Hochberg FDR"
    sig = int((k.p_adjusted < 0.05).sum())
    src = f"{R.KEYWORDS_KEYNESS.ref}; {R.FIG_KEYNESS.ref}"

    def fmt(rows):
        return ", ".join(f"*{r.term}* ({int(r.count_target)} vs {int(r.count_reference)}; "
                         f"G2 {r.g2:+.1f}, Log Ratio {r.log_ratio:+.2f}, adjusted "
                         f"{_p(r.p_adjusted)})" for r in rows.itertuples())

    up = k[k.g2 > 0].head(n)
    down = k[k.g2 < 0].sort_values("g2").head(n)
    yield ("Keywords",
           f"Terms most over-represented in {target} relative to {reference} (signed "
           f"log-likelihood G2, tokens as independent draws): {fmt(up)}."
           + _caveat(_one_text_per_year(root)), src)
    yield ("Keywords",
           f"Terms most over-represented in {reference} relative to {target}: {fmt(down)}.",
           src)
    text = (f"{sig} of {len(k)} terms tested remain significant at 0.05 after the "
            f"{correction} correction (column `correction`)")
    if "p_permutation_adjusted" in k and k.p_permutation.notna().any():
        text += (f"; {int((k.p_permutation_adjusted < 0.05).sum())} with the paragraph "
                 f"permutation test, which does not treat tokens as independent "
                 f"(Lijffijt et al. 2016; {int(k.n_permutations.iloc[0]):,} permutations, "
                 f"seed {int(k.permutation_seed.iloc[0])})")
    if "p_dispersion_adjusted" in k and k.p_dispersion.notna().any():
        text += (f"; {int((k.p_dispersion_adjusted < 0.05).sum())} by text-dispersion "
                 "keyness, G2 on the number of paragraphs containing the term (Egbert and "
                 "Biber, in Corpora 14)")
    yield ("Keywords", text + ": with two texts, keyness is descriptive evidence, not a "
           "population-level trend.", R.KEYWORDS_KEYNESS.ref)
    if {"pct_diff_zero_reference", "logodds_prior"} <= set(k.columns):
        zero = k.pct_diff_zero_reference.astype(str).str.lower() == "true"
        yield ("Keywords",
               f"%DIFF of the {int(zero.sum())} terms absent from the reference is an "
               "artefact of the 0.5 put in place of their zero count "
               "(`pct_diff_zero_reference`) and is not interpreted; the log-odds z-scores "
               f"(Monroe et al. 2008) use the {k.logodds_prior.iloc[0]} prior (largest |z| "
               f"{k.logodds_z.abs().max():.2f}): a prior as heavy as the data shrinks every "
               "z towards 0, so their ranking, not their size, is the evidence "
               "(`prior=\"background\"` compares with English word frequencies instead).",
               R.KEYWORDS_KEYNESS.ref)
    boot = _read(root, R.KEYWORDS_BOOTSTRAP)
    if boot is not None and not boot.empty:
        top = boot.sort_values(["g2", "term"], ascending=[False, True]).head(n)
        yield ("Keywords",
               f"Paragraph bootstrap ({int(boot.n_boot.iloc[0]):,} resamples, seed "
               f"{int(boot.seed.iloc[0])}, paragraphs resampled within each document): "
               "share of resamples in which each top term keeps its sign and stays "
               "significant (unadjusted): " + ", ".join(
                   f"*{r.term}* {r.share_same_sign_significant:.2f} (Log Ratio 95% "
                   f"interval {r.log_ratio_low:+.1f} to {r.log_ratio_high:+.1f})"
                   for r in top.itertuples()) + ".",
               R.KEYWORDS_BOOTSTRAP.ref)


def _topic_names(root: Path) -> dict:
    labels = _read(root, R.TOPICS_LABELS_CHECK)
    names = {}
    if labels is not None and {"topic", "label"} <= set(labels.columns):
        for r in labels.itertuples():
            stale = str(getattr(r, "status", "ok")) != "ok"
            names[int(r.topic)] = f"\"{r.label}\"" + (" (label stale)" if stale else "")
    return names


def _topics(root: Path):
    stab = _read(root, R.TOPICS_STABILITY)
    if stab is None or stab.empty:
        return
    names = _topic_names(root)
    model, k, seed = stab.model.iloc[0], int(stab.k.iloc[0]), int(stab.seed.iloc[0])
    runs = int(stab.n_runs.iloc[0])
    src = (f"{R.TOPICS_STABILITY.ref}, {R.TOPICS_MODEL_SELECTION.ref}; "
           f"{R.FIG_MODEL_SELECTION.ref}")

    def name(t):
        return f"topic {int(t)} {names.get(int(t), '')}".strip()

    has_resample = "stability_resample" in stab
    per_topic = "; ".join(
        f"{name(r.topic)} {r.stability:.2f}"
        + (f" / {r.stability_resample:.2f}" if has_resample else "")
        for r in stab.sort_values("topic").itertuples())
    text = (f"{model.upper()} with k = {k} (reference seed {seed}). Stability of each "
            f"topic, mean Jaccard overlap of its top-10 terms with the matched topic of "
            f"{runs} refits (Greene et al. 2014), across seeds"
            + (f" / across refits on {stab.resample_fraction.iloc[0]:.0%} of the units"
               if has_resample else "") + f": {per_topic}.")
    citable = []
    if has_resample:
        ok = stab[stab.citable.astype(str).str.lower() == "true"]
        citable = ok.topic.astype(int).tolist()
        text += (f" Only topics stable across seeds (>= {stab.min_stability.iloc[0]:.1f}) "
                 f"and resamples (>= {stab.min_resample_stability.iloc[0]:.1f}) are cited: "
                 + (", ".join(name(t) for t in citable) if citable else
                    "none at this k, so no topic-level claim is made") + ".")
    sel = _read(root, R.TOPICS_MODEL_SELECTION)
    if sel is not None and "stability_resample" in sel:
        from discourse.topics.stability import suggest_k

        text += (f" The rule for k that uses both stabilities "
                 f"(`discourse.topics.suggest_k`) suggests k = "
                 f"{suggest_k(sel, model=model)} for {model.upper()}.")
    yield ("Topics", text, src)
    prev = _read(root, R.TOPICS_PREVALENCE)
    if prev is not None and "measure" in prev:
        diff = prev[prev.measure == "difference"].sort_values(["topic", "year"])
        if not diff.empty:
            how = diff.interval.iloc[0] if "interval" in diff else \
                "units resampled within year"
            yield ("Topics",
                   f"Difference in mean topic weight per unit between years, every topic "
                   f"({how}; 95% percentile intervals, {int(diff.n_boot.iloc[0]):,} "
                   "resamples): " + "; ".join(
                       f"{name(r.topic)} {int(r.year)} minus {str(r.reference).removesuffix('.0')}: "
                       f"{r.estimate:+.3f} ({r.ci_low:+.3f} to {r.ci_high:+.3f})"
                       + ("" if not has_resample or int(r.topic) in citable
                          else " [not citable]")
                       for r in diff.itertuples()) + ". With "
                   f"{len(diff)} intervals, about one in twenty would exclude 0 by chance "
                   "alone; and the topics were learned from the same texts whose "
                   "difference is tested, so their differences are partly built in."
                   + _caveat(_one_text_per_year(root)),
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
