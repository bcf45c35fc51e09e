"""Edge cases of bootstrap_ci, mcnemar_test and compare_models.

Undefined resamples of counting metrics, logits cut at a probability
threshold, a verdict consistent with its own test, and clear errors.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics as skm

from evalviz.uncertainty import bootstrap_ci


def _rare():
    y = np.zeros(60, int)
    y[:2] = 1
    pred = np.zeros(60, int)
    pred[:1] = 1
    pred[10:15] = 1
    return y, pred


@pytest.mark.parametrize("metric", ["recall", "precision", "f1"])
def test_undefined_counting_resamples_are_left_out_as_scikit_learn_nan(metric):
    y, pred = _rare()
    sk = {"recall": skm.recall_score, "precision": skm.precision_score}.get(
        metric, skm.f1_score
    )

    def reference(t, p):
        return sk(t, p, zero_division=np.nan)

    named = bootstrap_ci(metric, y, pred, n_resamples=2000, stratify=False)
    slow = bootstrap_ci(reference, y, pred, n_resamples=2000, stratify=False)
    np.testing.assert_allclose(
        named.bootstrap_distribution, slow.bootstrap_distribution, atol=1e-12
    )
    assert named.n_undefined == slow.n_undefined
    if metric == "recall":
        # The same draws as scipy.stats.bootstrap: resamples with no positive.
        idx = np.random.default_rng(0).integers(0, 60, (2000, 60))
        expected = int((~np.isin(idx, [0, 1]).any(axis=1)).sum())
        assert named.n_undefined == expected > 150


@pytest.mark.parametrize(
    ("metric", "y", "pred"),
    [
        ("recall", np.zeros(20, int), np.zeros(20, int)),
        ("precision", _rare()[0], np.zeros(60, int)),
        ("f1", np.zeros(20, int), np.zeros(20, int)),
    ],
)
def test_counting_metric_undefined_on_the_full_data_raises(metric, y, pred):
    with pytest.raises(ValueError, match="undefined on the full data"):
        bootstrap_ci(metric, y, pred, n_resamples=100)


def test_one_class_y_true_with_defined_recall_still_works():
    y = np.ones(20, int)
    pred = np.r_[np.ones(15, int), np.zeros(5, int)]
    result = bootstrap_ci("recall", y, pred, n_resamples=200)
    assert result.estimate == skm.recall_score(y, pred) == 0.75
