"""The three kinds of exercise and the feedback they give.

An exercise holds a question, a hint, a worked solution and the right answer
as a *function of the data*: the answer is computed the first time it is
needed, from the same predictions the notebook shows, never typed into the
package. Learners answer in code (``ex.q2.check(0.83)``); nothing reads from
the keyboard, so every cell also runs unattended (nbval, a classroom's
"Run all"). The blank ``...`` (Ellipsis) is the "not attempted" answer that a
student version of a notebook starts from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from ._answers import (
    _as_numbers,
    _choice_list,
    _decimals,
    _format,
    _key,
    _lazy,
    _none,
    _not_a_key,
    _plain,
    _sentence,
    _short,
    _shown,
    _tolerance,
)

__all__ = [
    "Choice",
    "Compute",
    "Exercise",
    "ExerciseSet",
    "Feedback",
    "Mistake",
    "Predict",
]

_MARKS = {
    "correct": "✓",
    "incorrect": "✗",
    "not attempted": "·",
    "recorded": "✎",
    "revealed": "●",
    "hint": "?",
    "solution": "!",
}


class Feedback:
    """What a learner sees after ``check``, ``hint``, ``solution`` or ``reveal``.

    Parameters
    ----------
    status : str
        One of ``"correct"``, ``"incorrect"``, ``"not attempted"``,
        ``"recorded"`` (a prediction was stored), ``"revealed"``, ``"hint"``
        or ``"solution"``.
    message : str
        The explanation, in Markdown.
    exercise : str
        The exercise's name (``"q2"``).

    Examples
    --------
    >>> Feedback("correct", "Right: 0.8837.", "q1").correct
    True

    ``print`` shows the whole text; the ``repr`` is one line; ``bool`` is
    True only for a correct answer, so ``assert ex.q2.check(x)`` fails on a
    wrong one.
    """

    __slots__ = ("exercise", "message", "status")

    def __init__(self, status: str, message: str, exercise: str = "") -> None:
        self.status = status
        self.message = message
        self.exercise = exercise

    @property
    def correct(self) -> bool | None:
        """Whether the answer was right.

        Returns
        -------
        bool or None
            True or False once checked; None when there was nothing to check.
        """
        if self.status == "correct":
            return True
        if self.status == "incorrect":
            return False
        return None

    def _title(self) -> str:
        who = f"{self.exercise}: " if self.exercise else ""
        return f"{_MARKS.get(self.status, '')} {who}{self.status}".strip()

    def __bool__(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return f"{self._title()}. {_plain(self.message)}"

    def __repr__(self) -> str:
        return f"{self._title()}. {_plain(self.message, oneline=True)}"

    def _repr_markdown_(self) -> str:
        return f"**{self._title()}.** {self.message}"


class Mistake:
    """A typical wrong answer and the sentence that explains it.

    Parameters
    ----------
    answer : object or callable
        The wrong value (a number, an array or a choice's key), or a function
        of no arguments that computes it from the data.
    message : str
        What the learner most likely did (e.g. "that is the micro average").

    Examples
    --------
    >>> Mistake(0.5, "that is the chance level").message
    'that is the chance level'
    """

    __slots__ = ("answer", "message")

    def __init__(self, answer: Any, message: str) -> None:
        self.answer = answer
        self.message = message

    def __repr__(self) -> str:
        shown = "<computed>" if callable(self.answer) else _short(self.answer)
        return f"Mistake({shown}, {self.message!r})"

    def value(self) -> Any:
        """The wrong answer, computed when it is a function.

        Returns
        -------
        object
            The value the learner would give by making this mistake.
        """
        return self.answer() if callable(self.answer) else self.answer


def _read_numbers(
    answer: Any, shape: tuple[int, ...], call: str
) -> tuple[np.ndarray | None, str]:
    """:func:`_as_numbers`, and a word for the feedback of another check."""
    if isinstance(answer, Feedback):
        return None, (
            f"The answer should be a number; you gave the feedback of "
            f"`{answer.exercise or 'q'}.check(...)`, a message. Pass the value "
            f"itself: `{call}(value)`."
        )
    return _as_numbers(answer, shape, call)


class Exercise:
    """The parts every exercise shares: question, hint, solution, state.

    Parameters
    ----------
    question : str
        The question, in Markdown.
    hint : str
        A nudge that does not give the answer away.
    solution : str
        The worked solution: code (shown as a code block) or a sentence.

    Notes
    -----
    ``name`` is set by :class:`ExerciseSet` (``"q1"``, ``"q2"`` ...). The
    state starts as ``"not attempted"``. Use one of the three kinds,
    :class:`Compute`, :class:`Choice` or :class:`Predict`.

    Examples
    --------
    >>> q = Exercise("Why scale pixels?", hint="Look at the loss.", solution="So ...")
    >>> q.state, q.hint().message
    ('not attempted', 'Look at the loss.')
    """

    kind = "exercise"

    def __init__(self, question: str, *, hint: str, solution: str) -> None:
        self.question = question
        self._hint = hint
        self._solution = solution
        self.name = ""
        self.state = "not attempted"

    def _feedback(self, status: str, message: str, *, record: bool = True) -> Feedback:
        if record:
            self.state = status
        return Feedback(status, message, self.name)

    def _not_attempted(self, how: str) -> Feedback:
        return self._feedback(
            "not attempted",
            f"Replace `...` with your answer, then run the cell again: {how}. "
            f"Stuck? `{self.name or 'q'}.hint()`.",
        )

    def hint(self) -> Feedback:
        """A hint: what to look at or which function to call.

        Returns
        -------
        Feedback
            Shows as Markdown in Jupyter, as text with ``print``.
        """
        return self._feedback("hint", self._hint, record=False)

    def solution(self) -> Feedback:
        """The worked solution and the answer, computed from the data.

        Returns
        -------
        Feedback
            Shows as Markdown in Jupyter, as text with ``print``.
        """
        return self._feedback("solution", self._solution_text(), record=False)

    def _solution_text(self) -> str:
        return self._solution

    def _how(self) -> str:
        return ""

    def _call(self, method: str) -> str:
        return f"{self.name or 'q'}.{method}"

    def __repr__(self) -> str:
        return _plain(
            f"{self.name or self.kind} ({self.kind}, {self.state}): "
            f"{self.question} {self._how()}",
            oneline=True,
        )

    def _repr_markdown_(self) -> str:
        title = f"**{self.name}**" if self.name else f"**{self.kind}**"
        return f"{title} ({self.kind}). {self.question}\n\n*{self._how()}*"


class Compute(Exercise):
    """Compute a number from the data; checked within a stated tolerance.

    Parameters
    ----------
    question : str
        The question, in Markdown.
    answer : callable or float or array-like
        The right answer, or (preferably) a function of no arguments that
        computes it from the data; it is called once, on first use.
    tolerance : float
        Largest accepted absolute difference, stated to the learner.
    hint : str
        See :class:`Exercise`.
    solution : str
        The code that computes the answer with the notebook's variables.
    mistakes : sequence of Mistake, optional
        Typical wrong answers, each with its explanation. A percentage given
        for a fraction is always recognised.

    Examples
    --------
    >>> q = Compute("Accuracy of [1, 0, 1] against [1, 1, 1]?", lambda: 2 / 3,
    ...             tolerance=1e-3, hint="Count the matches.", solution="2 / 3",
    ...             mistakes=[Mistake(1 / 3, "that is the error rate")])
    >>> q.check(0.667).correct
    True
    >>> q.check(1 / 3).message
    'Not quite: that is the error rate.'
    """

    kind = "compute"

    def __init__(
        self,
        question: str,
        answer: Any,
        *,
        tolerance: float,
        hint: str,
        solution: str,
        mistakes: Sequence[Mistake] = (),
    ) -> None:
        super().__init__(question, hint=hint, solution=solution)
        self.tolerance = _tolerance(tolerance)
        self._answer = _lazy(answer)
        self._cached: np.ndarray | None = None
        self.mistakes = tuple(mistakes)

    def expected(self) -> np.ndarray:
        """The right answer, computed from the data on first use.

        Returns
        -------
        ndarray
            A 0-d array for one number, else the answer's shape.
        """
        if self._cached is None:
            self._cached = np.asarray(self._answer(), dtype=float)
        return self._cached

    def _close(self, value: np.ndarray, target: Any) -> bool:
        target = np.asarray(target, dtype=float)
        if target.shape != value.shape:
            return False
        slack = self.tolerance + 1e-12 * np.maximum(1.0, np.abs(target))
        return bool(np.all(np.abs(value - target) <= slack))

    def _rounded(self, value: np.ndarray, target: Any) -> int | None:
        """``d`` when ``value`` is ``target`` rounded to ``d >= 2`` decimals.

        Only roundings coarser than the tolerance count (finer ones pass).
        """
        target = np.asarray(target, dtype=float)
        d = _decimals(value)
        if d is None or d < 2 or target.shape != value.shape:
            return None
        half = 0.5 * 10.0**-d
        if half <= self.tolerance:
            return None
        return d if np.all(np.abs(value - target) <= half * (1 + 1e-6)) else None

    def _percentage(self, value: np.ndarray, expected: np.ndarray) -> bool:
        """Whether ``value`` is the fraction ``expected`` given as a percentage."""
        fraction = bool(np.all((expected >= 0) & (expected <= 1)))
        if not fraction or not np.any(np.abs(value) > 1):
            return False
        share = value / 100
        return (
            self._close(share, expected) or self._rounded(share, expected) is not None
        )

    def _within(self) -> str:
        if self.tolerance == 0:
            return "checked exactly"
        return f"checked to within ±{self.tolerance:g}"

    def _how(self) -> str:
        return f"Answer with `{self._call('check')}(value)`; {self._within()}."

    def check(self, answer: Any = ...) -> Feedback:
        """Check a computed answer.

        Parameters
        ----------
        answer : float or array-like
            The learner's value; ``...`` (the default) means not attempted.

        Returns
        -------
        Feedback
            ``.correct`` is True, False, or None when not attempted.
        """
        call = self._call("check")
        if answer is ...:
            return self._not_attempted(f"`{call}(value)`")
        if answer is None:
            return self._feedback("not attempted", _none(call))
        expected = self.expected()
        value, problem = _read_numbers(answer, expected.shape, call)
        if value is None:
            return self._feedback("incorrect", problem)
        if not np.all(np.isfinite(value)):
            return self._feedback(
                "incorrect",
                f"Your answer {_format(value)} is not a finite number: a metric "
                "that divides by zero gives NaN. Check the class or the threshold.",
            )
        if self._close(value, expected):
            return self._feedback(
                "correct",
                f"Correct: {_format(expected)} ({self._within()}).",
            )
        return self._feedback("incorrect", self._wrong(value, expected))

    def _wrong(self, value: np.ndarray, expected: np.ndarray) -> str:
        """What a wrong value most likely is: a known mistake, a rounding ..."""
        for mistake in self.mistakes:
            if self._close(value, mistake.value()):
                return f"Not quite: {mistake.message}."
        d = self._rounded(value, expected)
        if d is not None:
            return (
                f"Close, but rounded to {d} decimals, and the answer is "
                f"{self._within()}. Give the value unrounded: compute it rather "
                "than copy it from a printed table."
            )
        for mistake in self.mistakes:
            if self._rounded(value, mistake.value()) is not None:
                return f"Not quite: {mistake.message}."
        if self._percentage(value, expected):
            return (
                "Not quite: that looks like a percentage. Give the fraction "
                "(between 0 and 1) instead."
            )
        return (
            f"Not quite: {_format(value)} is not the answer ({self._within()}). "
            f"`{self._call('hint')}()` may help."
        )

    def _solution_text(self) -> str:
        return (
            f"Answer: **{_format(self.expected())}**, from\n\n```python\n"
            f"{self._solution.strip()}\n```"
        )


class Choice(Exercise):
    """A multiple choice about a plot or a table; the right key may be computed.

    Parameters
    ----------
    question : str
        The question, in Markdown.
    choices : mapping of str to str, or callable
        Key (``"a"``, ``"b"`` ...) to the choice's text; a function of no
        arguments may compute them from the data (e.g. class names).
    answer : str or callable
        The right key, or a function of no arguments that finds it in the data.
    hint, solution : str
        See :class:`Exercise`; ``solution`` explains why the answer is right.
    feedback : mapping of str to str, optional
        For a wrong key, what that choice misreads.

    Examples
    --------
    >>> q = Choice("Which is larger?", {"a": "2", "b": "3"}, "b",
    ...            hint="Compare them.", solution="3 > 2.",
    ...            feedback={"a": "2 is the smaller one"})
    >>> q.check("a").message
    'Not quite: 2 is the smaller one.'
    >>> q.check("B").correct
    True
    """

    kind = "interpret"

    def __init__(
        self,
        question: str,
        choices: Mapping[str, str] | Callable[[], Mapping[str, str]],
        answer: str | Callable[[], str],
        *,
        hint: str,
        solution: str,
        feedback: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(question, hint=hint, solution=solution)
        self._choices = _lazy(choices)
        self._answer = _lazy(answer)
        self.feedback = dict(feedback or {})

    @property
    def choices(self) -> dict[str, str]:
        """Key to text of every choice.

        Returns
        -------
        dict of str to str
            The choices, computed when they depend on the data.
        """
        return dict(self._choices())

    def expected(self) -> str:
        """The right key, found in the data.

        Returns
        -------
        str
            One of the keys of :attr:`choices`.

        Raises
        ------
        ValueError
            If the computed answer is not one of the choices.
        """
        key = self._answer()
        if key not in self.choices:  # a bug in the exercise, not the learner's
            raise ValueError(
                f"the computed answer {key!r} is not one of the choices "
                f"{list(self.choices)}"
            )
        return key

    def _how(self) -> str:
        keys = ", ".join(f'"{k}"' for k in self.choices)
        return f"Answer with `{self._call('check')}(key)`, key one of {keys}."

    def _repr_markdown_(self) -> str:
        return super()._repr_markdown_() + _choice_list(self.choices)

    def check(self, answer: Any = ...) -> Feedback:
        """Check the chosen key (or the choice's full text).

        Parameters
        ----------
        answer : str
            A key such as ``"b"``, case-insensitive; ``...`` (the default)
            means not attempted.

        Returns
        -------
        Feedback
            ``.correct`` is True, False, or None when not attempted.
        """
        if answer is ...:
            return self._not_attempted(f"`{self._call('check')}(key)`")
        if answer is None:
            return self._feedback("not attempted", _none(self._call("check")))
        choices = self.choices
        key = _key(answer, choices)
        if key is None:
            return self._feedback(
                "incorrect", _not_a_key(answer, choices, "answer with")
            )
        right = self.expected()
        if key == right:
            return self._feedback("correct", f"Correct. {self._solution}")
        reason = self.feedback.get(key, "look at the figure again")
        return self._feedback("incorrect", f"Not quite: {reason}.")

    def _solution_text(self) -> str:
        right = self.expected()
        return f"**{right}**: {_sentence(self.choices[right])} {self._solution}"


class Predict(Exercise):
    """Commit to a guess before a cell runs, then compare it with the value.

    Parameters
    ----------
    question : str
        What to predict, in Markdown.
    actual : callable or float or str
        The value the notebook is about to compute (a function of no
        arguments, called once, on :meth:`reveal`), or a choice's key.
    hint : str
        See :class:`Exercise`.
    solution : str
        What the value teaches, shown by :meth:`reveal`.
    tolerance : float, optional
        How close a numeric guess must be to count as close.
    choices : mapping of str to str, optional
        When given, the guess is one of these keys.

    Raises
    ------
    ValueError
        If neither or both of ``tolerance`` and ``choices`` are given, or
        ``tolerance`` is not a number >= 0.

    Notes
    -----
    A guess made after the value was shown (:meth:`reveal` or
    :meth:`solution`) is not a prediction and is refused; loading the set
    again starts over.

    Examples
    --------
    >>> q = Predict("Accuracy of a coin flip?", lambda: 0.5, tolerance=0.05,
    ...             hint="Two outcomes.", solution="Half the flips match.")
    >>> q.predict(0.6).status
    'recorded'
    >>> q.reveal().message.startswith("You guessed 0.6; the value is 0.5")
    True
    """

    kind = "predict"

    def __init__(
        self,
        question: str,
        actual: Any,
        *,
        hint: str,
        solution: str,
        tolerance: float | None = None,
        choices: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(question, hint=hint, solution=solution)
        if (tolerance is None) == (choices is None):
            raise ValueError(
                "give exactly one of tolerance= (a numeric guess) and choices= "
                f"(a guess among keys); received tolerance={tolerance!r}, "
                f"choices={choices!r}"
            )
        self._actual = _lazy(actual)
        self._known: list[Any] = []  # the value, once computed
        self.tolerance = None if tolerance is None else _tolerance(tolerance)
        self.choices = dict(choices) if choices is not None else None
        self.guess: Any = None
        self.shown = False

    def _value(self) -> Any:
        if not self._known:
            actual = self._actual()
            if self.choices is not None and actual not in self.choices:
                raise ValueError(  # a bug in the exercise, not the learner's
                    f"the computed answer {actual!r} is not one of the choices "
                    f"{list(self.choices)}"
                )
            self._known.append(actual if self.choices is not None else float(actual))
        return self._known[0]

    def _how(self) -> str:
        what = "key" if self.choices else "guess"
        return (
            f"Commit first with `{self._call('predict')}({what})`, run the cells "
            f"below, then `{self._call('reveal')}()`."
        )

    def _repr_markdown_(self) -> str:
        return super()._repr_markdown_() + _choice_list(self.choices or {})

    def _read(self, guess: Any) -> tuple[Any, str]:
        """The guess as a key or a float, or None and why it cannot be read."""
        if self.choices is not None:
            key = _key(guess, self.choices)
            return key, "" if key else _not_a_key(guess, self.choices, "guess")
        value, problem = _read_numbers(guess, (), self._call("predict"))
        if value is not None and not np.isfinite(value):
            return None, f"A guess must be a finite number; you gave {_format(value)}."
        return (None, problem) if value is None else (float(value), "")

    def predict(self, guess: Any = ...) -> Feedback:
        """Record a guess before the value is computed.

        Parameters
        ----------
        guess : float or str
            A number, or a key of ``choices``; ``...`` means not attempted.

        Returns
        -------
        Feedback
            Status ``"recorded"``, or why the guess cannot be read.
        """
        call = self._call("predict")
        if guess is ...:
            return self._not_attempted(f"`{call}(guess)`")
        if guess is None:
            return self._feedback("not attempted", _none(call), record=False)
        if self.shown:
            return self._feedback(
                "not attempted",
                "The value has been shown already, so a guess now is not a "
                "prediction; it is not recorded. Run the cell that loads the "
                "exercises again to start over.",
                record=False,
            )
        value, problem = self._read(guess)
        if value is None:
            return self._feedback("not attempted", problem, record=False)
        before, self.guess = self.guess, value
        again = ""
        if before is not None and before != value:
            again = f" (it replaces your earlier guess {_shown(before)})"
        return self._feedback(
            "recorded",
            f"Your guess {_shown(value)} is recorded{again}. Run the cells "
            f"below, then `{self._call('reveal')}()`.",
        )

    def _result(self) -> str:
        """The value, next to the guess when there is one."""
        actual = self._value()
        if self.choices is not None:
            shown = f"**{actual}** ({self.choices[actual]})"
            if self.guess is None:
                return f"You made no guess; the answer is {shown}."
            verdict = ": right, " if self.guess == actual else "; "
            return f"You guessed {self.guess}{verdict}the answer is {shown}."
        if self.guess is None:
            return (
                f"You made no guess; the value is {_format(actual)}. Guessing "
                "first shows you what you expected."
            )
        guess, read = self.guess, ""
        if 0 < actual < 1 and 1 < guess <= 100:  # a percentage for a fraction
            guess, read = guess / 100, f", read as {_format(guess)}%"
        off = abs(guess - actual)
        close = "within" if off <= self.tolerance else "more than"
        return (
            f"You guessed {_format(self.guess)}{read}; the value is "
            f"{_format(actual)} (off by {off:.3g}: {close} ±{self.tolerance:g})."
        )

    def reveal(self) -> Feedback:
        """The value, next to the guess, and what it teaches.

        Returns
        -------
        Feedback
            Status ``"revealed"``.
        """
        text = self._result()
        self.shown = True
        return self._feedback("revealed", f"{text} {self._solution}")

    def check(self, answer: Any = ...) -> Feedback:
        """Record ``answer`` as the guess (when given), then reveal.

        Parameters
        ----------
        answer : float or str
            The guess; ``...`` reveals without one.

        Returns
        -------
        Feedback
            Status ``"revealed"``, or why the guess was not recorded.
        """
        if answer is not ...:
            recorded = self.predict(answer)
            if recorded.status != "recorded":
                return recorded
        return self.reveal()

    def _solution_text(self) -> str:
        text = self._result()
        self.shown = True
        return f"{text} {self._solution}"


class ExerciseSet:
    """A notebook's exercises, reachable as ``q1``, ``q2`` ... with progress.

    Parameters
    ----------
    notebook : str
        The notebook the set belongs to (e.g. ``"02"``).
    exercises : sequence of Exercise
        In the order they appear; named ``q1``, ``q2`` ...

    Examples
    --------
    >>> s = ExerciseSet("00", [Compute("2 + 2?", 4, tolerance=0, hint="Add.",
    ...                                solution="4")])
    >>> s.q1.check(4).correct
    True
    >>> s
    ExerciseSet(00: 1 exercise, 1 correct)
    """

    def __init__(self, notebook: str, exercises: Sequence[Exercise]) -> None:
        self.notebook = notebook
        self.exercises = list(exercises)
        for i, exercise in enumerate(self.exercises, 1):
            exercise.name = f"q{i}"

    def __getattr__(self, name: str) -> Exercise:
        exercises = self.__dict__.get("exercises", [])
        where = f"notebook {self.__dict__.get('notebook', '')} has exercises q1 to q{len(exercises)}"
        match = re.fullmatch(r"q(\d+)", name, flags=re.ASCII)
        if match and 1 <= int(match.group(1)) <= len(exercises):
            return exercises[int(match.group(1)) - 1]
        if match or name[:1] in "qQ":
            raise AttributeError(f"{where}; there is no {name}")
        raise AttributeError(f"'ExerciseSet' object has no attribute {name!r}")

    def __len__(self) -> int:
        return len(self.exercises)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *(e.name for e in self.exercises)]

    def _counts(self) -> str:
        done = sum(e.state == "correct" for e in self.exercises)
        n = len(self.exercises)
        return f"{n} exercise{'s' if n != 1 else ''}, {done} correct"

    def __repr__(self) -> str:
        return f"ExerciseSet({self.notebook}: {self._counts()})"

    def _repr_markdown_(self) -> str:
        rows = ["| | kind | question | state |", "|---|---|---|---|"]
        for e in self.exercises:
            question = e.question.replace("\n", " ").replace("|", "\\|")
            rows.append(f"| `{e.name}` | {e.kind} | {question} | {e.state} |")
        return (
            f"**Exercises of notebook {self.notebook}** ({self._counts()})\n\n"
            + "\n".join(rows)
        )
