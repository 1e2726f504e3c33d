"""A person's office: the words that say who a person is, not what a sentence is about.

"The meeting was chaired by Vice President of China Development Bank Liu Jianhua",
"moderated by Aleksei Gorin, head of the Secretariat's economic department": the
office and the body a person works for describe the person. By the codebook's decision
rule 13 (a description attached to a name adds no frame unless the sentence itself
speaks of it) and Unit and form (code what the sentence is about, not single words in
passing), the security and economy words inside them carry no frame. An office begins
with one of the lexicon's ``offices.heads`` ("chairman", "vice president", "head")
just after "by" ("chaired by", "opened by the ...") or in apposition to a person's name
(two capitalised words and a comma: "Aleksei Gorin, head of ..."; not after a date or
a place, "On 14 April, President ..."). It runs to the end of its clause and no
further: a comma, a colon or a semicolon, the end of the sentence, a relative word,
"and" or "or" or a preposition such as "with" or "to" before a word in lower case
("Liu Jianhua and attended by ...", "... of Economy with a report on trade"), or a word
in lower case just after a name of two capitalised words or more, which is the verb of
the sentence ("head of the regional administration Erkinjon Turdimov invited ..."). The
rules block the words inside (:func:`discourse.framing.rules.analyse`); names of
external organisations still count.
"""

from __future__ import annotations

__all__ = ["office_heads", "office_spans"]

#: Tokens that end an office's clause.
ENDS = frozenset({",", ".", ";", ":", "!", "?", "who", "which", "that", "whose", "where"})
#: Words that end an office when a word in lower case follows them: "and" or "or" join a
#: second clause, a preposition begins a phrase of the sentence ("with a report on ...").
JOINS = frozenset({"and", "or", "with", "to", "at", "in", "on", "about", "during", "after",
                   "before", "from", "into", "through", "against", "as"})
#: Words in lower case that may follow a capitalised name inside an office ("Minister of
#: Economy of Kazakhstan", "the Secretariat's economic department").
INSIDE = frozenset({"of", "the", "for", "and", "&", "'s", "\u2019s", "-"})
#: Prepositions that open a phrase of place or time at the start of a sentence ("In
#: Astana, head of ..."): a capitalised word after them is no person's name.
PLACES = frozenset({"in", "on", "at", "from", "for", "with", "during", "after", "before",
                    "by", "to", "near", "since", "until", "under", "within", "outside"})
#: Most tokens an office runs over.
LONGEST = 20


def office_heads(heads) -> dict:
    """``{first word: heads}`` of the heads of ``offices`` (each a tuple of lower-case
    words, the longest first), under the first word in lower case and capitalised.

    >>> office_heads(["Head", "vice president", "vice-president"])["Vice"]
    (('vice', 'president'),)
    """
    out: dict = {}
    for h in heads:
        words = tuple(h.lower().split())
        out.setdefault(words[0], set()).add(words)
    table = {w: tuple(sorted(hs, key=lambda h: (-len(h), h))) for w, hs in out.items()}
    return {**table, **{w.capitalize(): hs for w, hs in table.items()}}


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
    >>> office_spans("In Samarkand , head of the regional administration Erkin Turdiev "
    ...              "invited investors .".split(), heads)
    []
    >>> office_spans("opened by the head of the administration Erkin Turdiev , who invited "
    ...              "investors .".split(), heads)
    [(3, 9)]
    >>> office_spans("opened by the head of the Ministry of Economy with a report on trade ."
    ...              .split(), heads)
    [(3, 9)]
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
        run = 0                                   # capitalised words just before j
        while j < n and j - i < LONGEST:
            word = toks[j].lower()
            if word in ENDS or word in JOINS and j + 1 < n and toks[j + 1][:1].islower():
                break
            if toks[j][:1].isupper():
                run += 1
            elif run >= 2 and word not in INSIDE:
                break                             # the sentence's verb after a name
            else:
                run = 0
            j += 1
        out.append((i, j))
        i = j
    return out


def _after_name_or_by(toks: list, i: int) -> bool:
    """Whether token ``i`` follows "by" (or "by the"), or a name of two capitalised words
    or more ("Aleksei Gorin", "Mr. Temirov") and a comma."""
    before = toks[i - 1].lower()
    if before == "the" and i >= 2:
        before = toks[i - 2].lower()
    if before == "by":
        return True
    return toks[i - 1] == "," and i >= 3 and toks[i - 2][:1].isupper() \
        and toks[i - 3][:1].isupper() and toks[i - 3].lower() not in PLACES
