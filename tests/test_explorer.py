"""discourse.explorer: the tables behind the views, the page (self-contained, byte-identical
across runs), missing tables and a corpus without hand coding. The browser test is in
test_explorer_browser.py."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from discourse import explorer
from discourse import results as registry
from discourse.explorer import data, evidence, page
from discourse.io import write_table

# ----------------------------------------------------------------------------- tables

SENTENCES = pd.DataFrame({
    "sentence_id": ["a.p001.s01", "a.p002.s01", "b.p001.s01", "b.p001.s02"],
    "doc_id": ["a", "a", "b", "b"], "year": [2019, 2019, 2020, 2020],
    "paragraph": [1, 2, 1, 1], "sentence": [1, 1, 1, 2],
    "role": ["title", "answer", "speech", "speech"],
    "text": ["Trade & the UN Security Council.", "Terrorism is a threat to trade.",
             "The pandemic hit trade.", "In this context the pandemic and UNESCO <events>."]})
CODES = pd.DataFrame({
    "sentence_id": SENTENCES["sentence_id"],
    "security": [0, 1, 0, 0], "economy": [1, 1, 1, 1], "multilateralism": [1, 0, 0, 0],
    "evidence": ["economy: Trade | multilateralism: UN Security Council (name) | not "
                 "counted: multilateralism 'UN' inside name 'UN Security Council'",
                 "security: Terrorism, threat | economy: trade", "economy: trade",
                 "context: economy from b.p001.s01 via 'this context'"]})
HAND = pd.DataFrame({"sentence_id": ["a.p001.s01", "a.p002.s01", "b.p001.s01"],
                     "security": [0, 1, 0], "economy": [0, 1, 1],
                     "multilateralism": [1, 0, 0], "note": ["name rule", "", ""]})
KEYNESS = pd.DataFrame({
    "term": ["pandemic", "trade", "terrorism", "threat"],
    "count_target": [2, 1, 0, 0], "count_reference": [0, 2, 1, 1],
    "total_target": 7, "total_reference": 9,
    "per10k_target": [2857.14, 1428.57, 0, 0], "per10k_reference": [0, 2222.2, 1111.1, 1111.1],
    "g2": [3.1, -0.4, -1.2, -1.1], "p": 0.5, "p_adjusted": [0.2, 0.8, 0.4, 0.4],
    "log_ratio": [2.5, -0.6, -1.4, -1.4], "target": "2020", "reference": "rest",
    "paragraphs_a": [0, 2, 1, 1], "paragraphs_total_a": 2, "dp_a": [np.nan, 0.0, 0.5, 0.5],
    "paragraphs_b": [1, 1, 0, 0], "paragraphs_total_b": 1, "dp_b": [0.0, 0.0, np.nan, np.nan]})
TERMS = pd.DataFrame({"topic": [1, 1, 2, 2], "rank": [1, 2, 1, 2],
                      "term": ["trade", "economy", "pandemic", "fight"],
                      "weight": [0.5, 0.25, 0.4, 0.2]})
LABELS = pd.DataFrame({"topic": [1, 2], "label": ["Trade", "Pandemic"],
                       "status": ["ok", "stale"]})
PASSAGES = pd.DataFrame({"topic": [2, 1], "rank": [1, 1], "unit_id": ["b.p001", "a.p002"],
                         "doc_id": ["b", "a"], "year": [2020, 2019],
                         "role": ["speech", "answer"], "weight": [0.9, 0.8],
                         "text": ["The pandemic hit trade.", "Terrorism is a threat."]})
STABILITY = pd.DataFrame({"topic": [1, 2], "stability": [0.91, 0.62],
                          "stability_resample": [0.74, 0.41], "citable": [True, False],
                          "min_stability": 0.8, "min_resample_stability": 0.7})
TABLES = {registry.SENTENCES: SENTENCES, registry.FRAMING_CODES: CODES,
          registry.KEYWORDS_KEYNESS: KEYNESS, registry.TOPICS_TERMS: TERMS,
          registry.TOPICS_LABELS_CHECK: LABELS, registry.TOPICS_PASSAGES: PASSAGES,
          registry.TOPICS_STABILITY: STABILITY}


def test_keyness_points_frequency_and_range_by_hand():
    p = data.keyness_points(KEYNESS)
    assert p["frequency"].tolist() == [2, 3, 1, 1]
    # range: paragraphs with the term over all paragraphs (2 + 1 = 3)
    assert p["range"].tolist() == pytest.approx([1 / 3, 1.0, 1 / 3, 1 / 3])
    assert p["dp"].tolist() == ["b: 0", "a: 0; b: 0", "a: 0.5", "a: 0.5"]
    assert p["direction"].tolist() == ["target", "reference", "reference", "reference"]
    bare = data.keyness_points(KEYNESS.drop(columns=[c for c in KEYNESS if c.endswith(
        ("_a", "_b"))]))
    assert bare["range"].isna().all() and (bare["dp"] == "").all()


@pytest.mark.slow
def test_key_terms_are_those_of_figure_02_keyness(real_tokens):
    from discourse import keyness, plots

    k = keyness.keyness(real_tokens, 2020)
    fig = plots.plot_keyness(k, n=15)
    shown = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert set(data.key_terms(k, n=15)) == shown and len(shown) >= 30
    assert data.key_terms(KEYNESS, n=1) == ["pandemic", "terrorism"]
    with pytest.raises(ValueError, match="n=0"):
        data.key_terms(KEYNESS, n=0)


def test_kwic_lines_limit_and_totals(lexicons):
    from discourse.concordance import kwic

    lines = data.kwic_lines(SENTENCES, ["trade", "pandemic", "trade"], lines=2,
                            lexicons=lexicons)
    assert lines.columns.tolist() == ["term", "n", "total", "sentence_id", "doc_id", "year",
                                      "left", "match", "right"]
    trade = lines[lines.term == "trade"]
    assert trade["total"].tolist() == [3, 3] and trade["n"].tolist() == [1, 2]
    assert trade["match"].tolist() == ["Trade", "trade"]
    expected = kwic(SENTENCES, "trade", lexicons=lexicons).head(2)
    assert trade["sentence_id"].tolist() == expected["sentence_id"].tolist()
    assert lines[lines.term == "pandemic"]["total"].tolist() == [2, 2]
    assert data.kwic_lines(SENTENCES, [], lexicons=lexicons).empty


def test_evidence_entries_reads_frames_and_skips_context_and_blocked():
    got = evidence.evidence_entries(
        "security: Terrorism, threat | multilateralism: Belarus (non-member in 2019), "
        "Regional Anti-Terrorist Structure ( RATS ) | context: economy from x via 'this' | "
        "not counted: security 'x' inside y")
    assert got == {"security": ["Terrorism", "threat"], "economy": [],
                   "multilateralism": ["Belarus", "Regional Anti-Terrorist Structure ( RATS )"]}
    assert evidence.evidence_entries("") == {
        "security": [], "economy": [], "multilateralism": []}
    assert evidence.context_references(
        "context: security from the event of x via 'The sides' | context: economy from y "
        "via 'this area', 'The sides' | not counted: economy (money serving security)") \
        == ["The sides", "this area"]
    assert evidence.context_references("security: threat") == []


def test_highlight_marks_whole_words_longest_first_and_escapes():
    got = evidence.highlight("The UN Security Council, UNESCO & the UN <b>",
                             {"multilateralism": ["UN Security Council", "UN"],
                              "security": ["Security"]})
    assert got == ('The <mark class="f-multilateralism" title="multilateralism">UN Security '
                   'Council</mark>, UNESCO &amp; the <mark class="f-multilateralism" '
                   'title="multilateralism">UN</mark> &lt;b&gt;')
    # tokens joined by spaces in the evidence match the text without them
    assert evidence.highlight("The SCO's role", {"economy": ["SCO 's"]}) == \
        'The <mark class="f-economy" title="economy">SCO\'s</mark> role'
    # typographic text is searched in the plain form the coder read, marked as written
    assert evidence.highlight("The SCO\u2019s Anti\u2011Terrorist body",
                              {"economy": ["SCO 's"], "security": ["Anti-Terrorist"]}) == (
        'The <mark class="f-economy" title="economy">SCO\u2019s</mark> <mark '
        'class="f-security" title="security">Anti\u2011Terrorist</mark> body')


def test_coded_sentences_agreement_by_hand():
    c = data.coded_sentences(SENTENCES, CODES, HAND)
    assert c["sentence_id"].tolist() == SENTENCES["sentence_id"].tolist()
    # sentence 1: economy 1 vs 0 -> differs (on economy only); 2 and 3 agree; 4 not coded
    assert c["agreement"].tolist() == ["differs", "agrees", "agrees", "not hand-coded"]
    assert c["agreement_economy"].tolist() == ["differs", "agrees", "agrees",
                                               "not hand-coded"]
    assert c["agreement_security"].iloc[0] == "agrees"
    assert c["frames"].tolist() == ["economy, multilateralism", "security, economy",
                                    "economy", "economy"]
    assert c["hand"].tolist() == ["multilateralism", "security, economy", "economy", ""]
    assert c["hand_security"].tolist() == [0, 1, 0, -1]
    assert c["note"].tolist() == ["name rule", "", "", ""]
    assert '<mark class="f-multilateralism" title="multilateralism">UN Security Council' \
        '</mark>' in c["html"].iloc[0]
    assert c["html"].iloc[3] == ('In <mark class="f-context" title="context">this context'
                                 "</mark> the pandemic and UNESCO &lt;events&gt;.")
    none = data.coded_sentences(SENTENCES, CODES)
    assert set(none["agreement"]) == {"not hand-coded"} and set(none["hand_economy"]) == {-1}
    with pytest.raises(ValueError, match="twice"):
        data.coded_sentences(SENTENCES, pd.concat([CODES, CODES.head(1)]))


def test_differences_are_those_of_framing_disagreements(real_sentences, frame_lexicon):
    from discourse import framing

    codes = framing.code_sentences(real_sentences, frame_lexicon)
    hand = framing.load_validation()
    c = data.coded_sentences(real_sentences, codes, hand)
    d = framing.disagreements(codes, hand)
    for frame in framing.FRAMES:
        differs = c[c[f"agreement_{frame}"] == data.DIFFERS]
        assert sorted(differs["sentence_id"]) == \
            sorted(d[d.frame == frame]["sentence_id"]), frame
    assert (c["agreement"] == data.DIFFERS).sum() == d["sentence_id"].nunique()
    assert (c["agreement"] == data.NOT_HAND_CODED).sum() == 0


def test_topic_tables_sorted_with_labels():
    t = data.topic_terms(TERMS.iloc[::-1], LABELS)
    assert t[["topic", "rank", "term", "label", "status"]].values.tolist() == [
        [1, 1, "trade", "Trade", "ok"], [1, 2, "economy", "Trade", "ok"],
        [2, 1, "pandemic", "Pandemic", "stale"], [2, 2, "fight", "Pandemic", "stale"]]
    assert set(data.topic_terms(TERMS)["label"]) == {""}
    assert data.topic_passages(PASSAGES)["unit_id"].tolist() == ["a.p002", "b.p001"]


# ----------------------------------------------------------------------------- the page

def _results(tmp_path, skip=()):
    out = tmp_path / "results"
    for output, table in TABLES.items():
        if output not in skip:
            write_table(table, output.path(out))
    return out


def _corpus(tmp_path, hand=True):
    corpus = tmp_path / ("corpus" if hand else "corpus-without-hand-coding")
    (corpus / "annotations").mkdir(parents=True, exist_ok=True)
    if hand:
        HAND.to_csv(corpus / "annotations" / "frames_validation.csv", index=False)
    return corpus


def _item(text: str) -> dict:
    m = re.search(r'<script type="application/json" id="explorer-data">(.*?)</script>',
                  text, re.S)
    return json.loads(m.group(1))


def _objects(node, found=None) -> dict:
    """``{id: model}`` of every model serialised in a ``json_item``."""
    found = {} if found is None else found
    if isinstance(node, dict):
        if node.get("type") == "object":
            found[node["id"]] = node
        for v in node.values():
            _objects(v, found)
    elif isinstance(node, list):
        for v in node:
            _objects(v, found)
    return found


def _models(item) -> dict:
    """``{name: attributes}`` of every named model of a ``json_item``."""
    return {m["attributes"]["name"]: m["attributes"] for m in _objects(item).values()
            if m.get("attributes", {}).get("name")}


def _column(item, table: str, column: str) -> list:
    """One column of the data source of the named table."""
    objects = _objects(item)
    source = objects[_models(item)[table]["source"]["id"]]
    return dict(source["attributes"]["data"]["entries"])[column]


def _outside_scripts(text: str) -> str:
    return re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", text, flags=re.S)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The page of the tables above, written once: ``(results, corpus, path)``."""
    tmp = tmp_path_factory.mktemp("explorer")
    results, corpus = _results(tmp), _corpus(tmp)
    return results, corpus, explorer.write_explorer(tmp / "explorer.html", results=results,
                                                    corpus=corpus)


@pytest.mark.slow        # builds the whole page
def test_page_is_self_contained_and_holds_the_three_views(built):
    text = built[2].read_text(encoding="utf-8")
    # nothing is loaded from anywhere: no external script, style sheet, image or frame
    assert not re.search(r"<script[^>]*\ssrc=", text)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", _outside_scripts(text))
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert text.count("<script>") >= 2         # BokehJS inlined, then the embedding call
    item = _item(text)
    models = _models(item)
    assert {"view-keyness", "view-sentences", "view-topics", "kwic-table",
            "sentence-table", "filter-year", "filter-agreement"} <= set(models)
    assert "no-data" not in models
    # KWIC lines of every key term (15 each way > 4 terms), most key first each way
    assert _column(item, "kwic-table", "term") == ["pandemic"] * 2 + ["terrorism", "threat"] \
        + ["trade"] * 3
    assert models["filter-year"]["options"] == ["all", "2019", "2020"]
    assert models["filter-agreement"].get("disabled", False) is False
    assert _column(item, "sentence-table", "agreement") == [
        "differs", "agrees", "agrees", "not hand-coded"]
    # a stale label (written for another model's topic 2) is not shown as its name
    assert "Topic 2 (stored label stale, not shown)" in text and "Topic 2: Pandemic" not in text


@pytest.mark.slow        # builds the whole page twice
def test_page_is_byte_identical_across_builds(built, tmp_path):
    from bokeh.plotting import figure

    results, corpus, first = built
    figure()                                    # moves Bokeh's id counter
    second = explorer.write_explorer(first.parent / "two.html", results=results,
                                     corpus=corpus)
    assert first.read_bytes() == second.read_bytes()
    # the page records its results folder relative to its own folder
    assert '<meta name="discourse-results" content="results">' in first.read_text()
    assert not re.search(r'"id":"p\d+"', first.read_text())
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-", first.read_text())


def test_stable_ids_renames_objects_and_references_only():
    item = {"root_id": "p5", "doc": {"roots": [{"type": "object", "id": "p5", "attributes": {
        "a": ({"id": "p3"},), "b": {"type": "object", "id": "p3"}, "c": {"id": "x", "k": 1}}}]}}
    out = page.stable_ids(item)
    assert out["root_id"] == "e1"
    root = out["doc"]["roots"][0]
    assert root["id"] == "e1" and root["attributes"]["a"] == [{"id": "e2"}]
    assert root["attributes"]["b"]["id"] == "e2" and root["attributes"]["c"]["id"] == "x"
    assert item["doc"]["roots"][0]["id"] == "p5"        # input unchanged


@pytest.mark.slow        # builds the whole page twice
def test_topics_say_which_are_stable_enough_to_cite(tmp_path):
    """A walkthrough: the topics view showed every topic's label, terms and passages with
    nothing saying that chapter 03 and the summary cite none of the unstable ones."""
    t = data.topic_terms(TERMS, LABELS, STABILITY).drop_duplicates("topic")
    assert t[["topic", "citable", "stability"]].values.tolist() == [[1, "True", 0.91],
                                                                    [2, "False", 0.62]]
    text = explorer.build_html(_results(tmp_path), _corpus(tmp_path))
    html_text = text.replace("\\u003c", "<").replace("\\u003e", ">")
    assert "Stability across seeds 0.62 (needs 0.80), across resamples 0.41 (needs 0.70): " \
        "<b>not stable enough to cite</b>." in html_text
    assert "Stability across seeds 0.91 (needs 0.80), across resamples 0.74 (needs 0.70): " \
        "citable." in html_text
    assert "are cited: 1 of 2; the others are marked [unstable]." in html_text
    assert "[unstable] Topic 2" in text and "1. Trade" in text
    without = explorer.build_html(_results(tmp_path / "b", skip=(registry.TOPICS_STABILITY,)),
                                  _corpus(tmp_path / "b"))
    assert "Stability across" not in without and "[unstable]" not in without


@pytest.mark.slow        # builds the whole page
def test_key_terms_view_explains_its_points_and_why_kwic_finds_more(tmp_path):
    """A walkthrough: nothing said what the pale and dark points were ("filled" means
    FDR-significant in figure 02), and "member" (0 / 6 as a term) listed 42 lines."""
    from discourse.explorer import views

    text = explorer.build_html(_results(tmp_path), _corpus(tmp_path))
    html_text = text.replace("\\u003c", "<").replace("\\u003e", ">").replace('\\"', '"')
    assert "Dark points are the 4 terms of <code>figures/02-keyness.png</code>, whose " \
        "lines are included; pale points have none here." in html_text
    assert '("member state" is a term of its own)' in html_text
    lines = pd.DataFrame({"term": ["trade"], "total": [3]})
    assert "occurrence(s) of the word as printed" in views._kwic_heading(
        "trade", lines, ["trade"])


@pytest.mark.slow        # builds the whole page
def test_missing_tables_leave_views_that_say_so(tmp_path):
    results = _results(tmp_path, skip=(registry.KEYWORDS_KEYNESS, registry.FRAMING_CODES,
                                       registry.TOPICS_PASSAGES))
    text = explorer.build_html(results, _corpus(tmp_path))
    html_text = text.replace("\\u003c", "<").replace("\\u003e", ">")
    assert "No data for key terms: <code>results/keywords-keyness.csv</code>" in html_text
    assert "No data for sentences and frames: <code>results/framing-codes.csv</code>" \
        in html_text
    assert "No passages: <code>results/topics-passages.csv</code>" in html_text
    models = _models(_item(text))
    assert "view-topics" in models and "view-keyness" not in models
    assert "<li><code>results/framing-codes.csv</code>: missing</li>" in text


@pytest.mark.slow        # builds a whole page
def test_corpus_without_hand_coding(tmp_path):
    text = explorer.build_html(_results(tmp_path), _corpus(tmp_path, hand=False))
    item = _item(text)
    assert _models(item)["filter-agreement"]["disabled"] is True
    assert set(_column(item, "sentence-table", "agreement")) == {"not hand-coded"}
    assert "This corpus has no hand coding" in text


@pytest.mark.parametrize("page", ["index.html", "explorer.html"])
def test_the_explorer_of_another_results_folder_is_never_written_over(
        tmp_path, page, page_of_another_run):
    """A folder whose report (its index) or explorer records another results folder is
    refused before the page is built: nothing is written over it."""
    held = page_of_another_run(page)
    with pytest.raises(ValueError, match=r"shared holds the report of the results in .*r1, "
                                         r"not of .*r2: pass -o with another folder"):
        explorer.write_explorer(held.parent / "explorer.html", results=tmp_path / "r2",
                                corpus=_corpus(tmp_path))
    assert held.read_text().endswith("the first run's page</body></html>")
    assert sorted(p.name for p in held.parent.iterdir()) == [page]


def test_a_table_without_a_column_is_one_clear_error_and_nothing_is_written(tmp_path):
    results = _results(tmp_path)
    write_table(KEYNESS.drop(columns=["log_ratio"]), registry.KEYWORDS_KEYNESS.path(results))
    target = tmp_path / "report" / "explorer.html"
    with pytest.raises(ValueError, match=r"keywords-keyness\.csv: missing column\(s\) "
                                         r"log_ratio"):
        explorer.write_explorer(target, results=results, corpus=_corpus(tmp_path))
    assert not target.parent.exists()
