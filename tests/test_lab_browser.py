"""End-to-end: the lessons work for a student in a real JupyterLab, in headless Chromium."""

from __future__ import annotations

import pytest
from browser_support import chromium_page, save_screenshot  # noqa: F401


@pytest.mark.browser
def test_launcher_drives_a_local_page(chromium_page):  # noqa: F811
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


def test_no_chromium_gives_a_clear_skip(monkeypatch, tmp_path):
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
