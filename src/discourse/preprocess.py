"""Normalise, tokenise and lemmatise text: pure functions, no downloads.

Conventions (name them when citing counts):

* **Normalisation** (:func:`normalise`): non-breaking and other Unicode spaces become
  ordinary spaces; typographic apostrophes and quotation marks become ASCII ones.
  The exact text stays in the ``sentences`` table; only tokens are normalised.
* **Tokenisation** (:func:`tokenize`): NLTK's ``NLTKWordTokenizer`` (the Treebank
  tokenizer with NLTK's improvements), which needs no downloaded data, applied to one
  sentence at a time. Hyphenated words ("anti-drug", "COVID-19") stay one token;
  numbers such as "3,800" and "6.3" stay whole; clitics split ("SCO's" -> "SCO",
  "'s").
* **Lemmatisation** (:func:`lemma`): dictionary look-up in ``lemminflect``'s
  plain-text lexicon (no model, no pickle), without part-of-speech tagging (there is
  no trustworthy offline tagger): the noun reading is preferred, then verb, then
  adjective and adverb; words not in the lexicon are kept as they are. Researcher
  overrides live in ``corpus/lexicons/lemma_overrides.csv``.

References
----------
Bird, S., Klein, E. and Loper, E. (2009). *Natural Language Processing with Python*.
O'Reilly. (NLTK.)
"""

from __future__ import annotations

import csv
import functools
import os
import re
import unicodedata

from discourse import paths

__all__ = [
    "normalise",
    "tokenize",
    "lemma",
    "lemmatize",
    "is_word",
    "is_number",
    "load_lemma_overrides",
]

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004"
                                 "\u2005\u2006\u2008\u205f\u3000"), " ")
_QUOTES = {ord("\u2019"): "'", ord("\u2018"): "'", ord("\u201b"): "'",
           ord("\u02bc"): "'", ord("\u201c"): '"', ord("\u201d"): '"',
           ord("\u201e"): '"', ord("\u00ab"): '"', ord("\u00bb"): '"'}
_TRANSLATE = {**_SPACES, **_QUOTES}
_NUMBER = re.compile(r"^[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:%|st|nd|rd|th|s)?$")
_WORD = re.compile(r"\w", re.UNICODE)
_LEMMA_ORDER = ("NOUN", "VERB", "AUX", "ADJ", "ADV")


def normalise(text: str) -> str:
    """Return ``text`` with Unicode spaces and typographic quotes made plain.

    Examples
    --------
    >>> normalise("the SCO\u2019s\u00a0role \u201cSpider Web\u201d")
    'the SCO\\'s role "Spider Web"'
    """
    return unicodedata.normalize("NFC", text).translate(_TRANSLATE)


@functools.lru_cache(maxsize=1)
def _word_tokenizer():
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


def tokenize(text: str) -> list[str]:
    """Tokenise one sentence with NLTK's ``NLTKWordTokenizer`` after :func:`normalise`.

    A final full stop glued to the last token (as in "12:45.") is split off.

    Examples
    --------
    >>> tokenize("The SCO\u2019s trade exceeded US$ 6.3 trillion, with 3,800 firms.")
    ['The', 'SCO', "'s", 'trade', 'exceeded', 'US', '$', '6.3', 'trillion', ',', \
'with', '3,800', 'firms', '.']
    """
    tokens = _word_tokenizer().tokenize(normalise(text))
    if tokens and len(tokens[-1]) > 1 and tokens[-1].endswith(".") \
            and not re.fullmatch(r"(?:[A-Za-z]\.)+", tokens[-1]):
        tokens[-1:] = [tokens[-1][:-1], "."]
    return tokens


def is_word(token: str) -> bool:
    """True if ``token`` contains a letter or digit (not pure punctuation)."""
    return bool(_WORD.search(token)) and token not in ("''", "``")


def is_number(token: str) -> bool:
    """True if ``token`` is a number ("3,800", "6.3", "19th", "1990s", "60%").

    Examples
    --------
    >>> [is_number(t) for t in ["3,800", "6.3", "19th", "COVID-19", "2019-2021"]]
    [True, True, True, False, False]
    """
    return bool(_NUMBER.match(token))


@functools.lru_cache(maxsize=8)
def load_lemma_overrides(path: str | os.PathLike | None = None) -> dict[str, str]:
    """Read ``lemma_overrides.csv`` (columns ``word, lemma, why``) into a dict.

    Returns an empty dict if the default file does not exist.
    """
    p = paths.lexicon_path("lemma_overrides.csv", path)
    if not p.exists():
        if path is not None:
            raise FileNotFoundError(f"{p}: lemma overrides file not found")
        return {}
    with open(p, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if rows and not {"word", "lemma"} <= set(rows[0]):
        raise ValueError(f"{p}: needs columns 'word' and 'lemma'")
    return {r["word"].strip().lower(): r["lemma"].strip().lower() for r in rows}


@functools.lru_cache(maxsize=65536)
def _lookup(word: str) -> str:
    from lemminflect import getAllLemmas

    entries = getAllLemmas(word)
    for pos in _LEMMA_ORDER:
        if pos in entries and entries[pos]:
            return entries[pos][0].lower()
    return word


def lemma(word: str, overrides: dict[str, str] | None = None) -> str:
    """Return the lemma of one lower-cased word (see the module docstring).

    Parameters
    ----------
    word : str
        A token; it is lower-cased first.
    overrides : dict, optional
        ``{word: lemma}`` applied before the look-up (default: the project's
        ``lemma_overrides.csv``).

    Examples
    --------
    >>> [lemma(w) for w in ["Organisations", "was", "threats", "countering", "SCO"]]
    ['organisation', 'be', 'threat', 'counter', 'sco']
    """
    w = word.lower()
    table = load_lemma_overrides() if overrides is None else overrides
    if w in table:
        return table[w]
    if not w.isascii() or not w[:1].isalpha():
        return w
    return _lookup(w)


def lemmatize(tokens: list[str], overrides: dict[str, str] | None = None) -> list[str]:
    """Return the lemma of each token (lower-cased), see :func:`lemma`."""
    return [lemma(t, overrides) for t in tokens]
