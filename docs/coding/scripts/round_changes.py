"""The counts of a lexicon round (``docs/lexicon-history.md``): how many codes a change to
the coder (its lexicon or its code) changes, and how many of them to the hand code, on the
development data, on the probes nobody has read and on the held-out sets. Only the
development data's sentences are ever printed: of the other two, counts.

Groups, from the registries of the working tree (``corpus/annotations/sets.csv``,
``docs/coding/probes.csv``):

- development: the sets used for development, the probes whose errors were read, and the
  probes named with ``--reading`` (the three whose errors build the round);
- never read: every other probe;
- held out: the sets not used for development.

Usage (from the repository root)::

    python docs/coding/scripts/round_changes.py dump OLD.csv --rev HEAD
    python docs/coding/scripts/round_changes.py dump NEW.csv            # the working tree
    python docs/coding/scripts/round_changes.py compare OLD.csv NEW.csv --reading probe240 \\
        probe241 probe242 [-v]
    python docs/coding/scripts/round_changes.py errors probe240 probe241 --reading probe240 \\
        probe241
    python docs/coding/scripts/round_changes.py grep "gratitude to" --reading probe240 --codes

``dump`` codes every hand-coded set and probe (hand codes always those of the working tree)
with the package and lexicon of ``--rev`` (taken with ``git archive`` into a temporary
folder and run in a child process that checks where ``discourse`` came from) or of the
working tree, and writes ``set, id, hs, he, hm, cs, ce, cm`` (hand and coder's codes).
``errors`` prints the coder's errors on probes, with their evidence and the reference's
notes: only on development probes (a never-read probe must be named with ``--reading``
too). ``grep`` searches the development data's sentences.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_probe import F, coded  # noqa: E402  (the scoring script here)

REPO = Path(__file__).resolve().parents[3]
DOCS = REPO / "docs" / "coding"
CORPUS = REPO / "corpus"
HAND, CODER = ["hs", "he", "hm"], ["cs", "ce", "cm"]


def groups(reading=(), sets: pd.DataFrame | None = None,
           probes: pd.DataFrame | None = None) -> dict[str, str]:
    """``set or probe -> "development" | "never read" | "held out"``."""
    sets = pd.read_csv(CORPUS / "annotations" / "sets.csv") if sets is None else sets
    probes = pd.read_csv(DOCS / "probes.csv") if probes is None else probes
    out = {r.file: "development" if r.used_for_development == "yes" else "held out"
           for r in sets.itertuples()}
    out.update({r.probe: "development" if r.errors_read == "yes" or r.probe in reading
                else "never read" for r in probes.itertuples()})
    return out


def _tables():
    """``(name, table)`` of every hand-coded set and probe, hand codes of the working tree."""
    from discourse.framing import load_set, load_sets
    from discourse.framing.probes import load_probe
    for name in load_sets(CORPUS)["file"]:
        yield name, load_set(name, CORPUS)
    for name in pd.read_csv(DOCS / "probes.csv")["probe"]:
        yield name, load_probe(name, DOCS)


def _ids(table: pd.DataFrame) -> pd.Series:
    return table["id"] if "id" in table.columns else table["sentence_id"]


def dump_here(out: Path, root: Path, only=None) -> int:
    """Codes of every set and probe (or of ``only``) with the package imported here and the
    lexicon of ``root``; returns the number of rows written."""
    import discourse
    from discourse.framing import code_set, load_lexicon
    if root != REPO and not Path(discourse.__file__).resolve().is_relative_to(root):
        raise SystemExit(f"discourse came from {discourse.__file__}, not from {root}")
    lex = load_lexicon(root / "corpus" / "lexicons" / "frames.yaml")
    rows = []
    for name, table in _tables():
        if only and name not in only:
            continue
        got = code_set(table, lex)
        for i, sid in enumerate(_ids(table)):
            rows.append((name, sid, *(int(table[f].iloc[i]) for f in F),
                         *(int(got[f].iloc[i]) for f in F)))
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["set", "id", *HAND, *CODER])
        w.writerows(rows)
    os.replace(tmp, out)
    return len(rows)


def dump(out: Path, rev: str | None = None, only=None) -> int:
    """:func:`dump_here` with the working tree, or in a child process with the package and
    lexicon of ``rev``."""
    if rev is None:
        return dump_here(out, REPO, only)
    with tempfile.TemporaryDirectory() as tmp:
        arch = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src",
                               "corpus/lexicons"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=arch, check=True)
        cmd = [sys.executable, __file__, "dump", str(out), "--root", tmp]
        for name in only or ():
            cmd += ["--only", name]
        subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": str(Path(tmp) / "src")})
    return sum(1 for _ in open(out, encoding="utf-8")) - 1


def compare(old: pd.DataFrame, new: pd.DataFrame, group: dict[str, str]) -> pd.DataFrame:
    """Codes changed from ``old`` to ``new`` dumps and how many to the hand code, per group
    (and per held-out set): columns ``group, sentences, changed, to_hand``."""
    keys = ["set", "id", *HAND]
    m = old.merge(new, on=keys, suffixes=("_old", "_new"))
    if not len(m) == len(old) == len(new):
        raise SystemExit("the two dumps do not code the same sentences with the same hand codes")
    m["group"] = m["set"].map(group).fillna("never read")
    rows = []
    for g in ("development", "never read", "held out"):
        x = m[m.group == g]
        changed = to_hand = 0
        for h, c in zip(HAND, CODER):
            diff = x[x[c + "_old"] != x[c + "_new"]]
            changed += len(diff)
            to_hand += int((diff[c + "_new"] == diff[h]).sum())
        rows.append((g, len(x), changed, to_hand))
    return pd.DataFrame(rows, columns=["group", "sentences", "changed", "to_hand"])


def development_changes(old: pd.DataFrame, new: pd.DataFrame, group: dict[str, str]):
    """``(set, id, frame, old, new, to_hand)`` of each development code that changed."""
    m = old.merge(new, on=["set", "id", *HAND], suffixes=("_old", "_new"))
    m = m[m["set"].map(group) == "development"]
    for f, h, c in zip(F, HAND, CODER):
        for r in m[m[c + "_old"] != m[c + "_new"]].itertuples():
            new_code = getattr(r, c + "_new")
            yield r.set, r.id, f, getattr(r, c + "_old"), new_code, new_code == getattr(r, h)


def _texts(names) -> dict:
    return {name: dict(zip(_ids(t), t["text"])) for name, t in _tables() if name in names}


def errors(probes, group, lexicon=None) -> list[str]:
    """Lines of the coder's errors on development ``probes``, with evidence and notes."""
    from discourse.framing import load_lexicon
    if bad := [p for p in probes if group.get(p) != "development"]:
        raise SystemExit(f"not development data (name them with --reading to read them): "
                         f"{', '.join(bad)}")
    lex = load_lexicon(lexicon)
    out = []
    for p in probes:
        t, got = coded(p, lex)
        notes = pd.read_csv(DOCS / p / "reference.csv", dtype=str,
                            keep_default_na=False).set_index("id")["note"]
        for i, sid in enumerate(_ids(t)):
            ref = "".join(str(int(t[f].iloc[i])) for f in F)
            cod = "".join(str(int(got[f].iloc[i])) for f in F)
            if ref != cod:
                out.append(f"{sid} ref={ref} got={cod} | {t['text'].iloc[i]}")
                out.append(f"    evidence: {got['evidence'].iloc[i]}")
                if notes.get(sid):
                    out.append(f"    note: {notes[sid]}")
    return out


def main(argv=None) -> None:
    warnings.filterwarnings("ignore", category=UserWarning)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--rev")
    d.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    d.add_argument("--only", action="append")
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("-v", action="store_true", help="list the development changes")
    e = sub.add_parser("errors")
    e.add_argument("probes", nargs="+")
    e.add_argument("--lexicon")
    g = sub.add_parser("grep")
    g.add_argument("pattern")
    g.add_argument("--codes", action="store_true")
    for p in (c, e, g):
        p.add_argument("--reading", nargs="*", default=[])
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        n = dump_here(a.out, a.root.resolve(), a.only) if a.root else dump(a.out, a.rev, a.only)
        print(f"wrote {a.out}: {n} sentences")
    elif a.cmd == "compare":
        group = groups(a.reading)
        old, new = pd.read_csv(a.old), pd.read_csv(a.new)
        print(compare(old, new, group).to_string(index=False))
        if a.v:
            changes = list(development_changes(old, new, group))
            texts = _texts({c[0] for c in changes})
            for s, sid, f, o, n, ok in changes:
                print(f"  {s} {sid} {f} {o}->{n} {'HAND' if ok else 'AWAY'} | "
                      f"{texts[s][sid]}")
    elif a.cmd == "errors":
        print("\n".join(errors(a.probes, groups(a.reading), a.lexicon)))
    else:
        from discourse.framing import code_set, load_lexicon
        group, rx = groups(a.reading), re.compile(a.pattern)
        lex = load_lexicon() if a.codes else None
        for name, t in _tables():
            if group.get(name) != "development" or not t["text"].str.contains(rx).any():
                continue
            got = code_set(t, lex) if a.codes else None
            for i in [i for i, x in enumerate(t["text"]) if rx.search(x)]:
                hand = "".join(str(int(t[f].iloc[i])) for f in F)
                cod = " got=" + "".join(str(int(got[f].iloc[i])) for f in F) if a.codes else ""
                print(f"{name} {_ids(t).iloc[i]} hand={hand}{cod} | {t['text'].iloc[i]}")


if __name__ == "__main__":
    main()
