"""The Python snippets of the merging and linked-data pages run as a reader types them."""

from collections.abc import Iterator
from contextlib import chdir
from pathlib import Path

import pytest

from doc_snippets import REPO_ROOT, fenced_blocks, run_python_snippets


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    """A folder with the repository's examples and the page's query saved as query.rq."""
    (tmp_path / "examples").symlink_to(REPO_ROOT / "examples")
    (tmp_path / "query.rq").write_text(
        fenced_blocks("linked-data.md", "sparql")[0], encoding="utf-8"
    )
    with chdir(tmp_path):
        yield tmp_path


@pytest.mark.parametrize("page", ["merging.md", "linked-data.md"])
def test_python_snippets_run(
    page: str, workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_python_snippets(page)
    printed = capsys.readouterr().out
    if page == "linked-data.md":
        assert "pos-000-withdrawal-five-regions" in printed
    else:
        assert (workspace / "merged.json").is_file()


def test_the_page_names_the_published_context() -> None:
    from dipos.linked.context import current_context_url

    page = (REPO_ROOT / "docs" / "linked-data.md").read_text(encoding="utf-8")
    assert page.count(current_context_url()) == 2
