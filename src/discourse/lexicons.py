"""The researcher-edited word lists, read into one immutable :class:`Lexicons` value.

The lists are data, not code: plain files in ``corpus/lexicons/`` (or the directory
named by ``$DISCOURSE_LEXICONS``, read when :func:`load_lexicons` is called), each with
the reason for every choice beside it:

========================  ==========================================================
``stopwords.txt``          stop words in documented groups (``# group: NAME - why``)
``spelling.csv``           American to British spelling (``american, british, why``):
                           the one spelling table, used by the analysis terms and by
                           the frame matcher
``variants.csv``           name variants (``variant, canonical, why``)
``phrases.txt``            multiword expressions kept as one term
``lemma_overrides.csv``    lemmas that override the dictionary (optional file)
``term_families.yaml``     families of terms counted together (optional file)
========================  ==========================================================

The ``load_*`` functions read one list from its file (default: the lexicon directory) each
time they are called; the old entry points, also available from :mod:`discourse.preprocess`.

A :class:`Lexicons` is read once and passed to the functions that need it; its
contents cannot be changed (frozensets, tuples and read-only mappings). Nothing is
cached at module level: call :func:`load_lexicons` again to see an edited file. Each
object carries a private memo (see :meth:`Lexicons.memo`) so that look-ups computed
from it (matching keys, compiled phrase matchers) are computed once per object.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import os
import re
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from discourse import paths

__all__ = [
    "FILES",
    "Lexicons",
    "load_lexicons",
    "read_stopword_groups",
    "read_spelling",
    "read_variants",
    "read_phrases",
    "read_lemma_overrides",
    "read_term_families",
    "safe_yaml",
    "load_stopwords",
    "stopword_groups",
    "load_spelling",
    "load_variants",
    "load_phrases",
    "load_lemma_overrides",
]

#: File of each list under the lexicon directory.
FILES = MappingProxyType({
    "stopword_groups": "stopwords.txt",
    "spelling": "spelling.csv",
    "variants": "variants.csv",
    "phrases": "phrases.txt",
    "lemma_overrides": "lemma_overrides.csv",
    "term_families": "term_families.yaml",
})
_OPTIONAL = ("lemma_overrides", "term_families")
_GROUP = re.compile(r"^#\s*group:\s*([A-Za-z0-9_-]+)\s*(?:-\s*(.*))?$")


def _frozen(mapping: Mapping) -> MappingProxyType:
    return MappingProxyType(dict(mapping))


@dataclasses.dataclass(frozen=True)
class Lexicons:
    """The project's word lists, immutable (read with :func:`load_lexicons`).

    Attributes
    ----------
    stopword_groups : mapping of str to frozenset
        ``{group: words}`` from ``stopwords.txt``.
    spelling : mapping of str to str
        ``{american: british}`` from ``spelling.csv``.
    variants : mapping of str to str
        ``{variant as written: canonical term}`` from ``variants.csv``.
    phrases : tuple of str
        Multiword expressions from ``phrases.txt``, lower case, in file order.
    lemma_overrides : mapping of str to str
        ``{word: lemma}`` from ``lemma_overrides.csv`` (empty if there is none).
    term_families : mapping of str to mapping
        ``{family: {"why": str, "terms": tuple of str}}`` from ``term_families.yaml``
        (empty if there is none).
    directory : str or None
        The directory the lists were read from (provenance only).

    Two objects with the same contents compare equal.
    """

    stopword_groups: Mapping[str, frozenset] = dataclasses.field(default_factory=dict)
    spelling: Mapping[str, str] = dataclasses.field(default_factory=dict)
    variants: Mapping[str, str] = dataclasses.field(default_factory=dict)
    phrases: tuple = ()
    lemma_overrides: Mapping[str, str] = dataclasses.field(default_factory=dict)
    term_families: Mapping[str, Mapping] = dataclasses.field(default_factory=dict)
    directory: str | None = dataclasses.field(default=None, compare=False)
    _memo: dict = dataclasses.field(default_factory=dict, init=False, repr=False,
                                    compare=False)

    def __post_init__(self) -> None:
        for name in ("stopword_groups", "spelling", "variants", "lemma_overrides"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        object.__setattr__(self, "stopword_groups", _frozen(
            {g: frozenset(w) for g, w in self.stopword_groups.items()}))
        object.__setattr__(self, "phrases", tuple(self.phrases))
        object.__setattr__(self, "term_families", _frozen(
            {str(f): _frozen({"why": str(e["why"]), "terms": tuple(e["terms"])})
             for f, e in self.term_families.items()}))

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.spelling.items())), self.phrases,
                     tuple(sorted(self.variants.items())),
                     tuple(sorted(self.lemma_overrides.items())),
                     tuple(sorted(self.stopword_groups))))

    def __reduce__(self):
        # read-only mappings cannot be pickled: rebuild from plain values (worker
        # processes of joblib receive a Lexicons this way; the memo starts empty)
        plain = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.init}
        plain = {k: (dict(v) if isinstance(v, MappingProxyType) else v)
                 for k, v in plain.items()}
        plain["term_families"] = {f: dict(e) for f, e in self.term_families.items()}
        return (_rebuild, (plain,))

    def stopwords(self, groups: tuple[str, ...] | None = None,
                  exclude: tuple[str, ...] = ()) -> frozenset[str]:
        """Stop words of ``groups`` (default all) minus those of ``exclude``.

        Raises
        ------
        ValueError
            If a group name is not one of :attr:`stopword_groups`.
        """
        table = self.stopword_groups
        wanted = tuple(table) if groups is None else tuple(groups)
        for g in (*wanted, *exclude):
            if g not in table:
                raise ValueError(f"stop-word group {g!r} is not one of {sorted(table)}")
        out: set[str] = set()
        for g in wanted:
            if g not in exclude:
                out |= table[g]
        return frozenset(out)

    def memo(self, name: str, factory=dict, *args) -> dict:
        """A dictionary private to this object, for memoising look-ups computed from it
        (made by ``factory(*args)`` on first use, e.g. a bounded memo). The memo lives
        and dies with the object (or :meth:`forget`) and is never pickled; the lists
        cannot change, so whatever is computed from them stays valid."""
        found = self._memo.get(name)
        return self._memo.setdefault(name, factory(*args)) if found is None else found

    def forget(self) -> None:
        """Drop every :meth:`memo`: what is looked up again is computed again, the same."""
        self._memo.clear()

    def provenance(self) -> dict:
        """What a result table records about the lists it was built with: their
        directory, a sha256 over their contents, and their sizes."""
        content = json.dumps([sorted(map(sorted, self.stopword_groups.values())),
                              sorted(self.spelling.items()), sorted(self.variants.items()),
                              list(self.phrases), sorted(self.lemma_overrides.items()),
                              sorted((f, sorted(e["terms"]))
                                     for f, e in self.term_families.items())])
        return {"directory": Path(self.directory).name if self.directory else None,
                "sha256": hashlib.sha256(content.encode()).hexdigest(),
                "sizes": {"stopwords": sum(len(w) for w in self.stopword_groups.values()),
                          "spelling": len(self.spelling), "variants": len(self.variants),
                          "phrases": len(self.phrases),
                          "lemma_overrides": len(self.lemma_overrides),
                          "term_families": len(self.term_families)}}


def _rebuild(plain: dict) -> Lexicons:
    return Lexicons(**plain)


def load_lexicons(path: str | os.PathLike | None = None) -> Lexicons:
    """Read every word list of a lexicon directory into a :class:`Lexicons`.

    Parameters
    ----------
    path : path-like, optional
        The directory (default: :func:`discourse.paths.lexicon_dir`, i.e.
        ``$DISCOURSE_LEXICONS`` if set when this is called, else ``corpus/lexicons``).

    Raises
    ------
    FileNotFoundError
        If a required list is missing (``lemma_overrides.csv`` and
        ``term_families.yaml`` are optional).
    ValueError
        If a file is malformed; the message names the file.

    Examples
    --------
    >>> lex = load_lexicons()
    >>> lex.spelling["organization"], "member state" in lex.phrases
    ('organisation', True)
    >>> lex.spelling["x"] = "y"
    Traceback (most recent call last):
    TypeError: 'mappingproxy' object does not support item assignment
    """
    root = paths.lexicon_dir(path)
    readers = {"stopword_groups": read_stopword_groups, "spelling": read_spelling,
               "variants": read_variants, "phrases": read_phrases,
               "lemma_overrides": read_lemma_overrides,
               "term_families": read_term_families}
    values = {}
    for name, reader in readers.items():
        file = root / FILES[name]
        if name in _OPTIONAL and not file.exists():
            continue
        if not file.is_file():
            raise FileNotFoundError(f"{file}: lexicon file not found")
        values[name] = reader(file)
    return Lexicons(**values, directory=str(root))


def read_stopword_groups(path: str | os.PathLike) -> Mapping[str, frozenset[str]]:
    """Read ``stopwords.txt`` into ``{group: frozenset of words}`` (groups sorted).

    The file has one lower-case word per line; a line ``# group: NAME - why`` starts
    a group; other ``#`` lines and blank lines are comments.

    Raises
    ------
    ValueError
        If a word appears before the first group line.
    """
    groups: dict[str, set[str]] = {}
    current = None
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.strip()
            m = _GROUP.match(line)
            if m:
                current = m.group(1)
                groups.setdefault(current, set())
                continue
            if not line or line.startswith("#"):
                continue
            if current is None:
                raise ValueError(f"{path}, line {lineno}: word {line!r} before the first "
                                 "'# group: NAME - why' line")
            groups[current].add(line.lower())
    return _frozen({g: frozenset(w) for g, w in sorted(groups.items())})


def _read_csv(path, required: tuple[str, ...]) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#")]
    rows = list(csv.DictReader(lines))
    header = set(rows[0]) if rows else set(csv.DictReader(lines).fieldnames or [])
    if not set(required) <= header:
        raise ValueError(f"{path}: needs columns {', '.join(required)}")
    return rows


def read_spelling(path: str | os.PathLike) -> Mapping[str, str]:
    """Read ``spelling.csv`` (``american, british, why``) into ``{american: british}``."""
    rows = _read_csv(path, ("american", "british"))
    return _frozen({r["american"].strip().lower(): r["british"].strip().lower()
                    for r in rows if r["american"].strip()})


def read_variants(path: str | os.PathLike) -> Mapping[str, str]:
    """Read ``variants.csv`` (``variant, canonical, why``) into ``{variant: canonical}``.

    Variants keep their case as written: acronyms are written in capitals, because a
    token in capitals is not lemmatised when matched (``RATS`` stays ``rats``).
    """
    rows = _read_csv(path, ("variant", "canonical"))
    return _frozen({r["variant"].strip(): r["canonical"].strip().lower() for r in rows
                    if r["variant"].strip()})


def read_phrases(path: str | os.PathLike) -> tuple[str, ...]:
    """Read ``phrases.txt`` (one expression per line, ``  # why`` comments) as a tuple."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = line.split("#", 1)[0].strip().lower() if not line.lstrip() \
                .startswith("#") else ""
            if text:
                out.append(re.sub(r"\s+", " ", text))
    return tuple(dict.fromkeys(out))


def read_lemma_overrides(path: str | os.PathLike) -> Mapping[str, str]:
    """Read ``lemma_overrides.csv`` (columns ``word, lemma, why``) into ``{word: lemma}``."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if rows and not {"word", "lemma"} <= set(rows[0]):
        raise ValueError(f"{path}: needs columns 'word' and 'lemma'")
    return _frozen({r["word"].strip().lower(): r["lemma"].strip().lower() for r in rows})


def safe_yaml(text: str):
    """Parse YAML ``text`` into plain data with libyaml's ``CSafeLoader`` (about 20 times
    faster) or, without libyaml, ``SafeLoader``; ``yaml.YAMLError`` on a syntax error."""
    import yaml

    if getattr(yaml, "__with_libyaml__", False):
        return yaml.load(text, Loader=yaml.CSafeLoader)
    return yaml.load(text, Loader=yaml.SafeLoader)


def read_term_families(path: str | os.PathLike) -> Mapping[str, Mapping]:
    """Read ``term_families.yaml``: ``{family: {"why": str, "terms": (str, ...)}}``.

    Raises
    ------
    ValueError
        If the file is not UTF-8 YAML, is not a mapping, or a family has no
        ``terms`` list or no ``why``; the message names the file.
    """
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = safe_yaml(fh.read()) or {}
    except UnicodeDecodeError:
        raise ValueError(f"{path}: is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise ValueError(f"{path}: is not valid YAML ({first})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must be a mapping of family names to entries with "
                         f"'why' and 'terms', not a {type(data).__name__}")
    out = {}
    for name, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("terms"), list) \
                or not str(entry.get("why", "")).strip():
            raise ValueError(f"{path}: family {name!r} needs 'why' and a list of 'terms'")
        out[str(name)] = _frozen({"why": str(entry["why"]).strip(),
                                  "terms": tuple(str(t).strip().lower()
                                                 for t in entry["terms"])})
    return _frozen(out)


# --- one list at a time, from its file (the old entry points) ----------------------

def load_lemma_overrides(path: str | os.PathLike | None = None) -> Mapping[str, str]:
    """Read ``lemma_overrides.csv`` (columns ``word, lemma, why``): ``{word: lemma}``.

    Returns an empty mapping if the default file does not exist.
    """
    p = paths.lexicon_path("lemma_overrides.csv", path)
    if not p.exists():
        if path is not None:
            raise FileNotFoundError(f"{p}: lemma overrides file not found")
        return _frozen({})
    return read_lemma_overrides(p)


def stopword_groups(path: str | os.PathLike | None = None) -> Mapping[str, frozenset[str]]:
    """Read ``stopwords.txt`` into ``{group: frozenset of words}``.

    >>> "we" in stopword_groups()["pronouns"]
    True
    """
    return read_stopword_groups(paths.lexicon_path("stopwords.txt", path))


def load_stopwords(path: str | os.PathLike | None = None, *,
                   groups: tuple[str, ...] | None = None,
                   exclude: tuple[str, ...] = ()) -> frozenset[str]:
    """Return the stop words of ``groups`` (default all) minus those of ``exclude``.

    Examples
    --------
    >>> sw = load_stopwords(exclude=("pronouns",))
    >>> [w in sw for w in ["the", "we", "not", "must", "system"]]
    [True, False, False, False, False]
    """
    return Lexicons(stopword_groups=stopword_groups(path)).stopwords(groups, exclude)


def load_spelling(path: str | os.PathLike | None = None) -> Mapping[str, str]:
    """Read ``spelling.csv`` (``american, british, why``) into ``{american: british}``.

    Examples
    --------
    >>> sp = load_spelling()
    >>> sp["organization"], sp["favorable"], "size" in sp
    ('organisation', 'favourable', False)
    """
    return read_spelling(paths.lexicon_path("spelling.csv", path))


def load_variants(path: str | os.PathLike | None = None) -> Mapping[str, str]:
    """Read ``variants.csv`` (``variant, canonical, why``) into ``{variant: canonical}``.

    Examples
    --------
    >>> v = load_variants()
    >>> v["regional anti-terrorism structure"], v["coronavirus"]
    ('rats', 'covid-19')
    """
    return read_variants(paths.lexicon_path("variants.csv", path))


def load_phrases(path: str | os.PathLike | None = None) -> tuple[str, ...]:
    """Read ``phrases.txt`` (one expression per line, ``  # why`` comments) as a tuple.

    Examples
    --------
    >>> "member state" in load_phrases()
    True
    """
    return read_phrases(paths.lexicon_path("phrases.txt", path))
