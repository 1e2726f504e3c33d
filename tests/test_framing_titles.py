"""What an event's title states (discourse.framing.titles and the events section): a
meeting named with its subject after its participants, and documents whose title states
theirs, carry that subject to later references (decision rules 1 and 2); a bare list of
event names states none (rule 2)."""

from __future__ import annotations

import pytest

from discourse.framing.titles import in_list_of_event_names, subject_follows
from framing_helpers import assert_lexicon_error, blocked, codes, doc

STOPS = {"held", "in", "was", ","}


@pytest.mark.parametrize("text, expected", [
    ("Meeting of heads of competent authorities of SCO member states on information "
     "security", True),
    ("meeting of the ministers on food security", True),
    # a date, a verb or a preposition of place first, a capitalised word, too far
    ("Meeting of ministers held in Tashkent on trade", False),
    ("Meeting of ministers on 5 June", False),
    ("Meeting of ministers on Tuesday", False),
    ("Meeting of ministers of the member states , on trade", False),
    ("Meeting " + "of heads " * 7 + "on trade", False),
    # a hyphenated subject; a setting after "on the"
    ("Meeting of senior officials on e-commerce", True),
    ("Meeting of experts on the sidelines of the summit", False),
])
def test_a_subject_follows_only_on_and_a_word_in_lower_case_within_the_name(text, expected):
    toks = text.split()
    assert subject_follows(toks, 1, 12, STOPS, {"sidelines"}) is expected


def test_a_meeting_named_with_its_subject_carries_it_to_its_references(lex):
    out = doc(["Meeting of heads of competent authorities of SCO member states on "
               "information security held in Tianjin",
               "The meeting approved a plan of cooperation for 2025-2027.",
               "Following the meeting, a protocol was signed."], lex)
    assert [c.security for c in out] == [1, 1, 1]
    assert "from the event of s0 via 'The meeting'" in out[1].evidence
    # a meeting named for its participants states no subject: relations only (rule 2)
    out = doc(["Meeting of SCO transport ministers held in Tashkent on 5 June",
               "The ministers discussed new corridors and e-commerce.",
               "The meeting approved a plan of cooperation for 2025-2027."], lex)
    assert [c.economy for c in out] == [0, 1, 0]


def test_a_document_s_references_carry_the_frames_of_its_title(lex):
    out = doc(["Declaration of the Council of Heads of State on Joint Counteraction to "
               "International Terrorism",
               "The Heads of State adopted the present Declaration.",
               "The present Declaration was signed in Dushanbe in the Chinese and Russian "
               "languages."], lex)
    assert [c.security for c in out] == [1, 1, 1]
    out = doc(["Statement of the Council of Foreign Ministers on the international situation",
               "The Ministers adopted the following statement."], lex)
    assert [c.multilateralism for c in out] == [1, 1]
    # a title with no frame carries none; a text that names no document has no such event
    out = doc(["Joint Communique following the meeting of the Council of Heads of Government",
               "The communique was adopted in Bishkek."], lex)
    assert [c.security + c.economy + c.multilateralism for c in out] == [0, 0]
    out = doc(["SCO anti-terrorist exercise concludes in Orenburg",
               "The statement was published on the website."], lex)
    assert out[1].security == 0
    # only a title or lead that opens with the document introduces it; "the statement by"
    # and "the Ambassador's statement" name another one
    out = doc(["SCO Secretary-General meets the Ambassador of Egypt on counter-terrorism",
               "The Ambassador recalled the statement of the foreign ministers on terrorism.",
               "The statement by the students thanked the Secretariat."], lex)
    assert out[2].security == 0
    out = doc(["Statement of the SCO Secretariat on the terrorist attack in Peshawar",
               "The Ambassador's statement concerned the Days of Culture.",
               "The statement by the Secretariat was published."], lex)
    assert [c.security for c in out] == [1, 0, 0]


@pytest.mark.parametrize("change, problem", [
    ({"kind": "nonexistent"}, "one of events.kinds"),
    ({"window": 0}, "whole number >= 1"),
    ({"window": True}, "whole number >= 1"),
    ({"stops": []}, "subject_after.stops"),
])
def test_subject_after_needs_a_known_kind_a_window_and_its_lists(tmp_path, change, problem):
    assert_lexicon_error(tmp_path, lambda data: data["events"]["subject_after"].update(change),
                         problem)


@pytest.mark.parametrize("text, at, expected", [
    # the first word of a capitalised event name in a list of three names or more, joined
    # by commas and "and", on either side of it
    ("the Media Forum , Women 's Forum , Business Forum and the SCO Marathon", 8, True),
    ("the Media Forum , Business Forum and the Energy Week", 4, True),
    ("the Business Forum , the Media Forum and the Energy Week", 1, True),
    ("the Media Forum , the Energy Week and the Business Forum", 9, True),
    # two names (often the sentence's subject), a name reached over other words, alone,
    # kinds of event in lower case
    ("the Business Forum and the Energy Week", 1, False),
    ("Trade Fair and Investment Forum Open in Urumqi", 0, False),
    ("The Investment Forum , held alongside the Summit , and the Week", 1, False),
    ("the SCO Business Forum will be held in Astana", 2, False),
    ("trade fairs , exhibitions and forums", 0, False),
    ("the business forum , the media forum and the marathon", 1, False),
])
def test_an_event_name_is_one_of_a_list_of_three_names_joined_directly(text, at, expected):
    nouns = {"forum", "week", "marathon", "fair", "fairs", "exhibitions", "forums", "summit"}
    assert in_list_of_event_names(text.split(), at, at + 1, nouns) is expected


def test_a_bare_list_of_event_names_carries_no_frame(lex):
    """Decision rule 2: an event whose name states its subject takes it; a bare list of
    event names does not."""
    assert blocked("Also planned are the Media Forum, Women's Forum, Business Forum and the "
                   "SCO Marathon.", lex, "economy") == [
        "economy 'Business' inside one of a list of event names"]
    # the forum named alone states its subject: economy
    assert codes("I would also like to invite your readers to the SCO Business Forum.",
                 lex)[1] == 1
    assert codes("Trade fairs and exhibitions promote the goods of the member states.",
                 lex)[1] == 1
