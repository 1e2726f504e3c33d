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
* **Analysis terms** (:func:`terms`, :func:`tokens`, :func:`analyzer`): the steps,
  in order, each of which one option switches off:

  1. tokenise (above);
  2. ``lowercase``;
  3. ``spelling``: American to British spelling from the explicit word list
     ``corpus/lexicons/spelling.csv`` (no blind ``-ize`` regex, which would touch
     "size" and "seize"), applied to the word and again to its lemma;
  4. ``lemmatize`` (above). Acronyms, i.e. tokens of two or more letters written
     entirely in capitals (RATS, SCO, UN), are never lemmatised ("RATS" is not the
     plural of "rat");
  5. ``variants`` (``variants.csv``: "Shanghai Cooperation Organisation" -> ``sco``,
     "Regional Anti-Terrorism Structure" -> ``rats``, "coronavirus" -> ``covid-19``,
     ...) and ``phrases`` (``phrases.txt``: "member states" -> ``member state``):
     multiword expressions become one term containing a space. Matching is greedy,
     longest first, left to right, within a sentence, and always compares the
     lower-cased, spelling-harmonised, lemmatised form of each token (so "Member
     States" matches "member state" whatever the other options). A variant whose
     canonical form has a space applies only when ``phrases`` is on too;
  6. ``punctuation``: tokens without a letter or digit are dropped unless
     ``punctuation=True``;
  7. ``numbers``: tokens without a letter that contain a digit ("3,800", "6.3",
     "2019-2021", "12:45") and ordinals ("19th") are dropped unless ``numbers=True``;
  8. ``stopwords``: terms in ``corpus/lexicons/stopwords.txt`` are dropped; its
     ``pronouns`` group is kept when ``keep_pronouns=True``. Multiword terms are
     never dropped as stop words.

  A *term* is one item of the output; a multiword expression is one term. Counts
  and rates per 10,000 in :mod:`discourse.keywords` use these terms as tokens.

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
from typing import Callable

from discourse import paths

__all__ = [
    "normalise",
    "tokenize",
    "lemma",
    "lemmatize",
    "is_word",
    "is_number",
    "count_words",
    "load_lemma_overrides",
    "load_stopwords",
    "stopword_groups",
    "load_spelling",
    "load_variants",
    "load_phrases",
    "is_numeric",
    "terms",
    "tokens",
    "analyzer",
    "TOKEN_COLUMNS",
    "TERM_OPTIONS",
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


# ---------------------------------------------------------------------------------
# lexicons: stop words, spelling, variants, phrases (researcher-edited data files)
# ---------------------------------------------------------------------------------

#: Columns of the tidy ``tokens`` table returned by :func:`tokens`.
TOKEN_COLUMNS = ["sentence_id", "doc_id", "year", "paragraph", "sentence", "role",
                 "position", "term"]
#: The keyword options of :func:`terms` with their defaults.
TERM_OPTIONS = {"lowercase": True, "lemmatize": True, "spelling": True,
                "variants": True, "phrases": True, "stopwords": True, "numbers": False,
                "punctuation": False, "keep_pronouns": False}
_GROUP = re.compile(r"^#\s*group:\s*([A-Za-z0-9_-]+)\s*(?:-\s*(.*))?$")
_ACRONYM = re.compile(r"^[A-Z]{2,}[A-Z0-9]*$")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=8)
def stopword_groups(path: str | os.PathLike | None = None) -> dict[str, frozenset[str]]:
    """Read ``stopwords.txt`` into ``{group: frozenset of words}``.

    The file has one lower-case word per line; a line ``# group: NAME - why`` starts
    a group; other ``#`` lines and blank lines are comments.

    Raises
    ------
    ValueError
        If a word appears before the first group line.

    Examples
    --------
    >>> groups = stopword_groups()
    >>> "we" in groups["pronouns"], "not" in set().union(*groups.values())
    (True, False)
    """
    p = paths.lexicon_path("stopwords.txt", path)
    groups: dict[str, set[str]] = {}
    current = None
    with open(p, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.strip()
            m = _GROUP.match(line)
            if m:
                current = m.group(1)
                groups.setdefault(current, set())
                continue
            if not line or line.startswith("#"):
                continue
            if current is None:
                raise ValueError(f"{p}, line {lineno}: word {line!r} before the first "
                                 "'# group: NAME - why' line")
            groups[current].add(line.lower())
    return {g: frozenset(w) for g, w in sorted(groups.items())}


def load_stopwords(path: str | os.PathLike | None = None, *,
                   groups: tuple[str, ...] | None = None,
                   exclude: tuple[str, ...] = ()) -> frozenset[str]:
    """Return the stop words of ``groups`` (default all) minus those of ``exclude``.

    Parameters
    ----------
    path : path-like, optional
        The stop-word file (default ``corpus/lexicons/stopwords.txt``).
    groups : tuple of str, optional
        Groups to include (default: all groups in the file).
    exclude : tuple of str
        Groups to leave out, e.g. ``("pronouns",)`` to keep we/our.

    Raises
    ------
    ValueError
        If a group name is not in the file.

    Examples
    --------
    >>> sw = load_stopwords(exclude=("pronouns",))
    >>> [w in sw for w in ["the", "we", "not", "must", "system"]]
    [True, False, False, False, False]
    """
    table = stopword_groups(path)
    wanted = tuple(table) if groups is None else tuple(groups)
    for g in (*wanted, *exclude):
        if g not in table:
            raise ValueError(f"stop-word group {g!r} is not one of {sorted(table)}")
    out: set[str] = set()
    for g in wanted:
        if g not in exclude:
            out |= table[g]
    return frozenset(out)


def _read_csv(p, required: tuple[str, ...]) -> list[dict[str, str]]:
    with open(p, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#")]
    rows = list(csv.DictReader(lines))
    header = set(rows[0]) if rows else set(csv.DictReader(lines).fieldnames or [])
    if not set(required) <= header:
        raise ValueError(f"{p}: needs columns {', '.join(required)}")
    return rows


@functools.lru_cache(maxsize=8)
def load_spelling(path: str | os.PathLike | None = None) -> dict[str, str]:
    """Read ``spelling.csv`` (``american, british, why``) into ``{american: british}``.

    Examples
    --------
    >>> sp = load_spelling()
    >>> sp["organization"], sp["favorable"], "size" in sp
    ('organisation', 'favourable', False)
    """
    p = paths.lexicon_path("spelling.csv", path)
    rows = _read_csv(p, ("american", "british"))
    return {r["american"].strip().lower(): r["british"].strip().lower() for r in rows
            if r["american"].strip()}


@functools.lru_cache(maxsize=8)
def load_variants(path: str | os.PathLike | None = None) -> dict[str, str]:
    """Read ``variants.csv`` (``variant, canonical, why``) into ``{variant: canonical}``.

    Variants keep their case as written: acronyms are written in capitals, because a
    token in capitals is not lemmatised when matched (``RATS`` stays ``rats``).

    Examples
    --------
    >>> v = load_variants()
    >>> v["regional anti-terrorism structure"], v["coronavirus"]
    ('rats', 'covid-19')
    """
    p = paths.lexicon_path("variants.csv", path)
    rows = _read_csv(p, ("variant", "canonical"))
    return {r["variant"].strip(): r["canonical"].strip().lower() for r in rows
            if r["variant"].strip()}


@functools.lru_cache(maxsize=8)
def load_phrases(path: str | os.PathLike | None = None) -> tuple[str, ...]:
    """Read ``phrases.txt`` (one expression per line, ``  # why`` comments) as a tuple.

    Examples
    --------
    >>> "member state" in load_phrases()
    True
    """
    p = paths.lexicon_path("phrases.txt", path)
    out = []
    with open(p, encoding="utf-8") as fh:
        for line in fh:
            text = line.split("#", 1)[0].strip().lower() if not line.lstrip() \
                .startswith("#") else ""
            if text:
                out.append(re.sub(r"\s+", " ", text))
    return tuple(dict.fromkeys(out))


def is_numeric(token: str) -> bool:
    """True for numbers and number-like tokens: no letter but a digit, or an ordinal.

    Examples
    --------
    >>> [is_numeric(t) for t in ["3,800", "2019-2021", "12:45", "19th", "COVID-19", "G20"]]
    [True, True, True, True, False, False]
    """
    return is_number(token) or (not _LETTER.search(token) and bool(_DIGIT.search(token)))


# ---------------------------------------------------------------------------------
# terms
# ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=200_000)
def _key(token: str) -> str:
    """Matching key of a token: lower case, British spelling, lemma (acronyms kept)."""
    spelling = load_spelling()
    low = token.lower()
    w = spelling.get(low, low)
    if not _ACRONYM.match(token):
        w = lemma(w)
        w = spelling.get(w, w)
    return w


@functools.lru_cache(maxsize=200_000)
def _surface(token: str, lowercase: bool, spelling: bool, lemmatize: bool) -> str:
    """Output form of one token that is not part of a matched expression."""
    table = load_spelling() if spelling else {}
    w = token.lower()
    w = table.get(w, w)
    if lemmatize and not _ACRONYM.match(token):
        w = lemma(w)
        w = table.get(w, w)
    if lowercase:
        return w
    if w == token.lower():
        return token
    if _ACRONYM.match(token):
        return w.upper()
    return w[:1].upper() + w[1:] if token[:1].isupper() else w


@functools.lru_cache(maxsize=16)
def _matcher(variants: bool, phrases: bool) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Compile variant and phrase patterns: ``{first key: [(keys, term), ...]}``.

    Patterns are tokenised and keyed like the text, longest first.
    """
    entries: dict[tuple[str, ...], str] = {}
    if phrases:
        for phrase in load_phrases():
            keys = tuple(_key(t) for t in tokenize(phrase))
            if len(keys) > 1:
                entries.setdefault(keys, phrase)
    if variants:
        for variant, canonical in load_variants().items():
            if " " in canonical and not phrases:
                continue
            keys = tuple(_key(t) for t in tokenize(variant))
            if keys:
                entries[keys] = canonical
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for keys, term in entries.items():
        out.setdefault(keys[0], []).append((keys, term))
    for first in out:
        out[first].sort(key=lambda kt: (-len(kt[0]), kt[0]))
    return out


def _check_options(options: dict) -> dict:
    unknown = sorted(set(options) - set(TERM_OPTIONS))
    if unknown:
        raise ValueError(f"unknown option(s) {', '.join(unknown)}; allowed: "
                         f"{', '.join(TERM_OPTIONS)}")
    for k, v in options.items():
        if not isinstance(v, bool):
            raise ValueError(f"{k}={v!r} must be True or False")
    return {**TERM_OPTIONS, **options}


@functools.lru_cache(maxsize=16)
def _drop_set(stopwords: bool, keep_pronouns: bool) -> frozenset[str]:
    if not stopwords:
        return frozenset()
    return load_stopwords(exclude=("pronouns",) if keep_pronouns else ())


def _terms(text: str, lowercase: bool, lemmatize: bool, spelling: bool, variants: bool,
           phrases: bool, stopwords: bool, numbers: bool, punctuation: bool,
           keep_pronouns: bool) -> list[str]:
    toks = tokenize(text)
    keys = [_key(t) for t in toks]
    match = _matcher(variants, phrases) if (variants or phrases) else {}
    drop = _drop_set(stopwords, keep_pronouns)
    out: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        found = None
        for pattern, term in match.get(keys[i], ()):
            m = len(pattern)
            if tuple(keys[i:i + m]) == pattern:
                found = (m, term)
                break
        if found is not None:
            m, term = found
            i += m
            if " " in term or term.lower() not in drop:
                out.append(term)
            continue
        tok = toks[i]
        i += 1
        if not is_word(tok):
            if punctuation:
                out.append(tok)
            continue
        if is_numeric(tok):
            if numbers:
                out.append(tok)
            continue
        w = _surface(tok, lowercase, spelling, lemmatize)
        if drop and (w.lower() in drop or tok.lower() in drop):
            continue
        out.append(w)
    return out


def terms(text: str, *, lowercase: bool = True, lemmatize: bool = True,
          spelling: bool = True, variants: bool = True, phrases: bool = True,
          stopwords: bool = True, numbers: bool = False, punctuation: bool = False,
          keep_pronouns: bool = False) -> list[str]:
    """Return the canonical analysis terms of one sentence.

    The steps and their order are described in the module docstring; each option
    switches one step off (or, for ``numbers``, ``punctuation`` and
    ``keep_pronouns``, on). Look-ups are cached and the phrase matcher is compiled
    once per option set, so the function is fast on large corpora.

    Parameters
    ----------
    text : str
        One sentence (pass sentences, not whole documents: NLTK's word tokenizer
        only splits a full stop at the end of its input).
    lowercase, lemmatize, spelling, variants, phrases, stopwords : bool
        Steps 2-5 and 8 of the pipeline (default all on).
    numbers, punctuation : bool
        Keep number tokens / punctuation tokens (default: dropped).
    keep_pronouns : bool
        Keep the ``pronouns`` group of the stop-word list (we, our, us, ...).

    Returns
    -------
    list of str
        Terms in text order; a multiword expression is one term with single spaces.

    Examples
    --------
    >>> terms("The Shanghai Cooperation Organization's member states fight terrorism.")
    ['sco', 'member state', 'fight', 'terrorism']
    >>> terms("We must not forget the Regional Anti-Terrorism Structure (RATS).",
    ...       keep_pronouns=True)
    ['we', 'must', 'not', 'forget', 'rats']
    >>> terms("The Coronavirus Pandemic and One Belt, One Road.")
    ['covid-19 pandemic', 'one belt one road']
    >>> terms("The Coronavirus Pandemic and One Belt, One Road.", phrases=False,
    ...       variants=False)
    ['coronavirus', 'pandemic', 'one', 'belt', 'one', 'road']
    >>> terms("Organizations favor 3,800 dialogs.", spelling=False, numbers=True)
    ['organization', 'favor', '3,800', 'dialog']
    """
    return _terms(text, lowercase, lemmatize, spelling, variants, phrases, stopwords,
                  numbers, punctuation, keep_pronouns)


def tokens(sentences, *, n_jobs: int = 1, **options):
    """Return the tidy ``tokens`` table of a ``sentences`` table: one row per term.

    Parameters
    ----------
    sentences : pandas.DataFrame
        A ``sentences`` table (``sentence_id, doc_id, year, paragraph, sentence,
        text``; ``role`` is carried over if present).
    n_jobs : int
        Documents are tokenised independently; with ``n_jobs > 1`` (``-1``: all
        cores) they are shared among worker processes by :class:`joblib.Parallel`.
        The table is identical whatever ``n_jobs`` is. Worth it for corpora of
        hundreds of documents (see ``benchmarks/README.md``).
    **options
        The keyword options of :func:`terms` (see :data:`TERM_OPTIONS`).

    Returns
    -------
    pandas.DataFrame
        ``tokens``: ``sentence_id, doc_id, year, paragraph, sentence, role,
        position, term`` in corpus order. ``position`` numbers the terms of each
        document from 0 in reading order (the running text for lexical dispersion).

    Raises
    ------
    ValueError
        For an unknown option, or if a required column is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"sentence_id": ["d.p001.s01", "d.p002.s01"],
    ...     "doc_id": ["d", "d"], "year": [2021, 2021], "paragraph": [1, 2],
    ...     "sentence": [1, 1], "text": ["Member States met.", "Trade grew."]})
    >>> tokens(s)[["paragraph", "position", "term"]].values.tolist()
    [[1, 0, 'member state'], [1, 1, 'meet'], [2, 2, 'trade'], [2, 3, 'grow']]
    """
    import pandas as pd

    opts = _check_options(options)
    need = ["sentence_id", "doc_id", "year", "paragraph", "sentence", "text"]
    missing = [c for c in need if c not in sentences.columns]
    if missing:
        raise ValueError(f"sentences table lacks column(s) {', '.join(missing)}")
    table = sentences[need].assign(
        role=sentences["role"] if "role" in sentences.columns else "")
    if n_jobs == 1 or table["doc_id"].nunique() < 2:
        records = _token_records(table, opts)
    else:
        from joblib import Parallel, delayed

        groups = [g for _, g in table.groupby("doc_id", sort=False)]
        parts = Parallel(n_jobs=n_jobs)(delayed(_token_records)(g, opts) for g in groups)
        order = {doc: i for i, doc in enumerate(pd.unique(table["doc_id"]))}
        firsts = [order[g["doc_id"].iloc[0]] for g in groups]
        records = [r for _, part in sorted(zip(firsts, parts)) for r in part]
        if not table["doc_id"].is_monotonic_increasing and \
                table["doc_id"].ne(table["doc_id"].shift()).sum() != len(groups):
            records = _token_records(table, opts)   # interleaved documents: keep order
    return pd.DataFrame(records, columns=TOKEN_COLUMNS)


def _token_records(table, opts) -> list[tuple]:
    records = []
    positions: dict[str, int] = {}
    for sid, doc, year, par, sen, text, role in zip(
            table["sentence_id"], table["doc_id"], table["year"], table["paragraph"],
            table["sentence"], table["text"], table["role"]):
        pos = positions.get(doc, 0)
        for term in _terms(str(text), **opts):
            records.append((sid, doc, int(year), int(par), int(sen), role, pos, term))
            pos += 1
        positions[doc] = pos
    return records


class _Analyzer:
    """Callable ``text -> terms`` for scikit-learn's ``CountVectorizer(analyzer=...)``."""

    def __init__(self, options: dict):
        self.options = options

    def __call__(self, text: str) -> list[str]:
        from discourse.corpus import split_sentences

        out: list[str] = []
        for par in re.split(r"\r\n|\r|\n", text):
            if par.strip():
                for sent in split_sentences(par.strip()):
                    out.extend(_terms(sent, **self.options))
        return out

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.options.items() if TERM_OPTIONS[k] != v}
        return "analyzer(" + ", ".join(f"{k}={v!r}" for k, v in changed.items()) + ")"

    def __eq__(self, other) -> bool:
        return isinstance(other, _Analyzer) and other.options == self.options

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.options.items())))


def analyzer(**options) -> Callable[[str], list[str]]:
    """Return a callable ``text -> list of terms`` for ``CountVectorizer(analyzer=...)``.

    The text may be a sentence, a paragraph or a document: it is split into
    paragraphs (lines) and sentences (:func:`discourse.corpus.split_sentences`)
    before :func:`terms` is applied with ``options``. The callable has a stable
    ``repr`` (no memory address) and compares equal for equal options.

    Examples
    --------
    >>> from sklearn.feature_extraction.text import CountVectorizer
    >>> cv = CountVectorizer(analyzer=analyzer()).fit(["Member states met. The SCO met."])
    >>> list(cv.get_feature_names_out())
    ['meet', 'member state', 'sco']
    >>> analyzer(keep_pronouns=True)
    analyzer(keep_pronouns=True)
    """
    return _Analyzer(_check_options(options))
