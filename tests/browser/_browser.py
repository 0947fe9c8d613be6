"""A small harness for testing pages in a real browser: Debian's Chromium, driven headless
by Playwright's Python package, with no network.

Reusable by any test (the report's, the documentation site's)::

    from tests.browser._browser import BrowserSession, VIEWPORTS

    def test_page(browser: BrowserSession) -> None:          # the `browser` fixture
        with browser.page(path_to_html, width=390) as page:    # a PageCheck
            browser.wait_ready(page, "html[data-dipos-report=ready]")  # drawn by script
            page.assert_no_overflow()         # nothing a reader cannot reach sideways
            page.assert_controls_named()      # every focusable control has a name
            assert page.count("svg .dr-mark") > 0
            page.screenshot("report-timeline-390", "#view-timeline")  # build/screenshots/
            page.page                         # the Playwright Page, for anything else

What every page opened with :meth:`BrowserSession.page` is held to, checked when the
``with`` block ends (the test fails, naming each problem):

* only ``file:`` URLs (and ``data:``/``blob:``/``about:``) are loaded: any other request is
  blocked and is a failure (the pages must work offline);
* no console message of type ``error``, no uncaught exception, no failed request.

Chromium is ``/usr/bin/chromium`` (apt package ``chromium``), or ``DIPOS_CHROMIUM``
(``chromium.py``, shared with the report's speed benchmark). When
it (or Playwright) is missing the tests are skipped with the reason, unless
``DIPOS_REQUIRE_BROWSER=1`` (set by CI), when they fail. Never run ``playwright install``:
it downloads a browser, which the project does not allow.

Screenshots go to ``build/screenshots/`` (git-ignored), or ``DIPOS_SCREENSHOTS``.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pytest

from .chromium import CHROMIUM, launch

REPO_ROOT: Final = Path(__file__).resolve().parents[2]
REQUIRE_ENV: Final = "DIPOS_REQUIRE_BROWSER"
SCREENSHOTS: Final = Path(os.environ.get("DIPOS_SCREENSHOTS", REPO_ROOT / "build" / "screenshots"))
VIEWPORTS: Final = (390, 1400)
"""The widths every page is checked at: a phone and a laptop."""
HEIGHT: Final = 900
LOCAL_SCHEMES: Final = ("file:", "data:", "blob:", "about:")

# Elements whose right edge is beyond the viewport and that no scrolling ancestor clips:
# what a reader could not reach. A box inside a container that scrolls sideways (the
# matrix, the graph) is reachable and is not counted; the page itself must not scroll
# sideways at all.
_OVERFLOW_JS: Final = """
() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const scrolls = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const names = typeof el.className === 'string' ? el.className.trim() : '';
    const cls = names ? '.' + names.split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + id + cls;
  };
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (el.closest('dialog:not([open])')) continue;
    if ((r.right > width + 1 || r.left < -1) && !scrolls(el)) {
      found.push(describe(el) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
      if (found.length >= 20) break;
    }
  }
  const page = document.scrollingElement.scrollWidth;
  if (page > width + 1) found.unshift('the page scrolls sideways: ' + page + ' px in ' + width);
  return found;
}
"""


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright's Python package is not installed (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set DIPOS_CHROMIUM)"
    return None


def require_browser() -> None:
    """Skip the calling test when the browser cannot run, or fail when CI requires it."""
    reason = browser_missing()
    if reason is None:
        return
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{REQUIRE_ENV}=1 but the browser tests cannot run: {reason}")
    pytest.skip(reason)


# Controls (what takes keyboard focus) with no name a screen reader could say.
_UNNAMED_JS: Final = """
() => {
  const named = (el) => {
    if ((el.getAttribute('aria-label') || '').trim()) return true;
    if ((el.getAttribute('title') || '').trim()) return true;
    const by = el.getAttribute('aria-labelledby');
    if (by && document.getElementById(by)) return true;
    if (el.labels && el.labels.length) return true;
    if ((el.textContent || '').trim()) return true;
    return false;
  };
  const found = [];
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]';
  for (const el of document.querySelectorAll(controls)) {
    if (el.closest('dialog:not([open])') || el.getAttribute('tabindex') === '-1') continue;
    if (!named(el)) found.push(el.outerHTML.slice(0, 120));
    if (found.length >= 20) break;
  }
  return found;
}
"""


@dataclass
class PageCheck:
    """An open page and what went wrong on it so far."""

    page: Any  # playwright.sync_api.Page
    width: int
    problems: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def count(self, selector: str) -> int:
        """How many elements match a CSS selector."""
        return int(self.page.locator(selector).count())

    def overflowing(self) -> list[str]:
        """The elements a reader could not reach because they stick out of the viewport."""
        return list(self.page.evaluate(_OVERFLOW_JS))

    def assert_controls_named(self) -> None:
        """Every link, button, field and focusable element has a name to be read out."""
        found = list(self.page.evaluate(_UNNAMED_JS))
        assert not found, "controls without an accessible name: " + "; ".join(found)

    def assert_no_overflow(self) -> None:
        found = self.overflowing()
        assert not found, f"wider than the {self.width} px viewport: " + "; ".join(found)

    def screenshot(self, name: str, selector: str | None = None, max_height: int = 2000) -> Path:
        """Save a PNG of the page, or of one element, as SCREENSHOTS/<name>.png: at most
        ``max_height`` pixels from its top (a long list is cut, so the picture stays legible)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOTS / f"{name}.png"
        if selector is None:
            box = {"x": 0, "y": 0, "width": self.width, "height": self.page_height()}
        else:
            element = self.page.locator(selector).first
            element.scroll_into_view_if_needed()
            found = element.evaluate(
                "e => { const r = e.getBoundingClientRect(); return {x: r.left + scrollX,"
                " y: r.top + scrollY, width: r.width, height: r.height}; }"
            )
            box = {k: float(v) for k, v in found.items()}
        box["height"] = max(1.0, min(box["height"], float(max_height)))
        box["width"] = max(1.0, min(box["width"], float(self.width)))
        self.page.screenshot(path=str(target), full_page=True, clip=box)
        return target

    def page_height(self) -> float:
        return float(self.page.evaluate("() => document.documentElement.scrollHeight"))


@dataclass
class BrowserSession:
    """A headless Chromium for the whole test session."""

    browser: Any  # playwright.sync_api.Browser

    @contextmanager
    def page(
        self,
        path: Path | str,
        *,
        width: int = 1400,
        height: int = HEIGHT,
        allow: tuple[str, ...] = (),
    ) -> Iterator[PageCheck]:
        """Open a file (or a file: URL) offline at a viewport width; fail at the end of the
        block on any console error, uncaught exception, failed or non-file request.
        ``allow`` adds URL prefixes that may be loaded too: a server the test itself runs on
        127.0.0.1 (a page that needs http, e.g. a search worker), never another host."""
        for prefix in allow:
            assert prefix.startswith("http://127.0.0.1:"), f"not a local server: {prefix}"
        local = LOCAL_SCHEMES + allow
        text = str(path)
        url = text if text.startswith(local) else Path(text).resolve().as_uri()
        context = self.browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        check = PageCheck(page, width)

        def route(route: Any) -> None:
            request_url = route.request.url
            if request_url.startswith(local):
                route.continue_()
            else:
                check.problems.append(f"network request (blocked): {request_url}")
                route.abort()

        context.route("**/*", route)
        page.on(
            "console",
            lambda m: (
                check.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
            ),
        )
        page.on("pageerror", lambda e: check.problems.append(f"uncaught exception: {e}"))
        page.on(
            "requestfailed",
            lambda r: (
                check.problems.append(f"failed request: {r.url} ({r.failure})")
                if r.url.startswith(local)
                else None
            ),
        )
        try:
            page.goto(url, wait_until="load")
            yield check
        except Exception as error:
            # Say what the page reported too: a timeout is usually a script error.
            if check.problems:
                raise AssertionError(
                    f"{error}\nproblems on the page:\n" + "\n".join(check.problems)
                ) from error
            raise
        finally:
            context.close()
        assert not check.problems, "problems on the page:\n" + "\n".join(check.problems)

    def wait_ready(self, check: PageCheck, selector: str, timeout_ms: int = 30_000) -> None:
        """Wait until an element is in the page (drawn by script), or fail."""
        check.page.wait_for_selector(selector, state="attached", timeout=timeout_ms)


@contextmanager
def chromium() -> Iterator[BrowserSession]:
    """Start Debian's Chromium headless through Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield BrowserSession(browser)
        finally:
            browser.close()
