"""Outfits: a real multi-label image set built from Fashion-MNIST.

Each outfit is a 56 x 56 image made of a 2 x 2 grid of Fashion-MNIST items (28 x
28 tiles), some tiles left blank. Its label is the set of classes that appear,
as a 0/1 indicator row over the ten Fashion-MNIST classes: a multi-label
problem on real images, small enough to train a scikit-learn model on a laptop.

The three splits come from matching Fashion-MNIST splits, so no item image is
shared between them: ``"train"`` from the training split minus the fixed
validation rows (:func:`evalviz.models.validation_indices`), ``"validation"``
from those rows, ``"test"`` from the official test split.
"""

from __future__ import annotations

import numpy as np

from ._fashion import VALIDATION_SIZE, load_fashion_mnist, validation_indices
from ._validation import check_choice

__all__ = [
    "OUTFIT_SIDE",
    "OUTFIT_SPLITS",
    "default_outfit_count",
    "make_outfits",
]

OUTFIT_SIDE = 56
OUTFIT_SPLITS = ("train", "validation", "test")
_TILE = 28
_N_CLASSES = 10
_DEFAULT_BLANK_PROB = 0.25


def _source(split: str, data_home):
    """The item images and labels an outfit split draws from."""
    if split == "test":
        return load_fashion_mnist("test", data_home=data_home)
    images, labels = load_fashion_mnist("train", data_home=data_home)
    val_idx = validation_indices()
    is_val = np.zeros(labels.shape[0], dtype=bool)
    is_val[val_idx] = True
    keep = is_val if split == "validation" else ~is_val
    return images[keep], labels[keep]


#: Fashion-MNIST images in each source split (``load_fashion_mnist``).
_FASHION_TRAIN, _FASHION_TEST = 60000, 10000


def default_outfit_count(split: str) -> int:
    """Number of outfits ``make_outfits(split)`` builds by default.

    A quarter of the split's item images, so each item is used at most once.
    Computed without loading any images.

    Parameters
    ----------
    split : {"train", "validation", "test"}
        The outfit split.

    Returns
    -------
    int
        13,500 train (from 60,000 - 6,000 validation rows), 1,500 validation,
        2,500 test.

    Raises
    ------
    ValueError
        When ``split`` is not one of the three.

    Examples
    --------
    >>> from evalviz.datasets import default_outfit_count
    >>> default_outfit_count("test")
    2500
    """
    check_choice(split, "split", OUTFIT_SPLITS)
    items = {
        "train": _FASHION_TRAIN - VALIDATION_SIZE,
        "validation": VALIDATION_SIZE,
        "test": _FASHION_TEST,
    }[split]
    return items // 4


def _layout(n: int, pool: int, blank_prob: float, rng: np.random.Generator):
    """Which source item sits in each tile (-1: blank), shape (n, 4)."""
    blank = rng.random((n, 4)) < blank_prob
    # Every outfit shows at least one item.
    empty = np.flatnonzero(blank.all(axis=1))
    blank[empty, rng.integers(0, 4, empty.size)] = False
    needed = int((~blank).sum())
    # Items are drawn without replacement while the pool lasts, then from a
    # fresh permutation, so an item repeats only when n is very large.
    rounds = -(-needed // pool)
    order = np.concatenate([rng.permutation(pool) for _ in range(rounds)])[:needed]
    tiles = np.full((n, 4), -1, dtype=np.int64)
    tiles[~blank] = order
    return tiles


def make_outfits(
    split="train",
    *,
    n=None,
    seed=0,
    blank_prob=_DEFAULT_BLANK_PROB,
    data_home=None,
    return_tiles=False,
):
    """Multi-label "outfit" images made from real Fashion-MNIST items.

    Parameters
    ----------
    split : {"train", "validation", "test"}, default "train"
        Which Fashion-MNIST rows the items come from: the training split minus
        the 6,000 validation rows, those validation rows, or the official test
        split. No item appears in two splits.
    n : int, optional
        Number of outfits. Default: a quarter of the split's items (13,500
        train, 1,500 validation, 2,500 test), so each item is used at most once.
    seed : int, default 0
        The same ``split``, ``n``, ``seed`` and ``blank_prob`` always give the
        same outfits; the three splits use different random streams.
    blank_prob : float, default 0.25
        Chance that a tile is left blank (black). An outfit whose four tiles
        all came out blank gets one item anyway.
    data_home : str or Path, optional
        Where to look for Fashion-MNIST first (see
        :func:`evalviz.datasets.load_fashion_mnist`).
    return_tiles : bool, default False
        Also return the class shown in each tile.

    Returns
    -------
    images : ndarray of uint8, shape (n, 56, 56)
        Tile order: top-left, top-right, bottom-left, bottom-right.
    labels : ndarray of int8, shape (n, 10)
        ``labels[i, c] == 1`` when class ``c`` appears in outfit ``i``
        (``FASHION_MNIST_CLASSES[c]``), whatever the number of tiles showing it.
    tiles : ndarray of int64, shape (n, 4)
        Only with ``return_tiles=True``: the class in each tile, -1 for blank.

    Raises
    ------
    ValueError
        If ``split`` is unknown, ``blank_prob`` is not in [0, 1) or ``n`` is
        not a positive integer.
    evalviz.datasets.DataNotFoundError
        If Fashion-MNIST is neither on disk nor downloadable.

    Notes
    -----
    With the default ``blank_prob`` an outfit shows 3 items on average, so each
    class is present in about a quarter of the outfits: a multi-label problem
    where most labels are 0 in most rows, which is why element-wise accuracy
    looks high even for a weak model.

    Examples
    --------
    >>> from evalviz.datasets import make_outfits
    >>> images, labels = make_outfits("test", n=4)  # doctest: +SKIP
    >>> images.shape, labels.shape  # doctest: +SKIP
    ((4, 56, 56), (4, 10))
    """
    check_choice(split, "split", OUTFIT_SPLITS)
    blank_prob = float(blank_prob)
    if not 0.0 <= blank_prob < 1.0:
        raise ValueError(
            f"blank_prob must be in [0, 1), got {blank_prob!r}; it is the chance "
            "that a tile is left blank (0.25 by default)"
        )
    images, labels = _source(split, data_home)
    pool = labels.shape[0]
    if n is None:
        n = pool // 4
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer (number of outfits), got {n!r}")
    n = int(n)
    rng = np.random.default_rng([int(seed), OUTFIT_SPLITS.index(split)])
    tiles_idx = _layout(n, pool, blank_prob, rng)

    shown = tiles_idx >= 0
    grid = np.zeros((n, 4, _TILE, _TILE), dtype=np.uint8)
    grid[shown] = images[tiles_idx[shown]]
    out = (
        grid.reshape(n, 2, 2, _TILE, _TILE)
        .transpose(0, 1, 3, 2, 4)
        .reshape(n, OUTFIT_SIDE, OUTFIT_SIDE)
    )
    tile_classes = np.where(shown, labels[np.maximum(tiles_idx, 0)], -1)
    indicator = np.zeros((n, _N_CLASSES), dtype=np.int8)
    rows, cols = np.nonzero(shown)
    indicator[rows, tile_classes[rows, cols]] = 1
    if return_tiles:
        return out, indicator, tile_classes
    return out, indicator
