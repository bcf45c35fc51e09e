"""The course's baseline models, with their predictions cached on disk.

Notebooks need predictions, not models: every function here returns predicted
probabilities and caches them as an ``.npz`` file keyed by a hash of the data,
the model and its parameters. The first call trains (a minute or two on a
laptop, with a progress bar); later calls load the file in milliseconds. Change
a parameter and the key changes, so the model is retrained.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np

from .datasets import _FASHION_FILES, REPO_DATA_DIR, load_fashion_mnist, user_cache_dir

__all__ = [
    "VALIDATION_SIZE",
    "CachedPredictions",
    "OutfitPredictions",  # noqa: F822 (lazy, see __getattr__ below)
    "PairPredictions",  # noqa: F822
    "Predictions",
    "baseline_predictions",
    "cache_dir",
    "cached_arrays",
    "cache_key",
    "fashion_fingerprint",
    "outfits_predictions",  # noqa: F822
    "pair_predictions",  # noqa: F822
    "train_mlp_epochs",
    "validation_indices",
]

VALIDATION_SIZE = 6000
_CACHE_FORMAT = 1


def cache_dir() -> Path:
    """Where predictions are cached.

    ``$EVALVIZ_CACHE`` if set; else ``data/cache`` in a repository checkout;
    else ``~/.cache/evalviz/predictions``.
    """
    env = os.environ.get("EVALVIZ_CACHE")
    if env:
        return Path(env)
    if REPO_DATA_DIR.is_dir() and os.access(REPO_DATA_DIR, os.W_OK):
        return REPO_DATA_DIR / "cache"
    return user_cache_dir() / "predictions"


def validation_indices(*, seed: int = 0, n_train: int = 60000) -> np.ndarray:
    """Indices of the fixed validation rows inside the 60,000-image train split.

    Stratified: 600 images of each class, chosen with ``seed``. Sorted.
    """
    _, labels = load_fashion_mnist("train")
    if labels.shape[0] != n_train:
        raise ValueError(f"expected {n_train} training labels, got {labels.shape[0]}")
    rng = np.random.default_rng(seed)
    per_class = VALIDATION_SIZE // 10
    picked = [
        rng.choice(np.flatnonzero(labels == c), size=per_class, replace=False)
        for c in range(10)
    ]
    return np.sort(np.concatenate(picked))


def cache_key(name: str, params: dict, data_fingerprint: str) -> str:
    """A short hash of everything that determines a model's predictions."""
    from importlib.metadata import version

    payload = json.dumps(
        {
            "name": name,
            "params": params,
            "data": data_fingerprint,
            # Read from metadata: importing scikit-learn would cost a second or two.
            "sklearn": version("scikit-learn"),
            "format": _CACHE_FORMAT,
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def cached_arrays(
    name: str,
    params: dict,
    data_fingerprint: str,
    compute: Callable[[], dict[str, np.ndarray]],
    *,
    directory=None,
    enabled: bool = True,
) -> tuple[dict[str, np.ndarray], Path | None, bool]:
    """Load arrays from the cache, or compute and store them atomically.

    Returns ``(arrays, path, from_cache)``. The file is written to a temporary
    name and renamed once complete, so an interrupted run leaves no half file.
    Only ``.npz`` (no pickles) is read or written. ``enabled=False`` computes
    without reading or writing the cache and returns ``(arrays, None, False)``.
    """
    if not enabled:
        return compute(), None, False
    folder = Path(directory) if directory is not None else cache_dir()
    path = folder / f"{name}-{cache_key(name, params, data_fingerprint)}.npz"
    if path.is_file():
        try:
            with np.load(path, allow_pickle=False) as npz:
                return {k: npz[k] for k in npz.files}, path, True
        except (OSError, ValueError):
            path.unlink(missing_ok=True)  # damaged: recompute below
    arrays = compute()
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.stem + ".", suffix=".npz.part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez_compressed(fh, **arrays)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return arrays, path, False


@dataclass(kw_only=True)
class CachedPredictions:
    """What every cached course model returns: validation and test predictions.

    Attributes
    ----------
    y_val, proba_val : the validation labels and predicted probabilities.
    y_test, proba_test : the test labels and predicted probabilities.
    train_seconds : how long training took (for a cache hit, the original run's).
    params : the parameters that define the model (and the cache key).
    path : the cache file, or None when the cache was off.
    from_cache : whether the predictions were loaded rather than trained.
    """

    y_val: np.ndarray
    proba_val: np.ndarray
    y_test: np.ndarray
    proba_test: np.ndarray
    train_seconds: float
    params: dict = field(default_factory=dict)
    path: Path | None = None
    from_cache: bool = False

    @classmethod
    def load_or_train(cls, name: str, params: dict, train, *, cache=True, **extra):
        """Cached arrays (or ``train()``'s) as an instance of this class.

        Fields not given in ``extra`` are read from the arrays by name.
        """
        arrays, path, from_cache = cached_arrays(
            name, params, fashion_fingerprint(), train, enabled=cache
        )
        own = {"train_seconds", "params", "path", "from_cache", *extra}
        values = {f.name: arrays[f.name] for f in fields(cls) if f.name not in own}
        return cls(
            **values,
            **extra,
            train_seconds=float(arrays["train_seconds"]),
            params=params,
            path=path,
            from_cache=from_cache,
        )


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
    """

    val_indices: np.ndarray
    loss_curve: np.ndarray
    val_accuracy_curve: np.ndarray

    @property
    def test_accuracy(self) -> float:
        return float(np.mean(self.proba_test.argmax(axis=1) == self.y_test))

    @property
    def val_accuracy(self) -> float:
        return float(np.mean(self.proba_val.argmax(axis=1) == self.y_val))

    def __repr__(self) -> str:
        return (
            f"Predictions(validation={self.y_val.shape[0]}, test={self.y_test.shape[0]}, "
            f"test_accuracy={self.test_accuracy:.4f}, epochs={len(self.loss_curve)})"
        )


def fashion_fingerprint() -> str:
    """A short hash of the four Fashion-MNIST checksums, for cache keys."""
    return hashlib.sha256(
        "".join(f.sha256 for f in _FASHION_FILES.values()).encode()
    ).hexdigest()[:16]


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
    units, like the seed lab's Keras network) and a softmax output, trained with
    Adam on the train split minus a fixed, stratified validation split of
    ``VALIDATION_SIZE`` images.

    Parameters
    ----------
    scale : bool, default True
        Divide pixels by 255 so inputs lie in [0, 1]. ``scale=False`` keeps the
        raw 0-255 values: the pitfall the course shows in notebook 02.
    hidden_layer_sizes, epochs, batch_size, learning_rate, alpha, seed
        The model's parameters; each is part of the cache key.
    cache : bool, default True
        Load predictions from, and store them in, the cache (see ``cache_dir``).
    progress : bool, default True
        Show a progress bar with the epoch, training loss and validation accuracy.

    Returns
    -------
    Predictions

    Notes
    -----
    Training runs one ``partial_fit`` pass over the shuffled training rows per
    epoch, with a fixed ``random_state``, so the same parameters on the same
    machine give the same predictions.
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

    def train() -> dict[str, np.ndarray]:
        # The split is only needed to train: a cache hit reads nothing but the .npz.
        return _train_mlp(params, validation_indices(), progress=progress)

    return Predictions.load_or_train("fashion-mlp", params, train, cache=cache)


def _pixels(images: np.ndarray, scale: bool) -> np.ndarray:
    flat = images.reshape(images.shape[0], -1).astype(np.float32)
    return flat / np.float32(255.0) if scale else flat


def train_mlp_epochs(
    x_train,
    y_train,
    *,
    classes,
    params,
    activation="relu",
    progress=True,
    after_epoch=None,
):
    """Train an Adam ``MLPClassifier``, one ``partial_fit`` pass per epoch.

    ``params`` holds ``hidden_layer_sizes``, ``alpha``, ``batch_size``,
    ``learning_rate``, ``seed`` and ``epochs``. A progress bar shows the epoch
    and the training loss, plus whatever ``after_epoch(model)`` returns (a dict
    of numbers, also collected per epoch). Returns ``(model, losses, extra,
    seconds)`` with ``extra`` mapping each name to its per-epoch list.
    """
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from tqdm.auto import tqdm

    model = MLPClassifier(
        hidden_layer_sizes=tuple(params["hidden_layer_sizes"]),
        activation=activation,
        solver="adam",
        alpha=params["alpha"],
        batch_size=params["batch_size"],
        learning_rate_init=params["learning_rate"],
        random_state=params["seed"],
        shuffle=True,
    )
    losses: list[float] = []
    extra: dict[str, list[float]] = {}
    start = time.perf_counter()
    bar = tqdm(
        range(params["epochs"]), desc="training", unit="epoch", disable=not progress
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for _ in bar:
            model.partial_fit(x_train, y_train, classes=classes)
            losses.append(model.loss_)
            shown = {"loss": f"{losses[-1]:.4f}"}
            for name, value in (after_epoch(model) if after_epoch else {}).items():
                extra.setdefault(name, []).append(value)
                shown[name] = f"{value:.4f}"
            bar.set_postfix(**shown)
    return model, losses, extra, time.perf_counter() - start


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


# The multi-label outfits model and notebook 05's two-class model live in their own
# modules (they build on the helpers above); they are re-exported here lazily to
# avoid an import cycle.
_ELSEWHERE = {
    "OutfitPredictions": "_multilabel_model",
    "outfits_predictions": "_multilabel_model",
    "PairPredictions": "_pair_model",
    "pair_predictions": "_pair_model",
}


def __getattr__(name: str):
    if name in _ELSEWHERE:
        import importlib

        module = importlib.import_module(f"{__package__}.{_ELSEWHERE[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
