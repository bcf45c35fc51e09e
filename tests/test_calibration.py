"""evalviz.calibration: binned errors, Brier, log loss, the diagram, temperature."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from scipy.special import softmax  # noqa: E402
from sklearn.metrics import brier_score_loss  # noqa: E402
from sklearn.metrics import log_loss as sk_log_loss  # noqa: E402

import evalviz as ev  # noqa: E402
from evalviz.calibration import (  # noqa: E402
    ReliabilityDisplay,
    brier_score,
    calibration_bins,
    calibration_error,
    log_loss,
    temperature_scale,
)
from evalviz.uncertainty import proportion_ci  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


Y4 = [0, 1, 1, 0, 1]
P4 = [0.1, 0.8, 0.7, 0.4, 0.9]


def test_ece_by_hand():
    # 5 bins: 0.1 -> [0, .2) gap .1; 0.4 -> [.4, .6) gap .4; 0.7 -> [.6, .8)
    # gap .3; 0.8 and 0.9 -> [.8, 1) confidence .85, accuracy 1, gap .15 (x2)
    assert calibration_error(Y4, P4, n_bins=5) == pytest.approx(1.1 / 5)
    l2 = np.sqrt((0.1**2 + 0.4**2 + 0.3**2 + 2 * 0.15**2) / 5)
    assert calibration_error(Y4, P4, n_bins=5, norm="l2") == pytest.approx(l2)
    assert calibration_error(Y4, P4, n_bins=5, norm="max") == pytest.approx(0.4)


def test_one_has_a_bin_of_its_own():
    # merged with [14/15, 1) the ECE would be |(1 - .95) + (0 - 1)| / 2 = 0.475
    y, p = [1, 0], [0.95, 1.0]
    (b,) = calibration_bins(y, p).values()
    assert len(b.count) == 16 and b.count[-1] == 1 and b.count[14] == 1
    assert (b.lower[-1], b.upper[-1]) == (1.0, 1.0)
    assert calibration_error(y, p) == pytest.approx((0.05 + 1.0) / 2)


def test_left_closed_bins_at_exact_edges():
    (b,) = calibration_bins([1, 0, 1], [0.3, 0.0, 0.5], n_bins=10).values()
    assert b.count[3] == 1 and b.count[0] == 1 and b.count[5] == 1
    (s,) = calibration_bins(
        [1, 0, 1], [0.3, 0.0, 0.5], n_bins=10, edges="sklearn"
    ).values()
    assert s.count[2] == 1 and s.count[0] == 1 and s.count[4] == 1  # (a, b]
    assert len(s.count) == 10


def test_quantile_bins_hold_equal_mass():
    rng = np.random.default_rng(0)
    p = rng.uniform(size=100)
    y = rng.integers(0, 2, 100)
    (b,) = calibration_bins(y, p, n_bins=4, strategy="quantile").values()
    assert b.count.tolist() == [25, 25, 25, 25]
    assert b.lower[0] == p.min() and b.upper[-1] == p.max()


def test_top_label_multiclass_and_ties_to_lowest_class():
    y = [0, 1, 2, 1]
    p = [[0.5, 0.5, 0.0], [0.1, 0.7, 0.2], [0.6, 0.1, 0.3], [0.2, 0.2, 0.6]]
    (b,) = calibration_bins(y, p, n_bins=10).values()
    # confidences .5 (class 0 chosen, right), .7 (right), .6 (wrong), .6 (wrong)
    assert b.count[5] == 1 and b.count[6] == 2 and b.count[7] == 1
    assert b.correct[5] == 1 and b.correct[6] == 0 and b.correct[7] == 1
    expected = (0.5 + 2 * 0.6 + 0.3) / 4
    assert calibration_error(y, p, n_bins=10) == pytest.approx(expected)


def test_class_wise_is_the_mean_of_one_vs_rest_errors():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 4, 300)
    p = softmax(rng.normal(size=(300, 4)) * 2, axis=1)
    per_class = [calibration_error(y == j, p[:, j], n_bins=8) for j in range(4)]
    got = calibration_error(y, p, n_bins=8, kind="class-wise")
    assert got == pytest.approx(np.mean(per_class))
    assert calibration_error(y, p, n_bins=8) != pytest.approx(got)  # top-label


def test_multilabel_class_wise_and_refusals():
    rng = np.random.default_rng(2)
    y = rng.integers(0, 2, (200, 3))
    p = rng.uniform(size=(200, 3))
    per_label = [calibration_error(y[:, j], p[:, j]) for j in range(3)]
    assert calibration_error(y, p) == pytest.approx(np.mean(per_label))
    with pytest.raises(ValueError, match="class-wise"):
        calibration_error(y, p, kind="top-label")
    with pytest.raises(ValueError, match="kind='binary'"):
        calibration_error([0, 1, 2], np.eye(3), kind="binary")


def test_logits_are_refused_with_the_fix():
    with pytest.raises(ValueError, match="expit"):
        calibration_error([0, 1, 1], [-2.0, 1.5, 3.0])
    with pytest.raises(ValueError, match="softmax"):
        calibration_error(
            [0, 1, 2], [[3.0, 0.0, -1.0], [0.0, 2.0, 1.0], [1.0, 1.0, 4.0]]
        )
    with pytest.raises(ValueError, match="norm"):
        calibration_error(Y4, P4, norm="l3")
    with pytest.raises(ValueError, match="n_bins"):
        calibration_error(Y4, P4, n_bins=0)


def test_brier_and_log_loss_multilabel_are_means_over_labels():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, (100, 4))
    p = rng.uniform(0.01, 0.99, size=(100, 4))
    brier = np.mean([brier_score_loss(y[:, j], p[:, j]) for j in range(4)])
    loss = np.mean([sk_log_loss(y[:, j], p[:, j]) for j in range(4)])
    assert brier_score(y, p) == pytest.approx(brier, abs=1e-12)
    assert log_loss(y, p) == pytest.approx(loss, abs=1e-12)


def test_brier_and_log_loss_by_hand():
    assert brier_score([0, 1], [0.2, 0.6]) == pytest.approx((0.04 + 0.16) / 2)
    assert log_loss([0, 1], [0.2, 0.6]) == pytest.approx(
        -(np.log(0.8) + np.log(0.6)) / 2
    )
    # multi-class: the sum over classes (not halved), in [0, 2]
    assert brier_score([0, 2], [[1.0, 0, 0], [1.0, 0, 0]], labels=[0, 1, 2]) == 1.0


def _overconfident(n, seed, scale=3.0):
    """Simulated labels drawn from softmax(z), scores softmax(scale * z)."""
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, 5)) * 1.5
    true_p = softmax(z, axis=1)
    y = np.array([rng.choice(5, p=row) for row in true_p])
    return y, z * scale


def test_temperature_recovers_the_scale_and_keeps_predictions():
    y, logits = _overconfident(4000, 4)
    fit = temperature_scale(logits, y)
    assert fit.temperature == pytest.approx(3.0, rel=0.1)
    assert fit.log_loss_after < fit.log_loss_before
    before, after = softmax(logits, axis=1), fit.transform(logits)
    assert np.array_equal(before.argmax(axis=1), after.argmax(axis=1))
    assert calibration_error(y, after) < calibration_error(y, before) / 2
    # probabilities in, the same temperature out (their log is a logit)
    assert temperature_scale(before, y).temperature == pytest.approx(fit.temperature)
    assert np.allclose(fit(before), after)
    assert "\n" not in repr(fit) and f"{fit.temperature:.4g}" in repr(fit)
    assert fit.to_frame().loc[0, "temperature"] == fit.temperature


def test_temperature_binary_one_score():
    y, logits = _overconfident(3000, 5)
    yb = (y == 0).astype(int)
    zb = logits[:, 0] - np.log(np.exp(logits[:, 1:]).sum(axis=1))
    fit = temperature_scale(zb, yb)
    assert fit.temperature > 1.5
    p = fit.transform(zb)
    assert p.shape == zb.shape and np.all((p > 0) & (p < 1))
    with pytest.raises(ValueError, match="bounds"):
        temperature_scale(zb, yb, bounds=(2, 1))


def test_display_draws_the_bins():
    rng = np.random.default_rng(6)
    y = rng.integers(0, 2, 500)
    p = np.clip(rng.uniform(size=500) * 0.6 + 0.4 * y, 0, 1)
    disp = ReliabilityDisplay.from_predictions(y, p, n_bins=10)
    (b,) = disp.bins.values()
    filled = b.count > 0
    x, yy = disp.lines_[b.name].get_data()
    assert np.allclose(x, b.confidence[filled]) and np.allclose(yy, b.accuracy[filled])
    assert f"{calibration_error(y, p, n_bins=10):.3f}" in disp.ax_.get_title()
    heights = [r.get_height() for r in disp.bars_[b.name]]
    assert heights == b.count.tolist()
    low, high = proportion_ci(b.correct, b.count)
    frame = disp.to_frame()
    assert frame["count"].sum() == 500 and len(frame) == filled.sum()
    assert np.allclose(frame["ci_low"], low[filled]) and np.allclose(
        frame["ci_high"], high[filled]
    )
    assert np.allclose(frame["gap"], frame["accuracy"] - frame["confidence"])
    assert disp.ax_counts_.get_shared_x_axes().joined(disp.ax_, disp.ax_counts_)
    assert disp.figure_.get_layout_engine() is not None
    assert repr(disp).startswith("ReliabilityDisplay(binary, 11 bins, ECE ")


def test_display_sklearn_edges_and_axes_given():
    from sklearn.calibration import calibration_curve

    rng = np.random.default_rng(7)
    y = rng.integers(0, 2, 300)
    p = np.round(rng.uniform(size=300), 1)  # many values on the edges
    fig, ax = plt.subplots()
    disp = ReliabilityDisplay.from_predictions(y, p, n_bins=5, edges="sklearn", ax=ax)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=5)
    x, yy = next(iter(disp.lines_.values())).get_data()
    assert np.allclose(x, prob_pred) and np.allclose(yy, prob_true)
    assert disp.ax_ is ax and disp.figure_ is fig


def test_display_class_wise_one_curve_per_class():
    rng = np.random.default_rng(8)
    y = rng.integers(0, 3, 300)
    p = softmax(rng.normal(size=(300, 3)), axis=1)
    disp = ReliabilityDisplay.from_predictions(
        y, p, kind="class-wise", display_labels=["a", "b", "c"], n_bins=5
    )
    assert list(disp.lines_) == ["a", "b", "c"]
    assert disp.ece_mean == pytest.approx(
        calibration_error(y, p, kind="class-wise", n_bins=5)
    )
    assert set(disp.to_frame()["curve"]) == {"a", "b", "c"}
    assert ev.calibration.ReliabilityDisplay is ReliabilityDisplay


def test_display_on_a_pair_of_axes_and_an_inset():
    fig, (top, bottom) = plt.subplots(2, 1)
    disp = ReliabilityDisplay.from_predictions(Y4, P4, n_bins=5, ax=(top, bottom))
    assert disp.ax_ is top and disp.ax_counts_ is bottom
    assert sum(r.get_height() for r in bottom.patches) == 5
    fig, ax = plt.subplots()
    disp = ReliabilityDisplay.from_predictions(Y4, P4, n_bins=5, ax=ax)
    assert disp.ax_counts_ in ax.child_axes and ax.get_ylim()[0] < 0


def test_confident_errors_count_strictly_above():
    from evalviz.calibration import confident_errors

    rng = np.random.default_rng(9)
    y = rng.integers(0, 4, 2000)
    p = softmax(rng.normal(size=(2000, 4)) * 4, axis=1).astype(np.float32)
    p[:3] = np.float32(0)
    p[:3, 0] = np.float32(0.999)  # stored as 0.99900001: above 0.999, as compared
    table = confident_errors(y, p, thresholds=[0.5, 0.9, 0.999])
    top, pred = p.max(axis=1).astype(np.float64), p.argmax(axis=1)
    for row in table.itertuples():
        above = top > row.threshold
        assert row.predictions == above.sum()
        assert row.wrong == (above & (pred != y)).sum()
        low, high = proportion_ci(int(row.wrong), int(row.predictions))
        assert (row.ci_low, row.ci_high) == pytest.approx((low, high))
    with pytest.raises(ValueError, match="thresholds"):
        confident_errors(y, p, thresholds=[1.0])
