"""Exercises of notebook 01, "Fashion-MNIST: a first look": the pixel scale."""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from .. import datasets, explore
from ._core import Choice, Compute, Exercise, Mistake, Predict

_RAW, _SCALED = "raw 0-255", "scaled 0-1"
_STD = "std of first-layer pre-activations"
_TOP = "mean largest softmax probability"
_LOSS = "initial loss"


@cache
def _activations() -> pd.DataFrame:
    """The notebook's table: the untrained network on raw and scaled pixels."""
    images, labels = datasets.load_fashion_mnist("train")
    return explore.initial_activations(images, labels)


def _value(row: str, column: str) -> float:
    return float(_activations().loc[row, column])


def _ratio(column: str) -> float:
    return _value(_RAW, column) / _value(_SCALED, column)


@cache
def _n_classes() -> int:
    return int(np.unique(datasets.load_fashion_mnist("train")[1]).size)


def _reading() -> str:
    """The key that describes the raw-pixel network: confident, and how right."""
    confident = _value(_RAW, _TOP) > 0.9
    chance_loss = np.log(_n_classes())
    if confident and _value(_RAW, _LOSS) > chance_loss:
        return "b"
    return "a" if confident else "c"


def build() -> list[Exercise]:
    """The exercises in notebook order (they load Fashion-MNIST themselves).

    Returns
    -------
    list of Exercise
        A predict, two compute and an interpret exercise, all about what raw
        0-255 pixels do to an untrained network.
    """
    return [
        Predict(
            "The lab's network, **untrained**, is fed **raw 0-255 pixels**. On "
            "average over the images, how much probability does its softmax give to "
            "the class it ranks first? (A network that knows nothing would give "
            "each of the ten classes about 0.1.) Guess a number between 0.1 and 1.",
            lambda: _value(_RAW, _TOP),
            tolerance=0.1,
            hint="Raw pixels make every logit much larger. What does softmax do "
            "when one logit is far above the others?",
            solution=(
                "Raw pixels make the logits far larger, and softmax then hands almost all the probability to whichever class has the "
                "largest logit: the untrained network is nearly certain of one "
                "class for every image, before it has learned anything."
            ),
        ),
        Compute(
            "From the table of the untrained network: how many times larger is the "
            "**std of first-layer pre-activations** with raw pixels than with "
            "scaled pixels?",
            lambda: _ratio(_STD),
            tolerance=1.0,
            hint="`acts` has one row per input scale, `'raw 0-255'` and "
            "`'scaled 0-1'` (the table shows it transposed); "
            "`acts.loc[row, column]` reads one number.",
            solution="acts.loc['raw 0-255', 'std of first-layer pre-activations'] "
            "/ acts.loc['scaled 0-1', 'std of first-layer pre-activations']",
            mistakes=[
                Mistake(
                    lambda: 1 / _ratio(_STD),
                    "that is scaled divided by raw; divide the raw value by the "
                    "scaled one",
                ),
                Mistake(
                    lambda: _ratio(_LOSS),
                    "that is the ratio of the initial losses; the question asks "
                    "about the pre-activations",
                ),
            ],
        ),
        Compute(
            "The initial loss is the cross-entropy: the mean of minus the natural "
            "log of the probability given to the true class. What would it be for "
            "a network that gives **every one of the ten classes the same "
            "probability**? Compare your number with the `scaled 0-1` column.",
            lambda: float(np.log(_n_classes())),
            tolerance=1e-3,
            hint="Each class gets 1/10, so the true class does too; `np.log` is "
            "the natural log.",
            solution="-np.log(1 / len(FASHION_MNIST_CLASSES))",
            mistakes=[
                Mistake(
                    lambda: 1 / _n_classes(),
                    "that is the probability itself; the loss is minus its log",
                ),
                Mistake(
                    lambda: float(np.log10(_n_classes())),
                    "that is the base-10 log; cross-entropy uses the natural log, "
                    "`np.log`",
                ),
                Mistake(
                    lambda: _value(_SCALED, _LOSS),
                    "that is the `scaled 0-1` column's initial loss, measured on the "
                    "untrained network, whose probabilities are not exactly even; "
                    "the question asks for a guess that gives each class exactly "
                    "1/10: compute minus the log of that",
                ),
                Mistake(
                    lambda: float(-np.log(_n_classes())),
                    "that is the log itself; the loss is MINUS the log of the "
                    "probability, a positive number",
                ),
            ],
        ),
        Choice(
            "Read the `raw 0-255` column of the table: the **mean largest softmax "
            "probability** and the **initial loss**, next to your answer to the "
            "even-guess loss. What do the two numbers say together?",
            {
                "a": "It is confident and mostly right: the loss is large only "
                "because the pixel values are large.",
                "b": "It is confident and mostly wrong: near-certain of a class "
                "that is usually not the true one, and each such answer costs a "
                "large loss.",
                "c": "It is unsure: its probability is spread over the ten classes.",
            },
            _reading,
            hint="The loss is minus the log of the probability given to the TRUE "
            "class. What is -log(p) when p is near 1, and when p is near 0?",
            solution=(
                "A confident right answer costs almost nothing (-log 1 = 0); a "
                "loss far above the even guess's means the true class usually got "
                "a probability near 0. The untrained network is sure, and "
                "mostly wrong: training must first undo that."
            ),
            feedback={
                "a": "a confident RIGHT answer has a loss near 0, whatever the "
                "pixel values; a large loss means the true class got little "
                "probability",
                "c": "the mean largest probability is near 1, not near 0.1: the "
                "probability is concentrated, not spread",
            },
        ),
    ]
