"""Names of media outlets: the words of a newspaper's or a channel's name carry no frame.

An interview "to the magazine Eurasia Business Review" or "to the Economic Daily
newspaper" is not about business or the economy because of the outlet's name
(codebook, Names and lists: a name does not count for the frame its words suggest).
The name is the run of capitalised words just after a noun of ``names.outlets`` in the
lexicon ("magazine", "newspaper", "channel") or just before it; the rules block the
frame words inside it (:func:`discourse.framing.rules.analyse`).
"""

from __future__ import annotations

from discourse.framing.blocking import capital_run, title_case

__all__ = ["outlet_spans"]

#: Words that may join the capitalised words of a name ("Voice of Asia", "People's Daily").
_JOIN = frozenset({"of", "and", "&", "'s", "\u2019s", "-"})
#: Words that may follow the noun before the name ("the TV channel Khabar 24").
_THEN = frozenset({"channel", "station"})
#: Words one of which comes just before a name that precedes the noun ("to the Economic
#: Daily newspaper"): the name of a run at the start of a sentence ("Extremist TV
#: channels spread propaganda") may be an adjective.
_BEFORE = frozenset({"the", "a", "an", "to", "with", "in", "by", "for", "from", "on"})
#: Most words of a name before the noun.
_LONGEST = 4


def outlet_spans(toks, nouns) -> list[tuple[int, int]]:
    """Token spans of media outlets' names next to a noun of ``nouns``.

    After the noun (and "channel" or "station" after it), the name runs over capitalised
    words and the joiners between them. Before the noun, it runs back over at most four
    such words, and only when an article or a preposition comes just before them. A
    headline in title case (:func:`~discourse.framing.blocking.title_case`: "SCO Energy
    Ministers Launch Renewable Energy Investment Portal"), where capitals do not mark
    names, has none.

    Parameters
    ----------
    toks : list of str
        The tokens of one sentence.
    nouns : frozenset of str
        Lower-case nouns that name a kind of outlet.

    Returns
    -------
    list of (int, int)
        ``(lo, hi)`` token spans of the names, in order.

    Examples
    --------
    >>> outlet_spans("an interview to the magazine Eurasia Business Review".split(),
    ...              {"magazine"})
    [(5, 8)]
    >>> outlet_spans("He wrote in the Economic Daily newspaper on trade".split(),
    ...              {"newspaper"})
    [(4, 6)]
    >>> outlet_spans("the magazine wrote about trade".split(), {"magazine"})
    []
    >>> outlet_spans("Separatist radio broadcasts were jammed".split(), {"radio"})
    []
    """
    out = []
    n = len(toks)
    headline = None
    for i, tok in enumerate(toks):
        if tok.lower() not in nouns:
            continue
        if headline is None:
            headline = title_case(toks)
        if headline:
            return []
        j = i + 2 if i + 1 < n and toks[i + 1].lower() in _THEN else i + 1
        end = capital_run(toks, j, _JOIN)
        if end > j:
            out.append((j, end))
        k = capital_run(toks, i, _JOIN, step=-1, most=_LONGEST)
        if k < i and k > 0 and toks[k - 1].lower() in _BEFORE:
            out.append((k, i))
    return sorted(set(out))
