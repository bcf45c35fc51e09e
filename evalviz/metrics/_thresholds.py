"""Numbers at a decision threshold: the counts at one cut, F1-best thresholds.

numpy at import time; :func:`f1_best_thresholds` imports pandas when called.
Every function reads its inputs through the one input model
(:func:`evalviz._validation.read_inputs`). A sample is predicted positive when
``y_score >= threshold``, the cut of scikit-learn's curves.
"""

from __future__ import annotations

import numpy as np

from .._format import format_threshold
from .._validation import check_threshold, class_index, read_inputs
from ._sweep import at_or_above

__all__ = ["confusion_at_threshold", "f1_best_thresholds"]


def _ratio(num: int, den: int) -> float:
    """``num / den``, 0.0 when ``den`` is 0 (scikit-learn's ``zero_division=0``)."""
    return float(num) / float(den) if den else 0.0


def _counts(truth01: np.ndarray, score: np.ndarray, threshold: float) -> dict:
    """Counts and rates of a 0/1 target and a 1-D score at one threshold."""
    predicted = at_or_above(score, threshold)
    n_pos = int(np.count_nonzero(truth01))
    tp = int(np.count_nonzero(predicted & (truth01 == 1)))
    pp = int(np.count_nonzero(predicted))
    fp, fn = pp - tp, n_pos - tp
    tn = int(truth01.size) - n_pos - fp
    return {
        "threshold": threshold,
        "tn": tn,
        "fp": fp,
        "fn": fn,
        "tp": tp,
        "accuracy": _ratio(tp + tn, truth01.size),
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "fpr": _ratio(fp, fp + tn),
        "predicted_positive": pp,
        "confusion_matrix": np.array([[tn, fp], [fn, tp]], dtype=np.int64),
    }


def confusion_at_threshold(y_true, y_score, threshold, *, pos_label=None) -> dict:
    """Confusion counts and rates of a binary problem cut at one threshold.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels: {0, 1}, {-1, 1} or {False, True}, or any two labels
        with ``pos_label``.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        Score of the positive class (a ``predict_proba`` matrix is read as
        one column per class).
    threshold : float
        The cut, in score units: ``y_score >= threshold`` is predicted positive.
    pos_label : object, optional
        The positive class; needed unless the labels are {0, 1}, {-1, 1} or
        {False, True}.

    Returns
    -------
    dict
        ``threshold``, the counts ``tn``, ``fp``, ``fn``, ``tp`` and
        ``predicted_positive`` (ints), the rates ``accuracy``, ``precision``,
        ``recall`` (true positive rate), ``f1`` and ``fpr`` (floats in [0, 1];
        0.0 where nothing is divided, as scikit-learn's ``zero_division=0``)
        and ``confusion_matrix``, an int64 array of shape (2, 2) with
        rows = true class (negative, positive).

    Raises
    ------
    ValueError
        When the inputs are not binary, the positive class is not obvious
        without ``pos_label``, or ``threshold`` is not a finite number.

    See Also
    --------
    counts_at_thresholds : The same counts at many thresholds, as a table.

    Examples
    --------
    >>> from evalviz.metrics import confusion_at_threshold
    >>> c = confusion_at_threshold([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], 0.5)
    >>> c["tp"], c["fp"], c["precision"]
    (1, 1, 0.5)
    """
    inputs = read_inputs(y_true, y_score, pos_label=pos_label, kind="binary")
    return _counts(inputs.y, inputs.score, check_threshold(threshold))


def _best_f1(truth01: np.ndarray, score: np.ndarray) -> tuple[float, float]:
    """(threshold, F1) maximising F1 over every distinct score; ties -> lowest."""
    cuts = np.unique(score)
    pos = np.sort(score[truth01 == 1])
    neg = np.sort(score[truth01 == 0])
    tp = pos.size - np.searchsorted(pos, cuts, side="left")
    fp = neg.size - np.searchsorted(neg, cuts, side="left")
    f1 = 2.0 * tp / (tp + fp + pos.size)  # 2tp / (2tp + fp + fn), fn = P - tp
    best = int(np.argmax(f1))  # the first maximum: the lowest threshold
    return float(cuts[best]), float(f1[best])


def _one_vs_rest_columns(inputs) -> tuple[np.ndarray, np.ndarray, list]:
    """(truth (n, k) 0/1, score (n, k), names) with one column per class."""
    if inputs.kind == "binary":
        return inputs.y[:, None], inputs.score[:, None], [inputs.names[1]]
    return inputs.one_vs_rest(), inputs.score, list(inputs.names)


def _read_tuning_data(y_true, y_score, labels, display_labels, pos_label, name):
    return read_inputs(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label,
        require_probabilities=True,
        y_true_name=f"{name}y_true",
        y_score_name=f"{name}y_score",
    )


def _held_out(test, inputs, labels, display_labels, pos_label):
    if not isinstance(test, (tuple, list)) or len(test) != 2:
        raise ValueError(
            f"test must be a pair (y_true, y_score), got {type(test).__name__}"
        )
    held = _read_tuning_data(*test, labels, display_labels, pos_label, "test ")
    if held.kind != inputs.kind or list(held.names) != list(inputs.names):
        raise ValueError(
            f"test holds {held.kind} data with classes {list(held.names)}, but the "
            f"tuning data is {inputs.kind} with {list(inputs.names)}; pass the same "
            "kind of targets and score columns for both"
        )
    return held


def f1_best_thresholds(
    y_true,
    y_score,
    *,
    labels=None,
    display_labels=None,
    pos_label=None,
    classes=None,
    default=0.5,
    test=None,
):
    """Each class's F1-best threshold, next to a default one, optionally on test data.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        The data the thresholds are tuned on (validation data): binary labels,
        multi-class labels or a 0/1 multi-label indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores: 1-D for binary input, else one column per class. Multi-class
        rows must be probabilities (a threshold on one column of logits
        depends on a row offset the model does not define).
    labels : array-like, optional
        The class values and their order (scikit-learn's meaning).
    display_labels : sequence of str, optional
        The class names used as the index.
    pos_label : object, optional
        The positive class of binary input (see :func:`confusion_at_threshold`).
    classes : sequence, optional
        The classes to tune: class values, names or column indices (default:
        every class; binary input has one, the positive class).
    default : float, default 0.5
        The threshold to compare with.
    test : tuple of (array-like, array-like), optional
        Held-out ``(y_true, y_score)`` of the same kind, on which both
        thresholds are only evaluated, never chosen.

    Returns
    -------
    pandas.DataFrame
        One row per class (index ``class``, the names): ``threshold``
        (F1-best on the tuning data), ``f1`` there, ``f1 at <default>``, the
        ``gain`` of F1, and with ``test``: ``test f1``, ``test f1 at
        <default>`` and ``test gain``.

    Raises
    ------
    ValueError
        When a tuned class has no positives, ``test`` is not a pair of the
        same kind and classes, a class in ``classes`` is unknown, or the
        inputs are refused by the input model.

    Notes
    -----
    One class against the rest; ``score >= threshold`` is positive. Every
    distinct score of the tuning data is tried; ties in F1 go to the lowest
    threshold. The tuning columns are in-sample: the threshold was picked to
    maximise that very F1, so its gain there is optimistic. The test columns
    say whether the gain holds on data the choice never saw.

    Examples
    --------
    >>> from evalviz.metrics import f1_best_thresholds
    >>> table = f1_best_thresholds([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.3])
    >>> float(table.loc["1", "threshold"]), float(table.loc["1", "f1"])
    (0.3, 0.8571428571428571)
    """
    import pandas as pd

    inputs = _read_tuning_data(y_true, y_score, labels, display_labels, pos_label, "")
    held = None
    if test is not None:
        held = _held_out(test, inputs, labels, display_labels, pos_label)
    default = check_threshold(default, "default")
    columns = _one_vs_rest_columns(inputs)
    held_columns = None if held is None else _one_vs_rest_columns(held)
    if classes is None or inputs.kind == "binary":
        chosen = range(len(columns[2]))
    else:
        if isinstance(classes, (str, int, np.integer)):
            classes = [classes]
        chosen = [class_index(inputs, c, "classes") for c in list(classes)]
    rows = [_tuning_row(columns, held_columns, k, default) for k in chosen]
    return pd.DataFrame(rows).set_index("class")


def _tuning_row(columns, held_columns, k: int, default: float) -> dict:
    """One class's row of :func:`f1_best_thresholds`."""
    truth, score, names = columns
    if not truth[:, k].any():
        raise ValueError(
            f"class {names[k]!r} has no positives in y_true; an F1-best "
            "threshold needs at least one"
        )
    at_default = f"f1 at {format_threshold(default)}"
    t, f1 = _best_f1(truth[:, k], score[:, k])
    base = _counts(truth[:, k], score[:, k], default)["f1"]
    row = {"class": names[k], "threshold": t, "f1": f1, at_default: base}
    row["gain"] = f1 - base
    if held_columns is not None:
        truth_t, score_t, _ = held_columns
        row["test f1"] = _counts(truth_t[:, k], score_t[:, k], t)["f1"]
        base_t = _counts(truth_t[:, k], score_t[:, k], default)["f1"]
        row[f"test {at_default}"] = base_t
        row["test gain"] = row["test f1"] - base_t
    return row
