"""Frequencies, keyness with effect sizes, dispersion, bootstrap, KWIC, collocations.

Every function takes a table and returns a new table of a named kind. The input is
usually the ``tokens`` table of :func:`discourse.preprocess.tokens` (one row per
analysis term).

Conventions (cite them with the numbers):

* **Token** (the denominator of every rate): one row of the ``tokens`` table, i.e.
  one analysis term after the preprocessing options used to build it (by default:
  lower-cased, lemmatised, British spelling, name variants merged, multiword
  expressions as one term, stop words, numbers and punctuation removed). Rates are
  ``per10k = 10,000 * count / total``; they are comparable only between tables built
  with the same options.
* **Keyness** (:func:`keyness`): a target group (e.g. one year) against a reference
  group (another year, or ``"rest"``: all other groups pooled). ``g2`` is the
  log-likelihood statistic in the 2-cell form of the UCREL log-likelihood calculator
  (Rayson and Garside 2000) by default, signed; the 4-cell form of Dunning (1993) is
  available (``g2_form="4-cell"``). ``p`` is the upper tail of chi-square with 1 degree
  of freedom; ``p_adjusted`` applies the Benjamini-Hochberg false discovery rate
  correction (default) or Holm's step-down correction over all terms tested (those
  passing ``min_count``). ``log_ratio`` is Hardie's (2014) Log Ratio, ``pct_diff``
  the %DIFF of Gabrielatos and Marchi (2012), ``bic`` Wilson's (2013) BIC
  approximation, ``logodds_z`` the z-score of Monroe, Colaresi and Quinn's (2008)
  weighted log-odds ratio with an informative Dirichlet prior.
* **Dispersion** (:func:`dispersion`): parts are paragraphs. Gries's (2008) DP and its
  normalised form DP_norm (Lijffijt and Gries 2012).
* **Bootstrap** (:func:`bootstrap_keyness`): paragraphs are resampled with replacement
  within each document (stratified by document), keeping each document's number of
  paragraphs; seeded.

References
----------
Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
*Computational Linguistics* 19(1), 61-74.
Rayson, P. and Garside, R. (2000). Comparing corpora using frequency profiling.
*Proceedings of the Workshop on Comparing Corpora*, ACL, 1-6.
Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus
Approaches to Social Science (CASS), Lancaster University.
Gabrielatos, C. and Marchi, A. (2012). Keyness: appropriate metrics and practical
issues. CADS International Conference, Bologna.
Wilson, A. (2013). Embracing Bayes factors for key item analysis in corpus
linguistics. In M. Bieswanger and A. Koll-Stobbe (eds), *New Approaches to the Study
of Linguistic Variability*, Peter Lang, 3-11.
Monroe, B. L., Colaresi, M. P. and Quinn, K. M. (2008). Fightin' words: lexical
feature selection and evaluation for identifying the content of political conflict.
*Political Analysis* 16(4), 372-403.
Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate. *Journal
of the Royal Statistical Society B* 57(1), 289-300.
Holm, S. (1979). A simple sequentially rejective multiple test procedure.
*Scandinavian Journal of Statistics* 6(2), 65-70.
Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora.
*International Journal of Corpus Linguistics* 13(4), 403-437.
Lijffijt, J. and Gries, S. Th. (2012). Correction to Stefan Th. Gries' "Dispersions
and adjusted frequencies in corpora". *International Journal of Corpus Linguistics*
17(1), 147-149.
Efron, B. and Tibshirani, R. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
"""

from __future__ import annotations

import math
import os
import re

import numpy as np
import pandas as pd

from discourse import paths, preprocess

__all__ = [
    "KEYNESS_COLUMNS",
    "G2_FORMS",
    "CORRECTIONS",
    "g2",
    "log_ratio",
    "frequencies",
    "load_term_families",
    "term_family_rates",
    "keyness",
    "dispersion",
    "keyness_dispersion",
    "bootstrap_keyness",
    "kwic",
    "collocations",
    "lexical_dispersion",
]

#: Columns of the ``keyness`` table, in order.
KEYNESS_COLUMNS = ["term", "count_target", "count_reference", "total_target",
                   "total_reference", "per10k_target", "per10k_reference", "g2", "p",
                   "p_adjusted", "log_ratio", "pct_diff", "bic", "logodds_z",
                   "target", "reference"]
#: Forms of the log-likelihood statistic.
G2_FORMS = ("2-cell", "4-cell")
#: Multiple-comparison corrections for ``p_adjusted``.
CORRECTIONS = ("fdr_bh", "holm")
_BY = ("year", "doc_id")
_ZERO = 0.5   # added in place of a zero count in Log Ratio and %DIFF (Hardie 2014)


def _xlogy(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(x > 0, x * np.log(np.where(x > 0, x, 1) / np.where(y > 0, y, 1)), 0.0)
    return out


def g2(a, b, c, d, *, form: str = "2-cell"):
    """Signed log-likelihood G2 of a term's frequency in two corpora.

    Parameters
    ----------
    a, b : int or array
        Frequency of the term in the target and the reference corpus.
    c, d : int or array
        Size (tokens) of the target and the reference corpus.
    form : {"2-cell", "4-cell"}
        ``"2-cell"``: the UCREL log-likelihood calculator (Rayson and Garside 2000),
        ``G2 = 2 (a ln(a/E1) + b ln(b/E2))`` with ``E1 = c (a+b)/(c+d)`` and
        ``E2 = d (a+b)/(c+d)``. ``"4-cell"``: Dunning's (1993) statistic on the full
        2x2 table (term / other tokens x target / reference),
        ``G2 = 2 sum O ln(O/E)`` over the four cells. The 4-cell value is slightly
        larger; both are referred to chi-square with 1 degree of freedom.

    Returns
    -------
    float or numpy.ndarray
        G2, positive if the term is relatively more frequent in the target
        (``a/c > b/d``), negative if less, 0 if equal. Terms ``0 ln 0`` are 0.

    Examples
    --------
    >>> round(float(g2(25, 5, 10_000, 12_000)), 4)
    18.4506
    """
    if form not in G2_FORMS:
        raise ValueError(f"form={form!r} is not one of {G2_FORMS}")
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = c + d
    e1 = c * (a + b) / n
    e2 = d * (a + b) / n
    stat = 2 * (_xlogy(a, e1) + _xlogy(b, e2))
    if form == "4-cell":
        rest = (c - a) + (d - b)
        stat = stat + 2 * (_xlogy(c - a, c * rest / n) + _xlogy(d - b, d * rest / n))
    stat = np.maximum(stat, 0.0)
    sign = np.sign(a * d - b * c)
    out = sign * stat
    return float(out) if out.ndim == 0 else out


def log_ratio(a, b, c, d):
    """Hardie's (2014) Log Ratio: ``log2((a/c) / (b/d))``, with 0.5 for a zero count.

    A zero frequency in either corpus is replaced by 0.5 (Hardie's suggestion), so
    the value is finite; each unit is a doubling of the relative frequency.

    Examples
    --------
    >>> round(float(log_ratio(25, 5, 10_000, 12_000)), 5)
    2.58496
    >>> float(log_ratio(4, 0, 100, 100))        # 0 -> 0.5: log2(4 / 0.5) = 3
    3.0
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    a = np.where(a == 0, _ZERO, a)
    b = np.where(b == 0, _ZERO, b)
    out = np.log2((a / c) / (b / d))
    return float(out) if out.ndim == 0 else out


def _check_tokens(tokens: pd.DataFrame, need=("term",)) -> None:
    missing = [c for c in need if c not in tokens.columns]
    if missing:
        raise ValueError(f"tokens table lacks column(s) {', '.join(missing)}")


def _check_by(by: str) -> None:
    if by not in _BY:
        raise ValueError(f"by={by!r} is not one of {_BY}")


def frequencies(tokens: pd.DataFrame, *, by: str = "year") -> pd.DataFrame:
    """Count each term by year or by document, with its rate per 10,000 tokens.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table (:func:`discourse.preprocess.tokens`).
    by : {"year", "doc_id"}
        The grouping; any number of years or documents.

    Returns
    -------
    pandas.DataFrame
        ``frequencies``: ``{by}, term, count, total, per10k`` where ``total`` is the
        number of tokens (rows of ``tokens``) in the group and
        ``per10k = 10,000 * count / total``. Sorted by group, count descending, term.
        Terms absent from a group have no row.

    Examples
    --------
    >>> t = pd.DataFrame({"year": [2001, 2001, 2001, 2002], "term": ["a", "a", "b", "a"]})
    >>> frequencies(t).values.tolist()
    [[2001, 'a', 2, 3, 6666.666666666667], [2001, 'b', 1, 3, 3333.3333333333335], \
[2002, 'a', 1, 1, 10000.0]]
    """
    _check_by(by)
    _check_tokens(tokens, (by, "term"))
    counts = tokens.groupby([by, "term"]).size().rename("count").reset_index()
    totals = tokens.groupby(by).size().rename("total")
    out = counts.join(totals, on=by)
    out["per10k"] = 1e4 * out["count"] / out["total"]
    out = out.sort_values([by, "count", "term"], ascending=[True, False, True],
                          kind="stable")
    return out.reset_index(drop=True)[[by, "term", "count", "total", "per10k"]]


def load_term_families(path: str | os.PathLike | None = None) -> dict[str, dict]:
    """Read ``term_families.yaml``: ``{family: {"why": str, "terms": [str, ...]}}``.

    Raises
    ------
    ValueError
        If the file is not UTF-8 YAML, is not a mapping, or a family has no
        ``terms`` list or no ``why``; the message names the file.
    """
    import yaml

    p = paths.lexicon_path("term_families.yaml", path)
    try:
        with open(p, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except UnicodeDecodeError:
        raise ValueError(f"{p}: is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise ValueError(f"{p}: is not valid YAML ({first})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{p}: must be a mapping of family names to entries with "
                         f"'why' and 'terms', not a {type(data).__name__}")
    out = {}
    for name, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("terms"), list) \
                or not str(entry.get("why", "")).strip():
            raise ValueError(f"{p}: family {name!r} needs 'why' and a list of 'terms'")
        out[str(name)] = {"why": str(entry["why"]).strip(),
                          "terms": [str(t).strip().lower() for t in entry["terms"]]}
    return out


def term_family_rates(tokens: pd.DataFrame, families: dict | None = None, *,
                      by: str = "year") -> pd.DataFrame:
    """Combined count and rate per 10,000 tokens of each term family, by group.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table.
    families : dict, optional
        ``{family: {"terms": [...]}}`` or ``{family: [...]}`` (default:
        :func:`load_term_families`).
    by : {"year", "doc_id"}

    Returns
    -------
    pandas.DataFrame
        ``term_families``: ``family, {by}, count, total, per10k, terms_found`` with
        one row per family and group (zero counts included); ``terms_found`` lists
        the family's terms that occur in the group with their counts
        (``"rats:3; terrorism:5"``). Sorted by family then group.
    """
    _check_by(by)
    _check_tokens(tokens, (by, "term"))
    families = load_term_families() if families is None else families
    groups = sorted(tokens[by].unique())
    totals = tokens.groupby(by).size()
    counts = tokens.groupby([by, "term"]).size()
    rows = []
    for fam in sorted(families):
        entry = families[fam]
        members = entry["terms"] if isinstance(entry, dict) else list(entry)
        for g in groups:
            found = {t: int(counts.get((g, t), 0)) for t in sorted(set(members))}
            found = {t: n for t, n in found.items() if n}
            n = sum(found.values())
            rows.append((fam, g, n, int(totals[g]), 1e4 * n / totals[g],
                         "; ".join(f"{t}:{k}" for t, k in found.items())))
    return pd.DataFrame(rows, columns=["family", by, "count", "total", "per10k",
                                       "terms_found"])


# ---------------------------------------------------------------------------------
# keyness
# ---------------------------------------------------------------------------------

def _group_counts(data: pd.DataFrame, by: str) -> tuple[pd.DataFrame, pd.Series]:
    """Return (count table indexed by term with one column per group, totals)."""
    if {"count", "total", "term", by} <= set(data.columns) and "sentence_id" not in data:
        table = data.pivot_table(index="term", columns=by, values="count",
                                 aggfunc="sum", fill_value=0)
        totals = data.groupby(by)["total"].first()
    else:
        _check_tokens(data, (by, "term"))
        table = data.groupby(["term", by]).size().unstack(fill_value=0)
        totals = data.groupby(by).size()
    return table, totals


def _adjust(p: np.ndarray, correction: str) -> np.ndarray:
    if correction not in CORRECTIONS:
        raise ValueError(f"correction={correction!r} is not one of {CORRECTIONS}")
    if len(p) == 0:
        return p
    if correction == "fdr_bh":
        from scipy.stats import false_discovery_control

        return false_discovery_control(p, method="bh")
    order = np.argsort(p, kind="stable")
    m = len(p)
    adj = np.maximum.accumulate((m - np.arange(m)) * p[order])
    out = np.empty(m)
    out[order] = np.minimum(adj, 1.0)
    return out


def _resolve_groups(groups, target, reference):
    groups = list(groups)
    if target not in groups:
        raise ValueError(f"target={target!r} is not in the data; available: {groups}")
    if isinstance(reference, str) and reference == "rest":
        rest = [g for g in groups if g != target]
        if not rest:
            raise ValueError(f"reference='rest' needs at least two groups; the data has "
                             f"only {groups}")
        return rest
    if reference == target:
        raise ValueError(f"target and reference are both {target!r}; compare two "
                         "different groups")
    if reference not in groups:
        raise ValueError(f"reference={reference!r} is not in the data; available: "
                         f"{groups} or 'rest'")
    return [reference]


def keyness(data: pd.DataFrame, target, reference="rest", *, by: str = "year",
            min_count: int = 3, g2_form: str = "2-cell", correction: str = "fdr_bh",
            prior_scale: float | None = None) -> pd.DataFrame:
    """Keyness of every term in a target group against a reference group.

    Parameters
    ----------
    data : pandas.DataFrame
        A ``tokens`` table, or a ``frequencies`` table (``{by}, term, count, total``).
    target : int or str
        The target group (a year, or a ``doc_id`` with ``by="doc_id"``).
    reference : int or str
        Another group, or ``"rest"``: all groups other than the target, pooled.
    by : {"year", "doc_id"}
    min_count : int
        Keep terms whose count in target and reference together is at least this
        (default 3). ``p_adjusted`` corrects over exactly these terms. A term
        that occurs in neither target nor reference (only in other groups of the
        data) is never tested, whatever ``min_count``.
    g2_form : {"2-cell", "4-cell"}
        Form of the log-likelihood statistic, see :func:`g2` (default the UCREL
        2-cell form).
    correction : {"fdr_bh", "holm"}
        ``fdr_bh``: Benjamini and Hochberg (1995) false discovery rate (q-values);
        ``holm``: Holm (1979) family-wise error rate.
    prior_scale : float, optional
        Strength ``alpha_0`` of the Dirichlet prior of the log-odds z-score. The
        prior of term w is ``alpha_w = alpha_0 * y_w / n`` where ``y_w`` and ``n`` are
        the pooled counts of target and reference over *all* terms (before
        ``min_count``). Default ``None``: ``alpha_0 = n``, i.e. ``alpha_w = y_w``,
        the pooled counts themselves (as in Jurafsky et al.'s 2014 implementation
        of Monroe et al. 2008).

    Returns
    -------
    pandas.DataFrame
        ``keyness`` with the columns :data:`KEYNESS_COLUMNS`:

        * ``count_*``, ``total_*``: term count and number of tokens (see module
          docstring) in target and reference; ``per10k_*`` the rates per 10,000.
        * ``g2``: signed G2 (+ = relatively more frequent in the target).
        * ``p``: P(chi-square(1) >= |g2|); ``p_adjusted``: after ``correction``.
        * ``log_ratio``: Hardie (2014), ``log2((a/c)/(b/d))``, 0.5 for a zero count.
        * ``pct_diff``: %DIFF (Gabrielatos and Marchi 2012),
          ``100 (a/c - b/d) / (b/d)``; a zero reference count is replaced by 0.5
          as for Log Ratio (otherwise %DIFF is infinite).
        * ``bic``: Wilson (2013), ``|g2| - ln(c + d)`` (1 degree of freedom);
          > 2 positive, > 6 strong, > 10 very strong evidence against equal rates.
        * ``target``, ``reference``: the groups compared (provenance; ``"rest"``
          means every group but the target).
        * ``logodds_z``: Monroe et al. (2008) eq. 22: ``delta / sqrt(var)`` with
          ``delta = ln((a+α)/(c+α0-a-α)) - ln((b+α)/(d+α0-b-α))`` and
          ``var = 1/(a+α) + 1/(b+α)``.

        Sorted by ``g2`` descending (ties by term): the target's key terms first, the
        reference's last.

    Raises
    ------
    ValueError
        If ``target == reference``, a group is not in the data, ``"rest"`` is empty
        (one group only), or an option has a value not allowed.

    Examples
    --------
    >>> t = pd.DataFrame({"year": [1] * 6 + [2] * 6,
    ...                   "term": list("aaaabb") + list("abbbbb")})
    >>> k = keyness(t, target=1, reference=2, min_count=1)
    >>> k[["term", "count_target", "count_reference", "log_ratio"]].values.tolist()
    [['a', 4, 1, 2.0], ['b', 2, 5, -1.3219280948873624]]
    """
    from scipy.stats import chi2

    _check_by(by)
    if g2_form not in G2_FORMS:
        raise ValueError(f"g2_form={g2_form!r} is not one of {G2_FORMS}")
    if correction not in CORRECTIONS:
        raise ValueError(f"correction={correction!r} is not one of {CORRECTIONS}")
    if not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"min_count={min_count!r} must be a non-negative integer")
    table, totals = _group_counts(data, by)
    refs = _resolve_groups(totals.index, target, reference)
    a = table[target].to_numpy(dtype=float)
    b = table[refs].sum(axis=1).to_numpy(dtype=float)
    c = float(totals[target])
    d = float(totals[refs].sum())
    terms = table.index.to_numpy()
    # with three or more groups, terms seen only in groups outside the comparison
    # have a + b = 0: they are not tested (even with min_count=0)
    seen = (a + b) > 0
    a, b, terms = a[seen], b[seen], terms[seen]

    # Monroe et al. (2008): informative Dirichlet prior from the pooled counts
    pooled = a + b
    n = pooled.sum()
    alpha0 = n if prior_scale is None else float(prior_scale)
    alpha = alpha0 * pooled / n
    delta = (np.log((a + alpha) / (c + alpha0 - a - alpha))
             - np.log((b + alpha) / (d + alpha0 - b - alpha)))
    z = delta / np.sqrt(1 / (a + alpha) + 1 / (b + alpha))

    keep = pooled >= min_count
    a, b, z, terms = a[keep], b[keep], z[keep], terms[keep]
    stat = np.atleast_1d(g2(a, b, c, d, form=g2_form))
    p = chi2.sf(np.abs(stat), 1)
    rb = np.where(b == 0, _ZERO, b) / d
    out = pd.DataFrame({
        "term": terms.astype(str),
        "count_target": a.astype(int),
        "count_reference": b.astype(int),
        "total_target": int(c),
        "total_reference": int(d),
        "per10k_target": 1e4 * a / c,
        "per10k_reference": 1e4 * b / d,
        "g2": stat,
        "p": p,
        "p_adjusted": _adjust(p, correction),
        "log_ratio": np.atleast_1d(log_ratio(a, b, c, d)),
        "pct_diff": 100 * (a / c - rb) / rb,
        "bic": np.abs(stat) - math.log(c + d),
        "logodds_z": z,
        "target": str(target),
        "reference": str(reference),
    })
    out = out.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)[KEYNESS_COLUMNS]


# ---------------------------------------------------------------------------------
# dispersion and resampling
# ---------------------------------------------------------------------------------

def dispersion(tokens: pd.DataFrame, terms=None, *, by: str = "doc_id") -> pd.DataFrame:
    """Paragraph dispersion of terms in each document (or year): counts and Gries's DP.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table (needs ``doc_id, year, paragraph, term``).
    terms : list of str, optional
        Terms to report (default: all).
    by : {"doc_id", "year"}
        The unit whose parts are paragraphs (with ``"year"``, the paragraphs of all
        documents of that year).

    Returns
    -------
    pandas.DataFrame
        ``dispersion``: ``term, {by}, count, paragraphs, paragraphs_total, dp,
        dp_norm``. ``paragraphs`` is the number of paragraphs containing the term,
        ``paragraphs_total`` the number of paragraphs with at least one token.
        ``dp`` is Gries's (2008) deviation of proportions,
        ``DP = 0.5 * sum_i |v_i - s_i|`` over paragraphs i, with ``s_i`` the
        paragraph's share of the unit's tokens and ``v_i`` its share of the term's
        occurrences: 0 = spread exactly in proportion to paragraph size, near 1 =
        concentrated in one small paragraph. ``dp_norm = dp / (1 - min_i s_i)``
        (Lijffijt and Gries 2012), in [0, 1]. Rows only where ``count > 0``;
        sorted by term then unit.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["d"] * 4, "year": [1] * 4,
    ...                   "paragraph": [1, 1, 2, 2], "term": ["a", "b", "a", "b"]})
    >>> dispersion(t)[["term", "paragraphs", "dp"]].values.tolist()
    [['a', 2, 0.0], ['b', 2, 0.0]]
    """
    if by not in _BY:
        raise ValueError(f"by={by!r} is not one of {_BY}")
    _check_tokens(tokens, ("doc_id", "year", "paragraph", "term"))
    part = tokens["doc_id"].astype(str) + "\x1f" + tokens["paragraph"].astype(str)
    t = pd.DataFrame({"unit": tokens[by], "part": part, "term": tokens["term"]})
    sizes = t.groupby(["unit", "part"]).size().rename("size").reset_index()
    unit_tot = sizes.groupby("unit")["size"].transform("sum")
    sizes["s"] = sizes["size"] / unit_tot
    min_s = sizes.groupby("unit")["s"].min()
    n_parts = sizes.groupby("unit").size()
    sel = t if terms is None else t[t["term"].isin(list(terms))]
    c = sel.groupby(["unit", "term", "part"]).size().rename("n").reset_index()
    c = c.merge(sizes[["unit", "part", "s"]], on=["unit", "part"])
    tot = c.groupby(["unit", "term"])["n"].transform("sum")
    c["v"] = c["n"] / tot
    # parts where the term is absent contribute s_i each: sum over all parts of
    # |v - s| = sum over present parts |v - s| + (1 - sum over present parts s)
    g = c.assign(dev=(c["v"] - c["s"]).abs()).groupby(["unit", "term"])
    out = pd.DataFrame({"count": g["n"].sum(), "paragraphs": g.size(),
                        "dev": g["dev"].sum(), "s_present": g["s"].sum()}).reset_index()
    out["dp"] = 0.5 * (out["dev"] + 1 - out["s_present"])
    out["dp"] = out["dp"].clip(lower=0).round(12)
    out["paragraphs_total"] = out["unit"].map(n_parts).astype(int)
    out["dp_norm"] = (out["dp"] / (1 - out["unit"].map(min_s))).round(12)
    out = out.rename(columns={"unit": by})
    out = out.sort_values(["term", by], kind="stable").reset_index(drop=True)
    return out[["term", by, "count", "paragraphs", "paragraphs_total", "dp", "dp_norm"]]


def keyness_dispersion(keyness_table: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Put paragraph dispersion per document beside each term of a keyness table.

    Returns
    -------
    pandas.DataFrame
        The keyness table plus, for every document ``D`` in ``tokens`` (in corpus
        order), the columns ``paragraphs_D`` (paragraphs of D containing the
        term), ``paragraphs_total_D`` (paragraphs of D with at least one token) and
        ``dp_D`` (Gries's DP within D, see :func:`dispersion`; empty if the term
        does not occur in D). Row order as in ``keyness_table``.
    """
    disp = dispersion(tokens, keyness_table["term"], by="doc_id")
    out = keyness_table.copy()
    for doc in tokens["doc_id"].drop_duplicates():
        d = disp[disp["doc_id"] == doc].set_index("term")
        total = int(tokens[tokens["doc_id"] == doc]["paragraph"].nunique())
        out[f"paragraphs_{doc}"] = out["term"].map(d["paragraphs"]).fillna(0).astype(int)
        out[f"paragraphs_total_{doc}"] = total
        out[f"dp_{doc}"] = out["term"].map(d["dp"])
    return out


def bootstrap_keyness(tokens: pd.DataFrame, target, reference="rest", *,
                      terms=None, by: str = "year", n_boot: int = 1000, seed: int = 0,
                      alpha: float = 0.05, ci: float = 0.95, g2_form: str = "2-cell"
                      ) -> pd.DataFrame:
    """Stability of keyness under resampling of paragraphs within each document.

    Each replicate draws, for every document of the target and the reference
    group, as many paragraphs as the document has, with replacement, and recomputes
    every term's count and every group's token total; G2 (:func:`g2`), its p-value
    and Log Ratio are recomputed for each term.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table.
    target, reference, by, g2_form
        As in :func:`keyness`.
    terms : list of str, optional
        Terms to assess (default: all terms in the target or reference group).
    n_boot : int
        Number of replicates B (e.g. 1000).
    seed : int
        Seed of ``numpy.random.default_rng``; recorded in the output.
    alpha : float
        Per-term significance level of the replicate test (unadjusted p < alpha:
        more lenient than the corrected ``p_adjusted`` of :func:`keyness`).
    ci : float
        Coverage of the percentile interval of Log Ratio (Efron and Tibshirani
        1993).

    Returns
    -------
    pandas.DataFrame
        ``bootstrap``: ``term, g2, log_ratio, share_same_sign_significant,
        share_same_sign, log_ratio_low, log_ratio_high, n_boot, seed``. ``g2`` and
        ``log_ratio`` are the observed values; ``share_same_sign_significant`` is the
        share of replicates in which G2 has the observed sign and p < alpha (for a
        term with observed G2 = 0 the sign is that of the replicate);
        ``log_ratio_low/high`` the percentile interval. Sorted by ``g2`` descending.
    """
    from scipy.stats import chi2

    _check_by(by)
    if not isinstance(n_boot, (int, np.integer)) or n_boot < 1:
        raise ValueError(f"n_boot={n_boot!r} must be a positive integer")
    if not 0 < alpha < 1 or not 0 < ci < 1:
        raise ValueError(f"alpha={alpha!r} and ci={ci!r} must lie in (0, 1)")
    _check_tokens(tokens, (by, "doc_id", "paragraph", "term"))
    groups = sorted(tokens[by].unique())
    refs = _resolve_groups(groups, target, reference)
    t = tokens[tokens[by].isin([target, *refs])]
    vocab = sorted(t["term"].unique()) if terms is None else [str(x) for x in terms]
    index = {w: i for i, w in enumerate(vocab)}
    keys = list(t.groupby(["doc_id", "paragraph"], sort=True).groups)
    pid = {k: i for i, k in enumerate(keys)}
    p_of = np.array([pid[k] for k in zip(t["doc_id"], t["paragraph"])])
    sizes = np.bincount(p_of, minlength=len(keys)).astype(float)
    m = np.zeros((len(keys), len(vocab)))
    col = t["term"].map(index)
    ok = col.notna().to_numpy()
    np.add.at(m, (p_of[ok], col[ok].astype(int).to_numpy()), 1.0)
    grp_of_doc = t.groupby("doc_id")[by].first()
    is_target = np.array([grp_of_doc[d] == target for d, _ in keys])
    docs = sorted({d for d, _ in keys})
    members = [np.array([i for i, (d, _) in enumerate(keys) if d == doc]) for doc in docs]

    def stats(w):
        a = (w * is_target) @ m
        b = (w * ~is_target) @ m
        c = float((w * is_target) @ sizes)
        d = float((w * ~is_target) @ sizes)
        s = np.atleast_1d(g2(a, b, c, d, form=g2_form))
        return s, np.atleast_1d(log_ratio(a, b, c, d))

    g_obs, lr_obs = stats(np.ones(len(keys)))
    rng = np.random.default_rng(seed)
    same = np.zeros(len(vocab))
    same_sig = np.zeros(len(vocab))
    lrs = np.empty((n_boot, len(vocab)))
    crit = chi2.isf(alpha, 1)
    sign_obs = np.sign(g_obs)
    for r in range(n_boot):
        w = np.zeros(len(keys))
        for idx in members:
            draw = rng.choice(idx, size=len(idx), replace=True)
            np.add.at(w, draw, 1.0)
        s, lr = stats(w)
        agree = np.where(sign_obs == 0, True, np.sign(s) == sign_obs)
        same += agree
        same_sig += agree & (np.abs(s) > crit)
        lrs[r] = lr
    lo, hi = np.percentile(lrs, [50 * (1 - ci), 50 * (1 + ci)], axis=0)
    out = pd.DataFrame({"term": vocab, "g2": g_obs, "log_ratio": lr_obs,
                        "share_same_sign_significant": same_sig / n_boot,
                        "share_same_sign": same / n_boot,
                        "log_ratio_low": lo, "log_ratio_high": hi,
                        "n_boot": int(n_boot), "seed": int(seed)})
    return out.sort_values(["g2", "term"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------------
# reading words in context
# ---------------------------------------------------------------------------------

def _query_patterns(query: str) -> list[tuple[str, ...]]:
    keys = tuple(preprocess._key(t) for t in preprocess.tokenize(query) if t.strip())
    if not keys:
        raise ValueError(f"query={query!r} has no tokens")
    # as typed, and in capitals (a query "rats" must find the acronym "RATS", which
    # is not lemmatised, although the lower-case word would become "rat")
    pats = {keys, tuple(preprocess._key(t) for t in preprocess.tokenize(query.upper())
                        if t.strip())}
    canon = " ".join(keys)
    for variant, canonical in preprocess.load_variants().items():
        if canonical == canon or canonical == query.strip().lower():
            pats.add(tuple(preprocess._key(t) for t in preprocess.tokenize(variant)))
    return sorted(pats, key=lambda p: (-len(p), p))


def _spans(text: str) -> tuple[str, list[tuple[int, int]]]:
    from nltk.tokenize import NLTKWordTokenizer

    norm = preprocess.normalise(text)
    try:
        spans = list(NLTKWordTokenizer().span_tokenize(norm))
    except ValueError:   # alignment failed: fall back to white-space tokens
        spans = [m.span() for m in re.finditer(r"\S+", norm)]
    return norm, spans


def kwic(sentences: pd.DataFrame, query: str, *, window: int = 8) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase, within its sentence.

    Matching compares lower-cased, British-spelled lemmas (as for phrases in
    :func:`discourse.preprocess.terms`): "member state" finds "Member States",
    "organisation" finds "Organization's". A query equal to a canonical name in
    ``variants.csv`` also finds its variants ("rats" finds "Regional
    Anti-Terrorism Structure"). Contexts do not cross sentence boundaries.

    Parameters
    ----------
    sentences : pandas.DataFrame
        A ``sentences`` table.
    query : str
        A word or phrase.
    window : int
        Tokens of context on each side (default 8).

    Returns
    -------
    pandas.DataFrame
        ``kwic``: ``sentence_id, doc_id, year, left, match, right`` in corpus order;
        ``match`` is the text as printed (normalised spaces and quotes).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["d.p001.s01"], "doc_id": ["d"],
    ...     "year": [2021], "text": ["All SCO Member States agreed."]})
    >>> kwic(s, "member state", window=2)[["left", "match", "right"]].values.tolist()
    [['All SCO', 'Member States', 'agreed.']]
    """
    if not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window={window!r} must be a non-negative integer")
    pats = _query_patterns(query)
    first = {p[0] for p in pats}
    rows = []
    for sid, doc, year, text in zip(sentences["sentence_id"], sentences["doc_id"],
                                    sentences["year"], sentences["text"]):
        norm, spans = _spans(str(text))
        keys = [preprocess._key(norm[s:e]) for s, e in spans]
        if not first & set(keys):
            continue
        i = 0
        while i < len(keys):
            hit = next((p for p in pats if tuple(keys[i:i + len(p)]) == p), None)
            if hit is None:
                i += 1
                continue
            j = i + len(hit)
            left = norm[spans[max(0, i - window)][0]:spans[i][0]].strip()
            right = norm[spans[j - 1][1]:spans[min(len(spans), j + window) - 1][1]].strip() \
                if j < len(spans) else ""
            rows.append((sid, doc, int(year), left, norm[spans[i][0]:spans[j - 1][1]],
                         right))
            i = j
    return pd.DataFrame(rows, columns=["sentence_id", "doc_id", "year", "left", "match",
                                       "right"])


def collocations(tokens: pd.DataFrame, *, by: str = "year", min_count: int = 3,
                 exclude=None, window: int = 2) -> pd.DataFrame:
    """Bigram collocations per group with NLTK's finders: G2 and PMI.

    Uses ``nltk.collocations.BigramCollocationFinder.from_documents`` on the terms
    of each sentence (so no bigram crosses a sentence boundary) and
    ``BigramAssocMeasures.likelihood_ratio`` (Dunning's 1993 4-cell G2 on the
    bigram's contingency table, unsigned) and ``.pmi`` (pointwise mutual
    information, log base 2). Pass a ``tokens`` table built with
    ``stopwords=False, phrases=False`` so that collocations such as "member state"
    can emerge; bigrams with a stop word or a non-word are then filtered out.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table (needs ``sentence_id, {by}, term``).
    by : {"year", "doc_id"}
    min_count : int
        Frequency filter: keep bigrams seen at least this often in the group
        (``apply_freq_filter``). Default 3.
    exclude : set of str, optional
        Words that may not be part of a bigram (default:
        :func:`discourse.preprocess.load_stopwords` plus tokens without a letter).
    window : int
        Window size of the finder (2 = adjacent words).

    Returns
    -------
    pandas.DataFrame
        ``collocations``: ``{by}, w1, w2, count, g2, pmi``, sorted by group then
        ``g2`` descending, then words.
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    _check_by(by)
    _check_tokens(tokens, ("sentence_id", by, "term"))
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count={min_count!r} must be a positive integer")
    stop = preprocess.load_stopwords() if exclude is None else frozenset(exclude)
    measures = BigramAssocMeasures()
    rows = []
    for g, part in tokens.groupby(by, sort=True):
        sents = [list(s) for _, s in part.groupby("sentence_id", sort=False)["term"]]
        finder = BigramCollocationFinder.from_documents(sents) if window == 2 else \
            BigramCollocationFinder.from_words(
                [w for s in sents for w in s], window_size=window)
        finder.apply_freq_filter(min_count)
        finder.apply_word_filter(lambda w: w is None or w.lower() in stop
                                 or not preprocess.is_word(w) or preprocess.is_numeric(w))
        lr = dict(finder.score_ngrams(measures.likelihood_ratio))
        pmi = dict(finder.score_ngrams(measures.pmi))
        for (w1, w2), score in lr.items():
            rows.append((g, w1, w2, int(finder.ngram_fd[(w1, w2)]), score, pmi[(w1, w2)]))
    out = pd.DataFrame(rows, columns=[by, "w1", "w2", "count", "g2", "pmi"])
    return out.sort_values([by, "g2", "w1", "w2"], ascending=[True, False, True, True],
                           kind="stable").reset_index(drop=True)


def lexical_dispersion(tokens: pd.DataFrame, terms) -> pd.DataFrame:
    """Where chosen terms occur along the running text of each document.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table; ``position`` numbers the terms of each document from 0.
        Build it with ``stopwords=False`` to measure positions in (nearly) all words.
    terms : list of str
        Terms as they appear in ``tokens`` (e.g. ``"member state"``).

    Returns
    -------
    pandas.DataFrame
        ``lexical_dispersion``: ``doc_id, year, term, position, doc_length,
        relative_position`` (position / doc_length, in [0, 1)), one row per
        occurrence, in document then position order. ``doc_length`` is the
        document's number of tokens.
    """
    _check_tokens(tokens, ("doc_id", "year", "position", "term"))
    terms = [terms] if isinstance(terms, str) else list(terms)
    if not terms:
        raise ValueError("terms is empty: name at least one term")
    length = tokens.groupby("doc_id", sort=False)["position"].max() + 1
    hit = tokens[tokens["term"].isin(terms)]
    out = pd.DataFrame({"doc_id": hit["doc_id"], "year": hit["year"], "term": hit["term"],
                        "position": hit["position"]})
    out["doc_length"] = out["doc_id"].map(length).astype(int)
    out["relative_position"] = out["position"] / out["doc_length"]
    order = {d: i for i, d in enumerate(tokens["doc_id"].drop_duplicates())}
    out = out.assign(_o=out["doc_id"].map(order)).sort_values(
        ["_o", "position"], kind="stable").drop(columns="_o")
    return out.reset_index(drop=True)
