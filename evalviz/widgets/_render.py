"""Rendering for the explorers: a blitted PNG figure, a live confusion matrix.

Nothing here computes a metric or draws a display's content: the displays
(:mod:`evalviz.curves`, :mod:`evalviz.distributions`,
:mod:`evalviz.confusion`) draw once, and these helpers move their artists,
render the figure to PNG and put it into an ipywidgets Output.
"""

from __future__ import annotations

import base64
import html
import re
import struct
import zlib

import numpy as np

from .._plotting import HIGHLIGHT, STYLE, to_logit

# A number as the displays write one in a legend ("threshold 0.5", "score >= 1e-05").
_NUMBER = r"[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"

# Colours from JupyterLab's theme variables (light and dark themes, Voila),
# with the light theme's values where the page defines none (nbviewer).
_INK = "var(--jp-ui-font-color1, rgba(0,0,0,0.87))"
_INK_SOFT = "var(--jp-ui-font-color2, rgba(0,0,0,0.54))"
_CELL_CSS = (
    f"padding:2px 10px;text-align:right;font-variant-numeric:tabular-nums;color:{_INK}"
)
_HEAD_CSS = f"padding:2px 10px;text-align:left;font-weight:normal;color:{_INK_SOFT}"
_BLOCK_CSS = "display:inline-block;vertical-align:top;margin-right:28px"


def _require_ipywidgets():
    try:
        import ipywidgets
    except ImportError as exc:  # pragma: no cover - ipywidgets is a dependency
        raise ImportError(
            "the interactive explorers need ipywidgets: pip install ipywidgets "
            "(and, for JupyterLab 3 or older, jupyterlab_widgets)"
        ) from exc
    return ipywidgets


class _FastFigure:
    """A matplotlib figure rendered to PNG, redrawing only what moves.

    The first render draws everything except the artists registered with
    :meth:`animate` and keeps that background; later renders paste the
    background back and draw only the moving artists on top (blitting), then
    encode the Agg buffer as PNG at low compression. No pyplot: the figure is
    never shown by the inline backend and is not kept by pyplot.
    """

    def __init__(self, figsize, dpi):
        import matplotlib as mpl
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        # The colours of the style in use when the explorer is made (default:
        # white paper, black ink; plt.style.use("dark_background"): a dark
        # picture for a dark JupyterLab theme). Every later redraw (another
        # class) uses them too, whatever the style is by then.
        self.colours = {
            key: value
            for key, value in mpl.rcParams.items()
            if key.endswith("color") or key == "axes.prop_cycle"
        }
        with self.style():
            self.figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        FigureCanvasAgg(self.figure)
        self._animated: list = []
        self._background = None

    def style(self):
        """A context in which drawing uses the colours captured at creation.

        Returns
        -------
        contextlib.AbstractContextManager
            ``matplotlib.rc_context`` with those colours; rcParams are back as
            they were when it exits.
        """
        import matplotlib as mpl

        return mpl.rc_context(self.colours)

    def clear(self) -> None:
        self.figure.clear()
        self.figure.set_layout_engine("constrained")
        self._animated = []
        self._background = None

    def animate(self, *artists) -> None:
        for artist in artists:
            artist.set_animated(True)
            self._animated.append(artist)

    def render(self) -> bytes:
        canvas = self.figure.canvas
        if self._background is None:
            canvas.draw()  # runs the layout; skips animated artists
            self._background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self._animated:
            self.figure.draw_artist(artist)
        return _encode_png(np.asarray(canvas.buffer_rgba()))


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data)
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def _encode_png(rgba: np.ndarray, level: int = 1) -> bytes:
    """An (h, w, 4) uint8 image as an RGB PNG: no row filters, fast zlib.

    About twice as fast as Pillow's encoder for a figure (which is mostly
    flat colour, so the result is as small); deterministic bytes.
    """
    h, w, _ = rgba.shape
    raw = np.empty((h, 1 + 3 * w), dtype=np.uint8)
    raw[:, 0] = 0  # filter type "None" for every row
    raw[:, 1:].reshape(h, w, 3)[...] = rgba[..., :3]
    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(raw, level))
        + _png_chunk(b"IEND", b"")
    )


def _with_picture(bundle: dict, output, text: str) -> dict:
    """A widget's mime bundle, plus its current picture and a one-line text.

    The PNG is what a viewer without a kernel or without the widget
    extension shows (GitHub, an untrusted notebook in JupyterLab, nbconvert);
    JupyterLab and Voila with a kernel render the widget view first.

    Parameters
    ----------
    bundle : dict
        What the ipywidgets widget's ``_repr_mimebundle_`` returned.
    output : ipywidgets.Output
        The explorer's Output widget, holding one PNG (see :func:`_png_output`).
    text : str
        The ``text/plain`` entry: the explorer's one-line repr.

    Returns
    -------
    dict
        The bundle with ``image/png`` (base64) and ``text/plain`` set.
    """
    bundle = dict(bundle or {})
    for item in output.outputs:
        png = item.get("data", {}).get("image/png")
        if png:
            bundle["image/png"] = png
    bundle["text/plain"] = text
    return bundle


def _png_output(png: bytes, text: str) -> tuple[dict, ...]:
    """An Output widget's ``outputs``: one display_data holding the PNG."""
    return (
        {
            "output_type": "display_data",
            "data": {
                "image/png": base64.b64encode(png).decode("ascii"),
                "text/plain": text,
            },
            "metadata": {},
        },
    )


class _LiveConfusion:
    """A drawn confusion-matrix display, updated in place.

    Re-plotting the display costs tens of milliseconds (ticks, labels); a
    threshold move only changes the cell colours and texts. This keeps those
    artists and gives them the numbers of a new display. :meth:`attach` first
    checks that it reproduces exactly what the display drew (texts and
    colours); where it does not (the display changed its formatting), it
    returns None and the caller re-plots instead.
    """

    def __init__(self, ax, image, texts):
        self.ax = ax
        self.image = image
        self.texts = texts

    @staticmethod
    def _cells(display):
        """``([(text, colour), ...], image values)`` as the display draws them."""
        texts, colors, image = display.cells()
        return list(zip(texts.ravel(), colors.ravel(), strict=True)), image

    @classmethod
    def attach(cls, ax, display):
        from matplotlib.colors import same_color

        try:
            cells, colour = cls._cells(display)
            texts = list(ax.texts)
            drawn = [(t.get_text(), t.get_color()) for t in texts]
            ok = len(ax.images) == 1 and len(drawn) == len(cells)
            ok = ok and all(
                a == b and same_color(c, d)
                for (a, c), (b, d) in zip(drawn, cells, strict=False)
            )
            ok = ok and np.array_equal(ax.images[0].get_array(), colour)
        except (ImportError, AttributeError, ValueError, TypeError):
            ok = False
        if not ok:
            return None
        return cls(ax, ax.images[0], texts)

    @property
    def artists(self) -> list:
        return [self.image, *self.texts, *self.ax.spines.values()]

    def update(self, display) -> None:
        cells, colour = self._cells(display)
        self.image.set_data(colour)
        for artist, (text, color) in zip(self.texts, cells, strict=True):
            artist.set_text(text)
            artist.set_color(color)


def _distribution_x(threshold: float, scale: str) -> float:
    """Where ``score_distribution`` draws a threshold on its x axis."""
    if scale != "logit":
        return threshold
    return float(to_logit(np.array([threshold]))[0])


def _lines_with_gid(ax, prefix: str) -> list:
    return [
        line for line in ax.get_lines() if str(line.get_gid() or "").startswith(prefix)
    ]


def _relabel_legend(ax, pattern: str, new: str) -> None:
    """Replace the regular expression ``pattern`` in the axes' legend texts.

    Used for labels naming the first value of something the slider moves
    ("threshold 0.5" becomes "threshold (slider)"). ``{number}`` in
    ``pattern`` matches a number however the display formatted it.
    """
    legend = ax.get_legend()
    if legend is None:
        return
    regex = re.compile(pattern.replace("{number}", _NUMBER))
    for text in legend.get_texts():
        text.set_text(regex.sub(lambda _: new, text.get_text()))


def _pin_legend(ax, loc: str) -> None:
    """Fix an inside legend's corner: it is drawn once, under moving curves."""
    legend = ax.get_legend()
    if legend is not None and hasattr(legend, "set_loc"):
        legend.set_loc(loc)


def _html_table(rows, css_class: str) -> str:
    """``(header, value)`` rows as a two-column HTML table (values already text)."""
    body = "".join(
        f"<tr><th style='{_HEAD_CSS}'>{html.escape(str(k))}</th>"
        f"<td style='{_CELL_CSS}'>{html.escape(str(v))}</td></tr>"
        for k, v in rows
    )
    return f"<table class='{css_class}' style='border-collapse:collapse'>{body}</table>"


def _html_panel(title: str, *blocks: str) -> str:
    """A bold title over side-by-side blocks of HTML (the numbers panel)."""
    inner = "".join(f"<div style='{_BLOCK_CSS}'>{b}</div>" for b in blocks)
    size = STYLE["widget_html_font_px"]
    return (
        f"<div style='font-size:{size}px;color:{_INK}'><b>{title}</b><br>{inner}</div>"
    )


def _resize_legend(ax, fontsize, **placement) -> None:
    """Draw the axes' legend again, same entries, at ``fontsize`` points."""
    legend = ax.get_legend()
    if legend is None:
        return
    handles = list(legend.legend_handles)
    texts = [t.get_text() for t in legend.get_texts()]
    placement.setdefault("frameon", legend.get_frame_on())
    ax.legend(handles, texts, fontsize=fontsize, **placement)


def _legend_below(ax, ncol, fontsize=None) -> None:
    """The axes' legend under its x label (default: the static figures' size)."""
    from matplotlib.transforms import ScaledTranslation

    below = ScaledTranslation(
        0.0, -STYLE["widget_legend_below_inches"], ax.figure.dpi_scale_trans
    )
    _resize_legend(
        ax,
        STYLE["widget_legend"] if fontsize is None else fontsize,
        ncol=ncol,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=ax.transAxes + below,
        frameon=False,
    )


def _highlight(ax, lines, label: str) -> None:
    """Draw ``lines`` (what a slider moves) and their legend entry in HIGHLIGHT.

    ``label`` is the legend text of the entry; lines drawn with a marker get
    the colour as their marker face, others as their line colour.
    """

    def paint(line):
        if line.get_marker() in (None, "None", "none", ""):
            line.set_color(HIGHLIGHT)
        else:
            line.set_markerfacecolor(HIGHLIGHT)

    for line in lines:
        paint(line)
    legend = ax.get_legend()
    if legend is None:
        return
    for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=False):
        if text.get_text() == label and hasattr(handle, "get_marker"):
            paint(handle)


def _thin_xticks(ax, gap_px: float = 6.0) -> list[str]:
    """Drop x tick labels that run into others, after the figure's layout.

    The displays space their ticks from the axes' width when they draw;
    a layout engine may narrow the axes afterwards (a legend, a neighbour).
    This measures the drawn labels and keeps, first the two outermost
    labels (the ends of the axis), then every other label that leaves
    ``gap_px`` pixels to those kept. Call it after a draw; returns the labels
    kept.
    """
    renderer = ax.figure.canvas.get_renderer()
    locs = list(ax.xaxis.get_majorticklocs())
    marks = ax.xaxis.get_major_ticks(len(locs))
    labels = [m.label1.get_text() for m in marks]
    lo, hi = sorted(ax.get_xlim())
    inside = [i for i, t in enumerate(locs) if lo <= t <= hi]
    if len(inside) < 3:
        return [labels[i] for i in inside]
    boxes = {i: marks[i].label1.get_window_extent(renderer) for i in inside}
    order = [inside[0], inside[-1], *inside[1:-1]]
    kept: list[int] = []
    for i in order:
        box = boxes[i]
        if all(
            box.x1 + gap_px <= boxes[j].x0 or boxes[j].x1 + gap_px <= box.x0
            for j in kept
        ):
            kept.append(i)
    kept.sort()
    ax.set_xticks([locs[i] for i in kept], [labels[i] for i in kept])
    return [labels[i] for i in kept]
