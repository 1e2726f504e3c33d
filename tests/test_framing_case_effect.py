"""discourse.framing.case_effect: the coder's agreement on text in one letter case."""

from __future__ import annotations

import pytest
from sklearn.metrics import cohen_kappa_score

from discourse import framing
from discourse.framing import evaluation as ev

from conftest import CORPUS


@pytest.fixture(scope="module")
def effect(frame_lexicon):
    return framing.letter_case_effect(frame_lexicon, corpus=CORPUS, sets=["corpus"],
                                      metrics=("kappa", "f1"), n_boot=200, seed=3)


def test_each_case_is_scored_against_the_same_hand_codes(effect, frame_lexicon):
    """Kappa of each case recomputed with scikit-learn from the coder's codes of the
    changed text; the hand codes never change."""
    table = ev.load_set("frames_validation.csv", CORPUS)
    assert effect.case.unique().tolist() == ["as published", "lower", "upper"]
    assert effect.set.unique().tolist() == ["corpus"] and (effect.n == len(table)).all()
    for case, change in (("as published", None), ("lower", str.lower), ("upper", str.upper)):
        if change is None:
            codes = ev.code_set(table, frame_lexicon)
        else:      # the warning the function hides is raised by the changed text
            with pytest.warns(framing.LetterCaseWarning):
                codes = ev.code_set(table.assign(text=table.text.map(change)), frame_lexicon)
        for f in framing.FRAMES:
            row = effect[(effect.case == case) & (effect.frame == f)
                         & (effect.metric == "kappa")].iloc[0]
            assert row.value == pytest.approx(cohen_kappa_score(table[f], codes[f]))
            assert row.ci_low <= row.value <= row.ci_high


def test_lower_case_costs_multilateralism_most(effect, frame_lexicon, texts_copy):
    """The warning's reason, measured: lower-cased text loses the capitals of names."""
    k = effect[effect.metric == "kappa"].set_index(["case", "frame"]).value
    assert k["lower", "multilateralism"] < k["as published", "multilateralism"] - 0.05
    # the point values do not depend on the resamples: few of them; generalisation
    # scores each registered set on its own, so a copy of the corpus whose registry holds
    # only the corpus's set gives the corpus's rows without coding the other sets
    sets = texts_copy / "annotations" / "sets.csv"
    rows = sets.read_text(encoding="utf-8").splitlines(keepends=True)
    sets.write_text(rows[0] + "".join(r for r in rows[1:] if r.startswith(
        "frames_validation.csv,corpus,")), encoding="utf-8")
    generalised = framing.generalisation(frame_lexicon, corpus=texts_copy, n_boot=20, seed=3)
    assert set(generalised.set) == {"corpus"}
    same = generalised[(generalised.set == "corpus") & (generalised.metric == "kappa")]
    assert dict(zip(same.frame, same.value)) == pytest.approx(
        {f: k["as published", f] for f in framing.FRAMES})


def test_unknown_sets_are_named_and_a_corpus_without_sets_gives_no_rows(tmp_path,
                                                                        frame_lexicon):
    with pytest.raises(ValueError, match=r"\['nope'\] are not registered"):
        framing.letter_case_effect(frame_lexicon, corpus=CORPUS, sets=["nope"], n_boot=10)
    (tmp_path / "texts").mkdir()
    assert framing.letter_case_effect(frame_lexicon, corpus=tmp_path, n_boot=10).empty
