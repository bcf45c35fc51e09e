"""One place that turns numbers into text for every figure, table and sentence.

Displays, the explainer and the widgets format through these helpers so that the
same number reads the same everywhere: an area of 0.9996 is never shown as
"1.000", and counts agree with their nouns ("1 sample", "2 samples").
"""

from __future__ import annotations

__all__ = [
    "format_area",
    "format_count",
    "format_number",
    "format_percent",
    "format_rate",
    "plural",
]


def format_area(value: float, digits: int = 3) -> str:
    """An AUC / AP / rate for a legend, never rounded to look perfect.

    ``digits`` decimals (default 3), but more when the value would otherwise
    print as ``1.000`` or ``0.000`` without being exactly 1 or 0: 0.9996 is
    "0.9996", 0.99996 is "0.99996". Values within 1e-9 of 1 (or 0) that are
    not exact print as ">0.999999999" (or "<0.000000001"). NaN prints "n/a".
    """
    x = float(value)
    if x != x:  # NaN
        return "n/a"
    if x in (0.0, 1.0):
        return f"{x:.{digits}f}"
    for d in range(digits, 10):
        text = f"{x:.{d}f}"
        if float(text) not in (0.0, 1.0):
            return text
    return ">0.999999999" if x > 0.5 else "<0.000000001"


def format_rate(value: float, digits: int = 3) -> str:
    """A rate in [0, 1] (accuracy, precision, recall ...); same rule as areas."""
    return format_area(value, digits)


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 sample"``, ``"0 samples"``, ``"2 samples"`` (thousands separated)."""
    n = int(n)
    word = singular if n == 1 else (plural_form or singular + "s")
    return f"{n:,} {word}"


def format_count(n: int) -> str:
    """A whole number with thousands separators: 12,345."""
    return f"{int(n):,}"


def format_percent(share: float, digits: int = 1) -> str:
    """A share in [0, 1] as a percentage, never rounded to look like 0% or 100%.

    ``format_percent(0.1234)`` is "12.3%"; a share above 0 that would print as
    "0.0%" prints "<0.1%", one below 1 that would print as "100.0%" prints
    ">99.9%". NaN prints "" (an empty row or column has no share).
    """
    x = float(share)
    if x != x:  # NaN
        return ""
    pct = 100.0 * x
    text = f"{pct:.{digits}f}"
    step = 10.0**-digits
    if 0 < pct and float(text) == 0:
        return f"<{step:.{digits}f}%"
    if pct < 100 and float(text) == 100:
        return f">{100 - step:.{digits}f}%"
    return f"{text}%"


def format_number(value: float, digits: int = 4) -> str:
    """A value on no fixed scale (a loss, a pixel mean): ``digits`` significant digits.

    ``format_number(0.123456)`` is "0.1235", ``format_number(2.0)`` is "2";
    NaN prints "n/a".
    """
    x = float(value)
    if x != x:  # NaN
        return "n/a"
    return f"{x:.{digits}g}"
