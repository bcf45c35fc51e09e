"""Tables behind the top-k and confusion displays: what top-k forgives, report
comparisons, the scores inside confusion-matrix cells, label groups.

numpy at import time; pandas is imported by each function when it is called.
Every function reads its inputs through ``evalviz._validation.read_inputs`` and
takes its per-sample numbers from the public ranking and counting functions.

Tie rule: the top-1 guess is the argmax of each row, the lowest class index
among equal scores (numpy's and scikit-learn's ``predict`` rule), the same
order :func:`evalviz.metrics.rank_of_true_class` uses, so a sample is
"forgiven by top-k" exactly when its true class ranks 2..k.
"""

from __future__ import annotations

import numpy as np

from .._validation import check_k, read_inputs
from ._ranking import (
    label_hits_at_k,
    micro_auc_by_label,
    precision_at_k,
    rank_of_true_class,
    recall_at_k,
    roc_auc,
    top_k_accuracy,
)

__all__ = [
    "compare_reports",
    "forgiven_confusions",
    "forgiven_summary",
    "label_group_table",
    "score_shares",
    "scores_in_cells",
    "topk_auc_summary",
]

_AVERAGE_ROWS = ["accuracy", "macro avg", "weighted avg"]


def _read_multiclass(y_true, y_score, what, labels=None, display_labels=None):
    """Multi-class inputs (one score column per class) or a teaching error."""
    try:
        inputs = read_inputs(
            y_true,
            y_score,
            labels=labels,
            display_labels=display_labels,
            kind="multiclass",
        )
    except ValueError as exc:
        raise ValueError(
            f"{what} needs multi-class input: y_true as class labels of shape "
            f"(n_samples,) and y_score of shape (n_samples, n_classes). {exc}"
        ) from None
    if inputs.kind != "multiclass" or inputs.score is None or inputs.score.ndim != 2:
        raise ValueError(
            f"{what} needs multi-class input: y_true as class labels of shape "
            f"(n_samples,) and y_score of shape (n_samples, n_classes); got a "
            f"{inputs.kind} problem"
        )
    return inputs


def _forgiven(inputs, k):
    """Rows wrong at top-1 and right at top-k, their top-1 class and score gap."""
    truth, score = inputs.y, inputs.score
    rank = rank_of_true_class(truth, score)
    rows = np.flatnonzero((rank > 1) & (rank <= k))
    top1 = np.argmax(score[rows], axis=1)
    gap = (score[rows, top1] - score[rows, truth[rows]]).astype(np.float64)
    return rows, top1, gap


def forgiven_confusions(y_true, y_score, *, k=2, labels=None, display_labels=None):
    """The (true class, top-1 guess) pairs that top-k stops counting as errors.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Class labels (any sortable type).
    y_score : array-like of shape (n_samples, n_classes)
        Scores, one column per class.
    k : int, default=2
        The k of top-k.
    labels : array-like, optional
        The class values in column order (default: sorted, or ``0..k-1``).
    display_labels : sequence of str, optional
        Class names shown in ``true_name`` / ``top1_name``.

    Returns
    -------
    pandas.DataFrame
        One row per pair, most frequent first: ``true``, ``top1`` (class
        indices), ``true_name``, ``top1_name``, ``count`` (samples wrong at
        top-1, right at top-k), ``share_of_true`` (count / samples of that
        class), ``mean_gap`` and ``median_gap`` (top-1 score minus the true
        class's score over every forgiven sample of the pair).
        ``count.sum()`` is the gain from top-1 to top-k accuracy, in samples.

    Raises
    ------
    ValueError
        If the input is not multi-class or ``k`` is out of range.

    Notes
    -----
    The top-1 guess is the argmax (ties: the lowest class index).

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import forgiven_confusions
    >>> score = np.array([[0.5, 0.4, 0.1], [0.2, 0.7, 0.1], [0.6, 0.1, 0.3]])
    >>> forgiven_confusions([1, 1, 2], score, k=2)["count"].tolist()
    [1, 1]
    """
    import pandas as pd

    inputs = _read_multiclass(
        y_true, y_score, "forgiven_confusions", labels, display_labels
    )
    m = inputs.n_classes
    k = check_k(k, m)
    names = inputs.names
    rows, top1, gap = _forgiven(inputs, k)
    true = inputs.y[rows]
    pair = true * m + top1
    counts = np.bincount(pair, minlength=m * m)
    gap_sum = np.bincount(pair, weights=gap, minlength=m * m)
    support = np.bincount(inputs.y, minlength=m)
    idx = np.flatnonzero(counts)
    idx = idx[np.argsort(-counts[idx], kind="stable")]
    t, p = np.divmod(idx, m)
    return pd.DataFrame(
        {
            "true": t,
            "top1": p,
            "true_name": [names[i] for i in t],
            "top1_name": [names[i] for i in p],
            "count": counts[idx],
            "share_of_true": counts[idx] / np.maximum(support[t], 1),
            "mean_gap": gap_sum[idx] / counts[idx],
            "median_gap": [float(np.median(gap[pair == i])) for i in idx],
        }
    )


def _positive_number(value, name: str) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive number, got {value}")
    return value


def _group_indices(within, names, classes) -> list[int]:
    group = []
    values = classes.tolist()
    for c in within:
        if isinstance(c, str) and c in names:
            group.append(names.index(c))
        elif not isinstance(c, str) and c in values:
            group.append(values.index(c))
        else:
            raise ValueError(
                f"within holds {c!r}, which is neither a class name {names[:10]} nor "
                f"a class value {values[:10]}"
            )
    return group


def forgiven_summary(
    y_true,
    y_score,
    *,
    k=2,
    labels=None,
    display_labels=None,
    within=None,
    close=0.1,
):
    """How many samples top-k forgives, how close those calls were, and where.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Class labels (any sortable type).
    y_score : array-like of shape (n_samples, n_classes)
        Scores, one column per class.
    k : int, default=2
        The k of top-k.
    labels : array-like, optional
        The class values in column order.
    display_labels : sequence of str, optional
        Class names (``within`` may use them).
    within : sequence of str or class values, optional
        A group of classes. Adds the share of forgiven samples whose true
        class *and* top-1 guess both belong to it.
    close : float, default=0.1
        A forgiven sample is a "close call" when its top-1 score exceeds the
        true class's score by less than this (score units).

    Returns
    -------
    pandas.Series
        ``forgiven`` (samples wrong at top-1, right at top-k),
        ``share_of_samples`` (= top-k minus top-1 accuracy), ``median_gap``
        and ``mean_gap``, ``share_close`` and, with ``within``,
        ``share_within``.

    Raises
    ------
    ValueError
        If the input is not multi-class, ``close`` is not a positive number or
        ``within`` names an unknown class.

    Notes
    -----
    Computed over every forgiven sample, not a gallery's selection. The
    top-1 guess is the argmax (ties: the lowest class index).

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import forgiven_summary
    >>> score = np.array([[0.5, 0.4, 0.1], [0.2, 0.7, 0.1], [0.6, 0.1, 0.3]])
    >>> int(forgiven_summary([1, 1, 2], score, k=2)["forgiven"])
    2
    """
    import pandas as pd

    inputs = _read_multiclass(
        y_true, y_score, "forgiven_summary", labels, display_labels
    )
    k = check_k(k, inputs.n_classes)
    close = _positive_number(close, "close")
    rows, top1, gap = _forgiven(inputs, k)
    n = rows.size
    nan = float("nan")
    out = {
        "forgiven": n,
        "share_of_samples": n / inputs.n_samples,
        "median_gap": float(np.median(gap)) if n else nan,
        "mean_gap": float(gap.mean()) if n else nan,
        "share_close": float(np.mean(gap < close)) if n else nan,
    }
    if within is not None:
        group = _group_indices(within, inputs.names, inputs.classes)
        inside = np.isin(inputs.y[rows], group) & np.isin(top1, group)
        out["share_within"] = float(inside.mean()) if n else nan
    return pd.Series(out, name=f"forgiven by top-{k}", dtype=object)


def topk_auc_summary(y_true, y_score, *, k=5):
    """Top-k accuracy next to precision@k, recall@k and micro / macro ROC AUC.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        Multi-label 0/1 indicator.
    y_score : array-like of shape (n_samples, n_labels)
        Scores, one column per label.
    k : int, default=5
        The k of top-k, precision@k and recall@k.

    Returns
    -------
    pandas.Series
        One row per number, named in plain words: top-k accuracy (any true
        label in the top k), the Keras-style top-k (only the first true
        label, as ``TopKCategoricalAccuracy`` does on a multi-label target),
        precision@k, recall@k, micro AUC and macro AUC.

    Raises
    ------
    ValueError
        If ``y_true`` is not a multi-label indicator.

    Notes
    -----
    Micro AUC pools every (sample, label) cell, as Keras' ``AUC()`` does with
    its defaults (it approximates with 200 thresholds); macro AUC is the mean
    of the per-label AUCs.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import topk_auc_summary
    >>> y = np.array([[1, 0, 0], [0, 1, 1], [1, 0, 1], [0, 1, 0]])
    >>> s = np.array([[.9, .1, .2], [.2, .8, .7], [.6, .3, .5], [.1, .9, .3]])
    >>> float(topk_auc_summary(y, s, k=1).iloc[0])
    1.0
    """
    import pandas as pd

    inputs = read_inputs(y_true, y_score)
    if inputs.kind != "multilabel":
        raise ValueError(
            "topk_auc_summary needs a multi-label indicator y_true of shape "
            f"(n_samples, n_labels); got a {inputs.kind} problem. For class labels "
            "use evalviz.metrics.top_k_accuracy and roc_auc directly"
        )
    truth, score = inputs.y, inputs.score
    k = check_k(k, score.shape[1])
    first = np.argmax(truth, axis=1)
    m = score.shape[1]
    return pd.Series(
        {
            f"top-{k} accuracy (any true label in the top {k})": top_k_accuracy(
                truth, score, k
            ),
            f"top-{k}, first true label only (Keras-style)": top_k_accuracy(
                first, score, k
            ),
            f"precision@{k} (true labels among the {k} shown / {k})": precision_at_k(
                truth, score, k
            ),
            f"recall@{k} (share of a sample's labels shown)": recall_at_k(
                truth, score, k
            ),
            "micro AUC (all cells pooled)": roc_auc(truth, score, average="micro"),
            f"macro AUC (mean of the {m:,} labels' AUCs)": roc_auc(
                truth, score, average="macro"
            ),
        },
        name=f"top-{k} and AUC",
    )


def compare_reports(
    reports, *, metrics=("recall", "precision"), labels=None, display_labels=None
):
    """Per-class numbers of several classification reports, side by side.

    Parameters
    ----------
    reports : mapping {name: report}
        Each report a DataFrame as :func:`evalviz.metrics.report_from_confusion`
        returns, or any object with such a DataFrame as its ``report``
        attribute (a ``ClassificationReportDisplay``). Class rows are matched
        by position.
    metrics : sequence of str, default=("recall", "precision")
        Columns to take from each report: ``precision``, ``recall``,
        ``f1-score``, ``support``.
    labels : sequence of str, optional
        Deprecated spelling of ``display_labels``.
    display_labels : sequence of str, optional
        Names for the rows; default: the first report's class names.

    Returns
    -------
    pandas.DataFrame
        One row per class; columns ``"<name>: <metric>"``, grouped by metric
        in the order of ``metrics``, reports in the order given.

    Raises
    ------
    ValueError
        If ``reports`` is empty, a report is not a report, lacks a column, or
        the reports have different numbers of classes.

    Notes
    -----
    Only class rows are compared (not ``accuracy``, ``macro avg``,
    ``weighted avg``).

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import compare_reports, report_from_confusion
    >>> a = report_from_confusion(np.array([[3, 1], [0, 4]]))
    >>> b = report_from_confusion(np.array([[4, 0], [2, 2]]))
    >>> compare_reports({"a": a, "b": b}, metrics=["recall"])["b: recall"].tolist()
    [1.0, 0.5]
    """
    import pandas as pd

    tables = _class_tables(reports, metrics)
    sizes = {name: len(t) for name, t in tables.items()}
    if len(set(sizes.values())) != 1:
        raise ValueError(
            f"the reports have different numbers of classes: {sizes}; compare "
            "reports of the same classes"
        )
    first = next(iter(tables.values()))
    if labels is not None and display_labels is None:
        import warnings

        warnings.warn(
            "compare_reports(labels=names) is deprecated: pass display_labels=",
            DeprecationWarning,
            stacklevel=2,
        )
    shown = display_labels if display_labels is not None else labels
    names = [str(i) for i in (first.index if shown is None else shown)]
    if len(names) != len(first):
        raise ValueError(
            f"display_labels has {len(names)} names but the reports have "
            f"{len(first)} classes; pass one name per class"
        )
    columns = {
        f"{name}: {metric}": t[metric].to_numpy()
        for metric in metrics
        for name, t in tables.items()
    }
    return pd.DataFrame(columns, index=pd.Index(names, name="class"))


def _class_tables(reports, metrics) -> dict:
    """The class rows of each report, checked."""
    import pandas as pd

    if not reports:
        raise ValueError("reports is empty; pass {'name': report, ...}")
    tables = {}
    for name, rep in dict(reports).items():
        frame = getattr(rep, "report", rep)
        if not isinstance(frame, pd.DataFrame):
            raise ValueError(
                f"reports[{name!r}] must be a DataFrame from report_from_confusion or "
                f"a ClassificationReportDisplay, got {type(rep).__name__}"
            )
        missing = [m for m in metrics if m not in frame.columns]
        if missing:
            raise ValueError(
                f"reports[{name!r}] has no column {missing[0]!r}; choose metrics from "
                f"{list(frame.columns)}"
            )
        tables[str(name)] = frame.drop(index=_AVERAGE_ROWS, errors="ignore")
    return tables


def scores_in_cells(truth, pred, score, pairs):
    """The predicted class's score for every sample of some confusion cells.

    Parameters
    ----------
    truth, pred : ndarray of int, shape (n_samples,)
        True and predicted class indices (as read by ``read_inputs``).
    score : ndarray of shape (n_samples, n_classes)
        Scores, column j = class j.
    pairs : sequence of (int, int)
        (true index, predicted index) cells.

    Returns
    -------
    counts : ndarray of int64, shape (n_pairs,)
        Samples in each cell.
    cell : ndarray of int64, shape (n_found,)
        Which pair each sample belongs to (position in ``pairs``).
    index : ndarray of int64, shape (n_found,)
        The sample's row in the data, in data order within each cell.
    value : ndarray of float64, shape (n_found,)
        ``score[index, predicted]``.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.metrics import scores_in_cells
    >>> s = np.array([[0.9, 0.1], [0.3, 0.7], [0.4, 0.6]])
    >>> scores_in_cells(np.array([0, 0, 1]), np.array([0, 1, 1]), s, [(0, 1)])[0]
    array([1])
    """
    cells, index, value, counts = [], [], [], []
    for r, (t, p) in enumerate(pairs):
        idx = np.flatnonzero((truth == t) & (pred == p))
        counts.append(idx.size)
        cells.append(np.full(idx.size, r, dtype=np.int64))
        index.append(idx.astype(np.int64))
        value.append(np.asarray(score[idx, p], dtype=np.float64))
    return (
        np.asarray(counts, dtype=np.int64),
        np.concatenate(cells) if cells else np.empty(0, np.int64),
        np.concatenate(index) if index else np.empty(0, np.int64),
        np.concatenate(value) if value else np.empty(0),
    )


def score_shares(values, levels):
    """Median of some scores and the share at or above each level.

    Parameters
    ----------
    values : array-like of shape (n,)
        Scores (probabilities).
    levels : sequence of float
        Levels, in score units.

    Returns
    -------
    median : float
        NaN when ``values`` is empty.
    shares : ndarray of shape (n_levels,)
        Share of ``values >= level`` for each level (NaN when empty).

    Examples
    --------
    >>> from evalviz.metrics import score_shares
    >>> score_shares([0.2, 0.6, 0.95], [0.5, 0.9])
    (0.6, array([0.66666667, 0.33333333]))
    """
    v = np.asarray(values, dtype=np.float64)
    lv = np.asarray(levels, dtype=np.float64)
    if v.size == 0:
        return float("nan"), np.full(lv.size, np.nan)
    return float(np.median(v)), np.mean(v[:, None] >= lv[None, :], axis=0)


def label_group_table(y_true, y_score, *, k=5, edges=(10, 100)):
    """Labels split by frequency, and what each group does to each metric.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels) or (n_samples,)
        Multi-label 0/1 indicator (multi-class labels work too).
    y_score : array-like of shape (n_samples, n_labels)
        Scores, one column per label.
    k : int, default=5
        The k of top-k accuracy and of each group's recall at k.
    edges : sequence of int, default=(10, 100)
        Group boundaries in frequency rank.

    Returns
    -------
    groups : pandas.DataFrame
        One row per group: ``group``, ``labels``, ``share_of_labels``,
        ``positives``, ``share_of_positives``, ``mean_auc``,
        ``micro_auc_part``, ``recall_at_k``.
    totals : pandas.Series
        ``top_<k>_accuracy``, ``macro_auc``, ``micro_auc``, ``weighted_auc``.

    Raises
    ------
    ValueError
        If ``y_score`` has a single column.

    Notes
    -----
    Labels are ranked by their number of positives (ties: lower index first).
    ``macro_auc == sum(share_of_labels * mean_auc)`` and
    ``micro_auc == sum(share_of_positives * micro_auc_part)``.

    Examples
    --------
    >>> from evalviz.simulate import multilabel_zipf
    >>> from evalviz.metrics import label_group_table
    >>> y, s = multilabel_zipf(300, 20, seed=0)
    >>> groups, totals = label_group_table(y, s, k=3, edges=(5,))
    >>> groups["labels"].tolist()
    [5, 15]
    """
    import pandas as pd

    inputs = read_inputs(y_true, y_score)
    if inputs.kind == "binary":
        raise ValueError(
            "label_groups needs one score column per label (y_score of shape "
            "(n_samples, n_labels))"
        )
    truth, score = inputs.y, inputs.score
    m = score.shape[1]
    edges = sorted({int(e) for e in edges if 0 < int(e) < m})
    if inputs.kind == "multiclass":
        n_pos = np.bincount(truth, minlength=m)
    else:
        n_pos = np.count_nonzero(truth, axis=0)
    per_label_auc = np.asarray(roc_auc(truth, score, average=None), dtype=float)
    micro_part = micro_auc_by_label(truth, score)
    hits = label_hits_at_k(truth, score, k)
    rows = _group_rows(n_pos, edges, m, per_label_auc, micro_part, hits)
    totals = pd.Series(
        {
            f"top_{k}_accuracy": top_k_accuracy(truth, score, k),
            "macro_auc": float(per_label_auc.mean()),
            "micro_auc": roc_auc(truth, score, average="micro"),
            "weighted_auc": float(np.average(per_label_auc, weights=n_pos)),
        }
    )
    return pd.DataFrame(rows), totals


def _group_rows(n_pos, edges, m, per_label_auc, micro_part, hits) -> list[dict]:
    """One row of numbers per frequency group of labels."""
    order = np.argsort(-n_pos, kind="stable")
    bounds = [0, *edges, m]
    rows = []
    total_pos = n_pos.sum()
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        idx = order[lo:hi]
        pos = int(n_pos[idx].sum())
        rows.append(
            {
                "group": f"top {hi}" if lo == 0 else f"{lo + 1}-{hi}",
                "labels": hi - lo,
                "share_of_labels": (hi - lo) / m,
                "positives": pos,
                "share_of_positives": pos / total_pos,
                "mean_auc": float(per_label_auc[idx].mean()),
                "micro_auc_part": float(
                    np.average(micro_part[idx], weights=n_pos[idx])
                ),
                "recall_at_k": float(hits[idx].sum() / max(pos, 1)),
            }
        )
    return rows
