"""discourse.framing: round 24 of the frame lexicon (``docs/lexicon-history.md``), built from
the errors of ``docs/coding/probe57/`` to ``probe59/`` and narrowed by a review of invented
passages: each concept where it must fire and where it must leave the code alone, with
the near-misses the review found (an idiom, a war memorial, a film, a fire, a rainfall).
"""

from __future__ import annotations

import pytest

from framing_helpers import codes, doc

FRAMES = "SEM"

CASES = [
    # the codebook's own security categories, in words the lexicon lacked
    ("S", (1,), "Terrorists seized a school and took hostages."),
    ("S", (0,), "Trade in the region must not become a hostage to politically motivated "
                "restrictions."),
    ("S", (1,), "Gunmen opened fire on a bus carrying pilgrims."),
    ("S", (1,), "The member states oppose the recruitment of mercenaries."),
    ("S", (1,), "Seizures of methamphetamine have tripled in two years."),
    ("S", (1,), "Special forces freed the passengers of the seized train."),
    ("S", (1,), "The engineers cleared the area of unexploded ordnance."),
    ("S", (1,), "Large-scale fighting broke out on the border."),
    ("S", (0,), "The large-scale fight against poverty lifted millions out of hardship."),
    ("S", (0,), "National contingents of athletes paraded at the opening of the games."),
    ("S", (0,), "The new hub allows temperature-controlled deliveries of fruit to markets."),
    # the security situation in the world: security and the state of the world (rule 3)
    ("SEM", (1, 0, 1), "The ministers exchanged views on the international and regional "
                       "security situation."),
    ("SEM", (1, 1, 1), "The members note that the world is undergoing profound changes, that "
                       "the international security situation remains complex and that risks "
                       "to the global economy are growing."),
    ("M", (1,), "Today the world is going through changes of a scale not seen in a century."),
    ("M", (0,), "The rainfall, unseen in a century, flooded three hundred houses."),
    # international law: the weapons conventions
    ("SM", (1, 1), "They call for strict compliance with the Convention on the Prohibition of "
                   "Bacteriological (Biological) and Toxin Weapons."),
    # rule 5: energy security with energy supplies has economic content; alone it has none
    ("SE", (1, 1), "The ministers stressed energy security and the reliability of energy "
                   "supplies to consuming countries."),
    ("SE", (1, 0), "The ministers stressed the importance of energy security."),
    # an idiom is not its literal meaning; a real price is economy
    ("SE", (1, 0), "The people of Pakistan have paid a high price in the struggle against "
                   "terrorism."),
    ("E", (1,), "The high price of fuel hit the farmers of the region."),
    # civilian infrastructure is what an attack targets, not the economy
    ("SE", (1, 0), "The member states condemned the attacks on civilian infrastructure."),
    # a ministry's other name in brackets is part of its name
    ("SEM", (0, 0, 0), "The meeting of the Ministers of Internal Affairs (Public Security) of "
                       "the SCO Member States was held in Qingdao."),
]


@pytest.mark.parametrize("frames, expected, text", CASES)
def test_a_concept_of_round_24(lex, frames, expected, text):
    got = codes(text, lex, date="2024-05-01")
    assert tuple(got[FRAMES.index(f)] for f in frames) == expected


def test_references_to_an_attack_carry_its_frames_and_an_accident_s_carry_none(lex):
    # rule 1: "such heinous acts" and "the victims" continue the subject of the attack; the
    # same words after a road accident carry no security
    out = doc(["A suicide bomber attacked a bus carrying engineers.",
               "There can be no justification for such heinous acts.",
               "The Secretariat expressed its condolences to the families of the victims."],
              lex, date="2024", paragraphs=[0, 0, 0])
    assert [c.security for c in out] == [1, 1, 1]
    out = doc(["A bus carrying pilgrims overturned in the mountains.",
               "The Embassy expressed its condolences to the families of the victims."],
              lex, date="2024", paragraphs=[0, 0])
    assert [c.security for c in out] == [0, 0]
