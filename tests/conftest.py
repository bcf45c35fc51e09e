"""Shared test set-up: a non-interactive matplotlib backend, closed figures."""

import os

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("KERAS_BACKEND", "torch")


def pytest_collection_modifyitems(config, items):
    """Run the browser test last: by then the notebooks have filled the prediction
    cache, so the notebook it opens loads its models instead of training them."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
