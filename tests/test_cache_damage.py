"""Caches that heal: each kind of damage ends with correct data or a clear error."""

from __future__ import annotations

import os
import stat
import warnings
import zipfile
import zlib

import numpy as np
import pytest

from evalviz import _cache, _mlp
from evalviz.models import cached_arrays, train_mlp_epochs

GOOD = {
    "y_test": np.array([0, 1, 2, 1]),
    "proba_test": np.full((4, 3), 1 / 3),
}
EXPECTED = {"y_test": ("n", ...), "proba_test": ("n", 3)}
DTYPES = {"y_test": "biu", "proba_test": "f"}


def _compute(calls):
    def compute():
        calls.append(1)
        return {k: v.copy() for k, v in GOOD.items()}

    return compute


def _cached(folder, calls):
    return cached_arrays(
        "m",
        {},
        "d",
        _compute(calls),
        directory=folder,
        expected=EXPECTED,
        dtypes=DTYPES,
    )


def _files(folder):
    """The files in ``folder`` apart from the (empty) lock files of the cache."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".npz.lock"))


def _write_npz(path, arrays):
    with open(path, "wb") as fh:
        np.savez_compressed(fh, **arrays)


def _flip_bytes(path):
    data = bytearray(path.read_bytes())
    # Inside the first member's compressed data (after its local header).
    for i in range(60, 70):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def _flip_stored_bytes(path):
    """An uncompressed archive with a flipped data byte: ``Bad CRC-32``."""
    with open(path, "wb") as fh:
        np.savez(fh, **GOOD)
    data = bytearray(path.read_bytes())
    data[data.index(b"\x93NUMPY") + 140] ^= 0xFF  # inside y_test's values
    path.write_bytes(bytes(data))


DAMAGE = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "empty": lambda p: p.write_bytes(b""),
    "flipped": _flip_bytes,
    "bad crc": _flip_stored_bytes,
    "missing array": lambda p: _write_npz(p, {"y_test": GOOD["y_test"]}),
    "wrong shape": lambda p: _write_npz(
        p, {"y_test": GOOD["y_test"], "proba_test": np.full((4, 2), 0.5)}
    ),
    "rows disagree": lambda p: _write_npz(
        p, {"y_test": GOOD["y_test"][:3], "proba_test": GOOD["proba_test"]}
    ),
    "wrong dtype": lambda p: _write_npz(
        p, {"y_test": GOOD["y_test"], "proba_test": GOOD["proba_test"].astype("U8")}
    ),
    "nan": lambda p: _write_npz(
        p, {"y_test": GOOD["y_test"], "proba_test": np.full((4, 3), np.nan)}
    ),
    "inf": lambda p: _write_npz(
        p, {"y_test": GOOD["y_test"], "proba_test": np.full((4, 3), np.inf)}
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_is_deleted_recomputed_and_rewritten(tmp_path, damage):
    calls = []
    _, path, hit = _cached(tmp_path, calls)
    assert not hit
    DAMAGE[damage](path)
    with pytest.warns(UserWarning, match="deleted, recomputing") as record:
        arrays, path2, hit = _cached(tmp_path, calls)
    assert len(record) == 1 and "\n" not in str(record[0].message)
    assert str(path) in str(record[0].message)
    assert not hit and path2 == path and calls == [1, 1]
    for name, value in GOOD.items():
        np.testing.assert_array_equal(arrays[name], value)
    # The rewritten file is whole, and the next call loads it silently.
    assert _files(tmp_path) == [path.name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again, _, hit = _cached(tmp_path, calls)
    assert hit and calls == [1, 1]
    np.testing.assert_array_equal(again["proba_test"], GOOD["proba_test"])


def test_the_damage_is_the_kind_the_issue_names(tmp_path):
    """The fixtures above really produce BadZipFile, EOFError and a CRC error."""
    _, path, _ = _cached(tmp_path, [])
    good = path.read_bytes()
    DAMAGE["truncated"](path)
    with pytest.raises(zipfile.BadZipFile):
        np.load(path)
    DAMAGE["empty"](path)
    with pytest.raises(EOFError):
        np.load(path)
    path.write_bytes(good)
    DAMAGE["flipped"](path)
    with pytest.raises(zlib.error):
        with np.load(path) as npz:
            [npz[k] for k in npz.files]
    DAMAGE["bad crc"](path)
    with pytest.raises(zipfile.BadZipFile, match="CRC-32"):
        with np.load(path) as npz:
            [npz[k] for k in npz.files]


def test_compute_returning_bad_arrays_writes_nothing(tmp_path):
    def bad():
        return {"y_test": GOOD["y_test"], "proba_test": np.full((4, 3), np.nan)}

    with pytest.raises(ValueError, match="non-finite"):
        cached_arrays(
            "m", {}, "d", bad, directory=tmp_path, expected=EXPECTED, dtypes=DTYPES
        )
    assert _files(tmp_path) == []


def test_written_file_follows_the_umask_and_is_fsynced(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(
        _cache.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1]
    )
    old = os.umask(0o022)
    try:
        _, path, _ = _cached(tmp_path, [])
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert synced  # the temporary file (then the folder) before the rename
    old = os.umask(0o077)
    try:
        _, path, _ = cached_arrays("other", {}, "d", _compute([]), directory=tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_unwritable_folder_fails_before_compute(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    calls = []
    try:
        with pytest.raises(PermissionError, match="EVALVIZ_CACHE") as info:
            _cached(folder, calls)
    finally:
        folder.chmod(0o755)
    assert str(folder) in str(info.value)
    assert calls == []  # nothing trained


def test_unwritable_folder_fails_before_compute_any_user(tmp_path):
    """A path under a regular file can never be a folder, even for root."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    calls = []
    with pytest.raises(PermissionError, match="EVALVIZ_CACHE") as info:
        _cached(blocker / "cache", calls)
    assert str(blocker / "cache") in str(info.value)
    assert calls == []


def test_keyboard_interrupt_in_compute_caches_nothing(tmp_path):
    def interrupted():
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        cached_arrays("m", {}, "d", interrupted, directory=tmp_path)
    assert _files(tmp_path) == []


_PARAMS = {
    "hidden_layer_sizes": [4],
    "alpha": 1e-4,
    "batch_size": 10,
    "learning_rate": 1e-2,
    "seed": 0,
    "epochs": 3,
}


def _tiny():
    rng = np.random.default_rng(0)
    return rng.random((40, 3)), np.arange(40) % 2


def test_interrupt_caught_by_scikit_learn_reraises_and_caches_nothing(
    tmp_path, monkeypatch
):
    """scikit-learn swallows Ctrl-C inside an epoch; the loop must not go on."""
    from sklearn.neural_network._multilayer_perceptron import (
        BaseMultilayerPerceptron,
    )

    x, y = _tiny()
    real_backprop = BaseMultilayerPerceptron._backprop
    batches = []

    def backprop(self, *args, **kwargs):
        batches.append(1)
        if len(batches) == 6:  # the second batch of the second epoch
            raise KeyboardInterrupt
        return real_backprop(self, *args, **kwargs)

    monkeypatch.setattr(BaseMultilayerPerceptron, "_backprop", backprop)
    epochs = []

    def compute():
        model, losses, _, seconds = train_mlp_epochs(
            x,
            y,
            classes=[0, 1],
            params=_PARAMS,
            progress=False,
            after_epoch=lambda m: epochs.append(m.n_iter_) or {},
        )
        return {"proba": model.predict_proba(x), "train_seconds": seconds}

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Training interrupted"
        with pytest.raises(KeyboardInterrupt):
            cached_arrays("mlp", _PARAMS, "d", compute, directory=tmp_path)
    assert len(epochs) == 1  # stopped in the second epoch, never went on
    assert _files(tmp_path) == []

    # Without the interrupt the same call trains fully and caches the model.
    monkeypatch.setattr(BaseMultilayerPerceptron, "_backprop", real_backprop)
    arrays, path, hit = cached_arrays("mlp", _PARAMS, "d", compute, directory=tmp_path)
    assert not hit and path.is_file()
    model, *_ = train_mlp_epochs(x, y, classes=[0, 1], params=_PARAMS, progress=False)
    np.testing.assert_array_equal(arrays["proba"], model.predict_proba(x))


def test_uninterrupted_epochs_are_not_mistaken_for_an_interrupt():
    x, y = _tiny()
    model, losses, _, _ = train_mlp_epochs(
        x, y, classes=[0, 1], params=_PARAMS, progress=False
    )
    assert len(losses) == 3 and model.t_ == 3 * len(x)
    assert _mlp.train_mlp_epochs is train_mlp_epochs


def test_load_or_train_validates_the_dataclass_fields(tmp_path, monkeypatch):
    """A file without one of the class's array fields is retrained."""
    monkeypatch.setenv("EVALVIZ_CACHE", str(tmp_path))
    monkeypatch.setattr(_cache, "fashion_fingerprint", lambda: "fp")
    runs = []

    def train():
        runs.append(1)
        return {
            "y_val": np.array([0, 1]),
            "proba_val": np.eye(2),
            "y_test": np.array([1]),
            "proba_test": np.array([[0.2, 0.8]]),
            "train_seconds": 0.5,
        }

    first = _cache.CachedPredictions.load_or_train("tiny", {}, train)
    assert not first.from_cache
    with open(first.path, "wb") as fh:  # an older file, without proba_val
        np.savez_compressed(
            fh, **{k: v for k, v in train().items() if k != "proba_val"}
        )
    with pytest.warns(UserWarning, match="'proba_val' is missing"):
        second = _cache.CachedPredictions.load_or_train("tiny", {}, train)
    assert not second.from_cache
    np.testing.assert_array_equal(second.proba_val, np.eye(2))
    third = _cache.CachedPredictions.load_or_train("tiny", {}, train)
    assert third.from_cache and third.train_seconds == 0.5
    assert len(runs) == 3  # trained, (the old file), retrained; then loaded
