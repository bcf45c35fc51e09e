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
        ("0", "matches several notebooks"),
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
    for arg in ("03", "03_thresholds", "03_thresholds.ipynb", str(tmp_path / "nb/03")):
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
