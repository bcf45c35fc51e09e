"""Bootstrap confidence intervals of any metric, for one model or two."""

from __future__ import annotations

import warnings

import numpy as np
from scipy import special

from .._validation import _to_numpy, as_array, check_choice, class_index, read_inputs
from ..metrics import average_precision, rank_of_true_class, roc_auc, top_k_accuracy
from ._proportion import _check_confidence
from ._results import BootstrapComparison, BootstrapInterval
from ._weighted import CountsMetric, HitsMetric, RankMetric

__all__ = ["bootstrap_ci", "METRICS"]

#: The metric names ``bootstrap_ci`` knows (``element_wise_accuracy`` is an alias).
METRICS = (
    "accuracy",
    "precision",
    "recall",
    "f1",
    "roc_auc",
    "average_precision",
    "top_k_accuracy",
    "exact_match",
    "element_wise",
)
_ALIASES = {"element_wise_accuracy": "element_wise"}
_METHODS = ("percentile", "bca")
# Cells of one (resamples x samples) block of weights: 2 MiB of int32, so that
# the per-column gathers and cumulative sums stay in cache.
_BLOCK_CELLS = 1 << 19


def bootstrap_ci(
    metric,
    y_true,
    *y_scores,
    n_resamples=2000,
    confidence=0.95,
    stratify=True,
    paired=True,
    seed=0,
    method="percentile",
    k=None,
    threshold=None,
    labels=None,
    pos_label=None,
):
    """Bootstrap confidence interval of a metric; two models: also their difference.

    Parameters
    ----------
    metric : str or callable
        One of ``"accuracy"``, ``"precision"``, ``"recall"``, ``"f1"``,
        ``"roc_auc"``, ``"average_precision"``, ``"top_k_accuracy"`` (give
        ``k``), ``"exact_match"`` and ``"element_wise"`` (multi-label; alias
        ``"element_wise_accuracy"``), as in ``evalviz.metrics``; or a function
        ``metric(y_true, y_score) -> float`` called on each resample (NaN
        or a ``ValueError`` there, as for a resample with one class only,
        makes that resample undefined).
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True labels, or a multi-label 0/1 indicator matrix.
    *y_scores : array-like
        One or two models' outputs on the same samples: scores (1-D binary
        scores, ``(n, k)`` probabilities or label scores) or, for the
        counting metrics, predicted labels (1-D integer, boolean or string
        arrays of class values; 0/1 integer indicators for multi-label).
    n_resamples : int, default=2000
        Bootstrap resamples, at least 2; below 100 a ``RuntimeWarning`` says
        the interval's ends rest on one or two resamples.
    confidence : float, default=0.95
        The interval's level.
    stratify : bool, default=True
        Resample within each class of ``y_true`` (class counts stay fixed, as
        pROC's ``boot.stratified``); multi-label targets are never stratified.
    paired : bool, default=True
        Two models: score both on the same resamples (their outputs are on
        the same samples). False draws independent resamples for each.
    seed : int, numpy Generator or None, default=0
        Seed of ``numpy.random.default_rng``; the same seed gives the same
        interval.
    method : {"percentile", "bca"}, default="percentile"
        The percentile interval (the default, as pROC), or the bias-corrected
        and accelerated interval (Efron 1987; needs one leave-one-out
        evaluation per sample). Where BCa is undefined (all resamples or all
        leave-one-out values equal), a ``RuntimeWarning`` says so and the
        percentile interval is returned (its ``method`` is "percentile").
    k : int, optional
        For ``"top_k_accuracy"``: the number of guesses.
    threshold : float, optional
        For counting metrics on scores: binary 1-D scores, ``score >=
        threshold`` is positive; multi-label, ``score > threshold`` (as
        ``evalviz.metrics.multilabel_summary``). Default: 0.5, for
        probabilities only; scores outside [0, 1] (logits) need an explicit
        ``threshold`` (0.0 for logits) or ``scipy.special.expit`` first. Multi-class scores and a
        binary ``(n, 2)`` ``predict_proba`` matrix use the argmax (ties to the
        lower class, as ``predict``).
    labels : array-like, optional
        Multi-class: the class value of each score column.
    pos_label : int, bool or str, optional
        Binary: the positive class (precision, recall, F1 and the AUC).

    Returns
    -------
    BootstrapInterval or BootstrapComparison
        One model: a :class:`BootstrapInterval` (unpacks as ``(estimate, low,
        high)``, with ``se`` and ``bootstrap_distribution``). Two models: a
        :class:`BootstrapComparison` (unpacks as ``(a, b, difference)``), the
        difference being ``metric(a) - metric(b)`` with its interval.

    Raises
    ------
    ValueError
        If the metric name is unknown, ``k`` is missing for top-k, not one or
        two models are given, an argument is out of range, or the metric is
        undefined on the full data or on every resample.

    Warns
    -----
    RuntimeWarning
        When the BCa interval is undefined and the percentile one is given,
        or ``n_resamples`` is below 100.

    Notes
    -----
    The resample indices are drawn once, as ``rng.integers(0, n, (B, n))``
    (within each class, from one child generator per class, when
    stratified), and turned into counts: resample ``b`` is the data with
    sample ``i`` weighted by how often it was drawn. The named metrics are
    computed for blocks of resamples at once (see ``_weighted``): ROC AUC and
    AP from one sort per score column, reused by every resample. With
    ``stratify=False`` the indices are the ones ``scipy.stats.bootstrap``
    draws from the same generator, so both give the same percentile and BCa
    intervals. Multi-class and multi-label AUC, AP, precision, recall and F1
    are macro averages (binary problems: the positive class). Resamples where
    the metric is undefined (for example a resample without positives when
    not stratified; binary precision, recall and F1 whenever their
    denominator is 0) are left out of the quantiles and counted in
    ``n_undefined``; macro averages score a class with a zero denominator 0,
    as scikit-learn's default. Quantiles are numpy's default (linear, R's type 7).

    Examples
    --------
    >>> y = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0]
    >>> s = [.1, .4, .35, .8, .2, .9, .5, .7, .6, .3]
    >>> result = bootstrap_ci("roc_auc", y, s, n_resamples=500)
    >>> round(result.estimate, 2), result.low <= result.estimate <= result.high
    (0.92, True)
    >>> a, b, diff = bootstrap_ci("accuracy", y, s, np.full(10, 0.6), n_resamples=500)
    >>> round(diff.estimate, 2)
    0.3
    """
    name, evaluators = _evaluators(
        metric, y_true, y_scores, k, threshold, labels, pos_label
    )
    check_choice(method, "method", _METHODS)
    level = _check_confidence(confidence)
    n_resamples = _check_resamples(n_resamples)
    n = evaluators[0].n
    strata = _strata(y_true) if stratify else None
    rng = _rng(seed)
    draws = [_Draws(n, strata, rng)]
    if len(evaluators) == 2 and not paired:
        draws.append(_Draws(n, strata, rng.spawn(1)[0]))
    estimates = [
        float(ev(np.ones((1, n), dtype=np.int32), strict=True)[0]) for ev in evaluators
    ]
    for est in estimates:
        if not np.isfinite(est):
            raise ValueError(
                f"{name} is undefined on the full data (got {est}); check that "
                "y_true holds every class the metric needs (recall needs a "
                "positive in y_true, precision a predicted positive, F1 either)"
            )
    dists = _distributions(evaluators, draws, n_resamples)
    jack = _jackknife(evaluators) if method == "bca" else None
    alpha = (1 - level) / 2
    common = dict(confidence=level, method=method, metric=name, n_resamples=n_resamples)
    intervals = [
        _interval(dist, est, None if jack is None else [jk], alpha, common)
        for dist, est, jk in zip(
            dists, estimates, jack or [None] * len(dists), strict=True
        )
    ]
    if len(evaluators) == 1:
        return intervals[0]
    diff_jack = None
    if jack is not None:
        diff_jack = [jack[0] - jack[1]] if paired else [jack[0], -jack[1]]
    diff = _interval(
        dists[0] - dists[1],
        estimates[0] - estimates[1],
        diff_jack,
        alpha,
        {**common, "metric": f"{name} difference"},
    )
    return BootstrapComparison(intervals[0], intervals[1], diff, bool(paired))


# ---------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------


def _check_resamples(n_resamples) -> int:
    if (
        isinstance(n_resamples, bool)
        or not isinstance(n_resamples, (int, np.integer))
        or n_resamples < 2
    ):
        raise ValueError(
            f"n_resamples must be a whole number of at least 2 (2000 is usual), got "
            f"{n_resamples!r}"
        )
    if n_resamples < 100:
        warnings.warn(
            f"n_resamples={n_resamples} is below 100: the interval's ends rest on "
            "one or two resamples (evalviz.roc's bands need at least 100); use "
            "n_resamples=2000",
            RuntimeWarning,
            stacklevel=3,
        )
    return int(n_resamples)


def _strata(y_true):
    """Class index per sample (binary and multi-class); None for multi-label."""
    arr = as_array(_to_numpy(y_true), "y_true")
    if arr.ndim == 2 and arr.shape[1] > 1:
        return None
    return np.unique(arr.reshape(arr.shape[0]), return_inverse=True)[1].ravel()


def _evaluators(metric, y_true, y_scores, k, threshold, labels, pos_label):
    if len(y_scores) not in (1, 2):
        raise ValueError(
            f"bootstrap_ci takes one or two models' outputs after y_true, got "
            f"{len(y_scores)}; compare more models two at a time"
        )
    if callable(metric):
        name = getattr(metric, "__name__", "metric")
        return name, [_CallableMetric(metric, y_true, s) for s in y_scores]
    if not isinstance(metric, str):
        raise ValueError(
            f"metric must be a metric name ({', '.join(METRICS)}) or a function "
            f"metric(y_true, y_score) -> float, got {type(metric).__name__}"
        )
    name = _ALIASES.get(metric, metric)
    check_choice(name, "metric", METRICS)
    if name == "top_k_accuracy" and k is None:
        raise ValueError('metric="top_k_accuracy" needs k= (the number of guesses)')
    if name != "top_k_accuracy" and k is not None:
        raise ValueError(
            f"k={k!r} is only used by metric='top_k_accuracy', got metric={name!r}; "
            "drop k= or use metric='top_k_accuracy'"
        )
    out = []
    for j, s in enumerate(y_scores):
        arg = "y_score" if len(y_scores) == 1 else f"y_scores[{j}]"
        ev = _named(name, y_true, s, arg, k, threshold, labels, pos_label)
        out.append(_Named(ev, _n_samples(y_true)))
    return name, out


def _n_samples(y_true) -> int:
    return int(as_array(_to_numpy(y_true), "y_true").shape[0])


def _named(name, y_true, y_score, arg, k, threshold, labels, pos_label):
    """The weighted evaluator of a named metric for one model's output."""
    if name in ("roc_auc", "average_precision"):
        # The metric itself first: its errors name what is missing.
        (roc_auc if name == "roc_auc" else average_precision)(
            y_true, y_score, labels=labels, pos_label=pos_label
        )
        inp = read_inputs(
            y_true,
            y_score,
            labels=labels,
            pos_label=pos_label,
            require_probabilities=True,
            y_score_name=arg,
        )
        truth = inp.y if inp.kind == "binary" else inp.one_vs_rest()
        return RankMetric(truth, inp.score, name)
    if name == "top_k_accuracy":
        top_k_accuracy(y_true, y_score, k, labels=labels)
        return HitsMetric(rank_of_true_class(y_true, y_score, labels=labels) <= k)
    truth, pred, multilabel, binary = _indicators(
        y_true, y_score, arg, threshold, labels, pos_label, name
    )
    if name in ("accuracy", "exact_match"):
        if not multilabel and name == "exact_match":
            raise ValueError(
                'metric="exact_match" is for multi-label targets (an indicator '
                'y_true); for single-label targets use "accuracy"'
            )
        return HitsMetric((truth == pred).all(axis=1))
    if name == "element_wise":
        if not multilabel:
            raise ValueError(
                'metric="element_wise" is for multi-label targets (an indicator '
                'y_true); for single-label targets use "accuracy"'
            )
        return HitsMetric((truth == pred).mean(axis=1))
    if binary is not None:
        # One positive class: 0/0 (no positives, or no predicted positives)
        # leaves the metric undefined, so that resample is left out (NaN).
        truth, pred = truth[:, [binary]], pred[:, [binary]]
        return CountsMetric(truth, pred, name, zero_division=np.nan)
    return CountsMetric(truth, pred, name)


def _looks_like_labels(arr: np.ndarray, y_true) -> bool:
    if arr.dtype.kind in "OUSb":
        return True
    if arr.dtype.kind not in "iu":
        return False
    values = np.unique(as_array(_to_numpy(y_true), "y_true"))
    return values.dtype.kind in "iub" and bool(np.isin(np.unique(arr), values).all())


def _indicators(y_true, y_score, arg, threshold, labels, pos_label, name):
    """``(truth, pred, multilabel, positive column or None)`` as 0/1 matrices."""
    raw = as_array(_to_numpy(y_score), arg)
    truth_arr = as_array(_to_numpy(y_true), "y_true")
    if truth_arr.ndim == 2 and truth_arr.shape[1] > 1:
        inp = read_inputs(y_true, raw, kind="multilabel", y_score_name=arg)
        score = inp.score
        is_indicator = raw.dtype.kind in "biu" and np.isin(raw, (0, 1)).all()
        pred = (
            score.astype(np.int8)
            if is_indicator
            else (score > _cut(score, threshold, arg))
        )
        return inp.y, pred.astype(np.int8), True, None
    if raw.ndim == 1 and _looks_like_labels(raw, y_true):
        inp = read_inputs(
            y_true, y_pred=raw, labels=labels, kind="multiclass", y_pred_name=arg
        )
        t, p, n_classes = inp.y, inp.y_pred, inp.n_classes
        positive = None
        if n_classes == 1 and name in ("precision", "recall", "f1"):
            return _one_class(inp, truth_arr, raw, pos_label, name)
        if n_classes == 2 and name in ("precision", "recall", "f1"):
            positive = _positive_index(inp, pos_label)
    else:
        inp = read_inputs(
            y_true, raw, labels=labels, pos_label=pos_label, y_score_name=arg
        )
        t, n_classes = inp.y, inp.n_classes
        if inp.kind == "binary":
            matrix = inp.score_matrix
            p = (
                np.argmax(matrix, axis=1)
                if matrix is not None
                else (inp.score >= _cut(inp.score, threshold, arg)).astype(np.int64)
            )
            positive = 1
        else:
            p, positive = inp.predictions(), None
    eye = np.eye(n_classes, dtype=np.int8)
    return eye[t], eye[p], False, positive


def _cut(score: np.ndarray, threshold, name: str, fix: str = "") -> float:
    """The threshold; the default 0.5 only for scores in [0, 1] (probabilities)."""
    if threshold is not None:
        return threshold
    lo, hi = float(np.min(score)), float(np.max(score))
    if lo < 0 or hi > 1:
        fix = fix or " or give threshold= explicitly (threshold=0.0 for logits)"
        raise ValueError(
            f"{name} holds scores from {lo:.4g} to {hi:.4g}, outside [0, 1] "
            "(logits or margins?), and the default cut 0.5 is for probabilities. "
            f"Pass probabilities, scipy.special.expit({name}),{fix}"
        )
    return 0.5


def _one_class(inp, truth_arr, raw, pos_label, name):
    """y_true with one class only: 0/1 indicators of the positive class."""
    only = inp.classes[0]
    only = only.item() if hasattr(only, "item") else only
    if pos_label is None and only not in (0, 1, -1):
        raise ValueError(
            f"y_true holds only the class {only!r}, so which class is positive is "
            f"not known for {name}; pass pos_label="
        )
    pos = 1 if pos_label is None else pos_label
    truth = (truth_arr.reshape(-1) == pos).astype(np.int8)[:, None]
    pred = (raw == pos).astype(np.int8)[:, None]
    return truth, pred, False, 0


def _positive_index(inp, pos_label) -> int:
    if pos_label is not None:
        return class_index(inp, pos_label)
    values = {c.item() if hasattr(c, "item") else c for c in inp.classes}
    if values in ({0, 1}, {-1, 1}):
        return 1
    raise ValueError(
        f"y_true has the labels {sorted(values)}, so which class is positive is not "
        f"obvious for precision, recall and F1; pass pos_label= (for example "
        f"pos_label={sorted(values)[-1]!r})"
    )


class _Named:
    """A weighted evaluator with the sample count (the interface of _CallableMetric)."""

    def __init__(self, evaluate, n: int):
        self.evaluate = evaluate
        self.n = n

    def __call__(self, weights: np.ndarray, strict: bool = False) -> np.ndarray:
        return self.evaluate(weights)

    def jackknife(self) -> np.ndarray | None:
        """Closed-form leave-one-out values, or None (then weights are used)."""
        return (
            self.evaluate.jackknife() if hasattr(self.evaluate, "jackknife") else None
        )


class _CallableMetric:
    """A user's ``metric(y_true, y_score)``, called once per weight row."""

    def __init__(self, func, y_true, y_score):
        self.func = func
        self.y_true = np.asarray(_to_numpy(y_true))
        self.y_score = np.asarray(_to_numpy(y_score))
        self.n = self.y_true.shape[0]
        if self.y_score.shape[0] != self.n:
            raise ValueError(
                f"y_true has {self.n} samples but a y_score has "
                f"{self.y_score.shape[0]}; both must describe the same samples"
            )

    def __call__(self, weights: np.ndarray, strict: bool = False) -> np.ndarray:
        out = np.empty(weights.shape[0])
        for r, row in enumerate(weights):
            idx = np.repeat(np.arange(self.n), row.astype(np.int64))
            try:
                value = self.func(self.y_true[idx], self.y_score[idx])
            except (ValueError, ZeroDivisionError):
                # Undefined on this resample (one class only, say): NaN.
                if strict:
                    raise
                value = np.nan
            out[r] = _scalar(value, self.func)
        return out


def _scalar(value, func) -> float:
    """The callable's value as a float; anything but one number is refused."""
    name = getattr(func, "__name__", "metric")
    if np.ndim(value) != 0:
        raise ValueError(
            f"metric {name} must return one number per call, got a value of shape "
            f"{np.shape(value)}; return a scalar (for per-class values, bootstrap "
            "one class at a time or return their mean)"
        )
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"metric {name} must return one number per call, got "
            f"{type(value).__name__} {value!r}"
        ) from None


def _rng(seed) -> np.random.Generator:
    """``numpy.random.default_rng(seed)``, with an error naming ``seed``."""
    ok = seed is None or isinstance(
        seed, (np.random.Generator, np.random.SeedSequence, np.random.BitGenerator)
    )
    if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool):
        ok = seed >= 0
    if not ok:
        raise ValueError(
            f"seed must be a whole number >= 0, a numpy Generator or None, got "
            f"{seed!r}; e.g. seed=0"
        )
    return np.random.default_rng(seed)


# ---------------------------------------------------------------------------
# Resampling
# ---------------------------------------------------------------------------


class _Draws:
    """Resample counts, drawn block by block from one generator (or one per class)."""

    def __init__(self, n, strata, rng):
        self.n = n
        if strata is None:
            self.groups = None
            self.rng = rng
        else:
            self.groups = [np.flatnonzero(strata == g) for g in np.unique(strata)]
            self.rngs = rng.spawn(len(self.groups))

    def counts(self, b: int) -> np.ndarray:
        """``(b, n)`` int64: how often each sample is drawn in each resample."""
        if self.groups is None:
            return _counts(self.rng.integers(0, self.n, (b, self.n)))
        out = np.empty((b, self.n), dtype=np.int32 if self.n < 1 << 30 else np.int64)
        for members, rng in zip(self.groups, self.rngs, strict=True):
            out[:, members] = _counts(rng.integers(0, members.size, (b, members.size)))
        return out


def _counts(idx: np.ndarray) -> np.ndarray:
    """Row-wise counts of the indices ``idx`` (b, m) into ``range(m)``."""
    b, m = idx.shape
    flat = idx + (np.arange(b, dtype=idx.dtype) * m)[:, None]
    counts = np.bincount(flat.ravel(), minlength=b * m).reshape(b, m)
    return counts.astype(np.int32) if m < 1 << 30 else counts


def _distributions(evaluators, draws, n_resamples):
    n = evaluators[0].n
    block = max(1, min(n_resamples, _BLOCK_CELLS // max(n, 1)))
    dists = [np.empty(n_resamples) for _ in evaluators]
    for b0 in range(0, n_resamples, block):
        b = min(block, n_resamples - b0)
        weights = draws[0].counts(b)
        for j, ev in enumerate(evaluators):
            if j == 1 and len(draws) == 2:
                weights = draws[1].counts(b)
            dists[j][b0 : b0 + b] = ev(weights)
    return dists


def _jackknife(evaluators):
    """Each model's metric with one sample left out, for every sample."""
    out = []
    for ev in evaluators:
        closed = ev.jackknife() if hasattr(ev, "jackknife") else None
        out.append(_leave_one_out(ev) if closed is None else closed)
    return out


def _leave_one_out(ev) -> np.ndarray:
    """The metric on weights that leave out one sample at a time."""
    n = ev.n
    block = max(1, min(n, _BLOCK_CELLS // max(n, 1)))
    out = np.empty(n)
    for i0 in range(0, n, block):
        b = min(block, n - i0)
        weights = np.ones((b, n), dtype=np.int32)
        weights[np.arange(b), i0 + np.arange(b)] = 0
        out[i0 : i0 + b] = ev(weights)
    return out


# ---------------------------------------------------------------------------
# Intervals
# ---------------------------------------------------------------------------


def _bca_levels(dist, estimate, jackknives, alpha):
    """BCa's two quantile levels (Efron and Tibshirani 1993, 14.3; as scipy)."""
    below = np.count_nonzero(dist < estimate) + np.count_nonzero(dist <= estimate)
    z0 = special.ndtri(below / (2.0 * dist.size))
    nums = dens = 0.0
    for jk in jackknives:
        m = float(jk.size)
        u = (m - 1) * (jk.mean() - jk)
        nums += np.sum(u**3) / m**3
        dens += np.sum(u**2) / m**2
    with np.errstate(invalid="ignore", divide="ignore"):
        a = nums / (6.0 * dens**1.5)
        z = special.ndtri(alpha)
        low = special.ndtr(z0 + (z0 + z) / (1 - a * (z0 + z)))
        high = special.ndtr(z0 + (z0 - z) / (1 - a * (z0 - z)))
    return low, high


def _interval(dist, estimate, jackknives, alpha, common):
    finite = dist[np.isfinite(dist)]
    if finite.size == 0:
        raise ValueError(
            f"{common['metric']} is undefined on every resample; use stratify=True "
            "or more samples of the rare class"
        )
    if jackknives is None:
        levels = (alpha, 1 - alpha)
    else:
        levels = _bca_levels(finite, estimate, jackknives, alpha)
        if not np.all(np.isfinite(levels)):
            warnings.warn(
                f"the BCa interval of {common['metric']} is undefined (every "
                "resample or every leave-one-out value is the same, so its "
                "acceleration is 0/0); the percentile interval is given instead "
                "(method='percentile')",
                RuntimeWarning,
                stacklevel=3,
            )
            levels = (alpha, 1 - alpha)
            common = {**common, "method": "percentile"}
    if np.all(np.isfinite(levels)):
        low, high = np.quantile(finite, levels)
    else:
        low = high = np.nan
    se = float(np.std(finite, ddof=1)) if finite.size > 1 else np.nan
    return BootstrapInterval(
        estimate=float(estimate),
        low=float(low),
        high=float(high),
        se=se,
        n_undefined=int(dist.size - finite.size),
        bootstrap_distribution=dist,
        **common,
    )
