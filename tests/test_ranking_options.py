"""scikit-learn's ranking options in evalviz.metrics, checked against scikit-learn.

Seeded random differential loops (weights with zeros, ties, partial AUC,
one-vs-one, per-sample averages, thinned curves) plus the exactness of integer
scores above 2**53 and the ``undefined=`` switch.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn import metrics as skm

from evalviz import metrics

N_CASES = 40


def _sk(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _binary_case(rng):
    n = int(rng.integers(4, 60))
    y = rng.integers(0, 2, n)
    y[:2] = [0, 1]
    levels = int(rng.integers(2, 8))
    score = rng.integers(0, levels, n) / levels  # many ties
    weight = rng.integers(0, 4, n).astype(float)
    weight[:2] = [1.0, 2.0]  # both classes keep some weight
    if rng.random() < 0.5:
        weight = rng.random(n) * 3
    return y, score, weight


def test_weighted_binary_auc_and_ap_equal_sklearn():
    rng = np.random.default_rng(11)
    for _ in range(N_CASES):
        y, s, w = _binary_case(rng)
        for max_fpr in (None, 0.05, 0.3, 0.77, 1.0):
            ours = metrics.roc_auc(y, s, sample_weight=w, max_fpr=max_fpr)
            ref = skm.roc_auc_score(y, s, sample_weight=w, max_fpr=max_fpr)
            assert ours == pytest.approx(ref, abs=1e-12)
        ours = metrics.average_precision(y, s, sample_weight=w)
        ref = skm.average_precision_score(y, s, sample_weight=w)
        assert ours == pytest.approx(ref, abs=1e-12)


def test_unweighted_partial_auc_equals_sklearn():
    rng = np.random.default_rng(12)
    for _ in range(N_CASES):
        y, s, _ = _binary_case(rng)
        max_fpr = float(rng.uniform(0.001, 1.0))
        ours = metrics.roc_auc(y, s, max_fpr=max_fpr)
        assert ours == pytest.approx(
            skm.roc_auc_score(y, s, max_fpr=max_fpr), abs=1e-12
        )


def test_weights_of_ones_change_nothing_and_integer_weights_repeat_samples():
    rng = np.random.default_rng(13)
    for _ in range(20):
        y, s, _ = _binary_case(rng)
        w = rng.integers(1, 4, y.size)
        plain = metrics.roc_auc(y, s)
        assert metrics.roc_auc(y, s, sample_weight=np.ones(y.size)) == pytest.approx(
            plain, abs=1e-15
        )
        rep = metrics.roc_auc(np.repeat(y, w), np.repeat(s, w))
        assert metrics.roc_auc(y, s, sample_weight=w) == pytest.approx(rep, abs=1e-12)
        ap_rep = metrics.average_precision(np.repeat(y, w), np.repeat(s, w))
        ap_w = metrics.average_precision(y, s, sample_weight=w)
        assert ap_w == pytest.approx(ap_rep, abs=1e-12)


def _multiclass_case(rng, k):
    n = int(rng.integers(3 * k, 80))
    y = np.r_[np.arange(k), rng.integers(0, k, n - k)]
    raw = rng.integers(1, 5, (n, k)).astype(float)  # ties inside and across rows
    return y, raw / raw.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("average", ["macro", "weighted"])
def test_one_vs_one_equals_sklearn(average):
    rng = np.random.default_rng(14)
    for _ in range(20):
        k = int(rng.integers(3, 7))
        y, p = _multiclass_case(rng, k)
        ours = metrics.roc_auc(y, p, multi_class="ovo", average=average)
        ref = skm.roc_auc_score(y, p, multi_class="ovo", average=average)
        assert ours == pytest.approx(ref, abs=1e-12)


def test_one_vs_one_with_string_classes_and_labels():
    rng = np.random.default_rng(15)
    y, p = _multiclass_case(rng, 4)
    names = np.array(["ant", "bee", "cat", "dog"])
    ours = metrics.roc_auc(names[y], p, multi_class="ovo", labels=list(names))
    ref = skm.roc_auc_score(names[y], p, multi_class="ovo", labels=list(names))
    assert ours == pytest.approx(ref, abs=1e-12)


def test_one_vs_one_differs_from_one_vs_rest_under_imbalance():
    # Hand and Till average pairs of classes; one-vs-rest lets the large class
    # dominate each "rest", so the two differ on imbalanced data.
    rng = np.random.default_rng(16)
    y = np.r_[np.zeros(300, int), np.ones(30, int), np.full(30, 2)]
    p = rng.dirichlet([1, 1, 1], y.size)
    p[y == 1, 2] += 0.3  # class 1 looks like class 2
    p /= p.sum(axis=1, keepdims=True)
    ovo = metrics.roc_auc(y, p, multi_class="ovo")
    ovr = metrics.roc_auc(y, p, multi_class="ovr")
    assert ovo == pytest.approx(skm.roc_auc_score(y, p, multi_class="ovo"), abs=1e-12)
    assert abs(ovo - ovr) > 0.01


@pytest.mark.parametrize("average", ["macro", "micro", "weighted", "samples", None])
def test_multilabel_weighted_options_equal_sklearn(average):
    rng = np.random.default_rng(17)
    for _ in range(12):
        n, k = int(rng.integers(8, 40)), int(rng.integers(2, 6))
        y = rng.integers(0, 2, (n, k))  # some rows or columns may be undefined
        s = rng.integers(0, 5, (n, k)) / 5
        w = rng.random(n) + 0.1
        for weight in (None, w):
            ours = _sk(metrics.roc_auc, y, s, average=average,
                       sample_weight=weight, undefined="warn")  # fmt: skip
            ref = _sk(skm.roc_auc_score, y, s, average=average, sample_weight=weight)
            np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)
            ours = _sk(metrics.average_precision, y, s, average=average,
                       sample_weight=weight, undefined="warn")  # fmt: skip
            ref = _sk(
                skm.average_precision_score, y, s, average=average, sample_weight=weight
            )
            np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)


def test_multiclass_weighted_ovr_and_string_labels_equal_sklearn():
    rng = np.random.default_rng(18)
    names = np.array(["b", "a", "c"])
    for _ in range(12):
        y, p = _multiclass_case(rng, 3)
        w = rng.random(y.size)
        for average in ("macro", "weighted", "micro", None):
            ours = metrics.roc_auc(names[y], p, labels=names, average=average,
                                   sample_weight=w)  # fmt: skip
            # scikit-learn needs sorted labels: reorder the columns to match.
            order = np.argsort(names)
            ref = skm.roc_auc_score(
                names[y], p[:, order], multi_class="ovr", labels=names[order],
                average=average, sample_weight=w,
            )  # fmt: skip
            if average is None:
                ref = np.asarray(ref)[np.argsort(order)]
            np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)


def test_average_precision_pos_label_and_string_classes():
    rng = np.random.default_rng(19)
    for _ in range(12):
        y, s, w = _binary_case(rng)
        lab = np.array(["no", "yes"])[y]
        for pos, y01 in (("yes", y), ("no", 1 - y)):
            ours = metrics.average_precision(lab, s, pos_label=pos, sample_weight=w)
            ref = skm.average_precision_score(lab, s, pos_label=pos, sample_weight=w)
            assert ours == pytest.approx(ref, abs=1e-12)
            assert ours == pytest.approx(
                metrics.average_precision(y01, s, sample_weight=w), abs=1e-15
            )


@pytest.mark.parametrize("drop", [True, False])
def test_curves_with_weights_and_drop_intermediate_equal_sklearn(drop):
    rng = np.random.default_rng(20)
    for _ in range(N_CASES):
        y, s, w = _binary_case(rng)
        for weight in (None, w):
            ours = metrics.roc_curve(y, s, sample_weight=weight, drop_intermediate=drop)
            ref = skm.roc_curve(y, s, sample_weight=weight, drop_intermediate=drop)
            for a, b in zip(ours, ref, strict=True):
                np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
            ours = metrics.precision_recall_curve(
                y, s, sample_weight=weight, drop_intermediate=drop
            )
            ref = skm.precision_recall_curve(
                y, s, sample_weight=weight, drop_intermediate=drop
            )
            for a, b in zip(ours, ref, strict=True):
                np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)


def test_zero_weight_samples_add_no_threshold():
    y = [0, 1, 0, 1]
    s = [0.1, 0.9, 0.5, 0.3]
    w = [1, 1, 0, 1]
    _, _, thr = metrics.roc_curve(y, s, sample_weight=w)
    assert 0.5 not in thr.tolist()
    assert (
        thr.tolist()
        == skm.roc_curve(y, s, sample_weight=w, drop_intermediate=False)[2].tolist()
    )


def test_top_k_accuracy_sample_weight_equals_sklearn():
    rng = np.random.default_rng(21)
    for _ in range(20):
        k = int(rng.integers(3, 6))
        y, p = _multiclass_case(rng, k)
        p = p + rng.random(p.shape) * 1e-3  # no ties: the tie rules differ
        w = rng.random(y.size)
        for top in range(1, k):
            ours = metrics.top_k_accuracy(y, p, top, sample_weight=w)
            ref = skm.top_k_accuracy_score(y, p, k=top, sample_weight=w)
            assert ours == pytest.approx(ref, abs=1e-12)


def test_integer_scores_above_2_53_rank_exactly():
    big = np.array([2**53, 2**53 + 1])
    assert metrics.roc_auc([0, 1], big) == 1.0
    assert metrics.roc_auc([1, 0], big) == 0.0
    # The weighted and partial paths rank the integers exactly too.
    assert metrics.roc_auc([0, 1], big, sample_weight=[1.0, 2.0]) == 1.0
    assert metrics.roc_auc([0, 0, 1], np.r_[big, 2**53 + 2], max_fpr=0.5) == 1.0
    assert metrics.average_precision([0, 1, 0], np.r_[big, 2**53 - 1]) == 1.0
    fpr, tpr, _ = metrics.roc_curve([0, 1], big)
    assert fpr.tolist() == [0.0, 0.0, 1.0] and tpr.tolist() == [0.0, 1.0, 1.0]
    # As float64 the two scores are one value: the exactness is not free.
    assert float(big[0]) == float(big[1])
    # top-k: the true class's integer score beats its neighbour by 1.
    scores = np.array([[2**53, 2**53 + 1, 0], [2**53 + 1, 2**53, 0]], dtype=np.int64)
    assert metrics.top_k_accuracy([1, 0], scores, 1) == 1.0
    assert metrics.top_k_accuracy([0, 1], scores, 1) == 0.0
    assert metrics.top_k_accuracy([1, 0], scores, 1, sample_weight=[1, 3]) == 1.0


def test_undefined_switch_gives_sklearn_values_with_a_warning():
    y, s = [0, 0, 0], [0.2, 0.5, 0.9]
    with pytest.raises(ValueError, match="no positive"):
        metrics.roc_auc(y, s)
    with pytest.warns(metrics.UndefinedMetricWarning, match="Only one class"):
        assert np.isnan(metrics.roc_auc(y, s, undefined="warn"))
    with pytest.warns(metrics.UndefinedMetricWarning, match="No positive class"):
        assert metrics.average_precision(y, s, undefined="warn") == 0.0
    with pytest.warns(metrics.UndefinedMetricWarning):
        fpr, tpr, _ = metrics.roc_curve(y, s, undefined="warn")
    assert np.isnan(tpr).all() and fpr.tolist() == [0, 1 / 3, 2 / 3, 1]
    # A fold lacking a class: NaN in its column, like scikit-learn.
    truth = np.array([[1, 0], [0, 0], [1, 0]])
    score = np.array([[0.9, 0.1], [0.2, 0.8], [0.7, 0.3]])
    with pytest.warns(metrics.UndefinedMetricWarning):
        per = metrics.roc_auc(truth, score, average=None, undefined="warn")
    ref = _sk(skm.roc_auc_score, truth, score, average=None)
    np.testing.assert_array_equal(per, ref)
    with pytest.raises(ValueError, match="undefined"):
        metrics.roc_auc(y, s, undefined="nan")


def test_option_errors_name_the_argument():
    y, p = _multiclass_case(np.random.default_rng(22), 3)
    with pytest.raises(ValueError, match="max_fpr"):
        metrics.roc_auc([0, 1], [0.2, 0.4], max_fpr=0)
    with pytest.raises(ValueError, match="max_fpr"):
        metrics.roc_auc([0, 1], [0.2, 0.4], max_fpr=1.5)
    with pytest.raises(ValueError, match="sample_weight"):
        metrics.roc_auc(y, p, multi_class="ovo", sample_weight=np.ones(y.size))
    with pytest.raises(ValueError, match="max_fpr"):
        metrics.roc_auc(y, p, multi_class="ovo", max_fpr=0.5)
    with pytest.raises(NotImplementedError, match="average=None"):
        metrics.roc_auc(y, p, multi_class="ovo", average=None)
    with pytest.raises(ValueError, match="multi_class"):
        metrics.roc_auc(y, p, multi_class="raise")
    with pytest.raises(ValueError, match="samples"):
        metrics.roc_auc(y, p, average="samples")
    with pytest.raises(ValueError, match="sample_weight"):
        metrics.roc_auc([0, 1], [0.2, 0.4], sample_weight=[1.0, -1.0])
    with pytest.raises(ValueError, match="no samples"):
        metrics.roc_auc(y[y != 2], p[y != 2], multi_class="ovo")


def test_partial_auc_of_multiclass_is_each_class_against_the_rest():
    rng = np.random.default_rng(23)
    y, p = _multiclass_case(rng, 4)
    ours = metrics.roc_auc(y, p, max_fpr=0.2, average=None)
    onehot = np.eye(4, dtype=int)[y]
    ref = [skm.roc_auc_score(onehot[:, j], p[:, j], max_fpr=0.2) for j in range(4)]
    np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)


def _label_without_positives():
    rng = np.random.default_rng(9)
    y = (rng.uniform(size=(300, 4)) < [0.3, 0.5, 0.2, 0.4]).astype(int)
    y[:, 3] = 0
    score = np.clip(y * 0.3 + rng.uniform(size=(300, 4)) * 0.7, 0, 1)
    return y, score, rng


@pytest.mark.parametrize("average", ["macro", "weighted", "micro", "samples", None])
@pytest.mark.parametrize("name", ["roc_auc", "average_precision"])
def test_undefined_warn_with_a_label_without_positives_equals_sklearn(name, average):
    # A label with no positives weighs 0 under "weighted": its NaN must not spread.
    y, score, _ = _label_without_positives()
    sk_fn = skm.roc_auc_score if name == "roc_auc" else skm.average_precision_score
    got = _sk(getattr(metrics, name), y, score, average=average, undefined="warn")
    want = _sk(sk_fn, y, score, average=average)
    np.testing.assert_allclose(got, want, rtol=1e-12, equal_nan=True)
    if name == "roc_auc" and average == "weighted":
        assert np.isfinite(got) and 0.5 < got < 1


def test_undefined_warn_samples_with_zero_weight_undefined_rows_equals_sklearn():
    y, score, rng = _label_without_positives()
    y[:, 0] = np.where(y[:, :3].sum(axis=1) == 0, 1, y[:, 0])
    y[:5] = 0  # undefined rows, but of weight 0
    w = rng.uniform(0.5, 2.0, size=300)
    w[:5] = 0.0
    got = _sk(
        metrics.roc_auc, y, score, average="samples", sample_weight=w, undefined="warn"
    )
    want = _sk(skm.roc_auc_score, y, score, average="samples", sample_weight=w)
    assert np.isfinite(want)
    np.testing.assert_allclose(got, want, rtol=1e-12)


@pytest.mark.parametrize("average", ["macro", "weighted", None])
def test_undefined_warn_multiclass_missing_class_equals_sklearn(average):
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 200)
    p = rng.dirichlet([1, 1, 1], 200)
    p[np.arange(200), y] += 0.5
    p /= p.sum(axis=1, keepdims=True)
    got = _sk(
        metrics.roc_auc, y, p, labels=[0, 1, 2], average=average, undefined="warn"
    )
    want = _sk(
        skm.roc_auc_score, y, p, labels=[0, 1, 2], average=average, multi_class="ovr"
    )
    np.testing.assert_allclose(got, want, rtol=1e-12, equal_nan=True)


@pytest.mark.parametrize("scale", [1e-300, 1e-200, 1e-160, 1e100, 1e160, 1e300])
def test_very_large_or_small_weights_give_the_same_areas_as_sklearn(scale):
    # Products of weight sums used to overflow (1e160) or underflow (1e-200) to NaN.
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200)
    s = np.clip(y * 0.3 + rng.uniform(0, 0.7, 200), 0, 1)
    w = rng.uniform(0, 2, 200) * scale
    np.testing.assert_allclose(
        metrics.roc_auc(y, s, sample_weight=w), skm.roc_auc_score(y, s, sample_weight=w)
    )
    np.testing.assert_allclose(
        metrics.roc_auc(y, s, sample_weight=w, max_fpr=0.2),
        skm.roc_auc_score(y, s, sample_weight=w, max_fpr=0.2),
    )
    np.testing.assert_allclose(
        metrics.average_precision(y, s, sample_weight=w),
        skm.average_precision_score(y, s, sample_weight=w),
    )
    fpr, tpr, _ = metrics.roc_curve(y, s, sample_weight=w)
    sk_fpr, sk_tpr, _ = skm.roc_curve(y, s, sample_weight=w)
    np.testing.assert_allclose(fpr, sk_fpr)
    np.testing.assert_allclose(tpr, sk_tpr)
