"""Shared helpers of the data loaders: where files live, verified downloads, errors.

Private to the data layer: :mod:`evalviz.datasets` (Fashion-MNIST through
``_fashion``, CIFAR-10 through ``_cifar``) and the prediction cache import
these, and re-export the public ones.
"""

from __future__ import annotations

import http.client
import os
import tempfile
import urllib.request
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "REPO_DATA_DIR",
    "ChecksumError",
    "DataNotFoundError",
    "fetch",
    "user_cache_dir",
]

#: The repository's ``data/`` folder (used only in a source checkout).
REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class DataNotFoundError(FileNotFoundError):
    """The data set is neither on disk nor downloadable.

    A ``FileNotFoundError``, so ``except FileNotFoundError`` catches it too.

    Examples
    --------
    >>> from evalviz.datasets import DataNotFoundError
    >>> issubclass(DataNotFoundError, FileNotFoundError)
    True
    """


class ChecksumError(ValueError):
    """A data file does not match its published checksum.

    A ``ValueError``, so ``except ValueError`` catches it too.

    Examples
    --------
    >>> from evalviz.datasets import ChecksumError
    >>> str(ChecksumError("train.gz: sha256 differs from the published one"))
    'train.gz: sha256 differs from the published one'
    """


def user_cache_dir() -> Path:
    """Where evalviz keeps downloads and caches for this user.

    Returns
    -------
    pathlib.Path
        ``$XDG_CACHE_HOME/evalviz``, else ``~/.cache/evalviz`` (not created).

    Examples
    --------
    >>> from evalviz.datasets import user_cache_dir
    >>> user_cache_dir().name
    'evalviz'
    """
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "evalviz"


def fetch(
    url: str, destination: Path, *, verify: Callable[[Path], None], progress: bool
) -> None:
    """Download ``url`` to ``destination`` through a verified temporary file.

    Parameters
    ----------
    url : str
        Where to download from.
    destination : pathlib.Path
        The final file; its folder is created. It appears only once the
        download is complete and verified (an atomic rename).
    verify : callable
        ``verify(path)`` raises when the downloaded file is wrong; the
        temporary file is then deleted and nothing appears at
        ``destination``.
    progress : bool
        Show a progress bar.

    Raises
    ------
    ChecksumError
        When the download breaks off, is shorter than announced, or (from
        ``verify``) does not match its checksum.
    OSError
        When the server cannot be reached or the file cannot be written.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=destination.name + ".", suffix=".part", dir=destination.parent
    )
    tmp = Path(tmp_name)
    try:
        with (
            os.fdopen(fd, "wb") as out,
            urllib.request.urlopen(url, timeout=60) as resp,
        ):
            total = int(resp.headers.get("Content-Length") or 0) or None
            bar = _progress_bar(total, destination.name, progress)
            try:
                while True:
                    try:
                        chunk = resp.read(1 << 16)
                    except http.client.HTTPException as exc:
                        raise ChecksumError(
                            f"download of {url} broke off after {out.tell()} bytes "
                            f"({type(exc).__name__}); run `evalviz download` again"
                        ) from exc
                    if not chunk:
                        break
                    out.write(chunk)
                    bar.update(len(chunk))
            finally:
                bar.close()
            if total is not None and out.tell() != total:
                raise ChecksumError(
                    f"download of {url} stopped after {out.tell()} of {total} bytes; "
                    "run `evalviz download` again"
                )
        verify(tmp)
        os.replace(tmp, destination)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _progress_bar(total, desc: str, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(
        total=total,
        desc=desc,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        disable=not enabled,
        leave=False,
    )
