"""The one input model: ``read_inputs`` and the ``Inputs`` it returns.

Every public function of evalviz reads ``y_true`` / ``y_score`` / ``y_pred``
through :func:`read_inputs`, so labels, scores, the positive class, the class
set and the tie rule follow one set of rules (scikit-learn's).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from ._checks import (
    TargetKind,
    _describe,
    _missing_error,
    _to_numpy,
    as_array,
    check_same_length,
)

# ---------------------------------------------------------------------------
# The one input model
# ---------------------------------------------------------------------------

#: Label pairs whose positive class is obvious (scikit-learn's rule).
_OBVIOUS_BINARY = ({0, 1}, {-1, 1}, {0}, {1}, {-1})

#: How far a row sum may be from 1 and still count as probabilities. bfloat16
#: keeps 8 significant bits, so a bfloat16 softmax row sums to 1 only within
#: about 2**-8 (0.004); logits essentially never sum to 1 within 0.01.
PROBABILITY_TOLERANCE = 1e-2


@dataclass(frozen=True)
class Inputs:
    """Targets and scores read by :func:`read_inputs`, in one shape per kind.

    Attributes
    ----------
    kind : {"binary", "multiclass", "multilabel"}
    y : ndarray
        ``binary``: int8 of shape (n,), 1 = the positive class.
        ``multiclass``: int64 class indices of shape (n,) into ``classes``.
        ``multilabel``: int8 indicator of shape (n, k).
    score : ndarray or None
        ``binary``: shape (n,), the positive class's score.
        ``multiclass`` / ``multilabel``: shape (n, k), column j = ``classes[j]``.
        Floats stay float32 or float64, integers stay int64 (ranked exactly).
    classes : ndarray of shape (k,)
        The class values in column order (binary: ``[negative, positive]``;
        multi-label: ``0..k-1``).
    names : list of str
        One display name per class (``display_labels`` or ``str(classes)``).
    pos_label : object or None
        The positive class value of a binary problem.
    y_pred : ndarray or None
        Predicted class indices (multi-class) or 0/1 (binary), when given.
    score_matrix : ndarray or None
        A binary problem's ``(n, 2)`` score matrix when one was passed
        (``predict_proba``), column j = ``classes[j]``.
    """

    kind: TargetKind
    y: np.ndarray
    score: np.ndarray | None
    classes: np.ndarray
    names: list
    pos_label: object = None
    y_pred: np.ndarray | None = None
    score_matrix: np.ndarray | None = None

    @property
    def n_samples(self) -> int:
        return int(self.y.shape[0])

    @property
    def n_classes(self) -> int:
        return int(len(self.classes))

    def predictions(self) -> np.ndarray:
        """Argmax class index per row; ties go to the lowest index (numpy's rule)."""
        if self.kind != "multiclass" or self.score is None:
            raise ValueError("predictions() needs multi-class scores")
        return np.argmax(self.score, axis=1)

    def n_tied_rows(self) -> int:
        """Rows whose highest score is shared by two or more classes."""
        if self.score is None or self.score.ndim != 2:
            return 0
        top = self.score.max(axis=1, keepdims=True)
        return int(np.count_nonzero((self.score == top).sum(axis=1) > 1))

    def one_vs_rest(self) -> np.ndarray:
        """0/1 indicator of shape (n, k): column j marks class j's samples."""
        if self.kind == "multilabel":
            return self.y
        if self.kind == "binary":
            return np.stack([1 - self.y, self.y], axis=1).astype(np.int8)
        out = np.zeros((self.n_samples, self.n_classes), dtype=np.int8)
        out[np.arange(self.n_samples), self.y] = 1
        return out


def class_index(inputs: Inputs, value, name: str = "pos_label") -> int:
    """Column index of one class: a class value, a display name or an index.

    Class values win over names and names over indices, so ``"cat"`` finds the
    class ``"cat"`` and ``3`` finds the class value 3 before column 3.

    Parameters
    ----------
    inputs : Inputs
        What :func:`read_inputs` returned.
    value : object
        A class value, a display name or a column index.
    name : str, default "pos_label"
        The argument's name, for the error.

    Returns
    -------
    int
        The column of that class in ``inputs.score``.

    Raises
    ------
    ValueError
        When ``value`` names no class.
    """
    classes = [c.item() if hasattr(c, "item") else c for c in inputs.classes]
    for candidates in (classes, list(inputs.names)):
        for k, c in enumerate(candidates):
            if isinstance(c, str) == isinstance(value, str) and c == value:
                return k
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        if 0 <= int(value) < inputs.n_classes:
            return int(value)
    raise ValueError(
        f"{name}={value!r} is neither a class value nor a class name; the classes "
        f"are {_show(classes)} with the names {_show(list(inputs.names))}"
    )


def _score_array(y_score, name: str) -> np.ndarray:
    """Scores as numbers: float32/float64 kept, integers as int64, no NaN/inf."""
    arr = as_array(y_score, name)
    if arr.dtype == bool:
        arr = arr.astype(np.int64)
    if not np.issubdtype(arr.dtype, np.number) or np.issubdtype(
        arr.dtype, np.complexfloating
    ):
        raise ValueError(
            f"{name} must hold numbers (scores, probabilities or logits), got "
            f"{_describe(arr)}"
        )
    if arr.ndim not in (1, 2):
        raise ValueError(
            f"{name} must be 1-D (one score per sample) or 2-D (samples x classes), "
            f"got {_describe(arr)}"
        )
    if np.issubdtype(arr.dtype, np.integer):
        if (
            arr.dtype == np.uint64
            and arr.size
            and int(arr.max()) > np.iinfo(np.int64).max
        ):
            return arr
        return arr.astype(np.int64, copy=False)
    if arr.dtype == np.float16:
        arr = arr.astype(np.float32)
    elif arr.dtype not in (np.float32, np.float64):
        arr = arr.astype(np.float64)
    if not (np.isfinite(arr.min()) and np.isfinite(arr.max())):
        bad = ~np.isfinite(arr)
        where = np.argwhere(bad)[0]
        raise ValueError(
            f"{name} holds {int(bad.sum())} NaN or infinite value(s), the first at index "
            f"{tuple(int(i) for i in where)}; check the model's output (a diverged "
            "training run often gives NaN) or drop those samples"
        )
    return arr


def _label_values(y, name: str) -> np.ndarray:
    """1-D labels of any sortable type; whole-number floats become integers."""
    arr = as_array(y, name)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D class labels, got {_describe(arr)}")
    if np.issubdtype(arr.dtype, np.floating):
        if np.isnan(arr).any():
            raise _missing_error(name, np.isnan(arr))
        if not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr)):
            raise ValueError(
                f"{name} must hold class labels, got non-integer floats "
                f"({_describe(arr)}, for example {arr[arr != np.round(arr)][:1]}); "
                "did you pass scores where labels are expected?"
            )
        return arr.astype(np.int64)
    if arr.dtype.kind in "US":
        return arr.astype(str)
    if arr.dtype == bool or np.issubdtype(arr.dtype, np.integer):
        return arr
    raise ValueError(
        f"{name} must hold class labels (integers, booleans or strings), got "
        f"{_describe(arr)}"
    )


def _show(values, limit: int = 10) -> str:
    vals = [v.item() if hasattr(v, "item") else v for v in list(values)[:limit]]
    more = f" ... ({len(values)} in all)" if len(values) > limit else ""
    return f"{vals}{more}"


def _is_indicator(arr: np.ndarray) -> bool:
    if arr.ndim != 2 or arr.shape[1] < 2:
        return False
    if arr.dtype == bool:
        return True
    if np.issubdtype(arr.dtype, np.integer):
        # Two reductions instead of np.isin's full-size temporaries.
        return bool(arr.min() >= 0 and arr.max() <= 1)
    if not np.issubdtype(arr.dtype, np.number):
        return False
    return bool(np.isin(arr, (0, 1)).all())


def _read_labels_arg(labels, present: np.ndarray, n_columns: int | None):
    """``labels=``: the class values (scikit-learn's meaning), or old-style names.

    Returns ``(classes, names_or_None)``. A list of strings that contains none
    of the values in ``y_true`` but has one entry per column is read as display
    names, with a deprecation warning (one release).
    """
    values = np.asarray(list(labels))
    if values.ndim != 1 or values.size == 0:
        raise ValueError(
            f"labels must be a non-empty 1-D list of class values, got {labels!r}"
        )
    if len(set(values.tolist())) != values.size:
        raise ValueError(f"labels must be distinct class values, got {_show(values)}")
    present_list = present.tolist()
    overlap = (
        np.isin(present, values.astype(present.dtype, copy=False))
        if (
            values.dtype.kind == present.dtype.kind
            or (values.dtype.kind in "iub" and present.dtype.kind in "iub")
        )
        else np.zeros(present.size, dtype=bool)
    )
    if not overlap.any() and values.dtype.kind in "US" and present.dtype.kind != "U":
        if n_columns is None or values.size == n_columns or values.size == present.size:
            warnings.warn(
                "labels= now means the class values to use and their order, as in "
                "scikit-learn's metrics; names to show go in display_labels=. "
                f"Reading labels={_show(values)} as display names for this release.",
                DeprecationWarning,
                stacklevel=4,
            )
            if (
                n_columns is None
                and present.dtype.kind in "iu"
                and present.min() >= 0
                and present.max() < values.size
            ):  # old style: one name per class index 0..k-1, some may be absent
                return np.arange(values.size), [str(v) for v in values]
            return None, [str(v) for v in values]
    missing = [v for v, ok in zip(present_list, overlap, strict=True) if not ok]
    if missing:
        raise ValueError(
            f"y_true holds {_show(missing)}, which labels={_show(values)} does not "
            "list; labels= names the class values to use (one per score column, in "
            "column order): add the missing values, or pass display names as "
            "display_labels="
        )
    return values, None


def _names(classes, display_labels, names_from_labels) -> list:
    if display_labels is not None:
        names = [str(x) for x in display_labels]
        if len(names) != len(classes):
            raise ValueError(
                f"display_labels has {len(names)} names but the data has "
                f"{len(classes)} classes ({_show(classes)}); pass one name per class, "
                "in class order"
            )
        return names
    if names_from_labels is not None:
        if len(names_from_labels) != len(classes):
            raise ValueError(
                f"labels has {len(names_from_labels)} names but the data has "
                f"{len(classes)} classes; pass one name per class as display_labels="
            )
        return names_from_labels
    return [_class_name(c) for c in classes]


def _class_name(value) -> str:
    """A class value as shown: integer-valued floats as integers (1.0 -> '1')."""
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _positive(classes: np.ndarray, pos_label):
    """The positive class of a binary problem, by scikit-learn's rule."""
    values = classes.tolist()
    if pos_label is not None:
        return pos_label
    as_set = {int(v) if isinstance(v, (bool, np.bool_)) else v for v in values}
    if all(isinstance(v, (int, np.integer, bool, np.bool_)) for v in values) and any(
        as_set <= s for s in ({0, 1}, {-1, 1})
    ):
        return True if classes.dtype == bool else 1
    other = values[-1]
    raise ValueError(
        f"y_true has the labels {_show(values)}, so which class is positive is not "
        f"obvious; pass pos_label= (for example pos_label={other!r}), or pass "
        f"y_true == {other!r}"
    )


def _map_to_index(values: np.ndarray, classes: np.ndarray, name: str) -> np.ndarray:
    order = np.argsort(classes, kind="stable")
    sorted_classes = classes[order]
    try:
        pos = np.searchsorted(sorted_classes, values)
    except TypeError:
        raise ValueError(
            f"{name} holds values of another type ({values.dtype}) than the classes "
            f"{_show(classes)}"
        ) from None
    pos = np.clip(pos, 0, len(classes) - 1)
    found = sorted_classes[pos] == values
    if not np.all(found):
        bad = np.unique(values[~found])
        raise ValueError(
            f"{name} holds {_show(bad)}, which are not among the classes "
            f"{_show(classes)}; check that the labels and the score columns describe "
            "the same classes (pass labels= with every class value, in column order)"
        )
    return order[pos].astype(np.int64)


def _require_probabilities(score: np.ndarray, name: str, binary: bool = False) -> None:
    lo, hi = score.min(), score.max()
    sums = score.sum(axis=1, dtype=np.float64)
    worst = float(np.max(np.abs(sums - 1.0)))
    if lo >= 0 and hi <= 1 + PROBABILITY_TOLERANCE and worst <= PROBABILITY_TOLERANCE:
        return
    row = int(np.argmax(np.abs(sums - 1.0)))
    what = (
        f"{name} has {score.shape[1]} columns for a binary problem, but its rows are "
        "not probabilities"
        if binary
        else f"{name} has multi-class rows that are not probabilities"
    )
    seen = (
        f"values from {float(lo):.4g} to {float(hi):.4g}; row {row} sums to "
        f"{float(sums[row]):.4g}"
    )
    if lo >= 0 and hi <= 1:
        raise ValueError(
            f"{what} ({seen}): every value is in [0, 1] but the rows do not sum to "
            "1 (rounded probabilities?). Renormalise them: "
            f"{name} / {name}.sum(axis=1, keepdims=True) (a softmax of "
            "probabilities would distort them)"
        )
    if binary:
        raise ValueError(
            f"{what} ({seen}): they look like logits. The positive column alone "
            "changes when a constant is added to a row (same softmax, same "
            f"prediction), so it is not used. Pass {name}[:, 1] - {name}[:, 0] (the "
            f"logit difference, offset-free) or scipy.special.softmax({name}, axis=1)"
        )
    raise ValueError(
        f"{what} ({seen}): they look like logits. A one-vs-rest ranking metric "
        "compares one class's scores across samples, and a logit's level is not "
        "defined by the model (adding a constant to a row leaves the softmax and "
        "the argmax unchanged but changes this number). Pass probabilities: "
        f"scipy.special.softmax({name}, axis=1)"
    )


def _same_text_hint(value, classes) -> str:
    """'pass pos_label='2'' when the value differs from a class only in type."""
    for c in classes.tolist():
        if str(c) == str(value) and type(c) is not type(value):
            return f"did you mean pos_label={c!r}?"
    return "pass one of them"


def _one_against_rest(
    values,
    score,
    classes,
    pos_label,
    pred_values,
    display_labels,
    names_from_labels,
    y_true_name,
    y_score_name,
) -> Inputs:
    """A binary view of multi-class data: class ``pos_label`` against the rest."""
    listed = classes.tolist()
    if pos_label not in listed:
        raise ValueError(
            f"pos_label={pos_label!r} is not among the classes of {y_true_name} "
            f"{_show(classes)}; {_same_text_hint(pos_label, classes)}"
        )
    col = listed.index(pos_label)
    _require_probabilities(score, y_score_name)
    names = _names(classes, display_labels, names_from_labels)
    y01 = (values == pos_label).astype(np.int8)
    pred01 = None if pred_values is None else (pred_values == pos_label).astype(np.int8)
    cls = np.asarray([None, pos_label], dtype=object)
    return Inputs(
        "binary",
        y01,
        score[:, col],
        cls,
        [f"not {names[col]}", names[col]],
        pos_label,
        pred01,
        None,
    )


def read_inputs(
    y_true,
    y_score=None,
    *,
    y_pred=None,
    labels=None,
    display_labels=None,
    pos_label=None,
    require_probabilities: bool = False,
    kind: str | None = None,
    y_true_name: str = "y_true",
    y_score_name: str = "y_score",
    y_pred_name: str = "y_pred",
) -> Inputs:
    """Read targets, scores and predictions by one set of rules (scikit-learn's).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Class labels of any sortable type (ints, bools, strings), or a 0/1
        indicator matrix for multi-label targets.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes), optional
        Scores: 1-D for a binary problem, else one column per class in the order
        of ``labels`` (default: the sorted class values, or ``0..k-1`` when the
        labels are integers inside that range). A binary problem's ``(n, 2)``
        matrix (``predict_proba``) is read as one column per class.
    y_pred : array-like of shape (n_samples,), optional
        Predicted class labels, mapped to class indices like ``y_true``.
    labels : array-like, optional
        The class values to use and their order (scikit-learn's meaning).
    display_labels : sequence of str, optional
        Names shown for the classes.
    pos_label : object, optional
        The positive class of a binary problem; needed unless the labels are
        {0, 1}, {-1, 1} or {False, True}.
    require_probabilities : bool, default=False
        Refuse multi-class rows that are not probabilities (for metrics that
        compare a column's scores across samples).
    kind : {"binary", "multiclass", "multilabel"}, optional
        Force a kind: ``"binary"`` refuses more than two classes.

    Returns
    -------
    Inputs

    Raises
    ------
    ValueError
        Naming the argument, what was received and the likely fix.
    """
    arg = (y_true_name, y_score_name, y_pred_name)
    raw_arr = as_array(_to_numpy(y_true), y_true_name)
    score = None if y_score is None else _score_array(_to_numpy(y_score), y_score_name)
    n_columns = None if score is None or score.ndim == 1 else score.shape[1]

    if raw_arr.ndim == 2 and raw_arr.shape[1] > 1:
        return _read_multilabel(raw_arr, score, y_pred, display_labels, kind, arg)

    values = _label_values(raw_arr, y_true_name)
    if score is not None:
        check_same_length(values, score, y_true_name, y_score_name)
    pred_values = _read_pred_values(y_pred, values, arg)
    present = np.unique(values)
    seen = (
        present
        if pred_values is None
        else np.unique(np.concatenate([values, pred_values]))
        if pred_values.dtype.kind == values.dtype.kind
        or (pred_values.dtype.kind in "iub" and values.dtype.kind in "iub")
        else present
    )
    classes, names_from_labels = _resolve_classes(labels, present, seen, n_columns, arg)
    _check_column_names(y_score, classes, y_score_name)

    # Binary: a 1-D score, a single column, or a forced binary kind.
    binary = (
        kind == "binary"
        or (score is not None and (score.ndim == 1 or score.shape[1] == 1))
        or (
            kind != "multiclass"
            and score is not None
            and score.shape[1] == 2
            and len(classes) <= 2
        )
    )
    if binary:
        return _read_binary(
            values, score, pred_values, classes, pos_label, display_labels,
            names_from_labels, arg, n_columns,
        )  # fmt: skip
    if pos_label is not None:
        raise ValueError(
            f"pos_label={pos_label!r} applies to binary problems only, but "
            f"{y_true_name} has {len(classes)} classes {_show(classes)}"
        )
    if n_columns is not None and len(classes) != n_columns:
        raise ValueError(
            f"labels lists {len(classes)} classes but {y_score_name} has {n_columns} "
            "columns; pass one class value per score column, in column order"
        )
    y_idx = _map_to_index(values, classes, y_true_name)
    pred_idx = (
        None
        if pred_values is None
        else _map_to_index(pred_values, classes, y_pred_name)
    )
    if require_probabilities and score is not None:
        _require_probabilities(score, y_score_name)
    names = _names(classes, display_labels, names_from_labels)
    return Inputs("multiclass", y_idx, score, classes, names, None, pred_idx)


def _check_column_names(y_score, classes, name: str) -> None:
    """Refuse a DataFrame whose columns are the classes, but in another order.

    Score columns are read by position (class order); a DataFrame named after
    the classes in another order would be silently misread.
    """
    columns = getattr(y_score, "columns", None)
    if columns is None or len(columns) != len(classes):
        return
    by_name = {str(c): c for c in columns}
    wanted = [str(c) for c in _plain_values(classes)]
    if len(by_name) != len(columns) or set(by_name) != set(wanted):
        return
    if [str(c) for c in columns] == wanted:
        return
    ordered = [by_name[w] for w in wanted]
    raise ValueError(
        f"{name} is a DataFrame whose columns {list(columns)} are the classes, but "
        f"not in class order {_plain_values(classes)}; its columns are read by position, so pass "
        f"{name}[{ordered}] (the columns in class order)"
    )


def _plain_values(values) -> list:
    return [v.item() if hasattr(v, "item") else v for v in values]


def _read_multilabel(raw_arr, score, y_pred, display_labels, kind, arg) -> Inputs:
    """read_inputs' step for a 2-D ``y_true``: a 0/1 indicator matrix."""
    y_true_name, y_score_name, y_pred_name = arg
    if not _is_indicator(raw_arr):
        raise ValueError(
            f"{y_true_name} is 2-D ({_describe(raw_arr)}) but not a 0/1 indicator "
            "matrix (multiclass-multioutput format is not supported); pass 1-D "
            "class labels, or 0/1 indicators (samples x labels) "
            "for a multi-label problem"
        )
    if kind == "binary" or kind == "multiclass":
        one_hot = bool((raw_arr.sum(axis=1) == 1).all())
        hint = f"{y_true_name}.argmax(axis=1)" if one_hot else "1-D labels"
        raise ValueError(
            f"{y_true_name} is a 2-D indicator matrix ({_describe(raw_arr)}) but "
            f"this needs class labels; pass {hint}"
        )
    truth = raw_arr.astype(np.int8, copy=False)
    if score is not None:
        if score.ndim != 2 or score.shape[1] != truth.shape[1]:
            raise ValueError(
                f"{y_true_name} is a multi-label indicator with {truth.shape[1]} "
                f"columns but {y_score_name} has shape {score.shape}; pass one "
                "score column per label"
            )
        check_same_length(truth, score, y_true_name, y_score_name)
    k = truth.shape[1]
    classes = np.arange(k)
    names = _names(classes, display_labels, None)
    pred = None
    if y_pred is not None:
        pred = as_array(_to_numpy(y_pred), y_pred_name)
        if pred.shape != truth.shape or not _is_indicator(pred):
            raise ValueError(
                f"{y_pred_name} must be a 0/1 indicator of shape {truth.shape} "
                f"like {y_true_name}, got {_describe(pred)}"
            )
        pred = pred.astype(np.int8, copy=False)
    return Inputs("multilabel", truth, score, classes, names, None, pred)


def _read_pred_values(y_pred, values, arg):
    """read_inputs' step for ``y_pred``: 1-D label values, or None."""
    y_true_name, _, y_pred_name = arg
    if y_pred is None:
        return None
    pred_raw = as_array(_to_numpy(y_pred), y_pred_name)
    if pred_raw.ndim == 2 and pred_raw.shape[1] > 1 and not _is_indicator(pred_raw):
        raise ValueError(
            f"{y_pred_name} has {_describe(pred_raw)}: it looks like scores (one "
            f"column per class), but predicted labels are needed here; pass "
            f"{y_pred_name}.argmax(axis=1)"
        )
    pred_values = _label_values(pred_raw, y_pred_name)
    check_same_length(values, pred_values, y_true_name, y_pred_name)
    return pred_values


def _resolve_classes(labels, present, seen, n_columns, arg):
    """read_inputs' step: the class values in column order, and names from labels=."""
    y_true_name, y_score_name, _ = arg
    names_from_labels = None
    if labels is not None:
        classes, names_from_labels = _read_labels_arg(labels, present, n_columns)
        if classes is not None:
            return classes, names_from_labels
    if (
        n_columns is not None
        and n_columns >= 2
        and present.dtype.kind in "iu"
        and present.min() >= 0
        and present.max() < n_columns
        and (
            seen.dtype.kind not in "iu" or (seen.min() >= 0 and seen.max() < n_columns)
        )
    ):
        return np.arange(n_columns), names_from_labels  # columns are class indices
    if n_columns is not None and n_columns >= 2 and seen.size == n_columns:
        return seen, names_from_labels
    if n_columns is not None and n_columns >= 2:
        raise ValueError(
            f"{y_true_name} holds {seen.size} distinct labels {_show(seen)} but "
            f"{y_score_name} has {n_columns} columns; the labels and the score "
            "columns do not match. Pass labels= with one class value per column, "
            "in column order (integer labels 0..k-1 name the columns directly)"
        )
    return seen, names_from_labels


def _read_binary(
    values, score, pred_values, classes, pos_label, display_labels,
    names_from_labels, arg, n_columns,
) -> Inputs:  # fmt: skip
    """read_inputs' step for a binary problem (or one class against the rest)."""
    y_true_name, y_score_name, _ = arg
    if len(classes) > 2:
        if n_columns == len(classes) and pos_label is not None:
            return _one_against_rest(
                values,
                score,
                classes,
                pos_label,
                pred_values,
                display_labels,
                names_from_labels,
                y_true_name,
                y_score_name,
            )
        example = classes.tolist()[-1]
        fix = (
            f"pass pos_label= with one class (for example pos_label={example!r}) "
            "to take that class against the rest"
            if n_columns == len(classes)
            else f"for one class against the rest pass {y_true_name} == "
            f"{example!r} with that class's score, or a (n_samples, n_classes) "
            f"{y_score_name} and pos_label={example!r}"
        )
        raise ValueError(
            f"{y_true_name} has {len(classes)} classes {_show(classes)} but a "
            f"binary problem is needed here (one score per sample); {fix}"
        )
    pos = _positive(classes, pos_label)
    same = [c for c in classes.tolist() if c == pos and not isinstance(c, str)]
    if same and not isinstance(pos, str):
        pos = same[0]  # the class value itself (pos_label=1.0 is the class 1)
    if pos_label is not None and pos not in classes.tolist():
        if len(classes) >= 2:
            raise ValueError(
                f"pos_label={pos_label!r} is not among the labels of "
                f"{y_true_name} {_show(classes)}; "
                f"{_same_text_hint(pos_label, classes)}"
            )
    negatives = [c for c in classes.tolist() if c != pos]
    neg = negatives[0] if negatives else (0 if not isinstance(pos, str) else None)
    cls = np.asarray([neg, pos], dtype=object if neg is None else None)
    y01 = (values == pos).astype(np.int8)
    mat = None
    if score is not None and score.ndim == 2:
        if score.shape[1] == 1:
            score = score[:, 0]
        else:
            _require_probabilities(score, y_score_name, binary=True)
            mat = score
            col = (
                [c for c in classes.tolist()].index(pos)
                if pos in classes.tolist()
                else 1
            )
            score = score[:, col]
    pred01 = None if pred_values is None else (pred_values == pos).astype(np.int8)
    names = _names(cls, display_labels, names_from_labels)
    return Inputs("binary", y01, score, cls, names, pos, pred01, mat)


def _read_sample_weight(sample_weight, n: int, name: str = "sample_weight"):
    """``sample_weight=``: None, or one finite non-negative weight per sample.

    A single number weighs every sample alike (scikit-learn's rule). Integer (and boolean) weights stay int64 so weighted counts stay exact
    integers; other numbers become float64. Returns None when no weights are
    given.
    """
    if sample_weight is None:
        return None
    arr = np.asarray(_to_numpy(sample_weight))
    if arr.ndim == 0:
        arr = np.full(n, arr.item() if arr.dtype != object else sample_weight)
    if arr.dtype == bool:
        arr = arr.astype(np.int64)
    elif arr.dtype == object:
        try:
            arr = arr.astype(np.float64)
        except (TypeError, ValueError):
            pass
    if arr.ndim != 1 or not np.issubdtype(arr.dtype, np.number):
        raise ValueError(
            f"Sample weights must be 1D array or scalar: {name} has "
            f"{_describe(arr)}; pass one number per sample"
        )
    if arr.shape[0] != n:
        raise ValueError(
            f"{name} has {arr.shape[0]} weights but there are {n} samples "
            "(inconsistent numbers of samples); pass one weight per sample"
        )
    if arr.dtype.kind == "u" and arr.size and int(arr.max()) > np.iinfo(np.int64).max:
        raise ValueError(f"{name} holds integers above 2**63 - 1; pass float weights")
    arr = arr.astype(np.int64 if arr.dtype.kind in "iu" else np.float64)
    if (
        arr.dtype == np.int64
        and arr.size
        and abs(float(arr.sum(dtype=np.float64))) >= 2.0**63
    ):
        raise ValueError(
            f"{name} sums to more than 2**63 - 1, so integer counts would overflow "
            "(scikit-learn wraps around silently); pass float weights or smaller "
            "integers"
        )
    if arr.size and (not np.all(np.isfinite(arr)) or arr.min() < 0):
        bad = int(np.argmax(~np.isfinite(arr) | (arr < 0)))
        raise ValueError(
            f"{name} must hold finite, non-negative weights, got {arr[bad]!r} at "
            f"index {bad}; a weight says how many samples a row counts for"
        )
    return arr
