"""The coder's memo of sentence analyses (:class:`discourse.framing.stream.AnalysisMemo`)
gives what coding every sentence afresh gives: the same codes and evidence for
sentences repeated across paragraphs, documents and dates (a state's membership
depends on the date), with the memo cleared when full, for both tokenizers."""

from __future__ import annotations

import pytest

from discourse.framing import evaluation
from discourse.framing.matcher import Caches
from discourse.framing.stream import MEMO_SIZE, AnalysisMemo, code_stream

#: Sentences whose codes depend on the date (a state that joined the SCO later), on
#: context, or on nothing; typographic and empty ones.
EDGE = ["The Secretary-General met the Ambassador of Belarus.",
        "The SCO Secretary-General held talks with the Ambassador of Iran.",
        "India and Pakistan took part, with Belarus and Mongolia as observers.",
        "The SCO-Belarus talks covered trade.", "Terrorism is a threat.",
        "In this context, the sides agreed.", "Do you agree?", "Yes.", "", "   ",
        "The SCO\u2019s anti\u2011drug\xa0strategy was adopted."]
DATES = ["2016-01-01", "2019", "2024-07-04", None, "2025", "2017-06", 2019, 2024.0]


def _rows(real_sentences, multi_sentences, dev):
    """The sentences in paragraphs of three, each text in several documents, paragraphs
    and dates (str, None and numbers), so that most repeat."""
    texts = [*real_sentences.text, *multi_sentences.text, *EDGE]
    texts += dev
    texts += [*EDGE, *EDGE]
    out = []
    for k, date in enumerate(DATES):
        shifted = texts[k:] + texts[:k]               # other paragraph neighbours
        for i, text in enumerate(shifted):
            out.append((f"{k}.{i}", text, (k, i // 3), f"d{k}.{i // 40}", date))
    return out


@pytest.fixture(scope="module")
def dev_texts():
    return evaluation.load_set("sco_style/frames_dev.csv")["text"].tolist()


@pytest.fixture(scope="module")
def rows(real_sentences, multi_sentences, dev_texts):
    """The development sentences in paragraphs of three, each text in several
    documents, paragraphs and dates (str, None and numbers), so that most repeat."""
    return _rows(real_sentences, multi_sentences, dev_texts)


#: Development sentences that, with every eighth, reach every branch of the package that
#: coding the whole development set reaches (measured with coverage.py, 2026-12-05;
#: beyond those of functions cached for the process, warm by then).
REACH = [122, 124, 175, 317, 419, 486, 651, 777, 798, 1241, 1247, 1282, 1294, 1372, 1475,
         1527, 1569, 1609, 1990, 2797, 2801, 3031]


@pytest.fixture(scope="module")
def sample(real_sentences, multi_sentences, dev_texts):
    """``rows`` with every eighth sentence of the development set and those of ``REACH``
    only (about a fifth of the rows; every sentence of the study's and the multi-year
    corpus and every edge case still there, on every date): small enough for the fast
    layer, large enough that a memo of 1000 is cleared when full."""
    picked = sorted(set(range(0, len(dev_texts), 8)) | set(REACH))
    return _rows(real_sentences, multi_sentences, [dev_texts[i] for i in picked])


def _codes(rows, lex, tokenizer="fast", size=MEMO_SIZE):
    caches = Caches(lex)
    caches.analyses[tokenizer] = memo = AnalysisMemo(size)
    got = list(code_stream(rows, lex, tokenizer, caches))
    assert len(memo) <= size
    return got, memo


@pytest.fixture(scope="module")
def afresh(frame_lexicon, rows):
    """The codes of ``rows`` with no memo (coded once for the module's sizes)."""
    plain, none = _codes(rows, frame_lexicon, size=0)
    assert len(none) == 0
    return plain


@pytest.fixture(scope="module")
def sample_afresh(frame_lexicon, sample):
    """The codes of ``sample`` with no memo."""
    plain, none = _codes(sample, frame_lexicon, size=0)
    assert len(none) == 0
    return plain


@pytest.mark.parametrize("size", [      # the fast layer: the memo and one that forgets
    MEMO_SIZE, pytest.param(2, marks=pytest.mark.slow), 7,
    pytest.param(1000, marks=pytest.mark.slow)])
def test_memo_gives_the_codes_of_every_sentence_of_a_sample_coded_afresh(
        frame_lexicon, sample, sample_afresh, size):
    # the fast twin of the exhaustive check below, on a sample of the development set
    got, memo = _codes(sample, frame_lexicon, size=size)
    assert got == sample_afresh
    if size == MEMO_SIZE:
        assert 0 < len(memo) < len(sample)              # repeats were looked up


@pytest.mark.slow
@pytest.mark.parametrize("size", [MEMO_SIZE, 2, 7, 1000])
def test_memo_gives_the_codes_of_every_sentence_coded_afresh(
        frame_lexicon, rows, afresh, size):
    plain = afresh
    got, memo = _codes(rows, frame_lexicon, size=size)
    assert got == plain
    if size == MEMO_SIZE:
        assert 0 < len(memo) < len(rows)                # repeats were looked up


@pytest.mark.slow
def test_memo_without_context_and_with_nltk(frame_lexicon, rows):
    alone = [(i, t, None) for i, t, *_ in rows[:3000]]
    assert _codes(alone, frame_lexicon)[0] == _codes(alone, frame_lexicon, size=0)[0]
    some = rows[:600] + rows[-600:]
    assert _codes(some, frame_lexicon, "nltk")[0] == _codes(some, frame_lexicon, "nltk",
                                                            size=0)[0]


def test_memo_keys_a_state_on_the_date(frame_lexicon):
    text = EDGE[0]
    rows = [(d, text, d, d, d) for d in ("2019", "2025", "2019", None, "2025")]
    got = [c.multilateralism for c in _codes(rows, frame_lexicon)[0]]
    assert got == [1, 0, 1, 0, 0]


def test_one_memo_per_tokenizer_in_shared_caches(frame_lexicon, rows):
    caches = Caches(frame_lexicon)
    some = rows[:400]
    fast = list(code_stream(some, frame_lexicon, "fast", caches))
    nltk = list(code_stream(some, frame_lexicon, "nltk", caches))
    assert set(caches.analyses) == {"fast", "nltk"}
    assert fast == _codes(some, frame_lexicon, size=0)[0]
    assert nltk == _codes(some, frame_lexicon, "nltk", size=0)[0]


@pytest.mark.slow
def test_caches_of_another_lexicon_keep_their_memo(frame_lexicon, rows):
    from discourse import framing

    other = framing.load_lexicon()                  # equal content, another lexicon
    assert other is not frame_lexicon
    caches = Caches(frame_lexicon)
    some = rows[:400]
    got = list(code_stream(some, other, "fast", caches))
    assert caches.analyses == {}
    assert got == _codes(some, other, size=0)[0]


def test_long_texts_are_neither_memoised_nor_remembered(frame_lexicon, monkeypatch):
    from discourse.framing import stream

    monkeypatch.setattr(stream, "MEMO_CHARS", 60)
    short, long = EDGE[4], " ".join([EDGE[1]] * 3)     # 22 and 200 characters
    rows = [(i, t, (i, 0)) for i, t in enumerate([short, long] * 4)]
    got, memo = _codes(rows, frame_lexicon)
    assert memo.once == {short}
    assert {key[0] for key in memo} == {short}
    assert got == _codes(rows, frame_lexicon, size=0)[0]


def test_the_default_size_is_read_when_a_memo_is_made(monkeypatch):
    from discourse.framing import stream

    monkeypatch.setattr(stream, "MEMO_SIZE", 0)
    assert AnalysisMemo().size == 0 and AnalysisMemo(5).size == 5
