"""Running the code shown on the documentation pages, as a reader would type it.

Shared by the tests of the pages (``docs/test_snippets.py``, ``linked/test_docs_pages.py``
and others): a page's fenced blocks of one language, and its Python snippets run in
order in one namespace. A test that needs a working folder uses
:func:`contextlib.chdir` around its snippets.
"""

import re
from pathlib import Path
from typing import Final

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
DOCS: Final = REPO_ROOT / "docs"

_FENCE: Final = re.compile(r"^```(?P<language>\w+)\n(?P<body>.*?)^```$", re.M | re.S)


def fenced_blocks(page: str, language: str) -> list[str]:
    """The bodies of the blocks fenced as ``language`` on ``docs/PAGE``, in order (fences
    at the start of a line only: an indented block is part of something else)."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return [m.group("body") for m in _FENCE.finditer(text) if m.group("language") == language]


def run_python_snippets(page: str) -> dict[str, object]:
    """Run the Python snippets of ``docs/PAGE`` in order in one namespace, as one reader's
    session; a failure names the page and the snippet. Returns the namespace."""
    namespace: dict[str, object] = {"__name__": "__snippet__"}
    for number, code in enumerate(fenced_blocks(page, "python"), start=1):
        exec(compile(code, f"docs/{page} snippet {number}", "exec"), namespace)
    return namespace
