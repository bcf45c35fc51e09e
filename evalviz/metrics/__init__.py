"""Exact, vectorised classification metrics: the only place evalviz computes.

numpy only at import time (pandas is imported by the few functions that
return a DataFrame, when they are called); no matplotlib. Every function reads
its inputs through the one input model in ``evalviz._validation``.

The work lives in private modules: ``_ranking`` (ROC / PR curves, AUC, average
precision, top-k) and ``_counting`` (confusion matrices, precision / recall /
F1, reports, threshold sweeps) and ``_multilabel`` (element-wise vs
exact-match summaries, per-label scores and thresholds, Keras-style cell
counts).
"""

from __future__ import annotations

from ._counting import (
    accuracy,
    confusion_matrix,
    counts_at_thresholds,
    normalize_confusion,
    precision_recall_f1,
    report_from_confusion,
    top_confusions,
)

# --- from conventions part ---
from ._multilabel import (
    all_no_element_wise,
    cell_counts,
    compare_thresholds,
    multilabel_summary,
    multilabel_threshold_table,
    per_label_scores,
    per_label_thresholds,
    wrong_label_counts,
    wrong_labels_per_sample,
)
from ._ranking import (
    average_precision,
    label_hits_at_k,
    micro_auc_by_label,
    precision_at_k,
    precision_recall_curve,
    rank_of_true_class,
    recall_at_k,
    roc_auc,
    roc_curve,
    top_k_accuracy,
    top_k_accuracy_curve,
)

__all__ = [
    # ranking
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
    # counting
    "confusion_matrix",
    "accuracy",
    "precision_recall_f1",
    "report_from_confusion",
    "counts_at_thresholds",
    "normalize_confusion",
    "top_confusions",
    # --- from conventions part: multi-label summaries and Keras-style cell counts ---
    "all_no_element_wise",
    "cell_counts",
    "compare_thresholds",
    "multilabel_summary",
    "multilabel_threshold_table",
    "per_label_scores",
    "per_label_thresholds",
    "wrong_label_counts",
    "wrong_labels_per_sample",
]
