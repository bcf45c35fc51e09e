"""Threshold display, pick_threshold and the PR/ROC operating-points display."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn import metrics as skm  # noqa: E402

from evalviz import threshold as evt  # noqa: E402
from evalviz._format import format_area  # noqa: E402


def _binary(seed, n=300, decimals=2):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, 2, n)
    y_true[:2] = (0, 1)
    y_score = np.round(np.clip(rng.normal(0.35 + 0.3 * y_true, 0.2), 0, 1), decimals)
    return y_true, y_score


@pytest.mark.parametrize("seed", range(30))
def test_threshold_curve_matches_precision_recall_curve(seed):
    y_true, y_score = _binary(seed, decimals=1 + seed % 3)
    curve = evt.threshold_curve(y_true, y_score)
    precision, recall, thresholds = skm.precision_recall_curve(y_true, y_score)
    np.testing.assert_allclose(curve["threshold"], thresholds)
    np.testing.assert_allclose(curve["precision"], precision[:-1], atol=1e-12)
    np.testing.assert_allclose(curve["recall"], recall[:-1], atol=1e-12)
    some = thresholds[:: max(1, len(thresholds) // 10)]
    f1 = [skm.f1_score(y_true, y_score >= t) for t in some]
    np.testing.assert_allclose(curve["f1"][:: max(1, len(thresholds) // 10)], f1)


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("target", [0.5, 0.7, 0.8, 0.9])
def test_pick_threshold_precision_is_lowest_threshold_reaching_target(seed, target):
    y_true, y_score = _binary(seed)
    precision, recall, thresholds = skm.precision_recall_curve(y_true, y_score)
    ok = precision[:-1] >= target
    if not ok.any():
        with pytest.raises(ValueError, match="cannot be reached"):
            evt.pick_threshold(y_true, y_score, precision=target)
        return
    t = evt.pick_threshold(y_true, y_score, precision=target)
    assert t == thresholds[np.argmax(ok)]
    assert skm.precision_score(y_true, y_score >= t) >= target
    # No lower threshold reaches the target: this one keeps the most recall.
    assert (precision[:-1][thresholds < t] < target).all()
    assert skm.recall_score(y_true, y_score >= t) == recall[np.argmax(ok)]


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("target", [0.3, 0.6, 0.9, 1.0])
def test_pick_threshold_recall_gives_best_precision_meeting_target(seed, target):
    y_true, y_score = _binary(seed)
    t = evt.pick_threshold(y_true, y_score, recall=target)
    assert skm.recall_score(y_true, y_score >= t) >= target
    precision, recall, thresholds = skm.precision_recall_curve(y_true, y_score)
    best = precision[:-1][recall[:-1] >= target].max()
    assert skm.precision_score(y_true, y_score >= t) == pytest.approx(best)
    tied = thresholds[(recall[:-1] >= target) & (precision[:-1] == best)]
    assert t == tied.max()


def test_pick_threshold_unreachable_precision_names_best_value():
    y_true = np.array([0, 1, 0, 1])
    y_score = np.array([0.9, 0.8, 0.4, 0.3])
    with pytest.raises(ValueError) as info:
        evt.pick_threshold(y_true, y_score, precision=0.9)
    message = str(info.value)
    assert "precision=0.9 cannot be reached" in message
    assert "best precision at any threshold is 0.5000" in message


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({}, "exactly one target"),
        ({"precision": 0.9, "recall": 0.9}, "exactly one target"),
        ({"precision": 90}, r"write 90% as precision=0.9"),
        ({"recall": 0}, r"\(0, 1\]"),
    ],
)
def test_pick_threshold_checks_targets(kwargs, match):
    with pytest.raises(ValueError, match=match):
        evt.pick_threshold([0, 1], [0.1, 0.9], **kwargs)


def test_inputs_are_checked_with_teaching_messages():
    proba = np.full((4, 3), 1 / 3)
    with pytest.raises(ValueError, match="binary problem is needed"):
        evt.pick_threshold([0, 1, 0, 1], proba, precision=0.9)
    with pytest.raises(ValueError, match="y_true == 2"):
        evt.ThresholdDisplay.from_predictions([0, 1, 2, 1], [0.1, 0.2, 0.3, 0.4])
    with pytest.raises(ValueError, match="NaN"):
        evt.threshold_curve([0, 1], [0.5, np.nan])
    with pytest.raises(ValueError, match="no positive samples"):
        evt.pick_threshold([0, 0, 0], [0.1, 0.2, 0.3], recall=0.5)
    with pytest.raises(ValueError, match="same samples"):
        evt.threshold_curve([0, 1, 1], [0.5, 0.2])


def test_threshold_display_draws_curves_and_marks():
    y_true, y_score = _binary(7)
    t80 = evt.pick_threshold(y_true, y_score, precision=0.8)
    marks = {"0.5": 0.5, "80% precision": t80}
    disp = evt.ThresholdDisplay.from_predictions(
        y_true, y_score, thresholds=marks, name="positive"
    )
    lines = {ln.get_label(): ln for ln in disp.ax_.get_lines()}
    curve = evt.threshold_curve(y_true, y_score)
    np.testing.assert_allclose(lines["Precision"].get_xdata(), curve["threshold"])
    np.testing.assert_allclose(lines["Precision"].get_ydata(), curve["precision"])
    np.testing.assert_allclose(lines["Recall"].get_ydata(), curve["recall"])
    np.testing.assert_allclose(lines["F1"].get_ydata(), curve["f1"])
    assert list(disp.marked["name"]) == ["0.5", "80% precision"]
    for _, row in disp.marked.iterrows():
        y_pred = y_score >= row["threshold"]
        assert row["precision"] == pytest.approx(skm.precision_score(y_true, y_pred))
        assert row["recall"] == pytest.approx(skm.recall_score(y_true, y_pred))
    annotations = [t.get_text() for t in disp.ax_.texts]
    assert annotations == ["0.5", "80% precision"]
    assert "positive vs rest" in disp.ax_.get_title()
    assert ">=" in disp.ax_.get_xlabel()
    frame = disp.to_frame()
    assert len(frame) == len(curve) + 2
    assert list(frame["name"].iloc[-2:]) == ["0.5", "80% precision"]


def test_threshold_display_marks_from_a_list_and_on_given_axes():
    y_true, y_score = _binary(8)
    fig, ax = plt.subplots()
    disp = evt.ThresholdDisplay.from_predictions(
        y_true, y_score, thresholds=[0.3, 0.9], ax=ax, ylim=(0.5, 1.0)
    )
    assert disp.ax_ is ax and disp.figure_ is fig
    assert list(disp.marked["name"]) == ["t = 0.3", "t = 0.9"]
    assert ax.get_ylim() == (0.5, 1.0)


def test_threshold_display_without_marks():
    y_true, y_score = _binary(9)
    disp = evt.ThresholdDisplay.from_predictions(y_true, y_score)
    assert disp.marked.empty
    assert len(disp.ax_.texts) == 0


def test_precision_is_not_monotonic_but_recall_is():
    y_true = np.array([1, 0, 1, 1, 0, 1])
    y_score = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    curve = evt.threshold_curve(y_true, y_score)
    assert (np.diff(curve["recall"]) <= 0).all()
    assert (np.diff(curve["precision"]) > 0).any()
    assert (np.diff(curve["precision"]) < 0).any()


def test_operating_points_display_marks_same_thresholds_on_both_curves():
    y_true, y_score = _binary(10)
    marks = {"0.3": 0.3, "0.5": 0.5, "0.9": 0.9}
    disp = evt.OperatingPointsDisplay.from_predictions(
        y_true, y_score, thresholds=marks
    )
    pr_ax, roc_ax = disp.ax_
    fpr, tpr, _ = skm.roc_curve(y_true, y_score, drop_intermediate=False)
    roc_line = roc_ax.get_lines()[0]
    np.testing.assert_allclose(roc_line.get_xdata(), fpr)
    np.testing.assert_allclose(roc_line.get_ydata(), tpr)
    precision, recall, _ = skm.precision_recall_curve(y_true, y_score)
    pr_line = pr_ax.get_lines()[0]
    # every threshold's point; not scikit-learn's convention (recall 0, precision 1)
    np.testing.assert_allclose(pr_line.get_xdata(), recall[:-1][::-1])
    np.testing.assert_allclose(pr_line.get_ydata(), precision[:-1][::-1])
    for name, t in marks.items():
        y_pred = y_score >= t
        p = skm.precision_score(y_true, y_pred)
        r = skm.recall_score(y_true, y_pred)
        f = (y_pred & (y_true == 0)).sum() / (y_true == 0).sum()
        (pr_point,) = [ln for ln in pr_ax.get_lines() if ln.get_label() == name]
        (roc_point,) = [ln for ln in roc_ax.get_lines() if ln.get_label() == name]
        np.testing.assert_allclose(pr_point.get_xydata(), [[r, p]])
        np.testing.assert_allclose(roc_point.get_xydata(), [[f, r]])
    assert list(disp.to_frame()["name"]) == list(marks)


def test_operating_points_zoom_limits_cover_the_marks():
    y_true, y_score = _binary(11)
    disp = evt.OperatingPointsDisplay.from_predictions(
        y_true, y_score, thresholds=[0.4, 0.6], zoom=True
    )
    pr_ax, roc_ax = disp.ax_
    for _, row in disp.marked.iterrows():
        lo, hi = pr_ax.get_xlim()
        assert lo <= row["recall"] <= hi
        lo, hi = roc_ax.get_xlim()
        assert lo <= row["fpr"] <= hi
    assert "zoomed" in pr_ax.get_title()


def test_threshold_display_names_split_and_keeps_mark_names_off_the_curves():
    y_true, y_score = _binary(12)
    disp = evt.ThresholdDisplay.from_predictions(
        y_true,
        y_score,
        thresholds={"a": 0.2, "b": 0.7},
        name="Sandal",
        split="validation",
    )
    assert "Sandal vs rest, validation split" in disp.ax_.get_title()
    assert disp.ax_.get_ylabel() == "precision, recall, F1"
    for text in disp.ax_.texts:
        # anchored at the top edge of the axes and drawn upwards, above the data
        assert text.xy[1] == 1.0 and text.get_va() == "bottom"
        assert text.xyann[1] > 0
    plt.close(disp.figure_)


def test_precision_dips_are_the_steps_where_precision_falls():
    for seed in range(15):
        y_true, y_score = _binary(seed)
        disp = evt.ThresholdDisplay(evt.threshold_curve(y_true, y_score))
        dips = disp.precision_dips()
        curve = disp.curve
        falls = np.flatnonzero(np.diff(curve["precision"].to_numpy()) < 0)
        assert len(dips) == falls.size
        np.testing.assert_allclose(
            dips["threshold"], curve["threshold"].to_numpy()[falls + 1]
        )
        np.testing.assert_allclose(
            dips["precision before"], curve["precision"].to_numpy()[falls]
        )
        assert (dips["precision"] < dips["precision before"]).all()
        # a dip is always a positive sample dropping out
        assert (dips["tp"] < dips["tp before"]).all()
    small = evt.ThresholdDisplay(
        evt.threshold_curve([1, 0, 1, 1, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    ).precision_dips()
    assert list(small["threshold"]) == [0.5, 0.7, 0.8]


def test_operating_points_titles_areas_and_colours():
    y_true, y_score = _binary(13)
    marks = {"0.3": 0.3, "0.5": 0.5, "0.9": 0.9, "90% precision": 0.1}
    disp = evt.OperatingPointsDisplay.from_predictions(
        y_true, y_score, thresholds=marks, name="Sandal", split="validation"
    )
    pr_ax, roc_ax = disp.ax_
    assert disp.roc_auc == pytest.approx(skm.roc_auc_score(y_true, y_score))
    assert disp.average_precision == pytest.approx(
        skm.average_precision_score(y_true, y_score)
    )
    assert f"ROC AUC {format_area(disp.roc_auc, 4)}" in roc_ax.get_title()
    assert "Sandal vs rest, validation split" in pr_ax.get_title()
    assert "FP / (FP + TN)" in roc_ax.get_xlabel()
    colours = [ln.get_color() for ln in roc_ax.get_lines() if ln.get_label() in marks]
    assert len(set(colours)) == 4
    assert colours[0] == evt.P.PALETTE[1] and evt.P.PALETTE[4] not in colours
    plt.close(disp.figure_)
    zoomed = evt.OperatingPointsDisplay.from_predictions(
        y_true, y_score, thresholds=marks, split="test", zoom=True
    )
    lines = zoomed.ax_[1].get_title().split("\n")
    # ", zoomed" goes on the last line: the first is already as wide as the panel
    assert lines[0] == "ROC curve: test split"
    assert lines[-1].endswith(", zoomed")
    plt.close(zoomed.figure_)


def test_areas_in_titles_never_round_up_to_one():
    # kind 7: an area of 0.99996 is not shown as 1.0000
    assert format_area(0.99996, 4) == "0.99996"
    assert format_area(1.0, 4) == "1.0000"
    assert format_area(0.99954, 4) == "0.9995"
    y = np.r_[np.zeros(5000, int), np.ones(5000, int)]
    s = np.r_[np.linspace(0, 0.5, 5000), np.linspace(0.49999, 1, 5000)]
    auc = skm.roc_auc_score(y, s)
    assert 0.9999 < auc < 1.0 and f"{auc:.4f}" == "1.0000"
    disp = evt.OperatingPointsDisplay.from_predictions(y, s)
    assert "ROC AUC 1.0000" not in disp.ax_[1].get_title()
    assert f"ROC AUC {format_area(auc, 4)}" in disp.ax_[1].get_title()


def test_evaluate_thresholds_matches_sklearn_on_every_split():
    y_a, s_a = _binary(14)
    y_b, s_b = _binary(15)
    table = evt.evaluate_thresholds(
        {"low": 0.2, "high": 0.8}, a=(y_a, s_a), b=(y_b, s_b)
    )
    assert list(table.index) == ["low (t = 0.2)", "high (t = 0.8)"]
    assert list(table.columns.get_level_values(0)) == ["a"] * 3 + ["b"] * 3
    for split, (y, s) in {"a": (y_a, s_a), "b": (y_b, s_b)}.items():
        for row, t in enumerate([0.2, 0.8]):
            pred = s >= t
            assert table[split]["precision"].iloc[row] == pytest.approx(
                skm.precision_score(y, pred)
            )
            assert table[split]["recall"].iloc[row] == pytest.approx(
                skm.recall_score(y, pred)
            )
            assert table[split]["f1"].iloc[row] == pytest.approx(skm.f1_score(y, pred))
    plain = evt.evaluate_thresholds([0.9, 0.3], columns=["tp", "fp"], a=(y_a, s_a))
    assert list(plain.index) == ["0.9", "0.3"]
    assert plain["a"]["tp"].iloc[1] == ((s_a >= 0.3) & (y_a == 1)).sum()
    with pytest.raises(ValueError, match="at least one split"):
        evt.evaluate_thresholds(0.5)
    with pytest.raises(ValueError, match="unknown column"):
        evt.evaluate_thresholds(0.5, columns=["auc"], a=(y_a, s_a))
    with pytest.raises(ValueError, match="pair"):
        evt.evaluate_thresholds(0.5, a=y_a)


def test_tuning_optimism_chooses_on_a_and_measures_on_b():
    y_true, y_score = _binary(16, n=600)
    result = evt.tuning_optimism(
        y_true, y_score, precision=0.8, n_repeats=30, seed=4, split="test"
    )
    runs = result.runs
    assert len(runs) == 30 and list(runs.index[:2]) == [1, 2]
    ok = runs.dropna()
    # on A the target is met by construction
    assert (ok["precision on A"] >= 0.8 - 1e-12).all()
    np.testing.assert_allclose(
        ok["optimism"], ok["precision on A"] - ok["precision on B"]
    )
    # recompute the first repeat by hand with the same random halves
    rng = np.random.default_rng(4)
    truth = np.asarray(y_true)
    pos, neg = np.flatnonzero(truth == 1), np.flatnonzero(truth == 0)
    p, n = rng.permutation(pos), rng.permutation(neg)
    a = np.r_[p[: p.size // 2], n[: n.size // 2]]
    b = np.r_[p[p.size // 2 :], n[n.size // 2 :]]
    assert np.intersect1d(a, b).size == 0 and a.size + b.size == truth.size
    t = evt.pick_threshold(truth[a], y_score[a], precision=0.8)
    assert runs["threshold"].iloc[0] == t
    assert runs["precision on B"].iloc[0] == pytest.approx(
        skm.precision_score(truth[b], y_score[b] >= t)
    )
    assert runs["recall on A"].iloc[0] == pytest.approx(
        skm.recall_score(truth[a], y_score[a] >= t)
    )
    summary = result.summary()
    assert summary.loc["mean optimism (A - B)", "value"] == pytest.approx(
        ok["optimism"].mean()
    )
    assert summary.loc["share of repeats with A below 0.8", "value"] == 0.0
    assert summary.loc["repeats", "value"] == len(ok)
    disp = result.plot()
    heights = sum(patch.get_data().values.sum() for patch in disp.ax_.patches)
    assert heights == 2 * len(ok)
    assert "test split" in disp.ax_.get_title()
    plt.close(disp.figure_)


def test_tuning_optimism_recall_target_and_checks():
    y_true, y_score = _binary(17, n=300)
    result = evt.tuning_optimism(y_true, y_score, recall=0.7, n_repeats=5)
    assert result.metric == "recall"
    assert (result.runs["recall on A"] >= 0.7 - 1e-12).all()
    with pytest.raises(ValueError, match="exactly one target"):
        evt.tuning_optimism(y_true, y_score)
    with pytest.raises(ValueError, match="n_repeats"):
        evt.tuning_optimism(y_true, y_score, precision=0.9, n_repeats=0)
    with pytest.raises(ValueError, match="at least 2"):
        evt.tuning_optimism([1, 0, 0], [0.9, 0.1, 0.2], precision=0.9)
    unreachable = evt.tuning_optimism(
        [1, 1, 0, 0] * 5, [0.1, 0.2, 0.9, 0.8] * 5, precision=0.99, n_repeats=3
    )
    assert unreachable.runs.isna().all().all()


# --------------------------------------------------------------------------
# Which class is positive, display contract (issue 10)


def test_pick_threshold_with_labels_one_and_two():
    y = [1, 1, 2, 2, 1, 2]
    s = [0.1, 0.3, 0.8, 0.6, 0.4, 0.9]
    # before: "cannot be reached" (1 was taken as positive)
    assert evt.pick_threshold(y, s, precision=0.9, pos_label=2) == 0.6
    assert evt.pick_threshold(y, s, recall=1.0, pos_label=2) == 0.6
    with pytest.raises(ValueError, match="pos_label"):
        evt.pick_threshold(y, s, precision=0.9)
    curve = evt.threshold_curve(y, s, pos_label=2)
    precision, recall, thresholds = skm.precision_recall_curve(y, s, pos_label=2)
    np.testing.assert_allclose(curve["threshold"], thresholds)
    np.testing.assert_allclose(curve["precision"], precision[:-1])
    np.testing.assert_allclose(curve["recall"], recall[:-1])


def test_minus_one_one_booleans_and_strings():
    y_true, y_score = _binary(18)
    t = evt.pick_threshold(y_true, y_score, precision=0.8)
    assert evt.pick_threshold(2 * y_true - 1, y_score, precision=0.8) == t
    assert evt.pick_threshold(y_true == 1, y_score, precision=0.8) == t
    words = np.where(y_true == 1, "spam", "ham")
    assert evt.pick_threshold(words, y_score, precision=0.8, pos_label="spam") == t
    proba = np.column_stack([1 - y_score, y_score])
    assert evt.pick_threshold(y_true, proba, precision=0.8) == t
    table = evt.evaluate_thresholds(
        [0.5], a=(words, y_score), pos_label="spam", columns=["tp"]
    )
    assert table["a"]["tp"].iloc[0] == np.sum((y_score >= 0.5) & (y_true == 1))
    runs = evt.tuning_optimism(
        words, y_score, precision=0.8, pos_label="spam", n_repeats=3, seed=1
    ).runs
    same = evt.tuning_optimism(y_true, y_score, precision=0.8, n_repeats=3, seed=1)
    np.testing.assert_array_equal(runs.to_numpy(), same.runs.to_numpy())


def test_mark_keyword_is_deprecated_and_reprs_are_one_line():
    y_true, y_score = _binary(19)
    with pytest.warns(DeprecationWarning, match="thresholds="):
        disp = evt.ThresholdDisplay.from_predictions(y_true, y_score, mark=[0.5])
    assert list(disp.marked["name"]) == ["t = 0.5"]
    assert repr(disp).startswith("ThresholdDisplay(") and "0x" not in repr(disp)
    ops = evt.OperatingPointsDisplay.from_predictions(y_true, y_score, thresholds=0.5)
    auc = skm.roc_auc_score(y_true, y_score)
    assert repr(ops).startswith(f"OperatingPointsDisplay(ROC AUC {format_area(auc)}")
    assert ops.figure_.get_layout_engine() is not None
    result = evt.TuningOptimism.from_predictions(
        y_true, y_score, recall=0.5, n_repeats=4
    )
    assert result.ax_ is not None and "\n" not in repr(result)
    assert repr(result).startswith("TuningOptimism(recall 0.5 on A: mean ")


def test_threshold_curves_hold_the_value_of_the_next_score():
    """Between two scores a threshold t keeps the samples scoring above t, so the
    curve takes the value at the next higher score (steps-pre), not the lower."""
    from evalviz.threshold import ThresholdDisplay

    disp = ThresholdDisplay.from_predictions(
        [0, 1, 0, 1, 1], [0.1, 0.4, 0.35, 0.8, 0.6]
    )
    line = disp.lines_["precision"]
    assert line.get_drawstyle() == "steps-pre"
    # at t = 0.2 the decision "score >= t" predicts 4 positives, 3 right
    y_true, y_score = np.array([0, 1, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8, 0.6])
    predicted = y_score >= 0.2
    assert (y_true[predicted] == 1).mean() == 0.75
    x, y = line.get_xdata(), line.get_ydata()
    assert y[np.searchsorted(x, 0.2)] == 0.75  # the value drawn on (0.10, 0.35]
