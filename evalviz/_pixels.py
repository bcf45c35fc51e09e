"""Pixel-value histograms: the share of pixels that are exactly 0, and the rest.

Public names are re-exported by :mod:`evalviz.explore`
(``PixelHistogramDisplay``, ``pixel_histogram``); import them from there.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _plotting as P
from ._format import format_percent, plural
from ._validation import as_array


class PixelHistogramDisplay:
    """How pixel values are distributed: the share that is exactly 0, and the rest.

    Parameters
    ----------
    edges : numpy.ndarray of shape (n_bins + 1,)
        Bin edges, in pixel units. For 0-255 integer images the first bin
        holds only the value 0 (edges 0 and 1) and the others hold 8 values
        each (1-8, 9-16, ..., 249-255), so the background is never mixed with
        dark ink.
    counts : numpy.ndarray of shape (n_bins,)
        Number of pixels in each bin.
    stats : pandas.Series
        The min, max, mean, std and the share of pixels equal to zero.
    zero_count : int, optional
        Number of pixels exactly equal to 0 (default: from ``stats``).
    what : str, default="all images"
        What the pixels are, for the title.

    Attributes
    ----------
    ax_ : numpy.ndarray of two Axes, set by :meth:`plot`.
    figure_ : matplotlib Figure, set by :meth:`plot`.

    Notes
    -----
    Raw Fashion-MNIST pixels run from 0 to 255 and about half are exactly 0
    (background). The plot therefore has two panels on linear axes: the share
    of pixels that are exactly 0 against the share above 0, and the histogram
    of the values above 0. A single histogram would need a log axis for the
    zero bar and the rest to fit, and a log axis exaggerates small
    differences. See :func:`evalviz.explore.initial_activations` for why the 0-255 scale
    matters to a network.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.explore import pixel_histogram
    >>> pixel_histogram(np.array([[0, 0], [10, 255]], dtype=np.uint8))
    PixelHistogramDisplay(4 pixels, 50.0% exactly 0, 33 bins)
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

    def __repr__(self) -> str:
        n = int(self.counts.sum())
        return (
            f"PixelHistogramDisplay({plural(n, 'pixel')}, "
            f"{format_percent(self.zero_count / max(n, 1), 1)} exactly 0, "
            f"{plural(self.counts.size, 'bin')})"
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per bin.

        Returns
        -------
        pandas.DataFrame
            Columns ``from`` (included), ``to`` (excluded), ``pixels``,
            ``share``.
        """
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

        Parameters
        ----------
        ax : pair of Axes, optional
            Where to draw; a new figure (constrained layout) when None. Both
            y axes are linear and start at 0.
        title : str, optional
            The figure title.

        Returns
        -------
        PixelHistogramDisplay
            Self, with ``ax_`` and ``figure_`` set.
        """
        if ax is None:
            fig, axes = P.new_grid(
                1,
                2,
                figsize=P.STYLE["pixel_histogram_figsize"],
                width_ratios=(1, 3.2),
                layout="constrained",
            )
            axes = axes[0]
        else:
            axes = np.asarray(ax, dtype=object).ravel()
            fig = axes[0].figure
        self._draw_zero_share(axes[0])
        self._draw_nonzero(axes[1])
        if title is None:
            title = f"Pixel values of {self.what}"
        fig.suptitle(title, fontsize=P.STYLE["title"])
        self.ax_, self.figure_ = axes, fig
        return self

    def _draw_zero_share(self, ax):
        total = max(int(self.counts.sum()), 1)
        zero_share = self.zero_count / total
        shares = [zero_share, 1 - zero_share]
        bars = ax.bar(
            ["exactly 0", "above 0"],
            [100 * v for v in shares],
            color=[P.PALETTE[6], P.PALETTE[0]],
            width=0.6,
        )
        ax.bar_label(
            bars,
            labels=[format_percent(v, 1) for v in shares],
            fontsize=P.STYLE["label"],
            padding=3,
        )
        ax.set_ylim(0, 115)
        P.style_axes(ax, title="Share of pixels", ylabel="% of all pixels")
        ax.tick_params(axis="x", labelsize=P.STYLE["label"])

    def _draw_nonzero(self, ax):
        total = max(int(self.counts.sum()), 1)
        # every bin that holds values above 0
        nonzero_from = 1 if self.edges.size > 1 and self.edges[1] <= 1 else 0
        lo, hi = self.edges[nonzero_from:-1], self.edges[nonzero_from + 1 :]
        counts = self.counts[nonzero_from:].astype(float)
        if nonzero_from == 0 and self.zero_count:
            counts = counts.copy()
            counts[0] -= self.zero_count
        ax.bar(
            lo,
            100 * counts / total,
            width=hi - lo,
            align="edge",
            color=P.PALETTE[0],
            edgecolor=P.paper(ax),
            linewidth=0.5,
        )
        ax.set_xlim(0, float(self.edges[-1]))
        if counts.size and counts.max() > 0:
            # room above the bars for the summary box
            ax.set_ylim(0, 1.5 * 100 * counts.max() / total)
        P.style_axes(
            ax,
            title="Pixels above 0: histogram",
            xlabel="pixel value",
            ylabel="% of all pixels",
        )
        s = self.stats
        ax.text(
            0.98,
            0.95,
            f"min {s['min']:g}, max {s['max']:g}\nmean {s['mean']:.1f}, "
            f"std {s['std']:.1f}\n{format_percent(s['share zero'], 1)} of pixels are 0",
            transform=ax.transAxes,
            ha="right",
            va="top",
            fontsize=P.STYLE["tick"] + 1,
            bbox=dict(facecolor=P.paper(ax), edgecolor=P.NEUTRAL),
        )


def pixel_histogram(images, *, bins=32, what="all images") -> PixelHistogramDisplay:
    """Histogram of every pixel value in ``images`` (any shape), plus summary stats.

    Parameters
    ----------
    images : array-like of numbers, any shape
        Pixel values.
    bins : int, default=32
        Number of bins above 0 for 0-255 integer images (their first bin is
        the value 0 alone, so there are ``bins + 1`` in all); the number of
        equal-width bins for other data.
    what : str, default="all images"
        What the pixels are, for the title (``"the 60,000 training images"``).

    Returns
    -------
    PixelHistogramDisplay
        Not drawn yet.

    Raises
    ------
    ValueError
        If the images do not hold numbers or ``bins`` is not positive.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.explore import pixel_histogram
    >>> pixel_histogram(np.array([0, 0, 1, 200], dtype=np.uint8)).zero_count
    2
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
