"""Baseline training and the prediction cache."""

from __future__ import annotations

import numpy as np
import pytest

from evalviz import datasets, models
from evalviz.models import VALIDATION_SIZE, baseline_predictions, cached_arrays

needs_real_data = pytest.mark.skipif(
    datasets.find_fashion_mnist() is None, reason="Fashion-MNIST not installed"
)


def _counting_compute(counter, value):
    def compute():
        counter.append(value)
        return {"a": np.arange(3) * value}

    return compute


def test_same_parameters_load_changed_parameters_recompute(tmp_path):
    calls = []
    first, path1, hit1 = cached_arrays(
        "m", {"p": 1}, "data", _counting_compute(calls, 1), directory=tmp_path
    )
    again, path2, hit2 = cached_arrays(
        "m", {"p": 1}, "data", _counting_compute(calls, 99), directory=tmp_path
    )
    assert (hit1, hit2) == (False, True)
    assert path1 == path2
    np.testing.assert_array_equal(again["a"], first["a"])
    assert calls == [1]

    _, path3, hit3 = cached_arrays(
        "m", {"p": 2}, "data", _counting_compute(calls, 2), directory=tmp_path
    )
    _, path4, hit4 = cached_arrays(
        "m", {"p": 1}, "other data", _counting_compute(calls, 3), directory=tmp_path
    )
    assert not hit3 and not hit4
    assert len({path1, path3, path4}) == 3
    assert calls == [1, 2, 3]


def test_cache_is_npz_without_pickles_and_leaves_no_temp_files(tmp_path):
    cached_arrays("m", {}, "d", lambda: {"x": np.ones(2)}, directory=tmp_path)
    # Besides the file: only its empty lock file (two processes train once).
    names = [p.name for p in tmp_path.iterdir() if not p.name.endswith(".npz.lock")]
    assert len(names) == 1 and names[0].endswith(".npz")
    assert sorted(p.name for p in tmp_path.iterdir()) == [names[0], names[0] + ".lock"]
    with np.load(tmp_path / names[0], allow_pickle=False) as npz:
        assert npz.files == ["x"]


def test_failed_compute_writes_nothing(tmp_path):
    def broken():
        raise RuntimeError("training diverged")

    with pytest.raises(RuntimeError):
        cached_arrays("m", {}, "d", broken, directory=tmp_path)
    assert [p for p in tmp_path.iterdir() if not p.name.endswith(".npz.lock")] == []


def test_damaged_cache_file_is_recomputed(tmp_path):
    _, path, _ = cached_arrays(
        "m", {}, "d", lambda: {"x": np.ones(2)}, directory=tmp_path
    )
    path.write_bytes(b"not an npz")
    with pytest.warns(UserWarning, match="deleted, recomputing"):
        arrays, _, hit = cached_arrays(
            "m", {}, "d", lambda: {"x": np.zeros(2)}, directory=tmp_path
        )
    assert not hit
    np.testing.assert_array_equal(arrays["x"], np.zeros(2))


@needs_real_data
def test_validation_indices_are_fixed_and_stratified():
    idx = models.validation_indices()
    assert idx.shape == (VALIDATION_SIZE,)
    assert np.array_equal(idx, models.validation_indices())
    assert np.all(np.diff(idx) > 0)
    _, labels = datasets.load_fashion_mnist("train")
    assert np.bincount(labels[idx]).tolist() == [VALIDATION_SIZE // 10] * 10


@needs_real_data
def test_tiny_baseline_trains_then_loads_from_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EVALVIZ_CACHE", str(tmp_path))
    kwargs = dict(hidden_layer_sizes=(8,), epochs=1, progress=False)
    first = baseline_predictions(**kwargs)
    assert not first.from_cache
    assert first.proba_val.shape == (VALIDATION_SIZE, 10)
    assert first.proba_test.shape == (10000, 10)
    np.testing.assert_allclose(first.proba_test.sum(axis=1), 1.0, atol=1e-6)
    assert first.y_test[0] == 9
    assert len(first.loss_curve) == 1
    # Even a one-epoch, eight-unit network beats chance by far.
    assert first.test_accuracy > 0.5

    second = baseline_predictions(**kwargs)
    assert second.from_cache
    np.testing.assert_array_equal(second.proba_test, first.proba_test)

    third = baseline_predictions(**{**kwargs, "seed": 1})
    assert not third.from_cache
    assert third.path != first.path


def test_model_modules_are_imported_at_the_top_without_cycles():
    import subprocess
    import sys

    from evalviz import _multilabel_model, _pair_model

    assert not hasattr(models, "__getattr__")
    assert models.pair_predictions is _pair_model.pair_predictions
    assert models.outfits_predictions is _multilabel_model.outfits_predictions
    # The model modules build on the private cache, not on evalviz.models.
    code = (
        "import sys; import evalviz._pair_model, evalviz._multilabel_model; "
        "print(sorted(m for m in ('evalviz.models', 'evalviz.datasets', "
        "'matplotlib', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def _shipped():
    from evalviz import _cache

    sums = (_cache.SHIPPED_DIR / "SHA256SUMS").read_text().split("\n")
    return _cache, dict(reversed(line.split()) for line in sums if line.strip())


def test_shipped_predictions_match_their_checksums():
    import hashlib

    _cache, sums = _shipped()
    assert len(sums) == 4  # baseline, raw-pixel twin, outfits, two-class
    on_disk = sorted(p.name for p in _cache.SHIPPED_DIR.glob("*.npz"))
    assert on_disk == sorted(sums)
    for name, digest in sums.items():
        data = (_cache.SHIPPED_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest


def test_course_models_load_shipped_files_without_training(tmp_path, monkeypatch):
    """An empty cache folder: the course's models still load, and nothing trains."""
    from evalviz import models

    _cache, _ = _shipped()
    monkeypatch.setenv("EVALVIZ_CACHE", str(tmp_path))

    def no_training(*args, **kwargs):
        raise AssertionError("a course model was trained")

    monkeypatch.setattr(models, "_train_mlp", no_training)
    runs = [
        models.baseline_predictions(progress=False),
        models.baseline_predictions(scale=False, progress=False),
        models.outfits_predictions(progress=False),
        models.pair_predictions(),
    ]
    for run in runs:
        assert run.from_cache
        assert run.path.parent == _cache.SHIPPED_DIR
    assert list(tmp_path.iterdir()) == []  # nothing written to the cache
    assert runs[0].proba_test.shape == (10_000, 10)
    assert np.allclose(runs[0].proba_test.sum(axis=1), 1, atol=1e-5)


def test_a_damaged_shipped_file_is_not_used(tmp_path, monkeypatch):
    from evalviz import _cache

    _, sums = _shipped()
    name = sorted(sums)[0]
    copy = tmp_path / "shipped"
    copy.mkdir()
    data = bytearray((_cache.SHIPPED_DIR / name).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / name).write_bytes(bytes(data))
    (copy / "SHA256SUMS").write_text(f"{sums[name]}  {name}\n")
    monkeypatch.setattr(_cache, "SHIPPED_DIR", copy)
    with pytest.warns(UserWarning, match="do not match their SHA-256"):
        assert _cache.shipped_file(name) is None
    assert _cache.shipped_file("other-0000.npz") is None


def test_shipped_predictions_load_with_another_scikit_learn(tmp_path, monkeypatch):
    """A learner with another scikit-learn still gets the shipped predictions."""
    import importlib.metadata

    from evalviz import _cache, models

    real_version = importlib.metadata.version

    def other_sklearn(dist):
        return "0.0.other" if dist == "scikit-learn" else real_version(dist)

    monkeypatch.setattr(importlib.metadata, "version", other_sklearn)
    monkeypatch.setenv("EVALVIZ_CACHE", str(tmp_path))

    def no_training(*args, **kwargs):
        raise AssertionError("a course model was trained")

    monkeypatch.setattr(models, "_train_mlp", no_training)
    run = models.baseline_predictions(progress=False)
    assert run.from_cache and run.path.parent == _cache.SHIPPED_DIR
    pair = models.pair_predictions()
    assert pair.from_cache and pair.path.parent == _cache.SHIPPED_DIR
    assert list(tmp_path.iterdir()) == []
    # the prediction cache itself still keys on the installed version
    assert _cache.cache_key("m", {}, "fp") != _cache.cache_key(
        "m", {}, "fp", sklearn_version=_cache.shipped_sklearn_version()
    )
