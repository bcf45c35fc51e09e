"""Input checks shared by every public function.

Each check raises a ``ValueError`` that names the argument, says what was
received and suggests the likely fix. Public functions call these helpers
instead of writing their own checks, so the messages stay the same everywhere.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

TargetKind = Literal["binary", "multiclass", "multilabel"]


def _describe(arr: np.ndarray) -> str:
    return f"shape {arr.shape} and dtype {arr.dtype}"


def as_array(x, name: str) -> np.ndarray:
    """Turn lists, pandas objects and framework tensors into a numpy array."""
    if hasattr(x, "detach") and hasattr(x, "cpu"):  # torch tensors
        x = x.detach().cpu().numpy()
    elif hasattr(x, "numpy") and not isinstance(x, np.ndarray):  # tf / keras tensors
        try:
            x = x.numpy()
        except Exception:  # pragma: no cover - exotic objects fall through
            pass
    try:
        arr = np.asarray(x)
    except Exception as exc:
        raise ValueError(
            f"{name} could not be turned into a numpy array ({type(x).__name__}): {exc}"
        ) from exc
    if arr.dtype == object:
        raise ValueError(
            f"{name} has dtype object (received {type(x).__name__}); pass a numeric "
            "array, for example np.asarray(values, dtype=float)"
        )
    if arr.size == 0:
        raise ValueError(
            f"{name} is empty ({_describe(arr)}); pass at least one sample"
        )
    return arr


def check_scores(y_score, name: str = "y_score") -> np.ndarray:
    """A float array of scores without NaN or infinity."""
    arr = as_array(y_score, name)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number):
        raise ValueError(f"{name} must hold numbers, got {_describe(arr)}")
    if arr.ndim not in (1, 2):
        raise ValueError(
            f"{name} must be 1-D (one score per sample) or 2-D (samples x classes), "
            f"got {_describe(arr)}"
        )
    arr = arr.astype(np.float64, copy=False)
    bad = ~np.isfinite(arr)
    if bad.any():
        where = np.argwhere(bad)[0]
        raise ValueError(
            f"{name} holds {int(bad.sum())} NaN or infinite value(s), the first at index "
            f"{tuple(int(i) for i in where)}; check the model's output (a diverged "
            "training run often gives NaN) or drop those samples"
        )
    return arr


def check_labels(y_true, name: str = "y_true") -> np.ndarray:
    """A 1-D integer label array (class indices)."""
    arr = as_array(y_true, name)
    if arr.ndim == 2 and arr.shape[1] > 1 and np.isin(arr, (0, 1)).all():
        if (arr.sum(axis=1) == 1).all():
            raise ValueError(
                f"{name} looks one-hot encoded ({_describe(arr)}); pass class indices "
                f"instead: {name}.argmax(axis=1)"
            )
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D class labels, got {_describe(arr)}")
    if arr.dtype == bool:
        return arr.astype(np.int64)
    if np.issubdtype(arr.dtype, np.floating):
        if not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr)):
            raise ValueError(
                f"{name} must hold whole-number class labels, got non-integer floats "
                f"({_describe(arr)}); did you pass scores where labels are expected?"
            )
        return arr.astype(np.int64)
    if not np.issubdtype(arr.dtype, np.integer):
        raise ValueError(
            f"{name} must hold integer class labels, got {_describe(arr)}; map names to "
            "indices first, for example with np.unique(names, return_inverse=True)[1]"
        )
    if (arr < 0).any():
        raise ValueError(
            f"{name} holds negative labels (smallest {int(arr.min())}); labels are "
            "class indices 0..n_classes-1"
        )
    return arr.astype(np.int64, copy=False)


def check_indicator(y_true, name: str = "y_true") -> np.ndarray:
    """A 2-D 0/1 indicator matrix (multi-label targets)."""
    arr = as_array(y_true, name)
    if arr.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D 0/1 indicator matrix (samples x labels), got "
            f"{_describe(arr)}"
        )
    if not np.isin(arr, (0, 1)).all():
        raise ValueError(
            f"{name} must hold only 0 and 1 for multi-label input; found other values "
            f"such as {arr[~np.isin(arr, (0, 1))][0]!r}"
        )
    return arr.astype(np.int8, copy=False)


def check_same_length(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if a.shape[0] != b.shape[0]:
        raise ValueError(
            f"{name_a} has {a.shape[0]} samples but {name_b} has {b.shape[0]}; both "
            "must describe the same samples in the same order"
        )


def target_kind(y_true, y_score) -> tuple[TargetKind, np.ndarray, np.ndarray]:
    """Work out binary / multiclass / multilabel from the shapes, and validate.

    Returns ``(kind, y_true, y_score)`` with the arrays cleaned:

    - binary: ``y_true`` 0/1 of shape (n,), ``y_score`` of shape (n,);
    - multiclass: ``y_true`` labels of shape (n,), ``y_score`` of shape (n, k);
    - multilabel: ``y_true`` 0/1 indicator (n, k), ``y_score`` of shape (n, k).
    """
    score = check_scores(y_score)
    raw = as_array(y_true, "y_true")
    if raw.ndim == 2 and raw.shape[1] > 1:
        truth = check_indicator(raw)
        if score.ndim != 2 or score.shape[1] != truth.shape[1]:
            raise ValueError(
                f"y_true is a multi-label indicator with {truth.shape[1]} columns but "
                f"y_score has shape {score.shape}; pass one score column per label"
            )
        check_same_length(truth, score, "y_true", "y_score")
        if (truth.sum(axis=1) == 1).all() and _looks_like_probabilities(score):
            # One-hot truth with softmax rows: a multi-class problem in disguise.
            # Treated as multi-label it is still well defined, so allow it.
            pass
        return "multilabel", truth, score
    truth = check_labels(raw)
    check_same_length(truth, score, "y_true", "y_score")
    if score.ndim == 1:
        values = np.unique(truth)
        if values.size > 2 or (values.size and values.max() > 1):
            raise ValueError(
                f"y_score is 1-D but y_true has {values.size} classes ({values[:10]}); "
                "for multi-class input pass y_score as a (n_samples, n_classes) array, "
                "one column per class"
            )
        return "binary", truth, score
    n_classes = score.shape[1]
    if n_classes == 1:
        return check_binary_scores(truth, score)
    if truth.max() >= n_classes:
        raise ValueError(
            f"y_true holds label {int(truth.max())} but y_score has only {n_classes} "
            f"columns (classes 0..{n_classes - 1}); the labels and the score columns "
            "do not match: check the column order and that every class has a column"
        )
    values = np.unique(truth)
    if n_classes == 2 and values.size <= 2:
        raise ValueError(
            "y_score has shape (n, 2) but y_true is binary: pass y_score[:, 1], "
            "the positive class's column"
        )
    return "multiclass", truth, score


def check_binary_scores(truth: np.ndarray, score: np.ndarray):
    if score.ndim == 2 and score.shape[1] == 1:
        score = score[:, 0]
    values = np.unique(truth)
    if values.size > 2 or (values.size and values.max() > 1):
        raise ValueError(
            f"y_true must be binary (0/1) for a single score column, got classes "
            f"{values[:10]}"
        )
    return "binary", truth, score


def check_binary(y_true, y_score, *, pos_label=1) -> tuple[np.ndarray, np.ndarray]:
    """Binary targets (as 0/1) and a 1-D score, as one-vs-rest curves need."""
    score = check_scores(y_score)
    if score.ndim == 2:
        if score.shape[1] == 1:
            score = score[:, 0]
        else:
            hint = (
                "pass y_score[:, 1], the positive class's column"
                if score.shape[1] == 2
                else "pass one column, y_score[:, k], for the class you treat as positive"
            )
            raise ValueError(
                f"y_score must be 1-D here, got shape {score.shape}; {hint}"
            )
    truth = as_array(y_true, "y_true")
    if truth.ndim != 1:
        raise ValueError(f"y_true must be 1-D here, got {_describe(truth)}")
    check_same_length(truth, score, "y_true", "y_score")
    values = np.unique(truth)
    if values.size > 2:
        raise ValueError(
            f"y_true has {values.size} distinct values ({values[:10]}) but a binary "
            f"problem is needed; pass (y_true == k) for one class against the rest"
        )
    if pos_label not in values.tolist() and not (values.size <= 2 and pos_label == 1):
        raise ValueError(
            f"pos_label={pos_label!r} is not among the values of y_true {values.tolist()}; "
            "pass the label of the positive class"
        )
    return (truth == pos_label).astype(np.int8), score


def check_has_both_classes(truth01: np.ndarray, what: str = "y_true") -> None:
    """ROC curves need at least one positive and one negative."""
    n_pos = int(truth01.sum())
    if n_pos == 0 or n_pos == truth01.size:
        missing = "positive" if n_pos == 0 else "negative"
        raise ValueError(
            f"{what} has no {missing} samples ({n_pos} of {truth01.size} positive); "
            "ROC AUC is undefined without both classes: evaluate on more data or drop "
            "this class"
        )


def check_threshold(threshold, name: str = "threshold") -> float:
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


def check_class_names(labels, n_classes: int, name: str = "labels") -> list[str]:
    """Class names for display; defaults to "0", "1", ..."""
    if labels is None:
        return [str(i) for i in range(n_classes)]
    names = [str(x) for x in labels]
    if len(names) != n_classes:
        raise ValueError(
            f"{name} has {len(names)} names but the data has {n_classes} classes; "
            "pass one name per class, in label order"
        )
    return names


def _looks_like_probabilities(score: np.ndarray) -> bool:
    return bool(np.allclose(score.sum(axis=1), 1.0, atol=1e-4))


def check_has_positives(truth01: np.ndarray, what: str = "y_true") -> None:
    """Threshold metrics (precision, recall) need at least one positive sample."""
    if int(np.sum(truth01)) == 0:
        raise ValueError(
            f"{what} has no positive samples (0 of {truth01.size}); recall is "
            "undefined and no threshold can be chosen. Check pos_label (or the class "
            "k in y_true == k) and that this split contains that class"
        )


def check_predicted_labels(y_pred, name: str = "y_pred") -> np.ndarray:
    """1-D predicted class indices, with a hint when scores were passed instead."""
    arr = as_array(y_pred, name)
    if arr.ndim == 2 and arr.shape[1] > 1 and np.issubdtype(arr.dtype, np.floating):
        if not np.isin(arr, (0, 1)).all():
            raise ValueError(
                f"{name} has {_describe(arr)}: it looks like scores (one column per "
                f"class), but predicted labels are needed here; pass "
                f"{name}.argmax(axis=1)"
            )
    return check_labels(arr, name)


def check_labels_in_range(arr: np.ndarray, n_classes: int, name: str, source: str):
    """Class indices must be below the number of classes named by ``source``."""
    if arr.size and int(arr.max()) >= n_classes:
        raise ValueError(
            f"{name} holds label {int(arr.max())} but {source} describes only "
            f"{n_classes} classes (0..{n_classes - 1}); the labels and the class "
            "names / score columns do not match: pass one name per class, in label "
            "order"
        )
