"""A first look at an image data set: class balance, examples, mean images, pixels.

Each function returns a display object holding the numbers; ``.plot(ax=None)``
draws them and ``.to_frame()`` gives them as a table. Images are arrays of
shape (n, height, width) with integer class labels, as
:func:`evalviz.datasets.load_fashion_mnist` returns them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _plotting as P
from ._validation import (
    as_array,
    check_class_names,
    check_labels,
    check_labels_in_range,
    check_same_length,
)

__all__ = [
    "ClassBalanceDisplay",
    "ExampleGridDisplay",
    "MeanImageDisplay",
    "PixelHistogramDisplay",
    "class_balance",
    "example_grid",
    "mean_images",
    "pixel_histogram",
]


def _images_and_labels(images, y_true, labels):
    pics = as_array(images, "images")
    if pics.ndim != 3:
        raise ValueError(
            f"images must have shape (n, height, width), got {pics.shape}; reshape "
            "flat rows with images.reshape(-1, 28, 28)"
        )
    truth = check_labels(y_true, "y_true")
    check_same_length(truth, pics, "y_true", "images")
    n_classes = len(list(labels)) if labels is not None else int(truth.max()) + 1
    check_labels_in_range(truth, n_classes, "y_true", "labels")
    return pics, truth, check_class_names(labels, n_classes)


class ClassBalanceDisplay:
    """How many samples each class has, per split.

    Attributes
    ----------
    counts : pandas.DataFrame
        One row per class, one column per split.

    Notes
    -----
    A balanced data set makes accuracy easy to read: the majority-class
    baseline is ``1 / n_classes``. With imbalance, compare against the largest
    class share instead.
    """

    def __init__(self, counts):
        self.counts = counts

    def to_frame(self) -> pd.DataFrame:
        frame = self.counts.copy()
        for split in self.counts.columns:
            frame[f"{split} share"] = self.counts[split] / self.counts[split].sum()
        return frame

    def plot(self, ax=None, *, title="Samples per class"):
        counts = self.counts
        k, n_splits = counts.shape
        fig, ax = P.new_axes(ax, figsize=(8.0, 0.42 * k + 1.6))
        height = 0.8 / n_splits
        for s, split in enumerate(counts.columns):
            y = np.arange(k) + (s - (n_splits - 1) / 2) * height
            bars = ax.barh(
                y, counts[split], height=height, color=P.PALETTE[s], label=split
            )
            ax.bar_label(bars, fontsize=P.TICK_SIZE - 1, padding=2)
        ax.set_yticks(range(k), list(counts.index))
        ax.invert_yaxis()
        ax.set_xlim(0, counts.to_numpy().max() * 1.15)
        P.style_axes(ax, title=title, xlabel="number of images")
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            fontsize=P.TICK_SIZE + 1,
        )
        self.ax_, self.figure_ = ax, fig
        return self


def class_balance(*, labels=None, **splits) -> ClassBalanceDisplay:
    """Count the samples of each class in one or more splits.

    Parameters
    ----------
    labels : sequence of str, optional
        Class names, in label order.
    **splits : array-like of int
        One label array per split, e.g. ``train=y_train, test=y_test``.

    Returns
    -------
    ClassBalanceDisplay
    """
    if not splits:
        raise ValueError("pass at least one split, e.g. class_balance(train=y_train)")
    arrays = {name: check_labels(y, name) for name, y in splits.items()}
    n_classes = (
        len(list(labels))
        if labels is not None
        else max(int(a.max()) for a in arrays.values()) + 1
    )
    for name, a in arrays.items():
        check_labels_in_range(a, n_classes, name, "labels")
    names = check_class_names(labels, n_classes)
    counts = pd.DataFrame(
        {name: np.bincount(a, minlength=n_classes) for name, a in arrays.items()},
        index=pd.Index(names, name="class"),
    )
    return ClassBalanceDisplay(counts)


class ExampleGridDisplay:
    """A few example images of each class, one row per class.

    Attributes
    ----------
    indices : pandas.DataFrame
        One row per class; columns ``example 1`` ... hold the positions of the
        images shown.
    """

    def __init__(self, images, indices):
        self.images = images
        self.indices = indices

    def to_frame(self) -> pd.DataFrame:
        return self.indices.copy()

    def plot(self, ax=None, *, cmap="gray_r", title="Examples of each class"):
        k, n = self.indices.shape
        if ax is None:
            fig, axes = P.new_grid(
                k, n, figsize=(1.1 * n + 1.8, 1.1 * k + 0.6), layout="constrained"
            )
        else:
            axes = np.atleast_2d(np.asarray(ax, dtype=object))
            fig = axes.flat[0].figure
        for r, (name, row) in enumerate(self.indices.iterrows()):
            for c in range(n):
                a = axes[r, c]
                a.set_xticks([])
                a.set_yticks([])
                for spine in a.spines.values():
                    spine.set_visible(False)
                idx = row.iloc[c]
                if idx >= 0:
                    a.imshow(self.images[int(idx)], cmap=cmap)
            axes[r, 0].set_ylabel(
                f"{name}",
                rotation=0,
                ha="right",
                va="center",
                fontsize=P.LABEL_SIZE,
                labelpad=8,
            )
        fig.suptitle(title, fontsize=P.TITLE_SIZE)
        self.ax_, self.figure_ = axes, fig
        return self


def example_grid(images, y_true, *, labels=None, n=8, seed=0) -> ExampleGridDisplay:
    """Pick ``n`` random examples of each class (reproducible with ``seed``).

    A class with fewer than ``n`` images shows what it has (missing cells hold
    -1 in the index table).
    """
    pics, truth, names = _images_and_labels(images, y_true, labels)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    rng = np.random.default_rng(seed)
    table = np.full((len(names), int(n)), -1, dtype=np.int64)
    for k in range(len(names)):
        idx = np.flatnonzero(truth == k)
        pick = np.sort(rng.choice(idx, size=min(n, idx.size), replace=False))
        table[k, : pick.size] = pick
    indices = pd.DataFrame(
        table,
        index=pd.Index(names, name="class"),
        columns=[f"example {i + 1}" for i in range(int(n))],
    )
    return ExampleGridDisplay(pics, indices)


class MeanImageDisplay:
    """The average image of each class.

    Attributes
    ----------
    means : numpy.ndarray of shape (n_classes, height, width)
        Mean pixel value of each class, on the scale of the input.
    labels : list of str

    Notes
    -----
    A mean image shows where a class puts ink on average: classes whose mean
    images look alike (Shirt, T-shirt/top, Pullover, Coat in Fashion-MNIST)
    are the ones a pixel-based model will confuse.
    """

    def __init__(self, means, labels):
        self.means = means
        self.labels = labels

    def to_frame(self) -> pd.DataFrame:
        """Per class: mean pixel value and share of pixels that are mostly ink."""
        flat = self.means.reshape(len(self.labels), -1)
        top = max(float(self.means.max()), 1e-12)
        return pd.DataFrame(
            {
                "mean pixel": flat.mean(axis=1),
                "share of pixels above half the max": (flat > top / 2).mean(axis=1),
            },
            index=pd.Index(self.labels, name="class"),
        )

    def similarity(self) -> pd.DataFrame:
        """Correlation between the mean images of every pair of classes."""
        flat = self.means.reshape(len(self.labels), -1)
        return pd.DataFrame(np.corrcoef(flat), index=self.labels, columns=self.labels)

    def most_similar(self, n=5) -> pd.DataFrame:
        """The ``n`` pairs of classes whose mean images correlate most."""
        sim = self.similarity().to_numpy()
        i, j = np.triu_indices(len(self.labels), k=1)
        order = np.argsort(-sim[i, j], kind="stable")[: int(n)]
        return pd.DataFrame(
            {
                "class": [self.labels[a] for a in i[order]],
                "other class": [self.labels[b] for b in j[order]],
                "correlation": sim[i, j][order],
            }
        )

    def plot(
        self, ax=None, *, cmap="gray_r", ncols=5, title="Mean image of each class"
    ):
        k = len(self.labels)
        nrows = int(np.ceil(k / ncols))
        if ax is None:
            fig, axes = P.new_grid(
                nrows,
                ncols,
                figsize=(2.0 * ncols, 2.2 * nrows + 0.4),
                layout="constrained",
            )
        else:
            axes = np.atleast_2d(np.asarray(ax, dtype=object))
            fig = axes.flat[0].figure
        vmax = float(self.means.max())
        for i, a in enumerate(axes.flat):
            a.set_xticks([])
            a.set_yticks([])
            for spine in a.spines.values():
                spine.set_visible(False)
            if i < k:
                a.imshow(self.means[i], cmap=cmap, vmin=0, vmax=vmax)
                a.set_title(self.labels[i], fontsize=P.LABEL_SIZE)
        fig.suptitle(title, fontsize=P.TITLE_SIZE)
        self.ax_, self.figure_ = axes, fig
        return self


def mean_images(images, y_true, *, labels=None) -> MeanImageDisplay:
    """Average the images of each class (float64, same scale as the input)."""
    pics, truth, names = _images_and_labels(images, y_true, labels)
    k = len(names)
    sums = np.zeros((k, *pics.shape[1:]), dtype=np.float64)
    np.add.at(sums, truth, pics.astype(np.float64))
    counts = np.bincount(truth, minlength=k).astype(np.float64)
    means = sums / np.maximum(counts, 1)[:, None, None]
    return MeanImageDisplay(means, names)


class PixelHistogramDisplay:
    """How pixel values are distributed over all images.

    Attributes
    ----------
    edges : numpy.ndarray
        Bin edges.
    counts : numpy.ndarray
        Number of pixels in each bin.
    stats : pandas.Series
        min, max, mean, std and the share of pixels equal to zero.

    Notes
    -----
    Raw Fashion-MNIST pixels run from 0 to 255 and about half are exactly 0
    (background). A network's first layer multiplies these by small random
    weights, so unscaled inputs give activations hundreds of times larger than
    the initialisation expects: large first-epoch losses and unstable steps.
    Dividing by 255 puts the inputs in [0, 1].
    """

    def __init__(self, edges, counts, stats):
        self.edges = edges
        self.counts = counts
        self.stats = stats

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {"from": self.edges[:-1], "to": self.edges[1:], "pixels": self.counts}
        )

    def plot(self, ax=None, *, log=True, title="Pixel values over all images"):
        fig, ax = P.new_axes(ax, figsize=(8.0, 4.2))
        widths = np.diff(self.edges)
        ax.bar(
            self.edges[:-1],
            self.counts,
            width=widths,
            align="edge",
            color=P.PALETTE[0],
            edgecolor="white",
            linewidth=0.3,
        )
        if log:
            ax.set_yscale("log")
        P.style_axes(
            ax,
            title=title,
            xlabel="pixel value (0 = background)",
            ylabel="number of pixels" + (" (log scale)" if log else ""),
        )
        s = self.stats
        ax.text(
            0.98,
            0.95,
            f"min {s['min']:g}, max {s['max']:g}\nmean {s['mean']:.1f}, "
            f"std {s['std']:.1f}\n{100 * s['share zero']:.1f}% of pixels are 0",
            transform=ax.transAxes,
            ha="right",
            va="top",
            fontsize=P.TICK_SIZE + 1,
            bbox=dict(facecolor="white", edgecolor="#cccccc"),
        )
        self.ax_, self.figure_ = ax, fig
        return self


def pixel_histogram(images, *, bins=32) -> PixelHistogramDisplay:
    """Histogram of every pixel value in ``images`` (any shape), plus summary stats."""
    pics = as_array(images, "images")
    if not np.issubdtype(pics.dtype, np.number) or pics.dtype == bool:
        raise ValueError(f"images must hold numbers, got dtype {pics.dtype}")
    flat = pics.ravel()
    if np.issubdtype(flat.dtype, np.integer) and flat.min() >= 0 and flat.max() <= 255:
        edges = np.linspace(0, 256, int(bins) + 1)
    else:
        edges = np.histogram_bin_edges(flat.astype(np.float64), bins=int(bins))
    counts, edges = np.histogram(flat, bins=edges)
    as_float = flat.astype(np.float64)
    stats = pd.Series(
        {
            "min": float(as_float.min()),
            "max": float(as_float.max()),
            "mean": float(as_float.mean()),
            "std": float(as_float.std()),
            "share zero": float(np.mean(as_float == 0)),
        }
    )
    return PixelHistogramDisplay(edges, counts, stats)
