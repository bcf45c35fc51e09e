"""The course's notebooks as shipped in the package, and learners' copies of them.

The numbered notebooks and the learners' README live in ``evalviz/course/``,
the single source of truth: a checkout edits them there, and the wheel and the
sdist carry the same files as package data. ``evalviz course DIR`` copies them
into a folder of the learner's choice and records what it copied in
:data:`MANIFEST`, so that a later copy (after an upgrade, say) can tell a file
the learner changed, which it never overwrites, from one it copied itself and
may update.

Private to the command layer: :mod:`evalviz.cli` imports it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "COURSE_DIR",
    "MANIFEST",
    "CourseCopy",
    "copy_course",
    "course_files",
    "is_learner_copy",
    "place_files",
    "shipped_files",
]

#: The course as shipped: the numbered notebooks and a README for learners.
COURSE_DIR = Path(__file__).resolve().parent / "course"

#: The file in a learner's course folder that lists what ``evalviz course``
#: copied there, with each file's SHA-256.
MANIFEST = ".evalviz-course.json"

_README = "README.md"


def course_files(folder: Path | None = None) -> list[Path]:
    """The files that make up the course: its README and numbered notebooks.

    Parameters
    ----------
    folder : pathlib.Path, optional
        Where to look; default the course shipped in the package.

    Returns
    -------
    list of pathlib.Path
        ``README.md`` (when present) followed by the ``NN_*.ipynb`` notebooks,
        sorted by name.

    Examples
    --------
    >>> from evalviz._course import course_files
    >>> [p.name for p in course_files()][:2]
    ['README.md', '00_start_here.ipynb']
    """
    folder = COURSE_DIR if folder is None else Path(folder)
    notebooks = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())
    readme = [folder / _README] if (folder / _README).is_file() else []
    return readme + notebooks


def is_learner_copy(folder: Path) -> bool:
    """Whether ``folder`` holds a course copied there by ``evalviz course``.

    Parameters
    ----------
    folder : pathlib.Path
        Any folder.

    Returns
    -------
    bool
        True when the folder has the copy's record (:data:`MANIFEST`).

    Examples
    --------
    >>> from pathlib import Path
    >>> from evalviz._course import is_learner_copy
    >>> is_learner_copy(Path("/"))
    False
    """
    return (Path(folder) / MANIFEST).is_file()


@dataclass
class CourseCopy:
    """What ``copy_course`` did, file by file.

    Attributes
    ----------
    target : the learner's course folder (pathlib.Path).
    copied : names of the files that were missing and are now copied.
    updated : names of the files an earlier ``evalviz course`` copied, unchanged
        since, now replaced by this version's.
    unchanged : names of the files already identical to this version's.
    kept : names of the files that differ from this version's and that the
        learner changed (or ``evalviz course`` did not copy): never overwritten.

    Examples
    --------
    >>> from evalviz._course import CourseCopy
    >>> CourseCopy(Path("c"), copied=["README.md"])
    CourseCopy(c: 1 copied, 0 updated, 0 unchanged, 0 kept)
    """

    target: Path
    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return (
            f"CourseCopy({self.target}: {len(self.copied)} copied, "
            f"{len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.kept)} kept)"
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(target: Path, kind: str = "course") -> dict[str, str]:
    """The files recorded in ``target``'s manifest, when it records ``kind``."""
    try:
        record = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
        files = record["files"]
        recorded_kind = record.get("kind", "course")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    if not isinstance(files, dict) or recorded_kind != kind:
        return {}
    return {str(k): str(v) for k, v in files.items()}


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The file gets the user's umask (``open`` with mode ``"xb"``), is fsynced
    and renamed, so an interrupted copy never leaves half a notebook.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def copy_course(target, *, source: Path | None = None) -> CourseCopy:
    """Copy the course into ``target`` without ever overwriting a learner's edits.

    Parameters
    ----------
    target : str or pathlib.Path
        The folder to copy into; created (with its parents) when missing.
        ``~`` is expanded.
    source : pathlib.Path, optional
        The course to copy; default the one shipped in the package.

    Returns
    -------
    CourseCopy
        Which files were copied, updated, left unchanged or kept.

    Raises
    ------
    NotADirectoryError
        When ``target`` exists and is not a folder.
    FileNotFoundError
        When ``source`` holds no course notebooks.

    Notes
    -----
    For each file of the course: a missing file is copied; an identical file
    is left alone; a file that differs is replaced only when its SHA-256 is the
    one recorded by the earlier ``evalviz course`` that copied it (so the
    learner has not changed it); any other differing file is kept as it is and
    listed in ``kept``. Other files in ``target`` are never touched. The record
    (:data:`MANIFEST`) is rewritten last.

    Examples
    --------
    >>> import tempfile
    >>> from evalviz._course import copy_course
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     first = copy_course(Path(tmp) / "course")
    ...     again = copy_course(Path(tmp) / "course")
    >>> len(first.copied) > 1, again.copied, again.kept
    (True, [], [])
    """
    files = {path.name: path.read_bytes() for path in shipped_files(source)}
    return place_files(target, files)


def shipped_files(source: Path | None = None) -> list[Path]:
    """The course's files, checked to hold at least one notebook.

    Parameters
    ----------
    source : pathlib.Path, optional
        The course folder; default the one shipped in the package.

    Returns
    -------
    list of pathlib.Path
        As :func:`course_files`.

    Raises
    ------
    FileNotFoundError
        When ``source`` holds no course notebooks.

    Examples
    --------
    >>> from evalviz._course import shipped_files
    >>> shipped_files()[1].name
    '00_start_here.ipynb'
    """
    source = COURSE_DIR if source is None else Path(source)
    files = course_files(source)
    if not any(p.suffix == ".ipynb" for p in files):
        raise FileNotFoundError(
            f"no course notebooks in {source}: this installation of evalviz is "
            "incomplete; reinstall it (pip install --force-reinstall evalviz)"
        )
    return files


def place_files(target, files: dict[str, bytes], *, kind: str = "course") -> CourseCopy:
    """Write ``files`` into ``target`` without ever overwriting a user's edits.

    Parameters
    ----------
    target : str or pathlib.Path
        The folder to write into; created (with its parents) when missing.
        ``~`` is expanded.
    files : dict of str to bytes
        File name (no folder) to the content it should have.
    kind : str, default "course"
        What the folder holds (``"course"``, ``"student"``, ``"teacher"``),
        written in :data:`MANIFEST`. A file recorded by a command that wrote
        another kind of folder counts as the user's: never replaced.

    Returns
    -------
    CourseCopy
        Which files were copied, updated, left unchanged or kept.

    Raises
    ------
    NotADirectoryError
        When ``target`` exists and is not a folder.

    Notes
    -----
    The rules of :func:`copy_course`: a missing file is written, an identical
    one left alone, a differing one replaced only when its SHA-256 is the one
    recorded by the earlier run that wrote it, any other kept and listed.

    Examples
    --------
    >>> import tempfile
    >>> from evalviz._course import place_files
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     done = place_files(Path(tmp) / "k", {"a.txt": b"a"}, kind="student")
    >>> done.copied
    ['a.txt']
    """
    target = Path(target).expanduser()
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(
            f"target={str(target)!r} is a file, not a folder; give a folder to "
            "copy the course into (it is created if missing)"
        )
    target.mkdir(parents=True, exist_ok=True)
    recorded = _read_manifest(target, kind)
    result = CourseCopy(target)
    record: dict[str, str] = {}
    for name, data in files.items():
        digest = _sha256(data)
        dest = target / name
        if not dest.exists():
            _write_atomically(dest, data)
            result.copied.append(name)
        else:
            current = _sha256(dest.read_bytes()) if dest.is_file() else None
            if current == digest:
                result.unchanged.append(name)
            elif current is not None and recorded.get(name) == current:
                _write_atomically(dest, data)
                result.updated.append(name)
            else:
                result.kept.append(name)
                if name in recorded:
                    record[name] = recorded[name]
                continue
        record[name] = digest
    from . import __version__

    command = "evalviz course" if kind == "course" else "evalviz student"
    manifest = {
        "written_by": f"evalviz {__version__} ({command})",
        "files": record,
    }
    if kind != "course":
        manifest["kind"] = kind
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    _write_atomically(target / MANIFEST, text.encode("utf-8"))
    return result
