"""ROC and precision-recall curves for every class in one call.

``roc(y_true, y_score)`` and ``pr(y_true, y_score)`` take predictions from any
framework (binary, multi-class or multi-label) and return a display that
holds every curve, its area, the micro and macro averages and the operating
points; ``.plot()`` draws them and ``.to_frame()`` lists the numbers.
``RocCurves.from_predictions(...)`` computes and draws in one call, as
scikit-learn's displays do.

The numbers come from :mod:`evalviz.metrics` (:func:`~evalviz.metrics.roc_curves`,
:func:`~evalviz.metrics.pr_curves`, :func:`~evalviz.metrics.operating_points`);
this module only arranges and draws them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import metrics
from ._curve_bands import compute_band, draw_band
from ._curves_display import (
    _CHANCE_STYLE,
    _MACRO_STYLE,
    _MICRO_STYLE,
    _OneVsRestDisplay,
    _operating_points,
)
from ._format import format_area
from ._partial_auc import draw_partial_region, partial_areas
from ._plotting import STYLE, style_axes
from ._pr_curves import PrCurves, pr
from ._validation import check_choice

__all__ = ["roc", "pr", "RocCurves", "PrCurves"]


class RocCurves(_OneVsRestDisplay):
    """One-vs-rest ROC curves of every class, with micro and macro averages.

    Build it with :func:`roc` (computes) or :meth:`from_predictions`
    (computes and draws); the constructor takes computed arrays, as
    scikit-learn's ``RocCurveDisplay`` does.

    Parameters
    ----------
    fpr, tpr : ndarray or sequence of ndarray
        False and true positive rates of each curve (one array per class).
    thresholds : ndarray or sequence of ndarray, optional
        The threshold of each point (decreasing; the first is ``inf``).
    roc_auc : array-like of shape (n_classes,), optional
        ROC AUC of each class.
    display_labels : sequence of str, optional
        Class names (default "0", "1", ...).
    micro, macro : dict, optional
        The averaged curves (see Attributes).
    operating_points : pandas.DataFrame, optional
        As :func:`evalviz.metrics.operating_points` returns it.
    n_pos, n_neg : array-like of shape (n_classes,), optional
        Positives and negatives of each class.
    kind : {"binary", "multiclass", "multilabel"}, optional
        The target kind the curves come from.
    max_fpr : float, optional
        The partial-AUC region FPR <= ``max_fpr`` to shade.
    partial_auc : array-like of shape (n_classes,), optional
        Standardised partial AUC of each class over that region.

    Attributes
    ----------
    class_names : list of str
        The curves' names.
    per_class : dict
        name -> (fpr, tpr, thresholds).
    areas : pandas.Series
        ROC AUC per class, from :func:`evalviz.metrics.roc_auc`.
    micro : dict or None
        ``x`` (FPR), ``y`` (TPR), ``thresholds`` and ``area`` of the curve of
        every (sample, class) cell pooled; None for binary input.
    macro : dict or None
        ``x``, ``y`` of the vertically averaged curve, ``area_of_curve`` (its
        area) and ``mean_of_areas`` (mean of per-class AUCs).
    operating_points : pandas.DataFrame
        Counts, TPR, FPR and precision at the argmax decision and thresholds.
    max_fpr : float or None
        The partial-AUC region, when one was asked for.
    partial_areas : pandas.Series or None
        Standardised partial AUC per class over FPR <= ``max_fpr``
        (McClish's standardisation, as scikit-learn's ``roc_auc_score``).
    ax_, figure_ : matplotlib Axes and Figure
        Set by :meth:`plot`.
    lines_ : dict
        Curve name (class name, "micro", "macro", "chance") -> artist drawn;
        past about thirty grey classes they are one collection, ``"grey"``.

    Examples
    --------
    >>> import evalviz as ev
    >>> ev.roc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    RocCurves('1': AUC 0.750, 2 positives, 2 negatives)
    """

    _metric_name = "AUC"
    _axis_names = ("fpr", "tpr")

    def __init__(
        self,
        fpr,
        tpr,
        thresholds=None,
        *,
        roc_auc=None,
        display_labels=None,
        micro=None,
        macro=None,
        operating_points=None,
        n_pos=None,
        n_neg=None,
        kind=None,
        max_fpr=None,
        partial_auc=None,
    ):
        super().__init__(
            fpr,
            tpr,
            thresholds,
            areas=roc_auc,
            display_labels=display_labels,
            micro=micro,
            macro=macro,
            operating_points=operating_points,
            n_pos=n_pos,
            n_neg=n_neg,
            kind=kind,
        )
        self.max_fpr = None if max_fpr is None else float(max_fpr)
        self.partial_areas = (
            None
            if partial_auc is None
            else pd.Series(np.asarray(partial_auc, float).ravel(), self.class_names)
        )

    def _summary_frame(self):
        frame = super()._summary_frame()
        if self.partial_areas is not None:
            column = f"partial AUC (FPR <= {self.max_fpr:g})"
            frame[column] = frame.index.map(self.partial_areas)
        return frame

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
        macro_grid=None,
        confidence=None,
        max_fpr=None,
        ax=None,
        **kwargs,
    ):
        """Compute every class's ROC curve and draw them.

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
        macro_grid : int, optional
            Average the curves at this many evenly spaced FPRs, as in :func:`roc`.
        confidence : float, optional
            Draw a bootstrap confidence band at this level (e.g. 0.95).
        max_fpr : float, optional
            Shade FPR <= ``max_fpr`` and state the standardised partial AUC,
            as in :func:`roc`.
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        RocCurves
            Drawn: ``ax_``, ``figure_`` and ``lines_`` are set.

        Raises
        ------
        ValueError
            As :func:`roc`.
        """
        curves = roc(
            y_true,
            y_score,
            labels=labels,
            display_labels=display_labels,
            pos_label=pos_label,
            thresholds=thresholds,
            argmax=argmax,
            macro_grid=macro_grid,
            confidence=confidence,
            max_fpr=max_fpr,
        )
        return curves.plot(ax=ax, **kwargs)

    def plot(
        self,
        ax=None,
        *,
        classes=None,
        micro=True,
        macro=True,
        chance=True,
        operating_points=True,
        xscale="linear",
        legend="outside",
        title=None,
        highlight=None,
        band=True,
    ):
        """Draw the curves.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (with a layout engine) when None.
        classes : list of names or indices, optional
            Draw only these classes (default: all).
        micro, macro : bool, default True
            Draw the averaged curves (multi-class and multi-label input).
        chance : bool, default True
            Draw the diagonal of a model that ranks at random (AUC 0.5).
        operating_points : bool, default True
            Mark the argmax decision and the thresholds given to :func:`roc`.
        xscale : {"linear", "log"}, default "linear"
            "log" spreads out the small false-positive rates where curves that
            look perfect on a linear axis still differ. FPR 0 has no place on a
            log axis: points and curve starts at FPR 0 are drawn at a tick
            labelled "0", a fifth of the smallest possible non-zero FPR (one
            negative), left of a break marked "//". The chance diagonal is
            drawn curved, and a legend entry says that the visible area is no
            longer the AUC.
        legend : {"outside", "inside", None}, default "outside"
            "outside" puts the legend to the right of the axes.
        title : str, optional
            The axes title.
        highlight : list of names or indices, optional
            Draw only these classes in colour, with their own legend entry and
            operating points; the other classes are thin grey lines under one
            legend entry that gives their number and the range of their
            areas. Default: every class when there are at most ten, else the
            ten with the lowest AUC.
        band : bool, default True
            Draw the confidence band of each coloured class, when the curves
            were computed with ``confidence=``.

        Returns
        -------
        RocCurves
            Self, with ``ax_``, ``figure_`` and ``lines_``.

        Raises
        ------
        ValueError
            For an unknown class, ``xscale`` or ``legend``.
        """
        check_choice(xscale, "xscale", ("linear", "log"))
        chosen = self._select(classes)
        ax = self._start(ax, legend)
        log = xscale == "log"
        # Smallest non-zero FPR any drawn curve can have: one negative of the
        # curve with the most negatives (the pooled micro curve has them all).
        most = int(self.n_neg.max()) if self.n_neg.size else 1
        if micro and self.micro is not None:
            most = int(self.n_neg.sum())
        smallest = 1.0 / max(most, 1)
        zero_at = smallest / 5.0 if log else None

        def _xs(fpr):
            """FPR as drawn: 0 moves to the "0" tick on a log axis."""
            fpr = np.asarray(fpr, dtype=float)
            return np.where(fpr == 0, zero_at, fpr) if log else fpr

        coloured = self._coloured(chosen, highlight)
        colours = self._draw_classes(
            ax,
            chosen,
            coloured,
            lambda j: (
                _xs(self.per_class[self.class_names[j]][0]),
                self.per_class[self.class_names[j]][1],
            ),
        )
        if band:
            draw_band(self, ax, colours, _xs)
        self._draw_roc_averages(ax, micro, macro, _xs)
        if self.max_fpr is not None and self.partial_areas is not None:
            self.lines_["partial_region"] = draw_partial_region(
                ax, self.max_fpr, self.partial_areas.iloc[chosen], zero_at or 0.0
            )
        if chance:
            self._draw_chance(ax, log, smallest)
        if operating_points:
            self._draw_points(ax, colours, "fpr", "tpr", zero_at)
        if log:
            self._log_fpr_axis(ax, smallest, zero_at)
        else:
            ax.set_xlim(-0.01, 1.01)
        ax.set_ylim(-0.01, 1.01)
        if title is None:
            title = (
                "ROC curve"
                if self.kind == "binary"
                else ("ROC curves, one class vs the rest")
            )
        style_axes(
            ax,
            title=title,
            xlabel="false positive rate = FP / (FP + TN)"
            + (", log scale" if log else ""),
            ylabel="true positive rate (recall)",
        )
        self._finish(ax, legend)
        return self

    def _draw_roc_averages(self, ax, micro, macro, xs):
        if micro and self.micro is not None:
            self._draw_average(
                ax,
                (xs(self.micro["x"]), self.micro["y"]),
                f"micro average (AUC {format_area(self.micro['area'])})",
                "micro",
                _MICRO_STYLE,
            )
        if macro and self.macro is not None:
            mean = format_area(self.macro["mean_of_areas"])
            curve = format_area(self.macro["area_of_curve"])
            label = f"macro average (AUC {mean})"
            if mean != curve:
                label = (
                    f"macro average (mean of AUCs {mean},\n"
                    f"area of averaged curve {curve})"
                )
            self._draw_average(
                ax, (xs(self.macro["x"]), self.macro["y"]), label, "macro", _MACRO_STYLE
            )

    def _draw_chance(self, ax, log, smallest):
        line = np.geomspace(smallest, 1.0, 200) if log else np.array([0.0, 1.0])
        (self.lines_["chance"],) = ax.plot(
            line,
            line,
            **_CHANCE_STYLE,
            zorder=1,
            label="chance: TPR = FPR (AUC 0.5)"
            + ("\n(curved: the x-axis is logarithmic)" if log else ""),
            gid="chance",
        )

    @staticmethod
    def _log_fpr_axis(ax, smallest, zero_at):
        """Log FPR axis with FPR 0 shown at ``zero_at``, left of a marked break.

        Decade ticks from the smallest possible non-zero FPR up to 1, a tick
        labelled "0" at ``zero_at``, and a pair of slashes on the axis between
        them, where the log scale is interrupted.
        """
        from matplotlib.ticker import FixedLocator, NullFormatter

        ax.set_xscale("log")
        ax.set_xlim(zero_at / 2.0, 1.0)
        first = int(np.ceil(np.log10(smallest) - 1e-9))
        decades = [10.0**e for e in range(first, 1)]
        ax.set_xticks(
            [zero_at, *decades], ["0", *(f"$10^{{{e}}}$" for e in range(first, 1))]
        )
        minor = [
            m * 10.0**e
            for e in range(first - 1, 0)
            for m in range(2, 10)
            if smallest <= m * 10.0**e < 1.0
        ]
        ax.xaxis.set_minor_locator(FixedLocator(minor))
        ax.xaxis.set_minor_formatter(NullFormatter())
        gap = float(np.sqrt(zero_at * smallest))  # middle of the break (log scale)
        for dx in (-0.06, 0.06):
            ax.annotate(
                "/",
                xy=(gap * 10**dx, 0.0),
                xycoords=("data", "axes fraction"),
                ha="center",
                va="center",
                fontsize=STYLE["axis_break"],
                fontweight="bold",
                annotation_clip=False,
                gid="axis_break",
            )
        ax.plot(
            [],
            [],
            linestyle="none",
            label="log x-axis: the area you see is not the AUC;\n"
            'FPR = 0 is drawn at the "0" tick, left of //',
            gid="log_note",
        )


# ---------------------------------------------------------------- public API


def roc(
    y_true,
    y_score,
    *,
    labels=None,
    display_labels=None,
    pos_label=None,
    thresholds=None,
    argmax=True,
    macro_grid=None,
    max_fpr=None,
    confidence=None,
    n_resamples=2000,
    seed=0,
):
    """ROC curve of every class (one vs the rest) with micro and macro averages.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels of any sortable type (ints, strings,
        booleans), or a 0/1 indicator matrix for multi-label input.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Binary: the positive class's score (or ``predict_proba``'s two
        columns). Multi-class: probabilities, one column per class (softmax
        outputs); logits are refused with an explanation, because adding a
        constant to a row changes every one-vs-rest number. Multi-label: one
        score column per label (sigmoid outputs or logits).
    labels : array-like, optional
        The class values in column order (scikit-learn's meaning); default
        the sorted values of ``y_true``. For one release a list of names that
        are not class values is read as ``display_labels`` with a
        ``DeprecationWarning``.
    display_labels : sequence of str, optional
        Class names in column order (binary: ``[negative, positive]``).
    pos_label : object, optional
        The positive class of binary input; needed unless the labels are
        {0, 1}, {-1, 1} or {False, True}.
    thresholds : float, list of float or dict, optional
        Thresholds to mark on every class's curve (``y_score[:, k] >=
        threshold`` counts as positive). A dict names them:
        ``{"90% precision": 0.0136, "0.5": 0.5}`` shows "90% precision" in
        the legend and in the ``point`` column of the operating points
        (plain numbers show as "score >= 0.0136"). Default: none for
        multi-class input (the argmax point is marked instead), 0.5 otherwise.
    argmax : bool, default True
        For multi-class input, mark each class's point at the argmax decision
        (predict the class with the highest score; ties go to the lowest
        class index).
    macro_grid : int, optional
        Average the curves on this many evenly spaced false-positive rates
        instead of every rate that occurs (exact). scikit-learn's gallery
        uses 1000; then the area of the averaged curve differs slightly from
        the mean of the per-class AUCs.
    max_fpr : float in (0, 1], optional
        Also compute each class's standardised partial AUC over FPR <=
        ``max_fpr`` (:func:`evalviz.metrics.roc_auc`); ``plot`` shades that
        region and the legend states the values. On a model whose AUCs all
        look near 1, ``max_fpr=0.01`` with ``xscale="log"`` shows where the
        classes still differ.

    confidence : float, optional
        Also compute a bootstrap confidence band at this level (e.g. 0.95):
        TPR at each FPR, as pROC's ``ci.se``, drawn under each coloured class's curve; see
        :func:`evalviz.metrics.roc_band`. Default None: no band.
    n_resamples : int, default 2000
        Bootstrap resamples of the band (per class).
    seed : int, default 0
        Seed of the band's resampling.

    Returns
    -------
    RocCurves
        Computed, not drawn: call ``.plot()``.

    Raises
    ------
    ValueError
        When the positive class is ambiguous, multi-class scores are not
        probabilities, labels and columns disagree, or a class has no
        positives or no negatives.

    Notes
    -----
    One vs the rest: for class k, the positives are the samples whose true
    class is k and the negatives are all the others. A sample is positive at
    threshold t when its score is ``>= t``.

    Two averages: **micro** pools every (sample, class) cell into one binary
    problem; **macro** gives each class equal weight. For macro, the number
    reported by :func:`evalviz.metrics.roc_auc` is the mean of the per-class
    AUCs; the drawn macro curve is the vertical average (mean TPR at each
    FPR). On the exact grid its area equals that mean, because an area is
    linear in the curve; ``macro_grid`` shows how a coarse grid shifts it.

    Examples
    --------
    >>> import evalviz as ev
    >>> curves = ev.roc(["no", "yes", "yes", "no"], [0.2, 0.9, 0.6, 0.7],
    ...                 pos_label="yes")
    >>> curves
    RocCurves('yes': AUC 0.750, 2 positives, 2 negatives)
    >>> curves = curves.plot()
    """
    computed = metrics.roc_curves(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label,
        macro_grid=macro_grid,
    )
    points = _operating_points(
        computed, y_true, y_score, thresholds, argmax, labels, pos_label
    )
    curves = RocCurves._from_metrics(computed, points)
    curves.band = compute_band(
        "roc",
        y_true,
        y_score,
        confidence,
        n_resamples,
        seed,
        {"labels": labels, "display_labels": display_labels, "pos_label": pos_label},
    )
    if max_fpr is not None:
        curves.max_fpr = float(max_fpr)
        curves.partial_areas = partial_areas(
            y_true,
            y_score,
            curves.class_names,
            labels=labels,
            pos_label=pos_label,
            max_fpr=max_fpr,
        )
    return curves
