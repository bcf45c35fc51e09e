"""evalviz.uncertainty: proportions, DeLong (beyond pROC parity), McNemar."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from evalviz.metrics import roc_auc
from evalviz.uncertainty import (
    AUCInterval,
    delong_ci,
    delong_test,
    mcnemar_test,
    proportion_ci,
)

# ---------------------------------------------------------------------------
# proportion_ci
# ---------------------------------------------------------------------------


def _proportion_cases():
    rng = np.random.default_rng(3)
    n = np.r_[1, 2, 3, 5, 10, 57, 60, 100, 570, 1000, rng.integers(1, 5000, 40)]
    ks = []
    for trials in n:
        picks = {0, int(trials), int(trials) // 2, 1 % (int(trials) + 1)}
        picks |= set(rng.integers(0, trials + 1, 3).tolist())
        ks += [(int(k), int(trials)) for k in sorted(picks)]
    return ks


@pytest.mark.parametrize("method", ["wilson", "exact"])
@pytest.mark.parametrize("confidence", [0.95, 0.99])
def test_proportion_ci_equals_scipy_binomtest(method, confidence):
    cases = _proportion_cases()
    k = np.array([c[0] for c in cases])
    n = np.array([c[1] for c in cases])
    low, high = proportion_ci(k, n, method=method, confidence=confidence)
    ref = np.array(
        [
            tuple(stats.binomtest(ki, ni).proportion_ci(confidence, method))
            for ki, ni in cases
        ]
    )
    assert len(cases) > 200
    # scipy finds the exact bounds by root finding (xtol about 1e-12 relative);
    # the closed forms here are beta quantiles.
    np.testing.assert_allclose(low, ref[:, 0], rtol=1e-9, atol=1e-11)
    np.testing.assert_allclose(high, ref[:, 1], rtol=1e-9, atol=1e-11)


def test_proportion_ci_scalar_alias_nan_and_shape():
    low, high = proportion_ci(570, 600, method="clopper-pearson")
    assert isinstance(low, float)
    assert (low, high) == proportion_ci(570, 600, method="exact")
    ref = stats.binomtest(570, 600).proportion_ci(0.95, "exact")
    assert abs(low - ref.low) < 1e-10 and abs(high - ref.high) < 1e-10
    lo, hi = proportion_ci([[1, 2], [0, 0]], [[4, 4], [0, 3]])
    assert lo.shape == (2, 2) and np.isnan(lo[1, 0]) and np.isnan(hi[1, 0])
    assert lo[1, 1] == 0.0 and hi[0, 0] < 1


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"successes": 5, "trials": 4}, "must not exceed trials"),
        ({"successes": -1, "trials": 4}, "non-negative whole-number"),
        ({"successes": 0.5, "trials": 4}, "non-negative whole-number"),
        ({"successes": 1, "trials": 4, "method": "wald"}, "method='wald'"),
        ({"successes": 1, "trials": 4, "confidence": 95}, "between 0 and 1"),
    ],
)
def test_proportion_ci_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        proportion_ci(**kwargs)


# ---------------------------------------------------------------------------
# DeLong: multi-class, consistency, errors (pROC parity: test_uncertainty_proc)
# ---------------------------------------------------------------------------


def _multiclass(n=600, k=4, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k)) + 1.2 * np.eye(k)[y]
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    logits_b = logits + rng.normal(size=(n, k))
    q = np.exp(logits_b) / np.exp(logits_b).sum(1, keepdims=True)
    return y, p, q


def test_delong_auc_equals_roc_auc_and_unpacks():
    y, p, _ = _multiclass()
    auc, low, high = delong_ci(y == 1, p[:, 1])
    assert auc == pytest.approx(roc_auc(y == 1, p[:, 1]), abs=1e-12)
    assert low < auc < high
    result = delong_ci(y == 1, p[:, 1], confidence=0.99)
    assert isinstance(result, AUCInterval) and len(result) == 3
    assert result.low < low and result.high > high
    assert result.se == pytest.approx((high - low) / (2 * 1.959963984540054))


def test_delong_per_class_is_the_one_vs_rest_binary_problem():
    y, p, q = _multiclass()
    per_class = delong_ci(y, p, average=None)
    assert per_class.auc.shape == (4,)
    for j in range(4):
        binary = delong_ci(y == j, p[:, j])
        assert tuple(per_class[i][j] for i in range(3)) == pytest.approx(
            tuple(binary), abs=1e-12
        )
    np.testing.assert_allclose(per_class.auc, roc_auc(y, p, average=None))
    tests = delong_test(y, p, q, average=None)
    for j in range(4):
        binary = delong_test(y == j, p[:, j], q[:, j])
        assert tests.z[j] == pytest.approx(binary.z, abs=1e-10)
        assert tests.p_value[j] == pytest.approx(binary.p_value, abs=1e-12)
    frame = per_class.to_frame()
    assert list(frame.index) == ["0", "1", "2", "3"]
    assert frame["auc"].tolist() == pytest.approx(per_class.auc.tolist())


def test_delong_macro_is_the_mean_and_reduces_to_delong_for_two_classes():
    y, p, q = _multiclass()
    macro = delong_ci(y, p)
    assert macro.auc == pytest.approx(roc_auc(y, p), abs=1e-12)
    assert macro.low < macro.auc < macro.high
    # Two classes (read_inputs makes them binary, so through the private
    # parts): both one-vs-rest AUCs are the same number, and the variance of
    # their mean, stratified by true class, is DeLong's variance of that AUC.
    from evalviz.uncertainty._delong import _Column, _grouped_variance

    y2 = (y >= 2).astype(int)
    s2 = p[:, 2:].sum(1)
    col0, col1 = _Column(1 - y2, 1 - s2), _Column(y2, s2)
    assert col0.auc == pytest.approx(col1.auc, abs=1e-12)
    g = (col0.phi + col1.phi) / 2
    assert _grouped_variance(g, y2) == pytest.approx(col1.covariance(col1), rel=1e-9)
    assert np.sqrt(col1.covariance(col1)) == pytest.approx(delong_ci(y2, s2).se)
    # Paired macro test of a model with itself: no difference.
    same = delong_test(y, p, p)
    assert (same.z, same.p_value, same.difference) == (0.0, 1.0, 0.0)
    different = delong_test(y, p, q)
    assert different.auc_a == pytest.approx(macro.auc)
    assert different.low < different.difference < different.high


def test_delong_macro_standard_error_matches_a_stratified_bootstrap():
    """The macro variance (stratified by true class) against brute force."""
    y, p, _ = _multiclass(n=400, k=3, seed=5)
    se = delong_ci(y, p).se
    rng = np.random.default_rng(1)
    members = [np.flatnonzero(y == c) for c in range(3)]
    values = []
    for _ in range(600):
        idx = np.concatenate([rng.choice(m, m.size) for m in members])
        values.append(roc_auc(y[idx], p[idx]))
    boot_se = np.std(values, ddof=1)
    assert se == pytest.approx(boot_se, rel=0.12)


def test_delong_errors_name_the_problem():
    with pytest.raises(ValueError, match="class 2.*at least 2"):
        delong_ci([0, 0, 1, 1, 2, 0], np.eye(3)[[0, 0, 1, 1, 2, 1]] * 0.8 + 0.2 / 3)
    with pytest.raises(ValueError, match="average="):
        delong_ci([0, 1, 0, 1], [0.1, 0.2, 0.3, 0.4], average="micro")
    with pytest.raises(ValueError, match="y_score_b has 2 columns"):
        delong_test([0, 1, 0, 1, 2], np.full((5, 3), 1 / 3), np.full((5, 2), 0.5))
    with pytest.raises(ValueError, match="pos_label"):
        delong_ci([1, 2, 1, 2], [0.1, 0.2, 0.3, 0.4])


def test_delong_is_fast_and_exact_with_integer_scores():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200_000)
    s = rng.integers(0, 50, 200_000) + 3 * y
    auc, low, high = delong_ci(y, s)
    assert auc == pytest.approx(roc_auc(y, s), abs=1e-12)
    assert 0 < high - low < 0.01


# ---------------------------------------------------------------------------
# McNemar
# ---------------------------------------------------------------------------


def test_mcnemar_counts_and_exact_p_value():
    rng = np.random.default_rng(2)
    y = rng.integers(0, 3, 500)
    a = np.where(rng.random(500) < 0.8, y, (y + 1) % 3)
    b = np.where(rng.random(500) < 0.72, y, (y + 2) % 3)
    result = mcnemar_test(y, a, b)
    only_a = int(np.sum((a == y) & (b != y)))
    only_b = int(np.sum((a != y) & (b == y)))
    assert (result.b, result.c) == (only_a, only_b)
    assert result.p_value == stats.binomtest(only_a, only_a + only_b).pvalue
    assert result.accuracy_a - result.accuracy_b == pytest.approx(
        (only_a - only_b) / 500
    )
    b_, c_, p_ = result
    assert (b_, c_, p_) == (result.b, result.c, result.p_value)
    assert result.to_frame()["p_value"].iloc[0] == result.p_value
    assert "exact p=" in repr(result)


def test_mcnemar_string_labels_multilabel_and_no_discordance():
    y = ["cat", "dog", "dog", "cat"]
    assert mcnemar_test(y, y, y).p_value == 1.0
    truth = np.array([[1, 0], [0, 1], [1, 1]])
    r = mcnemar_test(truth, truth, np.array([[1, 0], [0, 0], [1, 1]]))
    assert (r.b, r.c, r.accuracy_b) == (1, 0, pytest.approx(2 / 3))
    with pytest.raises(ValueError, match="0/1 indicator"):
        mcnemar_test(truth, truth * 0.7, truth)


def test_mcnemar_names_what_it_compared():
    # multi-label: a sample is right when the whole row is; the result says so
    truth = np.array([[1, 0], [0, 1], [1, 1], [0, 0]])
    pred_b = np.array([[1, 0], [0, 0], [1, 1], [1, 0]])
    r = mcnemar_test(truth, truth, pred_b)
    assert r.metric == "exact match"
    assert (r.accuracy_a, r.accuracy_b) == (1.0, 0.5)
    assert repr(r).startswith("McNemarResult(exact match 1.000 vs 0.500")
    single = mcnemar_test([0, 1, 1, 0], [0, 1, 1, 1], [1, 0, 1, 1])
    assert single.metric == "accuracy"
    assert repr(single).startswith("McNemarResult(accuracy 0.750 vs 0.250")


def test_delong_multilabel_per_label_and_macro():
    rng = np.random.default_rng(4)
    y = (rng.random((300, 3)) < 0.4).astype(int)
    s = np.clip(0.3 * y + rng.random((300, 3)) * 0.7, 0, 1)
    per_label = delong_ci(y, s, average=None)
    for j in range(3):
        assert per_label.auc[j] == pytest.approx(delong_ci(y[:, j], s[:, j]).auc)
        assert per_label.se[j] == pytest.approx(delong_ci(y[:, j], s[:, j]).se)
    macro = delong_ci(y, s)
    assert macro.auc == pytest.approx(roc_auc(y, s), abs=1e-12)
    # Averaging three roughly independent labels shrinks the standard error.
    assert macro.se < per_label.se.min()


def test_delong_reprs_are_one_line_with_numbers():
    y, p, q = _multiclass()
    texts = [
        repr(delong_ci(y == 1, p[:, 1])),
        repr(delong_ci(y, p)),
        repr(delong_ci(y, p, average=None)),
        repr(delong_test(y, p, q)),
        repr(delong_test(y, p, q, average=None)),
        repr(delong_test(y == 1, p[:, 1], q[:, 1])),
    ]
    for text in texts:
        assert "\n" not in text and " at 0x" not in text
    auc, low, high = delong_ci(y == 1, p[:, 1])
    assert f"{auc:.3f}" in texts[0] and f"{low:.3f}-{high:.3f}" in texts[0]
    assert "macro AUC" in texts[1] and "4 classes" in texts[2]
    frame = delong_test(y, p, q).to_frame()
    assert frame.loc["macro", "test"] == "DeLong paired"
