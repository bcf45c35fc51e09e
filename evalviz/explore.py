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
from ._format import format_count, plural
from ._pixels import PixelHistogramDisplay, pixel_histogram
from ._validation import as_array, check_same_length, read_inputs
from .models import initial_activation_rows

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


def _read_labels(y_true, labels, display_labels, name="y_true"):
    """Class indices, names and the number of classes, by the one input model."""
    inputs = read_inputs(
        y_true,
        labels=labels,
        display_labels=display_labels,
        kind="multiclass",
        y_true_name=name,
    )
    return inputs.y, inputs.names


def _images_and_labels(images, y_true, labels, display_labels=None):
    pics = as_array(images, "images")
    if pics.ndim != 3:
        raise ValueError(
            f"images must have shape (n, height, width), got {pics.shape}; reshape "
            "flat rows with images.reshape(-1, 28, 28)"
        )
    truth, names = _read_labels(y_true, labels, display_labels)
    check_same_length(truth, pics, "y_true", "images")
    return pics, truth, names


def _new_axes(ax, figsize):
    if ax is not None:
        return ax.figure, ax
    fig, axes = P.new_grid(1, 1, figsize=figsize, layout="constrained")
    return fig, axes[0, 0]


class ClassBalanceDisplay:
    """How many samples each class has, per split.

    Parameters
    ----------
    counts : pandas.DataFrame
        One row per class (index: class names), one column per split.

    Attributes
    ----------
    ax_, figure_ : matplotlib objects, set by :meth:`plot`.

    Notes
    -----
    A balanced data set makes accuracy easy to read: the majority-class
    baseline is ``1 / n_classes``. With imbalance, compare against the largest
    class share instead.

    Examples
    --------
    >>> from evalviz.explore import class_balance
    >>> class_balance(train=["cat", "dog", "dog"], test=["cat", "dog"])
    ClassBalanceDisplay(2 classes, train 3 samples, test 2 samples)
    """

    def __init__(self, counts):
        self.counts = counts

    def __repr__(self) -> str:
        splits = ", ".join(
            f"{split} {plural(self.counts[split].sum(), 'sample')}"
            for split in self.counts.columns
        )
        k = len(self.counts)
        return f"ClassBalanceDisplay({plural(k, 'class', 'classes')}, {splits})"

    def to_frame(self) -> pd.DataFrame:
        """Counts and shares per class.

        Returns
        -------
        pandas.DataFrame
            One row per class: the count of each split and ``<split> share``.
        """
        frame = self.counts.copy()
        for split in self.counts.columns:
            frame[f"{split} share"] = self.counts[split] / self.counts[split].sum()
        return frame

    def plot(self, ax=None, *, title="Samples per class"):
        """Horizontal bars, one group per class.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (constrained layout) when None.
        title : str, default="Samples per class"
            The title.

        Returns
        -------
        ClassBalanceDisplay
            Self, with ``ax_``, ``figure_`` and ``bars_`` (one container per
            split) set.
        """
        counts = self.counts
        k, n_splits = counts.shape
        fig, ax = _new_axes(
            ax,
            (P.MAX_FIGURE_WIDTH, min(0.5 * k + 1.6, P.STYLE["matrix_max_figsize"][1])),
        )
        height = 0.8 / n_splits
        self.bars_ = []
        for s, split in enumerate(counts.columns):
            y = np.arange(k) + (s - (n_splits - 1) / 2) * height
            bars = ax.barh(
                y, counts[split], height=height, color=P.PALETTE[s], label=split
            )
            if k <= P.STYLE["matrix_max_cell_text"]:
                ax.bar_label(
                    bars,
                    labels=[format_count(v) for v in counts[split]],
                    fontsize=P.STYLE["label"],
                    padding=3,
                )
            self.bars_.append(bars)
        ax.set_yticks(range(k), list(counts.index))
        ax.tick_params(axis="y", labelsize=P.STYLE["label"])
        ax.invert_yaxis()
        ax.set_xlim(0, counts.to_numpy().max() * 1.2)
        P.style_axes(ax, title=title, xlabel="number of images")
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            fontsize=P.STYLE["tick"] + 1,
        )
        self.ax_, self.figure_ = ax, fig
        return self


def class_balance(*, labels=None, display_labels=None, **splits) -> ClassBalanceDisplay:
    """Count the samples of each class in one or more splits.

    Parameters
    ----------
    labels : array-like, optional
        The class values and their order (default: the sorted values of all
        splits); a list of names that are not class values is read as
        ``display_labels`` (deprecated).
    display_labels : sequence of str, optional
        Class names, in class order.
    **splits : array-like of shape (n_samples,)
        One label array per split, e.g. ``train=y_train, test=y_test``.

    Returns
    -------
    ClassBalanceDisplay
        Not drawn yet: ``.plot()`` draws, ``.to_frame()`` gives the numbers.

    Raises
    ------
    ValueError
        If no split is given or the labels do not match the names.

    Examples
    --------
    >>> from evalviz.explore import class_balance
    >>> class_balance(train=[0, 1, 1], test=[1, 1]).counts["test"].tolist()
    [0, 2]
    """
    if not splits:
        raise ValueError("pass at least one split, e.g. class_balance(train=y_train)")
    arrays = {name: as_array(y, name) for name, y in splits.items()}
    for name, arr in arrays.items():
        if arr.ndim != 1:
            raise ValueError(f"{name} must be 1-D class labels, got shape {arr.shape}")
    sizes = np.cumsum([a.shape[0] for a in arrays.values()])[:-1]
    joined = np.concatenate(list(arrays.values()))
    truth, names = _read_labels(joined, labels, display_labels, name="the splits")
    counts = pd.DataFrame(
        {
            name: np.bincount(part, minlength=len(names))
            for name, part in zip(arrays, np.split(truth, sizes), strict=True)
        },
        index=pd.Index(names, name="class"),
    )
    return ClassBalanceDisplay(counts)


class ExampleGridDisplay:
    """A few example images of each class, one row per class.

    Parameters
    ----------
    images : numpy.ndarray of shape (n, height, width)
        The images.
    indices : pandas.DataFrame
        One row per class (index: class names); columns ``example 1`` ...
        hold the positions of the images shown (-1: none).

    Attributes
    ----------
    ax_ : numpy.ndarray of Axes, set by :meth:`plot`.
    figure_ : matplotlib Figure, set by :meth:`plot`.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.explore import example_grid
    >>> example_grid(np.zeros((4, 3, 3)), [0, 1, 1, 0], n=2)
    ExampleGridDisplay(2 classes x 2 examples)
    """

    def __init__(self, images, indices):
        self.images = images
        self.indices = indices

    def __repr__(self) -> str:
        k, n = self.indices.shape
        return (
            f"ExampleGridDisplay({plural(k, 'class', 'classes')} x "
            f"{plural(n, 'example')})"
        )

    def to_frame(self) -> pd.DataFrame:
        """The positions of the images shown.

        Returns
        -------
        pandas.DataFrame
            A copy of :attr:`indices`.
        """
        return self.indices.copy()

    def plot(self, ax=None, *, cmap="gray_r", title="Examples of each class"):
        """One row of images per class.

        Parameters
        ----------
        ax : 2-D array of Axes, optional
            At least (classes, examples) axes; a new figure when None.
        cmap : str, default="gray_r"
            Colour map.
        title : str, default="Examples of each class"
            The figure title.

        Returns
        -------
        ExampleGridDisplay
            Self, with ``ax_`` and ``figure_`` set.
        """
        k, n = self.indices.shape
        if ax is None:
            (cw, ch), (mw, mh) = (
                P.STYLE["example_grid_cell"],
                P.STYLE["example_grid_margins"],
            )
            fig, axes = P.new_grid(
                k, n, figsize=(cw * n + mw, ch * k + mh), layout="constrained"
            )
        else:
            axes = np.atleast_2d(np.asarray(ax, dtype=object))
            fig = axes.flat[0].figure
        for r, (name, row) in enumerate(self.indices.iterrows()):
            for c in range(n):
                a = axes[r, c]
                _bare(a)
                idx = row.iloc[c]
                if idx >= 0:
                    a.imshow(self.images[int(idx)], cmap=cmap)
            axes[r, 0].set_ylabel(
                f"{name}",
                rotation=0,
                ha="right",
                va="center",
                fontsize=P.STYLE["label"],
                labelpad=8,
            )
        fig.suptitle(title, fontsize=P.STYLE["title"])
        self.ax_, self.figure_ = axes, fig
        return self


def _bare(ax) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def example_grid(
    images, y_true, *, labels=None, display_labels=None, n=8, seed=0
) -> ExampleGridDisplay:
    """Pick ``n`` random examples of each class (reproducible with ``seed``).

    Parameters
    ----------
    images : array-like of shape (n_samples, height, width)
        The images.
    y_true : array-like of shape (n_samples,)
        Class labels (any sortable type).
    labels : array-like, optional
        The class values and their order (a list of names is read as
        ``display_labels``, deprecated).
    display_labels : sequence of str, optional
        Class names.
    n : int, default=8
        Examples per class; a class with fewer images shows what it has.
    seed : int, default=0
        Seed of the random choice.

    Returns
    -------
    ExampleGridDisplay
        Not drawn yet.

    Raises
    ------
    ValueError
        If the images are not 3-D, the labels do not match, or ``n < 1``.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.explore import example_grid
    >>> example_grid(np.zeros((4, 3, 3)), [0, 1, 1, 0], n=2).to_frame().shape
    (2, 2)
    """
    pics, truth, names = _images_and_labels(images, y_true, labels, display_labels)
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

    Parameters
    ----------
    means : numpy.ndarray of shape (n_classes, height, width)
        Mean pixel value of each class, on the scale of the input.
    display_labels : list of str
        Class names (also kept as ``labels``).

    Attributes
    ----------
    ax_ : numpy.ndarray of Axes, set by :meth:`plot`.
    figure_ : matplotlib Figure, set by :meth:`plot`.

    Notes
    -----
    A mean image shows where a class puts ink on average: classes whose mean
    images look alike (Shirt, T-shirt/top, Pullover, Coat in Fashion-MNIST)
    are the ones a pixel-based model will confuse.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.explore import mean_images
    >>> mean_images(np.ones((4, 3, 5)), ["a", "b", "b", "a"])
    MeanImageDisplay(2 classes, 3 x 5 pixels)
    """

    def __init__(self, means, display_labels):
        self.means = means
        self.display_labels = list(display_labels)
        self.labels = self.display_labels

    def __repr__(self) -> str:
        k, h, w = self.means.shape
        return (
            f"MeanImageDisplay({plural(k, 'class', 'classes')}, {h} x "
            f"{plural(w, 'pixel')})"
        )

    def to_frame(self) -> pd.DataFrame:
        """Per class: mean pixel value and share of pixels that are mostly ink.

        Returns
        -------
        pandas.DataFrame
            One row per class: ``mean pixel`` and ``share of pixels above
            half the max``.
        """
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
        """Correlation between the mean images of every pair of classes.

        Returns
        -------
        pandas.DataFrame
            A (n_classes, n_classes) Pearson correlation table.
        """
        flat = self.means.reshape(len(self.labels), -1)
        return pd.DataFrame(np.corrcoef(flat), index=self.labels, columns=self.labels)

    def most_similar(self, n=5) -> pd.DataFrame:
        """The ``n`` pairs of classes whose mean images correlate most.

        Parameters
        ----------
        n : int, default=5
            How many pairs.

        Returns
        -------
        pandas.DataFrame
            Columns ``class``, ``other class``, ``correlation``, most similar
            first.
        """
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
        """One small image per class, on one grey scale.

        Parameters
        ----------
        ax : 2-D array of Axes, optional
            Enough axes for every class; a new figure when None.
        cmap : str, default="gray_r"
            Colour map.
        ncols : int, default=5
            Images per row.
        title : str, default="Mean image of each class"
            The figure title.

        Returns
        -------
        MeanImageDisplay
            Self, with ``ax_`` and ``figure_`` set.
        """
        k = len(self.labels)
        nrows = int(np.ceil(k / ncols))
        if ax is None:
            (cw, ch), (mw, mh) = (
                P.STYLE["mean_image_cell"],
                P.STYLE["mean_image_margins"],
            )
            fig, axes = P.new_grid(
                nrows,
                ncols,
                figsize=(cw * ncols + mw, ch * nrows + mh),
                layout="constrained",
            )
        else:
            axes = np.atleast_2d(np.asarray(ax, dtype=object))
            fig = axes.flat[0].figure
        vmax = float(self.means.max())
        for i, a in enumerate(axes.flat):
            _bare(a)
            if i < k:
                a.imshow(self.means[i], cmap=cmap, vmin=0, vmax=vmax)
                a.set_title(self.labels[i], fontsize=P.STYLE["label"])
        fig.suptitle(title, fontsize=P.STYLE["title"])
        self.ax_, self.figure_ = axes, fig
        return self


def mean_images(
    images, y_true, *, labels=None, display_labels=None
) -> MeanImageDisplay:
    """Average the images of each class (float64, same scale as the input).

    Parameters
    ----------
    images : array-like of shape (n_samples, height, width)
        The images.
    y_true : array-like of shape (n_samples,)
        Class labels (any sortable type).
    labels : array-like, optional
        The class values and their order (a list of names is read as
        ``display_labels``, deprecated).
    display_labels : sequence of str, optional
        Class names.

    Returns
    -------
    MeanImageDisplay
        Not drawn yet.

    Raises
    ------
    ValueError
        If the images are not 3-D or the labels do not match them.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.explore import mean_images
    >>> images = np.arange(4)[:, None, None] * np.ones((4, 2, 2))
    >>> mean_images(images, [0, 1, 1, 0]).means[:, 0, 0].tolist()
    [1.5, 1.5]
    """
    pics, truth, names = _images_and_labels(images, y_true, labels, display_labels)
    k = len(names)
    sums = np.zeros((k, *pics.shape[1:]), dtype=np.float64)
    np.add.at(sums, truth, pics.astype(np.float64))
    counts = np.bincount(truth, minlength=k).astype(np.float64)
    means = sums / np.maximum(counts, 1)[:, None, None]
    return MeanImageDisplay(means, names)


def _activation_inputs(images, y_true, n_classes, n_samples):
    """Flattened float64 images and class indices (or None), checked."""
    pics = as_array(images, "images")
    if pics.ndim < 2:
        raise ValueError(
            f"images must have shape (n, height, width) or (n, n_features), got "
            f"{pics.shape}"
        )
    flat = pics.reshape(pics.shape[0], -1).astype(np.float64)
    truth = None
    if y_true is not None:
        inputs = read_inputs(y_true, kind="multiclass")
        values = inputs.classes
        if (
            values.dtype.kind not in "iu"
            or values.min() < 0
            or values.max() >= n_classes
        ):
            raise ValueError(
                f"y_true holds {values[:10].tolist()}, but the network has "
                f"n_classes={n_classes} outputs: pass class indices 0..{n_classes - 1}"
            )
        truth = values[inputs.y]
        check_same_length(truth, flat, "y_true", "images")
    if isinstance(n_samples, bool) or not isinstance(n_samples, (int, np.integer)):
        raise ValueError(f"n_samples must be a positive integer, got {n_samples!r}")
    if n_samples < 1:
        raise ValueError(f"n_samples must be at least 1, got {n_samples}")
    return flat, truth


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
        Pixel values (0-255 for raw Fashion-MNIST).
    y_true : array-like of int, optional
        Class indices 0..n_classes-1; when given, the initial cross-entropy
        loss is reported.
    scales : mapping {name: factor}, optional
        Input scalings to compare; default ``{"raw 0-255": 1.0,
        "scaled 0-1": 1 / 255}``.
    hidden : sequence of int, default=(512, 256)
        Widths of the hidden ReLU layers.
    n_classes : int, default=10
        Width of the softmax output.
    n_samples : int, default=2000
        Images drawn at random (without replacement) to keep it fast.
    seed : int, default=0
        The same weights and images are used for every scale.

    Returns
    -------
    pandas.DataFrame
        One row per scale; columns ``mean input length`` (Euclidean norm of
        an image vector), ``std of first-layer pre-activations``, ``std of
        output logits``, ``mean largest softmax probability`` and, with
        ``y_true``, ``initial loss`` (mean cross-entropy).

    Raises
    ------
    ValueError
        If the images are not at least 2-D, ``y_true`` holds values outside
        0..n_classes-1, or ``n_samples`` is not positive.

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

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.explore import initial_activations
    >>> images = np.random.default_rng(0).integers(0, 256, (50, 4, 4))
    >>> table = initial_activations(images, hidden=(8,), n_samples=20)
    >>> ratio = table.iloc[0] / table.iloc[1]
    >>> round(float(ratio["std of output logits"]), 6)
    255.0
    """
    flat, truth = _activation_inputs(images, y_true, n_classes, n_samples)
    if scales is None:
        scales = {"raw 0-255": 1.0, "scaled 0-1": 1.0 / 255.0}
    rows = initial_activation_rows(
        flat,
        truth,
        scales=scales,
        hidden=hidden,
        n_classes=n_classes,
        n_samples=n_samples,
        seed=seed,
    )
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "input"
    return frame
