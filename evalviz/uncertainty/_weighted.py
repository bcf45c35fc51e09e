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
"""

from __future__ import annotations

import numpy as np

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
        sums = weights.astype(np.float64) @ self.parts
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
    """One score column sorted once: order, sorted truth and tie groups."""

    def __init__(self, y01: np.ndarray, score: np.ndarray):
        self.order = np.argsort(score, kind="stable")
        s = score[self.order]
        self.pos = np.asarray(y01, dtype=bool)[self.order]
        cut = np.flatnonzero(s[1:] != s[:-1]) + 1
        self.starts = None if cut.size == s.size - 1 else np.r_[0, cut]

    def grouped(self, weights: np.ndarray):
        """Positive and negative weights per tie group, ascending score."""
        w = weights[:, self.order]
        pos = np.where(self.pos, w, 0)
        neg = w - pos
        if self.starts is not None:
            pos = np.add.reduceat(pos, self.starts, axis=1)
            neg = np.add.reduceat(neg, self.starts, axis=1)
        return pos, neg


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
        self.columns = [
            _SortedColumn(truth[:, j], score[:, j]) for j in range(truth.shape[1])
        ]
        self.which = which

    def __call__(self, weights: np.ndarray) -> np.ndarray:
        integral = np.issubdtype(weights.dtype, np.integer)
        weights = weights.astype(np.int64 if integral else np.float64, copy=False)
        total = np.zeros(weights.shape[0])
        for column in self.columns:
            pos, neg = column.grouped(weights)
            total += (
                self._auc(pos, neg) if self.which == "roc_auc" else self._ap(pos, neg)
            )
        return total / len(self.columns)

    @staticmethod
    def _auc(pos: np.ndarray, neg: np.ndarray) -> np.ndarray:
        cum = np.cumsum(neg, axis=1)
        # Twice the Mann-Whitney U: negatives strictly below, plus tied ones half.
        twice_u = np.einsum("ij,ij->i", pos, 2 * cum - neg)
        n_pos, n_neg = pos.sum(axis=1), cum[:, -1]
        with np.errstate(invalid="ignore", divide="ignore"):
            return twice_u / (2.0 * n_pos * n_neg)

    @staticmethod
    def _ap(pos: np.ndarray, neg: np.ndarray) -> np.ndarray:
        # Descending thresholds: cumulative counts from the top score down.
        tp = np.cumsum(pos[:, ::-1], axis=1)
        fp = np.cumsum(neg[:, ::-1], axis=1)
        called = tp + fp
        precision = np.zeros(called.shape)
        np.divide(tp, called, out=precision, where=called > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.einsum("ij,ij->i", pos[:, ::-1], precision) / tp[:, -1]
