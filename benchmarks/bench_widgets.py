"""Callback time of the interactive explorers: one slider move, re-rendering included.

Run from the repository root::

    python benchmarks/bench_widgets.py                 # 10,000 samples, 60 moves
    python benchmarks/bench_widgets.py --n 100000 --moves 30

One "callback" is what happens in the kernel when the browser moves a slider:
setting ``slider.value`` recomputes the numbers with evalviz.metrics, moves the
drawn artists, renders the figure to PNG and replaces the Output widget's
outputs (the message to the browser is queued, not waited for). The goal is at
most 50 ms for 10,000 samples.

For comparison it times the plain way of doing the same update: draw the
whole figure again and ``savefig`` it to PNG (what a callback that re-plots
would cost), and prints how many times faster the explorer is. Timings depend
on the machine and on what else runs on it: the CPU, the core count and the
load average are printed so the figures can be read in context.
"""

from __future__ import annotations

import argparse
import io
import os
import time

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
from _machine import cpu_model  # noqa: E402 (benchmarks/ is on sys.path)

from evalviz import widgets  # noqa: E402

GOAL_MS = 50.0


def _data(n: int, k: int, seed: int = 0):
    """Simulated softmax scores for k classes (labelled as simulated)."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k)) + 2.5 * np.eye(k)[y]
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return y, proba.astype(np.float32)


def _time_moves(slider, values) -> tuple[np.ndarray, np.ndarray]:
    """Wall-clock and CPU milliseconds of each move (CPU time leaves out the
    time spent waiting for a core on a busy machine)."""
    wall, cpu = [], []
    for v in values:
        t0, c0 = time.perf_counter(), time.process_time()
        slider.value = float(v)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return 1000 * np.asarray(wall), 1000 * np.asarray(cpu)


def _summary(name: str, times: tuple[np.ndarray, np.ndarray]) -> float:
    ms, cpu = times
    median, p90 = np.median(ms), np.percentile(ms, 90)
    verdict = "meets" if median <= GOAL_MS else "MISSES"
    print(
        f"{name:<44} median {median:6.1f} ms  p90 {p90:6.1f} ms  max {ms.max():6.1f} ms"
        f"  ({verdict} the {GOAL_MS:.0f} ms goal; ratio goal/median "
        f"{GOAL_MS / median:.2f}); CPU time median {np.median(cpu):.1f} ms"
    )
    return float(median)


def _full_redraw_ms(figure, dpi, repeat) -> np.ndarray:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        figure.savefig(io.BytesIO(), format="png", dpi=dpi)
        times.append(time.perf_counter() - t0)
    return 1000 * np.asarray(times)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="samples")
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--moves", type=int, default=60, help="slider moves timed")
    args = parser.parse_args(argv)

    print(
        f"CPU: {cpu_model()}, {os.cpu_count()} cores, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(f"{args.n} samples, {args.classes} classes (simulated softmax scores)\n")
    y, proba = _data(args.n, args.classes)
    rng = np.random.default_rng(1)

    t0 = time.perf_counter()
    explorer = widgets.threshold_explorer(y, proba, pos_label=3)
    print(f"threshold_explorer built in {1000 * (time.perf_counter() - t0):.0f} ms")
    explorer.slider.value = 0.3  # warm up
    values = np.round(rng.uniform(0.02, 0.98, args.moves), 2)
    ours = _summary(
        "threshold slider move (one class vs rest)",
        _time_moves(explorer.slider, values),
    )
    full = _full_redraw_ms(
        explorer.figure, explorer.figure.dpi, max(5, args.moves // 6)
    )
    print(
        f"{'  plain full redraw + savefig of that figure':<44} median "
        f"{np.median(full):6.1f} ms  -> the explorer is "
        f"{np.median(full) / ours:.1f}x faster"
    )
    t0 = time.perf_counter()
    explorer.class_selector.value = 5
    print(
        f"{'class change (re-plots every display)':<44} "
        f"{1000 * (time.perf_counter() - t0):6.1f} ms (not a slider move)"
    )

    binary = (y == 3).astype(np.int8)
    t0 = time.perf_counter()
    prevalence = widgets.prevalence_explorer(binary, proba[:, 3])
    print(f"\nprevalence_explorer built in {1000 * (time.perf_counter() - t0):.0f} ms")
    lo, hi = prevalence.slider.min, prevalence.slider.max
    values = np.round(rng.uniform(lo, hi, args.moves), 2)
    _summary(
        "prevalence slider move (resample + curves)",
        _time_moves(prevalence.slider, values),
    )


if __name__ == "__main__":
    main()
