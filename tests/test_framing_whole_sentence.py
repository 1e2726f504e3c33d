"""discourse.framing.whole_sentence: the rules that weigh a sentence's kept matches
together (the size of the SCO, decision rule 12; no country alone against a hazard;
technology of public administration), on invented sentences."""

from __future__ import annotations

import pytest

from discourse import framing
from framing_helpers import assert_lexicon_error, blocked, codes

WEIGHT = ("The combined GDP of the member states accounts for about a quarter of the world "
          "economy, which gives the Organisation considerable weight in international "
          "affairs.")


def test_gdp_beside_the_weight_the_sentence_states_is_that_weight(lex):
    assert codes(WEIGHT, lex) == (0, 0, 1)
    assert "economy 'GDP' size given as evidence of weight" in framing.explain(
        WEIGHT, lex)["blocked"]
    # a size word in the same clause after the size match, too
    assert codes("The SCO countries are home to half of humanity and rich in natural "
                 "resources, and the Organisation plays a growing role in world affairs.",
                 lex)[1:] == (0, 1)


def test_gdp_without_a_stated_weight_or_beside_an_indicator_stays_economy(lex):
    # no other multilateralism: the size is an economic indicator (as before)
    assert codes("The combined GDP of the member states accounts for about a quarter of "
                 "the world economy.", lex) == (0, 1, 0)
    # an economic indicator beside it: economy stays, and so does the stated weight
    assert codes("The combined GDP and mutual trade of the member states account for a "
                 "quarter of the world economy, which gives the Organisation weight in "
                 "international affairs.", lex) == (0, 1, 1)
    # GDP in another clause than the size is an indicator of its own
    assert codes("The SCO accounts for a quarter of global GDP, cooperates with the UN, and "
                 "its members' GDP grew by five percent.", lex)[1:] == (1, 1)


def test_no_country_alone_against_a_hazard_is_no_call_on_the_international_community(lex):
    """Decision rule 6 with MULTILATERALISM's calls for collective action: that no country
    can face an epidemic, a disaster or a pest alone argues for neighbours' cooperation
    against a hazard, unless the sentence names a global scope."""
    assert blocked("Locust swarms easily cross national borders, so no country can control "
                   "them alone.", lex, "multilateralism") == [
        "multilateralism 'no country can' no country alone against a hazard, no global scope"]
    assert codes("The ministers stressed that no country can cope with large-scale "
                 "emergencies on its own.", lex)[2] == 0
    # a global scope, or no hazard at all: a call for collective action as before
    assert codes("The COVID-19 pandemic has shown that no country can cope with global "
                 "challenges alone.", lex)[2] == 1
    assert codes("No state can counter these threats alone.", lex) == (1, 0, 1)
    # "X security" named as such stays security (rule 5)
    assert codes("No country can ensure its health security on its own while new "
                 "pathogens cross borders.", lex) == (1, 0, 0)


def test_the_global_scope_words_are_a_list_or_an_error_naming_the_file(tmp_path):
    assert_lexicon_error(tmp_path, lambda data: data["hazards"].update({"global": "global"}),
                         r"hazards\.global")


def test_technology_as_a_tool_of_public_administration_is_not_economy(lex):
    """ECONOMY counts technology as economic activity: the digitalisation of courts, audit
    or public services is not, when technology words are the sentence's only economy."""
    assert blocked("Special attention was given to the digitalisation of judicial "
                   "proceedings.", lex, "economy") == [
        "economy 'digitalisation' technology of public administration"]
    assert codes("The sides highlighted the use of digital technologies in audit work.",
                 lex)[1] == 0
    assert codes("SCO conference on digital transformation and e-government held in "
                 "Tashkent", lex)[1] == 0
    # another economy word keeps it; no public-sector domain: economy as before
    assert codes("The digitalisation of customs procedures speeds up the clearance of "
                 "goods.", lex)[1] == 1
    assert codes("Digital technologies in public services and trade were discussed.",
                 lex)[1] == 1
    assert codes("The ministers discussed the digital transformation of industry.",
                 lex)[1] == 1
    assert codes("Special attention was given to the digitalisation of the member "
                 "states' economies.", lex)[1] == 1


@pytest.mark.parametrize("key", ["technology", "domains"])
def test_the_public_technology_section_needs_both_lists(tmp_path, key):
    assert_lexicon_error(tmp_path, lambda data: data["public_technology"].pop(key),
                         rf"public_technology\.{key}")
