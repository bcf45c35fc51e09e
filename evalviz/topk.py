"""Top-k views: accuracy against k, the true class's rank, what top-k forgives.

- :func:`topk` / :class:`TopKDisplay`: top-k accuracy for k = 1..K together
  with the histogram of the true class's rank (top-k accuracy is the running
  sum of that histogram).
- :func:`forgiven_confusions`: which (true class, top-1 guess) pairs a top-k
  metric stops counting as errors.
- :func:`topk_gallery` / :class:`TopKGallery`: the images that are wrong at
  top-1 but right at top-k.

The numbers come from :mod:`evalviz.metrics`; this module only arranges and
draws them. pyplot is imported only when something is drawn.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _plotting as P
from ._validation import (
    as_array,
    check_choice,
    check_class_names,
    check_k,
    check_same_length,
)
from .metrics._ranking import (
    _kind,
    _top_1,
    label_hits_at_k,
    micro_auc_by_label,
    precision_at_k,
    rank_of_true_class,
    recall_at_k,
    roc_auc,
    top_k_accuracy,
    top_k_accuracy_curve,
)

__all__ = [
    "LabelGroupsDisplay",
    "TopKDisplay",
    "TopKGallery",
    "forgiven_confusions",
    "forgiven_summary",
    "label_groups",
    "topk",
    "topk_auc_summary",
    "topk_gallery",
]


def _multiclass(y_true, y_score, what):
    kind, truth, score = _kind(y_true, y_score)
    if kind != "multiclass":
        raise ValueError(
            f"{what} needs multi-class input: y_true as class labels of shape "
            f"(n_samples,) and y_score of shape (n_samples, n_classes); got a {kind} "
            "problem"
        )
    return truth, score


class TopKDisplay:
    """Top-k accuracy for k = 1..K and the histogram of the true class's rank.

    Build it with :func:`topk` (or :meth:`from_predictions`).

    Attributes
    ----------
    k : ndarray of shape (K,)
        1, 2, ..., K.
    accuracy : ndarray of shape (K,)
        Top-k accuracy for each k, from
        :func:`evalviz.metrics.top_k_accuracy_curve`.
    rank_counts : ndarray of shape (K + 1,)
        Samples whose true class has rank 1, 2, ..., K, and (last) rank above K.
    n_samples : int
    kind : {"multiclass", "multilabel"}
    title : str
    ax_, figure_ : matplotlib objects after :meth:`plot`.

    Notes
    -----
    ``accuracy[k - 1] == rank_counts[:k].sum() / n_samples``: top-k accuracy is
    the share of samples whose true class is ranked k-th or better. For
    multi-label input the rank is that of the sample's best-ranked true label
    (a sample with no true label counts as ranked above K). Ties in scores
    rank the higher class index first, as scikit-learn does.
    """

    def __init__(self, k, accuracy, rank_counts, *, kind="multiclass", title=None):
        self.k = np.asarray(k)
        self.accuracy = np.asarray(accuracy, dtype=float)
        self.rank_counts = np.asarray(rank_counts, dtype=np.int64)
        self.n_samples = int(self.rank_counts.sum())
        self.kind = kind
        self.title = title

    @classmethod
    def from_predictions(cls, y_true, y_score, *, max_k=5, title=None):
        """Compute the numbers.

        Parameters
        ----------
        y_true : array-like
            Class labels (n_samples,) or a multi-label indicator (n_samples,
            n_labels).
        y_score : array-like of shape (n_samples, n_classes)
        max_k : int, default=5
            Largest k shown.
        title : str, optional
            Plot title (say "simulated" here when the scores are).
        """
        kind, truth, score = _kind(y_true, y_score)
        if kind == "binary":
            raise ValueError(
                "topk needs one score column per class (y_score of shape "
                "(n_samples, n_classes) with at least 3 classes)"
            )
        max_k = check_k(max_k, score.shape[1], name="max_k")
        accuracy = top_k_accuracy_curve(truth, score, max_k=max_k)
        rank = rank_of_true_class(truth, score)
        counts = np.bincount(np.minimum(rank, max_k + 1) - 1, minlength=max_k + 1)
        return cls(np.arange(1, max_k + 1), accuracy, counts, kind=kind, title=title)

    def to_frame(self) -> pd.DataFrame:
        """One row per rank bar: its count and share, and top-k accuracy at k."""
        K = self.k.size
        return pd.DataFrame(
            {
                "rank": [str(int(k)) for k in self.k] + [f">{K}"],
                "count": self.rank_counts,
                "share": self.rank_counts / max(self.n_samples, 1),
                "top_k_accuracy": np.r_[self.accuracy, np.nan],
            }
        )

    def plot(self, ax=None, *, title=None):
        """Bars: share of samples at each rank; line: top-k accuracy.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure when None.
        title : str, optional
            Overrides the title given at construction.

        Returns
        -------
        self
        """
        fig, ax = P.new_axes(ax, figsize=(7.2, 4.6))
        K = self.k.size
        share = self.rank_counts / max(self.n_samples, 1)
        x = np.arange(1, K + 2)
        what = "best true label" if self.kind == "multilabel" else "true class"
        ax.bar(
            x[:K],
            share[:K],
            color=P.PALETTE[5],
            edgecolor="white",
            label=f"share of samples whose {what} has this rank",
            gid="rank-bars",
        )
        ax.bar(
            x[K:],
            share[K:],
            color="#BBBBBB",
            edgecolor="white",
            label=f"share ranked below {K} (outside every top-k shown)",
            gid="rank-bar-beyond",
        )
        ax.plot(
            self.k,
            self.accuracy,
            color=P.PALETTE[0],
            marker="o",
            linewidth=2,
            label="top-k accuracy (running sum of the bars)",
            gid="topk-accuracy",
        )
        for k, acc in zip(self.k, self.accuracy, strict=True):
            ax.annotate(
                f"{acc:.1%}",
                (k, acc),
                textcoords="offset points",
                xytext=(0, 8),
                ha="center",
                fontsize=P.TICK_SIZE,
                color=P.PALETTE[0],
            )
        ax.set_xticks(x, [str(int(k)) for k in self.k] + [f">{K}"])
        ax.set_ylim(0, 1.12)
        ax.set_xlim(0.4, K + 1.6)
        # Legend right of the first bar (the tall one) and below the line.
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(1.1 / (K + 1.2), 0.22),
            fontsize=P.TICK_SIZE,
            frameon=False,
        )
        P.style_axes(
            ax,
            title=title or self.title or f"Top-k accuracy and the rank of the {what}",
            xlabel=f"k, and rank of the {what} (1 = highest score)",
            ylabel="share of samples",
        )
        self.ax_, self.figure_ = ax, fig
        return self


def topk(y_true, y_score, *, max_k=5, title=None):
    """Top-k accuracy for k = 1..max_k and the true-class rank histogram.

    Shortcut for :meth:`TopKDisplay.from_predictions`; call ``.plot()`` to draw
    and ``.to_frame()`` for the numbers.
    """
    return TopKDisplay.from_predictions(y_true, y_score, max_k=max_k, title=title)


def forgiven_confusions(y_true, y_score, *, k=2, labels=None):
    """The (true class, top-1 guess) pairs that top-k stops counting as errors.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Class labels.
    y_score : array-like of shape (n_samples, n_classes)
    k : int, default=2
    labels : sequence of str, optional
        Class names.

    Returns
    -------
    pandas.DataFrame
        One row per pair, most frequent first: ``true``, ``top1`` (indices),
        ``true_name``, ``top1_name``, ``count`` (samples wrong at top-1 but
        right at top-k), ``share_of_true`` (count / samples of that class) and
        ``mean_gap`` and ``median_gap`` (top-1 score minus the true class's
        score, over *every* forgiven sample of that pair, not a selection).
        ``count.sum()`` is the gain from top-1 to top-k accuracy, in samples.

    Notes
    -----
    The top-1 guess follows the ranking's tie order (the higher class index
    first among equal scores), the same order top-k accuracy uses.
    """
    truth, score = _multiclass(y_true, y_score, "forgiven_confusions")
    n_classes = score.shape[1]
    k = check_k(k, n_classes)
    names = check_class_names(labels, n_classes)
    rank = rank_of_true_class(truth, score)
    forgiven = (rank > 1) & (rank <= k)
    top1 = _top_1(score[forgiven])
    true = truth[forgiven]
    rows = np.flatnonzero(forgiven)
    gap = score[rows, top1] - score[rows, true]
    pairs = np.bincount(true * n_classes + top1, minlength=n_classes * n_classes)
    gap_sum = np.bincount(
        true * n_classes + top1, weights=gap, minlength=n_classes * n_classes
    )
    support = np.bincount(truth, minlength=n_classes)
    idx = np.flatnonzero(pairs)
    idx = idx[np.argsort(-pairs[idx], kind="stable")]
    t, p = np.divmod(idx, n_classes)
    return pd.DataFrame(
        {
            "true": t,
            "top1": p,
            "true_name": [names[i] for i in t],
            "top1_name": [names[i] for i in p],
            "count": pairs[idx],
            "share_of_true": pairs[idx] / np.maximum(support[t], 1),
            "mean_gap": gap_sum[idx] / pairs[idx],
            "median_gap": [
                float(np.median(gap[(true * n_classes + top1) == i])) for i in idx
            ],
        }
    )


def forgiven_summary(y_true, y_score, *, k=2, labels=None, within=None, close=0.1):
    """How many samples top-k forgives, how close those calls were, and where.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Class labels.
    y_score : array-like of shape (n_samples, n_classes)
    k : int, default=2
    labels : sequence of str, optional
        Class names (needed when ``within`` names classes).
    within : sequence of str or int, optional
        A group of classes (names or indices). Adds the share of forgiven
        samples whose true class *and* top-1 guess both belong to it.
    close : float, default=0.1
        A forgiven sample is a "close call" when its top-1 score exceeds the
        true class's score by less than this.

    Returns
    -------
    pandas.Series
        ``forgiven`` (samples wrong at top-1, right at top-k),
        ``share_of_samples`` (= top-k minus top-1 accuracy),
        ``median_gap`` and ``mean_gap`` (top-1 score minus true class's score,
        over every forgiven sample), ``share_close`` (gap below ``close``) and,
        with ``within``, ``share_within``.

    Notes
    -----
    Computed over all forgiven samples, not a gallery's selection. Ties follow
    the ranking order of :func:`evalviz.metrics.top_k_accuracy` (the higher
    class index first among equal scores).
    """
    truth, score = _multiclass(y_true, y_score, "forgiven_summary")
    n_classes = score.shape[1]
    k = check_k(k, n_classes)
    try:
        close = float(close)
    except (TypeError, ValueError):
        raise ValueError(f"close must be a number, got {close!r}") from None
    if not np.isfinite(close) or close <= 0:
        raise ValueError(f"close must be a positive number, got {close}")
    rank = rank_of_true_class(truth, score)
    rows = np.flatnonzero((rank > 1) & (rank <= k))
    top1 = _top_1(score[rows])
    gap = score[rows, top1] - score[rows, truth[rows]]
    n = rows.size
    out = {
        "forgiven": n,
        "share_of_samples": n / truth.size,
        "median_gap": float(np.median(gap)) if n else float("nan"),
        "mean_gap": float(gap.mean()) if n else float("nan"),
        "share_close": float(np.mean(gap < close)) if n else float("nan"),
    }
    if within is not None:
        names = check_class_names(labels, n_classes)
        group = []
        for c in within:
            if isinstance(c, str):
                if c not in names:
                    raise ValueError(
                        f"within names {c!r}, which is not a class name; the names "
                        f"are {names}"
                    )
                group.append(names.index(c))
            else:
                if not 0 <= int(c) < n_classes:
                    raise ValueError(
                        f"within holds {c!r} but there are {n_classes} classes "
                        f"(0..{n_classes - 1})"
                    )
                group.append(int(c))
        inside = np.isin(truth[rows], group) & np.isin(top1, group)
        out["share_within"] = float(inside.mean()) if n else float("nan")
    return pd.Series(out, name=f"forgiven by top-{k}", dtype=object)


def topk_auc_summary(y_true, y_score, *, k=5):
    """Top-k accuracy next to precision@k, recall@k and micro / macro ROC AUC.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        Multi-label 0/1 indicator.
    y_score : array-like of shape (n_samples, n_labels)
    k : int, default=5

    Returns
    -------
    pandas.Series
        One row per number, named in plain words: top-k accuracy (any true
        label in the top k), the Keras-style top-k (only the first true label,
        in column order, as ``TopKCategoricalAccuracy`` does on a multi-label
        target: it takes ``argmax(y_true)``), precision@k, recall@k, micro AUC
        and macro AUC. All from :mod:`evalviz.metrics`.

    Notes
    -----
    Micro AUC pools every (sample, label) cell, the way Keras' ``AUC()``
    does with its defaults (``multi_label=False``), though Keras
    approximates it with 200 thresholds; macro AUC is the mean of the
    per-label AUCs.
    """
    kind, truth, score = _kind(y_true, y_score)
    if kind != "multilabel":
        raise ValueError(
            "topk_auc_summary needs a multi-label indicator y_true of shape "
            f"(n_samples, n_labels); got a {kind} problem. For class labels use "
            "evalviz.metrics.top_k_accuracy and roc_auc directly"
        )
    k = check_k(k, score.shape[1])
    first = np.argmax(truth, axis=1)
    return pd.Series(
        {
            f"top-{k} accuracy (any true label in the top {k})": top_k_accuracy(
                truth, score, k
            ),
            f"top-{k}, first true label only (Keras-style)": top_k_accuracy(
                first, score, k
            ),
            f"precision@{k} (true labels among the {k} shown / {k})": precision_at_k(
                truth, score, k
            ),
            f"recall@{k} (share of a sample's labels shown)": recall_at_k(
                truth, score, k
            ),
            "micro AUC (all cells pooled)": roc_auc(truth, score, average="micro"),
            f"macro AUC (mean of the {score.shape[1]:,} labels' AUCs)": roc_auc(
                truth, score, average="macro"
            ),
        },
        name=f"top-{k} and AUC",
    )


class TopKGallery:
    """Images wrong at top-1 but right at top-k, one row per confusion.

    Build it with :func:`topk_gallery`.

    Attributes
    ----------
    cells : pandas.DataFrame
        The confusions shown (rows of :func:`forgiven_confusions`).
    examples : pandas.DataFrame
        One row per image: ``row`` (which confusion), ``index`` (position in the
        data passed), ``true``, ``top1``, ``true_rank``, ``true_score``,
        ``top1_score`` and ``gap`` (``top1_score - true_score``).
    k : int
    ax_ : ndarray of Axes, figure_ : Figure, set by :meth:`plot`.

    Notes
    -----
    With ``order="closest"`` a row shows the smallest gaps between the top-1
    score and the true class's score, so it shows close calls *by
    construction*; ``order="typical"`` shows the gaps nearest the row's
    median; :func:`forgiven_summary` describes all forgiven
    samples. Each caption gives the image's index in the data passed (its row
    in ``images``), its top-1 score and its true class's score.
    """

    def __init__(self, images, cells, examples, *, k, n_images, order="closest"):
        self.order = order
        self.images = images
        self.cells = cells
        self.examples = examples
        self.k = k
        self.n_images = n_images

    def to_frame(self) -> pd.DataFrame:
        return self.examples.copy()

    def plot(self, ax=None, *, cmap="gray_r", title=None):
        """One row of images per confusion; returns self.

        ``ax`` may be a 2-D array of at least (number of confusions, n_images)
        axes; by default a new figure is made.
        """
        row_labels = [
            f"true: {cell['true_name']}\ntop-1 guess:\n{cell['top1_name']}"
            f"\n({int(cell['count'])} images)"
            for _, cell in self.cells.iterrows()
        ]
        fig, axes = P.image_rows(
            self.images,
            self.examples,
            row_labels,
            n_cols=self.n_images,
            caption=lambda rec: (
                f"image {int(rec['index'])}\ntop-1 {rec['top1_score']:.2f}"
                f"\ntrue {rec['true_score']:.2f}"
            ),
            ax=ax,
            cmap=cmap,
            cell_size=(1.75, 2.35),
            margins=(2.8, 0.9),
        )
        fig.suptitle(
            title
            or f"Wrong at top-1, right at top-{self.k} ("
            + (
                "closest calls first"
                if self.order == "closest"
                else "typical: gaps nearest each row's median"
            )
            + ")\ncaption: image index in the data, top-1 score, true class's score",
            fontsize=P.TITLE_SIZE,
        )
        self.ax_, self.figure_ = axes, fig
        return self


def topk_gallery(
    images, y_true, y_score, *, k=2, labels=None, top=3, n_images=6, order="closest"
):
    """Collect images that top-1 gets wrong and top-k gets right.

    Parameters
    ----------
    images : array-like of shape (n_samples, h, w) or (n_samples, h, w, 3)
    y_true : array-like of shape (n_samples,)
        Class labels.
    y_score : array-like of shape (n_samples, n_classes)
    k : int, default=2
    labels : sequence of str, optional
        Class names.
    top : int, default=3
        How many confusions (rows), the most frequent first.
    n_images : int, default=6
        Images per row.
    order : {"closest", "typical"}, default="closest"
        Which images a row shows: ``"closest"`` the smallest gaps between the
        top-1 score and the true class's score (the closest calls, not typical
        of the row); ``"typical"`` the gaps nearest the row's median gap.

    Returns
    -------
    TopKGallery
        Call ``.plot()`` to draw, ``.to_frame()`` for the examples.
    """
    truth, score = _multiclass(y_true, y_score, "topk_gallery")
    pics = as_array(images, "images")
    if pics.ndim not in (3, 4):
        raise ValueError(
            f"images must have shape (n, height, width) or (n, height, width, 3), "
            f"got {pics.shape}; reshape flat rows with images.reshape(-1, 28, 28)"
        )
    check_same_length(truth, pics, "y_true", "images")
    for name, value in (("top", top), ("n_images", n_images)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
        if value < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")
    check_choice(order, "order", ("closest", "typical"))
    cells = forgiven_confusions(truth, score, k=k, labels=labels).head(top)
    cells = cells.reset_index(drop=True)
    rank = rank_of_true_class(truth, score)
    top1 = _top_1(score)
    rows = np.arange(score.shape[0])
    records = []
    for r, (t, p) in enumerate(zip(cells["true"], cells["top1"], strict=True)):
        idx = np.flatnonzero((truth == t) & (top1 == p) & (rank > 1) & (rank <= k))
        gap = score[idx, p] - score[idx, t]
        key = gap if order == "closest" else np.abs(gap - np.median(gap))
        idx = idx[np.argsort(key, kind="stable")][:n_images]
        for i in idx:
            records.append(
                {
                    "row": r,
                    "index": int(i),
                    "true": cells["true_name"][r],
                    "top1": cells["top1_name"][r],
                    "true_rank": int(rank[i]),
                    "true_score": float(score[rows[i], t]),
                    "top1_score": float(score[rows[i], p]),
                    "gap": float(score[rows[i], p] - score[rows[i], t]),
                }
            )
    columns = [
        "row",
        "index",
        "true",
        "top1",
        "true_rank",
        "true_score",
        "top1_score",
        "gap",
    ]
    examples = pd.DataFrame.from_records(records, columns=columns)
    return TopKGallery(
        pics, cells, examples, k=int(k), n_images=int(n_images), order=order
    )


class LabelGroupsDisplay:
    """Which label groups drive top-k accuracy, macro AUC and micro AUC.

    Build it with :func:`label_groups`.

    Attributes
    ----------
    groups : pandas.DataFrame
        One row per group of labels (most frequent labels first), with
        ``labels`` (how many), ``share_of_labels`` (the group's weight in the
        macro AUC), ``positives`` and ``share_of_positives`` (its weight in the
        micro and weighted AUC), ``mean_auc`` (mean of its labels' own AUCs),
        ``micro_auc_part`` (chance that one of its positives outscores a random
        negative cell of any label) and ``recall_at_k`` (share of its positives
        that appear in their sample's top k).
    totals : pandas.Series
        ``top_k_accuracy``, ``macro_auc``, ``micro_auc``, ``weighted_auc`` of
        the whole problem, from :mod:`evalviz.metrics`.
    k : int
    title : str or None
    ax_ : ndarray of two Axes, figure_ : Figure, set by :meth:`plot`.

    Notes
    -----
    ``macro_auc == sum(share_of_labels * mean_auc)`` and
    ``micro_auc == sum(share_of_positives * micro_auc_part)``: the macro
    average weighs every label the same, so the many rare labels decide it;
    the micro average weighs every positive cell the same, so the few frequent
    labels decide it.
    """

    def __init__(self, groups, totals, *, k, title=None):
        self.groups = groups
        self.totals = totals
        self.k = k
        self.title = title

    def to_frame(self) -> pd.DataFrame:
        return self.groups.copy()

    def plot(self, ax=None, *, title=None):
        """Left: each group's weight in macro vs micro; right: how it scores.

        ``ax`` may be a pair of Axes; by default a new 1 x 2 figure is made.
        Returns self.
        """
        if ax is None:
            fig, axes = P.new_grid(1, 2, figsize=(12.5, 4.6), layout="constrained")
            axes = axes[0]
        else:
            axes = np.asarray(ax, dtype=object).ravel()
            if axes.size != 2:
                raise ValueError(f"ax must be two Axes (a pair), got {axes.size}")
            fig = axes[0].figure
        g = self.groups
        x = np.arange(len(g))
        names = list(g["group"])
        left, right = axes
        bars = [
            ("share_of_labels", "weight in macro AUC (share of labels)", P.PALETTE[0]),
            (
                "share_of_positives",
                "weight in micro AUC (share of positives)",
                P.PALETTE[1],
            ),
        ]
        _grouped_bars(left, x, g, bars, width=0.38, fmt="{:.0%}", fontsize=P.LABEL_SIZE)
        left.set_xticks(x, names)
        left.set_ylim(0, 1.15)
        left.legend(loc="upper left", fontsize=P.TICK_SIZE, frameon=False)
        P.style_axes(left, title="How much each group counts", ylabel="share")
        scores = [
            ("mean_auc", "mean of the labels' own AUCs", P.PALETTE[0]),
            ("micro_auc_part", "its positives vs all negatives (micro)", P.PALETTE[1]),
            ("recall_at_k", f"its positives shown in the top {self.k}", P.PALETTE[2]),
        ]
        _grouped_bars(
            right, x, g, scores, width=0.26, fmt="{:.2f}", fontsize=P.LABEL_SIZE - 1
        )
        right.set_xticks(x, names)
        right.set_ylim(0, 1.3)
        right.legend(loc="upper right", fontsize=P.TICK_SIZE, frameon=False, ncol=1)
        P.style_axes(
            right,
            title="How well each group does",
            ylabel="AUC, or share of positives (0 to 1)",
        )
        fig.suptitle(
            title or self.title or "Which labels drive top-k, macro and micro AUC",
            fontsize=P.TITLE_SIZE,
        )
        self.ax_, self.figure_ = axes, fig
        return self


def label_groups(y_true, y_score, *, k=5, edges=(10, 100), title=None):
    """Split labels by frequency and show what each group does to each metric.

    Parameters
    ----------
    y_true : array-like of shape (n_samples, n_labels)
        Multi-label 0/1 indicator (multi-class labels work too).
    y_score : array-like of shape (n_samples, n_labels)
    k : int, default=5
        The k of top-k accuracy and of each group's recall at k.
    edges : sequence of int, default=(10, 100)
        Group boundaries in frequency rank: with the default, the 10 most
        frequent labels, labels 11-100, and the rest.
    title : str, optional
        Plot title (say "simulated" when the scores are).

    Returns
    -------
    LabelGroupsDisplay
        ``.to_frame()`` for the table, ``.plot()`` for the picture.

    Notes
    -----
    Labels are ranked by their number of positives (ties: lower index first).
    Every label needs a positive and a negative (per-label AUC).
    """
    kind, truth, score = _kind(y_true, y_score)
    if kind == "binary":
        raise ValueError(
            "label_groups needs one score column per label (y_score of shape "
            "(n_samples, n_labels))"
        )
    m = score.shape[1]
    edges = sorted({int(e) for e in edges if 0 < int(e) < m})
    if kind == "multiclass":
        n_pos = np.bincount(truth, minlength=m)
    else:
        n_pos = np.count_nonzero(truth, axis=0)
    per_label_auc = roc_auc(truth, score, average=None)
    micro_part = micro_auc_by_label(truth, score)
    hits = label_hits_at_k(truth, score, k)
    order = np.argsort(-n_pos, kind="stable")
    bounds = [0, *edges, m]
    rows = []
    total_pos = n_pos.sum()
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        idx = order[lo:hi]
        pos = int(n_pos[idx].sum())
        rows.append(
            {
                "group": f"top {hi}" if lo == 0 else f"{lo + 1}-{hi}",
                "labels": hi - lo,
                "share_of_labels": (hi - lo) / m,
                "positives": pos,
                "share_of_positives": pos / total_pos,
                "mean_auc": float(per_label_auc[idx].mean()),
                "micro_auc_part": float(
                    np.average(micro_part[idx], weights=n_pos[idx])
                ),
                "recall_at_k": float(hits[idx].sum() / max(pos, 1)),
            }
        )
    groups = pd.DataFrame(rows)
    totals = pd.Series(
        {
            f"top_{k}_accuracy": top_k_accuracy(truth, score, k),
            "macro_auc": float(per_label_auc.mean()),
            "micro_auc": roc_auc(truth, score, average="micro"),
            "weighted_auc": float(np.average(per_label_auc, weights=n_pos)),
        }
    )
    return LabelGroupsDisplay(groups, totals, k=int(k), title=title)


def _grouped_bars(ax, x, table, series, *, width, fmt, fontsize):
    """Side-by-side bars, one per ``(column, label, color)``, each value printed on top."""
    offset = (len(series) - 1) / 2
    for i, (col, label, color) in enumerate(series):
        pos = x + (i - offset) * width
        ax.bar(pos, table[col], width, color=color, label=label, gid=col)
        for xi, v in zip(pos, table[col], strict=True):
            ax.annotate(
                fmt.format(v),
                (xi, v),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                fontsize=fontsize,
            )
