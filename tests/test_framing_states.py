"""discourse.framing.states: membership at a date, mentions, and errors in the file."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import NOT_SCO_TEXT

from discourse import framing
from discourse.framing.states import States, StatesError, read_states
from discourse.text import fast_tokens


def _write(tmp_path, text):
    p = tmp_path / "states.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_membership_by_date_and_by_year(tmp_path):
    p = _write(tmp_path, "# comment\nstate,names,adjectives,member_from,capitals\n"
                         "Iran,Iran|Islamic Republic of Iran,Iranian,2023-07-04,Tehran\n"
                         "Mongolia,Mongolia,Mongolian,,Ulaanbaatar\n"
                         "China,China,Chinese,2001-06-15,Beijing\n")
    s = read_states(p, fast_tokens)
    assert [s.is_member("Iran", d) for d in ("2023-07-03", "2023-07-04", "2022", "2023")] \
        == [False, True, False, True]
    assert not s.is_member("Mongolia", "2025") and s.is_member("Iran", None)
    # the longest form wins; capitals stand for the state; founders are not looked for
    assert s.find(fast_tokens("The Islamic Republic of Iran and Tehran agreed.")) == \
        [(1, 5, "Iran", False), (6, 7, "Iran", False)]
    assert s.find(fast_tokens("Mongolian and Chinese experts met in Beijing.")) == \
        [(0, 1, "Mongolia", True)]


@pytest.mark.parametrize("text, problem", [
    ("state,names\nIran,Iran\n", r"missing column\(s\) adjectives, member_from"),
    ("state,names,adjectives,member_from\n,Iran,,\n", "row 2: empty state"),
    ("state,names,adjectives,member_from\nIran,Iran,,July 2023\n", "is not a date"),
    ("state,names,adjectives,member_from\nIran,Iran,,2023-07-04\nX,X,,2023-13-01\n",
     r"row 3: member_from: date '2023-13-01' is not a date \(month must be in 1\.\.12\)"),
])
def test_bad_states_file_names_the_problem(tmp_path, text, problem):
    with pytest.raises(StatesError, match=problem):
        read_states(_write(tmp_path, text), fast_tokens)


def test_missing_states_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="states file not found"):
        read_states(tmp_path / "nope.csv", fast_tokens)


def test_states_value_is_frozen():
    s = States("x", {"A": ""}, {("A",): ("A", False)}, 1, frozenset({"A"}))
    with pytest.raises(Exception):
        s.path = "y"


@NOT_SCO_TEXT
def test_the_pipeline_judges_membership_by_the_documents_date(tmp_path, frame_lexicon):
    """A text of 15 March 2023 names Iran (a member from 4 July 2023) as a non-member:
    the sentences table carries metadata's date, so segment -> code_sentences and the
    table read back from results/ code it as an explicit date does, not by the year."""
    from discourse import corpus, framing, io, results

    from conftest import write_corpus

    root = write_corpus(tmp_path / "c", {
        "a-2022-speech": "Title\nWe discussed trade.\n",
        "b-2022-speech": "Title\nPeace.\n",
        "c-2023-speech": "Title\nThe Secretary-General met with the Ambassador of Iran.\n"})
    sents = corpus.segment(corpus.load_docs(root))
    assert set(sents.loc[sents.doc_id == "c-2023-speech", "date"]) == {"2023-03-15"}
    lexicon = frame_lexicon
    codes = framing.code_sentences(sents, lexicon)
    row = codes.set_index("sentence_id").loc["c-2023-speech.p002.s01"]
    # the label gives the day where the state joins later in the text's year
    assert row["multilateralism"] == 1 and "Iran (non-member on 2023-03-15)" in row["evidence"]
    meta = corpus.load_metadata(root).set_index("doc_id")["date"]
    explicit = framing.code_sentences(sents.drop(columns="date").assign(
        date=sents.doc_id.map(meta).to_numpy()), lexicon)
    pd.testing.assert_frame_equal(codes, explicit)
    # by the year alone, Iran would count as a member (the defect this guards against)
    by_year = framing.code_sentences(sents, lexicon, date_col="year").set_index("sentence_id")
    assert by_year.loc["c-2023-speech.p002.s01", "multilateralism"] == 0
    # the table as chapter 04 reads it back from results/sentences.csv: the same codes
    io.write_table(sents, results.SENTENCES.path(tmp_path / "results"))
    again = corpus.load_sentences(root, results=tmp_path / "results")
    pd.testing.assert_frame_equal(framing.code_sentences(again, lexicon), codes)


def _coded(text: str, lex, date: str):
    """The coded row of one sentence, alone in its paragraph, at ``date``."""
    s = pd.DataFrame({"sentence_id": ["a"], "text": [text], "doc_id": ["d"],
                      "paragraph": [1], "date": [date]})
    return framing.code_sentences(s, lex, date_col="date").iloc[0]


@pytest.mark.parametrize("text", [
    "The Secretary-General met the Ambassador of the U.S. in Beijing.",
    "The Secretary-General met the Ambassador of the U.S.",     # the stop split off
    "The Secretary-General met the Ambassador of the U.K. in Beijing.",
    "The Secretary-General met the Ambassador of the U.S.A. in Beijing."])
def test_dotted_abbreviations_of_states_are_the_states(text, frame_lexicon):
    """A walkthrough: "the Ambassador of the U.S." was coded 0 where "United States"
    and "US" are multilateralism (a non-member state); states.csv names them."""
    row = _coded(text, frame_lexicon, "2020-06-01")
    name = re.search(r"U\.[SK]\.(?:A\.)?", text).group(0)      # as printed, not "U . S ."
    assert row.multilateralism == 1 and f"{name} (non-member in 2020)" in row.evidence
    plain = text.replace("U.S.A.", "USA").replace("U.S.", "US").replace("U.K.", "UK")
    assert _coded(plain, frame_lexicon, "2020-06-01").multilateralism == 1


@pytest.mark.parametrize("text, expected", [
    # a walkthrough: a state inside a hyphenated name was never found ...
    ("The SCO-Mongolia meeting was held in Beijing.", "SCO-Mongolia (non-member in 2019)"),
    ("Russia-Belarus talks were held in Moscow.", "Russia-Belarus (non-member in 2019)"),
    # ... and a sea or gulf named after a state counted as the state
    ("The ministers met to discuss the Sea of Japan.", None),
    ("The exercise will be held in the South China Sea after talks with Japan.",
     "Japan (non-member in 2019)"),
    ("Talks on the Gulf of Oman were held.", None),
    ("The SCO and Mongolia held a meeting.", "Mongolia (non-member in 2019)"),
])
def test_hyphenated_names_and_seas(text, expected, frame_lexicon):
    row = _coded(text, frame_lexicon, "2019-06-01")
    if expected is None:
        assert "non-member" not in row.evidence
    else:
        assert row.multilateralism == 1 and expected in row.evidence


def test_find_skips_seas_and_reads_hyphen_parts(frame_lexicon):
    states = frame_lexicon.states
    find = states.find
    assert find(["the", "Sea", "of", "Japan"]) == []
    assert find(["the", "South", "China", "Sea"]) == []
    assert find(["the", "Gulf", "of", "Oman", "and", "Oman"]) == [(5, 6, "Oman", False)]
    assert find(["the", "SCO-Mongolia", "meeting"]) == [(1, 2, "Mongolia", False)]
    # (founding members such as Russia are never non-members: not among the forms)
    assert find(["Russia-Belarus", "talks", "with", "India"]) == [
        (0, 1, "Belarus", False), (3, 4, "India", False)]
    assert find(["Belarus-Mongolia", "talks"]) == [(0, 1, "Belarus", False),
                                                   (0, 1, "Mongolia", False)]
    assert find(["counter-terrorism", "well-known"]) == []


@pytest.mark.parametrize("text, expected", [
    # a state whose adjective is its name ("Myanmar") was read as an adjective only, so
    # "the Ambassador of Myanmar" was not the state (development text w16)
    ("The Secretary-General met the Ambassador of Myanmar.", "Myanmar (non-member in 2025)"),
    ("The Myanmar side thanked the Secretariat.", "Myanmar (non-member in 2025)"),
    # a form that is both the name and the adjective is the state unless a lower-case word
    # follows it ("Myanmar artists": an adjective, even beside a word of relations)
    ("Myanmar artists performed at the reception for the ambassadors.", None),
    ("Myanmar's interest in the SCO was noted by the Ambassador.",
     "Myanmar (non-member in 2025)"),
    # an official name keeps a long diplomatic title within reach of the state
    ("The Secretary-General met the Ambassador Extraordinary and Plenipotentiary of the "
     "Republic of the Union of Myanmar.", "Republic of the Union of Myanmar (non-member in 2025)"),
    # the status of an observer state is a relation with the SCO
    ("Mongolia has been an observer at the SCO since 2004.", "Mongolia (non-member in 2025)"),
])
def test_names_that_are_adjectives_official_names_and_observers(text, expected, frame_lexicon):
    row = _coded(text, frame_lexicon, "2025-04-09")
    if expected is None:
        assert row.multilateralism == 0 and "non-member" not in row.evidence
    else:
        assert row.multilateralism == 1 and expected in row.evidence, row.evidence


def test_a_lexicon_sent_to_a_worker_reads_states_the_same(frame_lexicon):
    """Worker processes receive the lexicon pickled: a form that is both a state's name and
    its adjective ("Myanmar") was recognised by identity, which a copied string loses, so
    the ambassador of Myanmar was a non-member in one process and not in two."""
    import pickle

    copy = pickle.loads(pickle.dumps(frame_lexicon))
    text = "The Secretary-General met the Ambassador of Myanmar."
    got = [framing.explain(text, lex, date="2025-04-09")["evidence"]["multilateralism"]
           for lex in (frame_lexicon, copy)]
    assert got == [["Myanmar (non-member in 2025)"]] * 2


def test_a_partial_date_counts_a_state_a_member_for_the_month_or_year_it_joined():
    """As the README and the module say (a review found the module's docstring claiming
    that a YYYY-MM date was compared day by day): Iran, a member from 4 July 2023 in the
    study's states file, is a member in a text dated 2023-07 but not in one of
    2023-07-01; a member_from of a month counts from its first day."""
    from discourse import paths

    s = read_states(paths.lexicon_path("states.csv"), fast_tokens)
    assert s.member_from["Iran"] == "2023-07-04"
    dates = ("2023-06", "2023-07", "2023-07-01", "2023-07-03", "2023-07-04", "2023", "2022")
    assert [s.is_member("Iran", d) for d in dates] == \
        [False, True, False, False, True, True, False]
    month = States("x", {"Iran": "2023-07"}, {}, 1)
    assert [month.is_member("Iran", d) for d in ("2023-06-30", "2023-07-01", "2023-07")] \
        == [False, True, True]


@pytest.mark.parametrize("title, date, expected", [
    # a metamorphic review: a headline in capitals lost the state it names
    ("SCO SECRETARY-GENERAL MEETS WITH AMBASSADOR OF BELARUS", "2019-03-01",
     "BELARUS (non-member in 2019)"),
    ("SCO SECRETARY-GENERAL RECEIVES AMBASSADOR OF THE LAO PEOPLE'S DEMOCRATIC REPUBLIC",
     "2019-03-01", "DEMOCRATIC REPUBLIC (non-member in 2019)"),     # "PEOPLE ' S": printed
    ("SCO SECRETARY-GENERAL SIGNS BOOK OF CONDOLENCES AT THE EMBASSY OF T\u00dcRKIYE",
     "2023-02-08", "T\u00dcRKIYE (non-member in 2023)"),
    ("RASHID ALIMOV: MONGOLIA IS A LONG-STANDING AND VALUED PARTNER OF THE SCO", "2018-05-01",
     "MONGOLIA (non-member in 2018)"),
    ("THE SCO-MONGOLIA MEETING WAS HELD IN BEIJING.", "2019-03-01",
     "SCO-MONGOLIA (non-member in 2019)"),
    # members at the date, founders, seas, short words in capitals: as before
    ("SCO SECRETARY-GENERAL MEETS WITH AMBASSADOR OF BELARUS", "2025-03-01", None),
    ("SCO SECRETARY-GENERAL MEETS WITH AMBASSADOR OF INDIA", "2019-03-01", None),
    ("SCO SECRETARY-GENERAL MEETS WITH AMBASSADOR OF RUSSIA", "2019-03-01", None),
    ("THE MINISTERS MET TO DISCUSS THE SEA OF JAPAN.", "2019-03-01", None),
    ("IT WAS DISCUSSED WITH THE AMBASSADOR.", "2019-03-01", None),
    # lower-cased text is not read as capitals
    ("the secretary-general met the ambassador of belarus.", "2019-03-01", None),
])
def test_a_state_in_a_headline_in_capitals_is_the_state(title, date, expected, frame_lexicon):
    row = _coded(title, frame_lexicon, date)
    if expected is None:
        assert "non-member" not in row.evidence, row.evidence
    else:
        assert row.multilateralism == 1 and expected in row.evidence, row.evidence


def test_a_headline_in_capitals_carries_its_state_to_the_text(frame_lexicon):
    for title in ("SCO Secretariat holds briefing for ambassadors of Arab States",
                  "SCO SECRETARIAT HOLDS BRIEFING FOR AMBASSADORS OF ARAB STATES"):
        rows = [(f"s{i}", t, i, "d", "2021-05-20") for i, t in enumerate([
            title, "Beijing, 20 May 2021",
            "The Secretary-General briefed the participants on the history of the SCO.",
            "After the briefing, the guests toured the Secretariat building."])]
        out = list(framing.iter_codes(rows, frame_lexicon))
        assert [c.multilateralism for c in out] == [1, 0, 1, 1], title


def test_states_are_read_in_capitals_too(tmp_path, frame_lexicon):
    p = _write(tmp_path, "state,names,adjectives,member_from,capitals\n"
                         "Belarus,Belarus|Republic of Belarus,Belarusian,2024-07-04,Minsk\n"
                         "USA,United States|US|USA,American,,Washington\n"
                         "Saint Lucia,St Lucia,,,\n")
    s = read_states(p, fast_tokens)
    for form in ("BELARUS", "REPUBLIC OF BELARUS", "BELARUSIAN", "MINSK", "UNITED STATES",
                 "Belarus", "US", "USA"):
        assert tuple(form.split()) in s.forms, form
    # an acronym is one form; a first word of fewer than three letters is not put in capitals
    assert ("ST", "LUCIA") not in s.forms and ("St", "Lucia") in s.forms
    assert s.find(["AMBASSADOR", "OF", "BELARUS"]) == [(2, 3, "Belarus", False)]
    assert s.find(["Republic", "OF", "Belarus"]) == [(2, 3, "Belarus", False)]
    assert s.find(["the", "belarus", "side"]) == []
    # a sea named after a state is a place in capitals too
    find = frame_lexicon.states.find
    assert find(["THE", "SEA", "OF", "JAPAN"]) == find(["the", "Sea", "of", "Japan"]) == []
    assert find(["JAPAN", "SEA"]) == [] and find(["THE", "SEA", "OF", "JAPAN", "AND", "JAPAN"]) \
        == [(5, 6, "Japan", False)]


def test_a_headline_in_capitals_repeated_at_other_dates_reads_membership_anew(frame_lexicon):
    """The coder's memo keeps a text that may name a state per date: a state in capitals
    is such a text."""
    title = "SCO SECRETARY-GENERAL MEETS WITH AMBASSADOR OF BELARUS"
    dates = ["2019-03-01", "2020-03-01", "2021-03-01", "2025-03-01", "2026-03-01"]
    rows = [(f"s{i}", title, i, f"d{i}", d) for i, d in enumerate(dates)]
    out = list(framing.iter_codes(rows, frame_lexicon))
    assert [c.multilateralism for c in out] == [1, 1, 1, 0, 0]
