"""Score distributions of one class, and ROC AUC as a ranking probability.

Two pictures that explain a ROC curve from the scores themselves:

- :func:`score_distribution`: the scores of one class's positives and
  negatives on one axis, with a threshold line and the counts on each side
  (the answer to "how can the true positive rate be near 1 at a threshold of
  0.99999?");
- :func:`auc_pairs`: pick random (positive, negative) pairs and count how often
  the positive gets the higher score; the fraction converges to the AUC.

Counts and areas come from :mod:`evalviz.metrics`; this module arranges and
draws them.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from . import metrics
from ._auc_pairs import AucPairs, auc_pairs
from ._format import format_count, format_rate, format_threshold, plural
from ._plotting import STYLE, ink, style_axes
from ._score_axes import (
    _LOGIT_CLIP,
    NEGATIVE_COLOR,
    POSITIVE_COLOR,
    _axis_break,
    _blend,
    _logit_tick_label,
    _logit_ticks,
    _new_axes,
    _spaced_ticks,
    _to_logit,
)
from ._validation import check_choice, check_has_both_classes, check_threshold

__all__ = ["score_distribution", "auc_pairs", "ScoreDistribution", "AucPairs"]


def _thresholds_arg(thresholds, threshold, where):
    """``thresholds=`` with the old ``threshold=`` accepted for one release."""
    if threshold is not None:
        warnings.warn(
            f"{where}(threshold=...) is now thresholds=... (plural: marks on the "
            "plot); threshold= will be removed in the next release",
            DeprecationWarning,
            stacklevel=3,
        )
        if thresholds is None:
            thresholds = threshold
    return thresholds


class ScoreDistribution:
    """Scores of one class's positives and negatives, binned.

    Build it with :func:`score_distribution` (computes) or
    :meth:`from_predictions` (computes and draws); the constructor takes the
    two groups of scores.

    Parameters
    ----------
    pos_scores, neg_scores : array-like of shape (n_pos,) and (n_neg,)
        Scores of the positives (samples of the class) and of the negatives.
    class_name : str, default "positive"
        Name of the positive class.
    thresholds : float or sequence of float, optional
        Thresholds to draw; counts at each are in ``.thresholds``.
    bins : int, default 50
        Number of bins.
    scale : {"linear", "logit"}, default "linear"
        Score axis; "logit" spreads out 0.9, 0.99, 0.999, ...

    Attributes
    ----------
    class_name : str
        Name of the positive class.
    pos_scores, neg_scores : ndarray
        Scores of the positives and of the negatives.
    scale : {"linear", "logit"}
        The score axis.
    n_pos, n_neg : int
        Number of positives and of negatives.
    edges : ndarray
        Bin edges on the drawn axis (score, or log10 odds for "logit").
    pos_counts, neg_counts : ndarray
        Number of positives and negatives per bin.
    pos_at_ends, neg_at_ends : tuple of int
        With ``scale="logit"``: positives and negatives whose score is within
        1e-9 of 0 (first number) or of 1 (second); they are not in the bins
        but drawn as separate end bars, labelled "0" and "1" when they are
        exactly 0 and 1 (else "<1e-9", ">1-1e-9"). (0, 0) for
        ``scale="linear"``.
    thresholds : pandas.DataFrame or None
        Counts and rates at each threshold (from
        :func:`evalviz.metrics.counts_at_thresholds`).
    ax_, figure_ : matplotlib Axes and Figure
        Set by :meth:`plot`.
    lines_ : dict
        Threshold value text -> its vertical line, after :meth:`plot`.

    Raises
    ------
    ValueError
        For an unknown scale, a missing class, or ``scale="logit"`` with
        scores outside [0, 1].

    Examples
    --------
    >>> from evalviz.distributions import ScoreDistribution
    >>> ScoreDistribution([0.9, 0.8], [0.1, 0.85, 0.2], thresholds=0.5)
    ScoreDistribution('positive': 2 positives, 3 negatives, 1 threshold)
    """

    def __init__(
        self,
        pos_scores,
        neg_scores,
        *,
        class_name="positive",
        thresholds=None,
        bins=50,
        scale="linear",
    ):
        check_choice(scale, "scale", ("linear", "logit"))
        pos = np.asarray(pos_scores).ravel()
        neg = np.asarray(neg_scores).ravel()
        truth = np.r_[np.ones(pos.size, np.int8), np.zeros(neg.size, np.int8)]
        score = np.r_[pos, neg]
        check_has_both_classes(truth, what=f"y_true for class {class_name!r}")
        if scale == "logit" and (score.min() < 0 or score.max() > 1):
            raise ValueError(
                f"scale='logit' needs scores between 0 and 1 (probabilities), got "
                f"values from {score.min():.3g} to {score.max():.3g}; use "
                "scale='linear' for logits or other scores"
            )
        self.class_name = str(class_name)
        self.truth, self._score = truth, score
        self.pos_scores, self.neg_scores = pos, neg
        self.n_pos, self.n_neg = int(pos.size), int(neg.size)
        self.scale = scale
        self._bin(int(bins))
        cuts = [] if thresholds is None else np.atleast_1d(thresholds)
        cuts = [check_threshold(t, "thresholds") for t in cuts]
        self.thresholds = self.counts_at(cuts) if cuts else None
        self.ax_ = self.figure_ = None
        self.lines_ = {}

    def _bin(self, bins):
        truth, score = self.truth, self._score
        if self.scale == "logit":
            # Scores within _LOGIT_CLIP of 0 or 1 (exact 0 and 1 included) have
            # no place on a logit axis: they are counted apart and drawn as end
            # bars past a marked break.
            low = score <= _LOGIT_CLIP
            high = score >= 1 - _LOGIT_CLIP
            inner = ~(low | high)
            self.pos_at_ends = (
                int(np.sum(low & (truth == 1))),
                int(np.sum(high & (truth == 1))),
            )
            self.neg_at_ends = (
                int(np.sum(low & (truth == 0))),
                int(np.sum(high & (truth == 0))),
            )
            x = _to_logit(score)
            self._end_labels = (
                "0" if np.all(score[low] == 0) else "<1e-9",
                "1" if np.all(score[high] == 1) else ">1-1e-9",
            )
        else:
            self._end_labels = ("0", "1")
            inner = np.ones(score.shape, dtype=bool)
            self.pos_at_ends = self.neg_at_ends = (0, 0)
            x = score
        lo, hi = (
            (float(x[inner].min()), float(x[inner].max()))
            if inner.any()
            else (
                -1.0,
                1.0,
            )
        )
        if hi == lo:
            hi = lo + 1.0
        self.edges = np.linspace(lo, hi, bins + 1)
        self.pos_counts = np.histogram(x[inner & (truth == 1)], bins=self.edges)[0]
        self.neg_counts = np.histogram(x[inner & (truth == 0)], bins=self.edges)[0]

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        pos_label=None,
        labels=None,
        display_labels=None,
        thresholds=None,
        bins=50,
        scale="linear",
        ax=None,
        **kwargs,
    ):
        """Split one class's scores into positives and negatives, and draw them.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
            As in :func:`score_distribution`.
        y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
            As in :func:`score_distribution`.
        pos_label : object, optional
            The class treated as positive, as in :func:`score_distribution`.
        labels : array-like, optional
            Class values in column order (scikit-learn's meaning).
        display_labels : sequence of str, optional
            Class names in column order.
        thresholds : float or list of float, optional
            Thresholds to draw.
        bins : int, default 50
            Number of bins.
        scale : {"linear", "logit"}, default "linear"
            The score axis.
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        ScoreDistribution
            Drawn.

        Raises
        ------
        ValueError
            As :func:`score_distribution`.
        """
        dist = score_distribution(
            y_true,
            y_score,
            pos_label=pos_label,
            labels=labels,
            display_labels=display_labels,
            thresholds=thresholds,
            bins=bins,
            scale=scale,
        )
        return dist.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        n_thr = 0 if self.thresholds is None else len(self.thresholds)
        text = (
            f"ScoreDistribution({self.class_name!r}: "
            f"{plural(self.n_pos, 'positive')}, {plural(self.n_neg, 'negative')}"
        )
        if n_thr:
            text += f", {plural(n_thr, 'threshold')}"
        return text + ")"

    def counts_at(self, thresholds) -> pd.DataFrame:
        """Positives and negatives at or above each threshold (TPR, FPR, ...).

        Parameters
        ----------
        thresholds : float or array-like of float
            The thresholds; ``score >= t`` is positive.

        Returns
        -------
        pandas.DataFrame
            As :func:`evalviz.metrics.counts_at_thresholds`.
        """
        return metrics.counts_at_thresholds(self.truth, self._score, thresholds)

    def to_frame(self) -> pd.DataFrame:
        """One row per bin: its score range and the counts drawn.

        With ``scale="logit"`` the first and last rows are the end bars
        (scores from 0 to 1e-9 and from 1 - 1e-9 to 1) when they hold any.

        Returns
        -------
        pandas.DataFrame
            Columns ``score_from, score_to, positives, negatives``.
        """
        left, right = self.edges[:-1], self.edges[1:]
        pos, neg = self.pos_counts, self.neg_counts
        if self.scale == "logit":
            left, right = 1 / (1 + 10.0**-left), 1 / (1 + 10.0**-right)
            # the end bars: scores within 1e-9 of 0 and of 1
            if self.pos_at_ends[0] + self.neg_at_ends[0]:
                left, right = np.r_[0.0, left], np.r_[_LOGIT_CLIP, right]
                pos = np.r_[self.pos_at_ends[0], pos]
                neg = np.r_[self.neg_at_ends[0], neg]
            if self.pos_at_ends[1] + self.neg_at_ends[1]:
                left, right = np.r_[left, 1 - _LOGIT_CLIP], np.r_[right, 1.0]
                pos = np.r_[pos, self.pos_at_ends[1]]
                neg = np.r_[neg, self.neg_at_ends[1]]
        return pd.DataFrame(
            {"score_from": left, "score_to": right, "positives": pos, "negatives": neg}
        )

    def plot(self, ax=None, *, log_counts=False, annotate=True, title=None):
        """Draw both histograms on one axis, with the threshold lines.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (with a layout engine) when None.
        log_counts : bool, default False
            Logarithmic count axis, so a handful of negatives near the
            threshold stay visible next to thousands of others.
        annotate : bool, default True
            Put the counts at or above each threshold in the legend.
        title : str, optional
            The axes title.

        Returns
        -------
        ScoreDistribution
            Self, with ``ax_``, ``figure_`` and ``lines_``.
        """
        created = ax is None
        fig, ax = _new_axes(ax, STYLE["distribution_figsize"])
        self.ax_, self.figure_, self.lines_ = ax, fig, {}
        layout = self._layout()
        self._draw_bars(ax, layout)
        if log_counts:
            ax.set_yscale("log")
            ax.set_ylim(bottom=0.7)
        handles = self._legend_handles(layout)
        handles += self._draw_thresholds(ax, layout, annotate)
        xlabel = self._draw_logit_axis(ax, layout) if layout["logit"] else "score"
        style_axes(
            ax,
            title=title
            or f"Scores for class {self.class_name!r}: positives vs negatives",
            xlabel=xlabel,
            ylabel="number of samples" + (" (log scale)" if log_counts else ""),
        )
        ax.legend(
            handles=handles,
            fontsize=STYLE["legend"],
            frameon=False,
            **_legend_place(ax, below=created),
        )
        if created and layout["logit"]:
            # the layout narrows the axes (title, labels, legend): space the
            # ticks for their final width. Only on a figure of its own: in a
            # caller's grid the other axes are not drawn yet.
            fig.get_layout_engine().execute(fig)
            self._space_logit_ticks(ax)
        return self

    def _space_logit_ticks(self, ax):
        """Keep the end ticks, then every tick whose label fits (see _spaced_ticks)."""
        pairs, split = self._tick_candidates
        kept = sorted(_spaced_ticks(ax, pairs[split:] + pairs[:split]))
        ax.set_xticks([t for t, _ in kept], [label for _, label in kept])

    def _layout(self):
        """Where the bins and the end bars (logit axis only) go."""
        logit = self.scale == "logit"
        edges = self.edges
        width = edges[1] - edges[0]
        gap = max(1.5 * width, 0.06 * (edges[-1] - edges[0]))
        ends = {
            0: (edges[0] - gap - width, edges[0] - gap),
            1: (edges[-1] + gap, edges[-1] + gap + width),
        }
        used = [
            e for e in (0, 1) if logit and self.pos_at_ends[e] + self.neg_at_ends[e]
        ]
        return {"logit": logit, "gap": gap, "ends": ends, "used_ends": used}

    def _draw_bars(self, ax, layout):
        for counts, at_ends, color, gid in (
            (self.neg_counts, self.neg_at_ends, NEGATIVE_COLOR, "negatives"),
            (self.pos_counts, self.pos_at_ends, POSITIVE_COLOR, "positives"),
        ):
            ax.stairs(
                counts,
                self.edges,
                color=color,
                fill=True,
                alpha=_ALPHA,
                gid=gid + ":fill",
            )
            ax.stairs(counts, self.edges, color=color, linewidth=1.8, gid=gid)
            for e in layout["used_ends"]:
                for fill in (True, False):
                    ax.stairs(
                        [at_ends[e]],
                        layout["ends"][e],
                        color=color,
                        fill=fill,
                        alpha=_ALPHA if fill else 1.0,
                        hatch="//" if fill else None,
                        linewidth=1.8,
                        gid=f"{gid}:end{e}" + (":fill" if fill else ""),
                    )

    def _legend_handles(self, layout):
        """Both fills, the colour where they overlap, and the end bars."""
        from matplotlib.patches import Patch

        under_neg = _blend(NEGATIVE_COLOR, "#FFFFFF", _ALPHA)
        handles = [
            Patch(
                facecolor=under_neg,
                edgecolor=NEGATIVE_COLOR,
                linewidth=1.8,
                label=f"negatives (other classes, n={format_count(self.n_neg)})",
            ),
            Patch(
                facecolor=_blend(POSITIVE_COLOR, "#FFFFFF", _ALPHA),
                edgecolor=POSITIVE_COLOR,
                linewidth=1.8,
                label=f"positives ({self.class_name}, n={format_count(self.n_pos)})",
            ),
            Patch(
                facecolor=_blend(POSITIVE_COLOR, under_neg, _ALPHA),
                edgecolor="none",
                label="both (bars overlap)",
            ),
        ]
        if layout["used_ends"]:
            parts = []
            for e in layout["used_ends"]:
                what = ("score below 1e-9", "score above 1 - 1e-9")[e]
                if self._end_labels[e] in ("0", "1"):
                    what = f"score exactly {self._end_labels[e]}"
                parts.append(
                    f'{what} (tick "{self._end_labels[e]}"): '
                    f"{plural(self.pos_at_ends[e], 'positive')}, "
                    f"{plural(self.neg_at_ends[e], 'negative')}"
                )
            handles.append(
                Patch(
                    facecolor="white",
                    edgecolor="#555555",
                    hatch="//",
                    label="hatched, past //: no place on a logit axis\n"
                    + "\n".join(parts),
                )
            )
        return handles

    def _draw_thresholds(self, ax, layout, annotate):
        if self.thresholds is None:
            return []
        styles = ("--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)))
        ends = layout["ends"]
        handles = []
        for i, row in enumerate(self.thresholds.itertuples(index=False)):
            t = float(row.threshold)
            if not layout["logit"]:
                x = t
            elif t >= 1 - _LOGIT_CLIP:
                x = ends[1][0]
            elif t <= _LOGIT_CLIP:
                x = ends[0][1]
            else:
                x = float(_to_logit(np.array([t]))[0])
            shown = format_threshold(t)
            label = f"threshold {shown}"
            if annotate:
                label = (
                    f"score >= {shown}:\n"
                    f"  {format_count(row.tp)} of {format_count(self.n_pos)} "
                    f"positives (TPR {format_rate(row.recall)})\n"
                    f"  {format_count(row.fp)} of {format_count(self.n_neg)} "
                    f"negatives (FPR {format_rate(row.fpr, 4)})"
                )
            line = ax.axvline(
                x,
                color=ink(),
                linestyle=styles[i % len(styles)],
                linewidth=1.6,
                label=label,
                gid=f"threshold:{shown}",
            )
            self.lines_[shown] = line
            handles.append(line)
        return handles

    def _draw_logit_axis(self, ax, layout):
        """Log-odds ticks, the end bars' ticks and breaks; returns the x label."""
        edges, ends, used = self.edges, layout["ends"], layout["used_ends"]
        ticks = [
            v
            for v in _logit_ticks(edges[0], edges[-1])
            if edges[0] - 0.5 <= v <= edges[-1] + 0.5 and abs(v) < 8.5
        ]
        labels = [_logit_tick_label(v) for v in ticks]
        gap = layout["gap"]
        for e in used:
            ticks.append(sum(ends[e]) / 2)
            labels.append(self._end_labels[e])
            _axis_break(ax, edges[-1] + gap / 2 if e else edges[0] - gap / 2)
        lo = ends[0][0] if 0 in used else edges[0]
        hi = ends[1][1] if 1 in used else edges[-1]
        pad = 0.02 * (hi - lo)
        ax.set_xlim(lo - pad, hi + pad)
        # the end ticks first, then every regular tick that leaves room for its
        # label next to those already kept
        pairs = list(zip(ticks, labels, strict=True))
        self._tick_candidates = (pairs, len(pairs) - len(used))
        self._space_logit_ticks(ax)
        return "score (logit axis: two more 9s per tick)"


_ALPHA = 0.35  # fill of the histogram bars


def _legend_place(ax, below):
    """Legend placement: under the x label (a figure of its own, which keeps
    the notebook column's width for the scores) or right of the axes."""
    if not below:
        return {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)}
    from matplotlib.transforms import ScaledTranslation

    shift = ScaledTranslation(
        0.0, -STYLE["legend_below_inches"], ax.figure.dpi_scale_trans
    )
    return {
        "loc": "upper center",
        "bbox_to_anchor": (0.5, 0.0),
        "bbox_transform": ax.transAxes + shift,
        "ncol": 2,
    }


def score_distribution(
    y_true,
    y_score,
    *,
    pos_label=None,
    labels=None,
    display_labels=None,
    thresholds=None,
    bins=50,
    scale="linear",
    threshold=None,
):
    """The scores of one class's positives and negatives, with thresholds.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels of any sortable type, or a 0/1
        indicator matrix (multi-label).
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Binary: the positive class's score (or ``predict_proba``'s two
        columns). Multi-class: probabilities, one column per class (logits
        are refused: their level per row is not defined by the model).
    pos_label : object, optional
        The class treated as positive: a class value, or a name from
        ``display_labels``. Required when ``y_score`` has several columns,
        and for binary labels other than {0, 1}, {-1, 1}, {False, True}.
    labels : array-like, optional
        Class values in column order (scikit-learn's meaning).
    display_labels : sequence of str, optional
        Class names in column order.
    thresholds : float or list of float, optional
        Threshold(s) to draw; counts at each are in ``.thresholds``.
    bins : int, default 50
        Number of bins.
    scale : {"linear", "logit"}, default "linear"
        "logit" draws probabilities on a log-odds axis, where 0.9, 0.99,
        0.999, ... are evenly spaced; use it to see what happens at a
        threshold like 0.99999.
    threshold : float or list of float, optional
        Deprecated spelling of ``thresholds``.

    Returns
    -------
    ScoreDistribution
        Computed, not drawn: call ``.plot()``.

    Raises
    ------
    ValueError
        When the positive class is missing or ambiguous, scores are logits,
        or one side is empty.

    Notes
    -----
    One vs the rest: positives are the samples of ``pos_label``, negatives
    all the others. A sample counts as predicted positive when its score is
    ``>= threshold``. On the logit axis, scores closer than 1e-9 to 0 or 1
    (including exact 0 and 1, common with float32 softmax) have no position:
    they are counted apart (``pos_at_ends``, ``neg_at_ends``) and drawn as
    hatched end bars labelled "0" and "1", past a break marked "//".

    Examples
    --------
    >>> from evalviz.distributions import score_distribution
    >>> d = score_distribution(["no", "yes", "yes", "no"], [0.2, 0.9, 0.6, 0.7],
    ...                        pos_label="yes", thresholds=0.5)
    >>> d.thresholds[["tp", "fp"]].values.tolist()
    [[2, 1]]
    """
    thresholds = _thresholds_arg(thresholds, threshold, "score_distribution")
    truth, score, name = metrics.one_vs_rest_scores(
        y_true,
        y_score,
        pos_label=pos_label,
        labels=labels,
        display_labels=display_labels,
    )
    return ScoreDistribution(
        score[truth == 1],
        score[truth == 0],
        class_name=name,
        thresholds=thresholds,
        bins=bins,
        scale=scale,
    )
