"""compare_models and report_intervals, checked against scipy and scikit-learn."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from scipy import stats
from sklearn.metrics import f1_score, recall_score, roc_auc_score

matplotlib.use("Agg")

import evalviz as ev  # noqa: E402
from evalviz.compare import report_intervals  # noqa: E402
from evalviz.uncertainty import bootstrap_ci, delong_test  # noqa: E402


def _two_models(n=400, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    a = 1 / (1 + np.exp(-rng.normal(1.4 * (2 * y - 1), 1.5)))
    b = 1 / (1 + np.exp(-rng.normal(0.9 * (2 * y - 1), 1.5)))
    return y, a, b


def test_accuracy_row_equals_scipy_wilson_and_exact_mcnemar():
    y, a, b = _two_models()
    table = ev.compare_models(y, {"a": a, "b": b}).to_frame()
    acc = table[table.metric == "accuracy"].set_index("model")
    right_a, right_b = (a >= 0.5) == y, (b >= 0.5) == y
    for name, right in (("a", right_a), ("b", right_b)):
        k = int(right.sum())
        ci = stats.binomtest(k, y.size).proportion_ci(method="wilson")
        assert acc.loc[name, "value"] == pytest.approx(k / y.size)
        assert acc.loc[name, "low"] == pytest.approx(ci.low, abs=1e-9)
        assert acc.loc[name, "high"] == pytest.approx(ci.high, abs=1e-9)
    only_b = int(np.sum(right_b & ~right_a))
    only_a = int(np.sum(right_a & ~right_b))
    p = stats.binomtest(only_b, only_b + only_a, 0.5).pvalue
    assert acc.loc["b", "p_value"] == pytest.approx(p)
    assert acc.loc["b", "difference"] == pytest.approx(right_b.mean() - right_a.mean())
    # Exact conditional interval: Clopper-Pearson of only_b / (only_b + only_a)
    m = only_b + only_a
    cp = stats.binomtest(only_b, m).proportion_ci(method="exact")
    assert acc.loc["b", "difference_low"] == pytest.approx(
        m / y.size * (2 * cp.low - 1)
    )
    assert acc.loc["b", "difference_high"] == pytest.approx(
        m / y.size * (2 * cp.high - 1)
    )
    assert acc.loc["b", "test"] == "McNemar exact"
    assert np.isnan(acc.loc["a", "difference"])


def test_auc_row_is_delong():
    y, a, b = _two_models(seed=1)
    table = ev.compare_models(y, {"a": a, "b": b}).to_frame()
    auc = table[table.metric == "ROC AUC"].set_index("model")
    assert auc.loc["a", "value"] == pytest.approx(roc_auc_score(y, a))
    assert auc.loc["b", "value"] == pytest.approx(roc_auc_score(y, b))
    test = delong_test(y, b, a)
    assert auc.loc["b", "p_value"] == pytest.approx(test.p_value)
    assert auc.loc["b", "difference"] == pytest.approx(
        roc_auc_score(y, b) - roc_auc_score(y, a)
    )
    assert auc.loc["b", "test"] == "DeLong paired"
    beyond = auc.loc["b", "difference_low"] > 0 or auc.loc["b", "difference_high"] < 0
    assert auc.loc["b", "beyond_noise"] == beyond


def test_clear_difference_is_beyond_noise_and_equal_models_are_not():
    y, a, b = _two_models(n=3000, seed=2)
    clear = ev.compare_models(y, {"a": a, "b": b}).to_frame()
    assert clear.loc[clear.model == "b", "beyond_noise"].tolist() == [True, True]
    same = ev.compare_models(y, {"a": a, "copy": a.copy()})
    assert same.to_frame().loc[1, "p_value"] == 1.0
    assert "no difference beyond the noise" in repr(same)


def test_bootstrapped_metric_is_paired_bootstrap():
    y, a, b = _two_models(seed=3)
    table = ev.compare_models(
        y, {"a": a, "b": b}, metrics=["f1"], n_resamples=500
    ).to_frame()
    f1 = table.set_index("model")
    assert f1.loc["a", "value"] == pytest.approx(f1_score(y, a >= 0.5))
    assert f1.loc["b", "difference"] == pytest.approx(
        f1_score(y, b >= 0.5) - f1_score(y, a >= 0.5)
    )
    assert f1.loc["b", "test"] == "paired bootstrap"
    assert 0 <= f1.loc["b", "p_value"] <= 1
    assert f1.loc["b", "difference_low"] <= f1.loc["b", "difference"]
    # the p-value counts the resampled differences on the far side of 0 as
    # (k + 1) / (B + 1), twice: never 0, 2 / (B + 1) when none is on that side
    dist = bootstrap_ci("f1", y, b, a, n_resamples=500).difference
    far = min(
        np.sum(dist.bootstrap_distribution <= 0),
        np.sum(dist.bootstrap_distribution >= 0),
    )
    assert f1.loc["b", "p_value"] == pytest.approx(min(1.0, 2 * (far + 1) / 501))
    far_apart = ev.compare_models(
        y, {"a": a, "noise": np.full(y.size, 0.4)}, metrics=["f1"], n_resamples=500
    ).to_frame()
    assert far_apart["p_value"].iloc[1] == pytest.approx(2 / 501)


def test_multiclass_three_models_repr_and_forest_plot():
    rng = np.random.default_rng(4)
    y = rng.integers(0, 3, 300)
    models = {}
    for name, strength in (("m1", 2.0), ("m2", 1.0), ("m3", 2.0)):
        logits = rng.normal(size=(300, 3))
        logits[np.arange(300), y] += strength
        p = np.exp(logits)
        models[name] = p / p.sum(axis=1, keepdims=True)
    comparison = ev.compare_models(y, models)
    text = repr(comparison)
    assert "\n" not in text and "m2" in text and "m3" in text
    drawn = comparison.plot()
    rows = comparison.to_frame().dropna(subset=["difference"])
    assert len(drawn.ax_.get_yticklabels()) == len(rows) == 4
    bar = drawn.lines_["accuracy: m2"]
    x = bar.lines[0].get_xdata()[0]
    assert x == pytest.approx(
        rows.set_index(["metric", "model"]).loc[("accuracy", "m2"), "difference"]
    )
    texts = [t.get_text() for t in drawn.ax_.texts]
    assert any("McNemar exact" in t for t in texts)


@pytest.mark.parametrize("models", [[0.1, 0.2], {"only": [0.1, 0.9]}])
def test_models_must_be_a_dict_of_two(models):
    with pytest.raises(ValueError, match="models must be a dict"):
        ev.compare_models([0, 1], models)


def test_report_intervals_recall_and_wilson():
    rng = np.random.default_rng(5)
    y = rng.integers(0, 4, 500)
    logits = rng.normal(size=(500, 4))
    logits[np.arange(500), y] += 1.5
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    table = report_intervals(y, p)
    pred = p.argmax(axis=1)
    np.testing.assert_allclose(table["recall"], recall_score(y, pred, average=None))
    k = int(np.sum((pred == 2) & (y == 2)))
    ci = stats.binomtest(k, int(np.sum(pred == 2))).proportion_ci(method="wilson")
    assert table["precision_low"].iloc[2] == pytest.approx(ci.low)
    assert table["support"].tolist() == np.bincount(y).tolist()


def test_intervals_by_size_nested_samples_and_widths_shrink():
    from evalviz.compare import intervals_by_size

    y, a, b = _two_models(n=4000, seed=6)
    result = intervals_by_size(y, {"a": a, "b": b}, fractions=(0.0625, 1.0))
    table = result.to_frame()
    assert sorted(set(table["n_samples"])) == [250, 4000]
    acc = table[(table.metric == "accuracy") & (table.model == "a")]
    # the full set's value is the plain accuracy; the width falls like 1/sqrt(n)
    assert acc["value"].iloc[1] == pytest.approx(np.mean((a >= 0.5) == y))
    ratio = acc["width"].iloc[1] / acc["width"].iloc[0]
    assert 0.2 < ratio < 0.3
    drawn = result.plot()
    assert len(drawn.ax_) == 2
    bar = drawn.lines_["accuracy: a"]
    np.testing.assert_allclose(
        np.asarray(bar.lines[0].get_ydata(), float), acc["value"].to_numpy(float)
    )
    # the paired differences get their own panels, one per metric
    assert len(drawn.diff_ax_) == 2
    diff = table[(table.metric == "accuracy") & (table.model == "b")]
    right_a, right_b = (a >= 0.5) == y, (b >= 0.5) == y
    assert diff["difference"].iloc[1] == pytest.approx(right_b.mean() - right_a.mean())
    drawn_diff = drawn.lines_["difference: accuracy: b"]
    np.testing.assert_allclose(
        np.asarray(drawn_diff.lines[0].get_ydata(), float),
        diff["difference"].to_numpy(float),
    )
    # the error bar spans the paired interval, not the two models' intervals
    segments = drawn_diff.lines[2][0].get_segments()
    np.testing.assert_allclose(
        [seg[:, 1].min() for seg in segments], diff["difference_low"].to_numpy(float)
    )
    np.testing.assert_allclose(
        [seg[:, 1].max() for seg in segments], diff["difference_high"].to_numpy(float)
    )
    assert drawn.diff_ax_[0].get_lines()[-1].get_ydata()[0] == 0.0
    assert result.plot(differences=False).diff_ax_ is None
    with pytest.raises(ValueError, match="fractions"):
        intervals_by_size(y, {"a": a, "b": b}, fractions=(0, 1))


def test_multilabel_accuracy_is_exact_match():
    from sklearn.metrics import accuracy_score

    rng = np.random.default_rng(7)
    y = rng.integers(0, 2, (300, 4))
    a = np.clip(y * 0.6 + rng.uniform(0, 0.5, (300, 4)), 0, 1)
    b = np.clip(y * 0.4 + rng.uniform(0, 0.6, (300, 4)), 0, 1)
    table = ev.compare_models(y, {"a": a, "b": b}).to_frame()
    acc = table[table.metric == "accuracy"].set_index("model")
    assert acc.loc["a", "value"] == pytest.approx(accuracy_score(y, a >= 0.5))
    assert acc.loc["b", "difference"] == pytest.approx(
        accuracy_score(y, b >= 0.5) - accuracy_score(y, a >= 0.5)
    )
    auc = table[table.metric == "ROC AUC"].set_index("model")
    assert auc.loc["a", "value"] == pytest.approx(roc_auc_score(y, a, average="macro"))
