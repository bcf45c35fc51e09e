"""Tests for evalviz.widgets: the explorers work without a browser.

Setting a slider's value (as the browser would) must update the numbers, the
drawn artists and the PNG in the Output widget; every number is checked
against evalviz.metrics and scikit-learn.
"""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    accuracy_score,
    average_precision_score,
    confusion_matrix,
    precision_recall_fscore_support,
    roc_auc_score,
)

pytest.importorskip("ipywidgets")

from evalviz import metrics, widgets  # noqa: E402
from evalviz._format import format_count  # noqa: E402
from evalviz.confusion import ConfusionDisplay  # noqa: E402
from evalviz.widgets import _render  # noqa: E402


def binary_data(n=2000, seed=0):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(int)
    score = 1 / (1 + np.exp(-rng.normal(2.0 * y - 1.0, 1.3)))
    return y, np.round(score, 3)  # rounding makes ties


def multiclass_data(n=1500, k=4, seed=1):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k)) + 2.0 * np.eye(k)[y]
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return y, proba


def multilabel_data(n=1200, k=3, seed=2):
    rng = np.random.default_rng(seed)
    y = (rng.random((n, k)) < [0.2, 0.5, 0.1]).astype(int)
    score = 1 / (1 + np.exp(-rng.normal(2.0 * y - 1.0, 1.0)))
    return y, score


def png_of(output_widget) -> bytes:
    (item,) = output_widget.outputs
    assert item["output_type"] == "display_data"
    return base64.b64decode(item["data"]["image/png"])


def sklearn_numbers(truth, score, t):
    pred = (score >= t).astype(int)
    tn, fp, fn, tp = confusion_matrix(truth, pred, labels=[0, 1]).ravel()
    p, r, f, _ = precision_recall_fscore_support(
        truth, pred, average="binary", zero_division=0
    )
    return {
        "tn": tn,
        "fp": fp,
        "fn": fn,
        "tp": tp,
        "accuracy": accuracy_score(truth, pred),
        "precision": p,
        "recall": r,
        "f1": f,
    }


def assert_matches_sklearn(state, truth, score, skip=()):
    expected = sklearn_numbers(truth, score, state["threshold"])
    for key, value in expected.items():
        if key in skip:
            continue
        assert state[key] == pytest.approx(value, abs=1e-12), key


# --------------------------------------------------------------- imports


def test_import_evalviz_does_not_import_ipywidgets():
    code = (
        "import sys, evalviz, evalviz.widgets; "
        "assert 'ipywidgets' not in sys.modules, 'ipywidgets imported'; "
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -------------------------------------------------------- threshold explorer


def test_binary_slider_updates_numbers_image_and_artists():
    y, s = binary_data()
    ex = widgets.threshold_explorer(
        y, s, display_labels=["healthy", "sick"], threshold=0.5
    )
    assert ex.class_selector is None
    assert_matches_sklearn(ex.state, y, s)
    first_png, first_html = png_of(ex.output), ex.numbers.value

    ex.slider.value = 0.8
    state = ex.state
    assert state["threshold"] == pytest.approx(0.8)
    assert_matches_sklearn(state, y, s)
    assert state["tp"] + state["fp"] + state["tn"] + state["fn"] == y.size
    assert png_of(ex.output) != first_png
    assert ex.numbers.value != first_html
    for key in ("tp", "fp", "tn", "fn"):
        assert f">{format_count(state[key])}</td>" in ex.numbers.value
    # The threshold line, and the points on the ROC and PR curves, moved.
    (line,) = ex._dist_lines
    assert list(line.get_xdata()) == pytest.approx([0.8, 0.8])
    (roc_point,) = ex._roc_points
    assert roc_point.get_xdata()[0] == pytest.approx(state["fpr"])
    assert roc_point.get_ydata()[0] == pytest.approx(state["recall"])
    (pr_point,) = ex._pr_points
    assert pr_point.get_xdata()[0] == pytest.approx(state["recall"])
    assert pr_point.get_ydata()[0] == pytest.approx(state["precision"])


def test_numbers_match_evalviz_metrics_on_many_thresholds():
    y, s = binary_data(seed=3)
    ex = widgets.threshold_explorer(y, s)
    for t in np.round(np.linspace(0.0, 1.0, 21), 2):
        ex.slider.value = float(t)
        frame = ex.to_frame()
        row = metrics.counts_at_thresholds(y, s, [t]).iloc[0]
        for key in ("tp", "fp", "tn", "fn", "precision", "recall", "f1", "fpr"):
            assert frame[key].iloc[0] == pytest.approx(row[key]), (t, key)
        pred = (s >= t).astype(int)
        assert frame["accuracy"].iloc[0] == pytest.approx(metrics.accuracy(y, pred))
        assert_matches_sklearn(ex.state, y, s)


def test_confusion_fast_path_draws_what_the_display_draws():
    y, s = binary_data(seed=4)
    ex = widgets.threshold_explorer(y, s, display_labels=["no", "yes"])
    assert ex._live_cm is not None, "fast path refused the display's formatting"
    for t in (0.05, 0.35, 0.9, 1.0):
        ex.slider.value = t
        ex._canvas.render()
        fresh = ConfusionDisplay(
            ex.state["confusion_matrix"], display_labels=["no", "yes"]
        ).plot(colorbar=False)
        drawn = [(x.get_text(), x.get_color()) for x in ex._ax_cm.texts]
        expected = [(x.get_text(), x.get_color()) for x in fresh.ax_.texts]
        assert drawn == expected
        np.testing.assert_array_equal(
            ex._ax_cm.images[0].get_array(), fresh.ax_.images[0].get_array()
        )
        plt.close(fresh.figure_)


def test_confusion_falls_back_to_replotting(monkeypatch):
    y, s = binary_data(seed=5)
    monkeypatch.setattr(_render._LiveConfusion, "attach", classmethod(lambda *a: None))
    ex = widgets.threshold_explorer(y, s)
    assert ex._live_cm is None
    ex.slider.value = 0.7
    texts = [x.get_text().split("\n")[0] for x in ex._ax_cm.texts]
    cm = ex.state["confusion_matrix"]
    assert texts == [str(v) for v in cm.ravel()]
    assert png_of(ex.output)


def test_multiclass_class_selector():
    y, p = multiclass_data()
    names = ["ant", "bee", "cat", "dog"]
    ex = widgets.threshold_explorer(
        y, p, display_labels=names, pos_label="cat", threshold=0.4
    )
    assert ex.class_selector.value == 2
    assert ex.state["class"] == "cat"
    assert_matches_sklearn(ex.state, (y == 2).astype(int), p[:, 2])
    before = png_of(ex.output)
    ex.class_selector.value = 0
    assert ex.state["class"] == "ant"
    assert_matches_sklearn(ex.state, (y == 0).astype(int), p[:, 0])
    assert png_of(ex.output) != before
    ex.slider.value = 0.2
    assert_matches_sklearn(ex.state, (y == 0).astype(int), p[:, 0])
    assert "'ant' vs rest" in ex.numbers.value.replace("&#x27;", "'")


def test_multilabel_class_selector():
    y, s = multilabel_data()
    ex = widgets.threshold_explorer(y, s, display_labels=["red", "green", "blue"])
    for k in (2, 1):
        ex.class_selector.value = k
        ex.slider.value = 0.6
        assert_matches_sklearn(ex.state, y[:, k], s[:, k])
        ex.slider.value = 0.3
        assert_matches_sklearn(ex.state, y[:, k], s[:, k])
    # multi-label negatives are samples without the label, not "other classes"
    html_text = ex.numbers.value.replace("&#x27;", "'")
    assert "label 'green': present vs absent" in html_text
    assert "true no green" in html_text
    legend = [t.get_text() for t in ex.figure.axes[0].get_legend().get_texts()]
    assert any(t.startswith("negatives (no green label, n=") for t in legend)
    assert not any("other classes" in t for t in legend)


def test_logit_scale_and_logit_scores():
    y, s = binary_data(seed=6)
    ex = widgets.threshold_explorer(y, s, scale="logit")
    ex.slider.value = 0.9
    (line,) = ex._dist_lines
    assert line.get_xdata()[0] == pytest.approx(np.log10(0.9 / 0.1))
    logits = np.log(s.clip(1e-3, 1 - 1e-3) / (1 - s.clip(1e-3, 1 - 1e-3)))
    ex = widgets.threshold_explorer(y, logits, threshold=0.0)
    assert ex.slider.min < 0 < ex.slider.max
    ex.slider.value = 1.0
    assert_matches_sklearn(ex.state, y, logits)


def test_output_is_one_png_and_reprs_are_stable():
    y, s = binary_data(seed=7)
    ex = widgets.threshold_explorer(y, s, display_labels=["neg", "pos"])
    from PIL import Image

    image = Image.open(io.BytesIO(png_of(ex.output)))
    assert image.format == "PNG" and image.size[0] > 400
    ex.slider.value = 0.25
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    expected = sklearn_numbers(y, s, 0.25)
    recall = expected["tp"] / (expected["tp"] + expected["fn"])
    fpr = expected["fp"] / (expected["fp"] + expected["tn"])
    assert bundle["text/plain"] == (
        "ThresholdExplorer('pos' vs 'neg', threshold=0.25, 2,000 samples, "
        f"recall {recall:.3f}, FPR {fpr:.3f})"
    )
    again = widgets.threshold_explorer(y, s, display_labels=["neg", "pos"])
    again.slider.value = 0.25
    assert png_of(again.output) == png_of(ex.output)  # deterministic bytes


def test_encode_png_round_trip():
    from PIL import Image

    rng = np.random.default_rng(0)
    rgba = rng.integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    png = _render._encode_png(rgba)
    back = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    np.testing.assert_array_equal(back, rgba[..., :3])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"threshold": 1.5}, "outside the scores' range"),
        ({"scale": "log"}, "scale='log' is not one of"),
        ({"pos_label": 7}, "pos_label=7 is not among the labels"),
    ],
)
def test_threshold_explorer_errors(kwargs, match):
    y, s = binary_data(n=200)
    with pytest.raises(ValueError, match=match):
        widgets.threshold_explorer(y, s, **kwargs)


def test_multiclass_errors_name_the_argument():
    y, p = multiclass_data(n=300)
    with pytest.raises(ValueError, match="pos_label='emu' is neither a class value"):
        widgets.threshold_explorer(y, p, display_labels=list("abcd"), pos_label="emu")


# --------------------------------------------------------------- static twin


def test_small_multiples_numbers_and_axes():
    y, p = multiclass_data(seed=8)
    twin = widgets.threshold_small_multiples(
        y, p, display_labels=list("abcd"), pos_label=1, thresholds=(0.2, 0.5, 0.8)
    )
    frame = twin.to_frame()
    expected = metrics.counts_at_thresholds(
        (y == 1).astype(int), p[:, 1], [0.2, 0.5, 0.8]
    )
    for key in ("tp", "fp", "tn", "fn", "precision", "recall", "f1", "fpr"):
        np.testing.assert_allclose(frame[key], expected[key])
    twin.plot()
    fig = twin.figure_
    axes = fig.get_axes()
    assert len(axes) == 3 + 3  # three matrices, distributions, ROC, PR
    titles = [ax.get_title() for ax in axes]
    assert sum(t.startswith("score >= 0.5") for t in titles) == 1
    plt.close(fig)


def test_static_twin_from_explorer_uses_current_class():
    y, p = multiclass_data(seed=9)
    ex = widgets.threshold_explorer(y, p)
    ex.class_selector.value = 3
    twin = ex.static(thresholds=[0.5])
    row = twin.to_frame().iloc[0]
    expected = sklearn_numbers((y == 3).astype(int), p[:, 3], 0.5)
    assert row["tp"] == expected["tp"] and row["fp"] == expected["fp"]
    with pytest.raises(ValueError, match="between 1 and 6"):
        ex.static(thresholds=np.linspace(0.1, 0.9, 7))


# ------------------------------------------------------ prevalence explorer


def test_resample_prevalence_sizes_and_nesting():
    y, s = binary_data(n=3000, seed=10)
    n_pos, n_neg = int(y.sum()), int((1 - y).sum())
    for target in (0.05, 0.2, 0.3, 0.5, 0.9):
        yy, ss = widgets.resample_prevalence(y, s, target)
        assert yy.mean() == pytest.approx(target, abs=1.0 / yy.size)
        # as many samples as possible: one side is kept whole
        assert int(yy.sum()) == n_pos or int((1 - yy).sum()) == n_neg
    small_y, _ = widgets.resample_prevalence(y, s, 0.05)
    smaller_y, _ = widgets.resample_prevalence(y, s, 0.02)
    assert smaller_y.sum() < small_y.sum()
    with pytest.raises(ValueError, match="prevalence=0.9999 cannot be reached"):
        widgets.resample_prevalence(y, s, 0.9999)


def test_prevalence_explorer_auc_stays_precision_moves():
    y, s = binary_data(n=4000, seed=11)
    ex = widgets.prevalence_explorer(y, s, display_labels=["neg", "pos"], threshold=0.5)
    seen = {}
    for target in (0.05, 0.5, 0.9):
        ex.slider.value = target
        state = ex.state
        yy, ss = widgets.resample_prevalence(y, s, target)
        assert state["roc_auc"] == pytest.approx(roc_auc_score(yy, ss), abs=1e-9)
        assert state["average_precision"] == pytest.approx(
            average_precision_score(yy, ss), abs=1e-9
        )
        assert_matches_sklearn(state, yy, ss, skip=("f1",))  # F1 is not shown
        assert ex._marker.get_xdata()[0] == pytest.approx(state["prevalence"])
        (baseline,) = ex._baseline
        assert baseline.get_ydata()[0] == pytest.approx(state["prevalence"])
        seen[target] = state
    aucs = [seen[t]["roc_auc"] for t in seen]
    assert max(aucs) - min(aucs) < 0.03
    assert seen[0.9]["precision"] - seen[0.05]["precision"] > 0.3
    assert seen[0.9]["average_precision"] - seen[0.05]["average_precision"] > 0.3
    last = seen[0.9]
    assert repr(ex) == (
        "PrevalenceExplorer('pos' vs 'neg', prevalence=0.90, threshold=0.5, "
        f"ROC AUC {last['roc_auc']:.3f}, AP {last['average_precision']:.3f})"
    )
    assert ex._repr_mimebundle_()["text/plain"] == repr(ex)


def test_prevalence_sweep_table_and_plot():
    y, s = binary_data(n=3000, seed=12)
    sweep = widgets.PrevalenceSweep.from_predictions(
        y, s, prevalences=[0.05, 0.3, 0.6], threshold=0.5
    )
    table = sweep.to_frame()
    assert list(table["target"]) == [0.05, 0.3, 0.6]
    sweep.plot()
    drawn = {line.get_gid(): line for line in sweep.ax_.get_lines()}
    np.testing.assert_allclose(
        drawn["sweep:roc_auc"].get_ydata(), table["roc_auc"].to_numpy()
    )
    np.testing.assert_allclose(
        drawn["sweep:precision"].get_xdata(), table["prevalence"]
    )
    plt.close(sweep.figure_)


# ------------------------------------------------ static twin: readability


def legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_small_multiples_titles_name_the_data_and_the_cell_convention_once():
    y, p = multiclass_data(seed=13)
    twin = widgets.threshold_small_multiples(
        y,
        p,
        display_labels=list("abcd"),
        pos_label="b",
        thresholds=(0.2, 0.5, 0.8),
        context="baseline, validation",
    ).plot()
    fig = twin.figure_
    suptitles = [sf._suptitle.get_text() for sf in fig.subfigs if sf._suptitle]
    assert len(suptitles) == 1
    assert suptitles[0].startswith("'b' vs rest (baseline, validation)")
    assert suptitles[0].count("cell: count") == 1
    matrix_titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert sum("cell:" in t for t in matrix_titles) == 0
    assert {"score >= 0.2", "score >= 0.5", "score >= 0.8"} <= set(matrix_titles)
    dist = twin.axes_["distributions"]
    assert dist.get_title() == "Scores: 'b' vs rest (baseline, validation)"
    assert any(t.startswith("negatives (other classes, n=") for t in legend_texts(dist))
    plt.close(fig)


def test_small_multiples_multilabel_wording():
    y, s = multilabel_data(seed=14)
    twin = widgets.threshold_small_multiples(
        y, s, display_labels=["red", "green", "blue"], pos_label="red", thresholds=[0.5]
    ).plot()
    assert twin.full_title == "label 'red': present vs absent (multi-label)"
    texts = legend_texts(twin.axes_["distributions"])
    n_neg = int((y[:, 0] == 0).sum())
    assert f"negatives (no red label, n={n_neg})" in texts
    plt.close(twin.figure_)


def test_small_multiples_legends_are_large_and_below_the_axes():
    y, p = multiclass_data(seed=15)
    twin = widgets.threshold_small_multiples(y, p, thresholds=(0.3, 0.6)).plot()
    fig = twin.figure_
    fig.canvas.draw()
    # shown 1:1 in the notebook column (7.9 inches at 100 dpi): 10 points is
    # 14 pixels, as large as 12 points shown at the 0.8 scale of a wider figure
    assert fig.get_size_inches()[0] == pytest.approx(7.9)
    for name in ("distributions", "roc", "pr"):
        ax = twin.axes_[name]
        legend = ax.get_legend()
        assert {t.get_fontsize() for t in legend.get_texts()} == {10.0}
        # the whole legend sits under the axes: it covers no data
        assert legend.get_window_extent().y1 < ax.get_window_extent().y0
    plt.close(fig)


def near_perfect_data(n=3000, seed=16):
    """Scores piled near 0 and 1, like an easy class (Sandal)."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(int)
    score = 1 / (1 + np.exp(-rng.normal(24.0 * y - 12.0, 5.0)))
    return y, score


def test_small_multiples_spread_crowded_operating_points():
    y, s = near_perfect_data()
    twin = widgets.threshold_small_multiples(y, s, thresholds=(0.1, 0.5, 0.9))
    points = twin.to_frame()
    assert points["fpr"].max() < 0.05 and np.ptp(points["recall"]) < 0.08
    twin.plot()
    roc_ax, pr_ax = twin.axes_["roc"], twin.axes_["pr"]
    assert roc_ax.get_xscale() == "log"
    inset = twin.zoom_ax_
    assert inset is not None and inset in pr_ax.child_axes
    (x0, x1), (y0, y1) = inset.get_xlim(), inset.get_ylim()
    assert x0 <= points["recall"].min() and points["recall"].max() <= x1
    assert y0 <= points["precision"].min() and points["precision"].max() <= y1
    # the inset draws the same points as the main axes
    marks = sorted(
        (line.get_xdata()[0], line.get_ydata()[0])
        for line in inset.get_lines()
        if str(line.get_gid()).startswith("point:")
    )
    expected = sorted(zip(points["recall"], points["precision"], strict=True))
    np.testing.assert_allclose(marks, expected)
    plt.close(twin.figure_)


def test_small_multiples_keep_linear_axes_when_points_are_apart():
    y, p = multiclass_data(seed=17)
    twin = widgets.threshold_small_multiples(y, p, thresholds=(0.1, 0.5, 0.9)).plot()
    assert twin.axes_["roc"].get_xscale() == "linear"
    assert twin.zoom_ax_ is None
    plt.close(twin.figure_)


# ------------------------------------------------- F1-best thresholds


def sklearn_best_f1(truth, score):
    from sklearn.metrics import f1_score

    best_t, best_f = None, -1.0
    for t in np.unique(score):
        f = f1_score(truth, (score >= t).astype(int), zero_division=0)
        if f > best_f + 1e-15:
            best_t, best_f = float(t), f
    return best_t, best_f


def test_f1_best_thresholds_match_sklearn_brute_force():
    from sklearn.metrics import f1_score

    for seed in range(3):
        y, s = multilabel_data(n=300, seed=100 + seed)
        s = np.round(s, 2)  # ties
        yt, st = multilabel_data(n=250, seed=200 + seed)
        table = widgets.f1_best_thresholds(
            y, s, display_labels=["r", "g", "b"], test=(yt, st), default=0.5
        )
        assert list(table.index) == ["r", "g", "b"]
        for k, name in enumerate("rgb"):
            t, f = sklearn_best_f1(y[:, k], s[:, k])
            row = table.loc[name]
            assert row["threshold"] == pytest.approx(t)
            assert row["f1"] == pytest.approx(f, abs=1e-12)
            at_half = f1_score(y[:, k], (s[:, k] >= 0.5).astype(int))
            assert row["f1 at 0.5"] == pytest.approx(at_half, abs=1e-12)
            assert row["gain"] == pytest.approx(f - at_half, abs=1e-12)
            test_f = f1_score(yt[:, k], (st[:, k] >= t).astype(int))
            assert row["test f1"] == pytest.approx(test_f, abs=1e-12)
            test_half = f1_score(yt[:, k], (st[:, k] >= 0.5).astype(int))
            assert row["test f1 at 0.5"] == pytest.approx(test_half, abs=1e-12)


def test_f1_best_thresholds_multiclass_subset_and_errors():
    y, p = multiclass_data(n=400, seed=18)
    table = widgets.f1_best_thresholds(
        y, p, display_labels=list("abcd"), classes=["c", 0], default=0.3
    )
    assert list(table.index) == ["c", "a"]
    assert list(table.columns) == ["threshold", "f1", "f1 at 0.3", "gain"]
    t, f = sklearn_best_f1((y == 2).astype(int), p[:, 2])
    assert table.loc["c", "f1"] == pytest.approx(f, abs=1e-12)
    assert (table["gain"] >= -1e-12).all()  # in-sample: never worse
    with pytest.raises(ValueError, match="test must be a pair"):
        widgets.f1_best_thresholds(y, p, test=y)
    indicator = np.eye(4, dtype=int)[y]  # the same classes, as multi-label
    with pytest.raises(ValueError, match="same kind of targets"):
        widgets.f1_best_thresholds(y, p, test=(indicator, p))


# ------------------------------------------------- prevalence sweep plot


def test_prevalence_sweep_title_colours_and_zoom():
    from matplotlib.colors import same_color

    y, s = near_perfect_data(n=4000, seed=19)
    sweep = widgets.PrevalenceSweep.from_predictions(
        y, s, threshold=0.5, name="'pos' vs 'neg'", context="validation"
    ).plot()
    title = sweep.ax_.get_title()
    assert "threshold 0.5" in title and "validation" in title
    drawn = {line.get_gid(): line for line in sweep.ax_.get_lines()}
    assert not same_color(
        drawn["sweep:accuracy"].get_color(),
        drawn["sweep:average_precision"].get_color(),
    )
    region = sweep.zoom_region()
    assert region is not None
    inset = sweep.zoom_ax_
    assert inset is not None and inset in sweep.ax_.child_axes
    assert inset.get_xlim() == pytest.approx(region[:2])
    zoomed = {line.get_gid(): line for line in inset.get_lines()}
    table = sweep.to_frame()
    np.testing.assert_allclose(
        zoomed["zoom:average_precision"].get_ydata(), table["average_precision"]
    )
    # the inset lies right of the axes, under the legend: it covers no data
    sweep.figure_.canvas.draw()
    assert inset.get_window_extent().x0 > sweep.ax_.get_window_extent().x1
    plt.close(sweep.figure_)
    flat = widgets.PrevalenceSweep.from_predictions(
        *binary_data(seed=20), prevalences=[0.05, 0.1, 0.2]
    ).plot()
    assert flat.zoom_ax_ is None
    plt.close(flat.figure_)


# ------------------------------------------- one input model (issue 10, kind 2)

ISSUE_Y = np.array([1, 1, 2, 2, 1, 2])
ISSUE_S = np.array([0.1, 0.3, 0.8, 0.6, 0.4, 0.9])


def test_confusion_at_threshold_labels_1_2_need_pos_label():
    with pytest.raises(ValueError, match=r"pos_label=.*y_true == 2"):
        metrics.confusion_at_threshold(ISSUE_Y, ISSUE_S, 0.5)
    state = metrics.confusion_at_threshold(ISSUE_Y, ISSUE_S, 0.5, pos_label=2)
    assert (state["tp"], state["fp"], state["tn"], state["fn"]) == (3, 0, 3, 0)
    for t in (0.05, 0.35, 0.7, 0.95):
        state = metrics.confusion_at_threshold(ISSUE_Y, ISSUE_S, t, pos_label=2)
        assert_matches_sklearn(state, (ISSUE_Y == 2).astype(int), ISSUE_S)
        state = metrics.confusion_at_threshold(ISSUE_Y, ISSUE_S, t, pos_label=1)
        assert_matches_sklearn(state, (ISSUE_Y == 1).astype(int), ISSUE_S)


def test_widgets_labels_1_2_need_pos_label_with_the_clear_error():
    y = np.where(binary_data(n=400, seed=30)[0] == 1, 2, 1)
    s = binary_data(n=400, seed=30)[1]
    calls = (
        lambda **kw: widgets.threshold_explorer(y, s, **kw),
        lambda **kw: widgets.threshold_small_multiples(y, s, **kw),
        lambda **kw: widgets.prevalence_explorer(y, s, **kw),
        lambda **kw: widgets.f1_best_thresholds(y, s, **kw),
    )
    for call in calls:
        with pytest.raises(ValueError, match=r"pos_label=.*y_true == 2"):
            call()
    ex = widgets.threshold_explorer(y, s, pos_label=2, threshold=0.4)
    assert_matches_sklearn(ex.state, (y == 2).astype(int), s)
    assert ex.class_selector is None
    twin = widgets.threshold_small_multiples(y, s, pos_label=2, thresholds=[0.4])
    assert twin.to_frame()["tp"].iloc[0] == ex.state["tp"]
    table = widgets.f1_best_thresholds(y, s, pos_label=2)
    t, f = sklearn_best_f1((y == 2).astype(int), s)
    assert list(table.index) == ["2"]
    assert table["threshold"].iloc[0] == pytest.approx(t)
    assert table["f1"].iloc[0] == pytest.approx(f, abs=1e-12)


def test_minus_one_one_and_string_labels_work():
    y01, s = binary_data(n=500, seed=31)
    signed = np.where(y01 == 1, 1, -1)
    ex = widgets.threshold_explorer(signed, s, threshold=0.6)
    assert_matches_sklearn(ex.state, y01, s)
    assert ex._title == "'1' vs '-1'"
    words = np.where(y01 == 1, "yes", "no")
    with pytest.raises(ValueError, match=r"pos_label=.*y_true == 'yes'"):
        widgets.threshold_explorer(words, s)
    ex = widgets.threshold_explorer(words, s, pos_label="yes", threshold=0.6)
    assert_matches_sklearn(ex.state, y01, s)
    assert "true no" in ex.numbers.value and "predicted yes" in ex.numbers.value
    # multi-class string labels: sorted classes, names taken from them
    y, p = multiclass_data(n=600, k=3, seed=32)
    animals = np.array(["cat", "dog", "emu"])[y]
    ex = widgets.threshold_explorer(animals, p, pos_label="dog", threshold=0.4)
    assert [o[0] for o in ex.class_selector.options] == ["cat", "dog", "emu"]
    assert ex.state["class"] == "dog"
    assert_matches_sklearn(ex.state, (y == 1).astype(int), p[:, 1])


def test_predict_proba_matrix_is_one_column_per_class():
    y, s = binary_data(n=500, seed=33)
    proba = np.column_stack([1 - s, s])
    ex = widgets.threshold_explorer(y, proba, threshold=0.3)
    assert_matches_sklearn(ex.state, y, s)
    assert ex.class_selector is None


def test_multiclass_logits_are_refused_with_the_teaching_error():
    y, p = multiclass_data(n=300, seed=34)
    logits = np.log(p) + 3.0  # same softmax, same argmax
    calls = (
        widgets.threshold_explorer,
        widgets.threshold_small_multiples,
        widgets.prevalence_explorer,
        widgets.f1_best_thresholds,
    )
    for call in calls:
        with pytest.raises(ValueError, match=r"softmax\(y_score, axis=1\)"):
            call(y, logits)


def test_labels_as_names_still_work_with_a_deprecation_warning():
    y, s = binary_data(n=300, seed=35)
    with pytest.warns(DeprecationWarning, match="display_labels"):
        ex = widgets.threshold_explorer(y, s, labels=["healthy", "sick"])
    assert ex._title == "'sick' vs 'healthy'"


# ------------------------------------------- numbers on screen (kind 7)


def near_one_auc_data():
    """500 positives, 500 negatives, 100 discordant pairs: ROC AUC 0.9996."""
    y = np.repeat([1, 0, 1], [100, 500, 400])
    s = np.concatenate([np.full(100, 0.5), np.r_[0.55, np.full(499, 0.1)], [0.9] * 400])
    return y, s


def test_auc_of_0_9996_shows_as_0_9996_not_1_000():
    y, s = near_one_auc_data()
    assert roc_auc_score(y, s) == pytest.approx(0.9996, abs=1e-12)
    ex = widgets.prevalence_explorer(y, s, threshold=0.5)
    assert ex.state["positives"] == 500 and ex.state["negatives"] == 500
    assert ex.state["roc_auc"] == pytest.approx(0.9996, abs=1e-12)
    shown = dict(
        re.findall(r"<th[^>]*>([^<]*)</th><td[^>]*>([^<]*)</td>", ex.numbers.value)
    )
    assert shown["ROC AUC"] == "0.9996"  # was "1.000" with 3 decimals
    assert shown["recall (TPR)"] == "1.000"  # exactly 1
    assert "ROC AUC 0.9996" in repr(ex)


def test_precision_of_0_9996_shows_as_0_9996():
    y = np.repeat([1, 0, 0], [2499, 1, 500])
    s = np.repeat([0.9, 0.8, 0.1], [2499, 1, 500])
    ex = widgets.threshold_explorer(y, s, threshold=0.5)
    assert ex.state["precision"] == pytest.approx(2499 / 2500)
    assert ">0.9996</td>" in ex.numbers.value
    assert ">2,499</td>" in ex.numbers.value  # counts with separators


# ------------------------------------------- computations behind the widgets


def test_resample_prevalence_is_deterministic_with_a_seed():
    y = np.repeat([0, 1], [30, 20])
    s = np.arange(50) / 50
    kept = {}
    for seed in (0, 1):
        yy, ss = metrics.resample_prevalence(y, s, 0.2, seed=seed)
        assert (yy.size, int(yy.sum())) == (38, 8)  # every negative, 8 positives
        kept[seed] = np.flatnonzero(np.isin(s, ss[yy == 1])).tolist()
        again = metrics.resample_prevalence(y, s, 0.2, seed=seed)
        np.testing.assert_array_equal(again[1], ss)
    assert kept[0] == [32, 33, 34, 36, 41, 43, 46, 49]
    assert kept[1] == [31, 37, 40, 41, 42, 46, 47, 48]
    assert metrics.prevalence_bounds(y) == (5 / 35, 20 / 25)
    with pytest.raises(ValueError, match="prevalence=0.9 cannot be reached"):
        metrics.resample_prevalence(y, s, 0.9)


def test_prevalence_sweep_matches_sklearn_on_each_resample():
    y, s = binary_data(n=1500, seed=36)
    table = metrics.prevalence_sweep(
        y, s, [0.02, 0.1, 0.5, 0.99], threshold=0.4, seed=3
    )
    assert table["target"].tolist() == [0.02, 0.1, 0.5]  # 0.99 cannot be reached
    for row in table.to_dict("records"):
        yy, ss = metrics.resample_prevalence(y, s, row["target"], seed=3)
        assert row["prevalence"] == pytest.approx(yy.mean())
        assert row["roc_auc"] == pytest.approx(roc_auc_score(yy, ss), abs=1e-12)
        assert row["average_precision"] == pytest.approx(
            average_precision_score(yy, ss), abs=1e-12
        )
        assert_matches_sklearn({**row, "threshold": 0.4}, yy, ss, skip=("f1",))


def test_widgets_pass_names_and_thresholds_without_deprecations():
    import warnings

    y, s = binary_data(n=300, seed=41)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        twin = widgets.threshold_small_multiples(
            y, s, thresholds=(0.3, 0.7), display_labels=["no", "yes"]
        ).plot()
        ex = widgets.threshold_explorer(y, s, display_labels=["no", "yes"])
    legend = [
        t.get_text() for t in twin.axes_["distributions"].get_legend().get_texts()
    ]
    assert [t.split(":")[0] for t in legend[3:]] == ["score >= 0.3", "score >= 0.7"]
    assert "no, n=" in legend[0]
    assert [t.get_text() for t in ex._ax_cm.get_yticklabels()] == ["no", "yes"]
    plt.close(twin.figure_)


def test_reprs_are_one_line_with_the_numbers():
    y, s = binary_data(n=800, seed=37)
    twin = widgets.threshold_small_multiples(y, s, thresholds=(0.3, 0.7))
    recalls = [sklearn_numbers(y, s, t) for t in (0.3, 0.7)]
    recalls = [f"{r['tp'] / (r['tp'] + r['fn']):.3f}" for r in recalls]
    assert repr(twin) == (
        f"ThresholdSmallMultiples('1' vs '0', thresholds 0.3, 0.7: recall "
        f"{recalls[0]}, {recalls[1]})"
    )
    sweep = widgets.PrevalenceSweep.from_predictions(y, s, prevalences=[0.1, 0.3])
    table = sweep.to_frame()
    text = repr(sweep)
    assert "\n" not in text and "0x" not in text
    assert text.startswith("PrevalenceSweep(threshold 0.5, prevalence 0.1 to 0.3:")
    assert f"ROC AUC {table['roc_auc'].min():.3f}" in text


# ------------------------------- sized for a 1280 x 800 screen (classroom kit)

# The notebook column of a 1280-pixel-wide JupyterLab (tests/test_figure_widths.py)
COLUMN_PX = 848


def _png_size(png: bytes) -> tuple[int, int]:
    import struct

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def _overlapping_labels(ax, renderer) -> list[tuple[str, str]]:
    boxes = [
        (t.get_text(), t.get_window_extent(renderer))
        for t in ax.get_xticklabels()
        if t.get_visible() and t.get_text()
    ]
    lo, hi = ax.get_window_extent(renderer).x0 - 60, ax.get_window_extent().x1 + 60
    boxes = [(s, b) for s, b in boxes if lo <= b.x0 and b.x1 <= hi]
    return [
        (a, b)
        for (a, ba), (b, bb) in zip(boxes, boxes[1:], strict=False)
        if ba.x1 > bb.x0
    ]


@pytest.mark.parametrize("scale", ["logit", "linear"])
def test_ten_class_explorer_fits_the_column_with_wide_axes_and_readable_ticks(scale):
    y, p = multiclass_data(n=3000, k=10, seed=21)
    names = [f"class {i}" for i in range(10)]
    ex = widgets.threshold_explorer(
        y, p, display_labels=names, pos_label="class 5", scale=scale
    )
    for k in (5, 0):
        ex.class_selector.value = k
        width, height = _png_size(png_of(ex.output))
        assert width <= COLUMN_PX and height <= 700
        renderer = ex.figure.canvas.get_renderer()
        # was 115 pixels for the distributions of 10 classes on a logit axis
        assert ex.figure.axes[0].get_window_extent(renderer).width >= 350
        for ax in ex.figure.axes:
            box = ax.get_window_extent(renderer)
            assert box.width >= 200, (ax.get_title(), box.width)
            assert box.height >= 150, (ax.get_title(), box.height)
            assert _overlapping_labels(ax, renderer) == [], ax.get_title()
            assert min(t.get_fontsize() for t in ax.get_xticklabels()) >= 9


def test_thin_xticks_drops_only_labels_that_overlap():
    fig = plt.figure(figsize=(2.0, 1.5), dpi=100)
    ax = fig.add_subplot()
    ticks = [0, 1, 2, 3, 4, 5]
    ax.set_xlim(0, 5)
    ax.set_xticks(ticks, ["<1e-9", "1e-6", "1e-3", "0.5", "0.999", "1"])
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    assert _overlapping_labels(ax, renderer) != []  # the case being fixed
    kept = _render._thin_xticks(ax)
    fig.canvas.draw()
    assert kept[0] == "<1e-9" and kept[-1] == "1"  # the ends stay
    assert 2 <= len(kept) < 6
    assert _overlapping_labels(ax, renderer) == []
    plt.close(fig)


def test_slider_marks_are_drawn_in_the_highlight_colour():
    from matplotlib.colors import same_color

    from evalviz._plotting import HIGHLIGHT

    y, s = binary_data(seed=22)
    ex = widgets.threshold_explorer(y, s)
    assert ex._dist_lines and ex._roc_points and ex._pr_points
    assert all(same_color(line.get_color(), HIGHLIGHT) for line in ex._dist_lines)
    for line in ex._roc_points + ex._pr_points:
        assert same_color(line.get_markerfacecolor(), HIGHLIGHT)
    for ax in ex.figure.axes:
        legend = ax.get_legend()
        if legend is None:
            continue
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True):
            if text.get_text() in ("threshold (slider)", "score >= threshold"):
                face = handle.get_markerfacecolor()
                colour = (
                    handle.get_color()
                    if handle.get_marker() in ("None", None, "")
                    else face
                )
                assert same_color(colour, HIGHLIGHT), text.get_text()
    pv = widgets.prevalence_explorer(y, s)
    assert same_color(pv._marker.get_color(), HIGHLIGHT)


def test_mime_bundle_carries_the_current_picture_for_viewers_without_a_kernel():
    y, s = binary_data(seed=23)
    for ex in (widgets.threshold_explorer(y, s), widgets.prevalence_explorer(y, s)):
        ex.slider.value = 0.3
        bundle = ex._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
        assert base64.b64decode(bundle["image/png"]) == png_of(ex.output)
        assert bundle["text/plain"] == repr(ex)
        assert _png_size(png_of(ex.output))[0] <= COLUMN_PX


def test_numbers_panel_takes_its_colours_from_the_jupyterlab_theme():
    y, s = binary_data(seed=24)
    for ex in (widgets.threshold_explorer(y, s), widgets.prevalence_explorer(y, s)):
        text = ex.numbers.value
        assert "var(--jp-ui-font-color1" in text
        assert "var(--jp-ui-font-color2" in text
        # no fixed text colour: #444 on JupyterLab's dark #111 was 1.9:1
        assert re.findall(r"color:\s*#", text) == []


def test_explorer_picture_follows_the_style_it_was_made_in():
    from matplotlib.colors import to_rgb
    from test_colours import contrast

    y, p = multiclass_data(k=4, seed=25)
    with plt.style.context("dark_background"):
        ex = widgets.threshold_explorer(y, p, pos_label=1, scale="logit")
    ex.class_selector.value = 2  # redrawn outside the style: same colours
    ex.slider.value = 0.3
    fig = ex.figure
    assert contrast(fig.get_facecolor(), "#000000") < 1.1  # dark paper
    checked = 0
    for ax in fig.axes:
        if ax.images:
            continue  # texts on a colour map sit on its cells
        texts = [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.get_xticklabels()]
        legend = ax.get_legend()
        texts += list(legend.get_texts()) if legend else []
        for t in texts:
            if t.get_text().strip():
                assert contrast(to_rgb(t.get_color()), fig.get_facecolor()) >= 4.5
                checked += 1
    assert checked > 20


def test_small_multiples_on_a_logit_axis():
    # the distributions sit in a SubFigure: their ticks are spaced after the
    # whole figure's layout
    y, p = multiclass_data(k=10, n=3000, seed=26)
    twin = widgets.threshold_small_multiples(
        y, p, pos_label=3, thresholds=(0.1, 0.5, 0.9), scale="logit"
    ).plot()
    fig = twin.figure_
    fig.canvas.draw()
    ax = twin.axes_["distributions"]
    assert _overlapping_labels(ax, fig.canvas.get_renderer()) == []
    assert len([t for t in ax.get_xticklabels() if t.get_text()]) >= 2
    plt.close(fig)
