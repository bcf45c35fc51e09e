"""The course's models, with their predictions cached on disk.

Notebooks need predictions, not models: every function here returns predicted
probabilities and caches them as an ``.npz`` file keyed by a hash of the data,
the model and its parameters. The first call trains (a minute or two on a
laptop, with a progress bar); later calls load the file in milliseconds. Change
a parameter and the key changes, so the model is retrained. The course's own
predictions ship with the package; processes that need the same missing file
train it once (a lock file in the cache folder; the others wait and load it).

The baseline lives here; the two-class model of notebook 05 (``_pair_model``)
and the multi-label outfits model (``_multilabel_model``) in their own modules,
imported at the top. The cache (``_cache``), the epoch loop (``_mlp``) and the
fixed validation rows (``_fashion``) are shared by all three.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._activations import initial_activation_rows
from ._cache import (
    CachedPredictions,
    cache_dir,
    cache_key,
    cached_arrays,
    shipped_predictions,
)
from ._fashion import (
    VALIDATION_SIZE,
    fashion_fingerprint,
    load_fashion_mnist,
    validation_indices,
)
from ._mlp import train_mlp_epochs
from ._multilabel_model import OutfitPredictions, outfits_predictions
from ._pair_model import PairPredictions, pair_predictions

__all__ = [
    "initial_activation_rows",
    "VALIDATION_SIZE",
    "CachedPredictions",
    "OutfitPredictions",
    "PairPredictions",
    "Predictions",
    "baseline_predictions",
    "cache_dir",
    "cache_key",
    "cached_arrays",
    "fashion_fingerprint",
    "outfits_predictions",
    "pair_predictions",
    "shipped_predictions",
    "train_mlp_epochs",
    "validation_indices",
]


@dataclass(kw_only=True)
class Predictions(CachedPredictions):
    """Predicted probabilities of the baseline model on validation and test data.

    Attributes
    ----------
    y_val, proba_val : the validation labels and predicted probabilities
        (rows of the train split listed in ``val_indices``).
    y_test, proba_test : the official test split's labels and probabilities.
    val_indices : the validation rows' indices in the 60,000-image train split.
    loss_curve : training loss after each epoch.
    val_accuracy_curve : validation accuracy after each epoch.
    params : the parameters that define the model (and the cache key).

    Examples
    --------
    >>> from evalviz.models import baseline_predictions
    >>> baseline_predictions(progress=False)  # doctest: +SKIP
    Predictions(validation=6000, test=10000, test_accuracy=0.8960, epochs=15)
    """

    val_indices: np.ndarray
    loss_curve: np.ndarray
    val_accuracy_curve: np.ndarray

    @property
    def test_accuracy(self) -> float:
        """Argmax accuracy on the test split (ties: the lowest class index).

        Returns
        -------
        float
            The share of test images whose highest probability is their class.
        """
        return float(np.mean(self.proba_test.argmax(axis=1) == self.y_test))

    @property
    def val_accuracy(self) -> float:
        """Argmax accuracy on the validation rows (ties: the lowest class index).

        Returns
        -------
        float
            The share of validation images whose highest probability is their class.
        """
        return float(np.mean(self.proba_val.argmax(axis=1) == self.y_val))

    def __repr__(self) -> str:
        return (
            f"Predictions(validation={self.y_val.shape[0]}, test={self.y_test.shape[0]}, "
            f"test_accuracy={self.test_accuracy:.4f}, epochs={len(self.loss_curve)})"
        )


def baseline_predictions(
    *,
    scale: bool = True,
    hidden_layer_sizes: tuple[int, ...] = (512, 256),
    epochs: int = 15,
    batch_size: int = 128,
    learning_rate: float = 1e-3,
    alpha: float = 1e-4,
    seed: int = 0,
    cache: bool = True,
    progress: bool = True,
) -> Predictions:
    """Train (or load) the course's dense baseline on Fashion-MNIST.

    A scikit-learn ``MLPClassifier`` with two hidden ReLU layers (512 and 256
    units, like the Keras network of the published lab that notebooks 01-03
    follow) and a softmax output, trained with Adam on the train split minus a fixed, stratified validation split of
    ``VALIDATION_SIZE`` images.

    Parameters
    ----------
    scale : bool, default=True
        Divide pixels by 255 so inputs lie in [0, 1]. ``scale=False`` keeps the
        raw 0-255 values: the pitfall the course shows in notebook 02.
    hidden_layer_sizes : tuple of int, default=(512, 256)
        Units of the hidden layers. Like every parameter here, part of the
        cache key.
    epochs : int, default=15
        Passes over the training rows.
    batch_size : int, default=128
        Images per Adam step.
    learning_rate : float, default=1e-3
        Adam's initial learning rate.
    alpha : float, default=1e-4
        L2 penalty.
    seed : int, default=0
        ``random_state`` of the model (weights and shuffling).
    cache : bool, default=True
        Load predictions from, and store them in, the cache (see ``cache_dir``).
    progress : bool, default=True
        Show a progress bar with the epoch, training loss and validation accuracy.

    Returns
    -------
    Predictions
        Validation and test labels and probabilities, the curves, the
        parameters and where the cache file is.

    Notes
    -----
    Training runs one ``partial_fit`` pass over the shuffled training rows per
    epoch, with a fixed ``random_state``, so the same parameters on the same
    machine give the same predictions.

    Examples
    --------
    >>> from evalviz.models import baseline_predictions
    >>> pred = baseline_predictions(progress=False)  # doctest: +SKIP
    >>> pred.proba_test.shape  # doctest: +SKIP
    (10000, 10)
    """
    params = {
        "scale": bool(scale),
        "hidden_layer_sizes": [int(h) for h in hidden_layer_sizes],
        "epochs": int(epochs),
        "batch_size": int(batch_size),
        "learning_rate": float(learning_rate),
        "alpha": float(alpha),
        "seed": int(seed),
        "validation_size": VALIDATION_SIZE,
    }

    def _train_now() -> dict[str, np.ndarray]:
        # The split is only needed to train: a cache hit reads nothing but the .npz.
        return _train_mlp(params, validation_indices(), progress=progress)

    return Predictions.load_or_train("fashion-mlp", params, _train_now, cache=cache)


def _pixels(images: np.ndarray, scale: bool) -> np.ndarray:
    flat = images.reshape(images.shape[0], -1).astype(np.float32)
    return flat / np.float32(255.0) if scale else flat


def _train_mlp(params: dict, val_idx: np.ndarray, *, progress: bool) -> dict:
    images, labels = load_fashion_mnist("train")
    test_images, y_test = load_fashion_mnist("test")
    is_val = np.zeros(labels.shape[0], dtype=bool)
    is_val[val_idx] = True
    x_train = _pixels(images[~is_val], params["scale"])
    y_train = labels[~is_val]
    x_val = _pixels(images[is_val], params["scale"])
    y_val = labels[is_val]
    x_test = _pixels(test_images, params["scale"])

    model, losses, extra, seconds = train_mlp_epochs(
        x_train,
        y_train,
        classes=np.arange(10),
        params=params,
        progress=progress,
        after_epoch=lambda m: {"val_acc": float(np.mean(m.predict(x_val) == y_val))},
    )
    return {
        "y_val": y_val,
        "proba_val": model.predict_proba(x_val),
        "y_test": y_test,
        "proba_test": model.predict_proba(x_test),
        "val_indices": val_idx,
        "loss_curve": np.asarray(losses),
        "val_accuracy_curve": np.asarray(extra["val_acc"]),
        "train_seconds": np.asarray(seconds),
    }
