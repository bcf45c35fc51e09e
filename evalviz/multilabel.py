"""Displays for multi-label problems and for Keras-style cell counts.

- :class:`CellCountsDisplay`: each score column as its own 2 x 2 confusion
  matrix, and all cells added up as Keras counts them
  (:func:`evalviz.metrics.cell_counts`);
- :class:`MultilabelThresholdDisplay`: element-wise vs exact-match accuracy
  and F1 against the threshold
  (:func:`evalviz.metrics.multilabel_threshold_table`);
- :class:`OutfitGallery` / :func:`outfit_gallery`: outfit images with their
  label sets, true and predicted.

Every number comes from :mod:`evalviz.metrics`; these classes only draw. As in
scikit-learn, the constructor takes computed arrays, ``from_predictions``
computes and draws, and ``plot(ax=None)`` draws and returns the display with
``figure_``, ``ax_`` / ``axes_`` and the artists.
"""

from __future__ import annotations

import warnings

import numpy as np

from . import _plotting as P
from ._format import format_count, format_rate, plural
from ._outfit_gallery import OutfitGallery, outfit_gallery
from .metrics import all_no_element_wise, cell_counts, multilabel_threshold_table

__all__ = [
    "CellCountsDisplay",
    "MultilabelThresholdDisplay",
    "OutfitGallery",
    "outfit_gallery",
]


# ---------------------------------------------------------------------------
# Cell counts
# ---------------------------------------------------------------------------

_CELL_TAGS = (("TN", "FP"), ("FN", "TP"))
_TOTAL = "all cells"


class CellCountsDisplay:
    """Each score column as a 2 x 2 confusion matrix, and all cells added up.

    Each score column is one binary problem, "this column's class" against
    the rest, and gets its own matrix (rows = true, columns = predicted,
    negative first, so TN is top left and TP bottom right), with every cell
    tagged TP, FP, FN or TN. With two softmax columns the two matrices are
    mirror images: the TP of one column are the TN of the other, its FP the
    other's FN. A last panel, ``"all cells"``, adds them up as Keras does.

    Parameters
    ----------
    confusion_matrices : array-like of int, shape (n_columns, 2, 2)
        One matrix ``[[TN, FP], [FN, TP]]`` per score column (the layout of
        scikit-learn's ``multilabel_confusion_matrix``). For one release a
        :func:`evalviz.metrics.cell_counts` table is also accepted (with a
        ``DeprecationWarning``).
    display_labels : sequence of str, optional
        One name per column; default "0", "1", ...
    total : array-like of int, shape (2, 2), optional
        The matrix of all cells added up (what Keras counts), drawn as the
        last panel. :meth:`from_predictions` passes it.

    Attributes
    ----------
    figure_ : matplotlib.figure.Figure
        Set by :meth:`plot`.
    axes_ : ndarray of matplotlib Axes
        The grid of panels, set by :meth:`plot`.
    ax_ : matplotlib.axes.Axes
        The first panel.
    images_ : list of matplotlib.image.AxesImage
        One per panel.
    texts_ : list of ndarray of matplotlib.text.Text, shape (2, 2)
        The count in each cell, per panel.
    tags_ : list of ndarray of matplotlib.text.Text, shape (2, 2)
        The TN / FP / FN / TP tag of each cell, per panel.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from evalviz.multilabel import CellCountsDisplay
    >>> disp = CellCountsDisplay.from_predictions(
    ...     [[1, 0], [0, 1], [0, 1]], [[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    >>> disp
    CellCountsDisplay(2 columns; all cells: TP 2, FP 1, FN 1, TN 2)
    """

    def __init__(self, confusion_matrices, *, display_labels=None, total=None):
        if hasattr(confusion_matrices, "columns"):  # a cell_counts table (old form)
            warnings.warn(
                "CellCountsDisplay(counts_table) is deprecated: pass the (n_columns, "
                "2, 2) matrices, or use CellCountsDisplay.from_predictions",
                DeprecationWarning,
                stacklevel=2,
            )
            table = confusion_matrices
            cells = table[["TN", "FP", "FN", "TP"]].to_numpy().reshape(-1, 2, 2)
            confusion_matrices, total = cells[:-1], cells[-1]
            display_labels = [str(x) for x in table.index[:-1]]
        mats = np.asarray(confusion_matrices, dtype=np.int64)
        if mats.ndim != 3 or mats.shape[1:] != (2, 2):
            raise ValueError(
                "confusion_matrices must have shape (n_columns, 2, 2), got "
                f"{mats.shape}; pass one [[TN, FP], [FN, TP]] matrix per column"
            )
        names = (
            [str(j) for j in range(mats.shape[0])]
            if display_labels is None
            else [str(x) for x in display_labels]
        )
        if len(names) != mats.shape[0]:
            raise ValueError(
                f"display_labels has {len(names)} names but there are "
                f"{mats.shape[0]} matrices; pass one name per column"
            )
        self.confusion_matrices = mats
        self.display_labels = names
        self.total = None if total is None else np.asarray(total, dtype=np.int64)

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        threshold=0.5,
        display_labels=None,
        labels=None,
        pos_label=None,
        total=None,
        title=None,
        ax=None,
    ):
        """Count with :func:`evalviz.metrics.cell_counts` and draw.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,) or (n_samples, k)
            One-hot labels, a 0/1 indicator, class labels with (n, k) scores,
            or binary labels with 1-D scores.
        y_score : array-like of shape (n_samples, k) or (n_samples,)
            Scores, one column per class or label.
        threshold : float, default=0.5
            A cell is predicted positive when its score is strictly above.
        display_labels : sequence of str, optional
            One name per score column.
        labels : sequence of str, optional
            Deprecated name of ``display_labels`` (one release).
        pos_label : object, optional
            The positive class of binary labels other than {0, 1}, {-1, 1}.
        total : bool, optional
            Draw the ``"all cells"`` panel; default when there are at least
            two columns.
        title : str, optional
            A title over the whole figure.
        ax : array of matplotlib Axes, optional
            One axes per panel; default a new figure.

        Returns
        -------
        CellCountsDisplay
            The drawn display.
        """
        counts = cell_counts(
            y_true,
            y_score,
            threshold=threshold,
            display_labels=display_labels,
            labels=labels,
            pos_label=pos_label,
        )
        cells = counts[["TN", "FP", "FN", "TP"]].to_numpy().reshape(-1, 2, 2)
        disp = cls(cells[:-1], display_labels=list(counts.index[:-1]), total=cells[-1])
        return disp.plot(ax=ax, total=total, title=title)

    def matrices(self) -> dict:
        """The matrices drawn, by panel name.

        Returns
        -------
        dict
            ``{name: 2 x 2 array [[TN, FP], [FN, TP]]}`` for every column,
            then ``"all cells"`` when the total is known.
        """
        out = dict(zip(self.display_labels, self.confusion_matrices, strict=True))
        if self.total is not None:
            out[_TOTAL] = self.total
        return out

    def to_frame(self):
        """The counts drawn: one row per panel, columns TP, FP, FN, TN.

        Returns
        -------
        pandas.DataFrame
            Index ``column`` (the column names, then ``"all cells"``).
        """
        import pandas as pd

        mats = self.matrices()
        rows = {n: [m[1, 1], m[0, 1], m[1, 0], m[0, 0]] for n, m in mats.items()}
        frame = pd.DataFrame.from_dict(
            rows, orient="index", columns=["TP", "FP", "FN", "TN"]
        )
        frame.index.name = "column"
        return frame.astype(np.int64)

    def __repr__(self) -> str:
        n = plural(len(self.display_labels), "column")
        m = self.total if self.total is not None else self.confusion_matrices.sum(0)
        where = "all cells" if self.total is not None else "summed"
        return (
            f"CellCountsDisplay({n}; {where}: TP {format_count(m[1, 1])}, FP "
            f"{format_count(m[0, 1])}, FN {format_count(m[1, 0])}, TN "
            f"{format_count(m[0, 0])})"
        )

    def _panels(self, total, max_panels):
        columns = list(self.display_labels)
        if max_panels is not None and len(columns) + 1 > max_panels:
            columns = columns[: max(int(max_panels) - 1, 1)]
        if total is None:
            total = len(columns) > 1 and self.total is not None
        if total and self.total is None:
            raise ValueError(
                "total=True needs the all-cells matrix; pass total= to the "
                "constructor or use from_predictions"
            )
        return columns + ([_TOTAL] if total else [])

    def _tick_names(self, name: str) -> tuple[list, str]:
        if name == _TOTAL:
            return ["cell = 0", "cell = 1"], "all cells added up\n(what Keras counts)"
        others = [c for c in self.display_labels if c != name]
        rest = others[0] if len(others) == 1 else f"not {name}"
        return [rest, name], f"column '{name}'\n(positive: {name})"

    def plot(self, ax=None, *, total=None, title=None, cmap="Blues", max_panels=12):
        """Draw one matrix per column (and the total), side by side.

        Parameters
        ----------
        ax : matplotlib Axes or array of Axes, optional
            One axes per panel; default a new figure (at most four panels
            per row).
        total : bool, optional
            Draw the ``"all cells"`` panel; default when there are at least
            two columns and the total is known.
        title : str, optional
            A title over the whole figure.
        cmap : str, default="Blues"
            The colour map of the cells.
        max_panels : int or None, default=12
            With more columns than fit, only the first ``max_panels - 1``
            columns are drawn (and the total); the figure says how many are
            left out. ``None`` draws every column.

        Returns
        -------
        CellCountsDisplay
            ``self``, with ``figure_``, ``axes_``, ``ax_``, ``images_``,
            ``texts_`` and ``tags_`` set.

        Raises
        ------
        ValueError
            When ``total=True`` without a total, or ``ax`` has too few axes.
        """
        panels = self._panels(total, max_panels)
        mats = self.matrices()
        shown = len([p for p in panels if p != _TOTAL])
        n_columns = len(self.display_labels)
        if shown < n_columns:
            more = f"first {shown} of {plural(n_columns, 'column')} shown"
            title = more if title is None else f"{title}\n({more})"
        fig, axes = P.panel_grid(
            len(panels),
            ax,
            per_row=P.STYLE["multilabel_panels_per_row"],
            panel_size=P.STYLE["multilabel_panel_size"],
            extra_height=0.5 if title else 0.0,
        )
        self.images_, self.texts_, self.tags_ = [], [], []
        for panel, name in zip(axes.flat, panels, strict=False):
            ticks, panel_title = self._tick_names(name)
            self._draw_panel(panel, mats[name], ticks, panel_title, cmap)
        for extra in list(axes.flat)[len(panels) :]:
            extra.set_axis_off()
        if title is not None:
            fig.suptitle(title, fontsize=P.STYLE["title"])
        self.figure_, self.axes_, self.ax_ = fig, axes, axes.flat[0]
        return self

    def _draw_panel(self, ax, cm, ticks, title, cmap) -> None:
        vmax = max(int(cm.max()), 1)
        self.images_.append(ax.imshow(cm, cmap=cmap, vmin=0, vmax=vmax))
        texts = np.empty((2, 2), dtype=object)
        tags = np.empty((2, 2), dtype=object)
        for i in range(2):
            for j in range(2):
                color = "white" if cm[i, j] > vmax / 2 else "black"
                texts[i, j] = ax.text(
                    j,
                    i + 0.1,
                    format_count(cm[i, j]),
                    ha="center",
                    va="center",
                    fontsize=P.STYLE["label"],
                    color=color,
                )
                tags[i, j] = ax.text(
                    j,
                    i - 0.3,
                    _CELL_TAGS[i][j],
                    ha="center",
                    va="center",
                    fontsize=P.STYLE["label"],
                    fontweight="bold",
                    color=color,
                )
        self.texts_.append(texts)
        self.tags_.append(tags)
        ax.set_xticks([0, 1], ticks)
        ax.set_yticks([0, 1], ticks, rotation=90, va="center")
        P.style_axes(ax, title=title, xlabel="predicted", ylabel="true")


# ---------------------------------------------------------------------------
# Multi-label summaries against the threshold
# ---------------------------------------------------------------------------

_SWEEP_LABELS = {
    "element_wise": "element-wise accuracy (Keras BinaryAccuracy)",
    "exact_match": "exact match (scikit-learn accuracy_score)",
    "micro_precision": "micro precision",
    "micro_recall": "micro recall",
    "micro_F1": "micro F1",
    "macro_F1": "macro F1",
}
_BASELINE_LABEL = "element-wise, answering 'no' everywhere"
_DEFAULT_COLUMNS = ("element_wise", "exact_match", "micro_F1", "macro_F1")


class MultilabelThresholdDisplay:
    """Multi-label summaries against the threshold, one line per summary.

    Parameters
    ----------
    thresholds : array-like of shape (n_thresholds,)
        The thresholds (x axis). For one release a table from
        :func:`evalviz.metrics.multilabel_threshold_table` is also accepted
        here, with ``summaries`` left out (with a ``DeprecationWarning``).
    summaries : dict of str to array-like of shape (n_thresholds,)
        ``{name: values}``, named as the columns of
        :func:`evalviz.metrics.multilabel_summary` (``"element_wise"``,
        ``"exact_match"``, ``"micro_F1"`` ...).
    baseline : float, optional
        The element-wise accuracy of answering "no" for every label (the share
        of 0 cells in ``y_true``), drawn as a dashed reference line.
        :meth:`from_predictions` computes it.

    Attributes
    ----------
    figure_ : matplotlib.figure.Figure
        Set by :meth:`plot`.
    ax_ : matplotlib.axes.Axes
        Set by :meth:`plot`.
    lines_ : dict of str to matplotlib.lines.Line2D
        One line per summary drawn.
    baseline_line_ : matplotlib.lines.Line2D or None
        The dashed all-"no" line.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from evalviz.multilabel import MultilabelThresholdDisplay
    >>> y = [[1, 0], [0, 1], [1, 1]]
    >>> s = [[0.9, 0.4], [0.2, 0.6], [0.7, 0.3]]
    >>> MultilabelThresholdDisplay.from_predictions(y, s, thresholds=[0.1, 0.5])
    MultilabelThresholdDisplay(2 thresholds from 0.1 to 0.5; exact match 0.3333 to 0.6667; all-'no' element-wise 0.3333)
    """  # noqa: E501

    def __init__(self, thresholds, summaries=None, *, baseline=None):
        if summaries is None and hasattr(thresholds, "columns"):
            warnings.warn(
                "MultilabelThresholdDisplay(table) is deprecated: pass the thresholds "
                "and {name: values}, or use MultilabelThresholdDisplay.from_predictions",
                DeprecationWarning,
                stacklevel=2,
            )
            table = thresholds
            thresholds = table.index.to_numpy()
            summaries = {str(c): table[c].to_numpy() for c in table.columns}
        if summaries is None:
            raise ValueError(
                "summaries is required: pass {name: values}, or build the display "
                "with MultilabelThresholdDisplay.from_predictions(y_true, y_score)"
            )
        self.thresholds = np.asarray(thresholds, dtype=float)
        self.summaries = {
            str(k): np.asarray(v, dtype=float) for k, v in summaries.items()
        }
        for name, values in self.summaries.items():
            if values.shape != self.thresholds.shape:
                raise ValueError(
                    f"summaries[{name!r}] has {values.size} values but there are "
                    f"{self.thresholds.size} thresholds; pass one value per threshold"
                )
        self.baseline = None if baseline is None else float(baseline)

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        thresholds=None,
        columns=_DEFAULT_COLUMNS,
        title=None,
        ax=None,
    ):
        """Compute the summaries at each threshold and the all-"no" baseline; draw.

        Parameters
        ----------
        y_true : array-like of shape (n_samples, n_labels)
            0/1 indicator matrix.
        y_score : array-like of shape (n_samples, n_labels)
            Predicted probabilities, one column per label.
        thresholds : sequence of float, optional
            Default 0.1, 0.2, ..., 0.9.
        columns : sequence of str, optional
            The summaries drawn (see :meth:`plot`).
        title : str, optional
            The axes title.
        ax : matplotlib.axes.Axes, optional
            Default a new figure.

        Returns
        -------
        MultilabelThresholdDisplay
            The drawn display.
        """
        table = multilabel_threshold_table(y_true, y_score, thresholds=thresholds)
        summaries = {str(c): table[c].to_numpy() for c in table.columns}
        disp = cls(
            table.index.to_numpy(), summaries, baseline=all_no_element_wise(y_true)
        )
        return disp.plot(ax=ax, columns=columns, title=title)

    @property
    def table(self):
        """The summaries as a table, without the baseline.

        Returns
        -------
        pandas.DataFrame
            Index ``threshold``, one column per summary.
        """
        import pandas as pd

        frame = pd.DataFrame(self.summaries, index=self.thresholds)
        frame.index.name = "threshold"
        return frame

    def to_frame(self):
        """The numbers drawn.

        Returns
        -------
        pandas.DataFrame
            Index ``threshold``, one column per summary, and the baseline (if
            any) as a column ``all_no_element_wise``.
        """
        frame = self.table
        if self.baseline is not None:
            frame["all_no_element_wise"] = self.baseline
        return frame

    def __repr__(self) -> str:
        t = self.thresholds
        parts = [f"{plural(t.size, 'threshold')} from {t.min():g} to {t.max():g}"]
        if "exact_match" in self.summaries:
            em = self.summaries["exact_match"]
            parts.append(
                f"exact match {format_rate(em.min(), 4)} to {format_rate(em.max(), 4)}"
            )
        if self.baseline is not None:
            parts.append(f"all-'no' element-wise {format_rate(self.baseline, 4)}")
        return f"MultilabelThresholdDisplay({'; '.join(parts)})"

    def plot(self, ax=None, *, columns=_DEFAULT_COLUMNS, title=None):
        """Draw one line per summary against the threshold.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Default a new figure.
        columns : sequence of str, optional
            The summaries drawn, in this order; default element-wise, exact
            match, micro F1 and macro F1.
        title : str, optional
            The axes title.

        Returns
        -------
        MultilabelThresholdDisplay
            ``self``, with ``figure_``, ``ax_``, ``lines_`` and
            ``baseline_line_`` set.

        Raises
        ------
        ValueError
            When a name in ``columns`` is not one of the summaries.
        """
        unknown = [c for c in columns if c not in self.summaries]
        if unknown:
            raise ValueError(
                f"columns holds {unknown[0]!r}, which is not a column of the table; "
                f"pick from {list(self.summaries)}"
            )
        if ax is None:
            fig, axes = P.new_grid(
                1, 1, figsize=P.STYLE["multilabel_sweep_figsize"], layout="constrained"
            )
            ax = axes[0, 0]
        fig = ax.figure
        self.lines_ = {}
        for i, name in enumerate(columns):
            (self.lines_[name],) = ax.plot(
                self.thresholds,
                self.summaries[name],
                marker="o",
                linewidth=2,
                color=P.PALETTE[i % len(P.PALETTE)],
                label=_SWEEP_LABELS.get(name, name),
            )
        self.baseline_line_ = self._draw_baseline(ax, list(columns))
        ax.set_ylim(0, 1.02)
        ax.set_xticks(list(self.thresholds))
        ax.grid(alpha=0.3)
        P.style_axes(ax, title=title, xlabel="threshold", ylabel="score")
        # Below the axes, so that no line is hidden behind it.
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.14),
            fontsize=P.STYLE["legend"],
            ncol=2,
        )
        self.ax_, self.figure_ = ax, fig
        return self

    def _draw_baseline(self, ax, shown):
        if self.baseline is None:
            return None
        # Dashed, in the element-wise line's colour: it is that line's floor.
        color = (
            P.PALETTE[shown.index("element_wise") % len(P.PALETTE)]
            if "element_wise" in shown
            else "#555555"
        )
        return ax.axhline(
            self.baseline,
            color=color,
            linestyle="--",
            linewidth=1.8,
            label=f"{_BASELINE_LABEL}: {format_rate(self.baseline, 4)}",
        )
