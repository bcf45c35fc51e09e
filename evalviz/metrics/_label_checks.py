"""Errors of the ranking metrics in scikit-learn's words, then ours.

A user coming from scikit-learn searches for the message they know, so the
ranking metrics' refusals that mean the same thing as one of scikit-learn's
start with its sentence and go on with evalviz's explanation and fix. The
checks run before :func:`read_inputs` only when ``labels=`` is given (a
short list); the others rewrite an error that ``read_inputs`` already raised,
so the normal path costs nothing. numpy only.
"""

from __future__ import annotations

import numpy as np

from .._validation import _show

__all__ = ["check_labels_words", "in_sklearn_words", "check_pos_label_fixed"]

_GIVEN = {
    "auc": "Number of given labels, {n}, not equal to the number of columns in "
    "'y_score', {k}",
    "topk": "Number of given labels ({n}) not equal to the number of classes in "
    "'y_score' ({k}).",
}


def _plain(values) -> list:
    return [v.item() if hasattr(v, "item") else v for v in values]


def check_labels_words(y_true, labels, n_columns, style: str) -> None:
    """Refuse a ``labels=`` list as scikit-learn does for multi-class metrics.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Class labels.
    labels : array-like or None
        The class value of each score column (any order is accepted here:
        unlike scikit-learn, evalviz reads the columns in the order given).
    n_columns : int
        Columns of ``y_score``.
    style : {"auc", "topk"}
        Which scikit-learn function's wording to use.

    Raises
    ------
    ValueError
        If the labels repeat a value, do not match the number of columns, or
        miss a value of ``y_true`` (only when some of them are class values:
        names are left to ``read_inputs``' deprecation path).
    """
    if labels is None:
        return
    values = np.asarray(list(labels))
    if values.ndim != 1 or values.size == 0:
        return
    listed = _plain(values)
    if len(set(listed)) != len(listed):
        twice = sorted({v for v in listed if listed.count(v) > 1}, key=str)
        raise ValueError(
            f"Parameter 'labels' must be unique{'.' if style == 'topk' else ''} "
            f"labels={_show(values)} lists {_show(twice)} more than once; pass each "
            "class value once, in score column order"
        )
    y = np.asarray(y_true)
    if y.ndim != 1 or y.dtype.kind not in "iubUSO":
        return
    present = _plain(np.unique(y))
    known = set(listed)
    missing = [v for v in present if v not in known]
    if len(missing) == len(present):
        return  # not class values: read_inputs reads them as names (deprecated)
    if values.size != n_columns:
        raise ValueError(
            _GIVEN[style].format(n=values.size, k=n_columns)
            + f": labels={_show(values)} must give one class value per score column, "
            "in column order"
        )
    if missing:
        raise ValueError(
            "'y_true' contains labels not in parameter 'labels'"
            f"{'.' if style == 'topk' else ''} y_true holds {_show(missing)}, which "
            f"labels={_show(values)} does not list; add them (one class value per "
            "score column, in column order)"
        )


def check_pos_label_fixed(y_true, y_score, pos_label) -> None:
    """Refuse ``pos_label`` for multi-class / multi-label AP, as scikit-learn.

    Parameters
    ----------
    y_true, y_score : array-like
        The arguments received.
    pos_label : object or None
        Anything but None or 1 is refused when there is one score column per
        class (or label).

    Raises
    ------
    ValueError
        With scikit-learn's sentence and the fix.
    """
    if pos_label is None or (not isinstance(pos_label, str) and pos_label == 1):
        return
    if np.ndim(y_true) == 2:
        arr = np.asarray(y_true)
        if arr.dtype.kind in "iuf" and not np.isin(arr, (0, 1)).all():
            return  # multiclass-multioutput: the input reader refuses it
    multilabel = np.ndim(y_true) == 2 and np.shape(y_true)[1] > 1
    if not multilabel and (np.ndim(y_score) != 2 or np.shape(y_score)[1] <= 2):
        return
    kind = "multilabel-indicator" if multilabel else "multiclass"
    raise ValueError(
        f"Parameter pos_label is fixed to 1 for {kind} y_true. Do not set "
        f"pos_label or set pos_label to 1. Got pos_label={pos_label!r}: with one "
        "score column per class every class is positive in its own column; for "
        "one class alone pass y_true == that class with its column"
    )


def in_sklearn_words(
    error: ValueError, y_true, y_score, pos_label, *, multiclass_ok: bool = False
) -> ValueError:
    """The same error, led by scikit-learn's sentence when one applies.

    Parameters
    ----------
    error : ValueError
        What ``read_inputs`` raised for a binary metric or curve.
    y_true, y_score : array-like
        The arguments received.
    pos_label : object or None
        The ``pos_label`` received.
    multiclass_ok : bool, default=False
        The metric takes multi-class input (with a score matrix); a curve
        does not.

    Returns
    -------
    ValueError
        A new error whose message starts with scikit-learn's sentence, or
        ``error`` itself.
    """
    try:
        y = np.asarray(y_true)
        if y.ndim != 1 or _has_missing(y):
            return error  # the reader's own words on missing labels are right
        classes = np.unique(y)
    except (TypeError, ValueError):
        return error
    lead = _lead(classes, y_score, pos_label, str(error), multiclass_ok)
    if lead is None:
        return error
    return ValueError(
        f"{lead}. {error}" if not lead.endswith(".") else f"{lead} {error}"
    )


def _has_missing(y) -> bool:
    """Whether a 1-D label array holds NaN, None or pandas' NA."""
    if y.dtype.kind == "f":
        return bool(np.isnan(y).any())
    if y.dtype.kind != "O":
        return False
    for v in y.tolist():
        if v is None or type(v).__name__ in ("NAType", "NaTType"):
            return True
        if isinstance(v, float) and v != v:
            return True
    return False


def _lead(classes, y_score, pos_label, message, multiclass_ok):
    """scikit-learn's sentence for the cause of ``message``, or None."""
    if classes.size > 2:
        if multiclass_ok and np.ndim(y_score) == 2:
            return None  # a score matrix is right for multi-class input
        if np.ndim(y_score) == 1 and multiclass_ok:
            return (
                "`y_score` needs to be of shape `(n_samples, n_classes)`, since "
                "`y_true` contains multiple classes"
            )
        return "multiclass format is not supported"
    plain = _plain(classes)
    numeric = classes.dtype.kind in "biuf"
    if pos_label is None:
        usual = numeric and (set(plain) <= {0, 1} or set(plain) <= {-1, 1})
        if classes.size < 2 or usual or "pos_label" not in message:
            return None
        shown = ", ".join(repr(c) for c in plain)
        return (
            f"y_true takes value in {{{shown}}} and pos_label is not specified: "
            "either make y_true take value in {0, 1} or {-1, 1} or pass pos_label "
            "explicitly."
        )
    if pos_label in plain:
        return None
    if isinstance(pos_label, str) and numeric:
        what = "integers" if classes.dtype.kind in "biu" else "numbers"
        return (
            f"pos_label={pos_label!r} is a string, but the classes of y_true are "
            f"the {what} {plain}"
        )
    return f"pos_label={pos_label} is not a valid label. It should be one of {classes}"
