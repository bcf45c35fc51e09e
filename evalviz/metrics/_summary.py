"""The counts behind ``evalviz.explain``: how each sample ranks, and where metrics part.

Everything the explainer quotes is computed here, so that its sentences and
the metric functions read the same inputs by the same rules: per-class
counts, AUC / AP and how well each class's positives rank; top-k hits and the
samples where top-k and AUC disagree; which classes top-k leans on. numpy
only.

Tie rule: a prediction (argmax) and a top-k list are decided by the scores,
ties going to the lowest class index (numpy's ``argmax``, scikit-learn's
``predict``), so top-1 accuracy always equals argmax accuracy.
"""

from __future__ import annotations

import numpy as np

from .._validation import check_k, check_threshold, read_inputs
from ._counting import accuracy, confusion_matrix, precision_recall_f1
from ._ranking import average_precision, roc_auc
from ._sweep import at_or_above

__all__ = [
    "share_of_negatives_beaten",
    "binary_summary",
    "class_summary",
    "top_k_summary",
    "frequency_summary",
]

# Columns transposed at a time when sorting each class's scores.
_BLOCK = 64
# Rows per block when ranking the true class within each row.
_ROW_BLOCK = 1024


def _share_beaten(pos: np.ndarray, neg: np.ndarray) -> np.ndarray:
    """For each positive score: the share of negative scores below it (ties half)."""
    if neg.size == 0:
        return np.full(pos.shape, np.nan)
    neg = np.sort(neg)
    below = np.searchsorted(neg, pos, side="left")
    not_above = np.searchsorted(neg, pos, side="right")
    return (below + not_above) / (2.0 * neg.size)


def _column_shares(Y: np.ndarray, S: np.ndarray) -> np.ndarray:
    """Share of the column's negatives beaten by each positive cell (NaN elsewhere)."""
    out = np.full(S.shape, np.nan)
    for start in range(0, S.shape[1], _BLOCK):
        # Contiguous rows per class: much faster than strided column slices.
        YT = np.ascontiguousarray(Y[:, start : start + _BLOCK].T, dtype=bool)
        ST = np.ascontiguousarray(S[:, start : start + _BLOCK].T)
        for j in range(YT.shape[0]):
            col, scores = YT[j], ST[j]
            if col.any() and not col.all():
                out[col, start + j] = _share_beaten(scores[col], scores[~col])
    return out


def share_of_negatives_beaten(y_true, y_score, *, pos_label=None):
    """For each positive sample: the share of negatives it outscores (ties half).

    Averaged over a class's positives this share is exactly the class's ROC
    AUC, so it shows which samples make the AUC high or low.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels, or a 0/1 multi-label indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores; multi-class rows must be probabilities (one-vs-rest).
    pos_label : object, optional
        The positive class of a binary problem (needed unless the labels are
        {0, 1}, {-1, 1} or {False, True}).

    Returns
    -------
    ndarray
        Binary: shape (n_samples,), NaN for the negatives. Multi-class: shape
        (n_samples,), each sample's share in its true class's column (the
        samples of the other classes are the negatives). Multi-label: shape
        (n_samples, n_labels), NaN where ``y_true`` is 0. NaN as well in a
        column without negatives.

    Raises
    ------
    ValueError
        When the inputs do not describe one problem (see the message), or
        when multi-class rows are not probabilities.

    Examples
    --------
    >>> from evalviz.metrics import share_of_negatives_beaten
    >>> share_of_negatives_beaten([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    array([nan, nan, 0.5, 1. ])
    """
    inp = read_inputs(y_true, y_score, pos_label=pos_label, require_probabilities=True)
    if inp.kind == "binary":
        out = np.full(inp.n_samples, np.nan)
        pos = inp.y == 1
        out[pos] = _share_beaten(inp.score[pos], inp.score[~pos])
        return out
    shares = _column_shares(inp.one_vs_rest(), inp.score)
    if inp.kind == "multiclass":
        return shares[np.arange(inp.n_samples), inp.y]
    return shares


def binary_summary(y_true, y_score, *, threshold=0.5, pos_label=None, high=0.9):
    """Counts, decision metrics, AUC / AP and how the positives rank (binary).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Two class labels.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        The positive class's score, or ``predict_proba``'s two columns.
    threshold : float, default=0.5
        A sample is predicted positive when its score is at least this.
    pos_label : object, optional
        The positive class (needed unless the labels are {0, 1}, {-1, 1} or
        {False, True}).
    high : float, default=0.9
        A positive "ranks high" when it outscores at least this share of the
        negatives.

    Returns
    -------
    dict
        ``n``, ``n_pos``, ``n_neg``, ``tp``, ``fp``, ``fn``, ``tn`` (ints);
        ``accuracy``, ``precision``, ``recall``, ``f1``, ``fpr`` (false positive
        rate), ``prevalence`` (share of positives), ``auc`` and ``ap`` (NaN
        when undefined: both need positives and negatives);
        ``n_high`` (positives ranking high), ``n_missed_high`` (missed
        positives ranking high); ``share`` (per sample, as
        :func:`share_of_negatives_beaten`).

    Raises
    ------
    ValueError
        When the labels are not binary, or the positive class is not obvious
        and ``pos_label`` is not given.

    Examples
    --------
    >>> from evalviz.metrics import binary_summary
    >>> s = binary_summary([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8])
    >>> s["tp"], s["fp"], s["auc"]
    (1, 1, 0.75)
    """
    threshold = check_threshold(threshold)
    inp = read_inputs(y_true, y_score, pos_label=pos_label, kind="binary")
    y, score = inp.y, inp.score
    pos = y == 1
    decided = at_or_above(score, threshold)
    tp = int(np.count_nonzero(decided & pos))
    fp = int(np.count_nonzero(decided & ~pos))
    n_pos = int(np.count_nonzero(pos))
    n = inp.n_samples
    n_neg = n - n_pos
    both = 0 < n_pos < n
    share = np.full(n, np.nan)
    if both:
        share[pos] = _share_beaten(score[pos], score[~pos])
    ranks_high = np.nan_to_num(share, nan=-1.0) >= high
    p, r, f1, _ = precision_recall_f1(
        y, decided.astype(np.int8), average="binary", zero_division=0.0
    )
    return {
        "n": n,
        "n_pos": n_pos,
        "n_neg": n_neg,
        "tp": tp,
        "fp": fp,
        "fn": n_pos - tp,
        "tn": n_neg - fp,
        "accuracy": accuracy(y, decided.astype(np.int8)),
        "precision": float(p),
        "recall": float(r),
        "f1": float(f1),
        "fpr": fp / n_neg if n_neg else float("nan"),
        "prevalence": n_pos / n,
        "auc": float(roc_auc(y, score)) if both else float("nan"),
        "ap": float(average_precision(y, score)) if both else float("nan"),
        "n_high": int(np.count_nonzero(ranks_high)),
        "n_missed_high": int(np.count_nonzero(ranks_high & ~decided)),
        "share": share,
    }


def _ranking_per_class(Y: np.ndarray, S: np.ndarray):
    """Per-column AUC and AP (NaN where undefined) and their micro averages."""
    n, k = S.shape
    n_pos = Y.sum(axis=0).astype(np.int64)
    defined = (n_pos > 0) & (n_pos < n)
    auc = np.full(k, np.nan)
    ap = np.full(k, np.nan)
    cols = np.flatnonzero(defined)
    if cols.size == 1:
        j = int(cols[0])
        auc[j] = roc_auc(Y[:, j], S[:, j])
        ap[j] = average_precision(Y[:, j], S[:, j])
    elif cols.size > 1:
        auc[cols] = roc_auc(Y[:, cols], S[:, cols], average=None)
        ap[cols] = average_precision(Y[:, cols], S[:, cols], average=None)
    n_cells_pos = int(n_pos.sum())
    micro = float("nan")
    if 0 < n_cells_pos < Y.size and k > 1:
        micro = float(roc_auc(Y, S, average="micro"))
    return auc, ap, defined, micro


def _multiclass_counts(inp, every_class: bool):
    """Confusion matrix over all classes and precision / recall / F1 per class.

    The metrics see the classes present in y_true or the predictions
    (scikit-learn's default); with ``every_class`` the macro averages count
    the absent classes too, as 0 (scikit-learn's ``labels=`` with
    ``zero_division=0``). Absent classes get NaN per class unless counted.
    """
    k = inp.n_classes
    pred = inp.predictions()
    present = np.unique(np.concatenate([inp.y, pred]))
    cm = np.zeros((k, k), dtype=np.int64)
    cm[np.ix_(present, present)] = confusion_matrix(inp.y, pred, labels=present)
    counted = np.ones(k, dtype=bool) if every_class else np.isin(np.arange(k), present)
    per_class = []
    for value in precision_recall_f1(inp.y, pred, zero_division=0.0)[:3]:
        full = np.where(counted, 0.0, np.nan)
        full[present] = value
        per_class.append(full)
    macro = tuple(float(np.mean(v[counted])) for v in per_class)
    return cm, pred, counted, per_class, macro


def _decisions(inp, threshold, every_class):
    """Decided cells, per-class counts and the decision metrics of either kind."""
    Y = inp.one_vs_rest()
    n = inp.n_samples
    if inp.kind == "multiclass":
        cm, pred, counted, per_class, macro = _multiclass_counts(inp, every_class)
        tp = np.diag(cm).astype(np.int64)
        fp = cm.sum(axis=0).astype(np.int64) - tp
        decided = np.zeros(Y.shape, dtype=bool)
        decided[np.arange(n), pred] = True
        return Y, decided, tp, fp, cm, accuracy(inp.y, pred), counted, per_class, macro
    decided = at_or_above(inp.score, threshold)
    tp = np.count_nonzero(decided & (Y == 1), axis=0).astype(np.int64)
    fp = np.count_nonzero(decided & (Y == 0), axis=0).astype(np.int64)
    fn = Y.sum(axis=0).astype(np.int64) - tp
    exact = float(np.mean((decided == (Y == 1)).all(axis=1)))
    per_class = [
        _ratio(tp, tp + fp),
        _ratio(tp, tp + fn),
        _ratio(2 * tp, 2 * tp + fp + fn),
    ]
    macro = tuple(float(np.mean(v)) for v in per_class)
    counted = np.ones(inp.n_classes, dtype=bool)
    return Y, decided, tp, fp, None, exact, counted, per_class, macro


def _ratio(num, den):
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    out = np.zeros(np.broadcast(num, den).shape)
    np.divide(num, den, out=out, where=den != 0)
    return out


def class_summary(y_true, y_score, *, labels=None, threshold=0.5, high=0.9):
    """Per class: counts, precision / recall / F1, AUC, AP and how its positives rank.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Multi-class labels, or a 0/1 multi-label indicator matrix.
    y_score : array-like of shape (n_samples, n_classes)
        One score per class; multi-class rows must be probabilities.
    labels : array-like, optional
        The class values, in column order. When given, every listed class
        counts in the macro averages (scikit-learn's ``labels=``); otherwise
        only the classes present in ``y_true`` or in the predictions do.
    threshold : float, default=0.5
        Multi-label decisions are ``score >= threshold``; multi-class
        decisions are the argmax (ties: the lowest class index).
    high : float, default=0.9
        A positive "ranks high" when it outscores at least this share of its
        class's negatives.

    Returns
    -------
    dict
        Per class, arrays of shape (n_classes,): ``support`` (positives),
        ``n_neg``, ``tp``, ``fp``, ``fn``, ``precision``, ``recall``, ``f1``
        (NaN for a class left out of the macro averages), ``fpr``, ``auc``,
        ``ap`` (NaN where undefined: a class needs positives and negatives),
        ``n_high``, ``n_missed``, ``n_missed_high``, ``counted`` and
        ``defined`` (bool masks). Scalars: ``n``, ``accuracy`` (multi-label:
        exact match), ``macro_precision``, ``macro_recall``, ``macro_f1``,
        ``auc_macro``, ``ap_macro`` (over the defined classes), ``auc_micro``
        (all cells pooled), ``n_cells``, ``n_pos_cells``, ``n_neg_cells``, ``n_tied``
        (multi-class rows whose highest score is shared);
        ``confusion`` (multi-class, else None); ``share`` as
        :func:`share_of_negatives_beaten`.

    Raises
    ------
    ValueError
        When the inputs do not describe one multi-class or multi-label
        problem, or multi-class rows are not probabilities.

    Notes
    -----
    The macro precision, recall and F1 are scikit-learn's
    ``precision_recall_fscore_support(..., average="macro")`` with the same
    ``labels``; macro AUC and AP average the classes where they are defined.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import class_summary
    >>> p = np.array([[.8, .1, .1], [.2, .7, .1], [.6, .3, .1], [.1, .2, .7]])
    >>> s = class_summary([0, 1, 1, 2], p)
    >>> s["recall"].tolist(), s["accuracy"]
    ([1.0, 0.5, 1.0], 0.75)
    """
    threshold = check_threshold(threshold)
    inp = read_inputs(y_true, y_score, labels=labels, require_probabilities=True)
    if inp.kind == "binary":
        raise ValueError(
            "class_summary needs a multi-class or multi-label problem (y_score with "
            "one column per class); for two classes use binary_summary"
        )
    Y, decided, tp, fp, cm, acc, counted, per_class, macro = _decisions(
        inp, threshold, labels is not None
    )
    n = inp.n_samples
    support = Y.sum(axis=0).astype(np.int64)
    n_neg = n - support
    fn = support - tp
    precision, recall, f1 = per_class
    auc, ap, defined, micro = _ranking_per_class(Y, inp.score)
    shares = _column_shares(Y, inp.score)
    ranks_high = np.nan_to_num(shares, nan=-1.0) >= high
    missed = (Y == 1) & ~decided
    n_high = ranks_high.sum(axis=0).astype(np.int64)
    return {
        "n": n,
        "support": support,
        "n_neg": n_neg,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "fpr": _ratio(fp, n_neg),
        "n_predicted": tp + fp,
        "prevalence": support / n,
        "auc": auc,
        "ap": ap,
        "n_high": n_high,
        "high_share": np.where(defined, _ratio(n_high, support), np.nan),
        "n_missed": missed.sum(axis=0).astype(np.int64),
        "n_missed_high": (missed & ranks_high).sum(axis=0).astype(np.int64),
        "counted": counted,
        "defined": defined,
        "accuracy": float(acc),
        "macro_precision": float(macro[0]),
        "macro_recall": float(macro[1]),
        "macro_f1": float(macro[2]),
        "auc_macro": float(np.mean(auc[defined])) if defined.any() else float("nan"),
        "ap_macro": float(np.mean(ap[defined])) if defined.any() else float("nan"),
        "auc_micro": micro,
        "n_cells": int(Y.size),
        "n_pos_cells": int(support.sum()),
        "n_neg_cells": int(Y.size - support.sum()),
        "n_tied": inp.n_tied_rows() if inp.kind == "multiclass" else 0,
        "confusion": cm,
        "share": shares[np.arange(n), inp.y] if inp.kind == "multiclass" else shares,
    }


def _true_rank(kind: str, y: np.ndarray, S: np.ndarray):
    """Rank (1 = highest) of each row's best true class, ties to the lowest index.

    Returns ``(rank, best)``: ``best`` is the true class (multi-label: the
    best-ranked true label) or -1 for a row without a true label, whose rank
    is ``n_classes + 1``.
    """
    n, m = S.shape
    rank = np.empty(n, dtype=np.int64)
    best = np.empty(n, dtype=np.int64)
    cols = np.arange(m)
    for r0 in range(0, n, _ROW_BLOCK):
        r1 = min(n, r0 + _ROW_BLOCK)
        s = S[r0:r1]
        if kind == "multiclass":
            b = y[r0:r1]
            has = np.ones(r1 - r0, dtype=bool)
        else:
            t = y[r0:r1] != 0
            low = -np.inf if s.dtype.kind == "f" else np.iinfo(s.dtype).min
            # the best true label: highest score, ties to the lowest index
            b = np.argmax(np.where(t, s, low), axis=1)
            has = t.any(axis=1)
        own = s[np.arange(r1 - r0), b][:, None]
        above = np.count_nonzero(s > own, axis=1)
        tied_before = np.count_nonzero((s == own) & (cols < b[:, None]), axis=1)
        rank[r0:r1] = np.where(has, above + tied_before + 1, m + 1)
        best[r0:r1] = np.where(has, b, -1)
    return rank, best


def top_k_summary(y_true, y_score, k, *, high=0.9, share=None):
    """Top-k hits with the argmax's tie rule, and where top-k and AUC disagree.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Multi-class labels, or a 0/1 multi-label indicator matrix (a hit is
        any true label among the k highest scores).
    y_score : array-like of shape (n_samples, n_classes)
        One score per class; only the order within a row matters for top-k,
        but the disagreement counts compare columns, so multi-class rows must
        be probabilities.
    k : int
        How many of the highest-scored classes count as a guess.
    high : float, default=0.9
        A sample "ranks high" when its true-class score outscores at least
        this share of the other samples in that class's column.
    share : ndarray, optional
        :func:`share_of_negatives_beaten` for these inputs, when already
        computed.

    Returns
    -------
    dict
        ``rank`` (per sample, 1 = highest; ties to the lowest class index),
        ``hit`` (bool per sample), ``credited`` (the true class credited with
        the hit, -1 for a miss); ints ``n``, ``n_hits``, ``n_top_1`` (top-1
        hits = argmax right), ``n_errors`` (top-1
        misses = argmax errors), ``n_rescued`` (argmax errors inside the top
        k), ``n_miss_high`` (top-k misses that rank high in their class's
        column), ``n_hit_low`` (hits that outscore fewer than half of that
        column); floats ``top_k`` and ``top_1`` (= argmax accuracy).

    Raises
    ------
    ValueError
        When ``k`` is not between 1 and the number of classes, or the inputs
        are not multi-class or multi-label scores.

    Notes
    -----
    Ties go to the lowest class index, in the top-k list as in the argmax,
    so ``top_1`` equals the argmax accuracy. (scikit-learn's
    ``top_k_accuracy_score`` ranks the higher index first on ties.)

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import top_k_summary
    >>> s = top_k_summary([0, 1, 2], np.full((3, 3), 1 / 3), 2)
    >>> s["rank"].tolist(), s["top_1"], s["n_rescued"]
    ([1, 2, 3], 0.3333333333333333, 1)
    """
    inp = read_inputs(y_true, y_score, require_probabilities=True)
    if inp.kind == "binary":
        raise ValueError(
            "top_k_summary needs one score column per class (y_score of shape "
            "(n_samples, n_classes) with at least 3 classes); with one score column "
            "top-1 is accuracy at a threshold"
        )
    k = check_k(k, inp.n_classes)
    rank, best = _true_rank(inp.kind, inp.y, inp.score)
    hit = rank <= k
    if share is None:
        share = share_of_negatives_beaten(inp.y, inp.score)
    share = np.asarray(share, dtype=np.float64)
    if share.ndim == 2:  # multi-label: the best share among the true labels
        with np.errstate(invalid="ignore"):
            share = np.fmax.reduce(share, axis=1, initial=-np.inf)
    share = np.where(np.isfinite(share), share, np.nan)
    return {
        "rank": rank,
        "hit": hit,
        "credited": np.where(hit, best, -1),
        "n": inp.n_samples,
        "n_hits": int(np.count_nonzero(hit)),
        "n_top_1": int(np.count_nonzero(rank == 1)),
        "n_errors": int(np.count_nonzero(rank > 1)),
        "n_rescued": int(np.count_nonzero((rank > 1) & hit)),
        "n_miss_high": int(np.count_nonzero(~hit & (share >= high))),
        "n_hit_low": int(np.count_nonzero(hit & (share < 0.5))),
        "top_k": float(np.mean(hit)),
        "top_1": float(np.mean(rank == 1)),
    }


def frequency_summary(support, auc, credited, *, top_share=0.1):
    """Which classes top-k leans on (the frequent ones) and which macro AUC weighs.

    Parameters
    ----------
    support : array-like of shape (n_classes,)
        Positives per class.
    auc : array-like of shape (n_classes,)
        Per-class ROC AUC, NaN where undefined (those classes are left out).
    credited : array-like of shape (n_samples,)
        The class credited with each top-k hit, -1 for a miss (as returned by
        :func:`top_k_summary`).
    top_share : float, default=0.1
        The share of classes counted as "the most frequent".

    Returns
    -------
    dict
        ``n_classes`` (classes with a defined AUC), ``n_frequent`` (the most
        frequent ``top_share`` of them, at least 1), ``positive_share`` (their
        share of all positives), ``hit_share`` (their share of the top-k hits,
        NaN without hits), ``auc_frequent`` (their mean AUC), ``n_rare`` (the
        rarer half), ``auc_rare`` (their mean AUC), ``max_rare_support``
        (positives of the most frequent class in the rarer half).

    Raises
    ------
    ValueError
        When no class has a defined AUC.

    Examples
    --------
    >>> from evalviz.metrics import frequency_summary
    >>> s = frequency_summary([50, 30, 10, 10], [0.9, 0.8, 0.75, 0.5], [0, 0, 1, -1])
    >>> s["n_frequent"], s["hit_share"], s["auc_rare"]
    (1, 0.6666666666666666, 0.625)
    """
    support = np.asarray(support, dtype=np.int64)
    auc = np.asarray(auc, dtype=np.float64)
    credited = np.asarray(credited, dtype=np.int64)
    valid = np.flatnonzero(~np.isnan(auc))
    if valid.size == 0:
        raise ValueError(
            "auc has no defined value (every entry is NaN); frequency_summary needs "
            "at least one class with positives and negatives"
        )
    by_freq = valid[np.argsort(-support[valid], kind="stable")]
    m = max(1, int(np.ceil(top_share * valid.size)))
    frequent = by_freq[:m]
    rare = by_freq[valid.size // 2 :]
    hits = credited[credited >= 0]
    return {
        "n_classes": int(valid.size),
        "n_frequent": m,
        "positive_share": float(support[frequent].sum() / max(support[valid].sum(), 1)),
        "hit_share": float(np.isin(hits, frequent).mean()) if hits.size else np.nan,
        "auc_frequent": float(np.mean(auc[frequent])),
        "n_rare": int(rare.size),
        "auc_rare": float(np.mean(auc[rare])),
        "max_rare_support": int(support[rare].max()),
    }
