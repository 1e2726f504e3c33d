"""discourse.summary.design: the design caveat of each comparison of years says what the
corpus metadata say about the texts' genres, never a fixed claim."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import corpus, segmentation, summary
from discourse import results as R
from discourse.io import write_table
from discourse.summary.design import caveat, compared_years, corpus_genres

from conftest import TINY_TEXTS, write_corpus

#: Two documents in each of two years.
TEXTS = {**TINY_TEXTS,
         "tiny-2021-note": "A note on trade\n\nTrade grew. Security too.\n",
         "tiny-2022-note": "A second note\n\nThe UN met. Trade grew again.\n"}
SHARES = [dict(year=y, frame="security", n_sentences=40, n_frame=10, share=0.25,
               ci_low=0.12, ci_high=0.42) for y in (2021, 2022)]
DIFFS = [dict(frame="security", reference=2021, target=2022, difference=0.0, ci_low=-0.2,
              ci_high=0.2, test="Fisher exact", p_value=1.0)]
KEYNESS = [dict(term="trade", count_target=9, count_reference=1, g2=8.25, p_adjusted=0.04,
                log_ratio=3.1, target="2022", reference="rest", reference_groups="2021")]


def _run(tmp_path, genres: dict, texts=TEXTS):
    """A corpus with these genres, and the tables of a run on it: the corpus summary as
    chapter 01 writes it (its sidecar records the corpus checksum), framing and keyness."""
    root = write_corpus(tmp_path / "mine", texts, genres=genres)
    res = tmp_path / "results"
    res.mkdir()
    table = segmentation.describe(corpus.segment(corpus.load_docs(root)))
    write_table(table, R.CORPUS_SUMMARY.path(res))
    for output, rows in ((R.FRAMING_SHARES, SHARES), (R.FRAMING_DIFFERENCES, DIFFS),
                         (R.KEYWORDS_KEYNESS, KEYNESS)):
        pd.DataFrame(rows).to_csv(output.path(res), index=False)
    return root, res


def _caveats(res, root) -> list[str]:
    found = summary.headline_findings(res, corpus=root)
    return [f.split("Design caveat: ")[1] for f in found.finding if "Design caveat" in f]


def test_texts_of_one_genre_are_not_said_to_differ_in_genre(tmp_path):
    """A reviewer's corpus of press releases only: every comparison ended with "the
    years' texts differ in genre and occasion as well as in date"."""
    root, res = _run(tmp_path, {d: "press release" for d in TEXTS})
    said = _caveats(res, root)
    assert len(said) == 2                               # framing and keywords
    assert set(said) == {
        "the texts are all of one genre (press release), so the years do not differ in "
        "genre, but a difference between them may still reflect the occasion, speaker or "
        "audience as much as the date."}
    text = summary.render_summary(summary.headline_findings(res, corpus=root))
    assert "differ in genre and occasion" not in text
    # the summary written by chapter 05 passes the run's corpus the same way
    assert "all of one genre (press release)" in summary.write_summary(
        res, corpus=root).read_text()


def test_genres_that_differ_are_named_by_year(tmp_path):
    genres = {"tiny-2021-speech": "address", "tiny-2021-note": "press release",
              "tiny-2022-interview": "interview", "tiny-2022-note": "press release"}
    root, res = _run(tmp_path, genres)
    assert set(_caveats(res, root)) == {
        "the years' texts differ in genre (2021: address, press release; 2022: interview, "
        "press release) and occasion as well as in date."}
    # the same mix of genres in each year is not a difference of genre
    same = {d: ("address" if "note" in d else "interview") for d in TEXTS}
    root, res = _run(tmp_path / "same", same)
    assert _caveats(res, root)[0].startswith(
        "every year has texts of the same genres (address and interview), perhaps in other "
        "proportions")


def test_one_text_a_year_of_one_genre_and_of_two(tmp_path):
    """One text a year: the study's caveat where the genres differ (its wording kept),
    and a true one where both texts are of one genre."""
    root, res = _run(tmp_path, {}, TINY_TEXTS)            # a speech and an interview
    assert set(_caveats(res, root)) == {
        "each year is one text, so this is also a difference between two texts (their "
        "genre and occasion), not only between years."}
    root, res = _run(tmp_path / "one", {d: "statement" for d in TINY_TEXTS}, TINY_TEXTS)
    assert set(_caveats(res, root)) == {
        "each year is one text, so this is also a difference between two texts, not only "
        "between years: they are of one genre (statement), but a difference may still "
        "reflect their occasion, speaker or audience as much as the date."}
    found = summary.headline_findings(res, corpus=root)
    assert found.finding[1].endswith("those texts (their occasion, speaker and audience; "
                                     "all of one genre, statement).")


def test_genres_come_only_from_the_corpus_of_the_tables(tmp_path):
    """Without the tables' corpus the caveat claims nothing about genres; another corpus
    passed explicitly is refused."""
    root, res = _run(tmp_path, {d: "press release" for d in TEXTS})
    assert corpus_genres(res, root) == {2021: ("press release",), 2022: ("press release",)}
    assert corpus_genres(res) is None                   # the repository's corpus: not theirs
    said = _caveats(res, None)
    unread = ("the years' texts may differ in genre and occasion as well as in date (the "
              "summary did not read")
    assert said and all(s.startswith(unread) for s in said)
    other = write_corpus(tmp_path / "other", TEXTS)     # same documents, other genres
    with pytest.raises(ValueError, match=r"the corpus .*other is not the one the tables in "
                                         r".* were made from \(the checksum"):
        summary.headline_findings(res, corpus=other)


def test_the_years_compared_choose_the_genres():
    genres = {2021: ("address",), 2022: ("interview",), 2023: ("interview",)}
    assert "all of one genre (interview)" in caveat(False, genres, {2022, 2023})
    assert "differ in genre (2021: address; 2022: interview; 2023" in caveat(False, genres)
    assert compared_years(["2023", "rest"]) is None
    assert compared_years([2023.0, "2021.0"]) == {2021, 2023}
