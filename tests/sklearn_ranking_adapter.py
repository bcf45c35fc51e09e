"""scikit-learn's ranking API served by evalviz, for running scikit-learn's tests.

Each function has scikit-learn's name and signature and calls the evalviz
metric that does the same job. The adapter only translates arguments:

- scikit-learn's behaviour for undefined cases (NaN with a warning) is
  evalviz's ``undefined="warn"`` switch, so every call passes it, and
  evalviz's ``UndefinedMetricWarning`` is re-emitted as scikit-learn's class;
- scikit-learn's defaults that differ from evalviz's are passed explicitly
  (``drop_intermediate=True`` for ``roc_curve``, ``multi_class="raise"`` for
  ``roc_auc_score``, ``pos_label=1`` for ``average_precision_score``);
- what evalviz does not offer is refused with :class:`NotInEvalviz` (a
  ``NotImplementedError``), never computed some other way.

No number is computed here: every value returned is evalviz's.
"""

from __future__ import annotations

import contextlib
import functools
import warnings

import numpy as np

from evalviz import metrics as ev

#: The functions of ``sklearn.metrics`` this module replaces.
REPLACED = (
    "roc_auc_score",
    "average_precision_score",
    "roc_curve",
    "precision_recall_curve",
    "top_k_accuracy_score",
)

#: Calls served by evalviz since the last :func:`reset_calls` (for the suite's
#: summary of which tests exercised evalviz).
CALLS: list[str] = []


class NotInEvalviz(NotImplementedError):
    """An option of scikit-learn that evalviz does not offer."""


def reset_calls() -> None:
    """Forget the calls recorded so far."""
    CALLS.clear()


def _sklearn_warnings(fn):
    """Re-emit evalviz's ``UndefinedMetricWarning`` as scikit-learn's class.

    The two classes carry the same text; only the class differs, and
    scikit-learn's tests ask for its own.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from sklearn.exceptions import UndefinedMetricWarning

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = fn(*args, **kwargs)
        for w in caught:
            category = w.category
            if issubclass(category, ev.UndefinedMetricWarning):
                category = UndefinedMetricWarning
            warnings.warn(str(w.message), category, stacklevel=2)
        return result

    return wrapper


def _is_2d(y) -> bool:
    return np.ndim(np.asarray(y, dtype=object)) == 2


@_sklearn_warnings
def roc_auc_score(
    y_true,
    y_score,
    *,
    average="macro",
    sample_weight=None,
    max_fpr=None,
    multi_class="raise",
    labels=None,
):
    """scikit-learn's ``roc_auc_score`` as ``evalviz.metrics.roc_auc``."""
    CALLS.append("roc_auc_score")
    return ev.roc_auc(
        y_true,
        y_score,
        average=average,
        sample_weight=sample_weight,
        max_fpr=max_fpr,
        multi_class=multi_class,
        labels=labels,
        undefined="warn",
    )


@_sklearn_warnings
def average_precision_score(
    y_true, y_score, *, average="macro", pos_label=1, sample_weight=None
):
    """scikit-learn's ``average_precision_score`` as ``evalviz.metrics.average_precision``.

    scikit-learn's default ``pos_label=1`` is passed for 1-D scores; for 2-D
    scores (multi-class, multi-label) scikit-learn fixes it to 1, which is
    evalviz's ``pos_label=None``.
    """
    CALLS.append("average_precision_score")
    if _is_2d(y_score) and not isinstance(pos_label, str) and pos_label == 1:
        pos_label = None
    return ev.average_precision(
        y_true,
        y_score,
        average=average,
        pos_label=pos_label,
        sample_weight=sample_weight,
        undefined="warn",
    )


@_sklearn_warnings
def roc_curve(
    y_true, y_score, *, pos_label=None, sample_weight=None, drop_intermediate=True
):
    """scikit-learn's ``roc_curve`` as ``evalviz.metrics.roc_curve``."""
    CALLS.append("roc_curve")
    return ev.roc_curve(
        y_true,
        y_score,
        pos_label=pos_label,
        sample_weight=sample_weight,
        drop_intermediate=drop_intermediate,
        undefined="warn",
    )


@_sklearn_warnings
def precision_recall_curve(
    y_true, y_score, *, pos_label=None, sample_weight=None, drop_intermediate=False
):
    """scikit-learn's ``precision_recall_curve`` as evalviz's."""
    CALLS.append("precision_recall_curve")
    return ev.precision_recall_curve(
        y_true,
        y_score,
        pos_label=pos_label,
        sample_weight=sample_weight,
        drop_intermediate=drop_intermediate,
        undefined="warn",
    )


@_sklearn_warnings
def top_k_accuracy_score(
    y_true, y_score, *, k=2, normalize=True, sample_weight=None, labels=None
):
    """scikit-learn's ``top_k_accuracy_score`` as ``evalviz.metrics.top_k_accuracy``.

    ``normalize=False`` (a count instead of a share) is not offered by evalviz.
    """
    CALLS.append("top_k_accuracy_score")
    if not normalize:
        raise NotInEvalviz("top_k_accuracy has no normalize=False (counts)")
    return ev.top_k_accuracy(
        y_true, y_score, k, labels=labels, sample_weight=sample_weight
    )


@contextlib.contextmanager
def serving_sklearn_metrics():
    """Within the block, ``sklearn.metrics.<name>`` is this module's function.

    Used only while scikit-learn's test module is executed, so that its
    ``from sklearn.metrics import ...`` (and the lists of functions it builds
    at import) bind evalviz's; scikit-learn itself is restored afterwards.
    """
    import sklearn.metrics as skm

    saved = {name: getattr(skm, name) for name in REPLACED}
    try:
        for name in REPLACED:
            setattr(skm, name, globals()[name])
        yield
    finally:
        for name, fn in saved.items():
            setattr(skm, name, fn)
