"""Score axes shared by the score displays: logit ticks, breaks, colours.

A logit axis draws probabilities as log10 odds, so 0.9, 0.99, 0.999 ... are
evenly spaced; scores within 1e-9 of 0 or 1 have no place on it and are drawn
past a break marked "//".
"""

from __future__ import annotations

import numpy as np

from ._plotting import LOGIT_CLIP as _LOGIT_CLIP
from ._plotting import PALETTE, STYLE, new_axes
from ._plotting import to_logit as _to_logit  # noqa: F401  (distributions)

POSITIVE_COLOR = PALETTE[0]  # blue
NEGATIVE_COLOR = PALETTE[1]  # vermillion


def _lim_value() -> float:
    """Where the clipped ends sit on the logit axis (log10 odds)."""
    return -float(np.log10(_LOGIT_CLIP)) - 1e-9


def _new_axes(ax, figsize):
    """new_axes, with constrained layout when the figure is ours (legends outside)."""
    created = ax is None
    fig, ax = new_axes(ax, figsize=figsize)
    if created:
        fig.set_layout_engine("constrained")
    return fig, ax


def _logit_ticks(lo: float, hi: float, step: int = 2) -> list[float]:
    """Even log-odds ticks within [lo, hi]; the clipped edges are labelled 0 and 1."""
    lim = -np.log10(_LOGIT_CLIP)
    ticks = [float(v) for v in range(-8, 9, step) if lo - 0.5 <= v <= hi + 0.5]
    if hi >= lim - 1e-9:
        ticks = [v for v in ticks if v < lim - 1.5] + [lim]
    if lo <= -lim + 1e-9:
        ticks = [-lim] + [v for v in ticks if v > -lim + 1.5]
    return ticks


def _logit_tick_label(v: float) -> str:
    if v >= -np.log10(_LOGIT_CLIP) - 1e-9:
        return "1"
    if v <= np.log10(_LOGIT_CLIP) + 1e-9:
        return "0"
    if v == 0:
        return "0.5"
    if v > 0:
        return "0." + "9" * int(round(v))
    return f"1e{int(round(v))}"


def _spaced_ticks(ax, candidates):
    """Keep ``(position, label)`` ticks in order of priority while labels fit.

    A tick is dropped when its label would run into one already kept, judged
    from the axes' width and the length of the two labels (about 0.6 of the
    font size per character, with a margin).
    """
    # the axes' width in inches, also for axes inside a SubFigure (whose dpi
    # is its root figure's; get_figure(root=True) would need matplotlib 3.10)
    width_in = ax.bbox.width / ax.figure.dpi
    lo, hi = ax.get_xlim()
    per_inch = (hi - lo) / max(width_in, 1e-9)
    char_in = 0.6 * STYLE["tick"] / 72.0
    kept = []
    for pos, label in candidates:
        ok = all(
            abs(pos - p) >= 1.5 * char_in * per_inch * (len(label) + len(q)) / 2
            for p, q in kept
        )
        if ok:
            kept.append((pos, label))
    return kept


def _blend(color, under, alpha):
    """The colour of ``color`` drawn with ``alpha`` over ``under``."""
    from matplotlib.colors import to_hex, to_rgb

    top, bottom = np.array(to_rgb(color)), np.array(to_rgb(under))
    return to_hex(alpha * top + (1 - alpha) * bottom)


def _axis_break(ax, x) -> None:
    """Two slashes on the x-axis at data position ``x``: the scale jumps here."""
    ax.annotate(
        "//",
        xy=(x, 0.0),
        xycoords=("data", "axes fraction"),
        ha="center",
        va="center",
        fontsize=STYLE["axis_break"],
        fontweight="bold",
        annotation_clip=False,
        gid="axis_break",
    )
