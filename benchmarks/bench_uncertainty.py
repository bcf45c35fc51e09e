"""Bootstrap and DeLong timings: evalviz.uncertainty against the obvious loop.

Run from the repository root::

    python benchmarks/bench_uncertainty.py                  # the figures in the README
    python benchmarks/bench_uncertainty.py --sklearn-resamples 200

1. Bootstrap of the macro (one-vs-rest) ROC AUC of a simulated 10-class problem
   with 10,000 samples: ``bootstrap_ci("roc_auc", y, proba, n_resamples=2000)``
   unstratified (the same resamples as the loop below) and stratified (the
   default), against the obvious loop ``roc_auc_score(y[i], proba[i],
   multi_class="ovr")`` over index resamples drawn from the same generator.
   The loop is timed on ``--sklearn-resamples`` resamples (default 100) and its
   time scaled to 2,000 (linear: every resample costs the same); the output
   says so. The loop's values must equal evalviz's bootstrap distribution on
   the same resamples (largest difference printed).
2. DeLong's interval on 1,000,000 binary samples (``delong_ci``) and the
   paired test of two models (``delong_test``), with
   ``evalviz.metrics.roc_auc`` (one sort) for scale.

The data are simulated (softmax of noisy logits; binormal scores). Times are
the best of ``--repeat`` runs; the script prints the CPU, the core count and
the load average so the figures can be read in context: compare ratios from
the same run, never absolute times across machines.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np
import sklearn
from _machine import cpu_model  # noqa: E402 (benchmarks/ is on sys.path)
from sklearn.metrics import roc_auc_score

from evalviz.metrics import roc_auc
from evalviz.uncertainty import bootstrap_ci, delong_ci, delong_test


def _best(fn, repeat):
    best, value = np.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t0)
    return best, value


def _multiclass(n, k, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    logits = rng.normal(size=(n, k)) + 1.0 * np.eye(k)[y]
    return y, np.exp(logits) / np.exp(logits).sum(1, keepdims=True)


def bench_bootstrap(n, k, n_resamples, sk_resamples, repeat, seed=0):
    y, proba = _multiclass(n, k)
    t_ev, res = _best(
        lambda: bootstrap_ci(
            "roc_auc", y, proba, n_resamples=n_resamples, stratify=False, seed=seed
        ),
        repeat,
    )
    t_strat, strat = _best(
        lambda: bootstrap_ci("roc_auc", y, proba, n_resamples=n_resamples, seed=seed),
        repeat,
    )

    def sklearn_loop():
        rng = np.random.default_rng(seed)  # the same resamples as evalviz's
        out = []
        for _ in range(sk_resamples):
            i = rng.integers(0, n, (1, n))[0]
            out.append(roc_auc_score(y[i], proba[i], multi_class="ovr"))
        return np.array(out)

    t_sk, sk_values = _best(sklearn_loop, 1)
    t_sk_scaled = t_sk * n_resamples / sk_resamples
    diff = np.abs(sk_values - res.bootstrap_distribution[:sk_resamples]).max()
    print(
        f"\nBootstrap of the macro ROC AUC, {n:,} x {k} (simulated), {n_resamples:,} resamples"
    )
    print(f"  evalviz bootstrap_ci, unstratified   {t_ev:8.3f} s   {res}")
    print(f"  evalviz bootstrap_ci, stratified     {t_strat:8.3f} s   {strat}")
    print(
        f"  sklearn roc_auc_score loop           {t_sk_scaled:8.3f} s   (timed on "
        f"{sk_resamples} resamples: {t_sk:.3f} s, scaled x{n_resamples / sk_resamples:g})"
    )
    print(
        f"  ratio sklearn loop / evalviz (same resamples): {t_sk_scaled / t_ev:6.1f}x"
    )
    print(
        f"  ratio sklearn loop / evalviz stratified:        {t_sk_scaled / t_strat:6.1f}x"
    )
    print(
        f"  max |sklearn - evalviz| on the {sk_resamples} shared resamples: {diff:.1e}"
    )


def bench_delong(n, repeat, seed=0):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(np.int8)
    a = rng.normal(size=n) + 1.0 * y
    b = 0.6 * a + rng.normal(size=n) + 0.5 * y
    t_auc, auc = _best(lambda: roc_auc(y, a), repeat)
    t_ci, ci = _best(lambda: delong_ci(y, a), repeat)
    t_test, test = _best(lambda: delong_test(y, a, b), repeat)
    print(f"\nDeLong on {n:,} binary samples (simulated binormal, 30% positive)")
    print(f"  evalviz.metrics.roc_auc (one sort)   {t_auc:8.3f} s   AUC {auc:.6f}")
    print(f"  delong_ci                            {t_ci:8.3f} s   {ci}")
    print(f"  delong_test (two models, paired)     {t_test:8.3f} s   {test}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--sklearn-resamples", type=int, default=100)
    parser.add_argument("--delong-samples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"machine: {cpu_model()}, {os.cpu_count()} cores (nproc), load average {load}; "
        f"Python {platform.python_version()}, numpy {np.__version__}, "
        f"scikit-learn {sklearn.__version__}"
    )
    bench_bootstrap(
        args.samples, args.classes, args.resamples, args.sklearn_resamples, args.repeat
    )
    bench_delong(args.delong_samples, args.repeat)


if __name__ == "__main__":
    main()
