"""mkdocs hooks that add the generated pages to the dipos site.

Only hand-written pages are committed under ``docs/``. At every build these
hooks call ``dipos_docs`` to generate the reference pages from the committed
``schema/``, ``examples/``, the rule catalogue and the command-line parser, and
publish the schema files at the paths of their ``$id``. A problem in the
inputs is logged as a warning, so ``mkdocs build --strict`` fails on it.

``dipos_docs`` lives beside this file, outside the installable package: a wheel of
dipos does not carry the site generator. mkdocs puts this file's folder on
``sys.path`` only while it runs this module, so ``dipos_docs`` is imported here at
the top, never inside a hook function.
"""

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from dipos import __version__
from dipos.report import report_files
from dipos_docs import GeneratedSite, generate_pages
from dipos_docs.examples_pages import REPORT_PAGE
from dipos_docs.site import expand_record_directives

log = logging.getLogger("mkdocs.hooks.dipos")

EXAMPLES_NAV_PAGE = "examples/index.md"
CODELISTS_PAGE = "reference/codelists.md"
CHANGELOG_PAGE = "changelog.md"

_generated: dict[str, GeneratedSite] = {}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _site(config: MkDocsConfig) -> GeneratedSite:
    return _generated[str(_root(config))]


def _expand_examples_nav(nav: Any, entries: list[dict[str, Any]]) -> Any:
    """Replace the nav item that points to the examples overview with every example page."""
    if isinstance(nav, list):
        return [_expand_examples_nav(item, entries) for item in nav]
    if isinstance(nav, dict):
        return {
            title: entries if value == EXAMPLES_NAV_PAGE else _expand_examples_nav(value, entries)
            for title, value in nav.items()
        }
    return nav


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Generate every page once per build; expand the examples entry of the nav."""
    site = generate_pages(_root(config), config.site_url or "")
    _generated[str(_root(config))] = site
    for problem in site.problems:
        log.warning(problem)
    config.nav = _expand_examples_nav(config.nav, site.example_nav)
    # Header and footer say which version of dipos the pages describe.
    config.extra["dipos_version"] = __version__
    config.copyright = f"dipos {__version__} · {config.copyright or ''}".rstrip(" ·")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and the published files (schemas, codelists, examples)."""
    site = _site(config)
    for page in site.pages:
        if files.get_file_from_path(page.path) is not None:
            log.warning("docs/%s is generated: remove the committed copy", page.path)
            continue
        files.append(File.generated(config, page.path, content=page.markdown))
    for destination, source in site.assets.items():
        files.append(File.generated(config, destination, abs_src_path=str(source)))
    _add_examples_report(files, config)
    if files.get_file_from_path(CHANGELOG_PAGE) is None:
        # The page is the repository's CHANGELOG.md, whose links to docs pages start at
        # the repository root.
        text = (_root(config) / "CHANGELOG.md").read_text(encoding="utf-8")
        files.append(File.generated(config, CHANGELOG_PAGE, content=text.replace("](docs/", "](")))
    return files


def _add_examples_report(files: Files, config: MkDocsConfig) -> None:
    """Serve ``dipos report examples/`` at ``examples/report/``: the example pages link to its views
    (the graph of links instead of a diagram drawn by a script from a CDN). Its files are
    copied as they are, so its data is not in the search index."""
    folder = REPORT_PAGE.rsplit("/", 1)[0]
    output, validation, _ = report_files([_root(config) / "examples"], title="dipos examples")
    if not validation.ok:
        log.warning("the examples are not valid: the report at /%s/ shows why", folder)
    for name, content in output.items():
        files.append(File.generated(config, f"{folder}/{name}", content=content))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the example records that hand-written pages cite by id."""
    expanded, problems = expand_record_directives(markdown, page.file.src_uri, _site(config))
    for problem in problems:
        log.warning(problem)
    return expanded


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep the codelists page's table of contents to its lists: each code has a heading
    (so that search finds it on that page and links can point at it), but ~200 codes in the
    sidebar would hide the lists."""
    if page.file.src_uri == CODELISTS_PAGE:
        for item in page.toc.items:
            for codelist in item.children:
                codelist.children = []
    return html


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when the schema, the examples, the package or the generator change, in
    ``mkdocs serve``."""
    root = _root(config)
    for folder in ("schema", "examples", "validators/dipos", "tools/docs"):
        if (root / folder).exists():
            server.watch(str(root / folder))
    return server
