"""Exercises of notebook 09, "Is the difference real?": intervals and paired tests."""

from __future__ import annotations

from functools import cache

import numpy as np
from scipy import stats

from .. import models
from ..uncertainty import delong_test, mcnemar_test
from ._core import Choice, Compute, Exercise, Mistake, Predict


@cache
def _pair():
    baseline = models.baseline_predictions(progress=False)
    raw = models.baseline_predictions(scale=False, progress=False)
    return baseline.y_test, baseline.proba_test, raw.proba_test


@cache
def _mcnemar():
    y, a, b = _pair()
    return mcnemar_test(y, a.argmax(axis=1), b.argmax(axis=1))


def _classes_beyond_noise() -> int:
    y, a, b = _pair()
    frame = delong_test(y, a, b, average=None).to_frame()
    return int(((frame["low"] > 0) | (frame["high"] < 0)).sum())


@cache
def _small_sample_row():
    from ..compare import intervals_by_size

    y, a, b = _pair()
    frame = intervals_by_size(
        y, {"raw pixels": b, "baseline": a}, fractions=(0.1, 0.25, 0.5, 1.0), seed=0
    ).to_frame()
    small = frame.query("fraction == 0.1 and metric == 'accuracy'")
    return small.dropna(subset=["difference"]).iloc[0]


def _needed(margin: float, z: float) -> int:
    y, a, _ = _pair()
    p = float(np.mean(a.argmax(axis=1) == y))
    return int(np.ceil(z**2 * p * (1 - p) / margin**2))


def build() -> list[Exercise]:
    """The exercises in notebook order (they load the two course networks).

    Returns
    -------
    list of Exercise
        A predict, two compute and an interpret exercise.
    """
    z = float(stats.norm.ppf(0.975))
    return [
        Compute(
            "On how many of the 10,000 test images is **exactly one** of the two "
            "networks right? (These are the only images McNemar's test uses.)",
            lambda: _mcnemar().b + _mcnemar().c,
            tolerance=0,
            hint="`mcnemar_test` prints how many images only A gets right and how "
            "many only B gets right.",
            solution="result = mcnemar_test(y, pred_baseline, pred_raw)\n"
            "result.b + result.c",
            mistakes=[
                Mistake(
                    lambda: _mcnemar().b,
                    "that counts only the images the baseline alone gets right; add "
                    "those only the raw-pixel network gets right",
                ),
                Mistake(
                    lambda: _mcnemar().b - _mcnemar().c,
                    "that is the difference b - c; the question asks for the images "
                    "on which the two disagree, b + c",
                ),
                Mistake(
                    lambda: (_mcnemar().b + _mcnemar().c) / _mcnemar().n,
                    "that is the share; the question asks for the number of images",
                ),
            ],
        ),
        Predict(
            "DeLong's paired test, one class against the rest: for how many of the "
            "ten classes will the AUC difference (baseline minus raw pixels) have a "
            "95% interval that excludes 0? Guess a whole number from 0 to 10.",
            _classes_beyond_noise,
            tolerance=1,
            hint="A class whose AUC is already very close to 1 leaves little room "
            "for a difference, and a small difference needs many images to show.",
            solution=(
                "What decides it is each difference against its own standard error "
                "(the width of its interval), not how close the AUCs are to 1: compare "
                "the `difference`, `low` and `high` columns of the classes within the "
                "noise with those beyond it. 'Within the noise' means this test set "
                "cannot tell, not that the two networks are equal."
            ),
        ),
        Choice(
            "At 1,000 test images (the left end of the plot), the two networks' own "
            "accuracy intervals (top left) overlap. Is the baseline's accuracy "
            "advantage at that size beyond the noise?",
            {
                "a": "No: the two intervals overlap, so the difference is within the noise.",
                "b": "Yes: the paired difference's interval (bottom left) excludes 0.",
                "c": "No: the paired difference's interval (bottom left) includes 0.",
            },
            lambda: "b" if bool(_small_sample_row()["beyond_noise"]) else "c",
            hint="Which panel shows the number the paired test judges?",
            solution=(
                "The paired difference removes the noise both networks share (the "
                "same test images) and is what to read; two overlapping intervals "
                "do not show that the models are equal."
            ),
            feedback={
                "a": "overlapping intervals do not show equality: each carries the "
                "noise of the test set both networks share; read the paired "
                "difference in the bottom panel",
                "b": "look again at the bottom-left panel at 1,000 images: does the "
                "difference's interval cross the dashed line at 0?",
                "c": "look again at the bottom-left panel at 1,000 images: does the "
                "difference's interval cross the dashed line at 0?",
            },
        ),
        Compute(
            "With the normal approximation, how many test images give the baseline's "
            "accuracy a 95% margin of **±0.005**? (Round up to a whole image.)",
            lambda: _needed(0.005, z),
            tolerance=1,
            hint="n = z² p (1 - p) / margin², with z = 1.96 at 95% and p the "
            "baseline's test accuracy; round up with `np.ceil`.",
            solution="np.ceil(stats.norm.ppf(0.975) ** 2 * p * (1 - p) / 0.005**2)",
            mistakes=[
                Mistake(
                    lambda: _needed(0.01, z),
                    "that is the size for a margin of ±0.01; halving the margin "
                    "needs four times the images",
                ),
                Mistake(
                    lambda: _needed(0.005, float(stats.norm.ppf(0.95))),
                    "that uses z = 1.645, the one-sided 95% value; a two-sided 95% "
                    "interval uses z = 1.96",
                ),
                Mistake(
                    lambda: int(np.ceil(z**2 * 0.25 / 0.005**2)),
                    "that uses p (1 - p) = 0.25, the worst case for any accuracy; the "
                    "question asks for the baseline's own accuracy p",
                ),
                Mistake(
                    lambda: _needed(0.005, 2.0),
                    "that rounds z to 2; the two-sided 95% value is z = 1.96",
                ),
            ],
        ),
    ]
