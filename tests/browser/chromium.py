"""Which Chromium the project drives, and how it starts it: one definition for the
browser tests (``_browser.py``) and the report's speed benchmark
(``benchmarks/report_speed.py``), so that both measure and check the same browser.

Debian's ``/usr/bin/chromium`` (apt package ``chromium``), or ``DIPOS_CHROMIUM``; never
a browser downloaded by ``playwright install``. This module imports neither pytest nor
Playwright: the caller hands in its Playwright instance.
"""

import os
from pathlib import Path
from typing import Any, Final

CHROMIUM: Final = Path(os.environ.get("DIPOS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
"""Headless, no sandbox (containers), and none of Chromium's own network traffic."""


def launch(playwright: Any) -> Any:
    """Start :data:`CHROMIUM` headless with :data:`CHROMIUM_FLAGS` through a running
    Playwright (``sync_playwright()``); the caller closes the browser it returns."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_FLAGS)
    )
