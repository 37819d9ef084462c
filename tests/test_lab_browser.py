"""End-to-end: the lessons work for a student in a real JupyterLab, in headless Chromium.

nbval proves that the lessons compute the right numbers; this proves that a student who opens a
lesson in JupyterLab sees working widgets. Each test here does what a student does: it starts
JupyterLab (on 127.0.0.1, with a random token, in a temporary copy of the notebooks, with its own
empty configuration so that it reaches nothing on the internet), opens a notebook in Chromium,
runs all cells from the Run menu, waits for the highlight widget, switches what is highlighted and
checks that the marked-up text follows, and checks that no cell shows an error. Screenshots and
the JupyterLab log go to ``artifacts/browser/``. JupyterLab is shut down, and its process group
killed if need be, even when a step fails.

Run them alone with ``.venv/bin/pytest -m browser -v`` (see docs/browser_test.md). Without a
Chromium they are skipped with the reason (``browser_support.require_browser``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import ARTIFACTS, chromium_page, require_browser, save_screenshot  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lab"
JUPYTER = Path(sys.executable).parent / "jupyter"

# Generous: the CI machine has two cores and runs another pytest worker beside this test.
SERVER_START_S = 120.0
KERNEL_READY_MS = 120_000
RUN_ALL_MS = 180_000
WIDGET_MS = 60_000

# A hedge mark in the marked text (opedkit.views: the legend's sample marks sit outside
# .ok-text); the later pieces of a mark split at a crossing carry data-cont="1" and are not
# counted again.
HEDGE_MARKS = ".ok-text mark.ok-hedge:not([data-cont])"

# The lessons, as a student finds them; the hedging lesson is lesson 3 ("How sure is the
# author"). OPEDKIT_HEDGING_LESSON names another notebook (relative to the repository).
LESSONS = sorted(ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"))


def hedging_lesson() -> Path | None:
    named = os.environ.get("OPEDKIT_HEDGING_LESSON")
    if named:
        return ROOT / named
    found = sorted(ROOT.glob("notebooks/03_*.ipynb"))
    return found[0] if found else None


# ---------------------------------------------------------------------------------------------
# JupyterLab, started and stopped by the test


@dataclass
class Lab:
    """A running JupyterLab: where it listens, its token, its working folder and its log."""

    base_url: str
    token: str
    root: Path
    log: Path
    process: subprocess.Popen[bytes]

    def url(self, path: str) -> str:
        return f"{self.base_url}{path.lstrip('/')}"

    def api(self, method: str, path: str) -> Any:
        """Call the server's REST API; return the decoded JSON answer (None when empty)."""
        request = urllib.request.Request(
            self.url(f"api/{path}"), method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_sessions(self) -> None:
        """End every notebook session and its kernel (between tests that share this server)."""
        for session in self.api("GET", "sessions"):
            with contextlib.suppress(urllib.error.URLError, OSError):
                self.api("DELETE", f"sessions/{session['id']}")


# User settings that keep JupyterLab off the internet and show every cell in the page.
LAB_SETTINGS: dict[str, dict[str, Any]] = {
    # no news feed, no update check, no "would you like news?" toast
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # the extension manager would ask PyPI what can be installed
    "@jupyterlab/extensionmanager-extension/plugin": {"enabled": False},
    # attach every cell to the DOM (no windowing), so the checks see all outputs
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}

# Server configuration: the same, on the server's side.
SERVER_CONFIG: dict[str, Any] = {
    "LabApp": {
        "news_url": None,
        "check_for_updates_class": "jupyterlab.handlers.announcements.NeverCheckForUpdate",
        "extension_manager": "readonly",
    },
    "ServerApp": {"open_browser": False, "port_retries": 20},
}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _write_settings(settings_dir: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        path = settings_dir / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2), encoding="utf-8")


def _server_info(runtime: Path, pid: int) -> dict[str, Any] | None:
    """The server's own record of where it listens (it may have moved to another port)."""
    for info in runtime.glob(f"jpserver-{pid}.json"):
        with contextlib.suppress(OSError, ValueError):
            data: dict[str, Any] = json.loads(info.read_text(encoding="utf-8"))
            return data
    return None


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _log_tail(log: Path, lines: int = 40) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def _children(pid: int) -> list[int]:
    """The direct children of ``pid`` (Linux /proc; elsewhere none are found)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # the name field may hold spaces: the parent pid is the 2nd field after its ")"
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _stop(process: subprocess.Popen[bytes], base_url: str | None, token: str) -> None:
    """Ask the server to shut down (it stops its kernels), then end what is left: the server's
    process group, and each kernel's own group (jupyter_client starts every kernel in a new
    session, so its process group id is its pid)."""
    kernels = _children(process.pid) if process.poll() is None else []
    if process.poll() is None and base_url:
        request = urllib.request.Request(
            f"{base_url}api/shutdown", method="POST", headers={"Authorization": f"token {token}"}
        )
        with contextlib.suppress(urllib.error.URLError, OSError):
            urllib.request.urlopen(request, timeout=10).close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for group in (process.pid, *kernels):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(group, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)


@contextlib.contextmanager
def running_lab(work: Path, scratch: Path, log_name: str = "lab-jupyterlab") -> Iterator[Lab]:
    """Start JupyterLab serving ``work``; yield it once it answers; always stop it.

    Everything JupyterLab writes (configuration, runtime files, settings, workspaces, IPython's
    profile) goes to ``scratch``; the log goes to ``artifacts/browser/<log_name>.log``.
    """
    token = secrets.token_hex(24)
    config = scratch / "config"
    runtime = scratch / "runtime"
    settings = scratch / "user-settings"
    for folder in (config, runtime, settings, scratch / "workspaces", scratch / "data"):
        folder.mkdir(parents=True, exist_ok=True)
    (config / "jupyter_server_config.json").write_text(json.dumps(SERVER_CONFIG), "utf-8")
    _write_settings(settings)
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(config),
        JUPYTER_RUNTIME_DIR=str(runtime),
        JUPYTER_DATA_DIR=str(scratch / "data"),
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(scratch / "workspaces"),
        IPYTHONDIR=str(scratch / "ipython"),
        OPEDKIT_WORK=str(scratch / "my-work"),  # a student's saved answers stay in the scratch
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONUNBUFFERED="1",
    )
    env.pop("JUPYTER_TOKEN", None)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / f"{log_name}.log"
    command = [
        str(JUPYTER),
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={_free_port()}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={scratch / 'workspaces'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI containers run as root
    base_url: str | None = None
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=work,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, so it can be killed as a whole
        )
        try:
            deadline = time.monotonic() + SERVER_START_S
            while True:
                if process.poll() is not None:
                    pytest.fail(
                        f"JupyterLab exited with code {process.returncode} before it answered; "
                        f"log {log}:\n{_log_tail(log)}"
                    )
                info = _server_info(runtime, process.pid)
                if info is not None:
                    base_url = f"http://127.0.0.1:{info['port']}{info.get('base_url', '/')}"
                    if _answers(f"{base_url}api/status?token={token}"):
                        break
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"JupyterLab did not answer within {SERVER_START_S:.0f} s; "
                        f"log {log}:\n{_log_tail(log)}"
                    )
                time.sleep(0.25)  # polling interval only; the condition is checked above
            yield Lab(base_url=base_url, token=token, root=work, log=log, process=process)
        finally:
            _stop(process, base_url, token)


def _copy_lessons(work: Path) -> None:
    """A student's working copy: the notebooks and the folders they read, beside each other."""
    for name in ("notebooks", "data", "seeds"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                work / name,
                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "my-work", "*_answers.json"),
            )
    (work / "fixtures").mkdir(parents=True, exist_ok=True)
    for notebook in FIXTURES.glob("*.ipynb"):
        shutil.copy2(notebook, work / "fixtures" / notebook.name)


# ---------------------------------------------------------------------------------------------
# What a student does in the page

# The visible notebook: its panel, and in it the cells, prompts and outputs.
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
ERROR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
WIDGET_ERROR = ".jupyter-widgets-error-widget"
# The status bar's kernel item for the current notebook reads "Python 3 (ipykernel) | Idle" once
# its kernel is connected and idle ("No Kernel | Initializing" before, while the toolbar's
# execution indicator already says "idle"). Its title names the notebook, so a kernel of another
# open notebook cannot pass for this one's.
KERNEL_IDLE = """
[...document.querySelectorAll('.jp-StatusBar-TextItem')].some((e) =>
  e.title === 'Change kernel for ' + name
  && /\\|\\s*Idle$/.test(e.textContent.trim()) && !/^No Kernel/.test(e.textContent.trim()))
"""
KERNEL_IDLE_JS = f"(name) => {KERNEL_IDLE}"

# True once the kernel is idle, no cell is running or queued ("[*]:"), and every non-empty code
# cell shows an execution number, or an output went to stderr (Run All stops at an error and
# leaves the cells after it unnumbered; the checks that follow then report what it shows).
ALL_RUN_JS = """
([panel, name]) => {
  const p = document.querySelector(panel);
  if (!p || !(KERNEL_IDLE)) return false;
  const cells = [...p.querySelectorAll('.jp-Notebook .jp-CodeCell')].filter(
    (c) => (c.querySelector('.cm-content')?.textContent ?? '').trim() !== '');
  const prompts = cells.map(
    (c) => (c.querySelector('.jp-InputArea-prompt')?.textContent ?? '').trim());
  if (cells.length === 0 || prompts.some((t) => t.includes('*'))) return false;
  const stderr = p.querySelector(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
  return stderr !== null || prompts.every((t) => /^\\[\\d+\\]:$/.test(t));
}
""".replace("KERNEL_IDLE", KERNEL_IDLE.strip())


def _menu(page: Any, menu: str, command: str) -> None:
    """Click a main-menu entry (``menu`` label, then the item bound to ``command``)."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(menu)}$")).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').click()


def open_notebook(page: Any, lab: Lab, path: str) -> str:
    """Open ``path`` (relative to the working folder) in a workspace of its own, wait until its
    kernel is idle, and return the notebook's file name (what ``run_all_cells`` needs)."""
    workspace = "opedkit-" + secrets.token_hex(4)  # no tabs restored from an earlier test
    page.goto(
        lab.url(f"lab/workspaces/{workspace}/tree/{path}?token={lab.token}"),
        timeout=KERNEL_READY_MS,
    )
    page.locator(PANEL).wait_for(state="visible", timeout=KERNEL_READY_MS)
    name = Path(path).name
    page.wait_for_function(KERNEL_IDLE_JS, arg=name, timeout=KERNEL_READY_MS, polling=250)
    return name


def run_all_cells(page: Any, name: str) -> None:
    """Clear the stored outputs (so old ones cannot pass for new), then Run > Run All Cells, and
    wait until every cell has run (or one failed)."""
    _menu(page, "Edit", "editmenu:clear-all")
    page.wait_for_function(
        "(panel) => !document.querySelector(panel + ' .jp-OutputArea-output')",
        arg=PANEL,
        timeout=WIDGET_MS,
    )
    _menu(page, "Run", "runmenu:run-all")
    page.wait_for_function(ALL_RUN_JS, arg=[PANEL, name], timeout=RUN_ALL_MS, polling=250)


def shown_errors(page: Any) -> list[str]:
    """Every error a student would see in an output: tracebacks, stderr, broken widgets.

    Tracebacks and stream output to stderr (warnings) both render as stderr outputs; a warning
    counts too, as nbval would also see it, and a pink box is what a student takes for an error.
    """
    found: list[str] = []
    for output in page.locator(f"{PANEL} {ERROR_OUTPUT}").all():
        text = output.inner_text().strip()
        kind = "traceback" if re.search(r"Traceback|\b\w+(Error|Exception)\b", text) else "stderr"
        found.append(f"{kind}: {text[:2000]}")
    for output in page.locator(f"{PANEL} .jp-OutputArea-output").all():
        text = output.inner_text()
        if "Error displaying widget" in text:
            found.append(f"widget: {text[:500]}")
    for widget in page.locator(f"{PANEL} {WIDGET_ERROR}").all():
        found.append(f"widget error: {widget.inner_text()[:500]}")
    return found


def hedge_count(scope: Any) -> int:
    """How many hedges are marked in ``scope`` (each mark once, however it is split)."""
    return int(scope.locator(HEDGE_MARKS).count())


def wait_for_hedges(page: Any, scope: Any, expected: Callable[[int], bool], what: str) -> int:
    """Wait until the hedge count in ``scope`` satisfies ``expected``; return it."""
    deadline = time.monotonic() + WIDGET_MS / 1000
    while True:
        count = hedge_count(scope)
        if expected(count):
            return count
        if time.monotonic() > deadline:
            pytest.fail(f"after {WIDGET_MS / 1000:.0f} s the widget shows {count} hedges: {what}")
        page.wait_for_timeout(200)  # polling interval; the DOM condition decides


def snap(page: Any, element: Any, name: str) -> Path:
    """Scroll ``element``'s top into view and save what the student sees (the viewport).

    An element screenshot of a widget taller than the window would stitch JupyterLab's fixed
    chrome into the picture; the viewport is what a student looks at anyway.
    """
    element.evaluate("(e) => e.scrollIntoView({block: 'start'})")
    return save_screenshot(page, name, full_page=False)


def toggle_counts(highlighter: Any) -> dict[str, tuple[bool, int]]:
    """For each category toggle of a live highlighter: is it on, and the count in its label."""
    found: dict[str, tuple[bool, int]] = {}
    for toggle in highlighter.locator(".widget-checkbox[class*='ok-toggle-']").all():
        classes = toggle.get_attribute("class") or ""
        category = re.search(r"\bok-toggle-(\S+)", classes)
        label = re.search(r"\((\d+)\)", toggle.inner_text())
        assert category and label, f"a highlighter toggle without category or count: {classes!r}"
        checked = toggle.locator("input[type=checkbox]").is_checked()
        found[category.group(1)] = (checked, int(label.group(1)))
    return found


def marks_shown(highlighter: Any, category: str) -> int:
    """How many marks of ``category`` the highlighter's text shows (each mark once)."""
    return int(highlighter.locator(f".ok-text mark.ok-{category}:not([data-cont])").count())


def check_highlighter(page: Any, highlighter: Any) -> dict[str, int]:
    """Switch every category of a live highlighter off and on again (or on and off again) and
    check each time that the marked text follows: a category shows exactly as many marks as
    its label says when on, none when off, and the other categories do not move. Returns the
    label counts."""
    toggles = toggle_counts(highlighter)
    assert toggles, "a highlighter with no category toggles"

    marked = highlighter.locator(".ok-marked")

    def shown() -> tuple[str, dict[str, int]]:
        # data-shown: the categories the kernel rendered with, so that a click on a
        # category without marks is also waited for (its mark count cannot change)
        rendered = marked.first.get_attribute("data-shown") if marked.count() else None
        return rendered or "", {c: marks_shown(highlighter, c) for c in toggles}

    def settle(on: set[str], expected: dict[str, int], what: str) -> None:
        want = (" ".join(c for c in toggles if c in on), expected)
        deadline = time.monotonic() + WIDGET_MS / 1000
        while (now := shown()) != want:
            if time.monotonic() > deadline:
                pytest.fail(
                    f"{what}: the text is rendered with {now[0]!r} and shows {now[1]}, "
                    f"expected {want[0]!r} and {expected}"
                )
            page.wait_for_timeout(200)  # polling interval; the DOM condition decides

    start_on = {c for c, (on, _n) in toggles.items() if on}
    start = {c: (n if on else 0) for c, (on, n) in toggles.items()}
    settle(start_on, start, "before any toggle")
    for category, (on, n) in toggles.items():
        box = highlighter.locator(f".ok-toggle-{category} input[type=checkbox]")
        flipped = dict(start, **{category: 0 if on else n})
        box.set_checked(not on)
        what = f"after switching {category} {'off' if on else 'on'}"
        settle(start_on ^ {category}, flipped, what)
        box.set_checked(on)
        settle(start_on, start, f"after switching {category} back")
    return {c: n for c, (_on, n) in toggles.items()}


@contextlib.contextmanager
def watched(page: Any, name: str) -> Iterator[dict[str, list[str]]]:
    """Record the page's JavaScript errors, console errors and off-machine requests; on any
    failure save a screenshot ``<name>-FAILED.png``; always write ``<name>-console.log``."""
    for old in ARTIFACTS.glob(f"{name}-*"):  # pictures of an earlier run would mislead
        old.unlink(missing_ok=True)
    seen: dict[str, list[str]] = {"page_errors": [], "console": [], "outside": []}
    page.on("pageerror", lambda exc: seen["page_errors"].append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            seen["console"].append(f"{msg.type}: {msg.text}")
            if msg.type in ("error", "warning")
            else None
        ),
    )

    def outside(request: Any) -> None:
        url = request.url
        if url.startswith(("http://", "https://", "ws://", "wss://")) and not re.match(
            r"^(http|ws)s?://(127\.0\.0\.1|localhost)(:\d+)?/", url
        ):
            seen["outside"].append(url)

    page.on("request", outside)
    try:
        yield seen
    except BaseException:
        with contextlib.suppress(Exception):
            save_screenshot(page, f"{name}-FAILED")
        raise
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        lines = [f"[{kind}] {line}" for kind, items in seen.items() for line in items]
        (ARTIFACTS / f"{name}-console.log").write_text("\n".join(lines) + "\n", "utf-8")


# ---------------------------------------------------------------------------------------------
# Fixtures: one JupyterLab and one browser per module (per xdist worker)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab on 127.0.0.1 with a random token, serving a temporary copy of the lessons."""
    require_browser()  # no browser: skip before paying for a server
    if not JUPYTER.is_file() or importlib.util.find_spec("jupyterlab") is None:
        message = f"JupyterLab is not installed beside {sys.executable} (pip install -e '.[test]')"
        if os.environ.get("OPEDKIT_REQUIRE_BROWSER", "") not in ("", "0"):
            pytest.fail(message)
        pytest.skip(f"browser test skipped: {message}")
    work = tmp_path_factory.mktemp("lab-work")
    _copy_lessons(work)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # one JupyterLab per xdist worker
    with running_lab(work, tmp_path_factory.mktemp("lab-scratch"), f"lab-{worker}") as server:
        yield server


@pytest.fixture
def student(lab: Lab, chromium_page: Any) -> Iterator[Any]:  # noqa: F811
    """A fresh browser page for a student; the kernels it started end with the test."""
    try:
        yield chromium_page
    finally:
        with contextlib.suppress(urllib.error.URLError, OSError):
            lab.shut_down_sessions()


# ---------------------------------------------------------------------------------------------
# The tests


@pytest.mark.browser
def test_launcher_drives_a_local_page(chromium_page: Any) -> None:  # noqa: F811
    """The shared launcher starts Chromium, runs the page's script and saves a screenshot."""
    chromium_page.set_content(
        "<button id=b onclick=\"document.getElementById('out').textContent='clicked'\">go</button>"
        "<p id=out>waiting</p>"
    )
    chromium_page.click("#b")
    chromium_page.wait_for_function("document.getElementById('out').textContent === 'clicked'")
    path = save_screenshot(chromium_page, "launcher-smoke")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert chromium_page.opedkit_page_errors == []


def test_no_chromium_gives_a_clear_skip(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without a Chromium the browser tests skip with the reason (or fail when required)."""
    import browser_support

    monkeypatch.delenv("OPEDKIT_CHROMIUM", raising=False)
    monkeypatch.delenv("OPEDKIT_REQUIRE_BROWSER", raising=False)
    monkeypatch.setattr(browser_support.shutil, "which", lambda name: None)
    monkeypatch.setattr(browser_support, "FALLBACK_EXECUTABLE", tmp_path / "no-chromium")
    assert browser_support.chromium_executable() is None
    with pytest.raises(pytest.skip.Exception, match="no Chromium found"):
        browser_support.require_browser()
    monkeypatch.setenv("OPEDKIT_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="required"):
        browser_support.require_browser()


@pytest.mark.browser
def test_fixture_highlight_widget_follows_the_toggles(lab: Lab, student: Any) -> None:
    """The harness on its own small notebook: 3 hedges and 2 boosters, by construction."""
    with watched(student, "lab-fixture") as seen:
        name = open_notebook(student, lab, "fixtures/highlight_widget.ipynb")
        run_all_cells(student, name)
        save_screenshot(student, "lab-fixture-1-ran")
        assert shown_errors(student) == []

        widget = student.locator(f"{PANEL} .widget-vbox:has(.widget-toggle-buttons)").first
        widget.wait_for(state="visible", timeout=WIDGET_MS)
        widget.scroll_into_view_if_needed()
        assert wait_for_hedges(student, widget, lambda n: n > 0, "hedges shown") == 3
        save_screenshot(widget, "lab-fixture-2-hedges")

        widget.locator(".widget-toggle-button", has_text="Boosters").click()
        wait_for_hedges(student, widget, lambda n: n == 0, "boosters only")
        assert widget.locator("mark.ok-booster").count() == 2
        save_screenshot(widget, "lab-fixture-3-boosters")

        widget.locator(".widget-toggle-button", has_text="Hedges").click()
        wait_for_hedges(student, widget, lambda n: n == 3, "hedges again")
        widget.locator(".widget-checkbox input[type=checkbox]").uncheck()
        wait_for_hedges(student, widget, lambda n: n == 0, "highlights switched off")
        save_screenshot(widget, "lab-fixture-4-off")

        assert shown_errors(student) == []
        assert seen["page_errors"] == []
        assert seen["outside"] == [], "JupyterLab or the page reached beyond 127.0.0.1"


@pytest.mark.browser
def test_fixture_error_in_a_cell_is_seen(lab: Lab, student: Any) -> None:
    """The negative case: a cell that raises is reported, and Run All stops there."""
    with watched(student, "lab-failing-cell"):
        name = open_notebook(student, lab, "fixtures/failing_cell.ipynb")
        run_all_cells(student, name)
        save_screenshot(student, "lab-failing-cell")
        errors = shown_errors(student)
        assert len(errors) == 1
        assert errors[0].startswith("traceback: ")
        assert "KeyError" in errors[0]
        prompts = student.locator(f"{PANEL} .jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        assert [p.strip() for p in prompts] == ["[1]:", "[2]:", "[ ]:"]


def _lesson_runs_cleanly(lab: Lab, page: Any, lesson: Path, seen: dict[str, list[str]]) -> Any:
    """Open a lesson, run all its cells, and check what a student sees: no error anywhere,
    every view live (no static fallback), and every highlighter following its toggles.
    Returns the lesson's highlighters."""
    relative = lesson.relative_to(ROOT).as_posix()
    name = open_notebook(page, lab, relative)
    run_all_cells(page, name)
    save_screenshot(page, f"lab-{lesson.stem}-1-ran")
    assert shown_errors(page) == [], f"{relative} shows an error in JupyterLab"
    static = page.locator(f"{PANEL} .jp-OutputArea-output .ok-static")
    assert static.count() == 0, (
        f"{relative}: {static.count()} views fell back to static HTML (no widget front end?)"
    )
    highlighters = page.locator(f"{PANEL} .ok-highlighter:not(.ok-static)")
    for k, highlighter in enumerate(highlighters.all()):
        snap(page, highlighter, f"lab-{lesson.stem}-2-highlighter-{k + 1}")
        check_highlighter(page, highlighter)
    assert shown_errors(page) == [], f"{relative}: an error appeared while toggling"
    assert seen["page_errors"] == [], f"{relative}: JavaScript errors in the page"
    assert seen["outside"] == [], f"{relative}: requests beyond 127.0.0.1"
    return highlighters


@pytest.mark.browser
def test_hedging_lesson_highlights_follow_the_toggles(lab: Lab, student: Any) -> None:
    """The issue's scenario: the hedging lesson runs, its highlighter marks hedges, and
    switching hedges off and on again removes and restores exactly those marks."""
    lesson = hedging_lesson()
    if lesson is None or not lesson.is_file():
        pytest.fail(
            f"no hedging lesson at {lesson or 'notebooks/03_*.ipynb'}: name the notebook with "
            "OPEDKIT_HEDGING_LESSON=notebooks/<file>.ipynb"
        )
    with watched(student, f"lab-{lesson.stem}") as seen:
        highlighters = _lesson_runs_cleanly(lab, student, lesson, seen)
        with_hedges = highlighters.filter(has=student.locator(".ok-toggle-hedge"))
        assert with_hedges.count() >= 1, "no highlighter with a hedge toggle in the lesson"
        hedges = with_hedges.first
        hedges.evaluate("(e) => e.scrollIntoView({block: 'start'})")
        toggle = hedges.locator(".ok-toggle-hedge input[type=checkbox]")
        if not toggle.is_checked():
            toggle.check()
        before = wait_for_hedges(student, hedges, lambda n: n > 0, "hedges switched on")
        snap(student, hedges, f"lab-{lesson.stem}-3-hedges-on")
        toggle.uncheck()
        after = wait_for_hedges(student, hedges, lambda n: n == 0, "hedges switched off")
        snap(student, hedges, f"lab-{lesson.stem}-4-hedges-off")
        assert (before, after) == (toggle_counts(hedges)["hedge"][1], 0)
        toggle.check()
        wait_for_hedges(student, hedges, lambda n: n == before, "hedges switched on again")
        picker = hedges.locator(".ok-paragraph-picker select")
        if picker.count():
            picker.select_option(label="paragraph 1")
            student.wait_for_function(
                "(e) => e.querySelectorAll('.ok-text p[data-paragraph]').length === 1",
                arg=hedges.element_handle(),
                timeout=WIDGET_MS,
            )
            assert hedges.locator('.ok-text p[data-paragraph="0"]').count() == 1
            assert hedge_count(hedges) <= before
        assert shown_errors(student) == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "lesson",
    [pytest.param(p, id=p.stem) for p in LESSONS if p != hedging_lesson()],
)
def test_lesson_works_in_jupyterlab(lab: Lab, student: Any, lesson: Path) -> None:
    """Every other lesson: runs with no error, live widgets, highlighters that follow."""
    with watched(student, f"lab-{lesson.stem}") as seen:
        _lesson_runs_cleanly(lab, student, lesson, seen)
