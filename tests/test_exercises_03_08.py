"""Notebooks 03 and 08: the exercise answers agree with scikit-learn and with
what the notebooks' explorers show (the generic tests only check each set
against itself)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import precision_recall_curve, precision_score

from evalviz import exercises
from evalviz.models import baseline_predictions


def _lowest_threshold(y, s, target):
    """scikit-learn's curve: the lowest threshold whose precision >= target."""
    precision, _, thresholds = precision_recall_curve(y, s)
    return thresholds[np.argmax(precision[:-1] >= target)]


def test_03_test_precision_at_validation_threshold_matches_sklearn():
    preds = baseline_predictions(progress=False)
    t95 = _lowest_threshold(preds.y_val == 5, preds.proba_val[:, 5], 0.95)
    expected = precision_score(preds.y_test == 5, preds.proba_test[:, 5] >= t95)
    q = exercises.load("03").q1
    assert q.check(expected).correct is True
    chosen_on_test = _lowest_threshold(preds.y_test == 5, preds.proba_test[:, 5], 0.95)
    on_test = precision_score(
        preds.y_test == 5, preds.proba_test[:, 5] >= chosen_on_test
    )
    assert q.check(on_test).correct is False


def test_08_precision_threshold_matches_sklearn():
    preds = baseline_predictions(progress=False)
    shirt = 6
    t = _lowest_threshold(preds.y_val == shirt, preds.proba_val[:, shirt], 0.9)
    q = exercises.load("08").q1
    assert float(q.expected()) == pytest.approx(t)


def test_08_rare_precision_is_the_prevalence_explorers_row():
    pytest.importorskip("ipywidgets")
    import evalviz as ev
    from evalviz.datasets import FASHION_MNIST_CLASSES

    preds = baseline_predictions(progress=False)
    lab = ev.widgets.prevalence_explorer(
        preds.y_val,
        preds.proba_val,
        display_labels=FASHION_MNIST_CLASSES,
        pos_label="Shirt",
        threshold=0.5,
    )
    row = lab.sweep.to_frame().iloc[0]
    assert row["target"] == pytest.approx(0.01)
    q = exercises.load("08").q2
    assert q._actual() == pytest.approx(row["precision"])
