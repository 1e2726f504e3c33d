"""A stratum with several but few documents: intervals never narrower than within documents.

Where a stratum (a year) has several documents, the package's cluster bootstrap
(:func:`discourse.bootstrap.cluster_bootstrap`) resamples them whole, each with all its
paragraphs: strategy 1 of Davison and Hinkley (1997, sec. 3.8), which avoids counting
the variation between paragraphs twice (Field and Welsh 2007). With **few** documents
that first stage is anti-conservative: the bootstrap variance of a mean of ``a``
documents is about ``(a - 1) / a`` of the usual estimate, and the replicates take few
values; with two documents ``a`` and ``b`` only the means of (a, a), (a, b) and (b, b),
so the 95% interval is the range of the two documents' means however much their
paragraphs vary (two documents with similar means give an interval of almost nothing).
Inference that treats a handful of clusters as the sample is known to over-reject
(Cameron and Miller 2015, sec. VI, on few clusters). A year with **one** document gets
the within-document design instead (runs of its consecutive paragraphs resampled), often
much wider, so year differences would exclude 0 more easily for a year of two
documents than for a year of one.

**Convention.** Where a stratum has several documents, the interval of each statistic
is computed under both designs, the documents one and the within-document one (the
design a one-document stratum already gets: blocks of consecutive paragraphs or
units resampled within each document, every document kept), and their union is
reported (lower end the smaller of the two, upper end the larger:
:func:`widen_to_within`, the envelope of :func:`discourse.bootstrap.no_narrower`, as
frame shares are widened to Wilson's interval). The label says so where the floor
reaches beyond, e.g. "..., widened to the blocks-of-paragraphs-within-documents
interval where narrower (a year with few documents)". A difference involving such a stratum is
floored the same way: its interval under the within-document design of every
stratum, united with the reported one. With many documents the documents design
carries the within-document variation too and is the wider, so the floor seldom
binds; with one document per stratum it is not computed and nothing changes. The
floor is a lower bound on the uncertainty, not a model of it: two documents cannot
show how much a third would differ.

References
----------
Cameron, A. C. and Miller, D. L. (2015). A practitioner's guide to cluster-robust
inference. *Journal of Human Resources* 50(2), 317-372.
Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their Application*,
sec. 3.8. Cambridge University Press.
Field, C. A. and Welsh, A. H. (2007). Bootstrapping clustered data. *Journal of the
Royal Statistical Society B* 69(3), 369-390.
"""

from __future__ import annotations

import numpy as np

from discourse.bootstrap import no_narrower

__all__ = ["PARAGRAPHS", "BLOCKS", "several_documents", "widen_to_within"]

#: Name of the within-document interval of paragraphs (key terms).
PARAGRAPHS = "the blocks-of-paragraphs-within-documents interval"
#: Name of the within-document interval of blocks of consecutive units (topics).
BLOCKS = "the blocks-of-units-within-documents interval"


def several_documents(strata, documents) -> set:
    """The strata that have more than one document.

    Parameters
    ----------
    strata, documents : array-like
        The stratum and the document of each row.

    Returns
    -------
    set
        Values of ``strata`` with at least two distinct documents.

    Examples
    --------
    >>> sorted(several_documents([1, 1, 1, 2, 2], ["a", "a", "b", "c", "c"]))
    [1]
    """
    seen: dict = {}
    for s, d in zip(np.asarray(strata).tolist(), np.asarray(documents).tolist()):
        seen.setdefault(s, set()).add(d)
    return {s for s, docs in seen.items() if len(docs) > 1}


def widen_to_within(low, high, within_low, within_high, labels, *, name: str = PARAGRAPHS,
                    stratum: str = "year") -> tuple[np.ndarray, np.ndarray, list]:
    """Intervals widened, statistic by statistic, to the within-document interval.

    The union of the two percentile intervals (Efron and Tibshirani 1993) of each
    statistic: the reported design's and the within-document design's (see the
    module docstring; Davison and Hinkley 1997, sec. 3.8; Cameron and Miller 2015).

    Parameters
    ----------
    low, high : array-like
        The reported intervals (one per statistic).
    within_low, within_high : array-like
        The intervals of the same statistics under the within-document design.
    labels : str or sequence of str
        The label of each reported interval (one string: the same for all).
    name : str
        What the floor is called in the label (:data:`PARAGRAPHS`, :data:`BLOCKS`).
    stratum : str
        What a stratum is (``"year"``), for the label.

    Returns
    -------
    (low, high, labels)
        Arrays of the widened ends, and each label with ", widened to {name} where
        narrower (a {stratum} with few documents)" where the floor reaches beyond.

    References
    ----------
    Cameron, A. C. and Miller, D. L. (2015). A practitioner's guide to
    cluster-robust inference. *Journal of Human Resources* 50(2), 317-372.
    Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their
    Application*, sec. 3.8. Cambridge University Press.

    Examples
    --------
    >>> lo, hi, lab = widen_to_within([0.20, 0.1], [0.21, 0.9], [0.05, 0.2], [0.4, 0.8],
    ...                               "documents resampled")
    >>> lo.tolist(), hi.tolist(), lab[1]
    ([0.05, 0.1], [0.4, 0.9], 'documents resampled')
    >>> lab[0]
    'documents resampled, widened to the blocks-of-paragraphs-within-documents interval \
where narrower (a year with few documents)'
    """
    low, high = np.atleast_1d(low).astype(float), np.atleast_1d(high).astype(float)
    floor = np.atleast_1d(within_low).astype(float), np.atleast_1d(within_high).astype(float)
    if isinstance(labels, str):
        labels = [labels] * len(low)
    why = f" (a {stratum} with few documents)"
    out = [no_narrower(lo, hi, (flo, fhi), lab, name, why)
           for lo, hi, flo, fhi, lab in zip(low, high, *floor, labels, strict=True)]
    return (np.array([o[0] for o in out]), np.array([o[1] for o in out]),
            [o[2] for o in out])
