"""Exact, vectorised classification metrics: the only place evalviz computes.

numpy only at import time (pandas is imported by the few functions that
return a DataFrame, when they are called); no matplotlib. Every function reads
its inputs through the one input model in ``evalviz._validation``.

The work lives in private modules: ``_ranking`` (ROC / PR curves, AUC, average
precision), ``_ranking_options`` (scikit-learn's ranking options: sample
weights, partial AUC, one-vs-one, per-sample averages, thinned curves, the
``undefined="warn"`` switch), ``_label_checks`` (refusals in scikit-learn's
words), ``_micro_auc`` (each label's share of the micro AUC), ``_topk`` (top-k metrics and the tie rule), ``_counting``
(confusion matrices, precision / recall / F1, reports, counts at thresholds),
``_prfs`` and ``_class_report`` (scikit-learn's precision / recall / F-beta,
per-label confusion and classification report, with its names and options),
``_cost`` (thresholds chosen by the cost of each error), ``_sweep`` (the one threshold sweep behind every curve and count), ``_curves``
(one-vs-rest curves, micro and macro averages, operating points),
``_threshold_search`` and ``_thresholds`` (thresholds for a target, F1-best
thresholds, tuning optimism), ``_prevalence`` (resampling to another
prevalence), ``_multilabel`` (element-wise vs exact-match summaries, per-label
scores and thresholds, Keras-style cell counts), ``_calibration`` (reliability bins, calibration
error, Brier score and log loss), ``_temperature`` (temperature scaling),
``_summary`` (the numbers the explainer quotes) and ``_topk_summary`` (what top-k forgives, report
comparisons).
"""

from __future__ import annotations

from ._agreement import (  # --- agreement and losses ---
    balanced_accuracy_score,
    class_likelihood_ratios,
    cohen_kappa_score,
    hamming_loss,
    jaccard_score,
    matthews_corrcoef,
    zero_one_loss,
)
from ._bands import CurveBand, pr_band, roc_band  # --- uncertainty bands ---

# --- calibration (re-exported by evalviz.calibration) ---
from ._calibration import (
    CalibrationBins,
    brier_score,
    calibration_bins,
    calibration_error,
    confident_predictions,
)
from ._calibration import log_loss as calibration_log_loss
from ._class_report import classification_report  # --- counting options ---
from ._cost import (  # --- costs ---
    CostThreshold,
    cost_threshold,
    expected_cost,
    expected_costs,
)
from ._counting import (
    accuracy,
    confusion_matrix,
    counts_at_thresholds,
    normalize_confusion,
    precision_recall_f1,
    report_from_confusion,
    top_confusions,
)

# --- from curves (h-curves) ---
from ._curves import (
    OneVsRestCurves,
    macro_pr_curve,
    macro_roc_curve,
    one_vs_rest_scores,
    operating_points,
    pr_curves,
    roc_curves,
    threshold_marks,
)
from ._losses import (  # --- agreement and losses ---
    brier_score_loss,
    d2_brier_score,
    d2_log_loss_score,
    hinge_loss,
    log_loss,
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
from ._prevalence import (  # --- from widgets ---
    prevalence_bounds,
    prevalence_sweep,
    resample_prevalence,
)
from ._prfs import (  # --- counting options ---
    f1_score,
    fbeta_score,
    multilabel_confusion_matrix,
    precision_recall_fscore_support,
    precision_score,
    recall_score,
)
from ._ranking import (
    average_precision,
    micro_auc_by_label,
    precision_recall_curve,
    roc_auc,
    roc_curve,
)

# --- from explainer ---
from ._summary import (
    binary_summary,
    class_summary,
    frequency_summary,
    share_of_negatives_beaten,
    top_k_summary,
)
from ._temperature import TemperatureScaling, temperature_scale  # --- calibration ---
from ._threshold_search import (
    sample_auc_pairs,
    threshold_for_target,
    threshold_table,
    tuning_optimism_runs,
)
from ._thresholds import (  # --- from widgets ---
    confusion_at_threshold,
    f1_best_thresholds,
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

# --- from the confusion / top-k part ---
from ._topk_summary import (
    compare_reports,
    forgiven_confusions,
    forgiven_summary,
    label_group_table,
    score_shares,
    scores_in_cells,
    topk_auc_summary,
)
from ._warnings import UndefinedMetricWarning  # scikit-learn's counterpart

__all__ = [
    # bootstrap bands of curves
    "CurveBand",
    "roc_band",
    "pr_band",
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
    # --- ranking options ---
    "UndefinedMetricWarning",
    # counting
    "confusion_matrix",
    "accuracy",
    "precision_recall_f1",
    "report_from_confusion",
    "counts_at_thresholds",
    "normalize_confusion",
    "top_confusions",
    # --- counting options ---
    "classification_report",
    "f1_score",
    "fbeta_score",
    "multilabel_confusion_matrix",
    "precision_recall_fscore_support",
    "precision_score",
    "recall_score",
    # --- end counting options ---
    # --- agreement and losses (scikit-learn's names) ---
    "balanced_accuracy_score",
    "class_likelihood_ratios",
    "cohen_kappa_score",
    "hamming_loss",
    "jaccard_score",
    "matthews_corrcoef",
    "zero_one_loss",
    "brier_score_loss",
    "d2_brier_score",
    "d2_log_loss_score",
    "hinge_loss",
    "log_loss",
    # --- end agreement and losses ---
    # --- thresholds chosen by cost ---
    "CostThreshold",
    "cost_threshold",
    "expected_cost",
    "expected_costs",
    # --- from explainer ---
    "share_of_negatives_beaten",
    "binary_summary",
    "class_summary",
    "top_k_summary",
    "frequency_summary",
    # --- from widgets ---
    "confusion_at_threshold",
    "f1_best_thresholds",
    "resample_prevalence",
    "prevalence_bounds",
    "prevalence_sweep",
    # --- end widgets ---
    # --- from curves (h-curves) ---
    "OneVsRestCurves",
    "roc_curves",
    "pr_curves",
    "macro_roc_curve",
    "macro_pr_curve",
    "one_vs_rest_scores",
    "operating_points",
    "threshold_marks",
    "threshold_table",
    "threshold_for_target",
    "tuning_optimism_runs",
    "sample_auc_pairs",
    # --- from the confusion / top-k part ---
    "forgiven_confusions",
    "forgiven_summary",
    "topk_auc_summary",
    "compare_reports",
    "scores_in_cells",
    "score_shares",
    "label_group_table",
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
    # --- calibration (re-exported by evalviz.calibration) ---
    "CalibrationBins",
    "calibration_bins",
    "calibration_error",
    "brier_score",
    "calibration_log_loss",
    "confident_predictions",
    "TemperatureScaling",
    "temperature_scale",
]
