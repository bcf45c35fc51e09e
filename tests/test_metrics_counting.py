"""Counting metrics checked against scikit-learn on many random cases."""

import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn import metrics as skm

from evalviz import metrics as ev


def _random_predictions(rng, n_classes=None, n=None):
    n_classes = n_classes or int(rng.integers(2, 11))
    n = n or int(rng.integers(1, 300))
    y_true = rng.integers(0, n_classes, n)
    # Mostly-right predictions, with some classes that are never predicted.
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, n_classes, n))
    if rng.random() < 0.3:
        y_pred[y_pred == rng.integers(0, n_classes)] = 0
    return y_true, y_pred, n_classes


def test_public_names_are_reexported_by_metrics():
    for name in (
        "confusion_matrix",
        "accuracy",
        "precision_recall_f1",
        "report_from_confusion",
        "counts_at_thresholds",
        "precision_recall_fscore_support",
        "precision_score",
        "recall_score",
        "f1_score",
        "fbeta_score",
        "multilabel_confusion_matrix",
        "classification_report",
    ):
        assert name in ev.__all__
        assert callable(getattr(ev, name))


@pytest.mark.parametrize("seed", range(60))
def test_confusion_matrix_and_accuracy_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    y_true, y_pred, k = _random_predictions(rng)
    np.testing.assert_array_equal(
        ev.confusion_matrix(y_true, y_pred), skm.confusion_matrix(y_true, y_pred)
    )
    np.testing.assert_array_equal(
        ev.confusion_matrix(y_true, y_pred, n_classes=k),
        skm.confusion_matrix(y_true, y_pred, labels=range(k)),
    )
    assert ev.accuracy(y_true, y_pred) == pytest.approx(
        skm.accuracy_score(y_true, y_pred), abs=1e-12
    )


def test_confusion_matrix_rows_are_true_class():
    cm = ev.confusion_matrix([0, 0, 1], [1, 1, 1], n_classes=3)
    assert cm[0, 1] == 2 and cm[1, 1] == 1
    assert cm.shape == (3, 3) and cm.dtype == np.int64


def test_confusion_matrix_rejects_too_small_n_classes():
    with pytest.raises(ValueError, match="n_classes=2"):
        ev.confusion_matrix([0, 2], [0, 1], n_classes=2)


@pytest.mark.parametrize("seed", range(80))
@pytest.mark.parametrize("zero_division", [0.0, 1.0, np.nan])
def test_precision_recall_f1_match_sklearn(seed, zero_division):
    rng = np.random.default_rng(seed)
    y_true, y_pred, k = _random_predictions(rng)
    for average in (None, "macro", "micro", "weighted"):
        ours = ev.precision_recall_f1(
            y_true, y_pred, average=average, zero_division=zero_division
        )
        theirs = skm.precision_recall_fscore_support(
            y_true, y_pred, average=average, zero_division=zero_division
        )
        for a, b in zip(ours, theirs, strict=True):
            if b is None:
                assert a is None
            else:
                np.testing.assert_allclose(a, b, rtol=0, atol=1e-12, equal_nan=True)
        ours_k = ev.precision_recall_f1(
            y_true, y_pred, average=average, zero_division=zero_division, n_classes=k
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs_k = skm.precision_recall_fscore_support(
                y_true,
                y_pred,
                average=average,
                zero_division=zero_division,
                labels=range(k),
            )
        for a, b in zip(ours_k, theirs_k, strict=True):
            if b is not None:
                np.testing.assert_allclose(a, b, rtol=0, atol=1e-12, equal_nan=True)


@pytest.mark.parametrize("seed", range(40))
def test_binary_average_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 100))
    y_true = rng.integers(0, 2, n)
    y_pred = rng.integers(0, 2, n) if seed % 5 else np.zeros(n, dtype=int)
    for pos_label in (0, 1):
        if (
            pos_label not in np.concatenate([y_true, y_pred])
            and len(np.unique(np.concatenate([y_true, y_pred]))) == 2
        ):
            continue
        ours = ev.precision_recall_f1(
            y_true, y_pred, average="binary", pos_label=pos_label
        )
        theirs = skm.precision_recall_fscore_support(
            y_true, y_pred, average="binary", pos_label=pos_label, zero_division=0.0
        )
        np.testing.assert_allclose(ours[:3], theirs[:3], atol=1e-12)


def test_binary_average_refuses_multiclass():
    with pytest.raises(ValueError, match="average='binary' needs two classes"):
        ev.precision_recall_f1([0, 1, 2], [0, 1, 2], average="binary")


def test_bad_average_and_zero_division_are_named():
    with pytest.raises(ValueError, match="average"):
        ev.precision_recall_f1([0, 1], [0, 1], average="samples")
    with pytest.raises(ValueError, match="zero_division"):
        ev.precision_recall_f1([0, 1], [0, 1], zero_division="sometimes")


def _expand(cm):
    """Predictions whose confusion matrix is cm."""
    k = cm.shape[0]
    t = np.repeat(np.repeat(np.arange(k), k), cm.ravel())
    p = np.repeat(np.tile(np.arange(k), k), cm.ravel())
    return t, p


def _sklearn_report_frame(cm, labels=None, zero_division=0.0):
    t, p = _expand(cm)
    k = cm.shape[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = skm.classification_report(
            t,
            p,
            labels=range(k),
            target_names=labels,
            output_dict=True,
            zero_division=zero_division,
        )
    frame = pd.DataFrame(report).T
    # scikit-learn's "accuracy" is one number; in a frame its support is the count
    if "accuracy" in frame.index:
        frame.loc["accuracy", "support"] = len(t)
    return frame


@pytest.mark.parametrize("seed", range(120))
def test_report_from_confusion_matches_classification_report(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(2, 12))
    cm = rng.integers(0, 40, (k, k))
    # Sparse matrices: empty rows (no samples) and empty columns (never predicted).
    cm[rng.random((k, k)) < rng.random() * 0.7] = 0
    if cm.sum() == 0:
        cm[0, 0] = 1
    labels = [f"class {i}" for i in range(k)] if seed % 2 else None
    for zero_division in (0.0, 1.0):
        ours = ev.report_from_confusion(cm, labels, zero_division=zero_division)
        theirs = _sklearn_report_frame(cm, labels, zero_division)
        assert list(ours.index) == list(theirs.index)
        assert list(ours.columns) == ["precision", "recall", "f1-score", "support"]
        pd.testing.assert_frame_equal(ours, theirs, check_exact=False, atol=1e-12)


@pytest.mark.parametrize("seed", range(40))
def test_report_from_confusion_without_labels_equals_plain_report(seed):
    # confusion_matrix covers the classes in y_true or y_pred, as the plain
    # classification_report does; naming the rows by those class values makes
    # the two reports identical, absent classes included.
    rng = np.random.default_rng(1000 + seed)
    y_true, y_pred, k = _random_predictions(rng, n=int(rng.integers(5, 60)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = skm.classification_report(y_true, y_pred, output_dict=True)
    theirs = pd.DataFrame(report).T
    theirs.loc["accuracy", "support"] = len(y_true)
    names = [str(c) for c in np.unique(np.concatenate([y_true, y_pred]))]
    ours = ev.report_from_confusion(
        ev.confusion_matrix(y_true, y_pred), display_labels=names
    )
    pd.testing.assert_frame_equal(ours, theirs, check_exact=False, atol=1e-12)


def test_report_from_lab_confusion_reproduces_published_report():
    # Test-set confusion matrix and report printed in the seed-001 lab.
    cm = np.array(
        [
            [856, 0, 47, 24, 0, 1, 66, 0, 6, 0],
            [2, 979, 8, 11, 0, 0, 0, 0, 0, 0],
            [11, 2, 942, 15, 9, 0, 20, 0, 1, 0],
            [15, 15, 25, 928, 4, 0, 12, 0, 0, 1],
            [0, 2, 591, 76, 303, 0, 27, 0, 1, 0],
            [0, 0, 1, 2, 0, 942, 0, 22, 6, 27],
            [201, 3, 282, 34, 38, 0, 438, 0, 4, 0],
            [0, 0, 0, 0, 0, 33, 11, 891, 2, 63],
            [7, 0, 14, 4, 1, 3, 24, 1, 945, 1],
            [0, 0, 0, 1, 0, 3, 0, 17, 0, 979],
        ]
    )
    report = ev.report_from_confusion(cm)
    assert report.loc["0", "precision"] == pytest.approx(0.783883, abs=1e-6)
    assert report.loc["2", "precision"] == pytest.approx(0.493194, abs=1e-6)
    assert report.loc["4", "recall"] == pytest.approx(0.3030, abs=1e-6)
    assert report.loc["6", "f1-score"] == pytest.approx(0.548185, abs=1e-6)
    assert report.loc["accuracy", "precision"] == pytest.approx(0.8203)
    assert report.loc["macro avg", "f1-score"] == pytest.approx(0.810629, abs=1e-6)
    assert report.loc["weighted avg", "support"] == 10000


@pytest.mark.parametrize(
    "cm, match",
    [
        (np.ones((2, 3)), "square"),
        (np.array([[0.5, 0.5], [0.1, 0.9]]), "whole-number"),
        (np.array([[1, -1], [0, 1]]), "negative"),
        (np.zeros((3, 3)), "all zeros"),
    ],
)
def test_report_from_confusion_rejects_bad_matrices(cm, match):
    with pytest.raises(ValueError, match=match):
        ev.report_from_confusion(cm)


def test_report_from_confusion_checks_label_count():
    with pytest.raises(ValueError, match="labels has 2 names"):
        ev.report_from_confusion(np.eye(3, dtype=int), ["a", "b"])


@pytest.mark.parametrize("seed", range(60))
def test_counts_at_thresholds_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 200))
    y_true = rng.integers(0, 2, n)
    y_true[0], y_true[1] = 0, 1
    # Rounded scores give many ties, including ties at the thresholds.
    y_score = np.round(rng.random(n) + 0.3 * y_true, int(rng.integers(1, 3)))
    thresholds = np.concatenate(
        [rng.choice(y_score, 5), rng.random(5), [y_score.max() + 1, -1.0]]
    )
    frame = ev.counts_at_thresholds(y_true, y_score, thresholds)
    np.testing.assert_array_equal(frame["threshold"], thresholds)
    for row in frame.itertuples():
        y_pred = (y_score >= row.threshold).astype(int)
        tn, fp, fn, tp = skm.confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
        assert (row.tp, row.fp, row.tn, row.fn) == (tp, fp, tn, fn)
        assert row.precision == pytest.approx(
            skm.precision_score(y_true, y_pred, zero_division=0.0), abs=1e-12
        )
        assert row.recall == pytest.approx(skm.recall_score(y_true, y_pred), abs=1e-12)
        assert row.f1 == pytest.approx(
            skm.f1_score(y_true, y_pred, zero_division=0.0), abs=1e-12
        )
        assert row.fpr == pytest.approx(fp / (fp + tn), abs=1e-12)


@pytest.mark.parametrize("seed", range(20))
def test_counts_at_thresholds_reproduce_precision_recall_curve(seed):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, 2, 150)
    y_true[:2] = (0, 1)
    y_score = np.round(rng.random(150), 2)
    precision, recall, thresholds = skm.precision_recall_curve(y_true, y_score)
    frame = ev.counts_at_thresholds(y_true, y_score, thresholds)
    np.testing.assert_allclose(frame["precision"], precision[:-1], atol=1e-12)
    np.testing.assert_allclose(frame["recall"], recall[:-1], atol=1e-12)


def test_counts_at_thresholds_pos_label_and_checks():
    y_true = np.array([3, 3, 7, 7])
    y_score = np.array([0.9, 0.2, 0.8, 0.1])
    frame = ev.counts_at_thresholds(y_true, y_score, 0.5, pos_label=7)
    assert frame.loc[0, ["tp", "fp", "tn", "fn"]].tolist() == [1, 1, 1, 1]
    with pytest.raises(ValueError, match="NaN"):
        ev.counts_at_thresholds([0, 1], [0.2, np.nan], 0.5)
    with pytest.raises(ValueError, match="pass pos_label="):
        ev.counts_at_thresholds(y_true, y_score, 0.5)
    with pytest.raises(ValueError, match="y_true == 2"):
        ev.counts_at_thresholds([0, 1, 2], [0.1, 0.2, 0.3], 0.5)
