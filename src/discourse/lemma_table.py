"""lemminflect's look-up table as :func:`discourse.text.lemma` reads it: one lemma per word.

:func:`discourse.text.lemma` takes a word's lemma from lemminflect's table (the noun
reading first, then verb, auxiliary, adjective and adverb: :data:`LEMMA_ORDER`).
That table, as lemminflect holds it (:func:`tables`), is a dictionary of dictionaries
of tuples: about 30 MB of Python objects for 69,980 words. :func:`lemmas` reads it
once and keeps only what the look-up needs, the lemma of each word that
:func:`~discourse.text.lemma` can look up (lower-case, ASCII, opening with a letter)
and whose lemma is another word (34,247 of them, about 4 MB); every other word is its
own lemma. Unless something else has loaded lemminflect's table (the frame coder's
:func:`~discourse.text.word_classes` does, through :func:`tables`), it is read for
this and left to be freed. A process that counts terms holds the small dictionary
only (``discourse keyness --n-jobs 2`` at 10 million words: about 30 MB less in each
worker process, ``benchmarks/README.md``, "Two processes with a margin"), and needs no
cache of look-ups beside it: a look-up is one read of a dictionary.

A leaf module: it imports no other module of the package.
"""

from __future__ import annotations

import functools

__all__ = ["LEMMA_ORDER", "tables", "entries", "lookup", "lemmas"]

#: The readings whose first lemma is taken, in this order of preference.
LEMMA_ORDER = ("NOUN", "VERB", "AUX", "ADJ", "ADV")


@functools.lru_cache(maxsize=1)
def tables() -> tuple[dict, dict]:
    """lemminflect's look-up table and its overrides, read as its ``getAllLemmas``
    reads them (``{word: {reading: (lemma, ...)}}``), kept for the process.

    ``getAllLemmas`` deep-copies both entries on every call (a fifth of the frame
    coder's time on prose with a large vocabulary); a lower-case word needs no copy."""
    from lemminflect import Lemmatizer

    lemmatizer = Lemmatizer()
    return lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()


def entries(word: str, read: tuple[dict, dict] | None = None) -> dict:
    """``lemminflect.getAllLemmas(word)`` for a lower-case ``word``, without its copies,
    from the tables (``read``, default :func:`tables`; ``tests/test_text.py`` compares
    the two on every word of the table)."""
    table, overrides = tables() if read is None else read
    return {**table.get(word, {}), **overrides.get(word, {})}


def lookup(word: str, read: tuple[dict, dict] | None = None) -> str:
    """The lemma of a lower-case ``word`` computed from the tables (``read``, default
    :func:`tables`): the first lemma of its first reading in :data:`LEMMA_ORDER`,
    lower-cased, the overrides merged where they name the word; ``word`` itself where
    the tables do not know it.

    Examples
    --------
    >>> [lookup(w) for w in ["threats", "was", "media", "sco"]]
    ['threat', 'be', 'medium', 'sco']
    """
    table, overrides = tables() if read is None else read
    found = entries(word, read) if word in overrides else table.get(word, ())
    for pos in LEMMA_ORDER if found else ():
        if found.get(pos):
            return found[pos][0].lower()
    return word


@functools.lru_cache(maxsize=1)
def lemmas() -> dict[str, str]:
    """``{word: its lemma}`` of every word :func:`discourse.text.lemma` can look up
    (lower-case, ASCII, opening with a letter) whose :func:`lookup` is another word;
    the words left out are their own lemmas. Made once per process, from lemminflect's
    table as :func:`tables` holds it if it is loaded, else from a copy read for this
    alone (and then freed).

    Examples
    --------
    >>> found = lemmas()
    >>> found["threats"], found["was"], "trade" in found
    ('threat', 'be', False)
    """
    from lemminflect import Lemmatizer
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

    lemmatizer = Lemmatizer()
    if hasattr(lemmatizer, "lemma_dict"):       # loaded: tables() or lemminflect's own
        table = lemmatizer.lemma_dict
    else:                                       # as _getLemmaDict reads it, not kept
        table = LemmaLUCodec.load(lemmatizer.lemma_lu_fn)
    read = (table, lemmatizer._getOverridesDict())
    out: dict[str, str] = {}
    same: dict[str, str] = {}                   # one object per lemma
    for word in sorted({*table, *read[1]}):
        if word.isascii() and word[:1].isalpha() and word == word.lower():
            found = lookup(word, read)
            if found != word:
                out[word] = same.setdefault(found, found)
    return out
