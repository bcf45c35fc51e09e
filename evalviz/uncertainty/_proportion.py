"""Confidence intervals of a proportion and McNemar's exact test."""

from __future__ import annotations

import numpy as np
from scipy import special, stats

from .._validation import check_choice, read_inputs
from ._results import McNemarResult

__all__ = ["proportion_ci", "mcnemar_test"]

_METHODS = ("wilson", "exact", "clopper-pearson")


def _check_confidence(confidence) -> float:
    try:
        value = float(confidence)
    except (TypeError, ValueError):
        value = float("nan")
    if isinstance(confidence, bool) or not 0.0 < value < 1.0:
        raise ValueError(
            f"confidence must be a level strictly between 0 and 1 (0.95 for a 95% "
            f"interval), got {confidence!r}"
        )
    return value


def _counts(value, name: str) -> np.ndarray:
    arr = np.asarray(value)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number):
        raise ValueError(f"{name} must hold whole-number counts, got dtype {arr.dtype}")
    arr = arr.astype(np.float64)
    if not np.all(np.isfinite(arr)) or np.any(arr < 0) or np.any(arr != np.round(arr)):
        raise ValueError(
            f"{name} must hold non-negative whole-number counts, got {value!r}; pass "
            "counts (for example the number of correct predictions), not rates"
        )
    return arr


def proportion_ci(successes, trials, *, method="wilson", confidence=0.95):
    """Confidence interval of a proportion (accuracy, recall, precision ...).

    Parameters
    ----------
    successes : int or array-like of int
        Number of successes (for example correct predictions), any shape.
    trials : int or array-like of int
        Number of trials (for example samples), broadcast against
        ``successes``; 0 gives NaN bounds.
    method : {"wilson", "exact", "clopper-pearson"}, default="wilson"
        ``"wilson"``: Wilson's score interval without continuity correction.
        ``"exact"`` (alias ``"clopper-pearson"``): the Clopper-Pearson
        interval from beta quantiles. scipy's names.
    confidence : float, default=0.95
        The interval's level.

    Returns
    -------
    low, high : float or ndarray
        The bounds, of the broadcast shape of the inputs (floats for scalar
        inputs); NaN where ``trials`` is 0.

    Raises
    ------
    ValueError
        If a count is negative, fractional, or ``successes > trials``, if the
        method is unknown, or if ``confidence`` is not in (0, 1).

    Notes
    -----
    Closed forms, vectorised, equal to
    ``scipy.stats.binomtest(k, n).proportion_ci(confidence, method)`` (which
    takes one count at a time). Wilson (Newcombe 1998, eq. 3), with
    ``z = Phi^-1((1 + confidence) / 2)`` and ``p = k / n``:
    ``(2np + z^2 +- z sqrt(4npq + z^2)) / (2 (n + z^2))``; the low bound is 0
    at ``k = 0`` and the high bound 1 at ``k = n``, as scipy. Clopper-Pearson
    (1934): ``low = Beta^-1(a/2; k, n-k+1)``, ``high = Beta^-1(1-a/2; k+1, n-k)``,
    with ``a = 1 - confidence``. Wilson is the default: its coverage is close to
    the nominal level even for small ``n``; Clopper-Pearson never covers less
    than the level and is wider.

    Examples
    --------
    >>> low, high = proportion_ci(57, 60)
    >>> round(low, 4), round(high, 4)
    (0.863, 0.9829)
    >>> proportion_ci([0, 0], [10, 0], method="exact")[1].round(4).tolist()
    [0.3085, nan]
    """
    check_choice(method, "method", _METHODS)
    level = _check_confidence(confidence)
    k = _counts(successes, "successes")
    n = _counts(trials, "trials")
    k, n = np.broadcast_arrays(k, n)
    if np.any(k > n):
        raise ValueError(
            f"successes must not exceed trials, got successes={successes!r} and "
            f"trials={trials!r}"
        )
    scalar = k.ndim == 0
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "wilson":
            low, high = _wilson(k, n, level)
        else:
            alpha = (1.0 - level) / 2.0
            low = np.where(k == 0, 0.0, special.betaincinv(k, n - k + 1, alpha))
            high = np.where(k == n, 1.0, special.betaincinv(k + 1, n - k, 1 - alpha))
    empty = n == 0
    low = np.where(empty, np.nan, low)
    high = np.where(empty, np.nan, high)
    if scalar:
        return float(low), float(high)
    return low, high


def _wilson(k, n, level):
    z = special.ndtri(0.5 + 0.5 * level)
    p = k / n
    denom = 2 * (n + z**2)
    center = (2 * n * p + z**2) / denom
    delta = z / denom * np.sqrt(4 * n * p * (1 - p) + z**2)
    low = np.where(k == 0, 0.0, center - delta)
    high = np.where(k == n, 1.0, center + delta)
    return low, high


def mcnemar_test(y_true, y_pred_a, y_pred_b, *, labels=None):
    """McNemar's exact test of two models' accuracies on the same samples.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels, or a multi-label 0/1 indicator matrix.
    y_pred_a, y_pred_b : array-like, same shape as ``y_true``
        The two models' predicted labels (multi-label: 0/1 indicators).
    labels : array-like, optional
        The class values (a check that every label is one of them).

    Returns
    -------
    McNemarResult
        Unpacks as ``(b, c, p_value)``: ``b`` samples only model A gets
        right, ``c`` samples only model B gets right, and the two-sided exact
        p-value; also ``n``, ``accuracy_a``, ``accuracy_b`` and ``metric``
        ("accuracy", or "exact match" for a multi-label target).

    Raises
    ------
    ValueError
        If the labels cannot be read, the shapes differ, or a prediction is
        not one of the classes of ``y_true`` (or of ``labels``).

    Notes
    -----
    Only the discordant samples carry information about the difference in
    accuracy (``(b - c) / n``). Under the null hypothesis of equal accuracy
    each discordant sample is equally likely to favour either model, so the
    exact test is ``scipy.stats.binomtest(b, b + c, 0.5)`` (McNemar 1947;
    the exact form as in Fagerland, Lydersen and Laake 2013). No discordant
    sample gives p = 1. For multi-label targets a sample is right when the
    whole row is right (exact match).

    Examples
    --------
    >>> result = mcnemar_test([0, 1, 1, 0, 1, 1], [0, 1, 1, 0, 0, 0], [1, 0, 1, 0, 1, 1])
    >>> result.b, result.c, round(result.p_value, 3)
    (2, 2, 1.0)
    """
    correct_a = _correct(y_true, y_pred_a, "y_pred_a", labels)
    correct_b = _correct(y_true, y_pred_b, "y_pred_b", labels)
    b = int(np.count_nonzero(correct_a & ~correct_b))
    c = int(np.count_nonzero(~correct_a & correct_b))
    p_value = 1.0 if b + c == 0 else float(stats.binomtest(b, b + c, 0.5).pvalue)
    return McNemarResult(
        b=b,
        c=c,
        p_value=p_value,
        n=int(correct_a.size),
        accuracy_a=float(correct_a.mean()),
        accuracy_b=float(correct_b.mean()),
        metric="exact match"
        if np.ndim(y_true) == 2 and np.shape(y_true)[1] > 1
        else "accuracy",
    )


def _correct(y_true, y_pred, name, labels):
    """Boolean vector: which samples ``y_pred`` gets right."""
    truth = np.asarray(y_true)
    if truth.ndim == 2 and truth.shape[1] > 1:
        inp = read_inputs(y_true, y_pred, y_score_name=name, kind="multilabel")
        pred = np.asarray(inp.score)
        if not np.isin(pred, (0, 1)).all():
            raise ValueError(
                f"{name} must be a 0/1 indicator matrix of predicted labels for a "
                "multi-label target; threshold the scores first"
            )
        return (pred == inp.y).all(axis=1)
    inp = read_inputs(
        y_true, y_pred=y_pred, labels=labels, kind="multiclass", y_pred_name=name
    )
    known = np.unique(inp.y) if labels is None else np.arange(len(inp.classes))
    stray = np.setdiff1d(np.unique(inp.y_pred), known)
    if stray.size:
        values = [c.item() if hasattr(c, "item") else c for c in inp.classes]
        raise ValueError(
            f"{name} holds {[values[i] for i in stray]}, which are not among the "
            f"classes of y_true {[values[i] for i in known]}; the predictions and y_true must use the same class "
            "values (recode one of them, e.g. y_true - 1 for classes coded 1/2), "
            "or pass labels= with every class value when y_true lacks one"
        )
    return inp.y == inp.y_pred
