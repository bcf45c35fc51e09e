"""Same model, another share of positives: resampling the prevalence.

A resample keeps a subset of the samples (and their scores), so the model is
the same throughout; only the mix of positives and negatives changes. numpy at
import time; :func:`prevalence_sweep` imports pandas when called.
"""

from __future__ import annotations

import numpy as np

from .._format import format_rate, format_threshold
from .._validation import check_threshold, read_inputs
from ._ranking import average_precision, roc_auc
from ._thresholds import _counts

__all__ = ["prevalence_bounds", "prevalence_sweep", "resample_prevalence"]

_MIN_PER_SIDE = 5  # fewest positives / negatives a resample keeps

#: Columns of :func:`prevalence_sweep`, in order.
SWEEP_COLUMNS = (
    "target",
    "prevalence",
    "positives",
    "negatives",
    "roc_auc",
    "average_precision",
    "precision",
    "recall",
    "accuracy",
    "fpr",
    "tp",
    "fp",
    "tn",
    "fn",
)


def _resample_sizes(n_pos: int, n_neg: int, prevalence: float) -> tuple[int, int]:
    """Most positives and negatives that can be kept at this prevalence."""
    if n_pos / (n_pos + n_neg) >= prevalence:
        q = n_neg
        p = int(round(prevalence * q / (1.0 - prevalence)))
    else:
        p = n_pos
        q = int(round(p * (1.0 - prevalence) / prevalence))
    return min(p, n_pos), min(q, n_neg)


def _prevalence_bounds(n_pos: int, n_neg: int) -> tuple[float, float]:
    """Lowest and highest prevalence a resample can reach with at least
    ``_MIN_PER_SIDE`` positives and negatives."""
    lo = _MIN_PER_SIDE / (_MIN_PER_SIDE + n_neg)
    hi = n_pos / (n_pos + _MIN_PER_SIDE)
    return lo, hi


class _Resampler:
    """Nested resamples of one binary problem: a fixed shuffle of the
    positives and of the negatives, of which the first p and q are kept."""

    def __init__(self, truth, score, seed):
        rng = np.random.default_rng(seed)
        self.truth, self.score = truth, score
        self.pos = rng.permutation(np.flatnonzero(truth == 1))
        self.neg = rng.permutation(np.flatnonzero(truth == 0))
        if self.pos.size < _MIN_PER_SIDE or self.neg.size < _MIN_PER_SIDE:
            raise ValueError(
                f"y_true has {self.pos.size} positives and {self.neg.size} negatives; "
                f"resampling the prevalence needs at least {_MIN_PER_SIDE} of each"
            )
        self.bounds = _prevalence_bounds(self.pos.size, self.neg.size)

    def __call__(self, prevalence):
        prevalence = check_threshold(prevalence, "prevalence")
        lo, hi = self.bounds
        if not lo - 1e-12 <= prevalence <= hi + 1e-12:
            raise ValueError(
                f"prevalence={format_threshold(prevalence)} cannot be reached with at least "
                f"{_MIN_PER_SIDE} positives and negatives from {self.pos.size} "
                f"positives and {self.neg.size} negatives; pick a prevalence "
                f"between {format_rate(lo, 4)} and {format_rate(hi, 4)}"
            )
        p, q = _resample_sizes(self.pos.size, self.neg.size, prevalence)
        p, q = max(p, _MIN_PER_SIDE), max(q, _MIN_PER_SIDE)
        idx = np.sort(np.concatenate([self.pos[:p], self.neg[:q]]))
        return self.truth[idx], self.score[idx]


def _prevalence_numbers(truth, score, threshold) -> dict:
    """Every number of one resample: mix, ranking metrics, counts at the cut."""
    row = _counts(truth, score, threshold)
    row.pop("confusion_matrix")
    positives = int(np.count_nonzero(truth))
    row.update(
        prevalence=positives / truth.size,
        positives=positives,
        negatives=int(truth.size - positives),
        roc_auc=float(roc_auc(truth, score)),
        average_precision=float(average_precision(truth, score)),
    )
    return row


def _binary(y_true, y_score, pos_label):
    inputs = read_inputs(y_true, y_score, pos_label=pos_label, kind="binary")
    return inputs.y, inputs.score


def resample_prevalence(y_true, y_score, prevalence, *, pos_label=None, seed=0):
    """Keep a subset of the samples whose share of positives is ``prevalence``.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels: {0, 1}, {-1, 1} or {False, True}, or any two labels
        with ``pos_label``.
    y_score : array-like of shape (n_samples,)
        Scores of the positive class.
    prevalence : float
        Wanted share of positives, strictly between 0 and 1 and within
        :func:`prevalence_bounds`.
    pos_label : object, optional
        The positive class; needed unless the labels are {0, 1}, {-1, 1} or
        {False, True}.
    seed : int, default 0
        Seed of the shuffle that decides which samples are kept.

    Returns
    -------
    y_true : ndarray of int8, shape (n_kept,)
        The kept samples' targets as 0/1 (1 = positive), in their original order.
    y_score : ndarray of shape (n_kept,)
        Their scores, unchanged.

    Raises
    ------
    ValueError
        When there are fewer than 5 positives or 5 negatives, or the
        prevalence cannot be reached with at least 5 of each.

    Notes
    -----
    Keeps as many samples as possible: every negative and enough positives
    when lowering the prevalence, every positive and enough negatives when
    raising it (rounded to whole samples, at least 5 of each). With one seed
    the resamples are nested: raising the prevalence only adds positives or
    only removes negatives, so a slider moves smoothly. The scores are not
    changed, so each class's score distribution, and with it the ROC curve,
    stay the same up to sampling noise; precision, average precision and
    accuracy follow the prevalence.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import resample_prevalence
    >>> y = np.r_[np.ones(50, int), np.zeros(50, int)]
    >>> yy, ss = resample_prevalence(y, np.linspace(0, 1, 100), 0.2)
    >>> int(yy.sum()), yy.size
    (12, 62)
    """
    truth, score = _binary(y_true, y_score, pos_label)
    return _Resampler(truth, score, seed)(prevalence)


def prevalence_bounds(y_true, *, pos_label=None) -> tuple[float, float]:
    """The lowest and highest prevalence :func:`resample_prevalence` can reach.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels, as in :func:`resample_prevalence`.
    pos_label : object, optional
        The positive class (see :func:`resample_prevalence`).

    Returns
    -------
    low : float
        5 positives among every negative: ``5 / (5 + n_negatives)``.
    high : float
        Every positive and 5 negatives: ``n_positives / (n_positives + 5)``.

    Raises
    ------
    ValueError
        When the labels are not binary or the positive class is not obvious.

    Examples
    --------
    >>> from evalviz.metrics import prevalence_bounds
    >>> prevalence_bounds([1] * 45 + [0] * 95)
    (0.05, 0.9)
    """
    inputs = read_inputs(y_true, pos_label=pos_label, kind="binary")
    n_pos = int(np.count_nonzero(inputs.y))
    return _prevalence_bounds(n_pos, inputs.n_samples - n_pos)


def prevalence_sweep(
    y_true, y_score, prevalences=None, *, threshold=0.5, pos_label=None, seed=0
):
    """Ranking and threshold metrics of one model at several shares of positives.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels, as in :func:`resample_prevalence`.
    y_score : array-like of shape (n_samples,)
        Scores of the positive class.
    prevalences : array-like of float, optional
        The shares of positives to resample to; values outside
        :func:`prevalence_bounds` are left out. Default: 25 values from 0.01
        to 0.9.
    threshold : float, default 0.5
        The cut for precision, recall, accuracy and FPR (``score >= threshold``).
    pos_label : object, optional
        The positive class (see :func:`resample_prevalence`).
    seed : int, default 0
        Seed of the resampling (one shuffle for every prevalence: nested
        resamples).

    Returns
    -------
    pandas.DataFrame
        One row per reachable prevalence: ``target`` (asked), ``prevalence``
        (reached, whole samples), ``positives``, ``negatives``, ``roc_auc``,
        ``average_precision``, and at the threshold ``precision``, ``recall``,
        ``accuracy``, ``fpr`` and the counts ``tp``, ``fp``, ``tn``, ``fn``.

    Raises
    ------
    ValueError
        As :func:`resample_prevalence`, or when ``threshold`` is not a number.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import prevalence_sweep
    >>> rng = np.random.default_rng(0)
    >>> y = (rng.random(400) < 0.3).astype(int)
    >>> table = prevalence_sweep(y, rng.normal(y, 1.0), [0.1, 0.5])
    >>> table["target"].tolist()
    [0.1, 0.5]
    """
    import pandas as pd

    truth, score = _binary(y_true, y_score, pos_label)
    threshold = check_threshold(threshold)
    resampler = _Resampler(truth, score, seed)
    lo, hi = resampler.bounds
    if prevalences is None:
        prevalences = np.round(np.linspace(0.01, 0.9, 25), 4)
    grid = [float(p) for p in np.atleast_1d(prevalences) if lo <= p <= hi]
    rows = [
        {"target": p, **_prevalence_numbers(*resampler(p), threshold)} for p in grid
    ]
    return pd.DataFrame(rows, columns=list(SWEEP_COLUMNS))
