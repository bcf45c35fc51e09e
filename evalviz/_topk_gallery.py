"""The top-k gallery: images wrong at top-1 but right within the top k.

Private to the display layer; :mod:`evalviz.topk` re-exports its names.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _plotting as P
from ._format import plural
from ._validation import as_array, check_choice, check_same_length, read_inputs
from .metrics import (
    forgiven_confusions,
    rank_of_true_class,
)


class TopKGallery:
    """Images wrong at top-1 but right at top-k, one row per confusion.

    Parameters
    ----------
    images : numpy.ndarray of shape (n_samples, height, width) or (n, h, w, 3)
        The images.
    cells : pandas.DataFrame
        The confusions shown (rows of :func:`forgiven_confusions`).
    examples : pandas.DataFrame
        One row per image: ``row``, ``index`` (position in the data),
        ``true``, ``top1``, ``true_rank``, ``true_score``, ``top1_score``,
        ``gap`` (``top1_score - true_score``).
    k : int
        The k of top-k.
    n_images : int
        Images per row.
    order : {"closest", "typical"}, default="closest"
        How the images of a row were chosen.

    Attributes
    ----------
    ax_ : numpy.ndarray of Axes, set by :meth:`plot`.
    figure_ : matplotlib Figure, set by :meth:`plot`.

    Notes
    -----
    With ``order="closest"`` a row shows the smallest gaps, so it shows close
    calls *by construction*; ``order="typical"`` shows the gaps nearest the
    row's median; :func:`forgiven_summary` describes all forgiven samples.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.topk import topk_gallery
    >>> s = np.array([[.6, .3, .1], [.2, .3, .5], [.1, .7, .2], [.3, .5, .2]])
    >>> topk_gallery(np.zeros((4, 3, 3)), [0, 1, 1, 0], s, k=2)
    TopKGallery(2 rows, 2 images, top-2)
    """

    def __init__(self, images, cells, examples, *, k, n_images, order="closest"):
        self.order = order
        self.images = images
        self.cells = cells
        self.examples = examples
        self.k = k
        self.n_images = n_images

    @classmethod
    def from_predictions(cls, images, y_true, y_score, *, ax=None, **kwargs):
        """Collect the images and draw them.

        Parameters
        ----------
        images : array-like of shape (n_samples, height, width) or (n, h, w, 3)
            The images.
        y_true : array-like of shape (n_samples,)
            Class labels.
        y_score : array-like of shape (n_samples, n_classes)
            Scores, one column per class.
        ax : 2-D array of Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            ``k``, ``labels``, ``display_labels``, ``top``, ``n_images``,
            ``order`` as in :func:`topk_gallery`; the rest go to :meth:`plot`.

        Returns
        -------
        TopKGallery
            Drawn.
        """
        keys = ("k", "labels", "display_labels", "top", "n_images", "order")
        collect = {key: kwargs.pop(key) for key in keys if key in kwargs}
        gallery = topk_gallery(images, y_true, y_score, **collect)
        return gallery.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        return (
            f"TopKGallery({plural(len(self.cells), 'row')}, "
            f"{plural(len(self.examples), 'image')}, top-{self.k})"
        )

    def to_frame(self) -> pd.DataFrame:
        """The images shown.

        Returns
        -------
        pandas.DataFrame
            A copy of :attr:`examples`.
        """
        return self.examples.copy()

    def plot(self, ax=None, *, cmap="gray_r", title=None):
        """One row of images per confusion.

        Parameters
        ----------
        ax : 2-D array of Axes, optional
            At least (number of confusions, n_images) axes; a new figure
            (constrained layout) when None.
        cmap : str, default="gray_r"
            Colour map for grey images.
        title : str, optional
            Overrides the figure title.

        Returns
        -------
        TopKGallery
            Self, with ``ax_`` and ``figure_`` set.
        """
        row_labels = [
            f"true: {cell['true_name']}\ntop-1 guess:\n{cell['top1_name']}"
            f"\n({plural(cell['count'], 'image')})"
            for _, cell in self.cells.iterrows()
        ]
        fig, axes = P.image_rows(
            self.images,
            self.examples,
            row_labels,
            n_cols=self.n_images,
            caption=lambda rec: (
                f"image {int(rec['index'])}\ntop-1 {rec['top1_score']:.2f}"
                f"\ntrue {rec['true_score']:.2f}"
            ),
            ax=ax,
            cmap=cmap,
            cell_size=(1.75, 2.35),
            margins=(2.8, 0.9),
        )
        which = (
            "closest calls first"
            if self.order == "closest"
            else "typical: gaps nearest each row's median"
        )
        fig.suptitle(
            title
            or f"Wrong at top-1, right at top-{self.k} ({which})\ncaption: image "
            "index in the data, top-1 score, true class's score",
            fontsize=P.STYLE["title"],
        )
        self.ax_, self.figure_ = axes, fig
        return self


def _positive_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return int(value)


_GALLERY_COLUMNS = "row index true top1 true_rank true_score top1_score gap".split()


def _topk_examples(truth, score, cells, k, n_images, order):
    """One record per image shown, per row the closest (or typical) gaps first."""
    rank = rank_of_true_class(truth, score)
    top1 = np.argmax(score, axis=1)
    records = []
    for r, (t, p) in enumerate(zip(cells["true"], cells["top1"], strict=True)):
        idx = np.flatnonzero((truth == t) & (top1 == p) & (rank > 1) & (rank <= k))
        gap = (score[idx, p] - score[idx, t]).astype(np.float64)
        key = gap if order == "closest" else np.abs(gap - np.median(gap))
        for i in idx[np.argsort(key, kind="stable")][:n_images]:
            records.append(
                {
                    "row": r,
                    "index": int(i),
                    "true": cells["true_name"][r],
                    "top1": cells["top1_name"][r],
                    "true_rank": int(rank[i]),
                    "true_score": float(score[i, t]),
                    "top1_score": float(score[i, p]),
                    "gap": float(score[i, p] - score[i, t]),
                }
            )
    return pd.DataFrame.from_records(records, columns=_GALLERY_COLUMNS)


def topk_gallery(
    images,
    y_true,
    y_score,
    *,
    k=2,
    labels=None,
    display_labels=None,
    top=3,
    n_images=6,
    order="closest",
) -> TopKGallery:
    """Collect images that top-1 gets wrong and top-k gets right.

    Parameters
    ----------
    images : array-like of shape (n_samples, height, width) or (n, h, w, 3)
        The images, in the order of the labels.
    y_true : array-like of shape (n_samples,)
        Class labels (any sortable type).
    y_score : array-like of shape (n_samples, n_classes)
        Scores, one column per class.
    k : int, default=2
        The k of top-k.
    labels : array-like, optional
        The class values in column order (a list of names is read as
        ``display_labels``, deprecated).
    display_labels : sequence of str, optional
        Class names.
    top : int, default=3
        How many confusions (rows), the most frequent first.
    n_images : int, default=6
        Images per row.
    order : {"closest", "typical"}, default="closest"
        ``"closest"``: the smallest gaps between the top-1 score and the true
        class's score; ``"typical"``: the gaps nearest the row's median.

    Returns
    -------
    TopKGallery
        Not drawn yet: ``.plot()`` draws, ``.to_frame()`` gives the examples.

    Raises
    ------
    ValueError
        If the images and labels do not match or an option is out of range.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.topk import topk_gallery
    >>> s = np.array([[.6, .3, .1], [.2, .3, .5], [.1, .7, .2], [.3, .5, .2]])
    >>> gallery = topk_gallery(np.zeros((4, 3, 3)), [0, 1, 1, 0], s)
    >>> gallery.to_frame()["index"].tolist()
    [3, 1]
    """
    cells = forgiven_confusions(
        y_true, y_score, k=k, labels=labels, display_labels=display_labels
    )
    inputs = read_inputs(y_true, y_score, labels=labels, kind="multiclass")
    truth, score = inputs.y, inputs.score
    pics = as_array(images, "images")
    if pics.ndim not in (3, 4):
        raise ValueError(
            f"images must have shape (n, height, width) or (n, height, width, 3), "
            f"got {pics.shape}; reshape flat rows with images.reshape(-1, 28, 28)"
        )
    check_same_length(truth, pics, "y_true", "images")
    top = _positive_int(top, "top")
    n_images = _positive_int(n_images, "n_images")
    check_choice(order, "order", ("closest", "typical"))
    cells = cells.head(top).reset_index(drop=True)
    examples = _topk_examples(truth, score, cells, k, n_images, order)
    return TopKGallery(pics, cells, examples, k=int(k), n_images=n_images, order=order)
