"""Records -> tables -> records gives back the same records, for every example and every
positive fixture: in memory, through a CSV folder and through an XLSX workbook."""

from pathlib import Path

import pytest

from dipos.tables import read_csv, records_to_tables, tables_to_records, write_csv
from dipos.tables.xlsxio import read_xlsx, write_xlsx

from ._support import ROUND_TRIP_FILES, file_id, records_of

pytest.importorskip("openpyxl")


def test_the_round_trip_covers_examples_and_both_fixture_folders() -> None:
    names = {file_id(p).split("/")[0] for p in ROUND_TRIP_FILES}
    assert names == {"examples", "tests"}
    assert any("fixtures/schema/valid" in file_id(p) for p in ROUND_TRIP_FILES)
    assert any("fixtures/validate/valid" in file_id(p) for p in ROUND_TRIP_FILES)


@pytest.mark.parametrize("path", ROUND_TRIP_FILES, ids=file_id)
def test_round_trip_in_memory(path: Path) -> None:
    records = records_of(path)
    back, problems = tables_to_records(records_to_tables(records))
    assert problems == []
    assert back == records


@pytest.mark.parametrize("path", ROUND_TRIP_FILES, ids=file_id)
def test_round_trip_through_csv(path: Path, tmp_path: Path) -> None:
    records = records_of(path)
    write_csv(records_to_tables(records), tmp_path / "tables")
    tables, problems = read_csv(tmp_path / "tables")
    back, more = tables_to_records(tables)
    assert problems == more == []
    assert back == records


@pytest.mark.parametrize("path", ROUND_TRIP_FILES, ids=file_id)
def test_round_trip_through_xlsx(path: Path, tmp_path: Path) -> None:
    records = records_of(path)
    write_xlsx(records_to_tables(records), tmp_path / "data.xlsx")
    tables, problems = read_xlsx(tmp_path / "data.xlsx")
    back, more = tables_to_records(tables)
    assert problems == more == []
    assert back == records


def test_round_trip_of_all_examples_together(tmp_path: Path) -> None:
    records = records_of(*(p for p in ROUND_TRIP_FILES if file_id(p).startswith("examples")))
    write_xlsx(records_to_tables(records), tmp_path / "all.xlsx")
    tables, problems = read_xlsx(tmp_path / "all.xlsx")
    assert problems == []
    assert tables_to_records(tables) == (records, [])
