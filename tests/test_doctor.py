"""The set-up check behind `evalviz doctor` and notebook 00."""

from __future__ import annotations

from evalviz import datasets, doctor


def test_report_lists_required_packages_and_data():
    report = doctor.check_setup(kernels=False)
    frame = report.to_frame()
    assert list(frame.columns) == ["check", "status", "detail"]
    for dist in doctor.REQUIRED:
        assert dist in frame["check"].tolist()
    assert "Fashion-MNIST" in frame["check"].tolist()
    assert "<table" in report._repr_html_()


def test_missing_package_and_data_are_problems(monkeypatch):
    real = doctor._version
    monkeypatch.setattr(
        doctor, "_version", lambda d: None if d == "seaborn" else real(d)
    )
    monkeypatch.setattr(datasets, "find_fashion_mnist", lambda data_home=None: None)
    report = doctor.check_setup(kernels=False)
    assert not report.ok
    missing = {row[0]: row[2] for row in report.problems}
    assert missing["seaborn"] == "pip install seaborn"
    assert "evalviz download" in missing["Fashion-MNIST"]
    assert "2 problem(s)" in str(report)


def test_missing_kernel_says_how_to_install(monkeypatch):
    monkeypatch.setattr(doctor, "_kernels", lambda: [])
    report = doctor.check_setup(packages=False, data=False)
    assert report.problems == [
        ("jupyter kernel", "missing", "python -m ipykernel install --user")
    ]
