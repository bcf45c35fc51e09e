"""The course from the package: `evalviz course DIR`, `regenerate` on the copy,
README links that work without the repository, and what the wheel carries."""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from evalviz import _course, cli

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "evalviz" / "course"


def _tiny_course(folder: Path, cells: dict[str, list[str]]) -> Path:
    """A course folder with a README and one notebook per entry of ``cells``."""
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.md").write_text("# tiny course\n")
    for name, sources in cells.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        }
        nb.cells = [nbformat.v4.new_code_cell(src) for src in sources]
        nbformat.write(nb, folder / f"{name}.ipynb")
    return folder


# --- what ships ----------------------------------------------------------------


def test_the_course_lives_in_the_package():
    names = [p.name for p in _course.course_files()]
    assert names[0] == "README.md"
    notebooks = names[1:]
    assert len(notebooks) == 12
    assert notebooks[0] == "00_start_here.ipynb"
    assert notebooks[-1] == "11_appendix_auc_simulator.ipynb"
    assert not (ROOT / "notebooks").exists()  # one place only
    assert cli.NOTEBOOK_FOLDER == COURSE  # this is a source checkout


def test_the_learners_readme_names_the_commands_it_relies_on():
    text = (COURSE / "README.md").read_text()
    assert "jupyter lab 00_start_here.ipynb" in text
    assert "evalviz regenerate --course" in text
    assert _course.MANIFEST in text


def _relative_links(markdown: str) -> list[str]:
    """Link and image targets that are not absolute web addresses."""
    targets = re.findall(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)", markdown)
    targets += re.findall(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", markdown, re.M)
    targets += re.findall(r"""(?:href|src)\s*=\s*["']([^"']+)""", markdown)
    return [t for t in targets if not re.match(r"https?://", t)]


def test_link_finder_finds_relative_links():
    sample = (
        "[a](notebooks/00.ipynb) ![b](img/x.png) [ok](https://example.org/x)\n"
        "[ref]: docs/index.md\n<a href='LICENSE'>l</a> <img src=\"a.svg\">\n"
    )
    assert _relative_links(sample) == [
        "notebooks/00.ipynb",
        "img/x.png",
        "docs/index.md",
        "LICENSE",
        "a.svg",
    ]


def test_readme_has_no_link_that_breaks_on_a_package_index_page():
    """PyPI renders README.md without the repository: a relative link there
    points nowhere. The README names the notebooks and `evalviz course` instead."""
    readme = (ROOT / "README.md").read_text()
    assert _relative_links(readme) == []
    assert "evalviz course my-course" in readme
    for path in sorted(COURSE.glob("[0-9][0-9]_*.ipynb")):
        assert f"| `{path.stem}` |" in readme


def test_course_module_examples_run():
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(_course, "_course", globs=dict(vars(_course))):
        runner.run(test)
    summary = runner.summarize(verbose=False)
    assert summary.attempted >= 4 and summary.failed == 0


# --- evalviz course DIR --------------------------------------------------------


def test_course_copies_every_file_byte_for_byte(tmp_path, capsys):
    target = tmp_path / "a" / "my-course"
    assert cli.main(["course", str(target)]) == 0
    out = capsys.readouterr().out
    shipped = _course.course_files()
    for path in shipped:
        assert (target / path.name).read_bytes() == path.read_bytes()
        assert f"copied: {path.name}" in out
    assert sorted(p.name for p in target.iterdir()) == sorted(
        [_course.MANIFEST] + [p.name for p in shipped]
    )
    assert f"jupyter lab {target / '00_start_here.ipynb'}" in out


def test_course_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        _course.copy_course(tmp_path / "c")
    finally:
        os.umask(old)
    modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "c").iterdir()}
    assert set(modes.values()) == {0o640}


def test_course_again_skips_identical_files_and_keeps_changed_ones(tmp_path, capsys):
    target = tmp_path / "c"
    cli.main(["course", str(target)])
    capsys.readouterr()
    mine = target / "03_thresholds.ipynb"
    edited = mine.read_bytes().replace(b'"cells": [', b'"cells": [ ', 1)
    mine.write_bytes(edited)
    (target / "05_accuracy_precision_recall_all_equal.ipynb").unlink()
    (target / "notes.txt").write_text("my notes")

    assert cli.main(["course", str(target)]) == 1
    captured = capsys.readouterr()
    assert mine.read_bytes() == edited  # never overwritten
    assert "03_thresholds.ipynb" in captured.err
    assert "copied: 05_accuracy_precision_recall_all_equal.ipynb" in captured.out
    # every shipped file but the edited and the deleted one
    identical = len(_course.course_files()) - 2
    assert f"already there, identical: {identical} file(s)" in captured.out
    assert (target / "notes.txt").read_text() == "my notes"
    # still kept on the next run: the record never adopts the learner's version
    assert cli.main(["course", str(target)]) == 1
    assert mine.read_bytes() == edited
    assert not list(target.glob(".*.tmp"))


def test_course_updates_files_it_copied_and_the_learner_left_alone(tmp_path):
    v1 = _tiny_course(tmp_path / "v1", {"01_a": ["1"], "02_b": ["2"]})
    v2 = _tiny_course(tmp_path / "v2", {"01_a": ["1 + 1"], "02_b": ["2 + 2"]})
    target = tmp_path / "learner"
    first = _course.copy_course(target, source=v1)
    assert first.copied == ["README.md", "01_a.ipynb", "02_b.ipynb"]
    changed = (target / "02_b.ipynb").read_bytes() + b"\n"
    (target / "02_b.ipynb").write_bytes(changed)

    second = _course.copy_course(target, source=v2)
    assert second.updated == ["01_a.ipynb"]
    assert second.unchanged == ["README.md"]
    assert second.kept == ["02_b.ipynb"]
    assert (target / "01_a.ipynb").read_bytes() == (v2 / "01_a.ipynb").read_bytes()
    assert (target / "02_b.ipynb").read_bytes() == changed
    assert repr(second) == (
        f"CourseCopy({target}: 0 copied, 1 updated, 1 unchanged, 1 kept)"
    )


def test_course_without_a_record_never_overwrites_a_different_file(tmp_path):
    v1 = _tiny_course(tmp_path / "v1", {"01_a": ["1"]})
    target = tmp_path / "learner"
    target.mkdir()
    (target / "01_a.ipynb").write_text("{}")  # not copied by evalviz course
    done = _course.copy_course(target, source=v1)
    assert done.kept == ["01_a.ipynb"]
    assert (target / "01_a.ipynb").read_text() == "{}"


def test_course_into_a_file_is_a_clear_error(tmp_path, capsys):
    target = tmp_path / "file"
    target.write_text("x")
    assert cli.main(["course", str(target)]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and str(target) in err
    assert target.read_text() == "x"


def test_course_help(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["course", "--help"])
    assert info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "usage: evalviz course [-h] DIR" in out
    assert "never overwritten" in out


# --- evalviz regenerate on a learner's copy ------------------------------------


def test_regenerate_finds_the_learners_copy(tmp_path, monkeypatch):
    source = _tiny_course(tmp_path / "src", {"01_a": ["1"], "02_b": ["2"]})
    target = tmp_path / "learner"
    _course.copy_course(target, source=source)
    monkeypatch.setattr(cli, "NOTEBOOK_FOLDER", tmp_path / "elsewhere")
    assert cli._regenerate_folder(str(target)) == target
    monkeypatch.chdir(target)
    assert cli._regenerate_folder(None) == target  # made by `evalviz course`
    monkeypatch.chdir(tmp_path)
    assert cli._regenerate_folder(None) == tmp_path / "elsewhere"
    paths = cli._notebook_paths(["02"], cli._regenerate_folder(str(target)))
    assert paths == [(target / "02_b.ipynb").resolve()]


def test_regenerate_of_an_installed_package_asks_for_a_course_folder(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(cli, "NOTEBOOK_FOLDER", None)  # as in a wheel install
    monkeypatch.chdir(tmp_path)
    assert cli.main(["regenerate"]) == 2
    err = capsys.readouterr().err
    assert "evalviz regenerate --course DIR" in err and "evalviz course DIR" in err
    assert cli.main(["regenerate", "--course", str(tmp_path / "none")]) == 2
    assert "no course notebooks found" in capsys.readouterr().err


def test_regenerate_course_option_rewrites_the_copy(tmp_path, monkeypatch):
    source = _tiny_course(tmp_path / "src", {"01_a": ["print(6 * 7)"]})
    target = tmp_path / "learner"
    _course.copy_course(target, source=source)
    before = (source / "01_a.ipynb").read_bytes()
    monkeypatch.setattr(cli, "NOTEBOOK_FOLDER", None)
    assert cli.main(["regenerate", "--course", str(target), "--timeout", "120"]) == 0

    import nbformat

    nb = nbformat.read(target / "01_a.ipynb", as_version=4)
    assert nb.cells[0].outputs[0].text == "42\n"
    assert (source / "01_a.ipynb").read_bytes() == before
    # regenerated outputs are the learner's now: a new copy keeps them
    assert _course.copy_course(target, source=source).kept == ["01_a.ipynb"]


# --- the wheel -----------------------------------------------------------------


def _source_copy(dest: Path) -> Path:
    ignore = shutil.ignore_patterns(
        ".git", "data", "build", "dist", "*.egg-info", "__pycache__", ".*cache*",
        ".ipynb_checkpoints", ".venv",
    )  # fmt: skip
    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)
    return dest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built the way `python -m build` does: sdist first, wheel from it."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = _source_copy(tmp / "src")
    build = (
        "import sys; from setuptools import build_meta as b; "
        "print(b.build_sdist(sys.argv[1]))"
    )
    sdist_dir = tmp / "sdist"
    result = subprocess.run(
        [sys.executable, "-c", build, str(sdist_dir)],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    sdist = sdist_dir / result.stdout.strip().splitlines()[-1]
    shutil.unpack_archive(sdist, tmp / "unpacked")
    (unpacked,) = (tmp / "unpacked").iterdir()
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-q", "-w", str(tmp / "dist"), str(unpacked)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    (built,) = (tmp / "dist").glob("evalviz-*.whl")
    return built


@pytest.mark.slow
def test_wheel_carries_the_course_predictions_license_and_types(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for path in _course.course_files():
            member = f"evalviz/course/{path.name}"
            assert member in names, member
            assert zf.read(member) == path.read_bytes()
        shipped = ROOT / "evalviz" / "course_predictions"
        for path in shipped.iterdir():
            if path.suffix == ".npz" or path.name in {"SHA256SUMS", "SKLEARN_VERSION"}:
                member = f"evalviz/course_predictions/{path.name}"
                assert zf.read(member) == path.read_bytes()
    assert "evalviz/py.typed" in names
    assert any(
        re.fullmatch(r"evalviz-[^/]+\.dist-info/licenses/LICENSE", n) for n in names
    )
    assert not [n for n in names if n.startswith(("notebooks/", "tests/", "data/"))]


@pytest.mark.slow
def test_course_command_from_the_wheel(wheel, tmp_path):
    """Unpacked on sys.path, outside the repository: `evalviz course` copies the
    wheel's notebooks, and `regenerate` refuses the installed copy."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = dict(cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    where = subprocess.run(
        [sys.executable, "-c", "import evalviz; print(evalviz.__file__)"], **run
    )
    assert where.stdout.strip() == str(site / "evalviz" / "__init__.py")
    result = subprocess.run(
        [sys.executable, "-m", "evalviz.cli", "course", "learner"], **run
    )
    assert result.returncode == 0, result.stderr
    for path in _course.course_files():
        assert (tmp_path / "learner" / path.name).read_bytes() == path.read_bytes()
    result = subprocess.run([sys.executable, "-m", "evalviz.cli", "regenerate"], **run)
    assert result.returncode == 2
    assert "evalviz regenerate --course DIR" in result.stderr
