"""Coverage simulation: do 95% AUC intervals cover the true AUC 95% of the time?

Simulated data (seeded): 1,000 test sets of 100 positives and 400 negatives
from a binormal model, negatives N(0, 1) and positives N(d, 1), whose true AUC
is Phi(d / sqrt(2)) = 0.76. DeLong's interval and the stratified percentile
bootstrap interval must each cover 0.76 in 93-97% of the sets. The bootstrap
uses 1,000 resamples per set (not the default 2,000) to keep the test under a
minute; the percentile interval's level does not depend on the resample count,
only its Monte Carlo noise does.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special

from evalviz.uncertainty import bootstrap_ci, delong_ci

TRUE_AUC = 0.76
SHIFT = np.sqrt(2) * special.ndtri(TRUE_AUC)  # binormal: AUC = Phi(d / sqrt 2)
N_POS, N_NEG, N_REPS, N_BOOT = 100, 400, 1000, 1000


@pytest.fixture(scope="module")
def simulated_sets():
    rng = np.random.default_rng(20261129)
    y = np.r_[np.ones(N_POS, int), np.zeros(N_NEG, int)]
    scores = rng.normal(size=(N_REPS, N_POS + N_NEG)) + SHIFT * y
    return y, scores


def test_the_simulation_has_the_stated_true_auc():
    assert special.ndtr(SHIFT / np.sqrt(2)) == pytest.approx(TRUE_AUC, abs=1e-12)
    # A large sample from the same model gives the same AUC (to Monte Carlo error).
    rng = np.random.default_rng(1)
    pos, neg = rng.normal(SHIFT, 1, 4000), rng.normal(0, 1, 4000)
    assert np.mean(pos[:, None] > neg[None, :]) == pytest.approx(TRUE_AUC, abs=0.01)


def test_delong_interval_covers_the_true_auc_93_to_97_percent(simulated_sets):
    y, scores = simulated_sets
    bounds = np.array([delong_ci(y, s)[1:] for s in scores])
    covered = (bounds[:, 0] <= TRUE_AUC) & (TRUE_AUC <= bounds[:, 1])
    coverage = covered.mean()
    print(f"DeLong 95% interval coverage: {coverage:.3f} of {N_REPS}")
    assert 0.93 <= coverage <= 0.97


def test_bootstrap_interval_covers_the_true_auc_93_to_97_percent(simulated_sets):
    y, scores = simulated_sets
    bounds = np.array(
        [
            bootstrap_ci("roc_auc", y, s, n_resamples=N_BOOT, seed=rep)[1:]
            for rep, s in enumerate(scores)
        ]
    )
    covered = (bounds[:, 0] <= TRUE_AUC) & (TRUE_AUC <= bounds[:, 1])
    coverage = covered.mean()
    print(f"bootstrap 95% percentile interval coverage: {coverage:.3f} of {N_REPS}")
    assert 0.93 <= coverage <= 0.97
