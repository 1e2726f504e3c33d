"""The same words written in another surface form that web pages and press releases use
get the same codes (a metamorphic review of the development sentences, 2026-12-05, found
each case below changing codes before): characters that print as nothing, the older
British "co-operation", the closed forms of hyphenated compounds and "anti" written
apart, and the SCO's full name."""

from __future__ import annotations

import pytest

from discourse import framing
from discourse.framing.reading import visible_text

#: (as a web page may write it, as the lexicon and the reader know it)
FORMS = [
    ("Floods caused damage to housing, infra\u00adstructure and agric\u00adulture.",
     "Floods caused damage to housing, infrastructure and agriculture."),
    ("The SCO is an influ\u00adential multi\u00adlateral organ\u00adisation.",
     "The SCO is an influential multilateral organisation."),
    ("The \u200bsides \u200balso discussed \u200btrade and invest\u200bment.",
     "The sides also discussed trade and investment."),
    ("\ufeffTerrorism\u2060 remains a threat to the region.",
     "Terrorism remains a threat to the region."),
    ("They agreed on deepening co-operation in agriculture and ensuring food security.",
     "They agreed on deepening cooperation in agriculture and ensuring food security."),
    ("The principles of noninterference and the nonuse of force or threat of force were "
     "affirmed.",
     "The principles of non-interference and the non-use of force or threat of force were "
     "affirmed."),
    ("They met the delegation of the UN Office of Counterterrorism.",
     "They met the delegation of the UN Office of Counter-Terrorism."),
    ("The Council of the Regional Antiterrorist Structure of the SCO met in Tashkent.",
     "The Council of the Regional Anti-Terrorist Structure of the SCO met in Tashkent."),
    # the SCO's full name where the lexicon's entries name the acronym (enlargement,
    # standing: rules 9 and 10)
    ("Belarus joined the Shanghai Cooperation Organisation last year.",
     "Belarus joined the SCO last year."),
    ("The enlarged Shanghai Cooperation Organization is able to work effectively.",
     "The enlarged SCO is able to work effectively."),
    ("Belarus joined the Shanghai Cooperation Organisation (SCO) in 2024.",
     "Belarus joined the SCO in 2024."),
    ("Last year Belarus joined the S.C.O.", "Last year Belarus joined the SCO."),
    ("They noted the work of the S.C.O.-Afghanistan Contact Group.",
     "They noted the work of the SCO-Afghanistan Contact Group."),
    # "anti" written apart, and "Counter" apart in a name
    ("The Council of the Regional Anti Terrorist Structure of the SCO met in Tashkent.",
     "The Council of the Regional Anti-Terrorist Structure of the SCO met in Tashkent."),
    ("They adopted the SCO anti drug strategy.", "They adopted the SCO anti-drug strategy."),
    ("They met the delegation of the UN Office of Counter Terrorism.",
     "They met the delegation of the UN Office of Counter-Terrorism."),
]


def _codes(text, lex, tokenizer="fast"):
    e = framing.explain(text, lex, tokenizer=tokenizer)
    return tuple(e["frames"].values()), e["evidence"]


@pytest.mark.parametrize("tokenizer", ["fast", "nltk"])
@pytest.mark.parametrize("written, plain", FORMS)
def test_a_surface_form_gets_the_codes_of_the_plain_one(frame_lexicon, written, plain,
                                                        tokenizer):
    got = _codes(written, frame_lexicon, tokenizer)
    want = _codes(plain, frame_lexicon, tokenizer)
    assert got[0] == want[0]
    # the same evidence, quoted as written ("counterterrorism", "counter-terrorism")
    assert _words(got[1]) == _words(want[1])


def _words(evidence):
    return {f: [w.lower().replace("-", "") for w in ws] for f, ws in evidence.items()}


def test_the_codes_in_context_do_not_depend_on_invisible_characters(frame_lexicon):
    # streamed in a paragraph: the reference "The sides" and the question still carry
    # the frames of the sentence before them
    plain = ["The ministers discussed trade and investment.", "The sides agreed.",
             "Do you agree?"]
    written = ["The ministers discussed trade and invest\u00adment.",
               "The \u200bsides agreed.", "Do you agree?\u200b"]

    def coded(texts):
        rows = [(str(i), t, 1) for i, t in enumerate(texts)]
        return [tuple(c[1:4]) for c in framing.iter_codes(rows, frame_lexicon)]

    assert coded(written) == coded(plain)
    assert coded(plain)[0] == (0, 1, 0)


def test_visible_text_removes_only_what_prints_as_nothing():
    assert visible_text("infra\u00adstructure\u200b \u200c\u200d\u2060\ufeffx") == \
        "infrastructure x"
    same = "The SCO\u2019s\u00a0role, \u201cSpider Web\u201d \u2011 caf\u00e9"
    assert visible_text(same) is same
    plain = "plain ASCII text."
    assert visible_text(plain) is plain


@pytest.mark.parametrize("dateline", [
    None, "Tashkent, 14 November 2023 (SCO Secretariat)",
    "Published on 14 November 2023 in Tashkent, Uzbekistan",
    "Tashkent, 14 November 2023 \u2013 SCO press service",
    "Tashkent, 14 November 2023 - press release of the SCO Secretariat",
    "TASHKENT, NOVEMBER 14th - SCO press service"])
def test_a_dateline_is_not_the_lead_of_a_news_item(frame_lexicon, dateline):
    """Rule 1: references to a news item's event ("The sides") carry the frames of its
    title and lead; a dateline of six words or more after the title, in title case as
    datelines and bylines are written or with a place and a date, is not the lead
    (before: it took the lead's place and the event's frames were lost)."""
    texts = ["SCO forum opens in Tashkent",
             *([dateline] if dateline else []),
             "The SCO Secretary-General opened the forum on trade and investment.",
             "The forum will close on Friday."]
    rows = [(str(i), t, i, "doc", "2023-11-14") for i, t in enumerate(texts)]
    last = list(framing.iter_codes(rows, frame_lexicon))[-1]
    assert (last.security, last.economy, last.multilateralism) == (0, 1, 0)
    assert "from the event of" in last.evidence


@pytest.mark.parametrize("lead", [
    "Beijing, June 12: SCO experts held a seminar on countering terrorism.",
    "ASTANA, May 21 (Xinhua) -- SCO experts held a seminar on terrorism."])
def test_a_short_lead_that_begins_like_a_dateline_is_the_lead(frame_lexicon, lead):
    """A sentence with a frame of its own after the title is the lead even when it begins
    with a place and a date: the event's frames pass to "The seminar" (rule 1)."""
    texts = ["SCO experts meet", lead, "The seminar was attended by all member states."]
    rows = [(str(i), t, str(i), "doc", "2023-06-12") for i, t in enumerate(texts)]
    last = list(framing.iter_codes(rows, frame_lexicon))[-1]
    assert (last.security, last.economy, last.multilateralism) == (1, 0, 0)
    assert "from the event of 1" in last.evidence


@pytest.mark.parametrize("question, asks", [
    ("Do you agree? (Xinhua, 12 June 2023)", True),
    ("Do you agree? (Source: SCO Secretariat)", True),
    ("Do you agree? (Photo: Xinhua)", True),
    ("Do you agree? (It is, he said, on Monday)", False)])
def test_a_question_before_its_source_asks_about_the_statement(frame_lexicon, question,
                                                               asks):
    """Rule 1: a question takes the frames of the statement it follows, also when a source
    in parentheses follows its "?", a dated one included; a parenthesis of lower-case
    words after the "?" is not a source."""
    rows = [("0", "The members discussed trade and investment.", 1),
            ("1", question, 1)]
    last = list(framing.iter_codes(rows, frame_lexicon))[-1]
    assert (last.economy == 1) is asks


#: (another wording of a formula, or an acronym of a name, as real SCO texts write it;
#: the lexicon's wording; the frame both carry, or None): a metamorphic check of the
#: development sentences (2026-12-06, docs/lexicon-history.md, "Other wordings of the
#: same formulas") found each first one losing the frame.
WORDINGS = [
    ("The ministers exchanged views on the situation in and around Afghanistan.",
     "The ministers exchanged views on the situation in Afghanistan.", "security"),
    ("The ministers discussed the situation around Afghanistan.",
     "The ministers discussed the situation in Afghanistan.", "security"),
    ("The Afghan situation remains a concern of the member states.",
     "The situation in Afghanistan remains a concern of the member states.", "security"),
    ("The humanitarian situation in and around Afghanistan was discussed.",
     "The humanitarian situation in Afghanistan was discussed.", None),
    ("Experts discussed the SCO antidrug strategy.",
     "Experts discussed the SCO anti-drug strategy.", "security"),
    ("The antinarcotic operations continued.", "The anti-narcotic operations continued.",
     "security"),
    ("The principle of non interference in internal affairs was reaffirmed.",
     "The principle of non-interference in internal affairs was reaffirmed.",
     "multilateralism"),
    ("They will step up the fight against cross border crime.",
     "They will step up the fight against cross-border crime.", "security"),
    ("They discussed economic co operation.", "They discussed economic cooperation.",
     "economy"),
    ("The Secretary-General addressed the UNSC.",
     "The Secretary-General addressed the UN Security Council.", "multilateralism"),
    ("He spoke at the UNGA.", "He spoke at the UN General Assembly.", "multilateralism"),
    ("RATS experts attended the plenary meeting of the EAG.",
     "RATS experts attended the plenary meeting of the Eurasian Group on Combating Money "
     "Laundering and Financing of Terrorism.", "multilateralism"),
    ("Iran became the 9th member of the SCO.", "Iran became the ninth member of the SCO.",
     "multilateralism"),
    ("Belarus became the 10th SCO member state.", "Belarus became a full member.",
     "multilateralism"),
    ("Belarus joined the Shanghai Co operation Organisation last year.",
     "Belarus joined the SCO last year.", "multilateralism"),
    ("Belarus joined the Shanghai Co-operation Organization last year.",
     "Belarus joined the SCO last year.", "multilateralism"),
    ("The parties discussed cooperation between the Organisation and the Boao Forum.",
     "The parties discussed cooperation between the SCO and the Boao Forum.",
     "multilateralism"),
    ("This shows the growing interest in the Organisation.",
     "This shows the growing interest in the SCO.", "multilateralism"),
    ("The doors of the SCO are open to states that share its goals.",
     "The doors of the Organisation are open to states that share its goals.",
     "multilateralism"),
]


@pytest.mark.parametrize("tokenizer", ["fast", "nltk"])
@pytest.mark.parametrize("written, plain, frame", WORDINGS)
def test_another_wording_of_a_formula_gets_its_codes(frame_lexicon, written, plain, frame,
                                                     tokenizer):
    got = _codes(written, frame_lexicon, tokenizer)[0]
    assert got == _codes(plain, frame_lexicon, tokenizer)[0]
    assert got == tuple(int(f == frame) for f in framing.FRAMES)


@pytest.mark.parametrize("ranking", [
    "Uzbekistan became the 10th largest exporter of cotton in the world.",
    "In 2023 Kazakhstan became the 10th largest trading partner of China."])
def test_a_ranking_in_digits_is_no_enlargement(frame_lexicon, ranking):
    # decision rules 10 and 12: a place in an economic ranking is economy, not a member
    e = framing.explain(ranking, frame_lexicon)
    assert tuple(e["frames"].values()) == (0, 1, 0)


def test_cross_before_other_words_stays_the_verb(frame_lexicon):
    # only "cross border" + a word is the compound; "cross borders" is what migrants do
    e = framing.explain("Tourists cross borders more easily now.", frame_lexicon)
    assert tuple(e["frames"].values()) == (0, 0, 0)


def test_an_observer_since_a_year_is_a_relation_with_the_organisation_too(frame_lexicon):
    rows = [("a", "Mongolia has been an observer at the Organisation since 2004.", "1",
             "d", "2018-06-01"),
            ("b", "Mongolia has been an observer at the SCO since 2004.", "1", "e",
             "2018-06-01")]
    got = [tuple(c)[1:4] for c in framing.iter_codes(rows, frame_lexicon)]
    assert got == [(0, 0, 1), (0, 0, 1)]


@pytest.mark.parametrize("source", ["", " (Xinhua, 12 June 2023)", " (Source: SCO Secretariat)"])
def test_a_source_after_an_answer_is_not_counted_in_its_words(frame_lexicon, source):
    """An answer of seven words takes the frames of the question it answers
    (``answer_max_words``); a source in parentheses after it does not make it longer."""
    texts = ["Interview with the SCO Secretary-General",
             "Will the SCO admit new members this year?",
             "Yes, we will certainly do it soon." + source]
    rows = [(str(i), t, str(i), "doc", "2023-06-12") for i, t in enumerate(texts)]
    last = list(framing.iter_codes(rows, frame_lexicon))[-1]
    assert (last.security, last.economy, last.multilateralism) == (0, 0, 1)
    assert "the question this answers" in last.evidence
