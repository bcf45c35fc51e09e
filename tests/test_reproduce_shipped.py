"""Retraining reproduces the shipped course predictions bit for bit (x86-64).

``evalviz train --ignore-shipped`` trains into an empty cache, as a learner's
machine would without the shipped files. Every array it stores must equal the
shipped one exactly; only ``train_seconds`` (the wall time) may differ. The
command pins OpenBLAS to its Haswell kernels (AVX2: x86-64 processors since
2013, Intel and AMD) so that the floating-point summation order does not depend
on the processor model. Other architectures round differently: the README
says what to expect there.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import numpy as np
import pytest

from evalviz import _cache

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        platform.machine().lower() not in {"x86_64", "amd64"},
        reason="bit-for-bit reproduction is promised on x86-64 only",
    ),
]

# The two-class model trains in seconds, the baseline MLP in a few minutes; the
# raw-pixel twin and the outfits model use the same training loop.
MODELS = {"pair": "pair-logreg-", "baseline": "fashion-mlp-"}


@pytest.fixture(scope="module")
def retrained(tmp_path_factory):
    cache = tmp_path_factory.mktemp("retrain-cache")
    # As a user runs it: `evalviz train` pins the BLAS kernels itself.
    env = dict(os.environ, EVALVIZ_CACHE=str(cache))
    env.pop("EVALVIZ_IGNORE_SHIPPED", None)
    env.pop("OPENBLAS_CORETYPE", None)
    cmd = [sys.executable, "-m", "evalviz.cli", "train", "--ignore-shipped", *MODELS]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-2000:]
    return cache


@pytest.mark.parametrize("model", list(MODELS))
def test_retraining_reproduces_the_shipped_arrays(retrained, model):
    prefix = MODELS[model]
    fresh = sorted(retrained.glob(f"{prefix}*.npz"))
    assert fresh, f"evalviz train {model} wrote no {prefix}*.npz"
    for path in fresh:
        shipped = _cache.SHIPPED_DIR / path.name
        assert shipped.exists(), f"{path.name}: retraining used another cache key"
        with np.load(path) as new, np.load(shipped) as old:
            assert sorted(new.files) == sorted(old.files)
            for name in old.files:
                if name == "train_seconds":
                    continue
                assert new[name].dtype == old[name].dtype, name
                assert np.array_equal(new[name], old[name]), (
                    f"{path.name}: {name} differs in "
                    f"{int(np.sum(new[name] != old[name]))} entries"
                )
