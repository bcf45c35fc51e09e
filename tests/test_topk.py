"""Top-k display, forgiven confusions and the top-k gallery: numbers and drawn data."""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from sklearn.metrics import top_k_accuracy_score

from evalviz import metrics
from evalviz.simulate import from_report, multilabel_zipf
from evalviz.topk import (
    TopKDisplay,
    forgiven_confusions,
    forgiven_summary,
    label_groups,
    topk,
    topk_auc_summary,
    topk_gallery,
)

PRECISION = [0.93, 0.93, 0.88, 0.86, 0.88, 0.88, 0.83, 0.94, 0.95, 0.90]
RECALL = [0.90, 0.96, 0.87, 0.72, 0.91, 0.81, 0.97, 0.94, 0.93, 0.95]
NAMES = [f"c{i}" for i in range(10)]


@pytest.fixture(scope="module")
def multiclass():
    return from_report(PRECISION, RECALL, 100, seed=0, confidence=1.5)


def test_topk_numbers_match_sklearn(multiclass):
    y, s = multiclass
    disp = topk(y, s, max_k=4)
    for k in range(1, 5):
        assert disp.accuracy[k - 1] == pytest.approx(
            top_k_accuracy_score(y, s, k=k, labels=range(10)), abs=1e-12
        )
    ranks = metrics.rank_of_true_class(y, s)
    expected = [np.sum(ranks == r) for r in range(1, 5)] + [np.sum(ranks > 4)]
    np.testing.assert_array_equal(disp.rank_counts, expected)
    assert disp.n_samples == len(y)
    np.testing.assert_allclose(np.cumsum(disp.rank_counts[:4]) / len(y), disp.accuracy)


def test_to_frame_holds_every_plotted_number(multiclass):
    y, s = multiclass
    disp = topk(y, s, max_k=3).plot()
    frame = disp.to_frame()
    assert list(frame["rank"]) == ["1", "2", "3", ">3"]
    bars = [p.get_height() for p in disp.ax_.patches]
    np.testing.assert_allclose(bars, frame["share"])
    (line,) = [ln for ln in disp.ax_.lines if ln.get_gid() == "topk-accuracy"]
    np.testing.assert_allclose(line.get_ydata(), frame["top_k_accuracy"][:3])
    texts = [t.get_text() for t in disp.ax_.texts]
    assert texts == [f"{a:.1%}" for a in frame["top_k_accuracy"][:3]]
    assert disp.figure_ is disp.ax_.figure


def test_plot_on_given_axes_and_title():
    import matplotlib.pyplot as plt

    y, s = multilabel_zipf(500, 40, seed=0)
    fig, ax = plt.subplots()
    disp = topk(y, s, max_k=5, title="Simulated scores").plot(ax=ax)
    assert disp.ax_ is ax
    assert disp.kind == "multilabel"
    assert ax.get_title() == "Simulated scores"
    assert disp.accuracy[4] == pytest.approx(metrics.top_k_accuracy(y, s, 5))
    assert "best true label" in ax.get_xlabel()


def test_forgiven_confusions_sum_to_the_top_k_gain(multiclass):
    y, s = multiclass
    table = forgiven_confusions(y, s, k=2, display_labels=NAMES)
    gain = metrics.top_k_accuracy(y, s, 2) - metrics.top_k_accuracy(y, s, 1)
    assert table["count"].sum() == round(gain * len(y))
    assert (table["true"] != table["top1"]).all()
    assert list(table["count"]) == sorted(table["count"], reverse=True)
    first = table.iloc[0]
    assert first["true_name"] == NAMES[first["true"]]
    direct = np.sum(
        (y == first["true"])
        & (s.argmax(axis=1) == first["top1"])
        & (metrics.rank_of_true_class(y, s) == 2)
    )
    assert first["count"] == direct
    assert first["share_of_true"] == pytest.approx(direct / np.sum(y == first["true"]))


def test_topk_gallery_shows_images_wrong_at_top1_right_at_top2(multiclass):
    y, s = multiclass
    rng = np.random.default_rng(0)
    images = rng.integers(0, 255, size=(len(y), 8, 8), dtype=np.uint8)
    gallery = topk_gallery(images, y, s, k=2, display_labels=NAMES, top=2, n_images=3)
    frame = gallery.to_frame()
    assert len(gallery.cells) == 2
    assert (frame["true_rank"] == 2).all()
    for _, rec in frame.iterrows():
        i = rec["index"]
        assert NAMES[y[i]] == rec["true"]
        assert NAMES[s[i].argmax()] == rec["top1"]
        assert rec["top1_score"] == pytest.approx(s[i].max())
    gallery.plot()
    assert gallery.ax_.shape == (2, 3)
    shown = gallery.ax_[0, 0].images[0].get_array()
    np.testing.assert_array_equal(shown, images[frame["index"].iloc[0]])
    assert "top-2" in gallery.figure_._suptitle.get_text()


def test_errors():
    with pytest.raises(ValueError, match="max_k"):
        topk([0, 1, 2], np.eye(3), max_k=4)
    with pytest.raises(ValueError, match="multi-class"):
        forgiven_confusions(np.eye(3, dtype=int), np.eye(3))
    with pytest.raises(ValueError, match="images"):
        topk_gallery(np.zeros((3, 4)), [0, 1, 2], np.eye(3))
    with pytest.raises(ValueError, match="one score column"):
        TopKDisplay.from_predictions([0, 1, 1], [0.1, 0.5, 0.9])


def test_label_groups_decompose_macro_and_micro_auc():
    y, s = multilabel_zipf(3000, 60, seed=2)
    disp = label_groups(y, s, k=5, edges=(5, 20), title="Simulated")
    g = disp.to_frame()
    assert list(g["group"]) == ["top 5", "6-20", "21-60"]
    assert list(g["labels"]) == [5, 15, 40]
    n_pos = y.sum(axis=0)
    order = np.argsort(-n_pos, kind="stable")
    assert g["positives"].iloc[0] == n_pos[order[:5]].sum()
    aucs = metrics.roc_auc(y, s, average=None)
    assert g["mean_auc"].iloc[2] == pytest.approx(aucs[order[20:]].mean())
    assert (g["share_of_labels"] * g["mean_auc"]).sum() == pytest.approx(
        metrics.roc_auc(y, s)
    )
    assert (g["share_of_positives"] * g["micro_auc_part"]).sum() == pytest.approx(
        metrics.roc_auc(y, s, average="micro")
    )
    hits = metrics.label_hits_at_k(y, s, 5)
    assert g["recall_at_k"].iloc[1] == pytest.approx(
        hits[order[5:20]].sum() / n_pos[order[5:20]].sum()
    )
    assert disp.totals["top_5_accuracy"] == pytest.approx(
        metrics.top_k_accuracy(y, s, 5)
    )
    assert disp.totals["weighted_auc"] == pytest.approx(
        metrics.roc_auc(y, s, average="weighted")
    )
    disp.plot()
    left, right = disp.ax_
    heights = [p.get_height() for p in left.patches if p.get_gid() == "share_of_labels"]
    np.testing.assert_allclose(heights, g["share_of_labels"])
    heights = [p.get_height() for p in right.patches if p.get_gid() == "recall_at_k"]
    np.testing.assert_allclose(heights, g["recall_at_k"])
    assert disp.figure_._suptitle.get_text() == "Simulated"


def test_forgiven_gaps_cover_every_forgiven_sample(multiclass):
    y, s = multiclass
    table = forgiven_confusions(y, s, k=2, display_labels=NAMES)
    rank = metrics.rank_of_true_class(y, s)
    for _, row in table.iterrows():
        idx = [
            i
            for i in range(len(y))
            if rank[i] == 2 and y[i] == row["true"] and s[i].argmax() == row["top1"]
        ]
        assert len(idx) == row["count"]
        gaps = [s[i, row["top1"]] - s[i, row["true"]] for i in idx]
        assert row["mean_gap"] == pytest.approx(np.mean(gaps), abs=1e-12)
        assert row["median_gap"] == pytest.approx(np.median(gaps), abs=1e-12)


def test_forgiven_summary_counts_and_gaps(multiclass):
    y, s = multiclass
    summary = forgiven_summary(
        y, s, k=2, display_labels=NAMES, within=["c3", "c5", 6], close=0.05
    )
    rank = metrics.rank_of_true_class(y, s)
    idx = np.flatnonzero(rank == 2)
    top1 = s[idx].argmax(axis=1)
    gap = s[idx, top1] - s[idx, y[idx]]
    assert summary["forgiven"] == idx.size
    assert summary["share_of_samples"] == pytest.approx(
        top_k_accuracy_score(y, s, k=2) - top_k_accuracy_score(y, s, k=1)
    )
    assert summary["median_gap"] == pytest.approx(np.median(gap))
    assert summary["mean_gap"] == pytest.approx(gap.mean())
    assert summary["share_close"] == pytest.approx(np.mean(gap < 0.05))
    inside = np.isin(y[idx], [3, 5, 6]) & np.isin(top1, [3, 5, 6])
    assert summary["share_within"] == pytest.approx(inside.mean())
    table = forgiven_confusions(y, s, k=2)
    assert summary["forgiven"] == table["count"].sum()
    assert summary["mean_gap"] == pytest.approx(
        np.average(table["mean_gap"], weights=table["count"])
    )
    assert "share_within" not in forgiven_summary(y, s)


def test_forgiven_summary_errors(multiclass):
    y, s = multiclass
    with pytest.raises(ValueError, match="within"):
        forgiven_summary(y, s, display_labels=NAMES, within=["nope"])
    with pytest.raises(ValueError, match="close"):
        forgiven_summary(y, s, close=0)


def test_topk_auc_summary_matches_metrics():
    from sklearn.metrics import roc_auc_score

    y, s = multilabel_zipf(400, 30, separability=2.0, labels_per_sample=3.0, seed=4)
    summary = topk_auc_summary(y, s, k=3)
    values = list(summary.values)
    assert values[0] == pytest.approx(metrics.top_k_accuracy(y, s, 3))
    # Keras-style: only the first true label (argmax of the indicator row)
    first = y.argmax(axis=1)
    hits = [first[i] in np.argsort(-s[i], kind="stable")[:3] for i in range(len(y))]
    assert values[1] == pytest.approx(np.mean(hits))
    assert values[2] == pytest.approx(metrics.precision_at_k(y, s, 3))
    assert values[3] == pytest.approx(metrics.recall_at_k(y, s, 3))
    assert values[4] == pytest.approx(roc_auc_score(y, s, average="micro"), abs=1e-9)
    assert values[5] == pytest.approx(roc_auc_score(y, s, average="macro"), abs=1e-9)
    assert "Keras-style" in summary.index[1]
    with pytest.raises(ValueError, match="multi-label"):
        topk_auc_summary(np.array([0, 1, 2]), np.eye(3), k=1)


def test_beyond_bar_has_its_own_legend_entry(multiclass):
    y, s = multiclass
    disp = topk(y, s, max_k=3).plot()
    legend = [t.get_text() for t in disp.ax_.get_legend().get_texts()]
    assert any("ranked below 3" in t for t in legend)
    grey = [p for p in disp.ax_.patches if p.get_gid() == "rank-bar-beyond"]
    assert len(grey) == 1
    assert grey[0].get_height() == pytest.approx(disp.to_frame()["share"].iloc[-1])


def test_gallery_captions_readable_and_named(multiclass):
    y, s = multiclass
    images = np.zeros((len(y), 4, 4))
    g = topk_gallery(images, y, s, k=2, display_labels=NAMES, top=2, n_images=3).plot()
    first = g.ax_[0, 0].title
    assert first.get_text().startswith("image ")
    assert first.get_fontsize() >= 12
    assert "image index" in g.figure_._suptitle.get_text()


def test_label_groups_axis_names_the_values():
    y, s = multilabel_zipf(300, 40, seed=1)
    disp = label_groups(y, s, k=3, edges=(5, 15)).plot()
    assert "AUC" in disp.ax_[1].get_ylabel()
    assert min(t.get_fontsize() for t in disp.ax_[1].texts) >= 11


def test_typical_gallery_shows_gaps_near_the_median(multiclass):
    y, s = multiclass
    images = np.zeros((len(y), 4, 4))
    closest = topk_gallery(images, y, s, k=2, top=1, n_images=2)
    typical = topk_gallery(images, y, s, k=2, top=1, n_images=2, order="typical")
    cell = forgiven_confusions(y, s, k=2).iloc[0]
    rank = metrics.rank_of_true_class(y, s)
    idx = np.flatnonzero(
        (y == cell["true"]) & (s.argmax(axis=1) == cell["top1"]) & (rank == 2)
    )
    gap = s[idx, cell["top1"]] - s[idx, cell["true"]]
    shown = typical.to_frame()
    shown_gap = shown["top1_score"] - shown["true_score"]
    np.testing.assert_allclose(shown["gap"], shown_gap)
    assert cell["median_gap"] == pytest.approx(np.median(gap))
    best = np.sort(np.abs(gap - np.median(gap)))[:2]
    np.testing.assert_allclose(np.sort(np.abs(shown_gap - np.median(gap))), best)
    close_gap = closest.to_frame()["top1_score"] - closest.to_frame()["true_score"]
    np.testing.assert_allclose(np.sort(close_gap), np.sort(gap)[:2])
    assert "typical" in typical.plot().figure_._suptitle.get_text()
    with pytest.raises(ValueError, match="order"):
        topk_gallery(images, y, s, order="random")


def test_ties_rank_the_lowest_class_first_so_top1_is_argmax_accuracy():
    # kind 1 of issue 10: all-zero scores for 10 classes
    rng = np.random.default_rng(0)
    y = rng.integers(0, 10, 1000)
    s = np.zeros((1000, 10))
    disp = topk(y, s, max_k=3)
    assert disp.accuracy[0] == pytest.approx(np.mean(y == s.argmax(axis=1)))
    assert disp.accuracy[0] == pytest.approx(np.mean(y == 0))
    assert disp.n_tied == 1000 and "1,000 tied rows" in repr(disp)
    table = forgiven_confusions(y, s, k=2)
    # forgiven at top-2 = true class 1, top-1 guess 0 (the lowest index)
    assert table[["true", "top1"]].values.tolist() == [[1, 0]]
    assert table["count"].iloc[0] == np.sum(y == 1)


def test_string_labels_map_to_sorted_score_columns(multiclass):
    y, s = multiclass
    names = np.array([f"c{i:02d}" for i in range(10)])  # sorted == column order
    by_name = topk(names[y], s, max_k=3)
    np.testing.assert_array_equal(by_name.rank_counts, topk(y, s, max_k=3).rank_counts)
    table = forgiven_confusions(names[y], s, k=2)
    assert table["true_name"].iloc[0] == names[table["true"].iloc[0]]


def test_from_predictions_draws_and_reprs_are_one_line(multiclass):
    import matplotlib.pyplot as plt

    y, s = multiclass
    disp = TopKDisplay.from_predictions(y, s, max_k=3)
    assert disp.figure_.get_layout_engine() is not None
    np.testing.assert_allclose(disp.line_.get_ydata(), disp.accuracy)
    assert len(disp.bars_) == 2
    top1 = metrics.top_k_accuracy(y, s, 1)
    assert repr(disp).startswith(f"TopKDisplay(1,000 samples, top-1 {top1:.3f}")
    images = np.zeros((len(y), 4, 4))
    gallery = topk_gallery(images, y, s, k=2, top=2, n_images=3)
    assert (
        repr(gallery) == f"TopKGallery(2 rows, {len(gallery.examples)} images, top-2)"
    )
    plt.close("all")
    yl, sl = multilabel_zipf(300, 30, seed=3)
    groups = label_groups(yl, sl, k=3, edges=(5,))
    assert "\n" not in repr(groups) and "top-3 accuracy" in repr(groups)
