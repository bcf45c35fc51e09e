"""The Fashion-MNIST loader: real files, search order, and the download path."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import shutil
import sys
import threading
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from evalviz import _fashion, datasets
from evalviz.datasets import (
    FASHION_MNIST_CLASSES,
    ChecksumError,
    DataNotFoundError,
    load_fashion_mnist,
    read_idx,
)

HAVE_REAL_DATA = datasets.find_fashion_mnist() is not None
needs_real_data = pytest.mark.skipif(
    not HAVE_REAL_DATA,
    reason="Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)",
)


# ---------------------------------------------------------------- real data


@needs_real_data
def test_real_test_split_shapes_and_first_label():
    images, labels = load_fashion_mnist("test")
    assert images.shape == (10000, 28, 28)
    assert images.dtype == np.uint8
    assert labels.shape == (10000,)
    assert np.issubdtype(labels.dtype, np.integer)
    # The first official test image is an ankle boot.
    assert labels[0] == 9
    assert FASHION_MNIST_CLASSES[labels[0]] == "Ankle boot"
    assert np.bincount(labels).tolist() == [1000] * 10


@needs_real_data
def test_real_train_split_is_balanced():
    images, labels = load_fashion_mnist("train")
    assert images.shape == (60000, 28, 28)
    assert np.bincount(labels).tolist() == [6000] * 10
    assert images.max() == 255 and images.min() == 0


def test_class_names():
    assert len(FASHION_MNIST_CLASSES) == 10
    assert FASHION_MNIST_CLASSES[5] == "Sandal"
    assert FASHION_MNIST_CLASSES[0] == "T-shirt/top"


def test_unknown_split_lists_valid_ones():
    with pytest.raises(ValueError, match=r"'validation'.*\['train', 'test'\]"):
        load_fashion_mnist("validation")


# ---------------------------------------------------------------- small IDX files


def _idx_bytes(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 0x08, array.ndim])
    header += b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def _small_dataset(folder: Path, n_train=12, n_test=6, seed=0):
    """Write four small gzip'd IDX files; return the specs that describe them."""
    rng = np.random.default_rng(seed)
    arrays = {
        ("train", "images"): rng.integers(0, 256, (n_train, 28, 28)),
        ("train", "labels"): np.arange(n_train) % 10,
        ("test", "images"): rng.integers(0, 256, (n_test, 28, 28)),
        ("test", "labels"): (np.arange(n_test) + 3) % 10,
    }
    specs = {}
    folder.mkdir(parents=True, exist_ok=True)
    for key, arr in arrays.items():
        original = _fashion._FASHION_FILES[key]
        raw = _idx_bytes(arr)
        (folder / original.name).write_bytes(gzip.compress(raw))
        specs[key] = _fashion._IdxFile(
            original.name, hashlib.sha256(raw).hexdigest(), len(raw), arr.shape
        )
    return specs, arrays


@pytest.fixture
def isolated(monkeypatch, tmp_path):
    """No real data anywhere the loader looks; everything points into tmp_path."""
    monkeypatch.delenv("EVALVIZ_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    # The loader lives in evalviz._fashion (datasets re-exports it): patch it there.
    monkeypatch.setattr(_fashion, "REPO_DATA_DIR", tmp_path / "repo-data")
    monkeypatch.setattr(_fashion, "DEBIAN_FASHION_MNIST_DIR", tmp_path / "debian")
    monkeypatch.setattr(_fashion, "FASHION_MNIST_URL", "http://127.0.0.1:9/")
    return tmp_path


def test_read_idx_rejects_bad_magic(tmp_path):
    path = tmp_path / "x.idx"
    path.write_bytes(b"\x00\x00\x0d\x01" + (3).to_bytes(4, "big") + b"abc")
    with pytest.raises(ChecksumError, match="magic number"):
        read_idx(path)


def test_read_idx_rejects_wrong_dimensions(tmp_path):
    path = tmp_path / "x.idx"
    arr = np.zeros((4, 28, 28), dtype=np.uint8)
    path.write_bytes(_idx_bytes(arr)[:-10])
    with pytest.raises(ChecksumError, match="announces dimensions"):
        read_idx(path)


def test_read_idx_round_trip(tmp_path):
    arr = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    path = tmp_path / "x.idx.gz"
    path.write_bytes(gzip.compress(_idx_bytes(arr)))
    np.testing.assert_array_equal(read_idx(path), arr)


def test_search_order_data_home_then_env(isolated, monkeypatch):
    specs, arrays = _small_dataset(isolated / "home", n_train=12)
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    _small_dataset(isolated / "env", n_train=12, seed=1)
    monkeypatch.setenv("EVALVIZ_DATA", str(isolated / "env"))
    images, labels = load_fashion_mnist("train", data_home=isolated / "home")
    np.testing.assert_array_equal(images, arrays[("train", "images")])
    assert datasets.find_fashion_mnist()[0] == "EVALVIZ_DATA"


def test_search_order_env_before_debian(isolated, monkeypatch):
    specs, _ = _small_dataset(isolated / "debian")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    assert datasets.find_fashion_mnist()[0] == "Debian package dataset-fashion-mnist"
    _small_dataset(isolated / "repo-data")
    assert datasets.find_fashion_mnist()[0] == "repository data/ folder"
    _small_dataset(isolated / "envdir")
    monkeypatch.setenv("EVALVIZ_DATA", str(isolated / "envdir"))
    assert datasets.find_fashion_mnist()[0] == "EVALVIZ_DATA"


def test_altered_file_is_named_in_error(isolated, monkeypatch):
    specs, _ = _small_dataset(isolated / "home")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    target = isolated / "home" / specs[("test", "labels")].name
    raw = bytearray(gzip.decompress(target.read_bytes()))
    raw[-1] ^= 0xFF
    target.write_bytes(gzip.compress(bytes(raw)))
    with pytest.raises(ChecksumError) as info:
        load_fashion_mnist("test", data_home=isolated / "home")
    text = str(info.value)
    assert f"t10k-labels-idx1-ubyte.gz in {isolated / 'home'}" in text
    assert "drop the data_home argument" in text
    assert "evalviz download" not in text  # it would not fix a file in data_home


# ---------------------------------------------------------------- data_home


def test_data_home_that_does_not_exist_is_an_error(isolated, monkeypatch):
    # Another valid copy exists: it must not be loaded silently instead.
    specs, _ = _small_dataset(isolated / "debian")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    missing = isolated / "nonexistent"
    with pytest.raises(DataNotFoundError, match=r"nonexistent.*not an existing folder"):
        load_fashion_mnist("test", data_home=missing)


def test_data_home_missing_one_file_names_folder_and_file(isolated, monkeypatch):
    specs, _ = _small_dataset(isolated / "debian")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    _small_dataset(isolated / "home")
    (isolated / "home" / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataNotFoundError) as info:
        load_fashion_mnist("test", data_home=isolated / "home")
    text = str(info.value)
    assert str(isolated / "home") in text
    assert "missing: t10k-labels-idx1-ubyte.gz" in text
    assert "train-images" not in text


def test_data_home_expands_tilde(isolated, monkeypatch):
    monkeypatch.setenv("HOME", str(isolated / "me"))
    specs, arrays = _small_dataset(isolated / "me" / "x")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    images, _ = load_fashion_mnist("test", data_home="~/x")
    np.testing.assert_array_equal(images, arrays[("test", "images")])
    assert datasets.find_fashion_mnist("~/x") == (
        "data_home argument",
        isolated / "me" / "x",
    )


def test_data_home_of_wrong_type_is_a_type_error(isolated):
    with pytest.raises(TypeError, match=r"data_home.*got int 123"):
        load_fashion_mnist("test", data_home=123)


# ---------------------------------------------------------------- damaged gzip files


def _flip_inside_gzip(path: Path) -> None:
    """Flip bytes in the middle of the compressed stream (not the header)."""
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2
    for i in range(middle, middle + 8):
        raw[i] ^= 0xFF
    path.write_bytes(bytes(raw))


@pytest.mark.skipif(
    not (_fashion.DEBIAN_FASHION_MNIST_DIR / "t10k-labels-idx1-ubyte.gz").is_file(),
    reason="Debian's dataset-fashion-mnist is not installed",
)
@pytest.mark.parametrize("source", ["data_home", "env", "cache", "debian"])
def test_flipped_gzip_bytes_give_checksum_error_with_the_fix_for_that_folder(
    isolated, monkeypatch, source
):
    real = Path("/usr/share/datasets/fashion-mnist")
    folder = {
        "data_home": isolated / "home",
        "env": isolated / "env",
        "cache": isolated / "xdg" / "evalviz",
        "debian": isolated / "debian",
    }[source]
    folder.mkdir(parents=True)
    for spec in _fashion._FASHION_FILES.values():
        if spec.name.startswith("t10k-labels"):
            shutil.copyfile(real / spec.name, folder / spec.name)
        else:  # only the name matters for the search; the test split is read
            (folder / spec.name).symlink_to(real / spec.name)
    bad = folder / "t10k-labels-idx1-ubyte.gz"
    _flip_inside_gzip(bad)
    kwargs = {}
    if source == "data_home":
        kwargs["data_home"] = folder
    if source == "env":
        monkeypatch.setenv("EVALVIZ_DATA", str(folder))
    with pytest.raises(ChecksumError) as info:
        load_fashion_mnist("test", download=False, **kwargs)
    text = str(info.value)
    assert f"t10k-labels-idx1-ubyte.gz in {folder}" in text
    fix = {
        "data_home": "drop the data_home argument",
        "env": "unset EVALVIZ_DATA",
        "cache": "Run `evalviz download`: it replaces the damaged file",
        "debian": "apt-get install --reinstall dataset-fashion-mnist",
    }[source]
    assert fix in text
    assert ".part" not in text


def test_truncated_gzip_is_a_checksum_error(tmp_path):
    arr = np.arange(200, dtype=np.uint8)
    path = tmp_path / "x.gz"
    path.write_bytes(gzip.compress(_idx_bytes(arr))[:-20])
    with pytest.raises(ChecksumError, match=r"x.gz in .*cannot be decompressed"):
        read_idx(path)


def test_decompression_is_bounded_by_the_expected_size(isolated, monkeypatch):
    specs, _ = _small_dataset(isolated / "home")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    bomb = isolated / "home" / specs[("test", "labels")].name
    chunk = bytes(1 << 20)
    with gzip.open(bomb, "wb") as fh:  # 64 MB of zeros in about 64 kB
        for _ in range(64):
            fh.write(chunk)
    del chunk
    assert bomb.stat().st_size < 1 << 20
    tracemalloc.start()
    try:
        with pytest.raises(ChecksumError, match="more than the 14 bytes"):
            load_fashion_mnist("test", data_home=isolated / "home")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, peak


def test_download_target_replaces_a_file_with_flipped_gzip_bytes(isolated, monkeypatch):
    specs, arrays = _small_dataset(isolated / "served")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    target = isolated / "usb"
    _small_dataset(target)
    bad = target / specs[("test", "images")].name
    # Bytes flipped at the start of a compressible stream: a raw zlib.error before.
    damaged = bytearray(gzip.compress(bytes(range(256)) * 400))
    for i in range(10, 18):
        damaged[i] ^= 0xFF
    bad.write_bytes(bytes(damaged))
    with pytest.raises(ChecksumError, match="cannot be decompressed"):
        read_idx(bad, expected=specs[("test", "images")])
    with _Server(isolated / "served") as server:
        datasets.download_fashion_mnist(target, base_url=server.url, progress=False)
    np.testing.assert_array_equal(
        read_idx(bad, expected=specs[("test", "images")]), arrays[("test", "images")]
    )


def test_offline_and_missing_names_three_ways(isolated):
    with pytest.raises(DataNotFoundError) as info:
        load_fashion_mnist("test")
    text = str(info.value)
    assert "apt-get install dataset-fashion-mnist" in text
    assert "evalviz download" in text
    assert "EVALVIZ_DATA" in text


def test_download_false_does_not_touch_network(isolated):
    with pytest.raises(DataNotFoundError, match="download=False"):
        load_fashion_mnist("test", download=False)


# ---------------------------------------------------------------- download path


class _Server:
    """A local http.server on 127.0.0.1 serving a folder, optionally truncating."""

    def __init__(self, folder: Path, truncate: str | None = None):
        folder = Path(folder)

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(folder), **kwargs)

            def log_message(self, *args):
                pass

            def do_GET(self):
                name = self.path.lstrip("/")
                if truncate and name == truncate:
                    body = (folder / name).read_bytes()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                super().do_GET()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_download_from_local_server_then_load(isolated, monkeypatch):
    specs, arrays = _small_dataset(isolated / "served")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    with _Server(isolated / "served") as server:
        monkeypatch.setattr(_fashion, "FASHION_MNIST_URL", server.url)
        images, labels = load_fashion_mnist("test")
    np.testing.assert_array_equal(images, arrays[("test", "images")])
    np.testing.assert_array_equal(labels, arrays[("test", "labels")])
    cache = datasets.user_cache_dir()
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        s.name for s in specs.values()
    )
    # Second load finds the cache, no server needed.
    assert datasets.find_fashion_mnist()[0] == "user cache"


def test_interrupted_download_leaves_nothing(isolated, monkeypatch):
    specs, _ = _small_dataset(isolated / "served")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    broken = specs[("train", "images")].name
    with _Server(isolated / "served", truncate=broken) as server:
        with pytest.raises((ChecksumError, OSError)):
            datasets.download_fashion_mnist(base_url=server.url, progress=False)
    cache = datasets.user_cache_dir()
    leftovers = [p.name for p in cache.iterdir()] if cache.exists() else []
    assert broken not in leftovers
    assert not [n for n in leftovers if n.endswith(".part")]


def test_corrupted_download_is_rejected_and_not_cached(isolated, monkeypatch):
    specs, _ = _small_dataset(isolated / "served")
    # The server holds altered labels: the published checksum no longer matches.
    good = dict(specs)
    name = specs[("test", "labels")].name
    path = isolated / "served" / name
    raw = bytearray(gzip.decompress(path.read_bytes()))
    raw[-1] = (raw[-1] + 1) % 10
    path.write_bytes(gzip.compress(bytes(raw)))
    monkeypatch.setattr(_fashion, "_FASHION_FILES", good)
    with _Server(isolated / "served") as server:
        with pytest.raises(ChecksumError, match="t10k-labels") as info:
            datasets.download_fashion_mnist(base_url=server.url, progress=False)
    assert server.url + name in str(info.value)
    assert ".part" not in str(info.value)  # the temporary file is already gone
    cache = datasets.user_cache_dir()
    assert not (cache / name).exists()
    assert not [p for p in cache.iterdir() if p.name.endswith(".part")]


def test_download_keeps_valid_files_and_replaces_bad_ones(isolated, monkeypatch):
    specs, _ = _small_dataset(isolated / "served")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    cache = datasets.user_cache_dir()
    _small_dataset(cache)  # a full valid copy already in the cache
    bad = cache / specs[("train", "labels")].name
    bad.write_bytes(b"garbage")
    with _Server(isolated / "served") as server:
        datasets.download_fashion_mnist(base_url=server.url, progress=False)
    assert datasets.find_fashion_mnist()[0] == "user cache"
    labels = read_idx(bad, expected=specs[("train", "labels")])
    assert labels.shape == (12,)


def test_loaders_are_imported_at_the_top_without_cycles():
    """datasets re-exports its private modules directly (no lazy __getattr__),
    and those modules never import datasets or models back."""
    import subprocess
    import sys

    from evalviz import _cifar, _fashion, _outfits

    assert not hasattr(datasets, "__getattr__")
    assert datasets.load_cifar10 is _cifar.load_cifar10
    assert datasets.make_outfits is _outfits.make_outfits
    assert datasets.load_fashion_mnist is _fashion.load_fashion_mnist
    assert not hasattr(datasets, "outfit_gallery")  # a display: evalviz.multilabel
    code = (
        "import sys; import evalviz._cifar, evalviz._outfits, evalviz._fashion; "
        "print(sorted(m for m in ('evalviz.datasets', 'evalviz.models', "
        "'evalviz.metrics', 'matplotlib', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


# ---------------------------------------------------------------- pooch, umask, real files


def test_interrupted_download_is_a_checksum_error_naming_the_address(
    isolated, monkeypatch
):
    specs, _ = _small_dataset(isolated / "served")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    broken = specs[("test", "images")].name
    with _Server(isolated / "served", truncate=broken) as server:
        with pytest.raises(ChecksumError, match="broke off") as info:
            datasets.download_fashion_mnist(base_url=server.url, progress=False)
    assert server.url + broken in str(info.value)
    cache = datasets.user_cache_dir()
    assert broken not in [p.name for p in cache.iterdir()]
    assert not [p for p in cache.iterdir() if p.name.startswith(".")]


def test_downloaded_files_follow_the_umask_and_are_fsynced(isolated, monkeypatch):
    import os
    import stat

    from evalviz import _data_files

    specs, _ = _small_dataset(isolated / "served")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(
        _data_files.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1]
    )
    old = os.umask(0o022)
    try:
        with _Server(isolated / "served") as server:
            folder = datasets.download_fashion_mnist(
                isolated / "usb", base_url=server.url, progress=False
            )
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
    assert modes == {0o644}  # readable by the other accounts of a classroom
    assert len(synced) >= 4  # each file before its rename (and the folder)


def test_download_shows_a_progress_bar_per_file(isolated, monkeypatch, capsys):
    specs, _ = _small_dataset(isolated / "served")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    with _Server(isolated / "served") as server:
        datasets.download_fashion_mnist(base_url=server.url, progress=True)
    err = capsys.readouterr().err
    for spec in specs.values():
        assert f"{spec.name}: 100%" in err
    with _Server(isolated / "served") as server:  # all present: nothing fetched
        datasets.download_fashion_mnist(base_url=server.url, progress=True)
    assert capsys.readouterr().err == ""


def test_the_published_md5s_are_those_of_the_official_files():
    # As listed in github.com/zalandoresearch/fashion-mnist (README, "Get the Data").
    md5 = {spec.name: spec.md5 for spec in _fashion._FASHION_FILES.values()}
    assert md5 == {
        "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
        "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
        "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
        "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
    }


needs_debian = pytest.mark.skipif(
    not (
        Path("/usr/share/datasets/fashion-mnist") / "t10k-labels-idx1-ubyte.gz"
    ).is_file(),
    reason="Debian's dataset-fashion-mnist is not installed",
)
DEBIAN = Path("/usr/share/datasets/fashion-mnist")


@needs_debian
def test_pooch_rejects_gz_bytes_other_than_the_official_ones(isolated, tmp_path):
    """Debian's .gz files hold the right IDX bytes, but are not the published
    archives: served as the "official" download, the MD5 check refuses them."""
    with _Server(DEBIAN) as server:
        with pytest.raises(ChecksumError, match="published MD5") as info:
            datasets.download_fashion_mnist(
                tmp_path / "usb", base_url=server.url, progress=False
            )
    assert server.url + "train-images-idx3-ubyte.gz" in str(info.value)
    assert list((tmp_path / "usb").iterdir()) == []


@needs_debian
def test_a_flipped_gz_in_the_cache_is_replaced_by_a_verified_download(
    isolated, monkeypatch
):
    """Real files: a damaged cached .gz is replaced, and loads the right images."""
    specs = {
        key: _fashion._IdxFile(
            spec.name,
            spec.sha256,
            spec.n_bytes,
            spec.shape,
            # Debian's bytes stand in for the official archive served by the mirror.
            hashlib.md5((DEBIAN / spec.name).read_bytes()).hexdigest(),
        )
        for key, spec in _fashion._FASHION_FILES.items()
    }
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    cache = datasets.user_cache_dir()
    cache.mkdir(parents=True)
    for spec in specs.values():
        shutil.copyfile(DEBIAN / spec.name, cache / spec.name)
    bad = cache / "t10k-labels-idx1-ubyte.gz"
    _flip_inside_gzip(bad)
    with pytest.raises(ChecksumError, match="cannot be decompressed|does not match"):
        load_fashion_mnist("test")
    with _Server(DEBIAN) as server:
        datasets.download_fashion_mnist(base_url=server.url, progress=False)
    assert bad.read_bytes() == (DEBIAN / bad.name).read_bytes()
    images, labels = load_fashion_mnist("test")
    assert labels[0] == 9 and np.bincount(labels).tolist() == [1000] * 10
    assert images.shape == (10000, 28, 28)
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        s.name for s in specs.values()
    )


def test_a_download_target_that_cannot_be_written_is_a_clear_error(isolated):
    blocker = isolated / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DataNotFoundError) as info:
        datasets.download_fashion_mnist(
            blocker / "usb", base_url="http://127.0.0.1:9/", progress=False
        )
    text = str(info.value)
    assert f"into {blocker / 'usb'}" in text
    assert "EVALVIZ_DATA" in text and "--target" in text
    assert blocker.read_text() == "not a folder"


# ---------------------------------------------------------------- where files live


def test_user_cache_is_named_by_platformdirs(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    expected = platformdirs.user_cache_path("evalviz", appauthor=False, opinion=False)
    assert datasets.user_cache_dir() == expected
    if sys.platform.startswith("linux"):
        assert expected == tmp_path / "xdg" / "evalviz"


def test_repository_data_folder_only_in_a_source_checkout(tmp_path):
    from evalviz import _data_files

    site = tmp_path / "site-packages"
    (site / "evalviz").mkdir(parents=True)
    (site / "data").mkdir()  # a stray folder beside an installed package
    assert _data_files._source_checkout_data_dir(site / "evalviz") is None
    (site / "pyproject.toml").write_text('[project]\nname = "other"\n')
    assert _data_files._source_checkout_data_dir(site / "evalviz") is None
    (site / "pyproject.toml").write_text('[project]\nname = "evalviz"\n')
    assert _data_files._source_checkout_data_dir(site / "evalviz") == site / "data"
    # This checkout is one.
    assert datasets.REPO_DATA_DIR == Path(_data_files.__file__).parent.parent / "data"


def test_installed_package_uses_no_repository_folder(isolated, monkeypatch):
    from evalviz import _cache, _cifar

    monkeypatch.setattr(_fashion, "REPO_DATA_DIR", None)
    monkeypatch.setattr(_cache, "REPO_DATA_DIR", None)
    monkeypatch.setattr(_cifar, "REPO_DATA_DIR", None)
    monkeypatch.delenv("EVALVIZ_CACHE", raising=False)
    sources = [source for source, _ in _fashion._candidate_dirs(None)]
    assert sources == ["user cache", "Debian package dataset-fashion-mnist"]
    assert _cache.cache_dir() == datasets.user_cache_dir() / "predictions"
    assert _cifar._search_dirs(None) == [datasets.user_cache_dir()]


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _alter_idx(path: Path) -> None:
    raw = bytearray(gzip.decompress(path.read_bytes()))
    raw[-1] ^= 0x01  # a valid gzip of the wrong bytes
    path.write_bytes(gzip.compress(bytes(raw)))


def _bigger_idx(path: Path) -> None:
    raw = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(raw + bytes(1000)))


GZ_DAMAGE = {
    "truncated": _truncate,
    "empty": lambda p: p.write_bytes(b""),
    "flipped gzip bytes": _flip_inside_gzip,
    "altered IDX bytes": _alter_idx,
    "too long": _bigger_idx,
    "not gzip": lambda p: p.write_bytes(b"<html>error page</html>"),
}


@pytest.mark.parametrize("damage", list(GZ_DAMAGE))
def test_each_damage_of_a_cached_gz_is_named_then_replaced_by_download(
    isolated, monkeypatch, damage
):
    specs, arrays = _small_dataset(isolated / "served")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    cache = datasets.user_cache_dir()
    _small_dataset(cache)
    bad = cache / specs[("test", "images")].name
    GZ_DAMAGE[damage](bad)
    with pytest.raises(ChecksumError) as info:
        load_fashion_mnist("test")
    text = str(info.value)
    assert f"{bad.name} in {cache}" in text
    assert "Run `evalviz download`: it replaces the damaged file" in text
    with _Server(isolated / "served") as server:
        datasets.download_fashion_mnist(base_url=server.url, progress=False)
    images, labels = load_fashion_mnist("test")
    np.testing.assert_array_equal(images, arrays[("test", "images")])
    np.testing.assert_array_equal(labels, arrays[("test", "labels")])
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        s.name for s in specs.values()
    )
