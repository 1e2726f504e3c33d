"""Agreement of the coder on several hand-coded sets pooled, each set a cluster.

Each set's own interval resamples its texts, not the writing (or sampling) of the set;
sets written in separate sessions differ by more than those intervals allow. Pooled
with each set as the unit resampled, the interval includes that variation; with a few
sets the percentile interval is widened where narrower to a t interval of the sets' own
values (a cluster-robust variance with sets as clusters, G - 1 degrees of freedom).

References
----------
Cameron, A. C., Gelbach, J. B. and Miller, D. L. (2008). Bootstrap-based improvements for
inference with clustered errors. *Review of Economics and Statistics* 90(3), 414-427.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse.bootstrap import no_narrower
from discourse.framing.validation import validate

__all__ = ["POOLED", "pooled_agreement"]

#: The ``set`` of the pooled rows of :func:`discourse.framing.evaluation.generalisation`.
POOLED = "held-out sets pooled"


def pooled_agreement(held, *, n_boot: int, seed: int, level: float) -> pd.DataFrame:
    """The agreement of the sets never used for development, stacked, each set resampled
    whole (:func:`discourse.framing.evaluation.generalisation`).

    ``held`` holds one ``(row, table, codes, validation)`` per set: its row of the
    registry (``set, kind, measured_on, coded_by``), its table and codes
    (:func:`~discourse.framing.evaluation.load_set`, ``code_set``) and its own
    :func:`~discourse.framing.validation.validate` table.

    With a few sets the percentile interval of their resamples is too narrow (Cameron,
    Gelbach and Miller 2008), so it is widened where narrower to ``value +- t_{G-1}
    se``, ``se^2 = G / (G - 1) sum_g w_g^2 (value_g - value)^2`` over the G sets' own
    values weighted by their sentences (a cluster-robust variance with sets as
    clusters), clipped to [0, 1].

    Returns
    -------
    pandas.DataFrame
        The :func:`~discourse.framing.validation.validate` table of the stacked sets
        with ``set`` = :data:`POOLED`, ``kind``, ``used_for_development`` ("no"),
        ``measured_on`` and ``coded_by``.
    """
    from scipy.stats import t as student

    ids = [f"{h[0].set}:" + h[1]["id"] for h in held]
    hand = pd.concat([h[1].assign(sentence_id=i) for h, i in zip(held, ids)],
                     ignore_index=True)
    codes = pd.concat([h[2].assign(sentence_id=f"{h[0].set}:" + h[2].sentence_id)
                       for h in held], ignore_index=True)
    clusters = pd.DataFrame({"sentence_id": hand.sentence_id,
                             "doc_id": [h[0].set for h in held for _ in range(len(h[1]))],
                             "paragraph": hand.document + "/" + hand.paragraph})
    v = validate(codes, hand, clusters=clusters, n_boot=n_boot, seed=seed, level=level,
                 documents=True)
    v["interval"] = v.interval.str.replace("(documents resampled;", "(sets resampled whole;",
                                           regex=False)
    g = len(held)
    q = float(student.ppf(0.5 + level / 2, g - 1))
    w = np.array([len(h[1]) for h in held], dtype=float) / len(hand)
    name = f"a t interval ({g - 1} df) of the {g} sets' own values (sets as clusters)"
    for i, r in v.iterrows():
        own = np.array([h[3].set_index(["frame", "metric"]).value[(r.frame, r.metric)]
                        for h in held])
        if np.isnan(r.value) or np.isnan(own).any():
            continue
        se = np.sqrt(g / (g - 1) * np.sum(w ** 2 * (own - r.value) ** 2))
        lo, hi, how = no_narrower(r.ci_low, r.ci_high, (max(r.value - q * se, 0.0),
                                                        min(r.value + q * se, 1.0)),
                                  r.interval, name)
        v.loc[i, ["ci_low", "ci_high", "interval"]] = [lo, hi, how]
    names = ", ".join(h[0].set for h in held)
    kind = held[0][0].kind
    again = any("scored again" in str(h[0].measured_on) for h in held)
    return v.assign(set=POOLED, kind=kind, used_for_development="no",
                    measured_on=f"{kind} text of the {len(held)} sets never used to build "
                    f"or tune the lexicon ({names}"
                    + ("; some scored again after later changes of it, a small risk of "
                       "selection" if again else "")
                    + "), pooled, each set resampled whole (the interval includes how much "
                    "agreement varies between sets)",
                    coded_by="; ".join(dict.fromkeys(h[0].coded_by for h in held)))
