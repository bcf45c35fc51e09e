"""Write constraints.txt: the installed versions of everything evalviz pulls in.

Run after changing dependencies, then regenerate the notebooks (`evalviz regenerate`)
in that environment, so the pins and the stored outputs agree:

    python tools/make_constraints.py
"""

from __future__ import annotations

import importlib.metadata as md
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRAS = ("test", "parity", "browser")


def _name(requirement: str) -> str:
    return (
        re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")
    )


def _closure() -> dict[str, str]:
    seen: dict[str, str] = {}
    todo = []
    for req in md.requires("evalviz") or []:
        marker = req.split(";", 1)[1] if ";" in req else ""
        if "extra" not in marker or any(f'"{e}"' in marker for e in EXTRAS):
            todo.append(_name(req))
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue  # a conditional dependency this platform does not need
        seen[name] = dist.version
        for req in dist.requires or []:
            if "extra ==" in req:
                continue
            todo.append(_name(req))
    return seen


def main() -> None:
    pins = _closure()
    lines = [
        "# Versions the stored notebook outputs were produced with (CI installs these).",
        "# Regenerate with: python tools/make_constraints.py",
    ]
    for name in sorted(pins):
        version = pins[name].split("+", 1)[0]  # local tags such as +cpu are not on PyPI
        lines.append(f"{name}=={version}")
    (ROOT / "constraints.txt").write_text("\n".join(lines) + "\n")
    print(f"pinned {len(pins)} packages in constraints.txt")


if __name__ == "__main__":
    main()
