"""Put the Colab and Binder badges, and the Colab install line, in every course notebook.

For each notebook of evalviz/course/ (or the ones named):

- the first cell is a markdown cell tagged ``header`` whose first line is the
  badges: "Open in Colab" (the notebook on the main branch, opened in Google
  Colab) and "launch binder" (the repository's environment.yml built on
  mybinder.org, JupyterLab opened at that notebook). A header cell that
  exists keeps everything but its first line, which becomes the badge line
  (or is added above it when it is not a badge line); it is moved to the top
  when it is not the first cell. A notebook without one gets a new header
  cell holding the badges only.
- the first code cell, right after its ``%matplotlib inline``, gets two lines
  that install evalviz where it is missing (Colab, where a learner has no
  evalviz) and do nothing, print nothing, where it is installed:

      import importlib.util  # on Colab the next line installs evalviz; elsewhere nothing
      if importlib.util.find_spec("evalviz") is None: get_ipython().run_line_magic(...)

  They install evalviz from the same branch as the notebook the badge opens,
  so every name the notebook uses exists.

Running it again changes nothing (the lines are found and replaced, not
added twice). Stored outputs are kept: the lines print nothing, so strict
nbval still passes without re-running the notebooks.

    python tools/course_header.py            # every course notebook
    python tools/course_header.py --check    # exit 1 if a notebook needs it
    python tools/course_header.py path/to/NN_name.ipynb ...
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote

import nbformat

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "evalviz" / "course"

#: The repository on GitHub (owner/name) and the branch the badges open.
REPOSITORY = "evalviz/evalviz"
BRANCH = "main"
#: Where the notebooks live in the repository.
FOLDER = "evalviz/course"

HEADER_TAG = "header"
HEADER_ID = "course-header"
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"

INLINE = "%matplotlib inline"
#: What Colab installs: evalviz from the branch the badge opens.
INSTALL_SPEC = f"git+https://github.com/{REPOSITORY}@{BRANCH}"
INSTALL_LINES = (
    "import importlib.util  # on Colab the next line installs evalviz; elsewhere nothing",
    'if importlib.util.find_spec("evalviz") is None: get_ipython().run_line_magic('
    f'"pip", "install -q {INSTALL_SPEC}")',
)


def colab_url(name: str) -> str:
    """The address that opens notebook ``name`` (``NN_x.ipynb``) in Colab."""
    return (
        f"https://colab.research.google.com/github/{REPOSITORY}/blob/{BRANCH}/"
        f"{FOLDER}/{name}"
    )


def binder_url(name: str) -> str:
    """The address that builds the repository on mybinder.org, opened at ``name``."""
    path = quote(f"{FOLDER}/{name}", safe="")
    return f"https://mybinder.org/v2/gh/{REPOSITORY}/{BRANCH}?labpath={path}"


def badge_line(name: str) -> str:
    """The header's first line: a Colab and a Binder badge for notebook ``name``."""
    return (
        f"[![Open In Colab]({COLAB_BADGE})]({colab_url(name)}) "
        f"[![Binder]({BINDER_BADGE})]({binder_url(name)})"
    )


def _is_badge_line(line: str) -> bool:
    return COLAB_BADGE in line or BINDER_BADGE in line


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _with_header(nb, name: str) -> None:
    headers = [i for i, c in enumerate(nb.cells) if HEADER_TAG in _tags(c)]
    line = badge_line(name)
    if not headers:
        cell = nbformat.v4.new_markdown_cell(line, metadata={"tags": [HEADER_TAG]})
        cell["id"] = HEADER_ID
        nb.cells.insert(0, cell)
        return
    if len(headers) > 1:
        raise ValueError(
            f"{name}: {len(headers)} cells are tagged {HEADER_TAG!r} (cells "
            f"{headers}); keep the tag on the first cell only"
        )
    cell = nb.cells.pop(headers[0])
    if cell.cell_type != "markdown":
        raise ValueError(
            f"{name}: the cell tagged {HEADER_TAG!r} is a {cell.cell_type} cell; "
            "the header must be a markdown cell"
        )
    first, sep, rest = cell.source.partition("\n")
    if _is_badge_line(first):
        cell.source = line + sep + rest
    else:
        cell.source = line + "\n\n" + cell.source if cell.source else line
    nb.cells.insert(0, cell)


def _with_install(nb, name: str) -> None:
    code = next((c for c in nb.cells if c.cell_type == "code"), None)
    if code is None:
        return  # nothing to run, nothing to install
    lines = [
        line
        for line in code.source.split("\n")
        if not line.startswith(
            ("import importlib.util  # on Colab", INSTALL_LINES[1][:40])
        )
    ]
    at = 1 if lines and lines[0].strip() == INLINE else 0
    lines[at:at] = INSTALL_LINES
    code.source = "\n".join(lines)


def update(path: Path) -> bool:
    """Give notebook ``path`` its header badges and install lines.

    Returns whether the file changed (it is written only then).
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    before = nbformat.writes(nb)
    _with_header(nb, path.name)
    _with_install(nb, path.name)
    after = nbformat.writes(nb)
    if after == before:
        return False
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        nbformat.write(nb, fh)
    return True


def needs_update(path: Path) -> bool:
    """Whether :func:`update` would change notebook ``path`` (nothing written)."""
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    before = nbformat.writes(nb)
    _with_header(nb, Path(path).name)
    _with_install(nb, Path(path).name)
    return nbformat.writes(nb) != before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "notebooks",
        nargs="*",
        type=Path,
        help="notebooks to update (default: every evalviz/course/NN_*.ipynb)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when a notebook lacks its badges or install line",
    )
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(COURSE.glob("[0-9][0-9]_*.ipynb"))
    stale = []
    for path in paths:
        try:
            changed = needs_update(path) if args.check else update(path)
        except (OSError, ValueError) as exc:
            print(f"error: {path}: {exc}", file=sys.stderr)
            return 2
        if changed:
            stale.append(path)
            print(f"{'needs update' if args.check else 'updated'}: {path}")
    if not stale:
        print(f"all {len(paths)} notebook(s) up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
