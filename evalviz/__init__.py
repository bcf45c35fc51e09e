"""evalviz: learn, teach and check classifier evaluation.

Submodules are imported on first use, so ``import evalviz`` stays light: it
imports neither pyplot nor ipywidgets.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_SUBMODULES = (
    "confusion",
    "conventions",
    "curves",
    "datasets",
    "distributions",
    "doctor",
    "explainer",
    "explore",
    "metrics",
    "models",
    "multilabel",
    "simulate",
    "threshold",
    "topk",
    "training",
    "widgets",
)

# Short names for the helpers people call most: ``ev.roc(y_true, y_score).plot()``.
_SHORTCUTS = {
    "roc": ("curves", "roc"),
    "pr": ("curves", "pr"),
    "explain": ("explainer", "explain"),
}

__all__ = ["__version__", *_SUBMODULES, *_SHORTCUTS]


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
