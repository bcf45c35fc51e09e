"""Every figure fits the notebook column of a 1280-pixel-wide JupyterLab.

The column: JupyterLab 4.6 in a 1280 x 800 Chromium window, its default
layout (the file browser open on the left), notebook 08 open; every
``.jp-OutputArea-output`` measured 848 pixels wide with Playwright (the
browser test's server, ``tests/test_browser.py``). With the file browser
closed the column is 1,100 pixels; 848 is the one a learner gets first. An image wider than that is
scaled down: the 1,911-pixel figure of a (19, 6.2)-inch figsize showed at 0.44
scale, its 10-point ticks about 6 pixels high.

Two checks:
- every ``image/png`` output stored in ``evalviz/course/*.ipynb``, its width
  read from the PNG header (one test per notebook, listing the cells that
  are too wide);
- the default size of every display, drawn as the notebook's inline backend
  saves it: matplotlib's default 100 dpi and ``bbox_inches="tight"`` (which
  adds 0.1 inch around what is drawn).
"""

from __future__ import annotations

import base64
import io
import struct
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import evalviz as ev  # noqa: E402

COLUMN_PX = 848  # measured, see the module docstring
NOTEBOOK_DPI = 100  # matplotlib's default; the inline backend keeps it
COURSE = Path(__file__).resolve().parents[1] / "evalviz" / "course"
NOTEBOOKS = sorted(COURSE.glob("*.ipynb"))


def png_width(png: bytes) -> int:
    """The width in pixels from a PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">I", png[16:20])[0]


def stored_widths(path: Path) -> list[tuple[int, int]]:
    """``(cell index, width)`` of every stored PNG output of a notebook."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    found = []
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                data = png if isinstance(png, str) else "".join(png)
                found.append((i, png_width(base64.b64decode(data))))
    return found


def test_png_width_reads_the_header():
    buf = io.BytesIO()
    fig = plt.figure(figsize=(3.21, 1.0), dpi=100)
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    assert png_width(buf.getvalue()) == 321
    with pytest.raises(ValueError):
        png_width(b"GIF89a" + bytes(30))


def test_the_course_has_notebooks_with_pictures():
    assert len(NOTEBOOKS) >= 10
    assert sum(len(stored_widths(p)) for p in NOTEBOOKS) > 30


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem[:2] for p in NOTEBOOKS])
def test_stored_pictures_fit_the_column(path):
    too_wide = [(cell, w) for cell, w in stored_widths(path) if w > COLUMN_PX]
    assert too_wide == [], (
        f"{path.name}: (cell index, PNG width) wider than the {COLUMN_PX}-pixel "
        f"column: {too_wide}"
    )


# --- the displays' default sizes ------------------------------------------------


def inline_width(display) -> int:
    """The width of a display's figure as the inline backend stores it.

    A display not drawn yet is drawn with its defaults.
    """
    fig = getattr(display, "figure_", None)
    if fig is None:
        fig = display.plot().figure_
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=NOTEBOOK_DPI, bbox_inches="tight")
    plt.close(fig)
    return png_width(buf.getvalue())


def _multiclass(k, n=None, seed=0):
    n = n or max(60 * k, 600)
    rng = np.random.default_rng(seed)
    y = np.arange(n) % k
    logits = rng.normal(size=(n, k)) + 2.5 * np.eye(k)[y]
    p = np.exp(logits)
    return y, p / p.sum(axis=1, keepdims=True)


def _names(k):
    return [f"class {i:03d}" for i in range(k)]


def _binary(seed=1, n=2000):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(int)
    return y, 1 / (1 + np.exp(-rng.normal(2.5 * y - 1.2, 1.2)))


def _multilabel(k=10, n=800, seed=2):
    rng = np.random.default_rng(seed)
    y = (rng.random((n, k)) < 0.3).astype(int)
    return y, 1 / (1 + np.exp(-rng.normal(2.5 * y - 1.2, 1.2)))


def _images(k=10, n=400, seed=3):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8), np.arange(n) % k


def _roc(k):
    y, p = _multiclass(k)
    return ev.roc(y, p, display_labels=_names(k))


def _pr(k):
    y, p = _multiclass(k)
    return ev.pr(y, p, display_labels=_names(k))


def _confusion(k):
    y, p = _multiclass(k)
    return ev.confusion_display(y, p.argmax(axis=1), display_labels=_names(k))


def _distribution(scale):
    from evalviz.distributions import score_distribution

    y, s = _binary()
    return score_distribution(y, s, thresholds=[0.5, 0.9], scale=scale)


def _pairs(rows):
    from evalviz.distributions import auc_pairs

    y, s = _binary()
    pairs = auc_pairs(y, s, n_pairs=400, seed=0)
    return pairs.plot_pairs() if rows else pairs.plot()


def _threshold():
    from evalviz.threshold import ThresholdDisplay

    y, s = _binary()
    return ThresholdDisplay.from_predictions(y, s, thresholds=[0.3, 0.5])


def _operating_points():
    from evalviz.threshold import OperatingPointsDisplay

    y, s = _binary()
    return OperatingPointsDisplay.from_predictions(y, s, thresholds=[0.3, 0.5])


def _reliability():
    from evalviz.calibration import ReliabilityDisplay

    y, p = _multiclass(10)
    return ReliabilityDisplay.from_predictions(y, p)


def _topk():
    from evalviz.topk import topk

    y, p = _multiclass(10)
    return topk(y, p)


def _label_groups():
    from evalviz.topk import label_groups

    y, s = _multilabel(k=40, n=1500)
    return label_groups(y, s)


def _cell_counts(k):
    from evalviz.multilabel import CellCountsDisplay

    y, s = _multilabel(k=k)
    return CellCountsDisplay.from_predictions(y, s)


def _multilabel_sweep():
    from evalviz.multilabel import MultilabelThresholdDisplay

    y, s = _multilabel()
    return MultilabelThresholdDisplay.from_predictions(y, s)


def _small_multiples(n_thresholds, k):
    y, p = _multiclass(k)
    cuts = (0.1, 0.3, 0.5, 0.7, 0.9, 0.99)[:n_thresholds]
    twin = ev.widgets.threshold_small_multiples(
        y, p, display_labels=_names(k), pos_label=0, thresholds=cuts
    )
    return twin.plot()


def _sweep():
    y, s = _binary()
    return ev.widgets.PrevalenceSweep.from_predictions(
        y, s, name="'1' vs '0'", context="simulated, validation"
    )


def _class_balance(k):
    from evalviz.explore import class_balance

    y, _ = _multiclass(k)
    return class_balance(train=y, test=y[: len(y) // 2])


def _example_grid():
    from evalviz.explore import example_grid

    images, y = _images()
    return example_grid(images, y)


def _mean_images():
    from evalviz.explore import mean_images

    images, y = _images()
    return mean_images(images, y)


def _error_gallery():
    images, y = _images()
    pred = (y + (np.arange(len(y)) % 3 == 0)) % 10
    return ev.confusion.error_gallery(images, y, pred, n_images=8)


def _topk_gallery():
    from evalviz.topk import topk_gallery

    images, y = _images()
    _, p = _multiclass(10, n=len(y), seed=4)
    return topk_gallery(images, y, p, k=2, n_images=6)


def _outfit_gallery():
    from evalviz.multilabel import outfit_gallery

    rng = np.random.default_rng(5)
    images = rng.integers(0, 256, size=(8, 56, 56), dtype=np.uint8)
    labels = (rng.random((8, 10)) < 0.3).astype(int)
    names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat"]
    names += ["Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    return outfit_gallery(images, labels, n=8, display_labels=names, title="outfits")


def _pixel_histogram():
    from evalviz.explore import pixel_histogram

    images, _ = _images()
    return pixel_histogram(images)


def _error_scores():
    y, p = _multiclass(10)
    return ev.confusion.error_scores(y, p, cell=(6, 0))


def _tuning_optimism():
    from evalviz.threshold import tuning_optimism

    y, s = _binary()
    return tuning_optimism(y, s, precision=0.8, n_repeats=50)


def _expected_cost():
    from evalviz.threshold import ExpectedCostDisplay

    y, s = _binary()
    return ExpectedCostDisplay.from_predictions(y, s, cost_fp=1, cost_fn=5)


def _forest():
    y, s = _binary()
    models = {"a": s, "b": np.clip(s + 0.05, 0, 1)}
    return ev.compare_models(y, models, n_resamples=200)


def _by_size():
    from evalviz.compare import intervals_by_size

    y, s = _binary()
    models = {"a": s, "b": np.clip(s + 0.05, 0, 1)}
    return intervals_by_size(y, models, n_resamples=200)


DISPLAYS = {
    "error-gallery-8": _error_gallery,
    "topk-gallery-6": _topk_gallery,
    "outfit-gallery-8": _outfit_gallery,
    "pixel-histogram": _pixel_histogram,
    "error-scores": _error_scores,
    "tuning-optimism": _tuning_optimism,
    "expected-cost": _expected_cost,
    "compare-forest": _forest,
    "intervals-by-size": _by_size,
    "roc-10": lambda: _roc(10),
    "roc-100": lambda: _roc(100),
    "pr-10": lambda: _pr(10),
    "pr-100": lambda: _pr(100),
    "confusion-10": lambda: _confusion(10),
    "confusion-100": lambda: _confusion(100),
    "confusion-1000": lambda: _confusion(1000),
    "distribution-linear": lambda: _distribution("linear"),
    "distribution-logit": lambda: _distribution("logit"),
    "auc-pairs": lambda: _pairs(False),
    "auc-pairs-rows": lambda: _pairs(True),
    "threshold": _threshold,
    "operating-points": _operating_points,
    "reliability": _reliability,
    "topk": _topk,
    "label-groups": _label_groups,
    "multilabel-cells-10": lambda: _cell_counts(10),
    "multilabel-cells-100": lambda: _cell_counts(100),
    "multilabel-thresholds": _multilabel_sweep,
    "small-multiples-3-of-10-classes": lambda: _small_multiples(3, 10),
    "small-multiples-6-of-100-classes": lambda: _small_multiples(6, 100),
    "prevalence-sweep": _sweep,
    "class-balance-10": lambda: _class_balance(10),
    "class-balance-100": lambda: _class_balance(100),
    "example-grid": _example_grid,
    "mean-images": _mean_images,
}


@pytest.mark.parametrize("name", list(DISPLAYS))
def test_display_default_size_fits_the_column(name):
    width = inline_width(DISPLAYS[name]())
    assert width <= COLUMN_PX, f"{name}: {width} pixels at {NOTEBOOK_DPI} dpi"


@pytest.mark.parametrize("which", ["threshold", "prevalence"])
def test_explorer_pictures_fit_the_column(which):
    y, s = _binary()
    make = getattr(ev.widgets, f"{which}_explorer")
    explorer = make(y, s)
    (item,) = explorer.output.outputs
    width = png_width(base64.b64decode(item["data"]["image/png"]))
    assert width <= COLUMN_PX
    plt.close("all")
