"""The evalviz command line."""

from __future__ import annotations

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


def test_train_rejects_unknown_model_names(capsys):
    assert cli.main(["train", "bogus"]) == 2
    assert "choose from baseline, unscaled, outfits, pair" in capsys.readouterr().err
