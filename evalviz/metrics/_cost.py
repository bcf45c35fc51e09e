"""Thresholds chosen by the cost of each kind of error.

A false alarm (false positive) costs ``cost_fp``, a miss (false negative)
``cost_fn``; correct decisions cost nothing. The expected cost per sample of a
threshold is read off the one sweep (:func:`._sweep.binary_sweep`) at every
distinct score, so every operating point the scores allow is compared. numpy
at import time; ``to_frame`` imports pandas when called.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .._format import format_number, format_threshold
from .._validation import check_has_both_classes, check_threshold, read_inputs
from ._curves import _one_vs_rest as _read_one_vs_rest
from ._sweep import at_or_above, binary_sweep

__all__ = ["CostThreshold", "cost_threshold", "expected_cost", "expected_costs"]

#: Two costs closer than this (relative) are a tie: rounding in the
#: prevalence re-weighting must not split thresholds that cost the same.
_TIE_RTOL = 1e-12


def _check_cost(value, name: str) -> float:
    try:
        cost = float(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"{name} must be a number (the cost of one such error), got {value!r}"
        ) from None
    if not np.isfinite(cost) or cost < 0:
        raise ValueError(
            f"{name} must be a finite number >= 0 (the cost of one such error), "
            f"got {value!r}"
        )
    return cost


def _check_costs(cost_fp, cost_fn) -> tuple[float, float]:
    fp, fn = _check_cost(cost_fp, "cost_fp"), _check_cost(cost_fn, "cost_fn")
    if fp == 0 and fn == 0:
        raise ValueError(
            "cost_fp and cost_fn are both 0, so every threshold costs nothing; "
            "give at least one error a positive cost"
        )
    return fp, fn


def _check_prevalence(prevalence):
    if prevalence is None:
        return None
    try:
        value = float(prevalence)
    except (TypeError, ValueError):
        value = np.nan
    if not 0.0 < value < 1.0:
        raise ValueError(
            f"prevalence must be a number strictly between 0 and 1 (the share of "
            f"positives where the model will be used), got {prevalence!r}"
        )
    return value


def _weights(truth, prevalence):
    """(observed prevalence, weight of a positive, weight of a negative)."""
    observed = float(np.count_nonzero(truth)) / truth.size
    if prevalence is None:
        return observed, 1.0, 1.0
    return observed, prevalence / observed, (1.0 - prevalence) / (1.0 - observed)


def _counts_row(truth, predicted, costs, weights, n):
    """tp, fp, tn, fn and the expected cost per sample of one decision rule."""
    cost_fp, cost_fn = costs
    w_pos, w_neg = weights
    tp = int(np.count_nonzero(predicted & (truth == 1)))
    fp = int(np.count_nonzero(predicted)) - tp
    fn = int(np.count_nonzero(truth)) - tp
    tn = int(truth.size) - tp - fp - fn
    cost = (cost_fp * w_neg * fp + cost_fn * w_pos * fn) / n
    return {"tp": tp, "fp": fp, "tn": tn, "fn": fn, "expected_cost": cost}


@dataclass(frozen=True)
class CostThreshold:
    """The cheapest threshold, its counts, and every threshold's expected cost.

    Attributes
    ----------
    threshold : float
        The chosen cut (``y_score >= threshold`` is positive); ``inf`` when
        predicting no positive at all is cheapest.
    expected_cost : float
        Its expected cost per sample, in the units of the costs.
    tp, fp, tn, fn : int
        Its counts on the data it was chosen on.
    cost_fp, cost_fn : float
        Cost of one false positive and of one false negative.
    prevalence : float or None
        The deployment prevalence the costs were re-weighted to, if any.
    observed_prevalence : float
        The share of positives in ``y_true``.
    name : str
        The positive class's name.
    thresholds, costs : ndarray of shape (n_thresholds + 1,)
        Every candidate (the distinct scores, increasing, then ``inf``) and
        its expected cost per sample.
    decisions : dict
        ``"lowest cost"``, ``"threshold 0.5"`` and, for probabilities,
        ``"argmax"`` -> dict of ``threshold`` (None for argmax), ``tp``,
        ``fp``, ``tn``, ``fn``, ``expected_cost``.

    Examples
    --------
    >>> from evalviz.metrics import cost_threshold
    >>> cost_threshold([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], cost_fp=1, cost_fn=5)
    CostThreshold(threshold=0.4, expected cost 0.25 per sample, tp=2, fp=1, tn=1, fn=0; cost_fp=1, cost_fn=5)
    """

    threshold: float
    expected_cost: float
    tp: int
    fp: int
    tn: int
    fn: int
    cost_fp: float
    cost_fn: float
    prevalence: float | None
    observed_prevalence: float
    name: str
    thresholds: np.ndarray = field(repr=False)
    costs: np.ndarray = field(repr=False)
    decisions: dict = field(repr=False)

    def __repr__(self) -> str:
        where = (
            ""
            if self.prevalence is None
            else f" at prevalence {self.prevalence * 100:g}%"
        )
        return (
            f"CostThreshold(threshold={format_threshold(self.threshold)}, expected "
            f"cost {format_number(self.expected_cost)} per sample{where}, "
            f"tp={self.tp}, fp={self.fp}, tn={self.tn}, fn={self.fn}; "
            f"cost_fp={format_number(self.cost_fp)}, "
            f"cost_fn={format_number(self.cost_fn)})"
        )

    def to_frame(self):
        """The decisions compared: the cheapest threshold, 0.5 and argmax.

        Returns
        -------
        pandas.DataFrame
            Indexed by decision; columns ``threshold`` (NaN for argmax), ``tp``,
            ``fp``, ``tn``, ``fn`` and ``expected_cost`` (per sample).
        """
        import pandas as pd

        frame = pd.DataFrame.from_dict(self.decisions, orient="index")
        frame["threshold"] = frame["threshold"].astype(float)
        frame.index.name = "decision"
        return frame


def cost_threshold(
    y_true,
    y_score,
    *,
    cost_fp,
    cost_fn,
    prevalence=None,
    pos_label=None,
    labels=None,
    display_labels=None,
) -> CostThreshold:
    """The threshold with the lowest expected cost per sample.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary labels, multi-class labels (with ``pos_label``) or a
        multi-label indicator matrix (with ``pos_label``). Use the
        **validation** split: a threshold chosen on the test split flatters
        its own test cost.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        The positive class's score, ``predict_proba``'s two columns, or one
        probability column per class.
    cost_fp : float >= 0
        Cost of one false positive (a false alarm).
    cost_fn : float >= 0
        Cost of one false negative (a missed positive).
    prevalence : float in (0, 1), optional
        The share of positives where the model will be used. The costs of
        positives are scaled by ``prevalence / observed`` and those of
        negatives by ``(1 - prevalence) / (1 - observed)``, so the expected
        cost is that of data with this prevalence and the same score
        distributions within each class.
    pos_label : object, optional
        The positive class: needed for several score columns and for binary
        labels other than {0, 1}, {-1, 1}, {False, True}. A class value or a
        name from ``display_labels``.
    labels : array-like, optional
        The class values in column order (scikit-learn's meaning).
    display_labels : sequence of str, optional
        Names of the classes, in column order.

    Returns
    -------
    CostThreshold
        The chosen threshold, its cost and counts, every candidate's cost,
        and the 0.5 and argmax decisions for comparison.

    Raises
    ------
    ValueError
        For a negative or non-finite cost, both costs 0, a prevalence outside
        (0, 1), or the input errors of the one input model (ambiguous
        positive class, one class only, non-probability rows).

    Notes
    -----
    Expected cost per sample of the threshold ``t`` (Elkan, "The foundations
    of cost-sensitive learning", IJCAI 2001)::

        C(t) = (cost_fp * w_neg * FP(t) + cost_fn * w_pos * FN(t)) / n

    with ``w_pos = w_neg = 1`` without ``prevalence``, which equals
    ``cost_fp * (1 - prevalence) * FPR(t) + cost_fn * prevalence * FNR(t)``
    with it. The candidates are every distinct score (``y_score >= t`` is
    positive) and ``inf`` (no positive). Equally cheap thresholds (within a
    relative 1e-12) go to the **lowest**, as scikit-learn's
    ``TunedThresholdClassifierCV`` (the first maximum of its score over
    increasing thresholds). Argmax on multi-class scores is not a threshold
    on one column; it is reported beside the thresholds.

    Examples
    --------
    >>> from evalviz.metrics import cost_threshold
    >>> result = cost_threshold([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8],
    ...                         cost_fp=1, cost_fn=5)
    >>> result.threshold, result.fp, result.fn
    (0.4, 1, 0)
    """
    costs_pair = _check_costs(cost_fp, cost_fn)
    prevalence = _check_prevalence(prevalence)
    truth, score, name, argmax = _read_one_vs_rest(
        y_true, y_score, pos_label, labels, display_labels
    )
    observed, w_pos, w_neg = _weights(truth, prevalence)
    n, n_pos = truth.size, int(np.count_nonzero(truth))
    fps, tps, thr = binary_sweep(truth, score)
    # Increasing thresholds, then "no positive" (inf) with no counts.
    fp = np.r_[fps[::-1], 0.0]
    tp = np.r_[tps[::-1], 0.0]
    thresholds = np.r_[thr[::-1].astype(np.float64), np.inf]
    costs = (costs_pair[0] * w_neg * fp + costs_pair[1] * w_pos * (n_pos - tp)) / n
    best = int(np.flatnonzero(costs <= costs.min() * (1.0 + _TIE_RTOL))[0])
    chosen = thr[::-1][best].item() if best < thr.size else float("inf")
    tp_b, fp_b = int(tp[best]), int(fp[best])
    weights = (w_pos, w_neg)
    decisions = {
        "lowest cost": {
            "threshold": chosen,
            "tp": tp_b,
            "fp": fp_b,
            "tn": n - n_pos - fp_b,
            "fn": n_pos - tp_b,
            "expected_cost": float(costs[best]),
        },
        "threshold 0.5": {
            "threshold": 0.5,
            **_counts_row(truth, at_or_above(score, 0.5), costs_pair, weights, n),
        },
    }
    if argmax is not None:
        decisions["argmax"] = {
            "threshold": None,
            **_counts_row(truth, argmax, costs_pair, weights, n),
        }
    low = decisions["lowest cost"]
    return CostThreshold(
        threshold=chosen,
        expected_cost=low["expected_cost"],
        tp=low["tp"],
        fp=low["fp"],
        tn=low["tn"],
        fn=low["fn"],
        cost_fp=costs_pair[0],
        cost_fn=costs_pair[1],
        prevalence=prevalence,
        observed_prevalence=observed,
        name=str(name),
        thresholds=thresholds,
        costs=costs,
        decisions=decisions,
    )


def expected_costs(
    y_true,
    y_score,
    *,
    thresholds,
    cost_fp,
    cost_fn,
    prevalence=None,
    pos_label=None,
    labels=None,
    display_labels=None,
):
    """Expected cost per sample of fixed thresholds (and argmax) on other data.

    For a threshold chosen on validation data by :func:`cost_threshold`,
    reported on the test split.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Labels, as :func:`cost_threshold`.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores, as :func:`cost_threshold`.
    thresholds : mapping {name: float}, float or sequence of float
        The thresholds to evaluate (``inf`` is allowed: no positive);
        unnamed thresholds are named by their value.
    cost_fp, cost_fn : float >= 0
        Cost of one false positive and of one false negative.
    prevalence : float in (0, 1), optional
        Re-weight to this prevalence, as :func:`cost_threshold`.
    pos_label : object, optional
        The positive class, as :func:`cost_threshold`.
    labels : array-like, optional
        The class values in column order.
    display_labels : sequence of str, optional
        Names of the classes, in column order.

    Returns
    -------
    pandas.DataFrame
        One row per threshold, then ``argmax`` when the scores are
        probabilities; columns ``threshold``, ``tp``, ``fp``, ``tn``, ``fn``,
        ``expected_cost``.

    Raises
    ------
    ValueError
        As :func:`cost_threshold`, for no threshold, or for a threshold that
        is not a number.

    Examples
    --------
    >>> from evalviz.metrics import expected_costs
    >>> expected_costs([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], thresholds={"t": 0.4},
    ...                cost_fp=1, cost_fn=5)["expected_cost"].tolist()
    [0.25, 1.5]
    """
    import pandas as pd

    costs_pair = _check_costs(cost_fp, cost_fn)
    prevalence = _check_prevalence(prevalence)
    truth, score, _, argmax = _read_one_vs_rest(
        y_true, y_score, pos_label, labels, display_labels
    )
    _, w_pos, w_neg = _weights(truth, prevalence)
    if not isinstance(thresholds, Mapping):
        values = np.atleast_1d(np.asarray(thresholds, dtype=object)).ravel()
        thresholds = {format_threshold(float(v)): v for v in values}
    if not thresholds:
        raise ValueError("thresholds is empty; pass at least one threshold")
    rows = {}
    for name, t in thresholds.items():
        if not (isinstance(t, float) and t == np.inf):
            t = check_threshold(t, "thresholds")
        predicted = np.zeros(truth.size, bool) if t == np.inf else at_or_above(score, t)
        rows[str(name)] = {
            "threshold": float(t),
            **_counts_row(truth, predicted, costs_pair, (w_pos, w_neg), truth.size),
        }
    if argmax is not None:
        rows["argmax"] = {
            "threshold": np.nan,
            **_counts_row(truth, argmax, costs_pair, (w_pos, w_neg), truth.size),
        }
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "decision"
    return frame


def expected_cost(
    y_true, y_pred, *, cost_fp, cost_fn, prevalence=None, pos_label=None
) -> float:
    """Expected cost per sample of binary decisions already made.

    The metric to hand to :func:`evalviz.uncertainty.bootstrap_ci` (with
    ``functools.partial`` for the costs) to put an interval on a decision
    rule's cost, or on the difference between two rules.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels ({0, 1}, {-1, 1}, {False, True}, or any pair with
        ``pos_label``).
    y_pred : array-like of shape (n_samples,)
        Binary decisions, in the same labels (True / 1 = predicted positive).
    cost_fp, cost_fn : float >= 0
        Cost of one false positive and of one false negative.
    prevalence : float in (0, 1), optional
        Re-weight to this prevalence, as :func:`cost_threshold`.
    pos_label : object, optional
        The positive class, for labels other than the obvious pairs.

    Returns
    -------
    float
        ``(cost_fp * w_neg * FP + cost_fn * w_pos * FN) / n``, with the weights
        of :func:`cost_threshold` (1 without ``prevalence``).

    Raises
    ------
    ValueError
        For bad costs or prevalence, labels that are not binary, or (with
        ``prevalence``) a ``y_true`` without both classes.

    Examples
    --------
    >>> from evalviz.metrics import expected_cost
    >>> expected_cost([0, 0, 1, 1], [1, 0, 1, 0], cost_fp=1, cost_fn=5)
    1.5
    """
    costs_pair = _check_costs(cost_fp, cost_fn)
    prevalence = _check_prevalence(prevalence)
    inputs = read_inputs(y_true, y_pred=y_pred, pos_label=pos_label, kind="binary")
    truth = inputs.y
    if prevalence is not None:
        check_has_both_classes(truth, what="y_true")
    _, w_pos, w_neg = _weights(truth, prevalence)
    row = _counts_row(truth, inputs.y_pred == 1, costs_pair, (w_pos, w_neg), truth.size)
    return float(row["expected_cost"])
