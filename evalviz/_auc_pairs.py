"""ROC AUC as a ranking probability: :class:`AucPairs` and :func:`auc_pairs`.

Imported by :mod:`evalviz.distributions`, the public home of both names.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import metrics
from ._format import format_area, plural
from ._plotting import NEUTRAL, PALETTE, STYLE, ink, style_axes
from ._score_axes import (
    _LOGIT_CLIP,
    NEGATIVE_COLOR,
    POSITIVE_COLOR,
    _axis_break,
    _lim_value,
    _logit_tick_label,
    _logit_ticks,
    _new_axes,
    _to_logit,
)
from ._validation import check_choice


class AucPairs:
    """Random (positive, negative) pairs and how often the positive wins.

    Build it with :func:`auc_pairs` or :meth:`from_predictions`; the
    constructor takes the sampled pairs.

    Parameters
    ----------
    pos_scores, neg_scores : array-like of shape (n_pairs,)
        Scores of the sampled positive and negative in each pair.
    auc : float
        The exact ROC AUC over every pair.
    class_name : str, default "positive"
        Name of the positive class.
    n_pos, n_neg : int, optional
        Positives and negatives available.

    Attributes
    ----------
    class_name : str
        Name of the positive class.
    auc : float
        The exact ROC AUC over every pair (:func:`evalviz.metrics.roc_auc`).
    pos_scores, neg_scores : ndarray of shape (n_pairs,)
        Scores of the sampled positive and negative in each pair.
    outcome : ndarray of shape (n_pairs,)
        1 when the positive scored higher, 0.5 for a tie, 0 otherwise.
    estimate : ndarray of shape (n_pairs,)
        Running mean of ``outcome``: the estimate after 1, 2, ... pairs.
    n_pos, n_neg : int
        Positives and negatives available (``n_pos * n_neg`` pairs in all).
    n_pairs : int
        Number of sampled pairs.
    ax_, figure_ : matplotlib Axes and Figure
        Set by :meth:`plot` or :meth:`plot_pairs`.

    Examples
    --------
    >>> from evalviz.distributions import auc_pairs
    >>> auc_pairs([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], n_pairs=1000)
    AucPairs('1': exact AUC 0.750, 0.757 after 1,000 pairs)
    """

    def __init__(
        self,
        pos_scores,
        neg_scores,
        *,
        auc,
        class_name="positive",
        n_pos=None,
        n_neg=None,
    ):
        self.pos_scores = np.asarray(pos_scores)
        self.neg_scores = np.asarray(neg_scores)
        self.outcome = (self.pos_scores > self.neg_scores) + 0.5 * (
            self.pos_scores == self.neg_scores
        )
        self.estimate = np.cumsum(self.outcome) / np.arange(1, self.outcome.size + 1)
        self.auc = float(auc)
        self.n_pairs = int(self.outcome.size)
        self.class_name = str(class_name)
        self.n_pos = int(n_pos) if n_pos is not None else None
        self.n_neg = int(n_neg) if n_neg is not None else None
        self.ax_ = self.figure_ = None
        self.lines_ = {}

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        pos_label=None,
        labels=None,
        display_labels=None,
        n_pairs=10_000,
        seed=0,
        ax=None,
        **kwargs,
    ):
        """Sample pairs from one class's scores and draw the running estimate.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
            As in :func:`auc_pairs`.
        y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
            As in :func:`auc_pairs`.
        pos_label : object, optional
            The class treated as positive, as in :func:`score_distribution`.
        labels : array-like, optional
            Class values in column order (scikit-learn's meaning).
        display_labels : sequence of str, optional
            Class names in column order.
        n_pairs : int, default 10000
            Number of random pairs.
        seed : int, default 0
            Seed of the random generator.
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        AucPairs
            Drawn.

        Raises
        ------
        ValueError
            As :func:`auc_pairs`.
        """
        pairs = auc_pairs(
            y_true,
            y_score,
            pos_label=pos_label,
            labels=labels,
            display_labels=display_labels,
            n_pairs=n_pairs,
            seed=seed,
        )
        return pairs.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        return (
            f"AucPairs({self.class_name!r}: exact AUC {format_area(self.auc)}, "
            f"{format_area(self.estimate[-1])} after "
            f"{plural(self.n_pairs, 'pair')})"
        )

    def to_frame(self, checkpoints=None) -> pd.DataFrame:
        """The estimate after 10, 100, 1000, ... pairs, next to the exact AUC.

        Parameters
        ----------
        checkpoints : sequence of int, optional
            Numbers of pairs to report (default: powers of ten and the total).

        Returns
        -------
        pandas.DataFrame
            One row per checkpoint, indexed by ``pairs``.
        """
        if checkpoints is None:
            checkpoints = [10**i for i in range(1, 12) if 10**i < self.n_pairs]
            checkpoints.append(self.n_pairs)
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
        """The running fraction against the number of pairs (log axis).

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        title : str, optional
            The axes title.

        Returns
        -------
        AucPairs
            Self, with ``ax_``, ``figure_`` and ``lines_``.
        """
        fig, ax = _new_axes(ax, STYLE["pairs_figsize"])
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
        (estimate,) = ax.plot(
            n,
            self.estimate,
            color=PALETTE[0],
            linewidth=1.8,
            label="fraction of pairs won by the positive",
            gid="estimate",
        )
        auc = ax.axhline(
            self.auc,
            color=ink(),
            linestyle="--",
            linewidth=1.4,
            label=f"exact AUC over all pairs = {format_area(self.auc, 4)}",
            gid="auc",
        )
        self.lines_ = {"estimate": estimate, "auc": auc}
        ax.set_xscale("log")
        ax.set_xlim(1, max(self.n_pairs, 2))
        first = min(9, self.n_pairs - 1)
        low = min(self.estimate[first:].min(), self.auc - 2 * se[first]) - 0.01
        ax.set_ylim(max(low, 0.0), 1.005)
        style_axes(
            ax,
            title=title or f"AUC as a ranking probability: class {self.class_name!r}",
            xlabel="number of random (positive, negative) pairs",
            ylabel="share where the positive scores higher",
        )
        ax.legend(loc="lower right", fontsize=STYLE["legend_inside"])
        return self

    def plot_pairs(self, ax=None, *, n=40, scale="linear", title=None):
        """Draw ``n`` sampled pairs: a line from each negative to its positive.

        Each pair is a line between the negative's score (bottom row, square
        markers) and the positive's score (top row, circles): solid teal
        when the positive is higher (a correctly ranked pair), dashed in the
        text colour (black, white on a dark style) when the negative is
        higher, dotted grey for a tie. Dots are spread a
        little up and down within their row so that equal scores stay
        countable.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        n : int, default 40
            Number of pairs drawn (the first ``n`` sampled).
        scale : {"linear", "logit"}, default "linear"
            The score axis.
        title : str, optional
            The axes title.

        Returns
        -------
        AucPairs
            Self, with ``ax_`` and ``figure_``.

        Raises
        ------
        ValueError
            For an unknown scale.
        """
        check_choice(scale, "scale", ("linear", "logit"))
        fig, ax = _new_axes(ax, STYLE["pairs_rows_figsize"])
        self.ax_, self.figure_ = ax, fig
        m = min(int(n), self.n_pairs)
        pos, neg = self.pos_scores[:m], self.neg_scores[:m]
        if scale == "logit":
            pos, neg = _to_logit(pos), _to_logit(neg)
        self._draw_pair_lines(ax, pos, neg, m)
        ax.set_yticks(
            [0, 1],
            [f"negative\n(not {self.class_name})", f"positive\n({self.class_name})"],
        )
        ax.set_ylim(-0.35, 1.35)
        step = self._pairs_logit_axis(ax, pos, neg, m) if scale == "logit" else 2
        logit_note = (
            " (logit axis: one more 9, or 0, per tick)"
            if step == 1
            else " (logit axis: two more 9s per tick)"
        )
        style_axes(
            ax,
            title=title or f"{m} random pairs for class {self.class_name!r}",
            xlabel="score" + (logit_note if scale == "logit" else ""),
        )
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=STYLE["legend"],
            frameon=False,
        )
        return self

    def _draw_pair_lines(self, ax, pos, neg, m):
        # Spread the dots of each row vertically (a fixed pattern, no random
        # numbers) so that equal scores, such as many negatives at 0, stay
        # countable instead of stacking into one dot.
        spread = ((np.arange(m) * 0.6180339887) % 1.0 - 0.5) * 0.36
        styles = {
            1.0: {"color": PALETTE[2], "linestyle": "-", "linewidth": 1.2},
            0.5: {"color": NEUTRAL, "linestyle": ":", "linewidth": 1.4},
            0.0: {"color": ink(), "linestyle": "--", "linewidth": 1.6},
        }
        names = {1.0: "positive higher", 0.5: "tie", 0.0: "negative higher"}
        seen = set()
        for i in range(m):
            o = float(self.outcome[i])
            count = int(np.sum(self.outcome[:m] == o))
            ax.plot(
                [neg[i], pos[i]],
                [spread[i], 1 + spread[i]],
                alpha=0.8,
                label=None if o in seen else f"{names[o]} ({count} of {m})",
                gid=f"pair:{i}",
                **styles[o],
            )
            seen.add(o)
        ax.plot(
            pos,
            1 + spread,
            "o",
            color=POSITIVE_COLOR,
            markersize=STYLE["marker_sample"],
            label=f"positive ({self.class_name}): top row",
            gid="positives",
        )
        ax.plot(
            neg,
            spread,
            "s",
            color=NEGATIVE_COLOR,
            markersize=STYLE["marker_sample"],
            label=f"negative (not {self.class_name}): bottom row",
            gid="negatives",
        )

    def _pairs_logit_axis(self, ax, pos, neg, m) -> int:
        """Log-odds ticks for the pairs; returns the tick step in powers of ten."""
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
        return step


def auc_pairs(
    y_true,
    y_score,
    *,
    pos_label=None,
    labels=None,
    display_labels=None,
    n_pairs=10_000,
    seed=0,
):
    """Estimate ROC AUC by sampling (positive, negative) pairs.

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
    n_pairs : int, default 10000
        Number of random pairs (drawn with replacement).
    seed : int, default 0
        Seed of the random generator, so a notebook shows the same pairs.

    Returns
    -------
    AucPairs
        Computed, not drawn: call ``.plot()`` or ``.plot_pairs()``.

    Raises
    ------
    ValueError
        As :func:`score_distribution`, or for a bad ``n_pairs``.

    Notes
    -----
    ROC AUC equals the probability that a randomly chosen positive gets a
    higher score than a randomly chosen negative, counting ties as one half
    (the Mann-Whitney U statistic divided by ``n_pos * n_neg``). The exact AUC
    counts every one of the ``n_pos * n_neg`` pairs; sampling shows the same
    number emerging pair by pair, with a spread that shrinks like
    ``1 / sqrt(pairs)``.

    Examples
    --------
    >>> from evalviz.distributions import auc_pairs
    >>> pairs = auc_pairs([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], pos_label=2)
    >>> pairs.auc
    0.75
    """
    truth, score, name = metrics.one_vs_rest_scores(
        y_true,
        y_score,
        pos_label=pos_label,
        labels=labels,
        display_labels=display_labels,
    )
    pos, neg, _, _ = metrics.sample_auc_pairs(truth, score, n_pairs, seed=seed)
    return AucPairs(
        pos,
        neg,
        auc=float(metrics.roc_auc(truth, score)),
        class_name=name,
        n_pos=int(truth.sum()),
        n_neg=int(truth.size - truth.sum()),
    )
