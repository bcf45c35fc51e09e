"""How sure the explanation's headline numbers are: the "noise" reason.

Accuracy gets its Wilson interval and ROC AUC DeLong's interval (from
:mod:`evalviz.uncertainty`); for several classes, the lowest and the highest
per-class AUC are compared through their intervals. Every number the sentence
quotes is added to the explanation's table first.
"""

from __future__ import annotations

import numpy as np

from .. import uncertainty
from .._format import format_area, format_count, format_percent, plural
from ._text import SHARE, _spoken

CONFIDENCE = 0.95


def _span(low, high) -> str:
    return f"{format_area(low)} to {format_area(high)}"


def _accuracy_sentence(sheet, s):
    n = int(s["n"])
    right = int(round(float(s["accuracy"]) * n))
    low, high = (float(v) for v in uncertainty.proportion_ci(right, n))
    sheet.add("accuracy, 95% interval low", low, SHARE, "Wilson score interval.")
    sheet.add("accuracy, 95% interval high", high, SHARE, "Wilson score interval.")
    return (
        f"On {format_count(n)} samples, accuracy {format_area(s['accuracy'])} has a "
        f"{format_percent(CONFIDENCE)} interval of {_span(low, high)} (Wilson): "
        "the accuracies on new data from the same source that these "
        f"{plural(n, 'sample')} cannot rule out."
    )


def _auc_sentence(sheet, y, score, what, **kwargs):
    try:
        auc, low, high = uncertainty.delong_ci(y, score, **kwargs)
    except ValueError:
        return (
            f" {what} has no DeLong interval here: it needs at least 2 positives and "
            "2 negatives of every class."
        )
    sheet.add(f"{what}, 95% interval low", float(low), SHARE, "DeLong's interval.")
    sheet.add(f"{what}, 95% interval high", float(high), SHARE, "DeLong's interval.")
    return f" {what} {format_area(auc)}: {_span(low, high)} (DeLong, as R's pROC)."


def _spread_sentence(sheet, inp, s):
    """Lowest vs highest per-class AUC: beyond the noise when the intervals part."""
    defined = np.flatnonzero(s["defined"])
    if defined.size < 2:
        return ""
    try:
        per_class = uncertainty.delong_ci(inp.y, inp.score, average=None)
    except ValueError:
        return ""
    lows, highs = np.atleast_1d(per_class.low), np.atleast_1d(per_class.high)
    lo = int(defined[np.argmin(s["auc"][defined])])
    hi = int(defined[np.argmax(s["auc"][defined])])
    apart = bool(highs[lo] < lows[hi])
    sheet.add(
        "lowest and highest per-class AUC apart beyond the noise",
        apart,
        SHARE,
        "Whether their 95% DeLong intervals do not overlap.",
    )
    for j, which in ((lo, "lowest"), (hi, "highest")):
        for bound, values in (("low", lows), ("high", highs)):
            sheet.add(
                f"{which} per-class ROC AUC, 95% interval {bound}",
                float(values[j]),
                SHARE,
                "DeLong's interval.",
                inp.names[j],
            )
    low_name, high_name = _spoken(inp.names[lo]), _spoken(inp.names[hi])
    intervals = (
        f"({low_name} {_span(lows[lo], highs[lo])}, "
        f"{high_name} {_span(lows[hi], highs[hi])})"
    )
    if apart:
        return (
            f" The lowest and highest per-class AUC differ beyond the noise: their "
            f"intervals do not overlap {intervals}."
        )
    return (
        f" The gap between the lowest and highest per-class AUC is within the noise: "
        f"their intervals overlap {intervals}, so this test set may not tell them apart."
    )


def noise_reason(sheet, inp, s):
    """The text of "How sure these numbers are." for any kind of input.

    Parameters
    ----------
    sheet : _Sheet
        The explanation's table; every number quoted is added to it.
    inp : Inputs
        The read inputs (``kind``, ``y``, ``score``, ``names``).
    s : dict
        :func:`evalviz.metrics.binary_summary` or
        :func:`evalviz.metrics.class_summary` of the inputs.

    Returns
    -------
    str
        The sentences.
    """
    text = _accuracy_sentence(sheet, s)
    if inp.kind == "binary":
        if not np.isnan(s["auc"]):
            text += _auc_sentence(sheet, inp.y, inp.score, "ROC AUC")
        return text
    text += _auc_sentence(sheet, inp.y, inp.score, "Macro ROC AUC")
    return text + _spread_sentence(sheet, inp, s)
