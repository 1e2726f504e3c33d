"""docs/coding/probe6 to probe12: the records of the probes of 2026-12-06 (ten invented
texts each, two blind hand coders, an adjudicated reference) are whole, and the scoring
script reports what the files hold."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score

from conftest import load_script

from discourse import framing

ROOT = Path(__file__).resolve().parents[1] / "docs" / "coding"
F = ["security", "economy", "multilateralism"]


#: sentences, and sentences on which the two coders disagreed
PROBES = {"probe6": (149, 3), "probe7": (138, 2), "probe8": (142, 8), "probe9": (149, 5),
          "probe10": (146, 3), "probe11": (149, 0),
          "probe12": (147, 7), "probe13": (148, 7), "probe14": (149, 5),
          "probe15": (156, 4), "probe16": (156, 5),
          "probe17": (157, 4), "probe18": (156, 3), "probe19": (156, 4), "probe20": (156, 1),
          "probe21": (158, 3), "probe22": (157, 8),
          "probe23": (157, 6), "probe24": (156, 2), "probe25": (157, 1),
          "probe26": (152, 1), "probe27": (151, 3), "probe28": (158, 3), "probe29": (154, 5),
          "probe30": (154, 1), "probe31": (153, 4), "probe32": (151, 1), "probe33": (153, 4),
          "probe34": (152, 4), "probe35": (154, 7), "probe36": (153, 3), "probe37": (155, 1),
          "probe38": (158, 3), "probe39": (151, 3), "probe40": (152, 7), "probe41": (155, 7),
          "probe42": (158, 9), "probe43": (151, 4), "probe44": (154, 3), "probe45": (155, 4),
          "probe46": (151, 10), "probe47": (157, 2), "probe48": (154, 0),
          "probe49": (153, 4), "probe50": (155, 5), "probe51": (159, 4), "probe52": (154, 5),
          "probe53": (153, 5), "probe54": (149, 6), "probe55": (149, 0), "probe56": (156, 3),
          "probe57": (152, 3), "probe58": (148, 7), "probe59": (150, 6), "probe60": (151, 1),
          "probe61": (151, 2), "probe62": (151, 7), "probe63": (152, 2), "probe64": (151, 1),
          "probe65": (155, 2), "probe66": (155, 0), "probe67": (148, 0), "probe68": (154, 2),
          "probe69": (152, 3), "probe70": (154, 5), "probe71": (150, 4), "probe72": (149, 1),
          "probe73": (152, 3), "probe74": (154, 4), "probe75": (155, 9), "probe76": (148, 2),
          "probe77": (150, 2), "probe78": (148, 2), "probe79": (153, 3), "probe80": (151, 1),
          "probe81": (153, 2), "probe82": (150, 1), "probe83": (157, 11),
          "probe84": (150, 3), "probe85": (151, 1), "probe86": (156, 4),
          "probe87": (147, 2), "probe88": (152, 5), "probe89": (154, 4),
          "probe90": (154, 4), "probe91": (148, 9), "probe92": (152, 3),
          "probe93": (147, 2), "probe94": (153, 4), "probe95": (151, 2),
          "probe96": (155, 3), "probe97": (150, 2), "probe98": (156, 9),
          "probe99": (155, 1), "probe100": (151, 4), "probe101": (151, 0),
          "probe102": (148, 3), "probe103": (148, 0), "probe104": (150, 14),
          "probe105": (150, 3), "probe106": (151, 5), "probe107": (152, 7),
          "probe108": (152, 4), "probe109": (152, 4), "probe110": (152, 4),
          "probe111": (151, 1), "probe112": (150, 1), "probe113": (157, 2),
          "probe114": (147, 2), "probe115": (151, 1), "probe116": (149, 3),
          "probe117": (149, 3), "probe118": (150, 6), "probe119": (152, 2),
          "probe120": (155, 1), "probe121": (149, 2), "probe122": (153, 4),
          "probe123": (148, 1), "probe124": (153, 2), "probe125": (151, 6),
          "probe126": (155, 13), "probe127": (149, 4), "probe128": (146, 4),
          "probe129": (151, 1), "probe130": (153, 2), "probe131": (152, 1),
          "probe132": (155, 2), "probe133": (151, 2), "probe134": (150, 5),
          "probe135": (148, 5), "probe136": (152, 2), "probe137": (152, 2),
          "probe138": (150, 1), "probe139": (158, 1), "probe140": (152, 2),
          "probe141": (148, 2), "probe142": (157, 3), "probe143": (158, 2),
          "probe144": (152, 2), "probe145": (151, 0), "probe146": (150, 3),
          "probe147": (150, 11), "probe148": (149, 4), "probe149": (150, 2),
          "probe150": (151, 3), "probe151": (152, 4), "probe152": (155, 3),
          "probe153": (150, 1), "probe154": (149, 2), "probe155": (147, 4),
          "probe156": (156, 3), "probe157": (154, 3), "probe158": (149, 5),
          "probe159": (147, 3), "probe160": (150, 8), "probe161": (152, 2), "probe162": (150, 2),
          "probe163": (155, 6), "probe164": (160, 5), "probe165": (150, 2),
          "probe166": (150, 13), "probe167": (155, 16), "probe168": (151, 1),
          "probe169": (157, 8), "probe170": (150, 4),
          "probe171": (149, 1), "probe172": (152, 1), "probe173": (148, 6),
          "probe174": (150, 2), "probe175": (150, 1), "probe176": (148, 1),
          "probe177": (148, 5), "probe178": (153, 4), "probe179": (153, 1),
          "probe180": (152, 5), "probe181": (153, 4), "probe182": (159, 6),
          "probe183": (148, 7), "probe184": (148, 4), "probe185": (151, 1),
          "probe186": (148, 2), "probe187": (152, 2), "probe188": (155, 7),
          "probe189": (153, 0), "probe190": (151, 2), "probe191": (159, 17),
          "probe192": (155, 4), "probe193": (154, 7), "probe194": (150, 6),
          "probe195": (148, 0), "probe196": (151, 14), "probe197": (152, 3),
          "probe198": (154, 4), "probe199": (155, 9), "probe200": (150, 6),
          "probe201": (153, 3), "probe202": (150, 4), "probe203": (148, 3),
          "probe204": (151, 1), "probe205": (154, 2), "probe206": (153, 2),
          "probe207": (150, 7), "probe208": (146, 3), "probe209": (148, 2),
          "probe210": (147, 7), "probe211": (148, 6), "probe212": (152, 4),
          "probe213": (149, 2), "probe214": (153, 1), "probe215": (152, 11),
          "probe216": (149, 9), "probe217": (150, 3), "probe218": (153, 3),
          "probe219": (145, 2), "probe220": (149, 4), "probe221": (150, 8),
          "probe222": (148, 3), "probe223": (148, 12), "probe224": (150, 1),
          "probe225": (155, 12), "probe226": (153, 1), "probe227": (152, 13),
          "probe228": (156, 1), "probe229": (154, 9), "probe230": (148, 8),
          "probe231": (151, 2), "probe232": (150, 4), "probe233": (154, 2),
          "probe234": (149, 3), "probe235": (148, 4), "probe236": (144, 4),
          "probe237": (154, 12), "probe238": (150, 1), "probe239": (152, 2),
          "probe240": (149, 1), "probe241": (149, 1), "probe242": (147, 5),
          "probe243": (150, 2), "probe244": (150, 8), "probe245": (148, 0),
          "probe246": (151, 6), "probe247": (147, 1), "probe248": (150, 2),
          "probe249": (150, 3), "probe250": (151, 9), "probe251": (148, 2),
          "probe252": (147, 1), "probe253": (151, 10), "probe254": (147, 11),
          "probe255": (154, 4), "probe256": (150, 1), "probe257": (148, 5),
          "probe258": (151, 1), "probe259": (148, 0), "probe260": (150, 5),
          "probe261": (152, 6), "probe262": (145, 4), "probe263": (150, 2),
          "probe264": (151, 5), "probe265": (151, 3), "probe266": (154, 2),
          "probe267": (150, 2), "probe268": (149, 4), "probe269": (145, 7),
          "probe270": (156, 4), "probe271": (148, 6), "probe272": (149, 5),
          "probe273": (147, 8), "probe274": (150, 2), "probe275": (150, 2),
          "probe276": (149, 3), "probe277": (151, 3), "probe278": (148, 1),
          "probe279": (151, 2), "probe280": (150, 5), "probe281": (150, 4),
          "probe282": (143, 1), "probe283": (152, 3), "probe284": (150, 19),
          "probe285": (155, 6), "probe286": (150, 1), "probe287": (152, 8),
          "probe288": (149, 4), "probe289": (147, 2), "probe290": (152, 6),
          "probe291": (148, 1), "probe292": (150, 7), "probe293": (151, 0),
          "probe294": (153, 10), "probe295": (153, 1), "probe296": (152, 5),
          "probe297": (150, 1), "probe298": (150, 4), "probe299": (152, 0),
          "probe300": (153, 12), "probe301": (150, 1), "probe302": (153, 4),
          "probe303": (154, 9), "probe304": (148, 8), "probe305": (150, 6),
          "probe306": (150, 7), "probe307": (145, 7), "probe308": (145, 10),
          "probe309": (153, 3), "probe310": (151, 5), "probe311": (150, 9),
          "probe312": (148, 8), "probe313": (150, 4), "probe314": (148, 0), "probe315": (152, 13),
          "probe316": (150, 5), "probe317": (150, 8),
          "probe318": (149, 4), "probe319": (146, 5), "probe320": (147, 4),
          "probe321": (152, 5), "probe322": (150, 3), "probe323": (150, 5),
          "probe324": (153, 3), "probe325": (151, 1), "probe326": (152, 4)}


def _every_probe():
    """Every probe, the first in the fast layer and the rest marked ``slow``: each probe's
    records are data, and the fast layer (``make test-fast``) should not grow with them;
    ``make test`` checks every probe."""
    return [probe if i == 0 else pytest.param(probe, marks=pytest.mark.slow)
            for i, probe in enumerate(PROBES)]


def test_the_table_of_sizes_names_every_registered_probe():
    """PROBES (sizes and disagreements counted by hand) covers docs/coding/probes.csv, so
    that the per-probe checks below run on every probe, in its order."""
    registry = pd.read_csv(ROOT / "probes.csv", dtype=str, keep_default_na=False)
    assert list(PROBES) == list(registry.probe)
    assert [str(PROBES[p][0]) for p in PROBES] == list(registry.sentences)


def _read(probe, name):
    return pd.read_csv(ROOT / probe / name, dtype=str, keep_default_na=False)


@pytest.mark.parametrize("probe", _every_probe())
def test_the_reference_is_the_coders_codes_where_they_agree(probe):
    texts, a, b, ref = (_read(probe, n) for n in ("texts.csv", "coder_a.csv", "coder_b.csv",
                                                  "reference.csv"))
    n, disagree = PROBES[probe]
    assert len(texts) == n and texts.id.is_unique
    assert list(a.id) == list(b.id) == list(ref.id) == list(texts.id)
    agree = (a[F] == b[F]).all(axis=1)
    assert int((~agree).sum()) == disagree
    assert (ref.loc[agree, F] == a.loc[agree, F]).all(axis=None)
    # each disagreement was decided, and says so
    assert ref.loc[~agree, "note"].str.startswith("adjudicated: ").all()
    assert ref.loc[agree, "note"].str.startswith("adjudicated").sum() == 0


def _script(name):
    """``docs/coding/scripts/NAME.py`` as a module."""
    return load_script(ROOT / "scripts" / f"{name}.py")


@pytest.fixture(scope="module")
def script():
    """``docs/coding/scripts/score_probe.py`` as a module."""
    return _script("score_probe")


@pytest.mark.parametrize("probe", _every_probe())
def test_the_scoring_script_reads_the_coders_agreement(script, probe):
    # the probe as the script reads it, and the first table it prints: coder A against
    # coder B (what it prints is checked on probe6 below, with the frame coder's codes)
    texts = script.load_probe(probe, ROOT)
    assert len(texts) == PROBES[probe][0]
    a, b = _read(probe, "coder_a.csv"), _read(probe, "coder_b.csv")
    t, macro = script.table(script.hand(texts, "a_"), script.hand(texts, "b_"))
    for f, kappa in zip(F, t.kappa):
        assert kappa == pytest.approx(cohen_kappa_score(a[f].astype(int), b[f].astype(int)),
                                      abs=1e-12)
    assert macro == pytest.approx(sum(f1_score(a[f].astype(int), b[f].astype(int))
                                      for f in F) / 3, abs=1e-12)


def _printed_kappas(text):
    return {line.split()[0]: line.split()[1] for line in text.splitlines()
            if line.split()[:1] in ([f] for f in F)}


@pytest.mark.slow
def test_the_scoring_script_prints_both_tables_of_a_probe(capsys, script, frame_lexicon):
    script.main(["probe6"], frame_lexicon)
    hand, own = capsys.readouterr().out.split("frame coder")
    a, b = _read("probe6", "coder_a.csv"), _read("probe6", "coder_b.csv")
    assert hand.startswith(f"coder A vs coder B ({PROBES['probe6'][0]} sentences)")
    assert _printed_kappas(hand) == {
        f: f"{cohen_kappa_score(a[f].astype(int), b[f].astype(int)):.3f}" for f in F}
    assert own.startswith(f" vs the adjudicated reference ({PROBES['probe6'][0]} sentences)")
    texts, got = script.coded("probe6", frame_lexicon)
    assert _printed_kappas(own) == {
        f: f"{cohen_kappa_score(texts[f].astype(int), got[f].astype(int)):.3f}" for f in F}


@pytest.mark.slow            # codes every probe (about 7,300 sentences)
def test_the_summary_of_every_probe_gives_each_its_own_scores(capsys, script, frame_lexicon):
    """``score_probe.py --all``: one line per probe, the same kappas as the probe's own
    report, and "not read" exactly for the probes whose errors docs/coding/probes.csv says
    nobody read (test_framing_probes checks that against each probe's README)."""
    script.main(["--all"], frame_lexicon)
    lines = capsys.readouterr().out.splitlines()[1:]
    assert [line.split()[0] for line in lines] == list(PROBES)
    unread = {line.split()[0] for line in lines if "not read" in line}
    registry = pd.read_csv(ROOT / "probes.csv", dtype=str, keep_default_na=False)
    assert unread == set(registry.probe[registry.errors_read == "no"]) and len(unread) >= 2
    assert {line.split()[0] for line in lines if line.endswith(" read")} == \
        set(registry.probe[registry.errors_read == "yes"])
    script.main(["probe6"], frame_lexicon)
    own = capsys.readouterr().out.split("frame coder")[1]
    assert [_printed_kappas(own)[f] for f in F] == lines[0].split()[2:7:2]


@pytest.fixture(scope="module")
def review_script():
    """``docs/coding/scripts/score_review.py`` as a module whose ``coded`` codes each
    review once per lexicon for the module's tests (its ``main`` then prints from the same
    codes; a lexicon is no dictionary key, so it is kept beside its codes)."""
    module = _script("score_review")
    original, memo = module.coded, {}

    def coded(review, lex):
        if (review, id(lex)) not in memo:
            memo[review, id(lex)] = (lex, original(review, lex))
        return memo[review, id(lex)][1]

    module.coded = coded
    return module


#: The reviews of invented passages: (folder, passages, the brief's items, whether its
#: items have equal numbers of passages, fewest passages with a context).
REVIEWS = [("review24", 130, 14, False, 30), ("review25", 110, 11, True, 0),
           ("review26", 60, 4, True, 0), ("review27", 48, 4, True, 0),
           ("review28", 70, 7, False, 20)]


@pytest.mark.parametrize("review, n, items, equal, contexts", REVIEWS)
def test_a_review_is_whole_and_its_script_counts_the_hand_codes_given(
        capsys, frame_lexicon, review_script, review, n, items, equal, contexts):
    """docs/coding/reviewNN/: n passages, one coder's 0/1 codes, the brief's items 1 to
    ``items``; the scoring script prints how many hand codes the coder gives."""
    table, got = review_script.coded(review, frame_lexicon)
    assert list(table.id) == [f"r{i:03d}" for i in range(1, n + 1)]
    assert table[F].isin(["0", "1"]).all(axis=None)
    assert set(table.word.astype(int)) == set(range(1, items + 1))
    if equal:
        assert table.word.astype(int).value_counts().to_dict() == \
            {i: n // items for i in range(1, items + 1)}
    assert table.context.str.len().gt(0).sum() >= contexts
    review_script.main([review], frame_lexicon)
    agree = [int((table[f].astype(int) == got[f]).sum()) for f in F]
    assert capsys.readouterr().out.strip().endswith(
        f"{agree[0]} (security), {agree[1]} (economy), {agree[2]} (multilateralism) "
        f"of {n} passages")


@pytest.mark.parametrize("review, passage, said", [
    ("review24", "r127", "suicide"),       # "such acts" after a suicide attack
    ("review25", "r092", "Unified List"),  # "the list now has more than 100 entries"
])
def test_a_reference_in_a_passage_s_context_carries_its_frame(frame_lexicon, review_script,
                                                              review, passage, said):
    """The scoring script codes each last sentence after its context: a reference to an
    attack, or to the Unified List of terrorist organisations, in the context carries
    security, which the sentence alone does not."""
    table, got = review_script.coded(review, frame_lexicon)
    i = table.index[table.id == passage][0]
    assert said in table.context[i] and got.security[i] == 1
    alone = framing.explain(table.sentence[i], frame_lexicon, date="2023")["frames"]
    assert alone["security"] == 0
