"""The evalviz command line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from evalviz import cli, datasets


@pytest.mark.parametrize("command", ["download", "doctor", "train", "regenerate"])
def test_each_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: evalviz {command}" in out


def test_no_command_prints_help(capsys):
    assert cli.main([]) == 0
    assert "download" in capsys.readouterr().out


def test_console_script_runs():
    result = subprocess.run(
        [sys.executable, "-m", "evalviz.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "doctor" in result.stdout


@pytest.mark.skipif(datasets.find_fashion_mnist() is None, reason="no Fashion-MNIST")
def test_doctor_reports_where_the_data_is(capsys):
    cli.main(["doctor"])
    out = capsys.readouterr().out
    assert "Fashion-MNIST   ok" in out
    assert "scikit-learn" in out
    assert "jupyter kernel" in out


def test_download_failure_is_reported_not_raised(tmp_path, capsys):
    code = cli.main(
        [
            "download",
            "--target",
            str(tmp_path),
            "--base-url",
            "http://127.0.0.1:9/",
            "--quiet",
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "error:" in err and "EVALVIZ_DATA" in err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# --- evalviz download: offline when verified data is installed ----------------


@pytest.fixture
def small_fashion(monkeypatch, tmp_path):
    """Small Fashion-MNIST stand-ins; nothing real anywhere the loader looks."""
    from test_datasets import _small_dataset

    from evalviz import _fashion

    monkeypatch.delenv("EVALVIZ_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(_fashion, "REPO_DATA_DIR", tmp_path / "repo-data")
    monkeypatch.setattr(_fashion, "DEBIAN_FASHION_MNIST_DIR", tmp_path / "debian")
    specs, arrays = _small_dataset(tmp_path / "served")
    monkeypatch.setattr(_fashion, "_FASHION_FILES", specs)
    return specs


def _closed_port_url():
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there: a connection is refused at once
    return f"http://127.0.0.1:{port}/"


@pytest.mark.parametrize("where", ["env", "cache", "debian"])
def test_download_stays_offline_when_verified_data_is_installed(
    small_fashion, tmp_path, monkeypatch, capsys, where
):
    from test_datasets import _small_dataset

    folder = {
        "env": tmp_path / "env",
        "cache": datasets.user_cache_dir(),
        "debian": tmp_path / "debian",
    }[where]
    _small_dataset(folder)
    if where == "env":
        monkeypatch.setenv("EVALVIZ_DATA", str(folder))
    before = sorted(p.name for p in folder.iterdir())
    # A closed port: any attempt to go online would fail the command.
    assert cli.main(["download", "--base-url", _closed_port_url(), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert f"verified (SHA-256) in {folder}" in out
    assert "Nothing to download" in out
    assert sorted(p.name for p in folder.iterdir()) == before
    if where != "cache":
        assert not datasets.user_cache_dir().exists()


def test_download_offline_names_address_folder_and_fixes(small_fashion, capsys):
    url = _closed_port_url()
    assert cli.main(["download", "--base-url", url, "--quiet"]) == 1
    err = capsys.readouterr().err
    cache = datasets.user_cache_dir()
    assert f"{url}train-images-idx3-ubyte.gz into {cache}" in err
    assert "Connection refused" in err
    assert "apt-get install dataset-fashion-mnist" in err
    assert "EVALVIZ_DATA" in err
    assert "0x" not in err  # no object addresses from the network library
    assert not cache.exists() or list(cache.iterdir()) == []  # nothing half-written


def test_download_replaces_a_damaged_file_in_the_user_cache(
    small_fashion, tmp_path, capsys
):
    from test_datasets import _flip_inside_gzip, _Server, _small_dataset

    cache = datasets.user_cache_dir()
    _small_dataset(cache)
    bad = cache / small_fashion[("test", "images")].name
    _flip_inside_gzip(bad)
    with _Server(tmp_path / "served") as server:
        assert cli.main(["download", "--base-url", server.url, "--quiet"]) == 0
    captured = capsys.readouterr()
    assert f"{bad.name} in {cache}" in captured.err  # the note on the damage
    assert f"verified (SHA-256) in {cache}" in captured.out
    assert datasets.find_fashion_mnist(verify=True) == ("user cache", cache)
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        s.name for s in small_fashion.values()
    )


def test_download_refuses_to_hide_a_damaged_file_in_evalviz_data(
    small_fashion, tmp_path, monkeypatch, capsys
):
    from test_datasets import _flip_inside_gzip, _small_dataset

    folder = tmp_path / "env"
    _small_dataset(folder)
    _flip_inside_gzip(folder / small_fashion[("train", "labels")].name)
    monkeypatch.setenv("EVALVIZ_DATA", str(folder))
    # A download into the cache would not be used (EVALVIZ_DATA comes first).
    assert cli.main(["download", "--base-url", _closed_port_url(), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"train-labels-idx1-ubyte.gz in {folder}" in err
    assert "unset EVALVIZ_DATA" in err
    assert "Connection refused" not in err  # it did not go online
    assert not datasets.user_cache_dir().exists()


@pytest.mark.skipif(datasets.find_fashion_mnist() is None, reason="no Fashion-MNIST")
def test_download_on_this_machine_finds_the_installed_copy():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "evalviz.cli",
            "download",
            "--base-url",
            "http://127.0.0.1:9/",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    source, folder = datasets.find_fashion_mnist()
    assert f"in {folder} ({source})" in result.stdout


def test_train_ignore_shipped_applies_during_the_command_only(monkeypatch, capsys):
    from types import SimpleNamespace

    from evalviz import _cache, models

    monkeypatch.delenv("EVALVIZ_IGNORE_SHIPPED", raising=False)
    name = sorted(_cache._shipped_sums())[0]
    seen = []

    def fake_pair():
        seen.append(_cache.shipped_file(name))
        return SimpleNamespace(from_cache=False, path="x.npz")

    monkeypatch.setattr(models, "pair_predictions", fake_pair)
    assert cli.main(["train", "pair", "--ignore-shipped"]) == 0
    assert cli.main(["train", "pair"]) == 0
    assert seen[0] is None  # ignored while the command ran
    assert seen[1] == _cache.SHIPPED_DIR / name  # and used again afterwards
    assert "EVALVIZ_IGNORE_SHIPPED" not in os.environ
    assert capsys.readouterr().out == "pair: trained (x.npz)\n" * 2


def test_train_rejects_unknown_model_names(capsys):
    assert cli.main(["train", "bogus"]) == 2
    assert "choose from baseline, unscaled, outfits, pair" in capsys.readouterr().err


# --- evalviz regenerate -------------------------------------------------------


def _tiny_course(folder, cells):
    """Write one course notebook per list of code cells into ``folder``."""
    import nbformat

    folder.mkdir()
    for name, sources in cells.items():
        nb = nbformat.v4.new_notebook()
        nb.nbformat_minor = 5
        nb.metadata["kernelspec"] = {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        }
        nb.cells = [nbformat.v4.new_code_cell(src) for src in sources]
        nbformat.write(nb, folder / f"{name}.ipynb")


def test_regenerate_help_says_it_overwrites_and_shows_timeout(capsys):
    with pytest.raises(SystemExit):
        cli.main(["regenerate", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "OVERWRITE the committed notebooks' outputs in place" in out
    assert f"(default: {cli.DEFAULT_TIMEOUT})" in out


@pytest.mark.parametrize(
    "name, why",
    [
        ("../../x", "matches no notebook"),
        ("../outside", "matches no notebook"),
        ("*", "matches no notebook"),
        ("0", "matches no notebook"),  # 0 means 00, absent here
        ("0_", "matches no notebook"),
        ("nope", "matches no notebook"),
        ("", "matches no notebook"),
    ],
)
def test_regenerate_refuses_anything_but_a_course_notebook(
    name, why, tmp_path, monkeypatch, capsys
):
    course = tmp_path / "course" / "notebooks"
    course.parent.mkdir()
    _tiny_course(course, {"01_a": ["1"], "02_b": ["2"]})
    outside = tmp_path / "course" / "outside.ipynb"
    outside.write_bytes((course / "01_a.ipynb").read_bytes())
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.ipynb")}
    monkeypatch.setattr(cli, "NOTEBOOK_FOLDER", course)
    monkeypatch.chdir(course)

    for arg, reason in ((name, why), (str(outside), "matches no notebook")):
        assert cli.main(["regenerate", arg]) == 2
        err = capsys.readouterr().err
        assert f"error: {arg!r} {reason}" in err
        assert "01_a, 02_b" in err
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.ipynb")} == before


def test_regenerate_accepts_number_name_and_file_name(tmp_path):
    _tiny_course(tmp_path / "nb", {"03_thresholds": ["1"], "13_other": ["2"]})
    for arg in (
        "03",
        "3",
        "03_thresholds",
        "03_thresholds.ipynb",
        str(tmp_path / "nb/03"),
    ):
        paths = cli._notebook_paths([arg], folder=tmp_path / "nb")
        assert [p.name for p in paths] == ["03_thresholds.ipynb"]
    assert len(cli._notebook_paths([], folder=tmp_path / "nb")) == 2


def test_regenerate_without_a_course_folder_is_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "NOTEBOOK_FOLDER", tmp_path / "missing")
    assert cli.main(["regenerate"]) == 2
    assert "no course notebooks found" in capsys.readouterr().err


def test_regenerate_executes_with_this_python_atomically(tmp_path, monkeypatch, capsys):
    course = tmp_path / "notebooks"
    _tiny_course(
        course,
        {
            "01_ok": ["import sys\nprint(sys.executable)\nprint('x')"],
            "02_bad": ["x = 1", "1 / 0"],
        },
    )
    bad = course / "02_bad.ipynb"
    bad_before = bad.read_bytes()
    monkeypatch.setattr(cli, "NOTEBOOK_FOLDER", course)
    monkeypatch.setenv("PATH", str(tmp_path))  # no `jupyter` to find on PATH

    assert cli.main(["regenerate", "--timeout", "120"]) == 1
    err = capsys.readouterr().err
    assert "02_bad.ipynb: cell 1 failed" in err and "ZeroDivisionError" in err
    assert bad.read_bytes() == bad_before
    assert sorted(p.name for p in course.iterdir()) == ["01_ok.ipynb", "02_bad.ipynb"]

    import nbformat

    first = (course / "01_ok.ipynb").read_bytes()
    nb = nbformat.reads(first.decode(), as_version=nbformat.NO_CONVERT)
    assert (nb.nbformat, nb.nbformat_minor) == (4, 5)
    assert nb.cells[0].outputs[0].text == f"{sys.executable}\nx\n"  # one stream
    assert cli.main(["regenerate", "01"]) == 0
    assert (course / "01_ok.ipynb").read_bytes() == first


def test_train_reruns_itself_with_pinned_blas_kernels(monkeypatch):
    """From the command line, ``evalviz train`` re-runs with OPENBLAS_CORETYPE."""
    seen = {}

    def fake_run(cmd, env, check):
        seen.update(cmd=cmd, env=env)
        return subprocess.CompletedProcess(cmd, 7)

    monkeypatch.setattr(cli, "_pin_blas_kernels", lambda: True)
    monkeypatch.setattr(cli.subprocess, "run", fake_run)
    monkeypatch.setattr(sys, "argv", ["evalviz", "train", "pair"])
    assert cli.main() == 7  # the re-run's exit status
    assert seen["env"]["OPENBLAS_CORETYPE"] == "Haswell"
    assert seen["cmd"][1:] == ["-m", "evalviz.cli", "train", "pair"]


def test_pinned_blas_kernels_respect_the_users_choice(monkeypatch):
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Zen")
    assert cli._pin_blas_kernels() is False


def test_doctor_says_the_shipped_predictions_are_used(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EVALVIZ_CACHE", str(tmp_path / "never-made"))
    cli.main(["doctor"])
    out = capsys.readouterr().out
    assert "4 verified files" in out and "the notebooks train nothing" in out
    assert "never-made (not created yet" in out
    monkeypatch.setenv("EVALVIZ_IGNORE_SHIPPED", "1")
    cli.main(["doctor"])
    assert "verified files" not in capsys.readouterr().out
