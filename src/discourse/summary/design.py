"""The design caveat of the summary's comparisons of years, drawn from the corpus
metadata: whether the texts of the years compared differ in genre as well as in date.

:func:`corpus_genres` reads the genre of each document from the ``metadata.csv`` of the
corpus the tables were made from (checked against the corpus checksum their sidecars
record); :func:`caveat` turns it into the sentence that ends each framing, keyword and
topic comparison, and :func:`single_text_caution` into the Corpus section's caution.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from discourse import results as R
from discourse.summary.format import join_words, read

__all__ = ["corpus_genres", "compared_years", "caveat", "single_text_caution"]


def corpus_genres(root: Path, corpus: str | os.PathLike | None = None, *,
                  sha256: str | None = None) -> dict[int, tuple[str, ...]] | None:
    """The genres of each year's documents, from the corpus metadata.

    Parameters
    ----------
    root : pathlib.Path
        The results folder; its ``corpus-summary.csv`` names the documents and years.
    corpus : path-like, optional
        The corpus the tables were made from (default: :func:`discourse.paths.corpus_dir`).
    sha256 : str, optional
        The corpus checksum the tables' sidecars record
        (:func:`discourse.provenance.corpus_signature`), if any.

    Returns
    -------
    dict or None
        ``{year: sorted genres of that year's documents}``; ``None`` where they cannot be
        told: no corpus summary, or a default corpus that is not the tables' (another
        checksum; without a recorded checksum, one that lacks their documents).

    Raises
    ------
    ValueError
        If ``corpus`` is given and is not the one the tables were made from.

    Examples
    --------
    >>> corpus_genres(Path("no-such-folder")) is None
    True
    """
    from discourse import corpus as C
    from discourse import paths, provenance

    table = read(root, R.CORPUS_SUMMARY)
    if table is None or not {"doc_id", "year"} <= set(table.columns):
        return None
    docs = table[table.role == "all"] if "role" in table else table
    try:
        meta = C.load_metadata(corpus)
        digest = provenance.corpus_signature(paths.corpus_dir(corpus),
                                             C.corpus_checksums(corpus))["sha256"]
    except (C.CorpusError, OSError):
        if corpus is not None:
            raise
        return None
    genre = dict(zip(meta.doc_id, meta.genre.astype(str).str.strip()))
    missing = sorted(set(docs.doc_id) - set(genre))
    if (sha256 is not None and digest != sha256) or missing:
        if corpus is None:
            return None
        raise ValueError(f"the corpus {paths.corpus_dir(corpus)} is not the one the tables "
                         f"in {root} were made from ("
                         + (f"its metadata lack {', '.join(missing[:3])}" if missing else
                            "the checksum of its files differs from their sidecars'")
                         + "): pass the run's corpus (nothing was written)")
    out: dict[int, set] = {}
    for r in docs.itertuples():
        out.setdefault(int(r.year), set()).add(genre[r.doc_id])
    return {year: tuple(sorted(g)) for year, g in sorted(out.items())}


def compared_years(values: Iterable) -> set[int] | None:
    """The years a comparison names (``2023``, ``"2021;2022"``); ``None`` where it names
    a pooled reference (``"rest"``) or nothing, meaning every year.

    Examples
    --------
    >>> sorted(compared_years([2023, "2021;2022"])), compared_years([2023, "rest"])
    ([2021, 2022, 2023], None)
    """
    years = set()
    for value in values:
        for part in str(value).removesuffix(".0").split(";"):
            if not part.strip().isdigit():
                return None
            years.add(int(part))
    return years or None


def caveat(single: bool, genres: Mapping[int, tuple[str, ...]] | None = None,
           years: Iterable[int] | None = None) -> str:
    """The design caveat that ends a comparison of years (with a leading space).

    Parameters
    ----------
    single : bool
        Whether each year is one text.
    genres : mapping, optional
        :func:`corpus_genres`; ``None`` where the genres are not known, and the caveat
        says that they may differ.
    years : iterable of int, optional
        The years compared (:func:`compared_years`; default: every year of ``genres``).

    Returns
    -------
    str
        Texts of one genre: that they are, and that a difference may still reflect the
        occasion, speaker or audience; genres that differ between the years: that they
        do (naming each year's where a year has several texts); the same genres in every
        year: that they are, perhaps in other proportions.

    Examples
    --------
    >>> caveat(False, {2021: ("press release",), 2022: ("press release",)})[:62]
    ' Design caveat: the texts are all of one genre (press release)'
    >>> caveat(False, {2021: ("address",), 2022: ("address", "interview")})
    " Design caveat: the years' texts differ in genre (2021: address; 2022: address, \
interview) and occasion as well as in date."
    """
    if genres is not None and years is not None:
        chosen = {y: g for y, g in genres.items() if y in set(years)}
        genres = chosen if len(chosen) > 1 else genres
    if genres is None:
        return (" Design caveat: each year is one text, so this is also a difference between "
                "two texts (their occasion and perhaps their genre, which the summary did "
                "not read: it was not given the corpus of the tables), not only between "
                "years." if single else
                " Design caveat: the years' texts may differ in genre and occasion as well "
                "as in date (the summary did not read their genres: it was not given the "
                "corpus of the tables).")
    kinds = sorted({g for gs in genres.values() for g in gs})
    if len(kinds) == 1:
        n = {2: "two"}.get(len(genres), str(len(genres)))
        return (f" Design caveat: each year is one text, so this is also a difference "
                f"between {n} texts, not only between years: they are of one genre "
                f"({kinds[0]}), but a difference may still reflect their occasion, speaker "
                "or audience as much as the date." if single else
                f" Design caveat: the texts are all of one genre ({kinds[0]}), so the years "
                "do not differ in genre, but a difference between them may still reflect "
                "the occasion, speaker or audience as much as the date.")
    if len(set(genres.values())) == 1:
        return (f" Design caveat: every year has texts of the same genres "
                f"({join_words(kinds)}), perhaps in other proportions, so a difference "
                "between years may still reflect the mix of genres, the occasion, speaker "
                "or audience as much as the date.")
    if single:
        return (" Design caveat: each year is one text, so this is also a difference between "
                "two texts (their genre and occasion), not only between years.")
    per_year = "; ".join(f"{y}: {', '.join(g)}" for y, g in sorted(genres.items()))
    return (f" Design caveat: the years' texts differ in genre ({per_year}) and occasion "
            "as well as in date.")


def single_text_caution(genres: Mapping[int, tuple[str, ...]] | None) -> str:
    """The Corpus section's caution for a corpus of one text per year.

    Examples
    --------
    >>> single_text_caution({2021: ("statement",), 2022: ("statement",)})[-74:]
    'texts (their occasion, speaker and audience; all of one genre, statement).'
    """
    head = ("Caution: each year is represented by a single text, so any difference between "
            "years is also a difference between those texts ")
    kinds = sorted({g for gs in (genres or {}).values() for g in gs})
    if genres is None or len(kinds) != 1:
        return head + ("(their genre, occasion and, for interviews, the journalists' "
                       "questions).")
    questions = (", and the journalists' questions" if "interview" in kinds[0].lower()
                 else "")
    return head + (f"(their occasion, speaker and audience{questions}; all of one genre, "
                   f"{kinds[0]}).")
