"""Code sentences for three frames (security, economy, multilateralism) and validate.

The construct is the project's framing codebook (``shared/framing-codebook.md``); the
lexicon that implements it is data, ``corpus/lexicons/frames.yaml``, where every entry
quotes the codebook clause it implements. This module only reads and applies it.

Conventions (name them when citing numbers):

* **Unit**: one sentence; each frame is coded 1/0 independently.
* **Tokens**: a single regular expression (:data:`TOKEN_PATTERN`) that splits like
  :func:`discourse.preprocess.tokenize` on word tokens (hyphenated words and numbers
  stay whole, "'s" splits off) but is about 15 times faster; ``tokenizer="nltk"``
  uses :func:`discourse.preprocess.tokenize` itself. Words are matched on their lemma
  (:func:`discourse.preprocess.lemma`) or their lower-cased form; upper-case entries
  (``UN``, ``WHO``) match only the upper-case token; parts of hyphenated tokens are
  tried as well ("SCO-ASEAN" contains "ASEAN").
* **Longest match**: an entry lying inside a longer matching entry of any section is
  dropped (reported as *blocked*): "UN Security Council" (a name, multilateralism)
  blocks "security"; "sustainable development" blocks "development".
* **Rules** (all in the lexicon file): external organisation ``names`` count for
  multilateralism; ``lists`` of ministries do not carry frames; ``money`` serving a
  security matter is not economy; ``citations`` of a source are not multilateralism;
  ``context`` references inherit the frames of the nearest preceding sentence of the
  same paragraph that has a frame.
* **Agreement**: precision, recall, F1 (positive class 1), Cohen's (1960) kappa and
  Krippendorff's (2004) alpha (nominal, two coders, no missing values), each with a
  percentile bootstrap 95% CI over sentences (Efron and Tibshirani 1993).
* **Shares**: share of sentences with the frame, Wilson (1927) score 95% CI; the
  difference of two shares (target minus reference) with Newcombe's (1998) hybrid
  score interval (his method 10) and Fisher's exact test (two-sided, conditional).

References
----------
Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
Psychological Measurement* 20(1), 37-46.
Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology*, 2nd ed.
Sage. (alpha, ch. 11.)
Newcombe, R. G. (1998). Interval estimation for the difference between independent
proportions: comparison of eleven methods. *Statistics in Medicine* 17, 873-890.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from __future__ import annotations

import fnmatch
import functools
import io as _io
import math
import os
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

import numpy as np
import pandas as pd

from discourse import paths, preprocess

__all__ = [
    "FRAMES",
    "LEXICON_FILE",
    "TOKEN_PATTERN",
    "LexiconError",
    "FramingInputError",
    "Lexicon",
    "SentenceCode",
    "load_lexicon",
    "tokens",
    "explain",
    "iter_codes",
    "code_sentences",
    "read_input",
    "code_file",
    "binary_agreement",
    "validate",
    "confusion",
    "disagreements",
    "supervised_comparison",
    "wilson_interval",
    "newcombe_interval",
    "word_counts",
    "frame_shares",
    "frame_differences",
    "sensitivity",
    "cooccurrence",
    "frames_by_role",
    "trajectory",
    "load_validation",
    "validate_annotations",
    "benchmark",
]

#: The three frames of the codebook, in order.
FRAMES = ("security", "economy", "multilateralism")
#: Default lexicon file name under :func:`discourse.paths.lexicon_dir`.
LEXICON_FILE = "frames.yaml"
#: Tokens for matching: words (with inner hyphens, decimals), "'s", or one symbol.
TOKEN_PATTERN = r"\w+(?:[-\u2010\u2011]\w+|[.,:]\d+)*|['\u2019]s\b|[^\w\s]"
_TOKEN_RE = re.compile(TOKEN_PATTERN)
_Z95 = 1.959963984540054
_SECTIONS = ("version", "codebook", "spelling", "frames", "names", "neutral", "money",
             "lists", "measures", "citations", "context", "changelog")


class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the file and the problem."""


class FramingInputError(ValueError):
    """An input table for coding is unusable; the message names the file and problem."""


# --------------------------------------------------------------------------- lexicon

@dataclass(frozen=True)
class _Entry:
    section: str          # frame name, "name", "neutral", "list_head", "cite_open", "context"
    frame: str | None     # frame the entry carries (None for rule entries)
    term: str
    clause: str


@dataclass(frozen=True)
class Lexicon:
    """A compiled frame lexicon (see :func:`load_lexicon`).

    Attributes
    ----------
    path : str
        The file it was read from.
    entries : tuple
        All entries, in file order; their index is their id in the trie.
    """

    path: str
    entries: tuple
    trie: dict = field(repr=False)
    vocabulary: frozenset = field(repr=False)
    patterns: tuple = field(repr=False)
    spelling: dict = field(repr=False)
    money: frozenset = field(repr=False)
    joiners: frozenset = field(repr=False)
    source_nouns: frozenset = field(repr=False)
    stops: frozenset = field(repr=False)
    context_mode: str = "union"
    changelog: tuple = ()
    measure_joiners: frozenset = field(default=frozenset(), repr=False)
    measure_frame: str | None = None

    def n_entries(self, section: str | None = None) -> int:
        """Number of entries (of one section, e.g. ``"security"`` or ``"name"``)."""
        return sum(1 for e in self.entries if section is None or e.section == section)


def _fail(path, problem: str):
    raise LexiconError(f"{path}: {problem}")


def _word_key(word: str, spelling: dict) -> str:
    """Key of one word of an entry (see the lexicon file's header)."""
    if "*" in word:
        return "*" + word.lower()
    if word.startswith("=") and len(word) > 1:
        return "=" + word[1:].lower()
    if len(word) > 1 and word.isupper() and any(c.isalpha() for c in word):
        return "^" + word
    low = word.lower()
    lem = preprocess.lemma(low) if low[:1].isalpha() else low
    return spelling.get(lem, lem)


def _term_keys(term: str, spelling: dict) -> tuple:
    words = []
    for chunk in preprocess.normalise(term).split():
        if "*" in chunk or chunk.startswith("="):
            words.append(chunk)          # a wildcard or exact word is one token
        else:
            words += _TOKEN_RE.findall(chunk)
    return tuple(_word_key(w, spelling) for w in words)


def _strings(value, where, path) -> list[str]:
    if not isinstance(value, list) or not value or \
            not all(isinstance(v, str) and v.strip() for v in value):
        _fail(path, f"{where} must be a non-empty list of non-empty strings")
    return value


def _clause(block, where, path) -> str:
    c = block.get("clause") if isinstance(block, dict) else None
    if not isinstance(c, str) or not c.strip():
        _fail(path, f"{where} needs a 'clause' quoting the codebook")
    return " ".join(c.split())


@functools.lru_cache(maxsize=8)
def _load_cached(resolved: str, mtime_ns: int) -> Lexicon:
    import yaml

    path = resolved
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        _fail(path, "is not UTF-8 text")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        _fail(path, f"is not valid YAML ({first})")
    if not isinstance(data, dict):
        _fail(path, "must be a mapping with a 'frames' section")
    unknown = sorted(set(data) - set(_SECTIONS))
    if unknown:
        _fail(path, f"unknown section(s) {', '.join(map(str, unknown))}; allowed: "
                    f"{', '.join(_SECTIONS)}")
    frames = data.get("frames")
    if not isinstance(frames, dict) or not frames:
        _fail(path, "needs a 'frames' mapping with entries for "
                    f"{', '.join(FRAMES)}")
    bad = sorted(set(map(str, frames)) - set(FRAMES))
    if bad:
        _fail(path, f"unknown frame name(s) {', '.join(bad)}; allowed: {', '.join(FRAMES)}")
    spelling = data.get("spelling") or {}
    if not isinstance(spelling, dict):
        _fail(path, "'spelling' must map a spelling to another")
    spelling = {str(k).lower(): str(v).lower() for k, v in spelling.items()}

    entries: list[_Entry] = []
    keyseqs: list[tuple] = []

    def add(section, frame, term, clause):
        keys = _term_keys(term, spelling)
        if not keys:
            _fail(path, f"entry {term!r} has no words")
        entries.append(_Entry(section, frame, term, clause))
        keyseqs.append(keys)

    for frame, groups in frames.items():
        if not isinstance(groups, list) or not groups:
            _fail(path, f"frame {frame!r} must be a list of groups with 'clause' and 'terms'")
        for i, group in enumerate(groups):
            where = f"frames.{frame}[{i}]"
            clause = _clause(group, where, path)
            for term in _strings(group.get("terms"), f"{where}.terms", path):
                add(frame, frame, term, clause)

    names = data.get("names")
    if names is not None:
        clause = _clause(names, "names", path)
        nframe = names.get("frame", "multilateralism")
        if nframe not in FRAMES:
            _fail(path, f"names.frame {nframe!r} is not one of {', '.join(FRAMES)}")
        for term in _strings(names.get("terms"), "names.terms", path):
            add("name", nframe, term, clause)
    for i, group in enumerate(data.get("neutral") or []):
        clause = _clause(group, f"neutral[{i}]", path)
        for term in _strings(group.get("terms"), f"neutral[{i}].terms", path):
            add("neutral", None, term, clause)

    money = data.get("money") or {}
    money_keys = frozenset()
    if money:
        _clause(money, "money", path)
        money_keys = frozenset(_term_keys(t, spelling)
                               for t in _strings(money.get("terms"), "money.terms", path))
    lists = data.get("lists") or {}
    joiners = frozenset()
    if lists:
        clause = _clause(lists, "lists", path)
        for term in _strings(lists.get("heads"), "lists.heads", path):
            add("list_head", None, term, clause)
        joiners = frozenset(w.lower()
                            for w in _strings(lists.get("joiners"), "lists.joiners", path))
    measures = data.get("measures") or {}
    m_joiners = frozenset()
    m_frame = None
    if measures:
        clause = _clause(measures, "measures", path)
        m_frame = measures.get("frame", "economy")
        if m_frame not in FRAMES:
            _fail(path, f"measures.frame {m_frame!r} is not one of {', '.join(FRAMES)}")
        for term in _strings(measures.get("heads"), "measures.heads", path):
            add("measure_head", None, term, clause)
        m_joiners = frozenset(w.lower() for w in
                              _strings(measures.get("joiners"), "measures.joiners", path))
    cites = data.get("citations") or {}
    nouns = stops = frozenset()
    if cites:
        clause = _clause(cites, "citations", path)
        for term in _strings(cites.get("openers"), "citations.openers", path):
            add("cite_open", None, term, clause)
        nouns = frozenset(_word_key(w, spelling) for w in
                          _strings(cites.get("source_nouns"), "citations.source_nouns", path))
        stops = frozenset(w.lower()
                          for w in _strings(cites.get("stops"), "citations.stops", path))
    context = data.get("context") or {}
    mode = "union"
    if context:
        clause = _clause(context, "context", path)
        mode = context.get("mode", "union")
        if mode not in ("union", "fill"):
            _fail(path, f"context.mode {mode!r} is not one of union, fill")
        for term in _strings(context.get("phrases"), "context.phrases", path):
            add("context", None, term, clause)
        dets = _strings(context.get("determiners"), "context.determiners", path)
        for noun in _strings(context.get("nouns"), "context.nouns", path):
            for det in dets:
                add("context", None, f"{det} {noun}", clause)
    changelog = data.get("changelog") or []
    if not isinstance(changelog, list):
        _fail(path, "'changelog' must be a list")
    for i, item in enumerate(changelog):
        if not isinstance(item, dict) or "clause" not in item or "change" not in item:
            _fail(path, f"changelog[{i}] needs 'change' and 'clause'")

    trie: dict = {}
    vocab = set()
    patterns = set()
    for eid, keys in enumerate(keyseqs):
        node = trie
        for k in keys:
            vocab.add(k)
            if k.startswith("*"):
                patterns.add(k)
            node = node.setdefault(k, {})
        node.setdefault(None, []).append(eid)
    money_ids = frozenset(i for i, (e, k) in enumerate(zip(entries, keyseqs))
                          if e.section == "economy" and k in money_keys)
    pats = tuple(sorted((k, re.compile(fnmatch.translate(k[1:]))) for k in patterns))
    return Lexicon(path=str(path), entries=tuple(entries), trie=trie,
                   vocabulary=frozenset(vocab), patterns=pats, spelling=spelling,
                   money=money_ids, joiners=joiners, source_nouns=nouns, stops=stops,
                   context_mode=mode, changelog=tuple(changelog),
                   measure_joiners=m_joiners, measure_frame=m_frame)


def load_lexicon(path: str | os.PathLike | None = None) -> Lexicon:
    """Read, validate and compile the frame lexicon.

    Parameters
    ----------
    path : path-like, optional
        A YAML lexicon (default: ``corpus/lexicons/frames.yaml``).

    Returns
    -------
    Lexicon
        Compiled once into a trie of token keys (cached per file and modification time).

    Raises
    ------
    FileNotFoundError
        If the file does not exist (the message names it).
    LexiconError
        If the file is not UTF-8 YAML, has an unknown section or frame name, or an entry
        lacks its codebook clause; the message names the file and the problem.
    """
    p = paths.lexicon_path(LEXICON_FILE, path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: lexicon file not found")
    return _load_cached(str(p), p.stat().st_mtime_ns)


def _lexicon(lexicon) -> Lexicon:
    if lexicon is None or isinstance(lexicon, (str, os.PathLike)):
        return load_lexicon(lexicon)
    if isinstance(lexicon, Lexicon):
        return lexicon
    raise ValueError(f"lexicon {lexicon!r} is not a Lexicon, a path or None")


# --------------------------------------------------------------------------- matching

def tokens(text: str, tokenizer: str = "fast") -> list[str]:
    """Split one sentence into tokens for matching.

    Parameters
    ----------
    text : str
    tokenizer : {"fast", "nltk"}
        ``"fast"``: :data:`TOKEN_PATTERN` after :func:`discourse.preprocess.normalise`;
        ``"nltk"``: :func:`discourse.preprocess.tokenize`.

    Examples
    --------
    >>> tokens("The SCO's anti-drug trade grew by 6.3%.")
    ['The', 'SCO', "'s", 'anti-drug', 'trade', 'grew', 'by', '6.3', '%', '.']
    """
    if tokenizer == "fast":
        return _fast_tokens(text)
    if tokenizer == "nltk":
        return preprocess.tokenize(text)
    raise ValueError(f"tokenizer {tokenizer!r} is not one of 'fast', 'nltk'")


_HYPHEN_RE = re.compile(r"[-\u2010\u2011]")


class _KeyCache(dict):
    """Per-token lookup, computed once per distinct token and reused for every sentence.

    ``cache[token]`` is the tuple of lexicon keys the token can match (its lemma,
    lower-cased, exact, upper-case and wildcard keys, and those of its hyphen parts,
    kept only if the lexicon uses them). For a token that can begin an entry,
    ``cache.first[token]`` is its first trie step: ``(entry ids that end on it, trie
    nodes that continue after it)``. ``cache.seen`` is a plain set of the tokens
    already looked up, so that finding a sentence's new tokens costs the length of
    the sentence, not the size of the cache.
    """

    def __init__(self, lex: Lexicon):
        super().__init__()
        self.lex = lex
        self.seen: set = set()
        self.starts: set = set()     # tokens that can begin an entry
        self.first: dict = {}        # token -> (ends, nodes, {next token: second step})
        self.section = tuple(e.section for e in lex.entries)
        self.frame = tuple(e.frame for e in lex.entries)

    def __missing__(self, token: str) -> tuple:
        lex = self.lex
        forms = [token]
        if "-" in token or "\u2010" in token or "\u2011" in token:
            forms += [p for p in _HYPHEN_RE.split(token) if p]
        keys = set()
        for form in forms:
            low = form.lower()
            lem = preprocess.lemma(low) if low[:1].isalpha() else low
            keys.update((lex.spelling.get(lem, lem), lem, low, "=" + low, "^" + form))
            for key, rx in lex.patterns:
                if rx.match(low):
                    keys.add(key)
        got = tuple(sorted(keys & lex.vocabulary))
        root = lex.trie
        ends: list = []
        nodes: list = []
        for k in got:
            child = root.get(k)
            if child is not None:
                nodes.append(child)
                e = child.get(None)
                if e:
                    ends.extend(e)
        if nodes:
            self.starts.add(token)
            cont = tuple(nd for nd in nodes if len(nd) > (None in nd))
            self.first[token] = (tuple(ends), cont, {} if cont else None)
        self[token] = got
        self.seen.add(token)
        return got


def _fast_tokens(text: str) -> list[str]:
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _TOKEN_RE.findall(text)


# A match is a plain tuple ``(start, end, entry id)`` (tokens start:end); plain
# tuples are several times cheaper to create than named tuples.
_Match = tuple


def _find(toks: list, cache: _KeyCache) -> list[_Match]:
    """All entry matches of a sentence, ordered by start, then length, then trie path.

    The first two trie steps from a token are memoised per distinct token (and per
    distinct following token, at most :data:`_MAX_NEXT` of them per token), so that a
    common word that only begins phrases ("the", "in") costs one dictionary look-up.
    """
    for t in set(toks).difference(cache.seen):
        cache[t]                      # compute keys of tokens not seen before
    hit = cache.starts.intersection(toks)
    if not hit:
        return []
    first = cache.first
    out: list = []
    n = len(toks)
    last = n - 1
    for i in [i for i, t in enumerate(toks) if t in hit]:
        t = toks[i]
        ends, nodes, cont = first[t]
        if ends:
            out.extend([(i, i + 1, e) for e in ends])
        if cont is None or i == last:
            continue
        u = toks[i + 1]
        step = cont.get(u, _UNSEEN)
        if step is _UNSEEN:
            if len(cont) >= _MAX_NEXT:
                cont.clear()
            step = cont[u] = _step(nodes, cache[u])
        if step is None:
            continue
        ends, nodes = step
        if ends:
            out.extend([(i, i + 2, e) for e in ends])
        j = i + 2
        while nodes and j < n:
            ks = cache[toks[j]]
            if not ks:
                break
            nxt = []
            for k in ks:
                for node in nodes:
                    child = node.get(k)
                    if child is not None:
                        nxt.append(child)
                        e = child.get(None)
                        if e:
                            out.extend([(i, j + 1, x) for x in e])
            nodes = nxt
            j += 1
    return out


_MAX_NEXT = 1 << 14
_UNSEEN = object()


def _step(nodes, keys):
    """One trie step from ``nodes`` on a token with ``keys``: ``(ended ids, next nodes)``,
    or None when nothing ends or continues."""
    ends: list = []
    nxt: list = []
    for k in keys:
        for node in nodes:
            child = node.get(k)
            if child is not None:
                nxt.append(child)
                e = child.get(None)
                if e:
                    ends.extend(e)
    cont = tuple(nd for nd in nxt if len(nd) > (None in nd))
    return (tuple(ends), cont) if ends or cont else None


_CONTENT = frozenset(FRAMES) | {"name", "neutral"}
_EMPTY = {"frames": dict.fromkeys(FRAMES, 0), "evidence": {f: [] for f in FRAMES},
          "blocked": [], "context_refs": []}


def _span(toks, m) -> str:
    return " ".join(toks[m[0]:m[1]])


def _analyse(lex: Lexicon, toks: list[str], cache: _KeyCache):
    """Own (non-context) coding of one tokenised sentence.

    Returns None when nothing matched, else ``(frames, evidence, notes, refs)``:
    frames a 0/1 tuple in :data:`FRAMES` order, evidence a list of ``(frame, labels)``
    for the frames with evidence, notes the sorted blocked-match notes, refs the
    sorted context references.
    """
    matches = _find(toks, cache)
    if not matches:
        return None
    section = cache.section
    frame_of = cache.frame
    content = [m for m in matches if section[m[2]] in _CONTENT]
    blocked: dict = {}
    context: list = []
    rules = [m for m in matches if section[m[2]] not in _CONTENT] \
        if len(content) < len(matches) else ()
    # 1. longest match: drop entries inside a strictly longer content match
    long = [o for o in content if o[1] - o[0] > 1]
    if long:
        for m in content:
            for o in long:
                if o[1] - o[0] > m[1] - m[0] and o[0] <= m[0] \
                        and m[1] <= o[1]:
                    blocked[m] = f"inside {section[o[2]]} '{_span(toks, o)}'"
                    break
    if rules:
        for r in rules:
            sec = section[r[2]]
            if sec == "context":
                context.append(_span(toks, r))
            elif sec == "list_head":
                _block_list(lex, toks, r, content, blocked)
            elif sec == "measure_head":
                _block_measures(lex, toks, r, content, blocked)
            elif sec == "cite_open":
                hi = r[1]
                while hi < len(toks) and toks[hi].lower() not in lex.stops:
                    hi += 1
                for m in content:
                    if m not in blocked and frame_of[m[2]] == "multilateralism" \
                            and r[0] <= m[0] and m[1] <= hi:
                        blocked[m] = f"source cited '{' '.join(toks[r[0]:hi])}'"
    if lex.source_nouns:
        nouns = lex.source_nouns
        n = len(toks)
        for m in content:
            if m[1] < n and frame_of[m[2]] == "multilateralism" and m not in blocked \
                    and not nouns.isdisjoint(cache[toks[m[1]]]):
                blocked[m] = f"source cited '{' '.join(toks[m[0]:m[1] + 1])}'"
    # tally
    kept = ([], [], [])
    labels = ([], [], [])
    index = _FRAME_INDEX
    for m in sorted(content) if len(content) > 1 else content:
        f = frame_of[m[2]]
        if f is None or m in blocked:
            continue
        k = index[f]
        kept[k].append(m)
        label = toks[m[0]] if m[1] - m[0] == 1 else _span(toks, m)
        if section[m[2]] == "name":
            label += " (name)"
        if label not in labels[k]:
            labels[k].append(label)
    # money serving a security matter
    if kept[0] and kept[1] and all(m[2] in lex.money for m in kept[1]):
        for m in kept[1]:
            blocked[m] = "money serving security"
        kept[1].clear()
        labels[1].clear()
    notes = sorted({f"{frame_of[m[2]]} '{_span(toks, m)}' {why}"
                    for m, why in blocked.items() if frame_of[m[2]] is not None}) \
        if blocked else []
    return ((int(bool(kept[0])), int(bool(kept[1])), int(bool(kept[2]))), labels, notes,
            sorted(set(context)) if context else [])


_FRAME_INDEX = {f: i for i, f in enumerate(FRAMES)}


def _code_one(lex: Lexicon, toks: list[str], cache: _KeyCache) -> dict:
    """Own (non-context) coding of one tokenised sentence, with provenance."""
    got = _analyse(lex, toks, cache)
    if got is None:
        return _EMPTY
    frames, labels, notes, refs = got
    return {"frames": dict(zip(FRAMES, frames)),
            "evidence": {f: list(x) for f, x in zip(FRAMES, labels)},
            "blocked": notes, "context_refs": refs}


def _block_list(lex, toks, head, content, blocked) -> None:
    """Block frame matches in a list of ministries/participants around ``head``."""
    E = lex.entries
    covered = set()
    for m in content:
        if E[m[2]].frame is not None and m not in blocked:
            covered.update(range(m[0], m[1]))
    joiners = lex.joiners
    lo = head[0]
    while lo > 0 and (lo - 1 in covered or toks[lo - 1].lower() in joiners):
        lo -= 1
    hi = head[1]
    if hi < len(toks) and toks[hi].lower() in ("of", "for"):
        hi += 1
        while hi < len(toks) and (hi in covered or toks[hi].lower() in joiners
                                  or toks[hi][:1].isupper()):
            hi += 1
    for m in content:
        if m not in blocked and E[m[2]].section in FRAMES and lo <= m[0] \
                and m[1] <= hi:
            blocked[m] = f"in list '{' '.join(toks[lo:hi])}'"


def _block_measures(lex, toks, head, content, blocked) -> None:
    """Block ``measures.frame`` matches in a list of size measures around ``head``.

    The list runs in both directions from the head over matched words, other heads
    and the ``measures.joiners`` ("population, territory, natural resources and GDP").
    """
    E = lex.entries
    frame = lex.measure_frame
    covered = set()
    for m in content:
        if E[m[2]].frame is not None and m not in blocked:
            covered.update(range(m[0], m[1]))
    joiners = lex.measure_joiners
    n = len(toks)
    lo = head[0]
    while lo > 0 and (lo - 1 in covered or toks[lo - 1].lower() in joiners):
        lo -= 1
    hi = head[1]
    while hi < n and (hi in covered or toks[hi].lower() in joiners):
        hi += 1
    for m in content:
        if m not in blocked and E[m[2]].section == frame and lo <= m[0] \
                and m[1] <= hi:
            blocked[m] = f"in list of size measures '{' '.join(toks[lo:hi])}'"


def explain(text: str, lexicon=None, *, tokenizer: str = "fast") -> dict:
    """Code one sentence on its own (no context) and show why.

    Parameters
    ----------
    text : str
    lexicon : Lexicon or path-like, optional
        Default: the project's lexicon.
    tokenizer : {"fast", "nltk"}

    Returns
    -------
    dict
        ``frames`` ({frame: 0/1}), ``evidence`` ({frame: [matched text]}),
        ``blocked`` (matches dropped by a rule, with the rule), ``context_refs``
        (reference expressions found).

    Examples
    --------
    >>> explain("In 2019 the SCO took part in the UN Security Council meeting.")["frames"]
    {'security': 0, 'economy': 0, 'multilateralism': 1}
    """
    lex = _lexicon(lexicon)
    return _code_one(lex, tokens(text, tokenizer), _KeyCache(lex))


class SentenceCode(NamedTuple):
    """One coded sentence: its id, the three frames (0/1) and the evidence string."""

    id: object
    security: int
    economy: int
    multilateralism: int
    evidence: str


def _evidence_string(labels, notes, refs, inherited, source) -> str:
    parts = [f"{f}: " + ", ".join(x) for f, x in zip(FRAMES, labels) if x] if labels else []
    if inherited:
        parts.append("context: " + ", ".join(inherited) + f" from {source} via '"
                     + "', '".join(refs) + "'")
    if notes:
        parts.append("blocked: " + "; ".join(notes))
    return " | ".join(parts)


def iter_codes(rows: Iterable[tuple], lexicon=None, *, tokenizer: str = "fast"
               ) -> Iterator[SentenceCode]:
    """Code an iterable of ``(id, text, paragraph)`` rows lazily, one sentence at a time.

    Rows whose ``paragraph`` equals that of the previous row belong to the same
    paragraph (the context rule applies within it); ``paragraph=None`` makes every
    sentence its own paragraph. Only the current paragraph's last framed sentence is
    held in memory, so inputs of any length stream through; the per-word look-up
    cache grows with the number of distinct words, not of sentences.

    Yields
    ------
    SentenceCode
    """
    lex = _lexicon(lexicon)
    if tokenizer not in ("fast", "nltk"):
        raise ValueError(f"tokenizer {tokenizer!r} is not one of 'fast', 'nltk'")
    cache = _KeyCache(lex)
    split = _fast_tokens if tokenizer == "fast" else (lambda t: tokens(t, tokenizer))
    union = lex.context_mode == "union"
    fast = tokenizer == "fast"
    findall = _TOKEN_RE.findall
    current = object()
    last = None            # (id, frames) of the last sentence with a frame in the paragraph
    for sid, text, para in rows:
        if para is None or para != current:
            last = None
            current = para if para is not None else object()
        if isinstance(text, str):
            toks = findall(text) if fast and text.isascii() else split(text)
        else:
            toks = []
        got = _analyse(lex, toks, cache)
        if got is None:
            yield SentenceCode(sid, 0, 0, 0, "")
            continue
        frames, labels, notes, refs = got
        inherited = ()
        if refs and last is not None and (union or not any(frames)):
            prev = last[1]
            inherited = [f for f, a, b in zip(FRAMES, prev, frames) if a and not b]
            if inherited:
                frames = tuple(a or b for a, b in zip(prev, frames))
        source = last[0] if inherited else None
        if any(frames):
            last = (sid, frames)
        yield SentenceCode(sid, *frames, _evidence_string(labels, notes, refs, inherited,
                                                          source))


def code_sentences(sentences: pd.DataFrame, lexicon=None, *, id_col: str = "sentence_id",
                   text_col: str = "text",
                   paragraph_cols: tuple[str, ...] | None = ("doc_id", "paragraph"),
                   tokenizer: str = "fast") -> pd.DataFrame:
    """Code a sentences table; return the ``frame codes`` table.

    Parameters
    ----------
    sentences : DataFrame
        Rows in reading order, with ``id_col`` and ``text_col`` (and the paragraph
        columns, if given).
    lexicon : Lexicon or path-like, optional
    id_col, text_col : str
    paragraph_cols : tuple of str or None
        Columns that identify a paragraph (default ``("doc_id", "paragraph")``);
        ``None`` codes every sentence without context.
    tokenizer : {"fast", "nltk"}

    Returns
    -------
    DataFrame
        ``sentence_id`` (named after ``id_col``), ``security``, ``economy``,
        ``multilateralism`` (0/1), ``evidence``; one row per input row, same order.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a", "b"], "doc_id": "d", "paragraph": 1,
    ...                   "text": ["Terrorism is a threat.", "In this context we met."]})
    >>> code_sentences(s)[["sentence_id", "security"]].values.tolist()
    [['a', 1], ['b', 1]]
    """
    missing = [c for c in (id_col, text_col, *(paragraph_cols or ())) if c not in sentences]
    if missing:
        raise ValueError(f"sentences table lacks column(s) {', '.join(missing)}")
    ids = sentences[id_col].tolist()
    texts = sentences[text_col].tolist()
    if paragraph_cols:
        paras = list(zip(*(sentences[c].tolist() for c in paragraph_cols)))
    else:
        paras = [None] * len(ids)
    out = list(iter_codes(zip(ids, texts, paras), lexicon, tokenizer=tokenizer))
    table = pd.DataFrame(out, columns=["id", *FRAMES, "evidence"])
    return table.rename(columns={"id": id_col})


# --------------------------------------------------------------------------- CLI input

def read_input(path: str | os.PathLike) -> pd.DataFrame:
    """Read a CSV to code (columns ``id, text``, optional ``paragraph``), checking it.

    Raises
    ------
    FramingInputError
        Naming the file and the problem: not UTF-8, empty, missing columns, no rows,
        empty or duplicate ids, or a paragraph whose rows are not consecutive.
    FileNotFoundError
        If the file does not exist.
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: input file not found")
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FramingInputError(f"{p}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise FramingInputError(f"{p}: the file is empty")
    try:
        table = pd.read_csv(_io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise FramingInputError(f"{p}: not a readable CSV ({str(exc).splitlines()[0]})") \
            from None
    table.columns = [str(c).strip() for c in table.columns]
    missing = [c for c in ("id", "text") if c not in table.columns]
    if missing:
        raise FramingInputError(f"{p}: missing column(s) {', '.join(missing)} "
                                f"(needs id, text and optionally paragraph)")
    if table.empty:
        raise FramingInputError(f"{p}: no rows to code")
    if (table["id"].str.strip() == "").any():
        row = int((table["id"].str.strip() == "").to_numpy().argmax()) + 2
        raise FramingInputError(f"{p}: empty id on line {row}")
    dup = table["id"][table["id"].duplicated()]
    if len(dup):
        raise FramingInputError(f"{p}: duplicate id(s) {', '.join(sorted(set(dup))[:5])}")
    if "paragraph" in table:
        para = table["paragraph"]
        starts = para.ne(para.shift())
        seen = para[starts]
        if seen.duplicated().any():
            raise FramingInputError(f"{p}: rows of paragraph "
                                    f"{seen[seen.duplicated()].iloc[0]!r} are not consecutive")
    return table


def code_file(input_path: str | os.PathLike, lexicon=None) -> pd.DataFrame:
    """Code the sentences of a CSV (see :func:`read_input`); return the output table.

    Returns
    -------
    DataFrame
        ``id, security, economy, multilateralism, evidence``, one row per input row.
    """
    table = read_input(input_path)
    paras = table["paragraph"].tolist() if "paragraph" in table else [None] * len(table)
    rows = zip(table["id"].tolist(), table["text"].tolist(), paras)
    return pd.DataFrame(list(iter_codes(rows, lexicon)),
                        columns=["id", *FRAMES, "evidence"])


# --------------------------------------------------------------------------- agreement

def _scores(tp, fp, fn, tn):
    """Vectorised P, R, F1, kappa and alpha from 2x2 counts (arrays or scalars)."""
    tp, fp, fn, tn = (np.asarray(x, dtype=float) for x in (tp, fp, fn, tn))
    n = tp + fp + fn + tn
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), np.nan)
        recall = np.where(tp + fn > 0, tp / (tp + fn), np.nan)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
        po = (tp + tn) / n
        pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n ** 2
        kappa = np.where(pe < 1, (po - pe) / (1 - pe), np.nan)
        # Krippendorff's alpha, nominal, 2 coders: values pooled over both coders
        v = 2 * n
        n1 = 2 * tp + fp + fn
        n0 = 2 * tn + fp + fn
        alpha = np.where(n0 * n1 > 0, 1 - (v - 1) * (fp + fn) / (n0 * n1), np.nan)
    return {"precision": precision, "recall": recall, "f1": f1, "kappa": kappa,
            "alpha": alpha}


_METRICS = ("precision", "recall", "f1", "kappa", "alpha")


def binary_agreement(coder, reference) -> dict:
    """Agreement of a 0/1 coder with a 0/1 reference (the hand codes).

    Returns
    -------
    dict
        ``n, tp, fp, fn, tn`` and ``precision`` = tp/(tp+fp), ``recall`` = tp/(tp+fn),
        ``f1`` = 2tp/(2tp+fp+fn) (positive class 1; NaN when undefined), Cohen's
        ``kappa`` = (p_o - p_e)/(1 - p_e), Krippendorff's ``alpha`` (nominal, two
        coders: 1 - (2n - 1)(fp + fn)/(n_0 n_1) with n_0, n_1 the pooled value counts).

    Examples
    --------
    >>> r = binary_agreement([1, 1, 0, 0], [1, 0, 0, 0])
    >>> r["precision"], r["recall"], round(r["kappa"], 3)
    (0.5, 1.0, 0.5)
    """
    a = np.asarray(coder, dtype=int)
    b = np.asarray(reference, dtype=int)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError("coder and reference must be 1-d sequences of the same length")
    if not set(np.unique(np.concatenate([a, b]))) <= {0, 1}:
        raise ValueError("codes must be 0 or 1")
    tp = int(((a == 1) & (b == 1)).sum())
    fp = int(((a == 1) & (b == 0)).sum())
    fn = int(((a == 0) & (b == 1)).sum())
    tn = int(((a == 0) & (b == 0)).sum())
    out = {"n": len(a), "tp": tp, "fp": fp, "fn": fn, "tn": tn}
    out.update({k: float(v) for k, v in _scores(tp, fp, fn, tn).items()})
    return out


def _bootstrap(tp, fp, fn, tn, n_boot, rng):
    n = tp + fp + fn + tn
    counts = rng.multinomial(n, np.array([tp, fp, fn, tn]) / n, size=n_boot)
    return _scores(*counts.T)


def validate(codes: pd.DataFrame, hand: pd.DataFrame, *, n_boot: int = 2000,
             seed: int = 0, id_col: str = "sentence_id", level: float = 0.95) -> pd.DataFrame:
    """Agreement of the lexicon codes with the hand codes, per frame, with bootstrap CIs.

    Parameters
    ----------
    codes, hand : DataFrame
        Both with ``id_col`` and the three frame columns (0/1); joined on ``id_col``
        (every hand-coded sentence must be coded).
    n_boot : int
        Bootstrap resamples of sentences (percentile intervals). Resampling sentences
        with replacement is done as a multinomial draw of the 2x2 cell counts, which
        is the same distribution.
    seed : int
        Seed of ``numpy.random.default_rng``.
    level : float
        Confidence level.

    Returns
    -------
    DataFrame
        ``validation`` table: ``frame, metric, value, ci_low, ci_high, n, n_boot,
        seed`` for metrics precision, recall, f1, kappa, alpha.
    """
    if n_boot < 1:
        raise ValueError(f"n_boot {n_boot!r} must be a positive integer")
    if not 0 < level < 1:
        raise ValueError(f"level {level!r} must be between 0 and 1")
    joined = _join(codes, hand, id_col)
    rng = np.random.default_rng(seed)
    rows = []
    q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]
    for frame in FRAMES:
        r = binary_agreement(joined[f"{frame}_lex"], joined[f"{frame}_hand"])
        boot = _bootstrap(r["tp"], r["fp"], r["fn"], r["tn"], n_boot, rng)
        for metric in _METRICS:
            vals = boot[metric][~np.isnan(boot[metric])]
            lo, hi = (np.percentile(vals, q) if len(vals) else (np.nan, np.nan))
            rows.append({"frame": frame, "metric": metric, "value": r[metric],
                         "ci_low": float(lo), "ci_high": float(hi), "n": r["n"],
                         "n_boot": n_boot, "seed": seed})
    return pd.DataFrame(rows)


def _join(codes, hand, id_col):
    for name, t in (("codes", codes), ("hand", hand)):
        missing = [c for c in (id_col, *FRAMES) if c not in t]
        if missing:
            raise ValueError(f"{name} table lacks column(s) {', '.join(missing)}")
    j = hand[[id_col, *FRAMES]].merge(codes[[id_col, *FRAMES]], on=id_col, how="left",
                                      suffixes=("_hand", "_lex"), validate="one_to_one")
    if j[[f"{f}_lex" for f in FRAMES]].isna().any().any():
        raise ValueError("some hand-coded sentences have no lexicon code")
    return j


def confusion(codes: pd.DataFrame, hand: pd.DataFrame, *,
              id_col: str = "sentence_id") -> pd.DataFrame:
    """Return the ``confusion`` table: ``frame, hand, lexicon, n`` (all four cells)."""
    j = _join(codes, hand, id_col)
    rows = []
    for f in FRAMES:
        for h in (1, 0):
            for c in (1, 0):
                rows.append({"frame": f, "hand": h, "lexicon": c,
                             "n": int(((j[f"{f}_hand"] == h) & (j[f"{f}_lex"] == c)).sum())})
    return pd.DataFrame(rows)


def disagreements(codes: pd.DataFrame, hand: pd.DataFrame, *,
                  id_col: str = "sentence_id") -> pd.DataFrame:
    """Every sentence-frame where lexicon and hand codes differ, with evidence and note.

    Returns
    -------
    DataFrame
        ``sentence_id, frame, hand, lexicon, kind`` ("false positive" / "false
        negative"), ``evidence`` (the lexicon's), ``note`` (the annotator's, if any),
        ``text`` (if the hand table has it); sorted by id and frame.
    """
    j = _join(codes, hand, id_col)
    extra = hand[[id_col] + [c for c in ("note", "text") if c in hand]]
    j = j.merge(codes[[id_col, "evidence"]] if "evidence" in codes else codes[[id_col]],
                on=id_col).merge(extra, on=id_col)
    rows = []
    for _, r in j.iterrows():
        for f in FRAMES:
            if int(r[f"{f}_hand"]) != int(r[f"{f}_lex"]):
                rows.append({id_col: r[id_col], "frame": f, "hand": int(r[f"{f}_hand"]),
                             "lexicon": int(r[f"{f}_lex"]),
                             "kind": "false positive" if r[f"{f}_lex"] else "false negative",
                             "evidence": r.get("evidence", ""), "note": r.get("note", ""),
                             "text": r.get("text", "")})
    cols = [id_col, "frame", "hand", "lexicon", "kind", "evidence", "note", "text"]
    return pd.DataFrame(rows, columns=cols).sort_values([id_col, "frame"],
                                                        ignore_index=True)


def supervised_comparison(hand: pd.DataFrame, codes: pd.DataFrame, *, k: int = 5,
                          seed: int = 0, id_col: str = "sentence_id",
                          text_col: str = "text") -> pd.DataFrame:
    """Compare the lexicon with a supervised classifier trained on the hand codes.

    One scikit-learn pipeline per frame, ``TfidfVectorizer(sublinear_tf=True)`` then
    ``LogisticRegression(class_weight="balanced", max_iter=1000)``, evaluated by
    stratified k-fold cross-validation (``StratifiedKFold(shuffle=True,
    random_state=seed)``) with out-of-fold predictions pooled over folds. ``k`` is
    reduced to the number of sentences in the rarer class when that is smaller (the
    ``k_used`` column).

    Returns
    -------
    DataFrame
        ``frame, method`` ("lexicon" / "tfidf_logreg_cv"), ``precision, recall, f1,
        kappa, alpha, n, k_used, seed``.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    if k < 2:
        raise ValueError(f"k {k!r} must be at least 2")
    j = _join(codes, hand, id_col)
    texts = hand.set_index(id_col).loc[j[id_col], text_col].tolist()
    rows = []
    for f in FRAMES:
        y = j[f"{f}_hand"].astype(int).to_numpy()
        lex = binary_agreement(j[f"{f}_lex"], y)
        rows.append({"frame": f, "method": "lexicon", **{m: lex[m] for m in _METRICS},
                     "n": lex["n"], "k_used": np.nan, "seed": seed})
        k_used = int(min(k, np.bincount(y, minlength=2).min()))
        if k_used < 2:
            rows.append({"frame": f, "method": "tfidf_logreg_cv",
                         **{m: np.nan for m in _METRICS}, "n": len(y), "k_used": k_used,
                         "seed": seed})
            continue
        model = make_pipeline(TfidfVectorizer(sublinear_tf=True),
                              LogisticRegression(class_weight="balanced", max_iter=1000))
        pred = cross_val_predict(model, texts, y,
                                 cv=StratifiedKFold(k_used, shuffle=True, random_state=seed))
        sup = binary_agreement(pred, y)
        rows.append({"frame": f, "method": "tfidf_logreg_cv", **{m: sup[m] for m in _METRICS},
                     "n": sup["n"], "k_used": k_used, "seed": seed})
    return pd.DataFrame(rows)


def load_validation(path: str | os.PathLike | None = None,
                    corpus: str | os.PathLike | None = None) -> pd.DataFrame | None:
    """Read the hand-coded validation set (``annotations/frames_validation.csv``).

    Returns ``None`` when ``path`` is None and the corpus has no such file.
    """
    p = Path(path) if path is not None else \
        paths.corpus_dir(corpus) / "annotations" / "frames_validation.csv"
    if not p.is_file():
        if path is not None:
            raise FileNotFoundError(f"{p}: validation file not found")
        return None
    table = pd.read_csv(p, dtype={"sentence_id": str, "note": str, "text": str},
                        keep_default_na=False, encoding="utf-8")
    missing = [c for c in ("sentence_id", *FRAMES) if c not in table]
    if missing:
        raise ValueError(f"{p}: missing column(s) {', '.join(missing)}")
    for f in FRAMES:
        table[f] = pd.to_numeric(table[f], errors="raise").astype(int)
    return table


def validate_annotations(path: str | os.PathLike, lexicon=None, *, n_boot: int = 2000,
                         seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Code a hand-coded annotation file with the lexicon and score the agreement.

    For sets of sentences outside the corpus, such as the held-out and development
    sets in ``corpus/annotations/`` (columns ``id, text, security, economy,
    multilateralism`` and optionally ``paragraph``, within which the context rule
    applies, as in ``discourse frames``).

    Parameters
    ----------
    path : path-like
        The annotation CSV (UTF-8).
    lexicon : Lexicon or path-like, optional
        Default: the project's lexicon.
    n_boot, seed, level
        As in :func:`validate` (percentile bootstrap over sentences).

    Returns
    -------
    pandas.DataFrame
        The table of :func:`validate` with a first column ``set`` (the file's stem).

    Raises
    ------
    FramingInputError, ValueError
        If the file cannot be read as coder input, or a frame column is missing or
        not 0/1.
    """
    p = Path(path)
    table = read_input(p)
    paras = table["paragraph"].tolist() if "paragraph" in table else [None] * len(table)
    rows = zip(table["id"].tolist(), table["text"].tolist(), paras)
    hand = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [f for f in FRAMES if f not in hand]
    if missing:
        raise ValueError(f"{p}: missing hand-code column(s) {', '.join(missing)}")
    for f in FRAMES:
        if not hand[f].isin(["0", "1"]).all():
            raise ValueError(f"{p}: column {f!r} must hold 0 or 1 in every row")
        hand[f] = hand[f].astype(int)
    codes = pd.DataFrame([(c.id, *(getattr(c, f) for f in FRAMES)) for c in
                          iter_codes(rows, lexicon)], columns=["id", *FRAMES])
    table = validate(codes, hand[["id", *FRAMES]], n_boot=n_boot, seed=seed, id_col="id",
                     level=level)
    return table.assign(set=p.stem)[["set", *table.columns]]


# --------------------------------------------------------------------------- shares

def wilson_interval(k, n, level: float = 0.95):
    """Wilson (1927) score interval for a proportion k/n; returns ``(low, high)``.

    Examples
    --------
    >>> [round(x, 4) for x in wilson_interval(0, 10)]
    [0.0, 0.2775]
    """
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    z = _z(level)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    low = np.clip(np.minimum(centre - half, p), 0.0, 1.0)
    high = np.clip(np.maximum(centre + half, p), 0.0, 1.0)
    return (float(low), float(high)) if low.ndim == 0 else (low, high)


def _z(level):
    from scipy.stats import norm

    if not 0 < level < 1:
        raise ValueError(f"level {level!r} must be between 0 and 1")
    return _Z95 if level == 0.95 else float(norm.ppf((1 + level) / 2))


def newcombe_interval(k1, n1, k0, n0, level: float = 0.95):
    """Newcombe (1998, method 10) hybrid score CI for p1 - p0; returns ``(low, high)``.

    Examples
    --------
    >>> [round(x, 4) for x in newcombe_interval(56, 70, 48, 80)]  # Newcombe's example
    [0.0524, 0.3339]
    """
    l1, u1 = wilson_interval(k1, n1, level)
    l0, u0 = wilson_interval(k0, n0, level)
    p1, p0 = k1 / n1, k0 / n0
    d = p1 - p0
    return (float(d - math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2)),
            float(d + math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)))


def word_counts(sentences: pd.DataFrame, *, id_col: str = "sentence_id",
                text_col: str = "text") -> pd.DataFrame:
    """Words per sentence, by :func:`discourse.preprocess.count_words` (the package's one
    definition of a word, shared with :func:`discourse.corpus.describe`)."""
    n = [preprocess.count_words(x) for x in sentences[text_col]]
    return pd.DataFrame({id_col: sentences[id_col].to_numpy(), "n_words": n})


def _merged(codes, sentences, id_col="sentence_id"):
    missing = [c for c in (id_col, "year", "text") if c not in sentences]
    if missing:
        raise ValueError(f"sentences table lacks column(s) {', '.join(missing)}")
    meta = sentences.drop(columns=[c for c in (*FRAMES, "evidence", "n_words") if c in sentences])
    m = meta.merge(codes[[id_col, *FRAMES]], on=id_col, how="inner", validate="one_to_one")
    if len(m) != len(codes):
        raise ValueError("some coded sentences are not in the sentences table")
    return m.merge(word_counts(m, id_col=id_col), on=id_col)


def frame_shares(codes: pd.DataFrame, sentences: pd.DataFrame, *, by: str = "year",
                 level: float = 0.95) -> pd.DataFrame:
    """Share of sentences carrying each frame per group, with Wilson score CIs.

    Parameters
    ----------
    codes : DataFrame
        Frame codes (``sentence_id`` and the frames).
    sentences : DataFrame
        The sentences table (``sentence_id, year, text`` and ``by``).
    by : str
        Grouping column (default ``"year"``; e.g. ``"role"``).

    Returns
    -------
    DataFrame
        ``shares`` table: ``{by}, frame, n_sentences, n_frame, share, ci_low, ci_high,
        n_words, per_1000_words`` (frame-carrying sentences per 1,000 words), sorted.
    """
    m = _merged(codes, sentences)
    if by not in m:
        raise ValueError(f"by {by!r} is not a column of the sentences table")
    rows = []
    for g, part in m.groupby(by, sort=True):
        n = len(part)
        words = int(part["n_words"].sum())
        for f in FRAMES:
            k = int(part[f].sum())
            lo, hi = wilson_interval(k, n, level)
            rows.append({by: g, "frame": f, "n_sentences": n, "n_frame": k, "share": k / n,
                         "ci_low": float(lo), "ci_high": float(hi), "n_words": words,
                         "per_1000_words": 1000 * k / words if words else np.nan})
    return pd.DataFrame(rows)


def frame_differences(shares: pd.DataFrame, target=None, reference=None, *,
                      by: str = "year", level: float = 0.95) -> pd.DataFrame:
    """Differences of frame shares, target minus reference, with CI and test.

    Parameters
    ----------
    shares : DataFrame
        A ``shares`` table from :func:`frame_shares`.
    target, reference : optional
        Values of ``by``. Defaults: reference = the first (earliest), and every other
        value is a target (so any number of years gives one row per later year and
        frame). Needs at least two groups.

    Returns
    -------
    DataFrame
        ``frame, reference, target, share_reference, share_target, difference,
        ci_low, ci_high`` (Newcombe hybrid score), ``test`` ("Fisher exact, two-sided"),
        ``odds_ratio``, ``p_value``.
    """
    from scipy.stats import fisher_exact

    groups = sorted(shares[by].unique().tolist())
    if len(groups) < 2:
        raise ValueError(f"a comparison needs at least two values of {by!r}; "
                         f"the table has {groups}")
    for name, val in (("target", target), ("reference", reference)):
        if val is not None and val not in groups:
            raise ValueError(f"{name} {val!r} is not one of {groups}")
    reference = groups[0] if reference is None else reference
    targets = [g for g in groups if g != reference] if target is None else [target]
    if reference in targets:
        raise ValueError(f"target and reference are both {reference!r}")
    idx = shares.set_index([by, "frame"])
    rows = []
    for t in targets:
        for f in FRAMES:
            a, b = idx.loc[(t, f)], idx.loc[(reference, f)]
            k1, n1, k0, n0 = (int(a.n_frame), int(a.n_sentences), int(b.n_frame),
                              int(b.n_sentences))
            lo, hi = newcombe_interval(k1, n1, k0, n0, level)
            odds, p = fisher_exact([[k1, n1 - k1], [k0, n0 - k0]], alternative="two-sided")
            rows.append({"frame": f, "reference": reference, "target": t,
                         "share_reference": k0 / n0, "share_target": k1 / n1,
                         "difference": k1 / n1 - k0 / n0, "ci_low": lo, "ci_high": hi,
                         "test": "Fisher exact, two-sided", "odds_ratio": float(odds),
                         "p_value": float(p)})
    return pd.DataFrame(rows)


def _conclusion(lo, hi):
    return "rise" if lo > 0 else "fall" if hi < 0 else "no clear change"


_NON_BODY = ("question", "title", "lead")


def sensitivity(codes: pd.DataFrame, sentences: pd.DataFrame, hand: pd.DataFrame | None = None,
                *, target=None, reference=None, level: float = 0.95) -> pd.DataFrame:
    """Do the year differences hold with other choices? One row per variant and frame.

    Variants: ``lexicon, all sentences`` (the main result); ``lexicon, without
    questions, titles and leads``; and, when ``hand`` codes are given, the same two
    with hand codes instead of lexicon codes (on the hand-coded sentences).

    Returns
    -------
    DataFrame
        ``variant, codes, sentences, frame, reference, target, n_reference, n_target,
        share_reference, share_target, difference, ci_low, ci_high, p_value,
        conclusion`` ("rise"/"fall"/"no clear change": the Newcombe CI above, below or
        across 0) and ``holds`` (same conclusion as the main result).
    """
    variants = [("lexicon", "all", codes)]
    body = sentences[~sentences["role"].isin(_NON_BODY)] if "role" in sentences else None
    if body is not None:
        variants.append(("lexicon", "without questions, titles, leads", codes))
    if hand is not None:
        variants.append(("hand", "all", hand))
        if body is not None:
            variants.append(("hand", "without questions, titles, leads", hand))
    rows = []
    main = None
    for source, which, table in variants:
        sents = sentences if which == "all" else body
        sub = table[table["sentence_id"].isin(sents["sentence_id"])]
        sents = sents[sents["sentence_id"].isin(sub["sentence_id"])]
        diff = frame_differences(frame_shares(sub, sents, level=level), target, reference,
                                 level=level)
        sh = frame_shares(sub, sents, level=level).set_index(["year", "frame"])
        diff["variant"] = f"{source} codes, {which}"
        diff["codes"] = source
        diff["sentences"] = which
        diff["n_reference"] = [int(sh.loc[(r, f), "n_sentences"])
                               for r, f in zip(diff.reference, diff.frame)]
        diff["n_target"] = [int(sh.loc[(t, f), "n_sentences"])
                            for t, f in zip(diff.target, diff.frame)]
        diff["conclusion"] = [_conclusion(lo, hi) for lo, hi in zip(diff.ci_low, diff.ci_high)]
        if main is None:
            main = diff.set_index(["frame", "target"])["conclusion"]
        diff["holds"] = [c == main.loc[(f, t)] for c, f, t in
                         zip(diff.conclusion, diff.frame, diff.target)]
        rows.append(diff)
    cols = ["variant", "codes", "sentences", "frame", "reference", "target", "n_reference",
            "n_target", "share_reference", "share_target", "difference", "ci_low", "ci_high",
            "p_value", "conclusion", "holds"]
    return pd.concat(rows, ignore_index=True)[cols]


def cooccurrence(codes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """How often two frames share a sentence, overall and per year.

    Returns
    -------
    DataFrame
        ``year`` ("all" for the pooled row), ``frame_a, frame_b, n_sentences, n_a,
        n_both, share_of_sentences`` (n_both / n_sentences), ``share_of_a`` (n_both /
        n_a: of the sentences with frame a, the share that also carry b), with Wilson
        CIs ``ci_low, ci_high`` for ``share_of_a``.
    """
    m = _merged(codes, sentences)
    rows = []
    groups = [("all", m)] + [(str(y), p) for y, p in m.groupby("year", sort=True)]
    for label, part in groups:
        n = len(part)
        for a in FRAMES:
            na = int(part[a].sum())
            for b in FRAMES:
                both = int(((part[a] == 1) & (part[b] == 1)).sum())
                lo, hi = wilson_interval(both, na) if na else (np.nan, np.nan)
                rows.append({"year": label, "frame_a": a, "frame_b": b, "n_sentences": n,
                             "n_a": na, "n_both": both, "share_of_sentences": both / n,
                             "share_of_a": both / na if na else np.nan,
                             "ci_low": float(lo), "ci_high": float(hi)})
    return pd.DataFrame(rows)


def frames_by_role(codes: pd.DataFrame, sentences: pd.DataFrame,
                   level: float = 0.95) -> pd.DataFrame:
    """Frame shares by speaker role and year (Wilson CIs): the ``shares`` columns plus
    ``year`` and ``role``."""
    m = _merged(codes, sentences)
    out = []
    for y, part in m.groupby("year", sort=True):
        s = frame_shares(part[["sentence_id", *FRAMES]], part, by="role", level=level)
        s.insert(0, "year", y)
        out.append(s)
    return pd.concat(out, ignore_index=True)


def trajectory(codes: pd.DataFrame, sentences: pd.DataFrame, *, window: int = 15
               ) -> pd.DataFrame:
    """Frames along each text: a centred rolling share over ``window`` sentences.

    Returns
    -------
    DataFrame
        ``doc_id, year, position`` (1-based sentence order in the document),
        ``relative_position`` ((position - 0.5) / n), ``frame, coded`` (0/1),
        ``rolling_share`` (mean of ``coded`` over the centred window; shorter at the
        ends), ``window``.
    """
    if window < 1:
        raise ValueError(f"window {window!r} must be a positive integer")
    m = _merged(codes, sentences)
    rows = []
    for doc, part in m.groupby("doc_id", sort=False):
        part = part.reset_index(drop=True)
        n = len(part)
        for f in FRAMES:
            roll = part[f].rolling(window, center=True, min_periods=1).mean()
            rows.append(pd.DataFrame({
                "doc_id": doc, "year": part["year"], "position": np.arange(1, n + 1),
                "relative_position": (np.arange(1, n + 1) - 0.5) / n, "frame": f,
                "coded": part[f].astype(int), "rolling_share": roll, "window": window}))
    return pd.concat(rows, ignore_index=True).sort_values(
        ["year", "doc_id", "frame", "position"], ignore_index=True)


# --------------------------------------------------------------------------- speed

def benchmark(texts: list[str], *, repeat: int = 200, runs: int = 5, lexicon=None) -> dict:
    """Time frame coding against scikit-learn's ``CountVectorizer().fit`` on the same texts.

    The sentences are repeated ``repeat`` times. Each of ``runs`` rounds times both
    tasks on the same data, alternating which goes first (so that a slow spell of a
    shared machine hits both), and the ratio is computed within each round; the
    reported figures are medians over rounds. Frame coding is :func:`iter_codes`
    streaming the sentences with a fresh per-token cache each round (nothing is
    carried over from one round to the next); CountVectorizer uses its defaults.

    Parameters
    ----------
    texts : list of str
    repeat : int
        Copies of ``texts`` in the timed corpus (default 200).
    runs : int
        Timed rounds (default 5; the median is robust to one or two disturbed rounds).
    lexicon : Lexicon or path-like, optional

    Returns
    -------
    dict
        ``n_sentences, n_words`` (tokens of :data:`TOKEN_PATTERN` with a letter or
        digit), ``runs``, ``seconds_frames`` and ``seconds_countvectorizer`` (medians),
        ``ratio`` (median of the per-round wall-time ratios frames / CountVectorizer;
        the target is <= 2), ``ratio_min``, ``ratio_max``, ``ratio_cpu`` (median of
        the per-round ratios of process CPU time, less sensitive to other processes on
        a shared machine) and ``words_per_second`` (frame coding, median wall time).
    """
    from sklearn.feature_extraction.text import CountVectorizer

    if repeat < 1 or runs < 1:
        raise ValueError(f"repeat {repeat!r} and runs {runs!r} must be positive integers")
    data = list(texts) * repeat
    lex = _lexicon(lexicon)

    def frames():
        w0, c0 = time.perf_counter(), time.process_time()
        n = 0
        for _ in iter_codes(((i, t, None) for i, t in enumerate(data)), lex):
            n += 1
        return time.perf_counter() - w0, time.process_time() - c0, n

    def vectorizer():
        w0, c0 = time.perf_counter(), time.process_time()
        CountVectorizer().fit(data)
        return time.perf_counter() - w0, time.process_time() - c0

    fr, cv, ratios, cpu_ratios = [], [], [], []
    n = 0
    for r in range(runs):
        if r % 2:
            c, c_cpu = vectorizer()
            f, f_cpu, n = frames()
        else:
            f, f_cpu, n = frames()
            c, c_cpu = vectorizer()
        fr.append(f)
        cv.append(c)
        ratios.append(f / c)
        cpu_ratios.append(f_cpu / c_cpu)
    words = sum(sum(1 for t in _TOKEN_RE.findall(x) if preprocess.is_word(t))
                for x in texts) * repeat
    f_med = float(np.median(fr))
    return {"n_sentences": n, "n_words": words, "runs": runs, "seconds_frames": f_med,
            "seconds_countvectorizer": float(np.median(cv)),
            "ratio": float(np.median(ratios)), "ratio_min": float(min(ratios)),
            "ratio_max": float(max(ratios)), "ratio_cpu": float(np.median(cpu_ratios)),
            "words_per_second": words / f_med}
