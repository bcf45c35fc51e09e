"""Top-k views: accuracy against k, the true class's rank, what top-k forgives.

:func:`topk` (top-k accuracy for k = 1..K and the true class's rank),
:func:`topk_gallery` (images wrong at top-1, right at top-k) and
:func:`label_groups` (which labels drive top-k, macro and micro AUC) compute
and return a display; ``.plot()`` draws it, and each display's
``from_predictions(..., ax=None, **kwargs)`` computes and draws, as in
scikit-learn. The tables :func:`forgiven_confusions`, :func:`forgiven_summary`
and :func:`topk_auc_summary` are computed by :mod:`evalviz.metrics`.

Tie rule: the lowest class index ranks first among equal scores (numpy's
argmax), so top-1 accuracy equals argmax accuracy. scikit-learn's
``top_k_accuracy_score`` ranks the higher index first; the two differ only on
tied rows, and the displays count those rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _plotting as P
from ._format import format_percent, format_rate, plural
from ._topk_gallery import TopKGallery, topk_gallery
from ._validation import as_array, check_k, read_inputs
from .metrics import (
    forgiven_confusions,
    forgiven_summary,
    label_group_table,
    rank_of_true_class,
    top_k_accuracy_curve,
    topk_auc_summary,
)

__all__ = [
    "LabelGroupsDisplay",
    "TopKDisplay",
    "TopKGallery",
    "forgiven_confusions",
    "forgiven_summary",
    "label_groups",
    "topk",
    "topk_auc_summary",
    "topk_gallery",
]


def _new_axes(ax, figsize):
    if ax is not None:
        return ax.figure, ax
    fig, axes = P.new_grid(1, 1, figsize=figsize, layout="constrained")
    return fig, axes[0, 0]


class TopKDisplay:
    """Top-k accuracy for k = 1..K and the histogram of the true class's rank.

    Parameters
    ----------
    k : array-like of int, shape (K,)
        1, 2, ..., K.
    accuracy : array-like of float, shape (K,)
        Top-k accuracy for each k.
    rank_counts : array-like of int, shape (K + 1,)
        Samples whose true class has rank 1, 2, ..., K, and (last) above K.
    kind : {"multiclass", "multilabel"}, default="multiclass"
        Multi-label: the rank is that of the best-ranked true label.
    title : str, optional
        Plot title (say "simulated" when the scores are).
    n_tied : int, default=0
        Rows whose top score is shared by two or more classes.

    Attributes
    ----------
    n_samples : int
        Number of samples.
    ax_, figure_, bars_, line_ : matplotlib objects, set by :meth:`plot`.

    Notes
    -----
    ``accuracy[k - 1] == rank_counts[:k].sum() / n_samples``. Ties rank the
    lowest class index first (numpy's argmax), so top-1 accuracy is argmax
    accuracy; scikit-learn's ``top_k_accuracy_score`` ranks the higher index
    first and differs on tied rows only.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.topk import topk
    >>> s = np.array([[.6, .3, .1], [.2, .3, .5], [.1, .7, .2], [.3, .3, .4]])
    >>> topk([0, 1, 1, 2], s, max_k=2)
    TopKDisplay(4 samples, top-1 0.750, top-2 1.000)
    """

    def __init__(
        self, k, accuracy, rank_counts, *, kind="multiclass", title=None, n_tied=0
    ):
        self.k = np.asarray(k)
        self.accuracy = np.asarray(accuracy, dtype=float)
        self.rank_counts = np.asarray(rank_counts, dtype=np.int64)
        self.n_samples = int(self.rank_counts.sum())
        self.kind = kind
        self.title = title
        self.n_tied = int(n_tied)

    @classmethod
    def _compute(cls, y_true, y_score, max_k, labels, title):
        inputs = read_inputs(y_true, y_score, labels=labels)
        if inputs.kind == "binary":
            raise ValueError(
                "topk needs one score column per class (y_score of shape "
                "(n_samples, n_classes) with at least 3 classes)"
            )
        truth, score = inputs.y, inputs.score
        if max_k is None:  # the default: 5, or every class when there are fewer
            max_k = min(5, score.shape[1])
        max_k = check_k(max_k, score.shape[1], name="max_k")
        accuracy = top_k_accuracy_curve(truth, score, max_k=max_k)
        rank = rank_of_true_class(truth, score)
        counts = np.bincount(np.minimum(rank, max_k + 1) - 1, minlength=max_k + 1)
        tied = inputs.n_tied_rows() if inputs.kind == "multiclass" else 0
        return cls(
            np.arange(1, max_k + 1),
            accuracy,
            counts,
            kind=inputs.kind,
            title=title,
            n_tied=tied,
        )

    @classmethod
    def from_predictions(
        cls, y_true, y_score, *, max_k=None, labels=None, title=None, ax=None, **kwargs
    ):
        """Compute top-k accuracy and the rank histogram, and draw them.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
            Class labels (any sortable type) or a multi-label indicator.
        y_score : array-like of shape (n_samples, n_classes)
            Scores, one column per class.
        max_k : int, optional
            Largest k shown; default ``min(5, n_classes)``.
        labels : array-like, optional
            The class values in column order.
        title : str, optional
            Plot title (say "simulated" here when the scores are).
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        TopKDisplay
            Drawn.

        Raises
        ------
        ValueError
            For a binary problem or ``max_k`` above the number of classes.
        """
        disp = cls._compute(y_true, y_score, max_k, labels, title)
        return disp.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        acc = f"top-1 {format_rate(self.accuracy[0])}"
        if self.k.size > 1:
            acc += f", top-{int(self.k[-1])} {format_rate(self.accuracy[-1])}"
        tied = f", {plural(self.n_tied, 'tied row')}" if self.n_tied else ""
        return f"TopKDisplay({plural(self.n_samples, 'sample')}, {acc}{tied})"

    def to_frame(self) -> pd.DataFrame:
        """One row per rank bar: its count and share, and top-k accuracy at k.

        Returns
        -------
        pandas.DataFrame
            Columns ``rank``, ``count``, ``share``, ``top_k_accuracy``.
        """
        K = self.k.size
        return pd.DataFrame(
            {
                "rank": [str(int(k)) for k in self.k] + [f">{K}"],
                "count": self.rank_counts,
                "share": self.rank_counts / max(self.n_samples, 1),
                "top_k_accuracy": np.r_[self.accuracy, np.nan],
            }
        )

    def plot(self, ax=None, *, title=None):
        """Bars: share of samples at each rank; line: top-k accuracy.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (constrained layout) when None.
        title : str, optional
            Overrides the title given at construction.

        Returns
        -------
        TopKDisplay
            Self, with ``ax_``, ``figure_``, ``bars_`` and ``line_`` set.
        """
        fig, ax = _new_axes(ax, (7.2, 4.6))
        K = self.k.size
        what = "best true label" if self.kind == "multilabel" else "true class"
        self.bars_ = self._draw_bars(ax, what)
        self.line_ = self._draw_accuracy(ax)
        x = np.arange(1, K + 2)
        ax.set_xticks(x, [str(int(k)) for k in self.k] + [f">{K}"])
        ax.set_ylim(0, 1.12)
        ax.set_xlim(0.4, K + 1.6)
        # Legend right of the first bar (the tall one) and below the line.
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(1.1 / (K + 1.2), 0.22),
            fontsize=P.STYLE["tick"],
            frameon=False,
        )
        full = title or self.title or f"Top-k accuracy and the rank of the {what}"
        if self.n_tied:
            full += f"\n{plural(self.n_tied, 'tied row')}: lowest class index first"
        P.style_axes(
            ax,
            title=full,
            xlabel=f"k, and rank of the {what} (1 = highest score)",
            ylabel="share of samples",
        )
        self.ax_, self.figure_ = ax, fig
        return self

    def _draw_bars(self, ax, what):
        K = self.k.size
        share = self.rank_counts / max(self.n_samples, 1)
        x = np.arange(1, K + 2)
        inside = ax.bar(
            x[:K],
            share[:K],
            color=P.PALETTE[5],
            edgecolor="white",
            label=f"share of samples whose {what} has this rank",
            gid="rank-bars",
        )
        beyond = ax.bar(
            x[K:],
            share[K:],
            color="#BBBBBB",
            edgecolor="white",
            label=f"share ranked below {K} (outside every top-k shown)",
            gid="rank-bar-beyond",
        )
        return [inside, beyond]

    def _draw_accuracy(self, ax):
        (line,) = ax.plot(
            self.k,
            self.accuracy,
            color=P.PALETTE[0],
            marker="o",
            linewidth=2,
            label="top-k accuracy (running sum of the bars)",
            gid="topk-accuracy",
        )
        for k, acc in zip(self.k, self.accuracy, strict=True):
            ax.annotate(
                format_percent(acc, 1),
                (k, acc),
                textcoords="offset points",
                xytext=(0, 8),
                ha="center",
                fontsize=P.STYLE["tick"],
                color=P.PALETTE[0],
            )
        return line


def topk(y_true, y_score, *, max_k=None, labels=None, title=None) -> TopKDisplay:
    """Top-k accuracy for k = 1..max_k and the true-class rank histogram.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Class labels (any sortable type) or a multi-label indicator.
    y_score : array-like of shape (n_samples, n_classes)
        Scores, one column per class.
    max_k : int, optional
        Largest k shown; default ``min(5, n_classes)``.
    labels : array-like, optional
        The class values in column order.
    title : str, optional
        Plot title.

    Returns
    -------
    TopKDisplay
        Not drawn yet: ``.plot()`` draws, ``.to_frame()`` gives the numbers.

    Raises
    ------
    ValueError
        For a binary problem or ``max_k`` above the number of classes.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.topk import topk
    >>> s = np.array([[.6, .3, .1], [.2, .3, .5], [.1, .7, .2], [.3, .3, .4]])
    >>> topk([0, 1, 1, 2], s, max_k=2).rank_counts.tolist()
    [3, 1, 0]
    """
    return TopKDisplay._compute(y_true, y_score, max_k, labels, title)


class LabelGroupsDisplay:
    """Which label groups drive top-k accuracy, macro AUC and micro AUC.

    Parameters
    ----------
    groups : pandas.DataFrame
        One row per group of labels (most frequent first), as
        :func:`evalviz.metrics.label_group_table` returns: ``group``,
        ``labels``, ``share_of_labels``, ``positives``,
        ``share_of_positives``, ``mean_auc``, ``micro_auc_part``,
        ``recall_at_k``.
    totals : pandas.Series
        ``top_<k>_accuracy``, ``macro_auc``, ``micro_auc``, ``weighted_auc``.
    k : int
        The k of top-k.
    title : str, optional
        Figure title.

    Attributes
    ----------
    ax_ : numpy.ndarray of two Axes, set by :meth:`plot`.
    figure_ : matplotlib Figure, set by :meth:`plot`.

    Notes
    -----
    ``macro_auc == sum(share_of_labels * mean_auc)`` and
    ``micro_auc == sum(share_of_positives * micro_auc_part)``: the macro
    average weighs every label the same, so the many rare labels decide it;
    the micro average weighs every positive cell the same, so the few
    frequent labels decide it.

    Examples
    --------
    >>> from evalviz.simulate import multilabel_zipf
    >>> from evalviz.topk import label_groups
    >>> y, s = multilabel_zipf(300, 20, seed=0)
    >>> label_groups(y, s, k=3, edges=(5,)).groups["labels"].tolist()
    [5, 15]
    """

    def __init__(self, groups, totals, *, k, title=None):
        self.groups = groups
        self.totals = totals
        self.k = k
        self.title = title

    @classmethod
    def from_predictions(
        cls, y_true, y_score, *, k=None, edges=(10, 100), title=None, ax=None, **kwargs
    ):
        """Split labels by frequency, compute each group's numbers and draw them.

        Parameters
        ----------
        y_true : array-like of shape (n_samples, n_labels)
            Multi-label 0/1 indicator (multi-class labels work too).
        y_score : array-like of shape (n_samples, n_labels)
            Scores, one column per label.
        k : int, optional
            The k of top-k accuracy and of each group's recall at k; default
            ``min(5, n_labels)``.
        edges : sequence of int, default=(10, 100)
            Group boundaries in frequency rank.
        title : str, optional
            Figure title.
        ax : pair of Axes, Axes, Figure or SubFigure, optional
            Where to draw the two panels (see :meth:`plot`); a new figure
            when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        LabelGroupsDisplay
            Drawn.
        """
        disp = label_groups(y_true, y_score, k=k, edges=edges, title=title)
        return disp.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        t = self.totals
        return (
            f"LabelGroupsDisplay({plural(len(self.groups), 'group')}, "
            f"top-{self.k} accuracy {format_rate(t.iloc[0])}, macro AUC "
            f"{format_rate(t['macro_auc'])}, micro AUC {format_rate(t['micro_auc'])})"
        )

    def to_frame(self) -> pd.DataFrame:
        """The groups' numbers.

        Returns
        -------
        pandas.DataFrame
            A copy of :attr:`groups`.
        """
        return self.groups.copy()

    def plot(self, ax=None, *, title=None):
        """Left: each group's weight in macro vs micro; right: how it scores.

        Parameters
        ----------
        ax : pair of Axes, Axes, Figure or SubFigure, optional
            Where to draw the two panels: a pair of Axes; one Axes (its area
            is split in two side by side); a Figure or SubFigure (two Axes are
            added side by side); a new 1 x 2 figure (constrained layout) when
            None.
        title : str, optional
            Overrides the title given at construction.

        Returns
        -------
        LabelGroupsDisplay
            Self, with ``ax_`` (two Axes) and ``figure_`` set.

        Raises
        ------
        ValueError
            If ``ax`` is none of those.
        """
        if ax is None:
            fig, axes = P.new_grid(
                1, 2, figsize=P.STYLE["label_groups_figsize"], layout="constrained"
            )
            axes = axes[0]
        else:
            fig, axes = _two_axes(ax)
        x = np.arange(len(self.groups))
        self._draw_weights(axes[0], x)
        self._draw_scores(axes[1], x)
        fig.suptitle(
            title or self.title or "Which labels drive top-k, macro and micro AUC",
            fontsize=P.STYLE["title"],
        )
        self.ax_, self.figure_ = axes, fig
        return self

    def _draw_weights(self, ax, x):
        micro = "weight in micro AUC (share of positives)"
        bars = [
            ("share_of_labels", "weight in macro AUC (share of labels)", P.PALETTE[0]),
            ("share_of_positives", micro, P.PALETTE[1]),
        ]
        _grouped_bars(
            ax,
            x,
            self.groups,
            bars,
            width=0.38,
            fmt=format_percent,
            size=P.STYLE["label"],
        )
        ax.set_xticks(x, list(self.groups["group"]))
        ax.set_ylim(0, 1.15)
        ax.legend(loc="upper left", fontsize=P.STYLE["tick"], frameon=False)
        P.style_axes(ax, title="How much each group counts", ylabel="share")

    def _draw_scores(self, ax, x):
        scores = [
            ("mean_auc", "mean of the labels' own AUCs", P.PALETTE[0]),
            ("micro_auc_part", "its positives vs all negatives (micro)", P.PALETTE[1]),
            ("recall_at_k", f"its positives shown in the top {self.k}", P.PALETTE[2]),
        ]
        _grouped_bars(
            ax,
            x,
            self.groups,
            scores,
            width=0.26,
            fmt=lambda v: format_rate(v, 2),
            size=P.STYLE["label"] - 1,
        )
        ax.set_xticks(x, list(self.groups["group"]))
        ax.set_ylim(0, 1.3)
        ax.legend(loc="upper right", fontsize=P.STYLE["tick"], frameon=False, ncol=1)
        P.style_axes(
            ax,
            title="How well each group does",
            ylabel="AUC, or share of positives (0 to 1)",
        )


def _two_axes(ax):
    """(figure, two Axes) from a pair, one Axes (split) or a Figure/SubFigure."""
    from matplotlib.axes import Axes
    from matplotlib.figure import FigureBase

    if isinstance(ax, FigureBase):
        return ax, np.asarray(ax.subplots(1, 2), dtype=object)
    if isinstance(ax, Axes):
        spec = ax.get_subplotspec()
        if spec is None:
            raise ValueError(
                "LabelGroupsDisplay draws two panels; ax is one Axes without a grid "
                "position to split: pass two Axes (fig.subplots(1, 2)) or a Figure"
            )
        fig = ax.figure
        halves = spec.subgridspec(1, 2)
        ax.remove()
        return fig, np.asarray(
            [fig.add_subplot(halves[0]), fig.add_subplot(halves[1])], dtype=object
        )
    axes = np.asarray(ax, dtype=object).ravel()
    if axes.size != 2 or not all(isinstance(a, Axes) for a in axes):
        raise ValueError(
            "LabelGroupsDisplay draws two panels: pass ax as two Axes "
            f"(fig.subplots(1, 2)), one Axes to split, or a Figure; got {axes.size} "
            "objects"
        )
    return axes[0].figure, axes


def label_groups(y_true, y_score, *, k=None, edges=(10, 100), title=None):
    """Split labels by frequency and show what each group does to each metric.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        Multi-label 0/1 indicator (multi-class labels work too).
    y_score : array-like of shape (n_samples, n_labels)
        Scores, one column per label.
    k : int, optional
        The k of top-k accuracy and of each group's recall at k; default
        ``min(5, n_labels)``.
    edges : sequence of int, default=(10, 100)
        Group boundaries in frequency rank: with the default, the 10 most
        frequent labels, labels 11-100, and the rest.
    title : str, optional
        Plot title (say "simulated" when the scores are).

    Returns
    -------
    LabelGroupsDisplay
        Not drawn yet: ``.to_frame()`` for the table, ``.plot()`` to draw.

    Raises
    ------
    ValueError
        If ``y_score`` has a single column.

    Notes
    -----
    Labels are ranked by their number of positives (ties: lower index first).
    Every label needs a positive and a negative (per-label AUC).

    Examples
    --------
    >>> from evalviz.simulate import multilabel_zipf
    >>> from evalviz.topk import label_groups
    >>> y, s = multilabel_zipf(300, 20, seed=0)
    >>> label_groups(y, s, k=3, edges=(5,)).groups["group"].tolist()
    ['top 5', '6-20']
    """
    if k is None:  # the default: 5, or every label when there are fewer
        k = min(5, as_array(y_score, "y_score").shape[-1])
    groups, totals = label_group_table(y_true, y_score, k=k, edges=edges)
    return LabelGroupsDisplay(groups, totals, k=int(k), title=title)


def _grouped_bars(ax, x, table, series, *, width, fmt, size):
    """Side-by-side bars, one per ``(column, label, color)``, values on top."""
    offset = (len(series) - 1) / 2
    for i, (col, label, color) in enumerate(series):
        pos = x + (i - offset) * width
        ax.bar(pos, table[col], width, color=color, label=label, gid=col)
        for xi, v in zip(pos, table[col], strict=True):
            ax.annotate(
                fmt(v),
                (xi, v),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                fontsize=size,
            )
