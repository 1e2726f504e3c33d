"""discourse.framing.letter_case: text in one letter case is coded with a warning."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from conftest import REPO
from discourse import cli, framing
from discourse.framing import letter_case
from discourse.framing.letter_case import MIN_LETTERS, MIN_TEXTS, TOLERANCE, LetterCaseWarning

SENTENCE = "The SCO Secretary-General met the UN Under-Secretary-General in New York."


def test_single_case_tells_lower_upper_and_mixed():
    assert framing.single_case([SENTENCE.lower()] * MIN_TEXTS) == "lower"
    assert framing.single_case([SENTENCE.upper()] * MIN_TEXTS) == "upper"
    assert framing.single_case([SENTENCE] * MIN_TEXTS) is None
    # a sentence that starts with a capital is not lower-cased text
    assert framing.single_case(["The member states met in the capital city."] * 10) is None


def test_single_case_needs_enough_text_and_tolerates_a_few_exceptions():
    assert framing.single_case([SENTENCE.lower()] * (MIN_TEXTS - 1)) is None
    short = "a" * (MIN_LETTERS - 1)                 # too few letters to count
    assert framing.single_case([short] * 100) is None
    assert framing.single_case([short] * 100 + [SENTENCE.lower()] * MIN_TEXTS) == "lower"
    # 1 text in 20 with a capital (a headline in capitals) is within the tolerance ...
    n = round(1 / TOLERANCE)
    assert framing.single_case([SENTENCE.lower()] * (n - 1) + [SENTENCE.upper()]) == "lower"
    # ... 2 in 20 are not
    assert framing.single_case([SENTENCE.lower()] * (n - 2) + [SENTENCE] * 2) is None
    assert framing.single_case([SENTENCE.upper()] * (n - 2) + [SENTENCE] * 2) is None
    assert framing.single_case([None, 3.0] + [SENTENCE.lower()] * MIN_TEXTS) == "lower"


def test_code_sentences_warns_on_lower_cased_text_and_still_codes_it(
        real_sentences, frame_lexicon):
    sents = real_sentences[["sentence_id", "doc_id", "paragraph", "text"]]
    with warnings.catch_warnings():
        warnings.simplefilter("error", framing.LetterCaseWarning)
        plain = framing.code_sentences(sents, frame_lexicon)    # as published: no warning
    lower = sents.assign(text=sents["text"].str.lower())
    with pytest.warns(framing.LetterCaseWarning, match="the sentences table: the text is "
                      "lower-cased") as caught:
        codes = framing.code_sentences(lower, frame_lexicon)
    assert len(caught) == 1 and caught[0].filename == __file__    # points at the caller
    assert len(codes) == len(plain) and codes["sentence_id"].tolist() == \
        plain["sentence_id"].tolist()
    # the codes differ where capitals named an organisation: "un" is not the UN
    un = sents["text"].str.contains(r"\bUN\b")
    assert un.any()
    assert (plain.loc[un, "multilateralism"] >= codes.loc[un, "multilateralism"]).all()
    assert (plain.loc[un, "multilateralism"] > codes.loc[un, "multilateralism"]).any()


def _csv(path, texts):
    pd.DataFrame({"id": [f"s{i}" for i in range(len(texts))], "text": texts}).to_csv(
        path, index=False)
    return path


@pytest.mark.slow
def test_cli_prints_one_warning_line_and_writes_the_codes(tmp_path, capsys):
    texts = ["Terrorism and extremism remain serious threats to the region.",
             "The member states discussed trade and investment in the region.",
             "The sides agreed to continue cooperation with the United Nations.",
             "The delegation visited the SCO Secretariat in Beijing.",
             "The concert was held in the evening."]
    upper = _csv(tmp_path / "upper.csv", [t.upper() for t in texts])
    out = tmp_path / "out.csv"
    assert cli.main(["frames", str(upper), "-o", str(out)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"discourse frames: warning: {upper}: the text is written "
                             "in capitals.")
    assert pd.read_csv(out)["id"].tolist() == [f"s{i}" for i in range(5)]
    plain = _csv(tmp_path / "plain.csv", texts)
    assert cli.main(["frames", str(plain), "-o", str(tmp_path / "out2.csv")]) == 0
    assert capsys.readouterr().err == ""
    codes = pd.read_csv(tmp_path / "out2.csv")
    assert codes[list(framing.FRAMES)].values.tolist() == \
        [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0]]


def test_the_warnings_figures_are_those_of_the_committed_table():
    """KAPPA_DROP, which the warning quotes, is the range over the development sets of
    multilateralism's kappa as published minus lower-cased / in capitals."""
    from discourse import results

    path = results.FRAMING_LETTER_CASE.path(REPO / "results")
    if not path.is_file():
        pytest.skip("no committed results/framing-letter-case.csv in this checkout")
    t = pd.read_csv(path)
    t = t[(t.frame == "multilateralism") & (t.metric == "kappa")].set_index(["set", "case"])
    for case in ("lower", "upper"):
        drops = [t.loc[(s, "as published"), "value"] - t.loc[(s, case), "value"]
                 for s in t.index.get_level_values("set").unique()]
        assert (round(min(drops), 2), round(max(drops), 2)) == pytest.approx(
            letter_case.KAPPA_DROP[case], abs=1e-9)
    with pytest.warns(LetterCaseWarning, match=r"fell by 0\.00-0\.02 kappa"):
        letter_case.warn_if_single_case(["THE SCO AND THE UN MET TODAY IN BISHKEK."] * 40, "x")
