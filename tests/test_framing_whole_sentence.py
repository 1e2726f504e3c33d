"""discourse.framing.whole_sentence: the rules that weigh a sentence's kept matches
together, here the size of the SCO (decision rule 12), on invented sentences."""

from __future__ import annotations

from discourse import framing
from framing_helpers import codes

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
