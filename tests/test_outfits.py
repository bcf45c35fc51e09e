"""make_outfits (evalviz.datasets) and the outfit gallery (evalviz.multilabel)
on the real Fashion-MNIST."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from evalviz.datasets import (  # noqa: E402
    FASHION_MNIST_CLASSES,
    default_outfit_count,
    load_fashion_mnist,
    make_outfits,
)
from evalviz.multilabel import OutfitGallery, outfit_gallery  # noqa: E402

pytestmark = pytest.mark.slow


def _tiles(images):
    """Split (n, 56, 56) outfits into (n, 4, 28, 28) tiles."""
    n = images.shape[0]
    return (
        images.reshape(n, 2, 28, 2, 28).transpose(0, 1, 3, 2, 4).reshape(n, 4, 28, 28)
    )


def test_shapes_sizes_and_labels_agree_with_the_tiles():
    images, labels, tiles = make_outfits("validation", return_tiles=True)
    assert images.shape == (1500, 56, 56) and images.dtype == np.uint8
    assert labels.shape == (1500, 10) and labels.dtype == np.int8
    assert tiles.shape == (1500, 4)
    # Each label row is the set of classes shown in the tiles.
    for i in range(0, 1500, 7):
        shown = set(tiles[i][tiles[i] >= 0].tolist())
        assert set(np.flatnonzero(labels[i]).tolist()) == shown
    # Blank tiles are black; every outfit shows at least one item.
    parts = _tiles(images)
    assert (parts[tiles < 0] == 0).all()
    assert (parts[tiles >= 0].reshape(-1, 784).max(axis=1) > 0).all()
    assert (tiles >= 0).any(axis=1).all()
    assert labels.sum(axis=1).min() >= 1
    assert make_outfits("test", n=10)[0].shape == (10, 56, 56)


def test_tile_order_is_top_left_top_right_bottom_left_bottom_right():
    images, _, tiles = make_outfits("test", n=50, return_tiles=True)
    test_images, test_labels = load_fashion_mnist("test")
    known = {
        img.tobytes(): lab for img, lab in zip(test_images, test_labels, strict=True)
    }
    parts = _tiles(images)
    shown = tiles >= 0
    assert shown.sum() >= 100  # about three items per outfit: the loop below checks
    for i, j in zip(*np.nonzero(shown), strict=True):
        assert known[parts[i, j].tobytes()] == tiles[i, j]
    assert not parts[~shown].any()  # blank tiles are black
    assert images[0, :28, :28].tobytes() == parts[0, 0].tobytes()
    assert images[0, :28, 28:].tobytes() == parts[0, 1].tobytes()
    assert images[0, 28:, :28].tobytes() == parts[0, 2].tobytes()


def test_deterministic_for_a_seed_and_different_across_seeds():
    a = make_outfits("validation", n=200, seed=3)
    b = make_outfits("validation", n=200, seed=3)
    c = make_outfits("validation", n=200, seed=4)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_splits_draw_from_separate_items():
    from evalviz.models import validation_indices

    train_images, _ = load_fashion_mnist("train")
    is_val = np.zeros(train_images.shape[0], dtype=bool)
    is_val[validation_indices()] = True
    val_pool = {img.tobytes() for img in train_images[is_val]}
    train_pool = {img.tobytes() for img in train_images[~is_val]}

    val_images, _, val_tiles = make_outfits("validation", return_tiles=True)
    val_parts = _tiles(val_images)[val_tiles >= 0]
    assert all(p.tobytes() in val_pool for p in val_parts)

    tr_images, _, tr_tiles = make_outfits("train", n=1500, return_tiles=True)
    tr_parts = _tiles(tr_images)[tr_tiles >= 0]
    assert all(p.tobytes() in train_pool for p in tr_parts)
    # Items are not reused inside a split while the pool lasts.
    assert len({p.tobytes() for p in val_parts}) == len(val_parts)


def test_blank_prob_changes_the_number_of_items():
    _, _, few = make_outfits("test", n=400, blank_prob=0.6, return_tiles=True)
    _, _, full = make_outfits("test", n=400, blank_prob=0.0, return_tiles=True)
    assert (full >= 0).all()
    assert (few >= 0).sum(axis=1).mean() < 2.2
    assert (few >= 0).any(axis=1).all()


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(ValueError, match="split"):
        make_outfits("val")
    with pytest.raises(ValueError, match="blank_prob"):
        make_outfits("test", blank_prob=1.0)
    with pytest.raises(ValueError, match="n must be a positive integer"):
        make_outfits("test", n=0)


def test_gallery_draws_titles_and_lists_labels():
    images, labels = make_outfits("test", n=6)
    gallery = outfit_gallery(images, labels, n=5, title="Outfits")
    frame = gallery.to_frame()
    assert len(frame) == 5
    first = ", ".join(FASHION_MNIST_CLASSES[c] for c in np.flatnonzero(labels[0]))
    assert frame.iloc[0, 0] == first
    titles = [ax.get_title(loc="left") for ax in gallery.axes_.ravel()[:5]]
    assert titles[0].replace("\n  ", " ").startswith("true: " + first[:20])
    assert gallery.figure_._suptitle.get_text() == "Outfits"
    assert not gallery.axes_.ravel()[5].axison  # the unused cell of the 2 x 4 grid

    score = labels[:6] * 0.8 + 0.1
    score[1] = 1 - score[1]  # every label of outfit 1 wrong
    with_pred = outfit_gallery(images, labels, y_score=score, n=2)
    frame = with_pred.to_frame()
    assert frame["all labels right"].tolist() == [True, False]
    assert frame["wrong labels"].tolist() == [0, 10]
    assert repr(with_pred) == "OutfitGallery(2 outfits; 1 with every label right)"
    assert len(with_pred.images_) == 2
    axes = with_pred.axes_.ravel()
    assert "pred: " in axes[0].get_title(loc="left")
    assert axes[0]._left_title.get_color() != axes[1]._left_title.get_color()


def test_gallery_says_right_or_wrong_in_words_and_leaves_room_for_captions():
    images, labels = make_outfits("test", n=8)
    score = labels * 0.8 + 0.1
    score[3, :2] = 1 - score[3, :2]  # two labels of outfit 3 wrong
    gallery = outfit_gallery(images, labels, y_score=score, n=8, title="t")
    axes = gallery.axes_.ravel()
    titles = [ax.get_title(loc="left") for ax in axes]
    assert titles[0].startswith("all 10 labels right\ntrue: ")
    assert titles[3].startswith("2 of 10 labels wrong\ntrue: ")
    assert gallery.to_frame()["wrong labels"].tolist() == [0, 0, 0, 2, 0, 0, 0, 0]
    assert axes[0]._left_title.get_fontsize() >= 12
    # No caption reaches into the image above it (drawn layout, in pixels).
    fig = gallery.figure_
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    for top, below in zip(axes[:4], axes[4:], strict=True):
        caption = below._left_title.get_window_extent(renderer)
        assert caption.y1 < top.get_window_extent(renderer).y0


@pytest.mark.parametrize("split", ["validation", "test"])
def test_default_outfit_count_matches_make_outfits(split):
    images, _ = make_outfits(split)
    assert default_outfit_count(split) == images.shape[0]
    assert default_outfit_count("train") == 13500


def test_gallery_draws_once_and_plot_on_given_axes():
    import matplotlib.pyplot as plt

    images, labels = make_outfits("test", n=3)
    before = plt.get_fignums()
    gallery = outfit_gallery(images, labels, n=3)
    assert len(plt.get_fignums()) == len(before) + 1  # the entry point drew once
    assert gallery.figure_.get_layout_engine() is not None
    fig, axes = plt.subplots(1, 3)
    again = OutfitGallery(images, labels).plot(ax=axes)
    assert again.figure_ is fig and len(again.images_) == 3
    np.testing.assert_array_equal(again.images_[1].get_array(), images[1])
    with pytest.raises(ValueError, match="3 panels"):
        OutfitGallery(images, labels).plot(ax=axes[:2])
    plt.close("all")
