"""The ``browser`` fixture: one headless Chromium for the session (see ``_browser.py``)."""

from collections.abc import Iterator

import pytest

from ._browser import BrowserSession, chromium, require_browser


@pytest.fixture(scope="session")
def browser() -> Iterator[BrowserSession]:
    require_browser()
    with chromium() as session:
        yield session
