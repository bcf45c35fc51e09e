"""Interactive threshold and prevalence labs for a learner's own predictions.

- :func:`threshold_explorer`: a threshold slider (and a class selector for
  multi-class and multi-label input) that moves, together, the threshold line
  on the score distributions, the confusion matrix, accuracy / precision /
  recall / F1 and the operating point on the ROC and the PR curve;
- :func:`prevalence_explorer`: resample the share of positives and watch ROC
  AUC stay put while precision, average precision and accuracy move;
- :func:`threshold_small_multiples`: the static twin of the threshold
  explorer, a plain matplotlib figure at a few thresholds, for readers
  without a running kernel (GitHub, nbviewer, PDF).

Every number comes from :mod:`evalviz.metrics` (``f1_best_thresholds`` and
``resample_prevalence`` are re-exported from there) and every picture from
the library's displays. The widgets only move what the displays drew.

One module per concern: ``_render`` (PNG figure, live confusion matrix),
``_classes`` (the input, one class against the rest), ``_threshold_explorer``,
``_small_multiples`` and ``_prevalence``. ipywidgets is imported inside the
functions that build widgets, so ``import evalviz.widgets`` works without it.
"""

from __future__ import annotations

from ..metrics import f1_best_thresholds, resample_prevalence
from ._prevalence import PrevalenceExplorer, PrevalenceSweep, prevalence_explorer
from ._small_multiples import ThresholdSmallMultiples, threshold_small_multiples
from ._threshold_explorer import ThresholdExplorer, threshold_explorer

__all__ = [
    "threshold_explorer",
    "prevalence_explorer",
    "threshold_small_multiples",
    "ThresholdExplorer",
    "PrevalenceExplorer",
    "ThresholdSmallMultiples",
    "PrevalenceSweep",
    "resample_prevalence",
    "f1_best_thresholds",
]
