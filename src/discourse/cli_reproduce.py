"""The run subcommands of the ``discourse`` command (see :mod:`discourse.cli`).

``reproduce`` writes the sentences tables, executes the numbered notebooks headless
(``--param`` sets their parameters) and writes the manifest; ``report`` exports the
executed notebooks to HTML. Each is a pair ``_add_NAME(subparsers)``,
``_run_NAME(args)`` listed in :data:`COMMANDS`.
"""

from __future__ import annotations

import sys

__all__ = ["COMMANDS"]


def _add_reproduce(sub) -> None:
    from discourse import results

    p = sub.add_parser("reproduce", help="regenerate every table and figure",
                       description=f"Write {results.SENTENCES.ref}, execute the numbered "
                                   "notebooks in order headless, and write "
                                   f"{results.MANIFEST.ref} with the checksum of every "
                                   "file in the results and figures folders.")
    p.add_argument("--corpus", metavar="DIR", default=None, help="corpus directory")
    p.add_argument("--results", metavar="DIR", default=None, help="results directory")
    p.add_argument("--figures", metavar="DIR", default=None, help="figures directory")
    p.add_argument("--notebooks", metavar="DIR", default=None,
                   help="directory of the numbered notebooks (default: notebooks/)")
    p.add_argument("--executed", metavar="DIR", default=None,
                   help="save the executed notebooks here (default: over the originals "
                        "for the repository's own corpus and folders, else "
                        "RESULTS/notebooks/)")
    p.add_argument("--only", metavar="PREFIX", action="append", default=None,
                   help="run only notebooks whose name starts with PREFIX (repeatable)")
    p.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    p.add_argument("--param", metavar="[NOTEBOOK:]NAME=VALUE", action="append", default=[],
                   help="set a parameter of the notebooks' parameters cells (repeatable): "
                        "NAME=VALUE in every notebook that defines NAME, "
                        "NOTEBOOK:NAME=VALUE in the one notebook whose name starts with "
                        "NOTEBOOK, e.g. --param '02:TERMS=[\"asean\", \"trade\"]' "
                        "--param 03:K=6; VALUE is a Python literal of the type of the "
                        "notebook's own value (text for a string parameter); the "
                        "manifest records every value used")


def _run_reproduce(args) -> int:
    from discourse import interrupt, reproduce
    from discourse.notebook import parse_parameters

    try:
        with interrupt.signals_raise():
            parameters = parse_parameters(args.param, args.notebooks, only=args.only)
            reproduce.run(corpus=args.corpus, results=args.results, figures=args.figures,
                          notebooks=args.notebooks, executed=args.executed,
                          only=args.only, timeout=args.timeout,
                          parameters=parameters or None, make_folders=False)
    except reproduce.ReproduceUsageError as exc:    # refused or missing folders: usage
        print(f"discourse reproduce: error: {exc}", file=sys.stderr)
        return 2
    except reproduce.ReproduceError as exc:
        print(f"discourse reproduce: error: {exc}{_incomplete(args)}", file=sys.stderr)
        return 1
    except interrupt.Interrupted as exc:
        print(f"discourse reproduce: {exc}; stopped {exc.stopped} process(es) it had "
              "started; the previous outputs stand but for the files this run had "
              "finished (files are replaced only when complete, and the manifest was not "
              f"rewritten){_incomplete(args)}", file=sys.stderr, flush=True)
        return exc.exit_status
    return 0


def _incomplete(args) -> str:
    """The end of the message of a run that did not finish: its marker, if written."""
    from discourse import paths, results

    marker = paths.results_dir(args.results) / results.INCOMPLETE_MARKER
    if not marker.is_file():
        return ""
    return (f"; {marker} marks the folder as the output of a run that did not finish "
            "(discourse report refuses it) until a run finishes")


def _add_report(sub) -> None:
    p = sub.add_parser("report", help="export the executed notebooks to HTML",
                       description="Export every numbered notebook to HTML with an index "
                                   "page, for readers who do not run Python.")
    p.add_argument("--notebooks", metavar="DIR", default=None,
                   help="executed notebooks (default: RESULTS/notebooks/ when the results "
                        "folder holds them, else notebooks/)")
    p.add_argument("--results", metavar="DIR", default=None,
                   help="results folder of the run, read by the explorer (default: the "
                        "folder above NOTEBOOKS when it is a run's RESULTS/notebooks/, "
                        "else results/)")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus whose hand coding the explorer shows (default: corpus/)")
    p.add_argument("-o", "--output", metavar="DIR", default=None,
                   help="output directory (default: report/ beside a results folder "
                        "named results, else NAME-report/ beside the results folder NAME; "
                        "a folder holding the report of another results folder is refused)")


def _run_report(args) -> int:
    from discourse import report

    pages = report.export_html(args.notebooks, args.output, results=args.results,
                               corpus=args.corpus)
    print(f"wrote {len(pages)} pages; open {pages[-1]}")
    return 0


COMMANDS = {
    "reproduce": (_add_reproduce, _run_reproduce),
    "report": (_add_report, _run_report),
}
