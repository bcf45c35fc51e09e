"""Random inputs for the conventions tests (scikit-learn, Keras, torchmetrics).

Each case is ``(y_true, y_score, threshold)`` with float32 scores, so that every
library sees exactly the same numbers. The generators mix the situations where
the libraries' rules differ: logits instead of probabilities, scores rounded
to create ties (also exactly at the threshold), rare and missing classes,
thresholds other than 0.5.
"""

from __future__ import annotations

import numpy as np

KINDS = ("binary", "multiclass", "one-hot", "multilabel")


def _threshold(rng) -> float:
    return float(rng.choice([0.5, 0.5, 0.5, 0.3, 0.7, 0.25]))


def _style(rng) -> str:
    return str(rng.choice(["uniform", "signal", "rounded", "logits"]))


def binary_case(rng):
    n = int(rng.integers(2, 250))
    prevalence = float(rng.choice([0.5, 0.2, 0.05, rng.random()]))
    y = (rng.random(n) < prevalence).astype(np.int64)
    style = _style(rng)
    if style == "logits":
        score = rng.normal(size=n) * 3 + (y - 0.5) * 2
    else:
        score = rng.random(n)
        if style in ("signal", "rounded"):
            score = np.clip(0.6 * score + 0.4 * y * rng.random(n), 0, 1)
        if style == "rounded":
            score = np.round(score, 1)
    return y, score.astype(np.float32), _threshold(rng)


def multiclass_case(rng, *, k=None):
    k = int(k if k is not None else rng.integers(3, 11))
    n = int(rng.integers(k, 250))
    y = rng.integers(0, k, n)
    if rng.random() < 0.2:  # a missing class
        y[y == k - 1] = 0
    style = _style(rng)
    if style == "logits":
        score = rng.normal(size=(n, k)) * 2
        score[np.arange(n), y] += 1.5
    else:
        score = rng.dirichlet(np.ones(k) * float(rng.choice([0.3, 1.0, 3.0])), n)
        if style in ("signal", "rounded"):
            score[np.arange(n), y] += rng.random(n)
            score /= score.sum(axis=1, keepdims=True)
        if style == "rounded":
            score = np.round(score, 1)
    return y, score.astype(np.float32), _threshold(rng)


def one_hot_case(rng):
    k = int(rng.choice([2, 2, 2, 3, 4, 6]))
    n = int(rng.integers(k + 2, 250))
    y = rng.integers(0, k, n)
    score = rng.dirichlet(np.ones(k) * float(rng.choice([0.5, 1.0, 2.0])), n)
    score[np.arange(n), y] += rng.random(n) * float(rng.choice([0.0, 1.0]))
    score /= score.sum(axis=1, keepdims=True)
    onehot = np.eye(k, dtype=np.int64)[y]
    return onehot, score.astype(np.float32), _threshold(rng)


def multilabel_case(rng):
    labels = int(rng.integers(2, 11))
    n = int(rng.integers(3, 250))
    prevalence = rng.random(labels) * 0.6 + 0.05
    y = (rng.random((n, labels)) < prevalence).astype(np.int64)
    if rng.random() < 0.15:  # a label never present
        y[:, int(rng.integers(labels))] = 0
    style = _style(rng)
    if style == "logits":
        score = rng.normal(size=(n, labels)) * 2 + (y - 0.5) * 2
    else:
        score = rng.random((n, labels))
        if style in ("signal", "rounded"):
            score = np.clip(0.6 * score + 0.4 * y * rng.random((n, labels)), 0, 1)
        if style == "rounded":
            score = np.round(score, 1)
    # Keep clear of "one-hot with probability rows", which compare reads as
    # multi-class: give one row two labels.
    if (y.sum(axis=1) == 1).all():
        y[0, :2] = 1
    return y, score.astype(np.float32), _threshold(rng)


GENERATORS = {
    "binary": binary_case,
    "multiclass": multiclass_case,
    "one-hot": one_hot_case,
    "multilabel": multilabel_case,
}


def cases(kind: str, n_cases: int, seed: int = 0):
    rng = np.random.default_rng([seed, KINDS.index(kind)])
    for _ in range(n_cases):
        yield GENERATORS[kind](rng)
