"""Calibration: does a score of 0.9 come true nine times in ten.

A classifier is calibrated when, among the predictions made with confidence
p, a share p is right. This module measures it and draws it:

- :func:`calibration_error`: binned expected (ECE), RMS and maximum
  calibration error, equal to torchmetrics' ``CalibrationError``; equal-mass
  bins and class-wise errors too.
- :func:`brier_score` and :func:`log_loss`: proper scoring rules, equal to
  scikit-learn's for binary and multi-class input.
- :class:`ReliabilityDisplay`: the reliability diagram, with the bin counts
  beneath, the gap per bin and a Wilson interval per bin.
- :func:`confident_errors`: how often predictions above 0.99, 0.99999 ...
  are wrong, counted, with Wilson intervals.
- :func:`temperature_scale`: one temperature fitted on validation data that
  recalibrates a model without changing a single prediction.

The computations live in :mod:`evalviz.metrics`; this module adds the plot.
"""

from __future__ import annotations

import numpy as np

from ._format import format_count
from ._plotting import CLASS_COLORS, NEUTRAL, STYLE, style_axes
from .metrics import (
    CalibrationBins,
    TemperatureScaling,
    brier_score,
    calibration_bins,
    calibration_error,
    confident_predictions,
    temperature_scale,
)
from .metrics import calibration_log_loss as log_loss
from .uncertainty import proportion_ci

__all__ = [
    "CalibrationBins",
    "ReliabilityDisplay",
    "TemperatureScaling",
    "brier_score",
    "calibration_bins",
    "calibration_error",
    "confident_errors",
    "log_loss",
    "temperature_scale",
]

#: With one Axes given, the diagram's y axis reaches down to -_INSET_ROOM and
#: the counts are drawn in an inset there.
_INSET_ROOM = 0.3

_Y_LABELS = {
    "top-label": "accuracy in the bin",
    "binary": "share of positives in the bin",
    "class-wise": "share of the class in the bin",
}


class ReliabilityDisplay:
    """Reliability diagram: accuracy against confidence, bin by bin.

    Build it with :meth:`from_predictions` (computes and draws); the
    constructor takes computed bins, as scikit-learn's displays take arrays.

    Parameters
    ----------
    bins : dict of str to CalibrationBins
        One entry per curve, from :func:`evalviz.metrics.calibration_bins`.
    kind : {"binary", "top-label", "class-wise"}
        What the curves calibrate.
    confidence : float, default=0.95
        Level of the Wilson interval drawn per bin.

    Attributes
    ----------
    ece : dict of str to float
        Expected calibration error (``norm="l1"``) per curve.
    interval : dict of str to (ndarray, ndarray)
        Wilson interval ``(low, high)`` of each bin's accuracy (NaN if empty).
    ax_, ax_counts_ : matplotlib Axes
        The diagram and the histogram of bin counts beneath it.
    figure_ : matplotlib Figure
    lines_ : dict of str to Line2D
        The reliability curve of each entry.
    errorbars_ : dict of str to ErrorbarContainer
        The Wilson intervals.
    gaps_ : LineCollection or None
        The gap per bin (single-curve diagrams).
    diagonal_ : Line2D
        Perfect calibration.
    bars_ : dict of str to artist
        The bin counts.

    Examples
    --------
    >>> from evalviz.calibration import ReliabilityDisplay, calibration_bins
    >>> bins = calibration_bins([0, 1, 1, 0], [0.1, 0.8, 0.7, 0.4], n_bins=2)
    >>> ReliabilityDisplay(bins, kind="binary")
    ReliabilityDisplay(binary, 3 bins, ECE 0.2500, n=4)
    """

    def __init__(self, bins, *, kind, confidence=0.95):
        self.bins = dict(bins)
        self.kind = kind
        self.confidence = confidence
        self.ece = {name: b.error("l1") for name, b in self.bins.items()}
        self.interval = {
            name: proportion_ci(b.correct, b.count, confidence=confidence)
            for name, b in self.bins.items()
        }

    @property
    def ece_mean(self) -> float:
        """The ECE of the display.

        Returns
        -------
        float
            The single curve's ECE, or the mean over classes (class-wise).
        """
        return float(np.mean(list(self.ece.values())))

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        kind=None,
        n_bins=15,
        strategy="uniform",
        edges="torchmetrics",
        labels=None,
        display_labels=None,
        pos_label=None,
        confidence=0.95,
        ax=None,
        **kwargs,
    ):
        """Compute the bins of predicted probabilities and draw the diagram.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
            Binary or multi-class labels, or a multi-label indicator matrix.
        y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
            Probabilities (logits are refused with the softmax to apply).
        kind : {"binary", "top-label", "class-wise"}, optional
            Default: binary, top-label (multi-class) or class-wise
            (multi-label); see :func:`evalviz.metrics.calibration_bins`.
        n_bins : int, default=15
            Number of bins.
        strategy : {"uniform", "quantile"}, default="uniform"
            Equal-width or equal-mass bins.
        edges : {"torchmetrics", "sklearn"}, default="torchmetrics"
            ``[a, b)`` bins and a bin of its own for a confidence of 1.0
            (torchmetrics, whose ECE the title quotes), or scikit-learn's
            ``(a, b]`` bins, whose non-empty bins equal ``calibration_curve``.
        labels, display_labels, pos_label : optional
            Class values in column order, names shown, the positive class.
        confidence : float, default=0.95
            Level of the Wilson interval per bin.
        ax : matplotlib Axes or pair of Axes, optional
            Where to draw (see :meth:`plot`); None: a new figure.
        **kwargs
            Passed to the reliability curves' ``plot``.

        Returns
        -------
        ReliabilityDisplay
            The computed bins, drawn.

        Raises
        ------
        ValueError
            If the scores are not probabilities or an option is unknown.

        Examples
        --------
        >>> from evalviz.calibration import ReliabilityDisplay
        >>> disp = ReliabilityDisplay.from_predictions(
        ...     [0, 1, 1, 0, 1], [0.1, 0.8, 0.7, 0.4, 0.9], n_bins=5
        ... )
        >>> round(disp.ece_mean, 2)
        0.22
        """
        bins = calibration_bins(
            y_true,
            y_score,
            kind=kind,
            n_bins=n_bins,
            strategy=strategy,
            edges=edges,
            labels=labels,
            pos_label=pos_label,
            display_labels=display_labels,
        )
        if kind is None:
            kind = (
                "top-label"
                if list(bins) == ["top-label"]
                else "binary"
                if len(bins) == 1
                else "class-wise"
            )
        return cls(bins, kind=kind, confidence=confidence).plot(ax=ax, **kwargs)

    def plot(self, ax=None, **kwargs):
        """Draw the reliability diagram and the bin counts beneath it.

        Parameters
        ----------
        ax : matplotlib Axes or pair of Axes, optional
            None: a new figure with the diagram above the counts. One Axes:
            the diagram there, the counts in an inset along its bottom. A pair
            ``(diagram, counts)``: each on its own.
        **kwargs
            Passed to the reliability curves' ``plot``.

        Returns
        -------
        ReliabilityDisplay
            ``self``, with ``ax_``, ``ax_counts_``, ``figure_`` and the artists.
        """
        self.figure_, self.ax_, self.ax_counts_ = self._axes(ax)
        self._draw_diagram(self.ax_, **kwargs)
        self._draw_counts(self.ax_counts_)
        if self._inset:  # room below the diagram for the counts' inset
            self.ax_.set_ylim(-_INSET_ROOM, 1.02)
            self.ax_.set_yticks(np.linspace(0, 1, 6))
            self.ax_.tick_params(labelbottom=False)
        return self

    def _axes(self, ax):
        self._inset = False
        if ax is None:
            import matplotlib.pyplot as plt

            fig, (top, bottom) = plt.subplots(
                2,
                1,
                figsize=STYLE["reliability_figsize"],
                sharex=True,
                height_ratios=(3, 1),
                layout="constrained",
            )
            return fig, top, bottom
        if isinstance(ax, (tuple, list, np.ndarray)):
            top, bottom = list(np.ravel(ax))[:2]
            return top.figure, top, bottom
        self._inset = True
        height = 0.98 * _INSET_ROOM / (1.02 + _INSET_ROOM)
        bottom = ax.inset_axes((0.0, 0.0, 1.0, height), sharex=ax)
        bottom.patch.set_alpha(0.0)
        return ax.figure, ax, bottom

    def _many(self) -> bool:
        return len(self.bins) > 1

    def _draw_diagram(self, ax, **kwargs):
        (self.diagonal_,) = ax.plot(
            [0, 1], [0, 1], linestyle="--", color=NEUTRAL, label="perfectly calibrated"
        )
        self.lines_, self.errorbars_, self.gaps_ = {}, {}, None
        for i, (name, b) in enumerate(self.bins.items()):
            color = CLASS_COLORS[i % len(CLASS_COLORS)]
            filled = b.count > 0
            x, y = b.confidence[filled], b.accuracy[filled]
            low, high = (v[filled] for v in self.interval[name])
            if not self._many():
                self.gaps_ = ax.vlines(
                    x, x, y, color=CLASS_COLORS[1], linewidth=STYLE["marker"] / 2,
                    alpha=0.6, label="gap (accuracy - confidence)",
                )  # fmt: skip
            self.errorbars_[name] = ax.errorbar(
                x, y, yerr=np.vstack([y - low, high - y]), fmt="none",
                ecolor=color, alpha=0.5, capsize=2,
            )  # fmt: skip
            label = (
                f"{name} (ECE {self.ece[name]:.3f})"
                if self._many()
                else f"{self.kind} (ECE {self.ece[name]:.3f})"
            )
            style = {"marker": "o", "markersize": STYLE["marker"] / 2, "color": color}
            (self.lines_[name],) = ax.plot(x, y, label=label, **{**style, **kwargs})
        ax.set_xlim(-0.02, 1.04)
        ax.set_ylim(-0.02, 1.02)
        ax.set_aspect("auto")
        title = (
            f"Reliability, class-wise: mean ECE {self.ece_mean:.3f}"
            if self._many()
            else f"Reliability ({self.kind}): ECE {self.ece_mean:.3f}"
        )
        style_axes(ax, title=title, ylabel=_Y_LABELS[self.kind])
        ax.legend(fontsize=STYLE["legend_inside"], loc="upper left")
        ax.grid(alpha=0.3)

    def _draw_counts(self, ax):
        self.bars_ = {}
        for i, (name, b) in enumerate(self.bins.items()):
            color = CLASS_COLORS[i % len(CLASS_COLORS)]
            width = b.upper - b.lower
            # the bin of confidences equal to 1.0 has no width: draw it narrow
            width = np.where(width > 0, width, np.min(width[width > 0]) / 3)
            if self._many():
                (self.bars_[name],) = ax.step(
                    np.append(b.lower, b.lower[-1] + width[-1]),
                    np.append(b.count, b.count[-1]),
                    where="post", color=color,
                )  # fmt: skip
            else:
                self.bars_[name] = ax.bar(
                    b.lower, b.count, width=width, align="edge", color=color, alpha=0.6
                )
        counts = np.concatenate([b.count for b in self.bins.values()])
        nonzero = counts[counts > 0]
        if nonzero.size and nonzero.max() > 50 * np.median(nonzero):
            ax.set_yscale("log")
        n = next(iter(self.bins.values())).n_samples
        style_axes(
            ax,
            xlabel="confidence (mean predicted probability in the bin)",
            ylabel=f"samples\n(of {format_count(n)})",
        )

    def to_frame(self):
        """Per non-empty bin: bounds, count, confidence, accuracy, gap, interval.

        Returns
        -------
        pandas.DataFrame
            Columns ``curve``, ``bin_lower``, ``bin_upper``, ``count``,
            ``confidence`` (mean), ``accuracy`` (observed share), ``gap``
            (``accuracy - confidence``), ``ci_low``, ``ci_high``.
        """
        import pandas as pd

        frames = []
        for name, b in self.bins.items():
            low, high = self.interval[name]
            frame = pd.DataFrame(
                {
                    "curve": name,
                    "bin_lower": b.lower,
                    "bin_upper": b.upper,
                    "count": b.count,
                    "confidence": b.confidence,
                    "accuracy": b.accuracy,
                    "gap": b.gap,
                    "ci_low": low,
                    "ci_high": high,
                }
            )
            frames.append(frame[frame["count"] > 0])
        return pd.concat(frames, ignore_index=True)

    def __repr__(self) -> str:
        first = next(iter(self.bins.values()))
        what = f"{len(self.bins)} classes, mean " if self._many() else ""
        return (
            f"ReliabilityDisplay({self.kind}, {len(first.count)} bins, "
            f"{what}ECE {self.ece_mean:.4f}, n={first.n_samples})"
        )


def confident_errors(
    y_true,
    y_score,
    *,
    thresholds=(0.9, 0.99, 0.999, 0.9999, 0.99999),
    labels=None,
    confidence=0.95,
):
    """How often a prediction made with a top probability above t is wrong.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Multi-class (or binary) labels.
    y_score : array-like of shape (n_samples, n_classes)
        Probabilities, one column per class.
    thresholds : sequence of float, default=(0.9, 0.99, 0.999, 0.9999, 0.99999)
        Confidence levels in [0, 1); a prediction counts when its top
        probability is strictly above the level.
    labels : array-like, optional
        The class values in column order.
    confidence : float, default=0.95
        Level of the Wilson interval of the share wrong.

    Returns
    -------
    pandas.DataFrame
        One row per threshold: ``threshold``, ``predictions`` (above it),
        ``wrong`` (argmax not the true class), ``share_wrong``, ``ci_low``,
        ``ci_high`` (NaN share and bounds when no prediction is above).

    Raises
    ------
    ValueError
        If the scores are not probabilities, or a threshold is outside [0, 1).

    Examples
    --------
    >>> from evalviz.calibration import confident_errors
    >>> table = confident_errors([0, 1, 1], [[0.95, 0.05], [0.999, 0.001], [0.2, 0.8]],
    ...                          thresholds=[0.9, 0.99])
    >>> table["wrong"].tolist(), table["share_wrong"].tolist()
    ([1, 1], [0.5, 1.0])
    """
    import pandas as pd

    counts = confident_predictions(
        y_true, y_score, thresholds=thresholds, labels=labels
    )
    n, wrong = counts["predictions"], counts["wrong"]
    low, high = proportion_ci(wrong, n, confidence=confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n > 0, wrong / np.maximum(n, 1), np.nan)
    return pd.DataFrame(
        {
            "threshold": counts["threshold"],
            "predictions": n,
            "wrong": wrong,
            "share_wrong": share,
            "ci_low": low,
            "ci_high": high,
        }
    )
