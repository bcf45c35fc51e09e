"""One epoch loop for the course's scikit-learn MLPs (baseline and outfits).

Private to the data-and-models layer; re-exported by :mod:`evalviz.models`.
"""

from __future__ import annotations

import time

__all__ = ["train_mlp_epochs"]


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

    Parameters
    ----------
    x_train : ndarray of shape (n_samples, n_features)
        Training inputs.
    y_train : ndarray of shape (n_samples,) or (n_samples, n_labels)
        Class labels, or a 0/1 indicator for one sigmoid output per label.
    classes : array-like
        All class values (``partial_fit`` needs them on the first call).
    params : dict
        ``hidden_layer_sizes``, ``alpha``, ``batch_size``, ``learning_rate``,
        ``seed`` and ``epochs``.
    activation : str, default="relu"
        The hidden layers' activation.
    progress : bool, default=True
        Show a progress bar with the epoch and the training loss, plus
        whatever ``after_epoch`` returns.
    after_epoch : callable, optional
        ``after_epoch(model)`` returns a dict of numbers, collected per epoch.

    Returns
    -------
    model : sklearn.neural_network.MLPClassifier
        The trained model.
    losses : list of float
        The training loss after each epoch.
    extra : dict of str to list of float
        Each of ``after_epoch``'s numbers, per epoch.
    seconds : float
        The training time.

    Raises
    ------
    KeyboardInterrupt
        Also when scikit-learn caught the interrupt inside ``partial_fit``
        (the epoch did not complete), so that nothing partial is used or
        cached.

    Examples
    --------
    A tiny problem, two epochs (well under a second):

    >>> import numpy as np
    >>> from evalviz.models import train_mlp_epochs
    >>> rng = np.random.default_rng(0)
    >>> x, y = rng.random((40, 3)), np.arange(40) % 2
    >>> params = {"hidden_layer_sizes": [4], "alpha": 1e-4, "batch_size": 10,
    ...           "learning_rate": 1e-2, "seed": 0, "epochs": 2}
    >>> model, losses, extra, seconds = train_mlp_epochs(
    ...     x, y, classes=[0, 1], params=params, progress=False)
    >>> len(losses), model.predict_proba(x).shape
    (2, (40, 2))
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
            done = getattr(model, "t_", 0)
            model.partial_fit(x_train, y_train, classes=classes)
            if getattr(model, "t_", 0) <= done:
                # scikit-learn catches Ctrl-C inside the epoch and just stops;
                # going on would train (and cache) a different model.
                raise KeyboardInterrupt("training interrupted during an epoch")
            losses.append(model.loss_)
            shown = {"loss": f"{losses[-1]:.4f}"}
            for name, value in (after_epoch(model) if after_epoch else {}).items():
                extra.setdefault(name, []).append(value)
                shown[name] = f"{value:.4f}"
            bar.set_postfix(**shown)
    return model, losses, extra, time.perf_counter() - start
