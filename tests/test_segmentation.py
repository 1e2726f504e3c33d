"""discourse.segmentation: paragraphs, sentences, roles and ids, on the real corpus and on
small corpora with known answers; joining the sentences gives back each paragraph."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import corpus

from conftest import CORPUS, D2019, D2020, study_sentences, write_corpus


@pytest.fixture(scope="module")
def docs(real_docs):
    return real_docs


def _text(sents, sid):
    return sents.loc[sents.sentence_id == sid, "text"].item()


# --- segmentation ------------------------------------------------------------------

def test_sentence_table_shape_and_counts(sents):
    assert list(sents.columns) == ["sentence_id", "doc_id", "year", "date", "paragraph",
                                   "sentence", "role", "text"]
    assert sents.sentence_id.is_unique
    assert sents.groupby("doc_id").size().to_dict() == {D2019: 77, D2020: 123}
    assert sents.groupby("doc_id").paragraph.max().to_dict() == {D2019: 36, D2020: 64}
    assert sents.role.value_counts().to_dict() == {
        "speech": 122, "answer": 59, "question": 14, "lead": 3, "title": 2}


def test_sentence_ids_are_stable_and_follow_the_text(sents):
    assert _text(sents, f"{D2020}.p001.s01") == (
        "Address by SCO Secretary-General Vladimir Norov at a press conference")
    assert _text(sents, f"{D2019}.p002.s01") == "22.04.2019 12:45"
    assert _text(sents, f"{D2020}.p064.s03") == (
        "This decision was well received by\u00a0all SCO member states.")
    again = study_sentences()
    pd.testing.assert_frame_equal(sents, again)
    ids = sents.sentence_id.str.extract(r"^(.+)\.p(\d{3})\.s(\d{2})$")
    assert (ids[0] == sents.doc_id).all()
    assert (ids[1].astype(int) == sents.paragraph).all()
    assert (ids[2].astype(int) == sents.sentence).all()


@pytest.mark.parametrize("sid,expected", [
    # "Mr Jenča" (no full stop) and "Mr. Greminger" (full stop) do not end sentences
    (f"{D2020}.p044.s01", "Mr Jenča said that SCO was no longer only a regional organization, "
     "but also a global one, as its sphere of interest had long gone beyond one region."),
    (f"{D2020}.p045.s03", "In a recent letter to me, Mr. Greminger noted that against the "
     "background of the pandemic, we need to work together to strengthen social cohesion and "
     "take steps towards stabilization and closer economic cooperation."),
    # "St. Petersburg", "US$ 6.3 trillion", "3,800", quotation marks and dashes
    (f"{D2020}.p064.s01", "We are now preparing for the St. Petersburg SCO Summit and other "
     "meetings, and meetings to be held at the level of heads of key ministries and agencies."),
    (f"{D2020}.p025.s02", "At the same time, the total foreign trade turnover of SCO member "
     "States with foreign countries in 2019 exceeded US$ 6.3 trillion."),
    (f"{D2020}.p029.s02", "According to the new document, in the short term — until 2025 — the "
     "SCO member states will develop and start implementing promising programmes and projects "
     "using modern innovative and “green” technologies."),
    (f"{D2020}.p046.s02", "On 22 October 2019, a round table on “SCO-ASEAN: trade and investment "
     "potential” was held in Jakarta."),
    (f"{D2020}.p047.s02", "On 26 November 2019 the SCO Secretary-General met with the ambassadors "
     "of the European Union in China at the SCO Secretariat, and on 5 December 2019 with the "
     "ambassadors of the League of Arab States in China."),
])
def test_tricky_sentences_keep_their_exact_text(sents, sid, expected):
    # the published text has non-breaking spaces; the sentence keeps them
    assert _text(sents, sid).replace("\u00a0", " ") == expected


def test_sentence_with_3800_is_whole(sents):
    s = _text(sents, f"{D2020}.p016.s01").replace("\u00a0", " ")
    assert "more than 3,800 persons" in s and s.endswith("to the Internet resources.")
    assert s.startswith("According to the SCO RATS")


def test_non_breaking_spaces_are_kept(sents):
    s = _text(sents, f"{D2019}.p009.s01")
    assert "accession of\u00a0India" in s and "\u00a0— total population" in s


@pytest.mark.parametrize("layer", ["raw", "cleaned"])
def test_joining_sentences_gives_back_each_paragraph(layer):
    docs = corpus.load_docs(CORPUS, layer=layer)
    paras = corpus.paragraphs(docs).set_index(["doc_id", "paragraph"]).text
    sents = corpus.segment(docs)
    for (doc_id, p), group in sents.groupby(["doc_id", "paragraph"]):
        assert corpus.join_sentences(list(group.text)) == paras[(doc_id, p)]
    # and the paragraphs are the non-blank lines of the text, in order
    for doc in docs.itertuples():
        lines = [line.strip(" \u00a0") for line in doc.text.split("\n")
                 if line.strip(" \u00a0")]
        assert list(paras[doc.doc_id]) == lines


def test_raw_duplicate_clause_is_one_sentence_at_the_non_breaking_space():
    sents = corpus.segment(corpus.load_docs(CORPUS, layer="raw"))
    s = _text(sents, f"{D2020}.p047.s02")
    assert "European Union in\u00a0China.\u00a0— On 26 November" in s


QUESTIONS_2019 = {
    5: ("This year’s main event is the SCO Heads of State Council Meeting in Bishkek.", 3),
    8: ("What is the SCO’s current role in global governance?", 2),
    14: ("The fight against terrorism has become a key aspect of the SCO's multilateral "
         "cooperation.", 2),
    23: ("Over the 18 years of its existence, the SCO has achieved quite good progress in "
         "economic and humanitarian cooperation, but even that cannot be compared to the "
         "impressive results that have been achieved through synergy in the field of security.", 4),
    28: ("Is the SCO currently reviewing any specific economic cooperation projects?", 1),
    31: ("How do you see the further expansion of SCO influence in the world?", 2),
}


def test_every_2019_question_and_only_those(sents):
    d = sents[sents.doc_id == D2019]
    q = d[d.role == "question"]
    assert sorted(q.paragraph.unique()) == sorted(QUESTIONS_2019)
    for p, (first, n) in QUESTIONS_2019.items():
        group = q[q.paragraph == p]
        assert len(group) == n
        assert group.text.iloc[0].replace("\u00a0", " ") == first
    roles = d.drop_duplicates("paragraph").set_index("paragraph").role
    assert list(roles[roles == "lead"].index) == [2, 3, 4]
    assert roles[1] == "title"
    # questions and answers alternate: every question is followed by an answer
    for p in QUESTIONS_2019:
        assert roles[p + 1] == "answer"
    # the answer that starts "In response to the question" is not a question
    assert roles[13] == "answer"


@pytest.mark.slow
def test_parallel_segmentation_is_identical(docs, sents):
    pd.testing.assert_frame_equal(corpus.segment(docs, n_jobs=2), sents)
    assert list(corpus.iter_sentences(docs))[0] == tuple(sents.iloc[0])


def test_address_roles(sents):
    d = sents[sents.doc_id == D2020]
    assert d.role.iloc[0] == "title"
    assert set(d.role.iloc[1:]) == {"speech"}


def test_sentence_functions_are_those_of_text():
    from discourse import segmentation, text

    assert corpus.split_sentences is text.split_sentences
    assert corpus.join_sentences is text.join_sentences
    assert corpus.segment is segmentation.segment and corpus.ROLES == segmentation.ROLES


# --- a tiny corpus with known answers ----------------------------------------------

def test_tiny_corpus_segmentation(tiny_corpus):
    s = corpus.segment(corpus.load_docs(tiny_corpus))
    got = s[["sentence_id", "role", "text"]].values.tolist()
    assert got == [
        ["tiny-2021-speech.p001.s01", "title", "Address on security and trade"],
        ["tiny-2021-speech.p002.s01", "speech", "Terrorism and extremism remain the main threats."],
        ["tiny-2021-speech.p002.s02", "speech", "Mr. Smith met Mr Jones in St. Petersburg."],
        ["tiny-2021-speech.p003.s01", "speech", "Trade grew to US$ 6.3 trillion, or 3,800 deals."],
        ["tiny-2022-interview.p001.s01", "title", "An interview with the Secretary-General"],
        ["tiny-2022-interview.p002.s01", "lead", "01.02.2022 10:00"],
        ["tiny-2022-interview.p003.s01", "lead", "The Secretary-General met the press."],
        ["tiny-2022-interview.p004.s01", "question", "What is next?"],
        ["tiny-2022-interview.p004.s02", "question", "Will trade grow?"],
        ["tiny-2022-interview.p005.s01", "answer", "Trade will grow."],
        ["tiny-2022-interview.p005.s02", "answer", "Security matters too."],
        ["tiny-2022-interview.p006.s01", "question", "And the UN?"],
        ["tiny-2022-interview.p007.s01", "answer", "We cooperate with the UN."],
    ]
    assert list(s.year.unique()) == [2021, 2022]


def test_a_new_document_is_a_file_plus_a_row(tmp_path):
    texts = {"x-2023-speech": "A title\nOne sentence. Another one.\n",
             "y-2024-speech": "B title\nMore text here.\n",
             "z-2025-interview": "C title\nWhy?\nBecause.\n"}
    root = write_corpus(tmp_path / "c", texts)
    s = corpus.segment(corpus.load_docs(root))
    assert sorted(s.year.unique()) == [2023, 2024, 2025]
    assert len(s) == 8


# --- the date of each sentence's document ----------------------------------------------

def test_sentences_carry_the_date_of_their_document_as_written(sents):
    """``date`` is metadata.csv's date, as text: "2020-06" (a month) stays "2020-06"."""
    dates = sents.groupby("doc_id")["date"].unique().map(list).to_dict()
    assert dates == {D2019: ["2019-04-22"], D2020: ["2020-06"]}
    meta = corpus.load_metadata(CORPUS).set_index("doc_id")["date"]
    assert sents["date"].tolist() == sents["doc_id"].map(meta).tolist()
    assert all(type(d) is str for d in sents["date"])


def test_a_docs_table_without_dates_gives_the_year():
    docs = pd.DataFrame({"doc_id": ["d1"], "year": [2021], "genre": ["speech"],
                         "text": ["Title\nPeace."]})
    assert corpus.segment(docs)["date"].tolist() == ["2021", "2021"]
    timestamps = docs.assign(date=[pd.Timestamp("2021-03-04")])
    assert corpus.segment(timestamps)["date"].tolist() == ["2021-03-04", "2021-03-04"]
