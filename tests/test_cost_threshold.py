"""Thresholds chosen by cost: brute force, ties, prevalence, errors, the display,
and parity with scikit-learn's TunedThresholdClassifierCV."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from evalviz.threshold import (
    ExpectedCostDisplay,
    cost_threshold,
    expected_cost,
    expected_costs,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _brute_force(y, s, cost_fp, cost_fn, prevalence=None):
    """Every candidate evaluated by direct comparison; ties to the lowest."""
    y = np.asarray(y)
    s = np.asarray(s, dtype=float)
    n, p = y.size, y.sum()
    w_pos = w_neg = 1.0
    if prevalence is not None:
        w_pos, w_neg = prevalence / (p / n), (1 - prevalence) / (1 - p / n)
    best_t, best_c = None, np.inf
    for t in list(np.unique(s)) + [np.inf]:
        pred = s >= t
        fp = np.sum(pred & (y == 0))
        fn = np.sum(~pred & (y == 1))
        c = (cost_fp * w_neg * fp + cost_fn * w_pos * fn) / n
        if c < best_c * (1 - 1e-12):  # strictly cheaper; increasing t keeps lowest
            best_t, best_c = t, c
    return best_t, best_c


@pytest.mark.parametrize("seed", range(40))
def test_brute_force(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 60))
    y = rng.integers(0, 2, n)
    y[:2] = [0, 1]
    s = np.round(rng.random(n), int(rng.integers(1, 3)))  # ties among scores too
    cost_fp, cost_fn = rng.integers(0, 6, 2) + np.array([1, 0])
    prevalence = None if seed % 2 else float(rng.uniform(0.01, 0.99))
    result = cost_threshold(
        y, s, cost_fp=cost_fp, cost_fn=cost_fn, prevalence=prevalence
    )
    t, c = _brute_force(y, s, cost_fp, cost_fn, prevalence)
    assert result.threshold == t
    assert result.expected_cost == pytest.approx(c, rel=1e-12, abs=1e-15)
    pred = s >= t
    assert (result.tp, result.fp) == (np.sum(pred & (y == 1)), np.sum(pred & (y == 0)))
    assert result.tp + result.fp + result.tn + result.fn == n


def test_ties_go_to_the_lowest_threshold():
    # Thresholds 0.3 and 0.5 both cost one error of cost 1 (fp or fn).
    y, s = [0, 1, 0, 1], [0.1, 0.3, 0.4, 0.8]
    result = cost_threshold(y, s, cost_fp=1, cost_fn=1)
    assert result.costs.tolist() == [0.5, 0.25, 0.5, 0.25, 0.5]
    assert result.threshold == 0.3
    assert (result.tp, result.fp, result.tn, result.fn) == (2, 1, 1, 0)


def test_known_values_and_the_reference_decisions():
    result = cost_threshold([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], cost_fp=1, cost_fn=5)
    assert result.threshold == 0.4 and result.expected_cost == 0.25
    frame = result.to_frame()
    assert frame.loc["threshold 0.5", "expected_cost"] == (1 + 5) / 4
    assert frame.loc["argmax", ["tp", "fp", "fn"]].tolist() == [1, 1, 1]
    assert np.isnan(frame.loc["argmax", "threshold"])
    assert "threshold=0.4" in repr(result) and "\n" not in repr(result)


def test_predicting_no_positive_can_be_cheapest():
    # The top score is a negative: every cut costs more than predicting none.
    result = cost_threshold([1, 0, 0, 0], [0.2, 0.1, 0.3, 0.9], cost_fp=1, cost_fn=0.5)
    assert result.threshold == np.inf
    assert result.expected_cost == 0.5 / 4
    assert (result.tp, result.fp, result.fn) == (0, 0, 1)


def test_prevalence_reweighting_equals_the_rates_formula():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 300)
    s = rng.random(300) + 0.3 * y
    pi = 0.01
    result = cost_threshold(y, s, cost_fp=1, cost_fn=5, prevalence=pi)
    pred = s >= result.threshold
    fpr = np.sum(pred & (y == 0)) / np.sum(y == 0)
    fnr = np.sum(~pred & (y == 1)) / np.sum(y == 1)
    assert result.expected_cost == pytest.approx(1 * (1 - pi) * fpr + 5 * pi * fnr)
    # At 1% the same costs ask for more evidence: a higher threshold.
    plain = cost_threshold(y, s, cost_fp=1, cost_fn=5)
    assert result.threshold > plain.threshold
    # At the observed prevalence, re-weighting changes nothing.
    same = cost_threshold(y, s, cost_fp=1, cost_fn=5, prevalence=y.mean())
    assert same.threshold == plain.threshold
    assert same.expected_cost == pytest.approx(plain.expected_cost)


def test_multiclass_one_vs_rest_and_argmax():
    y = np.array([0, 1, 2, 2, 1, 0])
    proba = np.array(
        [
            [0.6, 0.3, 0.1],
            [0.2, 0.5, 0.3],
            [0.1, 0.45, 0.45],  # class 2, argmax says 1
            [0.1, 0.2, 0.7],
            [0.3, 0.3, 0.4],  # class 1, argmax says 2
            [0.5, 0.1, 0.4],
        ]
    )
    result = cost_threshold(
        y, proba, cost_fp=1, cost_fn=3, pos_label="c", display_labels=["a", "b", "c"]
    )
    assert result.name == "c"
    t, c = _brute_force(y == 2, proba[:, 2], 1, 3)
    assert (result.threshold, result.expected_cost) == (t, c)
    arg = result.decisions["argmax"]
    assert (arg["tp"], arg["fp"], arg["fn"]) == (1, 1, 1)
    assert arg["expected_cost"] == (1 + 3) / 6


def test_expected_costs_on_other_data():
    table = expected_costs(
        [0, 0, 1, 1],
        [0.1, 0.6, 0.4, 0.8],
        thresholds={"chosen": 0.4, "none": np.inf},
        cost_fp=1,
        cost_fn=5,
    )
    assert table["expected_cost"].tolist() == [0.25, 2.5, 1.5]
    assert table.index.tolist() == ["chosen", "none", "argmax"]
    unnamed = expected_costs(
        [0, 1, 1], [0.2, 0.4, 0.9], thresholds=[0.4, 0.9], cost_fp=1, cost_fn=2
    )
    assert unnamed.index.tolist()[:2] == ["0.4", "0.9"]
    assert unnamed["fn"].tolist() == [0, 1, 1]  # argmax: only 0.9 > 0.5
    with pytest.raises(ValueError, match="thresholds"):
        expected_costs([0, 1], [0.2, 0.4], thresholds={"a": "x"}, cost_fp=1, cost_fn=1)
    with pytest.raises(ValueError, match="empty"):
        expected_costs([0, 1], [0.2, 0.4], thresholds={}, cost_fp=1, cost_fn=1)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"cost_fp": -1, "cost_fn": 1}, "cost_fp must be a finite number >= 0"),
        ({"cost_fp": 1, "cost_fn": "a"}, "cost_fn must be a number"),
        ({"cost_fp": 0, "cost_fn": 0}, "both 0"),
        ({"cost_fp": 1, "cost_fn": 1, "prevalence": 1.0}, "prevalence must be"),
        ({"cost_fp": 1, "cost_fn": 1, "prevalence": 0}, "strictly between 0 and 1"),
    ],
)
def test_errors_name_the_argument(kwargs, words):
    with pytest.raises(ValueError, match=words):
        cost_threshold([0, 1, 1], [0.2, 0.4, 0.9], **kwargs)


def test_errors_from_the_input_model():
    with pytest.raises(ValueError, match="pos_label"):
        cost_threshold([0, 1, 2], np.eye(3), cost_fp=1, cost_fn=1)
    with pytest.raises(ValueError):
        cost_threshold([1, 1, 1], [0.2, 0.4, 0.9], cost_fp=1, cost_fn=1)


def test_display_draws_the_curve_and_the_marks():
    y, s = [0, 0, 1, 1, 0, 1], [0.1, 0.6, 0.4, 0.8, 0.3, 0.55]
    disp = ExpectedCostDisplay.from_predictions(y, s, cost_fp=1, cost_fn=5, split="val")
    result = cost_threshold(y, s, cost_fp=1, cost_fn=5)
    x, cost = disp.line_.get_data()
    assert np.array_equal(x, result.thresholds[:-1])
    assert np.array_equal(cost, result.costs[:-1])
    assert disp.line_.get_drawstyle() == "steps-pre"
    chosen = disp.marks_["lowest cost"].get_data()
    assert (chosen[0][0], chosen[1][0]) == (result.threshold, result.expected_cost)
    half = disp.marks_["threshold 0.5"].get_data()
    assert (half[0][0], half[1][0]) == (
        0.5,
        result.decisions["threshold 0.5"]["expected_cost"],
    )
    arg = disp.marks_["argmax"].get_ydata()
    assert arg[0] == result.decisions["argmax"]["expected_cost"]
    legend = [t.get_text() for t in disp.ax_.get_legend().get_texts()]
    assert any(text.startswith("lowest cost (t = 0.4)") for text in legend)
    assert "val split" in disp.ax_.get_title()
    assert disp.figure_.get_layout_engine() is not None
    frame = disp.to_frame()
    assert len(frame) == result.thresholds.size + 3
    assert "ExpectedCostDisplay(7 thresholds" in repr(disp)


def test_display_prevalence_label_and_given_axes():
    fig, ax = plt.subplots()
    disp = ExpectedCostDisplay.from_predictions(
        [0, 1, 1, 0], [0.2, 0.9, 0.6, 0.7], cost_fp=1, cost_fn=5, prevalence=0.01, ax=ax
    )
    assert disp.ax_ is ax
    assert "prevalence 1" in ax.get_ylabel()


# --- parity with scikit-learn ---------------------------------------------------


class _GivenScores:
    """A prefit "classifier" whose predict_proba returns the given scores."""

    _estimator_type = "classifier"

    def __init__(self, scores):
        self.scores = np.asarray(scores, dtype=float)
        self.classes_ = np.array([0, 1])

    def fit(self, X, y):  # pragma: no cover - never called with cv="prefit"
        return self

    def predict_proba(self, X):
        s = self.scores[np.asarray(X, dtype=int).ravel()]
        return np.column_stack([1 - s, s])

    def predict(self, X):  # pragma: no cover
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(int)

    def get_params(self, deep=True):
        return {"scores": self.scores}

    def set_params(self, **params):  # pragma: no cover
        return self

    def __sklearn_tags__(self):
        from sklearn.utils import ClassifierTags, Tags, TargetTags

        return Tags(
            estimator_type="classifier",
            target_tags=TargetTags(required=True),
            classifier_tags=ClassifierTags(),
        )


def _sklearn_choice(y, s, cost_fp, cost_fn):
    from sklearn.metrics import confusion_matrix, make_scorer
    from sklearn.model_selection import TunedThresholdClassifierCV

    def cost(y_true, y_pred):
        tn, fp, fn, tp = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
        return (cost_fp * fp + cost_fn * fn) / len(y_true)

    tuned = TunedThresholdClassifierCV(
        _GivenScores(s),
        scoring=make_scorer(cost, greater_is_better=False),
        response_method="predict_proba",
        thresholds=np.unique(s),
        cv="prefit",
        refit=False,
    )
    tuned.fit(np.arange(len(y))[:, None], y)
    return tuned.best_threshold_, -tuned.best_score_


def test_parity_with_tuned_threshold_classifier():
    pytest.importorskip("sklearn")
    rng = np.random.default_rng(14)
    compared = none_cheapest = 0
    for _ in range(150):
        n = int(rng.integers(8, 80))
        y = rng.integers(0, 2, n)
        y[:2] = [0, 1]
        s = np.round(
            rng.random(n) * 0.6 + 0.4 * y * rng.random(n), int(rng.integers(1, 4))
        )
        if np.unique(s).size < 2:
            continue
        cost_fp, cost_fn = (int(v) for v in rng.integers(1, 8, 2))
        ours = cost_threshold(y, s, cost_fp=cost_fp, cost_fn=cost_fn)
        t, c = _sklearn_choice(y, s, cost_fp, cost_fn)
        if np.isfinite(ours.threshold):
            assert ours.threshold == t
            assert ours.expected_cost == pytest.approx(c, rel=1e-12)
            compared += 1
        else:
            # scikit-learn's candidates do not include "no positive": it picks
            # the cheapest score, which must then cost strictly more.
            finite = np.isfinite(ours.thresholds)
            k = int(np.argmin(ours.costs[finite]))
            assert ours.thresholds[k] == t
            assert ours.expected_cost < c
            none_cheapest += 1
    assert compared > 100 and compared + none_cheapest > 140


def test_expected_cost_of_decisions_and_its_bootstrap():
    from functools import partial

    from evalviz.uncertainty import bootstrap_ci

    y = np.array([0, 0, 1, 1, 0, 1, 0, 0])
    d = np.array([1, 0, 1, 0, 0, 1, 0, 1])
    assert expected_cost(y, d, cost_fp=1, cost_fn=5) == (2 + 5) / 8
    # Re-weighted: cost_fp (1 - pi) FPR + cost_fn pi FNR.
    got = expected_cost(y, d, cost_fp=1, cost_fn=5, prevalence=0.01)
    assert got == pytest.approx(0.99 * 2 / 5 + 5 * 0.01 * 1 / 3)
    # The same number as expected_costs at the threshold that gives these decisions.
    table = expected_costs(
        y, d.astype(float), thresholds={"t": 0.5}, cost_fp=1, cost_fn=5
    )
    assert table.loc["t", "expected_cost"] == (2 + 5) / 8
    metric = partial(expected_cost, cost_fp=1, cost_fn=5)
    interval = bootstrap_ci(metric, y == 1, d == 1, n_resamples=50)
    assert interval.estimate == (2 + 5) / 8
    with pytest.raises(ValueError, match="cost_fn"):
        expected_cost(y, d, cost_fp=1, cost_fn=-5)
