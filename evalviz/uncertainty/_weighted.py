"""Metrics of many resamples at once: a resample is a vector of counts.

A bootstrap resample draws sample ``i`` ``w_i`` times, so every metric of the
resample is the metric of the full data with weights ``w``. Each evaluator here
takes a ``(b, n)`` matrix of such weights (one row per resample, or one row per
jackknife leave-one-out sample) and returns ``b`` values, with no Python loop
over resamples:

- per-sample hits (accuracy, top-k, exact match, element-wise accuracy) are a
  weighted mean, ``W @ hits / W.sum(1)``;
- precision, recall and F1 come from weighted counts ``W @ (Y * P)``,
  ``W @ P`` and ``W @ Y`` of indicator matrices;
- ROC AUC and average precision reuse one sort per score column: a resample of
  a sorted vector is still sorted, so its AUC is a cumulative sum of the
  weights of the negatives below each positive (ties half) and its AP a
  cumulative sum in descending order, both over the groups of tied scores.

``jackknife()`` gives the metric with each sample left out (for BCa) in
closed form where there is one: hits and counts minus that sample's share, and
the AUC minus the sample's DeLong placement (its wins over the other class).
Average precision has none; the caller then evaluates leave-one-out weights.
"""

from __future__ import annotations

import numpy as np

from ._delong import _twice_placements

__all__ = ["HitsMetric", "CountsMetric", "RankMetric"]


class HitsMetric:
    """A weighted mean of per-sample values (1 = right, 0 = wrong, or a share).

    Parameters
    ----------
    hits : array-like of shape (n_samples,)
        Each sample's value.
    """

    def __init__(self, hits: np.ndarray):
        self.hits = np.asarray(hits, dtype=np.float64)

    def __call__(self, weights: np.ndarray) -> np.ndarray:
        total = weights.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return (weights @ self.hits) / total

    def jackknife(self) -> np.ndarray:
        """The mean with each sample left out.

        Returns
        -------
        ndarray of shape (n_samples,)
            Element ``i``: the mean of the other samples' values.
        """
        n = self.hits.size
        with np.errstate(invalid="ignore", divide="ignore"):
            return (self.hits.sum() - self.hits) / (n - 1)


class CountsMetric:
    """Precision, recall or F1 from 0/1 indicators; macro over their columns.

    ``truth`` and ``pred`` are ``(n, c)`` indicators: one column (the positive
    class) for a binary problem, one per class or label otherwise. A class
    with no predictions (or no samples) in a resample scores
    ``zero_division`` there, as scikit-learn's default (0).

    Parameters
    ----------
    truth, pred : array-like of shape (n_samples, n_columns)
        0/1 indicators of the true and the predicted classes or labels.
    which : {"precision", "recall", "f1"}
        The metric.
    zero_division : float, default=0.0
        The value of a column whose denominator is 0.
    """

    def __init__(self, truth, pred, which: str, zero_division: float = 0.0):
        truth = np.asarray(truth, dtype=np.float64)
        pred = np.asarray(pred, dtype=np.float64)
        # One product: columns [tp | predicted | true].
        self.parts = np.concatenate([truth * pred, pred, truth], axis=1)
        self.c = truth.shape[1]
        self.which = which
        self.zero_division = float(zero_division)

    def __call__(self, weights: np.ndarray) -> np.ndarray:
        return self._from_sums(weights.astype(np.float64) @ self.parts)

    def jackknife(self) -> np.ndarray:
        """The metric with each sample left out.

        Returns
        -------
        ndarray of shape (n_samples,)
            Element ``i``: the metric from the counts without sample ``i``.
        """
        return self._from_sums(self.parts.sum(axis=0)[None, :] - self.parts)

    def _from_sums(self, sums: np.ndarray) -> np.ndarray:
        c = self.c
        tp, predicted, true = sums[:, :c], sums[:, c : 2 * c], sums[:, 2 * c :]
        if self.which == "precision":
            num, den = tp, predicted
        elif self.which == "recall":
            num, den = tp, true
        else:
            num, den = 2 * tp, predicted + true
        out = np.full(num.shape, self.zero_division)
        np.divide(num, den, out=out, where=den > 0)
        return out.mean(axis=1)


class _SortedColumn:
    """One score column sorted once: its positives and negatives in score order.

    ``lo[i]`` and ``hi[i]`` count the negatives scoring below / at most the
    ``i``-th lowest positive, ``lo_pos[i]`` the positives strictly below it:
    with cumulative weights of the sorted negatives ``C`` (leading 0), twice a
    positive's weighted wins is ``C[lo] + C[hi]`` (ties count half).
    """

    def __init__(self, y01: np.ndarray, score: np.ndarray):
        pos = np.asarray(y01, dtype=bool)
        pos_idx, neg_idx = np.flatnonzero(pos), np.flatnonzero(~pos)
        self.pos_order = pos_idx[np.argsort(score[pos_idx], kind="stable")]
        self.neg_order = neg_idx[np.argsort(score[neg_idx], kind="stable")]
        pos_s, neg_s = score[self.pos_order], score[self.neg_order]
        self.lo = np.searchsorted(neg_s, pos_s, side="left")
        self.hi = np.searchsorted(neg_s, pos_s, side="right")
        self.lo_pos = np.searchsorted(pos_s, pos_s, side="left")

    def cumulative(self, weights: np.ndarray, order: np.ndarray) -> np.ndarray:
        """``(b, len(order) + 1)`` cumulative weights in ``order``, leading 0."""
        out = np.zeros((weights.shape[0], order.size + 1), dtype=weights.dtype)
        np.cumsum(
            np.take(weights, order, axis=1), axis=1, dtype=out.dtype, out=out[:, 1:]
        )
        return out


class RankMetric:
    """ROC AUC or average precision of each column; the mean over columns.

    Parameters
    ----------
    truth : array-like of shape (n_samples,) or (n_samples, n_columns)
        0/1 indicators (1 = positive).
    score : array-like, same shape as ``truth``
        Scores, higher = more likely positive.
    which : {"roc_auc", "average_precision"}
        The metric.
    """

    def __init__(self, truth: np.ndarray, score: np.ndarray, which: str):
        truth = np.asarray(truth).reshape(truth.shape[0], -1)
        score = np.asarray(score).reshape(score.shape[0], -1)
        self.truth, self.score = truth, score
        self.columns = [
            _SortedColumn(truth[:, j], score[:, j]) for j in range(truth.shape[1])
        ]
        self.which = which

    def __call__(self, weights: np.ndarray) -> np.ndarray:
        weights = _compact(weights)
        total = np.zeros(weights.shape[0])
        metric = self._auc if self.which == "roc_auc" else self._ap
        for column in self.columns:
            total += metric(column, weights)
        return total / len(self.columns)

    def jackknife(self) -> np.ndarray | None:
        """The AUC with each sample left out (None for average precision).

        Leaving out positive ``i`` removes its wins ``V10_i * n`` from the
        Mann-Whitney U and one positive; leaving out negative ``j`` removes
        ``V01_j * m`` and one negative (DeLong's placements).

        Returns
        -------
        ndarray of shape (n_samples,) or None
            The mean over columns of each leave-one-out AUC.
        """
        if self.which != "roc_auc":
            return None
        total = np.zeros(self.truth.shape[0])
        for j in range(self.truth.shape[1]):
            pos = self.truth[:, j].astype(bool)
            m, n = int(pos.sum()), int(pos.size - pos.sum())
            twice = _twice_placements(pos, self.score[:, j])
            twice_u = float(np.dot(twice, pos))
            pairs = np.where(pos, (m - 1) * n, m * (n - 1)).astype(np.float64)
            with np.errstate(invalid="ignore", divide="ignore"):
                total += (twice_u - twice) / (2.0 * pairs)
        return total / self.truth.shape[1]

    @staticmethod
    def _auc(column: _SortedColumn, weights: np.ndarray) -> np.ndarray:
        neg = column.cumulative(weights, column.neg_order)
        w_pos = np.take(weights, column.pos_order, axis=1)
        # Twice the Mann-Whitney U: negatives strictly below, plus tied ones half.
        wins = neg[:, column.lo]
        wins += neg[:, column.hi]
        twice_u = np.einsum("ij,ij->i", w_pos, wins, dtype=np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            return twice_u / (2.0 * w_pos.sum(axis=1) * neg[:, -1])

    @staticmethod
    def _ap(column: _SortedColumn, weights: np.ndarray) -> np.ndarray:
        neg = column.cumulative(weights, column.neg_order)
        pos = column.cumulative(weights, column.pos_order)
        w_pos = weights[:, column.pos_order]
        # At each positive's score: the weighted positives and negatives at or above it.
        tp = pos[:, -1:] - pos[:, column.lo_pos]
        fp = neg[:, -1:] - neg[:, column.lo]
        called = tp + fp
        precision = np.zeros(called.shape)
        np.divide(tp, called, out=precision, where=called > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.einsum("ij,ij->i", w_pos, precision) / pos[:, -1]


def _compact(weights: np.ndarray) -> np.ndarray:
    """Whole-number weights as int32 when every sum fits (half the memory
    traffic of int64; twice a row's sum must stay below 2**31), else int64;
    other weights as float64."""
    if not np.issubdtype(weights.dtype, np.integer):
        return weights.astype(np.float64, copy=False)
    if weights.shape[1] and int(weights.sum(axis=1).max()) < 1 << 30:
        return weights.astype(np.int32, copy=False)
    return weights.astype(np.int64, copy=False)
