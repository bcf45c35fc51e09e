"""compare_models cuts multi-label scores as the rest of evalviz does."""

from __future__ import annotations

import numpy as np

import evalviz as ev


def test_multilabel_cut_agrees_with_bootstrap_ci_at_a_tie():
    # A score exactly at the cut: multi-label is "> threshold" everywhere
    # (bootstrap_ci, multilabel_summary, Keras' BinaryAccuracy).
    from evalviz.uncertainty import bootstrap_ci

    y = np.array([[1, 0], [0, 1], [1, 1], [0, 0]])
    a = np.array([[0.9, 0.5], [0.1, 0.8], [0.7, 0.6], [0.2, 0.3]])
    b = np.array([[0.9, 0.1], [0.1, 0.8], [0.7, 0.6], [0.2, 0.5]])
    table = ev.compare_models(y, {"a": a, "b": b}, metrics=["accuracy"]).to_frame()
    exact_a = float(np.mean(np.all((a > 0.5) == y, axis=1)))
    assert (
        table.loc[table["model"] == "a", "value"].item() == exact_a == 1.0
    )  # ">=" would give 0.75
    boot = bootstrap_ci("accuracy", y, a, n_resamples=100)
    assert boot.estimate == exact_a
