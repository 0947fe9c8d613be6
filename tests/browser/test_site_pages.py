"""The documentation site in a real browser, offline, at a phone's and a laptop's width:
every page loads with no console error and no failed or outside request, nothing is wider
than the viewport, and the report of the examples served inside the site draws its views.

The site is built with ``mkdocs build --strict`` into a temporary folder and served by
Python's http.server on 127.0.0.1 only (Material's search runs in a web worker, which a
page opened from disk cannot start); any request to another host fails the test. The
report is opened from disk, as it is made to be.

Wide content a reader scrolls sideways on purpose is allowed by the harness's rule (its
box is inside a scrolling container): Material's table wrapper (``.md-typeset__scrollwrap``),
code blocks (``pre > code``) and the timeline's frame (``.dipos-timeline``). Screenshots go
to build/screenshots/ (``site-*``)."""

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ._browser import SCREENSHOTS, VIEWPORTS, BrowserSession, PageCheck

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
READY = "html[data-dipos-report=ready]"
# Pages looked at in screenshots (path in the site, short name).
# Parts of pages below the first screens, also looked at (selector where the picture starts).
SHOWN_FROM = {
    "reference/schema/index.html": ("schema-actor", "#actor"),
    "reference/codelists/index.html": ("codelists-move", "#move"),
}
SHOWN = {
    "index.html": "home",
    "reference/schema/index.html": "schema",
    "reference/codelists/index.html": "codelists",
    "timeline/index.html": "timeline",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The site at http://127.0.0.1:<port>/ (a free port, this machine only)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _pages(site: Path) -> list[Path]:
    """Every page of the site (the report is checked on its own; 404 uses absolute URLs
    for a web server and is not opened from disk)."""
    return sorted(
        p
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[:2] != ("examples", "report")
        and p.relative_to(site).parts[0] not in ("assets", "search")
    )


def _example_page(site: Path) -> Path:
    return next(
        p
        for p in _pages(site)
        if p.relative_to(site).parts[0] == "examples" and p.parent != site / "examples"
    )


def _screenshot_from(page: PageCheck, name: str, selector: str, height: int = 1600) -> None:
    """A picture of the page from an element's top down, ``height`` pixels."""
    top = page.evaluate(
        "s => document.querySelector(s).getBoundingClientRect().top + scrollY", selector
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    box = {"x": 0, "y": float(top), "width": float(page.width), "height": float(height)}
    page.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, clip=box)


@pytest.mark.parametrize("width", VIEWPORTS)
def test_every_page_loads_offline_and_fits_the_viewport(
    browser: BrowserSession, site: Path, server: str, width: int
) -> None:
    failures = []
    example = _example_page(site)
    for path in _pages(site):
        relative = path.relative_to(site).as_posix()
        try:
            url = server + relative.removesuffix("index.html")
            with browser.page(url, width=width, allow=(server,)) as page:
                page.assert_no_overflow()
                name = SHOWN.get(relative) or ("example" if path == example else None)
                if name:
                    page.screenshot(f"site-{name}-{width}")
                if relative in SHOWN_FROM:
                    part, selector = SHOWN_FROM[relative]
                    _screenshot_from(page, f"site-{part}-{width}", selector)
        except AssertionError as error:
            failures.append(f"{relative}: {error}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_report_in_the_site_draws_its_views(
    browser: BrowserSession, site: Path, width: int
) -> None:
    # The report is made to be opened from disk (its data is in the page).
    with browser.page(site / "examples" / "report" / "index.html", width=width) as page:
        browser.wait_ready(page, READY)
        page.assert_no_overflow()
        assert page.count("table.dr-matrix .dr-cell") > 0
        assert page.count(".dr-graph-svg .dr-node") > 0
        assert page.count(".dr-timeline-svg .dr-mark") > 0
        page.screenshot(f"site-report-{width}")
