"""A real browser for the tests: Debian's headless Chromium, driven by Playwright for Python.

Playwright's own browser builds cannot be downloaded here, so Playwright is pointed at the system's
Chromium (`COUNTERCLAIM_CHROMIUM`, else `chromium` on the PATH, else Debian's binary), which
`scripts/test.sh` installs when it is missing. Chromium is started headless with a fresh profile and
with its background services off (this machine's network refuses them). Where no Chromium is found,
the browser tests are skipped, except in CI (`CI` set), where that is a failure.

Pages are opened from files (`file://`), as a reader opens a report; every request a page makes is
recorded (`Opened.requests`), and so are console messages (a refused style or script would log one).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, ViewportSize, sync_playwright

CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--font-render-hinting=none",
)
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


def chromium_path() -> Path | None:
    """The system Chromium to drive, or None when there is none."""
    chosen = os.environ.get("COUNTERCLAIM_CHROMIUM") or shutil.which("chromium")
    if chosen:
        return Path(chosen)
    return DEBIAN_CHROMIUM if DEBIAN_CHROMIUM.exists() else None


def require_chromium() -> Path:
    """The Chromium to drive; skips the test without one (fails it in CI)."""
    path = chromium_path()
    if path is None:
        message = "no Chromium found (apt-get install chromium, or set COUNTERCLAIM_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


@contextmanager
def chromium(profile: Path) -> Iterator[BrowserContext]:
    """A headless Chromium with a fresh profile in `profile`, closed on exit."""
    executable = require_chromium()
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(executable),
            headless=True,
            args=list(CHROMIUM_FLAGS),
            viewport=DESKTOP,
            reduced_motion="reduce",
            service_workers="block",
        )
        try:
            yield context
        finally:
            context.close()


@dataclass
class Opened:
    """A page opened from a file, with what it asked for and what it logged."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def requests_elsewhere(self) -> list[str]:
        """Requests for anything but the page's own file."""
        return [url for url in self.requests if url != self.url]


def open_page(context: BrowserContext, path: Path, *, width: int | None = None) -> Opened:
    """Open the HTML file at `path` in a new tab (`width` pixels wide, else desktop width)."""
    page = context.new_page()
    if width is not None:
        page.set_viewport_size({"width": width, "height": 800})
    opened = Opened(page=page, url=path.resolve().as_uri())

    def on_request(request: Request) -> None:
        opened.requests.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        opened.console.append(f"{message.type}: {message.text}")

    def on_error(error: Exception) -> None:
        opened.errors.append(str(error))

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", on_error)
    page.goto(opened.url, wait_until="load")
    return opened
