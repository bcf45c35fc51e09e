"""Exact, vectorised classification metrics: the only place evalviz computes.

numpy only at import time (pandas is imported by the few functions that
return a DataFrame, when they are called); no matplotlib. Every function reads
its inputs through the one input model in ``evalviz._validation``.

The work lives in private modules: ``_ranking`` (ROC / PR curves, AUC, average
precision), ``_topk`` (top-k metrics and the tie rule), ``_counting``
(confusion matrices, precision / recall / F1, reports, counts at thresholds)
and ``_sweep`` (the one threshold sweep behind every curve and count).
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
from ._ranking import (
    average_precision,
    micro_auc_by_label,
    precision_recall_curve,
    roc_auc,
    roc_curve,
)
from ._topk import (
    label_hits_at_k,
    precision_at_k,
    rank_of_true_class,
    recall_at_k,
    tied_predictions,
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
    "tied_predictions",
    # counting
    "confusion_matrix",
    "accuracy",
    "precision_recall_f1",
    "report_from_confusion",
    "counts_at_thresholds",
    "normalize_confusion",
    "top_confusions",
]
