"""``explain``: what each headline metric answers, and why they disagree.

``evalviz.explain(y_true, y_score)`` computes accuracy, macro precision /
recall / F1, one-vs-rest ROC AUC (macro and micro), average precision and
top-k accuracy, marks each as decision-based or ranking-based, and writes
plain-language reasons, found in the data, for where they disagree. The
result renders as Markdown in Jupyter and as text in a terminal; the numbers
are available as DataFrames.

Every metric comes from :mod:`evalviz.metrics`. The only statistic computed
here is, for each positive sample, the share of negatives it outscores (its
contribution to the AUC), which the reasons quote.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import metrics
from ._plotting import format_area
from ._validation import check_class_names, check_k, check_threshold, target_kind

__all__ = ["explain", "Explanation"]

# A positive "ranks above most negatives" when it outscores this share of them.
_HIGH = 0.9

_GLOSSARY = {
    "score": "the number the model gives each class for a sample (for example a "
    "softmax probability); higher means 'more likely this class'.",
    "decision-based": "needs a rule that turns scores into predictions: the argmax "
    "(predict the class with the highest score) or a threshold (predict 'yes' when "
    "the score is at least t). Change the rule and the number changes.",
    "ranking-based": "uses only the order of the scores, never a threshold, so it "
    "stays the same whatever rule you later pick.",
    "one vs the rest": "to judge one class, its samples are the positives and the "
    "samples of every other class are the negatives.",
    "precision": "of the samples predicted as a class, the share that truly belong "
    "to it.",
    "recall (true positive rate)": "of the samples of a class, the share predicted "
    "as that class.",
    "F1": "the harmonic mean of precision and recall; high only when both are high.",
    "false positive rate": "of the negatives, the share wrongly predicted as the "
    "class; the x-axis of a ROC curve.",
    "ROC AUC": "the chance that a random positive gets a higher score than a random "
    "negative (ties count one half); 0.5 is random ranking, 1.0 is perfect.",
    "average precision (AP)": "sort the samples by score and read the precision at "
    "each position where a positive appears; AP is the mean of those precisions: "
    "a step-wise sum over the precision-recall curve (each recall step times the "
    "precision reached there), not the area under a line drawn through its "
    "points. Random ranking gets the class's share of samples, not 0.5.",
    "macro / micro": "macro computes the metric for each class and averages, every "
    "class counting the same; micro pools all (sample, class) cells first, so "
    "frequent classes and cells weigh more.",
    "top-k accuracy": "the share of samples whose true class (or one of their true "
    "labels) is among the k highest-scored classes.",
}


def _share_beaten(pos: np.ndarray, neg: np.ndarray) -> np.ndarray:
    """For each positive score: share of negative scores below it (ties half)."""
    neg = np.sort(neg)
    below = np.searchsorted(neg, pos, side="left")
    not_above = np.searchsorted(neg, pos, side="right")
    return (below + not_above) / (2.0 * neg.size)


def _fmt(x, digits=3) -> str:
    if isinstance(x, (int, np.integer)):
        return f"{int(x):,}"
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return "n/a"
    return format_area(x, digits)  # 0.9996 is not printed as 1.000


def _md_table(frame: pd.DataFrame) -> str:
    cols = [str(c) for c in frame.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in frame.itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return "\n".join(lines)


def _text_table(frame: pd.DataFrame) -> str:
    cols = [str(c) for c in frame.columns]
    rows = [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(cols)]
    out = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    for r in rows:
        out.append("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)))
    return "\n".join(out)


def _cell(v) -> str:
    if isinstance(v, (float, np.floating)):
        return _fmt(float(v))
    if isinstance(v, (int, np.integer)):
        return _fmt(int(v))
    return str(v)


class Explanation:
    """What each metric answers for these predictions, and why they disagree.

    Returned by :func:`explain`. Displays as Markdown in Jupyter; ``print()``
    gives the same content as plain text.

    Attributes
    ----------
    kind : {"binary", "multiclass", "multilabel"}
    numbers : dict
        Every headline number by name.
    reasons : list of (title, text)
        The data-driven reasons, in the order shown.
    per_class : pandas.DataFrame
        Per class: support, precision, recall, F1, ROC AUC, AP and the share
        of its positives that outscore at least 90% of its negatives.
    notes : list of str
        Anything left out (for example classes without positives).
    """

    def __init__(self, kind, table, per_class, reasons, numbers, header, notes):
        self.kind = kind
        self._table = table
        self.per_class = per_class
        self.reasons = reasons
        self.numbers = numbers
        self._header = header
        self.notes = notes

    def to_frame(self) -> pd.DataFrame:
        """One row per metric: value, decision- or ranking-based, what it answers."""
        return self._table.set_index("metric")

    def _per_class_shown(self):
        frame = self.per_class.reset_index()
        caption = None
        if len(frame) > 12:
            frame = frame.sort_values("recall", kind="stable").head(10)
            caption = (
                f"The 10 of {len(self.per_class):,} classes with the lowest recall "
                "(all of them: `.per_class`)."
            )
        return frame, caption

    def _repr_markdown_(self) -> str:
        parts = [
            f"### What the numbers say\n\n{self._header}\n",
            _md_table(self._table),
        ]
        parts.append("\n### Why they disagree\n")
        for i, (title, text) in enumerate(self.reasons, 1):
            parts.append(f"{i}. **{title}** {text}")
        if self.per_class is not None and len(self.per_class) > 1:
            frame, caption = self._per_class_shown()
            parts.append("\n### Per class\n")
            if caption:
                parts.append(caption + "\n")
            parts.append(_md_table(frame))
        if self.notes:
            parts.append("\n" + "\n".join(f"*Note: {n}*" for n in self.notes))
        parts.append("\n### Words used\n")
        parts.extend(f"- **{k}**: {v}" for k, v in _GLOSSARY.items())
        return "\n".join(parts) + "\n"

    def __str__(self) -> str:
        import textwrap

        wrap = textwrap.TextWrapper(width=88, subsequent_indent="   ")
        parts = ["WHAT THE NUMBERS SAY", textwrap.fill(self._header, 88), ""]
        parts.append(_text_table(self._table[["metric", "value", "kind"]]))
        parts += ["", "What each number answers:"]
        for row in self._table.itertuples(index=False):
            parts.append(
                textwrap.fill(f"- {row[0]}: {row[3]}", 88, subsequent_indent="  ")
            )
        parts += ["", "WHY THEY DISAGREE"]
        for i, (title, text) in enumerate(self.reasons, 1):
            plain = f"{i}. {title} {text}".replace("**", "")
            parts.append(wrap.fill(plain))
        if self.per_class is not None and len(self.per_class) > 1:
            frame, caption = self._per_class_shown()
            parts += ["", "PER CLASS"]
            if caption:
                parts.append(caption.replace("`", ""))
            parts.append(_text_table(frame))
        if self.notes:
            parts += [""] + [textwrap.fill("Note: " + n, 88) for n in self.notes]
        parts += ["", "WORDS USED"]
        for k, v in _GLOSSARY.items():
            parts.append(textwrap.fill(f"- {k}: {v}", 88, subsequent_indent="  "))
        return "\n".join(parts)

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k}={format_area(v)}"
            for k, v in self.numbers.items()
            if isinstance(v, float)
        )
        return f"Explanation({shown})"


# ---------------------------------------------------------------- the numbers


def _metric_rows(rows):
    return pd.DataFrame(rows, columns=["metric", "value", "kind", "what it answers"])


def explain(y_true, y_score, *, labels=None, k=None, threshold=0.5):
    """Explain what accuracy, precision, recall, AUC, AP and top-k say here.

    Parameters
    ----------
    y_true : array-like
        Class indices of shape (n,) (multi-class), 0/1 labels of shape (n,)
        (binary) or a 0/1 indicator matrix of shape (n, k) (multi-label).
    y_score : array-like
        Shape (n, k), one score per class (softmax or sigmoid outputs, or
        logits), or shape (n,) for binary input.
    labels : list of str, optional
        Class names in column order.
    k : int, optional
        The k of top-k accuracy. Default: 2 with up to 10 classes, else 5.
    threshold : float, default 0.5
        The decision rule for binary and multi-label input (``score >=
        threshold`` means "yes"). Multi-class input uses the argmax.

    Returns
    -------
    Explanation
        Renders as Markdown in Jupyter, as text with ``print()``;
        ``.to_frame()`` and ``.per_class`` hold the numbers.

    Notes
    -----
    Decision-based metrics (accuracy, precision, recall, F1) judge the argmax
    for multi-class input and ``score >= threshold`` otherwise (multi-label
    accuracy is exact match: every label right). Ranking-based metrics (ROC
    AUC, AP) are one vs the rest over all thresholds; top-k ranks the classes
    within each sample. Macro averages weigh every class the same. Classes
    with no positive (or no negative) sample are left out of AUC and AP, and
    a note says so.
    """
    kind, truth, score = target_kind(y_true, y_score)
    if kind == "binary":
        return _explain_binary(truth, score, labels, check_threshold(threshold))
    n_classes = score.shape[1]
    names = check_class_names(labels, n_classes)
    if k is None:
        k = 2 if n_classes <= 10 else 5
    k = check_k(k, n_classes)
    if kind == "multiclass":
        Y = (truth[:, None] == np.arange(n_classes)[None, :]).astype(np.int8)
    else:
        Y = truth
    return _explain_multi(kind, truth, Y, score, names, k, check_threshold(threshold))


def _ranking_numbers(Y, S, names):
    """Per-class AUC / AP and the share of positives above 90% of negatives."""
    n_pos = Y.sum(axis=0).astype(np.int64)
    n_neg = Y.shape[0] - n_pos
    keep = (n_pos > 0) & (n_neg > 0)
    notes = []
    if not keep.all():
        left = [names[j] for j in np.flatnonzero(~keep)]
        shown = ", ".join(left[:5]) + (" ..." if len(left) > 5 else "")
        notes.append(
            f"{len(left)} class(es) have no positive or no negative sample and are "
            f"left out of ROC AUC and AP: {shown}."
        )
    auc = np.full(len(names), np.nan)
    ap = np.full(len(names), np.nan)
    Yk, Sk = (Y, S) if keep.all() else (Y[:, keep], S[:, keep])
    auc[keep] = metrics.roc_auc(Yk, Sk, average=None)
    ap[keep] = metrics.average_precision(Yk, Sk, average=None)
    # macro = the plain mean of the per-class values (the metrics' definition)
    areas = {
        "auc_macro": float(np.mean(auc[keep])),
        "auc_micro": float(metrics.roc_auc(Yk, Sk, average="micro")),
        "ap_macro": float(np.mean(ap[keep])),
    }
    # Transpose blocks of 64 columns so each class's scores are contiguous:
    # much faster than strided column slicing with thousands of classes.
    beaten = {}
    for start in range(0, S.shape[1], 64):
        YT = np.ascontiguousarray(Y[:, start : start + 64].T, dtype=bool)
        ST = np.ascontiguousarray(S[:, start : start + 64].T)
        for j in np.flatnonzero(keep[start : start + 64]):
            col, scores = YT[j], ST[j]
            beaten[start + j] = _share_beaten(scores[col], scores[~col])
    return auc, ap, areas, beaten, keep, notes


def _explain_multi(kind, truth, Y, S, names, k, threshold):
    n, n_classes = S.shape
    auc, ap, areas, beaten, keep, notes = _ranking_numbers(Y, S, names)
    n_pos = Y.sum(axis=0).astype(np.int64)
    n_neg = n - n_pos
    high = np.array(
        [
            np.mean(beaten[j] >= _HIGH) if j in beaten else np.nan
            for j in range(n_classes)
        ]
    )
    if kind == "multiclass":
        y_pred = S.argmax(axis=1)
        cm = metrics.confusion_matrix(truth, y_pred, n_classes=n_classes)
        precision, recall, f1, _ = metrics.precision_recall_f1(
            truth, y_pred, n_classes=n_classes
        )
        tp = np.diag(cm).astype(np.int64)
        fp = cm.sum(axis=0) - tp
        accuracy = float(metrics.accuracy(truth, y_pred))
        rule = "decision (argmax)"
        acc_text = "Share of samples whose highest-scored class is the true class."
        decided = y_pred[:, None] == np.arange(n_classes)[None, :]
    else:
        # multi-label: element-wise decisions score >= threshold (vectorised counts)
        decided = S >= threshold
        tp = (decided & (Y == 1)).sum(axis=0).astype(np.int64)
        fp = (decided & (Y == 0)).sum(axis=0).astype(np.int64)
        fn = n_pos - tp
        with np.errstate(divide="ignore", invalid="ignore"):
            precision = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 0.0)
            recall = np.where(n_pos > 0, tp / np.maximum(n_pos, 1), 0.0)
            f1 = np.where(
                2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0
            )
        accuracy = float(np.mean((decided == (Y == 1)).all(axis=1)))
        rule = f"decision (score >= {threshold:g})"
        acc_text = (
            "Share of samples whose every label is decided right (exact match; "
            "scikit-learn's accuracy_score)."
        )
    macro_p, macro_r, macro_f1 = (float(np.mean(v)) for v in (precision, recall, f1))
    topk = float(metrics.top_k_accuracy(truth, S, k))
    per_class = pd.DataFrame(
        {
            "class": names,
            "support": n_pos,
            "precision": precision,
            "recall": recall,
            "F1": f1,
            "ROC AUC": auc,
            "AP": ap,
            f"positives above {_HIGH:.0%} of negatives": high,
        }
    ).set_index("class")
    numbers = {
        "accuracy": accuracy,
        "macro precision": macro_p,
        "macro recall": macro_r,
        "macro F1": macro_f1,
        "ROC AUC macro": areas["auc_macro"],
        "ROC AUC micro": areas["auc_micro"],
        "AP macro": areas["ap_macro"],
        f"top-{k} accuracy": topk,
    }
    table = _metric_rows(
        [
            ("accuracy", accuracy, rule, acc_text),
            (
                "macro precision",
                macro_p,
                rule,
                "For each class: of the samples predicted as it, the share that "
                "truly are; averaged over classes.",
            ),
            (
                "macro recall",
                macro_r,
                rule,
                "For each class: of its samples, the share predicted as it; "
                "averaged over classes.",
            ),
            (
                "macro F1",
                macro_f1,
                rule,
                "Per class, the harmonic mean of precision and recall; averaged.",
            ),
            (
                "ROC AUC, macro (one vs rest)",
                areas["auc_macro"],
                "ranking (no threshold)",
                "For each class: the chance that one of its samples scores higher "
                "for it than a sample of another class; averaged over classes.",
            ),
            (
                "ROC AUC, micro",
                areas["auc_micro"],
                "ranking (no threshold)",
                "The same chance with all (sample, class) cells pooled: a true-class "
                "cell against a wrong-class cell.",
            ),
            (
                "average precision, macro",
                areas["ap_macro"],
                "ranking (no threshold)",
                "For each class: precision averaged over the positions of its "
                "samples when all samples are sorted by score; averaged over classes.",
            ),
            (
                f"top-{k} accuracy",
                topk,
                "ranking within each sample",
                f"Share of samples with a true class among their {k} highest scores.",
            ),
        ]
    )
    header = (
        f"{n:,} samples, {n_classes} classes ({kind.replace('multi', 'multi-')}). "
        "Decision-based numbers judge one prediction per sample; ranking-based "
        "numbers judge only the order of the scores."
    )
    reasons = []
    n_err = int(n - round(accuracy * n)) if kind == "multiclass" else None
    # 1. decisions vs rankings
    if kind == "multiclass":
        text = (
            f"Accuracy ({format_area(accuracy)}) and macro precision/recall/F1 judge one "
            "decision per sample: the argmax, the class with the highest score. "
            f"ROC AUC ({format_area(areas['auc_macro'])}, macro) and average precision "
            f"({format_area(areas['ap_macro'])}) judge only the order of the scores, over "
            f"every possible threshold. {n_err:,} of the {n:,} samples are argmax "
            "errors, but AUC does not count errors: it counts pairs (a sample of "
            "the class, a sample of another class) whose scores are in the wrong "
            f"order, and for the average class that is only "
            f"{1 - areas['auc_macro']:.1%} of all such pairs."
        )
    else:
        text = (
            f"Exact-match accuracy ({format_area(accuracy)}) and macro precision/recall/F1 "
            f"judge yes/no decisions at score >= {threshold:g}; ROC AUC "
            f"({format_area(areas['auc_macro'])}, macro) and average precision "
            f"({format_area(areas['ap_macro'])}) judge only the order of each label's "
            "scores over every threshold, so a threshold that suits no label can "
            "ruin the first group and leave the second untouched."
        )
    reasons.append(("Decisions versus rankings.", text))
    # 2. lowest recall, high AUC
    valid = np.flatnonzero(keep)
    c = int(valid[np.argmin(recall[valid])])
    b = beaten[c]
    pos_idx = np.flatnonzero(Y[:, c] == 1)
    missed = ~decided[pos_idx, c]
    text = (
        f"**{names[c]}** has the lowest recall, {format_area(recall[c])}: only {tp[c]:,} of "
        f"its {n_pos[c]:,} samples are predicted as {names[c]}. Yet its ROC AUC is "
        f"{format_area(auc[c])}. On the {names[c]} score alone, {int(np.sum(b >= _HIGH)):,} of "
        f"those {n_pos[c]:,} samples ({np.mean(b >= _HIGH):.0%}) score higher than "
        f"{_HIGH:.0%} of the {n_neg[c]:,} samples without {names[c]}, and so do "
        f"{int(np.sum(b[missed] >= _HIGH)):,} of the {int(missed.sum()):,} that "
        "were missed."
    )
    if kind == "multiclass":
        lost = cm[c].copy()
        lost[c] = 0
        order = [j for j in np.argsort(-lost, kind="stable")[:2] if lost[j] > 0]
        if order:
            where = " and ".join(f"{names[j]} ({int(lost[j]):,})" for j in order)
            text += (
                f" The missed ones lost the argmax to another class in their own "
                f"row, most often {where}, but in the {names[c]} column they still "
                "rank above nearly every sample of the other classes."
            )
    text += (
        f" Averaged over the {names[c]} samples, the share of other samples each one "
        f"outscores is exactly the AUC ({format_area(auc[c])})."
    )
    reasons.append(("Low recall, high AUC.", text))
    # 3. one vs the rest imbalance, lowest precision
    d = int(valid[np.argmin(precision[valid])])
    fpr_d = fp[d] / n_neg[d]
    predicted = tp[d] + fp[d]
    share_fp = fp[d] / predicted if predicted else float("nan")
    text = (
        f"One vs the rest turns each class into a problem of {n_pos[d]:,} positives "
        f"against {n_neg[d]:,} negatives (about 1 : {n_neg[d] / max(n_pos[d], 1):.0f} "
        f"for **{names[d]}**). {names[d]} has the lowest precision, {format_area(precision[d])}: "
        f"{fp[d]:,} samples of other classes were predicted as {names[d]}. On its ROC "
        f"curve those {fp[d]:,} are a false positive rate of only {fpr_d:.4f} "
        f"({fp[d]:,} / {n_neg[d]:,}), a small step along the x-axis; for precision "
        f"they are {share_fp:.0%} of everything predicted as {names[d]}."
    )
    reasons.append(("Many easy negatives.", text))
    # 4. AP vs AUC
    e = int(valid[np.nanargmin(ap[valid])])
    prevalence = n_pos[e] / n
    text = (
        f"Average precision (macro {format_area(areas['ap_macro'])}) is "
        f"{'below' if areas['ap_macro'] < areas['auc_macro'] else 'not below'} "
        f"ROC AUC (macro {format_area(areas['auc_macro'])}): precision divides by what was "
        "predicted positive, not by the large pool of negatives, so the same "
        f"false positives weigh more. Lowest AP: **{names[e]}**, {format_area(ap[e])} (its AUC "
        f"is {format_area(auc[e])}). A model that ranks at random gets an AP equal to the "
        f"class's share of samples ({format_area(prevalence)} here), not 0.5."
    )
    reasons.append(("The precision-recall view.", text))
    # 5. micro vs macro
    lo, hi = int(valid[np.nanargmin(auc[valid])]), int(valid[np.nanargmax(auc[valid])])
    cells = n * int(keep.sum())
    balanced = np.all(n_pos[keep] == n_pos[keep][0])
    text = (
        f"Micro AUC ({format_area(areas['auc_micro'])}) pools all {cells:,} (sample, class) "
        f"cells, {int(n_pos[keep].sum()):,} positive and {int(n_neg[keep].sum()):,} "
        "negative, so it also compares one class's scores with another's"
        + (
            "; the classes are equally frequent, so that is the whole difference"
            if balanced
            else " and weighs frequent classes more"
        )
        + f". Macro AUC ({format_area(areas['auc_macro'])}) averages the "
        f"{int(keep.sum())} per-class AUCs, each counting the same. The per-class "
        f"AUCs range from {format_area(auc[lo])} ({names[lo]}) to {format_area(auc[hi])} ({names[hi]})."
    )
    reasons.append(("Micro versus macro.", text))
    # 6. top-k versus AUC
    hits = _topk_hits(kind, truth, Y, S, k)
    reasons.append(
        (
            "Top-k versus AUC.",
            _topk_reason(kind, truth, S, k, topk, accuracy, beaten, hits),
        )
    )
    # 7. with many classes: which classes drive each number
    if int(keep.sum()) >= 20:
        reasons.append(
            (
                "Which classes drive each number.",
                _frequency_reason(names, n_pos, keep, auc, areas, k, hits),
            )
        )
    numbers["lowest recall class"] = names[c]
    numbers["lowest recall"] = float(recall[c])
    numbers["AUC of lowest recall class"] = float(auc[c])
    return Explanation(kind, table, per_class, reasons, numbers, header, notes)


def _topk_hits(kind, truth, Y, S, k):
    """Top-k hit per sample, and the true class credited with the hit (-1: miss)."""
    if kind == "multiclass":
        rank = metrics.rank_of_true_class(truth, S)
        hit = rank <= k
        return hit, np.where(hit, truth, -1), rank
    top = np.argpartition(-S, k - 1, axis=1)[:, :k]
    top_scores = np.take_along_axis(S, top, axis=1)
    top = np.take_along_axis(top, np.argsort(-top_scores, axis=1, kind="stable"), 1)
    is_true = np.take_along_axis(Y, top, axis=1).astype(bool)
    hit = is_true.any(axis=1)
    first = top[np.arange(top.shape[0]), is_true.argmax(axis=1)]
    return hit, np.where(hit, first, -1), None


def _topk_reason(kind, truth, S, k, topk, accuracy, beaten, hits):
    """Plain words for top-k, with counts of samples where it and AUC disagree."""
    hit, _, rank = hits
    base = (
        f"Top-{k} accuracy ({format_area(topk)}) answers another question: for each sample, "
        f"is a true class among its {k} highest scores? It compares the classes "
        "within one sample (a row of y_score); AUC compares samples within one "
        "class (a column)."
    )
    n = S.shape[0]
    share = np.zeros(n)
    if kind == "multiclass":
        errors = int(np.sum(rank > 1))
        rescued = int(np.sum((rank > 1) & hit))
        for j, b in beaten.items():
            share[truth == j] = b
        base += (
            f" Top-1 is the accuracy ({format_area(accuracy)}); the extra "
            f"{'guess rescues' if k == 2 else 'guesses rescue'} "
            f"{f'{rescued:,}' if rescued else 'none'} of the {errors:,} argmax errors."
        )
    else:
        # a sample counts as well ranked when its best true label is
        for j, b in beaten.items():
            rows = np.flatnonzero(truth[:, j] == 1)
            share[rows] = np.maximum(share[rows], b)
    miss_but_high = int(np.sum(~hit & (share >= _HIGH)))
    hit_but_low = int(np.sum(hit & (share < 0.5)))
    return (
        base
        + " "
        + _disagreement_counts(k, miss_but_high, hit_but_low)
        + " Neither number promises a threshold with high precision and recall, "
        "nor scores that are calibrated probabilities."
    )


def _disagreement_counts(k: int, miss_but_high: int, hit_but_low: int) -> str:
    """The two ways top-k and AUC disagree, with counts of zero said in words."""

    def miss(n):
        one = n == 1
        return (
            f"{n:,} {'sample misses' if one else 'samples miss'} the top {k} although "
            f"{'its' if one else 'their'} true-class score beats at least "
            f"{_HIGH:.0%} of the other samples in that class's column (fine for "
            f"AUC, a miss for top-{k})"
        )

    def low(n):
        one = n == 1
        return (
            f"{n:,} {'sample is a' if one else 'samples are'} top-{k} "
            f"{'hit' if one else 'hits'} although {'its' if one else 'their'} "
            "true-class score beats fewer than half of the other samples in that "
            "column (a hit for "
            f"top-{k}, poor ranking for AUC)"
        )

    no_miss = (
        f"no sample misses the top {k} while its true-class score beats at least "
        f"{_HIGH:.0%} of its class's column"
    )
    no_low = (
        f"no top-{k} hit has a true-class score that beats fewer than half of the "
        "other samples in its class's column"
    )
    if miss_but_high and hit_but_low:
        return (
            f"Both can look good and still disagree: {miss(miss_but_high)}, and "
            f"{low(hit_but_low)}."
        )
    if miss_but_high:
        return (
            f"Both can look good and still disagree: {miss(miss_but_high)}. The "
            f"opposite does not occur here: {no_low}."
        )
    if hit_but_low:
        return (
            f"Both can look good and still disagree: {low(hit_but_low)}. The "
            f"opposite does not occur here: {no_miss}."
        )
    return f"Here they never disagree that sharply: {no_miss}, and {no_low}."


def _frequency_reason(names, n_pos, keep, auc, areas, k, hits):
    """Which classes drive top-k (frequent ones) and macro AUC (all equally)."""
    _, credited, _ = hits
    valid = np.flatnonzero(keep)
    by_freq = valid[np.argsort(-n_pos[valid], kind="stable")]
    m = max(1, int(np.ceil(0.1 * valid.size)))
    frequent = by_freq[:m]
    rare = by_freq[valid.size // 2 :]
    pos_share = n_pos[frequent].sum() / max(n_pos[valid].sum(), 1)
    credited = credited[credited >= 0]
    hit_share = np.isin(credited, frequent).mean() if credited.size else float("nan")
    return (
        f"The {m} most frequent classes (10% of {valid.size}) hold {pos_share:.0%} of "
        f"all positives and earn {hit_share:.0%} of the top-{k} hits, so top-{k} "
        "mostly reports on them. Macro AUC gives each class the same weight: mean AUC "
        f"{format_area(np.mean(auc[frequent]))} over those frequent classes, "
        f"{format_area(np.mean(auc[rare]))} over the rarer half ({rare.size} classes with at "
        f"most {int(n_pos[rare].max()):,} positives each). Micro AUC "
        f"({format_area(areas['auc_micro'])}) pools all cells, so it leans on the frequent "
        "classes too."
    )


def _explain_binary(truth, score, labels, threshold):
    names = [str(x) for x in labels] if labels is not None else ["negative", "positive"]
    name = names[-1]
    counts = metrics.counts_at_thresholds(truth, score, [threshold]).iloc[0]
    tp, fp, fn, tn = (int(counts[c]) for c in ("tp", "fp", "fn", "tn"))
    n = truth.size
    n_pos, n_neg = tp + fn, fp + tn
    accuracy = (tp + tn) / n
    auc = float(metrics.roc_auc(truth, score))
    ap = float(metrics.average_precision(truth, score))
    rule = f"decision (score >= {threshold:g})"
    table = _metric_rows(
        [
            ("accuracy", accuracy, rule, "Share of samples decided right."),
            (
                "precision",
                float(counts["precision"]),
                rule,
                f"Of the samples predicted {name}, the share that truly are.",
            ),
            (
                "recall",
                float(counts["recall"]),
                rule,
                f"Of the {name} samples, the share predicted {name}.",
            ),
            ("F1", float(counts["f1"]), rule, "Harmonic mean of precision and recall."),
            (
                "ROC AUC",
                auc,
                "ranking (no threshold)",
                f"The chance that a {name} sample scores higher than a sample without it.",
            ),
            (
                "average precision",
                ap,
                "ranking (no threshold)",
                "Precision averaged over the positions of the positives, sorted by score.",
            ),
        ]
    )
    b = _share_beaten(score[truth == 1], score[truth == 0])
    missed = score[truth == 1] < threshold
    reasons = [
        (
            "Decisions versus rankings.",
            f"Accuracy ({format_area(accuracy)}), precision and recall judge the rule score >= "
            f"{threshold:g}; ROC AUC ({format_area(auc)}) and average precision ({format_area(ap)}) judge "
            "only the order of the scores over every threshold.",
        ),
        (
            "Missed, yet ranked high.",
            f"{fn:,} of the {n_pos:,} {name} samples fall below the threshold, but "
            f"{int(np.sum(b[missed] >= _HIGH)):,} of them still score higher than "
            f"{_HIGH:.0%} of the {n_neg:,} others; moving the threshold, not the "
            "ranking, would recover them. Averaged over the positives, the share of "
            f"negatives each outscores is exactly the AUC ({format_area(auc)}).",
        ),
        (
            "The precision-recall view.",
            f"With {n_pos:,} positives and {n_neg:,} negatives, the {fp:,} false "
            f"positives are a false positive rate of {fp / max(n_neg, 1):.4f} on the "
            f"ROC curve but {fp / max(tp + fp, 1):.0%} of the predicted positives. "
            f"Random ranking would give an AP of {format_area(n_pos / n)} (the share of "
            "positives), not 0.5.",
        ),
    ]
    numbers = {
        "accuracy": accuracy,
        "precision": float(counts["precision"]),
        "recall": float(counts["recall"]),
        "F1": float(counts["f1"]),
        "ROC AUC": auc,
        "AP": ap,
    }
    header = (
        f"{n:,} samples, binary ({name} vs the rest). Decision-based numbers judge "
        "one prediction per sample; ranking-based numbers judge only the order of "
        "the scores."
    )
    return Explanation("binary", table, None, reasons, numbers, header, [])
