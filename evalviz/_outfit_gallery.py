"""The outfit gallery: outfit images with their true and predicted label sets.

Private to the display layer; :mod:`evalviz.multilabel` re-exports
:class:`OutfitGallery` and :func:`outfit_gallery`.
"""

from __future__ import annotations

import textwrap

import numpy as np

from . import _plotting as P
from ._format import format_count, plural
from .metrics import wrong_label_counts

__all__ = ["OutfitGallery", "outfit_gallery"]


# ---------------------------------------------------------------------------
# Outfit gallery
# ---------------------------------------------------------------------------


class OutfitGallery:
    """A few outfit images with their label sets (and, optionally, predictions).

    Parameters
    ----------
    images : ndarray of shape (n_outfits, height, width)
        The outfit images (56 x 56 from :func:`evalviz.datasets.make_outfits`).
    labels : ndarray of shape (n_outfits, n_labels)
        0/1 indicator of the classes present.
    y_score : ndarray of shape (n_outfits, n_labels), optional
        Predicted probabilities; the gallery then shows the labels scored
        above ``threshold`` and a verdict per outfit.
    threshold : float, default=0.5
        A label is predicted when its score is strictly above.
    display_labels : sequence of str, optional
        One name per label; default the Fashion-MNIST class names when there
        are ten labels, else "0", "1", ...

    Attributes
    ----------
    figure_ : matplotlib.figure.Figure
        Set by :meth:`plot`.
    axes_ : ndarray of matplotlib Axes
        One per outfit (extra grid cells switched off).
    images_ : list of matplotlib.image.AxesImage
        One per outfit.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.multilabel import OutfitGallery
    >>> images = np.zeros((2, 56, 56), dtype=np.uint8)
    >>> labels = np.array([[1, 0, 1], [0, 1, 0]])
    >>> OutfitGallery(images, labels, y_score=[[0.9, 0.1, 0.2], [0.1, 0.8, 0.3]])
    OutfitGallery(2 outfits; 1 with every label right)
    """

    def __init__(
        self, images, labels, *, y_score=None, threshold=0.5, display_labels=None
    ):
        self.images = np.asarray(images)
        self.labels = np.asarray(labels)
        self.y_score = None if y_score is None else np.asarray(y_score)
        self.threshold = float(threshold)
        if display_labels is None:
            n_labels = self.labels.shape[1]
            if n_labels == 10:
                from .datasets import FASHION_MNIST_CLASSES

                display_labels = FASHION_MNIST_CLASSES
            else:
                display_labels = [str(j) for j in range(n_labels)]
        self.display_labels = [str(x) for x in display_labels]
        self.wrong_ = (
            None
            if self.y_score is None
            else wrong_label_counts(self.labels, self.y_score, threshold=self.threshold)
        )

    def _label_text(self, row) -> str:
        return (
            ", ".join(self.display_labels[c] for c in np.flatnonzero(row)) or "(none)"
        )

    def to_frame(self):
        """One row per outfit: true labels, and predicted labels if scores were given.

        Returns
        -------
        pandas.DataFrame
            Index ``outfit``; columns ``true labels`` and, with scores,
            ``predicted (score > t)``, ``wrong labels`` and
            ``all labels right``.
        """
        import pandas as pd

        frame = pd.DataFrame(
            {"true labels": [self._label_text(r) for r in self.labels]}
        )
        if self.y_score is not None:
            predicted = self.y_score > self.threshold
            frame[f"predicted (score > {self.threshold:g})"] = [
                self._label_text(r) for r in predicted
            ]
            frame["wrong labels"] = self.wrong_
            frame["all labels right"] = self.wrong_ == 0
        frame.index.name = "outfit"
        return frame

    def __repr__(self) -> str:
        n = plural(self.images.shape[0], "outfit")
        if self.wrong_ is None:
            return f"OutfitGallery({n}; true labels only)"
        right = int(np.count_nonzero(self.wrong_ == 0))
        return f"OutfitGallery({n}; {format_count(right)} with every label right)"

    def _verdict(self, wrong: int) -> str:
        n_labels = self.labels.shape[1]
        if wrong == 0:
            return (
                "the label right" if n_labels == 1 else f"all {n_labels} labels right"
            )
        return f"{format_count(wrong)} of {plural(n_labels, 'label')} wrong"

    def _captions(self):
        frame = self.to_frame()
        captions, colors = [], []
        for i in range(len(frame)):
            lines = ["true: " + frame.iloc[i, 0]]
            color = P.ink()
            if self.y_score is not None:
                wrong = int(frame["wrong labels"].iloc[i])
                lines = [self._verdict(wrong), *lines, "pred: " + frame.iloc[i, 1]]
                color = "#009E73" if wrong == 0 else "#D55E00"
            captions.append(
                "\n".join(
                    textwrap.fill(
                        line, P.STYLE["outfit_caption_chars"], subsequent_indent="  "
                    )
                    for line in lines
                )
            )
            colors.append(color)
        return captions, colors

    def plot(self, ax=None, *, ncols=4, title=None):
        """Draw the outfits in a grid, each with its label sets as a caption.

        Each caption lists the true labels and, with scores, the predicted
        ones and a verdict in words ("all 10 labels right" or "2 of 10 labels
        wrong"), coloured green or orange as well. The figure grows with the
        longest caption so that no caption reaches the row above.

        Parameters
        ----------
        ax : array of matplotlib Axes, optional
            One axes per outfit; default a new figure.
        ncols : int, default=4
            Outfits per row.
        title : str, optional
            A title over the whole figure.

        Returns
        -------
        OutfitGallery
            ``self``, with ``figure_``, ``axes_`` and ``images_`` set.
        """
        count = self.images.shape[0]
        ncols = max(1, min(int(ncols), count))
        nrows = -(-count // ncols)
        captions, colors = self._captions()
        fig, axes = self._figure(ax, captions, nrows, ncols, title)
        self.images_ = []
        side = self.images.shape[1] / 2 - 0.5
        for i, a in enumerate(axes.flat):
            if i >= count:
                a.set_axis_off()
                continue
            self.images_.append(
                a.imshow(self.images[i], cmap="gray_r", vmin=0, vmax=255)
            )
            a.set_xticks([])
            a.set_yticks([])
            a.axhline(side, color="#999999", linewidth=0.6)
            a.axvline(side, color="#999999", linewidth=0.6)
            a.set_title(
                captions[i], fontsize=P.STYLE["label"], color=colors[i], loc="left"
            )
        if title is not None:
            fig.suptitle(title, fontsize=P.STYLE["title"])
        self.figure_, self.axes_ = fig, axes
        return self

    def _figure(self, ax, captions, nrows, ncols, title):
        if ax is not None:
            return P.panel_grid(len(captions), ax, per_row=ncols, panel_size=(1, 1))
        # Inches per caption line at the label font size, with line spacing.
        line_h = P.STYLE["label"] * 1.35 / 72
        width, image_h = P.STYLE["outfit_cell_size"]
        rows_h = [
            image_h
            + line_h
            * max(c.count("\n") + 1 for c in captions[r * ncols : (r + 1) * ncols])
            + 0.2
            for r in range(nrows)
        ]
        return P.new_grid(
            nrows,
            ncols,
            figsize=(width * ncols, sum(rows_h) + (0.5 if title else 0.0)),
            layout="constrained",
            gridspec_kw={"height_ratios": rows_h},
        )


def outfit_gallery(
    images,
    labels,
    *,
    y_score=None,
    threshold=0.5,
    n=8,
    start=0,
    display_labels=None,
    ncols=4,
    title=None,
    ax=None,
):
    """Draw outfits ``start .. start + n - 1`` as an :class:`OutfitGallery`.

    Parameters
    ----------
    images : ndarray of shape (n_outfits, 56, 56)
        Outfit images, as :func:`evalviz.datasets.make_outfits` returns.
    labels : ndarray of shape (n_outfits, n_labels)
        0/1 indicator of the classes present.
    y_score : ndarray of shape (n_outfits, n_labels), optional
        Predicted probabilities; the gallery then shows the labels above
        ``threshold`` and colours a caption green when every label is right.
    threshold : float, default=0.5
        A label is predicted when its score is strictly above.
    n : int, default=8
        How many outfits to show.
    start : int, default=0
        The first outfit shown.
    display_labels : sequence of str, optional
        One name per label; default the Fashion-MNIST class names.
    ncols : int, default=4
        Outfits per row.
    title : str, optional
        A title over the whole figure.
    ax : array of matplotlib Axes, optional
        One axes per outfit; default a new figure.

    Returns
    -------
    OutfitGallery
        The drawn gallery.

    Notes
    -----
    A green caption means exact match (every label right), the rule of
    scikit-learn's ``accuracy_score`` on multi-label input.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import numpy as np
    >>> from evalviz.multilabel import outfit_gallery
    >>> images = np.zeros((3, 56, 56), dtype=np.uint8)
    >>> labels = np.eye(3, 10, dtype=int)
    >>> outfit_gallery(images, labels, n=2)
    OutfitGallery(2 outfits; true labels only)
    """
    sl = slice(int(start), int(start) + int(n))
    score = None if y_score is None else np.asarray(y_score)[sl]
    gallery = OutfitGallery(
        np.asarray(images)[sl],
        np.asarray(labels)[sl],
        y_score=score,
        threshold=threshold,
        display_labels=display_labels,
    )
    return gallery.plot(ax=ax, ncols=ncols, title=title)
