"""Project-level promises: the README's commands are the ones CI runs."""

from __future__ import annotations

import inspect
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

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
    for path in sorted((ROOT / "evalviz" / "course").glob("[0-9][0-9]_*.ipynb")):
        assert f"| `{path.stem}` |" in readme, f"{path.name} missing from README"


def test_constraints_pin_the_output_producing_packages():
    pins = dict(
        line.split("==", 1)
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    for dist in ("numpy", "pandas", "matplotlib", "scikit-learn", "nbval", "ipykernel"):
        assert dist in {k.lower() for k in pins}, f"{dist} not pinned"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def test_layers_hold():
    """import-linter checks the layers declared in pyproject.toml."""
    exe = shutil.which("lint-imports") or str(
        Path(sys.executable).with_name("lint-imports")
    )
    result = _run(exe)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def _public_files() -> list[str]:
    """Every module of the package except the shared private helpers
    (``_validation``, ``_format``, ``_plotting``: internal, not public API)."""
    shared = {"_format.py", "_plotting.py"}
    return sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "evalviz").rglob("*.py")
        if p.name not in shared and "_validation" not in p.parts
    )


def test_docstrings_follow_numpydoc():
    """numpydoc's own validator, with the checks chosen in pyproject.toml."""
    result = _run(sys.executable, "-m", "numpydoc", "lint", *_public_files())
    findings = [line for line in result.stdout.splitlines() if ": " in line]
    assert result.returncode == 0 and not findings, "\n".join(findings[:40])


def _public_callables():
    import evalviz

    for name in evalviz.__all__:
        obj = getattr(evalviz, name)
        if inspect.ismodule(obj):
            for attr in getattr(obj, "__all__", []):
                value = getattr(obj, attr)
                if inspect.isfunction(value) or inspect.isclass(value):
                    yield f"evalviz.{name}.{attr}", value


def test_public_functions_and_classes_have_examples_and_raises():
    """numpydoc cannot ask for these two: an Examples section on every public
    function and class, and a Raises section wherever the body raises."""
    missing = []
    for qualname, obj in _public_callables():
        doc = inspect.getdoc(obj) or ""
        if "Examples\n--------" not in doc:
            missing.append(f"{qualname}: no Examples")
        if inspect.isfunction(obj):
            try:
                source = inspect.getsource(obj)
            except (OSError, TypeError):
                continue
            if re.search(r"^\s+raise \w", source, re.M) and "Raises\n------" not in doc:
                missing.append(f"{qualname}: raises but documents no Raises")
    assert not missing, "\n".join(missing)


def test_docstring_examples_run():
    """Every Examples section runs as written (doctest, numbers compared)."""
    import doctest

    import matplotlib

    matplotlib.use("Agg")
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    seen = set()
    report: list[str] = []
    for qualname, obj in _public_callables():
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        module = inspect.getmodule(obj)
        globs = dict(vars(module)) if module is not None else {}
        for test in finder.find(obj, qualname, module=module, globs=globs):
            runner.run(test, out=report.append)
    summary = runner.summarize(verbose=False)
    assert summary.failed == 0, "".join(report)[-4000:]
    assert summary.attempted > 0


def test_sizes_come_from_the_one_style_table():
    """No literal font, marker or figure sizes in drawing code; one STYLE dict."""
    from evalviz import _plotting

    literal = re.compile(
        r"\b(fontsize|labelsize|markersize|title_fontsize)=\d|\bfigsize=\(\s*\d"
    )
    found = []
    for path in sorted((ROOT / "evalviz").rglob("*.py")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if literal.search(line) and ">>>" not in line:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
    tables = [
        k for k, v in vars(_plotting).items() if k.isupper() and isinstance(v, dict)
    ]
    assert tables == ["STYLE"]
    assert not [k for k in vars(_plotting) if k.endswith(("_SIZE", "_FIGSIZE"))]


def test_readme_helper_examples_run_as_written(capsys):
    """The "Use the helpers" section defines its inputs at its top; every code
    block of it runs in order, as a reader pasting them would run them."""
    import matplotlib.pyplot as plt

    text = (ROOT / "README.md").read_text()
    section = text.split("## Use the helpers in your own notebook", 1)[1]
    section = section.split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.+?)\n```", section, re.S)
    assert len(blocks) >= 8
    namespace: dict = {}
    for i, block in enumerate(blocks):
        exec(compile(block, f"README helpers block {i}", "exec"), namespace)
        plt.close("all")
    assert namespace["pred"].test_accuracy == pytest.approx(
        float(np.mean(namespace["y_true"] == namespace["y_score"].argmax(axis=1)))
    )


def test_packaging_metadata_has_one_version_and_an_spdx_license():
    """pyproject declares the SPDX licence with its file, ships py.typed, and
    takes the version from ``evalviz.__version__``, a plain string literal that
    setuptools reads without importing the package; no second version is written."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    import ast

    import evalviz
    from evalviz import cli

    text = (ROOT / "pyproject.toml").read_text()
    meta = tomllib.loads(text)
    project = meta["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    assert meta["build-system"]["requires"] == ["setuptools>=77"]

    assert (ROOT / "evalviz" / "py.typed").is_file()
    assert "py.typed" in meta["tool"]["setuptools"]["package-data"]["evalviz"]

    assert "version" not in project
    assert "version" in project["dynamic"]
    dynamic = meta["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "evalviz.__version__"}
    assert not re.search(r"""^\s*version\s*=\s*["']""", text, re.M)

    init = ast.parse((ROOT / "evalviz" / "__init__.py").read_text())
    literals = [
        node.value.value
        for node in init.body
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", None) for t in node.targets] == ["__version__"]
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    ]
    assert literals == [evalviz.__version__]
    assert cli._version() == evalviz.__version__
