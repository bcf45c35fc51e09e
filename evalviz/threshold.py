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

Every number comes from :func:`evalviz.metrics.counts_at_thresholds`; a score
at or above the threshold is a positive prediction.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _plotting as P
from ._validation import check_binary, check_has_positives, check_threshold
from .metrics._counting import counts_at_thresholds
from .metrics._ranking import average_precision, roc_auc

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


def _area_text(value) -> str:
    """An area with 4 decimals that never rounds a value below 1 up to 1."""
    if value is None or not np.isfinite(value):
        return "n/a"
    if 0.99995 <= value < 1.0:
        return ">0.9999"
    return f"{value:.4f}"


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

    def __init__(self, curve, marked, *, name=None, split=None):
        self.curve = curve
        self.marked = marked
        self.name = name
        self.split = split

    @classmethod
    def from_predictions(
        cls, y_true, y_score, *, pos_label=1, mark=None, name=None, split=None
    ):
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
        split : str, optional
            Which data the scores come from, for the title ("validation").
        """
        truth, score = _binary(y_true, y_score, pos_label)
        curve = counts_at_thresholds(truth, score, np.unique(score))
        marks = _marks(mark)
        marked = counts_at_thresholds(truth, score, list(marks.values()) or [0.5])
        marked = marked.iloc[: len(marks)]
        marked.insert(0, "name", list(marks))
        return cls(curve, marked.reset_index(drop=True), name=name, split=split)

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
            # Names sit above the plotting area, so they never cover a curve.
            ax.annotate(
                row["name"],
                xy=(row["threshold"], 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(0, 3 + 14 * (i % 2)),
                textcoords="offset points",
                fontsize=P.TICK_SIZE,
                ha="left",
                va="bottom",
                color="#333333",
                annotation_clip=False,
            )
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
            ax.set_title(ax.get_title(), fontsize=P.TITLE_SIZE, pad=34)
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

    @classmethod
    def from_predictions(
        cls, y_true, y_score, *, pos_label=1, mark=None, name=None, split=None
    ):
        """Compute both curves, their areas and the marked points.

        Arguments as :meth:`ThresholdDisplay.from_predictions`. The ROC AUC
        and the average precision come from :func:`evalviz.metrics.roc_auc`
        and :func:`evalviz.metrics.average_precision`.
        """
        disp = ThresholdDisplay.from_predictions(
            y_true, y_score, pos_label=pos_label, mark=mark, name=name
        )
        truth, score = _binary(y_true, y_score, pos_label)
        return cls(
            disp.curve,
            disp.marked,
            name=name,
            split=split,
            roc_auc=float(roc_auc(truth, score)),
            average_precision=float(average_precision(truth, score)),
        )

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
            colour = _MARK_COLORS[i % len(_MARK_COLORS)]
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
        who = _who(self.name, self.split)
        who = f": {who}" if who else ""
        pr_title = f"PR curve{who}"
        roc_title = f"ROC curve{who}"
        if self.average_precision is not None:
            pr_title += f"\naverage precision {_area_text(self.average_precision)}"
        if self.roc_auc is not None:
            roc_title += f"\nROC AUC {_area_text(self.roc_auc)}"
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
                first, _, rest = a.get_title().partition("\n")
                a.set_title(
                    first + ", zoomed" + ("\n" + rest if rest else ""),
                    fontsize=P.TITLE_SIZE,
                )
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


def _named_thresholds(thresholds) -> dict[str, float]:
    if isinstance(thresholds, Mapping):
        return {str(k): check_threshold(v, "thresholds") for k, v in thresholds.items()}
    values = np.atleast_1d(np.asarray(thresholds, dtype=object))
    return {f"{float(v):g}": check_threshold(v, "thresholds") for v in values}


def evaluate_thresholds(
    thresholds, *, columns=("precision", "recall", "f1"), pos_label=1, **splits
) -> pd.DataFrame:
    """Fixed thresholds evaluated on several splits, side by side.

    Parameters
    ----------
    thresholds : float, sequence of float, or mapping {name: threshold}
        The thresholds, already chosen (e.g. ``{"99% precision": t99}``).
    columns : sequence of str, default ("precision", "recall", "f1")
        Columns of :func:`evalviz.metrics.counts_at_thresholds` to show:
        any of ``tp, fp, tn, fn, precision, recall, f1, fpr``.
    pos_label : int, default 1
    **splits : pair (y_true, y_score)
        One pair per split, e.g. ``validation=(y_val, s_val), test=(y_test,
        s_test)``; binary targets and the positive class's scores.

    Returns
    -------
    pandas.DataFrame
        One row per threshold, indexed ``"name (t = 0.9467)"`` (just the
        value for unnamed thresholds); two column levels: split, then metric.

    Notes
    -----
    Nothing is chosen here: every split sees the same thresholds, with
    ``y_score >= threshold`` as a positive prediction.
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
        truth, score = _binary(pair[0], pair[1], pos_label)
        table = counts_at_thresholds(truth, score, list(named.values()))
        tables[split] = table[list(columns)]
    out = pd.concat(tables, axis=1)
    out.index = pd.Index(
        [
            name if name == f"{t:g}" else f"{name} (t = {t:.4f})"
            for name, t in named.items()
        ],
        name="threshold",
    )
    return out


class TuningOptimism:
    """How much better a threshold looks on the data it was tuned on.

    Build it with :func:`tuning_optimism`. The data is split at random into
    halves A and B many times; each time the threshold is chosen on A for the
    target, then measured on A (the number you would report if you tuned on
    the reported data) and on B (new data, never used for the choice).

    Attributes
    ----------
    runs : pandas.DataFrame
        One row per repeat: ``threshold`` (chosen on A), ``precision on A``,
        ``precision on B``, ``recall on A``, ``recall on B`` and
        ``optimism`` (the target metric on A minus on B).
    metric : {"precision", "recall"}
    target : float
    split : str or None
    ax_, figure_ : set by :meth:`plot`.

    Notes
    -----
    On A the target is met by construction (the threshold was picked as the
    lowest that meets it), so A's number says nothing about new data. B's
    number is an honest estimate, and the difference between the two is the
    optimism of tuning and reporting on the same data. Halves are stratified:
    each holds half of the positives and half of the negatives.
    """

    def __init__(self, runs, *, metric, target, split=None):
        self.runs = runs
        self.metric = metric
        self.target = float(target)
        self.split = split

    def to_frame(self) -> pd.DataFrame:
        return self.runs.copy()

    def summary(self) -> pd.DataFrame:
        """Mean of each half's metric, the mean optimism, and how often B misses.

        One row per quantity, one column ``value``.
        """
        m = self.metric
        ok = self.runs.dropna()
        a, b = ok[f"{m} on A"], ok[f"{m} on B"]
        values = {
            "repeats": len(ok),
            f"mean {m} on A (chosen there)": a.mean(),
            f"mean {m} on B (new data)": b.mean(),
            "mean optimism (A - B)": ok["optimism"].mean(),
            f"share of repeats with A below {self.target:g}": float(
                np.mean(a < self.target - 1e-12)
            ),
            f"share of repeats with B below {self.target:g}": float(
                np.mean(b < self.target - 1e-12)
            ),
        }
        return pd.DataFrame(
            {"value": [float(v) for v in values.values()]},
            index=pd.Index(list(values), name="over random halves"),
        )

    def plot(self, ax=None, *, bins=40, title=None):
        """Histograms of the metric on A and on B over all repeats, target marked."""
        fig, ax = P.new_axes(ax, figsize=(9.6, 4.8))
        m = self.metric
        ok = self.runs.dropna()
        a, b = ok[f"{m} on A"].to_numpy(), ok[f"{m} on B"].to_numpy()
        lo = float(min(a.min(), b.min(), self.target))
        hi = float(max(a.max(), b.max(), self.target))
        pad = max(hi - lo, 1e-3) * 0.05
        edges = np.linspace(lo - pad, min(hi + pad, 1.0 + 1e-9), int(bins) + 1)
        for values, label, colour, style in (
            (a, f"on A, where it was chosen (mean {a.mean():.4f})", P.PALETTE[1], "-"),
            (b, f"on B, new data (mean {b.mean():.4f})", P.PALETTE[0], "--"),
        ):
            counts, _ = np.histogram(values, bins=edges)
            ax.stairs(
                counts, edges, color=colour, linewidth=2.4, linestyle=style, label=label
            )
        ax.axvline(self.target, color="#333333", linestyle=":", linewidth=1.6)
        ax.annotate(
            f"target {self.target:g}",
            xy=(self.target, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=P.TICK_SIZE + 1,
        )
        if title is None:
            where = f" of the {self.split} split" if self.split else ""
            title = (
                f"Threshold chosen on half A for {self.target:g} {m}:\n"
                f"{m} on A and on B over {len(ok)} random halves{where}"
            )
        P.style_axes(ax, title=title, xlabel=m, ylabel="number of repeats")
        ax.set_title(ax.get_title(), fontsize=P.TITLE_SIZE, pad=22)
        ax.grid(True, alpha=0.3)
        ax.legend(
            loc="upper left",
            fontsize=P.TICK_SIZE + 1,
            framealpha=0.95,
            title="measured",
            title_fontsize=P.TICK_SIZE + 1,
        )
        self.ax_, self.figure_ = ax, fig
        return self


def tuning_optimism(
    y_true,
    y_score,
    *,
    precision=None,
    recall=None,
    n_repeats=200,
    seed=0,
    pos_label=1,
    split=None,
) -> TuningOptimism:
    """Measure the optimism of choosing a threshold on the data you report on.

    Parameters
    ----------
    y_true, y_score : array-like of shape (n_samples,)
        Binary targets and the positive class's scores, e.g. of the test
        split.
    precision, recall : float in (0, 1]
        The target, exactly one of them, as :func:`pick_threshold`.
    n_repeats : int, default 200
        Number of random splits into halves A and B.
    seed : int, default 0
    pos_label : int, default 1
    split : str, optional
        Name of the data, for the plot title ("test").

    Returns
    -------
    TuningOptimism

    Notes
    -----
    Each repeat: shuffle the positives and the negatives, give half of each
    to A and the rest to B, ``t = pick_threshold(A, target)``, then count
    precision and recall at ``t`` on A and on B (``y_score >= t`` is
    positive). A repeat where A cannot reach the target gives a row of NaN.
    """
    if (precision is None) == (recall is None):
        raise ValueError(
            "pass exactly one target: tuning_optimism(y_true, y_score, precision=0.99)"
            " or tuning_optimism(y_true, y_score, recall=0.9)"
        )
    if isinstance(n_repeats, bool) or not isinstance(n_repeats, (int, np.integer)):
        raise ValueError(f"n_repeats must be a positive integer, got {n_repeats!r}")
    if n_repeats < 1:
        raise ValueError(f"n_repeats must be at least 1, got {n_repeats}")
    metric = "precision" if precision is not None else "recall"
    target = precision if precision is not None else recall
    truth, score = _binary(y_true, y_score, pos_label)
    pos, neg = np.flatnonzero(truth == 1), np.flatnonzero(truth == 0)
    if pos.size < 2:
        raise ValueError(
            f"y_true has {pos.size} positive sample(s); splitting in halves needs at "
            "least 2 so that each half has one"
        )
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(int(n_repeats)):
        p, n = rng.permutation(pos), rng.permutation(neg)
        half_a = np.r_[p[: p.size // 2], n[: n.size // 2]]
        half_b = np.r_[p[p.size // 2 :], n[n.size // 2 :]]
        try:
            t = pick_threshold(truth[half_a], score[half_a], **{metric: target})
        except ValueError:
            rows.append(dict.fromkeys(_OPTIMISM_COLUMNS, np.nan))
            continue
        on_a = counts_at_thresholds(truth[half_a], score[half_a], t).iloc[0]
        on_b = counts_at_thresholds(truth[half_b], score[half_b], t).iloc[0]
        rows.append(
            {
                "threshold": t,
                "precision on A": on_a["precision"],
                "precision on B": on_b["precision"],
                "recall on A": on_a["recall"],
                "recall on B": on_b["recall"],
                "optimism": on_a[metric] - on_b[metric],
            }
        )
    runs = pd.DataFrame(rows, columns=list(_OPTIMISM_COLUMNS))
    runs.index = pd.RangeIndex(1, len(runs) + 1, name="repeat")
    return TuningOptimism(runs, metric=metric, target=target, split=split)


_OPTIMISM_COLUMNS = (
    "threshold",
    "precision on A",
    "precision on B",
    "recall on A",
    "recall on B",
    "optimism",
)
