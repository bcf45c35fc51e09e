"""Sentences of ``evalviz.explain``: the reasons, written from metrics' numbers.

Every number a sentence quotes is first added to the explanation's table
(``_Sheet.add``), so ``Explanation.to_frame()`` holds each number shown, and
every number is written through ``evalviz._format`` so the text reads right at
every count, 0 and 1 included ("1 sample", "no sample", "both samples").
"""

from __future__ import annotations

import math

import numpy as np

from .._format import format_area, format_count, format_percent, format_rate, plural

# A positive "ranks high" when it outscores this share of the negatives.
HIGH = 0.9
COUNT = "count"
SHARE = "share"
COLUMNS = ["metric", "value", "kind", "class", "what it answers"]

# ------------------------------------------------------------------ wording


def _num(value) -> str:
    """A number for a sentence or a table cell, through ``evalviz._format``."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return format_count(value)
    if isinstance(value, (float, np.floating)):
        return "undefined" if math.isnan(value) else format_area(value)
    return str(value)


def _spoken(name: str) -> str:
    """A class name for prose: a bare number reads as "class 3"."""
    try:
        float(name)
    except ValueError:
        return (
            "class True"
            if name == "True"
            else "class False"
            if name == "False"
            else name
        )
    return f"class {name}"


def _names_list(names, limit: int = 5) -> str:
    """ "a", "a and b", "a, b and c", "a, b, c, d, e and 3 more"."""
    names = [str(n) for n in names]
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _cap(text: str) -> str:
    """The first letter upper-case, the rest as written (names keep their case)."""
    return text[:1].upper() + text[1:]


def _verb(n: int, one: str, many: str) -> str:
    return one if int(n) == 1 else many


def _subject(a: int, total: int, noun: str, one: str = "", many: str = "") -> str:
    """ "a of the total nouns" with its verb, read right at every count.

    0 of 1: "no sample is"; 0 of 3: "none of the 3 samples are"; 1 of 1: "the
    one sample is"; 2 of 2: "both samples are"; 5 of 5: "all 5 samples are";
    1 of 3: "1 of the 3 samples is"; 2 of 3: "2 of the 3 samples are".
    """
    a, total = int(a), int(total)
    many_noun = noun + "s"
    if total <= 1 and a == 0:
        phrase, single = f"no {noun}", True
    elif a == 0:
        phrase, single = f"none of the {plural(total, noun)}", False
    elif a == total == 1:
        phrase, single = f"the one {noun}", True
    elif a == total == 2:
        phrase, single = f"both {many_noun}", False
    elif a == total:
        phrase, single = f"all {plural(total, noun)}", False
    else:
        phrase, single = f"{format_count(a)} of the {plural(total, noun)}", a == 1
    verb = one if single else many
    return f"{phrase} {verb}".rstrip()


class _Sheet:
    """The rows of ``to_frame()``: every number the text quotes is added here."""

    def __init__(self):
        self.rows = []

    def add(self, name, value, kind, answers, cls=""):
        self.rows.append((name, value, kind, cls, answers))
        return value

    def frame(self):
        import pandas as pd

        return pd.DataFrame(self.rows, columns=COLUMNS, dtype=object)


def _decisions_reason(sheet, kind, s, t, threshold):
    acc, auc, ap = s["accuracy"], s["auc_macro"], s["ap_macro"]
    if kind == "multiclass":
        errors = sheet.add(
            "argmax errors",
            t["n_errors"],
            COUNT,
            "Samples whose highest-scored class (ties: the lowest index) is not the "
            "true class; accuracy = 1 - argmax errors / samples.",
        )
        text = (
            f"Accuracy ({format_rate(acc)}) and macro precision/recall/F1 judge one "
            "decision per sample: the argmax, the class with the highest score. "
        )
        tail = (
            f" {_cap(_subject(errors, s['n'], 'sample', 'is an argmax error', 'are argmax errors'))}"
            if errors
            else " No sample is an argmax error"
        )
    else:
        text = (
            f"Exact-match accuracy ({format_rate(acc)}) and macro precision/recall/F1 "
            f"judge yes/no decisions at score >= {threshold:g}. "
        )
        tail = ""
    if math.isnan(auc):
        return text + "ROC AUC and average precision are undefined here (see the note)."
    text += (
        f"ROC AUC ({format_area(auc)}, macro) and average precision "
        f"({format_area(ap)}, macro) judge only the order of the scores, over every "
        "possible threshold."
    )
    if kind != "multiclass":
        return text + (
            " A threshold that suits no label can ruin the first group and leave the "
            "second untouched."
        )
    wrong = sheet.add(
        "misordered pairs, average class",
        1.0 - auc,
        SHARE,
        "1 - macro ROC AUC: for the average class, the share of (its sample, other "
        "sample) pairs in the wrong order (ties half).",
    )
    return (
        text
        + tail
        + (
            ", but AUC does not count errors: it counts pairs (a sample of the class, a "
            "sample of another class) whose scores are in the wrong order, and for the "
            f"average class that is {format_percent(wrong, 1)} of all such pairs."
        )
    )


def _recall_reason(sheet, inp, s, valid):
    names = inp.names
    c = int(valid[np.argmin(s["recall"][valid])])
    who = _spoken(names[c])

    def add(name, key, kind=COUNT, answers=""):
        return sheet.add(f"lowest recall: {name}", s[key][c], kind, answers, names[c])

    recall = sheet.add(
        "lowest recall",
        s["recall"][c],
        SHARE,
        "The lowest per-class recall.",
        names[c],
    )
    tp = add("predicted right", "tp", answers="Its samples predicted as it.")
    support = add("samples", "support", answers="Its samples (positives).")
    auc = add("ROC AUC", "auc", SHARE, "Its one-vs-rest ROC AUC.")
    n_neg = add("other samples", "n_neg", answers="Samples of the other classes.")
    high = add(
        "samples above 90%",
        "n_high",
        answers="Its samples whose score beats 90% of the other samples.",
    )
    missed = add("missed", "n_missed", answers="Its samples not predicted as it.")
    missed_high = add(
        "missed above 90%",
        "n_missed_high",
        answers="Missed samples that beat 90% of the others.",
    )
    text = (
        f"**{_cap(who)}** has the lowest recall, {format_rate(recall)}: "
        f"{_subject(tp, support, 'sample', 'of ' + who + ' is', 'of ' + who + ' are')} predicted as "
        f"{who}. Yet its ROC AUC is {format_area(auc)}. On the {who} score alone, "
        f"{_subject(high, support, 'sample', 'of ' + who + ' scores', 'of ' + who + ' score')} "
        f"higher than {format_percent(HIGH)} of the {plural(n_neg, 'sample')} of other "
        "classes"
    )
    if missed:
        text += (
            "; among the samples it missed, "
            f"{_subject(missed_high, missed, 'sample', 'does', 'do')} too."
        )
    else:
        text += "."
    if s["confusion"] is not None and missed:
        lost = s["confusion"][c].copy()
        lost[c] = 0
        order = [j for j in np.argsort(-lost, kind="stable")[:2] if lost[j] > 0]
        where = " and ".join(
            f"{_spoken(names[j])} ({format_count(lost[j])})" for j in order
        )
        for j in order:
            sheet.add(
                f"lowest recall: lost to {names[j]}",
                int(lost[j]),
                COUNT,
                "Missed samples predicted as this class.",
                names[c],
            )
        text += (
            f" The missed {_verb(missed, 'one', 'ones')} lost the argmax to another class "
            f"in {_verb(missed, 'its', 'their')} own row, most often {where}."
        )
    return text + (
        f" Averaged over the samples of {who}, the share of other samples each one "
        f"outscores is exactly the AUC ({format_area(auc)})."
    )


def _negatives_reason(sheet, names, s, valid):
    d = int(valid[np.argmin(s["precision"][valid])])
    who = _spoken(names[d])

    def add(name, key, kind=COUNT, answers=""):
        return sheet.add(
            f"lowest precision: {name}", s[key][d], kind, answers, names[d]
        )

    precision = sheet.add(
        "lowest precision",
        s["precision"][d],
        SHARE,
        "The lowest per-class precision.",
        names[d],
    )
    pos = add("samples", "support", answers="Its samples (positives).")
    neg = add(
        "other samples", "n_neg", answers="Samples of the other classes (negatives)."
    )
    fp = add(
        "false positives", "fp", answers="Samples of other classes predicted as it."
    )
    predicted = add("predicted", "n_predicted", answers="Samples predicted as it.")
    text = (
        "One vs the rest turns each class into a problem of its own samples against "
        f"all others: for **{who}**, {plural(pos, 'positive')} against "
        f"{plural(neg, 'negative')}. "
    )
    if predicted == 0:
        return text + (
            f"{_cap(who)} is never predicted, so its precision is {format_rate(precision)} by "
            "convention (nothing to divide; scikit-learn's zero_division=0), while its "
            "ROC curve, which needs no decision, is still defined."
        )
    if fp == 0:
        return text + (
            f"Even the lowest precision, {who}'s, is {format_rate(precision)}: no "
            "sample was predicted as a class it does not belong to, so the pool of "
            "easy negatives changes nothing here."
        )
    fpr = add("false positive rate", "fpr", SHARE, "False positives / negatives.")
    return text + (
        f"{_cap(who)} has the lowest precision, {format_rate(precision)}: "
        f"{plural(fp, 'sample')} of other classes {_verb(fp, 'was', 'were')} predicted "
        f"as {who}. On its ROC curve {_verb(fp, 'that is', 'those are')} a false "
        f"positive rate of only {format_rate(fpr, 4)} ({format_count(fp)} / "
        f"{format_count(neg)}), a small step along the x-axis; for precision "
        f"{_verb(fp, 'it is', 'they are')} {format_count(fp)} of the "
        f"{plural(predicted, 'sample')} predicted as {who}."
    )


def _random_ap(prevalence) -> str:
    """The AP of random ranking, and "not 0.5" only when that differs."""
    shown = format_area(prevalence)
    if shown == format_area(0.5):
        return f"{shown} here, the same as a random ROC AUC only because half the samples are positive"
    return f"{shown} here, not 0.5"


def _ap_reason(sheet, names, s):
    defined = np.flatnonzero(s["defined"])
    e = int(defined[np.argmin(s["ap"][defined])])
    who = _spoken(names[e])
    ap = sheet.add(
        "lowest AP",
        s["ap"][e],
        SHARE,
        "The lowest per-class average precision.",
        names[e],
    )
    auc = sheet.add("lowest AP: ROC AUC", s["auc"][e], SHARE, "Its ROC AUC.", names[e])
    prevalence = sheet.add(
        "lowest AP: share of samples",
        s["prevalence"][e],
        SHARE,
        "Its samples / all samples: the AP of random ranking.",
        names[e],
    )
    below = s["ap_macro"] < s["auc_macro"]
    return (
        f"Average precision (macro {format_area(s['ap_macro'])}) is "
        f"{'below' if below else 'not below'} ROC AUC (macro "
        f"{format_area(s['auc_macro'])}): precision divides by what was predicted "
        "positive, not by the large pool of negatives, so the same false positives "
        f"weigh more. Lowest AP: **{who}**, {format_area(ap)} (its AUC is "
        f"{format_area(auc)}). A model that ranks at random gets an AP about equal to "
        f"the class's share of samples ({_random_ap(prevalence)})."
    )


def _micro_reason(sheet, names, s):
    cells = sheet.add(
        "cells", s["n_cells"], COUNT, "(sample, class) cells pooled by the micro AUC."
    )
    pos = sheet.add(
        "positive cells", s["n_pos_cells"], COUNT, "Cells of a sample's true class."
    )
    neg = sheet.add("negative cells", s["n_neg_cells"], COUNT, "All other cells.")
    defined = np.flatnonzero(s["defined"])
    lo = int(defined[np.argmin(s["auc"][defined])])
    hi = int(defined[np.argmax(s["auc"][defined])])
    sheet.add(
        "lowest per-class ROC AUC", s["auc"][lo], SHARE, "The lowest AUC.", names[lo]
    )
    sheet.add(
        "highest per-class ROC AUC", s["auc"][hi], SHARE, "The highest AUC.", names[hi]
    )
    support = s["support"][defined]
    balanced = bool(np.all(support == support[0]))
    return (
        f"Micro AUC ({format_area(s['auc_micro'])}) pools all {plural(cells, 'cell')} "
        f"(sample, class), {format_count(pos)} positive and {format_count(neg)} "
        "negative, so it also compares one class's scores with another's"
        + (
            "; the classes are equally frequent, so that is the whole difference"
            if balanced
            else " and weighs frequent classes more"
        )
        + f". Macro AUC ({format_area(s['auc_macro'])}) averages the "
        f"{plural(defined.size, 'per-class AUC')}, each counting the same. "
        + _auc_range(names, s["auc"], lo, hi)
    )


def _auc_range(names, auc, lo, hi) -> str:
    low, high = format_area(auc[lo]), format_area(auc[hi])
    if low == high:
        return f"Every per-class AUC is {low}."
    return f"They range from {low} ({_spoken(names[lo])}) to {high} ({_spoken(names[hi])})."


def _topk_reason(sheet, kind, s, t, k):
    text = (
        f"Top-{k} accuracy ({format_rate(t['top_k'])}) answers another question: for "
        f"each sample, is a true class among its {k} highest scores (ties: the lowest "
        "class index first)? It compares the classes within one sample (a row of "
        "y_score); AUC compares samples within one class (a column)."
    )
    if kind == "multiclass":
        top1 = sheet.add(
            "top-1 accuracy", t["top_1"], SHARE, "Equals the accuracy (same tie rule)."
        )
        errors = t["n_errors"]
        rescued = sheet.add(
            f"argmax errors inside the top {k}",
            t["n_rescued"],
            COUNT,
            f"Argmax errors whose true class is among the {k} highest scores.",
        )
        right = sheet.add(
            "top-1 hits",
            t["n_top_1"],
            COUNT,
            "Samples whose argmax is the true class.",
        )
        guesses = "guess" if k == 2 else "guesses"
        if errors:
            text += (
                f" Top-1 is the accuracy ({format_rate(top1)}); the extra {guesses} "
                f"{'rescues' if k == 2 else 'rescue'} {_subject(rescued, errors, 'argmax error')}, "
                f"so top-{k} accuracy is ({format_count(right)} + "
                f"{format_count(rescued)}) / {format_count(s['n'])}."
            )
        else:
            text += f" Top-1 is the accuracy ({format_rate(top1)}): no argmax error to rescue."
    if math.isnan(s["auc_macro"]):
        return text + " AUC is undefined here, so they cannot disagree."
    miss = sheet.add(
        f"top-{k} misses ranked high",
        t["n_miss_high"],
        COUNT,
        f"Samples outside the top {k} whose true-class score beats 90% of that column.",
    )
    low = sheet.add(
        f"top-{k} hits ranked low",
        t["n_hit_low"],
        COUNT,
        f"Top-{k} hits whose true-class score beats fewer than half of that column.",
    )
    return (
        text
        + " "
        + _disagreement_counts(k, miss, low)
        + " Neither number promises a threshold with high precision and recall, "
        "nor scores that are calibrated probabilities."
    )


def _disagreement_counts(k: int, miss_but_high: int, hit_but_low: int) -> str:
    """The two ways top-k and AUC disagree, with counts of zero said in words."""
    high = format_percent(HIGH)

    def miss(n):
        one = n == 1
        return (
            f"{plural(n, 'sample')} {_verb(n, 'misses', 'miss')} the top {k} although "
            f"{'its' if one else 'their'} true-class score beats at least {high} of "
            "the other samples in that class's column (fine for AUC, a miss for "
            f"top-{k})"
        )

    def low(n):
        return (
            f"{plural(n, 'sample')} {_verb(n, 'is a', 'are')} top-{k} "
            f"{_verb(n, 'hit', 'hits')} although {_verb(n, 'its', 'their')} "
            "true-class score beats fewer than half of the other samples in that "
            f"column (a hit for top-{k}, poor ranking for AUC)"
        )

    no_miss = (
        f"no sample misses the top {k} while its true-class score beats at least "
        f"{high} of its class's column"
    )
    no_low = (
        f"no top-{k} hit has a true-class score that beats fewer than half of the "
        "other samples in its class's column"
    )
    if miss_but_high and hit_but_low:
        return f"Both can look good and still disagree: {miss(miss_but_high)}, and {low(hit_but_low)}."
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


def _frequency_reason(sheet, f, k):
    """Which classes drive top-k (frequent ones) and macro AUC (all equally)."""
    m = sheet.add(
        "frequent classes",
        f["n_frequent"],
        COUNT,
        "The most frequent 10% of the classes with an AUC.",
    )
    pos_share = sheet.add(
        "frequent classes: share of positives",
        f["positive_share"],
        SHARE,
        "Their positives / all positives.",
    )
    hit_share = sheet.add(
        f"frequent classes: share of top-{k} hits",
        f["hit_share"],
        SHARE,
        "Top-k hits credited to them / all top-k hits.",
    )
    auc_freq = sheet.add(
        "frequent classes: mean ROC AUC", f["auc_frequent"], SHARE, "Their mean AUC."
    )
    rare = sheet.add(
        "rarer half: classes",
        f["n_rare"],
        COUNT,
        "The less frequent half of the classes.",
    )
    auc_rare = sheet.add(
        "rarer half: mean ROC AUC", f["auc_rare"], SHARE, "Their mean AUC."
    )
    most = sheet.add(
        "rarer half: most positives",
        f["max_rare_support"],
        COUNT,
        "Positives of the most frequent class among them.",
    )
    return (
        f"The {plural(m, 'most frequent class', 'most frequent classes')} (10% of "
        f"{format_count(f['n_classes'])}) hold {format_percent(pos_share)} of all "
        f"positives and earn {format_percent(hit_share)} of the top-{k} hits, so "
        f"top-{k} mostly reports on them. Macro AUC gives each class the same weight: "
        f"mean AUC {format_area(auc_freq)} over those frequent classes, "
        f"{format_area(auc_rare)} over the rarer half ({plural(rare, 'class', 'classes')} "
        f"with at most {plural(most, 'positive')} each). Micro AUC pools all cells, so "
        "it leans on the frequent classes too."
    )


def _missed_reason(sheet, s, name):
    fn, n_pos = s["fn"], s["n_pos"]
    high = sheet.add(
        "missed, ranked high",
        s["n_missed_high"],
        COUNT,
        "Missed positives that outscore 90% of the negatives.",
    )
    text = (
        f"{_subject(fn, n_pos, 'sample', 'of ' + name + ' falls', 'of ' + name + ' fall')} below the "
        "threshold"
    )
    text = _cap(text)
    if fn:
        text += (
            f"; {_subject(high, fn, 'missed sample', 'scores', 'score')} higher "
            f"than {format_percent(HIGH)} of the {plural(s['n_neg'], 'negative')}"
        )
        text += (
            "; moving the threshold, not the ranking, would recover "
            f"{_verb(high, 'it', 'them')}."
            if high
            else "."
        )
    else:
        text += "."
    return text + (
        " Averaged over the positives, the share of negatives each outscores is "
        f"exactly the AUC ({format_area(s['auc'])})."
    )


def _binary_pr_reason(sheet, s):
    fp, n_neg, n_pos = s["fp"], s["n_neg"], s["n_pos"]
    predicted = sheet.add(
        "predicted positive",
        s["tp"] + s["fp"],
        COUNT,
        "Samples at or above the threshold.",
    )
    fpr = sheet.add(
        "false positive rate", s["fpr"], SHARE, "False positives / negatives."
    )
    prevalence = sheet.add(
        "share of positives",
        s["prevalence"],
        SHARE,
        "Positives / samples: the AP of random ranking.",
    )
    text = f"With {plural(n_pos, 'positive')} and {plural(n_neg, 'negative')}, "
    if fp:
        text += (
            f"{plural(fp, 'false positive')} {_verb(fp, 'is', 'are')} a false "
            f"positive rate of {format_rate(fpr, 4)} on the ROC curve but "
            f"{_subject(fp, predicted, 'predicted positive')}."
        )
    else:
        text += (
            "there is no false positive: precision and the false positive rate agree."
        )
    return text + (
        f" Random ranking would give an AP about equal to the share of positives "
        f"({_random_ap(prevalence)})."
    )
