"""References to a document's event (decision rule 1) and events whose names state their
subject (rule 2): forms of address, exhibitions, a business forum."""

from __future__ import annotations

import pytest

from framing_helpers import assert_lexicon_error, doc

FORUM = "Speech by the SCO Secretary-General at the International Business Forum in Chongqing"


@pytest.mark.parametrize("address", [
    "Dear participants of the Forum, ladies and gentlemen!",
    "Distinguished Mr. Chairman, dear participants of the Forum!",
    "Excellencies, dear participants of the Forum,",
    "Your Excellencies, participants of the Forum, dear friends!",
])
def test_a_form_of_address_continues_no_subject(lex, address):
    out = doc([FORUM, address], lex, paragraphs=[0, 1])
    assert out[0].economy == 1
    assert (out[1].security, out[1].economy, out[1].multilateralism) == (0, 0, 0)
    assert "context" not in out[1].evidence


@pytest.mark.parametrize("text", [
    "I wish all participants of the Forum successful work!",
    "Dear friends, the discussions at the Forum will be fruitful.",
    "The Forum brought together more than 500 participants.",
])
def test_a_sentence_that_is_no_address_takes_the_forum_s_subject(lex, text):
    out = doc([FORUM, text], lex, paragraphs=[0, 1])
    assert out[1].economy == 1
    assert "context: economy from the event of s0" in out[1].evidence


def test_an_exhibition_s_references_carry_the_frames_of_its_title(lex):
    out = doc(["Exhibition of goods from SCO member states opens in Qingdao",
               "The opening ceremony was attended by ambassadors of the member states.",
               "The exhibition will be open to the public until 22 June.",
               "The Secretariat thanked the organisers for holding the event."], lex)
    assert [c.economy for c in out] == [1, 1, 1, 1]
    # an exhibition whose title has no frame carries none
    out = doc(["Photo exhibition on the landscapes of the member states opens in Beijing",
               "The exhibition will be open to the public until 22 June."], lex)
    assert [c.economy for c in out] == [0, 0]


def test_a_business_forum_states_its_subject_an_sco_body_does_not(lex):
    out = doc(["The participants discussed the preparations for the SCO Business Forum.",
               "The forum is expected to bring together about 500 participants."], lex,
              paragraphs=[0, 0])
    assert [c.economy for c in out] == [1, 1]
    out = doc(["The meeting of the SCO Business Council was held in Moscow."], lex)
    assert out[0].economy == 0


def test_salutations_must_be_a_list_of_words(tmp_path):
    assert_lexicon_error(tmp_path, lambda data: data["events"].update(salutations="dear"),
                         r"events\.salutations")


def test_paragraph_references_to_materials_or_a_similar_operation(lex):
    """Decision rule 1: 'these materials', 'such resources', 'a similar operation' continue
    the subject of the paragraph's sentence before; after a sentence with no frame, nothing;
    'similar' before another noun is no reference."""
    out = doc(["The Secretariat strongly condemns the attack on the train.",
               "Its organisers must be brought to justice."], lex, paragraphs=[0, 0])
    assert out[1].security == 1
    out = doc(["The seminar discussed the education of young people.",
               "Similar approaches were used in Kazakhstan."], lex, paragraphs=[0, 0])
    assert out[1].security == 0
    out = doc(["The operation blocked extremist websites.",
               "Most of these materials were posted in messengers."], lex, paragraphs=[0, 0])
    assert out[1].security == 1
    out = doc(["The border services held a joint operation against drug smuggling.",
               "They agreed to hold a similar operation next year."], lex, paragraphs=[0, 0])
    assert out[1].security == 1
    out = doc(["The festival presented the folk music of the member states.",
               "Most of these materials were recorded in villages."], lex, paragraphs=[0, 0])
    assert out[1].security == 0


def test_references_to_an_attack_carry_its_frames_and_an_accident_s_carry_none(lex):
    # rule 1 (round 24, docs/coding/probe57 to probe59): "such heinous acts" and "the
    # victims" continue the subject of the attack; the same words after a road accident
    # carry no security
    out = doc(["A suicide bomber attacked a bus carrying engineers.",
               "There can be no justification for such heinous acts.",
               "The Secretariat expressed its condolences to the families of the victims."],
              lex, date="2024", paragraphs=[0, 0, 0])
    assert [c.security for c in out] == [1, 1, 1]
    out = doc(["A bus carrying pilgrims overturned in the mountains.",
               "The Embassy expressed its condolences to the families of the victims."],
              lex, date="2024", paragraphs=[0, 0])
    assert [c.security for c in out] == [0, 0]


def test_today_s_refers_to_the_event_of_the_text(lex):
    out = doc(["Speech by the Deputy Secretary-General at the conference on transport "
               "corridors", "I thank the organisers of today's conference.",
               "I thank the organisers of yesterday's concert."], lex)
    assert [c.economy for c in out] == [1, 1, 0]
    assert "via 'today's conference'" in out[1].evidence


def test_the_ceremony_of_an_exercise_carries_it_an_award_ceremony_does_not(lex):
    out = doc(["Joint anti-terrorist exercise of the armed forces concludes in Orenburg",
               "The Secretary-General attended the ceremony.",
               "The award ceremony of the children's drawing contest followed."], lex)
    assert [c.security for c in out] == [1, 1, 0]


def test_a_start_up_forum_states_its_subject(lex):
    out = doc(["SCO Secretary-General takes part in the SCO Startup Forum in New Delhi",
               "The forum brought together young entrepreneurs."], lex)
    assert [c.economy for c in out] == [1, 1]


def test_the_list_a_title_names_carries_its_subject(lex):
    # rule 1 (round 25, docs/coding/probe65): a list whose title states what it lists is
    # continued by "the list", "the updated list"; a list of participants states nothing
    out = doc(["RATS Executive Committee updates the Unified List of Terrorist, Separatist and "
               "Extremist Organisations",
               "The list was updated on the basis of information from the competent "
               "authorities.",
               "The updated list includes 112 organisations.",
               "No organisations were excluded."], lex, date="2023")
    assert [c.security for c in out] == [1, 1, 1, 0]
    assert "via 'The list'" in out[1].evidence
    out = doc(["The SCO Secretariat publishes the list of participants of the Youth Forum",
               "The list includes 120 young people from the member states."], lex, date="2023")
    assert [(c.security, c.economy, c.multilateralism) for c in out] == [(0, 0, 0)] * 2


def test_the_commission_met_carries_the_meeting_s_frames(lex):
    # rule 1 (round 25, docs/coding/probe64): "the Commission" continues a meeting with an
    # outside organisation's commission
    out = doc(["SCO Secretary-General receives a delegation of the Eurasian Economic Commission",
               "Mr. Seitkaliev informed him about the work of the Commission."],
              lex, date="2024")
    assert [c.multilateralism for c in out] == [1, 1]
    assert "via 'the Commission'" in out[1].evidence


def test_the_equipment_and_phases_of_an_exercise_continue_it_without_a_determiner(lex):
    # rule 1 (round 28): the helicopters, equipment and phases of the exercise a document
    # is about continue it; its servicemen's museum visit (review28) and a budget's
    # "personnel matters" do not
    out = doc(["Joint border exercise of the competent authorities held in Osh",
               "Mi-8 helicopters provided fire support to the assault groups.",
               "The active phase was preceded by a command-staff stage.",
               "Outside the schedule, the servicemen visited the regional history museum.",
               "The Council approved the budget and heard a report on personnel matters."],
              lex, date="2023")
    assert [c.security for c in out] == [1, 1, 1, 0, 0]
    assert "via 'helicopters'" in out[1].evidence
    meeting = doc(["SCO Secretary-General meets the Ambassador of Egypt",
                   "Helicopters for the air ambulance service were discussed in passing."],
                  lex, date="2023")
    assert meeting[1].security == 0


def test_a_match_with_another_organisation_s_diplomats_continues_in_its_references(lex):
    """A sports match a title reports is an event (decision rule 1): "the match" and its
    participants continue it, and take the frame of its title (a joint event with another
    organisation is multilateralism); a sentence about sport itself takes nothing."""
    out = doc(["SCO Secretariat hosts table tennis match with ASEAN diplomats",
               "The match was held in a friendly atmosphere.",
               "After the match, the participants had tea together.",
               "Table tennis is popular in many countries."], lex, paragraphs=[0, 1, 1, 2])
    assert [o.multilateralism for o in out] == [1, 1, 1, 0]
    assert "context: multilateralism from the event of s0 via 'The match'" in out[1].evidence


def test_the_bank_continues_a_meeting_with_a_bank_that_is_another_organisation(lex):
    """"The bank" in a news item on a meeting with an international bank refers to it
    (decision rule 1): relations with another organisation are multilateralism; with a
    domestic bank the meeting carries no frame to pass on."""
    out = doc(["SCO Secretary-General meets President of the Eurasian Development Bank",
               "He described the work of the bank in the region."], lex,
              paragraphs=[0, 1])
    assert [o.multilateralism for o in out] == [1, 1]
    assert "context: multilateralism from the event of s0 via 'the bank'" in out[1].evidence
    home = doc(["SCO Secretary-General meets a delegation of a Chinese bank",
                "He described the work of the bank in the region."], lex,
               paragraphs=[0, 1])
    assert home[1].multilateralism == 0


def test_after_a_declaration_s_title_the_session_its_lead_reports_is_the_council_s(lex):
    """A declaration's lead reports the session of the council that adopted it: "the
    session" is that body's (decision rule 2) and takes nothing from the title's subject,
    as "the meeting" does not (round 52); "the present Declaration" still does (rule 1)."""
    out = doc(["Declaration of the Council of Heads of State on a fairer world order",
               "The Heads of State, meeting in Astana at the regular session of the Council, "
               "adopt the present Declaration.",
               "The session was held under the chairmanship of Kazakhstan."], lex,
              paragraphs=[0, 1, 1])
    assert [o.multilateralism for o in out] == [1, 1, 0]


def test_the_guest_executive_secretary_or_minister_continues_the_meeting(lex):
    """Round 66 (docs/coding/probe192-194): in a news item on a meeting with an outside
    organisation's executive secretary or a non-member's minister, "the Executive
    Secretary" and "the minister spoke" refer to the guest (decision rule 1); the ministers
    of a council's own meeting do not."""
    out = doc(["SCO Secretary-General meets ESCAP Executive Secretary",
               "He briefed the Executive Secretary on the results of the summit.",
               "Zhang Ming welcomed the guest.",
               "The minister spoke about his country's ports."], lex, date="2024",
              paragraphs=[0, 1, 1, 1])
    assert [o.multilateralism for o in out] == [1, 1, 1, 1]
    assert "via 'the Executive Secretary'" in out[1].evidence
    assert "via 'The minister spoke'" in out[3].evidence
    own = doc(["Communique of the meeting of the Council of Ministers of Foreign Affairs on "
               "the expansion of the Organisation",
               "The Ministers approved the draft documents for the summit."], lex,
              date="2024", paragraphs=[0, 1])
    assert own[1].multilateralism == 0


def test_this_day_continues_the_day_a_title_names_but_not_the_un_s_name(lex):
    """Round 67 (docs/coding/probe195-197): "this day", "the Day", "the date" continue the
    day a title names (decision rule 1), with its subject (peace: security) but not the
    multilateralism of an international day's name."""
    out = doc(["Statement by the SCO Secretariat on the International Day of Peace",
               "The SCO Secretariat joins the people of the region in marking this day.",
               "This year the Day is observed under the theme of friendship."], lex,
              date="2024", paragraphs=[0, 1, 2])
    assert [o.security for o in out] == [1, 1, 1]
    assert "via 'this day'" in out[1].evidence
    other = doc(["Statement by the SCO Secretariat on the International Day of Yoga",
                 "This year the Day is observed under the theme of health."], lex,
                date="2024", paragraphs=[0, 1])
    assert [o.security + o.economy + o.multilateralism for o in other][1] == 0


def test_a_non_member_that_is_a_friend_of_the_sco_or_cooperates_with_it(lex):
    """Round 69 (docs/coding/probe201-203): a non-member called a friend of the SCO, or
    asked how it could cooperate with the SCO, is in a relation with it (MULTILATERALISM:
    relations with non-member states); a member state is not."""
    out = doc(["Mongolia is an old and reliable friend of the SCO.",
               "In which areas could Mongolia cooperate more actively with the SCO?",
               "Kazakhstan is an old and reliable friend of the SCO."], lex, date="2024")
    assert [o.multilateralism for o in out] == [1, 1, 0]


def test_the_expert_community_is_no_reference_to_the_experts_of_an_event(lex):
    """Round 71 (docs/coding/probe207-209): "the expert community" names a public, not the
    experts of the conference the title names (decision rule 1); "the experts" still are."""
    out = doc(["SCO Secretariat hosts a conference on the digital economy",
               "We bring together governments and the expert community.",
               "The experts discussed the conclusions."], lex, date="2024",
              paragraphs=[0, 1, 2])
    assert [o.economy for o in out] == [1, 0, 1]


def test_a_non_member_taking_part_in_sco_events_but_not_the_place_of_a_situation(lex):
    """Round 72 (docs/coding/probe210-212): a non-member's representatives taking part in SCO
    events are a relation with it; a non-member named as the place of a situation ("the
    situation in Afghanistan") is the subject, not a party, whatever word of relations the
    sentence has (a meeting the considerations go to)."""
    out = doc(["Azerbaijani representatives have regularly taken part in SCO events.",
               "The Ministers agreed to keep the situation in Afghanistan under review and to "
               "submit their considerations to the meeting of the Council of Heads of State.",
               "The Ministers held talks with Afghanistan on transit trade."],
              lex, date="2021")
    assert [o.multilateralism for o in out] == [1, 0, 1]
    assert [o.security for o in out] == [0, 1, 0]


def test_a_non_member_s_contribution_to_the_organisation_and_its_events(lex):
    """Round 73 (docs/coding/probe213-215): a non-member's part in the Organisation's events
    and its contribution to its activities or development are relations with it; a member's
    are not."""
    out = doc(["Egypt is ready to take part in the Organisation's events on energy.",
               "Egypt will make a worthy contribution to the development of the SCO.",
               "Kazakhstan will make a worthy contribution to the development of the SCO."],
              lex, date="2025")
    assert [o.multilateralism for o in out] == [1, 1, 0]
