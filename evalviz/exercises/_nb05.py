"""Exercises of notebook 05: accuracy = precision = recall with one-hot labels."""

from __future__ import annotations

from functools import cache

import numpy as np
from sklearn.metrics import precision_score

from .. import metrics, models
from ._core import Choice, Compute, Exercise, Mistake, Predict

#: The counts printed in the question the notebook starts from (quoted, not
#: computed): TP = TN = 5116 and FP = FN = 794 beside "0.9020" three times.
SEED_TP = SEED_TN = 5116
SEED_FP = SEED_FN = 794


@cache
def _pair():
    return models.pair_predictions()


@cache
def _labels_and_predictions() -> tuple[np.ndarray, np.ndarray]:
    pair = _pair()
    return pair.y_test, pair.proba_test.argmax(axis=1)


def _f1(average: str | None) -> float | np.ndarray:
    y_true, y_pred = _labels_and_predictions()
    return metrics.precision_recall_f1(y_true, y_pred, average=average)[2]


@cache
def _mirror_corner() -> str:
    """The Shirt cell holding the same images as T-shirt/top's true positives."""
    y_true, y_pred = _labels_and_predictions()
    tshirt_tp = (y_true == 0) & (y_pred == 0)
    shirt = {
        "a": (y_true == 1) & (y_pred == 1),
        "b": (y_true == 0) & (y_pred == 0),
        "c": (y_true == 0) & (y_pred == 1),
        "d": (y_true == 1) & (y_pred == 0),
    }
    return next(key for key, cell in shirt.items() if np.array_equal(cell, tshirt_tp))


@cache
def _sklearn_on_one_hot() -> str:
    """What scikit-learn's default ``precision_score`` does with one-hot arrays."""
    pair = _pair()
    y_pred = (pair.proba_test > 0.5).astype(int)
    try:
        value = precision_score(pair.y_test_onehot, y_pred)
    except ValueError:
        return "c"
    pooled = metrics.precision_recall_f1(
        pair.y_test, y_pred.argmax(axis=1), average="micro"
    )
    return "b" if np.isclose(value, pooled[0]) else "a"


def build() -> list[Exercise]:
    """The exercises in notebook order (they load the notebook's Shirt model).

    Returns
    -------
    list of Exercise
        An interpret, a predict, a compute and an interpret exercise.
    """
    return [
        Choice(
            "The **T-shirt/top** row of the table treats T-shirt/top as the "
            "positive class. Its true positives (TP) are the very same test "
            "images as which cell of the **Shirt** row?",
            {"a": "TP", "b": "TN", "c": "FP", "d": "FN"},
            _mirror_corner,
            hint="A T-shirt/top true positive is a T-shirt called T-shirt/top. "
            "Seen from the Shirt column, is that a shirt? Is it called Shirt?",
            solution=(
                "A T-shirt called T-shirt/top is, for the Shirt column, a non-shirt "
                "called non-shirt: a true negative. Every right image is a TP in one "
                "column and a TN in the other, every wrong one an FN in one and an "
                "FP in the other, so the pooled TP and TN (and FP and FN) are equal."
            ),
            feedback={
                "a": "the Shirt TP are shirts called Shirt, other images than the "
                "T-shirts called T-shirt/top",
                "b": "for the Shirt column a T-shirt called T-shirt/top is not a "
                "shirt and not called Shirt; look at the counts again",
                "c": "the Shirt FP are T-shirts wrongly called Shirt, mistakes; "
                "the T-shirt/top TP are right answers",
                "d": "the Shirt FN are shirts wrongly called T-shirt/top, mistakes; "
                "the T-shirt/top TP are right answers",
            },
        ),
        Predict(
            "The question's counts are TP = TN = 5116 and FP = FN = 794, printed "
            "next to precision 0.9020. Before running the next cell, predict the "
            "precision these counts give, TP / (TP + FP).",
            lambda: SEED_TP / (SEED_TP + SEED_FP),
            tolerance=0.005,
            hint="TP / (TP + FP) = 5116 / (5116 + 794). Is that 0.9020?",
            solution=(
                "The counts give a smaller number than the 0.9020 printed beside "
                "them, so counts and ratios in the post come from different places "
                "(training and validation, or two epochs). They still give three "
                "equal ratios, because TP = TN and FP = FN."
            ),
        ),
        Compute(
            "Compute the **F1 score of the positive class, Shirt** (label 1), on "
            "the test images: `pair.y_test` are the labels, and the prediction is "
            "the column with the higher score.",
            lambda: float(_f1("binary")),
            tolerance=1e-4,
            hint="`sklearn.metrics.f1_score(y_true, y_pred)` with its default "
            "`average='binary'` scores label 1; `y_pred = "
            "pair.proba_test.argmax(axis=1)`.",
            solution="f1_score(pair.y_test, pair.proba_test.argmax(axis=1))",
            mistakes=[
                Mistake(
                    lambda: float(_f1("micro")),
                    "that is the micro average (pooled over both classes, what "
                    "Keras' cell-by-cell counting gives): for single-label "
                    "predictions the micro precision, recall and F1 all equal the "
                    "accuracy",
                ),
                Mistake(
                    lambda: float(_f1(None)[0]),
                    "that is the F1 of T-shirt/top (label 0); the positive class "
                    "is Shirt, label 1",
                ),
            ],
        ),
        Choice(
            "Give scikit-learn the question's arrays as they are: "
            "`precision_score(y_true_onehot, y_pred_onehot)`, the one-hot labels "
            "and both scores cut at 0.5, default settings. What does it do?",
            {
                "a": "It returns the Shirt precision: it takes each row's argmax",
                "b": "It returns the pooled precision, the accuracy again, as Keras does",
                "c": "It refuses with a ValueError: two 0/1 columns are read as two "
                "labels of a multi-label problem, and its default "
                "`average='binary'` is for one column",
            },
            _sklearn_on_one_hot,
            hint="How would scikit-learn tell one-hot labels of two classes from "
            "the 0/1 labels of two independent yes/no questions?",
            solution=(
                "scikit-learn cannot tell one-hot labels from multi-label labels, "
                "so it refuses the default and asks for an `average`. With "
                "`average='micro'` it pools both columns and prints the accuracy, "
                "like Keras; the Shirt numbers need the class labels, "
                "`y_true_onehot.argmax(axis=1)`."
            ),
            feedback={
                "a": "scikit-learn never converts one-hot labels by itself; the "
                "`sklearn` column of `compare`'s table does the argmax for you "
                "before calling it",
                "b": "pooling both columns is what `average='micro'` does, and you "
                "have to ask for it; the default is `average='binary'`",
                "c": "this scikit-learn version accepted the arrays; run the cell "
                "below and read what it returned",
            },
        ),
    ]
