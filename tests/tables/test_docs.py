"""docs/tables.md: its list of tables and columns is the layout's, its DuckDB query runs
on a Parquet export and answers what it says, and its Python snippet runs."""

from collections.abc import Iterator
from contextlib import chdir
from pathlib import Path

import pytest

from dipos.cli import main
from dipos.tables.docs import END, START, replace_generated, tables_markdown
from dipos.tables.layout import layout

from ._support import REPO, records_of

PAGE = REPO / "docs" / "tables.md"


def _block(marker: str, language: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    return text.split(marker, 1)[1].split(f"```{language}\n", 1)[1].split("```", 1)[0]


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    with chdir(tmp_path):
        yield tmp_path


def test_the_list_of_tables_is_up_to_date() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert START in page
    assert END in page
    assert replace_generated(page) == page, "run: python -m dipos.tables.docs docs/tables.md"
    for name, spec in layout().tables.items():
        assert f"`{name}`" in page
        assert all(f"`{column}`" in page for column in spec.column_names)
    assert tables_markdown() in page


def test_the_duckdb_query_answers_demands_by_actor_and_topic_over_time(in_tmp: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    assert main(["export", str(REPO / "examples"), "--to", "parquet", "-o", "tables"]) == 0
    result = duckdb.sql(_block("<!-- dipos:duckdb-query -->", "sql"))
    assert result.columns == ["actor", "topic", "stated_on", "reported_on", "position", "summary"]
    rows = result.fetchall()
    records = records_of(
        *(p for p in (REPO / "examples").rglob("*") if p.suffix in (".json", ".jsonl", ".yaml"))
    )
    names = {r["id"]: r["name"] for r in records if r["type"] == "actor"}
    expected = {
        (names[holder], topic, r["id"])
        for r in records
        if r["type"] == "position" and r["move"] == "demand"
        for holder in r["holders"]
        for topic in r["topics"]
    }
    assert {(actor, topic, position) for actor, topic, _, _, position, _ in rows} == expected
    # Over time: within an actor and topic, dated rows come in date order, undated last.
    for (actor, topic), group in _groups(rows).items():
        dates = [stated or reported for _, _, stated, reported, _, _ in group]
        known = [str(d) for d in dates if d is not None]
        assert dates[: len(known)] == sorted(known), (actor, topic)


def _groups(
    rows: list[tuple[object, ...]],
) -> dict[tuple[object, object], list[tuple[object, ...]]]:
    found: dict[tuple[object, object], list[tuple[object, ...]]] = {}
    for row in rows:
        found.setdefault((row[0], row[1]), []).append(row)
    return found


def test_the_python_snippet_runs(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    with chdir(REPO):
        exec(_block("## From Python", "python"), {"__name__": "__snippet__"})
    assert "troop_withdrawal" in capsys.readouterr().out
