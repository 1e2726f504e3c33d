"""discourse.framing.states: membership at a date, mentions, and errors in the file."""

from __future__ import annotations

import pytest

from discourse.framing.states import States, StatesError, read_states
from discourse.text import fast_tokens


def _write(tmp_path, text):
    p = tmp_path / "states.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_membership_by_date_and_by_year(tmp_path):
    p = _write(tmp_path, "# comment\nstate,names,adjectives,member_from,capitals\n"
                         "Iran,Iran|Islamic Republic of Iran,Iranian,2023-07-04,Tehran\n"
                         "Mongolia,Mongolia,Mongolian,,Ulaanbaatar\n"
                         "China,China,Chinese,2001-06-15,Beijing\n")
    s = read_states(p, fast_tokens)
    assert [s.is_member("Iran", d) for d in ("2023-07-03", "2023-07-04", "2022", "2023")] \
        == [False, True, False, True]
    assert not s.is_member("Mongolia", "2025") and s.is_member("Iran", None)
    # the longest form wins; capitals stand for the state; founders are not looked for
    assert s.find(fast_tokens("The Islamic Republic of Iran and Tehran agreed.")) == \
        [(1, 5, "Iran", False), (6, 7, "Iran", False)]
    assert s.find(fast_tokens("Mongolian and Chinese experts met in Beijing.")) == \
        [(0, 1, "Mongolia", True)]


@pytest.mark.parametrize("text, problem", [
    ("state,names\nIran,Iran\n", r"missing column\(s\) adjectives, member_from"),
    ("state,names,adjectives,member_from\n,Iran,,\n", "row 2: empty state"),
    ("state,names,adjectives,member_from\nIran,Iran,,July 2023\n", "is not a date"),
    ("state,names,adjectives,member_from\nIran,Iran,,2023-07-04\nX,X,,2023-13-01\n",
     r"row 3: member_from: date '2023-13-01' is not a date \(month must be in 1\.\.12\)"),
])
def test_bad_states_file_names_the_problem(tmp_path, text, problem):
    with pytest.raises(StatesError, match=problem):
        read_states(_write(tmp_path, text), fast_tokens)


def test_missing_states_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="states file not found"):
        read_states(tmp_path / "nope.csv", fast_tokens)


def test_states_value_is_frozen():
    s = States("x", {"A": ""}, {("A",): ("A", False)}, 1, frozenset({"A"}))
    with pytest.raises(Exception):
        s.path = "y"
