"""Ranking options of scikit-learn: weights, partial AUC, one-vs-one, per sample.

The plain exact path of ``roc_auc`` and ``average_precision`` (no weights, the
whole curve, one-vs-rest, no NaN for undefined columns) stays in ``_ranking``;
everything else goes through the per-column functions here, which give the
numbers of scikit-learn's ``roc_auc_score`` / ``average_precision_score`` for
the same options. numpy only.

Weighted AUC is a weighted Mann-Whitney statistic computed from one sort: each
distinct score value contributes its positives' weight times the weight of the
negatives strictly below it plus half the weight of the negatives tied with
it, which is exactly the trapezoidal area under the weighted ROC curve.
Samples of weight 0 are dropped first (they add no threshold, as in
scikit-learn).
"""

from __future__ import annotations

import warnings
from itertools import combinations

import numpy as np

from ._sweep import binary_sweep
from ._warnings import UndefinedMetricWarning

__all__ = [
    "UndefinedMetricWarning",
    "warn_undefined",
    "binary_ap",
    "binary_auc",
    "check_max_fpr",
    "check_multiclass_options",
    "drop_pr_intermediate",
    "drop_roc_intermediate",
    "nonzero_weight",
    "options_area",
    "ovo_auc",
    "read_sample_weight",
    "weighted_sweep",
]


#: scikit-learn's wording for each undefined case, so its users recognise it.
_UNDEFINED_TEXT = {
    "auc": "Only one class is present in y_true. ROC AUC score is not defined in "
    "that case.",
    "no positives": "No positive class found in y_true, recall is set to one for "
    "all thresholds.",
    "roc no negatives": "No negative samples in y_true, false positive value should "
    "be meaningless",
    "roc no positives": "No positive samples in y_true, true positive value should be "
    "meaningless",
}


def warn_undefined(case: str) -> None:
    """Emit :class:`UndefinedMetricWarning` with scikit-learn's text for ``case``.

    Parameters
    ----------
    case : {"auc", "no positives", "roc no negatives", "roc no positives"}
        Which undefined case.
    """
    warnings.warn(_UNDEFINED_TEXT[case], UndefinedMetricWarning, stacklevel=4)


def read_sample_weight(sample_weight, n):
    """Sample weights as float64 of shape ``(n,)``, or None.

    Parameters
    ----------
    sample_weight : array-like of shape (n,) or None
        One finite, non-negative weight per sample.
    n : int
        The number of samples.

    Returns
    -------
    ndarray of shape (n,) or None
        The weights (None when ``sample_weight`` is None).

    Raises
    ------
    ValueError
        If the shape is not ``(n,)`` or a weight is negative, NaN or infinite.
    """
    if sample_weight is None:
        return None
    w = np.asarray(sample_weight, dtype=np.float64)
    if w.shape != (n,):
        raise ValueError(
            f"sample_weight must have one weight per sample, shape ({n},), got "
            f"shape {w.shape}"
        )
    if not np.all(np.isfinite(w)) or (w < 0).any():
        bad = int(np.count_nonzero(~np.isfinite(w) | (w < 0)))
        raise ValueError(
            f"sample_weight must hold finite, non-negative weights; {bad} of {n} "
            "are negative, NaN or infinite"
        )
    return w


def check_max_fpr(max_fpr):
    """``max_fpr`` as a float in (0, 1), or None for the whole curve.

    Parameters
    ----------
    max_fpr : float or None
        The upper end of the false positive rates kept.

    Returns
    -------
    float or None
        None when ``max_fpr`` is None or 1.

    Raises
    ------
    ValueError
        If ``max_fpr`` is not a number in (0, 1].
    """
    if max_fpr is None:
        return None
    if isinstance(max_fpr, (bool, np.bool_)) or not isinstance(
        max_fpr, (int, float, np.integer, np.floating)
    ):
        raise ValueError(
            f"max_fpr must be a number in (0, 1] (the largest false positive rate "
            f"kept), got {max_fpr!r}"
        )
    value = float(max_fpr)
    if not 0.0 < value <= 1.0:
        raise ValueError(
            f"max_fpr must be in (0, 1] (the largest false positive rate kept), got "
            f"{max_fpr!r}; for the whole curve leave it None or pass 1"
        )
    return None if value == 1.0 else value


def nonzero_weight(y01, score, weight):
    """Drop the samples of weight 0 (they change no count and add no threshold).

    Parameters
    ----------
    y01 : ndarray of shape (n,)
        1 = positive.
    score : ndarray of shape (n,)
        Scores.
    weight : ndarray of shape (n,) or None
        Sample weights.

    Returns
    -------
    y01, score, weight : ndarray
        The samples of non-zero weight (the inputs when none weighs 0).
    """
    if weight is None:
        return y01, score, None
    keep = weight != 0
    if not keep.all():
        y01, score, weight = y01[keep], score[keep], weight[keep]
    return y01, score, _rescaled(weight)


def _rescaled(weight):
    """Weights times the power of two that brings the largest into [0.5, 1).

    Products of weight sums (the weighted Mann-Whitney count) overflow for
    weights near 1e160 and underflow for weights near 1e-200; multiplying by a
    power of two is exact, so integer weights stay exact and no area changes.
    """
    if weight.size == 0 or weight.dtype.kind not in "fc":
        return weight
    top = float(np.max(np.abs(weight)))
    if not np.isfinite(top) or top == 0.0:
        return weight
    return np.ldexp(weight, -np.frexp(top)[1])


def weighted_sweep(y01, score, weight):
    """``binary_sweep`` after dropping zero-weight samples (scikit-learn's rule).

    Parameters
    ----------
    y01 : ndarray of shape (n,)
        1 = positive.
    score : ndarray of shape (n,)
        Scores.
    weight : ndarray of shape (n,) or None
        Sample weights.

    Returns
    -------
    fps, tps : ndarray of float64, shape (n_thresholds,)
        Weighted negatives and positives at or above each threshold.
    thresholds : ndarray of shape (n_thresholds,)
        The distinct scores of non-zero weight, decreasing.
    """
    y01, score, weight = nonzero_weight(y01, score, weight)
    if y01.size == 0:
        empty = np.zeros(0)
        return empty, empty, score[:0]
    return binary_sweep(y01, score, weight)


def drop_roc_intermediate(fps, tps, thresholds):
    """Keep only the corners of a ROC curve (scikit-learn's ``drop_intermediate``).

    A point is dropped when both counts change linearly around it (second
    difference 0 in both), so it lies on the segment between its neighbours;
    the area and the drawn curve stay the same. Curves of at most two points
    are kept whole.

    Parameters
    ----------
    fps, tps : ndarray of shape (n_thresholds,)
        The counts of a sweep, highest threshold first.
    thresholds : ndarray of shape (n_thresholds,)
        Its thresholds.

    Returns
    -------
    fps, tps, thresholds : ndarray
        The points kept.
    """
    if fps.size <= 2:
        return fps, tps, thresholds
    keep = np.r_[True, np.logical_or(np.diff(fps, 2), np.diff(tps, 2)), True]
    idx = np.flatnonzero(keep)
    return fps[idx], tps[idx], thresholds[idx]


def drop_pr_intermediate(fps, tps, thresholds):
    """Keep the first and last point of each run of equal true positive counts.

    scikit-learn's ``precision_recall_curve(..., drop_intermediate=True)``: the
    points inside a run share one recall, so they form a vertical segment.

    Parameters
    ----------
    fps, tps : ndarray of shape (n_thresholds,)
        The counts of a sweep, highest threshold first.
    thresholds : ndarray of shape (n_thresholds,)
        Its thresholds.

    Returns
    -------
    fps, tps, thresholds : ndarray
        The points kept.
    """
    if fps.size <= 2:
        return fps, tps, thresholds
    keep = np.r_[True, np.logical_or(np.diff(tps[:-1]), np.diff(tps[1:])), True]
    idx = np.flatnonzero(keep)
    return fps[idx], tps[idx], thresholds[idx]


def _exact_auc(y01, score):
    """Unweighted AUC by tie-averaged ranks (one sort; exact for integers)."""
    pos = np.sort(score[y01 == 1])
    every = np.sort(score)
    p, n = pos.size, every.size
    left = np.searchsorted(every, pos, side="left")
    right = np.searchsorted(every, pos, side="right")
    u2 = int(left.sum()) + int(right.sum()) + p - p * (p + 1)
    return u2 / (2.0 * p * (n - p))


def _partial(fps, tps, max_fpr):
    """McClish-standardised partial AUC over FPR <= max_fpr (scikit-learn's)."""
    fpr = np.r_[0.0, fps] / fps[-1]
    tpr = np.r_[0.0, tps] / tps[-1]
    stop = int(np.searchsorted(fpr, max_fpr, "right"))
    x_interp = [fpr[stop - 1], fpr[stop]]
    y_interp = [tpr[stop - 1], tpr[stop]]
    tpr = np.append(tpr[:stop], np.interp(max_fpr, x_interp, y_interp))
    fpr = np.append(fpr[:stop], max_fpr)
    partial = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1])) / 2.0)
    min_area = 0.5 * max_fpr**2
    return 0.5 * (1 + (partial - min_area) / (max_fpr - min_area))


def binary_auc(y01, score, weight=None, max_fpr=None):
    """ROC AUC of one binary column; NaN when a class is missing (or weighs 0).

    Parameters
    ----------
    y01 : ndarray of shape (n,)
        1 = positive.
    score : ndarray of shape (n,)
        Scores (float or integer, integers ranked exactly).
    weight : ndarray of shape (n,), optional
        Non-negative sample weights.
    max_fpr : float, optional
        Standardised partial AUC over FPR <= max_fpr (McClish 1989, formula 5,
        as scikit-learn's ``roc_auc_score``).

    Returns
    -------
    float
        The area, or NaN (with :class:`UndefinedMetricWarning`) when a class
        has no samples of positive weight.
    """
    y01, score, weight = nonzero_weight(y01, score, weight)
    n_pos = int(np.count_nonzero(y01))
    if n_pos == 0 or n_pos == y01.size:
        warn_undefined("auc")
        return np.nan
    if weight is None and max_fpr is None:
        return _exact_auc(y01, score)
    fps, tps, _ = binary_sweep(y01, score, weight)
    if tps[-1] <= 0 or fps[-1] <= 0:
        return np.nan
    if max_fpr is not None:
        return _partial(fps, tps, max_fpr)
    # Weighted Mann-Whitney: each score group's positive weight times the
    # negative weight below it plus half the negative weight tied with it (the
    # sweep runs from the highest score down, so fps counts negatives at or
    # above the group and fp_before those strictly above it).
    n_neg = fps[-1]
    d_tp = np.diff(tps, prepend=0.0)
    fp_before = np.r_[0.0, fps[:-1]]
    twice = float(np.sum(d_tp * ((n_neg - fps) + (n_neg - fp_before))))
    return twice / (2.0 * tps[-1] * n_neg)


def binary_ap(y01, score, weight=None):
    """Average precision of one binary column; NaN without positives (of weight).

    Parameters
    ----------
    y01 : ndarray of shape (n,)
        1 = positive.
    score : ndarray of shape (n,)
        Scores.
    weight : ndarray of shape (n,), optional
        Non-negative sample weights.

    Returns
    -------
    float
        ``sum_n (R_n - R_{n-1}) P_n`` over the distinct scores; 0 (with
        :class:`UndefinedMetricWarning`) without positives, as scikit-learn.
    """
    fps, tps, _ = weighted_sweep(y01, score, weight)
    if tps.size == 0 or tps[-1] <= 0:
        # scikit-learn: recall is set to 1 at every threshold, so AP is 0.
        warn_undefined("no positives")
        return 0.0
    predicted = tps + fps
    precision = np.divide(tps, predicted, out=np.zeros_like(tps), where=predicted != 0)
    recall = tps / tps[-1]
    return float(max(0.0, np.sum(np.diff(recall, prepend=0.0) * precision)))


def _columns(truth, score, weight, metric, max_fpr):
    k = score.shape[1]
    out = np.empty(k)
    for j in range(k):
        if metric == "auc":
            out[j] = binary_auc(truth[:, j], score[:, j], weight, max_fpr)
        else:
            out[j] = binary_ap(truth[:, j], score[:, j], weight)
    return out


def options_area(truth, score, weight, *, metric, average, max_fpr=None):
    """AUC or AP of an indicator matrix under scikit-learn's averaging rules.

    Parameters
    ----------
    truth : ndarray of shape (n, k)
        0/1 indicator (one-vs-rest columns for multi-class input).
    score : ndarray of shape (n, k)
        One score column per indicator column.
    weight : ndarray of shape (n,) or None
        Sample weights.
    metric : {"auc", "ap"}
        Which area.
    average : {"macro", "micro", "weighted", "samples", None}
        scikit-learn's ``_average_binary_score`` rules: ``"samples"`` scores
        each row over the labels and averages with the sample weights;
        ``"weighted"`` weights each column by its (weighted) positives.
    max_fpr : float, optional
        Partial AUC (``metric="auc"`` only).

    Returns
    -------
    float or ndarray of shape (k,)
        NaN where a column (row, for ``"samples"``) is undefined.
    """
    if average == "micro":
        w = None if weight is None else np.repeat(weight, truth.shape[1])
        flat_t, flat_s = truth.ravel(), score.ravel()
        if metric == "auc":
            return float(binary_auc(flat_t, flat_s, w, max_fpr))
        return float(binary_ap(flat_t, flat_s, w))
    if average == "samples":
        per_row = _columns(truth.T, score.T, None, metric, max_fpr)
        if weight is not None:
            # scikit-learn: a zero-weight row scores 0, so its NaN drops out.
            per_row[np.asarray(weight) == 0] = 0.0
        return float(np.average(per_row, weights=weight))
    per_col = _columns(truth, score, weight, metric, max_fpr)
    if average is None:
        return per_col
    if average == "weighted":
        w = truth.sum(axis=0) if weight is None else truth.T @ weight
        if np.isclose(w.sum(), 0.0):
            return 0.0
        # scikit-learn: a column without positives weighs 0 and scores 0, so
        # its NaN (undefined AUC) does not spread to the average.
        per_col = np.where(w == 0, 0.0, per_col)
        return float(np.average(per_col, weights=w))
    return float(np.mean(per_col))


def ovo_auc(y_idx, score, average):
    """Hand and Till's one-vs-one multi-class AUC (scikit-learn's ``"ovo"``).

    Parameters
    ----------
    y_idx : ndarray of int, shape (n,)
        Class index of each sample (column of ``score``).
    score : ndarray of shape (n, k)
        Probabilities, one column per class.
    average : {"macro", "weighted"}
        ``"macro"``: the plain mean over pairs of classes (Hand and Till 2001,
        the M measure). ``"weighted"``: each pair weighted by its share of the
        samples (the prevalence-weighted variant of scikit-learn).

    Returns
    -------
    float
        The mean over the pairs (a, b) of classes present in ``y_idx`` of
        ``(AUC(a | a, b) + AUC(b | a, b)) / 2``, where ``AUC(a | a, b)`` ranks
        the samples of classes a and b by their score for a.
    """
    present = np.unique(y_idx)
    pairs = list(combinations(present.tolist(), 2))
    scores = np.empty(len(pairs))
    prevalence = np.empty(len(pairs))
    for i, (a, b) in enumerate(pairs):
        a_mask = y_idx == a
        ab = a_mask | (y_idx == b)
        a01 = a_mask[ab].astype(np.int8)
        auc_a = binary_auc(a01, score[ab, a])
        auc_b = binary_auc(1 - a01, score[ab, b])
        scores[i] = (auc_a + auc_b) / 2.0
        prevalence[i] = np.mean(ab)
    if average == "weighted":
        return float(np.average(scores, weights=prevalence))
    return float(np.mean(scores))


def check_multiclass_options(average, weight, max_fpr, multi_class):
    """Refuse what scikit-learn refuses for multi-class ROC AUC, in its words.

    Parameters
    ----------
    average : str or None
        The ``average`` received.
    weight : object or None
        The sample weights (only whether they are given matters).
    max_fpr : float or None
        The checked ``max_fpr``.
    multi_class : {"ovr", "ovo", "raise"}
        The ``multi_class`` received.

    Raises
    ------
    ValueError
        For ``multi_class="raise"``, an average the mode does not define,
        weights or ``max_fpr`` with one-vs-one.
    NotImplementedError
        For ``average=None`` with one-vs-one (as scikit-learn).
    """
    if multi_class == "raise":
        raise ValueError(
            "multi_class must be in ('ovo', 'ovr') for a multi-class y_true; pass "
            "multi_class='ovr' (each class against the rest) or 'ovo' (Hand and "
            "Till, every pair of classes)"
        )
    options = ("macro", "weighted", None)
    if multi_class == "ovr":
        options = ("micro",) + options
    if average not in options:
        raise ValueError(
            f"average must be one of {options} for multiclass problems, got "
            f"average={average!r}; 'samples' scores each sample over its labels, "
            "which needs a multi-label indicator y_true"
        )
    if multi_class != "ovo":
        return
    if weight is not None:
        raise ValueError(
            "sample_weight is not supported for multiclass one-vs-one ROC AUC, "
            "'sample_weight' must be None in this case (as in scikit-learn); use "
            "multi_class='ovr' for weighted samples"
        )
    if max_fpr is not None:
        raise ValueError(
            "Partial AUC computation not available in multiclass setting, "
            f"'max_fpr' must be set to `None`, received `max_fpr={max_fpr}` instead "
            "(one-vs-one); multi_class='ovr' gives each class's partial AUC"
        )
    if average is None:
        raise NotImplementedError(
            "average=None is not implemented for multi_class='ovo'. Pass "
            "average='macro' or 'weighted', or multi_class='ovr' for per-class AUCs"
        )
