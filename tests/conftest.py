"""Shared test set-up: a non-interactive matplotlib backend, closed figures."""

import os

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("KERAS_BACKEND", "torch")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
