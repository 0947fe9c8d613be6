"""The validator's tables of references and dates (``dipos.validator.index.fields``) match the
models: every reference field's ``RefersTo`` marker, and every EDTF date."""

import types
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from dipos.model import RECORD_TYPES, StatedDate
from dipos.model.types import RefersTo
from dipos.validator.index.fields import EDTF_FIELDS, REFERENCES

Pattern = tuple[str, ...]


def _walk(
    annotation: Any, path: Pattern, metadata: tuple[Any, ...], stack: tuple[type, ...]
) -> Iterator[tuple[Pattern, Any]]:
    """Every (path, marker) in a type: ``RefersTo`` markers, and ``StatedDate`` (a date)."""
    for meta in metadata:
        if isinstance(meta, RefersTo):
            yield path, meta
    origin = get_origin(annotation)
    if origin is Annotated:
        yield from _walk(get_args(annotation)[0], path, annotation.__metadata__, stack)
    elif origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            yield from _walk(arg, path, (), stack)
    elif origin is list:
        yield from _walk(get_args(annotation)[0], (*path, "*"), (), stack)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation is StatedDate:
            yield (*path, "value"), StatedDate
        if annotation in stack:
            return
        for name, field in annotation.model_fields.items():
            yield from _walk(
                field.annotation,
                (*path, field.alias or name),
                tuple(field.metadata),
                (*stack, annotation),
            )


def _found(record_type: str) -> list[tuple[Pattern, Any]]:
    return list(_walk(RECORD_TYPES[record_type], (), (), ()))


def test_every_reference_field_is_in_the_table_with_its_record_types() -> None:
    # A dataset's own properties name no record; its lists are checked record by record.
    assert REFERENCES["dataset"] == ()
    for record_type in RECORD_TYPES:
        if record_type == "dataset":
            continue
        from_models = {
            path: marker.record_types
            for path, marker in _found(record_type)
            if isinstance(marker, RefersTo)
        }
        assert dict(REFERENCES[record_type]) == from_models, record_type


def test_every_date_is_in_the_edtf_table() -> None:
    for record_type in RECORD_TYPES:
        if record_type == "dataset":
            continue
        dates = {path for path, marker in _found(record_type) if marker is StatedDate}
        assert set(EDTF_FIELDS.get(record_type, ())) == dates, record_type


def test_the_marker_is_not_in_the_schema() -> None:
    from dipos.schema import build_schemas

    text = str(build_schemas())
    assert "RefersTo" not in text
    assert "record_types" not in text
