"""Agreement between true and predicted labels, with scikit-learn's names.

``matthews_corrcoef``, ``cohen_kappa_score``, ``jaccard_score``,
``hamming_loss``, ``zero_one_loss``, ``balanced_accuracy_score`` and
``class_likelihood_ratios`` take the arguments of their scikit-learn namesakes
and give the same numbers and warnings. Targets are read by the one input model
(labels of any sortable type; 0/1 indicator matrices where scikit-learn accepts
multi-label input). numpy only.
"""

from __future__ import annotations

import numbers
import warnings

import numpy as np

from .._validation import _read_sample_weight, check_choice
from ._losses import weighted_mean
from ._prfs import (
    UndefinedMetricWarning,
    _binary_labels,
    _class_positions,
    _nanaverage,
    _read_targets,
    _set_sums,
    _user_level,
    _warn_prf,
    _zero_division_value,
)

__all__ = [
    "balanced_accuracy_score",
    "class_likelihood_ratios",
    "cohen_kappa_score",
    "hamming_loss",
    "jaccard_score",
    "matthews_corrcoef",
    "zero_one_loss",
]

_SET_AVERAGES = (None, "micro", "macro", "weighted", "samples", "binary")


def _single_label(y_true, y_pred, sample_weight, func: str):
    """Single-label targets read together, and the weights; multi-label refused."""
    inp = _read_targets(y_true, y_pred)
    if inp.kind == "multilabel":
        raise ValueError(
            f"multilabel-indicator is not supported: {func} needs 1-D class labels; "
            "score each label column on its own, or use jaccard_score or "
            "hamming_loss for multi-label targets"
        )
    return inp, _read_sample_weight(sample_weight, inp.n_samples)


def _confusion(inp, sw, labels=None) -> np.ndarray:
    """Confusion counts (rows: true, columns: predicted) over ``labels``."""
    m = inp.n_classes
    cm = np.bincount(inp.y * m + inp.y_pred, weights=sw, minlength=m * m)
    cm = cm.reshape(m, m)
    if sw is not None and sw.dtype.kind in "iu":
        cm = np.rint(cm).astype(np.int64)
    idx = _class_positions(inp.classes, labels)
    if idx is None:
        return cm
    ok = idx >= 0
    safe = np.where(ok, idx, 0)
    out = cm[np.ix_(safe, safe)]
    return np.where(ok[:, None] & ok[None, :], out, 0)


def matthews_corrcoef(y_true, y_pred, *, sample_weight=None) -> float:
    """Matthews correlation coefficient of single-label predictions.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels of any sortable type.
    y_pred : array-like of shape (n_samples,)
        Predicted class labels.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.

    Returns
    -------
    float
        Between -1 (total disagreement) and 1 (perfect prediction); 0 for a
        random prediction, and 0.0 when it is undefined (one of the two label
        vectors holds a single class).

    Raises
    ------
    ValueError
        If the targets cannot be read, differ in length, or are multi-label.

    Notes
    -----
    With the confusion matrix C, t_k its row sums, p_k its column sums,
    c its trace and s its total, MCC = (c s - t.p) /
    sqrt((s^2 - p.p)(s^2 - t.t)) (Gorodkin, *Comparing two K-category
    assignments by a K-category correlation coefficient*, Computational
    Biology and Chemistry 28, 2004); for two classes it is Matthews' (1975)
    phi coefficient. Same numbers as :func:`sklearn.metrics.matthews_corrcoef`.

    Examples
    --------
    >>> round(matthews_corrcoef([1, 1, 1, 0], [1, 0, 1, 1]), 4)
    -0.3333
    """
    inp, sw = _single_label(y_true, y_pred, sample_weight, "matthews_corrcoef")
    cm = _confusion(inp, sw)
    t_sum = cm.sum(axis=1, dtype=np.float64)
    p_sum = cm.sum(axis=0, dtype=np.float64)
    n_correct = np.trace(cm, dtype=np.float64)
    n = p_sum.sum()
    cov_ytyp = n_correct * n - np.dot(t_sum, p_sum)
    cov_ypyp = n**2 - np.dot(p_sum, p_sum)
    cov_ytyt = n**2 - np.dot(t_sum, t_sum)
    if cov_ypyp * cov_ytyt == 0:
        return 0.0
    return float(cov_ytyp / np.sqrt(cov_ypyp * cov_ytyt))


def _check_kappa_args(weights, replace_undefined_by) -> None:
    check_choice(weights, "weights", (None, "linear", "quadratic"))
    r = replace_undefined_by
    ok = isinstance(r, numbers.Real) and not isinstance(r, bool)
    if not ok or not (np.isnan(r) or -1.0 <= r <= 1.0):
        raise ValueError(
            "The 'replace_undefined_by' parameter of cohen_kappa_score must be a "
            f"float in the range [-1.0, 1.0] or nan, got {r!r}; it is the value "
            "returned when kappa is undefined"
        )


def cohen_kappa_score(
    y1,
    y2,
    *,
    labels=None,
    weights=None,
    sample_weight=None,
    replace_undefined_by=np.nan,
) -> float:
    """Cohen's kappa: agreement of two labellings beyond chance.

    Parameters
    ----------
    y1 : array-like of shape (n_samples,)
        Labels given by the first annotator (or the truth).
    y2 : array-like of shape (n_samples,)
        Labels given by the second annotator (or a classifier).
    labels : array-like of shape (k,), optional
        The classes to use; samples of other classes are left out. At least
        one must occur in ``y1``. Default: every class in ``y1`` or ``y2``.
    weights : {None, "linear", "quadratic"}, default None
        Disagreement weight of classes i and j: 1 (unweighted), ``|i - j|``
        or ``(i - j)^2``, by their positions in ``labels``.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    replace_undefined_by : float in [-1, 1] or np.nan, default np.nan
        Value returned, with an :class:`UndefinedMetricWarning`, when kappa is
        undefined (no samples left, or a single class in common).

    Returns
    -------
    float
        1 for perfect agreement, 0 for chance agreement, negative below.

    Raises
    ------
    ValueError
        If the labellings cannot be read, are multi-label, an argument is not
        one of the accepted values, or no class of ``labels`` occurs in ``y1``.

    Warns
    -----
    UndefinedMetricWarning
        When kappa is undefined and ``replace_undefined_by`` is returned.

    Notes
    -----
    kappa = 1 - sum(w * C) / sum(w * E), with C the confusion matrix and E
    its outer product of marginals divided by the total (the counts expected
    by chance), w the disagreement weights (Cohen, *A coefficient of
    agreement for nominal scales*, 1960; weighted: Cohen, 1968). Same numbers
    as :func:`sklearn.metrics.cohen_kappa_score`.

    Examples
    --------
    >>> cohen_kappa_score(["a", "a", "b", "b"], ["a", "a", "b", "a"])
    0.5
    """
    _check_kappa_args(weights, replace_undefined_by)
    inp, sw = _single_label(y1, y2, sample_weight, "cohen_kappa_score")
    if labels is not None:
        try:
            idx = _class_positions(inp.classes, labels)
        except ValueError as exc:
            if "At least one label specified" not in str(exc):
                raise
            idx = np.full(len(list(labels)), -1)
        seen = np.zeros(inp.n_classes, bool)
        seen[np.unique(inp.y)] = True
        if not np.any((idx >= 0) & seen[np.where(idx >= 0, idx, 0)]):
            raise ValueError(
                "At least one label in `labels` must be present in `y1` (even though "
                "`cohen_kappa_score` is otherwise agnostic to the order of `y1` and "
                f"`y2`). Got labels={list(labels)[:10]!r}, y1 holds "
                f"{inp.classes[np.unique(inp.y)][:10].tolist()!r}"
            )
    cm = _confusion(inp, sw, labels).astype(np.float64)
    k = cm.shape[0]
    sum0, sum1 = cm.sum(axis=0), cm.sum(axis=1)
    total = sum0.sum()
    if total == 0:
        return _kappa_undefined(
            "`y2` contains no labels that are present in both `y1` and `labels`.",
            replace_undefined_by,
        )
    expected = np.outer(sum0, sum1) / total
    pos = np.arange(k, dtype=np.float64)
    if weights is None:
        w_mat = 1.0 - np.eye(k)
    elif weights == "linear":
        w_mat = np.abs(pos[None, :] - pos[:, None])
    else:
        w_mat = (pos[None, :] - pos[:, None]) ** 2
    den = np.sum(w_mat * expected)
    if den == 0:
        return _kappa_undefined(
            "`y1`, `y2` and `labels` have only one label in common.",
            replace_undefined_by,
        )
    return float(1 - np.sum(w_mat * cm) / den)


def _kappa_undefined(why: str, value) -> float:
    warnings.warn(
        f"{why}`cohen_kappa_score` is undefined and set to the value defined by the "
        f"`replace_undefined_by` param, which is set to {value}.",
        UndefinedMetricWarning,
        stacklevel=_user_level(),
    )
    return value


def jaccard_score(
    y_true,
    y_pred,
    *,
    labels=None,
    pos_label=1,
    average="binary",
    sample_weight=None,
    zero_division="warn",
):
    """Jaccard index: the size of the intersection over the size of the union.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels of any sortable type, or a 0/1 indicator matrix.
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    labels : array-like, optional
        The classes to score and average over (class values, or column
        indices of an indicator matrix), in order.
    pos_label : int, bool or str, default 1
        The class scored when ``average="binary"``.
    average : {None, "binary", "micro", "macro", "weighted", "samples"}, default "binary"
        As in :func:`precision_recall_fscore_support`.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default "warn"
        Value when a class is neither true nor predicted anywhere (0/0);
        ``"warn"`` gives 0.0 and an :class:`UndefinedMetricWarning`.

    Returns
    -------
    float or ndarray of shape (k,)
        One value per class when ``average`` is None, else their average.

    Raises
    ------
    ValueError
        If an argument is not one of the accepted values, ``average="binary"``
        meets more than two classes or an absent ``pos_label``, or the labels
        cannot be read.

    Warns
    -----
    UndefinedMetricWarning
        When a value is set to 0.0 under ``zero_division="warn"``.

    Notes
    -----
    J = TP / (TP + FP + FN) per class (Jaccard, 1912; the "critical success
    index" of forecasting). Same numbers as :func:`sklearn.metrics.jaccard_score`.

    Examples
    --------
    >>> jaccard_score([0, 1, 1, 1], [1, 1, 1, 0])
    0.5
    >>> jaccard_score([[1, 0], [1, 1]], [[1, 1], [1, 1]], average="samples")
    0.75
    """
    check_choice(average, "average", _SET_AVERAGES)
    _zero_division_value(zero_division)
    inp = _read_targets(y_true, y_pred)
    sw = _read_sample_weight(sample_weight, inp.n_samples)
    labels = _jaccard_labels(inp, labels, pos_label, average)
    tp, pred, true = _set_sums(inp, sw, labels, average == "samples")
    num = np.asarray(tp, np.float64)
    den = np.asarray(pred, np.float64) + np.asarray(true, np.float64) - num
    if average == "micro":
        num, den = np.atleast_1d(num.sum()), np.atleast_1d(den.sum())
    empty = den == 0
    jaccard = num / np.where(empty, 1.0, den)
    if empty.any():
        jaccard[empty] = _zero_division_value(zero_division)
        if zero_division == "warn":
            _warn_prf(average, "true or predicted", "Jaccard", jaccard.shape[0])
    if average is None:
        return jaccard
    weights = {"weighted": true, "samples": sw}.get(average)
    return _nanaverage(jaccard, weights)


def _jaccard_labels(inp, labels, pos_label, average):
    """scikit-learn's set-wise labels: ``[pos_label]`` for ``average="binary"``."""
    if average == "binary":
        present = inp.classes.tolist()
        if inp.kind != "multilabel" and pos_label not in present and len(present) == 2:
            raise ValueError(
                f"pos_label={pos_label!r} is not a valid label. It should be one of "
                f"{np.asarray(present)}: pass the label of the positive class, for "
                f"example pos_label={present[-1]!r}"
            )
        return _binary_labels(inp, pos_label)
    if pos_label not in (None, 1):
        warnings.warn(
            f"Note that pos_label (set to {pos_label!r}) is ignored when average != "
            f"'binary' (got {average!r}). You may use labels=[pos_label] to specify "
            "a single positive class.",
            UserWarning,
            stacklevel=_user_level(),
        )
    return labels


def _exact_match(inp) -> np.ndarray:
    if inp.kind == "multilabel":
        return np.all(inp.y == inp.y_pred, axis=1)
    return inp.y == inp.y_pred


def zero_one_loss(y_true, y_pred, *, normalize=True, sample_weight=None) -> float:
    """Share (or weighted number) of samples predicted wrongly.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels, or a 0/1 indicator matrix (a sample is right only
        if every label is).
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    normalize : bool, default True
        True: the (weighted) share of wrong samples; False: their (weighted)
        number.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.

    Returns
    -------
    float
        ``1 - accuracy`` when ``normalize``, else the count of errors.

    Raises
    ------
    ValueError
        If the targets cannot be read or mix single- and multi-label.

    Notes
    -----
    Same numbers as :func:`sklearn.metrics.zero_one_loss`.

    Examples
    --------
    >>> zero_one_loss([1, 2, 3, 4], [2, 2, 3, 4])
    0.25
    >>> zero_one_loss([1, 2, 3, 4], [2, 2, 3, 4], normalize=False)
    1.0
    """
    inp = _read_targets(y_true, y_pred)
    sw = _read_sample_weight(sample_weight, inp.n_samples)
    wrong = ~_exact_match(inp)
    if not normalize:
        return float(wrong.sum() if sw is None else np.dot(wrong, sw))
    return weighted_mean(wrong, sw, "zero-one loss")


def hamming_loss(y_true, y_pred, *, sample_weight=None) -> float:
    """Share of wrong label decisions (of wrong samples, for single-label).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels, or a 0/1 indicator matrix.
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.

    Returns
    -------
    float
        Multi-label: the (weighted) share of (sample, label) cells that
        differ; single-label: the share of wrong samples (the 0-1 loss).

    Raises
    ------
    ValueError
        If the targets cannot be read or mix single- and multi-label.

    Notes
    -----
    Hamming loss = sum_i w_i |y_i XOR yhat_i| / (n_labels sum_i w_i)
    (Schapire and Singer, *Improved boosting algorithms using
    confidence-rated predictions*, 1999). Same numbers as
    :func:`sklearn.metrics.hamming_loss`.

    Examples
    --------
    >>> hamming_loss([[0, 1], [1, 1]], [[0, 0], [1, 1]])
    0.25
    """
    inp = _read_targets(y_true, y_pred)
    sw = _read_sample_weight(sample_weight, inp.n_samples)
    if inp.kind != "multilabel":
        return weighted_mean(inp.y != inp.y_pred, sw, "Hamming loss")
    per_sample = np.count_nonzero(inp.y != inp.y_pred, axis=1)
    n, k = inp.y.shape
    if sw is None:
        return float(per_sample.sum() / (n * k))
    weighted_mean(per_sample, sw, "Hamming loss")  # refuses all-zero weights
    return float(np.dot(per_sample, sw) / (n * k * np.mean(sw, dtype=np.float64)))


def balanced_accuracy_score(
    y_true, y_pred, *, sample_weight=None, adjusted=False
) -> float:
    """Balanced accuracy: the mean over classes of each class's recall.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels of any sortable type.
    y_pred : array-like of shape (n_samples,)
        Predicted class labels.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    adjusted : bool, default False
        Rescale so that chance (1 / n_classes) gives 0 and perfect gives 1.

    Returns
    -------
    float
        Mean recall over the classes present in ``y_true``.

    Raises
    ------
    ValueError
        If the targets cannot be read or are multi-label.

    Warns
    -----
    UserWarning
        When ``y_pred`` holds classes absent from ``y_true`` (their recall is
        undefined; they are left out of the mean).

    Notes
    -----
    Brodersen et al., *The balanced accuracy and its posterior distribution*,
    ICPR 2010; adjusted: (score - 1/k) / (1 - 1/k). Same numbers as
    :func:`sklearn.metrics.balanced_accuracy_score`.

    Examples
    --------
    >>> balanced_accuracy_score([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1])
    0.625
    """
    inp, sw = _single_label(y_true, y_pred, sample_weight, "balanced_accuracy_score")
    cm = _confusion(inp, sw).astype(np.float64)
    rows = cm.sum(axis=1)
    present = rows > 0
    if not present.all():
        warnings.warn(
            "y_pred contains classes not in y_true",
            UserWarning,
            stacklevel=_user_level(),
        )
    per_class = np.diag(cm)[present] / rows[present]
    score = per_class.mean() if per_class.size else np.nan
    if adjusted:
        chance = 1 / per_class.shape[0]
        score = (score - chance) / (1 - chance)
    return float(score)


_LR_DICT_MSG = (
    "The dictionary passed as `replace_undefined_by` needs to be in the form "
    "`{{'LR+': `value_1`, 'LR-': `value_2`}}` where the value for `LR+` ranges "
    "from `1.0` to `np.inf` or is `np.nan` and the value for `LR-` ranges from "
    "`0.0` to `1.0` or is `np.nan`; got `{}`."
)
_LR_END = (
    "set to `np.nan`. Use the `replace_undefined_by` param to control this "
    "behavior. To suppress this warning or turn it into an error, see Python's "
    "`warnings` module and `warnings.catch_warnings()`."
)


def _lr_replacements(replace_undefined_by):
    """``(LR+, LR-)`` used when a ratio is undefined, after checking the argument."""
    r = replace_undefined_by
    if isinstance(r, numbers.Real) and not isinstance(r, bool):
        if np.isnan(r):
            return np.nan, np.nan
        if r == 1.0:
            return 1.0, 1.0
    if not isinstance(r, dict):
        raise ValueError(
            "The 'replace_undefined_by' parameter of class_likelihood_ratios must be "
            f"1.0, np.nan or a dict {{'LR+': value, 'LR-': value}}, got {r!r}"
        )

    def number(v, low, high):
        return (
            isinstance(v, numbers.Real)
            and not isinstance(v, bool)
            and (np.isnan(v) or low <= v <= high)
        )

    if not (
        "LR+" in r
        and "LR-" in r
        and number(r["LR+"], 1.0, np.inf)
        and number(r["LR-"], 0.0, 1.0)
    ):
        raise ValueError(_LR_DICT_MSG.format(r))
    return float(r["LR+"]), float(r["LR-"])


def _ratio(num: float, den: float) -> float:
    """num / den; NaN when there are no positive samples (den is 0)."""
    return num / den if den else np.nan


def _lr_warn(message: str) -> None:
    warnings.warn(message, UndefinedMetricWarning, stacklevel=_user_level())


def class_likelihood_ratios(
    y_true,
    y_pred,
    *,
    labels=None,
    sample_weight=None,
    replace_undefined_by=np.nan,
):
    """Positive and negative likelihood ratios of a binary classifier.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels, at most two classes.
    y_pred : array-like of shape (n_samples,)
        Predicted class labels.
    labels : array-like of shape (2,), optional
        ``[negative, positive]``. Default: the two classes sorted, the greater
        one positive.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    replace_undefined_by : np.nan, 1.0 or dict, default np.nan
        Values used, with an :class:`UndefinedMetricWarning`, for a ratio with
        nothing to divide by: ``np.nan``, ``1.0`` (both ratios 1, a
        classifier that tells nothing) or ``{"LR+": a, "LR-": b}`` with
        ``a`` in [1, inf] and ``b`` in [0, 1] (or NaN).

    Returns
    -------
    (float, float)
        ``LR+ = sensitivity / (1 - specificity)`` and
        ``LR- = (1 - sensitivity) / specificity``.

    Raises
    ------
    ValueError
        If the targets hold more than two classes, are multi-label,
        ``labels`` is not two classes, or ``replace_undefined_by`` is not an
        accepted value.

    Warns
    -----
    UndefinedMetricWarning
        When ``y_true`` has no positive sample, nothing is a false positive
        (LR+ divides by 0) or nothing is a true negative (LR- divides by 0).

    Notes
    -----
    LR+ = (TP / (TP + FN)) / (FP / (FP + TN)), LR- = (FN / (TP + FN)) /
    (TN / (FP + TN)) (Deeks and Altman, *Diagnostic tests 4: likelihood
    ratios*, BMJ 329, 2004). Same numbers and warnings as
    :func:`sklearn.metrics.class_likelihood_ratios`.

    Examples
    --------
    >>> class_likelihood_ratios([0, 1, 0, 1, 0], [1, 1, 0, 0, 0])
    (1.5, 0.75)
    """
    inp, sw = _single_label(y_true, y_pred, sample_weight, "class_likelihood_ratios")
    if inp.n_classes > 2:
        raise ValueError(
            "class_likelihood_ratios only supports binary classification problems, "
            f"got targets of type: multiclass ({inp.n_classes} classes: "
            f"{inp.classes[:10].tolist()}); pass two classes, or binarise one class "
            "against the rest first"
        )
    lr_pos_default, lr_neg_default = _lr_replacements(replace_undefined_by)
    if labels is not None and len(list(labels)) != 2:
        raise ValueError(
            f"labels= must be the two classes [negative, positive], got "
            f"{list(labels)[:10]!r}"
        )
    if labels is None and inp.n_classes < 2:
        raise ValueError(
            f"y_true and y_pred hold a single class ({inp.classes.tolist()!r}), so "
            "which one is positive is unknown; pass labels=[negative, positive]"
        )
    cm = _confusion(inp, sw, labels)
    tn, fp, fn, tp = (float(v) for v in cm.ravel())
    support_pos, support_neg = tp + fn, tn + fp
    if support_pos == 0:
        _lr_warn(
            "No samples of the positive class are present in `y_true`. "
            "`positive_likelihood_ratio` and `negative_likelihood_ratio` are both "
            + _LR_END
        )
    if fp == 0:
        start = (
            "No samples were predicted for the positive class and "
            "`positive_likelihood_ratio` is "
            if tp == 0
            else "`positive_likelihood_ratio` is ill-defined and "
        )
        _lr_warn(start + _LR_END)
        lr_pos = lr_pos_default
    else:
        lr_pos = _ratio(tp * support_neg, fp * support_pos)
    if tn == 0:
        _lr_warn("`negative_likelihood_ratio` is ill-defined and " + _LR_END)
        lr_neg = lr_neg_default
    else:
        lr_neg = _ratio(fn * support_neg, tn * support_pos)
    return float(lr_pos), float(lr_neg)
