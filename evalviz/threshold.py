"""Decision thresholds for one binary (or one-vs-rest) problem.

- :class:`ThresholdDisplay`: precision, recall and F1 against the threshold,
  with chosen thresholds marked;
- :func:`pick_threshold`: the threshold that reaches a target precision or
  recall, with a clear error when no threshold can;
- :class:`OperatingPointsDisplay`: a minimal PR curve and ROC curve side by
  side with the same thresholds marked on both;
- :func:`evaluate_thresholds`: fixed thresholds evaluated on several splits,
  side by side;
- :func:`cost_threshold` and :class:`ExpectedCostDisplay`: the threshold
  with the lowest expected cost per sample, at the data's prevalence or
  another, against the 0.5 and argmax decisions; :func:`expected_costs`
  reports fixed thresholds' costs on other data, :func:`expected_cost` the
  cost of decisions already made;
- :func:`tuning_optimism`: how much a threshold tuned on the data it is
  reported on flatters itself, measured by splitting that data in halves.

Every number comes from :mod:`evalviz.metrics` (``threshold_table``,
``threshold_for_target``, ``tuning_optimism_runs``,
``counts_at_thresholds``); a score at or above the threshold is a positive
prediction. Labels follow scikit-learn's rules: {0, 1}, {-1, 1} and
{False, True} need no ``pos_label``, any other pair does.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _plotting as P
from . import metrics
from ._cost_display import ExpectedCostDisplay
from ._format import format_threshold, plural
from ._threshold_parts import (
    OperatingPointsDisplay,
    _marks,
    _marks_arg,
    _new_figure,
    _who,
)
from ._tuning_optimism import TuningOptimism, tuning_optimism
from ._validation import check_threshold
from .metrics import CostThreshold, cost_threshold, expected_cost, expected_costs

__all__ = [
    "CostThreshold",
    "ExpectedCostDisplay",
    "cost_threshold",
    "expected_cost",
    "expected_costs",
    "ThresholdDisplay",
    "OperatingPointsDisplay",
    "TuningOptimism",
    "evaluate_thresholds",
    "pick_threshold",
    "threshold_curve",
    "tuning_optimism",
]


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
    ThresholdDisplay(4 thresholds from 0.2 to 0.9, no marks)
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
            Self, with ``ax_``, ``figure_`` and ``lines_``.
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
                drawstyle="steps-pre",  # "score >= t" takes the value at the next score
            )
        return styles

    def _draw_marks(self, ax, styles):
        for i, row in self.marked.reset_index(drop=True).iterrows():
            ax.axvline(row["threshold"], color=P.NEUTRAL, linestyle=":", linewidth=1.2)
            for col, colour, _ in styles:
                ax.plot(
                    [row["threshold"]],
                    [row[col]],
                    "o",
                    color=colour,
                    markersize=P.STYLE["marker_threshold"],
                )
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
                color=P.ink(),
                annotation_clip=False,
            )


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
    >>> table = evaluate_thresholds([0.5], columns=["tp"], a=([0, 1, 1], [0.2, 0.9, 0.4]))
    >>> table["a"]["tp"].tolist()
    [1]
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
