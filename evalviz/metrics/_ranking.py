"""Ranking metrics: ROC and PR curves, AUC, average precision, top-k.

Everything here is exact and numpy only. The AUC and average precision of many
columns (one-vs-rest classes or multi-label labels) are computed from one sort
per column: AUC is the Mann-Whitney U statistic with tie-averaged ranks, and
average precision is summed over the distinct score values, as scikit-learn
does. Columns are processed in chunks, so the extra memory stays a small
fraction of the score matrix.
"""

from __future__ import annotations

import numpy as np

from .._validation import (
    as_array,
    check_binary,
    check_choice,
    check_k,
    check_labels,
    check_scores,
    target_kind,
)

__all__ = [
    "roc_curve",
    "precision_recall_curve",
    "roc_auc",
    "average_precision",
    "top_k_accuracy",
    "precision_at_k",
    "recall_at_k",
    "rank_of_true_class",
    "top_k_accuracy_curve",
    "label_hits_at_k",
    "micro_auc_by_label",
]

_AVERAGES = ("macro", "micro", "weighted", None)

# Cells per chunk of transposed columns (float32: 16 MiB) and per block of rows.
_CHUNK_CELLS = 1 << 22
_ROW_BLOCK = 1024
# At least 16 columns per chunk: one 64-byte cache line of float32 per row read.
_MIN_WIDTH = 16


# ---------------------------------------------------------------------------
# Input handling
# ---------------------------------------------------------------------------


def _native_scores(y_score, *, check_finite=True) -> np.ndarray | None:
    """Scores as float32 (kept) or float64, or None when the slow path must judge.

    ``target_kind`` converts every score matrix to float64 and checks 0/1
    indicators element by element; at a million cells that costs more than the
    metric itself. This fast path accepts the common, clean inputs and leaves
    everything unusual (NaN, odd shapes, float indicators) to ``target_kind``,
    whose messages then explain the problem.
    """
    try:
        arr = np.asarray(y_score)
    except Exception:
        return None
    if arr.ndim != 2 or arr.size == 0 or arr.shape[1] < 3:
        return None
    if arr.dtype == np.float16:
        arr = arr.astype(np.float32)
    elif arr.dtype not in (np.float32, np.float64):
        return None
    # min / max propagate NaN and show infinities without a full-size temporary.
    # Callers that sort every column anyway check the ends of the sorted rows.
    if check_finite and not (np.isfinite(arr.min()) and np.isfinite(arr.max())):
        return None
    return arr


def _kind(y_true, y_score, *, check_finite=True):
    """``target_kind`` with a fast path that keeps float32 scores as they are.

    Returns ``(kind, truth, score)`` exactly as ``target_kind`` does, except that
    float32 scores stay float32 and multi-label truth is an int8 / bool matrix.
    With ``check_finite=False`` the caller promises to pass every 2-D score
    through :func:`_require_finite_sorted` after sorting it.
    """
    score = _native_scores(y_score, check_finite=check_finite)
    if score is None:
        return target_kind(y_true, y_score)
    raw = as_array(y_true, "y_true")
    if raw.ndim == 2 and raw.shape[1] > 1:
        if raw.dtype == bool:
            truth = raw.view(np.uint8)
        elif np.issubdtype(raw.dtype, np.integer) and raw.min() >= 0 and raw.max() <= 1:
            truth = raw.astype(np.int8, copy=False)
        else:
            return target_kind(y_true, y_score)
        if truth.shape != score.shape:
            return target_kind(y_true, y_score)
        return "multilabel", truth, score
    if raw.ndim == 1 and raw.shape[0] == score.shape[0]:
        truth = check_labels(raw)
        if truth.max() < score.shape[1]:
            return "multiclass", truth, score
    return target_kind(y_true, y_score)


def _check_average(average) -> None:
    check_choice(average, "average", _AVERAGES)


# ---------------------------------------------------------------------------
# Curves (binary)
# ---------------------------------------------------------------------------


def _binary_counts(truth01: np.ndarray, score: np.ndarray):
    """True / false positive counts at each distinct threshold, highest first."""
    order = np.argsort(score, kind="mergesort")[::-1]
    score = score[order]
    truth = truth01[order]
    distinct = np.flatnonzero(np.diff(score))
    idx = np.r_[distinct, truth.size - 1]
    tps = np.cumsum(truth, dtype=np.float64)[idx]
    fps = 1.0 + idx - tps
    return fps, tps, score[idx]


def roc_curve(y_true, y_score, *, pos_label=1):
    """Receiver operating characteristic curve of a binary problem.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary targets.
    y_score : array-like of shape (n_samples,)
        Scores; a higher score means "more likely positive".
    pos_label : int, default=1
        The value of ``y_true`` that marks a positive sample.

    Returns
    -------
    fpr, tpr : ndarray of shape (n_thresholds + 1,)
        False and true positive rates of the rule ``score >= threshold``.
    thresholds : ndarray of shape (n_thresholds + 1,)
        Decreasing; the first one is ``inf`` (nothing predicted positive), the
        others are the distinct values of ``y_score``.

    Notes
    -----
    The same points as scikit-learn's ``roc_curve(..., drop_intermediate=False)``:
    one point per distinct score, so tied scores move the curve diagonally.
    Both classes must be present, otherwise one of the rates is undefined and a
    ``ValueError`` says which.
    """
    truth, score = check_binary(y_true, y_score, pos_label=pos_label)
    _require_both(truth, "y_true", "ROC curve")
    fps, tps, thresholds = _binary_counts(truth, score)
    fps = np.r_[0.0, fps]
    tps = np.r_[0.0, tps]
    thresholds = np.r_[np.inf, thresholds.astype(np.float64)]
    return fps / fps[-1], tps / tps[-1], thresholds


def precision_recall_curve(y_true, y_score, *, pos_label=1):
    """Precision-recall pairs for every distinct threshold of a binary problem.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary targets.
    y_score : array-like of shape (n_samples,)
        Scores; a higher score means "more likely positive".
    pos_label : int, default=1
        The value of ``y_true`` that marks a positive sample.

    Returns
    -------
    precision, recall : ndarray of shape (n_thresholds + 1,)
        Precision and recall of ``score >= thresholds[i]``; the last point is
        precision 1, recall 0 (no threshold), as in scikit-learn.
    thresholds : ndarray of shape (n_thresholds,)
        Increasing distinct values of ``y_score``.

    Notes
    -----
    The same arrays as scikit-learn's ``precision_recall_curve``. Precision at a
    threshold where nothing is predicted positive is 0. ``y_true`` must contain
    at least one positive (recall divides by their number).
    """
    truth, score = check_binary(y_true, y_score, pos_label=pos_label)
    _require_positive(truth, "y_true", "precision-recall curve")
    fps, tps, thresholds = _binary_counts(truth, score)
    predicted = tps + fps
    precision = np.divide(tps, predicted, out=np.zeros_like(tps), where=predicted != 0)
    recall = tps / tps[-1]
    return (
        np.r_[precision[::-1], 1.0],
        np.r_[recall[::-1], 0.0],
        thresholds[::-1].astype(np.float64),
    )


def _require_both(truth01, what, metric):
    n_pos = int(np.count_nonzero(truth01))
    if n_pos == 0 or n_pos == truth01.size:
        missing = "positive" if n_pos == 0 else "negative"
        raise ValueError(
            f"{what} has no {missing} samples ({n_pos} of {truth01.size} positive); "
            f"the {metric} needs both: check pos_label and that this split contains "
            "both classes"
        )


def _require_positive(truth01, what, metric):
    if int(np.count_nonzero(truth01)) == 0:
        raise ValueError(
            f"{what} has no positive samples (0 of {truth01.size}); the {metric} "
            "divides by the number of positives: check pos_label and that this "
            "split contains the positive class"
        )


# ---------------------------------------------------------------------------
# Per-column AUC / AP from one sort per column
# ---------------------------------------------------------------------------


def _flat_positives(truth: np.ndarray) -> np.ndarray:
    """``np.flatnonzero(truth)``, skipping zero bytes eight at a time."""
    flat = truth.reshape(-1)
    if flat.dtype.itemsize != 1 or flat.size % 8 or not flat.flags.c_contiguous:
        return np.flatnonzero(flat)
    words = np.flatnonzero(flat.view(np.uint64))
    r, c = np.nonzero(flat.reshape(-1, 8)[words])
    return words[r] * 8 + c


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


def _require_finite_sorted(block: np.ndarray, score: np.ndarray) -> None:
    """Rows of ``block`` are sorted: NaN and infinities sit at their ends."""
    if not (np.isfinite(block[..., 0]).all() and np.isfinite(block[..., -1]).all()):
        check_scores(score)  # raises the shared message naming the first bad cell


def _sorted_column_chunks(score: np.ndarray):
    """Yield ``(j0, block)``: columns ``j0..`` of ``score`` as sorted rows."""
    n, k = score.shape
    width = int(min(k, max(_MIN_WIDTH, _CHUNK_CELLS // max(n, 1))))
    buf = np.empty((width, n), dtype=score.dtype)
    for j0 in range(0, k, width):
        w = min(width, k - j0)
        block = buf[:w]
        # Copy the columns in row blocks so that reads stay in cache.
        for r0 in range(0, n, _ROW_BLOCK):
            r1 = min(n, r0 + _ROW_BLOCK)
            np.copyto(block[:, r0:r1], score[r0:r1, j0 : j0 + w].T)
        block.sort(axis=1)
        _require_finite_sorted(block, score)
        yield j0, block


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
    """Per-column AUC and AP arrays and the number of positives per column."""
    n, k = score.shape
    values, starts = _positives_by_column(kind, truth, score)
    n_pos = np.diff(starts)
    aucs = np.full(k, np.nan)
    aps = np.full(k, np.nan)
    usable = (n_pos > 0) & (n_pos < n) if want_auc else n_pos > 0
    for j0, block in _sorted_column_chunks(score):
        for i in range(block.shape[0]):
            j = j0 + i
            if not usable[j]:
                continue
            aucs[j], aps[j] = _auc_ap_sorted(
                block[i], values[starts[j] : starts[j + 1]], want_auc, want_ap
            )
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
    _require_finite_sorted(a, score)
    return _auc_ap_sorted(a, pos, want_auc, want_ap)


def _name_classes(kind, columns) -> str:
    word = "class" if kind == "multiclass" else "label (column)"
    shown = ", ".join(str(int(c)) for c in columns[:5])
    more = f" and {len(columns) - 5} more" if len(columns) > 5 else ""
    return f"{word} {shown}{more}"


def _check_columns(kind, n_pos, n, metric, *, need_negatives):
    no_pos = np.flatnonzero(n_pos == 0)
    if no_pos.size:
        where = "y_true" if kind == "multilabel" else "y_true's labels"
        raise ValueError(
            f"{_name_classes(kind, no_pos)} has no positive samples in {where}, so "
            f"its {metric} is undefined; evaluate on data that contains every "
            "class, drop those score columns (and indicator columns), or use "
            "average='micro'"
        )
    if need_negatives:
        no_neg = np.flatnonzero(n_pos == n)
        if no_neg.size:
            raise ValueError(
                f"{_name_classes(kind, no_neg)} has no negative samples in y_true "
                f"(every sample is positive), so its {metric} is undefined; drop "
                "that column or evaluate on data where it is sometimes absent"
            )


def _averaged(kind, truth, score, average, metric):
    """Shared body of roc_auc and average_precision for 2-D input."""
    want_auc = metric == "ROC AUC"
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
    _check_columns(kind, n_pos, n, metric, need_negatives=want_auc)
    per_class = aucs if want_auc else aps
    if average is None:
        return per_class
    if average == "weighted":
        return float(np.average(per_class, weights=n_pos))
    return float(np.mean(per_class))


def roc_auc(y_true, y_score, *, average="macro"):
    """Exact area under the ROC curve: binary, multi-class or multi-label.

    Parameters
    ----------
    y_true : array-like
        Binary 0/1 labels of shape (n_samples,); class labels 0..k-1 of shape
        (n_samples,) for a multi-class problem; or a 0/1 indicator matrix of
        shape (n_samples, n_labels) for a multi-label problem.
    y_score : array-like
        Shape (n_samples,) for a binary problem (the positive class's score),
        otherwise (n_samples, k): one column per class or label.
    average : {"macro", "micro", "weighted", None}, default="macro"
        How to combine the per-column AUCs (ignored for binary input):
        ``"macro"`` is their plain mean, ``"weighted"`` weights each by its
        number of positives, ``"micro"`` pools every (sample, column) cell into
        one binary problem, ``None`` returns the per-column array.

    Returns
    -------
    float or ndarray of shape (k,)

    Notes
    -----
    AUC is the probability that a randomly chosen positive is scored above a
    randomly chosen negative, ties counting one half. It is computed exactly as
    the Mann-Whitney U statistic with tie-averaged ranks from one sort per
    column, and equals scikit-learn's ``roc_auc_score(..., multi_class="ovr")``
    (multi-class micro: ``roc_auc_score(label_binarize(y_true), y_score,
    average="micro")``). Multi-class is one-vs-rest: class ``j``'s positives are
    the samples labelled ``j`` and its negatives all others. Unlike
    scikit-learn, multi-class scores need not sum to one. Every column needs at
    least one positive and one negative (except for ``"micro"``), otherwise a
    ``ValueError`` names the column. float32 scores are sorted as float32 (no
    float64 copy).
    """
    _check_average(average)
    kind, truth, score = _kind(y_true, y_score, check_finite=False)
    if kind == "binary":
        truth = truth.astype(np.int8, copy=False)
        _require_both(truth, "y_true", "ROC AUC")
        pos = np.sort(score[truth == 1])
        auc, _ = _auc_ap_sorted(np.sort(score), pos, True, False)
        return float(auc)
    return _averaged(kind, truth, score, average, "ROC AUC")


def average_precision(y_true, y_score, *, average="macro"):
    """Average precision (area under the precision-recall step curve).

    Parameters
    ----------
    y_true : array-like
        Binary 0/1 labels (n_samples,), multi-class labels (n_samples,) or a
        multi-label 0/1 indicator matrix (n_samples, n_labels).
    y_score : array-like
        (n_samples,) for binary input, otherwise (n_samples, k).
    average : {"macro", "micro", "weighted", None}, default="macro"
        As in :func:`roc_auc`.

    Returns
    -------
    float or ndarray of shape (k,)

    Notes
    -----
    ``AP = sum_n (R_n - R_{n-1}) P_n`` over the distinct score values taken as
    thresholds (``score >= t`` is positive), without interpolation: the same
    number as scikit-learn's ``average_precision_score`` (multi-class input is
    one-vs-rest, as scikit-learn does by binarising the labels). Tied scores
    enter as one threshold. A column with no positives raises a ``ValueError``
    (scikit-learn warns and counts it as 0); a column with no negatives has
    AP 1. Unlike ROC AUC, AP depends on prevalence: a random ranking scores
    about the fraction of positives, not 0.5.
    """
    _check_average(average)
    kind, truth, score = _kind(y_true, y_score, check_finite=False)
    if kind == "binary":
        truth = truth.astype(np.int8, copy=False)
        _require_positive(truth, "y_true", "average precision")
        pos = np.sort(score[truth == 1])
        _, ap = _auc_ap_sorted(np.sort(score), pos, False, True)
        return float(ap)
    return _averaged(kind, truth, score, average, "average precision")


# ---------------------------------------------------------------------------
# Top-k
# ---------------------------------------------------------------------------


def _topk_input(y_true, y_score, k, metric):
    kind, truth, score = _kind(y_true, y_score)
    if kind == "binary":
        raise ValueError(
            f"{metric} needs one score column per class (y_score of shape "
            "(n_samples, n_classes) with at least 3 classes); with a single score "
            "column top-1 is plain accuracy at a threshold and top-2 is always 1"
        )
    k = check_k(k, score.shape[1])
    return kind, truth, score, k


def _rank0_of_true(truth: np.ndarray, score: np.ndarray) -> np.ndarray:
    """0-based position of the true class in each row's descending order.

    Ties are broken towards the higher class index (scikit-learn's order).
    """
    n, k = score.shape
    rank = np.empty(n, dtype=np.int64)
    cols = np.arange(k)
    for r0 in range(0, n, _ROW_BLOCK):
        r1 = min(n, r0 + _ROW_BLOCK)
        s = score[r0:r1]
        y = truth[r0:r1]
        own = s[np.arange(r1 - r0), y][:, None]
        above = np.count_nonzero(s > own, axis=1)
        tied_after = np.count_nonzero((s == own) & (cols > y[:, None]), axis=1)
        rank[r0:r1] = above + tied_after
    return rank


def _in_top_k(score: np.ndarray, k: int) -> np.ndarray:
    """Boolean mask of the k highest scores per row (ties: higher index first)."""
    n, m = score.shape
    kth = np.partition(score, m - k, axis=1)[:, m - k][:, None]
    mask = score >= kth
    over = np.flatnonzero(np.count_nonzero(mask, axis=1) > k)
    if over.size:
        # The tie at the k-th value straddles the cut: keep the highest indices.
        s = score[over]
        t = kth[over]
        above = s > t
        room = k - np.count_nonzero(above, axis=1)
        tied = s == t
        from_right = np.cumsum(tied[:, ::-1], axis=1)[:, ::-1]
        mask[over] = above | (tied & (from_right <= room[:, None]))
    return mask


def _positives_in_top_k(truth: np.ndarray, score: np.ndarray, k: int):
    """For every positive cell of a multi-label indicator: is it in its row's top k?

    Returns ``(rows, cols, inside)``. Only the k-th highest score of each row is
    computed over the whole matrix; rows where a positive ties with that value
    are settled exactly with :func:`_in_top_k`.
    """
    n, m = score.shape
    kth = np.empty(n, dtype=score.dtype)
    for r0 in range(0, n, _ROW_BLOCK):
        r1 = min(n, r0 + _ROW_BLOCK)
        kth[r0:r1] = np.partition(score[r0:r1], m - k, axis=1)[:, m - k]
    rows, cols = np.divmod(_flat_positives(truth), m)
    values = score[rows, cols]
    cut = kth[rows]
    inside = values > cut
    tied = values == cut
    if tied.any():
        tie_rows = np.unique(rows[tied])
        mask = _in_top_k(score[tie_rows], k)
        where = tied.nonzero()[0]
        local = np.searchsorted(tie_rows, rows[where])
        inside[where] = mask[local, cols[where]]
    return rows, cols, inside


def _label_hits(kind, truth, score, k):
    """Per row: how many true labels are in the top k, and how many there are."""
    n = score.shape[0]
    if kind == "multiclass":
        hits = (_rank0_of_true(truth, score) < k).astype(np.int64)
        return hits, np.ones(n, dtype=np.int64)
    rows, _, inside = _positives_in_top_k(truth, score, k)
    hits = np.bincount(rows[inside], minlength=n).astype(np.int64)
    n_true = np.bincount(rows, minlength=n).astype(np.int64)
    return hits, n_true


_TIE_NOTE = """
    Ties: among equal scores the class with the higher index is ranked first,
    which is the order scikit-learn's ``top_k_accuracy_score`` uses (a stable
    sort, reversed); with all scores equal, top-1 picks the last class.
    TensorFlow's ``in_top_k`` instead counts every class tied at the k-th
    score as inside the top k.
"""


def top_k_accuracy(y_true, y_score, k):
    """Fraction of samples whose true class (or any true label) is in the top k.

    Parameters
    ----------
    y_true : array-like
        Class labels 0..n_classes-1 of shape (n_samples,), or a multi-label 0/1
        indicator matrix of shape (n_samples, n_labels).
    y_score : array-like of shape (n_samples, n_classes)
        One score per class; only their order within a row matters.
    k : int
        How many of the highest-scored classes count as a guess, 1 <= k <=
        n_classes.

    Returns
    -------
    float

    Notes
    -----
    Multi-class: equal to scikit-learn's ``top_k_accuracy_score``; top-1 is the
    argmax accuracy. Multi-label: a sample is a hit when at least one of its
    true labels is among its k highest scores; a sample with no true label is
    never a hit. (Keras' ``TopKCategoricalAccuracy`` on a multi-label target
    takes the argmax of ``y_true``, i.e. it checks only the first true label.)
    """
    kind, truth, score, k = _topk_input(y_true, y_score, k, "top-k accuracy")
    hits, _ = _label_hits(kind, truth, score, k)
    return float(np.mean(hits > 0))


top_k_accuracy.__doc__ += _TIE_NOTE


def precision_at_k(y_true, y_score, k):
    """Mean over samples of (true labels among the k highest scores) / k.

    Parameters
    ----------
    y_true : array-like
        Multi-label 0/1 indicator (n_samples, n_labels), or multi-class labels
        (n_samples,) (then precision@k = top-k accuracy / k).
    y_score : array-like of shape (n_samples, n_labels)
    k : int

    Returns
    -------
    float

    Notes
    -----
    The denominator is always k, even when a sample has fewer than k true
    labels (so a perfect model can score below 1); a sample with no true label
    contributes 0.
    """
    kind, truth, score, k = _topk_input(y_true, y_score, k, "precision@k")
    hits, _ = _label_hits(kind, truth, score, k)
    return float(np.mean(hits / k))


precision_at_k.__doc__ += _TIE_NOTE


def recall_at_k(y_true, y_score, k):
    """Mean over samples of (true labels among the k highest scores) / (true labels).

    Parameters
    ----------
    y_true : array-like
        Multi-label 0/1 indicator (n_samples, n_labels), or multi-class labels
        (n_samples,) (then recall@k = top-k accuracy).
    y_score : array-like of shape (n_samples, n_labels)
    k : int

    Returns
    -------
    float

    Notes
    -----
    Samples with no true label are left out of the mean (their recall is 0/0);
    if no sample has a true label a ``ValueError`` is raised.
    """
    kind, truth, score, k = _topk_input(y_true, y_score, k, "recall@k")
    hits, n_true = _label_hits(kind, truth, score, k)
    keep = n_true > 0
    if not keep.any():
        raise ValueError(
            "y_true has no true labels in any sample, so recall@k is undefined; "
            "check that y_true is the indicator matrix of the true labels"
        )
    return float(np.mean(hits[keep] / n_true[keep]))


recall_at_k.__doc__ += _TIE_NOTE


def _best_true_rank0(truth: np.ndarray, score: np.ndarray) -> np.ndarray:
    """0-based rank of each row's best-ranked true label (m for rows with none)."""
    n, m = score.shape
    rank = np.empty(n, dtype=np.int64)
    cols = np.arange(m)
    for r0 in range(0, n, _ROW_BLOCK):
        r1 = min(n, r0 + _ROW_BLOCK)
        s = score[r0:r1]
        t = truth[r0:r1] != 0
        masked = np.where(t, s, -np.inf)
        best = masked.max(axis=1)
        # Among true labels tied at the best score, the highest index ranks first.
        best_col = m - 1 - np.argmax((masked == best[:, None])[:, ::-1], axis=1)
        above = np.count_nonzero(s > best[:, None], axis=1)
        tied_after = np.count_nonzero(
            (s == best[:, None]) & (cols > best_col[:, None]), axis=1
        )
        has = t.any(axis=1)
        rank[r0:r1] = np.where(has, above + tied_after, m)
    return rank


def rank_of_true_class(y_true, y_score):
    """Rank of the true class in each sample's scores (1 = highest score).

    Parameters
    ----------
    y_true : array-like
        Class labels 0..n_classes-1 of shape (n_samples,), or a multi-label 0/1
        indicator matrix of shape (n_samples, n_labels).
    y_score : array-like of shape (n_samples, n_classes)

    Returns
    -------
    ndarray of int64, shape (n_samples,)
        ``rank <= k`` exactly when the sample is a top-k hit, so
        ``np.mean(rank <= k) == top_k_accuracy(y_true, y_score, k)``.

    Notes
    -----
    Multi-label input: the rank of the sample's best-ranked true label; a sample
    with no true label gets ``n_labels + 1`` (never a hit).
    """
    kind, truth, score = _kind(y_true, y_score)
    if kind == "binary":
        raise ValueError(
            "rank_of_true_class needs one score column per class (y_score of shape "
            "(n_samples, n_classes) with at least 3 classes); got a binary problem "
            "with a single score column"
        )
    if kind == "multiclass":
        return _rank0_of_true(truth, score) + 1
    return _best_true_rank0(truth, score) + 1


rank_of_true_class.__doc__ += _TIE_NOTE


def top_k_accuracy_curve(y_true, y_score, *, max_k=10):
    """Top-k accuracy for every k = 1..max_k from one pass over the scores.

    Parameters
    ----------
    y_true : array-like
        Multi-class labels (n_samples,) or multi-label indicator (n_samples,
        n_labels).
    y_score : array-like of shape (n_samples, n_classes)
    max_k : int, default=10
        Largest k; capped at the number of classes.

    Returns
    -------
    ndarray of shape (max_k,)
        Element ``k - 1`` equals ``top_k_accuracy(y_true, y_score, k)``.

    Notes
    -----
    Computed from :func:`rank_of_true_class`: the share of samples whose true
    class (multi-label: best-ranked true label) has rank at most k.
    """
    kind, truth, score = _kind(y_true, y_score)
    if kind == "binary":
        raise ValueError(
            "top_k_accuracy_curve needs one score column per class (y_score of "
            "shape (n_samples, n_classes) with at least 3 classes)"
        )
    max_k = check_k(max_k, score.shape[1], name="max_k")
    rank0 = (
        _rank0_of_true(truth, score)
        if kind == "multiclass"
        else _best_true_rank0(truth, score)
    )
    counts = np.bincount(np.minimum(rank0, max_k), minlength=max_k + 1)[:max_k]
    return np.cumsum(counts) / rank0.size


def _top_1(score: np.ndarray) -> np.ndarray:
    """Top-1 class per row in the same tie order (ties: the higher index)."""
    return score.shape[1] - 1 - np.argmax(score[:, ::-1], axis=1)


def label_hits_at_k(y_true, y_score, k):
    """Per label: how many of its positives are among their sample's top k.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        Multi-label 0/1 indicator (multi-class labels are accepted too).
    y_score : array-like of shape (n_samples, n_labels)
    k : int

    Returns
    -------
    ndarray of int64, shape (n_labels,)
        Divide by ``y_true.sum(axis=0)`` for each label's recall at k: the
        share of its positives that a top-k list would show.

    Notes
    -----
    The same top-k sets (and tie order) as :func:`top_k_accuracy`.
    """
    kind, truth, score, k = _topk_input(y_true, y_score, k, "label_hits_at_k")
    n, m = score.shape
    if kind == "multiclass":
        hit = _rank0_of_true(truth, score) < k
        return np.bincount(truth[hit], minlength=m).astype(np.int64)
    _, cols, inside = _positives_in_top_k(truth, score, k)
    return np.bincount(cols[inside], minlength=m).astype(np.int64)


def micro_auc_by_label(y_true, y_score):
    """Each label's share of the micro-averaged ROC AUC.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        Multi-label 0/1 indicator, or multi-class labels (one-vs-rest cells).
    y_score : array-like of shape (n_samples, n_labels)

    Returns
    -------
    ndarray of shape (n_labels,)
        Element ``j``: the probability that a random positive cell of label
        ``j`` scores above a random negative cell of *any* label (ties half);
        NaN for a label without positives.

    Notes
    -----
    The micro average pools every (sample, label) cell into one binary
    problem, so it compares scores across labels. Its AUC is the mean of this
    array weighted by each label's number of positives:
    ``np.average(parts[has], weights=n_pos[has]) == roc_auc(..., average="micro")``.
    Frequent labels therefore dominate the micro average, and a label scores
    well here when its positives outscore the other labels' negatives, which is
    not the same as ranking its own positives above its own negatives (its
    per-label AUC).
    """
    kind, truth, score = _kind(y_true, y_score, check_finite=False)
    if kind == "binary":
        raise ValueError(
            "micro_auc_by_label needs one score column per label (y_score of shape "
            "(n_samples, n_labels))"
        )
    n, m = score.shape
    if kind == "multiclass":
        rows, cols = np.arange(n), truth
    else:
        rows, cols = np.divmod(_flat_positives(truth), m)
    values = score[rows, cols]
    n_neg = score.size - values.size
    if values.size == 0 or n_neg == 0:
        raise ValueError(
            "y_true needs both positive and negative cells for the micro AUC; got "
            f"{values.size} positive of {score.size}"
        )
    every = np.sort(score, axis=None)
    _require_finite_sorted(every, score)
    positives = np.sort(values)
    left = np.searchsorted(every, values, "left") - np.searchsorted(
        positives, values, "left"
    )
    right = np.searchsorted(every, values, "right") - np.searchsorted(
        positives, values, "right"
    )
    # Negatives strictly below, plus half of the tied negatives: (left + right) / 2.
    wins2 = np.bincount(cols, weights=(left + right).astype(np.float64), minlength=m)
    n_pos = np.bincount(cols, minlength=m)
    with np.errstate(invalid="ignore", divide="ignore"):
        return wins2 / (2.0 * n_pos * n_neg)
