"""Temperature scaling: one number that recalibrates a classifier's scores.

numpy and scipy only. Guo et al. 2017, "On calibration of modern neural
networks": divide the logits by a temperature T fitted on validation data by
minimising the log loss; T > 1 softens over-confident scores. The argmax (and
so accuracy) cannot change, since dividing a row by T > 0 keeps its order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import PROBABILITY_TOLERANCE, read_inputs

__all__ = ["TemperatureScaling", "temperature_scale"]

#: Probabilities are clipped here before their log is taken (log(0) = -inf).
_TINY = 1e-300


def _as_logits(x) -> np.ndarray:
    """Logits from logits or probabilities (float64).

    2-D rows in [0, 1] that sum to 1 are probabilities: their log is a logit
    (softmax(log p) = p). A 1-D array in [0, 1] holds binary probabilities: the
    logit is log(p / (1 - p)). Anything else is taken as logits.
    """
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim not in (1, 2) or not np.all(np.isfinite(arr)):
        raise ValueError(
            "logits_or_proba must be finite scores of shape (n_samples,) or "
            f"(n_samples, n_classes), got shape {arr.shape}"
        )
    in_unit = arr.size > 0 and arr.min() >= 0 and arr.max() <= 1
    if arr.ndim == 1:
        if not in_unit:
            return arr
        p = np.clip(arr, _TINY, 1.0)
        q = np.clip(1.0 - arr, _TINY, 1.0)
        return np.log(p) - np.log(q)
    sums_one = np.all(np.abs(arr.sum(axis=1) - 1.0) <= PROBABILITY_TOLERANCE)
    if in_unit and sums_one:
        return np.log(np.clip(arr, _TINY, 1.0))
    return arr


def _nll(logits: np.ndarray, y: np.ndarray, temperature: float) -> float:
    """Mean negative log likelihood of ``y`` under softmax/sigmoid(logits / T)."""
    from scipy.special import log_expit, log_softmax

    z = logits / temperature
    if z.ndim == 1:
        return float(-np.mean(np.where(y == 1, log_expit(z), log_expit(-z))))
    return float(-np.mean(log_softmax(z, axis=1)[np.arange(len(y)), y]))


def _apply(logits: np.ndarray, temperature: float) -> np.ndarray:
    from scipy.special import expit, softmax

    z = logits / temperature
    return expit(z) if z.ndim == 1 else softmax(z, axis=1)


@dataclass(frozen=True)
class TemperatureScaling:
    """A fitted temperature, and the function that applies it.

    Attributes
    ----------
    temperature : float
        The fitted T (> 1: the scores were over-confident).
    log_loss_before, log_loss_after : float
        Validation log loss (nats per sample) at T = 1 and at the fitted T.
    n_samples : int
        Validation samples used.

    Examples
    --------
    >>> from evalviz.metrics import TemperatureScaling
    >>> fit = TemperatureScaling(2.0, 0.5, 0.4, 100)
    >>> fit.transform([[2.0, 0.0]]).round(3).tolist()
    [[0.731, 0.269]]
    """

    temperature: float
    log_loss_before: float
    log_loss_after: float
    n_samples: int

    def transform(self, logits_or_proba) -> np.ndarray:
        """Recalibrated probabilities: softmax (or sigmoid) of ``logits / T``.

        Parameters
        ----------
        logits_or_proba : array-like of shape (n_samples,) or (n_samples, n_classes)
            Logits, or probabilities (whose log is used), as at fitting time.

        Returns
        -------
        ndarray of float64, same shape
            Probabilities: rows summing to 1 (multi-class), or the positive
            class's probability (binary, 1-D).
        """
        return _apply(_as_logits(logits_or_proba), self.temperature)

    __call__ = transform

    def to_frame(self):
        """One row: temperature, validation log loss before and after, samples.

        Returns
        -------
        pandas.DataFrame
            Columns ``temperature``, ``log_loss_before``, ``log_loss_after``,
            ``n_samples``.
        """
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "temperature": self.temperature,
                    "log_loss_before": self.log_loss_before,
                    "log_loss_after": self.log_loss_after,
                    "n_samples": self.n_samples,
                }
            ]
        )

    def __repr__(self) -> str:
        return (
            f"TemperatureScaling(temperature={self.temperature:.4g}, validation log "
            f"loss {self.log_loss_before:.4f} -> {self.log_loss_after:.4f}, "
            f"n={self.n_samples})"
        )


def temperature_scale(logits_or_proba_val, y_val, *, labels=None, bounds=(0.01, 100.0)):
    """Fit one temperature on validation data (Guo et al. 2017).

    Parameters
    ----------
    logits_or_proba_val : array-like of shape (n_samples,) or (n_samples, n_classes)
        Validation logits, or probabilities (their log is used: a softmax of
        log-probabilities gives them back). 1-D: binary, the positive class's
        logit or probability.
    y_val : array-like of shape (n_samples,)
        Validation labels (binary or multi-class).
    labels : array-like, optional
        The class values in column order (scikit-learn's meaning).
    bounds : tuple of float, default=(0.01, 100.0)
        The range searched for T.

    Returns
    -------
    TemperatureScaling
        The fit: ``.temperature``; ``.transform(logits_or_proba)`` (also callable)
        applies it; ``.to_frame()``.

    Raises
    ------
    ValueError
        If the scores are not finite, the labels do not match the columns, the
        target is multi-label, or ``bounds`` is not ``0 < low < high``.

    Notes
    -----
    T minimises the validation log loss of ``softmax(z / T)`` (``sigmoid`` for
    1-D scores), searched on ``log T`` with scipy's bounded Brent method
    (``scipy.optimize.minimize_scalar``). Dividing every logit of a row by the
    same T > 0 keeps its order, so predictions, accuracy and each binary
    ranking of one score stay the same; one-vs-rest AUCs of multi-class
    probabilities can move slightly, since ``softmax(z / T)`` reorders one
    class's probability across samples.

    Examples
    --------
    >>> from evalviz.calibration import temperature_scale
    >>> fit = temperature_scale([[4.0, 0.0], [3.0, 0.0], [0.0, 2.0], [2.0, 0.0]], [0, 1, 1, 0])
    >>> fit.temperature > 1
    True
    """
    from scipy.optimize import minimize_scalar

    low, high = (float(b) for b in bounds)
    if not 0 < low < high:
        raise ValueError(
            f"bounds must be (low, high) with 0 < low < high, got {bounds!r}"
        )
    logits = _as_logits(logits_or_proba_val)
    inputs = read_inputs(
        y_val,
        logits,
        labels=labels,
        kind="multiclass" if logits.ndim == 2 else None,
        y_score_name="logits_or_proba_val",
        y_true_name="y_val",
    )
    if inputs.kind == "multilabel":
        raise ValueError(
            "y_val is a multi-label indicator; temperature_scale needs class labels"
        )
    y = inputs.y.astype(np.int64)
    fit = minimize_scalar(
        lambda log_t: _nll(logits, y, float(np.exp(log_t))),
        bounds=(np.log(low), np.log(high)),
        method="bounded",
        options={"xatol": 1e-10},
    )
    temperature = float(np.exp(fit.x))
    return TemperatureScaling(
        temperature=temperature,
        log_loss_before=_nll(logits, y, 1.0),
        log_loss_after=_nll(logits, y, temperature),
        n_samples=len(y),
    )
