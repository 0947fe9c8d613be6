"""The code on the hand-written pages works with the current package: every Python
snippet runs, and the first record of the quick start is a valid dataset."""

import json
import re
from collections.abc import Iterator
from contextlib import chdir
from pathlib import Path

import pytest

from dipos import validate
from doc_snippets import fenced_blocks, run_python_snippets

from ._support import REPO_ROOT

# The guides this site owns; pages written elsewhere are tested by their authors.
PAGES = ("index.md", "concepts.md", "validating.md", "python.md", "pre-commit.md")


def _first_record() -> dict[str, object]:
    text = (REPO_ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    block = text.split("<!-- dipos:first-record -->\n```json\n", 1)[1].split("```", 1)[0]
    loaded = json.loads(block)
    assert isinstance(loaded, dict)
    return loaded


def test_the_first_record_of_the_quick_start_is_valid() -> None:
    dataset = _first_record()
    report = validate(dataset)
    assert report.ok, report.errors
    assert not report.warnings
    assert [len(dataset[k]) for k in ("actors", "sources", "positions")] == [1, 1, 1]  # type: ignore[arg-type]


def test_the_quoted_validator_output_is_what_it_prints(tmp_path: Path) -> None:
    text = (REPO_ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    shown = re.search(r"^my-dataset/first.json:(\d+):(\d+): error \[ref-unresolved\]", text, re.M)
    assert shown is not None
    bad = tmp_path / "first.json"
    bad.write_text(_first_record_text().replace('["actor-northland"]', '["actor-nortland"]'))
    report = validate(str(bad))
    (finding,) = report.errors
    assert finding.rule == "ref-unresolved"
    assert (finding.line, finding.column) == (int(shown.group(1)), int(shown.group(2)))


def _first_record_text() -> str:
    text = (REPO_ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    return text.split("<!-- dipos:first-record -->\n```json\n", 1)[1].split("```", 1)[0]


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    """A folder like the reader's: ``my-dataset/`` with the quick start's record, and the
    repository's ``examples/``."""
    (tmp_path / "my-dataset").mkdir()
    (tmp_path / "my-dataset" / "first.json").write_text(_first_record_text(), encoding="utf-8")
    (tmp_path / "examples").symlink_to(REPO_ROOT / "examples")
    with chdir(tmp_path):
        yield tmp_path


@pytest.mark.parametrize("page", [page for page in PAGES if fenced_blocks(page, "python")])
def test_python_snippets_run(
    page: str, workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page's snippets run in order in one session, as a reader would type them."""
    run_python_snippets(page)
    capsys.readouterr()


def test_the_pre_commit_page_describes_the_hook_as_defined() -> None:
    import yaml

    (hook,) = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    page = (REPO_ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    assert f"| `entry` | `{hook['entry']}` |" in page
    assert f"| `files` | `{hook['files']}` |" in page
    assert f"| `types` | `[{', '.join(hook['types'])}]` |" in page
    assert f"| `require_serial` | `{str(hook['require_serial']).lower()}` |" in page
