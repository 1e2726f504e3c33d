"""A person's office (discourse.framing.offices): the words that say who a person is carry
no security or economy (decision rule 13); the sentence's own subject still counts."""

from __future__ import annotations

import pytest

from discourse.framing.offices import LONGEST, office_heads, office_spans
from framing_helpers import assert_lexicon_error, blocked, codes

HEADS = office_heads(["chairman", "vice president", "head", "director general",
                      "member of the board"])


@pytest.mark.parametrize("text, expected", [
    # after "by" (or "by the"), to the end of the clause
    ("chaired by Vice President of China Development Bank Liu Jianhua and attended by heads",
     [(2, 10)]),
    ("chaired by the Chairman of the Board of RSK Bank Nurlan Asanaliev .", [(3, 12)]),
    # after a capitalised name and a comma, to the comma, the stop or a relative word
    ("opened by Artur Melkonyan , Member of the Board for Macroeconomics , and others",
     [(5, 11)]),
    ("Aleksei Gorin , head of the economic department , who said that trade grew .",
     [(3, 8)]),
    # "and" before a capitalised word stays inside the office
    ("chaired by Chairman of the Committee on Trade and Industry Ivanov .", [(2, 11)]),
    # no office: not after "by" or a name and a comma
    ("The head of state said that trade grew .", []),
    ("trade , head of the list", []),
    ("The Chairman of the Board thanked the banks .", []),
])
def test_offices_run_from_their_head_to_the_end_of_their_clause(text, expected):
    assert office_spans(text.split(), HEADS) == expected


def test_an_office_runs_over_at_most_the_longest_span():
    toks = ["chaired", "by", "Chairman"] + ["of"] * (2 * LONGEST)
    assert office_spans(toks, HEADS) == [(2, 2 + LONGEST)]


def test_heads_are_looked_up_by_their_first_word_in_either_case_longest_first():
    heads = office_heads(["Head", "head of department", "vice president"])
    assert heads["head"] == heads["Head"] == (("head", "of", "department"), ("head",))
    assert heads["Vice"] == (("vice", "president"),)


def test_words_of_an_office_carry_no_security_or_economy(lex):
    assert blocked("The meeting was chaired by Vice President of China Development Bank Liu "
                   "Jianhua.", lex, "economy") == [
        "economy 'Bank' office of a person 'Vice President of China Development Bank Liu "
        "Jianhua'"]
    assert codes("The meeting was chaired by Rajesh Kumar Varma, Director General of the "
                 "Narcotics Control Bureau of India.", lex)[0] == 0
    assert codes("The round table was moderated by Aleksei Gorin, head of the "
                 "Secretariat's economic department.", lex)[1] == 0
    # what the sentence says outside the office counts
    assert codes("Aleksei Gorin, head of the economic department, said that mutual trade "
                 "grew by a fifth.", lex)[1] == 1
    assert codes("The Chairman of the Board of the bank presented a plan to finance "
                 "industrial projects.", lex)[1] == 1
    # names of external organisations in an office still count for multilateralism
    assert codes("The session was opened by Ivan Petrov, Director of the UN Office on "
                 "Drugs and Crime.", lex) == (0, 0, 1)


def test_the_section_needs_its_heads(tmp_path):
    assert_lexicon_error(tmp_path, lambda data: data["offices"].pop("heads"), r"offices\.heads")
