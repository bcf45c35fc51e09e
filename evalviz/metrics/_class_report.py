"""The classification report from labels: scikit-learn's numbers as a table.

``classification_report`` takes the arguments of its scikit-learn namesake
(``target_names`` is ``display_labels`` here, evalviz's name for the names
shown) and returns a pandas DataFrame (pandas is imported when it is called),
or scikit-learn's dictionary with ``output_dict=True``. numpy only at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .._validation import _class_name
from ._prfs import _read_targets, precision_recall_fscore_support

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["classification_report"]

_HEADERS = ("precision", "recall", "f1-score", "support")
_RESERVED = {"accuracy", "micro avg", "macro avg", "weighted avg", "samples avg"}


def _report_names(label_values, display_labels) -> list[str]:
    if display_labels is None:
        names = [_class_name(v) for v in label_values]
    else:
        names = [str(x) for x in display_labels]
        if len(names) != len(label_values):
            raise ValueError(
                f"display_labels has {len(names)} names but the report has "
                f"{len(label_values)} classes ({list(label_values)[:10]}); pass one "
                "name per class, in the order of labels= (scikit-learn warns and "
                "drops the extra rows instead)"
            )
    if len(set(names)) != len(names):
        raise ValueError(f"the class names must be distinct, got {names[:10]}")
    reserved = _RESERVED & set(names)
    if reserved:
        raise ValueError(f"class names may not use the row names {sorted(reserved)}")
    return names


def classification_report(
    y_true,
    y_pred,
    *,
    labels=None,
    display_labels=None,
    sample_weight=None,
    output_dict=False,
    zero_division="warn",
) -> pd.DataFrame | dict:
    """Precision, recall, F1 and support per class, with their averages.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True class labels of any sortable type, or a 0/1 indicator matrix.
    y_pred : array-like, same shape as ``y_true``
        Predicted class labels, or a 0/1 indicator matrix.
    labels : array-like, optional
        The classes to report and their order (class values, or column
        indices of an indicator matrix). Default: every class in ``y_true``
        or ``y_pred``, sorted.
    display_labels : sequence of str, optional
        The names shown, one per reported class (scikit-learn's
        ``target_names``). Default: the class values as text.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weight of each sample.
    output_dict : bool, default False
        Return scikit-learn's ``output_dict=True`` dictionary instead of a
        DataFrame.
    zero_division : {"warn", 0.0, 1.0, np.nan}, default "warn"
        Value of a ratio with nothing to divide by; ``"warn"`` gives 0.0 and
        an ``UndefinedMetricWarning``.

    Returns
    -------
    pandas.DataFrame or dict
        One row per class, then ``"accuracy"`` (single-label data over all
        its classes; else ``"micro avg"``), ``"macro avg"``, ``"weighted
        avg"`` and, for multi-label data, ``"samples avg"``; columns
        ``precision``, ``recall``, ``f1-score``, ``support``. The
        ``"accuracy"`` row repeats the accuracy in its three rate columns (the
        dictionary has it as a single number, as scikit-learn's). Support of an
        average row: the summed support of the reported classes.

    Raises
    ------
    ValueError
        If the targets cannot be read, ``display_labels`` does not give one
        distinct name per class, or a name is one of the average rows' names.

    Notes
    -----
    The numbers are :func:`precision_recall_fscore_support` per class and for
    each average, as :func:`sklearn.metrics.classification_report` computes
    them, so ``pd.DataFrame(classification_report(..., output_dict=True)).T``
    of scikit-learn gives the same numbers. Differences: names that do not
    match the classes in number are an error here (scikit-learn warns and
    drops rows when ``labels`` is given), and the text layout is left to
    pandas.

    Examples
    --------
    >>> report = classification_report(["a", "b", "b"], ["a", "a", "b"])
    >>> report.loc["b", ["precision", "recall"]].tolist()
    [1.0, 0.5]
    >>> report.index.tolist()
    ['a', 'b', 'accuracy', 'macro avg', 'weighted avg']
    """
    inp = _read_targets(y_true, y_pred)
    if labels is None:
        label_values = inp.classes.tolist()
        micro_is_accuracy = inp.kind != "multilabel"
    else:
        label_values = np.asarray(list(labels)).tolist()
        micro_is_accuracy = inp.kind != "multilabel" and set(label_values) >= set(
            inp.classes.tolist()
        )
    names = _report_names(label_values, display_labels)
    common = {
        "labels": label_values,
        "sample_weight": sample_weight,
        "zero_division": zero_division,
    }
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, **common)
    rows = {
        name: [float(p[i]), float(r[i]), float(f[i]), float(s[i])]
        for i, name in enumerate(names)
    }
    total = float(np.sum(s))
    averages = ["micro", "macro", "weighted"]
    if inp.kind == "multilabel":
        averages.append("samples")
    for average in averages:
        heading = (
            "accuracy" if average == "micro" and micro_is_accuracy else f"{average} avg"
        )
        ap, ar, af, _ = precision_recall_fscore_support(
            y_true, y_pred, average=average, **common
        )
        rows[heading] = [ap, ar, af, total]
    if output_dict:
        out = {
            key: dict(zip(_HEADERS, values, strict=True))
            for key, values in rows.items()
        }
        if "accuracy" in out:
            out["accuracy"] = out["accuracy"]["precision"]
        return out
    import pandas as pd

    return pd.DataFrame.from_dict(rows, orient="index", columns=list(_HEADERS))
