"""States and their SCO membership: who is a non-member at the date of a text.

The codebook counts relations, meetings and joint events with non-member states as
multilateralism (MULTILATERALISM: "... and with non-member states"); observers and
dialogue partners are non-members. Whether a state is a member depends on the date:
India and Pakistan joined in 2017, Iran in 2023, Belarus in 2024. The table is data,
``corpus/lexicons/states.csv`` (``state, names, adjectives, member_from`` and optionally
``capitals``, which stand for the state: "Vientiane expressed interest"), read by
:func:`read_states` into a frozen :class:`States`. Forms are matched as written and, in
capitals, as a headline in capitals writes them ("AMBASSADOR OF BELARUS").

Dates: membership is judged at the precision of the text's date (:meth:`States.is_member`
compares the date with as many characters of ``member_from``), so a state counts as a
member for the whole day, month or year in which it joined. With Iran a member from
2023-07-04:

- ``YYYY-MM-DD``: a member from that day on (2023-07-03 and 2023-07-01: non-member;
  2023-07-04: member);
- ``YYYY-MM``: a member in the month it joined and after (2023-06: non-member; 2023-07:
  member, though the text may be of a day before the 4th);
- ``YYYY``: a member in the year it joined and after (2022: non-member; 2023: member;
  texts of that year that speak of the accession itself are multilateralism by the
  enlargement entries);
- no date: a member if the file gives it a ``member_from`` at all (the file's present
  membership, whatever that date).

A ``member_from`` written as ``YYYY`` or ``YYYY-MM`` counts from the first day of that
year or month.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import warnings
from dataclasses import dataclass, field
from itertools import compress, count
from pathlib import Path
from typing import Mapping

from discourse import paths
from discourse.checks import check_date
from discourse.framing.places import names_other, situation_of
from discourse.text import HYPHENS, hyphen_parts, printed

__all__ = ["StatesError", "StatesFileWarning", "States", "read_states", "locate_states",
           "states_name", "non_member_relations", "STATES_FILE", "NEAR"]

#: Default file name under :func:`discourse.paths.lexicon_dir`.
STATES_FILE = "states.csv"
#: The date the SCO was founded; its founding members are never looked for in texts.
FOUNDED = "2001-06-15"
#: A state counts when a word of relations is this many tokens from it or closer.
NEAR = 10
#: The ``adjective`` of a form that is both the state's name and its adjective ("Myanmar"):
#: the state when no lower-case word follows it ("the Ambassador of Myanmar", "Myanmar's"),
#: an adjective before one ("Myanmar artists", and, unavoidably, "Myanmar expressed").
BOTH = "both"
#: The three hyphens of :data:`discourse.text.HYPHENS`, tested one by one (no generator).
_H0, _H1, _H2 = HYPHENS


class StatesFileWarning(UserWarning):
    """A lexicon without its own states file uses the default folder's (the SCO's
    members), or a coding sheet's lock records no states file to check."""


_FIELDS = ("state", "names", "adjectives", "member_from")
_OPTIONAL = ("capitals",)


class StatesError(ValueError):
    """The states file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class States:
    """Names of states with the date each became an SCO member.

    Attributes
    ----------
    path : str
        The file it was read from.
    member_from : mapping
        ``{state: "YYYY-MM-DD" or ""}`` (empty: never a member).
    forms : mapping
        ``{token tuple: (state, is_adjective)}``: every name, capital and adjective,
        tokenised, case as written, and each also in capitals ("BELARUS", "ARAB STATES":
        headlines in capitals) when :func:`read_states` read them.
    longest : int
        Tokens of the longest form (the matcher looks no further).
    firsts : frozenset
        First tokens of the forms (a sentence without any is skipped at once).
    sha256 : str
        The sha256 of the file's bytes (part of the lexicon's identity:
        :meth:`discourse.framing.Lexicon.provenance`, the lock of a coding sheet).
    lengths : mapping
        ``{first token: lengths of its forms, longest first}`` (derived from ``forms``).
    """

    path: str
    member_from: Mapping = field(repr=False)
    forms: Mapping = field(repr=False)
    longest: int = 1
    firsts: frozenset = field(default=frozenset(), repr=False)
    sha256: str = field(default="", repr=False)
    lengths: Mapping = field(init=False, repr=False, compare=False)
    # the states that the parts of a hyphenated token name, per token (computed once)
    _parts: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        lengths: dict = {}
        for form in self.forms:
            lengths.setdefault(form[0], set()).add(len(form))
        object.__setattr__(self, "lengths", {t: tuple(sorted(ls, reverse=True))
                                             for t, ls in lengths.items()})
        object.__setattr__(self, "_parts", _Parts(self.forms))

    def is_member(self, state: str, date=None) -> bool:
        """Whether ``state`` was a member at ``date`` (see the module docstring).

        Examples
        --------
        >>> s = States("x", {"Iran": "2023-07-04"}, {}, 1)
        >>> [s.is_member("Iran", d) for d in ("2022", "2023", "2023-06-30", "2023-08-01", None)]
        [False, True, False, True, True]
        >>> [s.is_member("Iran", d) for d in ("2023-06", "2023-07", "2023-07-01")]  # month
        [False, True, False]
        """
        since = self.member_from.get(state, "")
        if not since:
            return False
        if date is None or str(date).strip() == "":
            return True
        date = str(date).strip()
        if len(date) == 4:
            return int(date) >= int(since[:4])
        return date >= since[:len(date)]

    def find(self, toks: list[str], tokset: set | None = None
             ) -> list[tuple[int, int, str, bool]]:
        """Every mention of a state in ``toks``: ``(start, end, state, adjective)``,
        longest first at each position, without overlaps (``tokset``: ``set(toks)``,
        when the caller has it; without it the list itself is scanned, which gives the
        same result without building a set).

        Examples
        --------
        >>> s = States("x", {}, {("Lao",): ("Laos", True), ("Lao", "PDR"): ("Laos", False)}, 2,
        ...            frozenset({"Lao"}))
        >>> s.find(["the", "Lao", "PDR", "and", "Lao", "people"])
        [(1, 3, 'Laos', False), (4, 5, 'Laos', True)]
        """
        out = []
        forms = self.forms
        tokset = toks if tokset is None else tokset     # only scanned: a list will do
        joined = "\x00".join(tokset)          # one scan for the (rare) hyphenated tokens
        # the tokens whose parts name a state (a look-up each, selected in C)
        named = [*compress(tokset, map(self._parts.__getitem__, tokset))] \
            if _H0 in joined or _H1 in joined or _H2 in joined else ()
        if self.firsts.isdisjoint(tokset) and not named:
            return out
        hyphened = [j for j, t in enumerate(toks) if t in named] if named else ()
        n, after, lengths, longest = len(toks), 0, self.lengths, self.longest
        # the tokens that can begin a form, left to right; one inside a mention is skipped;
        # of the lengths, only those of the forms that begin with the token are tried
        for i in compress(count(), map(self.firsts.__contains__, toks)):
            if i < after:
                continue
            for m in lengths.get(toks[i], ()):
                if m > n - i or m > longest:
                    continue
                got = forms.get(tuple(toks[i:i + m]))
                if got is not None:
                    after = i + m
                    if not names_other(toks, i, i + m):    # a sea, "US dollars"
                        out.append((i, i + m, *got))
                    break
        for j in hyphened:                      # "SCO-Mongolia", "Russia-Belarus talks"
            if not any(lo <= j < hi for lo, hi, _, _ in out):
                out += [(j, j + 1, *got) for got in self.parts(toks[j])]
        return sorted(out, key=lambda m: m[:2]) if hyphened else out

    def parts(self, token: str) -> tuple:
        """The ``(state, is_adjective)`` that the parts of a hyphenated token name as
        one-token forms ("SCO-Mongolia": Mongolia); empty for any other token.

        Examples
        --------
        >>> s = States("x", {}, {("Mongolia",): ("Mongolia", False)}, 1, frozenset({"Mongolia"}))
        >>> s.parts("SCO-Mongolia"), s.parts("Mongolia"), s.parts("well-known")
        ((('Mongolia', False),), (), ())
        """
        return self._parts[token]


class _Parts(dict):
    """``token -> States.parts(token)``, computed on first use (at most 65,536 kept: the
    memo is cleared when full, as a corpus has many tokens)."""

    def __init__(self, forms):
        super().__init__()
        self.forms = forms

    def __missing__(self, token: str) -> tuple:
        got = [self.forms.get((p,)) for p in hyphen_parts(token)]
        found = tuple(dict.fromkeys(g for g in got if g is not None))
        if len(self) >= 1 << 16:
            self.clear()
        self[token] = found
        return found


def locate_states(lexicon_file: str | os.PathLike, name: str = STATES_FILE) -> Path | None:
    """The states file ``name`` of a lexicon file: beside it (as frames.yaml says), else
    (with a ``UserWarning`` naming both paths) the one in
    :func:`discourse.paths.lexicon_dir`; ``None`` if neither exists.

    A lexicon folder without its own states file thus codes with the SCO's members
    (``corpus/lexicons/states.csv``): right for a variant of the SCO lexicon, wrong for
    another organisation's texts, hence the warning.
    """
    beside = Path(lexicon_file).parent / name
    if beside.is_file():
        return beside
    default = paths.lexicon_dir() / name
    if not default.is_file():
        return None
    warnings.warn(f"{lexicon_file}: its states file {beside} does not exist; using "
                  f"{default} instead (the members by date of that folder's "
                  "organisation: the SCO's in corpus/lexicons/); put the states file of "
                  "your texts' organisation beside the lexicon", StatesFileWarning,
                  stacklevel=3)
    return default


def states_name(states_file: str | os.PathLike, lexicon_file: str | os.PathLike) -> str:
    """How locks and provenance name a lexicon's states file: its file name where it is
    beside the lexicon, else its whole path (a fallback to another folder's members).

    Examples
    --------
    >>> states_name("/lex/states.csv", "/lex/frames.yaml")
    'states.csv'
    >>> states_name("/repo/corpus/lexicons/states.csv", "/lex/frames.yaml")
    '/repo/corpus/lexicons/states.csv'
    """
    sp = Path(states_file)
    return sp.name if sp.parent == Path(lexicon_file).parent else str(sp)


def read_states(path: str | os.PathLike, tokenize) -> States:
    """Read a states file (``#`` lines are comments).

    Parameters
    ----------
    path : path-like
    tokenize : callable
        Splits a name into tokens the way the coder splits sentences.

    Raises
    ------
    StatesError
        Naming the file and line: missing columns, an empty state, or a date that is
        not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: states file not found")
    raw = p.read_bytes()
    with io.StringIO(raw.decode("utf-8"), newline="") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [f for f in _FIELDS if f not in (reader.fieldnames or [])]
    if missing:
        raise StatesError(f"{p}: missing column(s) {', '.join(missing)}; expected "
                          f"{', '.join(_FIELDS)}")
    member_from, forms, written = {}, {}, []
    for lineno, row in enumerate(reader, start=2):
        state = (row["state"] or "").strip()
        since = (row["member_from"] or "").strip()
        if not state:
            raise StatesError(f"{p}, row {lineno}: empty state")
        if since:
            try:
                check_date(since)
            except ValueError as exc:
                raise StatesError(f"{p}, row {lineno}: member_from: {exc}") from None
        member_from[state] = since
        if since and since <= FOUNDED:
            continue                  # a founding member was never a non-member
        for col in ("names", "capitals", "adjectives"):
            for form in (row.get(col) or "").split("|"):
                key = tuple(tokenize(form.strip()))
                if not key:
                    continue
                written.append((key, form.strip()))
                if col == "adjectives" and forms.get(key) == (state, False):
                    forms[key] = (state, BOTH)   # "Myanmar": the name and the adjective
                else:
                    forms[key] = (state, col == "adjectives")
    for key, form in written:
        _add_capitals(forms, key, tuple(tokenize(form.upper())))
    longest = max((len(k) for k in forms), default=1)
    return States(str(p), member_from, forms, longest, frozenset(k[0] for k in forms),
                  hashlib.sha256(raw).hexdigest())


#: A form in capitals is added only if its first word has this many letters or more.
CAPITALS_MIN_LETTERS = 3


def _add_capitals(forms: dict, key: tuple, capitals: tuple) -> None:
    """Add the form ``key`` written in capitals (``capitals``, its tokens) to ``forms``,
    with the same value: a headline in capitals names the state as the text does
    ("AMBASSADOR OF BELARUS", "ARAB STATES"). A form already in capitals (an acronym,
    "UAE", "US") is unchanged; one whose first word has fewer than
    :data:`CAPITALS_MIN_LETTERS` letters, or whose capitals are another form as written,
    is not added, so that no short word in capitals ("IT", "US" as a pronoun) becomes a
    name it was not.

    Examples
    --------
    >>> forms = {("Belarus",): ("Belarus", False), ("US",): ("USA", False)}
    >>> _add_capitals(forms, ("Belarus",), ("BELARUS",))
    >>> _add_capitals(forms, ("US",), ("US",))
    >>> sorted(forms)
    [('BELARUS',), ('Belarus',), ('US',)]
    """
    if capitals != key and capitals and \
            sum(c.isalpha() for c in capitals[0]) >= CAPITALS_MIN_LETTERS:
        forms.setdefault(capitals, forms[key])


def non_member_relations(lex, toks, mentions, flags, date, labels_extra) -> bool:
    """Non-member states named with a word of relations: multilateralism evidence.

    ``mentions`` are :meth:`States.find`'s ``(lo, hi, state, adjective)`` in ``toks``;
    ``flags`` the span rules' flags of :func:`discourse.framing.rules.analyse`
    (``("relation", at)`` for a word of relations, ``("attendance", lo, hi, members)``
    for a list of participants). Appends a label per non-member state to
    ``labels_extra`` and returns whether there was one. A state counts when a word of
    relations is :data:`NEAR` tokens from it or closer, unless it stands in a list of
    participants that also names members (a guest in the list), or it is an adjective
    not followed by a word of ``state_actors`` ("Mongolian artists").
    """
    if not any(isinstance(f, tuple) and f[0] == "relation" for f in flags):
        return False
    # a list of participants that also names members (the words "member states", or a
    # state that is a member at the date) is a list: its non-members are guests in it
    members = [(lo, hi) for lo, hi, state, _ in mentions if lex.states.is_member(state, date)]
    zones = [(f[1], f[2]) for f in flags if isinstance(f, tuple) and f[0] == "attendance"
             and (f[3] or any(f[1] <= lo and hi <= f[2] for lo, hi in members))]
    near = [f[1] for f in flags if isinstance(f, tuple) and f[0] == "relation"]
    found = False
    actors = lex.settings.get("state_actors", frozenset())
    for lo, hi, state, adjective in mentions:
        if any(a <= lo and hi <= b for a, b in zones) or situation_of(toks, lo):
            continue
        if not any(lo - NEAR <= at <= hi + NEAR for at in near):
            continue
        if adjective == BOTH:         # an adjective before a word ("Myanmar artists")
            if hi < len(toks) and toks[hi].isalpha() and toks[hi].islower() \
                    and toks[hi] not in actors:
                continue
        elif adjective and (hi >= len(toks) or toks[hi].lower() not in actors):
            continue                  # "Mongolian artists" are not the state
        if not lex.states.is_member(state, date):
            when = "" if date is None else " in " + str(date)[:4]
            joins = str(lex.states.member_from.get(state, ""))[:4]
            if date is not None and len(str(date)) > 4 and joins == str(date)[:4]:
                when = " on " + str(date)         # joins later that year: the day says it
            label = f"{printed(toks[lo:hi])} (non-member{when})"
            if label not in labels_extra:
                labels_extra.append(label)
            found = True
    return found
