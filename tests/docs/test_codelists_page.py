"""The codelists page has one section per committed codelist, a heading per code, and the
CAMEO and PLOVER mappings as a definition list."""

import csv

from dipos_docs import codelists_page
from dipos_docs.codelist_data import codelist_usage, load_codelists
from dipos_docs.schema_model import load_definitions

from ._support import REPO_ROOT


def _page() -> str:
    codelists = load_codelists(REPO_ROOT / "schema" / "codelists")
    usage = codelist_usage(load_definitions(REPO_ROOT / "schema"), codelists)
    return codelists_page.render(codelists, usage, {"move": "Kind of move"}, "schema/0.1")


def test_every_codelist_and_every_code_is_on_the_page() -> None:
    page = _page()
    for path in sorted((REPO_ROOT / "schema" / "codelists").glob("*.csv")):
        assert f"{{#{path.stem}}}" in page
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                heading = f"### `{row['code']}`"
                assert heading in page
                assert f"{{#{path.stem}-{row['code']}}}" in page


def test_mappings_are_a_definition_list() -> None:
    page = _page()
    demand = page.split("{#move-demand}", 1)[1].split("</div>", 1)[0]
    assert "\nCAMEO\n:   10\n" in demand
    assert "\nPLOVER event\n:   DEMAND\n" in demand
    assert "\nMapping note\n:   CAMEO 10 subcode" in demand
    assert "PLOVER mode" not in demand  # an empty mapping is left out
    assert "| Code |" not in page


def test_the_page_is_boosted_in_search() -> None:
    assert _page().startswith("---\nsearch:\n  boost: 2\n---\n")


def test_usage_links_to_the_schema_reference() -> None:
    assert "[Position.`move`](schema.md#position-move)" in _page()


def test_closedness_declared_by_the_package_wins() -> None:
    codelists = [
        t for t in load_codelists(REPO_ROOT / "schema" / "codelists") if t.name == "date_basis"
    ]
    page = codelists_page.render(codelists, {}, {}, "schema/0.1", {"date_basis": True})
    assert "| [Date basis](#date_basis) | 2 | closed |" in page
