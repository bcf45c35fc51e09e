"""Notebook outputs do not depend on the environment's matplotlib backend.

ipykernel selects the inline backend only when ``MPLBACKEND`` is unset; with
``MPLBACKEND=agg`` (common on servers and in CI) a kernel draws figures that are
never displayed, and strict nbval then misses every figure. Each notebook's
first code cell therefore selects ``%matplotlib inline`` itself. These tests
check that every notebook does, and that this is what makes a notebook's
outputs the same with and without ``MPLBACKEND=agg``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
INLINE = "%matplotlib inline"
NOTEBOOKS = sorted(ROOT.joinpath("evalviz", "course").glob("*.ipynb"))


def _first_code_cell(path):
    nb = nbformat.read(path, as_version=4)
    return next(cell for cell in nb.cells if cell.cell_type == "code")


def test_the_course_has_notebooks():
    assert len(NOTEBOOKS) >= 9, [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_selects_the_inline_backend(path):
    first_line = _first_code_cell(path).source.splitlines()[:1]
    assert first_line == [INLINE], (
        f"{path.name}: the first code cell must start with {INLINE!r} so that "
        f"figures show whatever MPLBACKEND says; it starts with {first_line}"
    )


def _tiny_notebook(first_line: str):
    """Two cells: an import, then a display drawn by an entry point."""
    source = "import evalviz as ev"
    if first_line:
        source = first_line + "\n" + source
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(source),
        nbformat.v4.new_code_cell("ev.roc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).plot()"),
    ]
    return nb


def _env(mplbackend):
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    if mplbackend is not None:
        env["MPLBACKEND"] = mplbackend
    return env


def _execute(nb, tmp_path, monkeypatch):
    """Run ``nb`` the way the stored outputs are made: no MPLBACKEND set."""
    from nbclient import NotebookClient

    monkeypatch.delenv("MPLBACKEND", raising=False)
    monkeypatch.setenv("PYTHONPATH", _env(None)["PYTHONPATH"])
    NotebookClient(
        nb, timeout=120, resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    return nb


def _nbval(path, mplbackend):
    """Strict nbval on one notebook, as the README's test command runs it."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "--nbval",
            "--nbval-current-env",
            f"--nbval-sanitize-with={ROOT / 'tests' / 'sanitize.cfg'}",
            str(path),
        ],
        cwd=path.parent,
        env=_env(mplbackend),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _figure_outputs(nb):
    return [
        out
        for out in nb.cells[1].outputs
        if out.output_type == "display_data" and "image/png" in out.get("data", {})
    ]


@pytest.mark.parametrize("first_line", [INLINE, ""], ids=["inline", "no_magic"])
def test_outputs_do_not_depend_on_mplbackend(first_line, tmp_path, monkeypatch):
    nb = _execute(_tiny_notebook(first_line), tmp_path, monkeypatch)
    # The stored outputs hold the figure once, as a PNG.
    assert len(_figure_outputs(nb)) == 1
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, path)

    result = _nbval(path, "agg")
    if first_line == INLINE:
        assert result.returncode == 0, result.stdout[-3000:]
        assert "2 passed" in result.stdout
    else:
        # Without the magic MPLBACKEND=agg hides the figure: the failure that
        # the first line of every notebook prevents.
        assert result.returncode == 1, result.stdout[-3000:]
        assert "FAILED tiny.ipynb::Cell 1 " in result.stdout
        assert "1 failed, 1 passed" in result.stdout
