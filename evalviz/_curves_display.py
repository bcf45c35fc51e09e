"""The drawing steps and tables shared by the one-vs-rest curve displays.

:class:`evalviz.curves.RocCurves` and :class:`evalviz.curves.PrCurves` store
every class's curve, the averages and the operating points; this module holds
what they share: the tables, the one-line repr, and the named drawing steps
(class curves in colour or grey, averages, operating points, legend).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import metrics
from ._format import format_area, plural
from ._plotting import CLASS_COLORS, NEUTRAL, STYLE, class_color, ink, new_axes, paper
from ._validation import check_choice

# The averages are drawn in the style's text colour (black, or white on a dark
# style), which no class has, as thick lines with dashes of their own and a
# casing of the background colour, so they never pass for a class's curve.
_MICRO_STYLE = {
    "linestyle": (0, (5, 1.5)),
    "linewidth": 3.0,
    "zorder": 4,
}
_MACRO_STYLE = {
    "linestyle": (0, (1, 1)),
    "linewidth": 3.4,
    "zorder": 4,
}
_CHANCE_STYLE = {"color": NEUTRAL, "linestyle": (0, (4, 3)), "linewidth": 1.2}
_OTHER_COLOR = "#CCCCCC"  # classes not highlighted
_POINT_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
# Averaged curves with more points than this are drawn through their corners.
_THIN_ABOVE = 20_000
_POINT_COLUMNS = ["class", "point", "threshold", "tp", "fp", "fn", "tn"]
_POINT_COLUMNS += ["tpr", "fpr", "precision"]


def _as_curves(values, name):
    """A list of 1-D float arrays from one array or a sequence of arrays."""
    if values is None:
        return None
    if isinstance(values, np.ndarray) and values.ndim == 1:
        return [values.astype(float)]
    out = [np.asarray(v, dtype=float) for v in values]
    if out and out[0].ndim == 0:  # a single curve given as a list of numbers
        return [np.asarray(values, dtype=float)]
    for v in out:
        if v.ndim != 1:
            raise ValueError(f"{name} must hold 1-D arrays, one per curve")
    return out


class _OneVsRestDisplay:
    """Storage, tables, repr and drawing steps shared by RocCurves and PrCurves."""

    _metric_name = ""
    _axis_names = ("x", "y")
    band = None  # a CurveBand when computed with confidence=

    def __init__(
        self,
        x,
        y,
        thresholds=None,
        *,
        areas=None,
        display_labels=None,
        micro=None,
        macro=None,
        operating_points=None,
        n_pos=None,
        n_neg=None,
        kind=None,
    ):
        xs, ys = _as_curves(x, self._axis_names[0]), _as_curves(y, self._axis_names[1])
        if len(xs) != len(ys):
            raise ValueError(
                f"{self._axis_names[0]} has {len(xs)} curves but "
                f"{self._axis_names[1]} has {len(ys)}; pass one array per curve in both"
            )
        ts = _as_curves(thresholds, "thresholds") or [
            np.full(v.size, np.nan) for v in xs
        ]
        n = len(xs)
        names = (
            [str(v) for v in display_labels]
            if display_labels is not None
            else [str(i) for i in range(n)]
        )
        if len(names) != n:
            raise ValueError(
                f"display_labels has {len(names)} names for {n} curves; pass one each"
            )
        self.kind = kind or ("binary" if n == 1 else "multiclass")
        self.class_names = names
        self.per_class = {
            name: (a, b, t) for name, a, b, t in zip(names, xs, ys, ts, strict=True)
        }
        if areas is None:
            areas = [np.nan] * n
        self.areas = pd.Series(np.asarray(areas, dtype=float).ravel(), index=names)
        self.n_pos = np.asarray(n_pos if n_pos is not None else [0] * n, dtype=np.int64)
        self.n_neg = np.asarray(n_neg if n_neg is not None else [0] * n, dtype=np.int64)
        self.micro = micro
        self.macro = macro
        if operating_points is None:
            operating_points = pd.DataFrame(columns=_POINT_COLUMNS)
        self.operating_points = operating_points
        self.ax_ = self.figure_ = None
        self.lines_ = {}

    # construction ---------------------------------------------------------

    @classmethod
    def _from_metrics(cls, curves, points):
        return cls(
            curves.x,
            curves.y,
            curves.thresholds,
            roc_auc=curves.areas,
            display_labels=curves.names,
            micro=curves.micro,
            macro=curves.macro,
            operating_points=points,
            n_pos=curves.n_pos,
            n_neg=curves.n_neg,
            kind=curves.kind,
        )

    # numbers --------------------------------------------------------------

    @property
    def prevalence(self) -> np.ndarray:
        """Share of positives of each class, shape (n_classes,)."""
        return self.n_pos / np.maximum(self.n_pos + self.n_neg, 1)

    def __repr__(self) -> str:
        metric, n = self._metric_name, len(self.class_names)
        if n == 1:
            name = self.class_names[0]
            text = (
                f"{type(self).__name__}({name!r}: {metric} "
                f"{format_area(self.areas.iloc[0])}"
            )
            if self.n_pos[0] + self.n_neg[0]:  # unknown for curves passed in
                text += (
                    f", {plural(self.n_pos[0], 'positive')}, "
                    f"{plural(self.n_neg[0], 'negative')}"
                )
            return text + ")"
        lo, hi = format_area(self.areas.min()), format_area(self.areas.max())
        text = f"{type(self).__name__}({plural(n, 'class', 'classes')}, {metric} "
        text += f"{lo} to {hi}"
        if self.macro is not None:
            text += f", macro {format_area(self.macro['mean_of_areas'])}"
        if self.micro is not None:
            text += f", micro {format_area(self.micro['area'])}"
        return text + ")"

    def to_frame(self, what="summary") -> pd.DataFrame:
        """The numbers behind the plot.

        Parameters
        ----------
        what : {"summary", "points", "operating_points", "band"}, default "summary"
            "summary": one row per class plus the micro and macro averages,
            with the area, positives, negatives and prevalence.
            "points": every point of every curve (long format).
            "operating_points": counts and rates at the argmax decision and
            the requested thresholds.
            "band": the confidence band at each grid value (computed with
            ``confidence=``).

        Returns
        -------
        pandas.DataFrame
            The table asked for.

        Raises
        ------
        ValueError
            For an unknown ``what``, or "band" without a band.
        """
        check_choice(what, "what", ("summary", "points", "operating_points", "band"))
        if what == "band":
            from ._curve_bands import band_of

            return band_of(self)
        if what == "operating_points":
            return self.operating_points.copy()
        if what == "points":
            return self._points_frame()
        return self._summary_frame()

    def _summary_frame(self) -> pd.DataFrame:
        name = self._metric_name
        rows = [
            {
                "curve": c,
                "average": "class",
                name: float(self.areas[c]),
                "positives": int(p),
                "negatives": int(n),
                "prevalence": p / (p + n) if p + n else np.nan,
            }
            for c, p, n in zip(self.class_names, self.n_pos, self.n_neg, strict=True)
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
        frames = [
            pd.DataFrame({"curve": name, xname: x, yname: y, "threshold": thr})
            for name, (x, y, thr) in self.per_class.items()
        ]
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

    # drawing steps --------------------------------------------------------

    def _select(self, classes):
        """Indices of the classes to draw, from names or indices."""
        if classes is None:
            return list(range(len(self.class_names)))
        if isinstance(classes, (str, int, np.integer)):
            classes = [classes]
        chosen = []
        for c in classes:
            if isinstance(c, str):
                if c not in self.class_names:
                    raise ValueError(
                        f"classes holds {c!r}, which is not a class name; the names "
                        f"are {self.class_names[:20]}"
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

    def _coloured(self, chosen, highlight):
        """Classes drawn in colour: ``highlight``, or at most ten by default.

        Past ``STYLE["max_coloured_curves"]`` classes the ones with the lowest
        area keep a colour (the classes worth a look) and the rest go grey.
        """
        if highlight is not None:
            wanted = set(self._select(highlight))
            return [j for j in chosen if j in wanted]
        most = STYLE["max_coloured_curves"]
        if len(chosen) <= most:
            return list(chosen)
        areas = self.areas.to_numpy()[chosen]
        lowest = np.argsort(areas, kind="stable")[:most]
        return sorted(chosen[i] for i in lowest)

    @staticmethod
    def _colours(coloured):
        """Class index -> colour; no colour repeats among the coloured classes."""
        if all(j < len(CLASS_COLORS) for j in coloured):
            return {j: class_color(j) for j in coloured}
        return {j: CLASS_COLORS[i % len(CLASS_COLORS)] for i, j in enumerate(coloured)}

    def _draw_classes(self, ax, chosen, coloured, xy, drawstyle="default"):
        """Class curves: ``coloured`` ones in their colour, the others grey.

        ``xy(j)`` gives the (x, y) to draw. The grey classes share one legend
        entry that gives their number and the range of their areas.
        """
        metric = self._metric_name
        colours = self._colours(coloured)
        others = [j for j in chosen if j not in colours]
        self._draw_grey(ax, others, xy, drawstyle)
        for j in coloured:
            name = self.class_names[j]
            x, y = xy(j)
            (line,) = ax.plot(
                x,
                y,
                color=colours[j],
                linewidth=2.0 if others else 1.6,
                drawstyle=drawstyle,
                marker="o" if len(x) == 1 else None,
                zorder=2.5,
                label=f"{name} ({metric} {format_area(self.areas[name])})",
                gid=f"class:{name}",
            )
            self.lines_[name] = line
        if others:
            areas = self.areas.iloc[others]
            lo, hi = format_area(areas.min()), format_area(areas.max())
            span = lo if lo == hi else f"{lo} to {hi}"
            what = plural(len(others), "other class", "other classes")
            ax.plot(
                [],
                [],
                color=_OTHER_COLOR,
                linewidth=1.6,
                label=f"{what}, grey ({metric} {span})",
                gid="others",
            )
        return colours

    def _draw_grey(self, ax, others, xy, drawstyle):
        """Grey curves: one line each, or one collection past a few dozen."""
        if len(others) <= 3 * STYLE["max_coloured_curves"]:
            for j in others:
                name = self.class_names[j]
                x, y = xy(j)
                (self.lines_[name],) = ax.plot(
                    x,
                    y,
                    color=_OTHER_COLOR,
                    linewidth=1.1,
                    drawstyle=drawstyle,
                    zorder=1.5,
                    gid=f"class:{name}",
                )
            return
        from matplotlib.collections import LineCollection

        segments = [np.column_stack(_corners(*xy(j), drawstyle)) for j in others]
        collection = LineCollection(
            segments, colors=_OTHER_COLOR, linewidths=0.8, zorder=1.5, gid="grey"
        )
        ax.add_collection(collection)
        self.lines_["grey"] = collection

    def _draw_average(self, ax, data, label, gid, style, drawstyle="default"):
        from matplotlib import patheffects

        if len(data[0]) > _THIN_ABOVE:  # same picture, a fraction of the vertices
            data, drawstyle = _corners(*data, drawstyle), "default"

        casing = [
            patheffects.Stroke(
                linewidth=style["linewidth"] + 2.4, foreground=paper(ax)
            ),
            patheffects.Normal(),
        ]
        (self.lines_[gid],) = ax.plot(
            *data,
            label=label,
            gid=gid,
            drawstyle=drawstyle,
            path_effects=casing,
            color=ink(),
            **style,
        )

    def _start(self, ax, legend):
        check_choice(legend, "legend", ("outside", "inside", None))
        created = ax is None
        size = STYLE[
            "curves_figsize" if legend == "outside" else "curves_figsize_inside"
        ]
        fig, ax = new_axes(ax, figsize=size)
        if created or (legend == "outside" and fig.get_layout_engine() is None):
            # A legend outside the axes would run into a neighbouring axes of
            # the same figure (two plots side by side): let the figure make
            # room for it.
            fig.set_layout_engine("constrained")
        self.ax_, self.figure_ = ax, fig
        self.lines_ = {}
        return ax

    def _draw_points(self, ax, colours, xcol, ycol, zero_at=None):
        table = self.operating_points
        if table.empty:
            return
        for i, kind in enumerate(dict.fromkeys(table["point"])):
            marker = _POINT_MARKERS[i % len(_POINT_MARKERS)]
            rows = table[table["point"] == kind].set_index("class")
            for j, colour in colours.items():
                name = self.class_names[j]
                if name not in rows.index or np.isnan(rows.loc[name, ycol]):
                    continue
                x = rows.loc[name, xcol]
                if zero_at is not None and x == 0:
                    x = zero_at  # FPR 0 on a log axis: drawn at the "0" tick
                ax.plot(
                    x,
                    rows.loc[name, ycol],
                    marker=marker,
                    markersize=STYLE["marker"],
                    markerfacecolor=colour,
                    markeredgecolor=ink(),
                    linestyle="none",
                    zorder=5,
                    clip_on=False,  # a point on the frame stays whole
                    gid=f"point:{kind}:{name}",
                )
            ax.plot(
                [],
                [],
                marker=marker,
                markersize=STYLE["marker"],
                markerfacecolor=paper(ax),
                markeredgecolor=ink(),
                linestyle="none",
                label=kind,
            )

    @staticmethod
    def _finish(ax, legend):
        if legend == "outside":
            ax.legend(
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                borderaxespad=0.0,
                fontsize=STYLE["legend_outside"],
                frameon=False,
            )
        elif legend == "inside":
            ax.legend(loc="best", fontsize=STYLE["legend_inside"])


def _corners(x, y, drawstyle="default"):
    """The vertices of a drawn curve without the points inside straight runs.

    A ROC curve of 5,000 samples has 5,000 points but, with few positives,
    a few dozen corners; drawing only the corners gives the same picture.
    """
    x, y = _inside_runs_dropped(np.asarray(x, float), np.asarray(y, float))
    x, y = _distinct_neighbours(*_steps(x, y, drawstyle))
    if x.size < 3:
        return x, y
    dx, dy = np.diff(x), np.diff(y)
    turn = dx[:-1] * dy[1:] - dy[:-1] * dx[1:] != 0
    back = dx[:-1] * dx[1:] + dy[:-1] * dy[1:] < 0
    keep = np.r_[True, turn | back, True]
    return x[keep], y[keep]


def _distinct_neighbours(x, y):
    """The points without immediate repeats (a repeat draws nothing)."""
    moved = np.r_[True, (np.diff(x) != 0) | (np.diff(y) != 0)]
    return x[moved], y[moved]


def _inside_runs_dropped(x, y):
    """Drop points inside a vertical or horizontal run (any drawstyle draws the same).

    A point whose neighbours share its x (or its y) and lie on either side of
    it adds no vertex to the drawn line, drawn straight or as steps.
    """
    x, y = _distinct_neighbours(x, y)
    if x.size < 3:
        return x, y
    a, b, c = slice(None, -2), slice(1, -1), slice(2, None)
    same_x = (x[a] == x[b]) & (x[b] == x[c])
    same_y = (y[a] == y[b]) & (y[b] == y[c])
    between_y = (y[b] - y[a]) * (y[c] - y[b]) > 0
    between_x = (x[b] - x[a]) * (x[c] - x[b]) > 0
    keep = np.r_[True, ~((same_x & between_y) | (same_y & between_x)), True]
    return x[keep], y[keep]


def _steps(x, y, drawstyle):
    """The vertices matplotlib draws for ``drawstyle`` (for a LineCollection)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if drawstyle == "default" or x.size < 2:
        return x, y
    xs, ys = np.repeat(x, 2)[1:], np.repeat(y, 2)[:-1]
    if drawstyle == "steps-pre":
        xs, ys = np.repeat(x, 2)[:-1], np.repeat(y, 2)[1:]
    return xs, ys


def _drawn_pr(recall, precision):
    """The points a PR curve's thresholds give: scikit-learn's last point dropped.

    ``precision_recall_curve`` ends with (recall 0, precision 1), which no
    threshold reaches; drawing it would add a segment up to precision 1.
    """
    if recall.size > 1 and recall[-1] == 0 and precision[-1] == 1:
        return recall[:-1], precision[:-1]
    return recall, precision


def _operating_points(computed, y_true, y_score, thresholds, argmax, labels, pos_label):
    """The operating points, named as the curves are."""
    import warnings

    with warnings.catch_warnings():
        # labels= read as names warned once already, in computing the curves
        warnings.simplefilter("ignore", DeprecationWarning)
        points = metrics.operating_points(
            y_true,
            y_score,
            thresholds=thresholds,
            argmax=argmax,
            labels=labels,
            display_labels=None if computed.kind == "binary" else computed.names,
            pos_label=pos_label,
        )
    if computed.kind == "binary":
        points["class"] = [computed.names[0]] * len(points)
    return points
