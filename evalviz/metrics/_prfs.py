"""Precision, recall, F-beta and per-label confusion, with scikit-learn's names.

``precision_recall_fscore_support``, ``fbeta_score``, ``f1_score``,
``precision_score``, ``recall_score`` and ``multilabel_confusion_matrix`` take
the arguments of their scikit-learn namesakes and give the same numbers:
single-label targets of any sortable type (ints, bools, strings) or 0/1
multi-label indicator matrices (numpy, lists, or scipy sparse matrices, which
are densified), ``labels=``, ``pos_label=``, ``sample_weight=``, every
``average`` including ``"samples"``, and ``zero_division``. numpy only.

A ratio with nothing to divide by (the precision of a class never predicted,
the recall of a class with no samples) is set to ``zero_division``; with the
default ``"warn"`` it is 0.0 and an :class:`UndefinedMetricWarning` says so,
with scikit-learn's wording.
"""

from __future__ import annotations

import numbers
import sys
import warnings

import numpy as np

from .._validation import (
    _is_indicator,
    _read_sample_weight,
    _to_numpy,
    check_choice,
    read_inputs,
)
from ._warnings import UndefinedMetricWarning

__all__ = [
    "UndefinedMetricWarning",
    "f1_score",
    "fbeta_score",
    "multilabel_confusion_matrix",
    "precision_recall_fscore_support",
    "precision_score",
    "recall_score",
]

_SET_AVERAGES = (None, "micro", "macro", "weighted", "samples", "binary")
_ALL = ("precision", "recall", "f-score")


# ---------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------


def _zero_division_value(zero_division) -> float:
    """The value for 0/0 (``"warn"``: 0.0), after checking the argument."""
    if isinstance(zero_division, str):
        if zero_division == "warn":
            return 0.0
    elif isinstance(zero_division, numbers.Real) and not isinstance(
        zero_division, bool
    ):
        value = float(zero_division)
        if value in (0.0, 1.0) or np.isnan(value):
            return value
    raise ValueError(
        f'zero_division must be "warn", 0.0, 1.0 or np.nan, got {zero_division!r}; '
        "it is the value used when a ratio has nothing to divide by (for example "
        'the precision of a class that is never predicted); "warn" gives 0.0 '
        "with a warning"
    )


def _check_beta(beta) -> float:
    if (
        isinstance(beta, bool)
        or not isinstance(beta, numbers.Real)
        or np.isnan(beta)
        or beta < 0
    ):
        raise ValueError(
            f"beta must be a number >= 0 (np.inf allowed), got {beta!r}; beta = 1 "
            "weighs precision and recall equally, beta = 2 weighs recall more"
        )
    return float(beta)


def _densify(y):
    """scipy sparse matrices and arrays as dense numpy arrays."""
    if hasattr(y, "toarray") and hasattr(y, "nnz"):
        return y.toarray()
    return y


def _is_2d(y) -> bool:
    shape = np.shape(_to_numpy(y))
    return len(shape) == 2 and shape[1] > 1


def _read_targets(y_true, y_pred):
    """True and predicted targets read together: one class set, or indicators.

    Returns the :class:`Inputs` of ``read_inputs``: ``kind="multiclass"`` with
    class indices into the sorted union of both arrays' values, or
    ``kind="multilabel"`` with two 0/1 indicator matrices.
    """
    y_true, y_pred = _densify(y_true), _densify(y_pred)
    true_2d, pred_2d = _is_2d(y_true), _is_2d(y_pred)
    if true_2d != pred_2d:
        kinds = ["1-D class labels", "a 2-D multi-label indicator matrix"]
        raise ValueError(
            "Classification metrics can't handle a mix of multi-label and "
            f"single-label targets: y_true is {kinds[true_2d]} but y_pred is "
            f"{kinds[pred_2d]}; pass both as 1-D labels or both as 0/1 indicator "
            "matrices of the same shape"
        )
    if true_2d:
        for name, y in (("y_true", y_true), ("y_pred", y_pred)):
            arr = np.asarray(_to_numpy(y))
            if arr.dtype.kind in "iuf" and not _is_indicator(arr):
                raise ValueError(
                    f"{name} is 2-D with values other than 0 and 1 (shape "
                    f"{arr.shape}): multiclass-multioutput is not supported; pass "
                    "1-D class labels, or 0/1 indicators (samples x labels) for a "
                    "multi-label problem"
                )
    return read_inputs(
        y_true, y_pred=y_pred, kind="multilabel" if true_2d else "multiclass"
    )


def _multilabel_columns(labels, k: int) -> np.ndarray:
    """``labels=`` of a multi-label target: column indices in ``[0, k)``."""
    idx = np.asarray(list(labels))
    if idx.size == 0 or idx.dtype.kind not in "iu":
        raise ValueError(
            f"labels= of a multi-label target must be column indices (integers "
            f"in [0, {k})), got {list(labels)[:10]!r}"
        )
    if idx.max() >= k or idx.min() < 0:
        got = f"{idx.max()} > {k - 1}" if idx.max() >= k else f"{idx.min()} < 0"
        raise ValueError(
            "All labels must be in [0, n labels) for multilabel targets. Got "
            f"{got} ({k} label columns); labels= picks indicator columns"
        )
    return idx.astype(np.int64)


# ---------------------------------------------------------------------------
# Counting
# ---------------------------------------------------------------------------


def _class_positions(classes: np.ndarray, labels) -> np.ndarray | None:
    """Position in ``classes`` of each class in ``labels`` (-1: absent), or None.

    Classes absent from the data are allowed (they count zero), as in
    scikit-learn; a list of strings for non-string classes is read by the
    one input model's rule for ``labels=`` (old-style names, or an error).
    """
    from ._counting import _label_index

    if labels is None:
        return None
    wanted = np.asarray(list(labels))
    text_labels, text_classes = wanted.dtype.kind in "US", classes.dtype.kind in "US"
    if wanted.size == 0 or text_labels != text_classes:
        return _label_index(classes, labels, None)
    if len(set(wanted.tolist())) != wanted.size:
        raise ValueError(f"labels= must be distinct class values, got {wanted[:10]}")
    lookup = {c: i for i, c in enumerate(classes.tolist())}
    return np.array([lookup.get(v, -1) for v in wanted.tolist()], dtype=np.int64)


def _multiclass_sums(inp, sample_weight, labels):
    """TP, predicted and true (weighted) counts per class asked for."""
    m = inp.n_classes
    hit = inp.y == inp.y_pred
    w_hit = None if sample_weight is None else sample_weight[hit]
    sums = [
        np.bincount(inp.y[hit], weights=w_hit, minlength=m),
        np.bincount(inp.y_pred, weights=sample_weight, minlength=m),
        np.bincount(inp.y, weights=sample_weight, minlength=m),
    ]
    idx = _class_positions(inp.classes, labels)
    if idx is None:
        return tuple(sums)
    ok = idx >= 0
    safe = np.where(ok, idx, 0)
    return tuple(np.where(ok, s[safe], 0).astype(s.dtype) for s in sums)


def _multilabel_sums(inp, sample_weight, labels, samplewise):
    """TP, predicted and true (weighted) counts per label column or per sample."""
    truth, pred = inp.y.astype(bool), inp.y_pred.astype(bool)
    if labels is not None:
        cols = _multilabel_columns(labels, truth.shape[1])
        truth, pred = truth[:, cols], pred[:, cols]
    axis = 1 if samplewise else 0
    arrays = (truth & pred, pred, truth)
    if sample_weight is None:
        return tuple(np.count_nonzero(a, axis=axis) for a in arrays)
    w = sample_weight.astype(np.float64)[:, None]
    return tuple(np.where(a, w, 0.0).sum(axis=axis) for a in arrays)


def _set_sums(inp, sample_weight, labels, samplewise):
    if inp.kind == "multilabel":
        return _multilabel_sums(inp, sample_weight, labels, samplewise)
    if samplewise:
        raise ValueError(
            "Samplewise metrics are not available outside of multilabel "
            "classification: average='samples' needs 0/1 indicator matrices; use "
            "'macro', 'micro' or 'weighted' for single-label targets"
        )
    return _multiclass_sums(inp, sample_weight, labels)


def multilabel_confusion_matrix(
    y_true, y_pred, *, sample_weight=None, labels=None, samplewise=False
) -> np.ndarray:
    """One 2x2 confusion matrix per class (or label, or sample).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels of any sortable type, or a 0/1 indicator matrix.
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample; counts become weighted sums.
    labels : array-like of shape (k,), optional
        The classes (class values, or column indices of an indicator matrix)
        and their order. A class absent from the data gets zero counts.
    samplewise : bool, default False
        Multi-label only: one matrix per sample instead of one per label.

    Returns
    -------
    numpy.ndarray of shape (k, 2, 2)
        ``[[tn, fp], [fn, tp]]`` for each class: class ``i`` taken as the
        positive class against all others. Integers, or floats with weights.

    Raises
    ------
    ValueError
        If the targets cannot be read or mix single- and multi-label, if
        ``labels`` is out of range, or ``samplewise`` is used on single-label
        targets.

    Notes
    -----
    Same numbers and layout as
    :func:`sklearn.metrics.multilabel_confusion_matrix`. For single-label data,
    ``tp`` is the diagonal of :func:`confusion_matrix`, ``fp`` the column sum
    minus it, ``fn`` the row sum minus it.

    Examples
    --------
    >>> multilabel_confusion_matrix(["a", "b", "b"], ["a", "a", "b"]).tolist()
    [[[1, 1], [0, 1]], [[1, 0], [1, 1]]]
    """
    inp = _read_targets(y_true, y_pred)
    sw = _read_sample_weight(sample_weight, inp.n_samples)
    tp, pred, true = _set_sums(inp, sw, labels, bool(samplewise))
    fp, fn = pred - tp, true - tp
    if samplewise:
        total = inp.y.shape[1] if labels is None else len(list(labels))
        total = total if sw is None else sw * total
    else:
        total = inp.n_samples if sw is None else sw.sum()
    tn = total - tp - fp - fn
    return np.stack([tn, fp, fn, tp], axis=1).reshape(-1, 2, 2)


# ---------------------------------------------------------------------------
# Precision, recall, F-beta
# ---------------------------------------------------------------------------


def _user_level() -> int:
    """``stacklevel`` pointing at the first caller outside ``evalviz.metrics``."""
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith(
        "evalviz.metrics"
    ):
        frame, level = frame.f_back, level + 1
    return level


def _warn_prf(average, modifier: str, what: str, size: int) -> None:
    """scikit-learn's message for a ratio set to 0.0 under ``zero_division="warn"``."""
    axis0, axis1 = ("label", "sample") if average == "samples" else ("sample", "label")
    where = "due to" if size == 1 else f"in {axis1}s with"
    warnings.warn(
        f"{what} is ill-defined and being set to 0.0 {where} no {modifier} "
        f"{axis0}s. Use `zero_division` parameter to control this behavior.",
        UndefinedMetricWarning,
        stacklevel=_user_level(),
    )


def _prf_divide(num, den, metric, modifier, average, warn_for, zero_division):
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    empty = den == 0
    out = num / np.where(empty, 1.0, den)
    if empty.any():
        out[empty] = _zero_division_value(zero_division)
        if zero_division == "warn" and metric in warn_for:
            _warn_prf(average, modifier, metric.capitalize(), out.shape[0])
    return out


def _binary_labels(inp, pos_label):
    """``labels=[pos_label]`` for ``average="binary"``, checked as scikit-learn."""
    if inp.kind == "multilabel" or inp.n_classes > 2:
        kind = "multilabel-indicator" if inp.kind == "multilabel" else "multiclass"
        options = [None, "micro", "macro", "weighted"] + (
            ["samples"] if inp.kind == "multilabel" else []
        )
        raise ValueError(
            f"Target is {kind} but average='binary'. Please choose another average "
            f"setting, one of {options!r}. (average='binary' needs two classes: it "
            "reports the class pos_label only, so y_true and y_pred may hold at "
            "most two values.)"
        )
    present = inp.classes.tolist()
    if pos_label not in present and len(present) >= 2:
        raise ValueError(
            f"pos_label={pos_label!r} is not a valid label. It should be one of "
            f"{present}: pass the label of the positive class, for example "
            f"pos_label={present[-1]!r}"
        )
    return [pos_label]


def precision_recall_fscore_support(
    y_true,
    y_pred,
    *,
    beta=1.0,
    labels=None,
    pos_label=1,
    average=None,
    warn_for=_ALL,
    sample_weight=None,
    zero_division="warn",
):
    """Precision, recall, F-beta and support, per class or averaged.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels of any sortable type, or a 0/1 indicator matrix.
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    beta : float, default 1.0
        Weight of recall against precision in the F-score (``np.inf``: recall,
        0: precision).
    labels : array-like, optional
        The classes to report and average over, in order: class values, or
        column indices of an indicator matrix. A listed class absent from the
        data counts with ``zero_division``. Default: every class in ``y_true``
        or ``y_pred``, sorted.
    pos_label : int, bool or str, default 1
        The class reported when ``average="binary"``.
    average : {None, "binary", "micro", "macro", "weighted", "samples"}, default None
        ``None``: one value per class. ``"binary"``: the ``pos_label`` class.
        ``"micro"``: from the summed counts. ``"macro"``: plain mean over
        classes. ``"weighted"``: mean weighted by support. ``"samples"``
        (multi-label): mean over samples of each sample's ratios.
    warn_for : tuple of str, default ("precision", "recall", "f-score")
        Which ratios warn when set to 0.0 under ``zero_division="warn"``.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default "warn"
        Value of a ratio with nothing to divide by; ``"warn"`` gives 0.0 and
        an :class:`UndefinedMetricWarning`. ``np.nan`` leaves such classes out
        of the averages.

    Returns
    -------
    precision, recall, fbeta : float or ndarray of shape (k,)
        Arrays when ``average`` is None, floats otherwise.
    support : ndarray of shape (k,) or None
        (Weighted) samples per class when ``average`` is None, else None.

    Raises
    ------
    ValueError
        If an argument is not one of the accepted values, ``average="binary"``
        meets more than two classes or an absent ``pos_label``, ``"samples"``
        meets single-label targets, or the labels cannot be read.

    Warns
    -----
    UndefinedMetricWarning
        When a ratio is set to 0.0 under ``zero_division="warn"``.

    Notes
    -----
    F-beta = (1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP) (van Rijsbergen,
    *Information Retrieval*, 1979), which is the weighted harmonic mean of
    precision and recall whenever both are defined. Numbers, warnings and
    defaults follow :func:`sklearn.metrics.precision_recall_fscore_support`.
    ``labels=`` of strings for non-string classes follow the one input
    model's rule (old-style display names, with a warning, or an error).

    Examples
    --------
    >>> p, r, f, s = precision_recall_fscore_support([0, 1, 1], [0, 0, 1])
    >>> p.tolist(), r.tolist(), s.tolist()
    ([0.5, 1.0], [1.0, 0.5], [1, 2])
    >>> precision_recall_fscore_support([[1, 0], [1, 1]], [[1, 1], [0, 1]],
    ...                                 average="samples")[:3]
    (0.75, 0.75, 0.6666666666666666)
    """
    check_choice(average, "average", _SET_AVERAGES)
    _zero_division_value(zero_division)
    beta = _check_beta(beta)
    inp = _read_targets(y_true, y_pred)
    sw = _read_sample_weight(sample_weight, inp.n_samples)
    if average == "binary":
        labels = _binary_labels(inp, pos_label)
    elif pos_label not in (None, 1):
        warnings.warn(
            f"Note that pos_label (set to {pos_label!r}) is ignored when average != "
            f"'binary' (got {average!r}). You may use labels=[pos_label] to specify "
            "a single positive class.",
            UserWarning,
            stacklevel=_user_level(),
        )
    tp, pred, true = _set_sums(inp, sw, labels, average == "samples")
    if average == "micro":
        tp, pred, true = (np.atleast_1d(a.sum()) for a in (tp, pred, true))
    args = (average, warn_for, zero_division)
    precision = _prf_divide(tp, pred, "precision", "predicted", *args)
    recall = _prf_divide(tp, true, "recall", "true", *args)
    if np.isposinf(beta):
        fscore = recall
    elif beta == 0:
        fscore = precision
    else:
        b2 = beta**2
        den = b2 * np.asarray(true, np.float64) + np.asarray(pred, np.float64)
        fscore = _prf_divide(
            (1 + b2) * np.asarray(tp, np.float64), den, "f-score",
            "true nor predicted", *args,
        )  # fmt: skip
    if average is None:
        return precision, recall, fscore, true
    weights = {"weighted": true, "samples": sw}.get(average)
    return (
        _nanaverage(precision, weights),
        _nanaverage(recall, weights),
        _nanaverage(fscore, weights),
        None,
    )


def _nanaverage(values: np.ndarray, weights=None) -> float:
    """Average ignoring NaN; all-zero weights count equally (scikit-learn's rule)."""
    values = np.asarray(values, dtype=np.float64)
    keep = ~np.isnan(values)
    if values.size == 0 or not keep.any():
        return float("nan")
    if weights is None:
        return float(values[keep].mean())
    w = np.asarray(weights, dtype=np.float64)[keep]
    if w.sum() == 0:
        return float(values[keep].mean())
    return float(np.average(values[keep], weights=w))


def fbeta_score(
    y_true,
    y_pred,
    *,
    beta,
    labels=None,
    pos_label=1,
    average="binary",
    sample_weight=None,
    zero_division="warn",
):
    """The F-beta score: a weighted harmonic mean of precision and recall.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels, or a 0/1 indicator matrix.
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    beta : float
        Recall counts ``beta`` times as much as precision (``np.inf``: recall
        only; 0: precision only).
    labels : array-like, optional
        Classes to report and average over (see
        :func:`precision_recall_fscore_support`).
    pos_label : int, bool or str, default 1
        The class reported when ``average="binary"``.
    average : {"binary", "micro", "macro", "weighted", "samples", None}, default "binary"
        How to combine the classes (see :func:`precision_recall_fscore_support`).
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default "warn"
        Value when there is nothing to divide by (no true and no predicted
        sample); ``"warn"`` gives 0.0 with a warning.

    Returns
    -------
    float or ndarray of shape (k,)
        One value per class when ``average`` is None.

    Raises
    ------
    ValueError
        As :func:`precision_recall_fscore_support`.

    Notes
    -----
    F-beta = (1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP) (van Rijsbergen,
    1979); equal to :func:`sklearn.metrics.fbeta_score`.

    Examples
    --------
    >>> round(fbeta_score([0, 1, 1, 1], [1, 1, 0, 1], beta=2), 4)
    0.6667
    """
    return precision_recall_fscore_support(
        y_true, y_pred, beta=beta, labels=labels, pos_label=pos_label,
        average=average, warn_for=("f-score",), sample_weight=sample_weight,
        zero_division=zero_division,
    )[2]  # fmt: skip


def f1_score(
    y_true,
    y_pred,
    *,
    labels=None,
    pos_label=1,
    average="binary",
    sample_weight=None,
    zero_division="warn",
):
    """The F1 score: the harmonic mean of precision and recall.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels, or a 0/1 indicator matrix.
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    labels : array-like, optional
        Classes to report and average over.
    pos_label : int, bool or str, default 1
        The class reported when ``average="binary"``.
    average : {"binary", "micro", "macro", "weighted", "samples", None}, default "binary"
        How to combine the classes.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default "warn"
        Value when there is nothing to divide by.

    Returns
    -------
    float or ndarray of shape (k,)
        One value per class when ``average`` is None.

    Raises
    ------
    ValueError
        As :func:`precision_recall_fscore_support`.

    Notes
    -----
    F1 = 2 TP / (2 TP + FP + FN); equal to :func:`sklearn.metrics.f1_score`.

    Examples
    --------
    >>> f1_score(["a", "b", "b"], ["a", "a", "b"], average="macro")
    0.6666666666666666
    """
    return fbeta_score(
        y_true, y_pred, beta=1.0, labels=labels, pos_label=pos_label,
        average=average, sample_weight=sample_weight, zero_division=zero_division,
    )  # fmt: skip


def precision_score(
    y_true,
    y_pred,
    *,
    labels=None,
    pos_label=1,
    average="binary",
    sample_weight=None,
    zero_division="warn",
):
    """Precision: the share of predicted positives that are right.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels, or a 0/1 indicator matrix.
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    labels : array-like, optional
        Classes to report and average over.
    pos_label : int, bool or str, default 1
        The class reported when ``average="binary"``.
    average : {"binary", "micro", "macro", "weighted", "samples", None}, default "binary"
        How to combine the classes.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default "warn"
        Value for a class that is never predicted.

    Returns
    -------
    float or ndarray of shape (k,)
        One value per class when ``average`` is None.

    Raises
    ------
    ValueError
        As :func:`precision_recall_fscore_support`.

    Notes
    -----
    Precision = TP / (TP + FP); equal to :func:`sklearn.metrics.precision_score`.

    Examples
    --------
    >>> precision_score([0, 1, 1], [1, 1, 1])
    0.6666666666666666
    """
    return precision_recall_fscore_support(
        y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
        warn_for=("precision",), sample_weight=sample_weight,
        zero_division=zero_division,
    )[0]  # fmt: skip


def recall_score(
    y_true,
    y_pred,
    *,
    labels=None,
    pos_label=1,
    average="binary",
    sample_weight=None,
    zero_division="warn",
):
    """Recall: the share of true positives that are found.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels, or a 0/1 indicator matrix.
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    labels : array-like, optional
        Classes to report and average over.
    pos_label : int, bool or str, default 1
        The class reported when ``average="binary"``.
    average : {"binary", "micro", "macro", "weighted", "samples", None}, default "binary"
        How to combine the classes.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default "warn"
        Value for a class with no samples.

    Returns
    -------
    float or ndarray of shape (k,)
        One value per class when ``average`` is None.

    Raises
    ------
    ValueError
        As :func:`precision_recall_fscore_support`.

    Notes
    -----
    Recall = TP / (TP + FN); equal to :func:`sklearn.metrics.recall_score`.

    Examples
    --------
    >>> recall_score([0, 1, 1], [1, 1, 0])
    0.5
    """
    return precision_recall_fscore_support(
        y_true, y_pred, labels=labels, pos_label=pos_label, average=average,
        warn_for=("recall",), sample_weight=sample_weight,
        zero_division=zero_division,
    )[1]  # fmt: skip
