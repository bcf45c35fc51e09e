"""First-look displays: class balance, example grid, mean images, pixel histogram."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from evalviz import explore  # noqa: E402


def _data(seed=0, n=200, k=4, size=5):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    images = rng.integers(0, 256, (n, size, size)).astype(np.uint8)
    return images, y


def test_class_balance_counts_and_bars():
    _, y_train = _data(0)
    _, y_test = _data(1, n=50)
    names = ["a", "b", "c", "d"]
    disp = explore.class_balance(
        train=y_train, test=y_test, display_labels=names
    ).plot()
    np.testing.assert_array_equal(
        disp.counts["train"], np.bincount(y_train, minlength=4)
    )
    np.testing.assert_array_equal(disp.counts["test"], np.bincount(y_test, minlength=4))
    frame = disp.to_frame()
    assert frame["test share"].sum() == pytest.approx(1.0)
    heights = [p.get_width() for p in disp.ax_.patches]
    assert heights == list(disp.counts["train"]) + list(disp.counts["test"])
    assert [t.get_text() for t in disp.ax_.get_yticklabels()] == names


def test_class_balance_checks():
    with pytest.raises(ValueError, match="at least one split"):
        explore.class_balance()
    with pytest.raises(ValueError, match="2 names but the data has 3 classes"):
        explore.class_balance(train=[0, 1, 2], display_labels=["a", "b"])


def test_example_grid_shows_images_of_the_right_class():
    images, y = _data(2)
    disp = explore.example_grid(images, y, n=3, seed=1).plot()
    table = disp.to_frame().to_numpy()
    assert table.shape == (4, 3)
    for k in range(4):
        assert (y[table[k]] == k).all()
    np.testing.assert_array_equal(
        disp.ax_[2, 1].images[0].get_array(), images[table[2, 1]]
    )
    assert disp.ax_[3, 0].get_ylabel() == "3"
    again = explore.example_grid(images, y, n=3, seed=1).to_frame()
    assert (again.to_numpy() == table).all()


def test_example_grid_small_class_fills_what_it_has():
    images = np.zeros((3, 4, 4))
    disp = explore.example_grid(images, [0, 0, 1], n=2)
    assert disp.to_frame().loc["1"].tolist()[1] == -1
    disp.plot()


def test_mean_images_are_class_means():
    images, y = _data(3)
    disp = explore.mean_images(images, y, display_labels=list("abcd")).plot()
    for k in range(4):
        np.testing.assert_allclose(disp.means[k], images[y == k].mean(axis=0))
    frame = disp.to_frame()
    assert frame.loc["b", "mean pixel"] == pytest.approx(images[y == 1].mean())
    sim = disp.similarity()
    assert sim.loc["a", "a"] == pytest.approx(1.0)
    np.testing.assert_allclose(disp.ax_[0, 1].images[0].get_array(), disp.means[1])
    assert disp.ax_[0, 1].get_title() == "b"


def test_pixel_histogram_counts_every_pixel():
    images, _ = _data(4)
    images[:, 0, :] = 0
    disp = explore.pixel_histogram(images, bins=16, what="training images").plot()
    assert disp.counts.sum() == images.size
    assert disp.edges[0] == 0 and disp.edges[1] == 1 and disp.edges[-1] == 256
    assert disp.counts[0] == np.count_nonzero(images == 0) == disp.zero_count
    assert disp.stats["max"] == images.max()
    assert disp.stats["share zero"] == pytest.approx(np.mean(images == 0))
    # left panel: shares of zero / non-zero pixels, in percent, on a linear axis
    left, right = disp.ax_
    heights = [p.get_height() for p in left.patches]
    assert heights == pytest.approx(
        [100 * np.mean(images == 0), 100 * np.mean(images > 0)]
    )
    # right panel: only the bins above 0, also in percent of all pixels
    shown = [p.get_height() for p in right.patches]
    assert shown == pytest.approx(list(100 * disp.counts[1:] / images.size))
    assert right.patches[0].get_x() == 1
    assert left.get_yscale() == right.get_yscale() == "linear"
    assert "are 0" in right.texts[0].get_text()
    assert "training images" in disp.figure_._suptitle.get_text()
    frame = disp.to_frame()
    assert frame["pixels"].sum() == images.size
    assert frame["share"].sum() == pytest.approx(1.0)


def test_pixel_histogram_bins_of_eight_values():
    images = np.arange(256, dtype=np.uint8).reshape(1, 16, 16)
    disp = explore.pixel_histogram(images)
    assert disp.counts[0] == 1
    assert list(disp.counts[1:-1]) == [8] * 31
    assert disp.counts[-1] == 7
    with pytest.raises(ValueError, match="bins"):
        explore.pixel_histogram(images, bins=0)


def test_pixel_histogram_of_scaled_floats():
    images, _ = _data(5)
    disp = explore.pixel_histogram(images / 255.0, bins=10).plot()
    assert disp.edges[-1] == pytest.approx(images.max() / 255)
    assert disp.counts.sum() == images.size
    assert disp.zero_count == np.count_nonzero(images == 0)


def test_initial_activations_scale_with_the_input():
    images, y = _data(7, n=300, k=10, size=6)
    table = explore.initial_activations(
        images, y, hidden=(16, 8), n_samples=100, seed=3
    )
    assert list(table.index) == ["raw 0-255", "scaled 0-1"]
    raw, scaled = table.loc["raw 0-255"], table.loc["scaled 0-1"]
    # every layer is linear or ReLU with zero bias, so everything scales by 255
    for col in (
        "mean input length",
        "std of first-layer pre-activations",
        "std of output logits",
    ):
        assert raw[col] / scaled[col] == pytest.approx(255.0)
    assert (
        raw["mean largest softmax probability"]
        >= scaled["mean largest softmax probability"]
    )
    assert raw["initial loss"] > scaled["initial loss"]
    # the scaled input length matches a direct computation on the same images
    rng = np.random.default_rng(3)
    take = np.sort(rng.choice(300, size=100, replace=False))
    flat = images.reshape(300, -1)[take] / 255.0
    assert scaled["mean input length"] == pytest.approx(
        np.linalg.norm(flat, axis=1).mean()
    )
    probs = table["mean largest softmax probability"]
    assert ((probs > 0.1 - 1e-12) & (probs <= 1)).all()
    no_loss = explore.initial_activations(images, n_samples=10, hidden=(4,))
    assert "initial loss" not in no_loss.columns
    with pytest.raises(ValueError, match="n_samples"):
        explore.initial_activations(images, n_samples=0)


def test_initial_activations_loss_matches_manual_softmax():
    rng = np.random.default_rng(0)
    x = rng.random((5, 3))
    y = np.array([0, 1, 1, 0, 1])
    table = explore.initial_activations(
        x, y, scales={"one": 1.0}, hidden=(), n_classes=2, n_samples=5, seed=1
    )
    rng = np.random.default_rng(1)
    take = np.sort(rng.choice(5, size=5, replace=False))
    limit = np.sqrt(6.0 / 5)
    w = rng.uniform(-limit, limit, size=(3, 2))
    logits = x[take] @ w
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(5), y[take]]).mean()
    assert table.loc["one", "initial loss"] == pytest.approx(loss)
    assert table.loc["one", "mean largest softmax probability"] == pytest.approx(
        p.max(axis=1).mean()
    )


def test_images_must_be_3d():
    with pytest.raises(ValueError, match="reshape"):
        explore.mean_images(np.zeros((3, 16)), [0, 1, 1])


def test_most_similar_pairs_are_sorted_correlations():
    images, y = _data(6)
    disp = explore.mean_images(images, y, display_labels=list("abcd"))
    top = disp.most_similar(3)
    sim = disp.similarity()
    assert len(top) == 3
    assert list(top["correlation"]) == sorted(top["correlation"], reverse=True)
    for row in top.itertuples(index=False):
        assert sim.loc[row[0], row[1]] == row[2]
    values = sim.to_numpy()[np.triu_indices(4, k=1)]
    assert top["correlation"].iloc[0] == values.max()


def test_pairs_give_correlation_and_rank():
    images, y = _data(6)
    disp = explore.mean_images(images, y, display_labels=list("abcd"))
    everything = disp.pairs()
    assert len(everything) == 6
    assert list(everything["rank"]) == list(range(1, 7))
    top = disp.most_similar(6)
    assert list(everything["correlation"]) == list(top["correlation"])
    chosen = disp.pairs([("d", "a"), (1, 2)])
    sim = disp.similarity()
    assert list(chosen["class"]) == ["d", "b"]
    assert chosen["correlation"].iloc[0] == sim.loc["a", "d"]
    rank_of = dict(
        zip(
            zip(everything["class"], everything["other class"], strict=True),
            everything["rank"],
            strict=True,
        )
    )
    assert chosen["rank"].iloc[0] == rank_of[("a", "d")]
    with pytest.raises(ValueError, match="unknown class name"):
        disp.pairs([("a", "z")])
    with pytest.raises(ValueError, match="same class twice"):
        disp.pairs([("a", "a")])
    with pytest.raises(ValueError, match="pairs of classes"):
        disp.pairs([("a",)])


def test_string_labels_map_to_sorted_classes_across_splits():
    disp = explore.class_balance(train=["dog", "cat", "dog"], test=["bird", "dog"])
    assert list(disp.counts.index) == ["bird", "cat", "dog"]
    assert disp.counts["train"].tolist() == [0, 1, 2]
    assert disp.counts["test"].tolist() == [1, 0, 1]
    assert (
        repr(disp) == "ClassBalanceDisplay(3 classes, train 3 samples, test 2 samples)"
    )
    images = np.arange(5)[:, None, None] * np.ones((5, 2, 2))
    means = explore.mean_images(images, ["b", "a", "b", "a", "a"])
    assert means.display_labels == ["a", "b"]
    np.testing.assert_allclose(means.means[:, 0, 0], [(1 + 3 + 4) / 3, (0 + 2) / 2])


def test_old_names_in_labels_warn_and_keep_absent_classes():
    with pytest.warns(DeprecationWarning, match="display_labels"):
        disp = explore.class_balance(train=[0, 1, 1], labels=["a", "b", "c"])
    assert disp.counts["train"].tolist() == [1, 2, 0]


def test_reprs_are_one_line_with_numbers():
    images, y = _data(3, n=40)
    assert repr(explore.example_grid(images, y, n=2)) == (
        "ExampleGridDisplay(4 classes x 2 examples)"
    )
    assert repr(explore.mean_images(images, y)) == (
        "MeanImageDisplay(4 classes, 5 x 5 pixels)"
    )
    hist = explore.pixel_histogram(np.array([0, 0, 0, 7], dtype=np.uint8))
    assert repr(hist) == "PixelHistogramDisplay(4 pixels, 75.0% exactly 0, 33 bins)"


def test_class_balance_figure_has_a_layout_engine():
    disp = explore.class_balance(train=[0, 1, 1]).plot()
    assert disp.figure_.get_layout_engine() is not None
    assert [b.get_label() for b in disp.bars_] == ["train"]


def test_initial_activations_refuse_labels_outside_the_outputs():
    images, _ = _data(7, n=30, size=4)
    with pytest.raises(ValueError, match="n_classes=10 outputs"):
        explore.initial_activations(images, np.full(30, 12), n_classes=10)
