"""Input checks shared by every public function.

Each check raises a ``ValueError`` that names the argument, says what was
received and suggests the likely fix. Public functions call these helpers
instead of writing their own checks, so the messages stay the same everywhere.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

TargetKind = Literal["binary", "multiclass", "multilabel"]


def _to_numpy(x):
    """Tensors (torch, TensorFlow, JAX), pandas objects and lists as numpy."""
    if hasattr(x, "detach") and hasattr(x, "cpu"):  # torch tensors
        t = x.detach().cpu()
        if str(getattr(t, "dtype", "")) in ("torch.bfloat16", "torch.float16"):
            t = t.float()  # numpy has no bfloat16
        return t.numpy()
    if hasattr(x, "numpy") and not isinstance(x, np.ndarray):  # tf / keras tensors
        try:
            return x.numpy()
        except Exception:  # pragma: no cover - exotic objects fall through
            return x
    return x


def _describe(arr: np.ndarray) -> str:
    return f"shape {arr.shape} and dtype {arr.dtype}"


def as_array(x, name: str) -> np.ndarray:
    """Turn lists, pandas objects and framework tensors into a numpy array."""
    x = _to_numpy(x)
    try:
        arr = np.asarray(x)
    except Exception as exc:
        raise ValueError(
            f"{name} could not be turned into a numpy array ({type(x).__name__}): {exc}"
        ) from exc
    if arr.dtype == object:
        arr = _from_objects(arr, name, type(x).__name__)
    if arr.size == 0:
        raise ValueError(
            f"{name} is empty ({_describe(arr)}); pass at least one sample"
        )
    return arr


def _is_missing(v) -> bool:
    if v is None or type(v).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(v, (float, np.floating)) and v != v


def _missing_error(name: str, missing: np.ndarray) -> ValueError:
    """The error for missing labels: how many and where the first one is."""
    where = np.argwhere(missing)[0]
    first = int(where[0]) if where.size == 1 else tuple(int(i) for i in where)
    return ValueError(
        f"{name} has {int(missing.sum())} missing value(s) (None, NaN or pandas NA), "
        f"the first at index {first}; drop those samples (or fill them) before "
        "evaluating"
    )


def _from_objects(arr: np.ndarray, name: str, received: str) -> np.ndarray:
    """Object arrays (pandas strings, categoricals, lists) as str, bool or numbers."""
    flat = arr.ravel()
    missing = np.fromiter((_is_missing(v) for v in flat), bool, flat.size)
    if missing.any():
        raise _missing_error(name, missing.reshape(arr.shape))
    if all(isinstance(v, str) for v in flat):
        return arr.astype(str)
    if all(isinstance(v, (bool, np.bool_)) for v in flat):
        return arr.astype(bool)
    if all(
        isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))
        for v in flat
    ):
        try:
            return arr.astype(np.int64)
        except OverflowError:
            pass
    elif all(
        isinstance(v, (int, float, np.integer, np.floating))
        and not isinstance(v, (bool, np.bool_))
        for v in flat
    ):
        return arr.astype(np.float64)
    kinds = sorted({type(v).__name__ for v in flat})
    raise ValueError(
        f"{name} has dtype object with values of the types {kinds} (received "
        f"{received}); pass values of one type: all strings "
        f"(np.asarray(values).astype(str)) or all numbers"
    )


def check_same_length(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if a.shape[0] != b.shape[0]:
        raise ValueError(
            f"{name_a} has {a.shape[0]} samples but {name_b} has {b.shape[0]}; both "
            "must describe the same samples in the same order"
        )


def check_has_both_classes(
    truth01: np.ndarray, what: str = "y_true", metric: str = "ROC AUC"
) -> None:
    """ROC and PR curves need at least one positive and one negative."""
    n_pos = int(truth01.sum())
    if n_pos == 0 or n_pos == truth01.size:
        missing = "positive" if n_pos == 0 else "negative"
        raise ValueError(
            f"{what} has no {missing} samples ({n_pos} of {truth01.size} positive), "
            f"so its {metric} is undefined; evaluate on data that contains every "
            "class, or drop that class's score column"
        )


def check_threshold(threshold, name: str = "threshold") -> float:
    """A finite number; integers stay exact ints (scores above 2**53)."""
    if isinstance(threshold, (int, np.integer)) and not isinstance(
        threshold, (bool, np.bool_)
    ):
        return int(threshold)
    try:
        value = float(threshold)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {threshold!r}") from None
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {threshold!r}")
    return value


def check_k(k, n_classes: int, name: str = "k") -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"{name} must be a positive integer, got {k!r}")
    if k < 1:
        raise ValueError(f"{name} must be at least 1, got {k}")
    if k > n_classes:
        raise ValueError(
            f"{name}={k} is larger than the number of classes ({n_classes}); top-{k} "
            "would count every prediction as a hit"
        )
    return int(k)


def check_choice(value, name: str, choices) -> None:
    if value not in choices:
        raise ValueError(
            f"{name}={value!r} is not one of {list(choices)}; pick one of those"
        )


def _looks_like_probabilities(score: np.ndarray) -> bool:
    return bool(np.allclose(score.sum(axis=1), 1.0, atol=1e-4))


def check_confusion(cm) -> np.ndarray:
    """A square matrix of whole, non-negative counts (rows = true class)."""
    arr = as_array(cm, "cm")
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
        raise ValueError(
            f"cm must be a square (n_classes, n_classes) matrix of counts, got shape "
            f"{arr.shape}; rows are true classes and columns predicted classes"
        )
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number):
        raise ValueError(f"cm must hold counts (numbers), got dtype {arr.dtype}")
    if not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr)):
        raise ValueError(
            "cm must hold whole-number counts; got fractions or NaN. Pass the raw "
            "counts, not a normalised matrix (normalise only for display)"
        )
    if (arr < 0).any():
        raise ValueError("cm holds negative counts; a confusion matrix counts samples")
    if arr.sum() == 0:
        raise ValueError("cm is all zeros; there are no samples to report on")
    return arr.astype(np.int64)
