"""A blind coding sheet: a stratified random sample of sentences, locked to its sources.

A researcher who applies the coder to new texts needs its accuracy on *those* texts.
:func:`sample_sheet` draws a stratified simple random sample of sentences (without
replacement, proportional allocation by the largest-remainder rule, at least two per
stratum so that every stratum has a variance) and lays it out as a coding sheet:
``id, document, year, stratum``, the context a coder needs to follow the codebook's
rule 1 on references (``title``: the document's title; ``previous_paragraph``: the
paragraph before, e.g. the question an answer replies to; ``paragraph_text``: the
sentence's paragraph), ``text`` and empty ``security, economy, multilateralism, note``
columns. The sheet never shows
the coder's output. :func:`draw_sample` writes it with a *lock* beside it
(``SHEET.lock.json``): the sha256 of the codebook, the frame lexicon and its states
file, every corpus file and the sample itself, which ``discourse validate`` checks
before it reads the codes (:mod:`discourse.framing.sheets`).

References
----------
Cochran, W. G. (1977). *Sampling Techniques*, 3rd ed. Wiley. (Ch. 5, stratified random
sampling with proportional allocation.)
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

from discourse import __version__, paths, provenance
from discourse.checks import check_columns, check_positive_int
from discourse.framing.lexicon import FRAMES, LEXICON_FILE, states_path
from discourse.framing.states import states_name
from discourse.io import file_sha256

__all__ = [
    "SHEET_COLUMNS",
    "LOCK_FORMAT",
    "lock_path",
    "sample_sheet",
    "sample_checksum",
    "source_checksums",
    "draw_sample",
]

#: Columns of a coding sheet, in order.
SHEET_COLUMNS = ("id", "document", "year", "stratum", "title", "previous_paragraph",
                 "paragraph_text", "text", *FRAMES, "note")
#: The ``format`` field of a lock file.
LOCK_FORMAT = "discourse coding-sheet lock 1"


def lock_path(sheet: str | os.PathLike) -> Path:
    """The lock file beside a sheet: ``SHEET.csv`` -> ``SHEET.lock.json``."""
    sheet = Path(sheet)
    return sheet.with_name(f"{sheet.stem}.lock.json")


def _allocate(sizes: pd.Series, n: int) -> pd.Series:
    """Proportional allocation, largest remainder, at least 2 per stratum."""
    if n < 2 * len(sizes):
        raise ValueError(f"n={n} is too small for {len(sizes)} strata: at least 2 "
                         f"sentences per stratum are needed ({2 * len(sizes)})")
    small = sizes[sizes < 2]
    if len(small):
        raise ValueError(f"stratum {small.index[0]!r} has fewer than 2 sentences")
    quota = sizes / sizes.sum() * n
    alloc = np.maximum(np.floor(quota).astype(int), 2)
    while alloc.sum() > n:                 # the minimum took too much: take back
        alloc[(alloc - quota).idxmax()] -= 1
    rest = (quota - alloc).sort_values(ascending=False, kind="stable")
    for key in rest.index[: n - alloc.sum()]:
        alloc[key] += 1
    return np.minimum(alloc, sizes)


@provenance.tracked
def sample_sheet(sentences: pd.DataFrame, *, n: int, seed: int, by: str | None = None
                 ) -> pd.DataFrame:
    """Draw a stratified random sample of sentences as a blank coding sheet.

    Parameters
    ----------
    sentences : DataFrame
        The sentences table (``sentence_id, doc_id, year, paragraph, text``), in
        document order.
    n : int
        Sentences to sample (at most the number of sentences).
    seed : int
        Seed of ``numpy.random.default_rng``.
    by : str, optional
        Stratify by this column (e.g. ``"year"``): proportional allocation by the
        largest-remainder rule, at least 2 per stratum. ``None``: one stratum, "all".

    Returns
    -------
    DataFrame
        The columns of :data:`SHEET_COLUMNS`, frames and note empty, rows in corpus
        order.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": list("abcdef"), "doc_id": "d", "year": 2020,
    ...                   "paragraph": [1, 1, 2, 2, 3, 3], "text": list("ABCDEF")})
    >>> sheet = sample_sheet(s, n=3, seed=1)
    >>> len(sheet), sheet["security"].tolist()
    (3, ['', '', ''])
    """
    check_columns(sentences, ("sentence_id", "doc_id", "year", "paragraph", "text"),
                  "sentences table")
    check_positive_int("n", n)
    if n > len(sentences):
        raise ValueError(f"n={n} is more than the {len(sentences)} sentences of the corpus")
    if by is not None and by not in sentences:
        raise ValueError(f"by={by!r} is not a column of the sentences table")
    s = sentences.reset_index(drop=True)
    strata = s[by].astype(str) if by is not None else pd.Series("all", index=s.index)
    sizes = strata.value_counts().sort_index()
    alloc = _allocate(sizes, n) if by is not None else pd.Series({"all": n})
    rng = np.random.default_rng(seed)
    chosen = []
    for key in sizes.index:                                  # sorted strata
        idx = s.index[strata == key].to_numpy()
        chosen.extend(rng.choice(idx, size=int(alloc[key]), replace=False).tolist())
    picked = s.loc[sorted(chosen)]
    para = s.groupby(["doc_id", "paragraph"], sort=False)["text"].agg(" ".join)
    # the context of rule 1: the title (role "title", else the first paragraph) and the
    # paragraph before (an answer's question); the sentence's own paragraph
    order = {d: list(ps) for d, ps in para.index.to_frame(index=False)
             .groupby("doc_id", sort=False)["paragraph"]}
    titled = s[s["role"] == "title"] if "role" in s else s.iloc[:0]
    title = titled.groupby("doc_id", sort=False)["text"].agg(" ".join).to_dict()
    keys = list(zip(picked["doc_id"], picked["paragraph"]))

    def before(d, p):
        i = order[d].index(p)
        return para[(d, order[d][i - 1])] if i else ""
    return pd.DataFrame({
        "id": picked["sentence_id"].to_numpy(), "document": picked["doc_id"].to_numpy(),
        "year": picked["year"].to_numpy(), "stratum": strata[picked.index].to_numpy(),
        "title": [title.get(d, para[(d, order[d][0])]) for d, _ in keys],
        "previous_paragraph": [before(d, p) for d, p in keys],
        "paragraph_text": [para[k] for k in keys],
        "text": picked["text"].to_numpy(), **{f: "" for f in FRAMES}, "note": ""},
        columns=list(SHEET_COLUMNS))


def sample_checksum(sheet: pd.DataFrame) -> str:
    """sha256 of the sample itself: the ids and texts of a sheet, in id order.

    Codes and notes do not enter, so the blank and the filled sheet have the same
    checksum; a changed, added or removed sentence changes it.
    """
    pairs = sorted(zip(sheet["id"].astype(str), sheet["text"].astype(str)))
    return hashlib.sha256(json.dumps(pairs, ensure_ascii=False).encode("utf-8")).hexdigest()


def source_checksums(*, corpus: str | os.PathLike | None = None,
                     lexicon: str | os.PathLike | None = None,
                     codebook: str | os.PathLike | None = None) -> dict:
    """The checksums a lock records: ``{"codebook", "lexicon", "states", "corpus"}``.

    ``states`` is the lexicon's states file (part of what the lexicon codes,
    :func:`discourse.framing.lexicon.states_path`): its name (its path if it is not
    beside the lexicon) and sha256, or ``None`` if the lexicon names none.

    Raises
    ------
    FileNotFoundError
        If the codebook, the lexicon file or its states file is missing (the message
        names it).
    """
    from discourse.corpus import corpus_checksums

    book = paths.codebook_path(codebook)
    if not book.is_file():
        raise FileNotFoundError(f"{book}: codebook not found (a coding sheet records the "
                                "checksum of the codebook its coders follow; pass "
                                "--codebook FILE or add docs/codebook.md)")
    lex = paths.lexicon_path(LEXICON_FILE, lexicon)
    if not lex.is_file():
        raise FileNotFoundError(f"{lex}: lexicon file not found")
    sp = states_path(lex)
    states = None if sp is None else {"file": states_name(sp, lex), "sha256": file_sha256(sp)}
    root = paths.corpus_dir(corpus)
    return {"codebook": {"file": book.name, "sha256": file_sha256(book)},
            "lexicon": {"file": lex.name, "sha256": file_sha256(lex)}, "states": states,
            "corpus": {"directory": root.name or root.resolve().name,  # "." has no name
                       "files": corpus_checksums(root)}}


def draw_sample(output: str | os.PathLike, *, n: int, seed: int, by: str | None = None,
                corpus: str | os.PathLike | None = None, layer: str = "cleaned",
                lexicon: str | os.PathLike | None = None,
                codebook: str | os.PathLike | None = None,
                overwrite: bool = True) -> pd.DataFrame:
    """Sample a corpus into a blank coding sheet at ``output`` with its lock beside it.

    Parameters
    ----------
    output : path-like
        The sheet (CSV, UTF-8); the lock is :func:`lock_path` of it.
    n, seed, by
        As in :func:`sample_sheet`.
    corpus, layer
        The corpus directory and text layer (:func:`discourse.corpus.load_docs`).
    lexicon, codebook : path-like, optional
        The frame lexicon (default ``corpus/lexicons/frames.yaml``) and the codebook
        (default :func:`discourse.paths.codebook_path`) whose checksums are locked
        (the lexicon's with its states file's).
    overwrite : bool
        Replace an existing sheet and lock (default, as chapter 04 does on every run);
        ``False`` refuses them (``discourse sample`` without ``--force``): a sheet drawn
        before may already be hand-coded.

    Returns
    -------
    DataFrame
        The sheet as written.

    Raises
    ------
    FileNotFoundError, ValueError
        For a missing codebook, lexicon or corpus, or a bad ``n``/``by``; nothing is
        written then.
    FileExistsError
        With ``overwrite=False``, if the sheet or its lock exists (nothing is written).
    """
    from discourse import corpus as corpus_module
    from discourse.io import write_table, write_text

    for path, what in ((Path(output), "coding sheet"), (lock_path(output), "lock")):
        if not overwrite and path.exists():
            raise FileExistsError(f"{path}: the {what} already exists (a sheet drawn before, "
                                  "perhaps already hand-coded); choose another -o or pass "
                                  "--force to replace the sheet and its lock")

    sources = source_checksums(corpus=corpus, lexicon=lexicon, codebook=codebook)
    sentences = corpus_module.segment(corpus_module.load_docs(corpus, layer=layer))
    sheet = sample_sheet(sentences, n=n, seed=seed, by=by)
    strata = sentences[by].astype(str) if by else pd.Series("all", index=sentences.index)
    lock = {"format": LOCK_FORMAT, "sheet": Path(output).name,
            "created_by": f"discourse {__version__}", "n": n, "by": by, "seed": seed,
            "layer": layer,
            "strata": {str(k): {"population": int(v),
                                "sample": int((sheet["stratum"] == k).sum())}
                       for k, v in strata.value_counts().sort_index().items()},
            **sources, "sample": {"sha256": sample_checksum(sheet)}}
    write_table(sheet, output)
    write_text(json.dumps(lock, indent=2, ensure_ascii=False) + "\n", lock_path(output))
    return sheet
