"""Confidence bands on the one-vs-rest curve displays.

:func:`evalviz.curves.roc` and :func:`evalviz.curves.pr` take
``confidence=``; they compute the band with :func:`evalviz.metrics.roc_band`
or :func:`evalviz.metrics.pr_band` and store it on the display as ``band``;
the displays' ``plot`` draws it with :func:`draw_band` under each coloured
class's curve.
"""

from __future__ import annotations

from . import metrics
from ._format import plural

_BAND_ALPHA = 0.22


def compute_band(kind, y_true, y_score, confidence, n_resamples, seed, read_args):
    """The :class:`evalviz.metrics.CurveBand` of a display, or None.

    Parameters
    ----------
    kind : {"roc", "pr"}
        Which curve.
    y_true, y_score : array-like
        The predictions the display was computed from.
    confidence : float or None
        The band's level; None gives no band.
    n_resamples : int
        Bootstrap resamples.
    seed : int
        Seed of the resampling.
    read_args : dict
        ``labels``, ``display_labels`` and ``pos_label`` as the display got them.

    Returns
    -------
    CurveBand or None
        The band, or None when ``confidence`` is None.
    """
    if confidence is None:
        return None
    import warnings

    band = metrics.roc_band if kind == "roc" else metrics.pr_band
    with warnings.catch_warnings():
        # labels= read as names warned once already, in computing the curves
        warnings.simplefilter("ignore", DeprecationWarning)
        return band(
            y_true,
            y_score,
            confidence=confidence,
            n_resamples=n_resamples,
            seed=seed,
            **read_args,
        )


def draw_band(display, ax, colours, xs=None):
    """Fill each coloured class's band in its colour, with one legend entry.

    The legend entry has the band's colour and transparency when one band is
    drawn, and grey when several classes' bands share the entry.

    Parameters
    ----------
    display : RocCurves or PrCurves
        A display whose ``band`` is set (nothing is drawn when it is None).
    ax : matplotlib Axes
        Where to draw.
    colours : dict
        Class index -> colour, as the display's class drawing returns it.
    xs : callable, optional
        Maps x-values to drawn positions (the log FPR axis).

    Returns
    -------
    None
        The artists go to ``display.lines_["band:NAME"]``.
    """
    band = display.band
    if band is None or not colours:
        return
    grid = band.grid if xs is None else xs(band.grid)
    drawn = []
    for j, colour in colours.items():
        name = display.class_names[j]
        if name not in band.names:
            continue
        k = band.names.index(name)
        drawn.append(colour)
        display.lines_[f"band:{name}"] = ax.fill_between(
            grid,
            band.low[k],
            band.high[k],
            color=colour,
            alpha=_BAND_ALPHA,
            linewidth=0,
            zorder=1.2,
            gid=f"band:{name}",
        )
    what = "TPR at each FPR" if band.kind == "roc" else "precision at each recall"
    # the legend swatch looks like the band: its colour when there is one band,
    # a neutral grey standing for all of them when each class has its own colour
    swatch = drawn[0] if len(set(drawn)) == 1 else "#888888"
    (display.lines_["band"],) = ax.plot(
        [],
        [],
        color=swatch,
        alpha=2 * _BAND_ALPHA,
        linewidth=8,
        label=f"{band.confidence:.0%} bootstrap band of {what}\n"
        f"({plural(band.n_resamples, 'resample')}"
        f"{', stratified' if band.stratify else ''})",
        gid="band_legend",
    )


def band_of(display):
    """The band's table, or an error naming how to get one.

    Parameters
    ----------
    display : RocCurves or PrCurves
        The display.

    Returns
    -------
    pandas.DataFrame
        :meth:`evalviz.metrics.CurveBand.to_frame` of ``display.band``.

    Raises
    ------
    ValueError
        When the display has no band.
    """
    if display.band is None:
        raise ValueError(
            "this display has no confidence band; compute one with "
            "confidence=0.95, e.g. ev.roc(y_true, y_score, confidence=0.95)"
        )
    return display.band.to_frame()
