"""Agreement of the coder on several hand-coded sets pooled, each set a cluster.

Each set's own interval resamples its texts, not the writing (or sampling) of the set,
and sets written in separate sessions can differ by more than those intervals allow.
Pooled with each set as the unit resampled, the interval includes that variation; with
a few sets the percentile interval is widened where narrower to the delete-one-set
jackknife's t interval (G - 1 degrees of freedom).

References
----------
Cameron, A. C., Gelbach, J. B. and Miller, D. L. (2008). Bootstrap-based improvements for
inference with clustered errors. *Review of Economics and Statistics* 90(3), 414-427.
Wolter, K. M. (2007). *Introduction to Variance Estimation*, 2nd ed. Springer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse.bootstrap import no_narrower
from discourse.clustered_ci import t_value
from discourse.framing.validation import validate

__all__ = ["POOLED", "pooled_agreement", "stack_sets", "sets_resampled_whole",
           "without_each_set", "jackknife_interval", "widen_to_jackknife"]

#: The ``set`` of the pooled rows of :func:`discourse.framing.evaluation.generalisation`.
POOLED = "held-out sets pooled"


def pooled_agreement(held, *, n_boot: int, seed: int, level: float,
                     unit: str = "set") -> pd.DataFrame:
    """The agreement of the sets never used for development, stacked, each set resampled
    whole (:func:`discourse.framing.evaluation.generalisation`).

    ``held`` holds one ``(row, table, codes)`` per set: its row of the registry (``set,
    kind, measured_on, coded_by``), its table and its codes
    (:func:`~discourse.framing.evaluation.load_set`, ``code_set``).

    With a few sets the percentile interval of their resamples is too narrow (Cameron,
    Gelbach and Miller 2008), so it is widened where narrower to ``value +- t_{G-1}
    se``, ``se`` the delete-one-set jackknife's (JK1, Wolter 2007, ch. 4: ``se^2 = (G -
    1) / G sum_g (value_(-g) - mean)^2``, ``value_(-g)`` the statistic of the stacked
    sets without set g), which holds for any of the statistics (precision and recall
    are ratios of the sets' counts, kappa and alpha not means of the sets' values),
    clipped to the statistic's range ([-1, 1] for kappa and alpha, [0, 1] otherwise).
    Where the statistic is undefined without one of the sets there is no such floor
    and the label says so. The ``interval`` labels call each set a ``unit`` ("set";
    "probe" for :func:`discourse.framing.probes.probe_agreement`).

    Returns
    -------
    pandas.DataFrame
        The :func:`~discourse.framing.validation.validate` table of the stacked sets
        with ``set`` = :data:`POOLED`, ``kind``, ``used_for_development`` ("no"),
        ``measured_on`` and ``coded_by``.

    References
    ----------
    Cameron, A. C., Gelbach, J. B. and Miller, D. L. (2008). Bootstrap-based improvements
    for inference with clustered errors. *Review of Economics and Statistics* 90(3),
    414-427.
    Wolter, K. M. (2007). *Introduction to Variance Estimation*, 2nd ed. Springer.
    """
    from discourse.framing.lexicon import FRAMES

    hand, codes, clusters, member = stack_sets(held)
    v = validate(codes, hand, clusters=clusters, n_boot=n_boot, seed=seed, level=level,
                 documents=True)
    v["interval"] = sets_resampled_whole(v.interval, unit)
    coded = codes.set_index("sentence_id").loc[hand.sentence_id, list(FRAMES)]
    without = {f: without_each_set(coded[f].to_numpy(), hand[f].astype(int).to_numpy(),
                                   member, len(held)) for f in FRAMES}
    for i, r in v.iterrows():
        if np.isnan(r.value):
            continue
        rest = np.array([w[r.metric] for w in without[r.frame]], dtype=float)
        bounds = (-1.0, 1.0) if r.metric in ("kappa", "alpha") else (0.0, 1.0)
        v.loc[i, ["ci_low", "ci_high", "interval"]] = list(widen_to_jackknife(
            r.ci_low, r.ci_high, r.interval, r.value, rest, level, bounds, unit))
    names = ", ".join(h[0].set for h in held)
    kind = held[0][0].kind
    again = [("scored again" in str(h[0].measured_on)) for h in held]
    return v.assign(set=POOLED, kind=kind, used_for_development="no",
                    measured_on=f"{kind} text of the {len(held)} sets never used to build "
                    f"or tune the lexicon ({names}"
                    + ("; each scored again after later changes of it, a small risk of "
                       "selection" if all(again) else "; some scored again after later "
                       "changes of it, a small risk of selection" if any(again) else "")
                    + "), pooled, each set resampled whole (the interval includes how much "
                    "agreement varies between sets)",
                    coded_by="; ".join(dict.fromkeys(h[0].coded_by for h in held)))


def stack_sets(held) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, np.ndarray]:
    """The hand-coded sets of ``held`` (``(row, table, codes)`` each, as for
    :func:`pooled_agreement`) stacked: ``(hand, codes, clusters, member)``, the hand
    codes and the coder's codes with ``sentence_id`` = "SET:id", the clusters of the
    bootstrap (``doc_id`` = the set, ``paragraph`` = its document/paragraph) and, per
    row, the index of its set in ``held``."""
    ids = [f"{h[0].set}:" + h[1]["id"] for h in held]
    hand = pd.concat([h[1].assign(sentence_id=i) for h, i in zip(held, ids)],
                     ignore_index=True)
    codes = pd.concat([h[2].assign(sentence_id=f"{h[0].set}:" + h[2].sentence_id)
                       for h in held], ignore_index=True)
    member = np.repeat(np.arange(len(held)), [len(h[1]) for h in held])
    clusters = pd.DataFrame({"sentence_id": hand.sentence_id,
                             "doc_id": [h[0].set for h in held for _ in range(len(h[1]))],
                             "paragraph": hand.document + "/" + hand.paragraph})
    return hand, codes, clusters, member


def jackknife_interval(value: float, rest, level: float,
                       bounds: tuple[float, float]) -> tuple[float, float]:
    """``value +- t_{G-1} se``, clipped to ``bounds``: ``se`` the delete-one-set
    jackknife's (JK1, Wolter 2007, ch. 4), from ``rest``, the statistic without each of
    the G sets in turn: ``se^2 = (G - 1) / G sum_g (rest_g - mean(rest))^2``.

    Examples
    --------
    >>> lo, hi = jackknife_interval(0.5, [0.4, 0.5, 0.6], 0.95, (0.0, 1.0))
    >>> round(lo, 4), round(hi, 4)          # se = sqrt(2/3 x 0.02) = 0.1155, t_2 = 4.303
    (0.0032, 0.9968)
    """
    rest = np.asarray(rest, dtype=float)
    g = len(rest)
    se = float(np.sqrt((g - 1) / g * np.sum((rest - rest.mean()) ** 2)))
    q = t_value(level, g - 1)
    return max(value - q * se, bounds[0]), min(value + q * se, bounds[1])


def sets_resampled_whole(labels: pd.Series, unit: str = "set") -> pd.Series:
    """The ``interval`` labels of a bootstrap of stacked sets, whose "documents" (the
    resampled units of :func:`stack_sets`' clusters) are the sets (each called a
    ``unit``: "set", "probe")."""
    return labels.str.replace("(documents resampled;", f"({unit}s resampled whole;",
                              regex=False)


def without_each_set(coder, reference, member, n_sets: int) -> list[dict]:
    """:func:`discourse.stats.binary_agreement` of ``coder`` with ``reference`` (0/1
    arrays of the stacked sets) without each set ``k`` in turn (the rows where ``member``
    is ``k``), ``k = 0 .. n_sets - 1``: the values the jackknife leaves one out of."""
    from discourse.stats import binary_agreement

    coder, reference, member = (np.asarray(x) for x in (coder, reference, member))
    return [binary_agreement(coder[member != k], reference[member != k])
            for k in range(n_sets)]


def widen_to_jackknife(low: float, high: float, how: str, value: float, rest, level: float,
                       bounds: tuple[float, float], unit: str = "set"
                       ) -> tuple[float, float, str]:
    """An interval of the stacked sets widened where narrower to
    :func:`jackknife_interval` of ``value`` from ``rest`` (the statistic without each
    set), with its label (each set called a ``unit``); where the statistic is undefined
    without one of the sets, the interval as it is and a label that says there is no
    floor."""
    rest = np.asarray(rest, dtype=float)
    if np.isnan(rest).any():
        return low, high, (f"{how}; no jackknife floor: the statistic is undefined without "
                           f"one of the {unit}s")
    return no_narrower(low, high, jackknife_interval(value, rest, level, bounds), how,
                       f"the delete-one-{unit} jackknife's t interval ({len(rest) - 1} df)")
