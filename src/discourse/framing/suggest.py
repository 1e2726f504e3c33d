"""Help for adapting the lexicon to a corpus: words that occur near a frame's entries.

:func:`suggest_terms` ranks the words of a corpus by how much more often they occur
near the entries of one frame than elsewhere: a windowed keyness, as in the ``LSX``
package's ``textstat_context`` (Watanabe 2021). For every sentence, the words within
``window`` tokens of a match of the frame's entries (in the coder's tokens, after its
rules: a blocked match is not a match) are *near*; all other words of the corpus are
*far*. Each candidate word is scored with the signed log-likelihood G2 of
:func:`discourse.keyness.g2` (2-cell UCREL form; Rayson and Garside 2000), near against
far, with Benjamini and Hochberg's (1995) adjusted p-values over the candidates tested
and Hardie's (2014) Log Ratio. Candidates are words (lemma keys, British spelling) that are not stop
words, numbers or punctuation and that no entry of the lexicon already uses; each comes
with keyword-in-context lines (:func:`discourse.concordance.kwic`) from sentences where
it occurs near the frame.

It suggests; it never edits the lexicon. A researcher reads the lines, decides by the
codebook, and edits ``frames.yaml`` (with a changelog entry).

References
----------
Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate. *Journal
of the Royal Statistical Society B* 57(1), 289-300.
Hardie, A. (2014). Log Ratio: an informal introduction. CASS, Lancaster University.
Rayson, P. and Garside, R. (2000). Comparing corpora using frequency profiling.
*Proceedings of the Workshop on Comparing Corpora*, ACL, 1-6.
Watanabe, K. (2021). Latent semantic scaling: a semisupervised text analysis technique
for new domains and languages. *Communication Methods and Measures* 15(2), 81-102.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.checks import check_choice, check_columns, check_positive_int
from discourse.framing.lexicon import FRAMES, as_lexicon
from discourse.framing.matcher import Caches
from discourse.framing.rules import analyse
from discourse.keyness_measures import g2, g2_pvalue, log_ratio
from discourse.lexicons import load_lexicons
from discourse.text import fast_tokens, is_numeric, is_word, printed

__all__ = ["SUGGEST_COLUMNS", "suggest_terms"]

#: Columns of the table :func:`suggest_terms` returns.
SUGGEST_COLUMNS = ["frame", "term", "count_near", "count_far", "g2", "p", "p_adjusted",
                   "log_ratio", "kwic"]


def _near_positions(toks, got_labels, caches, frame, window) -> tuple[set, set]:
    """Positions of the frame's kept matches and of the words within ``window`` of them."""
    from discourse.framing.matcher import find_matches

    lex = caches.lex
    kept_text = set(got_labels)
    hits = [m for m in find_matches(toks, caches.main)
            if lex.entries[m[2]].frame == frame
            and (printed(toks[m[0]:m[1]]) in kept_text or toks[m[0]] in kept_text
                 or printed(toks[m[0]:m[1]]) + " (name)" in kept_text)]
    matched = {i for m in hits for i in range(m[0], m[1])}
    near = set()
    for m in hits:
        near.update(range(max(0, m[0] - window), min(len(toks), m[1] + window)))
    return matched, near - matched


@provenance.tracked
def suggest_terms(sentences: pd.DataFrame, frame: str, lexicon=None, *, window: int = 10,
                  min_count: int = 3, n: int = 30, kwic_lines: int = 3,
                  lexicons=None) -> pd.DataFrame:
    """Words near a frame's entries that the lexicon does not have, ranked by keyness.

    Parameters
    ----------
    sentences : pandas.DataFrame
        A ``sentences`` table (``sentence_id, doc_id, year, text``).
    frame : {"security", "economy", "multilateralism"}
    lexicon : Lexicon or path-like, optional
        Default: the project's lexicon.
    window : int
        Tokens on each side of a match that count as near (default 10, as LSX).
    min_count : int
        Keep words seen near the frame at least this often (default 3).
    n : int
        Rows returned (the top ``n`` by G2).
    kwic_lines : int
        Keyword-in-context lines per word (from sentences where it is near the frame).
    lexicons : Lexicons, optional
        Stop words for the candidates (default: the project's lists, read now).

    Returns
    -------
    pandas.DataFrame
        :data:`SUGGEST_COLUMNS`: ``count_near``/``count_far`` occurrences, signed ``g2``
        (positive: more frequent near the frame), ``p`` and ``p_adjusted``
        (Benjamini-Hochberg over every candidate with ``count_near >= min_count``),
        ``log_ratio`` and ``kwic`` (lines joined by ``" || "``). Only words more frequent
        near the frame than elsewhere (g2 > 0); sorted by g2, then term.

    Raises
    ------
    ValueError
        For a frame that is not one of :data:`FRAMES`, an empty sentences table, or a
        corpus where no sentence matches the frame.
    """
    from discourse.concordance import kwic

    check_choice("frame", frame, FRAMES)
    check_columns(sentences, ("sentence_id", "doc_id", "year", "text"), "sentences table")
    for name, value in (("window", window), ("min_count", min_count), ("n", n),
                        ("kwic_lines", kwic_lines)):
        check_positive_int(name, value)
    if sentences.empty:
        raise ValueError("the sentences table is empty: there is nothing to suggest from")
    lex = as_lexicon(lexicon)
    stop = (load_lexicons() if lexicons is None else lexicons).stopwords()
    caches = Caches(lex)
    near_counts, far_counts = Counter(), Counter()
    near_ids: dict[str, list] = {}
    surface: dict[str, str] = {}          # the first form seen near the frame, for KWIC
    used = lex.vocabulary
    framed = 0
    k = FRAMES.index(frame)
    for sid, text in zip(sentences["sentence_id"], sentences["text"]):
        toks = fast_tokens(str(text))
        got = analyse(lex, toks, caches)
        matched, near = _near_positions(toks, got.labels[k], caches, frame, window) \
            if got.frames[k] else (set(), set())
        framed += bool(matched)
        for i, tok in enumerate(toks):
            # one letter is no candidate word: the "U" and "N" of "U.N." as the coder
            # splits it, an initial ("J. Smith")
            if i in matched or len(tok) < 2 or not is_word(tok) or is_numeric(tok) \
                    or tok.lower() in stop:
                continue
            key = lex.word_key(tok)
            if key in used or tok.lower() in stop or key in stop:
                continue
            if i in near:
                near_counts[key] += 1
                near_ids.setdefault(key, []).append(sid)
                surface.setdefault(key, tok)
            else:
                far_counts[key] += 1
    if not framed:
        raise ValueError(f"no sentence of the corpus carries the frame {frame!r}: there is "
                         "no context to compare")
    terms = sorted(t for t, c in near_counts.items() if c >= min_count)
    if not terms:
        return pd.DataFrame(columns=SUGGEST_COLUMNS)
    a = np.array([near_counts[t] for t in terms], dtype=float)
    b = np.array([far_counts[t] for t in terms], dtype=float)
    c, d = float(sum(near_counts.values())), float(sum(far_counts.values()))
    stat = np.atleast_1d(g2(a, b, c, d))
    p = g2_pvalue(stat)
    table = pd.DataFrame({"frame": frame, "term": terms, "count_near": a.astype(int),
                          "count_far": b.astype(int), "g2": stat, "p": p,
                          "p_adjusted": stats.adjust_pvalues(p, "fdr_bh"),
                          "log_ratio": np.atleast_1d(log_ratio(a, b, c, d))})
    table = table[table.g2 > 0].sort_values(["g2", "term"], ascending=[False, True],
                                            kind="stable").head(n)
    lines = []
    for term in table.term:
        ids = list(dict.fromkeys(near_ids[term]))[:kwic_lines]
        sub = sentences[sentences["sentence_id"].isin(ids)]
        found = kwic(sub, surface[term], window=8)
        lines.append(" || ".join(f"{r.left} [{r.match}] {r.right}".strip()
                                 for r in found.head(kwic_lines).itertuples()))
    return table.assign(kwic=lines)[SUGGEST_COLUMNS].reset_index(drop=True)
