"""discourse.framing.lexicon: reading, validating and compiling frames.yaml."""

from __future__ import annotations

import hashlib
import shutil
import warnings

import pytest

from discourse import framing
from discourse.framing.lexicon import load_lexicon
from discourse.lexicons import Lexicons, load_lexicons

from conftest import CORPUS
from framing_helpers import project_frames

MINI = ("frames:\n  security:\n    - clause: 'codebook 2.1'\n"
        "      terms: [terrorism, defence ministry, =organized crime]\n"
        "  multilateralism:\n    - clause: 'codebook 2.3'\n"
        "      terms: [international organization]\n")


def _frames(text, lex):
    return tuple(framing.explain(text, lex)["frames"].values())


def test_every_lexicon_entry_quotes_a_codebook_clause(frame_lexicon):
    lex = frame_lexicon
    assert lex.n_entries("security") > 100 and lex.n_entries("economy") > 100
    assert lex.n_entries("multilateralism") > 100 and lex.n_entries("name") > 30
    assert all(e.clause for e in lex.entries)
    states = hashlib.sha256((CORPUS / "lexicons" / "states.csv").read_bytes()).hexdigest()
    assert lex.provenance() == {"path": "frames.yaml", "entries": len(lex.entries),
                                "sha256": lex.sha256, "organisation": ["SCO"],
                                "states": {"path": "states.csv", "sha256": states}}
    assert len(lex.sha256) == 64 and lex.states.sha256 == states


def test_lexicon_errors_name_the_file_and_problem(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("frames:\n  securty:\n    - clause: x\n      terms: [war]\n")
    with pytest.raises(framing.LexiconError, match=r"bad\.yaml: unknown frame name.*securty"):
        framing.load_lexicon(bad)
    bad.write_text("frames: [unclosed\n")
    with pytest.raises(framing.LexiconError, match=r"bad\.yaml: is not valid YAML"):
        framing.load_lexicon(bad)
    bad.write_text("frames:\n  security:\n    - terms: [war]\n")
    with pytest.raises(framing.LexiconError, match="clause"):
        framing.load_lexicon(bad)
    bad.write_text(MINI + "context:\n  clause: 'rule 1'\n  phrases: [this]\n"
                   "  determiners: [this]\n  nouns: [area]\n  answer_max_words: many\n")
    with pytest.raises(framing.LexiconError,
                       match=r"bad\.yaml: context\.answer_max_words must be a whole number"):
        framing.load_lexicon(bad)
    bad.write_text(MINI + "internal_standing:\n  clause: 'rule 9'\n"
                   "  markers: [among the peoples]\n  window: 0\n")
    with pytest.raises(framing.LexiconError,
                       match=r"bad\.yaml: internal_standing\.window must be a whole number"):
        framing.load_lexicon(bad)
    bad.write_text(MINI + "internal_standing:\n  clause: 'rule 9'\n  markers: []\n")
    with pytest.raises(framing.LexiconError, match=r"internal_standing\.markers must be"):
        framing.load_lexicon(bad)
    with pytest.raises(FileNotFoundError, match="nope.yaml"):
        framing.load_lexicon(tmp_path / "nope.yaml")
    with pytest.raises(ValueError, match="is not a Lexicon"):
        framing.explain("x", lexicon=42)


def test_an_x_security_pair_that_names_no_economy_entry_is_refused(tmp_path):
    """A word of an x_security pair that no economy entry is would block nothing: the
    lexicon is refused with the pair and the word named (a pair written with "customs"
    where the entry is "=customs" did nothing until this check)."""
    path = tmp_path / "pairs.yaml"
    pairs = ("  economy:\n    - clause: 'codebook 2.2'\n"
             "      terms: [=customs, transport*, trade]\n"
             "x_security:\n  clause: 'rule 5'\n  pairs:\n    - phrase: smuggling\n"
             "      economy: [{}]\n    - phrase: contraband\n      economy: [=customs]\n"
             "  economic: [trade]\n")
    path.write_text(MINI + pairs.format("=customs, transport*"), encoding="utf-8")
    lex = load_lexicon(path)
    assert _frames("Customs officers seized goods at the port.", lex)[1] == 1
    # every pair blocks its words, the first and the last (a stop-50 slip compiled only one)
    assert _frames("Customs officers fight smuggling.", lex)[1] == 0
    assert _frames("Customs officers found contraband.", lex)[1] == 0
    assert _frames("Customs officers found contraband and trade goods.", lex)[1] == 1
    path.write_text(MINI + pairs.format("customs, station"), encoding="utf-8")
    with pytest.raises(framing.LexiconError, match=r"pairs\.yaml: x_security pair 'smuggling': "
                       r"no economy entry is customs, station"):
        load_lexicon(path)


def test_one_spelling_table_for_terms_and_frames(tmp_path, lexicons):
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    lex = load_lexicon(path, lexicons=lexicons)
    # spelling.csv (American -> British) makes both spellings one form, both ways
    assert _frames("The Defense Ministry met.", lex) == (1, 0, 0)
    assert _frames("The defence ministry met.", lex) == (1, 0, 0)
    assert _frames("An international organisation met.", lex) == (0, 0, 1)
    # "=" keeps the exact spelling
    assert _frames("Organized crime grew.", lex) == (1, 0, 0)
    assert _frames("Organised crime grew.", lex) == (0, 0, 0)
    # and with other word lists the same file matches otherwise
    bare = Lexicons(stopword_groups={"x": set()})
    assert _frames("An international organisation met.", load_lexicon(path, lexicons=bare)) \
        == (0, 0, 0)


def test_the_project_lexicon_has_no_spelling_section_of_its_own():
    assert "spelling" not in project_frames()
    assert load_lexicons().spelling["co-operation"] == "cooperation"


def test_a_spelling_section_is_deprecated_but_still_applies(tmp_path, lexicons):
    path = tmp_path / "old.yaml"
    path.write_text(MINI + "spelling:\n  labour: labor\n", encoding="utf-8")
    with pytest.warns(FutureWarning, match="'spelling' section is deprecated"):
        lex = load_lexicon(path, lexicons=lexicons)
    path.write_text(MINI.replace("terrorism,", "terrorism, labor market,")
                    + "spelling:\n  labour: labor\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        lex = load_lexicon(path, lexicons=lexicons)
    assert _frames("The labour market moved.", lex) == (1, 0, 0)
    path.write_text(MINI + "spelling: [labour]\n", encoding="utf-8")
    with pytest.raises(framing.LexiconError, match="'spelling' must map"):
        load_lexicon(path, lexicons=lexicons)


def test_an_edited_lexicon_is_read_again(tmp_path, lexicons):
    path = tmp_path / "frames.yaml"
    shutil.copy(CORPUS / "lexicons" / "frames.yaml", path)
    shutil.copy(CORPUS / "lexicons" / "states.csv", tmp_path)
    before = load_lexicon(path, lexicons=lexicons)
    assert _frames("A concert was held.", before) == (0, 0, 0)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('terms: ["*terror*",', 'terms: ["concert", "*terror*",', 1),
                    encoding="utf-8")
    after = load_lexicon(path, lexicons=lexicons)
    assert _frames("A concert was held.", after) == (1, 0, 0)
    assert after.sha256 != before.sha256


def test_default_path_follows_the_lexicon_directory(tmp_path, monkeypatch):
    shutil.copytree(CORPUS / "lexicons", tmp_path / "lex")
    (tmp_path / "lex" / "frames.yaml").write_text(MINI, encoding="utf-8")
    monkeypatch.setenv("DISCOURSE_LEXICONS", str(tmp_path / "lex"))
    assert framing.load_lexicon().n_entries() == 4


def test_a_lexicon_pickles_for_worker_processes(frame_lexicon, real_sentences):
    import pickle

    again = pickle.loads(pickle.dumps(frame_lexicon))
    a = framing.code_sentences(real_sentences, frame_lexicon)
    b = framing.code_sentences(real_sentences, again)
    assert a.equals(b) and again.sha256 == frame_lexicon.sha256


def test_a_lexicons_memo_is_its_own_and_is_not_pickled(tmp_path):
    import pickle

    (tmp_path / "frames.yaml").write_text(MINI, encoding="utf-8")
    a, b = load_lexicon(tmp_path / "frames.yaml"), load_lexicon(tmp_path / "frames.yaml")
    kept = a.memo("x", list)
    kept.append(1)
    assert a.memo("x", list) is kept and b.memo("x", list) == []
    again = pickle.loads(pickle.dumps(a))
    assert again.memo("x", list) == [] and again.entries == a.entries and again == a


@pytest.mark.slow
def test_explain_keeps_its_caches_and_codes_as_with_fresh_ones(frame_lexicon):
    # explain keeps the matcher's caches on the lexicon object between calls: each
    # sentence coded after all the others gives what it gives with caches of its own
    # (dataclasses.replace: the same lexicon in a new object, with a memo of its own)
    import dataclasses
    import threading

    from discourse.framing import evaluation
    from discourse.framing.matcher import Caches

    lex = dataclasses.replace(frame_lexicon)
    texts = evaluation.load_set("sco_style/frames_dev.csv")["text"].tolist()[::40]
    warm = [framing.explain(t, lex, date="2024") for t in texts + texts[::-1]]
    name = f"caches-{threading.get_ident()}"           # one per thread
    caches = lex.memo(name, Caches, lex)
    assert lex.memo(name, Caches, lex) is caches and len(caches.main.seen) > 300
    for i, t in enumerate(texts):
        fresh = framing.explain(t, dataclasses.replace(frame_lexicon), date="2024")
        assert warm[i] == warm[-1 - i] == fresh, t


def test_sets_coded_one_after_another_share_caches_and_code_as_with_fresh_ones(
        frame_lexicon):
    # iter_codes in one process keeps the caches explain keeps (the probes, each a small
    # set, are coded with one lexicon object, stop 60): each set coded after the others,
    # and after explain, gives what it gives with a lexicon object of its own
    import dataclasses
    import threading

    from discourse.framing import evaluation
    from discourse.framing.matcher import Caches

    lex = dataclasses.replace(frame_lexicon)
    table = evaluation.load_set("sco_style/frames_dev.csv")
    rows = [tuple(r) for r in table[["id", "text", "paragraph", "document", "date"]]
            .replace("", None).itertuples(index=False)][:450]
    sets = [rows[:150], rows[150:300], rows[300:]]
    framing.explain(rows[400][1], lex)
    shared = [list(framing.iter_codes(s, lex)) for s in sets + sets[::-1]]
    caches = lex.memo(f"caches-{threading.get_ident()}", Caches, lex)
    assert len(caches.main.seen) > 300 and caches.analyses["fast"].once
    for i, s in enumerate(sets):
        fresh = list(framing.iter_codes(s, dataclasses.replace(frame_lexicon)))
        assert shared[i] == shared[-1 - i] == fresh


def test_forms_with_the_same_keys_are_compiled_once(tmp_path, lexicons, lex):
    """"crime", "crimes" and "Crime" fold to one key: one entry (a second would find
    every match twice); the same words under another clause stay an entry of their own."""
    path = tmp_path / "forms.yaml"
    path.write_text("frames:\n  security:\n    - clause: 'codebook 2.1'\n"
                    "      terms: [crime, crimes, Crime, terrorism]\n"
                    "    - clause: 'codebook 2.2'\n      terms: [crimes]\n", encoding="utf-8")
    mini = load_lexicon(path, lexicons=lexicons)
    assert [(e.term, e.clause) for e in mini.entries] == [
        ("crime", "codebook 2.1"), ("terrorism", "codebook 2.1"), ("crimes", "codebook 2.2")]
    assert framing.explain("Crimes rose.", mini)["evidence"]["security"] == ["Crimes"]
    # the shipped lexicon lists "exercise" and "exercises" as references to an exercise:
    # a later sentence names its reference once, not once per form
    rows = [("t", "SCO joint counter-terrorism exercise held in Pakistan", "p1", "d", "2021"),
            ("b", "The exercise lasted three days.", "p2", "d", "2021")]
    codes = {c.id: c for c in framing.iter_codes(rows, lex)}
    assert codes["b"].security == 1
    assert codes["b"].evidence == "context: security from the event of t via 'The exercise'"


def test_evidence_names_the_bodies_of_the_lexicons_organisation(tmp_path, lexicons,
                                                                frame_lexicon):
    """`bodies.prefixes` names the organisation whose bodies carry no frame by their
    names (decision rule 2); evidence calls them its bodies ("an SCO body" in the
    study, "an ASEAN body" for a lexicon adapted to ASEAN), never the SCO's elsewhere."""
    blocked = framing.explain("The SCO Business Council met in Bishkek.",
                              frame_lexicon)["blocked"]
    assert any("inside name of an SCO body 'Business Council'" in b for b in blocked)
    text = (CORPUS / "lexicons" / "frames.yaml").read_text(encoding="utf-8")
    assert text.count('prefixes: ["SCO"]') == 1
    path = tmp_path / "frames.yaml"
    path.write_text(text.replace('prefixes: ["SCO"]', 'prefixes: ["ASEAN"]'), encoding="utf-8")
    shutil.copy(CORPUS / "lexicons" / "states.csv", tmp_path)
    lex = load_lexicon(path, lexicons=lexicons)
    explained = framing.explain("The ASEAN Energy Club met.", lex)
    assert tuple(explained["frames"].values()) == (0, 0, 0)
    assert any("inside name of an ASEAN body 'ASEAN Energy Club'" in b
               for b in explained["blocked"])
    explained = framing.explain("The ASEAN Business Council met in Jakarta.", lex)
    assert any("inside name of an ASEAN body 'Business Council'" in b
               for b in explained["blocked"])
    assert not any("SCO" in b for b in explained["blocked"])


ASEAN_STATES = ("state,names,adjectives,member_from,capitals\n"
                "Cambodia,Cambodia,Cambodian,1999-04-30,Phnom Penh\n"
                "China,China,Chinese,,Beijing\n")
MET = "The Secretary-General met with the Ambassador of Cambodia."


def test_a_lexicon_without_its_states_file_warns_and_names_both_files(tmp_path, lexicons):
    """frames.yaml names its states file "beside this one"; a folder without it gets the
    default folder's (the SCO's members: Cambodia a non-member) with a warning naming
    both paths; with its own file beside it, that file and no warning."""
    from discourse import paths
    from discourse.framing.lexicon import states_path

    path = tmp_path / "frames.yaml"
    shutil.copy(CORPUS / "lexicons" / "frames.yaml", path)
    default = paths.lexicon_dir() / "states.csv"
    with pytest.warns(UserWarning) as got:
        sco = load_lexicon(path, lexicons=lexicons)
    [message] = [str(w.message) for w in got if "states file" in str(w.message)]
    assert str(tmp_path / "states.csv") in message and str(default) in message
    assert sco.states.path == str(default)
    # the provenance of its codes says which states file: the default's whole path
    assert sco.provenance()["states"]["path"] == str(default)
    assert framing.explain(MET, sco, date="2022")["evidence"]["multilateralism"] == [
        "Cambodia (non-member in 2022)"]
    with pytest.warns(UserWarning, match="does not exist; using"):
        assert states_path(path) == default
    (tmp_path / "states.csv").write_text(ASEAN_STATES, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        own = load_lexicon(path, lexicons=lexicons)
        assert states_path(path) == tmp_path / "states.csv"
    assert own.states.path == str(tmp_path / "states.csv")
    assert framing.explain(MET, own, date="2022")["frames"]["multilateralism"] == 0
    assert own.provenance()["states"] == {
        "path": "states.csv", "sha256": hashlib.sha256(ASEAN_STATES.encode()).hexdigest()}
    assert own.sha256 == sco.sha256          # the same frames.yaml: only its states differ


def test_coded_tables_record_the_states_file_of_their_lexicon(tmp_path, lexicons):
    import pandas as pd

    from discourse import provenance

    shutil.copy(CORPUS / "lexicons" / "frames.yaml", tmp_path)
    (tmp_path / "states.csv").write_text(ASEAN_STATES, encoding="utf-8")
    lex = load_lexicon(tmp_path / "frames.yaml", lexicons=lexicons)
    s = pd.DataFrame({"sentence_id": ["a"], "doc_id": "d", "paragraph": 1, "text": [MET]})
    recorded = provenance.of(framing.code_sentences(s, lex))["inputs"]["lexicon"]
    assert recorded["states"]["sha256"] == hashlib.sha256(ASEAN_STATES.encode()).hexdigest()
    assert recorded["sha256"] == lex.sha256


@pytest.mark.slow
def test_the_tests_yaml_helpers_read_and_write_as_pyyaml_does():
    # framing_helpers parses frames.yaml once with libyaml and dumps with libyaml: the same
    # data as PyYAML's safe loader, the same text as its safe dumper
    import yaml

    from framing_helpers import dump_yaml

    text = (CORPUS / "lexicons" / "frames.yaml").read_text(encoding="utf-8")
    data = project_frames()
    assert data == yaml.safe_load(text)
    assert dump_yaml(data) == yaml.safe_dump(data, allow_unicode=True)
    data["frames"]["security"] = []
    assert project_frames()["frames"]["security"]          # a fresh copy each time
