"""The default settings of each library and the reasons, in words, behind each cell.

Private to the metrics layer: :mod:`evalviz.conventions` computes the numbers
and re-exports the constants; this module holds the library defaults and the
``why`` texts of :func:`evalviz.conventions.compare`'s table (numpy-free).
"""

from __future__ import annotations

METRIC_NAMES = ("accuracy", "precision", "recall", "F1", "AUC", "top-k")
LIBRARIES = ("sklearn", "keras", "torchmetrics")
KINDS = ("binary", "multiclass", "one-hot", "multilabel")

#: Default ``k`` of each library's top-k accuracy.
SKLEARN_TOP_K = 2  # sklearn.metrics.top_k_accuracy_score(k=2)
KERAS_TOP_K = 5  # keras.metrics.TopKCategoricalAccuracy(k=5)
TORCHMETRICS_TOP_K = 1  # torchmetrics.Accuracy(top_k=1)
#: ``keras.metrics.AUC(num_thresholds=200)``.
KERAS_AUC_THRESHOLDS = 200


def binary_why(t: float) -> dict:
    """The ``why`` column for binary labels with one score per sample.

    Parameters
    ----------
    t : float
        The threshold, quoted in the texts.

    Returns
    -------
    dict
        ``{metric: reason}``.
    """
    return {
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


def single_label_why(t: float, kind: str, two: bool) -> dict:
    """The ``why`` column for one label per sample (multi-class or one-hot).

    Parameters
    ----------
    t : float
        The threshold, quoted in the texts.
    kind : {"multiclass", "one-hot"}
        How the labels were given.
    two : bool
        Two score columns (the two-softmax set-up).

    Returns
    -------
    dict
        ``{metric: reason}``.
    """
    lead = (
        "One-hot labels: scikit-learn and torchmetrics get y_true.argmax(axis=1); "
        if kind == "one-hot"
        else "Keras is given one-hot labels (its Precision, Recall and AUC need them); "
    )
    why_precision, why_recall, why_f1, why_auc = (
        _two_column_why(t) if two else _many_column_why(t)
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
    return why


def _two_column_why(t: float):
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
    return why_precision, why_recall, why_f1, why_auc


def _many_column_why(t: float):
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
    return why_precision, why_recall, why_f1, why_auc


def multilabel_why(t: float) -> dict:
    """The ``why`` column for a multi-label indicator.

    Parameters
    ----------
    t : float
        The threshold, quoted in the texts.

    Returns
    -------
    dict
        ``{metric: reason}``.
    """
    return {
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
