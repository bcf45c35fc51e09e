"""bootstrap_ci: estimates equal scikit-learn, intervals equal scipy.stats.bootstrap.

The agreement with scipy is exact, not approximate: with ``stratify=False``
evalviz draws ``rng.integers(0, n, (B, n))`` from ``default_rng(seed)``, which
is what ``scipy.stats.bootstrap`` draws from the same generator; scipy's
statistic here computes each resample's metric independently (with
``evalviz.metrics`` or scikit-learn on the resampled arrays), while evalviz
uses weighted counts over one sort. Same resamples, two computations.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from sklearn import metrics as skm

from evalviz.metrics import roc_auc
from evalviz.uncertainty import (
    METRICS,
    BootstrapComparison,
    BootstrapInterval,
    bootstrap_ci,
)


def _binary(n=300, seed=0, ties=True):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    a = rng.normal(size=n) + y
    b = 0.5 * a + rng.normal(size=n) + 0.6 * y
    if ties:
        a = np.round(a, 1)
    return y, 1 / (1 + np.exp(-a)), 1 / (1 + np.exp(-b))


def _multiclass(n=400, k=4, seed=1):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k)) + 1.5 * np.eye(k)[y]
    return y, np.exp(logits) / np.exp(logits).sum(1, keepdims=True)


def _multilabel(n=300, k=5, seed=2):
    rng = np.random.default_rng(seed)
    y = (rng.random((n, k)) < 0.3).astype(int)
    return y, np.clip(0.4 * y + 0.6 * rng.random((n, k)), 0, 1)


# ---------------------------------------------------------------------------
# Estimates: scikit-learn's numbers for every named metric
# ---------------------------------------------------------------------------


def _sk_cases():
    y, a, _ = _binary()
    yc, p = _multiclass()
    ym, s = _multilabel()
    pred_c = p.argmax(1)
    cut_m = s > 0.5
    return [
        ("roc_auc", y, a, skm.roc_auc_score(y, a)),
        ("average_precision", y, a, skm.average_precision_score(y, a)),
        ("accuracy", y, a, skm.accuracy_score(y, a >= 0.5)),
        ("precision", y, a, skm.precision_score(y, a >= 0.5)),
        ("recall", y, a, skm.recall_score(y, a >= 0.5)),
        ("f1", y, a, skm.f1_score(y, a >= 0.5)),
        ("roc_auc", yc, p, skm.roc_auc_score(yc, p, multi_class="ovr")),
        (
            "average_precision",
            yc,
            p,
            skm.average_precision_score(np.eye(4)[yc], p),
        ),
        ("accuracy", yc, p, skm.accuracy_score(yc, pred_c)),
        ("accuracy", yc, pred_c, skm.accuracy_score(yc, pred_c)),
        ("precision", yc, p, skm.precision_score(yc, pred_c, average="macro")),
        ("recall", yc, pred_c, skm.recall_score(yc, pred_c, average="macro")),
        ("f1", yc, p, skm.f1_score(yc, pred_c, average="macro")),
        ("top_k_accuracy", yc, p, skm.top_k_accuracy_score(yc, p, k=2)),
        ("roc_auc", ym, s, skm.roc_auc_score(ym, s)),
        ("average_precision", ym, s, skm.average_precision_score(ym, s)),
        ("exact_match", ym, s, skm.accuracy_score(ym, cut_m)),
        ("element_wise", ym, s, np.mean(ym == cut_m)),
        ("element_wise_accuracy", ym, cut_m.astype(int), np.mean(ym == cut_m)),
        ("f1", ym, s, skm.f1_score(ym, cut_m, average="macro")),
        ("precision", ym, s, skm.precision_score(ym, cut_m, average="macro")),
    ]


@pytest.mark.parametrize(
    ("metric", "y", "score", "expected"),
    _sk_cases(),
    ids=[
        f"{c[0]}-{np.ndim(c[1])}d-{np.ndim(c[2])}d-{i}"
        for i, c in enumerate(_sk_cases())
    ],
)
def test_estimate_equals_scikit_learn(metric, y, score, expected):
    k = 2 if metric == "top_k_accuracy" else None
    result = bootstrap_ci(metric, y, score, n_resamples=100, k=k)
    assert result.estimate == pytest.approx(expected, abs=1e-12)
    assert result.low <= result.high


def test_string_labels_need_pos_label_for_precision():
    y = np.array(["no", "yes", "yes", "no", "yes", "no"])
    pred = np.array(["no", "yes", "no", "no", "yes", "yes"])
    with pytest.raises(ValueError, match="pos_label="):
        bootstrap_ci("precision", y, pred, n_resamples=100)
    result = bootstrap_ci("precision", y, pred, n_resamples=100, pos_label="yes")
    assert result.estimate == skm.precision_score(y, pred, pos_label="yes")
    assert bootstrap_ci("accuracy", y, pred, n_resamples=100).estimate == 4 / 6


# ---------------------------------------------------------------------------
# Same resamples as scipy.stats.bootstrap
# ---------------------------------------------------------------------------


def _per_row(func):
    """A vectorised scipy statistic over index resamples, one call per row."""

    def statistic(i, axis=-1):
        i = np.asarray(i)
        rows = i.reshape(-1, i.shape[-1])
        return np.array([func(r) for r in rows]).reshape(i.shape[:-1])

    return statistic


@pytest.mark.parametrize("method", ["percentile", "bca"])
def test_unstratified_interval_equals_scipy_bootstrap(method):
    y, a, b = _binary(n=150)
    ours = bootstrap_ci(
        "roc_auc", y, a, n_resamples=300, stratify=False, seed=7, method=method
    )
    ref = stats.bootstrap(
        (np.arange(y.size),),
        _per_row(lambda i: roc_auc(y[i], a[i])),
        n_resamples=300,
        vectorized=True,
        method=method,
        rng=np.random.default_rng(7),
    )
    np.testing.assert_allclose(ours.bootstrap_distribution, ref.bootstrap_distribution)
    assert ours.low == pytest.approx(ref.confidence_interval.low, abs=1e-12)
    assert ours.high == pytest.approx(ref.confidence_interval.high, abs=1e-12)
    assert ours.se == pytest.approx(ref.standard_error, abs=1e-12)


@pytest.mark.parametrize("method", ["percentile", "bca"])
def test_paired_difference_and_callable_equal_scipy_bootstrap(method):
    yc, p = _multiclass(n=120)
    q = np.roll(p, 1, axis=0) * 0.3 + p * 0.7
    ours = bootstrap_ci(
        "f1", yc, p, q, n_resamples=100, stratify=False, seed=3, method=method
    )

    def f1_difference(i):
        return skm.f1_score(yc[i], p[i].argmax(1), average="macro") - skm.f1_score(
            yc[i], q[i].argmax(1), average="macro"
        )

    ref = stats.bootstrap(
        (np.arange(yc.size),),
        _per_row(f1_difference),
        n_resamples=100,
        vectorized=True,
        method=method,
        rng=np.random.default_rng(3),
    )
    assert isinstance(ours, BootstrapComparison) and ours.paired
    assert ours.difference.low == pytest.approx(ref.confidence_interval.low, abs=1e-12)
    assert ours.difference.high == pytest.approx(
        ref.confidence_interval.high, abs=1e-12
    )

    def log_loss(y_true, y_score):
        return skm.log_loss(y_true, y_score, labels=range(4))

    mine = bootstrap_ci(
        log_loss, yc, p, n_resamples=100, stratify=False, seed=4, method=method
    )
    ref = stats.bootstrap(
        (np.arange(yc.size),),
        _per_row(lambda i: log_loss(yc[i], p[i])),
        n_resamples=100,
        vectorized=True,
        method=method,
        rng=np.random.default_rng(4),
    )
    assert mine.metric == "log_loss"
    assert mine.low == pytest.approx(ref.confidence_interval.low, rel=1e-12)
    assert mine.high == pytest.approx(ref.confidence_interval.high, rel=1e-12)


# ---------------------------------------------------------------------------
# The fast path equals the slow path on the same (stratified) resamples
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("metric", "data", "reference"),
    [
        ("roc_auc", _binary, skm.roc_auc_score),
        ("average_precision", _binary, skm.average_precision_score),
        (
            "roc_auc",
            _multiclass,
            lambda y, p: skm.roc_auc_score(y, p, multi_class="ovr"),
        ),
        (
            "average_precision",
            _multilabel,
            skm.average_precision_score,
        ),
        ("f1", _multiclass, lambda y, p: skm.f1_score(y, p.argmax(1), average="macro")),
    ],
)
def test_named_metric_distribution_equals_a_callable_on_the_same_resamples(
    metric, data, reference
):
    y, score = data()[:2]
    fast = bootstrap_ci(metric, y, score, n_resamples=100, seed=11)
    slow = bootstrap_ci(reference, y, score, n_resamples=100, seed=11)
    np.testing.assert_allclose(
        fast.bootstrap_distribution, slow.bootstrap_distribution, rtol=0, atol=1e-12
    )


def test_stratified_resamples_keep_the_class_counts():
    yc, p = _multiclass()

    def class_counts(y_true, y_score):
        return float(np.dot(np.bincount(y_true, minlength=4), [1, 1e3, 1e6, 1e9]))

    result = bootstrap_ci(class_counts, yc, p, n_resamples=100)
    assert np.all(result.bootstrap_distribution == result.estimate)
    loose = bootstrap_ci(class_counts, yc, p, n_resamples=100, stratify=False)
    assert np.unique(loose.bootstrap_distribution).size > 30


# ---------------------------------------------------------------------------
# Two models, seeds, undefined resamples, results, errors
# ---------------------------------------------------------------------------


def test_paired_difference_is_narrower_than_unpaired_for_correlated_models():
    y, a, b = _binary(n=400, ties=False)
    paired = bootstrap_ci("roc_auc", y, a, b, n_resamples=400)
    unpaired = bootstrap_ci("roc_auc", y, a, b, n_resamples=400, paired=False)
    assert paired.difference.estimate == unpaired.difference.estimate
    assert paired.a.estimate - paired.b.estimate == paired.difference.estimate
    width = paired.difference.high - paired.difference.low
    assert width < 0.8 * (unpaired.difference.high - unpaired.difference.low)
    # Model a's own interval does not depend on how b is resampled.
    assert (paired.a.low, paired.a.high) == (unpaired.a.low, unpaired.a.high)
    a_, b_, d_ = paired
    assert a_ is paired.a and d_ is paired.difference
    frame = paired.to_frame()
    assert list(frame.index) == ["a", "b", "a - b"]
    assert frame.loc["a - b", "low"] == paired.difference.low


def test_seed_reproduces_and_changes_the_interval():
    y, a, _ = _binary()
    first = bootstrap_ci("roc_auc", y, a, n_resamples=200, seed=5)
    again = bootstrap_ci("roc_auc", y, a, n_resamples=200, seed=5)
    other = bootstrap_ci("roc_auc", y, a, n_resamples=200, seed=6)
    assert tuple(first) == tuple(again)
    assert (first.low, first.high) != (other.low, other.high)


def test_undefined_resamples_are_counted_and_left_out():
    y = np.r_[np.zeros(19, int), 1]
    s = np.linspace(0, 1, 20)
    result = bootstrap_ci("roc_auc", y, s, n_resamples=300, stratify=False)
    # P(the only positive is never drawn) = (19/20)^20, about 36%.
    assert 60 < result.n_undefined < 160
    assert np.isnan(result.bootstrap_distribution).sum() == result.n_undefined
    assert result.low == result.high == 1.0
    assert "undefined" in repr(result)


def test_result_repr_and_frame():
    y, a, _ = _binary()
    result = bootstrap_ci("accuracy", y, a, n_resamples=100, confidence=0.9)
    assert isinstance(result, BootstrapInterval)
    text = repr(result)
    assert "\n" not in text and "90%" in text and "accuracy=" in text
    frame = result.to_frame()
    assert frame.loc[0, "low"] == result.low and frame.loc[0, "n_resamples"] == 100
    assert result.bootstrap_distribution.shape == (100,)


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        (("rocauc",), {}, "metric='rocauc'"),
        (("top_k_accuracy",), {}, "needs k="),
        (("accuracy",), {"n_resamples": 1}, "n_resamples"),
        (("accuracy",), {"method": "basic"}, "method='basic'"),
        (("accuracy",), {"confidence": 1.0}, "confidence"),
        (("exact_match",), {}, "multi-label"),
        ((3,), {}, "metric must be"),
    ],
)
def test_errors_name_the_argument(args, kwargs, match):
    y, a, _ = _binary(n=30)
    with pytest.raises(ValueError, match=match):
        bootstrap_ci(*args, y, a, **kwargs)


def test_one_or_two_models_only_and_every_name_works():
    y, a, b = _binary(n=30)
    with pytest.raises(ValueError, match="one or two"):
        bootstrap_ci("accuracy", y, a, b, a)
    with pytest.raises(ValueError, match="one or two"):
        bootstrap_ci("accuracy", y)
    with pytest.raises(ValueError, match="no positive"):
        bootstrap_ci("roc_auc", np.zeros(30, int), a)
    assert set(METRICS) >= {"roc_auc", "top_k_accuracy", "exact_match"}


@pytest.mark.filterwarnings("ignore:Only one class")
def test_callable_nan_on_a_resample_makes_it_undefined_not_a_crash():
    y = np.r_[np.zeros(18, int), 1, 1]
    s = np.linspace(0, 1, 20)
    result = bootstrap_ci(skm.roc_auc_score, y, s, n_resamples=200, stratify=False)
    named = bootstrap_ci("roc_auc", y, s, n_resamples=200, stratify=False)
    assert result.n_undefined == named.n_undefined > 0
    np.testing.assert_array_equal(
        np.isnan(result.bootstrap_distribution), np.isnan(named.bootstrap_distribution)
    )

    # scikit-learn 1.9 returns NaN with a warning; older versions raise a
    # ValueError, which counts the same way. On the full data it is an error.
    def strict_auc(y_true, y_score):
        if len(np.unique(y_true)) < 2:
            raise ValueError("one class")
        return skm.roc_auc_score(y_true, y_score)

    raising = bootstrap_ci(strict_auc, y, s, n_resamples=200, stratify=False)
    assert raising.n_undefined == named.n_undefined
    with pytest.raises(ValueError, match="undefined on the full data"):
        bootstrap_ci(skm.roc_auc_score, np.zeros(20, int), s, n_resamples=100)
    with pytest.raises(ValueError, match="one class"):
        bootstrap_ci(strict_auc, np.zeros(20, int), s, n_resamples=100)


@pytest.mark.parametrize(
    ("metric", "data"),
    [
        ("roc_auc", _binary),
        ("roc_auc", _multiclass),
        ("accuracy", _multiclass),
        ("f1", _multiclass),
        ("precision", _binary),
        ("element_wise", _multilabel),
        ("top_k_accuracy", _multiclass),
    ],
)
def test_closed_form_jackknife_equals_leaving_each_sample_out(metric, data):
    from evalviz.uncertainty._bootstrap import _evaluators, _leave_one_out

    y, score = data(n=120)[:2]
    k = 2 if metric == "top_k_accuracy" else None
    _, (ev,) = _evaluators(metric, y, (score,), k, 0.5, None, None)
    closed = ev.jackknife()
    assert closed is not None and closed.shape == (120,)
    np.testing.assert_allclose(closed, _leave_one_out(ev), rtol=0, atol=1e-12)
