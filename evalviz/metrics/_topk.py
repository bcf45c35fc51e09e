"""Top-k metrics: top-k accuracy, precision / recall at k, ranks, ties.

One tie rule everywhere: among equal scores the class with the **lower index**
ranks first, as numpy's ``argmax`` and scikit-learn estimators' ``predict``
do, so top-1 accuracy always equals the accuracy of the argmax predictions.
Only the order of the scores within a row matters here, so logits and
probabilities give the same numbers (no row needs to sum to one).
"""

from __future__ import annotations

import numpy as np

from .._validation import (
    _label_values,
    _score_array,
    _show,
    _to_numpy,
    check_k,
    check_same_length,
    read_inputs,
)
from ._label_checks import check_labels_words
from ._ranking_options import read_sample_weight

__all__ = [
    "top_k_accuracy",
    "precision_at_k",
    "recall_at_k",
    "rank_of_true_class",
    "top_k_accuracy_curve",
    "label_hits_at_k",
    "tied_predictions",
]

# Rows per block: bounds the temporaries of the row-wise comparisons.
_ROW_BLOCK = 1024


def _flat_positives(truth: np.ndarray) -> np.ndarray:
    """``np.flatnonzero(truth)``, skipping zero bytes eight at a time."""
    flat = truth.reshape(-1)
    if flat.dtype.itemsize != 1 or flat.size % 8 or not flat.flags.c_contiguous:
        return np.flatnonzero(flat)
    words = np.flatnonzero(flat.view(np.uint64))
    r, c = np.nonzero(flat.reshape(-1, 8)[words])
    return words[r] * 8 + c


def _topk_input(y_true, y_score, k, metric, labels=None):
    """Multi-class or multi-label inputs of a top-k metric, and a checked k."""
    n_columns = np.shape(y_score)[1] if np.ndim(y_score) == 2 else None
    if n_columns is not None:
        check_labels_words(y_true, labels, n_columns, "topk")
    try:
        inp = read_inputs(y_true, y_score, labels=labels, kind=_kind_of(y_true))
    except ValueError as err:
        raise _topk_words(err, y_true, y_score, labels, n_columns) from None
    if inp.kind == "binary":
        raise ValueError(
            f"{metric} needs one score column per class (y_score of shape "
            "(n_samples, n_classes)); with a single score column top-1 is plain "
            "accuracy at a threshold and top-2 is always 1"
        )
    k = check_k(k, inp.score.shape[1])
    return inp, k


def _topk_words(err, y_true, y_score, labels, n_columns):
    """The error of ``read_inputs``, led by scikit-learn's sentence when one applies."""
    try:
        y = np.asarray(_to_numpy(y_true))
        n_classes = np.unique(y).size if y.ndim == 1 else None
    except (TypeError, ValueError):
        return err
    if n_columns is None and n_classes is not None and n_classes > 2:
        lead = (
            "`y_score` needs to be of shape `(n_samples, n_classes)`, since `y_true` "
            "contains multiple classes."
        )
    elif y.ndim == 1 and y.dtype.kind == "f" and not np.all(y == np.round(y)):
        lead = "y type must be 'binary' or 'multiclass', got 'continuous'."
    elif (
        labels is None
        and n_classes is not None
        and n_columns is not None
        and (n_classes > n_columns)
    ):
        lead = (
            f"Number of classes in 'y_true' ({n_classes}) not equal to the number "
            f"of classes in 'y_score' ({n_columns})."
        )
    else:
        return err
    return ValueError(f"{lead} {err}")


def _binary_hits(y_true, y_score, k, labels):
    """scikit-learn's top-k of a binary problem scored by one column.

    Top-2 (or more) of two classes is always a hit; top-1 predicts the second
    class (sorted, or ``labels[1]``) when the score exceeds 0.5 for scores in
    [0, 1], else 0 (``top_k_accuracy_score``'s rule).
    """
    y = _label_values(_to_numpy(y_true), "y_true")
    score = _score_array(_to_numpy(y_score), "y_score")
    check_same_length(y, score, "y_true", "y_score")
    classes = np.unique(y) if labels is None else np.asarray(list(labels))
    if classes.size > 2:
        raise ValueError(
            "`y_score` needs to be of shape `(n_samples, n_classes)`, since `y_true` "
            f"contains multiple classes. y_true has {classes.size} classes "
            f"{_show(classes)} but y_score is 1-D; pass one score column per class"
        )
    k = check_k(k, 2)
    if k >= 2:
        return np.ones(y.size, dtype=np.int64)
    threshold = 0.5 if score.min() >= 0 and score.max() <= 1 else 0
    second = (y == classes[-1]) if classes.size == 2 else np.zeros(y.size, bool)
    return ((score > threshold) == second).astype(np.int64)


def _kind_of(y_true):
    """Ask for multi-class reading unless y_true is a 2-D indicator."""
    arr = np.asarray(_to_numpy(y_true)) if not hasattr(y_true, "ndim") else y_true
    return None if getattr(arr, "ndim", 1) == 2 and arr.shape[1] > 1 else "multiclass"


def _rank0_of_true(truth: np.ndarray, score: np.ndarray) -> np.ndarray:
    """0-based position of the true class in each row's descending order.

    Ties: a class tied with the true class ranks before it when its index is
    lower (the lowest index wins).
    """
    n, k = score.shape
    rank = np.empty(n, dtype=np.int64)
    cols = np.arange(k)
    for r0 in range(0, n, _ROW_BLOCK):
        r1 = min(n, r0 + _ROW_BLOCK)
        s = score[r0:r1]
        y = truth[r0:r1]
        own = s[np.arange(r1 - r0), y][:, None]
        above = np.count_nonzero(s > own, axis=1)
        tied_before = np.count_nonzero((s == own) & (cols < y[:, None]), axis=1)
        rank[r0:r1] = above + tied_before
    return rank


def _in_top_k(score: np.ndarray, k: int) -> np.ndarray:
    """Boolean mask of the k highest scores per row (ties: lower index first)."""
    n, m = score.shape
    kth = np.partition(score, m - k, axis=1)[:, m - k][:, None]
    mask = score >= kth
    over = np.flatnonzero(np.count_nonzero(mask, axis=1) > k)
    if over.size:
        # The tie at the k-th value straddles the cut: keep the lowest indices.
        s = score[over]
        t = kth[over]
        above = s > t
        room = k - np.count_nonzero(above, axis=1)
        tied = s == t
        from_left = np.cumsum(tied, axis=1)
        mask[over] = above | (tied & (from_left <= room[:, None]))
    return mask


def _positives_in_top_k(truth: np.ndarray, score: np.ndarray, k: int):
    """For every positive cell of a multi-label indicator: is it in its row's top k?

    Returns ``(rows, cols, inside)``. Only the k-th highest score of each row is
    computed over the whole matrix; rows where a positive ties with that value
    are settled exactly with :func:`_in_top_k`.
    """
    n, m = score.shape
    kth = np.empty(n, dtype=score.dtype)
    for r0 in range(0, n, _ROW_BLOCK):
        r1 = min(n, r0 + _ROW_BLOCK)
        kth[r0:r1] = np.partition(score[r0:r1], m - k, axis=1)[:, m - k]
    rows, cols = np.divmod(_flat_positives(truth), m)
    values = score[rows, cols]
    cut = kth[rows]
    inside = values > cut
    tied = values == cut
    if tied.any():
        tie_rows = np.unique(rows[tied])
        mask = _in_top_k(score[tie_rows], k)
        where = tied.nonzero()[0]
        local = np.searchsorted(tie_rows, rows[where])
        inside[where] = mask[local, cols[where]]
    return rows, cols, inside


def _label_hits(inp, k):
    """Per row: how many true labels are in the top k, and how many there are."""
    score = inp.score
    n = score.shape[0]
    if inp.kind == "multiclass":
        hits = (_rank0_of_true(inp.y, score) < k).astype(np.int64)
        return hits, np.ones(n, dtype=np.int64)
    rows, _, inside = _positives_in_top_k(inp.y, score, k)
    hits = np.bincount(rows[inside], minlength=n).astype(np.int64)
    n_true = np.bincount(rows, minlength=n).astype(np.int64)
    return hits, n_true


def top_k_accuracy(y_true, y_score, k, *, labels=None, sample_weight=None):
    """Fraction of samples whose true class (or any true label) is in the top k.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Class labels of any sortable type (ints, strings), or a multi-label
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_classes) or (n_samples,)
        One score per class (probabilities or logits: only their order
        within a row matters). Columns follow ``labels`` (default: the sorted
        class values, or ``0..n_classes-1`` for integer labels). A 1-D score
        of a binary problem is the second class's score (scikit-learn's rule:
        top-1 predicts it above 0.5 for scores in [0, 1], else above 0).
    k : int
        How many of the highest-scored classes count as a guess, 1 <= k <=
        n_classes.
    labels : array-like of shape (n_classes,), optional
        The class value of each score column, in column order.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample: the result is the weighted share
        of hits, ``sum(w * hit) / sum(w)`` (scikit-learn's).

    Returns
    -------
    float
        The share of samples that are hits, between 0 and 1.

    Raises
    ------
    ValueError
        If ``k`` is out of range, ``y_score`` has a single column, or the
        labels do not match the score columns.

    See Also
    --------
    tied_predictions : How many rows have a tie at the top.

    Notes
    -----
    Ties: among equal scores the lower class index ranks first (numpy's
    ``argmax``), so ``top_k_accuracy(y, s, 1) == accuracy(y, s.argmax(1))``
    always. scikit-learn's ``top_k_accuracy_score`` ranks the **higher** index
    first among ties (a stable sort, reversed): on tied rows the two differ
    (all scores equal: its top-1 picks the last class, this one the first).
    TensorFlow's ``in_top_k`` counts every class tied at the k-th score as
    inside. Multi-label: a sample is a hit when at least one of its true labels
    is among its k highest scores; a sample with no true label is never a hit.

    Examples
    --------
    >>> top_k_accuracy([0, 1, 2], [[.5, .3, .2], [.5, .3, .2], [.5, .3, .2]], 2)
    0.6666666666666666
    >>> top_k_accuracy([0, 1, 2], [[1, 1, 1], [1, 1, 1], [1, 1, 1]], 1)
    0.3333333333333333
    """
    if np.ndim(y_score) == 1 and np.ndim(y_true) == 1:
        hits = _binary_hits(y_true, y_score, k, labels)
    else:
        inp, k = _topk_input(y_true, y_score, k, "top-k accuracy", labels)
        hits, _ = _label_hits(inp, k)
    weight = read_sample_weight(sample_weight, hits.size)
    if weight is not None:
        if weight.sum() == 0:
            raise ValueError(
                "sample_weight sums to 0, so the weighted share of hits is undefined"
            )
        return float(np.average(hits > 0, weights=weight))
    return float(np.mean(hits > 0))


def precision_at_k(y_true, y_score, k, *, labels=None):
    """Mean over samples of (true labels among the k highest scores) / k.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels) or (n_samples,)
        Multi-label 0/1 indicator, or multi-class labels (then precision@k =
        top-k accuracy / k).
    y_score : array-like of shape (n_samples, n_labels)
        One score per label; only the order within a row matters.
    k : int
        Length of each sample's top list, 1 <= k <= n_labels.
    labels : array-like, optional
        Multi-class only: the class value of each score column.

    Returns
    -------
    float
        Between 0 and 1.

    Raises
    ------
    ValueError
        If ``k`` is out of range or the inputs do not match.

    Notes
    -----
    The denominator is always k, even when a sample has fewer than k true
    labels (so a perfect model can score below 1); a sample with no true label
    contributes 0. Ties at the k-th score: the lower index is inside (as in
    :func:`top_k_accuracy`).

    Examples
    --------
    >>> precision_at_k([[1, 0, 1], [0, 1, 0]], [[.9, .8, .1], [.2, .7, .1]], 2)
    0.5
    """
    inp, k = _topk_input(y_true, y_score, k, "precision@k", labels)
    hits, _ = _label_hits(inp, k)
    return float(np.mean(hits / k))


def recall_at_k(y_true, y_score, k, *, labels=None):
    """Mean over samples of (true labels among the k highest scores) / (true labels).

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels) or (n_samples,)
        Multi-label 0/1 indicator, or multi-class labels (then recall@k =
        top-k accuracy).
    y_score : array-like of shape (n_samples, n_labels)
        One score per label; only the order within a row matters.
    k : int
        Length of each sample's top list, 1 <= k <= n_labels.
    labels : array-like, optional
        Multi-class only: the class value of each score column.

    Returns
    -------
    float
        Between 0 and 1.

    Raises
    ------
    ValueError
        If no sample has a true label (recall is 0/0 everywhere), ``k`` is
        out of range or the inputs do not match.

    Notes
    -----
    Samples with no true label are left out of the mean. Ties at the k-th
    score: the lower index is inside (as in :func:`top_k_accuracy`).

    Examples
    --------
    >>> recall_at_k([[1, 0, 1], [0, 1, 0]], [[.9, .8, .1], [.2, .7, .1]], 2)
    0.75
    """
    inp, k = _topk_input(y_true, y_score, k, "recall@k", labels)
    hits, n_true = _label_hits(inp, k)
    keep = n_true > 0
    if not keep.any():
        raise ValueError(
            "y_true has no true labels in any sample, so recall@k is undefined; "
            "check that y_true is the indicator matrix of the true labels"
        )
    return float(np.mean(hits[keep] / n_true[keep]))


def _best_true_rank0(truth: np.ndarray, score: np.ndarray) -> np.ndarray:
    """0-based rank of each row's best-ranked true label (m for rows with none)."""
    n, m = score.shape
    rank = np.empty(n, dtype=np.int64)
    cols = np.arange(m)
    low = -np.inf if score.dtype.kind == "f" else np.iinfo(score.dtype).min
    for r0 in range(0, n, _ROW_BLOCK):
        r1 = min(n, r0 + _ROW_BLOCK)
        s = score[r0:r1]
        t = truth[r0:r1] != 0
        best = np.where(t, s, low).max(axis=1)[:, None]
        # Among true labels tied at the best score, the lowest index ranks first.
        best_col = np.argmax(t & (s == best), axis=1)[:, None]
        above = np.count_nonzero(s > best, axis=1)
        tied_before = np.count_nonzero((s == best) & (cols < best_col), axis=1)
        rank[r0:r1] = np.where(t.any(axis=1), above + tied_before, m)
    return rank


def _rank0(inp) -> np.ndarray:
    if inp.kind == "multiclass":
        return _rank0_of_true(inp.y, inp.score)
    return _best_true_rank0(inp.y, inp.score)


def rank_of_true_class(y_true, y_score, *, labels=None):
    """Rank of the true class in each sample's scores (1 = highest score).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Class labels, or a multi-label 0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_classes)
        One score per class; only the order within a row matters.
    labels : array-like, optional
        Multi-class only: the class value of each score column.

    Returns
    -------
    ndarray of int64, shape (n_samples,)
        ``rank <= k`` exactly when the sample is a top-k hit, so
        ``np.mean(rank <= k) == top_k_accuracy(y_true, y_score, k)``.

    Raises
    ------
    ValueError
        If ``y_score`` has a single column or the inputs do not match.

    Notes
    -----
    Ties: a class tied with the true class ranks before it when its index is
    lower (the rule of :func:`top_k_accuracy`). Multi-label input: the rank of
    the sample's best-ranked true label; a sample with no true label gets
    ``n_labels + 1`` (never a hit).

    Examples
    --------
    >>> rank_of_true_class([0, 2], [[.1, .7, .2], [.3, .3, .3]]).tolist()
    [3, 3]
    """
    inp, _ = _topk_input(y_true, y_score, 1, "rank_of_true_class", labels)
    return _rank0(inp) + 1


def top_k_accuracy_curve(y_true, y_score, *, max_k=10, labels=None):
    """Top-k accuracy for every k = 1..max_k from one pass over the scores.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Multi-class labels or a multi-label indicator.
    y_score : array-like of shape (n_samples, n_classes)
        One score per class; only the order within a row matters.
    max_k : int, default=10
        Largest k; capped at the number of classes.
    labels : array-like, optional
        Multi-class only: the class value of each score column.

    Returns
    -------
    ndarray of shape (max_k,)
        Element ``k - 1`` equals ``top_k_accuracy(y_true, y_score, k)``.

    Raises
    ------
    ValueError
        If ``max_k`` is below 1 or the inputs do not match.

    Notes
    -----
    Computed from :func:`rank_of_true_class` (same tie rule): the share of
    samples whose true class (multi-label: best-ranked true label) has rank at
    most k.

    Examples
    --------
    >>> top_k_accuracy_curve([0, 2], [[.1, .7, .2], [.3, .5, .2]]).tolist()
    [0.0, 0.0, 1.0]
    """
    inp, _ = _topk_input(y_true, y_score, 1, "top_k_accuracy_curve", labels)
    m = inp.score.shape[1]
    if not isinstance(max_k, bool) and isinstance(max_k, (int, np.integer)):
        max_k = min(int(max_k), m)
    max_k = check_k(max_k, m, name="max_k")
    rank0 = _rank0(inp)
    counts = np.bincount(np.minimum(rank0, max_k), minlength=max_k + 1)[:max_k]
    return np.cumsum(counts) / rank0.size


def _top_1(score: np.ndarray) -> np.ndarray:
    """Top-1 class per row under the shared tie rule (numpy's argmax)."""
    return np.argmax(score, axis=1)


def label_hits_at_k(y_true, y_score, k, *, labels=None):
    """Per label: how many of its positives are among their sample's top k.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels) or (n_samples,)
        Multi-label 0/1 indicator (multi-class labels are accepted too).
    y_score : array-like of shape (n_samples, n_labels)
        One score per label; only the order within a row matters.
    k : int
        Length of each sample's top list.
    labels : array-like, optional
        Multi-class only: the class value of each score column.

    Returns
    -------
    ndarray of int64, shape (n_labels,)
        Divide by ``y_true.sum(axis=0)`` for each label's recall at k: the
        share of its positives that a top-k list would show.

    Raises
    ------
    ValueError
        If ``k`` is out of range or the inputs do not match.

    Notes
    -----
    The same top-k sets (and tie rule: lower index first) as
    :func:`top_k_accuracy`.

    Examples
    --------
    >>> label_hits_at_k([[1, 0, 1], [0, 1, 0]], [[.9, .8, .1], [.2, .7, .1]], 1)
    array([1, 1, 0])
    """
    inp, k = _topk_input(y_true, y_score, k, "label_hits_at_k", labels)
    m = inp.score.shape[1]
    if inp.kind == "multiclass":
        hit = _rank0_of_true(inp.y, inp.score) < k
        return np.bincount(inp.y[hit], minlength=m).astype(np.int64)
    _, cols, inside = _positives_in_top_k(inp.y, inp.score, k)
    return np.bincount(cols[inside], minlength=m).astype(np.int64)


def tied_predictions(y_score) -> int:
    """How many rows have their argmax decided by a tie.

    Parameters
    ----------
    y_score : array-like of shape (n_samples, n_classes)
        One score per class.

    Returns
    -------
    int
        The number of rows whose highest score is shared by two or more
        classes. Those rows are predicted as the tied class with the lowest
        index (numpy's ``argmax``); another tie rule could predict another
        class for each of them.

    Raises
    ------
    ValueError
        If ``y_score`` is not a 2-D array of finite numbers.

    Notes
    -----
    Use it to say how much of an accuracy or a top-k number rests on the tie
    rule: when the count is 0 every tie rule gives the same predictions.

    Examples
    --------
    >>> tied_predictions([[.5, .5, 0], [.2, .7, .1], [1, 1, 1]])
    2
    """
    score = _score_array(_to_numpy(y_score), "y_score")
    if score.ndim != 2:
        raise ValueError(
            f"y_score must be 2-D (samples x classes) to have an argmax per row, "
            f"got shape {score.shape}"
        )
    n = score.shape[0]
    tied = 0
    for r0 in range(0, n, _ROW_BLOCK):
        s = score[r0 : r0 + _ROW_BLOCK]
        top = s.max(axis=1, keepdims=True)
        tied += int(np.count_nonzero(np.count_nonzero(s == top, axis=1) > 1))
    return tied
