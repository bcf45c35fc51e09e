"""Exercises of notebook 00, "Start here": the data's shape and balance."""

from __future__ import annotations

from functools import cache

import numpy as np

from .. import datasets
from ._core import Choice, Compute, Exercise, Mistake, Predict


@cache
def _labels(split: str) -> np.ndarray:
    return datasets.load_fashion_mnist(split)[1]


@cache
def _pixel_max() -> int:
    return int(datasets.load_fashion_mnist("test")[0].max())


def build() -> list[Exercise]:
    """The exercises in notebook order (no data needed: they load Fashion-MNIST).

    Returns
    -------
    list of Exercise
        An interpret, a predict and a compute exercise, in that order.
    """
    shirt = datasets.FASHION_MNIST_CLASSES.index("Shirt")
    return [
        Choice(
            "The images are stored as `uint8`. What range do their pixel values "
            "take, as loaded?",
            {"a": "0 to 1", "b": "0 to 255", "c": "-1 to 1"},
            lambda: {1: "a", 255: "b"}.get(_pixel_max(), "c"),
            hint="Print `test_images.min()` and `test_images.max()`.",
            solution=(
                "`uint8` holds whole numbers from 0 to 255, and the raw images use "
                "that range; scaling them to 0 to 1 happens before training "
                "(notebook 01)."
            ),
            feedback={
                "a": "0 to 1 is the range after scaling, which notebook 01 does "
                "before training; the stored images are not scaled",
                "c": "an unsigned 8-bit integer cannot be negative",
            },
        ),
        Predict(
            "A model that answers **T-shirt/top** for every test image: what "
            "accuracy does it get? Guess a fraction between 0 and 1.",
            lambda: float(np.mean(_labels("test") == 0)),
            tolerance=0.02,
            hint="How many classes are there, and how many images does each have?",
            solution=(
                "Ten classes with the same number of images each: a constant answer "
                "is right on one class in ten. That is the floor every accuracy in "
                "this course is compared with."
            ),
        ),
        Compute(
            "What share of the **training** images show a **Shirt** or a "
            "**T-shirt/top**, the pair that is hard even for a person? Give a "
            "fraction between 0 and 1.",
            lambda: float(np.mean(np.isin(_labels("train"), [0, shirt]))),
            tolerance=1e-4,
            hint="`np.isin(train_labels, [a, b])` marks the images of two classes; "
            "the mean of a True/False array is the share of True.",
            solution="np.isin(train_labels, [FASHION_MNIST_CLASSES.index('T-shirt/top'), "
            "FASHION_MNIST_CLASSES.index('Shirt')]).mean()",
            mistakes=[
                Mistake(
                    lambda: float(np.mean(_labels("train") == shirt)),
                    "that is the share of one class; the question asks for the two "
                    "together",
                ),
                Mistake(
                    lambda: int(np.sum(np.isin(_labels("train"), [0, shirt]))),
                    "that is the number of images; divide by the number of training "
                    "images to get the share",
                ),
            ],
        ),
    ]
