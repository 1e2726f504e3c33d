"""A person's office: the words that say who a person is, not what a sentence is about.

"The meeting was chaired by Vice President of China Development Bank Liu Jianhua",
"moderated by Aleksei Gorin, head of the Secretariat's economic department": the
office and the body a person works for describe the person. By the codebook's decision
rule 13 (a description attached to a name adds no frame unless the sentence itself
speaks of it) and Unit and form (code what the sentence is about, not single words in
passing), the security and economy words inside them carry no frame. An office begins
with one of the lexicon's ``offices.heads`` ("chairman", "vice president", "head")
just after "by" ("chaired by", "opened by the ...") or just after a person's name and
a comma, and runs to the end of its clause: a comma, a colon or a semicolon, the end of
the sentence, a relative word, or "and" or "or" before a word in lower case ("Liu
Jianhua and attended by ..."). The rules block the words inside
(:func:`discourse.framing.rules.analyse`); names of external organisations still count.
"""

from __future__ import annotations

__all__ = ["office_spans"]

#: Tokens that end an office's clause.
ENDS = frozenset({",", ".", ";", ":", "!", "?", "who", "which", "that", "whose", "where"})
#: Words that join two clauses when a word in lower case follows them.
JOINS = frozenset({"and", "or"})
#: Most tokens an office runs over.
LONGEST = 20


def office_spans(toks: list, heads) -> list[tuple[int, int]]:
    """Token spans of the offices in a sentence (see the module docstring).

    Parameters
    ----------
    toks : list of str
        The sentence's tokens.
    heads : dict
        ``{first word: tuple of heads}``, each head a tuple of lower-case words
        (``("vice", "president")``), the longest first.

    Returns
    -------
    list of tuple of int
        ``(lo, hi)``, in order.

    Examples
    --------
    >>> heads = {"vice": (("vice", "president"),), "head": (("head",),)}
    >>> toks = ("The meeting was chaired by Vice President of China Development Bank Liu "
    ...         "Jianhua and attended by heads of banks .").split()
    >>> office_spans(toks, heads)
    [(5, 13)]
    >>> office_spans("moderated by Aleksei Gorin , head of the economic department .".split(),
    ...              heads)
    [(5, 10)]
    >>> office_spans("The head of state said that trade grew .".split(), heads)
    []
    """
    out = []
    n = len(toks)
    i = 1
    while i < n:
        options = heads.get(toks[i].lower())
        if not options or not _after_name_or_by(toks, i):
            i += 1
            continue
        words = [t.lower() for t in toks[i:i + max(map(len, options))]]
        head = next((h for h in options if tuple(words[:len(h)]) == h), None)
        if head is None:
            i += 1
            continue
        j = i + len(head)
        while j < n and j - i < LONGEST and toks[j].lower() not in ENDS and not (
                toks[j].lower() in JOINS and j + 1 < n and toks[j + 1][:1].islower()):
            j += 1
        out.append((i, j))
        i = j
    return out


def _after_name_or_by(toks: list, i: int) -> bool:
    """Whether token ``i`` follows "by" (or "by the") or a capitalised word and a comma."""
    before = toks[i - 1].lower()
    if before == "the" and i >= 2:
        before = toks[i - 2].lower()
    if before == "by":
        return True
    return toks[i - 1] == "," and i >= 2 and toks[i - 2][:1].isupper()
