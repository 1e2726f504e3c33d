"""A register row describes only the file whose sha256 it names (discourse.framing.register).

A walkthrough copied the corpus, saved her own hand-coded sample as
``annotations/frames_validation.csv`` and got a summary crediting it to the study's coders,
with the study's inter-coder kappas and "the lexicon was developed on these very sentences".
"""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from discourse import framing, summary
from discourse.framing import evaluation as ev
from discourse.framing.register import NOT_DESCRIBED

from conftest import CORPUS, register_checksums

F = list(framing.FRAMES)


def test_the_committed_register_names_the_checksum_of_every_file():
    """Whoever edits an annotation file updates its sha256 in sets.csv (and says why in
    corpus/annotations/README.md): otherwise the package stops applying its row."""
    root = CORPUS / "annotations"
    table = pd.read_csv(root / "sets.csv", dtype=str, keep_default_na=False)
    assert "sha256" in table
    for row in table.itertuples():
        assert row.sha256 == hashlib.sha256((root / row.file).read_bytes()).hexdigest(), \
            row.file
    sets = ev.load_sets(CORPUS)
    assert sets.described.all()
    assert NOT_DESCRIBED not in " ".join(sets.measured_on)


def _own_sample(root, n=40):
    """Replace the copy's frames_validation.csv by a sample of its rows (a researcher's
    own hand coding, as the README allows) and keep two sets in the register."""
    own = root / "annotations" / "frames_validation.csv"
    study = pd.read_csv(own, dtype=str, keep_default_na=False)
    study.iloc[::5].head(n).to_csv(own, index=False)
    path = root / "annotations" / "sets.csv"
    rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(rows[0] + "".join(r for r in rows[1:] if r.startswith(
        ("frames_validation.csv,corpus,", "frames_heldout.csv,hard-cases-1,"))),
        encoding="utf-8")
    return own


def test_a_replaced_hand_coding_gets_no_description_coders_or_label(
        texts_copy, frame_lexicon):
    _own_sample(texts_copy)
    sets = ev.load_sets(texts_copy).set_index("set")
    mine = sets.loc["corpus"]
    assert not mine.described
    assert (mine.used_for_development, mine.written_by, mine.coded_by, mine.description,
            mine.texts, mine.sentences) == ("", "", "", "", "", "")
    assert mine.kind == "real"                  # its sentences are the corpus's
    assert mine.measured_on == (
        "real text of this corpus: this file is not the one annotations/sets.csv "
        "describes (its sha256 differs from the register's), so who coded it and "
        "whether the lexicon was built or tuned on it are not recorded")
    # the file that is still the study's keeps its row
    assert sets.loc["hard-cases-1"].described
    assert sets.loc["hard-cases-1"].used_for_development == "yes"
    assert ev.lexicon_developed_on(texts_copy) is None
    # the study's two coders coded other sentences: not this file's coders
    assert (texts_copy / "annotations" / "frames_corpus_coder_a.csv").is_file()
    assert [p[0] for p in ev.coder_pairs(texts_copy)] == []
    g = ev.generalisation(frame_lexicon, corpus=texts_copy, n_boot=20, seed=1)
    corpus_rows = g[g.set == "corpus"]
    assert (corpus_rows.n == 40).all()
    assert set(corpus_rows.measured_on) == {mine.measured_on}
    assert set(corpus_rows.coded_by) == {""} and set(corpus_rows.used_for_development) == {""}
    ic = ev.intercoder(texts_copy, n_boot=20, seed=1)
    assert ic.empty
    assert ev.ceiling(g, ic).empty                  # no two-coder ceiling to quote


def test_a_register_without_checksums_describes_no_file(texts_copy):
    path = texts_copy / "annotations" / "sets.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="sha256")
    table.to_csv(path, index=False)
    sets = ev.load_sets(texts_copy)
    assert not sets.described.any() and set(sets.used_for_development) == {""}
    held = sets.set_index("set").loc["hard-cases-1"]
    assert held.kind == "" and held.measured_on.startswith(
        "text of unknown origin: this file is not the one annotations/sets.csv describes "
        "(the register gives no sha256 for it)")


def test_registering_ones_own_coding_describes_it_again(texts_copy):
    """The README's advice: describe your file in its row and give its sha256."""
    _own_sample(texts_copy)
    path = texts_copy / "annotations" / "sets.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table.loc[table.set == "corpus", ["used_for_development", "coded_by"]] = [
        "no", "one researcher"]
    table.to_csv(path, index=False)
    register_checksums(texts_copy)
    mine = ev.load_sets(texts_copy).set_index("set").loc["corpus"]
    assert mine.described and mine.coded_by == "one researcher"
    assert mine.measured_on == "real text, never used to build or tune the lexicon"
    assert ev.lexicon_developed_on(texts_copy) is False
    # the study's coder files, still there, code other sentences than hers: they are
    # not quoted as her coders (they were, with her file described)
    assert [p[0] for p in ev.coder_pairs(texts_copy)] == []
    # her own two coders' codes of her sentences are
    own = pd.read_csv(texts_copy / "annotations" / "frames_validation.csv", dtype=str)
    for name in ev.CORPUS_CODERS:
        own[["sentence_id", "security", "economy", "multilateralism"]].to_csv(
            texts_copy / "annotations" / name, index=False)
    pairs = list(ev.coder_pairs(texts_copy))
    assert [p[:4] for p in pairs] == [("corpus", "all", "A", "B")]
    assert sorted(pairs[0][4].sentence_id) == sorted(own.sentence_id)


def test_the_summary_says_the_file_is_not_the_one_described(tmp_path):
    label = ("real text of this corpus: this file is not the one annotations/sets.csv "
             "describes (its sha256 differs from the register's), so who coded it and "
             "whether the lexicon was built or tuned on it are not recorded")
    other = label.replace("real text of this corpus", "text of unknown origin")
    pd.DataFrame([dict(year=2021, frame="security", n_sentences=40, n_frame=10, share=0.25,
                       ci_low=0.12, ci_high=0.42)]).to_csv(
        tmp_path / "framing-shares-by-year.csv", index=False)
    pd.DataFrame([dict(frame="security", metric=m, value=0.9, ci_low=0.8, ci_high=0.95,
                       n=100) for m in ("f1", "kappa")]).to_csv(
        tmp_path / "framing-validation.csv", index=False)
    sets = (("corpus", "real", label), ("mine", "", other))
    pd.DataFrame([dict(set=s, kind=k, used_for_development="", measured_on=on,
                       frame="security", metric=m, value=0.9, ci_low=0.8, ci_high=0.95,
                       n=100, coded_by="") for s, k, on in sets
                  for m in ("f1", "kappa")]).to_csv(
        tmp_path / "framing-generalisation.csv", index=False)
    text = summary.render_summary(summary.headline_findings(tmp_path))
    assert "hand coding of 100 sentences of the corpus (paragraph-cluster" in text
    assert ("This file (annotations/frames_validation.csv) is not the one the corpus's "
            "register of hand-coded sets (annotations/sets.csv) describes: its sha256 is "
            "not the register's, so who coded it and whether the lexicon was built or tuned "
            "on these sentences are not recorded; if it was, these figures are optimistic."
            ) in text
    assert "coded by" not in text and "Two coders" not in text
    assert "developed and revised on these very sentences" not in text
    assert (f"100 sentences of the set 'mine' ({other}): security F1 0.90 (95% CI "
            "0.80-0.95), Cohen's kappa 0.90 (0.80-0.95). Whether the lexicon was built or "
            "tuned on these sentences is not recorded: if it was, these figures are "
            "optimistic.") in text


@pytest.mark.slow
def test_the_ceiling_figure_says_when_use_is_not_recorded():
    from discourse import plots

    row = dict(set="mine", kind="", used_for_development="", measured_on="", frame="security",
               metric="kappa", coder=0.9, coder_low=0.8, coder_high=0.95, two_coders=0.95,
               two_coders_low=0.9, two_coders_high=0.99, gap=0.05)
    fig = plots.plot_agreement_ceiling(pd.DataFrame([row]))
    title = fig.axes[0].get_title()
    assert "not recorded whether used to build" in title and "never used" not in title


@pytest.mark.slow            # codes the corpus, validates and scores generalisation
def test_a_sample_of_the_corpus_is_scored_in_context_as_validate_scores_it(texts_copy):
    """A hand-coded sample of the corpus (every fifth sentence of the study's coding) is
    scored on the codes of the whole corpus, as validate scores it: coded alone, its
    sentences lose their neighbours, titles and leads and some get other codes, and the
    walkthrough got two kappas for one set of hand codes in one run."""
    from discourse import corpus

    _own_sample(texts_copy)
    register_checksums(texts_copy)
    lex = framing.load_lexicon()
    table = ev.load_set("frames_validation.csv", texts_copy)
    assert len(table) == 40
    sents = corpus.segment(corpus.load_docs(texts_copy))
    whole = framing.code_sentences(sents, lex).set_index("sentence_id").loc[table.id, F]
    alone = ev.code_set(table, lex).set_index("sentence_id")[F]
    assert (alone != whole).any(axis=1).sum() >= 1          # context changes a code
    coded = ev.code_registered("frames_validation.csv", table, lex, texts_copy)
    assert coded.sentence_id.tolist() == table.id.tolist()
    assert (coded.set_index("sentence_id")[F] == whole).all().all()
    hand = framing.load_validation(corpus=texts_copy)
    v = framing.validate(framing.code_sentences(sents, lex), hand, clusters=sents,
                         n_boot=200, seed=4).set_index(["frame", "metric"])
    g = ev.generalisation(lex, corpus=texts_copy, n_boot=200, seed=4)
    mine = g[g.set == "corpus"].set_index(["frame", "metric"]).loc[v.index]
    for col in ("value", "ci_low", "ci_high", "n"):
        assert mine[col].tolist() == v[col].tolist(), col
    # the letter-case table's text as published is the same measurement
    case = framing.letter_case_effect(lex, corpus=texts_copy, sets=["corpus"], n_boot=200,
                                      seed=4)
    published = case[case.case == "as published"].set_index("frame").value
    assert published.to_dict() == {f: v.loc[(f, "kappa"), "value"] for f in F}
    # another set is coded on its own, as before: its sentences are all its context
    held = ev.load_set("frames_heldout.csv", texts_copy)
    held_codes = ev.code_registered("frames_heldout.csv", held, lex, texts_copy)
    assert held_codes.equals(ev.code_set(held, lex))
    assert held_codes.sentence_id.tolist() == held.id.tolist()     # in the set's order


@pytest.mark.parametrize("damage", ["drop", "third", "twice"])
def test_a_coders_file_that_misses_sentences_or_has_a_third_coder_is_named(corpus_copy,
                                                                           damage):
    """A registered set's coders' file must hold two coders who each code every
    sentence of each part once: before, a missing row was a bare KeyError from pandas
    and a third coder a ValueError of unpacking."""
    path = corpus_copy / "annotations" / "sco_style" / "frames_dev_coders.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if damage == "drop":
        table = table.iloc[1:]
    elif damage == "third":
        table = pd.concat([table, table.iloc[:1].assign(coder="c99")])
    else:
        table = pd.concat([table, table.iloc[:1]])
    table.to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"frames_dev_coders\.csv: the \d+ sentences of "
                       r"part '[^']+' of sco_style/frames_dev\.csv need two coders") as err:
        list(ev.coder_pairs(corpus_copy))
    assert ("c99" in str(err.value)) == (damage == "third")
    assert "do not code each sentence once" in str(err.value)
