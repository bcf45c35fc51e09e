"""Student and teacher versions of the course, made from its cell tags.

``evalviz student DIR`` writes two copies of every course notebook, with the
course's README, into ``DIR/student/`` and ``DIR/teacher/``. The cells' tags
(cell metadata ``"tags"``) say what each version does with a cell:

- ``solution``: a worked answer. Removed from the student version; shown in
  the teacher version (the committed notebooks collapse it in JupyterLab with
  ``"jupyter": {"source_hidden": true, "outputs_hidden": true}``, which the
  teacher version drops).
- ``answer``: a cell whose output gives an answer away. The student version
  keeps its code and clears its outputs.
- ``exercise``: the form a learner fills in. The student version keeps it,
  with its outputs cleared ("not attempted" is for the learner to see run).

Cleared cells also lose their execution count, so that none looks as if it
had run. Every other cell, the ``header`` cell included, is kept as it is.
Both folders follow the rules of ``evalviz course`` (:mod:`evalviz._course`):
a file the user changed is never overwritten.

Private to the command layer: :mod:`evalviz.cli` imports it.
"""

from __future__ import annotations

import copy
from pathlib import Path

from ._course import CourseCopy, place_files, shipped_files

__all__ = [
    "ANSWER",
    "EXERCISE",
    "SOLUTION",
    "student_notebook",
    "teacher_notebook",
    "write_student_kit",
]

#: Tag of a worked answer: removed from the student version.
SOLUTION = "solution"
#: Tag of a cell whose output gives an answer away: outputs cleared.
ANSWER = "answer"
#: Tag of the blank form a learner fills in: outputs cleared.
EXERCISE = "exercise"

#: The two versions, each a sub-folder of the folder given to the command.
VERSIONS = ("student", "teacher")


def _tags(cell) -> set[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return {str(t) for t in tags} if isinstance(tags, list) else set()


def _clear(cell) -> None:
    cell["outputs"] = []
    cell["execution_count"] = None


def student_notebook(nb):
    """The student version of a notebook: solutions out, answers' outputs cleared.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        A notebook (nbformat 4), left unchanged.

    Returns
    -------
    nbformat.NotebookNode
        A copy without the cells tagged ``solution``, and with the outputs and
        execution counts of the code cells tagged ``answer`` or ``exercise``
        cleared. Every other cell is kept as it is.

    Examples
    --------
    >>> import nbformat
    >>> from evalviz._student import student_notebook
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("1 + 1", metadata={"tags": ["solution"]}),
    ...     nbformat.v4.new_code_cell("2 + 2")])
    >>> [c.source for c in student_notebook(nb).cells]
    ['2 + 2']
    """
    out = copy.deepcopy(nb)
    out["cells"] = [c for c in out["cells"] if SOLUTION not in _tags(c)]
    for cell in out["cells"]:
        if cell.get("cell_type") == "code" and _tags(cell) & {ANSWER, EXERCISE}:
            _clear(cell)
    return out


def teacher_notebook(nb):
    """The teacher version of a notebook: everything, solutions shown.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        A notebook (nbformat 4), left unchanged.

    Returns
    -------
    nbformat.NotebookNode
        A copy in which the cells tagged ``solution`` no longer carry
        ``"jupyter": {"source_hidden": true, "outputs_hidden": true}``
        (JupyterLab then shows their code and output); nothing else changes.

    Examples
    --------
    >>> import nbformat
    >>> from evalviz._student import teacher_notebook
    >>> cell = nbformat.v4.new_code_cell("1 + 1", metadata={
    ...     "tags": ["solution"],
    ...     "jupyter": {"source_hidden": True, "outputs_hidden": True}})
    >>> nb = nbformat.v4.new_notebook(cells=[cell])
    >>> dict(teacher_notebook(nb).cells[0].metadata)
    {'tags': ['solution']}
    """
    out = copy.deepcopy(nb)
    for cell in out["cells"]:
        if SOLUTION not in _tags(cell):
            continue
        jupyter = cell.get("metadata", {}).get("jupyter")
        if isinstance(jupyter, dict):
            jupyter.pop("source_hidden", None)
            jupyter.pop("outputs_hidden", None)
            if not jupyter:
                del cell["metadata"]["jupyter"]
    return out


def _versions(source: Path | None) -> dict[str, dict[str, bytes]]:
    """File name to content for each version, made from the course's files."""
    import nbformat

    made: dict[str, dict[str, bytes]] = {name: {} for name in VERSIONS}
    for path in shipped_files(source):
        if path.suffix != ".ipynb":
            for files in made.values():
                files[path.name] = path.read_bytes()
            continue
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as exc:  # nbformat raises several kinds
            raise ValueError(
                f"{path} is not a readable notebook ({type(exc).__name__}: {exc}); "
                "reinstall evalviz (pip install --force-reinstall evalviz)"
            ) from None
        for name, transform in (
            ("student", student_notebook),
            ("teacher", teacher_notebook),
        ):
            text = nbformat.writes(transform(nb))
            text += "" if text.endswith("\n") else "\n"
            made[name][path.name] = text.encode("utf-8")
    return made


def write_student_kit(target, *, source: Path | None = None) -> dict[str, CourseCopy]:
    """Write the student and the teacher version of the course under ``target``.

    Parameters
    ----------
    target : str or pathlib.Path
        The folder to write into (``~`` expanded); ``student/`` and
        ``teacher/`` are created inside it when missing.
    source : pathlib.Path, optional
        The course to start from; default the one shipped in the package.

    Returns
    -------
    dict of str to CourseCopy
        ``{"student": ..., "teacher": ...}``: which files of each folder were
        written, updated, left unchanged or kept.

    Raises
    ------
    NotADirectoryError
        When ``target`` or one of its two sub-folders exists and is not a folder.
    FileNotFoundError
        When ``source`` holds no course notebooks.
    ValueError
        When a course notebook cannot be read.

    Notes
    -----
    Each folder gets the course's README and one notebook per course notebook
    (:func:`student_notebook`, :func:`teacher_notebook`), and its own record
    (:data:`evalviz._course.MANIFEST`): as with ``evalviz course``, a file
    that differs from the version being written is replaced only when the
    previous run of this command wrote it and it has not changed since.

    Examples
    --------
    >>> import tempfile
    >>> from evalviz._student import write_student_kit
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     done = write_student_kit(tmp)
    >>> sorted(done), done["student"].copied[:2]
    (['student', 'teacher'], ['README.md', '00_start_here.ipynb'])
    """
    target = Path(target).expanduser()
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(
            f"DIR={str(target)!r} is a file, not a folder; give a folder to write "
            "the student and teacher versions into (it is created if missing)"
        )
    made = _versions(source)
    return {
        name: place_files(target / name, files, kind=name)
        for name, files in made.items()
    }
