"""How the intervals of ``compare_models`` shrink with the test-set size.

``intervals_by_size`` compares the models on nested random samples of the test
set (10%, 25%, ... of it) and ``IntervalsBySize`` draws each model's interval
and the paired difference against the number of samples. Re-exported by
:mod:`evalviz.compare`, where it belongs to the user.
"""

from __future__ import annotations

import numpy as np

from ._format import format_count
from ._plotting import MAX_FIGURE_WIDTH, PALETTE, STYLE, style_axes
from .uncertainty import _rng

__all__ = ["IntervalsBySize", "intervals_by_size"]


class IntervalsBySize:
    """Intervals of the same models on nested random samples of the test set.

    Build it with :func:`intervals_by_size`.

    Parameters
    ----------
    table : pandas.DataFrame
        :meth:`ModelComparison.to_frame` of each sample, with the columns
        ``fraction`` and ``n_samples`` in front.
    confidence : float
        The level of every interval.

    Attributes
    ----------
    table : pandas.DataFrame
        The numbers (see :meth:`to_frame`).
    ax_ : ndarray of matplotlib Axes
        One panel per metric, set by :meth:`plot`.
    diff_ax_ : ndarray of matplotlib Axes or None
        The paired-difference panels under them, set by :meth:`plot`.
    figure_ : matplotlib Figure
        Set by :meth:`plot`.
    lines_ : dict
        ``"metric: model"`` -> the error bars drawn; ``"difference: metric:
        model"`` -> the paired difference's error bars.

    Examples
    --------
    >>> from evalviz.compare import intervals_by_size
    >>> y = [0, 1] * 50
    >>> s = [0.3, 0.6] * 25 + [0.6, 0.3] * 25
    >>> intervals_by_size(y, {"a": s, "b": s[::-1]}, fractions=[0.5, 1.0],
    ...                   metrics=["accuracy"])
    IntervalsBySize(2 sizes, 50 to 100 samples; accuracy interval of a 0.265 to 0.192 wide)
    """

    def __init__(self, table, *, confidence):
        self.table = table
        self.confidence = float(confidence)
        self.ax_ = self.figure_ = self.diff_ax_ = None
        self.lines_ = {}

    def __repr__(self) -> str:
        sizes = sorted(set(self.table["n_samples"]))
        first = self.table.iloc[0]
        rows = self.table[
            (self.table["metric"] == first["metric"])
            & (self.table["model"] == first["model"])
        ]
        widths = (rows["high"] - rows["low"]).to_numpy()
        return (
            f"IntervalsBySize({len(sizes)} sizes, {format_count(sizes[0])} to "
            f"{format_count(sizes[-1])} samples; {first['metric']} interval of "
            f"{first['model']} {widths[0]:.3f} to {widths[-1]:.3f} wide)"
        )

    def to_frame(self):
        """One row per (sample size, metric, model).

        Returns
        -------
        pandas.DataFrame
            ``fraction``, ``n_samples``, ``width`` (``high - low``) and the
            columns of :meth:`ModelComparison.to_frame`.
        """
        return self.table.copy()

    def plot(self, *, differences=True):
        """One panel per metric: each model's value and interval against the sample size.

        Parameters
        ----------
        differences : bool, default=True
            Add a second row of panels with each model's paired difference to
            the first model and its interval (the test the comparison rests
            on), a dashed line at 0. Ignored with a single model.

        Returns
        -------
        IntervalsBySize
            Self, with ``ax_`` (one Axes per metric), ``diff_ax_`` (the
            difference panels, or None), ``figure_`` and ``lines_``.
        """
        import matplotlib.pyplot as plt

        metrics_ = list(dict.fromkeys(self.table["metric"]))
        rows = 2 if differences and self.table["difference"].notna().any() else 1
        panel, height = STYLE["by_size_figsize"]
        width = min(MAX_FIGURE_WIDTH, panel * len(metrics_))
        fig, axes = plt.subplots(
            rows,
            len(metrics_),
            figsize=(width, height * (1 + 0.75 * (rows - 1)) + 0.5),
            layout="constrained",
            squeeze=False,
            sharex="col",
            height_ratios=[1.0, 0.75][:rows],
        )
        self.figure_, self.ax_, self.lines_ = fig, axes[0], {}
        self.diff_ax_ = axes[1] if rows == 2 else None
        for k, metric in enumerate(metrics_):
            self._draw_metric(axes[0][k], metric)
            if rows == 2:
                self._draw_difference(axes[1][k], metric)
                axes[0][k].set_xlabel("")
        # one legend under the panels (the first panel of each row has every entry)
        handles, labels = [], []
        for row in axes:
            h, lab = row[0].get_legend_handles_labels()
            handles += h
            labels += lab
        fig.legend(
            handles,
            labels,
            loc="outside lower center",
            ncol=3,
            frameon=False,
            fontsize=STYLE["legend_outside"],
        )
        return self

    def _draw_difference(self, ax, metric):
        """Each model's paired difference to the first model, against the size."""
        rows = self.table[
            (self.table["metric"] == metric) & self.table["difference"].notna()
        ]
        models = list(dict.fromkeys(self.table["model"]))
        for model in dict.fromkeys(rows["model"]):
            part = rows[rows["model"] == model]
            i = models.index(model)
            shift = 1.0 + 0.06 * (i - (len(models) - 1) / 2)  # as in the panel above
            bar = ax.errorbar(
                part["n_samples"] * shift,
                part["difference"],
                yerr=[
                    part["difference"] - part["difference_low"],
                    part["difference_high"] - part["difference"],
                ],
                fmt="s",
                capsize=4,
                linewidth=2,
                color=PALETTE[i % len(PALETTE)],
                label=f"{model} - {models[0]}, paired",
                gid=f"size-difference:{metric}:{model}",
            )
            self.lines_[f"difference: {metric}: {model}"] = bar
        self.lines_[f"zero: {metric}"] = ax.axhline(
            0.0, color="#888888", linestyle=(0, (4, 3)), linewidth=1.2, zorder=1
        )
        sizes = sorted(set(rows["n_samples"]))
        ax.set_xticks(sizes, [format_count(n) for n in sizes])
        ax.minorticks_off()
        style_axes(
            ax,
            title=f"paired difference, {self.confidence:.0%} intervals",
            xlabel="test samples (nested, log scale)",
            ylabel=f"difference in {metric}",
        )

    def _draw_metric(self, ax, metric):
        rows = self.table[self.table["metric"] == metric]
        models = list(dict.fromkeys(rows["model"]))
        for i, model in enumerate(models):
            part = rows[rows["model"] == model]
            shift = 1.0 + 0.06 * (i - (len(models) - 1) / 2)  # side by side
            bar = ax.errorbar(
                part["n_samples"] * shift,
                part["value"],
                yerr=[part["value"] - part["low"], part["high"] - part["value"]],
                fmt="o",
                capsize=4,
                linewidth=2,
                color=PALETTE[i % len(PALETTE)],
                label=model,
                gid=f"size:{metric}:{model}",
            )
            self.lines_[f"{metric}: {model}"] = bar
        ax.set_xscale("log")
        sizes = sorted(set(rows["n_samples"]))
        ax.set_xticks(sizes, [format_count(n) for n in sizes])
        ax.minorticks_off()
        style_axes(
            ax,
            title=f"{metric}, {self.confidence:.0%} intervals",
            xlabel="test samples (nested, log scale)",
            ylabel=metric,
        )


def intervals_by_size(
    y_true,
    models,
    *,
    fractions=(0.1, 0.25, 0.5, 1.0),
    metrics=("accuracy", "roc_auc"),
    confidence=0.95,
    seed=0,
    **kwargs,
):
    """How the intervals of :func:`compare_models` shrink with the test-set size.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True labels.
    models : dict of str -> array-like
        Each model's scores, as in :func:`compare_models`.
    fractions : sequence of float in (0, 1], default (0.1, 0.25, 0.5, 1.0)
        The shares of the test set to use.
    metrics : sequence of str, default ("accuracy", "roc_auc")
        As in :func:`compare_models`.
    confidence : float, default 0.95
        Level of every interval.
    seed : int, default 0
        Seed of the random order the samples are drawn in.
    **kwargs
        Passed to :func:`compare_models` (``threshold``, ``labels`` ...).

    Returns
    -------
    IntervalsBySize
        ``.to_frame()`` and ``.plot()``.

    Raises
    ------
    ValueError
        For a fraction outside (0, 1] or listed twice, a fraction too small
        for the metrics, or what :func:`compare_models` refuses.

    Notes
    -----
    The samples are nested: one random permutation of the test set (seeded),
    and each fraction takes its first ``round(fraction * n)`` samples, so a
    larger sample contains every smaller one. An interval's width falls
    roughly as ``1 / sqrt(n)``: four times the samples, half the width.

    Examples
    --------
    >>> from evalviz.compare import intervals_by_size
    >>> y = [0, 1] * 50
    >>> s = [0.3, 0.6] * 25 + [0.6, 0.3] * 25
    >>> t = intervals_by_size(y, {"a": s, "b": s[::-1]}, fractions=[0.5, 1.0],
    ...                       metrics=["accuracy"]).to_frame()
    >>> t["n_samples"].tolist()
    [50, 50, 100, 100]
    """
    import pandas as pd

    fractions = [float(f) for f in fractions]
    bad = [f for f in fractions if not 0.0 < f <= 1.0]
    if bad:
        raise ValueError(
            f"fractions must lie in (0, 1], got {bad}; e.g. fractions=(0.1, 0.5, 1.0)"
        )
    twice = sorted({f for f in fractions if fractions.count(f) > 1})
    if twice:
        raise ValueError(
            f"fractions lists {twice} more than once (got {fractions}); give each "
            "fraction once, e.g. fractions=(0.1, 0.5, 1.0)"
        )
    from .compare import compare_models as _compare_models  # imports this module

    y = np.asarray(y_true)
    scores = {str(k): np.asarray(v) for k, v in models.items()}
    order = _rng(seed).permutation(len(y))
    frames = []
    for f in fractions:
        take = order[: max(2, int(round(f * len(y))))]
        try:
            part = _compare_models(
                y[take],
                {k: v[take] for k, v in scores.items()},
                metrics=metrics,
                confidence=confidence,
                seed=seed,
                **kwargs,
            ).to_frame()
        except ValueError as err:
            raise ValueError(
                f"fraction {f} ({take.size} of {len(y)} samples) is too small or "
                f"unlucky for these metrics: {err}; use a larger fraction"
            ) from err
        part.insert(0, "n_samples", take.size)
        part.insert(0, "fraction", f)
        frames.append(part)
    table = pd.concat(frames, ignore_index=True)
    table.insert(7, "width", table["high"] - table["low"])
    return IntervalsBySize(table, confidence=confidence)
