"""What scikit-learn, Keras and torchmetrics each report by default.

The same predictions give different "accuracy", "precision" or "AUC" numbers in
different libraries because each applies its own default rules: argmax or a 0.5
cut on every cell, micro or macro averaging, an exact or a 200-threshold AUC,
exact-match or element-wise multi-label accuracy, a different default ``k``, a
different rule for ties in top-k. :func:`compare` computes, in numpy, what each
library's default would report for the metric names people type, and says why
the numbers differ.

Nothing here imports Keras, torch or torchmetrics: the rules are re-implemented
from each library's source (Keras 3.15, torchmetrics 1.9, scikit-learn 1.9) and
checked against the real libraries in ``tests/test_parity.py``. numpy only at
import time; pandas is imported when a table is built.

Inputs are read by evalviz's one input model (labels of any sortable type,
{-1, 1} and {0, 1} with an obvious positive class, ``pos_label=`` for any other
pair, ``predict_proba``'s two columns for binary labels); each column then
applies its own library's rules to what was read.

Notes
-----
Each library's defaults, as :func:`compare` reproduces them:

- scikit-learn takes labels, not scores: binary and multi-label
  predictions are ``y_score > threshold``, multi-class predictions the
  row's argmax (what ``predict`` returns). ``precision_score`` and friends
  default to ``average="binary"`` and raise for multi-class and
  multi-label targets; ``accuracy_score`` on a multi-label target is
  exact-match (subset) accuracy; ``roc_auc_score`` raises for multi-class
  scores (``multi_class="raise"``) and macro-averages labels;
  ``top_k_accuracy_score`` has ``k=2`` and ranks the higher class index
  first among tied scores (evalviz's own rule is the lowest index, numpy's
  argmax: see :func:`sklearn_top_k_accuracy`). Both raise for 0/1 labels
  with a two-column ``y_score`` (the two-softmax set-up): they want
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

The multi-label summaries and the Keras-style cell counts (``cell_counts``,
``multilabel_summary``, ``per_label_scores`` ...) live in :mod:`evalviz.metrics`;
they are still importable from here for one release. Their displays,
``CellCountsDisplay`` and ``MultilabelThresholdDisplay``, moved to
:mod:`evalviz.multilabel`.
"""

from __future__ import annotations

import numpy as np

from ._conventions_rules import (
    KERAS_AUC_THRESHOLDS,
    KERAS_TOP_K,
    KINDS,
    LIBRARIES,
    METRIC_NAMES,
    SKLEARN_TOP_K,
    binary_why,
    multilabel_why,
    single_label_why,
)
from ._validation import (
    _looks_like_probabilities,
    check_k,
    check_threshold,
    read_inputs,
)
from .metrics import (  # noqa: F401  (re-exported for one release, see above)
    all_no_element_wise,
    cell_counts,
    compare_thresholds,
    multilabel_summary,
    multilabel_threshold_table,
    per_label_scores,
    per_label_thresholds,
    roc_auc,
    top_k_accuracy,
    wrong_label_counts,
    wrong_labels_per_sample,
)

__all__ = [
    "LIBRARIES",
    "METRIC_NAMES",
    "KINDS",
    "ComparisonTable",  # noqa: F822 (built on first use, see __getattr__)
    "calls",
    "compare",
    "input_kind",
    "keras_auc",
    "sklearn_top_k_accuracy",
    # moved to evalviz.metrics, re-exported for one release
    "cell_counts",
    "compare_thresholds",
    "multilabel_summary",
    "multilabel_threshold_table",
    "per_label_scores",
    "per_label_thresholds",
    "wrong_label_counts",
    "wrong_labels_per_sample",
]

_KERAS_EPSILON = 1e-7  # keras.config.epsilon()


def __getattr__(name: str):
    # ComparisonTable subclasses pandas.DataFrame: built on first use so that
    # importing this module does not import pandas (no import cycle involved).
    if name == "ComparisonTable":
        from ._conventions_table import ComparisonTable

        return ComparisonTable
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------------
# Input kind
# ---------------------------------------------------------------------------


def _read(y_true, y_score, pos_label):
    """``(kind, truth, score, two_columns)`` as :func:`compare` sees the input."""
    inp = read_inputs(y_true, y_score, pos_label=pos_label)
    if inp.score is None:
        raise ValueError("y_score is required: pass the model's scores")
    if inp.kind == "multilabel":
        truth, score = inp.y, inp.score.astype(np.float64)
        one_hot = (truth.sum(axis=1) == 1).all()
        if one_hot and score.min() >= 0 and _looks_like_probabilities(score):
            return "one-hot", truth, score, False
        return "multilabel", truth, score, False
    if inp.kind == "multiclass":
        return "multiclass", inp.y, inp.score.astype(np.float64), False
    if inp.score_matrix is None:
        return "binary", inp.y, inp.score.astype(np.float64), False
    # Binary labels with predict_proba's two columns: a two-class problem, column
    # j = the j-th class in sorted order (the columns' order).
    neg, pos = inp.classes.tolist()
    pos_last = neg is None or _sorts_before(neg, pos)
    y_idx = (inp.y if pos_last else 1 - inp.y).astype(np.int64)
    return "multiclass", y_idx, inp.score_matrix.astype(np.float64), True


def _sorts_before(a, b) -> bool:
    try:
        return bool(a < b)
    except TypeError:
        return True


def input_kind(y_true, y_score, *, pos_label=None):
    """Classify the input as :func:`compare` sees it, and validate it.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, k)
        Class labels (any sortable type), one-hot labels or a 0/1 indicator.
    y_score : array-like of shape (n_samples,) or (n_samples, k)
        Scores: 1-D for binary labels, else one column per class or label.
    pos_label : object, optional
        The positive class of binary labels other than {0, 1}, {-1, 1} and
        {False, True}.

    Returns
    -------
    kind : {"binary", "multiclass", "one-hot", "multilabel"}
        The input kind.
    y_true : ndarray
        0/1 labels (binary; 1 = the positive class), class indices into the
        sorted classes (multiclass), or the (n, k) 0/1 matrix.
    y_score : ndarray of float64
        1-D (binary) or (n, k).

    Raises
    ------
    ValueError
        When the inputs cannot be read (the message names the fix), for
        example binary labels {1, 2} without ``pos_label``.

    Notes
    -----
    ``"one-hot"`` is a multi-class problem given as one-hot labels (every row
    of ``y_true`` holds exactly one 1) with probability rows (each row of
    ``y_score`` sums to one, as after a softmax): the usual Keras set-up with
    ``categorical_crossentropy``, two columns included. Any other 0/1 matrix is
    multi-label. Binary labels with a two-column ``y_score``
    (``predict_proba``) are a two-class ``"multiclass"`` problem.

    Examples
    --------
    >>> from evalviz.conventions import input_kind
    >>> input_kind(["no", "yes", "yes"], [0.2, 0.7, 0.9], pos_label="yes")[1].tolist()
    [0, 1, 1]
    """
    kind, truth, score, _ = _read(y_true, y_score, pos_label)
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
    n_pos = int(np.count_nonzero(truth01))
    if n_pos == 0 or n_pos == truth01.size:
        return None
    return roc_auc(truth01.astype(np.int8), score)


def _column_aucs(truth: np.ndarray, score: np.ndarray):
    return [_exact_auc(truth[:, j], score[:, j]) for j in range(truth.shape[1])]


# ---------------------------------------------------------------------------
# Keras rules
# ---------------------------------------------------------------------------


def keras_auc(
    y_true, y_score, *, num_thresholds=KERAS_AUC_THRESHOLDS, pos_label=None
) -> float:
    """The ROC AUC that ``keras.metrics.AUC()`` reports, computed in numpy.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, k)
        Binary labels of shape (n_samples,), class labels of shape
        (n_samples,) with an (n_samples, k) ``y_score`` (one-hot encoded here,
        as Keras needs), or a 0/1 matrix of shape (n_samples, k).
    y_score : array-like of shape (n_samples,) or (n_samples, k)
        Scores of the same shape as the (one-hot) ``y_true``.
    num_thresholds : int, default=200
        Keras' default.
    pos_label : object, optional
        The positive class of binary labels other than {0, 1}, {-1, 1} and
        {False, True}.

    Returns
    -------
    float
        The area under Keras' 200-point ROC polyline, in [0, 1].

    Raises
    ------
    ValueError
        When the inputs cannot be read or ``num_thresholds`` is below 3.

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

    Examples
    --------
    >>> from evalviz.conventions import keras_auc
    >>> round(keras_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 4)
    0.75
    """
    kind, truth, score = input_kind(y_true, y_score, pos_label=pos_label)
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
    """Cells, reasons and notes for binary labels with one score per sample."""
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
    if squashed:
        notes["torchmetrics"] = (
            "torchmetrics applied a sigmoid first, because the scores leave [0, 1] "
            "(it takes them for logits); Keras cut the raw scores."
        )
    return cells, binary_why(t), notes


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
        sk["top-k"] = sklearn_top_k_accuracy(y, s, k=SKLEARN_TOP_K)
    return sk


def sklearn_top_k_accuracy(y_true, y_score, *, k=SKLEARN_TOP_K) -> float:
    """Top-k accuracy by scikit-learn's tie rule: the higher class index first.

    scikit-learn's ``top_k_accuracy_score`` sorts each row with a stable sort
    and reverses it, so among tied scores the class with the HIGHER index
    ranks first. evalviz (:func:`evalviz.metrics.top_k_accuracy`) follows
    numpy's argmax instead, the lowest index first, so that top-1 accuracy
    equals argmax accuracy. The two differ only on rows with ties at the k-th
    place.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Class labels, one per row of ``y_score``.
    y_score : array-like of shape (n_samples, n_classes)
        Scores, one column per class.
    k : int, default=2
        How many top-ranked classes count as a hit (scikit-learn's default 2).

    Returns
    -------
    float
        The share of samples whose true class is among the k first.

    Raises
    ------
    ValueError
        When the inputs cannot be read or ``k`` is not in 1..n_classes.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.conventions import sklearn_top_k_accuracy
    >>> s = np.zeros((3, 3))  # every row a three-way tie: class 2 ranks first
    >>> sklearn_top_k_accuracy([2, 2, 2], s, k=1)
    1.0
    >>> sklearn_top_k_accuracy([0, 0, 0], s, k=1), float(np.mean(s.argmax(1) == 0))
    (0.0, 1.0)
    """
    inp = read_inputs(y_true, y_score, kind="multiclass")
    if inp.kind != "multiclass":
        raise ValueError(
            "y_score must have one column per class (n_samples, n_classes) with "
            f"at least 3 classes, got {inp.n_classes}"
        )
    k = check_k(k, inp.n_classes)
    ranked = np.argsort(inp.score, axis=1, kind="mergesort")[:, ::-1][:, :k]
    return float(np.mean((ranked == inp.y[:, None]).any(axis=1)))


def _single_label(y, onehot, s, t, kind):
    """Cells, reasons and notes for one label per sample (class indices ``y``)."""
    n_cols = s.shape[1]
    pred = s.argmax(axis=1)  # ties: the lowest index, as numpy and predict()
    cells = {
        "sklearn": _sklearn_single_label(y, pred, s, n_cols),
        "keras": _keras_single_label(y, onehot, s, t),
        "torchmetrics": _torchmetrics_single_label(y, onehot, pred, s),
    }
    notes = {}
    if _outside_unit(s):
        notes["torchmetrics"] = (
            "torchmetrics' AUROC applied a softmax first, because the scores leave "
            "[0, 1] (it takes them for logits)."
        )
    return cells, single_label_why(t, kind, n_cols == 2), notes


def _keras_single_label(y, onehot, s, t) -> dict:
    """Keras: one-hot labels, softmax outputs (categorical_crossentropy)."""
    ke = {}
    ke["accuracy"] = float(np.mean(y == s.astype(np.float32).argmax(axis=1)))
    ke["precision"], ke["recall"] = _keras_cells(onehot, s, t)
    ke["F1"] = _keras_f1_default(onehot, s)
    ke["AUC"] = _keras_auc_cells(onehot.ravel(), s.ravel(), KERAS_AUC_THRESHOLDS)
    ke["top-k"] = _keras_top_k(onehot, s, KERAS_TOP_K)
    return ke


def _torchmetrics_single_label(y, onehot, pred, s) -> dict:
    """torchmetrics: task="multiclass", num_classes=k, average="micro", top_k=1.

    Every one of accuracy, precision, recall and F1 is then the accuracy.
    """
    tm = {}
    acc = float(np.mean(pred == y))
    tm["accuracy"] = tm["precision"] = tm["recall"] = tm["F1"] = acc
    p = _softmax(s) if _outside_unit(s) else s
    aucs = _column_aucs(onehot, p)
    tm["AUC"] = float(np.mean([0.0 if a is None else a for a in aucs]))
    tm["top-k"] = acc
    return tm


def _multilabel(Y, s, t):
    """Cells, reasons and notes for a multi-label indicator ``Y``."""
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
    if squashed:
        notes["torchmetrics"] = (
            "torchmetrics applied a sigmoid first, because the scores leave [0, 1] "
            "(it takes them for logits); scikit-learn and Keras cut the raw scores."
        )
    return cells, multilabel_why(t), notes


def compare(y_true, y_score, *, threshold=0.5, pos_label=None):
    """What scikit-learn, Keras and torchmetrics would each report by default.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, k)
        Binary or multi-class labels of any sortable type (ints, strings);
        one-hot labels with softmax ``y_score``; or a 0/1 multi-label
        indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, k)
        1-D for binary labels (the positive class's score), else one column
        per class (sorted class order) or label; ``predict_proba``'s two
        columns for binary labels are read as a two-class problem.
    threshold : float, default=0.5
        The cut each library applies where it turns scores into yes/no
        (scikit-learn: the ``y_pred = y_score > threshold`` you would pass it;
        Keras ``BinaryAccuracy(threshold=)``, ``Precision(thresholds=)``;
        torchmetrics ``threshold=``). All three default to 0.5.
    pos_label : object, optional
        The positive class of binary labels other than {0, 1}, {-1, 1} and
        {False, True} (for example ``pos_label=2`` for labels 1 and 2, or
        ``pos_label="yes"``); the columns then see ``y_true == pos_label``.

    Returns
    -------
    ComparisonTable
        A DataFrame: one row per metric name, columns ``sklearn``, ``keras``,
        ``torchmetrics`` and ``why``. A cell is a float, a per-class array,
        ``"error: ..."`` (the library raises) or ``"n/a: ..."`` (it has no
        such metric). ``print(table)`` shows it all with the reasons.

    Raises
    ------
    ValueError
        When ``threshold`` is outside [0, 1], or the inputs cannot be read
        (binary labels without an obvious positive class need ``pos_label``;
        labels that do not match the score columns).

    Notes
    -----
    "Default" is the call typed without extra arguments (``table.calls``;
    each library's defaults are listed in ``help(evalviz.conventions)``).
    Every cut is strict (``score > threshold``); Keras computes in float32.
    scikit-learn's top-k ranks the higher class index first on ties
    (evalviz: the lowest): see :func:`sklearn_top_k_accuracy`.

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
    from ._conventions_table import describe_input, make_table

    kind, truth, score, two_columns = _read(y_true, y_score, pos_label)
    cells, why, notes = _all_cells(kind, truth, score, t)
    description = describe_input(kind, score, two_columns=two_columns)
    return make_table(
        cells, why, notes, kind=kind, threshold=t, description=description
    )


def _all_cells(kind, truth, score, t):
    """Every library's cells, the reasons and the notes for one input kind."""
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
    return cells, why, notes


def calls(kind: str):
    """The library calls that :func:`compare` reproduces for an input kind.

    Parameters
    ----------
    kind : {"binary", "multiclass", "one-hot", "multilabel"}
        The input kind, as ``compare(...).kind`` reports it.

    Returns
    -------
    pandas.DataFrame
        One row per metric name, one column per library, each cell the call
        (with its defaults) whose result ``compare`` reports.

    Raises
    ------
    ValueError
        When ``kind`` is not one of the four kinds.

    Examples
    --------
    >>> from evalviz.conventions import calls
    >>> calls("multilabel").loc["accuracy", "torchmetrics"]
    "Accuracy(task='multilabel', num_labels=k)"
    """
    from ._conventions_table import calls as _calls

    return _calls(kind)
