"""The threshold lab as an app: Voila serves ``08_threshold_lab.ipynb`` and its
explorers render and respond, in headless Chromium at 1280 x 800.

Needs the app extra (``pip install -e ".[app]"``: Voila), Playwright for Python
and a Chromium binary (Debian: ``apt-get install chromium``; never
``playwright install``); it skips with the reason otherwise. Voila runs on
127.0.0.1 with ``--no-browser`` from a temporary copy of the course, and is
stopped at the end.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from test_browser import CHROMIUM_FLAGS, _chromium, _free_port

# Slow as well: Voila runs the whole notebook before the page shows (about two
# minutes on a loaded two-core machine).
pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "08_threshold_lab.ipynb"
STARTUP_TIMEOUT = 120  # s for Voila to answer
RENDER_TIMEOUT = 300_000  # ms for Voila to run the notebook and show the explorers
EXPLORER = ".evalviz-threshold-explorer"


def _counts(explorer) -> list[int]:
    cells = explorer.locator("table.evalviz-confusion td").all_inner_texts()
    return [int(re.sub(r"[^\d]", "", text)) for text in cells]


@contextlib.contextmanager
def _voila(folder: Path, log: Path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    cmd = [
        sys.executable, "-m", "voila", NOTEBOOK, "--no-browser", f"--port={port}",
        "--Voila.ip=127.0.0.1", "--Voila.port_retries=0",
    ]  # fmt: skip
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=out, stderr=out)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"voila exited early:\n{log.read_text()[-3000:]}")
                try:  # any HTTP answer (Voila forbids /api/status: 403) means up
                    urllib.request.urlopen(f"{base}/api/status", timeout=5)
                    break
                except urllib.error.HTTPError:
                    break
                except OSError:  # URLError too: not listening yet
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"voila did not answer:\n{log.read_text()[-3000:]}")
                time.sleep(0.5)
            yield base, proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_voila_serves_the_threshold_lab(tmp_path):
    pytest.importorskip("voila", reason='Voila is not installed: pip install ".[app]"')
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright for Python is not installed"
    )
    chromium = _chromium()
    if chromium is None:
        pytest.skip("no Chromium executable: apt-get install chromium (Debian)")
    folder = tmp_path / "course"
    shutil.copytree(ROOT / "evalviz" / "course", folder)
    log = tmp_path / "voila.log"

    with _voila(folder, log) as (base, proc):
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=chromium, headless=True, args=CHROMIUM_FLAGS
            )
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(f"{base}/", timeout=RENDER_TIMEOUT)
                plots = page.locator(f"{EXPLORER} .evalviz-plot img")
                plots.first.wait_for(timeout=RENDER_TIMEOUT)
                page.wait_for_load_state("networkidle", timeout=RENDER_TIMEOUT)
                errors = page.locator(
                    '[data-mime-type="application/vnd.jupyter.stderr"]'
                ).all_inner_texts()
                assert not errors, errors
                explorers = page.locator(EXPLORER)
                assert explorers.count() >= 1
                # every explorer shows its plot, a drawn PNG that fits the page
                for i in range(plots.count()):
                    width, height = plots.nth(i).evaluate(
                        "img => [img.naturalWidth, img.naturalHeight]"
                    )
                    box = plots.nth(i).bounding_box()
                    assert width > 200 and height > 200, (i, width, height)
                    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, box

                first = explorers.first
                first.scroll_into_view_if_needed()
                counts0 = _counts(first)
                assert len(counts0) == 4 and sum(counts0) > 0, counts0
                src0 = first.locator(".evalviz-plot img").first.get_attribute("src")
                first.locator(".noUi-handle").first.focus()
                for _ in range(5):
                    page.keyboard.press("ArrowRight")
                deadline = time.monotonic() + 60
                while _counts(first) == counts0 and time.monotonic() < deadline:
                    page.wait_for_timeout(200)
                counts1 = _counts(first)
                # a higher threshold: the same samples, no new predicted positives
                assert counts1 != counts0 and sum(counts1) == sum(counts0)
                assert counts1[1] + counts1[3] <= counts0[1] + counts0[3]
                page.wait_for_timeout(1000)
                src1 = first.locator(".evalviz-plot img").first.get_attribute("src")
                assert src1 != src0  # the plot was redrawn
                page.screenshot(path=str(tmp_path / "voila_threshold_lab.png"))
            finally:
                browser.close()
    assert proc.returncode is not None
    target = os.environ.get("EVALVIZ_ARTIFACTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / "voila_threshold_lab.png", target)
