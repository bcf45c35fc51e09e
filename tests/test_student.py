"""`evalviz student DIR`: student and teacher versions of the course, by cell tag."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest

from evalviz import _course, _student, cli

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "evalviz" / "course"
HIDDEN = {"jupyter": {"source_hidden": True}}


def _output(text: str):
    return nbformat.v4.new_output("stream", name="stdout", text=text)


def _code(source, tags=(), count=None, outputs=(), **metadata):
    cell = nbformat.v4.new_code_cell(source, execution_count=count)
    cell.outputs = list(outputs)
    if tags:
        cell.metadata["tags"] = list(tags)
    cell.metadata.update(metadata)
    return cell


def _fake_notebook():
    """One cell of each kind the student version treats differently."""
    header = nbformat.v4.new_markdown_cell("[badges]\n\n# A notebook")
    header.metadata["tags"] = ["header"]
    cells = [
        header,
        _code("x = 6", count=1),
        _code("answer = ...\nex.q1.check(answer)", ["exercise"], 2, [_output("not attempted\n")]),
        _code("ex.q1.check(x * 7)", ["solution"], 3, [_output("correct\n")], **HIDDEN),
        _code("x * 7", ["answer"], 4, [nbformat.v4.new_output(
            "execute_result", data={"text/plain": "42"}, execution_count=4)]),
        nbformat.v4.new_markdown_cell("The solution, in words.", metadata={"tags": ["solution"]}),
        _code("print(x)", count=5, outputs=[_output("6\n")]),
    ]  # fmt: skip
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    return nb


# --- the two transformations ---------------------------------------------------


def test_student_version_by_tag():
    nb = _fake_notebook()
    before = json.dumps(nb, sort_keys=True)
    student = _student.student_notebook(nb)
    assert json.dumps(nb, sort_keys=True) == before  # the input is left alone

    # both solution cells (code and markdown) are gone, the others in order
    assert [c.source for c in student.cells] == [
        "[badges]\n\n# A notebook",
        "x = 6",
        "answer = ...\nex.q1.check(answer)",
        "x * 7",
        "print(x)",
    ]
    header, plain, exercise, answer, last = student.cells
    assert header == nb.cells[0]  # the header is kept as it is
    assert (plain.execution_count, plain.outputs) == (1, [])
    assert (exercise.execution_count, exercise.outputs) == (None, [])
    assert exercise.metadata["tags"] == ["exercise"]
    assert (answer.execution_count, answer.outputs) == (None, [])
    assert answer.source == "x * 7"  # the code stays, its result goes
    assert (last.execution_count, last.outputs) == (5, [_output("6\n")])
    nbformat.validate(student)


def test_teacher_version_shows_the_solutions_and_changes_nothing_else():
    nb = _fake_notebook()
    nb.cells[1].metadata["jupyter"] = {"source_hidden": True}  # not a solution
    nb.cells[4].metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
    nb.cells[4].metadata["tags"] = ["answer", "solution"]
    teacher = _student.teacher_notebook(nb)
    assert "jupyter" not in teacher.cells[3].metadata
    assert teacher.cells[3].metadata["tags"] == ["solution"]
    assert "jupyter" not in teacher.cells[4].metadata  # input and output shown
    assert teacher.cells[1].metadata["jupyter"] == {"source_hidden": True}
    assert nb.cells[3].metadata["jupyter"] == {"source_hidden": True}  # input kept
    for mine, theirs in zip(teacher.cells, nb.cells, strict=True):
        assert mine.source == theirs.source and mine.get("outputs") == theirs.get(
            "outputs"
        )
    nbformat.validate(teacher)


def test_a_cell_tagged_solution_and_answer_is_removed():
    nb = _fake_notebook()
    nb.cells[4].metadata["tags"] = ["answer", "solution"]
    sources = [c.source for c in _student.student_notebook(nb).cells]
    assert "x * 7" not in sources and len(sources) == 4


# --- on a course folder ----------------------------------------------------------


def _course_with(folder: Path, notebooks: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.md").write_text("# a course\n")
    for name, nb in notebooks.items():
        nbformat.write(nb, folder / f"{name}.ipynb")
    return folder


def test_kit_of_a_tagged_course(tmp_path):
    source = _course_with(tmp_path / "src", {"01_a": _fake_notebook()})
    done = _student.write_student_kit(tmp_path / "kit", source=source)
    for version in ("student", "teacher"):
        folder = tmp_path / "kit" / version
        assert done[version].copied == ["README.md", "01_a.ipynb"]
        assert (folder / "README.md").read_text() == "# a course\n"
        assert _course.is_learner_copy(folder)  # `evalviz regenerate` works there
    original = nbformat.read(source / "01_a.ipynb", as_version=4)
    student = nbformat.read(tmp_path / "kit/student/01_a.ipynb", as_version=4)
    teacher = nbformat.read(tmp_path / "kit/teacher/01_a.ipynb", as_version=4)
    assert student == _student.student_notebook(original)
    assert teacher == _student.teacher_notebook(original)
    assert len(student.cells) == 5 and len(teacher.cells) == 7
    record = json.loads((tmp_path / "kit/student" / _course.MANIFEST).read_text())
    assert record["kind"] == "student" and "evalviz student" in record["written_by"]


def test_student_command_on_the_real_course(tmp_path, capsys):
    target = tmp_path / "class"
    assert cli.main(["student", str(target)]) == 0
    out = capsys.readouterr().out
    shipped = [p.name for p in _course.course_files()]
    for version in ("student", "teacher"):
        names = sorted(p.name for p in (target / version).iterdir())
        assert names == sorted([_course.MANIFEST, *shipped])
        assert f"copied: {version}/00_start_here.ipynb" in out
    for path in sorted(COURSE.glob("[0-9][0-9]_*.ipynb")):
        original = nbformat.read(path, as_version=4)
        student = nbformat.read(target / "student" / path.name, as_version=4)
        teacher = nbformat.read(target / "teacher" / path.name, as_version=4)
        solutions = [c for c in original.cells if "solution" in _student._tags(c)]
        assert len(student.cells) == len(original.cells) - len(solutions)
        assert len(teacher.cells) == len(original.cells)
        for cell in student.cells:
            tags = _student._tags(cell)
            assert "solution" not in tags, path.name
            if tags & {"exercise", "answer"} and cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None
        for cell in teacher.cells:
            if "solution" in _student._tags(cell):
                assert "source_hidden" not in cell.metadata.get("jupyter", {})


def test_student_again_keeps_what_the_user_changed(tmp_path, capsys):
    source = _course_with(tmp_path / "src", {"01_a": _fake_notebook()})
    target = tmp_path / "kit"
    _student.write_student_kit(target, source=source)
    mine = target / "student" / "01_a.ipynb"
    mine.write_text(mine.read_text().replace("x = 6", "x = 7"))
    edited = mine.read_bytes()

    again = _student.write_student_kit(target, source=source)
    assert again["student"].kept == ["01_a.ipynb"]
    assert again["student"].unchanged == ["README.md"]
    assert again["teacher"].unchanged == ["README.md", "01_a.ipynb"]
    assert mine.read_bytes() == edited

    # a new version of the course updates the files nobody touched
    newer = _fake_notebook()
    newer.cells[-1].source = "print(x + 1)"
    _course_with(source, {"01_a": newer})
    third = _student.write_student_kit(target, source=source)
    assert third["teacher"].updated == ["01_a.ipynb"]
    assert third["student"].kept == ["01_a.ipynb"] and mine.read_bytes() == edited


def test_student_command_names_kept_files_and_exits_1(tmp_path, capsys):
    target = tmp_path / "class"
    cli.main(["student", str(target)])
    mine = target / "student" / "03_thresholds.ipynb"
    mine.write_bytes(mine.read_bytes().replace(b'"cells": [', b'"cells": [ ', 1))
    capsys.readouterr()
    assert cli.main(["student", str(target)]) == 1
    captured = capsys.readouterr()
    assert "student/03_thresholds.ipynb" in captured.err
    assert "never overwritten" in captured.err
    identical = len(_course.course_files())
    assert f"already there, identical: {identical} file(s) in teacher/" in captured.out


def test_course_command_never_replaces_a_student_version(tmp_path, capsys):
    """`evalviz course` into a student folder keeps its notebooks: they were not
    written by `evalviz course`, so they count as the user's."""
    source = _course_with(tmp_path / "src", {"01_a": _fake_notebook()})
    _student.write_student_kit(tmp_path / "kit", source=source)
    folder = tmp_path / "kit" / "student"
    before = (folder / "01_a.ipynb").read_bytes()
    done = _course.copy_course(folder, source=source)
    assert done.kept == ["01_a.ipynb"]
    assert (folder / "01_a.ipynb").read_bytes() == before


def test_student_into_a_file_is_a_clear_error(tmp_path, capsys):
    target = tmp_path / "file"
    target.write_text("x")
    assert cli.main(["student", str(target)]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and str(target) in err
    (tmp_path / "kit").mkdir()
    (tmp_path / "kit" / "teacher").write_text("x")
    assert cli.main(["student", str(tmp_path / "kit")]) == 2
    assert "teacher" in capsys.readouterr().err


def test_student_help(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["student", "--help"])
    assert info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "usage: evalviz student [-h] DIR" in out
    for word in ("'solution'", "'answer'", "'exercise'", "never overwritten"):
        assert word in out


def test_student_module_examples_run():
    import doctest

    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(_student, "_student", globs=dict(vars(_student))):
        runner.run(test)
    summary = runner.summarize(verbose=False)
    assert summary.attempted >= 3 and summary.failed == 0


# --- the student version runs ------------------------------------------------------


def _execute(path: Path, monkeypatch):
    """Run ``path`` top to bottom in a kernel of this Python; raise on an error."""
    from nbclient import NotebookClient

    monkeypatch.delenv("MPLBACKEND", raising=False)
    monkeypatch.setenv(
        "PYTHONPATH",
        os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]),
    )
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        km=cli._kernel_manager(),
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    return nb


def test_execution_fails_when_a_solution_defines_what_a_later_cell_uses(
    tmp_path, monkeypatch
):
    """The rule the course follows, and why the tests below can fail."""
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook(
        cells=[
            _code("y = 1", ["solution"]),
            _code("print(y)"),
        ]
    )
    nb.metadata["kernelspec"] = _fake_notebook().metadata["kernelspec"]
    source = _course_with(tmp_path / "src", {"01_a": nb})
    _student.write_student_kit(tmp_path / "kit", source=source)
    _execute(tmp_path / "kit" / "teacher" / "01_a.ipynb", monkeypatch)
    with pytest.raises(CellExecutionError, match="NameError"):
        _execute(tmp_path / "kit" / "student" / "01_a.ipynb", monkeypatch)


def test_a_student_notebook_of_the_course_runs(tmp_path, monkeypatch):
    """00 as shipped, and a copy of it with a cell of each tag added."""
    target = tmp_path / "class"
    _student.write_student_kit(target)
    nb = _execute(target / "student" / "00_start_here.ipynb", monkeypatch)
    assert not [
        o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"
    ]

    tagged = nbformat.read(COURSE / "00_start_here.ipynb", as_version=4)
    code = [i for i, c in enumerate(tagged.cells) if c.cell_type == "code"]
    tagged.cells[code[1]].metadata["tags"] = ["answer"]
    tagged.cells.insert(
        code[1] + 1, _code("solved = 6 * 7\nsolved", ["solution"], **HIDDEN)
    )
    tagged.cells.insert(code[1] + 1, _code("guess = ...\nguess", ["exercise"]))
    source = _course_with(tmp_path / "src", {"00_start_here": tagged})
    _student.write_student_kit(tmp_path / "kit", source=source)
    path = tmp_path / "kit" / "student" / "00_start_here.ipynb"
    student = nbformat.read(path, as_version=4)
    assert "solved = 6 * 7\nsolved" not in [c.source for c in student.cells]
    ran = _execute(path, monkeypatch)
    exercise = next(c for c in ran.cells if c.source == "guess = ...\nguess")
    assert exercise.outputs[0]["data"]["text/plain"] == "Ellipsis"


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", [p.name for p in sorted(COURSE.glob("[0-9][0-9]_*.ipynb"))]
)
def test_every_student_notebook_runs(name, tmp_path_factory, monkeypatch):
    """Each student notebook of the course, exercises unanswered, runs with no error."""
    target = tmp_path_factory.getbasetemp() / "every-student-notebook"
    if not (target / "student" / name).exists():
        _student.write_student_kit(target)
    _execute(target / "student" / name, monkeypatch)


def test_readmes_document_the_student_command():
    readme = " ".join((ROOT / "README.md").read_text().split())
    section = readme.split("### Student and teacher versions", 1)[1].split("###")[0]
    assert "evalviz student my-class" in section
    for tag in ("`solution`", "`exercise`", "`answer`"):
        assert tag in section
    course = (COURSE / "README.md").read_text()
    assert "evalviz student DIR" in course
