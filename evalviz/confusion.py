"""Confusion matrices, classification reports and error galleries, drawn.

Three displays, each a result object that holds the numbers (computed by
:mod:`evalviz.metrics`) and draws them with ``.plot(ax=None)``:

- :class:`ConfusionMatrixDisplay`: counts and percentages in the same cell,
  rows = true class;
- :class:`ClassificationReportDisplay`: precision / recall / F1 per class plus
  the macro and weighted averages as a heatmap, support alongside;
- :class:`ErrorGallery`: the images behind one confusion-matrix cell, or
  behind the most frequent confusions.

Short functions :func:`confusion`, :func:`report` and :func:`error_gallery`
build them from predictions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _plotting as P
from ._validation import (
    as_array,
    check_choice,
    check_class_names,
    check_labels,
    check_labels_in_range,
    check_predicted_labels,
    check_same_length,
    check_scores,
)
from .metrics._counting import (
    _check_confusion,
    confusion_matrix,
    normalize_confusion,
    report_from_confusion,
    top_confusions,
)

__all__ = [
    "ConfusionMatrixDisplay",
    "ClassificationReportDisplay",
    "ErrorGallery",
    "ErrorScoresDisplay",
    "compare_reports",
    "confusion",
    "report",
    "error_gallery",
    "error_scores",
]

_NORMALIZE_TEXT = {
    "true": "% of each true class (row)",
    "pred": "% of each predicted class (column)",
    "all": "% of all samples",
    None: "counts",
}


def _predictions(y_true, y_pred, labels):
    """Validated label arrays and the number of classes."""
    truth = check_labels(y_true, "y_true")
    pred = check_predicted_labels(y_pred, "y_pred")
    check_same_length(truth, pred, "y_true", "y_pred")
    if labels is not None:
        n_classes = len(list(labels))
        check_labels_in_range(truth, n_classes, "y_true", "labels")
        check_labels_in_range(pred, n_classes, "y_pred", "labels")
    else:
        n_classes = int(max(truth.max(), pred.max())) + 1
    return truth, pred, n_classes


def _text_color(value: float, vmax: float) -> str:
    return "white" if np.isfinite(value) and value > 0.55 * vmax else "black"


class ConfusionMatrixDisplay:
    """A confusion matrix with counts and percentages in each cell.

    Parameters
    ----------
    confusion_matrix : array-like of shape (k, k)
        Counts, rows = true class, columns = predicted class.
    labels : sequence of str, optional
        Class names in label order.
    normalize : {"true", "pred", "all", None}, default "true"
        What the percentage and the colour show: share of the true class (row),
        of the predicted class (column), of all samples, or (None) raw counts
        only.

    Attributes
    ----------
    confusion_matrix : numpy.ndarray of int
        The counts.
    shares : numpy.ndarray of float
        The counts normalised as ``normalize`` says (NaN for an empty row or
        column).
    labels : list of str
    ax_, figure_ : matplotlib objects, set by :meth:`plot`.

    Notes
    -----
    Rows = true class, columns = predicted class, as in scikit-learn. With
    ``normalize="true"`` the diagonal percentages are the per-class recalls;
    with ``normalize="pred"`` they are the per-class precisions.
    """

    def __init__(self, confusion_matrix, *, labels=None, normalize="true"):
        check_choice(normalize, "normalize", tuple(_NORMALIZE_TEXT))
        self.confusion_matrix = _check_confusion(confusion_matrix)
        k = self.confusion_matrix.shape[0]
        self.labels = check_class_names(labels, k)
        self.normalize = normalize
        self.shares = normalize_confusion(self.confusion_matrix, normalize)

    @classmethod
    def from_predictions(cls, y_true, y_pred, *, labels=None, normalize="true"):
        """Count the predictions. ``y_pred`` holds class indices
        (``y_score.argmax(axis=1)`` for scores)."""
        truth, pred, n_classes = _predictions(y_true, y_pred, labels)
        cm = confusion_matrix(truth, pred, n_classes=n_classes)
        return cls(cm, labels=labels, normalize=normalize)

    @classmethod
    def from_matrix(cls, confusion_matrix, *, labels=None, normalize="true"):
        """Use a confusion matrix computed elsewhere (for example a published one)."""
        return cls(confusion_matrix, labels=labels, normalize=normalize)

    def to_frame(self) -> pd.DataFrame:
        """One row per cell: true and predicted class, count, and the shares."""
        cm = self.confusion_matrix
        k = cm.shape[0]
        true, pred = np.divmod(np.arange(k * k), k)
        return pd.DataFrame(
            {
                "true": [self.labels[i] for i in true],
                "predicted": [self.labels[j] for j in pred],
                "count": cm.ravel(),
                "share_of_true": normalize_confusion(cm, "true").ravel(),
                "share_of_pred": normalize_confusion(cm, "pred").ravel(),
                "share_of_all": normalize_confusion(cm, "all").ravel(),
            }
        )

    def plot(self, ax=None, *, cmap="Blues", colorbar=True, title=None):
        """Draw the matrix; returns self (with ``ax_`` and ``figure_`` set).

        Each cell shows the count and, under it, the percentage chosen by
        ``normalize``; empty cells show just "0". The colour follows the
        percentage, so rows of different sizes compare fairly.
        """
        cm = self.confusion_matrix
        k = cm.shape[0]
        size = max(6.4, 0.9 * k + 2.4)
        fig, ax = P.new_axes(ax, figsize=(size, size * 0.88))
        colour = self.shares if self.normalize is not None else cm.astype(float)
        vmax = 1.0 if self.normalize is not None else float(max(cm.max(), 1))
        image = ax.imshow(
            np.nan_to_num(colour, nan=0.0), cmap=cmap, vmin=0.0, vmax=vmax
        )
        cell_size = 13 if k <= 6 else (11 if k <= 10 else 8)
        for i in range(k):
            for j in range(k):
                count = int(cm[i, j])
                text = f"{count}"
                share = self.shares[i, j]
                if self.normalize is not None and count > 0:
                    text += f"\n{_percent(share)}"
                ax.text(
                    j,
                    i,
                    text,
                    ha="center",
                    va="center",
                    fontsize=cell_size,
                    color=_text_color(colour[i, j], vmax),
                    fontweight="bold" if i == j else "normal",
                )
        ax.set_xticks(range(k), self.labels, rotation=40, ha="right")
        ax.set_yticks(range(k), self.labels)
        ax.tick_params(labelsize=P.LABEL_SIZE)
        ax.set_xlim(-0.5, k - 0.5)
        ax.set_ylim(k - 0.5, -0.5)
        if title is None:
            title = "Confusion matrix (rows = true class)"
        P.style_axes(
            ax,
            title=f"{title}\ncell: count and {_NORMALIZE_TEXT[self.normalize]}"
            if self.normalize is not None
            else f"{title}\ncell: count",
            xlabel="Predicted class (columns)",
            ylabel="True class (rows)",
        )
        if colorbar:
            bar = fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
            bar.set_label(
                "share" if self.normalize is not None else "count",
                fontsize=P.LABEL_SIZE,
            )
            bar.ax.tick_params(labelsize=P.TICK_SIZE)
        self.ax_, self.figure_ = ax, fig
        return self

    def top_confusions(self, n=5) -> pd.DataFrame:
        """The ``n`` largest off-diagonal cells (see :func:`evalviz.metrics.top_confusions`)."""
        return top_confusions(self.confusion_matrix, n, labels=self.labels)


def _percent(share: float) -> str:
    if not np.isfinite(share):
        return ""
    pct = 100 * share
    if 0 < pct < 0.1:
        return "<0.1%"
    return f"{pct:.1f}%"


class ClassificationReportDisplay:
    """Precision, recall and F1 per class (plus averages) as a heatmap.

    Parameters
    ----------
    report : pandas.DataFrame
        As returned by :func:`evalviz.metrics.report_from_confusion`.

    Attributes
    ----------
    report : pandas.DataFrame
        Rows per class, ``accuracy``, ``macro avg``, ``weighted avg``; columns
        ``precision``, ``recall``, ``f1-score``, ``support``.
    accuracy : float
    ax_, figure_ : matplotlib objects, set by :meth:`plot`.

    Notes
    -----
    The numbers are those of scikit-learn's ``classification_report``; the
    accuracy row is shown in the title (it has one number, not three). Colour
    runs from dark (0) to bright (1), so weak classes stand out.
    """

    _METRICS = ("precision", "recall", "f1-score")

    def __init__(self, report):
        if not isinstance(report, pd.DataFrame) or not set(
            ("precision", "recall", "f1-score", "support")
        ) <= set(report.columns):
            raise ValueError(
                "report must be a DataFrame with columns precision, recall, "
                "f1-score and support, such as evalviz.metrics.report_from_confusion"
                "(cm) returns"
            )
        self.report = report
        self.accuracy = (
            float(report.loc["accuracy", "precision"])
            if "accuracy" in report.index
            else float("nan")
        )

    @classmethod
    def from_predictions(cls, y_true, y_pred, *, labels=None):
        truth, pred, n_classes = _predictions(y_true, y_pred, labels)
        cm = confusion_matrix(truth, pred, n_classes=n_classes)
        return cls(report_from_confusion(cm, labels))

    @classmethod
    def from_confusion(cls, confusion_matrix, *, labels=None):
        """Rebuild the report from a confusion matrix (rows = true class)."""
        return cls(report_from_confusion(confusion_matrix, labels))

    def to_frame(self) -> pd.DataFrame:
        return self.report.copy()

    def plot(
        self, ax=None, *, cmap="viridis", colorbar=True, title="Classification report"
    ):
        """Draw the heatmap; returns self (with ``ax_`` and ``figure_`` set).

        ``colorbar=True`` adds a colour bar under the table (0 to 1, the same
        scale for precision, recall and F1).
        """
        rows = self.report.drop(index="accuracy", errors="ignore")
        values = rows[list(self._METRICS)].to_numpy(dtype=float)
        n = len(rows)
        fig, ax = P.new_axes(
            ax, figsize=(7.4, max(4.0, 0.45 * n + 1.6) + (0.9 if colorbar else 0))
        )
        image = ax.imshow(values, cmap=cmap, vmin=0.0, vmax=1.0, aspect="auto")
        for i in range(n):
            for j in range(values.shape[1]):
                ax.text(
                    j,
                    i,
                    f"{values[i, j]:.3f}",
                    ha="center",
                    va="center",
                    fontsize=P.TICK_SIZE + 1,
                    color="black" if values[i, j] > 0.6 else "white",
                )
            ax.text(
                values.shape[1] - 0.5 + 0.15,
                i,
                f"{int(round(rows['support'].iloc[i]))}",
                ha="left",
                va="center",
                fontsize=P.TICK_SIZE + 1,
                color="#333333",
            )
        n_classes = sum(1 for r in rows.index if r not in ("macro avg", "weighted avg"))
        if n_classes < n:
            ax.axhline(n_classes - 0.5, color="white", linewidth=3)
        ax.text(
            values.shape[1] - 0.5 + 0.15,
            -0.75,
            "support",
            ha="left",
            va="bottom",
            fontsize=P.LABEL_SIZE,
        )
        ax.set_xticks(range(values.shape[1]), list(self._METRICS))
        ax.xaxis.tick_top()
        ax.set_yticks(range(n), list(rows.index))
        ax.set_xlim(-0.5, values.shape[1] - 0.5)
        ax.set_ylim(n - 0.5, -0.5)
        for spine in ax.spines.values():
            spine.set_visible(False)
        total = int(
            round(self.report["support"].drop("accuracy", errors="ignore").max())
        )
        full = f"{title}: accuracy {self.accuracy:.3f} on {total} samples"
        ax.set_title(full, fontsize=P.TITLE_SIZE, pad=28)
        ax.tick_params(labelsize=P.TICK_SIZE + 1, length=0)
        fig.subplots_adjust(right=0.82)
        if colorbar:
            bar = fig.colorbar(
                image, ax=ax, orientation="horizontal", fraction=0.05, pad=0.04
            )
            bar.set_label(
                "precision, recall, F1 (0 = worst, 1 = best)", fontsize=P.LABEL_SIZE
            )
            bar.ax.tick_params(labelsize=P.TICK_SIZE)
            self.colorbar_ = bar
        self.ax_, self.figure_ = ax, fig
        return self


class ErrorGallery:
    """The images behind confusion-matrix cells, one row per cell.

    Build it with :meth:`from_predictions` (or :func:`error_gallery`).

    Attributes
    ----------
    cells : pandas.DataFrame
        One row per confusion shown (as :func:`evalviz.metrics.top_confusions`).
    examples : pandas.DataFrame
        One row per image shown: ``row`` (which cell), ``index`` (position in
        the data passed), ``true``, ``predicted`` and, when scores were given,
        ``score`` (the score of the wrongly predicted class).
    ax_ : numpy.ndarray of Axes, figure_ : Figure, set by :meth:`plot`.

    Notes
    -----
    With ``y_score`` the examples are the most confident mistakes first
    (highest score for the predicted class); without it, the first ones in
    data order. Rows of the confusion matrix are true classes.
    """

    def __init__(self, images, cells, examples, labels):
        self.images = images
        self.cells = cells
        self.examples = examples
        self.labels = labels

    @classmethod
    def from_predictions(
        cls,
        images,
        y_true,
        y_pred,
        *,
        y_score=None,
        labels=None,
        cell=None,
        top=3,
        n_images=8,
    ):
        """Collect the examples.

        Parameters
        ----------
        images : array-like of shape (n_samples, h, w) or (n_samples, h, w, 3)
        y_true, y_pred : array-like of shape (n_samples,)
            True and predicted class indices.
        y_score : array-like of shape (n_samples, n_classes), optional
            Scores; used to show the most confident mistakes first.
        labels : sequence of str, optional
            Class names.
        cell : pair (true_class, predicted_class) or list of pairs, optional
            Show these cells, one row each (a diagonal cell shows correct
            predictions). Without it, the ``top`` most frequent confusions.
        top : int, default 3
            Number of confusions when ``cell`` is not given.
        n_images : int, default 8
            Images per row.
        """
        truth, pred, n_classes = _predictions(y_true, y_pred, labels)
        pics = as_array(images, "images")
        if pics.ndim not in (3, 4):
            raise ValueError(
                f"images must have shape (n, height, width) or (n, height, width, 3), "
                f"got {pics.shape}; reshape flat rows with images.reshape(-1, 28, 28)"
            )
        check_same_length(truth, pics, "y_true", "images")
        names = check_class_names(labels, n_classes)
        score = None
        if y_score is not None:
            score = check_scores(y_score)
            if score.ndim != 2 or score.shape[1] != n_classes:
                raise ValueError(
                    f"y_score must have one column per class, shape (n, {n_classes}), "
                    f"got {score.shape}"
                )
            check_same_length(truth, score, "y_true", "y_score")
        if isinstance(n_images, bool) or not isinstance(n_images, (int, np.integer)):
            raise ValueError(f"n_images must be a positive integer, got {n_images!r}")
        if n_images < 1:
            raise ValueError(f"n_images must be at least 1, got {n_images}")
        cm = confusion_matrix(truth, pred, n_classes=n_classes)
        if cell is None:
            cells = top_confusions(cm, top, labels=names)
        else:
            pairs = _cell_pairs(cell, n_classes)
            cells = pd.DataFrame(
                {
                    "true": [t for t, _ in pairs],
                    "predicted": [p for _, p in pairs],
                    "true_name": [names[t] for t, _ in pairs],
                    "predicted_name": [names[p] for _, p in pairs],
                    "count": [int(cm[t, p]) for t, p in pairs],
                    "share_of_true": [cm[t, p] / max(cm[t].sum(), 1) for t, p in pairs],
                }
            )
        records = []
        for row, (t, p) in enumerate(
            zip(cells["true"], cells["predicted"], strict=True)
        ):
            idx = np.flatnonzero((truth == t) & (pred == p))
            if score is not None:
                idx = idx[np.argsort(-score[idx, p], kind="stable")]
            for i in idx[:n_images]:
                rec = {
                    "row": row,
                    "index": int(i),
                    "true": names[t],
                    "predicted": names[p],
                }
                if score is not None:
                    rec["score"] = float(score[i, p])
                records.append(rec)
        columns = ["row", "index", "true", "predicted"] + (
            ["score"] if score is not None else []
        )
        examples = pd.DataFrame.from_records(records, columns=columns)
        gallery = cls(pics, cells.reset_index(drop=True), examples, names)
        gallery.n_images = int(n_images)
        return gallery

    def to_frame(self) -> pd.DataFrame:
        return self.examples.copy()

    def plot(self, ax=None, *, cmap="gray_r"):
        """Draw one row of images per confusion; returns self.

        ``ax`` may be a 2-D array of axes with at least (number of cells,
        ``n_images``) entries; by default a new figure is made.
        """
        has_score = "score" in self.examples.columns

        def caption(rec):
            text = f"#{int(rec['index'])}"
            if has_score:
                score = _score_text(rec["score"])
                text += "\np" + ("" if score.startswith(">") else "=") + score
            return text

        row_labels = [
            f"true: {cell['true_name']}\npredicted:\n{cell['predicted_name']}"
            f"\n({int(cell['count'])} images)"
            for _, cell in self.cells.iterrows()
        ]
        fig, axes = P.image_rows(
            self.images,
            self.examples,
            row_labels,
            n_cols=getattr(self, "n_images", 8),
            caption=caption,
            ax=ax,
            cmap=cmap,
        )
        order = "most confident first" if "score" in self.examples.columns else ""
        fig.suptitle(
            "Error gallery: images behind confusion-matrix cells"
            + (f" ({order})" if order else ""),
            fontsize=P.TITLE_SIZE,
        )
        self.ax_, self.figure_ = axes, fig
        return self


def _score_text(score: float) -> str:
    """A probability with 4 decimals; ">0.9999" instead of a rounded "1.0000"."""
    if score > 0.99995 and score < 1.0:
        return ">0.9999"
    return f"{score:.4f}"


def _cell_pairs(cell, n_classes) -> list[tuple[int, int]]:
    """One (true, predicted) pair or a list of them, checked."""
    arr = np.asarray(cell, dtype=object)
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 2 or arr.shape[0] == 0:
        raise ValueError(
            f"cell must be a pair (true_class, predicted_class) or a list of pairs, "
            f"got {cell!r}"
        )
    pairs = []
    for t, p in arr:
        for c, what in ((t, "true"), (p, "predicted")):
            if (
                isinstance(c, bool)
                or not isinstance(c, (int, np.integer))
                or not 0 <= c < n_classes
            ):
                raise ValueError(
                    f"cell={cell!r}: {what} class {c!r} is not a class index in "
                    f"0..{n_classes - 1}"
                )
        pairs.append((int(t), int(p)))
    return pairs


class ErrorScoresDisplay:
    """How sure the model was about the mistakes in confusion-matrix cells.

    An :class:`ErrorGallery` shows the *most confident* mistakes first, so its
    captions say nothing about a typical mistake. This display uses **every**
    image of each cell: the probability the model gave to the class it
    predicted, as a histogram and as shares above a few levels.

    Build it with :func:`error_scores`.

    Attributes
    ----------
    cells : pandas.DataFrame
        One row per cell: ``true``, ``predicted``, ``true_name``,
        ``predicted_name``, ``count``.
    examples : pandas.DataFrame
        One row per image: ``row`` (which cell), ``index`` (position in the
        data passed) and ``score`` (the predicted class's probability).
    levels : tuple of float
    ax_, figure_ : set by :meth:`plot`.

    Notes
    -----
    Rows of the confusion matrix are true classes; a diagonal cell such as
    ``(6, 6)`` holds the correct predictions of class 6 and makes a fair
    comparison for the mistakes.
    """

    def __init__(self, cells, examples, *, levels=(0.5, 0.9, 0.99)):
        self.cells = cells
        self.examples = examples
        self.levels = tuple(float(v) for v in levels)

    def to_frame(self) -> pd.DataFrame:
        """Per cell: count, median score and the share of scores >= each level."""
        rows = []
        for r, cell in self.cells.iterrows():
            score = self.examples.loc[self.examples["row"] == r, "score"].to_numpy()
            row = {
                "true": cell["true_name"],
                "predicted": cell["predicted_name"],
                "count": int(cell["count"]),
                "median score": float(np.median(score)) if score.size else np.nan,
            }
            for level in self.levels:
                row[f"share >= {level:g}"] = (
                    float(np.mean(score >= level)) if score.size else np.nan
                )
            rows.append(row)
        return pd.DataFrame(rows)

    def plot(self, ax=None, *, bins=20, title=None):
        """Histogram of the scores of each cell (share of the cell's images)."""
        fig, ax = P.new_axes(ax, figsize=(9.6, 4.8))
        edges = np.linspace(0.0, 1.0, int(bins) + 1)
        for r, cell in self.cells.iterrows():
            score = self.examples.loc[self.examples["row"] == r, "score"].to_numpy()
            if not score.size:
                continue
            counts, _ = np.histogram(score, bins=edges)
            share = 100 * counts / score.size
            diagonal = cell["true"] == cell["predicted"]
            name = (
                f"correct {cell['true_name']} ({score.size})"
                if diagonal
                else f"{cell['true_name']} -> {cell['predicted_name']} ({score.size})"
            )
            ax.stairs(
                share,
                edges,
                color=P.PALETTE[r % len(P.PALETTE)],
                linewidth=2.4,
                linestyle="--" if diagonal else "-",
                label=name,
            )
        for level in self.levels:
            ax.axvline(level, color="#777777", linestyle=":", linewidth=1.2)
            ax.annotate(
                f"{level:g}",
                xy=(level, 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=P.TICK_SIZE,
                color="#555555",
            )
        ax.set_xlim(0, 1)
        ax.set_ylim(bottom=0)
        P.style_axes(
            ax,
            title=title or "How sure was the model? Every image of each cell",
            xlabel="probability given to the predicted class",
            ylabel="% of the cell's images",
        )
        ax.set_title(ax.get_title(), fontsize=P.TITLE_SIZE, pad=22)
        ax.grid(True, alpha=0.3)
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=P.TICK_SIZE + 1,
            frameon=False,
            title="true -> predicted (images)",
            title_fontsize=P.TICK_SIZE + 1,
        )
        self.ax_, self.figure_ = ax, fig
        return self


def error_scores(
    y_true, y_score, *, cell, y_pred=None, labels=None, levels=(0.5, 0.9, 0.99)
) -> ErrorScoresDisplay:
    """The predicted class's probability for every image of some confusion cells.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class indices.
    y_score : array-like of shape (n_samples, n_classes)
        Predicted probabilities (or scores), one column per class.
    cell : pair (true_class, predicted_class) or list of pairs
        The cells to describe; a diagonal pair gives the correct predictions
        of that class, for comparison.
    y_pred : array-like of shape (n_samples,), optional
        Predicted classes; default ``y_score.argmax(axis=1)``.
    labels : sequence of str, optional
        Class names.
    levels : sequence of float, default (0.5, 0.9, 0.99)
        Report the share of each cell's scores at or above these values.

    Returns
    -------
    ErrorScoresDisplay
    """
    score = check_scores(y_score)
    if score.ndim != 2:
        raise ValueError(
            f"y_score must have one column per class, shape (n, n_classes), got "
            f"{score.shape}; pass the full probability matrix, not one column"
        )
    truth = check_labels(y_true, "y_true")
    check_same_length(truth, score, "y_true", "y_score")
    n_classes = score.shape[1]
    check_labels_in_range(truth, n_classes, "y_true", "y_score's columns")
    if y_pred is None:
        pred = score.argmax(axis=1)
    else:
        pred = check_predicted_labels(y_pred, "y_pred")
        check_same_length(truth, pred, "y_true", "y_pred")
        check_labels_in_range(pred, n_classes, "y_pred", "y_score's columns")
    names = check_class_names(labels, n_classes)
    levels = tuple(float(v) for v in np.atleast_1d(levels))
    pairs = _cell_pairs(cell, n_classes)
    records, cells = [], []
    for row, (t, p) in enumerate(pairs):
        idx = np.flatnonzero((truth == t) & (pred == p))
        cells.append(
            {
                "true": t,
                "predicted": p,
                "true_name": names[t],
                "predicted_name": names[p],
                "count": int(idx.size),
            }
        )
        records.extend(
            {"row": row, "index": int(i), "score": float(score[i, p])} for i in idx
        )
    examples = pd.DataFrame.from_records(records, columns=["row", "index", "score"])
    return ErrorScoresDisplay(pd.DataFrame(cells), examples, levels=levels)


def compare_reports(reports, *, metrics=("recall", "precision"), labels=None):
    """Per-class numbers of several classification reports, side by side.

    Parameters
    ----------
    reports : mapping {name: report}
        Each report a DataFrame as :func:`evalviz.metrics.report_from_confusion`
        returns (or a :class:`ClassificationReportDisplay`). The class rows
        are matched by position, so a report indexed 0..9 and one indexed by
        class names line up.
    metrics : sequence of str, default ("recall", "precision")
        Columns to take from each report: ``precision``, ``recall``,
        ``f1-score``, ``support``.
    labels : sequence of str, optional
        Names for the rows; default: the first report's class names.

    Returns
    -------
    pandas.DataFrame
        One row per class; columns ``"<name>: <metric>"``, grouped by metric
        in the order of ``metrics``, reports in the order given.

    Notes
    -----
    Only the class rows are compared; the ``accuracy``, ``macro avg`` and
    ``weighted avg`` rows are left out.
    """
    if not reports:
        raise ValueError("reports is empty; pass {'name': report, ...}")
    tables = {}
    for name, rep in dict(reports).items():
        frame = rep.report if isinstance(rep, ClassificationReportDisplay) else rep
        if not isinstance(frame, pd.DataFrame):
            raise ValueError(
                f"reports[{name!r}] must be a DataFrame from report_from_confusion or "
                f"a ClassificationReportDisplay, got {type(rep).__name__}"
            )
        missing = [m for m in metrics if m not in frame.columns]
        if missing:
            raise ValueError(
                f"reports[{name!r}] has no column {missing[0]!r}; choose metrics from "
                f"{list(frame.columns)}"
            )
        tables[str(name)] = frame.drop(
            index=["accuracy", "macro avg", "weighted avg"], errors="ignore"
        )
    sizes = {name: len(t) for name, t in tables.items()}
    if len(set(sizes.values())) != 1:
        raise ValueError(
            f"the reports have different numbers of classes: {sizes}; compare "
            "reports of the same classes"
        )
    first = next(iter(tables.values()))
    n = len(first)
    names = (
        check_class_names(labels, n)
        if labels is not None
        else [str(i) for i in first.index]
    )
    columns = {
        f"{name}: {metric}": t[metric].to_numpy()
        for metric in metrics
        for name, t in tables.items()
    }
    return pd.DataFrame(columns, index=pd.Index(names, name="class"))


def confusion(y_true, y_pred, *, labels=None, normalize="true"):
    """Shortcut for :meth:`ConfusionMatrixDisplay.from_predictions`."""
    return ConfusionMatrixDisplay.from_predictions(
        y_true, y_pred, labels=labels, normalize=normalize
    )


def report(y_true, y_pred, *, labels=None):
    """Shortcut for :meth:`ClassificationReportDisplay.from_predictions`."""
    return ClassificationReportDisplay.from_predictions(y_true, y_pred, labels=labels)


def error_gallery(images, y_true, y_pred, **kwargs):
    """Shortcut for :meth:`ErrorGallery.from_predictions`."""
    return ErrorGallery.from_predictions(images, y_true, y_pred, **kwargs)
