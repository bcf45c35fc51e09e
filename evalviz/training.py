"""Training runs side by side: loss and validation accuracy per epoch.

:func:`compare_runs` takes a few training runs (for example the baseline
trained on scaled and on raw pixels, as
:func:`evalviz.models.baseline_predictions` returns them) and lines up their
per-epoch numbers; ``.plot(ax=None)`` draws them and ``.to_frame()`` gives the
table.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _plotting as P
from ._format import format_number, plural

__all__ = ["TrainingRunsDisplay", "compare_runs"]


def _curve(run, name: str, attr: str) -> np.ndarray | None:
    value = run.get(attr) if isinstance(run, Mapping) else getattr(run, attr, None)
    if value is None:
        return None
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(
            f"runs[{name!r}].{attr} must be a non-empty 1-D sequence (one value per "
            f"epoch), got shape {arr.shape}"
        )
    return arr


def _test_accuracy(run) -> float:
    value = (
        run.get("test_accuracy")
        if isinstance(run, Mapping)
        else getattr(run, "test_accuracy", None)
    )
    return float(value) if value is not None else float("nan")


class TrainingRunsDisplay:
    """Per-epoch training loss and validation accuracy of several runs.

    Parameters
    ----------
    epochs : pandas.DataFrame
        Index ``epoch`` (1, 2, ...); columns ``loss, <run>`` and, where the
        runs have them, ``val. accuracy, <run>``.
    test_accuracy : pandas.Series
        Final test accuracy of each run (NaN when unknown).
    names : sequence of str
        The runs, in order.

    Attributes
    ----------
    ax_ : numpy.ndarray of Axes, set by :meth:`plot`.
    figure_ : matplotlib Figure, set by :meth:`plot`.
    lines_ : list of Line2D, set by :meth:`plot` (loss lines, then accuracy).

    Notes
    -----
    The loss is whatever the training loop recorded per epoch (for
    scikit-learn's ``MLPClassifier``: the mean cross-entropy over the epoch's
    mini-batches plus the L2 penalty), so it compares runs of the same loop,
    not runs of different libraries.

    Examples
    --------
    >>> from evalviz.training import compare_runs
    >>> compare_runs({"a": {"loss_curve": [0.9, 0.5]}, "b": {"loss_curve": [2, 1]}})
    TrainingRunsDisplay(2 runs, 2 epochs, last-epoch loss a 0.5, b 1)
    """

    def __init__(self, epochs, test_accuracy, names):
        self.epochs = epochs
        self.test_accuracy = test_accuracy
        self.names = list(names)

    @classmethod
    def from_runs(cls, runs, *, ax=None, **kwargs):
        """Line up the runs' numbers and draw them.

        Parameters
        ----------
        runs : mapping {name: run}
            As :func:`compare_runs` takes.
        ax : Axes or array of Axes, optional
            Where to draw; a new figure when None.
        **kwargs
            Passed to :meth:`plot`.

        Returns
        -------
        TrainingRunsDisplay
            Drawn.
        """
        return compare_runs(runs).plot(ax=ax, **kwargs)

    def __repr__(self) -> str:
        last = ", ".join(
            f"{name} {format_number(self.epochs[f'loss, {name}'].iloc[-1])}"
            for name in self.names
        )
        return (
            f"TrainingRunsDisplay({plural(len(self.names), 'run')}, "
            f"{plural(len(self.epochs), 'epoch')}, last-epoch loss {last})"
        )

    def to_frame(self) -> pd.DataFrame:
        """The per-epoch numbers.

        Returns
        -------
        pandas.DataFrame
            A copy of :attr:`epochs`.
        """
        return self.epochs.copy()

    def summary(self) -> pd.DataFrame:
        """One row per run: first- and last-epoch loss, final accuracies.

        Returns
        -------
        pandas.DataFrame
            Index ``run``; columns ``first-epoch loss``, ``last-epoch loss``,
            ``final val. accuracy`` (where known) and ``test accuracy``.
        """
        rows = {}
        for name in self.names:
            loss = self.epochs[f"loss, {name}"]
            row = {"first-epoch loss": loss.iloc[0], "last-epoch loss": loss.iloc[-1]}
            key = f"val. accuracy, {name}"
            if key in self.epochs.columns:
                row["final val. accuracy"] = self.epochs[key].iloc[-1]
            row["test accuracy"] = self.test_accuracy[name]
            rows[name] = row
        frame = pd.DataFrame.from_dict(rows, orient="index")
        frame.index.name = "run"
        return frame

    @property
    def _has_accuracy(self) -> bool:
        return any(c.startswith("val. accuracy") for c in self.epochs.columns)

    def plot(self, ax=None, *, logy=True, title="Training runs compared"):
        """Loss per epoch (left, log scale by default) and validation accuracy (right).

        Parameters
        ----------
        ax : Axes or array of Axes, optional
            One or two axes; a new figure (constrained layout) when None.
        logy : bool, default=True
            Log scale for the loss.
        title : str, default="Training runs compared"
            The figure title (empty for none).

        Returns
        -------
        TrainingRunsDisplay
            Self, with ``ax_``, ``figure_`` and ``lines_`` set.
        """
        has_acc = self._has_accuracy
        if ax is None:
            fig, axes = P.new_grid(
                1,
                2 if has_acc else 1,
                figsize=P.STYLE[
                    "training_figsize" if has_acc else "training_loss_figsize"
                ],
                layout="constrained",
            )
            axes = axes[0]
        else:
            axes = np.atleast_1d(np.asarray(ax, dtype=object)).ravel()
            fig = axes[0].figure
        self.lines_ = self._draw_lines(axes, has_acc)
        self._style(axes, has_acc, logy)
        if title:
            fig.suptitle(title, fontsize=P.STYLE["title"])
        self.ax_, self.figure_ = axes, fig
        return self

    def _draw_lines(self, axes, has_acc):
        x = self.epochs.index.to_numpy()
        lines = []
        for i, name in enumerate(self.names):
            style = dict(color=P.PALETTE[i % len(P.PALETTE)], marker="o", linewidth=2)
            lines += axes[0].plot(x, self.epochs[f"loss, {name}"], label=name, **style)
        for i, name in enumerate(self.names):
            style = dict(color=P.PALETTE[i % len(P.PALETTE)], marker="o", linewidth=2)
            key = f"val. accuracy, {name}"
            if has_acc and len(axes) > 1 and key in self.epochs.columns:
                lines += axes[1].plot(x, self.epochs[key], label=name, **style)
        return lines

    def _style(self, axes, has_acc, logy):
        if logy:
            from matplotlib.ticker import FuncFormatter

            axes[0].set_yscale("log")
            plain = FuncFormatter(lambda v, _pos: format_number(v))
            axes[0].yaxis.set_major_formatter(plain)
            axes[0].yaxis.set_minor_formatter(plain)
        P.style_axes(
            axes[0],
            title="Training loss per epoch" + (" (log scale)" if logy else ""),
            xlabel="epoch",
            ylabel="mean training loss",
        )
        axes[0].legend(fontsize=P.STYLE["tick"] + 1)
        if has_acc and len(axes) > 1:
            P.style_axes(
                axes[1],
                title="Validation accuracy after each epoch",
                xlabel="epoch",
                ylabel="validation accuracy",
            )
            axes[1].legend(fontsize=P.STYLE["tick"] + 1)
        for a in axes:
            a.grid(True, alpha=0.3)


def compare_runs(runs) -> TrainingRunsDisplay:
    """Line up the per-epoch numbers of several training runs.

    Parameters
    ----------
    runs : mapping {name: run}
        Each run an object with ``loss_curve`` and optionally
        ``val_accuracy_curve`` and ``test_accuracy`` attributes (as
        :func:`evalviz.models.baseline_predictions` returns), or a dict with
        those keys. All runs must have the same number of epochs.

    Returns
    -------
    TrainingRunsDisplay
        Not drawn yet: ``.plot()`` draws, ``.to_frame()`` gives the table.

    Raises
    ------
    ValueError
        If ``runs`` is empty, a run has no loss curve, or the runs have
        different numbers of epochs.

    Examples
    --------
    >>> from evalviz.training import compare_runs
    >>> runs = compare_runs(
    ...     {"scaled": {"loss_curve": [0.6, 0.4]}, "raw": {"loss_curve": [3.1, 0.9]}}
    ... )
    >>> runs.summary()["last-epoch loss"].tolist()
    [0.4, 0.9]
    """
    if not isinstance(runs, Mapping) or not runs:
        raise ValueError(
            "runs must be a non-empty mapping {name: run}, e.g. "
            "compare_runs({'scaled': preds, 'raw': raw})"
        )
    losses, accs, tests = {}, {}, {}
    for name, run in runs.items():
        name = str(name)
        loss = _curve(run, name, "loss_curve")
        if loss is None:
            raise ValueError(
                f"runs[{name!r}] has no loss_curve; pass the object returned by "
                "baseline_predictions() or a dict with a 'loss_curve' list"
            )
        losses[name] = loss
        acc = _curve(run, name, "val_accuracy_curve")
        if acc is not None:
            if acc.size != loss.size:
                raise ValueError(
                    f"runs[{name!r}] has {loss.size} losses but {acc.size} validation "
                    "accuracies; both need one value per epoch"
                )
            accs[name] = acc
        tests[name] = _test_accuracy(run)
    sizes = {name: v.size for name, v in losses.items()}
    if len(set(sizes.values())) != 1:
        raise ValueError(
            f"the runs have different numbers of epochs: {sizes}; compare runs of "
            "the same length"
        )
    n = next(iter(sizes.values()))
    columns = {f"loss, {name}": v for name, v in losses.items()}
    columns.update({f"val. accuracy, {name}": v for name, v in accs.items()})
    epochs = pd.DataFrame(columns, index=pd.RangeIndex(1, n + 1, name="epoch"))
    return TrainingRunsDisplay(epochs, pd.Series(tests, dtype=float), list(losses))
