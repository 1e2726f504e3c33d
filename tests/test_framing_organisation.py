"""discourse.framing.organisation: a warning before coding texts that never name the
organisation the lexicon is written for."""

from __future__ import annotations

import shutil
import warnings

import pandas as pd
import pytest

from discourse import cli, framing

from conftest import CORPUS

#: Statements of another organisation (invented), six sentences, no "SCO".
OTHER = ["The Council of Foreign Ministers of the Northern Ocean Council met in Oslo.",
         "Norway chaired the meeting of the Council.",
         "The ministers discussed maritime security and fisheries.",
         "Trade between the member states grew by five percent.",
         "The Council welcomed Iceland's chairmanship for the next year.",
         "The next meeting will be held in Nuuk."]


def _table(texts):
    return pd.DataFrame({"sentence_id": [f"s{i}" for i in range(len(texts))],
                         "doc_id": "d", "paragraph": 1, "text": texts})


def test_texts_that_never_name_the_sco_are_coded_with_a_warning(lex):
    with pytest.warns(framing.OrganisationWarning,
                      match=r"the sentences table: no sentence names the SCO, the "
                            r"organisation the frame lexicon .*frames\.yaml is written "
                            r"for") as caught:
        codes = framing.code_sentences(_table(OTHER), lex)
    assert len(caught) == 1 and caught[0].filename == __file__   # points at the caller
    assert len(codes) == len(OTHER)                               # still written
    # one sentence naming the SCO, or the study's own texts: no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error", framing.OrganisationWarning)
        warnings.simplefilter("ignore", framing.LetterCaseWarning)   # (the lower-cased)
        framing.code_sentences(_table(OTHER + ["The SCO Secretary-General met them."]), lex)
        framing.code_sentences(_table([t.lower() for t in OTHER] + ["the sco met."]), lex)
        framing.code_sentences(_table(OTHER[:4]), lex)           # too few to tell
        # the SCO's own texts that spell its name out (a reviewer's false alarm)
        framing.code_sentences(_table(
            ["The Shanghai Cooperation Organisation held its summit."] + OTHER), lex)


def test_a_mention_in_passing_does_not_silence_it(lex):
    """Texts of another organisation that list the SCO among others once in 25
    sentences (fewer than one in twenty) still warn, with the count."""
    texts = (OTHER * 4)[:24] + ["The CSTO, the SCO and the CIS sent observers."]
    with pytest.warns(framing.OrganisationWarning,
                      match="the sentences table: only 1 of its 25 sentences name the SCO"):
        framing.code_sentences(_table(texts), lex)
    with warnings.catch_warnings():                    # 2 in 25: 8%, above 5%
        warnings.simplefilter("error", framing.OrganisationWarning)
        framing.code_sentences(_table(texts[:-2] + texts[-1:] * 2), lex)


def test_the_organisation_is_the_lexicons_own(tmp_path):
    """A lexicon adapted to another organisation (its abbreviation in bodies.prefixes,
    as README says) warns on texts that never name that one, and not on its own, by
    its abbreviation or spelled out."""
    lexicons = tmp_path / "lexicons"
    shutil.copytree(CORPUS / "lexicons", lexicons)
    path = lexicons / "frames.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count('  prefixes: ["SCO"]') == 1
    path.write_text(text.replace('  prefixes: ["SCO"]', '  prefixes: ["NOC"]'),
                    encoding="utf-8")
    noc = framing.load_lexicon(path)
    own = [t.replace("Northern Ocean Council", "NOC") for t in OTHER]
    with warnings.catch_warnings():
        warnings.simplefilter("error", framing.OrganisationWarning)
        framing.code_sentences(_table(own), noc)
        framing.code_sentences(_table(OTHER), noc)     # spelled out: Northern Ocean Council
    sco = [t.replace("the Northern Ocean Council", "the SCO") for t in OTHER]
    with pytest.warns(framing.OrganisationWarning, match="no sentence names the NOC"):
        framing.code_sentences(_table(sco), noc)


def test_the_command_prints_one_warning_line_and_writes_the_codes(tmp_path, capsys):
    src = tmp_path / "in.csv"
    pd.DataFrame({"id": [f"s{i}" for i in range(len(OTHER))], "text": OTHER}).to_csv(
        src, index=False)
    assert cli.main(["frames", str(src), "-o", str(tmp_path / "out.csv")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(
        f"discourse frames: warning: {src}: no sentence names the SCO")
    assert "README: 'Texts of another organisation'" in err[0]
    assert len(pd.read_csv(tmp_path / "out.csv")) == len(OTHER)


def test_standard_input_is_named_so_in_the_warning(tmp_path, monkeypatch, capsys):
    # a reviewer: the warning named a deleted temporary file ("/tmp/tmpXXXX/-")
    import io
    import sys

    data = pd.DataFrame({"id": [f"s{i}" for i in range(len(OTHER))], "text": OTHER})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        data.to_csv(index=False).encode())))
    assert cli.main(["frames", "-", "-o", str(tmp_path / "out.csv")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("discourse frames: warning: standard input: no sentence names "
                          "the SCO") and "/tmp" not in err.split(" the organisation")[0]
