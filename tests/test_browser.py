"""The notebooks in a real browser: JupyterLab on localhost, driven by headless Chromium.

Each notebook is opened, every cell run from the Run menu, and the page checked as a researcher
would see it: no error output, widgets drawn (no "Error displaying widget"), and a widget that
answers when used. Screenshots go to test-artifacts/ (gitignored).

Needs the Python package ``playwright`` and Debian's Chromium (``apt-get install chromium``);
the browser is never downloaded (no ``playwright install``). Skipped, with the reason, when
either is missing.
"""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run"]
NOTEBOOKS = {
    # notebook: (what to do with its widget, seconds allowed to run all cells)
    "01-guide-design": ("type", 240),
    "03-capture": (None, 180),
    "04-coding": ("click", 420),
}


def _chromium() -> str | None:
    for candidate in (os.environ.get("INTERVIEW_KIT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chromium_path():
    pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed "
                                                      "(pip install playwright; never `playwright install`)")
    path = _chromium()
    if path is None:
        pytest.skip("Chromium not found at /usr/bin/chromium (apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def lab(chromium_path, tmp_path_factory):
    """JupyterLab on a free localhost port with a token, serving copies of the notebooks."""
    from kit.pipeline import own_kernel

    root = tmp_path_factory.mktemp("lab")
    for name in NOTEBOOKS:
        source = REPO / "notebooks" / f"{name}.ipynb"
        if source.is_file():
            shutil.copy(source, root / source.name)
    home = tmp_path_factory.mktemp("jupyter-home")
    news = home / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text('{"fetchNews": "false"}')  # no "official Jupyter news?" toast over the page
    port, token = _free_port(), secrets.token_hex(16)
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "jupyterlab.log", "w")
    with own_kernel():
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
                   JUPYTERLAB_SETTINGS_DIR=str(home / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
                   INTERVIEW_KIT_DATA=os.environ.get("INTERVIEW_KIT_DATA", str(home / "data")))
        proc = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
             "--port-retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
             "--allow-root", "--LabApp.news_url=None", "--LabApp.extension_manager=readonly",
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
            cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start (see {ARTIFACTS / 'jupyterlab.log'})")
            time.sleep(0.5)
        yield {"url": url, "token": token, "root": root, "chromium": chromium_path}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=lab["chromium"], args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def _wait_until_run(page, timeout: float) -> None:
    """Until every code cell has an execution count and none is queued or running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = page.evaluate("""() => {
            const prompts = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent);
            return {n: prompts.length, busy: prompts.filter(t => t.includes('*')).length,
                    done: prompts.filter(t => /\\[\\d+\\]/.test(t)).length};
        }""")
        if state["n"] and not state["busy"] and state["done"] == state["n"]:
            return
        time.sleep(1)
    raise AssertionError(f"the notebook did not finish within {timeout:.0f}s: {state}")


def _started(page) -> bool:
    return page.evaluate("""() => [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
        .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))""")


def _run_all(page) -> None:
    """Run > Run All Cells, again if the click did not take (the menu can open late under load)."""
    for _ in range(3):
        page.keyboard.press("Escape")
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        for _ in range(30):
            if _started(page):
                return
            page.wait_for_timeout(500)
    raise AssertionError("Run > Run All Cells did not start the notebook")


@pytest.mark.parametrize("name", list(NOTEBOOKS))
def test_notebook_runs_in_jupyterlab(lab, browser, name):
    if not (lab["root"] / f"{name}.ipynb").is_file():
        pytest.skip(f"notebooks/{name}.ipynb is not in the repository yet")
    action, timeout = NOTEBOOKS[name]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        # a workspace of its own, reset, so that only this notebook is open
        page.goto(f"{lab['url']}/lab/workspaces/{name}/tree/{name}.ipynb?reset&token={lab['token']}",
                  wait_until="domcontentloaded")
        page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=120_000)
        # the kernel has started when the status bar says so
        page.wait_for_function("() => /\\bIdle\\b/.test(document.querySelector('#jp-main-statusbar')?.innerText || '')",
                               timeout=120_000)
        _run_all(page)
        _wait_until_run(page, timeout)
        page.wait_for_timeout(1500)  # let widget views render
        page.screenshot(path=str(ARTIFACTS / f"browser-{name}-run.png"), full_page=False)

        text = page.locator(PANEL).inner_text()
        assert "Error displaying widget" not in text
        assert "Traceback" not in text, text[text.find("Traceback") - 200:text.find("Traceback") + 800]
        panel = page.locator(PANEL)
        if action is None:
            assert panel.locator(".jp-OutputArea-output table").count() >= 1
            assert panel.locator(".jp-OutputArea-output img").count() >= 1
            return

        views = panel.locator(".jp-OutputArea-output .jupyter-widgets")
        assert views.count() >= 1, "no widget was drawn"
        widget = views.first
        widget.scroll_into_view_if_needed()
        area = panel.locator(".jp-OutputArea-output:has(.jupyter-widgets)").first
        before = area.inner_text()
        if action == "type":
            box = area.locator("textarea").first
            box.fill("")
            box.type("Tell me about the last time a client paid you late.", delay=5)
        else:
            area.locator("button", has_text="Next").first.click()
        for _ in range(40):  # the kernel answers through the comm; give it a moment
            page.wait_for_timeout(250)
            if area.inner_text() != before:
                break
        after = area.inner_text()
        area.screenshot(path=str(ARTIFACTS / f"browser-{name}-widget.png"))
        assert after != before, "the widget did not respond"
        assert "Error displaying widget" not in page.locator(PANEL).inner_text()
        assert not [e for e in errors if "widget" in e.lower()], errors
    finally:
        page.close()
