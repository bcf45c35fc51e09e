"""Exercises of notebook 04, "ROC AUC near 1.0": one vs the rest, thresholds, AP."""

from __future__ import annotations

from functools import cache

import numpy as np

from .. import metrics, models
from ..datasets import FASHION_MNIST_CLASSES
from ._core import Choice, Compute, Exercise, Mistake, Predict

#: Pixels per unit of FPR on the post's plot: matplotlib's default 6.4-inch
#: figure at 100 dpi, axes 77.5% of 640 pixels wide, x from -0.05 to 1.0.
_PIXELS_PER_FPR = 0.775 * 640 / 1.05


@cache
def _data() -> tuple[np.ndarray, np.ndarray]:
    baseline = models.baseline_predictions(progress=False)
    return np.asarray(baseline.y_test), np.asarray(baseline.proba_test)


def _column(name: str) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest labels (True for the class) and that class's scores."""
    y_true, y_score = _data()
    k = FASHION_MNIST_CLASSES.index(name)
    return y_true == k, y_score[:, k]


def _shirt_fp_at(threshold: float) -> tuple[int, int, int]:
    """(false positives, true positives, negatives) of "Shirt score >= t"."""
    positive, score = _column("Shirt")
    counted = score >= threshold
    return (
        int(np.sum(counted & ~positive)),
        int(np.sum(counted & positive)),
        int(np.sum(~positive)),
    )


def _shirt_fpr_at_half() -> float:
    fp, _, negatives = _shirt_fp_at(0.5)
    return fp / negatives


def _shirt_argmax_fpr() -> float:
    y_true, y_score = _data()
    k = FASHION_MNIST_CLASSES.index("Shirt")
    return float(np.mean(y_score[y_true != k].argmax(axis=1) == k))


@cache
def _shirt_ap() -> float:
    positive, score = _column("Shirt")
    return float(metrics.average_precision(positive, score))


def _shirt_auc() -> float:
    positive, score = _column("Shirt")
    return float(metrics.roc_auc(positive, score))


def _shirt_prevalence() -> float:
    positive, _ = _column("Shirt")
    return float(np.mean(positive))


def _ap_share() -> float:
    p = _shirt_prevalence()
    return (_shirt_ap() - p) / (1 - p)


@cache
def _farthest_pixels_at_0_9() -> float:
    """Largest distance from FPR 0, in pixels on the post's plot, at 0.9."""
    y_true, y_score = _data()
    negatives = y_true[:, None] != np.arange(y_score.shape[1])
    fpr = ((y_score >= 0.9) & negatives).sum(axis=0) / negatives.sum(axis=0)
    return float(fpr.max() * _PIXELS_PER_FPR)


def build() -> list[Exercise]:
    """The exercises in notebook order (they load the baseline's predictions).

    Returns
    -------
    list of Exercise
        A compute, an interpret, a predict and a compute exercise.
    """
    return [
        Compute(
            "One vs the rest for **Shirt**: what is the false positive rate (FPR) "
            'of the rule "Shirt score ≥ 0.5" on the test set? Give a fraction '
            "between 0 and 1.",
            _shirt_fpr_at_half,
            tolerance=1e-4,
            hint="The negatives are the images that are not shirts: "
            "`y_true != k`. FPR = false positives / negatives.",
            solution="k = names.index('Shirt')\n"
            "np.mean(y_score[y_true != k, k] >= 0.5)",
            mistakes=[
                Mistake(
                    lambda: _shirt_fp_at(0.5)[0] / _data()[0].size,
                    "that divides by all 10,000 images; FPR divides by the 9,000 "
                    "negatives only",
                ),
                Mistake(
                    lambda: _shirt_fp_at(0.5)[0] / int(np.sum(_column("Shirt")[0])),
                    "that divides the false positives by the 1,000 shirts (the "
                    "positives); FPR divides by the 9,000 negatives, the non-shirts",
                ),
                Mistake(
                    lambda: _shirt_fp_at(0.5)[0] / sum(_shirt_fp_at(0.5)[:2]),
                    "that is the share of false positives among the images counted "
                    "positive (1 − precision); FPR divides by the negatives",
                ),
                Mistake(
                    _shirt_argmax_fpr,
                    "that is the FPR of the argmax decision (the operating-point "
                    "table); the question asks for the threshold 0.5 on the Shirt "
                    "column",
                ),
                Mistake(
                    lambda: _shirt_fp_at(0.5)[0],
                    "that is the number of false positives; divide it by the number "
                    "of negatives",
                ),
            ],
        ),
        Choice(
            "On the post's **linear** ROC plot (about 472 pixels per unit of FPR), "
            "where do the points for the thresholds 0.99999 down to 0.9 land?",
            {
                "a": "within a few pixels of FPR 0 for every class: the vertical "
                "start of each curve is many thresholds",
                "b": "spread over the width of the plot, one visible step per "
                "threshold",
                "c": "at a TPR near 1 for every class, which is why every curve "
                "starts high",
            },
            lambda: "a" if _farthest_pixels_at_0_9() < 10 else "b",
            hint="Read the `pixels` column of the sweep, and the farthest class "
            "printed below it.",
            solution="Even the farthest class is only a few pixels from FPR 0 at "
            "0.9, so every threshold from 0.99999 to 0.9 is drawn on the vertical "
            "line at the left edge; TPR climbs along that line.",
            feedback={
                "b": "the `pixels` column stays in single digits down to 0.9: the "
                "points are squeezed into the left edge, not spread out",
                "c": "Shirt's TPR at 0.9 is about a third (the `tpr` column): a "
                "high TPR at very high thresholds holds only for the classes whose "
                "softmax saturates",
            },
        ),
        Predict(
            "Shirt's one-vs-rest ROC AUC is close to 1 (section 1). Guess its "
            "**average precision** (AP), a number between 0 and 1.",
            _shirt_ap,
            tolerance=0.05,
            hint="AP divides by the images counted positive, not by the 9,000 "
            "negatives, and its chance level is the prevalence, 0.1.",
            solution="AP is well below the ROC AUC: the false positives among the "
            "shirt-like classes are no longer diluted among thousands of easy "
            "negatives.",
        ),
        Compute(
            "Measure Shirt's AP from its own chance level: what share of the way "
            "from the prevalence (AP of a random ranking) to a perfect 1 does it "
            "cover? That is (AP − prevalence) / (1 − prevalence).",
            _ap_share,
            tolerance=1e-3,
            hint="`pr.areas['Shirt']` is the AP; the prevalence is the share of "
            "shirts among the test images, `np.mean(y_true == k)`.",
            solution="k = names.index('Shirt')\n"
            "prevalence = np.mean(y_true == k)\n"
            "(pr.areas['Shirt'] - prevalence) / (1 - prevalence)",
            mistakes=[
                Mistake(
                    lambda: (_shirt_ap() - 0.5) / 0.5,
                    "that measures from 0.5, ROC AUC's chance level; AP's chance "
                    "level is the prevalence",
                ),
                Mistake(_shirt_ap, "that is AP itself, measured from 0"),
                Mistake(
                    lambda: _shirt_ap() / _shirt_prevalence(),
                    "that is the lift ratio AP / prevalence; the question asks for "
                    "the share of the distance from chance to 1",
                ),
                Mistake(
                    lambda: (_shirt_auc() - 0.5) / 0.5,
                    "that is ROC AUC's share of the way from 0.5 to 1; the question "
                    "asks about AP",
                ),
            ],
        ),
    ]
