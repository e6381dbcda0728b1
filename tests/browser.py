"""Browser tests' tools: Debian's Chromium under Playwright (never a downloaded browser), pages
opened with their size over the wire checked, and screenshots for docs/screenshots/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
MAX_PAGE_BYTES = 100_000  # issue 14: every page under 100 KB over the wire

needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it)",
)


@contextmanager
def launch() -> Iterator:
    """A headless Chromium from Debian's package."""
    from playwright.sync_api import sync_playwright  # only the browser tests need it

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def visit(page, url: str, status: int = 200):
    """Open `url`; check the answer's status and that the page is under 100 KB over the wire."""
    response = page.goto(url)
    assert response is not None and response.status == status, (url, response and response.status)
    size = len(response.body())
    assert size < MAX_PAGE_BYTES, f"{url}: {size} bytes"
    return response


def screenshot(page, name: str) -> None:
    """What a person sees (the window, not the whole page): always taken (it must not fail),
    written over docs/screenshots/NAME.png only with SCREENSHOTS=1 (references are random:
    every run would change the committed pictures)."""
    picture = page.screenshot(full_page=False)
    if os.environ.get("SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / f"{name}.png").write_bytes(picture)
