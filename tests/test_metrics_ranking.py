"""Ranking metrics against scikit-learn on many random cases, ties included."""

import warnings

import numpy as np
import pytest
from sklearn import metrics as skm
from sklearn.preprocessing import label_binarize

from evalviz import metrics
from evalviz.metrics import _ranking, _topk

AVERAGES = ["macro", "micro", "weighted", None]


def _sk(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _random_scores(rng, n, k, *, ties):
    score = rng.random((n, k))
    if ties:
        score = np.round(score, int(rng.integers(1, 3)))
    if rng.random() < 0.3:
        score = score.astype(np.float32)
    return score


def _multilabel_case(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(8, 300))
    k = int(rng.integers(3, 9))
    score = _random_scores(rng, n, k, ties=seed % 2 == 0)
    prevalence = rng.uniform(0.02, 0.7, size=k)
    truth = (rng.random((n, k)) < prevalence).astype(int)
    truth[0] = 1  # every label has a positive ...
    truth[1] = 0  # ... and a negative
    if seed % 5 == 0:  # a label with exactly one positive
        truth[:, 0] = 0
        truth[int(rng.integers(0, n)), 0] = 1
    # Make scores informative for some labels so AUCs spread over (0, 1).
    score = score + truth * rng.uniform(0, 0.5, size=k)
    if seed % 2 == 0:
        score = np.round(score, 1)
    return truth, score


def _multiclass_case(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(12, 300))
    k = int(rng.integers(3, 9))
    y = rng.integers(0, k, n)
    y[:k] = np.arange(k)
    if seed % 5 == 0:  # class 0 with exactly one sample
        y[y == 0] = 1
        y[int(rng.integers(0, n))] = 0
    logits = rng.normal(size=(n, k)) + 1.5 * np.eye(k)[y] * rng.random()
    if seed % 2 == 0:
        logits = np.round(logits, 0)
    proba = np.exp(logits)
    proba /= proba.sum(axis=1, keepdims=True)
    return y, proba


@pytest.mark.parametrize("seed", range(120))
def test_multilabel_auc_and_ap_match_sklearn(seed):
    truth, score = _multilabel_case(seed)
    for average in AVERAGES:
        ours = metrics.roc_auc(truth, score, average=average)
        ref = _sk(skm.roc_auc_score, truth, score, average=average)
        np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-9)
        ours = metrics.average_precision(truth, score, average=average)
        ref = _sk(skm.average_precision_score, truth, score, average=average)
        np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-9)


@pytest.mark.parametrize("seed", range(120))
def test_multiclass_auc_and_ap_match_sklearn(seed):
    y, proba = _multiclass_case(seed)
    k = proba.shape[1]
    for average in ["macro", "weighted", None]:
        ours = metrics.roc_auc(y, proba, average=average)
        ref = _sk(skm.roc_auc_score, y, proba, average=average, multi_class="ovr")
        np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-9)
    onehot = label_binarize(y, classes=np.arange(k))
    for average in AVERAGES:
        ref = _sk(skm.roc_auc_score, onehot, proba, average=average)
        np.testing.assert_allclose(
            metrics.roc_auc(y, proba, average=average), ref, rtol=0, atol=1e-9
        )
        ref = _sk(skm.average_precision_score, onehot, proba, average=average)
        np.testing.assert_allclose(
            metrics.average_precision(y, proba, average=average),
            ref,
            rtol=0,
            atol=1e-9,
        )


@pytest.mark.parametrize("seed", range(80))
def test_binary_auc_ap_and_curves_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 200))
    y = rng.integers(0, 2, n)
    y[0], y[-1] = 1, 0
    score = rng.random(n) + 0.4 * y
    if seed % 2 == 0:
        score = np.round(score, 1)
    assert abs(metrics.roc_auc(y, score) - skm.roc_auc_score(y, score)) < 1e-9
    assert (
        abs(metrics.average_precision(y, score) - skm.average_precision_score(y, score))
        < 1e-9
    )
    for pos_label in (0, 1):
        ours = metrics.roc_curve(y, score, pos_label=pos_label)
        ref = skm.roc_curve(y, score, pos_label=pos_label, drop_intermediate=False)
        for a, b in zip(ours, ref, strict=True):
            np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
        ours = metrics.precision_recall_curve(y, score, pos_label=pos_label)
        ref = skm.precision_recall_curve(y, score, pos_label=pos_label)
        for a, b in zip(ours, ref, strict=True):
            np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)


def test_roc_curve_first_threshold_is_inf_and_thresholds_are_distinct():
    y = [0, 0, 1, 1, 1]
    score = [0.1, 0.5, 0.5, 0.9, 0.9]
    fpr, tpr, thr = metrics.roc_curve(y, score)
    assert np.isinf(thr[0])
    np.testing.assert_array_equal(thr[1:], [0.9, 0.5, 0.1])
    np.testing.assert_allclose(fpr, [0, 0, 0.5, 1])
    np.testing.assert_allclose(tpr, [0, 2 / 3, 1, 1])


def test_many_chunks_and_row_blocks_give_the_same_numbers(monkeypatch):
    truth, score = _multilabel_case(3)
    expected = {a: metrics.roc_auc(truth, score, average=a) for a in AVERAGES}
    expected_ap = metrics.average_precision(truth, score, average=None)
    monkeypatch.setattr(_ranking, "_CHUNK_CELLS", 7)
    monkeypatch.setattr(_ranking, "_MIN_WIDTH", 1)
    monkeypatch.setattr(_ranking, "_ROW_BLOCK", 5)
    for a in AVERAGES:
        np.testing.assert_allclose(
            metrics.roc_auc(truth, score, average=a), expected[a]
        )
    np.testing.assert_allclose(
        metrics.average_precision(truth, score, average=None), expected_ap
    )


def test_float32_scores_are_exact():
    rng = np.random.default_rng(0)
    truth = (rng.random((500, 20)) < 0.1).astype(np.int8)
    truth[0] = 1
    truth[1] = 0
    score = (rng.random((500, 20)) + truth).astype(np.float32)
    score = np.round(score, 2)  # many ties, still float32
    for a in AVERAGES:
        ref = skm.roc_auc_score(truth, score, average=a)
        np.testing.assert_allclose(
            metrics.roc_auc(truth, score, average=a), ref, atol=1e-12
        )
        ref = skm.average_precision_score(truth, score, average=a)
        np.testing.assert_allclose(
            metrics.average_precision(truth, score, average=a), ref, atol=1e-12
        )


def test_bool_indicator_and_lists_are_accepted():
    truth, score = _multilabel_case(7)
    ref = metrics.roc_auc(truth, score)
    assert metrics.roc_auc(truth.astype(bool), score) == pytest.approx(ref, abs=1e-12)
    assert metrics.roc_auc(truth.tolist(), score.tolist()) == pytest.approx(
        ref, abs=1e-12
    )


def test_perfect_and_reversed_rankings():
    y = np.array([0, 0, 1, 1])
    assert metrics.roc_auc(y, [0.1, 0.2, 0.8, 0.9]) == 1.0
    assert metrics.roc_auc(y, [0.9, 0.8, 0.2, 0.1]) == 0.0
    assert metrics.roc_auc(y, [0.5, 0.5, 0.5, 0.5]) == 0.5
    assert metrics.average_precision(y, [0.5, 0.5, 0.5, 0.5]) == 0.5


def test_average_precision_column_without_negatives_is_one():
    truth = np.array([[1, 0, 1], [1, 1, 0], [1, 0, 0]])
    score = np.array([[0.2, 0.1, 0.9], [0.3, 0.8, 0.1], [0.1, 0.3, 0.2]])
    ours = metrics.average_precision(truth, score, average=None)
    ref = skm.average_precision_score(truth, score, average=None)
    np.testing.assert_allclose(ours, ref)
    assert ours[0] == 1.0


# --- top-k ------------------------------------------------------------------


def _reference_topk_sets(score, k):
    """The k highest per row, ties to the lower index (numpy's argmax rule)."""
    order = np.argsort(-score, axis=1, kind="stable")
    return order[:, :k]


def _sklearn_lower_index_first(y, score, k):
    """scikit-learn's top-k on mirrored columns: its higher-index-first tie order
    then picks our lower-index-first classes, so this is an independent reference
    for evalviz's tie rule."""
    m = score.shape[1]
    return _sk(
        skm.top_k_accuracy_score, m - 1 - y, score[:, ::-1], k=k, labels=np.arange(m)
    )


@pytest.mark.parametrize("seed", range(60))
def test_top_k_accuracy_multiclass_matches_sklearn(seed):
    y, proba = _multiclass_case(seed)
    if seed % 3 == 0:
        proba = np.round(proba, 1)  # heavy ties
    k = proba.shape[1]
    ranks = metrics.rank_of_true_class(y, proba)
    tied = metrics.tied_predictions(proba)
    for kk in range(1, k + 1):
        ref = _sklearn_lower_index_first(y, proba, kk)
        assert metrics.top_k_accuracy(y, proba, kk) == pytest.approx(ref, abs=1e-12)
        assert np.mean(ranks <= kk) == pytest.approx(ref, abs=1e-12)
        if tied == 0:  # without ties both tie rules agree with scikit-learn as is
            plain = _sk(skm.top_k_accuracy_score, y, proba, k=kk, labels=np.arange(k))
            assert metrics.top_k_accuracy(y, proba, kk) == pytest.approx(plain)
    # top-1 is the argmax accuracy, always
    assert metrics.top_k_accuracy(y, proba, 1) == skm.accuracy_score(
        y, proba.argmax(axis=1)
    )


def test_top_k_tie_rule_is_lowest_index_and_differs_from_sklearn():
    score = np.full((3, 4), 0.25)
    y = np.array([3, 3, 0])
    # All tied: the order is 0, 1, 2, 3, so class 0 is top-1 and class 3 is last.
    np.testing.assert_array_equal(metrics.rank_of_true_class(y, score), [4, 4, 1])
    assert metrics.top_k_accuracy(y, score, 1) == pytest.approx(1 / 3)
    assert metrics.top_k_accuracy(y, score, 3) == pytest.approx(1 / 3)
    # scikit-learn ranks the higher index first among ties: class 3 is its top-1.
    assert skm.top_k_accuracy_score(y, score, k=1, labels=range(4)) == pytest.approx(
        2 / 3
    )
    assert metrics.tied_predictions(score) == 3


def test_top_1_equals_argmax_accuracy_on_all_zero_scores():
    # The case: all-zero scores for 10 classes (explain said 0.096, top-1
    # said 0.108 because the two broke ties differently).
    rng = np.random.default_rng(10)
    y = rng.integers(0, 10, 1000)
    score = np.zeros((1000, 10))
    acc = metrics.accuracy(y, score.argmax(axis=1))
    assert acc == pytest.approx(np.mean(y == 0))
    assert metrics.top_k_accuracy(y, score, 1) == acc
    assert metrics.top_k_accuracy_curve(y, score, max_k=1)[0] == acc
    assert metrics.recall_at_k(y, score, 1) == acc
    assert metrics.label_hits_at_k(y, score, 1).sum() == np.sum(y == 0)
    assert metrics.tied_predictions(score) == 1000
    # scikit-learn's top-1 picks class 9 on every row instead.
    assert skm.top_k_accuracy_score(y, score, k=1) == pytest.approx(np.mean(y == 9))
    assert np.mean(y == 9) != acc


@pytest.mark.parametrize("seed", range(60))
def test_multilabel_top_k_precision_recall_match_a_direct_count(seed, monkeypatch):
    truth, score = _multilabel_case(seed)
    if seed % 4 == 1:
        truth[2:5] = 0  # rows with no labels
    if seed % 3 == 0:
        monkeypatch.setattr(_topk, "_ROW_BLOCK", 16)
    k_max = score.shape[1]
    for k in range(1, k_max + 1):
        top = _reference_topk_sets(score, k)
        hits = np.take_along_axis(truth, top, axis=1).sum(axis=1)
        n_true = truth.sum(axis=1)
        assert metrics.top_k_accuracy(truth, score, k) == pytest.approx(
            np.mean(hits > 0), abs=1e-12
        )
        assert metrics.precision_at_k(truth, score, k) == pytest.approx(
            np.mean(hits / k), abs=1e-12
        )
        keep = n_true > 0
        assert metrics.recall_at_k(truth, score, k) == pytest.approx(
            np.mean(hits[keep] / n_true[keep]), abs=1e-12
        )


def test_multiclass_precision_and_recall_at_k():
    y, proba = _multiclass_case(11)
    acc = metrics.top_k_accuracy(y, proba, 2)
    assert metrics.recall_at_k(y, proba, 2) == pytest.approx(acc)
    assert metrics.precision_at_k(y, proba, 2) == pytest.approx(acc / 2)


def test_top_k_with_k_equal_to_classes_is_one():
    y, proba = _multiclass_case(4)
    assert metrics.top_k_accuracy(y, proba, proba.shape[1]) == 1.0


# --- validation ---------------------------------------------------------------


def test_class_without_positives_is_named():
    y = np.array([0, 1, 0, 1, 0, 1])
    proba = np.full((6, 3), 1 / 3)
    with pytest.raises(ValueError, match=r"class 2 has no positive samples"):
        metrics.roc_auc(y, proba)
    with pytest.raises(ValueError, match=r"class 2 has no positive samples"):
        metrics.average_precision(y, proba)
    # micro pools all cells, so it stays defined
    assert 0 <= metrics.roc_auc(y, proba, average="micro") <= 1


def test_label_without_positives_or_negatives_is_named():
    truth = np.array([[1, 0, 1], [0, 0, 1], [1, 0, 1]])
    score = np.random.default_rng(0).random((3, 3))
    with pytest.raises(ValueError, match=r"label \(column\) 1 has no positive"):
        metrics.roc_auc(truth, score)
    truth[1, 1] = 1
    with pytest.raises(ValueError, match=r"label \(column\) 2 has no negative"):
        metrics.roc_auc(truth, score)


def test_binary_without_both_classes():
    with pytest.raises(ValueError, match="no positive samples"):
        metrics.roc_auc([0, 0, 0], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="no negative samples"):
        metrics.roc_curve([1, 1], [0.1, 0.2])
    with pytest.raises(ValueError, match="no positive samples"):
        metrics.precision_recall_curve([0, 0], [0.1, 0.2])


def test_micro_without_positive_cells():
    truth = np.zeros((4, 3), dtype=int)
    with pytest.raises(ValueError, match="micro"):
        metrics.roc_auc(truth, np.random.default_rng(0).random((4, 3)), average="micro")


def test_bad_average_and_k():
    y, proba = _multiclass_case(1)
    with pytest.raises(ValueError, match="average"):
        metrics.roc_auc(y, proba, average="samples")
    with pytest.raises(ValueError, match="k=99"):
        metrics.top_k_accuracy(y, proba, 99)
    with pytest.raises(ValueError, match="at least 1"):
        metrics.top_k_accuracy(y, proba, 0)
    # A 1-D binary score follows scikit-learn's rule (top-1: score > 0.5).
    assert metrics.top_k_accuracy([0, 1, 1], [0.2, 0.3, 0.9], 1) == pytest.approx(
        skm.top_k_accuracy_score([0, 1, 1], [0.2, 0.3, 0.9], k=1)
    )
    with pytest.raises(ValueError, match="one score column per class"):
        metrics.rank_of_true_class([0, 1, 1], [0.2, 0.3, 0.9])


def test_recall_at_k_without_any_label():
    with pytest.raises(ValueError, match="recall@k"):
        metrics.recall_at_k(np.zeros((3, 4), dtype=int), np.random.rand(3, 4), 2)


def test_nan_scores_get_the_shared_message():
    truth, score = _multilabel_case(2)
    score[3, 1] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        metrics.roc_auc(truth, score)


def test_labels_and_score_columns_must_match():
    with pytest.raises(ValueError, match="4 distinct labels"):
        metrics.roc_auc([0, 1, 5, 6], np.full((4, 3), 1 / 3))
    # Three distinct labels for three columns: sorted class values, as scikit-learn.
    y = np.array([0, 1, 5, 5, 1, 0])
    proba = np.random.default_rng(1).dirichlet(np.ones(3), size=6)
    assert metrics.roc_auc(y, proba) == pytest.approx(
        skm.roc_auc_score(y, proba, multi_class="ovr"), abs=1e-12
    )


def test_public_names_are_reexported():
    for module in (_ranking, _topk):
        for name in module.__all__:
            assert name in metrics.__all__
            assert getattr(metrics, name) is getattr(module, name)


@pytest.mark.parametrize("seed", range(30))
def test_rank_and_accuracy_curve_agree_with_top_k(seed):
    truth, score = _multilabel_case(seed)
    y, proba = _multiclass_case(seed)
    if seed % 2:
        proba = np.round(proba, 1)
    for t, s in [(truth, score), (y, proba)]:
        k_max = s.shape[1]
        ranks = metrics.rank_of_true_class(t, s)
        curve = metrics.top_k_accuracy_curve(t, s, max_k=k_max)
        for k in range(1, k_max + 1):
            acc = metrics.top_k_accuracy(t, s, k)
            assert np.mean(ranks <= k) == pytest.approx(acc, abs=1e-12)
            assert curve[k - 1] == pytest.approx(acc, abs=1e-12)


def test_rank_of_best_true_label_and_empty_rows():
    truth = np.array([[0, 1, 1], [0, 0, 0], [1, 0, 0]])
    score = np.array([[0.9, 0.5, 0.5], [0.2, 0.3, 0.4], [0.1, 0.1, 0.1]])
    # Row 0: labels 1 and 2 tie at 0.5 below 0.9; label 1 (lower index) is 2nd.
    # Row 1: no label -> n_labels + 1. Row 2: all tied, label 0 is ranked first.
    np.testing.assert_array_equal(metrics.rank_of_true_class(truth, score), [2, 4, 1])


@pytest.mark.parametrize("seed", range(30))
def test_micro_auc_by_label_is_the_pairwise_probability(seed):
    truth, score = _multilabel_case(seed)
    parts = metrics.micro_auc_by_label(truth, score)
    n_pos = truth.sum(axis=0)
    assert np.average(parts, weights=n_pos) == pytest.approx(
        skm.roc_auc_score(truth, score, average="micro"), abs=1e-12
    )
    negatives = score[truth == 0]
    for j in range(truth.shape[1]):
        pos = score[truth[:, j] == 1, j]
        wins = (pos[:, None] > negatives[None, :]).sum()
        ties = (pos[:, None] == negatives[None, :]).sum()
        assert parts[j] == pytest.approx(
            (wins + ties / 2) / (pos.size * negatives.size)
        )


@pytest.mark.parametrize("seed", range(30))
def test_label_hits_at_k_match_a_direct_count(seed):
    truth, score = _multilabel_case(seed)
    y, proba = _multiclass_case(seed)
    onehot = np.eye(proba.shape[1], dtype=int)[y]
    for t, s, ind in [(truth, score, truth), (y, proba, onehot)]:
        for k in range(1, s.shape[1] + 1):
            top = np.zeros_like(ind)
            np.put_along_axis(top, _reference_topk_sets(s, k), 1, axis=1)
            np.testing.assert_array_equal(
                metrics.label_hits_at_k(t, s, k), (top & ind).sum(axis=0)
            )


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_non_finite_scores_are_caught_on_every_path(bad, dtype):
    truth, score = _multilabel_case(4)
    score = score.astype(dtype)
    score[5, 2] = bad
    y, proba = _multiclass_case(4)
    proba = proba.astype(dtype)
    proba[3, 1] = bad
    calls = [
        lambda: metrics.roc_auc(truth, score),
        lambda: metrics.roc_auc(truth, score, average="micro"),
        lambda: metrics.average_precision(truth, score, average=None),
        lambda: metrics.micro_auc_by_label(truth, score),
        lambda: metrics.top_k_accuracy(truth, score, 2),
        lambda: metrics.roc_auc(y, proba),
        lambda: metrics.rank_of_true_class(y, proba),
        lambda: metrics.roc_auc(truth[:, 0], score[:, 2]),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="NaN or infinite"):
            call()


@pytest.mark.parametrize("seed", range(10))
def test_weighted_curves_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 60)
    y[:2] = (0, 1)
    score = np.round(rng.random(60) + 0.3 * y, 1)
    w = rng.random(60) * 3
    ours = metrics.roc_curve(y, score, sample_weight=w)
    ref = skm.roc_curve(y, score, sample_weight=w, drop_intermediate=False)
    for a, b in zip(ours, ref, strict=True):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
    ours = metrics.precision_recall_curve(y, score, sample_weight=w)
    ref = skm.precision_recall_curve(y, score, sample_weight=w)
    for a, b in zip(ours, ref, strict=True):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
    with pytest.raises(ValueError, match="sample_weight"):
        metrics.roc_curve(y, score, sample_weight=w[:5])


def _ten_of_each():
    rng = np.random.default_rng(0)
    y = np.r_[np.zeros(25, int), np.ones(25, int)]
    return y, rng.uniform(size=50)


@pytest.mark.parametrize("case", ["nan", "strings"])
def test_score_errors_with_0_1_labels_carry_no_pos_label_sentence(case):
    # y_true already takes values in {0, 1}: scikit-learn's pos_label sentence
    # is not the cause and must not lead the message.
    y, s = _ten_of_each()
    bad = (
        s.astype(str) if case == "strings" else np.where(np.arange(50) == 3, np.nan, s)
    )
    with pytest.raises(ValueError) as info:
        metrics.roc_auc(y, bad)
    text = str(info.value)
    assert "pos_label" not in text
    assert text.startswith("y_score")


def test_pandas_na_in_y_true_is_refused_as_missing_not_a_class():
    pd = pytest.importorskip("pandas")
    y, s = _ten_of_each()
    yi = pd.array(y, dtype="Int64")
    yi[2] = pd.NA
    with pytest.raises(ValueError, match="missing") as info:
        metrics.roc_auc(yi, s)
    assert "multiple classes" not in str(info.value)
    score = pd.array(s, dtype="Float64")
    score[2] = pd.NA
    with pytest.raises(ValueError, match="NaN") as info:
        metrics.roc_auc(y, score)
    assert "pos_label" not in str(info.value)


def test_string_pos_label_for_integer_classes_says_so():
    y, s = _ten_of_each()
    with pytest.raises(
        ValueError, match=r"pos_label='2' is a string.*integers \[1, 2\]"
    ):
        metrics.roc_auc(y + 1, s, pos_label="2")
    # The true cause for labels {1, 2} without pos_label keeps scikit-learn's words.
    with pytest.raises(ValueError, match=r"takes value in \{1, 2\}"):
        metrics.roc_auc(y + 1, s)
    assert metrics.roc_auc(y + 1, s, pos_label=2) == pytest.approx(
        skm.roc_auc_score(y + 1, s)
    )


def test_positives_of_zero_weight_are_named_as_such():
    y, s = _ten_of_each()
    with pytest.raises(ValueError, match=r"no positive \(non-zero weight\)") as info:
        metrics.average_precision(y, s, sample_weight=np.zeros(50))
    assert "25 positives of 50" in str(info.value)
    w = np.where(y == 1, 0.0, 1.0)
    with pytest.raises(ValueError, match=r"no positive \(non-zero weight\)"):
        metrics.average_precision(y, s, sample_weight=w)
    with pytest.raises(ValueError, match=r"no positive samples \(0 of 50\)"):
        metrics.average_precision(np.zeros(50, int), s)
