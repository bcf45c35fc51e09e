"""The widgets' view of their input: one class against the rest.

Inputs are read by the one input model (:func:`evalviz._validation.read_inputs`);
this only names the two sides of each one-vs-rest problem for titles and
legends.
"""

from __future__ import annotations

import numpy as np

from .._validation import class_index, read_inputs


def _one_score_column(y_true, y_score) -> bool:
    """Whether ``y_score`` holds one score per sample (a binary problem).

    ``pos_label`` means the positive class of a binary problem to the input
    model, and the class shown first to a multi-class explorer.
    """
    shape = tuple(getattr(y_score, "shape", None) or np.shape(y_score))
    if len(shape) < 2 or shape[1] == 1:
        return True
    true_shape = tuple(getattr(y_true, "shape", None) or np.shape(y_true))
    return shape[1] == 2 and len(true_shape) == 1


class _OneVsRest:
    """Targets as one 0/1 column per class, with the names of both sides.

    Parameters
    ----------
    inputs : evalviz._validation.Inputs
        What :func:`read_inputs` returned.
    """

    def __init__(self, inputs):
        self.inputs = inputs
        self.kind = inputs.kind
        self.n = inputs.n_samples
        names = [str(n) for n in inputs.names]
        if self.kind == "binary":
            self.names = [names[1]]
            self.negative_names = [names[0]]
            self._truth = inputs.y[:, None]
            self._score = inputs.score[:, None]
            return
        self.names = names
        if self.kind == "multilabel":  # the negatives lack the label: no "rest"
            self.negative_names = [f"no {name}" for name in names]
        else:
            self.negative_names = ["rest"] * len(names)
        self._truth = inputs.one_vs_rest()
        self._score = inputs.score

    @property
    def n_classes(self) -> int:
        return len(self.names)

    @property
    def score(self) -> np.ndarray:
        """Every score column, shape (n, n_classes)."""
        return self._score

    def index(self, pos_label) -> int:
        """Column of the class selected by ``pos_label`` (value, name or index)."""
        if pos_label is None or self.kind == "binary":
            return 0
        return class_index(self.inputs, pos_label)

    def column(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(truth 0/1, score) of class ``k`` against the rest."""
        return self._truth[:, k], self._score[:, k]

    def side_names(self, k: int) -> list[str]:
        """[negative name, positive name] for class ``k``."""
        return [self.negative_names[k], self.names[k]]

    def negatives_phrase(self, k: int) -> str:
        """Who the negatives of class ``k`` are, for a legend."""
        if self.kind == "binary":
            return self.negative_names[0]
        if self.kind == "multilabel":
            return f"no {self.names[k]} label"
        return "other classes"

    def title(self, k: int) -> str:
        if self.kind == "binary":
            return f"{self.names[0]!r} vs {self.negative_names[0]!r}"
        if self.kind == "multilabel":
            return f"label {self.names[k]!r}: present vs absent"
        return f"{self.names[k]!r} vs rest"


def read_one_vs_rest(y_true, y_score, *, labels, display_labels, pos_label):
    """Read the widgets' input and pick the class shown first.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Binary or multi-class labels, or a 0/1 multi-label indicator matrix.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Scores; multi-class rows must be probabilities.
    labels : array-like or None
        The class values and their order (scikit-learn's meaning).
    display_labels : sequence of str or None
        The names shown.
    pos_label : object or None
        The positive class of binary input, else the class shown first.

    Returns
    -------
    view : _OneVsRest
        The targets as one 0/1 column per class, with names.
    k : int
        The column of the class ``pos_label`` selects.

    Notes
    -----
    Multi-class rows must be probabilities: a threshold on one column of
    logits depends on a row offset the model does not define (the input
    model's teaching error says so).
    """
    binary = _one_score_column(y_true, y_score)
    inputs = read_inputs(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label if binary else None,
        require_probabilities=True,
    )
    view = _OneVsRest(inputs)
    return view, view.index(pos_label)
