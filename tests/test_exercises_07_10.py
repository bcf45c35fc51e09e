"""Notebooks 07 and 10: their exercise answers agree with plain computations.

The generic tests check that every answer passes and every typical mistake
fails; these check that the answers are the numbers the notebooks compute
(the same simulation, scikit-learn's top-k, a threshold search by hand).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import numpy as np
import pytest

from evalviz import exercises
from evalviz.exercises import _nb07, _nb10

COURSE = Path(__file__).resolve().parents[1] / "evalviz" / "course"


def _call_arguments(notebook: str, function: str) -> dict:
    cells = json.loads((COURSE / notebook).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or function not in source:
            continue
        code = "\n".join(
            line for line in source.splitlines() if not line.lstrip().startswith("%")
        )
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == function:
                args = [ast.literal_eval(a) for a in node.args]
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
                return {"args": args, **kwargs}
    raise AssertionError(f"{notebook} never calls {function}")


def test_07_exercises_use_the_notebooks_simulation():
    called = _call_arguments("07_top_k_vs_auc.ipynb", "multilabel_zipf")
    s = _nb07.SIMULATION
    assert called["args"] == [s["n_samples"], s["n_labels"]]
    for key in ("zipf_exponent", "separability", "labels_per_sample", "seed"):
        assert called[key] == s[key], key


def test_07_top_3_answer_is_scikit_learns():
    from sklearn.metrics import top_k_accuracy_score

    y, proba = _nb07._fashion()
    q1 = exercises.load("07").q1
    assert float(q1.expected()) == pytest.approx(top_k_accuracy_score(y, proba, k=3))
    assert "top-1" in q1.check(top_k_accuracy_score(y, proba, k=1)).message


def test_07_shortlist_answer_is_precision_at_5():
    q4 = exercises.load("07").q4
    assert q4.choices[q4.expected()].startswith("precision@5")


def test_10_cost_answer_matches_a_search_by_hand():
    base = _nb10._baseline()
    shirt_val, score_val = base.y_val == 6, base.proba_val[:, 6]
    candidates = np.unique(score_val)
    costs = [
        (
            np.sum(~shirt_val & (score_val >= t))
            + 10 * np.sum(shirt_val & (score_val < t))
        )
        / len(score_val)
        for t in candidates
    ]
    t = candidates[int(np.argmin(costs))]  # the lowest threshold among ties
    shirt, score = base.y_test == 6, base.proba_test[:, 6]
    by_hand = (np.sum(~shirt & (score >= t)) + 10 * np.sum(shirt & (score < t))) / len(
        shirt
    )
    q4 = exercises.load("10").q4
    assert float(q4.expected()) == pytest.approx(by_hand)
    assert "chosen on test" in q4.check(_nb10._cost("test", "test", 10)).message


def test_10_ece_answer_is_after_scaling_and_below_the_unscaled():
    q3 = exercises.load("10").q3
    before = _nb10._raw_ece(None)
    assert float(q3.expected()) < before
    assert "before temperature scaling" in q3.check(before).message
