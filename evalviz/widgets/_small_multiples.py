"""The static twin of the threshold explorer: a few thresholds in one figure.

A plain matplotlib figure that renders wherever a notebook's saved outputs are
shown (GitHub, nbviewer, PDF), with no kernel.
"""

from __future__ import annotations

import numpy as np

from .. import metrics
from .._format import format_rate, format_threshold
from .._plotting import NEUTRAL, STYLE
from .._validation import check_threshold
from ._classes import read_one_vs_rest
from ._render import _legend_below, _relabel_legend, _thin_xticks

# Confusion matrices side by side; more thresholds wrap to a second row.
_MATRICES_PER_ROW = 3

_COUNT_COLUMNS = ["threshold", "tp", "fp", "tn", "fn"]
_COUNT_COLUMNS += ["accuracy", "precision", "recall", "f1", "fpr"]


class ThresholdSmallMultiples:
    """The threshold explorer as one static figure.

    Build it with :func:`threshold_small_multiples` or
    :meth:`ThresholdExplorer.static`.

    Parameters
    ----------
    truth : ndarray of shape (n_samples,)
        0/1 targets of one class against the rest.
    score : ndarray of shape (n_samples,)
        That class's scores.
    names : list of str
        ``[negative name, positive name]``.
    title : str
        What is compared, e.g. ``"'b' vs rest"``.
    thresholds : sequence of float
        One to six thresholds, in score units.
    bins : int, default 40
        Histogram bins of the score distributions.
    scale : {"linear", "logit"}, default "linear"
        Score axis of the distributions.
    context : str, optional
        Where the data come from (model, split), added to the titles.
    negatives : str, optional
        Who the negatives are, for the distribution legend.
    multilabel : bool, default False
        Multi-label input (the default context then says so).

    Attributes
    ----------
    thresholds : list of float
        The thresholds, in the order given.
    counts : pandas.DataFrame
        One row per threshold: counts, accuracy, precision, recall, F1, FPR.
    figure_ : matplotlib.figure.Figure
        After :meth:`plot`.
    axes_ : dict
        After :meth:`plot`: ``"distributions"``, ``"roc"`` and ``"pr"`` axes.
    zoom_ax_ : matplotlib.axes.Axes or None
        After :meth:`plot`: the zoom inset of the PR curve, if drawn.

    Examples
    --------
    >>> import evalviz as ev
    >>> twin = ev.widgets.threshold_small_multiples(
    ...     [0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9], thresholds=[0.3, 0.5]
    ... )
    >>> twin
    ThresholdSmallMultiples('1' vs '0', thresholds 0.3, 0.5: recall 1.000, 0.667)
    """

    def __init__(
        self,
        truth,
        score,
        *,
        names,
        title,
        thresholds,
        bins=40,
        scale="linear",
        context=None,
        negatives=None,
        multilabel=False,
    ):
        import pandas as pd

        cuts = [check_threshold(t, "thresholds") for t in np.atleast_1d(thresholds)]
        if not 1 <= len(cuts) <= 6:
            raise ValueError(
                f"thresholds has {len(cuts)} values; pass between 1 and 6 so each "
                "confusion matrix stays readable"
            )
        self.thresholds = cuts
        self._truth, self._score = truth, score
        self._names, self._title = names, title
        self._bins, self._scale = int(bins), scale
        if context is None and multilabel:
            context = "multi-label"
        self._context = context
        self._negatives = negatives
        rows = [metrics.confusion_at_threshold(truth, score, t) for t in cuts]
        self.counts = pd.DataFrame(rows)[_COUNT_COLUMNS]
        self._matrices = [row["confusion_matrix"] for row in rows]
        self.figure_ = None
        self.axes_ = {}
        self.zoom_ax_ = None

    @property
    def full_title(self) -> str:
        """The title with the data's context.

        Returns
        -------
        str
            For example "'Shirt' vs rest (outfits (multi-label), validation)".
        """
        if self._context:
            return f"{self._title} ({self._context})"
        return self._title

    def to_frame(self):
        """Every number the figure shows, one row per threshold.

        Returns
        -------
        pandas.DataFrame
            Columns ``threshold``, ``tp``, ``fp``, ``tn``, ``fn``,
            ``accuracy``, ``precision``, ``recall``, ``f1``, ``fpr``.
        """
        return self.counts.copy()

    def __repr__(self) -> str:
        cuts = ", ".join(format_threshold(t) for t in self.thresholds)
        recalls = ", ".join(format_rate(r) for r in self.counts["recall"])
        return f"ThresholdSmallMultiples({self.full_title}, thresholds {cuts}: recall {recalls})"

    def plot(self, *, figsize=None, log_counts=None, roc_xscale=None, zoom=None):
        """Draw the figure; returns self.

        Top row: a confusion matrix per threshold. Middle: the score
        distributions with every threshold line. Bottom: the ROC and PR
        curves with every operating point.

        Parameters
        ----------
        figsize : tuple of float, optional
            Size in inches; default wide enough for the matrices.
        log_counts : bool, optional
            Logarithmic count axis of the distributions; default when the
            negatives outnumber the positives more than four to one.
        roc_xscale : {"linear", "log"}, optional
            False positive rate axis of the ROC curve. Default: "log" when
            the operating points crowd into the corner (all their FPRs below
            0.05 and within 0.08 of each other in TPR), so they can be told
            apart; else "linear".
        zoom : bool, optional
            Add an inset to the PR curve that zooms on the operating points.
            Default: when they sit within 0.08 of each other in both recall
            and precision.

        Returns
        -------
        ThresholdSmallMultiples
            Self, with ``figure_``, ``axes_`` and ``zoom_ax_`` set.

        Notes
        -----
        The figure is 7.9 inches wide by default (past three thresholds the
        confusion matrices wrap to a second row): at 100 dpi it fits
        the notebook column of a 1280-pixel JupyterLab and is shown unscaled,
        so its 10-point legends are 14 pixels high. The cell convention of the
        confusion matrices (count and share of the true class) is written
        once, under the figure's title.
        """
        import matplotlib.pyplot as plt

        k = len(self.thresholds)
        rows = -(-k // _MATRICES_PER_ROW)
        # past three thresholds: a second row of matrices, and three legend
        # lines more per threshold under the distributions, one under each curve
        extra = max(0, k - _MATRICES_PER_ROW)
        if figsize is None:
            width, height = STYLE["widget_small_multiples_figsize"]
            figsize = (width, height + (rows - 1) * 3.5 + extra * 0.75)
        fig = plt.figure(figsize=figsize, layout="constrained")
        top, middle, bottom = fig.subfigures(
            3, 1, height_ratios=(1.0 * rows, 1.15 + 0.3 * extra, 1.25 + 0.1 * extra)
        )
        self._draw_matrices(top)
        ax_dist = middle.subplots()
        self._draw_distributions(ax_dist, log_counts)
        ax_roc, ax_pr = bottom.subplots(1, 2)
        self._draw_curves(ax_roc, ax_pr, roc_xscale, zoom)
        self.figure_ = fig
        self.axes_ = {"distributions": ax_dist, "roc": ax_roc, "pr": ax_pr}
        # the layout narrows the distributions' axes after their ticks were
        # spaced: drop tick labels that now overlap
        fig.canvas.draw()
        _thin_xticks(ax_dist)
        return self

    def _draw_matrices(self, top) -> None:
        """One confusion-matrix display per threshold; the convention once."""
        from ..confusion import ConfusionDisplay

        k = len(self.thresholds)
        rows = -(-k // _MATRICES_PER_ROW)
        grid = top.subplots(rows, min(k, _MATRICES_PER_ROW), squeeze=False)
        top_axes = grid.ravel()[:k]
        for ax in grid.ravel()[k:]:
            ax.set_visible(False)  # an empty place in the last row
        convention = ""
        names = {"display_labels": list(self._names)}
        cuts = zip(top_axes, self.thresholds, self._matrices, strict=True)
        for ax, t, cm in cuts:
            ConfusionDisplay(cm, **names).plot(
                ax=ax, colorbar=False, title=f"score >= {format_threshold(t)}"
            )
            # the display writes its cell convention under every title: once is
            # enough, under the figure's title
            first, _, rest = ax.get_title().partition("\n")
            convention = rest or convention
            ax.set_title(first, fontsize=ax.title.get_fontsize())
        suptitle = f"{self.full_title}:\nthe same scores cut at {k} thresholds"
        if convention:
            suptitle += f"\nEach matrix: rows = true class; {convention}"
        top.suptitle(suptitle, fontsize=STYLE["widget_suptitle"])

    def _draw_distributions(self, ax, log_counts) -> None:
        """The score distributions with every threshold line, legend below."""
        from ..distributions import score_distribution

        truth = self._truth
        if log_counts is None:
            n_pos = int(truth.sum())
            log_counts = (truth.size - n_pos) > 4 * n_pos
        score_distribution(
            truth,
            self._score,
            display_labels=list(self._names),
            thresholds=self.thresholds,
            bins=self._bins,
            scale=self._scale,
        ).plot(ax=ax, log_counts=log_counts, title=f"Scores: {self.full_title}")
        if self._negatives:
            _relabel_legend(ax, r"\(other classes,", f"({self._negatives},")
        # legends under the axes: they never cover data, and the axes keep
        # the figure's whole width
        _legend_below(ax, ncol=2)

    def _draw_curves(self, ax_roc, ax_pr, roc_xscale, zoom) -> None:
        """ROC and PR curves with every operating point; zoom where they crowd."""
        from .. import curves

        points = self.counts
        if roc_xscale is None:
            crowded = len(points) > 1 and bool(
                (points["fpr"] < 0.05).all()
                and np.ptp(points["recall"].to_numpy()) < 0.08
            )
            roc_xscale = "log" if crowded else "linear"
        truth, score = self._truth, self._score
        names = {"display_labels": list(self._names)}
        roc = curves.roc(
            truth, score, **names, thresholds=self.thresholds, argmax=False
        )
        roc_title = "ROC curve" + (", log FPR axis" if roc_xscale == "log" else "")
        roc.plot(ax=ax_roc, legend="inside", title=roc_title, xscale=roc_xscale)
        pr = curves.pr(truth, score, **names, thresholds=self.thresholds, argmax=False)
        pr.plot(ax=ax_pr, legend="inside", title="Precision-recall curve")
        for ax in (ax_roc, ax_pr):
            _legend_below(ax, ncol=1)
        defined = points["tp"] + points["fp"] > 0
        if zoom is None:
            zoom = _crowded(points["recall"][defined], points["precision"][defined])
        self.zoom_ax_ = None
        if zoom and defined.any():
            self.zoom_ax_ = _zoom_inset(
                ax_pr,
                pr,
                points["recall"][defined].to_numpy(),
                points["precision"][defined].to_numpy(),
            )


def _crowded(x, y, span: float = 0.08) -> bool:
    """True when at least two points fit in a ``span`` x ``span`` box."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.size < 2:
        return False
    return bool(np.ptp(x) < span and np.ptp(y) < span)


def _zoom_inset(ax, display, xs, ys):
    """An inset of ``ax`` that draws ``display`` again around the points."""
    pad = max(0.01, 0.25 * max(np.ptp(xs), np.ptp(ys)))
    x0, x1 = max(0.0, xs.min() - pad), min(1.0, xs.max() + pad)
    y0, y1 = max(0.0, ys.min() - pad), min(1.0, ys.max() + pad)
    # the empty middle of a PR plot whose points crowd into a corner
    corner_right = xs.mean() > 0.5
    where = [0.08, 0.3, 0.45, 0.42] if corner_right else [0.5, 0.3, 0.45, 0.42]
    inset = ax.inset_axes(where)
    display.plot(ax=inset, legend=None, title="", micro=False, macro=False)
    inset.set_xlim(x0 - 0.002, x1 + 0.002)
    inset.set_ylim(y0 - 0.002, y1 + 0.002)
    inset.set_xlabel("")
    inset.set_ylabel("")
    inset.set_title("zoom on the marked points", fontsize=STYLE["widget_inset_title"])
    inset.tick_params(labelsize=STYLE["tick"])
    ax.indicate_inset_zoom(inset, edgecolor=NEUTRAL)
    return inset


def threshold_small_multiples(
    y_true,
    y_score,
    *,
    labels=None,
    display_labels=None,
    pos_label=None,
    thresholds=(0.3, 0.5, 0.7),
    bins=40,
    scale="linear",
    context=None,
):
    """The static twin of :func:`threshold_explorer`: a few thresholds side by side.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        As in :func:`threshold_explorer`.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        As in :func:`threshold_explorer`.
    labels : array-like, optional
        The class values and their order (scikit-learn's meaning).
    display_labels : sequence of str, optional
        The names shown for the classes.
    pos_label : object, optional
        As in :func:`threshold_explorer`: the positive class of binary input,
        or the class shown (value, name or column index).
    thresholds : sequence of float, default (0.3, 0.5, 0.7)
        One to six thresholds; each gets its own confusion matrix, a line on
        the distributions and a point on both curves.
    bins : int, default 40
        Histogram bins of the score distributions.
    scale : {"linear", "logit"}, default "linear"
        Score axis of the distributions.
    context : str, optional
        Where the data come from (model, split), added to the titles, e.g.
        ``"outfits (multi-label), validation"``. Default for multi-label
        input: ``"multi-label"``.

    Returns
    -------
    ThresholdSmallMultiples
        Call ``.plot()`` for the figure and ``.to_frame()`` for the numbers.

    Raises
    ------
    ValueError
        As :func:`threshold_explorer`, or when there are not 1 to 6 thresholds.

    Notes
    -----
    Conventions as in :func:`threshold_explorer`: ``score >= threshold`` is
    positive, rows = true class. The negatives in the distribution legend
    are "other classes" for multi-class input, the negative name for binary
    input and the samples without the label for multi-label input.

    Examples
    --------
    >>> import evalviz as ev
    >>> twin = ev.widgets.threshold_small_multiples(
    ...     [0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9], thresholds=[0.5]
    ... )
    >>> twin.to_frame()[["tp", "fp", "fn"]].to_numpy().tolist()
    [[2, 0, 1]]
    """
    problem, k = read_one_vs_rest(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label,
    )
    truth, score = problem.column(k)
    return ThresholdSmallMultiples(
        truth,
        score,
        names=problem.side_names(k),
        title=problem.title(k),
        thresholds=thresholds,
        bins=bins,
        scale=scale,
        context=context,
        negatives=problem.negatives_phrase(k),
        multilabel=problem.kind == "multilabel",
    )
