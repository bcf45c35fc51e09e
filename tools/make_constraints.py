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
EXTRAS = ("course", "test", "parity", "browser", "app")


def _name(requirement: str) -> str:
    return (
        re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")
    )


def _extras(requirement: str) -> set[str]:
    """The extras a requirement asks for: ``jsonschema[format-nongpl]`` -> that one."""
    found = re.match(r"[^\[;]*\[([^\]]*)\]", requirement)
    return {e.strip() for e in found.group(1).split(",")} if found else set()


def _wanted(requirement: str, extras: set[str]) -> bool:
    """A requirement without an ``extra`` marker, or one for a requested extra."""
    marker = requirement.split(";", 1)[1] if ";" in requirement else ""
    if "extra" not in marker:
        return True
    return any(
        re.search(rf"extra\s*==\s*[\"']{re.escape(e)}[\"']", marker) for e in extras
    )


def _closure() -> dict[str, str]:
    """Every installed distribution evalviz and its extras pull in, with the
    extras each requirement asks for (jupyter-events wants jsonschema's
    ``format-nongpl`` validators, which bring their own packages)."""
    seen: dict[str, str] = {}
    done: set[tuple[str, frozenset]] = set()
    todo = [
        (_name(req), _extras(req))
        for req in md.requires("evalviz") or []
        if _wanted(req, set(EXTRAS))
    ]
    while todo:
        name, extras = todo.pop()
        key = (name, frozenset(extras))
        if key in done:
            continue
        done.add(key)
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue  # a conditional dependency this platform does not need
        seen[name] = dist.version
        for req in dist.requires or []:
            if _wanted(req, extras):
                todo.append((_name(req), _extras(req)))
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
