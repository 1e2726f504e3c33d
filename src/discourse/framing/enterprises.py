"""Names of banks and companies: the words of an enterprise's name carry no economy.

"The participants thanked China Development Bank for its hospitality" or "the chairmanship
passed to the National Bank for Foreign Economic Activity of the Republic of Uzbekistan" is
not about banking or the economy because of the name (codebook, Unit and form: "A word in
... an organisation's proper name does not by itself carry the frame of its meaning"). The
name is a run of capitalised words that holds one of ``names.enterprises`` in the lexicon
("Bank", "Corporation", "Railways") and at least one other capitalised word: the words
before the head, and after it "of", "for" or "of the" and capitalised words ("Development
Bank of Kazakhstan"), and a lower-case "company" or "bank" just after ("the Uzbekistan
Railways company"). What the sentence says the enterprise does still counts ("China
Development Bank signed a loan agreement to finance the railway"), and the name of an
external organisation in the lexicon keeps its multilateralism ("Asian Development Bank").
"""

from __future__ import annotations

from discourse.framing.blocking import capital_run, capitalised, title_case

__all__ = ["enterprise_spans"]

#: Words that may join the capitalised words before a head ("Industrial and Commercial
#: Bank"); "of" and "for" before them begin an office ("Vice President of China
#: Development Bank"), not the name.
_JOIN = frozenset({"and", "&"})
#: Words that join a head to the capitalised words after it ("Bank of China").
_COMPLEMENT = frozenset({"of", "for"})
#: A generic noun in lower case just after a name, part of it ("Uzbekistan Railways company").
_AFTER = frozenset({"company", "bank", "corporation", "group"})


def enterprise_spans(toks, heads, own=frozenset()) -> list[tuple[int, int]]:
    """Token spans of enterprises' names around a head of ``heads``.

    A name with one of ``own`` in it ("SCO Development Bank") is the SCO's own institution,
    planned or real, and not an enterprise's: its establishment is the sentence's subject.

    Parameters
    ----------
    toks : list of str
        The tokens of one sentence.
    heads : frozenset of str
        Capitalised nouns that end or begin an enterprise's name ("Bank", "Corporation").
    own : frozenset of str
        Prefixes of the SCO's own bodies ("SCO"): a name with one is none of these.

    Returns
    -------
    list of (int, int)
        ``(lo, hi)`` token spans of the names, in order. None in a headline in title case
        (:func:`~discourse.framing.blocking.title_case`), where capitals do not mark names.

    Examples
    --------
    >>> enterprise_spans("They thanked China Development Bank .".split(), {"Bank"})
    [(2, 5)]
    >>> toks = "It passed to the National Bank for Foreign Economic Activity .".split()
    >>> enterprise_spans(toks, {"Bank"})
    [(4, 10)]
    >>> toks = "He met the Chamber of Commerce and Industry of Uzbekistan".split()
    >>> enterprise_spans(toks, {"Chamber"})
    [(3, 10)]
    >>> toks = "the Central Bank of the Russian Federation spoke".split()
    >>> enterprise_spans(toks, {"Bank"})
    [(1, 7)]
    >>> enterprise_spans("Bank cooperation grew .".split(), {"Bank"})
    []
    >>> enterprise_spans("to establish the SCO Development Bank".split(), {"Bank"}, {"SCO"})
    []
    """
    out = []
    n = len(toks)
    headline = None
    for i, tok in enumerate(toks):
        if tok not in heads:
            continue
        if headline is None:
            headline = title_case(toks)
        if headline:
            return []
        lo = capital_run(toks, i, _JOIN, step=-1)
        hi = i + 1
        while hi + 1 < n and toks[hi] in _COMPLEMENT:
            j = hi + 1
            if toks[j] == "the" and j + 1 < n and capitalised(toks[j + 1]):
                j += 1
            if not capitalised(toks[j]):
                break
            hi = capital_run(toks, j, _JOIN)
        if hi < n and toks[hi] in _AFTER:
            hi += 1
        named = sum(map(capitalised, toks[lo:hi])) >= 2
        if named and (lo > 0 or hi - i > 1 or i - lo > 1) and not own.intersection(toks[lo:hi]):
            out.append((lo, hi))
    return sorted(set(out))
