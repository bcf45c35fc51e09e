"""Project-level promises: the README's commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    setup = text.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", setup)


def test_readme_has_exactly_two_setup_commands():
    commands = _readme_commands()
    assert len(commands) == 2
    assert "jupyter lab" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    test_command = _readme_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text()
    # CI calls the interpreter explicitly; otherwise the command is the README's.
    normalised = test_command.replace(
        "pip install", "python3 -m pip install -q"
    ).replace("python -m pytest", "python3 -m pytest")
    assert normalised in ci


def test_every_notebook_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text()
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f"(notebooks/{path.name})" in readme, f"{path.name} missing from README"


def test_constraints_pin_the_output_producing_packages():
    pins = dict(
        line.split("==", 1)
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    for dist in ("numpy", "pandas", "matplotlib", "scikit-learn", "nbval", "ipykernel"):
        assert dist in {k.lower() for k in pins}, f"{dist} not pinned"
