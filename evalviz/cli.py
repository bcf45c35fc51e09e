"""The ``evalviz`` command: prepare data, check the set-up, rebuild notebook outputs."""

from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path


def cmd_download(args) -> int:
    """Download and verify Fashion-MNIST (``evalviz download``).

    Without ``--target``, nothing is downloaded when a verified copy is
    already installed (``$EVALVIZ_DATA``, the checkout's ``data/``, the user
    cache or Debian's ``dataset-fashion-mnist``): the command says where it
    is and succeeds. With ``--target``, files already there and valid are
    kept and the others downloaded.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        The exit status: 0 when the four verified files are in place, 1 when
        the download failed or an installed copy is damaged where a download
        would not replace it.

    Examples
    --------
    >>> from evalviz.cli import main
    >>> main(['download'])  # doctest: +SKIP
    0
    """
    from .datasets import (
        ChecksumError,
        download_fashion_mnist,
        find_fashion_mnist,
        user_cache_dir,
    )

    if not args.target:
        try:
            found = find_fashion_mnist(verify=True)
        except ChecksumError as exc:
            source, _ = find_fashion_mnist()
            if source not in _DOWNLOAD_REPLACES:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            print(f"note: {exc}", file=sys.stderr)
            found = None
        if found is not None:
            source, folder = found
            print(
                f"Fashion-MNIST is already installed: all four files verified "
                f"(SHA-256) in {folder} ({source}). Nothing to download."
            )
            return 0
    target = Path(args.target).expanduser() if args.target else user_cache_dir()
    print(f"Fetching Fashion-MNIST into {target} ...", flush=True)
    try:
        folder = download_fashion_mnist(
            target, base_url=args.base_url, progress=not args.quiet
        )
    except (ValueError, OSError) as exc:  # ChecksumError, DataNotFoundError
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"OK: all four files verified (SHA-256) in {folder}")
    return 0


#: Where a damaged copy is fixed by a download into the user cache: the cache
#: itself (the download replaces the file) and Debian's package (searched after
#: the cache, so a fresh copy there is used instead).
_DOWNLOAD_REPLACES = ("user cache", "Debian package dataset-fashion-mnist")


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
    from .models import cache_dir, shipped_predictions

    report = check_setup()
    print(report)
    shipped = shipped_predictions()
    if shipped:
        print(
            f"the course's predictions ship with evalviz ({len(shipped)} verified "
            f"files in {shipped[0].parent}): the notebooks train nothing"
        )
    folder = cache_dir()
    state = "exists" if folder.is_dir() else "not created yet: nothing trained so far"
    print(f"models you train are cached in {folder} ({state})")
    return 0 if report.ok else 1


def _checkout_course() -> Path | None:
    """The package's course folder when evalviz runs from a source checkout."""
    from ._course import COURSE_DIR

    pyproject = COURSE_DIR.parent.parent / "pyproject.toml"
    try:
        ours = 'name = "evalviz"' in pyproject.read_text(encoding="utf-8")
    except OSError:
        ours = False
    return COURSE_DIR if ours else None


#: The course folder ``regenerate`` works on by default: ``evalviz/course/`` of
#: a source checkout; None for an installed package, whose copy is not to be
#: rewritten (``evalviz course DIR`` makes a copy that is). A module attribute
#: so that tests can point it elsewhere.
NOTEBOOK_FOLDER = _checkout_course()

#: Default seconds a single cell may run before ``regenerate`` gives up.
DEFAULT_TIMEOUT = 1800


class _UsageError(Exception):
    """A ``regenerate`` argument that names no single course notebook."""


def _course_notebooks(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def _notebook_paths(names: list[str], folder: Path | None = None) -> list[Path]:
    """The course notebooks that ``names`` designate, all of them when empty.

    Parameters
    ----------
    names : list of str
        Notebook numbers (``03``), names (``03_thresholds``) or file names
        (``03_thresholds.ipynb``), optionally prefixed by the course folder.
    folder : pathlib.Path, optional
        The course folder; default :data:`NOTEBOOK_FOLDER`.

    Returns
    -------
    list of pathlib.Path
        Notebooks inside ``folder``, in the order given, each once.

    Raises
    ------
    _UsageError
        When the folder holds no notebooks, or a name is a path outside the
        folder, a pattern, or matches no notebook or several.

    Examples
    --------
    >>> from evalviz.cli import _notebook_paths
    >>> [p.name for p in _notebook_paths(["03"])]  # doctest: +SKIP
    ['03_thresholds.ipynb']
    """
    folder = _regenerate_folder(None) if folder is None else folder
    folder = Path(folder).resolve()
    available = _course_notebooks(folder) if folder.is_dir() else []
    if not available:
        raise _UsageError(
            f"no course notebooks found in {folder}; give the folder that "
            "`evalviz course DIR` created: evalviz regenerate --course DIR"
        )
    listing = ", ".join(p.stem for p in available)
    paths: list[Path] = []
    for name in names:
        stem = Path(name).name
        parent = Path(name).parent
        inside = parent == Path(".") or (Path.cwd() / parent).resolve() == folder
        if stem.endswith(".ipynb"):
            stem = stem[: -len(".ipynb")]
        if stem.isdigit() and len(stem) == 1:
            stem = f"0{stem}"  # 5 means 05
        matches = []
        if inside and stem and not any(ch in stem for ch in "*?[]"):
            exact = [p for p in available if p.stem == stem]
            matches = exact or [p for p in available if p.stem.startswith(stem)]
        if len(matches) != 1:
            why = "matches several notebooks" if matches else "matches no notebook"
            raise _UsageError(
                f"{name!r} {why}; give a number or name of one of the "
                f"notebooks in {folder}: {listing}"
            )
        if matches[0] not in paths:
            paths.append(matches[0])
    return paths or available


def _regenerate_folder(course: str | None) -> Path:
    """The course folder ``regenerate`` works on.

    ``--course DIR`` when given; else the current folder when ``evalviz
    course`` created it; else the course of a source checkout.
    """
    from ._course import is_learner_copy

    if course is not None:
        return Path(course).expanduser()
    if is_learner_copy(Path.cwd()):
        return Path.cwd()
    if NOTEBOOK_FOLDER is None:
        raise _UsageError(
            "no course folder: run this inside a folder made by `evalviz course "
            "DIR`, or name it: evalviz regenerate --course DIR (the notebooks "
            "installed with the package are not rewritten; `evalviz course DIR` "
            "copies them)"
        )
    return Path(NOTEBOOK_FOLDER)


def _kernel_manager():
    """A kernel manager whose ``python3`` kernel is this very interpreter."""
    from ipykernel.kernelspec import RESOURCES, get_kernel_dict
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import KernelManager

    class _ThisPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            spec = get_kernel_dict()
            # Errors only: the kernel runs on this machine for this command, so
            # its notices (unencrypted local TCP, parent exited) are noise here.
            spec["argv"] = [*spec["argv"], "--log-level=ERROR"]
            return KernelSpec(resource_dir=RESOURCES, **spec)

    return KernelManager(kernel_name="python3", kernel_spec_manager=_ThisPython())


def _execute(path: Path, timeout: int) -> None:
    """Execute ``path`` and replace it atomically; unchanged on any error."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        km=_kernel_manager(),
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        coalesce_streams=True,
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        index = next(
            (
                i
                for i, c in enumerate(nb.cells)
                if any(o.get("output_type") == "error" for o in c.get("outputs", []))
            ),
            None,
        )
        where = f"cell {index}" if index is not None else "a cell"
        raise RuntimeError(f"{path.name}: {where} failed:\n{exc}") from None
    except Exception as exc:  # timeouts, dead kernels
        raise RuntimeError(f"{path.name}: {type(exc).__name__}: {exc}") from None
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.stem}.", suffix=".ipynb.tmp"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            nbformat.write(nb, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_regenerate(args) -> int:
    """Execute course notebooks and overwrite their stored outputs in place.

    The course folder is ``--course DIR``; without it, the current folder
    when ``evalviz course`` created it, else ``evalviz/course/`` of a source
    checkout (:data:`NOTEBOOK_FOLDER`). Only its numbered notebooks are
    accepted, by number or name. Each runs in a fresh kernel of this Python
    interpreter and is replaced atomically once every cell has succeeded.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        The exit status: 0 when everything worked, 1 when a notebook failed,
        2 when an argument names no single course notebook.

    Examples
    --------
    >>> from evalviz.cli import main
    >>> main(['regenerate', '06'])  # doctest: +SKIP
    0
    """
    try:
        folder = _regenerate_folder(getattr(args, "course", None))
        paths = _notebook_paths(getattr(args, "notebooks", []), folder)
    except _UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        import ipykernel  # noqa: F401
        import nbclient  # noqa: F401
        import nbformat  # noqa: F401
    except ImportError as exc:
        print(
            f"error: {exc.name} is missing: pip install nbclient ipykernel",
            file=sys.stderr,
        )
        return 1
    print(f"course folder: {paths[0].parent}", flush=True)
    for path in paths:
        print(f"executing {path.name} ...", flush=True)
        try:
            _execute(path, args.timeout)
        except RuntimeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            print(f"{path.name} was left unchanged.", file=sys.stderr)
            return 1
        print(f"  wrote {path}", flush=True)
    return 0


def cmd_course(args) -> int:
    """Copy the course's notebooks and README into a folder (``evalviz course``).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        The exit status: 0 when every file of the course is in the folder as
        shipped, 1 when files the learner changed were kept (listed), 2 when
        the folder cannot be used.

    Examples
    --------
    >>> from evalviz.cli import main
    >>> main(['course', 'my-course'])  # doctest: +SKIP
    0
    """
    from ._course import copy_course

    try:
        done = copy_course(args.folder)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for verb, names in (("copied", done.copied), ("updated", done.updated)):
        for name in names:
            print(f"{verb}: {name}")
    if done.unchanged:
        print(f"already there, identical: {len(done.unchanged)} file(s)")
    folder = done.target
    if done.kept:
        print(
            f"kept your version of {len(done.kept)} file(s) that differ from this "
            f"evalviz's course (never overwritten): {', '.join(done.kept)}. To get "
            "the shipped version of one, rename or move yours away and run this "
            "command again, or copy the course into a new folder.",
            file=sys.stderr,
        )
    start = folder / "00_start_here.ipynb"
    print(f"The course is in {folder}. Open it with: jupyter lab {start}")
    return 1 if done.kept else 0


def cmd_student(args) -> int:
    """Write student and teacher versions of the course (``evalviz student``).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        The exit status: 0 when both folders hold this evalviz's versions,
        1 when files the user changed were kept (listed), 2 when the folder
        cannot be used or nbformat is missing.

    Examples
    --------
    >>> from evalviz.cli import main
    >>> main(['student', 'my-class'])  # doctest: +SKIP
    0
    """
    try:
        import nbformat  # noqa: F401
    except ImportError:
        print(
            'error: nbformat is missing: pip install "evalviz[course]" '
            "(or pip install nbformat)",
            file=sys.stderr,
        )
        return 2
    from ._student import write_student_kit

    try:
        done = write_student_kit(args.folder)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    kept = []
    for version, copy in done.items():
        for verb, names in (("copied", copy.copied), ("updated", copy.updated)):
            for name in names:
                print(f"{verb}: {version}/{name}")
        if copy.unchanged:
            print(
                f"already there, identical: {len(copy.unchanged)} file(s) in {version}/"
            )
        kept += [f"{version}/{name}" for name in copy.kept]
    if kept:
        print(
            f"kept your version of {len(kept)} file(s) that differ from this "
            f"evalviz's (never overwritten): {', '.join(kept)}. To get the new "
            "version of one, rename or move yours away and run this command "
            "again, or write into a new folder.",
            file=sys.stderr,
        )
    student, teacher = done["student"].target, done["teacher"].target
    print(
        f"Student version (solutions removed, exercises unanswered): {student}\n"
        f"Teacher version (solutions shown): {teacher}"
    )
    return 1 if kept else 0


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
    previous = os.environ.get(_IGNORE_SHIPPED)
    if args.ignore_shipped:
        os.environ[_IGNORE_SHIPPED] = "1"
    try:
        for name in args.models or list(jobs):
            pred = jobs[name]()
            source = "loaded from cache" if pred.from_cache else "trained"
            print(f"{name}: {source} ({pred.path})", flush=True)
    finally:  # main() may run inside a longer-lived process (tests, notebooks)
        if previous is None:
            os.environ.pop(_IGNORE_SHIPPED, None)
        else:
            os.environ[_IGNORE_SHIPPED] = previous
    return 0


#: The environment variable that makes the models ignore the shipped predictions.
_IGNORE_SHIPPED = "EVALVIZ_IGNORE_SHIPPED"


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
        ``train``, ``regenerate``, ``course``, ``student`` ...), each with
        ``--help``.

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
        description="Download the four Fashion-MNIST files (checked against the "
        "published MD5 and our SHA-256 checksums) and keep them in the user cache "
        "so the course runs offline. Nothing is downloaded when a verified copy "
        "is already installed (EVALVIZ_DATA, the user cache, Debian's "
        "dataset-fashion-mnist); --target always fills that folder.",
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
        "so every notebook loads cached predictions instantly. Predictions shipped "
        "with evalviz are loaded instead when they apply. Processes that need the "
        "same model at once train it once: the others wait (a lock file in the "
        "prediction cache) and then load it. The prediction cache is "
        "$EVALVIZ_CACHE, else data/cache/ in a source checkout, else the user "
        "cache folder (`evalviz doctor` prints it). On Linux x86-64 with AVX2 "
        "the command pins OpenBLAS's Haswell kernels (OPENBLAS_CORETYPE) so that "
        "retraining reproduces the shipped predictions bit for bit; a few minutes "
        "per network on a laptop.",
    )
    p.add_argument(
        "models",
        nargs="*",
        metavar="MODEL",
        help="baseline, unscaled (its raw-pixel twin), outfits (multi-label) or "
        "pair (two-class); all when none is named",
    )
    p.add_argument(
        "--ignore-shipped",
        action="store_true",
        help="do not use the predictions shipped with evalviz: load them from the "
        "prediction cache or train them there (to check that training "
        "reproduces the shipped files)",
    )
    p.set_defaults(func=cmd_train)

    p = sub.add_parser(
        "regenerate",
        help="re-execute course notebooks, overwriting their stored outputs in place",
        description="Run course notebooks top to bottom in a fresh kernel of this "
        "Python and OVERWRITE the committed notebooks' outputs in place (all "
        "numbered notebooks of the course folder when none is named). A notebook "
        "is replaced only when every cell succeeded. The course folder is "
        "--course DIR; without it, the current folder if `evalviz course` "
        "created it, else evalviz/course/ of a source checkout.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument(
        "--course",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the course folder, e.g. one made by `evalviz course DIR` "
        "(default: see above)",
    )
    p.add_argument(
        "notebooks",
        nargs="*",
        metavar="NOTEBOOK",
        default=argparse.SUPPRESS,
        help="number or name of a course notebook, e.g. 3, 03, 03_thresholds or "
        "03_thresholds.ipynb; all of them when none is named",
    )
    p.add_argument(
        "--timeout", type=int, default=DEFAULT_TIMEOUT, help="seconds per cell"
    )
    p.set_defaults(func=cmd_regenerate)

    p = sub.add_parser(
        "course",
        help="copy the course's notebooks (and a README) into a folder of your choice",
        description="Copy the course's numbered notebooks and a README for learners "
        "into DIR (created if missing). Files already there are never "
        "overwritten when you changed them: identical files are skipped, files "
        "copied by an earlier `evalviz course` and untouched since are updated "
        "to this version, and any other file that differs is kept and listed "
        "(exit status 1). Other files in DIR are left alone.",
    )
    p.add_argument("folder", metavar="DIR", help="the folder to copy the course into")
    p.set_defaults(func=cmd_course)

    p = sub.add_parser(
        "student",
        help="write a student and a teacher version of the course into a folder",
        description="Write two versions of every course notebook, with the "
        "course's README, into DIR/student/ and DIR/teacher/ (created if "
        "missing), from the cells' tags. Student version: cells tagged "
        "'solution' are removed; cells tagged 'answer' (their output gives an "
        "answer away) and 'exercise' (the form a learner fills in) keep their "
        "code with outputs and execution counts cleared; every other cell is "
        "kept. Teacher version: every cell, solutions shown (not collapsed). "
        "As with `evalviz course`, a file you changed is never overwritten: it "
        "is kept and listed (exit status 1).",
    )
    p.add_argument(
        "folder",
        metavar="DIR",
        help="the folder to write student/ and teacher/ into",
    )
    p.set_defaults(func=cmd_student)
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
    if argv is None and args.func is cmd_train and _pin_blas_kernels():
        # Run again with OpenBLAS's Haswell kernels, chosen when the library
        # loads: retraining then reproduces the shipped predictions bit for bit
        # on any x86-64 processor with AVX2, Intel or AMD.
        env = dict(os.environ, OPENBLAS_CORETYPE="Haswell")
        cmd = [sys.executable, "-m", "evalviz.cli", *sys.argv[1:]]
        return subprocess.run(cmd, env=env, check=False).returncode
    return args.func(args)


def _pin_blas_kernels() -> bool:
    """Whether ``evalviz train`` should re-run itself with pinned BLAS kernels.

    Only on Linux x86-64 processors that have AVX2 (the Haswell kernels need
    it), and never when the user chose ``OPENBLAS_CORETYPE`` already.
    """
    import platform

    if "OPENBLAS_CORETYPE" in os.environ or not sys.platform.startswith("linux"):
        return False
    if platform.machine().lower() not in {"x86_64", "amd64"}:
        return False
    try:
        flags = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return False
    return " avx2" in flags


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
