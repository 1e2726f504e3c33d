"""discourse.framing: the concepts added in lexicon version 5, from the errors of the
coder on the fifth round of development texts (writer sets w16 and w17), each checked on
invented sentences both ways: the case it adds or removes, and the cases it must leave
alone (among them the misfires a review of the first draft of version 5 found).
"""

from __future__ import annotations

import pytest

from discourse import framing
from framing_helpers import codes


#: Invented sentences and the codes the codebook gives them, by the concept of version 5
#: they test (each both ways: what the entry adds or removes, and what it must leave).
CASES = [
    # --- security: threats named as a field, denied threats, Afghanistan ---
    # countering threats named as a field beside economic fields (rule 4), not a threat to
    # the economy (rule 6)
    ("The plan covers economic cooperation, transport and the fight against new threats.",
     (1, 1, 0)),
    ("High prices are a threat to economic growth.", (0, 1, 0)),
    # rule 6 still holds: a pandemic or a disaster called a threat is not security
    ("The pandemic and natural disasters are non-traditional threats to our peoples.",
     (0, 0, 0)),
    # ... nor is countering "new threats" that are an epidemic or a disaster
    ("The health ministers shared their experience in combating new threats such as "
     "COVID-19 and other infectious diseases.", (0, 0, 0)),
    ("Countering new threats such as drought and desertification was the focus of the "
     "meeting of heads of emergency agencies.", (0, 0, 0)),
    # a threat denied is none; the Afghan question is the conflict
    ("Our cooperation is not directed against any third party and threatens no one.",
     (0, 0, 1)),
    ("The SCO poses no threat to anyone.", (0, 0, 0)),
    # public health beside a threat to the region is not a hazard that makes it none
    ("Instability in Afghanistan threatens the public health system of neighbouring "
     "states.", (1, 0, 0)),
    ("The parties agreed to cooperate in countering new threats and in public health.",
     (1, 0, 0)),
    ("The Afghan question was discussed in detail.", (1, 0, 0)),
    # peace as harmony between peoples, in a cultural register, is not security
    ("The festival is a contribution to peace and mutual understanding between peoples.",
     (0, 0, 0)),
    ("Sport contributes to peace and harmony between nations.", (0, 0, 0)),
    # --- what is not the frame its words suggest ---
    # the humanitarian situation in Afghanistan is not the conflict
    ("The SCO is concerned about the humanitarian situation in Afghanistan.", (0, 0, 0)),
    ("The SCO is concerned about the situation in Afghanistan.", (1, 0, 0)),
    # the way an organisation has come is not a road; a road being built or driven is
    ("Since its founding the Organisation has travelled a long road.", (0, 0, 0)),
    ("Lorries travel a long road through the Pamirs to the new market.", (0, 1, 0)),
    ("Builders have covered a long road between Osh and Irkeshtam with new asphalt.",
     (0, 1, 0)),
    ("Construction of a long road across the mountains began in May.", (0, 1, 0)),
    ("A 300-km long road will connect Kashgar and Osh.", (0, 1, 0)),
    # careful use of resources is the environment, not an asset
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
    # an event before a list of guests is not part of the list
    ("During the joint anti-terrorist exercise in Orenburg, defence attaches of the SCO "
     "countries were among the guests.", (1, 0, 0)),
    # --- decision rule 5 ---
    # decision rule 5: a domain named as a field of cooperation counts as economy, also
    # "cooperation in the field of", but not the domain word of the "X security" that is
    # the field; "energy transition" (a change of energy production) is economy
    ("They stressed cooperation in the field of agriculture to ensure food security.",
     (1, 1, 0)),
    ("Modern agriculture is needed to ensure food security.", (1, 0, 0)),
    ("They discussed energy security and a balanced energy transition.", (1, 1, 0)),
    ("They discussed energy security in the region.", (1, 0, 0)),
    # the SCO's name is not a field of cooperation, nor is cooperation in ensuring it
    ("The Shanghai Cooperation Organisation will strengthen energy security in the region.",
     (1, 0, 0)),
    ("After years of cooperation, the region's energy security has improved.", (1, 0, 0)),
    ("Deputy ministers discussed cooperation in energy security and information security.",
     (1, 0, 0)),
    ("The meeting reviewed cooperation in the area of energy security.", (1, 0, 0)),
    ("The sides agreed to deepen cooperation in ensuring the region's energy security.",
     (1, 0, 0)),
    # --- decision rules 8, 9 and 14 ---
    # rule 9: the SCO's attractiveness to other countries (not to young volunteers, nor
    # member countries' universities seeking a partner among the SCO's own bodies)
    ("The number of countries wishing to cooperate with the SCO keeps growing.", (0, 0, 1)),
    ("Young people find the SCO so attractive because of its summer schools.", (0, 0, 0)),
    ("Universities of the member countries wishing to cooperate with the SCO University "
     "should apply by 1 March.", (0, 0, 0)),
    ("The number of countries wishing to cooperate in the SCO Youth Council's volunteer "
     "programme has doubled.", (0, 0, 0)),
    ("Enterprises that wish to cooperate with the SCO Business Council can apply online.",
     (0, 1, 0)),                                   # enterprises are economy; no standing
    # rules 8 and 14: principles committed to or applied, not cited as a manner
    ("The SCO is not directed against any third party.", (0, 0, 1)),
    ("Relations rest on equal dialogue among states.", (0, 0, 1)),
    ("The youth forum promoted equal dialogue between young people of different cultures.",
     (0, 0, 0)),
    ("The SCO Media Forum is a platform for equal dialogue between journalists.", (0, 0, 0)),
    ("The ministers reaffirmed their commitment to the principles of the SCO Charter.",
     (0, 0, 1)),
    ("In line with the principles of the SCO Charter, the meeting was held in Minsk.",
     (0, 0, 0)),
    ("A poster exhibition on the principles of the SCO Charter opened in Moscow.", (0, 0, 0)),
    # a principle the sentence applies ("in accordance with") counts (rules 8 and 14)
    ("Disputes between states must be settled in accordance with the principles of "
     "sovereign equality and territorial integrity.", (0, 0, 1)),
    ("They will not allow their territory to be used for terrorist acts against any third "
     "party.", (1, 0, 0)),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_version_5_concepts_both_ways(lex, text, expected):
    assert codes(text, lex) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Secretary-General noted that Mongolia has been an observer at the SCO since 2004.",
     1),
    ("Mongolia took part as an observer state.", 1),
    ("A referee from Nepal worked at the SCO wrestling tournament as an observer.", 0),
    ("A referee from Mongolia served as an observer at the SCO Marathon.", 0),
    # observers who comment are a source, not the SCO's relations with a state
    ("Observers say Afghanistan's economy is in deep crisis.", 0),
    ("Independent observers noted that the elections in Sri Lanka were calm.", 0),
])
def test_an_observer_state_named_with_its_status(lex, text, expected):
    assert codes(text, lex, date="2025-04-09")[2] == expected


def test_a_frame_entry_with_a_comma_is_refused(tmp_path):
    """The evidence column separates entries by ", ": an entry "peace, stability" would
    read as two entries there (and in the explorer), so the lexicon refuses it."""
    import shutil

    from conftest import CORPUS

    shutil.copytree(CORPUS / "lexicons", tmp_path / "lex")
    path = tmp_path / "lex" / "frames.yaml"
    text = path.read_text(encoding="utf-8")
    bad = text.replace('"peaceful afghanistan",', '"peaceful afghanistan", "peace, stability",', 1)
    assert bad != text
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(framing.LexiconError,
                       match=r"frames\.security\[\d+\]: entry 'peace, stability' of security "
                             r"has a comma"):
        framing.load_lexicon(path)
