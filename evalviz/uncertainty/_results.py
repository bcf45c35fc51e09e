"""Result objects of ``evalviz.uncertainty``: small, unpackable, one-line reprs.

Each result unpacks like the tuple the public contract names (``auc, low,
high = delong_ci(...)``) and carries the extra numbers as attributes. The
``__repr__`` is one line through ``evalviz._format``; ``to_frame`` imports
pandas only when it is called.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._format import format_area, format_count, format_number, format_percent

__all__ = [
    "AUCInterval",
    "AUCTest",
    "BootstrapComparison",
    "BootstrapInterval",
    "McNemarResult",
]


def _level(confidence: float) -> str:
    return format_percent(confidence, 0)


def _p(value: float) -> str:
    x = float(value)
    if x != x:
        return "n/a"
    if x == 0.0:
        return "0"
    return format_number(x, 2) if x < 1e-3 else f"{x:.3f}"


def _signed(value: float) -> str:
    """A difference with its sign: 4 decimals, or 2 significant digits when tiny."""
    x = float(value)
    if x != x:
        return "n/a"
    return f"{x:+.4f}" if x == 0 or abs(x) >= 1e-3 else f"{x:+.2g}"


def _span(low, high) -> str:
    return f"{format_area(low)}-{format_area(high)}"


def _is_array(value) -> bool:
    return np.ndim(value) > 0


class _Unpack:
    """Mixin: iterate, index and measure as the tuple of ``_fields``."""

    _fields: tuple[str, ...] = ()

    def __iter__(self):
        return iter(tuple(getattr(self, f) for f in self._fields))

    def __len__(self) -> int:
        return len(self._fields)

    def __getitem__(self, i):
        return tuple(self)[i]


@dataclass(frozen=True, repr=False, eq=False)
class AUCInterval(_Unpack):
    """ROC AUC with its DeLong confidence interval; unpacks as ``(auc, low, high)``.

    Attributes
    ----------
    auc, low, high : float or ndarray of shape (n_classes,)
        The AUC and the interval bounds, clipped to [0, 1] as pROC does. Arrays
        (one value per class or label) when ``average`` is None for
        multi-class or multi-label input.
    se : float or ndarray
        DeLong's standard error of the AUC (0 when the AUC is 0 or 1).
    confidence : float
        The interval's level (0.95 = 95%).
    n_pos, n_neg : int or ndarray
        Positives and negatives behind each AUC (for the macro average, the
        sample count in ``n_pos`` and 0 in ``n_neg``).
    names : list of str or None
        The class or label names of per-class arrays (None for one AUC).
    average : str or None
        ``"binary"``, ``"macro"`` or None (per class).

    Examples
    --------
    >>> from evalviz.uncertainty import delong_ci
    >>> result = delong_ci([0, 0, 1, 1, 0, 1], [.1, .4, .35, .8, .2, .9])
    >>> auc, low, high = result
    >>> round(result.se, 4), result.n_pos
    (0.1571, 3)
    """

    auc: float | np.ndarray
    low: float | np.ndarray
    high: float | np.ndarray
    se: float | np.ndarray
    confidence: float
    n_pos: int | np.ndarray
    n_neg: int | np.ndarray
    names: list | None = None
    average: str | None = "binary"
    _fields = ("auc", "low", "high")

    def __repr__(self) -> str:
        level = _level(self.confidence)
        if _is_array(self.auc):
            auc = np.asarray(self.auc)
            return (
                f"AUCInterval({len(auc)} classes, AUC {format_area(auc.min())} to "
                f"{format_area(auc.max())}, widest {level} DeLong interval "
                f"{format_area(np.max(np.asarray(self.high) - np.asarray(self.low)))})"
            )
        what = "macro AUC" if self.average == "macro" else "AUC"
        counts = (
            f"{format_count(self.n_pos)} samples"
            if self.average == "macro"
            else f"{format_count(self.n_pos)} pos / {format_count(self.n_neg)} neg"
        )
        return (
            f"AUCInterval({what}={format_area(self.auc)}, {level} DeLong CI "
            f"{_span(self.low, self.high)}, {counts})"
        )

    def to_frame(self):
        """The numbers as a table, one row per AUC.

        Returns
        -------
        pandas.DataFrame
            Columns ``auc``, ``low``, ``high``, ``se``, ``n_pos``, ``n_neg``,
            ``confidence``; indexed by class name (or ``"auc"`` / ``"macro"``).
        """
        import pandas as pd

        index = self.names if self.names is not None else [self.average or "auc"]
        cols = {
            name: np.atleast_1d(getattr(self, name))
            for name in ("auc", "low", "high", "se", "n_pos", "n_neg")
        }
        frame = pd.DataFrame(cols, index=pd.Index(index, name="class"))
        frame["confidence"] = self.confidence
        return frame


@dataclass(frozen=True, repr=False, eq=False)
class AUCTest(_Unpack):
    """DeLong's paired test of two AUCs; unpacks as ``(auc_a, auc_b, z, p_value)``.

    Attributes
    ----------
    auc_a, auc_b : float or ndarray
        The two models' AUCs on the same samples.
    z : float or ndarray
        ``(auc_a - auc_b) / se`` (0 when both AUCs are equal with zero
        variance, as pROC; infinite when they differ with zero variance).
    p_value : float or ndarray
        Two-sided, ``2 * Phi(-|z|)``.
    difference, low, high : float or ndarray
        ``auc_a - auc_b`` and its confidence interval (pROC's ``conf.int``,
        not clipped).
    se : float or ndarray
        Standard error of the difference.
    confidence : float
        The level of ``low`` / ``high``.
    names : list of str or None
        Class names of per-class arrays.
    average : str or None
        ``"binary"``, ``"macro"`` or None (per class).

    Examples
    --------
    >>> from evalviz.uncertainty import delong_test
    >>> y = [0, 0, 0, 1, 1, 1]
    >>> result = delong_test(y, [.1, .3, .2, .8, .7, .4], [.5, .3, .2, .6, .1, .9])
    >>> round(result.difference, 4), round(result.p_value, 4)
    (0.3333, 0.3173)
    """

    auc_a: float | np.ndarray
    auc_b: float | np.ndarray
    z: float | np.ndarray
    p_value: float | np.ndarray
    difference: float | np.ndarray
    low: float | np.ndarray
    high: float | np.ndarray
    se: float | np.ndarray
    confidence: float = 0.95
    names: list | None = None
    average: str | None = "binary"
    _fields = ("auc_a", "auc_b", "z", "p_value")

    def __repr__(self) -> str:
        if _is_array(self.z):
            p = np.asarray(self.p_value)
            return (
                f"AUCTest({len(p)} classes, DeLong paired, smallest p="
                f"{_p(np.nanmin(p))})"
            )
        what = "macro AUC" if self.average == "macro" else "AUC"
        return (
            f"AUCTest({what} {format_area(self.auc_a)} vs {format_area(self.auc_b)}, "
            f"difference {_signed(self.difference)} ({_level(self.confidence)} CI "
            f"{_signed(self.low)} to {_signed(self.high)}), z={format_number(self.z, 3)}, "
            f"p={_p(self.p_value)}, DeLong paired)"
        )

    def to_frame(self):
        """The numbers as a table, one row per compared AUC.

        Returns
        -------
        pandas.DataFrame
            Columns ``auc_a``, ``auc_b``, ``difference``, ``low``, ``high``,
            ``se``, ``z``, ``p_value``, ``test``.
        """
        import pandas as pd

        index = self.names if self.names is not None else [self.average or "auc"]
        names = ("auc_a", "auc_b", "difference", "low", "high", "se", "z", "p_value")
        cols = {name: np.atleast_1d(getattr(self, name)) for name in names}
        frame = pd.DataFrame(cols, index=pd.Index(index, name="class"))
        frame["test"] = "DeLong paired"
        return frame


@dataclass(frozen=True, repr=False, eq=False)
class McNemarResult(_Unpack):
    """McNemar's exact test; unpacks as ``(b, c, p_value)``.

    Attributes
    ----------
    b : int
        Samples model A gets right and model B gets wrong.
    c : int
        Samples model A gets wrong and model B gets right.
    p_value : float
        Two-sided exact binomial p-value of ``b`` successes in ``b + c``
        trials at 1/2 (1 when ``b + c == 0``).
    n : int
        All samples.
    accuracy_a, accuracy_b : float
        The two accuracies (exact-match accuracy for multi-label targets).
    metric : str, default="accuracy"
        The name of what ``accuracy_a`` and ``accuracy_b`` measure, shown in
        the repr: "accuracy", or "exact match" for multi-label targets.

    Examples
    --------
    >>> from evalviz.uncertainty import mcnemar_test
    >>> result = mcnemar_test([0, 1, 1, 0], [0, 1, 1, 1], [1, 0, 1, 1])
    >>> result.b, result.c, result.accuracy_a, result.accuracy_b
    (2, 0, 0.75, 0.25)
    """

    b: int
    c: int
    p_value: float
    n: int
    accuracy_a: float
    accuracy_b: float
    metric: str = "accuracy"
    _fields = ("b", "c", "p_value")

    def __repr__(self) -> str:
        return (
            f"McNemarResult({self.metric} {format_area(self.accuracy_a)} vs "
            f"{format_area(self.accuracy_b)} on {format_count(self.n)} samples, "
            f"only A right {format_count(self.b)}, only B right "
            f"{format_count(self.c)}, exact p={_p(self.p_value)})"
        )

    def to_frame(self):
        """The numbers as a one-row table.

        Returns
        -------
        pandas.DataFrame
            Columns ``accuracy_a``, ``accuracy_b``, ``b`` (only A right),
            ``c`` (only B right), ``n``, ``p_value``, ``test``.
        """
        import pandas as pd

        return pd.DataFrame(
            {
                "accuracy_a": [self.accuracy_a],
                "accuracy_b": [self.accuracy_b],
                "b": [self.b],
                "c": [self.c],
                "n": [self.n],
                "p_value": [self.p_value],
                "test": ["McNemar exact"],
            }
        )


@dataclass(frozen=True, repr=False, eq=False)
class BootstrapInterval(_Unpack):
    """A bootstrap confidence interval; unpacks as ``(estimate, low, high)``.

    Attributes
    ----------
    estimate : float
        The metric on the full data.
    low, high : float
        The interval bounds.
    se : float
        Standard deviation of the bootstrap distribution (``ddof=1``).
    confidence : float
        The interval's level.
    method : str
        ``"percentile"`` or ``"bca"``.
    metric : str
        The metric's name.
    n_resamples : int
        Resamples drawn.
    n_undefined : int
        Resamples where the metric was undefined (NaN, for example a resample
        without positives); they are left out of the quantiles.
    bootstrap_distribution : ndarray of shape (n_resamples,)
        The metric on each resample (scipy's name).

    Examples
    --------
    >>> from evalviz.uncertainty import bootstrap_ci
    >>> result = bootstrap_ci("accuracy", [0, 1, 1, 0, 1, 0], [0, 1, 0, 0, 1, 1])
    >>> result.estimate, result.bootstrap_distribution.shape
    (0.6666666666666666, (2000,))
    """

    estimate: float
    low: float
    high: float
    se: float
    confidence: float
    method: str
    metric: str
    n_resamples: int
    n_undefined: int = 0
    bootstrap_distribution: np.ndarray = field(default=None)
    _fields = ("estimate", "low", "high")

    def __repr__(self) -> str:
        undefined = (
            f", {format_count(self.n_undefined)} undefined" if self.n_undefined else ""
        )
        return (
            f"BootstrapInterval({self.metric}={format_area(self.estimate)}, "
            f"{_level(self.confidence)} {self.method} CI {_span(self.low, self.high)}, "
            f"{format_count(self.n_resamples)} resamples{undefined})"
        )

    def to_frame(self):
        """The numbers as a one-row table.

        Returns
        -------
        pandas.DataFrame
            Columns ``metric``, ``estimate``, ``low``, ``high``, ``se``,
            ``confidence``, ``method``, ``n_resamples``.
        """
        import pandas as pd

        return pd.DataFrame([self._row()])

    def _row(self) -> dict:
        return {
            "metric": self.metric,
            "estimate": self.estimate,
            "low": self.low,
            "high": self.high,
            "se": self.se,
            "confidence": self.confidence,
            "method": self.method,
            "n_resamples": self.n_resamples,
        }


@dataclass(frozen=True, repr=False, eq=False)
class BootstrapComparison(_Unpack):
    """Two models' bootstrap intervals and their difference; unpacks as ``(a, b, difference)``.

    Attributes
    ----------
    a, b : BootstrapInterval
        Each model's interval.
    difference : BootstrapInterval
        ``metric(a) - metric(b)`` with its interval (paired: both models on
        the same resamples).
    paired : bool
        Whether both models were scored on the same resamples.

    Examples
    --------
    >>> from evalviz.uncertainty import bootstrap_ci
    >>> y = [0, 1, 1, 0, 1, 0]
    >>> a, b, diff = bootstrap_ci("accuracy", y, [0, 1, 0, 0, 1, 1], y, n_resamples=200)
    >>> round(diff.estimate, 4), diff.high <= 0
    (-0.3333, True)
    """

    a: BootstrapInterval
    b: BootstrapInterval
    difference: BootstrapInterval
    paired: bool
    _fields = ("a", "b", "difference")

    def __repr__(self) -> str:
        d = self.difference
        return (
            f"BootstrapComparison({self.a.metric} {format_area(self.a.estimate)} vs "
            f"{format_area(self.b.estimate)}, difference {_signed(d.estimate)} "
            f"({_level(d.confidence)} {d.method} CI {_signed(d.low)} to {_signed(d.high)}), "
            f"{'paired' if self.paired else 'unpaired'}, "
            f"{format_count(d.n_resamples)} resamples)"
        )

    def to_frame(self):
        """The numbers as a table: rows ``a``, ``b`` and ``a - b``.

        Returns
        -------
        pandas.DataFrame
            Columns as :meth:`BootstrapInterval.to_frame`, indexed by model.
        """
        import pandas as pd

        rows = [self.a._row(), self.b._row(), self.difference._row()]
        return pd.DataFrame(rows, index=pd.Index(["a", "b", "a - b"], name="model"))
