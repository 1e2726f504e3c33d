"""discourse.topics.labels: stored labels, staleness, and the repository's labels."""

from __future__ import annotations

import pytest

from discourse import topics

import topic_data as td


def test_stale_labels_are_flagged(tmp_path):
    model = td.topic_terms({1: ["a", "b", "c"], 2: ["d", "e", "f"]})
    labels = topics.labels_for(model, {1: "Alpha", 2: "Delta"})
    path = topics.write_labels(labels, tmp_path / "topic_labels.csv")
    stored = topics.load_labels(path)
    assert stored["top_terms"].tolist() == [("a", "b", "c"), ("d", "e", "f")]
    ok = topics.check_labels(stored, model)
    assert ok["status"].tolist() == ["ok", "ok"]
    # the model changed: topic 1 lost c and gained x; a new topic 3 appeared
    changed = td.topic_terms({1: ["a", "b", "x"], 2: ["e", "f", "d"], 3: ["g", "h", "i"]})
    out = topics.check_labels(stored, changed).set_index("topic")
    assert out.loc[1, "status"] == "stale" and out.loc[1, "jaccard"] == 0.5
    assert out.loc[1, "label"] == "Alpha"                       # shown, not dropped
    assert out.loc[2, "status"] == "ok"                          # same set, new order
    assert out.loc[3, "status"] == "unlabelled"
    assert topics.check_labels(stored, changed, min_jaccard=0.5)["status"].tolist()[0] == "ok"
    # topics renumbered: both labels stale, each best match points at the other
    swapped = topics.check_labels(stored, td.topic_terms({1: ["d", "e", "f"], 2: ["a", "b", "c"]}))
    assert swapped["status"].tolist() == ["stale", "stale"]
    assert swapped["best_match_label"].tolist() == ["Delta", "Alpha"]
    # a stored topic the model no longer has
    gone = topics.check_labels(stored, td.topic_terms({1: ["a", "b", "c"]}))
    assert gone.set_index("topic").loc[2, "status"] == "no such topic"


def test_repository_labels_match_the_default_model(real_dtm):
    """If this fails, the default model changed: re-read the top terms and passages
    (notebooks/03-topics.ipynb) and rewrite corpus/annotations/topic_labels.csv."""
    fit = topics.fit_topics(real_dtm)
    check = topics.check_labels(topics.load_labels(), topics.topic_terms(fit))
    assert check["status"].eq("ok").all(), check[["topic", "status", "jaccard"]]


def test_labels_file_errors(tmp_path):
    assert topics.load_labels(corpus=tmp_path).empty
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        topics.load_labels(tmp_path / "nope.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("topic,label,top_terms\nx,A,a; b\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: topic 'x' is not an integer"):
        topics.load_labels(bad)
    bad.write_text("topic,label,top_terms\n1,A,a\n1,B,b\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"topic\(s\) \[1\] labelled more than once"):
        topics.load_labels(bad)
    with pytest.raises(ValueError, match=r"topic\(s\) \[9\] are not in the model"):
        topics.labels_for(td.topic_terms({1: ["a"]}), {9: "Nine"})


def test_labels_are_written_without_a_provenance_sidecar(tmp_path):
    labels = topics.labels_for(td.topic_terms({1: ["a", "b"]}), {1: "Alpha"})
    topics.write_labels(labels, tmp_path / "topic_labels.csv")
    assert [p.name for p in tmp_path.iterdir()] == ["topic_labels.csv"]
