"""Learn, teach and check classifier evaluation: the evalviz package.

Submodules are imported on first use, so ``import evalviz`` stays light: it
imports neither pyplot, nor ipywidgets, nor pandas. Four shortcuts reach the
helpers people call most: ``ev.roc`` and ``ev.pr`` (from
:mod:`evalviz.curves`), ``ev.explain`` (from :mod:`evalviz.explainer`) and
``ev.confusion_display`` (from :mod:`evalviz.confusion`).

Examples
--------
>>> import evalviz as ev
>>> ev.explain([0, 1, 1, 0], [0.2, 0.9, 0.6, 0.4]).to_frame().loc["ROC AUC", "value"]
1.0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # for type checkers and IDEs; at run time they load lazily
    from . import (
        calibration,
        compare,
        confusion,
        conventions,
        curves,
        datasets,
        distributions,
        doctor,
        exercises,
        explainer,
        explore,
        glossary,
        metrics,
        models,
        simulate,
        threshold,
        topk,
        training,
        uncertainty,
        widgets,
    )
    from .compare import compare_models
    from .confusion import confusion_display
    from .curves import pr, roc
    from .explainer import explain

_SUBMODULES = (
    "calibration",
    "compare",
    "confusion",
    "conventions",
    "curves",
    "datasets",
    "distributions",
    "doctor",
    "exercises",
    "explainer",
    "explore",
    "glossary",
    "metrics",
    "models",
    "multilabel",
    "simulate",
    "threshold",
    "topk",
    "training",
    "uncertainty",
    "widgets",
)

# Short names for the helpers people call most: ``ev.roc(y_true, y_score)``.
_SHORTCUTS = {
    "roc": ("curves", "roc"),
    "pr": ("curves", "pr"),
    "explain": ("explainer", "explain"),
    "confusion_display": ("confusion", "confusion_display"),
    "compare_models": ("compare", "compare_models"),
}

__all__ = [
    "__version__",
    # shortcuts
    "roc",
    "pr",
    "explain",
    "confusion_display",
    "compare_models",
    # submodules, imported on first use
    "calibration",
    "compare",
    "confusion",
    "conventions",
    "curves",
    "datasets",
    "distributions",
    "doctor",
    "exercises",
    "explainer",
    "explore",
    "glossary",
    "metrics",
    "models",
    "simulate",
    "threshold",
    "topk",
    "training",
    "uncertainty",
    "widgets",
]


def __getattr__(name: str):
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    if name in _SHORTCUTS:
        module_name, attr = _SHORTCUTS[name]
        value = getattr(importlib.import_module(f"{__name__}.{module_name}"), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'evalviz' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
