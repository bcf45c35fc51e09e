"""Interactive threshold and prevalence labs for a learner's own predictions.

- :func:`threshold_explorer`: a threshold slider (and a class selector for
  multi-class and multi-label input) that moves, together, the threshold line
  on the score distributions, the confusion matrix, accuracy / precision /
  recall / F1 and the operating point on the ROC and the PR curve;
- :func:`prevalence_explorer`: resample the share of positives and watch ROC
  AUC stay put while precision, average precision and accuracy move;
- :func:`threshold_small_multiples`: the static twin of the threshold
  explorer, a plain matplotlib figure at a few thresholds, for readers
  without a running kernel (GitHub, nbviewer, PDF).

Every number comes from :mod:`evalviz.metrics` and every picture from the
library's displays (:mod:`evalviz.distributions`, :mod:`evalviz.confusion`,
:mod:`evalviz.curves`). The widgets only move what the displays drew.

ipywidgets is imported inside the functions that build widgets, so
``import evalviz`` (and even ``import evalviz.widgets``) works without it.
"""

from __future__ import annotations

import base64
import html
import struct
import zlib

import numpy as np
import pandas as pd

from . import metrics
from ._validation import check_choice, check_class_names, check_threshold, target_kind

__all__ = [
    "threshold_explorer",
    "prevalence_explorer",
    "threshold_small_multiples",
    "ThresholdExplorer",
    "PrevalenceExplorer",
    "ThresholdSmallMultiples",
    "PrevalenceSweep",
    "resample_prevalence",
    "f1_best_thresholds",
]

_MIN_PER_SIDE = 5  # fewest positives / negatives a resample keeps
# Static, so the title stays in the blitted background; the threshold's value
# is in the slider's readout and above the numbers.
_CM_TITLE = "At the slider's threshold"


# ----------------------------------------------------------------- plumbing


def _require_ipywidgets():
    try:
        import ipywidgets
    except ImportError as exc:  # pragma: no cover - ipywidgets is a dependency
        raise ImportError(
            "the interactive explorers need ipywidgets: pip install ipywidgets "
            "(and, for JupyterLab 3 or older, jupyterlab_widgets)"
        ) from exc
    return ipywidgets


class _Problem:
    """Validated input as one 0/1 column per class (one vs the rest)."""

    def __init__(self, y_true, y_score, labels):
        kind, truth, score = target_kind(y_true, y_score)
        self.kind = kind
        self.n = truth.shape[0]
        if kind == "binary":
            names = ["negative", "positive"] if labels is None else list(labels)
            names = [str(x) for x in names]
            if len(names) == 1:
                names = [f"not {names[0]}", names[0]]
            if len(names) != 2:
                raise ValueError(
                    f"labels has {len(names)} names but y_true is binary; pass "
                    "['negative name', 'positive name'] or just the positive name"
                )
            self.names = [names[1]]
            self.negative_names = [names[0]]
            self._truth = (truth == 1).astype(np.int8)[:, None]
            self._score = score[:, None]
        else:
            k = score.shape[1]
            self.names = check_class_names(labels, k)
            if kind == "multilabel":  # the negatives lack the label: no "rest" class
                self.negative_names = [f"no {name}" for name in self.names]
            else:
                self.negative_names = ["rest"] * k
            if kind == "multiclass":
                self._truth = (truth[:, None] == np.arange(k)[None, :]).astype(np.int8)
            else:
                self._truth = truth.astype(np.int8)
            self._score = score

    @property
    def n_classes(self) -> int:
        return len(self.names)

    def index(self, pos_label) -> int:
        if pos_label is None:
            return 0
        if isinstance(pos_label, str):
            if pos_label not in self.names:
                raise ValueError(
                    f"pos_label={pos_label!r} is not a class name; the names are "
                    f"{self.names}"
                )
            return self.names.index(pos_label)
        k = int(pos_label)
        if self.kind == "binary":
            if k != 1:
                raise ValueError(
                    f"pos_label={pos_label!r} but y_true is binary 0/1: the explorer "
                    "treats 1 as positive; pass 1 - y_true and 1 - y_score to swap"
                )
            return 0
        if not 0 <= k < self.n_classes:
            raise ValueError(
                f"pos_label={pos_label!r} but there are {self.n_classes} classes "
                f"(0..{self.n_classes - 1})"
            )
        return k

    def column(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(truth 0/1, score) of class ``k`` against the rest."""
        return self._truth[:, k], self._score[:, k]

    def side_names(self, k: int) -> list[str]:
        """[negative name, positive name] for class ``k``."""
        return [self.negative_names[k], self.names[k]]

    def negatives_phrase(self, k: int) -> str:
        """Who the negatives of class ``k`` are, for a legend."""
        if self.kind == "binary":
            return self.negative_names[0]
        if self.kind == "multilabel":
            return f"no {self.names[k]} label"
        return "other classes"

    def title(self, k: int) -> str:
        if self.kind == "binary":
            return f"{self.names[0]!r} vs {self.negative_names[0]!r}"
        if self.kind == "multilabel":
            return f"label {self.names[k]!r}: present vs absent"
        return f"{self.names[k]!r} vs rest"


def _slider_range(score: np.ndarray) -> tuple[float, float]:
    lo, hi = float(score.min()), float(score.max())
    if lo >= 0.0 and hi <= 1.0:
        return 0.0, 1.0  # probabilities
    return float(np.floor(lo)), float(np.ceil(hi))


def _counts_row(truth: np.ndarray, score: np.ndarray, threshold: float) -> dict:
    """Every number the threshold explorer shows, from evalviz.metrics."""
    row = metrics.counts_at_thresholds(truth, score, [threshold]).iloc[0]
    y_pred = (score >= threshold).astype(np.int8)
    cm = metrics.confusion_matrix(truth, y_pred, n_classes=2)
    return {
        "threshold": float(threshold),
        "tn": int(cm[0, 0]),
        "fp": int(cm[0, 1]),
        "fn": int(cm[1, 0]),
        "tp": int(cm[1, 1]),
        "accuracy": float(metrics.accuracy(truth, y_pred)),
        "precision": float(row["precision"]),
        "recall": float(row["recall"]),
        "f1": float(row["f1"]),
        "fpr": float(row["fpr"]),
        "predicted_positive": int(cm[0, 1] + cm[1, 1]),
        "confusion_matrix": cm,
    }


class _FastFigure:
    """A matplotlib figure rendered to PNG, redrawing only what moves.

    The first render draws everything except the artists registered with
    :meth:`animate` and keeps that background; later renders paste the
    background back and draw only the moving artists on top (blitting), then
    encode the Agg buffer as PNG at low compression. No pyplot: the figure is
    never shown by the inline backend and is not kept by pyplot.
    """

    def __init__(self, figsize, dpi):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        FigureCanvasAgg(self.figure)
        self._animated: list = []
        self._background = None

    def clear(self) -> None:
        self.figure.clear()
        self.figure.set_layout_engine("constrained")
        self._animated = []
        self._background = None

    def animate(self, *artists) -> None:
        for artist in artists:
            artist.set_animated(True)
            self._animated.append(artist)

    def replace_animated(self, old, new) -> None:
        self._animated = [new if a is old else a for a in self._animated]
        new.set_animated(True)

    def render(self) -> bytes:
        canvas = self.figure.canvas
        if self._background is None:
            canvas.draw()  # runs the layout; skips animated artists
            self._background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self._animated:
            self.figure.draw_artist(artist)
        return _encode_png(np.asarray(canvas.buffer_rgba()))


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data)
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def _encode_png(rgba: np.ndarray, level: int = 1) -> bytes:
    """An (h, w, 4) uint8 image as an RGB PNG: no row filters, fast zlib.

    About twice as fast as Pillow's encoder for a figure (which is mostly
    flat colour, so the result is as small); deterministic bytes.
    """
    h, w, _ = rgba.shape
    raw = np.empty((h, 1 + 3 * w), dtype=np.uint8)
    raw[:, 0] = 0  # filter type "None" for every row
    raw[:, 1:].reshape(h, w, 3)[...] = rgba[..., :3]
    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(raw, level))
        + _png_chunk(b"IEND", b"")
    )


class _LiveConfusion:
    """A drawn :class:`~evalviz.confusion.ConfusionMatrixDisplay`, updated in place.

    Re-plotting the display costs tens of milliseconds (ticks, labels); a
    threshold move only changes the cell colours, the cell texts and the
    title. This keeps those artists and gives them the numbers of a new
    display. :meth:`attach` first checks that it reproduces exactly what the
    display drew (texts and colours); where it does not (the display changed
    its formatting), it returns None and the caller re-plots instead.
    """

    def __init__(self, ax, image, texts):
        self.ax = ax
        self.image = image
        self.texts = texts

    @staticmethod
    def _cells(display):
        from .confusion import _percent, _text_color

        cm, shares = display.confusion_matrix, display.shares
        normalized = display.normalize is not None
        colour = shares if normalized else cm.astype(float)
        vmax = 1.0 if normalized else float(max(cm.max(), 1))
        cells = []
        for i in range(cm.shape[0]):
            for j in range(cm.shape[1]):
                text = f"{int(cm[i, j])}"
                if normalized and cm[i, j] > 0:
                    text += f"\n{_percent(shares[i, j])}"
                cells.append((text, _text_color(colour[i, j], vmax)))
        return cells, np.nan_to_num(colour, nan=0.0)

    @classmethod
    def attach(cls, ax, display):
        from matplotlib.colors import same_color

        try:
            cells, colour = cls._cells(display)
            texts = list(ax.texts)
            drawn = [(t.get_text(), t.get_color()) for t in texts]
            ok = len(ax.images) == 1 and len(drawn) == len(cells)
            ok = ok and all(
                a == b and same_color(c, d)
                for (a, c), (b, d) in zip(drawn, cells, strict=False)
            )
            ok = ok and np.array_equal(ax.images[0].get_array(), colour)
        except (ImportError, AttributeError, ValueError, TypeError):
            ok = False
        if not ok:
            return None
        return cls(ax, ax.images[0], texts)

    @property
    def artists(self) -> list:
        return [self.image, *self.texts, *self.ax.spines.values()]

    def update(self, display) -> None:
        cells, colour = self._cells(display)
        self.image.set_data(colour)
        for artist, (text, color) in zip(self.texts, cells, strict=True):
            artist.set_text(text)
            artist.set_color(color)


def _png_output(png: bytes, text: str) -> tuple[dict, ...]:
    """An Output widget's ``outputs``: one display_data holding the PNG."""
    return (
        {
            "output_type": "display_data",
            "data": {
                "image/png": base64.b64encode(png).decode("ascii"),
                "text/plain": text,
            },
            "metadata": {},
        },
    )


def _distribution_x(threshold: float, scale: str) -> float:
    """Where ``score_distribution`` draws a threshold on its x axis."""
    if scale != "logit":
        return threshold
    try:
        from .distributions import _to_logit
    except ImportError:  # same transform: log10 odds, clipped at 1e-9

        def _to_logit(p):
            p = np.clip(p, 1e-9, 1 - 1e-9)
            return np.log10(p) - np.log10(1 - p)

    return float(_to_logit(np.array([threshold]))[0])


def _lines_with_gid(ax, prefix: str) -> list:
    return [
        line for line in ax.get_lines() if str(line.get_gid() or "").startswith(prefix)
    ]


def _relabel_legend(ax, old: str, new: str) -> None:
    """Replace ``old`` in the axes' legend texts (a label naming the first value)."""
    legend = ax.get_legend()
    if legend is None:
        return
    for text in legend.get_texts():
        if old in text.get_text():
            text.set_text(text.get_text().replace(old, new))


def _pin_legend(ax, loc: str) -> None:
    """Fix an inside legend's corner: it is drawn once, under moving curves."""
    legend = ax.get_legend()
    if legend is not None and hasattr(legend, "set_loc"):
        legend.set_loc(loc)


def _fmt(value: float, digits: int = 3) -> str:
    return "n/a" if not np.isfinite(value) else f"{value:.{digits}f}"


def _numbers_html(title: str, names: list[str], state: dict) -> str:
    """The confusion counts and the metrics as HTML tables (counts as plain text)."""
    neg, pos = (html.escape(n) for n in names)
    cm = state["confusion_matrix"]
    cell = "padding:2px 10px;text-align:right;font-variant-numeric:tabular-nums"
    head = "padding:2px 10px;text-align:left;font-weight:normal;color:#444"
    rows = "".join(
        f"<tr><th style='{head}'>true {name}</th>"
        + "".join(f"<td style='{cell}'>{int(v)}</td>" for v in cm[i])
        + "</tr>"
        for i, name in enumerate((neg, pos))
    )
    confusion = (
        "<table class='evalviz-confusion' style='border-collapse:collapse'>"
        f"<tr><th></th><th style='{head}'>predicted {neg}</th>"
        f"<th style='{head}'>predicted {pos}</th></tr>{rows}</table>"
    )
    metric_rows = "".join(
        f"<tr><th style='{head}'>{label}</th><td style='{cell}'>{value}</td></tr>"
        for label, value in (
            ("accuracy", _fmt(state["accuracy"])),
            ("precision", _fmt(state["precision"])),
            ("recall (TPR)", _fmt(state["recall"])),
            ("F1", _fmt(state["f1"])),
            ("false positive rate", _fmt(state["fpr"], 4)),
        )
    )
    metrics_table = (
        f"<table class='evalviz-metrics' style='border-collapse:collapse'>"
        f"{metric_rows}</table>"
    )
    block = "display:inline-block;vertical-align:top;margin-right:28px"
    return (
        f"<div style='font-size:14px'><b>{html.escape(title)}: score &ge; "
        f"{state['threshold']:.3g}</b><br>"
        f"<div style='{block}'>{confusion}</div>"
        f"<div style='{block}'>{metrics_table}</div></div>"
    )


# --------------------------------------------------------- threshold explorer


class ThresholdExplorer:
    """Linked views of one class's decision threshold; build it with
    :func:`threshold_explorer`.

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
    """

    def __init__(
        self,
        problem: _Problem,
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
        widgets = _require_ipywidgets()
        check_choice(scale, "scale", ("linear", "logit"))
        self._problem = problem
        self._context = context
        self._bins = int(bins)
        self._scale = scale
        self._log_counts = log_counts
        self._canvas = _FastFigure(figsize, dpi)
        self.figure = self._canvas.figure
        self._k = problem.index(pos_label)
        lo, hi = _slider_range(problem._score)
        threshold = check_threshold(threshold)
        if not lo <= threshold <= hi:
            raise ValueError(
                f"threshold={threshold} is outside the scores' range [{lo}, {hi}]; "
                "pick a threshold inside it"
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
        self.state: dict = {}
        self._build()
        self.update()
        self.slider.observe(self._on_threshold, names="value")
        if self.class_selector is not None:
            self.class_selector.observe(self._on_class, names="value")

    # building and updating -------------------------------------------------

    def _build(self) -> None:
        """Draw every display for the current class, at the current threshold."""
        from . import curves, distributions
        from .confusion import ConfusionMatrixDisplay

        canvas = self._canvas
        canvas.clear()
        fig = canvas.figure
        k = self._k
        truth, score = self._problem.column(k)
        names = self._problem.side_names(k)
        t0 = float(self.slider.value)
        title = self._problem.title(k)
        grid = fig.add_gridspec(2, 2, width_ratios=(1.45, 1.0))
        ax_dist = fig.add_subplot(grid[0, 0])
        ax_cm = fig.add_subplot(grid[0, 1])
        ax_roc = fig.add_subplot(grid[1, 0])
        ax_pr = fig.add_subplot(grid[1, 1])
        log_counts = self._log_counts
        if log_counts is None:
            n_pos = int(truth.sum())
            log_counts = (truth.size - n_pos) > 4 * n_pos
        distributions.score_distribution(
            truth, score, labels=names, threshold=t0, bins=self._bins, scale=self._scale
        ).plot(
            ax=ax_dist,
            log_counts=log_counts,
            annotate=False,
            title=f"Scores: {title}",
        )
        _relabel_legend(ax_dist, f"threshold {t0:g}", "threshold (slider)")
        _relabel_legend(
            ax_dist, "(other classes,", f"({self._problem.negatives_phrase(k)},"
        )
        self._dist_lines = _lines_with_gid(ax_dist, "threshold:")
        roc = curves.roc(truth, score, labels=names, thresholds=[t0], argmax=False)
        roc.plot(ax=ax_roc, legend="inside", title=f"ROC curve: {title}")
        pr = curves.pr(truth, score, labels=names, thresholds=[t0], argmax=False)
        pr.plot(ax=ax_pr, legend="inside", title=f"Precision-recall: {title}")
        for ax in (ax_roc, ax_pr):
            _relabel_legend(ax, f"score >= {t0:g}", "score >= threshold")
        _pin_legend(ax_roc, "lower right")
        _pin_legend(ax_pr, "lower left")
        self._roc_points = _lines_with_gid(ax_roc, "point:")
        self._pr_points = _lines_with_gid(ax_pr, "point:")
        state = _counts_row(truth, score, t0)
        cm_title = _CM_TITLE
        display = ConfusionMatrixDisplay.from_matrix(
            state["confusion_matrix"], labels=names
        ).plot(ax=ax_cm, colorbar=True, title=cm_title)
        self._ax_cm = ax_cm
        self._cm_labels = names
        self._live_cm = _LiveConfusion.attach(ax_cm, display)
        canvas.animate(*self._dist_lines, *self._roc_points, *self._pr_points)
        if self._live_cm is not None:
            canvas.animate(*self._live_cm.artists)
        else:  # re-plot the whole matrix on every move
            canvas.animate(ax_cm)
        self._drawn_threshold = t0

    def _move(self, threshold: float, state: dict) -> None:
        """Move the threshold line, the operating points and the matrix."""
        from .confusion import ConfusionMatrixDisplay

        x = _distribution_x(threshold, self._scale)
        for line in self._dist_lines:
            line.set_xdata([x, x])
        precision = state["precision"] if state["predicted_positive"] else np.nan
        for line in self._roc_points:
            line.set_data([state["fpr"]], [state["recall"]])
        for line in self._pr_points:
            line.set_data([state["recall"]], [precision])
        display = ConfusionMatrixDisplay.from_matrix(
            state["confusion_matrix"], labels=self._cm_labels
        )
        if self._live_cm is not None:
            self._live_cm.update(display)
        else:
            ax = self._ax_cm
            ax.cla()
            display.plot(ax=ax, colorbar=False, title=_CM_TITLE)
            ax.set_animated(True)

    def update(self) -> None:
        """Recompute the numbers at the slider's value and redraw the image."""
        threshold = float(self.slider.value)
        truth, score = self._problem.column(self._k)
        state = _counts_row(truth, score, threshold)
        if threshold != self._drawn_threshold:
            self._move(threshold, state)
            self._drawn_threshold = threshold
        state["class"] = self._problem.names[self._k]
        self.state = state
        self.numbers.value = _numbers_html(
            self._problem.title(self._k), self._problem.side_names(self._k), state
        )
        self.output.outputs = _png_output(
            self._canvas.render(),
            f"<threshold explorer image: {self._problem.title(self._k)}, "
            f"threshold {threshold:.3g}>",
        )

    def _on_threshold(self, change) -> None:
        self.update()

    def _on_class(self, change) -> None:
        self._k = int(change["new"])
        self._build()
        self.update()

    # results ---------------------------------------------------------------

    def to_frame(self) -> pd.DataFrame:
        """The numbers shown now: one row with the class, threshold, counts
        (tp, fp, tn, fn), accuracy, precision, recall, F1 and FPR."""
        columns = ["class", "threshold", "tp", "fp", "tn", "fn"]
        columns += ["accuracy", "precision", "recall", "f1", "fpr"]
        return pd.DataFrame([{c: self.state[c] for c in columns}], columns=columns)

    def static(self, thresholds=(0.3, 0.5, 0.7), **kwargs) -> ThresholdSmallMultiples:
        """The static twin for the class selected now (see
        :func:`threshold_small_multiples`)."""
        problem = self._problem
        truth, score = problem.column(self._k)
        return ThresholdSmallMultiples(
            truth,
            score,
            names=problem.side_names(self._k),
            title=problem.title(self._k),
            thresholds=thresholds,
            **{
                "bins": self._bins,
                "scale": self._scale,
                "context": self._context,
                "negatives": problem.negatives_phrase(self._k),
                "multilabel": problem.kind == "multilabel",
                **kwargs,
            },
        )

    def __repr__(self) -> str:
        return (
            f"ThresholdExplorer({self._problem.title(self._k)}, "
            f"threshold={float(self.slider.value):.3g}, {self._problem.n} samples)"
        )

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle


def threshold_explorer(
    y_true,
    y_score,
    *,
    labels=None,
    pos_label=None,
    threshold=0.5,
    step=None,
    bins=40,
    scale="linear",
    log_counts=None,
    continuous_update=True,
    figsize=(11.0, 7.6),
    dpi=72,
    context=None,
):
    """A threshold slider linked to the distributions, counts and curves.

    Parameters
    ----------
    y_true : array-like
        Binary 0/1 labels (n,), class indices (n,) for multi-class input, or
        a 0/1 indicator matrix (n, k) for multi-label input.
    y_score : array-like
        Scores (n,) for binary input, else (n, k): one column per class
        (softmax or sigmoid outputs, or any score where higher means "more
        likely this class").
    labels : list of str, optional
        Class names in column order; for binary input ``[negative name,
        positive name]`` or just the positive name.
    pos_label : int or str, optional
        The class selected first (index or name); default the first class.
    threshold : float, default 0.5
        The slider's starting value.
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
    figsize, dpi
        Size of the picture; a modest dpi keeps each update fast.
    context : str, optional
        Where the data come from, e.g. ``"Fashion-MNIST baseline,
        validation"``: added to the titles of the static twin
        (:meth:`ThresholdExplorer.static`) so a reader without a kernel knows
        which model and split each figure shows.

    Returns
    -------
    ThresholdExplorer
        Display it (last line of a cell) to get the widget; ``.to_frame()``
        holds the numbers shown and ``.static()`` is the figure for readers
        without a kernel.

    Notes
    -----
    One class against the rest: for class k the positives are the samples of
    class k (multi-class) or with label k (multi-label), and a sample is
    predicted positive when its score for k is ``>= threshold``. Rows of the
    confusion matrix are the true class (rest, then k). Counts and metrics
    come from :func:`evalviz.metrics.counts_at_thresholds`,
    :func:`evalviz.metrics.confusion_matrix` and
    :func:`evalviz.metrics.accuracy`; the curves from :func:`evalviz.roc` and
    :func:`evalviz.pr`. Tune a threshold on validation data, not on the test
    set you report.

    Examples
    --------
    >>> import evalviz as ev
    >>> ev.widgets.threshold_explorer(y_val, proba_val, labels=names)  # doctest: +SKIP
    """
    problem = _Problem(y_true, y_score, labels)
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


# -------------------------------------------------------------- static twin


class ThresholdSmallMultiples:
    """The threshold explorer as one static figure; build it with
    :func:`threshold_small_multiples` or :meth:`ThresholdExplorer.static`.

    Attributes
    ----------
    thresholds : list of float
    counts : pandas.DataFrame
        One row per threshold: counts, accuracy, precision, recall, F1, FPR.
    figure_ : matplotlib Figure after :meth:`plot`.
    """

    def __init__(
        self,
        truth,
        score,
        *,
        names,
        title,
        thresholds,
        bins=40,
        scale="linear",
        context=None,
        negatives=None,
        multilabel=False,
    ):
        cuts = [check_threshold(t, "thresholds") for t in np.atleast_1d(thresholds)]
        if not 1 <= len(cuts) <= 6:
            raise ValueError(
                f"thresholds has {len(cuts)} values; pass between 1 and 6 so each "
                "confusion matrix stays readable"
            )
        self.thresholds = cuts
        self._truth, self._score = truth, score
        self._names, self._title = names, title
        self._bins, self._scale = int(bins), scale
        if context is None and multilabel:
            context = "multi-label"
        self._context = context
        self._negatives = negatives
        rows = []
        for t in cuts:
            state = _counts_row(truth, score, t)
            state.pop("confusion_matrix")
            state.pop("predicted_positive")
            rows.append(state)
        columns = ["threshold", "tp", "fp", "tn", "fn"]
        columns += ["accuracy", "precision", "recall", "f1", "fpr"]
        self.counts = pd.DataFrame(rows)[columns]
        self.figure_ = None

    @property
    def full_title(self) -> str:
        """The title with the data's context, e.g. "'Shirt' vs rest (outfits
        (multi-label), validation)"."""
        if self._context:
            return f"{self._title} ({self._context})"
        return self._title

    def to_frame(self) -> pd.DataFrame:
        """Every number the figure shows, one row per threshold."""
        return self.counts.copy()

    def plot(self, *, figsize=None, log_counts=None, roc_xscale=None, zoom=None):
        """Draw the figure; returns self.

        Top row: a confusion matrix per threshold. Middle: the score
        distributions with every threshold line. Bottom: the ROC and PR
        curves with every operating point.

        Parameters
        ----------
        figsize : (float, float), optional
        log_counts : bool, optional
            Logarithmic count axis of the distributions; default when the
            negatives outnumber the positives more than four to one.
        roc_xscale : {"linear", "log"}, optional
            False positive rate axis of the ROC curve. Default: "log" when
            the operating points crowd into the corner (all their FPRs below
            0.05 and within 0.08 of each other in TPR), so they can be told
            apart; else "linear".
        zoom : bool, optional
            Add an inset to the PR curve that zooms on the operating points.
            Default: when they sit within 0.08 of each other in both recall
            and precision.

        Notes
        -----
        The legend texts are set at 12 points (readable on a projector when
        the figure is shown 1,000 pixels wide). The cell convention of the
        confusion matrices (count and share of the true class) is written
        once, under the figure's title.
        """
        import matplotlib.pyplot as plt

        from . import curves, distributions
        from .confusion import ConfusionMatrixDisplay

        k = len(self.thresholds)
        truth, score, names = self._truth, self._score, self._names
        if figsize is None:
            figsize = (max(10.5, 3.5 * k), 14.5)
        fig = plt.figure(figsize=figsize, layout="constrained")
        top, middle, bottom = fig.subfigures(3, 1, height_ratios=(1.0, 1.15, 1.25))
        top_axes = top.subplots(1, k, squeeze=False)[0]
        convention = ""
        for ax, t in zip(top_axes, self.thresholds, strict=True):
            cm = metrics.confusion_matrix(
                truth, (score >= t).astype(np.int8), n_classes=2
            )
            ConfusionMatrixDisplay.from_matrix(cm, labels=names).plot(
                ax=ax, colorbar=False, title=f"score >= {t:g}"
            )
            # the display writes its cell convention under every title: once is
            # enough, under the figure's title
            first, _, rest = ax.get_title().partition("\n")
            convention = rest or convention
            ax.set_title(first, fontsize=ax.title.get_fontsize())
        suptitle = f"{self.full_title}: the same scores cut at {k} thresholds"
        if convention:
            suptitle += f"\nEach matrix: rows = true class; {convention}"
        top.suptitle(suptitle, fontsize=14)
        ax_dist = middle.subplots()
        ax_roc, ax_pr = bottom.subplots(1, 2)
        if log_counts is None:
            n_pos = int(truth.sum())
            log_counts = (truth.size - n_pos) > 4 * n_pos
        distributions.score_distribution(
            truth,
            score,
            labels=names,
            threshold=self.thresholds,
            bins=self._bins,
            scale=self._scale,
        ).plot(ax=ax_dist, log_counts=log_counts, title=f"Scores: {self.full_title}")
        if self._negatives:
            _relabel_legend(ax_dist, "(other classes,", f"({self._negatives},")
        # legends under the axes: they never cover data, and the axes keep
        # the figure's whole width
        _legend_below(ax_dist, ncol=2)
        points = self.counts
        if roc_xscale is None:
            crowded = len(points) > 1 and bool(
                (points["fpr"] < 0.05).all()
                and np.ptp(points["recall"].to_numpy()) < 0.08
            )
            roc_xscale = "log" if crowded else "linear"
        roc = curves.roc(
            truth, score, labels=names, thresholds=self.thresholds, argmax=False
        )
        roc_title = "ROC curve" + (", log FPR axis" if roc_xscale == "log" else "")
        roc.plot(ax=ax_roc, legend="inside", title=roc_title, xscale=roc_xscale)
        pr = curves.pr(
            truth, score, labels=names, thresholds=self.thresholds, argmax=False
        )
        pr.plot(ax=ax_pr, legend="inside", title="Precision-recall curve")
        for ax in (ax_roc, ax_pr):
            _legend_below(ax, ncol=1)
        defined = points["tp"] + points["fp"] > 0
        if zoom is None:
            zoom = _crowded(points["recall"][defined], points["precision"][defined])
        self.zoom_ax_ = None
        if zoom and defined.any():
            self.zoom_ax_ = _zoom_inset(
                ax_pr,
                pr,
                points["recall"][defined].to_numpy(),
                points["precision"][defined].to_numpy(),
            )
        self.figure_ = fig
        self.axes_ = {"distributions": ax_dist, "roc": ax_roc, "pr": ax_pr}
        return self


_LEGEND_POINTS = 12  # legend text size of the static figures, in points
_BELOW_INCHES = 0.62  # from the axes' bottom edge: below the ticks and x label


def _crowded(x, y, span: float = 0.08) -> bool:
    """True when at least two points fit in a ``span`` x ``span`` box."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.size < 2:
        return False
    return bool(np.ptp(x) < span and np.ptp(y) < span)


def _resize_legend(ax, fontsize, **placement) -> None:
    """Draw the axes' legend again, same entries, at ``fontsize`` points."""
    legend = ax.get_legend()
    if legend is None:
        return
    handles = list(legend.legend_handles)
    texts = [t.get_text() for t in legend.get_texts()]
    placement.setdefault("frameon", legend.get_frame_on())
    ax.legend(handles, texts, fontsize=fontsize, **placement)


def _legend_below(ax, ncol) -> None:
    """The axes' legend at ``_LEGEND_POINTS``, centred under its x label."""
    from matplotlib.transforms import ScaledTranslation

    below = ScaledTranslation(0.0, -_BELOW_INCHES, ax.figure.dpi_scale_trans)
    _resize_legend(
        ax,
        _LEGEND_POINTS,
        ncol=ncol,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=ax.transAxes + below,
        frameon=False,
    )


def _zoom_inset(ax, display, xs, ys):
    """An inset of ``ax`` that draws ``display`` again around the points."""
    pad = max(0.01, 0.25 * max(np.ptp(xs), np.ptp(ys)))
    x0, x1 = max(0.0, xs.min() - pad), min(1.0, xs.max() + pad)
    y0, y1 = max(0.0, ys.min() - pad), min(1.0, ys.max() + pad)
    # the empty middle of a PR plot whose points crowd into a corner
    corner_right = xs.mean() > 0.5
    where = [0.08, 0.3, 0.45, 0.42] if corner_right else [0.5, 0.3, 0.45, 0.42]
    inset = ax.inset_axes(where)
    display.plot(ax=inset, legend=None, title="", micro=False, macro=False)
    inset.set_xlim(x0 - 0.002, x1 + 0.002)
    inset.set_ylim(y0 - 0.002, y1 + 0.002)
    inset.set_xlabel("")
    inset.set_ylabel("")
    inset.set_title("zoom on the marked points", fontsize=11)
    inset.tick_params(labelsize=10)
    ax.indicate_inset_zoom(inset, edgecolor="#444444")
    return inset


def threshold_small_multiples(
    y_true,
    y_score,
    *,
    labels=None,
    pos_label=None,
    thresholds=(0.3, 0.5, 0.7),
    bins=40,
    scale="linear",
    context=None,
):
    """The static twin of :func:`threshold_explorer`: a few thresholds side by side.

    Parameters
    ----------
    y_true, y_score, labels, pos_label, bins, scale
        As in :func:`threshold_explorer` (``pos_label`` picks the class).
    thresholds : sequence of float, default (0.3, 0.5, 0.7)
        One to six thresholds; each gets its own confusion matrix, a line on
        the distributions and a point on both curves.
    context : str, optional
        Where the data come from (model, split), added to the titles, e.g.
        ``"outfits (multi-label), validation"``. Default for multi-label
        input: ``"multi-label"``.

    Returns
    -------
    ThresholdSmallMultiples
        Call ``.plot()`` for the figure and ``.to_frame()`` for the numbers.

    Notes
    -----
    A plain matplotlib figure: it renders wherever the notebook's saved
    outputs are shown (GitHub, nbviewer, PDF), with no kernel. Conventions
    as in :func:`threshold_explorer`: ``score >= threshold`` is positive,
    rows = true class. The negatives in the distribution legend are "other
    classes" for multi-class input, the negative name for binary input and
    the samples without the label for multi-label input.
    """
    problem = _Problem(y_true, y_score, labels)
    k = problem.index(pos_label)
    truth, score = problem.column(k)
    return ThresholdSmallMultiples(
        truth,
        score,
        names=problem.side_names(k),
        title=problem.title(k),
        thresholds=thresholds,
        bins=bins,
        scale=scale,
        context=context,
        negatives=problem.negatives_phrase(k),
        multilabel=problem.kind == "multilabel",
    )


# ------------------------------------------------------ per-class tuning


def f1_best_thresholds(
    y_true, y_score, *, labels=None, classes=None, default=0.5, test=None
) -> pd.DataFrame:
    """Each class's F1-best threshold, next to the default, optionally on test.

    Parameters
    ----------
    y_true, y_score : array-like
        The data the thresholds are tuned on (validation data): as in
        :func:`threshold_explorer` (binary, multi-class or multi-label).
    labels : list of str, optional
        Class names in column order.
    classes : list of names or indices, optional
        The classes to tune (default: every class).
    default : float, default 0.5
        The threshold to compare with.
    test : pair (y_true, y_score), optional
        Held-out data of the same kind, on which both thresholds are only
        evaluated, never chosen.

    Returns
    -------
    pandas.DataFrame
        One row per class (index ``class``): ``threshold`` (F1-best on the
        tuning data), ``f1`` there, ``f1 at <default>``, the ``gain`` of F1,
        and with ``test``: ``test f1``, ``test f1 at <default>`` and
        ``test gain``.

    Notes
    -----
    One class against the rest; ``score >= threshold`` is positive. Every
    distinct score of the tuning data is tried
    (:func:`evalviz.metrics.counts_at_thresholds`); ties in F1 go to the
    lowest threshold. The tuning columns are in-sample: the threshold was
    picked to maximise that very F1, so its gain there is optimistic. The
    test columns say whether the gain holds on data the choice never saw.
    """
    problem = _Problem(y_true, y_score, labels)
    held_out = None
    if test is not None:
        if not isinstance(test, (tuple, list)) or len(test) != 2:
            raise ValueError(
                f"test must be a pair (y_true, y_score), got {type(test).__name__}"
            )
        held_out = _Problem(test[0], test[1], labels)
        if held_out.kind != problem.kind or held_out.names != problem.names:
            raise ValueError(
                f"test holds {held_out.kind} data with classes {held_out.names}, "
                f"but the tuning data is {problem.kind} with {problem.names}; pass "
                "the same kind of targets and score columns for both"
            )
    default = check_threshold(default, "default")
    chosen = (
        range(problem.n_classes)
        if classes is None
        else [problem.index(c) for c in np.atleast_1d(np.asarray(classes, object))]
    )
    at_default = f"f1 at {default:g}"
    rows = []
    for k in chosen:
        truth, score = problem.column(k)
        if truth.sum() == 0:
            raise ValueError(
                f"class {problem.names[k]!r} has no positives in y_true; an F1-best "
                "threshold needs at least one"
            )
        sweep = metrics.counts_at_thresholds(truth, score, np.unique(score))
        best = sweep.loc[sweep["f1"].idxmax()]
        t = float(best["threshold"])
        base = metrics.counts_at_thresholds(truth, score, [default]).iloc[0]
        row = {
            "class": problem.names[k],
            "threshold": t,
            "f1": float(best["f1"]),
            at_default: float(base["f1"]),
        }
        row["gain"] = row["f1"] - row[at_default]
        if held_out is not None:
            truth_t, score_t = held_out.column(k)
            both = metrics.counts_at_thresholds(truth_t, score_t, [t, default])
            row["test f1"] = float(both["f1"].iloc[0])
            row[f"test {at_default}"] = float(both["f1"].iloc[1])
            row["test gain"] = row["test f1"] - row[f"test {at_default}"]
        rows.append(row)
    return pd.DataFrame(rows).set_index("class")


# ------------------------------------------------------- prevalence explorer


def _binary_problem(y_true, y_score, labels, pos_label):
    """(truth 0/1, score, [negative name, positive name], title) of one class."""
    problem = _Problem(y_true, y_score, labels)
    k = problem.index(pos_label)
    truth, score = problem.column(k)
    return truth, score, problem.side_names(k), problem.title(k)


def _resample_sizes(n_pos: int, n_neg: int, prevalence: float) -> tuple[int, int]:
    """Most positives and negatives that can be kept at this prevalence."""
    if n_pos / (n_pos + n_neg) >= prevalence:
        q = n_neg
        p = int(round(prevalence * q / (1.0 - prevalence)))
    else:
        p = n_pos
        q = int(round(p * (1.0 - prevalence) / prevalence))
    return min(p, n_pos), min(q, n_neg)


def _prevalence_bounds(n_pos: int, n_neg: int) -> tuple[float, float]:
    """Lowest and highest prevalence a resample can reach with at least
    ``_MIN_PER_SIDE`` positives and negatives."""
    lo = _MIN_PER_SIDE / (_MIN_PER_SIDE + n_neg)
    hi = n_pos / (n_pos + _MIN_PER_SIDE)
    return lo, hi


class _Resampler:
    """Nested resamples of one binary problem: a fixed shuffle of the
    positives and of the negatives, of which the first p and q are kept."""

    def __init__(self, truth, score, seed):
        rng = np.random.default_rng(seed)
        self.truth, self.score = truth, score
        self.pos = rng.permutation(np.flatnonzero(truth == 1))
        self.neg = rng.permutation(np.flatnonzero(truth == 0))
        if self.pos.size < _MIN_PER_SIDE or self.neg.size < _MIN_PER_SIDE:
            raise ValueError(
                f"y_true has {self.pos.size} positives and {self.neg.size} negatives; "
                f"resampling the prevalence needs at least {_MIN_PER_SIDE} of each"
            )
        self.bounds = _prevalence_bounds(self.pos.size, self.neg.size)

    def __call__(self, prevalence):
        prevalence = check_threshold(prevalence, "prevalence")
        lo, hi = self.bounds
        if not lo - 1e-12 <= prevalence <= hi + 1e-12:
            raise ValueError(
                f"prevalence={prevalence:g} cannot be reached with at least "
                f"{_MIN_PER_SIDE} positives and negatives from {self.pos.size} "
                f"positives and {self.neg.size} negatives; pick a prevalence "
                f"between {lo:.4f} and {hi:.4f}"
            )
        p, q = _resample_sizes(self.pos.size, self.neg.size, prevalence)
        p, q = max(p, _MIN_PER_SIDE), max(q, _MIN_PER_SIDE)
        idx = np.sort(np.concatenate([self.pos[:p], self.neg[:q]]))
        return self.truth[idx], self.score[idx]


def resample_prevalence(y_true, y_score, prevalence, *, pos_label=1, seed=0):
    """Keep a subset of the samples whose share of positives is ``prevalence``.

    Parameters
    ----------
    y_true : array-like of shape (n,)
        Binary targets.
    y_score : array-like of shape (n,)
        Scores of the positive class.
    prevalence : float
        Wanted share of positives, strictly between 0 and 1.
    pos_label : int, default 1
    seed : int, default 0
        Seed of the shuffle that decides which samples are kept.

    Returns
    -------
    (y_true, y_score)
        The kept samples (0/1 targets), in their original order.

    Notes
    -----
    Keeps as many samples as possible: every negative and enough positives
    when lowering the prevalence, every positive and enough negatives when
    raising it (rounded to whole samples, at least 5 of each). With one seed
    the resamples are nested: raising the prevalence only adds positives or
    only removes negatives, so a slider moves smoothly. The scores are not
    changed, so each class's score distribution, and with it the ROC curve,
    stay the same up to sampling noise; precision, average precision and
    accuracy follow the prevalence.
    """
    from ._validation import check_binary

    truth, score = check_binary(y_true, y_score, pos_label=pos_label)
    return _Resampler(truth.astype(np.int8), score, seed)(prevalence)


def _prevalence_numbers(truth, score, threshold) -> dict:
    row = _counts_row(truth, score, threshold)
    row.pop("confusion_matrix")
    row.update(
        prevalence=float(truth.mean()),
        positives=int(truth.sum()),
        negatives=int(truth.size - truth.sum()),
        roc_auc=float(metrics.roc_auc(truth, score)),
        average_precision=float(metrics.average_precision(truth, score)),
    )
    return row


_SWEEP_STYLE = {
    "roc_auc": ("ROC AUC", 0, "-"),
    "average_precision": ("average precision", 1, "-"),
    "precision": ("precision at the threshold", 2, "--"),
    "recall": ("recall at the threshold", 3, ":"),
    "accuracy": ("accuracy at the threshold", 6, "-."),  # black: far from AP's hue
}


class PrevalenceSweep:
    """Metrics of one model on resamples with different shares of positives.

    Build it with :meth:`from_predictions`; ``.plot()`` draws each metric
    against the prevalence and ``.to_frame()`` lists the numbers.

    Notes
    -----
    Every resample keeps the scores of the samples it keeps
    (:func:`resample_prevalence`), so the model is the same throughout: ROC
    AUC and recall stay flat (up to sampling noise) because they only compare
    positives with negatives; precision, average precision and accuracy
    depend on how many of each there are.
    """

    def __init__(self, table: pd.DataFrame, name: str, threshold: float, context=None):
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
        seed=0,
        name="",
        context=None,
    ):
        from ._validation import check_binary

        truth, score = check_binary(y_true, y_score)
        resampler = _Resampler(truth.astype(np.int8), score, seed)
        lo, hi = resampler.bounds
        if prevalences is None:
            prevalences = np.round(np.linspace(0.01, 0.9, 25), 4)
        grid = [float(p) for p in np.atleast_1d(prevalences) if lo <= p <= hi]
        rows = [
            {"target": p, **_prevalence_numbers(*resampler(p), threshold)} for p in grid
        ]
        table = pd.DataFrame(rows)
        columns = ["target", "prevalence", "positives", "negatives", "roc_auc"]
        columns += ["average_precision", "precision", "recall", "accuracy", "fpr"]
        return cls(table[columns], name, float(threshold), context)

    def to_frame(self) -> pd.DataFrame:
        return self.table.copy()

    @property
    def title(self) -> str:
        """The default title: the class, the threshold and the data."""
        about = ", ".join(
            part
            for part in (self.name, f"threshold {self.threshold:g}", self.context)
            if part
        )
        return f"Same model, different share of positives: {about}"

    def _draw(self, ax, x, gid_prefix="sweep:"):
        from ._plotting import PALETTE

        for column, (label, color, style) in _SWEEP_STYLE.items():
            ax.plot(
                x,
                self.table[column].to_numpy(),
                color=PALETTE[color],
                linestyle=style,
                linewidth=2.2,
                marker="o",
                markersize=3,
                label=label,
                gid=f"{gid_prefix}{column}",
            )

    def zoom_region(self, *, level=0.9, spread=0.03, min_points=3):
        """Where lines crowd near 1: ``(x0, x1, y0, y1)``, or None.

        The prevalences at which ROC AUC, average precision and precision
        are all ``>= level`` and within ``spread`` of each other, when there
        are at least ``min_points`` of them; ``y0`` is just below the lowest
        of those values.
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
        ax : matplotlib Axes, optional
        title : str, optional
            Default: the class, the threshold and the context (model, split).
        zoom : bool, default True
            Where ROC AUC, average precision and precision crowd near 1
            (:meth:`zoom_region`), draw the same lines again in a second
            panel under the legend, zoomed on that corner (``zoom_ax_``).
        """
        from ._plotting import new_axes, style_axes

        fig, ax = new_axes(ax, figsize=(10.0, 5.0))
        x = self.table["prevalence"].to_numpy()
        self._draw(ax, x)
        ax.set_xlim(0, max(1.0, float(x.max())))
        ax.set_ylim(-0.02, 1.02)
        style_axes(
            ax,
            title=title or self.title,
            xlabel="prevalence (share of positives in the evaluation set)",
            ylabel="metric",
        )
        ax.legend(
            loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=11, frameon=False
        )
        self.zoom_ax_ = None
        region = self.zoom_region() if zoom else None
        if region is not None:
            x0, x1, y0, y1 = region
            # under the legend, outside the data: it covers nothing
            inset = ax.inset_axes([1.1, 0.0, 0.3, 0.42])
            self._draw(inset, x, gid_prefix="zoom:")
            inset.set_xlim(x0, x1)
            inset.set_ylim(y0, y1)
            inset.set_title(f"zoom: metrics above {y0:g}", fontsize=11)
            inset.tick_params(labelsize=10)
            ax.indicate_inset_zoom(inset, edgecolor="#444444")
            self.zoom_ax_ = inset
        self.ax_, self.figure_ = ax, fig
        return self


def _strip_areas(ax) -> None:
    """Legend labels without the numbers of the first resample."""
    import re

    legend = ax.get_legend()
    if legend is None:
        return
    for text in legend.get_texts():
        label = re.sub(r" \((AUC|AP) [0-9.]+\)", "", text.get_text())
        label = re.sub(r" \([0-9.eE+-]+\)$", "", label)
        text.set_text(label)


class PrevalenceExplorer:
    """A prevalence slider linked to ROC and PR curves and their numbers;
    build it with :func:`prevalence_explorer`.

    Attributes
    ----------
    widget, slider, numbers, output
        As in :class:`ThresholdExplorer`; ``slider`` is the prevalence.
    sweep : PrevalenceSweep
        The metrics on a grid of prevalences (the top panel).
    state : dict
        The numbers shown now (see :meth:`to_frame`).

    Notes
    -----
    Each slider value keeps a nested subset of the samples
    (:func:`resample_prevalence`) and recomputes, with
    :mod:`evalviz.metrics`, ROC AUC, average precision and, at the fixed
    threshold, precision, recall, accuracy and FPR.
    """

    def __init__(
        self, truth, score, names, title, *, threshold, seed, figsize, dpi, context=None
    ):
        widgets = _require_ipywidgets()
        from . import curves

        self._truth, self._score = truth, score
        self._names, self._title = names, title
        self.threshold = check_threshold(threshold)
        self._resample = _Resampler(truth, score, seed)
        lo, hi = self._resample.bounds
        lo_step, hi_step = np.ceil(lo * 100) / 100, np.floor(hi * 100) / 100
        start = float(np.clip(np.round(truth.mean(), 2), lo_step, hi_step))
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

        grid = np.round(np.arange(lo_step, hi_step + 1e-9, 0.05), 2)
        grid = np.unique(np.concatenate([[lo_step], grid, [hi_step]]))
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
        self.figure = fig = self._canvas.figure
        layout = fig.add_gridspec(2, 2, height_ratios=(1.0, 1.15))
        ax_sweep = fig.add_subplot(layout[0, :])
        ax_roc = fig.add_subplot(layout[1, 0])
        ax_pr = fig.add_subplot(layout[1, 1])
        # no zoom panel here: it would need room beside the legend
        self.sweep.plot(ax=ax_sweep, zoom=False)
        self._marker = ax_sweep.axvline(
            start, color="#888888", linewidth=2.0, gid="prevalence"
        )
        y, s = self._resample(start)
        t = self.threshold
        curves.roc(y, s, labels=names, thresholds=[t], argmax=False).plot(
            ax=ax_roc, legend="inside", title="ROC curve of the resample"
        )
        curves.pr(y, s, labels=names, thresholds=[t], argmax=False).plot(
            ax=ax_pr, legend="inside", title="Precision-recall of the resample"
        )
        for ax in (ax_roc, ax_pr):
            _relabel_legend(ax, f"score >= {t:g}", f"score >= {t:g} (fixed)")
            _strip_areas(ax)
        _pin_legend(ax_roc, "lower right")
        _pin_legend(ax_pr, "lower left")
        name = names[1]
        self._roc_line = _lines_with_gid(ax_roc, f"class:{name}")
        self._pr_line = _lines_with_gid(ax_pr, f"class:{name}")
        self._baseline = _lines_with_gid(ax_pr, "baseline")
        self._roc_point = _lines_with_gid(ax_roc, "point:")
        self._pr_point = _lines_with_gid(ax_pr, "point:")
        self._canvas.animate(
            self._marker,
            *self._roc_line,
            *self._pr_line,
            *self._baseline,
            *self._roc_point,
            *self._pr_point,
        )
        self.state: dict = {}
        self.update()
        self.slider.observe(self._on_prevalence, names="value")

    def update(self) -> None:
        target = float(self.slider.value)
        y, s = self._resample(target)
        state = _prevalence_numbers(y, s, self.threshold)
        state["target"] = target
        fpr, tpr, _ = metrics.roc_curve(y, s)
        precision, recall, _ = metrics.precision_recall_curve(y, s)
        self._marker.set_xdata([state["prevalence"]] * 2)
        for line in self._roc_line:
            line.set_data(fpr, tpr)
        for line in self._pr_line:
            line.set_data(recall, precision)
        for line in self._baseline:
            line.set_ydata([state["prevalence"]] * 2)
        for line in self._roc_point:
            line.set_data([state["fpr"]], [state["recall"]])
        has_pred = state["predicted_positive"] > 0
        for line in self._pr_point:
            line.set_data(
                [state["recall"]], [state["precision"] if has_pred else np.nan]
            )
        self.state = state
        self.numbers.value = _prevalence_html(self._title, state, self.threshold)
        self.output.outputs = _png_output(
            self._canvas.render(),
            f"<prevalence explorer image: {self._title}, prevalence "
            f"{state['prevalence']:.3f}>",
        )

    def _on_prevalence(self, change) -> None:
        self.update()

    def to_frame(self) -> pd.DataFrame:
        """The numbers shown now, one row."""
        columns = ["target", "prevalence", "positives", "negatives", "roc_auc"]
        columns += ["average_precision", "threshold", "precision", "recall"]
        columns += ["accuracy", "fpr"]
        return pd.DataFrame([{c: self.state[c] for c in columns}], columns=columns)

    def __repr__(self) -> str:
        return (
            f"PrevalenceExplorer({self._title}, prevalence="
            f"{float(self.slider.value):.2f}, threshold={self.threshold:.3g})"
        )

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle


def _prevalence_html(title: str, state: dict, threshold: float) -> str:
    cell = "padding:2px 10px;text-align:right;font-variant-numeric:tabular-nums"
    head = "padding:2px 10px;text-align:left;font-weight:normal;color:#444"
    left = (
        ("positives", str(state["positives"])),
        ("negatives", str(state["negatives"])),
        ("prevalence", _fmt(state["prevalence"])),
        ("ROC AUC", _fmt(state["roc_auc"])),
        ("average precision", _fmt(state["average_precision"])),
    )
    right = (
        ("precision", _fmt(state["precision"])),
        ("recall (TPR)", _fmt(state["recall"])),
        ("false positive rate", _fmt(state["fpr"], 4)),
        ("accuracy", _fmt(state["accuracy"])),
    )

    def table(rows, cls):
        body = "".join(
            f"<tr><th style='{head}'>{k}</th><td style='{cell}'>{v}</td></tr>"
            for k, v in rows
        )
        return f"<table class='{cls}' style='border-collapse:collapse'>{body}</table>"

    block = "display:inline-block;vertical-align:top;margin-right:28px"
    return (
        f"<div style='font-size:14px'><b>{html.escape(title)}, resampled</b><br>"
        f"<div style='{block}'>{table(left, 'evalviz-ranking')}</div>"
        f"<div style='{block}'><i>at score &ge; {threshold:.3g}</i>"
        f"{table(right, 'evalviz-metrics')}</div></div>"
    )


def prevalence_explorer(
    y_true,
    y_score,
    *,
    labels=None,
    pos_label=None,
    threshold=0.5,
    seed=0,
    figsize=(11.0, 8.0),
    dpi=72,
    context=None,
):
    """A prevalence slider: ROC AUC stays put, precision and AP move.

    Parameters
    ----------
    y_true, y_score, labels, pos_label
        As in :func:`threshold_explorer` (one class against the rest).
    threshold : float, default 0.5
        The fixed threshold for precision, recall, accuracy and FPR.
    seed : int, default 0
        Seed of the resampling (see :func:`resample_prevalence`).
    figsize, dpi
        Size of the picture.
    context : str, optional
        Where the data come from (model, split), added to the sweep's title,
        e.g. ``"Fashion-MNIST baseline, validation"``.

    Returns
    -------
    PrevalenceExplorer

    Notes
    -----
    The model and its scores never change; only the share of positives in
    the evaluation set does, by keeping a subset of the samples. ROC AUC,
    recall and FPR compare positives with negatives, so they stay flat (up to
    sampling noise); precision, average precision and accuracy depend on the
    mix. This is why a ROC AUC from a balanced test set says little about the
    precision you will see on rare positives.
    """
    truth, score, names, title = _binary_problem(y_true, y_score, labels, pos_label)
    return PrevalenceExplorer(
        truth,
        score,
        names,
        title,
        threshold=threshold,
        seed=seed,
        figsize=figsize,
        dpi=dpi,
        context=context,
    )
