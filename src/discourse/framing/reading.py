"""What the frame coder reads of a sentence: the tokens of its text as a reader sees it.

Web pages, press releases and translations write the same words in several forms; the
coder reads them as one (decision rules and lexicon entries are written for one form):

* :func:`visible_text`: characters that print as nothing (soft hyphens, zero-width
  spaces) are dropped;
* :func:`one_name`: the SCO's full name and "S.C.O." are read as "SCO", the form the
  lexicon's entries name;
* :func:`joined_prefixes`: "anti" written apart is joined to its word ("Anti Terrorist");
* :func:`reading_tokens`: all three around the tokenizer the coder was asked for.

The term counts of :mod:`discourse.terms` (keyness) do not use this module: their tokens
are NLTK's, of the text as given.
"""

from __future__ import annotations

import re

from discourse.text import fast_tokens, tokenize

__all__ = ["visible_text", "one_name", "joined_prefixes", "reading_tokens"]


#: Characters web pages put inside words and between them that print as nothing: the soft
#: hyphen (U+00AD, a line-break opportunity inside "infra-structure"), the zero-width
#: space, non-joiner and joiner (U+200B-U+200D), the word joiner (U+2060) and the
#: zero-width no-break space or byte-order mark (U+FEFF).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def visible_text(text: str) -> str:
    """``text`` without the characters that print as nothing (:data:`_INVISIBLE`), as a
    reader of the page sees it: the coder reads "infra\u00adstructure" as
    "infrastructure". (The term counts of :mod:`discourse.terms` do not: their tokens
    are NLTK's, of the text as given.)

    Examples
    --------
    >>> visible_text("damage to infra\u00adstructure and \u200bagriculture")
    'damage to infrastructure and agriculture'
    """
    return text if text.isascii() or not _INVISIBLE.search(text) else _INVISIBLE.sub("", text)


#: The SCO's full name, as tokens: read as its acronym, which the lexicon's entries name.
_SECOND = frozenset({"Cooperation", "Co-operation"})    # after "Shanghai"
_ORGANISATION = frozenset({"Organisation", "Organization"})
#: "S.C.O." as :func:`discourse.text.fast_tokens` splits it (then its last ".").
_DOTTED = ["S", ".", "C", ".", "O"]
#: The tokens one of the names begins with (a sentence without any is left as it is).
_NAMES = frozenset({"Shanghai", "S"})


def one_name(toks: list[str]) -> list[str]:
    """``toks`` with the SCO's full name read as the acronym the lexicon's entries use:
    "Shanghai Cooperation Organisation" (or Organization), with "(SCO)" after it, and
    "S.C.O." become the one token "SCO", so that "joined the Shanghai Cooperation
    Organisation" is "joined the SCO" (codebook: the SCO's enlargement and standing,
    however it is named).

    Examples
    --------
    >>> one_name("Belarus joined the Shanghai Cooperation Organisation ( SCO ) .".split())
    ['Belarus', 'joined', 'the', 'SCO', '.']
    >>> one_name("the Shanghai Co-operation Organization".split())
    ['the', 'SCO']
    >>> one_name(["the", "S.C.O.", "Charter"]), one_name(["in", "Shanghai", "."])
    (['the', 'SCO', 'Charter'], ['in', 'Shanghai', '.'])
    >>> one_name("joined the S . C . O . last year".split()), one_name("the S . C . O .".split())
    (['joined', 'the', 'SCO', 'last', 'year'], ['the', 'SCO', '.'])
    >>> one_name("the S . C . O . - Afghanistan group".split()), one_name(["S.C.O.-India"])
    (['the', 'SCO-Afghanistan', 'group'], ['SCO-India'])
    """
    if _NAMES.isdisjoint(toks) and not any(t.startswith("S.C.O") for t in toks):
        return toks
    out: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i].startswith("S.C.O"):                   # NLTK's tokens
            rest = toks[i][5:].removeprefix(".")
            out.append("SCO" + rest if rest[:1] in ("", "-") else toks[i])
            i += 1
        elif toks[i:i + 5] == _DOTTED:                   # the regular expression's
            out.append("SCO")
            i += 6 if i + 6 < n and toks[i + 5] == "." else 5     # a final stop stays
            if i + 1 < n and toks[i] == "-" and toks[i + 1][:1].isalnum():
                out[-1] = "SCO-" + toks[i + 1]           # "S.C.O.-Afghanistan": one word
                i += 2
        elif toks[i] == "Shanghai" and i + 2 < n and toks[i + 1] in _SECOND \
                and toks[i + 2] in _ORGANISATION:
            out.append("SCO")
            i += 3
            if toks[i:i + 3] == ["(", "SCO", ")"]:
                i += 3
        else:
            out.append(toks[i])
            i += 1
    return out


def reading_tokens(text: str, fast: bool = True, memo=None) -> list[str]:
    """The tokens the coder reads of one sentence: of :func:`visible_text`, by
    :func:`discourse.text.fast_tokens` (``fast``, with its ``memo``) or
    :func:`discourse.text.tokenize`, with :func:`one_name` and :func:`joined_prefixes`."""
    if not text.isascii():           # (no call for the ASCII text of most sentences)
        text = visible_text(text)
    toks = fast_tokens(text, memo) if fast else tokenize(text)
    # (one look-up of the tokens, in C: few sentences write a prefix apart)
    if not _JOINERS.isdisjoint(toks):
        toks = joined_prefixes(toks)        # first: "Shanghai Co operation Organisation"
    if "S" in text and ("Shanghai" in text or "S.C.O" in text):
        toks = one_name(toks)
    return toks


#: Prefixes written apart from their word as often as joined to it by a hyphen.
_PREFIXES = frozenset({"anti", "Anti", "ANTI", "non", "Non", "NON"})
#: Compounds written apart, by their first word: the second word ("*": its start), as in
#: the lexicon's entries. "cross border" and "co operation" are the "cross-border" and
#: "co-operation" of the lexicon and the spelling table; "cross borders" is the verb
#: ("migrants cross borders"), "cross border crime" the compound.
_PAIRS = {"cross": "border", "co": "operat*"}
#: Prefixes that are also words ("to counter terrorism", "To Counter Security
#: Challenges"): joined only in a name, capitalised, before "terror..." ("UN Office of
#: Counter Terrorism").
_NAME_PREFIXES = frozenset({"Counter", "COUNTER"})
#: The first words of :data:`_PAIRS` as a text writes them.
_PAIR_FORMS = frozenset(f for w in _PAIRS for f in (w, w.title(), w.upper()))
#: Every token that :func:`joined_prefixes` may join to the next.
_JOINERS = _PREFIXES | _NAME_PREFIXES | _PAIR_FORMS


def joined_prefixes(toks: list[str]) -> list[str]:
    """``toks`` with "anti" and "non" written apart joined to the word after it by a
    hyphen, as the lexicon writes it ("Anti Terrorist Structure", "anti drug", "non
    interference" are "Anti-Terrorist Structure", "anti-drug", "non-interference"), the
    compounds "cross border" and "co operation" (:data:`_PAIRS`) likewise, and a
    capitalised "Counter" before "terror..." ("Office of Counter Terrorism"; the verb in
    "to counter terrorism" stays a word).

    Examples
    --------
    >>> joined_prefixes("the Regional Anti Terrorist Structure".split())
    ['the', 'Regional', 'Anti-Terrorist', 'Structure']
    >>> joined_prefixes(["anti", ",", "pro"])
    ['anti', ',', 'pro']
    >>> joined_prefixes("Office of Counter Terrorism to counter terrorism".split())
    ['Office', 'of', 'Counter-Terrorism', 'to', 'counter', 'terrorism']
    >>> joined_prefixes("non interference and cross border co operation".split())
    ['non-interference', 'and', 'cross-border', 'co-operation']
    >>> joined_prefixes("to cross borders".split()), joined_prefixes("cross the border".split())
    (['to', 'cross', 'borders'], ['cross', 'the', 'border'])
    """
    if _JOINERS.isdisjoint(toks):
        return toks
    out: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        if i + 1 < n and (toks[i] in _PREFIXES and toks[i + 1][:1].isalpha()
                          or toks[i] in _NAME_PREFIXES
                          and toks[i + 1].lower().startswith("terror")
                          or toks[i] in _PAIR_FORMS and _pair(toks[i].lower(),
                                                              toks[i + 1].lower())):
            out.append(f"{toks[i]}-{toks[i + 1]}")
            i += 2
        else:
            out.append(toks[i])
            i += 1
    return out


def _pair(first: str, second: str) -> bool:
    """Whether lower-cased ``first second`` is a compound of :data:`_PAIRS` written apart."""
    w = _PAIRS[first]
    return second.startswith(w[:-1]) if w.endswith("*") else second == w
