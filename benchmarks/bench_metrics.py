"""evalviz's exact ranking metrics against scikit-learn: time, ratio, difference.

Run from the repository root::

    python benchmarks/bench_metrics.py              # 1,000 x 5, 10,000 x 10, 100,000 x 1,000
    python benchmarks/bench_metrics.py --large      # also 1,000,000 x 1,000 (needs ~8 GB)
    python benchmarks/bench_metrics.py --sizes 10000x10

The weighted cases (``sample_weight`` of integers 0..3, so some samples drop
out), the binary paths (one column: plain, weighted, ``max_fpr=0.01``) and the
one-vs-one multi-class AUC (up to ten classes) run after the unweighted ones.

For each size it first times the floor, two ways: one plain
``np.sort(score, axis=0)`` of the same score matrix (it allocates the result and
reads the columns with a stride), and an in-place sort of every column already
laid out as contiguous rows (the copy made before the clock starts); every exact
per-column AUC must at least sort each column once. ``ev/floor`` divides by the
faster of the two. The floor runs on one core; evalviz sorts column chunks on
every core. Then, per metric, the best time of evalviz and of scikit-learn,
evalviz's time as a multiple of the floor (``ev/floor``), how many times faster
evalviz is than scikit-learn (``sk/ev``), the largest absolute difference
between the two results, and evalviz's peak extra memory as a multiple of the
score matrix (numpy allocations traced with tracemalloc).
"none" in the scikit-learn column: scikit-learn has no such metric (multi-label
top-k, precision@k, recall@k); "not run": skipped at that size (see --large).

The data are simulated with ``evalviz.simulate.multilabel_zipf`` (float32
sigmoid scores, Zipf-like label frequencies); the top-k case uses multi-class
labels drawn from the same scores' argmax with noise. Timings depend on the
machine and on what else runs on it: the script prints the CPU, the core count
and the load average so the figures can be read in context.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
import tracemalloc
import warnings

import numpy as np
import sklearn
from _machine import cpu_model  # noqa: E402 (benchmarks/ is on sys.path)
from sklearn import metrics as skm

from evalviz import metrics as ev
from evalviz.metrics._ranking import _n_workers
from evalviz.simulate import multilabel_zipf


def _best_time(fn, repeat):
    best, value = np.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t0)
    return best, value


def _in_place_sort_time(score, repeat):
    """Best time of sorting every column in place, laid out as contiguous rows.

    The copy that lays the columns out is made before the clock starts, so this
    is the sort alone: the physical floor of any exact per-column AUC.
    """
    rows = np.ascontiguousarray(score.T)
    best = np.inf
    for _ in range(repeat):
        work = rows.copy()
        t0 = time.perf_counter()
        work.sort(axis=1)
        best = min(best, time.perf_counter() - t0)
    return best


def _peak_extra(fn):
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    fn()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak


def _cases(n, k, seed):
    y_ml, s_ml = multilabel_zipf(n, k, seed=seed)
    rng = np.random.default_rng(seed)
    # Multi-class labels: the score argmax for most rows, a random class otherwise.
    y_mc = s_ml.argmax(axis=1)
    flip = rng.random(n) < 0.3
    y_mc[flip] = rng.integers(0, k, flip.sum())
    top = min(5, k - 1)
    labels = np.arange(k)
    # Weighted cases: integer-valued weights 0..3 (zeros drop samples), and
    # one binary column (the most frequent label) for the binary paths.
    w = rng.integers(0, 4, n).astype(np.float64)
    j = int(y_ml.sum(axis=0).argmax())
    y_bin, s_bin = y_ml[:, j].copy(), s_ml[:, j].copy()
    proba = s_ml / s_ml.sum(axis=1, keepdims=True)
    weighted = [
        (
            "roc_auc binary",
            lambda: ev.roc_auc(y_bin, s_bin),
            lambda: skm.roc_auc_score(y_bin, s_bin),
        ),
        (
            "roc_auc binary, sample_weight",
            lambda: ev.roc_auc(y_bin, s_bin, sample_weight=w),
            lambda: skm.roc_auc_score(y_bin, s_bin, sample_weight=w),
        ),
        (
            "roc_auc binary, max_fpr=0.01",
            lambda: ev.roc_auc(y_bin, s_bin, max_fpr=0.01),
            lambda: skm.roc_auc_score(y_bin, s_bin, max_fpr=0.01),
        ),
        (
            "roc_auc macro, sample_weight",
            lambda: ev.roc_auc(y_ml, s_ml, average="macro", sample_weight=w),
            lambda: skm.roc_auc_score(y_ml, s_ml, average="macro", sample_weight=w),
        ),
        (
            "average_precision macro, sample_weight",
            lambda: ev.average_precision(y_ml, s_ml, sample_weight=w),
            lambda: skm.average_precision_score(y_ml, s_ml, sample_weight=w),
        ),
        (
            f"top_k_accuracy k={top}, sample_weight",
            lambda: ev.top_k_accuracy(y_mc, s_ml, top, sample_weight=w),
            lambda: skm.top_k_accuracy_score(
                y_mc, s_ml, k=top, labels=labels, sample_weight=w
            ),
        ),
    ]
    if k <= 10:  # one-vs-one: k (k - 1) / 2 pairs of classes
        weighted.append(
            (
                "roc_auc multi-class ovo",
                lambda: ev.roc_auc(y_mc, proba, multi_class="ovo"),
                lambda: skm.roc_auc_score(y_mc, proba, multi_class="ovo"),
            )
        )
    return (
        [
            (
                "roc_auc macro",
                lambda: ev.roc_auc(y_ml, s_ml, average="macro"),
                lambda: skm.roc_auc_score(y_ml, s_ml, average="macro"),
            ),
            (
                "roc_auc micro",
                lambda: ev.roc_auc(y_ml, s_ml, average="micro"),
                lambda: skm.roc_auc_score(y_ml, s_ml, average="micro"),
            ),
            (
                "average_precision macro",
                lambda: ev.average_precision(y_ml, s_ml, average="macro"),
                lambda: skm.average_precision_score(y_ml, s_ml, average="macro"),
            ),
            (
                f"top_k_accuracy k={top} (multi-class)",
                lambda: ev.top_k_accuracy(y_mc, s_ml, top),
                lambda: skm.top_k_accuracy_score(y_mc, s_ml, k=top, labels=labels),
            ),
            # scikit-learn has no multi-label top-k: evalviz alone.
            (
                f"top_k_accuracy k={top} (multi-label)",
                lambda: ev.top_k_accuracy(y_ml, s_ml, top),
                None,
            ),
            (
                f"precision_at_k k={top}",
                lambda: ev.precision_at_k(y_ml, s_ml, top),
                None,
            ),
            (f"recall_at_k k={top}", lambda: ev.recall_at_k(y_ml, s_ml, top), None),
            *weighted,
        ],
        s_ml.nbytes,
        s_ml,
    )


def run(sizes, *, repeat, skip_sklearn_above, seed=0):
    print(
        f"machine: {cpu_model()}, {os.cpu_count()} cores (nproc), load average ",
        end="",
    )
    print(" ".join(f"{x:.2f}" for x in os.getloadavg()))
    print(
        f"numpy {np.__version__}, scikit-learn {sklearn.__version__}, "
        f"python {platform.python_version()}, "
        f"evalviz threads: {_n_workers()}, "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}"
    )
    header = (
        f"{'size':>17}  {'metric':<40} {'evalviz s':>10} {'ev/floor':>8} "
        f"{'sklearn s':>10} {'sk/ev':>7} {'max |diff|':>11} {'mem x':>6}"
    )
    print(header)
    print("-" * len(header))
    for n, k in sizes:
        cases, score_bytes, score = _cases(n, k, seed)
        reps = repeat if n * k <= 10**7 else 1
        strided, _ = _best_time(lambda s=score: np.sort(s, axis=0), reps + 1)
        contiguous = _in_place_sort_time(score, reps + 1)
        floor = min(strided, contiguous)
        for label, t in (
            ("floor: np.sort(score, axis=0)", strided),
            ("floor: in-place sort of columns", contiguous),
        ):
            print(f"{n:>9,} x {k:<5,}  {label:<40} {t:>10.4g}", flush=True)
        for name, ours, theirs in cases:
            t_ev, v_ev = _best_time(ours, max(reps, 1) + (1 if reps == 1 else 0))
            mem = _peak_extra(ours) / score_bytes
            if theirs is None:
                t_sk, diff, ratio = "none", "", ""
            elif n * k > skip_sklearn_above or (n * k > 10**8 and "micro" in name):
                # scikit-learn's micro average argsorts every cell (int64 indices
                # plus copies): tens of GB at 10^9 cells.
                t_sk, diff, ratio = "not run", "", ""
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    t_sk, v_sk = _best_time(theirs, reps)
                diff = f"{abs(float(v_ev) - float(v_sk)):.1e}"
                ratio = f"{t_sk / t_ev:.1f}x"
                t_sk = f"{t_sk:.4g}"
            print(
                f"{n:>9,} x {k:<5,}  {name:<40} {t_ev:>10.4g} {t_ev / floor:>8.2f} "
                f"{t_sk:>10} {ratio:>7} {diff:>11} {mem:>6.2f}",
                flush=True,
            )


def _parse_size(text):
    n, k = text.lower().split("x")
    return int(n), int(k)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=_parse_size,
        default=[(1_000, 5), (10_000, 10), (100_000, 1_000)],
        help="sizes as N_SAMPLESxN_LABELS (default: 1000x5 10000x10 100000x1000)",
    )
    parser.add_argument(
        "--large",
        action="store_true",
        help="add 1,000,000 x 1,000 (about 5 GB for the data; scikit-learn is "
        "not run there unless --sklearn-large)",
    )
    parser.add_argument(
        "--sklearn-large",
        action="store_true",
        help="with --large, also time scikit-learn at 1,000,000 x 1,000 (about a "
        "quarter of an hour; its micro average is never run there: it would need "
        "tens of GB)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="best of N (small sizes)")
    args = parser.parse_args(argv)
    sizes = list(args.sizes)
    if args.large:
        sizes.append((1_000_000, 1_000))
    limit = 10**10 if args.sklearn_large else 10**8
    run(sizes, repeat=args.repeat, skip_sklearn_above=limit)


if __name__ == "__main__":
    main()
