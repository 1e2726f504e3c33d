"""The framing subcommands of the ``discourse`` command (see :mod:`discourse.cli`).

``frames`` codes sentences, ``suggest-terms`` lists candidate lexicon words, ``sample``
draws a blind coding sheet and ``validate`` scores coded sheets; each is a pair
``_add_NAME(subparsers)``, ``_run_NAME(args)`` listed in :data:`COMMANDS`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from discourse.cli_common import corpus_args as _corpus_args
from discourse.cli_common import emit as _emit
from discourse.cli_common import output_arg as _output_arg
from discourse.cli_common import quiet_arg as _quiet_arg
from discourse.cli_common import show_bar as _show_bar
from discourse.cli_common import workers as _workers
from discourse.cli_common import sentences as _sentences

__all__ = ["COMMANDS"]


def _lexicon_arg(p) -> None:
    p.add_argument("--lexicon", metavar="FILE.yaml", default=None,
                   help="frame lexicon (default: frames.yaml in $DISCOURSE_LEXICONS if set, "
                        "else corpus/lexicons/frames.yaml)")


def _codebook_arg(p) -> None:
    p.add_argument("--codebook", metavar="FILE", default=None,
                   help="the codebook the coders follow (default: $DISCOURSE_CODEBOOK if "
                        "set, else docs/codebook.md)")


def _add_frames(sub) -> None:
    p = sub.add_parser("frames", help="code sentences for security, economy, multilateralism",
                       description="Code each row of INPUT.csv (columns id, text and "
                                   "optionally paragraph, document, date; the output of "
                                   "discourse sentences works as it is) with the frame "
                                   "lexicon; write id, security, economy, multilateralism "
                                   "(0/1), evidence.")
    p.add_argument("input", metavar="INPUT.csv",
                   help="sentences to code (UTF-8 CSV); '-' reads standard input")
    _output_arg(p)
    _lexicon_arg(p)
    p.add_argument("--jobs", "--n-jobs", type=_workers, default=1, metavar="N",
                   help="worker processes, -1 for one per core (default 1; the output "
                        "is the same; on 2 cores two workers were no faster than one "
                        "process on 60,000-300,000 sentences: benchmarks/README.md)")
    _quiet_arg(p)


def _run_frames(args) -> int:
    from discourse import framing

    lexicon = framing.load_lexicon(args.lexicon)
    bar = _show_bar(args)
    if args.input != "-":
        _emit(framing.code_file(args.input, lexicon, n_jobs=args.jobs, progress=bar),
              args.output)
        return 0
    import tempfile

    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "-"            # provenance records the name: '-'
        path.write_bytes(data)
        try:
            table = framing.code_file(path, lexicon, n_jobs=args.jobs, name="standard input",
                                      progress=bar)
        except (ValueError, FileNotFoundError) as exc:
            raise type(exc)(str(exc).replace(str(path), "standard input")) from None
    _emit(table, args.output)
    return 0


def _add_suggest_terms(sub) -> None:
    p = sub.add_parser(
        "suggest-terms", help="words near a frame's entries that the lexicon lacks",
        description="Rank the words that occur within --window tokens of the entries of "
                    "one frame more often than elsewhere in the corpus (windowed keyness: "
                    "signed G2, Benjamini-Hochberg adjusted p, Log Ratio), leaving out "
                    "words the lexicon already uses, with keyword-in-context lines. It "
                    "suggests; it never edits the lexicon.")
    p.add_argument("--frame", required=True, metavar="NAME",
                   help="security, economy or multilateralism")
    p.add_argument("--window", type=int, default=10, metavar="N",
                   help="tokens on each side of a match that count as near (default 10)")
    p.add_argument("--min-count", type=int, default=3, metavar="N",
                   help="keep words seen near the frame at least N times (default 3)")
    p.add_argument("-n", type=int, default=30, metavar="N", help="rows (default 30)")
    _lexicon_arg(p)
    _corpus_args(p)
    _output_arg(p)
    _quiet_arg(p)


def _run_suggest_terms(args) -> int:
    from discourse import framing

    lexicon = framing.load_lexicon(args.lexicon)
    table = framing.suggest_terms(_sentences(args), args.frame, lexicon, window=args.window,
                                  min_count=args.min_count, n=args.n)
    if table.empty:           # a header alone says nothing (a walkthrough's small corpus)
        print(f"discourse suggest-terms: no word occurs at least --min-count "
              f"{args.min_count} times within {args.window} words of an entry of the "
              f"frame {args.frame} "
              "and is missing from the lexicon; a small corpus may need --min-count 2 "
              "or 1", file=sys.stderr)
    _emit(table, args.output)
    return 0


def _add_sample(sub) -> None:
    p = sub.add_parser("sample", help="draw a blind coding sheet of sentences to hand-code",
                       description="Write a stratified random sample of sentences as a "
                                   "coding sheet (id, document, year, stratum, title, "
                                   "previous_paragraph, paragraph_text (the context of "
                                   "the codebook's rule 1), text, empty security, economy, "
                                   "multilateralism, note), never showing the coder's "
                                   "output, and SHEET.lock.json beside it with the sha256 "
                                   "of the codebook, the lexicon and its states file, the "
                                   "corpus files and the sample. Conventions: "
                                   "discourse.framing.sampling.")
    p.add_argument("--n", type=int, required=True, metavar="N", help="sentences to sample")
    p.add_argument("--by", choices=["year"], default=None,
                   help="stratify by year (proportional allocation, at least 2 per year)")
    p.add_argument("--seed", type=int, required=True, metavar="S", help="random seed")
    _corpus_args(p)
    _lexicon_arg(p)
    _codebook_arg(p)
    p.add_argument("-o", "--output", metavar="SHEET.csv", required=True,
                   help="the coding sheet to write (refused if it or its lock exists)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing SHEET.csv and SHEET.lock.json (a sheet that "
                        "may already be hand-coded)")


def _run_sample(args) -> int:
    from discourse.framing.sampling import draw_sample, lock_path

    sheet = draw_sample(args.output, n=args.n, seed=args.seed, by=args.by,
                        corpus=args.corpus, layer=args.layer, lexicon=args.lexicon,
                        codebook=args.codebook, overwrite=args.force)
    print(f"{args.output} ({len(sheet)} sentences)")
    print(lock_path(args.output))
    return 0


def _add_validate(sub) -> None:
    p = sub.add_parser("validate", help="agreement and corrected shares from coded sheets",
                       description="Check a coded sheet of `discourse sample` against its "
                                   "lock (refusing it if the corpus, the lexicon, its "
                                   "states file or the codebook changed) and write into "
                                   "DIR: agreement.csv and "
                                   "coder-disagreements.csv (the coder vs the hand codes), "
                                   "with a second sheet reliability.csv and "
                                   "intercoder-disagreements.csv, and the corpus's frame "
                                   "shares corrected with the sample: "
                                   "shares-rogan-gladen.csv, shares-ppi.csv. Conventions: "
                                   "discourse.framing.sheets.")
    p.add_argument("sheet", metavar="SHEET.csv", help="the coded sheet (the reference)")
    p.add_argument("second", metavar="SECOND_SHEET.csv", nargs="?", default=None,
                   help="a second coder's sheet of the same sample")
    p.add_argument("--lock", metavar="FILE", default=None,
                   help="the lock of SHEET.csv (default: SHEET.lock.json beside it)")
    p.add_argument("--corpus", metavar="DIR", default=None,
                   help="corpus directory (default: $DISCOURSE_CORPUS or the "
                        "repository's corpus/)")
    _lexicon_arg(p)
    _codebook_arg(p)
    p.add_argument("--n-boot", type=int, default=None, metavar="N",
                   help="bootstrap replicates of the corrected shares (default 20000)")
    p.add_argument("--agreement-n-boot", type=int, default=None, metavar="N",
                   help="bootstrap replicates of the agreement and reliability intervals "
                        "(default 10000)")
    p.add_argument("--seed", type=int, default=None, help="bootstrap seed")
    p.add_argument("-o", "--output", metavar="DIR", required=True,
                   help="directory to write the tables into")


def _run_validate(args) -> int:
    from discourse.framing.sheets import validate_sheet

    extra = {k: v for k, v in (("n_boot", args.n_boot), ("seed", args.seed),
                               ("agreement_n_boot", args.agreement_n_boot)) if v is not None}
    result = validate_sheet(args.sheet, args.second, lock=args.lock, corpus=args.corpus,
                            lexicon=args.lexicon, codebook=args.codebook, **extra)
    for path in result.write(args.output):
        print(path)
    return 0


COMMANDS = {
    "frames": (_add_frames, _run_frames),
    "suggest-terms": (_add_suggest_terms, _run_suggest_terms),
    "sample": (_add_sample, _run_sample),
    "validate": (_add_validate, _run_validate),
}
