"""Validate the coder on a researcher's own corpus from coded sheets.

:func:`validate_sheet` reads one coding sheet made by :func:`discourse.framing.
sampling.draw_sample` and filled in by a coder (or two sheets, from two coders), and
returns a :class:`SheetValidation` with:

* ``agreement``: the coder's agreement with the hand codes (precision, recall, F1,
  kappa and alpha with a bootstrap of the 2x2 table with Jeffreys pseudo-counts, no
  narrower than an analytic interval, Wilson's at the effective sample size for
  precision and recall;
  :func:`discourse.framing.validate`), and
  ``coder-disagreements``: every sentence-frame where they differ;
* with a second sheet, ``reliability`` (:func:`discourse.framing.
  intercoder_reliability`) and ``intercoder-disagreements`` to adjudicate; the first
  sheet is the reference for everything else;
* ``shares-rogan-gladen``: the coder's shares of the whole corpus by year corrected
  with Se and Sp from the sample (:func:`discourse.framing.corrected_shares`; the
  sample's sentences were drawn one by one, so they are resampled one by one), and
  ``shares-ppi``: the prediction-powered estimator by sampling stratum
  (:func:`discourse.framing.prediction_powered_shares`; estimate and normal interval in
  [0, 1], the interval assuming independent sentences, a sample without coder errors
  still carrying its uncertainty).

Before anything is computed the sheet is checked: its lock must exist and the codebook,
the lexicon, its states file and every corpus file must have the checksums it records
(else a :class:`SheetError` names what changed, or, when the corpus directory also has
another name than the one recorded, names both directories and asks for ``--corpus``);
the ids and texts must be those sampled; every row needs the columns ``id, text`` and
the frames, each 0 or 1; every id must be a sentence of the corpus. Errors name the
file; nothing is written. A lock written before locks recorded the states file has no
entry for it: the states file is then not checked, and a ``StatesFileWarning`` says so.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import warnings
from pathlib import Path

import pandas as pd

from discourse import paths, provenance
from discourse.bootstrap import DEFAULT_N_BOOT, DEFAULT_SEED
from discourse.framing.agreement import (AGREEMENT_N_BOOT, intercoder_disagreements,
                                         intercoder_reliability)
from discourse.framing.correction import corrected_shares, prediction_powered_shares
from discourse.framing.evaluation import lexicon_developed_on
from discourse.framing.lexicon import FRAMES
from discourse.framing.sample_origin import development_ids, label_agreement
from discourse.framing.sampling import LOCK_FORMAT, lock_path, sample_checksum, source_checksums
from discourse.framing.states import StatesFileWarning
from discourse.framing.validation import disagreements, validate

#: The tables :func:`validate_sheet` can write (the two of a second coder only with one).
SHEET_TABLES = ("agreement", "coder-disagreements", "reliability",
                "intercoder-disagreements", "shares-rogan-gladen", "shares-ppi")

__all__ = ["SHEET_TABLES", "SheetError", "SheetValidation", "read_sheet", "check_lock",
           "fill_sheet", "validate_sheet"]

_REQUIRED = ("id", "text", *FRAMES)


class SheetError(ValueError):
    """A coding sheet or its lock cannot be used; the message names the file."""


def read_sheet(path: str | os.PathLike) -> pd.DataFrame:
    """Read a filled coding sheet and check its columns and codes.

    Returns
    -------
    DataFrame
        The sheet with the frame columns as integers 0/1 and ``id`` as text.

    Raises
    ------
    SheetError
        If the file is missing or not UTF-8 CSV, a required column (``id, text`` and
        the frames) is missing, an id is repeated, or a code is not 0 or 1 (an empty
        cell is an uncoded sentence); the message names the file, the row and the id.
    """
    p = Path(path)
    if not p.is_file():
        raise SheetError(f"{p}: coding sheet not found")
    raw = p.read_bytes()                        # read once: parsed, and its first line
    try:
        sheet = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False,
                            encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        sheet, error = None, " ".join(str(exc).split())
    first = raw.split(b"\n", 1)[0]
    if b";" in first and b"," not in first:     # a spreadsheet set to separate so
        raise SheetError(f"{p}: its columns are separated by semicolons; save it as CSV "
                         "with commas")
    if sheet is None:
        raise SheetError(f"{p}: not a UTF-8 CSV file ({error})")
    missing = [c for c in _REQUIRED if c not in sheet]
    if missing:
        raise SheetError(f"{p}: missing column(s) {', '.join(missing)}; a coding sheet "
                         f"has {', '.join(_REQUIRED)}")
    dup = sheet["id"][sheet["id"].duplicated()]
    if len(dup):
        raise SheetError(f"{p}: id {dup.iloc[0]!r} appears more than once")
    values = {f: sheet[f].str.strip() for f in FRAMES}          # all checked as text first
    uncoded = int(pd.concat([v == "" for v in values.values()], axis=1).any(axis=1).sum())
    for f in FRAMES:
        bad = ~values[f].isin(["0", "1"])
        if bad.any():
            i = int(bad.to_numpy().argmax())
            what = "is empty (uncoded)" if values[f].iloc[i] == "" else \
                f"is {sheet[f].iloc[i]!r}"
            more = (f" ({uncoded} of {len(sheet)} rows have an empty code)"
                    if uncoded > 1 else "")
            raise SheetError(f"{p}, line {i + 2} (id {sheet['id'].iloc[i]!r}): column "
                             f"{f!r} {what}; every code must be 0 or 1{more}")
    for f in FRAMES:
        sheet[f] = values[f].astype(int)
    return sheet


def _changes(recorded: dict, now: dict) -> list[str]:
    out = []
    for key in ("codebook", "lexicon"):
        if recorded.get(key, {}).get("sha256") != now[key]["sha256"]:
            out.append(f"the {key} changed ({now[key]['file']}: sha256 "
                       f"{str(recorded.get(key, {}).get('sha256'))[:12]}... when sampled, "
                       f"{now[key]['sha256'][:12]}... now)")
    # a lock written before the states file was recorded has no "states": not checked
    old, new = recorded.get("states") or {}, now["states"] or {}
    if "states" in recorded and old.get("sha256") != new.get("sha256"):
        before, after = (f"{s['sha256'][:12]}..." if s else "none" for s in (old, new))
        out.append(f"the lexicon's states file changed ({new.get('file') or old['file']}: "
                   f"sha256 {before} when sampled, {after} now)")
    old = recorded.get("corpus", {}).get("files", {})
    new = now["corpus"]["files"]
    diff = ([f"changed: {', '.join(sorted(k for k in old if k in new and old[k] != new[k]))}"]
            if any(k in new and old[k] != new[k] for k in old) else [])
    if set(new) - set(old):
        diff.append(f"added: {', '.join(sorted(set(new) - set(old)))}")
    if set(old) - set(new):
        diff.append(f"removed: {', '.join(sorted(set(old) - set(new)))}")
    if diff:
        out.append(f"the corpus changed ({'; '.join(diff)})")
    return out


def _read_lock(lock: str | os.PathLike) -> dict:
    lp = Path(lock)
    if not lp.is_file():
        raise SheetError(f"{lp}: lock file not found (made by `discourse sample` beside "
                         f"the sheet; pass --lock FILE if it was moved)")
    try:
        record = json.loads(lp.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SheetError(f"{lp}: not a lock file ({exc})") from None
    if not isinstance(record, dict) or record.get("format") != LOCK_FORMAT:
        raise SheetError(f"{lp}: not a lock file of `discourse sample` ({LOCK_FORMAT!r})")
    return record


def _check_sources(record, lp, name, **where):
    root = paths.corpus_dir(where.get("corpus"))
    drawn = record.get("corpus", {}).get("directory")
    now = source_checksums(**where)
    changes = _changes(record, now)
    corpus_changed = record.get("corpus", {}).get("files", {}) != now["corpus"]["files"]
    # a corpus whose files differ and whose directory has another name than the one the
    # sample was drawn from is most likely the wrong directory, not a changed corpus (a
    # renamed or moved copy with the same files passes)
    if corpus_changed and drawn and drawn not in (root.name, root.resolve().name):
        raise SheetError(f"{name}: it was drawn from the corpus in {drawn}/ (its lock "
                         f"file {lp} records that directory) but this run checks the "
                         f"corpus in {root}/; pass --corpus with the path of {drawn}/ "
                         f"(if {root.name}/ is a copy of it, the copy differs: "
                         + "; ".join(c[len("the corpus changed ("):-1] for c in changes
                                     if c.startswith("the corpus changed ("))
                         + ")")
    if "states" not in record:
        warnings.warn(f"{lp}: the lock records no states file (written before `discourse "
                      "sample` recorded it); the lexicon's states file is not checked",
                      StatesFileWarning, stacklevel=3)
    if changes:
        checked = f" (corpus checked: {root}/)" if corpus_changed else ""
        files = [k for k in ("lexicon", "codebook")
                 if any(c.startswith(f"the {k}") for c in changes)]
        hint = (f"if the sheet was drawn with another {' or '.join(files)}, name it "
                + ("(--lexicon FILE or DISCOURSE_LEXICONS" if "lexicon" in files else "(")
                + (", " if len(files) == 2 else "")
                + ("--codebook FILE" if "codebook" in files else "")
                + "); if the files changed, restore them, or, if you changed them on "
                "purpose (a lexicon adapted to your texts), draw and code a new sample "
                "with them (discourse sample): a lexicon changed after this sample was "
                "drawn may have been tuned on it, and its agreement with it would be "
                "optimistic") if files else \
            "restore the files, or draw a new sample (its sentences must be coded again)"
        # the lock names the corpus folder, not its path: another folder of the same
        # name (the usual "corpus") is the likelier cause than a changed corpus
        if corpus_changed:
            hint = (f"if the sheet was drawn from another folder named {root.name}/, pass "
                    "that folder with --corpus; " + hint)
        raise SheetError(f"{lp}: refusing {name}: " + "; ".join(changes) + " since the "
                         f"sample was drawn{checked}; {hint}")


def check_lock(sheet: pd.DataFrame, lock: str | os.PathLike, *,
               corpus: str | os.PathLike | None = None,
               lexicon: str | os.PathLike | None = None,
               codebook: str | os.PathLike | None = None, name: str = "sheet",
               sentence_ids=None) -> dict:
    """Check a sheet against its lock and the current sources; return the lock record.

    In this order: the lock is readable; the codebook, lexicon, the lexicon's states
    file and corpus files have the checksums it records (a corpus that differs in a
    directory of another name than the recorded one is named as the wrong directory);
    (if ``sentence_ids`` is given) every id of the sheet is a sentence of the corpus;
    the sheet's ids and texts are the sample drawn.

    Raises
    ------
    SheetError
        Naming the file and what is wrong (each changed source named).
    FileNotFoundError
        If the codebook or lexicon is missing now.
    """
    lp = Path(lock)
    record = _read_lock(lp)
    _check_sources(record, lp, name, corpus=corpus, lexicon=lexicon, codebook=codebook)
    _check_sample(sheet, record, lp, name, sentence_ids)
    return record


def _check_sample(sheet, record: dict, lp: Path, name: str, sentence_ids) -> None:
    """The part of :func:`check_lock` after the sources: ids and the sample's checksum
    (``sentence_ids``: the corpus's ids, or ``{id: text}`` to name an edited text)."""
    if sentence_ids is not None:
        unknown = sorted(set(sheet["id"]) - set(sentence_ids))
        if unknown:
            raise SheetError(f"{name}: {len(unknown)} id(s) are not sentences of the "
                             f"corpus, e.g. {unknown[0]!r}")
    if sample_checksum(sheet) != record.get("sample", {}).get("sha256"):
        n = record.get("n")
        if isinstance(n, int) and n != len(sheet):
            why = f"it has {len(sheet)} rows, {n} sentences were drawn"
        else:
            texts = sentence_ids if isinstance(sentence_ids, dict) else {}
            edited = [i for i, t in zip(sheet["id"], sheet["text"]) if i in texts
                      and texts[i] != t]
            why = (f"the text of id {edited[0]!r} is not the corpus's" if edited else
                   "a sentence was changed, added or removed")
        raise SheetError(f"{name}: its ids or texts are not those of the sample locked in "
                         f"{lp.name} ({why})")


@provenance.tracked
def fill_sheet(sheet: pd.DataFrame, codes: pd.DataFrame, *,
               id_col: str = "sentence_id") -> pd.DataFrame:
    """A blank sheet filled with existing hand codes (e.g. ``frames_validation.csv``).

    For demonstrating the workflow on a corpus that is already hand-coded: every id of
    the sheet must have codes in ``codes``. Returns a new table; write it with
    :func:`discourse.io.write_table`.
    """
    found = codes.set_index(id_col)
    missing = sorted(set(sheet["id"]) - set(found.index))
    if missing:
        raise ValueError(f"{len(missing)} id(s) of the sheet have no codes, e.g. "
                         f"{missing[0]!r}")
    filled = sheet.copy()
    for f in FRAMES:
        filled[f] = found.loc[sheet["id"], f].astype(int).to_numpy()
    return filled


@dataclasses.dataclass(frozen=True)
class SheetValidation:
    """The tables of :func:`validate_sheet`, by name (see the module docstring)."""

    tables: dict

    def write(self, directory: str | os.PathLike, *, prefix: str = "") -> list[Path]:
        """Write every table as ``{directory}/{prefix}{name}.csv``; return the paths.

        A table of :data:`SHEET_TABLES` that this validation has not (a second coder's,
        from an earlier run with two sheets) is removed, so that the folder holds one
        run's tables."""
        from discourse.io import remove_table, write_table

        for name in SHEET_TABLES:
            if name not in self.tables:
                remove_table(Path(directory) / f"{prefix}{name}.csv")
        return [write_table(t, Path(directory) / f"{prefix}{name}.csv")
                for name, t in self.tables.items()]


def validate_sheet(sheet: str | os.PathLike, second: str | os.PathLike | None = None, *,
                   lock: str | os.PathLike | None = None,
                   corpus: str | os.PathLike | None = None,
                   lexicon: str | os.PathLike | None = None,
                   codebook: str | os.PathLike | None = None,
                   n_boot: int = DEFAULT_N_BOOT, agreement_n_boot: int = AGREEMENT_N_BOOT,
                   seed: int = DEFAULT_SEED, level: float = 0.95) -> SheetValidation:
    """Check one or two coded sheets and compute agreement and corrected shares.

    Parameters
    ----------
    sheet : path-like
        The coded sheet (the reference).
    second : path-like, optional
        A second coder's sheet of the same sample (its lock: beside it if present,
        else the first sheet's).
    lock : path-like, optional
        The first sheet's lock (default: :func:`discourse.framing.sampling.lock_path`).
    corpus, lexicon, codebook : path-like, optional
        Where the sources are now (defaults as in ``discourse sample``).
    n_boot, agreement_n_boot, seed, level
        Replicates of the corrected-share and agreement bootstraps, seed, level.

    Returns
    -------
    SheetValidation
    """
    from discourse import corpus as corpus_module
    from discourse.framing.coder import code_sentences
    from discourse.framing.lexicon import load_lexicon

    first = read_sheet(sheet)
    other = read_sheet(second) if second is not None else None
    lock = Path(lock) if lock is not None else lock_path(sheet)
    record = _read_lock(lock)
    # the sources are checked once per lock; the lexicon's states file is located by the
    # check and again by the coder: a warning about it is said once
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        _check_sources(record, lock, str(sheet), corpus=corpus, lexicon=lexicon,
                       codebook=codebook)
        sentences = corpus_module.segment(corpus_module.load_docs(corpus,
                                                                  layer=record["layer"]))
        ids = dict(zip(sentences["sentence_id"], sentences["text"]))
        _check_sample(first, record, lock, str(sheet), ids)
        if other is not None:
            own = lock_path(second)
            if own.is_file() and own != lock:          # a sheet drawn with its own lock
                check_lock(other, own, corpus=corpus, lexicon=lexicon, codebook=codebook,
                           name=str(second), sentence_ids=ids)
            else:
                _check_sample(other, record, lock, str(second), ids)
        codes = code_sentences(sentences, load_lexicon(lexicon))
    for text in dict.fromkeys((w.category, str(w.message)) for w in said):   # once each
        warnings.warn(text[1], text[0], stacklevel=2)
    hand = first.rename(columns={"id": "sentence_id"})

    # the sheet is a random sample of these texts' sentences and its agreement is about
    # them: paragraphs resampled within the documents, however many (not the documents)
    def score(ids):
        return validate(codes, hand.loc[hand.sentence_id.isin(ids), ["sentence_id", *FRAMES]],
                        clusters=sentences, n_boot=agreement_n_boot, seed=seed, level=level,
                        documents=False)

    developed = lexicon_developed_on(corpus)      # what the corpus's register says
    # how many of the sample's sentences the lexicon was developed on, and the agreement
    # on the others where the sample mixes the two
    agreement = label_agreement(score(hand.sentence_id), hand.sentence_id, developed,
                                development_ids(corpus, developed), score)
    tables = {
        "agreement": agreement,
        "coder-disagreements": disagreements(
            codes, hand[["sentence_id", *FRAMES, "text"]
                        + (["note"] if "note" in hand else [])])}
    if other is not None:
        b = other.rename(columns={"id": "sentence_id"})
        tables["reliability"] = intercoder_reliability(
            hand[["sentence_id", *FRAMES]], b[["sentence_id", *FRAMES]], sentences,
            n_boot=agreement_n_boot, seed=seed, level=level)
        tables["intercoder-disagreements"] = intercoder_disagreements(
            hand[["sentence_id", *FRAMES, "text"]], b[["sentence_id", *FRAMES]])
    tables["shares-rogan-gladen"] = corrected_shares(
        codes, sentences, hand[["sentence_id", *FRAMES]],
        hand_clusters=hand[["sentence_id"]], n_boot=n_boot, seed=seed, level=level)
    by = record.get("by")
    coded = codes[["sentence_id", *FRAMES]].merge(
        sentences[["sentence_id", "doc_id", "paragraph", *([by] if by else [])]],
        on="sentence_id").rename(columns={"sentence_id": "id"})
    coded.attrs = dict(codes.attrs)           # made from the same corpus
    label = by or "stratum"
    coded[label] = coded[by].astype(str) if by else "all"
    coded["paragraph"] = coded.doc_id.astype(str) + "/" + coded.paragraph.astype(str)
    # the units: a stratum's documents where it has several, else its paragraphs
    extra = ["doc_id"] if label != "doc_id" else []
    tables["shares-ppi"] = prediction_powered_shares(
        coded[["id", label, "paragraph", *extra, *FRAMES]], first[["id", *FRAMES]],
        stratum=label, unit="paragraph", document="doc_id", level=level)
    # every table names the coded sheets and the lock it was measured on, by sha256
    named = {f"sheet {Path(sheet).name}": sheet, f"lock {lock.name}": lock}
    if second is not None:
        named[f"second sheet {Path(second).name}"] = second
    files = provenance.file_checksums(named)
    for table in tables.values():
        if provenance.KEY in table.attrs:
            record = table.attrs[provenance.KEY]
            record["files"] = {**record.get("files", {}), **files}
    return SheetValidation(tables)
