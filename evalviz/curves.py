"""ROC and precision-recall curves for every class in one call.

``roc(y_true, y_score)`` and ``pr(y_true, y_score)`` take predictions from any
framework (binary, multi-class or multi-label) and return a result object that
holds every curve, its area, the micro and macro averages and the operating
points; ``.plot()`` draws them and ``.to_frame()`` lists the numbers.

The numbers come from :mod:`evalviz.metrics`; this module only arranges and
draws them (plus the vertical averaging of curves, which metrics do not need).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import metrics
from ._plotting import class_color, format_area, new_axes, style_axes
from ._validation import (
    check_choice,
    check_class_names,
    check_has_both_classes,
    check_threshold,
    target_kind,
)

__all__ = ["roc", "pr", "RocCurves", "PrCurves"]

# The averages use colours that no class has, thick lines with dashes of their
# own and a white casing, so they never pass for a class's curve.
_MICRO_STYLE = {
    "color": "#E41A1C",
    "linestyle": (0, (5, 1.5)),
    "linewidth": 3.0,
    "zorder": 4,
}
_MACRO_STYLE = {
    "color": "#08306B",
    "linestyle": (0, (1, 1)),
    "linewidth": 3.4,
    "zorder": 4,
}
_CHANCE_STYLE = {"color": "#AAAAAA", "linestyle": (0, (4, 3)), "linewidth": 1.2}
_OTHER_COLOR = "#CCCCCC"  # classes not highlighted
_LEGEND_SIZE = {"outside": 11, "inside": 9}
_POINT_MARKERS = ("o", "s", "^", "D", "v", "P", "X")


# --------------------------------------------------------------------------- input


class _Prepared:
    """Validated input as an indicator matrix: one column per class."""

    def __init__(self, y_true, y_score, labels):
        kind, truth, score = target_kind(y_true, y_score)
        self.kind = kind
        self.truth = truth
        self.score = score
        if kind == "binary":
            if labels is not None:
                names = [str(x) for x in labels]
                if len(names) not in (1, 2):
                    raise ValueError(
                        f"labels has {len(names)} names but y_true is binary; pass "
                        "['negative name', 'positive name'] or just the positive name"
                    )
                self.names = [names[-1]]
            else:
                self.names = ["positive"]
            self.Y = (truth == 1).astype(np.int8)[:, None]
            self.S = score[:, None]
        elif kind == "multiclass":
            k = score.shape[1]
            self.names = check_class_names(labels, k)
            self.Y = (truth[:, None] == np.arange(k)[None, :]).astype(np.int8)
            self.S = score
        else:
            self.names = check_class_names(labels, score.shape[1])
            self.Y = truth
            self.S = score
        for j, name in enumerate(self.names):
            check_has_both_classes(self.Y[:, j], what=f"y_true for class {name!r}")
        self.n_pos = self.Y.sum(axis=0).astype(np.int64)
        self.n_neg = (self.Y.shape[0] - self.n_pos).astype(np.int64)

    @property
    def n_classes(self) -> int:
        return len(self.names)

    def area(self, fn, average):
        """Call an area metric, one-vs-rest as an indicator matrix.

        Multi-class labels are passed as their one-hot indicator, which is the
        one-vs-rest problem itself and accepts any scores (logits too, not only
        rows that sum to one).
        """
        if self.kind == "binary":
            return fn(self.truth, self.score)
        return fn(self.Y, self.S, average=average)


def _threshold_marks(thresholds, default):
    """``[(label, value), ...]`` from a float, a list of floats or a dict.

    A dict maps the name to show in legends and tables to the threshold
    (``{"90% precision": 0.0136, "0.5": 0.5}``); plain numbers are named
    ``"score >= t"``.
    """
    if thresholds is None:
        thresholds = default
    if isinstance(thresholds, Mapping):
        marks = []
        for name, value in thresholds.items():
            label = str(name)
            if not label.strip():
                raise ValueError(
                    f"thresholds has an empty name for the value {value!r}; use "
                    "names such as {'90% precision': 0.0136, '0.5': 0.5}"
                )
            marks.append((label, check_threshold(value, f"thresholds[{label!r}]")))
        return marks
    values = [check_threshold(t, "thresholds") for t in np.atleast_1d(thresholds)]
    return [(f"score >= {v:g}", v) for v in values]


def _operating_points(prep: _Prepared, thresholds, argmax: bool) -> pd.DataFrame:
    """Counts and rates of the argmax decision and of each threshold, per class."""
    rows = []
    if argmax and prep.kind == "multiclass":
        y_pred = prep.S.argmax(axis=1)
        cm = metrics.confusion_matrix(prep.truth, y_pred, n_classes=prep.n_classes)
        precision, recall, _, _ = metrics.precision_recall_f1(
            prep.truth, y_pred, n_classes=prep.n_classes
        )
        n = prep.truth.size
        for j, name in enumerate(prep.names):
            tp = int(cm[j, j])
            fp = int(cm[:, j].sum()) - tp
            fn = int(cm[j, :].sum()) - tp
            tn = n - tp - fp - fn
            rows.append(
                {
                    "class": name,
                    "point": "argmax",
                    "threshold": np.nan,
                    "tp": tp,
                    "fp": fp,
                    "fn": fn,
                    "tn": tn,
                    "tpr": float(recall[j]),
                    "fpr": fp / (fp + tn),
                    "precision": float(precision[j]),
                }
            )
    marks = _threshold_marks(thresholds, [] if prep.kind == "multiclass" else [0.5])
    if marks:
        cuts = [value for _, value in marks]
        for j, name in enumerate(prep.names):
            table = metrics.counts_at_thresholds(prep.Y[:, j], prep.S[:, j], cuts)
            for (label, _), row in zip(
                marks, table.itertuples(index=False), strict=True
            ):
                rows.append(
                    {
                        "class": name,
                        "point": label,
                        "threshold": float(row.threshold),
                        "tp": int(row.tp),
                        "fp": int(row.fp),
                        "fn": int(row.fn),
                        "tn": int(row.tn),
                        "tpr": float(row.recall),
                        "fpr": float(row.fpr),
                        "precision": (
                            float(row.precision) if row.tp + row.fp > 0 else np.nan
                        ),
                    }
                )
    columns = ["class", "point", "threshold", "tp", "fp", "fn", "tn"]
    columns += ["tpr", "fpr", "precision"]
    return pd.DataFrame(rows, columns=columns)


# ------------------------------------------------------------------ averaging


def _roc_values_at(fpr, tpr, grid):
    """Lowest and highest TPR of one ROC curve at each FPR in ``grid``.

    The curve is the polyline through its points; at an FPR where it jumps
    vertically the two values differ (bottom and top of the jump).
    """
    first = np.searchsorted(fpr, grid, side="left")
    last = np.searchsorted(fpr, grid, side="right") - 1
    on_point = (first < fpr.size) & (fpr[np.minimum(first, fpr.size - 1)] == grid)
    a = np.clip(first - 1, 0, fpr.size - 1)
    b = np.clip(first, 0, fpr.size - 1)
    span = fpr[b] - fpr[a]
    frac = np.divide(grid - fpr[a], span, out=np.zeros_like(grid), where=span > 0)
    between = tpr[a] + (tpr[b] - tpr[a]) * frac
    low = np.where(on_point, tpr[b], between)
    high = np.where(on_point, tpr[np.clip(last, 0, fpr.size - 1)], between)
    return low, high


def _macro_roc_curve(curves, grid=None):
    """Vertical average of ROC curves: mean TPR at each FPR.

    With ``grid=None`` the FPR grid is the union of every curve's FPR values,
    so each curve is represented exactly and the area of the averaged curve
    equals the mean of the areas. An integer ``grid`` uses that many evenly
    spaced FPR values instead (scikit-learn's gallery uses 1000), which makes
    the area differ slightly.
    """
    if grid is None:
        xs = np.unique(np.concatenate([fpr for fpr, _ in curves]))
        lows, highs = zip(*(_roc_values_at(f, t, xs) for f, t in curves), strict=True)
        low, high = np.mean(lows, axis=0), np.mean(highs, axis=0)
        x = np.repeat(xs, 2)
        y = np.column_stack([low, high]).ravel()
    else:
        x = np.linspace(0.0, 1.0, int(grid))
        y = np.mean([np.interp(x, f, t) for f, t in curves], axis=0)
        x = np.concatenate([[0.0], x])
        y = np.concatenate([[0.0], y])
    return x, y, float(np.trapezoid(y, x))


def _pr_values_at(recall_up, precision_up, grid):
    """Step precision used by average precision, at each recall in ``grid``.

    ``recall_up`` is non-decreasing (highest threshold first). For a recall
    value r the precision is that of the first point reaching r, which is how
    average precision weighs each recall step.
    """
    idx = np.searchsorted(recall_up, grid, side="left")
    return precision_up[np.minimum(idx, recall_up.size - 1)]


def _macro_pr_curve(curves):
    """Vertical average of PR curves (step interpolation), and its area."""
    ups = [(r[::-1], p[::-1]) for p, r in curves]
    xs = np.unique(np.concatenate([r for r, _ in ups]))
    y = np.mean([_pr_values_at(r, p, xs) for r, p in ups], axis=0)
    area = float(np.sum(np.diff(xs) * y[1:]))
    return xs, y, area


# ------------------------------------------------------------------ results


class _Curves:
    """Shared storage, tables and drawing helpers of RocCurves and PrCurves."""

    _metric_name = ""

    def __init__(self, prep, per_class, areas, micro, macro, points):
        self.kind = prep.kind
        self.class_names = list(prep.names)
        self.n_pos = prep.n_pos
        self.n_neg = prep.n_neg
        self.per_class = per_class  # name -> (x, y, thresholds)
        self.areas = areas  # pd.Series: per class
        self.micro = micro  # dict or None
        self.macro = macro  # dict or None
        self.operating_points = points
        self.ax_ = None
        self.figure_ = None

    @property
    def prevalence(self) -> np.ndarray:
        return self.n_pos / (self.n_pos + self.n_neg)

    def to_frame(self, what="summary") -> pd.DataFrame:
        """The numbers behind the plot.

        Parameters
        ----------
        what : {"summary", "points", "operating_points"}, default "summary"
            "summary": one row per class plus the micro and macro averages,
            with the area, positives, negatives and prevalence.
            "points": every point of every curve drawn (long format).
            "operating_points": counts and rates at the argmax decision and
            the requested thresholds.
        """
        check_choice(what, "what", ("summary", "points", "operating_points"))
        if what == "operating_points":
            return self.operating_points.copy()
        if what == "points":
            return self._points_frame()
        name = self._metric_name
        rows = [
            {
                "curve": name_,
                "average": "class",
                name: float(self.areas[name_]),
                "positives": int(p),
                "negatives": int(n),
                "prevalence": p / (p + n),
            }
            for name_, p, n in zip(
                self.class_names, self.n_pos, self.n_neg, strict=True
            )
        ]
        if self.micro is not None:
            p, n = int(self.n_pos.sum()), int(self.n_neg.sum())
            rows.append(
                {
                    "curve": "micro",
                    "average": "micro: every (sample, class) cell pooled",
                    name: self.micro["area"],
                    "positives": p,
                    "negatives": n,
                    "prevalence": p / (p + n),
                }
            )
        if self.macro is not None:
            rows.append(
                {
                    "curve": "macro",
                    "average": f"macro: mean of per-class {name}s",
                    name: self.macro["mean_of_areas"],
                }
            )
            rows.append(
                {
                    "curve": "macro curve",
                    "average": "macro: area under the averaged curve",
                    name: self.macro["area_of_curve"],
                }
            )
        frame = pd.DataFrame(rows).set_index("curve")
        return frame.astype({"positives": "Int64", "negatives": "Int64"})

    def _points_frame(self) -> pd.DataFrame:
        xname, yname = self._axis_names
        frames = []
        for name, (x, y, thr) in self.per_class.items():
            frames.append(
                pd.DataFrame(
                    {"curve": name, xname: x, yname: y, "threshold": thr},
                )
            )
        for label, data in (("micro", self.micro), ("macro", self.macro)):
            if data is not None:
                frames.append(
                    pd.DataFrame(
                        {
                            "curve": label,
                            xname: data["x"],
                            yname: data["y"],
                            "threshold": data.get("thresholds", np.nan),
                        }
                    )
                )
        return pd.concat(frames, ignore_index=True)

    # drawing helpers ------------------------------------------------------

    def _select(self, classes):
        if classes is None:
            return list(range(len(self.class_names)))
        chosen = []
        if isinstance(classes, (str, int, np.integer)):
            classes = [classes]
        for c in classes:
            if isinstance(c, str):
                if c not in self.class_names:
                    raise ValueError(
                        f"classes holds {c!r}, which is not a class name; the names "
                        f"are {self.class_names}"
                    )
                chosen.append(self.class_names.index(c))
            else:
                if not 0 <= int(c) < len(self.class_names):
                    raise ValueError(
                        f"classes holds index {c!r} but there are "
                        f"{len(self.class_names)} classes"
                    )
                chosen.append(int(c))
        return chosen

    def _highlighted(self, chosen, highlight):
        """Indices (within ``chosen``) drawn in colour; the rest go grey."""
        if highlight is None:
            return list(chosen)
        wanted = set(self._select(highlight))
        return [j for j in chosen if j in wanted]

    def _draw_classes(self, ax, chosen, coloured, xy, drawstyle="default"):
        """Class curves: ``coloured`` ones in their colour, the others grey.

        ``xy(name)`` gives the (x, y) to draw. The grey classes share one
        legend entry that gives the range of their areas.
        """
        metric = self._metric_name
        others = [j for j in chosen if j not in coloured]
        for j in others:
            name = self.class_names[j]
            x, y = xy(name)
            ax.plot(
                x,
                y,
                color=_OTHER_COLOR,
                linewidth=1.1,
                drawstyle=drawstyle,
                zorder=1.5,
                gid=f"class:{name}",
            )
        for j in coloured:
            name = self.class_names[j]
            x, y = xy(name)
            ax.plot(
                x,
                y,
                color=class_color(j),
                linewidth=2.0 if others else 1.6,
                drawstyle=drawstyle,
                zorder=2.5,
                label=f"{name} ({metric} {format_area(self.areas[name])})",
                gid=f"class:{name}",
            )
        if others:
            areas = self.areas.iloc[others]
            lo, hi = format_area(areas.min()), format_area(areas.max())
            span = lo if lo == hi else f"{lo} to {hi}"
            ax.plot(
                [],
                [],
                color=_OTHER_COLOR,
                linewidth=1.6,
                label=f"{len(others)} other classes ({metric} {span})",
                gid="others",
            )

    @staticmethod
    def _average_line(ax, x, y, label, gid, style, drawstyle="default"):
        from matplotlib import patheffects

        casing = [
            patheffects.Stroke(linewidth=style["linewidth"] + 2.4, foreground="white"),
            patheffects.Normal(),
        ]
        ax.plot(
            x,
            y,
            label=label,
            gid=gid,
            drawstyle=drawstyle,
            path_effects=casing,
            **style,
        )

    def _start(self, ax, legend):
        check_choice(legend, "legend", ("outside", "inside", None))
        created = ax is None
        fig, ax = new_axes(
            ax, figsize=(9.6, 5.6) if legend == "outside" else (6.4, 5.6)
        )
        if created:
            fig.set_layout_engine("constrained")
        elif legend == "outside" and fig.get_layout_engine() is None:
            # A legend outside the axes would run into a neighbouring axes of
            # the same figure (two plots side by side): let the figure make
            # room for it.
            fig.set_layout_engine("constrained")
        self.ax_, self.figure_ = ax, fig
        return ax

    def _draw_points(self, ax, chosen, xcol, ycol, zero_at=None):
        table = self.operating_points
        if table.empty:
            return []
        kinds = list(dict.fromkeys(table["point"]))
        handles = []
        for i, kind in enumerate(kinds):
            marker = _POINT_MARKERS[i % len(_POINT_MARKERS)]
            for j in chosen:
                row = table[
                    (table["point"] == kind) & (table["class"] == self.class_names[j])
                ]
                if row.empty or np.isnan(row[ycol].iloc[0]):
                    continue
                x = row[xcol].iloc[0]
                if zero_at is not None and x == 0:
                    x = zero_at  # FPR 0 on a log axis: drawn at the "0" tick
                ax.plot(
                    x,
                    row[ycol].iloc[0],
                    marker=marker,
                    markersize=8,
                    markerfacecolor=class_color(j),
                    markeredgecolor="black",
                    linestyle="none",
                    zorder=5,
                    clip_on=False,  # a point on the frame stays whole
                    gid=f"point:{kind}:{self.class_names[j]}",
                )
            (proxy,) = ax.plot(
                [],
                [],
                marker=marker,
                markersize=8,
                markerfacecolor="white",
                markeredgecolor="black",
                linestyle="none",
                label=kind,
            )
            handles.append(proxy)
        return handles

    def _finish(self, ax, legend):
        if legend == "outside":
            ax.legend(
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                borderaxespad=0.0,
                fontsize=_LEGEND_SIZE["outside"],
                frameon=False,
            )
        elif legend == "inside":
            ax.legend(loc="best", fontsize=_LEGEND_SIZE["inside"])


class RocCurves(_Curves):
    """One-vs-rest ROC curves of every class, with micro and macro averages.

    Build it with :func:`roc`. Attributes hold the numbers; :meth:`plot`
    draws them and :meth:`to_frame` tabulates them.

    Attributes
    ----------
    class_names : list of str
    per_class : dict name -> (fpr, tpr, thresholds)
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
    ax_, figure_ : matplotlib objects after :meth:`plot`.
    """

    _metric_name = "AUC"
    _axis_names = ("fpr", "tpr")

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
    ):
        """Draw the curves.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
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
            "outside" puts the legend to the right of the axes, readable with
            ten classes.
        title : str, optional
        highlight : list of names or indices, optional
            Draw only these classes in colour, with their own legend entry and
            operating points; the other classes are thin grey lines under one
            legend entry that gives the range of their areas. Useful with ten
            classes, where ten colours and a pile of points are hard to read.

        Returns
        -------
        self
        """
        check_choice(xscale, "xscale", ("linear", "log"))
        chosen = self._select(classes)
        ax = self._start(ax, legend)
        log = xscale == "log"
        # Smallest non-zero FPR any drawn curve can have: one negative of the
        # curve with the most negatives. On a log axis FPR 0 is drawn at ``zero_at``,
        # left of a break, under a tick labelled "0".
        most = int(self.n_neg.max())
        if micro and self.micro is not None:
            most = int(self.n_neg.sum())  # the pooled curve has every negative
        smallest = 1.0 / max(most, 1)
        zero_at = smallest / 5.0 if log else None

        def xs(fpr):
            fpr = np.asarray(fpr, dtype=float)
            return np.where(fpr == 0, zero_at, fpr) if log else fpr

        coloured = self._highlighted(chosen, highlight)
        self._draw_classes(
            ax,
            chosen,
            coloured,
            lambda name: (xs(self.per_class[name][0]), self.per_class[name][1]),
        )
        if micro and self.micro is not None:
            self._average_line(
                ax,
                xs(self.micro["x"]),
                self.micro["y"],
                f"micro average (AUC {format_area(self.micro['area'])})",
                "micro",
                _MICRO_STYLE,
            )
        if macro and self.macro is not None:
            mean = format_area(self.macro["mean_of_areas"])
            curve = format_area(self.macro["area_of_curve"])
            if mean == curve:
                label = f"macro average (AUC {mean})"
            else:
                label = (
                    f"macro average (mean of AUCs {mean},\n"
                    f"area of averaged curve {curve})"
                )
            self._average_line(
                ax, xs(self.macro["x"]), self.macro["y"], label, "macro", _MACRO_STYLE
            )
        if chance:
            line = np.geomspace(smallest, 1.0, 200) if log else np.array([0.0, 1.0])
            ax.plot(
                line,
                line,
                **_CHANCE_STYLE,
                zorder=1,
                label="chance: TPR = FPR (AUC 0.5)"
                + ("\n(curved: the x-axis is logarithmic)" if log else ""),
                gid="chance",
            )
        if operating_points:
            self._draw_points(ax, coloured, "fpr", "tpr", zero_at)
        if log:
            self._log_fpr_axis(ax, smallest, zero_at)
        else:
            ax.set_xlim(-0.01, 1.01)
        ax.set_ylim(-0.01, 1.01)
        if title is None:
            title = (
                "ROC curves, one class vs the rest"
                if self.kind != "binary"
                else "ROC curve"
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
                fontsize=14,
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


class PrCurves(_Curves):
    """One-vs-rest precision-recall curves, with micro and macro averages.

    Build it with :func:`pr`. Like :class:`RocCurves`, but ``per_class`` holds
    ``(recall, precision, thresholds)`` and ``areas`` are average precisions
    (:func:`evalviz.metrics.average_precision`).
    """

    _metric_name = "AP"
    _axis_names = ("recall", "precision")

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
    ):
        """Draw the curves.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        classes : list of names or indices, optional
            Draw only these classes (default: all).
        micro, macro : bool, default True
            Draw the averaged curves (multi-class and multi-label input).
        baseline : bool, default True
            Draw each class's prevalence: the precision of a model that ranks
            at random (one line when every class has the same prevalence).
        iso_f1 : bool or sequence of float, default False
            Draw lines of equal F1 (True: 0.2, 0.4, 0.6, 0.8).
        operating_points : bool, default True
            Mark the argmax decision and the thresholds given to :func:`pr`.
        legend : {"outside", "inside", None}, default "outside"
        title : str, optional
        highlight : list of names or indices, optional
            Draw only these classes in colour, with their own legend entry and
            operating points; the other classes are thin grey lines under one
            legend entry that gives the range of their areas. Useful with ten
            classes, where ten colours and a pile of points are hard to read.

        Returns
        -------
        self
        """
        chosen = self._select(classes)
        ax = self._start(ax, legend)
        if iso_f1 is not False:
            levels = (0.2, 0.4, 0.6, 0.8) if iso_f1 is True else tuple(iso_f1)
            for f in levels:
                r = np.linspace(f / (2 - f) + 1e-9, 1, 200)
                p = f * r / (2 * r - f)
                ax.plot(
                    r, p, color="#BBBBBB", linewidth=0.9, zorder=1, gid=f"iso_f1:{f:g}"
                )
                # label where the line meets the left end of the plot's
                # bottom-right region (recall 0.9), on a white box above the curves
                at = max(0.9, f / (2 - f) + 0.02)
                ax.annotate(
                    f"F1 = {f:g}",
                    xy=(at, f * at / (2 * at - f)),
                    ha="center",
                    va="center",
                    fontsize=10,
                    color="#555555",
                    zorder=6,
                    bbox={
                        "boxstyle": "round,pad=0.15",
                        "facecolor": "white",
                        "edgecolor": "#BBBBBB",
                        "alpha": 0.9,
                    },
                    gid=f"iso_f1_label:{f:g}",
                )
        if baseline:
            prev = self.prevalence[chosen]
            if np.allclose(prev, prev[0], rtol=0, atol=1e-9):
                ax.axhline(
                    prev[0],
                    **_CHANCE_STYLE,
                    label=f"chance: precision = prevalence ({prev[0]:.3g})",
                    gid="baseline",
                )
            else:
                for j in chosen:
                    ax.axhline(
                        self.prevalence[j],
                        color=class_color(j),
                        linestyle=":",
                        linewidth=1.2,
                        gid=f"baseline:{self.class_names[j]}",
                    )
                ax.plot(
                    [],
                    [],
                    color="#999999",
                    linestyle=":",
                    label="dotted: each class's prevalence (chance)",
                )
        coloured = self._highlighted(chosen, highlight)
        self._draw_classes(
            ax,
            chosen,
            coloured,
            lambda name: (self.per_class[name][0], self.per_class[name][1]),
            drawstyle="steps-post",
        )
        if micro and self.micro is not None:
            self._average_line(
                ax,
                self.micro["x"],
                self.micro["y"],
                f"micro average (AP {format_area(self.micro['area'])})",
                "micro",
                _MICRO_STYLE,
                drawstyle="steps-post",
            )
        if macro and self.macro is not None:
            self._average_line(
                ax,
                self.macro["x"],
                self.macro["y"],
                f"macro average (AP {format_area(self.macro['mean_of_areas'])})",
                "macro",
                _MACRO_STYLE,
                drawstyle="steps-pre",
            )
        if operating_points:
            self._draw_points(ax, coloured, "tpr", "precision")
        ax.set_xlim(-0.01, 1.01)
        ax.set_ylim(-0.01, 1.03)
        if title is None:
            title = (
                "Precision-recall curves, one class vs the rest"
                if self.kind != "binary"
                else "Precision-recall curve"
            )
        style_axes(
            ax, title=title, xlabel="recall (true positive rate)", ylabel="precision"
        )
        self._finish(ax, legend)
        return self


# ---------------------------------------------------------------- public API


def roc(y_true, y_score, *, labels=None, thresholds=None, argmax=True, macro_grid=None):
    """ROC curve of every class (one vs the rest) with micro and macro averages.

    Parameters
    ----------
    y_true : array-like
        Binary 0/1 labels of shape (n,), class indices of shape (n,) for
        multi-class input, or a 0/1 indicator matrix (n, k) for multi-label.
    y_score : array-like
        Scores of shape (n,) for binary input, else (n, k), one column per
        class (softmax or sigmoid outputs, or any score where higher means
        "more likely this class").
    labels : list of str, optional
        Class names in column order (for binary input, the positive class's
        name or ``[negative, positive]``).
    thresholds : float, list of float or dict, optional
        Thresholds to mark on every class's curve (``y_score[:, k] >=
        threshold`` counts as positive). A dict names them:
        ``{"90% precision": 0.0136, "0.5": 0.5}`` shows "90% precision" in
        the legend and in the ``point`` column of the operating points
        (plain numbers show as "score >= 0.0136"). Default: none for
        multi-class input (the argmax point is marked instead), 0.5 otherwise.
    argmax : bool, default True
        For multi-class input, mark each class's point at the argmax decision
        (predict the class with the highest score).
    macro_grid : int, optional
        Average the curves on this many evenly spaced false-positive rates
        instead of every rate that occurs (exact). scikit-learn's gallery
        uses 1000; then the area of the averaged curve differs slightly from
        the mean of the per-class AUCs.

    Returns
    -------
    RocCurves

    Notes
    -----
    One vs the rest: for class k, the positives are the samples whose true
    class is k and the negatives are all the others; with ten balanced classes
    that is 1 positive for every 9 negatives, so the false positive rate has
    nine times as many samples in its denominator as the recall. A sample is
    positive at threshold t when its score is ``>= t``.

    Two averages: **micro** pools every (sample, class) cell into one binary
    problem; **macro** gives each class equal weight. For macro, the number
    reported by :func:`evalviz.metrics.roc_auc` is the mean of the per-class
    AUCs; the drawn macro curve is the vertical average (mean TPR at each
    FPR). On the exact grid its area equals that mean, because an area is
    linear in the curve; ``macro_grid`` shows how a coarse grid shifts it.

    Examples
    --------
    >>> import evalviz as ev
    >>> curves = ev.roc(y_true, proba, labels=class_names)  # doctest: +SKIP
    >>> curves.plot(xscale="log")  # doctest: +SKIP
    >>> curves.to_frame()  # doctest: +SKIP
    """
    prep = _Prepared(y_true, y_score, labels)
    per_class = {}
    for j, name in enumerate(prep.names):
        fpr, tpr, thr = metrics.roc_curve(prep.Y[:, j], prep.S[:, j])
        per_class[name] = (np.asarray(fpr), np.asarray(tpr), np.asarray(thr))
    if prep.kind == "binary":
        areas = pd.Series([float(prep.area(metrics.roc_auc, None))], index=prep.names)
        micro = macro = None
    else:
        areas = pd.Series(
            np.asarray(prep.area(metrics.roc_auc, None), dtype=float), index=prep.names
        )
        fpr, tpr, thr = metrics.roc_curve(prep.Y.ravel(), prep.S.ravel())
        micro = {
            "x": np.asarray(fpr),
            "y": np.asarray(tpr),
            "thresholds": np.asarray(thr),
            "area": float(prep.area(metrics.roc_auc, "micro")),
        }
        x, y, area = _macro_roc_curve(
            [(c[0], c[1]) for c in per_class.values()], macro_grid
        )
        macro = {
            "x": x,
            "y": y,
            "area_of_curve": area,
            "mean_of_areas": float(prep.area(metrics.roc_auc, "macro")),
        }
    points = _operating_points(prep, thresholds, argmax)
    return RocCurves(prep, per_class, areas, micro, macro, points)


def pr(y_true, y_score, *, labels=None, thresholds=None, argmax=True):
    """Precision-recall curve of every class with micro and macro averages.

    Parameters
    ----------
    y_true, y_score, labels, thresholds, argmax
        As in :func:`roc`.

    Returns
    -------
    PrCurves

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
    it). The macro curve averages each class's step precision at every recall
    that occurs, so its area equals the macro AP (the mean of per-class APs).
    """
    prep = _Prepared(y_true, y_score, labels)
    per_class = {}
    for j, name in enumerate(prep.names):
        precision, recall, thr = metrics.precision_recall_curve(
            prep.Y[:, j], prep.S[:, j]
        )
        thr = np.append(np.asarray(thr, dtype=float), np.nan)  # last point: no cut
        per_class[name] = (np.asarray(recall), np.asarray(precision), thr)
    if prep.kind == "binary":
        areas = pd.Series(
            [float(prep.area(metrics.average_precision, None))], index=prep.names
        )
        micro = macro = None
    else:
        areas = pd.Series(
            np.asarray(prep.area(metrics.average_precision, None), dtype=float),
            index=prep.names,
        )
        precision, recall, thr = metrics.precision_recall_curve(
            prep.Y.ravel(), prep.S.ravel()
        )
        micro = {
            "x": np.asarray(recall),
            "y": np.asarray(precision),
            "thresholds": np.append(np.asarray(thr, dtype=float), np.nan),
            "area": float(prep.area(metrics.average_precision, "micro")),
        }
        x, y, area = _macro_pr_curve([(c[1], c[0]) for c in per_class.values()])
        macro = {
            "x": x,
            "y": y,
            "area_of_curve": area,
            "mean_of_areas": float(prep.area(metrics.average_precision, "macro")),
        }
    points = _operating_points(prep, thresholds, argmax)
    return PrCurves(prep, per_class, areas, micro, macro, points)
