"""DeLong intervals and paired tests against R's pROC (Debian ``r-cran-proc``).

One ``Rscript`` run per test session computes, for every case of a seeded set of
random binary problems (small and large, with and without ties), pROC's AUC,
``ci.auc(method="delong")`` and the paired ``roc.test(method="delong")``; each
must equal evalviz's to 1e-6. Degenerate cases (AUC = 1, one sample of a class)
are in the same run. Skips with the reason where Rscript or pROC is missing.
"""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from evalviz.uncertainty import delong_ci, delong_test

TOL = 1e-6

R_SCRIPT = r"""
suppressMessages(library(pROC))
args <- commandArgs(TRUE)
d <- read.csv(args[1])
one <- function(x) {
  ra <- roc(x$y, x$a, levels = c(0, 1), direction = "<", quiet = TRUE)
  rb <- roc(x$y, x$b, levels = c(0, 1), direction = "<", quiet = TRUE)
  ca <- suppressWarnings(as.numeric(ci.auc(ra, method = "delong")))
  cb <- suppressWarnings(as.numeric(ci.auc(rb, method = "delong")))
  t <- suppressWarnings(roc.test(ra, rb, method = "delong", paired = TRUE))
  data.frame(case = x$case[1], auc_a = as.numeric(auc(ra)), low_a = ca[1],
             high_a = ca[3], auc_b = as.numeric(auc(rb)), low_b = cb[1],
             high_b = cb[3], z = unname(t$statistic), p = t$p.value)
}
out <- do.call(rbind, lapply(split(d, d$case), one))
write.csv(out, args[2], row.names = FALSE)
"""


def _random_case(rng, n):
    """Two correlated models on one binary problem; some with ties."""
    n_pos = int(rng.integers(2, n - 1))
    y = np.r_[np.ones(n_pos, int), np.zeros(n - n_pos, int)]
    rng.shuffle(y)
    shift = rng.uniform(0, 2)
    a = rng.normal(size=n) + shift * y
    b = rng.uniform(0.2, 0.9) * a + rng.normal(size=n) + rng.uniform(0, 1.5) * y
    ties = rng.integers(4)
    if ties == 1:  # a few distinct values: heavy ties
        a, b = np.round(a), np.round(b * 2) / 2
    elif ties == 2:  # integer scores
        a, b = np.floor(a * 3).astype(int), np.floor(b * 3).astype(int)
    elif ties == 3:  # light ties
        a, b = np.round(a, 1), np.round(b, 2)
    return y, a, b


def _cases():
    rng = np.random.default_rng(20261129)
    sizes = np.r_[
        rng.integers(4, 30, 80), rng.integers(30, 500, 90), rng.integers(500, 5000, 40)
    ]
    cases = [_random_case(rng, int(n)) for n in sizes]
    # Degenerate cases: perfect separation for one model, for both, all scores tied.
    y = np.r_[np.zeros(10, int), np.ones(8, int)]
    perfect = np.r_[np.linspace(0, 1, 10), np.linspace(2, 3, 8)]
    cases.append((y, perfect, rng.normal(size=18)))
    cases.append((y, perfect, perfect * 2))
    cases.append((y, np.zeros(18), perfect))
    return cases


# One positive (pROC: NA interval and NaN test); checked separately.
ONE_POSITIVE = (np.r_[np.zeros(9, int), 1], np.arange(10.0), np.arange(10.0)[::-1])


@pytest.fixture(scope="session")
def proc_results(tmp_path_factory):
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("Rscript is not installed (Debian: apt-get install r-base-core)")
    check = subprocess.run(
        [rscript, "-e", "library(pROC)"], capture_output=True, text=True
    )
    if check.returncode != 0:
        pytest.skip("R's pROC is not installed (Debian: apt-get install r-cran-proc)")
    cases = _cases() + [ONE_POSITIVE]
    folder = tmp_path_factory.mktemp("proc")
    rows = ["case,y,a,b"]
    for k, (y, a, b) in enumerate(cases):
        rows += [
            f"{k},{yi},{ai!r},{bi!r}"
            for yi, ai, bi in zip(y, a.tolist(), b.tolist(), strict=True)
        ]
    (folder / "cases.csv").write_text("\n".join(rows) + "\n")
    (folder / "proc.R").write_text(R_SCRIPT)
    run = subprocess.run(
        [
            rscript,
            str(folder / "proc.R"),
            str(folder / "cases.csv"),
            str(folder / "out.csv"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    table = np.genfromtxt(folder / "out.csv", delimiter=",", names=True)
    table = table[np.argsort(table["case"])]
    assert table.shape[0] == len(cases)
    return cases, table


def _ours(y, a, b):
    ca, cb = delong_ci(y, a), delong_ci(y, b)
    t = delong_test(y, a, b)
    return [ca.auc, ca.low, ca.high, cb.auc, cb.low, cb.high, t.z, t.p_value]


COLUMNS = ["auc_a", "low_a", "high_a", "auc_b", "low_b", "high_b", "z", "p"]


def test_delong_equals_proc_on_random_cases(proc_results):
    cases, table = proc_results
    ours = np.array([_ours(*c) for c in cases[:-1]])
    theirs = np.array([[row[c] for c in COLUMNS] for row in table[:-1]])
    assert len(cases) - 1 >= 200
    finite = np.isfinite(theirs)
    assert finite[:, :6].all()
    # The z of the tied-vs-perfect case is infinite on both sides.
    assert np.array_equal(ours[~finite], theirs[~finite])
    diff = np.where(finite, np.abs(ours - np.where(finite, theirs, 0.0)), 0.0)
    worst = {c: float(diff[:, j].max()) for j, c in enumerate(COLUMNS)}
    assert max(worst.values()) < TOL, worst
    print("max abs difference from pROC:", worst)


def test_degenerate_cases_behave_as_proc(proc_results):
    cases, table = proc_results
    # AUC = 1: variance 0, interval [1, 1] (pROC warns); both AUC 1: z 0, p 1.
    perfect_vs_random, both_perfect, tied_vs_perfect = table[-4], table[-3], table[-2]
    assert (perfect_vs_random["auc_a"], perfect_vs_random["low_a"]) == (1.0, 1.0)
    assert tuple(delong_ci(*cases[-4][:2])) == (1.0, 1.0, 1.0)
    assert (both_perfect["z"], both_perfect["p"]) == (0.0, 1.0)
    t = delong_test(*cases[-3])
    assert (t.z, t.p_value) == (0.0, 1.0)
    # All scores tied vs perfect: zero variance, different AUCs -> z = -inf, p = 0.
    t = delong_test(*cases[-2])
    assert (t.auc_a, t.auc_b) == (0.5, 1.0)
    assert t.z == tied_vs_perfect["z"] == -np.inf
    assert t.p_value == tied_vs_perfect["p"] == 0.0


def test_one_positive_is_na_in_proc_and_an_error_here(proc_results):
    _, table = proc_results
    row = table[-1]
    assert np.isnan(row["low_a"]) and np.isnan(row["high_a"]) and np.isnan(row["p"])
    with pytest.raises(ValueError, match="1 positive and 9 negative.*at least 2"):
        delong_ci(*ONE_POSITIVE[:2])
    with pytest.raises(ValueError, match="pROC returns NA"):
        delong_test(*ONE_POSITIVE)
