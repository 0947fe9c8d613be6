"""Any valid dipos document survives records -> tables -> records, in memory and with
every cell written as CSV text and read back (property-based, with the schema tests'
generators of valid documents)."""

from typing import Any

from hypothesis import given, settings

from dipos.tables import Table, Tables, records_to_tables, tables_to_records
from dipos.tables.cells import from_text, to_text
from dipos.tables.layout import dataset_record_lists
from schema import strategies

TYPE_ORDER = ("dataset", "actor", "territory", "source", "proposal", "position")


def _as_records(document: dict[str, Any]) -> list[dict[str, Any]]:
    if document["type"] != "dataset":
        return [document]
    lists = dataset_record_lists()
    found = [{k: v for k, v in document.items() if k not in lists}]
    for key in lists:
        found.extend(document.get(key) or [])
    return sorted(found, key=lambda r: TYPE_ORDER.index(r["type"]))


def _as_text(tables: Tables) -> Tables:
    return Tables(
        {
            t.name: Table(
                t.name, t.columns, [[from_text(to_text(v)) for v in row] for row in t.rows]
            )
            for t in tables
        }
    )


@settings(max_examples=100)
@given(strategies.records)
def test_any_valid_document_round_trips(document: dict[str, Any]) -> None:
    records = _as_records(document)
    tables = records_to_tables([document])
    assert tables_to_records(tables) == (records, [])
    assert tables_to_records(_as_text(tables)) == (records, [])
