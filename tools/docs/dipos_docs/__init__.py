"""Generate the pages of the dipos documentation site from the committed files.

The site's reference pages are never written by hand: they are produced at
build time (by the mkdocs hooks in ``tools/docs/hooks.py``) from ``schema/``,
``examples/``, the validator's rule catalogue and the command-line parser, so
that they change whenever those change and can never go stale.

It is docs tooling, not part of the installable ``dipos`` package: it imports
``dipos`` (the validator's readers, the rule catalogue, the command-line parser),
and nothing in ``dipos`` imports it, so a wheel of dipos ships without it.

Each module makes one kind of page; ``site`` puts them together.
"""

from .site import GeneratedPage, GeneratedSite, generate_pages, published_schema_files

__all__ = ["GeneratedPage", "GeneratedSite", "generate_pages", "published_schema_files"]
