"""Counting metrics: confusion matrices, precision, recall, F1, reports.

Everything here works from counts (true positives, false positives, ...) and
is plain numpy; ``report_from_confusion`` and ``counts_at_thresholds`` return
pandas DataFrames so a learner can print them directly. No matplotlib.

Conventions used throughout
---------------------------
- Labels are class indices ``0 .. n_classes - 1`` (integers).
- Confusion matrices have **rows = true class, columns = predicted class**
  (scikit-learn's orientation).
- A score at or above the threshold is a positive prediction
  (``y_score >= threshold``), the convention of scikit-learn's curves.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import (
    as_array,
    check_binary,
    check_choice,
    check_class_names,
    check_labels,
    check_same_length,
)

__all__ = [
    "confusion_matrix",
    "accuracy",
    "precision_recall_f1",
    "report_from_confusion",
    "counts_at_thresholds",
    "normalize_confusion",
    "top_confusions",
]

_AVERAGES = (None, "macro", "micro", "weighted", "binary")


def _check_zero_division(zero_division) -> float:
    try:
        value = float(zero_division)
    except (TypeError, ValueError):
        value = None
    if value is None or not (value in (0.0, 1.0) or np.isnan(value)):
        raise ValueError(
            f"zero_division must be 0.0, 1.0 or np.nan, got {zero_division!r}; it is "
            "the value used when a ratio has nothing to divide by (for example the "
            "precision of a class that is never predicted)"
        )
    return value


def _divide(num: np.ndarray, den: np.ndarray, zero_division: float) -> np.ndarray:
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    out = np.full(np.broadcast(num, den).shape, zero_division, dtype=np.float64)
    np.divide(num, den, out=out, where=den != 0)
    return out


def _nanaverage(values: np.ndarray, weights: np.ndarray | None = None) -> float:
    """Average ignoring NaN (as scikit-learn does with ``zero_division=np.nan``)."""
    values = np.asarray(values, dtype=np.float64)
    if values.size == 0:
        return float("nan")
    keep = ~np.isnan(values)
    if not keep.any():
        return float("nan")
    if weights is None:
        return float(values[keep].mean())
    weights = np.asarray(weights, dtype=np.float64)[keep]
    if weights.sum() == 0:
        return float(values[keep].mean())
    return float(np.average(values[keep], weights=weights))


def _check_n_classes(n_classes, needed: int) -> int:
    if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)):
        raise ValueError(f"n_classes must be a positive integer, got {n_classes!r}")
    if n_classes < needed:
        raise ValueError(
            f"n_classes={n_classes} but the labels go up to {needed - 1}; pass "
            f"n_classes={needed} or more (labels are class indices 0..n_classes-1)"
        )
    return int(n_classes)


def _labels_pair(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    truth = check_labels(y_true, "y_true")
    pred = check_labels(y_pred, "y_pred")
    check_same_length(truth, pred, "y_true", "y_pred")
    return truth, pred


def confusion_matrix(y_true, y_pred, *, n_classes=None) -> np.ndarray:
    """Count every (true class, predicted class) pair.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class indices.
    y_pred : array-like of shape (n_samples,)
        Predicted class indices (for probabilities: ``y_score.argmax(axis=1)``).
    n_classes : int, optional
        Number of classes. Without it the matrix covers the classes that occur
        in ``y_true`` or ``y_pred``, in sorted order, exactly like
        :func:`sklearn.metrics.confusion_matrix`. Pass it to get one row and
        one column per class ``0 .. n_classes - 1`` even when a class never
        occurs.

    Returns
    -------
    numpy.ndarray of shape (k, k), dtype int64
        ``cm[i, j]`` = number of samples of true class ``i`` predicted as ``j``.

    Notes
    -----
    Rows = true class, columns = predicted class. The row sums are the class
    supports; the column sums are how often each class was predicted; the
    diagonal holds the correct predictions.
    """
    truth, pred = _labels_pair(y_true, y_pred)
    if n_classes is None:
        classes, inverse = np.unique(np.concatenate([truth, pred]), return_inverse=True)
        k = classes.size
        t_idx, p_idx = inverse[: truth.size], inverse[truth.size :]
    else:
        k = _check_n_classes(n_classes, int(max(truth.max(), pred.max())) + 1)
        t_idx, p_idx = truth, pred
    return np.bincount(t_idx * k + p_idx, minlength=k * k).reshape(k, k)


def accuracy(y_true, y_pred) -> float:
    """Fraction of samples whose predicted class equals the true class.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted class indices.

    Returns
    -------
    float

    Notes
    -----
    Equal to ``np.trace(cm) / cm.sum()`` for the confusion matrix ``cm``, and to
    micro-averaged precision, recall and F1 for single-label (multi-class)
    predictions.
    """
    truth, pred = _labels_pair(y_true, y_pred)
    return float(np.mean(truth == pred))


def _prf_from_counts(tp, pred_sum, true_sum, average, zero_division):
    """Precision, recall, F1 (per class or averaged) from per-class counts."""
    tp = np.asarray(tp, dtype=np.int64)
    pred_sum = np.asarray(pred_sum, dtype=np.int64)
    true_sum = np.asarray(true_sum, dtype=np.int64)
    if average == "micro":
        tp, pred_sum, true_sum = (
            np.atleast_1d(a.sum()) for a in (tp, pred_sum, true_sum)
        )
    precision = _divide(tp, pred_sum, zero_division)
    recall = _divide(tp, true_sum, zero_division)
    # F1 = 2 TP / (2 TP + FP + FN) = 2 TP / (true_sum + pred_sum), as scikit-learn.
    f1 = _divide(2 * tp, true_sum + pred_sum, zero_division)
    if average is None:
        return precision, recall, f1, true_sum
    weights = true_sum if average == "weighted" else None
    return (
        _nanaverage(precision, weights),
        _nanaverage(recall, weights),
        _nanaverage(f1, weights),
        None,
    )


def precision_recall_f1(
    y_true,
    y_pred,
    *,
    average=None,
    pos_label=1,
    zero_division=0.0,
    n_classes=None,
):
    """Precision, recall, F1 and support, per class or averaged.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted class indices.
    average : {None, "macro", "micro", "weighted", "binary"}, default None
        ``None``: one value per class. ``"macro"``: plain mean over classes.
        ``"weighted"``: mean weighted by support. ``"micro"``: from the summed
        counts (equals accuracy for single-label data). ``"binary"``: the
        ``pos_label`` class only; y_true and y_pred must hold at most two values.
    pos_label : int, default 1
        The positive class when ``average="binary"``.
    zero_division : {0.0, 1.0, np.nan}, default 0.0
        Value of a ratio whose denominator is zero (precision of a class never
        predicted, recall of a class with no samples). ``np.nan`` leaves such
        classes out of the averages.
    n_classes : int, optional
        Report classes ``0 .. n_classes - 1``; by default the classes present
        in ``y_true`` or ``y_pred``, sorted (scikit-learn's default).

    Returns
    -------
    precision, recall, f1, support
        Arrays of shape (k,) when ``average`` is None; floats (and
        ``support=None``) otherwise, like
        :func:`sklearn.metrics.precision_recall_fscore_support`.

    Notes
    -----
    F1 is computed as ``2 TP / (2 TP + FP + FN)``, which equals the harmonic
    mean of precision and recall whenever both are defined. The numbers match
    :func:`sklearn.metrics.precision_recall_fscore_support` with the same
    ``average``, ``pos_label`` and ``zero_division``.
    """
    check_choice(average, "average", _AVERAGES)
    zero_division = _check_zero_division(zero_division)
    truth, pred = _labels_pair(y_true, y_pred)
    if average == "binary":
        present = np.unique(np.concatenate([truth, pred]))
        if present.size > 2:
            raise ValueError(
                f"average='binary' needs two classes but y_true and y_pred hold "
                f"{present.size} ({present[:10].tolist()}); use average='macro', "
                "'weighted' or 'micro', or None for one value per class"
            )
        if pos_label not in present.tolist() and present.size == 2:
            raise ValueError(
                f"pos_label={pos_label!r} is not one of the classes "
                f"{present.tolist()}; pass the label of the positive class"
            )
        pos = truth == pos_label
        hit = pred == pos_label
        tp = np.array([np.sum(pos & hit)])
        return _prf_from_counts(tp, [hit.sum()], [pos.sum()], "macro", zero_division)
    cm = confusion_matrix(truth, pred, n_classes=n_classes)
    tp = np.diag(cm)
    return _prf_from_counts(tp, cm.sum(axis=0), cm.sum(axis=1), average, zero_division)


def _check_confusion(cm) -> np.ndarray:
    arr = as_array(cm, "cm")
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
        raise ValueError(
            f"cm must be a square (n_classes, n_classes) matrix of counts, got shape "
            f"{arr.shape}; rows are true classes and columns predicted classes"
        )
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number):
        raise ValueError(f"cm must hold counts (numbers), got dtype {arr.dtype}")
    if not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr)):
        raise ValueError(
            "cm must hold whole-number counts; got fractions or NaN. Pass the raw "
            "counts, not a normalised matrix (normalise only for display)"
        )
    if (arr < 0).any():
        raise ValueError("cm holds negative counts; a confusion matrix counts samples")
    if arr.sum() == 0:
        raise ValueError("cm is all zeros; there are no samples to report on")
    return arr.astype(np.int64)


def report_from_confusion(cm, labels=None, *, zero_division=0.0) -> pd.DataFrame:
    """The classification report behind a confusion matrix.

    Parameters
    ----------
    cm : array-like of shape (k, k)
        Counts with rows = true class and columns = predicted class (the
        layout of :func:`confusion_matrix` and scikit-learn's).
    labels : sequence of str, optional
        Class names, in row order; default ``"0"``, ``"1"``, ...
    zero_division : {0.0, 1.0, np.nan}, default 0.0
        Value used for a precision or recall with nothing to divide by
        (scikit-learn's default ``"warn"`` also gives 0.0).

    Returns
    -------
    pandas.DataFrame
        One row per class, then ``"accuracy"``, ``"macro avg"`` and
        ``"weighted avg"``; columns ``precision``, ``recall``, ``f1-score``,
        ``support``. It equals
        ``pd.DataFrame(classification_report(y_true, y_pred, output_dict=True)).T``
        for any predictions whose confusion matrix is ``cm``.

    Notes
    -----
    Rows of ``cm`` = true class. Per class: precision = diagonal / column sum,
    recall = diagonal / row sum, support = row sum. The ``"accuracy"`` row
    repeats the accuracy in every column (including ``support``), exactly as
    pandas lays out scikit-learn's ``output_dict``, where ``"accuracy"`` is a
    single number. Every class of ``cm`` is reported, even one with no samples
    and no predictions: this matches scikit-learn called with
    ``labels=range(k)``.
    """
    matrix = _check_confusion(cm)
    zero_division = _check_zero_division(zero_division)
    k = matrix.shape[0]
    names = check_class_names(labels, k)
    if len(set(names)) != k:
        raise ValueError(f"labels must be distinct names, got {names}")
    reserved = {"accuracy", "macro avg", "weighted avg"} & set(names)
    if reserved:
        raise ValueError(f"labels may not use the row names {sorted(reserved)}")
    tp = np.diag(matrix)
    pred_sum = matrix.sum(axis=0)
    true_sum = matrix.sum(axis=1)
    p, r, f, s = _prf_from_counts(tp, pred_sum, true_sum, None, zero_division)
    total = float(true_sum.sum())
    acc = float(tp.sum() / total)
    rows = {name: [p[i], r[i], f[i], float(s[i])] for i, name in enumerate(names)}
    rows["accuracy"] = [acc, acc, acc, acc]
    for avg, key in (("macro", "macro avg"), ("weighted", "weighted avg")):
        ap, ar, af, _ = _prf_from_counts(tp, pred_sum, true_sum, avg, zero_division)
        rows[key] = [ap, ar, af, total]
    frame = pd.DataFrame.from_dict(
        rows, orient="index", columns=["precision", "recall", "f1-score", "support"]
    )
    return frame


def counts_at_thresholds(
    y_true, y_score, thresholds, *, pos_label=1, zero_division=0.0
) -> pd.DataFrame:
    """Confusion counts and precision / recall / F1 at chosen thresholds.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary targets (0/1 or two labels; ``pos_label`` is the positive one).
        For one class of a multi-class problem pass ``y_true == k``.
    y_score : array-like of shape (n_samples,)
        Score of the positive class (for class ``k`` of a softmax output:
        ``proba[:, k]``).
    thresholds : float or array-like of float
        The thresholds to evaluate, in any order.
    pos_label : int, default 1
        Which value of ``y_true`` is positive.
    zero_division : {0.0, 1.0, np.nan}, default 0.0
        Precision when nothing is predicted positive (threshold above every
        score). 0.0 matches ``sklearn.metrics.precision_score``.

    Returns
    -------
    pandas.DataFrame
        One row per threshold (in the order given) with columns
        ``threshold, tp, fp, tn, fn, precision, recall, f1, fpr``
        (``recall`` is the true positive rate; ``fpr`` is the false positive
        rate ``fp / (fp + tn)``).

    Notes
    -----
    A sample is predicted positive when ``y_score >= threshold``: the same cut
    as :func:`sklearn.metrics.precision_recall_curve` and ``roc_curve``, so a
    threshold taken from those curves reproduces their point. (``y_score >
    threshold`` differs only for samples whose score equals the threshold.)
    The counts are exact: scores are sorted once and each threshold is located
    by binary search, so thousands of thresholds cost little.
    """
    truth, score = check_binary(y_true, y_score, pos_label=pos_label)
    zero_division = _check_zero_division(zero_division)
    cuts = np.atleast_1d(as_array(thresholds, "thresholds")).astype(np.float64)
    if cuts.ndim != 1:
        raise ValueError(
            f"thresholds must be a number or a 1-D array, got shape {cuts.shape}"
        )
    if np.isnan(cuts).any():
        raise ValueError("thresholds holds NaN; pass real numbers")
    pos_scores = np.sort(score[truth == 1])
    neg_scores = np.sort(score[truth == 0])
    tp = pos_scores.size - np.searchsorted(pos_scores, cuts, side="left")
    fp = neg_scores.size - np.searchsorted(neg_scores, cuts, side="left")
    fn = pos_scores.size - tp
    tn = neg_scores.size - fp
    precision = _divide(tp, tp + fp, zero_division)
    recall = _divide(tp, tp + fn, zero_division)
    f1 = _divide(2 * tp, 2 * tp + fp + fn, zero_division)
    fpr = _divide(fp, fp + tn, zero_division)
    return pd.DataFrame(
        {
            "threshold": cuts,
            "tp": tp.astype(np.int64),
            "fp": fp.astype(np.int64),
            "tn": tn.astype(np.int64),
            "fn": fn.astype(np.int64),
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "fpr": fpr,
        }
    )


_NORMALIZE = (None, "true", "pred", "all")


def normalize_confusion(cm, normalize="true") -> np.ndarray:
    """Shares of a confusion matrix: per true class, per predicted class, or overall.

    Parameters
    ----------
    cm : array-like of shape (k, k)
        Counts, rows = true class, columns = predicted class.
    normalize : {"true", "pred", "all", None}, default "true"
        ``"true"``: divide each row by its sum (the diagonal is then each
        class's recall). ``"pred"``: divide each column by its sum (the diagonal
        is each class's precision). ``"all"``: divide by the total. ``None``:
        the counts as floats.

    Returns
    -------
    numpy.ndarray of float, shape (k, k)
        Shares between 0 and 1. A row (or column) with no samples gives NaN,
        since "what share of nothing" has no answer.

    Notes
    -----
    Same meaning of ``normalize`` as ``sklearn.metrics.confusion_matrix``, which
    gives 0 instead of NaN for an empty row or column.
    """
    check_choice(normalize, "normalize", _NORMALIZE)
    matrix = _check_confusion(cm).astype(np.float64)
    if normalize is None:
        return matrix
    if normalize == "true":
        den = matrix.sum(axis=1, keepdims=True)
    elif normalize == "pred":
        den = matrix.sum(axis=0, keepdims=True)
    else:
        den = np.full((1, 1), matrix.sum())
    return _divide(matrix, np.broadcast_to(den, matrix.shape), np.nan)


def top_confusions(cm, n=5, *, labels=None) -> pd.DataFrame:
    """The most frequent mistakes: off-diagonal cells with the largest counts.

    Parameters
    ----------
    cm : array-like of shape (k, k)
        Counts, rows = true class, columns = predicted class.
    n : int, default 5
        How many cells to return (fewer if fewer cells are non-zero).
    labels : sequence of str, optional
        Class names, in label order.

    Returns
    -------
    pandas.DataFrame
        Columns ``true``, ``predicted`` (class indices), ``true_name``,
        ``predicted_name``, ``count`` and ``share_of_true`` (count divided by
        the support of the true class), sorted by count, largest first.

    Notes
    -----
    Ties in count are broken by true class, then predicted class, so the
    order is reproducible. Cells with a count of zero are never returned.
    """
    matrix = _check_confusion(cm)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    k = matrix.shape[0]
    names = check_class_names(labels, k)
    off = matrix.copy()
    np.fill_diagonal(off, 0)
    flat = off.ravel()
    order = np.lexsort((np.arange(flat.size), -flat))
    order = order[flat[order] > 0][: int(n)]
    true, pred = np.divmod(order, k)
    support = matrix.sum(axis=1)
    return pd.DataFrame(
        {
            "true": true.astype(np.int64),
            "predicted": pred.astype(np.int64),
            "true_name": [names[i] for i in true],
            "predicted_name": [names[j] for j in pred],
            "count": flat[order].astype(np.int64),
            "share_of_true": flat[order] / support[true],
        }
    )
