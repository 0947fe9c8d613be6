"""Putting the site together: the published schema files, the pages generated from a
repository, and the example records cited by hand-written pages."""

import json
import shutil
from pathlib import Path

import pytest

from dipos.version import SCHEMA_VERSION
from dipos_docs import generate_pages, published_schema_files
from dipos_docs.site import archived_schema_files, expand_record_directives

from ._support import FIXTURE_EXAMPLES, REPO_ROOT, SITE_URL


def test_schema_files_are_published_at_the_path_of_their_id() -> None:
    published = published_schema_files(REPO_ROOT, SITE_URL)
    for path in sorted((REPO_ROOT / "schema").glob("*.json")):
        schema_id = json.loads(path.read_text(encoding="utf-8"))["$id"]
        assert published[schema_id.removeprefix(SITE_URL)] == path
    for csv_path in (REPO_ROOT / "schema" / "codelists").glob("*.csv"):
        assert published[f"schema/{SCHEMA_VERSION}/codelists/{csv_path.name}"] == csv_path


def test_archived_schema_versions_stay_published_at_their_id() -> None:
    archived = archived_schema_files(REPO_ROOT, SITE_URL)
    archive = REPO_ROOT / "schema" / "archive" / "0.1"
    for name in ("dataset.schema.json", "record.schema.json"):
        schema_id = json.loads((archive / name).read_text(encoding="utf-8"))["$id"]
        assert schema_id == f"{SITE_URL}schema/0.1/{name}"
        assert archived[f"schema/0.1/{name}"] == archive / name
    assert archived["schema/0.1/codelists/move.csv"] == archive / "codelists" / "move.csv"
    assert not any(path.startswith(f"schema/{SCHEMA_VERSION}/") for path in archived)


def test_an_id_outside_the_site_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "x.schema.json").write_text('{"$id": "https://example.org/x.json"}')
    with pytest.raises(ValueError, match="not under site_url"):
        published_schema_files(tmp_path, SITE_URL)


@pytest.fixture(scope="module")
def fixture_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with the committed schema and the small fictional examples."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(REPO_ROOT / "schema", root / "schema")
    shutil.copytree(FIXTURE_EXAMPLES, root / "examples")
    return root


def test_pages_follow_the_examples(fixture_repo: Path) -> None:
    site = generate_pages(fixture_repo, SITE_URL)
    paths = [page.path for page in site.pages]
    assert "examples/article-1.md" in paths
    assert "timeline.md" in paths
    assert site.page_of["pos-a1-withdrawal"] == "examples/article-1.md"
    assert (
        site.assets["examples/data/seeds/common.json"]
        == fixture_repo / "examples/seeds/common.json"
    )
    assert site.example_nav[0] == {"Overview": "examples/index.md"}
    assert site.example_nav[1] == {
        "Seed articles": [
            {"Northland sets *conditions* | Southland answers": "examples/article-1.md"}
        ]
    }
    assert site.problems == []


def test_an_unreadable_example_file_is_a_problem(tmp_path: Path) -> None:
    shutil.copytree(REPO_ROOT / "schema", tmp_path / "schema")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "broken.json").write_text("{", encoding="utf-8")
    site = generate_pages(tmp_path, SITE_URL)
    assert len(site.problems) == 1
    assert site.problems[0].startswith("examples/broken.json: cannot be read")


def test_record_directives_insert_the_example_record(fixture_repo: Path) -> None:
    site = generate_pages(fixture_repo, SITE_URL)
    text = "Intro\n\n<!-- dipos:record actor-north-president -->\n\nOutro\n"
    expanded, problems = expand_record_directives(text, "concepts.md", site)
    assert problems == []
    assert '"represents": "actor-northland"' in expanded
    assert "From [`examples/seeds/common.json`](examples/data/seeds/common.json)." in expanded


def test_record_directives_can_show_some_properties(fixture_repo: Path) -> None:
    site = generate_pages(fixture_repo, SITE_URL)
    text = "<!-- dipos:record pos-a1-ceasefire: links -->\n"
    expanded, problems = expand_record_directives(text, "concepts.md", site)
    assert problems == []
    shown = json.loads(expanded.split("```json\n", 1)[1].split("```", 1)[0])
    assert list(shown) == ["type", "id", "links"]
    assert "Some properties left out." in expanded
    assert "[on its example page](examples/article-1.md#pos-a1-ceasefire)" in expanded


def test_a_directive_for_a_missing_record_is_a_problem(fixture_repo: Path) -> None:
    site = generate_pages(fixture_repo, SITE_URL)
    _, problems = expand_record_directives("<!-- dipos:record pos-gone -->\n", "concepts.md", site)
    assert problems == ["concepts.md: no example record with id 'pos-gone'"]
    _, problems = expand_record_directives(
        "<!-- dipos:record pos-a1-ceasefire: nope -->\n", "concepts.md", site
    )
    assert problems == ["concepts.md: record 'pos-a1-ceasefire' has no nope"]
