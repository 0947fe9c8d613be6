"""The tutorial "Encode a news article" works: every command on the page is run, in
order, in a fresh folder, and every output and file excerpt shown is what it gives.

Markers on the page (HTML comments, invisible on the site) say what a block is:
``<!-- tutorial:file PATH -->`` a file the reader writes; ``<!-- tutorial:output -->``
what the commands of the block before print (each line shown must begin a line
printed); ``<!-- tutorial:excerpt PATH -->`` a part of a file as it is at that point.
Commands are ``sh`` blocks; one ending with ``# exit code N`` must exit with N, the
others with 0.
"""

import re
import shlex
from collections.abc import Iterator
from contextlib import chdir
from pathlib import Path

import pytest

from dipos.cli import main

from ._support import REPO_ROOT

PAGE = REPO_ROOT / "docs" / "tutorial.md"
ARTICLE = REPO_ROOT / "docs" / "tutorial" / "ill-article-westland-talks.txt"
_BLOCK = re.compile(
    r"(?:^[ \t]*<!-- tutorial:(?P<marker>\w+)(?: (?P<path>\S+))? -->\n(?:[ \t]*\n)?)?"
    r"^(?P<indent>[ \t]*)```(?P<language>\w+)\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.M | re.S,
)


def _blocks() -> list[tuple[str | None, str | None, str, str]]:
    """(marker, path, language, body) of each fenced block of the page, in order."""
    text = PAGE.read_text(encoding="utf-8")
    return [
        (m["marker"], m["path"], m["language"], _unindent(m["body"], m["indent"]))
        for m in _BLOCK.finditer(text)
    ]


def _unindent(body: str, indent: str) -> str:
    """A block's text without the indentation of its fence (inside an admonition)."""
    return "".join(line.removeprefix(indent) for line in body.splitlines(keepends=True))


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    with chdir(tmp_path):
        yield tmp_path


def _run(line: str, capsys: pytest.CaptureFixture[str]) -> str:
    expected = 0
    found = re.search(r"#\s*exit code (\d+)\s*$", line)
    if found:
        expected = int(found.group(1))
    words = shlex.split(line, comments=True)
    assert words[0] == "dipos", f"the tutorial runs only dipos commands: {line}"
    code = main(words[1:])
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert code == expected, f"{line}\nexited {code}, expected {expected}:\n{output}"
    return output


def test_every_command_of_the_tutorial_works(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = _blocks()
    assert sum(1 for _, _, language, _ in blocks if language == "sh") >= 4
    output: str | None = None
    for marker, path, language, body in blocks:
        if marker == "file":
            assert path is not None
            target = workspace / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
        elif marker == "output":
            assert output is not None, "an output block with no command before it"
            printed = output.splitlines()
            for shown in body.splitlines():
                assert any(line.startswith(shown) for line in printed), (
                    f"not printed: {shown!r}\nprinted:\n{output}"
                )
        elif marker == "excerpt":
            assert path is not None
            assert body in (workspace / path).read_text(encoding="utf-8"), path
        elif language == "sh":
            output = "".join(_run(line, capsys) for line in body.splitlines() if line.strip())


def test_the_article_on_the_page_is_the_file_in_the_repository() -> None:
    (body,) = [b for m, p, _, b in _blocks() if m == "file" and p and p.endswith(".txt")]
    assert body == ARTICLE.read_text(encoding="utf-8")


def test_the_tutorial_is_in_the_navigation() -> None:
    assert "tutorial.md" in (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
