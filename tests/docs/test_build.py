"""``mkdocs build --strict`` builds the whole site offline, with every generated page."""

import csv
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dipos.validator.catalogue import RULES
from dipos.version import SCHEMA_VERSION

from ._support import REPO_ROOT, SITE_URL


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


def _ids(page: Path) -> set[str]:
    parser = _Ids()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.ids


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return target


def test_schema_files_are_served_at_their_id(site: Path) -> None:
    for path in sorted((REPO_ROOT / "schema").glob("*.json")):
        schema_id = json.loads(path.read_text(encoding="utf-8"))["$id"]
        assert schema_id.startswith(SITE_URL)
        served = site / schema_id.removeprefix(SITE_URL)
        assert served.read_bytes() == path.read_bytes()
    for path in (REPO_ROOT / "schema" / "codelists").glob("*.csv"):
        served = site / "schema" / SCHEMA_VERSION / "codelists" / path.name
        assert served.read_bytes() == path.read_bytes()
    archive = REPO_ROOT / "schema" / "archive" / "0.1"
    for path in archive.glob("*.json"):
        assert (site / "schema" / "0.1" / path.name).read_bytes() == path.read_bytes()


def test_every_definition_and_property_is_in_the_schema_reference(site: Path) -> None:
    ids = _ids(site / "reference" / "schema" / "index.html")
    for name in ("dataset.schema.json", "record.schema.json"):
        schema = json.loads((REPO_ROOT / "schema" / name).read_text(encoding="utf-8"))
        for definition, body in schema["$defs"].items():
            assert definition.lower() in ids
            for prop in body.get("properties", {}):
                assert f"{definition.lower()}-{prop}" in ids


def test_every_codelist_and_code_is_on_the_codelists_page(site: Path) -> None:
    ids = _ids(site / "reference" / "codelists" / "index.html")
    for path in (REPO_ROOT / "schema" / "codelists").glob("*.csv"):
        assert path.stem in ids
        with path.open(encoding="utf-8") as handle:
            assert {f"{path.stem}-{row['code']}" for row in csv.DictReader(handle)} <= ids


def test_the_rules_page_has_an_anchor_per_rule(site: Path) -> None:
    ids = _ids(site / "rules" / "index.html")
    for rule in RULES:
        assert rule.id in ids
        assert rule.docs_url == f"{SITE_URL}rules/#{rule.id}"


def test_every_example_position_has_a_row(site: Path) -> None:
    examples = site / "examples"
    ids = set()
    for page in examples.glob("*/index.html"):
        ids |= _ids(page)
    for path in (REPO_ROOT / "examples" / "seeds").glob("*.json"):
        for position in json.loads(path.read_text(encoding="utf-8")).get("positions", []):
            assert position["id"] in ids


def test_timeline_and_reference_pages_are_built(site: Path) -> None:
    assert "<svg" in (site / "timeline" / "index.html").read_text(encoding="utf-8")
    for page in ("reference/cli", "reference/python-api", "concepts", "pre-commit", "python"):
        assert (site / page / "index.html").is_file()


def test_the_changelog_page_is_the_repositorys_with_its_links_made_site_relative(
    site: Path,
) -> None:
    html = (site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "Unreleased" in html
    assert 'href="../versioning/"' in html  # [docs/versioning.md](docs/versioning.md)
    assert 'href="docs/' not in html  # no link left pointing from the repository root


def test_header_and_footer_name_repository_version_and_licence(site: Path) -> None:
    from dipos import __version__

    for page in (site / "index.html", site / "reference" / "schema" / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert 'href="https://github.com/dipos/dipos"' in html  # the header's repository link
        assert f'md-source__fact--version">{__version__}<' in html
        assert f"dipos {__version__} · Code and schema under the" in html  # the footer
        assert "Apache-2.0</a> licence" in html
        # Material's repository facts would fetch api.github.com: overridden, not used.
        assert 'data-md-component="source"' not in html


def test_search_finds_each_code_under_its_own_heading_on_the_codelists_page(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = {doc["location"]: doc for doc in index["docs"]}
    for path in (REPO_ROOT / "schema" / "codelists").glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                doc = sections[f"reference/codelists/#{path.stem}-{row['code']}"]
                assert doc["title"].startswith(f"<code>{row['code']}</code>")
                assert doc.get("boost") == 2
    # The sidebar lists the codelists, not the ~200 codes.
    html = (site / "reference" / "codelists" / "index.html").read_text(encoding="utf-8")
    assert '<a href="#move" class="md-nav__link">' in html
    assert '<a href="#move-demand" class="md-nav__link">' not in html


class _Resources(HTMLParser):
    """The URLs a page loads by itself: scripts, style sheets, icons, fonts, images, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.mermaid = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "mermaid" in values.get("class", "").split():
            self.mermaid = True
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "input"):
            self.loaded += [values[k] for k in ("src", "srcset") if values.get(k)]
        if tag == "link" and values.get("rel", "") not in (
            "canonical",
            "alternate",
            "prev",
            "next",
        ):
            self.loaded.append(values.get("href", ""))
        if tag == "object" and values.get("data"):
            self.loaded.append(values["data"])
        if values.get("style"):
            self.loaded += re.findall(r"url\(\s*['\"]?([^'\")]+)", values["style"])


def _external(url: str) -> bool:
    return bool(re.match(r"^\s*(https?:)?//", url, re.I))


def test_the_site_loads_nothing_from_the_network(site: Path) -> None:
    """Every script, style sheet, font and image is in the site: it reads offline and
    behind a firewall. (Links a reader follows, <a href>, may point anywhere.)"""
    found = []
    for page in sorted(site.rglob("*.html")):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {u}" for u in parser.loaded if _external(u)]
        assert not parser.mermaid, f"{page.relative_to(site)} has a Mermaid diagram"
    for sheet in sorted(site.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text)
        urls += re.findall(r"@import\s+['\"]([^'\"]+)", text)
        found += [f"{sheet.relative_to(site)}: {u}" for u in urls if _external(u)]
    assert not found, "loaded from the network:\n" + "\n".join(found)


def test_no_diagram_source_in_the_search_index(site: Path) -> None:
    text = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    for source in ("flowchart", "graph TD", "-->", "-.->", "==>", "mermaid"):
        assert source not in text, source


def test_the_report_of_the_examples_is_part_of_the_site(site: Path) -> None:
    report = (site / "examples" / "report" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="dipos' in report  # not a page of the site
    assert '<script src="assets/report.js"></script>' in report
    examples = (site / "examples" / "index.html").read_text(encoding="utf-8")
    assert 'href="report/"' in examples
    # The guide about `dipos report` keeps its own address.
    assert "Seeing a dataset" in (site / "report" / "index.html").read_text(encoding="utf-8")
