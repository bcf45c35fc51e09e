"""evalviz.exercises: the checker itself, and every notebook's set.

Every exercise of every notebook must accept its own answer (computed from the
data) and refuse each typical wrong answer with the message that names the
mistake; the notebooks must hold a blank and a solved cell for each.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from evalviz import exercises
from evalviz.exercises import Choice, Compute, ExerciseSet, Mistake, Predict

COURSE = Path(__file__).resolve().parents[1] / "evalviz" / "course"
NOTEBOOKS = sorted(COURSE.glob("[0-9][0-9]_*.ipynb"))


def _compute(**kw):
    args = dict(
        tolerance=1e-3,
        hint="Divide.",
        solution="3 / 4",
        mistakes=[Mistake(0.25, "that is the error rate, 1 - accuracy")],
    )
    args.update(kw)
    return Compute("Accuracy?", lambda: 0.75, **args)


# --- the checker --------------------------------------------------------------


def test_compute_accepts_within_tolerance_and_refuses_outside():
    q = _compute()
    assert q.check(0.7504).correct is True
    assert q.state == "correct"
    assert q.check(0.752).correct is False
    assert q.state == "incorrect"
    assert "±0.001" in q.check(0.752).message


def test_compute_names_the_typical_mistake():
    fb = _compute().check(0.25)
    assert fb.correct is False
    assert "error rate" in fb.message


def test_compute_recognises_a_percentage():
    fb = _compute().check(75)
    assert fb.correct is False
    assert "percentage" in fb.message


@pytest.mark.parametrize("blank", [..., None])
def test_blank_answer_is_not_attempted(blank):
    q = _compute()
    fb = q.check(blank)
    assert fb.correct is None
    assert fb.status == "not attempted"
    assert q.state == "not attempted"


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("0.75", "without quotes"),
        (True, "True or False"),
        (np.array([0.75, 0.5]), "average="),
        (float("nan"), "NaN"),
        (object(), "should be a number"),
    ],
)
def test_unreadable_answers_say_why(answer, words):
    fb = _compute().check(answer)
    assert fb.correct is False
    assert words in fb.message


def test_numpy_and_pandas_scalars_are_numbers():
    pd = pytest.importorskip("pandas")
    q = _compute()
    assert q.check(np.float32(0.75)).correct
    assert q.check(np.array([0.75])).correct
    assert q.check(pd.Series([0.75])).correct


def test_array_answers_are_checked_elementwise():
    q = Compute(
        "Recall per class?",
        lambda: [0.5, 1.0],
        tolerance=0.01,
        hint="h",
        solution="recall(y, p, average=None)",
        mistakes=[Mistake([1.0, 0.5], "those are the classes swapped")],
    )
    assert q.check([0.505, 0.995]).correct
    assert "swapped" in q.check([1.0, 0.5]).message
    assert "shape (2,)" in q.check(0.5).message


def test_answer_is_computed_once_and_lazily():
    calls = []

    def answer():
        calls.append(1)
        return 2.0

    q = Compute("x?", answer, tolerance=0, hint="h", solution="2")
    assert calls == []
    q.check(2)
    q.check(3)
    assert calls == [1]


def test_exact_tolerance_is_stated():
    q = Compute("How many?", lambda: 1000, tolerance=0, hint="h", solution="1000")
    assert "checked exactly" in q.check(1000).message
    assert q.check(1001).correct is False


def test_negative_tolerance_is_refused():
    with pytest.raises(ValueError, match="tolerance"):
        Compute("x?", 1, tolerance=-1, hint="h", solution="1")


def test_choice_by_key_or_text_and_feedback_for_wrong_keys():
    q = Choice(
        "Which?",
        {"a": "ROC AUC", "b": "accuracy"},
        lambda: "b",
        hint="h",
        solution="accuracy counts decisions.",
        feedback={"a": "ROC AUC ranks, it does not decide"},
    )
    assert q.check("B").correct
    assert q.check("accuracy").correct
    wrong = q.check("a")
    assert wrong.correct is False and "ranks" in wrong.message
    assert "one of the keys" in q.check("z").message
    assert "**b**" in q.solution().message


def test_choice_refuses_a_computed_answer_outside_the_choices():
    q = Choice("Which?", {"a": "x"}, lambda: "q", hint="h", solution="s")
    with pytest.raises(ValueError, match="not one of the choices"):
        q.check("a")


def test_predict_records_then_reveals():
    q = Predict("Guess", lambda: 0.5, tolerance=0.1, hint="h", solution="Why.")
    assert q.predict(...).status == "not attempted"
    assert q.predict(0.55).status == "recorded"
    msg = q.reveal().message
    assert "You guessed 0.55; the value is 0.5" in msg and "within" in msg
    q2 = Predict("Guess", lambda: 0.5, tolerance=0.1, hint="h", solution="Why.")
    assert "made no guess" in q2.reveal().message
    q3 = Predict("Guess", lambda: 0.5, tolerance=0.1, hint="h", solution="Why.")
    assert "more than" in q3.check(0.9).message


@pytest.mark.parametrize("bad", ["0.5", float("nan"), float("inf"), [0.1, 0.2]])
def test_predict_refuses_an_unreadable_guess(bad):
    q = Predict("Guess", lambda: 0.5, tolerance=0.1, hint="h", solution="Why.")
    assert q.predict(bad).status == "not attempted"
    assert q.guess is None


def test_predict_among_choices():
    q = Predict(
        "Which is larger?",
        lambda: "a",
        choices={"a": "AUC", "b": "AP"},
        hint="h",
        solution="Why.",
    )
    assert q.predict("c").status == "not attempted"
    q.predict("A")
    assert "right" in q.reveal().message


def test_predict_needs_tolerance_or_choices():
    with pytest.raises(ValueError, match="exactly one"):
        Predict("x", 1, hint="h", solution="s")


def test_set_names_and_progress():
    s = ExerciseSet("07", [_compute(), _compute()])
    assert [e.name for e in s.exercises] == ["q1", "q2"]
    s.q2.check(0.75)
    assert repr(s) == "ExerciseSet(07: 2 exercises, 1 correct)"
    assert "| `q2` | compute |" in s._repr_markdown_()
    with pytest.raises(AttributeError, match="q1 to q2"):
        s.q3  # noqa: B018


@pytest.mark.parametrize("bad", ["99", "abc", 3.5, True])
def test_load_names_the_notebooks_that_have_exercises(bad):
    with pytest.raises(ValueError, match="notebook"):
        exercises.load(bad)


def test_load_accepts_number_and_file_name():
    assert exercises.load(0).notebook == "00"
    assert exercises.load("00_start_here.ipynb").notebook == "00"


# --- what learners type ---------------------------------------------------------


def test_none_is_named_with_its_likely_cause():
    fb = _compute().check(None)
    assert fb.status == "not attempted"
    assert "None" in fb.message and "print" in fb.message


@pytest.mark.parametrize(
    ("text", "call"), [("0.75", "q.check(0.75)"), ("75%", "q.check(0.75)")]
)
def test_a_number_in_quotes_gets_the_call_without_quotes(text, call):
    fb = _compute().check(text)
    assert fb.correct is False
    assert call in fb.message


def test_a_value_rounded_coarser_than_the_tolerance_is_named_as_rounded():
    q = Compute("AUC?", lambda: 0.8837, tolerance=1e-3, hint="h", solution="s")
    fb = q.check(0.88)
    assert fb.correct is False and "rounded to 2 decimals" in fb.message
    assert q.check(0.884).correct  # 3 decimals are within ±0.001
    assert "rounded" not in q.check(0.87).message
    fine = Compute("AUC?", lambda: 0.8837, tolerance=1e-4, hint="h", solution="s")
    assert "rounded to 3 decimals" in fine.check(0.884).message
    assert fine.check(0.8837).correct  # read off a table at 4 decimals


def test_a_mistake_rounded_is_still_named():
    q = Compute(
        "Macro?",
        lambda: 0.8837,
        tolerance=1e-4,
        hint="h",
        solution="s",
        mistakes=[Mistake(0.8712, "that is the micro average")],
    )
    assert "micro average" in q.check(0.871).message


def test_a_rounded_percentage_is_recognised_but_not_for_a_count():
    q = Compute("AUC?", lambda: 0.8837, tolerance=1e-3, hint="h", solution="s")
    assert "percentage" in q.check(88).message
    assert "percentage" in q.check(88.4).message
    count = Compute("How many?", lambda: 968, tolerance=0, hint="h", solution="s")
    assert "percentage" not in count.check(96800).message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (10**400, "too large"),
        ((16, 611), "16611"),
        (np.datetime64("2020-01-01"), "should be a number"),
        ({"accuracy": 0.75}, "answer['accuracy']"),
    ],
)
def test_odd_answers_are_refused_with_the_fix(answer, words):
    fb = _compute().check(answer)
    assert fb.correct is False
    assert words in fb.message


def test_an_empty_list_is_not_called_a_metric_without_average():
    fb = _compute().check([])
    assert fb.correct is False and "shape (0,)" in fb.message
    assert "average=" not in fb.message


def test_feedback_passed_back_is_refused_by_name():
    q = _compute()
    fb = q.check(q.check(0.75))
    assert fb.correct is False and "feedback" in fb.message


@pytest.mark.parametrize(
    "typed", ["b", "B", "b ", "B)", "(b)", "'b'", "b.", "b: accuracy", "Accuracy."]
)
def test_choice_reads_a_key_as_learners_type_it(typed):
    q = Choice("Which?", {"a": "ROC AUC", "b": "accuracy"}, "b", hint="h", solution="s")
    assert q.check(typed).correct is True


def test_choice_refusal_quotes_the_answer_as_typed():
    q = Choice("Which?", {"a": "ROC AUC", "b": "accuracy"}, "b", hint="h", solution="s")
    assert "'Z)'" in q.check("Z)").message
    assert "b: accuracy" not in q.check("b: ROC AUC").message
    assert q.check("b: ROC AUC").correct is False
    number = q.check(2).message
    assert number.startswith("The number `2`") and "in quotes" in number


def test_predict_refuses_a_guess_after_the_value_was_shown():
    q = Predict("Guess", lambda: 0.5, tolerance=0.1, hint="h", solution="Why.")
    q.predict(0.9)
    q.reveal()
    fb = q.predict(0.5)
    assert fb.status == "not attempted" and "shown already" in fb.message
    assert q.guess == 0.9
    assert "You guessed 0.9" in q.reveal().message
    fresh = Predict("Guess", lambda: 0.5, tolerance=0.1, hint="h", solution="Why.")
    fresh.solution()
    assert fresh.predict(0.5).status == "not attempted"


def test_predict_twice_says_which_guess_counts():
    q = Predict("Guess", lambda: 0.5, tolerance=0.1, hint="h", solution="Why.")
    q.predict(0.2)
    assert "replaces your earlier guess 0.2" in q.predict(0.3).message
    assert q.guess == 0.3


def test_predict_check_with_an_unreadable_guess_says_why_and_does_not_reveal():
    q = Predict("Guess", lambda: 0.5, tolerance=0.1, hint="h", solution="Why.")
    fb = q.check("0.5")
    assert fb.status == "not attempted" and "q.predict(0.5)" in fb.message
    assert q.predict(0.5).status == "recorded"


def test_predict_solution_shows_the_value_after_a_guess():
    q = Predict("Guess", lambda: 0.5, tolerance=0.1, hint="h", solution="Why.")
    q.predict(0.7)
    assert "the value is 0.5" in q.solution().message


def test_predict_reads_a_percentage_guess_for_a_fraction():
    q = Predict("Guess", lambda: 0.12, tolerance=0.02, hint="h", solution="Why.")
    q.predict(10)
    msg = q.reveal().message
    assert "read as 10%" in msg and "off by 0.02: within" in msg
    count = Predict("How many?", lambda: 1, tolerance=1, hint="h", solution="Why.")
    count.predict(7)
    assert "off by 6" in count.reveal().message


def test_predict_value_is_computed_once():
    calls = []

    def actual():
        calls.append(1)
        return 0.5

    q = Predict("Guess", actual, tolerance=0.1, hint="h", solution="Why.")
    q.reveal()
    q.reveal()
    q.solution()
    assert calls == [1]


@pytest.mark.parametrize("bad", [True, float("nan"), "0.1", -1])
def test_tolerance_must_be_a_finite_number(bad):
    with pytest.raises(ValueError, match="tolerance"):
        Compute("x?", 1, tolerance=bad, hint="h", solution="1")
    with pytest.raises(ValueError, match="tolerance"):
        Predict("x?", 1, tolerance=bad, hint="h", solution="1")


def test_feedback_repr_is_one_line_print_keeps_code_and_bool_is_correct():
    q = Compute("x?", 0.25, tolerance=0, hint="h", solution="a = 1\nb = a / 4")
    sol = q.solution()
    assert "\n" not in repr(sol)
    assert "from a = 1; b = a / 4" in repr(sol)
    assert "\n    a = 1\n    b = a / 4" in str(sol)
    assert "\n\n\n" not in str(sol)
    assert bool(q.check(0.25)) is True
    assert bool(q.check(0.5)) is False
    assert bool(q.check(...)) is False


def test_mistake_and_exercise_reprs_are_one_line_without_address():
    assert repr(Mistake(0.5, "chance")) == "Mistake(0.5, 'chance')"
    assert "0x" not in repr(Mistake(lambda: 0.5, "chance"))
    q = Compute("Two\nlines?", 1, tolerance=0, hint="h", solution="1")
    assert "\n" not in repr(q)


def test_integral_answers_print_without_exponent():
    q = Compute("How many?", lambda: 1234567.0, tolerance=0, hint="h", solution="n")
    assert "Correct: 1,234,567" in q.check(1234567).message


def test_set_has_length_iteration_and_names_the_exercises():
    s = ExerciseSet("07", [_compute(), _compute()])
    assert len(s) == 2
    assert [e.name for e in s] == ["q1", "q2"]
    with pytest.raises(AttributeError, match="q1 to q2"):
        s.Q1  # noqa: B018


def test_load_reads_a_windows_path_and_names_unknown_data():
    path = "C:\\course\\00_start_here.ipynb"
    assert exercises.load(path).notebook == "00"
    with pytest.raises(TypeError, match="foo="):
        exercises.load("00", foo=1)


# --- every notebook's set ------------------------------------------------------


def _sets():
    return [pytest.param(nb, id=nb) for nb in exercises.available()]


def test_every_course_notebook_has_a_set():
    numbers = sorted(p.name[:2] for p in NOTEBOOKS)
    assert exercises.available() == numbers


@pytest.mark.parametrize("number", _sets())
def test_set_has_two_to_five_exercises_of_the_three_kinds(number):
    s = exercises.load(number)
    assert 2 <= len(s.exercises) <= 5
    assert {e.kind for e in s.exercises} == {"predict", "compute", "interpret"}


@pytest.mark.parametrize("number", _sets())
def test_each_exercise_passes_its_solution_and_fails_typical_mistakes(number):
    for q in exercises.load(number).exercises:
        blank = q.predict(...) if isinstance(q, Predict) else q.check(...)
        assert blank.status == "not attempted"
        assert q.hint().message and q.solution().message
        if isinstance(q, Compute):
            assert q.mistakes, f"{number} {q.name}: no typical mistake to test"
            assert q.check(q.expected()).correct is True
            for mistake in q.mistakes:
                fb = q.check(mistake.value())
                assert fb.correct is False, f"{number} {q.name}: {mistake.message}"
                assert mistake.message in fb.message
        elif isinstance(q, Choice):
            right = q.expected()
            assert q.check(right).correct is True
            wrong = [k for k in q.choices if k != right]
            assert wrong
            for key in wrong:
                fb = q.check(key)
                assert fb.correct is False
                assert key in q.feedback, f"{number} {q.name}: no feedback for {key!r}"
                assert q.feedback[key] in fb.message
        else:
            assert isinstance(q, Predict)
            actual = q._actual()
            q.predict(actual)
            assert q.reveal().status == "revealed"


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def _text(cell):
    return "".join(cell["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_notebook_has_blank_and_solved_cells_for_each_exercise(path):
    cells = _cells(path)
    loads = {
        m for c in cells for m in re.findall(r'exercises\.load\("(\d\d)"', _text(c))
    }
    assert loads == {path.name[:2]}
    n = len(exercises.load(path.name[:2]).exercises)
    for i in range(1, n + 1):
        call = re.compile(rf"\bex\.q{i}\.(check|predict)\(")
        blank = [c for c in cells if "exercise" in _tags(c) and call.search(_text(c))]
        solved = [c for c in cells if "solution" in _tags(c) and call.search(_text(c))]
        assert blank, f"q{i}: no cell tagged 'exercise'"
        assert all("..." in _text(c) for c in blank), f"q{i}: blank cell without ..."
        assert solved, f"q{i}: no cell tagged 'solution'"
        for c in solved:
            hidden = c["metadata"].get("jupyter", {})
            assert hidden.get("source_hidden") is True, "run tools/hide_solutions.py"
            assert hidden.get("outputs_hidden") is True, "run tools/hide_solutions.py"
            shown = json.dumps(c.get("outputs", []))
            assert "not attempted" not in shown and "incorrect" not in shown, (
                f"q{i}: the stored solution output is not a pass"
            )


def _names(source):
    import ast

    code = "\n".join(
        line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))
    )
    tree = ast.parse(code)
    stored, loaded = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (stored if isinstance(node.ctx, ast.Store) else loaded).add(node.id)
        elif isinstance(node, ast.alias):
            stored.add((node.asname or node.name).split(".")[0])
    return stored, loaded


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_no_cell_needs_a_name_that_only_a_solution_defines(path):
    # The student version deletes the solution cells; every later cell must run.
    defined, only_in_solutions = set(), set()
    for cell in _cells(path):
        if cell["cell_type"] != "code":
            continue
        stored, loaded = _names(_text(cell))
        if "solution" in _tags(cell):
            only_in_solutions |= stored - defined
            continue
        missing = (loaded & only_in_solutions) - defined
        assert not missing, f"{sorted(missing)} defined only in a solution cell"
        defined |= stored


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_exercises_appear_in_order(path):
    cells = [_text(c) for c in _cells(path) if c["cell_type"] == "code"]
    n = len(exercises.load(path.name[:2]).exercises)
    first = [
        next(i for i, s in enumerate(cells) if re.search(rf"\bex\.q{k}\b", s))
        for k in range(1, n + 1)
    ]
    assert first == sorted(first), f"first cells of q1..q{n}: {first}"
