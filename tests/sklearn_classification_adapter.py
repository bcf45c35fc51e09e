"""scikit-learn's counting metrics served by evalviz, for scikit-learn's own tests.

Each function here takes the arguments of its scikit-learn namesake, passes
them to the evalviz function that computes the same thing, and returns what
scikit-learn returns. It translates arguments and output formats only (for
example scikit-learn's ``target_names`` is evalviz's ``display_labels``, and
scikit-learn's text report is printed from evalviz's report table with
scikit-learn's layout); every number comes from evalviz. What evalviz does not
offer is refused by raising :class:`NotInEvalviz`, never computed here.
"""

from __future__ import annotations

from sklearn_ranking_adapter import average_precision_score  # noqa: F401 - served

import evalviz.metrics as evm

#: The warning class the tests expect, as evalviz names it.
UndefinedMetricWarning = evm.UndefinedMetricWarning


class NotInEvalviz(NotImplementedError):
    """The test asks for something evalviz does not offer."""


def accuracy_score(y_true, y_pred, *, normalize=True, sample_weight=None):
    """``sklearn.metrics.accuracy_score`` through ``evalviz.metrics.accuracy``."""
    if not normalize:
        raise NotInEvalviz("accuracy_score(normalize=False): evalviz gives the share")
    return evm.accuracy(y_true, y_pred, sample_weight=sample_weight)


#: Same names, same arguments: evalviz's functions are served as they are.
matthews_corrcoef = evm.matthews_corrcoef
cohen_kappa_score = evm.cohen_kappa_score
jaccard_score = evm.jaccard_score
hamming_loss = evm.hamming_loss
zero_one_loss = evm.zero_one_loss
balanced_accuracy_score = evm.balanced_accuracy_score
class_likelihood_ratios = evm.class_likelihood_ratios
log_loss = evm.log_loss
brier_score_loss = evm.brier_score_loss
hinge_loss = evm.hinge_loss
d2_log_loss_score = evm.d2_log_loss_score
d2_brier_score = evm.d2_brier_score


def confusion_matrix(
    y_true, y_pred, *, labels=None, sample_weight=None, normalize=None
):
    """``sklearn.metrics.confusion_matrix`` through ``evalviz.metrics``."""
    return evm.confusion_matrix(
        y_true, y_pred, labels=labels, sample_weight=sample_weight, normalize=normalize
    )


def multilabel_confusion_matrix(
    y_true, y_pred, *, sample_weight=None, labels=None, samplewise=False
):
    """``sklearn.metrics.multilabel_confusion_matrix`` through ``evalviz.metrics``."""
    return evm.multilabel_confusion_matrix(
        y_true,
        y_pred,
        sample_weight=sample_weight,
        labels=labels,
        samplewise=samplewise,
    )


def precision_recall_fscore_support(y_true, y_pred, **kwargs):
    """``sklearn.metrics.precision_recall_fscore_support`` (same keywords)."""
    return evm.precision_recall_fscore_support(y_true, y_pred, **kwargs)


def fbeta_score(y_true, y_pred, **kwargs):
    """``sklearn.metrics.fbeta_score`` (same keywords)."""
    return evm.fbeta_score(y_true, y_pred, **kwargs)


def f1_score(y_true, y_pred, **kwargs):
    """``sklearn.metrics.f1_score`` (same keywords)."""
    return evm.f1_score(y_true, y_pred, **kwargs)


def precision_score(y_true, y_pred, **kwargs):
    """``sklearn.metrics.precision_score`` (same keywords)."""
    return evm.precision_score(y_true, y_pred, **kwargs)


def recall_score(y_true, y_pred, **kwargs):
    """``sklearn.metrics.recall_score`` (same keywords)."""
    return evm.recall_score(y_true, y_pred, **kwargs)


_AVERAGE_ROWS = ("accuracy", "micro avg", "macro avg", "weighted avg", "samples avg")


def classification_report(
    y_true,
    y_pred,
    *,
    labels=None,
    target_names=None,
    sample_weight=None,
    digits=2,
    output_dict=False,
    zero_division="warn",
):
    """``sklearn.metrics.classification_report``: evalviz's table, sklearn's layout."""
    kwargs = {
        "labels": labels,
        "display_labels": target_names,
        "sample_weight": sample_weight,
        "zero_division": zero_division,
    }
    if output_dict:
        return evm.classification_report(y_true, y_pred, output_dict=True, **kwargs)
    frame = evm.classification_report(y_true, y_pred, **kwargs)
    return _as_text(frame, digits, weighted=sample_weight is not None)


def _as_text(frame, digits: int, weighted: bool) -> str:
    """scikit-learn's text layout of a report table (layout only)."""
    names = [str(n) for n in frame.index]
    classes = [n for n in names if n not in _AVERAGE_ROWS]
    width = max(max(len(n) for n in classes), len("weighted avg"), digits)
    headers = ["precision", "recall", "f1-score", "support"]
    text = ("{:>{width}s} " + " {:>9}" * 4).format("", *headers, width=width)
    text += "\n\n"
    row_fmt = "{:>{width}s} " + " {:>9.{digits}f}" * 3 + " {:>9}\n"

    def support(value):
        return float(value) if weighted else int(value)

    for name in classes:
        p, r, f, s = frame.loc[name].tolist()
        text += row_fmt.format(name, p, r, f, support(s), width=width, digits=digits)
    text += "\n"
    for name in names[len(classes) :]:
        p, r, f, s = frame.loc[name].tolist()
        total = support(s)
        if name == "accuracy":
            fmt = "{:>{width}s} " + " {:>9.{digits}}" * 2 + " {:>9.{digits}f} {:>9}\n"
            text += fmt.format(name, "", "", f, total, width=width, digits=digits)
        else:
            text += row_fmt.format(name, p, r, f, total, width=width, digits=digits)
    return text


#: The scikit-learn names this adapter serves.
PROVIDED = (
    "accuracy_score",
    "average_precision_score",
    "balanced_accuracy_score",
    "brier_score_loss",
    "class_likelihood_ratios",
    "cohen_kappa_score",
    "d2_brier_score",
    "d2_log_loss_score",
    "hamming_loss",
    "hinge_loss",
    "jaccard_score",
    "log_loss",
    "matthews_corrcoef",
    "zero_one_loss",
    "classification_report",
    "confusion_matrix",
    "f1_score",
    "fbeta_score",
    "multilabel_confusion_matrix",
    "precision_recall_fscore_support",
    "precision_score",
    "recall_score",
)
