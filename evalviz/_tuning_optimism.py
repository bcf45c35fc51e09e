"""The optimism of tuning a threshold: :class:`TuningOptimism`, :func:`tuning_optimism`.

Imported by :mod:`evalviz.threshold`, the public home of both names.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _plotting as P
from . import metrics
from ._format import format_rate, format_threshold, plural
from ._threshold_parts import _new_figure


class TuningOptimism:
    """How much better a threshold looks on the data it was tuned on.

    Build it with :func:`tuning_optimism` (computes) or
    :meth:`from_predictions` (computes and draws). The data is split at
    random into halves A and B many times; each time the threshold is chosen
    on A for the target, then measured on A (the number you would report if
    you tuned on the reported data) and on B (new data, never used for the
    choice).

    Parameters
    ----------
    runs : pandas.DataFrame
        As :func:`evalviz.metrics.tuning_optimism_runs` returns it.
    metric : {"precision", "recall"}
        The target metric.
    target : float
        The target value.
    split : str, optional
        Name of the data, for the plot title.

    Attributes
    ----------
    runs : pandas.DataFrame
        One row per repeat: ``threshold`` (chosen on A), ``precision on A``,
        ``precision on B``, ``recall on A``, ``recall on B`` and
        ``optimism`` (the target metric on A minus on B).
    metric : {"precision", "recall"}
        The target metric.
    target : float
        The target value.
    split : str or None
        Name of the data.
    ax_, figure_ : matplotlib Axes and Figure
        Set by :meth:`plot`.

    Notes
    -----
    On A the target is met by construction (the threshold was picked as the
    lowest that meets it), so A's number says nothing about new data. B's
    number is an honest estimate, and the difference between the two is the
    optimism of tuning and reporting on the same data. Halves are stratified:
    each holds half of the positives and half of the negatives.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.threshold import tuning_optimism
    >>> tuning_optimism([0, 1] * 20, np.linspace(0, 1, 40), recall=0.5,
    ...                 n_repeats=3)
    TuningOptimism(recall 0.5 on A: mean 0.600 on A, 0.433 on B, 3 repeats)
    """

    def __init__(self, runs, *, metric, target, split=None):
        self.runs = runs
        self.metric = metric
        self.target = float(target)
        self.split = split
        self.ax_ = self.figure_ = None

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_score,
        *,
        precision=None,
        recall=None,
        n_repeats=200,
        seed=0,
        pos_label=None,
        split=None,
        ax=None,
        **kwargs,
    ):
        """Resample, and draw the target metric on A and on B.

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            Binary labels.
        y_score : array-like of shape (n_samples,) or (n_samples, 2)
            Score of the positive class.
        precision, recall : float in (0, 1], optional
            The target, exactly one of them.
        n_repeats : int, default 200
            Number of random splits into halves A and B.
        seed : int, default 0
            Seed of the random generator.
        pos_label : object, optional
            The positive class, as in :func:`threshold_curve`.
        split : str, optional
            Name of the data, for the plot title.
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        TuningOptimism
            Drawn.

        Raises
        ------
        ValueError
            As :func:`tuning_optimism`.
        """
        result = tuning_optimism(
            y_true,
            y_score,
            precision=precision,
            recall=recall,
            n_repeats=n_repeats,
            seed=seed,
            pos_label=pos_label,
            split=split,
        )
        return result.plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        m = self.metric
        ok = self.runs.dropna()
        if ok.empty:
            return (
                f"TuningOptimism({m} {format_threshold(self.target)}: never reached "
                f"on A in {plural(len(self.runs), 'repeat')})"
            )
        return (
            f"TuningOptimism({m} {format_threshold(self.target)} on A: mean "
            f"{format_rate(ok[f'{m} on A'].mean())} on A, "
            f"{format_rate(ok[f'{m} on B'].mean())} on B, "
            f"{plural(len(ok), 'repeat')})"
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per repeat (see ``runs``).

        Returns
        -------
        pandas.DataFrame
            A copy of ``runs``.
        """
        return self.runs.copy()

    def summary(self) -> pd.DataFrame:
        """Mean of each half's metric, the mean optimism, and how often B misses.

        Returns
        -------
        pandas.DataFrame
            One row per quantity, one column ``value``.
        """
        m = self.metric
        ok = self.runs.dropna()
        a, b = ok[f"{m} on A"], ok[f"{m} on B"]
        target = format_threshold(self.target)
        values = {
            "repeats": len(ok),
            f"mean {m} on A (chosen there)": a.mean(),
            f"mean {m} on B (new data)": b.mean(),
            "mean optimism (A - B)": ok["optimism"].mean(),
            f"share of repeats with A below {target}": float(
                np.mean(a < self.target - 1e-12)
            ),
            f"share of repeats with B below {target}": float(
                np.mean(b < self.target - 1e-12)
            ),
        }
        return pd.DataFrame(
            {"value": [float(v) for v in values.values()]},
            index=pd.Index(list(values), name="over random halves"),
        )

    def plot(self, ax=None, *, bins=40, title=None):
        """Histograms of the metric on A and on B over all repeats, target marked.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (with a layout engine) when None.
        bins : int, default 40
            Number of bins.
        title : str, optional
            The axes title.

        Returns
        -------
        TuningOptimism
            Self, with ``ax_`` and ``figure_``.
        """
        fig, ax = _new_figure(ax, P.STYLE["optimism_figsize"])
        m = self.metric
        ok = self.runs.dropna()
        a, b = ok[f"{m} on A"].to_numpy(), ok[f"{m} on B"].to_numpy()
        lo = float(min(a.min(), b.min(), self.target))
        hi = float(max(a.max(), b.max(), self.target))
        pad = max(hi - lo, 1e-3) * 0.05
        edges = np.linspace(lo - pad, min(hi + pad, 1.0 + 1e-9), int(bins) + 1)
        for values, label, colour, style in (
            (
                a,
                f"on A, where it was chosen (mean {format_rate(a.mean(), 4)})",
                P.PALETTE[1],
                "-",
            ),
            (
                b,
                f"on B, new data (mean {format_rate(b.mean(), 4)})",
                P.PALETTE[0],
                "--",
            ),
        ):
            counts, _ = np.histogram(values, bins=edges)
            ax.stairs(
                counts, edges, color=colour, linewidth=2.4, linestyle=style, label=label
            )
        self._draw_target(ax)
        if title is None:
            where = f" of the {self.split} split" if self.split else ""
            target = format_threshold(self.target)
            title = (
                f"Threshold chosen on half A for {target} {m}:\n"
                f"{m} on A and on B over {plural(len(ok), 'random half', 'random halves')}"
                f"{where}"
            )
        P.style_axes(ax, title=title, xlabel=m, ylabel="number of repeats")
        ax.set_title(ax.get_title(), fontsize=P.STYLE["title"], pad=22)
        ax.grid(True, alpha=0.3)
        ax.legend(
            loc="upper left",
            fontsize=P.STYLE["legend_outside"],
            framealpha=0.95,
            title="measured",
            title_fontsize=P.STYLE["legend_outside"],
        )
        self.ax_, self.figure_ = ax, fig
        return self

    def _draw_target(self, ax):
        ax.axvline(self.target, color=P.ink(), linestyle=":", linewidth=1.6)
        ax.annotate(
            f"target {format_threshold(self.target)}",
            xy=(self.target, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=P.STYLE["legend_outside"],
        )


def tuning_optimism(
    y_true,
    y_score,
    *,
    precision=None,
    recall=None,
    n_repeats=200,
    seed=0,
    pos_label=None,
    split=None,
) -> TuningOptimism:
    """Measure the optimism of choosing a threshold on the data you report on.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels, e.g. of the test split.
    y_score : array-like of shape (n_samples,) or (n_samples, 2)
        The positive class's scores.
    precision, recall : float in (0, 1], optional
        The target, exactly one of them, as :func:`pick_threshold`.
    n_repeats : int, default 200
        Number of random splits into halves A and B.
    seed : int, default 0
        Seed of the random generator.
    pos_label : object, optional
        The positive class, as :func:`threshold_curve`.
    split : str, optional
        Name of the data, for the plot title ("test").

    Returns
    -------
    TuningOptimism
        Computed, not drawn: call ``.plot()``.

    Raises
    ------
    ValueError
        Unless exactly one target is given, for a bad ``n_repeats``, or with
        fewer than two positives.

    Notes
    -----
    Each repeat: shuffle the positives and the negatives, give half of each
    to A and the rest to B, ``t = pick_threshold(A, target)``, then count
    precision and recall at ``t`` on A and on B (``y_score >= t`` is
    positive). A repeat where A cannot reach the target gives a row of NaN.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.threshold import tuning_optimism
    >>> result = tuning_optimism([0, 1] * 20, np.linspace(0, 1, 40), recall=0.5,
    ...                          n_repeats=3)
    >>> result.runs.shape
    (3, 6)
    """
    runs = metrics.tuning_optimism_runs(
        y_true,
        y_score,
        precision=precision,
        recall=recall,
        n_repeats=n_repeats,
        seed=seed,
        pos_label=pos_label,
    )
    metric = "precision" if precision is not None else "recall"
    target = precision if precision is not None else recall
    return TuningOptimism(runs, metric=metric, target=target, split=split)
