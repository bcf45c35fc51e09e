"""A binary baseline on two Fashion-MNIST classes, with two softmax-style outputs.

Re-exported from :mod:`evalviz.models` as ``pair_predictions``. Notebook 05 uses
it to reproduce the "accuracy = precision = recall" pitfall on real data.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ._cache import CachedPredictions
from ._fashion import FASHION_MNIST_CLASSES, load_fashion_mnist, validation_indices

__all__ = ["PairPredictions", "pair_predictions"]


@dataclass(kw_only=True)
class PairPredictions(CachedPredictions):
    """Two-column predicted probabilities of a two-class model.

    Attributes
    ----------
    classes : the two Fashion-MNIST class indices; column ``j`` of the
        probabilities and label ``j`` of ``y_*`` mean ``classes[j]``, so
        ``classes[1]`` is the positive class.
    y_val, proba_val : validation labels (0/1) and probabilities (n, 2), from
        the fixed validation rows of the train split.
    y_test, proba_test : the same on the official test split.
    params : the parameters that define the model (and the cache key).

    Examples
    --------
    >>> from evalviz.models import pair_predictions
    >>> pair_predictions()  # doctest: +SKIP
    PairPredictions('Shirt' (1) vs 'T-shirt/top' (0), validation=1200, test=2000)
    """

    classes: tuple[int, int]

    @property
    def class_names(self) -> tuple[str, str]:
        """The two class names, negative first.

        Returns
        -------
        tuple of str
            ``(negative, positive)``, for example ``("T-shirt/top", "Shirt")``.
        """
        return tuple(FASHION_MNIST_CLASSES[c] for c in self.classes)

    @property
    def y_test_onehot(self) -> np.ndarray:
        """The test labels one-hot encoded, as Keras users feed them.

        Returns
        -------
        ndarray of int64, shape (n_test, 2)
            Row i is ``[1, 0]`` for the negative class, ``[0, 1]`` for the positive.
        """
        return np.eye(2, dtype=np.int64)[self.y_test]

    def __repr__(self) -> str:
        neg, pos = self.class_names
        return (
            f"PairPredictions({pos!r} (1) vs {neg!r} (0), "
            f"validation={self.y_val.shape[0]}, test={self.y_test.shape[0]})"
        )


def pair_predictions(
    classes=(0, 6),
    *,
    C: float = 0.01,
    max_iter: int = 300,
    cache: bool = True,
) -> PairPredictions:
    """Train (or load) a logistic regression on two Fashion-MNIST classes.

    Parameters
    ----------
    classes : pair of int, default (0, 6)
        The negative and the positive class: by default T-shirt/top (0) and
        Shirt (6), the pair the course's confusion matrices mix up most.
    C : float, default=0.01
        ``LogisticRegression``'s inverse regularisation strength (part of the
        cache key).
    max_iter : int, default=300
        ``LogisticRegression``'s iteration limit (part of the cache key).
    cache : bool, default=True
        Load predictions from, and store them in, the cache.

    Returns
    -------
    PairPredictions
        Validation and test labels (0/1) and two-column probabilities.

    Raises
    ------
    ValueError
        When ``classes`` is not two different labels in 0..9.

    Notes
    -----
    ``predict_proba`` of a two-class logistic regression has two columns that
    sum to one: the same numbers a Keras model with ``Dense(2,
    activation="softmax")`` and one-hot labels produces, and column 1 is what a
    single ``Dense(1, activation="sigmoid")`` output would give. Pixels are
    scaled to [0, 1]; the validation rows are those of
    :func:`evalviz.models.validation_indices`, left out of training.

    Examples
    --------
    >>> from evalviz.models import pair_predictions
    >>> pair = pair_predictions()  # doctest: +SKIP
    >>> pair.proba_test.shape  # doctest: +SKIP
    (2000, 2)
    """
    neg, pos = (int(c) for c in classes)
    if neg == pos or not (0 <= neg < 10 and 0 <= pos < 10):
        raise ValueError(
            f"classes must be two different Fashion-MNIST labels in 0..9, got {classes!r}"
        )
    params = {"classes": [neg, pos], "C": float(C), "max_iter": int(max_iter)}
    val_idx = validation_indices()

    def _train_now() -> dict[str, np.ndarray]:
        return _train(params, val_idx)

    return PairPredictions.load_or_train(
        "pair-logreg", params, _train_now, cache=cache, classes=(neg, pos)
    )


def _pick(images, labels, neg, pos):
    keep = (labels == neg) | (labels == pos)
    x = images[keep].reshape(int(keep.sum()), -1).astype(np.float32) / np.float32(255)
    return x, (labels[keep] == pos).astype(np.int64)


def _train(params: dict, val_idx: np.ndarray) -> dict[str, np.ndarray]:
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    neg, pos = params["classes"]
    images, labels = load_fashion_mnist("train")
    test_images, test_labels = load_fashion_mnist("test")
    is_val = np.zeros(labels.shape[0], dtype=bool)
    is_val[val_idx] = True
    x_train, y_train = _pick(images[~is_val], labels[~is_val], neg, pos)
    x_val, y_val = _pick(images[is_val], labels[is_val], neg, pos)
    x_test, y_test = _pick(test_images, test_labels, neg, pos)
    model = LogisticRegression(C=params["C"], max_iter=params["max_iter"])
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x_train, y_train)
    seconds = time.perf_counter() - start
    return {
        "y_val": y_val,
        "proba_val": model.predict_proba(x_val),
        "y_test": y_test,
        "proba_test": model.predict_proba(x_test),
        "train_seconds": np.asarray(seconds),
    }
