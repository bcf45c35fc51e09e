"""The computed keys of notebooks 01 and 02's multiple choices, on every branch.

The generic tests (test_exercises.py) check each set against the real data,
which exercises one branch of each computed key; these feed the functions other
data so that a key that could never change would be caught.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from evalviz.exercises import _nb01, _nb02


def _table(top: float, loss: float) -> pd.DataFrame:
    columns = [_nb01._STD, _nb01._TOP, _nb01._LOSS]
    return pd.DataFrame(
        [[125.0, top, loss], [0.5, 0.17, 2.35]],
        index=[_nb01._RAW, _nb01._SCALED],
        columns=columns,
    )


@pytest.mark.parametrize(
    ("top", "loss", "key"),
    [
        (0.98, 141.0, "b"),  # sure and wrong: the notebook's case
        (0.98, 0.05, "a"),  # sure and right: a loss below the even guess
        (0.15, 2.4, "c"),  # unsure: probability spread out
    ],
)
def test_nb01_reading_follows_the_table(monkeypatch, top, loss, key):
    monkeypatch.setattr(_nb01, "_activations", lambda: _table(top, loss))
    monkeypatch.setattr(_nb01, "_n_classes", lambda: 10)
    assert _nb01._reading() == key


def test_nb01_ratio_is_raw_over_scaled(monkeypatch):
    monkeypatch.setattr(_nb01, "_activations", lambda: _table(0.98, 141.0))
    assert _nb01._ratio(_nb01._STD) == pytest.approx(250.0)


def test_nb02_top_cells_of_the_lab_matrix():
    # The seed's own numbers: Coat -> Pullover 591, Shirt -> Pullover 282,
    # Shirt -> T-shirt/top 201, in that order.
    assert _nb02._top3(_nb02.LAB_TEST_CONFUSION) == [(4, 2), (6, 2), (6, 0)]


def _swap(cm, a, b):
    cm = np.array(cm)
    cm[a], cm[b] = cm[b], cm[a].copy()
    return cm


def _plus(cm, cell, n):
    cm = np.array(cm)
    cm[cell] += n
    return cm


@pytest.mark.parametrize(
    ("ours", "key"),
    [
        (np.array(_nb02.LAB_TEST_CONFUSION), "a"),
        # the two Shirt cells swapped: same cells, another order
        (
            _swap(
                np.array(_nb02.LAB_TEST_CONFUSION),
                (6, 2),
                (6, 0),
            ),
            "b",
        ),
        # a new largest mistake elsewhere (Sneaker -> Sandal)
        (_plus(np.array(_nb02.LAB_TEST_CONFUSION), (7, 5), 700), "c"),
    ],
)
def test_nb02_pattern_compares_cells_and_order(monkeypatch, ours, key):
    monkeypatch.setattr(_nb02, "_confusion", lambda: ours)
    assert _nb02._pattern() == key
