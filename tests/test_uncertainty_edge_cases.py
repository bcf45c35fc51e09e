"""Edge cases of bootstrap_ci, mcnemar_test and compare_models.

Undefined resamples of counting metrics, logits cut at a probability
threshold, a verdict consistent with its own test, and clear errors.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from sklearn import metrics as skm

from evalviz.uncertainty import bootstrap_ci


def _rare():
    y = np.zeros(60, int)
    y[:2] = 1
    pred = np.zeros(60, int)
    pred[:1] = 1
    pred[10:15] = 1
    return y, pred


@pytest.mark.parametrize("metric", ["recall", "precision", "f1"])
def test_undefined_counting_resamples_are_left_out_as_scikit_learn_nan(metric):
    y, pred = _rare()
    sk = {"recall": skm.recall_score, "precision": skm.precision_score}.get(
        metric, skm.f1_score
    )

    def reference(t, p):
        return sk(t, p, zero_division=np.nan)

    named = bootstrap_ci(metric, y, pred, n_resamples=2000, stratify=False)
    slow = bootstrap_ci(reference, y, pred, n_resamples=2000, stratify=False)
    np.testing.assert_allclose(
        named.bootstrap_distribution, slow.bootstrap_distribution, atol=1e-12
    )
    assert named.n_undefined == slow.n_undefined
    if metric == "recall":
        # The same draws as scipy.stats.bootstrap: resamples with no positive.
        idx = np.random.default_rng(0).integers(0, 60, (2000, 60))
        expected = int((~np.isin(idx, [0, 1]).any(axis=1)).sum())
        assert named.n_undefined == expected > 150


@pytest.mark.parametrize(
    ("metric", "y", "pred"),
    [
        ("recall", np.zeros(20, int), np.zeros(20, int)),
        ("precision", _rare()[0], np.zeros(60, int)),
        ("f1", np.zeros(20, int), np.zeros(20, int)),
    ],
)
def test_counting_metric_undefined_on_the_full_data_raises(metric, y, pred):
    with pytest.raises(ValueError, match="undefined on the full data"):
        bootstrap_ci(metric, y, pred, n_resamples=100)


def test_one_class_y_true_with_defined_recall_still_works():
    y = np.ones(20, int)
    pred = np.r_[np.ones(15, int), np.zeros(5, int)]
    result = bootstrap_ci("recall", y, pred, n_resamples=200)
    assert result.estimate == skm.recall_score(y, pred) == 0.75


def _logit_case():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 200)
    logits = rng.normal(size=200) + (y - 0.5)
    return y, logits


def test_logits_are_refused_at_the_default_cut_and_accepted_with_a_threshold():
    import evalviz as ev
    from evalviz.compare import report_intervals

    y, logits = _logit_case()
    with pytest.raises(ValueError, match=r"y_score holds scores from .*expit"):
        bootstrap_ci("accuracy", y, logits, n_resamples=100)
    with pytest.raises(ValueError, match=r"models\['a'\] holds scores .*threshold="):
        ev.compare_models(y, {"a": logits, "b": logits}, metrics=["accuracy"])
    with pytest.raises(ValueError, match=r"models\['a'\] holds scores"):
        ev.compare_models(y, {"a": logits, "b": logits}, metrics=["f1"])
    with pytest.raises(ValueError, match=r"y_score holds scores .*expit"):
        report_intervals(y, logits)
    # Explicit threshold 0 on logits = 0.5 on probabilities (scikit-learn).
    expected = skm.accuracy_score(y, logits >= 0)
    got = bootstrap_ci("accuracy", y, logits, n_resamples=100, threshold=0.0)
    assert got.estimate == expected
    table = ev.compare_models(
        y, {"a": logits, "b": -logits}, metrics=["accuracy", "f1"], threshold=0.0
    ).to_frame()
    assert table["value"].tolist()[:2] == [
        expected,
        skm.accuracy_score(y, -logits >= 0),
    ]
    assert table["value"].iloc[2] == skm.f1_score(y, logits >= 0)
    # AUC only: logits are fine (ranking is offset-free).
    auc = ev.compare_models(y, {"a": logits, "b": -logits}, metrics=["roc_auc"])
    assert auc.to_frame()["value"].iloc[0] == pytest.approx(
        skm.roc_auc_score(y, logits)
    )


def test_report_intervals_takes_multiclass_logits_as_their_argmax():
    from scipy.special import softmax

    from evalviz.compare import report_intervals

    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 90)
    logits = rng.normal(size=(90, 3)) * 3 + 2 * np.eye(3)[y]
    got = report_intervals(y, logits)
    same = report_intervals(y, softmax(logits, axis=1))
    np.testing.assert_array_equal(got["recall"], same["recall"])
    np.testing.assert_allclose(
        got["recall"], skm.recall_score(y, logits.argmax(1), average=None)
    )


def test_accuracy_verdict_agrees_with_its_own_mcnemar_p():
    import evalviz as ev

    y = np.array([0, 1] * 50)
    a = np.where(y == 1, 0.9, 0.1)
    b = a.copy()
    b[[1, 3, 5, 7]] = 0.1
    row = ev.compare_models(y, {"a": a, "b": b}, metrics=["accuracy"]).to_frame()
    row = row.iloc[1]
    # Only a right on 4 samples, b on none: exact p = 2 / 2**4 = 0.125.
    assert row["p_value"] == 0.125 and row["beyond_noise"] is False
    cp = stats.binomtest(0, 4).proportion_ci(method="exact")
    assert row["difference_low"] == pytest.approx(-0.04)
    assert row["difference_high"] == pytest.approx(0.04 * (2 * cp.high - 1))
    verdicts = set()
    for seed in range(40):
        rng = np.random.default_rng(seed)
        y = rng.integers(0, 2, 60)
        s1 = rng.random(60)
        # b copies the truth on a growing share of samples: some differences
        # are clear, some are not.
        s2 = np.where(rng.random(60) < 0.005 * seed, y, s1)
        t = ev.compare_models(
            y, {"a": s1, "b": s2}, metrics=["accuracy"], confidence=0.9
        ).to_frame()
        verdicts.add(t["beyond_noise"].iloc[1])
        assert t["beyond_noise"].iloc[1] == (t["p_value"].iloc[1] < 0.1)
    assert verdicts == {True, False}


def test_mcnemar_refuses_predictions_outside_the_classes_of_y_true():
    from evalviz.uncertainty import mcnemar_test

    y = np.array([1, 2] * 20)
    with pytest.raises(ValueError, match=r"y_pred_a holds \[0\].*\[1, 2\]"):
        mcnemar_test(y, np.array([0, 1] * 20), np.array([1, 1] * 20))
    with pytest.raises(ValueError, match=r"y_pred_b holds \['c'\]"):
        mcnemar_test(["a", "b"] * 5, ["a", "b"] * 5, ["a", "c"] * 5)
    # Recoded: the accuracies are scikit-learn's.
    pred_a, pred_b = np.array([2, 1] * 20), np.array([1, 1] * 20)
    result = mcnemar_test(y, pred_a, pred_b)
    assert (result.accuracy_a, result.accuracy_b) == (
        skm.accuracy_score(y, pred_a),
        skm.accuracy_score(y, pred_b),
    )
    # A class listed in labels= but absent from y_true is a valid prediction.
    ok = mcnemar_test([0, 0, 1, 1], [0, 2, 1, 1], [0, 0, 1, 1], labels=[0, 1, 2])
    assert (ok.b, ok.c) == (0, 1)


def test_bca_with_identical_resamples_warns_and_gives_the_percentile_interval():
    y = np.array([0, 1] * 10)
    with pytest.warns(RuntimeWarning, match="BCa interval of accuracy is undefined"):
        result = bootstrap_ci("accuracy", y, y, method="bca", n_resamples=200)
    assert (result.estimate, result.low, result.high) == (1.0, 1.0, 1.0)
    assert result.method == "percentile"


def test_compare_models_takes_one_metric_name_as_a_string():
    import evalviz as ev

    y = np.array([0, 1] * 20)
    a = np.linspace(0.2, 0.8, 40)
    b = np.where(y == 1, 0.7, 0.3)
    table = ev.compare_models(y, {"a": a, "b": b}, metrics="roc_auc").to_frame()
    assert table["metric"].tolist() == ["ROC AUC", "ROC AUC"]
    assert table["value"].tolist() == pytest.approx(
        [skm.roc_auc_score(y, a), skm.roc_auc_score(y, b)]
    )


def test_callable_returning_an_array_and_a_negative_seed_are_clear_errors():
    from evalviz.compare import intervals_by_size

    y = np.array([0, 1] * 20)
    s = np.linspace(0, 1, 40)

    def per_class(t, p):
        return np.array([1.0, 2.0])

    with pytest.raises(ValueError, match=r"per_class must return one number.*\(2,\)"):
        bootstrap_ci(per_class, y, s, n_resamples=100)
    with pytest.raises(ValueError, match=r"seed must be .* got -1"):
        bootstrap_ci("roc_auc", y, s, seed=-1)
    with pytest.raises(ValueError, match=r"seed must be .* got -1"):
        intervals_by_size(y, {"a": s, "b": s[::-1]}, seed=-1)
    # A 0-d array is one number: fine, and equal to scikit-learn's value.
    got = bootstrap_ci(
        lambda t, p: np.asarray(skm.roc_auc_score(t, p)), y, s, n_resamples=100
    )
    assert got.estimate == skm.roc_auc_score(y, s)


def test_one_class_subset_still_compares_and_small_fraction_error_names_it():
    import evalviz as ev
    from evalviz.compare import intervals_by_size

    y0 = np.zeros(10, int)
    a, b = np.linspace(0, 1, 10), np.full(10, 0.2)
    table = ev.compare_models(y0, {"a": a, "b": b}, metrics="accuracy").to_frame()
    assert table["value"].tolist() == [
        skm.accuracy_score(y0, a >= 0.5),
        skm.accuracy_score(y0, b >= 0.5),
    ]
    # Only b right on the 5 samples a calls positive: p = 2 / 2**5.
    assert table["p_value"].iloc[1] == pytest.approx(0.0625)
    y = np.array([0, 1] * 50)
    s = np.linspace(0, 1, 100)
    with pytest.raises(ValueError, match=r"fraction 0.01 \(2 of 100 samples\)"):
        intervals_by_size(y, {"a": s, "b": s[::-1]}, fractions=[0.01, 1.0])


def test_k_outside_top_k_and_repeated_fractions_are_refused():
    from evalviz.compare import intervals_by_size

    y = np.array([0, 1] * 20)
    s = np.linspace(0, 1, 40)
    with pytest.raises(ValueError, match=r"k=2 is only used by .*top_k_accuracy"):
        bootstrap_ci("accuracy", y, s, k=2)
    with pytest.raises(ValueError, match=r"fractions lists \[0.5\] more than once"):
        intervals_by_size(y, {"a": s, "b": s[::-1]}, fractions=[1, 0.5, 0.5])


def test_fewer_than_100_resamples_warn():
    y = np.array([0, 1] * 20)
    s = np.linspace(0, 1, 40)
    with pytest.warns(RuntimeWarning, match="n_resamples=50 is below 100"):
        result = bootstrap_ci("roc_auc", y, s, n_resamples=50)
    assert result.estimate == pytest.approx(skm.roc_auc_score(y, s))
