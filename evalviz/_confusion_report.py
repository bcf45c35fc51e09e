"""The classification report heatmap, and helpers shared by the matrix displays.

Public names are re-exported by :mod:`evalviz.confusion`
(``ClassificationReportDisplay``, ``report``); import them from there.
"""

from __future__ import annotations

import warnings
from dataclasses import replace

import numpy as np
import pandas as pd

from . import _plotting as P
from ._format import format_count, format_rate, plural
from ._validation import as_array, read_inputs
from .metrics import confusion_matrix, report_from_confusion

_TIE_NOTE = "tied top scores: lowest class index predicted"
_AVERAGES = ("macro avg", "weighted avg")


def _deprecated(old: str, new: str) -> None:
    warnings.warn(
        f"{old} is deprecated and will be removed in the next release; use {new}",
        DeprecationWarning,
        stacklevel=3,
    )


def _only_seen(inputs, pred):
    """Keep the classes present in y_true or the predictions (indices remapped)."""
    seen = np.unique(np.concatenate([inputs.y, pred]))
    if seen.size == inputs.n_classes:
        return inputs, pred
    new_index = np.full(inputs.n_classes, -1, dtype=np.int64)
    new_index[seen] = np.arange(seen.size)
    kept = replace(
        inputs,
        y=new_index[inputs.y],
        classes=inputs.classes[seen],
        names=[inputs.names[j] for j in seen],
        score=inputs.score[:, seen],
    )
    return kept, new_index[pred]


def _read_predictions(y_true, y_pred_or_score, labels, display_labels):
    """``(inputs, predicted indices, tied rows)`` from labels or from scores."""
    name = "y_pred_or_score"
    given = as_array(y_pred_or_score, name)
    if given.ndim > 2:
        raise ValueError(
            f"{name} has shape {given.shape}; pass predicted labels of shape "
            "(n_samples,) or scores of shape (n_samples, n_classes)"
        )
    if (
        given.ndim == 1
        and given.dtype.kind == "f"
        and np.isfinite(given).all()
        and not np.all(given == np.round(given))
    ):
        raise ValueError(
            f"{name} is 1-D with non-integer values (one score per sample?); a "
            "confusion matrix counts predicted labels: pass (y_score >= threshold)"
            ".astype(int) for a chosen threshold, or a (n_samples, 2) matrix of "
            "class probabilities (its argmax is the prediction)"
        )
    if given.ndim == 2 and given.shape[1] > 1:
        inputs = read_inputs(
            y_true,
            given,
            labels=labels,
            display_labels=display_labels,
            kind="multiclass",
            y_score_name=name,
        )
        pred, n_tied = inputs.predictions(), inputs.n_tied_rows()
        if labels is None:  # scikit-learn's classes: those in y_true or predicted
            inputs, pred = _only_seen(inputs, pred)
        return inputs, pred, n_tied
    inputs = read_inputs(
        y_true,
        y_pred=given,
        labels=labels,
        display_labels=display_labels,
        kind="multiclass",
        y_pred_name=name,
    )
    return inputs, inputs.y_pred, 0


def _by_count(table, k: int):
    """The value for ``k`` classes in a ``((up to k, value), ...)`` table."""
    for bound, value in table:
        if k <= bound:
            return value
    return table[-1][1]


def _tick_positions(k: int) -> np.ndarray:
    """Every class up to STYLE["matrix_max_ticks"], else every n-th one."""
    step = int(np.ceil(k / P.STYLE["matrix_max_ticks"]))
    return np.arange(0, k, step)


def _matrix_figure(ax, size):
    """The given axes, or a new figure with a layout engine (labels never cut)."""
    if ax is not None:
        return ax.figure, ax
    width = min(size[0], P.STYLE["matrix_max_figsize"][0])
    height = min(size[1], P.STYLE["matrix_max_figsize"][1])
    fig, axes = P.new_grid(1, 1, figsize=(width, height), layout="constrained")
    return fig, axes[0, 0]


class ClassificationReportDisplay:
    """Precision, recall and F1 per class (plus averages) as a heatmap.

    Parameters
    ----------
    report : pandas.DataFrame
        As returned by :func:`evalviz.metrics.report_from_confusion`: rows per
        class, ``accuracy``, ``macro avg``, ``weighted avg``; columns
        ``precision``, ``recall``, ``f1-score``, ``support``.
    n_tied : int, default=0
        Rows whose prediction was decided by tied top scores.

    Attributes
    ----------
    report : pandas.DataFrame
        The numbers.
    accuracy : float
        The accuracy row's number (NaN when absent).
    ax_, figure_, im_ : matplotlib objects, set by :meth:`plot`.
    text_ : numpy.ndarray of Text or None
        Cell texts, shape (n_rows, 3); None past ``STYLE["matrix_max_cell_text"]``
        classes.
    colorbar_ : matplotlib Colorbar, set by :meth:`plot` with ``colorbar=True``.

    Raises
    ------
    ValueError
        If ``report`` lacks the columns of a classification report.

    Notes
    -----
    The numbers are those of scikit-learn's ``classification_report``; the
    accuracy row is shown in the title (it has one number, not three). Colour
    runs from dark (0) to bright (1), so weak classes stand out. The figure
    stays within 10 x 9 inches at any class count.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.confusion import ClassificationReportDisplay
    >>> from evalviz.metrics import report_from_confusion
    >>> ClassificationReportDisplay(report_from_confusion(np.array([[5, 1], [2, 2]])))
    ClassificationReportDisplay(2 classes, 10 samples, accuracy 0.700, macro F1 0.670)
    """

    _METRICS = ("precision", "recall", "f1-score")

    def __init__(self, report, *, n_tied=0):
        if not isinstance(report, pd.DataFrame) or not set(
            ("precision", "recall", "f1-score", "support")
        ) <= set(report.columns):
            raise ValueError(
                "report must be a DataFrame with columns precision, recall, "
                "f1-score and support, such as evalviz.metrics.report_from_confusion"
                "(cm) returns"
            )
        self.report = report
        self.accuracy = (
            float(report.loc["accuracy", "precision"])
            if "accuracy" in report.index
            else float("nan")
        )
        self.n_tied = int(n_tied)

    @classmethod
    def _compute(cls, y_true, y_pred_or_score, labels, display_labels):
        inputs, pred, n_tied = _read_predictions(
            y_true, y_pred_or_score, labels, display_labels
        )
        cm = confusion_matrix(inputs.y, pred, n_classes=inputs.n_classes)
        return cls(report_from_confusion(cm, inputs.names), n_tied=n_tied)

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_pred_or_score,
        *,
        labels=None,
        display_labels=None,
        ax=None,
        **kwargs,
    ):
        """Compute the report from predictions (or scores) and draw it.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            True class labels of any sortable type.
        y_pred_or_score : array-like of shape (n_samples,) or (n_samples, n_classes)
            Predicted labels, or scores whose argmax is the prediction (ties:
            the lowest class index).
        labels : array-like, optional
            The class values to use and their order (default: sorted).
        display_labels : sequence of str, optional
            Names shown.
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        ClassificationReportDisplay
            Drawn.

        Raises
        ------
        ValueError
            If the inputs do not describe the same samples and classes.
        """
        disp = cls._compute(y_true, y_pred_or_score, labels, display_labels)
        return disp.plot(ax=ax, **kwargs)

    @classmethod
    def from_confusion(
        cls, confusion_matrix, *, display_labels=None, labels=None, ax=None, **kwargs
    ):
        """Rebuild the report from a confusion matrix (rows = true class) and draw it.

        Parameters
        ----------
        confusion_matrix : array-like of shape (n_classes, n_classes)
            Counts, rows = true class.
        display_labels : sequence of str, optional
            Class names in row order.
        labels : sequence of str, optional
            Deprecated spelling of ``display_labels``.
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        ClassificationReportDisplay
            Drawn.

        Raises
        ------
        ValueError
            If the matrix is not square counts.
        """
        if labels is not None and display_labels is None:
            warnings.warn(
                "from_confusion(labels=names) is deprecated: pass display_labels=",
                DeprecationWarning,
                stacklevel=2,
            )
            display_labels = labels
        disp = cls(report_from_confusion(confusion_matrix, display_labels))
        return disp.plot(ax=ax, **kwargs)

    @property
    def _class_rows(self) -> pd.DataFrame:
        return self.report.drop(index=["accuracy", *_AVERAGES], errors="ignore")

    def __repr__(self) -> str:
        k = len(self._class_rows)
        total = self._total()
        f1 = (
            self.report.loc["macro avg", "f1-score"]
            if "macro avg" in self.report.index
            else float("nan")
        )
        tied = f", {plural(self.n_tied, 'tied row')}" if self.n_tied else ""
        return (
            f"ClassificationReportDisplay({plural(k, 'class', 'classes')}, "
            f"{plural(total, 'sample')}, accuracy {format_rate(self.accuracy)}, "
            f"macro F1 {format_rate(f1)}{tied})"
        )

    def _total(self) -> int:
        return int(
            round(self.report["support"].drop("accuracy", errors="ignore").max())
        )

    def to_frame(self) -> pd.DataFrame:
        """The report's numbers.

        Returns
        -------
        pandas.DataFrame
            A copy of :attr:`report`.
        """
        return self.report.copy()

    def plot(
        self,
        ax=None,
        *,
        cmap="viridis",
        colorbar=True,
        title="Classification report",
        include_values=None,
    ):
        """Draw the heatmap.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (constrained layout) when None.
        cmap : str or Colormap, default="viridis"
            Colours, 0 to 1.
        colorbar : bool, default=True
            Add a colour bar under the table (the same 0-1 scale for
            precision, recall and F1).
        title : str, default="Classification report"
            Title start; the accuracy and the sample count follow.
        include_values : bool, optional
            Write the numbers and supports; default: up to
            ``STYLE["matrix_max_cell_text"]`` (30) classes.

        Returns
        -------
        ClassificationReportDisplay
            Self, with ``ax_``, ``figure_``, ``im_``, ``text_`` set.
        """
        rows = self.report.drop(index="accuracy", errors="ignore")
        values = rows[list(self._METRICS)].to_numpy(dtype=float)
        n = len(rows)
        n_classes = len(self._class_rows)
        width, per_row, extra = P.STYLE["report_figsize"]
        height = max(4.0, per_row * n + extra) + (0.9 if colorbar else 0)
        fig, ax = _matrix_figure(ax, (width, height))
        self.im_ = ax.imshow(values, cmap=cmap, vmin=0.0, vmax=1.0, aspect="auto")
        if include_values is None:
            include_values = n_classes <= P.STYLE["matrix_max_cell_text"]
        self.text_ = self._draw_values(ax, rows, values) if include_values else None
        if n_classes < n:
            ax.axhline(n_classes - 0.5, color="white", linewidth=3)
        self._draw_ticks(ax, rows, n_classes)
        ax.set_title(
            f"{title}: accuracy {format_rate(self.accuracy)} on "
            f"{plural(self._total(), 'sample')}"
            + (f"\n{plural(self.n_tied, 'row')}, {_TIE_NOTE}" if self.n_tied else ""),
            fontsize=P.STYLE["title"],
        )
        if colorbar:
            bar = fig.colorbar(
                self.im_, ax=ax, orientation="horizontal", fraction=0.05, pad=0.04
            )
            bar.set_label(
                "precision, recall, F1 (0 = worst, 1 = best)", fontsize=P.STYLE["label"]
            )
            bar.ax.tick_params(labelsize=P.STYLE["tick"])
            self.colorbar_ = bar
        self.ax_, self.figure_ = ax, fig
        return self

    def _draw_values(self, ax, rows, values):
        n, m = values.shape
        size = P.STYLE["tick"] + 1
        texts = np.empty((n, m), dtype=object)
        for i in range(n):
            for j in range(m):
                texts[i, j] = ax.text(
                    j,
                    i,
                    format_rate(values[i, j]),
                    ha="center",
                    va="center",
                    fontsize=size,
                    color="black" if values[i, j] > 0.6 else "white",
                )
            ax.text(
                m - 0.5 + 0.15,
                i,
                format_count(round(rows["support"].iloc[i])),
                ha="left",
                va="center",
                fontsize=size,
                color=P.ink(),
            )
        ax.text(
            m - 0.5 + 0.15,
            -0.75,
            "support",
            ha="left",
            va="bottom",
            fontsize=P.STYLE["label"],
        )
        return texts

    def _draw_ticks(self, ax, rows, n_classes):
        n = len(rows)
        pos = np.r_[_tick_positions(n_classes), np.arange(n_classes, n)]
        names = [str(rows.index[i]) for i in pos]
        ax.set_xticks(range(len(self._METRICS)), list(self._METRICS))
        ax.xaxis.tick_top()
        ax.set_yticks(pos, names)
        ax.set_xlim(-0.5, len(self._METRICS) - 0.5)
        ax.set_ylim(n - 0.5, -0.5)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.tick_params(length=0)
        ax.tick_params(axis="x", labelsize=P.STYLE["label"])
        ax.tick_params(
            axis="y", labelsize=_by_count(P.STYLE["matrix_tick_sizes"], n_classes)
        )


def report(
    y_true, y_pred_or_score, *, labels=None, display_labels=None
) -> ClassificationReportDisplay:
    """Compute a classification report display (call ``.plot()`` to draw).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels of any sortable type.
    y_pred_or_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted labels, or scores whose argmax is the prediction.
    labels : array-like, optional
        The class values to use and their order; a list of names that are
        not class values is read as ``display_labels`` (deprecated).
    display_labels : sequence of str, optional
        Names shown.

    Returns
    -------
    ClassificationReportDisplay
        Not drawn yet.

    Raises
    ------
    ValueError
        If the inputs do not describe the same samples and classes.

    Examples
    --------
    >>> from evalviz.confusion import report
    >>> rep = report(["cat", "dog", "dog", "cat"], ["cat", "dog", "cat", "cat"])
    >>> float(rep.report.loc["dog", "recall"])
    0.5
    """
    return ClassificationReportDisplay._compute(
        y_true, y_pred_or_score, labels, display_labels
    )
