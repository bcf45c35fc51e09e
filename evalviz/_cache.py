"""The prediction cache shared by the course's models: ``.npz`` files keyed by a hash.

Private to the data-and-models layer: :mod:`evalviz.models` and its model
modules (``_pair_model``, ``_multilabel_model``) import it; ``evalviz.models``
re-exports the public names.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np

from ._data_files import REPO_DATA_DIR, publish, user_cache_dir
from ._fashion import fashion_fingerprint

__all__ = [
    "LOCK_TIMEOUT",
    "SHIPPED_DIR",
    "CachedPredictions",
    "cache_dir",
    "cache_key",
    "cached_arrays",
    "shipped_file",
    "shipped_predictions",
]

_CACHE_FORMAT = 1

#: The course's predictions, shipped inside the package with their SHA-256
#: (``SHA256SUMS``), so that no notebook trains on a first run.
SHIPPED_DIR = Path(__file__).resolve().parent / "course_predictions"

#: Seconds a process waits for another one training the same model (the lock
#: file ``<cache file>.lock`` in the cache folder) before giving up. The lock is
#: the operating system's (``filelock``): a killed process releases it at once.
LOCK_TIMEOUT = 3 * 3600.0

#: Set this environment variable to ``1`` to ignore the shipped predictions
#: (``evalviz train --ignore-shipped`` does): models then load from the cache
#: folder or train, for example to check that training reproduces them.
IGNORE_SHIPPED_ENV = "EVALVIZ_IGNORE_SHIPPED"


def cache_dir() -> Path:
    """Where predictions are cached.

    Returns
    -------
    pathlib.Path
        ``$EVALVIZ_CACHE`` if set; else ``data/cache`` in a (writable) source
        checkout; else ``predictions`` in the user cache
        (:func:`evalviz.datasets.user_cache_dir`, named by ``platformdirs``).

    Examples
    --------
    >>> from evalviz.models import cache_dir
    >>> folder = cache_dir()  # not created until something is cached
    >>> folder.name in {"cache", "predictions"} or "EVALVIZ_CACHE" in os.environ
    True
    """
    env = os.environ.get("EVALVIZ_CACHE")
    if env:
        return Path(env)
    if (
        REPO_DATA_DIR is not None
        and REPO_DATA_DIR.is_dir()
        and os.access(REPO_DATA_DIR, os.W_OK)
    ):
        return REPO_DATA_DIR / "cache"
    return user_cache_dir() / "predictions"


def _shipped_sums() -> dict[str, str]:
    sums = SHIPPED_DIR / "SHA256SUMS"
    if not sums.is_file():
        return {}
    pairs = (line.split() for line in sums.read_text().splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


def shipped_file(file_name: str) -> Path | None:
    """The shipped predictions file of that name, if present and verified.

    Parameters
    ----------
    file_name : str
        A cache file name, ``"<model>-<key>.npz"``.

    Returns
    -------
    pathlib.Path or None
        The file inside the package when its SHA-256 matches ``SHA256SUMS``;
        None when no such file ships (other parameters or library versions
        give another key), when the environment variable
        ``EVALVIZ_IGNORE_SHIPPED`` is ``1``, or when it does not match (a
        warning says so, and the model is trained or read from the cache
        instead).

    Examples
    --------
    >>> shipped_file("no-such-model-0000000000000000.npz") is None
    True
    """
    if os.environ.get(IGNORE_SHIPPED_ENV, "") not in ("", "0"):
        return None
    expected = _shipped_sums().get(file_name)
    path = SHIPPED_DIR / file_name
    if expected is None or not path.is_file():
        return None
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != expected:
        import warnings

        warnings.warn(
            f"the shipped predictions {path} do not match their SHA-256 "
            f"(expected {expected[:12]}..., got {digest[:12]}...); they are not used. "
            "Reinstall evalviz to restore them",
            stacklevel=3,
        )
        return None
    return path


def shipped_predictions() -> list[Path]:
    """The shipped prediction files that pass their SHA-256 check.

    Returns
    -------
    list of pathlib.Path
        The verified ``.npz`` files inside the package (empty when none ship,
        when ``EVALVIZ_IGNORE_SHIPPED`` is set, or without ``SKLEARN_VERSION``).

    Examples
    --------
    >>> all(path.suffix == ".npz" for path in shipped_predictions())
    True
    """
    if shipped_sklearn_version() is None:
        return []
    found = (shipped_file(name) for name in sorted(_shipped_sums()))
    return [path for path in found if path is not None]


def shipped_sklearn_version() -> str | None:
    """The scikit-learn version the shipped predictions were trained with.

    Read from ``SKLEARN_VERSION`` beside them. The shipped files are found
    by the key computed with this version, not the installed one, so a
    course installed with another scikit-learn still loads them instead of
    training: they are the course's reference predictions.

    Returns
    -------
    str or None
        The version, or None when the file is missing.

    Examples
    --------
    >>> version = shipped_sklearn_version()
    >>> version is None or version[0].isdigit()
    True
    """
    try:
        return (SHIPPED_DIR / "SKLEARN_VERSION").read_text().strip() or None
    except OSError:
        return None


def cache_key(
    name: str, params: dict, data_fingerprint: str, *, sklearn_version=None
) -> str:
    """A short hash of everything that determines a model's predictions.

    Parameters
    ----------
    name : str
        The model's name, e.g. ``"fashion-mlp"``.
    params : dict
        The parameters that define the model (JSON-serialisable).
    data_fingerprint : str
        A hash of the training data (:func:`fashion_fingerprint`).
    sklearn_version : str, optional
        The scikit-learn version to hash; default the installed one (the
        shipped predictions are looked up with
        :func:`shipped_sklearn_version`).

    Returns
    -------
    str
        16 hexadecimal digits; the scikit-learn version and the cache format
        are part of the hash.

    Examples
    --------
    >>> from evalviz.models import cache_key
    >>> key = cache_key("fashion-mlp", {"epochs": 5}, "0123abcd")
    >>> len(key), key == cache_key("fashion-mlp", {"epochs": 6}, "0123abcd")
    (16, False)
    """
    from importlib.metadata import version

    if sklearn_version is None:
        # Read from metadata: importing scikit-learn would cost a second or two.
        sklearn_version = version("scikit-learn")
    payload = json.dumps(
        {
            "name": name,
            "params": params,
            "data": data_fingerprint,
            "sklearn": sklearn_version,
            "format": _CACHE_FORMAT,
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _check_arrays(
    arrays: Mapping[str, np.ndarray],
    expected: Mapping[str, tuple | None] | None,
    dtypes: Mapping[str, str] | None,
) -> str | None:
    """Why ``arrays`` do not match the expectation, or None when they do."""
    dims: dict[str, int] = {}
    for name in expected or {}:
        if name not in arrays:
            return f"array {name!r} is missing"
    for name, kinds in (dtypes or {}).items():
        if name in arrays and np.asarray(arrays[name]).dtype.kind not in kinds:
            got = np.asarray(arrays[name]).dtype
            return f"array {name!r} has dtype {got}, expected kind {kinds!r}"
    for name, spec in (expected or {}).items():
        shape = np.shape(arrays[name])
        if spec is None:
            continue
        open_end = len(spec) > 0 and spec[-1] is Ellipsis
        fixed = spec[:-1] if open_end else spec
        if len(shape) < len(fixed) or (not open_end and len(shape) != len(fixed)):
            return f"array {name!r} has shape {shape}, expected {spec}"
        for size, want in zip(shape, fixed, strict=False):
            if isinstance(want, str):
                want = dims.setdefault(want, size)
            if want is not None and size != want:
                return f"array {name!r} has shape {shape}, expected {spec}"
    for name, value in arrays.items():
        value = np.asarray(value)
        if value.dtype.kind in "fc" and not np.all(np.isfinite(value)):
            return f"array {name!r} holds non-finite values"
    return None


def _read_cached(path: Path, expected, dtypes) -> dict[str, np.ndarray]:
    """Load and validate a cache file; any failure raises ``ValueError``."""
    try:
        # Our own handle: np.load leaks its file when the zip is damaged.
        with open(path, "rb") as fh, np.load(fh, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except Exception as exc:  # BadZipFile, EOFError, zlib.error, OSError, ...
        raise ValueError(f"{type(exc).__name__}: {exc}") from exc
    problem = _check_arrays(arrays, expected, dtypes)
    if problem is not None:
        raise ValueError(problem)
    return arrays


def _ensure_writable(folder: Path) -> None:
    """Fail now, before minutes of training, if ``folder`` cannot take a file."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise PermissionError(
            f"the prediction cache folder {folder} is not writable ({exc}); "
            "set EVALVIZ_CACHE to a writable folder, or pass cache=False"
        ) from exc


def _write_atomic(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """Write ``arrays`` to ``path``: temporary file, fsync, user's umask, rename."""
    fd, tmp = tempfile.mkstemp(
        prefix=path.stem + ".", suffix=".npz.part", dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez_compressed(fh, **arrays)
        publish(Path(tmp), path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _lock(path: Path):
    """The lock that makes one process compute ``path`` while the others wait."""
    from filelock import FileLock

    return FileLock(str(path) + ".lock")


def _acquire(lock, path: Path) -> None:
    """Take ``lock``; say so once when another process holds it, then wait."""
    from filelock import Timeout

    try:
        lock.acquire(timeout=0)
        return
    except Timeout:
        pass
    print(
        f"evalviz: another process is computing {path.name}; waiting for it "
        f"(lock file {lock.lock_file})",
        file=sys.stderr,
        flush=True,
    )
    start = time.monotonic()
    try:
        lock.acquire(timeout=LOCK_TIMEOUT)
    except Timeout:
        raise TimeoutError(
            f"waited {time.monotonic() - start:.0f} s for another process computing "
            f"{path.name} (lock file {lock.lock_file}); it may hang. Stop it, or "
            "set EVALVIZ_CACHE to another folder"
        ) from None


def _load_valid(path: Path, expected, dtypes) -> dict[str, np.ndarray] | None:
    """The cached arrays, or None (a damaged file is deleted, with a warning)."""
    if not path.is_file():
        return None
    try:
        return _read_cached(path, expected, dtypes)
    except ValueError as exc:
        reason = " ".join(str(exc).split())
        warnings.warn(
            f"the cached file {path} could not be used ({reason}); "
            "deleted, recomputing",
            stacklevel=3,
        )
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: _ensure_writable says so
    return None


def cached_arrays(
    name: str,
    params: dict,
    data_fingerprint: str,
    compute: Callable[[], dict[str, np.ndarray]],
    *,
    directory=None,
    enabled: bool = True,
    expected: Mapping[str, tuple | None] | None = None,
    dtypes: Mapping[str, str] | None = None,
) -> tuple[dict[str, np.ndarray], Path | None, bool]:
    """Load arrays from the cache, or compute and store them atomically.

    The predictions shipped with the package come first (verified by
    SHA-256, see :func:`shipped_file`), then the cache folder. A new file is
    written to a temporary name, fsynced, given the user's umask (readable
    by others in a shared classroom cache unless the umask says otherwise)
    and renamed once complete, so an interrupted run leaves no half file.
    Only ``.npz`` (no pickles) is read or written.

    Parameters
    ----------
    name : str
        The model's name (start of the file name).
    params : dict
        The parameters that define the model (part of the key).
    data_fingerprint : str
        A hash of the training data (part of the key).
    compute : callable
        ``compute()`` returns ``{name: array}``; called on a cache miss.
    directory : str or pathlib.Path, optional
        Default :func:`cache_dir`.
    enabled : bool, default=True
        ``False`` computes without reading or writing the cache.
    expected : dict of str to tuple or None, optional
        The arrays a valid file must hold, each with its shape: a tuple of
        sizes where ``None`` is any size, a string names a size shared by
        every array that uses it, and a final ``...`` allows any further
        axes; ``None`` instead of a tuple accepts any shape. E.g.
        ``{"y_test": ("n", ...), "proba_test": ("n", 10)}``.
    dtypes : dict of str to str, optional
        The dtype kinds (``np.dtype.kind`` characters) allowed per array,
        e.g. ``{"proba_test": "f", "y_test": "biu"}``.

    Returns
    -------
    arrays : dict of str to ndarray
        The arrays, loaded or computed.
    path : pathlib.Path or None
        The file read (shipped or cached) or written; None when the cache is
        off.
    from_cache : bool
        Whether the arrays were loaded.

    Raises
    ------
    PermissionError
        The cache folder cannot be created or written; raised before
        ``compute`` runs, naming the folder and ``EVALVIZ_CACHE``.
    ValueError
        ``compute()`` returned arrays that do not match ``expected`` or
        ``dtypes``, or hold non-finite floats (nothing is written).
    TimeoutError
        Another process held the lock for longer than :data:`LOCK_TIMEOUT`.

    Notes
    -----
    A cache file that fails to read or validate (a truncated, empty or
    damaged zip, a missing array, a wrong shape or dtype, a NaN or infinity
    in a float array) is deleted and recomputed, with a one-line warning.
    An exception in ``compute`` (including ``KeyboardInterrupt``) writes
    nothing.

    Processes that need the same missing file compute it once: a lock file
    (``filelock``, ``<file>.lock`` in the cache folder) lets the first one
    compute while the others print one line, wait, and then load its file.

    Examples
    --------
    >>> import tempfile
    >>> import numpy as np
    >>> from evalviz.models import cached_arrays
    >>> folder = tempfile.mkdtemp()
    >>> def compute():
    ...     return {"x": np.arange(3)}
    >>> arrays, path, hit = cached_arrays("demo", {}, "fp", compute, directory=folder)
    >>> hit, cached_arrays("demo", {}, "fp", compute, directory=folder)[2]
    (False, True)
    """
    if not enabled:
        return compute(), None, False
    folder = Path(directory) if directory is not None else cache_dir()
    path = folder / f"{name}-{cache_key(name, params, data_fingerprint)}.npz"
    shipped_version = shipped_sklearn_version()
    shipped = None
    if shipped_version is not None:
        key = cache_key(name, params, data_fingerprint, sklearn_version=shipped_version)
        shipped = shipped_file(f"{name}-{key}.npz")
    if shipped is not None:
        with np.load(shipped, allow_pickle=False) as npz:
            return {k: npz[k] for k in npz.files}, shipped, True
    arrays = _load_valid(path, expected, dtypes)
    if arrays is not None:
        return arrays, path, True
    _ensure_writable(folder)
    lock = _lock(path)
    _acquire(lock, path)
    try:
        # Another process may have written the file while this one waited.
        arrays = _load_valid(path, expected, dtypes)
        if arrays is not None:
            return arrays, path, True
        arrays = compute()
        problem = _check_arrays(arrays, expected, dtypes)
        if problem is not None:
            raise ValueError(f"compute() for {name!r} returned bad arrays: {problem}")
        _write_atomic(path, arrays)
    finally:
        lock.release()
    return arrays, path, False


@dataclass(kw_only=True)
class CachedPredictions:
    """What every cached course model returns: validation and test predictions.

    Attributes
    ----------
    y_val, proba_val : the validation labels and predicted probabilities.
    y_test, proba_test : the test labels and predicted probabilities.
    train_seconds : how long training took (for a cache hit, the original run's).
    params : the parameters that define the model (and the cache key).
    path : the cache file, or None when the cache was off.
    from_cache : whether the predictions were loaded rather than trained.

    Examples
    --------
    >>> import numpy as np
    >>> from evalviz.models import CachedPredictions
    >>> p = CachedPredictions(y_val=np.array([0, 1]), proba_val=np.eye(2),
    ...                       y_test=np.array([1]), proba_test=np.array([[0.2, 0.8]]),
    ...                       train_seconds=0.0)
    >>> p.proba_test.shape, p.from_cache
    ((1, 2), False)
    """

    y_val: np.ndarray
    proba_val: np.ndarray
    y_test: np.ndarray
    proba_test: np.ndarray
    train_seconds: float
    params: dict = field(default_factory=dict)
    path: Path | None = None
    from_cache: bool = False

    @classmethod
    def load_or_train(cls, name: str, params: dict, train, *, cache=True, **extra):
        """Cached arrays (or ``train()``'s) as an instance of this class.

        Parameters
        ----------
        name : str
            The model's name (part of the cache file name and key).
        params : dict
            The parameters that define the model.
        train : callable
            ``train()`` returns the arrays by field name, plus
            ``train_seconds``; called only on a cache miss.
        cache : bool, default=True
            Read and write the cache.
        **extra
            Fields given directly instead of read from the arrays.

        Returns
        -------
        CachedPredictions
            An instance of the class this is called on.

        Raises
        ------
        PermissionError
            The cache folder is not writable (checked before training).
        TimeoutError
            Another process training the same model held the lock for longer
            than :data:`LOCK_TIMEOUT` seconds.

        Notes
        -----
        A cached file must hold every array field, ``train_seconds`` as a
        scalar, integer or boolean ``y_*`` and float ``proba_*`` whose first
        axes agree per split, and only finite floats; otherwise it is deleted
        and ``train()`` runs again (see :func:`cached_arrays`).
        """
        own = {"train_seconds", "params", "path", "from_cache", *extra}
        names = [f.name for f in fields(cls) if f.name not in own]
        expected: dict[str, tuple | None] = dict.fromkeys(names)
        expected["train_seconds"] = ()
        dtypes = {"train_seconds": "fiu"}
        for split in ("val", "test"):
            for stem, kinds in (("y", "biu"), ("proba", "f")):
                if f"{stem}_{split}" in expected:
                    expected[f"{stem}_{split}"] = (f"n_{split}", ...)
                    dtypes[f"{stem}_{split}"] = kinds
        arrays, path, from_cache = cached_arrays(
            name,
            params,
            fashion_fingerprint(),
            train,
            enabled=cache,
            expected=expected,
            dtypes=dtypes,
        )
        values = {n: arrays[n] for n in names}
        return cls(
            **values,
            **extra,
            train_seconds=float(arrays["train_seconds"]),
            params=params,
            path=path,
            from_cache=from_cache,
        )
