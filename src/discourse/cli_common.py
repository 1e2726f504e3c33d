"""Arguments and output shared by the subcommands of the ``discourse`` command."""

from __future__ import annotations

import argparse
import sys

__all__ = ["corpus_args", "output_arg", "n_jobs", "jobs_and_quiet", "quiet_arg", "show_bar",
           "emit", "sentences"]


def corpus_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus directory (default: $DISCOURSE_CORPUS or the "
                        "repository's corpus/)")
    p.add_argument("--layer", choices=["cleaned", "raw"], default="cleaned",
                   help="text layer: 'raw' as published, 'cleaned' with "
                        "corpus/corrections.csv applied (default: cleaned)")


def output_arg(p: argparse.ArgumentParser, required: bool = False) -> None:
    p.add_argument("-o", "--output", metavar="FILE.csv", required=required,
                   default=None, help="write the table here (default: standard output)"
                   if not required else "write the table here")


def workers(text: str, also: str = "") -> int:
    """The argparse type of a number of worker processes: a positive integer or -1 for
    one per core (:func:`discourse.checks.check_n_jobs`); anything else is a usage error
    naming the value (exit status 2). ``also`` names a further value the caller accepts,
    for the message."""
    from discourse.checks import check_n_jobs

    try:
        value = int(text)
        check_n_jobs("n_jobs", value)
    except ValueError:
        accepted = f", -1 (one per core) or {also}" if also else " or -1 (one per core)"
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive integer{accepted}") \
            from None
    return value


def n_jobs(text: str) -> int | str:
    """The argparse type of ``--n-jobs`` of the counting commands: :func:`workers` or
    ``"auto"`` (by the size of the corpus: :func:`discourse.parallel.auto_jobs`)."""
    return text if text == "auto" else workers(text, also="auto")


def jobs_and_quiet(p: argparse.ArgumentParser) -> None:
    """``--n-jobs`` (:func:`n_jobs`, default ``auto``) and ``--quiet`` of the counting
    commands."""
    p.add_argument("--n-jobs", type=n_jobs, default="auto", metavar="N",
                   help="processes counting partitions of the documents (-1: all cores; "
                        "auto, the default: one process below 3 MB of text, about half a "
                        "million words, one per core up to 4 from there; the table is the "
                        "same for any value)")
    quiet_arg(p)


def quiet_arg(p: argparse.ArgumentParser) -> None:
    """``--quiet``: no progress bar (a bar is shown only where standard error is a
    terminal)."""
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def show_bar(args) -> bool:
    """Whether a command shows its progress bar: on a terminal, unless ``--quiet``."""
    return not getattr(args, "quiet", False) and sys.stderr.isatty()


def emit(table, output: str | None) -> None:
    from discourse.io import FLOAT_FORMAT, write_table

    if output is None:
        table.to_csv(sys.stdout, index=False, float_format=FLOAT_FORMAT,
                     lineterminator="\n")
    else:
        write_table(table, output)


def sentences(args):
    """The sentences table of ``--corpus`` and ``--layer``, with a bar of the documents
    segmented on a terminal unless ``--quiet``."""
    from discourse import corpus

    return corpus.segment(corpus.load_docs(args.corpus, layer=args.layer),
                          progress=show_bar(args))
