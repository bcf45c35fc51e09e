"""The threshold explorer: a slider linked to the distributions, counts and curves."""

from __future__ import annotations

import html

import numpy as np

from .. import metrics
from .._format import format_count, format_rate, format_threshold
from .._plotting import STYLE
from .._validation import check_choice, check_threshold
from ._classes import read_one_vs_rest
from ._render import (
    _CELL_CSS,
    _HEAD_CSS,
    _distribution_x,
    _FastFigure,
    _highlight,
    _html_panel,
    _html_table,
    _legend_below,
    _lines_with_gid,
    _LiveConfusion,
    _pin_legend,
    _png_output,
    _relabel_legend,
    _require_ipywidgets,
    _thin_xticks,
    _with_picture,
)

# Static, so the title stays in the blitted background; the threshold's value
# is in the slider's readout and above the numbers.
_CM_TITLE = "At the slider's threshold"
# The display's cell convention, short enough for the matrix's width.
_CM_CELLS = "cell: count, % of its row"

_STATE_COLUMNS = ["class", "threshold", "tp", "fp", "tn", "fn"]
_STATE_COLUMNS += ["accuracy", "precision", "recall", "f1", "fpr"]


def _slider_range(score: np.ndarray) -> tuple[float, float]:
    lo, hi = float(score.min()), float(score.max())
    if lo >= 0.0 and hi <= 1.0:
        return 0.0, 1.0  # probabilities
    return float(np.floor(lo)), float(np.ceil(hi))


def _plot_confusion(display, ax) -> None:
    """The matrix without a colour bar (its cells print their numbers)."""
    display.plot(ax=ax, colorbar=False, title=_CM_TITLE)
    ax.set_title(f"{_CM_TITLE}\n{_CM_CELLS}", fontsize=ax.title.get_fontsize())


def _confusion_html(names: list[str], cm: np.ndarray) -> str:
    """The 2 x 2 counts as an HTML table (rows = true class)."""
    neg, pos = (html.escape(n) for n in names)
    rows = "".join(
        f"<tr><th style='{_HEAD_CSS}'>true {name}</th>"
        + "".join(f"<td style='{_CELL_CSS}'>{format_count(v)}</td>" for v in cm[i])
        + "</tr>"
        for i, name in enumerate((neg, pos))
    )
    return (
        "<table class='evalviz-confusion' style='border-collapse:collapse'>"
        f"<tr><th></th><th style='{_HEAD_CSS}'>predicted {neg}</th>"
        f"<th style='{_HEAD_CSS}'>predicted {pos}</th></tr>{rows}</table>"
    )


def _numbers_html(title: str, names: list[str], state: dict) -> str:
    """The confusion counts and the metrics, every number through evalviz._format."""
    rates = (
        ("accuracy", format_rate(state["accuracy"])),
        ("precision", format_rate(state["precision"])),
        ("recall (TPR)", format_rate(state["recall"])),
        ("F1", format_rate(state["f1"])),
        ("false positive rate", format_rate(state["fpr"])),
    )
    heading = f"{html.escape(title)}: score &ge; {format_threshold(state['threshold'])}"
    return _html_panel(
        heading,
        _confusion_html(names, state["confusion_matrix"]),
        _html_table(rates, "evalviz-metrics"),
    )


class ThresholdExplorer:
    """Linked views of one class's decision threshold.

    Build it with :func:`threshold_explorer`.

    Parameters
    ----------
    problem : object
        The one-vs-rest view of the input (private; use
        :func:`threshold_explorer`).
    pos_label : object
        The class selected first.
    threshold : float
        The slider's starting value, in score units.
    step : float or None
        The slider's step.
    bins : int
        Histogram bins of the score distributions.
    scale : {"linear", "logit"}
        Score axis of the distributions.
    log_counts : bool or None
        Logarithmic count axis of the distributions.
    continuous_update : bool
        Update while the slider is dragged.
    figsize : tuple of float
        Size of the picture, in inches.
    dpi : float
        Pixels per inch of the picture.
    context : str, optional
        Where the data come from, for the static twin's titles.

    Attributes
    ----------
    widget : ipywidgets.VBox
        The whole explorer (displaying this object displays it).
    slider : ipywidgets.FloatSlider
        The threshold. Setting ``slider.value`` updates every view.
    class_selector : ipywidgets.Dropdown or None
        The class treated as positive (multi-class and multi-label input).
    numbers : ipywidgets.HTML
        The confusion counts and the metrics as text.
    output : ipywidgets.Output
        The figure, as one PNG image: score distributions with the threshold
        line, confusion matrix, ROC curve and PR curve with the operating
        point.
    state : dict
        The numbers shown now (see :meth:`to_frame`).
    figure : matplotlib.figure.Figure
        The figure behind the image (reused by every update).

    Notes
    -----
    A sample is predicted positive when ``score >= threshold`` (one class vs
    the rest for multi-class and multi-label input). The confusion matrix
    has rows = true class (rest, then the class) and columns = predicted
    class. Every update replaces the Output widget's outputs with one
    ``image/png`` display, so the picture lives in the widget state, needs no
    round trip to the browser and reproduces when the notebook is re-run.

    Examples
    --------
    >>> import numpy as np
    >>> import evalviz as ev
    >>> y = np.array([0, 0, 1, 1, 0, 1])
    >>> ex = ev.widgets.threshold_explorer(y, [0.1, 0.4, 0.35, 0.8, 0.2, 0.9])
    >>> ex.slider.value = 0.3
    >>> ex
    ThresholdExplorer('1' vs '0', threshold=0.3, 6 samples, recall 1.000, FPR 0.333)
    """

    def __init__(
        self,
        problem,
        *,
        pos_label,
        threshold,
        step,
        bins,
        scale,
        log_counts,
        continuous_update,
        figsize,
        dpi,
        context=None,
    ):
        check_choice(scale, "scale", ("linear", "logit"))
        self._problem = problem
        self._context = context
        self._bins = int(bins)
        self._scale = scale
        self._log_counts = log_counts
        self._canvas = _FastFigure(figsize, dpi)
        self.figure = self._canvas.figure
        self._k = problem.index(pos_label)
        self._make_controls(threshold, step, continuous_update)
        self.state: dict = {}
        self._build()
        self.update()
        self.slider.observe(self._on_threshold, names="value")
        if self.class_selector is not None:
            self.class_selector.observe(self._on_class, names="value")

    # building and updating -------------------------------------------------

    def _make_controls(self, threshold, step, continuous_update) -> None:
        """The slider, the class selector, the numbers and the Output widget."""
        widgets = _require_ipywidgets()
        problem = self._problem
        lo, hi = _slider_range(problem.score)
        threshold = check_threshold(threshold)
        if not lo <= threshold <= hi:
            raise ValueError(
                f"threshold={format_threshold(threshold)} is outside the scores' "
                f"range [{format_threshold(lo)}, {format_threshold(hi)}]; pick a "
                "threshold inside it"
            )
        if step is None:
            step = 0.01 if (lo, hi) == (0.0, 1.0) else (hi - lo) / 200
        self.slider = widgets.FloatSlider(
            value=threshold,
            min=lo,
            max=hi,
            step=step,
            description="threshold",
            continuous_update=continuous_update,
            readout_format=".2f" if step >= 0.01 else ".3f",
            layout=widgets.Layout(width="520px"),
        )
        self.slider.add_class("evalviz-threshold")
        controls = [self.slider]
        self.class_selector = None
        if problem.kind != "binary":
            self.class_selector = widgets.Dropdown(
                options=[(name, k) for k, name in enumerate(problem.names)],
                value=self._k,
                description="positive",
            )
            self.class_selector.add_class("evalviz-class")
            controls.insert(0, self.class_selector)
        self.numbers = widgets.HTML()
        self.numbers.add_class("evalviz-numbers")
        self.output = widgets.Output()
        self.output.add_class("evalviz-plot")
        self.widget = widgets.VBox([widgets.HBox(controls), self.numbers, self.output])
        self.widget.add_class("evalviz-threshold-explorer")

    def _build(self) -> None:
        """Draw every display, in the colours of the style at creation."""
        with self._canvas.style():
            self._draw_all()

    def _draw_all(self) -> None:
        """Draw every display for the current class, at the current threshold.

        Top: the score distributions (legend under them) beside the confusion
        matrix; bottom: the ROC and the PR curve. What the slider moves is
        drawn in the highlight colour.
        """
        canvas = self._canvas
        canvas.clear()
        grid = canvas.figure.add_gridspec(2, 5, height_ratios=(1.2, 1.0))
        axes = {
            name: canvas.figure.add_subplot(grid[where])
            for name, where in {
                "dist": (0, slice(0, 3)),
                "cm": (0, slice(3, 5)),
                "roc": (1, slice(0, 2)),
                "pr": (1, slice(2, 5)),
            }.items()
        }
        t0 = float(self.slider.value)
        self._draw_distributions(axes["dist"], t0)
        self._draw_curves(axes["roc"], axes["pr"], t0)
        self._draw_confusion(axes["cm"], t0)
        # the displays spaced their ticks for the axes' first width; the
        # layout narrows them: drop labels that would now overlap
        canvas.figure.canvas.draw()
        _thin_xticks(axes["dist"])
        canvas.animate(*self._dist_lines, *self._roc_points, *self._pr_points)
        if self._live_cm is not None:
            canvas.animate(*self._live_cm.artists)
        else:  # re-plot the whole matrix on every move
            canvas.animate(axes["cm"])
        self._drawn_threshold = t0

    def _draw_distributions(self, ax, t0: float) -> None:
        """The score distributions of the class and the rest, threshold line."""
        from ..distributions import score_distribution

        problem, k = self._problem, self._k
        truth, score = problem.column(k)
        log_counts = self._log_counts
        if log_counts is None:
            n_pos = int(truth.sum())
            log_counts = (truth.size - n_pos) > 4 * n_pos
        score_distribution(
            truth,
            score,
            display_labels=list(problem.side_names(k)),
            thresholds=t0,
            bins=self._bins,
            scale=self._scale,
        ).plot(
            ax=ax, log_counts=log_counts, annotate=False, title=f"Scores: {self._title}"
        )
        _relabel_legend(ax, r"threshold {number}", "threshold (slider)")
        _relabel_legend(ax, r"\(other classes,", f"({problem.negatives_phrase(k)},")
        # under the axes: the axes keep their width for the scores
        _legend_below(
            ax, ncol=1 if self._scale == "logit" else 2, fontsize=STYLE["legend_inside"]
        )
        self._dist_lines = _lines_with_gid(ax, "threshold:")
        _highlight(ax, self._dist_lines, "threshold (slider)")

    def _draw_curves(self, ax_roc, ax_pr, t0: float) -> None:
        """The ROC and PR curves of the class, operating point at the threshold."""
        from .. import curves

        truth, score = self._problem.column(self._k)
        names = {"display_labels": list(self._problem.side_names(self._k))}
        # short titles: the class is named above the picture and in the
        # distributions' title
        curves.roc(truth, score, **names, thresholds=[t0], argmax=False).plot(
            ax=ax_roc, legend="inside", title="ROC curve"
        )
        curves.pr(truth, score, **names, thresholds=[t0], argmax=False).plot(
            ax=ax_pr, legend="inside", title="Precision-recall curve"
        )
        for ax in (ax_roc, ax_pr):
            _relabel_legend(ax, r"score >= {number}", "score >= threshold")
        _pin_legend(ax_roc, "lower right")
        _pin_legend(ax_pr, "lower left")
        self._roc_points = _lines_with_gid(ax_roc, "point:")
        self._pr_points = _lines_with_gid(ax_pr, "point:")
        _highlight(ax_roc, self._roc_points, "score >= threshold")
        _highlight(ax_pr, self._pr_points, "score >= threshold")

    def _confusion_display(self, state: dict):
        from ..confusion import ConfusionDisplay

        names = self._problem.side_names(self._k)
        return ConfusionDisplay(
            state["confusion_matrix"],
            display_labels=list(names),
        )

    def _draw_confusion(self, ax, t0: float) -> None:
        """The confusion matrix display at the threshold, kept live."""
        truth, score = self._problem.column(self._k)
        state = metrics.confusion_at_threshold(truth, score, t0)
        display = self._confusion_display(state)
        _plot_confusion(display, ax)
        self._ax_cm = ax
        self._live_cm = _LiveConfusion.attach(ax, display)

    def _move(self, threshold: float, state: dict) -> None:
        """Move the threshold line, the operating points and the matrix."""
        x = _distribution_x(threshold, self._scale)
        for line in self._dist_lines:
            line.set_xdata([x, x])
        precision = state["precision"] if state["predicted_positive"] else np.nan
        for line in self._roc_points:
            line.set_data([state["fpr"]], [state["recall"]])
        for line in self._pr_points:
            line.set_data([state["recall"]], [precision])
        display = self._confusion_display(state)
        if self._live_cm is not None:
            self._live_cm.update(display)
        else:
            ax = self._ax_cm
            ax.cla()
            _plot_confusion(display, ax)
            ax.set_animated(True)

    @property
    def _title(self) -> str:
        return self._problem.title(self._k)

    def update(self) -> None:
        """Recompute the numbers at the slider's value and redraw the image."""
        threshold = float(self.slider.value)
        truth, score = self._problem.column(self._k)
        state = metrics.confusion_at_threshold(truth, score, threshold)
        if threshold != self._drawn_threshold:
            with self._canvas.style():
                self._move(threshold, state)
            self._drawn_threshold = threshold
        state["class"] = self._problem.names[self._k]
        self.state = state
        self.numbers.value = _numbers_html(
            self._title, self._problem.side_names(self._k), state
        )
        self.output.outputs = _png_output(
            self._canvas.render(),
            f"<threshold explorer image: {self._title}, "
            f"threshold {format_threshold(threshold)}>",
        )

    def _on_threshold(self, change) -> None:
        self.update()

    def _on_class(self, change) -> None:
        self._k = int(change["new"])
        self._build()
        self.update()

    # results ---------------------------------------------------------------

    def to_frame(self):
        """The numbers shown now, as one table row.

        Returns
        -------
        pandas.DataFrame
            One row: ``class``, ``threshold``, the counts ``tp``, ``fp``,
            ``tn``, ``fn`` and ``accuracy``, ``precision``, ``recall``,
            ``f1``, ``fpr``.
        """
        import pandas as pd

        return pd.DataFrame(
            [{c: self.state[c] for c in _STATE_COLUMNS}], columns=_STATE_COLUMNS
        )

    def static(self, thresholds=(0.3, 0.5, 0.7), **kwargs):
        """The static twin for the class selected now.

        Parameters
        ----------
        thresholds : sequence of float, default (0.3, 0.5, 0.7)
            One to six thresholds, in score units.
        **kwargs
            ``bins``, ``scale`` or ``context`` to override the explorer's.

        Returns
        -------
        ThresholdSmallMultiples
            As :func:`threshold_small_multiples` returns.
        """
        from ._small_multiples import ThresholdSmallMultiples

        problem, k = self._problem, self._k
        truth, score = problem.column(k)
        options = {
            "bins": self._bins,
            "scale": self._scale,
            "context": self._context,
            "negatives": problem.negatives_phrase(k),
            "multilabel": problem.kind == "multilabel",
            **kwargs,
        }
        return ThresholdSmallMultiples(
            truth,
            score,
            names=problem.side_names(k),
            title=problem.title(k),
            thresholds=thresholds,
            **options,
        )

    def __repr__(self) -> str:
        state = self.state
        return (
            f"ThresholdExplorer({self._title}, "
            f"threshold={format_threshold(self.slider.value)}, "
            f"{format_count(self._problem.n)} samples, "
            f"recall {format_rate(state['recall'])}, FPR {format_rate(state['fpr'])})"
        )

    def _repr_mimebundle_(self, **kwargs):
        # the widget, and its current picture for viewers without a kernel
        return _with_picture(
            self.widget._repr_mimebundle_(**kwargs), self.output, repr(self)
        )


def threshold_explorer(
    y_true,
    y_score,
    *,
    labels=None,
    display_labels=None,
    pos_label=None,
    threshold=0.5,
    step=None,
    bins=40,
    scale="linear",
    log_counts=None,
    continuous_update=True,
    figsize=STYLE["widget_threshold_figsize"],
    dpi=STYLE["widget_dpi"],
    context=None,
):
    """A threshold slider linked to the distributions, counts and curves.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary labels, multi-class labels (ints or strings) or a 0/1 indicator
        matrix for multi-label input.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores: 1-D (or a ``predict_proba`` matrix) for binary input, else one
        column per class. Multi-class rows must be probabilities (softmax
        output); multi-label columns may be any score where higher means
        "more likely this label".
    labels : array-like, optional
        The class values and their order (scikit-learn's meaning). For one
        release a list of names is read as ``display_labels`` with a
        ``DeprecationWarning``.
    display_labels : sequence of str, optional
        The names shown for the classes (binary: negative, positive).
    pos_label : object, optional
        Binary input: the positive class (needed unless the labels are
        {0, 1}, {-1, 1} or {False, True}). Multi-class and multi-label input:
        the class selected first, as a class value, name or column index;
        default the first class.
    threshold : float, default 0.5
        The slider's starting value, in score units.
    step : float, optional
        The slider's step (and what one arrow-key press moves); default 0.01
        for probabilities, 1/200 of the score range otherwise.
    bins : int, default 40
        Histogram bins of the score distributions.
    scale : {"linear", "logit"}, default "linear"
        Score axis of the distributions; "logit" spreads out 0.9, 0.99, ...
    log_counts : bool, optional
        Logarithmic count axis for the distributions; default: when the
        negatives outnumber the positives more than four to one.
    continuous_update : bool, default True
        Update while the slider is dragged (not only on release).
    figsize : tuple of float, default (8.4, 6.8)
        Size of the picture, in inches.
    dpi : float, default 100
        Pixels per inch of the picture. The default picture is 840 pixels
        wide: it fits, unscaled, the notebook column of a 1280-pixel-wide
        JupyterLab and a 1280 x 800 Voila page.
    context : str, optional
        Where the data come from, e.g. ``"Fashion-MNIST baseline,
        validation"``: added to the titles of the static twin
        (:meth:`ThresholdExplorer.static`).

    Returns
    -------
    ThresholdExplorer
        Display it (last line of a cell) to get the widget; ``.to_frame()``
        holds the numbers shown and ``.static()`` is the figure for readers
        without a kernel.

    Raises
    ------
    ValueError
        When the positive class of a binary problem is not obvious (pass
        ``pos_label``), multi-class scores are not probabilities, the
        threshold is outside the scores' range, or ``scale`` is unknown.
    ImportError
        When ipywidgets is not installed.

    See Also
    --------
    threshold_small_multiples : The static twin, for readers without a kernel.

    Notes
    -----
    One class against the rest: for class k the positives are the samples of
    class k (multi-class) or with label k (multi-label), and a sample is
    predicted positive when its score for k is ``>= threshold``. Rows of the
    confusion matrix are the true class (rest, then k). The numbers come from
    :func:`evalviz.metrics.confusion_at_threshold`; the pictures from
    :func:`evalviz.distributions.score_distribution`, :func:`evalviz.roc`,
    :func:`evalviz.pr` and the confusion-matrix display. Tune a threshold on
    validation data, not on the test set you report.

    Examples
    --------
    >>> import evalviz as ev
    >>> lab = ev.widgets.threshold_explorer(
    ...     ["no", "yes", "yes", "no"], [0.2, 0.7, 0.4, 0.6], pos_label="yes"
    ... )
    >>> lab.state["tp"], lab.state["fp"]
    (1, 1)
    """
    problem, _ = read_one_vs_rest(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label,
    )
    return ThresholdExplorer(
        problem,
        pos_label=pos_label,
        threshold=threshold,
        step=step,
        bins=bins,
        scale=scale,
        log_counts=log_counts,
        continuous_update=continuous_update,
        figsize=figsize,
        dpi=dpi,
        context=context,
    )
