"""The hand-coded framing sets: shape, coverage, and that the yardstick is not edited.

Every set was coded by reading each sentence against the codebook, blind to the lexicon
and to the other coder (corpus/annotations/README.md). Checksums are pinned here so that
no change, least of all one copied from the lexicon's output, passes unnoticed: a
deliberate recoding must update the checksum together with a note in the README.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from conftest import CORPUS, REPO

ANNOTATIONS = CORPUS / "annotations"
#: sha256 of every hand-coded file (codebook version 2, recoded 2026-12-02; the writer sets
#: w6, w7, w10 and w11 added to sco_style/frames_dev.csv and the second, third and fourth
#: held-out sets, w8 and w9, w12 and w13, w14 and w15, coded the same day; w16 and w17
#: added and the fifth held-out set, w18 and w19, coded on 2026-12-04; see README).
PINNED = {
    "frames_validation.csv": "85a8b182d295b07886698842455e1c8ac8f8e645b9dd406cb95223e70e2427b6",
    "frames_heldout.csv": "a88f60aa6eb651f5e7aa4f6892a2954ce4e150e497580f6fcc181417c793b6ab",
    "frames_dev.csv": "668ccdef33edba0bf6f94031910105f1195e74fefa2f98516553cce561a6b9d2",
    "frames_corpus_coder_a.csv": "f5236ae28c97a2419da6f0422132136d93b737a19169d499e1e225964056a3a9",
    "frames_corpus_coder_b.csv": "93bbec705d40c4c442a6ed288129bf54ab8b39210890f625eb3212970e445990",
    "sco_style/frames_dev.csv": "7a19317c06bc445bc0dfd6e0866f6719a8aef8df3b3fc847c4646cce79f0de47",
    "sco_style/frames_heldout.csv":
        "bcb37467fef9935758198b51041906d7f9fd66737190b1b5740fad73adbb9366",
    "sco_style/frames_heldout2.csv":
        "5a826f500461bbd7ade4806092657dc9170f06468588ea7d36399ad7372bbbfb",
    "sco_style/frames_heldout4.csv":
        "7d8192394dcd56130a2f11ae019e12e3a51ed0ecca3d086b812c2a0b0d1395ab",
    "sco_style/frames_heldout3.csv":
        "e5025cbca306da85ed8641ebc20595600eb845b94dc9d560093cb304b76a1ab5",
    "sco_style/frames_heldout5.csv":
        "b91a88cf1eacc0973584330393441d55ffd00d35d393d1d81943cd72460e4e62",
}
FRAMES = ["security", "economy", "multilateralism"]


def test_the_yardsticks_are_unchanged_since_hand_coding():
    for name, digest in PINNED.items():
        assert hashlib.sha256((ANNOTATIONS / name).read_bytes()).hexdigest() == digest, name


def test_every_set_is_registered_with_its_kind():
    sets = pd.read_csv(ANNOTATIONS / "sets.csv", keep_default_na=False)
    assert set(sets.file) == {n for n in PINNED if "coder_" not in n}
    assert set(sets.kind) <= {"real", "synthetic"}
    assert set(sets.used_for_development) <= {"yes", "no"}
    for row in sets.itertuples():
        table = pd.read_csv(ANNOTATIONS / row.file, keep_default_na=False)
        assert len(table) == int(row.sentences), row.file
        if "document" in table:
            assert table["document"].nunique() == int(row.texts), row.file
        for f in FRAMES:
            assert set(table[f]) <= {0, 1}, (row.file, f)
    # nothing synthetic is described as the estimate for real text
    assert not sets.description.str.contains("fair estimate").any()


def test_the_corpus_reference_is_coder_a_with_the_adjudicated_decisions():
    ref = pd.read_csv(ANNOTATIONS / "frames_validation.csv", keep_default_na=False)
    a = pd.read_csv(ANNOTATIONS / "frames_corpus_coder_a.csv", keep_default_na=False)
    b = pd.read_csv(ANNOTATIONS / "frames_corpus_coder_b.csv", keep_default_na=False)
    adj = pd.read_csv(ANNOTATIONS / "frames_corpus_adjudication.csv", keep_default_na=False)
    assert ref.sentence_id.tolist() == a.sentence_id.tolist() == b.sentence_id.tolist()
    disagreements = {(s, f) for f in FRAMES for s in a.sentence_id[a[f] != b[f]]}
    assert disagreements == set(zip(adj.sentence_id, adj.frame))
    decided = dict(zip(zip(adj.sentence_id, adj.frame), adj.decision))
    for f in FRAMES:
        for sid, x, r in zip(a.sentence_id, a[f], ref[f]):
            assert r == decided.get((sid, f), x), (sid, f)


@pytest.mark.slow
def test_sco_style_references_are_the_adjudicated_codes_of_two_coders():
    for name in ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"):
        ref = pd.read_csv(ANNOTATIONS / "sco_style" / f"frames_{name}.csv",
                          keep_default_na=False)
        coders = pd.read_csv(ANNOTATIONS / "sco_style" / f"frames_{name}_coders.csv",
                             keep_default_na=False)
        adj = pd.read_csv(ANNOTATIONS / "sco_style" / f"frames_{name}_adjudication.csv",
                          keep_default_na=False)
        assert (coders.groupby("id").coder.nunique() == 2).all()
        assert set(coders.id) == set(ref.id) and ref.id.is_unique
        decided = dict(zip(zip(adj.sentence_id, adj.frame), adj.decision))
        pairs = coders.groupby("id")[FRAMES].agg(list).loc[ref.id]
        for f in FRAMES:
            for sid, r, (x, y) in zip(ref.id, ref[f], pairs[f]):
                assert r == (x if x == y else decided[(sid, f)]), (name, sid, f)


def test_the_codebook_is_shipped_and_equals_the_shared_one():
    shipped = REPO / "docs" / "codebook.md"
    assert "(version 2)" in shipped.read_text(encoding="utf-8").splitlines()[0]
    shared = REPO.parent / "shared" / "framing-codebook.md"
    if shared.is_file():                   # a checkout beside the project's shared folder
        assert shipped.read_bytes() == shared.read_bytes()


def test_validation_set_codes_every_sentence_with_its_exact_text(real_sentences):
    codes = pd.read_csv(ANNOTATIONS / "frames_validation.csv", keep_default_na=False)
    sents = real_sentences          # the study's two documents, whatever else corpus/ holds
    assert list(codes.columns) == ["sentence_id", "doc_id", "year", "role", *FRAMES,
                                   "context", "note", "text"]
    assert codes.sentence_id.tolist() == sents.sentence_id.tolist()
    assert codes.text.tolist() == sents.text.tolist()
    assert codes.role.tolist() == sents.role.tolist()
    for col in [*FRAMES, "context"]:
        assert set(codes[col]) <= {0, 1}, col


def test_validation_set_agrees_with_the_codebook_worked_examples():
    codes = pd.read_csv(ANNOTATIONS / "frames_validation.csv", keep_default_na=False)
    examples = {  # codebook table: sentence start -> (S, E, M)
        "The fight against international terrorism and extremism has been a constant": (1, 0, 0),
        "At the same time, the total foreign trade turnover of SCO member": (0, 1, 0),
        "Working contacts have been established with the UN Food": (0, 0, 1),
        "At the same time, the situation in global politics and economy": (0, 1, 1),
        "In September 2019 the SCO took part in the UN Security Council": (1, 0, 1),
        "On 1 December 2019 the 4th SCO International Kunming Marathon": (0, 0, 0),
    }
    text = codes.text.str.replace("\u00a0", " ")
    for start, expected in examples.items():
        row = codes[text.str.startswith(start)]
        assert len(row) == 1, start
        assert tuple(row[FRAMES].iloc[0]) == expected, start


def test_heldout_set_shape():
    held = pd.read_csv(ANNOTATIONS / "frames_heldout.csv", keep_default_na=False)
    assert list(held.columns) == ["id", "paragraph", "text", *FRAMES, "note"]
    assert held.id.is_unique and len(held) >= 100
    for col in FRAMES:
        assert held[col].sum() >= 20, col
