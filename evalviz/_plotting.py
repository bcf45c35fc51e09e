"""Small drawing helpers shared by the displays.

Nothing here changes rcParams; pyplot is imported only when a new figure is
needed, never at ``import evalviz``.
"""

from __future__ import annotations

from ._format import format_area  # noqa: F401  (kept for callers)

# Colour-blind-safe palette (Okabe-Ito), readable on a projector.
PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
# Ten distinguishable colours for ten classes.
CLASS_COLORS = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#7F3C8D",
    "#8C6D31",
    "#000000",
    "#999999",
)

# Font sizes chosen to stay readable on a classroom projector.
TITLE_SIZE = 13
LABEL_SIZE = 12
TICK_SIZE = 10

# --- from widgets ---
# Sizes of the explorers' figures and of their static twins.
WIDGET_STYLE = {
    "legend_size": 12,  # legends of the static figures (read at 1,000 px)
    "suptitle_size": 14,
    "inset_title_size": 11,
    "inset_tick_size": 10,
    "sweep_legend_size": 11,
    "sweep_line_width": 2.2,
    "sweep_marker_size": 3,
    "marker_line_width": 2.0,  # the prevalence marker on the sweep
    "sweep_figsize": (10.0, 5.0),
    "legend_below_inches": 0.62,  # from the axes' bottom: below ticks and x label
    "html_font_px": 14,  # the numbers panel under the sliders
}
# --- end widgets ---
#: Sizes by name: displays take font sizes, figure sizes and counts from here,
#: never as literals in drawing code.
STYLE = {
    "title": TITLE_SIZE,
    "label": LABEL_SIZE,
    "tick": TICK_SIZE,
    # --- curves, distributions, threshold (h-curves) ---
    "legend": 10,
    "legend_outside": 11,
    "legend_inside": 9,
    "annotation": 10,
    "axis_break": 14,
    "marker": 8,
    "max_coloured_curves": 10,
    "curves_figsize": (9.6, 5.6),
    "curves_figsize_inside": (6.4, 5.6),
    "distribution_figsize": (12.0, 5.0),
    "pairs_figsize": (7.5, 4.5),
    "pairs_rows_figsize": (9.0, 3.8),
    "threshold_figsize": (8.4, 4.8),
    "operating_points_figsize": (11.5, 5.0),
    "optimism_figsize": (9.6, 4.8),
}

# --- from confusion: matrix displays (confusion matrix, classification report) ---
# The largest figure a matrix display makes: fits a 1280-pixel JupyterLab
# column at any class count.
MATRIX_MAX_FIGSIZE = (10.0, 9.0)
# Cell texts are written up to this many classes (rows); past it the colour
# alone carries the numbers (and one image keeps 1,000 classes fast).
MATRIX_MAX_CELL_TEXT = 30
# At most this many tick labels per axis; past it every n-th class is named.
MATRIX_MAX_TICKS = 30
# Cell text size by class count: (up to k classes, font size).
MATRIX_CELL_SIZES = ((6, 13), (10, 11), (16, 9), (30, 7))
# Tick label size by class count, same layout.
MATRIX_TICK_SIZES = ((10, LABEL_SIZE), (20, TICK_SIZE), (10**9, 8))
# Classification report: figure width, row height and extra height, inches.
REPORT_FIGSIZE = (7.4, 0.45, 1.6)


# Scores closer to 0 or 1 than this are drawn at the edge of a logit axis
# (a float32 softmax cannot tell 1 - 1e-8 from 1).
LOGIT_CLIP = 1e-9


def to_logit(p):
    """Probabilities as log10 odds (a logit axis's coordinates), clipped at 1e-9."""
    import numpy as np

    p = np.clip(np.asarray(p, dtype=np.float64), LOGIT_CLIP, 1 - LOGIT_CLIP)
    return np.log10(p) - np.log10(1 - p)


def new_axes(ax=None, *, figsize=(6.4, 4.8)):
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


def style_axes(ax, *, title=None, xlabel=None, ylabel=None) -> None:
    if title is not None:
        ax.set_title(title, fontsize=TITLE_SIZE)
    if xlabel is not None:
        ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    if ylabel is not None:
        ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)


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
    if ax is None:
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
                a.set_title(caption(rec), fontsize=LABEL_SIZE)
        if r < len(row_labels):
            axes[r, 0].set_ylabel(
                row_labels[r],
                rotation=0,
                ha="right",
                va="center",
                fontsize=LABEL_SIZE - 1,
                labelpad=10,
            )
    return fig, axes


# --- from conventions part: sizes of the multi-label displays (evalviz.multilabel) ---
#: Legend text under the threshold sweep.
LEGEND_SIZE = 10
#: One 2 x 2 panel of CellCountsDisplay (inches); at most CELL_PANELS_PER_ROW per row,
#: so a row is at most 12.4 inches (1,240 pixels at 100 dpi).
CELL_PANEL_SIZE = (3.1, 3.4)
CELL_PANELS_PER_ROW = 4
#: MultilabelThresholdDisplay's figure (inches).
SWEEP_FIGSIZE = (7.5, 4.8)
#: One outfit of OutfitGallery: width, image height (inches); caption width (chars).
OUTFIT_CELL_SIZE = (3.15, 2.9)
OUTFIT_CAPTION_CHARS = 27


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
