"""Every model round-trips: JSON file -> model -> JSON gives back the same data,
with no defaults added and nothing lost, for the records and every sub-model."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import dipos.model
from dipos.model import RECORD_TYPES, Actor, DiposModel

from ._support import VALID_DIR, fixture_files

VALID_FILES = fixture_files(VALID_DIR)


def _model_of(path: Path) -> DiposModel:
    document = json.loads(path.read_text(encoding="utf-8"))
    return RECORD_TYPES[document["type"]].model_validate_json(path.read_bytes())


def _sub_models(model: BaseModel) -> Iterator[BaseModel]:
    """The model and every model nested in it, at any depth."""
    yield model
    for name in type(model).model_fields:
        yield from _nested(getattr(model, name))


def _nested(value: Any) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield from _sub_models(value)
    elif isinstance(value, list):
        for item in value:
            yield from _nested(item)


def _all_model_classes() -> set[type[DiposModel]]:
    exported = (getattr(dipos.model, name) for name in dipos.model.__all__)
    return {
        cls
        for cls in exported
        if isinstance(cls, type) and issubclass(cls, DiposModel) and cls is not DiposModel
    }


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_to_json_dict_gives_back_the_file(path: Path) -> None:
    assert _model_of(path).to_json_dict() == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_every_model_in_the_file_round_trips_through_json(path: Path) -> None:
    for model in _sub_models(_model_of(path)):
        again = type(model).model_validate_json(model.model_dump_json(exclude_unset=True))
        assert again == model, type(model).__name__


def test_the_valid_fixtures_instantiate_every_model_class() -> None:
    seen = {type(model) for path in VALID_FILES for model in _sub_models(_model_of(path))}
    assert _all_model_classes() - seen == set()


def test_extensions_are_kept_verbatim() -> None:
    document = {
        "type": "actor",
        "id": "a",
        "name": "A",
        "kind": "state",
        "extensions": {
            "acme:list": [1, None, {"k": None}],
            "acme:object": {"nested": {"deep": "value"}},
            "x_false": False,
            "zero": 0,
        },
    }
    assert Actor.model_validate(document).to_json_dict() == document


def test_a_null_extension_survives_the_round_trip() -> None:
    document = {
        "type": "actor",
        "id": "a",
        "name": "A",
        "kind": "state",
        "extensions": {"acme:note": None},
    }
    assert Actor.model_validate(document).to_json_dict() == document


def test_an_x_property_is_no_longer_an_extension() -> None:
    document = {"type": "actor", "id": "a", "name": "A", "kind": "state", "x_note": 1}
    with pytest.raises(ValidationError, match="put it in 'extensions'"):
        Actor.model_validate(document)
