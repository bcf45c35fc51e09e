"""The partial-AUC view of a ROC plot: the region FPR <= max_fpr and its areas.

Used by :class:`evalviz.curves.RocCurves` when ``max_fpr`` is given: the
standardised partial AUC of each curve comes from
:func:`evalviz.metrics.roc_auc` (McClish's standardisation, as scikit-learn),
the region it covers is shaded on the axes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import metrics
from ._format import format_area

__all__ = ["partial_areas", "draw_partial_region", "partial_label"]

_REGION_STYLE = {"color": "0.55", "alpha": 0.15, "linewidth": 0}


def partial_areas(y_true, y_score, names, *, labels, pos_label, max_fpr) -> pd.Series:
    """Standardised partial AUC of every curve (one per class or label).

    Parameters
    ----------
    y_true, y_score : array-like
        As given to :func:`evalviz.curves.roc`.
    names : list of str
        The curves' names, in column order.
    labels, pos_label : optional
        As given to :func:`evalviz.curves.roc`.
    max_fpr : float
        The largest false positive rate kept, in (0, 1].

    Returns
    -------
    pandas.Series
        One standardised partial AUC per curve, indexed by name.
    """
    areas = metrics.roc_auc(
        y_true,
        y_score,
        labels=labels,
        pos_label=pos_label,
        max_fpr=max_fpr,
        average=None,
    )
    return pd.Series(np.atleast_1d(np.asarray(areas, dtype=float)), index=names)


def partial_label(max_fpr: float, areas: pd.Series) -> str:
    """Legend text of the shaded region: the range and its partial AUC(s).

    Parameters
    ----------
    max_fpr : float
        The upper end of the region.
    areas : pandas.Series
        The standardised partial AUC of each curve.

    Returns
    -------
    str
        One value for one curve, else the lowest and highest.
    """
    head = f"FPR <= {max_fpr:g}: standardised partial AUC"
    if areas.size == 1:
        return f"{head} {format_area(areas.iloc[0])}"
    lo, hi = areas.idxmin(), areas.idxmax()
    return (
        f"{head}\nfrom {format_area(areas[lo])} ({lo}) to "
        f"{format_area(areas[hi])} ({hi})"
    )


def draw_partial_region(ax, max_fpr: float, areas: pd.Series, left: float):
    """Shade FPR in [0, max_fpr] and draw its boundary.

    Parameters
    ----------
    ax : matplotlib Axes
        The ROC axes.
    max_fpr : float
        The upper end of the region.
    areas : pandas.Series
        The standardised partial AUC of each curve (for the legend).
    left : float
        Where FPR 0 is drawn (0, or the "0" tick of a log axis).

    Returns
    -------
    matplotlib artist
        The shaded span.
    """
    left_edge = min(left, 0.0) if left <= 0 else left / 2.0
    span = ax.axvspan(
        left_edge,
        max_fpr,
        **_REGION_STYLE,
        zorder=0,
        label=partial_label(max_fpr, areas),
        gid="partial_region",
    )
    ax.axvline(max_fpr, color="0.35", linestyle=":", linewidth=1, zorder=1)
    return span
