"""The ``discourse`` command: thin wrappers that call the package's modules.

Each subcommand is a pair of functions, ``_add_NAME(subparsers)`` and
``_run_NAME(args)``, listed in :data:`_COMMANDS`; every subcommand has ``--help``.
Errors in the input are reported as one line naming the file and the problem, with
exit status 2; nothing is written when the input is bad.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from discourse import __version__

__all__ = ["main", "build_parser"]


def _corpus_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus directory (default: $DISCOURSE_CORPUS or the "
                        "repository's corpus/)")
    p.add_argument("--layer", choices=["cleaned", "raw"], default="cleaned",
                   help="text layer: 'raw' as published, 'cleaned' with "
                        "corpus/corrections.csv applied (default: cleaned)")


def _output_arg(p: argparse.ArgumentParser, required: bool = False) -> None:
    p.add_argument("-o", "--output", metavar="FILE.csv", required=required,
                   default=None, help="write the table here (default: standard output)"
                   if not required else "write the table here")


def _emit(table, output: str | None) -> None:
    from discourse.io import FLOAT_FORMAT, write_table

    if output is None:
        table.to_csv(sys.stdout, index=False, float_format=FLOAT_FORMAT,
                     lineterminator="\n")
    else:
        write_table(table, output)


# --- sentences ------------------------------------------------------------------

def _add_sentences(sub) -> None:
    p = sub.add_parser("sentences", help="segment the corpus into the sentences table",
                       description="Write the sentences table (sentence_id, doc_id, "
                                   "year, paragraph, sentence, role, text) as CSV.")
    _corpus_args(p)
    _output_arg(p)


def _run_sentences(args) -> int:
    from discourse import corpus

    docs = corpus.load_docs(args.corpus, layer=args.layer)
    _emit(corpus.segment(docs), args.output)
    return 0


# --- keywords (issue 4): add _add_*/_run_* functions above this line ---

# --- topics (issue 5): add _add_*/_run_* functions above this line ---

# --- framing (issue 6): add _add_*/_run_* functions above this line ---

# --- reproduce ------------------------------------------------------------------

def _add_reproduce(sub) -> None:
    p = sub.add_parser("reproduce", help="regenerate every table and figure",
                       description="Write results/sentences.csv, execute the numbered "
                                   "notebooks in order headless, and write "
                                   "results/manifest.json with the checksum of every "
                                   "file written.")
    p.add_argument("--corpus", metavar="DIR", default=None, help="corpus directory")
    p.add_argument("--results", metavar="DIR", default=None, help="results directory")
    p.add_argument("--figures", metavar="DIR", default=None, help="figures directory")
    p.add_argument("--executed", metavar="DIR", default=None,
                   help="save executed notebooks here (default: over the originals)")
    p.add_argument("--only", metavar="PREFIX", action="append", default=None,
                   help="run only notebooks whose name starts with PREFIX (repeatable)")
    p.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")


def _run_reproduce(args) -> int:
    from discourse import reproduce

    try:
        reproduce.run(corpus=args.corpus, results=args.results, figures=args.figures,
                      executed=args.executed, only=args.only, timeout=args.timeout)
    except reproduce.ReproduceError as exc:
        print(f"discourse reproduce: error: {exc}", file=sys.stderr)
        return 1
    return 0


# --- registry -------------------------------------------------------------------

_COMMANDS = {
    "sentences": (_add_sentences, _run_sentences),
    # keywords commands
    # topics commands
    # framing commands
    "reproduce": (_add_reproduce, _run_reproduce),
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


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from discourse.corpus import CorpusError

    args = build_parser().parse_args(argv)
    _, run = _COMMANDS[args.command]
    try:
        return run(args)
    except (CorpusError, ValueError, FileNotFoundError, UnicodeDecodeError) as exc:
        print(f"discourse {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
