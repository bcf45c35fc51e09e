"""Is model B really better? Several models on the same test set, with intervals.

``compare_models(y_true, {"baseline": y_score_a, "mlp": y_score_b})`` gives,
for each metric, every model's value with its confidence interval, each
model's difference to the first one with the difference's interval, the
p-value and the test used: DeLong's paired test for ROC AUC, McNemar's exact
test for accuracy, a paired bootstrap for any other metric. ``.plot()`` draws
a forest plot of the differences. ``report_intervals`` gives per-class
precision and recall with Wilson intervals, the companion table of a
classification report.

The numbers come from :mod:`evalviz.uncertainty`; this module arranges and
draws them.
"""

from __future__ import annotations

import numpy as np

from . import metrics, uncertainty
from ._format import format_count
from ._plotting import STYLE, style_axes
from ._validation import read_inputs
from .uncertainty import _cut

__all__ = [
    "compare_models",
    "ModelComparison",
    "intervals_by_size",
    "IntervalsBySize",
    "report_intervals",
]

_TESTS = {
    "accuracy": "McNemar exact",
    "roc_auc": "DeLong paired",
}
_NAMES = {"accuracy": "accuracy", "roc_auc": "ROC AUC"}
_COLUMNS = [
    "metric",
    "model",
    "value",
    "low",
    "high",
    "difference",
    "difference_low",
    "difference_high",
    "p_value",
    "test",
    "beyond_noise",
]


def _p_text(p: float) -> str:
    if not np.isfinite(p):
        return "p n/a"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


class ModelComparison:
    """Several models' metrics on the same samples, with intervals and tests.

    Build it with :func:`compare_models`.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per (metric, model), columns as :meth:`to_frame` lists.
    confidence : float
        The level of every interval.
    n_samples : int
        Samples every model was scored on.

    Attributes
    ----------
    table : pandas.DataFrame
        The numbers (see :meth:`to_frame`).
    models : list of str
        Model names, the first being the reference of every difference.
    ax_, figure_ : matplotlib Axes and Figure
        Set by :meth:`plot`.
    lines_ : dict
        ``"metric: model"`` -> the error bar drawn; ``"zero"`` -> the line at 0.

    Examples
    --------
    >>> import evalviz as ev
    >>> y = [0, 0, 1, 1, 0, 1, 0, 1]
    >>> ev.compare_models(y, {"a": [.1, .4, .35, .8, .2, .7, .3, .9],
    ...                       "b": [.2, .3, .6, .7, .1, .4, .5, .8]})
    ModelComparison(b vs a on 8 samples: accuracy -0.125 (p = 1.000), ROC AUC +0.000 (p = 1.000); no difference beyond the noise at 95%)
    """

    def __init__(self, table, *, confidence, n_samples):
        self.table = table
        self.confidence = float(confidence)
        self.n_samples = int(n_samples)
        self.models = list(dict.fromkeys(table["model"]))
        self.ax_ = self.figure_ = None
        self.lines_ = {}

    def __repr__(self) -> str:
        diffs = self.table.dropna(subset=["difference"])
        parts = []
        several = len(self.models) > 2
        for (metric, model), row in diffs.set_index(["metric", "model"]).iterrows():
            who = f" {model}" if several else ""
            parts.append(
                f"{metric}{who} {row['difference']:+.3f} ({_p_text(row['p_value'])})"
            )
        beyond = diffs[diffs["beyond_noise"].astype(bool)]
        verdict = (
            f"{len(beyond)} of {len(diffs)} differences beyond the noise"
            if len(beyond)
            else "no difference beyond the noise"
        )
        others = ", ".join(self.models[1:])
        return (
            f"ModelComparison({others} vs {self.models[0]} on "
            f"{format_count(self.n_samples)} samples: {', '.join(parts)}; "
            f"{verdict} at {self.confidence:.0%})"
        )

    def to_frame(self):
        """The table: each metric and model with its interval, difference and test.

        Returns
        -------
        pandas.DataFrame
            Columns ``metric``, ``model``, ``value``, ``low``, ``high`` (the
            model's interval), ``difference`` (model - first model),
            ``difference_low``, ``difference_high``, ``p_value``, ``test``
            and ``beyond_noise`` (True when the difference's interval
            excludes 0; NaN for the first model).
        """
        return self.table.copy()

    def plot(self, ax=None):
        """Forest plot: each model's difference to the first, with its interval.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure (with a layout engine) when None.

        Returns
        -------
        ModelComparison
            Self, with ``ax_``, ``figure_`` and ``lines_``.
        """
        rows = self.table.dropna(subset=["difference"]).reset_index(drop=True)
        created = ax is None
        if created:
            import matplotlib.pyplot as plt

            width, frame, per_row = STYLE["forest_figsize"]
            size = (width, frame + per_row * max(len(rows), 1))
            fig, ax = plt.subplots(figsize=size, layout="constrained")
        self.ax_, self.figure_, self.lines_ = ax, ax.figure, {}
        self._draw_rows(ax, rows)
        self.lines_["zero"] = ax.axvline(
            0.0, color="#888888", linestyle=(0, (4, 3)), linewidth=1.2, zorder=1
        )
        style_axes(
            ax,
            title=f"Difference to {self.models[0]}, with {self.confidence:.0%} intervals",
            xlabel=f"metric of the model - metric of {self.models[0]}",
        )
        return self

    def _draw_rows(self, ax, rows):
        """One error bar per (metric, model), its numbers written at the right."""
        from matplotlib.transforms import blended_transform_factory

        ys = np.arange(len(rows))[::-1]
        colours = {True: "#0072B2", False: "#888888"}
        beside = blended_transform_factory(ax.transAxes, ax.transData)
        for y, (_, row) in zip(ys, rows.iterrows(), strict=True):
            beyond = bool(row["beyond_noise"])
            err = [
                [row["difference"] - row["difference_low"]],
                [row["difference_high"] - row["difference"]],
            ]
            bar = ax.errorbar(
                row["difference"],
                y,
                xerr=err,
                fmt="o",
                color=colours[beyond],
                markersize=STYLE["marker"],
                capsize=4,
                linewidth=2,
                zorder=3,
                gid=f"diff:{row['metric']}:{row['model']}",
            )
            self.lines_[f"{row['metric']}: {row['model']}"] = bar
            verdict = "beyond the noise" if beyond else "within the noise"
            ax.text(
                1.02,
                y,
                f"{_p_text(row['p_value'])}, {row['test']}\n{verdict}",
                transform=beside,
                va="center",
                fontsize=STYLE["annotation"],
                color=colours[beyond],
            )
        ax.set_yticks(ys, [f"{r['metric']}: {r['model']}" for _, r in rows.iterrows()])
        ax.set_ylim(-0.7, len(rows) - 0.3)


def _predictions(inputs, threshold, name, fix=""):
    """Predicted labels: argmax for multi-class; binary ``score >= threshold``;
    multi-label ``score > threshold`` (as ``bootstrap_ci`` and
    ``metrics.multilabel_summary``, Keras' ``BinaryAccuracy`` rule)."""
    if inputs.kind == "multiclass":
        return np.argmax(inputs.score, axis=1)
    cut = _cut(inputs.score, threshold, name, fix)
    if inputs.kind == "multilabel":
        return (inputs.score > cut).astype(int)
    return (inputs.score >= cut).astype(int)


def _read_models(y_true, models, labels, pos_label):
    if not isinstance(models, dict) or len(models) < 2:
        raise ValueError(
            "models must be a dict of at least two {name: y_score} entries, got "
            f"{type(models).__name__} with {len(models) if hasattr(models, '__len__') else 0}"
            ' entries; e.g. {"baseline": proba_a, "new": proba_b}'
        )
    read = {}
    for name, score in models.items():
        read[str(name)] = read_inputs(
            y_true,
            score,
            labels=labels,
            pos_label=pos_label,
            require_probabilities=True,
            y_score_name=f"models[{name!r}]",
        )
    kinds = {inp.kind for inp in read.values()}
    if len(kinds) != 1:
        raise ValueError(
            f"models give different target kinds {sorted(kinds)}; pass scores of "
            "the same shape for every model"
        )
    return read


def _accuracy_rows(read, threshold, conf):
    """Wilson interval per model, McNemar p and its exact conditional interval."""
    from scipy import stats

    names = list(read)
    first = read[names[0]]
    pred_first = _predictions(first, threshold, f"models[{names[0]!r}]")
    rows = []
    for name in names:
        inp = read[name]
        pred = _predictions(inp, threshold, f"models[{name!r}]")
        correct = np.all(np.reshape(pred == inp.y, (len(inp.y), -1)), axis=1)
        n, k = correct.size, int(correct.sum())
        low, high = uncertainty.proportion_ci(k, n, confidence=conf)
        row = {"value": k / n, "low": float(low), "high": float(high)}
        if name != names[0]:
            # Class indices: every index is a class, present in y or not.
            classes = inp.score.shape[1] if inp.kind == "multiclass" else 2
            known = None if inp.kind == "multilabel" else list(range(classes))
            test = uncertainty.mcnemar_test(inp.y, pred, pred_first, labels=known)
            b, c = test.b, test.c
            m = b + c
            # Exact conditional interval: given m discordant samples, b is
            # Binomial(m, pi) and the difference is (m / n) (2 pi - 1); the
            # Clopper-Pearson interval of pi excludes 1/2 exactly when
            # McNemar's exact p < 1 - conf (the same binomial test).
            if m:
                ci = stats.binomtest(b, m, 0.5).proportion_ci(conf, method="exact")
                lo, hi = ci.low, ci.high
            else:
                lo = hi = 0.5
            row.update(
                difference=(b - c) / n,
                difference_low=m / n * (2 * lo - 1),
                difference_high=m / n * (2 * hi - 1),
                p_value=test.p_value,
            )
        rows.append({"metric": "accuracy", "model": name, **row})
    return rows


def _auc_rows(y_true, models, read, conf, labels, pos_label):
    names = list(models)
    rows = []
    average = {} if next(iter(read.values())).kind == "binary" else {"average": "macro"}
    for name in names:
        auc, low, high = uncertainty.delong_ci(
            y_true,
            models[name],
            confidence=conf,
            labels=labels,
            pos_label=pos_label,
            **average,
        )
        row = {"value": float(auc), "low": float(low), "high": float(high)}
        if name != names[0]:
            test = uncertainty.delong_test(
                y_true,
                models[name],
                models[names[0]],
                confidence=conf,
                labels=labels,
                pos_label=pos_label,
                **average,
            )
            row.update(
                difference=float(test.difference),
                difference_low=float(test.low),
                difference_high=float(test.high),
                p_value=float(test.p_value),
            )
        rows.append({"metric": "ROC AUC", "model": str(name), **row})
    return rows


def _bootstrap_rows(metric, y_true, models, conf, settings):
    """Percentile-bootstrap intervals; p-value from the paired differences."""
    n_resamples, seed, options = settings
    names = list(models)
    first = models[names[0]]
    rows = []
    for name in names:
        if name == names[0]:
            continue
        result = uncertainty.bootstrap_ci(
            metric,
            y_true,
            models[name],
            first,
            n_resamples=n_resamples,
            confidence=conf,
            seed=seed,
            **options,
        )
        a, b, diff = result
        dist = np.asarray(diff.bootstrap_distribution, dtype=float)
        dist = dist[np.isfinite(dist)]
        # two-sided percentile-bootstrap p-value: twice the share of
        # resampled differences on the far side of 0 (test inversion), counted
        # as (k + 1) / (B + 1) so that it is never 0 (Davison and Hinkley,
        # Bootstrap Methods and their Application, 1997, eq. 4.11)
        far = min(np.count_nonzero(dist <= 0), np.count_nonzero(dist >= 0))
        p = min(1.0, 2 * (far + 1) / (dist.size + 1))
        if not rows:
            rows.append(
                {
                    "metric": metric,
                    "model": str(names[0]),
                    "value": b.estimate,
                    "low": b.low,
                    "high": b.high,
                }
            )
        rows.append(
            {
                "metric": metric,
                "model": str(name),
                "value": a.estimate,
                "low": a.low,
                "high": a.high,
                "difference": diff.estimate,
                "difference_low": diff.low,
                "difference_high": diff.high,
                "p_value": p,
            }
        )
    return rows


def compare_models(
    y_true,
    models,
    *,
    metrics=("accuracy", "roc_auc"),
    confidence=0.95,
    threshold=None,
    labels=None,
    pos_label=None,
    n_resamples=2000,
    seed=0,
):
    """Compare models scored on the same samples: intervals, differences, tests.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        True labels (binary, multi-class or a multi-label indicator matrix).
    models : dict of str -> array-like
        Each model's scores on the same samples, shaped as ``y_score`` of
        :func:`evalviz.roc`. The first model is the reference of every
        difference.
    metrics : str or sequence of str, default ("accuracy", "roc_auc")
        Metric or metrics to compare. ``"accuracy"`` (argmax for multi-class,
        ``score >= threshold`` for binary, exact match of ``score > threshold``
        for multi-label, as :func:`evalviz.uncertainty.bootstrap_ci`) and
        ``"roc_auc"`` (binary, or the macro average) use closed forms; any
        other name is passed to :func:`evalviz.uncertainty.bootstrap_ci`.
    confidence : float, default 0.95
        Level of every interval.
    threshold : float, optional
        The cut that turns binary and multi-label scores into labels.
        Default: 0.5, for probabilities only; scores outside [0, 1] (logits)
        need an explicit ``threshold`` (0.0 for logits) or
        ``scipy.special.expit`` first.
    labels, pos_label : optional
        As in :func:`evalviz.roc`.
    n_resamples : int, default 2000
        Resamples for the bootstrapped metrics.
    seed : int, default 0
        Seed of the bootstrap.

    Returns
    -------
    ModelComparison
        ``.to_frame()`` gives the table, ``.plot()`` the forest plot.

    Raises
    ------
    ValueError
        When ``models`` is not a dict of at least two models, the models'
        scores differ in kind, or an input cannot be read.

    Notes
    -----
    Accuracy: each model's Wilson interval; the difference is ``(b - c) /
    n`` where ``b`` and ``c`` count the samples only one model gets right,
    its p-value McNemar's exact test, and its interval the exact
    conditional one that inverts that test: given the ``m = b + c``
    discordant samples, ``(m / n) (2 pi - 1)`` over the Clopper-Pearson
    interval of ``pi = b / m`` (Fagerland, Lydersen and Laake 2013). It
    excludes 0 exactly when the p-value is below ``1 - confidence``, so the
    verdict and the test agree. ROC AUC: DeLong's interval and paired test (DeLong, DeLong
    and Clarke-Pearson 1988), as pROC. Other metrics: paired percentile
    bootstrap; the p-value is twice the share of resampled differences on
    the far side of 0. A difference is "beyond the noise" when its interval
    excludes 0.

    Examples
    --------
    >>> import evalviz as ev
    >>> y = [0, 0, 1, 1, 0, 1, 0, 1]
    >>> table = ev.compare_models(y, {"a": [.1, .4, .35, .8, .2, .7, .3, .9],
    ...                               "b": [.2, .3, .6, .7, .1, .4, .5, .8]}
    ...                           ).to_frame()
    >>> table["value"].tolist(), table["test"].tolist()[1::2]
    ([0.875, 0.75, 0.9375, 0.9375], ['McNemar exact', 'DeLong paired'])
    """
    import pandas as pd

    conf = float(confidence)
    metrics = [metrics] if isinstance(metrics, str) else list(metrics)
    read = _read_models(y_true, models, labels, pos_label)
    if threshold is None and set(metrics) - {"roc_auc", "average_precision"}:
        for name, inp in read.items():
            if inp.kind != "multiclass" and inp.score_matrix is None:
                _cut(inp.score, None, f"models[{name!r}]")
    rows = []
    for metric in metrics:
        if metric == "accuracy":
            part = _accuracy_rows(read, threshold, conf)
        elif metric == "roc_auc":
            part = _auc_rows(y_true, models, read, conf, labels, pos_label)
        else:
            options = {"threshold": threshold, "labels": labels, "pos_label": pos_label}
            part = _bootstrap_rows(
                metric, y_true, models, conf, (n_resamples, seed, options)
            )
        test = _TESTS.get(metric, "paired bootstrap")
        for row in part:
            row["test"] = test
        rows.extend(part)
    table = pd.DataFrame(rows).reindex(columns=_COLUMNS)
    has = table["difference"].notna()
    beyond = (table["difference_low"] > 0) | (table["difference_high"] < 0)
    table["beyond_noise"] = beyond.where(has).astype(object)
    table.loc[~has, ["p_value", "test"]] = [np.nan, ""]
    n = len(next(iter(read.values())).y)
    return ModelComparison(table, confidence=conf, n_samples=n)


def report_intervals(y_true, y_score, *, confidence=0.95, display_labels=None):
    """Per-class precision and recall of the argmax decision with Wilson intervals.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Class labels.
    y_score : array-like of shape (n_samples, n_classes)
        Probabilities or logits, one column per class (only the argmax is
        used); binary: the positive class's probability, cut at 0.5.
    confidence : float, default 0.95
        The intervals' level.
    display_labels : sequence of str, optional
        Class names in column order.

    Returns
    -------
    pandas.DataFrame
        One row per class: ``precision``, ``precision_low``,
        ``precision_high``, ``predicted`` (its denominator), ``recall``,
        ``recall_low``, ``recall_high``, ``support``.

    Raises
    ------
    ValueError
        When the inputs cannot be read.

    Notes
    -----
    Recall of class k is a proportion of its ``support`` samples and
    precision a proportion of the ``predicted`` samples, so each gets the
    Wilson score interval (Wilson 1927) of
    :func:`evalviz.uncertainty.proportion_ci`; a class never predicted has a
    NaN precision and interval. Rows of the confusion matrix are true classes.

    Examples
    --------
    >>> from evalviz.compare import report_intervals
    >>> t = report_intervals([0, 1, 1, 2], [[.8, .1, .1], [.2, .7, .1],
    ...                                     [.6, .3, .1], [.1, .2, .7]])
    >>> t["recall"].tolist(), t["support"].tolist()
    ([1.0, 0.5, 1.0], [1, 2, 1])
    """
    import pandas as pd

    # Multi-class: the argmax, the same for logits (offset-free).
    inputs = read_inputs(y_true, y_score, display_labels=display_labels)
    pred = _predictions(
        inputs, None, "y_score", " since report_intervals cuts a binary score at 0.5"
    )
    k = 2 if inputs.kind == "binary" else inputs.score.shape[1]
    cm = metrics.confusion_matrix(inputs.y, pred, labels=list(range(k)))
    cm = np.asarray(cm)
    hits, support, predicted = np.diag(cm), cm.sum(axis=1), cm.sum(axis=0)
    p_low, p_high = uncertainty.proportion_ci(hits, predicted, confidence=confidence)
    r_low, r_high = uncertainty.proportion_ci(hits, support, confidence=confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision, recall = hits / predicted, hits / support
    names = list(inputs.names) if k == len(inputs.names) else [str(i) for i in range(k)]
    return pd.DataFrame(
        {
            "precision": precision,
            "precision_low": p_low,
            "precision_high": p_high,
            "predicted": predicted,
            "recall": recall,
            "recall_low": r_low,
            "recall_high": r_high,
            "support": support,
        },
        index=pd.Index(names, name="class"),
    )


# The size study lives in its own module (it calls compare_models back).
from ._intervals_by_size import IntervalsBySize, intervals_by_size  # noqa: E402
