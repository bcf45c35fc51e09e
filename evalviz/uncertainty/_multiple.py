"""Many tests at once: Holm's step-down adjustment of p-values."""

from __future__ import annotations

import numpy as np

from .._format import format_p_value

__all__ = ["format_p_value", "holm_adjust"]


def holm_adjust(p_values) -> np.ndarray:
    """Holm's step-down adjusted p-values, for many tests judged together.

    Sort the ``m`` p-values; multiply the smallest by ``m``, the next by
    ``m - 1`` and so on; cap at 1; then never let an adjusted value fall below
    the one before it in that order. Calling a test significant when its
    adjusted p-value is below ``alpha`` keeps the chance of any false finding
    among the ``m`` at most ``alpha``, whatever their dependence.

    Parameters
    ----------
    p_values : array-like of shape (m,)
        The p-values, each in [0, 1]. NaN (a test that could not be run) is
        left out of the count ``m`` and stays NaN.

    Returns
    -------
    ndarray of shape (m,)
        The adjusted p-values, in the input's order; equal to R's
        ``p.adjust(p, method = "holm")``.

    Raises
    ------
    ValueError
        If ``p_values`` is not one-dimensional or has a value outside [0, 1].

    Notes
    -----
    Holm, S. (1979). A simple sequentially rejective multiple test procedure.
    *Scandinavian Journal of Statistics* 6(2), 65-70.

    Examples
    --------
    >>> holm_adjust([0.01, 0.04, 0.03]).round(4).tolist()
    [0.03, 0.06, 0.06]
    """
    p = np.asarray(p_values, dtype=float)
    if p.ndim != 1:
        raise ValueError(
            f"p_values must be one-dimensional; received shape {p.shape}. "
            "Pass the p-values of the tests judged together as one list."
        )
    known = ~np.isnan(p)
    if np.any((p[known] < 0) | (p[known] > 1)):
        raise ValueError(
            f"p_values must lie in [0, 1]; received {p[known][(p[known] < 0) | (p[known] > 1)][:3]}"
            " (a statistic or a percentage instead of a p-value?)"
        )
    out = np.full(p.shape, np.nan)
    kept = p[known]
    m = kept.size
    order = np.argsort(kept, kind="stable")
    stepped = np.minimum(1.0, (m - np.arange(m)) * kept[order])
    adjusted = np.empty(m)
    adjusted[order] = np.maximum.accumulate(stepped)
    out[known] = adjusted
    return out
