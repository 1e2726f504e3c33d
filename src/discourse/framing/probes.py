"""The coder on the probes: invented texts in genres of SCO texts new to the lexicon.

A probe (``docs/coding/probeN/``) is ten texts invented by a helper session that read
only the codebook, each in a genre of SCO texts that no earlier hand-coded set had
(``texts.csv``), coded by two helper sessions blind to each other and to the lexicon
(``coder_a.csv``, ``coder_b.csv``), their disagreements adjudicated from the sentence,
the codebook and the coders' notes (``reference.csv``). The registry
``docs/coding/probes.csv`` (:func:`load_probes`) records for each probe the coder's
first score, taken before anyone read the probe's errors, with the coder of that time,
and whether its errors were then read and turned into lexicon entries (the probe is
then development data: the coder's later scores on it are in sample).

:func:`probe_agreement` scores the coder against each probe's reference and the two
hand coders against each other, with the intervals of
:func:`~discourse.framing.validation.validate` (each probe's ten texts resampled), beside
the recorded first scores; the probes whose errors nobody read are also pooled, each
probe resampled whole, so that the pooled interval includes how much the probes (each one
writer's invention) differ. Like the held-out sets, the probes are synthetic.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from discourse import paths, provenance
from discourse.bootstrap import DEFAULT_SEED
from discourse.checks import check_columns
from discourse.framing.agreement import AGREEMENT_N_BOOT
from discourse.framing.evaluation import set_clusters
from discourse.framing.lexicon import FRAMES, as_lexicon
from discourse.framing.pooled import pooled_agreement
from discourse.framing.set_coding import code_set
from discourse.framing.validation import validate

__all__ = ["PROBES_FILE", "PAIRS", "UNREAD_POOLED", "probes_dir", "load_probes",
           "load_probe", "probe_files", "probe_agreement", "probe_overview"]

#: The registry of the probes, in :func:`probes_dir`.
PROBES_FILE = "probes.csv"
#: Who is compared with whom in :func:`probe_agreement`'s ``pair`` column.
PAIRS = ("coder, first score (recorded)", "coder vs reference", "coder A vs coder B")
#: The ``probe`` of the pooled rows of the probes whose errors nobody read.
UNREAD_POOLED = "probes never read, pooled"
_COLUMNS = ("probe", "sentences", "genres", *(f"first_kappa_{f}" for f in FRAMES),
            "first_macro_f1", "first_scored_with", "coders_macro_f1", "errors_read",
            "entries_from_errors")
_FILES = ("texts.csv", "reference.csv", "coder_a.csv", "coder_b.csv")
_TEXT_COLUMNS = ("id", "text", "paragraph", "document", "date", "genre")


def probes_dir(path: str | os.PathLike | None = None) -> Path:
    """``path``, else ``docs/coding`` of :func:`discourse.paths.base` (the repository)."""
    return Path(path) if path is not None else paths.base() / "docs" / "coding"


def load_probes(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The registry of the probes (``probes.csv`` of :func:`probes_dir`), in its order.

    Returns
    -------
    pandas.DataFrame
        ``probe, sentences, genres, first_kappa_security, first_kappa_economy,
        first_kappa_multilateralism, first_macro_f1, first_scored_with,
        coders_macro_f1, errors_read, entries_from_errors`` (scores as floats).

    Raises
    ------
    FileNotFoundError, ValueError
        If the registry is missing, lacks a column, or ``errors_read`` is not yes/no;
        the message names the file.
    """
    p = probes_dir(path) / PROBES_FILE
    if not p.is_file():
        raise FileNotFoundError(f"{p}: registry of the probes not found")
    table = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in _COLUMNS if c not in table]
    if missing:
        raise ValueError(f"{p}: missing column(s) {', '.join(missing)}")
    bad = sorted(set(table.errors_read) - {"yes", "no"})
    if bad:
        raise ValueError(f"{p}: errors_read {bad[0]!r} is not one of ['no', 'yes']")
    twice = sorted(table.probe[table.probe.duplicated()])
    if twice:
        raise ValueError(f"{p}: probe {twice[0]!r} is listed twice")
    scores = [c for c in _COLUMNS if c.startswith(("first_kappa", "first_macro", "coders"))]
    for col, kind in [(c, float) for c in scores] + [("sentences", int)]:
        try:
            table[col] = table[col].map(kind)
        except ValueError:
            raise ValueError(f"{p}: column {col} holds a value that is not a number") from None
    return table


def load_probe(probe: str, path: str | os.PathLike | None = None) -> pd.DataFrame:
    """One probe as a hand-coded set: ``id, text, paragraph, document, date, genre``,
    the reference codes (``security, economy, multilateralism``) and each hand
    coder's (``a_security`` ..., ``b_security`` ...), in the order of ``texts.csv``.

    Parameters
    ----------
    probe : str
        The probe's folder name (``probe6`` ...).
    path : path-like, optional
        The folder of the probes (default: :func:`probes_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per sentence.

    Raises
    ------
    ValueError
        If a file lacks a column, its ids are not those of ``texts.csv`` in its order,
        or a code is not 0 or 1 (the message names the file).
    """
    folder = probes_dir(path) / probe
    read = {n: pd.read_csv(folder / n, dtype=str, keep_default_na=False) for n in _FILES}
    texts = read["texts.csv"]
    wanted = {"texts.csv": _TEXT_COLUMNS, **{n: ("id", *FRAMES) for n in _FILES[1:]}}
    for name, cols in wanted.items():
        check_columns(read[name], cols, str(folder / name))
        if read[name]["id"].tolist() != texts["id"].tolist():
            raise ValueError(f"{folder / name}: its ids are not those of texts.csv, in "
                             "their order")
    out = texts[list(_TEXT_COLUMNS)].copy()
    for prefix, name in (("", "reference.csv"), ("a_", "coder_a.csv"), ("b_", "coder_b.csv")):
        for f in FRAMES:
            codes = read[name][f]
            if not codes.isin(["0", "1"]).all():
                raise ValueError(f"{folder / name}: column {f} holds a code that is not 0 "
                                 "or 1")
            out[prefix + f] = codes.astype(int).to_numpy()
    return out


def probe_files(arguments: dict) -> dict:
    """``{label: path}`` of the files :func:`probe_agreement` reads (for provenance):
    labelled ``docs/coding/...`` in the repository's folder, else by the folder's name.

    Parameters
    ----------
    arguments : dict
        The arguments of the call (``path``: the folder of the probes, or ``None``).

    Returns
    -------
    dict
        The registry and each registered probe's four files.
    """
    root = probes_dir(arguments.get("path"))
    names = [PROBES_FILE]
    if (root / PROBES_FILE).is_file():
        names += [f"{p}/{n}" for p in load_probes(root).probe for n in _FILES]
    label = "docs/coding" if arguments.get("path") is None else root.name
    return {f"{label}/{n}": root / n for n in names}


def _coders(table):
    """``(hand, codes)`` of a probe (:func:`load_probe`) with coder A as the reference
    and coder B as the codes."""
    hand = table.assign(**{f: table["a_" + f] for f in FRAMES})
    codes = pd.DataFrame({"sentence_id": table["id"].to_numpy(),
                          **{f: table["b_" + f].to_numpy() for f in FRAMES}})
    return hand, codes


def _scored(table, codes, n_boot, seed, level):
    clusters = set_clusters(table)
    got = []
    for pair, (hand, coded) in ((PAIRS[1], (table, codes)), (PAIRS[2], _coders(table))):
        hand = hand.rename(columns={"id": "sentence_id"})
        got.append(validate(coded, hand, clusters=clusters, n_boot=n_boot, seed=seed,
                            level=level).assign(pair=pair))
    return got


def _pooled(unread, n_boot, seed, level):
    """The coder against the reference and coder B against coder A on the probes of
    ``unread`` (``(probe, table, codes)`` each) stacked, each probe resampled whole
    (:func:`~discourse.framing.pooled.pooled_agreement`)."""
    out = []
    for pair in PAIRS[1:]:
        held = [(SimpleNamespace(set=probe, kind="synthetic", measured_on="", coded_by=""),
                 *((table, codes) if pair == PAIRS[1] else _coders(table)))
                for probe, table, codes in unread]
        got = pooled_agreement(held, n_boot=n_boot, seed=seed, level=level, unit="probe")
        out.append(got.drop(columns=["set", "kind", "used_for_development", "measured_on",
                                     "coded_by"]).assign(pair=pair))
    return out


def _recorded(row) -> pd.DataFrame:
    how = (f"recorded in {PROBES_FILE} when the probe was first scored, before anyone read "
           f"its errors ({row.first_scored_with}); no interval")
    values = [(f, "kappa", getattr(row, f"first_kappa_{f}")) for f in FRAMES]
    values.append(("macro", "f1", row.first_macro_f1))
    return pd.DataFrame([{"frame": f, "metric": m, "value": v, "interval": how,
                          "n": row.sentences, "pair": PAIRS[0]} for f, m, v in values])


@provenance.tracked(files=probe_files)
def probe_agreement(lexicon=None, *, path: str | os.PathLike | None = None,
                    n_boot: int = AGREEMENT_N_BOOT, seed: int = DEFAULT_SEED,
                    level: float = 0.95) -> pd.DataFrame:
    """Agreement on every probe of the registry: the coder's first score (recorded), the
    coder now against the reference, and the two hand coders against each other.

    Parameters
    ----------
    lexicon : Lexicon or path-like, optional
        Default: the project's lexicon.
    path : path-like, optional
        The folder of the probes and their registry (default: :func:`probes_dir`).
    n_boot, seed, level
        As :func:`~discourse.framing.validation.validate`.

    Returns
    -------
    pandas.DataFrame
        ``probe, errors_read, pair, frame, metric, value, ci_low, ci_high, interval, n,
        n_boot, seed``: per probe, in the registry's order, the rows of :data:`PAIRS`:
        the recorded first scores (kappa per frame, and macro-F1 as frame ``macro``;
        no interval), and the tables of :func:`~discourse.framing.validation.validate`
        of the coder (each sentence coded in its paragraph and document, as
        :func:`~discourse.framing.set_coding.code_set` codes a set) against the
        reference and of coder B against coder A (each probe's ten texts resampled,
        paragraphs within them where a probe has fewer). Last, where two or more
        probes' errors were never read, :data:`UNREAD_POOLED`: those probes stacked,
        each probe resampled whole and the interval widened where narrower to the
        delete-one-probe jackknife's (:func:`~discourse.framing.pooled.pooled_agreement`,
        as the held-out sets are pooled): each probe is one writer's, and the interval
        includes how much the probes differ; ``errors_read`` "no".
    """
    lex = as_lexicon(lexicon)
    parts, unread = [], []
    for row in load_probes(path).itertuples():
        table = load_probe(row.probe, path)
        codes = code_set(table, lex)
        got = [_recorded(row), *_scored(table, codes, n_boot, seed, level)]
        parts += [g.assign(probe=row.probe, errors_read=row.errors_read) for g in got]
        if row.errors_read == "no":
            unread.append((row.probe, table, codes))
    if len(unread) > 1:
        parts += [g.assign(probe=UNREAD_POOLED, errors_read="no")
                  for g in _pooled(unread, n_boot, seed, level)]
    if not parts:
        return pd.DataFrame(columns=["probe", "errors_read", "pair", "frame", "metric",
                                     "value", "ci_low", "ci_high", "interval", "n"])
    out = pd.concat(parts, ignore_index=True)
    for col in ("n_boot", "seed"):       # integers, blank for the recorded first scores
        if col in out:
            out[col] = out[col].astype("Int64")
    first = ["probe", "errors_read", "pair"]
    return out[first + [c for c in out.columns if c not in first]]


def probe_overview(table: pd.DataFrame) -> pd.DataFrame:
    """One row per probe of a :func:`probe_agreement` table (its pooled rows left out).

    Parameters
    ----------
    table : pandas.DataFrame
        A table of :func:`probe_agreement`.

    Returns
    -------
    pandas.DataFrame
        ``probe, errors_read, first_macro_f1, coder_macro_f1, coders_macro_f1`` and the
        first kappa per frame (``first_kappa_security`` ...); macro-F1 is the mean of
        the three frames' F1.
    """
    t = table[table.probe != UNREAD_POOLED]
    rows = []
    for (probe, read_), part in t.groupby(["probe", "errors_read"], sort=False):
        first = part[part.pair == PAIRS[0]].set_index(["frame", "metric"]).value
        f1 = part[part.metric == "f1"].groupby("pair", sort=False).value.mean()
        rows.append({"probe": probe, "errors_read": read_,
                     "first_macro_f1": first[("macro", "f1")],
                     "coder_macro_f1": f1[PAIRS[1]], "coders_macro_f1": f1[PAIRS[2]],
                     **{f"first_kappa_{f}": first[(f, "kappa")]
                        for f in FRAMES}})
    return pd.DataFrame(rows)
