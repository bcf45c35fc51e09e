"""The set-up check behind `evalviz doctor` and notebook 00."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evalviz import datasets, doctor

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def machine(monkeypatch):
    """A controlled machine: every package at version 1.0, data and a kernel found.

    Each test then removes what it needs missing, so the counts do not depend
    on what is installed where the tests run.
    """
    versions = {
        d: "1.0"
        for d in (*doctor.REQUIRED, *doctor.COURSE, *doctor.OPTIONAL, "evalviz")
    }
    monkeypatch.setattr(doctor, "_version", lambda d: versions.get(d))
    monkeypatch.setattr(
        datasets, "find_fashion_mnist", lambda data_home=None: ("user cache", "/x")
    )
    monkeypatch.setattr(doctor, "_kernels", lambda: ["python3"])
    return versions


def test_report_lists_required_packages_and_data(machine):
    report = doctor.check_setup()
    frame = report.to_frame()
    assert list(frame.columns) == ["check", "status", "detail"]
    n_packages = len(doctor.REQUIRED) + len(doctor.COURSE) + len(doctor.OPTIONAL)
    n_rows = 2 + n_packages + 2  # python, evalviz; packages; data, kernel
    assert len(frame) == n_rows
    for dist in (*doctor.REQUIRED, *doctor.COURSE):
        assert frame.set_index("check").loc[dist, "status"] == "ok"
    assert frame.set_index("check").loc["Fashion-MNIST", "detail"] == "/x (user cache)"
    assert report.ok and report.problems == []
    assert str(report).splitlines()[-1].split() == ["status", "all", "good"]
    assert "<table" in report._repr_html_() and "Ready" in report._repr_html_()
    assert repr(report) == f"SetupReport({n_rows} checks, all good)"


def test_missing_package_and_data_are_problems(machine, monkeypatch):
    del machine["jupyterlab"]
    monkeypatch.setattr(datasets, "find_fashion_mnist", lambda data_home=None: None)
    report = doctor.check_setup(kernels=False)
    assert not report.ok
    assert [row[0] for row in report.problems] == ["jupyterlab", "Fashion-MNIST"]
    missing = {row[0]: row[2] for row in report.problems}
    assert missing["jupyterlab"] == "pip install jupyterlab"
    assert "evalviz download" in missing["Fashion-MNIST"]
    assert report.verdict() == "2 problems"
    assert str(report).splitlines()[-1].split()[-2:] == ["2", "problems"]
    assert "2 problems" in report._repr_html_()


def test_one_problem_reads_in_the_singular(machine):
    del machine["tqdm"]
    report = doctor.check_setup(optional=False, data=False, kernels=False)
    assert report.problems == [("tqdm", "missing", "pip install tqdm")]
    assert report.verdict() == "1 problem"
    assert repr(report) == (
        f"SetupReport({2 + len(doctor.REQUIRED) + len(doctor.COURSE)} checks, "
        "1 problem: tqdm)"
    )


def test_missing_kernel_says_how_to_install(machine, monkeypatch):
    monkeypatch.setattr(doctor, "_kernels", lambda: [])
    report = doctor.check_setup(packages=False, data=False)
    assert report.problems == [
        ("jupyter kernel", "missing", "python -m ipykernel install --user")
    ]


def _requirement_names(requirements):
    return {re.split(r"[ ;<>=!~\[(]", r, maxsplit=1)[0].lower() for r in requirements}


def test_doctor_checks_what_pyproject_declares():
    """Every dependency and every package of the course extra is checked; the
    packages the library does not import (seaborn, jupyterlab) are not required."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    dependencies = _requirement_names(project["dependencies"])
    assert dependencies <= set(doctor.REQUIRED)
    assert set(doctor.COURSE) == _requirement_names(
        project["optional-dependencies"]["course"]
    )
    assert not dependencies & {"seaborn", "jupyterlab"}
    assert "seaborn" not in doctor.REQUIRED + doctor.COURSE
