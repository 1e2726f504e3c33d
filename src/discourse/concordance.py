"""Words in context: keyword in context (KWIC) and collocations.

* **KWIC** (:func:`kwic`): every occurrence of a word or phrase within its sentence,
  matched on :func:`discourse.preprocess.match_key` (lower-cased, British-spelled
  lemmas) and on the variants of ``variants.csv``.
* **Collocations** (:func:`collocations`): NLTK's bigram finder on pairs counted
  within sentences, scored by Dunning's (1993) G2 and PMI (window counts scaled as in
  Church and Hanks 1990).

References
----------
Church, K. W. and Hanks, P. (1990). Word association norms, mutual information, and
lexicography. *Computational Linguistics* 16(1), 22-29.
Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
*Computational Linguistics* 19(1), 61-74.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance
from discourse.checks import check_choice, check_columns, check_positive_int
from discourse.keyness import GROUPINGS
from discourse.lexicons import Lexicons, load_lexicons
from discourse.preprocess import match_key
from discourse.term_chunks import variant_keys
from discourse.text import is_numeric, is_word, token_spans, tokenize

__all__ = ["kwic", "collocations"]


def _keys(text: str, lexicons: Lexicons) -> tuple[str, ...]:
    return tuple(match_key(t, lexicons) for t in tokenize(text) if t.strip())


def _query_patterns(query: str, lexicons: Lexicons) -> list[tuple[str, ...]]:
    keys = _keys(query, lexicons)
    if not keys:
        raise ValueError(f"query={query!r} has no tokens")
    # as typed, and in capitals (a query "rats" must find the acronym "RATS", which
    # is not lemmatised, although the lower-case word would become "rat"); and as
    # inside a sentence: the tokenizer splits the final stop off "U.S." or "Dr." at the
    # end of a sentence (the query's) but not inside one, where most occurrences are
    pats = set()
    for form in (query.strip(), query.strip().upper()):
        pats.add(_keys(form, lexicons))
        pats.add(_keys(form + " _", lexicons)[:-1])
    canon = " ".join(keys)
    for variant, canonical in lexicons.variants.items():
        if canonical == canon or canonical == query.strip().lower():
            pats.update(variant_keys(variant, lexicons))   # at a sentence's end, inside
    return sorted(pats, key=lambda p: (-len(p), p))


@provenance.tracked
def kwic(sentences: pd.DataFrame, query: str, *, window: int = 8,
         lexicons: Lexicons | None = None) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase, within its sentence.

    Matching compares lower-cased, British-spelled lemmas (as for phrases in
    :func:`discourse.preprocess.terms`): "member state" finds "Member States",
    "organisation" finds "Organization's". A query equal to a canonical name of
    ``variants.csv`` (its second column) also finds its variants, as ``frequencies``
    counts them under that term ("rats" finds "Regional Anti-Terrorism Structure", "un"
    finds "United Nations" and "U.N."); a variant finds itself only ("united nations"
    does not find "UN"; "SCO family", a narrower phrase counted as "sco", does not find
    every "SCO"). Contexts do not cross sentence boundaries.

    Parameters
    ----------
    sentences : pandas.DataFrame
        A ``sentences`` table.
    query : str
        A word or phrase.
    window : int
        Tokens of context on each side (default 8).
    lexicons : Lexicons, optional
        The word lists (default: read the project's lists now).

    Returns
    -------
    pandas.DataFrame
        ``kwic``: ``sentence_id, doc_id, year, left, match, right`` in corpus order;
        ``match`` is the text as printed (normalised spaces and quotes).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["d.p001.s01"], "doc_id": ["d"],
    ...     "year": [2021], "text": ["All SCO Member States agreed."]})
    >>> kwic(s, "member state", window=2)[["left", "match", "right"]].values.tolist()
    [['All SCO', 'Member States', 'agreed.']]
    """
    if not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window={window!r} must be a non-negative integer")
    lexicons = load_lexicons() if lexicons is None else lexicons
    pats = _query_patterns(query, lexicons)
    first = {p[0] for p in pats}
    rows = []
    for sid, doc, year, text in zip(sentences["sentence_id"], sentences["doc_id"],
                                    sentences["year"], sentences["text"]):
        norm, spans = token_spans(str(text))
        keys = [match_key(norm[s:e], lexicons) for s, e in spans]
        if not first & set(keys):
            continue
        i = 0
        while i < len(keys):
            hit = next((p for p in pats if tuple(keys[i:i + len(p)]) == p), None)
            if hit is None:
                i += 1
                continue
            j = i + len(hit)
            left = norm[spans[max(0, i - window)][0]:spans[i][0]].strip()
            right = norm[spans[j - 1][1]:spans[min(len(spans), j + window) - 1][1]].strip() \
                if j < len(spans) else ""
            rows.append((sid, doc, int(year), left, norm[spans[i][0]:spans[j - 1][1]],
                         right))
            i = j
    return pd.DataFrame(rows, columns=["sentence_id", "doc_id", "year", "left", "match",
                                       "right"])


@provenance.tracked
def collocations(tokens: pd.DataFrame, *, by: str = "year", min_count: int = 3,
                 exclude=None, window: int = 2,
                 lexicons: Lexicons | None = None) -> pd.DataFrame:
    """Bigram collocations per group with NLTK's finders: G2 and PMI.

    Pairs are counted within sentences only: for each sentence, every word ``w1`` and
    each of the ``window - 1`` words after it in the same sentence make a pair
    ``(w1, w2)``, and every word is counted once; the sentences' counts are summed per
    group into NLTK's ``BigramCollocationFinder(word_fd, bigram_fd, window_size)``
    (for ``window=2`` the same counts as ``BigramCollocationFinder.from_documents``).
    Pairs are scored with ``BigramAssocMeasures.likelihood_ratio`` (Dunning's 1993
    4-cell G2, unsigned) and ``.pmi`` (pointwise mutual information, log base 2) on
    the contingency table ``n_ii = count / (window - 1)`` (NLTK scales the window
    count so, after Church and Hanks 1990, as each word has ``window - 1`` partners),
    ``n_ix`` = count of w1, ``n_xi`` = count of w2, ``n_xx`` = words in the group. Pass
    a ``tokens`` table built with ``stopwords=False, phrases=False`` so that
    collocations such as "member state" can emerge (bigrams with a stop word are then
    filtered out), and with ``punctuation=True, numbers=True`` so that no pair crosses
    punctuation or a number: such tokens split a sentence into runs of words, within
    which pairs are made, and are not counted as words ("border security; (3)
    cooperation" makes no pair "security cooperation"). A table without them has no
    such boundaries: its pairs cross them.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table (needs ``sentence_id, {by}, term``).
    by : {"year", "doc_id"}
    min_count : int
        Frequency filter: keep pairs seen at least this often (``count``) in the
        group (``apply_freq_filter``). Default 3.
    exclude : set of str, optional
        Words that may not be part of a bigram (default: every stop word of
        ``lexicons``), besides tokens without a letter or digit and numbers.
    window : int
        Window size of the finder, at least 2 (2 = adjacent words; 3 = w2 one or two
        words after w1 ...).
    lexicons : Lexicons, optional
        The word lists for the default ``exclude`` (default: read them now).

    Returns
    -------
    pandas.DataFrame
        ``collocations``: ``{by}, w1, w2, count, g2, pmi``, sorted by group then
        ``g2`` descending, then words. ``count`` is the number of times w2 follows w1
        within ``window - 1`` words in a sentence of the group; ``g2`` and ``pmi`` are
        computed from ``count / (window - 1)`` (equal to ``count`` for ``window=2``).

    References
    ----------
    Church, K. W. and Hanks, P. (1990). Word association norms, mutual information,
    and lexicography. *Computational Linguistics* 16(1), 22-29.
    Dunning, T. (1993), see the module references.
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from nltk.probability import FreqDist

    check_choice("by", by, GROUPINGS)
    check_columns(tokens, ("sentence_id", by, "term"), "tokens table")
    check_positive_int("min_count", min_count)
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 2:
        raise ValueError(f"window={window!r} must be an integer of at least 2")
    if exclude is None:
        stop = (load_lexicons() if lexicons is None else lexicons).stopwords()
    else:
        stop = frozenset(exclude)
    measures = BigramAssocMeasures()
    rows = []
    for g, part in tokens.groupby(by, sort=True):
        word_fd, pair_fd = FreqDist(), FreqDist()
        for _, sent in part.groupby("sentence_id", sort=False)["term"]:
            run: list[str] = []
            for w in [*sent, None]:                 # None ends the last run
                if w is not None and is_word(w) and not is_numeric(w):
                    run.append(w)
                    continue
                for i, w1 in enumerate(run):
                    word_fd[w1] += 1
                    for w2 in run[i + 1:i + window]:
                        pair_fd[(w1, w2)] += 1
                run = []
        finder = BigramCollocationFinder(word_fd, pair_fd, window_size=int(window))
        finder.apply_freq_filter(min_count)
        finder.apply_word_filter(lambda w: w.lower() in stop)
        lr = dict(finder.score_ngrams(measures.likelihood_ratio))
        pmi = dict(finder.score_ngrams(measures.pmi))
        for (w1, w2), score in lr.items():
            rows.append((g, w1, w2, int(finder.ngram_fd[(w1, w2)]), score, pmi[(w1, w2)]))
    out = pd.DataFrame(rows, columns=[by, "w1", "w2", "count", "g2", "pmi"])
    return out.sort_values([by, "g2", "w1", "w2"], ascending=[True, False, True, True],
                           kind="stable").reset_index(drop=True)
