"""How sure is a number? Confidence intervals and tests for classifier metrics.

numpy and scipy only (pandas only inside ``to_frame``); no plotting. Inputs are
read by the one input model (``evalviz._validation.read_inputs``).

- :func:`proportion_ci`: Wilson and Clopper-Pearson intervals of a proportion
  (accuracy, recall, precision from their counts), vectorised.
- :func:`delong_ci` and :func:`delong_test`: DeLong's interval of a ROC AUC
  and the paired test of two AUCs, equal to R's pROC.
- :func:`bootstrap_ci`: percentile and BCa bootstrap intervals of any metric,
  for one model or two (with the paired difference).
- :func:`mcnemar_test`: McNemar's exact test of two models' accuracies.
- :func:`holm_adjust`: Holm's adjustment for many tests at once, and
  :func:`format_p_value` to print p-values without a false 0.

The work lives in private modules: ``_proportion`` (proportions, McNemar),
``_delong`` (DeLong), ``_bootstrap`` and ``_weighted`` (resampling, and the
metrics of many resamples at once), ``_results`` (the result objects).
"""

from __future__ import annotations

from ._bootstrap import METRICS, bootstrap_ci
from ._bootstrap import _cut as _cut  # shared with evalviz.compare
from ._bootstrap import _rng as _rng  # shared with evalviz.compare
from ._delong import delong_ci, delong_test
from ._multiple import format_p_value, holm_adjust
from ._proportion import mcnemar_test, proportion_ci
from ._results import (
    AUCInterval,
    AUCTest,
    BootstrapComparison,
    BootstrapInterval,
    McNemarResult,
)

__all__ = [
    "proportion_ci",
    "delong_ci",
    "delong_test",
    "mcnemar_test",
    "holm_adjust",
    "format_p_value",
    "bootstrap_ci",
    "METRICS",
    "AUCInterval",
    "AUCTest",
    "McNemarResult",
    "BootstrapInterval",
    "BootstrapComparison",
]
