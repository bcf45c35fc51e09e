"""Shared helpers of the data loaders: where files live, verified downloads, errors.

Private to the data layer: :mod:`evalviz.datasets` (Fashion-MNIST through
``_fashion``, CIFAR-10 through ``_cifar``) and the prediction cache import
these, and re-export the public ones. Downloads go through ``pooch`` (which
checks the archive's published hash), the user cache folder is named by
``platformdirs``.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "REPO_DATA_DIR",
    "ChecksumError",
    "DataNotFoundError",
    "fetch",
    "network_reason",
    "publish",
    "umask",
    "user_cache_dir",
]


def _source_checkout_data_dir(package_dir: Path | None = None) -> Path | None:
    """The checkout's ``data/`` folder, or None when evalviz is installed.

    A source checkout is recognised by the ``pyproject.toml`` of evalviz beside
    the package folder; an installed package (``site-packages/evalviz``) has
    none, so a stray ``site-packages/data`` folder is never used.
    """
    package = Path(__file__).resolve().parent if package_dir is None else package_dir
    root = package.parent
    try:
        text = (root / "pyproject.toml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if re.search(r'^name\s*=\s*"evalviz"\s*$', text, flags=re.MULTILINE) is None:
        return None
    return root / "data"


#: The repository's ``data/`` folder in a source checkout; None when evalviz is
#: installed as a package (then no folder beside site-packages is ever used).
REPO_DATA_DIR = _source_checkout_data_dir()


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

    The folder is the platform's user cache, named by ``platformdirs``:
    ``$XDG_CACHE_HOME/evalviz`` or ``~/.cache/evalviz`` on Linux,
    ``~/Library/Caches/evalviz`` on macOS, ``%LOCALAPPDATA%\\evalviz`` on
    Windows.

    Returns
    -------
    pathlib.Path
        The folder (not created).

    Examples
    --------
    >>> from evalviz.datasets import user_cache_dir
    >>> user_cache_dir().name
    'evalviz'
    """
    from platformdirs import user_cache_path

    return user_cache_path("evalviz", appauthor=False, opinion=False)


def umask() -> int:
    """The process's umask (read without changing it where Linux allows).

    Returns
    -------
    int
        The mask, e.g. ``0o022``.

    Examples
    --------
    >>> 0 <= umask() <= 0o777
    True
    """
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def publish(tmp: Path, destination: Path) -> None:
    """Give ``tmp`` the user's umask, fsync it, rename it to ``destination``.

    Both must be in the same folder (the rename is atomic); the folder is
    fsynced too, so the new name survives a crash.

    Parameters
    ----------
    tmp : pathlib.Path
        A complete, verified file.
    destination : pathlib.Path
        Its final name; replaced if it exists.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.tmp").write_text("data")
    >>> publish(folder / "x.tmp", folder / "x")
    >>> sorted(p.name for p in folder.iterdir())
    ['x']
    """
    os.chmod(tmp, 0o666 & ~umask())
    fd = os.open(tmp, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, destination)
    try:  # make the rename itself durable
        dir_fd = os.open(destination.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


@contextlib.contextmanager
def _quiet_pooch():
    """Without pooch's log lines: they name the hidden staging file, not ours."""
    import logging

    import pooch

    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _progress_bar(name: str, enabled: bool):
    """A tqdm bar named after the file, for pooch to fill; None when off."""
    if not enabled:
        return None
    from tqdm.auto import tqdm

    # total=1 until pooch sets the announced size: pooch tests the bar's truth
    # value, which tqdm refuses while the total is unknown.
    return tqdm(
        desc=name, total=1, unit="B", unit_scale=True, unit_divisor=1024, leave=True
    )


def network_reason(exc: BaseException) -> str:
    """A short reason for a failed download, without object addresses.

    Parameters
    ----------
    exc : BaseException
        What the download raised.

    Returns
    -------
    str
        For example ``"[Errno 111] Connection refused"`` or
        ``"404 Client Error: File not found"``.

    Examples
    --------
    >>> network_reason(OSError(111, "Connection refused"))
    '[Errno 111] Connection refused'
    """
    text = str(exc)
    errno = re.search(r"\[Errno -?\d+\][^'\")]*", text)
    if errno:
        return errno.group(0).strip().rstrip(".")
    text = re.sub(r"<[^>]* at 0x[0-9a-f]+>:?\s*", "", text)
    return (text.split(" for url:")[0] or type(exc).__name__)[:200]


def fetch(
    url: str,
    destination: Path,
    *,
    known_hash: str | None,
    verify: Callable[[Path], None] | None = None,
    progress: bool,
) -> None:
    """Download ``url`` to ``destination`` with pooch, verified before it appears.

    pooch streams the file into a temporary file of the destination folder
    and checks ``known_hash`` (the archive's published checksum); then
    ``verify`` runs on the complete file, and only then is it given the
    user's umask, fsynced and renamed to ``destination``.

    Parameters
    ----------
    url : str
        Where to download from.
    destination : pathlib.Path
        The final file; its folder is created.
    known_hash : str or None
        The published checksum as pooch spells it, e.g. ``"md5:c32a..."``;
        None skips pooch's check (``verify`` must then do it).
    verify : callable, optional
        ``verify(path)`` raises when the downloaded file is wrong; nothing
        then appears at ``destination``.
    progress : bool
        Show a progress bar (tqdm, filled by pooch) named after the file.

    Raises
    ------
    ChecksumError
        When the download breaks off or does not match ``known_hash`` (or,
        from ``verify``, our own checksum). The message names ``url``.
    OSError
        When the server cannot be reached (``requests`` errors are
        ``OSError``) or the folder cannot be written.

    Examples
    --------
    >>> fetch("https://example.org/x.gz", Path("x.gz"), known_hash=None,
    ...       progress=False)  # doctest: +SKIP
    """
    import pooch
    import requests

    folder = destination.parent
    folder.mkdir(parents=True, exist_ok=True)
    # A fresh hidden name per download: pooch treats an existing file as a
    # finished download, and two processes must not share a staging file.
    staging = folder / f".{destination.name}.{secrets.token_hex(6)}.download"
    bar = _progress_bar(destination.name, progress)
    downloader = pooch.HTTPDownloader(
        progressbar=False if bar is None else bar, timeout=60, chunk_size=1 << 16
    )
    try:
        try:
            with _quiet_pooch():
                pooch.retrieve(
                    url,
                    known_hash=known_hash,
                    fname=staging.name,
                    path=folder,
                    downloader=downloader,
                )
        except (
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
        ) as exc:
            raise ChecksumError(
                f"the download of {url} broke off ({network_reason(exc)}); nothing "
                "was saved. Run `evalviz download` again."
            ) from exc
        except ValueError as exc:
            if "hash" not in str(exc):
                raise
            algorithm, _, digest = str(known_hash).rpartition(":")
            raise ChecksumError(
                f"the download of {url} does not match its published "
                f"{(algorithm or 'sha256').upper()} {digest}; it is incomplete or "
                "not the official file, and "
                "nothing was saved. Run `evalviz download` again later, or get the "
                "files another way (see the README)."
            ) from exc
        if verify is not None:
            verify(staging)
        publish(staging, destination)
    except BaseException:
        if bar is not None:
            bar.leave = False  # no finished-looking bar for a failed download
        raise
    finally:
        if bar is not None:
            bar.close()
        staging.unlink(missing_ok=True)
