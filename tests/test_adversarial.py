"""Bad inputs a tester threw at the merged code: each kind with its right value."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn import metrics as skm

import evalviz as ev

# --- thresholds are compared in the score's own dtype ----------------------

BIG = 2**53
Y6 = np.array([0, 1, 0, 1, 0, 1])
SI = np.arange(BIG + 1, BIG + 7, dtype=np.int64)


def _sk_counts(y, pred):
    tn, fp, fn, tp = skm.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    return int(tp), int(fp), int(tn), int(fn)


def test_integer_scores_above_2_53_are_cut_exactly():
    right = _sk_counts(Y6, SI >= BIG + 4)
    assert right == (2, 1, 2, 1)
    row = ev.metrics.counts_at_thresholds(Y6, SI, [BIG + 4]).iloc[0]
    assert (row.tp, row.fp, row.tn, row.fn) == right
    assert int(row.threshold) == BIG + 4
    c = ev.metrics.confusion_at_threshold(Y6, SI, BIG + 4)
    assert (c["tp"], c["fp"], c["tn"], c["fn"]) == right
    n = ev.explain(Y6, SI, threshold=BIG + 4).numbers
    assert (n["true positives"], n["false positives"]) == (2, 1)
    curve = ev.threshold.threshold_curve(Y6, SI)
    assert curve["threshold"].tolist() == list(range(BIG + 1, BIG + 7))
    assert curve["fp"].tolist() == [3, 2, 2, 1, 1, 0]


def test_float_threshold_against_integer_scores_is_its_ceiling():
    s = np.array([1, 2, 3, 4])
    y = np.array([0, 0, 1, 1])
    row = ev.metrics.counts_at_thresholds(y, s, [2.5]).iloc[0]
    assert (row.tp, row.fp) == (2, 0)
    assert ev.metrics.confusion_at_threshold(y, s, 2.5)["fp"] == 0


def test_float32_scores_compare_with_the_float32_threshold():
    y = np.array([0, 1, 1, 0])
    s = np.float32([0.2, 0.7, 0.9, 0.1])
    assert _sk_counts(y, s >= np.float32(0.7))[0] == 2
    assert ev.metrics.counts_at_thresholds(y, s, [0.7]).tp.tolist() == [2]
    assert ev.metrics.confusion_at_threshold(y, s, 0.7)["tp"] == 2
    assert ev.explain(y, s, threshold=0.7).numbers["true positives"] == 2
    assert ev.metrics.binary_summary(y, s, threshold=0.7)["tp"] == 2
