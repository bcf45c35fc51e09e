"""The comparison table of :func:`evalviz.conventions.compare`, and the calls it reproduces.

Private to the metrics layer: :mod:`evalviz.conventions` imports it when
:func:`~evalviz.conventions.compare` or :func:`~evalviz.conventions.calls` runs,
so that ``import evalviz.conventions`` does not import pandas.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from ._conventions_rules import KINDS, LIBRARIES, METRIC_NAMES
from ._format import format_rate, plural

_SK_CUT = (
    "accuracy_score(y_true, y_score > t)",
    "precision_score(y_true, y_score > t)",
    "recall_score(y_true, y_score > t)",
    "f1_score(y_true, y_score > t)",
    "roc_auc_score(y_true, y_score)",
    "top_k_accuracy_score(y_true, y_score)",
)
_CALLS = {
    "binary": {
        "sklearn": _SK_CUT,
        "keras": (
            "'accuracy' -> BinaryAccuracy()",
            "Precision()",
            "Recall()",
            "F1Score()",
            "AUC()",
            "TopKCategoricalAccuracy()",
        ),
        "torchmetrics": (
            "Accuracy(task='binary')",
            "Precision(task='binary')",
            "Recall(task='binary')",
            "F1Score(task='binary')",
            "AUROC(task='binary')",
            "(none)",
        ),
    },
    "multiclass": {
        "sklearn": (
            "accuracy_score(y_true, y_score.argmax(1))",
            "precision_score(y_true, y_score.argmax(1))",
            "recall_score(y_true, y_score.argmax(1))",
            "f1_score(y_true, y_score.argmax(1))",
            "roc_auc_score(y_true, y_score)",
            "top_k_accuracy_score(y_true, y_score)",
        ),
        "keras": (
            "'accuracy' -> CategoricalAccuracy()",
            "Precision(), one-hot y_true",
            "Recall(), one-hot y_true",
            "F1Score(), one-hot y_true",
            "AUC(), one-hot y_true",
            "TopKCategoricalAccuracy()",
        ),
        "torchmetrics": (
            "Accuracy(task='multiclass', num_classes=k)",
            "Precision(task='multiclass', num_classes=k)",
            "Recall(task='multiclass', num_classes=k)",
            "F1Score(task='multiclass', num_classes=k)",
            "AUROC(task='multiclass', num_classes=k)",
            "Accuracy(task='multiclass', top_k=1)",
        ),
    },
    "multilabel": {
        "sklearn": _SK_CUT,
        "keras": (
            "'accuracy' -> CategoricalAccuracy()",
            "Precision()",
            "Recall()",
            "F1Score()",
            "AUC()",
            "TopKCategoricalAccuracy()",
        ),
        "torchmetrics": (
            "Accuracy(task='multilabel', num_labels=k)",
            "Precision(task='multilabel', num_labels=k)",
            "Recall(task='multilabel', num_labels=k)",
            "F1Score(task='multilabel', num_labels=k)",
            "AUROC(task='multilabel', num_labels=k)",
            "(none)",
        ),
    },
}
_CALLS["one-hot"] = {
    "sklearn": (
        "accuracy_score(labels, y_score.argmax(1))",
        "precision_score(labels, y_score.argmax(1))",
        "recall_score(labels, y_score.argmax(1))",
        "f1_score(labels, y_score.argmax(1))",
        "roc_auc_score(labels, y_score)",
        "top_k_accuracy_score(labels, y_score)",
    ),
    "keras": (
        "'accuracy' -> CategoricalAccuracy()",
        "Precision()",
        "Recall()",
        "F1Score()",
        "AUC()",
        "TopKCategoricalAccuracy()",
    ),
    "torchmetrics": _CALLS["multiclass"]["torchmetrics"],
}


def calls(kind: str) -> pd.DataFrame:
    """The library calls that :func:`evalviz.conventions.compare` reproduces.

    Parameters
    ----------
    kind : {"binary", "multiclass", "one-hot", "multilabel"}
        The input kind, as ``compare(...).kind`` reports it.

    Returns
    -------
    pandas.DataFrame
        One row per metric name, one column per library, each cell the call
        (with its defaults) whose result ``compare`` reports.

    Raises
    ------
    ValueError
        When ``kind`` is not one of the four kinds.

    Notes
    -----
    ``t`` is the threshold; ``labels`` stands for ``y_true.argmax(axis=1)``,
    what scikit-learn and torchmetrics are given for one-hot input (also the
    torchmetrics target there). For two-column input scikit-learn's
    ``roc_auc_score`` and ``top_k_accuracy_score`` refuse the (n, 2) scores
    (pass ``y_score[:, 1]``, the positive class's column). Every string fits
    in 50 characters, so pandas shows it whole.

    Examples
    --------
    >>> from evalviz.conventions import calls
    >>> calls("binary").loc["AUC", "keras"]
    'AUC()'
    """
    if kind not in _CALLS:
        raise ValueError(
            f"kind={kind!r} is not one of {list(KINDS)}; pick one of those"
        )
    frame = pd.DataFrame(
        {lib: list(_CALLS[kind][lib]) for lib in LIBRARIES},
        index=pd.Index(list(METRIC_NAMES), name="metric"),
    )
    return frame


#: Per-class arrays longer than this are listed under the table, not in it.
_INLINE_VALUES = 3


def _format_number(value) -> str:
    return format_rate(value, 4)


def _format_values(value: np.ndarray) -> str:
    return "[" + ", ".join(_format_number(v) for v in value.tolist()) + "]"


def _format_cell(value, per: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, np.ndarray):
        if value.size > _INLINE_VALUES:
            return f"per {per}: {value.size} values, below"
        return f"per {per}: {_format_values(value)}"
    return _format_number(value)


class ComparisonTable(pd.DataFrame):
    """The DataFrame that :func:`compare` returns.

    A plain :class:`pandas.DataFrame` (index: metric names; columns:
    ``sklearn``, ``keras``, ``torchmetrics``, ``why``) whose cells hold the
    numbers themselves: a float, a per-class array (Keras ``F1Score()``), or a
    string starting with ``"error:"`` (the library raises) or ``"n/a:"`` (it
    has no such metric). It also carries ``kind``, ``threshold``,
    ``description`` and ``notes``, and renders as a readable table in Jupyter;
    ``repr`` is a one-line summary, ``str`` (``print``) the whole table with
    the reasons.

    :func:`evalviz.conventions.compare` builds it (with the arguments of
    :class:`pandas.DataFrame`) and sets the attributes.

    Examples
    --------
    >>> from evalviz.conventions import compare
    >>> compare([0, 1, 1, 0], [0.2, 0.9, 0.4, 0.6])
    ComparisonTable(binary input, 4 samples, threshold 0.5; accuracy: sklearn 0.5000, keras 0.5000, torchmetrics 0.5000)
    """  # noqa: E501

    _metadata = ["kind", "threshold", "description", "notes"]

    @property
    def _constructor(self):
        return pd.DataFrame

    @property
    def calls(self) -> pd.DataFrame:
        """The exact library calls behind each cell (see :func:`calls`).

        Returns
        -------
        pandas.DataFrame
            One row per metric, one column per library.
        """
        return calls(self.kind)

    def formatted(self) -> pd.DataFrame:
        """The table with every value as display text.

        Returns
        -------
        pandas.DataFrame
            The same rows and columns, each number as text with 4 decimals
            (more where 4 would print a value as exactly 1 or 0).
        """
        per = "label" if self.kind == "multilabel" else "class"
        out = pd.DataFrame(index=self.index)
        for lib in LIBRARIES:
            out[lib] = [_format_cell(v, per) for v in self[lib]]
        out["why"] = list(self["why"])
        return out

    def long_values(self) -> dict:
        """Per-class arrays too long for a table cell, listed under the table.

        Returns
        -------
        dict
            ``{(metric, library): array}`` for every cell holding more than
            three values (for example Keras ``F1Score()`` on ten labels).
        """
        out = {}
        for lib in LIBRARIES:
            for name, value in self[lib].items():
                if isinstance(value, np.ndarray) and value.size > _INLINE_VALUES:
                    out[(name, lib)] = value
        return out

    def _long_lines(self) -> list[str]:
        per = "label" if self.kind == "multilabel" else "class"
        return [
            f"{lib} {name}, one value per {per}: {_format_values(value)}"
            for (name, lib), value in self.long_values().items()
        ]

    def to_frame(self) -> pd.DataFrame:
        """The table as a plain DataFrame (the display contract's accessor).

        Returns
        -------
        pandas.DataFrame
            Metric rows; ``sklearn``, ``keras``, ``torchmetrics`` and ``why``
            columns, unrounded.
        """
        return pd.DataFrame(self).copy()

    def _title(self) -> str:
        return (
            f"What each library reports by default: {self.description}, "
            f"threshold {self.threshold:g}"
        )

    def __repr__(self) -> str:
        accuracy = ", ".join(
            f"{lib} {_short(self.loc['accuracy', lib])}" for lib in LIBRARIES
        )
        return (
            f"ComparisonTable({self.description}, threshold {self.threshold:g}; "
            f"accuracy: {accuracy})"
        )

    def __str__(self) -> str:
        shown = self.formatted()
        body = shown[list(LIBRARIES)].to_string()
        lines = [self._title(), body, *self._long_lines(), "", "why:"]
        for name, text in shown["why"].items():
            lines.append(f"  {name}: {text}")
        for text in self.notes.values():
            lines.append(f"note: {text}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        shown = self.formatted()
        esc = html.escape
        head = "".join(
            f'<th style="text-align:left">{esc(c)}</th>'
            for c in ["metric", *LIBRARIES, "why"]
        )
        rows = []
        for name, row in shown.iterrows():
            tds = [f'<th style="text-align:left">{esc(str(name))}</th>']
            for lib in LIBRARIES:
                text = row[lib]
                style = "text-align:right; white-space:nowrap"
                if text.startswith(("error:", "n/a:")):
                    style = "text-align:left; color:#8a1c1c; max-width:16em"
                elif text.startswith("per "):
                    style = "text-align:left; max-width:16em"
                tds.append(f'<td style="{style}">{esc(text)}</td>')
            tds.append(
                f'<td style="text-align:left; max-width:34em">{esc(row["why"])}</td>'
            )
            rows.append("<tr>" + "".join(tds) + "</tr>")
        notes = "".join(
            f'<p style="margin:0.2em 0">{esc(t)}</p>' for t in self._long_lines()
        ) + "".join(
            f'<p style="margin:0.2em 0">note: {esc(t)}</p>' for t in self.notes.values()
        )
        return (
            '<div><table style="border-collapse:collapse">'
            f'<caption style="text-align:left; font-weight:bold">{esc(self._title())}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}"
            f"</tbody></table>{notes}</div>"
        )


def _short(value) -> str:
    """A cell in a few characters, for the one-line repr."""
    if isinstance(value, str):
        return value.split(":", 1)[0]
    if isinstance(value, np.ndarray):
        return f"{value.size} values"
    return _format_number(value)


def describe_input(kind: str, score: np.ndarray, *, two_columns=False) -> str:
    """The input in words, for the table's title (counts read right at 1).

    Parameters
    ----------
    kind : {"binary", "multiclass", "one-hot", "multilabel"}
        The input kind.
    score : ndarray of shape (n_samples,) or (n_samples, k)
        The scores as read.
    two_columns : bool, default=False
        Binary labels given with two score columns.

    Returns
    -------
    str
        For example "multi-label input, 5 samples x 3 labels".
    """
    samples = plural(score.shape[0], "sample")
    if kind == "binary":
        return f"binary input, {samples}"
    k = score.shape[1]
    if two_columns:
        return f"binary labels with {k} score columns (one per class), {samples}"
    if kind == "multiclass":
        return f"multi-class input, {samples} x {k} classes"
    if kind == "one-hot":
        return f"one-hot labels with probability rows, {samples} x {k} classes"
    return f"multi-label input, {samples} x {k} labels"


def make_table(cells, why, notes, *, kind, threshold, description):
    """Assemble a :class:`ComparisonTable` from the per-library cells.

    Parameters
    ----------
    cells : dict
        ``{library: {metric: value}}``.
    why : dict
        ``{metric: reason}``.
    notes : dict
        ``{library: note}`` shown under the table.
    kind : str
        The input kind.
    threshold : float
        The cut applied.
    description : str
        The input in words.

    Returns
    -------
    ComparisonTable
        One row per metric, one column per library and ``why``.
    """
    data = {lib: [cells[lib][m] for m in METRIC_NAMES] for lib in LIBRARIES}
    data["why"] = [why[m] for m in METRIC_NAMES]
    table = ComparisonTable(
        data, index=pd.Index(list(METRIC_NAMES), name="metric"), dtype=object
    )
    table.kind = kind
    table.threshold = threshold
    table.description = description
    table.notes = notes
    return table
