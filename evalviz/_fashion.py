"""Fashion-MNIST: the four official IDX files, found or downloaded, and verified.

Where the data comes from, in this order (the first place that has all files wins):

1. the ``data_home`` argument;
2. the ``EVALVIZ_DATA`` environment variable;
3. the repository's ``data/`` folder (only when evalviz runs from a source checkout);
4. the user cache, ``~/.cache/evalviz`` on Linux (named by ``platformdirs``; where
   ``evalviz download`` puts files);
5. Debian's ``dataset-fashion-mnist`` package, ``/usr/share/datasets/fashion-mnist``;
6. a download from the dataset's official location into the user cache.

Every file is checked against its SHA-256 checksum before use; decompression
stops one byte past the published size. Downloads are fetched by ``pooch``,
which checks the MD5 the dataset's authors publish for each ``.gz`` file; the
complete file is then decompressed and checked against our SHA-256 of the IDX
bytes (the check that also covers Debian's byte-different ``.gz`` files), and
only then given the user's umask, fsynced and renamed into place. Also here:
the course's fixed validation rows of the training split
(:func:`validation_indices`), shared by every model and by the outfits.

Re-exported by :mod:`evalviz.datasets`; the tests patch the module-level
settings (``REPO_DATA_DIR``, ``DEBIAN_FASHION_MNIST_DIR``, ``FASHION_MNIST_URL``)
here.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from dataclasses import dataclass
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

__all__ = [
    "DEBIAN_FASHION_MNIST_DIR",
    "FASHION_MNIST_CLASSES",
    "FASHION_MNIST_URL",
    "VALIDATION_SIZE",
    "download_fashion_mnist",
    "fashion_fingerprint",
    "find_fashion_mnist",
    "load_fashion_mnist",
    "read_idx",
    "validation_indices",
]

FASHION_MNIST_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)

FASHION_MNIST_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
DEBIAN_FASHION_MNIST_DIR = Path("/usr/share/datasets/fashion-mnist")


@dataclass(frozen=True)
class _IdxFile:
    name: str  # file name as published (gzip-compressed)
    sha256: str  # SHA-256 of the decompressed IDX bytes
    n_bytes: int  # size of the decompressed IDX bytes
    shape: tuple[int, ...]
    md5: str | None = None  # MD5 of the official .gz file, as published


# Our SHA-256 checksums cover the decompressed IDX bytes rather than the .gz files,
# so the same check accepts the official download and Debian's package, whose gzip
# headers differ while the data inside is byte-for-byte the same. The MD5s are
# those of the official .gz files as the dataset's README publishes them
# (github.com/zalandoresearch/fashion-mnist); pooch checks them on download.
_FASHION_FILES = {
    ("train", "images"): _IdxFile(
        "train-images-idx3-ubyte.gz",
        "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        47040016,
        (60000, 28, 28),
        "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
    ),
    ("train", "labels"): _IdxFile(
        "train-labels-idx1-ubyte.gz",
        "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        60008,
        (60000,),
        "25c81989df183df01b3e8a0aad5dffbe",
    ),
    ("test", "images"): _IdxFile(
        "t10k-images-idx3-ubyte.gz",
        "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        7840016,
        (10000, 28, 28),
        "bef4ecab320f06d8554ea6380940ec79",
    ),
    ("test", "labels"): _IdxFile(
        "t10k-labels-idx1-ubyte.gz",
        "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
        10008,
        (10000,),
        "bb300cfdad3c16e7a12a480ee83cd310",
    ),
}

SPLITS = ("train", "test")

_HOW_TO_GET_DATA = (
    "Three ways to get it:\n"
    "  1. Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist\n"
    "  2. run `evalviz download` once while online (files go to {cache})\n"
    "  3. copy the four official *-ubyte.gz files into a folder and set "
    "EVALVIZ_DATA to it (or pass data_home=...)"
)


_DATA_HOME = "data_home argument"
_ENV = "EVALVIZ_DATA"
_REPO = "repository data/ folder"
_CACHE = "user cache"
_DEBIAN = "Debian package dataset-fashion-mnist"


def _data_home_path(data_home) -> Path | None:
    """``data_home`` as an expanded Path, or None; a TypeError for anything else."""
    if data_home is None:
        return None
    if not isinstance(data_home, (str, os.PathLike)):
        raise TypeError(
            "data_home must be a folder given as a str or pathlib.Path, got "
            f"{type(data_home).__name__} {data_home!r}"
        )
    return Path(os.fspath(data_home)).expanduser()


def _missing_files(folder: Path) -> list[str]:
    return [f.name for f in _FASHION_FILES.values() if not (folder / f.name).is_file()]


def _checked_data_home(folder: Path) -> Path:
    """The folder (or its fashion-mnist/ subfolder) holding all four files."""
    if not folder.is_dir():
        raise DataNotFoundError(
            f"data_home={str(folder)!r} is not an existing folder. Pass the folder "
            "that holds the four Fashion-MNIST *-ubyte.gz files, or drop the "
            "data_home argument to use the usual search."
        )
    for variant in _fashion_dir_variants(folder):
        if not _missing_files(variant):
            return variant
    missing = _missing_files(folder)
    raise DataNotFoundError(
        f"data_home={str(folder)!r} does not hold all four Fashion-MNIST files; "
        f"missing: {', '.join(missing)}. Copy them into {folder}, or drop the "
        "data_home argument to use the usual search."
    )


def _candidate_dirs(data_home: Path | None) -> list[tuple[str, Path]]:
    places: list[tuple[str, Path]] = []
    if data_home is not None:
        places.append((_DATA_HOME, data_home))
    env = os.environ.get("EVALVIZ_DATA")
    if env:
        places.append((_ENV, Path(env).expanduser()))
    if REPO_DATA_DIR is not None:  # only in a source checkout
        places.append((_REPO, Path(REPO_DATA_DIR)))
    places.append((_CACHE, user_cache_dir()))
    places.append((_DEBIAN, DEBIAN_FASHION_MNIST_DIR))
    return places


def _fashion_dir_variants(root: Path) -> list[Path]:
    # Accept the files directly in the folder or in a fashion-mnist/ subfolder.
    return [root, root / "fashion-mnist"]


def _fix_for(source: str | None, path: Path) -> str:
    """The advice that repairs a damaged file found in ``source``."""
    if source == _DATA_HOME:
        return (
            f"Replace {path.name} there with an intact copy, or drop the "
            "data_home argument to use another copy."
        )
    if source == _ENV:
        return (
            f"Replace {path.name} there with an intact copy, or unset "
            "EVALVIZ_DATA to use another copy."
        )
    if source == _REPO:
        return (
            f"Replace {path.name} there with an intact copy, or delete the four "
            "*-ubyte.gz files there to use another copy."
        )
    if source == _CACHE:
        return "Run `evalviz download`: it replaces the damaged file."
    if source == _DEBIAN:
        return (
            "Reinstall the package: "
            "sudo apt-get install --reinstall dataset-fashion-mnist"
        )
    return f"Replace {path.name} there with an intact copy."


def find_fashion_mnist(
    data_home=None, *, verify: bool = False
) -> tuple[str, Path] | None:
    """Where the four Fashion-MNIST files are, searched in the documented order.

    Parameters
    ----------
    data_home : str or pathlib.Path, optional
        A folder looked at first; ``~`` is expanded. When given, it must
        exist and hold all four files.
    verify : bool, default=False
        Also check the four files found against their SHA-256 checksums
        (about a second); by default only their presence is checked.

    Returns
    -------
    tuple of (str, pathlib.Path) or None
        ``(source, folder)``, for example ``("user cache", Path(...))``, or
        None when no place holds all four files.

    Raises
    ------
    TypeError
        When ``data_home`` is neither a str nor a path.
    DataNotFoundError
        When ``data_home`` does not exist or lacks one of the four files.
    ChecksumError
        With ``verify=True``, when a file of the place found is damaged; the
        message names the file, its folder and the fix for that folder.

    Examples
    --------
    >>> from evalviz.datasets import find_fashion_mnist
    >>> find_fashion_mnist()  # doctest: +SKIP
    ('Debian package dataset-fashion-mnist', PosixPath('/usr/share/datasets/fashion-mnist'))
    """
    home = _data_home_path(data_home)
    found = None
    if home is not None:
        found = _DATA_HOME, _checked_data_home(home)
    else:
        for source, root in _candidate_dirs(None):
            folder = next(
                (f for f in _fashion_dir_variants(root) if not _missing_files(f)), None
            )
            if folder is not None:
                found = source, folder
                break
    if found is not None and verify:
        source, folder = found
        for spec in _FASHION_FILES.values():
            path = folder / spec.name
            _read_checked(path, spec, _fix_for(source, path))
    return found


def read_idx(path, *, expected: _IdxFile | None = None) -> np.ndarray:
    """Parse an IDX file (optionally gzip-compressed) into a numpy array.

    The magic number must announce unsigned bytes (type code 0x08), the
    header's dimensions must match the payload's size, and, when
    ``expected`` is given, the decompressed bytes must match its SHA-256 and
    shape.

    Parameters
    ----------
    path : str or pathlib.Path
        The file.
    expected : _IdxFile, optional
        The published name, SHA-256, size and shape to check against.

    Returns
    -------
    ndarray of uint8
        Of the shape the header announces, e.g. (10000, 28, 28).

    Raises
    ------
    ChecksumError
        When the file is damaged, not an IDX file of bytes, or does not match
        ``expected``. With ``expected``, at most its size plus one byte is
        decompressed, so an oversized file is rejected without reading it all.

    Examples
    --------
    >>> from evalviz.datasets import read_idx
    >>> read_idx("t10k-labels-idx1-ubyte.gz").shape  # doctest: +SKIP
    (10000,)
    """
    return _read_checked(Path(path), expected, _fix_for(None, Path(path)))


def _read_checked(path: Path, expected: _IdxFile | None, fix: str, shown=None):
    """Read, verify and parse; every failure is a ChecksumError ending in ``fix``.

    ``shown`` is what the messages call the file (default: its name and folder).
    """
    shown = shown or f"{path.name} in {path.parent}"
    limit = None if expected is None else expected.n_bytes + 1
    try:
        raw = _read_maybe_gzip(path, limit)
        if expected is not None:
            _verify_bytes(raw, expected)
        return _parse_idx(raw)
    except _Damaged as exc:
        raise ChecksumError(f"{shown}: {exc} {fix}".rstrip()) from (
            exc.__cause__ or exc
        )


class _Damaged(Exception):
    """What is wrong with a file's bytes; turned into a ChecksumError by the caller."""


def _read_maybe_gzip(path: Path, limit: int | None = None) -> bytes:
    """The (decompressed) bytes, at most ``limit`` of them."""
    size = -1 if limit is None else limit
    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
        if head == b"\x1f\x8b":
            with gzip.open(path, "rb") as fh:
                return fh.read(size)
        with open(path, "rb") as fh:
            return fh.read(size)
    except FileNotFoundError:
        raise  # missing, not damaged
    except (OSError, EOFError, zlib.error) as exc:
        raise _Damaged(
            f"the file is damaged and cannot be decompressed "
            f"({type(exc).__name__}: {exc})."
        ) from exc


def _verify_bytes(raw: bytes, expected: _IdxFile) -> None:
    if len(raw) > expected.n_bytes:
        raise _Damaged(
            f"the file decompresses to more than the {expected.n_bytes} bytes of the "
            "published Fashion-MNIST file (decompression stopped there); it is "
            "altered or not the right file."
        )
    digest = hashlib.sha256(raw).hexdigest()
    if len(raw) != expected.n_bytes or digest != expected.sha256:
        raise _Damaged(
            f"does not match the published Fashion-MNIST file "
            f"({len(raw)} bytes with SHA-256 {digest[:12]}..., expected "
            f"{expected.n_bytes} bytes with SHA-256 {expected.sha256[:12]}...); the "
            "file is truncated or altered."
        )


def _parse_idx(raw: bytes) -> np.ndarray:
    if len(raw) < 4:
        raise _Damaged(f"too short to be an IDX file ({len(raw)} bytes).")
    zero1, zero2, type_code, ndim = raw[0], raw[1], raw[2], raw[3]
    if zero1 != 0 or zero2 != 0 or type_code != 0x08 or not 1 <= ndim <= 4:
        raise _Damaged(
            f"magic number {raw[:4].hex()}, not an IDX file of unsigned "
            "bytes (expected 0000080N); is it the right file?"
        )
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise _Damaged("the file ends inside its IDX header; it is truncated.")
    dims = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    n_values = int(np.prod(dims))
    if len(raw) - header != n_values:
        raise _Damaged(
            f"the header announces dimensions {dims} ({n_values} values) but the "
            f"file holds {len(raw) - header}; it is truncated or altered."
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(dims).copy()


def download_fashion_mnist(
    target_dir=None, *, base_url: str | None = None, progress: bool = True
) -> Path:
    """Download and verify the four Fashion-MNIST files.

    Files already present and valid are kept (no network access at all when
    all four are); a damaged file is replaced. Use this (or ``evalviz
    download``) once while online to prepare a classroom machine.

    Parameters
    ----------
    target_dir : str or pathlib.Path, optional
        Where to put the files; default the user cache. ``~`` is expanded.
    base_url : str, optional
        Where to download from; default the official location.
    progress : bool, default=True
        Show pooch's progress bar per file.

    Returns
    -------
    pathlib.Path
        The folder holding the four verified files.

    Raises
    ------
    ChecksumError
        When a download breaks off or does not match the published MD5 of
        the official ``.gz`` file or our SHA-256 of its IDX bytes; nothing
        is saved then.
    DataNotFoundError
        When the server cannot be reached or the folder cannot be written;
        the message names the address, the folder and the ways to get the
        files without a download.

    Examples
    --------
    >>> from evalviz.datasets import download_fashion_mnist
    >>> download_fashion_mnist()  # doctest: +SKIP
    PosixPath('/home/me/.cache/evalviz')
    """
    target = (
        Path(os.fspath(target_dir)).expanduser()
        if target_dir is not None
        else user_cache_dir()
    )
    base = base_url or FASHION_MNIST_URL
    if not base.endswith("/"):
        base += "/"
    for spec in _FASHION_FILES.values():
        dest = target / spec.name
        if dest.is_file():
            try:
                _read_checked(dest, spec, "")
                continue
            except ChecksumError:
                dest.unlink()  # damaged: replaced by the download below
        url = base + spec.name
        try:
            fetch(
                url,
                dest,
                known_hash=None if spec.md5 is None else f"md5:{spec.md5}",
                verify=lambda tmp, spec=spec, url=url: _read_checked(
                    tmp,
                    spec,
                    "Nothing was saved; run `evalviz download` again later, or "
                    "get the files another way (see the README).",
                    shown=f"the download of {url}",
                ),
                progress=progress,
            )
        except ChecksumError:
            raise
        except OSError as exc:
            raise DataNotFoundError(_download_failed(url, target, exc)) from exc
    return target


def _download_failed(url: str, target: Path, exc: OSError) -> str:
    """The message for a download that could not reach ``url`` or write ``target``."""
    import requests

    if isinstance(exc, requests.RequestException):
        return (
            f"Could not download {url} into {target} ({network_reason(exc)}); "
            "this machine may be offline or the address unreachable.\n"
            + _HOW_TO_GET_DATA.format(cache=target)
        )
    return (
        f"Could not write the download of {url} into {target} ({exc}). Download "
        "into a writable folder (`evalviz download --target DIR`) and set "
        "EVALVIZ_DATA to it."
    )


def load_fashion_mnist(split: str = "train", *, data_home=None, download: bool = True):
    """Load the real Fashion-MNIST images and labels.

    Parameters
    ----------
    split : {"train", "test"}
        The official 60,000-image training split or the 10,000-image test split.
    data_home : str or Path, optional
        A folder holding the four official ``*-ubyte.gz`` files; looked at first
        and then the only place used. ``~`` is expanded.
    download : bool, default=True
        Download the files into the user cache when they are found nowhere else.

    Returns
    -------
    images : ndarray of uint8, shape (n, 28, 28)
        Grey levels 0..255; n is 60,000 (train) or 10,000 (test).
    labels : ndarray of int64, shape (n,)
        Class indices; ``FASHION_MNIST_CLASSES[label]`` is the class name.

    Raises
    ------
    TypeError
        When ``data_home`` is neither a str nor a path.
    DataNotFoundError
        When ``data_home`` does not exist or lacks one of the four files (the
        message names the folder and the missing files), or when the files are
        nowhere on disk and cannot be downloaded; the message lists three ways
        to get them.
    ChecksumError
        When a file cannot be decompressed or parsed, decompresses to more than
        the published size, or does not match its published SHA-256. The
        message names the file, its folder and the fix for that folder.

    Notes
    -----
    The search order is: ``data_home``, ``$EVALVIZ_DATA``, the repository's
    ``data/``, the user cache, Debian's ``dataset-fashion-mnist`` package, then
    the official download. Both files of the split are verified against their
    SHA-256 checksums before use.

    Examples
    --------
    >>> from evalviz.datasets import load_fashion_mnist
    >>> images, labels = load_fashion_mnist("test")  # doctest: +SKIP
    >>> images.shape, labels[:3].tolist()  # doctest: +SKIP
    ((10000, 28, 28), [9, 2, 1])
    """
    check_choice(split, "split", SPLITS)
    found = find_fashion_mnist(data_home)
    if found is None:
        if not download:
            raise DataNotFoundError(
                "Fashion-MNIST was not found and download=False.\n"
                + _HOW_TO_GET_DATA.format(cache=user_cache_dir())
            )
        try:
            folder = download_fashion_mnist()
        except DataNotFoundError as exc:
            raise DataNotFoundError(
                f"Fashion-MNIST was not found on this machine. {exc}"
            ) from exc
        source = _CACHE
    else:
        source, folder = found
    arrays = []
    for kind in ("images", "labels"):
        spec = _FASHION_FILES[(split, kind)]
        path = folder / spec.name
        arrays.append(_read_checked(path, spec, _fix_for(source, path)))
    images, labels = arrays
    return images, labels.astype(np.int64)


#: Images in the fixed validation split (600 of each class).
VALIDATION_SIZE = 6000


def validation_indices(*, seed: int = 0, n_train: int = 60000) -> np.ndarray:
    """Indices of the fixed validation rows inside the 60,000-image train split.

    Parameters
    ----------
    seed : int, default=0
        The random seed of the stratified draw.
    n_train : int, default=60000
        The expected size of the train split (checked).

    Returns
    -------
    ndarray of int64, shape (6000,)
        Sorted row indices: 600 images of each class, chosen with ``seed``.

    Raises
    ------
    ValueError
        When the train split does not hold ``n_train`` labels.

    Examples
    --------
    >>> from evalviz.models import validation_indices
    >>> validation_indices().shape  # doctest: +SKIP
    (6000,)
    """
    _, labels = load_fashion_mnist("train")
    if labels.shape[0] != n_train:
        raise ValueError(f"expected {n_train} training labels, got {labels.shape[0]}")
    rng = np.random.default_rng(seed)
    per_class = VALIDATION_SIZE // 10
    picked = [
        rng.choice(np.flatnonzero(labels == c), size=per_class, replace=False)
        for c in range(10)
    ]
    return np.sort(np.concatenate(picked))


def fashion_fingerprint() -> str:
    """A short hash of the four Fashion-MNIST checksums, for cache keys.

    Returns
    -------
    str
        16 hexadecimal digits.

    Examples
    --------
    >>> from evalviz.models import fashion_fingerprint
    >>> fashion_fingerprint()
    'd1fd84a877f3b78f'
    """
    return hashlib.sha256(
        "".join(f.sha256 for f in _FASHION_FILES.values()).encode()
    ).hexdigest()[:16]
