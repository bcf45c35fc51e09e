"""Calibration: do the scores mean what they say? Binned errors, Brier, log loss.

numpy only. The reliability bins (:func:`calibration_bins`) are the one
computation behind :func:`calibration_error` and the reliability diagram.

Bin conventions (``edges=``). ``"torchmetrics"`` (default): uniform bins ``[k/n, (k+1)/n)`` for
``k = 0 .. n-1``, closed on the left, plus a bin of its own for a confidence of
exactly 1.0. This is torchmetrics' ``CalibrationError``: it bins with
``torch.bucketize(confidences, linspace(0, 1, n + 1), right=True) - 1``, which
gives a confidence of 1.0 the index ``n``, one past the last uniform bin. evalviz
keeps that convention so its ECE equals torchmetrics', and because it is the
useful one for saturated softmax outputs: a prediction of exactly 1.0 claims
certainty, and its bin shows how often that claim is wrong instead of
averaging it with the 0.94s.

``"sklearn"``: scikit-learn's ``calibration_curve`` bins ``(a, b]``, the first
one closed (0 falls in it), computed as
``np.searchsorted(np.linspace(0, 1, n + 1)[1:-1], confidence)``.

The inner uniform edges are ``k / n`` (the nearest float64). torchmetrics builds
them with ``torch.linspace`` in the scores' precision, and casts multi-class
confidences to float32 first, so for a confidence within one rounding step of an
inner edge (1e-16 in float64, 6e-8 in float32) the two can choose neighbouring
bins; anywhere else the bins, and so the errors, are the same.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import check_choice, read_inputs

__all__ = [
    "CalibrationBins",
    "brier_score",
    "calibration_bins",
    "calibration_error",
    "confident_predictions",
    "log_loss",
]

_NORMS = ("l1", "l2", "max")
_STRATEGIES = ("uniform", "quantile")
_KINDS = ("binary", "top-label", "class-wise")
_EDGES = ("torchmetrics", "sklearn")


@dataclass(frozen=True)
class CalibrationBins:
    """The bins of one reliability curve: counts, mean confidence, accuracy.

    Attributes
    ----------
    name : str
        What is calibrated: ``"top-label"``, or the class (binary, class-wise).
    lower, upper : ndarray of shape (n_slots,)
        Bin bounds. With ``edges="torchmetrics"`` the last slot is the bin of
        confidences equal to 1.0 (``lower == upper == 1``).
    count : ndarray of int64, shape (n_slots,)
        Samples per bin.
    correct : ndarray of int64, shape (n_slots,)
        Samples per bin whose outcome is positive (top-label: a correct
        prediction; binary and class-wise: the class is the true one).
    confidence : ndarray of shape (n_slots,)
        Mean confidence in each bin, NaN when the bin is empty.
    edges : str
        ``"torchmetrics"`` (``[a, b)`` and a bin for 1.0) or ``"sklearn"``
        (``(a, b]``).

    Examples
    --------
    >>> from evalviz.metrics import calibration_bins
    >>> (bins,) = calibration_bins([0, 1, 1], [0.2, 0.9, 1.0], n_bins=2).values()
    >>> bins.count.tolist(), bins.accuracy.tolist()
    ([1, 1, 1], [0.0, 1.0, 1.0])
    """

    name: str
    lower: np.ndarray
    upper: np.ndarray
    count: np.ndarray
    correct: np.ndarray
    confidence: np.ndarray
    edges: str = "torchmetrics"

    @property
    def n_samples(self) -> int:
        """Number of samples binned.

        Returns
        -------
        int
            The sum of the bin counts.
        """
        return int(self.count.sum())

    @property
    def accuracy(self) -> np.ndarray:
        """Observed frequency per bin.

        Returns
        -------
        ndarray of shape (n_slots,)
            ``correct / count``, NaN when the bin is empty.
        """
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(
                self.count > 0, self.correct / np.maximum(self.count, 1), np.nan
            )

    @property
    def gap(self) -> np.ndarray:
        """Signed gap per bin.

        Returns
        -------
        ndarray of shape (n_slots,)
            ``accuracy - confidence`` (positive: under-confident), NaN when
            the bin is empty.
        """
        return self.accuracy - self.confidence

    def error(self, norm: str = "l1") -> float:
        """The binned calibration error of this curve.

        Parameters
        ----------
        norm : {"l1", "l2", "max"}, default="l1"
            ``"l1"``: expected calibration error, sum over bins of
            ``count / n * |gap|``; ``"l2"``: the root of the count-weighted
            mean squared gap; ``"max"``: the largest gap over non-empty bins.

        Returns
        -------
        float
            The error, in probability units (0 = calibrated).

        Raises
        ------
        ValueError
            If ``norm`` is unknown.
        """
        check_choice(norm, "norm", _NORMS)
        filled = self.count > 0
        if not filled.any():
            return 0.0
        gap = np.abs(self.gap[filled])
        weight = self.count[filled] / self.n_samples
        if norm == "l1":
            return float(np.sum(weight * gap))
        if norm == "l2":
            return float(np.sqrt(np.sum(weight * gap**2)))
        return float(np.max(gap))


def _check_n_bins(n_bins) -> int:
    if (
        isinstance(n_bins, bool)
        or not isinstance(n_bins, (int, np.integer))
        or n_bins < 1
    ):
        raise ValueError(f"n_bins must be a positive integer, got {n_bins!r}")
    return int(n_bins)


def _bin_index(conf: np.ndarray, n_bins: int, strategy: str, edges: str):
    """Bin index of every confidence, the number of slots and the bounds."""
    if strategy == "uniform":
        cuts = np.arange(n_bins + 1, dtype=np.float64) / n_bins
        if edges == "sklearn":
            cuts = np.linspace(0.0, 1.0, n_bins + 1)  # scikit-learn's exact edges
    else:
        quantiles = np.linspace(0.0, 1.0, n_bins + 1)
        cuts = (
            np.percentile(conf, quantiles * 100)
            if edges == "sklearn"
            else np.quantile(conf, quantiles)
        )
    if edges == "sklearn":
        index = np.searchsorted(cuts[1:-1], conf)  # (a, b]
        return index, n_bins, cuts[:-1], cuts[1:]
    index = np.searchsorted(cuts, conf, side="right") - 1  # [a, b)
    if strategy == "quantile":  # the largest value closes the last bin
        return np.clip(index, 0, n_bins - 1), n_bins, cuts[:-1], cuts[1:]
    index = np.clip(index, 0, n_bins)  # 1.0 (and a rounding above it): slot n
    lower = np.append(cuts[:-1], 1.0)
    upper = np.append(cuts[1:], 1.0)
    return index, n_bins + 1, lower, upper


def _bins_of(name, conf, hit, n_bins, strategy, edges) -> CalibrationBins:
    conf = np.asarray(conf, dtype=np.float64)
    index, slots, lower, upper = _bin_index(conf, n_bins, strategy, edges)
    count = np.bincount(index, minlength=slots).astype(np.int64)
    correct = np.bincount(index, weights=hit, minlength=slots).round().astype(np.int64)
    total = np.bincount(index, weights=conf, minlength=slots)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_conf = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    return CalibrationBins(name, lower, upper, count, correct, mean_conf, edges)


def _refuse_logits(score: np.ndarray, name: str) -> None:
    lo, hi = float(score.min()), float(score.max())
    if lo < 0 or hi > 1:
        raise ValueError(
            f"{name} has values from {lo:.4g} to {hi:.4g}, outside [0, 1]: they look "
            "like logits, and calibration compares probabilities with frequencies. "
            f"Pass probabilities: scipy.special.expit({name}) for one score per "
            f"sample or label, scipy.special.softmax({name}, axis=1) for multi-class "
            "logits"
        )


def _read_probabilities(y_true, y_score, labels, pos_label, display_labels=None):
    """read_inputs with probabilities required, logits refused with the fix."""
    inputs = read_inputs(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label,
        require_probabilities=True,
    )
    if inputs.score is None:
        raise ValueError("y_score is required: pass the predicted probabilities")
    _refuse_logits(inputs.score, "y_score")
    return inputs


def _default_kind(inputs, kind):
    if kind is None:
        return {"binary": "binary", "multiclass": "top-label"}.get(
            inputs.kind, "class-wise"
        )
    check_choice(kind, "kind", _KINDS)
    if kind == "binary" and inputs.kind != "binary":
        raise ValueError(
            f"kind='binary' needs binary y_true, got {inputs.kind} targets with "
            f"{inputs.n_classes} classes; pass kind='top-label' or kind='class-wise'"
        )
    if kind == "top-label" and inputs.kind == "multilabel":
        raise ValueError(
            "kind='top-label' needs one true class per sample, but y_true is a "
            "multi-label indicator matrix; pass kind='class-wise' (one curve per label)"
        )
    return kind


def _curves(inputs, kind):
    """(name, confidence, outcome) of each curve of a kind."""
    score = inputs.score.astype(np.float64, copy=False)
    if kind == "binary":
        return [(inputs.names[1], score, inputs.y.astype(np.float64))]
    if inputs.kind == "binary":
        proba = (
            np.column_stack([1.0 - score, score])
            if inputs.score_matrix is None
            else inputs.score_matrix.astype(np.float64)
        )
        truth = np.column_stack([1 - inputs.y, inputs.y])
    elif inputs.kind == "multiclass":
        proba = score
        truth = (inputs.y[:, None] == np.arange(score.shape[1])).astype(np.int8)
    else:
        proba, truth = score, inputs.y
    if kind == "top-label":
        pred = np.argmax(proba, axis=1)  # ties: the lowest class index
        conf = proba[np.arange(len(proba)), pred]
        hit = truth[np.arange(len(proba)), pred].astype(np.float64)
        return [("top-label", conf, hit)]
    return [
        (inputs.names[j], proba[:, j], truth[:, j].astype(np.float64))
        for j in range(proba.shape[1])
    ]


def calibration_bins(
    y_true,
    y_score,
    *,
    kind=None,
    n_bins=15,
    strategy="uniform",
    edges="torchmetrics",
    labels=None,
    pos_label=None,
    display_labels=None,
):
    """Reliability bins: per bin, the mean confidence and how often it was right.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels, or a multi-label 0/1 indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Probabilities in [0, 1]: the positive class's (binary), one column per
        class summing to 1 (multi-class), one per label (multi-label).
    kind : {"binary", "top-label", "class-wise"}, optional
        ``"binary"``: the positive class's probability against how often the
        positive class occurs (torchmetrics' binary task, scikit-learn's
        ``calibration_curve``); ``"top-label"``: the highest probability of a
        row against how often that argmax is right (torchmetrics' multi-class
        task); ``"class-wise"``: one binary curve per class or label. Default:
        binary for binary, top-label for multi-class, class-wise for
        multi-label targets. Two classes are binary even as an ``(n, 2)``
        matrix: pass ``kind="top-label"`` for torchmetrics' multi-class task
        with ``num_classes=2``.
    n_bins : int, default=15
        Number of bins (torchmetrics' default).
    strategy : {"uniform", "quantile"}, default="uniform"
        Equal-width bins, or equal-mass bins at the quantiles of the confidences.
    edges : {"torchmetrics", "sklearn"}, default="torchmetrics"
        Which end of a bin is closed; see Notes.
    labels, pos_label, display_labels : optional
        As in :func:`evalviz.metrics.roc_auc` (class values, the positive
        class, the names shown).

    Returns
    -------
    dict of str to CalibrationBins
        One entry per curve: ``{"top-label": ...}``, ``{positive name: ...}``
        or one per class.

    Raises
    ------
    ValueError
        If the scores are not probabilities (logits: the error gives the
        softmax or sigmoid to apply), or an option is unknown.

    Notes
    -----
    ``edges="torchmetrics"``: bins ``[k/n, (k+1)/n)`` plus a bin of its own for
    a confidence of exactly 1.0, as torchmetrics' ``CalibrationError``
    (``torch.bucketize(..., right=True)``). ``edges="sklearn"``: bins
    ``(a, b]`` with 0 in the first, as scikit-learn's ``calibration_curve``,
    whose non-empty bins these equal. Quantile bins with torchmetrics' edges are
    ``[a, b)`` with the last closed.

    Examples
    --------
    >>> from evalviz.metrics import calibration_bins
    >>> bins = calibration_bins([0, 1, 1, 0], [0.1, 0.8, 0.7, 0.4], n_bins=2)
    >>> bins["1"].count.tolist()
    [2, 2, 0]
    """
    n_bins = _check_n_bins(n_bins)
    check_choice(strategy, "strategy", _STRATEGIES)
    check_choice(edges, "edges", _EDGES)
    inputs = _read_probabilities(y_true, y_score, labels, pos_label, display_labels)
    kind = _default_kind(inputs, kind)
    return {
        name: _bins_of(name, conf, hit, n_bins, strategy, edges)
        for name, conf, hit in _curves(inputs, kind)
    }


def calibration_error(
    y_true,
    y_score,
    *,
    n_bins=15,
    norm="l1",
    strategy="uniform",
    kind=None,
    edges="torchmetrics",
    labels=None,
    pos_label=None,
):
    """Binned calibration error: expected (ECE), root-mean-square or maximum.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels, or a multi-label 0/1 indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Probabilities in [0, 1] (logits are refused: apply a softmax or
        sigmoid first, as the error says).
    n_bins : int, default=15
        Number of bins.
    norm : {"l1", "l2", "max"}, default="l1"
        ``"l1"``: ECE, the count-weighted mean of ``|accuracy - confidence|``
        over bins; ``"l2"``: the root of the count-weighted mean squared gap
        (RMS calibration error); ``"max"``: the largest gap of a non-empty bin
        (MCE). torchmetrics' names.
    strategy : {"uniform", "quantile"}, default="uniform"
        Equal-width bins, or equal-mass bins (quantiles of the confidences).
    kind : {"binary", "top-label", "class-wise"}, optional
        What is calibrated (see :func:`calibration_bins`); default binary,
        top-label (multi-class) or class-wise (multi-label); two classes are
        binary even as an ``(n, 2)`` matrix. Class-wise returns
        the mean of the per-class errors (Kull et al. 2019's classwise-ECE;
        Nixon et al. 2019's static calibration error).
    edges : {"torchmetrics", "sklearn"}, default="torchmetrics"
        ``[a, b)`` bins with a bin of its own for 1.0, or scikit-learn's
        ``(a, b]``.
    labels, pos_label : optional
        The class values in column order, the positive class (binary).

    Returns
    -------
    float
        The error, in probability units: 0 for a calibrated model.

    Raises
    ------
    ValueError
        If the scores are not probabilities, or an option is unknown.

    Notes
    -----
    With uniform bins this equals torchmetrics' ``CalibrationError``
    (``task="binary"`` on the positive class's probability, or
    ``task="multiclass"``, the top-label error) with the same ``n_bins`` and
    ``norm``: bins ``[k/n, (k+1)/n)``, and a confidence of exactly 1.0 in a bin
    of its own, which is torchmetrics' ``bucketize(right=True)`` rule; evalviz
    keeps it so the numbers agree and because certainty (a saturated softmax)
    is then measured on its own. Inner edges are ``k / n`` (so 0.3 opens the
    bin ``[0.3, 0.4)``); torchmetrics takes them from ``torch.linspace``, whose
    rounding can move an edge by one step (0.30000000000000004), and casts
    multi-class confidences to float32, so a confidence within that rounding of
    an inner edge, or a float64 one within float32 rounding of 1.0, can be
    binned differently there. Guo et al. 2017, "On calibration of modern neural networks".

    Examples
    --------
    >>> from evalviz.calibration import calibration_error
    >>> round(calibration_error([0, 1, 1, 0], [0.1, 0.8, 0.7, 0.4], n_bins=2), 4)
    0.25
    """
    check_choice(norm, "norm", _NORMS)
    bins = calibration_bins(
        y_true,
        y_score,
        kind=kind,
        n_bins=n_bins,
        strategy=strategy,
        edges=edges,
        labels=labels,
        pos_label=pos_label,
    )
    return float(np.mean([b.error(norm) for b in bins.values()]))


def _one_hot(inputs) -> tuple[np.ndarray, np.ndarray]:
    """(probabilities, 0/1 truth) as (n, k) float64 matrices."""
    score = inputs.score.astype(np.float64, copy=False)
    if inputs.kind == "binary" and inputs.score_matrix is not None:  # (n, 2) given
        score = inputs.score_matrix.astype(np.float64, copy=False)
    if score.ndim == 2 and inputs.kind != "multilabel":
        truth = (inputs.y[:, None] == np.arange(score.shape[1])).astype(np.float64)
        return score, truth
    return score, inputs.y.astype(np.float64)


def brier_score(y_true, y_score, *, labels=None, pos_label=None):
    """Brier score: the mean squared difference between probability and outcome.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels, or a multi-label 0/1 indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Probabilities: the positive class's (binary), one column per class
        (multi-class), one per label (multi-label).
    labels, pos_label : optional
        The class values in column order, the positive class (binary).

    Returns
    -------
    float
        Binary: ``mean((p - y)**2)``, in [0, 1]. Multi-class: the mean over
        samples of the sum over classes of ``(p_k - [y == k])**2``, in [0, 2].
        Multi-label: the mean over labels of each label's binary score.

    Raises
    ------
    ValueError
        If the scores are not probabilities.

    Notes
    -----
    The scaling is scikit-learn's ``brier_score_loss`` (1.7+,
    ``scale_by_half="auto"``): the sum over classes, halved for two classes so
    that the binary score keeps its usual [0, 1] range; the two are equal for
    binary and multi-class input. For a multi-label indicator matrix
    scikit-learn reads the rows as multi-class probabilities; evalviz scores
    each label as its own binary problem and averages. Brier 1950.

    Examples
    --------
    >>> from evalviz.calibration import brier_score
    >>> round(brier_score([0, 1, 1, 0], [0.1, 0.8, 0.7, 0.4]), 4)
    0.075
    """
    inputs = _read_probabilities(y_true, y_score, labels, pos_label)
    proba, truth = _one_hot(inputs)
    if inputs.kind == "multilabel" or proba.ndim == 1:
        return float(np.mean((proba - truth) ** 2))
    per_sample = np.sum((proba - truth) ** 2, axis=1)
    return float(np.mean(per_sample) * (0.5 if inputs.kind == "binary" else 1.0))


def log_loss(y_true, y_score, *, labels=None, pos_label=None):
    """Log loss (cross-entropy) of predicted probabilities, in nats per sample.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels, or a multi-label 0/1 indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Probabilities: the positive class's (binary), one column per class
        (multi-class), one per label (multi-label).
    labels, pos_label : optional
        The class values in column order, the positive class (binary).

    Returns
    -------
    float
        ``-mean(log p(true class))`` (natural log). Multi-label: the mean over
        labels of each label's binary log loss.

    Raises
    ------
    ValueError
        If the scores are not probabilities.

    Notes
    -----
    As scikit-learn's ``log_loss``: probabilities are clipped to
    ``[eps, 1 - eps]`` with ``eps`` the machine epsilon of the scores' dtype
    (2.2e-16 for float64, 1.2e-7 for float32), so a confident mistake costs at
    most ``-log(eps)`` (36 nats in float64); binary scores are read as
    ``[1 - p, p]`` before clipping (an ``(n, 2)`` matrix is used as given). Rows
    are not renormalised. A multi-label
    indicator matrix is scored label by label (scikit-learn reads its rows as
    multi-class).

    Examples
    --------
    >>> from evalviz.calibration import log_loss
    >>> round(log_loss([0, 1, 1, 0], [0.1, 0.8, 0.7, 0.4]), 4)
    0.299
    """
    inputs = _read_probabilities(y_true, y_score, labels, pos_label)
    eps = np.finfo(
        inputs.score.dtype if inputs.score.dtype.kind == "f" else np.float64
    ).eps
    proba, truth = _one_hot(inputs)
    if inputs.kind != "multilabel" and proba.ndim == 2:  # one column per class
        picked = np.clip(proba, eps, 1 - eps)[np.arange(len(proba)), inputs.y]
        return float(-np.mean(np.log(picked)))
    pos = np.clip(proba, eps, 1 - eps)
    neg = np.clip(1.0 - proba, eps, 1 - eps)
    return float(-np.mean(truth * np.log(pos) + (1 - truth) * np.log(neg)))


def confident_predictions(
    y_true, y_score, *, thresholds=(0.9, 0.99, 0.999, 0.9999, 0.99999), labels=None
):
    """How often predictions made with a top probability above t are wrong.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Multi-class (or binary) labels.
    y_score : array-like of shape (n_samples, n_classes)
        Probabilities, one column per class (a binary problem's 1-D positive
        probability p is read as the two columns ``[1 - p, p]``).
    thresholds : sequence of float, default=(0.9, 0.99, 0.999, 0.9999, 0.99999)
        Confidence levels, each in [0, 1).
    labels : array-like, optional
        The class values in column order.

    Returns
    -------
    dict of str to ndarray
        ``threshold``; ``predictions``: samples whose top probability is
        strictly above it; ``wrong``: those whose argmax (ties to the lowest
        class) is not the true class.

    Raises
    ------
    ValueError
        If the scores are not probabilities or a threshold is outside [0, 1).

    Examples
    --------
    >>> from evalviz.metrics import confident_predictions
    >>> out = confident_predictions([0, 1, 1], [[0.95, 0.05], [0.999, 0.001], [0.2, 0.8]],
    ...                             thresholds=[0.9, 0.99])
    >>> out["predictions"].tolist(), out["wrong"].tolist()
    ([2, 1], [1, 1])
    """
    t = np.atleast_1d(np.asarray(thresholds, dtype=np.float64))
    if t.ndim != 1 or np.any((t < 0) | (t >= 1)):
        raise ValueError(f"thresholds must be levels in [0, 1), got {thresholds!r}")
    inputs = _read_probabilities(y_true, y_score, labels, None)
    if inputs.kind == "multilabel":
        raise ValueError(
            "y_true is a multi-label indicator matrix; confident_predictions needs "
            "one true class per sample"
        )
    ((_, conf, hit),) = _curves(inputs, "top-label")
    above = conf[None, :] > t[:, None]
    return {
        "threshold": t,
        "predictions": above.sum(axis=1),
        "wrong": (above & (hit[None, :] == 0)).sum(axis=1),
    }
