"""``explain``: what each headline metric answers, and why they disagree.

``evalviz.explain(y_true, y_score)`` reports accuracy, macro precision /
recall / F1, one-vs-rest ROC AUC (macro and micro), average precision and
top-k accuracy, marks each as decision-based or ranking-based, and writes
plain-language reasons, found in the data, for where they disagree. The
result renders as Markdown in Jupyter and as text with ``print``; every
number it shows is in ``.to_frame()`` (per class: ``.per_class``).

Nothing is computed here: the inputs are read by the one input model and
every number comes from :mod:`evalviz.metrics`. ``_explanation`` holds the
entry point and the result object, ``_text`` the sentences.
"""

from __future__ import annotations

from ._explanation import Explanation, explain

__all__ = ["explain", "Explanation"]
