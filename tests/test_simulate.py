"""Simulated scores: the reports they reproduce and the shapes they promise."""

import numpy as np
import pytest
from sklearn.metrics import classification_report, confusion_matrix, roc_auc_score

from evalviz import metrics
from evalviz.simulate import confusion_from_report, from_report, multilabel_zipf

# The CIFAR-10 report of seed 000 (a network with about 90% accuracy).
SEED000_PRECISION = [0.93, 0.93, 0.88, 0.86, 0.88, 0.88, 0.83, 0.94, 0.95, 0.90]
SEED000_RECALL = [0.90, 0.96, 0.87, 0.72, 0.91, 0.81, 0.97, 0.94, 0.93, 0.95]


def _report(y_true, y_score):
    return classification_report(
        y_true, y_score.argmax(axis=1), output_dict=True, zero_division=0
    )


@pytest.mark.parametrize("seed", range(5))
def test_seed000_report_is_reproduced(seed):
    y_true, y_score = from_report(SEED000_PRECISION, SEED000_RECALL, 1000, seed=seed)
    assert y_true.shape == (10000,)
    assert y_score.shape == (10000, 10)
    np.testing.assert_allclose(y_score.sum(axis=1), 1.0)
    report = _report(y_true, y_score)
    for c in range(10):
        row = report[str(c)]
        assert row["support"] == 1000
        # The published table has two decimals; the rebuilt one rounds the same.
        assert round(row["precision"], 2) == SEED000_PRECISION[c]
        assert round(row["recall"], 2) == SEED000_RECALL[c]
    assert round(report["accuracy"], 2) == 0.90


def _random_report(rng):
    """The rounded report of a random confusion matrix (so it is reachable)."""
    k = int(rng.integers(3, 12))
    cm = rng.integers(0, 30, size=(k, k)) * (rng.random((k, k)) < 0.7)
    np.fill_diagonal(cm, rng.integers(20, 600, size=k))
    support = cm.sum(axis=1)
    precision = np.diag(cm) / cm.sum(axis=0)
    recall = np.diag(cm) / support
    return np.round(precision, 3), np.round(recall, 3), support


@pytest.mark.parametrize("seed", range(40))
def test_random_reports_are_reproduced_to_the_nearest_count(seed):
    rng = np.random.default_rng(seed)
    precision, recall, support = _random_report(rng)
    y_true, y_score = from_report(precision, recall, support, seed=seed)
    y_pred = y_score.argmax(axis=1)
    cm = confusion_matrix(y_true, y_pred, labels=np.arange(len(support)))
    np.testing.assert_array_equal(cm.sum(axis=1), support)
    diag = np.diag(cm)
    np.testing.assert_array_equal(diag, np.round(recall * support))
    predicted = cm.sum(axis=0)
    # Each class's number of predictions is within a couple of counts of the one
    # its precision implies (rounding of the inputs moves the total a little).
    implied = diag / precision
    assert np.all(np.abs(predicted - implied) <= 2 + 0.0005 * implied / precision)


def test_confusion_from_report_rows_are_true_classes():
    cm = confusion_from_report(SEED000_PRECISION, SEED000_RECALL, [1000] * 10)
    assert cm.shape == (10, 10)
    assert cm.sum() == 10000
    np.testing.assert_array_equal(cm.sum(axis=1), 1000)
    np.testing.assert_array_equal(
        np.diag(cm), np.round(np.array(SEED000_RECALL) * 1000)
    )
    assert (cm >= 0).all()


def test_confidence_controls_peakedness_not_argmax():
    soft_true, soft = from_report(SEED000_PRECISION, SEED000_RECALL, 200, confidence=1)
    sharp_true, sharp = from_report(
        SEED000_PRECISION, SEED000_RECALL, 200, confidence=12
    )
    np.testing.assert_array_equal(soft_true, sharp_true)
    np.testing.assert_array_equal(soft.argmax(axis=1), sharp.argmax(axis=1))
    assert np.median(soft.max(axis=1)) < 0.6 < 0.99 < np.median(sharp.max(axis=1))


def test_same_seed_same_output_and_high_auc():
    a = from_report(SEED000_PRECISION, SEED000_RECALL, 300, seed=3)
    b = from_report(SEED000_PRECISION, SEED000_RECALL, 300, seed=3)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    # The effect of seed 000: recall as low as 0.72, one-vs-rest AUC far higher.
    assert metrics.roc_auc(*a, average=None).min() > 0.9


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"precision": [0.9, 0.8], "recall": [0.9], "support": 10}, "one value per"),
        ({"precision": [93, 80], "recall": [0.9, 0.8], "support": 10}, "0.93 rather"),
        ({"precision": [0.9, 0.8], "recall": [0.9, 0.8], "support": 0}, "support"),
        ({"precision": [0.0, 0.8], "recall": [0.9, 0.8], "support": 10}, "class 0"),
        (
            {
                "precision": [0.9, 0.8],
                "recall": [0.9, 0.8],
                "support": 10,
                "confidence": 0,
            },
            "confidence",
        ),
    ],
)
def test_from_report_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        from_report(**kwargs)


def test_multilabel_zipf_shapes_and_guarantees():
    y_true, y_score = multilabel_zipf(3000, 200, seed=1)
    assert y_true.shape == y_score.shape == (3000, 200)
    assert y_true.dtype == np.int8 and y_score.dtype == np.float32
    per_label = y_true.sum(axis=0)
    assert per_label.min() >= 1 and per_label.max() <= 2999
    assert y_true.sum(axis=1).min() >= 1
    assert ((y_score >= 0) & (y_score <= 1)).all()
    # Zipf-like: the first labels are far more common than the tail.
    assert per_label[:10].mean() > 10 * per_label[-100:].mean()


def test_multilabel_zipf_separability_matches_the_formula():
    s = 4.0
    expected = np.exp(s) * (np.exp(s) - 1 - s) / (np.exp(s) - 1) ** 2
    y_true, y_score = multilabel_zipf(20000, 20, zipf_exponent=0.5, separability=s)
    aucs = metrics.roc_auc(y_true, y_score, average=None)
    assert abs(np.average(aucs, weights=y_true.sum(axis=0)) - expected) < 0.01
    y_true, y_score = multilabel_zipf(5000, 20, separability=0.0, seed=2)
    assert abs(metrics.roc_auc(y_true, y_score) - 0.5) < 0.03


def test_multilabel_zipf_is_reproducible_and_errors():
    a = multilabel_zipf(200, 30, seed=5)
    b = multilabel_zipf(200, 30, seed=5)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    with pytest.raises(ValueError, match="n_labels"):
        multilabel_zipf(10, 0)
    with pytest.raises(ValueError, match="separability"):
        multilabel_zipf(10, 5, separability=-1)


def test_docstrings_say_simulated():
    for fn in (from_report, multilabel_zipf):
        assert "simulated" in fn.__doc__.lower()


@pytest.mark.parametrize("seed", range(50))
def test_multilabel_zipf_tiny_problems_keep_both_classes(seed):
    for n, m in [(2, 3), (3, 5), (5, 4)]:
        y_true, _ = multilabel_zipf(n, m, seed=seed)
        per_label = y_true.sum(axis=0)
        assert per_label.min() >= 1 and per_label.max() <= n - 1
        assert y_true.sum(axis=1).min() >= 1


@pytest.mark.parametrize("separation", [0, 0.5, 2, 5, 12])
@pytest.mark.parametrize("seed", range(3))
def test_separation_keeps_the_seed000_report(separation, seed):
    y_true, y_score = from_report(
        SEED000_PRECISION, SEED000_RECALL, 1000, seed=seed, separation=separation
    )
    np.testing.assert_allclose(y_score.sum(axis=1), 1.0)
    report = _report(y_true, y_score)
    for c in range(10):
        assert round(report[str(c)]["precision"], 2) == SEED000_PRECISION[c]
        assert round(report[str(c)]["recall"], 2) == SEED000_RECALL[c]
    # same confusion matrix as the default construction: only scores differ
    y0, s0 = from_report(SEED000_PRECISION, SEED000_RECALL, 1000, seed=seed)
    np.testing.assert_array_equal(
        confusion_matrix(y_true, y_score.argmax(axis=1)),
        confusion_matrix(y0, s0.argmax(axis=1)),
    )


@pytest.mark.parametrize("seed", range(15))
def test_separation_reproduces_random_reports(seed):
    rng = np.random.default_rng(100 + seed)
    precision, recall, support = _random_report(rng)
    sep = float(rng.uniform(0, 8))
    conf = float(rng.uniform(0.5, 12))
    y_true, y_score = from_report(
        precision, recall, support, seed=seed, separation=sep, confidence=conf
    )
    y0, s0 = from_report(precision, recall, support, seed=seed)
    labels = np.arange(len(support))
    np.testing.assert_array_equal(
        confusion_matrix(y_true, y_score.argmax(axis=1), labels=labels),
        confusion_matrix(y0, s0.argmax(axis=1), labels=labels),
    )


def test_auc_increases_with_separation():
    macro, lowest = [], []
    for sep in (0, 1, 2, 3, 4, 6, 8):
        y, s = from_report(
            SEED000_PRECISION, SEED000_RECALL, 1000, seed=0, separation=sep
        )
        per_class = roc_auc_score(y, s, multi_class="ovr", average=None)
        macro.append(per_class.mean())
        lowest.append(per_class.min())
    assert np.all(np.diff(macro) > 0) and np.all(np.diff(lowest) > 0)
    assert lowest[0] < 0.9 and lowest[-1] > 0.99  # from far to near 1
    # the lowest-recall class (cat, index 3) keeps the lowest AUC
    y, s = from_report(SEED000_PRECISION, SEED000_RECALL, 1000, seed=0, separation=5)
    assert np.argmin(metrics.roc_auc(y, s, average=None)) == 3


def test_default_construction_is_unchanged():
    y, s = from_report(SEED000_PRECISION, SEED000_RECALL, 1000, seed=0)
    y2, s2 = from_report(
        SEED000_PRECISION, SEED000_RECALL, 1000, seed=0, separation=None
    )
    np.testing.assert_array_equal(y, y2)
    np.testing.assert_array_equal(s, s2)
    # the numbers notebook 04 quotes for the default (confidence 4)
    assert round(metrics.roc_auc(y, s), 4) == 0.9693
    assert round(metrics.roc_auc(y, s, average=None).min(), 3) == 0.924


@pytest.mark.parametrize(
    "value, match", [(-1, "non-negative"), ("far", "number"), (np.inf, "non-negative")]
)
def test_separation_errors(value, match):
    with pytest.raises(ValueError, match=match):
        from_report(SEED000_PRECISION, SEED000_RECALL, 100, separation=value)
