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
    "format_p_value",
    "format_percent",
    "format_rate",
    "format_threshold",
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


def format_percent(value: float, digits: int = 0) -> str:
    """A share as a percentage, never rounded to look like 0% or 100%.

    Parameters
    ----------
    value : float
        A share in [0, 1].
    digits : int, default=0
        Decimals shown; more when the share would otherwise print as "0%" or
        "100%" without being exactly 0 or 1.

    Returns
    -------
    str
        For example "42%", "99.6%" for 0.996, "0.4%" for 0.004; "n/a" for NaN.

    Examples
    --------
    >>> format_percent(0.42), format_percent(0.996), format_percent(1.0)
    ('42%', '99.6%', '100%')
    """
    x = float(value)
    if x != x:  # NaN
        return "n/a"
    if x in (0.0, 1.0):
        return f"{x:.{digits}%}"
    for d in range(digits, 10):
        text = f"{x:.{d}%}"
        if text not in (f"{0.0:.{d}%}", f"{1.0:.{d}%}"):
            return text
    return ">99.99999999%" if x > 0.5 else "<0.00000001%"


def format_threshold(value: float, digits: int = 6) -> str:
    """A threshold or score: ``digits`` significant digits, never a false 0 or 1.

    Parameters
    ----------
    value : float
        The threshold or score.
    digits : int, default 6
        Significant digits; more when the value would otherwise print as 0
        or 1 without being exactly 0 or 1.

    Returns
    -------
    str
        0.5 is "0.5", 0.0135746 is "0.0135746", 0.99999999 is "0.99999999"
        (``f"{x:g}"`` would print "1"); infinities print "inf" / "-inf",
        NaN "n/a".
    """
    x = float(value)
    if x != x:
        return "n/a"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    for d in range(digits, 18):
        text = f"{x:.{d}g}"
        if x in (0.0, 1.0) or float(text) not in (0.0, 1.0):
            return text
    return repr(x)


def format_number(value: float, digits: int = 4) -> str:
    """A value on no fixed scale (a loss, a pixel mean), to ``digits`` significant digits.

    Parameters
    ----------
    value : float
        The number.
    digits : int, default=4
        Significant digits.

    Returns
    -------
    str
        For example "0.1235" for 0.123456, "2" for 2.0; "n/a" for NaN.

    Examples
    --------
    >>> format_number(0.123456), format_number(2.0)
    ('0.1235', '2')
    """
    x = float(value)
    if x != x:  # NaN
        return "n/a"
    return f"{x:.{digits}g}"


def format_p_value(value: float, floor: float = 1e-4) -> str:
    """A p-value as text, never a false 0: "< 0.0001" below ``floor``.

    Parameters
    ----------
    value : float
        The p-value, in [0, 1].
    floor : float, default=1e-4
        Below this the text is "< floor" (a p-value is never exactly 0).

    Returns
    -------
    str
        Four decimals ("0.0308"), "< 0.0001" below the floor, "" for NaN
        (a row with no test).

    Examples
    --------
    >>> format_p_value(0.03081), format_p_value(8e-21), format_p_value(float("nan"))
    ('0.0308', '< 0.0001', '')
    """
    x = float(value)
    if x != x:
        return ""
    if x < floor:
        return f"< {floor:g}"
    return f"{x:.4f}"
