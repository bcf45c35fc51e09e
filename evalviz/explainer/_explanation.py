"""``explain`` and ``Explanation``: the numbers, the table and the renderings.

``evalviz.explain(y_true, y_score)`` reports accuracy, macro precision /
recall / F1, one-vs-rest ROC AUC (macro and micro), average precision and
top-k accuracy, marks each as decision-based or ranking-based, and writes
plain-language reasons, found in the data, for where they disagree. The
result renders as Markdown in Jupyter and as text with ``print``; every
number it shows is in ``.to_frame()`` (per class: ``.per_class``).

Nothing is computed here: the inputs are read by the one input model
(``evalviz._validation.read_inputs``) and every number comes from
:mod:`evalviz.metrics` (``class_summary``, ``binary_summary``,
``top_k_summary``, ``frequency_summary``). This module chooses which numbers
to quote and writes them through ``evalviz._format``.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np

from .. import metrics
from .._format import format_area, format_count, format_percent, format_rate, plural
from .._validation import check_k, check_threshold, read_inputs
from ..glossary import glossary
from ._noise import noise_reason
from ._text import (
    COUNT,
    HIGH,
    SHARE,
    _ap_reason,
    _binary_pr_reason,
    _cap,
    _decisions_reason,
    _frequency_reason,
    _micro_reason,
    _missed_reason,
    _names_list,
    _negatives_reason,
    _num,
    _recall_reason,
    _Sheet,
    _spoken,
    _topk_reason,
    _verb,
)

__all__ = ["explain", "Explanation"]

_RANKING = "ranking (no threshold)"

# The "Words used" list: these terms of the course's glossary, in this order.
_WORDS = (
    "score",
    "decision-based",
    "ranking-based",
    "one-vs-rest",
    "prevalence",
    "precision",
    "recall",
    "F1",
    "false-positive rate",
    "ROC AUC",
    "average precision",
    "macro average",
    "micro average",
    "top-k accuracy",
)


def _words_used():
    """``(term, meaning)`` of the words the explanation uses."""
    return glossary(_WORDS).items()


# ------------------------------------------------------------------ tables


def _md_table(frame) -> str:
    cols = [str(c) for c in frame.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in frame.itertuples(index=False):
        lines.append("| " + " | ".join(_num(v) for v in row) + " |")
    return "\n".join(lines)


def _text_table(frame) -> str:
    cols = [str(c) for c in frame.columns]
    rows = [[_num(v) for v in row] for row in frame.itertuples(index=False)]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(cols)]
    out = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    for r in rows:
        out.append("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)))
    return "\n".join(out)


class Explanation:
    """What each metric answers for these predictions, and why they disagree.

    Returned by :func:`explain`. Displays as Markdown in Jupyter; ``print()``
    gives the same content as plain text; ``repr()`` is a one-line summary.

    Parameters
    ----------
    kind : {"binary", "multiclass", "multilabel"}
        The kind of problem.
    table : pandas.DataFrame
        One row per number shown: columns ``metric``, ``value``, ``kind``
        (``decision ...``, ``ranking ...``, ``count`` or ``share``), ``class``
        and ``what it answers``.
    per_class : pandas.DataFrame or None
        Per class: support, precision, recall, F1, ROC AUC, AP and the share of
        its positives above 90% of its negatives (None for binary input).
    reasons : list of (str, str)
        The data-driven reasons ``(title, text)``, in the order shown.
    header : str
        The opening sentence(s).
    notes : list of str
        What is undefined or left out, and why.

    Attributes
    ----------
    numbers : dict
        Every number of ``to_frame()`` by its ``metric`` name.

    Examples
    --------
    >>> import evalviz as ev
    >>> e = ev.explain([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8])
    >>> e
    Explanation(binary, 4 samples: accuracy=0.500, precision=0.500, recall=0.500, \
F1=0.500, ROC AUC=0.750, average precision=0.833)
    >>> int(e.to_frame().loc["false positives", "value"])
    1
    """

    def __init__(self, kind, table, per_class, reasons, header, notes):
        self.kind = kind
        self._table = table
        self.per_class = per_class
        self.reasons = reasons
        self._header = header
        self.notes = notes
        self.numbers = dict(zip(table["metric"], table["value"], strict=True))

    def to_frame(self):
        """Every number shown, one row each, indexed by its name.

        Returns
        -------
        pandas.DataFrame
            Indexed by ``metric``; columns ``value``, ``kind`` (``decision
            ...`` or ``ranking ...`` for the headline metrics, ``count`` or
            ``share`` for the numbers the reasons quote), ``class`` (the class
            a number is about, else empty) and ``what it answers``.
        """
        return self._table.set_index("metric")

    def _headline(self):
        return self._table[~self._table["kind"].isin([COUNT, SHARE])]

    def _per_class_shown(self):
        frame = self.per_class.reset_index()
        caption = None
        if len(frame) > 12:
            frame = frame.sort_values("recall", kind="stable").head(10)
            caption = (
                f"The 10 of {plural(len(self.per_class), 'class', 'classes')} with "
                "the lowest recall (all of them: `.per_class`)."
            )
        return frame, caption

    def _repr_markdown_(self) -> str:
        head = self._headline()
        parts = [
            f"### What the numbers say\n\n{self._header}\n",
            _md_table(head.drop(columns="class")),
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
        parts.extend(f"- **{k}**: {v}" for k, v in _words_used())
        return "\n".join(parts) + "\n"

    def __str__(self) -> str:
        wrap = textwrap.TextWrapper(width=88, subsequent_indent="   ")
        head = self._headline()
        parts = ["WHAT THE NUMBERS SAY", textwrap.fill(self._header, 88), ""]
        parts.append(_text_table(head[["metric", "value", "kind"]]))
        parts += ["", "What each number answers:"]
        for name, answer in zip(head["metric"], head["what it answers"], strict=True):
            parts.append(
                textwrap.fill(f"- {name}: {answer}", 88, subsequent_indent="  ")
            )
        parts += ["", "WHY THEY DISAGREE"]
        for i, (title, text) in enumerate(self.reasons, 1):
            parts.append(wrap.fill(f"{i}. {title} {text}".replace("**", "")))
        if self.per_class is not None and len(self.per_class) > 1:
            frame, caption = self._per_class_shown()
            parts += ["", "PER CLASS"]
            if caption:
                parts.append(caption.replace("`", ""))
            parts.append(_text_table(frame))
        if self.notes:
            parts += [""] + [textwrap.fill("Note: " + n, 88) for n in self.notes]
        parts += ["", "WORDS USED"]
        for k, v in _words_used():
            parts.append(textwrap.fill(f"- {k}: {v}", 88, subsequent_indent="  "))
        return "\n".join(parts)

    def __repr__(self) -> str:
        head = self._headline()
        shown = ", ".join(
            f"{name}={_num(float(v))}"
            for name, v in zip(head["metric"], head["value"], strict=True)
        )
        n = self.numbers.get("samples", 0)
        return f"Explanation({self.kind}, {plural(n, 'sample')}: {shown})"


# ------------------------------------------------------------------ entry point


def explain(
    y_true,
    y_score,
    *,
    labels=None,
    display_labels=None,
    pos_label=None,
    k=None,
    threshold=0.5,
):
    """Explain what accuracy, precision, recall, AUC, AP and top-k say here.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_labels)
        Class labels of any sortable type (ints, bools, strings), or a 0/1
        indicator matrix for a multi-label problem.
    y_score : array-like of shape (n_samples,) or (n_samples, n_classes)
        Binary: the positive class's score, or ``predict_proba``'s two
        columns. Otherwise one column per class, in the order of ``labels``
        (default: the sorted class values); multi-class rows must be
        probabilities (softmax outputs), since AUC and AP compare one class's
        scores across samples.
    labels : array-like, optional
        The class values, in column order (scikit-learn's meaning). When
        given, every listed class counts in the macro averages, present or
        not. For one release a list of names that are not class values is
        read as ``display_labels`` with a ``DeprecationWarning``.
    display_labels : sequence of str, optional
        Names shown for the classes (default: the class values).
    pos_label : object, optional
        The positive class of a binary problem; needed unless the labels are
        {0, 1}, {-1, 1} or {False, True}.
    k : int, optional
        The k of top-k accuracy. Default: 2 with up to 10 classes, else 5.
    threshold : float, default=0.5
        The decision rule for binary and multi-label input (``score >=
        threshold`` means "yes"). Multi-class input uses the argmax.

    Returns
    -------
    Explanation
        Renders as Markdown in Jupyter, as text with ``print()``;
        ``.to_frame()`` holds every number shown and ``.per_class`` the
        per-class numbers.

    Raises
    ------
    ValueError
        When the inputs do not describe one problem (the message says why),
        when a binary problem's positive class is not obvious and
        ``pos_label`` is not given, when multi-class rows are not
        probabilities, or when ``k`` or ``threshold`` is invalid.

    Notes
    -----
    Decision-based metrics (accuracy, precision, recall, F1) judge the argmax
    for multi-class input (ties: the lowest class index, numpy's rule) and
    ``score >= threshold`` otherwise (multi-label accuracy is exact match).
    Top-k uses the same tie rule, so top-1 equals the argmax accuracy
    (scikit-learn's ``top_k_accuracy_score`` ranks the higher index first on
    ties). Macro precision, recall and F1 average the classes present in
    ``y_true`` or in the predictions (all of ``labels`` when given), as
    scikit-learn does. ROC AUC and AP are one vs the rest; a class without
    positives or without negatives has no AUC or AP: it is named in a note
    and left out of their macro averages.

    Examples
    --------
    >>> import evalviz as ev
    >>> e = ev.explain(["no", "yes", "yes", "no"], [0.2, 0.9, 0.4, 0.3],
    ...                pos_label="yes")
    >>> e.to_frame().loc["ROC AUC", "value"]
    1.0
    """
    threshold = check_threshold(threshold)
    inp = read_inputs(
        y_true,
        y_score,
        labels=labels,
        display_labels=display_labels,
        pos_label=pos_label,
        require_probabilities=True,
    )
    if inp.kind == "binary":
        return _explain_binary(inp, threshold)
    if k is None:
        k = 2 if inp.n_classes <= 10 else 5
    k = check_k(k, inp.n_classes)
    given = None
    if inp.kind == "multiclass" and _labels_are_classes(labels, inp.classes):
        given = np.arange(inp.n_classes)  # every listed class counts
    s = metrics.class_summary(inp.y, inp.score, labels=given, threshold=threshold)
    t = metrics.top_k_summary(inp.y, inp.score, k, share=s["share"])
    return _explain_multi(inp, s, t, k, threshold)


# ------------------------------------------------------------------ multi-class / multi-label


def _labels_are_classes(labels, classes) -> bool:
    """Whether ``labels=`` was read as class values (not as deprecated names)."""
    if labels is None or len(labels) != len(classes):
        return False
    return [str(v) for v in labels] == [str(c) for c in classes.tolist()]


def _rule(kind, threshold):
    return (
        "decision (argmax)"
        if kind == "multiclass"
        else f"decision (score >= {threshold:g})"
    )


def _headline_rows(sheet, kind, s, t, k, threshold):
    rule = _rule(kind, threshold)
    acc_text = (
        "Share of samples whose highest-scored class is the true class."
        if kind == "multiclass"
        else "Share of samples whose every label is decided right (exact match; "
        "scikit-learn's accuracy_score)."
    )
    sheet.add("accuracy", s["accuracy"], rule, acc_text)
    sheet.add(
        "macro precision",
        s["macro_precision"],
        rule,
        "For each class: of the samples predicted as it, the share that truly are; "
        "averaged over classes.",
    )
    sheet.add(
        "macro recall",
        s["macro_recall"],
        rule,
        "For each class: of its samples, the share predicted as it; averaged over "
        "classes.",
    )
    sheet.add(
        "macro F1",
        s["macro_f1"],
        rule,
        "Per class, the harmonic mean of precision and recall; averaged.",
    )
    sheet.add(
        "ROC AUC, macro (one vs rest)",
        s["auc_macro"],
        _RANKING,
        "For each class: the chance that one of its samples scores higher for it "
        "than a sample of another class; averaged over classes.",
    )
    sheet.add(
        "ROC AUC, micro",
        s["auc_micro"],
        _RANKING,
        "The same chance with all (sample, class) cells pooled: a true-class cell "
        "against a wrong-class cell.",
    )
    sheet.add(
        "average precision, macro",
        s["ap_macro"],
        _RANKING,
        "For each class: precision averaged over the positions of its samples when "
        "all samples are sorted by score; averaged over classes.",
    )
    sheet.add(
        f"top-{k} accuracy",
        t["top_k"],
        "ranking within each sample",
        f"Share of samples with a true class among their {k} highest scores.",
    )


def _per_class_frame(names, s):
    import pandas as pd

    return pd.DataFrame(
        {
            "class": names,
            "support": s["support"],
            "precision": s["precision"],
            "recall": s["recall"],
            "F1": s["f1"],
            "ROC AUC": s["auc"],
            "AP": s["ap"],
            f"positives above {format_percent(HIGH)} of negatives": s["high_share"],
        }
    ).set_index("class")


def _multi_notes(inp, s):
    """What is undefined or left out, named by class."""
    names = inp.names
    notes = []
    left_out = [_spoken(names[j]) for j in np.flatnonzero(~s["counted"])]
    if left_out:
        notes.append(
            f"{_cap(_names_list(left_out))} {_verb(len(left_out), 'has', 'have')} no samples "
            "in y_true and no predictions: left out of the macro precision, recall "
            "and F1, as scikit-learn does (it averages the classes present in y_true "
            "or the predictions; pass labels= to count every class)."
        )
    undefined = [_spoken(names[j]) for j in np.flatnonzero(~s["defined"])]
    if undefined and s["defined"].any():
        notes.append(
            f"ROC AUC and AP are undefined for {_names_list(undefined)}: a class needs "
            "samples of its own and of other classes (positives and negatives); "
            "they are left out of the macro ROC AUC and AP."
        )
    elif undefined:
        present = [_spoken(names[j]) for j in np.flatnonzero(s["support"] > 0)]
        notes.append(
            "ROC AUC and AP are undefined for every class: "
            + (
                f"y_true holds only {_names_list(present)}, so "
                if inp.kind == "multiclass"
                else ""
            )
            + "no class has both positives and negatives. Only the decision-based "
            "numbers and top-k accuracy are defined."
        )
    return notes


def _ties_sentence(sheet, s):
    n_tied = sheet.add(
        "predictions decided by a tie",
        s["n_tied"],
        COUNT,
        "Samples whose highest score is shared by two or more classes; the lowest "
        "class index wins, as in numpy's argmax.",
    )
    if not n_tied:
        return ""
    return (
        f" {format_count(n_tied)} of {plural(s['n'], 'prediction')} "
        f"{_verb(n_tied, 'was', 'were')} decided by a tie between top scores "
        "(the lowest class index wins, as numpy's argmax does)."
    )


def _explain_multi(inp, s, t, k, threshold):
    kind, names = inp.kind, inp.names
    sheet = _Sheet()
    _headline_rows(sheet, kind, s, t, k, threshold)
    n = sheet.add("samples", s["n"], COUNT, "Samples in y_true.")
    n_classes = sheet.add(
        "classes", inp.n_classes, COUNT, "Score columns (classes or labels)."
    )
    header = (
        f"{plural(n, 'sample')}, {plural(n_classes, 'class', 'classes')} "
        f"({kind.replace('multi', 'multi-')}). Decision-based numbers judge one "
        "prediction per sample; ranking-based numbers judge only the order of the "
        "scores."
    )
    if kind == "multiclass":
        header += _ties_sentence(sheet, s)
    notes = _multi_notes(inp, s)
    reasons = [
        ("Decisions versus rankings.", _decisions_reason(sheet, kind, s, t, threshold))
    ]
    valid = np.flatnonzero(s["defined"] & s["counted"] & (s["support"] > 0))
    if valid.size:
        reasons.append(("Recall versus AUC.", _recall_reason(sheet, inp, s, valid)))
        reasons.append(
            ("Many easy negatives.", _negatives_reason(sheet, names, s, valid))
        )
        reasons.append(("The precision-recall view.", _ap_reason(sheet, names, s)))
        if s["defined"].sum() > 1:
            reasons.append(("Micro versus macro.", _micro_reason(sheet, names, s)))
    reasons.append(("Top-k versus AUC.", _topk_reason(sheet, kind, s, t, k)))
    if int(s["defined"].sum()) >= 20:
        f = metrics.frequency_summary(s["support"], s["auc"], t["credited"])
        reasons.append(
            ("Which classes drive each number.", _frequency_reason(sheet, f, k))
        )
    reasons.append(("How sure these numbers are.", noise_reason(sheet, inp, s)))
    per_class = _per_class_frame(names, s)
    return Explanation(kind, sheet.frame(), per_class, reasons, header, notes)


# ------------------------------------------------------------------ binary


def _binary_rows(sheet, s, name, threshold):
    rule = f"decision (score >= {threshold:g})"
    sheet.add("accuracy", s["accuracy"], rule, "Share of samples decided right.")
    sheet.add(
        "precision",
        s["precision"],
        rule,
        f"Of the samples predicted {name}, the share that truly are.",
    )
    sheet.add(
        "recall",
        s["recall"],
        rule,
        f"Of the samples of {name}, the share predicted {name}.",
    )
    sheet.add("F1", s["f1"], rule, "Harmonic mean of precision and recall.")
    sheet.add(
        "ROC AUC",
        s["auc"],
        _RANKING,
        f"The chance that a sample of {name} scores higher than a sample without it.",
    )
    sheet.add(
        "average precision",
        s["ap"],
        _RANKING,
        "Precision averaged over the positions of the positives, sorted by score.",
    )
    for key, name_, answers in (
        ("n", "samples", "Samples in y_true."),
        ("n_pos", "positives", f"Samples of {name}."),
        ("n_neg", "negatives", "The other samples."),
        ("tp", "true positives", "Positives predicted positive."),
        ("fp", "false positives", "Negatives predicted positive."),
        ("fn", "false negatives", "Positives below the threshold (missed)."),
        ("tn", "true negatives", "Negatives below the threshold."),
    ):
        sheet.add(name_, s[key], COUNT, answers)


def _explain_binary(inp, threshold):
    s = metrics.binary_summary(inp.y, inp.score, threshold=threshold)
    neg_name, pos_name = inp.names
    name = _spoken(pos_name)
    sheet = _Sheet()
    _binary_rows(sheet, s, name, threshold)
    reasons = [
        (
            "Decisions versus rankings.",
            f"Accuracy ({format_rate(s['accuracy'])}), precision and recall judge the "
            f"rule score >= {threshold:g}; "
            + (
                "ROC AUC and average precision would judge the order of the scores "
                "over every threshold, but they are undefined here (see the note)."
                if math.isnan(s["auc"])
                else f"ROC AUC ({format_area(s['auc'])}) and average precision "
                f"({format_area(s['ap'])}) judge only the order of the scores over "
                "every threshold."
            ),
        )
    ]
    notes = []
    if math.isnan(s["auc"]):
        only = name if s["n_neg"] == 0 else _spoken(neg_name)
        notes.append(
            f"ROC AUC and average precision are undefined: y_true holds only samples "
            f"of {only}, and both need positives and negatives."
        )
    else:
        reasons.append(("Missed, yet ranked high.", _missed_reason(sheet, s, name)))
        reasons.append(("The precision-recall view.", _binary_pr_reason(sheet, s)))
    reasons.append(("How sure these numbers are.", noise_reason(sheet, inp, s)))
    header = (
        f"{plural(s['n'], 'sample')}, binary: {name} is the positive class, "
        f"{_spoken(neg_name)} the negative. Decision-based numbers judge one prediction "
        "per sample; ranking-based numbers judge only the order of the scores."
    )
    return Explanation("binary", sheet.frame(), None, reasons, header, notes)
