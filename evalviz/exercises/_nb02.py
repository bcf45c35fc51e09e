"""Exercises of notebook 02, "Train and evaluate": the baseline's accuracy and mistakes."""

from __future__ import annotations

from functools import cache

import numpy as np

from .. import datasets, metrics, models
from ._core import Choice, Compute, Exercise, Mistake, Predict

#: The published lab's test confusion matrix (rows = true class), quoted
#: from its output as data, as notebook 02 types it in.
LAB_TEST_CONFUSION = (
    (856, 0, 47, 24, 0, 1, 66, 0, 6, 0),
    (2, 979, 8, 11, 0, 0, 0, 0, 0, 0),
    (11, 2, 942, 15, 9, 0, 20, 0, 1, 0),
    (15, 15, 25, 928, 4, 0, 12, 0, 0, 1),
    (0, 2, 591, 76, 303, 0, 27, 0, 1, 0),
    (0, 0, 1, 2, 0, 942, 0, 22, 6, 27),
    (201, 3, 282, 34, 38, 0, 438, 0, 4, 0),
    (0, 0, 0, 0, 0, 33, 11, 891, 2, 63),
    (7, 0, 14, 4, 1, 3, 24, 1, 945, 1),
    (0, 0, 0, 1, 0, 3, 0, 17, 0, 979),
)

_SHIRT = datasets.FASHION_MNIST_CLASSES.index("Shirt")
_TSHIRT = datasets.FASHION_MNIST_CLASSES.index("T-shirt/top")


@cache
def _preds(scale: bool = True) -> models.Predictions:
    return models.baseline_predictions(scale=scale, progress=False)


@cache
def _confusion() -> np.ndarray:
    p = _preds()
    return metrics.confusion_matrix(p.y_test, p.proba_test.argmax(axis=1))


def _top3(cm) -> list[tuple[int, int]]:
    table = metrics.top_confusions(np.asarray(cm), 3)
    return list(zip(table["true"].tolist(), table["predicted"].tolist(), strict=True))


def _pattern() -> str:
    """How our three largest confusion cells compare with the lab's."""
    ours, lab = _top3(_confusion()), _top3(LAB_TEST_CONFUSION)
    if ours == lab:
        return "a"
    if set(ours) == set(lab) and ours[0] == lab[0]:
        return "b"
    return "c"


def _shirt_as_tshirt_scores() -> np.ndarray:
    """Probability given to T-shirt/top for the test shirts predicted as T-shirt/top."""
    p = _preds()
    cell = (p.y_test == _SHIRT) & (p.proba_test.argmax(axis=1) == _TSHIRT)
    return p.proba_test[cell, _TSHIRT]


def build() -> list[Exercise]:
    """The exercises in notebook order (they load the cached baseline predictions).

    Returns
    -------
    list of Exercise
        A predict, two compute and an interpret exercise.
    """
    shirt = _SHIRT
    return [
        Predict(
            "The same network is trained again on **raw 0-255 pixels**, every "
            "other setting unchanged. What **test accuracy** will it reach? (The "
            "scaled model's is in the short answer.) Guess a fraction.",
            lambda: _preds(scale=False).test_accuracy,
            tolerance=0.03,
            hint="Notebook 01 showed an untrained network that is sure and wrong "
            "on raw pixels. Training can repair part of that: how much?",
            solution=(
                "Lower than the scaled model, but far above the 0.1 baseline: "
                "scikit-learn's Adam recovers from the bad scale during training. "
                "The loss of the first epoch shows the damage more plainly than "
                "the final accuracy."
            ),
        ),
        Compute(
            "Of the test images the model **predicted as Shirt**, what share really "
            "are shirts (Shirt's **precision**)? Compute it from the confusion "
            "matrix, `cm_display.confusion_matrix` (rows = true class).",
            lambda: float(_confusion()[shirt, shirt] / _confusion()[:, shirt].sum()),
            tolerance=1e-4,
            hint="Predicted as Shirt = the Shirt COLUMN. Shirt's index is "
            "`FASHION_MNIST_CLASSES.index('Shirt')`.",
            solution="cm = cm_display.confusion_matrix\n"
            "k = FASHION_MNIST_CLASSES.index('Shirt')\n"
            "cm[k, k] / cm[:, k].sum()",
            mistakes=[
                Mistake(
                    lambda: float(
                        _confusion()[shirt, shirt] / _confusion()[shirt].sum()
                    ),
                    "that is Shirt's recall: you divided by the row (all true "
                    "shirts); precision divides by the column (all Shirt predictions)",
                ),
                Mistake(
                    lambda: int(_confusion()[shirt, shirt]),
                    "that is the number of shirts predicted right; divide it by the "
                    "number of Shirt predictions",
                ),
                Mistake(
                    lambda: float(
                        1 - _confusion()[shirt, shirt] / _confusion()[:, shirt].sum()
                    ),
                    "that is the share of Shirt predictions that are WRONG, "
                    "1 - precision",
                ),
                Mistake(
                    lambda: float(np.trace(_confusion()) / _confusion().sum()),
                    "that is the accuracy, which is also what "
                    "`precision_score(..., average='micro')` gives for single-label "
                    "predictions; Shirt's precision uses the Shirt column only",
                ),
            ],
        ),
        Compute(
            "The gallery shows the Shirt -> T-shirt/top mistakes the model was "
            "most sure of. Over **all** test shirts predicted as T-shirt/top, what "
            "share got a T-shirt/top probability of **0.9 or more**?",
            lambda: float(np.mean(_shirt_as_tshirt_scores() >= 0.9)),
            tolerance=1e-3,
            hint="Select the cell with `(y_test == shirt) & (y_pred == tshirt)`, "
            "take column `tshirt` of `preds.proba_test` for those rows, and the "
            "mean of `>= 0.9`.",
            solution="shirt = FASHION_MNIST_CLASSES.index('Shirt')\n"
            "tshirt = FASHION_MNIST_CLASSES.index('T-shirt/top')\n"
            "cell = (y_test == shirt) & (y_pred == tshirt)\n"
            "(preds.proba_test[cell, tshirt] >= 0.9).mean()",
            mistakes=[
                Mistake(
                    lambda: int(np.sum(_shirt_as_tshirt_scores() >= 0.9)),
                    "that is the number of such mistakes; divide by the number of "
                    "images in the cell",
                ),
                Mistake(
                    lambda: float(
                        np.sum(_shirt_as_tshirt_scores() >= 0.9)
                        / np.sum(_preds().y_test == _SHIRT)
                    ),
                    "that divides by all the test shirts; the question asks for the "
                    "share among the shirts predicted as T-shirt/top (the cell)",
                ),
                Mistake(
                    lambda: float(np.mean(_shirt_as_tshirt_scores() >= 0.5)),
                    "that is the share at 0.5 or more; the question asks for 0.9",
                ),
                Mistake(
                    lambda: float(np.mean(_shirt_as_tshirt_scores() >= 0.99)),
                    "that is the share at 0.99 or more; the question asks for 0.9",
                ),
            ],
        ),
        Choice(
            "Compare the three largest off-diagonal cells of our test matrix "
            "(`cm_display.top_confusions(3)`) with the lab's "
            "(`lab_display.top_confusions(3)`). Which is true?",
            {
                "a": "The same three cells in the same order.",
                "b": "The same three cells and the same largest one (Coat -> "
                "Pullover), but the second and third swap places.",
                "c": "Different cells: the two models fail in different places.",
            },
            _pattern,
            hint="List the (true, predicted) pairs of both tables in order and "
            "compare them pair by pair.",
            solution=(
                "Both models fail between the same upper-body garments, and "
                "Coat -> Pullover is the largest cell in both; below it the order "
                "differs. 'The same pattern' is true of the cells, not of their "
                "order or their sizes."
            ),
            feedback={
                "a": "check the second row of both tables: the predicted class differs",
                "c": "the (true, predicted) pairs are the same three in both "
                "tables; only their order differs",
            },
        ),
    ]
