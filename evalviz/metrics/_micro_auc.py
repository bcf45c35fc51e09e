"""Each label's share of the micro-averaged ROC AUC.

numpy only; inputs are read by ``read_inputs`` (the one input model).
"""

from __future__ import annotations

import numpy as np

from .._validation import read_inputs
from ._topk import _flat_positives

__all__ = ["micro_auc_by_label"]


def micro_auc_by_label(y_true, y_score, *, labels=None):
    """Each label's share of the micro-averaged ROC AUC.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels) or (n_samples,)
        Multi-label 0/1 indicator, or multi-class labels (one-vs-rest cells;
        then the rows must be probabilities, as for :func:`roc_auc`).
    y_score : array-like of shape (n_samples, n_labels)
        One score column per label.
    labels : array-like, optional
        Multi-class only: the class value of each score column.

    Returns
    -------
    ndarray of shape (n_labels,)
        Element ``j``: the probability that a random positive cell of label
        ``j`` scores above a random negative cell of *any* label (ties half);
        NaN for a label without positives.

    Raises
    ------
    ValueError
        If ``y_score`` has a single column, if there are no positive or no
        negative cells, or if multi-class rows are not probabilities.

    Notes
    -----
    The micro average pools every (sample, label) cell into one binary
    problem, so it compares scores across labels. Its AUC is the mean of this
    array weighted by each label's number of positives:
    ``np.average(parts[has], weights=n_pos[has]) == roc_auc(..., average="micro")``.
    Frequent labels therefore dominate the micro average, and a label scores
    well here when its positives outscore the other labels' negatives, which is
    not the same as ranking its own positives above its own negatives (its
    per-label AUC).

    Examples
    --------
    >>> micro_auc_by_label([[1, 0], [0, 1]], [[.9, .2], [.3, .8]]).tolist()
    [1.0, 1.0]
    """
    inp = read_inputs(y_true, y_score, labels=labels, require_probabilities=True)
    if inp.kind == "binary":
        raise ValueError(
            "micro_auc_by_label needs one score column per label (y_score of shape "
            "(n_samples, n_labels))"
        )
    score = inp.score
    n, m = score.shape
    if inp.kind == "multiclass":
        rows, cols = np.arange(n), inp.y
    else:
        rows, cols = np.divmod(_flat_positives(inp.y), m)
    values = score[rows, cols]
    n_neg = score.size - values.size
    if values.size == 0 or n_neg == 0:
        raise ValueError(
            "y_true needs both positive and negative cells for the micro AUC; got "
            f"{values.size} positive of {score.size}"
        )
    every = np.sort(score, axis=None)
    positives = np.sort(values)
    left = np.searchsorted(every, values, "left") - np.searchsorted(
        positives, values, "left"
    )
    right = np.searchsorted(every, values, "right") - np.searchsorted(
        positives, values, "right"
    )
    # Negatives strictly below, plus half of the tied negatives: (left + right) / 2.
    wins2 = np.bincount(cols, weights=(left + right).astype(np.float64), minlength=m)
    n_pos = np.bincount(cols, minlength=m)
    with np.errstate(invalid="ignore", divide="ignore"):
        return wins2 / (2.0 * n_pos * n_neg)
