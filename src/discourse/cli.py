"""The ``discourse`` command: thin wrappers that call the package's modules.

Each subcommand is a pair of functions, ``_add_NAME(subparsers)`` and ``_run_NAME(args)``,
listed in :data:`_COMMANDS` (the framing ones in :mod:`discourse.cli_framing`,
``reproduce`` and ``report`` in :mod:`discourse.cli_reproduce`); every one has ``--help``.
Errors in the input are reported as one line naming the file and the problem, with
exit status 2; nothing is written when the input is bad. An output's folder must exist
(``-o a/b/t.csv`` needs ``a/b/``): a typo in a path is an error, not a new folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings

from discourse import __version__
from discourse.cli_common import corpus_args as _corpus_args
from discourse.cli_common import emit as _emit
from discourse.cli_common import jobs_and_quiet as _jobs_and_quiet
from discourse.cli_common import output_arg as _output_arg
from discourse.cli_common import quiet_arg as _quiet_arg
from discourse.cli_common import show_bar as _show_bar
from discourse.cli_common import sentences as _sentences
from discourse.cli_framing import COMMANDS as _FRAMING_COMMANDS
from discourse.cli_reproduce import COMMANDS as _RUN_COMMANDS

__all__ = ["main", "build_parser"]


# --- sentences ------------------------------------------------------------------

def _add_sentences(sub) -> None:
    p = sub.add_parser("sentences", help="segment the corpus into the sentences table",
                       description="Write the sentences table (sentence_id, doc_id, "
                                   "year, date, paragraph, sentence, role, text) as "
                                   "CSV; date is the document's date in metadata.csv.")
    _corpus_args(p)
    _output_arg(p)
    _quiet_arg(p)


def _run_sentences(args) -> int:
    _emit(_sentences(args), args.output)
    return 0


# --- keywords -------------------------------------------------------------------

def _group_value(text: str):
    """A year on the command line is an integer; anything else (doc_id, 'rest') a string."""
    return int(text) if text.isdigit() else text


def _tokens(args, **options):
    from discourse import preprocess

    return preprocess.tokens(_sentences(args), preprocess.TermOptions(**options))


def _add_keyness(sub) -> None:
    p = sub.add_parser(
        "keyness", help="key terms of a target year against a reference year or the rest",
        description="Write the keyness table (term, counts, totals, rates per 10,000 "
                    "terms, signed G2 (2-cell UCREL form), p, p_adjusted, Hardie's Log "
                    "Ratio, %DIFF (flagged where the reference count is 0), BIC, Monroe "
                    "et al. log-odds z with its prior, text-dispersion G2 on paragraph "
                    "counts, optionally a paragraph permutation p; the correction and "
                    "the reference years are named in columns), sorted by G2 "
                    "descending. Terms: discourse.preprocess.terms with default "
                    "options. The corpus is streamed document by document into sparse "
                    "counts (discourse.counts).")
    p.add_argument("--target", required=True, metavar="YEAR", help="target year")
    p.add_argument("--reference", required=True, metavar="YEAR|rest|first|previous",
                   help="reference: a year, 'rest' (all other years pooled), 'first' (the "
                        "earliest year) or 'previous' (the year before the target)")
    p.add_argument("--min-count", type=int, default=3, metavar="N",
                   help="keep terms seen at least N times in target+reference (default 3)")
    p.add_argument("--g2-form", choices=["2-cell", "4-cell"], default="2-cell",
                   help="2-cell UCREL form (default) or Dunning's 4-cell form")
    p.add_argument("--correction", choices=["fdr_bh", "holm"], default="fdr_bh",
                   help="multiple-comparison correction of p_adjusted (default fdr_bh)")
    p.add_argument("--prior", choices=["pooled", "background"], default="pooled",
                   help="log-odds prior: pooled counts (default) or English word "
                        "frequencies (wordfreq)")
    p.add_argument("--permutations", type=int, default=0, metavar="N",
                   help="paragraph permutations for p_permutation (default 0: not run; "
                        "99999 for a report, as chapter 02; holds one row per paragraph)")
    p.add_argument("--seed", type=int, default=0, help="seed of the permutations")
    p.add_argument("--keep-pronouns", action="store_true",
                   help="keep we/our/... (the stop-word list's pronouns group)")
    _jobs_and_quiet(p)
    _corpus_args(p)
    _output_arg(p, required=True)


def _run_keyness(args) -> int:
    # the cyclic collector paused, NLTK's tokenizers without nltk/__init__ (lean_start)
    from discourse.lean_start import counting_session

    with counting_session():
        return _keyness(args)


def _stream_counts(args, *, level: str, check=None):
    """Term counts of the corpus at ``level`` with ``--keep-pronouns``, streamed: one
    document's text and sentences at a time per process (with ``--n-jobs``, each worker
    reads its own documents); ``check(docs)`` runs before any counting, after every
    checksum is verified; the progress bar only on a terminal and without ``--quiet``."""
    from discourse import corpus, parallel, preprocess

    docs, rows = corpus.stream_docs(args.corpus, layer=args.layer)      # no text held
    if check is not None:
        check(docs)                                                      # fail early
    options = preprocess.TermOptions(keep_pronouns=args.keep_pronouns)
    jobs = (parallel.auto_jobs(parallel.text_bytes(docs, args.corpus))
            if args.n_jobs == "auto" else args.n_jobs)
    return parallel.count_documents(docs, options, level=level, n_jobs=jobs,
                                    rows=rows if jobs == 1 else None,
                                    corpus=args.corpus,
                                    progress=_show_bar(args))


def _keyness(args) -> int:
    from discourse import keywords
    from discourse.stats import comparisons

    # per-year counts unless the permutation test needs paragraphs
    target, reference = _group_value(args.target), _group_value(args.reference)
    tc = _stream_counts(args, level="paragraph" if args.permutations else "year",
                        check=lambda docs: comparisons(docs["year"].unique(), target,
                                                       reference, name="year"))
    table = keywords.keyness(tc, target, reference, min_count=args.min_count,
                             g2_form=args.g2_form, correction=args.correction, prior=args.prior,
                             n_permutations=args.permutations, seed=args.seed)
    if table.empty:
        print(f"discourse keyness: warning: no term reached --min-count {args.min_count} "
              f"(target and reference together); {args.output} has the header only",
              file=sys.stderr)
    _emit(table, args.output)
    return 0


def _add_kwic(sub) -> None:
    p = sub.add_parser("kwic", help="keyword in context for a word or phrase",
                       description="Write sentence_id, doc_id, year, left, match, right "
                                   "for every occurrence of a word or phrase (matched on "
                                   "lemmas, British spelling and name variants: a canonical "
                                   "name of variants.csv, such as un or rats, also finds "
                                   "its variants; a variant finds itself; contexts "
                                   "within the sentence, as printed after spaces and "
                                   "quotes are made plain: typographic quotes and "
                                   "apostrophes read as ' and \").")
    p.add_argument("query", help='word or phrase, e.g. "member state" or rats')
    p.add_argument("--window", type=int, default=8, metavar="N",
                   help="tokens of context on each side (default 8)")
    _corpus_args(p)
    _output_arg(p)
    _quiet_arg(p)


def _run_kwic(args) -> int:
    from discourse import keywords

    found = keywords.kwic(_sentences(args), args.query, window=args.window)
    if found.empty:
        print(f"discourse kwic: warning: no occurrence of {args.query!r} (only the header "
              "was written)", file=sys.stderr)
    _emit(found, args.output)
    return 0


def _add_collocations(sub) -> None:
    p = sub.add_parser("collocations", help="bigram collocations per year (G2 and PMI)",
                       description="Write year, w1, w2, count, g2, pmi (pointwise "
                                   "mutual information, log base 2): NLTK's "
                                   "BigramCollocationFinder within sentences on terms "
                                   "without stop-word removal or phrase joining; no pair "
                                   "crosses punctuation or a number (they end a run of "
                                   "words and are not counted as words); bigrams with a "
                                   "stop word are filtered out.")
    p.add_argument("--min-count", type=int, default=3, metavar="N",
                   help="frequency filter: bigrams seen at least N times (default 3)")
    _corpus_args(p)
    _output_arg(p)
    _quiet_arg(p)


def _run_collocations(args) -> int:
    from discourse import keywords

    # punctuation and numbers kept: they end a run of words, and no pair crosses them
    tok = _tokens(args, stopwords=False, phrases=False, punctuation=True, numbers=True)
    table = keywords.collocations(tok, min_count=args.min_count)
    if table.empty:             # a header only, said (a small corpus, a high --min-count)
        print(f"discourse collocations: no pair of adjacent words occurs {args.min_count} "
              "times or more (--min-count); the table has its header only", file=sys.stderr)
    _emit(table, args.output)
    return 0


def _add_frequencies(sub) -> None:
    p = sub.add_parser("frequencies", help="term counts and rates per 10,000 by year or document",
                       description="Write {by}, term, count, total, per10k; a token is one "
                                   "analysis term of discourse.preprocess.terms. The corpus "
                                   "is streamed document by document into sparse counts "
                                   "(discourse.counts).")
    p.add_argument("--by", choices=["year", "doc_id"], default="year",
                   help="group by year (default) or document")
    p.add_argument("--keep-pronouns", action="store_true",
                   help="keep we/our/... (the stop-word list's pronouns group)")
    _jobs_and_quiet(p)
    _corpus_args(p)
    _output_arg(p)


def _run_frequencies(args) -> int:
    from discourse import keywords

    _emit(keywords.frequencies(_stream_counts(args, level=args.by), by=args.by), args.output)
    return 0


# --- topics ---------------------------------------------------------------------

def _add_topics(sub) -> None:
    from discourse import results
    from discourse.topics import DEFAULT_K, DEFAULT_MODEL, DEFAULT_SEED, MODELS, UNITS

    files = [o.file for o in results.TABLES if o.chapter == "03-topics"]
    p = sub.add_parser(
        "topics", help="fit an NMF or LDA topic model; stability, prevalence by year",
        description="Fit a seeded topic model on units of the corpus (the pipeline of "
                    "notebook 03, discourse.topics.run_pipeline) and write "
                    f"{', '.join(files[1:])} (and {files[0]} with --grid) into DIR; "
                    f"without --grid, an earlier run's {files[0]} is removed from DIR (no "
                    "other file is touched). Conventions: discourse.topics.")
    _corpus_args(p)
    p.add_argument("--model", choices=MODELS, default=DEFAULT_MODEL,
                   help=f"nmf (on TF-IDF) or lda (on counts) (default: {DEFAULT_MODEL})")
    p.add_argument("--k", type=int, default=DEFAULT_K,
                   help=f"number of topics (default: {DEFAULT_K})")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED,
                   help=f"seed of the model and the bootstrap (default: {DEFAULT_SEED})")
    p.add_argument("--units", choices=UNITS, default="paragraphs",
                   help="paragraphs, speaker turns, or windows of sentences "
                        "(default: paragraphs)")
    p.add_argument("--window", type=int, default=5, metavar="N",
                   help="sentences per window with --units windows (default: 5)")
    p.add_argument("--no-questions", action="store_true",
                   help="leave out interview questions (default: keep them)")
    p.add_argument("--seeds", type=int, default=10, metavar="N",
                   help="runs for the stability measures (default: 10)")
    p.add_argument("--n-boot", type=int, default=2000, metavar="N",
                   help="bootstrap resamples for prevalence intervals (default: 2000)")
    p.add_argument("--design", choices=["block", "units"], default="block",
                   help="prevalence bootstrap: runs of consecutive units within documents "
                        "(default) or independent units")
    p.add_argument("--algorithm", choices=["batch", "online"], default="batch",
                   help="batch NMF/LDA (default) or online (MiniBatchNMF, online LDA) "
                        "for large corpora")
    p.add_argument("--grid", action="store_true",
                   help="also compare both models for k = 2..12 "
                        f"({results.TOPICS_MODEL_SELECTION.file})")
    p.add_argument("--labels", metavar="FILE", default=None,
                   help="topic labels CSV (default: CORPUS/annotations/topic_labels.csv)")
    _quiet_arg(p)
    p.add_argument("-o", "--output", metavar="DIR", required=True,
                   help="directory to write the tables into")


def _run_topics(args) -> int:
    from discourse import topics

    analysis = topics.run_pipeline(
        _sentences(args), unit=args.units, window=args.window,
        include_questions=not args.no_questions, model=args.model, k=args.k,
        seed=args.seed, ks=topics.DEFAULT_KS if args.grid else None, n_seeds=args.seeds,
        n_boot=args.n_boot, labels=args.labels, corpus=args.corpus,
        progress=_show_bar(args), algorithm=args.algorithm, design=args.design)
    stale = analysis.stale_tables(args.output)
    for path in analysis.write(args.output, layer=args.layer):
        print(path)
    for path in stale:
        print(f"removed {path}: an earlier run's table this run (no --grid) does not write",
              file=sys.stderr)
    return 0


# --- registry -------------------------------------------------------------------

_COMMANDS = {
    "sentences": (_add_sentences, _run_sentences),
    "keyness": (_add_keyness, _run_keyness),
    "kwic": (_add_kwic, _run_kwic),
    "collocations": (_add_collocations, _run_collocations),
    "frequencies": (_add_frequencies, _run_frequencies),
    "topics": (_add_topics, _run_topics),
    **_FRAMING_COMMANDS,
    **_RUN_COMMANDS,
}


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``discourse`` command."""
    parser = argparse.ArgumentParser(
        prog="discourse",
        description="Quantitative discourse analysis of a corpus of speeches "
                    "(sentences, keyness, topics, framing) with named conventions.")
    parser.add_argument("--version", action="version", version=f"discourse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add, _ in _COMMANDS.values():
        add(sub)
    return parser


#: Options that name where a command writes (a file, or a folder it fills).
_OUTPUT_OPTIONS = {"output": "-o", "results": "--results", "figures": "--figures",
                   "executed": "--executed"}


#: Commands that read a corpus but no lexicon (the chapters that reproduce runs say it).
_NO_LEXICONS = frozenset({"sentences", "report", "reproduce"})

#: Commands whose ``-o`` is a folder to write tables into; every other ``-o`` is one file.
FOLDER_OUTPUTS = frozenset({"topics", "validate", "report"})


def _output_problems(args) -> list[str]:
    """A message for each output whose folder does not exist or that names a folder
    where a file is written, and for each output inside the repository's own folders
    when the corpus is another (``reproduce`` has its run check these, with its other
    argument errors, all at once)."""
    from pathlib import Path

    from discourse import paths
    from discourse.checks import missing_folders

    if args.command == "reproduce":
        return []
    outputs = {flag: getattr(args, attr, None) for attr, flag in _OUTPUT_OPTIONS.items()}
    folder = args.command in FOLDER_OUTPUTS
    problems = missing_folders(outputs, files=() if folder else ("-o",),
                               folders=("-o",) if folder else ())
    if not folder and outputs["-o"] is not None and paths.tracked_source(outputs["-o"]):
        problems.append(f"-o {outputs['-o']} is a file of the repository's sources; "
                        "write elsewhere (nothing was written)")
    # (report reads --results and writes -o into report/, outside the checked folders)
    if hasattr(args, "corpus") and args.command != "report" \
            and paths.repo_root() is not None and not paths.is_study_corpus(args.corpus):
        problems += [f"the corpus {paths.corpus_dir(args.corpus)} is not the repository's, "
                     f"but {flag} {value} is inside the repository's own {inside}, with the "
                     "study's tables; write elsewhere (nothing was written)"
                     for flag, value in outputs.items() if value is not None
                     and (inside := paths.repository_folder(value)) is not None]
    elif args.command in ("frames", "report") and args.output is not None \
            and paths.repo_root() is not None:
        # in a checkout of the repository, coded sentences or HTML pages in results/,
        # figures/, corpus/ ... would replace the study's tables or sources (written by
        # `discourse reproduce` only), and a report of another run in the study's report/
        # would pass for the study's (an installed copy has no such folders to protect)
        inside = paths.repository_folder(args.output)
        if args.command == "report":
            from discourse.report import one_run    # the run as the report reads it

            run = one_run(args.notebooks, args.results)[1]
            other = (run is not None and Path(run).resolve() != (
                paths.base() / "results").resolve()) or not paths.is_study_corpus(args.corpus)
        else:
            other = True                             # coded sentences are no report
        if inside is None and other and Path(args.output).resolve().is_relative_to(
                (paths.base() / "report").resolve()):
            inside = "report/"
        if inside is not None:
            problems.append(f"-o {args.output} is inside the repository's own {inside}, "
                            "with the study's sources, tables or report (written by "
                            "discourse reproduce and make reproduce); write elsewhere "
                            "(nothing was written)")
    return problems


def _warning_line(command: str, show):
    """A ``warnings.showwarning`` that prints the package's own warnings (e.g.
    :class:`discourse.framing.LetterCaseWarning`) as one line naming the command, and
    passes every other warning to ``show``."""
    def showwarning(message, category, filename, lineno, file=None, line=None):
        if category.__module__.startswith("discourse."):
            print(f"discourse {command}: warning: {message}", file=sys.stderr)
        else:
            show(message, category, filename, lineno, file, line)
    return showwarning


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from discourse.checks import join_problems
    from discourse.corpus import CorpusError

    args = build_parser().parse_args(argv)
    _, run = _COMMANDS[args.command]
    problems = _output_problems(args)
    if problems:
        print(f"discourse {args.command}: error: {join_problems(problems)}", file=sys.stderr)
        return 2
    try:
        with warnings.catch_warnings():     # restores showwarning afterwards
            warnings.showwarning = _warning_line(args.command, warnings.showwarning)
            if hasattr(args, "corpus") and args.command not in _NO_LEXICONS:
                from discourse import paths

                if note := paths.unread_lexicons(args.corpus):
                    warnings.warn(note, paths.UnreadLexiconsWarning, stacklevel=1)
            return run(args)
    except BrokenPipeError:             # output piped into e.g. `head`, which closed it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (CorpusError, ValueError, FileNotFoundError, FileExistsError,
            UnicodeDecodeError) as exc:
        print(f"discourse {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
