"""Small drawing helpers shared by the displays.

Nothing here changes rcParams; pyplot is imported only when a new figure is
needed, never at ``import evalviz``.
"""

from __future__ import annotations

from ._format import format_area  # noqa: F401  (kept for callers)

# Ten colours for classes and series, chosen for any background and for
# colour-blind readers (tests/test_colours.py checks every number below):
# - each has a WCAG contrast ratio of at least 3:1 (the minimum for graphics)
#   against white and against JupyterLab's dark background #1E1E1E (3.11 to
#   5.37), hence none is black, grey, white or pale;
# - any two differ by at least 19 CIEDE2000 units, and by at least 9 as seen with
#   deuteranopia or protanopia (Machado et al. 2009 simulation);
# - blue and vermillion come first: the positive / negative pair.
# Found by a farthest-point search over the sRGB colours that pass the contrast
# rule, starting from Okabe-Ito's blue and vermillion.
CLASS_COLORS = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#00A091",  # teal
    "#C8009B",  # magenta
    "#7864FF",  # violet
    "#F55A8C",  # pink
    "#377846",  # green
    "#AF82BE",  # lilac
    "#919655",  # olive
    "#CD2837",  # red
)
# Series that are not classes (splits, metrics, marked thresholds) take the
# same colours in the same order.
PALETTE = CLASS_COLORS[:8]
# Reference lines (chance, thresholds, targets): a grey with 3:1 contrast on
# white (3.95) and on #1E1E1E (4.22). Grey is never a data colour.
NEUTRAL = "#808080"
# What the reader is asked to look at: the slider's threshold line and operating
# points in the explorers, the prevalence marker. A crimson that is no class's
# blue or vermillion (the two sides of a one-vs-rest view) and no grey: at least
# 19 CIEDE2000 units from blue, vermillion, NEUTRAL and the grey of classes not
# highlighted (at least 9 with deuteranopia or protanopia), with 3:1 contrast on
# white and on dark backgrounds (tests/test_colours.py checks it).
HIGHLIGHT = "#D20F5A"


def ink() -> str:
    """The text colour of the current matplotlib style (black by default).

    For neutral marks drawn as data (an exact value, a pair ranked the wrong
    way): they read on any background the style gives, light or dark. Read at
    draw time; rcParams are never changed.

    Returns
    -------
    str
        ``rcParams["text.color"]``: ``"black"`` by default, ``"white"`` under
        ``plt.style.use("dark_background")``.
    """
    import matplotlib as mpl

    return mpl.rcParams["text.color"]


def paper(ax) -> tuple:
    """The background colour of ``ax``: white by default, black on a dark style.

    For casings and boxes that separate a mark from what is under it.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes drawn on.

    Returns
    -------
    tuple of float
        Its face colour, RGBA in 0-1.
    """
    return ax.get_facecolor()


#: Sizes by name, the one style table: displays take font sizes (points),
#: figure sizes (inches) and counts from here, never as literals in drawing code.
#: No default figure is wider than MAX_FIGURE_WIDTH inches.
# The notebook column of a 1280-pixel-wide JupyterLab is 848 pixels (measured,
# tests/test_figure_widths.py); the inline backend saves at 100 dpi with 0.1 inch
# around what is drawn, so a figure of 8.3 inches is stored 841 pixels wide and
# shown unscaled.
MAX_FIGURE_WIDTH = 8.3

STYLE = {
    # --- fonts shared by every display, readable on a classroom projector ---
    "title": 13,
    "label": 12,  # axis labels, image captions
    "tick": 10,
    "legend": 10,
    "legend_outside": 11,
    "legend_inside": 9,
    "annotation": 10,
    "axis_break": 14,  # the "//" of a broken axis
    "marker": 8,  # operating-point markers (points)
    "marker_threshold": 7,  # a metric's value at a marked threshold
    "marker_named_point": 9,  # a named operating point on PR and ROC
    "marker_sample": 5,  # one sample in a strip of scores
    "row_label": 11,  # the label left of a gallery's row of images
    "gallery_caption_small": 9,  # captions of a gallery narrowed to the column
    "figsize": (6.4, 4.8),  # a single axes, unless the display says otherwise
    # --- curves, distributions, threshold displays ---
    "max_coloured_curves": 10,  # past it, the rest are grey
    "curves_figsize": (8.3, 5.2),
    "curves_figsize_inside": (6.4, 5.6),
    "distribution_figsize": (8.3, 5.6),  # legend under the axes
    "legend_below_inches": 0.62,  # a legend under the axes: below the x label
    "pairs_figsize": (7.5, 4.5),
    "pairs_rows_figsize": (8.3, 3.8),
    "threshold_figsize": (8.3, 4.8),
    "operating_points_figsize": (8.3, 4.6),
    "optimism_figsize": (8.3, 4.6),
    "reliability_figsize": (6.4, 6.4),  # diagram above its bin counts
    "forest_figsize": (8.3, 1.6, 0.55),  # width, height of the frame, per row
    "by_size_figsize": (4.15, 3.6),  # width per panel (two fit 8.3 in), height
    # --- images, training, top-k and explore displays ---
    "error_scores_figsize": (8.3, 4.6),
    "pixel_histogram_figsize": (8.3, 4.2),
    "training_figsize": (8.3, 4.2),  # loss and accuracy side by side
    "training_loss_figsize": (7.0, 4.6),  # loss only
    "label_groups_figsize": (8.3, 4.4),
    # Grids of small images: inches per cell and the margins (width, height).
    "example_grid_cell": (0.8, 0.85),
    "example_grid_margins": (1.8, 0.6),
    "mean_image_cell": (1.6, 1.8),
    "mean_image_margins": (0.0, 0.4),
    # --- matrix displays (confusion matrix, classification report) ---
    # The largest figure a matrix display makes: fits a 1280-pixel JupyterLab
    # column (848 pixels, 100 dpi) at any class count.
    "matrix_max_figsize": (8.3, 7.6),
    # Confusion matrix side: max(min_side, per_class * k + margin), height
    # ``aspect`` times the width.
    "matrix_min_side": 6.8,
    "matrix_inches_per_class": 0.9,
    "matrix_margin": 2.4,
    "matrix_aspect": 0.88,
    # Cell texts are written up to this many classes (rows); past it the colour
    # alone carries the numbers (and one image keeps 1,000 classes fast).
    "matrix_max_cell_text": 30,
    # At most this many tick labels per axis; past it every n-th class is named.
    "matrix_max_ticks": 30,
    # Cell text size by class count: (up to k classes, font size).
    "matrix_cell_sizes": ((6, 13), (10, 11), (16, 9), (30, 7)),
    # (tick label size by class count: "matrix_tick_sizes", set below)
    # Classification report: figure width, row height and extra height.
    "report_figsize": (7.4, 0.45, 1.6),
    # --- multi-label displays (evalviz.multilabel) and the outfit gallery ---
    # One 2 x 2 panel of CellCountsDisplay; at most 3 per row, so a row is at
    # most 8.1 inches (inside the 848-pixel column at 100 dpi).
    "multilabel_panel_size": (2.7, 3.1),
    "multilabel_panels_per_row": 3,
    "multilabel_sweep_figsize": (7.5, 4.8),  # MultilabelThresholdDisplay
    # One outfit of OutfitGallery: width, image height; caption width (chars).
    "outfit_cell_size": (2.05, 1.9),  # 4 per row: 8.2 inches
    "outfit_caption_chars": 20,
    # --- widgets: the explorers' figures and their static twins ---
    # The explorers' pictures are PNGs of figsize x widget_dpi pixels, shown
    # 1:1 in the notebook column (848 pixels in a 1280-pixel JupyterLab,
    # tests/test_figure_widths.py) and in a 1280 x 800 Voila page; 100 dpi so
    # a 10-point tick label is 14 pixels high (readable on a projector).
    "widget_dpi": 100,
    "widget_legend": 10,  # legends of the static figures, shown 1:1
    "widget_suptitle": 14,
    "widget_inset_title": 11,
    "widget_sweep_legend": 11,
    "widget_sweep_line_width": 2.2,
    "widget_sweep_marker": 3,
    "widget_marker_line_width": 2.0,  # the prevalence marker on the sweep
    "widget_sweep_figsize": (8.2, 4.6),
    "widget_threshold_figsize": (8.4, 6.8),  # the threshold explorer
    "widget_prevalence_figsize": (8.4, 6.6),  # the prevalence explorer
    # Static small multiples up to 3 thresholds; 4 to 6 put their confusion
    # matrices on a second row (a third taller), never wider.
    "widget_small_multiples_figsize": (7.9, 12.0),
    "widget_legend_below_inches": 0.62,  # from the axes' bottom: below the x label
    "widget_html_font_px": 14,  # the numbers panel under the sliders
}
# Tick label size by class count, same layout as "matrix_cell_sizes".
STYLE["matrix_tick_sizes"] = ((10, STYLE["label"]), (20, STYLE["tick"]), (10**9, 8))


# Scores closer to 0 or 1 than this are drawn at the edge of a logit axis
# (a float32 softmax cannot tell 1 - 1e-8 from 1).
LOGIT_CLIP = 1e-9


def to_logit(p):
    """Probabilities as log10 odds (a logit axis's coordinates), clipped at 1e-9."""
    import numpy as np

    p = np.clip(np.asarray(p, dtype=np.float64), LOGIT_CLIP, 1 - LOGIT_CLIP)
    return np.log10(p) - np.log10(1 - p)


def new_axes(ax=None, *, figsize=STYLE["figsize"]):
    """Return ``(fig, ax)``: the given axes, or a fresh figure when ``ax`` is None."""
    if ax is not None:
        return ax.figure, ax
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=figsize)
    return fig, ax


def new_grid(nrows: int, ncols: int, *, figsize, **kwargs):
    """A fresh figure with a grid of axes (always a 2-D array)."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False, **kwargs)
    return fig, axes


def class_color(i: int) -> str:
    return CLASS_COLORS[i % len(CLASS_COLORS)]


def _fit_title(ax, title: str) -> str:
    """``title`` wrapped onto lines that fit the axes' share of its figure.

    A title is centred on its axes; one wider than the axes (a long name over
    a panel with its legend outside) would stick out of the figure and widen
    the saved picture past the notebook column.
    """
    import textwrap

    if "\n" in title:
        return title
    # the axes before the layout, less room for a legend outside (inches)
    fig = ax.figure
    while not hasattr(fig, "get_figwidth"):  # a SubFigure: its root Figure
        fig = fig.figure
    width = min(ax.get_position().width, 0.6) * fig.get_figwidth()
    chars = max(20, int(width * 72 / (STYLE["title"] * 0.55)))
    return textwrap.fill(title, chars) if len(title) > chars else title


def style_axes(ax, *, title=None, xlabel=None, ylabel=None) -> None:
    if title is not None:
        ax.set_title(_fit_title(ax, title), fontsize=STYLE["title"])
    if xlabel is not None:
        ax.set_xlabel(xlabel, fontsize=STYLE["label"])
    if ylabel is not None:
        ax.set_ylabel(ylabel, fontsize=STYLE["label"])
    ax.tick_params(labelsize=STYLE["tick"])


def image_rows(
    images,
    examples,
    row_labels,
    *,
    n_cols: int,
    caption,
    ax=None,
    cmap="gray_r",
    cell_size=(1.55, 2.0),
    margins=(2.8, 0.5),
):
    """Draw a gallery: one row of images per group, a label left of each row.

    ``examples`` is a DataFrame with a ``row`` column (the group) and an
    ``index`` column (the image's index in ``images``); ``caption(record)``
    gives the title over each image. ``ax`` may be a 2-D array of axes with at
    least ``(len(row_labels), n_cols)`` entries. Returns ``(fig, axes)``.
    """
    import numpy as np

    n_rows = max(len(row_labels), 1)
    caption_size = STYLE["label"]
    if ax is None:
        # never wider than the notebook column: narrower cells (same shape)
        # and captions one step smaller when the row would not fit
        fit = (MAX_FIGURE_WIDTH - margins[0]) / (cell_size[0] * n_cols)
        if fit < 1:
            cell_size = (cell_size[0] * fit, cell_size[1] * fit)
            caption_size = STYLE["gallery_caption_small"]
        fig, axes = new_grid(
            n_rows,
            n_cols,
            figsize=(
                cell_size[0] * n_cols + margins[0],
                cell_size[1] * n_rows + margins[1],
            ),
            layout="constrained",
        )
    else:
        axes = np.atleast_2d(np.asarray(ax, dtype=object))
        fig = axes.flat[0].figure
    for r in range(n_rows):
        shown = examples[examples["row"] == r]
        for c in range(n_cols):
            a = axes[r, c]
            a.set_xticks([])
            a.set_yticks([])
            for spine in a.spines.values():
                spine.set_visible(False)
            if c < len(shown):
                rec = shown.iloc[c]
                a.imshow(images[int(rec["index"])], cmap=cmap)
                a.set_title(caption(rec), fontsize=caption_size)
        if r < len(row_labels):
            axes[r, 0].set_ylabel(
                row_labels[r],
                rotation=0,
                ha="right",
                va="center",
                fontsize=STYLE["row_label"],
                labelpad=10,
            )
    return fig, axes


def panel_grid(n_panels: int, ax, *, per_row: int, panel_size, extra_height=0.0):
    """``(fig, axes)`` with at least ``n_panels`` axes: the given ones or a new figure.

    A new figure has at most ``per_row`` panels per row, each ``panel_size``
    inches, and the constrained layout engine.
    """
    import numpy as np

    if ax is not None:
        axes = np.atleast_2d(np.asarray(ax, dtype=object))
        if axes.size < n_panels:
            raise ValueError(
                f"ax holds {axes.size} axes but {n_panels} panels are drawn; pass "
                f"{n_panels} axes or ax=None for a new figure"
            )
        return axes.flat[0].figure, axes
    ncols = max(1, min(per_row, n_panels))
    nrows = -(-n_panels // ncols)
    return new_grid(
        nrows,
        ncols,
        figsize=(panel_size[0] * ncols, panel_size[1] * nrows + extra_height),
        layout="constrained",
    )
