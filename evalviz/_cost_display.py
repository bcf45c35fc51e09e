""":class:`ExpectedCostDisplay`: expected cost per sample against the threshold.

Imported by :mod:`evalviz.threshold`, the public home of this name. Every
number comes from :func:`evalviz.metrics.cost_threshold`.
"""

from __future__ import annotations

import numpy as np

from . import _plotting as P
from . import metrics
from ._format import format_number, format_threshold, plural
from ._threshold_parts import _new_figure, _who

# Marks: the chosen threshold, 0.5 and argmax, in palette colours that are not
# the curve's blue.
_MARK_STYLE = {
    "lowest cost": (P.PALETTE[1], "o"),
    "threshold 0.5": (P.PALETTE[2], "s"),
    "argmax": (P.PALETTE[3], "D"),
}


class ExpectedCostDisplay:
    """Expected cost per sample against the threshold, with three decisions marked.

    The cheapest threshold, the threshold 0.5 and (for probabilities) the
    argmax decision. Build it with :meth:`from_predictions` (computes and
    draws), or pass computed arrays to the constructor.

    Parameters
    ----------
    thresholds : ndarray of shape (n_thresholds,)
        The candidate thresholds, increasing (a last ``inf`` means "no
        positive"; it is drawn as a horizontal line).
    costs : ndarray of shape (n_thresholds,)
        Expected cost per sample at each threshold.
    decisions : dict
        Name -> dict with ``threshold`` (None for argmax) and
        ``expected_cost``, as :attr:`evalviz.metrics.CostThreshold.decisions`.
    name : str, optional
        Name of the positive class, for the title.
    split : str, optional
        Which data the scores come from, for the title.
    prevalence : float, optional
        The prevalence the costs were re-weighted to, for the labels.
    cost_fp, cost_fn : float, optional
        The costs, for the title.

    Attributes
    ----------
    ax_, figure_ : matplotlib Axes and Figure
        Set by :meth:`plot`.
    line_ : matplotlib Line2D
        The cost curve.
    marks_ : dict
        Decision name -> its drawn marker (argmax on multi-class scores: a
        horizontal line, since it is not one threshold).

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.threshold import ExpectedCostDisplay
    >>> ExpectedCostDisplay(np.array([0.1, 0.5, np.inf]), np.array([0.5, 0.25, 1.0]),
    ...                     {"lowest cost": {"threshold": 0.5, "expected_cost": 0.25}})
    ExpectedCostDisplay(3 thresholds, lowest cost 0.25 at 0.5)
    """

    def __init__(
        self,
        thresholds,
        costs,
        decisions,
        *,
        name=None,
        split=None,
        prevalence=None,
        cost_fp=None,
        cost_fn=None,
    ):
        self.thresholds = np.asarray(thresholds, dtype=np.float64)
        self.costs = np.asarray(costs, dtype=np.float64)
        self.decisions = dict(decisions)
        self.name, self.split, self.prevalence = name, split, prevalence
        self.cost_fp, self.cost_fn = cost_fp, cost_fn
        self.ax_ = self.figure_ = self.line_ = None
        self.marks_ = {}

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        cost_fp,
        cost_fn,
        prevalence=None,
        pos_label=None,
        labels=None,
        display_labels=None,
        split=None,
        ax=None,
        **kwargs,
    ):
        """Compute every threshold's expected cost and draw it.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
            Labels, as :func:`evalviz.threshold.cost_threshold`.
        y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
            Scores, as :func:`evalviz.threshold.cost_threshold`.
        cost_fp, cost_fn : float >= 0
            Cost of one false positive and of one false negative.
        prevalence : float in (0, 1), optional
            Re-weight the costs to this deployment prevalence.
        pos_label : object, optional
            The positive class (a class value or a name).
        labels : array-like, optional
            The class values in column order.
        display_labels : sequence of str, optional
            Names of the classes, in column order.
        split : str, optional
            Which data the scores come from, for the title ("validation").
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot` (``xlim``, ``ylim``, ``xscale``, ``title``).

        Returns
        -------
        ExpectedCostDisplay
            Drawn.

        Raises
        ------
        ValueError
            As :func:`evalviz.threshold.cost_threshold`.
        """
        result = metrics.cost_threshold(
            y_true,
            y_score,
            cost_fp=cost_fp,
            cost_fn=cost_fn,
            prevalence=prevalence,
            pos_label=pos_label,
            labels=labels,
            display_labels=display_labels,
        )
        disp = cls.from_result(result, split=split)
        return disp.plot(ax=ax, **kwargs)

    @classmethod
    def from_result(cls, result, *, split=None):
        """The display of a :class:`evalviz.metrics.CostThreshold` (not drawn).

        Parameters
        ----------
        result : CostThreshold
            As :func:`evalviz.threshold.cost_threshold` returns it.
        split : str, optional
            Which data the scores come from, for the title.

        Returns
        -------
        ExpectedCostDisplay
            Not drawn yet: call :meth:`plot`.
        """
        return cls(
            result.thresholds,
            result.costs,
            result.decisions,
            name=result.name,
            split=split,
            prevalence=result.prevalence,
            cost_fp=result.cost_fp,
            cost_fn=result.cost_fn,
        )

    def __repr__(self) -> str:
        low = self.decisions.get("lowest cost")
        best = (
            ""
            if low is None
            else f", lowest cost {format_number(low['expected_cost'])} at "
            f"{format_threshold(low['threshold'])}"
        )
        return f"ExpectedCostDisplay({plural(self.thresholds.size, 'threshold')}{best})"

    def to_frame(self):
        """Every point drawn: the curve rows, then the marked decisions.

        Returns
        -------
        pandas.DataFrame
            Columns ``name`` ("" for curve rows), ``threshold`` (NaN for
            argmax) and ``expected_cost``.
        """
        import pandas as pd

        curve = pd.DataFrame(
            {"name": "", "threshold": self.thresholds, "expected_cost": self.costs}
        )
        marks = pd.DataFrame(
            {
                "name": list(self.decisions),
                "threshold": [
                    np.nan if d["threshold"] is None else float(d["threshold"])
                    for d in self.decisions.values()
                ],
                "expected_cost": [d["expected_cost"] for d in self.decisions.values()],
            }
        )
        return pd.concat([curve, marks], ignore_index=True)

    def plot(self, ax=None, *, xlim=None, ylim=None, xscale=None, title=None):
        """Draw the expected cost against the threshold and mark the decisions.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (with a layout engine) when None.
        xlim, ylim : pair of float, optional
            Zoom in.
        xscale : str, optional
            Matplotlib's axis scale for the thresholds, e.g. ``"logit"`` for
            probabilities crowded near 0 and 1.
        title : str, optional
            The axes title.

        Returns
        -------
        ExpectedCostDisplay
            Self, with ``ax_``, ``figure_``, ``line_`` and ``marks_``.
        """
        fig, ax = _new_figure(ax, P.STYLE["threshold_figsize"])
        self.ax_, self.figure_ = ax, fig
        self._draw_curve(ax)
        self._draw_marks(ax)
        if xscale is not None:
            ax.set_xscale(xscale)
        P.style_axes(
            ax,
            title=self._title() if title is None else title,
            xlabel="Threshold (score >= threshold is positive)",
            ylabel=self._ylabel(),
        )
        if xlim is not None:
            ax.set_xlim(*xlim)
        if ylim is not None:
            ax.set_ylim(*ylim)
        ax.grid(True, alpha=0.3)
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=P.STYLE["legend_outside"],
            frameon=False,
        )
        return self

    def _title(self) -> str:
        title = "Expected cost per sample against the threshold"
        if self.cost_fp is not None and self.cost_fn is not None:
            title += (
                f"\nfalse positive costs {format_number(self.cost_fp)}, "
                f"false negative {format_number(self.cost_fn)}"
            )
        who = _who(self.name, self.split)
        return f"{title}\n{who}" if who else title

    def _ylabel(self) -> str:
        if self.prevalence is None:
            return "expected cost per sample"
        return f"expected cost per sample\nat prevalence {self.prevalence * 100:g}%"

    def _draw_curve(self, ax):
        finite = np.isfinite(self.thresholds)
        (self.line_,) = ax.plot(
            self.thresholds[finite],
            self.costs[finite],
            color=P.PALETTE[0],
            linewidth=2.0,
            # Between two scores t and u > t, a cut in (t, u] keeps the cost at u.
            drawstyle="steps-pre",
            label="expected cost",
        )
        if not finite.all():
            ax.axhline(
                self.costs[~finite][0],
                color=P.NEUTRAL,
                linestyle="--",
                linewidth=1.2,
                label=f"no positive: {format_number(self.costs[~finite][0])}",
            )

    def _draw_marks(self, ax):
        self.marks_ = {}
        for name, d in self.decisions.items():
            colour, marker = _MARK_STYLE.get(name, (P.NEUTRAL, "o"))
            cost = d["expected_cost"]
            t = d["threshold"]
            if t is None:  # argmax is a decision rule, not a cut on this axis
                self.marks_[name] = ax.axhline(
                    cost,
                    color=colour,
                    linestyle=":",
                    linewidth=1.8,
                    label=f"{name} decision: {format_number(cost)}",
                )
                continue
            label = f"{name}: {format_number(cost)}"
            if np.isfinite(t):
                label = f"{name} (t = {format_threshold(t, 4)}): {format_number(cost)}"
                x = t
            else:  # no positive: drawn at the right end of the curve
                x = self.thresholds[np.isfinite(self.thresholds)].max()
                label = f"{name} (no positive): {format_number(cost)}"
            (self.marks_[name],) = ax.plot(
                [x],
                [cost],
                marker,
                color=colour,
                markersize=P.STYLE["marker"],
                linestyle="none",
                label=label,
            )
