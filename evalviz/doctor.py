"""Is this machine ready for the course? One report for the terminal and notebooks."""

from __future__ import annotations

import importlib.metadata
import platform
from dataclasses import dataclass

from . import __version__, datasets
from ._format import plural

__all__ = ["REQUIRED", "COURSE", "OPTIONAL", "SetupReport", "check_setup"]

# The library's dependencies (pyproject.toml ``dependencies``).
REQUIRED = (
    "numpy",
    "pandas",
    "matplotlib",
    "scikit-learn",
    "scipy",
    "ipywidgets",
    "tqdm",
    "pooch",
    "platformdirs",
    "filelock",
)
# What the course adds (pyproject.toml ``course`` extra): JupyterLab, and a
# kernel plus nbclient for ``evalviz regenerate``.
COURSE = ("jupyterlab", "ipykernel", "nbclient")
OPTIONAL = ("nbval", "pytest", "torch", "keras", "torchmetrics", "playwright")


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _kernels() -> list[str]:
    try:
        from jupyter_client.kernelspec import KernelSpecManager
    except ImportError:
        return []
    return sorted(KernelSpecManager().find_kernel_specs())


@dataclass
class SetupReport:
    """The result of :func:`check_setup`: one row per check.

    Attributes
    ----------
    rows : list of tuple of str
        ``(check, status, detail)``; status is "ok", "missing" or "optional".

    Examples
    --------
    >>> from evalviz.doctor import SetupReport
    >>> report = SetupReport(
    ...     [("numpy", "ok", "2.1"), ("jupyterlab", "missing", "pip install jupyterlab")]
    ... )
    >>> report
    SetupReport(2 checks, 1 problem: jupyterlab)
    """

    rows: list[tuple[str, str, str]]

    @property
    def problems(self) -> list[tuple[str, str, str]]:
        """The rows whose status is "missing".

        Returns
        -------
        list of tuple of str
            ``(check, "missing", how to fix it)``.
        """
        return [row for row in self.rows if row[1] == "missing"]

    @property
    def ok(self) -> bool:
        """Whether nothing is missing.

        Returns
        -------
        bool
            True when no row is "missing".
        """
        return not self.problems

    def verdict(self) -> str:
        """``"all good"`` or the number of problems (``"1 problem"``, ``"2 problems"``).

        Returns
        -------
        str
            The verdict in words.
        """
        return "all good" if self.ok else plural(len(self.problems), "problem")

    def to_frame(self):
        """The rows as a table.

        Returns
        -------
        pandas.DataFrame
            Columns ``check``, ``status`` and ``detail``.
        """
        import pandas as pd

        return pd.DataFrame(self.rows, columns=["check", "status", "detail"])

    def __repr__(self) -> str:
        names = ", ".join(row[0] for row in self.problems)
        tail = f": {names}" if names else ""
        return f"SetupReport({plural(len(self.rows), 'check')}, {self.verdict()}{tail})"

    def __str__(self) -> str:
        width = max(len(r[0]) for r in self.rows) + 2
        lines = [f"{c:<{width}}{s:<10}{d}" for c, s, d in self.rows]
        return "\n".join([*lines, f"{'status':<{width}}{self.verdict()}"])

    def _repr_html_(self) -> str:
        verdict = (
            "<p><b>Ready:</b> everything the course needs is here.</p>"
            if self.ok
            else f"<p><b>{self.verdict()}:</b> see the rows marked missing and "
            "their detail column.</p>"
        )
        return self.to_frame().to_html(index=False) + verdict


def check_setup(
    *,
    packages: bool = True,
    optional: bool = True,
    data: bool = True,
    kernels: bool = True,
):
    """Check package versions, where Fashion-MNIST is, and Jupyter kernels.

    Parameters
    ----------
    packages : bool, default=True
        Check that the library's dependencies (:data:`REQUIRED`) and what the
        course adds (:data:`COURSE`: JupyterLab, a kernel, nbclient) are
        installed.
    optional : bool, default=True
        Also list the optional packages (only some tests use them).
    data : bool, default=True
        Check that Fashion-MNIST is on disk.
    kernels : bool, default=True
        Check that a Jupyter kernel is installed.

    Returns
    -------
    SetupReport
        ``evalviz doctor`` prints the same report.

    Examples
    --------
    >>> from evalviz.doctor import check_setup
    >>> check_setup(packages=False, data=False, kernels=False)
    SetupReport(2 checks, all good)
    """
    rows: list[tuple[str, str, str]] = [
        ("python", "ok", platform.python_version()),
        (
            "evalviz",
            "ok",
            __version__
            if _version("evalviz")
            else f"{__version__} (not installed: running from a checkout)",
        ),
    ]
    if packages:
        for dist in (*REQUIRED, *COURSE):
            version = _version(dist)
            rows.append(
                (dist, "ok", version)
                if version
                else (dist, "missing", f"pip install {dist}")
            )
    if packages and optional:
        for dist in OPTIONAL:
            rows.append((dist, "optional", _version(dist) or "not installed"))
    if data:
        found = datasets.find_fashion_mnist()
        if found is None:
            rows.append(
                (
                    "Fashion-MNIST",
                    "missing",
                    "run `evalviz download` while online, or apt-get install "
                    "dataset-fashion-mnist, or set EVALVIZ_DATA",
                )
            )
        else:
            rows.append(("Fashion-MNIST", "ok", f"{found[1]} ({found[0]})"))
    if kernels:
        names = _kernels()
        rows.append(
            ("jupyter kernel", "ok", ", ".join(names))
            if names
            else (
                "jupyter kernel",
                "missing",
                "python -m ipykernel install --user",
            )
        )
    return SetupReport(rows)
