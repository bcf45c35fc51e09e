"""Exercises of notebook 03, "Thresholds": tune on validation, report on test."""

from __future__ import annotations

from functools import cache

import numpy as np

from .. import metrics, models, uncertainty
from ._core import Choice, Compute, Exercise, Mistake, Predict

SANDAL = 5


@cache
def _split(split: str) -> tuple[np.ndarray, np.ndarray]:
    """Sandal against the rest on one split: (is_sandal, Sandal score)."""
    preds = models.baseline_predictions(progress=False)
    y = getattr(preds, f"y_{split}") == SANDAL
    return y, getattr(preds, f"proba_{split}")[:, SANDAL]


@cache
def _threshold(target: float, split: str = "val") -> float:
    """The lowest threshold whose precision on ``split`` reaches ``target``."""
    return float(metrics.threshold_for_target(*_split(split), precision=target))


def _at(threshold: float, split: str, column: str) -> float:
    row = metrics.counts_at_thresholds(*_split(split), [threshold])
    return float(row[column].iloc[0])


@cache
def _interval_key() -> str:
    """Where 0.95 lies against the Wilson interval of the test precision at t95."""
    row = metrics.counts_at_thresholds(*_split("test"), [_threshold(0.95)])
    tp, fp = float(row["tp"].iloc[0]), float(row["fp"].iloc[0])
    low, high = uncertainty.proportion_ci(tp, tp + fp)
    if high < 0.95:
        return "a"
    if low > 0.95:
        return "b"
    return "c"


@cache
def _share_b_misses() -> float:
    """Share of 200 random halves of the test split where B misses 0.99."""
    runs = metrics.tuning_optimism_runs(
        *_split("test"), precision=0.99, n_repeats=200, seed=0
    )
    return float(np.mean(runs["precision on B"] < 0.99 - 1e-12))


def build() -> list[Exercise]:
    """The exercises in notebook order (they load the baseline's predictions).

    Returns
    -------
    list of Exercise
        A compute, an interpret and a predict exercise.
    """
    return [
        Compute(
            "A target of **95% precision**: choose the threshold on the validation "
            "split (`y_val`, `s_val`), then give its precision on the **test** split.",
            lambda: _at(_threshold(0.95), "test", "precision"),
            tolerance=5e-4,
            hint="`pick_threshold(y_val, s_val, precision=0.95)` chooses; "
            "`counts_at_thresholds(y_test, s_test, [t])` evaluates.",
            solution=(
                "t95 = pick_threshold(y_val, s_val, precision=0.95)\n"
                'counts_at_thresholds(y_test, s_test, [t95])["precision"].iloc[0]'
            ),
            mistakes=[
                Mistake(
                    lambda: _at(_threshold(0.95), "val", "precision"),
                    "that is a precision measured on the split that chose the "
                    "threshold, which sits just above 0.95 by construction; choose on "
                    "validation, then evaluate on the test split",
                ),
                Mistake(
                    lambda: _at(_threshold(0.95), "test", "recall"),
                    "that is the test recall; the question asks for precision",
                ),
            ],
        ),
        Choice(
            "Compute the 95% Wilson interval of that test precision (the threshold "
            "chosen on validation for 95% precision). What does the test split say "
            "about the 95% target on new images?",
            {
                "a": "it is missed: the whole interval lies below 0.95",
                "b": "it is met: the whole interval lies above 0.95",
                "c": "it cannot tell: 0.95 lies inside the interval",
            },
            _interval_key,
            hint="`proportion_ci(tp, tp + fp)` with the test counts at that "
            "threshold; then compare 0.95 with both ends.",
            solution=(
                "Only an interval that excludes the target says it is met or missed. "
                "Compare with the 99% threshold above and its interval."
            ),
            feedback={
                "a": "the interval lies wholly below the target only when its upper "
                "end is below 0.95; check the upper end",
                "b": "the interval lies wholly above the target only when its lower "
                "end is above 0.95; check the lower end",
                "c": "0.95 lies inside the interval only when the lower end is below "
                "it and the upper end above it; check both ends",
            },
        ),
        Predict(
            "Choose the 99% precision threshold on a random half A of the test "
            "split, then measure it on the other half B. Over 200 random halves, in "
            "what share of them does the precision on **B** fall below 0.99? Guess a "
            "fraction between 0 and 1.",
            _share_b_misses,
            tolerance=0.1,
            hint="On A the target is met by construction. B never took part in the "
            "choice: is a threshold tuned to *just* reach 0.99 more likely to land "
            "above or below it elsewhere?",
            solution=(
                "The threshold is the lowest one that just reaches 0.99 on A, so on "
                "new images it lands on either side of 0.99 about equally often. A "
                "precision reported on the data that chose the threshold always "
                "meets the target; that guarantee is what tuning on the test split "
                "fakes."
            ),
        ),
    ]
