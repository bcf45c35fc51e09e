"""CIFAR-10 loader, tested against small archives in the official binary format.

The real archive cannot be downloaded here, so each test writes a few records
per batch in the official layout, serves them from a local HTTP server on
127.0.0.1 and points the loader's URL and checksum at them.
"""

from __future__ import annotations

import hashlib
import http.server
import io
import tarfile
import threading
from pathlib import Path

import numpy as np
import pytest

from evalviz import _cifar
from evalviz._cifar import CIFAR10_CLASSES, load_cifar10
from evalviz.datasets import ChecksumError, DataNotFoundError

PER_BATCH = 7


def _make_split(rng, n):
    images = rng.integers(0, 256, size=(n, 32, 32, 3), dtype=np.uint8)
    labels = rng.integers(0, 10, size=n).astype(np.uint8)
    return images, labels


def _records(images, labels) -> bytes:
    # official layout: label byte, then 1024 R, 1024 G, 1024 B (rows of 32)
    planes = images.transpose(0, 3, 1, 2).reshape(len(images), -1)
    return np.concatenate([labels[:, None], planes], axis=1).tobytes()


def _archive_bytes(batches: dict[str, bytes], extra=None) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        members = dict(batches)
        members["batches.meta.txt"] = "\n".join(CIFAR10_CLASSES).encode() + b"\n"
        members.update(extra or {})
        for name, data in members.items():
            info = tarfile.TarInfo(f"cifar-10-batches-bin/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@pytest.fixture
def fake_cifar(monkeypatch, tmp_path):
    """Official-format archive with PER_BATCH records per batch, and its arrays."""
    rng = np.random.default_rng(0)
    arrays = {}
    batches = {}
    for name in [*_cifar._SPLITS["train"], *_cifar._SPLITS["test"]]:
        x, y = _make_split(rng, PER_BATCH)
        arrays[name] = (x, y)
        batches[name] = _records(x, y)
    archive = _archive_bytes(batches)
    monkeypatch.setattr(_cifar, "_MD5", hashlib.md5(archive).hexdigest())
    monkeypatch.setattr(
        _cifar,
        "_MEMBER_SIZES",
        {k: _cifar._RECORD * PER_BATCH for k in _cifar._MEMBER_SIZES},
    )
    # Keep the search away from the real repo data/ and the user's cache.
    monkeypatch.setattr(_cifar, "_repo_data_dir", lambda: tmp_path / "repo_data")
    monkeypatch.setattr(_cifar, "_user_cache_dir", lambda: tmp_path / "cache")
    monkeypatch.delenv("EVALVIZ_DATA", raising=False)
    monkeypatch.setattr(_cifar, "_VERIFIED", {})
    return archive, arrays


class _Handler(http.server.BaseHTTPRequestHandler):
    payload = b""
    declared = None  # Content-Length to announce (None: the true length)
    hits = 0

    def do_GET(self):  # noqa: N802 - http.server API
        type(self).hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/gzip")
        length = self.declared if self.declared is not None else len(self.payload)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        self.wfile.write(self.payload)
        self.wfile.flush()
        self.close_connection = True

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture
def serve(monkeypatch):
    """Start a server on 127.0.0.1 (ephemeral port); returns set(payload, declared)."""
    handler = type(
        "Handler", (_Handler,), {"payload": b"", "declared": None, "hits": 0}
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/cifar-10-binary.tar.gz"
    monkeypatch.setattr(_cifar, "_URL", url)

    def configure(payload, declared=None):
        handler.payload = payload
        handler.declared = declared
        return handler

    yield configure
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _expected(arrays, split):
    names = _cifar._SPLITS[split]
    x = np.concatenate([arrays[n][0] for n in names])
    y = np.concatenate([arrays[n][1] for n in names]).astype(np.int64)
    return x, y


def test_download_parse_and_cache(fake_cifar, serve, tmp_path):
    archive, arrays = fake_cifar
    handler = serve(archive)
    home = tmp_path / "home"
    images, labels = load_cifar10("train", data_home=home)
    x, y = _expected(arrays, "train")
    assert images.dtype == np.uint8 and images.shape == (5 * PER_BATCH, 32, 32, 3)
    assert labels.dtype == np.int64 and labels.shape == (5 * PER_BATCH,)
    np.testing.assert_array_equal(images, x)
    np.testing.assert_array_equal(labels, y)
    assert (home / "cifar-10-binary.tar.gz").read_bytes() == archive
    assert [p.name for p in home.iterdir()] == ["cifar-10-binary.tar.gz"]
    # Second call: found on disk, no second download.
    images_test, labels_test = load_cifar10("test", data_home=home)
    x, y = _expected(arrays, "test")
    np.testing.assert_array_equal(images_test, x)
    np.testing.assert_array_equal(labels_test, y)
    assert handler.hits == 1


def test_pixel_layout_is_channel_planes():
    # One hand-made record: red plane all 10, green 20, blue 30, pixel (0, 1) red 99.
    record = np.zeros(_cifar._RECORD, dtype=np.uint8)
    record[0] = 3
    record[1 : 1 + 1024] = 10
    record[1 + 1024 : 1 + 2048] = 20
    record[1 + 2048 :] = 30
    record[1 + 1] = 99  # row 0, column 1 of the red plane
    images, labels = _cifar._parse_records(record.tobytes())
    assert labels.tolist() == [3]
    assert images.shape == (1, 32, 32, 3)
    assert images[0, 5, 5].tolist() == [10, 20, 30]
    assert images[0, 0, 1].tolist() == [99, 20, 30]


def test_default_download_goes_to_user_cache(fake_cifar, serve, tmp_path):
    archive, arrays = fake_cifar
    serve(archive)
    images, _ = load_cifar10("test")
    assert (tmp_path / "cache" / "cifar-10-binary.tar.gz").is_file()
    assert images.shape == (PER_BATCH, 32, 32, 3)


def test_search_order_env_then_repo_then_cache(fake_cifar, monkeypatch, tmp_path):
    archive, _ = fake_cifar
    for folder in ("env", "repo_data", "cache"):
        (tmp_path / folder).mkdir()
    (tmp_path / "cache" / "cifar-10-binary.tar.gz").write_bytes(archive)
    assert _cifar._find_or_download(None, False) == (
        tmp_path / "cache" / "cifar-10-binary.tar.gz"
    )
    (tmp_path / "repo_data" / "cifar-10-binary.tar.gz").write_bytes(archive)
    assert _cifar._find_or_download(None, False).parent == tmp_path / "repo_data"
    monkeypatch.setenv("EVALVIZ_DATA", str(tmp_path / "env"))
    (tmp_path / "env" / "cifar-10-binary.tar.gz").write_bytes(archive)
    assert _cifar._find_or_download(None, False).parent == tmp_path / "env"
    home = tmp_path / "home"
    home.mkdir()
    (home / "cifar-10-binary.tar.gz").write_bytes(archive)
    assert _cifar._find_or_download(home, False).parent == home


def test_truncated_download_leaves_nothing(fake_cifar, serve, tmp_path):
    archive, _ = fake_cifar
    serve(archive[: len(archive) // 2], declared=len(archive))
    home = tmp_path / "home"
    with pytest.raises(ChecksumError):
        load_cifar10("train", data_home=home)
    assert not home.exists() or list(home.iterdir()) == []


def test_corrupted_download_leaves_nothing(fake_cifar, serve, tmp_path):
    archive, _ = fake_cifar
    corrupted = bytearray(archive)
    corrupted[len(corrupted) // 2] ^= 0xFF
    serve(bytes(corrupted))
    home = tmp_path / "home"
    with pytest.raises(ChecksumError, match="MD5"):
        load_cifar10("train", data_home=home)
    assert list(home.iterdir()) == []
    assert not (tmp_path / "cache").exists()


def test_corrupted_file_on_disk_is_rejected(fake_cifar, tmp_path):
    archive, _ = fake_cifar
    home = tmp_path / "home"
    home.mkdir()
    (home / "cifar-10-binary.tar.gz").write_bytes(archive[:-10])
    with pytest.raises(ValueError, match="MD5"):
        load_cifar10("test", data_home=home, download=False)


def test_wrong_member_size_is_rejected(fake_cifar, monkeypatch, tmp_path):
    rng = np.random.default_rng(1)
    batches = {}
    for name in [*_cifar._SPLITS["train"], *_cifar._SPLITS["test"]]:
        n = PER_BATCH if name != "test_batch.bin" else PER_BATCH - 1
        batches[name] = _records(*_make_split(rng, n))
    archive = _archive_bytes(batches)
    monkeypatch.setattr(_cifar, "_MD5", hashlib.md5(archive).hexdigest())
    home = tmp_path / "home"
    home.mkdir()
    (home / "cifar-10-binary.tar.gz").write_bytes(archive)
    with pytest.raises(ValueError, match="test_batch.bin"):
        load_cifar10("test", data_home=home)
    # the train members are intact
    images, _ = load_cifar10("train", data_home=home)
    assert len(images) == 5 * PER_BATCH


def test_offline_error_names_three_ways(fake_cifar, monkeypatch, tmp_path):
    # a closed port on 127.0.0.1: the connection is refused at once
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    monkeypatch.setattr(_cifar, "_URL", f"http://127.0.0.1:{port}/x.tar.gz")
    with pytest.raises(DataNotFoundError) as info:
        load_cifar10("train", data_home=tmp_path / "home")
    message = str(info.value)
    assert "1." in message and "2." in message and "3." in message
    assert "EVALVIZ_DATA" in message and "data_home" in message
    assert "cifar-10-binary.tar.gz" in message
    # The address tried, the folder it wanted to fill, the reason: no object repr.
    assert (
        f"Downloading http://127.0.0.1:{port}/x.tar.gz into {tmp_path / 'home'} "
        "failed ([Errno 111] Connection refused)"
    ) in message
    assert "0x" not in message
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").iterdir())


def test_download_false_does_not_fetch(fake_cifar, serve, tmp_path):
    archive, _ = fake_cifar
    handler = serve(archive)
    with pytest.raises(FileNotFoundError, match="download=False"):
        load_cifar10("train", data_home=tmp_path / "home", download=False)
    assert handler.hits == 0


def test_bad_split():
    with pytest.raises(ValueError, match="split"):
        load_cifar10("validation")


def test_official_constants():
    assert _cifar._MD5 == "c32a1d4ab5d03f1284b67883e8d87530"
    assert _cifar._URL == "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
    assert len(_cifar._MEMBER_SIZES) == 6
    assert set(_cifar._MEMBER_SIZES.values()) == {30_730_000}
    assert CIFAR10_CLASSES[3] == "cat" and len(CIFAR10_CLASSES) == 10


def test_no_pickle_in_loader():
    source = Path(_cifar.__file__).read_text()
    assert "import pickle" not in source and "pickle.load" not in source


def test_download_is_readable_by_others_per_umask(fake_cifar, serve, tmp_path):
    import os
    import stat

    archive, _ = fake_cifar
    serve(archive)
    old = os.umask(0o022)
    try:
        load_cifar10("test", data_home=tmp_path / "home")
    finally:
        os.umask(old)
    target = tmp_path / "home" / "cifar-10-binary.tar.gz"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes() == archive


def test_pooch_checks_the_published_md5(fake_cifar, serve, tmp_path, monkeypatch):
    """The hash pooch is given is the archive's MD5 (the one published)."""
    import pooch

    archive, _ = fake_cifar
    serve(archive)
    seen = []
    real = pooch.retrieve

    def spy(url, known_hash=None, **kwargs):
        seen.append(known_hash)
        return real(url, known_hash=known_hash, **kwargs)

    monkeypatch.setattr(pooch, "retrieve", spy)
    load_cifar10("test", data_home=tmp_path / "home")
    assert seen == [f"md5:{hashlib.md5(archive).hexdigest()}"]
