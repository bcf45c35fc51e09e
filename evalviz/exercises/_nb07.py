"""Exercises of notebook 07, "Top-k accuracy vs AUC": what each number answers.

The answers come from the notebook's own data: the baseline network's cached
Fashion-MNIST test predictions, and the simulated 1,000-label scores drawn
with the notebook's seed.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from .. import metrics
from ..models import baseline_predictions
from ..simulate import multilabel_zipf
from ._core import Choice, Compute, Exercise, Mistake, Predict

#: The simulation the notebook draws (simulated scores, not a real model's).
SIMULATION = dict(
    n_samples=30_000,
    n_labels=1000,
    zipf_exponent=1.17,
    separability=3.0,
    labels_per_sample=5.0,
    seed=0,
)


@cache
def _fashion() -> tuple[np.ndarray, np.ndarray]:
    baseline = baseline_predictions(progress=False)
    return baseline.y_test, baseline.proba_test


def _top_k(k: int) -> float:
    y, proba = _fashion()
    return float(metrics.top_k_accuracy(y, proba, k))


@cache
def _simulated() -> tuple[np.ndarray, np.ndarray]:
    s = SIMULATION
    return multilabel_zipf(
        s["n_samples"],
        s["n_labels"],
        zipf_exponent=s["zipf_exponent"],
        separability=s["separability"],
        labels_per_sample=s["labels_per_sample"],
        seed=s["seed"],
    )


@cache
def _auc(average: str) -> float:
    y, s = _simulated()
    return float(metrics.roc_auc(y, s, average=average))


@cache
def _rare_recall_at_5() -> float:
    groups, _ = metrics.label_group_table(*_simulated(), k=5, edges=(10, 100))
    return float(groups["recall_at_k"].iloc[-1])


@cache
def _summary() -> dict[str, float]:
    y, s = _simulated()
    return {
        "keras_top5": float(metrics.top_k_accuracy(np.argmax(y, axis=1), s, 5)),
        "precision_at_5": float(metrics.precision_at_k(y, s, 5)),
        "micro_auc": _auc("micro"),
    }


def _shortlist_choices() -> dict[str, str]:
    n = _summary()
    return {
        "a": f"the micro AUC, {n['micro_auc']:.4f}: about "
        f"{5 * n['micro_auc']:.1f} of the five",
        "b": f"the Keras-style top-5 accuracy, {n['keras_top5']:.4f}: about "
        f"{5 * n['keras_top5']:.1f} of the five",
        "c": f"precision@5, {n['precision_at_5']:.4f}: about "
        f"{5 * n['precision_at_5']:.1f} of the five",
    }


def _shortlist_answer() -> str:
    # The number that counts right labels among the five shown is precision@5;
    # it is the only one whose value times 5 is a count of right labels.
    y, s = _simulated()
    shown = np.argpartition(-s, 5, axis=1)[:, :5]
    right = float(np.take_along_axis(y, shown, axis=1).sum(axis=1).mean())
    n = _summary()
    values = {"a": n["micro_auc"], "b": n["keras_top5"], "c": n["precision_at_5"]}
    return min(values, key=lambda key: abs(5 * values[key] - right))


def build() -> list[Exercise]:
    """The exercises in notebook order (they load the notebook's data).

    Returns
    -------
    list of Exercise
        Two compute, one predict and one interpret exercise.
    """
    return [
        Compute(
            "Compute the baseline network's **top-3 accuracy** on the Fashion-MNIST "
            "test images (`y_true`, `y_score`): the share of images whose true "
            "class is among the three highest scores. Give a fraction between "
            "0 and 1.",
            lambda: _top_k(3),
            tolerance=1e-4,
            hint="`sklearn.metrics.top_k_accuracy_score(y_true, y_score, k=...)` "
            "or `metrics.top_k_accuracy(y_true, y_score, ...)`.",
            solution="metrics.top_k_accuracy(y_true, y_score, 3)  "
            "# = sklearn.metrics.top_k_accuracy_score(y_true, y_score, k=3)",
            mistakes=[
                Mistake(
                    lambda: _top_k(1),
                    "that is top-1 (the accuracy of the argmax), not top-3",
                ),
                Mistake(lambda: _top_k(2), "that is top-2, not top-3"),
                Mistake(
                    lambda: _top_k(3) - _top_k(2),
                    "that is the share whose true class is exactly third; top-3 "
                    "counts ranks 1, 2 and 3",
                ),
            ],
        ),
        Compute(
            "On the **simulated** scores `y_sim`, `s_sim`, compute the **macro** "
            "ROC AUC: each of the 1,000 labels' AUC, averaged with equal weight.",
            lambda: _auc("macro"),
            tolerance=1e-4,
            hint="`metrics.roc_auc(y_sim, s_sim, average=...)`; scikit-learn's "
            "`roc_auc_score` takes the same `average=` and gives the same number, "
            "more slowly on 1,000 labels.",
            solution='metrics.roc_auc(y_sim, s_sim, average="macro")',
            mistakes=[
                Mistake(
                    lambda: _auc("micro"),
                    "that is the micro average: all (sample, label) cells pooled, "
                    "so the frequent labels weigh most; the macro average gives "
                    "each label the same weight",
                ),
                Mistake(
                    lambda: _auc("weighted"),
                    'that is the weighted average (`average="weighted"`, each '
                    "label weighted by its number of positives); the macro average "
                    "weighs every label equally",
                ),
            ],
        ),
        Predict(
            "The 900 rarest labels (the `101-1000` group) make up 90% of the labels, "
            "and each ranks its own samples about as well as a common label does. "
            "What share of their positives make it into a sample's top 5? Guess a "
            "fraction between 0 and 1.",
            _rare_recall_at_5,
            tolerance=0.05,
            hint="Five slots per sample, about 4.4 true labels per sample, and the "
            "ten most common labels score high on every sample.",
            solution=(
                "Almost none: the frequent labels score high on every sample and "
                "take the five slots, so a rare label's positive is seldom shown, "
                "although its own AUC is as high as a frequent label's. A high AUC "
                "per label does not put the label on the shortlist."
            ),
        ),
        Choice(
            "A client reads the five labels the model shows for each document and "
            "asks: **how many of them are right, on average?** Which number of the "
            "summary table answers that?",
            _shortlist_choices,
            _shortlist_answer,
            hint="Which number counts right labels among the five shown, and which "
            "ones count pairs or samples?",
            solution=(
                "precision@5 counts the right labels among the five shown and "
                "divides by five; times five it is the mean number of right labels "
                "on a shortlist, about two here. That is what a client who reads "
                "the shortlists notices."
            ),
            feedback={
                "a": "AUC counts pairs (a right cell scored above a wrong one), not "
                "labels on a shortlist; it says nothing about how many of the five "
                "are right",
                "b": "top-5 accuracy asks whether a sample's (first) true label is "
                "somewhere among the five, one yes or no per sample; it does not "
                "count the right labels among them",
            },
        ),
    ]
