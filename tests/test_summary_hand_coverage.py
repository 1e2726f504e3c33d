"""results/summary.md on a corpus only part of which is hand-coded (a walkthrough: five
documents of three new years added to the study's two hand-coded texts): the sentences
that rest on hand codes say which years and documents have them."""

from __future__ import annotations

import pandas as pd

from discourse import summary

HOW = "cluster bootstrap percentile (documents resampled within year; B=9, seed=1)"
#: year: documents (the walkthrough's corpus: 2021 and 2023 of two each)
DOCS = {2019: ["a"], 2020: ["b"], 2021: ["c", "d"], 2022: ["e"], 2023: ["f", "g"]}
SENTENCES = {2019: 77, 2020: 123, 2021: 19, 2022: 9, 2023: 17}
CODED = (2019, 2020)
PAIRS = [(2019, y) for y in (2020, 2021, 2022, 2023)]


def _write(root, name, rows):
    pd.DataFrame(rows).to_csv(root / name, index=False)


def _tables(root, coded=CODED):
    """The tables of a run on a corpus whose years ``coded`` have every sentence
    hand-coded and whose other years have none."""
    _write(root, "corpus-summary.csv", [
        dict(doc_id=d, year=y, role="all", paragraphs=5, sentences=SENTENCES[y] // len(ds),
             words=300) for y, ds in DOCS.items() for d in ds])
    _write(root, "framing-shares-by-year.csv", [
        dict(year=y, frame="security", n_sentences=n, n_frame=n // 3, share=0.3,
             ci_low=0.1, ci_high=0.5, interval=HOW) for y, n in SENTENCES.items()])
    _write(root, "framing-shares-corrected.csv", [
        dict(year=y, frame="security", n_sentences=n, share_coder=0.3,
             n_hand=n if y in coded else 0, share_hand=0.32 if y in coded else None,
             sensitivity=0.98, specificity=1.0, youden=0.98, share_corrected=0.306,
             clipped=False, flag="", ci_low=0.0, ci_high=1.0,
             method="Rogan-Gladen ... in the same replicate ...", n_boot=9, seed=1)
        for y, n in SENTENCES.items()])
    _write(root, "framing-accuracy-by-year.csv", [
        dict(frame="security", measure="sensitivity", year=y, reference=coded[0],
             difference=0.03 if y == coded[1] else None,
             difference_low=-0.07 if y == coded[1] else None,
             difference_high=0.2 if y == coded[1] else None,
             differs="no" if y == coded[1] else None) for y in ("all", *coded)])
    main = dict(variant="lexicon codes, all", codes="lexicon", sentences="all", kind="main",
                frame="security", holds=True, conclusion="no clear change",
                difference=-0.05, ci_low=-0.3, ci_high=0.2)
    body = dict(main, variant="lexicon codes, without questions, titles, leads",
                sentences="without questions, titles, leads", kind="check")
    hand = dict(main, variant="hand codes, all", codes="hand", kind="check")
    hand_body = dict(body, variant="hand codes, without questions, titles, leads",
                     codes="hand")
    pairs = [p for p in PAIRS if set(p) <= set(coded)]
    _write(root, "framing-sensitivity.csv", [
        dict(row, reference=r, target=t) for row, among in
        ((main, PAIRS), (body, PAIRS), (hand, pairs), (hand_body, pairs))
        for r, t in among])
    _write(root, "framing-validation.csv", [
        dict(frame="security", metric=m, value=0.9, ci_low=0.8, ci_high=0.95,
             n=sum(SENTENCES[y] for y in coded)) for m in ("f1", "kappa")])


def _text(root):
    return summary.render_summary(summary.headline_findings(root), results=root)


def _summary(root, coded=CODED):
    """The summary of the tables :func:`_tables` writes for ``coded``."""
    _tables(root, coded)
    return _text(root)


def test_a_year_without_hand_codes_says_so_instead_of_a_share_of_none(tmp_path):
    """It printed "2021 42.8% (95% CI 0% to 100%; hand codes nan% of 0)"."""
    text = _summary(tmp_path)
    assert "nan" not in text
    assert ("2019 30.6% (95% CI 0% to 100%; hand codes 32.0% of 77), 2020 30.6% (95% CI 0% "
            "to 100%; hand codes 32.0% of 123), 2021 30.6% (95% CI 0% to 100%; no hand codes "
            "in 2021), 2022") in text
    assert ("sensitivity and specificity from 200 hand-coded sentences, none of them from "
            "2021, 2022 or 2023, whose corrected shares apply the sensitivity and "
            "specificity measured in the other years to text not coded by hand, bootstrap "
            "CIs with the hand-coded sentences drawn in the same replicates") in text
    # every year hand-coded: the sentence is as it was
    text = _summary(tmp_path, coded=tuple(SENTENCES))
    assert "no hand codes in" not in text and "none of them from" not in text
    assert "2021 30.6% (95% CI 0% to 100%; hand codes 32.0% of 19)" in text


def test_the_accuracy_comparison_names_the_years_it_compared(tmp_path):
    """"do not differ detectably between years" with rows for two of five years."""
    text = _summary(tmp_path)
    assert ("The coder's sensitivity and specificity do not differ detectably between 2019 "
            "and 2020, the years with hand codes (the CIs of the differences") in text
    assert ("include 0). 2021, 2022 and 2023 have no hand-coded sentence, so the coder's "
            "errors there are not measured. [results/framing-accuracy-by-year.csv]") in text
    # a difference found is named with the same years
    acc = pd.read_csv(tmp_path / "framing-accuracy-by-year.csv")
    acc.loc[acc.year == "2020", ["difference_low", "differs"]] = [0.01, "yes"]
    acc.to_csv(tmp_path / "framing-accuracy-by-year.csv", index=False)
    text = _text(tmp_path)
    assert ("The coder's sensitivity and specificity differ between 2019 and 2020, the "
            "years with hand codes, for: security sensitivity (2020 minus 2019") in text
    # every year compared: "between years", as before
    text = _summary(tmp_path, coded=tuple(SENTENCES))
    assert "do not differ detectably between years (the CIs" in text
    assert "no hand-coded sentence" not in text


def test_the_sensitivity_sentence_says_which_checks_cover_which_differences(tmp_path):
    """"holds in 18 of 18 checks (...; hand codes instead of lexicon codes ...)" though
    the hand-code checks cover one of the four year differences."""
    text = _summary(tmp_path)
    assert ("the conclusion about each year difference holds in 6 of 6 checks (without "
            "questions, titles and leads: every difference; hand codes instead of lexicon "
            "codes: 2020 minus 2019 only, as 2021, 2022 and 2023 have no hand codes; the "
            "main result itself is not counted).") in text
    # every difference checked both ways: the sentence is as it was
    text = _summary(tmp_path, coded=tuple(SENTENCES))
    assert ("holds in 12 of 12 checks (without questions, titles and leads; hand codes "
            "instead of lexicon codes; the main result itself is not counted)") in text


def test_the_agreement_sentence_says_which_years_and_documents_are_hand_coded(tmp_path):
    """"hand coding of 200 sentences of the corpus" of a corpus five of whose seven
    documents have no hand-coded sentence."""
    text = _summary(tmp_path)
    assert ("Agreement of the lexicon coder with hand coding of 200 sentences of the "
            "corpus, all from 2019 and 2020 (every sentence of 2 of the corpus's 7 "
            "documents; the other 5, of 2021, 2022 and 2023, have no hand-coded sentence) "
            "(paragraph-cluster bootstrap CIs") in text
    # part of a year coded: its sentences are counted, its documents not claimed
    corr = pd.read_csv(tmp_path / "framing-shares-corrected.csv")
    corr.loc[corr.year == 2020, "n_hand"] = 50
    corr.loc[corr.year == 2022, ["n_hand", "share_hand"]] = [9, 0.1]
    corr.to_csv(tmp_path / "framing-shares-corrected.csv", index=False)
    text = _text(tmp_path)
    assert ("corpus, all from 2019, 2020 (50 of its 123 sentences) and 2022 (those years "
            "have 3 of the corpus's 7 documents; the other 4, of 2021 and 2023, have no "
            "hand-coded sentence) (paragraph") in text
    # every year hand-coded: the sentence is as it was
    assert "hand coding of 245 sentences of the corpus (paragraph-cluster" in _summary(
        tmp_path, coded=tuple(SENTENCES))
