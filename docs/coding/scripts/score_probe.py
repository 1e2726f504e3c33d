"""Score the frame coder on a probe of 2026-12-06 (``docs/coding/probe6/`` and after)
and its two hand coders against each other: per-frame Cohen's kappa, F1, true and false
positives and negatives (the package's :func:`discourse.stats.binary_agreement`, which the
tests check against scikit-learn's ``cohen_kappa_score`` and ``f1_score``; macro-F1 the
mean of the three F1). Prints figures only, no sentence.

    python docs/coding/scripts/score_probe.py probe6 [LEXICON.yaml]

With ``--all``, one line per probe: the coder's kappa per frame and macro-F1, and whether
the probe's errors have been read (development data, so in sample for the entries built
from them) or it was only scored (``errors_read`` of ``docs/coding/probes.csv``):

    python docs/coding/scripts/score_probe.py --all [LEXICON.yaml]
"""
import sys
from pathlib import Path

import pandas as pd

from discourse.framing import code_set
from discourse.framing.lexicon import as_lexicon
from discourse.framing.probes import load_probe, load_probes
from discourse.stats import binary_agreement

F = ["security", "economy", "multilateralism"]
ROOT = Path(__file__).resolve().parents[1]


def table(x, y):
    """Per frame, ``y``'s agreement with ``x`` (the reference): kappa, F1 and the counts;
    and the macro-F1."""
    rows = []
    for f in F:
        r = binary_agreement(y[f].astype(int), x[f].astype(int))
        rows.append({"frame": f, "kappa": r["kappa"], "f1": r["f1"], "tp": r["tp"],
                     "fp": r["fp"], "fn": r["fn"]})
    out = pd.DataFrame(rows)
    return out, out.f1.mean()


def coded(probe, lex):
    """A probe as the package reads it (``framing.probes.load_probe``: the texts, the
    reference codes and each hand coder's, checked) and the coder's codes of its
    sentences in their document and paragraph (``framing.code_set``), in their order."""
    table = load_probe(probe, ROOT)
    return table, code_set(table, lex)


def hand(table, prefix):
    """A hand coder's codes of a probe (``a_``, ``b_``) under the frames' names."""
    return table[[prefix + f for f in F]].set_axis(F, axis=1)


def probes():
    """The probes' folders, in their order (probe6, probe7, ...)."""
    return sorted((p.name for p in ROOT.glob("probe*") if (p / "reference.csv").exists()),
                  key=lambda n: int(n[len("probe"):]))


def summary(lexicon=None):
    """One line per probe: sentences, the coder's kappa per frame, macro-F1, status
    (``lexicon``: a path, a loaded lexicon, or ``None`` for the project's)."""
    lex = as_lexicon(lexicon)
    registry = load_probes(ROOT)
    read_ = dict(zip(registry.probe, registry.errors_read))
    print("probe    sentences  kappa S / E / M        macro-F1  errors")
    for probe in probes():
        texts, got = coded(probe, lex)
        t, macro = table(texts, got)
        status = {"no": "not read (scored only)", "yes": "read"}.get(
            read_.get(probe), "not in probes.csv")
        kappas = " / ".join(f"{k:.3f}" for k in t.kappa)
        print(f"{probe:<8} {len(texts):>9}  {kappas}  {macro:.3f}     {status}")


def main(argv, lexicon=None):
    """``score_probe.py PROBE [LEXICON]`` or ``--all [LEXICON]``; ``lexicon``, a loaded
    lexicon, is used when the arguments name none."""
    lexicon = argv[1] if len(argv) > 1 else lexicon
    if argv[:1] == ["--all"]:
        summary(lexicon)
        return
    probe = argv[0]
    lex = as_lexicon(lexicon)
    texts, got = coded(probe, lex)
    for name, (x, y) in {"coder A vs coder B": (hand(texts, "a_"), hand(texts, "b_")),
                         "frame coder vs the adjudicated reference": (texts, got)}.items():
        t, macro = table(x, y)
        print(f"{name} ({len(texts)} sentences):")
        print(t.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        print(f"macro-F1 {macro:.3f}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
