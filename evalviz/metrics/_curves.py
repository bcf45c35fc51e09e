"""One-vs-rest curves, their averages, operating points and threshold searches.

The numbers behind :mod:`evalviz.curves` and :mod:`evalviz.distributions`:
every class's ROC or precision-recall curve with the micro and macro
averages, and the counts at the argmax decision and at chosen thresholds.
Threshold searches live in ``_thresholds``.

numpy only at import time; the functions that return tables import pandas
when called (through :func:`evalviz.metrics.counts_at_thresholds`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .._format import format_threshold
from .._validation import check_has_both_classes, check_threshold, read_inputs
from ._counting import counts_at_thresholds
from ._ranking import average_precision, roc_auc

__all__ = [
    "OneVsRestCurves",
    "roc_curves",
    "pr_curves",
    "macro_roc_curve",
    "macro_pr_curve",
    "operating_points",
    "one_vs_rest_scores",
    "threshold_marks",
]

#: Columns of :func:`operating_points`.
OPERATING_POINT_COLUMNS = (
    "class",
    "point",
    "threshold",
    "tp",
    "fp",
    "fn",
    "tn",
    "tpr",
    "fpr",
    "precision",
)

# ---------------------------------------------------------------------------
# Reading one-vs-rest problems
# ---------------------------------------------------------------------------


def _binary_name(inputs) -> str:
    """The positive class's name (``inputs.names``, as everywhere)."""
    return inputs.names[-1]


def _indicator_problem(
    y_true, y_score, labels, display_labels, pos_label, metric="ROC AUC"
):
    """``(kind, Y, S, names, inputs)``: one 0/1 column and one score column per class."""
    inputs = read_inputs(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label,
        require_probabilities=True,
    )
    if inputs.kind == "binary":
        Y = inputs.y[:, None]
        S = inputs.score[:, None]
        names = [_binary_name(inputs)]
    elif inputs.kind == "multiclass":
        Y = inputs.one_vs_rest()
        S = inputs.score
        names = list(inputs.names)
    else:
        Y = inputs.y
        S = inputs.score
        names = list(inputs.names)
    for j, name in enumerate(names):
        try:
            check_has_both_classes(Y[:, j], f"class {name!r} in y_true", metric)
        except ValueError as exc:
            if Y.shape[1] == 1:
                raise
            pooled = "roc_auc" if metric == "ROC AUC" else "average_precision"
            raise ValueError(
                f"{exc}; for one number over every class use "
                f"evalviz.metrics.{pooled}(y_true, y_score, average='micro')"
            ) from None
    return inputs.kind, Y, S, names, inputs


def one_vs_rest_scores(
    y_true, y_score, *, pos_label=None, labels=None, display_labels=None
):
    """One class against the rest: 0/1 targets, that class's scores and its name.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels of any sortable type, or a 0/1 indicator
        matrix (multi-label).
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores: 1-D (or ``predict_proba``'s ``(n, 2)``) for a binary problem,
        else one probability column per class.
    pos_label : object, optional
        The class treated as positive. Binary input: needed unless the labels
        are {0, 1}, {-1, 1} or {False, True}. Several columns: required, a
        class value or a name from ``display_labels``.
    labels : array-like, optional
        The class values in column order (scikit-learn's meaning).
    display_labels : sequence of str, optional
        Names of the classes, in column order.

    Returns
    -------
    truth : ndarray of shape (n_samples,)
        1 (int8) for the samples of the positive class, else 0.
    score : ndarray of shape (n_samples,)
        The positive class's score.
    name : str
        The positive class's name.

    Raises
    ------
    ValueError
        When the positive class is ambiguous or unknown, when multi-class
        rows are not probabilities, or when one of the two sides is empty.

    Examples
    --------
    >>> truth, score, name = one_vs_rest_scores(
    ...     ["no", "yes", "yes"], [0.2, 0.9, 0.6], pos_label="yes")
    >>> truth.tolist(), name
    ([0, 1, 1], 'yes')
    """
    truth, score, name, _ = _one_vs_rest(
        y_true, y_score, pos_label, labels, display_labels
    )
    return truth, score, name


def _one_vs_rest(y_true, y_score, pos_label, labels, display_labels):
    """(truth 0/1, score, name, argmax-positive mask or None): one reading of
    one class against the rest, shared with the cost helpers (which also need
    where the argmax rule says "positive"; None where it is not defined)."""
    shape = np.shape(y_score)
    several = len(shape) == 2 and shape[1] > 2 or len(np.shape(y_true)) == 2
    if not several:
        inputs = read_inputs(
            y_true,
            y_score,
            labels=labels,
            display_labels=display_labels,
            pos_label=pos_label,
            kind="binary",
        )
        truth, score, name = inputs.y, inputs.score, inputs.names[-1]
        if inputs.score_matrix is not None:
            argmax = np.argmax(inputs.score_matrix, axis=1) == 1
        elif score.size and score.min() >= 0 and score.max() <= 1:
            # The columns (1 - p, p): p wins only above 0.5 (ties: class 0).
            argmax = score > 0.5
        else:
            argmax = None
    else:
        inputs = read_inputs(
            y_true,
            y_score,
            labels=labels,
            display_labels=display_labels,
            require_probabilities=True,
        )
        k = _class_index(inputs, pos_label)
        truth = inputs.one_vs_rest()[:, k].astype(np.int8)
        score, name = inputs.score[:, k], inputs.names[k]
        argmax = inputs.predictions() == k if inputs.kind == "multiclass" else None
    check_has_both_classes(truth, what=f"y_true for class {name!r}")
    return truth, score, name, argmax


def _class_index(inputs, pos_label) -> int:
    """Column of ``pos_label``: a class value first, else a display name."""
    k = inputs.n_classes
    if pos_label is None:
        raise ValueError(
            f"y_score has {k} columns: pass pos_label, the class to treat as "
            f"positive (a class value, or a name such as {inputs.names[0]!r})"
        )
    values = [c.item() if hasattr(c, "item") else c for c in inputs.classes]
    if not isinstance(pos_label, str) or all(isinstance(v, str) for v in values):
        for j, v in enumerate(values):
            if type(v) is not bool and v == pos_label:
                return j
    if str(pos_label) in inputs.names:
        return inputs.names.index(str(pos_label))
    raise ValueError(
        f"pos_label={pos_label!r} is neither a class value {values[:10]} nor a class "
        f"name {inputs.names[:10]}; pass one of them"
    )


# ---------------------------------------------------------------------------
# Curves of every class
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OneVsRestCurves:
    """Every class's curve (one vs the rest), their areas and averages.

    Attributes
    ----------
    kind : {"binary", "multiclass", "multilabel"}
        The target kind of the input.
    names : list of str
        One name per curve (binary input: the positive class's name).
    x, y, thresholds : list of ndarray
        Per class: FPR, TPR and thresholds (ROC) or recall, precision and
        thresholds (PR, the last threshold NaN: the convention point).
    areas : ndarray of shape (n_curves,)
        ROC AUC or average precision per class.
    n_pos, n_neg : ndarray of shape (n_curves,)
        Positives and negatives of each class.
    micro, macro : dict or None
        Micro: ``x``, ``y``, ``thresholds``, ``area``. Macro: ``x``, ``y``,
        ``area_of_curve``, ``mean_of_areas``. None for binary input.

    Examples
    --------
    >>> from evalviz.metrics import roc_curves
    >>> curves = roc_curves([0, 1, 2, 2], [[.8, .1, .1], [.2, .7, .1],
    ...                                    [.1, .2, .7], [.3, .3, .4]])
    >>> type(curves).__name__, curves.kind, curves.names, curves.areas.tolist()
    ('OneVsRestCurves', 'multiclass', ['0', '1', '2'], [1.0, 1.0, 1.0])
    """

    kind: str
    names: list
    x: list
    y: list
    thresholds: list
    areas: np.ndarray
    n_pos: np.ndarray
    n_neg: np.ndarray
    micro: dict | None
    macro: dict | None


def _areas(kind, Y, S, fn):
    if kind == "binary":
        return np.asarray([float(fn(Y[:, 0], S[:, 0]))]), None, None
    per_class = np.asarray(fn(Y, S, average=None), dtype=float)
    micro = float(fn(Y, S, average="micro"))
    macro = float(np.mean(per_class))
    return per_class, micro, macro


def roc_curves(
    y_true,
    y_score,
    *,
    labels=None,
    display_labels=None,
    pos_label=None,
    macro_grid=None,
) -> OneVsRestCurves:
    """ROC curve of every class (one vs the rest), with micro and macro averages.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Labels of any sortable type, or a 0/1 indicator matrix (multi-label).
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Binary: the positive class's score (or ``predict_proba``'s ``(n, 2)``).
        Multi-class: probabilities, one column per class (logits are refused:
        their per-row level changes every one-vs-rest number).
    labels : array-like, optional
        Class values in column order.
    display_labels : sequence of str, optional
        Class names in column order.
    pos_label : object, optional
        Positive class of a binary problem.
    macro_grid : int, optional
        Average the curves at this many evenly spaced FPRs instead of every
        FPR that occurs (exact).

    Returns
    -------
    OneVsRestCurves
        Every class's FPR, TPR and thresholds, AUCs, counts and averages.

    Raises
    ------
    ValueError
        For inputs :func:`evalviz._validation.read_inputs` refuses, or a class
        without positives or negatives.

    Examples
    --------
    >>> c = roc_curves([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> c.names, float(c.areas[0])
    (['1'], 0.75)
    """
    kind, Y, S, names, _ = _indicator_problem(
        y_true, y_score, labels, display_labels, pos_label
    )
    xs, ys, ts = [], [], []
    for counts in _column_counts(Y, S):
        fpr, tpr, thr = _roc_from_counts(*counts)
        xs.append(np.asarray(fpr, dtype=float))
        ys.append(np.asarray(tpr, dtype=float))
        ts.append(np.asarray(thr, dtype=float))
    areas, micro_area, macro_area = _areas(kind, Y, S, roc_auc)
    micro = macro = None
    if kind != "binary":
        fpr, tpr, thr = _roc_from_counts(*_pooled_counts(Y, S))
        micro = {
            "x": np.asarray(fpr, dtype=float),
            "y": np.asarray(tpr, dtype=float),
            "thresholds": np.asarray(thr, dtype=float),
            "area": micro_area,
        }
        x, y, area = macro_roc_curve(xs, ys, grid=macro_grid)
        macro = {"x": x, "y": y, "area_of_curve": area, "mean_of_areas": macro_area}
    n_pos = Y.sum(axis=0).astype(np.int64)
    n_neg = (Y.shape[0] - n_pos).astype(np.int64)
    return OneVsRestCurves(kind, names, xs, ys, ts, areas, n_pos, n_neg, micro, macro)


def pr_curves(
    y_true, y_score, *, labels=None, display_labels=None, pos_label=None
) -> OneVsRestCurves:
    """Precision-recall curve of every class, with micro and macro averages.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        As in :func:`roc_curves`.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        As in :func:`roc_curves`.
    labels : array-like, optional
        Class values in column order.
    display_labels : sequence of str, optional
        Class names in column order.
    pos_label : object, optional
        Positive class of a binary problem.

    Returns
    -------
    OneVsRestCurves
        ``x`` is recall, ``y`` precision, as scikit-learn's
        ``precision_recall_curve`` returns them (recall decreasing); the last
        point of each curve (recall 0, precision 1) is scikit-learn's
        convention, not a threshold, and its threshold is NaN.

    Raises
    ------
    ValueError
        As :func:`roc_curves`.

    Examples
    --------
    >>> c = pr_curves([0, 0, 1, 1, 0], [0.8, 0.8, 0.8, 0.2, 0.2])
    >>> c.x[0].tolist(), [round(float(p), 4) for p in c.y[0]]
    ([1.0, 0.5, 0.0], [0.4, 0.3333, 1.0])
    """
    kind, Y, S, names, _ = _indicator_problem(
        y_true, y_score, labels, display_labels, pos_label, "average precision"
    )
    xs, ys, ts = [], [], []
    for counts in _column_counts(Y, S):
        precision, recall, thr = _pr_from_counts(*counts)
        xs.append(np.asarray(recall, dtype=float))
        ys.append(np.asarray(precision, dtype=float))
        ts.append(np.append(np.asarray(thr, dtype=float), np.nan))
    areas, micro_area, macro_area = _areas(kind, Y, S, average_precision)
    micro = macro = None
    if kind != "binary":
        precision, recall, thr = _pr_from_counts(*_pooled_counts(Y, S))
        micro = {
            "x": np.asarray(recall, dtype=float),
            "y": np.asarray(precision, dtype=float),
            "thresholds": np.append(np.asarray(thr, dtype=float), np.nan),
            "area": micro_area,
        }
        x, y, area = macro_pr_curve(ys, xs)
        macro = {"x": x, "y": y, "area_of_curve": area, "mean_of_areas": macro_area}
    n_pos = Y.sum(axis=0).astype(np.int64)
    n_neg = (Y.shape[0] - n_pos).astype(np.int64)
    return OneVsRestCurves(kind, names, xs, ys, ts, areas, n_pos, n_neg, micro, macro)


def _sorted_counts(truth, score, ascending):
    """TP and FP at each distinct score (increasing), from the sorted scores.

    Counted as :func:`evalviz.metrics.counts_at_thresholds` does: a sample is
    positive at threshold t when its score is ``>= t``; the samples at or
    above each distinct value come from their positions in ``ascending`` (the
    sorted scores), the positives from a binary search among theirs. A value
    sort is many times faster than the index sort of
    :func:`evalviz.metrics.roc_curve`, which matters at a thousand columns
    or a million pooled cells.
    """
    last = np.r_[np.flatnonzero(np.diff(ascending)), ascending.size - 1]
    thresholds = ascending[last]
    at_or_above = ascending.size - np.r_[0, last[:-1] + 1]
    pos = np.sort(score[truth == 1])
    tps = pos.size - np.searchsorted(pos, thresholds, side="left")
    fps = at_or_above - tps
    return tps.astype(np.float64), fps.astype(np.float64), thresholds


def _column_counts(Y, S):
    """``_sorted_counts`` of every column, with one sort of the whole matrix."""
    ascending = np.sort(S, axis=0)
    for j in range(S.shape[1]):
        yield _sorted_counts(Y[:, j], S[:, j], ascending[:, j])


def _pooled_counts(Y, S):
    """``_sorted_counts`` of every (sample, class) cell pooled (micro average)."""
    score = S.ravel()
    return _sorted_counts(Y.ravel(), score, np.sort(score))


def _roc_from_counts(tps, fps, thresholds):
    """``roc_curve``'s arrays: highest threshold first, from (0, 0) at ``inf``."""
    tps, fps = np.r_[0.0, tps[::-1]], np.r_[0.0, fps[::-1]]
    thresholds = np.r_[np.inf, thresholds[::-1].astype(np.float64)]
    return fps / fps[-1], tps / tps[-1], thresholds


def _pr_from_counts(tps, fps, thresholds):
    """``precision_recall_curve``'s arrays, ending at (recall 0, precision 1)."""
    predicted = tps + fps
    precision = np.divide(tps, predicted, out=np.zeros_like(tps), where=predicted > 0)
    return (
        np.r_[precision, 1.0],
        np.r_[tps / tps[0], 0.0],
        thresholds.astype(np.float64),
    )


# ---------------------------------------------------------------------------
# Averaging curves
# ---------------------------------------------------------------------------


def _summed_polylines(fprs, tprs):
    """Sum of ROC polylines at every FPR where one of them bends or jumps.

    Returns ``(grid, low, high)``: at a grid value where some curve jumps
    vertically the sum has a bottom (``low``, the limit from the left) and a
    top (``high``, from the right). One sweep over all segments: the sum is
    linear between grid values, with the sum of the active segments' slopes.
    """
    grid = np.unique(np.concatenate(fprs))
    starts, ends, slopes_at, jump_at, jump_by = [], [], [], [], []
    start = 0.0
    for fpr, tpr in zip(fprs, tprs, strict=True):
        start += tpr[0]
        dx, dy = np.diff(fpr), np.diff(tpr)
        at = np.searchsorted(grid, fpr)
        flat = dx > 0
        starts.append(at[:-1][flat])
        ends.append(at[1:][flat])
        slopes_at.append(dy[flat] / dx[flat])
        jump_at.append(at[:-1][~flat])
        jump_by.append(dy[~flat])
    slope = np.concatenate(slopes_at)
    size = grid.size + 1
    slope_change = np.bincount(np.concatenate(starts), slope, size) - np.bincount(
        np.concatenate(ends), slope, size
    )
    jumps = np.bincount(np.concatenate(jump_at), np.concatenate(jump_by), grid.size)
    slopes = np.cumsum(slope_change)[:-1]
    rise = jumps + np.r_[0.0, slopes[:-1] * np.diff(grid)]
    high = start + np.cumsum(rise)
    low = high - jumps
    return grid, low, high


def _read_curves(xs, ys, x_name, y_name, maker):
    """Lists of 1-D rate arrays, one pair per curve, or a teaching error."""
    hint = (
        f"{x_name} and {y_name} are curves (one array per class, as {maker} "
        f"returns them), not labels and scores; for labels and scores use "
        f"{maker}(y_true, y_score).macro"
    )
    try:
        xs = [np.asarray(x, dtype=np.float64) for x in xs]
        ys = [np.asarray(y, dtype=np.float64) for y in ys]
    except (TypeError, ValueError):
        raise ValueError(f"{x_name} and {y_name} must hold numbers; {hint}") from None
    if not xs or len(xs) != len(ys):
        raise ValueError(
            f"{x_name} has {len(xs)} curves and {y_name} {len(ys)}; pass one array "
            f"of each per curve (at least one); {hint}"
        )
    for k, (x, y) in enumerate(zip(xs, ys, strict=True)):
        if x.ndim != 1 or x.shape != y.shape or x.size < 2:
            raise ValueError(
                f"curve {k}: {x_name}[{k}] has shape {x.shape} and {y_name}[{k}] "
                f"shape {y.shape}; each curve needs two 1-D arrays of the same "
                f"length (at least two points); {hint}"
            )
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
            raise ValueError(f"curve {k} holds NaN or infinite rates; {hint}")
        if x.min() < 0 or x.max() > 1 or y.min() < 0 or y.max() > 1:
            raise ValueError(f"curve {k} holds rates outside [0, 1]; {hint}")
    return xs, ys


def macro_roc_curve(fprs, tprs, *, grid=None):
    """Vertical average of ROC curves (mean TPR at each FPR) and its area.

    Parameters
    ----------
    fprs, tprs : sequence of ndarray
        One FPR and one TPR array per curve, as :func:`evalviz.metrics.roc_curve`
        returns them (FPR non-decreasing, from (0, 0) to (1, 1)).
    grid : int, optional
        Average at this many evenly spaced FPRs (scikit-learn's gallery uses
        1000) instead of every FPR that occurs.

    Returns
    -------
    fpr, tpr : ndarray
        The averaged curve. On the exact grid a vertical jump of any curve
        gives two points at the same FPR (bottom and top).
    area : float
        Its area (trapezoids). On the exact grid it equals the mean of the
        curves' areas, because an area is linear in the curve.

    Raises
    ------
    ValueError
        Unless ``fprs`` and ``tprs`` are curves: one pair of 1-D arrays of
        rates in [0, 1] per curve.

    Examples
    --------
    >>> x, y, area = macro_roc_curve([np.array([0.0, 0.0, 1.0])],
    ...                              [np.array([0.0, 1.0, 1.0])])
    >>> area
    1.0
    """
    fprs, tprs = _read_curves(fprs, tprs, "fprs", "tprs", "roc_curves")
    n = len(fprs)
    if grid is None:
        xs, low, high = _summed_polylines(fprs, tprs)
        low, high = low / n, high / n
        jump = high != low
        x = np.repeat(xs, np.where(jump, 2, 1))
        both = np.column_stack([low, high]).ravel()
        keep = np.column_stack([np.ones_like(jump), jump]).ravel()
        y = np.clip(both[keep], 0.0, 1.0)
    else:
        x = np.linspace(0.0, 1.0, int(grid))
        y = np.mean([np.interp(x, f, t) for f, t in zip(fprs, tprs, strict=True)], 0)
        x = np.concatenate([[0.0], x])
        y = np.concatenate([[0.0], y])
    return x, y, float(np.trapezoid(y, x))


def macro_pr_curve(precisions, recalls):
    """Vertical average of precision-recall curves (step precision) and its area.

    Parameters
    ----------
    precisions, recalls : sequence of ndarray
        One curve each, as :func:`evalviz.metrics.precision_recall_curve`
        returns them (recall decreasing, ending at the convention point
        recall 0, precision 1).

    Returns
    -------
    recall, precision : ndarray
        Every recall that occurs (increasing, starting at 0) and the mean of
        the curves' step precision there: for recall r, the precision of the
        first point (highest threshold first) whose recall reaches r, the
        precision that average precision gives the step ending at r.
    area : float
        ``sum(diff(recall) * precision[1:])``: the mean of the curves'
        average precisions.

    Raises
    ------
    ValueError
        Unless ``precisions`` and ``recalls`` are curves: one pair of 1-D
        arrays of rates in [0, 1] per curve.

    Examples
    --------
    >>> r, p, area = macro_pr_curve([np.array([0.5, 1.0, 1.0])],
    ...                             [np.array([1.0, 0.5, 0.0])])
    >>> area
    0.75
    """
    recalls, precisions = _read_curves(
        recalls, precisions, "recalls", "precisions", "pr_curves"
    )
    ups = [(r[::-1], p[::-1]) for p, r in zip(precisions, recalls, strict=True)]
    xs = np.unique(np.concatenate([r for r, _ in ups]))
    steps = []
    for r, p in ups:
        idx = np.searchsorted(r, xs, side="left")
        steps.append(p[np.minimum(idx, r.size - 1)])
    y = np.mean(steps, axis=0)
    return xs, y, float(np.sum(np.diff(xs) * y[1:]))


# ---------------------------------------------------------------------------
# Operating points
# ---------------------------------------------------------------------------


def threshold_marks(thresholds, default=()):
    """``[(name, value), ...]`` from a number, a list of numbers or a dict.

    Parameters
    ----------
    thresholds : float, sequence of float, mapping {name: float} or None
        A mapping names each threshold (``{"90% precision": 0.0136}``); plain
        numbers are named ``"score >= t"``.
    default : sequence of float, default ()
        Used when ``thresholds`` is None.

    Returns
    -------
    list of tuple
        ``(name, threshold)`` pairs, in the order given.

    Raises
    ------
    ValueError
        For an empty name or a value that is not a finite number.

    Examples
    --------
    >>> threshold_marks([0.5])
    [('score >= 0.5', 0.5)]
    """
    if thresholds is None:
        thresholds = list(default)
    if isinstance(thresholds, Mapping):
        marks = []
        for name, value in thresholds.items():
            label = str(name)
            if not label.strip():
                raise ValueError(
                    f"thresholds has an empty name for the value {value!r}; use "
                    "names such as {'90% precision': 0.0136, '0.5': 0.5}"
                )
            marks.append((label, check_threshold(value, f"thresholds[{label!r}]")))
        return marks
    values = [check_threshold(t, "thresholds") for t in np.atleast_1d(thresholds)]
    return [(f"score >= {format_threshold(v)}", v) for v in values]


def _argmax_rows(inputs, names):
    pred = inputs.predictions()
    k, n = inputs.n_classes, inputs.n_samples
    tp = np.bincount(inputs.y[pred == inputs.y], minlength=k)
    true_sum = np.bincount(inputs.y, minlength=k)
    pred_sum = np.bincount(pred, minlength=k)
    rows = []
    for j, name in enumerate(names):
        fp, fn = int(pred_sum[j] - tp[j]), int(true_sum[j] - tp[j])
        tn = n - int(tp[j]) - fp - fn
        rows.append(
            {
                "class": name,
                "point": "argmax",
                "threshold": np.nan,
                "tp": int(tp[j]),
                "fp": fp,
                "fn": fn,
                "tn": tn,
                "tpr": tp[j] / (tp[j] + fn) if tp[j] + fn else np.nan,
                "fpr": fp / (fp + tn) if fp + tn else np.nan,
                "precision": tp[j] / pred_sum[j] if pred_sum[j] else np.nan,
            }
        )
    return rows


def operating_points(
    y_true,
    y_score,
    *,
    thresholds=None,
    argmax=True,
    labels=None,
    display_labels=None,
    pos_label=None,
):
    """Counts and rates of every class at the argmax decision and at thresholds.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        As in :func:`roc_curves`.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        As in :func:`roc_curves`.
    thresholds : float, sequence of float or mapping {name: float}, optional
        Thresholds applied to every class's column (``score >= t`` is
        positive). Default: none for multi-class input, 0.5 otherwise.
    argmax : bool, default=True
        Multi-class input: add each class's point at the argmax decision
        (ties go to the lowest class index).
    labels : array-like, optional
        Class values in column order.
    display_labels : sequence of str, optional
        Class names in column order.
    pos_label : object, optional
        Positive class of a binary problem.

    Returns
    -------
    pandas.DataFrame
        One row per (point, class): ``class, point, threshold, tp, fp, fn, tn,
        tpr, fpr, precision`` (precision NaN where nothing is predicted
        positive).

    Raises
    ------
    ValueError
        As :func:`roc_curves`, or for a threshold that is not a number.

    Examples
    --------
    >>> operating_points([0, 1, 1, 0], [0.2, 0.7, 0.4, 0.6])[["tp", "fp"]].values
    array([[1, 1]])
    """
    import pandas as pd

    kind, Y, S, names, inputs = _indicator_problem(
        y_true, y_score, labels, display_labels, pos_label
    )
    rows = _argmax_rows(inputs, names) if argmax and kind == "multiclass" else []
    marks = threshold_marks(thresholds, [] if kind == "multiclass" else [0.5])
    cuts = [value for _, value in marks]
    for j, name in enumerate(names if marks else []):
        table = counts_at_thresholds(Y[:, j], S[:, j], cuts)
        for (label, _), row in zip(marks, table.itertuples(index=False), strict=True):
            rows.append(
                {
                    "class": name,
                    "point": label,
                    "threshold": float(row.threshold),
                    "tp": int(row.tp),
                    "fp": int(row.fp),
                    "fn": int(row.fn),
                    "tn": int(row.tn),
                    "tpr": float(row.recall),
                    "fpr": float(row.fpr),
                    "precision": float(row.precision) if row.tp + row.fp else np.nan,
                }
            )
    return pd.DataFrame(rows, columns=list(OPERATING_POINT_COLUMNS))
