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
    disp = explore.class_balance(train=y_train, test=y_test, labels=names).plot()
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
    with pytest.raises(ValueError, match="labels describes only 2 classes"):
        explore.class_balance(train=[0, 1, 2], labels=["a", "b"])


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
    disp = explore.mean_images(images, y, labels=list("abcd")).plot()
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
    disp = explore.pixel_histogram(images, bins=16).plot()
    assert disp.counts.sum() == images.size
    assert disp.edges[0] == 0 and disp.edges[-1] == 256
    assert disp.stats["max"] == images.max()
    assert disp.stats["share zero"] == pytest.approx(np.mean(images == 0))
    assert [p.get_height() for p in disp.ax_.patches] == list(disp.counts)
    assert "are 0" in disp.ax_.texts[0].get_text()
    assert disp.to_frame()["pixels"].sum() == images.size


def test_pixel_histogram_of_scaled_floats():
    images, _ = _data(5)
    disp = explore.pixel_histogram(images / 255.0, bins=10)
    assert disp.edges[-1] == pytest.approx(images.max() / 255)
    assert disp.counts.sum() == images.size


def test_images_must_be_3d():
    with pytest.raises(ValueError, match="reshape"):
        explore.mean_images(np.zeros((3, 16)), [0, 1, 1])


def test_most_similar_pairs_are_sorted_correlations():
    images, y = _data(6)
    disp = explore.mean_images(images, y, labels=list("abcd"))
    top = disp.most_similar(3)
    sim = disp.similarity()
    assert len(top) == 3
    assert list(top["correlation"]) == sorted(top["correlation"], reverse=True)
    for row in top.itertuples(index=False):
        assert sim.loc[row[0], row[1]] == row[2]
    values = sim.to_numpy()[np.triu_indices(4, k=1)]
    assert top["correlation"].iloc[0] == values.max()
