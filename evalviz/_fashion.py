"""Fashion-MNIST: the four official IDX files, found or downloaded, and verified.

Where the data comes from, in this order (the first place that has all files wins):

1. the ``data_home`` argument;
2. the ``EVALVIZ_DATA`` environment variable;
3. the repository's ``data/`` folder (when evalviz runs from a checkout);
4. the user cache, ``~/.cache/evalviz`` (where ``evalviz download`` puts files);
5. Debian's ``dataset-fashion-mnist`` package, ``/usr/share/datasets/fashion-mnist``;
6. a download from the dataset's official location into the user cache.

Every file is checked against its SHA-256 checksum before use. Downloads go to a
temporary file that is renamed only once it is complete and verified. Also here:
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
import urllib.error
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._data_files import (
    REPO_DATA_DIR,
    ChecksumError,
    DataNotFoundError,
    fetch,
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


# The checksums cover the decompressed IDX bytes rather than the .gz files, so the
# same check accepts the official download and Debian's package, whose gzip
# headers differ while the data inside is byte-for-byte the same.
_FASHION_FILES = {
    ("train", "images"): _IdxFile(
        "train-images-idx3-ubyte.gz",
        "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        47040016,
        (60000, 28, 28),
    ),
    ("train", "labels"): _IdxFile(
        "train-labels-idx1-ubyte.gz",
        "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        60008,
        (60000,),
    ),
    ("test", "images"): _IdxFile(
        "t10k-images-idx3-ubyte.gz",
        "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        7840016,
        (10000, 28, 28),
    ),
    ("test", "labels"): _IdxFile(
        "t10k-labels-idx1-ubyte.gz",
        "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
        10008,
        (10000,),
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


def _candidate_dirs(data_home) -> list[tuple[str, Path]]:
    places: list[tuple[str, Path]] = []
    if data_home is not None:
        places.append(("data_home argument", Path(data_home)))
    env = os.environ.get("EVALVIZ_DATA")
    if env:
        places.append(("EVALVIZ_DATA", Path(env)))
    places.append(("repository data/ folder", REPO_DATA_DIR))
    places.append(("user cache", user_cache_dir()))
    places.append(("Debian package dataset-fashion-mnist", DEBIAN_FASHION_MNIST_DIR))
    return places


def _fashion_dir_variants(root: Path) -> list[Path]:
    # Accept the files directly in the folder or in a fashion-mnist/ subfolder.
    return [root, root / "fashion-mnist"]


def find_fashion_mnist(data_home=None) -> tuple[str, Path] | None:
    """Where the four Fashion-MNIST files are, searched in the documented order.

    Parameters
    ----------
    data_home : str or pathlib.Path, optional
        A folder looked at first.

    Returns
    -------
    tuple of (str, pathlib.Path) or None
        ``(source, folder)``, for example ``("user cache", Path(...))``, or
        None when no place holds all four files.

    Examples
    --------
    >>> from evalviz.datasets import find_fashion_mnist
    >>> find_fashion_mnist()  # doctest: +SKIP
    ('Debian package dataset-fashion-mnist', PosixPath('/usr/share/datasets/fashion-mnist'))
    """
    names = [f.name for f in _FASHION_FILES.values()]
    for source, root in _candidate_dirs(data_home):
        for folder in _fashion_dir_variants(root):
            if all((folder / n).is_file() for n in names):
                return source, folder
    return None


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
        ``expected``.

    Examples
    --------
    >>> from evalviz.datasets import read_idx
    >>> read_idx("t10k-labels-idx1-ubyte.gz").shape  # doctest: +SKIP
    (10000,)
    """
    path = Path(path)
    raw = _read_maybe_gzip(path)
    if expected is not None:
        _verify_bytes(raw, expected, path)
    return _parse_idx(raw, path)


def _read_maybe_gzip(path: Path) -> bytes:
    with open(path, "rb") as fh:
        head = fh.read(2)
    try:
        if head == b"\x1f\x8b":
            with gzip.open(path, "rb") as fh:
                return fh.read()
        return path.read_bytes()
    except (OSError, EOFError) as exc:
        raise ChecksumError(
            f"{path} is damaged and cannot be decompressed ({exc}); delete it and "
            "get the file again (`evalviz download`)"
        ) from exc


def _verify_bytes(raw: bytes, expected: _IdxFile, path: Path) -> None:
    digest = hashlib.sha256(raw).hexdigest()
    if len(raw) != expected.n_bytes or digest != expected.sha256:
        raise ChecksumError(
            f"{path} does not match the published Fashion-MNIST file "
            f"({len(raw)} bytes with SHA-256 {digest[:12]}..., expected "
            f"{expected.n_bytes} bytes with SHA-256 {expected.sha256[:12]}...). The file "
            "is truncated or altered: delete it and run `evalviz download` again."
        )


def _parse_idx(raw: bytes, path: Path) -> np.ndarray:
    if len(raw) < 4:
        raise ChecksumError(f"{path} is too short to be an IDX file ({len(raw)} bytes)")
    zero1, zero2, type_code, ndim = raw[0], raw[1], raw[2], raw[3]
    if zero1 != 0 or zero2 != 0 or type_code != 0x08 or not 1 <= ndim <= 4:
        raise ChecksumError(
            f"{path} has magic number {raw[:4].hex()}, not an IDX file of unsigned "
            "bytes (expected 0000080N); is it the right file?"
        )
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise ChecksumError(f"{path} ends inside its IDX header; the file is truncated")
    dims = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    n_values = int(np.prod(dims))
    if len(raw) - header != n_values:
        raise ChecksumError(
            f"{path} announces dimensions {dims} ({n_values} values) but holds "
            f"{len(raw) - header}; the file is truncated or altered: delete it and "
            "get it again"
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(dims).copy()


def download_fashion_mnist(
    target_dir=None, *, base_url: str | None = None, progress: bool = True
) -> Path:
    """Download and verify the four Fashion-MNIST files.

    Files already present and valid are kept. Use this (or ``evalviz
    download``) once while online to prepare a classroom machine.

    Parameters
    ----------
    target_dir : str or pathlib.Path, optional
        Where to put the files; default the user cache.
    base_url : str, optional
        Where to download from; default the official location.
    progress : bool, default=True
        Show a progress bar per file.

    Returns
    -------
    pathlib.Path
        The folder holding the four verified files.

    Raises
    ------
    ChecksumError
        When a downloaded file does not match its checksum.
    OSError
        When the server cannot be reached.

    Examples
    --------
    >>> from evalviz.datasets import download_fashion_mnist
    >>> download_fashion_mnist()  # doctest: +SKIP
    PosixPath('/home/me/.cache/evalviz')
    """
    target = Path(target_dir) if target_dir is not None else user_cache_dir()
    base = base_url or FASHION_MNIST_URL
    if not base.endswith("/"):
        base += "/"
    for spec in _FASHION_FILES.values():
        dest = target / spec.name
        if dest.is_file():
            try:
                _verify_bytes(_read_maybe_gzip(dest), spec, dest)
                continue
            except ChecksumError:
                dest.unlink()
        url = base + spec.name
        fetch(
            url,
            dest,
            verify=lambda tmp, spec=spec, url=url: _verify_bytes(
                _read_maybe_gzip(tmp), spec, Path(url)
            ),
            progress=progress,
        )
    return target


def load_fashion_mnist(split: str = "train", *, data_home=None, download: bool = True):
    """Load the real Fashion-MNIST images and labels.

    Parameters
    ----------
    split : {"train", "test"}
        The official 60,000-image training split or the 10,000-image test split.
    data_home : str or Path, optional
        A folder holding the four official ``*-ubyte.gz`` files; looked at first.
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
    DataNotFoundError
        When the files are nowhere on disk and cannot be downloaded; the
        message lists three ways to get them.
    ChecksumError
        When a file does not match its published SHA-256.

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
        except (urllib.error.URLError, OSError) as exc:
            if isinstance(exc, ChecksumError):
                raise
            raise DataNotFoundError(
                f"Fashion-MNIST was not found on this machine and the download failed "
                f"({exc}).\n" + _HOW_TO_GET_DATA.format(cache=user_cache_dir())
            ) from exc
    else:
        folder = found[1]
    images = read_idx(
        folder / _FASHION_FILES[(split, "images")].name,
        expected=_FASHION_FILES[(split, "images")],
    )
    labels = read_idx(
        folder / _FASHION_FILES[(split, "labels")].name,
        expected=_FASHION_FILES[(split, "labels")],
    )
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
