"""discourse.topics.units: paragraphs, turns and windows by hand."""

from __future__ import annotations

import pytest

from discourse import topics

import topic_data as td


def test_units_paragraphs_ids_and_role_switches():
    s = td.sentences(td.ROLES7)
    u = topics.units(s)
    assert u.unit_id.tolist() == ["d.p003", "d.p004", "d.p005", "d.p006", "d.p007"]
    assert u.position.tolist() == [1, 2, 3, 4, 5]
    assert u.loc[0, "text"] == "s3a\ns3b"
    u = topics.units(s, include_questions=False, include_titles=True)
    assert u.unit_id.tolist() == ["d.p001", "d.p002", "d.p004", "d.p005", "d.p007"]


def test_units_turns_are_runs_of_the_same_role():
    s = td.sentences(td.ROLES7)
    # turns over the full sequence: p1 t1, p2 t2, p3 t3, p4-p5 t4, p6 t5, p7 t6
    u = topics.units(s, unit="turns")
    assert u.unit_id.tolist() == ["d.t003", "d.t004", "d.t005", "d.t006"]
    row = u.set_index("unit_id").loc["d.t004"]
    assert (row.first_paragraph, row.last_paragraph, row.n_sentences) == (4, 5, 4)
    # leaving questions out does not merge the answers around a question
    u = topics.units(s, unit="turns", include_questions=False)
    assert u.unit_id.tolist() == ["d.t004", "d.t006"]


def test_units_windows_count_sentences_of_kept_roles():
    s = td.sentences(td.ROLES7)  # kept without questions: p4, p5, p7 -> 6 sentences
    u = topics.units(s, unit="windows", window=4, include_questions=False)
    assert u.unit_id.tolist() == ["d.w001", "d.w002"]
    assert u.n_sentences.tolist() == [4, 2]
    assert u.loc[0, "text"].split("\n") == ["s4a", "s4b", "s5a", "s5b"]


def test_units_bad_values():
    with pytest.raises(ValueError, match="'sentences'"):
        topics.units(td.sentences(td.ROLES7), unit="sentences")
    with pytest.raises(ValueError, match="window=0 must be a positive integer"):
        topics.units(td.sentences(td.ROLES7), unit="windows", window=0)
