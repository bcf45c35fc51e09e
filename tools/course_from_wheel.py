"""Run the course from a wheel, outside the repository, and time each notebook.

Builds the wheel (from a temporary copy of this checkout), installs it with its
dependencies into a virtual environment with ``-c constraints.txt``, copies the
course with ``evalviz course`` into a fresh folder and executes every notebook
there, top to bottom, with ``evalviz regenerate --course`` (nbclient, a fresh
kernel of the virtual environment's Python), on an empty prediction cache
(``EVALVIZ_CACHE``). Afterwards the cache must still be empty: the shipped
predictions were used and nothing was trained.

    python tools/course_from_wheel.py --venv /tmp/wheelvenv
    python tools/course_from_wheel.py --venv /tmp/wheelvenv --only 08 --hide-shipped

``--hide-shipped`` moves the installed ``evalviz/course_predictions`` aside for
the run (and back afterwards), which is the cold start of an evalviz without
shipped predictions: the notebooks then train, and the cache fills.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_wheel(out: Path) -> Path:
    """Build the wheel from a copy of the checkout (the checkout stays clean)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        ignore = shutil.ignore_patterns(
            ".git", "data", "build", "dist", "*.egg-info", "__pycache__",
            ".*cache*", ".ipynb_checkpoints", ".venv",
        )  # fmt: skip
        shutil.copytree(ROOT, src, ignore=ignore, symlinks=True)
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
        subprocess.run([*cmd, "--no-build-isolation", str(src)], check=True)
    (wheel,) = sorted(out.glob("evalviz-*.whl"))
    return wheel


def install(venv: Path, wheel: Path) -> Path:
    """Create ``venv`` if needed; install the wheel, its dependencies and nbclient."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [
        str(python),
        "-m",
        "pip",
        "install",
        "-q",
        "-c",
        str(ROOT / "constraints.txt"),
    ]
    subprocess.run([*pip, str(wheel), "nbclient", "ipykernel"], check=True)
    subprocess.run([*pip, "--force-reinstall", "--no-deps", str(wheel)], check=True)
    return python


def main(argv=None) -> int:
    """Build, install, copy the course and time its notebooks; 1 if anything trained."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--venv", type=Path, required=True, help="virtual environment")
    parser.add_argument("--learner", type=Path, help="course folder (default: new)")
    parser.add_argument(
        "--cache", type=Path, help="EVALVIZ_CACHE (default: new, empty)"
    )
    parser.add_argument("--only", nargs="*", default=[], help="notebook numbers")
    parser.add_argument("--hide-shipped", action="store_true")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="evalviz-wheel-"))
    wheel = build_wheel(work / "dist")
    python = install(args.venv, wheel)
    evalviz = args.venv / "bin" / "evalviz"
    learner = args.learner or work / "learner"
    cache = args.cache or work / "emptycache"
    cache.mkdir(parents=True, exist_ok=True)
    if any(cache.iterdir()):
        parser.error(f"--cache {cache} is not empty")
    env = {**os.environ, "EVALVIZ_CACHE": str(cache)}
    env.pop("PYTHONPATH", None)
    run = dict(cwd=work, env=env, text=True, capture_output=True)
    where = subprocess.run(
        [str(python), "-c", "import evalviz; print(evalviz.__file__)"], **run
    ).stdout.strip()
    print(f"wheel: {wheel.name}\nevalviz imported from {where}")
    assert not where.startswith(str(ROOT)), "evalviz must come from the venv"
    package = Path(where).parent
    subprocess.run([str(evalviz), "course", str(learner)], check=True, **run)

    shipped = package / "course_predictions"
    hidden = package / "course_predictions.hidden"
    if args.hide_shipped:
        shipped.rename(hidden)
    timings = []
    try:
        names = args.only or sorted(
            p.name[:2] for p in learner.glob("[0-9][0-9]_*.ipynb")
        )
        for name in names:
            start = time.perf_counter()
            result = subprocess.run(
                [str(evalviz), "regenerate", "--course", str(learner), name], **run
            )
            seconds = time.perf_counter() - start
            trained = sorted(p.name for p in cache.rglob("*.npz"))
            timings.append((name, seconds, result.returncode, trained))
            status = "ok" if result.returncode == 0 else f"FAILED\n{result.stderr}"
            print(f"{name}: {seconds:6.1f} s  {status}  cache: {trained or 'empty'}")
    finally:
        if args.hide_shipped:
            hidden.rename(shipped)
    print(f"learner folder: {learner}\ncache: {cache}")
    failed = [t for t in timings if t[2] != 0]
    trained = bool(timings and timings[-1][3])
    if trained and not args.hide_shipped:
        print("error: something was trained although the predictions ship")
    return 1 if failed or (trained and not args.hide_shipped) else 0


if __name__ == "__main__":
    sys.exit(main())
