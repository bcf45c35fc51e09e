"""Multi-label summaries and per-cell counts: numpy only at import time.

Element-wise vs exact-match accuracy over thresholds, per-label scores and
thresholds, wrong labels per sample, and the TP / FP / FN / TN of every score
column as Keras counts them (:func:`cell_counts`). pandas is imported by the
functions that return a table, when they are called.

Every function reads ``y_true`` / ``y_score`` through
:func:`evalviz._validation.read_inputs`. A label is predicted when its score
is strictly above its threshold (the rule of scikit-learn's ``y_score > t``,
Keras and torchmetrics).
"""

from __future__ import annotations

import warnings

import numpy as np

from .._validation import check_choice, check_threshold, read_inputs

__all__ = [
    "DEFAULT_THRESHOLDS",
    "all_no_element_wise",
    "cell_counts",
    "compare_thresholds",
    "multilabel_summary",
    "multilabel_threshold_table",
    "per_label_scores",
    "per_label_thresholds",
    "wrong_label_counts",
    "wrong_labels_per_sample",
]

#: The thresholds of :func:`multilabel_threshold_table`: 0.1, 0.2, ..., 0.9.
DEFAULT_THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


# ---------------------------------------------------------------------------
# Reading and counting
# ---------------------------------------------------------------------------


def _shape(x) -> tuple:
    shape = getattr(x, "shape", None)
    return tuple(shape) if shape is not None else np.shape(x)


def _read_multilabel(y_true, y_score=None):
    """``(truth, score)``: a bool indicator (n, k) and scores (n, k)."""
    inp = read_inputs(y_true, y_score)
    if inp.kind == "multilabel":
        return inp.y.astype(bool), inp.score
    shape = _shape(y_true)
    one_label = len(shape) == 2 and shape[1] == 1 and inp.kind == "binary"
    if one_label and set(inp.classes.tolist()) <= {0, 1}:
        score = None if inp.score is None else inp.score[:, None]
        if y_score is not None and _shape(y_score) != shape:
            raise ValueError(
                f"y_score has shape {_shape(y_score)} but y_true has shape {shape}; "
                "pass one score column per label"
            )
        return inp.y.astype(bool)[:, None], score
    raise ValueError(
        f"y_true must be a 2-D 0/1 indicator matrix (samples x labels) for "
        f"multi-label input, got shape {shape}; for one label pass y_true[:, None] "
        "and y_score[:, None]"
    )


def _ratio(num, den) -> float:
    """``num / den``, or 0.0 when ``den`` is 0 (the zero-division rule)."""
    return float(num / den) if den else 0.0


def _counts(truth: np.ndarray, pred: np.ndarray, axis=None):
    """TP, FP, FN (and TN) over ``axis`` of two bool arrays."""
    tp = np.count_nonzero(truth & pred, axis=axis)
    fp = np.count_nonzero(~truth & pred, axis=axis)
    fn = np.count_nonzero(truth & ~pred, axis=axis)
    tn = np.count_nonzero(~truth & ~pred, axis=axis)
    return tp, fp, fn, tn


def _prf(truth: np.ndarray, pred: np.ndarray):
    """Precision, recall and F1 pooled over every cell (binary or micro)."""
    tp, fp, fn, _ = _counts(truth.astype(bool), pred.astype(bool))
    return _ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(2 * tp, 2 * tp + fp + fn)


def _per_label_f1(truth: np.ndarray, pred: np.ndarray) -> np.ndarray:
    tp, fp, fn, _ = _counts(truth, pred, axis=0)
    den = 2 * tp + fp + fn
    return np.divide(2.0 * tp, den, out=np.zeros(tp.shape), where=den > 0)


def _cut(score: np.ndarray, threshold) -> np.ndarray:
    """``score > threshold``, with one threshold or one per label (column)."""
    t = np.asarray(threshold, dtype=np.float64)
    if t.ndim == 0:
        return score > check_threshold(t)
    if t.shape != (score.shape[1],):
        raise ValueError(
            f"threshold holds {t.size} values but there are {score.shape[1]} labels; "
            "pass one number, or one threshold per label"
        )
    if not np.all(np.isfinite(t)):
        raise ValueError(f"threshold must hold finite numbers, got {t.tolist()}")
    return score > t[None, :]


def _display_names(display_labels, labels, n: int, what: str = "label") -> list:
    """Names for ``n`` columns: ``display_labels``, old-style ``labels=``, or 0..n-1."""
    if labels is not None:
        warnings.warn(
            "labels= is deprecated here: it named the columns; pass the names as "
            "display_labels= (labels= will mean class values, as in scikit-learn)",
            DeprecationWarning,
            stacklevel=3,
        )
        if display_labels is None:
            display_labels = labels
    if display_labels is None:
        return [str(j) for j in range(n)]
    names = [str(x) for x in display_labels]
    if len(names) != n:
        raise ValueError(
            f"display_labels has {len(names)} names but there are {n} {what} "
            f"columns; pass one name per column, in column order"
        )
    return names


# ---------------------------------------------------------------------------
# Multi-label accuracy: element-wise vs exact match
# ---------------------------------------------------------------------------


def _summary(truth: np.ndarray, score: np.ndarray, threshold) -> dict:
    pred = _cut(score, threshold)
    correct = pred == truth
    precision, recall, f1 = _prf(truth, pred)
    return {
        "exact_match": float(correct.all(axis=1).mean()),
        "element_wise": float(correct.mean()),
        "micro_precision": precision,
        "micro_recall": recall,
        "micro_F1": f1,
        "macro_F1": float(_per_label_f1(truth, pred).mean()),
    }


def multilabel_summary(y_true, y_score, *, threshold=0.5):
    """Every multi-label "accuracy" and F1 at one threshold (or one per label).

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_labels)
        Predicted probabilities, one column per label.
    threshold : float or array-like of shape (n_labels,), default=0.5
        A label is predicted when its score is strictly above its threshold.

    Returns
    -------
    pandas.Series
        ``exact_match``: share of samples whose every label is right
        (scikit-learn ``accuracy_score``, "subset accuracy");
        ``element_wise``: share of (sample, label) cells that are right (Keras
        ``BinaryAccuracy``, torchmetrics ``Accuracy(task="multilabel")``,
        ``1 - hamming_loss``); ``micro_precision``, ``micro_recall``,
        ``micro_F1``: from the counts pooled over all cells; ``macro_F1``: the
        mean of the per-label F1 scores.

    Raises
    ------
    ValueError
        When ``y_true`` is not an indicator matrix, the shapes differ, or
        ``threshold`` does not hold one number or one per label.

    Notes
    -----
    A ratio with a zero denominator counts as 0 (scikit-learn's
    ``zero_division`` default, without the warning).

    Examples
    --------
    >>> from evalviz.metrics import multilabel_summary
    >>> y = [[0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0], [1, 0, 1]]
    >>> s = [[1, 0, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 1]]
    >>> multilabel_summary(y, s)[["exact_match", "element_wise"]].round(4).tolist()
    [0.6, 0.6667]
    """
    import pandas as pd

    truth, score = _read_multilabel(y_true, y_score)
    return pd.Series(_summary(truth, score, threshold))


def multilabel_threshold_table(y_true, y_score, *, thresholds=None):
    """:func:`multilabel_summary` at each threshold: one row per threshold.

    The table the question of notebook 06 printed with scikit-learn (exact-match
    accuracy and micro precision / recall / F1 at 0.1, 0.2, ..., 0.9), with
    the element-wise accuracy that Keras reports and the macro F1 beside them.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_labels)
        Predicted probabilities, one column per label.
    thresholds : sequence of float, optional
        The cuts, each applied to every label; default 0.1, 0.2, ..., 0.9.

    Returns
    -------
    pandas.DataFrame
        Index ``threshold``; columns as in :func:`multilabel_summary`.

    Raises
    ------
    ValueError
        As :func:`multilabel_summary`, or when ``thresholds`` is empty.

    Examples
    --------
    >>> from evalviz.metrics import multilabel_threshold_table
    >>> y = [[1, 0], [0, 1], [1, 1]]
    >>> s = [[0.9, 0.4], [0.2, 0.6], [0.7, 0.3]]
    >>> multilabel_threshold_table(y, s, thresholds=[0.1, 0.5, 0.95])["exact_match"].round(3).tolist()
    [0.333, 0.667, 0.0]
    """  # noqa: E501
    import pandas as pd

    truth, score = _read_multilabel(y_true, y_score)
    if thresholds is None:
        thresholds = DEFAULT_THRESHOLDS
    cuts = [float(t) for t in np.atleast_1d(np.asarray(thresholds, dtype=float))]
    if not cuts:
        raise ValueError("thresholds is empty; pass at least one threshold")
    frame = pd.DataFrame({t: _summary(truth, score, t) for t in cuts}).T
    frame.index.name = "threshold"
    return frame


def compare_thresholds(y_true, y_score, thresholds):
    """:func:`multilabel_summary` for several named threshold choices, side by side.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_labels)
        Predicted probabilities, one column per label.
    thresholds : dict
        ``{name: threshold}``; each threshold is one number for every label or
        one per label (as :func:`per_label_thresholds` returns). A threshold
        of 1 or more never predicts a label (scores are at most 1): the
        all-"no" answer.

    Returns
    -------
    pandas.DataFrame
        One column per name, in the order given; rows as in
        :func:`multilabel_summary` (``exact_match``, ``element_wise``, micro
        precision / recall / F1, ``macro_F1``).

    Raises
    ------
    ValueError
        When ``thresholds`` is not a non-empty dict, or as
        :func:`multilabel_summary`.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import compare_thresholds
    >>> y = np.array([[1, 0], [0, 1], [1, 1]])
    >>> s = np.array([[0.9, 0.4], [0.2, 0.6], [0.7, 0.3]])
    >>> table = compare_thresholds(y, s, {"0.5": 0.5, "all no": 1.0})
    >>> table.loc[["exact_match", "element_wise"]].round(3)
                    0.5  all no
    exact_match   0.667   0.000
    element_wise  0.833   0.333
    """
    import pandas as pd

    if not isinstance(thresholds, dict) or not thresholds:
        raise ValueError(
            f"thresholds must be a non-empty dict {{name: threshold}}, got "
            f"{thresholds!r}; for example {{'0.5': 0.5, 'tuned': per_label}}"
        )
    truth, score = _read_multilabel(y_true, y_score)
    return pd.DataFrame(
        {str(name): _summary(truth, score, t) for name, t in thresholds.items()}
    )


def all_no_element_wise(y_true) -> float:
    """The element-wise accuracy of answering "no" for every label.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        0/1 indicator matrix.

    Returns
    -------
    float
        The share of 0 cells in ``y_true``: the floor any element-wise
        accuracy should be compared with.

    Raises
    ------
    ValueError
        When ``y_true`` is not a 0/1 indicator matrix.

    Examples
    --------
    >>> from evalviz.metrics import all_no_element_wise
    >>> all_no_element_wise([[1, 0, 0], [0, 0, 1]])
    0.6666666666666666
    """
    truth, _ = _read_multilabel(y_true)
    return float(np.mean(~truth))


def wrong_label_counts(y_true, y_score, *, threshold=0.5) -> np.ndarray:
    """The number of wrong labels of each sample at ``threshold``.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_labels)
        Predicted probabilities, one column per label.
    threshold : float or array-like of shape (n_labels,), default=0.5
        A label is predicted when its score is strictly above its threshold.

    Returns
    -------
    ndarray of int, shape (n_samples,)
        0 for a sample whose labels are all right (an exact match). See
        :func:`wrong_labels_per_sample` for how many samples have each count.

    Raises
    ------
    ValueError
        As :func:`multilabel_summary`.

    Examples
    --------
    >>> from evalviz.metrics import wrong_label_counts
    >>> wrong_label_counts([[1, 0], [0, 1]], [[0.9, 0.8], [0.1, 0.7]]).tolist()
    [1, 0]
    """
    truth, score = _read_multilabel(y_true, y_score)
    return np.count_nonzero(_cut(score, threshold) != truth, axis=1)


def wrong_labels_per_sample(y_true, y_score, *, threshold=0.5):
    """How many samples have 0, 1, 2, ... wrong labels at ``threshold``.

    A label is wrong when it is predicted (score strictly above its threshold)
    but absent, or absent from the prediction but present. A sample with 0
    wrong labels is an exact match; element-wise accuracy counts each wrong
    label on its own.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_labels)
        Predicted probabilities, one column per label.
    threshold : float or array-like of shape (n_labels,), default=0.5
        A label is predicted when its score is strictly above its threshold.

    Returns
    -------
    pandas.DataFrame
        Index ``wrong labels`` (0 up to the largest count seen, every value in
        between listed), columns ``samples`` (how many) and ``share`` (of all
        samples).

    Raises
    ------
    ValueError
        As :func:`multilabel_summary`.

    Notes
    -----
    ``share`` at 0 wrong labels is the exact-match accuracy, and
    ``1 - (index * samples).sum() / (n_samples * n_labels)`` is the
    element-wise accuracy.

    Examples
    --------
    >>> from evalviz.metrics import wrong_labels_per_sample
    >>> wrong_labels_per_sample([[1, 0], [0, 1]], [[0.9, 0.8], [0.1, 0.7]])["samples"].tolist()
    [1, 1]
    """  # noqa: E501
    import pandas as pd

    wrong = wrong_label_counts(y_true, y_score, threshold=threshold)
    counts = np.bincount(wrong)
    return pd.DataFrame(
        {"samples": counts, "share": counts / wrong.size},
        index=pd.RangeIndex(counts.size, name="wrong labels"),
    )


# ---------------------------------------------------------------------------
# Per label
# ---------------------------------------------------------------------------


def per_label_scores(
    y_true, y_score, *, threshold=0.5, display_labels=None, labels=None
):
    """Precision, recall, F1, accuracy and support of each label.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_labels)
        Predicted probabilities, one column per label.
    threshold : float or array-like of shape (n_labels,), default=0.5
        A label is predicted when its score is strictly above its threshold.
    display_labels : sequence of str, optional
        Label names for the index (default "0", "1", ...).
    labels : sequence of str, optional
        Deprecated name of ``display_labels`` (one release).

    Returns
    -------
    pandas.DataFrame
        One row per label: ``threshold``, ``precision``, ``recall``, ``F1``,
        ``accuracy`` (share of samples where this label is right) and
        ``support`` (number of positives).

    Raises
    ------
    ValueError
        As :func:`multilabel_summary`, or when the names do not match the
        columns.

    Examples
    --------
    >>> from evalviz.metrics import per_label_scores
    >>> frame = per_label_scores([[1, 0], [0, 1], [1, 1]], [[0.9, 0.4], [0.2, 0.6], [0.7, 0.3]],
    ...                          display_labels=["cat", "dog"])
    >>> frame["recall"].round(3).tolist()
    [1.0, 0.5]
    """  # noqa: E501
    import pandas as pd

    truth, score = _read_multilabel(y_true, y_score)
    pred = _cut(score, threshold)
    n_labels = truth.shape[1]
    names = _display_names(display_labels, labels, n_labels)
    tp, fp, fn, tn = _counts(truth, pred, axis=0)
    cuts = np.broadcast_to(np.asarray(threshold, dtype=float), (n_labels,))
    frame = pd.DataFrame(
        {
            "threshold": cuts.astype(float),
            "precision": [_ratio(a, a + b) for a, b in zip(tp, fp, strict=True)],
            "recall": [_ratio(a, a + b) for a, b in zip(tp, fn, strict=True)],
            "F1": _per_label_f1(truth, pred),
            "accuracy": (tp + tn) / truth.shape[0],
            "support": truth.sum(axis=0).astype(np.int64),
        },
        index=pd.Index(names, name="label"),
    )
    return frame


def per_label_thresholds(y_true, y_score, *, grid=None, objective="F1") -> np.ndarray:
    """One threshold per label, each chosen to maximise that label's score.

    Choose them on validation data, then report on test data: thresholds
    picked on the test set make the test numbers optimistic.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        Validation labels, a 0/1 indicator matrix.
    y_score : array-like of shape (n_samples, n_labels)
        Validation scores, one column per label.
    grid : sequence of float, optional
        Candidate thresholds; default 0.05, 0.10, ..., 0.95.
    objective : {"F1", "accuracy"}, default="F1"
        What each label's threshold maximises: its F1, or its accuracy (the
        share of samples where this label is right, which is what element-wise
        and exact-match accuracy are built from).

    Returns
    -------
    ndarray of shape (n_labels,)
        The chosen threshold of each label.

    Raises
    ------
    ValueError
        When ``objective`` is unknown, ``grid`` is empty or not 1-D, or as
        :func:`multilabel_summary`.

    Notes
    -----
    Ties go to the threshold closest to 0.5.

    Examples
    --------
    >>> from evalviz.metrics import per_label_thresholds
    >>> per_label_thresholds([[0], [0], [1], [1]], [[0.1], [0.2], [0.8], [0.9]]).tolist()
    [0.5]
    """
    check_choice(objective, "objective", ("F1", "accuracy"))
    truth, score = _read_multilabel(y_true, y_score)
    grid = (
        np.round(np.arange(1, 20) * 0.05, 2)
        if grid is None
        else np.asarray(grid, dtype=float)
    )
    if grid.ndim != 1 or grid.size == 0:
        raise ValueError(
            f"grid must be a non-empty 1-D list of thresholds, got {grid!r}"
        )
    # Candidates from the one closest to 0.5 outward; only strict improvements win.
    order = grid[np.argsort(np.abs(grid - 0.5), kind="stable")]
    pred = score[None, :, :] > order[:, None, None]  # (candidates, n, labels)
    truth3 = np.broadcast_to(truth, pred.shape)
    if objective == "F1":
        tp, fp, fn, _ = _counts(truth3, pred, axis=1)
        den = 2 * tp + fp + fn
        value = np.divide(2.0 * tp, den, out=np.zeros(tp.shape), where=den > 0)
    else:
        value = np.mean(pred == truth3, axis=1)
    return order[np.argmax(value, axis=0)].astype(float)


# ---------------------------------------------------------------------------
# Cell counts (how Keras counts)
# ---------------------------------------------------------------------------


def _cell_columns(y_true, y_score, pos_label):
    """The 0/1 matrix and the scores Keras compares cell by cell, and names."""
    inp = read_inputs(y_true, y_score, pos_label=pos_label)
    if inp.kind == "multilabel":
        return inp.y.astype(bool), inp.score, list(inp.names)
    if inp.kind == "binary" and inp.score_matrix is None:
        return inp.y.astype(bool)[:, None], inp.score[:, None], [inp.names[1]]
    score = inp.score_matrix if inp.kind == "binary" else inp.score
    return inp.one_vs_rest().astype(bool), score, list(inp.names)


def cell_counts(
    y_true, y_score, *, threshold=0.5, display_labels=None, labels=None, pos_label=None
):
    """TP, FP, FN and TN of each score column, and summed over all cells.

    This is how Keras' ``TruePositives()``, ``FalsePositives()``,
    ``TrueNegatives()``, ``FalseNegatives()``, ``Precision()`` and ``Recall()``
    count: every cell of the (one-hot) label matrix against the same cell of
    the scores cut at ``threshold``, pooled over all columns.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, k)
        One-hot labels or a 0/1 indicator matrix of shape (n_samples, k); class
        labels of shape (n_samples,) with a (n_samples, k) ``y_score`` (one-hot
        encoded here); or binary labels with a 1-D ``y_score``.
    y_score : array-like of shape (n_samples, k) or (n_samples,)
        Scores, one column per class or label (1-D: the positive class's).
    threshold : float, default=0.5
        A cell counts as predicted positive when its score is strictly above.
    display_labels : sequence of str, optional
        Column names for the index (default: the class names, or "0", "1",
        ... for indicator columns; for a 1-D score, the positive class).
    labels : sequence of str, optional
        Deprecated name of ``display_labels`` (one release).
    pos_label : object, optional
        The positive class of binary labels other than {0, 1}, {-1, 1} and
        {False, True}.

    Returns
    -------
    pandas.DataFrame
        One row per column and a last row ``"all cells"`` (their sum), with
        ``TP``, ``FP``, ``FN``, ``TN`` and the ``accuracy``, ``precision`` and
        ``recall`` those counts give. A column's row is that class's own
        one-vs-rest numbers; the ``"all cells"`` row is what Keras reports.

    Raises
    ------
    ValueError
        When the inputs cannot be read (see ``read_inputs``), binary labels
        need ``pos_label``, or the names do not match the columns.

    Notes
    -----
    With two softmax columns every row has exactly one cell above 0.5 (unless
    a score is exactly 0.5), so a right row adds one TP and one TN and a wrong
    row one FP and one FN: in the ``"all cells"`` row TP = TN and FP = FN, and
    accuracy, precision and recall are one and the same number.

    Examples
    --------
    >>> from evalviz.metrics import cell_counts
    >>> frame = cell_counts([[1, 0], [0, 1], [0, 1]], [[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    >>> frame[["TP", "FP", "FN", "TN"]].loc["all cells"].tolist()
    [2, 1, 1, 2]
    """  # noqa: E501
    import pandas as pd

    t = check_threshold(threshold)
    truth, score, default_names = _cell_columns(y_true, y_score, pos_label)
    names = (
        default_names
        if display_labels is None and labels is None
        else _display_names(display_labels, labels, truth.shape[1], "score")
    )
    tp, fp, fn, tn = _counts(truth, score > t, axis=0)
    counts = np.stack([tp, fp, fn, tn], axis=1).astype(np.int64)
    counts = np.vstack([counts, counts.sum(axis=0)])
    frame = pd.DataFrame(
        counts,
        columns=["TP", "FP", "FN", "TN"],
        index=pd.Index([*names, "all cells"], name="column"),
    )
    frame["accuracy"] = (counts[:, 0] + counts[:, 3]) / counts.sum(axis=1)
    frame["precision"] = [_ratio(a, a + b) for a, b in counts[:, [0, 1]]]
    frame["recall"] = [_ratio(a, a + b) for a, b in counts[:, [0, 2]]]
    return frame
