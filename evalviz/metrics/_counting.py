"""Counting metrics: confusion matrices, precision, recall, F1, reports.

Everything here works from counts (true positives, false positives, ...) and
is plain numpy at import time; ``report_from_confusion``,
``counts_at_thresholds`` and ``top_confusions`` return pandas DataFrames and
import pandas when they are called. No matplotlib.

Conventions used throughout:

- Labels are class values of any sortable type (ints, bools, strings), read by
  ``read_inputs``; by default the classes are the sorted values found in
  ``y_true`` or ``y_pred`` (scikit-learn's class set); ``labels=`` picks the
  class values and their order, as in scikit-learn's metrics.
- Confusion matrices have **rows = true class, columns = predicted class**
  (scikit-learn's orientation).
- A score at or above the threshold is a positive prediction
  (``y_score >= threshold``), the convention of scikit-learn's curves.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import numpy as np

from .._validation import (
    _read_labels_arg,
    _read_sample_weight,
    _show,
    as_array,
    check_choice,
    check_confusion,
    read_inputs,
)
from ._prfs import _read_targets, precision_recall_fscore_support
from ._sweep import binary_sweep, counts_at

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "confusion_matrix",
    "accuracy",
    "precision_recall_f1",
    "report_from_confusion",
    "counts_at_thresholds",
    "normalize_confusion",
    "top_confusions",
]


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


def _read_pair(y_true, y_pred):
    """True and predicted labels as indices into one sorted class set."""
    return read_inputs(y_true, y_pred=y_pred, kind="multiclass")


def _label_index(classes: np.ndarray, labels, n_classes) -> np.ndarray | None:
    """Position in ``classes`` of each class asked for (-1: never seen), or None.

    ``labels`` are class values (scikit-learn's meaning); ``n_classes=k`` is
    ``labels=range(k)`` for integer labels.
    """
    if labels is not None and n_classes is not None:
        raise ValueError("pass labels= or n_classes=, not both")
    if n_classes is not None:
        if classes.dtype.kind not in "iub":
            raise ValueError(
                f"n_classes= needs integer labels, but the labels are {classes.dtype} "
                "values; pass labels= with the class values in the order wanted"
            )
        k = _check_n_classes(n_classes, int(classes.max()) + 1)
        labels = np.arange(k)
    if labels is None:
        return None
    wanted = np.asarray(list(labels)).tolist()
    if len(wanted) == 0:
        raise ValueError(
            "labels= is empty ('labels' should contain at least one label.); pass "
            "the class values to report"
        )
    if len(set(wanted)) != len(wanted):
        raise ValueError(f"labels= must be distinct class values, got {wanted[:10]}")
    lookup = {c: i for i, c in enumerate(classes.tolist())}
    idx = np.array([lookup.get(v, -1) for v in wanted], dtype=np.int64)
    text = np.asarray(list(labels)).dtype.kind in "US"
    if (idx < 0).all() and text and classes.dtype.kind != "U":
        # One release: names in labels= (read_inputs' rule, with a warning).
        values, names = _read_labels_arg(labels, classes, None)
        if names is not None:
            if values is None:
                return None
            return np.array([lookup.get(v, -1) for v in values.tolist()], np.int64)
    if (idx < 0).all():
        raise ValueError(
            "At least one label specified must be in y_true: "
            f"none of labels={wanted[:10]} occurs in y_true or y_pred, whose classes "
            f"are {classes.tolist()[:10]}; labels= names the class values to use (as "
            "in scikit-learn's metrics), not the names to show"
        )
    return idx


def _select(cm_full: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """The confusion matrix of the classes ``idx`` (-1: a class with no samples)."""
    k = idx.size
    ok = idx >= 0
    cm = np.zeros((k, k), dtype=cm_full.dtype)
    cm[np.ix_(ok, ok)] = cm_full[np.ix_(idx[ok], idx[ok])]
    return cm


def confusion_matrix(
    y_true, y_pred, *, labels=None, sample_weight=None, normalize=None, n_classes=None
) -> np.ndarray:
    """Count every (true class, predicted class) pair.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels of any sortable type (ints, bools, strings).
    y_pred : array-like of shape (n_samples,)
        Predicted class labels (for scores: ``y_score.argmax(axis=1)``).
    labels : array-like of shape (k,), optional
        The class values to count and their order (scikit-learn's meaning).
        Samples whose true or predicted label is not listed are left out; a
        listed class absent from the data gets a row and a column of zeros.
        Default: the classes found in ``y_true`` or ``y_pred``, sorted.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample: each cell sums the weights of its
        samples (integer weights give integer cells).
    normalize : {None, "true", "pred", "all"}, default None
        Shares instead of counts, as :func:`normalize_confusion`: per row,
        per column or of the total. An empty row or column gives NaN.
    n_classes : int, optional
        Shorthand for ``labels=range(n_classes)`` with integer labels: one row
        and one column per class ``0 .. n_classes - 1`` even when a class never
        occurs.

    Returns
    -------
    numpy.ndarray of shape (k, k)
        ``cm[i, j]`` = number (or weight) of samples of true class ``i``
        predicted as ``j``: int64, float64 with non-integer weights or
        ``normalize``.

    Raises
    ------
    ValueError
        If the labels cannot be read, ``labels`` lists no class that occurs,
        ``n_classes`` is too small, or the weights are not one finite
        non-negative number per sample.

    Warns
    -----
    UserWarning
        When the data hold a single class and neither ``labels`` nor
        ``n_classes`` is given (the 1 x 1 matrix is probably not the shape
        wanted), as scikit-learn warns.

    Notes
    -----
    Rows = true class, columns = predicted class, exactly like
    :func:`sklearn.metrics.confusion_matrix` with the same ``labels`` and
    ``sample_weight``. The row sums are the class supports; the column sums
    are how often each class was predicted; the diagonal holds the correct
    predictions. One difference: with ``normalize``, a row (or column) with no
    samples is NaN here and 0 in scikit-learn ("what share of nothing" has no
    answer).

    Examples
    --------
    >>> confusion_matrix(["cat", "dog", "dog"], ["cat", "cat", "dog"])
    array([[1, 0],
           [1, 1]])
    >>> confusion_matrix([0, 1, 1], [0, 0, 1], sample_weight=[1, 2, 3])
    array([[1, 0],
           [2, 3]])
    """
    check_choice(normalize, "normalize", _NORMALIZE)
    inp = _read_pair(y_true, y_pred)
    sw = _read_sample_weight(sample_weight, inp.n_samples)
    m = inp.n_classes
    cells = inp.y * m + inp.y_pred
    if sw is not None and sw.dtype.kind == "i" and sw.sum() >= 2**53:
        cm_full = np.zeros(m * m, dtype=np.int64)
        np.add.at(cm_full, cells, sw)  # exact integer sums beyond float64's 2**53
    else:
        cm_full = np.bincount(cells, weights=sw, minlength=m * m)
        if sw is not None and sw.dtype.kind == "i":
            cm_full = cm_full.astype(np.int64)  # exact: the total is below 2**53
    cm_full = cm_full.reshape(m, m)
    idx = _label_index(inp.classes, labels, n_classes)
    if idx is not None and not np.isin(idx, np.unique(inp.y)).any():
        raise ValueError(
            f"At least one label specified must be in y_true: none of labels="
            f"{_show(labels)} occurs in y_true, whose classes are "
            f"{_show(inp.classes[np.unique(inp.y)])}; labels= names the class values "
            "to use (as in scikit-learn's metrics), not the names to show"
        )
    cm = cm_full if idx is None else _select(cm_full, idx)
    if cm.shape == (1, 1) and labels is None and n_classes is None:
        warnings.warn(
            "A single label was found in 'y_true' and 'y_pred'. For the confusion "
            "matrix to have the correct shape, use the 'labels' parameter to pass "
            "all known labels.",
            UserWarning,
            stacklevel=2,
        )
    if normalize is not None:
        return normalize_confusion(cm, normalize)
    return cm


def accuracy(y_true, y_pred, *, labels=None, sample_weight=None) -> float:
    """Fraction of samples whose predicted class equals the true class.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels of any sortable type, or a 0/1 indicator matrix
        (multi-label: a sample counts as right only if every label is).
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    labels : array-like, optional
        The class values; when given, every label in ``y_true`` and ``y_pred``
        must be one of them (a check; every sample counts). Single-label only.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.

    Returns
    -------
    float
        Between 0 and 1 (the weighted share with ``sample_weight``).

    Raises
    ------
    ValueError
        If the labels cannot be read or are not among ``labels``, or the
        weights sum to zero.

    Notes
    -----
    Equal to ``np.trace(cm) / cm.sum()`` for the confusion matrix ``cm``, and to
    micro-averaged precision, recall and F1 for single-label (multi-class)
    predictions. Multi-label: the exact-match (subset) accuracy. Equal to
    scikit-learn's ``accuracy_score``.

    Examples
    --------
    >>> accuracy(["cat", "dog", "dog"], ["cat", "cat", "dog"])
    0.6666666666666666
    >>> accuracy([[1, 0], [1, 1]], [[1, 0], [0, 1]])
    0.5
    """
    if labels is None:
        inp = _read_targets(y_true, y_pred)
    else:
        inp = read_inputs(y_true, y_pred=y_pred, labels=labels, kind="multiclass")
    sw = _read_sample_weight(sample_weight, inp.n_samples)
    if inp.kind == "multilabel":
        right = np.all(inp.y == inp.y_pred, axis=1)
    else:
        right = inp.y == inp.y_pred
    if sw is None:
        return float(np.mean(right))
    if sw.sum() == 0:
        raise ValueError(
            "sample_weight sums to 0, so the weighted accuracy is undefined; give "
            "at least one sample a positive weight"
        )
    return float(np.average(right, weights=sw))


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
    labels=None,
    pos_label=1,
    sample_weight=None,
    zero_division="warn",
    n_classes=None,
):
    """Precision, recall, F1 and support, per class or averaged.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels of any sortable type (ints, bools, strings), or a
        0/1 indicator matrix (multi-label).
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    average : {None, "macro", "micro", "weighted", "binary", "samples"}, default None
        ``None``: one value per class. ``"macro"``: plain mean over classes.
        ``"weighted"``: mean weighted by support. ``"micro"``: from the summed
        counts (equals accuracy for single-label data over all classes).
        ``"binary"``: the ``pos_label`` class only; y_true and y_pred must hold
        at most two values. ``"samples"`` (multi-label): mean over samples.
    labels : array-like, optional
        The classes to report and average over, in order (scikit-learn's
        meaning; column indices for an indicator matrix). A listed class with
        no samples and no predictions counts with ``zero_division``. Default:
        the classes found in ``y_true`` or ``y_pred``, sorted.
    pos_label : int, bool or str, default 1
        The positive class when ``average="binary"``.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default "warn"
        Value of a ratio whose denominator is zero (precision of a class never
        predicted, recall of a class with no samples). ``"warn"`` gives 0.0
        and an ``UndefinedMetricWarning``; ``np.nan`` leaves such classes out
        of the averages.
    n_classes : int, optional
        Shorthand for ``labels=range(n_classes)`` with integer labels.

    Returns
    -------
    precision, recall, f1 : ndarray of shape (k,) or float
        Arrays when ``average`` is None; floats otherwise.
    support : ndarray of shape (k,) or None
        Samples per class when ``average`` is None, else None, like
        :func:`sklearn.metrics.precision_recall_fscore_support`.

    Raises
    ------
    ValueError
        If ``average="binary"`` with more than two classes or an absent
        ``pos_label``, or if the labels cannot be read.

    Notes
    -----
    One class set for every average: the classes in ``y_true`` or ``y_pred``
    (or ``labels``), as scikit-learn does. F1 is ``2 TP / (2 TP + FP + FN)``,
    the harmonic mean of precision and recall whenever both are defined. The
    numbers and warnings match
    :func:`sklearn.metrics.precision_recall_fscore_support` with the same
    arguments; :func:`precision_recall_fscore_support` also takes ``beta``.

    Examples
    --------
    >>> p, r, f, s = precision_recall_f1(["no", "yes", "yes"], ["no", "no", "yes"])
    >>> p.tolist(), r.tolist(), s.tolist()
    ([0.5, 1.0], [1.0, 0.5], [1, 2])
    >>> precision_recall_f1([0, 1, 1], [0, 0, 1], average="binary")[:3]
    (1.0, 0.5, 0.6666666666666666)
    """
    if n_classes is not None:
        if labels is not None:
            raise ValueError("pass labels= or n_classes=, not both")
        inp = _read_targets(y_true, y_pred)
        if inp.kind == "multilabel":
            raise ValueError("n_classes= is for single-label targets; pass labels=")
        labels = list(range(_label_index(inp.classes, None, n_classes).size))
    return precision_recall_fscore_support(
        y_true, y_pred, beta=1.0, labels=labels, pos_label=pos_label,
        average=average, sample_weight=sample_weight, zero_division=zero_division,
    )  # fmt: skip


def _display_names(labels, display_labels, k: int) -> list[str]:
    if labels is not None and display_labels is not None:
        raise ValueError("pass the class names once, as display_labels=")
    given = display_labels if display_labels is not None else labels
    if given is None:
        return [str(i) for i in range(k)]
    names = [str(x) for x in given]
    if len(names) != k:
        what = "display_labels" if display_labels is not None else "labels"
        raise ValueError(
            f"{what} has {len(names)} names but the matrix has {k} classes; pass "
            "one name per class, in row order"
        )
    return names


def report_from_confusion(
    cm, labels=None, *, display_labels=None, zero_division=0.0
) -> pd.DataFrame:
    """The classification report behind a confusion matrix.

    Parameters
    ----------
    cm : array-like of shape (k, k)
        Counts with rows = true class and columns = predicted class (the
        layout of :func:`confusion_matrix` and scikit-learn's).
    labels : sequence of str, optional
        Class names, in row order (kept for compatibility; prefer
        ``display_labels``). Default ``"0"``, ``"1"``, ...
    display_labels : sequence of str, optional
        Class names, in row order (scikit-learn's ``target_names``).
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
        for any predictions whose confusion matrix is ``cm``, except the
        ``"accuracy"`` row's ``support``: the number of samples.

    Raises
    ------
    ValueError
        If ``cm`` is not a square matrix of counts, or the names do not match
        its size, repeat, or use a reserved row name.

    Notes
    -----
    Rows of ``cm`` = true class. Per class: precision = diagonal / column sum,
    recall = diagonal / row sum, support = row sum. The ``"accuracy"`` row
    repeats the accuracy in its three rate columns (scikit-learn's
    ``output_dict`` has it as a single number); its ``support`` is the number
    of samples, as in scikit-learn's text report. Every class of ``cm`` is reported, even one with no samples
    and no predictions: this matches scikit-learn called with
    ``labels=range(k)``.

    Examples
    --------
    >>> report = report_from_confusion([[3, 1], [0, 4]], display_labels=["no", "yes"])
    >>> report.loc["yes", ["precision", "recall"]].tolist()
    [0.8, 1.0]
    """
    import pandas as pd

    matrix = check_confusion(cm)
    zero_division = _check_zero_division(zero_division)
    k = matrix.shape[0]
    names = _display_names(labels, display_labels, k)
    if len(set(names)) != k:
        raise ValueError(f"the class names must be distinct, got {names}")
    reserved = {"accuracy", "macro avg", "weighted avg"} & set(names)
    if reserved:
        raise ValueError(f"class names may not use the row names {sorted(reserved)}")
    tp = np.diag(matrix)
    pred_sum = matrix.sum(axis=0)
    true_sum = matrix.sum(axis=1)
    p, r, f, s = _prf_from_counts(tp, pred_sum, true_sum, None, zero_division)
    total = float(true_sum.sum())
    acc = float(tp.sum() / total)
    rows = {name: [p[i], r[i], f[i], float(s[i])] for i, name in enumerate(names)}
    rows["accuracy"] = [acc, acc, acc, total]
    for avg, key in (("macro", "macro avg"), ("weighted", "weighted avg")):
        ap, ar, af, _ = _prf_from_counts(tp, pred_sum, true_sum, avg, zero_division)
        rows[key] = [ap, ar, af, total]
    return pd.DataFrame.from_dict(
        rows, orient="index", columns=["precision", "recall", "f1-score", "support"]
    )


def _read_cuts(thresholds) -> np.ndarray:
    cuts = np.atleast_1d(as_array(thresholds, "thresholds"))
    if cuts.dtype.kind not in "iu":  # integer thresholds stay exact
        cuts = cuts.astype(np.float64)
    if cuts.ndim != 1:
        raise ValueError(
            f"thresholds must be a number or a 1-D array, got shape {cuts.shape}"
        )
    if cuts.dtype.kind == "f" and np.isnan(cuts).any():
        raise ValueError("thresholds holds NaN; pass real numbers")
    return cuts


def counts_at_thresholds(
    y_true,
    y_score,
    thresholds,
    *,
    pos_label=None,
    sample_weight=None,
    zero_division=0.0,
) -> pd.DataFrame:
    """Confusion counts and precision / recall / F1 at chosen thresholds.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels of any type. For one class of a multi-class problem
        pass ``y_true == k``.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        Score of the positive class (for class ``k`` of a softmax output:
        ``proba[:, k]``); a binary ``(n, 2)`` ``predict_proba`` matrix is read
        as one column per class and its positive column is used.
    thresholds : float or array-like of float
        The thresholds to evaluate, in any order.
    pos_label : int, bool or str, optional
        Which value of ``y_true`` is positive. Needed unless the labels are
        {0, 1}, {-1, 1} or {False, True}.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample: the counts become sums of weights
        (floats), as with scikit-learn's ``sample_weight``.
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

    Raises
    ------
    ValueError
        If the positive class is not obvious and ``pos_label`` is missing,
        ``y_true`` has more than two classes, or a threshold is NaN.

    Notes
    -----
    A sample is predicted positive when ``y_score >= threshold``: the same cut
    as :func:`sklearn.metrics.precision_recall_curve` and ``roc_curve``, so a
    threshold taken from those curves reproduces their point. The counts are
    read off the same sweep as the curves (scores sorted once, each threshold
    located by binary search), so thousands of thresholds cost little.

    Examples
    --------
    >>> frame = counts_at_thresholds([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], [0.5, 0.3])
    >>> frame[["tp", "fp", "precision"]].values.tolist()
    [[1.0, 0.0, 1.0], [2.0, 1.0, 0.6666666666666666]]
    """
    import pandas as pd

    inp = read_inputs(y_true, y_score, pos_label=pos_label, kind="binary")
    zero_division = _check_zero_division(zero_division)
    cuts = _read_cuts(thresholds)
    sw = _read_sample_weight(sample_weight, inp.n_samples)
    fps, tps, distinct = binary_sweep(inp.y, inp.score, sample_weight=sw)
    fp, tp = counts_at(fps, tps, distinct, cuts)
    if sw is None:
        tp, fp = tp.astype(np.int64), fp.astype(np.int64)
        n_pos, total = int(np.count_nonzero(inp.y)), inp.n_samples
    else:
        tp, fp = tp.astype(np.float64), fp.astype(np.float64)
        n_pos, total = float(sw[inp.y == 1].sum()), float(sw.sum())
    fn = n_pos - tp
    tn = total - n_pos - fp
    return pd.DataFrame(
        {
            "threshold": cuts,
            "tp": tp,
            "fp": fp,
            "tn": tn,
            "fn": fn,
            "precision": _divide(tp, tp + fp, zero_division),
            "recall": _divide(tp, tp + fn, zero_division),
            "f1": _divide(2 * tp, 2 * tp + fp + fn, zero_division),
            "fpr": _divide(fp, fp + tn, zero_division),
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

    Examples
    --------
    >>> normalize_confusion([[3, 1], [0, 4]]).tolist()
    [[0.75, 0.25], [0.0, 1.0]]
    """
    check_choice(normalize, "normalize", _NORMALIZE)
    matrix = check_confusion(cm).astype(np.float64)
    if normalize is None:
        return matrix
    if normalize == "true":
        den = matrix.sum(axis=1, keepdims=True)
    elif normalize == "pred":
        den = matrix.sum(axis=0, keepdims=True)
    else:
        den = np.full((1, 1), matrix.sum())
    return _divide(matrix, np.broadcast_to(den, matrix.shape), np.nan)


def top_confusions(cm, n=5, *, labels=None, display_labels=None) -> pd.DataFrame:
    """The most frequent mistakes: off-diagonal cells with the largest counts.

    Parameters
    ----------
    cm : array-like of shape (k, k)
        Counts, rows = true class, columns = predicted class.
    n : int, default 5
        How many cells to return (fewer if fewer cells are non-zero).
    labels : sequence of str, optional
        Class names, in row order (kept for compatibility; prefer
        ``display_labels``).
    display_labels : sequence of str, optional
        Class names, in row order.

    Returns
    -------
    pandas.DataFrame
        Columns ``true``, ``predicted`` (class indices), ``true_name``,
        ``predicted_name``, ``count`` and ``share_of_true`` (count divided by
        the support of the true class), sorted by count, largest first.

    Raises
    ------
    ValueError
        If ``cm`` is not a square matrix of counts, ``n`` is not a positive
        integer, or the names do not match the classes.

    Notes
    -----
    Ties in count are broken by true class, then predicted class, so the
    order is reproducible. Cells with a count of zero are never returned.

    Examples
    --------
    >>> top_confusions([[5, 2, 0], [1, 6, 0], [0, 3, 4]], 2)[["true", "predicted"]].values
    array([[2, 1],
           [0, 1]])
    """
    import pandas as pd

    matrix = check_confusion(cm)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    k = matrix.shape[0]
    names = _display_names(labels, display_labels, k)
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
