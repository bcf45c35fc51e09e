"""DeLong's variance of the ROC AUC: intervals and the paired test (as R's pROC).

The placements are computed from one sort per score column (Sun and Xu's fast
algorithm, 2014): after sorting, the negatives below each positive (ties half)
and the positives above each negative (ties half) are cumulative counts over the
groups of tied scores, so the whole computation is O(n log n) and exact in
integers until the final division.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from .._validation import check_choice, read_inputs
from ._proportion import _check_confidence
from ._results import AUCInterval, AUCTest

__all__ = ["delong_ci", "delong_test"]

_AVERAGES = ("macro", None)


def _twice_placements(y01: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Twice each sample's DeLong placement, as int64, in the input order.

    A positive's placement is the share of negatives scoring below it, ties
    counted half (``V10``); a negative's is the share of positives scoring
    above it, ties half (``V01``). Returned un-normalised and doubled: the
    counts ``2 * below + tied``.
    """
    order = np.argsort(score)  # ties are grouped below, so any sort will do
    s = score[order]
    t = y01[order].astype(np.int64)
    n = s.size
    n_pos = int(t.sum())
    starts = np.r_[0, np.flatnonzero(s[1:] != s[:-1]) + 1]
    if starts.size == n:  # no ties: every group is one sample
        pos_below = np.cumsum(t) - t
        neg_below = np.arange(n) - pos_below
        twice = np.where(t == 1, 2 * neg_below, 2 * (n_pos - pos_below - t))
    else:
        size = np.diff(np.r_[starts, n])
        pos_in = np.add.reduceat(t, starts)
        neg_in = size - pos_in
        neg_below = np.cumsum(neg_in) - neg_in
        pos_above = n_pos - np.cumsum(pos_in)
        # Per group: [value of a negative, value of a positive].
        value = np.stack([2 * pos_above + pos_in, 2 * neg_below + neg_in], axis=1)
        group = np.repeat(np.arange(starts.size), size)
        twice = value[group, t]
    out = np.empty(n, dtype=np.int64)
    out[order] = twice
    return out


class _Column:
    """One binary problem's AUC and per-sample influence ``phi``.

    ``phi = (V10 - auc) / m`` for positives and ``(V01 - auc) / n`` for
    negatives, so that DeLong's variance is
    ``m/(m-1) sum_pos phi^2 + n/(n-1) sum_neg phi^2``.
    """

    def __init__(self, y01: np.ndarray, score: np.ndarray):
        pos = np.asarray(y01).astype(bool)
        self.pos = pos
        self.m = m = int(np.count_nonzero(pos))
        self.n = n = int(pos.size - m)
        twice = _twice_placements(pos, score)
        self.auc = float(np.dot(twice, pos)) / (2.0 * m * n)
        # V = twice / (2n) for positives, twice / (2m) for negatives.
        v = twice * np.where(pos, 1.0 / (2.0 * n), 1.0 / (2.0 * m))
        self.phi = (v - self.auc) * np.where(pos, 1.0 / m, 1.0 / n)
        # DeLong's ddof=1 factors, folded in once: cov = dot(phi_scaled_a, phi_b).
        self.phi_scaled = self.phi * np.where(pos, m / (m - 1.0), n / (n - 1.0))

    def covariance(self, other: _Column) -> float:
        """DeLong's (co)variance of this AUC with another on the same samples."""
        return float(np.dot(self.phi_scaled, other.phi))


def _grouped_variance(g: np.ndarray, groups: np.ndarray) -> float:
    """``sum_c n_c/(n_c-1) sum_{s in c} (g_s - mean_c g)^2`` over groups ``c``."""
    counts = np.bincount(groups)
    sums = np.bincount(groups, weights=g)
    present = counts > 0
    means = np.zeros(counts.size)
    means[present] = sums[present] / counts[present]
    dev = g - means[groups]
    ss = np.bincount(groups, weights=dev * dev)[present]
    c = counts[present]
    return float(np.sum(ss * c / (c - 1)))


def _read(y_true, y_score, labels, pos_label, name="y_score"):
    return read_inputs(
        y_true,
        y_score,
        labels=labels,
        pos_label=pos_label,
        require_probabilities=True,
        y_score_name=name,
    )


def _columns(inp, name="y_score"):
    """One ``_Column`` per binary problem (one, or one per class / label)."""
    if inp.kind == "binary":
        cols = [(inp.y, inp.score)]
        names = None
    else:
        truth = inp.one_vs_rest()
        cols = [(truth[:, j], inp.score[:, j]) for j in range(inp.n_classes)]
        names = [str(x) for x in inp.names]
    out = []
    for j, (y01, score) in enumerate(cols):
        m = int(np.count_nonzero(y01))
        n = int(y01.size - m)
        if m < 2 or n < 2:
            where = "y_true" if names is None else f"y_true (class {names[j]})"
            few = "positive" if m < 2 else "negative"
            raise ValueError(
                f"{where} has {m} positive and {n} negative samples; DeLong's "
                f"variance needs at least 2 of each (with {min(m, n)} {few} "
                "sample(s) the AUC's variance is undefined, and pROC returns NA); "
                "evaluate on more data, or use bootstrap_ci with stratify=True"
            )
        out.append(_Column(y01, score))
    return out, names


def _macro_groups(inp) -> np.ndarray:
    """Strata of the macro average's variance: the true class, or one group."""
    if inp.kind == "multiclass":
        return inp.y.astype(np.int64)
    return np.zeros(inp.n_samples, dtype=np.int64)


def _z_value(confidence: float) -> float:
    return float(special.ndtri(0.5 + 0.5 * confidence))


def delong_ci(
    y_true, y_score, *, confidence=0.95, average="macro", labels=None, pos_label=None
):
    """ROC AUC with DeLong's confidence interval, equal to pROC's ``ci.auc``.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels of any sortable type, or a multi-label
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores, higher = more likely positive: one column for a binary
        problem (or its ``(n, 2)`` ``predict_proba``), one per class
        (probabilities) or label otherwise.
    confidence : float, default=0.95
        The interval's level.
    average : {"macro", None}, default="macro"
        Multi-class and multi-label only: the macro average's AUC and interval
        (floats), or None for one AUC and interval per class (arrays).
    labels : array-like, optional
        Multi-class: the class value of each score column.
    pos_label : int, bool or str, optional
        Binary: the positive class, needed unless the labels are {0, 1},
        {-1, 1} or {False, True}.

    Returns
    -------
    AUCInterval
        Unpacks as ``(auc, low, high)``; also ``se``, ``n_pos``, ``n_neg``,
        ``confidence``, and ``.to_frame()``.

    Raises
    ------
    ValueError
        If a class (or a binary problem) has fewer than 2 positives or 2
        negatives (pROC returns NA there), if ``average`` or ``confidence`` is
        invalid, or if the inputs cannot be read.

    Notes
    -----
    DeLong, DeLong and Clarke-Pearson (1988), computed with the O(n log n)
    algorithm of Sun and Xu (2014): with ``m`` positives and ``n`` negatives,
    ``V10_i`` is the share of negatives scoring below positive ``i`` and
    ``V01_j`` the share of positives scoring above negative ``j`` (ties count
    half, so the AUC is scikit-learn's); ``var = S10 / m + S01 / n`` with the
    sample variances (``ddof=1``) of the placements. The interval is
    ``auc +- z * sqrt(var)``, clipped to [0, 1] as pROC does; an AUC of 1 (or
    0) has variance 0 and the interval [1, 1] (pROC warns that this is
    misleading: the data cannot show any uncertainty). A higher score means
    "positive" (pROC's ``direction="<"``); pROC picks the direction itself
    unless told.

    Multi-class input is one-vs-rest: class ``k``'s AUC and interval are
    those of the binary problem "class k vs the rest", equal to pROC on that
    problem. The macro average (the mean of the per-class AUCs) gets the
    variance of the mean of the per-class influence values ``phi_k``, from
    the per-sample sum over classes, stratified by true class (a
    multi-label target: one stratum). For two classes this is DeLong's
    variance.

    Examples
    --------
    >>> auc, low, high = delong_ci([0, 0, 1, 1, 0, 1], [.1, .4, .35, .8, .2, .9])
    >>> round(auc, 4), round(low, 4), round(high, 4)
    (0.8889, 0.5809, 1.0)
    """
    check_choice(average, "average", _AVERAGES)
    level = _check_confidence(confidence)
    inp = _read(y_true, y_score, labels, pos_label)
    cols, names = _columns(inp)
    z = _z_value(level)
    if inp.kind == "binary" or average is None:
        auc = np.array([c.auc for c in cols])
        se = np.sqrt(np.maximum([c.covariance(c) for c in cols], 0.0))
        n_pos = np.array([c.m for c in cols])
        n_neg = np.array([c.n for c in cols])
        low, high = np.clip(auc - z * se, 0, 1), np.clip(auc + z * se, 0, 1)
        if inp.kind == "binary":
            return AUCInterval(
                float(auc[0]),
                float(low[0]),
                float(high[0]),
                float(se[0]),
                level,
                int(n_pos[0]),
                int(n_neg[0]),
            )
        return AUCInterval(auc, low, high, se, level, n_pos, n_neg, names, None)
    auc = float(np.mean([c.auc for c in cols]))
    g = np.mean([c.phi for c in cols], axis=0)
    se = float(np.sqrt(max(_grouped_variance(g, _macro_groups(inp)), 0.0)))
    low, high = max(0.0, auc - z * se), min(1.0, auc + z * se)
    return AUCInterval(
        auc, low, high, se, level, inp.n_samples, 0, None, average="macro"
    )


def delong_test(
    y_true,
    y_score_a,
    y_score_b,
    *,
    confidence=0.95,
    average="macro",
    labels=None,
    pos_label=None,
):
    """DeLong's paired test of two models' AUCs on the same samples.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True labels (binary, multi-class or multi-label indicator).
    y_score_a, y_score_b : array-like
        The two models' scores on the same samples, each shaped as
        ``y_score`` of :func:`delong_ci`.
    confidence : float, default=0.95
        The level of the difference's interval (``low``, ``high``).
    average : {"macro", None}, default="macro"
        Multi-class and multi-label only: test the macro averages, or each
        class's AUCs (arrays).
    labels : array-like, optional
        Multi-class: the class value of each score column.
    pos_label : int, bool or str, optional
        Binary: the positive class.

    Returns
    -------
    AUCTest
        Unpacks as ``(auc_a, auc_b, z, p_value)``; also ``difference``,
        its interval ``low`` / ``high``, ``se`` and ``.to_frame()``.

    Raises
    ------
    ValueError
        If the two score arrays do not have the same shape, if a class has
        fewer than 2 positives or 2 negatives (pROC gives NaN there), or if
        the inputs cannot be read.

    Notes
    -----
    DeLong et al. (1988), as pROC's ``roc.test(method="delong", paired=TRUE)``:
    ``z = (auc_a - auc_b) / sqrt(var_a + var_b - 2 cov_ab)``, where the
    (co)variances come from the two models' placements on the same
    positives and negatives (``S10 / m + S01 / n`` as 2 x 2 matrices). The
    p-value is two-sided, ``2 * Phi(-|z|)``. When both AUCs are equal with
    zero variance (for example both 1) z is 0 and p is 1, as pROC (which
    warns that this is misleading); different AUCs with zero variance give
    an infinite z and p = 0. The interval of the difference is
    ``difference +- z_(1+confidence)/2 * se``, pROC's ``conf.int``. Multi-class
    macro averages use the per-sample influence values as in
    :func:`delong_ci`.

    Examples
    --------
    >>> y = [0, 0, 0, 1, 1, 1]
    >>> auc_a, auc_b, z, p = delong_test(y, [.1, .3, .2, .8, .7, .4], [.5, .3, .2, .6, .1, .9])
    >>> round(auc_a, 4), round(auc_b, 4), round(z, 4), round(p, 4)
    (1.0, 0.6667, 1.0, 0.3173)
    """
    check_choice(average, "average", _AVERAGES)
    level = _check_confidence(confidence)
    inp_a = _read(y_true, y_score_a, labels, pos_label, "y_score_a")
    inp_b = _read(y_true, y_score_b, labels, pos_label, "y_score_b")
    if inp_a.score.shape != inp_b.score.shape or inp_a.kind != inp_b.kind:
        raise ValueError(
            f"y_score_a and y_score_b must have the same shape (the same samples "
            f"and classes), got {inp_a.score.shape} and {inp_b.score.shape}"
        )
    cols_a, names = _columns(inp_a, "y_score_a")
    cols_b, _ = _columns(inp_b, "y_score_b")
    if inp_a.kind == "binary" or average is None:
        auc_a = np.array([c.auc for c in cols_a])
        auc_b = np.array([c.auc for c in cols_b])
        var = np.array(
            [
                a.covariance(a) + b.covariance(b) - 2 * a.covariance(b)
                for a, b in zip(cols_a, cols_b, strict=True)
            ]
        )
    else:
        auc_a = np.array([np.mean([c.auc for c in cols_a])])
        auc_b = np.array([np.mean([c.auc for c in cols_b])])
        g = np.mean(
            [a.phi - b.phi for a, b in zip(cols_a, cols_b, strict=True)], axis=0
        )
        var = np.array([_grouped_variance(g, _macro_groups(inp_a))])
    d = auc_a - auc_b
    se = np.sqrt(np.maximum(var, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, d / np.where(se > 0, se, 1.0), np.sign(d) * np.inf)
    z = np.where((se == 0) & (d == 0), 0.0, z)
    p = 2.0 * special.ndtr(-np.abs(z))
    crit = _z_value(level)
    values = (auc_a, auc_b, z, p, d, d - crit * se, d + crit * se, se)
    if inp_a.kind == "binary" or average == "macro":
        kind = "binary" if inp_a.kind == "binary" else "macro"
        return AUCTest(*(float(v[0]) for v in values), level, None, kind)
    return AUCTest(*values, level, names, None)
