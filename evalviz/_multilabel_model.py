"""The multi-label baseline: an MLP on the outfits, with cached predictions.

Re-exported from :mod:`evalviz.models` as ``outfits_predictions``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._cache import CachedPredictions
from ._fashion import FASHION_MNIST_CLASSES
from ._mlp import train_mlp_epochs
from ._outfits import _DEFAULT_BLANK_PROB, default_outfit_count, make_outfits

__all__ = ["OutfitPredictions", "outfits_predictions"]

#: The hidden layers' activation (scikit-learn's name, and the one people say).
_ACTIVATION = "relu"
_ACTIVATION_NAME = "ReLU"


@dataclass(kw_only=True)
class OutfitPredictions(CachedPredictions):
    """Predicted label probabilities of the outfit model.

    Attributes
    ----------
    y_val, proba_val : the validation outfits' 0/1 labels (n, 10) and predicted
        probabilities (one independent sigmoid per label).
    y_test, proba_test : the same for the test outfits.
    loss_curve : training loss after each epoch (summed over the ten labels).
    train_seconds : how long training took (0 if loaded from the cache it is
        the time of the original run).
    params : the parameters that define the model (and the cache key).

    Examples
    --------
    >>> from evalviz.models import outfits_predictions
    >>> outfits_predictions(progress=False).proba_test.shape  # doctest: +SKIP
    (2500, 10)
    """

    loss_curve: np.ndarray

    @property
    def class_names(self) -> tuple[str, ...]:
        """The label names, column order.

        Returns
        -------
        tuple of str
            The ten Fashion-MNIST class names.
        """
        return FASHION_MNIST_CLASSES

    def describe(self):
        """The data and the model in words and numbers, one line each.

        Returns
        -------
        pandas.Series
            Outfits per split, how an outfit is made, the network's inputs,
            hidden layer (size and activation), outputs and loss, and the
            training settings, all read from the code and ``params`` that
            produced these predictions.
        """
        import pandas as pd

        p = self.params
        side = 56 // p["pool"]
        hidden = ", ".join(str(h) for h in p["hidden_layer_sizes"])
        n_labels = self.y_test.shape[1]
        return pd.Series(
            {
                "training outfits": default_outfit_count("train"),
                "validation outfits": self.y_val.shape[0],
                "test outfits": self.y_test.shape[0],
                "outfit": f"2 x 2 tiles, each blank with prob. {_DEFAULT_BLANK_PROB:g}",
                "inputs": f"{side} x {side} = {side * side} pixels "
                f"(56 x 56 pooled {p['pool']} x {p['pool']})",
                "hidden layer": f"{hidden} units, {_ACTIVATION_NAME} activation",
                "outputs": f"{n_labels} sigmoid units, one per label",
                "loss": f"binary cross-entropy, summed over {n_labels} labels",
                "optimiser": f"Adam, {p['epochs']} epochs, batch {p['batch_size']}",
                "learning rate": p["learning_rate"],
                "L2 penalty (alpha)": p["alpha"],
                "seeds (model, outfits)": f"{p['seed']}, {p['outfit_seed']}",
            },
            name="outfit model",
        )

    def __repr__(self) -> str:
        return (
            f"OutfitPredictions(validation={self.y_val.shape[0]}, "
            f"test={self.y_test.shape[0]}, labels={self.y_test.shape[1]}, "
            f"epochs={len(self.loss_curve)})"
        )


def _features(images: np.ndarray, pool: int) -> np.ndarray:
    """Mean-pool ``pool x pool`` pixel blocks, flatten, scale to [0, 1]."""
    n, side, _ = images.shape
    small = side // pool
    pooled = (
        images[:, : small * pool, : small * pool]
        .reshape(n, small, pool, small, pool)
        .astype(np.float32)
        .mean(axis=(2, 4))
    )
    return pooled.reshape(n, -1) / np.float32(255.0)


def outfits_predictions(
    *,
    hidden_layer_sizes: tuple[int, ...] = (256,),
    epochs: int = 25,
    pool: int = 2,
    batch_size: int = 128,
    learning_rate: float = 1e-3,
    alpha: float = 1e-4,
    seed: int = 0,
    outfit_seed: int = 0,
    cache: bool = True,
    progress: bool = True,
) -> OutfitPredictions:
    """Train (or load) the multi-label baseline on the outfits.

    A scikit-learn ``MLPClassifier`` with one hidden ReLU layer. Given a 0/1
    indicator matrix as target it has one logistic (sigmoid) output per label
    and minimises the summed binary cross-entropy: the same set-up as a Keras
    model with ``Dense(10, activation="sigmoid")`` and ``binary_crossentropy``.
    It is trained on ``make_outfits("train", seed=outfit_seed)`` (13,500
    outfits) and predicts the validation (1,500) and test (2,500) outfits.

    Parameters
    ----------
    hidden_layer_sizes : tuple of int, default=(256,)
        Units of the hidden layer. Like every parameter here, part of the
        cache key.
    epochs : int, default=25
        Passes over the training outfits.
    pool : int, default=2
        Inputs are the 56 x 56 outfits mean-pooled over ``pool x pool`` pixel
        blocks (28 x 28 = 784 inputs by default), which keeps training to a
        minute or two on two CPU cores.
    batch_size : int, default=128
        Outfits per Adam step.
    learning_rate : float, default=1e-3
        Adam's initial learning rate.
    alpha : float, default=1e-4
        L2 penalty.
    seed : int, default=0
        ``random_state`` of the model (weights and shuffling).
    outfit_seed : int, default=0
        The ``seed`` passed to :func:`evalviz.datasets.make_outfits`.
    cache : bool, default=True
        Load predictions from, and store them in, the cache
        (:func:`evalviz.models.cache_dir`).
    progress : bool, default=True
        Show a progress bar with the epoch and training loss.

    Returns
    -------
    OutfitPredictions
        Validation and test indicator labels and per-label probabilities.

    Raises
    ------
    ValueError
        If ``pool`` does not divide 56.

    Notes
    -----
    One ``partial_fit`` pass over the shuffled training outfits per epoch, with
    a fixed ``random_state``: the same parameters on the same machine give the
    same predictions.

    Examples
    --------
    >>> from evalviz.models import outfits_predictions
    >>> model = outfits_predictions(progress=False)  # doctest: +SKIP
    >>> model.proba_test.shape  # doctest: +SKIP
    (2500, 10)
    """

    params = {
        "hidden_layer_sizes": [int(h) for h in hidden_layer_sizes],
        "epochs": int(epochs),
        "pool": int(pool),
        "batch_size": int(batch_size),
        "learning_rate": float(learning_rate),
        "alpha": float(alpha),
        "seed": int(seed),
        "outfit_seed": int(outfit_seed),
    }
    if params["pool"] < 1 or 56 % params["pool"]:
        raise ValueError(
            f"pool must divide 56 (1, 2, 4, 7, 8, 14, 28, 56), got {pool!r}"
        )

    def _train_now() -> dict[str, np.ndarray]:
        return _train(params, progress=progress)

    return OutfitPredictions.load_or_train(
        "outfits-mlp", params, _train_now, cache=cache
    )


def _train(params: dict, *, progress: bool) -> dict[str, np.ndarray]:
    seed = params["outfit_seed"]
    x_train, y_train = make_outfits("train", seed=seed)
    x_val, y_val = make_outfits("validation", seed=seed)
    x_test, y_test = make_outfits("test", seed=seed)
    pool = params["pool"]
    f_train, f_val, f_test = (_features(x, pool) for x in (x_train, x_val, x_test))

    model, losses, _, seconds = train_mlp_epochs(
        f_train,
        y_train,
        classes=np.arange(y_train.shape[1]),
        params=params,
        activation=_ACTIVATION,
        progress=progress,
    )
    return {
        "y_val": y_val,
        "proba_val": model.predict_proba(f_val).astype(np.float32),
        "y_test": y_test,
        "proba_test": model.predict_proba(f_test).astype(np.float32),
        "loss_curve": np.asarray(losses),
        "train_seconds": np.asarray(seconds),
    }
