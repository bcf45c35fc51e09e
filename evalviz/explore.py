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
    "initial_activations",
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
        fig, ax = P.new_axes(ax, figsize=(8.8, 0.5 * k + 1.6))
        height = 0.8 / n_splits
        for s, split in enumerate(counts.columns):
            y = np.arange(k) + (s - (n_splits - 1) / 2) * height
            bars = ax.barh(
                y, counts[split], height=height, color=P.PALETTE[s], label=split
            )
            ax.bar_label(bars, fontsize=P.LABEL_SIZE, padding=3)
        ax.set_yticks(range(k), list(counts.index))
        ax.tick_params(axis="y", labelsize=P.LABEL_SIZE)
        ax.invert_yaxis()
        ax.set_xlim(0, counts.to_numpy().max() * 1.2)
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

    def pairs(self, pairs=None) -> pd.DataFrame:
        """Correlation and rank of every pair of classes, or of the pairs given.

        Parameters
        ----------
        pairs : sequence of (class, class), optional
            Class names or indices, e.g. ``[("Shirt", "T-shirt/top")]`` or the
            ``true_name`` / ``predicted_name`` columns of a ``top_confusions``
            table zipped together. Order inside a pair does not matter.

        Returns
        -------
        pandas.DataFrame
            Columns ``class``, ``other class``, ``correlation`` and ``rank``
            (1 = the most similar of all ``k * (k - 1) / 2`` pairs), in the
            order given (all pairs: most similar first).
        """
        sim = self.similarity().to_numpy()
        k = len(self.labels)
        i, j = np.triu_indices(k, k=1)
        values = sim[i, j]
        order = np.argsort(-values, kind="stable")
        rank = np.empty(values.size, dtype=np.int64)
        rank[order] = np.arange(1, values.size + 1)
        position = {
            (int(a), int(b)): n for n, (a, b) in enumerate(zip(i, j, strict=True))
        }
        if pairs is None:
            chosen = [(int(i[n]), int(j[n])) for n in order]
        else:
            chosen = []
            for pair in pairs:
                if len(pair) != 2:
                    raise ValueError(
                        f"pairs must hold pairs of classes, got {pair!r}; write "
                        "pairs=[('Shirt', 'T-shirt/top')]"
                    )
                a, b = (self._class_index(c) for c in pair)
                if a == b:
                    raise ValueError(
                        f"pair {pair!r} names the same class twice; a class always "
                        "correlates 1.0 with itself"
                    )
                chosen.append((a, b))
        rows = [position[(min(a, b), max(a, b))] for a, b in chosen]
        return pd.DataFrame(
            {
                "class": [self.labels[a] for a, _ in chosen],
                "other class": [self.labels[b] for _, b in chosen],
                "correlation": values[rows],
                "rank": rank[rows],
            }
        )

    def _class_index(self, c) -> int:
        if isinstance(c, str):
            if c not in self.labels:
                raise ValueError(
                    f"unknown class name {c!r}; the classes are {self.labels}"
                )
            return self.labels.index(c)
        if (
            isinstance(c, bool)
            or not isinstance(c, (int, np.integer))
            or not 0 <= c < len(self.labels)
        ):
            raise ValueError(
                f"class {c!r} is neither a class name nor an index in "
                f"0..{len(self.labels) - 1}"
            )
        return int(c)

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
    """How pixel values are distributed: the share that is exactly 0, and the rest.

    Attributes
    ----------
    edges : numpy.ndarray
        Bin edges. For 0-255 integer images the first bin holds only the
        value 0 (edges 0 and 1) and the others hold 8 values each (1-8, 9-16,
        ..., 249-255), so the background is never mixed with dark ink.
    counts : numpy.ndarray
        Number of pixels in each bin.
    zero_count : int
        Number of pixels exactly equal to 0.
    stats : pandas.Series
        min, max, mean, std and the share of pixels equal to zero.
    ax_ : numpy.ndarray of two Axes, figure_ : set by :meth:`plot`.

    Notes
    -----
    Raw Fashion-MNIST pixels run from 0 to 255 and about half are exactly 0
    (background). The plot therefore has two panels on linear axes: the share
    of pixels that are exactly 0 against the share above 0, and the histogram
    of the values above 0. A single histogram would need a log axis for the
    zero bar and the rest to fit, and a log axis exaggerates small
    differences. See :func:`initial_activations` for why the 0-255 scale
    matters to a network.
    """

    def __init__(self, edges, counts, stats, *, zero_count=None, what="all images"):
        self.edges = np.asarray(edges)
        self.counts = np.asarray(counts)
        self.stats = stats
        self.zero_count = (
            int(zero_count)
            if zero_count is not None
            else int(round(stats["share zero"] * self.counts.sum()))
        )
        self.what = what

    def to_frame(self) -> pd.DataFrame:
        """One row per bin: ``from`` (included), ``to`` (excluded), ``pixels``, ``share``."""
        return pd.DataFrame(
            {
                "from": self.edges[:-1],
                "to": self.edges[1:],
                "pixels": self.counts,
                "share": self.counts / max(int(self.counts.sum()), 1),
            }
        )

    def plot(self, ax=None, *, title=None):
        """Draw the zero / non-zero shares (left) and the non-zero histogram (right).

        ``ax`` may be a pair of axes. Both y axes are linear and start at 0.
        """
        if ax is None:
            fig, axes = P.new_grid(
                1,
                2,
                figsize=(11.0, 4.4),
                width_ratios=(1, 3.2),
                layout="constrained",
            )
            axes = axes[0]
        else:
            axes = np.asarray(ax, dtype=object).ravel()
            fig = axes[0].figure
        total = max(int(self.counts.sum()), 1)
        zero_share = self.zero_count / total
        left, right = axes[0], axes[1]
        bars = left.bar(
            ["exactly 0", "above 0"],
            [100 * zero_share, 100 * (1 - zero_share)],
            color=[P.PALETTE[6], P.PALETTE[0]],
            width=0.6,
        )
        left.bar_label(bars, fmt="%.1f%%", fontsize=P.LABEL_SIZE, padding=3)
        left.set_ylim(0, 115)
        P.style_axes(left, title="Share of pixels", ylabel="% of all pixels")
        left.tick_params(axis="x", labelsize=P.LABEL_SIZE)
        # Right panel: every bin that holds values above 0.
        nonzero_from = 1 if self.edges.size > 1 and self.edges[1] <= 1 else 0
        lo, hi = self.edges[nonzero_from:-1], self.edges[nonzero_from + 1 :]
        counts = self.counts[nonzero_from:].astype(float)
        if nonzero_from == 0 and self.zero_count:
            counts = counts.copy()
            counts[0] -= self.zero_count
        right.bar(
            lo,
            100 * counts / total,
            width=hi - lo,
            align="edge",
            color=P.PALETTE[0],
            edgecolor="white",
            linewidth=0.5,
        )
        right.set_xlim(0, float(self.edges[-1]))
        if counts.size and counts.max() > 0:
            # room above the bars for the summary box
            right.set_ylim(0, 1.5 * 100 * counts.max() / total)
        P.style_axes(
            right,
            title="Pixels above 0: histogram",
            xlabel="pixel value",
            ylabel="% of all pixels",
        )
        s = self.stats
        right.text(
            0.98,
            0.95,
            f"min {s['min']:g}, max {s['max']:g}\nmean {s['mean']:.1f}, "
            f"std {s['std']:.1f}\n{100 * s['share zero']:.1f}% of pixels are 0",
            transform=right.transAxes,
            ha="right",
            va="top",
            fontsize=P.TICK_SIZE + 1,
            bbox=dict(facecolor="white", edgecolor="#cccccc"),
        )
        if title is None:
            title = f"Pixel values of {self.what}"
        fig.suptitle(title, fontsize=P.TITLE_SIZE)
        self.ax_, self.figure_ = axes, fig
        return self


def pixel_histogram(images, *, bins=32, what="all images") -> PixelHistogramDisplay:
    """Histogram of every pixel value in ``images`` (any shape), plus summary stats.

    Parameters
    ----------
    images : array-like of numbers
    bins : int, default 32
        Number of bins above 0 for 0-255 integer images (their first bin is
        the value 0 alone, so there are ``bins + 1`` in all); the number of
        equal-width bins for other data.
    what : str, default "all images"
        What the pixels are, for the title (``"the 60,000 training images"``).
    """
    pics = as_array(images, "images")
    if not np.issubdtype(pics.dtype, np.number) or pics.dtype == bool:
        raise ValueError(f"images must hold numbers, got dtype {pics.dtype}")
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)) or bins < 1:
        raise ValueError(f"bins must be a positive integer, got {bins!r}")
    flat = pics.ravel()
    if np.issubdtype(flat.dtype, np.integer) and flat.min() >= 0 and flat.max() <= 255:
        width = int(np.ceil(255 / int(bins)))
        edges = np.r_[0, np.arange(1, 256, width), 256]
    else:
        edges = np.histogram_bin_edges(flat.astype(np.float64), bins=int(bins))
    counts, edges = np.histogram(flat, bins=edges)
    as_float = flat.astype(np.float64)
    zero_count = int(np.count_nonzero(as_float == 0))
    stats = pd.Series(
        {
            "min": float(as_float.min()),
            "max": float(as_float.max()),
            "mean": float(as_float.mean()),
            "std": float(as_float.std()),
            "share zero": zero_count / max(as_float.size, 1),
        }
    )
    return PixelHistogramDisplay(edges, counts, stats, zero_count=zero_count, what=what)


def initial_activations(
    images,
    y_true=None,
    *,
    scales=None,
    hidden=(512, 256),
    n_classes=10,
    n_samples=2000,
    seed=0,
) -> pd.DataFrame:
    """What a freshly initialised dense network computes on raw and scaled pixels.

    Builds the lab's network shape (flattened image -> ``hidden`` ReLU layers
    -> ``n_classes`` softmax) with Keras' default initialisation (Glorot
    uniform weights, zero biases), runs ``n_samples`` images through it
    once per input scale, and reports how large the numbers are before any
    training step.

    Parameters
    ----------
    images : array-like of shape (n, height, width) or (n, n_features)
    y_true : array-like of int, optional
        Class labels; when given, the initial cross-entropy loss is reported.
    scales : mapping {name: factor}, optional
        Input scalings to compare; default ``{"raw 0-255": 1.0,
        "scaled 0-1": 1 / 255}``.
    hidden : sequence of int, default (512, 256)
    n_classes : int, default 10
    n_samples : int, default 2000
        Images drawn at random (without replacement) to keep it fast.
    seed : int, default 0
        The same weights and images are used for every scale.

    Returns
    -------
    pandas.DataFrame
        One row per scale; columns ``mean input length`` (Euclidean norm of
        an image vector), ``std of first-layer pre-activations``, ``std of
        output logits``, ``mean largest softmax probability`` and, with
        ``y_true``, ``initial loss`` (mean cross-entropy).

    Notes
    -----
    Glorot initialisation draws weights with variance ``2 / (fan_in +
    fan_out)`` so that pre-activations have a standard deviation of order 1
    when the inputs are of order 1 *per pixel*. The pre-activations are
    linear in the input, so multiplying every pixel by 255 multiplies their
    standard deviation by 255 too. A ReLU layer with zero bias is positively
    homogeneous (``relu(c * z) = c * relu(z)`` for ``c > 0``), so the logits
    are 255 times larger as well and the softmax starts saturated: one class
    gets a probability near 1, and a wrong guess costs a very large loss.
    """
    pics = as_array(images, "images")
    if pics.ndim < 2:
        raise ValueError(
            f"images must have shape (n, height, width) or (n, n_features), got "
            f"{pics.shape}"
        )
    flat = pics.reshape(pics.shape[0], -1).astype(np.float64)
    truth = None
    if y_true is not None:
        truth = check_labels(y_true, "y_true")
        check_same_length(truth, flat, "y_true", "images")
        check_labels_in_range(truth, int(n_classes), "y_true", "n_classes")
    if scales is None:
        scales = {"raw 0-255": 1.0, "scaled 0-1": 1.0 / 255.0}
    if isinstance(n_samples, bool) or not isinstance(n_samples, (int, np.integer)):
        raise ValueError(f"n_samples must be a positive integer, got {n_samples!r}")
    if n_samples < 1:
        raise ValueError(f"n_samples must be at least 1, got {n_samples}")
    rng = np.random.default_rng(seed)
    take = rng.choice(
        flat.shape[0], size=min(int(n_samples), flat.shape[0]), replace=False
    )
    take.sort()
    x0 = flat[take]
    sizes = [flat.shape[1], *[int(h) for h in hidden], int(n_classes)]
    weights = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        weights.append(rng.uniform(-limit, limit, size=(fan_in, fan_out)))
    rows = {}
    for name, factor in scales.items():
        x = x0 * float(factor)
        first = x @ weights[0]
        logits = first
        for w in weights[1:]:
            logits = np.maximum(logits, 0.0) @ w
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_proba = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        row = {
            "mean input length": float(np.linalg.norm(x, axis=1).mean()),
            "std of first-layer pre-activations": float(first.std()),
            "std of output logits": float(logits.std()),
            "mean largest softmax probability": float(
                np.exp(log_proba.max(axis=1)).mean()
            ),
        }
        if truth is not None:
            row["initial loss"] = float(
                -log_proba[np.arange(len(take)), truth[take]].mean()
            )
        rows[str(name)] = row
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "input"
    return frame
