"""One process trains, the others wait for it and load its file (filelock)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import evalviz
from evalviz import _cache, datasets
from evalviz.models import cached_arrays

ROOT = Path(evalviz.__file__).resolve().parent.parent


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["EVALVIZ_CACHE"] = str(cache)
    # This checkout's evalviz, whatever is installed.
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [env.get("PYTHONPATH")])]
    )
    return env


@pytest.mark.skipif(datasets.find_fashion_mnist() is None, reason="no Fashion-MNIST")
def test_two_train_processes_on_an_empty_cache_train_once(tmp_path):
    cache = tmp_path / "cache"
    command = [
        sys.executable,
        "-m",
        "evalviz.cli",
        "train",
        "pair",
        "--ignore-shipped",  # the shipped file would make both load at once
    ]
    start = time.monotonic()
    procs = [
        subprocess.Popen(
            command,
            env=_env(cache),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    seconds = time.monotonic() - start
    assert [p.returncode for p in procs] == [0, 0], outputs
    lines = sorted(out.strip() for out, _ in outputs)
    npz = sorted(cache.glob("*.npz"))
    assert len(npz) == 1, lines
    assert lines == [
        f"pair: loaded from cache ({npz[0]})",
        f"pair: trained ({npz[0]})",
    ], (lines, seconds)
    # What is left: the file and its (empty) lock file, no temporary file.
    assert sorted(p.name for p in cache.iterdir()) == [
        npz[0].name,
        npz[0].name + ".lock",
    ]
    with np.load(npz[0]) as data:
        assert data["proba_test"].shape == (2000, 2)
        assert np.all(np.isfinite(data["proba_test"]))


_HOLD = (
    "import sys, time\n"
    "from filelock import FileLock\n"
    "lock = FileLock(sys.argv[1])\n"
    "lock.acquire()\n"
    "print('held', flush=True)\n"
    "time.sleep(120)\n"
)


def _hold_lock(lock_file: Path) -> subprocess.Popen:
    """A process that takes ``lock_file`` and keeps it until it is killed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(lock_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def _finish(proc: subprocess.Popen) -> int:
    """Wait for ``proc`` and close its pipe (no ResourceWarning later)."""
    code = proc.wait(timeout=30)
    proc.stdout.close()
    return code


def _good():
    return {
        "y_test": np.array([0, 1]),
        "proba_test": np.array([[0.3, 0.7], [0.6, 0.4]]),
    }


def _lock_file(folder: Path) -> Path:
    key = _cache.cache_key("m", {}, "d")
    return folder / f"m-{key}.npz.lock"


def test_a_lock_left_by_a_killed_process_does_not_block(tmp_path, monkeypatch):
    monkeypatch.setattr(_cache, "LOCK_TIMEOUT", 30.0)
    holder = _hold_lock(_lock_file(tmp_path))
    holder.send_signal(signal.SIGKILL)
    _finish(holder)
    assert _lock_file(tmp_path).exists()  # the file stays; the OS lock is gone
    calls = []
    start = time.monotonic()
    arrays, path, hit = cached_arrays(
        "m", {}, "d", lambda: calls.append(1) or _good(), directory=tmp_path
    )
    assert time.monotonic() - start < 10
    assert not hit and calls == [1] and path.is_file()
    np.testing.assert_array_equal(arrays["proba_test"], _good()["proba_test"])


def test_waiting_too_long_is_a_clear_timeout(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(_cache, "LOCK_TIMEOUT", 0.5)
    lock_file = _lock_file(tmp_path)
    holder = _hold_lock(lock_file)
    calls = []
    try:
        with pytest.raises(TimeoutError) as info:
            cached_arrays(
                "m", {}, "d", lambda: calls.append(1) or _good(), directory=tmp_path
            )
    finally:
        holder.kill()
        _finish(holder)
    assert calls == []  # nothing computed, nothing written
    assert str(lock_file) in str(info.value)
    assert "EVALVIZ_CACHE" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock_file.name]
    err = capsys.readouterr().err
    assert f"another process is computing {lock_file.name[:-5]}" in err
    assert err.count("\n") == 1  # one line while waiting


_WRITE_THEN_RELEASE = (
    "import shutil, sys, time\n"
    "from filelock import FileLock\n"
    "lock = FileLock(sys.argv[1])\n"
    "lock.acquire()\n"
    "print('held', flush=True)\n"
    "time.sleep(1.0)\n"
    "shutil.copyfile(sys.argv[2], sys.argv[3])\n"
    "lock.release()\n"
)


def test_a_waiting_process_loads_what_the_holder_wrote(tmp_path, monkeypatch, capsys):
    """The file appears while this process waits: it loads it, computes nothing."""
    monkeypatch.setattr(_cache, "LOCK_TIMEOUT", 60.0)
    arrays, made, _ = cached_arrays("m", {}, "d", _good, directory=tmp_path / "x")
    lock_file = _lock_file(tmp_path)
    target = tmp_path / made.name
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _WRITE_THEN_RELEASE,
            str(lock_file),
            str(made),
            str(target),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    assert not target.exists()
    calls = []
    loaded, path, hit = cached_arrays(
        "m", {}, "d", lambda: calls.append(1) or _good(), directory=tmp_path
    )
    assert _finish(holder) == 0
    assert hit and calls == [] and path == target
    np.testing.assert_array_equal(loaded["proba_test"], arrays["proba_test"])
    assert "waiting for it" in capsys.readouterr().err
