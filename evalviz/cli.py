"""The ``evalviz`` command: prepare data, check the set-up, rebuild notebook outputs."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path


def cmd_download(args) -> int:
    """Download and verify Fashion-MNIST (``evalviz download``).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        The exit status: 0 when everything worked.

    Examples
    --------
    >>> from evalviz.cli import main
    >>> main(['download'])  # doctest: +SKIP
    0
    """
    from .datasets import download_fashion_mnist, user_cache_dir

    target = Path(args.target) if args.target else user_cache_dir()
    print(f"Fetching Fashion-MNIST into {target} ...")
    try:
        folder = download_fashion_mnist(
            target, base_url=args.base_url, progress=not args.quiet
        )
    except Exception as exc:  # report, don't trace back, for a classroom user
        print(f"error: {exc}", file=sys.stderr)
        print(
            "If this machine is offline, install Debian's dataset-fashion-mnist "
            "package or copy the four *-ubyte.gz files and set EVALVIZ_DATA.",
            file=sys.stderr,
        )
        return 1
    print(f"OK: all four files verified (SHA-256) in {folder}")
    return 0


def cmd_doctor(args) -> int:
    """Print the set-up report (``evalviz doctor``).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        The exit status: 0 when everything worked.

    Examples
    --------
    >>> from evalviz.cli import main
    >>> main(['doctor'])  # doctest: +SKIP
    0
    """
    from .doctor import check_setup
    from .models import cache_dir

    report = check_setup()
    print(report)
    print(f"predictions are cached in {cache_dir()}")
    return 0 if report.ok else 1


def _notebook_paths(names: list[str]) -> list[Path]:
    folder = Path(__file__).resolve().parent.parent / "notebooks"
    if not names:
        return sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    paths = []
    for name in names:
        path = Path(name)
        if not path.exists():
            matches = sorted(folder.glob(f"{name}*.ipynb"))
            if not matches:
                raise SystemExit(f"error: no notebook matches {name!r} in {folder}")
            path = matches[0]
        paths.append(path)
    return paths


def cmd_regenerate(args) -> int:
    """Execute notebooks in place so their stored outputs are current.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        The exit status: 0 when everything worked.

    Examples
    --------
    >>> from evalviz.cli import main
    >>> main(['regenerate', '06'])  # doctest: +SKIP
    0
    """
    jupyter = shutil.which("jupyter")
    if jupyter is None:
        print(
            "error: jupyter is not installed: pip install jupyterlab", file=sys.stderr
        )
        return 1
    for path in _notebook_paths(args.notebooks):
        print(f"executing {path.name} ...", flush=True)
        result = subprocess.run(
            [
                jupyter,
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--inplace",
                f"--ExecutePreprocessor.timeout={args.timeout}",
                str(path),
            ],
            check=False,
        )
        if result.returncode != 0:
            print(f"error: {path.name} failed", file=sys.stderr)
            return result.returncode
    return 0


def cmd_train(args) -> int:
    """Train (or load) every model the notebooks use, so class never waits.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        The exit status: 0 when everything worked.

    Examples
    --------
    >>> from evalviz.cli import main
    >>> main(['train', 'pair'])  # doctest: +SKIP
    0
    """
    from . import models

    jobs = {
        "baseline": lambda: models.baseline_predictions(),
        "unscaled": lambda: models.baseline_predictions(scale=False),
        "outfits": lambda: models.outfits_predictions(),
        "pair": lambda: models.pair_predictions(),
    }
    unknown = [name for name in args.models if name not in jobs]
    if unknown:
        print(
            f"error: unknown model {unknown[0]!r}; choose from {', '.join(jobs)}",
            file=sys.stderr,
        )
        return 2
    for name in args.models or list(jobs):
        pred = jobs[name]()
        source = "loaded from cache" if pred.from_cache else "trained"
        print(f"{name}: {source} ({pred.path})", flush=True)
    return 0


def _version() -> str:
    # The one source of the version; the installed metadata is built from it.
    from . import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """The ``evalviz`` command line: one sub-command per task.

    Returns
    -------
    argparse.ArgumentParser
        With one sub-parser per command (``download``, ``doctor``,
        ``train``, ``regenerate`` ...), each with ``--help``.

    Examples
    --------
    >>> from evalviz.cli import build_parser
    >>> build_parser().parse_args(["doctor"]).command
    'doctor'
    """
    parser = argparse.ArgumentParser(
        prog="evalviz",
        description="evalviz: a course and helpers for classifier evaluation.",
    )
    parser.add_argument("--version", action="version", version=f"evalviz {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "download",
        help="fetch and verify Fashion-MNIST into the cache (for offline classrooms)",
        description="Download the four Fashion-MNIST files, verify their SHA-256 "
        "checksums, and keep them in the user cache so the course runs offline.",
    )
    p.add_argument("--target", help="folder to put the files in (default: user cache)")
    p.add_argument("--base-url", help="mirror to download from (default: official)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_download)

    p = sub.add_parser(
        "doctor",
        help="show versions, where the data is, and whether a Jupyter kernel exists",
        description="Check this machine for the course: package versions, where "
        "Fashion-MNIST was found, the prediction cache, and Jupyter kernels.",
    )
    p.set_defaults(func=cmd_doctor)

    p = sub.add_parser(
        "train",
        help="train (or load from cache) the models the notebooks use",
        description="Train the course's models once (the baseline MLP, its "
        "raw-pixel twin, the multi-label outfits model and the two-class model) "
        "so every notebook loads cached predictions instantly.",
    )
    p.add_argument(
        "models",
        nargs="*",
        metavar="MODEL",
        help="baseline, unscaled, outfits or pair (default: all)",
    )
    p.set_defaults(func=cmd_train)

    p = sub.add_parser(
        "regenerate",
        help="re-execute notebooks in place so their stored outputs are current",
        description="Run each notebook top to bottom in a fresh kernel and save "
        "its outputs (all numbered notebooks when none is named).",
    )
    p.add_argument("notebooks", nargs="*", help="paths or name prefixes, e.g. 00")
    p.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    p.set_defaults(func=cmd_regenerate)
    return parser


def main(argv=None) -> int:
    """Run the ``evalviz`` command.

    Parameters
    ----------
    argv : list of str, optional
        The arguments; default ``sys.argv[1:]``.

    Returns
    -------
    int
        The exit status.

    Examples
    --------
    >>> from evalviz.cli import main
    >>> main([])  # doctest: +SKIP
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
