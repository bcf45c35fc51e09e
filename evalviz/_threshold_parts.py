"""Shared pieces of the threshold displays, and :class:`OperatingPointsDisplay`.

Imported by :mod:`evalviz.threshold`, the public home of these names.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _plotting as P
from . import metrics
from ._format import format_area, format_threshold, plural
from ._validation import check_threshold

# Marker colours for marked thresholds: the palette without the curve's blue.
_MARK_COLORS = (
    P.PALETTE[1],  # vermillion
    P.PALETTE[2],  # teal
    P.PALETTE[3],  # magenta
    P.PALETTE[6],  # green
    P.PALETTE[5],  # pink
    P.PALETTE[4],  # violet
)


def _who(name, split) -> str:
    """ "Sandal vs rest, validation split" from the parts that are known."""
    parts = []
    if name:
        parts.append(f"{name} vs rest")
    if split:
        parts.append(f"{split} split")
    return ", ".join(parts)


def _new_figure(ax, figsize):
    """``new_axes`` with a layout engine on a figure this module creates."""
    created = ax is None
    fig, ax = P.new_axes(ax, figsize=figsize)
    if created:
        fig.set_layout_engine("constrained")
    return fig, ax


def _marks_arg(thresholds, mark, where):
    """``thresholds=`` with the old ``mark=`` accepted for one release."""
    if mark is not None:
        warnings.warn(
            f"{where}(mark=...) is now thresholds=... (marks on the curves); "
            "mark= will be removed in the next release",
            DeprecationWarning,
            stacklevel=3,
        )
        if thresholds is None:
            thresholds = mark
    return thresholds


def _marks(thresholds) -> dict[str, float]:
    """``{name: threshold}``; unnamed thresholds are named ``"t = 0.5"``."""
    if thresholds is None:
        return {}
    if isinstance(thresholds, Mapping):
        items = list(thresholds.items())
    else:
        values = np.atleast_1d(np.asarray(thresholds, dtype=object))
        items = [(f"t = {format_threshold(float(v))}", v) for v in values]
    return {str(name): check_threshold(v, "thresholds") for name, v in items}


class OperatingPointsDisplay:
    """A PR curve and a ROC curve side by side, the same thresholds marked on both.

    A small binary display for the threshold lesson; :mod:`evalviz.curves`
    holds the full curve displays. Build it with :meth:`from_predictions`.

    Parameters
    ----------
    curve : pandas.DataFrame
        Every operating point, as :func:`threshold_curve` returns it.
    marked : pandas.DataFrame
        The marked thresholds with their precision, recall (TPR) and FPR.
    name : str, optional
        Name of the positive class, for the titles.
    split : str, optional
        Which data the scores come from, for the titles.
    roc_auc, average_precision : float, optional
        The areas shown in the titles.

    Attributes
    ----------
    curve, marked : pandas.DataFrame
        As given.
    roc_auc, average_precision : float or None
        As given.
    ax_ : ndarray of two Axes
        (PR, ROC), set by :meth:`plot`.
    figure_ : matplotlib Figure
        Set by :meth:`plot`.
    lines_ : dict
        "pr", "roc" -> the drawn curves.

    Notes
    -----
    One threshold is one point on each curve: (recall, precision) on the PR
    curve and (FPR, recall) on the ROC curve, since recall is the true
    positive rate. ``y_score >= threshold`` is positive. The PR curve is
    drawn through the points the thresholds give; scikit-learn's extra point
    (recall 0, precision 1) is a convention, reached by no threshold.

    Examples
    --------
    >>> from evalviz.threshold import OperatingPointsDisplay
    >>> disp = OperatingPointsDisplay.from_predictions(
    ...     [0, 1, 1, 0], [0.2, 0.9, 0.6, 0.7], thresholds=[0.5])
    >>> disp
    OperatingPointsDisplay(ROC AUC 0.750, AP 0.833, 1 mark)
    """

    def __init__(
        self,
        curve,
        marked,
        *,
        name=None,
        split=None,
        roc_auc=None,
        average_precision=None,
    ):
        self.curve = curve
        self.marked = marked
        self.name = name
        self.split = split
        self.roc_auc = roc_auc
        self.average_precision = average_precision
        self.ax_ = self.figure_ = None
        self.lines_ = {}

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        pos_label=None,
        thresholds=None,
        name=None,
        split=None,
        ax=None,
        mark=None,
        **kwargs,
    ):
        """Compute both curves, their areas and the marked points, and draw them.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            Binary labels.
        y_score : array-like of shape (n_samples,) or (n_samples, 2)
            Score of the positive class.
        pos_label : object, optional
            The positive class, as in :func:`threshold_curve`.
        thresholds : float, sequence of float, or mapping {name: threshold}, optional
            Thresholds to mark on both curves.
        name : str, optional
            Name of the positive class, for the titles.
        split : str, optional
            Which data the scores come from, for the titles.
        ax : pair of matplotlib Axes, optional
            Where to draw (PR, ROC); a new figure when None.
        mark : optional
            Deprecated spelling of ``thresholds``.
        **kwargs
            Passed to :meth:`plot` (``zoom``, ``title``).

        Returns
        -------
        OperatingPointsDisplay
            Drawn.

        Raises
        ------
        ValueError
            As :func:`threshold_curve`.
        """
        thresholds = _marks_arg(
            thresholds, mark, "OperatingPointsDisplay.from_predictions"
        )
        truth, score, _ = metrics.one_vs_rest_scores(
            y_true, y_score, pos_label=pos_label
        )
        curve = metrics.threshold_table(truth, score)
        marks = _marks(thresholds)
        marked = metrics.counts_at_thresholds(truth, score, list(marks.values()) or 0.5)
        marked = marked.iloc[: len(marks)].reset_index(drop=True)
        marked.insert(0, "name", list(marks))
        disp = cls(
            curve,
            marked,
            name=name,
            split=split,
            roc_auc=float(metrics.roc_auc(truth, score)),
            average_precision=float(metrics.average_precision(truth, score)),
        )
        return disp.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        parts = []
        if self.roc_auc is not None:
            parts.append(f"ROC AUC {format_area(self.roc_auc)}")
        if self.average_precision is not None:
            parts.append(f"AP {format_area(self.average_precision)}")
        parts.append(plural(len(self.marked), "mark"))
        return f"OperatingPointsDisplay({', '.join(parts)})"

    def to_frame(self) -> pd.DataFrame:
        """The marked thresholds with their counts and rates.

        Returns
        -------
        pandas.DataFrame
            One row per marked threshold.
        """
        return self.marked.copy()

    def plot(self, ax=None, *, zoom=False, title=None):
        """Draw PR (left) and ROC (right).

        Parameters
        ----------
        ax : pair of matplotlib Axes, optional
            Where to draw; a new figure (with a layout engine) when None.
        zoom : bool, default False
            Limit both panels to the region around the marked points, useful
            when a good classifier squeezes the curves into a corner.
        title : str, optional
            A title over both panels.

        Returns
        -------
        OperatingPointsDisplay
            Self, with ``ax_``, ``figure_`` and ``lines_``.
        """
        if ax is None:
            fig, axes = P.new_grid(
                1, 2, figsize=P.STYLE["operating_points_figsize"], layout="constrained"
            )
            axes = axes[0]
        else:
            axes = np.asarray(ax, dtype=object).ravel()
            fig = axes[0].figure
        pr_ax, roc_ax = axes[0], axes[1]
        self._draw_curves(pr_ax, roc_ax)
        self._draw_marks(pr_ax, roc_ax)
        self._style(pr_ax, roc_ax)
        if zoom and len(self.marked):
            self._zoom(pr_ax, roc_ax)
        if len(self.marked):
            roc_ax.legend(
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                fontsize=P.STYLE["legend_outside"],
                frameon=False,
                title="threshold",
            )
        if title:
            fig.suptitle(title, fontsize=P.STYLE["title"])
        self.ax_, self.figure_ = axes, fig
        return self

    def _draw_curves(self, pr_ax, roc_ax):
        c = self.curve
        # Points in order of decreasing threshold. The ROC curve starts at
        # (0, 0), the threshold above every score; the PR curve has no such
        # point (precision is undefined when nothing is predicted positive).
        rec = c["recall"].to_numpy()[::-1]
        prec = c["precision"].to_numpy()[::-1]
        (self.lines_["pr"],) = pr_ax.plot(rec, prec, color=P.PALETTE[0], linewidth=2.2)
        (self.lines_["roc"],) = roc_ax.plot(
            np.r_[0.0, c["fpr"].to_numpy()[::-1]],
            np.r_[0.0, rec],
            color=P.PALETTE[0],
            linewidth=2.2,
        )
        roc_ax.plot([0, 1], [0, 1], color=P.NEUTRAL, linestyle="--", linewidth=1)

    def _draw_marks(self, pr_ax, roc_ax):
        markers = ("o", "s", "D", "^", "v", "P", "X")
        for i, row in self.marked.reset_index(drop=True).iterrows():
            style = dict(
                marker=markers[i % len(markers)],
                color=_MARK_COLORS[i % len(_MARK_COLORS)],
                markersize=P.STYLE["marker_named_point"],
                linestyle="none",
                markeredgecolor=P.ink(),
                label=row["name"],
            )
            pr_ax.plot([row["recall"]], [row["precision"]], **style)
            roc_ax.plot([row["fpr"]], [row["recall"]], **style)

    def _style(self, pr_ax, roc_ax):
        who = _who(self.name, self.split)
        who = f": {who}" if who else ""
        pr_title, roc_title = f"PR curve{who}", f"ROC curve{who}"
        if self.average_precision is not None:
            pr_title += f"\naverage precision {format_area(self.average_precision, 4)}"
        if self.roc_auc is not None:
            roc_title += f"\nROC AUC {format_area(self.roc_auc, 4)}"
        P.style_axes(
            pr_ax,
            title=pr_title,
            xlabel="Recall = TP / (TP + FN)",
            ylabel="Precision = TP / (TP + FP)",
        )
        P.style_axes(
            roc_ax,
            title=roc_title,
            xlabel="False positive rate = FP / (FP + TN)",
            ylabel="True positive rate (recall)",
        )
        for a in (pr_ax, roc_ax):
            a.set_xlim(-0.02, 1.02)
            a.set_ylim(-0.02, 1.04)
            a.grid(True, alpha=0.3)

    def _zoom(self, pr_ax, roc_ax):
        m = self.marked
        pr_ax.set_xlim(*_zoom_limits(m["recall"]))
        pr_ax.set_ylim(*_zoom_limits(m["precision"]))
        roc_ax.set_xlim(*_zoom_limits(m["fpr"], low=-0.0005))
        roc_ax.set_ylim(*_zoom_limits(m["recall"]))
        for a in (pr_ax, roc_ax):
            # on the last line: the first is already as wide as the panel
            a.set_title(a.get_title() + ", zoomed", fontsize=P.STYLE["title"])


def _zoom_limits(values, low=None) -> tuple[float, float]:
    values = np.asarray(values, dtype=float)
    lo, hi = float(values.min()), float(values.max())
    pad = max(0.35 * (hi - lo), 0.01)
    lo = max(lo - pad, -0.005) if low is None else low
    return lo, min(hi + pad, 1.005)
