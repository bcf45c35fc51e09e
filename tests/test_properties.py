"""Invariants of the ranking metrics, checked with hypothesis.

Scores are drawn as small whole numbers so that every transform below is exact
in floating point (a strictly increasing map in exact arithmetic can merge or
split ties after rounding, which would test the floats, not the metric).
Settings cannot flake on a busy machine: no deadline, a fixed number of
examples and derandomized generation (the same examples on every run).
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.stats import rankdata
from sklearn import metrics as skm

from evalviz import metrics

SETTINGS = settings(deadline=None, derandomize=True, max_examples=50)


@st.composite
def binary_case(draw):
    n = draw(st.integers(2, 40))
    y = draw(arrays(np.int64, n, elements=st.integers(0, 1)))
    y[0], y[1] = 0, 1  # both classes present
    score = draw(arrays(np.int64, n, elements=st.integers(-8, 8))).astype(float)
    return y, score


@st.composite
def multilabel_case(draw):
    n = draw(st.integers(3, 30))
    k = draw(st.integers(2, 5))
    y = draw(arrays(np.int8, (n, k), elements=st.integers(0, 1)))
    y[0], y[1] = 1, 0  # every label has a positive and a negative
    score = draw(arrays(np.int64, (n, k), elements=st.integers(-6, 6))).astype(float)
    return y, score


@st.composite
def multiclass_logits(draw):
    k = draw(st.integers(3, 5))
    n = draw(st.integers(k, 30))
    y = draw(arrays(np.int64, n, elements=st.integers(0, k - 1)))
    y[:k] = np.arange(k)  # every class present
    logits = draw(arrays(np.int64, (n, k), elements=st.integers(-4, 4))).astype(float)
    offsets = draw(arrays(np.int64, (n, 1), elements=st.integers(-50, 50)))
    return y, logits, offsets.astype(float)


INCREASING = {
    "affine": lambda x: 3.0 * x + 7.0,
    "exp": np.exp,
    "rank": lambda x: rankdata(x, method="average"),
    "integer": lambda x: x.astype(np.int64) * 1000 + 2**53,
    "float32": lambda x: x.astype(np.float32),
}


@SETTINGS
@given(binary_case(), st.sampled_from(sorted(INCREASING)))
def test_binary_auc_and_ap_unchanged_by_increasing_transforms(case, name):
    y, score = case
    t = INCREASING[name](score)
    assert metrics.roc_auc(y, t) == metrics.roc_auc(y, score)
    assert metrics.average_precision(y, t) == metrics.average_precision(y, score)
    assert metrics.roc_auc(y, score) == pytest.approx(
        skm.roc_auc_score(y, score), abs=1e-12
    )
    fpr, tpr, _ = metrics.roc_curve(y, t)
    fpr0, tpr0, _ = metrics.roc_curve(y, score)
    np.testing.assert_array_equal(fpr, fpr0)
    np.testing.assert_array_equal(tpr, tpr0)


@SETTINGS
@given(multilabel_case(), st.sampled_from(sorted(INCREASING)), st.integers(0, 4))
def test_per_label_auc_unchanged_by_transforming_one_column(case, name, j):
    y, score = case
    j = j % score.shape[1]
    moved = score.copy()
    moved[:, j] = INCREASING[name](score[:, j]).astype(float)
    np.testing.assert_array_equal(
        metrics.roc_auc(y, moved, average=None), metrics.roc_auc(y, score, average=None)
    )
    np.testing.assert_array_equal(
        metrics.average_precision(y, moved, average=None),
        metrics.average_precision(y, score, average=None),
    )


@SETTINGS
@given(multilabel_case(), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(case, rnd):
    y, score = case
    order = np.array(rnd.sample(range(len(y)), len(y)))
    for average in ("macro", "micro", "weighted", None):
        np.testing.assert_allclose(
            metrics.roc_auc(y[order], score[order], average=average),
            metrics.roc_auc(y, score, average=average),
            rtol=0,
            atol=1e-15,
        )
        np.testing.assert_allclose(
            metrics.average_precision(y[order], score[order], average=average),
            metrics.average_precision(y, score, average=average),
            rtol=0,
            atol=1e-15,
        )
    k = score.shape[1] - 1
    assert metrics.top_k_accuracy(y[order], score[order], k) == pytest.approx(
        metrics.top_k_accuracy(y, score, k), abs=1e-15
    )


def _outcome(call):
    """The number, or the fact that it was refused."""
    try:
        return call()
    except ValueError as exc:
        assert "not probabilities" in str(exc)
        return "refused"


@SETTINGS
@given(multiclass_logits())
def test_a_per_row_logit_offset_never_silently_changes_a_number(case):
    y, logits, offsets = case
    shifted = logits + offsets
    for average in ("macro", "weighted", "micro", None):
        for fn in (metrics.roc_auc, metrics.average_precision):
            a = _outcome(lambda s=logits, f=fn, av=average: f(y, s, average=av))
            b = _outcome(lambda s=shifted, f=fn, av=average: f(y, s, average=av))
            if isinstance(a, str) or isinstance(b, str):
                continue  # refused: no number was shown
            np.testing.assert_array_equal(a, b)
    # Top-k and ranks depend on the order within a row only: always equal.
    for k in range(1, logits.shape[1] + 1):
        assert metrics.top_k_accuracy(y, shifted, k) == metrics.top_k_accuracy(
            y, logits, k
        )
    np.testing.assert_array_equal(
        metrics.rank_of_true_class(y, shifted), metrics.rank_of_true_class(y, logits)
    )
    assert metrics.tied_predictions(shifted) == metrics.tied_predictions(logits)


@SETTINGS
@given(multiclass_logits())
def test_top_1_is_always_the_argmax_accuracy(case):
    y, logits, _ = case
    assert metrics.top_k_accuracy(y, logits, 1) == metrics.accuracy(
        y, logits.argmax(axis=1)
    )
    curve = metrics.top_k_accuracy_curve(y, logits, max_k=logits.shape[1])
    assert curve[-1] == 1.0
    assert np.all(np.diff(curve) >= 0)


@SETTINGS
@given(binary_case(), arrays(np.int64, 4, elements=st.integers(-10, 10)))
def test_counts_at_thresholds_are_direct_counts(case, cuts):
    y, score = case
    frame = metrics.counts_at_thresholds(y, score, cuts.astype(float))
    for row, cut in zip(frame.itertuples(), cuts, strict=True):
        pred = score >= cut
        assert (row.tp, row.fp) == (np.sum(pred & (y == 1)), np.sum(pred & (y == 0)))
