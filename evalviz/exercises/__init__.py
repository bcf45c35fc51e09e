"""Exercises that check themselves, for every course notebook.

Each notebook loads its set, ``ex = exercises.load("02")``, and asks with
``ex.q1``, ``ex.q2`` ... of three kinds:

- **predict** (:class:`Predict`): commit to a guess in code,
  ``ex.q1.predict(0.9)``, before the cell that computes the value; then
  ``ex.q1.reveal()`` shows the value beside the guess;
- **compute** (:class:`Compute`): a number from the data, ``ex.q2.check(x)``,
  checked within a stated tolerance; a typical wrong value gets a message
  that names the likely mistake ("that is the micro average");
- **interpret** (:class:`Choice`): a multiple choice about a plot or table,
  ``ex.q3.check("b")``.

Every exercise has ``hint()`` and ``solution()``. ``...`` (the Ellipsis) is
the blank answer: "not attempted". The right answers are computed from the
data when first needed, never stored in the package; nothing goes online and
there is no account. The sets live in ``_nbNN`` modules, one per notebook,
each with a ``build(**data)`` function returning the exercises in order.

Examples
--------
>>> from evalviz import exercises
>>> q = exercises.Compute("What is 1 / 4?", lambda: 0.25, tolerance=1e-3,
...                       hint="Divide.", solution="1 / 4")
>>> q.check(...).status
'not attempted'
>>> q.check(25).message
'Not quite: that looks like a percentage. Give the fraction (between 0 and 1) instead.'
"""

from __future__ import annotations

import importlib
import inspect
import re
from typing import Any

from ._core import (
    Choice,
    Compute,
    Exercise,
    ExerciseSet,
    Feedback,
    Mistake,
    Predict,
)

__all__ = [
    "Choice",
    "Compute",
    "Exercise",
    "ExerciseSet",
    "Feedback",
    "Mistake",
    "Predict",
    "available",
    "load",
]


def available() -> list[str]:
    """The notebooks that have exercises, as two-digit numbers.

    Returns
    -------
    list of str
        E.g. ``["00", "01", ...]``, sorted.

    Examples
    --------
    >>> "00" in available()
    True
    """
    from importlib import resources

    names = (p.name for p in resources.files(__name__).iterdir())
    return sorted(m.group(1) for n in names if (m := re.fullmatch(r"_nb(\d\d)\.py", n)))


def _number(notebook: Any) -> str:
    text = re.split(r"[\\/]", str(notebook).strip())[-1]  # a path's file name
    match = re.match(r"(\d{1,2})(?:_|\.ipynb|$)", text)
    if isinstance(notebook, bool) or match is None:
        raise ValueError(
            f"notebook must be a course notebook's number such as '02' or 2, or its "
            f"file name; received {notebook!r}. Notebooks with exercises: "
            f"{', '.join(available())}"
        )
    return match.group(1).zfill(2)


def load(notebook: str | int, **data: Any) -> ExerciseSet:
    """The exercises of one course notebook.

    Parameters
    ----------
    notebook : str or int
        The notebook's number (``"02"``, ``2``) or file name
        (``"02_train_and_evaluate.ipynb"``).
    **data
        Optional data that notebook's set documents (for example its own
        predictions); by default each set loads what the notebook loads.

    Returns
    -------
    ExerciseSet
        Exercises ``q1``, ``q2`` ... in notebook order.

    Raises
    ------
    ValueError
        If ``notebook`` names no notebook with exercises.
    TypeError
        If ``data`` holds a name that notebook's set does not take.

    Examples
    --------
    >>> ex = load("00")
    >>> ex.q1.kind in ("predict", "compute", "interpret")
    True
    """
    number = _number(notebook)
    if number not in available():
        raise ValueError(
            f"notebook {number} has no exercises (received {notebook!r}); notebooks "
            f"with exercises: {', '.join(available())}"
        )
    module = importlib.import_module(f"{__name__}._nb{number}")
    signature = inspect.signature(module.build)
    try:
        signature.bind(**data)
    except TypeError:
        names = ", ".join(f"{name}=" for name in signature.parameters)
        raise TypeError(
            f"notebook {number}'s exercises take "
            f"{'no data' if not names else 'only ' + names}; received "
            f"{', '.join(f'{k}=' for k in data)}. Call load({number!r}) with "
            "nothing else to use the data the notebook loads."
        ) from None
    return ExerciseSet(number, module.build(**data))
