"""Kinds of actor named side by side (discourse.framing.actors): an economic actor
coordinated with actors of other kinds names who takes part, not the sentence's subject."""

from __future__ import annotations

import pytest

from discourse.framing.actors import WINDOW, coordinated_with_others
from framing_helpers import assert_lexicon_error, blocked, codes

OTHERS = {"agencies", "experts", "media", "centres", "institutes", "citizen", "community",
          "governments", "citizens"}


@pytest.mark.parametrize("text, at, expected", [
    # an item of a list whose neighbour is another kind of actor, before or after it
    ("government agencies , business and research centres", 3, True),
    ("experts and representatives of business", 4, True),
    ("research institutes and technology companies", 4, True),
    ("every citizen , every community and every enterprise", 7, True),
    ("the media and the business community", 4, True),
    # no coordinator, a word that ends the list, or the other actor too far away
    ("cooperation with private technology companies", 4, False),
    ("experts spoke with business", 3, False),
    ("experts , to business", 3, False),
    ("the business community , the Business Council and the Interbank Consortium", 1,
     False),
    # the two sides of a relation; a new clause after the comma
    ("dialogue between governments and business", 4, False),
    ("foreign investors are returning , and citizens feel safe", 1, False),
])
def test_an_actor_is_coordinated_with_others_only_across_a_coordinator(text, at, expected):
    toks = text.split()
    assert coordinated_with_others(toks, at, at + 1, OTHERS) is expected


def test_the_neighbour_must_be_within_the_window():
    near = ["experts", "and"] + ["x"] * (WINDOW - 2) + ["business"]
    far = ["experts", "and"] + ["x"] * (WINDOW - 1) + ["business"]
    assert coordinated_with_others(near, len(near) - 1, len(near), OTHERS)
    assert not coordinated_with_others(far, len(far) - 1, len(far), OTHERS)


def test_an_actor_among_others_carries_no_economy(lex):
    assert codes("The Energy Club is a platform for dialogue among government agencies, "
                 "business and research centres.", lex)[1] == 0
    assert blocked("Its graduates work in government agencies, international organisations "
                   "and business.", lex, "economy") == [
        "economy 'business' one kind of actor among others"]
    # the same list with an economic subject is economy by that subject
    assert codes("Government agencies, business and research centres discussed trade "
                 "and investment.", lex)[1] == 1
    # business on its own, or among economic actors only, is economy
    assert codes("He invited Sri Lankan business circles to take part.", lex)[1] == 1
    assert codes("The Secretariat is ready to work with the business community and "
                 "the banks of the member states.", lex)[1] == 1
    # words that qualify the actor are no other actor: "public and private companies"
    assert codes("Public and private companies of the member states are invited to take "
                 "part in the tender.", lex)[1] == 1
    assert codes("The programme supports women and young entrepreneurs in rural areas.",
                 lex)[1] == 1
    # a list of actors in a sentence about finance or contracts is economy by those words
    assert codes("Companies and research centres of the member states signed 40 contracts "
                 "worth over 2 billion US dollars.", lex)[1] == 1
    assert codes("Women, young people and entrepreneurs were the main beneficiaries of the "
                 "microcredit programme.", lex)[1] == 1


def test_the_section_needs_both_lists(tmp_path):
    assert_lexicon_error(tmp_path, lambda data: data["actors"].pop("others"), r"actors\.others")
