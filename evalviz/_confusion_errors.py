"""The images and the scores behind confusion-matrix cells.

Public names are re-exported by :mod:`evalviz.confusion` (``ErrorGallery``,
``ErrorScoresDisplay``, ``error_gallery``, ``error_scores``); import them
from there.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _plotting as P
from ._format import format_count, plural
from ._validation import as_array, check_same_length, read_inputs
from .metrics import confusion_matrix, score_shares, scores_in_cells, top_confusions


def _positive_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return int(value)


def _cell_pairs(cell, classes, names) -> list[tuple[int, int]]:
    """(true, predicted) class values (or names), one pair or a list, as indices."""
    arr = np.asarray(cell, dtype=object)
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 2 or arr.shape[0] == 0:
        raise ValueError(
            f"cell must be a pair (true_class, predicted_class) or a list of pairs, "
            f"got {cell!r}"
        )
    values = classes.tolist()
    pairs = []
    for t, p in arr:
        pair = []
        for c, what in ((t, "true"), (p, "predicted")):
            if not isinstance(c, (bool, np.bool_)) and c in values:
                pair.append(values.index(c))
            elif isinstance(c, str) and c in names:
                pair.append(names.index(c))
            else:
                raise ValueError(
                    f"cell={cell!r}: {what} class {c!r} is not one of the classes "
                    f"{values[:10]}{' ...' if len(values) > 10 else ''}"
                )
        pairs.append((pair[0], pair[1]))
    return pairs


def _read_multiclass_scores(y_true, y_score, y_pred, labels, display_labels):
    inputs = read_inputs(
        y_true,
        y_score,
        y_pred=y_pred,
        labels=labels,
        display_labels=display_labels,
        kind="multiclass",
    )
    if inputs.kind != "multiclass" or inputs.score is None:
        raise ValueError(
            "y_score must have one column per class, shape (n_samples, n_classes); "
            "pass the full probability matrix, not one column"
        )
    return inputs


def _score_text(score: float) -> str:
    """A probability with 4 decimals; ">0.9999" instead of a rounded "1.0000"."""
    if 0.99995 < score < 1.0:
        return ">0.9999"
    return f"{score:.4f}"


def _caption(rec, has_score: bool) -> str:
    text = f"#{int(rec['index'])}"
    if has_score:
        score = _score_text(rec["score"])
        text += "\np" + ("" if score.startswith(">") else "=") + score
    return text


class ErrorGallery:
    """The images behind confusion-matrix cells, one row per cell.

    Parameters
    ----------
    images : numpy.ndarray of shape (n_samples, height, width) or (n, h, w, 3)
        The images, in the order of the labels.
    cells : pandas.DataFrame
        One row per cell shown: ``true``, ``predicted`` (class indices),
        ``true_name``, ``predicted_name``, ``count``, ``share_of_true``.
    examples : pandas.DataFrame
        One row per image shown: ``row`` (which cell), ``index`` (position in
        the data), ``true``, ``predicted`` and, with scores, ``score``.
    display_labels : list of str
        Class names.
    n_images : int, default=8
        Images per row.

    Attributes
    ----------
    ax_ : numpy.ndarray of Axes, set by :meth:`plot`.
    figure_ : matplotlib Figure, set by :meth:`plot`.

    Notes
    -----
    With ``y_score`` the examples are the most confident mistakes first
    (highest score for the predicted class); without it, the first ones in
    data order. Rows of the confusion matrix are true classes.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.confusion import error_gallery
    >>> images = np.zeros((4, 5, 5))
    >>> error_gallery(images, [0, 0, 1, 1], [0, 1, 1, 0], top=2)
    ErrorGallery(2 cells, 2 images)
    """

    def __init__(self, images, cells, examples, display_labels, *, n_images=8):
        self.images = images
        self.cells = cells
        self.examples = examples
        self.display_labels = list(display_labels)
        self.n_images = int(n_images)

    @classmethod
    def from_predictions(cls, images, y_true, y_pred, *, ax=None, **kwargs):
        """Collect the examples and draw them.

        Parameters
        ----------
        images : array-like of shape (n_samples, height, width) or (n, h, w, 3)
            The images.
        y_true, y_pred : array-like of shape (n_samples,)
            True and predicted class labels.
        ax : 2-D array of Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            ``y_score``, ``labels``, ``display_labels``, ``cell``, ``top``,
            ``n_images`` as in :func:`error_gallery`; the rest go to
            :meth:`plot`.

        Returns
        -------
        ErrorGallery
            Drawn.
        """
        keys = ("y_score", "labels", "display_labels", "cell", "top", "n_images")
        collect = {k: kwargs.pop(k) for k in keys if k in kwargs}
        return error_gallery(images, y_true, y_pred, **collect).plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        return (
            f"ErrorGallery({plural(len(self.cells), 'cell')}, "
            f"{plural(len(self.examples), 'image')})"
        )

    def to_frame(self) -> pd.DataFrame:
        """The images shown.

        Returns
        -------
        pandas.DataFrame
            A copy of :attr:`examples`.
        """
        return self.examples.copy()

    def plot(self, ax=None, *, cmap="gray_r"):
        """Draw one row of images per cell.

        Parameters
        ----------
        ax : 2-D array of Axes, optional
            At least (number of cells, ``n_images``) axes; a new figure
            (constrained layout) when None.
        cmap : str, default="gray_r"
            Colour map for grey images.

        Returns
        -------
        ErrorGallery
            Self, with ``ax_`` and ``figure_`` set.
        """
        has_score = "score" in self.examples.columns
        row_labels = [
            f"true: {cell['true_name']}\npredicted:\n{cell['predicted_name']}"
            f"\n({plural(cell['count'], 'image')})"
            for _, cell in self.cells.iterrows()
        ]
        fig, axes = P.image_rows(
            self.images,
            self.examples,
            row_labels,
            n_cols=self.n_images,
            caption=lambda rec: _caption(rec, has_score),
            ax=ax,
            cmap=cmap,
        )
        fig.suptitle(
            "Error gallery: images behind confusion-matrix cells"
            + (" (most confident first)" if has_score else ""),
            fontsize=P.STYLE["title"],
        )
        self.ax_, self.figure_ = axes, fig
        return self


def _check_images(images, truth):
    pics = as_array(images, "images")
    if pics.ndim not in (3, 4):
        raise ValueError(
            f"images must have shape (n, height, width) or (n, height, width, 3), "
            f"got {pics.shape}; reshape flat rows with images.reshape(-1, 28, 28)"
        )
    check_same_length(truth, pics, "y_true", "images")
    return pics


def _gallery_examples(truth, pred, score, cells, names, n_images):
    """One record per image shown: most confident first with scores, else data order."""
    records = []
    for row, (t, p) in enumerate(zip(cells["true"], cells["predicted"], strict=True)):
        idx = np.flatnonzero((truth == t) & (pred == p))
        if score is not None:
            idx = idx[np.argsort(-score[idx, p], kind="stable")]
        for i in idx[:n_images]:
            rec = {"row": row, "index": int(i), "true": names[t], "predicted": names[p]}
            if score is not None:
                rec["score"] = float(score[i, p])
            records.append(rec)
    columns = ["row", "index", "true", "predicted"] + (
        ["score"] if score is not None else []
    )
    return pd.DataFrame.from_records(records, columns=columns)


def _gallery_cells(cm, pairs, top, names):
    if pairs is None:
        cells = top_confusions(cm, top)
    else:
        cells = pd.DataFrame(
            {
                "true": [t for t, _ in pairs],
                "predicted": [p for _, p in pairs],
                "count": [int(cm[t, p]) for t, p in pairs],
                "share_of_true": [cm[t, p] / max(cm[t].sum(), 1) for t, p in pairs],
            }
        )
    arr = np.asarray(names, dtype=object)
    cells["true_name"] = arr[cells["true"].to_numpy(dtype=int)].tolist()
    cells["predicted_name"] = arr[cells["predicted"].to_numpy(dtype=int)].tolist()
    columns = ["true", "predicted", "true_name", "predicted_name", "count"]
    cells = cells.loc[:, [*columns, "share_of_true"]]
    return cells.reset_index(drop=True)


def error_gallery(
    images,
    y_true,
    y_pred,
    *,
    y_score=None,
    labels=None,
    display_labels=None,
    cell=None,
    top=3,
    n_images=8,
) -> ErrorGallery:
    """Collect the images behind confusion-matrix cells (call ``.plot()`` to draw).

    Parameters
    ----------
    images : array-like of shape (n_samples, height, width) or (n, h, w, 3)
        The images, in the order of the labels.
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted class labels (any sortable type).
    y_score : array-like of shape (n_samples, n_classes), optional
        Scores; the most confident mistakes are shown first.
    labels : array-like, optional
        The class values and their order (a list of names is read as
        ``display_labels``, deprecated).
    display_labels : sequence of str, optional
        Class names.
    cell : pair (true, predicted) or list of pairs, optional
        Class values (or names) of the cells to show, one row each (a
        diagonal cell shows correct predictions). Default: the ``top`` most
        frequent confusions.
    top : int, default=3
        Number of confusions when ``cell`` is not given.
    n_images : int, default=8
        Images per row.

    Returns
    -------
    ErrorGallery
        Not drawn yet.

    Raises
    ------
    ValueError
        If the images, labels and scores do not match, or ``cell`` names an
        unknown class.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.confusion import error_gallery
    >>> images = np.zeros((4, 5, 5))
    >>> error_gallery(images, [0, 0, 1, 1], [0, 1, 1, 0], cell=(1, 0)).cells["count"].tolist()
    [1]
    """
    if y_score is None:
        inputs = read_inputs(
            y_true,
            y_pred=y_pred,
            labels=labels,
            display_labels=display_labels,
            kind="multiclass",
        )
    else:
        inputs = _read_multiclass_scores(
            y_true, y_score, y_pred, labels, display_labels
        )
    truth, pred, score = inputs.y, inputs.y_pred, inputs.score
    pics = _check_images(images, truth)
    n_images = _positive_int(n_images, "n_images")
    names = inputs.names
    cm = confusion_matrix(truth, pred, n_classes=inputs.n_classes)
    pairs = None if cell is None else _cell_pairs(cell, inputs.classes, names)
    cells = _gallery_cells(cm, pairs, top, names)
    examples = _gallery_examples(truth, pred, score, cells, names, n_images)
    return ErrorGallery(pics, cells, examples, names, n_images=n_images)


class ErrorScoresDisplay:
    """How sure the model was about the mistakes in confusion-matrix cells.

    An :class:`ErrorGallery` shows the *most confident* mistakes first, so its
    captions say nothing about a typical mistake. This display uses **every**
    image of each cell: the probability the model gave to the class it
    predicted, as a histogram and as shares above a few levels.

    Parameters
    ----------
    cells : pandas.DataFrame
        One row per cell: ``true``, ``predicted``, ``true_name``,
        ``predicted_name``, ``count``.
    examples : pandas.DataFrame
        One row per image: ``row`` (which cell), ``index`` (position in the
        data) and ``score`` (the predicted class's probability).
    levels : sequence of float, default=(0.5, 0.9, 0.99)
        Report the share of each cell's scores at or above these.
    n_tied : int, default=0
        Rows whose prediction (argmax) was decided by tied top scores.

    Attributes
    ----------
    ax_, figure_, lines_ : set by :meth:`plot` (``lines_``: one step
        histogram per cell).

    Notes
    -----
    Rows of the confusion matrix are true classes; a diagonal cell such as
    ``(6, 6)`` holds the correct predictions of class 6 and makes a fair
    comparison for the mistakes.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.confusion import error_scores
    >>> s = np.array([[0.9, 0.1], [0.3, 0.7], [0.4, 0.6]])
    >>> error_scores([0, 0, 1], s, cell=(0, 1))
    ErrorScoresDisplay(1 cell, 1 image)
    """

    def __init__(self, cells, examples, *, levels=(0.5, 0.9, 0.99), n_tied=0):
        self.cells = cells
        self.examples = examples
        self.levels = tuple(float(v) for v in levels)
        self.n_tied = int(n_tied)

    @classmethod
    def from_predictions(cls, y_true, y_score, *, cell, ax=None, **kwargs):
        """Collect the scores of some cells and draw their histograms.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            True class labels.
        y_score : array-like of shape (n_samples, n_classes)
            Probabilities, one column per class.
        cell : pair (true, predicted) or list of pairs
            The cells (class values or names).
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            ``y_pred``, ``labels``, ``display_labels``, ``levels`` as in
            :func:`error_scores`; the rest go to :meth:`plot`.

        Returns
        -------
        ErrorScoresDisplay
            Drawn.
        """
        keys = ("y_pred", "labels", "display_labels", "levels")
        collect = {k: kwargs.pop(k) for k in keys if k in kwargs}
        disp = error_scores(y_true, y_score, cell=cell, **collect)
        return disp.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        tied = f", {plural(self.n_tied, 'tied row')}" if self.n_tied else ""
        return (
            f"ErrorScoresDisplay({plural(len(self.cells), 'cell')}, "
            f"{plural(len(self.examples), 'image')}{tied})"
        )

    def _scores(self, r) -> np.ndarray:
        return self.examples.loc[self.examples["row"] == r, "score"].to_numpy()

    def to_frame(self) -> pd.DataFrame:
        """Per cell: count, median score and the share of scores >= each level.

        Returns
        -------
        pandas.DataFrame
            Columns ``true``, ``predicted``, ``count``, ``median score`` and
            ``share >= <level>`` for each level.
        """
        rows = []
        for r, cell in self.cells.iterrows():
            median, shares = score_shares(self._scores(r), self.levels)
            row = {
                "true": cell["true_name"],
                "predicted": cell["predicted_name"],
                "count": int(cell["count"]),
                "median score": median,
            }
            for level, share in zip(self.levels, shares, strict=True):
                row[f"share >= {level:g}"] = float(share)
            rows.append(row)
        return pd.DataFrame(rows)

    def plot(self, ax=None, *, bins=20, title=None):
        """Histogram of the scores of each cell (share of the cell's images).

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (constrained layout) when None.
        bins : int, default=20
            Equal-width bins between 0 and 1.
        title : str, optional
            The title.

        Returns
        -------
        ErrorScoresDisplay
            Self, with ``ax_``, ``figure_`` and ``lines_`` set.
        """
        if ax is None:
            fig, axes = P.new_grid(
                1, 1, figsize=P.STYLE["error_scores_figsize"], layout="constrained"
            )
            ax = axes[0, 0]
        else:
            fig = ax.figure
        self.lines_ = self._draw_histograms(ax, int(bins))
        self._draw_levels(ax)
        ax.set_xlim(0, 1)
        ax.set_ylim(bottom=0)
        P.style_axes(
            ax,
            title=title or "How sure was the model? Every image of each cell",
            xlabel="probability given to the predicted class",
            ylabel="% of the cell's images",
        )
        ax.set_title(ax.get_title(), fontsize=P.STYLE["title"], pad=22)
        ax.grid(True, alpha=0.3)
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=P.STYLE["tick"] + 1,
            frameon=False,
            title="true -> predicted (images)",
            title_fontsize=P.STYLE["tick"] + 1,
        )
        self.ax_, self.figure_ = ax, fig
        return self

    def _draw_histograms(self, ax, bins):
        edges = np.linspace(0.0, 1.0, bins + 1)
        lines = []
        for r, cell in self.cells.iterrows():
            score = self._scores(r)
            if not score.size:
                continue
            counts, _ = np.histogram(score, bins=edges)
            diagonal = cell["true"] == cell["predicted"]
            n = format_count(score.size)
            name = (
                f"correct {cell['true_name']} ({n})"
                if diagonal
                else f"{cell['true_name']} -> {cell['predicted_name']} ({n})"
            )
            lines.append(
                ax.stairs(
                    100 * counts / score.size,
                    edges,
                    color=P.PALETTE[r % len(P.PALETTE)],
                    linewidth=2.4,
                    linestyle="--" if diagonal else "-",
                    label=name,
                )
            )
        return lines

    def _draw_levels(self, ax):
        for level in self.levels:
            ax.axvline(level, color=P.NEUTRAL, linestyle=":", linewidth=1.2)
            ax.annotate(
                f"{level:g}",
                xy=(level, 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=P.STYLE["tick"],
                color=P.ink(),
            )


def error_scores(
    y_true,
    y_score,
    *,
    cell,
    y_pred=None,
    labels=None,
    display_labels=None,
    levels=(0.5, 0.9, 0.99),
) -> ErrorScoresDisplay:
    """The predicted class's probability for every image of some confusion cells.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels (any sortable type).
    y_score : array-like of shape (n_samples, n_classes)
        Predicted probabilities (or scores), one column per class.
    cell : pair (true_class, predicted_class) or list of pairs
        The cells to describe (class values or names); a diagonal pair gives
        the correct predictions of that class, for comparison.
    y_pred : array-like of shape (n_samples,), optional
        Predicted classes; default the argmax of ``y_score`` (ties: the
        lowest class index; their number is kept in ``n_tied``).
    labels : array-like, optional
        The class values in column order (a list of names is read as
        ``display_labels``, deprecated).
    display_labels : sequence of str, optional
        Class names.
    levels : sequence of float, default=(0.5, 0.9, 0.99)
        Report the share of each cell's scores at or above these values.

    Returns
    -------
    ErrorScoresDisplay
        Not drawn yet.

    Raises
    ------
    ValueError
        If ``y_score`` is not one column per class or ``cell`` names an
        unknown class.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.confusion import error_scores
    >>> s = np.array([[0.9, 0.1], [0.3, 0.7], [0.4, 0.6]])
    >>> error_scores([0, 0, 1], s, cell=[(0, 1), (1, 1)]).to_frame()["count"].tolist()
    [1, 1]
    """
    inputs = _read_multiclass_scores(y_true, y_score, y_pred, labels, display_labels)
    if y_pred is None:
        pred, n_tied = inputs.predictions(), inputs.n_tied_rows()
    else:
        pred, n_tied = inputs.y_pred, 0
    names = inputs.names
    pairs = _cell_pairs(cell, inputs.classes, names)
    counts, row, index, value = scores_in_cells(inputs.y, pred, inputs.score, pairs)
    cells = pd.DataFrame(
        {
            "true": [t for t, _ in pairs],
            "predicted": [p for _, p in pairs],
            "true_name": [names[t] for t, _ in pairs],
            "predicted_name": [names[p] for _, p in pairs],
            "count": counts,
        }
    )
    examples = pd.DataFrame({"row": row, "index": index, "score": value})
    levels = tuple(float(v) for v in np.atleast_1d(levels))
    return ErrorScoresDisplay(cells, examples, levels=levels, n_tied=n_tied)
