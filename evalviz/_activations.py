"""The forward pass of a freshly initialised dense network (data and models layer).

:func:`evalviz.explore.initial_activations` is the entry point that learners
call; this module holds the model computation behind it: Keras' default
initialisation (Glorot uniform weights, zero biases) and one forward pass
through ``flattened image -> hidden ReLU layers -> softmax``, numpy only.
"""

from __future__ import annotations

import numpy as np

__all__ = ["glorot_uniform_weights", "forward_summary", "initial_activation_rows"]


def glorot_uniform_weights(sizes, rng) -> list[np.ndarray]:
    """Glorot-uniform weight matrices for consecutive layer sizes.

    Parameters
    ----------
    sizes : sequence of int
        Layer widths, input first: ``[n_features, *hidden, n_classes]``.
    rng : numpy.random.Generator
        Source of the draws (consumed in layer order).

    Returns
    -------
    list of numpy.ndarray
        One ``(fan_in, fan_out)`` matrix per layer, drawn from
        ``U(-limit, limit)`` with ``limit = sqrt(6 / (fan_in + fan_out))``.
    """
    weights = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        weights.append(rng.uniform(-limit, limit, size=(fan_in, fan_out)))
    return weights


def forward_summary(x, weights, truth=None) -> dict:
    """Sizes of the numbers in one forward pass (zero biases, ReLU, softmax).

    Parameters
    ----------
    x : numpy.ndarray of shape (n_samples, n_features)
        Inputs.
    weights : list of numpy.ndarray
        As :func:`glorot_uniform_weights` returns.
    truth : numpy.ndarray of int, shape (n_samples,), optional
        Class indices; adds the mean cross-entropy.

    Returns
    -------
    dict
        ``mean input length`` (Euclidean norm of a row), ``std of first-layer
        pre-activations``, ``std of output logits``, ``mean largest softmax
        probability`` and, with ``truth``, ``initial loss``.
    """
    first = x @ weights[0]
    logits = first
    for w in weights[1:]:
        logits = np.maximum(logits, 0.0) @ w
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_proba = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    row = {
        "mean input length": float(np.linalg.norm(x, axis=1).mean()),
        "std of first-layer pre-activations": float(first.std()),
        "std of output logits": float(logits.std()),
        "mean largest softmax probability": float(np.exp(log_proba.max(axis=1)).mean()),
    }
    if truth is not None:
        row["initial loss"] = float(-log_proba[np.arange(len(truth)), truth].mean())
    return row


def initial_activation_rows(
    flat, truth, *, scales, hidden, n_classes, n_samples, seed
) -> dict:
    """One :func:`forward_summary` per input scale, same weights and samples.

    Parameters
    ----------
    flat : numpy.ndarray of shape (n, n_features)
        Flattened images, float64.
    truth : numpy.ndarray of int, shape (n,), or None
        Class indices.
    scales : mapping {name: factor}
        Input scalings.
    hidden : sequence of int
        Hidden layer widths.
    n_classes : int
        Output width.
    n_samples : int
        Rows drawn at random without replacement (sorted).
    seed : int
        Seed of the draws: samples first, then the weights.

    Returns
    -------
    dict
        ``{scale name: forward_summary row}``.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.models import initial_activation_rows
    >>> x = np.random.default_rng(0).random((20, 8))
    >>> rows = initial_activation_rows(x, np.arange(20) % 3, scales={"0-1": 1, "0-255": 255},
    ...                                hidden=[4], n_classes=3, n_samples=10, seed=0)
    >>> list(rows), rows["0-255"]["std of output logits"] > rows["0-1"]["std of output logits"]
    (['0-1', '0-255'], True)
    """
    rng = np.random.default_rng(seed)
    take = rng.choice(
        flat.shape[0], size=min(int(n_samples), flat.shape[0]), replace=False
    )
    take.sort()
    sizes = [flat.shape[1], *[int(h) for h in hidden], int(n_classes)]
    weights = glorot_uniform_weights(sizes, rng)
    sub_truth = None if truth is None else truth[take]
    return {
        str(name): forward_summary(flat[take] * float(factor), weights, sub_truth)
        for name, factor in scales.items()
    }
