"""The course's words, defined once: ``TERMS``, ``define`` and ``glossary``.

Every definition the project prints comes from this one table: the course's
glossary (the "Glossary" sections of the READMEs, written by
``tools/make_glossary.py``), the "Words used" list of
:func:`evalviz.explain`, and any notebook that shows ``glossary([...])``.

The terms are in teaching order: a definition uses only everyday words and
terms defined above it, so the table reads top to bottom. The module imports
nothing beyond the standard library (pandas only inside ``to_frame``).

Examples
--------
>>> from evalviz.glossary import define
>>> define("sensitivity") == define("recall")
True
"""

from __future__ import annotations

import difflib
import re
import textwrap
from collections.abc import Iterable, Mapping
from types import MappingProxyType

__all__ = [
    "TERMS",
    "ALSO_CALLED",
    "LEADS_TO",
    "Glossary",
    "UnknownTermError",
    "define",
    "glossary",
]

# term -> definition, in teaching order (each uses only terms above it).
_TERMS: dict[str, str] = {
    # --- what a classifier is given and what it gives back
    "sample": "One item the model judges (an image, a row of a table), together "
    "with its true answer.",
    "class": "One of the answers a classifier can give, such as 'Sandal'. Classes "
    "are numbered from 0; that number is the class index.",
    "label": "The true answer recorded for a sample: its class, or, when a sample "
    "can have several answers at once, each of its yes/no answers.",
    "binary": "A task with exactly two classes: the sample is a 'yes' or a 'no'.",
    "multi-class": "A task with more than two classes and exactly one true class "
    "per sample.",
    "multi-label": "A task where each sample can have any number of labels true at "
    "once (an outfit with a shirt and a bag); each label is a binary question of "
    "its own.",
    "one-hot": "A way to write labels as a table with one column per class: 1 in "
    "the true class's column, 0 elsewhere. With several 1s per row (multi-label) "
    "the table is called an indicator matrix.",
    "simulated": "Made by a program from chosen settings rather than measured on "
    "real data. The course labels all simulated data as simulated.",
    "training set": "The samples a model learns from. Numbers measured on them "
    "flatter the model, because it has seen the answers.",
    "probability": "A number between 0 and 1 that a model gives as the chance that "
    "a sample belongs to a class. The probabilities one sample gets for all "
    "classes of a multi-class task add up to 1.",
    "score": "The number a model gives each class for a sample, a probability or "
    "any real number; higher means 'more likely this class'.",
    "pre-activation": "The number a unit of a neural network computes from its "
    "inputs (each input times a learned weight, summed, plus a constant) "
    "before the network bends it with a nonlinear function (the unit's "
    "activation).",
    "logit": "The pre-activation of an output unit: one unbounded score per class, "
    "before the network turns it into a probability. For a binary output with "
    "probability p, the logit is log(p / (1 - p)), the log-odds.",
    "softmax": "Turns the logits of one sample into probabilities that add up to "
    "1: the exp of each class's logit divided by the sum of these exps over all "
    "classes. It keeps "
    "their order, so the highest logit gets the highest probability.",
    "sigmoid": "Turns one logit z into a probability, 1 / (1 + exp(-z)), on its "
    "own: used for a binary output and for each label of a multi-label output.",
    "log loss": "The mean, over samples, of minus the log of the probability given "
    "to the true answer: 0 for certainty on the right answer, very large for a "
    "confident mistake. Training a classifier lowers it.",
    "epoch": "One pass of training over the whole training set.",
    "argmax": "The class with the highest score in a sample's row; the usual "
    "multi-class prediction. On a tie the lowest class index wins (numpy's and "
    "scikit-learn's rule).",
    "threshold": "A cut t on a score: predict 'yes' when the score is at least t. "
    "Moving it trades one kind of error for the other.",
    "validation set": "Samples held out from training and used to make choices "
    "(a threshold, which model to keep). Numbers measured on the samples used "
    "to choose are optimistic.",
    "test set": "Samples held out from training and from every choice, used once "
    "at the end for the numbers you report.",
    "positive class": "The class a binary metric is about (the 'yes'); every "
    "other sample is a negative. In multi-class tasks each class takes its turn "
    "as the positive class.",
    "decision-based": "Said of a metric that needs a rule turning scores into "
    "predictions (the argmax or a threshold): change the rule and the number "
    "changes.",
    "ranking-based": "Said of a metric that uses only the order of the scores, "
    "never a threshold, so it stays the same whatever rule you later pick.",
    "true positive": "A positive predicted positive (TP).",
    "false positive": "A negative predicted positive: a false alarm (FP).",
    "true negative": "A negative predicted negative (TN).",
    "false negative": "A positive predicted negative: a miss (FN).",
    "confusion matrix": "A table counting samples by true class (rows) and "
    "predicted class (columns); the diagonal holds the right answers. Binary: the "
    "TN, FP, FN and TP counts.",
    "support": "The number of samples of a class in the true labels.",
    "prevalence": "The share of samples that are positives: support divided by the "
    "number of samples.",
    "accuracy": "The share of samples whose prediction is right.",
    "precision": "Of the samples predicted as a class, the share that truly belong "
    "to it: TP / (TP + FP).",
    "recall": "Of the samples of a class, the share predicted as that class: "
    "TP / (TP + FN).",
    "specificity": "Of the negatives, the share predicted negative: TN / (TN + FP).",
    "false-positive rate": "Of the negatives, the share wrongly predicted positive: "
    "FP / (FP + TN) = 1 - specificity.",
    "balanced accuracy": "The mean of the recalls of all classes, so every class "
    "counts the same however rare. Binary: (recall + specificity) / 2.",
    "F1": "The harmonic mean of precision and recall, 2PR / (P + R): high only "
    "when both are high.",
    "F-beta": "A harmonic mean of precision and recall in which recall counts "
    "beta times as much as precision; F1 is beta = 1.",
    "operating point": "One threshold together with the precision, recall and "
    "error rates it gives: the model as it would run.",
    "expected cost": "The average cost per sample of a threshold's errors: "
    "(cost of a false positive × FP + cost of a false negative × FN) / number of "
    "samples. The cheapest threshold depends on the two costs and on the "
    "prevalence.",
    "one-vs-rest": "Judging one class at a time: its samples are the positives and "
    "the samples of every other class the negatives.",
    "macro average": "Compute the metric for each class, then take the plain "
    "mean: every class counts the same, rare or frequent.",
    "micro average": "Pool the counts (or the sample-class cells) of all classes "
    "first, then compute the metric once: frequent classes weigh more.",
    "weighted average": "The mean of the per-class values weighted by each "
    "class's support.",
    "ROC curve": "The recall (y) against the false-positive rate (x) at every "
    "threshold: how many positives you catch for each share of false alarms.",
    "ROC AUC": "The area under the ROC curve: the chance that a random positive "
    "gets a higher score than a random negative (ties count one half). 0.5 is "
    "random ranking, 1.0 perfect; undefined without positives or without "
    "negatives.",
    "one-vs-one": "Judging every pair of classes on the samples of those two "
    "classes only, then averaging over the pairs (Hand and Till's multi-class "
    "AUC).",
    "partial AUC": "The ROC AUC over a range of false-positive rates only, such as "
    "0 to 0.01; standardised (McClish's correction) so that random ranking gives "
    "0.5 and perfect ranking 1.",
    "precision-recall curve": "Precision (y) against recall (x) at every "
    "threshold. Unlike the ROC curve it ignores the true negatives, so many easy "
    "negatives do not flatter it.",
    "average precision": "Sort the samples by score and read the precision at each "
    "position where a positive appears; AP is the mean of those precisions (a "
    "step-wise sum over the precision-recall curve). A model that ranks at random "
    "gets about the prevalence, not 0.5.",
    "chance level": "What a model that ranks or guesses at random scores on a "
    "metric: 0.5 for ROC AUC, the prevalence for precision and average precision.",
    "logit axis": "An axis on which probabilities are spaced by their logit, so "
    "0.9, 0.99 and 0.999 sit equal steps apart and the region near 1 becomes "
    "readable.",
    "top-k accuracy": "The share of samples whose true class (or one of their "
    "true labels) is among their k highest-scored classes. Top-1 is the argmax "
    "accuracy (ties broken the same way).",
    "precision@k": "For one sample, the share of its k highest-scored labels that "
    "are true labels, averaged over samples.",
    "recall@k": "For one sample, the share of its true labels that are among its k "
    "highest-scored labels, averaged over samples.",
    "exact match": "Multi-label accuracy that counts a sample as right only when "
    "every one of its labels is decided right; scikit-learn's accuracy_score "
    "on multi-label input.",
    "Hamming loss": "The share of (sample, label) cells decided wrong.",
    "element-wise accuracy": "Multi-label accuracy over every (sample, label) "
    "cell: the share of yes/no decisions that are right. Equals 1 - Hamming loss.",
    "calibration": "How well probabilities come true: among the answers given with "
    "probability 0.9, about 90% should be right. A model that is right less often "
    "than it claims is over-confident.",
    "confidence": "The probability a model gives its own predicted class (its "
    "highest probability).",
    "reliability diagram": "Predictions grouped into bins by confidence; each bin's "
    "accuracy is plotted against its mean confidence. A calibrated model lies on "
    "the diagonal.",
    "expected calibration error": "The gap between accuracy and mean confidence in "
    "each bin of a reliability diagram, averaged with weights proportional to the "
    "bins' sizes (ECE).",
    "Brier score": "The squared differences between the probabilities and the "
    "one-hot labels, summed over classes and averaged over samples (binary: the "
    "mean of (p - y)^2 for the positive class's probability p and y = 1 or 0). 0 "
    "is perfect; it rewards calibration and ranking together.",
    "temperature scaling": "Dividing every logit by one number T, chosen on the "
    "validation set to lower the log loss, before the softmax. It usually "
    "improves calibration and never changes the argmax.",
    "confidence interval": "A range computed from the data by a rule that, were "
    "the data drawn again and again, would contain the true value in the stated "
    "share of cases (95%): how sure a measured number is. That 95% is "
    "unrelated to a model's confidence.",
    "standard error": "The typical size of the error of a measured number due to "
    "which samples happened to be drawn; a 95% interval is about 2 standard "
    "errors either side.",
    "margin of error": "Half the width of a confidence interval: the measured "
    "number plus or minus the margin gives the interval.",
    "Wilson interval": "A confidence interval for a proportion (accuracy, recall, "
    "precision) that stays inside 0 to 1 and behaves well for few samples or "
    "proportions near 0 or 1. Clopper-Pearson's exact interval is usually wider.",
    "bootstrap": "Estimating how a number varies by recomputing it on many "
    "resamples of the test set: sets of as many samples, drawn from it at random "
    "with replacement.",
    "DeLong": "A method that gives the standard error of a ROC AUC, and of the "
    "difference of two AUCs on the same samples, without resampling (as R's pROC "
    "does).",
    "paired comparison": "Comparing two models sample by sample on the same "
    "samples, so that what both find easy or hard cancels out; far more "
    "sensitive than comparing two separate intervals.",
    "p-value": "If there were no real difference, the chance of seeing a "
    "difference at least as large as the one measured. Small means the difference "
    "is hard to explain by noise; it is not the chance that the models are equal.",
    "McNemar test": "A paired comparison of two models' accuracies that uses only "
    "the samples exactly one of them gets right, and gives a p-value.",
    "Holm's correction": "A way to adjust p-values when several comparisons are "
    "made at once, so that a chance finding among many is not reported as real.",
}

# term -> other names it goes by (``define`` accepts them; the tables show them).
_ALSO_CALLED: dict[str, tuple[str, ...]] = {
    "binary": ("binary classification",),
    "multi-class": ("multiclass",),
    "multi-label": ("multilabel",),
    "one-hot": ("one-hot labels",),
    "validation set": ("validation split",),
    "test set": ("test split",),
    "log loss": ("cross-entropy", "categorical cross-entropy"),
    "true positive": ("TP",),
    "false positive": ("FP", "false alarm"),
    "true negative": ("TN",),
    "false negative": ("FN", "miss"),
    "recall": ("sensitivity", "true-positive rate", "TPR"),
    "specificity": ("true-negative rate", "TNR"),
    "false-positive rate": ("FPR",),
    "F1": ("F1 score", "F-measure"),
    "F-beta": ("F-beta score",),
    "one-vs-rest": ("one vs the rest", "OvR"),
    "one-vs-one": ("OvO",),
    "ROC curve": ("receiver operating characteristic",),
    "ROC AUC": ("AUC", "AUROC", "area under the ROC curve"),
    "partial AUC": ("pAUC",),
    "precision-recall curve": ("PR curve",),
    "average precision": ("AP",),
    "exact match": ("subset accuracy",),
    "expected calibration error": ("ECE",),
    "DeLong": ("DeLong's method",),
    "McNemar test": ("McNemar's test",),
}

# Words that lead to a term without being another name for it (plurals,
# opposites, parts): ``define("negative")`` gives the positive class's entry.
_LEADS_TO: dict[str, str] = {
    "samples": "sample",
    "class index": "class",
    "classes": "class",
    "labels": "label",
    "indicator matrix": "one-hot",
    "pre-activations": "pre-activation",
    "logits": "logit",
    "log-odds": "logit",
    "positive": "positive class",
    "negative": "positive class",
    "negative class": "positive class",
    "pos_label": "positive class",
    "F2": "F-beta",
    "F0.5": "F-beta",
    "fbeta": "F-beta",
    "macro": "macro average",
    "micro": "micro average",
    "weighted": "weighted average",
    "McClish": "partial AUC",
    "top-k": "top-k accuracy",
    "calibrated": "calibration",
    "over-confident": "calibration",
    "overconfident": "calibration",
    "interval": "confidence interval",
    "Wilson score interval": "Wilson interval",
    "Clopper-Pearson": "Wilson interval",
    "resample": "bootstrap",
    "bootstrap resample": "bootstrap",
    "DeLong test": "DeLong",
    "paired": "paired comparison",
    "McNemar's exact test": "McNemar test",
    "Holm": "Holm's correction",
}

TERMS: Mapping[str, str] = MappingProxyType(_TERMS)
"""Every term of the course, in teaching order, with its definition."""

ALSO_CALLED: Mapping[str, tuple[str, ...]] = MappingProxyType(_ALSO_CALLED)
"""Other names of some terms (``define`` and ``glossary`` accept them, and
the words of :data:`LEADS_TO`)."""

LEADS_TO: Mapping[str, str] = MappingProxyType(_LEADS_TO)
"""Words that lead to a term without naming it (plurals, opposites, parts)."""


def _key(name: str) -> str:
    """Case-, hyphen- and spacing-insensitive form of a name."""
    return re.sub(r"[\s_-]+", " ", name.strip().lower())


_LOOKUP: dict[str, str] = {_key(t): t for t in _TERMS}
for _term, _names in _ALSO_CALLED.items():
    for _name in _names:
        _LOOKUP.setdefault(_key(_name), _term)
for _name, _term in _LEADS_TO.items():
    _LOOKUP.setdefault(_key(_name), _term)


class UnknownTermError(KeyError, ValueError):
    """A name that is neither a term of the glossary nor another name of one.

    A ``KeyError`` (as for a missing mapping key) and a ``ValueError`` (as for
    a bad argument), so either ``except`` catches it. Its message names the
    closest terms.

    Examples
    --------
    >>> from evalviz.glossary import UnknownTermError, define
    >>> try:
    ...     define("recal")
    ... except UnknownTermError as err:
    ...     print(err)
    term='recal' is not in the glossary; did you mean 'recall' or 'recall@k'? \
(evalviz.glossary.TERMS lists every term)
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _resolve(term, argument="term") -> str:
    """The glossary's own spelling of ``term`` (or of the term it names)."""
    if not isinstance(term, str):
        raise TypeError(
            f"{argument} must be a string such as 'recall', got "
            f"{type(term).__name__} {term!r}"
        )
    found = _LOOKUP.get(_key(term))
    if found is not None:
        return found
    close = difflib.get_close_matches(_key(term), list(_LOOKUP), n=3, cutoff=0.75)
    word = re.compile(r"\b" + re.escape(_key(term)) + r"\b")
    close += [k for k in _LOOKUP if word.search(k)]  # "roc", "brier", "hamming"
    names = list(dict.fromkeys(_LOOKUP[c] for c in close))[:3]
    hint = (
        "; did you mean " + " or ".join(repr(n) for n in names) + "?" if names else ""
    )
    raise UnknownTermError(
        f"{argument}={term!r} is not in the glossary{hint} "
        "(evalviz.glossary.TERMS lists every term)"
    )


def define(term: str) -> str:
    """The plain-language definition of one term of the course.

    Parameters
    ----------
    term : str
        A term of :data:`TERMS` or one of its other names (:data:`ALSO_CALLED`,
        e.g. ``"sensitivity"`` for ``"recall"``). Case, hyphens and spacing
        do not matter: ``"roc auc"`` and ``"True Positive Rate"`` work.

    Returns
    -------
    str
        The definition: one to three sentences using only everyday words and
        terms defined before it in :data:`TERMS`.

    Raises
    ------
    UnknownTermError
        When ``term`` is not in the glossary (a subclass of both ``KeyError``
        and ``ValueError``); the message names the closest terms.
    TypeError
        When ``term`` is not a string.

    Examples
    --------
    >>> from evalviz.glossary import define
    >>> define("recall")
    'Of the samples of a class, the share predicted as that class: TP / (TP + FN).'
    >>> define("TPR") == define("Recall")
    True
    """
    return _TERMS[_resolve(term)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


class Glossary:
    """Terms with their definitions: a Markdown table in Jupyter, text with print.

    Returned by :func:`glossary`.

    Parameters
    ----------
    terms : sequence of str
        Terms of :data:`TERMS` in the order shown (the glossary's own
        spelling).

    Attributes
    ----------
    terms : tuple of str
        The terms shown, in order.

    Raises
    ------
    UnknownTermError
        When a term is not in the glossary.

    Examples
    --------
    >>> from evalviz.glossary import Glossary
    >>> g = Glossary(["precision", "recall"])
    >>> g
    Glossary(2 terms: precision, recall)
    >>> print(g._repr_markdown_().splitlines()[0])
    | term | meaning |
    """

    def __init__(self, terms):
        self.terms = tuple(_resolve(t, "terms") for t in terms)

    def __len__(self) -> int:
        return len(self.terms)

    def items(self):
        """Each term with its meaning (definition, then its other names).

        Returns
        -------
        list of (str, str)
            ``(term, meaning)`` in the order shown; the meaning ends with
            "Also called: ..." when the term has other names.

        Examples
        --------
        >>> from evalviz.glossary import glossary
        >>> glossary(["support"]).items()
        [('support', 'The number of samples of a class in the true labels.')]
        """
        rows = []
        for term in self.terms:
            names = _ALSO_CALLED.get(term, ())
            also = f" Also called: {', '.join(names)}." if names else ""
            rows.append((term, _TERMS[term] + also))
        return rows

    def to_frame(self):
        """The terms as a table, one row each.

        Returns
        -------
        pandas.DataFrame
            Indexed by ``term``; columns ``definition`` and ``also called``
            (the other names, comma-separated; empty when there are none).

        Examples
        --------
        >>> from evalviz.glossary import glossary
        >>> glossary(["sensitivity"]).to_frame().loc["recall", "also called"]
        'sensitivity, true-positive rate, TPR'
        """
        import pandas as pd

        return pd.DataFrame(
            {
                "term": list(self.terms),
                "definition": [_TERMS[t] for t in self.terms],
                "also called": [", ".join(_ALSO_CALLED.get(t, ())) for t in self.terms],
            }
        ).set_index("term")

    def to_markdown(self) -> str:
        """The Markdown table Jupyter shows (also the READMEs' glossary).

        Returns
        -------
        str
            A two-column table, ``term`` and ``meaning``, ending with a newline.

        Examples
        --------
        >>> from evalviz.glossary import glossary
        >>> print(glossary(["epoch"]).to_markdown())
        | term | meaning |
        |---|---|
        | **epoch** | One pass of training over the whole training set. |
        <BLANKLINE>
        """
        lines = ["| term | meaning |", "|---|---|"]
        lines += [f"| **{_cell(t)}** | {_cell(m)} |" for t, m in self.items()]
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        return "\n".join(
            textwrap.fill(f"{t}: {m}", 88, subsequent_indent="    ")
            for t, m in self.items()
        )

    def __repr__(self) -> str:
        shown = ", ".join(self.terms[:6]) + (", ..." if len(self.terms) > 6 else "")
        noun = "term" if len(self.terms) == 1 else "terms"
        return f"Glossary({len(self.terms)} {noun}: {shown})"


def glossary(terms: Iterable[str] | str | None = None) -> Glossary:
    """The course's glossary, or the part of it you name.

    Parameters
    ----------
    terms : str or iterable of str, optional
        The terms to show, in that order (other names and any case accepted;
        a term named twice is shown once). Default: every term of
        :data:`TERMS`, in teaching order.

    Returns
    -------
    Glossary
        Shows as a Markdown table in Jupyter and as plain text with
        ``print``; ``.to_frame()`` gives a DataFrame.

    Raises
    ------
    UnknownTermError
        When a term is not in the glossary; the message names the closest.
    TypeError
        When ``terms`` holds something that is not a string.

    Examples
    --------
    >>> from evalviz.glossary import glossary
    >>> print(glossary(["FPR", "prevalence"]))
    false-positive rate: Of the negatives, the share wrongly predicted positive: FP / (FP +
        TN) = 1 - specificity. Also called: FPR.
    prevalence: The share of samples that are positives: support divided by the number of
        samples.
    >>> from evalviz.glossary import TERMS
    >>> len(glossary()) == len(TERMS)
    True
    """
    if terms is None:
        return Glossary(_TERMS)
    if isinstance(terms, str):
        terms = [terms]
    resolved = [_resolve(t, "terms") for t in terms]
    return Glossary(list(dict.fromkeys(resolved)))
