"""Losses of scores and probabilities, with scikit-learn's names.

``log_loss``, ``brier_score_loss``, ``hinge_loss``, ``d2_log_loss_score`` and
``d2_brier_score`` take the arguments of their scikit-learn namesakes and give
the same numbers, warnings and (in substance) errors. The calibration layer
reuses the private ``_log_loss`` and ``_brier`` computations. numpy only.
"""

from __future__ import annotations

import warnings

import numpy as np

from .._validation import _label_values, _read_sample_weight, as_array
from ._prfs import UndefinedMetricWarning, _user_level

__all__ = [
    "brier_score_loss",
    "d2_brier_score",
    "d2_log_loss_score",
    "hinge_loss",
    "log_loss",
]


# ---------------------------------------------------------------------------
# Reading probabilities
# ---------------------------------------------------------------------------


def _proba(y_proba, name: str = "y_proba") -> np.ndarray:
    arr = as_array(y_proba, name)
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"{name} must hold numbers (probabilities), got {arr.dtype}")
    if arr.ndim not in (1, 2):
        raise ValueError(f"{name} must be 1-D or 2-D, got shape {arr.shape}")
    arr = arr.astype(np.float32 if arr.dtype == np.float32 else np.float64)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"Input {name} contains NaN or infinity; pass probabilities")
    return arr


def _same_length(a, b, name_a: str, name_b: str) -> None:
    """scikit-learn's length check and message, with the fix."""
    la, lb = np.shape(a)[0], np.shape(b)[0]
    if la != lb:
        raise ValueError(
            "Found input variables with inconsistent numbers of samples: "
            f"[{la}, {lb}] ({name_a} has {la}, {name_b} has {lb}); both must "
            "describe the same samples in the same order"
        )


def _weights(sample_weight, n: int):
    return _read_sample_weight(sample_weight, n)


def _one_hot(y_true, labels):
    """One-hot columns of ``y_true`` over the sorted classes (scikit-learn's).

    A 2-D 0/1 indicator ``y_true`` (one column per class) is its own one-hot
    form, with classes ``0..k-1``.
    """
    arr = as_array(y_true, "y_true")
    if arr.ndim == 2 and arr.shape[1] > 1:
        if not np.isin(arr, (0, 1)).all():
            raise ValueError(
                "Multioutput target data is not supported with label binarization: "
                f"y_true is 2-D ({arr.shape}) with values other than 0 and 1; pass "
                "1-D class labels or a 0/1 indicator matrix"
            )
        return arr.astype(np.float64), np.arange(arr.shape[1])
    y = _label_values(y_true, "y_true")
    if labels is not None:
        given = np.asarray(list(labels))
        classes = np.unique(given)
        if classes.shape != given.shape or not np.all(classes == given):
            warnings.warn(
                f"Labels passed were {list(labels)}. But this function assumes labels "
                "are ordered lexicographically. Pass the ordered "
                f"labels={classes.tolist()} and ensure that the columns of y_prob "
                "correspond to this ordering.",
                UserWarning,
                stacklevel=_user_level(),
            )
        unknown = set(np.unique(y).tolist()) - set(classes.tolist())
        if unknown:
            raise ValueError(
                f"y_true contains values {unknown} not belonging to the passed labels "
                f"{list(labels)}."
            )
    else:
        classes = np.unique(y)
    if classes.shape[0] == 1:
        if labels is None:
            raise ValueError(
                f"y_true contains only one label ({classes[0]}). Please provide the "
                "list of all expected class labels explicitly through the labels "
                "argument."
            )
        raise ValueError(
            f"The labels array needs to contain at least two labels, got {classes}."
        )
    return (y[:, None] == classes[None, :]).astype(np.float64), classes


def _check_range(p: np.ndarray, low_word: str) -> None:
    if p.max() > 1:
        raise ValueError(f"y_prob contains values greater than 1: {p.max()}")
    if p.min() < 0:
        raise ValueError(f"y_prob contains values {low_word} than 0: {p.min()}")


def _multiclass_proba(y_true, y_proba, sample_weight, labels):
    """One-hot truth and (n, k) probabilities; scikit-learn's checks and messages."""
    p = _proba(y_proba)
    _check_range(p, "lower")
    _same_length(p, as_array(y_true, "y_true"), "y_proba", "y_true")
    truth, classes = _one_hot(y_true, labels)
    sw = _weights(sample_weight, p.shape[0])
    if p.ndim == 1:
        p = p[:, None]
    if p.shape[1] == 1:
        p = np.concatenate([1 - p, p], axis=1)
    eps = np.finfo(p.dtype).eps
    if not np.all(np.isclose(p.sum(axis=1), 1, rtol=np.sqrt(eps))):
        warnings.warn(
            "The y_prob values do not sum to one. Make sure to pass probabilities.",
            UserWarning,
            stacklevel=_user_level(),
        )
    if classes.shape[0] != p.shape[1]:
        if labels is None:
            raise ValueError(
                "y_true and y_prob contain different number of classes: "
                f"{truth.shape[1]} vs {p.shape[1]}. Please provide the true labels "
                "explicitly through the labels argument. Classes found in y_true: "
                f"{classes}"
            )
        raise ValueError(
            "The number of classes in labels is different from that in y_prob. "
            f"Classes found in labels: {classes}"
        )
    return truth, p, sw


def _target_type(y: np.ndarray) -> str:
    if y.dtype.kind == "f" and np.any(y != np.round(y)):
        return "continuous"
    return "binary" if np.unique(y).shape[0] <= 2 else "multiclass"


def _binary_proba(y_true, y_proba, sample_weight, pos_label):
    """One-hot truth and (n, 2) probabilities of a binary problem."""
    y = as_array(y_true, "y_true")
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    p = _proba(y_proba)
    p = p[:, 0] if p.ndim == 2 else p
    if y.dtype.kind == "f" and not np.all(np.isfinite(y)):
        raise ValueError("Input y_true contains NaN or infinity; pass class labels")
    _same_length(p, y, "y_proba", "y_true")
    sw = _weights(sample_weight, p.shape[0])
    kind = _target_type(y)
    if kind != "binary":
        raise ValueError(
            f"The type of the target inferred from y_true is {kind} but should be "
            "binary according to the shape of y_prob."
        )
    _check_range(p, "less")
    classes = np.unique(y)
    if pos_label is None:
        if classes.dtype.kind in "OUS":
            raise ValueError(
                f"y_true takes value in {set(classes.tolist())} and pos_label is not "
                "specified: either make y_true take value in {0, 1} or {-1, 1} or "
                "pass pos_label explicitly."
            )
        simple = set(classes.tolist()) <= {0, 1} or set(classes.tolist()) <= {-1, 1}
        pos_label = 1 if simple else classes[-1]
    positive = (y == pos_label).astype(np.float64)
    truth = np.stack([1 - positive, positive], axis=1)
    return truth, np.stack([1 - p, p], axis=1), sw


def _is_binary_shape(y_proba) -> bool:
    shape = np.shape(as_array(y_proba, "y_proba"))
    return len(shape) == 1 or shape[1] == 1


# ---------------------------------------------------------------------------
# The computations (reused by evalviz.calibration)
# ---------------------------------------------------------------------------


def weighted_mean(values, sw, metric: str) -> float:
    """``np.average(values, weights=sw)``; a clear error when the weights sum to 0.

    Parameters
    ----------
    values : ndarray of shape (n_samples,)
        Per-sample values.
    sw : ndarray of shape (n_samples,) or None
        Sample weights.
    metric : str
        The metric's name, for the error.

    Returns
    -------
    float
        The (weighted) mean.

    Raises
    ------
    ValueError
        When every sample weight is 0 (the mean is undefined).
    """
    if sw is not None and not np.any(sw):
        raise ValueError(
            f"sample_weight is 0 for all {len(sw)} samples, so the {metric} (a "
            "weighted mean) is undefined; give at least one sample a positive weight"
        )
    return float(np.average(values, weights=sw))


def _log_loss(truth: np.ndarray, p: np.ndarray, sw=None, normalize=True) -> float:
    """Mean (or summed) cross-entropy of one-hot ``truth`` under ``p``, clipped."""
    eps = np.finfo(p.dtype).eps
    p = np.clip(p, eps, 1 - eps)
    loss = -np.sum(np.where(truth > 0, truth * np.log(p), 0.0), axis=1)
    if not normalize:
        return float(loss.sum() if sw is None else np.dot(loss, sw))
    return weighted_mean(loss, sw, "log loss")


def _brier(truth: np.ndarray, p: np.ndarray, sw=None) -> float:
    """Mean over samples of the squared distance between ``truth`` and ``p`` rows."""
    return weighted_mean(np.sum((truth - p) ** 2, axis=1), sw, "Brier score")


def _renamed_y_pred(y_proba, y_pred):
    """scikit-learn 1.9's rename of ``y_pred`` to ``y_proba`` (one-release alias)."""
    if isinstance(y_pred, str) and y_pred == "deprecated":
        if y_proba is None:
            raise TypeError("missing the probabilities: pass y_proba")
        return y_proba
    if y_proba is not None:
        raise ValueError(
            "Cannot use both `y_pred` and `y_proba`. `y_pred` is deprecated, use "
            "`y_proba` instead."
        )
    warnings.warn(
        "`y_pred` was renamed to `y_proba` in version 1.9 and will be removed in "
        "1.11. Use `y_proba` instead.",
        FutureWarning,
        stacklevel=_user_level(),
    )
    return y_pred


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------


def log_loss(
    y_true,
    y_proba=None,
    *,
    normalize=True,
    sample_weight=None,
    labels=None,
    y_pred="deprecated",
) -> float:
    """Log loss (cross-entropy) of predicted class probabilities.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels of any sortable type.
    y_proba : array-like of shape (n_samples, n_classes) or (n_samples,)
        Predicted probabilities, columns in the sorted order of the classes;
        1-D: the probability of the greater of two classes.
    normalize : bool, default True
        True: mean loss per sample; False: the (weighted) sum.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    labels : array-like, optional
        All the classes, when ``y_true`` does not show every one.
    y_pred : array-like, optional
        Deprecated name of ``y_proba`` (as in scikit-learn 1.9).

    Returns
    -------
    float
        In nats; 0 for certain and right predictions.

    Raises
    ------
    ValueError
        If probabilities lie outside [0, 1], their columns do not match the
        classes, ``y_true`` holds one class and ``labels`` is not given, or
        both ``y_proba`` and ``y_pred`` are given.

    Warns
    -----
    UserWarning
        When rows do not sum to one, or ``labels`` is not sorted.

    Notes
    -----
    -1/n sum_i sum_k y_ik log p_ik, with p clipped to [eps, 1 - eps] (eps of
    the input's float type) so a wrong certain prediction costs a large
    finite amount (Bishop, *Pattern Recognition and Machine Learning*, 2006,
    eq. 4.108). Same numbers as :func:`sklearn.metrics.log_loss`.

    Examples
    --------
    >>> round(log_loss(["spam", "ham", "ham", "spam"],
    ...                [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]), 4)
    0.2162
    """
    y_proba = _renamed_y_pred(y_proba, y_pred)
    truth, p, sw = _multiclass_proba(y_true, y_proba, sample_weight, labels)
    return _log_loss(truth, p, sw, normalize=bool(normalize))


def brier_score_loss(
    y_true,
    y_proba,
    *,
    sample_weight=None,
    pos_label=None,
    labels=None,
    scale_by_half="auto",
) -> float:
    """Brier score: mean squared distance between probabilities and outcomes.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    y_proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        1-D: the probability of the positive class; 2-D: one column per
        class, in sorted class order.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    pos_label : int, bool or str, optional
        The positive class of a 1-D ``y_proba``. Default: 1 when the classes
        are {0, 1} or {-1, 1}, else the greater class (strings need it).
    labels : array-like, optional
        All the classes of a 2-D ``y_proba``.
    scale_by_half : bool or "auto", default "auto"
        Halve the sum over classes; ``"auto"`` halves with two classes, so
        the binary score is the mean of (y - p)^2 and lies in [0, 1].

    Returns
    -------
    float
        0 for certain and right predictions.

    Raises
    ------
    ValueError
        If probabilities lie outside [0, 1], ``y_true`` is not binary for a
        1-D ``y_proba``, string classes come without ``pos_label``, or columns
        do not match the classes.

    Warns
    -----
    UserWarning
        When the rows of a 2-D ``y_proba`` do not sum to one.

    Notes
    -----
    1/n sum_i sum_k (y_ik - p_ik)^2 (Brier, *Verification of forecasts
    expressed in terms of probability*, Monthly Weather Review 78, 1950),
    halved as above. Same numbers as :func:`sklearn.metrics.brier_score_loss`.

    Examples
    --------
    >>> round(brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]), 4)
    0.0375
    """
    if scale_by_half not in (True, False, "auto"):
        raise ValueError(
            f"scale_by_half must be True, False or 'auto', got {scale_by_half!r}"
        )
    if _is_binary_shape(y_proba):
        truth, p, sw = _binary_proba(y_true, y_proba, sample_weight, pos_label)
    else:
        truth, p, sw = _multiclass_proba(y_true, y_proba, sample_weight, labels)
    score = _brier(truth, p, sw)
    if scale_by_half == "auto":
        scale_by_half = p.shape[1] < 3
    return float(score * 0.5) if scale_by_half else score


def _d2_too_few(y_true, y_proba, sample_weight) -> bool:
    n = as_array(y_proba, "y_proba").shape[0]
    _same_length(as_array(y_proba, "y_proba"), as_array(y_true, "y_true"),
                 "y_proba", "y_true")  # fmt: skip
    if sample_weight is not None:
        _weights(sample_weight, n)
    if n < 2:
        warnings.warn(
            "D^2 score is not well-defined with less than two samples.",
            UndefinedMetricWarning,
            stacklevel=_user_level(),
        )
        return True
    return False


def _null(truth: np.ndarray, sw) -> np.ndarray:
    """The (weighted) class shares, repeated for every sample."""
    return np.tile(np.average(truth, axis=0, weights=sw), (truth.shape[0], 1))


def d2_log_loss_score(
    y_true, y_proba=None, *, sample_weight=None, labels=None, y_pred="deprecated"
) -> float:
    """D^2 of the log loss: the share of the null model's log loss explained.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    y_proba : array-like of shape (n_samples, n_classes) or (n_samples,)
        Predicted probabilities, as for :func:`log_loss`.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    labels : array-like, optional
        All the classes, when ``y_true`` does not show every one.
    y_pred : array-like, optional
        Deprecated name of ``y_proba`` (as in scikit-learn 1.9).

    Returns
    -------
    float
        ``1 - log_loss(model) / log_loss(null)``, the null model predicting
        the (weighted) class shares of ``y_true``; 1 is perfect, 0 no better
        than the shares, negative worse. NaN for fewer than two samples.

    Raises
    ------
    ValueError
        As :func:`log_loss`.

    Warns
    -----
    UndefinedMetricWarning
        With fewer than two samples.

    Notes
    -----
    The deviance ratio of McCullagh and Nelder, *Generalized Linear Models*
    (1989). Same numbers as :func:`sklearn.metrics.d2_log_loss_score`.

    Examples
    --------
    >>> round(d2_log_loss_score([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]), 4)
    0.7149
    """
    y_proba = _renamed_y_pred(y_proba, y_pred)
    if _d2_too_few(y_true, y_proba, sample_weight):
        return float("nan")
    truth, p, sw = _multiclass_proba(y_true, y_proba, sample_weight, labels)
    model = _log_loss(truth, p, sw, normalize=False)
    return float(1 - model / _log_loss(truth, _null(truth, sw), sw, normalize=False))


def d2_brier_score(
    y_true, y_proba, *, sample_weight=None, pos_label=None, labels=None
) -> float:
    """D^2 of the Brier score: the share of the null model's Brier score explained.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    y_proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities, as for :func:`brier_score_loss`.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    pos_label : int, bool or str, optional
        The positive class of a 1-D ``y_proba``.
    labels : array-like, optional
        All the classes of a 2-D ``y_proba``.

    Returns
    -------
    float
        ``1 - Brier(model) / Brier(null)``, the null model predicting the
        (weighted) class shares; NaN for fewer than two samples. When
        ``y_true`` holds a single class the null model is perfect: -inf
        (NaN if the model is perfect too), as in scikit-learn.

    Raises
    ------
    ValueError
        As :func:`brier_score_loss`.

    Warns
    -----
    UndefinedMetricWarning
        With fewer than two samples.

    Notes
    -----
    The Brier skill score against climatology (Murphy, *Skill scores based
    on the mean square error*, Monthly Weather Review 116, 1988). Same
    numbers as :func:`sklearn.metrics.d2_brier_score`.

    Examples
    --------
    >>> round(d2_brier_score([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]), 4)
    0.85
    """
    if _d2_too_few(y_true, y_proba, sample_weight):
        return float("nan")
    if _is_binary_shape(y_proba):
        truth, p, sw = _binary_proba(y_true, y_proba, sample_weight, pos_label)
    else:
        truth, p, sw = _multiclass_proba(y_true, y_proba, sample_weight, labels)
    model, null = _brier(truth, p, sw), _brier(truth, _null(truth, sw), sw)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(1 - np.float64(model) / null)


def hinge_loss(y_true, pred_decision, *, labels=None, sample_weight=None) -> float:
    """Average hinge loss of decision values (binary or Crammer-Singer multi-class).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels. Binary: the greater class is +1, the other -1.
    pred_decision : array-like of shape (n_samples,) or (n_samples, n_classes)
        Decision values (``decision_function``); one column per class, in
        sorted class order, for more than two classes.
    labels : array-like, optional
        All the classes, when ``y_true`` does not show every one.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.

    Returns
    -------
    float
        Mean of max(0, 1 - margin).

    Raises
    ------
    ValueError
        If ``pred_decision`` does not have one column per class for a
        multi-class target, or lengths differ.

    Notes
    -----
    Binary: margin = y f(x), y in {-1, +1}. Multi-class: margin = f_y(x) -
    max_{k != y} f_k(x) (Crammer and Singer, *On the algorithmic
    implementation of multiclass kernel-based vector machines*, JMLR 2,
    2001). Same numbers as :func:`sklearn.metrics.hinge_loss`.

    Examples
    --------
    >>> round(hinge_loss([-1, 1, 1], [-2.18, 2.36, 0.09]), 4)
    0.3033
    """
    y = _label_values(y_true, "y_true")
    dec = as_array(pred_decision, "pred_decision")
    if dec.dtype.kind not in "biuf":
        raise TypeError("pred_decision should be an array of floats.")
    dec = dec.astype(np.float64)
    _same_length(dec, y, "pred_decision", "y_true")
    sw = _weights(sample_weight, y.shape[0])
    classes = np.unique(np.asarray(list(labels)) if labels is not None else y)
    if classes.size > 2:
        margin = _multiclass_margin(y, dec, classes, labels)
    else:
        if dec.ndim == 2 and dec.shape[1] == 1:
            dec = dec[:, 0]
        if dec.ndim != 1:
            raise ValueError(
                f"pred_decision must be 1-D for a binary target, got shape {dec.shape}"
            )
        seen = np.unique(y)
        sign = (
            np.where(y == seen[-1], 1.0, -1.0) if seen.size == 2 else -np.ones(len(y))
        )
        margin = sign * dec
    losses = np.clip(1 - margin, 0, None)
    return weighted_mean(losses, sw, "hinge loss")


def _multiclass_margin(y, dec, classes, labels) -> np.ndarray:
    n, k = y.shape[0], classes.size
    if dec.ndim <= 1:
        raise ValueError(
            "The shape of pred_decision cannot be 1d array with a multiclass target. "
            "pred_decision shape must be (n_samples, n_classes), that is "
            f"({n}, {k}). Got: {dec.shape}"
        )
    if k != dec.shape[1]:
        if labels is None:
            raise ValueError(
                "Please include all labels in y_true or pass labels as third argument"
            )
        raise ValueError(
            "The shape of pred_decision is not consistent with the number of "
            "classes. With a multiclass target, pred_decision shape must be "
            f"(n_samples, n_classes), that is ({n}, {k}). Got: {dec.shape}"
        )
    pos = np.searchsorted(classes, y)
    if np.any(pos >= k) or np.any(classes[np.minimum(pos, k - 1)] != y):
        raise ValueError(
            f"y_true contains labels not in labels={classes.tolist()}; include them"
        )
    rows = np.arange(n)
    own = dec[rows, pos]
    others = dec.copy()
    others[rows, pos] = -np.inf
    return own - others.max(axis=1)
