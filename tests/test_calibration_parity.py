"""evalviz.calibration against torchmetrics' CalibrationError and scikit-learn.

Needs the ``parity`` extra for torchmetrics (``pip install "evalviz[parity]"``);
without it the torchmetrics tests are skipped with a reason. scikit-learn is a
test dependency.

Every ``calibration_error`` setting torchmetrics has (binary and multi-class,
norms l1 / l2 / max, any ``n_bins``) is checked on 300 random cases each, with
confidences of exactly 0 and 1 and tied scores planted. torchmetrics computes
multi-class errors in float32 (it casts the confidences), so those are compared
to 1e-6; binary float64 errors to 1e-12.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss
from sklearn.metrics import log_loss as sk_log_loss

from evalviz.calibration import (
    brier_score,
    calibration_bins,
    calibration_error,
    log_loss,
)

pytestmark = pytest.mark.parity

_REASON = 'needs the parity extra: pip install "evalviz[parity]" (torchmetrics)'
N_CASES = 300


def _torch():
    torch = pytest.importorskip("torch", reason=_REASON)
    pytest.importorskip("torchmetrics", reason=_REASON)
    from torchmetrics.functional.classification import calibration_error as tm_ce

    return torch, tm_ce


def _plant(rng, p):
    """Exact 0s and 1s, and ties (values copied between samples)."""
    n = len(p)
    p = p.copy()
    if n > 3:
        p[rng.choice(n, size=max(1, n // 10), replace=False)] = 0.0
        p[rng.choice(n, size=max(1, n // 10), replace=False)] = 1.0
        copies = rng.choice(n, size=n // 4)
        p[rng.choice(n, size=n // 4)] = p[copies]
    return p


def binary_cases(seed, dtype=np.float64):
    rng = np.random.default_rng(seed)
    for _ in range(N_CASES):
        n = int(rng.integers(1, 200))
        y = rng.integers(0, 2, n)
        p = rng.beta(rng.uniform(0.2, 3), rng.uniform(0.2, 3), n)
        p = np.where(y == 1, p ** rng.uniform(0.3, 1), p)  # some signal
        yield y, _plant(rng, p).astype(dtype), int(rng.integers(1, 31))


def multiclass_cases(seed, dtype=np.float32):
    rng = np.random.default_rng(seed)
    for _ in range(N_CASES):
        n, k = int(rng.integers(1, 200)), int(rng.integers(2, 8))
        y = rng.integers(0, k, n)
        logits = rng.normal(size=(n, k)) * rng.uniform(0.5, 30)  # up to saturated
        logits[np.arange(n), y] += rng.uniform(0, 4)
        z = (logits - logits.max(axis=1, keepdims=True)).astype(dtype)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        if n > 4:  # tied rows, and a row tied between two classes
            p[rng.choice(n, size=n // 4)] = p[rng.choice(n, size=n // 4)]
            p[0] = 0
            p[0, :2] = 0.5
        if dtype == np.float64:
            # torchmetrics rounds multi-class confidences to float32: a float64
            # top score within float32 rounding of 1.0 becomes 1.0 there (see
            # calibration_error's Notes); such rows become exact one-hot rows.
            top = p.max(axis=1)
            near = (top < 1) & (top.astype(np.float32) == 1)
            p[near] = np.eye(k)[p[near].argmax(axis=1)]
        yield y, p.astype(dtype), int(rng.integers(1, 31))


@pytest.mark.parametrize("norm", ["l1", "l2", "max"])
def test_binary_equals_torchmetrics(norm):
    torch, tm_ce = _torch()
    worst = 0.0
    for y, p, n_bins in binary_cases(1):
        ours = calibration_error(y, p, n_bins=n_bins, norm=norm)
        theirs = tm_ce(
            torch.from_numpy(p), torch.from_numpy(y), task="binary", n_bins=n_bins,
            norm=norm,
        ).item()  # fmt: skip
        worst = max(worst, abs(ours - theirs))
    assert worst < 1e-12, worst


@pytest.mark.parametrize("norm", ["l1", "l2", "max"])
def test_binary_float32_equals_torchmetrics(norm):
    torch, tm_ce = _torch()
    worst = 0.0
    for y, p, n_bins in binary_cases(2, np.float32):
        ours = calibration_error(y, p, n_bins=n_bins, norm=norm)
        theirs = tm_ce(
            torch.from_numpy(p), torch.from_numpy(y), task="binary", n_bins=n_bins,
            norm=norm,
        ).item()  # fmt: skip
        worst = max(worst, abs(ours - theirs))
    assert worst < 1e-6, worst


@pytest.mark.parametrize("norm", ["l1", "l2", "max"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_multiclass_equals_torchmetrics(norm, dtype):
    torch, tm_ce = _torch()
    worst = 0.0
    seed = 3 if dtype is np.float32 else 4
    for y, p, n_bins in multiclass_cases(seed, dtype):
        k = p.shape[1]
        ours = calibration_error(
            y, p, n_bins=n_bins, norm=norm, labels=range(k), kind="top-label"
        )
        theirs = tm_ce(
            torch.from_numpy(p), torch.from_numpy(y), task="multiclass",
            num_classes=k, n_bins=n_bins, norm=norm,
        ).item()  # fmt: skip
        worst = max(worst, abs(ours - theirs))
    assert worst < 1e-6, worst


def test_default_bins_equal_torchmetrics_module():
    """The class API with its defaults (15 bins, l1) gives the same number."""
    torch, _ = _torch()
    from torchmetrics.classification import MulticlassCalibrationError

    y, p, _ = next(multiclass_cases(5))
    metric = MulticlassCalibrationError(num_classes=p.shape[1])
    theirs = metric(torch.from_numpy(p), torch.from_numpy(y)).item()
    ours = calibration_error(y, p, labels=range(p.shape[1]), kind="top-label")
    assert abs(ours - theirs) < 1e-6


def test_inner_edge_difference_is_the_documented_one():
    """At 0.3 with 10 bins torch.linspace's edge is 0.30000000000000004."""
    torch, tm_ce = _torch()
    y, p = np.array([0, 1]), np.array([0.3, 0.25])
    theirs = tm_ce(torch.tensor(p), torch.tensor(y), task="binary", n_bins=10).item()
    # torchmetrics: one bin [0.2, 0.30000000000000004) with both, gap |0.5 - 0.275|
    assert theirs == pytest.approx(0.225, abs=1e-12)
    # evalviz: 0.3 opens the bin [0.3, 0.4): gaps 0.3 and 0.75, mean 0.525
    assert calibration_error(y, p, n_bins=10) == pytest.approx(0.525, abs=1e-12)


def test_brier_and_log_loss_equal_sklearn():
    worst = 0.0
    for y, p, _ in binary_cases(6):
        if len(np.unique(y)) < 2:
            continue
        worst = max(worst, abs(brier_score(y, p) - brier_score_loss(y, p)))
        worst = max(worst, abs(log_loss(y, p) - sk_log_loss(y, p)))
    for y, p, _ in multiclass_cases(7, np.float64):
        k = p.shape[1]
        if len(np.unique(y)) < 2:
            continue
        labels = list(range(k))
        sk_brier = brier_score_loss(y, p, labels=labels)
        worst = max(worst, abs(brier_score(y, p, labels=labels) - sk_brier))
        sk_ll = sk_log_loss(y, p, labels=labels)
        worst = max(worst, abs(log_loss(y, p, labels=labels) - sk_ll))
    assert worst < 1e-12, worst


@pytest.mark.parametrize("strategy", ["uniform", "quantile"])
def test_sklearn_edges_equal_calibration_curve(strategy):
    worst = 0.0
    for y, p, n_bins in binary_cases(8):
        if len(np.unique(y)) < 2:
            continue
        prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
        (b,) = calibration_bins(
            y, p, n_bins=n_bins, strategy=strategy, edges="sklearn"
        ).values()
        filled = b.count > 0
        assert filled.sum() == len(prob_true)
        worst = max(worst, np.max(np.abs(b.accuracy[filled] - prob_true)))
        worst = max(worst, np.max(np.abs(b.confidence[filled] - prob_pred)))
    assert worst < 1e-12, worst
