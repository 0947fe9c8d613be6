"""Shared helpers: where the committed schema and the fixtures are, and the three
validators whose verdicts must agree (python-jsonschema, pydantic, jsonschema-rs)."""

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pydantic
from jsonschema.exceptions import ValidationError

from dipos.model import Dataset, DiposModel, Record

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO_ROOT / "schema"
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "schema"
VALID_DIR = FIXTURES / "valid"
INVALID_DIR = FIXTURES / "invalid"
EXPECTED_FILE = INVALID_DIR / "EXPECTED.yaml"

DATASET_SCHEMA = "dataset.schema.json"
RECORD_SCHEMA = "record.schema.json"

RECORD_ADAPTER: pydantic.TypeAdapter[DiposModel] = pydantic.TypeAdapter(Record)


def fixture_files(directory: Path) -> list[Path]:
    """The fixture files of a directory, sorted, one case per file."""
    return sorted(directory.glob("*.json"))


@cache
def committed_schema(name: str) -> dict[str, Any]:
    """A schema file as committed under ``schema/``."""
    loaded: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return loaded


def schema_name_for(instance: Any) -> str:
    """The schema a document is checked against: a dataset, or any single record."""
    if isinstance(instance, dict) and instance.get("type") == "dataset":
        return DATASET_SCHEMA
    return RECORD_SCHEMA


@cache
def _python_validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(committed_schema(name))


@cache
def _rust_validator(name: str) -> Any:
    return jsonschema_rs.validator_for(committed_schema(name))


def python_jsonschema_errors(instance: Any) -> list[ValidationError]:
    """python-jsonschema's errors on the committed schema."""
    return list(_python_validator(schema_name_for(instance)).iter_errors(instance))


def python_jsonschema_accepts(instance: Any) -> bool:
    """python-jsonschema's verdict on the committed schema."""
    return bool(_python_validator(schema_name_for(instance)).is_valid(instance))


def jsonschema_rs_accepts(instance: Any) -> bool:
    """jsonschema-rs's verdict on the committed schema."""
    return bool(_rust_validator(schema_name_for(instance)).is_valid(instance))


def pydantic_accepts_json(text: str | bytes, instance: Any) -> bool:
    """The models' verdict on a document's JSON text, as tools read files."""
    try:
        if schema_name_for(instance) == DATASET_SCHEMA:
            Dataset.model_validate_json(text)
        else:
            RECORD_ADAPTER.validate_json(text)
    except pydantic.ValidationError:
        return False
    return True


def pydantic_accepts_python(instance: Any) -> bool:
    """The models' verdict on already-parsed JSON data."""
    try:
        if schema_name_for(instance) == DATASET_SCHEMA:
            Dataset.model_validate(instance)
        else:
            RECORD_ADAPTER.validate_python(instance)
    except pydantic.ValidationError:
        return False
    return True


def verdicts(instance: Any) -> dict[str, bool]:
    """Every validator's verdict on one JSON document, by validator name."""
    text = json.dumps(instance, ensure_ascii=False)
    return {
        "python-jsonschema": python_jsonschema_accepts(instance),
        "jsonschema-rs": jsonschema_rs_accepts(instance),
        "pydantic (JSON)": pydantic_accepts_json(text, instance),
        "pydantic (Python)": pydantic_accepts_python(instance),
    }
