"""The one threshold sweep of a binary problem.

Every curve and every table of counts at thresholds (ROC and precision-recall
curves, ``counts_at_thresholds``) is read off this sweep: sort the scores once,
highest first, and accumulate the positives and negatives at each distinct
score. numpy only.
"""

from __future__ import annotations

import numpy as np

__all__ = ["binary_sweep", "counts_at"]


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
    n_ge = thresholds.size - np.searchsorted(thresholds[::-1], cuts, side="left")
    fp = np.r_[0.0, fps][n_ge]
    tp = np.r_[0.0, tps][n_ge]
    return fp, tp
