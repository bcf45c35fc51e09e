"""Ranking metrics: ROC and PR curves, ROC AUC, average precision.

Everything here is exact and numpy only. The AUC and average precision of many
columns (one-vs-rest classes or multi-label labels) are computed from one sort
per column: AUC is the Mann-Whitney U statistic with tie-averaged ranks, and
average precision is summed over the distinct score values, as scikit-learn
does. Columns are processed in chunks, one chunk per worker thread (numpy's
sort releases the GIL), so the extra memory stays a small fraction of the score
matrix and every core sorts. Inputs are read by ``read_inputs`` (the one input
model); float32 scores stay float32 and integer scores are ranked as integers.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .._validation import check_choice, read_inputs
from ._label_checks import check_labels_words, check_pos_label_fixed, in_sklearn_words
from ._micro_auc import micro_auc_by_label  # noqa: F401 (its old location)
from ._ranking_options import (
    binary_ap,
    binary_auc,
    check_max_fpr,
    check_multiclass_options,
    drop_pr_intermediate,
    drop_roc_intermediate,
    options_area,
    ovo_auc,
    read_sample_weight,
    warn_undefined,
    weighted_sweep,
)
from ._topk import (  # noqa: F401 (old import location of the top-k metrics)
    _flat_positives,
    _top_1,
    label_hits_at_k,
    precision_at_k,
    rank_of_true_class,
    recall_at_k,
    top_k_accuracy,
    top_k_accuracy_curve,
)

__all__ = [
    "roc_curve",
    "precision_recall_curve",
    "roc_auc",
    "average_precision",
    "micro_auc_by_label",
]

_AVERAGES = ("macro", "micro", "weighted", "samples", None)
#: ``undefined=``: our clear error, or scikit-learn's value with a warning.
_UNDEFINED = ("raise", "warn")

# Cells per chunk of transposed columns (float32: 16 MiB) and per block of rows.
_CHUNK_CELLS = 1 << 22
_ROW_BLOCK = 1024
# At least 16 columns per chunk: one 64-byte cache line of float32 per row read.
_MIN_WIDTH = 16


# ---------------------------------------------------------------------------
# Input handling
# ---------------------------------------------------------------------------


def _kind(y_true, y_score, *, check_finite=True):
    """``(kind, y, score)`` as read by ``read_inputs`` (for older callers).

    ``check_finite`` is accepted for compatibility: ``read_inputs`` always
    refuses NaN and infinities.
    """
    inp = read_inputs(y_true, y_score)
    return inp.kind, inp.y, inp.score


def _check_average(average) -> None:
    check_choice(average, "average", _AVERAGES)


def _read(y_true, y_score, *, multiclass_ok=False, **options):
    """``read_inputs``; its refusals led by scikit-learn's sentence when one applies."""
    try:
        return read_inputs(y_true, y_score, **options)
    except ValueError as err:
        pos_label = options.get("pos_label")
        new = in_sklearn_words(
            err, y_true, y_score, pos_label, multiclass_ok=multiclass_ok
        )
        if new is err:
            raise
        raise new from None


def _weights(sample_weight, n):
    return read_sample_weight(sample_weight, n)


# ---------------------------------------------------------------------------
# Curves (binary)
# ---------------------------------------------------------------------------


def roc_curve(
    y_true,
    y_score,
    *,
    pos_label=None,
    sample_weight=None,
    drop_intermediate=False,
    undefined="raise",
):
    """Receiver operating characteristic curve of a binary problem.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels of any type (ints, bools, strings).
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        Scores; a higher score means "more likely positive". A ``(n, 2)``
        ``predict_proba`` matrix is one column per class (sorted class
        values); the positive class's column is used.
    pos_label : int, bool or str, optional
        The value of ``y_true`` that marks a positive sample. Needed unless the
        labels are {0, 1}, {-1, 1} or {False, True} (then 1 / True).
    sample_weight : array-like of shape (n_samples,), optional
        Weight of each sample in the counts (non-negative; samples of weight 0
        add no threshold, as in scikit-learn).
    drop_intermediate : bool, default=False
        Drop the points that lie on the segment between their neighbours
        (scikit-learn's rule: second differences of both counts are 0); the
        drawn curve and its area are unchanged. scikit-learn's default is True.
    undefined : {"raise", "warn"}, default="raise"
        With ``"warn"`` a missing class gives NaN rates and an
        ``UndefinedMetricWarning`` (scikit-learn's behaviour) instead of the
        ``ValueError``.

    Returns
    -------
    fpr, tpr : ndarray of shape (n_thresholds + 1,)
        False and true positive rates of the rule ``score >= threshold``.
    thresholds : ndarray of shape (n_thresholds + 1,)
        Decreasing; the first one is ``inf`` (nothing predicted positive), the
        others are the distinct values of ``y_score``.

    Raises
    ------
    ValueError
        If the positive class is not obvious and ``pos_label`` is missing, if
        ``y_true`` has more than two classes, or if one class is absent.

    Notes
    -----
    The same points as scikit-learn's ``roc_curve(..., drop_intermediate=False)``
    with the same rule for the positive class: one point per distinct score,
    so tied scores move the curve diagonally. Both classes must be present,
    otherwise one of the rates is undefined and a ``ValueError`` says which.

    Examples
    --------
    >>> fpr, tpr, thr = roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> fpr.tolist(), tpr.tolist()
    ([0.0, 0.0, 0.5, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0, 1.0])
    >>> roc_curve(["no", "yes"], [0.2, 0.9], pos_label="yes")[1].tolist()
    [0.0, 1.0, 1.0]
    """
    check_choice(undefined, "undefined", _UNDEFINED)
    inp = _read(y_true, y_score, pos_label=pos_label, kind="binary")
    weight = _weights(sample_weight, inp.n_samples)
    if undefined == "raise":
        _require_both(inp.y, "y_true", "ROC curve", weight)
    fps, tps, thresholds = weighted_sweep(inp.y, inp.score, weight)
    if drop_intermediate:
        fps, tps, thresholds = drop_roc_intermediate(fps, tps, thresholds)
    fps = np.r_[0.0, fps]
    tps = np.r_[0.0, tps]
    thresholds = np.r_[np.inf, thresholds.astype(np.float64)]
    if fps[-1] <= 0:
        warn_undefined("roc no negatives")
    if tps[-1] <= 0:
        warn_undefined("roc no positives")
    return _rate(fps), _rate(tps), thresholds


def _rate(counts, fill=np.nan):
    """Counts over their total; ``fill`` when the total is 0 (``undefined="warn"``)."""
    if counts[-1] <= 0:
        return np.full(counts.shape, fill)
    return counts / counts[-1]


def precision_recall_curve(
    y_true,
    y_score,
    *,
    pos_label=None,
    sample_weight=None,
    drop_intermediate=False,
    undefined="raise",
):
    """Precision-recall pairs for every distinct threshold of a binary problem.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels of any type (ints, bools, strings).
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        Scores; a higher score means "more likely positive". A ``(n, 2)``
        ``predict_proba`` matrix: the positive class's column is used.
    pos_label : int, bool or str, optional
        The value of ``y_true`` that marks a positive sample. Needed unless the
        labels are {0, 1}, {-1, 1} or {False, True}.
    sample_weight : array-like of shape (n_samples,), optional
        Weight of each sample in the counts (non-negative; samples of weight 0
        add no threshold, as in scikit-learn).
    drop_intermediate : bool, default=False
        Keep only the first and last point of each run of equal recall
        (scikit-learn's rule).
    undefined : {"raise", "warn"}, default="raise"
        With ``"warn"`` a ``y_true`` without positives gives recall 1 at every
        threshold and an ``UndefinedMetricWarning`` (scikit-learn's behaviour)
        instead of the ``ValueError``.

    Returns
    -------
    precision, recall : ndarray of shape (n_thresholds + 1,)
        Precision and recall of ``score >= thresholds[i]``; the last point is
        precision 1, recall 0 (no threshold), as in scikit-learn.
    thresholds : ndarray of shape (n_thresholds,)
        Increasing distinct values of ``y_score``.

    Raises
    ------
    ValueError
        If the positive class is not obvious and ``pos_label`` is missing, if
        ``y_true`` has more than two classes, or if it has no positives.

    Notes
    -----
    The same arrays as scikit-learn's ``precision_recall_curve``. Precision at a
    threshold where nothing is predicted positive is 0. The final point
    (recall 0, precision 1) is a convention, not reached by any threshold.
    ``y_true`` must contain at least one positive (recall divides by their
    number).

    Examples
    --------
    >>> p, r, t = precision_recall_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> p.round(3).tolist(), r.tolist()
    ([0.5, 0.667, 0.5, 1.0, 1.0], [1.0, 1.0, 0.5, 0.5, 0.0])
    """
    check_choice(undefined, "undefined", _UNDEFINED)
    inp = _read(y_true, y_score, pos_label=pos_label, kind="binary")
    weight = _weights(sample_weight, inp.n_samples)
    if undefined == "raise":
        _require_positive(inp.y, "y_true", "precision-recall curve", weight)
    fps, tps, thresholds = weighted_sweep(inp.y, inp.score, weight)
    if drop_intermediate:
        fps, tps, thresholds = drop_pr_intermediate(fps, tps, thresholds)
    predicted = tps + fps
    precision = np.divide(tps, predicted, out=np.zeros_like(tps), where=predicted != 0)
    if not tps.size or tps[-1] <= 0:
        warn_undefined("no positives")
    recall = _rate(tps, fill=1.0) if tps.size else tps
    return (
        np.r_[precision[::-1], 1.0],
        np.r_[recall[::-1], 0.0],
        thresholds[::-1].astype(np.float64),
    )


def _require_both(truth01, what, metric, weight=None):
    n_pos = int(np.count_nonzero(truth01))
    missing = None
    if n_pos == 0 or n_pos == truth01.size:
        missing = "positive" if n_pos == 0 else "negative"
    elif weight is not None:
        if weight[truth01 == 1].sum() == 0:
            missing = "positive (non-zero weight)"
        elif weight[truth01 == 0].sum() == 0:
            missing = "negative (non-zero weight)"
    if missing:
        raise ValueError(
            f"{what} has no {missing} samples ({n_pos} of {truth01.size} positive); "
            f"the {metric} needs both: check pos_label and that this split contains "
            "both classes"
        )


def _require_positive(truth01, what, metric, weight=None):
    n_pos = int(np.count_nonzero(truth01))
    if n_pos and weight is not None and weight[truth01 == 1].sum() == 0:
        raise ValueError(
            f"{what} has no positive (non-zero weight) samples: its {n_pos} "
            f"positives of {truth01.size} samples all have sample_weight 0; the "
            f"{metric} divides by the weight of the positives: give them a "
            "positive sample_weight"
        )
    if n_pos == 0:
        raise ValueError(
            f"{what} has no positive samples ({n_pos} of {truth01.size}); the "
            f"{metric} divides by the number of positives: check pos_label and that "
            "this split contains the positive class"
        )


# ---------------------------------------------------------------------------
# Per-column AUC / AP from one sort per column
# ---------------------------------------------------------------------------


def _positives_by_column(kind, truth, score):
    """Scores of the positive cells, grouped by column and sorted within it.

    Returns ``(values, starts)``: the positives of column ``j`` are
    ``values[starts[j]:starts[j + 1]]``, in increasing order.
    """
    n, k = score.shape
    if kind == "multiclass":
        rows = np.arange(n)
        cols = truth
    else:
        rows, cols = np.divmod(_flat_positives(truth), k)
    counts = np.bincount(cols, minlength=k)
    starts = np.zeros(k + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    # A stable sort of 16-bit keys is a radix sort: linear in the positives.
    keys = cols.astype(np.uint16) if k <= 1 << 16 else cols
    order = np.argsort(keys, kind="stable")
    values = score[rows[order], cols[order]]
    for j in np.flatnonzero(counts > 1):
        values[starts[j] : starts[j + 1]].sort()
    return values, starts


def _n_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _sort_chunk(score: np.ndarray, j0: int, w: int, buf: np.ndarray) -> np.ndarray:
    """Columns ``j0 .. j0 + w`` of ``score`` as sorted rows of ``buf``."""
    n = score.shape[0]
    block = buf[:w]
    # Copy the columns in row blocks so that reads stay in cache.
    for r0 in range(0, n, _ROW_BLOCK):
        r1 = min(n, r0 + _ROW_BLOCK)
        np.copyto(block[:, r0:r1], score[r0:r1, j0 : j0 + w].T)
    block.sort(axis=1)
    return block


def _auc_ap_sorted(a: np.ndarray, pos: np.ndarray, want_auc: bool, want_ap: bool):
    """AUC and AP of one column from its sorted scores and sorted positives."""
    n = a.shape[0]
    p = pos.shape[0]
    left = np.searchsorted(a, pos, side="left")
    auc = ap = np.nan
    if want_auc:
        right = np.searchsorted(a, pos, side="right")
        # Twice the sum of the positives' tie-averaged ranks (1-based), exact in int.
        twice_rank_sum = int(left.sum()) + int(right.sum()) + p
        u2 = twice_rank_sum - p * (p + 1)
        auc = u2 / (2.0 * p * (n - p))
    if want_ap:
        # Positives at or above each positive's score / all samples at or above it.
        tp_ge = p - np.searchsorted(pos, pos, side="left")
        ap = float(np.mean(tp_ge / (n - left)))
    return auc, ap


def _column_scores(kind, truth, score, *, want_auc, want_ap):
    """Per-column AUC and AP arrays and the number of positives per column.

    Chunks of columns are sorted in parallel threads, each into its own
    buffer; every column's numbers depend on that column alone, so the
    results are the same for any number of threads.
    """
    n, k = score.shape
    values, starts = _positives_by_column(kind, truth, score)
    n_pos = np.diff(starts)
    aucs = np.full(k, np.nan)
    aps = np.full(k, np.nan)
    usable = (n_pos > 0) & (n_pos < n) if want_auc else n_pos > 0
    width = int(min(k, max(_MIN_WIDTH, _CHUNK_CELLS // max(n, 1))))
    local = threading.local()

    def work(j0):
        buf = getattr(local, "buf", None)
        if buf is None:
            buf = local.buf = np.empty((width, n), dtype=score.dtype)
        w = min(width, k - j0)
        if not usable[j0 : j0 + w].any():
            return
        block = _sort_chunk(score, j0, w, buf)
        for i in range(w):
            j = j0 + i
            if usable[j]:
                aucs[j], aps[j] = _auc_ap_sorted(
                    block[i], values[starts[j] : starts[j + 1]], want_auc, want_ap
                )

    chunks = range(0, k, width)
    n_workers = min(_n_workers(), len(chunks))
    if n_workers <= 1:
        for j0 in chunks:
            work(j0)
    else:
        with ThreadPoolExecutor(max_workers=n_workers) as pool:
            for future in [pool.submit(work, j0) for j0 in chunks]:
                future.result()
    return aucs, aps, n_pos


def _micro_scores(kind, truth, score, *, want_auc, want_ap):
    """AUC / AP of all cells pooled (one sort of every cell)."""
    n, k = score.shape
    if kind == "multiclass":
        pos = score[np.arange(n), truth]
    else:
        pos = score.ravel()[_flat_positives(truth)]
    pos = np.sort(pos)
    a = np.sort(score, axis=None)
    return _auc_ap_sorted(a, pos, want_auc, want_ap)


def _name_columns(inp, columns) -> str:
    word = "class" if inp.kind == "multiclass" else "label (column)"
    shown = ", ".join(str(inp.names[int(c)]) for c in columns[:5])
    more = f" and {len(columns) - 5} more" if len(columns) > 5 else ""
    return f"{word} {shown}{more}"


def _check_columns(inp, n_pos, metric, *, need_negatives, n_total=None):
    no_pos = np.flatnonzero(n_pos == 0)
    if no_pos.size:
        where = "y_true" if inp.kind == "multilabel" else "y_true's labels"
        raise ValueError(
            f"{_name_columns(inp, no_pos)} has no positive samples in {where}, so "
            f"its {metric} is undefined; evaluate on data that contains every "
            "class, drop those score columns (and indicator columns), or use "
            "average='micro'"
        )
    if need_negatives:
        total = inp.n_samples if n_total is None else n_total
        no_neg = np.flatnonzero(n_pos == total)
        if no_neg.size:
            raise ValueError(
                f"{_name_columns(inp, no_neg)} has no negative samples in y_true "
                f"(every sample is positive), so its {metric} is undefined; drop "
                "that column or evaluate on data where it is sometimes absent"
            )


def _averaged(inp, average, metric):
    """Shared body of roc_auc and average_precision for 2-D input."""
    want_auc = metric == "ROC AUC"
    kind, truth, score = inp.kind, inp.y, inp.score
    n = score.shape[0]
    if average == "micro":
        n_cells = score.size
        n_pos = int(n if kind == "multiclass" else np.count_nonzero(truth))
        if n_pos == 0 or (want_auc and n_pos == n_cells):
            missing = "positive" if n_pos == 0 else "negative"
            raise ValueError(
                f"y_true has no {missing} cells ({n_pos} of {n_cells}); the micro "
                f"{metric} is undefined"
            )
        auc, ap = _micro_scores(
            kind, truth, score, want_auc=want_auc, want_ap=not want_auc
        )
        return float(auc if want_auc else ap)
    aucs, aps, n_pos = _column_scores(
        kind, truth, score, want_auc=want_auc, want_ap=not want_auc
    )
    _check_columns(inp, n_pos, metric, need_negatives=want_auc)
    per_class = aucs if want_auc else aps
    if average is None:
        return per_class
    if average == "weighted":
        return float(np.average(per_class, weights=n_pos))
    return float(np.mean(per_class))


def _binary_area(inp, metric):
    truth, score = inp.y, inp.score
    want_auc = metric == "ROC AUC"
    if want_auc:
        _require_both(truth, "y_true", metric)
    else:
        _require_positive(truth, "y_true", metric)
    pos = np.sort(score[truth == 1])
    auc, ap = _auc_ap_sorted(np.sort(score), pos, want_auc, not want_auc)
    return float(auc if want_auc else ap)


def _area(inp, metric, average, weight, undefined, max_fpr=None, multi_class="ovr"):
    """roc_auc / average_precision after reading: the plain path or the options."""
    want_auc = metric == "ROC AUC"
    plain = weight is None and max_fpr is None and undefined == "raise"
    if inp.kind == "binary":
        if plain:
            return _binary_area(inp, metric)
        if undefined == "raise":
            check = _require_both if want_auc else _require_positive
            check(inp.y, "y_true", metric, weight)
        if want_auc:
            return float(binary_auc(inp.y, inp.score, weight, max_fpr))
        return float(binary_ap(inp.y, inp.score, weight))
    if inp.kind == "multiclass" and want_auc:
        check_multiclass_options(average, weight, max_fpr, multi_class)
        if multi_class == "ovo":
            return _ovo(inp, average, undefined)
    if plain and average != "samples":
        return _averaged(inp, average, metric)
    truth = inp.one_vs_rest()
    if undefined == "raise":
        _check_defined(inp, truth, weight, average, metric)
    return options_area(
        truth,
        inp.score,
        weight,
        metric="auc" if want_auc else "ap",
        average=average,
        max_fpr=max_fpr,
    )


def _ovo(inp, average, undefined):
    present = np.unique(inp.y)
    missing = np.setdiff1d(np.arange(inp.n_classes), present)
    if undefined == "raise" and missing.size:
        raise ValueError(
            f"{_name_columns(inp, missing)} has no samples in y_true, so its "
            "one-vs-one AUCs are undefined; evaluate on data that contains every "
            "class, or pass undefined='warn' to average over the pairs of the "
            "classes present (scikit-learn's rule)"
        )
    if present.size < 2:
        if undefined == "raise":
            raise ValueError(
                "y_true has a single class, so no pair of classes can be ranked; "
                "the one-vs-one AUC is undefined"
            )
        return np.nan
    return ovo_auc(inp.y, inp.score, average)


def _check_defined(inp, truth, weight, average, metric):
    """The clear error for columns (rows) without positives or negatives."""
    want_auc = metric == "ROC AUC"
    live = np.ones(inp.n_samples, bool) if weight is None else weight > 0
    if average == "micro":
        t = truth[live]
        n_pos, n_cells = int(np.count_nonzero(t)), t.size
        if n_pos == 0 or (want_auc and n_pos == n_cells):
            missing = "positive" if n_pos == 0 else "negative"
            raise ValueError(
                f"y_true has no {missing} cells of positive weight ({n_pos} of "
                f"{n_cells}); the micro {metric} is undefined"
            )
        return
    if average == "samples":
        n_pos = truth.sum(axis=1)
        bad = np.flatnonzero((n_pos == 0) | (want_auc & (n_pos == truth.shape[1])))
        if bad.size:
            raise ValueError(
                f"{bad.size} sample(s) (the first: row {int(bad[0])}) have "
                f"{'no positive or no negative' if want_auc else 'no positive'} "
                f"labels, so their {metric} over the labels is undefined; drop "
                "those rows, or pass undefined='warn' (scikit-learn's NaN)"
            )
        return
    n_pos = truth[live].sum(axis=0)
    _check_columns(inp, n_pos, metric, need_negatives=want_auc, n_total=live.sum())


_OVR_NOTE = """
    Multi-class input is one-vs-rest: class ``j``'s positives are the samples
    labelled ``j``, its negatives all others, and each column's scores are
    compared across samples. Such a comparison is defined only for scores on a
    common scale, so multi-class rows must be probabilities (each row sums to
    one): logits are refused with an error that shows the conversion, since
    adding a constant to a row of logits leaves the softmax and the argmax
    unchanged but changes this number. Binary scores and multi-label columns
    are judged one column at a time and may be any real numbers.
"""


def roc_auc(
    y_true,
    y_score,
    *,
    average="macro",
    labels=None,
    pos_label=None,
    sample_weight=None,
    max_fpr=None,
    multi_class="ovr",
    undefined="raise",
):
    """Exact area under the ROC curve: binary, multi-class or multi-label.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels of any sortable type (ints, bools,
        strings), or a 0/1 indicator matrix for a multi-label problem.
    y_score : array-like of shape (n_samples,) or (n_samples, k)
        Binary: the positive class's score, or a ``(n, 2)`` ``predict_proba``
        matrix (its positive column is used). Multi-class: one probability
        column per class, in the order of ``labels`` (default: the sorted class
        values, or ``0..k-1`` for integer labels). Multi-label: one column per
        label.
    average : {"macro", "micro", "weighted", None}, default="macro"
        How to combine the per-column AUCs (ignored for binary input):
        ``"macro"`` is their plain mean, ``"weighted"`` weights each by its
        number of positives, ``"micro"`` pools every (sample, column) cell into
        one binary problem, ``None`` returns the per-column array.
    labels : array-like of shape (k,), optional
        Multi-class: the class value of each score column, in column order.
    pos_label : int, bool or str, optional
        Binary: the positive class. Needed unless the labels are {0, 1},
        {-1, 1} or {False, True}.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample (weighted Mann-Whitney statistic;
        samples of weight 0 are dropped). ``"weighted"`` then weights each
        column by its positives' weight, ``"samples"`` averages the rows
        with these weights.
    max_fpr : float in (0, 1], optional
        Standardised partial AUC over the false positive rates up to
        ``max_fpr`` (McClish 1989, as scikit-learn): 0.5 for a random
        ranking, 1 for a perfect one. Binary, multi-label and multi-class
        one-vs-rest input (scikit-learn refuses multi-class; here it is each
        class against the rest).
    multi_class : {"ovr", "ovo", "raise"}, default="ovr"
        Multi-class input: ``"ovr"`` each class against the rest; ``"ovo"``
        Hand and Till's mean over pairs of classes (``average="weighted"``
        weights each pair by its share of the samples); ``"raise"`` refuses
        multi-class input (scikit-learn's default).
    undefined : {"raise", "warn"}, default="raise"
        What a class (label, row) without positives or without negatives
        gives: a ``ValueError`` naming it, or, with ``"warn"``, NaN and an
        :class:`UndefinedMetricWarning` as scikit-learn (for loops over
        folds that may lack a class).

    Returns
    -------
    float or ndarray of shape (k,)
        The area, between 0 and 1 (per column when ``average=None``).

    Raises
    ------
    ValueError
        If a class or label has no positive (or no negative) samples (the
        message names it), if multi-class rows are not probabilities, or if
        the positive class of a binary problem is not obvious.

    Notes
    -----
    AUC is the probability that a randomly chosen positive is scored above a
    randomly chosen negative, ties counting one half. It is computed exactly as
    the Mann-Whitney U statistic with tie-averaged ranks from one sort per
    column, and equals scikit-learn's ``roc_auc_score(..., multi_class="ovr")``
    (multi-class micro: ``roc_auc_score(label_binarize(y_true), y_score,
    average="micro")``). Every column needs at least one positive and one
    negative (except for ``"micro"``), otherwise a ``ValueError`` names the
    class. float32 scores are sorted as float32 (no float64 copy); integer
    scores are ranked as integers.

    Examples
    --------
    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> roc_auc([1, 1, 2, 2], [0.1, 0.3, 0.8, 0.6], pos_label=2)
    1.0
    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], sample_weight=[1, 1, 3, 1])
    0.625
    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], max_fpr=0.5)
    0.6666666666666666
    >>> p = [[.5, .2, .3], [.2, .5, .3], [.3, .3, .4], [.4, .4, .2], [.6, .1, .3]]
    >>> roc_auc([0, 1, 2, 1, 2], p, multi_class="ovo")
    0.8541666666666666
    """
    _check_average(average)
    check_choice(multi_class, "multi_class", ("ovr", "ovo", "raise"))
    check_choice(undefined, "undefined", _UNDEFINED)
    max_fpr = check_max_fpr(max_fpr)
    if labels is not None and np.ndim(y_score) == 2 and np.shape(y_score)[1] > 2:
        check_labels_words(y_true, labels, np.shape(y_score)[1], "auc")
    inp = _read(
        y_true,
        y_score,
        labels=labels,
        pos_label=pos_label,
        require_probabilities=True,
        multiclass_ok=True,
    )
    if inp.kind == "multiclass" and multi_class == "ovo" and sample_weight is not None:
        check_multiclass_options(average, sample_weight, None, multi_class)
    weight = _weights(sample_weight, inp.n_samples)
    return _area(inp, "ROC AUC", average, weight, undefined, max_fpr, multi_class)


def average_precision(
    y_true,
    y_score,
    *,
    average="macro",
    labels=None,
    pos_label=None,
    sample_weight=None,
    undefined="raise",
):
    """Average precision (area under the precision-recall step curve).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels of any sortable type, or a multi-label
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, k)
        As in :func:`roc_auc`: binary scores (or a ``(n, 2)`` matrix),
        multi-class probabilities, or multi-label scores.
    average : {"macro", "micro", "weighted", None}, default="macro"
        As in :func:`roc_auc`.
    labels : array-like of shape (k,), optional
        Multi-class: the class value of each score column, in column order.
    pos_label : int, bool or str, optional
        Binary: the positive class. Needed unless the labels are {0, 1},
        {-1, 1} or {False, True}.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample in the precision and recall
        counts (samples of weight 0 add no threshold).
    undefined : {"raise", "warn"}, default="raise"
        A class (label, row) without positives: a ``ValueError`` naming it,
        or, with ``"warn"``, AP 0 and an :class:`UndefinedMetricWarning`, as
        scikit-learn.

    Returns
    -------
    float or ndarray of shape (k,)
        Between 0 and 1 (per column when ``average=None``).

    Raises
    ------
    ValueError
        If a class or label has no positive samples (the message names it),
        if multi-class rows are not probabilities, or if the positive class of
        a binary problem is not obvious.

    Notes
    -----
    ``AP = sum_n (R_n - R_{n-1}) P_n`` over the distinct score values taken as
    thresholds (``score >= t`` is positive), without interpolation: the same
    number as scikit-learn's ``average_precision_score`` (multi-class input is
    one-vs-rest, as scikit-learn does by binarising the labels). Tied scores
    enter as one threshold. A column with no positives raises a ``ValueError``
    (scikit-learn warns and counts it as 0); a column with no negatives has
    AP 1. Unlike ROC AUC, AP depends on prevalence: a random ranking scores
    about the fraction of positives, not 0.5. scikit-learn's default
    ``pos_label=1`` takes 1 as positive for labels such as {1, 2}; here
    ``pos_label`` must then be given.

    Examples
    --------
    >>> average_precision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.8333333333333333
    """
    _check_average(average)
    check_choice(undefined, "undefined", _UNDEFINED)
    check_pos_label_fixed(y_true, y_score, pos_label)
    inp = _read(
        y_true,
        y_score,
        labels=labels,
        pos_label=pos_label,
        require_probabilities=True,
        multiclass_ok=True,
    )
    weight = _weights(sample_weight, inp.n_samples)
    return _area(inp, "average precision", average, weight, undefined)


roc_auc.__doc__ = roc_auc.__doc__.replace(
    "\n    Examples\n", _OVR_NOTE + "\n    Examples\n", 1
)
average_precision.__doc__ = average_precision.__doc__.replace(
    "\n    Examples\n", _OVR_NOTE + "\n    Examples\n", 1
)
