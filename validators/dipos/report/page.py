"""The report's HTML page: a fixed skeleton whose views ``report.js`` fills in from the data
embedded in the page as JSON (``<script type="application/json" id="dipos-data">``).

Nothing is fetched: the scripts and the style sheet are files beside the page
(``assets/``), read from disk even when the page is opened with ``file://``, and the data
is inside the page. Every view has a heading, a text alternative and keyboard access.
"""

import html
from importlib import resources
from typing import Any, Final

import orjson

ASSETS: Final = ("report.css", "vendor/dagre.min.js", "report.js")
"""The files the page loads, relative to ``assets/`` (package data of ``dipos.report``)."""

LICENCE_FILES: Final = ("NOTICE", "vendor/LICENSE-dagre.txt")
"""Shipped beside the assets: what is vendored, and its licence."""

_VIEWS: Final = (
    ("matrix", "Position matrix"),
    ("evolution", "Evolution per actor"),
    ("graph", "Link graph"),
    ("timeline", "Timeline"),
    ("positions", "Positions"),
    ("findings", "Validation"),
)


def asset_bytes(name: str) -> bytes:
    """A file of ``assets/`` as shipped in the package."""
    return resources.files("dipos.report").joinpath("assets", name).read_bytes()


def embed_json(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` element: every ``<`` is written
    ``\\u003c`` (in JSON it can only be inside a string), so that neither ``</script>`` nor
    ``<!--`` in the data can end or comment out the element."""
    return orjson.dumps(data).decode().replace("<", "\\u003c")


def views_html() -> str:
    """The skeleton of the views (the part the documentation site can embed too)."""
    nav = "".join(f'<li><a href="#view-{key}">{title}</a></li>' for key, title in _VIEWS)
    return f"""<nav class="dr-nav" aria-label="Views"><ul>{nav}</ul></nav>
<section class="dr-filters" aria-label="Filters" id="dr-filters"></section>
<section class="dr-view" id="view-matrix" aria-labelledby="h-matrix">
<h2 id="h-matrix">Position matrix</h2>
<p class="dr-help">Each cell: the actor's latest position on the topic in the chosen dates
(shape and word = move; then modality and date). Select a cell for its history.</p>
<div class="dr-body" id="dr-matrix"></div></section>
<section class="dr-view" id="view-evolution" aria-labelledby="h-evolution">
<h2 id="h-evolution">Evolution per actor</h2>
<p class="dr-help">One row per topic, oldest first. What became of each position is read
from what the actor said next on the topic (a reading to check, not a fact):
<em>reaffirmed</em>, <em>restated</em>, <em>changed</em>, <em>contradicted</em>, or
<em>no longer reaffirmed</em> (nothing on the topic for over a year while the actor spoke
on others).</p>
<div class="dr-body" id="dr-evolution"></div></section>
<section class="dr-view" id="view-graph" aria-labelledby="h-graph">
<h2 id="h-graph">Link graph</h2>
<p class="dr-help">Preconditions, exchanges, consequences, responses and reaffirmations
between positions and proposals. Positions are grouped; select a group to open or close
it. Line style and label give the kind of link.</p>
<div class="dr-body" id="dr-graph"></div></section>
<section class="dr-view" id="view-timeline" aria-labelledby="h-timeline">
<h2 id="h-timeline">Timeline</h2>
<p class="dr-help">One lane per holder, time across. Shape = move; a hollow mark is an
uncertain or approximate date; a bar under a mark spans a month, a year or an interval;
a number counts the positions a mark stands for.</p>
<div class="dr-body" id="dr-timeline"></div></section>
<section class="dr-view" id="view-positions" aria-labelledby="h-positions">
<h2 id="h-positions">Positions</h2>
<div class="dr-body" id="dr-positions"></div></section>
<section class="dr-view" id="view-findings" aria-labelledby="h-findings">
<h2 id="h-findings">Validation</h2>
<div class="dr-body" id="dr-findings"></div></section>
<dialog id="dr-dialog" aria-labelledby="dr-dialog-title"><div class="dr-dialog-bar">
<h2 id="dr-dialog-title">Details</h2><button type="button" class="dr-close"
aria-label="Close">Close</button></div><div id="dr-dialog-body"></div></dialog>"""


def render_page(data: dict[str, Any], assets: str = "assets") -> str:
    """The whole page; ``assets`` is the folder of the scripts and style, relative to it."""
    title = html.escape(str(data.get("meta", {}).get("title") or "dipos report"))
    scripts = "".join(
        f'<script src="{assets}/{name}"></script>' for name in ASSETS if name.endswith(".js")
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{html.escape(str(data.get("meta", {}).get("generator", "")))}">
<title>{title}</title>
<link rel="stylesheet" href="{assets}/report.css">
</head>
<body>
<div class="dipos-report" id="dipos-report">
<header class="dr-header"><h1>{title}</h1><div id="dr-summary"></div>
<noscript><p>This report draws its views with JavaScript; the data is in the page.</p></noscript>
</header>
<main>
{views_html()}
</main>
<footer class="dr-footer">Made by {html.escape(str(data.get("meta", {}).get("generator", "")))}
(<code>dipos report</code>). Link graph laid out by dagre (MIT licence, see
<a href="{assets}/NOTICE">NOTICE</a>).</footer>
</div>
<script type="application/json" id="dipos-data">{embed_json(data)}</script>
{scripts}
</body>
</html>
"""


def embedded_data(page_html: str) -> Any:
    """The data embedded in a report's page (the inverse of :func:`render_page`'s blob)."""
    marker = 'id="dipos-data">'
    start = page_html.index(marker) + len(marker)
    return orjson.loads(page_html[start : page_html.index("</script>", start)])
