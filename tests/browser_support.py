"""Start Debian's Chromium through Playwright for the browser tests (shared by every browser test).

Playwright's Python package drives the Chromium that the system already has (Debian's
``chromium`` package, ``/usr/bin/chromium``) through ``executable_path``: nothing is downloaded
(never run ``playwright install``). Where no Chromium or no ``playwright`` package is available,
the tests that use this module are *skipped* with the reason, never silently passed; set
``OPEDKIT_REQUIRE_BROWSER=1`` to turn that skip into a failure (for a CI that must run them).

API (import it from a test module in ``tests/``)::

    from browser_support import chromium_page, save_screenshot  # noqa: F401  (a fixture)

    @pytest.mark.browser
    def test_report(chromium_page, tmp_path):  # noqa: F811  (pytest passes the fixture)
        chromium_page.goto((tmp_path / "report.html").as_uri())
        save_screenshot(chromium_page, "report")        # -> artifacts/browser/report.png
        assert chromium_page.locator("h1").count() == 1

- ``chromium_page`` (pytest fixture): a fresh ``playwright.sync_api.Page`` in a new browser
  profile (a temporary ``--user-data-dir``), 1280x900, default timeout 30 s. Page errors
  (uncaught JavaScript exceptions) are collected in ``chromium_page.opedkit_page_errors``.
- ``launch_chromium(profile_dir)``: the same as a context manager yielding a
  ``BrowserContext``, for tests that need several pages or their own scope.
- ``chromium_executable()``: the Chromium to use, or ``None``; ``skip_reason()`` says why not.
- ``save_screenshot(page_or_locator, name)``: a PNG of the whole page, or of one element,
  under ``artifacts/browser/`` (gitignored); returns its path.

The executable is, in order: ``$OPEDKIT_CHROMIUM`` (``tasks.py test`` sets it), then
``chromium`` / ``chromium-browser`` on ``PATH``, then ``/usr/bin/chromium``. Chromium starts with
the flags in ``CHROMIUM_FLAGS``: headless, no sandbox (CI runs as root), no GPU, and no
background networking, so that it makes no connection of its own on a machine with a closed
network.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # pragma: no cover - types only
    from playwright.sync_api import BrowserContext, Locator, Page

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts" / "browser"

# ``--headless`` itself is added by Playwright (``headless=True``); the profile directory
# (``--user-data-dir``) is the fresh temporary one given to ``launch_persistent_context``.
CHROMIUM_FLAGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)

FALLBACK_EXECUTABLE = Path("/usr/bin/chromium")
VIEWPORT = {"width": 1280, "height": 900}
DEFAULT_TIMEOUT_MS = 30_000


def chromium_executable() -> str | None:
    """Return the path of a Chromium to drive, or None when there is none on this machine."""
    given = os.environ.get("OPEDKIT_CHROMIUM")
    if given and Path(given).is_file():
        return given
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return str(FALLBACK_EXECUTABLE) if FALLBACK_EXECUTABLE.is_file() else None


def skip_reason() -> str | None:
    """Say why the browser tests cannot run here (None when they can)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return (
            "the 'playwright' Python package is not installed "
            "(install the test extra: pip install -e '.[test]')"
        )
    if chromium_executable() is None:
        return (
            "no Chromium found (set OPEDKIT_CHROMIUM, or install Debian's 'chromium' package; "
            "'python3 tasks.py test' does so when run as root)"
        )
    return None


def require_browser() -> None:
    """Skip the calling test (or fail it, under OPEDKIT_REQUIRE_BROWSER=1) without a browser."""
    reason = skip_reason()
    if reason is None:
        return
    if os.environ.get("OPEDKIT_REQUIRE_BROWSER", "") not in ("", "0"):
        pytest.fail(f"browser test required (OPEDKIT_REQUIRE_BROWSER) but {reason}")
    pytest.skip(f"browser test skipped: {reason}")


@contextlib.contextmanager
def launch_chromium(profile_dir: Path | None = None) -> Iterator[BrowserContext]:
    """Start Chromium with a fresh profile and yield its Playwright ``BrowserContext``.

    The browser is closed, and a temporary profile removed, when the block ends, also on
    errors. Call ``require_browser()`` first to get a clear skip instead of an ImportError.
    """
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    if executable is None:  # pragma: no cover - require_browser() skips before this
        raise RuntimeError(skip_reason() or "no Chromium")
    own_dir = profile_dir is None
    profile = Path(tempfile.mkdtemp(prefix="opedkit-chromium-")) if own_dir else profile_dir
    assert profile is not None
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                str(profile),
                executable_path=executable,
                headless=True,
                args=list(CHROMIUM_FLAGS),
                viewport=VIEWPORT,  # type: ignore[arg-type]
            )
            try:
                context.set_default_timeout(DEFAULT_TIMEOUT_MS)
                yield context
            finally:
                context.close()
    finally:
        if own_dir:
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def chromium_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """A fresh Chromium page (new profile); skips with the reason when there is no browser."""
    require_browser()
    profile = tmp_path_factory.mktemp("chromium-profile")
    with launch_chromium(profile) as context:
        page = context.pages[0] if context.pages else context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.opedkit_page_errors = errors  # type: ignore[attr-defined]
        yield page


def save_screenshot(target: Page | Locator, name: str, **options: Any) -> Path:
    """Save a PNG of a page (whole page) or of one element as ``artifacts/browser/<name>.png``.

    ``target`` is a Playwright ``Page`` or ``Locator``; ``name`` is made safe for a file name
    (letters, digits, ``-``, ``_``, ``.``). Extra keyword arguments go to ``screenshot``
    (for example ``full_page=False`` for a page). Returns the path written.
    """
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "screenshot"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{safe}.png"
    if hasattr(target, "goto"):  # a Page; a Locator has no whole page to capture
        options.setdefault("full_page", True)
    target.screenshot(path=str(path), **options)
    return path
