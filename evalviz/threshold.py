"""Decision thresholds for one binary (or one-vs-rest) problem.

- :class:`ThresholdDisplay`: precision, recall and F1 against the threshold,
  with chosen thresholds marked;
- :func:`pick_threshold`: the threshold that reaches a target precision or
  recall, with a clear error when no threshold can;
- :class:`OperatingPointsDisplay`: a minimal PR curve and ROC curve side by
  side with the same thresholds marked on both;
- :func:`evaluate_thresholds`: fixed thresholds evaluated on several splits,
  side by side;
- :func:`tuning_optimism`: how much a threshold tuned on the data it is
  reported on flatters itself, measured by splitting that data in halves.

Every number comes from :mod:`evalviz.metrics` (``threshold_table``,
``threshold_for_target``, ``tuning_optimism_runs``,
``counts_at_thresholds``); a score at or above the threshold is a positive
prediction. Labels follow scikit-learn's rules: {0, 1}, {-1, 1} and
{False, True} need no ``pos_label``, any other pair does.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _plotting as P
from . import metrics
from ._format import format_area, format_rate, format_threshold, plural
from ._validation import check_threshold

__all__ = [
    "ThresholdDisplay",
    "OperatingPointsDisplay",
    "TuningOptimism",
    "evaluate_thresholds",
    "pick_threshold",
    "threshold_curve",
    "tuning_optimism",
]

# Marker colours for marked thresholds: Okabe-Ito, in an order where
# neighbours differ clearly (no vermillion next to orange), none the same as
# the curve's blue.
_MARK_COLORS = (
    P.PALETTE[1],  # vermillion
    P.PALETTE[2],  # bluish green
    P.PALETTE[3],  # reddish purple
    P.PALETTE[6],  # black
    P.PALETTE[5],  # sky blue
    P.PALETTE[4],  # orange
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


def threshold_curve(y_true, y_score, *, pos_label=None) -> pd.DataFrame:
    """Precision, recall, F1 (and the counts) at every distinct score.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels; for class ``k`` of a multi-class problem pass
        ``y_true == k``.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        Score of the positive class (``proba[:, k]``), or ``predict_proba``'s
        two columns.
    pos_label : object, optional
        The positive class; needed unless the labels are {0, 1}, {-1, 1} or
        {False, True}.

    Returns
    -------
    pandas.DataFrame
        Columns of :func:`evalviz.metrics.counts_at_thresholds`, one row per
        distinct score, thresholds increasing.

    Raises
    ------
    ValueError
        For ambiguous labels, more than two classes, or no positives.

    Notes
    -----
    ``y_score >= threshold`` is positive. Between two distinct scores nothing
    changes, so these rows are every operating point the scores allow (the
    same points as ``sklearn.metrics.precision_recall_curve``, which also adds
    a final point with recall 0).

    Examples
    --------
    >>> from evalviz.threshold import threshold_curve
    >>> threshold_curve([1, 1, 2, 2], [0.1, 0.3, 0.8, 0.6], pos_label=2)["precision"]
    0    0.500000
    1    0.666667
    2    1.000000
    3    1.000000
    Name: precision, dtype: float64
    """
    return metrics.threshold_table(y_true, y_score, pos_label=pos_label)


def pick_threshold(
    y_true, y_score, *, precision=None, recall=None, pos_label=None
) -> float:
    """The threshold that reaches a target precision or a target recall.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels (``y_true == k`` for one class of many). Use the
        **validation** split: a threshold tuned on the test split makes the
        test numbers optimistic.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        Score of the positive class.
    precision : float in (0, 1], optional
        Target precision. The lowest threshold whose precision is at least
        this is returned: it keeps the most recall.
    recall : float in (0, 1], optional
        Target recall. Among the thresholds whose recall is at least this,
        the one with the highest precision is returned (the highest such
        threshold when several tie).
    pos_label : object, optional
        The positive class; needed unless the labels are {0, 1}, {-1, 1} or
        {False, True}.

    Returns
    -------
    float
        A value taken from ``y_score``; predict positive with
        ``y_score >= threshold``.

    Raises
    ------
    ValueError
        If neither or both targets are given, a target is outside (0, 1], or
        no threshold reaches the target (the message gives the best value
        any threshold reaches).

    Notes
    -----
    Because precision is not monotonic in the threshold, "the first threshold
    where precision reaches the target" searched from the low end is the
    right rule (it maximises recall), but the precision just above it may dip
    below the target again. Evaluate the chosen threshold on held-out data
    with :func:`evalviz.metrics.counts_at_thresholds`.

    Examples
    --------
    >>> from evalviz.threshold import pick_threshold
    >>> pick_threshold([1, 1, 2, 2, 1, 2], [.1, .3, .8, .6, .4, .9],
    ...                precision=1.0, pos_label=2)
    0.6
    """
    return metrics.threshold_for_target(
        y_true, y_score, precision=precision, recall=recall, pos_label=pos_label
    )


class ThresholdDisplay:
    """Precision, recall and F1 as the decision threshold moves.

    Build it with :meth:`from_predictions` (computes and draws), or pass
    computed tables to the constructor.

    Parameters
    ----------
    curve : pandas.DataFrame
        Every operating point, as :func:`threshold_curve` returns it.
    marked : pandas.DataFrame, optional
        The marked thresholds: a ``name`` column plus the columns of
        :func:`evalviz.metrics.counts_at_thresholds`.
    name : str, optional
        Name of the positive class, for the title ("Sandal vs rest").
    split : str, optional
        Which data the scores come from, for the title ("validation").

    Attributes
    ----------
    curve, marked : pandas.DataFrame
        As given.
    ax_, figure_ : matplotlib Axes and Figure
        Set by :meth:`plot`.
    lines_ : dict
        "precision", "recall", "f1" -> the drawn curve.

    Notes
    -----
    Recall can only fall as the threshold rises (positives are only ever
    lost). Precision is **not monotonic**: when the threshold passes the
    score of a positive sample, TP drops by one while FP stays, so precision
    dips; when it passes a negative, FP drops and precision rises. With few
    positives predicted at high thresholds these dips are large, which is why
    the precision curve gets jagged at the right-hand end.

    Examples
    --------
    >>> from evalviz.threshold import ThresholdDisplay, threshold_curve
    >>> ThresholdDisplay(threshold_curve([0, 1, 1, 0], [0.2, 0.9, 0.6, 0.7]))
    ThresholdDisplay(3 thresholds from 0.6 to 0.9, no marks)
    """

    def __init__(self, curve, marked=None, *, name=None, split=None):
        self.curve = curve
        if marked is None:
            marked = curve.iloc[:0].copy()
            marked.insert(0, "name", pd.Series(dtype=object))
        self.marked = marked
        self.name = name
        self.split = split
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
        """Compute the curve and the marked points, and draw them.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            Binary labels, as :func:`threshold_curve`.
        y_score : array-like of shape (n_samples,) or (n_samples, 2)
            Score of the positive class.
        pos_label : object, optional
            The positive class, as :func:`threshold_curve`.
        thresholds : float, sequence of float, or mapping {name: threshold}, optional
            Thresholds to mark, e.g. ``(0.3, 0.5, 0.9)`` or
            ``{"90% precision": t90}``.
        name : str, optional
            Name of the positive class, for the title ("Sandal vs rest").
        split : str, optional
            Which data the scores come from, for the title ("validation").
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        mark : optional
            Deprecated spelling of ``thresholds``.
        **kwargs
            Passed to :meth:`plot` (``xlim``, ``ylim``, ``title``).

        Returns
        -------
        ThresholdDisplay
            Drawn.

        Raises
        ------
        ValueError
            As :func:`threshold_curve`, or for a threshold that is not a number.
        """
        thresholds = _marks_arg(thresholds, mark, "ThresholdDisplay.from_predictions")
        truth, score, _ = metrics.one_vs_rest_scores(
            y_true, y_score, pos_label=pos_label
        )
        curve = metrics.threshold_table(truth, score)
        marks = _marks(thresholds)
        marked = metrics.counts_at_thresholds(truth, score, list(marks.values()) or 0.5)
        marked = marked.iloc[: len(marks)]
        marked.insert(0, "name", list(marks))
        disp = cls(curve, marked.reset_index(drop=True), name=name, split=split)
        return disp.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        t = self.curve["threshold"]
        marks = (
            f"{plural(len(self.marked), 'mark')}" if len(self.marked) else "no marks"
        )
        return (
            f"ThresholdDisplay({plural(len(self.curve), 'threshold')} from "
            f"{format_threshold(t.min())} to {format_threshold(t.max())}, {marks})"
        )

    def precision_dips(self) -> pd.DataFrame:
        """Every step where precision goes *down* as the threshold rises.

        Returns
        -------
        pandas.DataFrame
            One row per dip: ``threshold before`` and ``threshold`` (the next
            distinct score), ``precision before`` and ``precision``, and the
            ``tp`` / ``fp`` counts before and after. At each dip a positive
            sample's score was passed: TP fell by one (or more, with ties)
            while FP did not fall enough to compensate.
        """
        c = self.curve.reset_index(drop=True)
        before = c.shift(1)
        dip = (c["precision"] < before["precision"]).to_numpy()
        return pd.DataFrame(
            {
                "threshold before": before["threshold"][dip].to_numpy(),
                "threshold": c["threshold"][dip].to_numpy(),
                "precision before": before["precision"][dip].to_numpy(),
                "precision": c["precision"][dip].to_numpy(),
                "tp before": before["tp"][dip].to_numpy().astype(np.int64),
                "tp": c["tp"][dip].to_numpy(),
                "fp before": before["fp"][dip].to_numpy().astype(np.int64),
                "fp": c["fp"][dip].to_numpy(),
            }
        )

    def to_frame(self) -> pd.DataFrame:
        """Every point drawn: the curve rows, then the marked rows (``name`` set).

        Returns
        -------
        pandas.DataFrame
            The curve's columns plus ``name`` ("" for curve rows).
        """
        curve = self.curve.copy()
        curve.insert(0, "name", "")
        return pd.concat([curve, self.marked], ignore_index=True)

    def plot(self, ax=None, *, xlim=None, ylim=None, title=None):
        """Draw precision, recall and F1 against the threshold.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (with a layout engine) when None.
        xlim, ylim : pair of float, optional
            Zoom in, e.g. ``ylim=(0.8, 1.0)`` when all three curves sit near
            the top.
        title : str, optional
            The axes title.

        Returns
        -------
        ThresholdDisplay
            self, with ``ax_``, ``figure_`` and ``lines_``.
        """
        fig, ax = _new_figure(ax, P.STYLE["threshold_figsize"])
        self.ax_, self.figure_ = ax, fig
        styles = self._draw_curves(ax)
        self._draw_marks(ax, styles)
        if title is None:
            title = "Precision, recall and F1 against the threshold"
            who = _who(self.name, self.split)
            if who:
                title += f"\n{who}"
        P.style_axes(
            ax,
            title=title,
            xlabel="Threshold (score >= threshold is positive)",
            ylabel="precision, recall, F1",
        )
        if len(self.marked):
            ax.set_title(ax.get_title(), fontsize=P.STYLE["title"], pad=34)
        ax.set_ylim(*(ylim if ylim is not None else (-0.02, 1.1)))
        if xlim is not None:
            ax.set_xlim(*xlim)
        ax.grid(True, alpha=0.3)
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=P.STYLE["legend_outside"],
            frameon=False,
        )
        return self

    def _draw_curves(self, ax):
        c = self.curve
        styles = (
            ("precision", P.PALETTE[0], "--"),
            ("recall", P.PALETTE[2], "-"),
            ("f1", P.PALETTE[1], ":"),
        )
        self.lines_ = {}
        for col, colour, dash in styles:
            (self.lines_[col],) = ax.plot(
                c["threshold"],
                c[col],
                dash,
                color=colour,
                linewidth=2.2,
                label="F1" if col == "f1" else col.capitalize(),
                drawstyle="steps-post",
            )
        return styles

    def _draw_marks(self, ax, styles):
        for i, row in self.marked.reset_index(drop=True).iterrows():
            ax.axvline(row["threshold"], color="#555555", linestyle=":", linewidth=1.2)
            for col, colour, _ in styles:
                ax.plot([row["threshold"]], [row[col]], "o", color=colour, markersize=7)
            # Names sit above the plotting area, so they never cover a curve.
            ax.annotate(
                row["name"],
                xy=(row["threshold"], 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(0, 3 + 14 * (i % 2)),
                textcoords="offset points",
                fontsize=P.STYLE["tick"],
                ha="left",
                va="bottom",
                color="#333333",
                annotation_clip=False,
            )


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
        pos_label, thresholds, name, split, mark
            As in :meth:`ThresholdDisplay.from_predictions`.
        ax : pair of matplotlib Axes, optional
            Where to draw (PR, ROC); a new figure when None.
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
            self, with ``ax_``, ``figure_`` and ``lines_``.
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
        roc_ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", linewidth=1)

    def _draw_marks(self, pr_ax, roc_ax):
        markers = ("o", "s", "D", "^", "v", "P", "X")
        for i, row in self.marked.reset_index(drop=True).iterrows():
            style = dict(
                marker=markers[i % len(markers)],
                color=_MARK_COLORS[i % len(_MARK_COLORS)],
                markersize=9,
                linestyle="none",
                markeredgecolor="black",
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
            first, _, rest = a.get_title().partition("\n")
            a.set_title(
                first + ", zoomed" + ("\n" + rest if rest else ""),
                fontsize=P.STYLE["title"],
            )


def _zoom_limits(values, low=None) -> tuple[float, float]:
    values = np.asarray(values, dtype=float)
    lo, hi = float(values.min()), float(values.max())
    pad = max(0.35 * (hi - lo), 0.01)
    lo = max(lo - pad, -0.005) if low is None else low
    return lo, min(hi + pad, 1.005)


def _named_thresholds(thresholds) -> dict[str, float]:
    if isinstance(thresholds, Mapping):
        return {str(k): check_threshold(v, "thresholds") for k, v in thresholds.items()}
    values = np.atleast_1d(np.asarray(thresholds, dtype=object))
    return {
        format_threshold(float(v)): check_threshold(v, "thresholds") for v in values
    }


def evaluate_thresholds(
    thresholds, *, columns=("precision", "recall", "f1"), pos_label=None, **splits
) -> pd.DataFrame:
    """Fixed thresholds evaluated on several splits, side by side.

    Parameters
    ----------
    thresholds : float, sequence of float, or mapping {name: threshold}
        The thresholds, already chosen (e.g. ``{"99% precision": t99}``).
    columns : sequence of str, default ("precision", "recall", "f1")
        Columns of :func:`evalviz.metrics.counts_at_thresholds` to show:
        any of ``tp, fp, tn, fn, precision, recall, f1, fpr``.
    pos_label : object, optional
        The positive class, as :func:`threshold_curve`.
    **splits : pair (y_true, y_score)
        One pair per split, e.g. ``validation=(y_val, s_val), test=(y_test,
        s_test)``; binary labels and the positive class's scores.

    Returns
    -------
    pandas.DataFrame
        One row per threshold, indexed ``"name (t = 0.9467)"`` (just the
        value for unnamed thresholds); two column levels: split, then metric.

    Raises
    ------
    ValueError
        Without splits or thresholds, for an unknown column, or for a split
        that is not a pair of arrays.

    Notes
    -----
    Nothing is chosen here: every split sees the same thresholds, with
    ``y_score >= threshold`` as a positive prediction.

    Examples
    --------
    >>> from evalviz.threshold import evaluate_thresholds
    >>> evaluate_thresholds([0.5], columns=["tp"], a=([0, 1, 1], [0.2, 0.9, 0.4]))
                a
               tp
    threshold
    0.5         1
    """
    if not splits:
        raise ValueError(
            "pass at least one split, e.g. evaluate_thresholds(t, "
            "validation=(y_val, s_val), test=(y_test, s_test))"
        )
    named = _named_thresholds(thresholds)
    if not named:
        raise ValueError("thresholds is empty; pass at least one threshold")
    allowed = ("tp", "fp", "tn", "fn", "precision", "recall", "f1", "fpr")
    unknown = [c for c in columns if c not in allowed]
    if unknown:
        raise ValueError(
            f"columns: unknown column {unknown[0]!r}; choose from {allowed}"
        )
    tables = {}
    for split, pair in splits.items():
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise ValueError(
                f"{split} must be a pair (y_true, y_score), got {type(pair).__name__}"
            )
        truth, score, _ = metrics.one_vs_rest_scores(
            pair[0], pair[1], pos_label=pos_label
        )
        table = metrics.counts_at_thresholds(truth, score, list(named.values()))
        tables[split] = table[list(columns)]
    out = pd.concat(tables, axis=1)
    out.index = pd.Index(
        [
            name
            if name == format_threshold(t)
            else f"{name} (t = {format_threshold(t, 4)})"
            for name, t in named.items()
        ],
        name="threshold",
    )
    return out


class TuningOptimism:
    """How much better a threshold looks on the data it was tuned on.

    Build it with :func:`tuning_optimism` (computes) or
    :meth:`from_predictions` (computes and draws). The data is split at
    random into halves A and B many times; each time the threshold is chosen
    on A for the target, then measured on A (the number you would report if
    you tuned on the reported data) and on B (new data, never used for the
    choice).

    Parameters
    ----------
    runs : pandas.DataFrame
        As :func:`evalviz.metrics.tuning_optimism_runs` returns it.
    metric : {"precision", "recall"}
        The target metric.
    target : float
        The target value.
    split : str, optional
        Name of the data, for the plot title.

    Attributes
    ----------
    runs : pandas.DataFrame
        One row per repeat: ``threshold`` (chosen on A), ``precision on A``,
        ``precision on B``, ``recall on A``, ``recall on B`` and
        ``optimism`` (the target metric on A minus on B).
    metric : {"precision", "recall"}
        The target metric.
    target : float
        The target value.
    split : str or None
        Name of the data.
    ax_, figure_ : matplotlib Axes and Figure
        Set by :meth:`plot`.

    Notes
    -----
    On A the target is met by construction (the threshold was picked as the
    lowest that meets it), so A's number says nothing about new data. B's
    number is an honest estimate, and the difference between the two is the
    optimism of tuning and reporting on the same data. Halves are stratified:
    each holds half of the positives and half of the negatives.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.threshold import tuning_optimism
    >>> tuning_optimism([0, 1] * 20, np.linspace(0, 1, 40), recall=0.5,
    ...                 n_repeats=3)
    TuningOptimism(recall 0.5 on A: mean 0.500 on A, 0.505 on B, 3 repeats)
    """

    def __init__(self, runs, *, metric, target, split=None):
        self.runs = runs
        self.metric = metric
        self.target = float(target)
        self.split = split
        self.ax_ = self.figure_ = None

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        precision=None,
        recall=None,
        n_repeats=200,
        seed=0,
        pos_label=None,
        split=None,
        ax=None,
        **kwargs,
    ):
        """Resample, and draw the target metric on A and on B.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            Binary labels.
        y_score : array-like of shape (n_samples,) or (n_samples, 2)
            Score of the positive class.
        precision, recall, n_repeats, seed, pos_label, split
            As in :func:`tuning_optimism`.
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        TuningOptimism
            Drawn.

        Raises
        ------
        ValueError
            As :func:`tuning_optimism`.
        """
        result = tuning_optimism(
            y_true,
            y_score,
            precision=precision,
            recall=recall,
            n_repeats=n_repeats,
            seed=seed,
            pos_label=pos_label,
            split=split,
        )
        return result.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        m = self.metric
        ok = self.runs.dropna()
        if ok.empty:
            return (
                f"TuningOptimism({m} {format_threshold(self.target)}: never reached "
                f"on A in {plural(len(self.runs), 'repeat')})"
            )
        return (
            f"TuningOptimism({m} {format_threshold(self.target)} on A: mean "
            f"{format_rate(ok[f'{m} on A'].mean())} on A, "
            f"{format_rate(ok[f'{m} on B'].mean())} on B, "
            f"{plural(len(ok), 'repeat')})"
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per repeat (see ``runs``).

        Returns
        -------
        pandas.DataFrame
            A copy of ``runs``.
        """
        return self.runs.copy()

    def summary(self) -> pd.DataFrame:
        """Mean of each half's metric, the mean optimism, and how often B misses.

        Returns
        -------
        pandas.DataFrame
            One row per quantity, one column ``value``.
        """
        m = self.metric
        ok = self.runs.dropna()
        a, b = ok[f"{m} on A"], ok[f"{m} on B"]
        target = format_threshold(self.target)
        values = {
            "repeats": len(ok),
            f"mean {m} on A (chosen there)": a.mean(),
            f"mean {m} on B (new data)": b.mean(),
            "mean optimism (A - B)": ok["optimism"].mean(),
            f"share of repeats with A below {target}": float(
                np.mean(a < self.target - 1e-12)
            ),
            f"share of repeats with B below {target}": float(
                np.mean(b < self.target - 1e-12)
            ),
        }
        return pd.DataFrame(
            {"value": [float(v) for v in values.values()]},
            index=pd.Index(list(values), name="over random halves"),
        )

    def plot(self, ax=None, *, bins=40, title=None):
        """Histograms of the metric on A and on B over all repeats, target marked.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (with a layout engine) when None.
        bins : int, default 40
            Number of bins.
        title : str, optional
            The axes title.

        Returns
        -------
        TuningOptimism
            self, with ``ax_`` and ``figure_``.
        """
        fig, ax = _new_figure(ax, P.STYLE["optimism_figsize"])
        m = self.metric
        ok = self.runs.dropna()
        a, b = ok[f"{m} on A"].to_numpy(), ok[f"{m} on B"].to_numpy()
        lo = float(min(a.min(), b.min(), self.target))
        hi = float(max(a.max(), b.max(), self.target))
        pad = max(hi - lo, 1e-3) * 0.05
        edges = np.linspace(lo - pad, min(hi + pad, 1.0 + 1e-9), int(bins) + 1)
        for values, label, colour, style in (
            (
                a,
                f"on A, where it was chosen (mean {format_rate(a.mean(), 4)})",
                P.PALETTE[1],
                "-",
            ),
            (
                b,
                f"on B, new data (mean {format_rate(b.mean(), 4)})",
                P.PALETTE[0],
                "--",
            ),
        ):
            counts, _ = np.histogram(values, bins=edges)
            ax.stairs(
                counts, edges, color=colour, linewidth=2.4, linestyle=style, label=label
            )
        self._draw_target(ax)
        if title is None:
            where = f" of the {self.split} split" if self.split else ""
            target = format_threshold(self.target)
            title = (
                f"Threshold chosen on half A for {target} {m}:\n"
                f"{m} on A and on B over {plural(len(ok), 'random half', 'random halves')}"
                f"{where}"
            )
        P.style_axes(ax, title=title, xlabel=m, ylabel="number of repeats")
        ax.set_title(ax.get_title(), fontsize=P.STYLE["title"], pad=22)
        ax.grid(True, alpha=0.3)
        ax.legend(
            loc="upper left",
            fontsize=P.STYLE["legend_outside"],
            framealpha=0.95,
            title="measured",
            title_fontsize=P.STYLE["legend_outside"],
        )
        self.ax_, self.figure_ = ax, fig
        return self

    def _draw_target(self, ax):
        ax.axvline(self.target, color="#333333", linestyle=":", linewidth=1.6)
        ax.annotate(
            f"target {format_threshold(self.target)}",
            xy=(self.target, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=P.STYLE["legend_outside"],
        )


def tuning_optimism(
    y_true,
    y_score,
    *,
    precision=None,
    recall=None,
    n_repeats=200,
    seed=0,
    pos_label=None,
    split=None,
) -> TuningOptimism:
    """Measure the optimism of choosing a threshold on the data you report on.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels, e.g. of the test split.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        The positive class's scores.
    precision, recall : float in (0, 1], optional
        The target, exactly one of them, as :func:`pick_threshold`.
    n_repeats : int, default 200
        Number of random splits into halves A and B.
    seed : int, default 0
        Seed of the random generator.
    pos_label : object, optional
        The positive class, as :func:`threshold_curve`.
    split : str, optional
        Name of the data, for the plot title ("test").

    Returns
    -------
    TuningOptimism
        Computed, not drawn: call ``.plot()``.

    Raises
    ------
    ValueError
        Unless exactly one target is given, for a bad ``n_repeats``, or with
        fewer than two positives.

    Notes
    -----
    Each repeat: shuffle the positives and the negatives, give half of each
    to A and the rest to B, ``t = pick_threshold(A, target)``, then count
    precision and recall at ``t`` on A and on B (``y_score >= t`` is
    positive). A repeat where A cannot reach the target gives a row of NaN.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.threshold import tuning_optimism
    >>> result = tuning_optimism([0, 1] * 20, np.linspace(0, 1, 40), recall=0.5,
    ...                          n_repeats=3)
    >>> result.runs.shape
    (3, 6)
    """
    runs = metrics.tuning_optimism_runs(
        y_true,
        y_score,
        precision=precision,
        recall=recall,
        n_repeats=n_repeats,
        seed=seed,
        pos_label=pos_label,
    )
    metric = "precision" if precision is not None else "recall"
    target = precision if precision is not None else recall
    return TuningOptimism(runs, metric=metric, target=target, split=split)
