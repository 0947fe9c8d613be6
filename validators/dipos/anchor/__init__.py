"""``dipos anchor``: find each evidence quote in its source's text and write its selectors.

For every piece of evidence in the files given, the quote is looked for in the text
of its source (the ``--sources`` directories, matched as ``dipos validate --sources``
matches them), allowing for what a person changes when copying by hand (quotation
marks, apostrophes, dashes, white space). The evidence then gets the source's exact
characters as its ``quote``, and its ``start``, ``end``, ``prefix`` and ``suffix``;
the source gets its ``text_sha256``. Files are rewritten in place, keeping their
layout, comments and key order, unless only a check is asked for.
"""

from .run import AnchorReport, Note, anchor_paths

__all__ = ["AnchorReport", "Note", "anchor_paths"]
