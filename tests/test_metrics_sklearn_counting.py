"""Random differential check of the counting metrics against scikit-learn.

Each seed draws a target (binary, multi-class integers, strings, multi-label
indicators), predictions, sample weights (none, integers with zeros, floats),
``labels=`` (subsets, other orders, classes absent from the data), an average,
a beta and a ``zero_division``, and compares every number and every
zero-division warning with scikit-learn's.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import evalviz.metrics as ev

skm = pytest.importorskip("sklearn.metrics")

_STRINGS = np.array(["ant", "bee", "cat", "dog"])
_BETAS = (0.0, 0.5, 1.0, 2.0, np.inf)
_ZERO_DIVISION = ("warn", 0.0, 1.0, np.nan)


def _case(rng):
    """One random problem: (y_true, y_pred, kind, absent value)."""
    kind = rng.choice(["binary", "multiclass", "strings", "multilabel"])
    n = int(rng.integers(1, 40))
    if kind == "multilabel":
        k = int(rng.integers(2, 5))
        density = rng.uniform(0.05, 0.7)
        y_true = (rng.random((n, k)) < density).astype(int)
        y_pred = (rng.random((n, k)) < density).astype(int)
        return y_true, y_pred, kind, None
    k = 2 if kind == "binary" else int(rng.integers(2, 5))
    values = _STRINGS[:k] if kind == "strings" else np.arange(k)
    y_true = rng.choice(values, n)
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.choice(values, n))
    absent = "eel" if kind == "strings" else k + 3
    return y_true, y_pred, kind, absent


def _weights(rng, n):
    pick = rng.integers(0, 3)
    if pick == 0:
        return None
    if pick == 1:
        return rng.integers(0, 4, n)
    return rng.random(n) * rng.choice([0.0, 1.0], n, p=[0.1, 0.9])


def _labels(rng, y_true, y_pred, kind, absent):
    if rng.random() < 0.4:
        return None
    if kind == "multilabel":
        k = y_true.shape[1]
        return rng.permutation(k)[: int(rng.integers(1, k + 1))].tolist()
    present = np.unique(np.concatenate([y_true, y_pred])).tolist()
    pool = [*present, absent] if rng.random() < 0.5 else present
    chosen = rng.permutation(len(pool))[: int(rng.integers(1, len(pool) + 1))]
    return [pool[i] for i in chosen]


def _averages(y_true, y_pred, kind):
    out = [None, "micro", "macro", "weighted"]
    if kind == "multilabel":
        out.append("samples")
    elif len(np.unique(np.concatenate([y_true, y_pred]))) <= 2:
        out.append("binary")
    return out


def _call(fn, *args, **kwargs):
    """Result and the messages of zero-division warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    messages = sorted(str(w.message) for w in caught if "ill-defined" in str(w.message))
    return result, messages


def _same(ours, theirs):
    if theirs is None:
        assert ours is None
        return
    np.testing.assert_allclose(
        np.asarray(ours, dtype=np.float64),
        np.asarray(theirs, dtype=np.float64),
        rtol=1e-12,
        atol=1e-12,
        equal_nan=True,
    )


def _pos_label(rng, y_true, y_pred):
    present = np.unique(np.concatenate([y_true, y_pred])).tolist()
    return present[int(rng.integers(0, len(present)))]


@pytest.mark.parametrize("seed", range(150))
def test_set_wise_metrics_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    y_true, y_pred, kind, absent = _case(rng)
    sw = _weights(rng, len(y_true))
    labels = _labels(rng, y_true, y_pred, kind, absent)
    for average in _averages(y_true, y_pred, kind):
        beta = float(rng.choice(_BETAS))
        zd = _ZERO_DIVISION[int(rng.integers(0, 4))]
        kwargs = {"labels": labels, "average": average, "sample_weight": sw}
        kwargs["zero_division"] = zd
        if average == "binary":
            kwargs["pos_label"] = _pos_label(rng, y_true, y_pred)
        ours, our_warnings = _call(
            ev.precision_recall_fscore_support, y_true, y_pred, beta=beta, **kwargs
        )
        theirs, their_warnings = _call(
            skm.precision_recall_fscore_support, y_true, y_pred, beta=beta, **kwargs
        )
        for a, b in zip(ours, theirs, strict=True):
            _same(a, b)
        assert our_warnings == their_warnings
        for name in ("precision_score", "recall_score", "f1_score"):
            kw = dict(kwargs, average=average)
            mine, mine_w = _call(getattr(ev, name), y_true, y_pred, **kw)
            ref, ref_w = _call(getattr(skm, name), y_true, y_pred, **kw)
            _same(mine, ref)
            assert mine_w == ref_w
        mine, _ = _call(ev.fbeta_score, y_true, y_pred, beta=beta, **kwargs)
        ref, _ = _call(skm.fbeta_score, y_true, y_pred, beta=beta, **kwargs)
        _same(mine, ref)


@pytest.mark.parametrize("seed", range(100))
def test_confusion_matrices_report_and_accuracy_match_sklearn(seed):
    rng = np.random.default_rng(1000 + seed)
    y_true, y_pred, kind, absent = _case(rng)
    sw = _weights(rng, len(y_true))
    labels = _labels(rng, y_true, y_pred, kind, absent)
    mcm = ev.multilabel_confusion_matrix(
        y_true, y_pred, sample_weight=sw, labels=labels
    )
    ref = skm.multilabel_confusion_matrix(
        y_true, y_pred, sample_weight=sw, labels=labels
    )
    _same(mcm, ref)
    if kind == "multilabel":
        mine = ev.multilabel_confusion_matrix(
            y_true, y_pred, sample_weight=sw, labels=labels, samplewise=True
        )
        ref = skm.multilabel_confusion_matrix(
            y_true, y_pred, sample_weight=sw, labels=labels, samplewise=True
        )
        _same(mine, ref)
    elif labels is None or np.isin(labels, y_true).any():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            cm = ev.confusion_matrix(y_true, y_pred, labels=labels, sample_weight=sw)
            ref = skm.confusion_matrix(y_true, y_pred, labels=labels, sample_weight=sw)
        _same(cm, ref)
        assert cm.dtype == ref.dtype
    if sw is None or np.sum(sw) > 0:  # all-zero weights: no share to give
        _same(
            ev.accuracy(y_true, y_pred, sample_weight=sw),
            skm.accuracy_score(y_true, y_pred, sample_weight=sw),
        )
    zd = _ZERO_DIVISION[int(rng.integers(0, 4))]
    mine, mine_w = _call(
        ev.classification_report, y_true, y_pred, labels=labels, sample_weight=sw,
        output_dict=True, zero_division=zd,
    )  # fmt: skip
    ref, ref_w = _call(
        skm.classification_report, y_true, y_pred, labels=labels, sample_weight=sw,
        output_dict=True, zero_division=zd,
    )  # fmt: skip
    assert list(mine) == list(ref)
    for key, value in ref.items():
        if isinstance(value, dict):
            assert list(mine[key]) == list(value)
            _same(list(mine[key].values()), list(value.values()))
        else:
            _same(mine[key], value)
    assert mine_w == ref_w


def test_report_frame_equals_the_dictionary():
    y_true = ["ant", "bee", "bee", "cat", "cat", "cat"]
    y_pred = ["ant", "ant", "bee", "cat", "bee", "cat"]
    frame = ev.classification_report(y_true, y_pred, display_labels=["A", "B", "C"])
    ref = skm.classification_report(
        y_true, y_pred, target_names=["A", "B", "C"], output_dict=True
    )
    assert frame.index.tolist() == list(ref)
    assert frame.loc["B"].tolist() == pytest.approx(list(ref["B"].values()))
    assert frame.loc["accuracy", "f1-score"] == pytest.approx(ref["accuracy"])
    assert frame.loc["accuracy", "support"] == 6


def test_zero_division_warns_like_sklearn_by_default():
    with pytest.warns(ev.UndefinedMetricWarning, match="no predicted samples"):
        assert ev.precision_score([0, 1, 1], [0, 0, 0]) == 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isnan(ev.precision_score([0, 1, 1], [0, 0, 0], zero_division=np.nan))
    assert issubclass(ev.UndefinedMetricWarning, UserWarning)


def test_counting_arguments_are_checked():
    with pytest.raises(ValueError, match="zero_division"):
        ev.f1_score([0, 1], [0, 1], zero_division="always")
    with pytest.raises(ValueError, match="beta"):
        ev.fbeta_score([0, 1], [0, 1], beta=-1)
    with pytest.raises(ValueError, match="Samplewise"):
        ev.f1_score([0, 1, 2], [0, 1, 1], average="samples")
    with pytest.raises(ValueError, match="mix of multi-label"):
        ev.f1_score([[0, 1], [1, 1]], [1, 0], average="macro")
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        ev.confusion_matrix([0, 1], [0, 1], sample_weight=[1, 2, 3])
    with pytest.raises(ValueError, match="non-negative"):
        ev.confusion_matrix([0, 1], [0, 1], sample_weight=[1, -2])
    with pytest.raises(ValueError, match=r"\[0, n labels\)"):
        ev.multilabel_confusion_matrix([[0, 1], [1, 1]], [[1, 1], [0, 1]], labels=[2])


def test_normalized_confusion_gives_nan_for_an_empty_column():
    cm = ev.confusion_matrix([0, 0, 1, 1], [0, 0, 0, 0], normalize="pred")
    ref = skm.confusion_matrix([0, 0, 1, 1], [0, 0, 0, 0], normalize="pred")
    assert np.isnan(cm[:, 1]).all() and (ref[:, 1] == 0).all()
    np.testing.assert_allclose(cm[:, 0], ref[:, 0])


def test_sparse_indicators_scalar_weights_and_zero_weights():
    sparse = pytest.importorskip("scipy.sparse")
    y_true = np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0]])
    y_pred = np.array([[1, 0, 0], [0, 1, 1], [0, 0, 1]])
    ours = ev.f1_score(
        sparse.csr_matrix(y_true), sparse.csr_matrix(y_pred), average=None
    )
    np.testing.assert_allclose(ours, skm.f1_score(y_true, y_pred, average=None))
    np.testing.assert_array_equal(
        ev.confusion_matrix([0, 1, 1], [0, 1, 0], sample_weight=3),
        skm.confusion_matrix([0, 1, 1], [0, 1, 0], sample_weight=[3, 3, 3]),
    )
    with pytest.raises(ValueError, match="sums to 0"):
        ev.accuracy([0, 1], [0, 0], sample_weight=[0, 0])
    with pytest.warns(UserWarning, match="single label"):
        assert ev.confusion_matrix([2, 2], [2, 2]).tolist() == [[2]]


def test_string_labels_with_an_absent_class_match_sklearn():
    y_true = ["cat", "dog", "dog", "bird"]
    y_pred = ["cat", "cat", "dog", "dog"]
    labels = ["dog", "eel", "cat"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = ev.precision_recall_fscore_support(y_true, y_pred, labels=labels)
        ref = skm.precision_recall_fscore_support(y_true, y_pred, labels=labels)
    for a, b in zip(ours, ref, strict=True):
        np.testing.assert_allclose(a, b)
    np.testing.assert_array_equal(
        ev.confusion_matrix(y_true, y_pred, labels=labels),
        skm.confusion_matrix(y_true, y_pred, labels=labels),
    )


@pytest.mark.parametrize("seed", range(20))
def test_weighted_counts_at_thresholds_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 60))
    y_true = rng.integers(0, 2, n)
    y_score = np.round(rng.random(n), 1)  # ties
    sw = rng.integers(0, 4, n) if seed % 2 else rng.random(n)
    cuts = [0.0, 0.3, 0.5, 0.95]
    frame = ev.counts_at_thresholds(y_true, y_score, cuts, sample_weight=sw)
    for row, cut in zip(frame.itertuples(), cuts, strict=True):
        y_pred = (y_score >= cut).astype(int)
        tn, fp, fn, tp = skm.confusion_matrix(
            y_true, y_pred, labels=[0, 1], sample_weight=sw
        ).ravel()
        assert (row.tp, row.fp, row.tn, row.fn) == pytest.approx((tp, fp, tn, fn))
        assert row.precision == pytest.approx(
            skm.precision_score(y_true, y_pred, sample_weight=sw, zero_division=0.0)
        )
        assert row.recall == pytest.approx(
            skm.recall_score(y_true, y_pred, sample_weight=sw, zero_division=0.0)
        )
