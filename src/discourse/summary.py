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


def _framing(root: Path):
    shares = _read(root, R.FRAMING_SHARES)
    diffs = _read(root, R.FRAMING_DIFFERENCES)
    if shares is None:
        return
    src = f"{R.FRAMING_SHARES.ref}, {R.FRAMING_DIFFERENCES.ref}; {R.FIG_FRAME_SHARES.ref}"
    for frame, part in shares.groupby("frame", sort=False):
        years = "; ".join(
            f"{_pct(r.share)} of sentences in {int(r.year)} ({int(r.n_frame)} of "
            f"{int(r.n_sentences)}; 95% Wilson CI {_pct(r.ci_low)} to {_pct(r.ci_high)})"
            for r in part.sort_values("year").itertuples())
        text = f"**{frame.capitalize()}** framing (lexicon coder): {years}."
        if diffs is not None:
            for d in diffs[diffs.frame == frame].itertuples():
                text += (f" Difference {d.target} minus {d.reference}: {_pp(d.difference)} "
                         f"percentage points (95% Newcombe CI {_pp(d.ci_low)} to "
                         f"{_pp(d.ci_high)}; {d.test} {_p(d.p_value)}).")
        yield ("Framing", text, src)
    valid = _read(root, R.FRAMING_VALIDATION)
    if valid is not None:
        n = int(valid.n.iloc[0]) if "n" in valid else None
        yield ("Framing",
               f"Agreement of the lexicon coder with hand coding of {n} sentences "
               f"(percentile bootstrap CIs): {_agreement(valid)}.",
               f"{R.FRAMING_VALIDATION.ref}; {R.FIG_VALIDATION.ref}")
    gen = _read(root, R.FRAMING_GENERALISATION)
    if gen is not None and "set" in gen:
        for name, part in gen.groupby("set", sort=False):
            kind = ("held out: never seen by the lexicon's authors, the fair estimate for "
                    "new texts" if "heldout" in name else
                    "a development set used to tune the lexicon, so optimistic")
            yield ("Framing",
                   f"Agreement on {int(part.n.iloc[0])} SCO-style sentences outside the "
                   f"corpus ({name}; {kind}): {_agreement(part)}.",
                   R.FRAMING_GENERALISATION.ref)
    sens = _read(root, R.FRAMING_SENSITIVITY)
    if sens is not None and "holds" in sens:
        holds = sens.holds.astype(str).str.lower() == "true"
        broken = sens[~holds]
        text = (f"Sensitivity: the conclusion about each year difference holds in "
                f"{int(holds.sum())} of {len(sens)} checks (without questions, titles "
                "and leads; hand codes instead of lexicon codes).")
        if len(broken):
            text += " It changes for: " + "; ".join(
                f"{r.frame} ({r.variant}: {r.conclusion}, {_pp(r.difference)} points, "
                f"95% CI {_pp(r.ci_low)} to {_pp(r.ci_high)})" for r in broken.itertuples()) + "."
        yield ("Framing", text, R.FRAMING_SENSITIVITY.ref)


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


def _header_places(results: str | os.PathLike | None) -> tuple[str, str, str]:
    """How the header names the tables' folder, the command that regenerates them and
    the manifest: the repository's own ``results/`` (or ``None``) or another folder."""
    root = paths.repo_root()
    if results is None or (root is not None
                           and Path(results).resolve() == (root / "results").resolve()):
        return "`results/`", "`make reproduce`", f"`{R.MANIFEST.ref}`"
    name = Path(results).resolve().name
    return (f"this folder (`{name}/`)",
            "`discourse reproduce` with the same `--corpus`, `--results` and `--figures`",
            f"`{R.MANIFEST.file}` in this folder")


def render_summary(findings: pd.DataFrame, *,
                   results: str | os.PathLike | None = None) -> str:
    """Render a ``findings`` table as Markdown (one bullet per finding, source after).

    ``results`` is the folder the summary is written into; the header names it, the
    command that regenerates it and its manifest (default: the repository's
    ``results/`` and ``make reproduce``).
    """
    folder, again, manifest = _header_places(results)
    lines = [
        "# Headline findings",
        "",
        f"Generated by `discourse` {__version__} (`discourse.summary`) from the tables in "
        f"{folder}; regenerate with {again}. Each finding names the table (and "
        "figure) it comes from; versions, corpus checksums and the checksum of every "
        f"table are in {manifest}. Percentages are shares of sentences; "
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
    return write_text(render_summary(headline_findings(root), results=root),
                      R.SUMMARY.path(root))
