"""The frame lexicon: read, validate and compile ``frames.yaml`` into a frozen :class:`Lexicon`.

The construct is the project's framing codebook (``shared/framing-codebook.md``); the
lexicon that implements it is data, ``corpus/lexicons/frames.yaml``, where every entry
quotes the codebook clause it implements. How an entry's words are matched is
described in the file's header: each word on its lemma (:func:`discourse.text.lemma`
with the researcher's lemma overrides) or its lower-cased form, British and American
spellings made one by the project's one spelling table, ``spelling.csv``
(:attr:`discourse.lexicons.Lexicons.spelling`); ``UN`` (capitals) only as the
upper-case token; ``=word`` exactly; ``*`` a wildcard within one token.

A ``spelling:`` section in the YAML file is deprecated: its pairs (British to
American, the opposite direction) still apply, with a ``FutureWarning``; put new
pairs in ``spelling.csv``.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from discourse import paths
from discourse.lexicons import Lexicons, load_lexicons
from discourse.text import TOKEN_RE, lemma, normalise

__all__ = [
    "FRAMES",
    "LEXICON_FILE",
    "SECTIONS",
    "LexiconError",
    "Entry",
    "Lexicon",
    "load_lexicon",
    "as_lexicon",
]

#: The three frames of the codebook, in order.
FRAMES = ("security", "economy", "multilateralism")
#: Default lexicon file name under :func:`discourse.paths.lexicon_dir`.
LEXICON_FILE = "frames.yaml"
#: Sections a lexicon file may have.
SECTIONS = ("version", "codebook", "spelling", "frames", "names", "neutral", "money",
            "lists", "measures", "citations", "context", "changelog")


class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Entry:
    """One lexicon entry.

    Attributes
    ----------
    section : str
        A frame name, ``"name"``, ``"neutral"``, ``"list_head"``, ``"measure_head"``,
        ``"cite_open"`` or ``"context"``.
    frame : str or None
        The frame the entry carries (``None`` for rule entries).
    term : str
        The entry as written.
    clause : str
        The codebook clause it implements.
    """

    section: str
    frame: str | None
    term: str
    clause: str


@dataclass(frozen=True)
class Lexicon:
    """A compiled frame lexicon (see :func:`load_lexicon`).

    Attributes
    ----------
    path : str
        The file it was read from.
    entries : tuple of Entry
        All entries, in file order; their index is their id in the trie.
    trie : dict
        Token keys to child nodes; key ``None`` holds the ids of entries ending there.
    spelling, lemma_overrides : mapping
        The word lists token keys are computed with (see the module docstring).
    """

    path: str
    entries: tuple = field(repr=False)
    trie: dict = field(repr=False)
    vocabulary: frozenset = field(repr=False)
    patterns: tuple = field(repr=False)
    spelling: Mapping = field(repr=False)
    money: frozenset = field(repr=False)
    joiners: frozenset = field(repr=False)
    source_nouns: frozenset = field(repr=False)
    stops: frozenset = field(repr=False)
    context_mode: str = "union"
    changelog: tuple = field(default=(), repr=False)
    measure_joiners: frozenset = field(default=frozenset(), repr=False)
    measure_frame: str | None = None
    lemma_overrides: Mapping = field(default_factory=dict, repr=False)
    sha256: str = field(default="", repr=False)

    def n_entries(self, section: str | None = None) -> int:
        """Number of entries (of one section, e.g. ``"security"`` or ``"name"``)."""
        return sum(1 for e in self.entries if section is None or e.section == section)

    def word_key(self, word: str) -> str:
        """The key of one word of a text on its lemma: British spelling of the lemma."""
        low = word.lower()
        lem = lemma(low, self.lemma_overrides) if low[:1].isalpha() else low
        return self.spelling.get(lem, lem)

    def provenance(self) -> dict:
        """What a result table records about the lexicon it was coded with."""
        return {"path": Path(self.path).name, "entries": len(self.entries),
                "sha256": self.sha256}


def _fail(path, problem: str):
    raise LexiconError(f"{path}: {problem}")


def _word_key(word: str, spelling: Mapping, overrides: Mapping) -> str:
    """Key of one word of an entry (see the lexicon file's header)."""
    if "*" in word:
        return "*" + word.lower()
    if word.startswith("=") and len(word) > 1:
        return "=" + word[1:].lower()
    if len(word) > 1 and word.isupper() and any(c.isalpha() for c in word):
        return "^" + word
    low = word.lower()
    lem = lemma(low, overrides) if low[:1].isalpha() else low
    return spelling.get(lem, lem)


def _term_keys(term: str, spelling: Mapping, overrides: Mapping) -> tuple:
    words = []
    for chunk in normalise(term).split():
        if "*" in chunk or chunk.startswith("="):
            words.append(chunk)          # a wildcard or exact word is one token
        else:
            words += TOKEN_RE.findall(chunk)
    return tuple(_word_key(w, spelling, overrides) for w in words)


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


def _spelling(path, section, table: Mapping) -> Mapping:
    """The spelling table of the matcher: ``spelling.csv``, plus (deprecated) the
    inverted pairs of a ``spelling:`` section of the lexicon file."""
    if not section:
        return table
    if not isinstance(section, dict):
        _fail(path, "'spelling' must map a spelling to another")
    warnings.warn(f"{path}: the 'spelling' section is deprecated and will be removed; "
                  "put its pairs in spelling.csv (american,british,why)", FutureWarning,
                  stacklevel=4)
    extra = {str(v).lower(): str(k).lower() for k, v in section.items()}
    return {**extra, **table}


def _compile(path: str, lexicons: Lexicons) -> Lexicon:
    import yaml

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
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        _fail(path, f"unknown section(s) {', '.join(map(str, unknown))}; allowed: "
                    f"{', '.join(SECTIONS)}")
    frames = data.get("frames")
    if not isinstance(frames, dict) or not frames:
        _fail(path, "needs a 'frames' mapping with entries for "
                    f"{', '.join(FRAMES)}")
    bad = sorted(set(map(str, frames)) - set(FRAMES))
    if bad:
        _fail(path, f"unknown frame name(s) {', '.join(bad)}; allowed: {', '.join(FRAMES)}")
    spelling = _spelling(path, data.get("spelling"), lexicons.spelling)
    overrides = lexicons.lemma_overrides

    entries: list[Entry] = []
    keyseqs: list[tuple] = []

    def add(section, frame, term, clause):
        keys = _term_keys(term, spelling, overrides)
        if not keys:
            _fail(path, f"entry {term!r} has no words")
        entries.append(Entry(section, frame, term, clause))
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
        money_keys = frozenset(_term_keys(t, spelling, overrides)
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
        nouns = frozenset(_word_key(w, spelling, overrides) for w in
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
                   measure_joiners=m_joiners, measure_frame=m_frame,
                   lemma_overrides=overrides, sha256=hashlib.sha256(raw).hexdigest())


def load_lexicon(path: str | os.PathLike | None = None, *,
                 lexicons: Lexicons | None = None) -> Lexicon:
    """Read, validate and compile the frame lexicon.

    Parameters
    ----------
    path : path-like, optional
        A YAML lexicon (default: ``frames.yaml`` of :func:`discourse.paths.lexicon_dir`).
    lexicons : Lexicons, optional
        The word lists for spelling and lemma overrides (default: the project's,
        read now).

    Returns
    -------
    Lexicon
        Compiled into a trie of token keys. The file is read on every call: keep the
        returned object and pass it on.

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
    return _compile(str(p), load_lexicons() if lexicons is None else lexicons)


def as_lexicon(lexicon) -> Lexicon:
    """``lexicon`` if it is a :class:`Lexicon`; else :func:`load_lexicon` of a path or
    ``None`` (the project's lexicon)."""
    if lexicon is None or isinstance(lexicon, (str, os.PathLike)):
        return load_lexicon(lexicon)
    if isinstance(lexicon, Lexicon):
        return lexicon
    raise ValueError(f"lexicon {lexicon!r} is not a Lexicon, a path or None")
