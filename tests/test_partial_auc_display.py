"""The partial-AUC view of ROC plots: region drawn, numbers from roc_auc(max_fpr)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics as skm

import evalviz as ev
from evalviz.curves import RocCurves


def _binary(seed=0, n=400):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    return y, rng.random(n) + 0.6 * y


def test_binary_partial_auc_equals_sklearn_and_is_shaded():
    y, s = _binary()
    curves = ev.roc(y, s, max_fpr=0.1)
    ref = skm.roc_auc_score(y, s, max_fpr=0.1)
    assert curves.partial_areas.iloc[0] == pytest.approx(ref, abs=1e-12)
    curves.plot()
    span = curves.lines_["partial_region"]
    x0, x1 = span.get_x(), span.get_x() + span.get_width()  # a Rectangle
    assert x0 == pytest.approx(0.0) and x1 == pytest.approx(0.1)
    labels = curves.ax_.get_legend_handles_labels()[1]
    assert f"FPR <= 0.1: standardised partial AUC {ref:.3f}" in labels


def test_multiclass_partial_auc_per_class_in_frame_and_legend():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 3, 600)
    p = rng.dirichlet([1, 1, 1], 600)
    p[np.arange(600), y] += 0.5
    p /= p.sum(axis=1, keepdims=True)
    curves = RocCurves.from_predictions(
        y, p, display_labels=["a", "b", "c"], max_fpr=0.05, xscale="log"
    )
    onehot = np.eye(3, dtype=int)[y]
    ref = [skm.roc_auc_score(onehot[:, j], p[:, j], max_fpr=0.05) for j in range(3)]
    np.testing.assert_allclose(curves.partial_areas.to_numpy(), ref, rtol=0, atol=1e-12)
    frame = curves.to_frame()
    np.testing.assert_allclose(
        frame.loc[["a", "b", "c"], "partial AUC (FPR <= 0.05)"], ref, rtol=0, atol=1e-12
    )
    lo, hi = int(np.argmin(ref)), int(np.argmax(ref))
    label = [t for t in curves.ax_.get_legend_handles_labels()[1] if "partial" in t][0]
    assert (
        f"{ref[lo]:.3f} ({'abc'[lo]})" in label
        and f"{ref[hi]:.3f} ({'abc'[hi]})" in label
    )


def test_without_max_fpr_nothing_is_shaded():
    y, s = _binary(2)
    curves = ev.roc(y, s).plot()
    assert curves.partial_areas is None
    assert "partial_region" not in curves.lines_
    assert "partial AUC (FPR <= 0.1)" not in curves.to_frame().columns
