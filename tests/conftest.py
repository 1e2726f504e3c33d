"""Shared fixtures: the real corpus and a tiny corpus written into a temporary folder."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"

TINY_TEXTS = {
    "tiny-2021-speech": (
        "Address on security and trade\n\n"
        "Terrorism and extremism remain the main threats. Mr. Smith met Mr Jones in St. Petersburg.\n\n"
        "Trade grew to US$ 6.3 trillion, or 3,800 deals.\n"
    ),
    "tiny-2022-interview": (
        "An interview with the Secretary-General\n"
        "01.02.2022 10:00\n\n"
        "The Secretary-General met the press.\n\n"
        "What is next? Will trade grow?\n\n"
        "Trade will grow. Security matters too.\n\n"
        "And the UN?\n\n"
        "We cooperate with the UN.\n"
    ),
}


def write_corpus(root: Path, texts: dict[str, str], *, years=None, genres=None,
                 extra_rows=None) -> Path:
    """Write a corpus (texts + metadata.csv with correct checksums) under ``root``."""
    (root / "texts").mkdir(parents=True, exist_ok=True)
    rows = []
    for i, (doc_id, text) in enumerate(texts.items()):
        year = (years or {}).get(doc_id) or int(doc_id.split("-")[1])
        genre = (genres or {}).get(doc_id) or ("interview" if "interview" in doc_id else "speech")
        path = root / "texts" / f"{doc_id}.txt"
        path.write_bytes(text.encode("utf-8"))
        rows.append({
            "doc_id": doc_id, "file": f"texts/{doc_id}.txt", "title": f"Title {i}",
            "speaker": "A. Speaker", "date": f"{year}-0{i % 9 + 1}-15", "year": str(year),
            "genre": genre, "venue": "", "publisher": "", "language": "en",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "notes": "",
        })
    rows.extend(extra_rows or [])
    with open(root / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return root


@pytest.fixture
def tiny_corpus(tmp_path) -> Path:
    """A two-document corpus (a speech and an interview) with known segmentation."""
    return write_corpus(tmp_path / "tiny", TINY_TEXTS)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the real corpus, for tests that break it on purpose."""
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    for p in dest.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    return dest
