"""The headline findings as citable sentences, each naming the table it comes from.

:func:`headline_findings` reads the result tables that the chapters wrote and returns
a tidy ``findings`` table (``section, finding, source``); :func:`render_summary`
turns it into Markdown; :func:`write_summary` writes ``results/summary.md`` whole.
Every number is taken from a table in ``results/`` (never recomputed here), so a
sentence can be traced to its row; the design caveat of each comparison of years says
whether the years' texts differ in genre, from the metadata of the tables' corpus
(:mod:`discourse.summary.design`). Sections whose tables are absent (for instance a
corpus without hand coding) are skipped with a note.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from discourse import __version__, paths, provenance
from discourse import results as R
from discourse.io import write_text
from discourse.summary.design import corpus_genres, single_text_caution
from discourse.summary.format import documents_per_year, read
from discourse.summary.framing import framing_findings
from discourse.summary.keywords import keyword_findings
from discourse.summary.topics import topic_findings

__all__ = ["headline_findings", "render_summary", "write_summary", "SECTIONS"]

#: Sections of the summary, in order.
SECTIONS = ("Corpus", "Framing", "Keywords", "Topics")


def _corpus(root: Path, *, genres=None):
    table = read(root, R.CORPUS_SUMMARY)
    if table is None:
        return
    docs = table[table.role == "all"]
    years = sorted(docs.year.unique())
    record = provenance.read_sidecar(R.CORPUS_SUMMARY.path(root)) or {}
    layer = (record.get("corpus") or {}).get("layer")
    parts = [f"{int(r.year)}: {r.doc_id} ({int(r.paragraphs)} paragraphs, "
             f"{int(r.sentences)} sentences, {int(r.words):,} words)"
             for r in docs.itertuples()]
    yield ("Corpus",
           f"The corpus has {len(docs)} document(s) from {len(years)} year(s), "
           f"{int(docs.sentences.sum())} sentences and {int(docs.words.sum()):,} words "
           + (f"({layer} layer): " if layer else "(text layer not recorded): ")
           + "; ".join(parts) + ".",
           R.CORPUS_SUMMARY.ref)
    if len(docs) == len(years):
        yield ("Corpus", single_text_caution(genres), "corpus/metadata.csv")


def headline_findings(results: str | os.PathLike | None = None, *,
                      corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """Collect the headline findings from the result tables.

    Parameters
    ----------
    results : path-like, optional
        The results directory (default: :func:`discourse.paths.results_dir`).
    corpus : path-like, optional
        The corpus the tables were made from, whose metadata give the genre of each
        year's texts for the design caveats (default: :func:`discourse.paths.corpus_dir`,
        used only where the checksum the tables record is its own; otherwise the caveats
        say that the texts may differ in genre).

    Raises
    ------
    ValueError
        If the tables come from several corpora, or ``corpus`` is given and is not the
        one they were made from.

    Returns
    -------
    pandas.DataFrame
        ``findings``: ``section, finding, source``, in the order of :data:`SECTIONS`.
    """
    root = paths.results_dir(results)
    genres = corpus_genres(root, corpus, sha256=_one_corpus(root))
    rows = []
    makers = (_corpus, framing_findings, keyword_findings, topic_findings)
    per_year = documents_per_year(root)
    one_year = per_year is not None and len(per_year) == 1
    for section, make in zip(SECTIONS, makers):
        found = list(make(root, genres=genres))
        if not found and section == "Keywords" and one_year:
            found = [(section, "No keyness: it compares a target year with a reference, "
                      "and this corpus has one year; chapter 02 wrote frequencies and "
                      "contexts only.", R.CORPUS_SUMMARY.ref)]
        rows += found or [(section, "No table for this section was found in results/.", "")]
    return pd.DataFrame(rows, columns=["section", "finding", "source"])


def _one_corpus(root: Path) -> str | None:
    """The corpus checksum the tables' sidecars record (``None`` where none does);
    refuse tables of several corpora in one folder.

    A chapter run directly on another corpus into a folder of an earlier run replaces
    only its own tables: the summary would cite the others as this corpus's.
    """
    seen: dict[str, list[str]] = {}          # corpus checksum -> tables
    names: dict[str, set] = {}                # corpus checksum -> folder names
    for out in R.TABLES:
        record = provenance.read_sidecar(out.path(root)) if out.path(root).is_file() else None
        corpus = (record or {}).get("corpus") or {}
        if corpus.get("sha256"):
            seen.setdefault(corpus["sha256"], []).append(out.file)
            names.setdefault(corpus["sha256"], set()).add(str(corpus.get("directory")))
    if len(seen) > 1:
        raise ValueError(
            f"{root}: the tables come from {len(seen)} corpora (or the corpus changed "
            "between runs): " + "; ".join(
                f"{', '.join(files[:3])}" + (f" and {len(files) - 3} more" if len(files) > 3
                                             else "")
                + f" from '{', '.join(sorted(names[sha]))}' (sha256 {sha[:12]}...)"
                for sha, files in seen.items())
            + ": run every chapter again on one corpus (discourse reproduce runs them all) "
            "before the summary (nothing was written)")
    return next(iter(seen), None)


def _header_places(results: str | os.PathLike | None) -> tuple[str, str, str, str]:
    """How the header names the tables' folder, the command that regenerates them, the
    manifest, and how the sources' paths read: the repository's own ``results/`` (or
    ``None``) or another folder."""
    root = paths.repo_root()
    if results is None or (root is not None
                           and Path(results).resolve() == (root / "results").resolve()):
        return "`results/`", "`make reproduce`", f"`{R.MANIFEST.ref}`", ""
    name = Path(results).resolve().name
    return (f"this folder (`{name}/`)",
            "`discourse reproduce` with the same `--corpus`, `--results` and `--figures`",
            f"`{R.MANIFEST.file}` in this folder",
            " Sources are named as in the repository: `results/NAME` is NAME in this "
            "folder, `figures/NAME` in the figures folder of the same run.")


def render_summary(findings: pd.DataFrame, *,
                   results: str | os.PathLike | None = None, level: int = 1) -> str:
    """Render a ``findings`` table as Markdown (one bullet per finding, source after).

    ``results`` is the folder the summary is written into; the header names it, the
    command that regenerates it and its manifest (default: the repository's
    ``results/`` and ``make reproduce``). ``level`` is the heading level of the title
    (its sections one below): 1 in ``summary.md``, 2 where a page already has its own
    title (chapter 05 shows it under the chapter's).
    """
    if level not in (1, 2, 3, 4, 5):
        raise ValueError(f"level must be 1 to 5, not {level!r}")
    folder, again, manifest, sources = _header_places(results)
    lines = [
        "#" * level + " Headline findings",
        "",
        f"Generated by `discourse` {__version__} (`discourse.summary`) from the tables in "
        f"{folder}; regenerate with {again}. Each finding names the table (and "
        "figure) it comes from; versions, corpus checksums and the checksum of every "
        f"table are in {manifest}, written by `discourse reproduce` (a chapter run by "
        f"hand does not update it).{sources} Percentages are shares of sentences; "
        "intervals are 95%.",
    ]
    for section, part in findings.groupby("section", sort=False):
        lines += ["", "#" * (level + 1) + f" {section}", ""]
        for r in part.itertuples():
            lines.append(f"- {r.finding}" + (f" [{r.source}]" if r.source else ""))
    return "\n".join(lines) + "\n"


def write_summary(results: str | os.PathLike | None = None, *,
                  corpus: str | os.PathLike | None = None) -> Path:
    """Write ``summary.md`` into the results directory; return its path.

    ``corpus`` is the corpus the tables were made from (see :func:`headline_findings`).
    """
    root = paths.results_dir(results)
    return write_text(render_summary(headline_findings(root, corpus=corpus), results=root),
                      R.SUMMARY.path(root))
