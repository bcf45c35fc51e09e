"""Bootstrap confidence bands of ROC and precision-recall curves.

A band gives, at fixed values of the x-axis, the range the y-value of the
curve takes over bootstrap resamples of the test set: TPR at fixed FPR for
ROC (as R's pROC ``ci.se`` gives sensitivity at fixed specificity), precision
at fixed recall for PR. numpy only.

The work is vectorised: each class's samples are sorted once; a resample is a
vector of counts over the sorted samples, so its curve is a cumulative sum of
those counts, read at the grid with one ``searchsorted`` for a whole block of
resamples.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import check_choice
from ._curves import _indicator_problem

__all__ = ["CurveBand", "roc_band", "pr_band"]

# Resamples per block: bounds the memory of the (block, n_samples) arrays.
_BLOCK_CELLS = 4_000_000


@dataclass
class CurveBand:
    """Per-class bootstrap band of a curve on a fixed grid of x-values.

    Attributes
    ----------
    kind : {"roc", "pr"}
        Which curve: TPR at fixed FPR (``"roc"``) or precision at fixed
        recall (``"pr"``); see :func:`roc_band` and :func:`pr_band`.
    names : list of str
        One name per class (binary input: the positive class).
    grid : ndarray of shape (n_grid,)
        The x-values (FPR or recall) where the band is read.
    estimate : ndarray of shape (n_classes, n_grid)
        The curve of the whole test set at the grid.
    low, high : ndarray of shape (n_classes, n_grid)
        Percentile bounds of the bootstrap distribution at each grid value.
    confidence : float
        The interval level, e.g. 0.95.
    n_resamples : int
        Bootstrap resamples drawn per class.
    stratify : bool
        Whether each resample kept the numbers of positives and negatives.

    Examples
    --------
    >>> band = roc_band([0, 0, 1, 1, 0, 1], [.1, .4, .35, .8, .2, .7],
    ...                 n_resamples=200, grid=[0.0, 0.5, 1.0])
    >>> band.estimate.tolist()
    [[0.6666666666666666, 1.0, 1.0]]
    """

    kind: str
    names: list
    grid: np.ndarray
    estimate: np.ndarray
    low: np.ndarray
    high: np.ndarray
    confidence: float
    n_resamples: int
    stratify: bool

    @property
    def axis_names(self) -> tuple:
        """The names of x and y: ``("fpr", "tpr")`` or ``("recall", "precision")``.

        Returns
        -------
        tuple of str
            The x name and the y name.
        """
        return ("fpr", "tpr") if self.kind == "roc" else ("recall", "precision")

    def __repr__(self) -> str:
        width = np.nanmax(self.high - self.low) if self.low.size else np.nan
        return (
            f"CurveBand({self.kind}, {len(self.names)} curve(s), "
            f"{self.confidence:.0%} band over {self.n_resamples} resamples, "
            f"widest {width:.3f})"
        )

    def to_frame(self):
        """One row per (class, grid value): estimate, low and high.

        Returns
        -------
        pandas.DataFrame
            Columns ``class``, x name, y name, ``low``, ``high``.
        """
        import pandas as pd

        xname, yname = self.axis_names
        frames = [
            pd.DataFrame(
                {
                    "class": name,
                    xname: self.grid,
                    yname: self.estimate[j],
                    "low": self.low[j],
                    "high": self.high[j],
                }
            )
            for j, name in enumerate(self.names)
        ]
        return pd.concat(frames, ignore_index=True)


def _check_band_args(confidence, n_resamples, grid):
    conf = float(confidence)
    if not 0.0 < conf < 1.0:
        raise ValueError(
            f"confidence must lie strictly between 0 and 1, got {confidence!r}; "
            "for a 95% band pass confidence=0.95"
        )
    if isinstance(n_resamples, bool) or int(n_resamples) != n_resamples:
        raise TypeError(f"n_resamples must be an integer, got {n_resamples!r}")
    if n_resamples < 100:
        raise ValueError(
            f"n_resamples must be at least 100 for percentile bounds, got "
            f"{n_resamples}; pROC's default is 2000"
        )
    if grid is None:
        return conf, int(n_resamples), None
    grid = np.asarray(grid, dtype=float)
    if grid.ndim != 1 or grid.size == 0 or np.any((grid < 0) | (grid > 1)):
        raise ValueError(
            "grid must be a 1-D array of values in [0, 1] (rates), got "
            f"shape {grid.shape} with range [{np.min(grid, initial=0):g}, "
            f"{np.max(grid, initial=0):g}]"
        )
    return conf, int(n_resamples), grid


def _sorted_steps(truth, score):
    """For each distinct score (descending): positives and negatives at or above it.

    Returns ``(pos_upto, neg_upto)``: int arrays of shape (n_groups,), the
    number of positives (negatives) whose score is >= the group's score.
    """
    order = np.argsort(-score, kind="stable")
    s, t = score[order], truth[order].astype(bool)
    last = np.r_[np.flatnonzero(s[1:] != s[:-1]), s.size - 1]
    pos_upto = np.cumsum(t)[last]
    neg_upto = np.cumsum(~t)[last]
    return pos_upto, neg_upto


def _count_block(rng, n, size):
    """Bootstrap counts over ``n`` items: shape (size, n), each row sums to n."""
    draws = rng.integers(0, n, size=(size, n), dtype=np.int64)
    offsets = (np.arange(size, dtype=np.int64) * n)[:, None]
    return np.bincount((draws + offsets).ravel(), minlength=size * n).reshape(size, n)


def _cumulative(counts, upto):
    """Counts of the items at or above each group: (size, n_groups)."""
    cum = np.concatenate(
        [np.zeros((counts.shape[0], 1), dtype=np.int64), np.cumsum(counts, axis=1)],
        axis=1,
    )
    return cum[:, upto]


def _row_search(rows, grid, side):
    """``searchsorted`` of ``grid`` in each (sorted) row: shape (n_rows, n_grid)."""
    return np.vstack([np.searchsorted(row, grid, side=side) for row in rows])


def _roc_at(tps, fps, grid):
    """Max TPR among points with FPR <= x, for each row and grid value.

    Rows of ``tps``/``fps`` are cumulative counts in decreasing score order.
    A row without positives or negatives gives NaN.
    """
    n_pos, n_neg = tps[:, -1:].astype(float), fps[:, -1:].astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        tpr = np.concatenate([np.zeros_like(n_pos), tps / n_pos], axis=1)
        fpr = np.concatenate([np.zeros_like(n_neg), fps / n_neg], axis=1)
    bad = ~((n_pos[:, 0] > 0) & (n_neg[:, 0] > 0))
    fpr[bad] = 0.0
    where = _row_search(fpr, grid, "right") - 1
    out = np.take_along_axis(tpr, where, axis=1)
    out[bad] = np.nan
    return out


def _pr_at(tps, fps, grid):
    """Precision at the highest threshold whose recall reaches r, per row and r.

    A row without positives gives NaN.
    """
    n_pos = tps[:, -1:].astype(float)
    predicted = (tps + fps).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = tps / predicted
        recall = tps / n_pos
    bad = ~(n_pos[:, 0] > 0)
    recall[bad] = 1.0
    # recall reaches 1 at the last point of each row: ``where`` stays in the row
    where = np.minimum(_row_search(recall, grid, "left"), recall.shape[1] - 1)
    out = np.take_along_axis(precision, where, axis=1)
    out[bad] = np.nan
    return out


def _class_band(truth, score, grid, at, conf, n_resamples, stratify, rng):
    """Estimate, low and high of one class's curve at ``grid``."""
    pos_upto, neg_upto = _sorted_steps(truth, score)
    n_pos, n_neg = int(pos_upto[-1]), int(neg_upto[-1])
    estimate = at(pos_upto[None, :], neg_upto[None, :], grid)[0]
    values = np.empty((n_resamples, grid.size))
    n = truth.size
    block = max(1, _BLOCK_CELLS // max(n, 1))
    if not stratify:
        order = np.argsort(-score, kind="stable")
        s, t = score[order], truth[order].astype(bool)
        last = np.r_[np.flatnonzero(s[1:] != s[:-1]), s.size - 1]
    for start in range(0, n_resamples, block):
        size = min(block, n_resamples - start)
        if stratify:
            tps = _cumulative(_count_block(rng, n_pos, size), pos_upto)
            fps = _cumulative(_count_block(rng, n_neg, size), neg_upto)
        else:
            counts = _count_block(rng, n, size)
            cum_pos = np.cumsum(counts * t, axis=1)
            cum_neg = np.cumsum(counts * ~t, axis=1)
            tps, fps = cum_pos[:, last], cum_neg[:, last]
        values[start : start + size] = at(tps, fps, grid)
    alpha = 1.0 - conf
    low, high = np.nanquantile(values, [alpha / 2, 1 - alpha / 2], axis=0)
    return estimate, low, high


def _band(kind, y_true, y_score, confidence, n_resamples, grid, stratify, seed, args):
    conf, n_resamples, grid = _check_band_args(confidence, n_resamples, grid)
    labels, display_labels, pos_label = args
    metric = "ROC AUC" if kind == "roc" else "average precision"
    _, Y, S, names, _ = _indicator_problem(
        y_true, y_score, labels, display_labels, pos_label, metric
    )
    at = _roc_at if kind == "roc" else _pr_at
    if grid is None:
        grid = np.linspace(0.0, 1.0, 101)
        if kind == "roc":  # also log-spaced FPRs down to one negative
            smallest = 1.0 / max(int((1 - Y).sum(axis=0).max()), 1)
            grid = np.union1d(grid, np.geomspace(smallest, 1.0, 80))
    rngs = np.random.default_rng(seed).spawn(Y.shape[1])
    parts = [
        _class_band(Y[:, j], S[:, j], grid, at, conf, n_resamples, stratify, rngs[j])
        for j in range(Y.shape[1])
    ]
    est, low, high = (np.vstack([p[i] for p in parts]) for i in range(3))
    return CurveBand(
        kind, names, grid, est, low, high, conf, n_resamples, bool(stratify)
    )


def roc_band(
    y_true,
    y_score,
    *,
    confidence=0.95,
    n_resamples=2000,
    grid=None,
    stratify=True,
    seed=0,
    labels=None,
    display_labels=None,
    pos_label=None,
):
    """Bootstrap band of each class's ROC curve: TPR at fixed false positive rates.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels, or a 0/1 indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores, as :func:`evalviz.metrics.roc_curves` takes them.
    confidence : float, default 0.95
        The band's level.
    n_resamples : int, default 2000
        Bootstrap resamples per class (pROC's default ``boot.n``).
    grid : array-like of float in [0, 1], optional
        The false positive rates where the band is read. Default: 101 evenly
        spaced values from 0 to 1 and 80 log-spaced values from one negative
        (``1 / n_negatives``) to 1, so the band also reads on a log FPR axis.
    stratify : bool, default True
        Resample positives and negatives separately, keeping their numbers
        (pROC's default ``boot.stratified=TRUE``).
    seed : int, default 0
        Seed of ``numpy.random.default_rng``; each class gets its own stream.
    labels, display_labels, pos_label : optional
        As in :func:`evalviz.metrics.roc_curves`.

    Returns
    -------
    CurveBand
        ``kind="roc"``; ``estimate``, ``low`` and ``high`` of shape
        (n_classes, n_grid).

    Raises
    ------
    ValueError
        For a ``confidence`` outside (0, 1), fewer than 100 resamples, a grid
        outside [0, 1], or inputs the curves refuse.
    TypeError
        For a non-integer ``n_resamples``.

    Notes
    -----
    At each FPR ``x`` the value is the highest TPR of any threshold whose FPR
    is at most ``x``, as pROC's ``ci.se`` reads sensitivity at specificity
    ``1 - x`` (Robin et al., "pROC", BMC Bioinformatics 12:77, 2011). The
    bounds are percentiles of the bootstrap values (no BCa). Multi-class and
    multi-label input: one band per class (one vs the rest), resampled
    independently; no band for the micro or macro averages.

    Examples
    --------
    >>> from evalviz.metrics import roc_band
    >>> band = roc_band([0, 0, 1, 1, 0, 1], [.1, .4, .35, .8, .2, .7],
    ...                 n_resamples=200, grid=[0.0, 0.5])
    >>> band.low.shape, band.estimate[0].tolist()
    ((1, 2), [0.6666666666666666, 1.0])
    """
    check_choice(bool(stratify), "stratify", (True, False))
    args = (labels, display_labels, pos_label)
    return _band(
        "roc", y_true, y_score, confidence, n_resamples, grid, stratify, seed, args
    )


def pr_band(
    y_true,
    y_score,
    *,
    confidence=0.95,
    n_resamples=2000,
    grid=None,
    stratify=True,
    seed=0,
    labels=None,
    display_labels=None,
    pos_label=None,
):
    """Bootstrap band of each class's precision-recall curve at fixed recalls.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels, or a 0/1 indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores, as :func:`evalviz.metrics.pr_curves` takes them.
    confidence : float, default 0.95
        The band's level.
    n_resamples : int, default 2000
        Bootstrap resamples per class.
    grid : array-like of float in [0, 1], optional
        The recalls where the band is read (default 101 values from 0 to 1).
    stratify : bool, default True
        Resample positives and negatives separately, keeping their numbers.
    seed : int, default 0
        Seed of ``numpy.random.default_rng``; each class gets its own stream.
    labels, display_labels, pos_label : optional
        As in :func:`evalviz.metrics.pr_curves`.

    Returns
    -------
    CurveBand
        ``kind="pr"``; ``estimate``, ``low`` and ``high`` of shape
        (n_classes, n_grid).

    Raises
    ------
    ValueError
        For a ``confidence`` outside (0, 1), fewer than 100 resamples, a grid
        outside [0, 1], or inputs the curves refuse.
    TypeError
        For a non-integer ``n_resamples``.

    Notes
    -----
    At each recall ``r`` the value is the precision of the highest threshold
    whose recall reaches ``r``: the operating point you would pick to keep
    recall ``r``, the top of each tooth of the saw-toothed PR curve. The
    bounds are percentiles of the bootstrap values (no BCa).

    Examples
    --------
    >>> from evalviz.metrics import pr_band
    >>> band = pr_band([0, 0, 1, 1, 0, 1], [.1, .4, .35, .8, .2, .7],
    ...                n_resamples=200, grid=[0.5, 1.0])
    >>> band.estimate[0].tolist()
    [1.0, 0.75]
    """
    check_choice(bool(stratify), "stratify", (True, False))
    args = (labels, display_labels, pos_label)
    return _band(
        "pr", y_true, y_score, confidence, n_resamples, grid, stratify, seed, args
    )
