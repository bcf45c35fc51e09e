"""Binder's environment: environment.yml and postBuild (read by repo2docker)."""

from __future__ import annotations

import json
import os
import re
import shlex
import tomllib
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parent.parent


def _environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_environment_yml_installs_the_course_on_the_oldest_python():
    env = _environment()
    deps = env["dependencies"]
    (python,) = [d for d in deps if isinstance(d, str) and d.startswith("python")]
    floor = _pyproject()["requires-python"].removeprefix(">=")
    assert python == f"python={floor}"
    # the notebooks' stored outputs were made with that Python
    recorded = {
        json.loads(p.read_text())["metadata"]["language_info"]["version"]
        for p in (ROOT / "evalviz" / "course").glob("[0-9][0-9]_*.ipynb")
    }
    assert {v.rsplit(".", 1)[0] for v in recorded} == {floor}
    assert "pip" in deps
    (pip,) = [d["pip"] for d in deps if isinstance(d, dict)]
    (editable,) = [line for line in pip if line.startswith("-e ")]
    target, extras = re.fullmatch(r"-e (\.)\[([^\]]+)\]", editable).groups()
    extras = extras.split(",")
    assert "course" in extras and "app" in extras
    assert set(extras) <= set(_pyproject()["optional-dependencies"])
    # repo2docker copies the repository first when a line refers to a local path
    assert target == "."


def test_postbuild_pins_the_same_install_and_fetches_the_data():
    from pip._internal.commands import create_command

    from evalviz import cli

    post = ROOT / "postBuild"
    assert os.access(post, os.X_OK), "postBuild must be executable"
    lines = [
        line
        for line in post.read_text().splitlines()
        if line.strip() and not line.startswith(("#", "set "))
    ]
    install = shlex.split(lines[0])
    assert install[:4] == ["python", "-m", "pip", "install"]
    options, _ = create_command("install", isolated=True).parse_args(install[4:])
    assert "constraints.txt" in options.constraints  # (a site pip.conf may add more)
    assert (ROOT / "constraints.txt").is_file()
    (pip,) = [d["pip"] for d in _environment()["dependencies"] if isinstance(d, dict)]
    assert options.editables == [pip[0].removeprefix("-e ")]  # the same extras
    download = shlex.split(lines[1].split("||", 1)[0])
    assert download[0] == "evalviz"
    assert cli.build_parser().parse_args(download[1:]).func is cli.cmd_download


def test_constraints_pin_the_app_extra():
    pins = {
        line.split("==")[0]
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line
    }
    for requirement in _pyproject()["optional-dependencies"]["app"]:
        assert re.split(r"[ <>=]", requirement, maxsplit=1)[0] in pins
