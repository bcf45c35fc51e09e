"""Exact, vectorised classification metrics (numpy only, no matplotlib).

This module is the public face; the work lives in two private modules:
``_ranking`` (ROC / PR curves, AUC, average precision, top-k) and
``_counting`` (confusion matrices, precision / recall / F1, reports).
"""

from __future__ import annotations

from ._counting import *  # noqa: F403
from ._counting import __all__ as _counting_all
from ._ranking import *  # noqa: F403
from ._ranking import __all__ as _ranking_all

__all__ = [*_ranking_all, *_counting_all]
