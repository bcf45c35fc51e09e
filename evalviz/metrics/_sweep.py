"""The one threshold sweep of a binary problem.

Every curve and every table of counts at thresholds (ROC and precision-recall
curves, ``counts_at_thresholds``) is read off this sweep: sort the scores once,
highest first, and accumulate the positives and negatives at each distinct
score. numpy only.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["at_or_above", "binary_sweep", "counts_at", "in_score_dtype"]


def binary_sweep(y01, score, sample_weight=None):
    """False and true positive counts at every distinct score, highest first.

    Parameters
    ----------
    y01 : ndarray of shape (n_samples,)
        1 for a positive sample, 0 for a negative one.
    score : ndarray of shape (n_samples,)
        Scores (float or integer; integers are compared exactly).
    sample_weight : ndarray of shape (n_samples,), optional
        Weight of each sample; counts become sums of weights.

    Returns
    -------
    fps, tps : ndarray of float64, shape (n_thresholds,)
        Negatives and positives with ``score >= thresholds[i]``.
    thresholds : ndarray of shape (n_thresholds,)
        The distinct scores, decreasing, in the dtype of ``score``.

    Examples
    --------
    >>> import numpy as np
    >>> fps, tps, thr = binary_sweep(np.array([0, 1, 1]), np.array([0.1, 0.4, 0.4]))
    >>> fps.tolist(), tps.tolist(), thr.tolist()
    ([0.0, 1.0], [2.0, 2.0], [0.4, 0.1])
    """
    # Ascending sort, read backwards: the order inside a run of tied scores
    # does not matter, only the counts at the end of each run are kept.
    order = np.argsort(score)[::-1]
    ranked = score[order]
    truth = y01[order]
    distinct = np.flatnonzero(ranked[1:] != ranked[:-1])
    idx = np.r_[distinct, truth.size - 1]
    if sample_weight is None:
        tps = np.cumsum(truth, dtype=np.float64)[idx]
        fps = 1.0 + idx - tps
    else:
        weight = np.asarray(sample_weight, dtype=np.float64)[order]
        tps = np.cumsum(truth * weight)[idx]
        fps = np.cumsum((1 - truth) * weight)[idx]
    return fps, tps, ranked[idx]


def in_score_dtype(cuts, dtype) -> tuple[np.ndarray, np.ndarray]:
    """Thresholds in the scores' own dtype, so ``score >= cut`` is exact.

    Float scores: the cut is rounded to their dtype (0.7 against float32
    scores means ``float32(0.7)``). Integer scores: an integer cut is kept
    exactly (no float64 rounding above 2**53), a float cut ``t`` becomes
    ``ceil(t)`` (``s >= t`` and ``s >= ceil(t)`` agree for integers ``s``).

    Parameters
    ----------
    cuts : scalar or array-like of shape (n_cuts,)
        Finite thresholds (Python or numpy numbers).
    dtype : numpy.dtype
        The scores' dtype.

    Returns
    -------
    cuts : ndarray of shape (n_cuts,), in ``dtype``
        The cuts to compare with.
    above_all : ndarray of bool, shape (n_cuts,)
        Cuts above every value of an integer ``dtype`` (nothing reaches them).

    Examples
    --------
    >>> import numpy as np
    >>> c, _ = in_score_dtype([0.7], np.float32)
    >>> bool(np.float32(0.7) >= c[0])
    True
    >>> in_score_dtype([2.5, 3], np.int64)[0].tolist()
    [3, 3]
    """
    dtype = np.dtype(dtype)
    try:
        values = np.atleast_1d(np.asarray(cuts)).ravel()
    except OverflowError:  # Python ints beyond int64
        values = np.atleast_1d(np.asarray(cuts, dtype=object)).ravel()
    if dtype.kind not in "iu":
        return values.astype(np.float64).astype(dtype), np.zeros(values.size, bool)
    info = np.iinfo(dtype)
    if values.dtype == dtype:
        return values, np.zeros(values.size, dtype=bool)
    if values.dtype.kind == "f":
        up = np.ceil(values)
        top = float(info.max)
        top = np.nextafter(top, 0.0) if top > info.max else top  # 2**63 overflows
        return np.clip(up, float(info.min), top).astype(dtype), up > top
    # Other integer dtypes and Python ints beyond int64: exactly, one by one.
    exact = [
        int(v) if isinstance(v, (int, np.integer)) else math.ceil(v) for v in values
    ]
    above = np.asarray([v > info.max for v in exact], dtype=bool)
    return np.asarray([min(max(v, info.min), info.max) for v in exact], dtype), above


def at_or_above(score: np.ndarray, threshold) -> np.ndarray:
    """``score >= threshold`` compared in the score's dtype (see ``in_score_dtype``).

    Parameters
    ----------
    score : ndarray
        Scores of any shape (float or integer).
    threshold : float or int
        One finite threshold.

    Returns
    -------
    ndarray of bool, shape of ``score``
        The samples predicted positive.

    Examples
    --------
    >>> import numpy as np
    >>> at_or_above(np.float32([0.2, 0.7]), 0.7).tolist()
    [False, True]
    """
    score = np.asarray(score)
    cut, above = in_score_dtype(threshold, score.dtype)
    if above[0]:
        return np.zeros(score.shape, dtype=bool)
    return score >= cut[0]


def counts_at(fps, tps, thresholds, cuts):
    """Counts of ``score >= cut`` for any cuts, read off a sweep.

    Parameters
    ----------
    fps, tps : ndarray of shape (n_thresholds,)
        The counts of :func:`binary_sweep`.
    thresholds : ndarray of shape (n_thresholds,)
        Its decreasing distinct scores.
    cuts : ndarray of shape (n_cuts,)
        The thresholds to evaluate, in any order.

    Returns
    -------
    fp, tp : ndarray of float64, shape (n_cuts,)
        Negatives and positives scored at or above each cut.

    Examples
    --------
    >>> import numpy as np
    >>> sweep = binary_sweep(np.array([0, 1, 1]), np.array([0.1, 0.4, 0.4]))
    >>> fp, tp = counts_at(*sweep, np.array([0.5, 0.4, 0.0]))
    >>> fp.tolist(), tp.tolist()
    ([0.0, 0.0, 1.0], [0.0, 2.0, 2.0])
    """
    # How many distinct scores are >= each cut; the counts there (0 if none).
    cuts, above = in_score_dtype(cuts, thresholds.dtype)
    n_ge = thresholds.size - np.searchsorted(thresholds[::-1], cuts, side="left")
    n_ge[above] = 0
    fp = np.r_[0.0, fps][n_ge]
    tp = np.r_[0.0, tps][n_ge]
    return fp, tp
