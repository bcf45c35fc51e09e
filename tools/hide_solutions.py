"""Collapse every solution cell of the course notebooks (input and output).

JupyterLab shows a cell whose metadata has ``"jupyter": {"source_hidden": true,
"outputs_hidden": true}`` as two thin bars, so a learner sees the exercise
without its answer until they click. Run after adding exercises::

    python tools/hide_solutions.py            # rewrite in place
    python tools/hide_solutions.py --check    # exit 1 if a notebook needs it
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

COURSE = Path(__file__).resolve().parents[1] / "evalviz" / "course"
HIDDEN = {"source_hidden": True, "outputs_hidden": True}


def hide(notebook: dict) -> bool:
    """Collapse the solution cells of ``notebook``; True when anything changed."""
    changed = False
    for cell in notebook["cells"]:
        if "solution" in cell.get("metadata", {}).get("tags", []):
            jupyter = cell["metadata"].setdefault("jupyter", {})
            if any(jupyter.get(k) is not v for k, v in HIDDEN.items()):
                jupyter.update(HIDDEN)
                changed = True
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report")
    args = parser.parse_args(argv)
    stale = []
    for path in sorted(COURSE.glob("[0-9][0-9]_*.ipynb")):
        text = path.read_text(encoding="utf-8")
        notebook = json.loads(text)
        if hide(notebook):
            stale.append(path.name)
            if not args.check:
                out = json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
                path.write_text(out, encoding="utf-8")
    for name in stale:
        print(("needs hiding: " if args.check else "hid solutions in ") + name)
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
