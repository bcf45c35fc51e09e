"""Exercises of notebook 10, "Can I trust 0.99999?": calibration and cost.

The answers come from the notebook's own data: the cached validation and test
predictions of the baseline network and of the raw-pixel network.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ..calibration import calibration_error, temperature_scale
from ..models import baseline_predictions
from ..threshold import cost_threshold, expected_cost
from ..uncertainty import bootstrap_ci
from ._core import Choice, Compute, Exercise, Mistake, Predict

SHIRT = 6
LEVEL = 0.99999


@cache
def _baseline():
    return baseline_predictions(progress=False)


@cache
def _raw():
    return baseline_predictions(scale=False, progress=False)


def _scaled_test(fit_on: str, model: str = "baseline") -> np.ndarray:
    run = _baseline() if model == "baseline" else _raw()
    if fit_on == "validation":
        scaler = temperature_scale(run.proba_val, run.y_val)
    else:
        scaler = temperature_scale(run.proba_test, run.y_test)
    return scaler.transform(run.proba_test)


@cache
def _raw_ece(fit_on: str | None) -> float:
    raw = _raw()
    proba = raw.proba_test if fit_on is None else _scaled_test(fit_on, "raw")
    return float(calibration_error(raw.y_test, proba))


@cache
def _baseline_scaled_ece() -> float:
    base = _baseline()
    return float(calibration_error(base.y_test, _scaled_test("validation")))


@cache
def _still_above() -> int:
    return int((_scaled_test("validation").max(axis=1) > LEVEL).sum())


@cache
def _ece_difference() -> tuple[float, float, float]:
    base, raw = _baseline(), _raw()
    *_, d = bootstrap_ci(
        calibration_error,
        base.y_test,
        raw.proba_test,
        base.proba_test,
        n_resamples=1000,
    )
    return d.estimate, d.low, d.high


def _ece_choice() -> str:
    _, low, high = _ece_difference()
    if low <= 0 <= high:
        return "c"
    return "a" if high < 0 else "b"


@cache
def _cost(chosen_on: str, split: str, cost_fn: float) -> float:
    base = _baseline()
    y_pick, p_pick = (
        (base.y_val, base.proba_val)
        if chosen_on == "validation"
        else (base.y_test, base.proba_test)
    )
    threshold = cost_threshold(
        y_pick == SHIRT, p_pick[:, SHIRT], cost_fp=1, cost_fn=cost_fn
    ).threshold
    y, p = (
        (base.y_val, base.proba_val)
        if split == "validation"
        else (base.y_test, base.proba_test)
    )
    return float(
        expected_cost(y == SHIRT, p[:, SHIRT] >= threshold, cost_fp=1, cost_fn=cost_fn)
    )


def build() -> list[Exercise]:
    """The exercises in notebook order (they load the cached predictions).

    Returns
    -------
    list of Exercise
        An interpret, a predict and two compute exercises.
    """
    return [
        Choice(
            "The two networks' test ECEs differ a little. Given the paired bootstrap "
            "interval of their difference printed above, what can you conclude?",
            {
                "a": "the raw-pixel network is better calibrated",
                "b": "the baseline is better calibrated",
                "c": "this test set cannot tell their calibration apart",
            },
            _ece_choice,
            hint="Does the interval of the difference contain 0?",
            solution=(
                "The interval of the difference contains 0, so a difference of that "
                "size is within the noise of 10,000 test images: the two networks are "
                "over-confident in the same way."
            ),
            feedback={
                "a": "the raw-pixel network is better calibrated only if the whole "
                "interval of the difference lies below 0; look at its ends",
                "b": "the baseline is better calibrated only if the whole interval of "
                "the difference (raw minus baseline) lies above 0; look at its ends",
            },
        ),
        Predict(
            "Dividing the logits by `T > 1` shrinks every confidence. Of the test "
            "answers above 0.99999 (counted in the short answer), **how many are "
            "still above 0.99999** after temperature scaling? Guess a whole number.",
            _still_above,
            tolerance=300,
            hint="Above 0.99999 the top logit leads every other by at least "
            "ln(100,000), about 11.5; dividing by T shrinks each lead by the factor T "
            "printed above. How many answers led by much more than 11.5 x T?",
            solution=(
                "Many answers had logit gaps far beyond what 0.99999 needs, so they "
                "stay above it even after dividing by T; the ones that drop out are "
                "those just above the line, where most of the confident mistakes were."
            ),
        ),
        Compute(
            "Temperature-scale the **raw-pixel** network (`raw`): fit `T` on its "
            "validation predictions, apply it to its test predictions, and give its "
            "**test ECE** after scaling.",
            lambda: _raw_ece("validation"),
            tolerance=1e-4,
            hint="`temperature_scale(raw.proba_val, raw.y_val)` returns a scaler; "
            "`.transform(raw.proba_test)`, then `calibration_error(raw.y_test, ...)`.",
            solution="calibration_error(raw.y_test, temperature_scale(raw.proba_val, "
            "raw.y_val).transform(raw.proba_test))",
            mistakes=[
                Mistake(
                    lambda: _raw_ece(None),
                    "that is the ECE before temperature scaling",
                ),
                Mistake(
                    _baseline_scaled_ece,
                    "that is the baseline's ECE after scaling; the question asks for "
                    "the raw-pixel network's",
                ),
                Mistake(
                    lambda: _raw_ece("test"),
                    "that temperature was fitted on the test images: fit it on "
                    "validation, then report on test",
                ),
            ],
        ),
        Compute(
            "Suppose a missed shirt costs **10** (a false alarm still costs 1). Choose "
            "the Shirt threshold with the lowest expected cost, then give that "
            "threshold's **expected cost per image on the test images**.",
            lambda: _cost("validation", "test", 10),
            tolerance=1e-4,
            hint="`cost_threshold(..., cost_fp=1, cost_fn=10, ...)` on the validation "
            "predictions; then `expected_cost(y == 6, proba[:, 6] >= threshold, "
            "cost_fp=1, cost_fn=10)` on test.",
            solution="pick = cost_threshold(baseline.y_val, baseline.proba_val, "
            "cost_fp=1, cost_fn=10, pos_label='Shirt', "
            "display_labels=FASHION_MNIST_CLASSES)\n"
            "expected_cost(y == 6, proba[:, 6] >= pick.threshold, cost_fp=1, cost_fn=10)",
            mistakes=[
                Mistake(
                    lambda: _cost("test", "test", 10),
                    "that threshold was chosen on test: its cost flatters it. Choose "
                    "it on the validation images, report it on test",
                ),
                Mistake(
                    lambda: _cost("validation", "validation", 10),
                    "that is the cost on the validation images, where the threshold "
                    "was chosen; report it on test",
                ),
                Mistake(
                    lambda: _cost("validation", "test", 5),
                    "that is the cost with a missed shirt costing 5, the notebook's "
                    "example; the question sets it to 10",
                ),
            ],
        ),
    ]
