"""Reading a learner's answer, and the words that say why it cannot be read.

Numbers typed in a notebook arrive as floats, numpy scalars, 0-d or
one-element arrays, pandas cells, strings ("0.88", "88%"), tuples (``16,611``
typed with a comma) ... Each helper either turns the answer into what the
exercise compares, or returns a short sentence naming what was received and
the likely fix.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np


def _plain(markdown: str, *, oneline: bool = False) -> str:
    """Markdown as plain text: no emphasis marks; code blocks indented, verbatim.

    With ``oneline`` the whole text is one line, code lines joined by "; ".
    """
    parts = markdown.split("```")
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # inside a code fence
            lines = part.removeprefix("python").strip("\n").splitlines()
            if oneline:
                code = "; ".join(line.strip() for line in lines if line.strip())
                out.append(f" {code} ")
            else:
                out.append("\n" + "\n".join("    " + line for line in lines) + "\n")
        else:
            text = part.replace("**", "").replace("`", "")
            out.append(" ".join(text.split()) if oneline else text)
    text = "".join(out)
    if oneline:
        return " ".join(text.split())
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _lazy(value: Any) -> Callable[[], Any]:
    """A function returning ``value``; ``value`` itself when it is callable."""
    if callable(value):
        return value
    return lambda: value


def _tolerance(tolerance: Any) -> float:
    """``tolerance`` as a float, or a ValueError naming what was received."""
    if (
        isinstance(tolerance, bool | np.bool_)
        or not isinstance(tolerance, numbers.Real)
        or not math.isfinite(tolerance)
        or tolerance < 0
    ):
        raise ValueError(
            f"tolerance must be a number >= 0; received {tolerance!r}. "
            "State the tolerance the learner's answer is checked to."
        )
    return float(tolerance)


def _format(value: Any) -> str:
    array = np.asarray(value)
    if array.ndim == 0:
        x = array.item()
        if isinstance(x, bool | np.bool_) or not isinstance(x, int | float):
            return repr(x)
        if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
            x = int(x)
        if isinstance(x, int):
            return f"{x:,}"
        return f"{x:.6g}"
    return np.array2string(array, precision=4, separator=", ", threshold=12)


def _choice_list(choices: Mapping[str, str]) -> str:
    """The choices as a Markdown list, after a blank line ("" for none)."""
    return "".join(
        f"\n\n- **{k}**: {v}" if i == 0 else f"\n- **{k}**: {v}"
        for i, (k, v) in enumerate(choices.items())
    )


def _shown(guess: Any) -> str:
    return guess if isinstance(guess, str) else _format(guess)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _short(value: Any, width: int = 60) -> str:
    """``repr(value)`` on one line, cut to ``width`` characters."""
    text = " ".join(repr(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _describe(answer: Any) -> str:
    """What the learner gave, in a few words, the value in backticks."""
    if isinstance(answer, str):
        return f"the string `{_short(str(answer))}`"
    if isinstance(answer, bool | np.bool_):
        return f"`{bool(answer)}`"
    if isinstance(answer, Mapping):
        keys = ", ".join(_short(k, 20) for k in list(answer)[:4])
        return f"a dict with keys {keys}"
    try:
        shape = np.shape(answer)
    except ValueError:  # a ragged list
        shape = ()
    if shape:
        return f"{type(answer).__name__} of shape {shape}"
    if isinstance(answer, numbers.Real) and not isinstance(answer, np.timedelta64):
        return f"the number `{_short(answer)}`"
    return f"{type(answer).__name__} `{_short(answer)}`"


def _number_in(text: str) -> float | None:
    """The number a string holds ("0.88", "88%", "16,611"), else None."""
    body = text.strip().replace(",", "").replace("_", "")
    percent = body.endswith("%")
    try:
        x = float(body.removesuffix("%").strip())
    except ValueError:
        return None
    return x / 100 if percent else x


def _unreadable(answer: Any, call: str) -> str | None:
    """Why ``answer`` cannot be a number (a string, a bool, feedback ...), or None."""
    if isinstance(answer, str):
        x = _number_in(answer)
        fix = f": `{call}({x:.10g})`" if x is not None and math.isfinite(x) else ""
        return (
            f"The answer should be a number; you gave {_describe(answer)}. "
            f"Give the value itself, without quotes{fix}."
        )
    if isinstance(answer, bool | np.bool_):
        return (
            f"The answer should be a number; you gave {_describe(answer)}. A "
            "comparison such as `a > b` gives True or False: give the value instead."
        )
    if isinstance(answer, Mapping) and answer:
        return (
            f"The answer should be a number; you gave {_describe(answer)}. Pass "
            f"one of its values, e.g. `answer[{_short(next(iter(answer)), 20)}]`."
        )
    if isinstance(answer, tuple) and _thousands(answer) is not None:
        return (
            f"The answer should be one number; you gave the tuple `{answer}`. In "
            f"Python a comma inside a number makes a tuple: write "
            f"`{_thousands(answer)}`, without the comma."
        )
    return None


def _thousands(answer: tuple) -> int | None:
    """16611 for ``(16, 611)``, what ``16,611`` typed in Python gives; else None."""
    parts = list(answer)
    if len(parts) < 2 or not all(
        isinstance(p, int) and not isinstance(p, bool) for p in parts
    ):
        return None
    if not (0 < parts[0] <= 999 and all(0 <= p <= 999 for p in parts[1:])):
        return None
    return int(str(parts[0]) + "".join(f"{p:03d}" for p in parts[1:]))


def _as_numbers(
    answer: Any, shape: tuple[int, ...], call: str = "q.check"
) -> tuple[np.ndarray | None, str]:
    """The learner's answer as floats of ``shape``, or None and why not."""
    problem = _unreadable(answer, call)
    if problem is not None:
        return None, problem
    try:
        kind = np.asarray(answer).dtype.kind
    except (TypeError, ValueError):
        kind = "O"
    try:
        if kind in "USVMm":  # text, bytes, dates: not numbers
            raise TypeError
        array = np.asarray(answer, dtype=float)
    except OverflowError:
        return None, (
            f"The answer should be a finite number; you gave {_describe(answer)}, "
            "too large for a float."
        )
    except (TypeError, ValueError):
        return None, f"The answer should be a number; you gave {_describe(answer)}."
    if array.size == 1 and not shape:
        return array.reshape(()), ""
    if array.shape != shape:
        want = "one number" if not shape else f"an array of shape {shape}"
        hint = ""
        if not shape and array.ndim == 1 and array.size > 1:
            hint = (
                " One value per class usually means a metric without an "
                "average: pass `average=` or take the part the question asks for."
            )
        return None, f"The answer should be {want}; you gave {_describe(answer)}.{hint}"
    return array, ""


def _decimals(value: np.ndarray) -> int | None:
    """The fewest decimals (at most 6) every element of ``value`` is written with."""
    for d in range(7):
        off = np.abs(value - np.round(value, d))
        if np.all(off <= 1e-9 * np.maximum(1.0, np.abs(value))):
            return d
    return None


def _none(call: str) -> str:
    return (
        f"You gave `None`: that is what `print(...)` or a function without "
        f"`return` gives. Pass the value itself: `{call}(value)`."
    )


def _sentence(text: str) -> str:
    text = str(text).strip()
    return text if text[-1:] in ".!?" else text + "."


def _words(text: Any) -> str:
    """Text compared loosely: lower case, single spaces, no final period."""
    return " ".join(str(text).lower().split()).rstrip(".")


def _key(answer: Any, choices: Mapping[str, str]) -> str | None:
    """The key ``answer`` names: "b", "B", "b)", "(b)", "'b'", "b) its text" ..."""
    if not isinstance(answer, str):
        return None
    text = _words(answer)
    keys = {_words(k): k for k in choices}
    for key, label in choices.items():
        if text == _words(label):
            return key
    bare = text.strip("()[]{}'\"`.,:;! ")
    if bare in keys:
        return keys[bare]
    match = re.fullmatch(r"[(\[]?\s*(\w+)\s*[)\].:]\s*(.*)", text)
    if match and match.group(1) in keys:
        key = keys[match.group(1)]
        if _words(match.group(2)) == _words(choices[key]):
            return key
    return None


def _not_a_key(answer: Any, choices: Mapping[str, str], verb: str) -> str:
    keys = ", ".join(f'"{k}"' for k in choices)
    quotes = "" if isinstance(answer, str) else ", in quotes"
    return (
        f"{_upper_first(_describe(answer))} is not one of the choices; "
        f"{verb} one of the keys {keys}{quotes}."
    )
