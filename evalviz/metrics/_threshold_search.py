"""One binary problem's thresholds: every operating point, a target, optimism.

The numbers behind :mod:`evalviz.threshold` and the AUC-pairs demo of
:mod:`evalviz.distributions`: every operating point of one binary problem,
the threshold that reaches a target precision or recall, the resampling that
measures the optimism of tuning a threshold on the data it is reported on,
and random (positive, negative) pairs whose share of wins converges to the
AUC. numpy only at import time; tables import pandas when called.
"""

from __future__ import annotations

import numpy as np

from .._format import format_rate, format_threshold
from .._validation import check_has_both_classes, check_threshold, read_inputs
from ._counting import counts_at_thresholds

__all__ = [
    "threshold_table",
    "threshold_for_target",
    "tuning_optimism_runs",
    "sample_auc_pairs",
]

#: Columns of :func:`tuning_optimism_runs`.
OPTIMISM_COLUMNS = (
    "threshold",
    "precision on A",
    "precision on B",
    "recall on A",
    "recall on B",
    "optimism",
)


# ---------------------------------------------------------------------------
# One binary problem: every threshold, a target, tuning optimism
# ---------------------------------------------------------------------------


def _binary_inputs(y_true, y_score, pos_label):
    inputs = read_inputs(y_true, y_score, pos_label=pos_label, kind="binary")
    truth, score = inputs.y, inputs.score
    if int(truth.sum()) == 0:
        raise ValueError(
            f"y_true has no positive samples (0 of {truth.size}); recall is "
            "undefined and no threshold can be chosen. Check pos_label and that "
            "this split contains that class"
        )
    return truth, score


def threshold_table(y_true, y_score, *, pos_label=None):
    """Confusion counts, precision, recall, F1 and FPR at every distinct score.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels; {0, 1}, {-1, 1} and {False, True} need no
        ``pos_label``.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        The positive class's score (or ``predict_proba``'s two columns).
    pos_label : object, optional
        The positive class.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`evalviz.metrics.counts_at_thresholds`, one row
        per distinct score, thresholds increasing.

    Raises
    ------
    ValueError
        Without positives, or for labels whose positive class is ambiguous.

    Examples
    --------
    >>> threshold_table([1, 1, 2, 2], [0.1, 0.3, 0.8, 0.6], pos_label=2)["tp"].tolist()
    [2, 2, 2, 1]
    """
    truth, score = _binary_inputs(y_true, y_score, pos_label)
    return counts_at_thresholds(truth, score, np.unique(score))


def threshold_for_target(
    y_true, y_score, *, precision=None, recall=None, pos_label=None
) -> float:
    """The threshold that reaches a target precision or a target recall.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        The positive class's score.
    precision : float in (0, 1], optional
        Target precision: the lowest threshold whose precision reaches it.
    recall : float in (0, 1], optional
        Target recall: among the thresholds that reach it, the one with the
        highest precision (the highest such threshold on a tie).
    pos_label : object, optional
        The positive class.

    Returns
    -------
    float
        A value of ``y_score``; ``y_score >= threshold`` is positive.

    Raises
    ------
    ValueError
        Unless exactly one target in (0, 1] is given, or when no threshold
        reaches it (the message gives the best value reached).

    Examples
    --------
    >>> threshold_for_target([1, 1, 2, 2, 1, 2], [.1, .3, .8, .6, .4, .9],
    ...                      precision=1.0, pos_label=2)
    0.6
    """
    if (precision is None) == (recall is None):
        raise ValueError(
            "pass exactly one target: pick_threshold(y_true, y_score, precision=0.9) "
            "or pick_threshold(y_true, y_score, recall=0.9)"
        )
    which = "precision" if precision is not None else "recall"
    target = check_threshold(precision if precision is not None else recall, which)
    if not 0 < target <= 1:
        raise ValueError(
            f"{which}={target!r} must be in (0, 1]; write 90% as {which}=0.9"
        )
    curve = threshold_table(y_true, y_score, pos_label=pos_label)
    values = curve[which].to_numpy()
    reached = values >= target - 1e-12
    if not reached.any():
        row = curve.iloc[int(np.argmax(values))]
        other = "recall" if which == "precision" else "precision"
        raise ValueError(
            f"{which}={format_threshold(target)} cannot be reached on these scores: the best {which} "
            f"at any threshold is {format_rate(row[which], 4)} (threshold "
            f"{format_threshold(row['threshold'])}, {other} {format_rate(row[other], 4)}, "
            f"{int(row['tp'])} true positives). Lower the target or use a better model"
        )
    thresholds = curve["threshold"].to_numpy()
    if which == "precision":
        return float(thresholds[np.flatnonzero(reached)[0]])
    best = curve["precision"].to_numpy()[reached].max()
    return float(thresholds[reached & (curve["precision"].to_numpy() == best)].max())


def tuning_optimism_runs(
    y_true,
    y_score,
    *,
    precision=None,
    recall=None,
    n_repeats=200,
    seed=0,
    pos_label=None,
):
    """Choose a threshold on one random half, measure it on both halves, repeat.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        The positive class's score.
    precision, recall : float in (0, 1], optional
        The target, exactly one, as :func:`threshold_for_target`.
    n_repeats : int, default=200
        Number of random stratified splits into halves A and B.
    seed : int, default=0
        Seed of the random generator.
    pos_label : object, optional
        The positive class.

    Returns
    -------
    pandas.DataFrame
        One row per repeat (index ``repeat`` from 1): ``threshold``,
        ``precision on A/B``, ``recall on A/B`` and ``optimism`` (the target
        metric on A minus on B); NaN where A cannot reach the target.

    Raises
    ------
    ValueError
        Unless exactly one target is given, for a bad ``n_repeats``, or with
        fewer than two positives.

    Examples
    --------
    >>> runs = tuning_optimism_runs([0, 1] * 20, np.linspace(0, 1, 40),
    ...                             recall=0.5, n_repeats=3)
    >>> runs.shape
    (3, 6)
    """
    import pandas as pd

    if (precision is None) == (recall is None):
        raise ValueError(
            "pass exactly one target: tuning_optimism(y_true, y_score, precision=0.99)"
            " or tuning_optimism(y_true, y_score, recall=0.9)"
        )
    if isinstance(n_repeats, bool) or not isinstance(n_repeats, (int, np.integer)):
        raise ValueError(f"n_repeats must be a positive integer, got {n_repeats!r}")
    if n_repeats < 1:
        raise ValueError(f"n_repeats must be at least 1, got {n_repeats}")
    metric = "precision" if precision is not None else "recall"
    target = {metric: precision if precision is not None else recall}
    truth, score = _binary_inputs(y_true, y_score, pos_label)
    pos, neg = np.flatnonzero(truth == 1), np.flatnonzero(truth == 0)
    if pos.size < 2:
        raise ValueError(
            f"y_true has {pos.size} positive sample(s); splitting in halves needs at "
            "least 2 so that each half has one"
        )
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(int(n_repeats)):
        p, n = rng.permutation(pos), rng.permutation(neg)
        half_a = np.r_[p[: p.size // 2], n[: n.size // 2]]
        half_b = np.r_[p[p.size // 2 :], n[n.size // 2 :]]
        try:
            t = threshold_for_target(truth[half_a], score[half_a], **target)
        except ValueError:
            rows.append(dict.fromkeys(OPTIMISM_COLUMNS, np.nan))
            continue
        on_a = counts_at_thresholds(truth[half_a], score[half_a], t).iloc[0]
        on_b = counts_at_thresholds(truth[half_b], score[half_b], t).iloc[0]
        rows.append(
            {
                "threshold": t,
                "precision on A": on_a["precision"],
                "precision on B": on_b["precision"],
                "recall on A": on_a["recall"],
                "recall on B": on_b["recall"],
                "optimism": on_a[metric] - on_b[metric],
            }
        )
    runs = pd.DataFrame(rows, columns=list(OPTIMISM_COLUMNS))
    runs.index = pd.RangeIndex(1, len(runs) + 1, name="repeat")
    return runs


# ---------------------------------------------------------------------------
# AUC as a ranking probability
# ---------------------------------------------------------------------------


def sample_auc_pairs(truth, score, n_pairs=10_000, *, seed=0):
    """Random (positive, negative) pairs and the running share the positive wins.

    Parameters
    ----------
    truth : array-like of shape (n_samples,)
        0/1 targets (1 = positive); both classes must be present.
    score : array-like of shape (n_samples,)
        Scores; higher means "more likely positive".
    n_pairs : int, default=10000
        Number of pairs, drawn with replacement.
    seed : int, default=0
        Seed of the random generator.

    Returns
    -------
    pos_scores, neg_scores : ndarray of shape (n_pairs,)
        The sampled positive's and negative's score in each pair.
    outcome : ndarray of shape (n_pairs,)
        1 when the positive scored higher, 0.5 for a tie, 0 otherwise.
    estimate : ndarray of shape (n_pairs,)
        Running mean of ``outcome`` (converges to the ROC AUC).

    Raises
    ------
    ValueError
        For a bad ``n_pairs`` or a missing class.

    Examples
    --------
    >>> _, _, outcome, estimate = sample_auc_pairs([0, 1], [0.2, 0.9], 3)
    >>> outcome.tolist(), float(estimate[-1])
    ([1.0, 1.0, 1.0], 1.0)
    """
    truth, score = np.asarray(truth), np.asarray(score)
    check_has_both_classes(truth)
    if isinstance(n_pairs, bool) or not isinstance(n_pairs, (int, np.integer)):
        raise ValueError(f"n_pairs must be a positive integer, got {n_pairs!r}")
    if n_pairs < 1:
        raise ValueError(f"n_pairs must be a positive integer, got {n_pairs!r}")
    pos, neg = score[truth == 1], score[truth == 0]
    rng = np.random.default_rng(seed)
    pos_scores = pos[rng.integers(0, pos.size, int(n_pairs))]
    neg_scores = neg[rng.integers(0, neg.size, int(n_pairs))]
    outcome = (pos_scores > neg_scores) + 0.5 * (pos_scores == neg_scores)
    estimate = np.cumsum(outcome) / np.arange(1, int(n_pairs) + 1)
    return pos_scores, neg_scores, outcome, estimate
