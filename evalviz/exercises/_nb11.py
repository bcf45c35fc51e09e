"""Exercises of notebook 11, the appendix of 04: the simulator's knobs, the post's code."""

from __future__ import annotations

from functools import cache

import numpy as np

from .. import metrics, simulate
from ..datasets import CIFAR10_CLASSES
from ._core import Choice, Compute, Exercise, Mistake, Predict

#: The per-class precision and recall of the CIFAR-10 classification report in
#: the post that notebook 04 answers, 1,000 test images per class.
POST_PRECISION = (0.93, 0.93, 0.88, 0.86, 0.88, 0.88, 0.83, 0.94, 0.95, 0.90)
POST_RECALL = (0.90, 0.96, 0.87, 0.72, 0.91, 0.81, 0.97, 0.94, 0.93, 0.95)


@cache
def _simulated(confidence: float = 4.0, separation: float | None = None):
    return simulate.from_report(
        list(POST_PRECISION),
        list(POST_RECALL),
        1000,
        seed=0,
        confidence=confidence,
        separation=separation,
    )


def _confidence_effect() -> str:
    default = metrics.roc_auc(*_simulated())
    sharp = metrics.roc_auc(*_simulated(confidence=16.0))
    change = sharp - default
    if abs(change) < 0.01:
        return "b"
    return "a" if change > 0 else "c"


def _cat_share(separation: float | None, *, positives: bool = True) -> float:
    y_true, y_score = _simulated(separation=separation)
    k = CIFAR10_CLASSES.index("cat")
    rows = (y_true == k) if positives else (y_true != k)
    return float(np.mean(y_score[rows, k] >= 0.99999))


def _cat_argmax_recall() -> float:
    y_true, y_score = _simulated(separation=5.0)
    k = CIFAR10_CLASSES.index("cat")
    return float(np.mean(y_score[y_true == k].argmax(axis=1) == k))


def _report_fixes_aucs() -> str:
    (t0, s0), (t5, s5) = _simulated(), _simulated(separation=5.0)
    same_matrix = bool(
        (
            metrics.confusion_matrix(t0, s0.argmax(axis=1), n_classes=10)
            == metrics.confusion_matrix(t5, s5.argmax(axis=1), n_classes=10)
        ).all()
    )
    a0 = metrics.roc_auc(t0, s0, average=None)
    a5 = metrics.roc_auc(t5, s5, average=None)
    if not same_matrix or np.abs(a5 - a0).max() < 0.01:
        return "a"
    if abs(float(np.mean(a5)) - float(np.mean(a0))) < 0.001:
        return "c"
    return "b"


def _shape2_outcome() -> str:
    probabilities = np.full((4, 10), 0.1)  # (images, classes), as a model returns
    try:
        n = probabilities.shape[2]
    except IndexError:
        return "a"
    return "b" if n == probabilities.shape[1] else "c"


def build() -> list[Exercise]:
    """The exercises in notebook order (simulated scores, no download).

    Returns
    -------
    list of Exercise
        A predict, a compute and two interpret exercises.
    """
    return [
        Predict(
            "`confidence=` multiplies the simulated logits before the softmax, so "
            "4 → 16 makes every row far more peaked. What happens to the simulated "
            "**macro ROC AUC** of the post's report?",
            _confidence_effect,
            choices={
                "a": "it rises close to 1, like the post's AUCs",
                "b": "it changes by less than 0.01",
                "c": "it drops by more than 0.01",
            },
            hint="AUC depends only on the order of the scores in each class's "
            "column. Sharpening keeps the order inside every row; a column compares "
            "different rows, and there it can swap only a few images, those whose "
            "rows spread their other scores differently.",
            solution="Sharpening keeps each row's order; in a column it swaps only a "
            "few images, so the macro AUC moves by a few thousandths (the lowest "
            "class a little more). How far a class's own images sit above the "
            "others in its column is set elsewhere: `confidence` is not the knob "
            "that sets the AUCs.",
        ),
        Choice(
            "The default simulation and the one with `separation=5` have the same "
            "confusion matrix. Does a per-class precision/recall report fix the "
            "one-vs-rest ROC AUCs?",
            {
                "a": "yes: the same report gives the same AUCs",
                "b": "no: the same report fits AUCs far apart",
                "c": "only the macro AUC is fixed; the per-class AUCs move",
            },
            _report_fixes_aucs,
            hint="Compare the two AUC columns of the table, and the two macro "
            "values printed below it.",
            solution="The argmax decisions fix precision and recall; how far each "
            "class's images sit above the rest in its column, which the report "
            "never shows, fixes the AUCs.",
            feedback={
                "a": "the two AUC columns differ for every class although the "
                "confusion matrices are equal",
                "c": "the two macro AUCs printed below the table differ too",
            },
        ),
        Compute(
            "With `separation=5`, what share of the simulated **cat** images score "
            "at least 0.99999 for cat (the TPR at that threshold)? Give a fraction "
            "between 0 and 1.",
            lambda: _cat_share(5.0),
            tolerance=1e-3,
            hint="`near_score[near_true == k, k]` are the cats' cat scores, with "
            "`k = CIFAR10_CLASSES.index('cat')`.",
            solution="k = CIFAR10_CLASSES.index('cat')\n"
            "np.mean(near_score[near_true == k, k] >= 0.99999)",
            mistakes=[
                Mistake(
                    lambda: _cat_share(None),
                    "that is the default simulation; the question is about "
                    "`separation=5`",
                ),
                Mistake(
                    lambda: _cat_share(5.0, positives=False),
                    "that is the share of the other images (FPR); TPR counts the cats",
                ),
                Mistake(
                    _cat_argmax_recall,
                    "that is the argmax recall, the same in every simulation of "
                    "this report; the question asks about the threshold 0.99999",
                ),
            ],
        ),
        Choice(
            "The post computes `n_classes = y_score.shape[2]`. What does that line "
            "do when `y_score` holds class probabilities of shape (images, classes), "
            "as `model.predict` returns them?",
            {
                "a": "it raises IndexError: there is no axis 2",
                "b": "it gives the number of classes",
                "c": "it gives the number of images",
            },
            _shape2_outcome,
            hint="Axes count from 0: a 2-D array has axes 0 and 1.",
            solution="A 2-D array has no axis 2, so `shape[2]` raises IndexError: "
            "the code as posted cannot have run on 2-D probabilities.",
            feedback={
                "b": "the number of classes is `shape[1]`, the second axis",
                "c": "the number of images is `shape[0]`, the first axis",
            },
        ),
    ]
