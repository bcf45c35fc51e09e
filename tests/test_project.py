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
    """The ``bash`` blocks of the README's "Set up" section."""
    text = (ROOT / "README.md").read_text()
    setup = text.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", setup)


def _setup_command(*needles: str) -> str:
    found = [c for c in _readme_commands() if all(n in c for n in needles)]
    assert len(found) == 1, f"one set-up command with {needles}, found {found}"
    return found[0]


def test_readme_setup_opens_the_course_and_runs_the_tests():
    """A venv, then one command that installs the course extra and opens the
    course, one that runs the tests, and the same course command for root."""
    commands = _readme_commands()
    assert commands[0].startswith("python3 -m venv .venv")
    course = commands[1]
    assert "jupyter lab" in course and '".[course]"' in course
    assert "--allow-root" not in course
    root = commands[2]  # right after the course command it replaces
    assert root == _setup_command("--allow-root")
    assert "pytest" in commands[3] and commands[3] == _setup_command("pytest")
    assert "--root-user-action=ignore" in root and '".[course]"' in root


def test_ci_runs_the_readme_test_command():
    test_command = _setup_command("pytest")
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


def _pins(path: Path) -> dict[str, str]:
    return {
        name.strip().lower(): version.strip()
        for name, version in (
            line.split("==", 1)
            for line in path.read_text().splitlines()
            if "==" in line and not line.startswith("#")
        )
    }


def test_constraints_pin_the_output_producing_packages():
    pins = _pins(ROOT / "constraints.txt")
    for dist in ("numpy", "pandas", "matplotlib", "scikit-learn", "nbval", "ipykernel"):
        assert dist in pins, f"{dist} not pinned"
    assert "seaborn" not in pins  # evalviz does not use it


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


def _readme_sections() -> list[tuple[str, str]]:
    """``(title, text)`` of each "## " section of the README."""
    text = (ROOT / "README.md").read_text()
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return list(zip(parts[1::2], parts[2::2], strict=True))


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.+?)\n```", text, re.S)


def test_readme_python_blocks_run_as_written(tmp_path, monkeypatch):
    """Every ``python`` block of the README runs, as a reader pasting it would
    run it. Each "## " section starts from nothing: the blocks before its first
    "### " define its inputs and run in order; each "### " part then runs its
    own blocks in order, starting from those inputs only, so no example relies
    on a name defined in another part. No block may use a deprecated name."""
    import warnings

    import matplotlib
    import matplotlib.pyplot as plt

    matplotlib.use("Agg")
    monkeypatch.chdir(tmp_path)  # where the README's savefig writes
    total = len(_python_blocks((ROOT / "README.md").read_text()))
    ran = 0
    spaces: dict[str, dict] = {}
    for title, text in _readme_sections():
        preamble, *parts = re.split(r"^### .+$", text, flags=re.M)
        inputs: dict = {}
        for i, block in enumerate(_python_blocks(preamble)):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                exec(compile(block, f"README {title}: block {i}", "exec"), inputs)
            plt.close("all")
            _no_deprecated_names(caught, title, i)
            ran += 1
        spaces[title] = inputs
        for j, part in enumerate(parts):
            namespace = dict(inputs)
            for i, block in enumerate(_python_blocks(part)):
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    name = f"README {title}: part {j + 1}, block {i}"
                    exec(compile(block, name, "exec"), namespace)
                plt.close("all")
                _no_deprecated_names(caught, title, i)
                ran += 1
    assert ran == total > 8

    helpers = spaces["Use the helpers in your own notebook"]
    assert helpers["pred"].test_accuracy == pytest.approx(
        float(np.mean(helpers["y_true"] == helpers["y_score"].argmax(axis=1)))
    )
    saved = tmp_path / "roc.png"  # the README's savefig example wrote a PNG
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _no_deprecated_names(caught, title, i):
    old = [
        f"{w.category.__name__}: {w.message}"
        for w in caught
        if issubclass(w.category, DeprecationWarning | FutureWarning)
        and str(w.filename).startswith("README")
    ]
    assert not old, f"README {title}, block {i} uses deprecated names: {old}"


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


# ---------------------------------------------------------------------------
# Every ``bash`` block of the README: each command is checked without being run
# for real (no install, no server): its program exists, its options parse with
# that program's own parser, and the files, extras and markers it names exist.


def _readme_shell_commands() -> list[list[list[str]]]:
    """Each ``bash`` block as a list of commands (``&&`` and lines split them)."""
    import shlex

    text = (ROOT / "README.md").read_text()
    blocks = []
    for block in re.findall(r"```bash\n(.+?)\n```", text, re.S):
        commands = []
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            for part in filter(None, (p.strip() for p in line.split("&&"))):
                commands.append(shlex.split(part))
        blocks.append(commands)
    return blocks


def _extras_exist(spec: str) -> None:
    import tomllib

    extras = re.findall(r"\[([^\]]*)\]", spec)
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    for name in (e.strip() for group in extras for e in group.split(",")):
        assert name in declared, f"extra {name!r} of {spec!r} is not in pyproject.toml"


def _check_pip(argv: list[str]) -> None:
    from pip._internal.commands import create_command

    command = create_command(argv[0], isolated=True)
    options, args = command.parse_args(argv[1:])  # exits (SystemExit) when invalid
    for path in getattr(options, "constraints", []) or []:
        assert (ROOT / path).is_file(), f"pip -c {path}: no such file"
    for spec in [*(getattr(options, "editables", []) or []), *args]:
        if spec.startswith((".", "evalviz")):
            _extras_exist(spec)


def _check_pytest(argv: list[str]) -> None:
    import tomllib

    markers = {
        m.split(":", 1)[0]
        for m in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"][
            "ini_options"
        ]["markers"]
    }
    it = iter(argv)
    for arg in it:
        if arg == "-m":
            words = set(re.findall(r"\w+", next(it))) - {"not", "and", "or"}
            assert words <= markers, f"unknown pytest markers {words - markers}"
        elif not arg.startswith("-"):
            assert (ROOT / arg).exists(), f"pytest {arg}: no such path"


def _jupyter_lab_options() -> str:
    pytest.importorskip("jupyterlab", reason="the course extra is not installed")
    result = _run(sys.executable, "-m", "jupyterlab", "--help-all")
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _check_jupyter(argv: list[str], moved: bool) -> None:
    assert argv[:2] == ["jupyter", "lab"], f"unchecked jupyter command {argv}"
    options = _jupyter_lab_options()
    for arg in argv[2:]:
        if arg.startswith("--"):
            flag = arg.split("=", 1)[0]
            assert re.search(rf"^{re.escape(flag)}\b", options, re.M), (
                f"jupyter lab has no option {flag}"
            )
        elif not moved:
            assert (ROOT / arg).exists(), f"jupyter lab {arg}: no such file"


def _check_voila(argv: list[str], moved: bool) -> None:
    """``voila`` options exist in Voila's ``--help-all``; its notebook exists."""
    pytest.importorskip("voila", reason="the app extra is not installed")
    result = _run(sys.executable, "-m", "voila", "--help-all")
    assert result.returncode == 0, result.stderr[-2000:]
    for arg in argv[1:]:
        if arg.startswith("--"):
            flag = arg.split("=", 1)[0]
            assert re.search(rf"^{re.escape(flag)}\b", result.stdout, re.M), (
                f"voila has no option {flag}"
            )
        elif not moved:
            assert (ROOT / arg).is_file(), f"voila {arg}: no such file"
        else:
            assert (ROOT / "evalviz" / "course" / arg).is_file(), f"voila {arg}"


def _check_evalviz(argv: list[str]) -> None:
    from evalviz import cli

    cli.build_parser().parse_args(argv[1:])  # exits (SystemExit) when invalid
    with pytest.raises(SystemExit) as shown:
        cli.main([argv[1], "--help"])
    assert shown.value.code == 0


def _check_venv(argv: list[str], tmp_path: Path) -> Path:
    """``python3 -m venv DIR`` really runs (without pip, into a temporary folder)."""
    assert argv[1:3] == ["-m", "venv"] and len(argv) == 4, argv
    folder = tmp_path / argv[3]
    result = subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return folder


def test_readme_shell_blocks_are_commands_that_parse(tmp_path, capsys):
    """Every command of every ``bash`` block: ``pip`` options parse with pip's
    own parser and name files and extras that exist; ``python -m pytest``
    names paths and markers that exist; ``jupyter lab`` options exist in
    JupyterLab's ``--help-all``; ``evalviz`` commands parse and have
    ``--help``; ``python3 -m venv`` creates a virtual environment whose
    activation script the next command sources."""
    blocks = _readme_shell_commands()
    assert len(blocks) >= 4
    checked = 0
    for commands in blocks:
        venv = None
        moved = False  # after `cd` or `evalviz course`, paths are the reader's
        for argv in commands:
            program = argv[0]
            if program in ("python", "python3") and argv[1:3] == ["-m", "venv"]:
                venv = _check_venv(argv, tmp_path)
            elif program in (".", "source"):
                assert venv is not None and (tmp_path / argv[1]).is_file(), argv
            elif program == "pip":
                _check_pip(argv[1:])
            elif program in ("python", "python3") and argv[1:3] == ["-m", "pytest"]:
                _check_pytest(argv[3:])
            elif program == "jupyter":
                _check_jupyter(argv, moved)
            elif program == "voila":
                _check_voila(argv, moved)
            elif program == "evalviz":
                _check_evalviz(argv)
                moved = moved or argv[1] == "course"
            elif program == "cd":
                moved = True
            elif program == "export":
                assert all(re.fullmatch(r"[A-Z_]+=\S+", a) for a in argv[1:]), argv
            else:
                pytest.fail(f"README command with no check here: {' '.join(argv)}")
            checked += 1
    capsys.readouterr()
    assert checked >= 8


def test_readme_states_the_versions_the_outputs_were_made_with():
    """The Python and package versions the README names are the pinned ones and
    the notebooks' own recorded Python version; the floors it names are those
    of constraints-floor.txt and pyproject.toml."""
    import json
    import tomllib

    setup = " ".join(dict(_readme_sections())["Set up"].split())
    pins = _pins(ROOT / "constraints.txt")
    for dist in ("numpy", "pandas", "matplotlib", "scikit-learn"):
        assert f"{dist} {pins[dist]}" in setup, f"{dist} {pins[dist]} not in README"
    notebooks = [
        p
        for p in ROOT.rglob("[0-9][0-9]_*.ipynb")
        if not {".ipynb_checkpoints", ".git", "build"} & set(p.parts)
    ]
    assert notebooks, "no course notebooks found"
    pythons = {
        json.loads(p.read_text())["metadata"]["language_info"]["version"]
        for p in notebooks
    }
    assert len(pythons) == 1, f"notebooks ran with several Pythons: {pythons}"
    for version in pythons:
        assert f"Python {version}" in setup
    floors = _pins(ROOT / "constraints-floor.txt")
    declared = {
        re.split(r"[ ;<>=!~\[(]", r, maxsplit=1)[0].lower(): r
        for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
            "dependencies"
        ]
    }
    for dist, requirement in declared.items():
        assert dist in floors, f"{dist} has no floor in constraints-floor.txt"
        floor = requirement.split(">=", 1)[1]
        assert floors[dist].startswith(floor), (dist, floors[dist], requirement)
        if dist in ("numpy", "pandas", "matplotlib", "scikit-learn"):
            assert f"{dist} {floor}" in setup, f"floor {dist} {floor} not in README"


def test_every_dependency_is_imported_by_the_library():
    """No hard dependency the library does not import (the course's tools live
    in the ``course`` extra); ``requires-python`` matches the classifiers and
    ruff's target."""
    import ast
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    import_names = {"scikit-learn": "sklearn"}
    imported = set()
    for path in (ROOT / "evalviz").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    for requirement in meta["project"]["dependencies"]:
        dist = re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0].lower()
        name = import_names.get(dist, dist.replace("-", "_"))
        assert name in imported, f"{dist} is a dependency but evalviz never imports it"
    course = meta["project"]["optional-dependencies"]["course"]
    assert {re.split(r"[ <>=]", r, maxsplit=1)[0] for r in course} >= {"jupyterlab"}

    assert meta["project"]["requires-python"] == ">=3.11"
    minors = sorted(
        int(c.rsplit(".", 1)[1])
        for c in meta["project"]["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    )
    assert minors[0] == 11 and meta["tool"]["ruff"]["target-version"] == "py311"
