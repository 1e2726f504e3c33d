"""Whether each file in the register of hand-coded sets is the file the register describes.

``annotations/sets.csv`` says of each hand-coded file who wrote and coded it, whether
the lexicon was built or tuned on it and (through its coders' files) how far two hand
coders agreed on it. A copy of the corpus keeps those rows when a file is replaced, for
instance by a researcher's own hand coding saved as ``frames_validation.csv``, and the
study's description would then be quoted for someone else's codes. So the register names
the sha256 of each file it describes (column :data:`CHECKSUM`), and
:func:`check_descriptions` keeps a row's description only where the file's bytes have
that checksum: elsewhere who wrote and coded the file, whether the lexicon was built on
it and its coders are unknown, and its ``measured_on`` label says so plainly.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from discourse import provenance

__all__ = ["CHECKSUM", "CORPUS_FILE", "NOT_DESCRIBED", "file_sha256", "check_descriptions",
           "not_described"]

#: Column of ``sets.csv``: the sha256 of the file the row describes.
CHECKSUM = "sha256"
#: The corpus's own hand coding (the set named ``corpus``).
CORPUS_FILE = "frames_validation.csv"
#: The words by which a ``measured_on`` label says that its file is not described.
NOT_DESCRIBED = "this file is not the one annotations/sets.csv describes"
#: What a row says of its file, beyond its name: unknown for a file it does not describe.
_DESCRIPTION = ("used_for_development", "texts", "sentences", "written_by", "coded_by",
                "rescored", "description")


def file_sha256(path: str | Path) -> str:
    """The sha256 hex digest of a file's bytes (:func:`discourse.provenance.file_sha256`),
    or "" when there is no such file.

    Examples
    --------
    >>> file_sha256("/nowhere/at/all.csv")
    ''
    """
    return provenance.file_sha256(path) if Path(path).is_file() else ""


def not_described(file: str, why: str) -> str:
    """The ``measured_on`` label of a registered file the register does not describe.

    Parameters
    ----------
    file : str
        The file, relative to ``annotations/``.
    why : str
        Why not (its checksum differs from the register's, or the register gives none).

    Examples
    --------
    >>> not_described("x.csv", "the register gives no sha256 for it")[:60]
    'text of unknown origin: this file is not the one annotations'
    """
    what = ("real text of this corpus" if file == CORPUS_FILE else
            "text of unknown origin")
    return (f"{what}: {NOT_DESCRIBED} ({why}), so who coded it and whether the lexicon "
            "was built or tuned on it are not recorded")


def check_descriptions(table: pd.DataFrame, root: Path) -> pd.DataFrame:
    """The register ``table`` with each row's description kept only for its own file.

    Parameters
    ----------
    table : pandas.DataFrame
        The rows of ``sets.csv`` (with :data:`CHECKSUM`, "" where a row has none).
    root : pathlib.Path
        The corpus's ``annotations/`` folder.

    Returns
    -------
    pandas.DataFrame
        ``table`` with a column ``described`` (whether the file's sha256 is the row's)
        and, where it is not, the description emptied (``used_for_development``,
        ``texts``, ``sentences``, ``written_by``, ``coded_by``, ``rescored``,
        ``description``; ``kind`` too but for the corpus's own hand coding, whose
        sentences are the corpus's) and ``measured_on`` (:func:`not_described`);
        other rows are unchanged, ``measured_on`` left to the caller.
    """
    out = table.copy()
    digests = [file_sha256(root / f) for f in out["file"]]
    out["described"] = [bool(d) and d == want for d, want in zip(digests, out[CHECKSUM])]
    labels = []
    for i, row in out.iterrows():
        if row.described:
            labels.append("")
            continue
        labels.append(not_described(row.file, "the register gives no sha256 for it"
                                    if not row[CHECKSUM] else
                                    "its sha256 differs from the register's"))
        for col in _DESCRIPTION:
            out.loc[i, col] = ""
        if row.file != CORPUS_FILE:
            out.loc[i, "kind"] = ""
    out["measured_on"] = labels
    return out
