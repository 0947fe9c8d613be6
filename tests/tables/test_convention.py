"""The flattening convention on the cases a table cannot show by itself, and the problems
reported when tables cannot be read back."""

import datetime
from pathlib import Path
from typing import Any

import pytest

from dipos import SCHEMA_VERSION
from dipos.tables import (
    Locations,
    Problem,
    Table,
    Tables,
    read_csv,
    records_to_dataset,
    records_to_tables,
    tables_to_records,
    write_csv,
)
from dipos.tables.flatten import FlattenError
from dipos.tables.layout import layout
from dipos.tables.xlsxio import read_xlsx, sheet_name, write_xlsx

pytest.importorskip("openpyxl")


def position(**extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type": "position",
        "id": "pos-1",
        "holders": ["actor-a"],
        "move": "demand",
        "topics": ["ceasefire"],
        "summary": "A demands a ceasefire.",
        "evidence": [{"source": "src-1", "quote": "a ceasefire", "quote_kind": "direct"}],
    }
    record.update(extra)
    return record


def through_every_format(records: list[dict[str, Any]], tmp_path: Path) -> None:
    tables = records_to_tables(records)
    assert tables_to_records(tables) == (records, [])
    write_csv(tables, tmp_path / "csv")
    from_csv, problems = read_csv(tmp_path / "csv")
    assert problems == []
    assert tables_to_records(from_csv) == (records, [])
    write_xlsx(tables, tmp_path / "data.xlsx")
    from_xlsx, problems = read_xlsx(tmp_path / "data.xlsx")
    assert problems == []
    assert tables_to_records(from_xlsx) == (records, [])


@pytest.mark.parametrize(
    "text",
    [
        "",
        '"',
        '""',
        '"""',
        "=1+1",
        "_x0041_",
        "a\x01b\x1fc",
        "  spaced  ",
        "two\nlines\r\n",
        "tab\there",
        "é ✓ 😀",
    ],
)
def test_awkward_text_survives_every_format(text: str, tmp_path: Path) -> None:
    evidence = {"source": "src-1", "quote": "q", "quote_kind": "direct", "prefix": text}
    through_every_format([position(evidence=[evidence], notes=text or "x")], tmp_path)


@pytest.mark.parametrize("value", [0, -1.5, 600000, 0.1, 1e300, 2**60, 1.0])
def test_numbers_survive_every_format(value: float, tmp_path: Path) -> None:
    through_every_format([position(quantities=[{"value": value, "unit": "km"}])], tmp_path)


def test_empty_lists_and_objects_are_named_in_the_empty_column(tmp_path: Path) -> None:
    record = position(
        addressees=[], deadlines=[{"within": {"amount": 1, "unit": "day", "after": "x"}}]
    )
    record["responds_to"] = [{"target": "prop-1", "response": "accepts", "points": []}]
    tables = records_to_tables([record])
    row = dict(zip(tables["positions"].columns, tables["positions"].rows[0], strict=True))
    assert row["_empty"] == "addressees"
    responses = tables["position_responds_to"]
    assert dict(zip(responses.columns, responses.rows[0], strict=True))["_empty"] == "points"
    through_every_format([record], tmp_path)


def test_nested_objects_are_path_columns_and_lists_are_child_tables() -> None:
    record = position(stated_on={"value": "2025-06", "basis": "stated"})
    tables = records_to_tables([record])
    positions = tables["positions"]
    row = dict(zip(positions.columns, positions.rows[0], strict=True))
    assert row["id"] == "pos-1"
    assert row["stated_on/value"] == "2025-06"
    assert row["stated_on/basis"] == "stated"
    assert tables["position_topics"].rows == [["pos-1", 0, "ceasefire"]]
    assert tables["position_holders"].columns == ["position_id", "holders_index", "value"]
    evidence = tables["position_evidence"]
    assert evidence.columns[:3] == ["position_id", "evidence_index", "source"]


def test_every_table_of_the_layout_is_made_even_when_empty() -> None:
    tables = records_to_tables([])
    assert tables.names() == list(layout().tables)
    assert all(not t.rows for t in tables)


def test_a_dataset_is_split_into_its_header_and_its_records() -> None:
    dataset = {
        "type": "dataset",
        "dipos_version": SCHEMA_VERSION,
        "title": "T",
        "positions": [position()],
    }
    records, problems = tables_to_records(records_to_tables([dataset]))
    assert problems == []
    assert records == [
        {"type": "dataset", "dipos_version": SCHEMA_VERSION, "title": "T"},
        position(),
    ]
    assert records_to_dataset(records) == dataset


def test_data_without_the_schema_shape_is_refused() -> None:
    with pytest.raises(FlattenError, match="unknown record type"):
        records_to_tables([{"type": "nonsense"}])
    with pytest.raises(FlattenError, match="must be a list"):
        records_to_tables([position(topics="ceasefire")])


def test_sheet_names_fit_a_workbook_and_stay_unique() -> None:
    names = [sheet_name(t) for t in layout().tables]
    assert all(len(n) <= 31 for n in names)
    assert len({n.lower() for n in names}) == len(names)
    assert sheet_name("positions") == "positions"


def read(tables: dict[str, tuple[list[str], list[list[Any]]]]) -> tuple[list[Any], list[Problem]]:
    return tables_to_records(
        Tables({name: Table(name, columns, rows) for name, (columns, rows) in tables.items()})
    )


def test_text_cells_are_read_by_their_column_type() -> None:
    records, problems = read(
        {
            "positions": (["id", "move", "summary"], [["pos-1", "demand", "S"]]),
            "position_quantities": (
                ["position_id", "quantities_index", "value", "unit"],
                [["pos-1", "1", "2.5", "km"], ["pos-1", "0", "600000", "personnel"]],
            ),
            "position_evidence": (
                ["position_id", "evidence_index", "quote", "translated", "start"],
                [["pos-1", None, "q", "TRUE", "3"]],
            ),
        }
    )
    assert problems == []
    assert records == [
        {
            "type": "position",
            "id": "pos-1",
            "move": "demand",
            "summary": "S",
            "quantities": [{"value": 600000, "unit": "personnel"}, {"value": 2.5, "unit": "km"}],
            "evidence": [{"quote": "q", "translated": True, "start": 3}],
        }
    ]


def test_problems_name_the_table_row_and_column() -> None:
    _, problems = read(
        {
            "positions": (
                ["id", "move", "speling"],
                [["pos-1", "demand", "x"], ["pos-1", "offer", None], [None, "offer", None]],
            ),
            "position_quantities": (
                ["position_id", "quantities_index", "value"],
                [["pos-1", "0", "12 km"], ["pos-2", "0", "1"], ["pos-1", "x", "1"]],
            ),
            "position_evidence": (
                ["position_id", "evidence_index", "start", "translated"],
                [["pos-1", 0, 1.5, "yes"], ["pos-1", 0, None, None]],
            ),
            "position_topics": (["topics_index", "value"], [[0, "ceasefire"]]),
            "stray": (["a"], [["b"]]),
        }
    )
    found = {(p.table, p.row, p.column) for p in problems}
    assert found == {
        ("stray", None, None),
        ("positions", 1, "speling"),
        ("positions", 3, "id"),
        ("positions", 4, "id"),
        ("position_quantities", 2, "value"),
        ("position_quantities", 3, "position_id"),
        ("position_quantities", 4, "quantities_index"),
        ("position_evidence", 2, "start"),
        ("position_evidence", 2, "translated"),
        ("position_evidence", 3, "evidence_index"),
        ("position_topics", 1, None),
    }
    assert all(str(p) for p in problems)


def test_a_spreadsheet_date_is_a_problem_with_a_hint() -> None:
    _, problems = read(
        {"positions": (["id", "stated_on/value"], [["pos-1", datetime.datetime(2025, 6, 14)]])}
    )
    assert [(p.row, p.column) for p in problems] == [(2, "stated_on/value")]
    assert "as text" in problems[0].message


def test_locations_map_json_paths_to_cells(tmp_path: Path) -> None:
    record = position(evidence=[{"source": "s", "quote": "q", "quote_kind": "direct"}] * 2)
    write_xlsx(records_to_tables([record]), tmp_path / "data.xlsx")
    tables, _ = read_xlsx(tmp_path / "data.xlsx")
    locations = Locations()
    _records, problems = tables_to_records(tables, locations)
    assert problems == []
    cell = locations.find(("positions", 0, "evidence", 1, "quote"))
    assert cell is not None
    assert (cell.table, cell.row, cell.column) == ("position_evidence", 3, "quote")
    whole = locations.find(("positions", 0, "evidence", 1, "nonexistent"))
    assert whole is not None
    assert (whole.table, whole.row, whole.column) == ("position_evidence", 3, None)
    summary = locations.find(("positions", 0, "summary"))
    assert summary is not None
    assert (summary.table, summary.row, summary.column) == ("positions", 2, "summary")
