"""Time of a many-class confusion matrix and classification report: draw and save.

Run from the repository root::

    python benchmarks/bench_confusion.py                  # 1,000 classes, 100,000 samples
    python benchmarks/bench_confusion.py --classes 120 --samples 20000

Prints, for :class:`evalviz.confusion.ConfusionDisplay` and
:class:`evalviz.confusion.ClassificationReportDisplay`, the time to count and
draw (``from_predictions``) and to save a PNG at 100 dpi, with the figure size
and the number of cell texts drawn. Issue 10 measured over 8 minutes to draw
1,000 classes and an out-of-memory failure at 20 GB when saving; the figure is
now capped at 10 x 9 inches and drawn as one image.
"""

from __future__ import annotations

import argparse
import io
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from evalviz.confusion import (  # noqa: E402
    ClassificationReportDisplay,
    ConfusionDisplay,
)


def _one(cls, y, p, names) -> str:
    t0 = time.perf_counter()
    disp = cls.from_predictions(y, p, display_labels=names)
    t1 = time.perf_counter()
    disp.figure_.savefig(io.BytesIO(), format="png", dpi=100)
    t2 = time.perf_counter()
    w, h = disp.figure_.get_size_inches()
    texts = len(disp.ax_.texts)
    plt.close(disp.figure_)
    return (
        f"{cls.__name__:28s} draw {t1 - t0:6.2f} s   save {t2 - t1:6.2f} s   "
        f"total {t2 - t0:6.2f} s   figure {w:g} x {h:g} in   {texts} cell texts"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--classes", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=100_000)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    y = rng.integers(0, args.classes, args.samples)
    p = np.where(
        rng.random(args.samples) < 0.7, y, rng.integers(0, args.classes, y.size)
    )
    names = [f"class number {i}" for i in range(args.classes)]
    plt.figure()  # import and set up pyplot outside the timings
    plt.close("all")
    print(f"{args.classes:,} classes, {args.samples:,} samples")
    for cls in (ConfusionDisplay, ClassificationReportDisplay):
        print(_one(cls, y, p, names))


if __name__ == "__main__":
    main()
