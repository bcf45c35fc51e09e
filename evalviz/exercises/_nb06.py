"""Exercises of notebook 06: exact match against element-wise accuracy."""

from __future__ import annotations

from functools import cache

from .. import metrics, models, uncertainty
from ._core import Choice, Compute, Exercise, Mistake, Predict

#: How many of the ten labels the first exercise keeps (the first six): the
#: question the notebook starts from has six sigmoid outputs.
SEED_LABELS = 6


@cache
def _model():
    return models.outfits_predictions(progress=False)


def _summary(split: str, threshold: float, labels: int | None = None):
    model = _model()
    y_true = getattr(model, f"y_{split}")[:, :labels]
    y_score = getattr(model, f"proba_{split}")[:, :labels]
    return metrics.multilabel_summary(y_true, y_score, threshold=threshold)


@cache
def _best_threshold() -> float:
    """The threshold with the highest exact match on the validation outfits."""
    model = _model()
    table = metrics.multilabel_threshold_table(model.y_val, model.proba_val)
    return float(table["exact_match"].idxmax())


@cache
def _errors_cluster() -> str:
    """``"a"`` when exact match is beyond the noise above independent errors."""
    model = _model()
    right = (model.proba_test > 0.5).astype(int) == model.y_test
    independent = right.mean() ** right.shape[1]
    low, high = uncertainty.proportion_ci(int(right.all(axis=1).sum()), len(right))
    if low <= independent <= high:
        return "c"
    return "a" if independent < low else "b"


def build() -> list[Exercise]:
    """The exercises in notebook order (they load the notebook's outfit model).

    Returns
    -------
    list of Exercise
        A predict, an interpret and a compute exercise.
    """
    return [
        Predict(
            "Keep only the first six of the ten labels (T-shirt/top to "
            "Sandal), as if the outfits had six labels like the question's model. "
            "Predict the **exact match** of the same test predictions at 0.5 over "
            "those six labels (a fraction).",
            lambda: float(_summary("test", 0.5, SEED_LABELS)["exact_match"]),
            tolerance=0.05,
            hint="With ten labels it is printed above; with fewer labels there are "
            "fewer chances for one of them to be wrong.",
            solution=(
                "Fewer labels, fewer chances to spoil an outfit: exact match rises "
                "well above its ten-label value, while element-wise accuracy barely "
                "moves. The gap between the two accuracies grows with the number of "
                "labels."
            ),
        ),
        Choice(
            "Exact match on the test outfits is above what independent errors "
            "would give (element-wise accuracy to the power 10). What does that say?",
            {
                "a": "The errors cluster: some outfits collect several wrong labels, "
                "so more outfits than chance have none",
                "b": "The errors avoid each other: wrong labels are spread over more "
                "outfits than chance",
                "c": "Nothing: the difference is within the noise of 2,500 outfits",
            },
            _errors_cluster,
            hint="Compare the 95% interval of exact match with the "
            "independent-errors value, then the `share` column of the wrong-labels "
            "table with its `independent errors` column.",
            solution=(
                "The same number of wrong cells, packed into fewer outfits, leaves "
                "more outfits entirely right than independent errors would: the "
                "table has more outfits than the binomial shares with none wrong, "
                "fewer with one wrong, and more with three or more."
            ),
            feedback={
                "a": "the interval of exact match does not support a difference "
                "in that direction; read it again",
                "b": "errors spread over more outfits would leave fewer outfits "
                "entirely right, so exact match would be below the independent "
                "value, not above it",
                "c": "the 95% interval of exact match does not contain the "
                "independent-errors value, so the gap is beyond the noise",
            },
        ),
        Compute(
            "Report on the **test** outfits the **exact match** at the threshold "
            "the validation outfits chose for exact match (the `exact_match` row of "
            "the table above).",
            lambda: float(_summary("test", _best_threshold())["exact_match"]),
            tolerance=1e-4,
            hint="`multilabel_summary(model.y_test, model.proba_test, threshold=t)` "
            "or `accuracy_score(model.y_test, model.proba_test > t)`, with `t` from "
            "`by_threshold.idxmax()`.",
            solution="multilabel_summary(model.y_test, model.proba_test, "
            "threshold=by_threshold['exact_match'].idxmax())['exact_match']",
            mistakes=[
                Mistake(
                    lambda: float(_summary("test", _best_threshold())["element_wise"]),
                    "that is element-wise (Keras) accuracy, the question asks for "
                    "exact match",
                ),
                Mistake(
                    lambda: float(_summary("val", _best_threshold())["exact_match"]),
                    "that is the exact match on the validation outfits, which chose "
                    "the threshold; report it on the test outfits",
                ),
                Mistake(
                    lambda: float(_summary("test", 0.5)["exact_match"]),
                    "that is the exact match at 0.5; use the threshold the "
                    "validation outfits chose",
                ),
            ],
        ),
    ]
