"""Multi-class ROC / PR curves, checked against scikit-learn on random cases."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn import metrics as skm  # noqa: E402
from sklearn.preprocessing import label_binarize  # noqa: E402

import evalviz as ev  # noqa: E402
from evalviz import curves  # noqa: E402
from evalviz._curves_display import _OTHER_COLOR  # noqa: E402
from evalviz._plotting import format_area  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _multiclass(seed, n=300, k=5, ties=False, one_positive=False):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    if one_positive:
        y[y == k - 1] = 0
        y[rng.integers(n)] = k - 1
    for c in range(k):  # every class present
        y[c] = c
    logits = rng.normal(size=(n, k))
    logits[np.arange(n), y] += rng.uniform(0, 3, n)
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    if ties:  # rounded, then rows rescaled to sum to 1 (equal rows stay tied)
        p = np.round(p, 1)
        p /= p.sum(axis=1, keepdims=True)
    return y, p


def _on_full_curve(fpr, tpr, y01, s):
    """Every returned point is a point of scikit-learn's full ROC curve."""
    f_all, t_all, _ = skm.roc_curve(y01, s, drop_intermediate=False)
    full = set(zip(np.round(f_all, 12), np.round(t_all, 12), strict=True))
    got = set(zip(np.round(fpr, 12), np.round(tpr, 12), strict=True))
    return got <= full


CASES = [
    dict(seed=s, ties=s % 3 == 0, one_positive=s % 4 == 1, k=3 + s % 8)
    for s in range(24)
]


@pytest.mark.parametrize("case", CASES)
def test_roc_matches_sklearn(case):
    y, p = _multiclass(
        case["seed"], k=case["k"], ties=case["ties"], one_positive=case["one_positive"]
    )
    k = p.shape[1]
    Y = label_binarize(y, classes=np.arange(k))
    res = ev.roc(y, p)
    expected = skm.roc_auc_score(Y, p, average=None)
    np.testing.assert_allclose(res.areas.to_numpy(), expected, atol=1e-9)
    for j, name in enumerate(res.class_names):
        fpr, tpr, _ = res.per_class[name]
        assert _on_full_curve(fpr, tpr, Y[:, j], p[:, j])
        assert np.trapezoid(tpr, fpr) == pytest.approx(expected[j], abs=1e-9)
    micro = skm.roc_auc_score(Y, p, average="micro")
    assert res.micro["area"] == pytest.approx(micro, abs=1e-9)
    assert np.trapezoid(res.micro["y"], res.micro["x"]) == pytest.approx(
        micro, abs=1e-9
    )
    macro = skm.roc_auc_score(Y, p, average="macro")
    assert res.macro["mean_of_areas"] == pytest.approx(macro, abs=1e-9)
    # exact vertical average: its area is the mean of the areas
    assert res.macro["area_of_curve"] == pytest.approx(macro, abs=1e-9)
    assert np.trapezoid(res.macro["y"], res.macro["x"]) == pytest.approx(
        macro, abs=1e-9
    )


@pytest.mark.parametrize("case", CASES)
def test_pr_matches_sklearn(case):
    y, p = _multiclass(
        case["seed"], k=case["k"], ties=case["ties"], one_positive=case["one_positive"]
    )
    k = p.shape[1]
    Y = label_binarize(y, classes=np.arange(k))
    res = ev.pr(y, p)
    expected = skm.average_precision_score(Y, p, average=None)
    np.testing.assert_allclose(res.areas.to_numpy(), expected, atol=1e-9)
    for j, name in enumerate(res.class_names):
        recall, precision, thr = res.per_class[name]
        sk_p, sk_r, sk_t = skm.precision_recall_curve(Y[:, j], p[:, j])
        np.testing.assert_allclose(recall, sk_r, atol=1e-12)
        np.testing.assert_allclose(precision, sk_p, atol=1e-12)
        np.testing.assert_allclose(thr[:-1], sk_t, atol=1e-12)
        # the drawn steps sum to AP
        step_area = -np.sum(np.diff(recall) * precision[:-1])
        assert step_area == pytest.approx(expected[j], abs=1e-9)
    micro = skm.average_precision_score(Y, p, average="micro")
    assert res.micro["area"] == pytest.approx(micro, abs=1e-9)
    macro = skm.average_precision_score(Y, p, average="macro")
    assert res.macro["mean_of_areas"] == pytest.approx(macro, abs=1e-9)
    assert res.macro["area_of_curve"] == pytest.approx(macro, abs=1e-9)


def test_macro_grid_reproduces_gallery_average():
    y, p = _multiclass(3, k=4, ties=True)
    Y = label_binarize(y, classes=np.arange(4))
    res = ev.roc(y, p, macro_grid=1000)
    grid = np.linspace(0, 1, 1000)
    mean_tpr = np.zeros_like(grid)
    for j in range(4):
        fpr, tpr, _ = skm.roc_curve(Y[:, j], p[:, j])
        mean_tpr += np.interp(grid, fpr, tpr)
    mean_tpr /= 4
    np.testing.assert_allclose(res.macro["y"][1:], mean_tpr, atol=1e-12)
    area = skm.auc(np.r_[0, grid], np.r_[0, mean_tpr])
    assert res.macro["area_of_curve"] == pytest.approx(area, abs=1e-12)
    frame = res.to_frame()
    assert frame.loc["macro curve", "AUC"] == pytest.approx(area, abs=1e-12)
    assert frame.loc["macro", "AUC"] == pytest.approx(skm.roc_auc_score(Y, p), abs=1e-9)


def test_binary_input():
    rng = np.random.default_rng(5)
    y = rng.integers(0, 2, 200)
    s = np.round(y * 0.5 + rng.normal(size=200), 1)
    res = ev.roc(y, s, display_labels=["ham", "spam"])
    assert res.class_names == ["spam"]
    assert res.areas["spam"] == pytest.approx(skm.roc_auc_score(y, s), abs=1e-12)
    assert res.micro is None and res.macro is None
    # default operating point for binary scores: threshold 0.5
    row = res.operating_points.iloc[0]
    assert row["threshold"] == 0.5
    assert row["tp"] == np.sum((s >= 0.5) & (y == 1))
    assert row["fp"] == np.sum((s >= 0.5) & (y == 0))
    res.plot()
    labels = [t.get_text() for t in res.ax_.get_legend().get_texts()]
    assert any(t.startswith("spam (AUC") for t in labels)
    pr_res = ev.pr(y, s)
    assert pr_res.areas["1"] == pytest.approx(
        skm.average_precision_score(y, s), abs=1e-12
    )


def test_multilabel_input():
    rng = np.random.default_rng(7)
    Y = (rng.random((250, 6)) < [0.5, 0.3, 0.1, 0.05, 0.4, 0.2]).astype(int)
    Y[0] = 1
    Y[1] = 0
    S = np.round(Y * 0.4 + rng.random((250, 6)), 2)
    res = ev.roc(Y, S)
    np.testing.assert_allclose(
        res.areas.to_numpy(), skm.roc_auc_score(Y, S, average=None), atol=1e-9
    )
    assert res.micro["area"] == pytest.approx(
        skm.roc_auc_score(Y, S, average="micro"), abs=1e-9
    )
    assert res.kind == "multilabel"
    # multi-label: default point at 0.5 per label, no argmax
    assert set(res.operating_points["point"]) == {"score >= 0.5"}
    res_pr = ev.pr(Y, S)
    np.testing.assert_allclose(
        res_pr.areas.to_numpy(),
        skm.average_precision_score(Y, S, average=None),
        atol=1e-9,
    )
    res_pr.plot()  # prevalences differ: one dotted line per label
    gids = [line.get_gid() for line in res_pr.ax_.lines]
    assert sum(str(g).startswith("baseline:") for g in gids) == 6


def test_operating_points_argmax_and_threshold():
    y, p = _multiclass(11, k=4)
    res = ev.roc(y, p, thresholds=[0.9, 0.3])
    ops = res.operating_points
    cm = skm.confusion_matrix(y, p.argmax(axis=1))
    arg = ops[ops["point"] == "argmax"].reset_index(drop=True)
    for j in range(4):
        tp = cm[j, j]
        fp = cm[:, j].sum() - tp
        fn = cm[j].sum() - tp
        assert arg.loc[j, ["tp", "fp", "fn"]].tolist() == [tp, fp, fn]
        assert arg.loc[j, "tpr"] == pytest.approx(tp / (tp + fn))
        assert arg.loc[j, "fpr"] == pytest.approx(fp / (len(y) - tp - fn))
        assert arg.loc[j, "precision"] == pytest.approx(tp / (tp + fp))
    thr = ops[ops["point"] == "score >= 0.9"].reset_index(drop=True)
    for j in range(4):
        pos = y == j
        assert thr.loc[j, "tp"] == np.sum(pos & (p[:, j] >= 0.9))
        assert thr.loc[j, "fp"] == np.sum(~pos & (p[:, j] >= 0.9))
    # threshold points lie on the curves
    for j in range(4):
        fpr, tpr, _ = skm.roc_curve(y == j, p[:, j], drop_intermediate=False)
        row = thr.loc[j]
        assert np.any(np.isclose(fpr, row["fpr"]) & np.isclose(tpr, row["tpr"]))
    assert len(ops) == 12


def test_roc_plot_draws_the_numbers():
    y, p = _multiclass(2, k=10, n=600)
    names = [f"class {i}" for i in range(10)]
    res = ev.roc(y, p, display_labels=names, thresholds=0.8)
    out = res.plot()
    assert out is res and res.ax_ is not None and res.figure_ is res.ax_.figure
    lines = {line.get_gid(): line for line in res.ax_.lines}
    fpr, tpr, _ = res.per_class["class 3"]
    np.testing.assert_array_equal(lines["class:class 3"].get_xdata(), fpr)
    np.testing.assert_array_equal(lines["class:class 3"].get_ydata(), tpr)
    np.testing.assert_array_equal(lines["micro"].get_xdata(), res.micro["x"])
    np.testing.assert_array_equal(lines["macro"].get_ydata(), res.macro["y"])
    assert "chance" in lines
    texts = [t.get_text() for t in res.ax_.get_legend().get_texts()]
    assert f"class 3 (AUC {format_area(res.areas['class 3'])})" in texts
    assert f"micro average (AUC {format_area(res.micro['area'])})" in texts
    assert f"macro average (AUC {format_area(res.macro['mean_of_areas'])})" in texts
    assert "argmax" in texts and "score >= 0.8" in texts
    # legend is outside the axes (to the right)
    assert res.ax_.get_legend().get_bbox_to_anchor().x0 > res.ax_.bbox.x1 - 1
    ops = res.operating_points
    marker = lines["point:argmax:class 3"]
    row = ops[(ops["point"] == "argmax") & (ops["class"] == "class 3")].iloc[0]
    assert marker.get_xdata()[0] == row["fpr"] and marker.get_ydata()[0] == row["tpr"]
    # log scale and subset
    fig, ax = plt.subplots()
    res.plot(ax=ax, classes=["class 1", 4], xscale="log", micro=False, legend=None)
    assert res.ax_ is ax and ax.get_xscale() == "log"
    gids = {line.get_gid() for line in ax.lines}
    assert {"class:class 1", "class:class 4"} <= gids
    assert "class:class 0" not in gids and "micro" not in gids
    assert ax.get_legend() is None


def test_macro_label_shows_both_definitions_when_they_differ():
    y, p = _multiclass(4, k=3, n=60)
    res = ev.roc(y, p, macro_grid=5)
    assert abs(res.macro["area_of_curve"] - res.macro["mean_of_areas"]) > 5e-4
    res.plot()
    texts = [t.get_text() for t in res.ax_.get_legend().get_texts()]
    assert any("mean of AUCs" in t and "area of averaged curve" in t for t in texts)


def test_pr_plot_baseline_iso_f1_and_points():
    y, p = _multiclass(9, k=4, n=400)
    y = np.repeat(np.arange(4), 100)  # equal prevalence: one baseline
    res = ev.pr(y, p)
    res.plot(iso_f1=[0.5, 0.8])
    lines = {line.get_gid(): line for line in res.ax_.lines}
    assert lines["baseline"].get_ydata()[0] == pytest.approx(0.25)
    for f in (0.5, 0.8):
        r = lines[f"iso_f1:{f:g}"].get_xdata()
        q = lines[f"iso_f1:{f:g}"].get_ydata()
        np.testing.assert_allclose(2 * q * r / (q + r), f, atol=1e-6)
    recall, precision, _ = res.per_class["2"]
    # drawn: every threshold's point, not scikit-learn's (recall 0, precision 1)
    np.testing.assert_array_equal(lines["class:2"].get_xdata(), recall[:-1])
    np.testing.assert_array_equal(lines["class:2"].get_ydata(), precision[:-1])
    assert lines["class:2"].get_drawstyle() == "steps-post"
    ops = res.operating_points
    row = ops[(ops["point"] == "argmax") & (ops["class"] == "2")].iloc[0]
    marker = lines["point:argmax:2"]
    assert marker.get_xdata()[0] == row["tpr"]
    assert marker.get_ydata()[0] == row["precision"]
    texts = [t.get_text() for t in res.ax_.get_legend().get_texts()]
    assert "chance: precision = prevalence (0.250)" in texts


def test_to_frame_tables():
    y, p = _multiclass(1, k=3)
    res = ev.roc(y, p, display_labels=["a", "b", "c"])
    summary = res.to_frame()
    assert list(summary.index) == ["a", "b", "c", "micro", "macro", "macro curve"]
    assert summary.loc["b", "positives"] == np.sum(y == 1)
    assert summary.loc["b", "negatives"] == np.sum(y != 1)
    points = res.to_frame("points")
    assert set(points["curve"]) == {"a", "b", "c", "micro", "macro"}
    assert len(points[points["curve"] == "a"]) == len(res.per_class["a"][0])
    assert res.to_frame("operating_points").shape[0] == 3
    with pytest.raises(ValueError, match="what"):
        res.to_frame("everything")


def test_shortcuts_and_errors():
    assert ev.roc is curves.roc and ev.pr is curves.pr
    y, p = _multiclass(0, k=3)
    with pytest.raises(ValueError, match="labels"):
        ev.roc(y, p, labels=["a", "b"])
    Y = label_binarize(y, classes=[0, 1, 2])
    Y[:, 2] = 0
    with pytest.raises(ValueError, match="class '2'"):
        ev.roc(Y, p)
    res = ev.roc(y, p)
    with pytest.raises(ValueError, match="classes"):
        res.plot(classes=["nope"])
    with pytest.raises(ValueError, match="xscale"):
        res.plot(xscale="logit")


def test_library_does_not_touch_global_state():
    y, p = _multiclass(0, k=3)
    before = dict(matplotlib.rcParams)
    n_figs = len(plt.get_fignums())
    ev.roc(y, p)  # computing draws nothing
    assert len(plt.get_fignums()) == n_figs
    ev.roc(y, p).plot()
    assert dict(matplotlib.rcParams) == before


def test_named_thresholds_in_table_and_legend():
    y, p = _multiclass(12, k=4)
    marks = {"90% precision": 0.0135746, "0.5": 0.5}
    for make in (ev.roc, ev.pr):
        res = make(y, p, display_labels=list("abcd"), thresholds=marks)
        ops = res.operating_points
        named = ops[ops["point"] == "90% precision"]
        assert len(named) == 4
        np.testing.assert_allclose(named["threshold"], 0.0135746)
        for j, name in enumerate("abcd"):
            row = named[named["class"] == name].iloc[0]
            assert row["tp"] == np.sum((y == j) & (p[:, j] >= 0.0135746))
        assert set(ops["point"]) == {"argmax", "90% precision", "0.5"}
        res.plot()
        texts = [t.get_text() for t in res.ax_.get_legend().get_texts()]
        assert "90% precision" in texts and "0.5" in texts
        assert not any(t.startswith("score >=") for t in texts)
        gids = {line.get_gid() for line in res.ax_.lines}
        assert "point:90% precision:a" in gids
        plt.close("all")
    # plain numbers keep their "score >= t" names
    res = ev.roc(y, p, thresholds=[0.25])
    assert set(res.operating_points["point"]) == {"argmax", "score >= 0.25"}
    with pytest.raises(ValueError, match="thresholds"):
        ev.roc(y, p, thresholds={"bad": "high"})
    with pytest.raises(ValueError, match="empty name"):
        ev.roc(y, p, thresholds={"": 0.5})


@pytest.mark.parametrize(
    "value, text",
    [
        (0.9996, "0.9996"),
        (0.99996, "0.99996"),
        (0.9994, "0.999"),
        (0.98765, "0.988"),
        (0.0004, "0.0004"),
        (1.0, "1.000"),
        (0.0, "0.000"),
        (0.5, "0.500"),
    ],
)
def test_area_format_never_rounds_to_perfect(value, text):
    assert format_area(value) == text


def test_near_perfect_auc_is_not_printed_as_one():
    rng = np.random.default_rng(3)
    y = np.repeat([0, 1], 2000)
    s = y * 5.0 + rng.normal(size=y.size)
    auc = skm.roc_auc_score(y, s)
    assert 0.999 < auc < 1.0 and f"{auc:.3f}" == "1.000"
    res = ev.roc(y, s, display_labels=["no", "yes"])
    res.plot()
    texts = [t.get_text() for t in res.ax_.get_legend().get_texts()]
    label = next(t for t in texts if t.startswith("yes (AUC"))
    assert "1.000" not in label
    shown = float(label.split("AUC ")[1].rstrip(")"))
    assert shown < 1.0 and abs(shown - auc) < 1e-4


def test_log_axis_shows_fpr_zero_at_a_labelled_tick():
    y, p = _multiclass(2, k=4, n=400)
    p[y == 0, 0] += 10.0  # class 0: many positives above every negative
    p /= p.sum(axis=1, keepdims=True)
    res = ev.roc(y, p, display_labels=list("abcd"), thresholds={"high": 0.9})
    res.plot(xscale="log")
    ax = res.ax_
    lo, hi = ax.get_xlim()
    assert ax.get_xscale() == "log" and lo > 0 and hi == 1.0
    labels = [t.get_text() for t in ax.get_xticklabels()]
    zero_at = ax.get_xticks()[labels.index("0")]
    smallest = 1.0 / res.n_neg.sum()  # the micro curve pools every negative
    assert lo < zero_at < smallest
    lines = {line.get_gid(): line for line in ax.lines}
    fpr, tpr, _ = res.per_class["a"]
    x = lines["class:a"].get_xdata()
    np.testing.assert_array_equal(x[fpr == 0], zero_at)
    np.testing.assert_array_equal(x[fpr > 0], fpr[fpr > 0])
    assert (lines["micro"].get_xdata() >= zero_at).all()
    ops = res.operating_points
    row = ops[(ops["point"] == "high") & (ops["class"] == "a")].iloc[0]
    assert row["fpr"] == 0 and row["tpr"] > 0.5
    marker = lines["point:high:a"]
    assert marker.get_xdata()[0] == zero_at and marker.get_ydata()[0] == row["tpr"]
    assert not marker.get_clip_on()
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("curved" in t for t in texts)
    assert any("area you see is not the AUC" in t for t in texts)
    assert sum(a.get_gid() == "axis_break" for a in ax.texts) == 2
    # the linear axis keeps the numbers as they are, chance as a straight line
    res.plot(xscale="linear")
    lines = {line.get_gid(): line for line in res.ax_.lines}
    np.testing.assert_array_equal(lines["class:a"].get_xdata(), fpr)
    assert list(lines["chance"].get_xdata()) == [0.0, 1.0]


def test_outside_legends_side_by_side_do_not_overlap():
    y, p = _multiclass(5, k=10, n=600)
    names = [f"class number {i}" for i in range(10)]
    fig, (left, right) = plt.subplots(1, 2, figsize=(16, 5.5))
    ev.roc(y, p, display_labels=names).plot(ax=left)
    ev.pr(y, p, display_labels=names).plot(ax=right)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legend_box = left.get_legend().get_window_extent(renderer)
    right_box = right.get_tightbbox(renderer)
    assert legend_box.x1 <= right_box.x0 + 1
    assert right.get_legend().get_window_extent(renderer).x1 <= fig.bbox.x1 + 1
    # a figure with its own layout keeps it
    fig2, ax2 = plt.subplots(layout="tight")
    ev.roc(y, p).plot(ax=ax2)
    assert type(fig2.get_layout_engine()).__name__ == "TightLayoutEngine"


def test_highlight_greys_the_other_classes():
    from evalviz._plotting import CLASS_COLORS

    y, p = _multiclass(6, k=10, n=800)
    names = [f"c{i}" for i in range(10)]
    for res in (ev.roc(y, p, display_labels=names), ev.pr(y, p, display_labels=names)):
        res.plot(highlight=["c2", 5])
        lines = {line.get_gid(): line for line in res.ax_.lines}
        assert lines["class:c2"].get_color() == CLASS_COLORS[2]
        assert lines["class:c0"].get_color() == _OTHER_COLOR
        # every class is still drawn with its own data
        x, yy = res.per_class["c0"][0], res.per_class["c0"][1]
        if res._metric_name == "AP":  # the convention point is not drawn
            x, yy = x[:-1], yy[:-1]
        np.testing.assert_array_equal(lines["class:c0"].get_xdata(), x)
        np.testing.assert_array_equal(lines["class:c0"].get_ydata(), yy)
        texts = [t.get_text() for t in res.ax_.get_legend().get_texts()]
        metric = res._metric_name
        assert any(t.startswith(f"c2 ({metric}") for t in texts)
        assert not any(t.startswith(f"c0 ({metric}") for t in texts)
        others = res.areas.drop(["c2", "c5"])
        lo, hi = format_area(others.min()), format_area(others.max())
        assert f"8 other classes, grey ({metric} {lo} to {hi})" in texts
        # operating points only for the highlighted classes
        points = {g for g in lines if str(g).startswith("point:argmax:")}
        assert points == {"point:argmax:c2", "point:argmax:c5"}
        # the averages use no class colour and are thicker than any class line
        for gid in ("micro", "macro"):
            assert lines[gid].get_color() not in CLASS_COLORS
            assert lines[gid].get_linewidth() > lines["class:c2"].get_linewidth()
        plt.close("all")


def test_iso_f1_labels_are_on_their_lines():
    y, p = _multiclass(9, k=4, n=400)
    res = ev.pr(y, p).plot(iso_f1=True)
    labels = [t for t in res.ax_.texts if str(t.get_gid()).startswith("iso_f1_label:")]
    assert len(labels) == 4
    for text in labels:
        f = float(text.get_gid().split(":")[1])
        r, q = text.xy
        assert 2 * r * q / (r + q) == pytest.approx(f)
        assert text.get_fontsize() >= 10 and text.get_bbox_patch() is not None


# --------------------------------------------------------------------------
# One reading of the inputs (issue 10, kinds 2, 3 and 8)


def test_binary_labels_one_and_two_need_pos_label():
    y = [1, 1, 2, 2, 1, 2]
    s = [0.1, 0.3, 0.8, 0.6, 0.4, 0.9]
    for make in (ev.roc, ev.pr):
        with pytest.raises(ValueError, match="pos_label"):
            make(y, s)
    res = ev.roc(y, s, pos_label=2)
    # before: 1 taken silently as positive, area 0.0
    assert res.areas.iloc[0] == skm.roc_auc_score(np.array(y) == 2, s) == 1.0
    assert res.class_names == ["2"]
    fpr, tpr, thr = res.per_class["2"]
    sk_fpr, sk_tpr, sk_thr = skm.roc_curve(y, s, pos_label=2, drop_intermediate=False)
    np.testing.assert_allclose(fpr, sk_fpr)
    np.testing.assert_allclose(tpr, sk_tpr)
    np.testing.assert_allclose(thr[1:], sk_thr[1:])
    res = ev.pr(y, s, pos_label=2)
    sk_p, sk_r, _ = skm.precision_recall_curve(y, s, pos_label=2)
    np.testing.assert_allclose(res.per_class["2"][0], sk_r)
    np.testing.assert_allclose(res.per_class["2"][1], sk_p)
    assert res.areas.iloc[0] == pytest.approx(
        skm.average_precision_score(y, s, pos_label=2), abs=1e-12
    )


def test_minus_one_one_and_string_labels():
    rng = np.random.default_rng(31)
    y = rng.choice([-1, 1], 300)
    s = np.round(rng.normal(size=300) + 0.8 * (y == 1), 2)
    auc = skm.roc_auc_score(y, s)
    assert ev.roc(y, s).areas.iloc[0] == pytest.approx(auc, abs=1e-12)
    words = np.where(y == 1, "yes", "no")
    res = ev.roc(words, s, pos_label="yes")
    assert res.class_names == ["yes"]
    assert res.areas["yes"] == pytest.approx(auc, abs=1e-12)
    ap = ev.pr(list(words), s, pos_label="yes").areas["yes"]
    assert ap == pytest.approx(skm.average_precision_score(y, s), abs=1e-12)
    with pytest.raises(ValueError, match="pos_label"):
        ev.roc(words, s)


def test_multiclass_string_labels_name_the_classes():
    y, p = _multiclass(21, k=3)
    names = np.array(["cat", "dog", "emu"])[y]
    res = ev.roc(names, p)
    assert res.class_names == ["cat", "dog", "emu"]
    Y = label_binarize(y, classes=[0, 1, 2])
    np.testing.assert_allclose(
        res.areas.to_numpy(), skm.roc_auc_score(Y, p, average=None), atol=1e-9
    )
    assert res.macro["mean_of_areas"] == pytest.approx(
        skm.roc_auc_score(names, p, multi_class="ovr"), abs=1e-9
    )
    pr_res = ev.pr(names, p)
    np.testing.assert_allclose(
        pr_res.areas.to_numpy(),
        skm.average_precision_score(Y, p, average=None),
        atol=1e-9,
    )


def test_multiclass_logits_are_refused_with_a_teaching_error():
    y, p = _multiclass(22, k=4)
    logits = np.log(p) + 3.0  # same softmax, same argmax
    for make in (ev.roc, ev.pr):
        with pytest.raises(ValueError, match="not probabilities.*softmax"):
            make(y, logits)
    # multi-label columns are independent: sigmoid logits keep every AUC
    Y = label_binarize(y, classes=[0, 1, 2, 3])
    res = ev.roc(Y, logits)
    np.testing.assert_allclose(
        res.areas.to_numpy(), skm.roc_auc_score(Y, logits, average=None), atol=1e-9
    )


def test_binary_predict_proba_matrix_is_one_column_per_class():
    rng = np.random.default_rng(23)
    y = rng.integers(0, 2, 200)
    p1 = np.clip(rng.normal(0.4 + 0.2 * y, 0.2), 0, 1)
    proba = np.column_stack([1 - p1, p1])
    for make in (ev.roc, ev.pr):
        a, b = make(y, proba), make(y, p1)
        assert a.class_names == b.class_names == ["1"]
        assert a.areas.iloc[0] == b.areas.iloc[0]
        for u, v in zip(a.per_class["1"], b.per_class["1"], strict=True):
            np.testing.assert_array_equal(u, v)


def test_deprecated_labels_as_names_still_name_the_classes():
    y, p = _multiclass(24, k=3)
    with pytest.warns(DeprecationWarning, match="display_labels"):
        res = ev.roc(y, p, labels=["a", "b", "c"])
    assert res.class_names == ["a", "b", "c"]


# --------------------------------------------------------------------------
# Kind 5: the ends of a PR curve


def test_pr_curve_draws_only_what_the_thresholds_give():
    res = ev.pr([0, 0, 1, 1, 0], [0.8, 0.8, 0.8, 0.2, 0.2]).plot()
    line = res.lines_["1"]
    # threshold 0.8: recall 0.5, precision 1/3; threshold 0.2: recall 1, 0.4
    np.testing.assert_allclose(line.get_xdata(), [1.0, 0.5])
    np.testing.assert_allclose(line.get_ydata(), [0.4, 1 / 3])
    drawn = [np.asarray(ln.get_ydata(), float) for ln in res.ax_.lines]
    assert max(d.max() for d in drawn if d.size) == 0.4  # nothing reaches 1
    # the stored arrays stay scikit-learn's, with its (0, 1) convention last
    sk_p, sk_r, _ = skm.precision_recall_curve(
        [0, 0, 1, 1, 0], [0.8, 0.8, 0.8, 0.2, 0.2]
    )
    np.testing.assert_allclose(res.per_class["1"][0], sk_r)
    np.testing.assert_allclose(res.per_class["1"][1], sk_p)
    assert np.isnan(res.per_class["1"][2][-1])


def test_pr_averages_skip_the_convention_point():
    y, p = _multiclass(25, k=3, n=200, ties=True)
    res = ev.pr(y, p).plot()
    micro, macro = res.lines_["micro"], res.lines_["macro"]
    recall, precision = res.micro["x"], res.micro["y"]
    np.testing.assert_array_equal(micro.get_xdata(), recall[:-1])
    np.testing.assert_array_equal(micro.get_ydata(), precision[:-1])
    assert macro.get_xdata()[0] > 0  # starts at the smallest recall reached
    np.testing.assert_array_equal(macro.get_ydata(), res.macro["y"][1:])


# --------------------------------------------------------------------------
# Kind 6: many classes


def _softmax_classes(k, n, seed=0):
    rng = np.random.default_rng(seed)
    y = np.r_[np.arange(k), rng.integers(0, k, n - k)]
    logits = rng.normal(size=(n, k))
    logits[np.arange(n), y] += 2.5
    p = np.exp(logits)
    return y, p / p.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("k, n", [(120, 1200), (1000, 1500)])
def test_many_classes_keep_a_short_legend_and_a_bounded_figure(k, n):
    from evalviz._plotting import STYLE

    y, p = _softmax_classes(k, n)
    for res in (ev.roc(y, p), ev.pr(y, p)):
        res.plot()
        texts = [t.get_text() for t in res.ax_.get_legend().get_texts()]
        assert len(texts) <= 16  # was 124 entries at 120 classes
        metric = res._metric_name
        assert any(
            t.startswith(f"{k - 10:,} other classes, grey ({metric}") for t in texts
        )
        coloured = [
            n_
            for n_ in res.class_names
            if f"class:{n_}" in {ln.get_gid() for ln in res.ax_.lines}
            and res.lines_[n_].get_color() != _OTHER_COLOR
        ]
        # the ten lowest areas keep a colour each, no colour repeats
        assert set(coloured) == set(res.areas.nsmallest(10).index)
        colours = {res.lines_[n_].get_color() for n_ in coloured}
        assert len(colours) == 10
        assert tuple(res.figure_.get_size_inches()) == STYLE["curves_figsize"]
        assert res.figure_.get_layout_engine() is not None
        plt.close("all")


# --------------------------------------------------------------------------
# Kind 7 and the display contract


def test_threshold_marks_never_print_a_false_one():
    y, p = _multiclass(26, k=3)
    res = ev.roc(y, p, thresholds=[0.99999999]).plot()
    texts = [t.get_text() for t in res.ax_.get_legend().get_texts()]
    assert "score >= 0.99999999" in texts and "score >= 1" not in texts


def test_display_contract_from_predictions_constructor_and_repr():
    y, p = _multiclass(27, k=3)
    fig, ax = plt.subplots()
    res = curves.RocCurves.from_predictions(
        y, p, display_labels=list("abc"), ax=ax, highlight=["b"]
    )
    assert res.ax_ is ax and res.figure_ is fig
    assert res.lines_["b"].get_color() != _OTHER_COLOR
    assert res.lines_["a"].get_color() == _OTHER_COLOR
    assert {"micro", "macro", "chance"} <= set(res.lines_)
    pr_res = curves.PrCurves.from_predictions(y, p, iso_f1=True)
    assert pr_res.ax_ is not None and pr_res.figure_.get_layout_engine() is not None
    # the constructor takes computed arrays, as scikit-learn's displays do
    fpr, tpr, _ = skm.roc_curve(y == 0, p[:, 0])
    auc = skm.roc_auc_score(y == 0, p[:, 0])
    disp = curves.RocCurves(fpr, tpr, roc_auc=[auc], display_labels=["zero"])
    disp.plot()
    np.testing.assert_array_equal(disp.lines_["zero"].get_xdata(), fpr)
    text = repr(disp)
    assert text == f"RocCurves('zero': AUC {format_area(auc)})"  # counts unknown
    many = repr(ev.roc(y, p))
    assert "\n" not in many and "0x" not in many
    assert many.startswith("RocCurves(3 classes, AUC ")
    assert f"macro {format_area(skm.roc_auc_score(y, p, multi_class='ovr'))}" in many


def test_roc_on_1000_classes_draws_in_seconds():
    import time

    y, p = _softmax_classes(1000, 5000, seed=1)
    start = time.perf_counter()
    res = ev.roc(y, p).plot()
    res.figure_.canvas.draw()
    elapsed = time.perf_counter() - start
    # measured, not asserted (shared machine): see the printed time with -s
    print(f"ev.roc(1000 classes x 5000 samples).plot(): {elapsed:.1f} s")
    assert res.macro["area_of_curve"] == pytest.approx(
        res.macro["mean_of_areas"], abs=1e-9
    )


def test_grey_curves_past_thirty_classes_draw_the_same_vertices():
    """The one-collection drawing keeps every corner of every step line."""
    from evalviz._curves_display import _corners, _steps

    def corners(x, y):  # reference: every drawn vertex, straight runs merged
        keep = np.r_[True, (np.diff(x) != 0) | (np.diff(y) != 0)]
        x, y = x[keep], y[keep]
        if x.size < 3:
            return x, y
        dx, dy = np.diff(x), np.diff(y)
        turn = dx[:-1] * dy[1:] - dy[:-1] * dx[1:] != 0
        back = dx[:-1] * dx[1:] + dy[:-1] * dy[1:] < 0
        keep = np.r_[True, turn | back, True]
        return x[keep], y[keep]

    rng = np.random.default_rng(41)
    for trial in range(300):
        x = np.sort(rng.integers(0, 5, rng.integers(2, 30))).astype(float)
        x = x[::-1] if trial % 2 else x
        y = rng.integers(0, 4, x.size).astype(float)
        for drawstyle in ("default", "steps-post", "steps-pre"):
            want = np.column_stack(corners(*_steps(x, y, drawstyle)))
            got = np.column_stack(_corners(x, y, drawstyle))
            np.testing.assert_array_equal(got, want)
    y, p = _softmax_classes(60, 600)
    res = ev.roc(y, p).plot()
    grey = res.lines_["grey"]
    assert len(grey.get_segments()) == 50  # 60 classes, 10 in colour


def test_no_class_colour_is_grey():
    """Grey is reserved for the background classes of many-class plots."""
    from matplotlib.colors import to_rgb

    from evalviz._plotting import CLASS_COLORS

    for colour in CLASS_COLORS:
        r, g, b = to_rgb(colour)
        spread = max(r, g, b) - min(r, g, b)
        assert spread > 0.15 or max(r, g, b) < 0.05, f"{colour} is grey"
