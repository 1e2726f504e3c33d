"""Text primitives: normalise, split into words and sentences, count words, look up lemmas.

A leaf module: it imports no other module of the package, so every step can use it
(:mod:`discourse.corpus` for sentences, :mod:`discourse.preprocess` for analysis terms,
:mod:`discourse.framing` for frame matching). Nothing here reads the project's word
lists; functions that need researcher data (lemma overrides) take it as an argument.

Conventions (name them when citing counts):

* **Normalisation** (:func:`normalise`): non-breaking and other Unicode spaces become
  ordinary spaces; typographic apostrophes and quotation marks become ASCII ones.
  The exact text stays in the ``sentences`` table; only tokens are normalised.
* **Word tokens** (:func:`tokenize`): NLTK's ``NLTKWordTokenizer`` (the Treebank
  tokenizer with NLTK's improvements), which needs no downloaded data, applied to one
  sentence at a time. Hyphenated words ("anti-drug", "COVID-19") stay one token;
  numbers such as "3,800" and "6.3" stay whole; clitics split ("SCO's" -> "SCO",
  "'s").
* **Fast tokens** (:func:`fast_tokens`): one regular expression, :data:`TOKEN_PATTERN`,
  that splits like :func:`tokenize` on word tokens (hyphenated words and numbers stay
  whole, "'s" splits off) but is about 15 times faster; the frame coder uses it.
* **Word** (:func:`count_words`): a token of :func:`tokenize` with a letter or digit.
  This is the package's one definition of a word: the denominator of every rate per
  1,000 words.
* **Sentence** (:func:`sentence_spans`, from :mod:`discourse.sentence_split`): NLTK's
  Punkt sentence tokenizer (Kiss and Strunk 2006) with NLTK's pretrained English
  parameters plus the abbreviations in :data:`EXTRA_ABBREVIATIONS`, and five rules of
  the package's own (see that module).
* **Lemma** (:func:`lemma`): dictionary look-up in ``lemminflect``'s plain-text lexicon
  (no model, no pickle), without part-of-speech tagging (there is no trustworthy
  offline tagger): the noun reading is preferred, then verb, then adjective and adverb;
  words not in the lexicon are kept as they are. The table is read once per process
  into one lemma per word (:mod:`discourse.lemma_table`).

References
----------
Bird, S., Klein, E. and Loper, E. (2009). *Natural Language Processing with Python*.
O'Reilly. (NLTK.)
Kiss, T. and Strunk, J. (2006). Unsupervised multilingual sentence boundary
detection. *Computational Linguistics* 32(4), 485-525.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import chain
from typing import Mapping

from discourse.lemma_table import entries as _entries
from discourse.lemma_table import lemmas as _lemmas
from discourse.nltk_plain import contractions_pattern as _contractions
from discourse.nltk_plain import letter_contractions
from discourse.sentence_split import (EXTRA_ABBREVIATIONS, join_sentences, sentence_spans,
                                      split_sentences)

__all__ = [
    "EXTRA_ABBREVIATIONS",
    "HYPHENS",
    "hyphen_parts",
    "printed",
    "TOKEN_PATTERN",
    "TOKEN_RE",
    "normalise",
    "plain_characters",
    "tokenize",
    "single_token",
    "token_spans",
    "fast_tokens",
    "TokenMemo",
    "is_word",
    "is_number",
    "is_numeric",
    "count_words",
    "sentence_spans", "split_sentences", "join_sentences",
    "lemma", "lemmatize",
    "only_verb",
    "word_classes",
]

#: Tokens for frame matching: words (with inner hyphens, decimals), "'s", or one symbol.
TOKEN_PATTERN = r"\w+(?:[-\u2010\u2011]\w+|[.,:]\d+)*|['\u2019]s\b|[^\w\s]"
#: :data:`TOKEN_PATTERN`, compiled.
TOKEN_RE = re.compile(TOKEN_PATTERN)

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004"
                                 "\u2005\u2006\u2008\u205f\u3000"), " ")
_QUOTES = {ord("\u2019"): "'", ord("\u2018"): "'", ord("\u201b"): "'",
           ord("\u02bc"): "'", ord("\u201c"): '"', ord("\u201d"): '"',
           ord("\u201e"): '"', ord("\u00ab"): '"', ord("\u00bb"): '"'}
#: Hyphen (U+2010) and non-breaking hyphen (U+2011): the hyphen-minus of "anti-terrorist".
_HYPHENS = {ord("\u2010"): "-", ord("\u2011"): "-"}
#: The hyphens a token may hold: hyphen-minus, hyphen, non-breaking hyphen.
HYPHENS = "-\u2010\u2011"
_HYPHEN_SPLIT = re.compile(f"[{HYPHENS}]")
_TRANSLATE = {**_SPACES, **_QUOTES, **_HYPHENS}
#: Any character :func:`normalise` replaces (a search in C is cheaper than translating).
_TO_TRANSLATE = re.compile("[" + "".join(map(chr, _TRANSLATE)) + "]")
#: What :func:`fast_tokens` replaces: Unicode spaces already separate its tokens.
_TOKEN_TRANSLATE = {**_QUOTES, **_HYPHENS}
_TO_TOKEN_TRANSLATE = re.compile("[" + "".join(map(chr, _TOKEN_TRANSLATE)) + "]")
_NUMBER = re.compile(r"^[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:%|st|nd|rd|th|s)?$")
_WORD = re.compile(r"\w", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_DIGIT = re.compile(r"\d")


def hyphen_parts(token: str) -> list[str]:
    """The parts of a hyphenated token (``[]`` for a token without a hyphen).

    Examples
    --------
    >>> hyphen_parts("SCO-Mongolia"), hyphen_parts("Anti\u2011Terrorist"), hyphen_parts("SCO")
    (['SCO', 'Mongolia'], ['Anti', 'Terrorist'], [])
    """
    if "-" not in token and "\u2010" not in token and "\u2011" not in token:
        return []
    return [p for p in _HYPHEN_SPLIT.split(token) if p]


#: An initialism with full stops as tokens hold them ("U . N ."), and a possessive
#: split off its word ("world 's", "Ministers ' Meeting").
_SPACED_INITIALISM = re.compile(r"(?<![\w.])(?:[A-Z] \. ?){2,}")
#: Both patterns begin with the space they remove and look around it (the lookbehind
#: takes the space in), so that the engine can search for the space first: the same
#: matches as "(?<=X) (?=Y)|(?<=Z) " at about a third of the cost.
_SPACED_POSSESSIVE = re.compile(r" (?:(?<=\w )(?=['\u2019]s\b)|(?<=s )(?=['\u2019](?: \w|$)))")
#: A space the tokens put before a closing mark or after an opening bracket.
_SPACED_MARK = re.compile(r" (?:(?=[,;:.!?%)\]])|(?<=[(\[] ))")


def printed(tokens) -> str:
    """Tokens as they read in the text, for evidence and notes: joined by spaces, but an
    initialism with full stops, a possessive and punctuation glued as printed.

    The tokens of :data:`TOKEN_PATTERN` lose the spaces of the text; this puts back
    the cases a reader notices in a label ("U . S .", "world 's", "territory , and
    GDP", "( UN )"), and leaves every other token separated by one space.

    Examples
    --------
    >>> printed(["the", "U", ".", "S", ".", "and", "the", "U", ".", "N", "."])
    'the U.S. and the U.N.'
    >>> printed(["world", "'s", "population"]), printed(["Ministers", "'", "Meeting"])
    ("world's population", "Ministers' Meeting")
    >>> printed(["territory", ",", "resources", ",", "and", "GDP", "(", "2019", ")", "."])
    'territory, resources, and GDP (2019).'
    """
    return _printed(" ".join(tokens))


@functools.lru_cache(maxsize=1 << 16)     # a function of the joined text; labels recur
def _printed(text: str) -> str:
    if "." in text:
        text = _SPACED_INITIALISM.sub(
            lambda m: m.group(0).replace(" ", "") + (" " if m.group(0).endswith(" ") else ""),
            text)
    if "'" in text or "\u2019" in text:
        text = _SPACED_POSSESSIVE.sub("", text)
    return _SPACED_MARK.sub("", text)


def normalise(text: str) -> str:
    """Return ``text`` in NFC with Unicode spaces, typographic quotes and the Unicode
    hyphens (U+2010, U+2011) made plain; every replacement is one character for one, so
    offsets into the NFC text stay valid.

    Examples
    --------
    >>> normalise("the SCO\u2019s\u00a0role \u201cSpider Web\u201d")
    'the SCO\\'s role "Spider Web"'
    >>> normalise("Regional Anti\u2011Terrorist Structure")
    'Regional Anti-Terrorist Structure'
    """
    return plain_characters(unicodedata.normalize("NFC", text))


def plain_characters(text: str) -> str:
    """:func:`normalise` without its NFC step: only the one-for-one replacements of
    spaces, quotes and hyphens (white space stays white space, nothing else becomes it).
    """
    return text.translate(_TRANSLATE) if _TO_TRANSLATE.search(text) else text


@functools.lru_cache(maxsize=1)
def _word_tokenizer():
    from discourse.nltk_plain import PlainWordTokenizer

    return PlainWordTokenizer()


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


def single_token(chunk: str) -> bool:
    """True if ``chunk`` (no white space) is one token of :func:`tokenize`, inside a
    sentence or at its end: ASCII letters only, which only NLTK's contraction rules
    change, and not a word they split ("cannot": ``False``, tokenise it;
    :func:`discourse.nltk_plain.letter_contractions`, else the rules are searched).
    Checked against :func:`tokenize` on wordfreq's English words and the corpus's chunks.

    Examples
    --------
    >>> [single_token(w) for w in ["Member", "cannot", "SCO's", "2021", "caf\u00e9"]]
    [True, False, False, False, False]
    """
    if not (chunk.isascii() and chunk.isalpha()):
        return False
    words = letter_contractions()            # None: rules of a form not read there
    return chunk.lower() not in words if words is not None \
        else not _contractions().search(" " + chunk + " ")   # any of NLTK's rules


def token_spans(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Return ``(normalised text, [(start, end), ...])``: the spans of its word tokens.

    The spans are those of NLTK's ``NLTKWordTokenizer`` on :func:`normalise` ``(text)``
    (offsets into the normalised text); when the tokenizer cannot align its tokens
    with the text, white-space tokens are used instead.

    Examples
    --------
    >>> norm, spans = token_spans("All SCO\u00a0Member States agreed.")
    >>> [norm[s:e] for s, e in spans]
    ['All', 'SCO', 'Member', 'States', 'agreed', '.']
    """
    norm = normalise(text)
    try:
        spans = list(_word_tokenizer().span_tokenize(norm))
    except ValueError:   # alignment failed: fall back to white-space tokens
        spans = [m.span() for m in re.finditer(r"\S+", norm)]
    return norm, spans


class TokenMemo(dict):
    """The tokens of :data:`TOKEN_PATTERN` per white-space separated chunk of NFC text,
    with typographic quotes and hyphens made plain as in :func:`fast_tokens`, computed
    once per distinct chunk (at most ``size`` are kept; the memo is cleared when full):
    ``memo["SCO\u2019s"]`` is ``("SCO", "'s")``. :func:`fast_tokens` takes one.
    """

    def __init__(self, size: int = 1 << 17):
        super().__init__()
        self.size = size

    def __missing__(self, chunk: str) -> tuple:
        if len(self) >= self.size:
            self.clear()
        got = self[chunk] = tuple(TOKEN_RE.findall(
            chunk if chunk.isascii() else chunk.translate(_TOKEN_TRANSLATE)))
        return got


def fast_tokens(text: str, memo: TokenMemo | None = None) -> list[str]:
    """Split one sentence into the tokens of :data:`TOKEN_PATTERN` (see module docstring).

    With a ``memo`` (:class:`TokenMemo`), each chunk between white space is made plain
    and split once per distinct chunk. The tokens are the same: no token holds white
    space and none begins with it (``str.split`` and the pattern's ``\\s`` mean the
    same characters), ``\\b`` holds at a chunk's end as before white space, and the
    characters made plain (quotes, hyphens) are not white space and do not become it.

    Examples
    --------
    >>> fast_tokens("The SCO's anti-drug trade grew by 6.3%.")
    ['The', 'SCO', "'s", 'anti-drug', 'trade', 'grew', 'by', '6.3', '%', '.']

    Typographic text gives the tokens of its plain form (:func:`normalise`), as web
    pages and word processors write it:

    >>> fast_tokens("The People\u2019s Republic and the Anti\u2011Terrorist Structure")
    ['The', 'People', "'s", 'Republic', 'and', 'the', 'Anti-Terrorist', 'Structure']
    >>> fast_tokens("The SCO\u2019s anti\u2011drug trade grew.", TokenMemo())
    ['The', 'SCO', "'s", 'anti-drug', 'trade', 'grew', '.']
    """
    if memo is not None:             # NFC here, quotes and hyphens made plain per chunk
        if not text.isascii():
            # ASCII but for no-break spaces (most web text): already NFC, and split at
            # the same places when they are plain spaces (both are white space)
            plain = text.replace("\xa0", " ")
            text = plain if plain.isascii() else unicodedata.normalize("NFC", text)
        return [*chain.from_iterable(map(memo.__getitem__, text.split()))]
    if not text.isascii():           # the tokens of normalise(text), for less work
        text = unicodedata.normalize("NFC", text)
        if _TO_TOKEN_TRANSLATE.search(text):
            text = text.translate(_TOKEN_TRANSLATE)
    return TOKEN_RE.findall(text)


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


def is_numeric(token: str) -> bool:
    """True for numbers and number-like tokens: no letter but a digit, or an ordinal.

    Examples
    --------
    >>> [is_numeric(t) for t in ["3,800", "2019-2021", "12:45", "19th", "COVID-19", "G20"]]
    [True, True, True, True, False, False]
    """
    return is_number(token) or (not _LETTER.search(token) and bool(_DIGIT.search(token)))


def count_words(text: str) -> int:
    """Number of words in ``text``: tokens of :func:`tokenize` that contain a letter or
    digit (punctuation is not counted).

    This is the package's one definition of a *word*: the denominator of every rate
    per 1,000 words (``corpus.describe``, ``framing.frame_shares``).

    Examples
    --------
    >>> count_words("The SCO's trade grew by 3,800 units, didn't it?")
    11
    """
    return sum(1 for t in tokenize(text) if is_word(t))


def lemma(word: str, overrides: Mapping[str, str] | None = None) -> str:
    """Return the lemma of one word, lower-cased (see the module docstring).

    Parameters
    ----------
    word : str
        A token; it is lower-cased first.
    overrides : mapping, optional
        ``{word: lemma}`` applied before the look-up (default: none). The project's
        overrides are :attr:`discourse.lexicons.Lexicons.lemma_overrides`.

    Examples
    --------
    >>> [lemma(w) for w in ["Organisations", "was", "threats", "countering", "SCO"]]
    ['organisation', 'be', 'threat', 'counter', 'sco']
    >>> lemma("media"), lemma("media", {"media": "media"})
    ('medium', 'media')
    """
    w = word.lower()
    if overrides and w in overrides:
        return overrides[w]
    if not w.isascii() or not w[:1].isalpha():
        return w
    return _lemmas().get(w, w)


def lemmatize(tokens: list[str], overrides: Mapping[str, str] | None = None) -> list[str]:
    """Return the lemma of each token (lower-cased), see :func:`lemma`."""
    return [lemma(t, overrides) for t in tokens]


@functools.lru_cache(maxsize=8192)
def word_classes(word: str) -> frozenset:
    """The word classes (``NOUN``, ``VERB``, ``ADJ``, ...) lemminflect's table knows the
    lower-case ``word`` in; empty for a word it does not know.

    >>> sorted(word_classes("trade")), sorted(word_classes("condemned"))
    (['NOUN', 'VERB'], ['VERB'])
    """
    return frozenset(_entries(word))


def only_verb(word: str) -> bool:
    """Whether lemminflect's table knows the lower-case ``word`` only as a verb or an
    auxiliary (no noun, adjective or other reading; :func:`word_classes`).

    >>> [only_verb(w) for w in ["condemned", "discussed", "trade", "welcome", "Interior"]]
    [True, True, False, False, False]
    """
    classes = word_classes(word)
    return bool(classes) and classes <= {"VERB", "AUX"}
