"""The one warning class of evalviz's metrics (scikit-learn's counterpart)."""

from __future__ import annotations

__all__ = ["UndefinedMetricWarning"]


class UndefinedMetricWarning(UserWarning):
    """A metric is undefined for the data; scikit-learn's value is returned.

    Raised as a warning in two cases, with scikit-learn's messages:

    - a precision, recall or F-score had nothing to divide by and
      ``zero_division="warn"`` (the default) set it to 0.0; passing
      ``zero_division=0.0`` (or 1.0, or ``np.nan``) says the value wanted, so
      nothing is warned;
    - a ranking metric or curve is undefined (one class only) and
      ``undefined="warn"`` was passed: NaN for ROC AUC and for the rates of a
      ROC curve, 0 for average precision without positives. With the default
      ``undefined="raise"`` a ``ValueError`` names the class instead.

    The counterpart of ``sklearn.exceptions.UndefinedMetricWarning``: like it, a
    subclass of :class:`UserWarning`. It is a separate class because evalviz's
    metrics do not import scikit-learn;
    ``warnings.filterwarnings("ignore", category=UserWarning)`` silences both.

    Examples
    --------
    >>> import warnings
    >>> from evalviz import metrics
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     value = metrics.precision_score([0, 1], [0, 0])
    ...     auc = metrics.roc_auc([0, 0], [0.2, 0.7], undefined="warn")
    >>> value, auc, [w.category.__name__ for w in caught]
    (0.0, nan, ['UndefinedMetricWarning', 'UndefinedMetricWarning'])
    """
