"""Holm's adjustment against R's ``p.adjust(method = "holm")`` and by definition."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from evalviz.uncertainty import format_p_value, holm_adjust


def _cases():
    rng = np.random.default_rng(20261129)
    cases = []
    for m in (1, 2, 3, 5, 10, 37):
        for _ in range(5):
            p = rng.uniform(0, 1, m) ** rng.uniform(0.5, 6)
            if m > 2:
                p[1] = p[0]  # a tie
            cases.append(p)
    cases.append(np.array([0.0, 1.0, 1.0, 0.5]))
    return cases


def test_equals_r_p_adjust():
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("Rscript is not installed (Debian: apt-get install r-base-core)")
    cases = _cases()
    lines = [",".join(repr(float(x)) for x in p) for p in cases]
    script = (
        "con <- file('stdin'); lines <- readLines(con); close(con)\n"
        "for (l in lines) { p <- as.numeric(strsplit(l, ',')[[1]]);"
        " cat(sprintf('%.17g', p.adjust(p, method = 'holm')), sep = ','); cat('\\n') }\n"
    )
    out = subprocess.run(
        [rscript, "-e", script],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    assert len(out) == len(cases)
    for p, r in zip(cases, out, strict=True):
        expected = np.array([float(x) for x in r.split(",")])
        np.testing.assert_allclose(holm_adjust(p), expected, rtol=0, atol=1e-15)


def test_definition_by_brute_force():
    # adjusted p_(i) = max over j <= i of min(1, (m - j + 1) p_(j)), in sorted order
    for p in _cases():
        m = p.size
        s = np.sort(p)
        brute = [max(min(1.0, (m - j) * s[j]) for j in range(i + 1)) for i in range(m)]
        np.testing.assert_allclose(np.sort(holm_adjust(p)), brute, atol=1e-15)


def test_nan_is_left_out_of_the_count():
    out = holm_adjust([0.01, np.nan, 0.02])
    np.testing.assert_allclose(out[[0, 2]], [0.02, 0.02])
    assert np.isnan(out[1])


@pytest.mark.parametrize("bad", [[1.5, 0.1], [-0.1], [[0.1, 0.2]]])
def test_bad_p_values_are_refused(bad):
    with pytest.raises(ValueError, match="p_values"):
        holm_adjust(bad)


def test_format_p_value_never_prints_a_false_zero():
    assert format_p_value(5.1e-30) == "< 0.0001"
    assert format_p_value(0.61924) == "0.6192"
    assert format_p_value(1.0) == "1.0000"
    assert format_p_value(np.nan) == ""
