"""What scikit-learn, Keras and torchmetrics each report by default.

The same predictions give different "accuracy", "precision" or "AUC" numbers in
different libraries because each applies its own default rules: argmax or a 0.5
cut on every cell, micro or macro averaging, an exact or a 200-threshold AUC,
exact-match or element-wise multi-label accuracy, a different default ``k``.
:func:`compare` computes, in numpy, what each library's default would report for
the metric names people type, and says why the numbers differ.

Nothing here imports Keras, torch or torchmetrics: the rules are re-implemented
from each library's source (Keras 3.15, torchmetrics 1.9, scikit-learn 1.9) and
checked against the real libraries in ``tests/test_parity.py``.

Also here: :func:`cell_counts` (TP/FP/FN/TN per column and pooled, as Keras
counts one-hot outputs) and, for multi-label problems, the element-wise vs
exact-match summaries :func:`multilabel_summary`,
:func:`multilabel_threshold_table` (with :class:`MultilabelThresholdDisplay`),
:func:`compare_thresholds`, :func:`wrong_labels_per_sample`,
:func:`per_label_scores` and :func:`per_label_thresholds`;
:class:`CellCountsDisplay` draws :func:`cell_counts` as one 2 x 2 matrix per
column.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from ._validation import _looks_like_probabilities, check_threshold, target_kind

__all__ = [
    "LIBRARIES",
    "METRIC_NAMES",
    "KINDS",
    "CellCountsDisplay",
    "ComparisonTable",
    "MultilabelThresholdDisplay",
    "calls",
    "cell_counts",
    "compare",
    "compare_thresholds",
    "input_kind",
    "keras_auc",
    "multilabel_summary",
    "multilabel_threshold_table",
    "per_label_scores",
    "per_label_thresholds",
    "wrong_label_counts",
    "wrong_labels_per_sample",
]

METRIC_NAMES = ("accuracy", "precision", "recall", "F1", "AUC", "top-k")
LIBRARIES = ("sklearn", "keras", "torchmetrics")
KINDS = ("binary", "multiclass", "one-hot", "multilabel")

#: Default ``k`` of each library's top-k accuracy.
SKLEARN_TOP_K = 2  # sklearn.metrics.top_k_accuracy_score(k=2)
KERAS_TOP_K = 5  # keras.metrics.TopKCategoricalAccuracy(k=5)
TORCHMETRICS_TOP_K = 1  # torchmetrics.Accuracy(top_k=1)
#: ``keras.metrics.AUC(num_thresholds=200)``.
KERAS_AUC_THRESHOLDS = 200
_KERAS_EPSILON = 1e-7  # keras.config.epsilon()


# ---------------------------------------------------------------------------
# Input kind
# ---------------------------------------------------------------------------


def input_kind(y_true, y_score):
    """Classify the input as compare sees it, and validate it.

    Returns
    -------
    kind : {"binary", "multiclass", "one-hot", "multilabel"}
    y_true, y_score : ndarray
        Cleaned arrays: 0/1 labels and a 1-D score (binary); class labels and
        an (n, k) score (multiclass); an (n, k) 0/1 matrix and an (n, k) score
        (one-hot and multilabel).

    Notes
    -----
    ``"one-hot"`` is a multi-class problem given as one-hot labels (every row
    of ``y_true`` holds exactly one 1) with probability rows (each row of
    ``y_score`` sums to one, as after a softmax): the usual Keras set-up with
    ``categorical_crossentropy``, two columns included. Any other 0/1 matrix is
    multi-label.
    """
    kind, truth, score = target_kind(y_true, y_score)
    if (
        kind == "multilabel"
        and (truth.sum(axis=1) == 1).all()
        and score.min() >= 0
        and _looks_like_probabilities(score)
    ):
        kind = "one-hot"
    return kind, truth, score


# ---------------------------------------------------------------------------
# Small counting helpers (numpy)
# ---------------------------------------------------------------------------


def _ratio(num, den) -> float:
    """num / den, or 0.0 when den is 0 (the zero-division rule of all three)."""
    return float(num / den) if den else 0.0


def _counts(truth: np.ndarray, pred: np.ndarray):
    truth = truth.astype(bool)
    pred = pred.astype(bool)
    tp = int(np.count_nonzero(truth & pred))
    fp = int(np.count_nonzero(~truth & pred))
    fn = int(np.count_nonzero(truth & ~pred))
    return tp, fp, fn


def _prf(truth: np.ndarray, pred: np.ndarray):
    """Precision, recall and F1 pooled over every cell (binary or micro)."""
    tp, fp, fn = _counts(truth, pred)
    return _ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(2 * tp, 2 * tp + fp + fn)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def _outside_unit(score: np.ndarray) -> bool:
    return bool(score.min() < 0 or score.max() > 1)


def _one_hot(labels: np.ndarray, n_classes: int) -> np.ndarray:
    out = np.zeros((labels.shape[0], n_classes), dtype=np.int8)
    out[np.arange(labels.shape[0]), labels] = 1
    return out


def _exact_auc(truth01: np.ndarray, score: np.ndarray):
    """Exact binary AUC, or None when a class is missing."""
    from .metrics import roc_auc

    n_pos = int(np.count_nonzero(truth01))
    if n_pos == 0 or n_pos == truth01.size:
        return None
    return roc_auc(truth01.astype(np.int8), score)


def _column_aucs(truth: np.ndarray, score: np.ndarray):
    return [_exact_auc(truth[:, j], score[:, j]) for j in range(truth.shape[1])]


# ---------------------------------------------------------------------------
# Keras rules
# ---------------------------------------------------------------------------


def keras_auc(y_true, y_score, *, num_thresholds=KERAS_AUC_THRESHOLDS) -> float:
    """The ROC AUC that ``keras.metrics.AUC()`` reports, computed in numpy.

    Parameters
    ----------
    y_true : array-like
        0/1 labels of shape (n_samples,), class labels of shape (n_samples,)
        with an (n_samples, k) ``y_score`` (one-hot encoded here, as Keras
        needs), or a 0/1 matrix of shape (n_samples, k).
    y_score : array-like
        Scores of the same shape as the (one-hot) ``y_true``.
    num_thresholds : int, default 200
        Keras' default.

    Returns
    -------
    float

    Notes
    -----
    Keras' defaults: ``curve="ROC"``, ``summation_method="interpolation"``,
    ``multi_label=False``. Every cell of a 2-D input is pooled into one binary
    problem (a micro average). Scores are clipped to [0, 1] and counted at the
    thresholds ``-eps, 1/(T-1), 2/(T-1), ..., (T-2)/(T-1), 1+eps`` (a score is
    positive when strictly above a threshold; float32 arithmetic, as Keras),
    and the area under the resulting 200-point ROC polyline is summed with
    the trapezoid rule. It therefore differs slightly from the exact AUC of
    :func:`evalviz.metrics.roc_auc`: scores that fall between two thresholds
    are tied.
    """
    kind, truth, score = input_kind(y_true, y_score)
    if kind == "multiclass":
        truth = _one_hot(truth, score.shape[1])
    num_thresholds = int(num_thresholds)
    if num_thresholds < 3:
        raise ValueError(
            f"num_thresholds must be at least 3, got {num_thresholds}; Keras' "
            "default is 200"
        )
    return _keras_auc_cells(truth.ravel(), score.ravel(), num_thresholds)


def _keras_auc_cells(truth: np.ndarray, score: np.ndarray, num_thresholds: int):
    s = np.clip(score.astype(np.float32), np.float32(0.0), np.float32(1.0))
    bucket = np.ceil(s * np.float32(num_thresholds - 1)) - np.float32(1.0)
    bucket = np.maximum(bucket, 0).astype(np.int64)
    pos = truth.astype(bool)
    tp_bucket = np.bincount(bucket[pos], minlength=num_thresholds)
    fp_bucket = np.bincount(bucket[~pos], minlength=num_thresholds)
    tp = np.cumsum(tp_bucket[::-1])[::-1].astype(np.float64)
    fp = np.cumsum(fp_bucket[::-1])[::-1].astype(np.float64)
    n_pos, n_neg = float(pos.sum()), float((~pos).sum())
    tpr = tp / n_pos if n_pos else np.zeros_like(tp)
    fpr = fp / n_neg if n_neg else np.zeros_like(fp)
    return float(np.sum((fpr[:-1] - fpr[1:]) * (tpr[:-1] + tpr[1:]) / 2.0))


def _keras_f1_default(truth: np.ndarray, score: np.ndarray) -> np.ndarray:
    """``keras.metrics.F1Score()``: threshold=None, average=None."""
    s = score.astype(np.float32)
    pred = (s >= s.max(axis=1, keepdims=True)) & (np.abs(s) > 1e-9)
    truth = truth.astype(bool)
    tp = np.count_nonzero(pred & truth, axis=0).astype(np.float64)
    fp = np.count_nonzero(pred & ~truth, axis=0).astype(np.float64)
    fn = np.count_nonzero(~pred & truth, axis=0).astype(np.float64)
    eps = _KERAS_EPSILON
    precision = tp / (tp + fp + eps)
    recall = tp / (tp + fn + eps)
    return 2.0 * precision * recall / (precision + recall + eps)


def _keras_top_k(truth_matrix: np.ndarray, score: np.ndarray, k: int):
    """``TopKCategoricalAccuracy(k)``: is argmax(y_true) among the top k?

    Ties at the k-th score count as hits (``in_top_k`` compares values).
    """
    n_cols = score.shape[1]
    if k > n_cols:
        return _error(f"k={k} > {n_cols} output column{'s' if n_cols != 1 else ''}")
    s = score.astype(np.float32)
    target = truth_matrix.argmax(axis=1)
    kth = np.sort(s, axis=1)[:, n_cols - k]
    return float(np.mean(s[np.arange(s.shape[0]), target] >= kth))


def _keras_cells(truth_matrix: np.ndarray, score: np.ndarray, threshold: float):
    """Precision() and Recall(): a cut on every cell, counted over all cells."""
    pred = score.astype(np.float32) > np.float32(threshold)
    precision, recall, _ = _prf(truth_matrix, pred)
    return precision, recall


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------


def _error(message: str) -> str:
    return "error: " + message


def _not_available(message: str) -> str:
    return "n/a: " + message


def _binary(y, s, t):
    pos = y == 1
    cells = {lib: {} for lib in LIBRARIES}
    notes = {}

    # scikit-learn: you pass y_pred = (y_score > t).
    pred = s > t
    sk = cells["sklearn"]
    sk["accuracy"] = float(np.mean(pred == pos))
    sk["precision"], sk["recall"], sk["F1"] = _prf(pos, pred)
    auc = _exact_auc(pos, s)
    sk["AUC"] = np.nan if auc is None else auc
    n_classes = np.unique(y).size
    sk["top-k"] = (
        1.0
        if n_classes == 2
        else _error(f"y_true holds {n_classes} class, not 2 (pass labels=)")
    )

    # Keras: one sigmoid output, y_pred of shape (n, 1).
    ke = cells["keras"]
    kpred = s.astype(np.float32) > np.float32(t)
    ke["accuracy"] = float(np.mean(kpred == pos))
    ke["precision"], ke["recall"] = _keras_cells(pos, s, t)
    ke["F1"] = _keras_f1_default(pos[:, None], s[:, None])
    ke["AUC"] = _keras_auc_cells(pos, s, KERAS_AUC_THRESHOLDS)
    ke["top-k"] = _keras_top_k(np.zeros((s.size, 1), np.int8), s[:, None], KERAS_TOP_K)

    # torchmetrics: task="binary".
    tm = cells["torchmetrics"]
    squashed = _outside_unit(s)
    p = _sigmoid(s) if squashed else s
    tpred = p > t
    tm["accuracy"] = float(np.mean(tpred == pos))
    tm["precision"], tm["recall"], tm["F1"] = _prf(pos, tpred)
    auc = _exact_auc(pos, p)
    tm["AUC"] = 0.0 if auc is None else auc
    tm["top-k"] = _not_available("no top_k for task='binary'")

    why = {
        "accuracy": (
            f"All three cut the one score at {t:g}: scikit-learn counts the y_pred = "
            f"y_score > {t:g} you pass it, Keras 'accuracy' on one output becomes "
            "BinaryAccuracy, torchmetrics uses task='binary'."
        ),
        "precision": (
            "All three count the positive class (label 1) only: scikit-learn's "
            "default average='binary', Keras Precision() on one column, "
            "torchmetrics task='binary'."
        ),
        "recall": (
            "Positive class only in all three (average='binary', one Keras column, "
            "task='binary')."
        ),
        "F1": (
            "Keras F1Score() defaults to threshold=None: it marks the largest "
            "output of each row as positive. With one sigmoid output that is every "
            "sample, so it reports 2P / (2P + N) from the class balance alone, as a "
            "one-element array; pass F1Score(threshold=0.5)."
        ),
        "AUC": (
            "scikit-learn and torchmetrics compute the exact area; Keras AUC() "
            "counts at 200 evenly spaced thresholds (num_thresholds=200) and "
            "interpolates, so it can differ in the third decimal."
        ),
        "top-k": (
            f"Default k: scikit-learn k={SKLEARN_TOP_K} covers both classes, so every "
            f"sample is a hit (with a warning); Keras k={KERAS_TOP_K} needs at least "
            "5 output columns; torchmetrics' binary metrics have no top-k."
        ),
    }
    if squashed:
        notes["torchmetrics"] = (
            "torchmetrics applied a sigmoid first, because the scores leave [0, 1] "
            "(it takes them for logits); Keras cut the raw scores."
        )
    return cells, why, notes


def _sklearn_single_label(y, pred, s, n_cols):
    """scikit-learn on class labels y and argmax predictions ``pred``."""
    sk = {"accuracy": float(np.mean(pred == y))}
    present = np.union1d(np.unique(y), np.unique(pred))
    if present.size > 2:
        msg = _error("average='binary' needs 2 classes")
        sk["precision"] = sk["recall"] = sk["F1"] = msg
    elif present.size == 2 and 1 not in present:
        msg = _error(f"pos_label=1 not in labels {present.tolist()}")
        sk["precision"] = sk["recall"] = sk["F1"] = msg
    else:
        sk["precision"], sk["recall"], sk["F1"] = _prf(y == 1, pred == 1)
    n_true = np.unique(y).size
    if n_cols == 2:
        # Two columns with 0/1 labels: scikit-learn sees a binary y_true and a
        # 2-D y_score. roc_auc_score returns nan (with a warning) when y_true
        # holds one class, and otherwise raises in roc_curve ("y should be a
        # 1d array, got an array of shape (n, 2)"); top_k_accuracy_score
        # raises ("y_true is binary while y_score is 2d with 2 classes").
        sk["AUC"] = (
            np.nan
            if n_true < 2
            else _error("y should be a 1d array (pass y_score[:, 1])")
        )
        sk["top-k"] = _error("binary y_true with a 2-column y_score")
        return sk
    sk["AUC"] = _error("multi_class='raise' (pass 'ovr' or 'ovo')")
    if n_true <= 2:
        sk["top-k"] = _error(
            f"y_true holds {n_true} of {n_cols} classes (pass labels=)"
        )
    elif n_true != n_cols:
        sk["top-k"] = _error(
            f"y_true holds {n_true} of {n_cols} classes (pass labels=)"
        )
    else:
        from .metrics import top_k_accuracy

        sk["top-k"] = top_k_accuracy(y, s, SKLEARN_TOP_K)
    return sk


def _single_label(y, onehot, s, t, kind):
    n_cols = s.shape[1]
    cells = {}
    notes = {}
    pred = s.argmax(axis=1)
    cells["sklearn"] = _sklearn_single_label(y, pred, s, n_cols)

    # Keras: one-hot labels, softmax outputs (categorical_crossentropy).
    ke = {}
    ke["accuracy"] = float(np.mean(y == s.astype(np.float32).argmax(axis=1)))
    ke["precision"], ke["recall"] = _keras_cells(onehot, s, t)
    ke["F1"] = _keras_f1_default(onehot, s)
    ke["AUC"] = _keras_auc_cells(onehot.ravel(), s.ravel(), KERAS_AUC_THRESHOLDS)
    ke["top-k"] = _keras_top_k(onehot, s, KERAS_TOP_K)
    cells["keras"] = ke

    # torchmetrics: task="multiclass", num_classes=k, defaults average="micro",
    # top_k=1: every one of accuracy, precision, recall and F1 is the accuracy.
    tm = {}
    acc = float(np.mean(pred == y))
    tm["accuracy"] = tm["precision"] = tm["recall"] = tm["F1"] = acc
    squashed = _outside_unit(s)
    p = _softmax(s) if squashed else s
    aucs = _column_aucs(onehot, p)
    tm["AUC"] = float(np.mean([0.0 if a is None else a for a in aucs]))
    tm["top-k"] = acc
    cells["torchmetrics"] = tm

    two = n_cols == 2
    lead = (
        "One-hot labels: scikit-learn and torchmetrics get y_true.argmax(axis=1); "
        if kind == "one-hot"
        else "Keras is given one-hot labels (its Precision, Recall and AUC need them); "
    )
    if two:
        why_precision = (
            "Keras Precision() cuts BOTH one-hot columns at "
            f"{t:g} and counts over both: each row puts one column above the cut, so "
            "a wrong row is one FP and one FN at once, and precision = recall = "
            "accuracy. scikit-learn (default average='binary') reports class 1 only. "
            "torchmetrics (task='multiclass', default average='micro') also equals "
            "accuracy."
        )
        why_recall = (
            "Keras: TP / (TP + FN) over both columns equals accuracy (FN = FP, "
            "TN = TP). scikit-learn: class 1 only. torchmetrics micro: accuracy."
        )
        why_f1 = (
            "scikit-learn: class 1 only. Keras F1Score() defaults to average=None: "
            "one F1 per column, the largest output of each row marked positive. "
            "torchmetrics micro F1 equals accuracy."
        )
        why_auc = (
            "scikit-learn refuses the two-column y_score: roc_auc_score wants one "
            "score per image, y_score[:, 1] (the positive class's column), and then "
            "gives the exact area. Keras AUC() pools both columns into one problem "
            "(micro) at 200 thresholds. torchmetrics: exact one-vs-rest per class, "
            "macro average."
        )
    else:
        why_precision = (
            "scikit-learn refuses: its default average='binary' needs two classes. "
            f"Keras Precision() cuts every one-hot cell at {t:g} and counts over all "
            "cells (micro over the columns), so a row whose top score is below the "
            "cut predicts nothing. torchmetrics' default average='micro' on argmax "
            "predictions equals accuracy."
        )
        why_recall = (
            "scikit-learn refuses (average='binary'). Keras counts over all cells: "
            "each row has one true cell, so recall = share of rows whose true class "
            f"scores above {t:g}. torchmetrics' micro recall equals accuracy."
        )
        why_f1 = (
            "scikit-learn refuses (average='binary'). Keras F1Score() defaults to "
            "average=None and threshold=None: one F1 per class, the largest output "
            "of each row marked positive. torchmetrics' micro F1 equals accuracy."
        )
        why_auc = (
            "scikit-learn refuses without multi_class='ovr' or 'ovo'. Keras AUC() "
            "pools all one-hot cells into one problem (micro) at 200 thresholds. "
            "torchmetrics: exact one-vs-rest per class, macro average."
        )
    why = {
        "accuracy": lead
        + (
            "all three take the argmax of each row: Keras 'accuracy' becomes "
            "(Sparse)CategoricalAccuracy, torchmetrics Accuracy(task='multiclass') "
            "uses top_k=1 and average='micro' (MulticlassAccuracy() itself defaults "
            "to average='macro', the balanced accuracy)."
        ),
        "precision": why_precision,
        "recall": why_recall,
        "F1": why_f1,
        "AUC": why_auc,
        "top-k": (
            f"Default k differs: scikit-learn k={SKLEARN_TOP_K}, Keras "
            f"k={KERAS_TOP_K}, torchmetrics top_k={TORCHMETRICS_TOP_K} (plain "
            "accuracy)."
            + (
                " With 2 columns scikit-learn refuses a binary y_true with a 2-D "
                "y_score (and k=2 would cover every class anyway); Keras needs at "
                "least 5 columns."
                if two
                else ""
            )
        ),
    }
    if squashed:
        notes["torchmetrics"] = (
            "torchmetrics' AUROC applied a softmax first, because the scores leave "
            "[0, 1] (it takes them for logits)."
        )
    return cells, why, notes


def _multilabel(Y, s, t):
    cells = {lib: {} for lib in LIBRARIES}
    notes = {}
    truth = Y.astype(bool)

    sk = cells["sklearn"]
    pred = s > t
    sk["accuracy"] = float(np.mean((pred == truth).all(axis=1)))
    refused = _error("average='binary' refused for multi-label")
    sk["precision"] = sk["recall"] = sk["F1"] = refused
    aucs = _column_aucs(Y, s)
    missing = [j for j, a in enumerate(aucs) if a is None]
    sk["AUC"] = np.nan if missing else float(np.mean(aucs))
    sk["top-k"] = _error("multi-label y_true not accepted")

    ke = cells["keras"]
    ke["accuracy"] = float(
        np.mean(Y.argmax(axis=1) == s.astype(np.float32).argmax(axis=1))
    )
    ke["precision"], ke["recall"] = _keras_cells(Y, s, t)
    ke["F1"] = _keras_f1_default(Y, s)
    ke["AUC"] = _keras_auc_cells(Y.ravel(), s.ravel(), KERAS_AUC_THRESHOLDS)
    ke["top-k"] = _keras_top_k(Y, s, KERAS_TOP_K)

    tm = cells["torchmetrics"]
    squashed = _outside_unit(s)
    p = _sigmoid(s) if squashed else s
    tpred = p > t
    tm["accuracy"] = float(np.mean(tpred == truth))
    tm["precision"], tm["recall"], tm["F1"] = _prf(truth, tpred)
    tm["AUC"] = float(np.mean([0.0 if a is None else a for a in _column_aucs(Y, p)]))
    tm["top-k"] = _not_available("no multi-label top_k")

    why = {
        "accuracy": (
            "scikit-learn: exact match, a row counts only when every label is right "
            "(subset accuracy). Keras 3 'accuracy' is chosen from the shapes alone: "
            "several outputs give CategoricalAccuracy, the argmax of the label row "
            "against the argmax of the scores, even with binary_crossentropy (pass "
            "keras.metrics.BinaryAccuracy() for element-wise accuracy). torchmetrics "
            "Accuracy(task='multilabel') averages 'micro' over every cell: "
            "element-wise (Hamming-style) accuracy."
        ),
        "precision": (
            "scikit-learn refuses (average='binary'). Keras Precision() and "
            f"torchmetrics (average='micro') both cut every cell at {t:g} and count "
            "over all cells."
        ),
        "recall": (
            "scikit-learn refuses (average='binary'). Keras and torchmetrics: every "
            "cell, pooled (micro)."
        ),
        "F1": (
            "scikit-learn refuses (average='binary'). Keras F1Score() defaults to "
            "threshold=None, which marks only the largest output of each row (one "
            "label per row), and average=None, one F1 per label. torchmetrics: "
            f"micro F1 at {t:g}."
        ),
        "AUC": (
            "scikit-learn and torchmetrics: the exact AUC of each label, macro "
            "average. Keras AUC() (multi_label=False) pools every cell into one "
            "problem (micro) at 200 thresholds."
        ),
        "top-k": (
            "scikit-learn refuses multi-label input. Keras TopKCategoricalAccuracy "
            f"(k={KERAS_TOP_K}) checks only the argmax of the label row, i.e. the "
            "first true label. torchmetrics has no multi-label top-k."
        ),
    }
    if squashed:
        notes["torchmetrics"] = (
            "torchmetrics applied a sigmoid first, because the scores leave [0, 1] "
            "(it takes them for logits); scikit-learn and Keras cut the raw scores."
        )
    return cells, why, notes


_SK_CUT = (
    "accuracy_score(y_true, y_score > t)",
    "precision_score(y_true, y_score > t)",
    "recall_score(y_true, y_score > t)",
    "f1_score(y_true, y_score > t)",
    "roc_auc_score(y_true, y_score)",
    "top_k_accuracy_score(y_true, y_score)",
)
_CALLS = {
    "binary": {
        "sklearn": _SK_CUT,
        "keras": (
            "'accuracy' -> BinaryAccuracy()",
            "Precision()",
            "Recall()",
            "F1Score()",
            "AUC()",
            "TopKCategoricalAccuracy()",
        ),
        "torchmetrics": (
            "Accuracy(task='binary')",
            "Precision(task='binary')",
            "Recall(task='binary')",
            "F1Score(task='binary')",
            "AUROC(task='binary')",
            "(none)",
        ),
    },
    "multiclass": {
        "sklearn": (
            "accuracy_score(y_true, y_score.argmax(1))",
            "precision_score(y_true, y_score.argmax(1))",
            "recall_score(y_true, y_score.argmax(1))",
            "f1_score(y_true, y_score.argmax(1))",
            "roc_auc_score(y_true, y_score)",
            "top_k_accuracy_score(y_true, y_score)",
        ),
        "keras": (
            "'accuracy' -> CategoricalAccuracy()",
            "Precision(), one-hot y_true",
            "Recall(), one-hot y_true",
            "F1Score(), one-hot y_true",
            "AUC(), one-hot y_true",
            "TopKCategoricalAccuracy()",
        ),
        "torchmetrics": (
            "Accuracy(task='multiclass', num_classes=k)",
            "Precision(task='multiclass', num_classes=k)",
            "Recall(task='multiclass', num_classes=k)",
            "F1Score(task='multiclass', num_classes=k)",
            "AUROC(task='multiclass', num_classes=k)",
            "Accuracy(task='multiclass', top_k=1)",
        ),
    },
    "multilabel": {
        "sklearn": _SK_CUT,
        "keras": (
            "'accuracy' -> CategoricalAccuracy()",
            "Precision()",
            "Recall()",
            "F1Score()",
            "AUC()",
            "TopKCategoricalAccuracy()",
        ),
        "torchmetrics": (
            "Accuracy(task='multilabel', num_labels=k)",
            "Precision(task='multilabel', num_labels=k)",
            "Recall(task='multilabel', num_labels=k)",
            "F1Score(task='multilabel', num_labels=k)",
            "AUROC(task='multilabel', num_labels=k)",
            "(none)",
        ),
    },
}
_CALLS["one-hot"] = {
    "sklearn": (
        "accuracy_score(labels, y_score.argmax(1))",
        "precision_score(labels, y_score.argmax(1))",
        "recall_score(labels, y_score.argmax(1))",
        "f1_score(labels, y_score.argmax(1))",
        "roc_auc_score(labels, y_score)",
        "top_k_accuracy_score(labels, y_score)",
    ),
    "keras": (
        "'accuracy' -> CategoricalAccuracy()",
        "Precision()",
        "Recall()",
        "F1Score()",
        "AUC()",
        "TopKCategoricalAccuracy()",
    ),
    "torchmetrics": _CALLS["multiclass"]["torchmetrics"],
}


def calls(kind: str) -> pd.DataFrame:
    """The library calls that :func:`compare` reproduces for an input kind.

    Parameters
    ----------
    kind : {"binary", "multiclass", "one-hot", "multilabel"}

    Returns
    -------
    pandas.DataFrame
        One row per metric name, one column per library, each cell the call
        (with its defaults) whose result ``compare`` reports.

    Notes
    -----
    ``t`` is the threshold; ``labels`` stands for ``y_true.argmax(axis=1)``,
    what scikit-learn and torchmetrics are given for one-hot input (also the
    torchmetrics target there). For two-column one-hot input scikit-learn's
    ``roc_auc_score`` and ``top_k_accuracy_score`` refuse the (n, 2) scores
    (pass ``y_score[:, 1]``, the positive class's column). Every string fits
    in 50 characters, so pandas shows it whole.
    """
    if kind not in _CALLS:
        raise ValueError(
            f"kind={kind!r} is not one of {list(KINDS)}; pick one of those"
        )
    frame = pd.DataFrame(
        {lib: list(_CALLS[kind][lib]) for lib in LIBRARIES},
        index=pd.Index(list(METRIC_NAMES), name="metric"),
    )
    return frame


#: Per-class arrays longer than this are listed under the table, not in it.
_INLINE_VALUES = 3


def _format_values(value: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:.4f}" for v in value.tolist()) + "]"


def _format_cell(value, per: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, np.ndarray):
        if value.size > _INLINE_VALUES:
            return f"per {per}: {value.size} values, below"
        return f"per {per}: {_format_values(value)}"
    return f"{value:.4f}"


class ComparisonTable(pd.DataFrame):
    """The DataFrame that :func:`compare` returns.

    A plain :class:`pandas.DataFrame` (index: metric names; columns:
    ``sklearn``, ``keras``, ``torchmetrics``, ``why``) whose cells hold the
    numbers themselves: a float, a per-class array (Keras ``F1Score()``), or a
    string starting with ``"error:"`` (the library raises) or ``"n/a:"`` (it
    has no such metric). It also carries ``kind``, ``threshold``,
    ``description`` and ``notes``, and renders as a readable table in Jupyter.
    """

    _metadata = ["kind", "threshold", "description", "notes"]

    @property
    def _constructor(self):
        return pd.DataFrame

    @property
    def calls(self) -> pd.DataFrame:
        """The exact library calls behind each cell (see :func:`calls`)."""
        return calls(self.kind)

    def formatted(self) -> pd.DataFrame:
        """The table with every value as display text (4 decimals)."""
        per = "label" if self.kind == "multilabel" else "class"
        out = pd.DataFrame(index=self.index)
        for lib in LIBRARIES:
            out[lib] = [_format_cell(v, per) for v in self[lib]]
        out["why"] = list(self["why"])
        return out

    def long_values(self) -> dict:
        """Per-class arrays too long for a table cell, listed under the table.

        Returns
        -------
        dict
            ``{(metric, library): array}`` for every cell holding more than
            three values (for example Keras ``F1Score()`` on ten labels).
        """
        out = {}
        for lib in LIBRARIES:
            for name, value in self[lib].items():
                if isinstance(value, np.ndarray) and value.size > _INLINE_VALUES:
                    out[(name, lib)] = value
        return out

    def _long_lines(self) -> list[str]:
        per = "label" if self.kind == "multilabel" else "class"
        return [
            f"{lib} {name}, one value per {per}: {_format_values(value)}"
            for (name, lib), value in self.long_values().items()
        ]

    def _title(self) -> str:
        return (
            f"What each library reports by default: {self.description}, "
            f"threshold {self.threshold:g}"
        )

    def __repr__(self) -> str:
        shown = self.formatted()
        body = shown[list(LIBRARIES)].to_string()
        lines = [self._title(), body, *self._long_lines(), "", "why:"]
        for name, text in shown["why"].items():
            lines.append(f"  {name}: {text}")
        for text in self.notes.values():
            lines.append(f"note: {text}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        shown = self.formatted()
        esc = html.escape
        head = "".join(
            f'<th style="text-align:left">{esc(c)}</th>'
            for c in ["metric", *LIBRARIES, "why"]
        )
        rows = []
        for name, row in shown.iterrows():
            tds = [f'<th style="text-align:left">{esc(str(name))}</th>']
            for lib in LIBRARIES:
                text = row[lib]
                style = "text-align:right; white-space:nowrap"
                if text.startswith(("error:", "n/a:")):
                    style = "text-align:left; color:#8a1c1c; max-width:16em"
                elif text.startswith("per "):
                    style = "text-align:left; max-width:16em"
                tds.append(f'<td style="{style}">{esc(text)}</td>')
            tds.append(
                f'<td style="text-align:left; max-width:34em">{esc(row["why"])}</td>'
            )
            rows.append("<tr>" + "".join(tds) + "</tr>")
        notes = "".join(
            f'<p style="margin:0.2em 0">{esc(t)}</p>' for t in self._long_lines()
        ) + "".join(
            f'<p style="margin:0.2em 0">note: {esc(t)}</p>' for t in self.notes.values()
        )
        return (
            '<div><table style="border-collapse:collapse">'
            f'<caption style="text-align:left; font-weight:bold">{esc(self._title())}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}"
            f"</tbody></table>{notes}</div>"
        )


def _describe_input(kind: str, truth: np.ndarray, score: np.ndarray) -> str:
    n = score.shape[0]
    if kind == "binary":
        return f"binary input, {n} samples"
    k = score.shape[1]
    if kind == "multiclass":
        return f"multi-class input, {n} samples x {k} classes"
    if kind == "one-hot":
        return f"one-hot labels with probability rows, {n} samples x {k} classes"
    return f"multi-label input, {n} samples x {k} labels"


def compare(y_true, y_score, *, threshold=0.5) -> ComparisonTable:
    """What scikit-learn, Keras and torchmetrics would each report by default.

    Parameters
    ----------
    y_true : array-like
        Binary 0/1 labels of shape (n_samples,); class labels of shape
        (n_samples,) for a multi-class problem; one-hot labels of shape
        (n_samples, k) with softmax ``y_score``; or a 0/1 indicator matrix of
        shape (n_samples, n_labels) for a multi-label problem.
    y_score : array-like
        Shape (n_samples,) for binary input (the positive class's score),
        otherwise (n_samples, k), one column per class or label.
    threshold : float, default 0.5
        The cut each library applies where it turns scores into yes/no
        (scikit-learn: the ``y_pred = y_score > threshold`` you would pass it;
        Keras ``BinaryAccuracy(threshold=)``, ``Precision(thresholds=)``;
        torchmetrics ``threshold=``). All three default to 0.5.

    Returns
    -------
    ComparisonTable
        A pandas DataFrame: one row per metric name ("accuracy", "precision",
        "recall", "F1", "AUC", "top-k"), one column per library (``sklearn``,
        ``keras``, ``torchmetrics``) and a ``why`` column in plain words. A
        cell is a float, a per-class array, or a string: ``"error: ..."`` where
        the library raises instead of answering, ``"n/a: ..."`` where it has no
        such metric.

    Notes
    -----
    "Default" means the call a user types without extra arguments
    (``table.calls`` lists them):

    - scikit-learn takes labels, not scores: binary and multi-label
      predictions are ``y_score > threshold``, multi-class predictions the
      row's argmax (what ``predict`` returns). ``precision_score`` and friends
      default to ``average="binary"`` and raise for multi-class and
      multi-label targets; ``accuracy_score`` on a multi-label target is
      exact-match (subset) accuracy; ``roc_auc_score`` raises for multi-class
      scores (``multi_class="raise"``) and macro-averages labels;
      ``top_k_accuracy_score`` has ``k=2``. Both raise for 0/1 labels with a
      two-column ``y_score`` (the two-softmax set-up): they want
      ``y_score[:, 1]``, and the cell says so.
    - Keras (3.x): ``metrics=["accuracy"]`` is resolved from the shapes only:
      one output column gives ``BinaryAccuracy``, integer labels
      ``SparseCategoricalAccuracy``, anything else ``CategoricalAccuracy``
      (argmax), multi-label outputs included. ``Precision()``, ``Recall()``
      cut every cell at 0.5 and count over all cells (micro); ``F1Score()``
      marks each row's largest output (``threshold=None``) and returns one F1
      per column (``average=None``); ``AUC()`` pools every cell (micro) at 200
      thresholds; ``TopKCategoricalAccuracy()`` has ``k=5``. Multi-class
      labels are one-hot encoded for Keras, since those metrics need it.
    - torchmetrics (1.x) needs ``task=``: ``"binary"`` for binary input,
      ``"multiclass"`` (with ``num_classes``) for multi-class and one-hot input,
      ``"multilabel"`` (with ``num_labels``) for multi-label input. The task
      wrappers (``Accuracy``, ``Precision``, ``Recall``, ``F1Score``) default to
      ``average="micro"`` and ``top_k=1`` (the ``MulticlassAccuracy`` classes
      themselves default to ``"macro"``); ``AUROC`` is exact with
      ``average="macro"``. Scores outside [0, 1] are taken for logits: a
      sigmoid (binary, multi-label) or softmax (multi-class AUROC) is applied
      first. A class without positives or negatives gets AUROC 0 (with a
      warning) and stays in the macro average.

    Every cut is strict (``score > threshold``) in all three libraries. Keras
    computes in float32; the numbers here follow that.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.conventions import compare
    >>> y_true = np.array([[0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0], [1, 0, 1]])
    >>> y_score = np.array([[1, 0, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 1]])
    >>> table = compare(y_true, y_score * 0.9 + 0.05)
    >>> round(table.loc["accuracy", "sklearn"], 4), round(
    ...     table.loc["accuracy", "torchmetrics"], 4)
    (0.6, 0.6667)
    """
    t = check_threshold(threshold)
    if not 0.0 <= t <= 1.0:
        raise ValueError(
            f"threshold must lie in [0, 1], got {threshold!r}; it is the cut applied "
            "to probabilities (all three libraries default to 0.5)"
        )
    kind, truth, score = input_kind(y_true, y_score)
    if kind == "binary":
        cells, why, notes = _binary(truth, score, t)
    elif kind == "multiclass":
        onehot = _one_hot(truth, score.shape[1])
        cells, why, notes = _single_label(truth, onehot, score, t, kind)
    elif kind == "one-hot":
        cells, why, notes = _single_label(truth.argmax(axis=1), truth, score, t, kind)
    else:
        cells, why, notes = _multilabel(truth, score, t)
    sk_auc = cells["sklearn"]["AUC"]
    if isinstance(sk_auc, float) and np.isnan(sk_auc):
        notes["sklearn"] = (
            "roc_auc_score returned nan with an UndefinedMetricWarning: a class or "
            "label has no positive or no negative sample in y_true (scikit-learn "
            "before 1.6 raised instead)."
        )
    data = {lib: [cells[lib][m] for m in METRIC_NAMES] for lib in LIBRARIES}
    data["why"] = [why[m] for m in METRIC_NAMES]
    table = ComparisonTable(
        data, index=pd.Index(list(METRIC_NAMES), name="metric"), dtype=object
    )
    table.kind = kind
    table.threshold = t
    table.description = _describe_input(kind, truth, score)
    table.notes = notes
    return table


# ---------------------------------------------------------------------------
# Multi-label accuracy: element-wise vs exact match, over thresholds
# ---------------------------------------------------------------------------

DEFAULT_THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _multilabel_input(y_true, y_score):
    from ._validation import check_indicator, check_same_length, check_scores

    truth = check_indicator(y_true)
    score = check_scores(y_score)
    if score.shape != truth.shape:
        raise ValueError(
            f"y_score has shape {score.shape} but y_true has shape {truth.shape}; "
            "pass one score column per label, rows in the same order"
        )
    check_same_length(truth, score, "y_true", "y_score")
    return truth.astype(bool), score


def _cut(score: np.ndarray, threshold) -> np.ndarray:
    """score > threshold, with one threshold or one per label (column)."""
    t = np.asarray(threshold, dtype=np.float64)
    if t.ndim == 0:
        return score > t
    if t.shape != (score.shape[1],):
        raise ValueError(
            f"threshold holds {t.size} values but there are {score.shape[1]} labels; "
            "pass one number, or one threshold per label"
        )
    return score > t[None, :]


def multilabel_summary(y_true, y_score, *, threshold=0.5) -> pd.Series:
    """Every multi-label "accuracy" and F1 at one threshold (or one per label).

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_labels)
        Predicted probabilities, one column per label.
    threshold : float or array-like of shape (n_labels,), default 0.5
        A label is predicted when its score is strictly above its threshold.

    Returns
    -------
    pandas.Series
        ``exact_match``: share of samples whose every label is right
        (scikit-learn ``accuracy_score``, "subset accuracy");
        ``element_wise``: share of (sample, label) cells that are right (Keras
        ``BinaryAccuracy``, torchmetrics ``Accuracy(task="multilabel")``,
        ``1 - hamming_loss``); ``micro_precision``, ``micro_recall``,
        ``micro_F1``: from the counts pooled over all cells; ``macro_F1``: the
        mean of the per-label F1 scores.

    Notes
    -----
    A ratio with a zero denominator counts as 0 (scikit-learn's
    ``zero_division`` default, without the warning).
    """
    truth, score = _multilabel_input(y_true, y_score)
    pred = _cut(score, threshold)
    correct = pred == truth
    precision, recall, f1 = _prf(truth, pred)
    per_label = per_label_scores(truth, score, threshold=threshold)
    return pd.Series(
        {
            "exact_match": float(correct.all(axis=1).mean()),
            "element_wise": float(correct.mean()),
            "micro_precision": precision,
            "micro_recall": recall,
            "micro_F1": f1,
            "macro_F1": float(per_label["F1"].mean()),
        }
    )


def multilabel_threshold_table(
    y_true, y_score, *, thresholds=DEFAULT_THRESHOLDS
) -> pd.DataFrame:
    """:func:`multilabel_summary` at each threshold: one row per threshold.

    The table the seed question printed with scikit-learn (exact-match
    accuracy and micro precision / recall / F1 at 0.1, 0.2, ..., 0.9), with
    the element-wise accuracy that Keras reports and the macro F1 beside them.

    Parameters
    ----------
    y_true, y_score : array-like of shape (n_samples, n_labels)
    thresholds : sequence of float, default 0.1 .. 0.9

    Returns
    -------
    pandas.DataFrame
        Index ``threshold``; columns as in :func:`multilabel_summary`.
    """
    rows = {
        float(t): multilabel_summary(y_true, y_score, threshold=float(t))
        for t in thresholds
    }
    frame = pd.DataFrame(rows).T
    frame.index.name = "threshold"
    return frame


def compare_thresholds(y_true, y_score, thresholds) -> pd.DataFrame:
    """:func:`multilabel_summary` for several named threshold choices, side by side.

    Parameters
    ----------
    y_true, y_score : array-like of shape (n_samples, n_labels)
    thresholds : dict
        ``{name: threshold}``; each threshold is one number for every label or
        one per label (as :func:`per_label_thresholds` returns). A threshold
        of 1 or more never predicts a label (scores are at most 1): the
        all-"no" answer.

    Returns
    -------
    pandas.DataFrame
        One column per name, in the order given; rows as in
        :func:`multilabel_summary` (``exact_match``, ``element_wise``, micro
        precision / recall / F1, ``macro_F1``).

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.conventions import compare_thresholds
    >>> y = np.array([[1, 0], [0, 1], [1, 1]])
    >>> s = np.array([[0.9, 0.4], [0.2, 0.6], [0.7, 0.3]])
    >>> table = compare_thresholds(y, s, {"0.5": 0.5, "all no": 1.0})
    >>> table.loc[["exact_match", "element_wise"]].round(3)
                    0.5  all no
    exact_match   0.667   0.000
    element_wise  0.833   0.333
    """
    if not isinstance(thresholds, dict) or not thresholds:
        raise ValueError(
            f"thresholds must be a non-empty dict {{name: threshold}}, got "
            f"{thresholds!r}; for example {{'0.5': 0.5, 'tuned': per_label}}"
        )
    columns = {
        str(name): multilabel_summary(y_true, y_score, threshold=t)
        for name, t in thresholds.items()
    }
    return pd.DataFrame(columns)


def wrong_label_counts(y_true, y_score, *, threshold=0.5) -> np.ndarray:
    """The number of wrong labels of each sample at ``threshold``.

    Parameters
    ----------
    y_true, y_score : array-like of shape (n_samples, n_labels)
    threshold : float or array-like of shape (n_labels,), default 0.5

    Returns
    -------
    ndarray of int, shape (n_samples,)
        0 for a sample whose labels are all right (an exact match). See
        :func:`wrong_labels_per_sample` for how many samples have each count.
    """
    truth, score = _multilabel_input(y_true, y_score)
    return np.count_nonzero(_cut(score, threshold) != truth, axis=1)


def wrong_labels_per_sample(y_true, y_score, *, threshold=0.5) -> pd.DataFrame:
    """How many samples have 0, 1, 2, ... wrong labels at ``threshold``.

    A label is wrong when it is predicted (score strictly above its threshold)
    but absent, or absent from the prediction but present. A sample with 0
    wrong labels is an exact match; element-wise accuracy counts each wrong
    label on its own.

    Parameters
    ----------
    y_true, y_score : array-like of shape (n_samples, n_labels)
    threshold : float or array-like of shape (n_labels,), default 0.5

    Returns
    -------
    pandas.DataFrame
        Index ``wrong labels`` (0 up to the largest count seen, every value in
        between listed), columns ``samples`` (how many) and ``share`` (of all
        samples).

    Notes
    -----
    ``share`` at 0 wrong labels is the exact-match accuracy, and
    ``1 - (index * samples).sum() / (n_samples * n_labels)`` is the
    element-wise accuracy.
    """
    wrong = wrong_label_counts(y_true, y_score, threshold=threshold)
    counts = np.bincount(wrong)
    frame = pd.DataFrame(
        {"samples": counts, "share": counts / wrong.size},
        index=pd.RangeIndex(counts.size, name="wrong labels"),
    )
    return frame


def per_label_scores(y_true, y_score, *, threshold=0.5, labels=None) -> pd.DataFrame:
    """Precision, recall, F1, accuracy and support of each label.

    Parameters
    ----------
    y_true, y_score : array-like of shape (n_samples, n_labels)
    threshold : float or array-like of shape (n_labels,), default 0.5
    labels : sequence of str, optional
        Label names for the index.

    Returns
    -------
    pandas.DataFrame
        One row per label: ``threshold``, ``precision``, ``recall``, ``F1``,
        ``accuracy`` (share of samples where this label is right) and
        ``support`` (number of positives).
    """
    from ._validation import check_class_names

    truth, score = _multilabel_input(y_true, y_score)
    pred = _cut(score, threshold)
    n_labels = truth.shape[1]
    names = check_class_names(labels, n_labels)
    rows = []
    thresholds = np.broadcast_to(np.asarray(threshold, dtype=float), (n_labels,))
    for j in range(n_labels):
        precision, recall, f1 = _prf(truth[:, j], pred[:, j])
        rows.append(
            {
                "threshold": float(thresholds[j]),
                "precision": precision,
                "recall": recall,
                "F1": f1,
                "accuracy": float(np.mean(truth[:, j] == pred[:, j])),
                "support": int(truth[:, j].sum()),
            }
        )
    frame = pd.DataFrame(rows, index=pd.Index(names, name="label"))
    return frame


def per_label_thresholds(y_true, y_score, *, grid=None, objective="F1") -> np.ndarray:
    """One threshold per label, each chosen to maximise that label's score.

    Choose them on validation data, then report on test data: thresholds
    picked on the test set make the test numbers optimistic.

    Parameters
    ----------
    y_true, y_score : array-like of shape (n_samples, n_labels)
        Validation labels and scores.
    grid : sequence of float, optional
        Candidate thresholds; default 0.05, 0.10, ..., 0.95.
    objective : {"F1", "accuracy"}, default "F1"
        What each label's threshold maximises: its F1, or its accuracy (the
        share of samples where this label is right, which is what element-wise
        and exact-match accuracy are built from).

    Returns
    -------
    ndarray of shape (n_labels,)

    Notes
    -----
    Ties go to the threshold closest to 0.5.
    """
    from ._validation import check_choice

    check_choice(objective, "objective", ("F1", "accuracy"))
    truth, score = _multilabel_input(y_true, y_score)
    grid = (
        np.round(np.arange(1, 20) * 0.05, 2)
        if grid is None
        else np.asarray(grid, dtype=float)
    )
    if grid.ndim != 1 or grid.size == 0:
        raise ValueError(
            f"grid must be a non-empty 1-D list of thresholds, got {grid!r}"
        )
    # Visit candidates from the one closest to 0.5 outward, keep strict improvements.
    order = np.argsort(np.abs(grid - 0.5), kind="stable")
    chosen = np.empty(truth.shape[1])
    for j in range(truth.shape[1]):
        best, best_t = -1.0, 0.5
        for t in grid[order]:
            pred = score[:, j] > t
            if objective == "F1":
                value = _prf(truth[:, j], pred)[2]
            else:
                value = float(np.mean(pred == truth[:, j]))
            if value > best:
                best, best_t = value, float(t)
        chosen[j] = best_t
    return chosen


def cell_counts(y_true, y_score, *, threshold=0.5, labels=None) -> pd.DataFrame:
    """TP, FP, FN and TN of each score column, and summed over all cells.

    This is how Keras' ``TruePositives()``, ``FalsePositives()``,
    ``TrueNegatives()``, ``FalseNegatives()``, ``Precision()`` and ``Recall()``
    count: every cell of the (one-hot) label matrix against the same cell of
    the scores cut at ``threshold``, pooled over all columns.

    Parameters
    ----------
    y_true : array-like
        One-hot labels or a 0/1 indicator matrix of shape (n_samples, k), class
        labels of shape (n_samples,) (one-hot encoded here), or binary 0/1
        labels of shape (n_samples,) with a 1-D ``y_score``.
    y_score : array-like of shape (n_samples, k) or (n_samples,)
    threshold : float, default 0.5
        A cell counts as predicted positive when its score is strictly above.
    labels : sequence of str, optional
        Column names for the index.

    Returns
    -------
    pandas.DataFrame
        One row per column and a last row ``"all cells"`` (their sum), with
        ``TP``, ``FP``, ``FN``, ``TN`` and the ``accuracy``, ``precision`` and
        ``recall`` those counts give. A column's row is that class's own
        one-vs-rest numbers; the ``"all cells"`` row is what Keras reports.

    Notes
    -----
    With two softmax columns every row has exactly one cell above 0.5 (unless
    a score is exactly 0.5), so a right row adds one TP and one TN and a wrong
    row one FP and one FN: in the ``"all cells"`` row TP = TN and FP = FN, and
    accuracy, precision and recall are one and the same number.
    """
    from ._validation import check_class_names

    t = check_threshold(threshold)
    kind, truth, score = input_kind(y_true, y_score)
    if kind == "binary":
        truth, score = truth[:, None], score[:, None]
    elif kind == "multiclass":
        truth = _one_hot(truth, score.shape[1])
    truth = truth.astype(bool)
    pred = score > t
    tp = np.count_nonzero(truth & pred, axis=0)
    fp = np.count_nonzero(~truth & pred, axis=0)
    fn = np.count_nonzero(truth & ~pred, axis=0)
    tn = np.count_nonzero(~truth & ~pred, axis=0)
    names = check_class_names(labels, truth.shape[1])
    frame = pd.DataFrame(
        {"TP": tp, "FP": fp, "FN": fn, "TN": tn},
        index=pd.Index(names, name="column"),
    )
    frame.loc["all cells"] = frame.sum(axis=0)
    frame = frame.astype(np.int64)
    total = frame[["TP", "FP", "FN", "TN"]].sum(axis=1)
    frame["accuracy"] = (frame["TP"] + frame["TN"]) / total
    frame["precision"] = [
        _ratio(a, a + b) for a, b in zip(frame["TP"], frame["FP"], strict=True)
    ]
    frame["recall"] = [
        _ratio(a, a + b) for a, b in zip(frame["TP"], frame["FN"], strict=True)
    ]
    return frame


_CELL_TAGS = (("TN", "FP"), ("FN", "TP"))


class CellCountsDisplay:
    """:func:`cell_counts` drawn as one 2 x 2 confusion matrix per column.

    Each score column is one binary problem, "this column's class" against
    the rest, and gets its own matrix (rows = true, columns = predicted,
    negative first, so TN is top left and TP bottom right), with every cell
    tagged TP, FP, FN or TN. With two softmax columns the two matrices are
    mirror images: the TP of one column are the TN of the other, its FP the
    other's FN. A last panel, ``"all cells"``, adds them up as Keras does.

    Build it with :meth:`from_predictions`.

    Parameters
    ----------
    counts : pandas.DataFrame
        The output of :func:`cell_counts`.

    Attributes
    ----------
    counts : pandas.DataFrame
    displays_ : list of :class:`evalviz.confusion.ConfusionMatrixDisplay`
        One per panel, set by :meth:`plot`.
    axes_, figure_ : set by :meth:`plot`.

    Notes
    -----
    Drawn with :class:`evalviz.confusion.ConfusionMatrixDisplay` (counts only,
    ``normalize=None``); a column's matrix is
    ``[[TN, FP], [FN, TP]]`` as in scikit-learn's binary ``confusion_matrix``.
    """

    def __init__(self, counts: pd.DataFrame):
        self.counts = counts

    @classmethod
    def from_predictions(cls, y_true, y_score, *, threshold=0.5, labels=None):
        """Count with :func:`cell_counts` (same arguments)."""
        return cls(cell_counts(y_true, y_score, threshold=threshold, labels=labels))

    def matrices(self) -> dict:
        """``{row name: 2 x 2 array [[TN, FP], [FN, TP]]}`` for every row of
        ``counts`` (each column, then ``"all cells"``)."""
        return {
            str(name): np.array(
                [[row["TN"], row["FP"]], [row["FN"], row["TP"]]], dtype=np.int64
            )
            for name, row in self.counts.iterrows()
        }

    def to_frame(self) -> pd.DataFrame:
        """The numbers the plot shows: the :func:`cell_counts` table."""
        return self.counts.copy()

    def plot(self, *, total=None, title=None):
        """Draw the panels side by side; returns self.

        Parameters
        ----------
        total : bool, optional
            Add the ``"all cells"`` panel. Default: when there are at least
            two columns.
        title : str, optional
            A title over the whole figure.
        """
        from . import _plotting as P
        from .confusion import ConfusionMatrixDisplay

        mats = self.matrices()
        names = list(mats)
        columns, total_name = names[:-1], names[-1]
        if total is None:
            total = len(columns) > 1
        panels = columns + ([total_name] if total else [])
        fig, axes = P.new_grid(
            1, len(panels), figsize=(4.8 * len(panels), 5.6), layout="constrained"
        )
        # Room between the three-line panel titles and the figure title.
        fig.get_layout_engine().set(h_pad=0.2)
        self.displays_ = []
        for ax, name in zip(axes.ravel(), panels, strict=True):
            if name == total_name:
                tick_names = ["cell = 0", "cell = 1"]
                panel_title = "all cells added up\n(what Keras counts)"
            else:
                others = [c for c in columns if c != name]
                rest = others[0] if len(others) == 1 else f"not {name}"
                tick_names = [rest, name]
                panel_title = f"column '{name}'\n(positive: {name})"
            disp = ConfusionMatrixDisplay.from_matrix(
                mats[name], labels=tick_names, normalize=None
            ).plot(ax=ax, colorbar=False, title=panel_title)
            for i in range(2):
                for j in range(2):
                    ax.text(
                        j,
                        i - 0.3,
                        _CELL_TAGS[i][j],
                        ha="center",
                        va="center",
                        fontsize=P.LABEL_SIZE,
                        fontweight="bold",
                        color=disp.ax_.texts[2 * i + j].get_color(),
                    )
            self.displays_.append(disp)
        if title is not None:
            fig.suptitle(title, fontsize=P.TITLE_SIZE)
        self.axes_ = axes
        self.figure_ = fig
        return self


_SWEEP_LABELS = {
    "element_wise": "element-wise accuracy (Keras BinaryAccuracy)",
    "exact_match": "exact match (scikit-learn accuracy_score)",
    "micro_precision": "micro precision",
    "micro_recall": "micro recall",
    "micro_F1": "micro F1",
    "macro_F1": "macro F1",
}


_BASELINE_LABEL = "element-wise, answering 'no' everywhere"


class MultilabelThresholdDisplay:
    """Lines of a :func:`multilabel_threshold_table`, one per summary.

    Parameters
    ----------
    table : pandas.DataFrame
        The output of :func:`multilabel_threshold_table`.
    baseline : float, optional
        The element-wise accuracy of answering "no" for every label (the share
        of 0 cells in ``y_true``), drawn as a dashed reference line.
        :meth:`from_predictions` computes it.

    Attributes
    ----------
    ax_, figure_ : set by :meth:`plot`.
    """

    def __init__(self, table: pd.DataFrame, *, baseline=None):
        self.table = table
        self.baseline = None if baseline is None else float(baseline)

    @classmethod
    def from_predictions(cls, y_true, y_score, *, thresholds=DEFAULT_THRESHOLDS):
        """The table of :func:`multilabel_threshold_table` and the all-"no"
        element-wise accuracy of ``y_true`` as the baseline."""
        truth, _ = _multilabel_input(y_true, y_score)
        table = multilabel_threshold_table(y_true, y_score, thresholds=thresholds)
        return cls(table, baseline=float(np.mean(~truth)))

    def to_frame(self) -> pd.DataFrame:
        """The numbers the plot shows: the table, and the baseline (if any) as
        a column ``all_no_element_wise``."""
        frame = self.table.copy()
        if self.baseline is not None:
            frame["all_no_element_wise"] = self.baseline
        return frame

    def plot(
        self,
        ax=None,
        *,
        columns=("element_wise", "exact_match", "micro_F1", "macro_F1"),
        title=None,
    ):
        """Draw one line per summary against the threshold; returns self."""
        from ._plotting import PALETTE, new_axes, style_axes

        fig, ax = new_axes(ax, figsize=(7.5, 4.8))
        for i, name in enumerate(columns):
            if name not in self.table.columns:
                raise ValueError(
                    f"columns holds {name!r}, which is not a column of the table; "
                    f"pick from {list(self.table.columns)}"
                )
            ax.plot(
                self.table.index,
                self.table[name],
                marker="o",
                linewidth=2,
                color=PALETTE[i % len(PALETTE)],
                label=_SWEEP_LABELS.get(name, name),
            )
        if self.baseline is not None:
            # Dashed, in the element-wise line's colour: it is that line's floor.
            shown = list(columns)
            ax.axhline(
                self.baseline,
                color=PALETTE[shown.index("element_wise") % len(PALETTE)]
                if "element_wise" in shown
                else "#555555",
                linestyle="--",
                linewidth=1.8,
                label=f"{_BASELINE_LABEL}: {self.baseline:.4f}",
            )
        ax.set_ylim(0, 1.02)
        ax.set_xticks(list(self.table.index))
        ax.grid(alpha=0.3)
        style_axes(ax, title=title, xlabel="threshold", ylabel="score")
        # Below the axes, so that no line is hidden behind it.
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=10, ncol=2)
        fig.tight_layout()
        self.ax_ = ax
        self.figure_ = fig
        return self
