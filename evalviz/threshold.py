"""Decision thresholds for one binary (or one-vs-rest) problem.

- :class:`ThresholdDisplay`: precision, recall and F1 against the threshold,
  with chosen thresholds marked;
- :func:`pick_threshold`: the threshold that reaches a target precision or
  recall, with a clear error when no threshold can;
- :class:`OperatingPointsDisplay`: a minimal PR curve and ROC curve side by
  side with the same thresholds marked on both.

Every number comes from :func:`evalviz.metrics.counts_at_thresholds`; a score
at or above the threshold is a positive prediction.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _plotting as P
from ._counting import counts_at_thresholds
from ._validation import check_binary, check_has_positives, check_threshold

__all__ = [
    "ThresholdDisplay",
    "OperatingPointsDisplay",
    "pick_threshold",
    "threshold_curve",
]


def _binary(y_true, y_score, pos_label):
    truth, score = check_binary(y_true, y_score, pos_label=pos_label)
    check_has_positives(truth)
    return truth, score


def threshold_curve(y_true, y_score, *, pos_label=1) -> pd.DataFrame:
    """Precision, recall, F1 (and the counts) at every distinct score.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary targets; for class ``k`` of a multi-class problem pass
        ``y_true == k``.
    y_score : array-like of shape (n_samples,)
        Score of the positive class (``proba[:, k]``).
    pos_label : int, default 1

    Returns
    -------
    pandas.DataFrame
        Columns of :func:`evalviz.metrics.counts_at_thresholds`, one row per
        distinct score, thresholds increasing.

    Notes
    -----
    ``y_score >= threshold`` is positive. Between two distinct scores nothing
    changes, so these rows are every operating point the scores allow (the
    same points as ``sklearn.metrics.precision_recall_curve``, which also adds
    a final point with recall 0).
    """
    truth, score = _binary(y_true, y_score, pos_label)
    return counts_at_thresholds(truth, score, np.unique(score))


def _marks(mark) -> dict[str, float]:
    if mark is None:
        return {}
    if isinstance(mark, Mapping):
        items = list(mark.items())
    else:
        values = np.atleast_1d(np.asarray(mark, dtype=object))
        items = [(f"t = {float(v):g}", v) for v in values]
    return {str(name): check_threshold(v, "mark") for name, v in items}


class ThresholdDisplay:
    """Precision, recall and F1 as the decision threshold moves.

    Build it with :meth:`from_predictions`.

    Attributes
    ----------
    curve : pandas.DataFrame
        Every operating point (see :func:`threshold_curve`).
    marked : pandas.DataFrame
        The marked thresholds: a ``name`` column plus the columns of
        :func:`evalviz.metrics.counts_at_thresholds`.
    ax_, figure_ : set by :meth:`plot`.

    Notes
    -----
    Recall can only fall as the threshold rises (positives are only ever
    lost). Precision is **not monotonic**: when the threshold passes the
    score of a positive sample, TP drops by one while FP stays, so precision
    dips; when it passes a negative, FP drops and precision rises. With few
    positives predicted at high thresholds these dips are large, which is why
    the precision curve gets jagged at the right-hand end.
    """

    def __init__(self, curve, marked, *, name=None):
        self.curve = curve
        self.marked = marked
        self.name = name

    @classmethod
    def from_predictions(cls, y_true, y_score, *, pos_label=1, mark=None, name=None):
        """Compute the curve and the marked points.

        Parameters
        ----------
        y_true, y_score, pos_label
            As :func:`threshold_curve`.
        mark : float, sequence of float, or mapping {name: threshold}, optional
            Thresholds to mark, e.g. ``(0.3, 0.5, 0.9)`` or
            ``{"90% precision": t90}``.
        name : str, optional
            Name of the positive class, for the title ("Sandal vs rest").
        """
        truth, score = _binary(y_true, y_score, pos_label)
        curve = counts_at_thresholds(truth, score, np.unique(score))
        marks = _marks(mark)
        marked = counts_at_thresholds(truth, score, list(marks.values()) or [0.5])
        marked = marked.iloc[: len(marks)]
        marked.insert(0, "name", list(marks))
        return cls(curve, marked.reset_index(drop=True), name=name)

    def to_frame(self) -> pd.DataFrame:
        """Every point drawn: the curve rows, then the marked rows (``name`` set)."""
        curve = self.curve.copy()
        curve.insert(0, "name", "")
        return pd.concat([curve, self.marked], ignore_index=True)

    def plot(self, ax=None, *, xlim=None, ylim=None, title=None):
        """Draw precision, recall and F1 against the threshold; returns self.

        ``xlim`` / ``ylim`` (pairs) zoom in, e.g. ``ylim=(0.8, 1.0)`` when all
        three curves sit near the top.
        """
        fig, ax = P.new_axes(ax, figsize=(8.4, 4.8))
        c = self.curve
        styles = (
            ("precision", P.PALETTE[0], "--"),
            ("recall", P.PALETTE[2], "-"),
            ("f1", P.PALETTE[1], ":"),
        )
        for col, colour, dash in styles:
            ax.plot(
                c["threshold"],
                c[col],
                dash,
                color=colour,
                linewidth=2.2,
                label="F1" if col == "f1" else col.capitalize(),
                drawstyle="steps-post",
            )
        for i, row in self.marked.iterrows():
            ax.axvline(row["threshold"], color="#555555", linestyle=":", linewidth=1.2)
            for col, colour, _ in styles:
                ax.plot([row["threshold"]], [row[col]], "o", color=colour, markersize=7)
            ax.annotate(
                row["name"],
                xy=(row["threshold"], 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(3, -4 - 14 * (i % 2)),
                textcoords="offset points",
                fontsize=P.TICK_SIZE,
                va="top",
                color="#333333",
            )
        if title is None:
            title = "Precision, recall and F1 against the threshold"
            if self.name:
                title += f" ({self.name} vs rest)"
        P.style_axes(
            ax, title=title, xlabel="Threshold (score >= threshold is positive)"
        )
        ax.set_ylim(*(ylim if ylim is not None else (-0.02, 1.1)))
        if xlim is not None:
            ax.set_xlim(*xlim)
        ax.grid(True, alpha=0.3)
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=P.TICK_SIZE + 1,
            frameon=False,
        )
        self.ax_, self.figure_ = ax, fig
        return self


def pick_threshold(
    y_true, y_score, *, precision=None, recall=None, pos_label=1
) -> float:
    """The threshold that reaches a target precision or a target recall.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary targets (``y_true == k`` for one class of many). Use the
        **validation** split: a threshold tuned on the test split makes the
        test numbers optimistic.
    y_score : array-like of shape (n_samples,)
        Score of the positive class.
    precision : float in (0, 1], optional
        Target precision. The lowest threshold whose precision is at least
        this is returned: it keeps the most recall.
    recall : float in (0, 1], optional
        Target recall. Among the thresholds whose recall is at least this,
        the one with the highest precision is returned (the highest such
        threshold when several tie).
    pos_label : int, default 1

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
    """
    if (precision is None) == (recall is None):
        raise ValueError(
            "pass exactly one target: pick_threshold(y_true, y_score, precision=0.9) "
            "or pick_threshold(y_true, y_score, recall=0.9)"
        )
    which = "precision" if precision is not None else "recall"
    target = check_threshold(precision if precision is not None else recall, which)
    if not 0 < target <= 1:
        raise ValueError(
            f"{which}={target!r} must be in (0, 1]; write 90% as {which}=0.9"
        )
    curve = threshold_curve(y_true, y_score, pos_label=pos_label)
    reached = curve[which].to_numpy() >= target - 1e-12
    if not reached.any():
        best = int(np.argmax(curve[which].to_numpy()))
        row = curve.iloc[best]
        other = "recall" if which == "precision" else "precision"
        raise ValueError(
            f"{which}={target:g} cannot be reached on these scores: the best {which} "
            f"at any threshold is {row[which]:.4f} (threshold {row['threshold']:.6g}, "
            f"{other} {row[other]:.4f}, {int(row['tp'])} true positives). Lower the "
            "target or use a better model"
        )
    if which == "precision":
        return float(curve["threshold"].to_numpy()[np.flatnonzero(reached)[0]])
    ok = curve[reached]
    best_precision = ok["precision"].max()
    return float(ok.loc[ok["precision"] == best_precision, "threshold"].max())


class OperatingPointsDisplay:
    """A PR curve and a ROC curve side by side, the same thresholds marked on both.

    A small binary display for the threshold lesson; :mod:`evalviz.curves`
    holds the full curve displays.

    Attributes
    ----------
    curve : pandas.DataFrame
        Every operating point (see :func:`threshold_curve`).
    marked : pandas.DataFrame
        The marked thresholds with their precision, recall (TPR) and FPR.
    ax_ : numpy.ndarray of two Axes (PR, ROC), figure_ : set by :meth:`plot`.

    Notes
    -----
    One threshold is one point on each curve: (recall, precision) on the PR
    curve and (FPR, recall) on the ROC curve, since recall is the true
    positive rate. ``y_score >= threshold`` is positive.
    """

    def __init__(self, curve, marked, *, name=None):
        self.curve = curve
        self.marked = marked
        self.name = name

    @classmethod
    def from_predictions(cls, y_true, y_score, *, pos_label=1, mark=None, name=None):
        disp = ThresholdDisplay.from_predictions(
            y_true, y_score, pos_label=pos_label, mark=mark, name=name
        )
        return cls(disp.curve, disp.marked, name=name)

    def to_frame(self) -> pd.DataFrame:
        return self.marked.copy()

    def plot(self, ax=None, *, zoom=False, title=None):
        """Draw PR (left) and ROC (right); ``ax`` may be a pair of axes.

        ``zoom=True`` limits both panels to the region around the marked
        points, useful when a good classifier squeezes the curves into a corner.
        """
        if ax is None:
            fig, axes = P.new_grid(1, 2, figsize=(11.5, 5.0))
            axes = axes[0]
        else:
            axes = np.asarray(ax, dtype=object).ravel()
            fig = axes[0].figure
        c = self.curve
        # Points in order of decreasing threshold, starting from the "nothing
        # predicted positive" end (recall 0, precision 1 by convention, FPR 0).
        rec = np.r_[0.0, c["recall"].to_numpy()[::-1]]
        prec = np.r_[1.0, c["precision"].to_numpy()[::-1]]
        fpr = np.r_[0.0, c["fpr"].to_numpy()[::-1]]
        pr_ax, roc_ax = axes[0], axes[1]
        pr_ax.plot(rec, prec, color=P.PALETTE[0], linewidth=2.2)
        roc_ax.plot(fpr, rec, color=P.PALETTE[0], linewidth=2.2)
        roc_ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", linewidth=1)
        markers = ("o", "s", "D", "^", "v", "P", "X")
        for i, row in self.marked.iterrows():
            colour = P.PALETTE[(i + 1) % len(P.PALETTE)]
            style = dict(
                marker=markers[i % len(markers)],
                color=colour,
                markersize=9,
                linestyle="none",
                markeredgecolor="black",
                label=row["name"],
            )
            pr_ax.plot([row["recall"]], [row["precision"]], **style)
            roc_ax.plot([row["fpr"]], [row["recall"]], **style)
        who = f" ({self.name} vs rest)" if self.name else ""
        P.style_axes(pr_ax, title=f"PR curve{who}", xlabel="Recall", ylabel="Precision")
        P.style_axes(
            roc_ax,
            title=f"ROC curve{who}",
            xlabel="False positive rate",
            ylabel="True positive rate (recall)",
        )
        for a in axes[:2]:
            a.set_xlim(-0.02, 1.02)
            a.set_ylim(-0.02, 1.04)
            a.grid(True, alpha=0.3)
        if zoom and len(self.marked):
            m = self.marked
            pr_ax.set_xlim(*_zoom_limits(m["recall"]))
            pr_ax.set_ylim(*_zoom_limits(m["precision"]))
            roc_ax.set_xlim(*_zoom_limits(m["fpr"], low=-0.0005))
            roc_ax.set_ylim(*_zoom_limits(m["recall"]))
            for a in axes[:2]:
                a.set_title(a.get_title() + ", zoomed", fontsize=P.TITLE_SIZE)
        if len(self.marked):
            roc_ax.legend(
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                fontsize=P.TICK_SIZE + 1,
                frameon=False,
                title="threshold",
            )
        if title:
            fig.suptitle(title, fontsize=P.TITLE_SIZE)
        self.ax_, self.figure_ = axes, fig
        return self


def _zoom_limits(values, low=None) -> tuple[float, float]:
    values = np.asarray(values, dtype=float)
    lo, hi = float(values.min()), float(values.max())
    pad = max(0.35 * (hi - lo), 0.01)
    lo = max(lo - pad, -0.005) if low is None else low
    return lo, min(hi + pad, 1.005)
