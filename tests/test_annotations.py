"""The hand-coded framing sets: shape, coverage, and that the yardstick is not edited.

The validation set was coded by reading each sentence against the codebook, blind to
the lexicon (corpus/annotations/README.md). Its checksum is pinned here so that no
change to it, least of all one copied from the lexicon's output, passes unnoticed: a
deliberate recoding must update the checksum together with a note in the README.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from discourse import corpus

from conftest import CORPUS, study_sentences

ANNOTATIONS = CORPUS / "annotations"
VALIDATION_SHA256 = "3c5d9123d1ff170f6601f3da7990f46bdcc292e1f5c6dcea2bd216110d123f2f"
HELDOUT_SHA256 = "728225554afb73e99558fc1d244a33fe2e5561ebe59399d6fd02ee424600f8f5"
DEV_SHA256 = "b2dde07a69633bc75507f2298070dd9f1c85f6621a88a93d952127dc0ceb30cb"
FRAMES = ["security", "economy", "multilateralism"]


def test_the_yardsticks_are_unchanged_since_hand_coding():
    for name, digest in [("frames_validation.csv", VALIDATION_SHA256),
                         ("frames_heldout.csv", HELDOUT_SHA256),
                         ("frames_dev.csv", DEV_SHA256)]:
        assert hashlib.sha256((ANNOTATIONS / name).read_bytes()).hexdigest() == digest, name


def test_validation_set_codes_every_sentence_with_its_exact_text():
    codes = pd.read_csv(ANNOTATIONS / "frames_validation.csv", keep_default_na=False)
    sents = study_sentences()       # the study's two documents, whatever else corpus/ holds
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
