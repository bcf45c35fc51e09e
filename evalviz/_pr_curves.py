"""Precision-recall curves of every class: :class:`PrCurves` and :func:`pr`.

Imported by :mod:`evalviz.curves`, the public home of both names.
"""

from __future__ import annotations

import numpy as np

from . import metrics
from ._curve_bands import compute_band, draw_band
from ._curves_display import (
    _CHANCE_STYLE,
    _MACRO_STYLE,
    _MICRO_STYLE,
    _drawn_pr,
    _OneVsRestDisplay,
    _operating_points,
)
from ._format import format_area, format_rate, format_threshold
from ._plotting import NEUTRAL, STYLE, ink, paper, style_axes


class PrCurves(_OneVsRestDisplay):
    """One-vs-rest precision-recall curves, with micro and macro averages.

    Build it with :func:`pr` or :meth:`from_predictions`. Like
    :class:`RocCurves`, but ``per_class`` holds ``(recall, precision,
    thresholds)`` as scikit-learn's ``precision_recall_curve`` returns them,
    and ``areas`` are average precisions.

    Parameters
    ----------
    precision, recall : ndarray or sequence of ndarray
        One array per class; the last point (recall 0, precision 1) is
        scikit-learn's convention for "nothing predicted positive", not a
        threshold: it is not drawn.
    thresholds : ndarray or sequence of ndarray, optional
        The threshold of each point (NaN for the convention point).
    average_precision : array-like of shape (n_classes,), optional
        Average precision of each class.
    display_labels : sequence of str, optional
        Class names.
    micro, macro : dict, optional
        The averaged curves.
    operating_points : pandas.DataFrame, optional
        As :func:`evalviz.metrics.operating_points` returns it.
    n_pos, n_neg : array-like of shape (n_classes,), optional
        Positives and negatives of each class.
    kind : {"binary", "multiclass", "multilabel"}, optional
        The target kind the curves come from.

    Attributes
    ----------
    class_names, per_class, areas, micro, macro, operating_points
        As in :class:`RocCurves` (``x`` is recall, ``y`` precision).
    ax_, figure_, lines_
        Set by :meth:`plot`.

    Examples
    --------
    >>> import evalviz as ev
    >>> ev.pr([0, 0, 1, 1, 0], [0.8, 0.8, 0.8, 0.2, 0.2])
    PrCurves('1': AP 0.367, 2 positives, 3 negatives)
    """

    _metric_name = "AP"
    _axis_names = ("recall", "precision")

    def __init__(
        self,
        precision,
        recall,
        thresholds=None,
        *,
        average_precision=None,
        display_labels=None,
        micro=None,
        macro=None,
        operating_points=None,
        n_pos=None,
        n_neg=None,
        kind=None,
    ):
        super().__init__(
            recall,
            precision,
            thresholds,
            areas=average_precision,
            display_labels=display_labels,
            micro=micro,
            macro=macro,
            operating_points=operating_points,
            n_pos=n_pos,
            n_neg=n_neg,
            kind=kind,
        )

    @classmethod
    def _from_metrics(cls, curves, points):
        return cls(
            curves.y,
            curves.x,
            curves.thresholds,
            average_precision=curves.areas,
            display_labels=curves.names,
            micro=curves.micro,
            macro=curves.macro,
            operating_points=points,
            n_pos=curves.n_pos,
            n_neg=curves.n_neg,
            kind=curves.kind,
        )

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        labels=None,
        display_labels=None,
        pos_label=None,
        thresholds=None,
        argmax=True,
        confidence=None,
        ax=None,
        **kwargs,
    ):
        """Compute every class's precision-recall curve and draw them.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
            As in :func:`roc`.
        y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
            As in :func:`roc`.
        labels : array-like, optional
            Class values in column order (scikit-learn's meaning).
        display_labels : sequence of str, optional
            Class names in column order.
        pos_label : object, optional
            The positive class (binary input; needed unless the labels are
            {0, 1}, {-1, 1} or {False, True}).
        thresholds : float, list of float or dict, optional
            Thresholds to mark on every class's curve, as in :func:`roc`.
        argmax : bool, default True
            Multi-class input: mark each class's argmax point.
        confidence : float, optional
            Draw a bootstrap confidence band at this level (e.g. 0.95).
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        PrCurves
            Drawn: ``ax_``, ``figure_`` and ``lines_`` are set.

        Raises
        ------
        ValueError
            As :func:`roc`.
        """
        curves = pr(
            y_true,
            y_score,
            labels=labels,
            display_labels=display_labels,
            pos_label=pos_label,
            thresholds=thresholds,
            argmax=argmax,
            confidence=confidence,
        )
        return curves.plot(ax=ax, **kwargs)

    def plot(
        self,
        ax=None,
        *,
        classes=None,
        micro=True,
        macro=True,
        baseline=True,
        iso_f1=False,
        operating_points=True,
        legend="outside",
        title=None,
        highlight=None,
        band=True,
    ):
        """Draw the curves.

        Each class's curve is drawn through the points its thresholds give,
        as the steps that average precision sums; scikit-learn's extra point
        (recall 0, precision 1) is a convention for "nothing predicted
        positive", reached by no threshold, and is not drawn.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (with a layout engine) when None.
        classes : list of names or indices, optional
            Draw only these classes (default: all).
        micro, macro : bool, default True
            Draw the averaged curves (multi-class and multi-label input).
        baseline : bool, default True
            Draw each coloured class's prevalence: the precision of a model
            that ranks at random (one line when they are all equal).
        iso_f1 : bool or sequence of float, default False
            Draw lines of equal F1 (True: 0.2, 0.4, 0.6, 0.8).
        operating_points : bool, default True
            Mark the argmax decision and the thresholds given to :func:`pr`.
        legend : {"outside", "inside", None}, default "outside"
            Where the legend goes.
        title : str, optional
            The axes title.
        highlight : list of names or indices, optional
            As in :meth:`RocCurves.plot`.
        band : bool, default True
            Draw the confidence band of each coloured class, when the curves
            were computed with ``confidence=``.

        Returns
        -------
        PrCurves
            Self, with ``ax_``, ``figure_`` and ``lines_``.

        Raises
        ------
        ValueError
            For an unknown class or ``legend``.
        """
        chosen = self._select(classes)
        ax = self._start(ax, legend)
        if iso_f1 is not False:
            self._draw_iso_f1(ax, (0.2, 0.4, 0.6, 0.8) if iso_f1 is True else iso_f1)
        coloured = self._coloured(chosen, highlight)
        if baseline:
            self._draw_baselines(ax, chosen, coloured)
        colours = self._draw_classes(
            ax,
            chosen,
            coloured,
            lambda j: _drawn_pr(*self.per_class[self.class_names[j]][:2]),
            drawstyle="steps-post",
        )
        if band:
            draw_band(self, ax, colours)
        self._draw_pr_averages(ax, micro, macro)
        if operating_points:
            self._draw_points(ax, colours, "tpr", "precision")
        ax.set_xlim(-0.01, 1.01)
        ax.set_ylim(-0.01, 1.03)
        if title is None:
            title = (
                "Precision-recall curve"
                if self.kind == "binary"
                else ("Precision-recall curves, one class vs the rest")
            )
        style_axes(
            ax, title=title, xlabel="recall (true positive rate)", ylabel="precision"
        )
        self._finish(ax, legend)
        return self

    def _draw_iso_f1(self, ax, levels):
        for f in levels:
            r = np.linspace(f / (2 - f) + 1e-9, 1, 200)
            ax.plot(
                r,
                f * r / (2 * r - f),
                color="#BBBBBB",
                linewidth=0.9,
                zorder=1,
                gid=f"iso_f1:{f:g}",
            )
            # label where the line meets recall 0.9, on a white box above the curves
            at = max(0.9, f / (2 - f) + 0.02)
            ax.annotate(
                f"F1 = {format_threshold(f)}",
                xy=(at, f * at / (2 * at - f)),
                ha="center",
                va="center",
                fontsize=STYLE["annotation"],
                color=ink(),
                zorder=6,
                bbox={
                    "boxstyle": "round,pad=0.15",
                    "facecolor": paper(ax),
                    "edgecolor": "#BBBBBB",
                    "alpha": 0.9,
                },
                gid=f"iso_f1_label:{f:g}",
            )

    def _draw_baselines(self, ax, chosen, coloured):
        prev = self.prevalence[chosen]
        if np.allclose(prev, prev[0], rtol=0, atol=1e-9):
            ax.axhline(
                prev[0],
                **_CHANCE_STYLE,
                label=f"chance: precision = prevalence ({format_rate(prev[0])})",
                gid="baseline",
            )
            return
        for j, colour in self._colours(coloured).items():
            ax.axhline(
                self.prevalence[j],
                color=colour,
                linestyle=":",
                linewidth=1.2,
                gid=f"baseline:{self.class_names[j]}",
            )
        ax.plot(
            [],
            [],
            color=NEUTRAL,
            linestyle=":",
            label="dotted: each coloured class's prevalence (chance)",
        )

    def _draw_pr_averages(self, ax, micro, macro):
        if micro and self.micro is not None:
            self._draw_average(
                ax,
                _drawn_pr(self.micro["x"], self.micro["y"]),
                f"micro average (AP {format_area(self.micro['area'])})",
                "micro",
                _MICRO_STYLE,
                drawstyle="steps-post",
            )
        if macro and self.macro is not None:
            # recall 0 holds the convention point's precision: start past it
            self._draw_average(
                ax,
                (self.macro["x"][1:], self.macro["y"][1:]),
                f"macro average (AP {format_area(self.macro['mean_of_areas'])})",
                "macro",
                _MACRO_STYLE,
                drawstyle="steps-pre",
            )


def pr(
    y_true,
    y_score,
    *,
    labels=None,
    display_labels=None,
    pos_label=None,
    thresholds=None,
    argmax=True,
    confidence=None,
    n_resamples=2000,
    seed=0,
):
    """Precision-recall curve of every class with micro and macro averages.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        As in :func:`roc`.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        As in :func:`roc`.
    labels : array-like, optional
        Class values in column order (scikit-learn's meaning).
    display_labels : sequence of str, optional
        Class names in column order.
    pos_label : object, optional
        The positive class (binary input; needed unless the labels are
        {0, 1}, {-1, 1} or {False, True}).
    thresholds : float, list of float or dict, optional
        Thresholds to mark on every class's curve, as in :func:`roc`.
    argmax : bool, default True
        Multi-class input: mark each class's argmax point.

    confidence : float, optional
        Also compute a bootstrap confidence band at this level (e.g. 0.95):
        precision at each recall, drawn under each coloured class's curve; see
        :func:`evalviz.metrics.pr_band`. Default None: no band.
    n_resamples : int, default 2000
        Bootstrap resamples of the band (per class).
    seed : int, default 0
        Seed of the band's resampling.

    Returns
    -------
    PrCurves
        Computed, not drawn: call ``.plot()``.

    Raises
    ------
    ValueError
        As :func:`roc`.

    Notes
    -----
    Precision is ``TP / (TP + FP)``: unlike the false positive rate it does not
    divide by the (large) number of negatives, so a few hundred false
    positives among thousands of easy negatives show up here while a ROC
    curve hides them. A model that ranks at random has precision equal to the
    class's prevalence (the share of positives), drawn as the baseline.

    The area reported is average precision (AP), ``sum_n (R_n - R_{n-1})
    P_n``, from :func:`evalviz.metrics.average_precision`; curves are drawn as
    the steps that AP sums (no linear interpolation, which would overstate
    it), through the points the thresholds give. The macro curve averages
    each class's step precision at every recall that occurs, so its area
    equals the macro AP (the mean of per-class APs).

    Examples
    --------
    >>> import evalviz as ev
    >>> curves = ev.pr([0, 0, 1, 1, 0], [0.8, 0.8, 0.8, 0.2, 0.2]).plot()
    >>> curves.lines_["1"].get_ydata().max()  # no threshold gives more
    np.float64(0.4)
    """
    computed = metrics.pr_curves(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label,
    )
    points = _operating_points(
        computed, y_true, y_score, thresholds, argmax, labels, pos_label
    )
    curves = PrCurves._from_metrics(computed, points)
    curves.band = compute_band(
        "pr",
        y_true,
        y_score,
        confidence,
        n_resamples,
        seed,
        {"labels": labels, "display_labels": display_labels, "pos_label": pos_label},
    )
    return curves
