"""Analysis terms: the pipeline from a sentence to the terms keywords and topics count.

The text primitives (normalising, tokenising, lemmas) are in :mod:`discourse.text`;
the researcher-edited word lists in :mod:`discourse.lexicons`. This module applies
:mod:`discourse.terms` (the terms of one sentence, for one set of
:class:`~discourse.terms.TermOptions`) to a sentence (:func:`terms`), to a ``sentences``
table (the tidy ``tokens`` table, :func:`tokens`) and to any text for scikit-learn
(:func:`analyzer`). Functions that need the word lists take a
:class:`~discourse.lexicons.Lexicons` (``None``: read the project's lists now).

The steps, and the options that switch each off, are described in
:mod:`discourse.terms` (tokenise; lower-case; British spelling from ``spelling.csv``;
lemmatise, acronyms excepted; name variants and multiword phrases as one term; drop
punctuation, numbers and stop words).

The old entry points of the word lists (:func:`load_stopwords`, :func:`load_spelling`
...) remain; each reads its file when called and returns an immutable value.

References
----------
Bird, S., Klein, E. and Loper, E. (2009). *Natural Language Processing with Python*.
O'Reilly. (NLTK.)
"""

from __future__ import annotations

import re
from typing import Callable, Mapping

from discourse import provenance
from discourse.checks import check_columns, check_reading_order
from discourse.lexicons import (Lexicons, load_lemma_overrides, load_lexicons,
                                load_phrases, load_spelling, load_stopwords,
                                load_variants, stopword_groups)
from discourse.terms import TERM_OPTIONS, TermOptions, as_options, match_key, sentence_terms
from discourse.text import (count_words, is_number, is_numeric, is_word, normalise,
                            split_sentences, tokenize)
from discourse.text import lemma as _text_lemma

__all__ = [
    "TermOptions",
    "TERM_OPTIONS",
    "TOKEN_COLUMNS",
    "match_key",
    "terms",
    "tokens",
    "analyzer",
    # the text primitives, as before (see discourse.text)
    "normalise",
    "tokenize",
    "lemma",
    "lemmatize",
    "is_word",
    "is_number",
    "is_numeric",
    "count_words",
    # the word lists, as before (see discourse.lexicons): each call reads the file
    "load_lemma_overrides",
    "load_stopwords",
    "stopword_groups",
    "load_spelling",
    "load_variants",
    "load_phrases",
]

#: Columns of the tidy ``tokens`` table returned by :func:`tokens`.
TOKEN_COLUMNS = ["sentence_id", "doc_id", "year", "paragraph", "sentence", "role",
                 "position", "term"]


def lemma(word: str, overrides: Mapping[str, str] | None = None) -> str:
    """Return the lemma of one word (:func:`discourse.text.lemma`).

    ``overrides`` defaults to the project's ``lemma_overrides.csv``, read now.

    Examples
    --------
    >>> [lemma(w) for w in ["Organisations", "was", "threats", "countering", "SCO"]]
    ['organisation', 'be', 'threat', 'counter', 'sco']
    """
    return _text_lemma(word, load_lemma_overrides() if overrides is None else overrides)


def lemmatize(tokens: list[str], overrides: Mapping[str, str] | None = None) -> list[str]:
    """Return the lemma of each token (lower-cased), see :func:`lemma`."""
    table = load_lemma_overrides() if overrides is None else overrides
    return [_text_lemma(t, table) for t in tokens]


# ---------------------------------------------------------------------------------
# terms, tokens table, analyzer
# ---------------------------------------------------------------------------------

def terms(text: str, *, lowercase: bool = True, lemmatize: bool = True,
          spelling: bool = True, variants: bool = True, phrases: bool = True,
          stopwords: bool = True, numbers: bool = False, punctuation: bool = False,
          keep_pronouns: bool = False, lexicons: Lexicons | None = None) -> list[str]:
    """Return the canonical analysis terms of one sentence.

    The steps and their order are described in the module docstring; each option
    switches one step off (or, for ``numbers``, ``punctuation`` and
    ``keep_pronouns``, on): see :class:`TermOptions`.

    Parameters
    ----------
    text : str
        One sentence (pass sentences, not whole documents: NLTK's word tokenizer
        only splits a full stop at the end of its input).
    lowercase, lemmatize, spelling, variants, phrases, stopwords, numbers, punctuation, \
keep_pronouns : bool
        The options of :class:`TermOptions`.
    lexicons : Lexicons, optional
        The word lists (default: :func:`discourse.lexicons.load_lexicons`, read now;
        pass one object to many calls for speed).

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
    options = TermOptions(lowercase=lowercase, lemmatize=lemmatize, spelling=spelling,
                          variants=variants, phrases=phrases, stopwords=stopwords,
                          numbers=numbers, punctuation=punctuation,
                          keep_pronouns=keep_pronouns)
    return sentence_terms(text, options, load_lexicons() if lexicons is None else lexicons)


@provenance.tracked
def tokens(sentences, options: TermOptions | Mapping = TermOptions(), *,
           lexicons: Lexicons | None = None, n_jobs: int = 1):
    """Return the tidy ``tokens`` table of a ``sentences`` table: one row per term.

    Parameters
    ----------
    sentences : pandas.DataFrame
        A ``sentences`` table (``sentence_id, doc_id, year, paragraph, sentence,
        text``; ``role`` is carried over if present).
    options : TermOptions
        Which steps run (default: ``TermOptions()``, every default; the object is
        frozen, so the default is never shared state); a mapping such as
        ``{"stopwords": False}`` is accepted too.
    lexicons : Lexicons, optional
        The word lists (default: read the project's lists now).
    n_jobs : int
        Documents are tokenised independently; with ``n_jobs > 1`` (``-1``: all
        cores) they are shared among worker processes by :class:`joblib.Parallel`.
        The table is identical whatever ``n_jobs`` is. Worth it for corpora of
        hundreds of documents (see ``benchmarks/README.md``).

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
    >>> tokens(s, TermOptions(lemmatize=False, phrases=False)).term.tolist()
    ['member', 'states', 'met', 'trade', 'grew']
    """
    import pandas as pd

    opts = as_options(options)
    lexicons = load_lexicons() if lexicons is None else lexicons
    need = ["sentence_id", "doc_id", "year", "paragraph", "sentence", "text"]
    check_columns(sentences, need, "sentences table")
    check_reading_order(sentences)          # positions are the rows' order
    table = sentences[need].assign(
        role=sentences["role"] if "role" in sentences.columns else "")
    if n_jobs == 1 or table["doc_id"].nunique() < 2:
        records = _token_records(table, opts, lexicons)
    else:
        from joblib import Parallel, delayed

        groups = [g for _, g in table.groupby("doc_id", sort=False)]
        parts = Parallel(n_jobs=n_jobs)(delayed(_token_records)(g, opts, lexicons)
                                        for g in groups)
        order = {doc: i for i, doc in enumerate(pd.unique(table["doc_id"]))}
        firsts = [order[g["doc_id"].iloc[0]] for g in groups]
        records = [r for _, part in sorted(zip(firsts, parts)) for r in part]
        if not table["doc_id"].is_monotonic_increasing and \
                table["doc_id"].ne(table["doc_id"].shift()).sum() != len(groups):
            records = _token_records(table, opts, lexicons)   # interleaved documents
    return pd.DataFrame(records, columns=TOKEN_COLUMNS)


def _token_records(table, options: TermOptions, lexicons: Lexicons) -> list[tuple]:
    records = []
    positions: dict[str, int] = {}
    for sid, doc, year, par, sen, text, role in zip(
            table["sentence_id"], table["doc_id"], table["year"], table["paragraph"],
            table["sentence"], table["text"], table["role"]):
        pos = positions.get(doc, 0)
        for term in sentence_terms(str(text), options, lexicons):
            records.append((sid, doc, int(year), int(par), int(sen), role, pos, term))
            pos += 1
        positions[doc] = pos
    return records


#: How :func:`analyzer` finds the sentences of a text.
SPLITS = ("sentences", "lines")


class _Analyzer:
    """Callable ``text -> terms`` for scikit-learn's ``CountVectorizer(analyzer=...)``."""

    def __init__(self, options: TermOptions, lexicons: Lexicons, split: str = "sentences"):
        self.options = options
        self.lexicons = lexicons
        self.split = split

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        for par in re.split(r"\r\n|\r|\n", text):
            if par.strip():
                sents = [par.strip()] if self.split == "lines" else split_sentences(par.strip())
                for sent in sents:
                    out.extend(sentence_terms(sent, self.options, self.lexicons))
        return out

    def __repr__(self) -> str:
        changed = dict(self.options.changed())
        if self.split != "sentences":
            changed["split"] = self.split
        return "analyzer(" + ", ".join(f"{k}={v!r}" for k, v in changed.items()) + ")"

    def __eq__(self, other) -> bool:
        return isinstance(other, _Analyzer) and \
            (other.options, other.lexicons, other.split) == \
            (self.options, self.lexicons, self.split)

    def __hash__(self) -> int:
        return hash((self.options, self.lexicons, self.split))

    def provenance(self) -> dict:
        out = {"options": self.options.changed(), "lexicons": self.lexicons.provenance()}
        if self.split != "sentences":
            out["split"] = self.split
        return out


def analyzer(options: TermOptions | Mapping = TermOptions(), *,
             lexicons: Lexicons | None = None,
             split: str = "sentences") -> Callable[[str], list[str]]:
    """Return a callable ``text -> list of terms`` for ``CountVectorizer(analyzer=...)``.

    The text may be a sentence, a paragraph or a document: it is split into
    paragraphs (lines) and sentences (:func:`discourse.text.split_sentences`) before
    the terms of each sentence are taken with ``options`` (a :class:`TermOptions` or a
    mapping of its fields). With ``split="lines"`` each non-blank line is taken as one
    sentence, as it comes from :func:`discourse.topics.units` (one sentence per line):
    the sentences are not split again, which is much faster. The callable has a stable
    ``repr`` (no memory address) and compares equal for equal options and word lists.

    Examples
    --------
    >>> from sklearn.feature_extraction.text import CountVectorizer
    >>> cv = CountVectorizer(analyzer=analyzer()).fit(["Member states met. The SCO met."])
    >>> list(cv.get_feature_names_out())
    ['meet', 'member state', 'sco']
    >>> analyzer(TermOptions(keep_pronouns=True))
    analyzer(keep_pronouns=True)
    """
    from discourse.checks import check_choice

    check_choice("split", split, SPLITS)
    return _Analyzer(as_options(options), load_lexicons() if lexicons is None else lexicons,
                     split)
