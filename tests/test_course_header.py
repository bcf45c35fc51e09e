"""Colab and Binder badges, and the Colab install line, in every course notebook
(written by tools/course_header.py)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "evalviz" / "course"
NOTEBOOKS = sorted(COURSE.glob("[0-9][0-9]_*.ipynb"))
COLAB = (
    "https://colab.research.google.com/github/evalviz/evalviz/blob/main/evalviz/course/"
)
BINDER = "https://mybinder.org/v2/gh/evalviz/evalviz/main?labpath=evalviz%2Fcourse%2F"
COLAB_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"
BINDER_IMAGE = "https://mybinder.org/badge_logo.svg"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "course_header", ROOT / "tools" / "course_header.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _tool()


def _badges_of(nb, name):
    """The first cell's first line, checked to hold both badges for ``name``."""
    first = nb.cells[0]
    assert first.cell_type == "markdown" and "header" in first.metadata.get(
        "tags", []
    ), f"{name}: the first cell is not a markdown cell tagged 'header'"
    line = first.source.split("\n", 1)[0]
    assert f"[![Open In Colab]({COLAB_IMAGE})]({COLAB}{name})" in line, line
    assert f"[![Binder]({BINDER_IMAGE})]({BINDER}{name})" in line, line
    return line


def _first_code(nb):
    return next(c for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_course_notebook_opens_with_its_badges(path):
    nb = nbformat.read(path, as_version=4)
    _badges_of(nb, path.name)
    lines = _first_code(nb).source.split("\n")
    assert lines[:3] == ["%matplotlib inline", *tool.INSTALL_LINES], (
        f"{path.name}: run python tools/course_header.py"
    )


def test_the_badges_open_the_repository_named_in_pyproject():
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    assert urls["Source"] == urls["Homepage"] == f"https://github.com/{tool.REPOSITORY}"
    assert tool.INSTALL_SPEC == f"git+{urls['Source']}@main"


# --- the tool, on copies ------------------------------------------------------------


def _notebook(*cells):
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    return nb


def _write(tmp_path, name, nb):
    path = tmp_path / name
    nbformat.write(nb, path)
    return path


def _plain_course_notebook(tmp_path, name="03_x.ipynb"):
    title = nbformat.v4.new_markdown_cell("# 03 · A title\n\nSome text.")
    first = nbformat.v4.new_code_cell("%matplotlib inline\nimport evalviz as ev")
    first.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi\n")]
    later = nbformat.v4.new_code_cell("ev.__name__")
    return _write(tmp_path, name, _notebook(title, first, later))


def test_tool_adds_a_header_and_the_install_lines_once(tmp_path):
    path = _plain_course_notebook(tmp_path)
    before = nbformat.read(path, as_version=4)
    assert tool.update(path) is True
    once = path.read_bytes()
    assert tool.update(path) is False  # idempotent: nothing written
    assert path.read_bytes() == once

    nb = nbformat.read(path, as_version=4)
    assert _badges_of(nb, "03_x.ipynb") == nb.cells[0].source  # badges only
    assert nb.cells[0].id == "course-header"
    assert len(nb.cells) == len(before.cells) + 1
    assert nb.cells[2].source == "\n".join(
        ["%matplotlib inline", *tool.INSTALL_LINES, "import evalviz as ev"]
    )
    assert nb.cells[2].outputs == before.cells[1].outputs  # outputs kept
    assert nb.cells[1] == before.cells[0] and nb.cells[3] == before.cells[2]
    nbformat.validate(nb)


def test_tool_only_replaces_the_badge_line_of_an_existing_header(tmp_path):
    old = (
        f"[![Open In Colab]({COLAB_IMAGE})]({COLAB}old_name.ipynb)\n"
        "# 05 · Title\n\nWhat you will be able to do. About 20 minutes."
    )
    header = nbformat.v4.new_markdown_cell(old, metadata={"tags": ["header"]})
    intro = nbformat.v4.new_markdown_cell("# Not the header")
    code = nbformat.v4.new_code_cell("1 + 1")
    path = _write(tmp_path, "05_y.ipynb", _notebook(intro, header, code))
    tool.update(path)
    nb = nbformat.read(path, as_version=4)
    line = _badges_of(nb, "05_y.ipynb")  # moved to the top, new name
    assert "old_name" not in line
    assert nb.cells[0].source == (
        line + "\n# 05 · Title\n\nWhat you will be able to do. About 20 minutes."
    )
    assert nb.cells[0].id == header.id
    assert [c.source for c in nb.cells[1:]] == [
        "# Not the header",
        "\n".join([*tool.INSTALL_LINES, "1 + 1"]),  # no %matplotlib line: on top
    ]

    # a header without badges gets them above its first line
    header2 = nbformat.v4.new_markdown_cell("# 06 · T", metadata={"tags": ["header"]})
    path2 = _write(tmp_path, "06_z.ipynb", _notebook(header2))
    tool.update(path2)
    first = nbformat.read(path2, as_version=4).cells[0].source
    assert first == tool.badge_line("06_z.ipynb") + "\n\n# 06 · T"


def test_tool_refuses_two_headers(tmp_path, capsys):
    cells = [
        nbformat.v4.new_markdown_cell("a", metadata={"tags": ["header"]}),
        nbformat.v4.new_markdown_cell("b", metadata={"tags": ["header"]}),
    ]
    path = _write(tmp_path, "07_w.ipynb", _notebook(*cells))
    before = path.read_bytes()
    assert tool.main([str(path)]) == 2
    assert "2 cells are tagged 'header'" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_check_mode_writes_nothing(tmp_path, capsys):
    path = _plain_course_notebook(tmp_path)
    before = path.read_bytes()
    assert tool.main(["--check", str(path)]) == 1
    assert path.read_bytes() == before
    assert tool.main([str(path)]) == 0
    assert tool.main(["--check", str(path)]) == 0
    assert "up to date" in capsys.readouterr().out


# --- the install lines -------------------------------------------------------------


class _Shell:
    def __init__(self):
        self.calls = []

    def run_line_magic(self, name, line):
        self.calls.append((name, line))


def _run_install_lines(monkeypatch, installed: bool):
    shell = _Shell()
    if not installed:
        real = importlib.util.find_spec
        monkeypatch.setattr(
            importlib.util,
            "find_spec",
            lambda name, *a: None if name == "evalviz" else real(name, *a),
        )
    exec("\n".join(tool.INSTALL_LINES), {"get_ipython": lambda: shell})
    return shell.calls


def test_install_lines_install_evalviz_only_where_it_is_missing(monkeypatch):
    assert _run_install_lines(monkeypatch, installed=True) == []
    assert _run_install_lines(monkeypatch, installed=False) == [
        ("pip", "install -q git+https://github.com/evalviz/evalviz@main")
    ]


# slow: it runs notebook 00 on the full data set, and its stored outputs belong to
# constraints.txt with the course extra (the floor job runs no notebook)
@pytest.mark.slow
def test_a_notebook_with_the_install_lines_passes_strict_nbval(tmp_path):
    """The lines print nothing where evalviz is installed: the stored outputs of
    a course notebook still match, without re-running it."""
    path = tmp_path / "00_start_here.ipynb"
    path.write_bytes((COURSE / path.name).read_bytes())
    tool.update(path)
    assert tool.INSTALL_LINES[1] in _first_code(nbformat.read(path, 4)).source
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o",
         "addopts=", "--nbval", "--nbval-current-env",
         f"--nbval-sanitize-with={ROOT / 'tests' / 'sanitize.cfg'}", str(path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
