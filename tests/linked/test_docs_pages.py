"""The Python snippets of the merging and linked-data pages run as a reader types them."""

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
_FENCE = re.compile(r"^```(?P<language>\w+)\n(?P<body>.*?)^```$", re.M | re.S)


def _blocks(page: str, language: str) -> list[str]:
    text = (REPO_ROOT / "docs" / page).read_text(encoding="utf-8")
    return [m.group("body") for m in _FENCE.finditer(text) if m.group("language") == language]


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    """A folder with the repository's examples and the page's query saved as query.rq."""
    (tmp_path / "examples").symlink_to(REPO_ROOT / "examples")
    (tmp_path / "query.rq").write_text(_blocks("linked-data.md", "sparql")[0], encoding="utf-8")
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(before)


@pytest.mark.parametrize("page", ["merging.md", "linked-data.md"])
def test_python_snippets_run(
    page: str, workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    namespace: dict[str, object] = {"__name__": "__snippet__"}
    for number, code in enumerate(_blocks(page, "python"), start=1):
        exec(compile(code, f"docs/{page} snippet {number}", "exec"), namespace)
    printed = capsys.readouterr().out
    if page == "linked-data.md":
        assert "pos-000-withdrawal-five-regions" in printed
    else:
        assert (workspace / "merged.json").is_file()


def test_the_page_names_the_published_context() -> None:
    from dipos.linked.context import current_context_url

    page = (REPO_ROOT / "docs" / "linked-data.md").read_text(encoding="utf-8")
    assert page.count(current_context_url()) == 2
