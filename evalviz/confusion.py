"""Confusion matrices, classification reports and error galleries, drawn.

Displays in scikit-learn's pattern: the constructor stores computed arrays,
``from_predictions(...)`` computes (through :mod:`evalviz.metrics`) and draws,
``plot(ax=None, **kwargs)`` draws and returns the display with ``ax_``,
``figure_`` and its artists.

- :class:`ConfusionDisplay`: counts and percentages in each cell, rows = true
  class; bounded and fast at any class count;
- :class:`ClassificationReportDisplay`: precision / recall / F1 per class plus
  the macro and weighted averages as a heatmap, support alongside;
- :class:`ErrorGallery`: the images behind confusion-matrix cells;
- :class:`ErrorScoresDisplay`: the predicted class's score for every image of
  some cells.

Short entry points compute and return the display without drawing (call
``.plot()``): :func:`confusion_display` (also ``evalviz.confusion_display``),
:func:`report`, :func:`error_gallery`, :func:`error_scores`.

Renamed (old names work for one release, with a ``DeprecationWarning``):
``ConfusionMatrixDisplay`` -> :class:`ConfusionDisplay` (scikit-learn has a
class of the old name) and ``confusion.confusion`` -> :func:`confusion_display`.

Inputs are read by one rule (``evalviz._validation.read_inputs``): labels of
any sortable type map to the sorted classes, names taken from them; scores in
place of predictions are turned into predictions by argmax, ties going to the
lowest class index, and the number of tied rows is reported.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _plotting as P
from ._confusion_errors import (
    ErrorGallery,
    ErrorScoresDisplay,
    error_gallery,
    error_scores,
)
from ._confusion_report import (
    _TIE_NOTE,
    ClassificationReportDisplay,
    _by_count,
    _deprecated,
    _matrix_figure,
    _read_predictions,
    _tick_positions,
    report,
)
from ._format import format_count, format_percent, format_rate, plural
from ._validation import check_choice, check_confusion
from .metrics import (
    compare_reports,
    confusion_matrix,
    normalize_confusion,
    top_confusions,
)

__all__ = [
    "ConfusionDisplay",
    "ClassificationReportDisplay",
    "ErrorGallery",
    "ErrorScoresDisplay",
    "compare_reports",
    "confusion_display",
    "report",
    "error_gallery",
    "error_scores",
    # deprecated aliases, one release
    "ConfusionMatrixDisplay",
    "confusion",
]

_NORMALIZE_TEXT = {
    "true": "% of each true class (row)",
    "pred": "% of each predicted class (column)",
    "all": "% of all samples",
    None: "counts",
}


def _names(display_labels, k: int) -> list[str]:
    if display_labels is None:
        return [str(i) for i in range(k)]
    names = [str(x) for x in display_labels]
    if len(names) != k:
        raise ValueError(
            f"display_labels has {len(names)} names but the matrix has {k} classes; "
            "pass one name per class, in row order"
        )
    return names


def _text_color(value: float, vmax: float) -> str:
    return "white" if np.isfinite(value) and value > 0.55 * vmax else "black"


def _percent(share: float) -> str:
    if not np.isfinite(share):
        return ""
    return format_percent(share, 1)


def _cell_text(count: int, share: float, with_share: bool) -> str:
    """What one confusion cell shows: the count, and the share under it."""
    text = str(int(count))  # no separators: cells are narrow (as scikit-learn)
    if with_share and count > 0:
        text += f"\n{_percent(share)}"
    return text


class ConfusionDisplay:
    """A confusion matrix with counts and percentages in each cell.

    Parameters
    ----------
    confusion_matrix : array-like of shape (n_classes, n_classes)
        Counts, rows = true class, columns = predicted class.
    display_labels : sequence of str, optional
        Class names in row order; default ``"0"``, ``"1"``, ...
    normalize : {"true", "pred", "all", None}, default="true"
        What the percentage and the colour show: share of the true class
        (row), of the predicted class (column), of all samples, or (None)
        raw counts only.
    n_tied : int, default=0
        Rows whose predicted class was decided by a tie between top scores
        (set by :meth:`from_predictions` when scores are passed).

    Attributes
    ----------
    confusion_matrix : numpy.ndarray of int64, shape (n_classes, n_classes)
        The counts.
    shares : numpy.ndarray of float, shape (n_classes, n_classes)
        The counts normalised as ``normalize`` says (NaN for an empty row or
        column).
    display_labels : list of str
        The class names.
    n_samples : int
        Samples counted.
    accuracy : float
        Share of the samples on the diagonal.
    ax_, figure_, im_ : matplotlib objects, set by :meth:`plot`.
    text_ : numpy.ndarray of Text or None
        The cell texts, shape (n_classes, n_classes); None past
        ``STYLE["matrix_max_cell_text"]`` classes, where the colour alone shows them.

    Raises
    ------
    ValueError
        If the matrix is not square counts or ``normalize`` is unknown.

    Notes
    -----
    Rows = true class, columns = predicted class, as in scikit-learn. With
    ``normalize="true"`` the diagonal percentages are the per-class recalls;
    with ``normalize="pred"`` the per-class precisions. The figure stays
    within 10 x 9 inches at any class count and is drawn as one image.

    Examples
    --------
    >>> from evalviz.confusion import ConfusionDisplay
    >>> ConfusionDisplay([[5, 1], [2, 2]], display_labels=["no", "yes"])
    ConfusionDisplay(2 classes, 10 samples, accuracy 0.700, normalize='true')
    """

    def __init__(
        self, confusion_matrix, *, display_labels=None, normalize="true", n_tied=0
    ):
        check_choice(normalize, "normalize", tuple(_NORMALIZE_TEXT))
        self.confusion_matrix = check_confusion(confusion_matrix)
        self.display_labels = _names(display_labels, self.confusion_matrix.shape[0])
        self.normalize = normalize
        self.shares = normalize_confusion(self.confusion_matrix, normalize)
        self.n_tied = int(n_tied)
        self.n_samples = int(self.confusion_matrix.sum())
        self.accuracy = float(np.trace(self.confusion_matrix) / self.n_samples)

    @classmethod
    def _compute(cls, y_true, y_pred_or_score, labels, display_labels, normalize):
        inputs, pred, n_tied = _read_predictions(
            y_true, y_pred_or_score, labels, display_labels
        )
        cm = confusion_matrix(inputs.y, pred, n_classes=inputs.n_classes)
        return cls(cm, display_labels=inputs.names, normalize=normalize, n_tied=n_tied)

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_pred_or_score,
        *,
        labels=None,
        display_labels=None,
        normalize="true",
        ax=None,
        **kwargs,
    ):
        """Count the predictions and draw the matrix.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            True class labels of any sortable type (ints, strings).
        y_pred_or_score : array-like of shape (n_samples,) or (n_samples, n_classes)
            Predicted labels, or scores (one column per class): their argmax
            is the prediction, ties going to the lowest class index.
        labels : array-like, optional
            The class values to use and their order (default: sorted).
        display_labels : sequence of str, optional
            Names shown (default: the class values).
        normalize : {"true", "pred", "all", None}, default="true"
            See the class.
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        ConfusionDisplay
            Drawn (``ax_``, ``figure_``, ``im_``, ``text_`` set).

        Raises
        ------
        ValueError
            If the labels, predictions or scores do not describe the same
            samples and classes.
        """
        disp = cls._compute(y_true, y_pred_or_score, labels, display_labels, normalize)
        return disp.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        k = self.confusion_matrix.shape[0]
        tied = f", {plural(self.n_tied, 'tied row')}" if self.n_tied else ""
        return (
            f"{type(self).__name__}({plural(k, 'class', 'classes')}, "
            f"{plural(self.n_samples, 'sample')}, accuracy "
            f"{format_rate(self.accuracy)}, normalize={self.normalize!r}{tied})"
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per cell: true and predicted class, count and the three shares.

        Returns
        -------
        pandas.DataFrame
            Columns ``true``, ``predicted``, ``count``, ``share_of_true``,
            ``share_of_pred``, ``share_of_all``; ``attrs["n_tied_rows"]``
            holds the number of rows decided by a tie.
        """
        cm = self.confusion_matrix
        k = cm.shape[0]
        true, pred = np.divmod(np.arange(k * k), k)
        names = np.asarray(self.display_labels, dtype=object)
        frame = pd.DataFrame(
            {
                "true": names[true],
                "predicted": names[pred],
                "count": cm.ravel(),
                "share_of_true": normalize_confusion(cm, "true").ravel(),
                "share_of_pred": normalize_confusion(cm, "pred").ravel(),
                "share_of_all": normalize_confusion(cm, "all").ravel(),
            }
        )
        frame.attrs["n_tied_rows"] = self.n_tied
        return frame

    def plot(
        self, ax=None, *, cmap="Blues", colorbar=True, title=None, include_values=None
    ):
        """Draw the matrix.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (constrained layout) when None.
        cmap : str or Colormap, default="Blues"
            Colours for the shares (or counts).
        colorbar : bool, default=True
            Add a colour bar.
        title : str, optional
            First title line; the second says what a cell shows.
        include_values : bool, optional
            Write the numbers in the cells; default: up to
            ``STYLE["matrix_max_cell_text"]`` (30) classes.

        Returns
        -------
        ConfusionDisplay
            Self, with ``ax_``, ``figure_``, ``im_`` and ``text_`` set.
        """
        cm = self.confusion_matrix
        k = cm.shape[0]
        st = P.STYLE
        side = max(
            st["matrix_min_side"],
            st["matrix_inches_per_class"] * k + st["matrix_margin"],
        )
        fig, ax = _matrix_figure(ax, (side, side * st["matrix_aspect"]))
        colour, vmax = self._colour()
        self.im_ = ax.imshow(
            np.nan_to_num(colour, nan=0.0),
            cmap=cmap,
            vmin=0.0,
            vmax=vmax,
            aspect="auto",
        )
        if include_values is None:
            include_values = k <= P.STYLE["matrix_max_cell_text"]
        self.text_ = self._draw_cells(ax, colour, vmax) if include_values else None
        self._draw_ticks(ax)
        self._draw_titles(ax, title, include_values)
        if colorbar:
            bar = fig.colorbar(self.im_, ax=ax, fraction=0.046, pad=0.04)
            bar.set_label(
                "share" if self.normalize is not None else "count",
                fontsize=P.STYLE["label"],
            )
            bar.ax.tick_params(labelsize=P.STYLE["tick"])
        self.ax_, self.figure_ = ax, fig
        return self

    def _colour(self):
        """The image's values (shares, or counts when not normalised) and vmax."""
        cm = self.confusion_matrix
        if self.normalize is not None:
            return self.shares, 1.0
        return cm.astype(float), float(max(cm.max(), 1))

    def cells(self):
        """What each cell shows: its text, its text colour, the image's values.

        :meth:`plot` draws exactly these; a live view (the threshold
        explorer) uses them to update drawn cells in place.

        Returns
        -------
        texts : numpy.ndarray of str, shape (n_classes, n_classes)
            The count, and the share under it where cells show one.
        colors : numpy.ndarray of str, shape (n_classes, n_classes)
            ``"white"`` on dark cells, ``"black"`` elsewhere.
        image : numpy.ndarray of float, shape (n_classes, n_classes)
            The values coloured by the image (NaN drawn as 0).

        Examples
        --------
        >>> from evalviz.confusion import ConfusionDisplay
        >>> texts, colors, image = ConfusionDisplay([[3, 1], [0, 4]]).cells()
        >>> texts[0, 0].split(), colors[0, 0], float(image[0, 1])
        (['3', '75.0%'], 'white', 0.25)
        """
        cm = self.confusion_matrix
        k = cm.shape[0]
        colour, vmax = self._colour()
        with_share = self._with_share()
        texts = np.empty((k, k), dtype=object)
        colors = np.empty((k, k), dtype=object)
        for i in range(k):
            for j in range(k):
                texts[i, j] = _cell_text(cm[i, j], self.shares[i, j], with_share)
                colors[i, j] = _text_color(colour[i, j], vmax)
        return texts, colors, np.nan_to_num(colour, nan=0.0)

    def _draw_cells(self, ax, colour, vmax):
        k = self.confusion_matrix.shape[0]
        size = _by_count(P.STYLE["matrix_cell_sizes"], k)
        cell_texts, colors, _ = self.cells()
        texts = np.empty((k, k), dtype=object)
        for i in range(k):
            for j in range(k):
                texts[i, j] = ax.text(
                    j,
                    i,
                    cell_texts[i, j],
                    ha="center",
                    va="center",
                    fontsize=size,
                    color=colors[i, j],
                    fontweight="bold" if i == j else "normal",
                )
        return texts

    def _with_share(self) -> bool:
        """Cells show the share under the count (up to 16 classes)."""
        k = self.confusion_matrix.shape[0]
        return self.normalize is not None and k <= P.STYLE["matrix_cell_sizes"][-2][0]

    def _draw_ticks(self, ax):
        k = self.confusion_matrix.shape[0]
        pos = _tick_positions(k)
        names = [self.display_labels[i] for i in pos]
        size = _by_count(P.STYLE["matrix_tick_sizes"], k)
        ax.set_xticks(pos, names, rotation=40, ha="right", rotation_mode="anchor")
        ax.set_yticks(pos, names)
        ax.tick_params(labelsize=size)
        ax.set_xlim(-0.5, k - 0.5)
        ax.set_ylim(k - 0.5, -0.5)

    def _draw_titles(self, ax, title, include_values):
        k = self.confusion_matrix.shape[0]
        what = _NORMALIZE_TEXT[self.normalize]
        if include_values:
            second = "cell: count" + (f" and {what}" if self._with_share() else "")
            if self.normalize is not None and not self._with_share():
                second += f"; colour: {what}"
        else:
            second = f"colour: {what}"
        if len(_tick_positions(k)) < k:
            second += f"; every {_tick_positions(k)[1]}th of {format_count(k)} named"
        if self.n_tied:
            second += f"\n{plural(self.n_tied, 'row')}, {_TIE_NOTE}"
        P.style_axes(
            ax,
            title=f"{title or 'Confusion matrix (rows = true class)'}\n{second}",
            xlabel="Predicted class (columns)",
            ylabel="True class (rows)",
        )

    def top_confusions(self, n=5) -> pd.DataFrame:
        """The ``n`` largest off-diagonal cells.

        Parameters
        ----------
        n : int, default=5
            How many cells.

        Returns
        -------
        pandas.DataFrame
            As :func:`evalviz.metrics.top_confusions`, with this display's
            class names in ``true_name`` / ``predicted_name``.
        """
        table = top_confusions(self.confusion_matrix, n)
        names = np.asarray(self.display_labels, dtype=object)
        table["true_name"] = names[table["true"].to_numpy()].tolist()
        table["predicted_name"] = names[table["predicted"].to_numpy()].tolist()
        return table


class ConfusionMatrixDisplay(ConfusionDisplay):
    """Deprecated alias of :class:`ConfusionDisplay` (one release).

    Renamed because scikit-learn has a class of this name with another
    signature. ``labels=`` here means the display names, as it did.

    Parameters
    ----------
    confusion_matrix : array-like of shape (n_classes, n_classes)
        Counts, rows = true class.
    labels : sequence of str, optional
        Class names (now ``display_labels=``).
    normalize : {"true", "pred", "all", None}, default="true"
        See :class:`ConfusionDisplay`.
    display_labels : sequence of str, optional
        Class names.

    Examples
    --------
    >>> import warnings
    >>> from evalviz.confusion import ConfusionMatrixDisplay
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     ConfusionMatrixDisplay([[1, 0], [0, 1]]).accuracy
    1.0
    """

    def __init__(
        self, confusion_matrix, *, labels=None, normalize="true", display_labels=None
    ):
        _deprecated("ConfusionMatrixDisplay", "ConfusionDisplay")
        super().__init__(
            confusion_matrix,
            display_labels=labels if display_labels is None else display_labels,
            normalize=normalize,
        )

    @property
    def labels(self) -> list[str]:
        """The class names (old name of ``display_labels``).

        Returns
        -------
        list of str
            ``display_labels``.
        """
        return self.display_labels

    @classmethod
    def from_matrix(cls, confusion_matrix, *, labels=None, normalize="true"):
        """Wrap a computed matrix without drawing (old behaviour).

        Parameters
        ----------
        confusion_matrix : array-like of shape (n_classes, n_classes)
            Counts, rows = true class.
        labels : sequence of str, optional
            Class names.
        normalize : {"true", "pred", "all", None}, default="true"
            See :class:`ConfusionDisplay`.

        Returns
        -------
        ConfusionMatrixDisplay
            Not drawn; call ``.plot()``.
        """
        return cls(confusion_matrix, labels=labels, normalize=normalize)

    @classmethod
    def from_predictions(
        cls, y_true, y_pred, *, labels=None, normalize="true", ax=None, **kwargs
    ):
        """Count the predictions; draw only when ``ax`` or plot options are given.

        Parameters
        ----------
        y_true, y_pred : array-like of shape (n_samples,)
            True and predicted labels.
        labels : sequence, optional
            Class values, or (deprecated) class names.
        normalize : {"true", "pred", "all", None}, default="true"
            See :class:`ConfusionDisplay`.
        ax : matplotlib.axes.Axes, optional
            Where to draw. Without ``ax`` and ``kwargs`` nothing is drawn (the
            old behaviour); call ``.plot()``.
        **kwargs
            Passed to :meth:`ConfusionDisplay.plot`.

        Returns
        -------
        ConfusionMatrixDisplay
            Drawn when ``ax`` or ``kwargs`` were given.
        """
        disp = ConfusionDisplay._compute(y_true, y_pred, labels, None, normalize)
        out = cls(
            disp.confusion_matrix, labels=disp.display_labels, normalize=normalize
        )
        out.n_tied = disp.n_tied
        if ax is not None or kwargs:
            out.plot(ax=ax, **kwargs)
        return out


def confusion_display(
    y_true, y_pred_or_score, *, labels=None, display_labels=None, normalize="true"
) -> ConfusionDisplay:
    """Count predictions into a confusion matrix display (call ``.plot()`` to draw).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels of any sortable type (ints, strings).
    y_pred_or_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted labels, or scores whose argmax is the prediction (ties: the
        lowest class index; their number is shown).
    labels : array-like, optional
        The class values to use and their order (default: sorted).
    display_labels : sequence of str, optional
        Names shown (default: the class values).
    normalize : {"true", "pred", "all", None}, default="true"
        What the percentages and colours show.

    Returns
    -------
    ConfusionDisplay
        Not drawn yet: ``.plot()`` draws, ``.to_frame()`` gives the cells.

    Raises
    ------
    ValueError
        If the inputs do not describe the same samples and classes.

    Examples
    --------
    >>> from evalviz.confusion import confusion_display
    >>> disp = confusion_display(["cat", "dog", "dog"], ["cat", "cat", "dog"])
    >>> disp.display_labels, disp.confusion_matrix.tolist()
    (['cat', 'dog'], [[1, 0], [1, 1]])
    """
    return ConfusionDisplay._compute(
        y_true, y_pred_or_score, labels, display_labels, normalize
    )


def confusion(y_true, y_pred, *, labels=None, normalize="true") -> ConfusionDisplay:
    """Deprecated name of :func:`confusion_display` (one release).

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted labels (or scores).
    labels : sequence, optional
        Class values, or (deprecated) class names.
    normalize : {"true", "pred", "all", None}, default="true"
        See :class:`ConfusionDisplay`.

    Returns
    -------
    ConfusionDisplay
        Not drawn; call ``.plot()``.

    Examples
    --------
    >>> import warnings
    >>> from evalviz.confusion import confusion
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     confusion([0, 1, 1], [0, 1, 0]).confusion_matrix.tolist()
    [[1, 0], [1, 1]]
    """
    _deprecated("evalviz.confusion.confusion", "evalviz.confusion.confusion_display")
    return confusion_display(y_true, y_pred, labels=labels, normalize=normalize)
