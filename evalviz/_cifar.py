"""CIFAR-10 from the official binary archive (never a pickle).

The archive ``cifar-10-binary.tar.gz`` published by the dataset's authors holds
six files of fixed-length records: one byte for the label, then 3072 bytes of
pixels (1024 red, 1024 green, 1024 blue, each a 32 x 32 image stored row by
row). Reading it needs no unpickling, so a tampered download cannot run code.

``evalviz.datasets`` re-exports :func:`load_cifar10` and :data:`CIFAR10_CLASSES`.
"""

from __future__ import annotations

import hashlib
import os
import tarfile
from pathlib import Path

import numpy as np

from ._data_files import (
    REPO_DATA_DIR,
    ChecksumError,
    DataNotFoundError,
    fetch,
    network_reason,
    user_cache_dir,
)
from ._validation import check_choice

__all__ = ["CIFAR10_CLASSES", "load_cifar10"]

CIFAR10_CLASSES = (
    "airplane",
    "automobile",
    "bird",
    "cat",
    "deer",
    "dog",
    "frog",
    "horse",
    "ship",
    "truck",
)

# Official location and MD5, as published on https://www.cs.toronto.edu/~kriz/cifar.html
_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
_ARCHIVE = "cifar-10-binary.tar.gz"
_MD5 = "c32a1d4ab5d03f1284b67883e8d87530"

_RECORD = 1 + 32 * 32 * 3  # label byte + 3072 pixel bytes
_PER_BATCH = 10_000
_FOLDER = "cifar-10-batches-bin"
_SPLITS = {
    "train": tuple(f"data_batch_{i}.bin" for i in range(1, 6)),
    "test": ("test_batch.bin",),
}
# Every member we read, with its exact size in bytes (checked before parsing).
_MEMBER_SIZES = {
    f"{_FOLDER}/{name}": _RECORD * _PER_BATCH
    for names in _SPLITS.values()
    for name in names
}

_ENV = "EVALVIZ_DATA"
# Archives already verified in this process: path -> (size, mtime_ns).
_VERIFIED: dict[str, tuple[int, int]] = {}


def _repo_data_dir() -> Path | None:
    return None if REPO_DATA_DIR is None else Path(REPO_DATA_DIR)


def _user_cache_dir() -> Path:
    return user_cache_dir()


def _search_dirs(data_home) -> list[Path]:
    """Where the archive is looked for, in order."""
    dirs = []
    if data_home is not None:
        dirs.append(Path(data_home).expanduser())
    if os.environ.get(_ENV):
        dirs.append(Path(os.environ[_ENV]).expanduser())
    repo = _repo_data_dir()
    if repo is not None:  # only in a source checkout
        dirs.append(repo)
    dirs.append(_user_cache_dir())
    return dirs


def _download_dir(data_home) -> Path:
    """Where a download is stored: data_home, else $EVALVIZ_DATA, else the cache."""
    if data_home is not None:
        return Path(data_home).expanduser()
    if os.environ.get(_ENV):
        return Path(os.environ[_ENV]).expanduser()
    return _user_cache_dir()


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _verify(path: Path) -> None:
    """Raise ValueError unless ``path`` has the published MD5."""
    stat = path.stat()
    key = str(path.resolve())
    if _VERIFIED.get(key) == (stat.st_size, stat.st_mtime_ns):
        return
    found = _md5(path)
    if found != _MD5:
        raise ChecksumError(
            f"{path} has MD5 {found} but the official CIFAR-10 binary archive has "
            f"{_MD5}; the file is incomplete or not the official one: delete it "
            f"and download it again from {_URL}"
        )
    _VERIFIED[key] = (stat.st_size, stat.st_mtime_ns)


def _download(url: str, target: Path, *, progress: bool = True) -> None:
    """Download ``url`` to ``target`` with pooch, which checks the published MD5."""
    fetch(url, target, known_hash=f"md5:{_MD5}", progress=progress)
    stat = target.stat()
    _VERIFIED[str(target.resolve())] = (stat.st_size, stat.st_mtime_ns)


def _find_or_download(data_home, download: bool) -> Path:
    dirs = _search_dirs(data_home)
    for folder in dirs:
        candidate = folder / _ARCHIVE
        if candidate.is_file():
            _verify(candidate)
            return candidate
    where = "\n".join(f"  - {d / _ARCHIVE}" for d in dirs)
    help_text = (
        f"CIFAR-10 ({_ARCHIVE}) was not found in:\n{where}\n"
        "Three ways to get it:\n"
        f"  1. download {_URL} (162 MB) on a connected machine and copy it into "
        f"one of the folders above (for example {_user_cache_dir()});\n"
        f"  2. put it in any folder and set the environment variable {_ENV} to "
        "that folder;\n"
        "  3. pass data_home='<folder that holds the archive>'."
    )
    if not download:
        raise DataNotFoundError(
            help_text + "\n(download=False, so nothing was fetched.)"
        )
    target = _download_dir(data_home) / _ARCHIVE
    try:
        _download(_URL, target)
    except ChecksumError:
        raise
    except OSError as exc:  # requests' errors are OSErrors too
        raise DataNotFoundError(
            f"{help_text}\nDownloading {_URL} into {target.parent} failed "
            f"({network_reason(exc)})."
        ) from exc
    return target


def _read_member(archive: tarfile.TarFile, name: str) -> bytes:
    try:
        info = archive.getmember(name)
    except KeyError:
        raise ValueError(
            f"the CIFAR-10 archive has no member {name!r}; it is not the official "
            "binary version"
        ) from None
    expected = _MEMBER_SIZES[name]
    if not info.isfile() or info.size != expected:
        raise ValueError(
            f"CIFAR-10 member {name!r} has {info.size} bytes, expected {expected} "
            f"({expected // _RECORD} records of {_RECORD} bytes)"
        )
    data = archive.extractfile(info).read()
    if len(data) != expected:
        raise ValueError(f"CIFAR-10 member {name!r} is truncated")
    return data


def _parse_records(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    records = np.frombuffer(data, dtype=np.uint8).reshape(-1, _RECORD)
    labels = records[:, 0].astype(np.int64)
    if labels.size and labels.max() >= len(CIFAR10_CLASSES):
        raise ValueError(
            f"CIFAR-10 label byte {int(labels.max())} is out of range 0..9; the "
            "archive is not the official binary version"
        )
    images = records[:, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    return np.ascontiguousarray(images), labels


def load_cifar10(split="train", *, data_home=None, download=True):
    """Load CIFAR-10 images and labels from the official binary archive.

    Parameters
    ----------
    split : {"train", "test"}, default "train"
        "train" is the five training batches (50,000 images), "test" the
        official test batch (10,000 images).
    data_home : str or Path, optional
        Folder holding ``cifar-10-binary.tar.gz``; looked at first, and where a
        download is stored.
    download : bool, default True
        Download the archive when it is not found anywhere.

    Returns
    -------
    images : ndarray of uint8, shape (n, 32, 32, 3)
        Height, width, then the red, green and blue channels.
    labels : ndarray of int64, shape (n,)
        Class indices; ``CIFAR10_CLASSES[label]`` is the name.

    Raises
    ------
    FileNotFoundError
        The archive is nowhere to be found and could not be downloaded; the
        message lists the three ways to get it.
    ValueError
        The archive's MD5 or a member's size does not match the official one.

    Notes
    -----
    The archive is looked for, in order, in ``data_home``, ``$EVALVIZ_DATA``,
    the repository's ``data/`` folder (in a source checkout) and the user
    cache (:func:`evalviz.datasets.user_cache_dir`); then it is
    downloaded with ``pooch`` (with a progress bar) to ``data_home``, else
    ``$EVALVIZ_DATA``, else the user cache. A download goes to a temporary
    file that is renamed only after pooch has checked the published MD5, so
    an interrupted or corrupted download leaves nothing behind. The archive is read in place (no extraction) and
    never unpickled: this is the binary version, not the Python one.

    Examples
    --------
    >>> from evalviz.datasets import load_cifar10
    >>> images, labels = load_cifar10("test")  # doctest: +SKIP
    >>> images.shape  # doctest: +SKIP
    (10000, 32, 32, 3)
    """
    check_choice(split, "split", tuple(_SPLITS))
    path = _find_or_download(data_home, download)
    images, labels = [], []
    with tarfile.open(path, "r:gz") as archive:
        for name in _SPLITS[split]:
            x, y = _parse_records(_read_member(archive, f"{_FOLDER}/{name}"))
            images.append(x)
            labels.append(y)
    return np.concatenate(images), np.concatenate(labels)
