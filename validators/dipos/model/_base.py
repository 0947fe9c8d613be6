"""The base class shared by every dipos model.

Three decisions live here, so that every record behaves the same:

* Unknown properties are errors, because they are nearly always typos
  (``"speakr"``). Every object is closed; a project's own additions go in the
  ``extensions`` object of a record, the one place where free keys are allowed.
* ``null`` is never a value. An optional property that is not known is left
  out; writing ``null`` is an error. This keeps the JSON Schema free of
  ``"type": "null"`` branches and gives one way to say "unknown".
* Types are strict (``"5"`` is not a number), as in the JSON Schema, so the
  models and the schema give the same verdict on every document.
"""

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, model_validator

EXTENSIONS_PROPERTY = "extensions"
"""The property of each record that holds a project's own additions."""


def _schema_extra(schema: dict[str, Any], model: type[Any]) -> None:
    """Close the object to unknown properties, and add the keywords a model declares in
    ``json_schema_also`` (rules across properties that a model validator enforces on the
    Python side)."""
    schema["additionalProperties"] = False
    schema.update(getattr(model, "json_schema_also", {}))


class DiposModel(BaseModel):
    """Base of all dipos models."""

    #: JSON Schema keywords added to the model's schema, mirroring a model validator.
    json_schema_also: ClassVar[dict[str, Any]] = {}

    model_config: ClassVar[ConfigDict] = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=False,
        use_attribute_docstrings=True,
        populate_by_name=False,
        serialize_by_alias=True,
        json_schema_extra=_schema_extra,
        regex_engine="rust-regex",
    )

    @model_validator(mode="before")
    @classmethod
    def _reject_nulls_and_unknown_properties(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        names = cls._property_names()
        for key, value in data.items():
            if not isinstance(key, str):
                continue
            if key not in names:
                where = (
                    f"put it in {EXTENSIONS_PROPERTY!r} to record it as an extension"
                    if EXTENSIONS_PROPERTY in cls.model_fields
                    else f"a project's own additions go in the record's {EXTENSIONS_PROPERTY!r}"
                )
                raise ValueError(f"unknown property {key!r}: check its spelling, or {where}")
            if value is None:
                raise ValueError(
                    f"property {key!r} is null: leave the property out when it is not known"
                )
        return data

    @classmethod
    def _property_names(cls) -> frozenset[str]:
        """The JSON property names of the model (a field's alias where it has one, as
        `from` for the Python field `from_`)."""
        return frozenset(field.alias or name for name, field in cls.model_fields.items())

    def to_json_dict(self) -> dict[str, Any]:
        """The record as plain JSON data, leaving out properties that were not given.

        Declared properties can never be null (validation refuses it), so leaving out
        the unset ones is enough; the values in `extensions` are kept exactly, nulls included.
        """
        return self.model_dump(mode="json", exclude_unset=True, by_alias=True)
