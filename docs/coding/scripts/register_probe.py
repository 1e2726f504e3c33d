"""Register a probe (``docs/coding/probeN/``) in three steps, as the probes from
``probe6`` on were registered. Each step checks its input first and then writes whole
files (a temporary file renamed), or nothing, with an error that names the file and the
problem. Prints figures only, no sentence.

1. ``reference``: the two hand codings made blind in ``FOLDER`` (``texts.csv``,
   ``coder_a.csv``, ``coder_b.csv``) and the lead engineer's decisions on the sentences
   where they differ (``ADJUDICATIONS.json``: ``{"sentence id": ["SEM", "why"]}``, e.g.
   ``{"p129-09.p002.s02": ["000", "rule 1: ..."]}``, one entry for each disagreement and
   no other) become ``docs/coding/PROBE/`` with ``reference.csv``: coder A's codes where
   the coders agree, the decision (its note starting "adjudicated: ") where they do not::

       python docs/coding/scripts/register_probe.py reference probe129 /work/probe129 adj.json

2. ``register``: the probe scored once with the coder as it is (``LEXICON.yaml`` or the
   project's): its ``README.md`` and its row of ``docs/coding/probes.csv``
   (``errors_read`` "no")::

       python docs/coding/scripts/register_probe.py register probe129 --stop 52 \\
           --round 43 --commit 5eae56e --notes "'the Day' continues ... (rule 1)" \\
           --written "while round 43 was built from the errors of probes 123-125 (its \\
           genres were set before the round)"

3. ``develop``: after its errors were read and a round built from them, the probe
   becomes development data: its README says so and gives that round's (in-sample)
   scores beside the first, and its row says ``errors_read`` "yes" and which round::

       python docs/coding/scripts/register_probe.py develop probe123 probe124 \\
           --round 43 --commit 5eae56e

Kappa, F1 and macro-F1 are those of the scoring script (``score_probe.table``:
:func:`discourse.stats.binary_agreement` per frame, checked against scikit-learn's
``cohen_kappa_score`` and ``f1_score`` in the tests).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import os
import shutil
import sys
import tempfile
import textwrap
from pathlib import Path

from discourse.framing import code_set
from discourse.framing.lexicon import as_lexicon
from discourse.framing.probes import load_probe, load_probes
from discourse.io import write_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_probe import table as agreement_table  # noqa: E402  (the scoring script here)

F = ["security", "economy", "multilateralism"]
ROOT = Path(__file__).resolve().parents[1]
WIDTH = dict(width=92, break_on_hyphens=False)
SCORED, DEVELOPED = ": scored only", ": development data"
UNREAD = "Its errors have not been read."


def _read(path: Path, columns: list[str]) -> list[dict]:
    """The rows of a coding file, checked: its columns, and codes 0/1."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not found")
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    missing = [c for c in columns if c not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    if not rows:
        raise ValueError(f"{path}: no sentences")
    bad = [r["id"] for r in rows for f in F if f in columns and r[f] not in ("0", "1")]
    if bad:
        raise ValueError(f"{path}: sentence {bad[0]} has a code that is not 0 or 1")
    return [{c: r[c] for c in columns} for r in rows]


def _csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def reference(probe: str, folder, adjudications, root=ROOT) -> Path:
    """Write ``root/PROBE/`` (texts, both codings, the reference); see the module's
    docstring. Refuses a probe folder that exists."""
    folder, adjudications, root = Path(folder), Path(adjudications), Path(root)
    dest = root / probe
    if dest.exists():
        raise FileExistsError(f"{dest}: the probe exists already")
    texts = _read(folder / "texts.csv",
                  ["id", "document", "paragraph", "date", "genre", "text"])
    coders = [_read(folder / f"coder_{c}.csv", ["id", *F, "note"]) for c in "ab"]
    for c, rows in zip("ab", coders):
        if [r["id"] for r in rows] != [r["id"] for r in texts]:
            raise ValueError(f"{folder / f'coder_{c}.csv'}: its ids are not those of "
                             "texts.csv, in their order")
    decided = json.loads(adjudications.read_text(encoding="utf-8"))
    a, b = coders
    differ = [x["id"] for x, y in zip(a, b) if any(x[f] != y[f] for f in F)]
    if sorted(decided) != sorted(differ):
        raise ValueError(f"{adjudications}: decides {sorted(set(decided) - set(differ))} "
                         f"where the coders agree and leaves {sorted(set(differ) - set(decided))}"
                         " undecided; it must decide exactly the sentences where they differ")
    ref = []
    for x in a:
        if x["id"] in decided:
            codes, why = decided[x["id"]]
            if len(codes) != 3 or set(codes) - {"0", "1"}:
                raise ValueError(f"{adjudications}: {x['id']}: codes {codes!r} are not three "
                                 "of 0 and 1 (security, economy, multilateralism)")
            ref.append({"id": x["id"], **dict(zip(F, codes)), "note": "adjudicated: " + why})
        else:
            if x["note"].startswith("adjudicated"):
                raise ValueError(f"{folder / 'coder_a.csv'}: {x['id']}: a coder's note may "
                                 "not start with 'adjudicated'")
            ref.append(dict(x))
    tmp = Path(tempfile.mkdtemp(prefix=f".{probe}-", dir=root))
    try:
        write_text(_csv(texts, list(texts[0])), tmp / "texts.csv")
        for c, rows in zip("ab", coders):
            write_text(_csv(rows, ["id", *F, "note"]), tmp / f"coder_{c}.csv")
        write_text(_csv(ref, ["id", *F, "note"]), tmp / "reference.csv")
        os.replace(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dest


def scores(reference, codes) -> tuple[dict, dict, float]:
    """Per frame kappa and F1 of ``codes`` against ``reference``, and macro-F1, as the
    scoring script prints them (``score_probe.table``)."""
    got, macro = agreement_table(reference, codes)
    return dict(zip(F, got.kappa)), dict(zip(F, got.f1)), macro


def _cells(kappa, f1) -> str:
    return " | ".join(f"{kappa[f]:.3f} / {f1[f]:.3f}" for f in F)


def _registry(root: Path) -> tuple[list[str], list[list[str]]]:
    load_probes(root)                                     # checked as the package reads it
    with open(root / "probes.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def _write_registry(root: Path, header, rows) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *rows])
    write_text(buf.getvalue(), root / "probes.csv")


def register(probe: str, *, stop: int, round_: int, commit: str, notes: str,
             written: str, lexicon=None, root=ROOT, date: str | None = None) -> dict:
    """Score ``probe`` once with the coder (``lexicon``), write its README and append its
    row to ``probes.csv``; return the row. Refuses a probe already registered."""
    root = Path(root)
    header, rows = _registry(root)
    if any(r[0] == probe for r in rows):
        raise ValueError(f"{root / 'probes.csv'}: {probe} is registered already")
    table = load_probe(probe, root)
    hand_a = table[[f"a_{f}" for f in F]].set_axis(F, axis=1)
    hand_b = table[[f"b_{f}" for f in F]].set_axis(F, axis=1)
    ka, fa, ma = scores(hand_a, hand_b)
    kn, fn, mn = scores(table, code_set(table, as_lexicon(lexicon)))
    ndis = int((hand_a.astype(int) != hand_b.astype(int)).any(axis=1).sum())
    genres = list(dict.fromkeys(table.genre))
    date = date or datetime.date.today().isoformat()
    head = ("Made as `../probe6/` was (read its README): 10 texts in ten genres of real SCO "
            "texts, in the genres of the real texts of issue 12 (declarations, communiques, "
            "speeches, interviews, press releases, RATS notes, news items): "
            + "; ".join(genres) + f". {len(table)} sentences, written by a helper that read "
            "only `docs/codebook.md`; coded by two more helpers, each of whom opened only the "
            "codebook and `texts.csv`, blind to each other, the lexicon and the automatic "
            "coder. **Synthetic text.** The events are invented; some officials carry the "
            "names of real office-holders of the texts' years, with invented words.")
    if ndis == 0 and notes:
        raise ValueError(f"{root / probe}: notes on decisions given, but the coders agreed "
                         "on every sentence")
    if ndis and not notes:
        raise ValueError(f"{root / probe}: the coders differed on {ndis} sentence(s); "
                         "--notes must say how they were decided")
    adj = ("The coders agreed on every sentence: `reference.csv` is their codes, with "
           "nothing to adjudicate." if ndis == 0 else
           f"The coders differed on {ndis} sentence{'' if ndis == 1 else 's'}. "
           "`reference.csv` is coder A's codes, those adjudicated by the lead engineer, "
           "reading the sentence, its paragraph, the codebook and the two coders' notes, not "
           f"the automatic coder's codes (`note`): {notes}.")
    tail = (f"Written and coded at stop {stop} {written}, and scored once with the coder of "
            f"round {round_} as shipped. {UNREAD}")
    text = [f"# A probe of ten invented texts ({date}, stop {stop}){SCORED}", "",
            textwrap.fill(head, **WIDTH), "", textwrap.fill(adj, **WIDTH), "",
            f"Scores (`python docs/coding/scripts/score_probe.py {probe} [LEXICON.yaml]`):", "",
            "| | security kappa / F1 | economy kappa / F1 | multilateralism kappa / F1 | "
            "macro-F1 |", "| --- | --- | --- | --- | --- |",
            f"| coder A vs coder B | {_cells(ka, fa)} | {ma:.3f} |",
            f"| the frame coder at {commit} (round {round_}), taken once before anyone read "
            f"its errors | {_cells(kn, fn)} | {mn:.3f} |", "",
            textwrap.fill(tail, **WIDTH), "",
            "It is registered in `../probes.csv`, not in `corpus/annotations/sets.csv`.", ""]
    row = [probe, str(len(table)), "; ".join(genres), *(f"{kn[f]:.3f}" for f in F),
           f"{mn:.3f}", commit, f"{ma:.3f}", "no", ""]
    write_text("\n".join(text), root / probe / "README.md")
    _write_registry(root, header, [*rows, row])
    return dict(zip(header, row))


def develop(probes: list[str], *, round_: int, commit: str, lexicon=None,
            root=ROOT) -> None:
    """Mark ``probes`` as development data after round ``round_`` (``commit``) was built
    from their errors: README title and in-sample row, registry columns."""
    root = Path(root)
    header, rows = _registry(root)
    where = {r[0]: r for r in rows}
    read_col, from_col = header.index("errors_read"), header.index("entries_from_errors")
    lex = as_lexicon(lexicon)
    readmes = {}
    for probe in probes:
        path = root / probe / "README.md"
        if probe not in where or where[probe][read_col] != "no":
            raise ValueError(f"{root / 'probes.csv'}: {probe} is not a probe whose errors "
                             "nobody has read")
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        if not lines[0].endswith(SCORED) or UNREAD not in " ".join(text.split()):
            raise ValueError(f"{path}: not the README of a probe scored only (its title ends "
                             f"{SCORED!r} and it says {UNREAD!r})")
        table = load_probe(probe, root)
        kappa, f1, macro = scores(table, code_set(table, lex))
        lines[0] = lines[0][:-len(SCORED)] + DEVELOPED
        last = max(i for i, line in enumerate(lines) if line.startswith("| the frame coder"))
        lines.insert(last + 1, f"| the frame coder after round {round_} ({commit}), built "
                     f"from these errors (**in sample**) | {_cells(kappa, f1)} | {macro:.3f} |")
        paras = "\n".join(lines).split("\n\n")
        for i, para in enumerate(paras):
            flat = " ".join(para.split())
            if UNREAD in flat:
                paras[i] = textwrap.fill(flat.replace(UNREAD, (
                    f"Then its errors were read and round {round_} was built from them "
                    "(`docs/lexicon-history.md`). Development data since: its later scores "
                    "are in sample.")), **WIDTH)
        readmes[path] = "\n\n".join(paras)
        where[probe][read_col] = "yes"
        where[probe][from_col] = f"round {round_} ({commit})"
    for path, text in readmes.items():
        write_text(text, path)
    _write_registry(root, header, rows)


def main(argv=None) -> None:
    """The command line (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=str(ROOT), help="the folder of the probes")
    parser.add_argument("--lexicon", help="LEXICON.yaml (default: the project's)")
    steps = parser.add_subparsers(dest="step", required=True)
    ref = steps.add_parser("reference")
    ref.add_argument("probe")
    ref.add_argument("folder")
    ref.add_argument("adjudications")
    reg = steps.add_parser("register")
    reg.add_argument("probe")
    dev = steps.add_parser("develop")
    dev.add_argument("probes", nargs="+")
    for step in (reg, dev):
        step.add_argument("--round", type=int, required=True, dest="round_")
        step.add_argument("--commit", required=True)
    reg.add_argument("--stop", type=int, required=True)
    reg.add_argument("--notes", required=True)
    reg.add_argument("--written", required=True)
    reg.add_argument("--date")
    args = parser.parse_args(argv)
    try:
        if args.step == "reference":
            dest = reference(args.probe, args.folder, args.adjudications, args.root)
            print(f"wrote {dest}")
        elif args.step == "register":
            row = register(args.probe, stop=args.stop, round_=args.round_,
                           commit=args.commit, notes=args.notes, written=args.written,
                           lexicon=args.lexicon, root=args.root, date=args.date)
            print(", ".join(f"{k} {v}" for k, v in row.items() if k != "genres"))
        else:
            develop(args.probes, round_=args.round_, commit=args.commit,
                    lexicon=args.lexicon, root=args.root)
            print(f"development data: {', '.join(args.probes)}")
    except (OSError, ValueError) as err:
        sys.exit(f"register_probe: {err}")


if __name__ == "__main__":
    main()
