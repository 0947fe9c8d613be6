"""The codelist CSV files agree with the models' code types and with the schema."""

import csv
import io
import re
from typing import Any

import pytest

from dipos.codelists import SPECS, CodelistSpec, literal_codes, load
from dipos.model.types import TOPIC_PATTERN
from dipos.schema import build_schemas

from ._support import SCHEMA_DIR

CLOSED = [spec for spec in SPECS if spec.closed]
OPEN = [spec for spec in SPECS if not spec.closed]
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


def _ids(spec: CodelistSpec) -> str:
    return spec.name


def _property_schema(used_by: str) -> dict[str, Any]:
    """The schema of ``Model.property`` in the dataset schema's ``$defs``."""
    model, _, prop = used_by.partition(".")
    schema: dict[str, Any] = build_schemas()["dataset.schema.json"]["$defs"][model]
    property_schema: dict[str, Any] = schema["properties"][prop]
    return property_schema


def _allowed_values(property_schema: dict[str, Any]) -> list[str]:
    if property_schema.get("type") == "array":
        property_schema = property_schema["items"]
    if "enum" in property_schema:
        return list(property_schema["enum"])
    if "const" in property_schema:
        return [property_schema["const"]]
    return []


def test_every_codelist_file_is_listed_and_copied() -> None:
    names = {spec.name for spec in SPECS}
    assert len(names) == len(SPECS)
    committed = {path.stem for path in (SCHEMA_DIR / "codelists").glob("*.csv")}
    assert committed == names


@pytest.mark.parametrize("spec", CLOSED, ids=_ids)
def test_closed_codelist_equals_the_model_codes_in_order(spec: CodelistSpec) -> None:
    codes = [code.code for code in load(spec.name).codes]
    assert codes == list(literal_codes(spec.codes_type))


@pytest.mark.parametrize("spec", SPECS, ids=_ids)
def test_rows_are_complete_unique_and_snake_case(spec: CodelistSpec) -> None:
    codelist = load(spec.name)
    assert codelist.columns[:3] == ("code", "title", "definition")
    assert "deprecated" in codelist.columns
    codes = [code.code for code in codelist.codes]
    assert codes, "empty codelist"
    assert len(set(codes)) == len(codes), "duplicate codes"
    for code in codelist.codes:
        assert SNAKE_CASE.fullmatch(code.code), code.code
        assert code.title.strip(), code.code
        assert code.definition.strip(), code.code


@pytest.mark.parametrize("spec", SPECS, ids=_ids)
def test_csv_parses_with_one_value_per_column(spec: CodelistSpec) -> None:
    codelist = load(spec.name)
    rows = list(csv.reader(io.StringIO(codelist.csv_text)))
    assert all(len(row) == len(codelist.columns) for row in rows), "ragged CSV rows"
    assert codelist.csv_text.endswith("\n")


@pytest.mark.parametrize("spec", CLOSED, ids=_ids)
def test_schema_enforces_exactly_the_closed_codes(spec: CodelistSpec) -> None:
    codes = list(literal_codes(spec.codes_type))
    allowed: list[str] = []
    for used_by in spec.used_by:
        values = _allowed_values(_property_schema(used_by))
        assert values, f"{used_by} has no enum or const"
        if len(spec.used_by) == 1:
            assert values == codes, used_by
        allowed += values
    assert sorted(set(allowed)) == sorted(codes)


@pytest.mark.parametrize("spec", OPEN, ids=_ids)
def test_open_codelist_is_not_an_enum_and_its_codes_match_the_pattern(
    spec: CodelistSpec,
) -> None:
    for used_by in spec.used_by:
        assert _allowed_values(_property_schema(used_by)) == [], used_by
    for code in load(spec.name).codes:
        assert re.fullmatch(TOPIC_PATTERN, code.code), code.code


@pytest.mark.parametrize("name", ["move", "topic"])
def test_move_and_topic_carry_their_cameo_and_plover_equivalents(name: str) -> None:
    columns = load(name).columns
    assert {"cameo", "plover_event", "plover_mode"} <= set(columns)
