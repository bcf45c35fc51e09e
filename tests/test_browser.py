"""Real-browser test: the threshold lab notebook driven in JupyterLab.

Starts a private JupyterLab server on 127.0.0.1 (token, no browser, news,
update checks and autosave turned off, temporary settings/runtime/config
dirs), opens a temporary copy of ``evalviz/course/08_threshold_lab.ipynb`` in
headless Chromium through Playwright for Python, runs all cells from the Run
menu, then moves the first threshold slider with the mouse (drag) and with
the keyboard (focus + arrow keys). It checks that the confusion-matrix counts
shown change (and still add up to the number of samples), that raising the
threshold never adds predicted positives, and that the plot image inside the
widget's Output is replaced. A screenshot is saved to the test's tmp dir and,
where ``EVALVIZ_ARTIFACTS`` is set, copied there. Kernel and server are shut
down through the REST API and the server must exit.

Needs Playwright for Python (``pip install playwright``) and a Chromium
binary (Debian: ``apt-get install chromium``; never ``playwright install``).
``EVALVIZ_CHROMIUM`` may point at another Chromium executable.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = "08_threshold_lab.ipynb"
CHROMIUM_CANDIDATES = (
    "/usr/lib/chromium/chromium",  # Debian's `chromium` package
    "/usr/lib/chromium-browser/chromium-browser",  # older Ubuntu layout
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium tries to reach update and sync servers.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# JupyterLab user settings written into a temporary JUPYTERLAB_SETTINGS_DIR.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/extensionmanager-extension/plugin": {"enabled": False},
    # Attach every cell to the DOM so widgets below the fold render too.
    "@jupyterlab/notebook-extension/tracker": {
        "windowingMode": "none",
        "autoStartDefaultKernel": True,  # no "Select Kernel" dialog
    },
}
SERVER_CONFIG = {
    "ServerApp": {"open_browser": False, "terminals_enabled": False},
    "LabApp": {
        "news_url": None,
        "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
        "extension_manager": "readonly",  # no PyPI queries
    },
}
STARTUP_TIMEOUT = 90  # seconds for the server to answer
RUN_ALL_TIMEOUT = 240_000  # ms for all cells to finish (loads cached predictions)
UPDATE_TIMEOUT = 30_000
STDERR = '[data-mime-type="application/vnd.jupyter.stderr"]'  # also tracebacks  # ms for one slider move to reach the page


def _chromium() -> str | None:
    override = os.environ.get("EVALVIZ_CHROMIUM")
    if override:
        return override if os.access(override, os.X_OK) else None
    for path in CHROMIUM_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _api(base: str, token: str, path: str, method: str = "GET"):
    request = urllib.request.Request(
        f"{base}{path}",
        method=method,
        headers={"Authorization": f"token {token}"},
        data=b"" if method in ("POST", "DELETE") else None,
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
    return json.loads(body) if body else None


class LabServer:
    """A JupyterLab server in a subprocess with everything in ``workdir``."""

    def __init__(self, root: Path, workdir: Path):
        self.root = root
        self.token = secrets.token_hex(16)
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "jupyterlab.log"
        self.env = self._environment(workdir)
        self.proc: subprocess.Popen | None = None

    def _environment(self, workdir: Path) -> dict[str, str]:
        dirs = {
            name: workdir / name
            for name in ("settings", "workspaces", "runtime", "config", "ipython")
        }
        for path in dirs.values():
            path.mkdir(parents=True, exist_ok=True)
        for plugin, values in LAB_SETTINGS.items():
            target = dirs["settings"] / f"{plugin}.jupyterlab-settings"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values))
        (dirs["config"] / "jupyter_server_config.json").write_text(
            json.dumps(SERVER_CONFIG)
        )
        env = dict(os.environ)
        env.update(
            JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
            JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
            JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
            JUPYTER_CONFIG_DIR=str(dirs["config"]),
            IPYTHONDIR=str(dirs["ipython"]),
            PYTHONUNBUFFERED="1",
        )
        env.pop("MPLBACKEND", None)  # the kernel picks the inline backend
        return env

    def start(self) -> None:
        cmd = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # CI containers often run as root
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            cmd, cwd=self.root, env=self.env, stdout=self._log, stderr=self._log
        )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.log_tail()}")
            with contextlib.suppress(OSError, urllib.error.URLError):
                _api(self.base, self.token, "/api/status")
                return
            time.sleep(0.5)
        raise RuntimeError(f"JupyterLab did not answer in time:\n{self.log_tail()}")

    def url(self, notebook_path: str) -> str:
        return f"{self.base}/lab/tree/{notebook_path}?token={self.token}&reset"

    def wait_for_kernel_connection(self, timeout: float = 90) -> None:
        """Wait until the notebook's kernel is idle with a browser connected."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            kernels = _api(self.base, self.token, "/api/kernels")
            if any(
                k.get("execution_state") == "idle" and k.get("connections", 0) > 0
                for k in kernels
            ):
                return
            time.sleep(0.25)
        raise RuntimeError(f"no kernel connected in {timeout} s:\n{self.log_tail()}")

    def shutdown_kernels(self) -> int:
        """Delete every session (this shuts its kernel down); return how many."""
        sessions = _api(self.base, self.token, "/api/sessions")
        for session in sessions:
            _api(self.base, self.token, f"/api/sessions/{session['id']}", "DELETE")
        deadline = time.monotonic() + 30
        while _api(self.base, self.token, "/api/kernels"):
            if time.monotonic() > deadline:
                raise RuntimeError("kernels still running 30 s after shutdown")
            time.sleep(0.25)
        return len(sessions)

    def stop(self) -> int | None:
        """Ask the server to shut down; kill it only if it does not exit."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            with contextlib.suppress(OSError, urllib.error.URLError):
                _api(self.base, self.token, "/api/shutdown", "POST")
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
        self._log.close()
        return self.proc.returncode

    def log_tail(self, n: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n:]
        except OSError:
            return "(no log)"


def _counts(locator) -> list[int]:
    """The confusion-matrix counts shown in an explorer's numbers table."""
    cells = locator.locator("table.evalviz-confusion td").all_inner_texts()
    return [int(re.sub(r"[^\d]", "", text)) for text in cells]


def _predicted_positive(counts: list[int]) -> int:
    # Binary table in row order (rows = true class): TN FP / FN TP.
    tn, fp, fn, tp = counts
    return fp + tp


def _wait_for_change(page, explorer, before_counts, before_src) -> tuple:
    """Wait until the counts and the plot image both differ from before."""
    deadline = time.monotonic() + UPDATE_TIMEOUT / 1000
    while True:
        counts = _counts(explorer)
        src = explorer.locator(".evalviz-plot img").first.get_attribute("src")
        if counts != before_counts and src != before_src:
            return counts, src
        if time.monotonic() > deadline:
            raise AssertionError(
                f"the explorer did not update: counts {before_counts} -> {counts}, "
                f"image replaced: {src != before_src}"
            )
        page.wait_for_timeout(100)


def _run_all_cells(page) -> None:
    """Run > Run All Cells, and check that execution started."""
    for _attempt in range(3):
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(
            ".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")
        ).click()
        try:
            # A code cell's prompt shows [*] or [1] once the kernel takes it.
            page.wait_for_function(
                """() => [...document.querySelectorAll('.jp-InputPrompt')]
                    .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))""",
                timeout=20_000,
            )
            return
        except Exception:  # the kernel was not listening yet: ask again
            continue
    raise AssertionError("Run All Cells did not start any cell")


def _wait_for_kernel_idle(page, timeout: int) -> None:
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-InputPrompt')];
            const busy = prompts.some(p => p.textContent.includes('*'));
            const status = document.querySelector(
                '.jp-Notebook-ExecutionIndicator');
            const idle = !status || status.getAttribute('data-status') === 'idle';
            return prompts.length > 0 && !busy && idle;
        }""",
        timeout=timeout,
    )


def drive_threshold_lab(notebook_dir: Path, workdir: Path) -> dict:
    """Open ``notebook_dir/NOTEBOOK`` in JupyterLab, run it and move a slider.

    Works on a temporary copy of ``notebook_dir``; returns what was observed.
    """
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright for Python is not installed: pip install playwright",
    )
    chromium = _chromium()
    if chromium is None:
        pytest.skip(
            "no Chromium executable: apt-get install chromium (Debian) or set "
            "EVALVIZ_CHROMIUM; this test never runs `playwright install`"
        )
    root = workdir / "lab-root"
    shutil.copytree(notebook_dir, root / "notebooks")
    copy = root / "notebooks" / NOTEBOOK
    copy_hash = _sha256(copy)

    server = LabServer(root, workdir)
    observed: dict = {}
    try:
        server.start()
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=chromium, headless=True, args=CHROMIUM_FLAGS
            )
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                observed["console"] = console = []
                page.on("console", lambda msg: console.append(msg.text))
                try:
                    _drive(page, server, workdir, observed)
                except Exception:
                    page.screenshot(path=str(workdir / "failure.png"))
                    raise
                page.close()
            finally:
                browser.close()
        observed["kernels_shut_down"] = server.shutdown_kernels()
    finally:
        observed["server_exit"] = server.stop()
        observed["log"] = server.log_tail()
    observed["saved"] = _sha256(copy) != copy_hash
    return observed


def _drive(page, server: LabServer, workdir: Path, observed: dict) -> None:
    page.goto(server.url(f"notebooks/{NOTEBOOK}"))
    page.wait_for_selector(".jp-Notebook", timeout=60_000)
    server.wait_for_kernel_connection()
    page.wait_for_selector(
        '.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=60_000
    )
    _run_all_cells(page)
    explorer = page.locator(".evalviz-threshold-explorer").first
    # Wait for the first explorer's plot, or for an error to show up.
    page.locator(
        f".evalviz-threshold-explorer .evalviz-plot img, {STDERR}"
    ).first.wait_for(timeout=RUN_ALL_TIMEOUT)
    _wait_for_kernel_idle(page, RUN_ALL_TIMEOUT)
    errors = page.locator(STDERR).all_inner_texts()
    assert not errors, f"cells wrote to stderr: {errors}"
    explorer.scroll_into_view_if_needed()

    counts0 = _counts(explorer)
    src0 = explorer.locator(".evalviz-plot img").first.get_attribute("src")
    assert len(counts0) == 4, f"expected a 2x2 table, got {counts0}"
    total = sum(counts0)

    # 1. Mouse: drag the handle a third of the track to the right.
    handle = explorer.locator(".noUi-handle").first
    track = explorer.locator(".noUi-target").first.bounding_box()
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + track["width"] / 3, y, steps=12)
    page.mouse.up()
    counts1, src1 = _wait_for_change(page, explorer, counts0, src0)
    page.wait_for_timeout(500)  # let queued drag updates settle
    _wait_for_kernel_idle(page, UPDATE_TIMEOUT)
    counts1 = _counts(explorer)
    src1 = explorer.locator(".evalviz-plot img").first.get_attribute("src")

    # 2. Keyboard: focus the handle and press ArrowLeft.
    handle.focus()
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    counts2, src2 = _wait_for_change(page, explorer, counts1, src1)
    page.wait_for_timeout(500)
    _wait_for_kernel_idle(page, UPDATE_TIMEOUT)
    counts2 = _counts(explorer)
    readout = explorer.locator(".widget-readout").first.inner_text()

    shot = workdir / "threshold_lab.png"
    explorer.scroll_into_view_if_needed()
    page.screenshot(path=str(shot))
    explorer.screenshot(path=str(workdir / "threshold_explorer.png"))
    observed.update(
        counts=(counts0, counts1, counts2),
        images=(src0, src1, src2),
        total=total,
        readout=readout,
        screenshot=shot,
    )


def _save_artifacts(workdir: Path) -> None:
    target = os.environ.get("EVALVIZ_ARTIFACTS")
    if not target:
        return
    Path(target).mkdir(parents=True, exist_ok=True)
    for name in ("threshold_lab.png", "threshold_explorer.png", "jupyterlab.log"):
        if (workdir / name).exists():
            shutil.copy(workdir / name, Path(target) / name)


def test_threshold_lab_in_jupyterlab(tmp_path):
    committed = REPO / "evalviz" / "course" / NOTEBOOK
    if not committed.exists():
        pytest.skip(f"{committed} has not been written yet")
    committed_hash = _sha256(committed)
    try:
        seen = drive_threshold_lab(REPO / "evalviz" / "course", tmp_path)
    finally:
        _save_artifacts(tmp_path)

    counts0, counts1, counts2 = seen["counts"]
    src0, src1, src2 = seen["images"]
    # Every sample is counted once, whatever the threshold.
    assert sum(counts1) == sum(counts2) == seen["total"] > 0
    # Dragging right raises the threshold: no new predicted positives.
    assert counts1 != counts0 and src1 != src0
    assert _predicted_positive(counts1) <= _predicted_positive(counts0)
    # ArrowLeft lowers it again: no predicted positives lost.
    assert counts2 != counts1 and src2 != src1
    assert _predicted_positive(counts2) >= _predicted_positive(counts1)
    assert seen["readout"].strip()
    assert seen["screenshot"].stat().st_size > 10_000
    # Clean shutdown, and nothing written back to either notebook.
    assert seen["kernels_shut_down"] == 1
    assert seen["server_exit"] == 0, seen["log"]
    assert not seen["saved"], "JupyterLab saved the temporary notebook copy"
    assert _sha256(committed) == committed_hash
