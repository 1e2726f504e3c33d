"""discourse.framing: the concepts added in lexicon version 5, from the errors of the
coder on the fifth round of development texts (writer sets w16 and w17), each checked on
invented sentences both ways: the case it adds or removes, and the case it leaves alone.
"""

from __future__ import annotations

import pytest

from framing_helpers import codes


@pytest.mark.parametrize("text, expected", [
    # SECURITY: peace in the sense of the absence of armed conflict, in the usual lists
    ("The SCO will contribute to peace, stability and prosperity of the region.", (1, 0, 0)),
    ("We want a region of peace, security and good neighbourliness.", (1, 0, 0)),
    ("The festival was a celebration of peace and friendship.", (0, 0, 0)),
    # countering threats named as a field beside economic fields (rule 4), not a threat to
    # the economy (rule 6)
    ("The plan covers economic cooperation, transport and the fight against new threats.",
     (1, 1, 0)),
    ("Inflation, trade disputes and non-traditional threats test every economy.", (1, 1, 0)),
    ("High prices are a threat to economic growth.", (0, 1, 0)),
    # the production of drugs is security, not economy
    ("The production, trafficking and abuse of narcotic drugs remain a threat.", (1, 0, 0)),
    ("Industrial production grew by five percent.", (0, 1, 0)),
])
def test_security_peace_lists_threat_fields_and_drug_production(lex, text, expected):
    assert codes(text, lex) == expected


@pytest.mark.parametrize("text, expected", [
    # the humanitarian situation in Afghanistan is not the conflict
    ("The SCO is concerned about the humanitarian situation in Afghanistan.", (0, 0, 0)),
    ("The SCO is concerned about the situation in Afghanistan.", (1, 0, 0)),
    # the way an organisation has come is not a road; careful use of resources is the
    # environment, not an asset
    ("Since its founding the Organisation has travelled a long road.", (0, 0, 0)),
    ("A new road links the two capitals.", (0, 1, 0)),
    ("The parties support the rational use of natural resources.", (0, 0, 0)),
    ("The region is rich in natural resources and attracts investors.", (0, 1, 0)),
    # a unit's name and a heritage list are not relations with other organisations
    ("Heads of the international cooperation departments of the ministries met online.",
     (0, 0, 0)),
    ("The festival is included in the UNESCO list of intangible heritage.", (0, 0, 0)),
    ("The Secretariat signed a memorandum with UNESCO.", (0, 0, 1)),
    # the world economy is economy, not the international system (rule 3)
    ("The ministers discussed the situation in the world economy.", (0, 1, 0)),
    ("The ministers discussed the situation in the world.", (0, 0, 1)),
    # guests named before "were among the guests" are a list of participants
    ("Representatives of the media and the business community were among the guests.",
     (0, 0, 0)),
])
def test_what_is_not_the_frame_its_words_suggest(lex, text, expected):
    assert codes(text, lex) == expected


@pytest.mark.parametrize("text, expected", [
    # decision rule 5: a domain named as a field of cooperation counts as economy, also
    # "in the field of"; "energy transition" is economic content
    ("They stressed cooperation in the field of agriculture to ensure food security.",
     (1, 1, 0)),
    ("Modern agriculture is needed to ensure food security.", (1, 0, 0)),
    ("They discussed energy security and a balanced energy transition.", (1, 1, 0)),
    ("They discussed energy security in the region.", (1, 0, 0)),
])
def test_rule_5_fields_of_cooperation_and_energy_transition(lex, text, expected):
    assert codes(text, lex) == expected


@pytest.mark.parametrize("text, expected", [
    # rule 9: the SCO's attractiveness to other countries
    ("The number of countries wishing to cooperate with the SCO keeps growing.", (0, 0, 1)),
    ("What has made the SCO so attractive?", (0, 0, 1)),
    ("The city is attractive to tourists.", (0, 0, 0)),
    # rules 8 and 14: principles committed to
    ("The SCO is not directed against any third party.", (0, 0, 1)),
    ("The SCO is a platform for equal dialogue.", (0, 0, 1)),
    ("The ministers reaffirmed their commitment to the principles of the SCO Charter.",
     (0, 0, 1)),
    ("In line with the principles of the SCO Charter, the meeting was held in Minsk.",
     (0, 0, 0)),
])
def test_rules_8_9_and_14_standing_and_principles(lex, text, expected):
    assert codes(text, lex) == expected
