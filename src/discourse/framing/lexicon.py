"""The frame lexicon: read, validate and compile ``frames.yaml`` into a frozen :class:`Lexicon`.

The construct is the project's framing codebook, version 2 (``docs/codebook.md``); the
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

import dataclasses
import hashlib
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from discourse import paths
from discourse.lexicons import Lexicons, load_lexicons, safe_yaml
from discourse.framing import sections
from discourse.framing.sections import FRAMES, SECTIONS
from discourse.framing.states import States, locate_states, read_states, states_name
from discourse.framing.trie import build_trie
from discourse.text import TOKEN_RE, lemma, normalise

__all__ = [
    "FRAMES",
    "LEXICON_FILE",
    "CONTENT_SECTIONS",
    "PARTS",
    "SECTIONS",
    "LexiconError",
    "Entry",
    "Lexicon",
    "load_lexicon",
    "as_lexicon",
    "states_path",
]

#: Default lexicon file name under :func:`discourse.paths.lexicon_dir`.
LEXICON_FILE = "frames.yaml"
#: Sections whose entries are content (frame words, names, neutral words); the entries
#: of every other section are rule words, matched on demand (see :attr:`Lexicon.aux`).
CONTENT_SECTIONS = frozenset(FRAMES) | {"name", "body", "neutral"}
#: The trie each section's entries go to (see :attr:`Lexicon.parts`).
PARTS = MappingProxyType({
    **{s: "main" for s in CONTENT_SECTIONS},
    **{s: "main" for s in ("list_head", "attend_after", "attend_before", "measure_head",
                           "cite_open", "backdrop_open", "hazard", "history", "body_start",
                           "xsec", "manner_open", "internal_open", "public_domain",
                           "money_purpose", "context", "context_noun", "event_trigger",
                           "event_ref")},
    "relation": "relations", "commitment": "commitments",
})


class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Entry:
    """One lexicon entry.

    Attributes
    ----------
    section : str
        A frame name, or the rule section it belongs to: ``"name"``, ``"body"``,
        ``"neutral"``, ``"list_head"``, ``"attend_after"``, ``"attend_before"``,
        ``"measure_head"``, ``"cite_open"``, ``"backdrop_open"``, ``"hazard"``,
        ``"xsec"``, ``"manner_open"``, ``"commitment"``, ``"money_purpose"``,
        ``"context"``, ``"event_trigger"``, ``"event_ref"`` or ``"relation"``.
    frame : str or None
        The frame the entry carries (``None`` for rule entries).
    term : str
        The entry as written.
    clause : str
        The codebook clause it implements.
    kind : str
        The group's ``kind`` (``"threat"``, ``"principle"``, ``"role"``, ``"money"``)
        or, for event entries, the event kind; ``""`` otherwise.
    """

    section: str
    frame: str | None
    term: str
    clause: str
    kind: str = ""


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
    states : States or None
        States and their membership (the ``states`` section's file).
    settings : mapping
        The rule settings of the file's sections (see :mod:`discourse.framing.sections`).
    trie, vocabulary, patterns, prefixes
        The trie of the content entries (:data:`CONTENT_SECTIONS`), the keys it uses,
        its wildcard patterns and the function words that begin some entries (the
        trie starts at the first other word; see :func:`~discourse.framing.trie.build_trie`).
    parts : mapping
        ``{part: (trie, vocabulary, patterns, prefixes)}`` for the rule entries
        (:data:`PARTS`), each looked for only when it can change the result:
        ``rules`` when the sentence has frame words, may refer to its paragraph or to
        its document's event, or is a title or lead; ``relations`` when the sentence
        names a state; ``commitments`` when it cites a principle as a manner. Rule
        words are common words ("meeting", "support"), so a sentence pays only for the
        ones that can matter to it.
    """

    path: str
    entries: tuple
    trie: dict = field(repr=False)
    vocabulary: frozenset = field(repr=False)
    patterns: tuple = field(repr=False)
    spelling: Mapping = field(repr=False)
    money: frozenset = field(repr=False)
    settings: Mapping = field(repr=False)
    states: States | None = field(default=None, repr=False)
    lemma_overrides: Mapping = field(default_factory=dict, repr=False)
    sha256: str = field(default="", repr=False)
    parts: Mapping = field(default_factory=dict, repr=False)
    prefixes: Mapping = field(default_factory=dict, repr=False)
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def memo(self, name: str, factory=dict, *args):
        """An object private to this lexicon, made by ``factory(*args)`` on first use.

        Parameters
        ----------
        name : str
            The memo's name (one object per name and lexicon object).
        factory : callable
            Makes the object (e.g. the matcher's caches,
            :class:`~discourse.framing.matcher.Caches`).

        Returns
        -------
        object
            The same object at every call with ``name``; it lives and dies with the
            lexicon object and is never pickled, compared or copied.
        """
        found = self._memo.get(name)
        return self._memo.setdefault(name, factory(*args)) if found is None else found

    def __getattr__(self, name):            # settings read as attributes
        try:
            return self.__dict__["settings"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def context_mode(self) -> str:
        return self.settings.get("context_mode", "union")

    @property
    def changelog(self) -> tuple:
        return self.settings.get("changelog", ())

    def __reduce__(self):
        # read-only mappings cannot be pickled: rebuild from plain values, so that a
        # Lexicon can be sent to worker processes (joblib, Dask) as it is
        plain = {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)
                 if f.init}
        return (_rebuild, (plain,))

    def n_entries(self, section: str | None = None) -> int:
        """Number of entries (of one section, e.g. ``"security"`` or ``"name"``)."""
        return sum(1 for e in self.entries if section is None or e.section == section)

    def word_key(self, word: str) -> str:
        """The key of one word of a text on its lemma: British spelling of the lemma."""
        low = word.lower()
        lem = lemma(low, self.lemma_overrides) if low[:1].isalpha() else low
        return self.spelling.get(lem, lem)

    def provenance(self) -> dict:
        """What a result table records of the lexicon it was coded with: file, entries,
        sha256, organisation (``bodies.prefixes``) and its states file (name, sha256)."""
        out = {"path": Path(self.path).name, "entries": len(self.entries), "sha256": self.sha256,
               "organisation": sorted(self.settings.get("body_prefixes", ()))}
        if self.states is not None:
            out["states"] = {"path": states_name(self.states.path, self.path),
                             "sha256": self.states.sha256}
        return out


def _plain(value):
    """``value`` with every read-only mapping made a dict (recursively)."""
    if isinstance(value, (MappingProxyType, dict)):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


def _rebuild(plain: dict) -> "Lexicon":
    plain = dict(plain)
    plain["settings"] = MappingProxyType(plain["settings"])
    plain["prefixes"] = MappingProxyType(plain["prefixes"])
    plain["parts"] = MappingProxyType({k: (t, v, p, MappingProxyType(pre))
                                       for k, (t, v, p, pre) in plain["parts"].items()})
    return Lexicon(**plain)


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


def _term_keys(term: str, spelling: Mapping, overrides: Mapping, memo: dict) -> tuple:
    """Keys of an entry's words, each white-space separated chunk's keys computed once
    per ``memo`` (a wildcard or exact word is one token)."""
    keys: tuple = ()
    for chunk in normalise(term).split():
        if (got := memo.get(chunk)) is None:
            words = [chunk] if "*" in chunk or chunk.startswith("=") else TOKEN_RE.findall(chunk)
            got = memo[chunk] = tuple(_word_key(w, spelling, overrides) for w in words)
        keys += got
    return keys


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
        data = safe_yaml(text)
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        _fail(path, f"is not valid YAML ({first})")
    if not isinstance(data, dict):
        _fail(path, "must be a mapping with a 'frames' section")
    spelling = _spelling(path, data.get("spelling"), lexicons.spelling)
    overrides = lexicons.lemma_overrides

    entries: list[Entry] = []
    keyseqs: list[tuple] = []

    word_keys: dict = {}

    def keys_of(term):
        return _term_keys(term, spelling, overrides, word_keys)

    compiled: set = set()

    def add(section, frame, term, clause, kind=""):
        keys = keys_of(term)
        if not keys:
            _fail(path, f"entry {term!r} has no words")
        # a form that folds to the keys of an entry already compiled with the same
        # section, frame, clause and kind ("crimes" after "crime", "met" after "meet")
        # matches exactly the same tokens: compiled once, it finds each match once
        same = (section, frame, keys, clause, kind)
        if same in compiled:
            return
        compiled.add(same)
        entries.append(Entry(section, frame, term, clause, kind))
        keyseqs.append(keys)

    settings = sections.parse(data, add, lambda problem: _fail(path, problem), keys_of)
    parts = {part: build_trie((i, k) for i, (e, k) in enumerate(zip(entries, keyseqs))
                              if PARTS[e.section] == part)
             for part in sorted(set(PARTS.values()))}
    main = parts.pop("main")
    money_keys = settings.pop("money_keys", frozenset())
    money_ids = frozenset(i for i, (e, k) in enumerate(zip(entries, keyseqs))
                          if e.section == "economy" and (k in money_keys or e.kind == "money"))

    ids: dict = {}                # (section, keys) -> the ids of its entries
    for i, (e, ks) in enumerate(zip(entries, keyseqs)):
        ids.setdefault((e.section, ks), []).append(i)

    def ids_of(section: str, keys) -> frozenset:     # of its entries with those keys
        return frozenset(sorted(i for ks in keys for i in ids.get((section, ks), ())))

    economy = {ks for e, ks in zip(entries, keyseqs) if e.section == "economy"}
    for phrase, words in settings.get("xsec_pairs", {}).values():
        if inert := sorted(words[w] for w in words.keys() - economy):   # would block nothing
            _fail(path, f"x_security pair {phrase!r}: no economy entry is {', '.join(inert)} "
                        "(write each word as its entry is written)")
    if "xsec_pairs" in settings:     # each phrase's words as the ids of their economy entries
        settings["xsec_pairs"] = {k: ids_of("economy", words)
                                  for k, (_, words) in settings["xsec_pairs"].items()}
    for key, section in (("history_blocks", "security"), ("xsec_economic", "economy")):
        if key in settings:
            settings[key] = ids_of(section, settings[key])
    settings["entry_keys"] = tuple(keyseqs)
    states = None
    if "states_file" in settings:
        sp = _states_file(path, settings["states_file"])
        states = read_states(sp, lambda t: TOKEN_RE.findall(normalise(t)))
    return Lexicon(path=str(path), entries=tuple(entries), trie=main[0],
                   vocabulary=main[1], patterns=main[2], prefixes=main[3], spelling=spelling,
                   money=money_ids, settings=MappingProxyType(settings), states=states,
                   lemma_overrides=overrides, sha256=hashlib.sha256(raw).hexdigest(),
                   parts=MappingProxyType(parts))


def _states_file(path, name: str) -> Path:
    found = locate_states(path, name)
    if found is None:
        _fail(path, f"the states file {name!r} is neither beside it nor in "
                    f"{paths.lexicon_dir()}")
    return found


def states_path(lexicon: str | os.PathLike | None = None) -> Path | None:
    """The states file a lexicon file uses (:func:`~discourse.framing.states.
    locate_states`, warning as :func:`load_lexicon` does), ``None`` if it names none;
    ``FileNotFoundError`` or :class:`LexiconError` as :func:`load_lexicon`."""
    import yaml

    p = paths.lexicon_path(LEXICON_FILE, lexicon)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: lexicon file not found")
    try:
        data = safe_yaml(p.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        _fail(p, f"is not UTF-8 YAML ({str(exc).splitlines()[0] if str(exc) else exc!r})")
    states = data.get("states") if isinstance(data, dict) else None
    if not states:
        return None
    name = states.get("file", "states.csv") if isinstance(states, dict) else "states.csv"
    return _states_file(p, name)


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
        Compiled into a trie of token keys. Forms of one group that fold to the same
        keys ("crime", "crimes"; "meet", "met") are compiled as one entry, the first
        listed. The file is read on every call: keep the returned object and pass it on.
        Its states file (``states: file:``) is read from beside it, else, with a
        ``UserWarning`` naming both paths, from :func:`discourse.paths.lexicon_dir`.

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
