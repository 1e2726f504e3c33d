"""The registry of result names: every table, text and figure the chapters write.

Notebooks, the summary, the report and :mod:`discourse.reproduce` refer to outputs
through these constants (``results.KEYWORDS_KEYNESS.path(RESULTS_DIR)``) instead of
file names typed in many places, so a name is spelled once, with a one-line
description, and a reader can find what writes it. Names are stable: reports cite
them (``results/framing-shares-by-year.csv``, ``figures/04-frame-shares-by-year.png``).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
from pathlib import Path
from typing import Iterable

from discourse import paths

__all__ = [
    "Output",
    "TABLES",
    "TEXTS",
    "FIGURES",
    "kwic",
    "kwic_outputs",
    "sentences_of",
    "by_name",
    "strays",
    "chapter_files",
    "stale_kwic",
    # tables
    "SENTENCES", "SENTENCES_RAW", "CORPUS_SUMMARY",
    "KEYWORDS_FREQUENCIES_BY_YEAR", "KEYWORDS_FREQUENCIES_BY_DOCUMENT",
    "KEYWORDS_TERM_FAMILIES", "KEYWORDS_KEYNESS", "KEYWORDS_KEYNESS_OWN_WORDS",
    "KEYWORDS_BOOTSTRAP",
    "KEYWORDS_KWIC", "KEYWORDS_COLLOCATIONS", "KEYWORDS_LEXICAL_DISPERSION",
    "TOPICS_MODEL_SELECTION", "TOPICS_TERMS", "TOPICS_STABILITY", "TOPICS_LABELS_CHECK",
    "TOPICS_PASSAGES", "TOPICS_DOCUMENTS", "TOPICS_PREVALENCE",
    "FRAMING_CODES", "FRAMING_VALIDATION", "FRAMING_CONFUSION", "FRAMING_DISAGREEMENTS",
    "FRAMING_GENERALISATION", "FRAMING_INTERCODER", "FRAMING_CEILING", "FRAMING_PROBES",
    "FRAMING_LETTER_CASE",
    "FRAMING_INSTRUMENTS", "FRAMING_TRANSFER", "FRAMING_SHARES",
    "FRAMING_DIFFERENCES", "FRAMING_SENSITIVITY", "FRAMING_COOCCURRENCE",
    "FRAMING_BY_ROLE", "FRAMING_TRAJECTORY", "FRAMING_SHARES_CORRECTED",
    "FRAMING_ACCURACY_BY_YEAR", "FRAMING_SAMPLE_SHEET", "FRAMING_SAMPLE_CODED",
    "FRAMING_SAMPLE_AGREEMENT", "FRAMING_SAMPLE_DISAGREEMENTS",
    "FRAMING_SAMPLE_ROGAN_GLADEN", "FRAMING_SAMPLE_PPI",
    # texts
    "SUMMARY", "MANIFEST", "FRAMING_SAMPLE_LOCK",
    # figures
    "FIG_CORPUS_STRUCTURE", "FIG_TERM_FAMILIES", "FIG_KEYNESS", "FIG_LOGODDS",
    "FIG_LEXICAL_DISPERSION", "FIG_MODEL_SELECTION", "FIG_TOPIC_TERMS",
    "FIG_PREVALENCE", "FIG_TOPIC_FLOW", "FIG_VALIDATION", "FIG_PROBES", "FIG_FRAME_SHARES",
    "FIG_COOCCURRENCE", "FIG_ROLES", "FIG_TRAJECTORY",
]

_SUFFIX = {"table": ".csv", "figure": ".png"}


@dataclasses.dataclass(frozen=True)
class Output:
    """One named output.

    Attributes
    ----------
    name : str
        Stable name: the file stem (``"keywords-keyness"``, ``"02-keyness"``).
    kind : {"table", "text", "figure"}
        Tables are CSV files in ``results/``; texts are other files there (the name
        includes the suffix); figures are PNG + SVG files in ``figures/``.
    chapter : str
        The notebook (or step) that writes it.
    description : str
        What it holds, in one line.
    """

    name: str
    kind: str
    chapter: str
    description: str

    @property
    def file(self) -> str:
        """The file name (a figure's PNG; its SVG twin has the same stem)."""
        return self.name + _SUFFIX.get(self.kind, "")

    @property
    def ref(self) -> str:
        """How reports cite it: ``results/NAME.csv`` or ``figures/NAME.png``."""
        return f"{'figures' if self.kind == 'figure' else 'results'}/{self.file}"

    def path(self, directory: str | os.PathLike | None = None) -> Path:
        """The file in ``directory`` (default: :func:`discourse.paths.results_dir`,
        or :func:`discourse.paths.figures_dir` for a figure)."""
        base = paths.figures_dir(directory) if self.kind == "figure" else \
            paths.results_dir(directory)
        return base / self.file

    def __str__(self) -> str:
        return self.name


def _t(name, chapter, description):
    return Output(name, "table", chapter, description)


_CHAPTERS = {"01": "01-corpus", "02": "02-keywords", "03": "03-topics", "04": "04-framing"}


def _f(name, description):
    return Output(name, "figure", _CHAPTERS[name[:2]], description)


SENTENCES = _t("sentences", "reproduce, 01-corpus",
               "one row per sentence of the cleaned layer (sentence_id ... role, text)")
SENTENCES_RAW = _t("sentences-raw", "reproduce", "the sentences table of the raw layer")
CORPUS_SUMMARY = _t("corpus-summary", "01-corpus",
                    "paragraphs, sentences and words per document and speaker role")
KEYWORDS_FREQUENCIES_BY_YEAR = _t("keywords-frequencies-by-year", "02-keywords",
                                  "term counts and rates per 10,000 terms by year")
KEYWORDS_FREQUENCIES_BY_DOCUMENT = _t("keywords-frequencies-by-document", "02-keywords",
                                      "term counts and rates per 10,000 terms by document")
KEYWORDS_TERM_FAMILIES = _t("keywords-term-families", "02-keywords",
                            "rate of each term family by year")
KEYWORDS_KEYNESS = _t("keywords-keyness", "02-keywords",
                      "keyness of the target year against the reference: G2, a paragraph "
                      "permutation test, text-dispersion G2, dispersion")
KEYWORDS_KEYNESS_OWN_WORDS = _t("keywords-keyness-own-words", "02-keywords",
                                "keyness of the speakers' own words: titles, leads and "
                                "interview questions left out")
KEYWORDS_BOOTSTRAP = _t("keywords-bootstrap", "02-keywords",
                        "stability of the top key terms over paragraph resamples")
KEYWORDS_KWIC = _t("keywords-kwic-{term}", "02-keywords",
                   "keyword in context of one term (one table per term, see kwic())")
KEYWORDS_COLLOCATIONS = _t("keywords-collocations", "02-keywords",
                           "bigram collocations per year (G2, PMI)")
KEYWORDS_LEXICAL_DISPERSION = _t("keywords-lexical-dispersion", "02-keywords",
                                 "positions of chosen terms along each document")
TOPICS_MODEL_SELECTION = _t("topics-model-selection", "03-topics",
                            "coherence, fit and stability of each model and k")
TOPICS_TERMS = _t("topics-terms", "03-topics", "top terms of each topic of the chosen model")
TOPICS_STABILITY = _t("topics-stability", "03-topics",
                      "per-topic stability across seeds and resamples; citable topics")
TOPICS_LABELS_CHECK = _t("topics-labels-check", "03-topics",
                         "researcher labels checked against the current top terms")
TOPICS_PASSAGES = _t("topics-passages", "03-topics", "the units most typical of each topic")
TOPICS_DOCUMENTS = _t("topics-documents", "03-topics", "each unit's share of each topic")
TOPICS_PREVALENCE = _t("topics-prevalence-by-year", "03-topics",
                       "mean topic share per year and year differences, block bootstrap CIs")
FRAMING_CODES = _t("framing-codes", "04-framing",
                   "frame codes (0/1) of every sentence with their evidence")
FRAMING_VALIDATION = _t("framing-validation", "04-framing",
                        "agreement of the lexicon codes with the hand codes, bootstrap CIs")
FRAMING_CONFUSION = _t("framing-confusion", "04-framing",
                       "hand x lexicon counts of each frame")
FRAMING_DISAGREEMENTS = _t("framing-disagreements", "04-framing",
                           "every sentence-frame where lexicon and hand codes differ")
FRAMING_GENERALISATION = _t("framing-generalisation", "04-framing",
                            "agreement with every hand-coded set, labelled by what it was "
                            "measured on (annotations/sets.csv)")
FRAMING_INTERCODER = _t("framing-intercoder", "04-framing",
                        "agreement between the two hand coders of each set (the ceiling)")
FRAMING_CEILING = _t("framing-ceiling", "04-framing",
                     "the automatic coder beside the two hand coders, per set and frame")
FRAMING_LETTER_CASE = _t("framing-letter-case", "04-framing",
                         "agreement with the hand codes of the development sets, text as "
                         "published, lower-cased and upper-cased")
FRAMING_INSTRUMENTS = _t("framing-instruments", "04-framing",
                         "the lexicon against a TF-IDF logistic regression, scored on "
                         "documents left out and on the held-out set")
FRAMING_PROBES = _t("framing-probes", "04-framing",
                    "agreement on invented texts of genres new to the lexicon (the "
                    "probes of docs/coding/): first scores, the coder now, two hand coders")
FRAMING_TRANSFER = _t("framing-transfer", "04-framing",
                      "coders built on one corpus text and scored on the other")
FRAMING_SHARES = _t("framing-shares-by-year", "04-framing",
                    "share of sentences with each frame per year, cluster bootstrap CIs "
                    "(Wilson beside them)")
FRAMING_DIFFERENCES = _t("framing-differences", "04-framing",
                         "differences of frame shares between years, cluster bootstrap "
                         "CIs (Newcombe beside them)")
FRAMING_SENSITIVITY = _t("framing-sensitivity", "04-framing",
                         "year differences under other choices of sentences and codes")
FRAMING_COOCCURRENCE = _t("framing-cooccurrence", "04-framing",
                          "how often two frames share a sentence")
FRAMING_BY_ROLE = _t("framing-by-role", "04-framing",
                     "frame shares by speaker role and year")
FRAMING_TRAJECTORY = _t("framing-trajectory", "04-framing",
                        "rolling frame shares along each text")
FRAMING_SHARES_CORRECTED = _t("framing-shares-corrected", "04-framing",
                              "frame shares corrected for coder error (Rogan-Gladen), "
                              "bootstrap CIs")
FRAMING_ACCURACY_BY_YEAR = _t("framing-accuracy-by-year", "04-framing",
                              "the coder's sensitivity and specificity by year, and "
                              "whether they differ")
FRAMING_SAMPLE_SHEET = _t("framing-sample-sheet", "04-framing",
                          "a blind coding sheet of `discourse sample` (demonstration)")
FRAMING_SAMPLE_CODED = _t("framing-sample-coded", "04-framing",
                          "the coding sheet filled from the corpus's hand coding")
FRAMING_SAMPLE_AGREEMENT = _t("framing-sample-agreement", "04-framing",
                              "agreement of the coder with the coded sheet (validate)")
FRAMING_SAMPLE_DISAGREEMENTS = _t("framing-sample-coder-disagreements", "04-framing",
                                  "sentence-frames where the coder and the sheet differ")
FRAMING_SAMPLE_ROGAN_GLADEN = _t("framing-sample-shares-rogan-gladen", "04-framing",
                                 "corpus shares corrected with the sample's Se and Sp")
FRAMING_SAMPLE_PPI = _t("framing-sample-shares-ppi", "04-framing",
                        "corpus shares by the prediction-powered estimator")
FRAMING_SAMPLE_LOCK = Output("framing-sample-sheet.lock.json", "text", "04-framing",
                             "checksums of codebook, lexicon, corpus and sample of the sheet")
SUMMARY = Output("summary.md", "text", "05-summary",
                 "the headline findings as citable sentences")
MANIFEST = Output("manifest.json", "text", "reproduce",
                  "versions, corpus checksums, parameters and sha256 of every output")

FIG_CORPUS_STRUCTURE = _f("01-corpus-structure", "sentences per document by role")
FIG_TERM_FAMILIES = _f("02-term-families", "rate of each term family by year")
FIG_KEYNESS = _f("02-keyness", "Log Ratio of the top key terms each way")
FIG_LOGODDS = _f("02-logodds", "weighted log-odds z against frequency")
FIG_LEXICAL_DISPERSION = _f("02-lexical-dispersion", "where chosen terms occur")
FIG_MODEL_SELECTION = _f("03-model-selection", "coherence and stability against k")
FIG_TOPIC_TERMS = _f("03-topic-terms", "top terms per topic with labels")
FIG_PREVALENCE = _f("03-prevalence-by-year", "mean topic share per year")
FIG_TOPIC_FLOW = _f("03-topic-flow", "topic shares along the running text")
FIG_VALIDATION = _f("04-validation", "the automatic coder beside two hand coders, per set")
FIG_PROBES = _f("04-probes", "the coder on invented texts of genres new to the lexicon, "
                "beside two hand coders")
FIG_FRAME_SHARES = _f("04-frame-shares-by-year", "frame shares by year (headline)")
FIG_COOCCURRENCE = _f("04-cooccurrence", "sentences carrying two frames")
FIG_ROLES = _f("04-roles", "frame shares by speaker role")
FIG_TRAJECTORY = _f("04-trajectory", "rolling frame shares along each text")

_ALL = {k: v for k, v in dict(globals()).items() if isinstance(v, Output)}
#: Every table, text and figure, by kind, in the order above.
TABLES = tuple(o for o in _ALL.values() if o.kind == "table")
TEXTS = tuple(o for o in _ALL.values() if o.kind == "text")
FIGURES = tuple(o for o in _ALL.values() if o.kind == "figure")


def sentences_of(layer: str) -> Output:
    """The sentences table of a text layer: :data:`SENTENCES` (``"cleaned"``) or
    :data:`SENTENCES_RAW` (``"raw"``).

    Examples
    --------
    >>> sentences_of("raw").file
    'sentences-raw.csv'
    """
    if layer not in ("cleaned", "raw"):
        raise ValueError(f"layer={layer!r} is not one of ('cleaned', 'raw')")
    return SENTENCES if layer == "cleaned" else SENTENCES_RAW


def kwic(term: str) -> Output:
    """The keyword-in-context table of one term (``keywords-kwic-member-state``).

    The file name holds the term in lower case with every run of characters other than
    letters, digits and hyphens made one hyphen, so that any term names a file inside
    the results folder ("U.S." -> ``keywords-kwic-u-s``, "a/b" -> ``keywords-kwic-a-b``).

    Raises
    ------
    ValueError
        If the term has no letter or digit.

    Examples
    --------
    >>> kwic("member state").file
    'keywords-kwic-member-state.csv'
    >>> kwic("U.S.").file, kwic("../état").file
    ('keywords-kwic-u-s.csv', 'keywords-kwic-état.csv')
    """
    slug = re.sub(r"[^\w-]+|_+", "-", term.lower()).strip("-")
    if not re.search(r"[^\W_]", slug):
        raise ValueError(f"keyword-in-context term {term!r} has no letter or digit to name "
                         "its table by")
    return dataclasses.replace(KEYWORDS_KWIC, name=KEYWORDS_KWIC.name.format(term=slug))


def kwic_outputs(terms: Iterable[str]) -> dict[str, Output]:
    """The keyword-in-context table of each term (:func:`kwic`), in the order given.

    Raises
    ------
    ValueError
        If a term has no letter or digit, or two terms would be written to one file
        ("U.S." and "u s"); the message names both.

    Examples
    --------
    >>> [o.file for o in kwic_outputs(["sco", "member state"]).values()]
    ['keywords-kwic-sco.csv', 'keywords-kwic-member-state.csv']
    """
    out: dict[str, Output] = {}
    for term in terms:
        o = kwic(term)
        same = [t for t, other in out.items() if other.file == o.file and t != term]
        if same:
            raise ValueError(f"keyword-in-context terms {same[0]!r} and {term!r} would be "
                             f"written to one file, {o.file}: keep one of them")
        out[term] = o
    return out


#: A file ``discourse reproduce`` writes into the results folder when it starts and
#: removes when the manifest is written: where it is left, a run did not finish, and the
#: folder may mix that run's tables with an earlier run's (``discourse report`` refuses).
INCOMPLETE_MARKER = ".run-incomplete"


def stale_kwic(directory: str | os.PathLike | None, terms) -> list[Path]:
    """The keyword-in-context tables in ``directory`` of terms other than ``terms``:
    left by an earlier run with other ``TERMS``, they are not this run's outputs.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for t in ("sco", "trade", "member state"):
    ...     _ = kwic(t).path(d).write_text("")
    >>> [p.name for p in stale_kwic(d, ["sco", "member state"])]
    ['keywords-kwic-trade.csv']
    """
    keep = {kwic(t).file for t in terms}
    pattern = KEYWORDS_KWIC.file.replace("{term}", "*")
    return sorted(p for p in paths.results_dir(directory).glob(pattern) if p.name not in keep)


def chapter_files(chapter: str, results: str | os.PathLike | None = None,
                  figures: str | os.PathLike | None = None) -> list[Path]:
    """The files in the output folders under the names of the outputs registered to
    ``chapter`` (a notebook's stem, ``"04-framing"``): its tables (every term's, for a
    pattern such as the keyword-in-context tables) with their provenance sidecars,
    texts, and figures (PNG and SVG). ``discourse reproduce`` removes those an earlier
    run wrote before it runs the chapter (:func:`discourse.reproduce.clear_chapter`).

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for o in (KEYWORDS_KEYNESS, kwic("trade"), FRAMING_CODES):
    ...     _ = o.path(d).write_text("")
    >>> [p.name for p in chapter_files("02-keywords", d, d)]
    ['keywords-keyness.csv', 'keywords-kwic-trade.csv']
    """
    found = set()
    for o in _ALL.values():
        if o.chapter != chapter:
            continue
        if o.kind == "figure":
            found |= {p for p in (o.path(figures), o.path(figures).with_suffix(".svg"))
                      if p.is_file()}
            continue
        folder, pattern = o.path(results).parent, o.file.replace("{term}", "*")
        found |= {p for p in folder.glob(pattern) if p.is_file()}
        if o.kind == "table":
            found |= {p for p in (folder / ".provenance").glob(f"{pattern}.json")
                      if p.is_file()}
    return sorted(found)


def by_name(name: str) -> Output:
    """The registered output called ``name`` (file stem, or file name of a text).

    Raises
    ------
    KeyError
        Naming the unknown name.
    """
    for output in (*TABLES, *TEXTS, *FIGURES):
        if output.name == name:
            return output
    raise KeyError(f"{name!r} is not a registered result name (see discourse.results)")


def strays(files: Iterable[str]) -> list[str]:
    """The output files that no registered output names (sorted).

    A table left behind by a step that no longer exists, or by a run of an older
    version, would otherwise be hashed into the manifest as if the run had written it.
    Registered are every output's file, a figure's SVG twin, a table's provenance
    sidecar (``.provenance/NAME.csv.json``) and each folder's ``README.md``.

    Parameters
    ----------
    files : iterable of str
        ``"results/NAME"`` or ``"figures/NAME"``, as
        :func:`discourse.reproduce.output_checksums` lists the output folders.

    Returns
    -------
    list of str
        Those of ``files`` that are no registered output.

    Examples
    --------
    >>> strays(["results/keywords-keyness.csv", "results/old.csv", "figures/02-keyness.svg"])
    ['results/old.csv']
    """
    tables = [o.file for o in TABLES]
    names = {"results": [*tables, *(o.file for o in TEXTS), "README.md",
                         *(".provenance/" + t + ".json" for t in tables)],
             "figures": [*(o.file for o in FIGURES),
                         *(o.name + ".svg" for o in FIGURES), "README.md"]}
    found = []
    for name in files:
        label, _, rel = name.partition("/")
        # a template ("keywords-kwic-{term}.csv") matches any term
        if not any(fnmatch.fnmatchcase(rel, n.replace("{term}", "*"))
                   for n in names.get(label, ())):
            found.append(name)
    return sorted(found)
