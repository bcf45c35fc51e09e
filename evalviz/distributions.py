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

import numpy as np
import pandas as pd

from . import metrics
from ._plotting import PALETTE, new_axes, style_axes
from ._validation import (
    as_array,
    check_binary,
    check_choice,
    check_class_names,
    check_has_both_classes,
    check_threshold,
    target_kind,
)

__all__ = ["score_distribution", "auc_pairs", "ScoreDistribution", "AucPairs"]

POSITIVE_COLOR = PALETTE[0]  # blue
NEGATIVE_COLOR = PALETTE[1]  # vermillion
# Scores closer to 0 or 1 than this are drawn at the edge of a logit axis
# (a float32 softmax cannot tell 1 - 1e-8 from 1).
_LOGIT_CLIP = 1e-9


def _one_class(y_true, y_score, pos_label, labels):
    """(truth 0/1, score of that class, class name) for one class vs the rest."""
    raw = as_array(y_score, "y_score")
    if raw.ndim == 1 or (raw.ndim == 2 and raw.shape[1] == 1):
        label = 1 if pos_label is None else pos_label
        truth, score = check_binary(y_true, y_score, pos_label=label)
        if labels is not None:
            names = [str(x) for x in labels]
            name = names[-1]
        else:
            name = str(label)
        return truth.astype(np.int8), score, name
    kind, truth, score = target_kind(y_true, y_score)
    names = check_class_names(labels, score.shape[1])
    if pos_label is None:
        raise ValueError(
            f"y_score has {score.shape[1]} columns: pass pos_label, the class to "
            "treat as positive (its index, or its name from labels)"
        )
    if isinstance(pos_label, str):
        if pos_label not in names:
            raise ValueError(
                f"pos_label={pos_label!r} is not a class name; the names are {names}"
            )
        k = names.index(pos_label)
    else:
        k = int(pos_label)
        if not 0 <= k < score.shape[1]:
            raise ValueError(
                f"pos_label={pos_label!r} but y_score has {score.shape[1]} columns "
                f"(classes 0..{score.shape[1] - 1})"
            )
    column = truth[:, k] if kind == "multilabel" else (truth == k)
    return column.astype(np.int8), score[:, k], names[k]


def _lim_value() -> float:
    """Where the clipped ends sit on the logit axis (log10 odds)."""
    return -float(np.log10(_LOGIT_CLIP)) - 1e-9


def _new_axes(ax, figsize):
    """new_axes, with constrained layout when the figure is ours (legends outside)."""
    created = ax is None
    fig, ax = new_axes(ax, figsize=figsize)
    if created:
        fig.set_layout_engine("constrained")
    return fig, ax


def _to_logit(p):
    p = np.clip(p, _LOGIT_CLIP, 1 - _LOGIT_CLIP)
    return np.log10(p) - np.log10(1 - p)


def _logit_ticks(lo: float, hi: float, step: int = 2) -> list[float]:
    """Even log-odds ticks within [lo, hi]; the clipped edges are labelled 0 and 1."""
    lim = -np.log10(_LOGIT_CLIP)
    ticks = [float(v) for v in range(-8, 9, step) if lo - 0.5 <= v <= hi + 0.5]
    if hi >= lim - 1e-9:
        ticks = [v for v in ticks if v < lim - 1.5] + [lim]
    if lo <= -lim + 1e-9:
        ticks = [-lim] + [v for v in ticks if v > -lim + 1.5]
    return ticks


def _logit_tick_label(v: float) -> str:
    if v >= -np.log10(_LOGIT_CLIP) - 1e-9:
        return "1"
    if v <= np.log10(_LOGIT_CLIP) + 1e-9:
        return "0"
    if v == 0:
        return "0.5"
    if v > 0:
        return "0." + "9" * int(round(v))
    return f"1e{int(round(v))}"


class ScoreDistribution:
    """Scores of one class's positives and negatives, binned.

    Build it with :func:`score_distribution`.

    Attributes
    ----------
    class_name : str
    pos_scores, neg_scores : ndarray
        Scores of the positives (samples of this class) and of the negatives.
    scale : {"linear", "logit"}
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
    thresholds : pandas.DataFrame
        Counts and rates at each threshold (from
        :func:`evalviz.metrics.counts_at_thresholds`).
    ax_, figure_ : matplotlib objects after :meth:`plot`.
    """

    def __init__(self, truth, score, name, thresholds, bins, scale):
        check_choice(scale, "scale", ("linear", "logit"))
        check_has_both_classes(truth, what=f"y_true for class {name!r}")
        if scale == "logit" and (score.min() < 0 or score.max() > 1):
            raise ValueError(
                f"scale='logit' needs scores between 0 and 1 (probabilities), got "
                f"values from {score.min():.3g} to {score.max():.3g}; use "
                "scale='linear' for logits or other scores"
            )
        self.class_name = name
        self.truth = truth
        self.pos_scores = score[truth == 1]
        self.neg_scores = score[truth == 0]
        self.scale = scale
        if scale == "logit":
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
        if inner.any():
            lo, hi = float(x[inner].min()), float(x[inner].max())
        else:
            lo, hi = -1.0, 1.0
        if hi == lo:
            hi = lo + 1.0
        self.edges = np.linspace(lo, hi, int(bins) + 1)
        self.pos_counts = np.histogram(x[inner & (truth == 1)], bins=self.edges)[0]
        self.neg_counts = np.histogram(x[inner & (truth == 0)], bins=self.edges)[0]
        cuts = [] if thresholds is None else np.atleast_1d(thresholds)
        cuts = [check_threshold(t) for t in cuts]
        self._score = score
        self.thresholds = self.counts_at(cuts) if cuts else None
        self.ax_ = None
        self.figure_ = None

    @property
    def n_pos(self) -> int:
        return int(self.pos_scores.size)

    @property
    def n_neg(self) -> int:
        return int(self.neg_scores.size)

    def counts_at(self, thresholds) -> pd.DataFrame:
        """Positives and negatives at or above each threshold (TPR, FPR, ...)."""
        return metrics.counts_at_thresholds(self.truth, self._score, thresholds)

    def to_frame(self) -> pd.DataFrame:
        """One row per bin: its score range and the counts drawn.

        With ``scale="logit"`` the first and last rows are the end bars
        (scores from 0 to 1e-9 and from 1 - 1e-9 to 1) when they hold any.
        """
        left, right = self.edges[:-1], self.edges[1:]
        pos, neg = self.pos_counts, self.neg_counts
        if self.scale == "logit":
            left, right = 1 / (1 + 10.0**-left), 1 / (1 + 10.0**-right)
            # the end bars: scores within 1e-9 of 0 and of 1
            if self.pos_at_ends[0] + self.neg_at_ends[0]:
                left, right = np.r_[0.0, left], np.r_[_LOGIT_CLIP, right]
                pos, neg = (
                    np.r_[self.pos_at_ends[0], pos],
                    np.r_[self.neg_at_ends[0], neg],
                )
            if self.pos_at_ends[1] + self.neg_at_ends[1]:
                left, right = np.r_[left, 1 - _LOGIT_CLIP], np.r_[right, 1.0]
                pos, neg = (
                    np.r_[pos, self.pos_at_ends[1]],
                    np.r_[neg, self.neg_at_ends[1]],
                )
        return pd.DataFrame(
            {
                "score_from": left,
                "score_to": right,
                "positives": pos,
                "negatives": neg,
            }
        )

    def plot(self, ax=None, *, log_counts=False, annotate=True, title=None):
        """Draw both histograms on one axis, with the threshold lines.

        Parameters
        ----------
        ax : matplotlib Axes, optional
        log_counts : bool, default False
            Logarithmic count axis, so a handful of negatives near the
            threshold stay visible next to thousands of others.
        annotate : bool, default True
            Put the counts at or above each threshold in the legend.
        title : str, optional

        Returns
        -------
        self
        """
        from matplotlib.patches import Patch

        fig, ax = _new_axes(ax, (12.0, 5.0))
        self.ax_, self.figure_ = ax, fig
        logit = self.scale == "logit"
        edges = self.edges
        width = edges[1] - edges[0]
        gap = max(1.5 * width, 0.06 * (edges[-1] - edges[0]))
        # where the end bars go (logit axis only): past a gap on either side
        ends = {
            0: (edges[0] - gap - width, edges[0] - gap),
            1: (edges[-1] + gap, edges[-1] + gap + width),
        }
        used_ends = [
            e for e in (0, 1) if logit and self.pos_at_ends[e] + self.neg_at_ends[e]
        ]
        alpha = 0.35
        for counts, at_ends, color, gid in (
            (self.neg_counts, self.neg_at_ends, NEGATIVE_COLOR, "negatives"),
            (self.pos_counts, self.pos_at_ends, POSITIVE_COLOR, "positives"),
        ):
            ax.stairs(
                counts, edges, color=color, fill=True, alpha=alpha, gid=gid + ":fill"
            )
            ax.stairs(counts, edges, color=color, linewidth=1.8, gid=gid)
            for e in used_ends:
                for fill in (True, False):
                    ax.stairs(
                        [at_ends[e]],
                        ends[e],
                        color=color,
                        fill=fill,
                        alpha=alpha if fill else 1.0,
                        hatch="//" if fill else None,
                        linewidth=1.8,
                        gid=f"{gid}:end{e}" + (":fill" if fill else ""),
                    )
        if log_counts:
            ax.set_yscale("log")
            ax.set_ylim(bottom=0.7)
        # legend: both fills and the colour where they overlap
        overlap = _blend(
            POSITIVE_COLOR, _blend(NEGATIVE_COLOR, "#FFFFFF", alpha), alpha
        )
        handles = [
            Patch(
                facecolor=_blend(NEGATIVE_COLOR, "#FFFFFF", alpha),
                edgecolor=NEGATIVE_COLOR,
                linewidth=1.8,
                label=f"negatives (other classes, n={self.n_neg})",
            ),
            Patch(
                facecolor=_blend(POSITIVE_COLOR, "#FFFFFF", alpha),
                edgecolor=POSITIVE_COLOR,
                linewidth=1.8,
                label=f"positives ({self.class_name}, n={self.n_pos})",
            ),
            Patch(facecolor=overlap, edgecolor="none", label="both (bars overlap)"),
        ]
        if used_ends:
            parts = []
            for e in used_ends:
                what = ("score below 1e-9", "score above 1 - 1e-9")[e]
                if self._end_labels[e] in ("0", "1"):
                    what = f"score exactly {self._end_labels[e]}"
                parts.append(
                    f'{what} (tick "{self._end_labels[e]}"): '
                    f"{_plural(self.pos_at_ends[e], 'positive')}, "
                    f"{_plural(self.neg_at_ends[e], 'negative')}"
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
        if self.thresholds is not None:
            styles = ("--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)))
            for i, row in enumerate(self.thresholds.itertuples(index=False)):
                if not logit:
                    x = row.threshold
                elif row.threshold >= 1 - _LOGIT_CLIP:
                    x = ends[1][0]
                elif row.threshold <= _LOGIT_CLIP:
                    x = ends[0][1]
                else:
                    x = float(_to_logit(np.array([row.threshold]))[0])
                label = f"threshold {row.threshold:g}"
                if annotate:
                    label = (
                        f"score >= {row.threshold:g}:\n"
                        f"  {row.tp} of {self.n_pos} positives (TPR {row.recall:.3f})\n"
                        f"  {row.fp} of {self.n_neg} negatives (FPR {row.fpr:.4f})"
                    )
                line = ax.axvline(
                    x,
                    color="#000000",
                    linestyle=styles[i % len(styles)],
                    linewidth=1.6,
                    label=label,
                    gid=f"threshold:{row.threshold:g}",
                )
                handles.append(line)
        if logit:
            ticks = [
                v
                for v in _logit_ticks(edges[0], edges[-1])
                if edges[0] - 0.5 <= v <= edges[-1] + 0.5 and abs(v) < 8.5
            ]
            labels = [_logit_tick_label(v) for v in ticks]
            for e in used_ends:
                ticks.append(sum(ends[e]) / 2)
                labels.append(self._end_labels[e])
                _axis_break(ax, edges[-1] + gap / 2 if e else edges[0] - gap / 2)
            lo = ends[0][0] if 0 in used_ends else edges[0]
            hi = ends[1][1] if 1 in used_ends else edges[-1]
            pad = 0.02 * (hi - lo)
            ax.set_xlim(lo - pad, hi + pad)
            # the end ticks first, then every regular tick that leaves room
            # for its label next to those already kept
            pairs = list(zip(ticks, labels, strict=True))
            split = len(pairs) - len(used_ends)
            kept = _spaced_ticks(ax, pairs[split:] + pairs[:split])
            kept.sort()
            ax.set_xticks([t for t, _ in kept], [label for _, label in kept])
            xlabel = "score (logit axis: two more 9s per tick)"
        else:
            xlabel = "score"
        style_axes(
            ax,
            title=title
            or f"Scores for class {self.class_name!r}: positives vs negatives",
            xlabel=xlabel,
            ylabel="number of samples" + (" (log scale)" if log_counts else ""),
        )
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=10,
            frameon=False,
        )
        return self


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _spaced_ticks(ax, candidates):
    """Keep ``(position, label)`` ticks in order of priority while labels fit.

    A tick is dropped when its label would run into one already kept, judged
    from the axes' width and the length of the two labels (about 0.6 of the
    font size per character, with a margin).
    """
    from ._plotting import TICK_SIZE

    # the axes' width in inches, also for axes inside a SubFigure
    width_in = ax.bbox.width / ax.get_figure(root=True).dpi
    lo, hi = ax.get_xlim()
    per_inch = (hi - lo) / max(width_in, 1e-9)
    char_in = 0.6 * TICK_SIZE / 72.0
    kept = []
    for pos, label in candidates:
        ok = all(
            abs(pos - p) >= 1.5 * char_in * per_inch * (len(label) + len(q)) / 2
            for p, q in kept
        )
        if ok:
            kept.append((pos, label))
    return kept


def _blend(color, under, alpha):
    """The colour of ``color`` drawn with ``alpha`` over ``under``."""
    from matplotlib.colors import to_hex, to_rgb

    top, bottom = np.array(to_rgb(color)), np.array(to_rgb(under))
    return to_hex(alpha * top + (1 - alpha) * bottom)


def _axis_break(ax, x) -> None:
    """Two slashes on the x-axis at data position ``x``: the scale jumps here."""
    ax.annotate(
        "//",
        xy=(x, 0.0),
        xycoords=("data", "axes fraction"),
        ha="center",
        va="center",
        fontsize=13,
        fontweight="bold",
        annotation_clip=False,
        gid="axis_break",
    )


def score_distribution(
    y_true,
    y_score,
    *,
    pos_label=None,
    labels=None,
    threshold=None,
    bins=50,
    scale="linear",
):
    """The scores of one class's positives and negatives, with a threshold.

    Parameters
    ----------
    y_true : array-like
        Binary 0/1 labels, class indices (multi-class) or a 0/1 indicator
        matrix (multi-label).
    y_score : array-like
        Scores of shape (n,) for binary input, else (n, k).
    pos_label : int or str
        The class treated as positive: a column index or a name from
        ``labels``. Required when ``y_score`` has several columns.
    labels : list of str, optional
        Class names in column order.
    threshold : float or list of float, optional
        Threshold(s) to draw; counts at each are in ``.thresholds``.
    bins : int, default 50
    scale : {"linear", "logit"}, default "linear"
        "logit" draws probabilities on a log-odds axis, where 0.9, 0.99,
        0.999, ... are evenly spaced; use it to see what happens at a
        threshold like 0.99999.

    Returns
    -------
    ScoreDistribution

    Notes
    -----
    One vs the rest: positives are the samples of ``pos_label``, negatives
    all the others. A sample counts as predicted positive when its score is
    ``>= threshold``. On the logit axis, scores closer than 1e-9 to 0 or 1
    (including exact 0 and 1, common with float32 softmax) have no position:
    they are counted apart (``pos_at_ends``, ``neg_at_ends``) and drawn as
    hatched end bars labelled "0" and "1", past a break marked "//".
    """
    truth, score, name = _one_class(y_true, y_score, pos_label, labels)
    return ScoreDistribution(truth, score, name, threshold, bins, scale)


class AucPairs:
    """Random (positive, negative) pairs and how often the positive wins.

    Build it with :func:`auc_pairs`.

    Attributes
    ----------
    class_name : str
    auc : float
        The exact ROC AUC over every pair (:func:`evalviz.metrics.roc_auc`).
    pos_scores, neg_scores : ndarray, shape (n_pairs,)
        Scores of the sampled positive and negative in each pair.
    outcome : ndarray, shape (n_pairs,)
        1 when the positive scored higher, 0.5 for a tie, 0 otherwise.
    estimate : ndarray, shape (n_pairs,)
        Running mean of ``outcome``: the estimate after 1, 2, ... pairs.
    n_pos, n_neg : int
        Positives and negatives available (``n_pos * n_neg`` pairs in all).
    ax_, figure_ : matplotlib objects after :meth:`plot` or :meth:`plot_pairs`.
    """

    def __init__(self, truth, score, name, n_pairs, seed):
        check_has_both_classes(truth, what=f"y_true for class {name!r}")
        if (
            isinstance(n_pairs, bool)
            or not isinstance(n_pairs, (int, np.integer))
            or n_pairs < 1
        ):
            raise ValueError(f"n_pairs must be a positive integer, got {n_pairs!r}")
        pos = score[truth == 1]
        neg = score[truth == 0]
        rng = np.random.default_rng(seed)
        self.class_name = name
        self.n_pos, self.n_neg = int(pos.size), int(neg.size)
        self.pos_scores = pos[rng.integers(0, pos.size, int(n_pairs))]
        self.neg_scores = neg[rng.integers(0, neg.size, int(n_pairs))]
        self.outcome = (self.pos_scores > self.neg_scores) + 0.5 * (
            self.pos_scores == self.neg_scores
        )
        self.estimate = np.cumsum(self.outcome) / np.arange(1, int(n_pairs) + 1)
        self.auc = float(metrics.roc_auc(truth, score))
        self.ax_ = None
        self.figure_ = None

    @property
    def n_pairs(self) -> int:
        return int(self.outcome.size)

    def to_frame(self, checkpoints=None) -> pd.DataFrame:
        """The estimate after 10, 100, 1000, ... pairs, next to the exact AUC."""
        if checkpoints is None:
            checkpoints = [10**i for i in range(1, 12) if 10**i < self.n_pairs] + [
                self.n_pairs
            ]
        rows = []
        for n in checkpoints:
            part = self.outcome[:n]
            rows.append(
                {
                    "pairs": int(n),
                    "positive higher": int(np.sum(part == 1)),
                    "tie": int(np.sum(part == 0.5)),
                    "negative higher": int(np.sum(part == 0)),
                    "fraction (ties half)": float(self.estimate[n - 1]),
                    "exact AUC": self.auc,
                }
            )
        return pd.DataFrame(rows).set_index("pairs")

    def plot(self, ax=None, *, title=None):
        """The running fraction against the number of pairs (log axis)."""
        fig, ax = _new_axes(ax, (7.5, 4.5))
        self.ax_, self.figure_ = ax, fig
        n = np.arange(1, self.n_pairs + 1)
        se = np.sqrt(max(self.auc * (1 - self.auc), 1e-12) / n)
        ax.fill_between(
            n,
            np.clip(self.auc - 2 * se, 0, 1),
            np.clip(self.auc + 2 * se, 0, 1),
            color=PALETTE[5],
            alpha=0.25,
            linewidth=0,
            label="typical spread of the estimate (about 2 standard errors)",
            gid="band",
        )
        ax.plot(
            n,
            self.estimate,
            color=PALETTE[0],
            linewidth=1.8,
            label="fraction of pairs won by the positive",
            gid="estimate",
        )
        ax.axhline(
            self.auc,
            color="#000000",
            linestyle="--",
            linewidth=1.4,
            label=f"exact AUC over all pairs = {self.auc:.4f}",
            gid="auc",
        )
        ax.set_xscale("log")
        ax.set_xlim(1, self.n_pairs)
        first = min(9, self.n_pairs - 1)
        low = min(self.estimate[first:].min(), self.auc - 2 * se[first]) - 0.01
        ax.set_ylim(max(low, 0.0), 1.005)
        style_axes(
            ax,
            title=title or f"AUC as a ranking probability: class {self.class_name!r}",
            xlabel="number of random (positive, negative) pairs",
            ylabel="share where the positive scores higher",
        )
        ax.legend(loc="lower right", fontsize=9)
        return self

    def plot_pairs(self, ax=None, *, n=40, scale="linear", title=None):
        """Draw ``n`` sampled pairs: a line from each negative to its positive.

        Each pair is a line between the negative's score (bottom row, square
        markers) and the positive's score (top row, circles): solid green
        when the positive is higher (a correctly ranked pair), dashed black
        when the negative is higher, dotted grey for a tie. Dots are spread a
        little up and down within their row so that equal scores stay
        countable.
        """
        check_choice(scale, "scale", ("linear", "logit"))
        step = 2
        fig, ax = _new_axes(ax, (9.0, 3.8))
        self.ax_, self.figure_ = ax, fig
        m = min(int(n), self.n_pairs)
        pos, neg = self.pos_scores[:m], self.neg_scores[:m]
        if scale == "logit":
            pos, neg = _to_logit(pos), _to_logit(neg)
        # Spread the dots of each row vertically (a fixed pattern, no random
        # numbers) so that equal scores, such as many negatives at 0, stay
        # countable instead of stacking into one dot.
        spread = ((np.arange(m) * 0.6180339887) % 1.0 - 0.5) * 0.36
        styles = {
            1.0: {"color": PALETTE[2], "linestyle": "-", "linewidth": 1.2},
            0.5: {"color": "#999999", "linestyle": ":", "linewidth": 1.4},
            0.0: {"color": "#000000", "linestyle": "--", "linewidth": 1.6},
        }
        names = {1.0: "positive higher", 0.5: "tie", 0.0: "negative higher"}
        seen = set()
        for i in range(m):
            o = float(self.outcome[i])
            ax.plot(
                [neg[i], pos[i]],
                [spread[i], 1 + spread[i]],
                alpha=0.8,
                label=None
                if o in seen
                else f"{names[o]} ({int(np.sum(self.outcome[:m] == o))} of {m})",
                gid=f"pair:{i}",
                **styles[o],
            )
            seen.add(o)
        ax.plot(
            pos,
            1 + spread,
            "o",
            color=POSITIVE_COLOR,
            markersize=5,
            label=f"positive ({self.class_name}): top row",
            gid="positives",
        )
        ax.plot(
            neg,
            spread,
            "s",
            color=NEGATIVE_COLOR,
            markersize=5,
            label=f"negative (not {self.class_name}): bottom row",
            gid="negatives",
        )
        ax.set_yticks(
            [0, 1],
            [f"negative\n(not {self.class_name})", f"positive\n({self.class_name})"],
        )
        ax.set_ylim(-0.35, 1.35)
        if scale == "logit":
            lo, hi = min(pos.min(), neg.min()), max(pos.max(), neg.max())
            # A narrow range (a few powers of ten) gets a tick per power of ten,
            # so the axis never shows only two ticks.
            step = 1 if hi - lo < 6 else 2
            ticks = _logit_ticks(lo, hi, step)
            raw = np.r_[self.pos_scores[:m], self.neg_scores[:m]]
            ends = {
                "0": "0" if np.all(raw[raw <= _LOGIT_CLIP] == 0) else "<1e-9",
                "1": "1" if np.all(raw[raw >= 1 - _LOGIT_CLIP] == 1) else ">1-1e-9",
            }
            labels = [_logit_tick_label(v) for v in ticks]
            if ticks and ticks[0] <= -_lim_value():
                labels[0] = ends["0"]
            if ticks and ticks[-1] >= _lim_value():
                labels[-1] = ends["1"]
            ax.set_xticks(ticks, labels)
            lim = -np.log10(_LOGIT_CLIP)
            if lo <= -lim + 1e-9:
                _axis_break(ax, -lim + 0.75)
            if hi >= lim - 1e-9:
                _axis_break(ax, lim - 0.75)
            at_zero = int(np.sum(self.neg_scores[:m] <= _LOGIT_CLIP))
            if at_zero:
                ax.plot(
                    [],
                    [],
                    linestyle="none",
                    label=f"{at_zero} of {m} negatives score below 1e-9\n"
                    f'(tick "{ends["0"]}", past the // break)',
                )
        style_axes(
            ax,
            title=title or f"{m} random pairs for class {self.class_name!r}",
            xlabel="score"
            + (
                (
                    " (logit axis: one more 9, or 0, per tick)"
                    if step == 1
                    else " (logit axis: two more 9s per tick)"
                )
                if scale == "logit"
                else ""
            ),
        )
        ax.legend(
            loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=10, frameon=False
        )
        return self


def auc_pairs(y_true, y_score, *, pos_label=None, labels=None, n_pairs=10_000, seed=0):
    """Estimate ROC AUC by sampling (positive, negative) pairs.

    Parameters
    ----------
    y_true, y_score, pos_label, labels
        As in :func:`score_distribution`.
    n_pairs : int, default 10000
        Number of random pairs (drawn with replacement).
    seed : int, default 0
        Seed of the random generator, so a notebook shows the same pairs.

    Returns
    -------
    AucPairs

    Notes
    -----
    ROC AUC equals the probability that a randomly chosen positive gets a
    higher score than a randomly chosen negative, counting ties as one half
    (the Mann-Whitney U statistic divided by ``n_pos * n_neg``). The exact AUC
    counts every one of the ``n_pos * n_neg`` pairs; sampling shows the same
    number emerging pair by pair, with a spread that shrinks like
    ``1 / sqrt(pairs)``.
    """
    truth, score, name = _one_class(y_true, y_score, pos_label, labels)
    return AucPairs(truth, score, name, n_pairs, seed)
