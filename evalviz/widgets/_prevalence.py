"""Same model, another share of positives: the prevalence sweep and explorer.

The numbers come from :func:`evalviz.metrics.prevalence_sweep` and
:func:`evalviz.metrics.resample_prevalence`; the curves from
:func:`evalviz.roc` and :func:`evalviz.pr`.
"""

from __future__ import annotations

import html
import re

import numpy as np

from .. import metrics
from .._format import format_area, format_count, format_rate, format_threshold
from .._plotting import HIGHLIGHT, NEUTRAL, STYLE
from .._validation import check_threshold
from ._classes import read_one_vs_rest
from ._render import (
    _FastFigure,
    _highlight,
    _html_panel,
    _html_table,
    _legend_below,
    _lines_with_gid,
    _pin_legend,
    _png_output,
    _relabel_legend,
    _require_ipywidgets,
    _with_picture,
)

_SWEEP_STYLE = {
    "roc_auc": ("ROC AUC", 0, "-"),
    "average_precision": ("average precision", 1, "-"),
    "precision": ("precision at the threshold", 2, "--"),
    "recall": ("recall at the threshold", 3, ":"),
    "accuracy": ("accuracy at the threshold", 6, "-."),
}

_STATE_COLUMNS = ["target", "prevalence", "positives", "negatives", "roc_auc"]
_STATE_COLUMNS += ["average_precision", "threshold", "precision", "recall"]
_STATE_COLUMNS += ["accuracy", "fpr", "tp", "fp", "tn", "fn"]


class PrevalenceSweep:
    """Metrics of one model on resamples with different shares of positives.

    Build it with :meth:`from_predictions`; ``.plot()`` draws each metric
    against the prevalence and ``.to_frame()`` lists the numbers.

    Parameters
    ----------
    table : pandas.DataFrame
        What :func:`evalviz.metrics.prevalence_sweep` returns.
    name : str
        The class compared, e.g. ``"'Shirt' vs rest"``.
    threshold : float
        The cut of precision, recall and accuracy, in score units.
    context : str, optional
        Where the data come from (model, split).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per prevalence (see :func:`evalviz.metrics.prevalence_sweep`).
    ax_, figure_ : matplotlib objects
        After :meth:`plot`.
    zoom_ax_ : matplotlib.axes.Axes or None
        After :meth:`plot`: the zoom panel, if drawn.

    Notes
    -----
    Every resample keeps the scores of the samples it keeps
    (:func:`evalviz.metrics.resample_prevalence`), so the model is the same
    throughout: ROC AUC and recall stay flat (up to sampling noise) because
    they only compare positives with negatives; precision, average precision
    and accuracy depend on how many of each there are.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.widgets import PrevalenceSweep
    >>> rng = np.random.default_rng(0)
    >>> y = (rng.random(2000) < 0.3).astype(int)
    >>> PrevalenceSweep.from_predictions(y, rng.normal(y, 1.0), prevalences=[0.1, 0.5])
    PrevalenceSweep(threshold 0.5, prevalence 0.1 to 0.5: ROC AUC 0.761 to 0.762, AP 0.294 to 0.755)
    """

    def __init__(self, table, name, threshold, context=None):
        self.table = table
        self.name = name
        self.threshold = threshold
        self.context = context
        self.ax_ = None
        self.figure_ = None
        self.zoom_ax_ = None

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        prevalences=None,
        threshold=0.5,
        pos_label=None,
        seed=0,
        name="",
        context=None,
        ax=None,
        **kwargs,
    ):
        """Resample to each prevalence and compute the metrics (draw if ``ax``).

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            Binary labels (see :func:`evalviz.metrics.resample_prevalence`).
        y_score : array-like of shape (n_samples,)
            Scores of the positive class.
        prevalences : array-like of float, optional
            Shares of positives; default 25 values from 0.01 to 0.9 (those
            that can be reached).
        threshold : float, default 0.5
            The cut for precision, recall, accuracy and FPR.
        pos_label : object, optional
            The positive class of ``y_true``.
        seed : int, default 0
            Seed of the resampling.
        name : str, default ""
            The class compared, for the title.
        context : str, optional
            Where the data come from (model, split), for the title.
        ax : matplotlib.axes.Axes, optional
            Where to draw; without ``ax`` and ``kwargs`` nothing is drawn yet.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        PrevalenceSweep
            The table, ready to plot (drawn when ``ax`` or ``kwargs`` were given).

        Raises
        ------
        ValueError
            As :func:`evalviz.metrics.prevalence_sweep`.
        """
        table = metrics.prevalence_sweep(
            y_true,
            y_score,
            prevalences,
            threshold=threshold,
            pos_label=pos_label,
            seed=seed,
        )
        sweep = cls(table, name, check_threshold(threshold), context)
        return sweep.plot(ax=ax, **kwargs) if ax is not None or kwargs else sweep

    def to_frame(self):
        """The numbers drawn, one row per prevalence.

        Returns
        -------
        pandas.DataFrame
            A copy of :attr:`table`.
        """
        return self.table.copy()

    def __repr__(self) -> str:
        t = self.table

        def _span(column, fmt):
            lo, hi = fmt(t[column].min()), fmt(t[column].max())
            return lo if lo == hi else f"{lo} to {hi}"

        if t.empty:
            numbers = "no reachable prevalence"
        else:
            numbers = (
                f"prevalence {_span('target', format_threshold)}: ROC AUC "
                f"{_span('roc_auc', format_area)}, AP "
                f"{_span('average_precision', format_area)}"
            )
        about = ", ".join(p for p in (self.name, self.context) if p)
        about = f"{about}, " if about else ""
        return (
            f"PrevalenceSweep({about}threshold {format_threshold(self.threshold)}, "
            f"{numbers})"
        )

    @property
    def title(self) -> str:
        """The default title: the class, the threshold and the data.

        Returns
        -------
        str
            "Same model, different share of positives: " and the parts.
        """
        about = ", ".join(
            part
            for part in (
                self.name,
                f"threshold {format_threshold(self.threshold)}",
                self.context,
            )
            if part
        )
        # two lines: one would be wider than the figure
        return f"Same model, different share of positives\n{about}"

    def _draw(self, ax, x, gid_prefix="sweep:"):
        from .._plotting import PALETTE

        for column, (label, color, style) in _SWEEP_STYLE.items():
            ax.plot(
                x,
                self.table[column].to_numpy(),
                color=PALETTE[color],
                linestyle=style,
                linewidth=STYLE["widget_sweep_line_width"],
                marker="o",
                markersize=STYLE["widget_sweep_marker"],
                label=label,
                gid=f"{gid_prefix}{column}",
            )

    def zoom_region(self, *, level=0.9, spread=0.03, min_points=3):
        """Where lines crowd near 1.

        Parameters
        ----------
        level : float, default 0.9
            The lowest value of a crowded point.
        spread : float, default 0.03
            How close ROC AUC, average precision and precision must be.
        min_points : int, default 3
            The fewest crowded prevalences worth a zoom.

        Returns
        -------
        tuple of float or None
            ``(x0, x1, y0, y1)``: the prevalences at which ROC AUC, average
            precision and precision are all ``>= level`` and within
            ``spread`` of each other, padded, and ``y0`` just below the lowest
            of those values; None when fewer than ``min_points`` crowd.
        """
        crowd = ["roc_auc", "average_precision", "precision"]
        values = np.nan_to_num(self.table[crowd].to_numpy(dtype=float), nan=0.0)
        close = (values.min(axis=1) >= level) & (np.ptp(values, axis=1) < spread)
        rows = np.flatnonzero(close)
        if rows.size < min_points:
            return None
        x = self.table["prevalence"].to_numpy()[rows]
        y0 = np.floor((values[rows].min() - 0.005) * 100) / 100
        pad = 0.02
        return (float(x.min() - pad), float(x.max() + pad), float(y0), 1.004)

    def plot(self, ax=None, *, title=None, zoom=True):
        """Draw each metric against the prevalence; returns self.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Where to draw; default a new figure.
        title : str, optional
            Default: the class, the threshold and the context (model, split).
        zoom : bool, default True
            Where ROC AUC, average precision and precision crowd near 1
            (:meth:`zoom_region`), draw the same lines again in a second
            panel under the legend, zoomed on that corner (``zoom_ax_``).

        Returns
        -------
        PrevalenceSweep
            Self, with ``ax_``, ``figure_`` and ``zoom_ax_`` set.
        """
        from .._plotting import new_axes, style_axes

        created = ax is None
        fig, ax = new_axes(ax, figsize=STYLE["widget_sweep_figsize"])
        if created:
            fig.set_layout_engine("constrained")
        x = self.table["prevalence"].to_numpy()
        self._draw(ax, x)
        ax.set_xlim(0, max(1.0, float(x.max()) if x.size else 1.0))
        ax.set_ylim(-0.02, 1.02)
        style_axes(
            ax,
            title=title or self.title,
            xlabel="prevalence (share of positives in the evaluation set)",
            ylabel="metric",
        )
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=STYLE["widget_sweep_legend"],
            frameon=False,
        )
        region = self.zoom_region() if zoom else None
        self.zoom_ax_ = None if region is None else self._draw_zoom(ax, x, region)
        self.ax_, self.figure_ = ax, fig
        return self

    def _draw_zoom(self, ax, x, region):
        """The same lines in a panel under the legend, outside the data."""
        x0, x1, y0, y1 = region
        inset = ax.inset_axes([1.1, 0.0, 0.3, 0.42])
        self._draw(inset, x, gid_prefix="zoom:")
        inset.set_xlim(x0, x1)
        inset.set_ylim(y0, y1)
        inset.set_title(
            f"zoom: metrics above {format_area(y0, 2)}",
            fontsize=STYLE["widget_inset_title"],
        )
        inset.tick_params(labelsize=STYLE["tick"])
        ax.indicate_inset_zoom(inset, edgecolor=NEUTRAL)
        return inset


def _strip_areas(ax) -> None:
    """Legend labels without the numbers of the first resample."""
    legend = ax.get_legend()
    if legend is None:
        return
    for text in legend.get_texts():
        label = re.sub(r" \((AUC|AP) [<>]?[0-9.]+\)", "", text.get_text())
        label = re.sub(r" \([0-9.eE+-]+\)$", "", label)
        text.set_text(label)


def _prevalence_html(title: str, state: dict, threshold: float) -> str:
    """The numbers panel; every number through evalviz._format."""
    ranking = (
        ("positives", format_count(state["positives"])),
        ("negatives", format_count(state["negatives"])),
        ("prevalence", format_rate(state["prevalence"])),
        ("ROC AUC", format_area(state["roc_auc"])),
        ("average precision", format_area(state["average_precision"])),
    )
    counting = (
        ("precision", format_rate(state["precision"])),
        ("recall (TPR)", format_rate(state["recall"])),
        ("false positive rate", format_rate(state["fpr"])),
        ("accuracy", format_rate(state["accuracy"])),
    )
    return _html_panel(
        f"{html.escape(title)}, resampled",
        _html_table(ranking, "evalviz-ranking"),
        f"<i>at score &ge; {format_threshold(threshold)}</i>"
        + _html_table(counting, "evalviz-metrics"),
    )


class PrevalenceExplorer:
    """A prevalence slider linked to ROC and PR curves and their numbers.

    Build it with :func:`prevalence_explorer`.

    Parameters
    ----------
    truth : ndarray of shape (n_samples,)
        0/1 targets of one class against the rest.
    score : ndarray of shape (n_samples,)
        That class's scores.
    names : list of str
        ``[negative name, positive name]``.
    title : str
        What is compared, e.g. ``"'Shirt' vs rest"``.
    threshold : float
        The fixed cut, in score units.
    seed : int
        Seed of the resampling.
    figsize : tuple of float
        Size of the picture, in inches.
    dpi : float
        Pixels per inch of the picture.
    context : str, optional
        Where the data come from (model, split).

    Attributes
    ----------
    widget : ipywidgets.VBox
        The whole explorer.
    slider : ipywidgets.FloatSlider
        The prevalence; setting ``slider.value`` updates every view.
    numbers : ipywidgets.HTML
        The numbers of the resample as text.
    output : ipywidgets.Output
        The figure as one PNG image.
    sweep : PrevalenceSweep
        The metrics on a grid of prevalences (the top panel).
    state : dict
        The numbers shown now (see :meth:`to_frame`).

    Notes
    -----
    Each slider value keeps a nested subset of the samples
    (:func:`evalviz.metrics.resample_prevalence`) and recomputes, with
    :mod:`evalviz.metrics`, ROC AUC, average precision and, at the fixed
    threshold, precision, recall, accuracy and FPR.

    Examples
    --------
    >>> import numpy as np
    >>> import evalviz as ev
    >>> rng = np.random.default_rng(0)
    >>> y = (rng.random(2000) < 0.3).astype(int)
    >>> ex = ev.widgets.prevalence_explorer(y, 1 / (1 + np.exp(-rng.normal(2 * y - 1))))
    >>> ex.slider.value = 0.1
    >>> ex
    PrevalenceExplorer('1' vs '0', prevalence=0.10, threshold=0.5, ROC AUC 0.921, AP 0.658)
    """

    def __init__(
        self, truth, score, names, title, *, threshold, seed, figsize, dpi, context=None
    ):
        self._truth, self._score = truth, score
        self._names, self._title = names, title
        self._seed = seed
        self.threshold = check_threshold(threshold)
        start = self._make_controls()
        lo, hi = self.slider.min, self.slider.max
        grid = np.round(np.arange(lo, hi + 1e-9, 0.05), 2)
        grid = np.unique(np.concatenate([[lo], grid, [hi]]))
        self.sweep = PrevalenceSweep.from_predictions(
            truth,
            score,
            prevalences=grid,
            threshold=self.threshold,
            seed=seed,
            name=title,
            context=context,
        )
        self._canvas = _FastFigure(figsize, dpi)
        self.figure = self._canvas.figure
        with self._canvas.style():
            self._draw(start)
        self.state: dict = {}
        self.update()
        self.slider.observe(self._on_prevalence, names="value")

    def _make_controls(self) -> float:
        """The prevalence slider, the numbers and the Output; the start value."""
        widgets = _require_ipywidgets()
        lo, hi = metrics.prevalence_bounds(self._truth)
        lo_step, hi_step = np.ceil(lo * 100) / 100, np.floor(hi * 100) / 100
        start = float(np.clip(np.round(self._truth.mean(), 2), lo_step, hi_step))
        self.slider = widgets.FloatSlider(
            value=start,
            min=lo_step,
            max=hi_step,
            step=0.01,
            description="prevalence",
            readout_format=".2f",
            continuous_update=True,
            layout=widgets.Layout(width="520px"),
        )
        self.slider.add_class("evalviz-prevalence")
        self.numbers = widgets.HTML()
        self.numbers.add_class("evalviz-numbers")
        self.output = widgets.Output()
        self.output.add_class("evalviz-plot")
        self.widget = widgets.VBox([self.slider, self.numbers, self.output])
        self.widget.add_class("evalviz-prevalence-explorer")
        return start

    def _curves(self, y, s):
        """The ROC and PR displays of one resample (computed, not drawn)."""
        from .. import curves

        names = {"display_labels": list(self._names)}
        t = [self.threshold]
        return (
            curves.roc(y, s, **names, thresholds=t, argmax=False),
            curves.pr(y, s, **names, thresholds=t, argmax=False),
        )

    def _draw(self, start: float) -> None:
        """The sweep on top, the ROC and PR curves of the resample below."""
        fig = self.figure
        layout = fig.add_gridspec(2, 2, height_ratios=(1.0, 1.15))
        ax_sweep = fig.add_subplot(layout[0, :])
        ax_roc = fig.add_subplot(layout[1, 0])
        ax_pr = fig.add_subplot(layout[1, 1])
        # no zoom panel here: it would need room beside the legend; a short
        # title: the class and the data are named above the picture
        self.sweep.plot(
            ax=ax_sweep,
            zoom=False,
            title="Same model, other shares of positives "
            f"(threshold {format_threshold(self.threshold)})",
        )
        # the legend under the axes: the curves below get the whole width
        _legend_below(ax_sweep, ncol=3, fontsize=STYLE["legend"])
        self._marker = ax_sweep.axvline(
            start,
            color=HIGHLIGHT,
            linewidth=STYLE["widget_marker_line_width"],
            gid="prevalence",
        )
        roc, pr = self._curves(*self._resample(start))
        roc.plot(ax=ax_roc, legend="inside", title="ROC curve of the resample")
        pr.plot(ax=ax_pr, legend="inside", title="Precision-recall of the resample")
        for ax in (ax_roc, ax_pr):
            _relabel_legend(ax, r"score >= {number}", "score >= threshold (fixed)")
            _strip_areas(ax)
        _pin_legend(ax_roc, "lower right")
        _pin_legend(ax_pr, "lower left")
        name = self._names[1]
        self._roc_line = _lines_with_gid(ax_roc, f"class:{name}")
        self._pr_line = _lines_with_gid(ax_pr, f"class:{name}")
        self._baseline = _lines_with_gid(ax_pr, "baseline")
        self._roc_point = _lines_with_gid(ax_roc, "point:")
        self._pr_point = _lines_with_gid(ax_pr, "point:")
        _highlight(ax_roc, self._roc_point, "score >= threshold (fixed)")
        _highlight(ax_pr, self._pr_point, "score >= threshold (fixed)")
        self._canvas.animate(
            self._marker,
            *self._roc_line,
            *self._pr_line,
            *self._baseline,
            *self._roc_point,
            *self._pr_point,
        )

    def _resample(self, prevalence: float):
        return metrics.resample_prevalence(
            self._truth, self._score, prevalence, seed=self._seed
        )

    def update(self) -> None:
        """Resample to the slider's prevalence, recompute and redraw the image."""
        target = float(self.slider.value)
        (state,) = metrics.prevalence_sweep(
            self._truth,
            self._score,
            [target],
            threshold=self.threshold,
            seed=self._seed,
        ).to_dict("records")
        state["threshold"] = self.threshold
        self._move(state, *self._curves(*self._resample(target)))
        self.state = state
        self.numbers.value = _prevalence_html(self._title, state, self.threshold)
        self.output.outputs = _png_output(
            self._canvas.render(),
            f"<prevalence explorer image: {self._title}, prevalence "
            f"{format_rate(state['prevalence'])}>",
        )

    def _move(self, state: dict, roc, pr) -> None:
        """Give the drawn artists the resample's curves and points."""
        name = self._names[1]
        self._marker.set_xdata([state["prevalence"]] * 2)
        for line in self._roc_line:
            line.set_data(*roc.per_class[name][:2])
        for line in self._pr_line:
            line.set_data(*pr.per_class[name][:2])
        for line in self._baseline:
            line.set_ydata([state["prevalence"]] * 2)
        for line in self._roc_point:
            line.set_data([state["fpr"]], [state["recall"]])
        has_pred = state["tp"] + state["fp"] > 0
        for line in self._pr_point:
            line.set_data(
                [state["recall"]], [state["precision"] if has_pred else np.nan]
            )

    def _on_prevalence(self, change) -> None:
        self.update()

    def to_frame(self):
        """The numbers shown now, as one table row.

        Returns
        -------
        pandas.DataFrame
            One row: ``target``, ``prevalence``, ``positives``, ``negatives``,
            ``roc_auc``, ``average_precision``, ``threshold``, ``precision``,
            ``recall``, ``accuracy``, ``fpr`` and the counts ``tp``, ``fp``,
            ``tn``, ``fn``.
        """
        import pandas as pd

        return pd.DataFrame(
            [{c: self.state[c] for c in _STATE_COLUMNS}], columns=_STATE_COLUMNS
        )

    def __repr__(self) -> str:
        state = self.state
        return (
            f"PrevalenceExplorer({self._title}, prevalence="
            f"{format_rate(self.slider.value, 2)}, threshold="
            f"{format_threshold(self.threshold)}, ROC AUC "
            f"{format_area(state['roc_auc'])}, AP "
            f"{format_area(state['average_precision'])})"
        )

    def _repr_mimebundle_(self, **kwargs):
        # the widget, and its current picture for viewers without a kernel
        return _with_picture(
            self.widget._repr_mimebundle_(**kwargs), self.output, repr(self)
        )


def prevalence_explorer(
    y_true,
    y_score,
    *,
    labels=None,
    display_labels=None,
    pos_label=None,
    threshold=0.5,
    seed=0,
    figsize=STYLE["widget_prevalence_figsize"],
    dpi=STYLE["widget_dpi"],
    context=None,
):
    """A prevalence slider: ROC AUC stays put, precision and AP move.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        As in :func:`threshold_explorer` (one class against the rest).
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        As in :func:`threshold_explorer`.
    labels : array-like, optional
        The class values and their order (scikit-learn's meaning).
    display_labels : sequence of str, optional
        The names shown for the classes.
    pos_label : object, optional
        The positive class of binary input, or the class compared with the
        rest (value, name or column index).
    threshold : float, default 0.5
        The fixed threshold for precision, recall, accuracy and FPR.
    seed : int, default 0
        Seed of the resampling (see :func:`evalviz.metrics.resample_prevalence`).
    figsize : tuple of float, default (8.4, 6.6)
        Size of the picture, in inches.
    dpi : float, default 100
        Pixels per inch of the picture (840 pixels wide by default: the
        notebook column of a 1280-pixel JupyterLab).
    context : str, optional
        Where the data come from (model, split), added to the sweep's title,
        e.g. ``"Fashion-MNIST baseline, validation"``.

    Returns
    -------
    PrevalenceExplorer
        Display it to get the widget; ``.sweep`` holds the whole sweep.

    Raises
    ------
    ValueError
        As :func:`threshold_explorer`, or when the class has fewer than 5
        positives or 5 negatives.
    ImportError
        When ipywidgets is not installed.

    Notes
    -----
    The model and its scores never change; only the share of positives in
    the evaluation set does, by keeping a subset of the samples. ROC AUC,
    recall and FPR compare positives with negatives, so they stay flat (up to
    sampling noise); precision, average precision and accuracy depend on the
    mix. This is why a ROC AUC from a balanced test set says little about the
    precision you will see on rare positives.

    Examples
    --------
    >>> import numpy as np
    >>> import evalviz as ev
    >>> rng = np.random.default_rng(0)
    >>> y = (rng.random(2000) < 0.3).astype(int)
    >>> ex = ev.widgets.prevalence_explorer(y, 1 / (1 + np.exp(-rng.normal(2 * y - 1))))
    >>> ex.state["positives"] + ex.state["negatives"]
    1994
    """
    problem, k = read_one_vs_rest(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label,
    )
    truth, score = problem.column(k)
    return PrevalenceExplorer(
        truth,
        score,
        problem.side_names(k),
        problem.title(k),
        threshold=threshold,
        seed=seed,
        figsize=figsize,
        dpi=dpi,
        context=context,
    )
