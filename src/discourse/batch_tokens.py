"""NLTK's word tokens of many white-space chunks of sentences, in one call of the tokenizer.

The term analysis (:mod:`discourse.terms`) tokenises each distinct white-space chunk of
a sentence once, as :func:`discourse.text.tokenize` ``(" " + chunk + " _")`` without
its last token ``"_"`` (the chunk inside a sentence: a space before it, a word after
it). On text that does not repeat itself most chunks are new, and the tokenizer's cost
is then in its two dozen pattern calls per string, not in the matching.
:func:`inner_tokens` tokenises a batch of chunks as one string, the chunks joined by
:data:`SEPARATOR` (``" \u01c2 "``) with a space before the first and ``" \u01c2"``
after the last, and cuts the tokens at each ``"\u01c2"``.

Why the tokens are the same (NLTK 3.10's ``NLTKWordTokenizer``): the letter U+01C2
(the Khoekhoe click letter "ǂ") is in the same classes as ``"_"`` for every pattern
of the tokenizer (a word character, not a digit, in no literal set, without a case),
so each chunk of the batch stands as it stands alone, between a space and ``" _"``;
what changes is only what lies beyond, a letter before the space instead of the start
of the string, and more text after it instead of the end of the string. No pattern of
the tokenizer matches that letter or a space next to it together with anything of a
neighbouring chunk, so no match and no substitution crosses from one chunk to the
next:

* the patterns anchored at the end of the string (the final full stop,
  ``([:,])$``) need only full stops, closing quotes or brackets and white space
  between their match and the end: the letter after the chunk stops them, alone as in
  the batch; the one anchored at the start (``^"``) never matches after a space;
* every other pattern consumes at most the space on each side of a chunk (a mark
  before or after a space: ``([ (\\[{<])("|'')``, ``([^'])' ``, ``([:,])([^\\d])``,
  the clitics' ``([^' ])('s|...) ``) and looks at most one character beyond that
  space (``(?<!\\w)``, ``(?=\\w)``, ``(?=\\s)``, ``\\b``), which is white space, or
  the chunk's own, in the batch as alone; ``\\s+`` only joins spaces, and no pattern
  matches the letter;
* substitutions only insert spaces around a match, and replace quotes by the quote
  tokens ```` `` ```` and ``''``, so the letter between two chunks stays one token.

A token ``"\u01c2"`` therefore marks exactly the end of a chunk as long as no chunk
holds that letter itself; such chunks are tokenised alone. The tokenizer normalises
its input first (:func:`discourse.text.normalise`), which acts on each chunk as on the
chunk alone (NFC composes nothing with a space). ``tests/test_batch_tokens.py`` checks the
result against one call per chunk on every chunk of the corpus, the fixture and
constructed strings.

At the end of a sentence, a chunk ``p + "."`` (``p`` not empty and not ending in a
full stop, as most last chunks are) has the tokens of ``p`` inside a sentence and
``"."`` (:func:`final_stem`): NLTK's first rule on punctuation splits off that final
stop (the character before it, ``p``'s last, is no stop) and leaves ``" p . "``;
until then ``p`` was followed by ``"."`` where inside a sentence it is followed by a
space, and no pattern that runs before tells the two apart (they look for quotes,
backquotes and word characters after a mark, and neither is one). From there ``p`` is
followed by a space as inside a sentence; the stop after it is only padded again by
the second final-stop rule and is its own token, and the pattern anchored at the end
of the string cannot reach into ``p`` (a full stop is not among the closing marks it
allows after its own). The last token is ``"."``, which
:func:`discourse.text.tokenize` leaves as it is.
"""

from __future__ import annotations

from discourse.text import tokenize

__all__ = ["BATCH", "SEPARATOR", "inner_tokens", "final_stem"]

#: Chunks tokenised in one call at most (the string stays a few kilobytes long).
BATCH = 256
#: Between two chunks of a batch: a letter that the tokenizer's patterns see as "_".
SEPARATOR = " \u01c2 "
_MARK = SEPARATOR.strip()


def _alone(chunk: str) -> tuple[str, ...]:
    return tuple(tokenize(" " + chunk + " _")[:-1])


def inner_tokens(chunks: list[str]) -> list[tuple[str, ...]]:
    """The tokens of each chunk (no white space in it) inside a sentence.

    Parameters
    ----------
    chunks : list of str
        White-space chunks of sentences, none the last of its sentence.

    Returns
    -------
    list of tuple of str
        For each chunk, ``tuple(tokenize(" " + chunk + " _")[:-1])``
        (:func:`discourse.text.tokenize`), computed for up to :data:`BATCH` chunks
        at a time in one call (see the module docstring).

    Examples
    --------
    >>> inner_tokens(["SCO's", "(2020),", "cannot", "x_y", "U.S.", "\u01c2"])
    [('SCO', "'s"), ('(', '2020', ')', ','), ('can', 'not'), ('x_y',), ('U.S.',), ('ǂ',)]
    """
    out: list[tuple[str, ...] | None] = [None] * len(chunks)
    batch = [i for i, c in enumerate(chunks) if _MARK not in c]
    for i, c in enumerate(chunks):
        if _MARK in c:
            out[i] = _alone(c)
    for b in range(0, len(batch), BATCH):
        part = batch[b:b + BATCH]
        tokens = tokenize(" " + SEPARATOR.join(chunks[i] for i in part) + SEPARATOR[:-1])
        pieces: list[list[str]] = [[]]
        for t in tokens:
            if t == _MARK:
                pieces.append([])
            else:
                pieces[-1].append(t)
        if len(pieces) != len(part) + 1 or pieces[-1]:   # never seen: the safe way
            pieces = [list(_alone(chunks[i])) for i in part]
        for i, toks in zip(part, pieces):
            out[i] = tuple(toks)
    return out


def final_stem(chunk: str) -> str | None:
    """``p`` if ``chunk`` is ``p + "."`` with ``p`` not empty and not ending in a full
    stop, else ``None``: at the end of a sentence such a chunk is tokenised as ``p``
    inside a sentence followed by ``"."`` (see the module docstring).

    Examples
    --------
    >>> [final_stem(c) for c in ["trade.", "(2020).", "U.S.", "etc..", ".", "grew"]]
    ['trade', '(2020)', 'U.S', None, None, None]
    >>> tokenize(" (2020).") == [*inner_tokens(["(2020)"])[0], "."]
    True
    """
    if len(chunk) > 1 and chunk[-1] == "." and chunk[-2] != ".":
        return chunk[:-1]
    return None
